"""Before/after: a second map canvas with the division as last saved, beside the live one.

During a consultation the main canvas shows the blocks layer with its edit buffer (the
"after"). This dock shows a private copy of the same blocks as the data provider holds them,
i.e. as last saved (the "before"), drawn with a clone of the layer's own style so the same
space has the same colour in both, and it follows the main canvas's extent. The copy is never
added to the project and nothing is written anywhere; "Refresh" takes a new copy (after a
save, the saved state is the new "before").
"""
from __future__ import annotations

from qgis.core import QgsFeature, QgsVectorLayer, QgsWkbTypes
from qgis.gui import QgsMapCanvas
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QDockWidget, QLabel, QPushButton, QVBoxLayout, QWidget

from ..i18n import tr
from .compat import disconnect_all


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
        copy.setRenderer(layer.renderer().clone())
    if layer.labeling() is not None:
        copy.setLabeling(layer.labeling().clone())
        copy.setLabelsEnabled(layer.labelsEnabled())
    return copy


class BeforeAfterDock(QDockWidget):
    """A dock holding the "before" canvas; :meth:`show_layer` fills it, closing it frees the copy."""

    def __init__(self, main_canvas, parent=None):
        super().__init__(tr("Before (as last saved)"), parent)
        self.setObjectName("SozialraumBeforeAfterDock")
        self.main_canvas = main_canvas
        self.layer = None
        self.copy = None
        body = QWidget(self)
        column = QVBoxLayout(body)
        self.caption = QLabel(tr("The division as last saved; the main map shows it with the changes of this session."))
        self.caption.setWordWrap(True)
        self.canvas = QgsMapCanvas(body)
        self.canvas.setCanvasColor(Qt.GlobalColor.white)
        self.refresh_button = QPushButton(tr("Refresh"))
        self.refresh_button.clicked.connect(lambda: self.show_layer(self.layer))
        column.addWidget(self.caption)
        column.addWidget(self.canvas, 1)
        column.addWidget(self.refresh_button)
        self.setWidget(body)
        main_canvas.extentsChanged.connect(self.follow_extent)

    def show_layer(self, layer):
        """Show ``layer`` as last saved (None clears the canvas)."""
        previous = self.copy
        self.layer = layer
        self.copy = saved_copy(layer) if layer is not None else None
        self.canvas.setLayers([self.copy] if self.copy is not None else [])
        self.canvas.setDestinationCrs(self.main_canvas.mapSettings().destinationCrs())
        self.follow_extent()
        if previous is not None:
            previous.deleteLater()

    def follow_extent(self):
        if self.copy is not None:
            self.canvas.setExtent(self.main_canvas.extent())
            self.canvas.refresh()

    def cleanup(self):
        """Stop following the main canvas and drop the copy (the plugin's unload)."""
        disconnect_all([(self.main_canvas.extentsChanged, self.follow_extent)])
        self.canvas.setLayers([])
        if self.copy is not None:
            self.copy.deleteLater()
        self.copy = self.layer = None
