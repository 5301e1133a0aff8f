"""The default run on Musterstadt before and after the shape clean-up (engine/delineation/shapes.py).

The run the demo makes (scripts/demo.py: the bundled sample town, barriers, gap 30 m, the
rates of scripts/sample_rates.py with balanced groups, seed 1, every other parameter at its
default), engine only: adjacency with shared lengths, ``delineate`` and ``evaluate_division``
with the block geometries. Prints the shape figures of the search's division (before) and of
the returned one (after) and what the clean-up did. The threshold of
tests/engine/test_shapes.py::test_default_run_on_the_sample_town comes from here (see
bench/RESULTS.md).

Usage: .venv/bin/python bench/shape_cleanup.py
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT / "scripts"))
sys.path.insert(0, str(REPO_ROOT / "tests" / "engine"))

from checkout_package import use_checkout  # noqa: E402

SAMPLE = REPO_ROOT / "resources" / "sample" / "musterstadt.gpkg"
SEED = 1  # as the demo
GAP = 30.0
#: scripts/sample_rates.py's attributes (social, then structure), as numpy on the count fields
SOCIAL = ("sgb2_rate", "unemployment", "foreign_share", "young_share", "old_share", "single_parents")
STRUCTURE = ("houses_share", "highrise_share", "prewar_share", "postwar_share", "floor_per_head")


def sample_rates(frame):
    """The demo's block rates (NaN where the denominator is 0), by name."""
    def rate(numerator, denominator):
        numerator, denominator = np.asarray(numerator, dtype=float), np.asarray(denominator, dtype=float)
        out = np.full(len(numerator), np.nan)
        np.divide(100.0 * numerator, denominator, out=out, where=denominator > 0)
        return out

    f = {name: frame[name].to_numpy(dtype=float) for name in frame.columns if frame[name].dtype.kind in "if"}
    buildings = f["bld_detached"] + f["bld_row"] + f["bld_multi"] + f["bld_highrise"] + f["bld_oldtown"]
    pop = f["pop_total"]
    return {
        "sgb2_rate": rate(f["sgb2_persons"], pop - f["pop_65plus"]),
        "unemployment": rate(f["unemployed"], f["pop_18_24"] + f["pop_25_64"]),
        "foreign_share": rate(f["foreigners"], pop),
        "young_share": rate(f["pop_u6"] + f["pop_6_14"] + f["pop_15_17"], pop),
        "old_share": rate(f["pop_65plus"], pop),
        "single_parents": rate(f["hh_single_parent"], f["hh_children"]),
        "houses_share": rate(f["bld_detached"] + f["bld_row"], buildings),
        "highrise_share": rate(f["bld_highrise"], buildings),
        "prewar_share": rate(f["bld_pre1919"] + f["bld_1919_48"], buildings),
        "postwar_share": rate(f["bld_1949_78"], buildings),
        "floor_per_head": rate(f["floor_area"], pop) / 100.0,
    }


def default_instance():
    """``(geometries, population, prepared values, adjacency, graph, points)`` of the demo's run."""
    use_checkout()
    from gpkg_read import read_layer

    from sozialraum.engine.attributes import balance_groups, parse_weights, prepare_attributes
    from sozialraum.engine.spatial.adjacency import build_adjacency
    from sozialraum.engine.spatial.geometry import representative_points
    from sozialraum.engine.spatial.graph import Graph

    geometries, frame = read_layer(SAMPLE, "blocks")
    barriers, _ = read_layer(SAMPLE, "barriers")
    population = frame["pop_total"].to_numpy(dtype=float)
    adjacency = build_adjacency(geometries, gap_distance=GAP, barriers=barriers, population=population)
    rates = sample_rates(frame)
    names = list(SOCIAL + STRUCTURE)
    weights = balance_groups(parse_weights("", names), {n: "structure" if n in STRUCTURE else "social" for n in names})
    values = prepare_attributes(np.column_stack([rates[n] for n in names]), names, weights).values
    graph = Graph(len(geometries), adjacency.left, adjacency.right, adjacency.shared_length)
    return geometries, population, values, adjacency, graph, representative_points(geometries)


def shape_summary(labels, instance, graph, missing):
    from sozialraum.engine.scoring import evaluate_division

    geometries, population, values, adjacency, _, _ = instance
    summary = evaluate_division(labels, population, values, 700, 8500, graph=graph, barrier_pairs=adjacency.barrier_pairs,
                                geometries=geometries, closing=GAP, missing=missing).summary
    keys = ("k", "ssd_share", "ssd_share_weighted", "mean_polsby_popper", "min_polsby_popper", "mean_convex_hull_ratio",
            "n_enclaves", "n_below", "n_above", "n_noncontiguous")
    return {key: summary.get(key) for key in keys}


def run(instance=None):
    """``(before, after, note, seconds)`` of the default run: shape figures and the clean-up's note."""
    instance = instance or default_instance()
    import sozialraum.engine.delineation.delineate as delineate_module
    from sozialraum.engine.delineation import shapes

    geometries, population, values, adjacency, graph, points = instance
    captured = {}

    def recording(labels, problem, settings, plan):
        captured["before"] = labels.copy()
        tidy = shapes.tidy_division(labels, problem, settings, plan)
        captured["note"] = next((n for n in plan.notes if n.get("code") == "shapes_tidied"), None)
        return tidy

    original = delineate_module.tidy_division
    delineate_module.tidy_division = recording
    try:
        start = time.perf_counter()
        result = delineate_module.delineate(graph, population, values, seed=SEED, coordinates=points)
        seconds = time.perf_counter() - start
    finally:
        delineate_module.tidy_division = original
    before = shape_summary(captured["before"], instance, result.graph, (-1,))
    after = shape_summary(result.labels, instance, result.graph, (0,))
    return before, after, captured["note"], seconds


def main():
    before, after, note, seconds = run()
    print(f"default run of Musterstadt (seed {SEED}): {seconds:.1f} s")
    print(f"{'':24}{'before':>10}{'after':>10}")
    for key in before:
        print(f"{key:24}{_fmt(before[key]):>10}{_fmt(after[key]):>10}")
    if note:
        kept = [len(blocks) for blocks in note["enclaves_kept"]]
        print(f"clean-up: {note['tentacles_moved']} tentacle blocks moved; enclaves found {note['enclaves_found']}, "
              f"merged {note['enclaves_merged']}, opened {note['enclaves_opened']}, kept {len(kept)} (blocks {kept})")
    else:
        print("clean-up: nothing found")


def _fmt(value):
    if isinstance(value, float):
        return f"{value:.4f}"
    return str(value)


if __name__ == "__main__":
    main()
