"""A consultation session bound to a blocks layer: the layer's edit buffer is the truth.

:class:`LayerSession` builds a :class:`~sozialraum.engine.session.ConsultationSession` from a
polygon layer (space field, population field, attributes, bounds; the adjacency graph as the
delineation builds it), writes every operation to the layer as ONE edit command, and keeps
the session in step with the layer's own undo stack.

How the session stays in step (the robust way, issue 11's undo principles):

- **Block labels follow the edit buffer.** The session listens to the layer's
  ``attributeValueChanged`` for the space field. Every change of the field emits it — our
  own strokes and merges, QGIS undo and redo of them (also inside a macro, where the undo
  stack's ``indexChanged`` stays silent), the attribute table, the field calculator, and the
  undo of everything that ``rollBack`` performs. The values are collected and applied to the
  session lazily, the next time anyone reads :attr:`LayerSession.session`: a change record of
  the differences, replayed with :meth:`ConsultationSession.apply`. When that is refused (an
  edit from outside the plugin touched a locked space) the session is rebuilt from the
  layer's values, locks kept. There is no second stack and no index to keep in step: what
  the layer holds is what the session shows.
- **Derived state that the layer does not hold goes on the SAME stack.** Lock toggles are
  :class:`LockCommand` s (a ``QUndoCommand``) pushed inside a ``beginEditCommand`` macro on
  the layer's undo stack, so QGIS undo/redo takes them back in the right order with the moves
  around them. The command sets a lock state by label (idempotent), so it stays right even
  when the session was rebuilt in between, and acts on the session of the layer that is open
  now. A roll-back undoes the stack and discards the buffer; the session is then rebuilt from
  the layer's values with the locks as they were when editing started (or was last saved),
  whatever order a QGIS version does this in. Each change's decision-log row goes into the
  same macro as a :class:`~sozialraum.ui.decision_log.LogCommand` (``ui/decision_log.py``).
- **The plugin never commits or rolls back the layer's edits.** A failure while writing a
  change destroys the edit command (``destroyEditCommand``), which undoes the values already
  written; the session then follows the edit buffer again as above.

Block ids are the layer's feature ids (the mapping block id ↔ feature id is the identity;
:attr:`LayerSession.block_ids` lists them). Adding, deleting or reshaping features while a
session is open makes the adjacency graph stale: :attr:`LayerSession.stale` turns True and the
tools refuse to edit until the session is opened again.
"""
from __future__ import annotations

import numpy as np
from qgis.core import (
    QgsFeatureRequest,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeatureSource,
    QgsProcessingFeedback,
    QgsRectangle,
    QgsSpatialIndex,
    QgsVectorLayer,
)
from qgis.PyQt import sip
from qgis.PyQt.QtCore import QObject, QTimer, pyqtSignal

from ..algorithms.blocks_input import block_adjacency, block_population, read_blocks
from ..algorithms.layer_io import plain
from ..algorithms.spaces_io import prepared_attributes
from ..engine.errors import LockedSpaceError, SozialraumError, StaleChangeError
from ..engine.graph import Graph
from ..engine.session import ConsultationSession
from ..engine.sessionrecords import MOVE, Change
from ..i18n import tr
from .compat import CHANGE_ATTRIBUTE_VALUES, NO_GEOMETRY, POLYGON_GEOMETRY, QUndoCommand, disconnect_all
from .decision_log import Decision, LogCommand, locked_spaces, log_for
from .live_spaces import LIVE_PROPERTY

DEFAULT_GAP = 30.0
#: the session tells its listeners at most this often (ms) that the figures changed
REFRESH_INTERVAL = 60


class SessionInputError(Exception):
    """The layer or the fields cannot carry a session; the message is translated and says why."""


def check_layer(layer, space_field=None, population_field=None):
    """A translated message why ``layer`` cannot carry a session (None when it can)."""
    if layer is None or not isinstance(layer, QgsVectorLayer) or not layer.isValid():
        return tr("Choose a valid polygon layer of blocks.")
    if is_derived(layer):
        return tr("The layer '{layer}' is derived from a consultation session (the live spaces layer): choose the "
                  "blocks layer.").format(layer=layer.name())
    if layer.geometryType() != POLYGON_GEOMETRY:
        return tr("The layer '{layer}' has no polygons: choose the blocks layer.").format(layer=layer.name())
    names = layer.fields().names()
    if space_field is not None and space_field not in names:
        return tr("The layer '{layer}' has no space field '{field}'.").format(layer=layer.name(), field=space_field or "")
    if population_field is not None and population_field not in names:
        return tr("The layer '{layer}' has no population field '{field}'.").format(layer=layer.name(), field=population_field or "")
    if layer.featureCount() == 0:
        return tr("The layer '{layer}' has no features.").format(layer=layer.name())
    return None


def is_derived(layer):
    """True for a layer the consultation derives from a session (the live spaces layer): never a blocks layer."""
    return bool(layer.customProperty(LIVE_PROPERTY))


def editing_problem(layer):
    """A translated reason why the tools cannot edit ``layer`` now (None when they can)."""
    if layer is None:
        return tr("Open a session on a blocks layer first.")
    if not (layer.dataProvider().capabilities() & CHANGE_ATTRIBUTE_VALUES):
        return tr("The layer '{layer}' cannot be edited (its data source is read-only).").format(layer=layer.name())
    if not layer.isEditable():
        return tr("Toggle editing of the layer '{layer}' to use the consultation tools.").format(layer=layer.name())
    return None


#: the open LayerSession of each layer (by layer id): a lock command made by an earlier session
#: of the layer acts on the one open now
_OPEN = {}


#: Python undo commands on a layer's stack, by layer id. push() hands a command to the Python
#: wrapper of the stack, which ``layer.undoStack()`` makes anew each time; when that wrapper
#: goes, so does the Python object with its undo/redo, and the stack is left with a bare
#: QUndoCommand that does nothing (seen on QGIS 3.22, PyQt5). Kept here until the stack deletes them.
_COMMANDS = {}


def keep_alive(layer_id, command):
    alive = [c for c in _COMMANDS.get(layer_id, []) if not sip.isdeleted(c)]
    alive.append(command)
    _COMMANDS[layer_id] = alive


class LockCommand(QUndoCommand):
    """A lock toggle on the layer's own undo stack (undo/redo set the lock state by label)."""

    def __init__(self, owner, space, was, now, text):
        super().__init__(text)
        self._owner, self._space, self._was, self._now = owner, space, was, now
        self._layer_id = owner.layer_id
        self._first = True

    def _target(self):
        return _OPEN.get(self._layer_id, self._owner)

    def redo(self):
        if self._first:  # push() runs redo(): the session already holds the new state
            self._first = False
            return
        self._target()._set_lock_state(self._space, self._now)

    def undo(self):
        self._target()._set_lock_state(self._space, self._was)


class LayerSession(QObject):
    """A :class:`ConsultationSession` on a blocks layer (see the module docstring).

    Signals: ``changed`` (throttled: the figures may have changed), ``stale_changed``.
    """

    changed = pyqtSignal()
    locks_rebuilt = pyqtSignal()

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
        context = QgsProcessingContext()
        feedback = QgsProcessingFeedback()
        source = QgsProcessingFeatureSource(layer, context)
        try:
            blocks = read_blocks(source, context, feedback, None,
                                 [space_field, population_field, *self.attributes, *([self.nest] if self.nest else [])])
            population = block_population(blocks, population_field, feedback)
            if self.attributes:
                # the run's weights, structure group and balance when its attributes are the ones chosen
                weights, structure, balance = weighting or ("", [], False)
                values = prepared_attributes(blocks, list(self.attributes), weights, list(structure), balance,
                                             feedback).values
            else:
                values = np.zeros((len(blocks.ids), 1))
            adjacency = block_adjacency(blocks, list(self.barriers), self.gap, context, feedback,
                                        nest=blocks.values(self.nest) if self.nest else None, population=population)
        except QgsProcessingException as error:
            raise SessionInputError(str(error.args[0]) if error.args else str(error)) from None
        graph = Graph(len(blocks.shapes), adjacency.left, adjacency.right, adjacency.shared_length)
        links = [(a, b) for a, b in added_links if 0 <= a < graph.n and 0 <= b < graph.n]
        if links:  # the delineation's own links: islands joined to their nearest block count as connected
            graph = graph.with_edges([a for a, _ in links], [b for _, b in links])
        self._population = population
        self._values = values
        self._graph = graph
        self.block_ids = tuple(blocks.ids)  # feature ids
        self._across_barrier = {}  # block -> blocks a barrier line separates it from (within the gap)
        for left, right in zip(*(np.asarray(side).tolist() for side in adjacency.barrier_pairs)):
            self._across_barrier.setdefault(self.block_ids[left], set()).add(self.block_ids[right])
            self._across_barrier.setdefault(self.block_ids[right], set()).add(self.block_ids[left])
        self._position = {block: position for position, block in enumerate(self.block_ids)}
        self._bounds = (float(lower), float(upper))
        labels = blocks.values(space_field)
        #: the layer's decision log (read from its store once per layer); ``reason_source``: a
        #: callable giving the reason typed for the next change and clearing it (the dock's field)
        self.decision_log = log_for(layer)
        self.reason_source = None
        if locked is None:  # the locks live in the layer's log: the log and the lock state agree
            locked = locked_spaces(self.decision_log.rows(), labels)
        try:
            present = {label for label in labels if label is not None}
            self._session = ConsultationSession(self.block_ids, population, values, graph, labels, lower, upper,
                                                locked=[space for space in locked if space in present])
        except SozialraumError as error:
            raise SessionInputError(str(error)) from None
        # hit-testing: a spatial index of the blocks in the layer's CRS, built once
        self._geometries = {}
        self._index = QgsSpatialIndex()
        for feature in blocks.features:
            geometry = feature.geometry()
            if geometry is None or geometry.isNull():
                continue
            self._geometries[feature.id()] = QgsGeometry(geometry)
            self._index.addFeature(feature)
        self._pending = {}
        self.stale = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_INTERVAL)
        self._timer.timeout.connect(self._tell)
        self._repaint = False
        self.layer_id = layer.id()
        _OPEN[self.layer_id] = self
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
        if _OPEN.get(self.layer_id) is self:
            del _OPEN[self.layer_id]
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

    def label_value(self, label):
        """A session label as the layer's field stores it."""
        return label

    def block_at(self, point):
        """The block (feature id) whose polygon holds ``point`` (layer CRS), else None."""
        point = QgsPointXY(point)
        candidates = self._index.intersects(QgsRectangle(point.x(), point.y(), point.x(), point.y()))
        probe = QgsGeometry.fromPointXY(point)
        for fid in sorted(candidates):
            if self._geometries[fid].intersects(probe):
                return fid
        return None

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
        return self._geometries.get(block)

    def population_of(self, blocks):
        """Residents of ``blocks`` (feature ids), as the session counts them (NULL as 0)."""
        return float(sum(self._population[self._position[block]] for block in blocks))

    def blocks_geometry(self, blocks):
        parts = [self._geometries[b] for b in blocks if b in self._geometries]
        return QgsGeometry.unaryUnion(parts) if parts else QgsGeometry()

    def editing_problem(self):
        if self.stale:
            return tr("Features of the layer were added, deleted or reshaped: open the session again.")
        return editing_problem(self.layer)

    # -- writing ----------------------------------------------------------------------
    def commit(self, change, text):
        """Write a change the session already made to the layer as ONE edit command.

        Returns True when written. An empty change writes nothing.
        """
        if change.is_empty or not change.blocks:
            return False
        layer = self.layer
        layer.beginEditCommand(text)
        try:
            for block, label in zip(change.blocks, change.after):
                if not layer.changeAttributeValue(block, self.field_index, self.label_value(label)):
                    raise RuntimeError(block)
            self._log(change, text)  # inside: a failing log row must not leave the edit command open
        except Exception:
            layer.destroyEditCommand()  # undoes what was written (log row too); the session follows the buffer
            self._revert_quietly(change)
            raise
        layer.endEditCommand()
        self._schedule()
        return True

    def _log(self, change, text):
        """The change's log row, as a command in the open macro (QGIS undo removes it, redo restores it)."""
        reason = self.reason_source() if self.reason_source is not None else ""
        row = Decision.from_change(change, self.decision_log.next_number(), text, reason)
        command = LogCommand(self.layer_id, row, text)
        self.layer.undoStack().push(command)  # redo() adds the row
        keep_alive(self.layer_id, command)
        return row

    def set_locked(self, space, locked):
        """Lock or unlock a space as one command on the layer's undo stack; returns the change."""
        change = self.session.set_locked(space, locked)
        if change.is_empty:
            return change
        text = (tr("Lock space {space}") if locked else tr("Unlock space {space}")).format(space=space)
        command = LockCommand(self, change.lock[0], change.lock[1], change.lock[2], text)
        self.layer.beginEditCommand(text)
        self.layer.undoStack().push(command)
        keep_alive(self.layer_id, command)
        self._log(change, text)
        self.layer.endEditCommand()
        self._schedule()
        return change

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
                                            *self._bounds, locked=locked)
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
