"""The layers around a session on the map: the proposal's spaces are hidden while it is open.

Right after "Propose social spaces" its dissolved spaces lie above the blocks in the layer
tree; they are a snapshot and never follow a session, so the first strokes seemed to do nothing
(issue 19, 5). Opening a session hides them (rather than reordering the user's layers) and
closing it shows them again.
"""
from __future__ import annotations

from qgis.core import QgsProject, QgsVectorLayer

from .session_layer import is_derived

#: the fields of the dissolved spaces that "Propose social spaces" writes (OUTPUT_SPACES)
SPACES_OUTPUT_FIELDS = {"space_id", "population", "n_blocks", "status"}


def is_spaces_output(layer):
    """True for a layer of dissolved spaces as "Propose social spaces" writes them."""
    return isinstance(layer, QgsVectorLayer) and SPACES_OUTPUT_FIELDS <= set(layer.fields().names())


def hide_covering_spaces(blocks):
    """Hide the visible spaces outputs above ``blocks`` in the layer tree; returns the layers hidden."""
    root = QgsProject.instance().layerTreeRoot()
    order = [node.layer() for node in root.findLayers()]
    if blocks not in order:
        return []
    hidden = []
    for layer in order[:order.index(blocks)]:
        node = root.findLayer(layer.id()) if layer is not None else None
        if node is None or not node.isVisible() or is_derived(layer) or not is_spaces_output(layer):
            continue
        node.setItemVisibilityChecked(False)
        hidden.append(layer)
    return hidden


def show_layers(layer_ids):
    """Show the layers (by id) that are still in the layer tree."""
    root = QgsProject.instance().layerTreeRoot()
    for layer_id in layer_ids:
        node = root.findLayer(layer_id)
        if node is not None:
            node.setItemVisibilityChecked(True)
