"""Expert comments from the web atlas, read back for the consultation (QGIS-free).

An expert downloads their comments from the atlas as one small JSON file and mails it to the
planning office (``atlas.js``: ``commentFile``). Here such a file becomes a list of proposals
(author, space, text, and the expert's free-hand sketch as lines in WGS 84), each checked against the spaces of the consultation: the dock's decision log
records them as proposals, never as edits. A file that is not such a file is refused with a code
and details the caller turns into a translated message (which file, which entry).
"""
import json
from dataclasses import dataclass
from pathlib import Path

from .atlas_data import AtlasError

FORMAT = "sozialraum-atlas-comments"
VERSION = 1
#: a comment file is a few kB; a much larger one is not one (and is not read into memory)
MAX_BYTES = 2_000_000
MAX_TEXT = 5000
#: a sketch is a few strokes of a hand; more points than this is not one
MAX_POINTS = 20000
#: the GeoJSON geometries a sketch may be (the atlas writes MultiLineString; areas come in as their outline)
SKETCH_TYPES = ("LineString", "MultiLineString", "Polygon", "MultiPolygon")


@dataclass(frozen=True)
class ExpertComment:
    """One comment: who wrote it, on which space, what; ``known``: the space is in the consultation."""

    author: str
    space: str
    text: str
    written: str
    atlas: str
    known: bool = True
    #: the sketch's strokes: each a tuple of (longitude, latitude) in WGS 84, at least two points
    sketch: tuple = ()


def read_comments(path, spaces=None):
    """The comments of one file written by the atlas, in file order.

    ``spaces``: the consultation's space ids (as text); a comment on another space is kept with
    ``known=False`` (a space renumbered since the atlas was made), so that nothing an expert wrote is
    lost. Raises :class:`AtlasError` with code ``comments_unreadable`` (not a file, too large, not
    UTF-8 JSON), ``comments_format`` (another JSON document) or ``comments_entry`` (entry number and
    what is wrong with it).
    """
    path = Path(path)
    try:
        if path.stat().st_size > MAX_BYTES:
            raise AtlasError("comments_unreadable", file=str(path), reason="too large")
        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as error:
        raise AtlasError("comments_unreadable", file=str(path), reason=str(error)) from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise AtlasError("comments_format", file=str(path))
    if document.get("version") != VERSION:
        raise AtlasError("comments_format", file=str(path), version=document.get("version"))
    author = _text(document.get("author"))
    written = _text(document.get("written"))
    atlas = _text(document.get("atlas"))
    entries = document.get("comments")
    if not isinstance(entries, list):
        raise AtlasError("comments_format", file=str(path))
    known = None if spaces is None else {str(space) for space in spaces}
    comments = []
    for number, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict) or not isinstance(entry.get("space"), (str, int)) or \
                isinstance(entry.get("space"), bool) or not isinstance(entry.get("text"), str):
            raise AtlasError("comments_entry", file=str(path), entry=number, reason="space and text")
        text = entry["text"].strip()
        if len(text) > MAX_TEXT:
            raise AtlasError("comments_entry", file=str(path), entry=number, reason="too long")
        sketch = sketch_lines(entry.get("sketch"))
        if sketch is None:
            raise AtlasError("comments_entry", file=str(path), entry=number, reason="sketch")
        if not text and not sketch:
            continue
        space = str(entry["space"])
        comments.append(ExpertComment(author, space, text, written, atlas, known is None or space in known, sketch))
    return comments


def sketch_lines(geometry):
    """The strokes of a sketch (a GeoJSON geometry in WGS 84) as tuples of (lon, lat); () for none, None when it is
    not a sketch (another type, coordinates that are no longitude/latitude, a stroke of one point, too many points)."""
    if geometry is None:
        return ()
    if not isinstance(geometry, dict) or geometry.get("type") not in SKETCH_TYPES:
        return None
    coordinates = geometry.get("coordinates")
    kind = geometry["type"]
    try:
        if kind == "LineString":
            strokes = [coordinates]
        elif kind == "MultiLineString" or kind == "Polygon":  # a polygon's rings are its outlines
            strokes = list(coordinates)
        else:
            strokes = [ring for polygon in coordinates for ring in polygon]
        lines = tuple(tuple(_position(point) for point in stroke) for stroke in strokes)
    except (TypeError, ValueError):
        return None
    if any(len(line) < 2 for line in lines) or sum(len(line) for line in lines) > MAX_POINTS:
        return None
    return lines


def _position(point):
    if not isinstance(point, (list, tuple)) or len(point) < 2 or \
            not all(isinstance(value, (int, float)) and not isinstance(value, bool) for value in point[:2]):
        raise ValueError("not a position")
    lon, lat = float(point[0]), float(point[1])
    if not (-180.0 <= lon <= 180.0 and -90.0 <= lat <= 90.0):  # the ranges of WGS 84
        raise ValueError("not WGS 84")
    return lon, lat


def _text(value):
    return value.strip() if isinstance(value, str) else ""
