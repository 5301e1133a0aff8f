"""Property: on small layers with random invalid geometries and random NULLs, delineate,
evaluate and aggregate either succeed with every space within the bounds and contiguous (or
flagged with a reason), or stop with a clear message; never a traceback."""
import csv

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from . import bad_input
from .test_bad_input import UNEXPECTED

LOWER, UPPER = 300, 2500
FIELDS = [("bid", "int"), ("pop", "int"), ("sgb2_n", "int"), ("sgb2", "double"), ("old", "double"), ("space", "string")]


@st.composite
def layers(draw):
    rows_n, cols_n = draw(st.integers(2, 5)), draw(st.integers(2, 6))
    rows = []
    for r in range(rows_n):
        for c in range(cols_n):
            bid = r * cols_n + c + 1
            x, y = bad_input.X0 + c * 112, bad_input.Y0 + r * 112
            shape = draw(st.sampled_from(["square"] * 12 + ["bowtie", "spike", "none", "empty"]))
            if shape == "square":
                wkt = bad_input.wkt_polygon(bad_input.square_ring(x, y))
            elif shape == "bowtie":
                wkt = bad_input.wkt_polygon([(x, y), (x + 100, y + 100), (x + 100, y), (x, y + 100), (x, y)])
            elif shape == "spike":  # a zero-width spike out of the block, as digitising slips make
                wkt = bad_input.wkt_polygon([(x, y), (x + 100, y), (x + 100, y + 50), (x + 140, y + 50), (x + 100, y + 50),
                                             (x + 100, y + 100), (x, y + 100), (x, y)])
            else:
                wkt = None if shape == "none" else "POLYGON EMPTY"
            pop = draw(st.one_of(st.none(), st.integers(0, 900)))
            rows.append((wkt, {
                "bid": bid, "pop": pop, "sgb2_n": None if pop is None else draw(st.integers(0, pop)),
                "sgb2": draw(st.one_of(st.none(), st.floats(0, 0.6))), "old": draw(st.one_of(st.none(), st.floats(0, 0.5))),
                "space": f"S{(r // 2) * 10 + c // 2}",
            }))
    return rows


def _catalogue(path):
    with open(path, "w", newline="", encoding="utf-8") as stream:
        writer = csv.writer(stream, delimiter=";")
        writer.writerow(["id", "label_en", "label_de", "kind", "numerator", "denominator"])
        writer.writerow(["pop", "Residents", "Einwohner", "count", "pop", ""])
        writer.writerow(["sgb2_rate", "SGB II rate", "SGB-II-Quote", "rate", "sgb2_n", "pop"])
    return str(path)


def _run(name, parameters):
    import processing
    from qgis.core import QgsProcessingException

    try:
        return processing.run(f"sozialraum:{name}", parameters), None
    except QgsProcessingException as error:
        return None, str(error)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.too_slow])
@given(rows=layers())
def test_random_messy_layers(provider, tmp_path, rows):
    layer = bad_input.make_layer("Polygon", "EPSG:25832", FIELDS, rows)
    before = bad_input.snapshot(layer)
    result, message = _run("delineate", {
        "INPUT": layer, "ID_FIELD": "bid", "POPULATION_FIELD": "pop", "ATTRIBUTES": ["sgb2", "old"],
        "MIN_POPULATION": LOWER, "MAX_POPULATION": UPPER, "SEED": 1, "OUTPUT": "memory:", "OUTPUT_SPACES": "memory:"})
    event("delineate stopped with a message" if message is not None else "delineate succeeded")
    if message is not None:
        assert message.strip() and not UNEXPECTED.search(message), message
    else:
        spaces = list(result["OUTPUT_SPACES"].getFeatures())
        for space in spaces:
            if space["status"] == "ok":
                assert LOWER <= space["population"] <= UPPER
            else:
                assert space["status"] in ("below", "above", "flagged")
        flagged = sum(1 for space in spaces if space["status"] != "ok")
        scored, message = _run("evaluate", {
            "INPUT": result["OUTPUT"], "SPACE_FIELD": "space_id", "POPULATION_FIELD": "pop",
            "ATTRIBUTES": ["sgb2", "old"], "MIN_POPULATION": LOWER, "MAX_POPULATION": UPPER, "OUTPUT": "memory:"})
        assert message is None, message
        assert scored["N_NONCONTIGUOUS"] <= flagged, "a space that is not contiguous must be flagged"
    for name, parameters in (
        ("evaluate", {"INPUT": layer, "SPACE_FIELD": "space", "POPULATION_FIELD": "pop", "ATTRIBUTES": ["sgb2", "old"],
                      "MIN_POPULATION": LOWER, "MAX_POPULATION": UPPER, "OUTPUT": "memory:"}),
        ("aggregate", {"INPUT": layer, "SPACE_FIELD": "space", "ID_FIELD": "bid", "POPULATION_FIELD": "pop",
                       "CATALOGUE": _catalogue(tmp_path / "catalogue.csv"), "OUTPUT": "memory:", "OUTPUT_TOTAL": "memory:"}),
    ):
        _, message = _run(name, parameters)
        assert message is None or (message.strip() and not UNEXPECTED.search(message)), f"{name}: {message}"
    assert bad_input.snapshot(layer) == before
