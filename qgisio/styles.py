"""QML styles from resources/styles applied to outputs when QGIS loads them into the project."""
from pathlib import Path

from qgis.core import QgsProcessingLayerPostProcessorInterface

STYLE_DIR = Path(__file__).resolve().parent.parent / "resources" / "styles"

# QGIS does not own post-processors: keep them alive until the layers are loaded.
_ALIVE = []


class _LoadStyle(QgsProcessingLayerPostProcessorInterface):
    def __init__(self, path):
        super().__init__()
        self.path = str(path)

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802 (QGIS API name)
        if layer is not None and layer.isValid():
            layer.loadNamedStyle(self.path)
            layer.triggerRepaint()


def style_path(name):
    return STYLE_DIR / f"{name}.qml"


def style_on_load(context, destination, name):
    """Apply ``resources/styles/<name>.qml`` to ``destination`` if QGIS will load it."""
    if not destination or not context.willLoadLayerOnCompletion(destination):
        return
    processor = _LoadStyle(style_path(name))
    _ALIVE.append(processor)
    context.layerToLoadOnCompletionDetails(destination).setPostProcessor(processor)
