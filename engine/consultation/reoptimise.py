"""Re-optimise a division around decisions: move only what the experts left free (issue 11, item 4).

In a consultation the experts lock spaces and move blocks by hand; afterwards the planner
asks the engine to tidy up the rest. This is the delineation's own local search
(:func:`~sozialraum.engine.delineation.localsearch.improve`: single-block moves that keep contiguity,
first lowering the bound violation, then SSD + λ · border) started from the division as it
is now (the warm start), with two kinds of constraint:

- **closed spaces** (locked, and "no space"): neither lose nor gain a block;
- **pinned blocks** (touched by hand): never move, while their spaces stay open — the space
  around a hand-placed block may still grow or shrink.

Only single-block moves are used, never the merge-and-resplit or restart steps of
:func:`~sozialraum.engine.delineation.delineate.solve`: those redraw whole spaces and would move pinned
blocks. The number of spaces stays as it is (a space never loses its last block).

Bounded two ways: ``max_passes`` (deterministic) and ``time_limit`` seconds, checked between
passes; on the limit the moves made so far are kept (each move leaves a valid division).
"""
from __future__ import annotations

import time

import numpy as np

from ..delineation.localsearch import RegionState, improve
from ..errors import Cancelled
from ..objective import total_link_length, total_ss
from ..problem import DEFAULT_COMPACTNESS

__all__ = ["improve_around"]

#: passes of the local search, as the delineation's default effort makes (20 · effort)
DEFAULT_PASSES = 20


def improve_around(graph, population, values, codes, lower, upper, closed=(), pinned=None, weights=None,
                   compactness=DEFAULT_COMPACTNESS, max_passes=DEFAULT_PASSES, time_limit=None, seed=0,
                   clock=time.monotonic):
    """New space codes per block (int array) from ``codes`` by moves of the free blocks only.

    ``codes``: the space code of each block, 0 for "no space" (never moved, never filled);
    ``closed``: codes of locked spaces; ``pinned``: bool mask of blocks that must stay;
    ``weights``: block weights of the SSD (None: unweighted); ``values``: prepared attribute
    rows (finite). ``codes`` itself is not changed.
    """
    codes = np.asarray(codes, dtype=np.int64)
    n = graph.n
    if len(codes) != n:
        raise ValueError(f"codes needs one value per block ({n}), got {len(codes)}")
    values = np.asarray(values, dtype=float)
    population = np.asarray(population, dtype=float)
    pinned = np.zeros(n, dtype=bool) if pinned is None else np.asarray(pinned, dtype=bool)
    frozen = (codes == 0) | np.isin(codes, np.asarray(sorted(set(closed)), dtype=np.int64))
    if frozen.all() or (frozen | pinned).all():
        return codes.copy()
    sqnorm = (values**2).sum(axis=1)
    state = RegionState(codes, values, sqnorm, population, int(codes.max()) + 1, weights=weights)
    active = codes != 0
    active_weights = None if weights is None else np.asarray(weights, dtype=float)[active]
    ssd_scale = total_ss(values[active], active_weights) or 1.0
    deadline = None if time_limit is None else clock() + float(time_limit)
    is_cancelled = None if deadline is None else (lambda: clock() > deadline)
    try:
        improve(state, graph, lower, upper, np.random.default_rng(seed), frozen=frozen, pinned=pinned,
                compactness=compactness, ssd_scale=ssd_scale, length_scale=total_link_length(graph),
                max_passes=max_passes, is_cancelled=is_cancelled)
    except Cancelled:
        pass  # the time limit: checked between passes, so every move made so far is complete
    return state.labels.copy()
