"""The dock's table of spaces: filter, selection (a row zooms to its space), lock boxes, a readable layout."""
from __future__ import annotations

from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QAbstractItemView, QLineEdit, QStyle, QTableView

from ..engine.errors import SozialraumError
from ..i18n import tr
from .spaces_model import LOCKED, SPACE, STATUS, SpacesFilter, SpacesModel

#: the spaces table shows at least this many rows however full the dock is
MINIMUM_ROWS = 5
#: pixels the status column keeps before the other headers give up their full names
MINIMUM_STATUS = 110
#: pixels around a cell's text or check box (the style's margins)
CELL_PADDING = 14
#: pixels of the sort arrow beside a header's name (its size hint leaves it out)
SORT_ARROW = 18


class SpacesTableView(QTableView):
    """The spaces table, every column in view in a narrow dock: the status column wraps rather than
    being cut at the right edge (desktop walk-through); the others as wide as their values, and as
    their headers when there is room."""

    def resizeEvent(self, event):  # noqa: N802
        super().resizeEvent(event)
        self.fit_columns()

    def fit_columns(self, *args):
        model = self.model()
        if model is None or model.columnCount() == 0:
            return
        header = self.horizontalHeader()
        others = [column for column in range(model.columnCount()) if column != STATUS]
        values = self._value_widths(model, others)
        arrow = {header.sortIndicatorSection(): SORT_ARROW} if header.isSortIndicatorShown() else {}
        named = {column: max(values[column], header.sectionSizeHint(column) + arrow.get(column, 0)) for column in others}
        room = self.viewport().width()
        status = min(max(header.sectionSizeHint(STATUS), self._value_widths(model, [STATUS])[STATUS]), MINIMUM_STATUS)
        # every header named when there is room, else the space's name kept and the others as wide as their values
        for widths in (named, {**values, SPACE: named[SPACE]}, values):
            if room - sum(widths.values()) >= status:
                break
        for column, width in widths.items():
            self.setColumnWidth(column, width)
        self.setColumnWidth(STATUS, max(MINIMUM_STATUS // 2, room - sum(widths.values())))
        self.fit_rows()

    def _value_widths(self, model, columns):
        """Pixels each column's values need, measured on their text (``sizeHintForColumn`` asks the
        model for every role of every cell: ten times the cost of the whole refresh)."""
        metrics = self.fontMetrics()
        rows = range(model.rowCount())
        widths = {}
        for column in columns:
            if column == LOCKED:
                widths[column] = self.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth) + CELL_PADDING
                continue
            texts = [model.index(row, column).data() or "" for row in rows]
            widths[column] = max((metrics.horizontalAdvance(text) for text in texts), default=0) + CELL_PADDING
        return widths

    def fit_rows(self, *args):
        """Rows whose status wraps as high as its lines; only those are measured (a refresh of every row
        to its contents cost 10x the whole refresh of 25 spaces: bench/consultation_ui_speed.py)."""
        model, metrics = self.model(), self.fontMetrics()
        room = self.columnWidth(STATUS) - 8
        default = self.verticalHeader().defaultSectionSize()
        for row in range(model.rowCount()):
            if metrics.horizontalAdvance(model.index(row, STATUS).data() or "") > room:
                self.resizeRowToContents(row)
            elif self.rowHeight(row) != default:
                self.setRowHeight(row, default)


class DockSpacesTable:
    """Part of :class:`~sozialraum.ui.consultation_dock.ConsultationDock`: the spaces table."""

    def _build_spaces_table(self, layout):
        """The filter (added to ``layout``) and the table of spaces (a lock box per row), returned."""
        self.filter_edit = QLineEdit()
        self.filter_edit.setObjectName("spacesFilter")
        self.filter_edit.setPlaceholderText(tr("Filter spaces"))
        self.filter_edit.setClearButtonEnabled(True)
        layout.addWidget(self.filter_edit)
        self.model = SpacesModel(self)
        self.model.lock_toggled.connect(self._lock_toggled)
        self.proxy = SpacesFilter(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(Qt.ItemDataRole.UserRole)
        self.filter_edit.textChanged.connect(self.proxy.set_text)
        self.table = SpacesTableView()
        self.table.setObjectName("spacesTable")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(True)  # by the header; the UserRole values sort numbers as numbers
        self.table.sortByColumn(SPACE, Qt.SortOrder.AscendingOrder)
        self.table.verticalHeader().setVisible(False)
        self._fit_spaces_table()
        self.table.clicked.connect(self._row_clicked)
        return self.table

    def _fit_spaces_table(self):
        """Room for several rows however full the dock is; the columns fit its width (``SpacesTableView``)."""
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(16)
        header.setTextElideMode(Qt.TextElideMode.ElideRight)  # a header narrower than its name: the tooltip has it
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        rows = self.table.verticalHeader()
        self.table.setMinimumHeight(header.sizeHint().height() + MINIMUM_ROWS * rows.defaultSectionSize())
        self.proxy.modelReset.connect(self.table.fit_columns)
        for signal in (self.proxy.layoutChanged, self.proxy.rowsInserted, self.proxy.rowsRemoved):  # sorted, filtered
            signal.connect(self.table.fit_rows)

    # -- table ------------------------------------------------------------------------

    def current_space(self):
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows:
            return None
        return self.model.status(self.proxy.mapToSource(rows[0]).row()).space

    def row_of(self, space):
        for row in range(self.model.rowCount()):
            if self.model.status(row).space == space:
                return row
        return None

    def select_space(self, space, zoom=True):
        """Select the row of ``space``; with ``zoom`` also its blocks on the layer, zoomed to."""
        row = self.row_of(space)
        if row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, SPACE))
        if index.isValid():
            self.table.selectRow(index.row())
            self.table.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        if zoom:
            self._show_space(space)
        return True

    def _row_clicked(self, index):
        # a fresh proxy index of the row: one the view kept from before a model reset maps to
        # another source row (a click on a lock box selected another space, issue 19, 7)
        source = self.proxy.mapToSource(self.proxy.index(index.row(), SPACE))
        if not source.isValid():
            return
        space = self.model.status(source.row()).space
        if index.column() != LOCKED:  # a lock is set where the planner looks: no zoom, no selection left on
            self._show_space(space)
        self.current_space_changed.emit(space)

    def _show_space(self, space):
        layer_session = self.layer_session
        if layer_session is None:
            return
        try:
            blocks = layer_session.session.blocks_of(space)
        except SozialraumError:
            return
        layer = layer_session.layer
        layer.selectByIds(list(blocks))
        if self.canvas is not None and blocks:
            extent = layer_session.blocks_geometry(blocks).boundingBox()
            extent = self.canvas.mapSettings().layerExtentToOutputExtent(layer, extent)
            extent.scale(1.2)
            self.canvas.setExtent(extent)
            self.canvas.refresh()

    def _lock_toggled(self, space, locked):
        layer_session = self.layer_session
        if layer_session is None or layer_session.editing_problem():
            return
        layer_session.set_locked(space, locked, self.report)
        self.model.update_status(layer_session.session.status(space))
        # the rest later, not now: the view is still handling the click that set the check state, and
        # resetting the model under it leaves it with stale indexes (issue 19, 7)
        self.schedule_refresh()

