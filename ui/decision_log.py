"""The decision log of a consultation: every change with time, author, what moved and why.

Rows are derived state, kept like the locks (issue 11's undo principles):

- **One row per change, on the layer's own undo stack.** :meth:`LayerSession.commit` and
  :meth:`LayerSession.set_locked` push a :class:`LogCommand` into the SAME
  ``beginEditCommand`` macro as the change; QGIS undo removes the row, redo restores it, a
  roll-back (which undoes the stack) removes the rows of the discarded edits. There is no
  second stack: the rows on the stack are the changes applied now.
- **Stored with the data, written only when the layer's edits are committed.** On the layer's
  ``afterCommitChanges`` the rows not yet written are appended to a table
  :data:`TABLE` next to the layer's data (``ui/decision_log_store.py``): in its GeoPackage (a
  separate attributes table, written by OGR after the commit: nothing is written behind the
  blocks layer's edit buffer), or in its PostgreSQL/PostGIS database and schema. Any other
  layer (memory, shapefile) keeps its rows in the QGIS project, as a JSON entry under the
  scope ``sozialraum`` (key ``decisions/<layer id>``): they survive when the project is saved
  (the entry makes the project dirty, so QGIS asks). The plugin never commits the layer.
- **Codes and numbers, worded when shown.** A row stores its operation as a code with the
  spaces, block count, residents and the reason as typed; ``ui/decision_log_text.py`` words it
  in the interface language of the moment (dock and exports). Old rows with text are read too.
- **Read back when a session opens**: the log of a layer is made once per layer (a registry by
  layer id, like the open sessions), from the stored rows; the log commands on the stack of a
  session before act on it.
"""
from __future__ import annotations

import csv
import getpass
import uuid
from dataclasses import asdict, dataclass, fields, replace
from datetime import datetime
from pathlib import Path

from qgis.core import QgsSettings
from qgis.PyQt import sip
from qgis.PyQt.QtCore import QObject, pyqtSignal

from ..engine.consultation.sessionrecords import LOCK
from ..i18n import language, tr
from ..presentation import html
from ..presentation.spreadsheet import write_xlsx as write_sheet
from .compat import QUndoCommand
from .decision_log_store import (  # noqa: F401 - the stores, named from here by tests and scripts
    PROJECT_SCOPE,
    TABLE,
    GeoPackageStore,
    PostgresStore,
    ProjectStore,
    geopackage_of,
)
from .decision_log_store import store_for as _store_for
from .decision_log_text import (  # noqa: F401 - the log's words, used from here by the dock
    NUMBER_COLUMNS,
    UNLOCK,
    display_row,
    header,
    kind_text,
    operation_code,
    operation_text,
)

#: the plugin setting of the author's name
AUTHOR_SETTING = "sozialraum/author"


def author():
    """The author of the changes: the plugin setting, else the user name of the system."""
    name = QgsSettings().value(AUTHOR_SETTING, "", type=str).strip()
    if name:
        return name
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name in the environment
        return ""


def ask_author_once(parent=None):
    """In the desktop: ask the author's name once (when the setting is empty) and keep it.

    Headless (an offscreen platform) nothing is asked: the user name of the system is used.
    """
    if QgsSettings().value(AUTHOR_SETTING, "", type=str).strip():
        return author()
    from qgis.PyQt.QtGui import QGuiApplication
    from qgis.PyQt.QtWidgets import QInputDialog

    if QGuiApplication.platformName() in ("offscreen", "minimal"):  # headless: nobody to ask
        return author()

    name, ok = QInputDialog.getText(parent, tr("Decision log"), tr("Your name for the decision log:"), text=author())
    if ok and name.strip():
        QgsSettings().setValue(AUTHOR_SETTING, name.strip())
    return author()


def now_iso():
    """The local time with its offset, to the second (ISO 8601)."""
    return datetime.now().astimezone().isoformat(timespec="seconds")


def _label_text(label):
    return "" if label is None else str(label)


@dataclass(frozen=True)
class Decision:
    """One row of the log (plain values: it is stored as it is)."""

    number: int
    time: str
    author: str
    kind: str  # move, merge, split, new_space, lock, unlock, reoptimise
    #: the operation's code (decision_log_text.OPERATIONS: 'paint', 'split_line', ...), worded when
    #: shown; rows of earlier versions hold the undo text of their day here instead
    operation: str
    from_spaces: str  # the spaces blocks left ('' for none; for a lock: the space)
    to_spaces: str  # the space(s) blocks went to (for a lock: the space)
    blocks: int
    population: float
    block_ids: str  # feature ids, comma-separated
    reason: str
    id: str

    @classmethod
    def from_change(cls, change, number, operation, reason="", who=None, time=None, code=None):
        """The row of ``change``; ``operation``: its undo text (or code), which only tells a line split."""
        if change.kind == LOCK:
            space, _was, now = change.lock
            kind = LOCK if now else UNLOCK
            sources = targets = _label_text(space)
        else:
            kind = change.kind
            sources = ", ".join(dict.fromkeys(_label_text(flow.source) for flow in change.flows))
            targets = ", ".join(dict.fromkeys(_label_text(flow.target) for flow in change.flows))
        code = code or operation_code(kind, operation, sources, targets) or operation
        return cls(number=int(number), time=time or now_iso(), author=author() if who is None else who, kind=kind,
                   operation=code, from_spaces=sources, to_spaces=targets, blocks=len(change.blocks),
                   population=float(change.population), block_ids=",".join(str(block) for block in change.blocks),
                   reason=(reason or "").strip(), id=uuid.uuid4().hex)

    @classmethod
    def from_mapping(cls, values):
        return cls(number=int(values.get("number") or 0), time=str(values.get("time") or ""),
                   author=str(values.get("author") or ""), kind=str(values.get("kind") or ""),
                   operation=str(values.get("operation") or ""), from_spaces=str(values.get("from_spaces") or ""),
                   to_spaces=str(values.get("to_spaces") or ""), blocks=int(values.get("blocks") or 0),
                   population=float(values.get("population") or 0.0), block_ids=str(values.get("block_ids") or ""),
                   reason=str(values.get("reason") or ""), id=str(values.get("id") or uuid.uuid4().hex))


def locked_spaces(rows, labels):
    """The spaces among ``labels`` that the log's lock and unlock rows leave locked (oldest row first).

    The log is where locks live (with the layer: its GeoPackage, its database schema, or the project), so a session
    opened again, after another layer or from a reloaded project, has exactly the locks its log
    lists. Rows store spaces as text; a label matches by its text.
    """
    texts = set()
    for row in sorted(rows, key=lambda row: row.number):
        if row.kind == LOCK:
            texts.add(row.to_spaces)
        elif row.kind == UNLOCK:
            texts.discard(row.to_spaces)
    return [label for label in dict.fromkeys(labels) if label is not None and _label_text(label) in texts]


COLUMNS = tuple(field.name for field in fields(Decision))


def store_for(layer):
    """Where ``layer``'s rows are stored (its GeoPackage, its database schema, else the project)."""
    return _store_for(layer, COLUMNS, Decision.from_mapping)


# -- the log -------------------------------------------------------------------------------
class DecisionLog(QObject):
    """The rows of one layer: stored ones and those of the changes on its undo stack now.

    ``changed`` tells the dock to show the rows again; ``write_failed(text)`` names a failed write.
    """

    changed = pyqtSignal()
    write_failed = pyqtSignal(str)

    def __init__(self, layer, parent=None):
        super().__init__(parent)
        self.layer_id = layer.id()
        self.store = store_for(layer)
        self._rows = {row.id: row for row in self.store.read()}
        self._saved = set(self._rows)
        self._unwritten = set()  # committed with the layer, but the write failed: tried again at the next commit
        #: why the last write failed ('' after a write that worked): the dock keeps showing it
        self.problem = ""
        self._layer = layer
        self._moving = self._rows_kept_in_the_project(layer)
        layer.afterCommitChanges.connect(self._on_committed)
        layer.afterRollBack.connect(self._on_rolled_back)
        layer.willBeDeleted.connect(self._forget)

    def _rows_kept_in_the_project(self, layer):
        """Rows an earlier version kept in the project for a layer whose log now lives with its data (PostGIS).

        They join the log at once (their locks hold) and move to the layer's table at the next
        save, like rows whose write failed; the project entry is removed once they are written.
        """
        if isinstance(self.store, ProjectStore):
            return None
        project = ProjectStore(layer.id(), Decision.from_mapping)
        rows = [row for row in project.read() if row.id not in self._rows]
        for row in rows:
            self._rows[row.id] = row
            self._unwritten.add(row.id)
        return project if rows else None

    # -- reading ----------------------------------------------------------------------
    def rows(self):
        """All rows, oldest first."""
        return sorted(self._rows.values(), key=lambda row: row.number)

    def pending(self):
        """Rows not yet stored (of changes not yet committed, or whose write failed)."""
        return [row for row in self.rows() if row.id not in self._saved]

    def is_saved(self, row):
        return row.id in self._saved

    def next_number(self):
        return max((row.number for row in self._rows.values()), default=0) + 1

    # -- the undo commands ------------------------------------------------------------
    def add(self, row):
        self._rows[row.id] = row
        self.changed.emit()

    def remove(self, row_id):
        if row_id in self._rows and row_id not in self._saved and row_id not in self._unwritten:
            del self._rows[row_id]
            self.changed.emit()

    def add_stored(self, rows):
        """Rows that are no change of the layer (experts' proposals): stored at once, on no undo stack.

        Rows whose id the log has are left out. A failed write keeps them (tried again at the next save).
        """
        rows = [row for row in rows if row.id not in self._rows]
        if not rows:
            return True
        self._rows.update((row.id, row) for row in rows)
        self._unwritten.update(row.id for row in rows)  # kept by a roll-back, written with the next save if not now
        if self.store.append([asdict(row) for row in rows]):
            self._saved.update(row.id for row in rows)
            self._unwritten.difference_update(row.id for row in rows)
            self.changed.emit()
            return True
        self.problem = tr("The decision log could not be written to {place}; it is tried again at the next save.").format(
            place=self.store.describe())
        self.write_failed.emit(self.problem)
        self.changed.emit()
        return False

    # -- storage ----------------------------------------------------------------------
    def write(self):
        """Store every row not yet stored (the layer's edits were just committed); True when written."""
        rows = self.pending()
        if not rows:
            return True
        rows = self._after_rows_of_others(rows)
        if self.store.append([asdict(row) for row in rows]):
            self._saved.update(row.id for row in rows)
            self._unwritten.clear()
            self.problem = ""
            if self._moving is not None:  # the rows of an earlier version now live with the layer
                self._moving.remove()
                self._moving = None
            self.changed.emit()
            return True
        self._unwritten.update(row.id for row in rows)
        self.problem = tr("The decision log could not be written to {place}; it is tried again at the next save.").format(
            place=self.store.describe())
        self.write_failed.emit(self.problem)
        return False

    def _after_rows_of_others(self, rows):
        """``rows`` numbered after the rows another project stored since this log was read.

        A GeoPackage on a shared drive or a database table is open in more than one project at
        once (two planners, the meeting and the office): their stored rows join this log, and
        ours follow them, so the numbers stay one sequence in the order the changes were saved.
        """
        stored = [row for row in self.store.read() if row.id not in self._rows]
        if not stored:
            return rows
        for row in stored:
            self._rows[row.id] = row
            self._saved.add(row.id)
        last = max(row.number for row in self._rows.values() if row.id in self._saved)
        renumbered = [replace(row, number=last + position) for position, row in enumerate(rows, start=1)]
        self._rows.update((row.id, row) for row in renumbered)
        return renumbered

    def _on_committed(self):
        self.write()

    def _on_rolled_back(self):
        # the roll-back undid the log commands; drop whatever a QGIS version left over
        kept = self._saved | self._unwritten
        if any(row_id not in kept for row_id in self._rows):
            self._rows = {row_id: row for row_id, row in self._rows.items() if row_id in kept}
            self.changed.emit()

    def _forget(self):
        if _LOGS.get(self.layer_id) is self:
            del _LOGS[self.layer_id]


#: the log of each layer (by layer id)
_LOGS = {}


def log_for(layer):
    """The decision log of ``layer``: made once (read from its store), then the same."""
    log = _LOGS.get(layer.id())
    if log is None or sip.isdeleted(log):
        log = DecisionLog(layer)
        _LOGS[layer.id()] = log
    return log


class LogCommand(QUndoCommand):
    """A log row on the layer's own undo stack, in the macro of its change (undo removes the row)."""

    def __init__(self, layer_id, row, text):
        super().__init__(text)
        self._layer_id, self._row = layer_id, row

    def _log(self):
        log = _LOGS.get(self._layer_id)
        return None if log is None or sip.isdeleted(log) else log

    def redo(self):
        log = self._log()
        if log is not None:
            log.add(self._row)

    def undo(self):
        log = self._log()
        if log is not None:
            log.remove(self._row.id)


# -- exports -------------------------------------------------------------------------------
def write_csv(rows, path, lang=None):
    """The rows (oldest first) as CSV: UTF-8 with BOM; ';' and decimal commas for German."""
    german = (lang or language()) == "de"
    delimiter, decimal = (";", ",") if german else (",", ".")
    with open(path, "w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out, delimiter=delimiter)
        writer.writerow(header())
        for row in rows:
            writer.writerow(display_row(row, decimal))
    return path


def log_html(rows, layer_name, lang=None):
    """The rows (oldest first) as a self-contained HTML page for the council document (escaped)."""
    title = tr("Decision log: {layer}").format(layer=layer_name)
    intro = html.paragraphs([tr("{count} changes, oldest first.").format(count=len(rows))])
    body = html.table([display_row(row, "," if (lang or language()) == "de" else ".") for row in rows], header(),
                      numeric=(0, 7, 8))
    return html.page(title, [(None, intro), (None, body)], lang or language())


def write_html(rows, path, layer_name, lang=None):
    Path(path).write_text(log_html(rows, layer_name, lang), encoding="utf-8")
    return path


class _Table:
    """The few parts of a data frame that the spreadsheet writer reads (no pandas needed here)."""

    def __init__(self, columns, rows):
        self.columns, self._rows = list(columns), [tuple(row) for row in rows]

    def itertuples(self, index=False):
        return iter(self._rows)


def write_xlsx(rows, path, lang=None):
    """The rows (oldest first) as an XLSX sheet in the interface language; number, blocks and residents as numbers."""
    decimal = "," if (lang or language()) == "de" else "."
    table = _Table(header(), [display_row(row, decimal) for row in rows])
    return write_sheet(path, table, lang or language(), sheet=tr("Decision log"), numeric=NUMBER_COLUMNS)
