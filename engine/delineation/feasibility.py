"""Stages 1 and 2 of a delineation: what is fixed, what is divided, into how many spaces.

Feasibility: locked spaces and blocks above the maximum are set aside, the rest falls into
connected parts (cut off by barriers, nesting or locked spaces); parts below the minimum are
joined to a neighbour in their nesting unit or reported. Then the number of spaces is chosen
per part. Every start of the search works from the resulting :class:`Plan`, so this runs once.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..errors import InfeasibleError
from ..problem import FALLBACK
from ..spatial.graph import Graph

#: Why a space is fixed before the search; also the flag its space carries in the result.
LOCKED = "locked"
BLOCK_ABOVE = "block_above"


@dataclass
class Plan:
    """What stages 1 and 2 decide, and every start works from."""

    graph: Graph  # the problem's graph plus the links that join islands to neighbours
    free: np.ndarray  # blocks to partition: active, not locked, not alone above the maximum
    fixed_regions: list  # (blocks, reason) of the spaces no start may change: LOCKED or BLOCK_ABOVE
    parts: list  # connected parts of the free blocks
    counts: np.ndarray  # spaces per part
    joined: list  # (island blocks, anchor block) for each island joined to a neighbour
    notes: list  # structured notes so far (dicts with a "code")


def make_plan(problem, settings):
    """Stages 1 and 2: fixed spaces, parts and the number of spaces per part.

    Raises :class:`InfeasibleError` with every problem found when ``settings`` say FAIL;
    otherwise the problems become notes and the fallbacks apply.
    """
    population, lower, upper = problem.population, problem.min_population, problem.max_population
    fallback = settings.on_infeasible == FALLBACK
    n = problem.graph.n
    notes = []
    region_of = np.full(n, -1, dtype=np.int64)
    fixed_regions = []
    for value in sorted(problem.locked_spaces, key=str):
        members = np.flatnonzero(problem.active & (problem.initial_division == value))
        if len(members):
            fixed_regions.append((members, LOCKED))
            region_of[members] = len(fixed_regions) - 1
        else:
            notes.append({"code": "locked_missing", "value": value})

    free = problem.active & (region_of < 0)
    above = np.flatnonzero(free & (population > upper))
    problems = [{"kind": "block_above", "block": int(i), "population": float(population[i])} for i in above]
    if len(above) and fallback:
        for block in above:
            fixed_regions.append((np.array([block]), BLOCK_ABOVE))
            region_of[block] = len(fixed_regions) - 1
        free[above] = False

    graph, parts, joined, under = _parts(problem.graph, free, population, lower, problem.unit_of_blocks(),
                                         problem.points, fallback)
    problems += [{"kind": "component_below", "blocks": [int(b) for b in blocks], "population": float(population[blocks].sum())} for blocks in under]
    for island, anchor in joined:
        notes.append({"code": "island_joined", "blocks": [int(b) for b in island], "anchor": int(anchor), "population": float(population[island].sum())})

    counts, count_problems, count_note = _space_counts(parts, population, lower, upper, settings.n_spaces, len(fixed_regions),
                                                       settings.target_population)
    problems += count_problems
    if problems and not fallback:
        raise InfeasibleError(problems)
    notes.extend(problems_to_notes(problems))
    notes.append(count_note)
    return Plan(graph, free, fixed_regions, parts, counts, joined, notes)


def problems_to_notes(problems):
    return [dict(problem, code=problem["kind"]) for problem in problems]


def _parts(graph, free, population, lower, units, coordinates, fallback):
    """Connected parts of the free blocks; with the fallback, parts under the minimum are
    joined to the nearest block of another part in the same nesting unit (a link is added).

    Nesting units never share a space: an island with no other part in its unit stays a
    space of its own (below the minimum, reported) instead of joining another unit's space.
    """
    joined, stuck = [], set()
    while True:
        labels = graph.components(mask=free)
        parts = [np.flatnonzero(labels == c) for c in range(labels.max() + 1)] if free.any() else []
        small = [p for p in parts if population[p].sum() < lower]
        if not small or not fallback or coordinates is None or len(parts) == 1:
            return graph, parts, joined, small
        candidates = [p for p in small if int(p[0]) not in stuck]
        if not candidates:
            return graph, parts, joined, small
        # join the smallest island first, to the nearest free block outside it in its unit
        candidates.sort(key=lambda p: (population[p].sum(), p[0]))
        island = candidates[0]
        anchor, source = _nearest_outside(island, free, units, coordinates)
        if anchor is None:
            stuck.add(int(island[0]))
            continue
        graph = graph.with_edges([source], [anchor])
        joined.append((island, anchor))


def join_islands(graph, population, lower, units, coordinates, active=None):
    """The graph with each part below ``lower`` residents joined to its nearest block, as a delineation
    does it (:func:`make_plan` with the fallback), and the (island blocks, anchor block) pairs.

    For scoring a division with the links its delineation used: without them a space that holds
    an island cut off by a barrier reads as in several parts, while the delineation's report
    called it contiguous (an outside check found the two verdicts on one division differing).
    """
    free = np.ones(graph.n, dtype=bool) if active is None else np.asarray(active, dtype=bool)
    units = np.zeros(graph.n, dtype=object) if units is None else np.asarray(units, dtype=object)
    joined_graph, _, joined, _ = _parts(graph, free, np.asarray(population, dtype=float), lower, units,
                                        np.asarray(coordinates, dtype=float), True)
    return joined_graph, joined


def _nearest_outside(island, free, units, coordinates):
    """The closest free block outside ``island`` in the same nesting unit (None if there is none)."""
    from scipy.spatial import cKDTree

    inside = np.zeros(len(free), dtype=bool)
    inside[island] = True
    unit = units[island[0]]
    same_unit = np.array([u == unit for u in units], dtype=bool)
    candidates = np.flatnonzero(free & ~inside & same_unit)
    if not len(candidates):
        return None, None
    tree = cKDTree(coordinates[candidates])
    distance, index = tree.query(coordinates[island])
    best = int(np.argmin(distance))
    return int(candidates[index[best]]), int(island[best])


def _space_counts(parts, population, lower, upper, n_spaces, n_fixed, target_size):
    """Number of spaces per part, problems (if N cannot fit) and a note saying how k was chosen."""
    pops = np.array([population[p].sum() for p in parts], dtype=float)
    low = np.maximum(1, np.ceil(pops / upper - 1e-9)).astype(int)
    high = np.maximum(1, np.floor(pops / lower + 1e-9) if lower > 0 else np.full(len(pops), 10**9)).astype(int)
    problems = []
    for p, lo, hi, blocks in zip(pops, low, high, parts):
        if lo > hi and p >= lower:
            problems.append({"kind": "no_admissible_count", "blocks": [int(b) for b in blocks], "population": float(p)})
    high = np.maximum(high, low)
    target = float(target_size) if target_size else (lower + upper) / 2.0
    if n_spaces and n_spaces > 0:
        wanted = int(n_spaces) - n_fixed
        if wanted < low.sum() or wanted > high.sum():
            problems.append({"kind": "count_out_of_range", "requested": int(n_spaces), "low": int(low.sum()) + n_fixed, "high": int(high.sum()) + n_fixed})
            wanted = int(np.clip(wanted, low.sum(), high.sum()))
        counts = _share_out(pops, low, high, wanted)
        note = {"code": "k_given", "k": int(counts.sum()) + n_fixed, "requested": int(n_spaces)}
    else:
        counts = np.clip(np.rint(pops / target), low, high).astype(int)
        note = {"code": "k_auto", "k": int(counts.sum()) + n_fixed, "target": target, "population": float(pops.sum())}
    return counts, problems, note


def _share_out(pops, low, high, wanted):
    """Integer counts within [low, high] summing to ``wanted``, proportional to population."""
    if not len(pops):
        return np.zeros(0, dtype=int)
    total = pops.sum()
    ideal = wanted * pops / total if total > 0 else np.full(len(pops), wanted / len(pops))
    counts = np.clip(np.floor(ideal), low, high).astype(int)
    while counts.sum() < wanted:
        room = np.where(counts < high, ideal - counts, -np.inf)
        counts[int(np.argmax(room))] += 1
    while counts.sum() > wanted:
        room = np.where(counts > low, counts - ideal, -np.inf)
        counts[int(np.argmax(room))] -= 1
    return counts
