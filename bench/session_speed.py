"""Speed of the consultation session (engine/consultation/session.py) on a 20k-block town (issue 11).

    python -m sozialraum.engine.sampletown --blocks 20000 --seed 1 --out /tmp/t20k.gpkg
    python bench/session_speed.py [/tmp/t20k.gpkg] [--strokes 100]

Targets of the issue: a paint stroke of 20 blocks updates the dock statistics and the overlay
in under 50 ms (the engine's part should be a few ms), a full validation in under 1 s.

The town is read without GDAL (tests/engine/gpkg_read.py), the adjacency built by
``build_adjacency`` (gap 30 m, the town's barriers), the attributes are the benchmark's 21
rates and shares (bench/common.py), and the division is a bounded tree cut of each connected
part into spaces of about 4,600 residents (the delineation's first partition: a realistic
division in seconds, not minutes). A stroke is 20 blocks reached from a block next to the
target space, outward through the neighbouring spaces, as a drag across the border would
collect them. Timed per stroke (each undone afterwards, so every stroke starts from the same
division): the overlay's preview after each of the 20 blocks, the commit (move + status of
the affected spaces), the dock's header (summary) and full table (statuses of every space),
and the undo.
"""
import argparse
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
from common import ATTRIBUTE_NAMES, GAP, LOWER, UPPER, block_rates, use_repository_engine

use_repository_engine()
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests" / "engine"))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

import gpkg_read  # noqa: E402
from session_recount import recount  # noqa: E402

from sozialraum.engine.attributes import prepare_attributes  # noqa: E402
from sozialraum.engine.consultation.session import ConsultationSession  # noqa: E402
from sozialraum.engine.delineation.treecut import TreeCutter  # noqa: E402
from sozialraum.engine.objective import block_weights  # noqa: E402
from sozialraum.engine.spatial.adjacency import build_adjacency  # noqa: E402
from sozialraum.engine.spatial.graph import Graph  # noqa: E402

TARGET_PER_SPACE = 4600.0
STROKE = 20


def tree_cut_division(graph, population, values):
    """Space label per block: each connected part cut into parts of about TARGET_PER_SPACE residents."""
    sqnorm = (values**2).sum(axis=1)
    cutter = TreeCutter(graph, values, sqnorm, population, LOWER, UPPER, np.random.default_rng(1), attempts=2,
                        weights=block_weights(population))
    labels = np.zeros(graph.n, dtype=np.int64)
    component = graph.components()
    next_label = 1
    for part in range(component.max() + 1):
        nodes = np.flatnonzero(component == part)
        q = max(1, int(round(population[nodes].sum() / TARGET_PER_SPACE)))
        for piece in cutter.partition(nodes, q):
            labels[piece] = next_label
            next_label += 1
    return labels


def stroke_from(session, lists, labels, target, rng):
    """20 block ids outside ``target``, reached from a block next to it (breadth first, outward)."""
    members = np.flatnonzero(labels == target)
    border = sorted({other for node in members.tolist() for other in lists[node] if labels[other] != target})
    if not border:
        return None
    start = border[int(rng.integers(len(border)))]
    seen, queue, order = {start}, [start], []
    while queue and len(order) < STROKE:
        node = queue.pop(0)
        order.append(node)
        for other in lists[node]:
            if other not in seen and labels[other] != target:
                seen.add(other)
                queue.append(other)
    return [session.block_ids[node] for node in order] if len(order) == STROKE else None


def timed(function, *args):
    start = time.perf_counter()
    result = function(*args)
    return result, (time.perf_counter() - start) * 1000.0


def describe(values):
    values = np.asarray(values)
    return f"median {np.median(values):.2f}, p95 {np.percentile(values, 95):.2f}, max {values.max():.2f}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("town", nargs="?", default="/tmp/t20k.gpkg")
    parser.add_argument("--strokes", type=int, default=100)
    args = parser.parse_args()
    town = Path(args.town)
    if not town.exists():
        subprocess.run([sys.executable, "-m", "sozialraum.engine.sampletown", "--blocks", "20000", "--seed", "1",
                        "--out", str(town), "--quiet"], check=True)
    geometries, frame = gpkg_read.read_layer(town, "blocks")
    barriers, _ = gpkg_read.read_layer(town, "barriers")
    population = frame["pop_total"].to_numpy(dtype=float)
    start = time.perf_counter()
    adjacency = build_adjacency(geometries, gap_distance=GAP, barriers=barriers, population=population)
    graph = Graph(len(geometries), adjacency.left, adjacency.right, adjacency.shared_length)
    adjacency_s = time.perf_counter() - start
    values = prepare_attributes(block_rates(frame), list(ATTRIBUTE_NAMES)).values
    start = time.perf_counter()
    division = tree_cut_division(graph, population, values)
    division_s = time.perf_counter() - start
    ids = frame["block_id"].tolist()

    session, build_ms = timed(ConsultationSession, ids, population, values, graph, division.tolist(), LOWER, UPPER)
    summary = session.summary()
    print(f"town: {len(ids)} blocks, {graph.n_edges} links, {population.sum():.0f} residents, {summary.spaces} spaces "
          f"({summary.below} below, {summary.above} above, {summary.not_contiguous} not contiguous); adjacency "
          f"{adjacency_s:.1f} s, division {division_s:.1f} s, session built in {build_ms:.0f} ms")

    lists = graph.neighbour_lists()
    rng = np.random.default_rng(7)
    spaces = list(session.spaces)
    previews, commits, headers, tables, undos, affected = [], [], [], [], [], []
    strokes = 0
    while strokes < args.strokes:
        target = spaces[int(rng.integers(len(spaces)))]
        blocks = stroke_from(session, lists, division, target, rng)
        if blocks is None:
            continue
        for length in range(1, STROKE + 1):  # the overlay while dragging: one preview per block reached
            _, ms = timed(session.preview, blocks[:length], target)
            previews.append(ms)
        change, ms = timed(session.move, blocks, target)
        commits.append(ms)
        affected.append(len(change.affected))
        _, ms = timed(session.summary)
        headers.append(ms)
        _, ms = timed(session.statuses)
        tables.append(ms)
        _, ms = timed(session.revert, change)
        undos.append(ms)
        strokes += 1
    assert session.labels() == division.tolist()

    validations = [timed(session.validate)[1] + timed(session.statuses)[1] for _ in range(3)]
    recounts = [timed(lambda: recount(session))[1] for _ in range(3)]
    largest = max(session.statuses(), key=lambda status: status.blocks)
    split, split_ms = timed(session.split, largest.space)
    session.revert(split)
    first = spaces[0]
    neighbour = next(int(division[other]) for node in np.flatnonzero(division == first).tolist()
                     for other in lists[node] if division[other] != first)
    merge, merge_ms = timed(session.merge, first, neighbour)
    session.revert(merge)

    engine = np.asarray(commits) + np.asarray(headers) + np.asarray(tables)
    print(f"{strokes} strokes of {STROKE} blocks (affected spaces per stroke: {describe(affected)}), ms:")
    print(f"  preview per block reached (overlay): {describe(previews)}")
    print(f"  commit (move + affected statuses):   {describe(commits)}")
    print(f"  dock header (summary):               {describe(headers)}")
    print(f"  dock table (statuses of all spaces): {describe(tables)}")
    print(f"  commit + header + table:             {describe(engine)}")
    print(f"  undo (revert):                       {describe(undos)}")
    print(f"full validation (contiguity of every space + all statuses): best {min(validations):.0f} ms of 3")
    print(f"recount from scratch (tests/session_recount.py): best {min(recounts):.0f} ms of 3")
    print(f"split of the largest space ({largest.blocks} blocks, {largest.population:.0f} residents): {split_ms:.0f} ms; "
          f"merge of two neighbours ({merge.population:.0f} residents moved): {merge_ms:.1f} ms")


if __name__ == "__main__":
    main()
