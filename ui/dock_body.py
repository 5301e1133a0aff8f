"""A dock's body in a scroll area: its texts are never cut, whatever the dock's height.

The consultation dock holds more than a laptop's screen shows once the re-optimisation preview
opens (or presentation mode makes its text 1.6x larger): the layouts then squeezed the
word-wrapped texts (the neighbourhood, the session's message) to a line or two and the table to
one row (walk-through of issue 19). In a scroll area the body keeps the height its texts need
at the dock's width and scrolls instead.
"""
from __future__ import annotations

from qgis.PyQt.QtCore import QSize, Qt
from qgis.PyQt.QtWidgets import QFrame, QScrollArea


class VerticalScrollArea(QScrollArea):
    """Scrolls up and down only: never narrower than its body needs (the dock keeps its minimum width)."""

    def minimumSizeHint(self):  # noqa: N802 (Qt API name)
        body = self.widget()
        width = body.minimumSizeHint().width() + self.verticalScrollBar().sizeHint().width() if body is not None else 0
        return QSize(width, 120)


def scrolling(body):
    """``body`` in a vertically scrolling area as wide as the dock (no horizontal scrolling)."""
    area = VerticalScrollArea()
    area.setObjectName("dockScrollArea")
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidgetResizable(True)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setWidget(body)
    return area
