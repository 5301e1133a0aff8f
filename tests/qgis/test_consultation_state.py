"""The consultation's plugin state in the QGIS project: schema version, round trip, restore on reading a project."""
from .test_decision_log import gpkg_layer, open_dock


def test_write_then_read_gives_the_same_state(qgis_app, qgis_new_project):
    from qgis.core import QgsProject

    from sozialraum.ui.project_state import SCHEMA_VERSION, SCOPE, ConsultationState, read_state, write_state

    project = QgsProject.instance()
    assert read_state(project) is None
    state = ConsultationState("blocks_1234", "space", "pop", ("rate_a", "Anteil ü"), 1300.0, 1700.5, (2, "S07", 3.5), "abc")
    assert write_state(project, state)
    assert project.readNumEntry(SCOPE, "schema_version", 0)[0] == SCHEMA_VERSION == 1
    again = read_state(project)
    assert again == state and isinstance(again.locked[0], int) and isinstance(again.locked[1], str)
    assert not write_state(project, state)  # unchanged: nothing written
    other = ConsultationState("blocks_1234", "space", "pop", (), 1300.0, 1700.5, (), "abc")
    assert write_state(project, other) and read_state(project) == other
    project.writeEntry(SCOPE, "schema_version", 2)  # written by a later version: not guessed at
    assert read_state(project) is None


def test_the_dock_stores_its_state_and_a_reopened_project_restores_it(qgis_app, qgis_canvas, qgis_new_project, tmp_path):
    from qgis.core import QgsProject

    from sozialraum.ui.consultation_dock import ConsultationDock
    from sozialraum.ui.project_state import read_state

    _, layer = gpkg_layer(tmp_path)
    dock = open_dock(layer, qgis_canvas)
    layer.startEditing()
    dock.layer_session.set_locked(2, True)
    dock.refresh()
    state = read_state(QgsProject.instance())
    assert (state.layer_id, state.space_field, state.population_field, state.lower, state.upper, state.locked) == (
        layer.id(), "space", "pop", 1300.0, 1700.0, (2,))
    session_id = dock.session_id
    assert state.session_id == session_id and len(session_id) == 32
    dock.live_check.setChecked(True)  # saved with the project as an empty memory layer
    layer.commitChanges()  # the lock is plugin state: nothing in the layer to save
    path = str(tmp_path / "meeting.qgz")
    assert QgsProject.instance().write(path)
    dock.close_session()
    dock.cleanup()
    dock.deleteLater()

    QgsProject.instance().clear()
    assert QgsProject.instance().read(path)
    fresh = ConsultationDock(None, qgis_canvas)
    try:
        restored = fresh.layer_combo.currentLayer()
        assert restored is not None and restored.id() == state.layer_id
        assert (fresh.space_combo.currentField(), fresh.population_combo.currentField()) == ("space", "pop")
        assert (fresh.lower_spin.value(), fresh.upper_spin.value()) == (1300.0, 1700.0)
        assert fresh.layer_session is None  # not shown yet: the session opens when the dock is
        fresh.show()
        assert fresh.layer_session is not None, fresh.message_label.text()
        assert fresh.layer_session.session.locked == frozenset({2}) and fresh.session_id == session_id
        assert fresh.layer_session.bounds == (1300.0, 1700.0)
        # the live layer the project brought back (empty) is replaced by a live one
        live = [lay for lay in QgsProject.instance().mapLayers().values() if lay.name() == "Social spaces (live)"]
        assert fresh.live_check.isChecked() and live == [fresh.live.layer] and live[0].featureCount() == 2
    finally:
        fresh.close_session()
        fresh.cleanup()
        fresh.deleteLater()


def test_a_state_naming_a_layer_not_in_the_project_is_ignored(qgis_app, qgis_canvas, qgis_new_project):
    from qgis.core import QgsProject

    from sozialraum.ui.consultation_dock import ConsultationDock
    from sozialraum.ui.project_state import ConsultationState, write_state

    write_state(QgsProject.instance(), ConsultationState("gone_layer", "space", "pop", (), 1.0, 2.0, (1,), "x"))
    dock = ConsultationDock(None, qgis_canvas)
    try:
        assert dock.restore_from_project() is None and dock.layer_session is None
    finally:
        dock.cleanup()
        dock.deleteLater()


def test_a_lock_survives_switching_to_another_layer_and_back(qgis_app, qgis_canvas, qgis_new_project):
    """Failed before the fix: back on the first layer the session opened with no lock ("0 locked") while the
    log still listed "Lock space 2"."""
    from qgis.core import QgsProject

    from sozialraum.ui.decision_log import operation_text

    from .consultation_grid import grid_layer
    from .test_decision_log import open_dock

    first, second = grid_layer(), grid_layer()
    QgsProject.instance().addMapLayer(second)
    dock = open_dock(first, qgis_canvas)
    try:
        first.startEditing()
        dock.layer_session.set_locked(2, True)
        dock.refresh()
        assert "1 locked" in dock.summary_label.text()
        dock.layer_combo.setLayer(second)
        dock.space_combo.setField("space")
        dock.population_combo.setField("pop")
        assert dock.open_session() is not None, dock.message_label.text()
        assert dock.layer_session.session.locked == frozenset()  # the other layer has its own (no) locks
        dock.layer_combo.setLayer(first)
        dock.space_combo.setField("space")
        dock.population_combo.setField("pop")
        assert dock.open_session() is not None, dock.message_label.text()
        dock.refresh()
        assert dock.layer_session.session.locked == frozenset({2})
        assert "1 locked" in dock.summary_label.text()
        assert [operation_text(row) for row in dock.log_rows()] == ["Lock space 2"]
        assert dock.model.status(dock.row_of(2)).locked
        first.undoStack().undo()  # the lock's undo takes back the lock and its row together
        dock.refresh()
        assert dock.layer_session.session.locked == frozenset() and dock.log_rows() == []
    finally:
        dock.close_session()
        first.rollBack()
        dock.cleanup()
        dock.deleteLater()
