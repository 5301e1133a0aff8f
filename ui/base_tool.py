"""The public base of the consultation's map tools: gestures in, operations out.

A tool turns mouse and key events into an operation (``ui/operations.py``) and hands it to
:meth:`ConsultationTool.perform`, which runs it through the session layer's one path
(:meth:`LayerSession.perform`) and reports to the host (``ui/tool_host.py``). Tools write
nothing themselves.
"""
from __future__ import annotations

from qgis.core import Qgis
from qgis.gui import QgsMapTool, QgsRubberBand
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor

from ..i18n import tr
from .compat import POLYGON_GEOMETRY


class ConsultationTool(QgsMapTool):
    """A map tool of the consultation on ``canvas``, talking to ``host`` (a ``ToolHost``)."""

    def __init__(self, canvas, host):
        super().__init__(canvas)
        self.host = host
        self.setCursor(Qt.CursorShape.CrossCursor)

    def perform(self, layer_session, operation):
        """Perform ``operation`` on the one path, reported to the host; returns the Outcome."""
        return layer_session.perform(operation, self.host.message)

    def editable_session(self):
        """The open layer session when the tools may edit it, else None (with a message)."""
        layer_session = self.host.layer_session()
        problem = layer_session.editing_problem() if layer_session is not None else None
        if layer_session is None or problem:
            self.host.message(problem or tr("Open a session on a blocks layer first."), Qgis.MessageLevel.Warning)
            return None
        return layer_session

    def block_at(self, layer_session, event):
        point = self.toLayerCoordinates(layer_session.layer, event.mapPoint())
        return layer_session.block_at(point)

    def left_click(self, event):
        """(layer session, block under the mouse or None) for a left click the tools may act on.

        A right click cancels what the tool holds; other buttons, or no editable session, give None.
        """
        if event.button() == Qt.MouseButton.RightButton:
            self.cancel()
            return None
        if event.button() != Qt.MouseButton.LeftButton:
            return None
        layer_session = self.editable_session()
        if layer_session is None:
            return None
        return layer_session, self.block_at(layer_session, event)

    def band(self, color):
        """A rubber band for polygons in ``color`` (filled half see-through)."""
        band = QgsRubberBand(self.canvas(), POLYGON_GEOMETRY)
        band.setColor(color)
        band.setFillColor(QColor(color.red(), color.green(), color.blue(), 90))
        band.setWidth(2)
        return band

    def remove_item(self, item):
        if item is not None:
            self.canvas().scene().removeItem(item)

    def deactivate(self):
        self.cancel()
        super().deactivate()

    def cancel(self):
        """Forget what the tool holds (a stroke, a first click); subclasses remove their rubber bands."""

    def keyPressEvent(self, event):  # noqa: N802
        if event.key() == Qt.Key.Key_Escape:
            self.cancel()
            event.accept()
            return
        event.ignore()
