"""sozialraum:aggregate, :interpolate, :index and :compare through processing.run on the sample town."""
import csv
import math
import re
from collections import defaultdict
from pathlib import Path

import pytest

from .conftest import LogFeedback, memory_layer, square

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "sample" / "musterstadt.gpkg"
CATALOGUE = ROOT / "resources" / "catalogues" / "musterstadt.csv"
TERM = re.compile(r'([+-]?)\s*(?:"([^"]+)"|([^\W\d]\w*))')


@pytest.fixture(scope="module")
def town(qgis_app, qgis_processing):
    from qgis.core import QgsVectorLayer

    blocks = QgsVectorLayer(f"{SAMPLE}|layername=blocks", "blocks", "ogr")
    districts = QgsVectorLayer(f"{SAMPLE}|layername=districts", "districts", "ogr")
    assert blocks.isValid() and districts.isValid()
    return {"blocks": blocks, "districts": districts}


@pytest.fixture(scope="module")
def fine(town):
    """The sample blocks with a fine division 'space' (10 consecutive block ids each): small spaces and counts."""
    import processing

    return processing.run("native:fieldcalculator", {
        "INPUT": town["blocks"], "FIELD_NAME": "space", "FIELD_TYPE": 1, "FORMULA": 'floor("block_id" / 10)',
        "OUTPUT": "memory:"})["OUTPUT"]


@pytest.fixture(scope="module")
def catalogue():
    from sozialraum.engine.indicators import load_catalogue

    return load_catalogue(CATALOGUE)


def run(algorithm, feedback=None, **parameters):
    import processing

    return processing.run(f"sozialraum:{algorithm}", parameters, feedback=feedback)


def aggregate(layer, space_field, **parameters):
    arguments = {"INPUT": layer, "SPACE_FIELD": space_field, "ID_FIELD": "block_id", "OUTPUT": "memory:",
                 "OUTPUT_TOTAL": "memory:"}
    arguments.update(parameters)
    feedback = arguments.pop("feedback", None)
    return run("aggregate", feedback, **arguments)


def expression(attributes, text):
    total = 0.0
    for sign, quoted, name in TERM.findall(text):
        total += (-1.0 if sign == "-" else 1.0) * float(attributes[quoted or name])
    return total


def reference(layer, catalogue, space_field):
    """Independent computation: sum numerator and denominator over each space's block features, then divide."""
    sums = defaultdict(lambda: defaultdict(float))
    for feature in layer.getFeatures():
        attributes = {name: feature[name] for name in layer.fields().names()}
        attributes["area_m2"] = feature.geometry().area()
        for space in (feature[space_field], "__total__"):
            for indicator in catalogue:
                if indicator.kind == "mean":
                    weight = expression(attributes, indicator.weight.text)
                    sums[space][(indicator.id, "num")] += weight * expression(attributes, indicator.numerator.text)
                    sums[space][(indicator.id, "den")] += weight
                else:
                    sums[space][(indicator.id, "num")] += expression(attributes, indicator.numerator.text)
                    if indicator.denominator is not None:
                        sums[space][(indicator.id, "den")] += expression(attributes, indicator.denominator.text)
    values = {}
    for space, cells in sums.items():
        row = {}
        for indicator in catalogue:
            num = cells[(indicator.id, "num")]
            if indicator.kind == "count":
                row[indicator.id] = num * indicator.factor
                continue
            den = cells[(indicator.id, "den")]
            scale = 1e6 if indicator.kind == "density" else 1.0
            row[indicator.id] = None if den <= 0 else num / den * indicator.factor * scale
        values[space] = row
    return values


def null(value):
    """QGIS NULL (None, or a null QVariant on PyQt5) or NaN."""
    if value is None or (hasattr(value, "isNull") and value.isNull()):
        return True
    return isinstance(value, float) and math.isnan(value)


def text(value):
    return "" if null(value) else str(value)


def assert_close(actual, expected, rel=1e-9, what=""):
    if expected is None:
        assert null(actual), what
    else:
        assert actual == pytest.approx(expected, rel=rel, abs=1e-9), what


# --- aggregate -------------------------------------------------------------------------------


def test_every_catalogue_indicator_equals_an_independent_computation(provider, town, catalogue):
    blocks = town["blocks"]
    before = blocks.featureCount(), blocks.fields().names()
    result = aggregate(blocks, "district", CONFIDENTIALITY=False)
    assert (blocks.featureCount(), blocks.fields().names()) == before  # the input is untouched
    expected = reference(blocks, catalogue, "district")
    spaces = {f["district"]: f for f in result["OUTPUT"].getFeatures()}
    assert set(spaces) == set(expected) - {"__total__"} and result["N_SPACES"] == len(spaces) == 12
    for space, feature in spaces.items():
        assert feature.geometry().type() == 2 and not feature.geometry().isEmpty()
        for indicator in catalogue:
            assert_close(feature[indicator.id], expected[space][indicator.id], what=f"{space} {indicator.id}")
    total = next(result["OUTPUT_TOTAL"].getFeatures())
    assert total["n_blocks"] == blocks.featureCount()
    for indicator in catalogue:
        assert_close(total[indicator.id], expected["__total__"][indicator.id], what=indicator.id)
    # rates are recomputed, not averaged over spaces
    mean_of_rates = sum(f["sgb2_rate"] for f in spaces.values()) / len(spaces)
    assert total["sgb2_rate"] != pytest.approx(mean_of_rates, rel=1e-6)


def test_confidentiality_suppressed_cells_are_null_and_dot_in_csv_and_xlsx(provider, fine, catalogue, tmp_path):
    csv_path, xlsx_path, report = tmp_path / "table.csv", tmp_path / "table.xlsx", tmp_path / "report.html"
    result = aggregate(fine, "space", EXPORT_CSV=str(csv_path), EXPORT_XLSX=str(xlsx_path), REPORT=str(report))
    expected = reference(fine, catalogue, "space")
    features = {f["space"]: f for f in result["OUTPUT"].getFeatures()}
    assert result["N_SUPPRESSED"] > 0
    confidential_counts = [i.id for i in catalogue if i.kind == "count" and i.confidential]
    rates = [i.id for i in catalogue if i.kind != "count"]
    n_hidden = 0
    for space, feature in features.items():
        hidden = set(text(feature["suppressed"]).split(", ")) - {""}
        n_hidden += len(hidden)
        for indicator in catalogue:
            if indicator.id in hidden:
                assert null(feature[indicator.id]), (space, indicator.id)
            else:
                assert_close(feature[indicator.id], expected[space][indicator.id], what=f"{space} {indicator.id}")
        for name in confidential_counts:  # no published count of 1 or 2
            assert null(feature[name]) or feature[name] == 0 or feature[name] >= 3, (space, name)
        if 0 < expected[space]["pop_total"] < 300:
            assert all(null(feature[name]) for name in rates), space
        elif expected[space]["pop_total"] == 0:  # nobody to protect: rates "x" (NULL), not suppressed
            assert not hidden & set(rates), space
    assert n_hidden == result["N_SUPPRESSED"]
    # CSV: the same table with '.' for every suppressed cell, the total row last
    with open(csv_path, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    header, body = rows[0], rows[1:]
    labels = catalogue.labels("en")
    assert header == ["Social space"] + [labels[i] for i in catalogue.ids]
    assert len(body) == len(features) + 1 and body[-1][0] == "Municipality total"
    for row in body[:-1]:
        feature = features[int(row[0])]
        hidden = set(text(feature["suppressed"]).split(", ")) - {""}
        for k, indicator in enumerate(catalogue.ids, start=1):
            assert (row[k] == ".") == (indicator in hidden), (row[0], indicator, row[k])
    # XLSX: written by OGR and readable back through OGR, numbers numeric, '.' kept
    from qgis.core import QgsVectorLayer

    sheet = QgsVectorLayer(str(xlsx_path), "xlsx", "ogr")
    assert sheet.isValid() and sheet.featureCount() == len(features) + 1
    assert sheet.fields().names()[:2] == ["Social space", "Residents"]
    cells = [str(f["Residents"]) for f in sheet.getFeatures()]
    assert "." in cells or all(c != "." for c in (r[1] for r in body))
    assert any(str(f[labels["sgb2_rate"]]) == "." for f in sheet.getFeatures())
    # cell types as a spreadsheet sees them: numbers numeric, '.' text, in the same column
    import xml.etree.ElementTree as ET
    import zipfile

    ns = {"s": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
    root = ET.fromstring(zipfile.ZipFile(xlsx_path).read("xl/worksheets/sheet1.xml"))
    rows = root.findall(".//s:sheetData/s:row", ns)
    header = ["".join(c.itertext()) for c in rows[0].findall("s:c", ns)]
    column = header.index(labels["sgb2_rate"])
    kinds = {"number": 0, "dot": 0}
    for row in rows[1:]:
        cell = row.findall("s:c", ns)[column]
        if cell.get("t") == "inlineStr":
            assert "".join(cell.itertext()) in (".", "x"), "only marks are text in a numeric column"
            kinds["dot"] += 1
        else:
            assert cell.get("t") in (None, "n") and float(cell.find("s:v", ns).text) >= 0
            kinds["number"] += 1
    assert kinds["number"] > 0 and kinds["dot"] > 0
    residents = header.index("Residents")
    first = rows[1].findall("s:c", ns)
    assert first[residents].get("t") in (None, "n") and first[0].get("t") == "inlineStr"
    html = report.read_text(encoding="utf-8")
    assert "<table" in html and "Municipality total" in html


def test_rounding_to_multiples_of_three_keeps_true_totals(provider, town, catalogue):
    result = aggregate(town["blocks"], "district", ROUND_TO_3=True)
    expected = reference(town["blocks"], catalogue, "district")
    for feature in result["OUTPUT"].getFeatures():
        assert feature["pop_total"] % 3 == 0
    total = next(result["OUTPUT_TOTAL"].getFeatures())
    assert total["pop_total"] == expected["__total__"]["pop_total"]


# --- interpolate -----------------------------------------------------------------------------


def interpolate(blocks, spaces, feedback=None, **parameters):
    arguments = {"INPUT": blocks, "ID_FIELD": "block_id", "SPACES": spaces, "SPACE_FIELD": "district", "OUTPUT": "memory:"}
    arguments.update(parameters)
    return run("interpolate", feedback, **arguments)


def test_interpolation_to_the_district_polygons_equals_aggregate_and_conserves_totals(provider, town, catalogue):
    by_field = {f["district"]: f for f in aggregate(town["blocks"], "district", CONFIDENTIALITY=False)["OUTPUT"].getFeatures()}
    feedback = LogFeedback()
    result = interpolate(town["blocks"], town["districts"], feedback, CONFIDENTIALITY=False)
    drawn = {f["district"]: f for f in result["OUTPUT"].getFeatures()}
    assert set(drawn) == set(by_field)
    for space, feature in drawn.items():
        for indicator in catalogue:
            assert_close(feature[indicator.id], by_field[space][indicator.id], rel=1e-6, what=f"{space} {indicator.id}")
        assert feature["split_share"] == pytest.approx(0.0, abs=1e-6)
    block_total = sum(f["pop_total"] for f in town["blocks"].getFeatures())
    assert sum(f["pop_total"] for f in drawn.values()) == pytest.approx(block_total)
    assert result["N_OUTSIDE_BLOCKS"] == 0 and result["N_OVERLAPS"] == 0
    assert "equal the municipal totals" in feedback.text


def test_spaces_in_another_crs_are_transformed(provider, town):
    import processing

    wgs84 = processing.run("native:reprojectlayer", {"INPUT": town["districts"], "TARGET_CRS": "EPSG:4326",
                                                     "OUTPUT": "memory:"})["OUTPUT"]
    feedback = LogFeedback()
    result = interpolate(town["blocks"], wgs84, feedback, CONFIDENTIALITY=False)
    assert "EPSG:4326" in feedback.text
    output = result["OUTPUT"]
    assert output.crs().authid() == "EPSG:4326"  # the drawn spaces keep their CRS
    block_total = sum(f["pop_total"] for f in town["blocks"].getFeatures())
    assert sum(f["pop_total"] for f in output.getFeatures()) == pytest.approx(block_total, rel=1e-3)
    assert result["OUTSIDE_POPULATION"] < 0.001 * block_total


def test_blocks_outside_and_overlapping_drawn_spaces_are_reported(provider, town):
    from qgis.core import QgsGeometry

    extent = town["blocks"].extent()
    x0, y0, x1, y1 = extent.xMinimum(), extent.yMinimum(), extent.xMaximum(), extent.yMaximum()
    xm, ym = (x0 + x1) / 2, (y0 + y1) / 2
    rows = [(f"POLYGON(({x0} {y0},{xm + 200} {y0},{xm + 200} {ym},{x0} {ym},{x0} {y0}))", [1]),
            (f"POLYGON(({xm} {y0},{x1} {y0},{x1} {ym},{xm} {ym},{xm} {y0}))", [2])]
    spaces = memory_layer("Polygon", "EPSG:25832", ["district:integer"], rows)
    feedback = LogFeedback()
    result = interpolate(town["blocks"], spaces, feedback)
    assert result["N_OVERLAPS"] == 1 and "overlap" in feedback.text
    # blocks wholly above the middle are outside: at least their population is reported
    lower_half = QgsGeometry.fromWkt(f"POLYGON(({x0} {y0},{x1} {y0},{x1} {ym},{x0} {ym},{x0} {y0}))")
    outside = sum(f["pop_total"] for f in town["blocks"].getFeatures() if not f.geometry().intersects(lower_half))
    assert outside > 0 and result["OUTSIDE_POPULATION"] >= outside - 1e-6
    assert result["N_OUTSIDE_BLOCKS"] > 0
    assert "outside every drawn space" in feedback.text and "residents outside" in feedback.text


def test_weight_points_split_blocks(provider, town):
    """Spaces that cut blocks: with one weight point per block, each block's residents go
    wholly to the space holding its point (the area method would split them)."""
    import processing
    from qgis.core import QgsGeometry

    points = processing.run("native:pointonsurface", {"INPUT": town["blocks"], "ALL_PARTS": False,
                                                      "OUTPUT": "memory:"})["OUTPUT"]
    extent = town["blocks"].extent()
    x0, y0, x1, y1 = extent.xMinimum() - 10, extent.yMinimum() - 10, extent.xMaximum() + 10, extent.yMaximum() + 10
    ym = (y0 + y1) / 2 + 37.0  # a line through blocks, not along a street
    halves = {1: f"POLYGON(({x0} {y0},{x1} {y0},{x1} {ym},{x0} {ym},{x0} {y0}))",
              2: f"POLYGON(({x0} {ym},{x1} {ym},{x1} {y1},{x0} {y1},{x0} {ym}))"}
    spaces = memory_layer("Polygon", "EPSG:25832", ["district:integer"], [(wkt, [key]) for key, wkt in halves.items()])
    by_points = interpolate(town["blocks"], spaces, METHOD=1, WEIGHT_POINTS=points, WEIGHT_FIELD="pop_total",
                            CONFIDENTIALITY=False)
    by_area = interpolate(town["blocks"], spaces, METHOD=0, CONFIDENTIALITY=False)
    point_of = {f["block_id"]: f.geometry() for f in points.getFeatures()}
    expected = {key: 0.0 for key in halves}
    for block in town["blocks"].getFeatures():
        key = 1 if point_of[block["block_id"]].intersects(QgsGeometry.fromWkt(halves[1])) else 2
        expected[key] += block["pop_total"]
    got = {f["district"]: f["pop_total"] for f in by_points["OUTPUT"].getFeatures()}
    assert got == pytest.approx(expected)
    area = {f["district"]: f["pop_total"] for f in by_area["OUTPUT"].getFeatures()}
    assert abs(area[1] - expected[1]) > 10, "the spaces must cut populated blocks, or the test shows nothing"
    assert sum(got.values()) == pytest.approx(sum(f["pop_total"] for f in town["blocks"].getFeatures()))


def test_drawn_spaces_keep_their_fields_and_are_written_repaired_with_a_german_report(provider, town, tmp_path):
    """An outside check: the drawn spaces' names were dropped (profiles could not show them), a
    bow-tie was written as drawn (its label landed in other spaces on the profile sheets), and
    the German report's headings were English."""
    from qgis.core import QgsGeometry

    extent = town["blocks"].extent()
    x0, y0, x1, y1 = extent.xMinimum() - 10, extent.yMinimum() - 10, extent.xMaximum() + 10, extent.yMaximum() + 10
    xm, ym = (x0 + x1) / 2, (y0 + y1) / 2
    bow_tie = f"POLYGON(({xm} {ym},{x1} {y1},{x1} {ym},{xm} {y1},{xm} {ym}))"  # crosses its own outline
    rows = [(f"POLYGON(({x0} {y0},{x1} {y0},{x1} {ym},{x0} {ym},{x0} {y0}))", [1, "Südstadt", "drawn 2026"]),
            (f"POLYGON(({x0} {ym},{xm + 50} {ym},{xm + 50} {y1},{x0} {y1},{x0} {ym}))", [2, None, None]),
            (bow_tie, [3, "Nördliche Au", "bow-tie"])]
    spaces = memory_layer("Polygon", "EPSG:25832", ["district:integer", "name:string", "n_blocks:string"], rows)
    assert not QgsGeometry.fromWkt(bow_tie).isGeosValid()
    feedback = LogFeedback()
    report = tmp_path / "report.html"
    result = interpolate(town["blocks"], spaces, feedback, LANGUAGE=1, REPORT=str(report))
    output = result["OUTPUT"]
    names = output.fields().names()
    assert names[:2] == ["district", "name"] and names.count("n_blocks") == 1
    features = {f["district"]: f for f in output.getFeatures()}
    assert features[1]["name"] == "Südstadt" and features[3]["name"] == "Nördliche Au"
    assert isinstance(features[1]["n_blocks"], int) and features[1]["n_blocks"] > 0  # this run's, not the drawn text
    assert "replaced by this run's values: n_blocks" in feedback.text
    assert all(f.geometry().isGeosValid() for f in features.values())
    assert "are written repaired: 3" in feedback.text
    html = report.read_text(encoding="utf-8")
    for german in ("Indikatoren der gezeichneten Räume", "Einstellungen", "Blöcke außerhalb aller gezeichneten Räume",
                   "Überlappende gezeichnete Räume", "aus Gründen der Geheimhaltung"):
        assert german in html, german
    for english in ("Settings", "Blocks outside every drawn space", "Overlapping drawn spaces"):
        assert english not in html, english
    # the notes too (they followed the interface's language): from an English QGIS, German notes
    assert "Die gezeichneten Räume 2 und 3 überlappen sich" in html
    assert "Blöcke liegen (teilweise) außerhalb aller gezeichneten Räume" in html
    assert "blocks lie (partly) outside" not in html and "overlap (" not in html
    assert "drawn spaces 2 and 3 overlap" in feedback.text  # the log stays in the interface's language


def test_drawn_spaces_and_weight_points_of_the_wrong_kind_are_refused_by_name(provider, town):
    """From qgis_process a file's first layer is not checked against the parameter's geometry
    type, and a missing field ended in a KeyError traceback (an outside check)."""
    from qgis.core import QgsProcessingException

    extent = town["blocks"].extent()
    x, y = extent.center().x(), extent.center().y()
    points = memory_layer("Point", "EPSG:25832", ["district:integer"], [(f"POINT({x} {y})", [1])])
    empty = memory_layer("Polygon", "EPSG:25832", ["district:integer"], [])
    cases = [
        ({"SPACES": town["districts"], "SPACE_FIELD": "sr_nummer"}, r"The field 'sr_nummer' is not in the layer"),
        ({"SPACES": points}, r"given as drawn spaces has points; it needs polygons"),
        ({"SPACES": empty}, r"of drawn spaces has no features"),
        ({"SPACES": town["districts"], "METHOD": 1, "WEIGHT_POINTS": town["districts"]},
         r"given as weight points has polygons; it needs points"),
        ({"SPACES": town["districts"], "METHOD": 1, "WEIGHT_POINTS": points, "WEIGHT_FIELD": "ew"},
         r"The field 'ew' is not in the layer"),
    ]
    for changed, message in cases:
        with pytest.raises(QgsProcessingException, match=message):
            interpolate(town["blocks"], changed.pop("SPACES"), **changed)


# --- index and types -------------------------------------------------------------------------

RATES = ["sgb2_rate", "unemployment", "child_poverty", "single_parents", "floor_area_per_head"]


@pytest.fixture(scope="module")
def fine_spaces(fine):
    import processing

    coarse = processing.run("native:fieldcalculator", {
        "INPUT": fine, "FIELD_NAME": "space60", "FIELD_TYPE": 1, "FORMULA": 'floor("block_id" / 60)',
        "OUTPUT": "memory:"})["OUTPUT"]
    return aggregate(coarse, "space60")["OUTPUT"]


def test_the_report_names_a_geopackage_layer_not_its_file(provider, tmp_path):
    """An outside check: blocks given as "ergebnis.gpkg|layername=raeume_bloecke" were named
    "ergebnis" in the report's settings, the file of eight layers."""
    report = tmp_path / "report.html"
    run("aggregate", INPUT=f"{SAMPLE}|layername=blocks", SPACE_FIELD="district", ID_FIELD="block_id",
        OUTPUT="memory:", REPORT=str(report), LANGUAGE=2)  # no OUTPUT_TOTAL: optional
    html = report.read_text(encoding="utf-8")
    assert re.search(r"<td>Blocks</td>\s*<td>blocks</td>", html), re.findall(r"<td>Blocks</td>\s*<td>[^<]*</td>", html)


def test_index_classes_and_types_are_deterministic(provider, fine_spaces):
    arguments = dict(INPUT=fine_spaces, SPACE_FIELD="space60", RATES=RATES, OUTPUT="memory:", OUTPUT_PROFILE="memory:", SEED=3)
    first, second = run("index", **arguments), run("index", **arguments)
    rows = [[(f["si_index"], f["si_class"], f["space_type"]) for f in r["OUTPUT"].getFeatures()] for r in (first, second)]
    assert rows[0] == rows[1]
    assert first["N_INDEXED"] > 20 and first["N_TYPES"] >= 2
    indexed = [f for f in first["OUTPUT"].getFeatures() if not null(f["si_index"])]
    values = [f["si_index"] for f in indexed]
    mean = sum(values) / len(values)
    assert mean == pytest.approx(0.0, abs=1e-9)
    for feature in first["OUTPUT"].getFeatures():
        if not null(feature["pop_total"]) and feature["pop_total"] < 300:
            assert null(feature["si_index"]) and null(feature["space_type"])
        if not null(feature["si_index"]):
            expected = 1 if feature["si_index"] <= -1 else 2 if feature["si_index"] <= 1 else 3 if feature["si_index"] <= 1.5 else 4
            assert feature["si_class"] == expected and feature["si_label"]
    profile = list(first["OUTPUT_PROFILE"].getFeatures())
    assert len(profile) == first["N_TYPES"] and sum(f["n_spaces"] for f in profile) == len(indexed)
    # types numbered by increasing need: the mean index rises with the type number
    means = [f["mean_index"] for f in sorted(profile, key=lambda f: f["type"])]
    assert means == sorted(means)
    ward = run("index", **dict(arguments, METHOD=1, TYPES=4))
    assert ward["N_TYPES"] == 4


def test_index_without_the_type_profiles_output(provider, fine_spaces):
    """qgis_process asked for OUTPUT_PROFILE although only the spaces were wanted (an outside check)."""
    result = run("index", INPUT=fine_spaces, SPACE_FIELD="space60", RATES=RATES, OUTPUT="memory:", SEED=3)
    assert result["N_INDEXED"] > 20 and result["OUTPUT"].featureCount() > 0
    assert not result.get("OUTPUT_PROFILE")


def test_a_space_without_a_population_value_is_named_as_such_not_as_small(provider, fine_spaces):
    """An outside check: one block without a population value made its space's sum NULL, and the
    index said the space had fewer than 300 residents (it had 3,905 without that block)."""
    import processing

    big = max(fine_spaces.getFeatures(), key=lambda f: f["pop_total"])
    layer = processing.run("native:fieldcalculator", {
        "INPUT": fine_spaces, "FIELD_NAME": "pop_total", "FIELD_TYPE": 0,
        "FORMULA": f'CASE WHEN "space60" = {big["space60"]} THEN NULL ELSE "pop_total" END',
        "OUTPUT": "memory:"})["OUTPUT"]
    feedback = LogFeedback()
    result = run("index", feedback, INPUT=layer, SPACE_FIELD="space60", RATES=RATES, OUTPUT="memory:", SEED=3)
    assert "have no population value (NULL)" in feedback.text and str(big["space60"]) in feedback.text
    small = next((line for line in feedback.text.splitlines() if "fewer than" in line), "")
    assert f": {big['space60']}" not in small and f", {big['space60']}" not in small
    (feature,) = [f for f in result["OUTPUT"].getFeatures() if f["space60"] == big["space60"]]
    assert null(feature["si_index"])


def test_index_signs_and_dynamics(provider, fine_spaces):
    result = run("index", INPUT=fine_spaces, RATES=["sgb2_rate", "share_65plus"], SIGNS="share_65plus=-1",
                 RATES_BEFORE=["unemployment", "share_65plus"], OUTPUT="memory:", OUTPUT_PROFILE="memory:", TYPES=3)
    names = result["OUTPUT"].fields().names()
    assert {"dyn_index", "dyn_class", "dyn_label"} <= set(names)
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException, match="share_65plus"):  # neutral in the catalogue, no sign given
        run("index", INPUT=fine_spaces, RATES=["sgb2_rate", "share_65plus"], OUTPUT="memory:", OUTPUT_PROFILE="memory:")


# --- compare ---------------------------------------------------------------------------------


def test_compare_identical_divisions_and_moved_blocks(provider, town, tmp_path):
    import processing

    same = run("compare", INPUT=town["blocks"], OLD_FIELD="district", NEW_FIELD="district", OUTPUT_MOVED="memory:",
               OUTPUT_OVERLAP="memory:")
    assert same["ARI"] == pytest.approx(1.0) and same["BLOCKS_MOVED"] == 0 and same["POPULATION_MOVED"] == 0
    changed = processing.run("native:fieldcalculator", {
        "INPUT": town["blocks"], "FIELD_NAME": "new", "FIELD_TYPE": 2,
        "FORMULA": "if(\"block_id\" % 40 = 0, '99', \"district\")", "OUTPUT": "memory:"})["OUTPUT"]
    report = tmp_path / "compare.html"
    result = run("compare", INPUT=changed, ID_FIELD="block_id", OLD_FIELD="district", NEW_FIELD="new",
                 OUTPUT_MOVED="memory:", OUTPUT_OVERLAP="memory:", REPORT=str(report))
    movers = {f["block_id"]: f for f in changed.getFeatures() if f["block_id"] % 40 == 0}
    moved = {int(f["block"]): f for f in result["OUTPUT_MOVED"].getFeatures()}
    assert set(moved) == set(movers) and result["BLOCKS_MOVED"] == len(movers)
    for block, feature in moved.items():
        assert feature["from_space"] == movers[block]["district"] and feature["to_space"] == "99"
        assert feature["population"] == movers[block]["pop_total"]
    assert result["POPULATION_MOVED"] == pytest.approx(sum(f["pop_total"] for f in movers.values()))
    assert result["ARI"] < 1
    overlap = list(result["OUTPUT_OVERLAP"].getFeatures())
    assert sum(f["population"] for f in overlap) == pytest.approx(sum(f["pop_total"] for f in changed.getFeatures()))
    assert "Adjusted Rand index" in report.read_text(encoding="utf-8")


# --- bad input -------------------------------------------------------------------------------


def catalogue_file(tmp_path, *rows):
    path = tmp_path / "catalogue.csv"
    path.write_text("id;label_en;label_de;kind;numerator;denominator;factor\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return str(path)


def test_catalogue_naming_a_missing_field_is_refused_with_field_and_indicator(provider, town, tmp_path):
    from qgis.core import QgsProcessingException

    path = catalogue_file(tmp_path, "pop;Residents;Einwohner;count;pop_total;;", "poor;Poverty;Armut;rate;sgb2_people;pop_total;100")
    with pytest.raises(QgsProcessingException, match=r"'sgb2_people'.*'poor'"):
        aggregate(town["blocks"], "district", CATALOGUE=path)
    path = catalogue_file(tmp_path, "pop;Residents;Einwohner;count;pop_total;;", "txt;Text;Text;rate;land_use;pop_total;100")
    with pytest.raises(QgsProcessingException, match=r"'land_use' has values that are not numbers.*indicators 'txt'"):
        aggregate(town["blocks"], "district", CATALOGUE=path)
    path = catalogue_file(tmp_path, "pop;Residents;Einwohner;share;pop_total;;")
    with pytest.raises(QgsProcessingException, match=r"line 2.*'pop'"):
        aggregate(town["blocks"], "district", CATALOGUE=path)


def small_blocks(rows):
    layer_rows = [(square(300000 + 120 * k, 5640000), values) for k, values in enumerate(rows)]
    return memory_layer("Polygon", "EPSG:25832", ["block_id:integer", "space:string", "persons:integer", "poor:integer"],
                        layer_rows)


def test_null_and_zero_denominators_give_null_with_a_reason_and_negative_counts_are_named(provider, tmp_path):
    from qgis.core import QgsProcessingException

    path = catalogue_file(tmp_path, "persons;Persons;Personen;count;persons;;", "poor_rate;Poverty;Armut;rate;poor;persons;100")
    layer = small_blocks([[1, "A", 0, 0], [2, "B", None, 1], [3, "C", 10, 4]])
    feedback = LogFeedback()
    result = aggregate(layer, "space", CATALOGUE=path, CONFIDENTIALITY=False, feedback=feedback)
    rows = {f["space"]: f for f in result["OUTPUT"].getFeatures()}
    assert null(rows["A"]["poor_rate"]) and "denominator is 0" in text(rows["A"]["notes"])
    assert null(rows["B"]["poor_rate"]) and "NULL values" in text(rows["B"]["notes"])
    assert rows["C"]["poor_rate"] == pytest.approx(40.0)
    assert "Space A: 'poor_rate' is NULL because the denominator is 0" in feedback.text
    negative = small_blocks([[1, "A", 5, 1], [7, "A", -2, 0]])
    with pytest.raises(QgsProcessingException, match=r"'persons'.*negative.*7"):
        aggregate(negative, "space", CATALOGUE=path, POPULATION_FIELD="persons")
    with pytest.raises(QgsProcessingException, match=r"'pop_total' is not in the layer"):  # the default population field
        aggregate(negative, "space", CATALOGUE=path)


def test_german_exports_use_german_labels_separator_and_decimal_comma(provider, town, tmp_path):
    path = tmp_path / "tabelle.csv"
    aggregate(town["blocks"], "district", LANGUAGE=1, EXPORT_CSV=str(path), CONFIDENTIALITY=False)
    with open(path, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    assert rows[0][:3] == ["Sozialraum", "Einwohner insgesamt", "Einwohner unter 6 Jahren"]
    assert rows[-1][0] == "Gesamtstadt"
    share = rows[0].index("SGB-II-Quote")
    assert re.fullmatch(r"\d+,\d", rows[1][share])


def test_a_missing_scikit_learn_disables_only_the_index(provider, monkeypatch):
    import importlib.util

    from sozialraum import provider as provider_module

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "sklearn" else real(name, *a))
    disabled = [cls.ALGORITHM_NAME for cls in provider_module.ALGORITHMS if provider_module.missing_packages(cls)]
    assert disabled == ["index"]


def test_a_german_reports_notes_and_the_notes_field_are_german_from_an_english_interface(provider, fine, tmp_path):
    """The report's notes (why a value is NULL) and the output's field 'notes' followed the
    interface's language while the rest of the report and the field names followed LANGUAGE."""
    report = tmp_path / "report.html"
    feedback = LogFeedback()
    result = aggregate(fine, "space", feedback=feedback, LANGUAGE=1, REPORT=str(report))
    assert result["N_NULL"] > 0, "the test needs NULL values with a reason"
    html = report.read_text(encoding="utf-8")
    assert "ist NULL, weil" in html and "is NULL because" not in html
    assert "<h1>Indikatoren der Sozialräume</h1>" in html  # translator_for(lang)("...") was never extracted
    notes = [str(f["notes"]) for f in result["OUTPUT"].getFeatures() if not null(f["notes"])]
    assert notes and not any("denominator" in note or "NULL values in" in note for note in notes), notes[:3]
    assert "is NULL because" in feedback.text  # the log stays in the interface's language


def test_the_loaded_index_layer_has_this_runs_classes_in_its_legend(provider, fine_spaces, qgis_new_project):
    """An outside check: the legend of the index layer came from a German QML ("Status hoch" in an
    English QGIS, whose si_label values were English) and listed classes 5 and 6 of a run with four."""
    from .conftest import run_and_load

    result, loaded, wrong = run_and_load("sozialraum:index", dict(INPUT=fine_spaces, SPACE_FIELD="space60", RATES=RATES,
                                                                  OUTPUT="TEMPORARY_OUTPUT", SEED=3), LogFeedback())
    assert wrong == [] and len(loaded) == 1
    layer = loaded[0]
    written = sorted({f["si_label"] for f in layer.getFeatures() if not null(f["si_label"])})
    legend = [c.label() for c in layer.renderer().categories()]
    assert "Status hoch" not in legend and not any(label.startswith("Klasse") for label in legend), legend
    assert set(written) <= set(legend) and len(legend) == 4 + 1, legend  # four default classes and "no index"
    manager = layer.styleManager()
    manager.setCurrentStyle(next(s for s in manager.styles() if s != manager.currentStyle()))
    types = [c.label() for c in layer.renderer().categories()]
    assert not any(label.startswith("Typ ") for label in types) and len(types) == result["N_TYPES"] + 1, types
