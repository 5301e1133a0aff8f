"""Output fields of the indicator algorithms: one double field per indicator, aliases and styles on load."""
import numpy as np
from qgis.core import QgsFields, QgsProcessingLayerPostProcessorInterface

from ..qgisio import compat
from ..qgisio.compat import SOURCE_VECTOR  # noqa: F401 (the table outputs' type, imported from here by the algorithms)
from ..qgisio.styles import style_path
from .indicator_blocks import visible


def indicator_fields(catalogue, lang, taken=()):
    """(QgsField list, {indicator id: field name}) with the labels as aliases."""
    fields, names = [], {}
    used = set(taken)
    for indicator in visible(catalogue):
        name, suffix = indicator.id, 2
        while name in used:
            name, suffix = f"{indicator.id}_{suffix}", suffix + 1
        used.add(name)
        field = compat.field(name, "double")
        field.setAlias(indicator.label(lang))
        fields.append(field)
        names[indicator.id] = name
    return fields, names


def value(number):
    """A float for a QGIS attribute, None for NaN."""
    if number is None:
        return None
    number = float(number)
    return None if np.isnan(number) else number


def qgs_fields(*groups):
    fields = QgsFields()
    for group in groups:
        for field in group:
            fields.append(field)
    return fields


class _LoadStyleAndAliases(QgsProcessingLayerPostProcessorInterface):
    def __init__(self, aliases, styles=()):
        super().__init__()
        self.aliases = dict(aliases)
        self.styles = list(styles)  # (style name, qml path); the first is current

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802 (QGIS API name)
        if layer is None or not layer.isValid():
            return
        if self.styles:
            manager = layer.styleManager()
            for name, path in reversed(self.styles):
                layer.loadNamedStyle(str(path))
                if len(self.styles) > 1:
                    if name in manager.styles():
                        manager.removeStyle(name)
                    manager.addStyleFromLayer(name)
            if len(self.styles) > 1:
                manager.setCurrentStyle(self.styles[0][0])
        for name, alias in self.aliases.items():
            index = layer.fields().indexFromName(name)
            if index >= 0:
                layer.setFieldAlias(index, alias)
        layer.triggerRepaint()


_ALIVE = []


def on_load(context, destination, aliases, styles=()):
    """Set field aliases (and styles by name from resources/styles) when QGIS loads ``destination``."""
    if not destination or not context.willLoadLayerOnCompletion(destination):
        return
    processor = _LoadStyleAndAliases(aliases, [(label, style_path(name)) for label, name in styles])
    _ALIVE.append(processor)
    context.layerToLoadOnCompletionDetails(destination).setPostProcessor(processor)

