"""The dock's table of spaces: one row per space (status in colour, SSD, a lock box), and its filter."""
from __future__ import annotations

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt, pyqtSignal
from qgis.PyQt.QtGui import QColor

from ..engine.consultation.sessionrecords import WITHIN
from ..i18n import tr
from ..presentation.change_sections import natural_key
from .formatting import format_decimal, format_population, ssd_share_meaning, status_text

SPACE, LOCKED, POPULATION, BLOCKS, STATUS, SSD = range(6)  # the lock beside the name, always in view
COLOURS = {WITHIN: QColor(198, 239, 206), "below": QColor(255, 235, 156), "above": QColor(255, 199, 206),
           "split": QColor(244, 176, 132)}


def sort_key(label):
    """Numbers first, by value; then text labels in natural order ("2" before "10", "12" before "12a"),
    as the reports list them (an outside check found 1, 10, 11, 12a, ..., 2 in the dock)."""
    if isinstance(label, (int, float)):
        return (0, (0, label, ""))
    return (1, natural_key(label))


class SpacesModel(QAbstractTableModel):
    """One row per space of the session: its status, with a lock check box."""

    lock_toggled = pyqtSignal(object, bool)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows = []
        self.editable = False

    def set_statuses(self, statuses, across_barriers=()):
        """The rows; ``across_barriers``: spaces in pieces across a barrier line (named in their status)."""
        self.beginResetModel()
        self._rows = sorted(statuses, key=lambda status: sort_key(status.space))
        self._across = set(across_barriers)
        self.endResetModel()

    _across = frozenset()

    def status_text(self, status):
        text = status_text(status)
        if status.space in self._across:
            text = tr("{status}, across a barrier line").format(status=text)
        return text

    def status(self, row):
        return self._rows[row]

    def update_status(self, status):
        """Show one space's new status in its row (no reset: the views keep their indexes)."""
        for row, old in enumerate(self._rows):
            if old.space == status.space:
                self._rows[row] = status
                self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))
                return True
        return False

    def rowCount(self, parent=QModelIndex()):  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()):  # noqa: N802, B008
        return 0 if parent.isValid() else 6

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        # short headers, the full names as tooltips: a narrow dock keeps every column, the status too
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (tr("Space"), "", tr("Pop."), tr("Blocks"), tr("Status"), tr("SSD"))[section]
        if role == Qt.ItemDataRole.DecorationRole and section == LOCKED:
            return QgsApplication.getThemeIcon("/locked.svg")
        if role == Qt.ItemDataRole.ToolTipRole:
            if section == SSD:
                return tr("Sum of squared deviations of the space's blocks from its means ({meaning})").format(
                    meaning=ssd_share_meaning(self.ssd_weighted))
            return (tr("Space"), tr("Locked"), tr("Population"), tr("Blocks"), tr("Status"), None)[section]
        return None

    ssd_weighted = True

    def flags(self, index):
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == LOCKED and self.editable:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        status = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == SPACE:
                return str(status.space)
            if column == POPULATION:
                return format_population(status.population)
            if column == BLOCKS:
                return str(status.blocks)
            if column == STATUS:
                return self.status_text(status)
            if column == SSD:
                return format_decimal(status.ssd, 2)
            return None
        if role == Qt.ItemDataRole.UserRole:  # sort and filter values
            return (status.space, status.locked, status.population, status.blocks, self.status_text(status), status.ssd)[column]
        if role == Qt.ItemDataRole.CheckStateRole and column == LOCKED:
            return Qt.CheckState.Checked if status.locked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.BackgroundRole and column == STATUS:
            return COLOURS["split"] if not status.contiguous else COLOURS.get(status.bound)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (POPULATION, BLOCKS, SSD):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole):  # noqa: N802
        if role != Qt.ItemDataRole.CheckStateRole or index.column() != LOCKED or not self.editable:
            return False
        checked = value == Qt.CheckState.Checked or value == 2  # an int in PyQt5 and PyQt6 views
        self.lock_toggled.emit(self._rows[index.row()].space, bool(checked))
        return True


class SpacesFilter(QSortFilterProxyModel):
    """Rows whose space label or status contains the filter text."""

    def filterAcceptsRow(self, row, parent):  # noqa: N802
        text = self._text
        if not text:
            return True
        model = self.sourceModel()
        return any(text in str(model.index(row, column, parent).data() or "").casefold() for column in (SPACE, STATUS))

    _text = ""

    def set_text(self, text):
        self._text = text.strip().casefold()
        self.invalidateFilter()

