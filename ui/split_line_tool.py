"""Split a space along a line the planner draws ("this street divides the quarter").

First click: a block of the space to split (it is outlined). Then left clicks draw the line,
usually along a street between the blocks; the right button (or Enter) finishes it, Esc
discards everything. The blocks on the side with fewer residents become a new space, in ONE
edit command on the layer's undo stack like every other change; a side left in two parts is
allowed and flagged as the other tools do. Which side a block is on is decided by the engine
(:func:`~sozialraum.engine.consultation.linesplit.sides_of_line`), from the block's inner point: the tool makes a
:class:`~sozialraum.ui.operations.SplitAlongLine` of the space and the line, the session layer performs it.
"""
from __future__ import annotations

from qgis.core import Qgis, QgsGeometry, QgsPointXY
from qgis.gui import QgsRubberBand
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor

from ..i18n import tr
from .base_tool import ConsultationTool
from .compat import LINE_GEOMETRY
from .operations import SplitAlongLine


class SplitLineTool(ConsultationTool):
    """Split along a line: click the space, draw the line, right-click to split."""

    def __init__(self, canvas, host):
        super().__init__(canvas, host)
        self.space = None
        self.vertices = []  # layer CRS
        self._outline = None
        self._line = None

    def canvasReleaseEvent(self, event):  # noqa: N802
        if event.button() == Qt.MouseButton.RightButton:
            if self.space is not None and len(self.vertices) >= 2:
                self.finish()
            else:
                self.cancel()
            return
        if event.button() != Qt.MouseButton.LeftButton:
            return
        layer_session = self.editable_session()
        if layer_session is None:
            return
        if self.space is None:
            self._pick(layer_session, self.block_at(layer_session, event))
            return
        point = self.toLayerCoordinates(layer_session.layer, event.mapPoint())
        self.vertices.append((point.x(), point.y()))
        self._draw(layer_session)

    def canvasMoveEvent(self, event):  # noqa: N802
        layer_session = self.host.layer_session()
        if self.space is None or not self.vertices or layer_session is None:
            return
        point = self.toLayerCoordinates(layer_session.layer, event.mapPoint())
        self._draw(layer_session, (point.x(), point.y()))

    def keyPressEvent(self, event):  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.space is not None and len(self.vertices) >= 2:
            self.finish()
            event.accept()
            return
        super().keyPressEvent(event)

    def _pick(self, layer_session, block):
        session = layer_session.session
        space = session.space_of(block) if block is not None else None
        if space is None:
            return
        self.space = space
        self._outline = self.band(QColor(30, 110, 220))
        self._outline.setToGeometry(layer_session.blocks_geometry(session.blocks_of(space)), layer_session.layer)
        self.host.message(tr("Split space {space}: click along the dividing line, right-click to split.").format(space=space),
                          Qgis.MessageLevel.Info)

    def _draw(self, layer_session, moving=None):
        if self._line is None:
            self._line = QgsRubberBand(self.canvas(), LINE_GEOMETRY)
            self._line.setColor(QColor(200, 30, 30))
            self._line.setWidth(3)
        points = [QgsPointXY(x, y) for x, y in self.vertices + ([moving] if moving else [])]
        self._line.setToGeometry(QgsGeometry.fromPolylineXY(points), layer_session.layer)

    def finish(self):
        """Split the chosen space along the drawn line (one edit command), then start afresh."""
        layer_session = self.host.layer_session()
        space, vertices = self.space, list(self.vertices)
        self.cancel()
        if layer_session is None or space not in layer_session.session.spaces:
            return None
        outcome = self.perform(layer_session, SplitAlongLine(space, tuple(vertices)))
        return outcome.change if outcome.written else None

    def cancel(self):
        self.space = None
        self.vertices = []
        for band in (self._outline, self._line):
            self.remove_item(band)
        self._outline = self._line = None
