"""Write the sample town's layers into a GeoPackage with GDAL/OGR (``osgeo.ogr``).

Design. The generator computes the town (shapely geometries, pandas frames) on whatever
Python runs it; the bundled town is made on the current PyPI stack (``.venv-current``,
Shapely 2 / GEOS 3.14, see ``musterstadt.json``), which has no GDAL bindings. So the
writing step takes only plain data: ``town.write_town`` turns each layer into a dict of
builtins (WKB as hex text, one list of values per column, aliases, descriptions, the QGIS
style) and hands it to :func:`write_layers`:

* in the same process when ``osgeo`` can be imported there (Debian's stack, QGIS's Python);
* otherwise through a child process: this file runs as a script under a Python that has
  ``osgeo`` (``$SOZIALRAUM_GDAL_PYTHON``, else ``/usr/bin/python3`` with Debian's
  python3-gdal) and reads the layers as JSON on standard input.

This file imports nothing but the standard library and ``osgeo``, so the child process
needs neither numpy, pandas nor shapely, and the plugin never imports it (the ZIP leaves
``engine/sampletown`` out). What QGIS and GDAL read from the file:

* one table per layer (fid ``fid``, geometry ``geom``, the SRS by EPSG code, the layer
  description in ``gpkg_contents``, an R*Tree spatial index), all written by OGR;
* field aliases and descriptions in the GeoPackage Schema extension (``gpkg_data_columns``:
  ``name`` = the alias, ``description``), which GDAL 3.7 and later reads as the fields'
  alternative names and comments. GDAL 3.7+ writes them itself (``SetAlternativeName``,
  ``SetComment``); for older GDAL (3.6 in Debian 12) the same rows are inserted with SQL
  through the OGR dataset;
* a default QGIS style per layer in ``layer_styles`` (the table and columns QGIS itself
  creates when it saves a style into a GeoPackage, ``useAsDefault`` = 1), holding the field
  aliases only: QGIS applies it when it loads the layer, whatever its GDAL version;
* fixed time stamps (``OGR_CURRENT_DATE``), so the same town gives the same bytes on the same
  GDAL.
"""
import json
import os
import subprocess
import sys

#: the time stamp written into gpkg_contents.last_change and layer_styles.update_time
TIMESTAMP = "2026-11-23T00:00:00.000Z"
#: Python with GDAL's bindings used when the running one has none (override: this variable)
GDAL_PYTHON_VARIABLE = "SOZIALRAUM_GDAL_PYTHON"
DEFAULT_GDAL_PYTHON = "/usr/bin/python3"
STYLE_DESCRIPTION = "field aliases"

_GEOMETRY_TYPES = ("POINT", "LINESTRING", "POLYGON", "MULTIPOINT", "MULTILINESTRING", "MULTIPOLYGON")
_FIELD_TYPES = ("integer", "real", "string", "boolean")


class WriterError(RuntimeError):
    """The GeoPackage could not be written (no GDAL bindings, or OGR refused)."""


def have_osgeo():
    """True when this Python can import GDAL's bindings."""
    try:
        from osgeo import ogr  # noqa: F401
    except ImportError:
        return False
    return True


def write_layers(path, layers, timestamp=TIMESTAMP):
    """Write ``layers`` into the GeoPackage ``path``.

    Each layer is a dict of builtins: ``name``, ``geometry_type`` (``POLYGON``, ``MULTIPOLYGON``,
    ``LINESTRING``, ``POINT``, ...), ``srs_id`` (EPSG code), ``description``, ``wkb`` (one hex
    string or None per feature), ``fields`` (dicts with ``name``, ``type`` integer / real /
    string / boolean, ``alias``, ``description`` and ``values``, one per feature, None for
    missing) and ``style_qml`` (the default QGIS style, or None). Layers of the same names in an
    existing file are replaced, others are kept. Runs OGR in this process when it has
    ``osgeo``, else in a child process (module docstring).
    """
    path = os.fspath(path)
    for layer in layers:
        _check_layer(layer)
    if have_osgeo():
        _write_with_ogr(path, layers, timestamp)
    else:
        _write_in_child(path, layers, timestamp)
    return path


def gdal_python():
    """The Python that writes for an interpreter without ``osgeo``."""
    return os.environ.get(GDAL_PYTHON_VARIABLE) or DEFAULT_GDAL_PYTHON


def gdal_version():
    """The version of the GDAL that writes (in this process or in the child's Python), or None."""
    if have_osgeo():
        from osgeo import gdal

        return gdal.__version__
    try:
        done = subprocess.run([gdal_python(), "-c", "from osgeo import gdal; print(gdal.__version__)"],
                              capture_output=True, text=True, check=False)
    except OSError:
        return None
    return done.stdout.strip() or None


def _write_in_child(path, layers, timestamp):
    python = gdal_python()
    payload = json.dumps({"path": os.path.abspath(path), "timestamp": timestamp, "layers": layers})
    try:
        done = subprocess.run([python, os.path.abspath(__file__)], input=payload.encode("utf-8"),
                              capture_output=True, check=False)
    except OSError as exc:
        raise WriterError(
            "writing the GeoPackage needs GDAL's Python bindings (osgeo), which this Python lacks, "
            f"and {python} cannot be run ({exc}); install python3-gdal or set {GDAL_PYTHON_VARIABLE}"
        ) from exc
    if done.returncode != 0:
        raise WriterError(f"{python} could not write {path}: {done.stderr.decode('utf-8', 'replace').strip()}")


def _check_layer(layer):
    name = layer["name"]
    if layer["geometry_type"] not in _GEOMETRY_TYPES:
        raise ValueError(f"layer {name}: unknown geometry type {layer['geometry_type']!r}")
    n = len(layer["wkb"])
    for field in layer["fields"]:
        if field["type"] not in _FIELD_TYPES:
            raise ValueError(f"layer {name}: field {field['name']} has unknown type {field['type']!r}")
        if len(field["values"]) != n:
            raise ValueError(f"layer {name}: field {field['name']} has {len(field['values'])} values, "
                             f"expected {n}")


def _sql(value):
    """An SQLite literal."""
    if value is None:
        return "NULL"
    return "'" + str(value).replace("'", "''") + "'"


def _write_with_ogr(path, layers, timestamp):
    from osgeo import gdal, ogr, osr

    exceptions = gdal.GetUseExceptions(), ogr.GetUseExceptions()  # restored below: the caller's setting
    gdal.UseExceptions()
    ogr.UseExceptions()
    previous = gdal.GetConfigOption("OGR_CURRENT_DATE")
    gdal.SetConfigOption("OGR_CURRENT_DATE", timestamp)
    try:
        if os.path.exists(path) and os.path.getsize(path) > 0:
            dataset = gdal.OpenEx(path, gdal.OF_VECTOR | gdal.OF_UPDATE, allowed_drivers=["GPKG"])
        else:
            dataset = ogr.GetDriverByName("GPKG").CreateDataSource(path)
        own_schema_rows = int(gdal.VersionInfo("VERSION_NUM")) < 3070000  # GDAL 3.7 writes them itself
        try:
            for layer in layers:
                _write_layer(dataset, layer, own_schema_rows, ogr, osr)
            for layer in layers:  # after the layers: OGR lists layer_styles last, as QGIS does
                if layer.get("style_qml"):
                    _write_style(dataset, layer["name"], layer["style_qml"], timestamp, ogr)
        finally:
            dataset.FlushCache()
            dataset = None
    except RuntimeError as exc:  # OGR errors with UseExceptions
        raise WriterError(f"OGR could not write {path}: {exc}") from exc
    finally:
        gdal.SetConfigOption("OGR_CURRENT_DATE", previous)
        if not exceptions[1]:  # in the reverse order: GDAL 3.6 keeps a stack of error handlers
            ogr.DontUseExceptions()
        if not exceptions[0]:
            gdal.DontUseExceptions()


_OGR_TYPES = {"POINT": "wkbPoint", "LINESTRING": "wkbLineString", "POLYGON": "wkbPolygon",
              "MULTIPOINT": "wkbMultiPoint", "MULTILINESTRING": "wkbMultiLineString",
              "MULTIPOLYGON": "wkbMultiPolygon"}


def _field_definition(field, ogr, with_alias):
    kind = field["type"]
    if kind == "integer":
        definition = ogr.FieldDefn(field["name"], ogr.OFTInteger64)
    elif kind == "real":
        definition = ogr.FieldDefn(field["name"], ogr.OFTReal)
    elif kind == "boolean":
        definition = ogr.FieldDefn(field["name"], ogr.OFTInteger)
        definition.SetSubType(ogr.OFSTBoolean)
    else:
        definition = ogr.FieldDefn(field["name"], ogr.OFTString)
    if with_alias:  # GDAL >= 3.7 stores these in gpkg_data_columns itself
        if field.get("alias"):
            definition.SetAlternativeName(field["alias"])
        if field.get("description"):
            definition.SetComment(field["description"])
    return definition


def _write_layer(dataset, layer, own_schema_rows, ogr, osr):
    name = layer["name"]
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(int(layer["srs_id"]))
    options = ["FID=fid", "GEOMETRY_NAME=geom", "SPATIAL_INDEX=YES", "OVERWRITE=YES", f"IDENTIFIER={name}"]
    if layer.get("description"):
        options.append(f"DESCRIPTION={layer['description']}")
    target = dataset.CreateLayer(name, srs, getattr(ogr, _OGR_TYPES[layer["geometry_type"]]), options)
    fields = layer["fields"]
    for field in fields:
        target.CreateField(_field_definition(field, ogr, not own_schema_rows))
    definition = target.GetLayerDefn()
    setters = []
    for index, field in enumerate(fields):
        kind = field["type"]
        setter = {"integer": "SetFieldInteger64", "real": "SetFieldDouble", "boolean": "SetFieldInteger"}.get(kind)
        setters.append((index, setter, field["values"]))
    target.StartTransaction()
    for row, wkb in enumerate(layer["wkb"]):
        feature = ogr.Feature(definition)
        for index, setter, values in setters:
            value = values[row]
            if value is None:
                feature.SetFieldNull(index)
            elif setter is None:
                feature.SetField(index, str(value))
            else:
                getattr(feature, setter)(index, int(value) if setter != "SetFieldDouble" else float(value))
        if wkb is not None:
            feature.SetGeometryDirectly(ogr.CreateGeometryFromWkb(bytes.fromhex(wkb)))
        target.CreateFeature(feature)
    target.CommitTransaction()
    if own_schema_rows:
        _write_schema_rows(dataset, name, fields)


def _write_schema_rows(dataset, table, fields):
    """gpkg_data_columns rows as GDAL 3.7+ writes them (name = alias), for older GDAL."""
    rows = [(f["name"], f.get("alias"), f.get("description")) for f in fields if f.get("alias") or f.get("description")]
    if not rows:
        if _table_exists(dataset, "gpkg_data_columns"):
            dataset.ExecuteSQL(f"DELETE FROM gpkg_data_columns WHERE lower(table_name) = lower({_sql(table)})")
        return
    statements = [
        "CREATE TABLE IF NOT EXISTS gpkg_data_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL, "
        "name TEXT, title TEXT, description TEXT, mime_type TEXT, constraint_name TEXT, "
        "CONSTRAINT pk_gdc PRIMARY KEY (table_name, column_name), CONSTRAINT gdc_tn UNIQUE (table_name, name))",
        "CREATE TABLE IF NOT EXISTS gpkg_data_column_constraints (constraint_name TEXT NOT NULL, "
        "constraint_type TEXT NOT NULL, value TEXT, min NUMERIC, min_is_inclusive BOOLEAN, max NUMERIC, "
        "max_is_inclusive BOOLEAN, description TEXT, "
        "CONSTRAINT gdcc_ntv UNIQUE (constraint_name, constraint_type, value))",
    ]
    for extension_table in ("gpkg_data_columns", "gpkg_data_column_constraints"):
        statements.append(
            "INSERT INTO gpkg_extensions (table_name, column_name, extension_name, definition, scope) "
            f"SELECT {_sql(extension_table)}, NULL, 'gpkg_schema', "
            "'http://www.geopackage.org/spec121/#extension_schema', 'read-write' "
            "WHERE NOT EXISTS (SELECT 1 FROM gpkg_extensions WHERE "
            f"table_name = {_sql(extension_table)} AND extension_name = 'gpkg_schema')"
        )
    statements.append(f"DELETE FROM gpkg_data_columns WHERE lower(table_name) = lower({_sql(table)})")
    for column, alias, description in rows:
        statements.append(
            "INSERT INTO gpkg_data_columns (table_name, column_name, name, title, description, mime_type, "
            f"constraint_name) VALUES ({_sql(table)}, {_sql(column)}, {_sql(alias)}, NULL, {_sql(description)}, "
            "NULL, NULL)"
        )
    for statement in statements:
        dataset.ExecuteSQL(statement)


def _table_exists(dataset, name):
    result = dataset.ExecuteSQL(f"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = {_sql(name)}")
    try:
        return result.GetNextFeature().GetField(0) > 0
    finally:
        dataset.ReleaseResultSet(result)


def _style_table(dataset, ogr):
    """The ``layer_styles`` table, created as QGIS creates it when it saves a style."""
    table = dataset.GetLayerByName("layer_styles")
    if table is not None:
        return table
    table = dataset.CreateLayer("layer_styles", None, ogr.wkbNone, ["FID=id"])
    columns = [("f_table_catalog", ogr.OFTString, 256), ("f_table_schema", ogr.OFTString, 256),
               ("f_table_name", ogr.OFTString, 256), ("f_geometry_column", ogr.OFTString, 256),
               ("styleName", ogr.OFTString, 30), ("styleQML", ogr.OFTString, 0), ("styleSLD", ogr.OFTString, 0),
               ("useAsDefault", ogr.OFTInteger, 0), ("description", ogr.OFTString, 0),
               ("owner", ogr.OFTString, 30), ("ui", ogr.OFTString, 30), ("update_time", ogr.OFTDateTime, 0)]
    for name, kind, width in columns:
        definition = ogr.FieldDefn(name, kind)
        if width:
            definition.SetWidth(width)
        if name == "useAsDefault":
            definition.SetSubType(ogr.OFSTBoolean)
        if name == "update_time":
            definition.SetDefault("CURRENT_TIMESTAMP")
        table.CreateField(definition)
    return table


def _write_style(dataset, layer_name, qml, timestamp, ogr):
    """The layer's default QGIS style (replacing an earlier one of the same name)."""
    table = _style_table(dataset, ogr)
    table.SetAttributeFilter(f"f_table_name = {_sql(layer_name)} AND styleName = {_sql(layer_name)}")
    stale = [feature.GetFID() for feature in table]
    table.SetAttributeFilter(None)
    for fid in stale:
        table.DeleteFeature(fid)
    feature = ogr.Feature(table.GetLayerDefn())
    values = {"f_table_catalog": "", "f_table_schema": "", "f_table_name": layer_name, "f_geometry_column": "geom",
              "styleName": layer_name, "styleQML": qml, "styleSLD": "", "description": STYLE_DESCRIPTION,
              "owner": "", "ui": ""}
    for name, value in values.items():
        feature.SetField(name, value)
    feature.SetField("useAsDefault", 1)
    date, time = timestamp.rstrip("Z").split("T")
    year, month, day = (int(part) for part in date.split("-"))
    hour, minute, second = time.split(":")
    feature.SetField("update_time", year, month, day, int(hour), int(minute), float(second), 100)  # 100: UTC
    table.CreateFeature(feature)


def main():
    """Child process: the layers as JSON on standard input ({"path", "timestamp", "layers"})."""
    request = json.loads(sys.stdin.buffer.read().decode("utf-8"))
    try:
        _write_with_ogr(request["path"], request["layers"], request["timestamp"])
    except ImportError:
        sys.exit(f"{sys.executable} has no GDAL bindings (osgeo): install python3-gdal or set {GDAL_PYTHON_VARIABLE}")
    except WriterError as exc:
        sys.exit(str(exc))
    return 0


if __name__ == "__main__":
    sys.exit(main())
