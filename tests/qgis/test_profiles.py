"""sozialraum:profiles on the sample town: the PDF, its pages, the stored layout, German labels, "." and bad input."""
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from .conftest import _KEEP_ALIVE, LogFeedback, memory_layer, square
from .test_headless import qgis_process  # noqa: F401 (the fixture running qgis_process with the plugin)

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "sample" / "musterstadt.gpkg"
LAYOUT = "Profiles under test"
MM = 25.4

pytestmark = pytest.mark.skipif(shutil.which("pdfinfo") is None or shutil.which("pdftoppm") is None,
                                reason="poppler-utils (pdfinfo, pdftoppm) are not installed")


def run(algorithm, feedback=None, **parameters):
    import processing

    return processing.run(f"sozialraum:{algorithm}", parameters, feedback=feedback)


@pytest.fixture(scope="module")
def town(qgis_app, qgis_processing):
    """The sample blocks in the 12 districts plus a 'tiny' space of three blocks (its values are suppressed)."""
    import processing
    from qgis.core import QgsApplication, QgsVectorLayer

    from sozialraum.provider import SozialraumProvider

    registry = QgsApplication.processingRegistry()
    if registry.providerById("sozialraum") is None:
        provider = SozialraumProvider()
        _KEEP_ALIVE.append(provider)
        registry.addProvider(provider)
    blocks = QgsVectorLayer(f"{SAMPLE}|layername=blocks", "blocks", "ogr")
    assert blocks.isValid()
    divided = processing.run("native:fieldcalculator", {
        "INPUT": blocks, "FIELD_NAME": "space", "FIELD_TYPE": 2, "FIELD_LENGTH": 10,
        "FORMULA": "CASE WHEN \"block_id\" < 3 THEN 'tiny' ELSE \"district\" END", "OUTPUT": "memory:"})["OUTPUT"]
    aggregated = run("aggregate", INPUT=divided, SPACE_FIELD="space", ID_FIELD="block_id", OUTPUT="memory:",
                     OUTPUT_TOTAL="memory:")
    indexed = run("index", INPUT=aggregated["OUTPUT"], SPACE_FIELD="space", RATES=["sgb2_rate", "unemployment"],
                  TYPES=3, OUTPUT="memory:", OUTPUT_PROFILE="memory:")
    return {"blocks": divided, "spaces": indexed["OUTPUT"], "total": aggregated["OUTPUT_TOTAL"]}


def profiles(town, pdf, **parameters):
    arguments = {"INPUT": town["spaces"], "ID_FIELD": "space", "BLOCKS": town["blocks"], "BLOCK_SPACE_FIELD": "space",
                 "LAYOUT_NAME": LAYOUT, "OUTPUT": str(pdf)}
    arguments.update(parameters)
    feedback = LogFeedback()
    return run("profiles", feedback, **arguments), feedback


@pytest.fixture(scope="module")
def english(town, tmp_path_factory):
    from qgis.core import QgsApplication

    pdf = tmp_path_factory.mktemp("profiles_en") / "profiles.pdf"
    messages = []

    def keep(message, *args):
        messages.append(message)

    QgsApplication.messageLog().messageReceived.connect(keep)
    try:
        result, feedback = profiles(town, pdf, LANGUAGE=2)
    finally:
        QgsApplication.messageLog().messageReceived.disconnect(keep)
    return {"pdf": pdf, "result": result, "log": feedback.text, "messages": messages}


def pages(pdf):
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


def page_image(pdf, page, tmp_path, dpi=40):
    from qgis.PyQt.QtGui import QImage

    base = tmp_path / f"page{page}"
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", "-f", str(page), "-l", str(page), "-singlefile", str(pdf),
                    str(base)], check=True)
    image = QImage(str(base) + ".png")
    assert not image.isNull()
    return image


def ink(image, box_mm=None, dpi=40):
    """Share of pixels that are not near-white, in the whole page or a box (x, y, width, height in mm)."""
    x0, y0, width, height = (0, 0, image.width(), image.height()) if box_mm is None else (
        int(box_mm[0] * dpi / MM), int(box_mm[1] * dpi / MM), int(box_mm[2] * dpi / MM), int(box_mm[3] * dpi / MM))
    dark = total = 0
    for y in range(y0, y0 + height, 2):
        for x in range(x0, x0 + width, 2):
            colour = image.pixelColor(x, y)
            total += 1
            dark += min(colour.red(), colour.green(), colour.blue()) < 235
    return dark / total


def space_fid(layer, space):
    return next(f.id() for f in layer.getFeatures() if f["space"] == space)


def svg_texts(path):
    return re.findall(r">([^<]*)</text>", path.read_text(encoding="utf-8"))


def test_one_page_per_space_and_the_pages_are_not_blank(provider, town, english, tmp_path):
    assert english["result"]["N_PAGES"] == town["spaces"].featureCount() == 13
    assert pages(english["pdf"]) == 13
    image = page_image(english["pdf"], 1, tmp_path)
    assert ink(image) > 0.08  # title, map, chart and table
    from sozialraum.algorithms.reports.profile_layout import CHART_BOX, MAP_BOX, TABLE_TOP

    assert ink(image, MAP_BOX) > 0.3  # blocks and outlines fill the map
    assert ink(image, CHART_BOX) > 0.03
    assert ink(image, (12, TABLE_TOP, 186, 140)) > 0.05
    assert ink(image, (12, 282 + 8, 186, 4)) < 0.01  # nothing below the footnote: the table is not cut off


def test_the_atlas_layout_is_stored_in_the_project(provider, town, english):
    from qgis.core import QgsLayoutItemMap, QgsProject

    layout = QgsProject.instance().layoutManager().layoutByName(LAYOUT)
    assert layout is not None and english["result"]["LAYOUT"] == LAYOUT
    atlas = layout.atlas()
    assert atlas.enabled() and atlas.coverageLayer() is town["spaces"]
    maps = [item for item in layout.items() if isinstance(item, QgsLayoutItemMap)]
    assert len(maps) == 1 and maps[0].atlasDriven() and town["spaces"].id() in maps[0].layerStyleOverrides()
    assert atlas.updateFeatures() == 13
    from sozialraum.algorithms.reports.profile_layout import MAP_BOX

    assert atlas.beginRender() and atlas.seekTo(3)
    try:  # on an atlas page the map keeps its frame (not reshaped into the key and the table) and shows the space
        size = maps[0].sizeWithUnits()
        assert (size.width(), size.height()) == pytest.approx(MAP_BOX[2:])
        space = atlas.layout().reportContext().feature().geometry().boundingBox()
        assert maps[0].extent().contains(space) and maps[0].extent().width() < 3 * max(space.width(), space.height())
    finally:
        atlas.endRender()


def test_a_second_run_replaces_the_stored_layout(provider, town, english, tmp_path):
    from qgis.core import QgsProject

    spaces = town["spaces"]
    renderer = spaces.renderer().dump()
    profiles(town, tmp_path / "again.pdf", LANGUAGE=2, INPUT=spaces)
    names = [layout.name() for layout in QgsProject.instance().layoutManager().layouts()]
    assert names.count(LAYOUT) == 1
    assert spaces.renderer().dump() == renderer and spaces.featureCount() == 13  # the input keeps its style


def test_the_stored_layout_survives_saving_and_reopening_the_project(provider, town, tmp_path):
    """What a planner does next: save the project, open it again, restyle and export the layout."""
    import processing
    from qgis.core import QgsLayoutExporter, QgsProject, QgsVectorLayer

    from sozialraum.algorithms.reports.profile_layout import MAP_BOX, TABLE_TOP, enum
    from sozialraum.qgisio import compat

    spaces_file = tmp_path / "spaces.gpkg"
    processing.run("native:savefeatures", {"INPUT": town["spaces"], "OUTPUT": str(spaces_file)})
    project = QgsProject.instance()
    layer = QgsVectorLayer(str(spaces_file), "spaces", "ogr")
    project.addMapLayer(layer)
    try:
        profiles(town, tmp_path / "saved.pdf", INPUT=layer, BLOCKS=None, BLOCK_SPACE_FIELD=None, LAYOUT_NAME="Reopened")
        assert project.write(str(tmp_path / "town.qgz"))
        reopened = QgsProject()
        assert reopened.read(str(tmp_path / "town.qgz"))
        layout = reopened.layoutManager().layoutByName("Reopened")
        assert layout is not None and layout.atlas().enabled()
        assert layout.atlas().coverageLayer() is not None and layout.atlas().coverageLayer().featureCount() == 13
        settings = QgsLayoutExporter.PdfExportSettings()
        settings.textRenderFormat = compat.TEXT_AS_TEXT  # newer QGIS outlines text by default, as a user may choose
        result, _ = QgsLayoutExporter.exportToPdf(layout.atlas(), str(tmp_path / "again.pdf"), settings)
        assert result == enum(QgsLayoutExporter, "ExportResult", "Success") and pages(tmp_path / "again.pdf") == 13
        image = page_image(tmp_path / "again.pdf", 2, tmp_path)
        assert ink(image, (12, TABLE_TOP, 186, 140)) > 0.05 and ink(image, MAP_BOX) > 0.05  # table and map still there
        # the texts of table and chart come from the layout's variables: each page shows its own space's numbers
        from sozialraum.presentation.numbers import format_number

        for page, space in ((2, "02"), (5, "05")):
            residents = next(f["pop_total"] for f in layer.getFeatures() if f["space"] == space)
            text = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), str(tmp_path / "again.pdf"), "-"],
                                  capture_output=True, text=True, check=True).stdout
            assert f"Social space {space}" in text and format_number(residents, 0) in text, text[:300]
        reopened.clear()
    finally:
        manager = project.layoutManager()
        manager.removeLayout(manager.layoutByName("Reopened"))
        project.removeMapLayer(layer.id())


def test_pages_stay_small_and_their_numbers_are_text(provider, town, english):
    """Issue 18: a page of the sample town is at most 150 KB (1.8 MB before: Qt's SVG renderer outlined every
    text of the table and the chart, and the map drew every block in view); the table is searchable text."""
    from sozialraum.presentation.numbers import format_number

    size, count = english["pdf"].stat().st_size, pages(english["pdf"])
    assert size / count <= 150_000, f"{size / count / 1000:.0f} KB a page"
    space = next(f for f in town["spaces"].getFeatures() if f["space"] == "05")
    total = next(town["total"].getFeatures())
    page = 5  # the atlas is sorted by space id: 01 ... 12, tiny
    text = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), str(english["pdf"]), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "Social space 05" in text
    for expected in ("SGB II rate", format_number(space["sgb2_rate"], 1), format_number(total["sgb2_rate"], 1),
                     format_number(space["pop_total"], 0), "under 6"):
        assert expected in text, expected


def test_the_table_has_the_municipal_value_and_the_difference(provider, town, english):
    from sozialraum.presentation.numbers import format_number

    total = next(town["total"].getFeatures())
    space = next(f for f in town["spaces"].getFeatures() if f["space"] == "05")
    table = english["pdf"].with_name("profiles_files") / f"table_{space.id()}.svg"
    texts = svg_texts(table)
    row = texts.index("SGB II rate")
    assert texts[row + 2] == format_number(space["sgb2_rate"], 1)
    assert texts[row + 3] == format_number(total["sgb2_rate"], 1)  # all blocks: persons summed, then divided
    assert texts[row + 4].replace("\u2212", "-") == f"{space['sgb2_rate'] - total['sgb2_rate']:+.1f}"
    residents = texts.index("Residents")
    assert texts[residents + 3] == format_number(total["pop_total"], 0) and texts[residents + 4] == ""  # counts: no difference


def test_suppressed_values_are_printed_as_a_dot_with_a_footnote(provider, town, english):
    tiny = next(f for f in town["spaces"].getFeatures() if f["space"] == "tiny")
    hidden = [name.strip() for name in str(tiny["suppressed"]).split(",")]
    assert "share_u6" in hidden
    texts = svg_texts(english["pdf"].with_name("profiles_files") / f"table_{tiny.id()}.svg")
    assert texts[texts.index("Share under 6") + 2] == "."
    chart = svg_texts(english["pdf"].with_name("profiles_files") / f"age_{tiny.id()}.svg")
    assert "." in chart and not any(re.fullmatch(r"\d+\.\d", t) for t in chart)  # no shares of a space without rates
    text = subprocess.run(["pdftotext", str(english["pdf"]), "-"], capture_output=True, text=True, check=True).stdout
    assert "suppressed for statistical" in text


def test_german_pages_show_german_labels_and_decimal_commas(provider, town, tmp_path):
    pdf = tmp_path / "profile_de.pdf"
    result, _ = profiles(town, pdf, LANGUAGE=1, SAVE_LAYOUT=False, INPUT=town["spaces"])
    assert pages(pdf) == 13 and result["LAYOUT"] == ""
    space = next(f for f in town["spaces"].getFeatures() if f["space"] == "05")
    texts = svg_texts(pdf.with_name("profile_de_files") / f"table_{space.id()}.svg")
    assert "Einwohner insgesamt" in texts and "SGB-II-Quote" in texts
    assert texts[texts.index("SGB-II-Quote") + 2] == f"{space['sgb2_rate']:.1f}".replace(".", ",")
    chart = svg_texts(pdf.with_name("profile_de_files") / f"age_{space.id()}.svg")
    assert chart[0].startswith("Einwohner insgesamt: ") and "unter 6 Jahren" in chart
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "Sozialraum 05" in text
    # the index ran in English: its class labels appear in the page's language
    assert re.search(r"Sozialindex: Status (hoch|mittel|niedrig|sehr niedrig)", text), text[:400]
    assert "status" not in text


def test_png_folder_gets_one_image_per_space(provider, town, tmp_path):
    import processing

    few = processing.run("native:extractbyexpression", {"INPUT": town["spaces"], "EXPRESSION": "\"space\" IN ('01', '02')",
                                                        "OUTPUT": "memory:"})["OUTPUT"]
    result, _ = profiles(town, tmp_path / "two.pdf", INPUT=few, PNG_FOLDER=str(tmp_path / "png"), SAVE_LAYOUT=False)
    assert pages(tmp_path / "two.pdf") == 2
    assert sorted(p.name for p in (tmp_path / "png").glob("*.png")) == ["profile_01.png", "profile_02.png"]


def test_qgis_process_makes_the_pdf_without_keeping_a_layout(provider, town, qgis_process, tmp_path):  # noqa: F811
    import json

    import processing

    spaces = tmp_path / "two.gpkg"
    processing.run("native:extractbyexpression", {"INPUT": town["spaces"], "EXPRESSION": "\"space\" IN ('03', 'tiny')",
                                                  "OUTPUT": str(spaces)})
    done = qgis_process("run", "sozialraum:profiles", "--json", f"--INPUT={spaces}", "--ID_FIELD=space", "--LANGUAGE=1",
                        f"--OUTPUT={tmp_path / 'headless.pdf'}", f"--PNG_FOLDER={tmp_path / 'png'}")
    assert done.returncode == 0, done.stderr[-2000:]
    assert len(list((tmp_path / "png").glob("*.png"))) == 2
    # QGIS georeferences each image through GDAL, which cannot update a PNG: no "ERROR 6" per page
    assert "ERROR" not in done.stderr and "ERROR" not in done.stdout, done.stderr[-2000:]
    payload = json.loads(done.stdout)
    assert payload["results"]["N_PAGES"] == 2 and payload["results"]["LAYOUT"] == ""
    assert pages(tmp_path / "headless.pdf") == 2
    assert "the layout is not kept" in "\n".join(payload["log"]["info"])


def test_cancel_stops_soon_and_leaves_no_pdf(provider, town, tmp_path):
    import time

    import processing
    from qgis.core import QgsProcessingException, QgsProcessingFeedback

    feedback = QgsProcessingFeedback()
    cancelled_at = []

    def cancel_while_exporting(progress):
        # the export is the last of four stages (75-100 %); a timer came too late once the pages
        # took 0.2 s each (the whole run ended before it fired)
        if progress > 76 and not cancelled_at:
            cancelled_at.append(time.perf_counter())
            feedback.cancel()

    feedback.progressChanged.connect(cancel_while_exporting)
    with pytest.raises(QgsProcessingException, match="Cancelled by the user"):
        processing.run("sozialraum:profiles", {
            "INPUT": town["spaces"], "ID_FIELD": "space", "BLOCKS": town["blocks"], "SAVE_LAYOUT": False,
            "OUTPUT": str(tmp_path / "cancelled.pdf")}, feedback=feedback)
    assert cancelled_at and time.perf_counter() - cancelled_at[0] < 4.0
    assert not (tmp_path / "cancelled.pdf").exists()


def test_bad_input_gets_a_clear_message(provider, town, tmp_path):
    from qgis.core import QgsProcessingException

    empty = memory_layer("Polygon", "EPSG:25832", ["space:string", "pop_total:double"], [])
    with pytest.raises(QgsProcessingException, match="has no features"):
        profiles(town, tmp_path / "a.pdf", INPUT=empty, BLOCKS=None, BLOCK_SPACE_FIELD=None)
    few = memory_layer("Polygon", "EPSG:25832", ["space:string", "pop_total:double"], [(square(0, 0), ["a", 10.0])])
    with pytest.raises(QgsProcessingException, match=r"no field for \d+ indicators of the catalogue: .*share_u6"):
        profiles(town, tmp_path / "b.pdf", INPUT=few, BLOCKS=None, BLOCK_SPACE_FIELD=None)
    with pytest.raises(QgsProcessingException, match="'nothing' is not in the layer"):
        profiles(town, tmp_path / "c.pdf", ID_FIELD="nothing")
    assert not (tmp_path / "a.pdf").exists() and not (tmp_path / "b.pdf").exists()


def test_the_page_space_outline_is_drawn_over_an_overlapping_neighbour(qgis_app):
    """Drawn spaces may overlap: the page's own outline must not vanish under a neighbour's grey fill
    (an outside check: a space enlarged by 60 m looked smaller on its sheet than the area counted)."""
    from qgis.core import (
        QgsExpressionContext,
        QgsExpressionContextScope,
        QgsMapRendererSequentialJob,
        QgsMapSettings,
        QgsRectangle,
    )
    from qgis.PyQt.QtCore import QSize
    from qgis.PyQt.QtGui import QColor
    from qgis.PyQt.QtXml import QDomDocument

    from sozialraum.algorithms.reports.profile_layout import space_style
    from sozialraum.presentation.profile_svg import SPACE_COLOUR

    # the page's space (fid 1) first, the overlapping neighbour drawn after it
    layer = memory_layer("Polygon", "EPSG:25832", ["id:integer"], [(square(0, 0, 100), [1]), (square(80, 0, 100), [2])])
    page_fid = next(f.id() for f in layer.getFeatures() if f["id"] == 1)
    document = QDomDocument()
    document.setContent(space_style(layer, "''"))
    assert layer.importNamedStyle(document)[0]
    settings = QgsMapSettings()
    settings.setLayers([layer])
    settings.setDestinationCrs(layer.crs())
    settings.setExtent(QgsRectangle(-10, -10, 190, 110))
    settings.setOutputSize(QSize(400, 240))
    scope = QgsExpressionContextScope()
    scope.setVariable("atlas_featureid", page_fid)
    context = QgsExpressionContext()
    context.appendScope(scope)
    settings.setExpressionContext(context)
    job = QgsMapRendererSequentialJob(settings)
    job.start()
    job.waitForFinished()
    image = job.renderedImage()
    scale = image.width() / 200.0
    row = int(image.height() / 2)
    # the page space's right edge (x = 100) lies inside the neighbour
    column = int((100 + 10) * scale)
    colours = [QColor(image.pixel(c, row)) for c in range(column - 2, column + 3)]
    target = QColor(SPACE_COLOUR)
    assert any(abs(c.red() - target.red()) + abs(c.green() - target.green()) + abs(c.blue() - target.blue()) < 60
               for c in colours), [c.name() for c in colours]


def test_null_values_in_the_blocks_give_a_municipal_value_when_read_as_0(provider, town, tmp_path):
    """An outside check: the spaces' values came from a run reading NULL as 0, the municipal column
    read "x" beside them. The same option now exists here, and without it the log says why."""
    import processing

    blocks = processing.run("native:fieldcalculator", {
        "INPUT": town["blocks"], "FIELD_NAME": "unemployed", "FIELD_TYPE": 1,
        "FORMULA": 'CASE WHEN "block_id" < 40 THEN NULL ELSE "unemployed" END', "OUTPUT": "memory:"})["OUTPUT"]
    assert sum(1 for f in blocks.getFeatures() if f["unemployed"] is None or f["unemployed"] != f["unemployed"]
               or str(f["unemployed"]) == "NULL") > 0
    space = next(f for f in town["spaces"].getFeatures() if f["space"] == "05")
    expected = sum(f["unemployed"] for f in town["blocks"].getFeatures() if f["block_id"] >= 40)
    municipal = {}
    for as_zero in (False, True):
        pdf = tmp_path / f"zero{int(as_zero)}" / "profiles.pdf"
        pdf.parent.mkdir()
        _, feedback = profiles(town, pdf, BLOCKS=blocks, LANGUAGE=2, NULL_AS_ZERO=as_zero, SAVE_LAYOUT=False)
        texts = svg_texts(pdf.with_name("profiles_files") / f"table_{space.id()}.svg")
        municipal[as_zero] = texts[texts.index("Unemployed") + 3]
        assert ("municipal value of" in feedback.text) is not as_zero, feedback.text
    assert municipal[False] == "x"
    assert municipal[True] == format_number_of(expected)


def format_number_of(value):
    from sozialraum.presentation.numbers import format_number

    return format_number(value, 0)


def test_building_the_layout_logs_no_picture_errors(provider, english):
    """An outside check: every profiles run logged "Picture expression eval error" four times in the
    QGIS message log (the picture sources were evaluated before the atlas had a feature)."""
    assert not [m for m in english["messages"] if "Picture expression eval error" in m], english["messages"][:5]
