"""Before/after canvas: the division as last saved beside the edited one."""
# ruff: noqa: F811 (the fixture "setup" is imported from test_consultation and used by name)
from .test_consultation import fid, setup, spaces_of_layer, stroke  # noqa: F401


def test_the_before_canvas_shows_the_saved_division_in_the_same_style(setup):
    from qgis.core import QgsFillSymbol, QgsSingleSymbolRenderer

    from sozialraum.ui.before_after import BeforeAfterDock
    from sozialraum.ui.paint_tool import PaintTool

    layer, canvas, dock, host = setup
    layer.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple({"color": "#123456"})))
    tool = PaintTool(canvas, host)
    tool.set_target(2)
    stroke(tool, canvas, [(0, 2), (1, 2)])  # two blocks of space 1 painted into 2 (in the edit buffer only)
    assert spaces_of_layer(layer)[fid(layer, 0, 2)] == 2
    before = BeforeAfterDock(canvas)
    try:
        before.show_layer(layer)
        copy = before.copy
        assert before.canvas.layers() == [copy] and copy.featureCount() == layer.featureCount()
        saved = {f.id(): f["space"] for f in copy.getFeatures()}
        assert saved[fid(layer, 0, 2)] == 1 and saved[fid(layer, 1, 2)] == 1  # as saved, not as edited
        assert saved[fid(layer, 3, 5)] == 2
        assert copy.renderer().symbol().color().name() == "#123456"  # the layer's own style
        assert copy.crs() == layer.crs()
        # it follows the main canvas
        extent = canvas.extent()
        extent.scale(0.5)
        canvas.setExtent(extent)
        assert before.canvas.extent().center().x() == canvas.extent().center().x()
        assert spaces_of_layer(layer)[fid(layer, 0, 2)] == 2  # the edit buffer is untouched
        assert layer.isModified()
    finally:
        before.cleanup()
        before.deleteLater()
