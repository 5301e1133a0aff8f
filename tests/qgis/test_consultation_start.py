"""Nothing spurious at QGIS start or on the first session: no warning, no OGR error (issue 19, 11)."""


def test_a_before_dock_restored_at_start_logs_nothing(qgis_app, qgis_processing, qgis_iface, qgis_new_project):
    """Failed before the fix: QGIS restoring the before/after dock logged "Open a session on a blocks layer first"."""
    from qgis.core import Qgis, QgsApplication

    from sozialraum import classFactory

    registry = QgsApplication.processingRegistry()
    existing = registry.providerById("sozialraum")
    if existing is not None:
        registry.removeProvider(existing)
    plugin = classFactory(qgis_iface)
    try:
        plugin.initGui()
        before = list(qgis_iface.messageBar().get_messages(Qgis.Warning))
        qgis_iface.mainWindow().show()
        plugin.before_dock.show()  # as QGIS does at start when the window state had it open
        qgis_app.processEvents()
        assert qgis_iface.messageBar().get_messages(Qgis.Warning) == before
        assert not plugin.before_dock.isVisible() and not plugin.before_action.isChecked()
        plugin.before_action.trigger()  # the user's click still says why not
        assert "session" in qgis_iface.messageBar().get_messages(Qgis.Warning)[-1]
        assert not plugin.before_action.isChecked()
    finally:
        plugin.unload()
        qgis_iface.mainWindow().hide()


def test_the_first_session_on_a_geopackage_logs_no_missing_table(qgis_app, qgis_canvas, qgis_new_project, tmp_path):
    """Failed before the fix: opening the log of a GeoPackage without its table logged
    "Cannot find layer sozialraum_decisions"."""
    from qgis.core import QgsApplication

    from .test_decision_log import gpkg_layer, open_dock

    logged = []

    def keep(message, tag, level):
        logged.append(message)

    QgsApplication.messageLog().messageReceived.connect(keep)
    try:
        _, layer = gpkg_layer(tmp_path)
        dock = open_dock(layer, qgis_canvas)
        qgis_app.processEvents()
        assert dock.log_rows() == []
        dock.close_session()
        dock.cleanup()
        dock.deleteLater()
    finally:
        QgsApplication.messageLog().messageReceived.disconnect(keep)
    assert not [message for message in logged if "sozialraum_decisions" in message], logged
