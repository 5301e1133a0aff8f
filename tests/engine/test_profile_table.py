"""The numbers and drawings of a profile page (presentation/profile_table.py, profile_svg.py), QGIS-free."""
import xml.etree.ElementTree as ET

import pytest

from sozialraum.engine.indicators import default_catalogue
from sozialraum.presentation.profile_svg import age_chart_svg, map_legend_svg, table_svg
from sozialraum.presentation.profile_table import ProfileRow, age_bars, difference, profile_rows, short_labels

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def catalogue():
    return default_catalogue()


def by_id(rows):
    return {row.indicator: row for row in rows}


def test_rows_show_value_municipal_value_and_difference(catalogue):
    values = {"pop_total": 4218.0, "sgb2_rate": 16.37, "hh_size": 1.985}
    municipal = {"pop_total": 153777.0, "sgb2_rate": 13.44, "hh_size": 2.051}
    rows = by_id(profile_rows(catalogue, values, municipal, lang="de"))
    assert (rows["pop_total"].value, rows["pop_total"].municipal, rows["pop_total"].difference) == ("4.218", "153.777", "")
    assert (rows["sgb2_rate"].value, rows["sgb2_rate"].municipal, rows["sgb2_rate"].difference) == ("16,4", "13,4", "+2,9")
    assert rows["hh_size"].difference == "\u22120,07"  # two decimals from the catalogue, a real minus sign
    assert rows["sgb2_rate"].label == "SGB-II-Quote" and rows["sgb2_rate"].unit == "%"
    assert [row.indicator for row in profile_rows(catalogue, {}, {})] == catalogue.ids


def test_suppressed_values_are_a_dot_and_missing_ones_an_x(catalogue):
    rows = by_id(profile_rows(catalogue, {"share_u6": None, "pop_u6": None}, {"share_u6": 5.5}, suppressed={"share_u6"}))
    assert (rows["share_u6"].value, rows["share_u6"].difference, rows["share_u6"].municipal) == (".", "", "5.5")
    assert rows["pop_u6"].value == "x" and rows["pop_u6"].municipal == "x"


def test_difference_of_equal_values_has_no_sign():
    assert difference(5.04, 5.0, 1, "en") == "0.0"
    assert difference(None, 5.0, 1, "en") == ""


def test_age_bars_are_the_shares_of_the_population_parts(catalogue):
    values = {"pop_total": 200.0, "pop_u6": 20.0, "pop_6_14": 30.0, "pop_15_17": 10.0, "pop_18_24": 20.0,
              "pop_25_64": 100.0, "pop_65plus": 20.0}
    municipal = dict(values, pop_u6=10.0)
    total, population, bars = age_bars(catalogue, values, municipal, lang="de")
    assert total.id == "pop_total" and population == 200.0
    assert [bar.label for bar in bars] == ["unter 6 Jahren", "6 bis 14 Jahre", "15 bis 17 Jahre", "18 bis 24 Jahre",
                                           "25 bis 64 Jahre", "65 Jahre und älter"]
    assert bars[0].share == pytest.approx(10.0) and bars[0].municipal_share == pytest.approx(5.0)
    _, _, hidden = age_bars(catalogue, values, municipal, suppressed={"share_u6", "pop_u6", "pop_6_14"})
    assert hidden[0].share is None and hidden[0].suppressed and hidden[1].share is None and hidden[2].share == pytest.approx(5.0)
    # a rate hidden although its count is published: the space has no rates (too few residents), no bar at all
    _, _, small = age_bars(catalogue, values, municipal, suppressed={"share_u6"})
    assert all(bar.share is None and bar.suppressed for bar in small)
    assert small[0].municipal_share == pytest.approx(5.0)


def test_short_labels_drop_the_common_first_words():
    assert short_labels(["Residents under 6", "Residents 6 to 14"]) == ["under 6", "6 to 14"]
    assert short_labels(["A b", "C d"]) == ["A b", "C d"]


def texts(svg):
    return [element.text for element in ET.fromstring(svg.encode("utf-8")).iter(f"{SVG}text")]


def test_svgs_are_well_formed_and_escape_every_text(catalogue):
    rows = [ProfileRow("x", "<script>alert(1)</script> & co", "%", "1", "2", "+1", "g")]
    svg = table_svg(rows, ["Indicator", "Unit", "Space", "Town", "Difference"])
    assert "<script>" not in svg and "<script>alert(1)</script> & co" in texts(svg)
    _, _, bars = age_bars(catalogue, {"pop_total": 10.0, "pop_u6": 5.0}, {})
    chart = age_chart_svg(bars, "Residents: 10", "Age <structure>", ("this space", "municipality"))
    assert "Age <structure>" in texts(chart) and "50.0" in texts(chart)
    assert "municipality" not in texts(chart)  # no municipal marks drawn, so no key for them
    _, _, with_town = age_bars(catalogue, {"pop_total": 10.0, "pop_u6": 5.0}, {"pop_total": 20.0, "pop_u6": 2.0})
    assert "municipality" in texts(age_chart_svg(with_town, "t", "s", ("this space", "municipality")))
    assert "no data" in texts(age_chart_svg([], "t", "s", ("a", "b"), no_data="no data"))
    assert texts(map_legend_svg([("space", "this space"), ("neighbour", "neighbours")])) == ["this space", "neighbours"]


def test_every_row_of_a_long_catalogue_fits_the_table_frame():
    rows = [ProfileRow(str(k), f"Indicator {k}", "%", "1", "2", "", "g") for k in range(80)]
    root = ET.fromstring(table_svg(rows, ["a", "b", "c", "d", "e"], height=150.0).encode("utf-8"))
    baselines = [float(element.get("y")) for element in root.iter(f"{SVG}text")]
    assert max(baselines) < 150.0 and len(baselines) == 81 * 5
