"""Orchestration: generate the whole sample town and write it to a GeoPackage (with OGR, see
``ogr_writer``)."""
import os
import time
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from scipy.spatial import cKDTree
from shapely import wkb
from shapely.geometry import MultiLineString, MultiPoint, MultiPolygon, Polygon

from ..spatial import geometry as geo
from . import names, ogr_writer, schema
from .attributes import COUNT_COLUMNS, block_attributes, draw_land_use
from .barriers import draw_barrier_plan, layer_lines
from .character import CHARACTERS
from .districts import build_districts, district_count, name_districts
from .facilities import place_facilities
from .layout import build_blocks, build_frame, generate_points
from .neighbourhoods import draw_neighbourhoods
from .outline import build_outline, draw_outline_plan

DEFAULT_SEED = 20261123
DEFAULT_BLOCKS = 3500
CRS = "EPSG:25832"
SRS_ID = 25832
#: the town centre in EPSG:25832 (west of Aachen-like terrain, synthetic)
CENTRE = (297600.0, 5632400.0)
MIN_BLOCKS = 300
#: generator points per requested block (blocks split by barriers minus dropped slivers)
_POINTS_PER_BLOCK = 0.985
#: gross area per block (m²) for the first guess of the town radius
_GROSS_AREA_PER_BLOCK = 11000.0


@dataclass
class Layer:
    """One layer: geometries and an attribute frame in the same order."""

    name: str
    geometry_type: str
    geometries: list
    frame: pd.DataFrame

    def __len__(self):
        return len(self.geometries)

    @property
    def aliases(self):
        return schema.aliases(self.name)

    @property
    def descriptions(self):
        return schema.descriptions(self.name)


@dataclass
class Town:
    """The generated town: four layers in EPSG:25832 and the generator settings."""

    blocks: Layer
    districts: Layer
    barriers: Layer
    facilities: Layer
    seed: int
    n_blocks_requested: int
    radius: float  # m, mean radius of the main body
    centre: tuple = CENTRE
    crs: str = CRS
    timings: dict = field(default_factory=dict)

    @property
    def layers(self):
        return {
            "blocks": self.blocks,
            "districts": self.districts,
            "barriers": self.barriers,
            "facilities": self.facilities,
        }


def _rngs(seed):
    children = np.random.SeedSequence(seed).spawn(9)
    keys = ("outline", "barriers", "neighbourhoods", "roads", "blocks", "landuse", "districts", "attributes",
            "facilities")
    return {k: c for k, c in zip(keys, children)}


def _deprived_side(frame, xy):
    """+0.25 social deprivation for blocks behind the railway (seen from the centre), near it."""
    rail = next(b.line for b in frame.barriers if b.kind == "railway")
    coords = np.asarray(rail.coords)
    tangent = np.gradient(coords, axis=0)

    def side(p):
        k = cKDTree(coords).query(p)[1]
        d = p - coords[k]
        return np.sign(tangent[k, 0] * d[:, 1] - tangent[k, 1] * d[:, 0]), k

    s, k = side(xy)
    s0, _ = side(np.zeros((1, 2)))
    dist = np.linalg.norm(xy - coords[k], axis=1)
    return np.where((s != s0[0]) & (dist < 0.6 * frame.radius), 0.25, 0.0)


def _river_share(frame, xy, district):
    river = np.vstack([np.asarray(b.line.coords) for b in frame.barriers if b.kind == "river"])
    near = cKDTree(river).query(xy)[0] < 80.0
    k = int(district.max()) + 1
    return np.bincount(district, weights=near, minlength=k) / np.maximum(np.bincount(district, minlength=k), 1)


def generate_town(n_blocks=DEFAULT_BLOCKS, seed=DEFAULT_SEED):
    """Generate the synthetic town "Musterstadt" with about ``n_blocks`` blocks.

    Deterministic: the same ``seed`` (and library stack) gives the same town.
    """
    if not isinstance(n_blocks, (int, np.integer)) or n_blocks < MIN_BLOCKS:
        raise ValueError("n_blocks must be an integer >= %d, got %r" % (MIN_BLOCKS, n_blocks))
    if not isinstance(seed, (int, np.integer)) or seed < 0:
        raise ValueError("seed must be a non-negative integer, got %r" % (seed,))
    n_blocks = int(n_blocks)
    timings = {}
    t0 = time.perf_counter()
    rngs = _rngs(int(seed))
    rng = {k: np.random.default_rng(v) for k, v in rngs.items()}

    n_villages = int(np.clip(round(3 * np.sqrt(n_blocks / 3500.0)), 3, 12))
    outline_plan = draw_outline_plan(rng["outline"], n_villages)
    barrier_plan = draw_barrier_plan(rng["barriers"])
    radius = float(np.sqrt(n_blocks * _GROSS_AREA_PER_BLOCK / np.pi))
    _, villages = build_outline(outline_plan, radius)
    nb_plan = draw_neighbourhoods(rng["neighbourhoods"], n_blocks, outline_plan, barrier_plan, villages / radius)

    # tune the radius until the number of generator points matches
    target = n_blocks * _POINTS_PER_BLOCK
    for _ in range(5):
        frame = build_frame(radius, outline_plan, barrier_plan, nb_plan, np.random.default_rng(rngs["roads"]))
        points = generate_points(frame, nb_plan)
        if abs(len(points.xy) / target - 1.0) < 0.01:
            break
        radius *= float(np.sqrt(target / len(points.xy)))
    timings["points"] = time.perf_counter() - t0

    blocks = build_blocks(frame, points, rng["blocks"])
    timings["blocks"] = time.perf_counter() - t0

    bp = blocks.block_piece
    block_seed = blocks.piece_seed[bp]
    keys = frame.keys[block_seed]
    island = (blocks.piece_sector[bp] == frame.island_sector) if frame.island_sector is not None else np.zeros(len(bp), bool)
    area = geo.areas(blocks.blocks)
    xy = geo.centroids(blocks.blocks)
    land_use = draw_land_use(rng["landuse"], keys, island)

    density = np.array([CHARACTERS[k].density for k in keys])
    piece_weight = np.bincount(bp, weights=density * area, minlength=len(blocks.pieces))
    piece_district, district_xy, _ = build_districts(
        rng["districts"], frame, blocks, piece_weight, district_count(n_blocks)
    )
    block_district = piece_district[bp]
    timings["districts"] = time.perf_counter() - t0

    patch_key = block_seed * (len(frame.sectors) + 1) + blocks.piece_sector[bp]
    _, patch = np.unique(patch_key, return_inverse=True)
    counts = block_attributes(
        rng["attributes"], keys, land_use, area, xy, patch, frame.radius, _deprived_side(frame, xy)
    )
    timings["attributes"] = time.perf_counter() - t0

    district_names = name_districts(
        rng["districts"], frame, blocks, piece_district, district_xy, _river_share(frame, xy, block_district)
    )
    n_d = len(district_names)
    width = max(2, len(str(n_d)))
    codes = [str(k + 1).zfill(width) for k in range(n_d)]

    # block order: district, then north to south in 250 m bands, west to east
    band = np.floor(-xy[:, 1] / 250.0)
    order = np.lexsort((xy[:, 0], band, block_district))
    block_geoms = geo.round_coordinates([blocks.blocks[k] for k in order], 2, CENTRE)
    frame_cols = {
        "block_id": np.arange(1, len(order) + 1, dtype=np.int64),
        "district": [codes[d] for d in block_district[order]],
        "land_use": [str(u) for u in land_use[order]],
        "nbh_type": [str(k) for k in keys[order]],
    }
    for c in COUNT_COLUMNS:
        frame_cols[c] = counts[c][order]
    block_frame = pd.DataFrame(frame_cols)

    district_geoms = []
    for d in range(n_d):
        members = [blocks.pieces[k] for k in np.flatnonzero(piece_district == d)]
        parts = geo.explode_polygons(geo.union_all(members))
        district_geoms.append(MultiPolygon([_canonical_polygon(p) for p in parts]))
    district_geoms = geo.round_coordinates(district_geoms, 2, CENTRE)
    district_geoms = [g if g.geom_type == "MultiPolygon" else MultiPolygon([g]) for g in district_geoms]
    district_frame = pd.DataFrame({"district": codes, "name": district_names})
    timings["geometry"] = time.perf_counter() - t0

    lines = layer_lines(frame.barriers, frame.outline)
    barrier_geoms = geo.round_coordinates([g.simplify(0.5) for _, _, g in lines], 2, CENTRE)
    barrier_frame = pd.DataFrame(
        {
            "barrier_id": np.arange(1, len(lines) + 1, dtype=np.int64),
            "kind": [k for k, _, _ in lines],
            "name": [n for _, n, _ in lines],
        }
    )

    pool = names.NamePool(rng["facilities"])
    pool.used.update(district_names)
    block_dname = [district_names[d] for d in block_district]
    facs = place_facilities(rng["facilities"], blocks.blocks, counts, xy, frame.radius, block_dname, pool)
    facility_geoms = geo.round_coordinates([p for _, _, p, _ in facs], 2, CENTRE)
    facility_frame = pd.DataFrame(
        {
            "facility_id": np.arange(1, len(facs) + 1, dtype=np.int64),
            "kind": [k for k, _, _, _ in facs],
            "name": [n for _, n, _, _ in facs],
        }
    )
    timings["total"] = time.perf_counter() - t0

    return Town(
        blocks=Layer("blocks", "POLYGON", block_geoms, block_frame),
        districts=Layer("districts", "MULTIPOLYGON", district_geoms, district_frame),
        barriers=Layer("barriers", "LINESTRING", barrier_geoms, barrier_frame),
        facilities=Layer("facilities", "POINT", facility_geoms, facility_frame),
        seed=int(seed),
        n_blocks_requested=n_blocks,
        radius=float(frame.radius),
        timings=timings,
    )


def _canonical_ring(coords, ccw):
    ring = np.asarray(coords, dtype=float)[:-1, :2]
    area2 = np.sum(ring[:, 0] * np.roll(ring[:, 1], -1) - np.roll(ring[:, 0], -1) * ring[:, 1])
    if (area2 > 0) != ccw:
        ring = ring[::-1]
    start = np.lexsort((ring[:, 1], ring[:, 0]))[0]
    ring = np.roll(ring, -start, axis=0)
    return np.vstack([ring, ring[:1]])


def _canonical_polygon(polygon, min_hole_area=1.0):
    """Same polygon, holes under ``min_hole_area`` dropped, rings in a fixed orientation and
    starting vertex (so that different GEOS versions give byte-identical output)."""
    shell = _canonical_ring(polygon.exterior.coords, True)
    holes = [
        _canonical_ring(r.coords, False) for r in polygon.interiors if Polygon(r).area >= min_hole_area
    ]
    holes.sort(key=lambda h: (h[0, 0], h[0, 1]))
    return Polygon(shell, holes)


_MULTI = {"MULTIPOLYGON": ("Polygon", MultiPolygon), "MULTILINESTRING": ("LineString", MultiLineString),
          "MULTIPOINT": ("Point", MultiPoint)}


def _field_type(series):
    kind = series.dtype.kind
    if kind == "b" or str(series.dtype) == "boolean":
        return "boolean"
    if kind in "iu" or str(series.dtype) in ("Int64", "Int32"):
        return "integer"
    if kind == "f":
        return "real"
    return "string"


def _plain(value):
    """A JSON-able builtin (None for a missing value)."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    if isinstance(value, (np.integer, np.bool_)):
        return int(value)
    if isinstance(value, np.floating):
        return float(value)
    return value


def layer_record(layer):
    """One layer as the writer takes it: builtins only (WKB as hex text, a list per column)."""
    geometry_type = schema.GEOMETRY_TYPES[layer.name]
    single, multi = _MULTI.get(geometry_type, (None, None))
    aliases, descriptions = layer.aliases, layer.descriptions
    hexes = []
    for g in layer.geometries:
        if g is not None and g.geom_type == single:
            g = multi([g])
        hexes.append(None if g is None else wkb.dumps(g, hex=True, output_dimension=2))
    fields = []
    for column in layer.frame.columns:
        series = layer.frame[column]
        fields.append({
            "name": str(column), "type": _field_type(series), "alias": aliases.get(column),
            "description": descriptions.get(column), "values": [_plain(v) for v in series.tolist()],
        })
    return {"name": layer.name, "geometry_type": geometry_type, "srs_id": SRS_ID,
            "description": schema.LAYER_DESCRIPTIONS[layer.name], "wkb": hexes, "fields": fields,
            "style_qml": schema.alias_style_qml(layer.name)}


def write_town(town, path, replace=True):
    """Write the four layers of ``town`` into one GeoPackage with German field aliases.

    An existing file is replaced (``replace=True``) or its layers of the same
    names are overwritten (``replace=False``). Written by GDAL/OGR, in this process or in a
    Python that has GDAL's bindings (``ogr_writer``).
    """
    path = os.fspath(path)
    if replace and os.path.exists(path):
        os.remove(path)
    ogr_writer.write_layers(path, [layer_record(layer) for layer in town.layers.values()])
    return path
