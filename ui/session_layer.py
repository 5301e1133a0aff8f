"""A consultation session bound to a blocks layer: the layer's edit buffer is the truth.

:class:`LayerSession` builds a :class:`~sozialraum.engine.consultation.session.ConsultationSession` from a
polygon layer (``ui/session_input.py``: the delineation's adjacency, residents, attributes) and
performs every operation on ONE path, :meth:`LayerSession.perform`: the engine change, one edit
command on the layer's own undo stack with its decision-log row, the map redrawn, a report in
the current language; a refusal writes nothing, a failure while writing is undone. The
operations are value objects (``ui/operations.py``); the map tools only make them.

How the session stays in step (issue 11's undo principles):

- **Block labels follow the edit buffer.** The session listens to the layer's
  ``attributeValueChanged`` for the space field, which every change emits (our commands, QGIS
  undo/redo also inside a macro, the attribute table, the field calculator, ``rollBack``). The
  values are applied lazily, the next time anyone reads :attr:`LayerSession.session`, as a
  change record; when that is refused (an outside edit touched a locked space) the session is
  rebuilt from the layer's values, locks kept. There is no second stack.
- **Derived state goes on the SAME stack.** Lock toggles are commands (``ui/lock_commands.py``)
  and log rows too (``LogCommand``, ``ui/decision_log.py``), inside the operation's macro. A
  roll-back rebuilds the session with the locks as they were when editing started or was saved.
- **The plugin never commits or rolls back the layer's edits.** A failing write destroys its
  edit command (``destroyEditCommand``), which undoes the values already written.

Block ids are the layer's feature ids. Adding, deleting or reshaping features makes the
adjacency graph stale: :attr:`LayerSession.stale` turns True and editing is refused until the
session is opened again.
"""
from __future__ import annotations

import numpy as np
from qgis.core import Qgis, QgsFeatureRequest, QgsProcessingException
from qgis.PyQt.QtCore import QObject, QTimer, pyqtSignal

from ..engine.consultation.session import ConsultationSession
from ..engine.consultation.sessionrecords import MOVE, Change
from ..engine.errors import LockedSpaceError, SozialraumError, StaleChangeError
from ..i18n import tr
from ..qgisio.layer_io import plain
from .compat import NO_GEOMETRY, disconnect_all
from .decision_log import Decision, LogCommand, locked_spaces, log_for
from .layer_checks import check_layer, editing_problem, is_derived  # noqa: F401 (is_derived: part of this API)
from .lock_commands import OPEN, LockCommand, keep_alive
from .operation_messages import problem_message
from .operations import Outcome, SetLock
from .session_input import read_session_input

DEFAULT_GAP = 30.0
#: the session tells its listeners at most this often (ms) that the figures changed
REFRESH_INTERVAL = 60


class SessionInputError(Exception):
    """The layer or the fields cannot carry a session; the message is translated and says why."""


class LayerSession(QObject):
    """A :class:`ConsultationSession` on a blocks layer (see the module docstring).

    Signals: ``changed`` (throttled: the figures may have changed), ``stale_changed``.
    """

    changed = pyqtSignal()
    locks_rebuilt = pyqtSignal()
    #: an operation was written (its Outcome): the dock redraws the live layer and its table at once
    performed = pyqtSignal(object)

    def __init__(self, layer, space_field, population_field, attributes=(), lower=0.0, upper=1.0, gap=DEFAULT_GAP,
                 locked=None, parent=None, barriers=(), nest=None, added_links=(), weighting=None):
        super().__init__(parent)
        problem = check_layer(layer, space_field, population_field)
        if problem:
            raise SessionInputError(problem)
        if not lower < upper:
            raise SessionInputError(tr("The lower bound ({lower:g}) must be below the upper bound ({upper:g}).").format(
                lower=lower, upper=upper))
        self.layer = layer
        self.space_field = space_field
        self.population_field = population_field
        self.attributes = tuple(attributes)
        # the delineation's neighbourhood (gap, barrier lines, nesting): contiguity is judged as it did
        self.gap, self.barriers, self.nest = float(gap), tuple(barriers), nest or None
        if self.nest and self.nest not in layer.fields().names():
            raise SessionInputError(tr("The layer '{layer}' has no nesting field '{field}'.").format(
                layer=layer.name(), field=self.nest))
        self.field_index = layer.fields().indexFromName(space_field)
        try:
            read = read_session_input(layer, space_field, population_field, self.attributes, self.gap, self.barriers,
                                      self.nest, weighting, added_links)
        except QgsProcessingException as error:
            raise SessionInputError(str(error.args[0]) if error.args else str(error)) from None
        self._population, self._values, self._graph = read.population, read.values, read.graph
        self.block_ids = read.block_ids
        self._across_barrier = read.across_barrier
        self._blocks = read.index  # hit-testing and outlines
        self.warnings = read.warnings  # the dock shows them when the session opens
        self._position = {block: position for position, block in enumerate(self.block_ids)}
        self._bounds = (float(lower), float(upper))
        labels = read.labels
        #: the layer's decision log (read from its store once per layer); ``reason_source``: a
        #: callable giving the reason typed for the next change and clearing it (the dock's field)
        self.decision_log = log_for(layer)
        self.reason_source = None
        if locked is None:  # the locks live in the layer's log: the log and the lock state agree
            locked = locked_spaces(self.decision_log.rows(), labels)
        #: the SSD weighs blocks by residents, as the delineation does (the figures say so)
        self.ssd_weighted = True
        try:
            present = {label for label in labels if label is not None}
            self._session = ConsultationSession(self.block_ids, self._population, self._values, self._graph, labels,
                                                lower, upper, locked=[space for space in locked if space in present],
                                                weight_by_population=self.ssd_weighted)
            self._session.new_label_word = tr("new")  # "new 1" in the planner's language: it is data they see
        except SozialraumError as error:
            raise SessionInputError(str(error)) from None
        self._pending = {}
        self.stale = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_INTERVAL)
        self._timer.timeout.connect(self._tell)
        self._repaint = False
        self.layer_id = layer.id()
        OPEN[self.layer_id] = self
        layer.attributeValueChanged.connect(self._on_value_changed)
        layer.featureAdded.connect(self._on_blocks_changed)
        layer.featureDeleted.connect(self._on_blocks_changed)
        layer.geometryChanged.connect(self._on_blocks_changed)
        layer.editingStopped.connect(self._on_editing_stopped)
        layer.afterRollBack.connect(self._on_rolled_back)
        layer.editingStarted.connect(self._remember_locks)
        layer.afterCommitChanges.connect(self._remember_locks)
        self._remember_locks()

    def close(self):
        """Stop following the layer (the session is kept for reading)."""
        self._timer.stop()
        if OPEN.get(self.layer_id) is self:
            del OPEN[self.layer_id]
        disconnect_all([(self.layer.attributeValueChanged, self._on_value_changed),
                        (self.layer.featureAdded, self._on_blocks_changed),
                        (self.layer.featureDeleted, self._on_blocks_changed),
                        (self.layer.geometryChanged, self._on_blocks_changed),
                        (self.layer.editingStopped, self._on_editing_stopped),
                        (self.layer.afterRollBack, self._on_rolled_back),
                        (self.layer.editingStarted, self._remember_locks),
                        (self.layer.afterCommitChanges, self._remember_locks)])

    # -- reading ----------------------------------------------------------------------
    @property
    def session(self):
        """The session, brought up to the layer's edit buffer first."""
        self._flush()
        return self._session

    @property
    def bounds(self):
        return self._bounds

    @property
    def populations(self):
        """Residents per block in the order of :attr:`block_ids` (not a number: 0), as the session counts them."""
        return np.nan_to_num(np.asarray(self._population, dtype=float))

    def set_bounds(self, lower, upper):
        """Judge the spaces by new population bounds from now on (locks and labels kept)."""
        if not lower < upper:
            raise SessionInputError(tr("The lower bound ({lower:g}) must be below the upper bound ({upper:g}).").format(
                lower=lower, upper=upper))
        self._flush()
        self._bounds = (float(lower), float(upper))
        self._rebuild()
        self._schedule()

    def block_at(self, point):
        """The block (feature id) whose polygon holds ``point`` (layer CRS), else None."""
        return self._blocks.block_at(point)

    def neighbour_blocks(self, block):
        """Blocks that share a link of the adjacency graph with ``block``."""
        ids = self.block_ids
        return [ids[i] for i in self._graph.neighbours(self._position[block]).tolist()]

    def barrier_crossings(self, change):
        """Blocks of ``change`` that now share a space with a block a barrier line separates them from."""
        session = self.session
        crossing = []
        for block, space in zip(change.blocks, change.after):
            if space is not None and any(session.space_of(other) == space for other in self._across_barrier.get(block, ())):
                crossing.append(block)
        return crossing

    def spaces_across_barriers(self):
        """Spaces in pieces that hold blocks a barrier line separates (the table names them)."""
        session = self.session
        found = set()
        for block, others in self._across_barrier.items():
            space = session.space_of(block)
            if space is not None and space not in found and any(session.space_of(other) == space for other in others):
                found.add(space)
        return {space for space in found if not session.status(space).contiguous}

    def geometry(self, block):
        return self._blocks.geometry(block)

    def population_of(self, blocks):
        """Residents of ``blocks`` (feature ids), as the session counts them (NULL as 0)."""
        return float(sum(self._population[self._position[block]] for block in blocks))

    def blocks_geometry(self, blocks):
        return self._blocks.union(blocks)

    def editing_problem(self):
        if self.stale:
            return tr("Features of the layer were added, deleted or reshaped: open the session again.")
        return editing_problem(self.layer)

    # -- writing ----------------------------------------------------------------------
    def perform(self, operation, report=None):
        """Perform ``operation`` (``ui/operations.py``) on the one path every change takes.

        The engine change, then ONE edit command on the layer's undo stack with its decision-log
        row, the blocks (and, through ``performed``, the live layer) redrawn, the report in the
        current language handed to ``report(text, level)`` (the message bar). A refusal of the
        engine writes nothing; a failure while writing undoes what was written. Returns the
        :class:`~sozialraum.ui.operations.Outcome`.
        """
        outcome = self._perform(operation)
        if outcome.written:
            self.layer.triggerRepaint()  # at once: the edit buffer does not repaint the layer (issue 19, 4)
            self._repaint = False
            self.performed.emit(outcome)
            self._schedule()
        if report is not None and outcome.message:
            report(outcome.message, outcome.level)
        return outcome

    def _perform(self, operation):
        problem = self.editing_problem()
        if problem:
            return Outcome(operation, None, problem, Qgis.MessageLevel.Warning)
        try:
            change = operation.run(self)
        except SozialraumError as error:  # the engine refused: nothing changed, nothing to write
            return Outcome(operation, None, operation.refusal(error), Qgis.MessageLevel.Warning)
        if change.is_empty:
            return Outcome(operation, change)
        try:
            self._write(change, operation.command_text(change), operation.log_code(change))
        except Exception as error:  # noqa: BLE001 - undone in _write; the planner is told, the meeting goes on
            return Outcome(operation, None, tr("The change could not be written, nothing was changed: {error}").format(
                error=error), Qgis.MessageLevel.Critical)
        warning = problem_message(change, self.barrier_crossings(change))
        if warning:
            return Outcome(operation, change, warning, Qgis.MessageLevel.Warning)
        return Outcome(operation, change, operation.done_text(self, change) or "", Qgis.MessageLevel.Success)

    def _write(self, change, text, code=None):
        if change.lock is not None and not change.blocks:
            self._write_lock(change, text)
        else:
            self.commit(change, text, code)

    def commit(self, change, text, code=None):
        """Write a change the session already made to the layer as ONE edit command.

        Returns True when written. An empty change writes nothing. A failure destroys the edit
        command (undoing what was written), takes the change back in the session and raises.
        """
        if change.is_empty or not change.blocks:
            return False
        layer = self.layer
        layer.beginEditCommand(text)
        try:
            for block, label in zip(change.blocks, change.after):
                if not layer.changeAttributeValue(block, self.field_index, label):
                    raise RuntimeError(block)
            self._log(change, text, code)  # inside: a failing log row must not leave the edit command open
        except Exception:
            layer.destroyEditCommand()  # undoes what was written (log row too); the session follows the buffer
            self._revert_quietly(change)
            raise
        layer.endEditCommand()
        self._schedule()
        return True

    def _write_lock(self, change, text):
        """A lock toggle the session already made, as one command (lock and log row) on the layer's stack."""
        space, was, now = change.lock
        self.layer.beginEditCommand(text)
        try:
            command = LockCommand(self, space, was, now, text)
            self.layer.undoStack().push(command)
            keep_alive(self.layer_id, command)
            self._log(change, text)
        except Exception:
            self.layer.destroyEditCommand()
            self._set_lock_state(space, was)
            raise
        self.layer.endEditCommand()
        self._schedule()

    def _log(self, change, text, code=None):
        """The change's log row, as a command in the open macro (QGIS undo removes it, redo restores it);
        ``code``: the row's operation code when the change's kind does not tell it (a variant's name)."""
        reason = self.reason_source() if self.reason_source is not None else ""
        row = Decision.from_change(change, self.decision_log.next_number(), text, reason, code=code)
        command = LogCommand(self.layer_id, row, text)
        self.layer.undoStack().push(command)  # redo() adds the row
        keep_alive(self.layer_id, command)
        return row

    def set_locked(self, space, locked, report=None):
        """Lock or unlock a space (:meth:`perform` of a ``SetLock``); returns the change (None when refused)."""
        return self.perform(SetLock(space, locked), report).change

    def resync(self):
        """Compare every block with the layer's values and follow them (after a roll-back, for tests)."""
        request = QgsFeatureRequest().setFlags(NO_GEOMETRY).setSubsetOfAttributes([self.field_index])
        for feature in self.layer.getFeatures(request):
            self._pending[feature.id()] = feature.attribute(self.field_index)
        self._flush()
        self._schedule()

    # -- internals --------------------------------------------------------------------
    def _schedule(self):
        if not self._timer.isActive():
            self._timer.start()

    def _on_value_changed(self, fid, index, value):
        if index == self.field_index:
            self._pending[fid] = value
            self._repaint = True
            self._schedule()

    def _tell(self):
        """The throttled notice: the layer redrawn when its space field changed, then ``changed``.

        Writing attribute values into the edit buffer does not repaint the layer; without this a
        stroke left the blocks in their old colours until the map was refreshed (issue 19, 4).
        """
        if self._repaint:
            self._repaint = False
            self.layer.triggerRepaint()
        self.changed.emit()

    def _on_blocks_changed(self, *args):
        self.stale = True
        self._schedule()

    def _on_editing_stopped(self):
        self.resync()

    def _remember_locks(self):
        self._saved_locks = frozenset(self._session.locked)

    def _on_rolled_back(self):
        self._pending.clear()
        self._rebuild(self._saved_locks)
        self._schedule()

    def _flush(self):
        if not self._pending:
            return
        pending, self._pending = self._pending, {}
        session = self._session
        blocks, before, after = [], [], []
        known = set(self.block_ids)
        for fid, value in pending.items():
            if fid not in known:
                continue
            label = plain(value)
            current = session.space_of(fid)
            if current != label:
                blocks.append(fid)
                before.append(current)
                after.append(label)
        if not blocks:
            return
        change = Change(MOVE, tuple(blocks), tuple(before), tuple(after), 0.0, (), (), (), ())
        try:
            session.apply(change)
        except (LockedSpaceError, StaleChangeError):
            self._rebuild()

    def _rebuild(self, locked=None):
        """A new session from the layer's values (an outside edit touched a locked space); locks kept."""
        request = QgsFeatureRequest().setFlags(NO_GEOMETRY).setSubsetOfAttributes([self.field_index])
        values = {f.id(): plain(f.attribute(self.field_index)) for f in self.layer.getFeatures(request)}
        labels = [values.get(fid) for fid in self.block_ids]
        present = set(labels)
        locked = [space for space in (self._session.locked if locked is None else locked) if space in present]
        self._session = ConsultationSession(self.block_ids, self._population, self._values, self._graph, labels,
                                            *self._bounds, locked=locked, weight_by_population=self.ssd_weighted)
        self._session.new_label_word = tr("new")
        self.locks_rebuilt.emit()

    def _revert_quietly(self, change):
        self._pending.clear()
        try:
            self._session.revert(change)
        except SozialraumError:
            self.resync()

    def _set_lock_state(self, space, locked):
        session = self.session
        try:
            if session.is_locked(space) != bool(locked):
                session.set_locked(space, locked)
        except SozialraumError:  # the space holds no blocks any more
            pass
        self._schedule()
