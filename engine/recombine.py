"""Merge-and-resplit moves: two neighbouring regions are merged and split again on a tree.

These are the large jumps the single-block local search cannot make (similar to
GerryChain's ReCom, but choosing the best of several trees instead of a random one). A
recombination is kept when it lowers the bound violation, or keeps it and lowers the
within sum of squares of the pair.
"""
from __future__ import annotations

import numpy as np

from .errors import Cancelled
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


def recombine(state, graph, cutter, lower, upper, rng, closed=(), rounds=1, attempts=3, only_violating=False, is_cancelled=None):
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
            if _try_pair(state, cutter, a, b, lower, upper, attempts):
                accepted += 1
                touched.update((a, b))
        if not touched:
            break
    return accepted


def _try_pair(state, cutter, a, b, lower, upper, attempts):
    labels = state.labels
    nodes = np.flatnonzero((labels == a) | (labels == b))
    before_violation = violation(state.pop[a], lower, upper) + violation(state.pop[b], lower, upper)
    before_ssd = state.ssd(a) + state.ssd(b)
    cut = cutter.best_cut(nodes, 2, attempts=attempts)
    if cut is None:
        return False
    (side, _), (rest, _) = cut
    pop_side = float(state.population[side].sum())
    pop_rest = float(state.population[rest].sum())
    after_violation = violation(pop_side, lower, upper) + violation(pop_rest, lower, upper)
    after_ssd = _ssd(state, side) + _ssd(state, rest)
    if after_violation > before_violation + 1e-9:
        return False
    if after_violation >= before_violation - 1e-9 and after_ssd >= before_ssd - 1e-9 * max(1.0, before_ssd):
        return False
    # keep the label of the side that overlaps a most with a
    overlap = np.count_nonzero(labels[side] == a)
    label_side, label_rest = (a, b) if overlap * 2 >= len(side) else (b, a)
    for node in side:
        if labels[node] != label_side:
            state.move(int(node), label_side)
    for node in rest:
        if labels[node] != label_rest:
            state.move(int(node), label_rest)
    return True


def _ssd(state, nodes):
    x = state.values[nodes]
    total = x.sum(axis=0)
    return float(state.sqnorm[nodes].sum() - total.dot(total) / len(nodes))
