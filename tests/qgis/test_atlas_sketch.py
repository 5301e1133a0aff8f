"""An expert's free-hand sketch in the web atlas, downloaded and imported into the consultation dock.

Headless Chromium (scripts/headless_chromium.py) draws with the mouse on the atlas of the sample town
(test_profiles.town), the file it downloads goes into a dock session on the town's blocks: a proposal
row in the decision log and the sketch in the layer 'Expert sketches', on the space it was drawn on.
"""
import json
import time

import pytest
from headless_chromium import browser, missing, open_atlas

from .test_atlas import run_atlas
from .test_profiles import town  # noqa: F401

pytestmark = pytest.mark.skipif(bool(missing()), reason=f"{missing()} is not installed (scripts/install_system_packages.sh)")

SPACE = "03"
TEXT = "Die Grenze sollte an der Bahn verlaufen."


def inside_points(atlas_spaces, space, count=6):
    """Points (lon, lat) across the inside of ``space``, from the atlas's own GeoJSON."""
    from shapely.geometry import LineString, shape

    polygon = shape(next(f for f in atlas_spaces["features"] if f["properties"]["id"] == space)["geometry"])
    inner = polygon.buffer(-0.15 * (polygon.area ** 0.5))  # well inside: every point of the stroke in the space
    box = inner.bounds
    across = LineString([(box[0], (box[1] + box[3]) / 2), (box[2], (box[1] + box[3]) / 2)]).intersection(inner)
    line = max(getattr(across, "geoms", [across]), key=lambda part: part.length)
    return [line.interpolate(i / (count - 1), normalized=True).coords[0] for i in range(count)]


def draw(driver, points):
    """Press, move through ``points`` (lon, lat) and release with the mouse on the map."""
    from selenium.webdriver.common.action_chains import ActionChains

    element = driver.find_element("id", "map")
    size = element.size
    pixels = [driver.execute_script(
        "var p = SozialraumAtlas.map().latLngToContainerPoint([arguments[0], arguments[1]]); return [p.x, p.y];",
        lat, lon) for lon, lat in points]
    actions = ActionChains(driver, duration=20)
    x, y = pixels[0]
    actions.move_to_element_with_offset(element, x - size["width"] / 2, y - size["height"] / 2).click_and_hold()
    for (x0, y0), (x1, y1) in zip(pixels, pixels[1:]):
        actions.move_by_offset(x1 - x0, y1 - y0)
    actions.release().perform()


@pytest.fixture(scope="module")
def comment_atlas(town, tmp_path_factory):  # noqa: F811
    """The sample town's atlas with expert comments: (folder, its spaces' GeoJSON)."""
    from sozialraum.algorithms.reports.atlas_data import read_script

    folder = tmp_path_factory.mktemp("sketch") / "atlas"
    run_atlas(town, folder, COMMENTS=True)
    return folder, read_script(folder / "data" / "spaces.js")


@pytest.fixture(scope="module")
def downloaded(comment_atlas, tmp_path_factory):
    """A comment with a sketch on space 03 drawn with the mouse, the file downloaded."""
    folder, spaces = comment_atlas
    root = tmp_path_factory.mktemp("downloads")
    downloads = root / "downloads"
    downloads.mkdir()
    points = inside_points(spaces, SPACE)
    with browser(downloads=downloads) as driver:
        open_atlas(driver, folder / "index.html", f"#space={SPACE}")
        driver.find_element("id", "comment-author").send_keys("Jugendamt, A. Muster")
        driver.find_element("id", "comment-text").send_keys(TEXT)
        start = driver.find_element("id", "sketch-start")
        start.click()
        assert start.get_attribute("aria-pressed") == "true"
        draw(driver, points)
        count = driver.find_element("id", "sketch-count").text
        title = driver.find_element("id", "profile-title").text  # drawing over the spaces selects none
        strokes = len(driver.find_elements("css selector", "#map path[stroke='#c51b7d']"))
        shot = driver.find_element("id", "map-section").screenshot_as_png
        # the keyboard: the cross in the middle of the map, Enter sets a point, the arrow keys move the map
        from selenium.webdriver.common.keys import Keys

        driver.execute_script("SozialraumAtlas.map().setView(arguments[0], SozialraumAtlas.map().getZoom(), "
                              "{animate: false})", [points[2][1], points[2][0]])
        box = driver.find_element("id", "map")
        box.send_keys(Keys.ENTER)
        box.send_keys(Keys.ARROW_RIGHT)
        time.sleep(0.5)  # Leaflet pans with an animation
        box.send_keys(Keys.ENTER)
        box.send_keys(Keys.ESCAPE)
        keyboard_count = driver.find_element("id", "sketch-count").text
        driver.find_element("id", "sketch-undo").click()  # the keyboard line goes again: the file has the drawn one
        start.click()
        assert start.get_attribute("aria-pressed") == "false"
        driver.find_element("id", "comment-download").click()
        deadline = time.time() + 10
        while time.time() < deadline and not list(downloads.glob("*.json")):
            time.sleep(0.2)
        errors = [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
    files = list(downloads.glob("*.json"))
    assert len(files) == 1
    return {"file": files[0], "points": points, "count": count, "keyboard_count": keyboard_count, "title": title,
            "strokes": strokes, "errors": errors, "screenshot": shot, "spaces": spaces}


def test_a_sketch_drawn_with_the_mouse_is_downloaded_as_geojson(downloaded):
    from shapely.geometry import LineString, shape

    assert downloaded["errors"] == []
    assert downloaded["count"] == "1 Linie für diesen Raum skizziert"
    assert downloaded["keyboard_count"] == "2 Linien für diesen Raum skizziert"
    assert downloaded["title"] == f"Sozialraum {SPACE}"
    assert downloaded["strokes"] >= 1
    from qgis.PyQt.QtGui import QImage

    image = QImage.fromData(downloaded["screenshot"])  # the line is on the map, magenta over a white edge
    magenta = sum(1 for y in range(0, image.height(), 2) for x in range(0, image.width(), 2)
                  if image.pixelColor(x, y).name() == "#c51b7d")
    assert magenta > 20
    document = json.loads(downloaded["file"].read_text(encoding="utf-8"))
    [comment] = document["comments"]
    assert (comment["space"], comment["text"]) == (SPACE, TEXT)
    assert comment["sketch"]["type"] == "MultiLineString"
    [stroke] = comment["sketch"]["coordinates"]
    assert len(stroke) >= 3
    drawn = LineString(stroke)
    wanted = LineString(downloaded["points"])
    polygon = shape(next(f for f in downloaded["spaces"]["features"] if f["properties"]["id"] == SPACE)["geometry"])
    # where the mouse went: within a few pixels of the points it was moved through, inside the space
    assert drawn.hausdorff_distance(wanted) < 0.1 * wanted.length
    assert polygon.buffer(1e-4).contains(drawn)


def test_on_a_phone_a_finger_draws_and_nothing_is_wider_than_the_screen(comment_atlas):
    from selenium.webdriver.common.actions import interaction
    from selenium.webdriver.common.actions.action_builder import ActionBuilder
    from selenium.webdriver.common.actions.pointer_input import PointerInput

    folder, spaces = comment_atlas
    points = inside_points(spaces, SPACE)
    with browser(390, 844) as phone:
        open_atlas(phone, folder / "index.html", f"#space={SPACE}")
        start = phone.find_element("id", "sketch-start")
        phone.execute_script("arguments[0].scrollIntoView({block: 'center'})", start)
        start.click()
        phone.execute_script("document.getElementById('map').scrollIntoView()")
        box = phone.find_element("id", "map")
        assert box.value_of_css_property("touch-action") == "none"  # a finger draws instead of scrolling the page
        pixels = [phone.execute_script(
            "var p = SozialraumAtlas.map().latLngToContainerPoint([arguments[0], arguments[1]]); return [p.x, p.y];",
            lat, lon) for lon, lat in points]
        finger = ActionBuilder(phone, mouse=PointerInput(interaction.POINTER_TOUCH, "finger"))
        finger.pointer_action.move_to(box, round(pixels[0][0] - box.size["width"] / 2),
                                      round(pixels[0][1] - box.size["height"] / 2)).pointer_down()
        for x, y in pixels[1:]:
            finger.pointer_action.move_to(box, round(x - box.size["width"] / 2), round(y - box.size["height"] / 2))
        finger.pointer_action.pointer_up()
        finger.perform()
        strokes = phone.execute_script("return SozialraumAtlas.commentFile().comments")
        assert phone.execute_script("return document.documentElement.scrollWidth") <= 390
        heights = [b.rect["height"] for b in phone.find_elements("css selector", ".sketch-buttons button:not([hidden])")]
    [comment] = strokes
    assert comment["space"] == SPACE and len(comment["sketch"]["coordinates"]) == 1
    assert len(comment["sketch"]["coordinates"][0]) >= 3
    assert len(heights) == 4 and min(heights) >= 32  # big enough for a finger


def test_the_downloaded_file_becomes_a_proposal_and_a_sketch_in_the_dock(downloaded, town, qgis_canvas, qgis_new_project):  # noqa: F811
    from qgis.core import QgsGeometry, QgsProject

    from sozialraum.ui.consultation_dock import ConsultationDock

    blocks = town["blocks"]
    QgsProject.instance().addMapLayer(blocks)
    dock = ConsultationDock(None, qgis_canvas)
    dock.layer_combo.setLayer(blocks)
    dock.space_combo.setField("space")
    dock.population_combo.setField("pop_total")
    dock.lower_spin.setValue(1)
    dock.upper_spin.setValue(1e8)
    try:
        assert dock.open_session() is not None, dock.message_label.text()
        before = len(dock.log_rows())
        outcome = dock.import_expert_comments([str(downloaded["file"])])
        assert (outcome.added, outcome.sketches, outcome.problems) == (1, 1, [])
        [row] = dock.log_rows()[before:]
        assert (row.kind, row.author, row.to_spaces, row.reason, row.blocks) == ("proposal", "Jugendamt, A. Muster",
                                                                                  SPACE, TEXT, 0)
        layer = outcome.sketch_layer
        assert layer.crs() == blocks.crs()
        [sketch] = layer.getFeatures()
        assert (sketch["author"], sketch["space"], sketch["text"]) == ("Jugendamt, A. Muster", SPACE, TEXT)
        line = sketch.geometry()
        space = next(f for f in town["spaces"].getFeatures() if f["space"] == SPACE).geometry()
        assert space.contains(line) and line.length() > 100  # on space 03, where it was drawn
        on_blocks = QgsGeometry.unaryUnion([f.geometry() for f in blocks.getFeatures() if f["space"] == SPACE])
        assert line.intersection(on_blocks).length() > 0.5 * line.length()  # over its blocks, not only its streets
        # the same file again: nothing twice
        again = dock.import_expert_comments([str(downloaded["file"])])
        assert (again.added, again.already, again.sketches) == (0, 1, 0)
        assert len(dock.log_rows()) == before + 1 and layer.featureCount() == 1
        assert "already" in dock.message_label.text()
    finally:
        dock.close_session()
        dock.deleteLater()
