"""Enum names of the consultation tools that moved between QGIS 3.22 and QGIS 3.30+/4 (Qt6)."""
from qgis.core import QgsFeatureRequest, QgsFieldProxyModel, QgsMapLayerProxyModel, QgsVectorDataProvider, QgsWkbTypes

from ..qgisio.compat import _pick

POLYGON_GEOMETRY = _pick("GeometryType", "Polygon", QgsWkbTypes, "PolygonGeometry")
LINE_GEOMETRY = _pick("GeometryType", "Line", QgsWkbTypes, "LineGeometry")
POLYGON_LAYERS = _pick("LayerFilter", "PolygonLayer", QgsMapLayerProxyModel, "PolygonLayer")
NUMERIC_FIELDS = _pick("FieldProxyModelFilter", "Numeric", QgsFieldProxyModel, "Numeric")
NO_GEOMETRY = _pick("FeatureRequestFlag", "NoGeometry", QgsFeatureRequest, "NoGeometry")
CHANGE_ATTRIBUTE_VALUES = _pick("VectorProviderCapability", "ChangeAttributeValues", QgsVectorDataProvider,
                                "ChangeAttributeValues")

try:  # Qt5: QtWidgets; Qt6: QtGui
    from qgis.PyQt.QtWidgets import QUndoCommand
except ImportError:  # pragma: no cover - Qt6
    from qgis.PyQt.QtGui import QUndoCommand

# Qt6 moved QAction to QtGui. QGIS PR #55658 (in 4.x, backported to 3.34) makes qgis.PyQt offer it from
# both modules; QGIS 3.22 has it only in QtWidgets. Asking QtGui first leaves no version depending on
# that re-export.
try:
    from qgis.PyQt.QtGui import QAction as QAction  # re-exported for plugin.py
except ImportError:  # QGIS < 3.34 (Qt5)
    from qgis.PyQt.QtWidgets import QAction as QAction



def disconnect_all(connections):
    """Undo ``(signal, slot)`` connections; ones already gone (never made, or their object
    deleted with its connections) are skipped, so unload and closing never fail half-way."""
    for signal, slot in connections:
        try:
            signal.disconnect(slot)
        except (TypeError, RuntimeError):
            continue


__all__ = ["CHANGE_ATTRIBUTE_VALUES", "LINE_GEOMETRY", "NO_GEOMETRY", "NUMERIC_FIELDS", "POLYGON_GEOMETRY", "POLYGON_LAYERS", "QUndoCommand", "disconnect_all"]
