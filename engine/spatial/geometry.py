"""Shapely 1.8 / 2.x compatibility: the bulk geometry operations of the engine and of the
sample-town generator.

Debian's QGIS 3.22 stack ships Shapely 1.8 (no vectorised functions, a different
STRtree API); current installers ship Shapely 2. Every function here takes plain
Python sequences of geometries and index arrays and returns numpy arrays, using the
vectorised Shapely 2 API when it is there and a plain loop otherwise.

This is the only module that asks which Shapely (or GEOS) is installed: everything else
in the plugin, the generator (``engine/sampletown``), the scripts and the tests calls the
helpers here (``SHAPELY2``, ``geos_version``, ``union_all``, ``buffer_all``, ...).
"""
from __future__ import annotations

import warnings

import numpy as np
import shapely
import shapely.ops
from shapely.geometry import LineString, MultiPolygon, Point, Polygon, box
from shapely.prepared import prep
from shapely.strtree import STRtree

SHAPELY2 = int(shapely.__version__.split(".")[0]) >= 2

from shapely.validation import make_valid  # noqa: E402 (both 1.8 and 2.x have it)


def geos_version():
    """The GEOS version Shapely runs on, as text ("3.14.1")."""
    if SHAPELY2:
        return ".".join(map(str, shapely.geos_version))
    from shapely.geos import geos_version as version  # Shapely 1.8

    return ".".join(map(str, version))


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


def not_polygonal(geometries):
    """Indices of geometries that are there but hold no polygon at all (lines, points).

    A layer of any geometry type (a GeoPackage or PostGIS table of GEOMETRY) can mix them with
    the block polygons; missing and empty geometries are not counted here.
    """
    out = []
    for index, geom in enumerate(geometries):
        if geom is None or geom.is_empty:
            continue
        parts = getattr(geom, "geoms", [geom]) if geom.geom_type == "GeometryCollection" else [geom]
        if not any(part.geom_type in ("Polygon", "MultiPolygon") for part in parts):
            out.append(index)
    return out


def identical_groups(geometries, decimals=6):
    """Groups (lists of indices, each of two or more) of geometries with the same vertices.

    A block exported twice has the same polygon under two ids, possibly with its rings starting
    at another vertex: candidates share area and perimeter (cheap on Shapely 1.8, where reading
    bounds or vertices of 20,000 blocks takes seconds), and are then compared in normal form.
    """
    candidates = {}
    for index, geom in enumerate(geometries):
        if geom is None or geom.is_empty:
            continue
        candidates.setdefault((round(geom.area, decimals), round(geom.length, decimals)), []).append(index)
    groups = []
    for indices in candidates.values():
        if len(indices) < 2:
            continue
        same = {}
        for index in indices:
            same.setdefault(_normal_form(geometries[index]), []).append(index)
        groups += [group for group in same.values() if len(group) > 1]
    return sorted(groups)


def _normal_form(geom):
    """The geometry's WKB with rings starting at the same vertex and oriented alike."""
    try:
        return geom.normalize().wkb
    except Exception:  # noqa: BLE001 - GEOS may refuse a broken shape: its vertices as given
        return geom.wkb


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
    return buffer_all(geometries, distance, quad_segs=quad_segs)


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


def containing_pairs(points, polygons):
    """(point index, polygon index) for every polygon whose interior holds a point.

    A point inside two overlapping polygons belongs to both; a point on a boundary only (between
    two spaces drawn edge to edge) belongs to the first polygon that touches it, so it is not
    counted twice where polygons merely meet.
    """
    left, right = [], []
    ok = [j for j, geom in enumerate(polygons) if geom is not None]
    if len(points) and ok:
        if SHAPELY2:
            tree = STRtree(np.asarray([polygons[j] for j in ok], dtype=object))
            inside_point, inside_polygon = tree.query(np.asarray(points, dtype=object), predicate="within")
            left, right = inside_point.tolist(), np.asarray(ok, dtype=np.int64)[inside_polygon].tolist()
        else:  # pragma: no cover - Shapely 1.8 path
            from shapely.prepared import prep

            tree = _indexed_tree([polygons[j] for j in ok])
            prepared = [prep(polygons[j]) for j in ok]
            for i, point in enumerate(points):
                for j in sorted(tree.query_items(point)):
                    if prepared[j].contains(point):
                        left.append(i)
                        right.append(ok[j])
    left = np.asarray(left, dtype=np.int64)
    right = np.asarray(right, dtype=np.int64)
    on_boundary = np.ones(len(points), dtype=bool)
    on_boundary[left] = False
    first = first_containing([points[i] for i in np.flatnonzero(on_boundary)], polygons)
    found = first >= 0
    left = np.concatenate([left, np.flatnonzero(on_boundary)[found]])
    right = np.concatenate([right, first[found]])
    order = np.lexsort((right, left))
    return left[order], right[order]


def block_outlines(geometries, active, repaired=False):
    """(areas, perimeters) of the repaired blocks for the shape polish, or (None, None).

    Blocks not ``active`` (not divided) get 0. When a block to divide has no positive area or
    outline even after repair (a sliver, a line), the pair is not given: the polish is a
    refinement, and the delineation runs as well without it. ``repaired``: the geometries are
    already repaired (the adjacency's ``clean_shapes``), so they are not checked again.
    """
    clean = list(geometries) if repaired else clean_polygons(geometries)[0]
    if len(clean) != len(active):
        return None, None
    areas = polygon_areas(clean) if clean else np.zeros(0)
    perimeters = np.array([0.0 if geom is None else geom.length for geom in clean], dtype=float)
    active = np.asarray(active, dtype=bool)
    usable = np.isfinite(areas) & (areas > 0) & np.isfinite(perimeters) & (perimeters > 0)
    if not usable[active].all():
        return None, None
    return np.where(active, areas, 0.0), np.where(active, perimeters, 0.0)


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


# --- bulk operations of the sample-town generator (and of scoring) -----------------------------


def as_array(geoms):
    """An object ndarray of geometries (never a 2-d array of coordinates)."""
    arr = np.empty(len(geoms), dtype=object)
    arr[:] = list(geoms)
    return arr


def polygons_from_coords(rings):
    """Polygons from a list of (k, 2) exterior coordinate arrays (closing point optional)."""
    if SHAPELY2 and len(rings):
        lengths = np.fromiter((len(r) for r in rings), dtype=np.int64, count=len(rings))
        coords = np.concatenate(rings, axis=0)
        index = np.repeat(np.arange(len(rings)), lengths)
        return list(shapely.polygons(shapely.linearrings(coords, indices=index)))
    return [Polygon(r) for r in rings]


def areas(geoms):
    if SHAPELY2:
        return shapely.area(as_array(geoms))
    return np.fromiter((g.area for g in geoms), dtype=float, count=len(geoms))


def bounds(geoms):
    if SHAPELY2:
        return shapely.bounds(as_array(geoms))
    if not len(geoms):
        return np.zeros((0, 4))
    return np.array([g.bounds if not g.is_empty else (np.nan,) * 4 for g in geoms], dtype=float)


def is_valid(geoms):
    if SHAPELY2:
        return shapely.is_valid(as_array(geoms))
    return np.array([g.is_valid for g in geoms], dtype=bool)


_JOIN_CODES = {"round": 1, "mitre": 2, "bevel": 3}  # Shapely 1.8's JOIN_STYLE / CAP_STYLE numbers
_CAP_CODES = {"round": 1, "flat": 2, "square": 3}


def buffer_all(geoms, distance, join_style="round", cap_style="round", quad_segs=8, mitre_limit=5.0):
    """Buffer every geometry by ``distance`` (one number or one per geometry).

    ``join_style`` is "round", "mitre" (keeps square corners square; an exact inward offset of
    convex polygons) or "bevel"; ``cap_style`` "round", "flat" or "square".
    """
    n = len(geoms)
    dist = np.broadcast_to(np.asarray(distance, dtype=float), (n,))
    if SHAPELY2:
        return list(shapely.buffer(as_array(geoms), dist, quad_segs=quad_segs, cap_style=cap_style,
                                   join_style=join_style, mitre_limit=mitre_limit))
    join, cap = _JOIN_CODES[join_style], _CAP_CODES[cap_style]
    return [
        g.buffer(float(d), resolution=quad_segs, cap_style=cap, join_style=join, mitre_limit=mitre_limit)
        for g, d in zip(geoms, dist)
    ]


def union_all(geoms):
    """The union of all ``geoms`` (one geometry)."""
    if SHAPELY2:
        return shapely.union_all(as_array(geoms))
    return shapely.ops.unary_union(list(geoms))


def intersection(geoms, other):
    """Pairwise intersection with one geometry or with a same-length sequence."""
    return _pairwise("intersection", geoms, other)


def difference(geoms, other):
    """Pairwise difference with one geometry or with a same-length sequence."""
    return _pairwise("difference", geoms, other)


def _pairwise(operation, geoms, other):
    """A binary Shapely operation of each of ``geoms`` with ``other`` (one geometry or one each)."""
    if SHAPELY2:
        other_arr = other if isinstance(other, shapely.Geometry) else as_array(other)
        return list(getattr(shapely, operation)(as_array(geoms), other_arr))
    if isinstance(other, (list, tuple, np.ndarray)):
        return [getattr(g, operation)(o) for g, o in zip(geoms, other)]
    return [getattr(g, operation)(other) for g in geoms]


def contains_xy(geom, x, y):
    """Boolean mask: which points (x, y) lie inside ``geom``."""
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    if not len(x):
        return np.zeros(0, dtype=bool)
    if SHAPELY2:
        shapely.prepare(geom)
        return shapely.contains_xy(geom, x, y)
    from shapely import vectorized  # Shapely 1.8

    return np.asarray(vectorized.contains(geom, x, y), dtype=bool)


def intersects_mask(geom, geoms):
    """Boolean mask: which of ``geoms`` intersect the single geometry ``geom``."""
    if not len(geoms):
        return np.zeros(0, dtype=bool)
    if SHAPELY2:
        shapely.prepare(geom)
        return shapely.intersects(geom, as_array(geoms))
    p = prep(geom)
    return np.array([p.intersects(g) for g in geoms], dtype=bool)


def query_pairs(tree_geoms, query_geoms, predicate="intersects"):
    """Index pairs (i query, j tree) with ``predicate(query_geoms[i], tree_geoms[j])``, sorted.

    ``predicate`` is 'intersects' or None (bounding boxes only).
    """
    if SHAPELY2:
        tree = STRtree(as_array(tree_geoms))
        res = tree.query(as_array(query_geoms), predicate=predicate)
        return res[0].astype(np.int64), res[1].astype(np.int64)
    tree_geoms = list(tree_geoms)
    with warnings.catch_warnings():  # 1.8 warns that the STRtree API changes in 2.0
        warnings.simplefilter("ignore")
        tree = STRtree(tree_geoms)
    index = {id(g): j for j, g in enumerate(tree_geoms)}
    qi, tj = [], []
    for i, g in enumerate(query_geoms):
        cands = sorted(index[id(c)] for c in tree.query(g))
        if not cands:
            continue
        if predicate is None:
            hits = cands
        else:
            pg = prep(g)
            hits = [j for j in cands if pg.intersects(tree_geoms[j])]
        qi.extend([i] * len(hits))
        tj.extend(hits)
    qi = np.asarray(qi, dtype=np.int64)
    tj = np.asarray(tj, dtype=np.int64)
    order = np.lexsort((tj, qi))
    return qi[order], tj[order]


def explode_polygons(geom):
    """The polygon parts of a (multi)polygon or collection, as a list."""
    if geom is None or geom.is_empty:
        return []
    kind = geom.geom_type
    if kind == "Polygon":
        return [geom]
    if kind in ("MultiPolygon", "GeometryCollection"):
        out = []
        for part in geom.geoms:
            out.extend(explode_polygons(part))
        return out
    return []


def centroids(geoms):
    """(n, 2) coordinates of the centroids."""
    if SHAPELY2:
        return shapely.get_coordinates(shapely.centroid(as_array(geoms)))
    return np.array([g.centroid.coords[0] for g in geoms], dtype=float).reshape(-1, 2)


def _round_ring(coords, decimals, offset=(0.0, 0.0)):
    arr = np.round(np.asarray(coords, dtype=float)[:, :2] + np.asarray(offset, dtype=float), decimals)
    keep = np.ones(len(arr), dtype=bool)
    keep[1:] = np.any(arr[1:] != arr[:-1], axis=1)
    return arr[keep]


def _round_one(geom, decimals, offset=(0.0, 0.0)):  # Shapely 1.8 path of round_coordinates
    kind = geom.geom_type
    if kind == "Polygon":
        shell = _round_ring(geom.exterior.coords, decimals, offset)
        holes = [_round_ring(r.coords, decimals, offset) for r in geom.interiors]
        holes = [h for h in holes if len(h) >= 4]
        if len(shell) < 4:
            return Polygon()
        return Polygon(shell, holes)
    if kind == "MultiPolygon":
        parts = [_round_one(p, decimals, offset) for p in geom.geoms]
        return MultiPolygon([p for p in parts if not p.is_empty])
    if kind == "LineString":
        return LineString(_round_ring(geom.coords, decimals, offset))
    if kind == "Point":
        return Point(np.round(np.asarray(geom.coords[0][:2]) + np.asarray(offset, dtype=float), decimals))
    raise TypeError("cannot round %s" % kind)


def round_coordinates(geoms, decimals=2, offset=(0.0, 0.0)):
    """Shift by ``offset`` and round coordinates (default: to cm); repairs invalid polygons."""
    if SHAPELY2 and hasattr(shapely, "remove_repeated_points"):
        arr = as_array(geoms)  # a new array: set_coordinates replaces its items in place
        coords = np.round(shapely.get_coordinates(arr) + np.asarray(offset, dtype=float), decimals)
        out = list(shapely.remove_repeated_points(shapely.set_coordinates(arr, coords), 0.0))
    else:
        out = [_round_one(g, decimals, offset) for g in geoms]
    valid = is_valid(out)
    for k in np.flatnonzero(~valid):
        fixed = out[k].buffer(0)
        if SHAPELY2:
            fixed = shapely.set_precision(fixed, 10.0 ** -decimals)
        else:
            fixed = _round_one(fixed, decimals).buffer(0)
        out[k] = fixed
    return out
