"""Shared set-up for the benchmarks: import path, instances from the sample town, memory.

Not shipped with the plugin. The engine is imported from this repository through the
``.build/pythonpath/sozialraum`` symlink (the same one tests/conftest.py makes).
"""
from __future__ import annotations

import os
import resource
import sys
import time
from pathlib import Path

import numpy as np

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT / "scripts"))

from checkout_package import use_checkout as use_repository_engine  # noqa: E402 (one place makes the link)

# --------------------------------------------------------------------------- attributes

#: The block attributes used by the benchmark: (name, numerator columns, denominator columns).
#: Every attribute is a rate or share computed from the sample town's counts; a block whose
#: denominator is 0 (e.g. no residents) gets NaN, which prepare_attributes fills with the mean.
SOCIAL_RATES = (
    ("share_u18", ("pop_u6", "pop_6_14", "pop_15_17"), ("pop_total",)),
    ("share_18_24", ("pop_18_24",), ("pop_total",)),
    ("share_65plus", ("pop_65plus",), ("pop_total",)),
    ("foreigners_share", ("foreigners",), ("pop_total",)),
    ("sgb2_rate", ("sgb2_persons",), ("pop_u6", "pop_6_14", "pop_15_17", "pop_18_24", "pop_25_64")),  # under 65
    ("sgb2_u15_rate", ("sgb2_u15",), ("pop_u6", "pop_6_14")),  # 0-14 as the base of under 15
    ("unemployment_rate", ("unemployed",), ("pop_18_24", "pop_25_64")),
    ("hh_children_share", ("hh_children",), ("households",)),
    ("single_parent_share", ("hh_single_parent",), ("hh_children",)),
    ("persons_per_household", ("pop_total",), ("households",)),
    ("floor_area_per_head", ("floor_area",), ("pop_total",)),
)
BUILDING_TYPES = ("bld_detached", "bld_row", "bld_multi", "bld_highrise", "bld_oldtown")
BUILDING_PERIODS = ("bld_pre1919", "bld_1919_48", "bld_1949_78", "bld_1979_2000", "bld_post2000")
ATTRIBUTE_NAMES = tuple(name for name, _, _ in SOCIAL_RATES) + tuple(
    f"share_{c}" for c in BUILDING_TYPES + BUILDING_PERIODS
)


def block_rates(frame):
    """n x 21 matrix of the :data:`ATTRIBUTE_NAMES` (NaN where a denominator is 0).

    The social rates are NaN for every block without residents; building-type and
    construction-period shares are shares of the block's buildings (NaN without buildings).
    """
    columns = []

    def ratio(num, den):
        num = np.asarray(num, dtype=float)
        den = np.asarray(den, dtype=float)
        out = np.full(len(num), np.nan)
        np.divide(num, den, out=out, where=den > 0)
        return out

    pop = frame["pop_total"].to_numpy(dtype=float)
    for _, nums, dens in SOCIAL_RATES:
        value = ratio(sum(frame[c].to_numpy(dtype=float) for c in nums), sum(frame[c].to_numpy(dtype=float) for c in dens))
        value[pop <= 0] = np.nan
        columns.append(value)
    for group in (BUILDING_TYPES, BUILDING_PERIODS):
        total = sum(frame[c].to_numpy(dtype=float) for c in group)
        for c in group:
            columns.append(ratio(frame[c].to_numpy(dtype=float), total))
    return np.column_stack(columns)


# --------------------------------------------------------------------------- instances

TOWN_SEED = 20261123
GAP = 30.0
LOWER = 700.0
UPPER = 8500.0


def connect_components(n, left, right, coordinates, population):
    """Extra links that join every component to the nearest block of another one.

    The same links are given to every method (ours and the peers), so all of them work on
    one connected graph. Repeats until the graph is connected.
    """
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components
    from scipy.spatial import cKDTree

    extra_left, extra_right = [], []
    while True:
        all_left = np.concatenate([left, np.asarray(extra_left, dtype=np.int64)])
        all_right = np.concatenate([right, np.asarray(extra_right, dtype=np.int64)])
        matrix = coo_matrix((np.ones(len(all_left)), (all_left, all_right)), shape=(n, n))
        count, labels = connected_components(matrix, directed=False)
        if count <= 1:
            break
        weight = np.bincount(labels, weights=population, minlength=count) + np.bincount(labels, minlength=count) * 1e-9
        main = int(np.argmax(weight))
        outside_main = np.flatnonzero(labels == main)
        tree = cKDTree(coordinates[outside_main])
        for comp in range(count):
            if comp == main:
                continue
            members = np.flatnonzero(labels == comp)
            distance, index = tree.query(coordinates[members])
            best = int(np.argmin(distance))
            extra_left.append(int(members[best]))
            extra_right.append(int(outside_main[index[best]]))
    return np.asarray(extra_left, dtype=np.int64), np.asarray(extra_right, dtype=np.int64)


def build_instance(n_blocks, town_seed=TOWN_SEED, gap=GAP, log=print):
    """Town -> adjacency with barriers -> connected edge list, population, prepared attributes."""
    use_repository_engine()
    from sozialraum.engine.attributes import prepare_attributes
    from sozialraum.engine.sampletown import generate_town
    from sozialraum.engine.spatial.adjacency import build_adjacency

    timings = {}
    start = time.perf_counter()
    town = generate_town(n_blocks=n_blocks, seed=town_seed)
    timings["town"] = time.perf_counter() - start
    geometries = list(town.blocks.geometries)
    frame = town.blocks.frame
    population = frame["pop_total"].to_numpy(dtype=float)
    start = time.perf_counter()
    adjacency = build_adjacency(geometries, gap_distance=gap, barriers=list(town.barriers.geometries), population=population)
    timings["adjacency"] = time.perf_counter() - start
    if adjacency.skipped:
        raise RuntimeError(f"the sample town has {len(adjacency.skipped)} blocks without usable geometry")
    coordinates = np.array([[g.centroid.x, g.centroid.y] for g in geometries])
    extra_left, extra_right = connect_components(len(geometries), adjacency.left, adjacency.right, coordinates, population)
    prepared = prepare_attributes(block_rates(frame), list(ATTRIBUTE_NAMES))
    instance = {
        "n": len(geometries),
        "population": population,
        "values": prepared.values,
        "left": np.concatenate([adjacency.left, extra_left]),
        "right": np.concatenate([adjacency.right, extra_right]),
        # shared or facing length of each link (0 for the joining links), as the plugin's graph has:
        # the compactness term of ours sums these lengths
        "length": np.concatenate([adjacency.shared_length, np.zeros(len(extra_left))]),
        "n_adjacency_edges": adjacency.n_edges,
        "n_links": len(extra_left),
        "n_components": len(adjacency.components),
        "barrier_left": adjacency.barrier_pairs[0],
        "barrier_right": adjacency.barrier_pairs[1],
        "coordinates": coordinates,
        "n_barriers": len(town.barriers.geometries),
        "district": frame["district"].to_numpy(dtype=object),
    }
    log(
        f"instance: {instance['n']} blocks (asked {n_blocks}), population {population.sum():.0f}, "
        f"{adjacency.n_edges} edges, {len(adjacency.components)} components joined by {len(extra_left)} links, "
        f"{len(adjacency.barrier_pairs[0])} barrier pairs; town {timings['town']:.1f} s, adjacency {timings['adjacency']:.1f} s"
    )
    return instance, geometries, timings


def save_instance(instance, path):
    arrays = {}
    for key, value in instance.items():
        value = np.asarray(value)
        if value.dtype != object:
            arrays[key] = value
    np.savez(path, **arrays)


def load_instance(path):
    with np.load(path) as data:
        return {key: data[key] for key in data.files}


# --------------------------------------------------------------------------- memory


def current_rss_mb():
    """Resident set size of this process now (MB)."""
    try:
        with open("/proc/self/statm") as handle:
            pages = int(handle.read().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError):  # not Linux
        import psutil

        return psutil.Process().memory_info().rss / 2**20


def peak_rss_mb(children=False):
    """Peak resident set size of this process so far (MB); ``children``: plus the largest peak of its finished
    child processes (the search's second start runs in one: an upper bound, as if both peaked at once)."""
    def of(who):
        peak = resource.getrusage(who).ru_maxrss
        return peak / 2**20 if sys.platform == "darwin" else peak / 2**10

    return of(resource.RUSAGE_SELF) + (of(resource.RUSAGE_CHILDREN) if children else 0.0)


def children_cpu_seconds():
    """CPU seconds of the finished child processes of this process (user + system)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime
