"""Merge two adjacent spaces: click a block of the space that stays, then one of the space merged into it."""
from __future__ import annotations

from qgis.core import Qgis
from qgis.PyQt.QtGui import QColor

from ..i18n import tr
from .base_tool import ConsultationTool
from .operations import Merge


class MergeTool(ConsultationTool):
    """Merge: the first click picks the space that stays (outlined), the second the one merged into it."""

    def __init__(self, canvas, host):
        super().__init__(canvas, host)
        self.first = None
        self._band_item = None

    def canvasReleaseEvent(self, event):  # noqa: N802
        clicked = self.left_click(event)
        if clicked is None or clicked[1] is None:
            return
        layer_session, block = clicked
        session = layer_session.session
        space = session.space_of(block)
        if space is None:
            return
        if self.first is None or self.first not in session.spaces:
            self.first = space
            self._band_item = self.band(QColor(30, 110, 220))
            self._band_item.setToGeometry(layer_session.blocks_geometry(session.blocks_of(space)), layer_session.layer)
            self.host.message(tr("Merge into space {space}: click a block of an adjacent space.").format(space=space),
                              Qgis.MessageLevel.Info)
            return
        if space == self.first:
            return
        first = self.first
        self.cancel()
        self.perform(layer_session, Merge(first, space))

    def cancel(self):
        self.first = None
        self.remove_item(self._band_item)
        self._band_item = None
