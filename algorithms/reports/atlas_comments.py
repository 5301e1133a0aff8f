"""Expert comments from the web atlas, read back for the consultation (QGIS-free).

An expert downloads their comments from the atlas as one small JSON file and mails it to the
planning office (``atlas.js``: ``commentFile``). Here such a file becomes a list of proposals
(author, space, text), each checked against the spaces of the consultation: the dock's decision log
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


@dataclass(frozen=True)
class ExpertComment:
    """One comment: who wrote it, on which space, what; ``known``: the space is in the consultation."""

    author: str
    space: str
    text: str
    written: str
    atlas: str
    known: bool = True


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
                not isinstance(entry.get("text"), str):
            raise AtlasError("comments_entry", file=str(path), entry=number, reason="space and text")
        text = entry["text"].strip()
        if not text:
            continue
        if len(text) > MAX_TEXT:
            raise AtlasError("comments_entry", file=str(path), entry=number, reason="too long")
        space = str(entry["space"])
        comments.append(ExpertComment(author, space, text, written, atlas, known is None or space in known))
    return comments


def _text(value):
    return value.strip() if isinstance(value, str) else ""
