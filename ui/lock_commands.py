"""Lock toggles as commands on the blocks layer's own undo stack (see ``ui/session_layer.py``).

The command sets a lock state by label (idempotent), so it stays right even when the session
was rebuilt in between, and acts on the session of the layer that is open now (:data:`OPEN`).
"""
from __future__ import annotations

from qgis.PyQt import sip

from .compat import QUndoCommand

#: the open LayerSession of each layer (by layer id): a lock command made by an earlier session
#: of the layer acts on the one open now
OPEN = {}

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
        return OPEN.get(self._layer_id, self._owner)

    def redo(self):
        if self._first:  # push() runs redo(): the session already holds the new state
            self._first = False
            return
        self._target()._set_lock_state(self._space, self._now)

    def undo(self):
        self._target()._set_lock_state(self._space, self._was)
