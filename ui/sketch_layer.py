"""The layer "Expert sketches": the free-hand lines experts drew in the web atlas, beside the blocks.

Each sketch is a feature (author, space, text, the proposal's id in the decision log) in the blocks
layer's CRS, transformed from the atlas's WGS 84; an area the expert closed comes in as its outline.
The layer lies above the blocks in the layer tree, found again by a custom property naming the
blocks layer (not by its name, which the planner may change), so importing a file again adds no
sketch twice, and a layer the planner removed is made again by the next import. Blocks in a
GeoPackage keep the sketches beside them, in its table :data:`TABLE` (like the decision log), so
they outlive the project; for other blocks the layer is a memory layer (import the files again
after reopening the project: the sketches come back, the log rows are not repeated).
"""
from __future__ import annotations

import contextlib
import sqlite3

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsGeometry,
    QgsLineSymbol,
    QgsPointXY,
    QgsProject,
    QgsVectorFileWriter,
    QgsVectorLayer,
)

from ..i18n import tr
from ..qgisio.compat import field as make_field
from .decision_log_store import _writer_enum, geopackage_of

#: custom property of the sketch layer: the id of the blocks layer it belongs to
BLOCKS_PROPERTY = "sozialraum/expert_sketches_of"
FIELDS = (("author", "string"), ("space", "string"), ("text", "string"), ("written", "string"),
          ("proposal", "string"))
WGS84 = "EPSG:4326"
#: the table of the sketches in the blocks' GeoPackage
TABLE = "sozialraum_sketches"


def sketch_layer_of(blocks):
    """The sketch layer of ``blocks`` in the project, else None."""
    for layer in QgsProject.instance().mapLayers().values():
        if layer.customProperty(BLOCKS_PROPERTY) == blocks.id() and isinstance(layer, QgsVectorLayer):
            return layer
    return None


def _memory_layer(blocks):
    layer = QgsVectorLayer(f"MultiLineString?crs={blocks.crs().authid() or 'EPSG:4326'}", tr("Expert sketches"), "memory")
    if not blocks.crs().authid():  # a CRS without an authority id (a custom one): given as it is
        layer.setCrs(blocks.crs())
    layer.dataProvider().addAttributes([make_field(name, kind) for name, kind in FIELDS])
    layer.updateFields()
    return layer


def _geopackage_layer(blocks, path):
    """The sketches' table in the blocks' GeoPackage (made when missing), else None (the write failed)."""
    uri = f"{path}|layername={TABLE}"
    layer = QgsVectorLayer(uri, tr("Expert sketches"), "ogr") if _has_table(path) else None
    if layer is None or not layer.isValid():
        options = QgsVectorFileWriter.SaveVectorOptions()
        options.driverName = "GPKG"
        options.layerName = TABLE
        options.fileEncoding = "UTF-8"
        options.actionOnExistingFile = _writer_enum("ActionOnExistingFile", "CreateOrOverwriteLayer")
        result = QgsVectorFileWriter.writeAsVectorFormatV3(_memory_layer(blocks), path,
                                                           QgsProject.instance().transformContext(), options)
        if result[0] != _writer_enum("WriterError", "NoError"):
            return None
        layer = QgsVectorLayer(uri, tr("Expert sketches"), "ogr")
    missing = [name for name, _kind in FIELDS if name not in layer.fields().names()]
    return layer if layer.isValid() and not missing else None


def _has_table(path):
    try:
        with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as connection:
            return connection.execute("SELECT 1 FROM gpkg_contents WHERE lower(table_name) = lower(?)",
                                      (TABLE,)).fetchone() is not None
    except sqlite3.Error:
        return False


def make_sketch_layer(blocks):
    """The sketch layer for ``blocks`` (the table in their GeoPackage, else a memory layer), added right above them."""
    path = geopackage_of(blocks)
    layer = (_geopackage_layer(blocks, path) if path else None) or _memory_layer(blocks)
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
    layer is None when there was nothing to add and no layer yet, the number None when the write failed.
    """
    wanted = [(row, comment) for row, comment in sketches if comment.sketch]
    layer = sketch_layer_of(blocks)
    if not wanted:
        return layer, 0
    if layer is None:
        layer = make_sketch_layer(blocks)  # in a GeoPackage: with the sketches of earlier imports
    present = {feature["proposal"] for feature in layer.getFeatures()}
    wanted = [(row, comment) for row, comment in wanted if row.id not in present]
    if not wanted:
        return layer, 0
    transform = QgsCoordinateTransform(QgsCoordinateReferenceSystem(WGS84), layer.crs(), QgsProject.instance())
    features = []
    for row, comment in wanted:
        geometry = QgsGeometry.fromMultiPolylineXY([[QgsPointXY(lon, lat) for lon, lat in line] for line in comment.sketch])
        geometry.transform(transform)
        feature = QgsFeature(layer.fields())
        feature.setGeometry(geometry)
        values = {"author": comment.author, "space": comment.space, "text": comment.text, "written": comment.written,
                  "proposal": row.id}
        for name, value in values.items():  # by name: a GeoPackage table has its fid first
            feature.setAttribute(name, value)
        features.append(feature)
    ok, _added = layer.dataProvider().addFeatures(features)
    layer.updateExtents()
    layer.triggerRepaint()
    return layer, len(features) if ok else None
