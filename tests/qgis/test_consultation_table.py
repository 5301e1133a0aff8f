"""The dock's table of spaces: filtered and sorted, a click acts on the space of the row clicked (issue 19, 7)."""
from .conftest import memory_layer, square


def many_spaces_layer():
    """5 x 8 blocks, each its own space 1..40, populations 50..199."""
    rows = [(square(300000 + c * 100, 5640000 + r * 100), [r * 8 + c + 1, r * 8 + c + 1, 50 + ((r * 8 + c) * 37) % 150])
            for r in range(5) for c in range(8)]
    return memory_layer("Polygon", "EPSG:25832", ["bid:integer", "space:integer", "pop:integer"], rows)


def click_lock_box(dock, proxy_row):
    """A real mouse click on the check box of a row's lock cell (where the delegate draws it)."""
    from qgis.PyQt.QtCore import QPoint, Qt
    from qgis.PyQt.QtTest import QTest

    from sozialraum.ui.spaces_model import LOCKED

    rect = dock.table.visualRect(dock.proxy.index(proxy_row, LOCKED))
    QTest.mouseClick(dock.table.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(rect.left() + 10, rect.center().y()))
    QTest.qWait(200)  # the dock's refresh timer


def click_space_cell(dock, proxy_row):
    from qgis.PyQt.QtCore import Qt
    from qgis.PyQt.QtTest import QTest

    from sozialraum.ui.spaces_model import SPACE

    rect = dock.table.visualRect(dock.proxy.index(proxy_row, SPACE))
    QTest.mouseClick(dock.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    QTest.qWait(200)


def test_ticking_a_lock_in_a_filtered_table_locks_and_selects_that_space(qgis_app, qgis_canvas, qgis_new_project):
    """Failed before the fix: the click reset the model inside the view's event, and the row click then read a
    stale proxy index: another space's blocks were selected (here 40; 35 in the report)."""
    from qgis.core import QgsProject
    from qgis.PyQt.QtCore import Qt

    from sozialraum.ui.consultation_dock import ConsultationDock
    from sozialraum.ui.spaces_model import POPULATION

    layer = many_spaces_layer()
    QgsProject.instance().addMapLayer(layer)
    qgis_canvas.setDestinationCrs(layer.crs())
    dock = ConsultationDock(None, qgis_canvas)
    try:
        dock.layer_combo.setLayer(layer)
        dock.space_combo.setField("space")
        dock.population_combo.setField("pop")
        dock.lower_spin.setValue(50)
        dock.upper_spin.setValue(200)
        assert dock.open_session() is not None, dock.message_label.text()
        layer.startEditing()
        dock.refresh()
        dock.resize(600, 800)
        dock.show()
        dock.table.sortByColumn(POPULATION, Qt.SortOrder.DescendingOrder)
        dock.select_space(35)
        dock.filter_edit.setText("24")
        assert [dock.proxy.index(r, 0).data() for r in range(dock.proxy.rowCount())] == ["24"]
        layer.removeSelection()
        view = qgis_canvas.extent()
        click_lock_box(dock, 0)
        assert dock.layer_session.session.locked == frozenset({24})
        assert dock.current_space() == 24
        # the lock neither zooms nor leaves blocks selected (yellow over the spaces' colours, walk-through)
        assert layer.selectedFeatureCount() == 0 and qgis_canvas.extent() == view
        click_lock_box(dock, 0)  # and off again: the same space
        assert dock.layer_session.session.locked == frozenset()
        click_space_cell(dock, 0)  # a click on the row itself shows the space's blocks
        assert {f["space"] for f in layer.getSelectedFeatures()} == {24}
    finally:
        dock.close_session()
        layer.rollBack()
        dock.cleanup()
        dock.deleteLater()


def test_text_labels_are_listed_in_natural_order(qgis_app):
    """An outside check: the dock listed 1, 10, 11, 12a, ..., 2 while the reports list 1, 2, ..., 10."""
    from sozialraum.ui.spaces_model import sort_key

    labels = ["10", "2", "12a", "1", "12", "Nord", "9b", "9a"]
    assert sorted(labels, key=sort_key) == ["1", "2", "9a", "9b", "10", "12", "12a", "Nord"]
    assert sorted([10, 2, 1.0], key=sort_key) == [1.0, 2, 10]
