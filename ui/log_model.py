"""The dock's decision log table: newest first; rows not yet stored (edits not saved) in italics."""
from __future__ import annotations

from qgis.PyQt.QtCore import QAbstractTableModel, QModelIndex, Qt
from qgis.PyQt.QtGui import QFont

from ..i18n import tr
from .decision_log import display_row, kind_text


class LogModel(QAbstractTableModel):
    """The decision log, newest first; rows not yet stored (edits not saved) in italics."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows = []
        self._saved = set()

    def set_log(self, log):
        self.beginResetModel()
        self._rows = list(reversed(log.rows())) if log is not None else []
        self._saved = {row.id for row in self._rows if log.is_saved(row)} if log is not None else set()
        self.endResetModel()

    def row(self, position):
        return self._rows[position]

    def rowCount(self, parent=QModelIndex()):  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()):  # noqa: N802, B008
        return 0 if parent.isValid() else 7

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (tr("Time"), tr("Author"), tr("Change"), tr("From"), tr("To"), tr("Residents"), tr("Reason"))[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            number, time, author, kind, operation, sources, targets, blocks, population, reason, _ids = display_row(row)
            time = time[11:16] if len(time) >= 16 else time
            return (time, author, operation, sources, targets, population, reason)[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            saved = tr("saved") if row.id in self._saved else tr("not saved yet: stored when the layer's edits are saved")
            return f"{row.number}. {row.time}, {kind_text(row.kind)} ({saved})"
        if role == Qt.ItemDataRole.FontRole and row.id not in self._saved:
            font = QFont()
            font.setItalic(True)
            return font
        return None

