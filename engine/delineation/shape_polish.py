"""Shape polish: single-block moves that buy mean compactness (Polsby-Popper) cheaply in SSD.

The search weighs shape by the border length between spaces (engine/objective.py), a proxy: a
metre of border costs the same in a small inner-city space as in a large outer one, while the
mean Polsby-Popper (PP = 4π · area / perimeter²; the figure on the planners' maps and in
bench/quality.py) counts each space once. After the search and the clean-up
(engine/delineation/shapes.py, which runs again afterwards to merge or open any enclave a move
closed), this polish moves single blocks along the spaces' borders where

    change of the (weighted) SSD  −  c · change of Σ_s PP_s  <  0,   c = weight · SSD scale / k,

so ``weight`` is the share of the total sum of squares one unit of mean PP is worth (the same
units as the compactness weight). Measured in bench/RESULTS.md (issue 20, ninth session): at the
default compactness the mean PP rises by 0.01–0.03 for at most 0.4 % SSD, and the least
compact space of the 20k town from 0.100 to 0.13.

A sum of PP alone would make combs: a space that is already poor loses little PP by getting
worse, so it becomes a dumping ground. A move therefore never takes a space below PP
:data:`PP_FLOOR` unless it improves that space. Bounds, contiguity, fixed spaces and the graph's
links (barriers and nesting are cut there) are kept as in the rest of the search.

A space's perimeter is the sum of its blocks' outlines less twice the lengths they share with
each other (the graph's link lengths: shared boundary, or facing length across a street, so a
street inside a space counts as inside), its area the sum of the block areas.
Deterministic: blocks are visited in index order.
"""
from __future__ import annotations

import math

import numpy as np

from .localsearch import stays_connected

#: A move may not take a space below this Polsby-Popper unless it improves it.
PP_FLOOR = 0.25
#: Passes over all blocks at most (a pass without a move ends the polish earlier).
MAX_PASSES = 10
#: The polish's weight as a multiple of the compactness weight (0.2 → 0.08).
WEIGHT_PER_COMPACTNESS = 0.4


def polsby_popper(perimeter, area):
    """4π · area / perimeter², 0 for a degenerate outline."""
    return 4.0 * math.pi * area / (perimeter * perimeter) if perimeter > 0.0 else 0.0


class _Spaces:
    """Per space: weighted sums for the SSD, residents, area and perimeter (Python floats and arrays)."""

    def __init__(self, labels, graph, population, values, weights, areas, perimeters):
        active = labels >= 0
        k = int(labels.max()) + 1 if active.any() else 0
        rows = labels[active]
        self.w = np.ones(len(labels)) if weights is None else np.asarray(weights, dtype=float)
        self.x = np.asarray(values, dtype=float)
        self.q = (self.x**2).sum(axis=1)
        self.wsum = np.bincount(rows, weights=self.w[active], minlength=k).astype(float)
        self.xsum = np.zeros((k, self.x.shape[1]))
        np.add.at(self.xsum, rows, self.w[active, None] * self.x[active])
        self.qsum = np.bincount(rows, weights=self.w[active] * self.q[active], minlength=k).astype(float)
        self.pop = np.bincount(rows, weights=population[active], minlength=k).astype(float).tolist()
        self.area = np.bincount(rows, weights=areas[active], minlength=k).astype(float).tolist()
        perimeter = np.bincount(rows, weights=perimeters[active], minlength=k).astype(float)
        a, b = labels[graph.left], labels[graph.right]
        inside = (a == b) & (a >= 0)
        perimeter -= 2.0 * np.bincount(a[inside], weights=graph.length[inside], minlength=k)
        self.perimeter = perimeter.tolist()

    def ssd(self, space):
        return self._ssd(self.wsum[space], self.xsum[space], self.qsum[space])

    @staticmethod
    def _ssd(wsum, xsum, qsum):
        return qsum - float(xsum.dot(xsum)) / wsum if wsum > 0.0 else 0.0

    def ssd_change(self, block, source, target):
        w, x, q = self.w[block], self.x[block], self.q[block]
        source_after = self._ssd(self.wsum[source] - w, self.xsum[source] - w * x, self.qsum[source] - w * q)
        target_after = self._ssd(self.wsum[target] + w, self.xsum[target] + w * x, self.qsum[target] + w * q)
        return source_after - self.ssd(source) + target_after - self.ssd(target)

    def move(self, block, source, target, population, area, perimeter, shared_source, shared_target):
        w, x, q = self.w[block], self.x[block], self.q[block]
        self.wsum[source] -= w
        self.xsum[source] -= w * x
        self.qsum[source] -= w * q
        self.wsum[target] += w
        self.xsum[target] += w * x
        self.qsum[target] += w * q
        self.pop[source] -= population
        self.pop[target] += population
        self.area[source] -= area
        self.area[target] += area
        self.perimeter[source] += 2.0 * shared_source - perimeter
        self.perimeter[target] += perimeter - 2.0 * shared_target


def polish_shapes(labels, graph, population, values, weights, areas, perimeters, lower, upper, frozen_regions, weight,
                  ssd_scale):
    """Labels after the polish (a copy; -1: block in no space) and the number of blocks moved.

    ``weights``: the search's block weights (None: every block 1); ``areas``/``perimeters`` per
    block, in the units of the graph's link lengths; ``frozen_regions``: labels never changed
    (locked spaces, blocks alone above the maximum). A space inside the bounds stays inside, one
    outside gets no further out.
    """
    labels = np.asarray(labels, dtype=np.int64).copy()
    if weight <= 0.0 or not (labels >= 0).any():
        return labels, 0
    population = np.asarray(population, dtype=float)
    areas, perimeters = np.asarray(areas, dtype=float), np.asarray(perimeters, dtype=float)
    spaces = _Spaces(labels, graph, population, values, weights, areas, perimeters)
    price = weight * ssd_scale / max(1, len(spaces.area))  # SSD units per unit of Σ PP
    frozen = {int(r) for r in frozen_regions}
    lists, lengths = graph.neighbour_lists(), graph.length_lists()
    label_list = labels.tolist()
    block_population, block_area, block_perimeter = population.tolist(), areas.tolist(), perimeters.tolist()
    moved = 0
    for _ in range(MAX_PASSES):
        moved_now = 0
        for block in range(len(label_list)):
            source = label_list[block]
            if source < 0 or source in frozen:
                continue
            shared = {}
            for other, length in zip(lists[block], lengths[block]):
                space = label_list[other]
                if space >= 0:
                    shared[space] = shared.get(space, 0.0) + length
            targets = [space for space in shared if space != source and space not in frozen]
            residents = block_population[block]
            if not targets or not _keeps_bounds(spaces.pop[source], -residents, lower, upper):
                continue
            source_area = spaces.area[source] - block_area[block]
            if source_area <= 0.0:
                continue  # the block is its space's only area
            source_perimeter = spaces.perimeter[source] - block_perimeter[block] + 2.0 * shared.get(source, 0.0)
            source_gain = _pp_gain(spaces.perimeter[source], spaces.area[source], source_perimeter, source_area)
            if source_gain is None:
                continue
            best, best_target = 0.0, None
            for target in targets:
                if not _keeps_bounds(spaces.pop[target], residents, lower, upper):
                    continue
                target_gain = _pp_gain(spaces.perimeter[target], spaces.area[target],
                                       spaces.perimeter[target] + block_perimeter[block] - 2.0 * shared[target],
                                       spaces.area[target] + block_area[block])
                if target_gain is None:
                    continue
                change = spaces.ssd_change(block, source, target) - price * (source_gain + target_gain)
                if change < best - 1e-12 * max(1.0, ssd_scale):
                    best, best_target = change, target
            if best_target is None or not stays_connected(block, source, label_list, lists):
                continue
            spaces.move(block, source, best_target, residents, block_area[block], block_perimeter[block],
                        shared.get(source, 0.0), shared[best_target])
            label_list[block] = best_target
            moved_now += 1
        moved += moved_now
        if not moved_now:
            break
    return np.asarray(label_list, dtype=np.int64), moved


def space_compactness(labels, graph, areas, perimeters):
    """Polsby-Popper of each space 0..k-1 from its blocks' outlines (as the polish counts it) and the
    number of blocks in it; labels < 0: in no space."""
    labels = np.asarray(labels, dtype=np.int64)
    inside = labels >= 0
    k = int(labels.max()) + 1 if inside.any() else 0
    rows = labels[inside]
    area = np.bincount(rows, weights=np.asarray(areas, dtype=float)[inside], minlength=k)
    perimeter = np.bincount(rows, weights=np.asarray(perimeters, dtype=float)[inside], minlength=k)
    a, b = labels[graph.left], labels[graph.right]
    shared = (a == b) & (a >= 0)
    perimeter -= 2.0 * np.bincount(a[shared], weights=graph.length[shared], minlength=k)
    with np.errstate(divide="ignore", invalid="ignore"):
        compactness = np.where(perimeter > 0, 4.0 * np.pi * area / perimeter**2, 0.0)
    return compactness, np.bincount(rows, minlength=k)


def _keeps_bounds(pop, delta, lower, upper):
    """Is a space of ``pop`` residents with ``delta`` more no further outside [lower, upper] than now?"""
    before = max(0.0, lower - pop) + max(0.0, pop - upper)
    after = max(0.0, lower - pop - delta) + max(0.0, pop + delta - upper)
    return after <= before + 1e-9


def _pp_gain(perimeter, area, new_perimeter, new_area):
    """Change of a space's PP, or None when it would fall below PP_FLOOR without improving."""
    before, after = polsby_popper(perimeter, area), polsby_popper(new_perimeter, new_area)
    if after < before and after < PP_FLOOR:
        return None
    return after - before
