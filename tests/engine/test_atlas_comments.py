"""Expert comments downloaded from the web atlas, read back as proposals (algorithms/reports/atlas_comments.py)."""
import json

import pytest

from sozialraum.algorithms.reports.atlas_comments import FORMAT, ExpertComment, read_comments
from sozialraum.algorithms.reports.atlas_data import AtlasError


def comment_file(tmp_path, comments, **extra):
    document = {"format": FORMAT, "version": 1, "atlas": "Musterstadt", "author": " Jugendamt ",
                "written": "2026-12-06T14:00:00Z", "comments": comments}
    document.update(extra)
    path = tmp_path / "comments.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def test_comments_become_proposals_in_file_order(tmp_path):
    path = comment_file(tmp_path, [{"space": "4", "text": " Grenze an die Bahn "}, {"space": 7, "text": "ok"},
                                   {"space": "9", "text": "   "}])
    comments = read_comments(path, spaces=["4", "5", "6"])
    assert comments == [
        ExpertComment("Jugendamt", "4", "Grenze an die Bahn", "2026-12-06T14:00:00Z", "Musterstadt", True),
        ExpertComment("Jugendamt", "7", "ok", "2026-12-06T14:00:00Z", "Musterstadt", False),  # kept, flagged
    ]


@pytest.mark.parametrize("content, code", [
    (b"\xff\xfe not utf-8", "comments_unreadable"),
    (b"{ not json", "comments_unreadable"),
    (b'{"format": "something else", "version": 1, "comments": []}', "comments_format"),
    (b'{"format": "sozialraum-atlas-comments", "version": 2, "comments": []}', "comments_format"),
    (b'{"format": "sozialraum-atlas-comments", "version": 1, "comments": {}}', "comments_format"),
    (b'{"format": "sozialraum-atlas-comments", "version": 1, "comments": [{"space": "1"}]}', "comments_entry"),
])
def test_other_files_are_refused_with_a_reason(tmp_path, content, code):
    path = tmp_path / "comments.json"
    path.write_bytes(content)
    with pytest.raises(AtlasError) as error:
        read_comments(path)
    assert error.value.code == code and error.value.details["file"] == str(path)


def test_a_missing_file_is_refused(tmp_path):
    with pytest.raises(AtlasError) as error:
        read_comments(tmp_path / "none.json")
    assert error.value.code == "comments_unreadable"
