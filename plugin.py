"""The plugin object QGIS creates: Processing provider always, desktop actions with a GUI."""
from pathlib import Path

from qgis.core import QgsApplication, QgsProject, QgsVectorLayer

from .i18n import install_translator, remove_translator, tr

SAMPLE_TOWN = Path(__file__).resolve().parent / "resources" / "sample" / "musterstadt.gpkg"
SAMPLE_LAYERS = ("districts", "blocks", "barriers", "facilities")


class SozialraumPlugin:
    def __init__(self, iface):
        self.iface = iface
        self.provider = None
        self.actions = []
        self.menu = None

    def initProcessing(self):  # noqa: N802 (QGIS API name)
        """Register the Processing provider (also headless, e.g. in qgis_process)."""
        if self.provider is not None:
            return
        install_translator()
        from .provider import SozialraumProvider

        self.provider = SozialraumProvider()
        QgsApplication.processingRegistry().addProvider(self.provider)

    def initGui(self):  # noqa: N802
        self.initProcessing()
        from qgis.PyQt.QtGui import QIcon
        from qgis.PyQt.QtWidgets import QAction

        icon = QIcon(str(Path(__file__).resolve().parent / "resources" / "icons" / "sozialraum.svg"))
        action = QAction(icon, tr("Load sample town (Musterstadt)"), self.iface.mainWindow())
        action.setObjectName("sozialraumLoadSampleTown")
        action.triggered.connect(self.load_sample_town)
        self.iface.addPluginToVectorMenu(tr("&Sozialraum"), action)
        self.actions.append(action)

    def unload(self):
        for action in self.actions:
            self.iface.removePluginVectorMenu(tr("&Sozialraum"), action)
            action.deleteLater()
        self.actions = []
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        remove_translator()

    def load_sample_town(self):
        """Add the bundled sample town's layers to the current project."""
        return add_sample_town(QgsProject.instance())


def add_sample_town(project):
    """Add the layers of the sample town to ``project``; returns the layers added."""
    layers = []
    for name in SAMPLE_LAYERS:
        layer = QgsVectorLayer(f"{SAMPLE_TOWN}|layername={name}", f"Musterstadt – {name}", "ogr")
        if layer.isValid():
            project.addMapLayer(layer)
            layers.append(layer)
    return layers
