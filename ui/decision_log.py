"""The decision log of a consultation: every change with time, author, what moved and why.

Rows are derived state, kept like the locks (issue 11's undo principles):

- **One row per change, on the layer's own undo stack.** :meth:`LayerSession.commit` and
  :meth:`LayerSession.set_locked` push a :class:`LogCommand` into the SAME
  ``beginEditCommand`` macro as the change; QGIS undo removes the row, redo restores it, a
  roll-back (which undoes the stack) removes the rows of the discarded edits. There is no
  second stack: the rows on the stack are the changes applied now.
- **Stored with the data, written only when the layer's edits are committed.** On the layer's
  ``afterCommitChanges`` the rows not yet written are appended to a table
  :data:`TABLE` in the layer's own GeoPackage (a separate attributes table, written by OGR
  after the commit: nothing is written behind the blocks layer's edit buffer). A layer that is
  not in a GeoPackage (memory, shapefile, database) keeps its rows in the QGIS project, as a
  JSON entry under the scope ``sozialraum`` (key ``decisions/<layer id>``): they survive when
  the project is saved (the entry makes the project dirty, so QGIS asks). The plugin never
  commits the layer.
- **Read back when a session opens**: the log of a layer is made once per layer (a registry by
  layer id, like the open sessions), from the stored rows; the log commands on the stack of a
  session before act on it.
"""
from __future__ import annotations

import contextlib
import csv
import getpass
import json
import sqlite3
import uuid
from dataclasses import asdict, dataclass, fields
from datetime import datetime
from pathlib import Path

from qgis.core import (
    QgsFeature,
    QgsProject,
    QgsProviderRegistry,
    QgsSettings,
    QgsVectorFileWriter,
    QgsVectorLayer,
)
from qgis.PyQt import sip
from qgis.PyQt.QtCore import QObject, pyqtSignal

from ..algorithms.compat import field as make_field
from ..engine.sessionrecords import LOCK, MERGE, MOVE, NEW_SPACE, REOPTIMISE, SPLIT
from ..i18n import language, tr
from ..presentation import html
from .compat import QUndoCommand

#: the table of decisions in the layer's GeoPackage
TABLE = "sozialraum_decisions"
#: the plugin setting of the author's name
AUTHOR_SETTING = "sozialraum/author"
#: project scope of the rows of layers outside a GeoPackage
PROJECT_SCOPE = "sozialraum"
UNLOCK = "unlock"


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
    operation: str  # what the undo stack calls it, e.g. 'Paint 3 blocks into space 1'
    from_spaces: str  # the spaces blocks left ('' for none; for a lock: the space)
    to_spaces: str  # the space(s) blocks went to (for a lock: the space)
    blocks: int
    population: float
    block_ids: str  # feature ids, comma-separated
    reason: str
    id: str

    @classmethod
    def from_change(cls, change, number, operation, reason="", who=None, time=None):
        if change.kind == LOCK:
            space, _was, now = change.lock
            kind = LOCK if now else UNLOCK
            sources = targets = _label_text(space)
        else:
            kind = change.kind
            sources = ", ".join(dict.fromkeys(_label_text(flow.source) for flow in change.flows))
            targets = ", ".join(dict.fromkeys(_label_text(flow.target) for flow in change.flows))
        return cls(number=int(number), time=time or now_iso(), author=author() if who is None else who, kind=kind,
                   operation=operation, from_spaces=sources, to_spaces=targets, blocks=len(change.blocks),
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

    The log is where locks live (with the layer: its GeoPackage or the project), so a session
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
_TYPES = {"number": "int", "blocks": "int", "population": "double"}


def kind_text(kind):
    return {MOVE: tr("paint"), MERGE: tr("merge"), SPLIT: tr("split"), NEW_SPACE: tr("new space"), LOCK: tr("lock"),
            UNLOCK: tr("unlock"), REOPTIMISE: tr("re-optimised")}.get(kind, kind)


# -- storage -------------------------------------------------------------------------------
def geopackage_of(layer):
    """The path of the GeoPackage that holds ``layer``, else None."""
    if layer.providerType() != "ogr":
        return None
    parts = QgsProviderRegistry.instance().decodeUri("ogr", layer.source())
    path = parts.get("path") or ""
    return path if path.lower().endswith(".gpkg") and Path(path).is_file() else None


class GeoPackageStore:
    """Rows in the table :data:`TABLE` of a GeoPackage (a table without geometry)."""

    def __init__(self, path):
        self.path = path

    def describe(self):
        return tr("the table '{table}' in {path}").format(table=TABLE, path=self.path)

    def _layer(self):
        if not self._has_table():  # asked first: opening a missing table logs "Cannot find layer" (issue 19, 11)
            return None
        layer = QgsVectorLayer(f"{self.path}|layername={TABLE}", TABLE, "ogr")
        return layer if layer.isValid() else None

    def _has_table(self):
        """True when the GeoPackage lists the decisions table (read from its contents, nothing logged)."""
        try:
            with contextlib.closing(sqlite3.connect(f"file:{self.path}?mode=ro", uri=True)) as connection:
                found = connection.execute("SELECT 1 FROM gpkg_contents WHERE lower(table_name) = lower(?)",
                                           (TABLE,)).fetchone()
        except sqlite3.Error:
            return True  # cannot tell: let OGR try
        return found is not None

    def read(self):
        layer = self._layer()
        if layer is None:
            return []
        names = layer.fields().names()
        return [Decision.from_mapping({name: _plain(feature.attribute(name)) for name in names if name in COLUMNS})
                for feature in layer.getFeatures()]

    def append(self, rows):
        """Append ``rows``; True when written."""
        if not rows:
            return True
        memory = QgsVectorLayer("None", TABLE, "memory")
        memory.dataProvider().addAttributes([make_field(name, _TYPES.get(name, "string")) for name in COLUMNS])
        memory.updateFields()
        features = []
        for row in rows:
            feature = QgsFeature(memory.fields())
            values = asdict(row)
            feature.setAttributes([values[name] for name in COLUMNS])
            features.append(feature)
        memory.dataProvider().addFeatures(features)
        options = QgsVectorFileWriter.SaveVectorOptions()
        options.driverName = "GPKG"
        options.layerName = TABLE
        options.fileEncoding = "UTF-8"
        exists = self._layer() is not None
        options.actionOnExistingFile = _writer_enum("ActionOnExistingFile",
                                                    "AppendToLayerNoNewFields" if exists else "CreateOrOverwriteLayer")
        result = QgsVectorFileWriter.writeAsVectorFormatV3(memory, self.path, QgsProject.instance().transformContext(),
                                                           options)
        return result[0] == _writer_enum("WriterError", "NoError")


class ProjectStore:
    """Rows in the QGIS project (layers outside a GeoPackage): a JSON entry per layer."""

    def __init__(self, layer_id):
        self.key = f"decisions/{layer_id}"

    def describe(self):
        return tr("the QGIS project (save the project to keep them)")

    def read(self):
        text, ok = QgsProject.instance().readEntry(PROJECT_SCOPE, self.key, "")
        if not ok or not text:
            return []
        try:
            return [Decision.from_mapping(values) for values in json.loads(text)]
        except (ValueError, TypeError, AttributeError):
            return []

    def append(self, rows):
        if not rows:
            return True
        stored = [asdict(row) for row in self.read()] + [asdict(row) for row in rows]
        return bool(QgsProject.instance().writeEntry(PROJECT_SCOPE, self.key, json.dumps(stored, ensure_ascii=False)))


def _writer_enum(enum, member):
    """A QgsVectorFileWriter enum member, scoped (Qt6) or not (QGIS 3.22)."""
    scoped = getattr(QgsVectorFileWriter, enum, None)
    return getattr(scoped, member) if scoped is not None and hasattr(scoped, member) else getattr(QgsVectorFileWriter, member)


def store_for(layer):
    path = geopackage_of(layer)
    return GeoPackageStore(path) if path else ProjectStore(layer.id())


def _plain(value):
    if value is None or (hasattr(value, "isNull") and value.isNull()):
        return None
    return value


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
        self._layer = layer
        layer.afterCommitChanges.connect(self._on_committed)
        layer.afterRollBack.connect(self._on_rolled_back)
        layer.willBeDeleted.connect(self._forget)

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

    # -- storage ----------------------------------------------------------------------
    def write(self):
        """Store every row not yet stored (the layer's edits were just committed); True when written."""
        rows = self.pending()
        if not rows:
            return True
        if self.store.append(rows):
            self._saved.update(row.id for row in rows)
            self._unwritten.clear()
            self.changed.emit()
            return True
        self._unwritten.update(row.id for row in rows)
        self.write_failed.emit(tr("The decision log could not be written to {place}; it is tried again at the next save.")
                               .format(place=self.store.describe()))
        return False

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
def header():
    return (tr("No."), tr("Time"), tr("Author"), tr("Kind"), tr("Change"), tr("From"), tr("To"), tr("Blocks"),
            tr("Residents"), tr("Reason"), tr("Block ids"))


def display_row(row, decimal="."):
    population = f"{row.population:.0f}" if float(row.population).is_integer() else f"{row.population:.2f}".replace(".", decimal)
    return (str(row.number), row.time, row.author, kind_text(row.kind), row.operation, row.from_spaces, row.to_spaces,
            str(row.blocks), population, row.reason, row.block_ids)


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
