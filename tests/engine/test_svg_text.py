"""The texts of the profile SVGs apart from their shapes (presentation/svg_text.py), QGIS-free."""
import xml.etree.ElementTree as ET

import pytest

from sozialraum.engine.indicators import default_catalogue
from sozialraum.presentation.profile_svg import age_chart_svg, map_legend_svg, table_svg
from sozialraum.presentation.profile_table import ProfileRow, age_bars
from sozialraum.presentation.svg_text import SvgText, split_texts

SVG = "{http://www.w3.org/2000/svg}"


def elements(svg):
    return list(ET.fromstring(svg.encode("utf-8")).iter())


def test_every_text_leaves_the_shapes_and_keeps_position_size_and_style():
    rows = [ProfileRow("x", "<b> & co", "%", "1,5", "2", "\u22120,5", "g")]
    svg = table_svg(rows, ["Indicator", "Unit", "Space", "Town", "Difference"])
    shapes, texts = split_texts(svg)
    originals = [e for e in elements(svg) if e.tag == f"{SVG}text"]
    assert [t.text for t in texts] == [e.text for e in originals]  # unescaped, in document order
    assert "<b> & co" in [t.text for t in texts] and "\u22120,5" in [t.text for t in texts]
    assert not any(e.tag == f"{SVG}text" for e in elements(shapes))  # still well-formed, without text
    kept = [e.tag for e in elements(shapes)]
    assert kept == [e.tag for e in elements(svg) if e.tag != f"{SVG}text"]  # every rect and line stays
    header = texts[0]
    assert header == SvgText(1.0, float(originals[0].get("y")), "Indicator", float(originals[0].get("font-size")),
                             "start", True, "#222222")
    space = next(t for t in texts if t.text == "1,5")
    assert space.anchor == "end" and not space.bold and space.style == (space.size, "end", False, "#222222")


@pytest.mark.parametrize("kind", ["chart", "legend"])
def test_chart_and_legend_split_completely(kind):
    if kind == "chart":
        _, _, bars = age_bars(default_catalogue(), {"pop_total": 10.0, "pop_u6": 5.0}, {"pop_total": 20.0, "pop_u6": 2.0})
        svg = age_chart_svg(bars, "Residents: 10", "Age structure", ("this space", "municipality"))
    else:
        svg = map_legend_svg([("space", "this space"), ("neighbour", "neighbours")])
    shapes, texts = split_texts(svg)
    assert "<text" not in shapes and len(texts) == svg.count("<text")
    assert {t.anchor for t in texts} <= {"start", "middle", "end"}


def test_a_text_the_splitter_does_not_know_is_refused():
    with pytest.raises(ValueError):
        split_texts('<svg><text x="1" y="2">odd</text></svg>')
