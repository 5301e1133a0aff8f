"""Shapely 1.8 / 2.x compatibility for the few bulk geometry operations the engine needs.

Debian's QGIS 3.22 stack ships Shapely 1.8 (no vectorised functions, a different
STRtree API); current installers ship Shapely 2. Every function here takes plain
Python sequences of geometries and index arrays and returns numpy arrays, using the
vectorised Shapely 2 API when it is there and a plain loop otherwise.
"""
from __future__ import annotations

import warnings

import numpy as np
import shapely
from shapely.geometry import box
from shapely.strtree import STRtree

SHAPELY2 = int(shapely.__version__.split(".")[0]) >= 2

from shapely.validation import make_valid  # noqa: E402 (both 1.8 and 2.x have it)


def _polygonal_part(geom):
    """Keep only the polygons of a (repaired) geometry; None when nothing polygonal is left."""
    if geom is None or geom.is_empty:
        return None
    if geom.geom_type in ("Polygon", "MultiPolygon"):
        return geom
    if geom.geom_type == "GeometryCollection":
        polygons = [part for part in geom.geoms if part.geom_type in ("Polygon", "MultiPolygon")]
        if not polygons:
            return None
        return shapely.ops.unary_union(polygons)
    return None


def clean_polygons(geometries):
    """Validate polygon geometries.

    Returns ``(clean, skipped, repaired, not_polygonal)``: ``clean`` has one entry per input,
    None where the geometry is missing, empty or could not be turned into a polygon;
    ``skipped`` lists indices of missing or empty geometries, ``repaired`` those that were
    invalid and were repaired, ``not_polygonal`` those left without any polygon.
    """
    import shapely.ops  # noqa: F401  (makes shapely.ops available on 1.8)

    clean = []
    skipped, repaired, not_polygonal = [], [], []
    for index, geom in enumerate(geometries):
        if geom is None or geom.is_empty:
            skipped.append(index)
            clean.append(None)
            continue
        if not geom.is_valid:
            geom = make_valid(geom)
            repaired.append(index)
        polygonal = _polygonal_part(geom)
        if polygonal is None:
            not_polygonal.append(index)
        clean.append(polygonal)
    return clean, skipped, repaired, not_polygonal


def candidate_pairs(geometries, distance):
    """All pairs (i < j) whose geometries lie within ``distance`` of each other (touching included).

    ``geometries`` must not contain None. Returns two int64 arrays.
    """
    n = len(geometries)
    if n < 2:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty
    if SHAPELY2:
        tree = STRtree(np.asarray(geometries, dtype=object))
        if distance > 0:
            left, right = tree.query(np.asarray(geometries, dtype=object), predicate="dwithin", distance=distance)
        else:
            left, right = tree.query(np.asarray(geometries, dtype=object), predicate="intersects")
        keep = left < right
        return left[keep].astype(np.int64), right[keep].astype(np.int64)
    return _candidate_pairs_loop(geometries, distance)


def _indexed_tree(geometries):  # pragma: no cover - Shapely 1.8 path
    """Shapely 1.8 STRtree returning item indices (its 'items' argument is deprecated, not gone)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return STRtree(list(geometries), items=range(len(geometries)))


def _candidate_pairs_loop(geometries, distance):  # pragma: no cover - Shapely 1.8 path
    tree = _indexed_tree(geometries)
    left, right = [], []
    for i, geom in enumerate(geometries):
        minx, miny, maxx, maxy = geom.bounds
        window = box(minx - distance, miny - distance, maxx + distance, maxy + distance)
        for j in tree.query_items(window):
            if j > i and geom.distance(geometries[j]) <= distance:
                left.append(i)
                right.append(j)
    order = np.lexsort((np.asarray(right), np.asarray(left))) if left else []
    left = np.asarray(left, dtype=np.int64)[order]
    right = np.asarray(right, dtype=np.int64)[order]
    return left, right


def pair_distances(geometries, left, right):
    """Distance between the geometries of each pair."""
    if SHAPELY2:
        geoms = np.asarray(geometries, dtype=object)
        return shapely.distance(geoms[left], geoms[right])
    return np.array([geometries[i].distance(geometries[j]) for i, j in zip(left, right)], dtype=float)


def buffers(geometries, distance, quad_segs=4):
    """Buffer every geometry by ``distance`` (coarse arcs: used for lengths, not for display)."""
    if SHAPELY2:
        return list(shapely.buffer(np.asarray(geometries, dtype=object), distance, quad_segs=quad_segs))
    return [geom.buffer(distance, quad_segs) for geom in geometries]


def boundaries(geometries):
    if SHAPELY2:
        return list(shapely.boundary(np.asarray(geometries, dtype=object)))
    return [geom.boundary for geom in geometries]


def intersection_lengths(lines, areas, left, right):
    """Length of ``lines[left[k]]`` inside ``areas[right[k]]`` for each pair k."""
    if SHAPELY2:
        lines = np.asarray(lines, dtype=object)
        areas = np.asarray(areas, dtype=object)
        return shapely.length(shapely.intersection(lines[left], areas[right]))
    return np.array([lines[i].intersection(areas[j]).length for i, j in zip(left, right)], dtype=float)


def shortest_links(geometries, left, right):
    """The shortest segment between the geometries of each pair (a point-like line when touching)."""
    if SHAPELY2:
        geoms = np.asarray(geometries, dtype=object)
        return list(shapely.shortest_line(geoms[left], geoms[right]))
    from shapely.geometry import LineString
    from shapely.ops import nearest_points

    links = []
    for i, j in zip(left, right):
        a, b = nearest_points(geometries[i], geometries[j])
        links.append(LineString([a, b]))
    return links


def lengths(geometries):
    if SHAPELY2:
        return shapely.length(np.asarray(geometries, dtype=object))
    return np.array([geom.length for geom in geometries], dtype=float)


def within_distance_of_any(geometries, others, distance):
    """Boolean per geometry: is it within ``distance`` of any of ``others``?"""
    if len(geometries) == 0 or len(others) == 0:
        return np.zeros(len(geometries), dtype=bool)
    result = np.zeros(len(geometries), dtype=bool)
    if SHAPELY2:
        tree = STRtree(np.asarray(others, dtype=object))
        hits, _ = tree.query(np.asarray(geometries, dtype=object), predicate="dwithin", distance=distance)
        result[hits] = True
        return result
    tree = _indexed_tree(others)
    for index, geom in enumerate(geometries):
        minx, miny, maxx, maxy = geom.bounds
        window = box(minx - distance, miny - distance, maxx + distance, maxy + distance)
        if any(geom.distance(others[k]) <= distance for k in tree.query_items(window)):
            result[index] = True
    return result


def intersects_any(geometries, others):
    """Boolean per geometry: does it intersect any of ``others``?"""
    if len(geometries) == 0 or len(others) == 0:
        return np.zeros(len(geometries), dtype=bool)
    if SHAPELY2:
        tree = STRtree(np.asarray(others, dtype=object))
        hits, _ = tree.query(np.asarray(geometries, dtype=object), predicate="intersects")
        result = np.zeros(len(geometries), dtype=bool)
        result[hits] = True
        return result
    tree = _indexed_tree(others)
    result = np.zeros(len(geometries), dtype=bool)
    for index, geom in enumerate(geometries):
        for other in tree.query_items(geom):
            if geom.intersects(others[other]):
                result[index] = True
                break
    return result


# --- bulk operations for areal interpolation (indicators) -----------------------------------


def polygon_areas(geometries):
    """Area of each geometry (0 for None)."""
    if SHAPELY2:
        return np.nan_to_num(shapely.area(np.asarray(geometries, dtype=object)), nan=0.0)
    return np.array([0.0 if geom is None else geom.area for geom in geometries], dtype=float)


def overlay_areas(sources, targets):
    """Area of every intersecting (source, target) pair.

    Returns int64 arrays ``source_index``, ``target_index`` and a float array of intersection
    areas (pairs that only touch have area 0 and are dropped). A source covered by a target
    takes its own area without an overlay (the usual case: most blocks lie inside one space).
    None entries are skipped.
    """
    source_ok = np.array([geom is not None for geom in sources], dtype=bool)
    target_ok = np.array([geom is not None for geom in targets], dtype=bool)
    empty = np.zeros(0, dtype=np.int64)
    if not source_ok.any() or not target_ok.any():
        return empty, empty, np.zeros(0)
    source_idx = np.nonzero(source_ok)[0]
    target_idx = np.nonzero(target_ok)[0]
    src = [sources[i] for i in source_idx]
    tgt = [targets[j] for j in target_idx]
    if SHAPELY2:
        src_arr = np.asarray(src, dtype=object)
        tgt_arr = np.asarray(tgt, dtype=object)
        tree = STRtree(tgt_arr)
        left, right = tree.query(src_arr, predicate="intersects")
        shapely.prepare(tgt_arr)
        covered = shapely.covers(tgt_arr[right], src_arr[left])
        areas = np.empty(len(left), dtype=float)
        areas[covered] = shapely.area(src_arr[left[covered]])
        rest = ~covered
        if rest.any():
            areas[rest] = shapely.area(shapely.intersection(src_arr[left[rest]], tgt_arr[right[rest]]))
        shapely.destroy_prepared(tgt_arr)
    else:  # pragma: no cover - Shapely 1.8 path
        from shapely.prepared import prep

        tree = _indexed_tree(tgt)
        prepared = [prep(geom) for geom in tgt]
        left_l, right_l, area_l = [], [], []
        for i, geom in enumerate(src):
            for j in sorted(tree.query_items(geom)):
                if not prepared[j].intersects(geom):
                    continue
                if prepared[j].covers(geom):
                    area = geom.area
                else:
                    area = geom.intersection(tgt[j]).area
                left_l.append(i)
                right_l.append(j)
                area_l.append(area)
        left = np.asarray(left_l, dtype=np.int64)
        right = np.asarray(right_l, dtype=np.int64)
        areas = np.asarray(area_l, dtype=float)
    keep = areas > 0
    return source_idx[left[keep]].astype(np.int64), target_idx[right[keep]].astype(np.int64), areas[keep]


def first_containing(points, polygons):
    """For each point the index of the first polygon that contains or touches it, else -1."""
    result = np.full(len(points), -1, dtype=np.int64)
    ok = [j for j, geom in enumerate(polygons) if geom is not None]
    if not len(points) or not ok:
        return result
    tgt = [polygons[j] for j in ok]
    ok = np.asarray(ok, dtype=np.int64)
    if SHAPELY2:
        tree = STRtree(np.asarray(tgt, dtype=object))
        left, right = tree.query(np.asarray(points, dtype=object), predicate="intersects")
        order = np.lexsort((right, left))
        left, right = left[order], right[order]
        first = np.ones(len(left), dtype=bool)
        first[1:] = left[1:] != left[:-1]
        result[left[first]] = ok[right[first]]
        return result
    from shapely.prepared import prep  # pragma: no cover - Shapely 1.8 path

    tree = _indexed_tree(tgt)
    prepared = [prep(geom) for geom in tgt]
    for i, point in enumerate(points):
        for j in sorted(tree.query_items(point)):
            if prepared[j].intersects(point):
                result[i] = ok[j]
                break
    return result


def representative_points(geometries):
    """(n, 2) coordinates of a point inside each geometry (NaN for missing ones)."""
    points = np.full((len(geometries), 2), np.nan)
    present = [i for i, geom in enumerate(geometries) if geom is not None and not geom.is_empty]
    if not present:
        return points
    if SHAPELY2:
        coords = shapely.get_coordinates(shapely.point_on_surface(np.asarray([geometries[i] for i in present], dtype=object)))
        points[present] = coords
        return points
    for i in present:
        point = geometries[i].representative_point()
        points[i] = (point.x, point.y)
    return points
