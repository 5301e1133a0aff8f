"""The population histogram of the delineation report (presentation/histogram.py, QGIS-free SVG)."""
import xml.etree.ElementTree as ET

import pytest

from sozialraum.presentation.histogram import bins, nice_step, population_histogram

SVG = "{http://www.w3.org/2000/svg}"
TEXTS = {"title": "Residents per space", "x_axis": "Residents per space", "y_axis": "Number of spaces",
         "floor": "Minimum", "ceiling": "Maximum", "below": "below the minimum", "inside": "within the bounds",
         "above": "above the maximum"}


def parse(svg):
    return ET.fromstring(svg)


def x_scale(root):
    """Plot x of a population value, read back from the x ticks (first two ticks: 0 and one step)."""
    ticks = [t for t in root.iter(f"{SVG}text") if t.get("class") == "xtick"]
    x0, x1 = float(ticks[0].get("x")), float(ticks[1].get("x"))
    step = float(ticks[1].text.replace(",", "").replace(".", ""))
    return lambda value: x0 + (x1 - x0) * value / step


def test_nice_steps_are_round():
    assert nice_step(9000, 15) == 1000
    assert nice_step(8925, 6) == 2000
    assert nice_step(37, 5) == 10
    assert nice_step(120, 5) == 25 and nice_step(130, 5) == 50


def test_bins_count_every_space_in_its_group():
    width, counts = bins([500, 800, 4200, 4300, 9000], 700, 8500)
    assert width == 500
    assert sum(sum(c.values()) for c in counts) == 5
    assert counts[1] == {"below": 1, "inside": 1, "above": 0}  # 500 and 800 share the bin 500-1000, in their own groups
    assert counts[8]["inside"] == 2 and counts[18]["above"] == 1


def test_floor_and_ceiling_are_marked_where_they_are():
    populations = [650, 1200, 3000, 4100, 4500, 5200, 8000, 9100]
    root = parse(population_histogram(populations, 700, 8500, TEXTS))
    lines = {line.get("class"): line for line in root.iter(f"{SVG}line") if line.get("class")}
    scale = x_scale(root)
    assert float(lines["floor"].get("data-value")) == 700 and float(lines["ceiling"].get("data-value")) == 8500
    assert float(lines["floor"].get("x1")) == pytest.approx(scale(700), abs=0.2)
    assert float(lines["ceiling"].get("x1")) == pytest.approx(scale(8500), abs=0.2)
    labels = [t.text for t in root.iter(f"{SVG}text") if t.get("class") in ("floor", "ceiling")]
    assert labels == ["Minimum 700", "Maximum 8,500"]
    bars = [r for r in root.iter(f"{SVG}rect") if "bar" in (r.get("class") or "")]
    assert sum(int(r.get("data-count")) for r in bars) == len(populations)
    groups = {r.get("class").split()[1]: int(r.get("data-count")) for r in bars if "inside" not in r.get("class")}
    assert groups == {"below": 1, "above": 1}
    # the bar of the space above the ceiling lies right of the ceiling line
    above = next(r for r in bars if "above" in r.get("class"))
    assert float(above.get("x")) >= float(lines["ceiling"].get("x1")) - float(above.get("width"))
    axis = [t.text for t in root.iter(f"{SVG}text") if t.get("class") == "axis"]
    assert axis == ["Residents per space", "Number of spaces"]


def test_bar_heights_are_proportional_to_counts():
    root = parse(population_histogram([1000, 1100, 1200, 5000], 700, 8500, TEXTS))
    bars = {int(r.get("data-count")): float(r.get("height")) for r in root.iter(f"{SVG}rect") if "bar" in (r.get("class") or "")}
    assert bars[3] == pytest.approx(3 * bars[1], rel=0.01)


def test_german_numbers_and_escaped_texts():
    texts = dict(TEXTS, x_axis="Einwohner <je> Raum & mehr", floor="Untergrenze", ceiling="Obergrenze")
    svg = population_histogram([2000, 12000], 700, 8500, texts, lang="de")
    assert "<je>" not in svg and "Einwohner &lt;je&gt; Raum &amp; mehr" in svg
    root = parse(svg)  # still well-formed XML
    labels = [t.text for t in root.iter(f"{SVG}text") if t.get("class") in ("floor", "ceiling")]
    assert labels == ["Untergrenze 700", "Obergrenze 8.500"]
    assert "10.000" in [t.text for t in root.iter(f"{SVG}text") if t.get("class") == "xtick"]


def test_no_spaces_still_gives_a_plot_with_the_bounds():
    root = parse(population_histogram([], 700, 8500, TEXTS))
    assert not [r for r in root.iter(f"{SVG}rect") if "bar" in (r.get("class") or "")]
    assert {line.get("class") for line in root.iter(f"{SVG}line")} >= {"floor", "ceiling"}


def test_infinite_and_missing_populations_are_left_out_not_a_crash():
    # issue 18: an infinite population stopped delineate with OverflowError from the histogram
    width, counts = bins([500, float("inf"), float("-inf"), float("nan"), None, 800], 700, 8500)
    assert sum(sum(c.values()) for c in counts) == 2 and width == 500
    root = parse(population_histogram([500, float("inf"), 800], 700, 8500, TEXTS))
    bars = [r for r in root.iter(f"{SVG}rect") if "bar" in (r.get("class") or "")]
    assert sum(int(bar.get("data-count")) for bar in bars) == 2
