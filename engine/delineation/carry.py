"""Carry a division onto new blocks: each new block gets the old space it overlaps most.

The block layer changes between updates (new estates, split or merged blocks). From the overlap
of every new block with the old spaces (area, or residents from weight points such as
addresses), a block gets the old space holding the largest share. Flags:
- ``split``: a second space holds more than ``tolerance`` of the block (digitising slivers
  along a boundary stay below it);
- ``outside``: no old space overlaps the block (a new estate beyond the old boundary); it gets
  no space, the update gives it to a neighbouring space;
- ``partly_outside``: more than ``tolerance`` of the block lies outside every old space; it gets
  the space that holds most of the rest.
With weight points a block without points is judged by its area (``basis`` says which).
The result is the initial division of sozialraum:update.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

SPLIT = "split"
OUTSIDE = "outside"
PARTLY_OUTSIDE = "partly_outside"
DEFAULT_TOLERANCE = 0.05


@dataclass
class Carried:
    space: list  # old space per block (None: outside every old space)
    share: np.ndarray  # share of the block in that space (0 for outside)
    flags: list  # "" or SPLIT / OUTSIDE / PARTLY_OUTSIDE per block
    shares: list  # per block: [(space, share)], largest first
    basis: list  # "area" or "residents" per block

    def flagged(self, flag):
        return [i for i, f in enumerate(self.flags) if f == flag]


def carry_division(n_blocks, area_overlaps, block_areas, weight_overlaps=None, block_weights=None, tolerance=DEFAULT_TOLERANCE):
    """Old space per new block from overlaps (see the module text).

    ``area_overlaps``: (block index, old space, area) triples (several per pair are summed);
    ``block_areas``: area of each block. ``weight_overlaps``/``block_weights``: the same with the
    residents of the weight points (optional; blocks whose weight is 0 use the area).
    """
    if not 0 <= tolerance < 0.5:
        raise ValueError("tolerance must be at least 0 and below 0.5")
    by_area = _per_block(n_blocks, area_overlaps)
    by_weight = _per_block(n_blocks, weight_overlaps) if weight_overlaps is not None else None
    areas = np.nan_to_num(np.asarray(block_areas, dtype=float))
    weights = None if block_weights is None else np.nan_to_num(np.asarray(block_weights, dtype=float))
    space, share, flags, shares, basis = [], np.zeros(n_blocks), [], [], []
    for block in range(n_blocks):
        if weights is not None and weights[block] > 0:
            amounts, total, kind = by_weight[block], weights[block], "residents"
        else:
            amounts, total, kind = by_area[block], areas[block], "area"
        ranked = sorted(((v, a / total if total > 0 else 0.0) for v, a in amounts.items() if a > 0),
                        key=lambda item: (-item[1], str(item[0])))
        basis.append(kind)
        shares.append(ranked)
        if not ranked:
            space.append(None)
            flags.append(OUTSIDE)
            continue
        space.append(ranked[0][0])
        share[block] = min(ranked[0][1], 1.0)
        covered = sum(s for _, s in ranked)
        if len(ranked) > 1 and ranked[1][1] > tolerance:
            flags.append(SPLIT)
        elif 1.0 - covered > tolerance:
            flags.append(PARTLY_OUTSIDE)
        else:
            flags.append("")
    return Carried(space, share, flags, shares, basis)


def _per_block(n_blocks, overlaps):
    table = [dict() for _ in range(n_blocks)]
    for block, value, amount in overlaps:
        if value is None or not amount or amount != amount:
            continue
        table[int(block)][value] = table[int(block)].get(value, 0.0) + float(amount)
    return table
