"""The map during a consultation: redrawn after every change, the blocks layer stays in front and active (issue 19)."""
from .test_consultation import ROWS, fid, setup, stroke  # noqa: F401  (setup: the fixture)


def wait_until(condition, timeout_ms=3000):
    from qgis.PyQt.QtTest import QTest

    for _ in range(timeout_ms // 20):
        if condition():
            return True
        QTest.qWait(20)
    return condition()


def test_a_stroke_redraws_the_blocks_without_the_live_layer(setup):  # noqa: F811
    """Failed before the fix: the edit buffer changed, the layer was never repainted (old colours until F5)."""
    from sozialraum.ui.paint_tool import PaintTool

    layer, canvas, dock, host = setup
    assert not dock.live_check.isChecked()
    repaints = []
    layer.repaintRequested.connect(lambda *args: repaints.append(1))
    tool = PaintTool(canvas, host)
    tool.set_target(1)
    stroke(tool, canvas, [(r, 3) for r in range(ROWS)])
    assert layer.getFeature(fid(layer, 0, 3))["space"] == 1
    assert wait_until(lambda: repaints), "the blocks layer was not repainted after the stroke"
    repaints.clear()
    layer.undoStack().undo()  # QGIS undo of the stroke: redrawn too
    assert wait_until(lambda: repaints)


def test_unticking_the_live_layer_redraws_the_map(setup):  # noqa: F811
    """Failed before the fix: the removed live layer's outlines and labels stayed on the canvas."""
    layer, canvas, dock, host = setup
    dock.live_check.setChecked(True)
    live = dock.live.layer
    canvas.setLayers([live, layer])
    canvas.refresh()
    canvas.waitWhileRendering()
    refreshed = []
    canvas.mapCanvasRefreshed.connect(lambda: refreshed.append(1))
    dock.live_check.setChecked(False)
    assert dock.live is None
    assert wait_until(lambda: refreshed), "the canvas was not redrawn after the live layer went"
    assert [lay for lay in canvas.layers() if lay is not None] == [layer]
