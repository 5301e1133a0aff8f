"""Split one space into two balanced, homogeneous, connected parts (the consultation's *Split*).

The cut is the delineation's own: :class:`~sozialraum.engine.delineation.treecut.TreeCutter` cuts a
spanning tree of the space (minimum spanning tree on attribute dissimilarity, then perturbed
trees) where both sides are admissible and the within sum of squares is lowest. "Balanced"
is asked of it first as a band: each part holds between (½ − ``balance``) and (½ + ``balance``)
of the space's residents, within the session's bounds. Only when no cut fits that band do
the bounds alone decide, and when no cut fits those either, the cut that misses them least
is taken (the session flags the parts; the planners decide). A fixed seed per call makes the
same space split the same way whatever happened before.
"""
from __future__ import annotations

import numpy as np

from ..delineation.treecut import TreeCutter

#: Each part holds at least (0.5 - BALANCE) of the space's residents when the bounds allow.
BALANCE = 0.25


def _miss(populations, lower, upper):
    return sum(max(0.0, lower - p) + max(0.0, p - upper) for p in populations)


def balanced_split(graph, nodes, values, sqnorm, population, lower, upper, weights=None, balance=BALANCE, seed=0,
                   attempts=6):
    """Two connected parts of the connected block set ``nodes``; None when ``nodes`` is not connected.

    ``values``/``sqnorm``: prepared attribute rows and their squared norms (all blocks),
    ``weights``: block weights of the SSD (None: unweighted). Returns ``(first, second)``
    index arrays, the part with more residents first.
    """
    nodes = np.asarray(nodes, dtype=np.int64)
    total = float(population[nodes].sum())
    bands = []
    if balance is not None:
        low, high = max(lower, (0.5 - balance) * total), min(upper, (0.5 + balance) * total)
        if low < high:
            bands.append((low, high))
    bands.append((float(lower), float(upper)))
    best = None
    for low, high in bands:
        cutter = TreeCutter(graph, values, sqnorm, population, low, high, np.random.default_rng(seed),
                            attempts=attempts, weights=weights)
        cut = cutter.best_cut(nodes, 2)
        if cut is None:
            return None  # not connected: no spanning tree
        (side, _), (rest, _) = cut
        pops = (float(population[side].sum()), float(population[rest].sum()))
        candidate = (_miss(pops, lower, upper), side, rest, pops)
        if best is None or candidate[0] < best[0]:
            best = candidate
        if _miss(pops, low, high) <= 0:  # fits this band: the first band that fits decides
            best = candidate
            break
    _, side, rest, (side_pop, rest_pop) = best
    if (rest_pop, len(rest), -int(rest.min())) > (side_pop, len(side), -int(side.min())):
        side, rest = rest, side
    return np.sort(side), np.sort(rest)
