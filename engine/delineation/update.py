"""Update an adopted division with as little change as possible (the AZTool idea: areas that still
meet the rules are kept, only the others and their neighbours change).

1. Which spaces must change: those outside the population bounds, those that are no longer
   contiguous, and those next to blocks without a space (new blocks). Together with their
   neighbouring spaces (the ones that can give or take blocks) they form the *free* area; every
   other space stays exactly as it is.
2. Each connected cluster of free spaces is divided again on its own, warm-started from the
   old division and with the same number of spaces unless the bounds force another number
   (engine/delineation/delineate.py's search, nothing else is touched).
3. Stability: the search also moves blocks for homogeneity. A block move is undone when the
   homogeneity it gains (the SSD drop as a share of the total) is smaller than
   ``stability`` times the share of all residents it moves, and undoing it keeps both spaces
   within the bounds and contiguous. ``stability`` 0 keeps every move (homogeneity first);
   the default undoes all moves that are not needed for the bounds except clear gains.
   A space counts as cut in pieces only when two pieces lie in the same connected part of the
   town (islands joined to a space by the delineation are fine).
4. Numbers: engine/delineation/numbering.py keeps the old numbers; the result says per space what happened
   and how many residents and blocks moved.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..objective import block_weights, group_ssd, total_ss
from ..problem import DEFAULT_POPULATION_WEIGHT
from ..spatial.graph import is_connected
from .delineate import FALLBACK, STATUS_ABOVE, STATUS_BELOW, STATUS_FLAGGED, STATUS_OK, Delineation, Space, delineate
from .numbering import Renumbering, normalise_id, renumber

#: Default stability weight: an optional move must gain 10 times its residents' share in homogeneity.
DEFAULT_STABILITY = 10.0
#: Rings of neighbours added to a cluster whose population cannot be divided within the bounds.
MAX_RINGS = 3


@dataclass
class UpdateResult:
    space_ids: list  # new space id per block (None: no space)
    renumbering: Renumbering
    delineation: Delineation  # the whole new division (labels as in ``labels``), notes of every engine run
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
                    progress=None, is_cancelled=None, population_weight=DEFAULT_POPULATION_WEIGHT):
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

    component = graph.components(active)
    needs_change = set()
    for value, blocks in members.items():
        pop = population[blocks].sum()
        if value not in locked and (pop < lower or pop > upper or cut_in_pieces(graph, blocks, component)):
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
    notes = []
    nearest = _nearest_space(members, old, coordinates, locked, nest)
    clusters = _clusters(needs_change, members, old, lists, locked, nearest)
    orphans_taken = set()  # an orphan between two clusters goes to the first only
    for index, cluster in enumerate(clusters):
        cluster = cluster - free_all  # a ring added to an earlier cluster is not divided twice
        if not cluster:
            continue
        for _ring in range(MAX_RINGS + 1):
            new_blocks = [b for b in _orphans_next_to(cluster, members, orphans, old, lists) if b not in orphans_taken]
            blocks = np.concatenate([members[v] for v in cluster] + [np.asarray(new_blocks, dtype=np.int64)])
            pop = population[blocks].sum()
            low, high = max(1, int(np.ceil(pop / upper - 1e-9))), int(np.floor(pop / lower + 1e-9)) if lower > 0 else 10**9
            if low <= high:
                break
            cluster = cluster | (_neighbours(cluster, members, old, lists, locked, nearest) - free_all)
        orphans_taken.update(new_blocks)
        count = int(np.clip(len(cluster), low, max(low, high)))
        mask = np.zeros(n, dtype=bool)
        mask[blocks] = True
        settings = {} if compactness is None else {"compactness": compactness}
        run = delineate(graph, population, values, lower=lower, upper=upper, n_spaces=count, nest=nest,
                        initial=[old[b] if mask[b] else None for b in range(n)], coordinates=coordinates,
                        active=mask & active, weight_by_population=weight_by_population,
                        population_weight=population_weight, seed=seed,
                        on_infeasible=on_infeasible, is_cancelled=is_cancelled,
                        progress=None if progress is None else _share(progress, index, len(clusters)), **settings)
        for space in run.spaces:
            labels[space.blocks] = next_label
            next_label += 1
        free_all |= cluster
        # the part's requested count is the update's own business, not the division's number of spaces
        notes.extend(note for note in run.notes if note.get("code") != "k_given")

    # an optional move is judged with the search's block weights
    weights = block_weights(population, active, population_weight) if weight_by_population else np.ones(n)
    reverted = 0
    if stability > 0 and free_all:
        numbering = renumber(old, labels, population)
        reverted = _undo_optional_moves(graph, labels, old, numbering, population, np.asarray(values, dtype=float), weights,
                                        active, lower, upper, stability)
    numbering = renumber(old, labels, population, rule=rule)
    space_ids = numbering.ids(labels)
    moved = np.array([old[b] is not None and space_ids[b] != old[b] for b in range(n)])
    division = division_of(labels, graph, population, np.asarray(values, dtype=float), lower, upper, active, nest, notes, seed)
    return UpdateResult(space_ids, numbering, division, labels, sorted(needs_change, key=_id_order), sorted(free_all, key=_id_order), reverted,
                        float(population[moved].sum()), int(moved.sum()), float(population[active].sum()))


def division_of(labels, graph, population, values, lower, upper, active, nest, notes, seed):
    """A :class:`Delineation` of finished ``labels`` (0: no space): status from the bounds, flagged
    when a space is not contiguous or spans an island (:func:`contiguity_flags`)."""
    spaces, total = [], 0.0
    component = graph.components(active)
    for label in sorted(set(labels[labels > 0].tolist())):
        blocks = np.flatnonzero(labels == label)
        pop = float(population[blocks].sum())
        ssd = group_ssd(values[blocks])
        total += ssd
        flags = contiguity_flags(graph, blocks, component)
        status = STATUS_BELOW if pop < lower else STATUS_ABOVE if pop > upper else STATUS_FLAGGED if flags else STATUS_OK
        spaces.append(Space(int(label), blocks, pop, ssd, status, flags, None if nest is None else nest[blocks[0]]))
    return Delineation(labels, spaces, total, total_ss(values[active]), notes, seed, graph)


def contiguity_flags(graph, blocks, component):
    """["not_contiguous"] for a space cut in pieces, ["island_joined"] for one that spans parts of the
    town without a link between them (as the delineation flags a space it joined to an island), []."""
    if len(blocks) <= 1 or is_connected(graph, blocks):
        return []
    return ["not_contiguous"] if cut_in_pieces(graph, blocks, component) else ["island_joined"]


def cut_in_pieces(graph, blocks, component):
    """Is the space in more pieces than the parts of the town it lies in? (A space may span an island
    that the delineation joined to it; two pieces in the same part are a cut.)"""
    if len(blocks) <= 1 or is_connected(graph, blocks):
        return False
    pieces = graph.subgraph(blocks).components()
    return int(pieces.max()) + 1 > len(set(component[blocks].tolist()))


def _id_order(value):
    return (isinstance(value, str), value if not isinstance(value, str) else 0, str(value))


def _share(progress, index, total):
    return lambda fraction, stage: progress((index + fraction) / total, stage)


def _neighbours(spaces, members, old, lists, locked, nearest=None):
    """Spaces linked to ``spaces``; for a space without any (cut off by barriers), the space of the
    nearest block (``nearest``: a function of the space), as the delineation joins islands."""
    found = set()
    for value in spaces:
        linked = set()
        for block in members.get(value, ()):
            linked.update(old[j] for j in lists[block] if old[j] is not None and old[j] not in locked and old[j] in members)
        if not linked - set(spaces) and nearest is not None:
            linked.update(nearest(value, set(spaces)))
        found |= linked
    return found - set(spaces)


def _nearest_space(members, old, coordinates, locked, nest):
    """A function: the space (not locked, same nesting unit) of the block nearest to a space."""
    if coordinates is None:
        return None
    points = np.asarray(coordinates, dtype=float)

    def nearest(value, exclude):
        own = members[value]
        others = [b for v, blocks in members.items() if v not in exclude and v not in locked for b in blocks.tolist()]
        if nest is not None:
            others = [b for b in others if nest[b] == nest[own[0]]]
        if not others:
            return set()
        others = np.asarray(others)
        distance = ((points[own][:, None, :] - points[others][None, :, :]) ** 2).sum(axis=2)
        return {old[int(others[np.unravel_index(np.argmin(distance), distance.shape)[1]])]}
    return nearest


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


def _clusters(needs_change, members, old, lists, locked, nearest=None):
    """Connected groups of free spaces: each space that must change with its neighbours."""
    free = set()
    for value in needs_change:
        free |= {value} | _neighbours({value}, members, old, lists, locked, nearest)
    free = {v for v in free if v in members}
    touching = {v: _neighbours({v}, members, old, lists, locked, nearest) & free for v in free}
    for v in list(touching):  # a join to the nearest space works both ways
        for w in touching[v]:
            touching[w].add(v)
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
