"""Re-optimise around decisions on a real canvas and dock: preview, apply as one undo step, discard."""
import pytest

from .conftest import memory_layer, square
from .consultation_grid import COLS, ROWS, SIZE, X0, Y0, Host, fid, spaces_of_layer, stroke

LOWER, UPPER = 700, 1000


def unbalanced_layer():
    """4 x 6 squares, 100 residents each: space 1 = column 0 (400), 2 = columns 1-4 (1600), 3 = column 5 (400)."""
    rows = []
    for r in range(ROWS):
        for c in range(COLS):
            space = 1 if c == 0 else 3 if c == COLS - 1 else 2
            rows.append((square(X0 + c * SIZE, Y0 + r * SIZE, SIZE), [r * COLS + c + 1, space, 100, float((r * 7 + c * 3) % 5)]))
    return memory_layer("Polygon", "EPSG:25832", ["bid:integer", "space:integer", "pop:integer", "x:double"], rows)


@pytest.fixture
def meeting(qgis_app, qgis_canvas, qgis_new_project):
    """The layer in editing mode, an open session (space 3 locked), a hand stroke of blocks (0, 1), (1, 1) into space 1."""
    from qgis.core import QgsProject

    from sozialraum.ui.consultation_dock import ConsultationDock
    from sozialraum.ui.paint_tool import PaintTool

    layer = unbalanced_layer()
    QgsProject.instance().addMapLayer(layer)
    canvas = qgis_canvas
    canvas.resize(600, 400)
    canvas.setDestinationCrs(layer.crs())
    canvas.setLayers([layer])
    canvas.setExtent(layer.extent())
    dock = ConsultationDock(None, canvas)
    dock.layer_combo.setLayer(layer)
    dock.space_combo.setField("space")
    dock.population_combo.setField("pop")
    dock.attributes_combo.setCheckedItems(["x"])
    dock.lower_spin.setValue(LOWER)
    dock.upper_spin.setValue(UPPER)
    assert dock.open_session() is not None, dock.message_label.text()
    layer.startEditing()
    dock.layer_session.set_locked(3, True)
    host = Host(dock)
    tool = PaintTool(canvas, host)
    tool.set_target(1)
    stroke(tool, canvas, [(0, 1), (1, 1)])
    hand = {fid(layer, 0, 1), fid(layer, 1, 1)}
    assert {layer.getFeature(block)["space"] for block in hand} == {1}
    dock.refresh()
    yield layer, canvas, dock, host, hand
    dock.close_session()
    layer.rollBack()
    dock.deleteLater()


def locked_blocks(layer):
    return {f.id() for f in layer.getFeatures() if f["space"] == 3}


def test_apply_writes_the_preview_as_one_undo_step_around_the_decisions(meeting):
    layer, canvas, dock, host, hand = meeting
    stack = layer.undoStack()
    count = stack.count()
    before = spaces_of_layer(layer)
    locked = locked_blocks(layer)
    problems_before = dock.layer_session.session.summary().problems
    proposal = dock.reoptimise()
    assert proposal is not None and proposal.blocks
    # the preview: nothing written, an outline on the canvas, a summary with Apply/Discard
    assert spaces_of_layer(layer) == before and stack.count() == count
    assert dock.proposal_panel.isVisibleTo(dock) and dock.apply_button.isEnabled()
    band = dock.reoptimiser.band()
    assert band is not None and band.asGeometry().area() > 0
    assert f"move {len(proposal.blocks)} blocks" in dock.proposal_label.text()
    assert f"Problems {problems_before} → {proposal.summary_after.problems}" in dock.proposal_label.text()
    assert proposal.summary_after.problems < problems_before
    assert not set(proposal.blocks) & hand and not set(proposal.blocks) & locked

    dock.apply_button.click()
    assert stack.count() == count + 1
    expected = dict(before)
    expected.update(zip(proposal.blocks, proposal.after))
    assert spaces_of_layer(layer) == expected  # the layer holds exactly the preview
    assert locked_blocks(layer) == locked
    assert {layer.getFeature(block)["space"] for block in hand} == {1}
    assert dock.layer_session.session.summary().problems == proposal.summary_after.problems
    assert dock.log_rows()[-1].kind == "reoptimise" and dock.log_rows()[-1].blocks == len(proposal.blocks)
    assert dock.reoptimiser.band() is None and not dock.proposal_panel.isVisibleTo(dock)
    assert layer.isEditable() and layer.isModified()  # the edits stay in the buffer: never committed

    stack.undo()  # one undo restores the division before exactly, and removes the log row
    assert spaces_of_layer(layer) == before and stack.index() == count
    assert dock.log_rows()[-1].kind != "reoptimise"
    assert dock.layer_session.session.summary().problems == problems_before
    stack.redo()
    assert spaces_of_layer(layer) == expected


def test_discard_leaves_the_layer_untouched(meeting):
    layer, canvas, dock, host, hand = meeting
    stack = layer.undoStack()
    count, index = stack.count(), stack.index()
    before = spaces_of_layer(layer)
    rows = len(dock.log_rows())
    dock.reoptimise_button.click()
    assert dock.reoptimiser.proposal.blocks and dock.reoptimiser.band() is not None
    dock.discard_button.click()
    assert dock.reoptimiser.proposal is None and dock.reoptimiser.band() is None
    assert not dock.proposal_panel.isVisibleTo(dock)
    assert spaces_of_layer(layer) == before and (stack.count(), stack.index()) == (count, index)
    assert len(dock.log_rows()) == rows
    assert "no re-optimisation" in (dock.apply_reoptimisation() is None and dock.message_label.text())


def test_a_preview_made_before_another_edit_is_refused(meeting):
    from sozialraum.ui.paint_tool import PaintTool

    layer, canvas, dock, host, hand = meeting
    proposal = dock.reoptimise()
    moved = proposal.blocks[0]
    r, c = divmod(layer.getFeature(moved)["bid"] - 1, COLS)
    tool = PaintTool(canvas, host)
    tool.set_target(1 if proposal.before[0] != 1 else 2)  # the block leaves the space the proposal expects
    stroke(tool, canvas, [(r, c)])
    after_stroke = spaces_of_layer(layer)
    count = layer.undoStack().count()
    assert dock.apply_reoptimisation() is None
    assert "changed since the preview" in dock.message_label.text()
    assert spaces_of_layer(layer) == after_stroke and layer.undoStack().count() == count


def test_a_layer_not_in_editing_mode_is_not_reoptimised(meeting):
    layer, canvas, dock, host, hand = meeting
    layer.rollBack()
    assert dock.reoptimise() is None
    assert "Toggle editing" in dock.message_label.text()



def test_a_space_locked_after_the_preview_refuses_the_apply(meeting):
    layer, canvas, dock, host, hand = meeting
    proposal = dock.reoptimise()
    space = proposal.after[0]
    dock.layer_session.set_locked(space, True)
    values, count = spaces_of_layer(layer), layer.undoStack().count()
    assert dock.apply_reoptimisation() is None
    assert f"Space {space} was locked since the preview" in dock.message_label.text()
    assert spaces_of_layer(layer) == values and layer.undoStack().count() == count


def test_an_edit_after_the_preview_discards_it_and_says_so(meeting):
    from qgis.PyQt.QtTest import QTest

    from sozialraum.ui.paint_tool import PaintTool

    layer, canvas, dock, host, hand = meeting
    proposal = dock.reoptimise()
    r, c = divmod(layer.getFeature(proposal.blocks[0])["bid"] - 1, COLS)
    tool = PaintTool(canvas, host)
    tool.set_target(1 if proposal.before[0] != 1 else 2)
    stroke(tool, canvas, [(r, c)])
    QTest.qWait(300)  # the session tells its listeners after its timer
    assert dock.reoptimiser.proposal is None and dock.reoptimiser.band() is None
    assert dock.proposal_panel.isVisibleTo(dock) and not dock.apply_button.isEnabled()
    assert "preview was discarded" in dock.proposal_label.text()
    dock.discard_button.click()
    assert not dock.proposal_panel.isVisibleTo(dock)


def test_an_edit_that_leaves_the_preview_true_keeps_it(meeting):
    from qgis.PyQt.QtTest import QTest

    layer, canvas, dock, host, hand = meeting
    proposal = dock.reoptimise()
    dock.layer_session.set_locked(3, False)  # a change (one undo step) that moves no block
    QTest.qWait(300)
    assert dock.reoptimiser.proposal == proposal and dock.apply_button.isEnabled()


def test_the_preview_is_brought_into_view(meeting):
    """The blocks the preview would move lay off-screen: the map shows them (issue 19, walk-through)."""
    from qgis.core import QgsRectangle

    layer, canvas, dock, host, hand = meeting
    canvas.setExtent(QgsRectangle(X0 - 900, Y0 - 900, X0 - 700, Y0 - 700))  # beside the town
    proposal = dock.reoptimise()
    assert proposal is not None and proposal.blocks
    outline = dock.reoptimiser.band().asGeometry().boundingBox()
    assert canvas.extent().contains(outline), (canvas.extent().toString(), outline.toString())
    view = canvas.extent()
    dock.discard_reoptimisation()
    dock.reoptimise()  # already in view: the map is left as it is
    assert canvas.extent() == view


def test_no_text_of_the_dock_is_cut_while_the_preview_is_open(meeting):
    """A dock of a laptop's height with the preview open: the neighbourhood, the message and the
    preview's summary keep the height their wrapped text needs, the table more than a row (the dock
    scrolls instead; issue 19, walk-through: the neighbourhood text was cut)."""
    from qgis.PyQt.QtWidgets import QApplication

    layer, canvas, dock, host, hand = meeting
    dock.resize(330, 520)
    dock.show()
    dock.neighbourhood_label.setText("as the run that made the layer: gap 30 m, barriers: Musterstadt – barriers, "
                                     "nesting: none")
    assert dock.reoptimise() is not None
    for _ in range(5):
        QApplication.processEvents()
    for label in (dock.neighbourhood_label, dock.message_label, dock.proposal_label):
        assert label.height() >= label.heightForWidth(label.width()), (label.objectName(), label.height(), label.text())
    rows = dock.table.verticalHeader().defaultSectionSize()
    assert dock.table.viewport().height() >= 3 * rows
    dock.hide()
