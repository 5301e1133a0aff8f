"""Read a GeoPackage layer in tests without GDAL (the current PyPI stack has no bindings).

A GeoPackage is SQLite; a geometry blob is a small header ("GP", version, flags, srs_id and an
optional envelope) followed by standard WKB, which shapely reads.
"""
import sqlite3
import struct

import numpy as np
import pandas as pd
from shapely import wkb

_ENVELOPE_BYTES = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}
_INTEGER = ("INTEGER", "INT", "MEDIUMINT", "SMALLINT", "TINYINT")


def _quote(name):
    return '"%s"' % name.replace('"', '""')


def decode(blob):
    """The shapely geometry of a GeoPackage geometry blob (None stays None)."""
    if blob is None:
        return None
    blob = bytes(blob)
    magic, _version, flags, _srs_id = struct.unpack("<2sBBi", blob[:8])
    assert magic == b"GP", magic
    return wkb.loads(blob[8 + _ENVELOPE_BYTES[(flags >> 1) & 0b111]:])


def list_layers(path):
    """The feature layers, in the order they were written."""
    with sqlite3.connect(str(path)) as conn:
        rows = conn.execute("SELECT table_name FROM gpkg_contents WHERE data_type = 'features' ORDER BY rowid")
        return [r[0] for r in rows]


def _series(values, sql_type):
    t = sql_type.upper()
    if t in _INTEGER:
        return pd.Series(values, dtype="Int64" if None in values else "int64")
    if t in ("REAL", "DOUBLE", "FLOAT"):
        return pd.Series([np.nan if v is None else v for v in values], dtype="float64")
    return pd.Series(values, dtype=None if values else object)


def read_layer(path, name):
    """``(geometries, frame)`` of one layer, ordered by fid (the frame without fid and geometry)."""
    with sqlite3.connect(str(path)) as conn:
        geom = conn.execute("SELECT column_name FROM gpkg_geometry_columns WHERE table_name = ?", (name,)).fetchone()[0]
        info = conn.execute(f"PRAGMA table_info({_quote(name)})").fetchall()
        pk = next(r[1] for r in info if r[5])
        attrs = [(r[1], r[2]) for r in info if r[1] != geom and not r[5]]
        select = ", ".join(_quote(c) for c in [geom] + [c for c, _ in attrs])
        rows = conn.execute(f"SELECT {select} FROM {_quote(name)} ORDER BY {_quote(pk)}").fetchall()
    frame = pd.DataFrame({c: _series([r[k] for r in rows], t) for k, (c, t) in enumerate(attrs, start=1)},
                         index=pd.RangeIndex(len(rows)))
    return [decode(r[0]) for r in rows], frame


def default_style(path, name):
    """The QML of the layer's default QGIS style (``layer_styles``, useAsDefault), or None."""
    with sqlite3.connect(str(path)) as conn:
        row = conn.execute(
            "SELECT styleQML FROM layer_styles WHERE f_table_name = ? AND f_geometry_column = 'geom' "
            "AND useAsDefault ORDER BY id DESC LIMIT 1", (name,)).fetchone()
    return None if row is None else row[0]


def style_aliases(qml):
    """Field -> alias of a QML style."""
    import xml.etree.ElementTree as ET

    root = ET.fromstring(qml.split("\n", 1)[1] if qml.startswith("<!DOCTYPE") else qml)
    return {a.get("field"): a.get("name") for a in root.iter("alias")}
