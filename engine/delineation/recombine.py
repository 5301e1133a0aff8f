"""Merge-and-resplit moves: two neighbouring regions are merged and split again on a tree.

These are the large jumps the single-block local search cannot make (similar to
GerryChain's ReCom, but choosing the best of several trees instead of a random one). A
recombination is kept when it lowers the bound violation, or keeps it and lowers the
objective of the pair: the within sum of squares plus ``border_weight`` (λ, see
:func:`~sozialraum.engine.objective.border_weight`) times the length of the borders
between the pair's spaces. The iterated local search (:func:`perturb`) judges by the same
objective.
"""
from __future__ import annotations

import numpy as np

from ..errors import Cancelled
from .localsearch import violation


def neighbouring_pairs(labels, graph, closed):
    """Pairs (a, b), a < b, of regions that share at least one edge, without closed regions."""
    a = labels[graph.left]
    b = labels[graph.right]
    different = a != b
    low = np.minimum(a[different], b[different])
    high = np.maximum(a[different], b[different])
    pairs = np.unique(np.stack([low, high], axis=1), axis=0) if len(low) else np.zeros((0, 2), dtype=np.int64)
    if closed:
        keep = [not (int(x) in closed or int(y) in closed) for x, y in pairs]
        pairs = pairs[np.asarray(keep, dtype=bool)] if len(pairs) else pairs
    return pairs


def recombine(state, graph, cutter, lower, upper, rng, closed=(), rounds=1, attempts=3, only_violating=False, is_cancelled=None,
              border_weight=0.0):
    """Try merge-and-resplit on neighbouring region pairs; returns the number of accepted changes."""
    closed = set(closed)
    accepted = 0
    for _ in range(rounds):
        pairs = neighbouring_pairs(state.labels, graph, closed)
        if not len(pairs):
            break
        if only_violating:
            bad = {r for r in range(state.n_regions) if violation(state.pop[r], lower, upper) > 0}
            pairs = np.asarray([p for p in pairs if int(p[0]) in bad or int(p[1]) in bad], dtype=np.int64).reshape(-1, 2)
        touched = set()
        for index in rng.permutation(len(pairs)):
            if is_cancelled is not None and is_cancelled():
                raise Cancelled()
            a, b = int(pairs[index][0]), int(pairs[index][1])
            if a in touched or b in touched:
                continue  # regions changed this round: their pairs are stale
            if _try_group(state, cutter, [a, b], lower, upper, attempts, border_weight=border_weight):
                accepted += 1
                touched.update((a, b))
        if not touched:
            break
    return accepted


def _inner_border(graph, nodes, before, after):
    """Border length among ``nodes`` (links inside them only) under two labellings.

    ``before``/``after``: label per block of the graph (only those of ``nodes`` are read;
    ``after`` is negative outside ``nodes``). Every link is seen from both ends: halved.
    """
    heads, tails, length = graph.rows(nodes)
    inside = after[tails] >= 0
    heads, tails, length = heads[inside], tails[inside], length[inside]
    return (float(length[before[heads] != before[tails]].sum()) / 2.0,
            float(length[after[heads] != after[tails]].sum()) / 2.0)


def _try_group(state, cutter, regions, lower, upper, attempts, retries=12, border_weight=0.0):
    """Merge ``regions`` and split them again into as many parts; keep it if it is better.

    Links from the group to the outside are borders before and after, so only the links
    inside the group change the border term.
    """
    labels = state.labels
    nodes = np.flatnonzero(np.isin(labels, regions))
    before_violation = sum(violation(state.pop[r], lower, upper) for r in regions)
    before_ssd = sum(state.ssd(r) for r in regions)
    pieces = cutter.partition(nodes, len(regions), attempts=attempts, retries=retries)
    if len(pieces) != len(regions):
        return False
    after_violation = sum(violation(float(state.population[p].sum()), lower, upper) for p in pieces)
    after_ssd = sum(state.nodes_ssd(p) for p in pieces)
    if after_violation > before_violation + 1e-9:
        return False
    if border_weight > 0:
        piece_of = np.full(state.labels.shape[0], -1, dtype=np.int64)
        for index, piece in enumerate(pieces):
            piece_of[piece] = index
        border_before, border_after = _inner_border(cutter.graph, nodes, labels, piece_of)
        before_ssd += border_weight * border_before
        after_ssd += border_weight * border_after
    if after_violation >= before_violation - 1e-9 and after_ssd >= before_ssd - 1e-9 * max(1.0, before_ssd):
        return False
    # give each piece the label it overlaps most (greedy), so unchanged spaces keep their label
    remaining = list(regions)
    order = sorted(range(len(pieces)), key=lambda k: -len(pieces[k]))
    for k in order:
        piece = pieces[k]
        overlap = [np.count_nonzero(labels[piece] == r) for r in remaining]
        label = remaining.pop(int(np.argmax(overlap)))
        for node in piece:
            if labels[node] != label:
                state.move(int(node), label)
    return True


def neighbour_regions(state, graph, region, closed):
    lists = graph.neighbour_lists()
    labels = state.labels
    found = set()
    for node in np.flatnonzero(labels == region):
        for other in lists[node]:
            found.add(int(labels[other]))
    found.discard(region)
    return sorted(found - set(closed))


def _growing_groups(state, graph, region, closed, rng, sizes=(2, 3, 4, 5), trials=4):
    """Groups of neighbouring regions around ``region``: random breadth-first growth, 2 to 5 regions."""
    cache = {}

    def around(r):
        if r not in cache:
            cache[r] = neighbour_regions(state, graph, r, closed)
        return cache[r]

    seen_groups = set()
    for size in sizes:
        for _ in range(trials):
            group = [region]
            frontier = list(around(region))
            while len(group) < size and frontier:
                pick = frontier.pop(int(rng.integers(len(frontier))))
                if pick in group:
                    continue
                group.append(pick)
                frontier.extend(r for r in around(pick) if r not in group)
            key = tuple(sorted(group))
            if len(group) == size and key not in seen_groups:
                seen_groups.add(key)
                yield group


def repair(state, graph, cutter, lower, upper, rng, closed=(), rounds=4, attempts=6, budget=200, is_cancelled=None,
           border_weight=0.0):
    """Fix spaces outside the bounds by re-splitting them together with 1 to 4 neighbours.

    ``budget`` caps the number of group re-splits tried in all (the work stays bounded on
    instances where the bounds cannot all be met).
    """
    closed = set(closed)
    fixed = 0
    for _ in range(rounds):
        bad = [r for r in range(state.n_regions) if r not in closed and state.count[r] > 0 and violation(state.pop[r], lower, upper) > 0]
        if not bad:
            break
        progress = False
        for region in rng.permutation(bad).tolist():
            if is_cancelled is not None and is_cancelled():
                raise Cancelled()
            if violation(state.pop[region], lower, upper) <= 0:
                continue
            groups = _growing_groups(state, graph, region, closed, rng)
            for group in groups:
                if budget <= 0:
                    return fixed
                budget -= 1
                if _try_group(state, cutter, group, lower, upper, attempts, retries=3, border_weight=border_weight):
                    fixed += 1
                    progress = True
                    break
        if not progress:
            break
    return fixed


#: Attempt number of TreeCutter.best_cut used for perturbations (4 and up: random trees).
PERTURBATION_TREE = 4
#: Least number of re-splits of the iterated local search on a small graph: the budget of
#: ``per space x k`` (delineate.PERTURBATION_BUDGET) gives a 30-40 block instance 50-80, too
#: few to leave local optima that lie up to 7 % above the proven optimum (bench/exact.py);
#: at most RESPLITS_PER_BLOCK per block, so the tiniest graphs stay cheap.
MIN_RESPLITS = 300
RESPLITS_PER_BLOCK = 10
#: The re-splits beyond the regular budget stop after this many in a row were not kept
#: (the search has settled: most small graphs, e.g. the property tests', need none).
EXTRA_RESPLITS_PATIENCE = 100
#: Graphs of up to this many blocks end the iterated local search with an exact polish of
#: small groups of spaces (bench/exact.py's instances have 30-40 blocks).
POLISH_LIMIT = 100


def _border_change(journal, labels, lists, lengths):
    """Change of the border length by the moves in ``journal`` (labels: the list after them)."""
    before = {}
    for node, source in journal:
        before.setdefault(node, source)  # the first move of a block records where it was
    change = 0.0
    for node, old in before.items():
        new = labels[node]
        for other, length in zip(lists[node], lengths[node]):
            if other in before:
                if other < node:
                    continue  # both ends moved: the link is counted from its lower end
                other_old = before[other]
            else:
                other_old = labels[other]
            change += length * ((new != labels[other]) - (old != other_old))
    return change


def perturb(state, graph, cutter, lower, upper, rng, closed=(), iterations=100, search=None, is_cancelled=None):
    """Iterated local search: re-split a random pair of neighbouring spaces on a random tree
    (a jump the descent cannot make), let the local search settle around it, and keep the
    result only if the objective went down (else undo): the within sum of squares, plus the
    border length with the weight the local search uses (``search``'s compactness,
    ssd_scale and length_scale) and ``search``'s isoperimetric ``shape`` term, if any. The
    bounds are never given up: only admissible re-splits are tried. Returns the number kept. Small graphs get at least
    min(MIN_RESPLITS, RESPLITS_PER_BLOCK x blocks) re-splits; those beyond ``iterations`` stop
    once EXTRA_RESPLITS_PATIENCE in a row were undone.
    """
    from .localsearch import improve

    closed = set(closed)
    budget = iterations
    if iterations > 0:
        iterations = max(iterations, min(MIN_RESPLITS, RESPLITS_PER_BLOCK * graph.n))
    not_kept = 0  # re-splits in a row that were undone
    search = dict(search or {})
    compactness = search.get("compactness", 0.0)
    border_weight = compactness * search.get("ssd_scale", 1.0) / search.get("length_scale", 1.0)
    lists = graph.neighbour_lists()
    lengths = graph.length_lists() if compactness > 0 else None
    kept = 0
    shape = search.get("shape")  # the isoperimetric term (engine/delineation/shapeterm.py), if any

    def objective():
        return state.total_ssd() + (shape.cost(state.labels) if shape is not None else 0.0)

    current = objective()
    pairs = None
    for iteration in range(iterations):
        if iteration >= budget and not_kept >= EXTRA_RESPLITS_PATIENCE:
            break
        if iteration % 50 == 0:
            if is_cancelled is not None and is_cancelled():
                raise Cancelled()
            pairs = neighbouring_pairs(state.labels, graph, closed)  # refreshed now and then; stale pairs are skipped
        if not len(pairs):
            break
        a, b = (int(v) for v in pairs[int(rng.integers(len(pairs)))])
        nodes = np.flatnonzero((state.labels == a) | (state.labels == b))
        # a random tree and a random admissible cut on it: a jump the descent cannot make
        cut = cutter.best_cut(nodes, 2, attempts=1, start=PERTURBATION_TREE, pick_random=True)
        if cut is None:
            continue  # no longer neighbours
        (side, _), (rest, _) = cut
        if violation(float(state.population[side].sum()), lower, upper) + violation(float(state.population[rest].sum()), lower, upper) > 0:
            continue
        state.journal = []
        for node in side:
            if state.labels[node] != a:
                state.move(int(node), a)
        for node in rest:
            if state.labels[node] != b:
                state.move(int(node), b)
        improve(state, graph, lower, upper, rng, around=nodes, **search)
        journal, state.journal = state.journal, None
        after = objective()
        border_change = _border_change(journal, state.label_list, lists, lengths) if compactness > 0 else 0.0
        if after + border_weight * border_change < current - 1e-9 * max(1.0, current):
            current = after
            kept += 1
            not_kept = 0
        else:
            state.undo(journal)
            not_kept += 1
    if graph.n <= POLISH_LIMIT:  # exact re-divisions of small groups (engine/delineation/exactsplit.py)
        from .exactsplit import polish

        kept += polish(state, graph, lower, upper, closed, border_weight, frozen=search.get("frozen"))
    return kept
