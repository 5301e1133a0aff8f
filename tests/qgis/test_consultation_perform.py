"""One path for every operation: LayerSession.perform (issue 19, 2).

Each operation (paint, merge, split, split along a line, new space, lock/unlock, re-optimise
apply) is run by the engine, written as ONE edit command with its decision-log row, redraws the
blocks at once and is reported in the current language; a refusal writes nothing, a failure
while writing leaves nothing behind. These tests failed before: there was no perform and no
operations module (each tool wrote and reported in its own way).
"""

import pytest

from .consultation_grid import SIZE, X0, Y0, assert_session_follows_layer, fid, spaces_of_layer


def operation(name, layer, layer_session):
    """The operation ``name`` on the grid (space 1 west, 2 east), and the spaces it must leave."""
    from sozialraum.ui import operations

    if name == "paint":
        return operations.Paint((fid(layer, 0, 3), fid(layer, 1, 3)), 1)
    if name == "merge":
        return operations.Merge(1, 2)
    if name == "split":
        return operations.Split(2)
    if name == "split along a line":  # a horizontal line through space 2 between rows 1 and 2
        y = Y0 + 2 * SIZE
        return operations.SplitAlongLine(2, ((X0 + 2.5 * SIZE, y), (X0 + 6.5 * SIZE, y)))
    if name == "new space":
        return operations.NewSpace((fid(layer, 0, 2), fid(layer, 1, 2)))
    if name == "lock":
        return operations.SetLock(2, True)
    if name == "re-optimise":
        return operations.Reassign((fid(layer, 0, 3),), (1,))
    raise AssertionError(name)


#: each operation and the kind of its log row
OPERATIONS = {"paint": "move", "merge": "merge", "split": "split", "split along a line": "split", "new space": "new_space",
              "lock": "lock", "re-optimise": "reoptimise"}


@pytest.mark.parametrize("name", OPERATIONS)
def test_every_operation_is_one_command_with_its_log_row_redrawn_and_reported(setup, name):
    from qgis.core import Qgis

    layer, canvas, dock, host = setup
    layer_session = dock.layer_session
    stack, log = layer.undoStack(), layer_session.decision_log
    count, rows, values = stack.count(), len(log.rows()), spaces_of_layer(layer)
    repaints, performed, reports = [], [], []
    layer.repaintRequested.connect(lambda *args: repaints.append(1))
    layer_session.performed.connect(performed.append)
    outcome = layer_session.perform(operation(name, layer, layer_session), lambda text, level: reports.append((text, level)))
    assert outcome.written, outcome.message
    assert stack.count() == count + 1  # ONE edit command ...
    assert len(log.rows()) == rows + 1  # ... with its log row, named as the command
    assert log.rows()[-1].kind == OPERATIONS[name]
    assert repaints, "the blocks were not redrawn at once"
    assert performed == [outcome]  # the dock and the live layer are told
    assert reports and reports[-1][1] in (Qgis.MessageLevel.Success, Qgis.MessageLevel.Warning) and reports[-1][0]
    assert_session_follows_layer(layer_session)
    stack.undo()  # one undo takes back the change and its log row
    assert spaces_of_layer(layer) == values and len(log.rows()) == rows
    assert not layer_session.session.locked
    assert_session_follows_layer(layer_session)


def test_a_refused_operation_writes_nothing_and_says_why(setup):
    from qgis.core import Qgis

    from sozialraum.ui.operations import Merge, Paint, Split

    layer, canvas, dock, host = setup
    layer_session = dock.layer_session
    layer_session.set_locked(2, True)
    stack, values = layer.undoStack(), spaces_of_layer(layer)
    count = stack.count()
    for refused, words in ((Paint((fid(layer, 0, 3),), 1), "locked"), (Merge(1, 2), "locked"), (Split(2), "locked")):
        reports = []
        outcome = layer_session.perform(refused, lambda text, level, reports=reports: reports.append((text, level)))
        assert not outcome.written and outcome.change is None
        assert reports == [(outcome.message, Qgis.MessageLevel.Warning)] and words in outcome.message
    assert stack.count() == count and spaces_of_layer(layer) == values


def test_a_layer_not_in_editing_mode_refuses_every_operation(setup):
    from sozialraum.ui.operations import Paint

    layer, canvas, dock, host = setup
    layer.rollBack()
    outcome = dock.layer_session.perform(Paint((fid(layer, 0, 3),), 1))
    assert not outcome.written and "Toggle editing" in outcome.message
    assert spaces_of_layer(layer)[fid(layer, 0, 3)] == 2
    layer.startEditing()


@pytest.mark.parametrize("name", ["paint", "lock"])
def test_a_failure_while_writing_is_undone_and_reported(setup, monkeypatch, name):
    from qgis.core import Qgis

    from sozialraum.ui import session_layer

    layer, canvas, dock, host = setup
    layer_session = dock.layer_session
    stack, values, rows = layer.undoStack(), spaces_of_layer(layer), len(layer_session.decision_log.rows())
    count = stack.count()
    monkeypatch.setattr(session_layer.Decision, "from_change", classmethod(lambda cls, *a, **k: 1 / 0))
    reports = []
    outcome = layer_session.perform(operation(name, layer, layer_session), lambda text, level: reports.append((text, level)))
    monkeypatch.undo()
    assert not outcome.written and reports[-1][1] == Qgis.MessageLevel.Critical
    assert stack.count() == count and spaces_of_layer(layer) == values
    assert len(layer_session.decision_log.rows()) == rows and not layer_session.session.locked
    assert_session_follows_layer(layer_session)
    assert layer_session.perform(operation(name, layer, layer_session)).written  # no macro left open
    assert stack.count() == count + 1


def test_the_tools_only_make_operations(setup):
    """The tools hand their gestures to perform: a stroke, a merge and a split arrive there as operations."""
    from sozialraum.ui.merge_tool import MergeTool
    from sozialraum.ui.operations import Merge, Paint, Split
    from sozialraum.ui.paint_tool import PaintTool
    from sozialraum.ui.split_tool import SplitTool

    from .consultation_grid import event, stroke

    layer, canvas, dock, host = setup
    seen = []
    dock.layer_session.performed.connect(lambda outcome: seen.append(outcome.operation))
    paint = PaintTool(canvas, host)
    paint.set_target(1)
    stroke(paint, canvas, [(0, 3), (1, 3)])
    merge = MergeTool(canvas, host)
    merge.canvasReleaseEvent(event(canvas, "release", 3, 0))
    merge.canvasReleaseEvent(event(canvas, "release", 3, 5))
    SplitTool(canvas, host).canvasReleaseEvent(event(canvas, "release", 0, 0))
    assert seen[:2] == [Paint((fid(layer, 0, 3), fid(layer, 1, 3)), 1), Merge(1, 2)]
    assert isinstance(seen[2], Split) and seen[2].space == 1


def test_a_lock_from_the_table_is_reported_in_german(setup):
    from qgis.PyQt.QtCore import Qt

    from sozialraum.ui.spaces_model import LOCKED

    from .conftest import german_interface

    layer, canvas, dock, host = setup
    with german_interface():
        dock.refresh()
        index = dock.model.index(dock.row_of(2), LOCKED)
        assert dock.model.setData(index, Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
        assert dock.layer_session.session.is_locked(2)
        assert dock.message_label.text() == "Sozialraum 2 gesperrt: er gibt keine Blöcke ab und nimmt keine auf."
