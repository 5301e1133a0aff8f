"""The style of the blocks with boundary certainty: graduated by ``certainty`` (%), uncertain blocks
in strong colours so the eye goes to the open boundaries, certain ones almost white.

resources/styles/block_certainty.qml is written from :func:`certainty_renderer` by
scripts/make_certainty_style.py; when QGIS loads the layer the QML is applied and its legend texts
are replaced by the translated ones (a QML holds one language).
"""
from qgis.core import (
    QgsFillSymbol,
    QgsGraduatedSymbolRenderer,
    QgsProcessingLayerPostProcessorInterface,
    QgsRendererRange,
)

from ..i18n import tr
from .styles import style_path

FIELD = "certainty"
STYLE = "block_certainty"
#: Upper end of each class (certainty in %) and its colour; legend texts in :func:`class_labels`.
CLASSES = ((50.0, "#b2182b"), (75.0, "#ef8a62"), (90.0, "#fddbc7"), (100.0, "#f7f7f7"))
# QGIS does not own post-processors: keep them alive until the layers are loaded.
_ALIVE = []


def class_labels():
    """Legend texts of the classes, in the order of :data:`CLASSES`."""
    return [tr("Open: under 50 % of the runs agree with the proposal"), tr("Disputed: 50–75 %"), tr("Mostly certain: 75–90 %"),
            tr("Certain: 90–100 %")]


def certainty_renderer(field=FIELD):
    """Four classes of block certainty, labelled in the current language."""
    ranges, lower = [], -0.5
    for (upper, colour), label in zip(CLASSES, class_labels()):
        symbol = QgsFillSymbol.createSimple({"color": colour, "outline_color": "#9a9a9a", "outline_width": "0.05"})
        # whole percentages: 49 is open, 50 disputed; the upper class ends at 100
        top = upper - 0.5 if upper < 100 else 100.5
        ranges.append(QgsRendererRange(lower, top, symbol, label))
        lower = top
    return QgsGraduatedSymbolRenderer(field, ranges)


def translate_legend(layer):
    """Replace the legend texts of the graduated classes by the translated ones."""
    renderer = layer.renderer()
    if not isinstance(renderer, QgsGraduatedSymbolRenderer):
        return
    fresh = renderer.clone()
    for index, label in enumerate(class_labels()[: len(fresh.ranges())]):
        fresh.updateRangeLabel(index, label)
    # a new renderer, not an edited one: the layer tree's legend is built when the layer is added
    # and only follows a renderer change (an outside check found English classes in German QGIS)
    layer.setRenderer(fresh)


class _LoadCertaintyStyle(QgsProcessingLayerPostProcessorInterface):
    def __init__(self, field):
        super().__init__()
        self.field = field

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802 (QGIS API name)
        if layer is None or not layer.isValid():
            return
        layer.loadNamedStyle(str(style_path(STYLE)))
        if self.field != FIELD and isinstance(layer.renderer(), QgsGraduatedSymbolRenderer):
            layer.renderer().setClassAttribute(self.field)  # the input had a field "certainty" already
        translate_legend(layer)
        layer.triggerRepaint()


def certainty_style_on_load(context, destination, field=FIELD):
    """Style ``destination`` with block_certainty.qml (legend translated) if QGIS will load it."""
    if not destination or not context.willLoadLayerOnCompletion(destination):
        return
    processor = _LoadCertaintyStyle(field)
    _ALIVE.append(processor)
    context.layerToLoadOnCompletionDetails(destination).setPostProcessor(processor)
