"""The HTML report of delineate and evaluate: figures match the outputs, the map, the histogram,
the flagged spaces, escaping and the qgis_process command that reproduces the run."""
import base64
import html as htmllib
import re
import shlex
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from .conftest import _KEEP_ALIVE, LogFeedback

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "sample" / "musterstadt.gpkg"
sys.path.insert(0, str(ROOT / "scripts"))

import sample_rates  # noqa: E402

SVG = "{http://www.w3.org/2000/svg}"
LOWER, UPPER = 700, 8500


def sections(page):
    """{heading: body html} of a report page."""
    parts = re.split(r"<h2>(.*?)</h2>", page)
    return {htmllib.unescape(parts[i]): parts[i + 1] for i in range(1, len(parts) - 1, 2)}


def table_rows(body):
    """The first table of ``body`` as lists of cell texts (header row excluded)."""
    table = body[body.index("<table>"):body.index("</table>")]
    rows = []
    for row in re.findall(r"<tr[^>]*>(.*?)</tr>", table, re.S):
        cells = re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
        if cells:
            rows.append([htmllib.unescape(c) for c in cells])
    return rows


def number(text):
    return float(text.replace(",", ""))


def command_arguments(page):
    """The reproduce command as (algorithm id, {NAME: value or [values]})."""
    command = htmllib.unescape(re.search(r"<pre>(.*?)</pre>", sections(page)["How to reproduce this run"], re.S).group(1))
    words = shlex.split(command.replace("\\\n", " "))  # a shell joins the lines continued by a backslash
    assert words[:2] == ["qgis_process", "run"]
    arguments = {}
    for word in words[3:]:
        name, value = word[2:].split("=", 1)
        arguments.setdefault(name, []).append(value)
    return words[2], {k: v[0] if len(v) == 1 else v for k, v in arguments.items()}


@pytest.fixture(scope="module")
def runs(qgis_app, qgis_processing, tmp_path_factory):
    """Delineate the sample town into files with a report, then evaluate that division with a report."""
    import processing
    from qgis.core import QgsApplication, QgsVectorLayer

    from sozialraum.provider import SozialraumProvider

    registry = QgsApplication.processingRegistry()
    if registry.providerById("sozialraum") is None:
        provider = SozialraumProvider()
        _KEEP_ALIVE.append(provider)  # the registry does not keep a Python provider alive
        registry.addProvider(provider)
    out = tmp_path_factory.mktemp("report")
    blocks = sample_rates.add_rates(QgsVectorLayer(f"{SAMPLE}|layername=blocks", "blocks", "ogr"))
    barriers = f"{SAMPLE}|layername=barriers"
    delineated = processing.run("sozialraum:delineate", {
        "INPUT": blocks, "ID_FIELD": "block_id", "POPULATION_FIELD": "pop_total", "ATTRIBUTES": sample_rates.ATTRIBUTES,
        "BARRIERS": [barriers], "SEED": 3, "MIN_POPULATION": LOWER, "MAX_POPULATION": UPPER,
        "OUTPUT": str(out / "blocks.gpkg"), "OUTPUT_SPACES": str(out / "spaces.gpkg"), "REPORT": str(out / "delineate.html")})
    evaluated = processing.run("sozialraum:evaluate", {
        "INPUT": str(out / "blocks.gpkg"), "SPACE_FIELD": "space_id", "POPULATION_FIELD": "pop_total",
        "ATTRIBUTES": sample_rates.ATTRIBUTES, "BARRIERS": [barriers], "MIN_POPULATION": LOWER, "MAX_POPULATION": UPPER,
        "OUTPUT": str(out / "scored.gpkg"), "REPORT": str(out / "evaluate.html")})
    return {"out": out, "delineate": delineated, "evaluate": evaluated,
            "delineate_page": (out / "delineate.html").read_text(encoding="utf-8"),
            "evaluate_page": (out / "evaluate.html").read_text(encoding="utf-8")}


def summary_values(page):
    return {label: value for label, value in table_rows(sections(page)["Summary"])}


def test_quality_figures_match_the_outputs(runs):
    delineated, evaluated = runs["delineate"], runs["evaluate"]
    figures = summary_values(runs["delineate_page"])
    assert number(figures["Spaces"]) == delineated["N_SPACES_MADE"]
    assert number(figures["SSD share (SSD / total; lower is more homogeneous)"]) == pytest.approx(delineated["SSD_SHARE"], abs=5e-5)
    assert number(figures["Spaces below the minimum"]) == delineated["N_BELOW"]
    assert number(figures["Spaces above the maximum"]) == delineated["N_ABOVE"]
    assert number(figures["SSD share, blocks weighted by residents"]) == pytest.approx(delineated["SSD_SHARE_WEIGHTED"], abs=5e-5)
    assert number(figures["Mean compactness (Polsby-Popper)"]) == pytest.approx(delineated["MEAN_POLSBY_POPPER"], abs=5e-5)
    assert number(figures["Enclaves (holes in a space filled by another space)"]) == delineated["N_ENCLAVES"]
    assert delineated["SSD_SHARE_WEIGHTED"] < delineated["SSD_SHARE"]  # parks and industry weigh nothing
    figures = summary_values(runs["evaluate_page"])
    for label, key in (("Spaces", "N_SPACES_FOUND"), ("Spaces not contiguous", "N_NONCONTIGUOUS"),
                       ("Barrier crossings inside spaces", "BARRIER_CROSSINGS"),
                       ("Spaces spanning more than one unit", "NESTING_VIOLATIONS"), ("Spaces below the minimum", "N_BELOW")):
        assert number(figures[label]) == evaluated[key], label
    assert number(figures["SSD share (SSD / total; lower is more homogeneous)"]) == pytest.approx(evaluated["SSD_SHARE"], abs=5e-5)


def test_spaces_table_matches_the_scored_layer(runs):
    from qgis.core import QgsVectorLayer

    scored = QgsVectorLayer(str(runs["out"] / "scored.gpkg"), "scored", "ogr")
    layer = {int(f["space"]): f for f in scored.getFeatures()}
    rows = table_rows(sections(runs["evaluate_page"])["Spaces"])
    assert len(rows) == len(layer) == runs["evaluate"]["N_SPACES_FOUND"]
    for row in rows:
        feature = layer[int(row[0])]
        assert number(row[1]) == pytest.approx(feature["population"], abs=0.5)
        assert number(row[7]) == feature["barrier_crossings"]


def test_flagged_spaces_name_their_reasons(runs):
    from qgis.core import QgsVectorLayer

    scored = QgsVectorLayer(str(runs["out"] / "scored.gpkg"), "scored", "ogr")
    flagged = {row[0]: row[2] for row in table_rows(sections(runs["evaluate_page"])["Spaces that need a second look"])}
    for feature in scored.getFeatures():
        space = str(feature["space"])
        if feature["barrier_crossings"]:
            assert f"crosses barrier lines {feature['barrier_crossings']} times" in flagged[space]
        if not feature["contiguous"]:
            assert "not contiguous" in flagged[space]
        if feature["polsby_popper"] is not None and feature["polsby_popper"] < 0.2:
            assert "low compactness" in flagged[space]
    spaces = QgsVectorLayer(str(runs["out"] / "spaces.gpkg"), "spaces", "ogr")
    delineation_flags = {row[0]: row[2] for row in table_rows(sections(runs["delineate_page"])["Spaces that need a second look"])}
    for feature in spaces.getFeatures():
        if "island_joined" in (feature["flags"] or ""):
            assert "island cut off by barriers" in delineation_flags[str(feature["space_id"])]


def test_histogram_marks_floor_and_ceiling_and_counts_every_space(runs):
    page = runs["delineate_page"]
    svg = re.search(r"<svg.*?</svg>", sections(page)["Population of the spaces"], re.S).group(0)
    root = ET.fromstring(svg)
    lines = {line.get("class"): float(line.get("data-value")) for line in root.iter(f"{SVG}line") if line.get("class")}
    assert lines == {"floor": LOWER, "ceiling": UPPER}
    counts = sum(int(r.get("data-count")) for r in root.iter(f"{SVG}rect") if "bar" in (r.get("class") or ""))
    assert counts == runs["delineate"]["N_SPACES_MADE"]
    assert [t.text for t in root.iter(f"{SVG}text") if t.get("class") == "axis"] == ["Residents per space", "Number of spaces"]


def test_map_image_is_embedded_and_not_blank(runs):
    from qgis.PyQt.QtGui import QImage

    body = sections(runs["delineate_page"])["Map of the spaces"]
    data = base64.b64decode(re.search(r'src="data:image/png;base64,([^"]+)"', body).group(1))
    image = QImage()
    assert image.loadFromData(data, "PNG")
    assert image.width() >= 1000
    colours = {image.pixel(x, y) for x in range(0, image.width(), 17) for y in range(0, image.height(), 17)}
    assert len(colours) > 30  # spaces in their colours, labels, legend: not an empty frame


def test_parameters_are_listed_as_used(runs):
    rows = dict(table_rows(sections(runs["delineate_page"])["Parameters"]))
    assert rows["Minimum population per space"] == "700" and rows["Maximum population per space"] == "8,500"
    assert rows["Random seed"] == "3"
    assert rows["Attributes for homogeneity (numeric fields)"] == ", ".join(sample_rates.ATTRIBUTES)
    assert str(SAMPLE) in rows["Barrier lines (railways, rivers, major roads)"]
    assert rows["Weight blocks by residents in the homogeneity"] == "yes"
    assert rows["Social spaces"] == str(runs["out"] / "spaces.gpkg")


def test_reproduce_command_holds_the_parameters(runs):
    algorithm, arguments = command_arguments(runs["delineate_page"])
    assert algorithm == "sozialraum:delineate"
    assert arguments["MIN_POPULATION"] == "700" and arguments["MAX_POPULATION"] == "8500" and arguments["SEED"] == "3"
    assert arguments["ATTRIBUTES"] == sample_rates.ATTRIBUTES
    assert arguments["BARRIERS"] == f"{SAMPLE}|layername=barriers"
    assert arguments["OUTPUT_SPACES"] == str(runs["out"] / "spaces.gpkg")
    assert "LOCKED" not in arguments  # empty optional parameters are left out
    # an optional output not asked for is left out: OUTPUT_CERTAINTY=TEMPORARY_OUTPUT would switch the
    # certainty runs on
    assert "OUTPUT_CERTAINTY" not in arguments and "OUTPUT_TOTAL" not in arguments
    # the input was a temporary layer: the report says the command needs a file instead
    assert "is a temporary layer" in sections(runs["delineate_page"])["How to reproduce this run"]


def test_reproduce_command_gives_the_same_result(runs, tmp_path):
    import processing

    algorithm, arguments = command_arguments(runs["evaluate_page"])
    assert algorithm == "sozialraum:evaluate" and arguments["INPUT"] == str(runs["out"] / "blocks.gpkg")
    arguments.update(OUTPUT=str(tmp_path / "again.gpkg"), REPORT=str(tmp_path / "again.html"))
    again = processing.run(algorithm, {k: v if isinstance(v, list) or k != "BARRIERS" else [v] for k, v in arguments.items()})
    for key in ("SSD_SHARE", "N_SPACES_FOUND", "BARRIER_CROSSINGS", "N_NONCONTIGUOUS"):
        assert again[key] == pytest.approx(runs["evaluate"][key])


def street_blocks_with_html_names():
    """2 x 3 blocks in two quarters; a numeric field and the layer are named like HTML."""
    from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer

    from sozialraum.qgisio import compat

    layer = QgsVectorLayer("Polygon?crs=EPSG:25832", "<b>Blöcke</b>", "memory")
    layer.dataProvider().addAttributes([compat.field("bid", "int"), compat.field("pop", "int"),
                                        compat.field("<script>alert(1)</script>", "double"), compat.field("quarter", "string")])
    layer.updateFields()
    features = []
    for r in range(2):
        for c in range(3):
            block = r * 3 + c + 1
            x, y = 300000 + c * 112, 5640000 + r * 112
            feature = QgsFeature(layer.fields())
            feature.setGeometry(QgsGeometry.fromWkt(f"POLYGON(({x} {y},{x + 100} {y},{x + 100} {y + 100},{x} {y + 100},{x} {y}))"))
            feature.setAttributes([block, 100 * block, float(block % 3), "<i>A</i>" if c < 2 else "B"])
            features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def evaluate_street_blocks(tmp_path, feedback=None):
    import processing

    report = tmp_path / "evaluate.html"
    result = processing.run("sozialraum:evaluate", {
        "INPUT": street_blocks_with_html_names(), "SPACE_FIELD": "quarter", "POPULATION_FIELD": "pop",
        "ATTRIBUTES": ["<script>alert(1)</script>"], "MIN_POPULATION": 1000, "MAX_POPULATION": 1500,
        "OUTPUT": "memory:", "REPORT": str(report)}, feedback=feedback)
    return result, report.read_text(encoding="utf-8")


def test_user_text_is_escaped_everywhere(provider, tmp_path):
    _, page = evaluate_street_blocks(tmp_path)
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<b>" not in page and "&lt;b&gt;Blöcke&lt;/b&gt;" in page  # the layer name in the title and parameters
    assert "<i>" not in page and "&lt;i&gt;A&lt;/i&gt;" in page  # a space value
    flagged = dict((row[0], row[2]) for row in table_rows(sections(page)["Spaces that need a second look"]))
    assert flagged == {"B": "below the minimum population (900 < 1,000)"}
    _, arguments = command_arguments(page)
    assert arguments["ATTRIBUTES"] == "<script>alert(1)</script>"  # shell-quoted, escaped in the page, intact when read


def test_report_is_written_when_the_map_cannot_be_drawn(provider, tmp_path, monkeypatch):
    from sozialraum.qgisio import map_image

    def broken(*args, **kwargs):
        raise RuntimeError("no map renderer here")

    monkeypatch.setattr(map_image, "render_map", broken)
    feedback = LogFeedback()
    result, page = evaluate_street_blocks(tmp_path, feedback)
    parts = sections(page)
    assert "data:image/png" not in page
    assert "could not be drawn" in parts["Map of the spaces"] and "no map renderer here" in parts["Map of the spaces"]
    assert {"Summary", "Population of the spaces", "Spaces that need a second look", "Parameters", "Spaces", "How to reproduce this run"} <= set(parts)
    assert result["N_SPACES_FOUND"] == 2
    assert "could not be drawn" in feedback.text


def test_german_numbers_in_the_histogram(provider, tmp_path):
    from sozialraum import i18n

    assert i18n.install_translator("de")
    try:
        _, page = evaluate_street_blocks(tmp_path)
    finally:
        i18n.remove_translator()
    assert 'lang="de"' in page
    svg = ET.fromstring(re.search(r"<svg.*?</svg>", page, re.S).group(0))
    ceiling = next(t.text for t in svg.iter(f"{SVG}text") if t.get("class") == "ceiling")
    assert ceiling.endswith(" 1.500")


def test_a_run_on_selected_blocks_names_them_and_its_command_has_the_input(provider, tmp_path, qgis_new_project):
    """An outside check: with "selected features only" the report listed "Blocks: (none)" and its
    command had no --INPUT, so it could not run."""
    import processing
    from qgis.core import QgsProcessingFeatureSourceDefinition, QgsProject, QgsVectorLayer

    blocks = QgsVectorLayer(f"{SAMPLE}|layername=blocks", "blocks", "ogr")
    QgsProject.instance().addMapLayer(blocks)
    blocks.selectByExpression('"district" = \'02\'')
    assert 0 < blocks.selectedFeatureCount() < blocks.featureCount()
    report = tmp_path / "selected.html"
    processing.run("sozialraum:delineate", {
        "INPUT": QgsProcessingFeatureSourceDefinition(blocks.id(), True), "ID_FIELD": "block_id",
        "POPULATION_FIELD": "pop_total", "ATTRIBUTES": ["pop_total"], "MIN_POPULATION": LOWER, "MAX_POPULATION": UPPER,
        "OUTPUT": "memory:", "OUTPUT_SPACES": "memory:", "REPORT": str(report)})
    page = report.read_text(encoding="utf-8")
    parameters = dict((row[0], row[1]) for row in table_rows(sections(page)["Parameters"]))
    shown = next(value for label, value in parameters.items() if label.startswith("Blocks"))
    assert "blocks" in shown and "selected features only" in shown, parameters
    _, arguments = command_arguments(page)
    assert str(SAMPLE) in arguments["INPUT"] and "layername=blocks" in arguments["INPUT"]
    assert "Only the selected features of 'blocks' were used" in htmllib.unescape(page)


def test_a_layer_named_after_its_geopackage_is_shown_with_the_layer_inside(qgis_app):
    """qgis_process names "musterstadt.gpkg|layername=barriers" after the file; the report says which layer."""
    from qgis.core import QgsVectorLayer

    from sozialraum.algorithms.reports.run_record import layer_text

    after_file = QgsVectorLayer(f"{SAMPLE}|layername=barriers", "musterstadt", "ogr")
    assert layer_text(after_file) == f"musterstadt ({SAMPLE}, layer barriers)"
    own_name = QgsVectorLayer(f"{SAMPLE}|layername=barriers", "barriers", "ogr")
    assert layer_text(own_name) == f"barriers ({SAMPLE})"


def test_the_map_draws_the_nesting_units_round_their_spaces(qgis_app, monkeypatch):
    """An outside check: the districts a proposal nests in were not on the report's map."""
    from qgis.core import QgsCoordinateReferenceSystem, QgsGeometry, QgsRectangle

    from sozialraum.algorithms.reports import report_map
    from sozialraum.qgisio import map_image

    drawn_calls = []

    def recording(layers, extent, title, legend, **kwargs):
        drawn_calls.append((layers, [entry.label for entry in legend]))
        return real(layers, extent, title, legend, **kwargs)

    real = map_image.render_map
    monkeypatch.setattr(map_image, "render_map", recording)
    squares = [QgsGeometry.fromRect(QgsRectangle(x, 0, x + 90, 90)) for x in (0, 100, 200)]  # 10 m streets between
    spaces = [(squares[0], "1", 900, False, "01"), (squares[1], "2", 800, False, "01"), (squares[2], "3", 950, True, "02")]
    crs = QgsCoordinateReferenceSystem("EPSG:25832")
    png = report_map.spaces_map_png(spaces, crs, [], "Test", unit_field="stbz", gap=10.0)
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    layers, legend = drawn_calls[-1]
    units = next(layer for layer in layers if layer.name() == "units")
    outlines = sorted(feature.geometry().boundingBox().toString(0) for feature in units.getFeatures())
    assert outlines == ["0,0 : 190,90", "200,0 : 290,90"]  # unit 01 = spaces 1 and 2 joined, unit 02 = space 3
    assert [feature.geometry().isMultipart() and len(feature.geometry().asMultiPolygon()) > 1
            for feature in units.getFeatures()] == [False, False]  # the street between 1 and 2 is closed: one line
    assert "Boundary of the nesting units (stbz)" in legend
    # the red outline of space 3 (a whole unit) is drawn again above the unit's boundary, which covered it
    names = [layer.name() for layer in layers]
    assert names.index("problems") < names.index("units") < names.index("spaces")  # top first
    assert [f.geometry().boundingBox().toString(0) for f in layers[names.index("problems")].getFeatures()] == ["200,0 : 290,90"]
    report_map.spaces_map_png([space[:4] for space in spaces], crs, [], "Test")  # no nesting: no such layer, no entry
    layers, legend = drawn_calls[-1]
    assert [layer.name() for layer in layers] == ["spaces"] and not any("nesting" in entry for entry in legend)


def test_the_parameter_table_names_the_compactness_the_comb_rule_used(provider, tmp_path):
    """An outside check: with the weight raised against combs the table still showed the chosen weight only."""
    import numpy as np
    import processing

    from .conftest import memory_layer, square

    size = 20
    values = np.random.default_rng(1).normal(size=(size * size, 4))  # alike only by chance: fingers pay
    rows = [(square(c * 100.0, r * 100.0), [r * size + c, 100, *map(float, values[r * size + c])])
            for r in range(size) for c in range(size)]
    layer = memory_layer("Polygon", "EPSG:25832", ["bid:integer", "pop:integer", "a:double", "b:double", "c:double",
                                                    "d:double"], rows)
    feedback = LogFeedback()
    processing.run("sozialraum:delineate", {
        "INPUT": layer, "ID_FIELD": "bid", "POPULATION_FIELD": "pop", "ATTRIBUTES": ["a", "b", "c", "d"],
        "MIN_POPULATION": 2000, "MAX_POPULATION": 6000, "COMPACTNESS": 0.05, "SEED": 1,
        "OUTPUT": "memory:", "OUTPUT_SPACES": "memory:", "REPORT": str(tmp_path / "report.html")}, feedback=feedback)
    assert any("comb-shaped" in warning for warning in feedback.warnings), feedback.text
    parameters = dict(table_rows(sections((tmp_path / "report.html").read_text(encoding="utf-8"))["Parameters"]))
    shown = next(value for label, value in parameters.items() if label.startswith("Compactness weight"))
    assert shown.startswith("0.05 (the search used ") and "against comb-shaped spaces" in shown, shown
    _, arguments = command_arguments((tmp_path / "report.html").read_text(encoding="utf-8"))
    assert arguments["COMPACTNESS"] == "0.05"  # the command repeats the choice; the rule raises it again


def test_the_comb_warning_says_what_is_left_and_when_no_run_again_helped(qgis_app):
    """An outside re-check: three combs were left without advice; a rule that found nothing better said nothing."""
    from sozialraum.presentation.engine_messages import describe

    note = {"code": "compactness_raised", "chosen": 0.05, "used": 0.4, "tried": 1.6, "combs_before": 15,
            "combs_after": 3, "threshold": 0.1, "ssd_share_before": 0.319, "ssd_share_after": 0.334}
    text = describe(note, None)
    assert "15 spaces came out comb-shaped" in text and "with the weight 0.40, which leaves 3" in text
    assert "a larger compactness weight than 0.40 avoids them" in text
    assert "larger compactness weight" not in describe({**note, "used": 0.8, "combs_after": 0}, None)
    kept = describe({**note, "used": 0.05, "combs_after": 15}, None)
    assert "runs again with weights up to 1.60 left no fewer, so the first division is kept" in kept


def test_a_compactness_just_below_the_limit_is_not_shown_as_the_limit(qgis_app):
    """An outside re-check read "Polsby-Popper 0.20 < 0.20" as a false reason."""
    import pandas as pd

    from sozialraum.presentation.report_flags import flagged_spaces

    spaces = pd.DataFrame([{"space": s, "population": 1000.0, "contiguous": True, "n_parts": 1, "n_enclaves": 0,
                            "polsby_popper": pp, "barrier_crossings": 0, "nest_units": 1}
                           for s, pp in ((1, 0.1996), (2, 0.1534), (3, 0.25))])
    reasons = {space: " ".join(texts) for space, _, texts in flagged_spaces(spaces, 700, 8500)}
    assert reasons == {1: "low compactness (Polsby-Popper 0.199 < 0.20)", 2: "low compactness (Polsby-Popper 0.15 < 0.20)"}
    # a space that reaches the minimum only through its joined island says so (an outside re-check: 598 + 146)
    spaces["polsby_popper"] = 0.5
    flags = {1: ["island_joined"], 2: ["island_joined"], 3: ["island_joined"]}
    reasons = {space: " ".join(texts) for space, _, texts in flagged_spaces(spaces, 900, 8500, flags, islands={1: 146, 2: 50})}
    assert reasons[1].endswith("(146 residents), joined to its nearest block; without it 854 residents, below the minimum")
    assert reasons[2].endswith("(50 residents), joined to its nearest block; without it 950 residents")
    assert reasons[3] == "holds an island cut off by barriers, joined to its nearest block"  # no figure: as before
