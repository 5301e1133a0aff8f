"""Split a space along a drawn line, with mouse events on a real canvas (issue 11 item 2)."""

from qgis.PyQt.QtCore import Qt

from .consultation_grid import assert_session_follows_layer, dock_rows, event, fid, spaces_of_layer

# space 1 is the grid's columns 0-2 (rows 0-3); event(r, c) points at the centre of cell (r, c), so
# column position 0.5 is the boundary between columns 0 and 1
BELOW, ABOVE = -0.8, 3.8  # row positions beyond the grid's bottom and top edge


def draw(tool, canvas, vertices, finish=True):
    """Click a block of space 1, then the line's vertices (row, column positions), right-click to finish."""
    tool.canvasReleaseEvent(event(canvas, "release", 1, 1))
    for r, c in vertices:
        tool.canvasMoveEvent(event(canvas, "move", r, c))
        tool.canvasReleaseEvent(event(canvas, "release", r, c))
    if finish:
        tool.canvasReleaseEvent(event(canvas, "release", *vertices[-1], button=Qt.MouseButton.RightButton))


def test_a_line_along_a_street_splits_the_space_in_one_command(setup):
    from sozialraum.ui.decision_log import operation_text
    from sozialraum.ui.split_line_tool import SplitLineTool

    layer, canvas, dock, host = setup
    stack = layer.undoStack()
    count = stack.count()
    before = spaces_of_layer(layer)
    tool = SplitLineTool(canvas, host)
    draw(tool, canvas, [(BELOW, 0.5), (ABOVE, 0.5)])  # between columns 0 and 1
    assert stack.count() == count + 1
    values = spaces_of_layer(layer)
    # column 0 (4 x 100 residents) is the smaller side: it becomes the new space 3
    assert {values[fid(layer, r, 0)] for r in range(4)} == {3}
    assert {values[fid(layer, r, c)] for r in range(4) for c in (1, 2)} == {1}
    assert {values[fid(layer, r, c)] for r in range(4) for c in (3, 4, 5)} == {2}
    rows = dock_rows(dock)
    assert rows[3][0] == "400" and set(rows) == {1, 2, 3}
    assert "split along the line" in host.messages[-1][0] or "below" in host.messages[-1][0]
    row = dock.layer_session.decision_log.rows()[-1]
    assert row.operation == "split_line" and "along a line" in operation_text(row) and (row.from_spaces, row.to_spaces, row.blocks) == ("1", "3", 4)
    assert row.population == 400
    assert_session_follows_layer(dock.layer_session)
    stack.undo()
    assert spaces_of_layer(layer) == before
    assert_session_follows_layer(dock.layer_session)


def test_a_bent_line_takes_the_corner(setup):
    from sozialraum.ui.split_line_tool import SplitLineTool

    layer, canvas, dock, host = setup
    tool = SplitLineTool(canvas, host)
    # up between columns 1 and 2 to the middle, then west between rows 1 and 2 out of the grid
    draw(tool, canvas, [(BELOW, 1.5), (1.5, 1.5), (1.5, -1.0)])
    values = spaces_of_layer(layer)
    corner = {fid(layer, r, c) for r in (0, 1) for c in (0, 1)}  # 4 blocks south-west of the corner
    assert {values[block] for block in corner} == {3}
    assert {values[fid(layer, r, c)] for r in range(4) for c in range(3) if fid(layer, r, c) not in corner} == {1}


def test_escape_a_missing_line_and_a_locked_space_change_nothing(setup):
    from qgis.PyQt.QtCore import QEvent
    from qgis.PyQt.QtGui import QKeyEvent

    from sozialraum.ui.split_line_tool import SplitLineTool

    layer, canvas, dock, host = setup
    stack = layer.undoStack()
    count = stack.count()
    before = spaces_of_layer(layer)
    tool = SplitLineTool(canvas, host)
    draw(tool, canvas, [(BELOW, 0.5), (ABOVE, 0.5)], finish=False)
    tool.keyPressEvent(QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier))
    assert tool.space is None and tool.vertices == []
    tool.canvasReleaseEvent(event(canvas, "release", 0, 0, button=Qt.MouseButton.RightButton))  # nothing to finish
    assert stack.count() == count and spaces_of_layer(layer) == before
    # a line beside the space divides nothing: a message, no command
    draw(tool, canvas, [(BELOW, -0.7), (ABOVE, -0.7)])
    assert "all its blocks lie on one side" in host.messages[-1][0]
    dock.layer_session.set_locked(1, True)
    count = stack.count()
    draw(tool, canvas, [(BELOW, 0.5), (ABOVE, 0.5)])
    assert "locked" in host.messages[-1][0]
    assert stack.count() == count and spaces_of_layer(layer) == before
