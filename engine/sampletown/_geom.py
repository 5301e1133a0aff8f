"""Small Shapely 1.8 / 2.x compatibility helpers used by the sample-town generator.

Shapely 2 has vectorised functions over arrays of geometries; Shapely 1.8 has
only per-geometry methods and an STRtree whose ``query`` returns geometries.
Every helper here takes and returns plain Python lists / numpy arrays and picks
the fast path when it exists.
"""
import warnings

import numpy as np
import shapely
from shapely.geometry import LineString, MultiPolygon, Point, Polygon
from shapely.ops import unary_union
from shapely.prepared import prep
from shapely.strtree import STRtree

SHAPELY2 = int(shapely.__version__.split(".")[0]) >= 2

if SHAPELY2:  # pragma: no cover - depends on the installed stack
    import shapely as _s
else:  # pragma: no cover
    import shapely.vectorized as _vectorized

__all__ = [
    "SHAPELY2",
    "as_array",
    "polygons_from_coords",
    "areas",
    "bounds",
    "is_valid",
    "buffer_mitre",
    "buffer_round",
    "intersection",
    "difference",
    "contains_xy",
    "intersects_mask",
    "query_pairs",
    "explode_polygons",
    "round_coordinates",
    "union",
    "representative_points",
    "centroids",
    "canonical_polygon",
]


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
        return list(_s.polygons(_s.linearrings(coords, indices=index)))
    return [Polygon(r) for r in rings]


def areas(geoms):
    if SHAPELY2:
        return _s.area(as_array(geoms))
    return np.fromiter((g.area for g in geoms), dtype=float, count=len(geoms))


def bounds(geoms):
    if SHAPELY2:
        return _s.bounds(as_array(geoms))
    if not len(geoms):
        return np.zeros((0, 4))
    return np.array([g.bounds if not g.is_empty else (np.nan,) * 4 for g in geoms], dtype=float)


def is_valid(geoms):
    if SHAPELY2:
        return _s.is_valid(as_array(geoms))
    return np.array([g.is_valid for g in geoms], dtype=bool)


def _buffer(geoms, distance, join, cap):
    n = len(geoms)
    dist = np.broadcast_to(np.asarray(distance, dtype=float), (n,))
    if SHAPELY2:
        return list(
            _s.buffer(as_array(geoms), dist, quad_segs=8, cap_style=cap, join_style=join, mitre_limit=5.0)
        )
    join_code = {"round": 1, "mitre": 2, "bevel": 3}[join]
    cap_code = {"round": 1, "flat": 2, "square": 3}[cap]
    return [
        g.buffer(float(d), resolution=8, cap_style=cap_code, join_style=join_code, mitre_limit=5.0)
        for g, d in zip(geoms, dist)
    ]


def buffer_mitre(geoms, distance):
    """Buffer with mitred joins (exact inward offset of convex polygons)."""
    return _buffer(geoms, distance, "mitre", "flat")


def buffer_round(geoms, distance, cap="round"):
    return _buffer(geoms, distance, "round", cap)


def intersection(geoms, other):
    """Pairwise intersection with one geometry or with a same-length sequence."""
    if SHAPELY2:
        other_arr = other if isinstance(other, shapely.Geometry) else as_array(other)
        return list(_s.intersection(as_array(geoms), other_arr))
    if isinstance(other, (list, tuple, np.ndarray)):
        return [g.intersection(o) for g, o in zip(geoms, other)]
    return [g.intersection(other) for g in geoms]


def difference(geoms, other):
    if SHAPELY2:
        other_arr = other if isinstance(other, shapely.Geometry) else as_array(other)
        return list(_s.difference(as_array(geoms), other_arr))
    if isinstance(other, (list, tuple, np.ndarray)):
        return [g.difference(o) for g, o in zip(geoms, other)]
    return [g.difference(other) for g in geoms]


def contains_xy(geom, x, y):
    """Boolean mask: which points (x, y) lie inside ``geom``."""
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    if not len(x):
        return np.zeros(0, dtype=bool)
    if SHAPELY2:
        _s.prepare(geom)
        return _s.contains_xy(geom, x, y)
    return np.asarray(_vectorized.contains(geom, x, y), dtype=bool)


def intersects_mask(geom, geoms):
    """Boolean mask: which of ``geoms`` intersect the single geometry ``geom``."""
    if not len(geoms):
        return np.zeros(0, dtype=bool)
    if SHAPELY2:
        _s.prepare(geom)
        return _s.intersects(geom, as_array(geoms))
    p = prep(geom)
    return np.array([p.intersects(g) for g in geoms], dtype=bool)


def query_pairs(tree_geoms, query_geoms, predicate="intersects"):
    """Index pairs (i query, j tree) with ``predicate(query_geoms[i], tree_geoms[j])``.

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


def _round_ring(coords, decimals, offset=(0.0, 0.0)):
    arr = np.round(np.asarray(coords, dtype=float)[:, :2] + np.asarray(offset, dtype=float), decimals)
    keep = np.ones(len(arr), dtype=bool)
    keep[1:] = np.any(arr[1:] != arr[:-1], axis=1)
    return arr[keep]


def _round_one(geom, decimals, offset=(0.0, 0.0)):
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
    if SHAPELY2 and hasattr(_s, "remove_repeated_points"):
        arr = as_array(geoms)  # a new array: set_coordinates replaces its items in place
        coords = np.round(_s.get_coordinates(arr) + np.asarray(offset, dtype=float), decimals)
        out = list(_s.remove_repeated_points(_s.set_coordinates(arr, coords), 0.0))
    else:
        out = [_round_one(g, decimals, offset) for g in geoms]
    valid = is_valid(out)
    for k in np.flatnonzero(~valid):
        fixed = out[k].buffer(0)
        if SHAPELY2:
            fixed = _s.set_precision(fixed, 10.0 ** -decimals)
        else:
            fixed = _round_one(fixed, decimals).buffer(0)
        out[k] = fixed
    return out


def union(geoms):
    if SHAPELY2:
        return _s.union_all(as_array(geoms))
    return unary_union(list(geoms))


def representative_points(geoms):
    """(n, 2) array of points guaranteed to lie inside each geometry."""
    if SHAPELY2:
        return _s.get_coordinates(_s.point_on_surface(as_array(geoms)))
    return np.array([g.representative_point().coords[0] for g in geoms], dtype=float).reshape(-1, 2)


def centroids(geoms):
    if SHAPELY2:
        return _s.get_coordinates(_s.centroid(as_array(geoms)))
    return np.array([g.centroid.coords[0] for g in geoms], dtype=float).reshape(-1, 2)


def _canonical_ring(coords, ccw):
    ring = np.asarray(coords, dtype=float)[:-1, :2]
    area2 = np.sum(ring[:, 0] * np.roll(ring[:, 1], -1) - np.roll(ring[:, 0], -1) * ring[:, 1])
    if (area2 > 0) != ccw:
        ring = ring[::-1]
    start = np.lexsort((ring[:, 1], ring[:, 0]))[0]
    ring = np.roll(ring, -start, axis=0)
    return np.vstack([ring, ring[:1]])


def canonical_polygon(polygon, min_hole_area=1.0):
    """Same polygon, holes under ``min_hole_area`` dropped, rings in a fixed orientation and
    starting vertex (so that different GEOS versions give byte-identical output)."""
    shell = _canonical_ring(polygon.exterior.coords, True)
    holes = [
        _canonical_ring(r.coords, False) for r in polygon.interiors if Polygon(r).area >= min_hole_area
    ]
    holes.sort(key=lambda h: (h[0, 0], h[0, 1]))
    return Polygon(shell, holes)
