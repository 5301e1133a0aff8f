"""The map image of the delineation/evaluation report: the spaces, their labels, the barriers and the
nesting units (districts) the spaces lie in.

Drawn from the spaces the algorithm has just made (their geometries and figures), not from its
output layer, so it works the same for files and temporary outputs; the input layers are
only read (barriers are drawn from a styled clone).
"""
from qgis.core import (
    QgsFeature,
    QgsFields,
    QgsFillSymbol,
    QgsGeometry,
    QgsLineSymbol,
    QgsProperty,
    QgsSingleSymbolRenderer,
    QgsVectorLayer,
)

from ...i18n import tr
from ...qgisio import compat, map_image
from ...qgisio.layer_io import layer_title
from ...qgisio.space_labels import space_labeling

#: the colour of a space from its position, as in resources/styles/spaces.qml (neighbours differ by 137°)
SPACE_COLOUR = "color_hsl((coalesce(\"colour\", 0) * 137) % 360, 55 + (coalesce(\"colour\", 0) % 3) * 12, 72)"
PROBLEM_OUTLINE = "#d7191c"
BARRIER_COLOUR = "#1f3a93"
#: the nesting units' boundaries: dark and wider than the spaces' outlines, under the barriers
UNIT_COLOUR = "#1a1a1a"
UNIT_WIDTH = "1.5"  # wider than the red outline drawn over it, so both show
#: the image: 1400 px printed 22 cm wide (about 160 dpi), labels 8 pt as in the spaces style
SIZE = (1400, 1050)
PRINT_WIDTH_MM = 220.0
#: polygon layers: Qgis.GeometryType.Polygon since QGIS 3.30, QgsWkbTypes.PolygonGeometry on 3.22
POLYGON = compat.GEOMETRY_POLYGON


def spaces_map_png(spaces, crs, barrier_layers, title, unit_field=None, gap=0.0):
    """PNG bytes of the map. ``spaces``: (QgsGeometry, label text, population, needs a look[, nesting unit]) per
    space; ``unit_field``: the nesting field, whose units' boundaries are drawn (None: no nesting); ``gap``: the
    street gap between blocks (map units), closed between the spaces of a unit."""
    spaces = list(spaces)
    layer = _spaces_layer(spaces, crs)
    units = _units_layer(spaces, crs, gap) if unit_field else None
    barriers = [_barrier_clone(b) for b in barrier_layers]
    barriers = [b for b in barriers if b is not None]
    extent = layer.extent()
    extent.grow(max(extent.width(), extent.height()) * 0.03)
    legend = [
        map_image.fill_entry(tr("Social space (one colour each; label: space and residents)"), "#9ecae1", "#333333"),
        map_image.fill_entry(tr("Outside the population bounds or flagged (red outline)"), "#ffffff", PROBLEM_OUTLINE, "1.2"),
    ]
    if units is not None:
        legend.append(map_image.line_entry(tr("Boundary of the nesting units ({field})").format(field=unit_field),
                                           UNIT_COLOUR, UNIT_WIDTH))
    legend += [map_image.line_entry(tr("Barrier: {layer}").format(layer=layer_title(b)), BARRIER_COLOUR, "0.9")
               for b in barriers]
    # the red outlines once more above the units' boundaries, which covered those of a space that is a whole unit
    problems = _problem_outlines(spaces, crs) if units is not None else None
    layers = [*barriers, *([problems, units] if units is not None else []), layer]
    layers = [item for item in layers if item is not None]
    image = map_image.render_map(layers, extent, title, legend, size=SIZE, print_width_mm=PRINT_WIDTH_MM)
    return map_image.png_bytes(image)


def _spaces_layer(spaces, crs):
    layer = QgsVectorLayer(f"MultiPolygon?crs={crs.authid()}", "spaces", "memory")
    if not crs.authid():  # a CRS without an authority code (custom WKT) still draws in its own units
        layer.setCrs(crs)
    fields = QgsFields()
    for name, kind in (("colour", "int"), ("label", "string"), ("population", "double"), ("problem", "int")):
        fields.append(compat.field(name, kind))
    layer.dataProvider().addAttributes(fields.toList())
    layer.updateFields()
    features = []
    for position, (geometry, label, population, problem, *_) in enumerate(spaces, start=1):
        feature = QgsFeature(layer.fields())
        feature.setGeometry(geometry)
        feature.setAttributes([position, str(label), float(population), int(bool(problem))])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    layer.updateExtents()
    _style_spaces(layer)
    return layer


def _units_layer(spaces, crs, gap):
    """One outline per nesting unit: the union of its spaces with the streets between them closed (None when
    no space names a unit). Without the closing every space kept a unit line round it (spaces do not touch
    across a street), and the crossings showed as dots."""
    parts = {}
    for geometry, *_, unit in (space for space in spaces if len(space) > 4):
        if unit is not None and geometry is not None and not geometry.isEmpty():
            parts.setdefault(str(unit), []).append(geometry)
    if not parts:
        return None
    return _outline_layer("units", [_closed_union(parts[unit], gap) for unit in sorted(parts)], crs, UNIT_COLOUR, UNIT_WIDTH)


def _problem_outlines(spaces, crs):
    """The outlines of the spaces that need a look (red, no fill), or None when there are none."""
    outlines = [space[0] for space in spaces if space[3] and space[0] is not None]
    if not outlines:
        return None
    return _outline_layer("problems", outlines, crs, PROBLEM_OUTLINE, "0.9")


def _outline_layer(name, geometries, crs, colour, width):
    """A memory layer of ``geometries`` drawn as outlines only."""
    layer = QgsVectorLayer(f"MultiPolygon?crs={crs.authid()}", name, "memory")
    if not crs.authid():
        layer.setCrs(crs)
    features = []
    for geometry in geometries:
        feature = QgsFeature()
        feature.setGeometry(geometry)
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    layer.updateExtents()
    layer.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple(
        {"color": "transparent", "outline_color": colour, "outline_width": width})))
    return layer


def _closed_union(geometries, gap):
    """The union of ``geometries`` grown by the gap and shrunk back (a morphological closing); the plain union
    where that fails or there is no gap."""
    union = QgsGeometry.unaryUnion(geometries)
    reach = max(float(gap or 0.0), 0.0)
    if reach <= 0:
        return union
    closed = QgsGeometry.unaryUnion([geometry.buffer(reach, 4) for geometry in geometries]).buffer(-reach, 4)
    return closed if closed is not None and not closed.isEmpty() else union


def _style_spaces(layer):
    symbol = QgsFillSymbol.createSimple({"color": "#cccccc", "outline_color": "#333333", "outline_width": "0.5"})
    fill = symbol.symbolLayer(0)
    fill.setDataDefinedProperty(_property("FillColor"), QgsProperty.fromExpression(SPACE_COLOUR))
    fill.setDataDefinedProperty(_property("StrokeColor"), QgsProperty.fromExpression(
        f"CASE WHEN \"problem\" = 1 THEN '{PROBLEM_OUTLINE}' ELSE '#333333' END"))
    fill.setDataDefinedProperty(_property("StrokeWidth"), QgsProperty.fromExpression("CASE WHEN \"problem\" = 1 THEN 1.2 ELSE 0.5 END"))
    layer.setRenderer(QgsSingleSymbolRenderer(symbol))
    layer.setLabeling(space_labeling("label", "population", size=8, crs=layer.crs()))
    layer.setLabelsEnabled(True)


def _barrier_clone(layer):
    """A copy of a barrier layer drawn in one line style (the user's layer keeps its own)."""
    if not isinstance(layer, QgsVectorLayer) or not layer.isValid():
        return None
    clone = layer.clone()
    if layer.geometryType() == POLYGON:
        symbol = QgsFillSymbol.createSimple({"color": "transparent", "outline_color": BARRIER_COLOUR, "outline_width": "0.9"})
    else:
        symbol = QgsLineSymbol.createSimple({"line_color": BARRIER_COLOUR, "line_width": "0.9"})
    clone.setRenderer(QgsSingleSymbolRenderer(symbol))
    return clone


def _property(name):
    """A symbol-layer property: QgsSymbolLayer.Property.X since 3.30, QgsSymbolLayer.PropertyX on 3.22."""
    from qgis.core import QgsSymbolLayer

    scoped = getattr(QgsSymbolLayer, "Property", None)
    return getattr(scoped, name) if scoped is not None and hasattr(scoped, name) else getattr(QgsSymbolLayer, f"Property{name}")
