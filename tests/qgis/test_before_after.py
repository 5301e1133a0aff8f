"""Before/after canvas: the division as last saved beside the edited one."""

from .consultation_grid import fid, spaces_of_layer, stroke


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


def test_the_before_view_shows_outlines_and_numbers_and_follows_a_save(setup):
    from qgis.core import QgsProject

    from sozialraum.ui.before_after import BeforeAfterDock
    from sozialraum.ui.paint_tool import PaintTool

    from .conftest import memory_layer

    layer, canvas, dock, host = setup
    railway = memory_layer("LineString", "EPSG:25832", [], [])
    QgsProject.instance().addMapLayer(railway)
    canvas.setLayers([railway, layer])
    before = BeforeAfterDock(canvas)
    try:
        before.show_layer(layer, "space")
        outlines = before.outlines
        assert outlines is not None and before.canvas.layers()[0] is outlines  # drawn over the blocks
        assert before.canvas.layers()[1] is railway  # the barriers of the main map too
        assert sorted(f["space"] for f in outlines.getFeatures()) == ["1", "2"]  # one outline a space
        assert outlines.labelsEnabled() and outlines.labeling().settings().fieldName == "space"  # its number
        assert outlines.renderer().symbol().symbolLayer(0).strokeWidth() >= 0.5
        from qgis.PyQt.QtCore import Qt

        # the blocks without their outlines (thousands of them blacken a small map), the layer's own untouched
        assert before.copy.renderer().symbol().symbolLayer(0).strokeStyle() == Qt.PenStyle.NoPen
        assert layer.renderer().symbol().symbolLayer(0).strokeStyle() != Qt.PenStyle.NoPen
        tool = PaintTool(canvas, host)
        tool.set_target(2)
        stroke(tool, canvas, [(0, 2), (1, 2)])
        assert {f.id(): f["space"] for f in before.copy.getFeatures()}[fid(layer, 0, 2)] == 1  # not saved yet
        assert layer.commitChanges(False)  # the planner saves the edits (editing goes on)
        saved = {f.id(): f["space"] for f in before.copy.getFeatures()}
        assert saved[fid(layer, 0, 2)] == 2 and saved[fid(layer, 1, 2)] == 2  # the new "before", without Refresh
        assert before.canvas.layers()[0] is before.outlines
    finally:
        before.cleanup()
        before.deleteLater()


def test_the_before_view_opens_at_a_usable_height(qgis_app, qgis_canvas):
    from qgis.PyQt.QtCore import Qt
    from qgis.PyQt.QtWidgets import QApplication, QMainWindow, QWidget

    from sozialraum.ui.before_after import BeforeAfterDock

    window = QMainWindow()
    window.setCentralWidget(QWidget())
    window.resize(1600, 1000)
    before = BeforeAfterDock(qgis_canvas, window)
    before.hide()
    window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, before)
    window.show()
    try:
        before.open_beside(window)
        for _ in range(5):
            QApplication.processEvents()
        assert before.isVisible() and before.canvas.height() >= 300, before.canvas.height()
    finally:
        before.cleanup()
        window.close()


def test_the_outline_of_a_space_closes_the_streets_between_its_blocks(qgis_app):
    """Blocks 10 m apart (streets): one outline around the space, not one around every block
    (thousands of block outlines blackened the before map of the sample town)."""
    from sozialraum.ui.before_after import saved_outlines

    from .conftest import memory_layer, square

    rows = [(square(300000 + c * 100, 5640000 + r * 100, 90), [1 if c < 3 else 2]) for r in range(4) for c in range(6)]
    blocks = memory_layer("Polygon", "EPSG:25832", ["space:integer"], rows)
    outlines = saved_outlines(blocks, "space")
    shapes = {f["space"]: f.geometry() for f in outlines.getFeatures()}
    assert set(shapes) == {"1", "2"}
    for shape in shapes.values():
        parts = shape.asMultiPolygon() if shape.isMultipart() else [shape.asPolygon()]
        assert len(parts) == 1 and len(parts[0]) == 1, shape.asWkt(0)  # one ring: no block outlines inside
        assert abs(shape.area() - (290 * 390)) < 0.05 * 290 * 390  # the blocks and the streets between them
