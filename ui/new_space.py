"""A new space of the blocks selected on the layer (the toolbar's action): selection in, ``NewSpace`` out."""
from __future__ import annotations

from qgis.core import Qgis

from ..i18n import tr
from .operations import NewSpace


def new_space_from_selection(layer_session, message):
    """Make a new space of the layer's selected blocks (one edit command); returns the change or None.

    ``message(text, level)``: where the report goes (the message bar).
    """
    known = set(layer_session.block_ids)
    blocks = sorted(fid for fid in layer_session.layer.selectedFeatureIds() if fid in known)
    if not blocks:
        message(tr("Select the blocks of the new space first."), Qgis.MessageLevel.Warning)
        return None
    outcome = layer_session.perform(NewSpace(tuple(blocks)), message)
    return outcome.change if outcome.written else None
