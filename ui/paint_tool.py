"""Paint blocks into a space: the stroke is a gesture, the ``Paint`` operation is what it makes.

The tool keeps a stroke's state itself and touches nothing until it is done: while dragging,
the overlay (``ui/stroke_label.py``) shows the stroke's blocks (a rubber band) and the affected
spaces' would-be figures from :meth:`ConsultationSession.preview`; the release hands a
:class:`~sozialraum.ui.operations.Paint` to the session layer's one path (ONE edit command).
Esc or the right button discards the stroke — nothing was written, so it leaves no trace on
the undo stack. Hit-testing uses the session's prebuilt spatial index, never ``identify()``.
"""
from __future__ import annotations

from qgis.core import Qgis
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor

from ..i18n import tr
from .base_tool import ConsultationTool
from .formatting import format_population, status_text
from .operations import Paint
from .stroke_label import StrokeLabel


class PaintTool(ConsultationTool):
    """Paint: pick a target space (click a block, or the dock's row), then click or drag over blocks."""

    def __init__(self, canvas, host):
        super().__init__(canvas, host)
        self.target = None
        self.stroke = []
        self._drawing = False
        self._band_item = None
        self._label = None

    def set_target(self, space):
        self.target = space
        if space is not None:
            self.host.message(tr("Painting into space {space}: drag over blocks, release to apply.").format(space=space),
                              Qgis.MessageLevel.Info)

    def _target(self, layer_session):
        for space in (self.target, self.host.current_space()):
            if space is not None and space in layer_session.session.spaces:
                return space
        return None

    def canvasPressEvent(self, event):  # noqa: N802
        clicked = self.left_click(event)
        if clicked is None:
            return
        layer_session, block = clicked
        target = self._target(layer_session)
        picking = target is None or bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        if picking:
            if block is None or layer_session.session.space_of(block) is None:
                return
            # the press that picks the target also starts the stroke: the drag that follows paints
            # (it painted nothing before, issue 19, 12); the picked block is already in the target
            target = layer_session.session.space_of(block)
            self.set_target(target)
        self.target = target
        self._drawing = True
        self.stroke = []
        self._add(layer_session, block, event)

    def canvasMoveEvent(self, event):  # noqa: N802
        if not self._drawing:
            return
        layer_session = self.host.layer_session()
        if layer_session is None:
            self.cancel()
            return
        self._add(layer_session, self.block_at(layer_session, event), event)

    def canvasReleaseEvent(self, event):  # noqa: N802
        if not self._drawing or event.button() != Qt.MouseButton.LeftButton:
            return
        layer_session = self.host.layer_session()
        stroke, target = list(self.stroke), self.target
        self.cancel()
        if layer_session is None or not stroke:
            return
        self.perform(layer_session, Paint(tuple(stroke), target))

    def _add(self, layer_session, block, event):
        if block is None or block in self.stroke:
            return
        self.stroke.append(block)
        if self._band_item is None:
            self._band_item = self.band(QColor(230, 120, 0))
            self._label = StrokeLabel(self.canvas())
        self._band_item.addGeometry(layer_session.geometry(block), layer_session.layer)
        self._label.set_lines(self.preview_lines(layer_session), event.pos())

    def preview_lines(self, layer_session):
        """The overlay's text: the affected spaces as the stroke would leave them."""
        preview = layer_session.session.preview(self.stroke, self.target)
        lines = [tr("%n block(s), {population} residents into {space}", preview.blocks).format(
            population=format_population(preview.population), space=preview.target)]
        for status in preview.status_after:
            lines.append(tr("{space}: {population} ({status})").format(
                space=status.space, population=format_population(status.population), status=status_text(status)))
        if preview.refused:
            lines.append(tr("Locked, refused: {spaces}").format(spaces=", ".join(str(s) for s in preview.refused_spaces)))
        return lines

    def overlay_lines(self):
        return self._label.lines() if self._label is not None else []

    def cancel(self):
        self._drawing = False
        self.stroke = []
        self.remove_item(self._band_item)
        self.remove_item(self._label)
        self._band_item = self._label = None
