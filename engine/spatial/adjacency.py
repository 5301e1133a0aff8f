"""The block neighbourhood graph used by delineation and editing.

Two blocks are neighbours when they touch or lie within ``gap_distance`` of each other
(net blocks are separated by street space, so blocks facing each other across a street
must count as neighbours), unless

* the shortest link between them crosses a barrier line (rail, river, major road), or, for
  blocks that touch, a barrier runs along most of their shared boundary;
* they have different values in the nesting field (they lie in different higher units);
* with rook contiguity, they only meet at a corner (their facing length is too short).

Memory grows with blocks + candidate pairs; no n x n matrix is ever built.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

from ..errors import Cancelled, DuplicateIdError, ParameterError
from . import geometry

QUEEN = "queen"
ROOK = "rook"
#: With rook contiguity, blocks must face each other along at least this many metres
#: (blocks meeting corner to corner across a crossing get a few metres at most).
ROOK_MIN_SHARED_LENGTH = 10.0
#: Distance (m) within which a barrier counts as running along a shared boundary.
BARRIER_TOLERANCE = 0.5
#: Gap used for "touching" when the gap distance is 0 (floating point slack).
TOUCH_TOLERANCE = 0.01


@dataclass
class Component:
    """A connected part of the graph."""

    component_id: int
    blocks: np.ndarray  # indices into the input
    population: float
    is_main: bool
    #: cut off from the main part of its unit and, when a threshold is given, too small to
    #: stand alone (population under it); large parts separated by barriers are not islands
    is_island: bool = False


@dataclass
class AdjacencyGraph:
    """Result of :func:`build_adjacency`. Block indices refer to the input order."""

    n_blocks: int
    left: np.ndarray
    right: np.ndarray
    gap: np.ndarray  # distance between the blocks, 0 when touching
    shared_length: np.ndarray  # shared boundary, or facing length across the gap
    degree: np.ndarray
    component: np.ndarray  # -1 for skipped blocks
    island: np.ndarray  # True for blocks of islands (see Component.is_island)
    components: list = field(default_factory=list)
    skipped: list = field(default_factory=list)  # missing/empty or non-polygonal geometries
    repaired: list = field(default_factory=list)
    cut_by_barrier: int = 0
    cut_by_nesting: int = 0
    cut_by_rook: int = 0
    #: block pairs within the gap distance that a barrier separates (to count barrier crossings)
    barrier_pairs: tuple = (np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64))
    #: the repaired polygons, one per block (None where skipped): the shape polish measures these
    clean_shapes: list = field(default_factory=list)

    @property
    def n_edges(self):
        return len(self.left)

    @property
    def islands(self):
        return [component for component in self.components if component.is_island]

    def neighbours(self):
        """List of neighbour index arrays, one per block."""
        adjacency = [[] for _ in range(self.n_blocks)]
        for i, j in zip(self.left.tolist(), self.right.tolist()):
            adjacency[i].append(j)
            adjacency[j].append(i)
        return [np.asarray(sorted(items), dtype=np.int64) for items in adjacency]


def check_unique_ids(ids):
    """Raise :class:`DuplicateIdError` naming the repeated values."""
    seen, duplicates = set(), []
    for value in ids:
        if value in seen and value not in duplicates:
            duplicates.append(value)
        seen.add(value)
    if duplicates:
        raise DuplicateIdError(duplicates)


class _Stages:
    """Progress over named stages, with cancellation."""

    def __init__(self, progress, is_cancelled, weights):
        self.progress = progress
        self.is_cancelled = is_cancelled
        self.weights = weights
        self.done = 0.0

    def start(self, name):
        if self.is_cancelled is not None and self.is_cancelled():
            raise Cancelled()
        if self.progress is not None:
            self.progress(self.done / sum(self.weights.values()), name)
        self.done += self.weights[name]


def build_adjacency(
    geometries,
    gap_distance=30.0,
    barriers=(),
    nest=None,
    contiguity=QUEEN,
    population=None,
    island_population=None,
    progress=None,
    is_cancelled=None,
):
    """Build the neighbourhood graph of polygon ``geometries`` (projected CRS, metres).

    ``barriers`` are line geometries in the same CRS; ``nest`` an optional sequence of unit
    values (blocks in different units are never neighbours); ``population`` optional, used to
    choose each unit's main component and to report island populations; with
    ``island_population`` only parts under that population count as islands (else every part
    outside the main one of its unit does). ``progress`` is
    called with (fraction, stage name); ``is_cancelled`` is polled between stages.
    """
    if gap_distance is None or not np.isfinite(gap_distance) or gap_distance < 0:
        raise ParameterError("gap_distance", gap_distance, "must be a distance of 0 metres or more")
    if contiguity not in (QUEEN, ROOK):
        raise ParameterError("contiguity", contiguity, "must be 'queen' or 'rook'")
    n = len(geometries)
    if nest is not None and len(nest) != n:
        raise ParameterError("nest", len(nest), f"needs one value per block ({n})")
    if population is not None and len(population) != n:
        raise ParameterError("population", len(population), f"needs one value per block ({n})")

    stages = _Stages(progress, is_cancelled, {"check": 1, "pairs": 4, "lengths": 3, "barriers": 1, "components": 1})
    stages.start("check")
    clean, skipped, repaired, not_polygonal = geometry.clean_polygons(geometries)
    valid = np.array([geom is not None for geom in clean], dtype=bool)
    valid_index = np.flatnonzero(valid)
    valid_geoms = [clean[i] for i in valid_index]

    stages.start("pairs")
    distance = max(float(gap_distance), TOUCH_TOLERANCE)
    left, right = geometry.candidate_pairs(valid_geoms, distance)
    cut_by_nesting = 0
    if nest is not None and len(left):
        nest_values = np.asarray([_nest_key(value) for value in nest], dtype=object)[valid_index]
        same = nest_values[left] == nest_values[right]
        cut_by_nesting = int((~same).sum())
        left, right = left[same], right[same]

    stages.start("lengths")
    gap = geometry.pair_distances(valid_geoms, left, right) if len(left) else np.zeros(0)
    shared = _shared_lengths(valid_geoms, left, right, gap, distance)

    cut_by_rook = 0
    if contiguity == ROOK and len(left):
        minimum = ROOK_MIN_SHARED_LENGTH if gap_distance > 0 else TOUCH_TOLERANCE
        keep = shared >= minimum
        cut_by_rook = int((~keep).sum())
        left, right, gap, shared = left[keep], right[keep], gap[keep], shared[keep]

    stages.start("barriers")
    cut_by_barrier = 0
    barrier_pairs = (np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64))
    barrier_lines = [line for line in barriers if line is not None and not line.is_empty]
    if barrier_lines and len(left):
        crossing = _crosses_barrier(valid_geoms, left, right, gap, barrier_lines, distance)
        cut_by_barrier = int(crossing.sum())
        barrier_pairs = (valid_index[left[crossing]], valid_index[right[crossing]])
        keep = ~crossing
        left, right, gap, shared = left[keep], right[keep], gap[keep], shared[keep]

    stages.start("components")
    left_global, right_global = valid_index[left], valid_index[right]
    degree = np.bincount(np.concatenate([left_global, right_global]), minlength=n).astype(np.int64)
    component, components = _components(n, valid, left_global, right_global, nest, population)
    island = np.zeros(n, dtype=bool)
    for comp in components:
        comp.is_island = not comp.is_main and (
            island_population is None or population is None or comp.population < island_population
        )
        if comp.is_island:
            island[comp.blocks] = True
    if progress is not None:
        progress(1.0, "done")
    return AdjacencyGraph(
        n_blocks=n,
        left=left_global,
        right=right_global,
        gap=np.asarray(gap, dtype=float),
        shared_length=np.asarray(shared, dtype=float),
        degree=degree,
        component=component,
        island=island,
        components=components,
        skipped=sorted(skipped + not_polygonal),
        repaired=repaired,
        cut_by_barrier=cut_by_barrier,
        cut_by_nesting=cut_by_nesting,
        cut_by_rook=cut_by_rook,
        barrier_pairs=barrier_pairs,
        clean_shapes=clean,
    )


def _nest_key(value):
    """Nest values compare by value; all missing values (None/NaN) form one unit."""
    if value is None:
        return None
    try:
        if np.isnan(value):
            return None
    except TypeError:
        pass
    return value


def _shared_lengths(geoms, left, right, gap, distance):
    """Shared boundary (touching) or facing length across the gap, in metres.

    The length of one block's boundary within ``distance`` of the other block (the block
    with the shorter outline, since the facing length cannot exceed it), minus the stretch
    its side edges pick up at each end of the frontage (distance - gap each, exact for
    square corners). Blocks facing each other along a street get about the length of their
    common frontage, blocks meeting only corner to corner a few metres at most. One
    direction only: the overlay is the slowest step of the graph.
    """
    if not len(left):
        return np.zeros(0)
    outlines = geometry.boundaries(geoms)
    perimeter = geometry.lengths(outlines)
    swap = perimeter[right] < perimeter[left]
    first = np.where(swap, right, left)
    second = np.where(swap, left, right)
    zones = geometry.buffers(geoms, distance)
    facing = geometry.intersection_lengths(outlines, zones, first, second)
    corner_slack = 2.0 * np.clip(distance - np.asarray(gap), 0.0, None)
    return np.clip(facing - corner_slack, 0.0, None)


def _barrier_segments(lines):
    """Split barrier lines into straight segments so a spatial index can find nearby pairs."""
    from shapely.geometry import LineString

    segments = []
    for line in lines:
        parts = line.geoms if hasattr(line, "geoms") else [line]
        for part in parts:
            coords = list(part.coords)
            segments.extend(LineString(coords[k : k + 2]) for k in range(len(coords) - 1))
    return segments


def _crosses_barrier(geoms, left, right, gap, barrier_lines, distance):
    """True for pairs separated by a barrier line."""
    segments = _barrier_segments(barrier_lines)
    # A link that crosses a barrier is at most `distance` long, so both of its blocks lie
    # within `distance` of the barrier: only those pairs need the exact test.
    near_block = geometry.within_distance_of_any(geoms, segments, distance)
    near = np.flatnonzero(near_block[left] & near_block[right])
    crossing = np.zeros(len(left), dtype=bool)
    if not len(near):
        return crossing
    links = geometry.shortest_links(geoms, left[near], right[near])
    link_crosses = geometry.intersects_any(links, segments)
    crossing[near[link_crosses]] = True

    touching = near[(~link_crosses) & (np.asarray(gap)[near] <= TOUCH_TOLERANCE)]
    if len(touching):
        crossing[touching] = _barrier_along_shared_boundary(geoms, left[touching], right[touching], segments)
    return crossing


def _barrier_along_shared_boundary(geoms, left, right, segments):
    """For touching blocks: does a barrier follow at least half of their shared boundary?"""
    from shapely.ops import unary_union

    corridor = unary_union([segment.buffer(BARRIER_TOLERANCE) for segment in segments])
    result = np.zeros(len(left), dtype=bool)
    for k, (i, j) in enumerate(zip(left.tolist(), right.tolist())):
        shared = geoms[i].boundary.intersection(geoms[j].buffer(BARRIER_TOLERANCE))
        if shared.length > 0:
            result[k] = shared.intersection(corridor).length >= 0.5 * shared.length
    return result


def _components(n, valid, left, right, nest, population):
    """Connected components; per nest unit, the most populous one is the main component."""
    component = np.full(n, -1, dtype=np.int64)
    if not valid.any():
        return component, []
    graph = coo_matrix((np.ones(len(left)), (left, right)), shape=(n, n)).tocsr()
    _, labels = connected_components(graph, directed=False)
    labels = np.where(valid, labels, -1)
    weights = np.zeros(n) if population is None else np.nan_to_num(np.asarray(population, dtype=float))
    units = np.zeros(n, dtype=object) if nest is None else np.asarray([_nest_key(v) for v in nest], dtype=object)

    groups = {}
    for index in np.flatnonzero(valid):
        groups.setdefault(labels[index], []).append(index)
    parts = [np.asarray(members, dtype=np.int64) for members in groups.values()]
    # Largest first (population, then blocks), ties broken by the first block: deterministic ids.
    parts.sort(key=lambda members: (-weights[members].sum(), -len(members), members[0]))

    main_of_unit = {}
    components = []
    for component_id, members in enumerate(parts):
        unit = units[members[0]]
        is_main = unit not in main_of_unit
        if is_main:
            main_of_unit[unit] = component_id
        component[members] = component_id
        components.append(Component(component_id, members, float(weights[members].sum()), is_main))
    return component, components
