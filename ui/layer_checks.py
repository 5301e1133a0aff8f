"""Can a layer carry a consultation session, can the tools edit it now? Translated reasons why not."""
from __future__ import annotations

from qgis.core import QgsVectorLayer

from ..i18n import tr
from .compat import CHANGE_ATTRIBUTE_VALUES, POLYGON_GEOMETRY
from .live_spaces import LIVE_PROPERTY


def check_layer(layer, space_field=None, population_field=None):
    """A translated message why ``layer`` cannot carry a session (None when it can)."""
    if layer is None or not isinstance(layer, QgsVectorLayer) or not layer.isValid():
        return tr("Choose a valid polygon layer of blocks.")
    if is_derived(layer):
        return tr("The layer '{layer}' is derived from a consultation session (the live spaces layer): choose the "
                  "blocks layer.").format(layer=layer.name())
    if layer.geometryType() != POLYGON_GEOMETRY:
        return tr("The layer '{layer}' has no polygons: choose the blocks layer.").format(layer=layer.name())
    names = layer.fields().names()
    if space_field is not None and space_field not in names:
        return tr("The layer '{layer}' has no space field '{field}'.").format(layer=layer.name(), field=space_field or "")
    if population_field is not None and population_field not in names:
        return tr("The layer '{layer}' has no population field '{field}'.").format(layer=layer.name(), field=population_field or "")
    if layer.featureCount() == 0:
        return tr("The layer '{layer}' has no features.").format(layer=layer.name())
    return None


def is_derived(layer):
    """True for a layer the consultation derives from a session (the live spaces layer): never a blocks layer."""
    return bool(layer.customProperty(LIVE_PROPERTY))


def editing_problem(layer):
    """A translated reason why the tools cannot edit ``layer`` now (None when they can)."""
    if layer is None:
        return tr("Open a session on a blocks layer first.")
    if not (layer.dataProvider().capabilities() & CHANGE_ATTRIBUTE_VALUES):
        return tr("The layer '{layer}' cannot be edited (its data source is read-only).").format(layer=layer.name())
    if not layer.isEditable():
        return tr("Toggle editing of the layer '{layer}' to use the consultation tools.").format(layer=layer.name())
    return None


def crs_note(layer, canvas):
    """What the planner should know when the layer and the map use different CRSs ('' when they agree).

    Nothing is refused: the tools transform every click into the layer's CRS. A layer without a
    CRS cannot be transformed, so clicks are taken as layer coordinates and may miss the blocks.
    """
    if canvas is None:
        return ""
    map_crs = canvas.mapSettings().destinationCrs()
    if not layer.crs().isValid():
        return tr("The layer has no coordinate reference system: set it in the layer properties (Source), "
                  "otherwise clicks on the map may miss the blocks.")
    if not map_crs.isValid() or layer.crs() == map_crs:
        return ""
    return tr("The layer is in {layer_crs}, the map in {map_crs}: clicks are transformed into the layer's CRS.").format(
        layer_crs=layer.crs().authid() or layer.crs().description(), map_crs=map_crs.authid() or map_crs.description())
