"""Reading QGIS features into engine inputs: shapely geometries in metres, attribute columns."""
import math
from pathlib import Path

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsExpression,
    QgsFeatureRequest,
    QgsGeometry,
    QgsProcessingException,
    QgsProviderRegistry,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant
from shapely import wkb

from ..i18n import tr
from . import compat
from .compat import SKIP_VALIDITY_CHECKS


def to_shapely(geometry):
    """A QgsGeometry as a shapely geometry (None for missing or empty ones)."""
    if geometry is None or geometry.isNull() or geometry.isEmpty():
        return None
    # ALKIS layers have arcs (curve polygons) and M values, which Shapely cannot read: use
    # the straight-segment approximation QGIS draws, without M.
    geometry = QgsGeometry(geometry)
    if QgsWkbTypes.isCurvedType(geometry.wkbType()):
        geometry = QgsGeometry(geometry.constGet().segmentize())
    if QgsWkbTypes.hasM(geometry.wkbType()):
        geometry.get().dropMValue()
    try:
        return wkb.loads(bytes(geometry.asWkb()))
    except Exception:  # noqa: BLE001 - an unreadable shape counts as a missing one, and is named
        return None


def metric_crs(crs, extent):
    """The CRS to measure in: the layer's own when projected, else the UTM zone of its centre.

    Distances the user gives in metres then stay correct for layers in degrees.
    """
    if not crs.isGeographic():
        return crs
    centre_x = (extent.xMinimum() + extent.xMaximum()) / 2.0
    centre_y = (extent.yMinimum() + extent.yMaximum()) / 2.0
    if not (math.isfinite(centre_x) and math.isfinite(centre_y)):
        # no silent Web Mercator: its metres are 1.6 times too long at 52° N
        raise QgsProcessingException(tr(
            "The layer is in a geographic CRS ({crs}) and has no geometries to choose a metric CRS (UTM zone) "
            "from; reproject it or check its geometries.").format(crs=crs.authid()))
    zone = min(60, max(1, int((centre_x + 180.0) // 6.0) + 1))
    return QgsCoordinateReferenceSystem(f"EPSG:{(32600 if centre_y >= 0 else 32700) + zone}")


def wgs84_extent(source, context):
    """The source extent in EPSG:4326 (to pick a UTM zone)."""
    transform = QgsCoordinateTransform(source.sourceCrs(), QgsCoordinateReferenceSystem("EPSG:4326"), context.transformContext())
    return transform.transformBoundingBox(source.sourceExtent())


def ordered_request(order_field=None):
    """A request that reads features in a fixed order: by ``order_field``, else by feature id.

    Providers such as PostGIS or WFS return rows in no guaranteed order; reading in a fixed
    order keeps "same seed, same spaces" true whatever the source.
    """
    request = QgsFeatureRequest()
    expression = QgsExpression.quotedColumnRef(order_field) if order_field else "$id"
    request.addOrderBy(expression, True)
    return request


def read_polygons(source, context, feedback, attribute_fields=(), order_field=None):
    """Read every feature of ``source``.

    Returns ``(features, shapes, columns, work_crs)``: the QgsFeatures in the source CRS (for
    writing outputs), shapely geometries in ``work_crs`` (metres), and a dict of attribute lists.
    """
    if source.featureCount() == 0:  # before choosing a CRS from the (empty) extent
        raise QgsProcessingException(tr("The block layer has no features."))
    crs = source.sourceCrs()
    work_crs = metric_crs(crs, wgs84_extent(source, context)) if crs.isGeographic() else crs
    transform = None
    if work_crs != crs:
        transform = QgsCoordinateTransform(crs, work_crs, context.transformContext())
        feedback.pushInfo(
            tr("The layer is in a geographic CRS ({crs}); distances are measured in {work}.").format(
                crs=crs.authid(), work=work_crs.authid()
            )
        )
    names = source.fields().names()
    missing = [name for name in attribute_fields if name not in names]
    if missing:
        raise QgsProcessingException(tr("The layer has no field named {fields}.").format(
            fields=", ".join(f"'{name}'" for name in missing)))
    features, shapes = [], []
    columns = {name: [] for name in attribute_fields}
    total = source.featureCount() or 1
    for count, feature in enumerate(source.getFeatures(ordered_request(order_field), SKIP_VALIDITY_CHECKS)):
        if feedback.isCanceled():
            raise QgsProcessingException(tr("Cancelled by the user."))
        features.append(feature)
        geometry = feature.geometry()
        if transform is not None and geometry is not None and not geometry.isNull():
            geometry = QgsGeometry(geometry)
            geometry.transform(transform)
        shapes.append(to_shapely(geometry))
        for name in attribute_fields:
            columns[name].append(feature[name])
        if count % 1000 == 0:
            feedback.setProgress(10.0 * count / total)
    return features, shapes, columns, work_crs


def transformed_features(layer, work_crs, context):
    """(feature, shapely geometry in ``work_crs``) for every feature with a geometry."""
    crs = layer.sourceCrs() if hasattr(layer, "sourceCrs") else layer.crs()
    transform = QgsCoordinateTransform(crs, work_crs, context.transformContext()) if crs != work_crs else None
    for feature in layer.getFeatures():
        geometry = feature.geometry()
        if geometry is None or geometry.isNull() or geometry.isEmpty():
            continue
        geometry = QgsGeometry(geometry)
        if transform is not None:
            geometry.transform(transform)
        yield feature, to_shapely(geometry)


def read_lines(sources, work_crs, context, feedback):
    """Barrier line geometries of several layers, transformed into ``work_crs``.

    Polygon layers (rivers and railway land mapped as areas) count with their outlines; point
    layers cannot separate blocks and are refused with a message naming the layer.
    """
    lines = []
    for layer in sources:
        if layer.crs() != work_crs:
            feedback.pushInfo(
                tr("Barrier layer '{name}' ({crs}) is transformed to {work}.").format(
                    name=layer.name(), crs=layer.crs().authid(), work=work_crs.authid()
                )
            )
        shapes = [shape for _, shape in transformed_features(layer, work_crs, context) if shape is not None]
        if any(shape.geom_type in ("Point", "MultiPoint") for shape in shapes):
            raise QgsProcessingException(
                tr("Barrier layer '{name}' has points; barriers must be lines (or polygons, whose outlines are used).").format(
                    name=layer.name()
                )
            )
        polygonal = [shape for shape in shapes if shape.geom_type in ("Polygon", "MultiPolygon")]
        if polygonal:
            feedback.pushInfo(
                tr("Barrier layer '{name}' has {count} polygons; their outlines are used as barrier lines.").format(
                    name=layer.name(), count=len(polygonal)
                )
            )
        for shape in shapes:
            if shape.geom_type in ("Polygon", "MultiPolygon"):
                shape = shape.boundary
            if not shape.is_empty:
                lines.append(shape)
    return lines


def is_null(value):
    """QGIS NULL (QVariant or None) or NaN."""
    if value is None:
        return True
    if isinstance(value, QVariant) and value.isNull():
        return True
    return isinstance(value, float) and math.isnan(value)


def plain(value):
    """A Python value for the engine (QGIS NULL becomes None)."""
    return None if is_null(value) else value


def require_geometry(source, expected, layer_label):
    """Stop when ``source`` holds another kind of geometry than ``expected`` (compat.GEOMETRY_POLYGON
    or GEOMETRY_POINT). From qgis_process a file path is not checked against the parameter's type:
    the first layer of a GeoPackage, points, went in as drawn spaces (an outside check)."""
    kind = QgsWkbTypes.geometryType(source.wkbType())
    if kind in (expected, compat.GEOMETRY_UNKNOWN):  # unknown: a layer of mixed geometry, judged per feature
        return
    names = {compat.GEOMETRY_POLYGON: tr("polygons"), compat.GEOMETRY_POINT: tr("points"), compat.GEOMETRY_NULL: tr("no geometry")}
    raise QgsProcessingException(tr("The layer '{layer}' given as {role} has {found}; it needs {needed}.").format(
        layer=source.sourceName(), role=layer_label, found=names.get(kind, tr("lines")), needed=names[expected]))


def valid_polygons(geometry):
    """A copy of ``geometry`` that GEOS accepts (a bow-tie becomes two triangles), polygon parts only."""
    if geometry is None or geometry.isNull() or geometry.isEmpty() or geometry.isGeosValid():
        return geometry
    repaired = geometry.makeValid()
    if QgsWkbTypes.geometryType(repaired.wkbType()) != compat.GEOMETRY_POLYGON:
        repaired.convertGeometryCollectionToSubclass(compat.GEOMETRY_POLYGON)  # in place
    return repaired


def layer_title(layer):
    """The layer's name, or the GeoPackage layer's own name where QGIS named it after the file.

    A layer given as "musterstadt.gpkg|layername=barriers" (qgis_process, a model) is called
    "musterstadt"; the legend read "Barrier: musterstadt" for the railway.
    """
    parts = QgsProviderRegistry.instance().decodeUri(layer.providerType(), layer.source())
    inner, path = parts.get("layerName"), parts.get("path")
    if inner and path and layer.name() == Path(path).stem:
        return inner
    return layer.name()


def source_title(algorithm, parameters, name, context, source):
    """How reports name the input layer ``name``: :func:`layer_title` of its layer, else the source's name."""
    layer = algorithm.parameterAsVectorLayer(parameters, name, context)
    return layer_title(layer) if layer is not None else source.sourceName()
