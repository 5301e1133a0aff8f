"""Enum names that moved between QGIS 3.22 and QGIS 3.36+/4 (Qt6): one place to look them up.

The fallback names run only on the QGIS versions without the new enum, which are all Qt5 builds, so their
unscoped spelling is fine there; enums that did not move are written scoped in place
(``QgsFeatureSink.Flag.FastInsert``), the one form Qt6 builds accept (scripts/check_qt6.py --against qgis).
"""
from qgis.core import (
    Qgis,
    QgsPalLayerSettings,
    QgsProcessing,
    QgsProcessingFeatureSource,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsRenderContext,
    QgsUnitTypes,
    QgsWkbTypes,
)


def _pick(new_owner, new_name, old_owner, old_name):
    """The scoped enum of newer QGIS when it exists, else the 3.22 name."""
    owner = getattr(Qgis, new_owner, None)
    if owner is not None and hasattr(owner, new_name):
        return getattr(owner, new_name)
    return getattr(old_owner, old_name)


#: layouts export text as text (searchable PDFs), not as outlines
TEXT_AS_TEXT = _pick("TextRenderFormat", "AlwaysText", QgsRenderContext, "TextFormatAlwaysText")
SOURCE_POLYGON = _pick("ProcessingSourceType", "VectorPolygon", QgsProcessing, "TypeVectorPolygon")
SOURCE_LINE = _pick("ProcessingSourceType", "VectorLine", QgsProcessing, "TypeVectorLine")
SOURCE_POINT = _pick("ProcessingSourceType", "VectorPoint", QgsProcessing, "TypeVectorPoint")
SOURCE_VECTOR = _pick("ProcessingSourceType", "Vector", QgsProcessing, "TypeVector")  # also tables
SOURCE_ANY_GEOMETRY = _pick("ProcessingSourceType", "VectorAnyGeometry", QgsProcessing, "TypeVectorAnyGeometry")
FIELD_ANY = _pick("ProcessingFieldParameterDataType", "Any", QgsProcessingParameterField, "Any")
FIELD_NUMERIC = _pick("ProcessingFieldParameterDataType", "Numeric", QgsProcessingParameterField, "Numeric")
NUMBER_DOUBLE = _pick("ProcessingNumberParameterType", "Double", QgsProcessingParameterNumber, "Double")
NUMBER_INTEGER = _pick("ProcessingNumberParameterType", "Integer", QgsProcessingParameterNumber, "Integer")
FILE_BEHAVIOUR = _pick("ProcessingFileParameterBehavior", "File", QgsProcessingParameterFile, "File")
MESSAGE_WARNING = _pick("MessageLevel", "Warning", Qgis, "Warning")
MESSAGE_CRITICAL = _pick("MessageLevel", "Critical", Qgis, "Critical")
WKB_LINESTRING = _pick("WkbType", "LineString", QgsWkbTypes, "LineString")
WKB_MULTIPOLYGON = _pick("WkbType", "MultiPolygon", QgsWkbTypes, "MultiPolygon")
WKB_NO_GEOMETRY = _pick("WkbType", "NoGeometry", QgsWkbTypes, "NoGeometry")  # tables
PARAMETER_ADVANCED = _pick("ProcessingParameterFlag", "Advanced", QgsProcessingParameterDefinition, "FlagAdvanced")
PARAMETER_OPTIONAL = _pick("ProcessingParameterFlag", "Optional", QgsProcessingParameterDefinition, "FlagOptional")
LABEL_OVER_POINT = _pick("LabelPlacement", "OverPoint", QgsPalLayerSettings, "OverPoint")
# Not `Qgis.DistanceUnit.Meters or ...`: the member's value is 0, so `or` would always take the old name.
DISTANCE_METERS = _pick("DistanceUnit", "Meters", QgsUnitTypes, "DistanceMeters")
WKB_MULTIPOINT = _pick("WkbType", "MultiPoint", QgsWkbTypes, "MultiPoint")
GEOMETRY_POLYGON = _pick("GeometryType", "Polygon", QgsWkbTypes, "PolygonGeometry")
GEOMETRY_POINT = _pick("GeometryType", "Point", QgsWkbTypes, "PointGeometry")
GEOMETRY_NULL = _pick("GeometryType", "Null", QgsWkbTypes, "NullGeometry")
GEOMETRY_UNKNOWN = _pick("GeometryType", "Unknown", QgsWkbTypes, "UnknownGeometry")
# We repair or name invalid geometries ourselves instead of QGIS stopping at the first one.
SKIP_VALIDITY_CHECKS = _pick(
    "ProcessingFeatureSourceFlag", "SkipGeometryValidityChecks", QgsProcessingFeatureSource, "FlagSkipGeometryValidityChecks"
)


def field(name, kind, length=0, precision=0):
    """A QgsField of kind 'int', 'double' or 'string' on both QVariant (Qt5) and QMetaType (Qt6) APIs."""
    from qgis.core import QgsField

    try:
        from qgis.PyQt.QtCore import QMetaType

        meta = {"int": QMetaType.Type.Int, "double": QMetaType.Type.Double, "string": QMetaType.Type.QString}[kind]
        return QgsField(name, meta, len=length, prec=precision)
    except (TypeError, AttributeError, ImportError):
        from qgis.PyQt.QtCore import QVariant

        variant = {"int": QVariant.Int, "double": QVariant.Double, "string": QVariant.String}[kind]
        return QgsField(name, variant, len=length, prec=precision)


def parameter_as_fields(algorithm, parameters, name, context):
    """Field names of a field parameter: parameterAsStrings since QGIS 3.32 (parameterAsFields is
    deprecated there), parameterAsFields on 3.22."""
    if hasattr(algorithm, "parameterAsStrings"):
        return algorithm.parameterAsStrings(parameters, name, context)
    return algorithm.parameterAsFields(parameters, name, context)
