"""The layer "Expert sketches": the free-hand lines experts drew in the web atlas, beside the blocks.

Each sketch is a feature (author, space, text, the proposal's id in the decision log) in the blocks
layer's CRS, transformed from the atlas's WGS 84; an area the expert closed comes in as its outline.
The layer is a memory layer above the blocks in the layer tree, found again by a custom property
naming the blocks layer (not by its name, which the planner may change), so importing a file again
adds no sketch twice, and a layer the planner removed is made again by the next import.
"""
from __future__ import annotations

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsGeometry,
    QgsLineSymbol,
    QgsPointXY,
    QgsProject,
    QgsVectorLayer,
)

from ..algorithms.compat import field as make_field
from ..i18n import tr

#: custom property of the sketch layer: the id of the blocks layer it belongs to
BLOCKS_PROPERTY = "sozialraum/expert_sketches_of"
FIELDS = (("author", "string"), ("space", "string"), ("text", "string"), ("written", "string"),
          ("proposal", "string"))
WGS84 = "EPSG:4326"


def sketch_layer_of(blocks):
    """The sketch layer of ``blocks`` in the project, else None."""
    for layer in QgsProject.instance().mapLayers().values():
        if layer.customProperty(BLOCKS_PROPERTY) == blocks.id() and isinstance(layer, QgsVectorLayer):
            return layer
    return None


def make_sketch_layer(blocks):
    """A new, empty sketch layer for ``blocks``, added to the project right above them."""
    layer = QgsVectorLayer(f"MultiLineString?crs={blocks.crs().authid() or 'EPSG:4326'}", tr("Expert sketches"), "memory")
    if not blocks.crs().authid():  # a CRS without an authority id (a custom one): given as it is
        layer.setCrs(blocks.crs())
    layer.dataProvider().addAttributes([make_field(name, kind) for name, kind in FIELDS])
    layer.updateFields()
    layer.setCustomProperty(BLOCKS_PROPERTY, blocks.id())
    # magenta, as in the atlas: apart from the status colours and the barriers' blue
    layer.renderer().setSymbol(QgsLineSymbol.createSimple({"color": "197,27,125", "width": "1.2",
                                                           "capstyle": "round", "joinstyle": "round"}))
    project = QgsProject.instance()
    project.addMapLayer(layer, False)
    root = project.layerTreeRoot()
    node = root.findLayer(blocks.id())
    parent = node.parent() if node is not None else root
    position = parent.children().index(node) if node is not None else 0
    parent.insertLayer(position, layer)
    return layer


def add_sketches(blocks, sketches):
    """Add ``sketches`` (pairs of a proposal row and its :class:`ExpertComment`) to the sketch layer of ``blocks``.

    Sketches whose proposal the layer has already are left out. Returns (layer, number added); the
    layer is None when there was nothing to add and no layer yet.
    """
    layer = sketch_layer_of(blocks)
    wanted = [(row, comment) for row, comment in sketches if comment.sketch]
    if layer is not None:
        present = {feature["proposal"] for feature in layer.getFeatures()}
        wanted = [(row, comment) for row, comment in wanted if row.id not in present]
    if not wanted:
        return layer, 0
    if layer is None:
        layer = make_sketch_layer(blocks)
    transform = QgsCoordinateTransform(QgsCoordinateReferenceSystem(WGS84), layer.crs(), QgsProject.instance())
    features = []
    for row, comment in wanted:
        geometry = QgsGeometry.fromMultiPolylineXY([[QgsPointXY(lon, lat) for lon, lat in line] for line in comment.sketch])
        geometry.transform(transform)
        feature = QgsFeature(layer.fields())
        feature.setGeometry(geometry)
        feature.setAttributes([comment.author, comment.space, comment.text, comment.written, row.id])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    layer.updateExtents()
    layer.triggerRepaint()
    return layer, len(features)
