"""Consultation tools on a real map canvas: paint strokes, merge, locks, undo/redo, the dock."""
import gc
import random

import pytest

from .conftest import memory_layer, square
from .consultation_grid import (
    COLS,
    ROWS,
    SIZE,
    X0,
    Y0,
    assert_session_follows_layer,
    dock_rows,
    event,
    fid,
    grid_layer,
    spaces_of_layer,
    stroke,
)


def test_paint_stroke_is_one_undo_step_and_the_dock_follows(setup):
    from qgis.PyQt.QtCore import Qt

    from sozialraum.ui.paint_tool import PaintTool

    layer, canvas, dock, host = setup
    tool = PaintTool(canvas, host)
    canvas.setMapTool(tool)
    # first click picks the target space (a block of space 1)
    tool.canvasPressEvent(event(canvas, "press", 0, 0))
    tool.canvasReleaseEvent(event(canvas, "release", 0, 0))
    assert tool.target == 1
    stack = layer.undoStack()
    count = stack.count()
    before = dock_rows(dock)
    assert before[1][1] == "within" and before[2][1] == "within"
    # drag over three blocks of space 2: the overlay shows the would-be figures while dragging
    tool.canvasPressEvent(event(canvas, "press", 0, 3))
    tool.canvasMoveEvent(event(canvas, "move", 1, 3))
    tool.canvasMoveEvent(event(canvas, "move", 2, 3))
    assert len(tool.stroke) == 3
    lines = tool.overlay_lines()
    assert lines[0].startswith("3 blocks") and any(line.startswith("1: 1") for line in lines)
    assert layer.undoStack().count() == count  # nothing written while dragging
    tool.canvasReleaseEvent(event(canvas, "release", 2, 3))
    assert stack.count() == count + 1
    assert [layer.getFeature(fid(layer, r, 3))["space"] for r in range(4)] == [1, 1, 1, 2]
    rows = dock_rows(dock)
    assert rows[1][0] == "1\u202f710" and rows[1][1] == "above max."
    assert rows[2][1] == "below min."
    from sozialraum.ui.spaces_model import COLOURS, STATUS

    assert dock.model.index(dock.row_of(1), STATUS).data(Qt.ItemDataRole.BackgroundRole) == COLOURS["above"]
    assert any("now above the bounds" in text for text, _ in host.messages)
    assert_session_follows_layer(dock.layer_session)

    stack.undo()
    assert [layer.getFeature(fid(layer, r, 3))["space"] for r in range(4)] == [2, 2, 2, 2]
    assert_session_follows_layer(dock.layer_session)
    assert dock_rows(dock) == before
    stack.redo()
    assert [layer.getFeature(fid(layer, r, 3))["space"] for r in range(4)] == [1, 1, 1, 2]
    assert_session_follows_layer(dock.layer_session)
    assert dock_rows(dock)[1][1] == "above max."


def test_the_dock_repaints_once_per_burst_of_edits(setup):
    from qgis.PyQt.QtTest import QTest

    from sozialraum.ui.paint_tool import PaintTool

    layer, canvas, dock, host = setup
    resets = []
    dock.model.modelReset.connect(lambda: resets.append(1))
    tool = PaintTool(canvas, host)
    tool.set_target(1)
    stroke(tool, canvas, [(0, 3), (1, 3), (2, 3), (3, 3)])
    layer.undoStack().undo()
    layer.undoStack().redo()
    assert resets == []  # nothing repainted per block or per undo step
    QTest.qWait(400)
    assert len(resets) == 1
    assert dock.model.status(dock.row_of(1)).blocks == 16


def test_escape_and_right_click_cancel_a_stroke(setup):
    from qgis.PyQt.QtCore import QEvent, Qt
    from qgis.PyQt.QtGui import QKeyEvent

    from sozialraum.ui.paint_tool import PaintTool

    layer, canvas, dock, host = setup
    tool = PaintTool(canvas, host)
    tool.set_target(1)
    count = layer.undoStack().count()
    tool.canvasPressEvent(event(canvas, "press", 0, 3))
    tool.canvasMoveEvent(event(canvas, "move", 1, 3))
    tool.keyPressEvent(QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier))
    tool.canvasReleaseEvent(event(canvas, "release", 1, 3))
    tool.canvasPressEvent(event(canvas, "press", 0, 3))
    tool.canvasPressEvent(event(canvas, "press", 0, 3, button=Qt.MouseButton.RightButton))
    tool.canvasReleaseEvent(event(canvas, "release", 0, 3))
    assert layer.undoStack().count() == count
    assert all(f["space"] == (1 if (f["bid"] - 1) % COLS < 3 else 2) for f in layer.getFeatures())
    assert tool.overlay_lines() == []


def test_a_locked_space_refuses_a_stroke_and_the_lock_is_undoable(setup):
    from qgis.core import Qgis
    from qgis.PyQt.QtCore import Qt

    from sozialraum.ui.paint_tool import PaintTool

    layer, canvas, dock, host = setup
    layer_session = dock.layer_session
    stack = layer.undoStack()
    count = stack.count()
    # lock through the dock's check box: one command on the layer's stack
    row = dock.row_of(2)
    from sozialraum.ui.spaces_model import LOCKED

    index = dock.model.index(row, LOCKED)
    assert dock.model.flags(index) & Qt.ItemFlag.ItemIsUserCheckable

    assert dock.model.setData(index, Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    assert layer_session.session.is_locked(2) and stack.count() == count + 1
    tool = PaintTool(canvas, host)
    tool.set_target(1)
    values = spaces_of_layer(layer)
    stroke(tool, canvas, [(0, 3), (1, 3)])
    assert spaces_of_layer(layer) == values and stack.count() == count + 1
    assert host.messages[-1][1] == Qgis.MessageLevel.Warning and "locked" in host.messages[-1][0]
    assert dock.model.index(dock.row_of(2), LOCKED).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    gc.collect()  # the lock command's Python side must survive (it is held, not only by a stack wrapper)
    stack.undo()  # the lock
    assert not layer_session.session.is_locked(2)
    stroke(tool, canvas, [(0, 3), (1, 3)])
    assert stack.count() == count + 1 and layer.getFeature(fid(layer, 0, 3))["space"] == 1
    stack.undo()
    stack.undo()
    assert stack.count() == count + 1 and stack.index() == count
    assert spaces_of_layer(layer) == values and not layer_session.session.is_locked(2)
    assert_session_follows_layer(layer_session)


def test_merge_two_adjacent_spaces_is_one_command(setup):
    from sozialraum.ui.merge_tool import MergeTool

    layer, canvas, dock, host = setup
    tool = MergeTool(canvas, host)
    count = layer.undoStack().count()
    tool.canvasReleaseEvent(event(canvas, "release", 1, 1))
    assert tool.first == 1
    tool.canvasReleaseEvent(event(canvas, "release", 2, 4))
    assert layer.undoStack().count() == count + 1
    assert {f["space"] for f in layer.getFeatures()} == {1}
    assert set(dock_rows(dock)) == {1}
    assert_session_follows_layer(dock.layer_session)
    layer.undoStack().undo()
    assert {f["space"] for f in layer.getFeatures()} == {1, 2}
    assert set(dock_rows(dock)) == {1, 2}
    assert_session_follows_layer(dock.layer_session)


def test_split_by_a_click_is_one_command(setup):
    from sozialraum.ui.split_tool import SplitTool

    layer, canvas, dock, host = setup
    stack = layer.undoStack()
    count = stack.count()
    tool = SplitTool(canvas, host)
    tool.canvasReleaseEvent(event(canvas, "release", 1, 4))
    assert stack.count() == count + 1
    rows = dock_rows(dock)
    assert set(rows) == {1, 2, 3}
    session = dock.layer_session.session
    assert session.status(2).blocks + session.status(3).blocks == 12
    assert session.status(2).contiguous and session.status(3).contiguous
    assert "split" in host.messages[-1][0] or "now below" in host.messages[-1][0]
    assert_session_follows_layer(dock.layer_session)
    stack.undo()
    assert set(dock_rows(dock)) == {1, 2} and dock.layer_session.session.status(2).blocks == 12
    assert_session_follows_layer(dock.layer_session)
    dock.layer_session.set_locked(2, True)
    tool.canvasReleaseEvent(event(canvas, "release", 1, 4))
    assert "locked" in host.messages[-1][0] and set(dock_rows(dock)) == {1, 2}


def test_new_space_from_the_selected_blocks_is_one_command(setup):
    from sozialraum.ui.new_space import new_space_from_selection

    layer, canvas, dock, host = setup
    stack = layer.undoStack()
    count = stack.count()
    assert new_space_from_selection(dock.layer_session, host.message) is None  # nothing selected
    assert stack.count() == count and "Select the blocks" in host.messages[-1][0]
    layer.selectByIds([fid(layer, 0, 2), fid(layer, 0, 3)])
    change = new_space_from_selection(dock.layer_session, host.message)
    assert change.after == (3, 3) and stack.count() == count + 1
    assert {layer.getFeature(fid(layer, 0, c))["space"] for c in (2, 3)} == {3}
    assert "now below the bounds" in host.messages[-1][0]  # 250 residents: flagged, not refused
    assert set(dock_rows(dock)) == {1, 2, 3}
    assert_session_follows_layer(dock.layer_session)
    stack.undo()
    assert set(dock_rows(dock)) == {1, 2}
    assert_session_follows_layer(dock.layer_session)
    dock.layer_session.set_locked(2, True)
    assert new_space_from_selection(dock.layer_session, host.message) is None
    assert "locked" in host.messages[-1][0]


def test_edits_from_outside_the_plugin_and_a_rollback_are_followed(setup):
    layer, canvas, dock, host = setup
    layer_session = dock.layer_session
    layer_session.set_locked(2, True)
    layer.changeAttributeValue(fid(layer, 0, 0), layer.fields().indexFromName("space"), 2)  # attribute table
    layer.changeAttributeValue(fid(layer, 0, 1), layer.fields().indexFromName("space"), 7)  # a new space
    assert_session_follows_layer(layer_session)
    assert layer_session.session.is_locked(2) and 7 in layer_session.session.spaces
    layer.rollBack()
    assert_session_follows_layer(layer_session)
    assert not layer_session.session.is_locked(2)  # the lock was an edit of this session, rolled back too
    layer.startEditing()


def test_row_click_selects_and_zooms_to_the_space(setup):
    layer, canvas, dock, host = setup
    dock.filter_edit.setText("2")
    assert dock.proxy.rowCount() == 1
    from qgis.PyQt.QtCore import Qt
    from qgis.PyQt.QtTest import QTest

    dock.show()
    rect = dock.table.visualRect(dock.proxy.index(0, 0))
    QTest.mouseClick(dock.table.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, rect.center())
    assert sorted(layer.selectedFeatureIds()) == sorted(dock.layer_session.session.blocks_of(2))
    extent = canvas.extent()
    assert extent.center().x() == pytest.approx(X0 + 4.5 * SIZE)
    assert extent.contains(dock.layer_session.blocks_geometry(dock.layer_session.session.blocks_of(2)).boundingBox())
    assert dock.current_space() == 2


def test_bad_input_gives_a_clear_message(qgis_app, qgis_new_project):
    from sozialraum.ui.session_layer import LayerSession, SessionInputError, editing_problem

    layer = grid_layer()
    with pytest.raises(SessionInputError, match="no space field 'district'"):
        LayerSession(layer, "district", "pop", lower=1, upper=2)
    with pytest.raises(SessionInputError, match="lower bound"):
        LayerSession(layer, "space", "pop", lower=5, upper=2)
    empty = memory_layer("Polygon", "EPSG:25832", ["space:integer", "pop:integer"], [])
    with pytest.raises(SessionInputError, match="no features"):
        LayerSession(empty, "space", "pop", lower=1, upper=2)
    text = memory_layer("Polygon", "EPSG:25832", ["space:integer", "pop:string"],
                        [(square(X0, Y0), [1, "k. A."]), (square(X0 + SIZE, Y0), [1, "12"])])
    with pytest.raises(SessionInputError, match="not numbers"):
        LayerSession(text, "space", "pop", lower=1, upper=2)
    points = memory_layer("Point", "EPSG:25832", ["space:integer", "pop:integer"], [("POINT(0 0)", [1, 1])])
    with pytest.raises(SessionInputError, match="no polygons"):
        LayerSession(points, "space", "pop", lower=1, upper=2)
    assert "Toggle editing" in editing_problem(layer)


def test_a_read_only_layer_says_so(qgis_app, qgis_new_project, tmp_path):
    from qgis.core import QgsVectorLayer

    from sozialraum.ui.session_layer import LayerSession

    path = tmp_path / "blocks.csv"
    path.write_text("wkt;space;pop\n" + "".join(f'"{square(X0 + c * SIZE, Y0)}";1;{10 + c}\n' for c in range(3)), encoding="utf-8")
    layer = QgsVectorLayer(f"file://{path}?delimiter=;&wktField=wkt&crs=EPSG:25832", "csv", "delimitedtext")
    assert layer.isValid()
    layer_session = LayerSession(layer, "space", "pop", lower=1, upper=100)
    assert "read-only" in layer_session.editing_problem()
    layer_session.close()


@pytest.mark.parametrize("setup", [("integer", None), ("string", "EPSG:3857")], indirect=True, ids=["integer", "text-3857"])
def test_random_strokes_undos_redos_and_rollbacks_match_a_recount(setup):
    from sozialraum.ui.merge_tool import MergeTool
    from sozialraum.ui.paint_tool import PaintTool
    from sozialraum.ui.split_tool import SplitTool

    layer, canvas, dock, host = setup
    layer_session = dock.layer_session
    stack = layer.undoStack()
    paint, merge, split = PaintTool(canvas, host), MergeTool(canvas, host), SplitTool(canvas, host)
    rng = random.Random(11)
    original = spaces_of_layer(layer)
    cells = [(r, c) for r in range(ROWS) for c in range(COLS)]
    for _step in range(40):
        action = rng.random()
        spaces = layer_session.session.spaces
        if action < 0.45:
            paint.set_target(rng.choice(spaces))
            start = rng.choice(cells)
            path = [start]
            for _ in range(rng.randint(0, 4)):
                r, c = path[-1]
                r, c = min(ROWS - 1, max(0, r + rng.choice((-1, 0, 1)))), min(COLS - 1, max(0, c + rng.choice((-1, 0, 1))))
                path.append((r, c))
            stroke(paint, canvas, path)
        elif action < 0.55 and len(spaces) > 1:
            merge.canvasReleaseEvent(event(canvas, "release", *rng.choice(cells)))
            merge.canvasReleaseEvent(event(canvas, "release", *rng.choice(cells)))
            merge.cancel()
        elif action < 0.6:
            split.canvasReleaseEvent(event(canvas, "release", *rng.choice(cells)))
        elif action < 0.67:
            space = rng.choice(spaces)
            layer_session.set_locked(space, not layer_session.session.is_locked(space))
        elif action < 0.83:
            stack.undo()
        elif action < 0.97:
            stack.redo()
        else:
            layer.rollBack()  # the user discards the edits: back to the saved values and locks
            assert spaces_of_layer(layer) == original and not layer_session.session.locked
            layer.startEditing()
        assert_session_follows_layer(layer_session)
    while stack.canUndo():
        stack.undo()
    assert_session_follows_layer(layer_session)
    assert spaces_of_layer(layer) == original
    assert not layer_session.session.locked


def test_toolbar_tools_follow_the_layer_editing_state(qgis_app, qgis_processing, qgis_iface, qgis_new_project):
    from qgis.core import QgsApplication, QgsProject

    from sozialraum import classFactory

    registry = QgsApplication.processingRegistry()
    existing = registry.providerById("sozialraum")
    if existing is not None:
        registry.removeProvider(existing)
    layer = grid_layer()
    QgsProject.instance().addMapLayer(layer)
    plugin = classFactory(qgis_iface)
    plugin.initGui()
    try:
        dock = plugin.dock
        dock.layer_combo.setLayer(layer)
        dock.space_combo.setField("space")
        dock.population_combo.setField("pop")
        assert dock.open_session() is not None
        assert not plugin.paint_action.isEnabled() and "Toggle editing" in plugin.paint_action.toolTip()
        layer.startEditing()
        assert plugin.paint_action.isEnabled() and plugin.merge_action.isEnabled() and plugin.new_space_action.isEnabled()
        plugin.paint_action.trigger()
        assert qgis_iface.mapCanvas().mapTool() is plugin.paint_tool
        layer.rollBack()
        assert not plugin.merge_action.isEnabled()
        assert qgis_iface.mapCanvas().mapTool() is None
        layer.startEditing()
        assert plugin.paint_action.isEnabled()
        QgsProject.instance().removeMapLayer(layer.id())
        assert dock.layer_session is None and not plugin.paint_action.isEnabled()
        assert "removed" in dock.message_label.text()
    finally:
        plugin.unload()


def test_opening_the_session_again_keeps_the_locks(setup):
    layer, canvas, dock, host = setup
    dock.layer_session.set_locked(2, True)
    dock.upper_spin.setValue(2000)
    assert dock.open_session() is not None
    assert dock.layer_session.session.is_locked(2) and dock.layer_session.bounds == (1300.0, 2000.0)
    gc.collect()
    layer.undoStack().undo()  # the lock command made by the session before acts on the open one
    assert not dock.layer_session.session.is_locked(2)



def test_the_press_that_picks_the_target_starts_the_stroke(setup):
    """Failed before the fix: the press only picked the target, so the first drag painted nothing."""
    from sozialraum.ui.paint_tool import PaintTool

    layer, canvas, dock, host = setup
    tool = PaintTool(canvas, host)
    canvas.setMapTool(tool)
    stack = layer.undoStack()
    count = stack.count()
    assert tool.target is None and dock.current_space() is None
    tool.canvasPressEvent(event(canvas, "press", 0, 2))  # picks space 1 ...
    tool.canvasMoveEvent(event(canvas, "move", 0, 3))  # ... and the drag paints into it at once
    tool.canvasMoveEvent(event(canvas, "move", 1, 3))
    tool.canvasReleaseEvent(event(canvas, "release", 1, 3))
    assert tool.target == 1
    assert [layer.getFeature(fid(layer, r, 3))["space"] for r in range(2)] == [1, 1]
    assert stack.count() == count + 1 and stack.text(count) == "Paint 2 blocks into space 1"
    tool.canvasPressEvent(event(canvas, "press", 3, 0))  # a click on a block of the target: nothing to write
    tool.canvasReleaseEvent(event(canvas, "release", 3, 0))
    assert stack.count() == count + 1
    assert_session_follows_layer(dock.layer_session)
