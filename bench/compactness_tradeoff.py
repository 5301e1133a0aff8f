#!/usr/bin/env python3
"""Homogeneity against shape: our delineation for several compactness weights.

    .venv/bin/python bench/compactness_tradeoff.py --sizes sample,20000 --weights 0,0.1,0.25,0.5,1,2 \\
        --csv bench/compactness_tradeoff.csv --markdown /tmp/tradeoff.md --plot bench/compactness_tradeoff.png

Sizes: ``sample`` reads the bundled Musterstadt (resources/sample/musterstadt.gpkg, 3,492
blocks, the town of the peers' rows in bench/RESULTS.md), a number generates a town
(``generate_town(n_blocks=size, seed=20261123)``). The adjacency is built as the plugin builds
it (gap 30 m, the town's barriers; the links carry the shared or facing length, which the
compactness term sums), the few components joined to the main one by their nearest blocks
(links of length 0) and the attributes of bench/common.py prepared (standardised, equal
weights) – the instance of bench/run_delineation.py, so the peers' rows there compare.

Every run is scored by ``evaluate_division`` with the block geometries (Polsby-Popper after
closing the 30 m street gaps): unweighted SSD share (the peers' figure), SSD share weighted
by residents, mean and minimum Polsby-Popper, spaces below PP 0.10, bound violations, time.
``--population-weights both`` also runs every weight without population weights.
``--weighting`` runs the weighted objective with other block weights than the engine's
residents / mean (capped, square root, populated or not; :data:`WEIGHTINGS`), swapped in for
the benchmark only, and ``--seeds 0,1,2`` repeats every run with several search seeds:

    .venv/bin/python bench/compactness_tradeoff.py --sizes sample --weights 0.1,0.25,0.5 \\
        --weighting cap-median,binary,cap-mean,sqrt --seeds 0,1,2 --csv /tmp/variants.csv

Only an artefact of the benchmark: matplotlib (for ``--plot``) is no runtime dependency.
"""
from __future__ import annotations

import argparse
import csv
import pickle
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import common

#: Peers' mean Polsby-Popper and SSD share at k = 33 on the sample town (bench/RESULTS.md).
PEERS_3500 = {"skater": (0.6553, 0.436), "redcap": (0.5911, 0.389), "azp_tabu": (0.6401, 0.282),
              "spopt ward": (0.5829, 0.393)}
COLUMNS = ("blocks", "weighted", "weighting", "seed", "compactness", "k", "below", "above", "noncontiguous", "ssd_share",
           "ssd_share_weighted", "mean_pp", "min_pp", "pp_below_010", "seconds")


def build(n_blocks, town_seed, cache):
    """The instance (with link lengths) and the block geometries, cached as a pickle."""
    path = Path(cache) / f"tradeoff_{n_blocks}_{town_seed}.pickle" if cache else None
    if path is not None and path.exists():
        with open(path, "rb") as handle:
            return pickle.load(handle)
    common.use_repository_engine()
    from sozialraum.engine.attributes import prepare_attributes
    from sozialraum.engine.sampletown import generate_town
    from sozialraum.engine.spatial.adjacency import build_adjacency

    if n_blocks == "sample":
        sys.path.insert(0, str(common.REPO_ROOT / "tests" / "engine"))
        from gpkg_read import read_layer  # the GeoPackage as SQLite: no GDAL needed

        sample = common.REPO_ROOT / "resources" / "sample" / "musterstadt.gpkg"
        geometries, frame = read_layer(sample, "blocks")
        barriers = read_layer(sample, "barriers")[0]
    else:
        town = generate_town(n_blocks=int(n_blocks), seed=town_seed)
        geometries, frame, barriers = list(town.blocks.geometries), town.blocks.frame, list(town.barriers.geometries)
    population = frame["pop_total"].to_numpy(dtype=float)
    adjacency = build_adjacency(geometries, gap_distance=common.GAP, barriers=barriers, population=population)
    coordinates = np.array([[g.centroid.x, g.centroid.y] for g in geometries])
    extra_left, extra_right = common.connect_components(len(geometries), adjacency.left, adjacency.right, coordinates,
                                                        population)
    instance = {
        "n": len(geometries),
        "population": population,
        "values": prepare_attributes(common.block_rates(frame), list(common.ATTRIBUTE_NAMES)).values,
        "left": np.concatenate([adjacency.left, extra_left]),
        "right": np.concatenate([adjacency.right, extra_right]),
        "length": np.concatenate([adjacency.shared_length, np.zeros(len(extra_left))]),
        "coordinates": coordinates,
        "barrier_pairs": adjacency.barrier_pairs,
        "geometries": geometries,
    }
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "wb") as handle:
            pickle.dump(instance, handle)
    return instance


#: Block weighting schemes of ``--weighting`` (the weights the weighted objective gives each
#: block; p = residents, the typical block = mean or median of the blocks with residents).
#: ``residents`` is engine/objective.py's ``block_weights``; the others replace it for the run.
WEIGHTINGS = {
    "residents": "p / mean p (every block)",
    "cap-median": "min(p / median p of populated blocks, 1)",
    "cap-mean": "min(p / mean p of populated blocks, 1)",
    "sqrt": "sqrt(p / mean p)",
    "binary": "1 with residents, 0 without",
}


def weighting_function(scheme):
    """The weights of ``scheme`` as a function (population, active=None) -> weights."""
    from sozialraum.engine import objective

    if scheme == "residents":
        return objective.block_weights

    def weights(population, active=None):
        population = np.nan_to_num(np.asarray(population, dtype=float))
        chosen = population if active is None else population[np.asarray(active, dtype=bool)]
        populated = chosen[chosen > 0]
        if not len(populated):
            return np.ones(len(population))
        if scheme == "cap-median":
            return np.minimum(population / np.median(populated), 1.0)
        if scheme == "cap-mean":
            return np.minimum(population / populated.mean(), 1.0)
        if scheme == "sqrt":
            return np.sqrt(population / chosen.mean())
        if scheme == "binary":
            return (population > 0).astype(float)
        raise ValueError(scheme)

    return weights


def use_weighting(scheme):
    """Make the delineation weight blocks by ``scheme`` (module-level swap, benchmark only)."""
    from sozialraum.engine.delineation import delineate as delineate_module

    delineate_module.block_weights = weighting_function(scheme)


def run(instance, compactness, weighted, seed=0, log=print, weighting="residents"):
    from sozialraum.engine.delineation.delineate import delineate
    from sozialraum.engine.scoring import evaluate_division
    from sozialraum.engine.spatial.graph import Graph

    graph = Graph(instance["n"], instance["left"], instance["right"], instance["length"])
    start = time.perf_counter()
    result = delineate(graph, instance["population"], instance["values"], lower=common.LOWER, upper=common.UPPER,
                       coordinates=instance["coordinates"], compactness=compactness, weight_by_population=weighted,
                       seed=seed)
    seconds = time.perf_counter() - start
    evaluation = evaluate_division(result.labels, instance["population"], instance["values"], common.LOWER, common.UPPER,
                                   graph=result.graph, barrier_pairs=instance["barrier_pairs"],
                                   geometries=instance["geometries"], missing=(0,))
    summary, pp = evaluation.summary, evaluation.spaces["polsby_popper"].to_numpy(dtype=float)
    row = {
        "blocks": instance["n"], "weighted": weighted, "weighting": weighting if weighted else "none", "seed": seed,
        "compactness": compactness, "k": summary["k"],
        "below": summary["n_below"], "above": summary["n_above"], "noncontiguous": summary["n_noncontiguous"],
        "ssd_share": round(summary["ssd_share"], 4), "ssd_share_weighted": round(summary.get("ssd_share_weighted", np.nan), 4),
        "mean_pp": round(summary["mean_polsby_popper"], 3), "min_pp": round(float(np.nanmin(pp)), 3),
        "pp_below_010": int((pp < 0.10).sum()), "seconds": round(seconds, 1),
    }
    log(" ".join(f"{key}={value}" for key, value in row.items()))
    return row


def markdown(rows):
    lines = ["| blocks | weighting | seed | compactness | k | below | above | SSD share | SSD share (weighted) | mean PP | min PP "
             "| PP < 0.10 | time s |", "|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for r in rows:
        lines.append(f"| {r['blocks']:,} | {r['weighting']} | {r['seed']} | {r['compactness']:g} | {r['k']} | {r['below']} "
                     f"| {r['above']} | {r['ssd_share']:.4f} | {r['ssd_share_weighted']:.4f} | {r['mean_pp']:.3f} "
                     f"| {r['min_pp']:.3f} | {r['pp_below_010']} | {r['seconds']:.1f} |")
    return "\n".join(lines) + "\n"


def plot(rows, path):
    """Two panels: unweighted SSD share (the peers' figure) and weighted SSD share against mean PP."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    figure, panels = plt.subplots(1, 2, figsize=(12, 5))
    groups = sorted({(r["blocks"], r["weighting"]) for r in rows}, key=lambda g: (g[0], g[1] == "none", g[1]))
    for axes, key, title in ((panels[0], "ssd_share", "SSD share, unweighted (the peers' figure)"),
                             (panels[1], "ssd_share_weighted", "SSD share, blocks weighted by residents")):
        for blocks, weighting in groups:
            part = sorted((r for r in rows if r["blocks"] == blocks and r["weighting"] == weighting),
                          key=lambda r: (r["compactness"], r["seed"]))
            weighted = weighting != "none"
            name = {"residents": "weighted by residents", "none": "unweighted"}.get(weighting, f"weights {weighting}")
            axes.plot([r["mean_pp"] for r in part], [r[key] for r in part], marker="o" if weighted else "s",
                      linestyle="-" if weighted else "--", label=f"ours, {blocks:,} blocks, {name} objective")
            for r in part:
                axes.annotate(f"{r['compactness']:g}", (r["mean_pp"], r[key]), textcoords="offset points", xytext=(4, 4),
                              fontsize=7)
        if key == "ssd_share" and any(r["blocks"] == 3492 for r in rows):
            for name, (share, pp) in PEERS_3500.items():
                axes.scatter([pp], [share], marker="x", color="grey")
                axes.annotate(f"{name} (3,492)", (pp, share), textcoords="offset points", xytext=(4, -10), fontsize=7,
                              color="grey")
        axes.set_xlabel("mean Polsby-Popper (street gaps closed; higher is more compact)")
        axes.set_ylabel("lower is more homogeneous")
        axes.set_title(f"{title}\nagainst shape; labels: compactness weight", fontsize=10)
        axes.grid(alpha=0.3)
        axes.legend(fontsize=7)
    figure.tight_layout()
    figure.savefig(path, dpi=110)


def _typed(key, value):
    if key == "weighted":
        return value == "True"
    if key == "weighting":
        return value
    return float(value) if key in ("compactness", "ssd_share", "ssd_share_weighted", "mean_pp", "min_pp", "seconds") else int(value)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="sample", help="comma-separated: 'sample' (Musterstadt) or block counts")
    parser.add_argument("--weights", default="0,0.1,0.25,0.5,1,2")
    parser.add_argument("--population-weights", choices=("on", "off", "both"), default="on")
    parser.add_argument("--weighting", default="residents",
                        help="comma-separated block weightings of the weighted runs: " + ", ".join(
                            f"{name} ({text})" for name, text in WEIGHTINGS.items()))
    parser.add_argument("--seeds", help="comma-separated search seeds (overrides --seed)")
    parser.add_argument("--town-seed", type=int, default=common.TOWN_SEED)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--cache", default="/tmp/sozialraum_bench_cache")
    parser.add_argument("--no-tidy", action="store_true",
                        help="diagnostic: skip the shape clean-up after the search (engine/delineation/shapes.py), to see the search alone")
    parser.add_argument("--from-csv", help="comma-separated CSV files of earlier runs: table and plot only, no runs")
    parser.add_argument("--csv")
    parser.add_argument("--markdown")
    parser.add_argument("--plot")
    args = parser.parse_args(argv)
    common.use_repository_engine()
    if args.no_tidy:
        from sozialraum.engine.delineation import delineate as delineate_module

        if hasattr(delineate_module, "tidy_division"):
            delineate_module.tidy_division = lambda labels, *rest: labels
    flags = {"on": (True,), "off": (False,), "both": (True, False)}[args.population_weights]
    rows = []
    if args.from_csv:
        for name in args.from_csv.split(","):
            with open(name, newline="") as handle:
                for row in csv.DictReader(handle):
                    row = {key: _typed(key, value) for key, value in row.items()}
                    row.setdefault("weighting", "residents" if row["weighted"] else "none")  # CSVs before --weighting
                    row.setdefault("seed", 0)
                    rows.append(row)
    for size in [] if args.from_csv else args.sizes.split(","):
        instance = build(size, args.town_seed, args.cache)
        seeds = [int(s) for s in args.seeds.split(",")] if args.seeds else [args.seed]
        for weighted in flags:
            for scheme in args.weighting.split(",") if weighted else ["residents"]:
                use_weighting(scheme)
                for weight in (float(w) for w in args.weights.split(",")):
                    for seed in seeds:
                        rows.append(run(instance, weight, weighted, seed=seed, weighting=scheme))
    if args.csv:
        with open(args.csv, "w", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=COLUMNS)
            writer.writeheader()
            writer.writerows(rows)
    text = markdown(rows)
    if args.markdown:
        Path(args.markdown).write_text(text)
    print(text)
    if args.plot:
        plot(rows, args.plot)


if __name__ == "__main__":
    main()
