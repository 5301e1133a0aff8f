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


def meeting_window():
    """A main window styled as QGIS styles its own (font size by the application's style sheet)."""
    from qgis.PyQt.QtCore import Qt
    from qgis.PyQt.QtGui import QStandardItemModel
    from qgis.PyQt.QtWidgets import (
        QComboBox,
        QDockWidget,
        QLabel,
        QMainWindow,
        QPushButton,
        QTableView,
        QToolBar,
        QVBoxLayout,
        QWidget,
    )

    window = QMainWindow()
    # QGIS sets its font size with the application's style sheet (QgisAppStyleSheet)
    window.setStyleSheet("* { font-size: 9pt; }")
    bar = QToolBar("consultation", window)
    window.addToolBar(bar)
    dock = QDockWidget("ours", window)
    body = QWidget()
    column = QVBoxLayout(body)
    table = QTableView()
    table.setModel(QStandardItemModel(3, 2, table))
    combo = QComboBox()
    combo.setEditable(True)
    combo.addItem("pop_65plus, foreigners")
    for widget in (QLabel("Spaces: 34, problems: 0"), table, QPushButton("Open session"), combo):
        column.addWidget(widget)
    dock.setWidget(body)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    window.show()
    return window, bar, dock, table


def drawn_size(widget):
    from qgis.PyQt.QtGui import QFontInfo

    widget.ensurePolished()
    return QFontInfo(widget.font()).pointSizeF()


def test_everything_in_the_dock_grows_under_qgis_style_sheet(qgis_app, qgis_canvas, qgis_new_project):
    from qgis.PyQt.QtWidgets import QComboBox, QLabel, QPushButton

    from sozialraum.ui.presentation_mode import PresentationMode

    window, bar, dock, table = meeting_window()
    body = dock.widget()
    widgets = [body.findChild(QLabel), table, body.findChild(QPushButton), table.horizontalHeader(),
               body.findChild(QComboBox), body.findChild(QComboBox).lineEdit()]
    sizes = [drawn_size(w) for w in widgets]
    rows, icons = table.verticalHeader().defaultSectionSize(), bar.iconSize()
    mode = PresentationMode(window, qgis_canvas, keep=(bar, dock), enlarge=(dock,))
    mode.set_active(True)
    try:
        grown = [drawn_size(w) for w in widgets]
        assert all(after >= 1.5 * before for before, after in zip(sizes, grown)), (sizes, grown)
        assert table.verticalHeader().defaultSectionSize() >= 1.5 * rows  # rows high enough for the text
        assert bar.iconSize().width() >= 1.5 * icons.width()
    finally:
        mode.set_active(False)
    assert [drawn_size(w) for w in widgets] == sizes  # headers and combo boxes too (they kept the large text)
    assert table.verticalHeader().defaultSectionSize() == rows and bar.iconSize() == icons
    window.close()


def spaces_and_railway():
    from qgis.core import QgsLineSymbol, QgsProject, QgsSingleSymbolRenderer

    from sozialraum.qgisio.space_labels import space_labeling

    spaces = memory_layer("Polygon", "EPSG:25832", ["space_id:integer", "population:double"],
                          [(square(300000, 5640000, 2000), [20, 8473])])
    spaces.setLabeling(space_labeling("space_id", "population"))
    spaces.setLabelsEnabled(True)
    railway = memory_layer("LineString", "EPSG:25832", [], [])
    railway.setRenderer(QgsSingleSymbolRenderer(QgsLineSymbol.createSimple({"line_width": "0.26"})))
    QgsProject.instance().addMapLayers([spaces, railway])
    return spaces, railway


def label_text(layer, scale):
    from qgis.core import QgsExpression, QgsExpressionContext, QgsExpressionContextScope, QgsExpressionContextUtils

    settings = layer.labeling().settings()
    context = QgsExpressionContext(QgsExpressionContextUtils.globalProjectLayerScopes(layer))
    scope = QgsExpressionContextScope()
    scope.setVariable("map_scale", scale)
    context.appendScope(scope)
    context.setFeature(next(layer.getFeatures()))
    return QgsExpression(settings.fieldName).evaluate(context)


def test_the_map_for_the_projector_numbers_at_town_scale_and_bold_barriers_on_top(qgis_app, qgis_canvas, qgis_new_project):
    from qgis.PyQt.QtWidgets import QMainWindow

    from sozialraum.ui.presentation_mode import PresentationMode

    spaces, railway = spaces_and_railway()
    qgis_canvas.setLayers([spaces, railway])  # the railway below the spaces, as after "Propose social spaces"
    window = QMainWindow()
    mode = PresentationMode(window, qgis_canvas)
    assert label_text(spaces, 40000) == "20\n8,473" or label_text(spaces, 40000).startswith("20\n")
    mode.set_active(True)
    try:
        settings = spaces.labeling().settings()
        assert label_text(spaces, 40000) == "20"  # the whole town: the number only, nothing to pile up
        assert label_text(spaces, 5000).startswith("20\n8")  # zoomed in: the population too
        assert not settings.displayAll and settings.priority == 10  # no label drawn over another
        assert not settings.obstacleSettings().isObstacle()  # a space does not push its neighbour's number away
        assert settings.format().background().enabled()  # each number in its own box: "11" "2", not "112"
        assert settings.format().size() > 14
        assert railway.renderer().symbol().width() >= 1.4  # the railway is not a hairline
        assert qgis_canvas.layers()[0] is railway  # and is drawn above the spaces
    finally:
        mode.set_active(False)
    assert spaces.labeling().settings().displayAll and label_text(spaces, 40000).startswith("20\n")
    assert railway.renderer().symbol().width() == 0.26
    assert qgis_canvas.layers() == [spaces, railway]
    window.close()


def test_a_kept_view_opened_during_the_meeting_stays_open_after_it(qgis_app, qgis_canvas, qgis_new_project):
    """The before/after view opened in presentation mode was closed again when the mode ended."""
    from qgis.PyQt.QtCore import Qt
    from qgis.PyQt.QtWidgets import QDockWidget

    from sozialraum.ui.presentation_mode import PresentationMode

    window, bar, dock, table = meeting_window()
    before = QDockWidget("before", window)
    window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, before)
    before.hide()
    mode = PresentationMode(window, qgis_canvas, keep=(bar, dock, before), enlarge=(dock, before))
    mode.set_active(True)
    before.show()
    mode.set_active(False)
    assert before.isVisible() and dock.isVisible()
    window.close()


def test_a_project_saved_during_the_meeting_keeps_the_planners_styles(qgis_app, qgis_canvas, qgis_new_project, tmp_path):
    """Ctrl+S in presentation mode wrote the meeting's bold lines, big labels and layer order into the project."""
    import xml.etree.ElementTree as ET

    from qgis.core import QgsProject
    from qgis.PyQt.QtWidgets import QMainWindow

    from sozialraum.ui.presentation_mode import PresentationMode

    spaces, railway = spaces_and_railway()
    root = QgsProject.instance().layerTreeRoot()
    qgis_canvas.setLayers([spaces, railway])
    window = QMainWindow()
    mode = PresentationMode(window, qgis_canvas)
    mode.set_active(True)
    path = tmp_path / "meeting.qgs"
    try:
        assert root.hasCustomLayerOrder() and railway.renderer().symbol().width() >= 1.4
        assert QgsProject.instance().write(str(path))
        assert railway.renderer().symbol().width() >= 1.4  # the meeting goes on with its styles
    finally:
        mode.set_active(False)
    window.close()
    project = ET.parse(path).getroot()
    layers = {layer.findtext("id"): layer for layer in project.iter("maplayer")}
    widths = [option.get("value") for option in layers[railway.id()].iter("Option") if option.get("name") == "line_width"]
    # the planner's 0.26 mm line, not the meeting's >= 1.4 mm (QGIS 3.40+ also write other symbols' line_width, e.g. 0.6)
    assert "0.26" in widths and all(float(width) < 1.4 for width in widths), widths
    settings = layers[spaces.id()].find("labeling/settings")
    assert settings.find("text-style").get("fontSize") == "9"
    assert settings.find("placement").get("priority") != "10"
    assert project.find("layer-tree-group/custom-order").get("enabled") == "0"
