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


def relabel_categories(layer, labels):
    """Keep the categories of ``layer``'s categorized renderer whose value is in ``labels`` and give
    them its texts: a QML holds one language and fixed classes (an outside check found the German
    "Status hoch" in an English QGIS, and empty classes 5 and 6 in a legend of four). Set as a new
    renderer, so the layer tree's legend follows."""
    from qgis.core import QgsCategorizedSymbolRenderer

    renderer = layer.renderer()
    if not isinstance(renderer, QgsCategorizedSymbolRenderer):
        return
    fresh = renderer.clone()
    for index in reversed(range(len(fresh.categories()))):
        if _category_value(fresh.categories()[index].value()) not in labels:
            fresh.deleteCategory(index)
    for index, category in enumerate(fresh.categories()):
        fresh.updateCategoryLabel(index, labels[_category_value(category.value())])
    layer.setRenderer(fresh)


def _category_value(raw):
    """A category's value as the labels' key: a whole number, or None for the NULL category."""
    try:
        return None if raw is None or raw == "" or (hasattr(raw, "isNull") and raw.isNull()) else int(raw)
    except (TypeError, ValueError):
        return raw


class _LoadStyleAndAliases(QgsProcessingLayerPostProcessorInterface):
    def __init__(self, aliases, styles=()):
        super().__init__()
        self.aliases = dict(aliases)
        # (style name, qml path[, {category value: legend text}]); the first is current
        self.styles = [tuple(style) + (None,) * (3 - len(style)) for style in styles]

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802 (QGIS API name)
        if layer is None or not layer.isValid():
            return
        if self.styles:
            manager = layer.styleManager()
            for name, path, labels in reversed(self.styles):
                layer.loadNamedStyle(str(path))
                if labels is not None:
                    relabel_categories(layer, labels)
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
    """Set field aliases (and styles by name from resources/styles) when QGIS loads ``destination``.

    ``styles``: (style name, file name[, {category value: legend text}]) each."""
    if not destination or not context.willLoadLayerOnCompletion(destination):
        return
    processor = _LoadStyleAndAliases(aliases, [(style[0], style_path(style[1])) + tuple(style[2:]) for style in styles])
    _ALIVE.append(processor)
    context.layerToLoadOnCompletionDetails(destination).setPostProcessor(processor)

