"""A minimal GeoPackage writer and reader (sqlite3 + shapely WKB only).

Enough of the OGC GeoPackage 1.2 encoding for QGIS/GDAL to open the files as
ordinary vector layers, and for tests and benchmarks to write and read layers
without GDAL:

* file header: ``application_id`` 0x47504B47 ("GPKG"), ``user_version`` 10200;
* ``gpkg_spatial_ref_sys`` with the two required undefined rows, EPSG:4326 and
  the SRS of the layers (EPSG:25832 by default; 25833 and 3035 are built in);
* ``gpkg_contents`` (with bounds) and ``gpkg_geometry_columns``;
* one feature table per layer: ``fid INTEGER PRIMARY KEY AUTOINCREMENT``, a
  ``geom`` column and typed attribute columns (INTEGER / REAL / TEXT / BOOLEAN
  from the pandas dtypes);
* geometry blobs: standard GeoPackageBinary header (magic ``GP``, version 0,
  little-endian flag, xy envelope, srs_id) followed by ISO WKB;
* field aliases through the Schema extension (``gpkg_data_columns.title``, with
  ``description`` for a longer text) and its ``gpkg_extensions`` rows, which GDAL
  reads as the fields' alternative names and QGIS shows as aliases;
* an R*Tree spatial index (``rtree_<layer>_geom`` with the standard triggers);
* optionally a default QGIS style holding only the aliases (table ``layer_styles``,
  the QGIS convention): GDAL reads ``gpkg_data_columns`` only from version 3.7
  on, so QGIS with an older GDAL (e.g. QGIS 3.22 on Debian 12, GDAL 3.6) shows
  the aliases through this style instead.

Several layers can live in one file. Nothing here imports GDAL, QGIS or Qt.
"""
import os
import re
import sqlite3
import struct
from xml.sax.saxutils import quoteattr

import numpy as np
import pandas as pd
from shapely import wkb as _wkb
from shapely.geometry import MultiLineString, MultiPoint, MultiPolygon

try:  # Shapely 2: vectorised WKB and bounds
    import shapely as _shapely

    _HAS_VECTORISED = hasattr(_shapely, "to_wkb") and hasattr(_shapely, "bounds")
except ImportError:  # pragma: no cover - shapely is a hard requirement
    _HAS_VECTORISED = False

__all__ = ["write_layer", "read_layer", "list_layers", "layer_info", "GeoPackageError"]

APPLICATION_ID = 0x47504B47  # "GPKG"
USER_VERSION = 10200  # GeoPackage 1.2.0
GEOMETRY_COLUMN = "geom"
FID_COLUMN = "fid"

_SCHEMA_EXTENSION_DEFINITION = "http://www.geopackage.org/spec120/#extension_schema"
_RTREE_EXTENSION_DEFINITION = "http://www.geopackage.org/spec120/#extension_rtree"

_GEOMETRY_TYPES = (
    "GEOMETRY",
    "POINT",
    "LINESTRING",
    "POLYGON",
    "MULTIPOINT",
    "MULTILINESTRING",
    "MULTIPOLYGON",
    "GEOMETRYCOLLECTION",
)
_PROMOTE = {
    "MULTIPOLYGON": ("Polygon", MultiPolygon),
    "MULTILINESTRING": ("LineString", MultiLineString),
    "MULTIPOINT": ("Point", MultiPoint),
}

_WGS84_WKT = (
    'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,'
    'AUTHORITY["EPSG","7030"]],AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,'
    'AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],'
    'AXIS["Latitude",NORTH],AXIS["Longitude",EAST],AUTHORITY["EPSG","4326"]]'
)
_ETRS89_GEOGCS = (
    'GEOGCS["ETRS89",DATUM["European_Terrestrial_Reference_System_1989",'
    'SPHEROID["GRS 1980",6378137,298.257222101,AUTHORITY["EPSG","7019"]],'
    'AUTHORITY["EPSG","6258"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],'
    'UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AUTHORITY["EPSG","4258"]]'
)


def _utm_wkt(zone, code):
    return (
        'PROJCS["ETRS89 / UTM zone %dN",%s,PROJECTION["Transverse_Mercator"],'
        'PARAMETER["latitude_of_origin",0],PARAMETER["central_meridian",%d],'
        'PARAMETER["scale_factor",0.9996],PARAMETER["false_easting",500000],'
        'PARAMETER["false_northing",0],UNIT["metre",1,AUTHORITY["EPSG","9001"]],'
        'AXIS["Easting",EAST],AXIS["Northing",NORTH],AUTHORITY["EPSG","%d"]]'
        % (zone, _ETRS89_GEOGCS, 6 * zone - 183, code)
    )


#: srs_id -> (srs_name, organization, organization_coordsys_id, WKT 1 definition)
KNOWN_SRS = {
    4326: ("WGS 84 geodetic", "EPSG", 4326, _WGS84_WKT),
    25832: ("ETRS89 / UTM zone 32N", "EPSG", 25832, _utm_wkt(32, 25832)),
    25833: ("ETRS89 / UTM zone 33N", "EPSG", 25833, _utm_wkt(33, 25833)),
    3035: (
        "ETRS89-extended / LAEA Europe",
        "EPSG",
        3035,
        'PROJCS["ETRS89-extended / LAEA Europe",%s,'
        'PROJECTION["Lambert_Azimuthal_Equal_Area"],PARAMETER["latitude_of_center",52],'
        'PARAMETER["longitude_of_center",10],PARAMETER["false_easting",4321000],'
        'PARAMETER["false_northing",3210000],UNIT["metre",1,AUTHORITY["EPSG","9001"]],'
        'AXIS["Northing",NORTH],AXIS["Easting",EAST],AUTHORITY["EPSG","3035"]]'
        % _ETRS89_GEOGCS,
    ),
}

_CORE_DDL = [
    """CREATE TABLE IF NOT EXISTS gpkg_spatial_ref_sys (
        srs_name TEXT NOT NULL,
        srs_id INTEGER NOT NULL PRIMARY KEY,
        organization TEXT NOT NULL,
        organization_coordsys_id INTEGER NOT NULL,
        definition TEXT NOT NULL,
        description TEXT)""",
    """CREATE TABLE IF NOT EXISTS gpkg_contents (
        table_name TEXT NOT NULL PRIMARY KEY,
        data_type TEXT NOT NULL,
        identifier TEXT UNIQUE,
        description TEXT DEFAULT '',
        last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
        min_x DOUBLE,
        min_y DOUBLE,
        max_x DOUBLE,
        max_y DOUBLE,
        srs_id INTEGER,
        CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id))""",
    """CREATE TABLE IF NOT EXISTS gpkg_geometry_columns (
        table_name TEXT NOT NULL,
        column_name TEXT NOT NULL,
        geometry_type_name TEXT NOT NULL,
        srs_id INTEGER NOT NULL,
        z TINYINT NOT NULL,
        m TINYINT NOT NULL,
        CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
        CONSTRAINT uk_gc_table_name UNIQUE (table_name),
        CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
        CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id))""",
    """CREATE TABLE IF NOT EXISTS gpkg_extensions (
        table_name TEXT,
        column_name TEXT,
        extension_name TEXT NOT NULL,
        definition TEXT NOT NULL,
        scope TEXT NOT NULL,
        CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name))""",
]

_SCHEMA_DDL = [
    """CREATE TABLE IF NOT EXISTS gpkg_data_columns (
        table_name TEXT NOT NULL,
        column_name TEXT NOT NULL,
        name TEXT,
        title TEXT,
        description TEXT,
        mime_type TEXT,
        constraint_name TEXT,
        CONSTRAINT pk_gdc PRIMARY KEY (table_name, column_name),
        CONSTRAINT gdc_tn UNIQUE (table_name, name))""",
    """CREATE TABLE IF NOT EXISTS gpkg_data_column_constraints (
        constraint_name TEXT NOT NULL,
        constraint_type TEXT NOT NULL,
        value TEXT,
        min NUMERIC,
        min_is_inclusive BOOLEAN,
        max NUMERIC,
        max_is_inclusive BOOLEAN,
        description TEXT,
        CONSTRAINT gdcc_ntv UNIQUE (constraint_name, constraint_type, value))""",
]

_RTREE_TRIGGERS = """
CREATE TRIGGER "rtree_{t}_{c}_insert" AFTER INSERT ON "{t}"
  WHEN (new."{c}" NOT NULL AND NOT ST_IsEmpty(NEW."{c}"))
BEGIN
  INSERT OR REPLACE INTO "rtree_{t}_{c}" VALUES (
    NEW."{i}", ST_MinX(NEW."{c}"), ST_MaxX(NEW."{c}"), ST_MinY(NEW."{c}"), ST_MaxY(NEW."{c}"));
END;
CREATE TRIGGER "rtree_{t}_{c}_update1" AFTER UPDATE OF "{c}" ON "{t}"
  WHEN OLD."{i}" = NEW."{i}" AND (NEW."{c}" NOTNULL AND NOT ST_IsEmpty(NEW."{c}"))
BEGIN
  INSERT OR REPLACE INTO "rtree_{t}_{c}" VALUES (
    NEW."{i}", ST_MinX(NEW."{c}"), ST_MaxX(NEW."{c}"), ST_MinY(NEW."{c}"), ST_MaxY(NEW."{c}"));
END;
CREATE TRIGGER "rtree_{t}_{c}_update2" AFTER UPDATE OF "{c}" ON "{t}"
  WHEN OLD."{i}" = NEW."{i}" AND (NEW."{c}" ISNULL OR ST_IsEmpty(NEW."{c}"))
BEGIN
  DELETE FROM "rtree_{t}_{c}" WHERE id = OLD."{i}";
END;
CREATE TRIGGER "rtree_{t}_{c}_update3" AFTER UPDATE ON "{t}"
  WHEN OLD."{i}" != NEW."{i}" AND (NEW."{c}" NOTNULL AND NOT ST_IsEmpty(NEW."{c}"))
BEGIN
  DELETE FROM "rtree_{t}_{c}" WHERE id = OLD."{i}";
  INSERT OR REPLACE INTO "rtree_{t}_{c}" VALUES (
    NEW."{i}", ST_MinX(NEW."{c}"), ST_MaxX(NEW."{c}"), ST_MinY(NEW."{c}"), ST_MaxY(NEW."{c}"));
END;
CREATE TRIGGER "rtree_{t}_{c}_update4" AFTER UPDATE ON "{t}"
  WHEN OLD."{i}" != NEW."{i}" AND (NEW."{c}" ISNULL OR ST_IsEmpty(NEW."{c}"))
BEGIN
  DELETE FROM "rtree_{t}_{c}" WHERE id IN (OLD."{i}", NEW."{i}");
END;
CREATE TRIGGER "rtree_{t}_{c}_delete" AFTER DELETE ON "{t}"
  WHEN old."{c}" NOT NULL
BEGIN
  DELETE FROM "rtree_{t}_{c}" WHERE id = OLD."{i}";
END;
"""

_LAYER_STYLES_DDL = """CREATE TABLE IF NOT EXISTS layer_styles (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    f_table_catalog TEXT(256),
    f_table_schema TEXT(256),
    f_table_name TEXT(256),
    f_geometry_column TEXT(256),
    styleName TEXT(30),
    styleQML TEXT,
    styleSLD TEXT,
    useAsDefault BOOLEAN,
    description TEXT,
    owner TEXT(30),
    ui TEXT(30),
    update_time DATETIME DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')))"""

_LAYER_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_ENVELOPE_DOUBLES = {0: 0, 1: 4, 2: 6, 3: 6, 4: 8}


class GeoPackageError(ValueError):
    """The file is not a GeoPackage this module can read, or the request is invalid."""


# --------------------------------------------------------------------------- blobs
def _gp_header(srs_id, bounds, empty):
    if empty:
        # empty geometry: flag bit 4 set, no envelope
        return struct.pack("<2sBBi", b"GP", 0, 0b00010001, srs_id)
    minx, miny, maxx, maxy = bounds
    return struct.pack("<2sBBi4d", b"GP", 0, 0b00000011, srs_id, minx, maxx, miny, maxy)


def encode_geometry(geometry, srs_id):
    """One GeoPackageBinary blob (GP header + ISO WKB), or None for a missing geometry."""
    if geometry is None:
        return None
    empty = geometry.is_empty
    header = _gp_header(srs_id, None if empty else geometry.bounds, empty)
    return header + _wkb.dumps(geometry, output_dimension=2)


def _encode_all(geometries, srs_id):
    """(blobs, bounds): one blob per geometry and its (minx, miny, maxx, maxy), None if missing/empty."""
    if _HAS_VECTORISED and len(geometries):
        arr = np.empty(len(geometries), dtype=object)
        arr[:] = list(geometries)
        missing = _shapely.is_missing(arr)
        empty = _shapely.is_empty(arr) & ~missing
        wkbs = _shapely.to_wkb(arr, output_dimension=2, byte_order=1)
        bounds = _shapely.bounds(arr)
        blobs, boxes = [], []
        for k in range(len(arr)):
            if missing[k]:
                blobs.append(None)
                boxes.append(None)
            else:
                blobs.append(_gp_header(srs_id, bounds[k], bool(empty[k])) + wkbs[k])
                boxes.append(None if empty[k] else tuple(bounds[k]))
        return blobs, boxes
    blobs = [encode_geometry(g, srs_id) for g in geometries]
    boxes = [None if g is None or g.is_empty else g.bounds for g in geometries]
    return blobs, boxes


def decode_geometry(blob):
    """A shapely geometry from a GeoPackageBinary blob (None stays None)."""
    if blob is None:
        return None
    blob = bytes(blob)
    if blob[:2] != b"GP":
        raise GeoPackageError("geometry blob does not start with the 'GP' magic")
    flags = blob[3]
    if (flags >> 5) & 1:
        raise GeoPackageError("extended GeoPackage geometry types are not supported")
    envelope = (flags >> 1) & 0b111
    if envelope not in _ENVELOPE_DOUBLES:
        raise GeoPackageError("invalid envelope indicator %d in geometry blob" % envelope)
    offset = 8 + 8 * _ENVELOPE_DOUBLES[envelope]
    return _wkb.loads(blob[offset:])


def _decode_all(blobs):
    if _HAS_VECTORISED and hasattr(_shapely, "from_wkb") and blobs:
        body = []
        for blob in blobs:
            if blob is None:
                body.append(None)
                continue
            blob = bytes(blob)
            if blob[:2] != b"GP":
                raise GeoPackageError("geometry blob does not start with the 'GP' magic")
            envelope = (blob[3] >> 1) & 0b111
            if envelope not in _ENVELOPE_DOUBLES or (blob[3] >> 5) & 1:
                raise GeoPackageError("unsupported GeoPackage geometry blob flags")
            body.append(blob[8 + 8 * _ENVELOPE_DOUBLES[envelope]:])
        return list(_shapely.from_wkb(np.array(body, dtype=object)))
    return [decode_geometry(b) for b in blobs]


# --------------------------------------------------------------------------- helpers
def _quote(name):
    return '"%s"' % str(name).replace('"', '""')


def _connect(path):
    conn = sqlite3.connect(str(path))
    conn.execute("PRAGMA foreign_keys = OFF")
    return conn


def _table_exists(conn, name):
    row = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type IN ('table','view') AND name = ?", (name,)
    ).fetchone()
    return row is not None


def _initialise(conn):
    conn.execute("PRAGMA application_id = %d" % APPLICATION_ID)
    conn.execute("PRAGMA user_version = %d" % USER_VERSION)
    for ddl in _CORE_DDL:
        conn.execute(ddl)
    rows = [
        ("Undefined cartesian SRS", -1, "NONE", -1, "undefined", "undefined cartesian coordinate reference system"),
        ("Undefined geographic SRS", 0, "NONE", 0, "undefined", "undefined geographic coordinate reference system"),
        ("WGS 84 geodetic", 4326, "EPSG", 4326, _WGS84_WKT, "longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid"),
    ]
    conn.executemany("INSERT OR IGNORE INTO gpkg_spatial_ref_sys VALUES (?,?,?,?,?,?)", rows)


def _check_geopackage(conn, path):
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    if app_id not in (APPLICATION_ID, 0x47503130) or not _table_exists(conn, "gpkg_contents"):
        raise GeoPackageError("%s is not a GeoPackage" % path)


def _ensure_srs(conn, srs_id, srs_definition=None):
    if conn.execute("SELECT 1 FROM gpkg_spatial_ref_sys WHERE srs_id = ?", (srs_id,)).fetchone():
        return
    if srs_definition is not None:
        name, definition = srs_definition
        conn.execute(
            "INSERT INTO gpkg_spatial_ref_sys VALUES (?,?,?,?,?,?)",
            (name, srs_id, "EPSG", srs_id, definition, None),
        )
        return
    if srs_id not in KNOWN_SRS:
        raise GeoPackageError(
            "unknown srs_id %d: pass srs_definition=(name, wkt) or use one of %s"
            % (srs_id, sorted(KNOWN_SRS))
        )
    name, org, code, wkt = KNOWN_SRS[srs_id]
    conn.execute("INSERT INTO gpkg_spatial_ref_sys VALUES (?,?,?,?,?,?)", (name, srs_id, org, code, wkt, None))


def _column_type(series):
    dtype = series.dtype
    if pd.api.types.is_bool_dtype(dtype):
        return "BOOLEAN"
    if pd.api.types.is_integer_dtype(dtype):
        return "INTEGER"
    if pd.api.types.is_float_dtype(dtype):
        return "REAL"
    return "TEXT"


def _column_values(series, sql_type):
    values = series.tolist()
    if sql_type == "BOOLEAN":
        return [None if _isna(v) else int(bool(v)) for v in values]
    if sql_type == "INTEGER":
        return [None if _isna(v) else int(v) for v in values]
    if sql_type == "REAL":
        return [None if _isna(v) else float(v) for v in values]
    return [None if _isna(v) else str(v) for v in values]


def _isna(value):
    if value is None:
        return True
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _drop_layer(conn, table):
    rtree = "rtree_%s_%s" % (table, GEOMETRY_COLUMN)
    if _table_exists(conn, rtree):
        conn.execute("DROP TABLE %s" % _quote(rtree))
    conn.execute("DROP TABLE IF EXISTS %s" % _quote(table))
    conn.execute("DELETE FROM gpkg_geometry_columns WHERE table_name = ?", (table,))
    conn.execute("DELETE FROM gpkg_extensions WHERE table_name = ?", (table,))
    if _table_exists(conn, "gpkg_data_columns"):
        conn.execute("DELETE FROM gpkg_data_columns WHERE table_name = ?", (table,))
    if _table_exists(conn, "gpkg_ogr_contents"):
        conn.execute("DELETE FROM gpkg_ogr_contents WHERE table_name = ?", (table,))
    if _table_exists(conn, "layer_styles"):
        conn.execute("DELETE FROM layer_styles WHERE f_table_name = ? AND styleName = ?", (table, table))
    conn.execute("DELETE FROM gpkg_contents WHERE table_name = ?", (table,))


def _prepare_geometries(geometries, geometry_type):
    promote = _PROMOTE.get(geometry_type)
    out = []
    for g in geometries:
        if promote is not None and g is not None and g.geom_type == promote[0]:
            g = promote[1]([g])
        out.append(g)
    return out


def _write_aliases(conn, table, aliases, descriptions, columns):
    for ddl in _SCHEMA_DDL:
        conn.execute(ddl)
    for ext_table in ("gpkg_data_columns", "gpkg_data_column_constraints"):
        exists = conn.execute(
            "SELECT 1 FROM gpkg_extensions WHERE table_name = ? AND column_name IS NULL "
            "AND extension_name = 'gpkg_schema'",
            (ext_table,),
        ).fetchone()
        if not exists:
            conn.execute(
                "INSERT INTO gpkg_extensions VALUES (?, NULL, 'gpkg_schema', ?, 'read-write')",
                (ext_table, _SCHEMA_EXTENSION_DEFINITION),
            )
    rows = []
    for column in columns:
        title = (aliases or {}).get(column)
        description = (descriptions or {}).get(column)
        if title is None and description is None:
            continue
        rows.append((table, column, column, title, description, None, None))
    conn.executemany("INSERT INTO gpkg_data_columns VALUES (?,?,?,?,?,?,?)", rows)


def _write_qgis_style(conn, table, aliases):
    """A default QGIS style for the layer that sets only the field aliases."""
    conn.execute(_LAYER_STYLES_DDL)
    conn.execute("DELETE FROM layer_styles WHERE f_table_name = ? AND styleName = ?", (table, table))
    entries = "".join(
        "<alias field=%s name=%s/>" % (quoteattr(str(c)), quoteattr(str(t))) for c, t in aliases.items()
    )
    qml = (
        "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n"
        '<qgis version="3.22" styleCategories="Fields"><aliases>%s</aliases></qgis>' % entries
    )
    conn.execute(
        "INSERT INTO layer_styles (f_table_catalog, f_table_schema, f_table_name, f_geometry_column, "
        "styleName, styleQML, styleSLD, useAsDefault, description, owner, ui) "
        "VALUES ('', '', ?, ?, ?, ?, '', 1, 'field aliases', '', '')",
        (table, GEOMETRY_COLUMN, table, qml),
    )


def _create_spatial_index(conn, table, fids, bounds):
    rtree = "rtree_%s_%s" % (table, GEOMETRY_COLUMN)
    try:
        conn.execute("CREATE VIRTUAL TABLE %s USING rtree(id, minx, maxx, miny, maxy)" % _quote(rtree))
    except sqlite3.OperationalError:  # SQLite built without the R*Tree module
        return False
    conn.executemany(
        "INSERT INTO %s VALUES (?,?,?,?,?)" % _quote(rtree),
        [(f, b[0], b[2], b[1], b[3]) for f, b in zip(fids, bounds) if b is not None],
    )
    for statement in _RTREE_TRIGGERS.format(t=table, c=GEOMETRY_COLUMN, i=FID_COLUMN).split("END;"):
        if statement.strip():
            conn.execute(statement + "END;")
    conn.execute(
        "INSERT INTO gpkg_extensions VALUES (?, ?, 'gpkg_rtree_index', ?, 'write-only')",
        (table, GEOMETRY_COLUMN, _RTREE_EXTENSION_DEFINITION),
    )
    return True


# --------------------------------------------------------------------------- public API
def write_layer(
    path,
    layer_name,
    geometries,
    frame,
    geometry_type,
    srs_id=25832,
    aliases=None,
    overwrite_layer=True,
    descriptions=None,
    layer_description="",
    spatial_index=True,
    srs_definition=None,
    qgis_style=True,
):
    """Write one vector layer into a GeoPackage (created if missing).

    Parameters
    ----------
    path : str or os.PathLike
        The ``.gpkg`` file; other layers in it are kept.
    layer_name : str
        Table name (letters, digits, underscore; not starting with a digit).
    geometries : sequence of shapely geometries (or None), same length as ``frame``.
    frame : pandas.DataFrame
        Attribute columns (not named ``fid`` or ``geom``); its index is ignored.
        bool -> BOOLEAN, integers -> INTEGER, floats -> REAL, everything else TEXT.
    geometry_type : str
        ``POINT``, ``LINESTRING``, ``POLYGON``, ``MULTIPOINT``, ``MULTILINESTRING``,
        ``MULTIPOLYGON``, ``GEOMETRYCOLLECTION`` or ``GEOMETRY``. Single parts are
        promoted to the multi type where the layer type is a multi type.
    srs_id : int
        EPSG code of the coordinates; 25832, 25833, 3035 and 4326 are built in,
        others need ``srs_definition=(name, wkt)``.
    aliases : dict column -> title (e.g. German labels), stored in
        ``gpkg_data_columns.title``: QGIS shows them as field aliases.
    overwrite_layer : bool
        Replace an existing layer of that name (else raise GeoPackageError).
    descriptions : dict column -> longer description (``gpkg_data_columns.description``).
    layer_description : str, stored in ``gpkg_contents.description``.
    spatial_index : bool, create the R*Tree spatial index.
    srs_definition : (name, WKT) for an ``srs_id`` that is not built in.
    qgis_style : bool, also store the aliases as the layer's default QGIS style
        (``layer_styles``), for QGIS versions whose GDAL ignores ``gpkg_data_columns``.
    """
    if not _LAYER_NAME.match(str(layer_name)):
        raise GeoPackageError("invalid layer name %r (use letters, digits and _)" % (layer_name,))
    if str(layer_name).lower().startswith(("gpkg_", "rtree_", "sqlite_")):
        raise GeoPackageError("layer name %r uses a reserved prefix" % (layer_name,))
    geometry_type = str(geometry_type).upper()
    if geometry_type not in _GEOMETRY_TYPES:
        raise GeoPackageError("unknown geometry type %r" % (geometry_type,))
    geometries = list(geometries)
    if frame is None:
        frame = pd.DataFrame(index=range(len(geometries)))
    if len(frame) != len(geometries):
        raise GeoPackageError(
            "%d geometries but %d attribute rows for layer %s" % (len(geometries), len(frame), layer_name)
        )
    columns = [str(c) for c in frame.columns]
    if len(set(c.lower() for c in columns)) != len(columns):
        raise GeoPackageError("column names must be unique (case-insensitively)")
    for c in columns:
        if c.lower() in (FID_COLUMN, GEOMETRY_COLUMN):
            raise GeoPackageError("column name %r is reserved" % c)
    unknown = set(aliases or {}).union(descriptions or {}) - set(columns)
    if unknown:
        raise GeoPackageError("aliases/descriptions for unknown columns: %s" % sorted(unknown))

    geometries = _prepare_geometries(geometries, geometry_type)
    blobs, bounds = _encode_all(geometries, srs_id)
    present = [b for b in bounds if b is not None]
    if present:
        arr = np.asarray(present, dtype=float)
        extent = (arr[:, 0].min(), arr[:, 1].min(), arr[:, 2].max(), arr[:, 3].max())
    else:
        extent = (None, None, None, None)
    types = [_column_type(frame.iloc[:, k]) for k in range(len(columns))]
    values = [_column_values(frame.iloc[:, k], t) for k, t in zip(range(len(columns)), types)]

    path = os.fspath(path)
    new_file = not os.path.exists(path) or os.path.getsize(path) == 0
    conn = _connect(path)
    try:
        if new_file:
            _initialise(conn)
        else:
            _check_geopackage(conn, path)
            _initialise(conn)  # idempotent: adds missing required rows/tables
        with conn:
            if _table_exists(conn, layer_name):
                if not overwrite_layer:
                    raise GeoPackageError("layer %s already exists in %s" % (layer_name, path))
                _drop_layer(conn, layer_name)
            _ensure_srs(conn, srs_id, srs_definition)
            column_defs = ", ".join("%s %s" % (_quote(c), t) for c, t in zip(columns, types))
            conn.execute(
                "CREATE TABLE %s (%s INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, %s %s%s)"
                % (
                    _quote(layer_name),
                    _quote(FID_COLUMN),
                    _quote(GEOMETRY_COLUMN),
                    geometry_type,
                    (", " + column_defs) if column_defs else "",
                )
            )
            fids = list(range(1, len(geometries) + 1))
            placeholders = ",".join("?" * (len(columns) + 2))
            conn.executemany(
                "INSERT INTO %s VALUES (%s)" % (_quote(layer_name), placeholders),
                zip(fids, blobs, *values) if values else zip(fids, blobs),
            )
            conn.execute(
                "INSERT INTO gpkg_contents (table_name, data_type, identifier, description, "
                "last_change, min_x, min_y, max_x, max_y, srs_id) "
                "VALUES (?, 'features', ?, ?, strftime('%Y-%m-%dT%H:%M:%fZ','now'), ?, ?, ?, ?, ?)",
                (layer_name, layer_name, layer_description or "") + tuple(extent) + (srs_id,),
            )
            conn.execute(
                "INSERT INTO gpkg_geometry_columns VALUES (?, ?, ?, ?, 0, 0)",
                (layer_name, GEOMETRY_COLUMN, geometry_type, srs_id),
            )
            if aliases or descriptions:
                _write_aliases(conn, layer_name, aliases, descriptions, columns)
            if aliases and qgis_style:
                _write_qgis_style(conn, layer_name, aliases)
            if spatial_index:
                _create_spatial_index(conn, layer_name, fids, bounds)
    finally:
        conn.close()


def list_layers(path):
    """Names of the feature layers in a GeoPackage, in the order they were written."""
    path = os.fspath(path)
    if not os.path.exists(path):
        raise FileNotFoundError(path)
    conn = _connect(path)
    try:
        _check_geopackage(conn, path)
        rows = conn.execute(
            "SELECT table_name FROM gpkg_contents WHERE data_type = 'features' ORDER BY rowid"
        ).fetchall()
        return [r[0] for r in rows]
    finally:
        conn.close()


def layer_info(path, layer_name):
    """Metadata of one layer: geometry type, srs_id, extent, aliases, descriptions, columns."""
    path = os.fspath(path)
    conn = _connect(path)
    try:
        _check_geopackage(conn, path)
        row = conn.execute(
            "SELECT g.column_name, g.geometry_type_name, g.srs_id, c.min_x, c.min_y, c.max_x, c.max_y "
            "FROM gpkg_geometry_columns g JOIN gpkg_contents c USING (table_name) WHERE table_name = ?",
            (layer_name,),
        ).fetchone()
        if row is None:
            raise GeoPackageError("no feature layer %r in %s" % (layer_name, path))
        aliases, descriptions = {}, {}
        if _table_exists(conn, "gpkg_data_columns"):
            for column, title, description in conn.execute(
                "SELECT column_name, title, description FROM gpkg_data_columns WHERE table_name = ?",
                (layer_name,),
            ):
                if title is not None:
                    aliases[column] = title
                if description is not None:
                    descriptions[column] = description
        columns = [
            (r[1], r[2])
            for r in conn.execute("PRAGMA table_info(%s)" % _quote(layer_name))
            if r[1] not in (FID_COLUMN, row[0])
        ]
        return {
            "geometry_column": row[0],
            "geometry_type": row[1],
            "srs_id": row[2],
            "extent": tuple(row[3:7]),
            "aliases": aliases,
            "descriptions": descriptions,
            "columns": columns,
        }
    finally:
        conn.close()


def _series(values, sql_type):
    t = (sql_type or "").upper()
    has_null = any(v is None for v in values)
    if t in ("INTEGER", "INT", "MEDIUMINT", "SMALLINT", "TINYINT"):
        return pd.Series(values, dtype="Int64" if has_null else "int64")
    if t == "BOOLEAN":
        return pd.Series(values, dtype="boolean" if has_null else "bool")
    if t in ("REAL", "DOUBLE", "FLOAT"):
        return pd.Series([np.nan if v is None else v for v in values], dtype="float64")
    return pd.Series(values, dtype=None if values else object)


def read_layer(path, layer_name):
    """Read one layer: ``(list of shapely geometries, pandas.DataFrame)``, ordered by fid.

    The frame has the attribute columns in table order (without ``fid`` and the
    geometry column) and a RangeIndex.
    """
    path = os.fspath(path)
    if not os.path.exists(path):
        raise FileNotFoundError(path)
    conn = _connect(path)
    try:
        _check_geopackage(conn, path)
        row = conn.execute(
            "SELECT column_name FROM gpkg_geometry_columns WHERE table_name = ?", (layer_name,)
        ).fetchone()
        if row is None:
            raise GeoPackageError("no feature layer %r in %s" % (layer_name, path))
        geom_col = row[0]
        info = conn.execute("PRAGMA table_info(%s)" % _quote(layer_name)).fetchall()
        pk = [r[1] for r in info if r[5]]
        attrs = [(r[1], r[2]) for r in info if r[1] != geom_col and not r[5]]
        order = (" ORDER BY %s" % _quote(pk[0])) if pk else ""
        select = ", ".join([_quote(geom_col)] + [_quote(c) for c, _ in attrs])
        rows = conn.execute("SELECT %s FROM %s%s" % (select, _quote(layer_name), order)).fetchall()
    finally:
        conn.close()
    geometries = _decode_all([r[0] for r in rows])
    data = {}
    for k, (column, sql_type) in enumerate(attrs, start=1):
        data[column] = _series([r[k] for r in rows], sql_type)
    frame = pd.DataFrame(data, index=pd.RangeIndex(len(rows)))
    if not attrs:
        frame = pd.DataFrame(index=pd.RangeIndex(len(rows)))
    return geometries, frame
