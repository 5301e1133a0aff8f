"""Re-optimise around decisions (issue 11, item 4): a preview first, then one undoable command.

The dock's "Re-optimise…" asks the engine (:meth:`ConsultationSession.reoptimise`) to move
the free blocks: locked spaces stay exactly as they are, and so does every block the experts
moved by hand — the blocks named by the paint, merge, split and new-space rows of the
decision log (saved rows of earlier meetings too: a decision stays a decision). The current
division is the start. Nothing is written until the planner applies the preview:

- the preview is a blue rubber band on the canvas around the blocks that would move and a summary
  in the dock (blocks and residents moved, problems and SSD share before → after);
- **Apply** writes the moves as ONE edit command on the layer's undo stack, with its log row
  ("re-optimised") in the same macro (:meth:`LayerSession.commit`); one QGIS undo restores
  the division before exactly;
- **Discard** only removes the rubber band.

An edit that moves the proposal's blocks after the preview discards it (the session's
``changed``; the panel says so), and Apply checks again, so a stale proposal is never written;
so does a lock set since. The plugin never commits or rolls back the layer.
"""
from __future__ import annotations

from qgis.core import QgsGeometry, QgsRectangle
from qgis.gui import QgsRubberBand
from qgis.PyQt.QtCore import QObject, Qt, pyqtSignal
from qgis.PyQt.QtGui import QColor
from qgis.PyQt.QtWidgets import QApplication

from ..engine.consultation.sessionrecords import MERGE, MOVE, NEW_SPACE, SPLIT
from ..i18n import tr
from .compat import POLYGON_GEOMETRY, disconnect_all
from .formatting import ssd_share_change
from .operations import Reassign

#: log rows of changes made by hand: their blocks stay where the experts put them
HAND_KINDS = (MOVE, MERGE, SPLIT, NEW_SPACE)
#: the engine stops after this many seconds (checked between passes; the moves so far are kept)
TIME_LIMIT = 15.0
PREVIEW_COLOUR = QColor(0, 90, 255)  # blue: none of the status colours (green, yellow, red, orange)


def hand_placed_blocks(rows):
    """Block ids (feature ids) of the log rows of changes made by hand."""
    blocks = set()
    for row in rows:
        if row.kind not in HAND_KINDS:
            continue
        for text in row.block_ids.split(","):
            text = text.strip()
            if text.lstrip("-").isdigit():
                blocks.add(int(text))
    return blocks


def proposal_text(proposal, fixed, weighted=True):
    """The dock's summary of a proposal (translated); the SSD share says what it means and which way is better."""
    before, after = proposal.summary_before, proposal.summary_after
    if proposal.is_empty:
        return tr("Re-optimisation finds no better division around the decisions (blocks placed by hand: {fixed}, "
                  "locked spaces: {locked}).").format(fixed=fixed, locked=before.locked)
    return tr("Re-optimisation would move {blocks} blocks (outlined in blue on the map). "
              "Problems {problems_before} → {problems_after}; {ssd}. "
              "Blocks placed by hand ({fixed}) and locked spaces ({locked}) stay as they are.").format(
        blocks=len(proposal.blocks), problems_before=before.problems, problems_after=after.problems,
        ssd=ssd_share_change(before.ssd_share, after.ssd_share, weighted), fixed=fixed, locked=before.locked)


def keep_in_view(canvas, extent):
    """Zoom out (or over) so ``extent`` (canvas CRS) lies on the canvas: a preview off-screen
    showed nothing to decide on (issue 19, walk-through); one already in view leaves the map as it is."""
    if extent.isEmpty() or canvas.extent().contains(extent):
        return
    view = QgsRectangle(extent)
    view.combineExtentWith(canvas.extent().center().x(), canvas.extent().center().y())
    if view.width() > 4 * max(canvas.extent().width(), extent.width()):  # far away: go there instead
        view = QgsRectangle(extent)
    view.scale(1.3)
    canvas.setExtent(view)


class Reoptimiser(QObject):
    """One preview at a time on a canvas: :meth:`propose`, then :meth:`apply` or :meth:`discard`.

    ``changed`` tells the dock to show (or hide) the preview; ``outdated``: the preview was
    discarded because the division changed after it.
    """

    changed = pyqtSignal()
    outdated = pyqtSignal()

    def __init__(self, canvas=None, parent=None, time_limit=TIME_LIMIT):
        super().__init__(parent)
        self.canvas = canvas
        self.time_limit = time_limit
        self.proposal = None
        self.fixed = 0
        self._layer_session = None
        self._band = None

    def propose(self, layer_session):
        """Run the engine around the decisions and show its proposal; returns it (nothing is written)."""
        self.discard()
        fixed = hand_placed_blocks(layer_session.decision_log.rows())
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            proposal = layer_session.session.reoptimise(fixed_blocks=sorted(fixed), time_limit=self.time_limit)
        finally:
            QApplication.restoreOverrideCursor()
        self.proposal, self._layer_session = proposal, layer_session
        self.fixed = len(set(fixed) & set(layer_session.block_ids))
        layer_session.changed.connect(self._session_changed)
        self._show(layer_session, proposal)
        self.changed.emit()
        return proposal

    def text(self):
        if self.proposal is None:
            return ""
        return proposal_text(self.proposal, self.fixed, self._layer_session.ssd_weighted)

    def apply(self, report=None):
        """Write the proposal as one edit command (a ``Reassign`` on the session layer's one path);
        returns the change, or a translated reason it was not applied. ``report``: as for ``perform``."""
        proposal, layer_session = self.proposal, self._layer_session
        if proposal is None or layer_session is None:
            return tr("There is no re-optimisation to apply.")
        problem = layer_session.editing_problem()
        if problem:
            return problem
        if self.is_stale():
            self.discard()
            return tr("The division changed since the preview: re-optimise again.")
        self.discard()
        if proposal.is_empty:
            return tr("There is no re-optimisation to apply.")
        outcome = layer_session.perform(Reassign(tuple(proposal.blocks), tuple(proposal.after)), report)
        return outcome.change if outcome.written else outcome.message

    def discard(self):
        """Forget the proposal and remove its outline; the layer is not touched."""
        had = self.proposal is not None
        if self._layer_session is not None:
            disconnect_all([(self._layer_session.changed, self._session_changed)])
        self.proposal, self._layer_session = None, None
        if self._band is not None:
            if self.canvas is not None:
                self.canvas.scene().removeItem(self._band)
            self._band = None
        if had:
            self.changed.emit()

    def band(self):
        return self._band

    def is_stale(self):
        """Have the blocks of the proposal left the spaces it expects (an edit since the preview)?"""
        proposal, layer_session = self.proposal, self._layer_session
        if proposal is None or layer_session is None:
            return False
        session = layer_session.session
        return [session.space_of(block) for block in proposal.blocks] != list(proposal.before)

    def _session_changed(self):
        # an edit after the preview: the outline would show moves that no longer fit, so it goes
        if self.is_stale():
            self.discard()
            self.outdated.emit()

    def _show(self, layer_session, proposal):
        if self.canvas is None or proposal.is_empty:
            return
        band = QgsRubberBand(self.canvas, POLYGON_GEOMETRY)
        band.setColor(PREVIEW_COLOUR)
        band.setFillColor(QColor(PREVIEW_COLOUR.red(), PREVIEW_COLOUR.green(), PREVIEW_COLOUR.blue(), 70))
        band.setWidth(3)
        geometry = layer_session.blocks_geometry(proposal.blocks)
        band.setToGeometry(QgsGeometry(geometry), layer_session.layer)
        self._band = band
        keep_in_view(self.canvas, band.asGeometry().boundingBox())
        self.canvas.refresh()
