"""The one label style of social spaces on every map: number over residents, white halo.

Used by the spaces style (resources/styles/spaces.qml, written by scripts/make_styles.py), the
report map and the consultation's live spaces layer, so a space reads the same everywhere.
Labels sit on the point of the space's own polygon farthest from its outline (its pole of
inaccessibility): at the centroid, a space wrapped round another had its label on the inner one, and
a C-shaped space had it at the inner edge, running over its neighbour (an outside check read "5" as a
label of space 7); every space keeps its number, as tables and the
consultation refer to it; a space smaller on paper than a two-line label (about 100 mm²)
shows only its number.
"""
from qgis.core import QgsPalLayerSettings, QgsTextBufferSettings, QgsTextFormat, QgsVectorLayerSimpleLabeling
from qgis.PyQt.QtGui import QColor, QFont

from .compat import GEOMETRY_POINT, _pick

OVER_POINT = _pick("LabelPlacement", "OverPoint", QgsPalLayerSettings, "OverPoint")


#: m² per square degree at the equator (a degree of latitude: 111,319.49 m)
SQUARE_DEGREE = 111319.49**2


#: Thousands separator of the residents on maps: the narrow no-break space the dock uses
#: (ui/formatting.py), "4 893" in every language. QGIS 3.22's format_number() groups by the
#: locale QGIS was started with, not its interface language: a German map read "4,893", which in
#: German is about five residents (an outside check).
THOUSANDS = "\u202f"


def grouped_residents(field):
    """Expression: ``field`` rounded to a whole number, thousands separated by :data:`THOUSANDS`."""
    return (f"regexp_replace(to_string(round(\"{field}\")), '(\\\\d)(?=(\\\\d{{3}})+$)', "
            f"'\\\\1{THOUSANDS}')")


def space_labeling(label_field="space_id", population_field="population", size=9.0, crs=None):
    """Simple labeling of spaces by ``label_field`` over ``population_field`` (formatted); spaces
    smaller than 1 cm² on the map show the number only. ``crs``: the layer's, when it may be in
    degrees (their area is then converted to m²: in square degrees every space counted as small
    and no label showed residents, an outside check found)."""
    area = "area($geometry)"
    if crs is not None and crs.isGeographic():
        area = f"area($geometry) * {SQUARE_DEGREE:.1f} * cos(radians(y(centroid($geometry))))"
    settings = QgsPalLayerSettings()
    settings.fieldName = (f"CASE WHEN {area} < 100 * (@map_scale / 1000) ^ 2 THEN \"{label_field}\" "
                          f"ELSE \"{label_field}\" || '\\n' || {grouped_residents(population_field)} END")
    settings.isExpression = True
    settings.placement = OVER_POINT
    settings.centroidInside = True
    # placed on the pole of inaccessibility (tolerance: a fiftieth of the space's size); the text still reads the
    # space's own geometry (its area decides whether the residents show)
    settings.geometryGeneratorEnabled = True
    settings.geometryGeneratorType = GEOMETRY_POINT
    settings.geometryGenerator = "pole_of_inaccessibility($geometry, max(sqrt(area($geometry)) / 50, 1e-9))"
    settings.displayAll = True
    text = QgsTextFormat()
    text.setFont(QFont("DejaVu Sans"))
    text.setSize(size)
    text.setColor(QColor("black"))
    buffer = QgsTextBufferSettings()  # a white halo keeps labels readable over any fill and outline
    buffer.setEnabled(True)
    buffer.setColor(QColor("white"))
    buffer.setSize(1.0)
    text.setBuffer(buffer)
    settings.setFormat(text)
    return QgsVectorLayerSimpleLabeling(settings)
