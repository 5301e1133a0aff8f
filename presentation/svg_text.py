"""The texts of a profile SVG apart from its shapes.

Qt's SVG renderer, which QGIS' picture item uses, draws every SVG text as glyph outlines: in a
PDF the table and the chart were not searchable and their outlines were most of a page's 1.9 MB.
The layout therefore shows an SVG's shapes as a picture and its texts as layout labels (real
text). This module splits the SVGs of presentation/profile_svg.py, whose texts are one
``<text>`` element each with the attributes that ``_text`` writes. QGIS-free.
"""
import re
from dataclasses import dataclass
from xml.sax.saxutils import unescape

TEXT = re.compile(
    r'<text x="(?P<x>[-\d.]+)" y="(?P<y>[-\d.]+)" font-family="[^"]*" font-size="(?P<size>[\d.]+)" '
    r'font-weight="(?P<weight>\w+)" text-anchor="(?P<anchor>\w+)" fill="(?P<colour>#[0-9a-fA-F]+)">(?P<text>.*?)</text>\n?')


@dataclass(frozen=True)
class SvgText:
    """One text of an SVG drawing: baseline position (x, y) and size in mm, anchor start/middle/end."""

    x: float
    y: float
    text: str
    size: float
    anchor: str = "start"
    bold: bool = False
    colour: str = "#222222"

    @property
    def style(self):
        """What a layout label needs to look like this text, wherever it stands."""
        return self.size, self.anchor, self.bold, self.colour


def split_texts(svg):
    """(the SVG without its texts, its texts in document order)."""
    texts = [SvgText(float(m["x"]), float(m["y"]), unescape(m["text"]), float(m["size"]), m["anchor"],
                     m["weight"] == "bold", m["colour"]) for m in TEXT.finditer(svg)]
    if svg.count("<text") != len(texts):
        raise ValueError("an SVG text has attributes this splitter does not know")
    return TEXT.sub("", svg), texts
