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


def test_a_sketch_comes_as_strokes_in_wgs84(tmp_path):
    line = [[7.01, 50.9], [7.02, 50.91], [7.03, 50.905]]
    area = [[7.0, 50.0], [7.1, 50.0], [7.1, 50.1], [7.0, 50.0]]
    path = comment_file(tmp_path, [
        {"space": "4", "text": "", "sketch": {"type": "MultiLineString", "coordinates": [line, area]}},
        {"space": "5", "text": "Fläche", "sketch": {"type": "Polygon", "coordinates": [area]}},
        {"space": "6", "text": "", "sketch": None},  # neither text nor sketch: nothing to propose
    ])
    first, second = read_comments(path)
    assert (first.space, first.text) == ("4", "")  # a sketch without words is a proposal too
    assert first.sketch == (tuple(map(tuple, line)), tuple(map(tuple, area)))
    assert second.sketch == (tuple(map(tuple, area)),)  # an area comes as its outline


@pytest.mark.parametrize("sketch", [
    {"type": "Point", "coordinates": [7.0, 50.0]},
    {"type": "LineString", "coordinates": [[7.0, 50.0]]},  # one point is no line
    {"type": "LineString", "coordinates": [[300000, 5640000], [300100, 5640100]]},  # metres, not degrees
    {"type": "LineString", "coordinates": [[7.0, "50"], [7.1, 50.1]]},
    {"type": "LineString", "coordinates": [[True, 50.0], [7.1, 50.1]]},
    {"type": "MultiLineString", "coordinates": 7},
    "LINESTRING(7 50, 8 51)",
])
def test_a_sketch_that_is_no_line_in_degrees_is_refused(tmp_path, sketch):
    path = comment_file(tmp_path, [{"space": "4", "text": "x", "sketch": sketch}])
    with pytest.raises(AtlasError) as error:
        read_comments(path)
    assert error.value.code == "comments_entry" and error.value.details["reason"] == "sketch"
