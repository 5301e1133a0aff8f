"""A failure inside the plugin's code during a change leaves the layer's edit buffer intact."""

import pytest

from .consultation_grid import assert_session_follows_layer, fid, spaces_of_layer, stroke


@pytest.mark.parametrize("failing", ["log row", "attribute write"])
def test_a_failing_change_leaves_no_open_command_and_no_half_written_values(setup, monkeypatch, failing):
    from sozialraum.ui import session_layer
    from sozialraum.ui.paint_tool import PaintTool

    layer, canvas, dock, host = setup
    tool = PaintTool(canvas, host)
    tool.set_target(2)
    stroke(tool, canvas, [(0, 2)])  # one good change before: it must survive
    stack = layer.undoStack()
    count, before = stack.count(), spaces_of_layer(layer)
    with monkeypatch.context() as patch:
        if failing == "log row":
            patch.setattr(session_layer.Decision, "from_change", classmethod(lambda cls, *a, **k: 1 / 0))
        else:
            real = layer.changeAttributeValue
            calls = []

            def second_write_fails(*args):
                calls.append(args)
                return len(calls) < 2 and real(*args)

            patch.setattr(layer, "changeAttributeValue", second_write_fails)
        with pytest.raises((ZeroDivisionError, RuntimeError)):
            dock.layer_session.commit(dock.layer_session.session.move([fid(layer, 1, 2), fid(layer, 2, 2)], 2), "stroke")
    assert stack.count() == count and spaces_of_layer(layer) == before  # nothing half-written
    assert layer.isEditable() and layer.isModified()  # the earlier change is still in the buffer
    assert_session_follows_layer(dock.layer_session)
    stroke(tool, canvas, [(3, 2)])  # the next change is a command of its own (no macro left open)
    assert stack.count() == count + 1 and spaces_of_layer(layer)[fid(layer, 3, 2)] == 2
    stack.undo()
    assert spaces_of_layer(layer) == before
