"""Removing the blocks layer and the live layer together (closing the project) leaves QGIS running."""
import pytest

from .consultation_grid import grid_layer


@pytest.fixture
def dock_with_live(qgis_app, qgis_canvas, qgis_new_project):
    from qgis.core import QgsProject

    from sozialraum.ui.consultation_dock import ConsultationDock

    layer = grid_layer()
    QgsProject.instance().addMapLayer(layer)
    dock = ConsultationDock(None, qgis_canvas)
    dock.layer_combo.setLayer(layer)
    dock.space_combo.setField("space")
    dock.population_combo.setField("pop")
    assert dock.open_session() is not None
    layer.startEditing()
    dock.live_check.setChecked(True)
    yield layer, dock
    dock.cleanup()
    dock.deleteLater()


@pytest.mark.parametrize("order", ["blocks first", "live first", "blocks only"])
def test_removing_both_layers_at_once_is_safe(dock_with_live, order):
    from qgis.core import QgsProject
    from qgis.PyQt.QtTest import QTest

    layer, dock = dock_with_live
    ids = [layer.id(), dock.live.layer.id()]
    QgsProject.instance().removeMapLayers({"blocks first": ids, "live first": ids[::-1], "blocks only": ids[:1]}[order])
    QTest.qWait(50)
    # the live layer goes with its blocks (after the project's removal loop, never inside it)
    assert dock.layer_session is None and dock.live is None and not QgsProject.instance().mapLayers()


def test_clearing_the_project_with_the_live_layer_on_is_safe(dock_with_live):
    from qgis.core import QgsProject
    from qgis.PyQt.QtTest import QTest

    layer, dock = dock_with_live
    QgsProject.instance().clear()
    QTest.qWait(50)
    assert dock.layer_session is None and dock.live is None and not QgsProject.instance().mapLayers()
