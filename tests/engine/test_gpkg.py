"""Tests of the minimal GeoPackage writer/reader (engine/gpkg.py)."""
import sqlite3
import struct

import numpy as np
import pandas as pd
import pytest
from shapely.geometry import LineString, MultiPolygon, Point, Polygon

from sozialraum.engine import gpkg


def _polygons():
    square = Polygon([(300000, 5630000), (300100, 5630000), (300100, 5630100), (300000, 5630100)])
    holed = Polygon(
        [(300200, 5630000), (300300, 5630000), (300300, 5630100), (300200, 5630100)],
        [[(300220, 5630020), (300240, 5630020), (300240, 5630040), (300220, 5630040)]],
    )
    multi = MultiPolygon([Polygon([(300400, 5630000), (300450, 5630000), (300450, 5630050)]),
                          Polygon([(300500, 5630000), (300550, 5630000), (300550, 5630050)])])
    return [square, holed, multi]


def _frame():
    return pd.DataFrame(
        {
            "block_id": [1, 2, 3],
            "name": ["Altstadt", "Südstadt", "Übach-Palenberg"],
            "rate": [0.5, 1.25, -3.0],
            "flag": [True, False, True],
        }
    )


@pytest.fixture
def path(tmp_path):
    return tmp_path / "test.gpkg"


def test_round_trip_several_layers(path):
    gpkg.write_layer(path, "blocks", _polygons(), _frame(), "MULTIPOLYGON",
                     aliases={"block_id": "Block-Nr.", "name": "Name"})
    lines = [LineString([(300000, 5630000), (300500, 5630500)]), LineString([(0, 0), (1, 1), (2, 0)])]
    gpkg.write_layer(path, "barriers", lines, pd.DataFrame({"kind": ["river", "railway"]}), "LINESTRING")
    points = [Point(300001.23, 5630004.56)]
    gpkg.write_layer(path, "facilities", points, pd.DataFrame({"kind": ["kita"]}), "POINT")
    assert gpkg.list_layers(path) == ["blocks", "barriers", "facilities"]

    geoms, frame = gpkg.read_layer(path, "blocks")
    pd.testing.assert_frame_equal(frame, _frame())
    assert all(g.geom_type == "MultiPolygon" for g in geoms), "polygons are promoted to the layer type"
    for a, b in zip(geoms, _polygons()):
        assert a.equals(b)
    geoms, frame = gpkg.read_layer(path, "barriers")
    assert [g.wkt for g in geoms] == [g.wkt for g in lines]
    assert frame.kind.tolist() == ["river", "railway"]
    geoms, _ = gpkg.read_layer(path, "facilities")
    assert geoms[0].equals_exact(points[0], 1e-9)


def test_file_structure_follows_the_standard(path):
    gpkg.write_layer(path, "blocks", _polygons(), _frame(), "MULTIPOLYGON")
    with sqlite3.connect(str(path)) as conn:
        assert conn.execute("PRAGMA application_id").fetchone()[0] == 0x47504B47
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 10200
        srs = dict(conn.execute("SELECT srs_id, definition FROM gpkg_spatial_ref_sys").fetchall())
        assert set(srs) >= {-1, 0, 4326, 25832}
        assert srs[25832].startswith('PROJCS["ETRS89 / UTM zone 32N"') and 'AUTHORITY["EPSG","25832"]' in srs[25832]
        row = conn.execute(
            "SELECT data_type, identifier, min_x, min_y, max_x, max_y, srs_id FROM gpkg_contents WHERE table_name='blocks'"
        ).fetchone()
        assert row == ("features", "blocks", 300000.0, 5630000.0, 300550.0, 5630100.0, 25832)
        assert conn.execute(
            "SELECT column_name, geometry_type_name, srs_id, z, m FROM gpkg_geometry_columns WHERE table_name='blocks'"
        ).fetchone() == ("geom", "MULTIPOLYGON", 25832, 0, 0)
        columns = {r[1]: (r[2], r[5]) for r in conn.execute("PRAGMA table_info(blocks)")}
        assert columns["fid"] == ("INTEGER", 1)
        assert columns["geom"][0] == "MULTIPOLYGON"
        assert columns["block_id"][0] == "INTEGER" and columns["rate"][0] == "REAL"
        assert columns["name"][0] == "TEXT" and columns["flag"][0] == "BOOLEAN"
        sql = conn.execute("SELECT sql FROM sqlite_master WHERE name='blocks'").fetchone()[0]
        assert "AUTOINCREMENT" in sql
        blob = conn.execute("SELECT geom FROM blocks WHERE fid = 2").fetchone()[0]
        # spatial index
        assert conn.execute('SELECT count(*) FROM "rtree_blocks_geom"').fetchone()[0] == 3
        triggers = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='trigger'")}
        assert "rtree_blocks_geom_insert" in triggers and "rtree_blocks_geom_delete" in triggers
    magic, version, flags, srs_id, minx, maxx, miny, maxy = struct.unpack("<2sBBi4d", blob[:40])
    assert (magic, version, flags, srs_id) == (b"GP", 0, 0b011, 25832)
    assert (minx, miny, maxx, maxy) == _polygons()[1].bounds
    assert blob[40] == 1  # WKB little endian
    assert struct.unpack("<I", blob[41:45])[0] == 6  # ISO WKB type MultiPolygon


def test_aliases_go_to_the_schema_extension(path):
    gpkg.write_layer(path, "blocks", _polygons(), _frame(), "MULTIPOLYGON",
                     aliases={"block_id": "Baublock-Nr.", "name": "Straßenname"},
                     descriptions={"rate": "a rate [%]"})
    with sqlite3.connect(str(path)) as conn:
        rows = conn.execute(
            "SELECT column_name, name, title, description FROM gpkg_data_columns WHERE table_name='blocks' "
            "ORDER BY column_name"
        ).fetchall()
        ext = conn.execute(
            "SELECT table_name, extension_name, scope FROM gpkg_extensions WHERE extension_name='gpkg_schema'"
        ).fetchall()
    assert rows == [("block_id", "block_id", "Baublock-Nr.", None), ("name", "name", "Straßenname", None),
                    ("rate", "rate", None, "a rate [%]")]
    assert sorted(ext) == [("gpkg_data_column_constraints", "gpkg_schema", "read-write"),
                           ("gpkg_data_columns", "gpkg_schema", "read-write")]
    info = gpkg.layer_info(path, "blocks")
    assert info["aliases"] == {"block_id": "Baublock-Nr.", "name": "Straßenname"}
    # the same aliases as default QGIS style (read by QGIS whatever its GDAL version)
    with sqlite3.connect(str(path)) as conn:
        styles = conn.execute("SELECT f_table_name, useAsDefault, styleQML FROM layer_styles").fetchall()
    assert len(styles) == 1 and styles[0][:2] == ("blocks", 1)
    assert '<alias field="name" name="Straßenname"/>' in styles[0][2]
    assert gpkg.list_layers(path) == ["blocks"]
    assert info["descriptions"] == {"rate": "a rate [%]"}
    # a second layer with the same column names: names are unique per table only
    gpkg.write_layer(path, "other", _polygons(), _frame(), "MULTIPOLYGON", aliases={"block_id": "Nr."})
    assert gpkg.layer_info(path, "other")["aliases"] == {"block_id": "Nr."}


def test_overwrite_and_errors(path):
    gpkg.write_layer(path, "blocks", _polygons(), _frame(), "MULTIPOLYGON", aliases={"name": "Name"})
    gpkg.write_layer(path, "blocks", _polygons()[:1], _frame().iloc[:1], "MULTIPOLYGON")
    geoms, frame = gpkg.read_layer(path, "blocks")
    assert len(geoms) == 1 and len(frame) == 1
    assert gpkg.layer_info(path, "blocks")["aliases"] == {}
    with sqlite3.connect(str(path)) as conn:
        assert conn.execute("SELECT count(*) FROM layer_styles").fetchone()[0] == 0
    assert gpkg.list_layers(path) == ["blocks"]
    with pytest.raises(gpkg.GeoPackageError):
        gpkg.write_layer(path, "blocks", _polygons(), _frame(), "MULTIPOLYGON", overwrite_layer=False)
    with pytest.raises(gpkg.GeoPackageError):
        gpkg.write_layer(path, "bad name", _polygons(), _frame(), "POLYGON")
    with pytest.raises(gpkg.GeoPackageError):
        gpkg.write_layer(path, "gpkg_x", _polygons(), _frame(), "POLYGON")
    with pytest.raises(gpkg.GeoPackageError):
        gpkg.write_layer(path, "x", _polygons(), _frame().iloc[:2], "POLYGON")
    with pytest.raises(gpkg.GeoPackageError):
        gpkg.write_layer(path, "x", _polygons(), _frame().rename(columns={"name": "fid"}), "POLYGON")
    with pytest.raises(gpkg.GeoPackageError):
        gpkg.write_layer(path, "x", _polygons(), _frame(), "TRIANGLE")
    with pytest.raises(gpkg.GeoPackageError):
        gpkg.write_layer(path, "x", _polygons(), _frame(), "POLYGON", srs_id=31467)
    with pytest.raises(gpkg.GeoPackageError):
        gpkg.write_layer(path, "x", _polygons(), _frame(), "POLYGON", aliases={"nope": "Nein"})
    with pytest.raises(gpkg.GeoPackageError):
        gpkg.read_layer(path, "missing")
    with pytest.raises(FileNotFoundError):
        gpkg.read_layer(path.parent / "nothing.gpkg", "blocks")
    not_gpkg = path.parent / "plain.sqlite"
    sqlite3.connect(str(not_gpkg)).execute("CREATE TABLE t (a)").connection.commit()
    with pytest.raises(gpkg.GeoPackageError):
        gpkg.list_layers(not_gpkg)
    with pytest.raises(gpkg.GeoPackageError):
        gpkg.write_layer(not_gpkg, "x", _polygons(), _frame(), "POLYGON")
    assert gpkg.list_layers(path) == ["blocks"], "failed writes leave the file as it was"


def test_other_srs_and_custom_definition(path):
    gpkg.write_layer(path, "grid", [Point(4321000, 3210000)], pd.DataFrame({"v": [1]}), "POINT", srs_id=3035)
    gpkg.write_layer(path, "gk", [Point(3500000, 5600000)], pd.DataFrame({"v": [1]}), "POINT", srs_id=31467,
                     srs_definition=("DHDN / 3-degree Gauss-Kruger zone 3", 'PROJCS["DHDN / 3-degree Gauss-Kruger zone 3"]'))
    assert gpkg.layer_info(path, "grid")["srs_id"] == 3035
    assert gpkg.layer_info(path, "gk")["srs_id"] == 31467


def test_missing_values_and_empty_layer(path):
    frame = pd.DataFrame({"n": pd.array([1, None], dtype="Int64"), "x": [np.nan, 2.5], "s": ["a", None]})
    gpkg.write_layer(path, "gaps", [Point(0, 0), None], frame, "POINT")
    geoms, back = gpkg.read_layer(path, "gaps")
    assert geoms[1] is None
    assert back.n.isna().tolist() == [False, True] and back.n.iloc[0] == 1
    assert np.isnan(back.x.iloc[0]) and back.x.iloc[1] == 2.5
    assert back.s.iloc[0] == "a" and pd.isna(back.s.iloc[1])
    gpkg.write_layer(path, "empty", [], pd.DataFrame({"a": pd.Series([], dtype="int64")}), "POLYGON")
    geoms, back = gpkg.read_layer(path, "empty")
    assert geoms == [] and list(back.columns) == ["a"] and len(back) == 0


def test_geometry_blob_codec():
    poly = _polygons()[1]
    blob = gpkg.encode_geometry(poly, 25832)
    assert gpkg.decode_geometry(blob).equals(poly)
    assert gpkg.encode_geometry(None, 25832) is None
    with pytest.raises(gpkg.GeoPackageError):
        gpkg.decode_geometry(b"XX" + blob[2:])
