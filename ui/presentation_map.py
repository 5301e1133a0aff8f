"""The map in presentation mode: labels readable at town scale, barrier lines bold and on top.

On a projector at town scale the 1.6x labels of 30-odd spaces ("20 19 8,473 2,349") piled into
clusters, and the railway was a hairline under the blocks (issue 19, 9). So, for the meeting:

- every simple labeling is drawn ``factor`` times larger, with the highest placement priority,
  placed around the label point (more candidate positions than over it) and its features no
  obstacle to the labels of their neighbours; a label that
  cannot be placed free is left out instead of drawn over another (QGIS's "show all labels"
  is switched off), and from the scale :data:`NUMBERS_ONLY_ABOVE` on (the whole town) only the
  first line (the space's number) is shown: the population returns when zoomed in;
- line layers (barriers: railways, motorways, rivers) are drawn at least :data:`BOLD_MM` wide and
  above the polygon layers (a custom layer order in the layer tree, so QGIS's canvas follows).

:func:`apply` returns what :func:`restore` needs to put every layer back exactly. A project
saved during the meeting keeps the planner's styles: :class:`ProjectWriteGuard` writes the
layers' own renderer, labeling and layer order into the project file instead of the meeting's.
"""
from __future__ import annotations

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsProject,
    QgsReadWriteContext,
    QgsSingleSymbolRenderer,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
)

from ..qgisio.compat import _pick
from .compat import LINE_GEOMETRY

#: scale denominators above this (a whole town on a screen) show space numbers only
NUMBERS_ONLY_ABOVE = 15000
#: barrier lines are at least this wide (mm) on the projector
BOLD_MM = 1.4
#: QGIS's highest label priority: space numbers win over any other layer's labels
TOP_PRIORITY = 10


def _around_point():
    from qgis.core import QgsPalLayerSettings

    return _pick("LabelPlacement", "AroundPoint", QgsPalLayerSettings, "AroundPoint")


def numbers_only_expression(expression, scale=NUMBERS_ONLY_ABOVE):
    """``expression``'s text, reduced to its first line above ``scale`` (1:scale and smaller)."""
    return (f"CASE WHEN @map_scale > {scale} THEN array_first(string_to_array(({expression}), '\\n')) "
            f"ELSE ({expression}) END")


def meeting_labeling(labeling, factor):
    """A copy of a simple labeling for the projector (see the module docstring), else None."""
    if not isinstance(labeling, QgsVectorLayerSimpleLabeling):
        return None  # rule-based labels keep their own: each rule has its own size and scales
    settings = labeling.settings()
    text = settings.format()
    text.setSize(text.size() * factor)
    buffer = text.buffer()
    buffer.setSize(buffer.size() * factor)
    text.setBuffer(buffer)
    text.setBackground(label_box(factor))
    settings.setFormat(text)
    expression = settings.fieldName if settings.isExpression else f'"{settings.fieldName}"'
    if settings.fieldName:
        settings.fieldName = numbers_only_expression(expression)
        settings.isExpression = True
    settings.displayAll = False  # a label that does not fit is left out, not piled on another
    settings.priority = TOP_PRIORITY
    settings.placement = _around_point()
    # the spaces themselves are no obstacle to their neighbours' numbers: with them the small spaces
    # of an old town lost their numbers (29 of 34 placed on the sample town at 1:35,000, 32 without)
    obstacles = settings.obstacleSettings()
    obstacles.setIsObstacle(False)
    settings.setObstacleSettings(obstacles)
    return QgsVectorLayerSimpleLabeling(settings)


def label_box(factor):
    """A white box with a thin frame behind each label: two numbers side by side ("11" "2") read as
    two, not as "112" (the halo alone left them touching on the sample town)."""
    from qgis.core import QgsTextBackgroundSettings
    from qgis.PyQt.QtCore import QSizeF
    from qgis.PyQt.QtGui import QColor

    box = QgsTextBackgroundSettings()
    box.setEnabled(True)
    box.setType(QgsTextBackgroundSettings.ShapeType.ShapeRectangle)
    box.setSizeType(QgsTextBackgroundSettings.SizeType.SizeBuffer)
    box.setSize(QSizeF(0.6 * factor, 0.2 * factor))
    box.setRadii(QSizeF(0.5, 0.5))
    box.setFillColor(QColor(255, 255, 255, 230))
    box.setStrokeColor(QColor("#333333"))
    box.setStrokeWidth(0.25)
    return box


def _bold(symbol):
    symbol = symbol.clone()
    symbol.setWidth(max(symbol.width() * 1.5, BOLD_MM))
    return symbol


def bold_renderer(renderer):
    """A copy of a line layer's single-symbol or categorised renderer with wide lines, else None."""
    if isinstance(renderer, QgsSingleSymbolRenderer) and renderer.symbol() is not None:
        bold = renderer.clone()
        bold.setSymbol(_bold(renderer.symbol()))
        return bold
    if isinstance(renderer, QgsCategorizedSymbolRenderer):
        bold = renderer.clone()
        for index, category in enumerate(renderer.categories()):
            if category.symbol() is not None:
                bold.updateCategorySymbol(index, _bold(category.symbol()))
        return bold
    return None


def _is_line_layer(layer):
    return isinstance(layer, QgsVectorLayer) and layer.geometryType() == LINE_GEOMETRY


def apply(canvas, factor):
    """Restyle the canvas's layers for the meeting; returns the record :func:`restore` takes."""
    saved = {"labels": [], "renderers": [], "order": None, "canvas": list(canvas.layers())}
    for layer in canvas.layers():
        if not isinstance(layer, QgsVectorLayer):
            continue
        if layer.labelsEnabled() and layer.labeling() is not None:
            larger = meeting_labeling(layer.labeling(), factor)
            if larger is not None:
                saved["labels"].append((layer.id(), layer.labeling().clone()))
                layer.setLabeling(larger)
        if _is_line_layer(layer) and layer.renderer() is not None:
            bold = bold_renderer(layer.renderer())
            if bold is not None:
                saved["renderers"].append((layer.id(), layer.renderer().clone()))
                layer.setRenderer(bold)
        layer.triggerRepaint()
    lines_on_top(canvas, saved)
    saved["guard"] = ProjectWriteGuard(saved)
    return saved


def lines_on_top(canvas, saved):
    """Draw the line layers above the others (the order is given back by :func:`restore`)."""
    layers = list(canvas.layers())  # top first
    order = [layer for layer in layers if _is_line_layer(layer)] + [layer for layer in layers if not _is_line_layer(layer)]
    if order == layers:
        return
    root = QgsProject.instance().layerTreeRoot()
    saved["order"] = (root.hasCustomLayerOrder(), list(root.customLayerOrder()))
    tree_order = [layer for layer in root.layerOrder() if _is_line_layer(layer)]
    tree_order += [layer for layer in root.layerOrder() if not _is_line_layer(layer)]
    root.setCustomLayerOrder(tree_order)
    root.setHasCustomLayerOrder(True)
    canvas.setLayers(order)  # QGIS's canvas follows the tree; a bare canvas (tests, scripts) is told


def restore(canvas, saved):
    """Give every layer still in the project its own labels, renderer and order back."""
    project = QgsProject.instance()
    saved["guard"].close()
    for layer_id, labeling in saved["labels"]:
        layer = project.mapLayer(layer_id)
        if layer is not None:  # a layer removed during the meeting has nothing to restore
            layer.setLabeling(labeling)
            layer.triggerRepaint()
    for layer_id, renderer in saved["renderers"]:
        layer = project.mapLayer(layer_id)
        if layer is not None:
            layer.setRenderer(renderer)
            layer.triggerRepaint()
    if saved["order"] is not None:
        root = project.layerTreeRoot()
        has_custom, custom = saved["order"]
        existing = {id(layer) for layer in project.mapLayers().values()}
        root.setCustomLayerOrder([layer for layer in custom if id(layer) in existing])
        root.setHasCustomLayerOrder(has_custom)
        canvas.setLayers([layer for layer in saved["canvas"] if id(layer) in existing])


class ProjectWriteGuard:
    """While the meeting's styles are on, a saved project gets the planner's own ones."""

    def __init__(self, saved):
        self.labels = dict(saved["labels"])
        self.renderers = dict(saved["renderers"])
        self.order = saved["order"]
        project = QgsProject.instance()
        project.writeMapLayer.connect(self.write_layer)
        project.writeProject.connect(self.write_order)

    def close(self):
        project = QgsProject.instance()
        for signal, slot in ((project.writeMapLayer, self.write_layer), (project.writeProject, self.write_order)):
            try:
                signal.disconnect(slot)
            except TypeError:
                pass

    def write_layer(self, layer, element, document):
        """Replace the meeting's renderer and labeling in ``layer``'s element by its own."""
        context = QgsReadWriteContext()
        for own, tag in ((self.renderers.get(layer.id()), "renderer-v2"), (self.labels.get(layer.id()), "labeling")):
            written = element.firstChildElement(tag)
            if own is not None and not written.isNull():
                element.replaceChild(own.save(document, context), written)

    def write_order(self, document):
        """The layer tree's custom order as it was before the meeting."""
        if self.order is None:
            return
        has_custom, custom = self.order
        order = document.documentElement().firstChildElement("layer-tree-group").firstChildElement("custom-order")
        if order.isNull():
            return
        order.setAttribute("enabled", "1" if has_custom else "0")
        while order.hasChildNodes():
            order.removeChild(order.firstChild())
        for layer in custom:
            try:
                layer_id = layer.id()
            except RuntimeError:  # removed during the meeting
                continue
            item = document.createElement("item")
            item.appendChild(document.createTextNode(layer_id))
            order.appendChild(item)
