"""Map tools of the consultation: paint blocks into a space, merge two spaces.

The tools keep a stroke's state themselves and touch the layer only when it is done: while
dragging, the overlay shows the stroke's blocks (a rubber band) and the affected spaces'
would-be figures from :meth:`ConsultationSession.preview` (undo-stack signals do not fire
inside a macro, and nothing is written yet); the release writes the whole stroke as ONE edit
command (:meth:`LayerSession.commit`). Esc or the right button discards the stroke — there is
no open edit command to destroy, so a cancelled stroke leaves no trace on the undo stack.
Hit-testing uses the session's prebuilt spatial index (:meth:`LayerSession.block_at`), never
``identify()`` per mouse move.

The tools talk to a ``host`` (the plugin, or a test stand-in) with ``layer_session()``
(the open :class:`~sozialraum.ui.session_layer.LayerSession` or None), ``current_space()``
(the dock's chosen row or None) and ``message(text, level)``.
"""
from __future__ import annotations

from qgis.core import Qgis
from qgis.gui import QgsMapCanvasItem, QgsMapTool, QgsRubberBand
from qgis.PyQt.QtCore import QPointF, QRectF, Qt
from qgis.PyQt.QtGui import QColor, QFont, QFontMetricsF, QPen

from ..engine.errors import LockedSpaceError, NotAdjacentError, SozialraumError, SplitError, UnknownSpaceError
from ..engine.sessionrecords import ABOVE, BELOW, NOT_CONTIGUOUS, WITHIN
from ..i18n import language, tr
from ..presentation.numbers import format_number
from .compat import POLYGON_GEOMETRY


def status_text(status):
    """'within', 'below min.', 'above max.' and 'not contiguous', translated (short: a table cell)."""
    words = {WITHIN: tr("within"), BELOW: tr("below min."), ABOVE: tr("above max.")}
    text = words.get(status.bound, status.bound)
    if not status.contiguous:
        text = tr("{status}, not contiguous").format(status=text)
    return text


def format_population(value):
    return f"{value:,.0f}".replace(",", "\u202f")


def format_decimal(value, decimals):
    """``value`` with the interface language's decimal mark (0,264 in German)."""
    return format_number(value, decimals, language(), thousands=False)


def problem_message(change, crossings=()):
    """A translated warning naming the spaces a change made worse (None when none).

    ``crossings``: blocks the change put into one space with blocks a barrier line separates
    them from (:meth:`LayerSession.barrier_crossings`), named when that space is now in pieces.
    """
    worse = change.new_problems
    if not worse:
        return None
    split = {status.space for status in worse if NOT_CONTIGUOUS in status.problems}
    across = [block for block, space in zip(change.blocks, change.after) if block in set(crossings) and space in split]
    parts = []
    for status in worse:
        problems = []
        if BELOW in status.problems:
            problems.append(tr("below the bounds"))
        if ABOVE in status.problems:
            problems.append(tr("above the bounds"))
        if NOT_CONTIGUOUS in status.problems:
            problems.append(tr("not contiguous"))
        parts.append(tr("space {space} is now {problems}").format(space=status.space, problems=", ".join(problems)))
    if across:
        parts.append(tr("the change crosses a barrier line (blocks {blocks})").format(
            blocks=", ".join(str(block) for block in across)))
    return "; ".join(parts)


def locked_message(error):
    spaces = ", ".join(str(space) for space in error.details.get("spaces", [error.details.get("space")]))
    return tr("Refused: locked spaces can neither lose nor gain blocks ({spaces}).").format(spaces=spaces)


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


class _ConsultationTool(QgsMapTool):
    def __init__(self, canvas, host):
        super().__init__(canvas)
        self.host = host
        self.setCursor(Qt.CursorShape.CrossCursor)

    def _session(self):
        """The open layer session when the tools may edit it, else None (with a message)."""
        layer_session = self.host.layer_session()
        problem = layer_session.editing_problem() if layer_session is not None else None
        if layer_session is None or problem:
            self.host.message(problem or tr("Open a session on a blocks layer first."), Qgis.MessageLevel.Warning)
            return None
        return layer_session

    def _block_at(self, layer_session, event):
        point = self.toLayerCoordinates(layer_session.layer, event.mapPoint())
        return layer_session.block_at(point)

    def _left_click(self, event):
        """(layer session, block under the mouse or None) for a left click the tools may act on.

        A right click cancels what the tool holds; other buttons, or no editable session, give None.
        """
        if event.button() == Qt.MouseButton.RightButton:
            self.cancel()
            return None
        if event.button() != Qt.MouseButton.LeftButton:
            return None
        layer_session = self._session()
        if layer_session is None:
            return None
        return layer_session, self._block_at(layer_session, event)

    def _band(self, color):
        band = QgsRubberBand(self.canvas(), POLYGON_GEOMETRY)
        band.setColor(color)
        band.setFillColor(QColor(color.red(), color.green(), color.blue(), 90))
        band.setWidth(2)
        return band

    def deactivate(self):
        self.cancel()
        super().deactivate()

    def cancel(self):  # pragma: no cover - overridden
        pass

    def keyPressEvent(self, event):  # noqa: N802
        if event.key() == Qt.Key.Key_Escape:
            self.cancel()
            event.accept()
            return
        event.ignore()


class PaintTool(_ConsultationTool):
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
        clicked = self._left_click(event)
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
        self._add(layer_session, self._block_at(layer_session, event), event)

    def canvasReleaseEvent(self, event):  # noqa: N802
        if not self._drawing or event.button() != Qt.MouseButton.LeftButton:
            return
        layer_session = self.host.layer_session()
        stroke, target = list(self.stroke), self.target
        self.cancel()
        if layer_session is None or not stroke:
            return
        session = layer_session.session
        try:
            change = session.move(stroke, target)
        except LockedSpaceError as error:
            self.host.message(locked_message(error), Qgis.MessageLevel.Warning)
            return
        except SozialraumError as error:
            self.host.message(str(error), Qgis.MessageLevel.Warning)
            return
        if change.is_empty:
            return
        layer_session.commit(change, tr("Paint %n block(s) into space {space}", len(change.blocks)).format(space=target))
        warning = problem_message(change, layer_session.barrier_crossings(change))
        if warning:
            self.host.message(warning, Qgis.MessageLevel.Warning)

    def _add(self, layer_session, block, event):
        if block is None or block in self.stroke:
            return
        self.stroke.append(block)
        if self._band_item is None:
            self._band_item = self._band(QColor(230, 120, 0))
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
        if self._band_item is not None:
            self.canvas().scene().removeItem(self._band_item)
            self._band_item = None
        if self._label is not None:
            self.canvas().scene().removeItem(self._label)
            self._label = None


class MergeTool(_ConsultationTool):
    """Merge: click a block of the space that stays, then one of an adjacent space to merge into it."""

    def __init__(self, canvas, host):
        super().__init__(canvas, host)
        self.first = None
        self._band_item = None

    def canvasReleaseEvent(self, event):  # noqa: N802
        clicked = self._left_click(event)
        if clicked is None or clicked[1] is None:
            return
        layer_session, block = clicked
        session = layer_session.session
        space = session.space_of(block)
        if space is None:
            return
        if self.first is None or self.first not in session.spaces:
            self.first = space
            self._band_item = self._band(QColor(30, 110, 220))
            self._band_item.setToGeometry(layer_session.blocks_geometry(session.blocks_of(space)), layer_session.layer)
            self.host.message(tr("Merge into space {space}: click a block of an adjacent space.").format(space=space),
                              Qgis.MessageLevel.Info)
            return
        if space == self.first:
            return
        first = self.first
        self.cancel()
        try:
            change = session.merge(first, space)
        except LockedSpaceError as error:
            self.host.message(locked_message(error), Qgis.MessageLevel.Warning)
            return
        except NotAdjacentError:
            self.host.message(tr("Spaces {first} and {second} are not neighbours: only adjacent spaces can be merged.").format(
                first=first, second=space), Qgis.MessageLevel.Warning)
            return
        except (UnknownSpaceError, SozialraumError) as error:
            self.host.message(str(error), Qgis.MessageLevel.Warning)
            return
        layer_session.commit(change, tr("Merge space {second} into space {first}").format(first=first, second=space))
        warning = problem_message(change)
        self.host.message(warning or tr("Space {second} merged into space {first}.").format(first=first, second=space),
                          Qgis.MessageLevel.Warning if warning else Qgis.MessageLevel.Success)

    def cancel(self):
        self.first = None
        if self._band_item is not None:
            self.canvas().scene().removeItem(self._band_item)
            self._band_item = None


class SplitTool(_ConsultationTool):
    """Split: click a block of a space; the engine splits it into two balanced, homogeneous parts (one command)."""

    def canvasReleaseEvent(self, event):  # noqa: N802
        clicked = self._left_click(event)
        if clicked is None:
            return
        layer_session, block = clicked
        session = layer_session.session
        space = session.space_of(block) if block is not None else None
        if space is None:
            return
        try:
            change = session.split(space)
        except LockedSpaceError as error:
            self.host.message(locked_message(error), Qgis.MessageLevel.Warning)
            return
        except SplitError as error:
            self.host.message(split_message(error), Qgis.MessageLevel.Warning)
            return
        except SozialraumError as error:
            self.host.message(str(error), Qgis.MessageLevel.Warning)
            return
        commit_split(self.host, layer_session, change, space, tr("Split space {space} (new space {new})"),
                     tr("Space {space} split: {first} and {second} residents (new space {new})."))


def commit_split(host, layer_session, change, space, operation, done):
    """Write a split of ``space`` as ONE edit command named ``operation`` and report both parts.

    ``operation`` and ``done`` are translated templates ({space}, {new}; ``done`` also {first},
    {second}: the residents of the two parts); a new problem is reported instead of ``done``.
    """
    new = change.after[0]
    layer_session.commit(change, operation.format(space=space, new=new))
    session = layer_session.session
    first, second = session.status(space), session.status(new)
    warning = problem_message(change)
    host.message(warning or done.format(space=space, new=new, first=format_population(first.population),
                                        second=format_population(second.population)),
                 Qgis.MessageLevel.Warning if warning else Qgis.MessageLevel.Success)


def split_message(error):
    space = error.details.get("space")
    reasons = {
        "one_block": tr("Space {space} cannot be split: it has only one block."),
        "not_contiguous": tr("Space {space} cannot be split: it is not contiguous (move its detached parts first)."),
    }
    text = reasons.get(error.details.get("reason"), tr("Space {space} cannot be split."))
    return text.format(space=space)


def new_space_from_selection(layer_session, message):
    """Make a new space of the layer's selected blocks as ONE edit command; returns the change or None."""
    known = set(layer_session.block_ids)
    blocks = sorted(fid for fid in layer_session.layer.selectedFeatureIds() if fid in known)
    if not blocks:
        message(tr("Select the blocks of the new space first."), Qgis.MessageLevel.Warning)
        return None
    try:
        change = layer_session.session.new_space(blocks)
    except LockedSpaceError as error:
        message(locked_message(error), Qgis.MessageLevel.Warning)
        return None
    except SozialraumError as error:
        message(str(error), Qgis.MessageLevel.Warning)
        return None
    space = change.after[0]
    layer_session.commit(change, tr("New space {space} of %n block(s)", len(change.blocks)).format(space=space))
    warning = problem_message(change)
    status = layer_session.session.status(space)
    message(warning or tr("New space {space}: %n block(s), {population} residents.", status.blocks).format(
        space=space, population=format_population(status.population)),
        Qgis.MessageLevel.Warning if warning else Qgis.MessageLevel.Success)
    return change
