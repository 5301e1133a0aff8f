"""Local search that keeps both population bounds and contiguity.

Single-block moves between neighbouring regions, with O(attributes) changes of the within
sum of squares from running region sums, an articulation test so the donor region stays
connected, and the bounds checked on every move. The objective is lexicographic: first the
total violation of the bounds (so the same search repairs an infeasible start), then the
within sum of squares plus a compactness term (length of region borders), see
:mod:`~sozialraum.engine.objective`.

Blocks and weights are kept apart: a region's block count decides whether a block may leave
(never the last one), its total weight (residents, or 1 per block without population
weights) is the W of the weighted SSD. A block without residents weighs 0: moving it never
changes the SSD, only the borders, so it goes where the outline gets shorter.
"""
from __future__ import annotations

import numpy as np

from ..errors import Cancelled
from ..objective import EMPTY_WEIGHT, ssd_of_sums
from .shapeterm import isoperimetric


class RegionState:
    """Labels plus running sums per region: population, blocks, weight W, Σw·x, Σw‖x‖².

    ``weights``: the weight of each block in the SSD (None: 1 each, the unweighted SSD).
    ``values``/``sqnorm`` stay the unweighted rows; ``wvalues``/``wsq`` are the weighted ones.
    """

    def __init__(self, labels, values, sqnorm, population, n_regions, weights=None):
        self.labels = np.asarray(labels, dtype=np.int64).copy()
        self.values = values
        self.sqnorm = sqnorm
        self.population = population
        if weights is None:
            self.weights = np.ones(len(self.labels))
            self.wvalues, self.wsq = values, sqnorm
        else:
            self.weights = np.asarray(weights, dtype=float)
            self.wvalues, self.wsq = values * self.weights[:, None], sqnorm * self.weights
        k = n_regions
        self.pop = np.bincount(self.labels, weights=population, minlength=k).astype(float)
        self.count = np.bincount(self.labels, minlength=k).astype(float)
        self.weight = np.bincount(self.labels, weights=self.weights, minlength=k).astype(float)
        self.sq = np.bincount(self.labels, weights=self.wsq, minlength=k).astype(float)
        self.sums = np.zeros((k, values.shape[1]))
        np.add.at(self.sums, self.labels, self.wvalues)
        self.journal = None  # a list while moves are recorded (to undo them)
        self.label_list = self.labels.tolist()  # the same labels as a list: fast one-by-one access
        self.weight_list = self.weights.tolist()

    def undo(self, journal):
        """Take back the moves recorded in ``journal`` (latest first)."""
        recording, self.journal = self.journal, None
        for node, source in reversed(journal):
            self.move(node, source)
        self.journal = recording

    @property
    def n_regions(self):
        return len(self.pop)

    def ssd(self, region):
        return ssd_of_sums(self.weight[region], self.sums[region], self.sq[region])

    def total_ssd(self):
        return float(ssd_of_sums(self.weight, self.sums, self.sq).sum())

    def nodes_ssd(self, nodes):
        """SSD of the blocks ``nodes`` as one group (weighted like the state)."""
        return ssd_of_sums(self.weights[nodes].sum(), self.wvalues[nodes].sum(axis=0), self.wsq[nodes].sum())

    def move(self, node, target):
        source = self.labels[node]
        if self.journal is not None:
            self.journal.append((node, int(source)))
        x = self.wvalues[node]
        w = self.weights[node]
        self.pop[source] -= self.population[node]
        self.pop[target] += self.population[node]
        self.count[source] -= 1
        self.count[target] += 1
        self.weight[source] -= w
        self.weight[target] += w
        self.sq[source] -= self.wsq[node]
        self.sq[target] += self.wsq[node]
        self.sums[source] -= x
        self.sums[target] += x
        self.labels[node] = target
        self.label_list[node] = target


def violation(population, lower, upper):
    return max(0.0, lower - population) + max(0.0, population - upper)


def _violation(population, lower, upper):
    """violation() with conditional expressions instead of max() (the same values, faster)."""
    below, above = lower - population, population - upper
    return (below if below > 0.0 else 0.0) + (above if above > 0.0 else 0.0)


def stays_connected(node, region, labels, lists):
    """Would ``region`` stay connected without ``node``?

    ``labels`` is a Python list (fast to index). First a local test: the neighbours of
    ``node`` in the region are usually linked to each other directly or through one common
    neighbour; only when that fails, a breadth-first search through the region decides.
    """
    inside = [other for other in lists[node] if labels[other] == region]
    if len(inside) <= 1:
        return True
    # local test: union the inside neighbours through edges among them or shared region neighbours
    parent = {other: other for other in inside}

    def find(item):
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    groups = len(inside)
    seen_via = {}
    for other in inside:
        for third in lists[other]:
            if third == node or labels[third] != region:
                continue
            anchor = third if third in parent else seen_via.setdefault(third, other)
            a, b = find(other), find(anchor)
            if a != b:
                parent[a] = b
                groups -= 1
                if groups == 1:
                    return True
    # full search
    targets = set(inside)
    start = inside[0]
    targets.discard(start)
    seen = {node, start}
    stack = [start]
    while stack:
        current = stack.pop()
        for other in lists[current]:
            if other not in seen and labels[other] == region:
                if other in targets:
                    targets.discard(other)
                    if not targets:
                        return True
                seen.add(other)
                stack.append(other)
    return not targets


def improve(
    state,
    graph,
    lower,
    upper,
    rng,
    frozen=None,
    compactness=0.0,
    ssd_scale=1.0,
    length_scale=1.0,
    max_passes=30,
    is_cancelled=None,
    around=None,
    pinned=None,
    shape=None,
):
    """Improve ``state`` in place by single-block moves; returns the number of moves made.

    ``around``: look only at these blocks and their neighbours first (after a local change);
    default: every block on a region border.

    ``frozen`` marks blocks that must not move (locked spaces, flagged blocks); regions of
    frozen blocks also never receive blocks. ``pinned`` marks blocks that must not move while
    their regions stay open (blocks the experts placed by hand in a consultation: the space
    around them may still grow or shrink). The objective per move is
    ΔSSD / ssd_scale + compactness · Δborder / length_scale (+ the change of ``shape``, a
    :class:`~sozialraum.engine.delineation.shapeterm.ShapeTerm`, over ssd_scale).
    """
    lists = graph.neighbour_lists()
    lengths = graph.length_lists() if compactness > 0 or shape is not None else None
    labels = state.label_list  # a list: much faster to index one by one than numpy
    n = len(labels)
    frozen = np.zeros(n, dtype=bool) if frozen is None else frozen
    closed_regions = set(np.unique(state.labels[frozen]).tolist()) if frozen.any() else set()
    values, sqnorm, population = state.wvalues, state.wsq, state.population
    population_list = population.tolist()
    weight_list = state.weight_list
    eps = 1e-12 * max(ssd_scale, 1.0)
    moves = 0
    movable = ~frozen if pinned is None else ~(frozen | np.asarray(pinned, dtype=bool))
    # the first pass looks at every block on a region border, later passes only around moves
    if around is None:
        different = state.labels[graph.left] != state.labels[graph.right]
        work = np.unique(np.concatenate([graph.left[different], graph.right[different]]))
    else:
        near = set(int(node) for node in around)
        for node in list(near):
            near.update(lists[node])
        work = np.asarray(sorted(near), dtype=np.int64)
    work = work[movable[work]].tolist() if len(work) else []
    # per region (population, blocks, weight W, Σw‖x‖², Σw·x, within SSD) as Python floats, kept
    # until the region changes: most blocks compare the same few regions, and Python floats
    # give the same results as numpy's scalars (the same IEEE operations), only faster
    regions_now = {}

    def region_now(region):
        found = regions_now.get(region)
        if found is None:
            weight_region = float(state.weight[region])
            square_region = float(state.sq[region])
            sums_region = state.sums[region]
            ssd = square_region - float(sums_region.dot(sums_region)) / weight_region if weight_region > EMPTY_WEIGHT else 0.0
            found = (float(state.pop[region]), float(state.count[region]), weight_region, square_region, sums_region, ssd)
            regions_now[region] = found
        return found

    not_better = -eps / ssd_scale
    if shape is not None:  # perimeter and area per region, kept up to date move by move
        shape_perimeters, shape_areas = (figures.tolist() for figures in shape.region_figures(state.labels, state.n_regions))
        shape_factor = shape.scale / ssd_scale
        block_perimeters, block_areas = shape.perimeter_list, shape.area_list
    for _ in range(max_passes):
        if is_cancelled is not None and is_cancelled():
            raise Cancelled()
        if not work:
            break
        order = rng.permutation(len(work))
        touched = set()
        moved_this_pass = 0
        for position in order.tolist():
            node = work[position]
            source = labels[node]
            pop_source, count_source, weight_source, square_source, sums_source, before_source = region_now(source)
            if count_source <= 1:
                continue
            targets = {labels[j] for j in lists[node]}
            targets.discard(source)
            targets -= closed_regions
            if not targets:
                continue
            p = population_list[node]
            x = values[node]
            xx = float(sqnorm[node])
            w = weight_list[node]
            # weighted SSD Q - |S|^2 / W before and after; a region left without weight has SSD 0
            after_sums_source = sums_source - x
            after_source = ((square_source - xx) - float(after_sums_source.dot(after_sums_source)) / (weight_source - w)
                            if weight_source - w > EMPTY_WEIGHT else 0.0)
            # violation() written out: the same arithmetic without a call per target
            violation_source_before = _violation(pop_source, lower, upper)
            violation_source_after = _violation(pop_source - p, lower, upper)
            if lengths is not None:
                border = {}
                for other, length in zip(lists[node], lengths[node]):
                    border[labels[other]] = border.get(labels[other], 0.0) + length
            if shape is not None:
                # the block leaves with its perimeter; what it shared with its space becomes outline
                node_perimeter, node_area = block_perimeters[node], block_areas[node]
                perimeter_source, area_source = shape_perimeters[source], shape_areas[source]
                source_shape_change = (isoperimetric(perimeter_source - node_perimeter + 2.0 * border.get(source, 0.0),
                                                     area_source - node_area)
                                       - isoperimetric(perimeter_source, area_source))
            best = None
            for target in targets:
                pop_target, _, weight_target, square_target, sums_target, before_target = region_now(target)
                # violation(pop_target + p) - violation(pop_target), written out: max(0.0, v) is
                # "v if v > 0.0 else 0.0" (max keeps its first argument unless the second is larger)
                below_after = lower - (pop_target + p)
                above_after = (pop_target + p) - upper
                below_before = lower - pop_target
                above_before = pop_target - upper
                delta_violation = (
                    violation_source_after
                    + ((below_after if below_after > 0.0 else 0.0) + (above_after if above_after > 0.0 else 0.0))
                    - violation_source_before
                    - ((below_before if below_before > 0.0 else 0.0) + (above_before if above_before > 0.0 else 0.0))
                )
                if delta_violation > 1e-9:
                    continue
                after_sums_target = sums_target + x
                after_target = ((square_target + xx) - float(after_sums_target.dot(after_sums_target)) / (weight_target + w)
                                if weight_target + w > EMPTY_WEIGHT else 0.0)
                delta = ((after_source + after_target) - (before_source + before_target)) / ssd_scale
                if shape is not None:
                    perimeter_target, area_target = shape_perimeters[target], shape_areas[target]
                    delta += shape_factor * (source_shape_change
                                             + isoperimetric(perimeter_target + node_perimeter - 2.0 * border.get(target, 0.0),
                                                             area_target + node_area)
                                             - isoperimetric(perimeter_target, area_target))
                if compactness > 0:
                    # border length with the source region appears, with the target disappears
                    delta += compactness * (border.get(source, 0.0) - border.get(target, 0.0)) / length_scale
                key = (delta_violation, delta)
                if best is None or key < best[0]:
                    best = (key, target)
            if best is None:
                continue
            (delta_violation, delta), target = best
            if not (delta_violation < -1e-9 or delta < not_better):
                continue
            if not stays_connected(node, source, labels, lists):
                continue
            if shape is not None:
                shape_perimeters[source] += 2.0 * border.get(source, 0.0) - block_perimeters[node]
                shape_perimeters[target] += block_perimeters[node] - 2.0 * border.get(target, 0.0)
                shape_areas[source] -= block_areas[node]
                shape_areas[target] += block_areas[node]
            state.move(node, target)
            regions_now.pop(source, None)
            regions_now.pop(target, None)
            moves += 1
            moved_this_pass += 1
            touched.add(node)
            touched.update(lists[node])
        if moved_this_pass == 0:
            break
        work = [node for node in sorted(touched) if movable[node] and any(labels[j] != labels[node] for j in lists[node])]
    return moves
