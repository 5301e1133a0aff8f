"""Comment files of the web atlas imported into the consultation dock (ui/dock_comments.py, ui/expert_comments.py).

On the shared grid (consultation_grid.py: space 1 west, space 2 east, EPSG:25832): each comment
becomes a proposal row of the decision log, never an edit of the blocks; a sketch, written in
WGS 84 as the atlas writes it, lands in the layer 'Expert sketches' on the space it was drawn on;
the same file twice adds nothing; broken and foreign files are named in a translated message.
"""
import json

import pytest

from .conftest import german_interface
from .consultation_grid import X0, Y0, centre
from .test_decision_log import author, gpkg, stored_rows  # noqa: F401 (the GeoPackage fixture)


def wgs84(points):
    """Grid coordinates (EPSG:25832) as [lon, lat] in WGS 84, 6 decimals as the atlas writes them."""
    from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsPointXY, QgsProject

    transform = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:25832"), QgsCoordinateReferenceSystem("EPSG:4326"),
                                       QgsProject.instance())
    out = []
    for x, y in points:
        point = transform.transform(QgsPointXY(x, y))
        out.append([round(point.x(), 6), round(point.y(), 6)])
    return out


#: a line along the middle of space 2 (columns 3-5) and a closed outline around its north-east block
LINE = [centre(0, 3), centre(1, 4), centre(3, 4)]
AREA = [(X0 + 520, Y0 + 320), (X0 + 580, Y0 + 320), (X0 + 580, Y0 + 380), (X0 + 520, Y0 + 320)]


def comment_file(path, comments, writer="Schulamt, B. Beispiel", **extra):
    document = {"format": "sozialraum-atlas-comments", "version": 1, "atlas": "Gitter", "author": writer,
                "written": "2026-12-06T14:05:00.000Z", "comments": comments}
    document.update(extra)
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def good_file(tmp_path, name="comments.json"):
    return comment_file(tmp_path / name, [
        {"space": "2", "text": "Die Schule gehört nach Westen.",
         "sketch": {"type": "MultiLineString", "coordinates": [wgs84(LINE), wgs84(AREA)]}},
        {"space": "1", "text": "Passt so."},
        {"space": "9", "text": "Ein Raum aus einem älteren Atlas."},
    ])


def log_texts(dock):
    dock.refresh()
    model = dock.log_model
    return [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]


def test_comments_become_proposals_and_the_sketch_lands_on_its_space(setup, tmp_path):
    from qgis.core import QgsGeometry, QgsProject

    layer, canvas, dock, host = setup
    spaces_before = {f.id(): f["space"] for f in layer.getFeatures()}
    undo_steps = layer.undoStack().count()
    outcome = dock.import_expert_comments([str(good_file(tmp_path))])
    assert (outcome.added, outcome.already, outcome.sketches, outcome.problems) == (3, 0, 1, [])
    rows = dock.log_rows()
    assert [(r.kind, r.author, r.to_spaces, r.reason, r.blocks, r.population) for r in rows] == [
        ("proposal", "Schulamt, B. Beispiel", "2", "Die Schule gehört nach Westen.", 0, 0.0),
        ("proposal", "Schulamt, B. Beispiel", "1", "Passt so.", 0, 0.0),
        ("proposal", "Schulamt, B. Beispiel", "9", "Ein Raum aus einem älteren Atlas.", 0, 0.0)]
    assert [r.number for r in rows] == [1, 2, 3]
    # proposals, never edits: the blocks, their spaces and the undo stack are as they were
    assert {f.id(): f["space"] for f in layer.getFeatures()} == spaces_before
    assert layer.undoStack().count() == undo_steps
    message = dock.message_label.text()
    # the dock's log, newest first, worded
    texts = log_texts(dock)
    assert [row[2] for row in texts] == ["Proposal for space 9 (web atlas)", "Proposal for space 1 (web atlas)",
                                         "Proposal for space 2 with a sketch (web atlas)"]
    assert texts[2][1] == "Schulamt, B. Beispiel" and texts[2][6] == "Die Schule gehört nach Westen."
    assert "3 proposals imported from comments.json." in message and "Sketches of 1 comment added" in message
    assert "Spaces this layer does not have (logged as written): 9." in message
    # the sketch: in the blocks' CRS, on the blocks of space 2, above the blocks in the layer tree
    sketches = outcome.sketch_layer
    assert sketches.name() == "Expert sketches" and sketches.crs().authid() == "EPSG:25832"
    [sketch] = sketches.getFeatures()
    assert (sketch["author"], sketch["space"], sketch["text"]) == ("Schulamt, B. Beispiel", "2", "Die Schule gehört nach Westen.")
    space_2 = QgsGeometry.unaryUnion([f.geometry() for f in layer.getFeatures() if f["space"] == 2])
    line = sketch.geometry()
    assert space_2.contains(line)
    parts = line.asMultiPolyline()
    assert len(parts) == 2
    for part, drawn in zip(parts, (LINE, AREA)):  # where it was drawn, to well under a metre
        assert [(round(p.x(), 1), round(p.y(), 1)) for p in part] == [(pytest.approx(x, abs=0.5), pytest.approx(y, abs=0.5))
                                                                       for x, y in drawn]
    order = [node.layer() for node in QgsProject.instance().layerTreeRoot().findLayers()]
    assert order.index(sketches) < order.index(layer)


def test_the_same_file_twice_adds_nothing_and_says_so(setup, tmp_path):
    layer, canvas, dock, host = setup
    path = str(good_file(tmp_path))
    first = dock.import_expert_comments([path])
    second = dock.import_expert_comments([path])
    assert (second.added, second.already, second.sketches) == (0, 3, 0)
    assert len(dock.log_rows()) == 3 and first.sketch_layer.featureCount() == 1
    assert "3 comments were in the decision log already and were not added again." in dock.message_label.text()
    # a later download repeats the earlier comments and adds one: only that one is new
    later = comment_file(tmp_path / "later.json", [
        {"space": "1", "text": "Passt so."}, {"space": "1", "text": "Doch: der Spielplatz gehört dazu."}])
    third = dock.import_expert_comments([str(later)])
    assert (third.added, third.already) == (1, 1)
    # a sketch layer the planner removed is made again with the sketches of rows already logged
    from qgis.core import QgsProject

    QgsProject.instance().removeMapLayer(first.sketch_layer.id())
    fourth = dock.import_expert_comments([path])
    assert (fourth.added, fourth.sketches) == (0, 1) and fourth.sketch_layer.featureCount() == 1


BROKEN = {
    "not_json.json": b"{ this is not json",
    "latin1.json": "{\"format\": \"sozialraum-atlas-comments\", \"text\": \"Gr\u00fc\u00dfe\"}".encode("latin-1"),
    "other.json": json.dumps({"type": "FeatureCollection", "features": []}).encode(),
    "version2.json": json.dumps({"format": "sozialraum-atlas-comments", "version": 2, "comments": []}).encode(),
    "no_text.json": json.dumps({"format": "sozialraum-atlas-comments", "version": 1,
                                "comments": [{"space": "1", "text": "ok"}, {"space": "2"}]}).encode(),
    "projected.json": json.dumps({"format": "sozialraum-atlas-comments", "version": 1, "comments": [
        {"space": "2", "text": "x", "sketch": {"type": "LineString", "coordinates": [[300350, 5640050], [300450, 5640350]]}}]}).encode(),
    "point.json": json.dumps({"format": "sozialraum-atlas-comments", "version": 1, "comments": [
        {"space": "2", "text": "x", "sketch": {"type": "Point", "coordinates": [7.0, 50.9]}}]}).encode(),
}
MESSAGES = {
    "not_json.json": "'not_json.json' could not be read as a comment file of the web atlas",
    "latin1.json": "'latin1.json' could not be read as a comment file of the web atlas",
    "other.json": "'other.json' is not a comment file of the web atlas",
    "version2.json": "'version2.json' is not a comment file of the web atlas",
    "no_text.json": "Comment 2 in 'no_text.json' has no space or no text: the file was not imported.",
    "projected.json": "The sketch of comment 1 in 'projected.json' is not a line in longitude and latitude",
    "point.json": "The sketch of comment 1 in 'point.json' is not a line in longitude and latitude",
}


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_a_broken_or_foreign_file_is_named_and_the_others_are_imported(setup, tmp_path, name):
    layer, canvas, dock, host = setup
    broken = tmp_path / name
    broken.write_bytes(BROKEN[name])
    outcome = dock.import_expert_comments([str(broken), str(good_file(tmp_path))])
    assert outcome.added == 3 and len(outcome.problems) == 1
    assert MESSAGES[name] in outcome.problems[0]
    assert MESSAGES[name] in dock.message_label.text()
    assert "Traceback" not in dock.message_label.text()
    assert all(row.to_spaces in ("1", "2", "9") for row in dock.log_rows())


def test_a_missing_file_and_no_session(setup, tmp_path):
    layer, canvas, dock, host = setup
    outcome = dock.import_expert_comments([str(tmp_path / "gone.json")])
    assert outcome.added == 0 and "'gone.json' could not be read" in outcome.problems[0]
    assert outcome.sketch_layer is None
    dock.close_session()
    assert dock.import_expert_comments([str(good_file(tmp_path))]) is None
    assert dock.message_label.text() == "Open a session on a blocks layer first."


def test_in_german(setup, tmp_path):
    layer, canvas, dock, host = setup
    broken = tmp_path / "kaputt.json"
    broken.write_bytes(b"[1, 2")
    with german_interface():
        outcome = dock.import_expert_comments([str(good_file(tmp_path)), str(broken)])
        message = dock.message_label.text()
        texts = log_texts(dock)
        assert outcome.sketch_layer.name() == "Skizzen der Fachleute"
    assert "3 Vorschläge aus comments.json importiert." in message and "Skizzen von 1 Kommentar in den Layer" in message
    assert "'kaputt.json' ließ sich nicht als Kommentardatei des Web-Atlas lesen" in message
    assert texts[2][2] == "Vorschlag zum Raum 2 mit Skizze (Web-Atlas)"


def test_in_a_geopackage_the_proposals_are_stored_at_once_and_outlive_a_rollback(gpkg, tmp_path):  # noqa: F811
    from sozialraum.ui.decision_log import DecisionLog

    path, layer, canvas, dock, host = gpkg
    outcome = dock.import_expert_comments([str(good_file(tmp_path))])
    assert outcome.added == 3
    stored = stored_rows(path)  # written while the blocks are still being edited: a proposal is no edit
    assert [(r["kind"], r["to_spaces"], r["author"]) for r in stored] == [
        ("proposal", "2", "Schulamt, B. Beispiel"), ("proposal", "1", "Schulamt, B. Beispiel"),
        ("proposal", "9", "Schulamt, B. Beispiel")]
    layer.rollBack()
    assert len(dock.log_rows()) == 3
    assert [row.kind for row in DecisionLog(layer).rows()] == ["proposal"] * 3  # read back from the GeoPackage
    layer.startEditing()
    again = dock.import_expert_comments([str(good_file(tmp_path))])
    assert again.added == 0 and len(stored_rows(path)) == 3
    # the sketches live beside the blocks too: a table of the GeoPackage, found again after the layer was removed
    from qgis.core import QgsProject, QgsVectorLayer

    sketches = outcome.sketch_layer
    assert sketches.providerType() == "ogr" and sketches.source().startswith(path)
    QgsProject.instance().removeMapLayer(sketches.id())
    third = dock.import_expert_comments([str(good_file(tmp_path))])
    assert (third.added, third.sketches) == (0, 0) and third.sketch_layer.featureCount() == 1
    [sketch] = QgsVectorLayer(f"{path}|layername=sozialraum_sketches", "read", "ogr").getFeatures()
    assert (sketch["author"], sketch["space"]) == ("Schulamt, B. Beispiel", "2") and sketch.geometry().length() > 300
