"""What the dock chooses for a layer: fields (never fid), the algorithm's bounds, live bounds (issue 19, 8)."""
from .conftest import memory_layer, square


def blocks(fields, values):
    rows = [(square(300000 + c * 100, 5640000), [c + 1, *values(c)]) for c in range(4)]
    return memory_layer("Polygon", "EPSG:25832", ["fid:integer", *fields], rows)


def test_the_dock_chooses_sensible_fields_and_the_algorithms_bounds(qgis_app, qgis_canvas, qgis_new_project):
    """Failed before the fix: bounds 2,500-9,000 (the algorithm: 700-8,500), 'fid' as space and population field."""
    from qgis.core import QgsProject

    from sozialraum.ui.consultation_dock import ConsultationDock

    town = blocks(["einwohner:integer", "space_id:integer", "rate:double"], lambda c: [100 * (c + 1), 1 + c // 2, 0.1 * c])
    bare = blocks(["label:string", "value:double"], lambda c: ["x", 1.0])
    QgsProject.instance().addMapLayers([town, bare])
    dock = ConsultationDock(None, qgis_canvas)
    try:
        dock.layer_combo.setLayer(town)
        assert (dock.lower_spin.value(), dock.upper_spin.value()) == (700.0, 8500.0)
        assert (dock.space_combo.currentField(), dock.population_combo.currentField()) == ("space_id", "einwohner")
        dock.layer_combo.setLayer(bare)
        assert dock.space_combo.currentField() == "" and dock.population_combo.currentField() == ""
        dock.layer_combo.setLayer(town)
        dock.attributes_combo.setCheckedItems(["rate"])
        dock.lower_spin.setValue(100)
        dock.upper_spin.setValue(400)
        dock.layer_combo.setLayer(bare)
        dock.layer_combo.setLayer(town)  # back: the choices made for it are still there
        assert dock.attributes_combo.checkedItems() == ["rate"]
        assert (dock.lower_spin.value(), dock.upper_spin.value()) == (100.0, 400.0)
        layer_session = dock.open_session()
        assert layer_session is not None, dock.message_label.text()
        dock.refresh()
        assert "SSD share 0,000" not in dock.summary_label.text() and "SSD share 0.000" not in dock.summary_label.text()
        assert "0 below" in dock.summary_label.text()
        dock.lower_spin.setValue(350)  # applies at once, without opening the session again
        assert dock.layer_session is layer_session and layer_session.bounds == (350.0, 400.0)
        assert "(1 below, 1 above" in dock.summary_label.text() and "350" in dock.summary_label.text()
        dock.upper_spin.setValue(300)  # below the lower bound: refused with a message, the session unchanged
        assert layer_session.bounds == (350.0, 400.0) and "must be below" in dock.message_label.text()
    finally:
        dock.close_session()
        dock.cleanup()
        dock.deleteLater()
