"""Shape clean-up after the search: no enclaves, no tentacles.

Run once on the final division (:func:`tidy_shapes`, called at the end of
:func:`~sozialraum.engine.delineation.delineate.solve`). Two kinds of defects a planner would have to
repair by hand are removed where the population bounds allow:

* **Enclaves**: a space whose only neighbouring space in the graph is one other space and
  which that space surrounds (with block points: in every direction the nearest block outside
  the enclave belongs to the surrounding space; a town edge, a barrier or a nesting boundary
  on one side means it is not enclosed). It is merged into the surrounding space when the
  result stays within the maximum and the number of spaces was chosen automatically;
  otherwise a short path of the surrounding space's blocks (at most :data:`MAX_OPENING`)
  opens it to a second neighbour. When neither keeps the bounds, contiguity and the fixed
  spaces, it stays and is reported.
* **Tentacles**: a block that shares a short border with its own space and a long one with
  a neighbouring space (less than :data:`TENTACLE_RATIO` of it, by the link lengths of the
  graph: shared boundary or facing length across a street; by the number of links where
  the graph has no lengths) moves to that neighbour, unless the move costs more
  homogeneity than the border it removes is worth (:data:`TIDY_COMPACTNESS`; a block
  without residents costs nothing when the SSD is weighted by residents). Every such move
  shortens the borders between spaces, so the clean-up ends.

With compactness 0 (homogeneity only) the clean-up changes nothing: every merge, opening
and tentacle move costs SSD, which that objective forbids (:func:`tidy_division` then only
reports the enclaves). Never touched: fixed spaces (locked, blocks alone above the maximum)
and blocks left out. A space inside the bounds stays inside, one outside gets no further out, every space stays
contiguous, and links cut by barriers or nesting are not in the graph, so nothing is moved
across them. Deterministic: blocks and spaces are visited in index order.
"""
from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field

import numpy as np

from ..objective import ssd_of_sums
from ..scoring import lies_in_holes
from ..spatial.graph import is_connected
from .localsearch import stays_connected

#: A block moves when its border with its own space is below this share of its border with
#: one neighbouring space.
TENTACLE_RATIO = 0.5
#: At most this many blocks of the surrounding space are handed over to open an enclave.
MAX_OPENING = 3
#: Directions (equal sectors) in which an enclave must meet its surrounding space.
ENCLOSURE_SECTORS = 12
#: Half-width of each direction's sector (degrees); wider than half a sector so they overlap.
ENCLOSURE_HALF_ANGLE = 20.0
#: Rounds of enclaves + tentacles (a move can make a new defect; rarely more than one round).
MAX_ROUNDS = 3
#: What shortening the borders is worth to the clean-up, in the units of the search's
#: compactness weight: a tentacle moves only when the SSD it adds is at most this times
#: TSS / total link length per metre of border it removes. Blocks without residents cost
#: nothing under population weights and always move.
TIDY_COMPACTNESS = 0.3


@dataclass
class ShapeReport:
    """What :func:`tidy_shapes` found and did."""

    enclaves_found: int = 0
    enclaves_merged: int = 0
    enclaves_opened: int = 0
    #: blocks of each enclave that had to stay (no change kept the bounds), first block first
    enclaves_kept: list = field(default_factory=list)
    tentacles_moved: int = 0

    @property
    def changed(self):
        return bool(self.enclaves_merged or self.enclaves_opened or self.tentacles_moved)

    def note(self):
        """A structured note for the delineation, or None when nothing was found."""
        if not (self.enclaves_found or self.tentacles_moved):
            return None
        return {"code": "shapes_tidied", "enclaves_found": self.enclaves_found, "enclaves_merged": self.enclaves_merged,
                "enclaves_opened": self.enclaves_opened, "enclaves_kept": [list(map(int, b)) for b in self.enclaves_kept],
                "tentacles_moved": self.tentacles_moved}


def _violation(pop, lower, upper):
    return max(0.0, lower - pop) + max(0.0, pop - upper)


class _Division:
    """Labels, populations and members per region, with the admissibility rules of the clean-up."""

    def __init__(self, labels, graph, population, lower, upper, frozen_regions, units, values=None, weights=None):
        self.labels = np.asarray(labels, dtype=np.int64).copy()
        self.graph, self.lower, self.upper = graph, float(lower), float(upper)
        self.population = np.asarray(population, dtype=float)
        self.lists = graph.neighbour_lists()
        lengths = graph.length_lists()
        use_lengths = graph.n_edges > 0 and float(np.max(graph.edge_length, initial=0.0)) > 0
        self.weights = lengths if use_lengths else [[1.0] * len(items) for items in self.lists]
        self.units = units
        active = self.labels >= 0
        k = int(self.labels.max()) + 1 if active.any() else 0
        self.pop = np.bincount(self.labels[active], weights=self.population[active], minlength=k).astype(float)
        self.count = np.bincount(self.labels[active], minlength=k).astype(np.int64)
        self.frozen = np.zeros(k, dtype=bool)
        self.frozen[[r for r in frozen_regions if 0 <= r < k]] = True
        self.label_list = self.labels.tolist()
        self.pinned = set()  # blocks handed over to open an enclave: no tentacle move takes them back
        self.values = None
        if values is not None:  # running sums for the SSD change of a move (weighted: W, Σw·x, Σw‖x‖²)
            self.values = np.asarray(values, dtype=float)
            self.w = np.ones(len(self.labels)) if weights is None else np.asarray(weights, dtype=float)
            rows = self.labels[active]
            self.wsum = np.bincount(rows, weights=self.w[active], minlength=k).astype(float)
            self.xsum = np.zeros((k, self.values.shape[1]))
            np.add.at(self.xsum, rows, self.w[active, None] * self.values[active])
            self.qsum = np.bincount(rows, weights=self.w[active] * (self.values[active] ** 2).sum(axis=1), minlength=k)
        self.region_unit = {}
        if units is not None:
            for block in np.flatnonzero(active)[::-1].tolist():  # the first block's unit
                self.region_unit[self.label_list[block]] = units[block]

    def movable(self, region):
        return region >= 0 and not self.frozen[region]

    def same_unit(self, block, region):
        """Does ``block`` lie in the nesting unit of ``region``?"""
        return self.units is None or self.units[block] == self.region_unit.get(region, self.units[block])

    def keeps_bounds(self, region, delta):
        """Is ``region`` with ``delta`` residents more no further outside the bounds than now?"""
        before = _violation(self.pop[region], self.lower, self.upper)
        return _violation(self.pop[region] + delta, self.lower, self.upper) <= before + 1e-9

    def ssd_change(self, block, target):
        """Change of the (weighted) SSD when ``block`` moves to ``target`` (0 without values)."""
        if self.values is None:
            return 0.0
        source = self.label_list[block]
        w, x = self.w[block], self.values[block]
        wx, wq = w * x, w * float(x.dot(x))
        before = ssd_of_sums(self.wsum[source], self.xsum[source], self.qsum[source]) + \
            ssd_of_sums(self.wsum[target], self.xsum[target], self.qsum[target])
        after = ssd_of_sums(self.wsum[source] - w, self.xsum[source] - wx, self.qsum[source] - wq) + \
            ssd_of_sums(self.wsum[target] + w, self.xsum[target] + wx, self.qsum[target] + wq)
        return after - before

    def move(self, block, target):
        source = self.label_list[block]
        if self.values is not None:
            w, x = self.w[block], self.values[block]
            for region, sign in ((source, -1.0), (target, 1.0)):
                self.wsum[region] += sign * w
                self.xsum[region] += sign * w * x
                self.qsum[region] += sign * w * float(x.dot(x))
        p = self.population[block]
        self.pop[source] -= p
        self.pop[target] += p
        self.count[source] -= 1
        self.count[target] += 1
        self.labels[block] = target
        self.label_list[block] = target

    def members(self, region):
        return np.flatnonzero(self.labels == region)

    def neighbour_regions(self):
        """Sorted neighbouring regions of every region (via the graph's links)."""
        left, right = self.graph.left, self.graph.right
        a, b = self.labels[left], self.labels[right]
        cut = (a != b) & (a >= 0) & (b >= 0)
        result = {}
        for x, y in zip(a[cut].tolist(), b[cut].tolist()):
            result.setdefault(x, set()).add(y)
            result.setdefault(y, set()).add(x)
        return {region: sorted(others) for region, others in result.items()}


def tidy_shapes(labels, graph, population, lower, upper, frozen_regions=(), units=None, points=None, allow_merge=True,
                values=None, weights=None, compactness=None, tentacles=True, shapes=None):
    """Remove enclaves and tentacles from ``labels`` (region per block, -1 for blocks left out).

    ``frozen_regions``: region labels that must not change (locked spaces, blocks above the
    maximum); ``units``: nesting unit per block (None: one unit); ``points``: n x 2, a point
    inside each block, to tell an enclave from a space at the town edge or along a barrier
    (None: every space with a single neighbouring space counts as enclosed);
    ``allow_merge``: False when the number of spaces was given (enclaves are then only
    opened). ``values`` (prepared attributes, n x m), ``weights`` (per block, None: 1) and
    ``compactness`` (None: no limit) limit the homogeneity a tentacle move may cost: at most
    ``compactness`` x TSS / total link length of SSD per unit of border length removed (see
    :data:`TIDY_COMPACTNESS`). ``tentacles``: False resolves enclaves only. ``shapes``: (block polygons,
    gap closed) or None; with them a space the point test calls open still counts as enclosed when its
    blocks lie in holes of the closed outline of its one neighbouring space (the report's rule). Returns
    ``(labels, ShapeReport)``; ``labels`` is a new array.
    """
    division = _Division(labels, graph, population, lower, upper, frozen_regions, units, values, weights)
    division.ssd_per_length = None
    if values is not None and compactness is not None:
        active = division.labels >= 0
        total = ssd_of_sums(division.wsum.sum(), division.xsum.sum(axis=0), division.qsum.sum()) if active.any() else 0.0
        links = sum(map(sum, division.weights)) / 2.0 or 1.0
        division.ssd_per_length = float(compactness) * total / links
    report = ShapeReport()
    kept, seen = {}, set()
    points = None if points is None else np.asarray(points, dtype=float)
    for _ in range(MAX_ROUNDS):
        changed = _resolve_enclaves(division, points, allow_merge, report, kept, seen, shapes)
        moved = _move_tentacles(division) if tentacles else 0
        report.tentacles_moved += moved
        if not changed and not moved:
            break
    # what is still enclosed at the end is reported (a tentacle move of the last round may close a space in)
    for region in _find_enclaves(division, points, shapes):
        members = division.members(region)
        _count_found(report, seen, members)
        kept[int(members[0])] = members.tolist()
    report.enclaves_kept = [kept[key] for key in sorted(kept)]
    return division.labels, report


# --------------------------------------------------------------------------- enclaves


def enclaves(labels, graph, points=None, frozen_regions=(), shapes=None):
    """``{enclave region: surrounding region}`` of ``labels`` (see the module docstring)."""
    division = _Division(labels, graph, np.zeros(graph.n), 0.0, 1.0, frozen_regions, None)
    return _find_enclaves(division, None if points is None else np.asarray(points, dtype=float), shapes)


def _find_enclaves(division, points, shapes=None):
    found = {}
    neighbours = division.neighbour_regions()
    for region, others in sorted(neighbours.items()):
        if len(others) != 1 or not division.movable(region):
            continue
        if neighbours.get(others[0]) == [region] and (division.count[region], region) > (division.count[others[0]], others[0]):
            continue  # two spaces alone in a part: only the smaller can be the other's enclave
        members = division.members(region)
        if points is None or _surrounded(points, members, division.labels, others[0], division) or \
                _in_holes(shapes, points, members, division.members(others[0])):
            found[region] = others[0]
    return found


def _in_holes(shapes, points, members, around):
    """The report's rule where the point test says open: do ``members`` lie in holes of the closed
    outline of ``around``'s blocks? ``shapes``: (block polygons, gap closed) or None (not asked)."""
    if shapes is None:
        return False
    geometries, closing = shapes
    return lies_in_holes(geometries, closing, around.tolist(), points[members])


def _surrounded(points, members, labels, around, division):
    """Does region ``around`` lie in every direction from the centre of ``members``?

    In each sector, the nearest block outside ``members`` (within a few link lengths of the
    region's edge) must belong to ``around``; an empty sector (town edge) or another region
    (across a barrier or a nesting boundary) means the space is open on that side.
    """
    own = points[members]
    own = own[np.isfinite(own).all(axis=1)]
    if not len(own):
        return False
    centre = own.mean(axis=0)
    reach = float(np.sqrt(((own - centre) ** 2).sum(axis=1)).max())
    link = _typical_link(points, members, division)
    radius = reach + 2.0 * link
    offset = points - centre
    distance = np.sqrt((offset**2).sum(axis=1))
    outside = (labels != division.labels[members[0]]) & np.isfinite(distance) & (distance <= radius)
    candidates = np.flatnonzero(outside)
    if not len(candidates):
        return False
    angle = np.degrees(np.arctan2(offset[candidates, 1], offset[candidates, 0]))
    for sector in range(ENCLOSURE_SECTORS):
        direction = sector * 360.0 / ENCLOSURE_SECTORS
        within = np.abs((angle - direction + 180.0) % 360.0 - 180.0) <= ENCLOSURE_HALF_ANGLE
        if not within.any():
            return False
        nearest = candidates[within][np.argmin(distance[candidates[within]])]
        if labels[nearest] != around:
            return False
    return True


def _typical_link(points, members, division):
    """Median distance between the points of linked blocks at the region's border (0 if none)."""
    distances = []
    region = division.label_list[int(members[0])]
    for block in members.tolist():
        for other in division.lists[block]:
            if division.label_list[other] != region:
                d = points[block] - points[other]
                distances.append(float(np.hypot(d[0], d[1])))
    finite = [d for d in distances if np.isfinite(d)]
    return float(np.median(finite)) if finite else 0.0


def _count_found(report, seen, members):
    """Count an enclave once, by its blocks (found again in a later round it is the same one)."""
    blocks = set(members.tolist())
    if not blocks & seen:
        report.enclaves_found += 1
    seen.update(blocks)


def _resolve_enclaves(division, points, allow_merge, report, kept, seen, shapes=None):
    """Merge or open each enclave; True when labels changed."""
    changed = False
    for region, around in _find_enclaves(division, points, shapes).items():
        members = division.members(region)
        key = int(members[0])
        _count_found(report, seen, members)
        if division.count[region] == 0 or division.count[around] == 0:
            continue
        if _neighbours_of(division, members) != {around}:
            continue  # an earlier merge or opening in this round changed its neighbours
        if _merge(division, region, around, members, allow_merge):
            report.enclaves_merged += 1
        elif _open(division, region, around, members):
            report.enclaves_opened += 1
        else:
            kept[key] = members.tolist()
            continue
        kept.pop(key, None)
        changed = True
    return changed


def _neighbours_of(division, members):
    """The other regions linked to ``members`` (blocks left out not counted)."""
    labels, own = division.label_list, division.label_list[int(members[0])]
    return {labels[o] for block in members.tolist() for o in division.lists[block] if labels[o] != own and labels[o] >= 0}


def _merge(division, region, around, members, allow_merge):
    if not allow_merge or not division.movable(around) or not division.same_unit(int(members[0]), around):
        return False
    if division.pop[region] + division.pop[around] > division.upper:
        return False
    for block in members.tolist():
        division.move(block, around)
    return True


def _open(division, region, around, members):
    """Hand the shortest path of ``around``'s blocks that reaches a third region to one side.

    The path goes to the enclave (it grows to touch the third region) or, when that breaks
    the bounds, to the third region (which then touches the enclave). ``around`` must stay
    contiguous and both changed regions keep the bounds.
    """
    if not division.movable(around):
        return False
    for path, third in _opening_paths(division, region, around, members):
        delta = float(division.population[path].sum())
        if not division.keeps_bounds(around, -delta):
            continue
        rest = np.setdiff1d(division.members(around), path)
        if not len(rest) or not is_connected(division.graph, rest):
            continue
        for receiver in (region, third):
            if division.movable(receiver) and division.same_unit(int(path[0]), receiver) and division.keeps_bounds(receiver, delta):
                for block in path.tolist():
                    division.move(block, receiver)
                division.pinned.update(path.tolist())
                return True
    return False


def _opening_paths(division, region, around, members):
    """Shortest paths (at most MAX_OPENING blocks of ``around``) from the enclave to another region.

    Breadth-first through ``around``'s blocks from those next to the enclave; yields
    ``(blocks of the path, third region)`` shortest first, in block order.
    """
    labels, lists = division.label_list, division.lists
    parent = {}
    frontier = []
    for block in members.tolist():
        for other in lists[block]:
            if labels[other] == around and other not in parent:
                parent[other] = -1
                frontier.append(other)
    frontier.sort()
    for _depth in range(MAX_OPENING):
        found = []
        for block in frontier:
            thirds = sorted({labels[o] for o in lists[block] if labels[o] not in (around, region) and labels[o] >= 0})
            for third in thirds:
                path = [block]
                while parent[path[-1]] != -1:
                    path.append(parent[path[-1]])
                found.append((np.asarray(path, dtype=np.int64), third))
        yield from found
        following = []
        for block in frontier:
            for other in lists[block]:
                if labels[other] == around and other not in parent:
                    parent[other] = block
                    following.append(other)
        frontier = sorted(following)
        if not frontier:
            return


# --------------------------------------------------------------------------- tentacles


def _border(division, block):
    """{region: summed link weight} of ``block``'s links."""
    result = {}
    labels = division.label_list
    for other, weight in zip(division.lists[block], division.weights[block]):
        region = labels[other]
        result[region] = result.get(region, 0.0) + weight
    return result


def _tentacle_target(division, block):
    """The region ``block`` should move to, or None."""
    region = division.label_list[block]
    if not division.movable(region) or division.count[region] <= 1 or block in division.pinned:
        return None
    border = _border(division, block)
    own = border.pop(region, 0.0)
    best, best_weight = None, 0.0
    for other in sorted(border):
        if division.movable(other) and border[other] > best_weight:
            best, best_weight = other, border[other]
    if best is None or own >= TENTACLE_RATIO * best_weight:
        return None
    if division.ssd_per_length is not None and division.ssd_change(block, best) > division.ssd_per_length * (best_weight - own):
        return None
    p = division.population[block]
    if not (division.keeps_bounds(region, -p) and division.keeps_bounds(best, p)):
        return None
    if not division.same_unit(block, best):
        return None
    if not stays_connected(block, region, division.label_list, division.lists):
        return None
    return best


def _move_tentacles(division):
    """Move tentacle blocks until none is left; returns the number of moves."""
    queue = deque(range(division.graph.n))
    queued = np.ones(division.graph.n, dtype=bool)
    moves = 0
    limit = 4 * division.graph.n  # every move shortens the borders; the cap is a safeguard
    while queue and moves < limit:
        block = queue.popleft()
        queued[block] = False
        if division.label_list[block] < 0:
            continue
        target = _tentacle_target(division, block)
        if target is None:
            continue
        division.move(block, target)
        moves += 1
        for other in division.lists[block]:
            if not queued[other]:
                queued[other] = True
                queue.append(other)
    return moves


def enclave_report(labels, graph, points=None, frozen_regions=(), shapes=None):
    """A :class:`ShapeReport` of the enclaves in ``labels``, each one kept (nothing is changed)."""
    report = ShapeReport()
    division = _Division(labels, graph, np.zeros(graph.n), 0.0, 1.0, frozen_regions, None)
    points = None if points is None else np.asarray(points, dtype=float)
    for region in sorted(_find_enclaves(division, points, shapes)):
        members = division.members(region)
        report.enclaves_found += 1
        report.enclaves_kept.append(members.tolist())
    return report


def outline_shapes(problem):
    """(block polygons, gap closed) for the polygon rule of the enclaves, or None without polygons."""
    return None if problem.block_shapes is None else (problem.block_shapes, problem.closing)


def tidy_division(labels, problem, settings, plan, tentacles=True):
    """:func:`tidy_shapes` on the labels of a solve (fixed spaces first, -1 for blocks left out).

    Merging is allowed only when the number of spaces is automatic and there is no warm start
    (a given count or the planners' division keeps its number of spaces). Tentacle moves
    may cost SSD (weighted by residents when the settings weight by population) at the
    search's compactness weight, at least :data:`TIDY_COMPACTNESS`. With compactness 0 the
    objective is homogeneity alone and nothing is changed: the enclaves are only reported.
    The clean-up's :meth:`ShapeReport.note` is added to ``plan.notes`` when something was found.
    """
    allow_merge = settings.n_spaces == 0 and problem.initial_division is None
    # a tentacle move is judged by the residents it moves, not by the search's mixed block weights:
    # a thinly inhabited tentacle then costs the residents' homogeneity little and moves (with the
    # mixed weights the 20k town kept a space of Polsby-Popper 0.069, with residents' 0.100;
    # bench/RESULTS.md, issue 20, point 4)
    weights = problem.population if settings.weight_by_population else None
    if not (settings.compactness > 0 or settings.shape_weight > 0):
        # homogeneity only: every merge, opening and tentacle move would trade SSD for shape
        # (issue 20: at the floor weight TIDY_COMPACTNESS they did, +7 % SSD on a 10k lattice).
        # Enclaves are still reported, as kept.
        report = enclave_report(labels, plan.graph, problem.points, range(len(plan.fixed_regions)), outline_shapes(problem))
        note = report.note()
        if note is not None:
            plan.notes.append(note)
        return np.asarray(labels).copy()
    tidy, report = tidy_shapes(labels, plan.graph, problem.population, problem.min_population, problem.max_population,
                               frozen_regions=range(len(plan.fixed_regions)), units=problem.units, points=problem.points,
                               allow_merge=allow_merge, values=problem.attributes,
                               weights=weights,
                               compactness=max(TIDY_COMPACTNESS, settings.compactness), tentacles=tentacles,
                               shapes=outline_shapes(problem))
    note = report.note()
    if note is not None:
        plan.notes.append(note)
    return tidy
