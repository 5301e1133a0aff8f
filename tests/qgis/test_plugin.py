"""The plugin as QGIS loads it: metadata, provider, initGui/unload, translation."""
import configparser
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
REQUIRED_METADATA = (
    "name", "qgisMinimumVersion", "description", "about", "version", "author", "email", "repository",
    "tracker", "homepage", "tags", "category", "changelog", "icon", "experimental", "hasProcessingProvider",
    "supportsQt6", "qgisMaximumVersion",
)


def metadata():
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str
    parser.read(ROOT / "metadata.txt", encoding="utf-8")
    return parser["general"]


def test_metadata_has_every_field_qgis_needs():
    general = metadata()
    missing = [key for key in REQUIRED_METADATA if not general.get(key, "").strip()]
    assert not missing
    assert general["name"] == "Sozialraum"
    assert general["qgisMinimumVersion"] == "3.22" and general["qgisMaximumVersion"] == "4.99"
    assert general["hasProcessingProvider"] == "yes" and general["supportsQt6"] == "True"
    assert (ROOT / general["icon"]).is_file()
    assert re.fullmatch(r"\d+\.\d+\.\d+", general["version"])
    assert general["about[de]"] and general["description[de]"]


def test_classfactory_is_the_only_thing_in_init():
    text = (ROOT / "__init__.py").read_text(encoding="utf-8")
    assert "def classFactory(iface)" in text
    assert "import qgis" not in text and "from qgis" not in text


def test_provider_lists_its_algorithms_with_icons_and_help(provider):
    from qgis.core import QgsApplication

    assert provider.id() == "sozialraum" and provider.name() == "Sozialraum"
    assert Path(provider.svgIconPath()).is_file() and not provider.icon().isNull()
    algorithm = QgsApplication.processingRegistry().algorithmById("sozialraum:adjacency")
    assert algorithm is not None
    assert algorithm.shortHelpString().startswith("Builds the neighbourhood graph")
    assert not algorithm.icon().isNull()
    for parameter in algorithm.parameterDefinitions():
        assert parameter.description(), parameter.name()


def test_init_gui_and_unload_leave_nothing_behind(qgis_app, qgis_processing, qgis_iface, qgis_new_project):
    from qgis.core import Qgis, QgsApplication, QgsProject

    from sozialraum import classFactory, i18n

    registry = QgsApplication.processingRegistry()
    existing = registry.providerById("sozialraum")
    if existing is not None:  # registered by another test's fixture
        registry.removeProvider(existing)
    from qgis.PyQt.QtWidgets import QDockWidget, QToolBar

    window = qgis_iface.mainWindow()
    canvas = qgis_iface.mapCanvas()
    toolbars_before = {id(bar) for bar in window.findChildren(QToolBar)}
    plugin = classFactory(qgis_iface)
    try:
        plugin.initGui()
        assert registry.providerById("sozialraum") is not None
        toolbar = plugin.toolbar
        assert toolbar.objectName() == "SozialraumConsultationToolbar" and [a.objectName() for a in toolbar.actions()] == [
            "sozialraumConsultationDock", "sozialraumPaint", "sozialraumMerge", "sozialraumSplit", "sozialraumSplitLine",
            "sozialraumNewSpace", "sozialraumPresentation",
            "sozialraumBeforeAfter"]
        assert not plugin.paint_action.isEnabled() and plugin.paint_action.toolTip()  # no session, no editing
        dock = plugin.dock
        assert dock.objectName() == "SozialraumConsultationDock"
        plugin.presentation_action.trigger()  # on: full screen; unload below must leave it
        assert plugin.presentation.active
        plugin.before_action.trigger()  # no session: refused with a message, the action unchecked again
        assert not plugin.before_action.isChecked() and "session" in qgis_iface.messageBar().get_messages(Qgis.Warning)[-1]
        canvas.setMapTool(plugin.paint_tool)
        (action,) = plugin.actions
        assert action.text()
        assert qgis_iface.addPluginToVectorMenu.call_args[0][1] is action

        action.trigger()  # loads the sample town
        names = sorted(layer.name() for layer in QgsProject.instance().mapLayers().values())
        assert len(names) == 4 and all(name.startswith("Musterstadt") for name in names)
        # the dock offers the blocks, not the districts added first (an outside check)
        assert dock.layer_combo.currentLayer().source().endswith("layername=blocks")

        plugin.unload()
        assert registry.providerById("sozialraum") is None
        assert plugin.actions == [] and plugin.provider is None
        assert plugin.toolbar is None and plugin.dock is None and plugin.paint_tool is None and plugin.split_line_tool is None
        assert canvas.mapTool() is None
        from qgis.PyQt.QtCore import Qt

        assert not window.windowState() & Qt.WindowState.WindowFullScreen  # presentation mode left on unload
        from qgis.PyQt import sip
        from qgis.PyQt.QtCore import QCoreApplication, QEvent

        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        assert sip.isdeleted(toolbar) and sip.isdeleted(dock)
        assert {id(bar) for bar in window.findChildren(QToolBar) if not sip.isdeleted(bar)} <= toolbars_before
        assert not [d for d in window.findChildren(QDockWidget)
                    if d.objectName() in ("SozialraumConsultationDock", "SozialraumBeforeAfterDock")]
        removed = qgis_iface.removePluginVectorMenu.call_args[0][1]
        assert removed is action
        assert i18n._installed == []
    finally:
        if plugin.provider is not None:
            plugin.unload()


def test_german_translation_loads_for_algorithm_names_help_and_parameters(provider):
    from qgis.core import QgsApplication

    from sozialraum import i18n

    try:
        assert i18n.install_translator("de")
        algorithm = QgsApplication.processingRegistry().algorithmById("sozialraum:adjacency").create()
        assert algorithm.displayName() == "Blocknachbarschaft bilden"
        assert algorithm.shortHelpString().startswith("Bildet den Nachbarschaftsgraphen")
        descriptions = {p.name(): p.description() for p in algorithm.parameterDefinitions()}
        assert descriptions["GAP_DISTANCE"] == "Lückenabstand über Straßen (m)"
        assert descriptions["BARRIERS"].startswith("Barrierelinien")
    finally:
        i18n.remove_translator()
    assert QgsApplication.processingRegistry().algorithmById("sozialraum:adjacency").create().displayName() == (
        "Build block adjacency"
    )


def test_missing_translation_is_refused_quietly():
    from sozialraum import i18n

    assert not i18n.install_translator("xx")
    assert i18n._installed == []
