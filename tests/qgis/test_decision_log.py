"""The decision log: one row per change on the layer's own undo stack, stored in the GeoPackage at commit."""
import csv
import gc
import random
import sqlite3

import pytest

from .consultation_grid import COLS, ROWS, Host, event, fid, grid_layer, spaces_of_layer, stroke


def gpkg_layer(tmp_path, name="blocks"):
    """The 4 x 6 grid of test_consultation written to a GeoPackage, opened from it."""
    from qgis.core import QgsCoordinateTransformContext, QgsVectorFileWriter, QgsVectorLayer

    path = str(tmp_path / "town.gpkg")
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.layerName = name
    error = QgsVectorFileWriter.writeAsVectorFormatV3(grid_layer(), path, QgsCoordinateTransformContext(), options)
    assert error[0] == QgsVectorFileWriter.NoError, error
    layer = QgsVectorLayer(f"{path}|layername={name}", name, "ogr")
    assert layer.isValid()
    return path, layer


def open_dock(layer, canvas):
    from qgis.core import QgsProject

    from sozialraum.ui.consultation_dock import ConsultationDock

    QgsProject.instance().addMapLayer(layer)
    canvas.resize(600, 400)
    canvas.setDestinationCrs(layer.crs())
    canvas.setLayers([layer])
    canvas.setExtent(layer.extent())
    canvas.refresh()
    dock = ConsultationDock(None, canvas)
    dock.layer_combo.setLayer(layer)
    dock.space_combo.setField("space")
    dock.population_combo.setField("pop")
    dock.lower_spin.setValue(1300)
    dock.upper_spin.setValue(1700)
    assert dock.open_session() is not None, dock.message_label.text()
    return dock


@pytest.fixture
def author():
    from qgis.core import QgsSettings

    from sozialraum.ui.decision_log import AUTHOR_SETTING

    settings = QgsSettings()
    before = settings.value(AUTHOR_SETTING, "", type=str)
    settings.setValue(AUTHOR_SETTING, "Anna Planerin")
    yield "Anna Planerin"
    settings.setValue(AUTHOR_SETTING, before)


@pytest.fixture
def gpkg(qgis_app, qgis_canvas, qgis_new_project, tmp_path, author):
    """A GeoPackage blocks layer in editing mode with an open dock: (path, layer, canvas, dock, host)."""
    path, layer = gpkg_layer(tmp_path)
    dock = open_dock(layer, qgis_canvas)
    layer.startEditing()
    yield path, layer, qgis_canvas, dock, Host(dock)
    from qgis.PyQt import sip

    dock.close_session()
    if not sip.isdeleted(layer) and layer.isEditable():
        layer.rollBack()
    dock.deleteLater()


def stored_rows(path):
    with sqlite3.connect(path) as connection:
        tables = {name for (name,) in connection.execute("select table_name from gpkg_contents")}
        if "sozialraum_decisions" not in tables:
            return []
        connection.row_factory = sqlite3.Row
        return [dict(row) for row in connection.execute("select * from sozialraum_decisions order by number")]


def test_a_stroke_with_a_reason_is_one_row_undo_removes_it_redo_restores(gpkg):
    from sozialraum.ui.decision_log import operation_text
    from sozialraum.ui.paint_tool import PaintTool

    path, layer, canvas, dock, host = gpkg
    log = dock.layer_session.decision_log
    stack = layer.undoStack()
    dock.reason_edit.setText("Die Straße gehört zum Norden")
    tool = PaintTool(canvas, host)
    tool.set_target(1)
    stroke(tool, canvas, [(0, 3), (1, 3), (2, 3)])
    assert stack.count() == 1  # the row is inside the stroke's one command
    (row,) = log.rows()
    assert (row.number, row.author, row.kind, row.from_spaces, row.to_spaces, row.blocks, row.population) == (
        1, "Anna Planerin", "move", "2", "1", 3, 390.0)
    assert row.reason == "Die Straße gehört zum Norden" and dock.reason_edit.text() == ""  # cleared after use
    assert row.operation == "paint" and operation_text(row) == stack.text(0) == "Paint 3 blocks into space 1"
    assert sorted(int(b) for b in row.block_ids.split(",")) == sorted(fid(layer, r, 3) for r in range(3))
    assert row.time[:4].isdigit() and row.time[10] == "T" and ("+" in row.time[19:] or "-" in row.time[19:] or row.time.endswith("Z"))
    dock.refresh()
    assert dock.log_model.rowCount() == 1 and dock.log_model.index(0, 6).data() == "Die Straße gehört zum Norden"
    gc.collect()  # the command's Python side must survive
    stack.undo()
    assert log.rows() == []
    dock.refresh()
    assert dock.log_model.rowCount() == 0
    stack.redo()
    assert log.rows() == [row]
    # a lock toggle is logged too, in its own command; the next stroke has no reason (it was cleared)
    dock.layer_session.set_locked(2, True)
    stroke(tool, canvas, [(3, 0)])  # paints block (3, 0) of space 1 into 1: nothing moves, nothing logged
    assert [r.kind for r in log.rows()] == ["move", "lock"] and log.rows()[1].from_spaces == "2"
    assert log.rows()[1].reason == "" and stack.count() == 2
    dock.refresh()
    assert dock.log_model.row(0).kind == "lock"  # newest first
    assert stored_rows(path) == []  # nothing written before the commit


def test_commit_writes_the_table_and_a_new_session_reads_it_back(gpkg, qgis_canvas):
    from qgis.core import QgsProject, QgsVectorLayer

    from sozialraum.ui.merge_tool import MergeTool
    from sozialraum.ui.paint_tool import PaintTool

    path, layer, canvas, dock, host = gpkg
    tool = PaintTool(canvas, host)
    tool.set_target(1)
    dock.reason_edit.setText("Schulweg")
    stroke(tool, canvas, [(0, 3), (1, 3)])
    stroke(tool, canvas, [(2, 3)])
    layer.undoStack().undo()  # the second stroke: not committed, not logged
    assert layer.commitChanges()  # the user saves (the plugin never does)
    rows = stored_rows(path)
    assert [(r["number"], r["kind"], r["from_spaces"], r["to_spaces"], r["blocks"], r["reason"], r["author"]) for r in rows] == [
        (1, "move", "2", "1", 2, "Schulweg", "Anna Planerin")]
    log = dock.layer_session.decision_log
    assert [log.is_saved(r) for r in log.rows()] == [True]
    # the blocks layer is not locked by the write: it is edited and saved again
    assert layer.startEditing()
    merge = MergeTool(canvas, host)
    merge.canvasReleaseEvent(event(canvas, "release", 0, 0))
    merge.canvasReleaseEvent(event(canvas, "release", 0, 5))
    assert layer.commitChanges()
    rows = stored_rows(path)
    assert [(r["number"], r["kind"], r["to_spaces"]) for r in rows] == [(1, "move", "1"), (2, "merge", "1")]
    assert {f["space"] for f in QgsVectorLayer(f"{path}|layername=blocks", "check", "ogr").getFeatures()} == {1}
    table = QgsVectorLayer(f"{path}|layername=sozialraum_decisions", "decisions", "ogr")
    assert table.isValid() and table.featureCount() == 2
    del table
    # QGIS closed and opened again: a new layer on the same file, a new session
    dock.close_session()
    QgsProject.instance().removeMapLayer(layer.id())
    again = QgsVectorLayer(f"{path}|layername=blocks", "blocks", "ogr")
    dock2 = open_dock(again, qgis_canvas)
    try:
        log2 = dock2.layer_session.decision_log
        assert [(r.number, r.kind, r.reason) for r in log2.rows()] == [(1, "move", "Schulweg"), (2, "merge", "")]
        assert all(log2.is_saved(r) for r in log2.rows())
        dock2.refresh()
        assert dock2.log_model.rowCount() == 2
        again.startEditing()
        dock2.layer_session.set_locked(1, True)
        assert log2.rows()[-1].number == 3
        again.rollBack()
        assert [r.number for r in log2.rows()] == [1, 2] and len(stored_rows(path)) == 2
    finally:
        dock2.close_session()
        dock2.deleteLater()


def test_rollback_leaves_no_rows(gpkg):
    from sozialraum.ui.paint_tool import PaintTool

    path, layer, canvas, dock, host = gpkg
    tool = PaintTool(canvas, host)
    tool.set_target(2)
    stroke(tool, canvas, [(0, 2), (1, 2)])
    dock.layer_session.set_locked(1, True)
    assert len(dock.layer_session.decision_log.rows()) == 2
    layer.rollBack()
    assert dock.layer_session.decision_log.rows() == []
    assert stored_rows(path) == []


def replay(original, rows):
    """The layer's values and the locks that the log rows make of the original values."""
    values, locked = dict(original), set()
    for row in rows:
        if row.kind == "lock":
            locked.add(row.from_spaces)
        elif row.kind == "unlock":
            locked.discard(row.from_spaces)
        else:
            for block in row.block_ids.split(","):
                values[int(block)] = row.to_spaces
    return {block: str(value) for block, value in values.items()}, locked


def test_random_strokes_undos_redos_and_rollbacks_leave_the_log_of_the_applied_changes(gpkg):
    from sozialraum.ui.decision_log import operation_text
    from sozialraum.ui.merge_tool import MergeTool
    from sozialraum.ui.paint_tool import PaintTool
    from sozialraum.ui.split_tool import SplitTool

    path, layer, canvas, dock, host = gpkg
    layer_session = dock.layer_session
    log = layer_session.decision_log
    stack = layer.undoStack()
    paint, merge, split = PaintTool(canvas, host), MergeTool(canvas, host), SplitTool(canvas, host)
    rng = random.Random(5)
    original = spaces_of_layer(layer)
    cells = [(r, c) for r in range(ROWS) for c in range(COLS)]
    seen = {"rollbacks": 0, "most": 0}
    for step in range(60):
        action = rng.random()
        spaces = layer_session.session.spaces
        if rng.random() < 0.3:
            dock.reason_edit.setText(f"Grund <{step}>")
        if action < 0.4:
            paint.set_target(rng.choice(spaces))
            stroke(paint, canvas, [rng.choice(cells) for _ in range(rng.randint(1, 4))])
        elif action < 0.5 and len(spaces) > 1:
            merge.canvasReleaseEvent(event(canvas, "release", *rng.choice(cells)))
            merge.canvasReleaseEvent(event(canvas, "release", *rng.choice(cells)))
            merge.cancel()
        elif action < 0.55:
            split.canvasReleaseEvent(event(canvas, "release", *rng.choice(cells)))
        elif action < 0.63:
            space = rng.choice(spaces)
            layer_session.set_locked(space, not layer_session.session.is_locked(space))
        elif action < 0.8:
            stack.undo()
        elif action < 0.96:
            stack.redo()
        else:
            layer.rollBack()
            assert log.rows() == []
            seen["rollbacks"] += 1
            layer.startEditing()
        if step % 10 == 0:
            gc.collect()
        rows = log.rows()
        # one row per command applied now, in order, with the command's own text
        assert [operation_text(row) for row in rows] == [stack.text(i) for i in range(stack.index())]
        values, locked = replay(original, rows)
        assert values == {block: str(value) for block, value in spaces_of_layer(layer).items()}
        assert locked == {str(space) for space in layer_session.session.locked}
        assert [row.number for row in rows] == sorted({row.number for row in rows})
        seen["most"] = max(seen["most"], len(rows))
    assert seen["rollbacks"] >= 1 and seen["most"] >= 5
    while stack.canUndo():
        stack.undo()
    assert log.rows() == [] and stored_rows(path) == []


def test_export_csv_and_html_escape_the_reason(gpkg, tmp_path):
    from sozialraum.ui.decision_log import write_csv
    from sozialraum.ui.paint_tool import PaintTool

    path, layer, canvas, dock, host = gpkg
    tool = PaintTool(canvas, host)
    tool.set_target(1)
    dock.reason_edit.setText('<script>alert("x")</script>; Schule')
    stroke(tool, canvas, [(0, 3)])
    csv_path = tmp_path / "log.csv"
    dock.export_log_csv(str(csv_path))
    raw = csv_path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    with open(csv_path, encoding="utf-8-sig", newline="") as data:
        table = list(csv.reader(data, delimiter=","))
    assert table[0][:3] == ["No.", "Time", "Author"] and len(table) == 2
    assert table[1][9] == '<script>alert("x")</script>; Schule' and table[1][2] == "Anna Planerin"
    german = tmp_path / "log_de.csv"
    write_csv(dock.log_rows(), str(german), lang="de")
    with open(german, encoding="utf-8-sig", newline="") as data:
        assert list(csv.reader(data, delimiter=";"))[1][9] == '<script>alert("x")</script>; Schule'
    html_path = tmp_path / "log.html"
    dock.export_log_html(str(html_path))
    text = html_path.read_text(encoding="utf-8")
    assert "<script>" not in text and "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;; Schule" in text
    assert "Paint 1 block into space 1" in text and "Anna Planerin" in text


def test_a_memory_layer_keeps_its_log_in_the_project(qgis_app, qgis_canvas, qgis_new_project, author):
    from qgis.core import QgsProject

    from sozialraum.ui.decision_log import PROJECT_SCOPE, Decision, ProjectStore
    from sozialraum.ui.paint_tool import PaintTool

    layer = grid_layer()
    dock = open_dock(layer, qgis_canvas)
    try:
        layer.startEditing()
        tool = PaintTool(qgis_canvas, Host(dock))
        tool.set_target(1)
        stroke(tool, qgis_canvas, [(0, 3)])
        assert QgsProject.instance().readEntry(PROJECT_SCOPE, f"decisions/{layer.id()}", "")[0] == ""
        assert layer.commitChanges()
        rows = ProjectStore(layer.id(), Decision.from_mapping).read()
        assert [(r.kind, r.to_spaces, r.author) for r in rows] == [("move", "1", "Anna Planerin")]
    finally:
        dock.close_session()
        dock.deleteLater()


def test_the_author_defaults_to_the_user_name(qgis_app):
    import getpass

    from qgis.core import QgsSettings

    from sozialraum.ui.decision_log import AUTHOR_SETTING, author

    settings = QgsSettings()
    before = settings.value(AUTHOR_SETTING, "", type=str)
    settings.setValue(AUTHOR_SETTING, "")
    try:
        assert author() == getpass.getuser()
    finally:
        settings.setValue(AUTHOR_SETTING, before)
