"""The map during a consultation: redrawn after every change, the blocks layer stays in front and active (issue 19)."""
from .consultation_grid import ROWS, fid, stroke


def wait_until(condition, timeout_ms=3000):
    from qgis.PyQt.QtTest import QTest

    for _ in range(timeout_ms // 20):
        if condition():
            return True
        QTest.qWait(20)
    return condition()


def test_a_stroke_redraws_the_blocks_without_the_live_layer(setup):
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


def test_unticking_the_live_layer_redraws_the_map(setup):
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


def test_the_proposed_spaces_over_the_blocks_are_hidden_while_the_session_is_open(qgis_app, qgis_canvas, qgis_new_project):
    """Failed before the fix: the output "Social spaces" stayed visible over the blocks and never followed a stroke."""
    from qgis.core import QgsProject

    from sozialraum.ui.consultation_dock import ConsultationDock

    from .conftest import memory_layer, square
    from .consultation_grid import grid_layer

    layer = grid_layer()
    QgsProject.instance().addMapLayer(layer)
    spaces = memory_layer("MultiPolygon", "EPSG:25832", ["space_id:integer", "population:double", "n_blocks:integer",
                                                        "status:string"], [(square(300000, 5640000, 600), [1, 2400, 24, "ok"])])
    spaces.setName("Social spaces")
    QgsProject.instance().addMapLayer(spaces)  # added last: on top, as after the algorithm
    root = QgsProject.instance().layerTreeRoot()
    assert [node.layer() for node in root.findLayers()][:2] == [spaces, layer]
    dock = ConsultationDock(None, qgis_canvas)
    try:
        dock.layer_combo.setLayer(layer)
        dock.space_combo.setField("space")
        dock.population_combo.setField("pop")
        assert dock.open_session() is not None, dock.message_label.text()
        assert not root.findLayer(spaces.id()).isVisible()
        assert root.findLayer(layer.id()).isVisible()
        assert "Social spaces" in dock.message_label.text() and "Hidden" in dock.message_label.text()
        dock.close_session()
        assert root.findLayer(spaces.id()).isVisible()  # shown again: the session changed nothing for good
    finally:
        dock.close_session()
        dock.cleanup()
        dock.deleteLater()


def test_the_blocks_layer_stays_active_when_the_live_layer_comes(qgis_app, qgis_canvas, qgis_iface, qgis_new_project):
    """Failed before the fix: the live layer became the active layer, so Ctrl+Z and the Undo panel left the blocks."""
    from qgis.core import QgsProject

    from sozialraum.ui.consultation_dock import ConsultationDock

    from .consultation_grid import grid_layer

    def like_the_desktop(layers):  # QGIS makes a layer added to the project the active one
        qgis_iface.setActiveLayer(layers[-1])

    QgsProject.instance().layersAdded.connect(like_the_desktop)
    layer = grid_layer()
    other = grid_layer()
    QgsProject.instance().addMapLayers([layer, other])
    dock = ConsultationDock(qgis_iface, qgis_canvas)
    try:
        dock.layer_combo.setLayer(layer)
        dock.space_combo.setField("space")
        dock.population_combo.setField("pop")
        assert dock.open_session() is not None, dock.message_label.text()
        assert qgis_iface.activeLayer() is layer  # the session's layer, not the one added last
        dock.live_check.setChecked(True)
        assert dock.live is not None
        assert qgis_iface.activeLayer() is layer
    finally:
        QgsProject.instance().layersAdded.disconnect(like_the_desktop)
        dock.close_session()
        dock.cleanup()
        dock.deleteLater()
