"""Presentation mode: chrome hidden, text larger, everything restored exactly on exit."""
from .conftest import memory_layer, square


def labelled_layer():
    from qgis.core import QgsPalLayerSettings, QgsTextFormat, QgsVectorLayerSimpleLabeling

    layer = memory_layer("Polygon", "EPSG:25832", ["space:integer"], [(square(300000, 5640000), [1])])
    settings = QgsPalLayerSettings()
    settings.fieldName = "space"
    text = QgsTextFormat()
    text.setSize(9)
    settings.setFormat(text)
    layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
    layer.setLabelsEnabled(True)
    return layer


def test_enter_hides_the_chrome_and_exit_restores_it_exactly(qgis_app, qgis_canvas, qgis_new_project):
    from qgis.core import QgsProject
    from qgis.PyQt.QtCore import Qt
    from qgis.PyQt.QtWidgets import QDockWidget, QLabel, QMainWindow, QToolBar

    from sozialraum.ui.presentation_mode import PresentationMode

    window = QMainWindow()
    window.menuBar().addMenu("File")
    window.statusBar().showMessage("ready")
    ours_bar, other_bar = QToolBar("consultation", window), QToolBar("digitizing", window)
    window.addToolBar(ours_bar)
    window.addToolBar(other_bar)
    ours_dock, layers_dock, closed_dock = QDockWidget("ours", window), QDockWidget("layers", window), QDockWidget("closed", window)
    ours_dock.setWidget(QLabel("Spaces: 34, problems: 0"))
    for dock in (ours_dock, layers_dock, closed_dock):
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    window.show()
    closed_dock.hide()  # closed by the planner before the meeting: must stay closed after it
    layer = labelled_layer()
    QgsProject.instance().addMapLayer(layer)
    qgis_canvas.setLayers([layer])
    font_size = ours_dock.font().pointSizeF()
    before = {w: w.isVisible() for w in (ours_bar, other_bar, ours_dock, layers_dock, closed_dock, window.menuBar(), window.statusBar())}
    mode = PresentationMode(window, qgis_canvas, keep=(ours_bar, ours_dock), enlarge=(ours_dock,))

    mode.set_active(True)
    assert mode.active and window.windowState() & Qt.WindowState.WindowFullScreen
    assert ours_bar.isVisible() and ours_dock.isVisible()
    assert not other_bar.isVisible() and not layers_dock.isVisible() and not closed_dock.isVisible()
    assert not window.menuBar().isVisible() and not window.statusBar().isVisible()
    assert ours_dock.font().pointSizeF() > 1.5 * font_size
    assert layer.labeling().settings().format().size() > 14

    mode.set_active(False)
    assert not mode.active and not window.windowState() & Qt.WindowState.WindowFullScreen
    assert {w: w.isVisible() for w in before} == before
    assert ours_dock.font().pointSizeF() == font_size
    assert layer.labeling().settings().format().size() == 9
    mode.set_active(False)  # leaving twice is harmless
    window.close()
    QgsProject.instance().removeMapLayer(layer.id())
