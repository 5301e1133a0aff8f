"""The session judges contiguity by the delineation's own rules: barriers, gap distance, nesting (issue 19, 1)."""

def delineated(street_grid_layer, railway_layer, output="memory:"):
    """The 2 x 3 street grid delineated with the railway between its rows as barrier."""
    import processing
    from qgis.core import QgsProject

    QgsProject.instance().addMapLayer(railway_layer)
    result = processing.run("sozialraum:delineate", {
        "INPUT": street_grid_layer, "ID_FIELD": "bid", "POPULATION_FIELD": "pop", "ATTRIBUTES": ["pop"],
        "MIN_POPULATION": 100, "MAX_POPULATION": 1500, "BARRIERS": [railway_layer], "SEED": 1,
        "OUTPUT": output, "OUTPUT_SPACES": "memory:",
    })
    return result["OUTPUT"]


def press(canvas, kind, x, y):
    from qgis.core import QgsPointXY
    from qgis.gui import QgsMapMouseEvent
    from qgis.PyQt.QtCore import QEvent, QPoint, Qt

    pixel = canvas.getCoordinateTransform().transform(QgsPointXY(x, y))
    types = {"press": QEvent.Type.MouseButtonPress, "move": QEvent.Type.MouseMove, "release": QEvent.Type.MouseButtonRelease}
    button = Qt.MouseButton.NoButton if kind == "move" else Qt.MouseButton.LeftButton
    return QgsMapMouseEvent(canvas, types[kind], QPoint(round(pixel.x()), round(pixel.y())), button,
                            Qt.MouseButton.NoButton if kind == "release" else Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)


def test_the_run_keeps_its_rules_with_a_geopackage_output(qgis_app, provider, qgis_new_project, street_grid_layer,
                                                          railway_layer, tmp_path):
    from qgis.core import QgsVectorLayer

    from sozialraum.qgisio.run_parameters import delineation_of

    path = delineated(street_grid_layer, railway_layer, str(tmp_path / "proposal.gpkg"))
    fresh = QgsVectorLayer(path, "reopened", "ogr")  # opened anew, as in another project
    assert fresh.isValid()
    record = delineation_of(fresh)
    assert record is not None
    assert (record["gap"], record["nest"], record["space_field"], record["lower"], record["upper"]) == (
        30.0, None, "space_id", 100.0, 1500.0)
    assert [b["source"] for b in record["barriers"]] == [railway_layer.source()]


def test_a_stroke_across_the_railway_is_flagged_as_the_delineation_would(qgis_app, provider, qgis_canvas, qgis_new_project,
                                                                         street_grid_layer, railway_layer):
    """Failed before the fix: the session built its graph without barriers, the space stayed 'contiguous'."""
    from qgis.core import QgsProject

    from sozialraum.ui.consultation_dock import ConsultationDock
    from sozialraum.ui.paint_tool import PaintTool

    from .consultation_grid import Host

    layer = delineated(street_grid_layer, railway_layer)
    QgsProject.instance().addMapLayer(layer)
    canvas = qgis_canvas
    canvas.resize(600, 400)
    canvas.setDestinationCrs(layer.crs())
    canvas.setLayers([layer])
    canvas.setExtent(layer.extent())
    canvas.refresh()
    dock = ConsultationDock(None, canvas)
    try:
        dock.layer_combo.setLayer(layer)
        railway_layer.setName("Railway")
        dock.layer_combo.setLayer(None)
        dock.layer_combo.setLayer(layer)
        assert "Railway" in dock.neighbourhood_label.text() and dock.barriers_combo.isHidden()
        # the run's fields and bounds, as the dock takes them from its record
        assert (dock.space_combo.currentField(), dock.population_combo.currentField()) == ("space_id", "pop")
        assert (dock.lower_spin.value(), dock.upper_spin.value()) == (100.0, 1500.0)
        assert dock.attributes_combo.checkedItems() == ["pop"]
        layer_session = dock.open_session()
        assert layer_session is not None, dock.message_label.text()
        assert layer_session.barriers == (railway_layer,) and layer_session.gap == 30.0
        layer.startEditing()
        session = layer_session.session
        by_bid = {f["bid"]: f.id() for f in layer.getFeatures()}
        north = session.space_of(by_bid[5])  # the row above the railway
        assert session.space_of(by_bid[2]) != north
        host = Host(dock)
        tool = PaintTool(canvas, host)
        tool.set_target(north)
        tool.canvasPressEvent(press(canvas, "press", 300112 + 50, 5640050))  # block 2, south of the railway
        tool.canvasReleaseEvent(press(canvas, "release", 300112 + 50, 5640050))
        assert session.space_of(by_bid[2]) == north
        status = session.status(north)
        assert not status.contiguous  # across the railway: in two pieces, as the delineation counts it
        dock.refresh()
        assert dock.layer_session.session.summary().not_contiguous >= 1
        row = dock.row_of(north)
        assert "not contiguous, across a barrier line" in dock.model.index(row, 4).data()
        warning = host.messages[-1][0]
        assert "barrier" in warning and str(by_bid[2]) in warning and f"space {north}" in warning
    finally:
        dock.close_session()
        layer.rollBack()
        dock.cleanup()
        dock.deleteLater()



def test_barriers_not_in_the_project_are_opened_from_their_source(qgis_app, qgis_new_project):
    from pathlib import Path

    from sozialraum.qgisio.run_parameters import barrier_layers

    sample = Path(__file__).resolve().parents[2] / "resources" / "sample" / "musterstadt.gpkg"
    record = {"barriers": [{"name": "musterstadt", "source": f"{sample}|layername=barriers", "provider": "ogr"},
                           {"name": "Gone", "source": "/nowhere/lines.gpkg|layername=lines", "provider": "ogr"}]}
    layers, missing = barrier_layers(record)
    assert [layer.name() for layer in layers] == ["barriers"] and layers[0].featureCount() > 0
    assert missing == ["Gone"]


def test_without_a_stored_run_the_barriers_are_chosen_in_the_dock(qgis_app, qgis_canvas, qgis_new_project,
                                                                 street_grid_layer, railway_layer):
    from qgis.core import QgsProject
    from qgis.PyQt.QtCore import Qt

    from sozialraum.ui.consultation_dock import ConsultationDock

    railway_layer.setName("Railway")
    QgsProject.instance().addMapLayers([street_grid_layer, railway_layer])
    dock = ConsultationDock(None, qgis_canvas)
    try:
        dock.layer_combo.setLayer(street_grid_layer)
        dock.space_combo.setField("quarter")
        assert dock.population_combo.currentField() == "pop"
        assert not dock.barriers_combo.isHidden() and "Railway" not in dock.neighbourhood_label.text()
        dock.open_session()
        assert dock.layer_session.session.status("A").contiguous  # no barrier: the two rows are neighbours
        index = dock.barriers_combo.findText("Railway")
        dock.barriers_combo.setItemCheckState(index, Qt.CheckState.Checked)
        assert "Railway" in dock.neighbourhood_label.text()
        layer_session = dock.open_session()
        assert layer_session.barriers == (railway_layer,)
        assert layer_session.session.status("A").parts == 2  # the railway cuts quarter A in two
    finally:
        dock.close_session()
        dock.cleanup()
        dock.deleteLater()


def test_an_island_the_run_joined_counts_as_connected_in_the_session(qgis_app, provider, qgis_canvas, qgis_new_project,
                                                                    street_grid_layer, railway_layer):
    """Failed before the fix: the southern row (600 residents, below the minimum of 700) is an island the run
    joins to its nearest block; the session lacked that link and called the run's own space not contiguous."""
    import processing
    from qgis.core import QgsProject

    from sozialraum.qgisio.run_parameters import delineation_of
    from sozialraum.ui.consultation_dock import ConsultationDock

    QgsProject.instance().addMapLayer(railway_layer)
    layer = processing.run("sozialraum:delineate", {
        "INPUT": street_grid_layer, "ID_FIELD": "bid", "POPULATION_FIELD": "pop", "ATTRIBUTES": ["pop"],
        "MIN_POPULATION": 700, "MAX_POPULATION": 2100, "BARRIERS": [railway_layer], "SEED": 1,
        "OUTPUT": "memory:", "OUTPUT_SPACES": "memory:",
    })["OUTPUT"]
    record = delineation_of(layer)
    assert record["blocks"] == 6 and len(record["added_links"]) == 1
    QgsProject.instance().addMapLayer(layer)
    dock = ConsultationDock(None, qgis_canvas)
    try:
        dock.layer_combo.setLayer(layer)
        layer_session = dock.open_session()
        assert layer_session is not None, dock.message_label.text()
        assert all(status.contiguous for status in layer_session.session.statuses())
        assert layer_session.session.summary().not_contiguous == 0
    finally:
        dock.close_session()
        dock.cleanup()
        dock.deleteLater()


def test_the_session_weighs_the_attributes_as_the_run_did(qgis_app, provider, qgis_canvas, qgis_new_project):
    """Failed before the fix: the session's SSD share ignored the run's attribute weights."""
    import processing
    from qgis.core import QgsProject

    from sozialraum.ui.consultation_dock import ConsultationDock

    from .conftest import memory_layer, square

    rows = [(square(300000 + c * 100, 5640000 + r * 100), [r * 4 + c + 1, 100, (r * 4 + c) % 3, (r * 4 + c) * 0.7 % 2])
            for r in range(3) for c in range(4)]
    blocks = memory_layer("Polygon", "EPSG:25832", ["bid:integer", "pop:integer", "a:double", "b:double"], rows)
    result = processing.run("sozialraum:delineate", {
        "INPUT": blocks, "ID_FIELD": "bid", "POPULATION_FIELD": "pop", "ATTRIBUTES": ["a", "b"],
        "WEIGHTS": "b=4", "MIN_POPULATION": 300, "MAX_POPULATION": 500, "SEED": 1,
        "OUTPUT": "memory:", "OUTPUT_SPACES": "memory:",
    })
    layer = result["OUTPUT"]
    QgsProject.instance().addMapLayer(layer)
    dock = ConsultationDock(None, qgis_canvas)
    try:
        dock.layer_combo.setLayer(layer)
        assert sorted(dock.attributes_combo.checkedItems()) == ["a", "b"]
        layer_session = dock.open_session()
        assert layer_session is not None, dock.message_label.text()
        share = layer_session.session.summary().ssd_share
        assert abs(share - result["SSD_SHARE_WEIGHTED"]) < 1e-9, (share, result["SSD_SHARE_WEIGHTED"])
    finally:
        dock.close_session()
        dock.cleanup()
        dock.deleteLater()


def _railway_file(railway_layer, path):
    import processing

    # a plain path and LAYER_NAME: QGIS 3.40 refuses an ogr: URI to a file that does not exist yet
    processing.run("native:savefeatures", {"INPUT": railway_layer, "OUTPUT": str(path), "LAYER_NAME": "railway"})
    return path


def test_a_relative_barrier_path_and_a_moved_folder_still_find_the_barriers(qgis_app, provider, qgis_new_project,
                                                                           street_grid_layer, railway_layer, tmp_path,
                                                                           monkeypatch):
    """An outside check: delineate run headless with BARRIERS=town.gpkg|layername=barriers (relative, as
    the README's example) stored that relative path; QGIS started from another folder found no barriers
    and the session went on without them. Stored absolute, and relative to the output for a folder
    copied as a whole."""
    import shutil

    from qgis.core import QgsVectorLayer

    from sozialraum.qgisio.run_parameters import barrier_layers, delineation_of, layer_folder

    meeting = tmp_path / "meeting"
    meeting.mkdir()
    _railway_file(railway_layer, meeting / "lines.gpkg")
    monkeypatch.chdir(meeting)
    relative = QgsVectorLayer("lines.gpkg|layername=railway", "Railway", "ogr")
    assert relative.isValid()
    path = delineated(street_grid_layer, relative, str(meeting / "proposal.gpkg"))
    monkeypatch.chdir(tmp_path.anchor)  # QGIS started elsewhere
    fresh = QgsVectorLayer(path, "reopened", "ogr")
    record = delineation_of(fresh)
    entry = record["barriers"][0]
    assert entry["source"].startswith(str(meeting / "lines.gpkg")) and entry["relative_path"] == "lines.gpkg"
    layers, missing = barrier_layers(record, (), layer_folder(fresh))
    assert missing == [] and layers[0].featureCount() == 1
    # the folder copied to a laptop, the original gone: found beside the blocks
    laptop = shutil.copytree(meeting, tmp_path / "laptop")
    del fresh, layers
    shutil.rmtree(meeting)
    moved = QgsVectorLayer(str(laptop / "proposal.gpkg"), "moved", "ogr")
    layers, missing = barrier_layers(delineation_of(moved), (), layer_folder(moved))
    assert missing == [] and layers[0].source().startswith(str(laptop / "lines.gpkg"))


def test_barriers_that_cannot_be_read_are_said_and_can_be_chosen_in_the_dock(qgis_app, provider, qgis_canvas,
                                                                            qgis_new_project, street_grid_layer,
                                                                            railway_layer, tmp_path):
    """An outside check: the dock only said "Barrier layers that cannot be read (not used): town." in its
    small print, hid the barrier choice, and the session judged contiguity without the railway."""
    import shutil

    from qgis.core import QgsProject, QgsVectorLayer
    from qgis.PyQt.QtCore import Qt

    from sozialraum.ui.consultation_dock import ConsultationDock

    original = _railway_file(railway_layer, tmp_path / "lines.gpkg")
    (tmp_path / "out").mkdir()
    barrier = QgsVectorLayer(f"{original}|layername=railway", "Bahn", "ogr")
    path = delineated(street_grid_layer, barrier, str(tmp_path / "out" / "proposal.gpkg"))
    kept = shutil.copy(original, tmp_path / "kept.gpkg")
    del barrier
    QgsProject.instance().removeAllMapLayers()
    (tmp_path / "lines.gpkg").unlink()  # renamed by someone: the run's barrier layer is gone
    layer = QgsVectorLayer(path, "proposal", "ogr")
    railway = QgsVectorLayer(f"{kept}|layername=railway", "Railway", "ogr")
    QgsProject.instance().addMapLayers([layer, railway])
    dock = ConsultationDock(None, qgis_canvas)
    try:
        dock.layer_combo.setLayer(layer)
        assert "cannot be read: Bahn" in dock.neighbourhood_label.text()
        assert not dock.barriers_combo.isHidden()
        layer_session = dock.open_session()
        assert layer_session.barriers == ()
        assert "cannot be read: Bahn" in dock.message_label.text() and "b00020" in dock.message_label.styleSheet()
        dock.barriers_combo.setItemCheckState(dock.barriers_combo.findText("Railway"), Qt.CheckState.Checked)
        assert "used instead" in dock.neighbourhood_label.text()
        layer_session = dock.open_session()
        assert [b.name() for b in layer_session.barriers] == ["Railway"]
        assert "used instead" in dock.message_label.text()
    finally:
        dock.close_session()
        dock.cleanup()
        dock.deleteLater()


def test_blocks_without_residents_are_said_in_the_dock_when_the_session_opens(qgis_app, qgis_canvas, qgis_new_project):
    """An outside check: a block with a NULL population counted as 0 and only the Processing log panel said so."""
    from qgis.core import QgsProject

    from sozialraum.ui.consultation_dock import ConsultationDock

    from .conftest import memory_layer, square

    rows = [(square(300000 + c * 112, 5640000), [c + 1, None if c == 1 else 100 * (c + 1), "A"]) for c in range(3)]
    layer = memory_layer("Polygon", "EPSG:25832", ["bid:integer", "pop:integer", "quarter:string"], rows)
    QgsProject.instance().addMapLayer(layer)
    dock = ConsultationDock(None, qgis_canvas)
    try:
        dock.layer_combo.setLayer(layer)
        dock.space_combo.setField("quarter")
        dock.population_combo.setField("pop")
        session = dock.open_session()
        assert session is not None and session.session.status("A").population == 400
        assert "1 block without a population value, counted as 0" in dock.message_label.text()
        assert "Toggle editing" in dock.message_label.text()  # the session's own hint stays
        assert "b00020" in dock.message_label.styleSheet()
    finally:
        dock.close_session()
        dock.cleanup()
        dock.deleteLater()
