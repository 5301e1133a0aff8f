"""The web atlas's data preparation (algorithms/reports/atlas_data.py), QGIS-free: classes, legends, geometries, the folder."""
import json

import numpy as np
import pytest
from shapely.geometry import LineString, Point, Polygon, shape

from sozialraum.algorithms.reports.atlas_data import (
    MARKER,
    AtlasError,
    build_atlas,
    check_unique,
    folder_size,
    index_classes,
    indicator_classes,
    legend_texts,
    read_script,
    screen_geometry,
    write_atlas,
)
from sozialraum.engine.indicators import default_catalogue
from sozialraum.presentation.profile_table import profile_rows

TEXTS = {lang: {"group_poverty": f"poverty-{lang}"} for lang in ("de", "en")}


@pytest.fixture(scope="module")
def catalogue():
    return default_catalogue()


def test_classes_are_the_index_breaks_on_z_scores():
    values = [10.0, 20.0, 30.0, 40.0, 50.0, None]
    classes, limits = indicator_classes(values, (-1.0, 1.0, 1.5), sign=1)
    mean, sd = 30.0, float(np.std([10, 20, 30, 40, 50], ddof=1))
    assert limits == pytest.approx([mean - sd, mean + sd, mean + 1.5 * sd])
    # z = -1.26, -0.63, 0, 0.63, 1.26: below -1 -> 1, between -> 2, between 1 and 1.5 -> 3
    assert classes == [1, 2, 2, 2, 3, None]


def test_lower_is_worse_turns_the_classes_round():
    up, _ = indicator_classes([1.0, 2.0, 3.0, 4.0, 100.0], (-1.0, 1.0, 1.5), sign=1)
    down, limits = indicator_classes([1.0, 2.0, 3.0, 4.0, 100.0], (-1.0, 1.0, 1.5), sign=-1)
    assert up[-1] == 4 and down[-1] == 1  # the outlier is most need when higher is worse, least when lower is worse
    assert limits[0] > limits[1] > limits[2]  # value limits fall with the class
    assert legend_texts(limits, 1, "en", sign=-1)[0].startswith("\u2265")


def test_no_spread_gives_one_class_and_one_legend_entry():
    classes, limits = indicator_classes([5.0, 5.0, None], (-1.0, 1.0, 1.5))
    assert classes == [1, 1, None] and limits == []
    assert legend_texts(limits, 1, "de") == [""]


def test_index_values_are_classed_as_they_are_a_break_belongs_to_the_lower_class():
    classes, limits = index_classes([-1.0, -0.99, 1.0, 1.2, 1.5, 2.0, None], (-1.0, 1.0, 1.5))
    assert classes == [1, 2, 2, 3, 3, 4, None] and limits == [-1.0, 1.0, 1.5]


def test_legend_texts_in_both_number_formats():
    assert legend_texts([1234.5, 2000.0], 1, "en") == ["\u2264 1,234.5", "1,234.5 \u2013 2,000.0", "> 2,000.0"]
    assert legend_texts([1234.5, 2000.0], 1, "de") == ["\u2264 1.234,5", "1.234,5 \u2013 2.000,0", "> 2.000,0"]


def test_screen_geometry_simplifies_and_rounds():
    # a square with 400 points along its edges, about 1 km wide near 51° N
    ring = [(7.0 + 0.014 * i / 100, 51.0) for i in range(100)] + [(7.014, 51.0 + 0.009 * i / 100) for i in range(100)]
    ring += [(7.014 - 0.014 * i / 100, 51.009) for i in range(100)] + [(7.0, 51.009 - 0.009 * i / 100) for i in range(100)]
    polygon = Polygon(ring)
    simplified = screen_geometry(polygon, 3.0)
    assert simplified["type"] == "Polygon"
    assert len(simplified["coordinates"][0]) == 5  # the corners and the closing point
    assert all(len(str(c).split(".")[1]) <= 5 for point in simplified["coordinates"][0] for c in point)
    assert shape(simplified).area == pytest.approx(polygon.area, rel=1e-3)
    kept = screen_geometry(polygon, 0)  # no simplification: only rounding, which drops no corner
    assert len(kept["coordinates"][0]) > 300


def test_small_holes_are_filled_large_ones_kept():
    metre = 1 / 111_320.0  # in degrees of latitude; at 51° N a degree of longitude is 0.63 of it
    outer = [(7.0, 51.0), (7.0 + 1000 * metre / 0.629, 51.0), (7.0 + 1000 * metre / 0.629, 51.0 + 1000 * metre),
             (7.0, 51.0 + 1000 * metre)]

    def hole(x, y, size):
        return [(7.0 + x * metre / 0.629, 51.0 + y * metre), (7.0 + (x + size) * metre / 0.629, 51.0 + y * metre),
                (7.0 + (x + size) * metre / 0.629, 51.0 + (y + size) * metre), (7.0 + x * metre / 0.629, 51.0 + (y + size) * metre)]

    polygon = Polygon(outer, [hole(100, 100, 30), hole(500, 500, 200)])  # 900 m² and 4 ha
    drawn = screen_geometry(polygon, 3.0)
    assert len(drawn["coordinates"]) == 2  # the outline and the large hole


def test_screen_geometry_drops_what_rounding_collapses():
    speck = Point(7.0, 51.0).buffer(1e-7)
    assert screen_geometry(speck, 0) is None
    assert screen_geometry(None, 3) is None
    line = screen_geometry(LineString([(7.0, 51.0), (7.01, 51.0)]), 3)
    assert line == {"type": "LineString", "coordinates": [[7.0, 51.0], [7.01, 51.0]]}


def spaces_for(catalogue):
    """Three spaces with the default catalogue's age counts and SGB II persons; the third suppressed."""
    spaces = []
    for number, (pop, sgb2) in enumerate(((1000, 100), (2000, 500), (40, 4)), start=1):
        values = {"pop_total": pop, "pop_u6": pop * 0.06, "pop_6_14": pop * 0.09, "pop_15_17": pop * 0.03,
                  "pop_18_24": pop * 0.08, "pop_25_64": pop * 0.54, "pop_65plus": pop * 0.2, "sgb2_persons": sgb2}
        values["sgb2_rate"] = 100.0 * sgb2 / (pop * 0.8)
        spaces.append({"id": number, "name": f"Space {number}", "values": values, "suppressed": set(),
                       "index": [-1.2, 0.3, None][number - 1],
                       "class_label": {"de": ["Status hoch", "Status mittel", None][number - 1],
                                       "en": ["high status", "medium status", None][number - 1]},
                       "type": number})
    spaces[2]["suppressed"] = {"sgb2_rate", "sgb2_persons"}
    return spaces


def test_the_atlas_holds_the_profile_sheets_numbers(catalogue):
    spaces = spaces_for(catalogue)
    municipal = {"pop_total": 3040.0, "sgb2_rate": 25.0}
    index = {"de": "Sozialindex", "en": "Social index", "labels": {lang: ["a", "b", "c", "d"] for lang in ("de", "en")}}
    atlas = build_atlas(spaces, list(catalogue), municipal, TEXTS, index=index, language="en")
    entries = {entry["id"]: entry for entry in atlas["indicators"]}
    assert atlas["indicators"][0]["id"] == "si_index" and entries["si_index"]["classes"] == [1, 2, None]
    rate = entries["sgb2_rate"]
    for lang in ("de", "en"):
        rows = {row.indicator: row for row in profile_rows(list(catalogue), spaces[1]["values"], municipal, (), lang)}
        assert rate["texts"][lang][1] == rows["sgb2_rate"].value
        assert rate["differences"][lang][1] == rows["sgb2_rate"].difference
        assert rate["municipal_text"][lang] == rows["sgb2_rate"].municipal
    assert rate["texts"]["de"] == ["12,5", "31,2", "."]  # 31.25 as Python rounds it; the suppressed value is ".", and it has no class
    assert rate["classes"][2] is None and rate["values"][2] is None
    assert rate["group"] == {"de": "poverty-de", "en": "poverty-en"}
    assert entries["pop_total"]["texts"]["de"][1] == "2.000"
    assert atlas["age"]["total"] == "pop_total" and len(atlas["age"]["labels"]["de"]) == len(atlas["age"]["bars"][0])
    assert atlas["age"]["bars"][0][0][0] == pytest.approx(6.0)  # share under 6 in %
    assert [space["id"] for space in atlas["spaces"]] == ["1", "2", "3"]
    json.dumps(atlas, allow_nan=False)  # plain JSON: no NaN reaches the browser


def test_duplicate_ids_and_bad_breaks_are_refused(catalogue):
    with pytest.raises(AtlasError) as error:
        check_unique([1, "2", 2, 3, 3])
    assert error.value.details["values"] == ["2", "3"]
    with pytest.raises(AtlasError):
        build_atlas(spaces_for(catalogue), list(catalogue), {}, TEXTS, breaks=(1.0, -1.0))


def write(folder, catalogue, **extra):
    atlas = build_atlas(spaces_for(catalogue), list(catalogue), {}, TEXTS)
    layers = {"spaces": {"type": "FeatureCollection", "features": []}, "blocks": None}
    return write_atlas(folder, atlas, layers, **extra)


def test_the_folder_has_the_page_the_library_and_the_data(catalogue, tmp_path):
    folder = write(tmp_path / "atlas", catalogue)
    assert (folder / "index.html").is_file() and (folder / "vendor" / "leaflet" / "leaflet.js").is_file()
    assert (folder / "vendor" / "leaflet" / "LICENSE").is_file() and (folder / MARKER).is_file()
    assert not list(folder.rglob("*.md")) and not (folder / "data" / "blocks.js").exists()
    document = read_script(folder / "data" / "atlas.js")
    assert document["format"] == "sozialraum-atlas" and len(document["spaces"]) == 3
    page = (folder / "index.html").read_text(encoding="utf-8")
    assert "http://" not in page and "https://" not in page  # nothing from the network
    assert folder_size(folder) < 600_000


def test_an_earlier_atlas_is_replaced_other_folders_are_not(catalogue, tmp_path):
    folder = write(tmp_path / "atlas", catalogue)
    (folder / "data" / "stale.js").write_text("old", encoding="utf-8")
    write(folder, catalogue)
    assert not (folder / "data" / "stale.js").exists()
    other = tmp_path / "documents"
    other.mkdir()
    (other / "letter.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(AtlasError) as error:
        write(other, catalogue)
    assert error.value.code == "not_atlas" and (other / "letter.txt").read_text(encoding="utf-8") == "keep me"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no staging folder left


def test_an_input_inside_the_folder_is_refused(catalogue, tmp_path):
    folder = write(tmp_path / "atlas", catalogue)
    with pytest.raises(AtlasError) as error:
        write(folder, catalogue, inputs=[folder / "data" / "spaces.gpkg"])
    assert error.value.code == "input_inside" and (folder / "index.html").is_file()
