"""Before/after: a second map canvas with the division as last saved, beside the live one.

During a consultation the main canvas shows the blocks layer with its edit buffer (the
"after"). This dock shows a private copy of the same blocks as the data provider holds them,
i.e. as last saved (the "before"), drawn with a clone of the layer's own style so the same
space has the same colour in both, with the spaces' outlines and numbers on top (the blocks'
colours alone did not say which space is which, issue 19, 10), and it follows the main
canvas's extent. The copies are never added to the project and nothing is written anywhere.
Saving the layer's edits makes the saved state the new "before": the view takes a new copy by
itself ("Refresh" does the same by hand). It opens as a second map of a usable height (it
opened squeezed to about 60 px below the main map).
"""
from __future__ import annotations

from qgis.core import (
    QgsFeature,
    QgsFillSymbol,
    QgsGeometry,
    QgsPalLayerSettings,
    QgsRenderContext,
    QgsSingleSymbolRenderer,
    QgsTextBufferSettings,
    QgsTextFormat,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
    QgsWkbTypes,
)
from qgis.gui import QgsMapCanvas
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor, QFont
from qgis.PyQt.QtWidgets import QDockWidget, QLabel, QPushButton, QVBoxLayout, QWidget

from ..i18n import tr
from ..qgisio.space_labels import OVER_POINT
from .compat import LINE_GEOMETRY, disconnect_all

#: the before map is at least this high (px), and opens at this share of the main window's height
MINIMUM_HEIGHT = 240
SHARE_OF_WINDOW = 0.42


def without_outlines(renderer):
    """``renderer`` with its fills' outlines taken away: in the smaller second map thousands of
    block outlines turned the town black; the spaces' outlines are drawn on top instead."""
    for symbol in renderer.symbols(QgsRenderContext()):
        for index in range(symbol.symbolLayerCount()):
            fill = symbol.symbolLayer(index)
            if hasattr(fill, "setStrokeStyle"):
                fill.setStrokeStyle(Qt.PenStyle.NoPen)
    return renderer


def saved_copy(layer):
    """A memory layer with ``layer``'s features as its data provider holds them (edits not included)."""
    geometry = QgsWkbTypes.displayString(layer.wkbType()) or "MultiPolygon"
    copy = QgsVectorLayer(f"{geometry}?crs={layer.crs().authid()}", tr("Before"), "memory")
    copy.setCrs(layer.crs())  # also a CRS without an authority id
    copy.dataProvider().addAttributes(layer.dataProvider().fields().toList())
    copy.updateFields()
    features = []
    for feature in layer.dataProvider().getFeatures():
        clone = QgsFeature(copy.fields(), feature.id())
        clone.setAttributes(feature.attributes())
        clone.setGeometry(feature.geometry())
        features.append(clone)
    copy.dataProvider().addFeatures(features)
    if layer.renderer() is not None:
        copy.setRenderer(without_outlines(layer.renderer().clone()))
    if layer.labeling() is not None:
        copy.setLabeling(layer.labeling().clone())
        copy.setLabelsEnabled(layer.labelsEnabled())
    return copy


def closed_union(geometries, closing):
    """The union of blocks with the streets between them (gaps up to ``2 * closing``) closed: a plain
    union kept every block's own outline, and thousands of them blackened the small map."""
    if closing <= 0:
        return QgsGeometry.unaryUnion(geometries)
    grown = QgsGeometry.unaryUnion([g.buffer(closing, 2) for g in geometries])
    return grown.buffer(-closing, 2).removeInteriorRings(40 * closing * closing)  # squares, not enclaves


def closing_distance(layer):
    """Half the widest street to close: 15 m in a projected CRS, its equivalent in degrees otherwise."""
    return 15.0 if not layer.crs().isGeographic() else 15.0 / 111000.0


def saved_outlines(copy, space_field):
    """A memory layer of the spaces of ``copy`` (blocks as saved): one outline per space, labelled with its number."""
    crs = copy.crs().authid()
    outlines = QgsVectorLayer(f"MultiPolygon?crs={crs}&field=space:string", tr("Spaces as last saved"), "memory")
    outlines.setCrs(copy.crs())
    index = copy.fields().indexFromName(space_field) if space_field else -1
    if index < 0:
        return None
    parts = {}
    closing = closing_distance(copy)
    for feature in copy.getFeatures():
        value = feature.attribute(index)
        if value is None or str(value) in ("", "NULL") or not feature.hasGeometry():
            continue
        parts.setdefault(str(value), []).append(feature.geometry())
    features = []
    for space, geometries in parts.items():
        feature = QgsFeature(outlines.fields())
        feature.setAttributes([space])
        feature.setGeometry(closed_union(geometries, closing))
        features.append(feature)
    outlines.dataProvider().addFeatures(features)
    outlines.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple(
        {"style": "no", "outline_color": "#222222", "outline_width": "0.6"})))
    outlines.setLabeling(number_labeling("space"))
    outlines.setLabelsEnabled(True)
    return outlines


def number_labeling(field):
    """The space number in bold over a white halo, on a point inside each space."""
    settings = QgsPalLayerSettings()
    settings.fieldName = field
    settings.placement = OVER_POINT
    settings.centroidInside = True
    text = QgsTextFormat()
    font = QFont("DejaVu Sans")
    font.setBold(True)
    text.setFont(font)
    text.setSize(10)
    text.setColor(QColor("black"))
    buffer = QgsTextBufferSettings()
    buffer.setEnabled(True)
    buffer.setColor(QColor("white"))
    buffer.setSize(1.2)
    text.setBuffer(buffer)
    settings.setFormat(text)
    return QgsVectorLayerSimpleLabeling(settings)


class BeforeAfterDock(QDockWidget):
    """A dock holding the "before" canvas; :meth:`show_layer` fills it, closing it frees the copy."""

    def __init__(self, main_canvas, parent=None):
        super().__init__(tr("Before (as last saved)"), parent)
        self.setObjectName("SozialraumBeforeAfterDock")
        self.main_canvas = main_canvas
        self.layer = None
        self.space_field = None
        self.copy = None
        self.outlines = None
        body = QWidget(self)
        column = QVBoxLayout(body)
        self.caption = QLabel(tr("The division as last saved; the main map shows it with the changes of this session."))
        self.caption.setWordWrap(True)
        self.canvas = QgsMapCanvas(body)
        self.canvas.setCanvasColor(Qt.GlobalColor.white)
        self.canvas.setMinimumHeight(MINIMUM_HEIGHT)
        self.refresh_button = QPushButton(tr("Refresh"))
        self.refresh_button.setObjectName("refreshBefore")
        self.refresh_button.clicked.connect(self.refresh)
        column.addWidget(self.caption)
        column.addWidget(self.canvas, 1)
        column.addWidget(self.refresh_button)
        self.setWidget(body)
        main_canvas.extentsChanged.connect(self.follow_extent)

    def show_layer(self, layer, space_field=None):
        """Show ``layer`` as last saved, with the outlines of its spaces by ``space_field`` (None clears the canvas)."""
        previous = [self.copy, self.outlines]
        if layer is not self.layer:
            self._unwatch()
            if layer is not None:
                layer.afterCommitChanges.connect(self.refresh)  # the saved state is the new "before"
        self.layer = layer
        self.space_field = space_field if layer is not None else None
        self.copy = saved_copy(layer) if layer is not None else None
        self.outlines = saved_outlines(self.copy, space_field) if self.copy is not None else None
        lines = [item for item in self.main_canvas.layers() if isinstance(item, QgsVectorLayer)
                 and item.geometryType() == LINE_GEOMETRY] if self.copy is not None else []
        # the barriers of the main map (project layers, shown, not copied) say where the railway runs
        self.canvas.setLayers([item for item in (self.outlines, *lines, self.copy) if item is not None])
        self.canvas.setDestinationCrs(self.main_canvas.mapSettings().destinationCrs())
        self.follow_extent()
        for item in previous:
            if item is not None:
                item.deleteLater()

    def refresh(self):
        """A new copy of the layer as saved now."""
        if self.layer is not None:
            self.show_layer(self.layer, self.space_field)

    def open_beside(self, window):
        """Show the dock at a usable height below the main map of ``window``."""
        self.show()
        window.resizeDocks([self], [max(MINIMUM_HEIGHT, round(window.height() * SHARE_OF_WINDOW))], Qt.Orientation.Vertical)

    def follow_extent(self):
        if self.copy is not None:
            self.canvas.setExtent(self.main_canvas.extent())
            self.canvas.refresh()

    def _unwatch(self):
        if self.layer is not None:
            try:
                disconnect_all([(self.layer.afterCommitChanges, self.refresh)])
            except RuntimeError:  # the layer is gone, its connections with it
                pass

    def cleanup(self):
        """Stop following the main canvas and the layer, drop the copies (the plugin's unload)."""
        disconnect_all([(self.main_canvas.extentsChanged, self.follow_extent)])
        self._unwatch()
        self.canvas.setLayers([])
        for item in (self.copy, self.outlines):
            if item is not None:
                item.deleteLater()
        self.copy = self.outlines = self.layer = None
