"""The web atlas in a real browser: Debian's headless Chromium, driven by Selenium, from file://, offline.

The atlas is the one sozialraum:atlas writes for the sample town (test_atlas.py's fixture); the
browser gets no network and a fresh profile (scripts/headless_chromium.py).
"""
import json
import time

import pytest
from headless_chromium import browser, missing, open_atlas

from sozialraum.algorithms.reports.atlas_data import read_script

from .test_atlas import atlas, run_atlas  # noqa: F401 (the sample town's atlas)
from .test_profiles import town  # noqa: F401

pytestmark = pytest.mark.skipif(bool(missing()), reason=f"{missing()} is not installed (scripts/install_system_packages.sh)")


@pytest.fixture(scope="module")
def page(atlas):  # noqa: F811
    with browser() as driver:
        open_atlas(driver, atlas["folder"] / "index.html")
        yield driver


def screenshot(driver, selector):
    from qgis.PyQt.QtGui import QImage

    image = QImage.fromData(driver.find_element("css selector", selector).screenshot_as_png)
    assert not image.isNull()
    return image


def colours(image, step=4):
    """How often each colour occurs (every ``step``-th pixel)."""
    counts = {}
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            name = image.pixelColor(x, y).name()
            counts[name] = counts.get(name, 0) + 1
    return counts


def fills(driver):
    return driver.execute_script(
        "var out = {}; document.querySelectorAll('path[data-space]').forEach(function (p) {"
        " out[p.getAttribute('data-space')] = p.getAttribute('fill'); }); return out;")


def click_space(driver, atlas, space):  # noqa: F811
    """Click with the mouse on a point inside ``space`` (found from the atlas's own GeoJSON)."""
    from selenium.webdriver.common.action_chains import ActionChains
    from shapely.geometry import shape

    geojson = next(f for f in atlas["spaces"]["features"] if f["properties"]["id"] == space)
    inside = shape(geojson["geometry"]).representative_point()
    x, y = driver.execute_script(
        "var p = SozialraumAtlas.map().latLngToContainerPoint([arguments[0], arguments[1]]); return [p.x, p.y];",
        inside.y, inside.x)
    hit = driver.execute_script(
        "var box = document.getElementById('map').getBoundingClientRect();"
        "var node = document.elementFromPoint(box.left + arguments[0], box.top + arguments[1]);"
        "return node && node.getAttribute('data-space');", x, y)
    assert hit == space, f"the point inside space {space} is covered by {hit}"
    element = driver.find_element("id", "map")
    size = element.size
    ActionChains(driver).move_to_element_with_offset(element, x - size["width"] / 2, y - size["height"] / 2).click().perform()


def profile_cell(driver, indicator, column):
    return driver.find_element("css selector", f'#profile-table tr[data-indicator="{indicator}"] td.{column}').text


def test_the_map_draws_from_file_without_errors(page):
    assert page.current_url.startswith("file://")
    errors = [entry for entry in page.get_log("browser") if entry["level"] == "SEVERE"]
    assert errors == []
    image = screenshot(page, "#map")
    counts = colours(image)
    total = sum(counts.values())
    palette = {"#ffffb2", "#fecc5c", "#fd8d3c", "#e31a1c"}  # the index classes (YlOrRd)
    coloured = sum(n for name, n in counts.items() if name in palette)
    assert coloured / total > 0.2  # the town fills a good part of the map
    assert len([name for name in palette if counts.get(name, 0) > 20]) >= 2  # more than one class shows
    assert len(page.find_elements("css selector", "path[data-space]")) == 13


def test_a_click_on_a_space_opens_its_profile_with_its_numbers(page, atlas, town):  # noqa: F811
    click_space(page, atlas, "01")
    title = page.find_element("id", "profile-title").text
    assert title == "Sozialraum 01"
    district = next(f for f in town["spaces"].getFeatures() if f["space"] == "01")
    assert profile_cell(page, "sgb2_rate", "value") == f"{district['sgb2_rate']:.1f}".replace(".", ",")
    residents = f"{int(district['pop_total']):,}".replace(",", ".")
    assert profile_cell(page, "pop_total", "value") == residents
    municipal = sum(block["pop_total"] for block in town["blocks"].getFeatures())
    assert profile_cell(page, "pop_total", "municipal") == f"{int(municipal):,}".replace(",", ".")
    rate = next(item for item in atlas["data"]["indicators"] if item["id"] == "sgb2_rate")
    assert profile_cell(page, "sgb2_rate", "municipal") == rate["municipal_text"]["de"]
    assert len(page.find_elements("css selector", "#profile-age .age-row")) == 6  # the age chart's groups
    assert page.find_element("css selector", '#spaces-table tr[data-space="01"]').get_attribute("aria-current") == "true"


def test_suppressed_values_show_as_dots(page):
    page.execute_script("SozialraumAtlas.select('tiny')")
    assert profile_cell(page, "share_u6", "value") == "."
    assert profile_cell(page, "share_u6", "difference") == ""


def test_another_indicator_recolours_the_map(page):
    from selenium.webdriver.support.ui import Select

    before, image_before = fills(page), screenshot(page, "#map")
    Select(page.find_element("id", "indicator")).select_by_value("share_65plus")
    after, image_after = fills(page), screenshot(page, "#map")
    assert sum(before[space] != after[space] for space in before) >= 3
    assert set(after.values()) <= {"#eff3ff", "#bdd7e7", "#6baed6", "#2171b5", "#bdbdbd", "#f2f2f2"}  # neutral: blues
    assert image_before != image_after
    assert page.find_element("css selector", "#legend strong").text.startswith("Anteil 65 Jahre und älter")
    assert "#indicator=share_65plus" in page.current_url or "indicator=share_65plus" in page.current_url


def test_the_language_switch(page):
    page.execute_script("SozialraumAtlas.select('01')")
    residents_de = profile_cell(page, "pop_total", "value")
    page.find_element("css selector", 'button[data-language="en"]').click()
    assert page.find_element("id", "title").text == "Social space atlas"
    assert page.find_element("tag name", "html").get_attribute("lang") == "en"
    assert page.find_element("id", "profile-title").text == "Social space 01"
    assert profile_cell(page, "pop_total", "value") == residents_de.replace(".", ",")
    assert page.find_element("css selector", "#legend strong").text.startswith("Share 65 and over")
    assert page.find_element("css selector", ".leaflet-control-zoom-in").get_attribute("title") == "Zoom in"
    page.find_element("css selector", 'button[data-language="de"]').click()
    assert page.find_element("id", "title").text == "Sozialraum-Atlas"
    assert page.find_element("css selector", ".leaflet-control-zoom-in").get_attribute("title") == "Hineinzoomen"


def test_the_table_is_searched_and_worked_by_keyboard(page):
    from selenium.webdriver.common.keys import Keys

    search = page.find_element("id", "search")
    search.clear()
    search.send_keys("tiny")
    assert [row.get_attribute("data-space") for row in page.find_elements("css selector", "#spaces-table tbody tr")] == ["tiny"]
    search.send_keys(Keys.BACKSPACE * 4)
    rows = page.find_elements("css selector", "#spaces-table tbody tr")
    assert len(rows) == 13
    page.execute_script("SozialraumAtlas.select(null)")
    search = page.find_element("id", "search")
    search.click()
    for _ in range(12):  # Tab from the search box over the sort buttons into the table
        search.send_keys(Keys.TAB) if _ == 0 else page.switch_to.active_element.send_keys(Keys.TAB)
        if page.switch_to.active_element.tag_name == "tr":
            break
    focused = page.switch_to.active_element
    assert focused.tag_name == "tr"
    first = focused.get_attribute("data-space")
    focused.send_keys(Keys.ARROW_DOWN)
    second = page.switch_to.active_element.get_attribute("data-space")
    assert second != first
    page.switch_to.active_element.send_keys(Keys.ENTER)
    assert page.find_element("id", "profile-title").text.endswith(" " + second)


def test_the_print_view_shows_only_the_profile(page):
    page.execute_script("SozialraumAtlas.select('01'); document.body.classList.add('print-profile')")
    page.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        assert not page.find_element("id", "map").is_displayed()
        assert not page.find_element("id", "spaces-table").is_displayed()
        assert page.find_element("id", "profile-table").is_displayed()
        assert not page.find_element("id", "print").is_displayed()
        # a map of the space and its neighbours above the numbers, drawn by Leaflet, labelled
        box = page.find_element("id", "print-map")
        assert box.is_displayed() and box.rect["width"] >= 600 and box.rect["height"] >= 400
        assert box.rect["y"] < page.find_element("id", "profile-table").rect["y"]
        selected = page.find_element("css selector", '#print-map path[data-print-space="01"]')
        assert selected.get_attribute("fill") == "#fdb863" and selected.get_attribute("stroke-width") == "3.5"
        labels = [label.text for label in page.find_elements("css selector", "#print-map .print-label")]
        assert "01" in labels and len(labels) >= 3  # the space and at least two neighbours by name
        drawn = selected.rect  # the space drawn large on the map, not a dot
        assert drawn["width"] > 150 and box.rect["x"] <= drawn["x"] and drawn["x"] + drawn["width"] <= box.rect["x"] + box.rect["width"] + 1
    finally:
        page.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
        page.execute_script("document.body.classList.remove('print-profile')")


def test_readable_on_a_phone(atlas):  # noqa: F811
    with browser(390, 844) as phone:
        open_atlas(phone, atlas["folder"] / "index.html", "#space=01")
        width = phone.execute_script("return document.documentElement.scrollWidth")
        assert width <= 390  # nothing wider than the screen: no sideways scrolling of the page
        box = phone.find_element("id", "map").rect
        assert box["width"] <= 390 and box["height"] > 250
        profile = phone.find_element("id", "profile").rect
        assert profile["y"] >= box["y"] + box["height"]  # the profile below the map, not beside it
        size = phone.execute_script("return parseFloat(getComputedStyle(document.querySelector('#profile-table')).fontSize)")
        assert size >= 12
        table = phone.find_element("id", "profile-table").rect
        assert table["width"] <= 390


def test_expert_comments_are_downloaded_as_json(town, tmp_path):  # noqa: F811
    folder = tmp_path / "atlas"
    run_atlas(town, folder, COMMENTS=True, LANGUAGE=2)
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    with browser(downloads=downloads) as driver:
        open_atlas(driver, folder / "index.html", "#space=03")
        driver.find_element("id", "comment-author").send_keys("Jugendamt, A. Muster")
        driver.find_element("id", "comment-text").send_keys("The boundary should follow the railway.")
        assert driver.find_element("id", "comment-count").text == "1 spaces commented"
        driver.find_element("id", "comment-download").click()
        deadline = time.time() + 10
        while time.time() < deadline and not list(downloads.glob("*.json")):
            time.sleep(0.2)
    files = list(downloads.glob("*.json"))
    assert len(files) == 1
    comments = json.loads(files[0].read_text(encoding="utf-8"))
    assert comments["format"] == "sozialraum-atlas-comments" and comments["author"] == "Jugendamt, A. Muster"
    assert comments["comments"] == [{"space": "03", "text": "The boundary should follow the railway."}]
    assert read_script(folder / "data" / "atlas.js")["comments"] is True
    # read back for the consultation: a proposal on a space the consultation knows
    from sozialraum.algorithms.reports.atlas_comments import read_comments

    spaces = [str(f["space"]) for f in town["spaces"].getFeatures()]
    [proposal] = read_comments(files[0], spaces)
    assert (proposal.author, proposal.space, proposal.known) == ("Jugendamt, A. Muster", "03", True)


def lightness(css_colour):
    """CIE L* of an 'rgb(r, g, b)' colour: what stays of a colour for every kind of colour blindness."""
    red, green, blue = (int(part) / 255 for part in css_colour[css_colour.index("(") + 1:css_colour.index(")")].split(",")[:3])

    def linear(c):
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    y = 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
    return 116 * (y ** (1 / 3) if y > 216 / 24389 else (24389 / 27 * y + 16) / 116) - 16


@pytest.mark.parametrize("indicator", ["sgb2_rate", "share_65plus"])
def test_the_classes_differ_in_lightness_for_colour_blind_readers(page, indicator):
    from selenium.webdriver.support.ui import Select

    Select(page.find_element("id", "indicator")).select_by_value(indicator)
    swatches = page.find_elements("css selector", "#legend .swatch")[:4]  # the classes, before '.' and 'x'
    levels = [lightness(swatch.value_of_css_property("background-color")) for swatch in swatches]
    assert all(earlier - later >= 10 for earlier, later in zip(levels, levels[1:])), levels  # darker = more


def test_the_same_folder_works_from_a_web_server(atlas):  # noqa: F811
    import functools
    import threading
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(atlas["folder"])))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        with browser() as driver:
            from selenium.webdriver.support.ui import WebDriverWait

            driver.get(f"http://127.0.0.1:{server.server_address[1]}/index.html#space=01&lang=en")
            WebDriverWait(driver, 20).until(lambda d: d.execute_script(
                "return document.body.getAttribute('data-ready') === 'true'"))
            assert len(driver.find_elements("css selector", "path[data-space]")) == 13
            assert driver.find_element("id", "profile-title").text == "Social space 01"
            assert [e for e in driver.get_log("browser") if e["level"] == "SEVERE"] == []
    finally:
        server.shutdown()
        server.server_close()
