"""sozialraum:adjacency through processing.run on small layers with known neighbours."""
import pytest

from .conftest import memory_layer, square


def run_adjacency(parameters):
    import processing

    defaults = {"OUTPUT": "memory:", "OUTPUT_EDGES": "memory:"}
    defaults.update(parameters)
    return processing.run("sozialraum:adjacency", defaults)


def links(result):
    return {tuple(sorted((f["from_id"], f["to_id"]))) for f in result["OUTPUT_EDGES"].getFeatures()}


def block_attributes(result, *names):
    return {f["bid"]: tuple(f[name] for name in names) for f in result["OUTPUT"].getFeatures()}


def test_blocks_across_streets_are_linked_and_the_railway_cuts(provider, street_grid_layer, railway_layer):
    plain = run_adjacency({"INPUT": street_grid_layer, "ID_FIELD": "bid"})
    assert (1, 2) in links(plain) and (1, 4) in links(plain) and (1, 5) in links(plain)
    assert plain["EDGES"] == 4 + 3 + 4 and plain["COMPONENTS"] == 1

    cut = run_adjacency({"INPUT": street_grid_layer, "ID_FIELD": "bid", "BARRIERS": [railway_layer], "POPULATION_FIELD": "pop"})
    assert links(cut) == {(1, 2), (2, 3), (4, 5), (5, 6)}
    assert cut["COMPONENTS"] == 2 and cut["ISLANDS"] == 1
    assert cut["ISLAND_POPULATION"] == 100 + 200 + 300  # the lower row is less populated
    attributes = block_attributes(cut, "degree", "component", "island")
    assert attributes[1] == (1, 1, 1) and attributes[5] == (2, 0, 0)


def test_edge_attributes_and_geometry(provider, street_grid_layer):
    result = run_adjacency({"INPUT": street_grid_layer, "ID_FIELD": "bid", "CONTIGUITY": 1})
    edges = {tuple(sorted((f["from_id"], f["to_id"]))): f for f in result["OUTPUT_EDGES"].getFeatures()}
    assert set(edges) == {(1, 2), (2, 3), (4, 5), (5, 6), (1, 4), (2, 5), (3, 6)}
    edge = edges[(1, 2)]
    assert edge["gap_m"] == pytest.approx(12.0) and edge["shared_m"] == pytest.approx(100.0, abs=2)
    line = edge.geometry()
    assert line.length() == pytest.approx(112.0)  # from block centre to block centre


def test_nesting_field_and_input_is_not_modified(provider, street_grid_layer):
    before = [(f.id(), f.attributes(), f.geometry().asWkt()) for f in street_grid_layer.getFeatures()]
    result = run_adjacency({"INPUT": street_grid_layer, "ID_FIELD": "bid", "NEST_FIELD": "quarter"})
    assert not any({a, b} & {3, 6} and not {a, b} <= {3, 6} for a, b in links(result))
    assert (3, 6) in links(result)
    after = [(f.id(), f.attributes(), f.geometry().asWkt()) for f in street_grid_layer.getFeatures()]
    assert before == after
    assert street_grid_layer.fields().names() == ["bid", "pop", "quarter"]


def test_geographic_crs_copy_gives_the_same_graph(provider, street_grid_layer, railway_layer):
    import processing

    geographic = processing.run(
        "native:reprojectlayer", {"INPUT": street_grid_layer, "TARGET_CRS": "EPSG:4326", "OUTPUT": "memory:"}
    )["OUTPUT"]
    projected = run_adjacency({"INPUT": street_grid_layer, "ID_FIELD": "bid", "BARRIERS": [railway_layer]})
    result = run_adjacency({"INPUT": geographic, "ID_FIELD": "bid", "BARRIERS": [railway_layer]})
    assert links(result) == links(projected)
    gaps = sorted(f["gap_m"] for f in result["OUTPUT_EDGES"].getFeatures())
    assert gaps[0] == pytest.approx(12.0, abs=0.1)  # metres, not degrees
    assert result["OUTPUT_EDGES"].crs().authid() == "EPSG:4326"


def test_barriers_in_another_crs_are_transformed(provider, street_grid_layer):
    import processing

    railway = memory_layer("LineString", "EPSG:25832", ["kind:string"], [("LINESTRING(299950 5640106, 300400 5640106)", ["railway"])])
    railway_wgs84 = processing.run("native:reprojectlayer", {"INPUT": railway, "TARGET_CRS": "EPSG:4326", "OUTPUT": "memory:"})["OUTPUT"]
    result = run_adjacency({"INPUT": street_grid_layer, "ID_FIELD": "bid", "BARRIERS": [railway_wgs84]})
    assert links(result) == {(1, 2), (2, 3), (4, 5), (5, 6)}


def test_duplicate_ids_are_refused_with_their_values(provider):
    from qgis.core import QgsProcessingException

    layer = memory_layer("Polygon", "EPSG:25832", ["bid:integer"], [(square(0, 0), [7]), (square(200, 0), [7]), (square(400, 0), [8])])
    with pytest.raises(QgsProcessingException, match="duplicate values: 7"):
        run_adjacency({"INPUT": layer, "ID_FIELD": "bid"})


def test_empty_and_invalid_geometries_are_named_and_skipped(provider):
    bowtie = "POLYGON((112 0, 212 100, 212 0, 112 100, 112 0))"
    layer = memory_layer(
        "Polygon", "EPSG:25832", ["bid:integer"], [(square(0, 0), [1]), (None, [2]), (bowtie, [3]), ("POLYGON EMPTY", [4])]
    )
    result = run_adjacency({"INPUT": layer, "ID_FIELD": "bid"})
    assert result["SKIPPED"] == 2
    assert links(result) == {(1, 3)}
    components = {f["bid"]: f["component"] for f in result["OUTPUT"].getFeatures()}
    assert components[1] == components[3] == 0
    skipped = {f["bid"] for f in result["OUTPUT"].getFeatures() if f["degree"] == 0}
    assert skipped == {2, 4}
