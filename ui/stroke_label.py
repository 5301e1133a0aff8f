"""The paint tool's overlay: a small box of text lines beside the cursor on the canvas."""
from __future__ import annotations

from qgis.gui import QgsMapCanvasItem
from qgis.PyQt.QtCore import QPointF, QRectF
from qgis.PyQt.QtGui import QColor, QFont, QFontMetricsF, QPen


class StrokeLabel(QgsMapCanvasItem):
    """A small box of text lines on the canvas (the affected spaces' would-be figures)."""

    def __init__(self, canvas):
        super().__init__(canvas)
        self._canvas = canvas
        self._lines = []
        self._font = QFont()
        self._font.setPointSizeF(9.0)
        self.setZValue(1000)

    def set_lines(self, lines, anchor):
        self.prepareGeometryChange()
        self._lines = list(lines)
        # beside the cursor, kept inside the canvas (left of / above the cursor near the edges)
        rect = self.boundingRect()
        size = self._canvas.viewport().size()
        x, y = anchor.x() + 16, anchor.y() + 16
        if x + rect.width() > size.width():
            x = max(0, anchor.x() - 16 - rect.width())
        if y + rect.height() > size.height():
            y = max(0, anchor.y() - 16 - rect.height())
        self.setPos(QPointF(x, y))
        self.update()

    def lines(self):
        return list(self._lines)

    def boundingRect(self):  # noqa: N802
        if not self._lines:
            return QRectF()
        metrics = QFontMetricsF(self._font)
        width = max(metrics.horizontalAdvance(line) for line in self._lines) + 12
        return QRectF(0, 0, width, metrics.height() * len(self._lines) + 8)

    def paint(self, painter, option=None, widget=None):
        if not self._lines:
            return
        rect = self.boundingRect()
        painter.setPen(QPen(QColor(60, 60, 60)))
        painter.setBrush(QColor(255, 255, 255, 225))
        painter.drawRoundedRect(rect, 4, 4)
        painter.setFont(self._font)
        metrics = QFontMetricsF(self._font)
        for row, line in enumerate(self._lines):
            painter.drawText(QPointF(6, 4 + metrics.ascent() + row * metrics.height()), line)
