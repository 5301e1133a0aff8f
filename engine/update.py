"""Update an adopted division with as little change as possible (the AZTool idea: areas that still
meet the rules are kept, only the others and their neighbours change).

1. Which spaces must change: those outside the population bounds, those that are no longer
   contiguous, and those next to blocks without a space (new blocks). Together with their
   neighbouring spaces (the ones that can give or take blocks) they form the *free* area; every
   other space stays exactly as it is.
2. Each connected cluster of free spaces is divided again on its own, warm-started from the
   old division and with the same number of spaces unless the bounds force another number
   (engine/delineate.py's search, nothing else is touched).
3. Stability: the search also moves blocks for homogeneity. A block move is undone when the
   homogeneity it gains (the SSD drop as a share of the total) is smaller than
   ``stability`` times the share of all residents it moves, and undoing it keeps both spaces
   within the bounds and contiguous. ``stability`` 0 keeps every move (homogeneity first);
   the default undoes all moves that are not needed for the bounds except clear gains.
4. Numbers: engine/numbering.py keeps the old numbers; the result says per space what happened
   and how many residents and blocks moved.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .delineate import FALLBACK, Delineation, delineate
from .graph import is_connected
from .numbering import Renumbering, normalise_id, renumber
from .objective import block_weights, total_ss

#: Default stability weight: an optional move must gain 10 times its residents' share in homogeneity.
DEFAULT_STABILITY = 10.0
#: Rings of neighbours added to a cluster whose population cannot be divided within the bounds.
MAX_RINGS = 3


@dataclass
class UpdateResult:
    space_ids: list  # new space id per block (None: no space)
    renumbering: Renumbering
    delineation: Delineation  # the last engine run's result with the whole division as labels
    labels: np.ndarray  # region label per block (0: none)
    needs_change: list  # old ids that had to change (outside the bounds, cut in pieces, next to new blocks)
    free: list  # old ids that were allowed to change (those and their neighbours)
    reverted_blocks: int  # block moves undone for stability
    moved_population: float
    moved_blocks: int
    total_population: float

    @property
    def moved_share(self):
        return self.moved_population / self.total_population if self.total_population > 0 else 0.0


def update_division(graph, population, values, initial, lower=700.0, upper=8500.0, stability=DEFAULT_STABILITY,
                    locked=(), nest=None, coordinates=None, active=None, compactness=None,
                    weight_by_population=True, seed=0, on_infeasible=FALLBACK, rule="next_free",
                    progress=None, is_cancelled=None):
    """Update the division ``initial`` (old space per block) with minimal change; see the module text."""
    n = graph.n
    population = np.nan_to_num(np.asarray(population, dtype=float))
    old = [normalise_id(v) for v in initial]
    locked = {normalise_id(v) for v in locked}
    active = np.ones(n, dtype=bool) if active is None else np.asarray(active, dtype=bool)
    lists = graph.neighbour_lists()
    members = {}
    for block, value in enumerate(old):
        if value is not None and active[block]:
            members.setdefault(value, []).append(block)
    members = {v: np.asarray(b) for v, b in members.items()}

    needs_change = set()
    for value, blocks in members.items():
        pop = population[blocks].sum()
        if value not in locked and (pop < lower or pop > upper or not is_connected(graph, blocks)):
            needs_change.add(value)
    orphans = [b for b in range(n) if active[b] and old[b] is None]
    for block in orphans:
        needs_change.update(old[j] for j in lists[block] if old[j] is not None and old[j] not in locked)
    labels = np.zeros(n, dtype=np.int64)
    region_of = {v: i + 1 for i, v in enumerate(sorted(members, key=str))}
    for value, blocks in members.items():
        labels[blocks] = region_of[value]
    next_label = len(region_of) + 1
    free_all = set()
    last = None
    clusters = _clusters(needs_change, members, old, lists, locked)
    for index, cluster in enumerate(clusters):
        for _ring in range(MAX_RINGS + 1):
            blocks = np.concatenate([members[v] for v in cluster] + [np.asarray(_orphans_next_to(cluster, members, orphans, old, lists), dtype=np.int64)])
            pop = population[blocks].sum()
            low, high = max(1, int(np.ceil(pop / upper - 1e-9))), int(np.floor(pop / lower + 1e-9)) if lower > 0 else 10**9
            if low <= high:
                break
            cluster = cluster | _neighbours(cluster, members, old, lists, locked)
        count = int(np.clip(len(cluster), low, max(low, high)))
        mask = np.zeros(n, dtype=bool)
        mask[blocks] = True
        settings = {} if compactness is None else {"compactness": compactness}
        run = delineate(graph, population, values, lower=lower, upper=upper, n_spaces=count, nest=nest,
                        initial=[old[b] if mask[b] else None for b in range(n)], coordinates=coordinates,
                        active=mask & active, weight_by_population=weight_by_population, seed=seed,
                        on_infeasible=on_infeasible, is_cancelled=is_cancelled,
                        progress=None if progress is None else _share(progress, index, len(clusters)), **settings)
        for space in run.spaces:
            labels[space.blocks] = next_label
            next_label += 1
        free_all |= cluster
        last = run

    weights = block_weights(population, active) if weight_by_population else np.ones(n)
    reverted = 0
    if stability > 0 and free_all:
        numbering = renumber(old, labels, population)
        reverted = _undo_optional_moves(graph, labels, old, numbering, population, np.asarray(values, dtype=float), weights,
                                        active, lower, upper, stability)
    numbering = renumber(old, labels, population, rule=rule)
    space_ids = numbering.ids(labels)
    moved = np.array([old[b] is not None and space_ids[b] != old[b] for b in range(n)])
    if last is None:  # nothing to change: the old division as it is
        last = Delineation(labels, [], 0.0, 0.0, [], seed, graph)
    return UpdateResult(space_ids, numbering, last, labels, sorted(needs_change, key=str), sorted(free_all, key=str), reverted,
                        float(population[moved].sum()), int(moved.sum()), float(population[active].sum()))


def _share(progress, index, total):
    return lambda fraction, stage: progress((index + fraction) / total, stage)


def _neighbours(spaces, members, old, lists, locked):
    found = set()
    for value in spaces:
        for block in members.get(value, ()):
            found.update(old[j] for j in lists[block] if old[j] is not None and old[j] not in locked and old[j] in members)
    return found - set(spaces)


def _orphans_next_to(cluster, members, orphans, old, lists):
    """Blocks without a space that touch the cluster, with the orphans touching those (new estates)."""
    orphan_set = set(orphans)
    cluster_blocks = {b for v in cluster for b in members[v].tolist()}
    found, frontier = set(), [b for b in orphans if any(j in cluster_blocks for j in lists[b])]
    while frontier:
        block = frontier.pop()
        if block in found:
            continue
        found.add(block)
        frontier.extend(j for j in lists[block] if j in orphan_set and j not in found)
    return sorted(found)


def _clusters(needs_change, members, old, lists, locked):
    """Connected groups of free spaces: each space that must change with its neighbours."""
    free = set(needs_change) | _neighbours(needs_change, members, old, lists, locked)
    free = {v for v in free if v in members}
    touching = {v: _neighbours({v}, members, old, lists, locked) & free for v in free}
    clusters, seen = [], set()
    for value in sorted(free, key=str):
        if value in seen:
            continue
        group, stack = set(), [value]
        while stack:
            v = stack.pop()
            if v in group:
                continue
            group.add(v)
            stack.extend(touching[v] - group)
        seen |= group
        clusters.append(group)
    return clusters


def _undo_optional_moves(graph, labels, old, numbering, population, values, weights, active, lower, upper, stability):
    """Move blocks back to the space that carries their old number where the homogeneity gained
    is worth less than ``stability`` times the residents moved (shares of the totals); in place."""
    home = {}
    for region, number in numbering.numbers.items():
        home[number] = region
    lists = graph.neighbour_lists()
    ssd_scale = total_ss(values[active], weights[active]) or 1.0
    pop_scale = population[active].sum() or 1.0
    sums = {}
    for region in set(labels[labels > 0].tolist()):
        blocks = labels == region
        w = weights[blocks]
        sums[region] = [w.sum(), w @ values[blocks], float(w @ (values[blocks] ** 2).sum(axis=1)), population[blocks].sum()]

    def ssd(s0, s1, s2):
        return s2 - (s1 @ s1) / s0 if s0 > 1e-12 else 0.0

    reverted = 0
    for _ in range(20):
        changed = 0
        candidates = [b for b in range(len(labels)) if labels[b] > 0 and old[b] is not None and old[b] in home
                      and labels[b] != home[old[b]]]
        for block in sorted(candidates, key=lambda b: (population[b], b)):
            source, target = labels[block], home[old[block]]
            if not any(labels[j] == target for j in lists[block]):
                continue
            s, t = sums[source], sums[target]
            pop = population[block]
            if s[3] - pop < lower or t[3] + pop > upper:
                continue
            w, x = weights[block], values[block]
            q = w * float(x @ x)
            before = ssd(*s[:3]) + ssd(*t[:3])
            after = ssd(s[0] - w, s[1] - w * x, s[2] - q) + ssd(t[0] + w, t[1] + w * x, t[2] + q)
            homogeneity_loss = (after - before) / ssd_scale
            if homogeneity_loss >= stability * pop / pop_scale:
                continue
            rest = np.flatnonzero(labels == source)
            rest = rest[rest != block]
            if len(rest) == 0 or not is_connected(graph, rest):
                continue
            labels[block] = target
            sums[source] = [s[0] - w, s[1] - w * x, s[2] - q, s[3] - pop]
            sums[target] = [t[0] + w, t[1] + w * x, t[2] + q, t[3] + pop]
            changed += 1
        reverted += changed
        if not changed:
            break
    return reverted
