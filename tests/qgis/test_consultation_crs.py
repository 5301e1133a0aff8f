"""A blocks layer in another CRS than the map, or in none: the dock says what happens."""

import pytest

from .conftest import memory_layer, square
from .consultation_grid import fid, spaces_of_layer, stroke


@pytest.mark.parametrize("setup", [("integer", "EPSG:3857")], indirect=True, ids=["map-3857"])
def test_a_map_in_another_crs_is_named_and_the_tools_still_hit_the_blocks(setup):
    from sozialraum.ui.paint_tool import PaintTool

    layer, canvas, dock, host = setup
    dock.refresh()
    text = dock.message_label.text()
    assert "EPSG:25832" in text and "EPSG:3857" in text and "transformed" in text
    tool = PaintTool(canvas, host)
    tool.set_target(2)
    stroke(tool, canvas, [(0, 2), (1, 2)])
    assert spaces_of_layer(layer)[fid(layer, 0, 2)] == 2 and spaces_of_layer(layer)[fid(layer, 1, 2)] == 2


def test_the_same_crs_needs_no_note_and_a_layer_without_crs_gets_one(qgis_app, qgis_canvas):
    from qgis.core import QgsCoordinateReferenceSystem

    from sozialraum.ui.layer_checks import crs_note

    layer = memory_layer("Polygon", "EPSG:25832", ["space:integer", "pop:integer"], [(square(0, 0), [1, 10])])
    qgis_canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:25832"))
    assert crs_note(layer, qgis_canvas) == ""
    layer.setCrs(QgsCoordinateReferenceSystem())
    assert "no coordinate reference system" in crs_note(layer, qgis_canvas)
