"""The consultation dock: choose the layer and fields, open a session, see every space live.

A table of spaces (population, blocks, status in colour, SSD, lock), totals and the number of
problems at the top, a filter; clicking a row selects the space's blocks and zooms to them.
The table follows :attr:`LayerSession.changed` (already throttled) through one more single-shot
timer, so a burst of edits repaints once.

Also here, each in its own module: *Re-optimise…* with its preview (``ui/reoptimise.py``), the
live spaces layer (``ui/live_spaces.py``), and the plugin state kept in the project
(``ui/project_state.py``: written when a session opens and after changes, restored when a
project is read).
"""
from __future__ import annotations

import uuid

from qgis.core import QgsProject, QgsVectorLayer
from qgis.gui import QgsCheckableComboBox, QgsDockWidget, QgsDoubleSpinBox, QgsFieldComboBox, QgsMapLayerComboBox
from qgis.PyQt.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt, QTimer, pyqtSignal
from qgis.PyQt.QtGui import QColor, QFont
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..algorithms.run_parameters import delineation_of
from ..engine.errors import SozialraumError
from ..engine.sessionrecords import WITHIN
from ..i18n import tr
from . import session_choices as choices
from .compat import LINE_GEOMETRY, NUMERIC_FIELDS, POLYGON_LAYERS, disconnect_all
from .decision_log import ask_author_once, display_row, kind_text, write_csv, write_html, write_xlsx
from .dock_body import scrolling
from .live_spaces import LIVE_PROPERTY, LiveSpaces
from .map_layers import hide_covering_spaces, show_layers
from .paint_tool import format_decimal, format_population, status_text
from .project_state import ConsultationState, read_state, write_state
from .reoptimise import Reoptimiser
from .session_layer import LayerSession, SessionInputError, check_layer, is_derived

SPACE, LOCKED, POPULATION, BLOCKS, STATUS, SSD = range(6)  # the lock beside the name, always in view
COLOURS = {WITHIN: QColor(198, 239, 206), "below": QColor(255, 235, 156), "above": QColor(255, 199, 206),
           "split": QColor(244, 176, 132)}
REFRESH_DELAY = 80


def remove_layer(layer_id):
    """Remove a layer from the project when it is still there."""
    if QgsProject.instance().mapLayer(layer_id) is not None:
        QgsProject.instance().removeMapLayer(layer_id)


def sort_key(label):
    return (0, label, "") if isinstance(label, (int, float)) else (1, 0, str(label))


def crs_note(layer, canvas):
    """What the planner should know when the layer and the map use different CRSs ('' when they agree).

    Nothing is refused: the tools transform every click into the layer's CRS. A layer without a
    CRS cannot be transformed, so clicks are taken as layer coordinates and may miss the blocks.
    """
    if canvas is None:
        return ""
    map_crs = canvas.mapSettings().destinationCrs()
    if not layer.crs().isValid():
        return tr("The layer has no coordinate reference system: set it in the layer properties (Source), "
                  "otherwise clicks on the map may miss the blocks.")
    if not map_crs.isValid() or layer.crs() == map_crs:
        return ""
    return tr("The layer is in {layer_crs}, the map in {map_crs}: clicks are transformed into the layer's CRS.").format(
        layer_crs=layer.crs().authid() or layer.crs().description(), map_crs=map_crs.authid() or map_crs.description())

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
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (tr("Space"), tr("Locked"), tr("Population"), tr("Blocks"), tr("Status"), tr("SSD"))[section]
        return None

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


class ConsultationDock(QgsDockWidget):
    """The dock; ``session_opened``/``session_closed`` tell the plugin to enable its tools."""

    session_opened = pyqtSignal(object)
    session_closed = pyqtSignal()
    current_space_changed = pyqtSignal(object)

    def __init__(self, iface=None, canvas=None, parent=None):
        super().__init__(tr("Sozialraum consultation"), parent)
        self.setObjectName("SozialraumConsultationDock")
        self.iface = iface
        self.canvas = canvas if canvas is not None else (iface.mapCanvas() if iface is not None else None)
        self.layer_session = None
        self._hidden_layers = []  # ids of layers hidden while the session is open
        self._notice = ""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_DELAY)
        self._timer.timeout.connect(self.refresh)

        body = QWidget()
        layout = QVBoxLayout(body)
        form = QFormLayout()
        self.layer_combo = QgsMapLayerComboBox()
        self.layer_combo.setFilters(POLYGON_LAYERS)
        self.layer_combo.setObjectName("blocksLayer")
        self.space_combo = QgsFieldComboBox()
        self.space_combo.setObjectName("spaceField")
        self.population_combo = QgsFieldComboBox()
        self.population_combo.setFilters(NUMERIC_FIELDS)
        self.population_combo.setObjectName("populationField")
        self.attributes_combo = QgsCheckableComboBox()
        self.attributes_combo.setObjectName("attributes")
        self.layer_combo.layerChanged.connect(self._layer_chosen)
        bounds = QHBoxLayout()
        self.lower_spin = QgsDoubleSpinBox()
        self.upper_spin = QgsDoubleSpinBox()
        self.lower_spin.setObjectName("lowerBound")
        self.upper_spin.setObjectName("upperBound")
        self._choosing = False  # True while the dock fills in the choices for a layer
        self._choices = {}  # layer id -> the choices made for it (kept when switching layers)
        for spin, value in zip((self.lower_spin, self.upper_spin), choices.algorithm_bounds()):
            spin.setRange(0.0, 1e9)
            spin.setDecimals(0)
            spin.setSingleStep(100.0)
            spin.setValue(value)
            spin.setClearValue(value)
            spin.valueChanged.connect(self._bounds_changed)
            bounds.addWidget(spin)
        self.space_combo.setAllowEmptyFieldName(True)  # rather nothing than the feature id
        self.population_combo.setAllowEmptyFieldName(True)
        form.addRow(tr("Blocks layer"), self.layer_combo)
        form.addRow(tr("Space field"), self.space_combo)
        form.addRow(tr("Population field"), self.population_combo)
        form.addRow(tr("Attributes"), self.attributes_combo)
        form.addRow(tr("Population bounds"), bounds)
        self.barriers_combo = QgsCheckableComboBox()
        self.barriers_combo.setObjectName("barrierLayers")
        self.barriers_combo.setToolTip(tr("Barrier lines that cut the neighbourhood of blocks (railways, rivers, major "
                                          "roads), as in 'Propose social spaces'. A layer made by that algorithm brings "
                                          "the barriers, gap distance and nesting field of its run."))
        # the model's signal: checkedItemsChanged misses check states set from code on QGIS 3.22
        self.barriers_combo.model().dataChanged.connect(lambda *args: self._show_neighbourhood(self.layer_combo.currentLayer()))
        self.barriers_label = QLabel(tr("Barrier lines"))
        form.addRow(self.barriers_label, self.barriers_combo)
        self.neighbourhood_label = QLabel()
        self.neighbourhood_label.setWordWrap(True)
        self.neighbourhood_label.setObjectName("neighbourhood")
        form.addRow(tr("Neighbourhood"), self.neighbourhood_label)
        layout.addLayout(form)
        self.open_button = QPushButton(tr("Open session"))
        self.open_button.setObjectName("openSession")
        self.open_button.clicked.connect(self.open_session)
        layout.addWidget(self.open_button)
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.message_label.setObjectName("sessionMessage")
        layout.addWidget(self.message_label)
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.summary_label.setObjectName("sessionSummary")
        layout.addWidget(self.summary_label)
        self.reason_edit = QLineEdit()
        self.reason_edit.setObjectName("decisionReason")
        self.reason_edit.setPlaceholderText(tr("Reason for the next change (optional)"))
        self.reason_edit.setClearButtonEnabled(True)
        layout.addWidget(self.reason_edit)
        self._build_reoptimise(layout)
        self.live = None
        self.live_check = QCheckBox(tr("Live spaces layer"))
        self.live_check.setObjectName("liveSpaces")
        self.live_check.setToolTip(tr("A layer of the dissolved spaces with population, status and the attributes' "
                                      "means, updated after every change (for maps and labels during the meeting)."))
        self.live_check.toggled.connect(self._live_toggled)
        self.action_row.addWidget(self.live_check)
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
        self.table = QTableView()
        self.table.setObjectName("spacesTable")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(True)  # by the header; the UserRole values sort numbers as numbers
        self.table.sortByColumn(SPACE, Qt.SortOrder.AscendingOrder)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.clicked.connect(self._row_clicked)
        layout.addWidget(self.table, 3)  # the spaces first: the log gets a quarter of what is left
        layout.addWidget(QLabel(tr("Decision log (newest first)")))
        self.log_model = LogModel(self)
        self.log_table = QTableView()
        self.log_table.setObjectName("decisionLog")
        self.log_table.setModel(self.log_model)
        self.log_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.log_table.verticalHeader().setVisible(False)
        log_header = self.log_table.horizontalHeader()
        log_header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        log_header.setStretchLastSection(True)
        layout.addWidget(self.log_table, 1)
        exports = QHBoxLayout()
        self.csv_button = QPushButton(tr("Export log as CSV…"))
        self.csv_button.setObjectName("exportLogCsv")
        self.csv_button.clicked.connect(self._export_csv_clicked)
        self.html_button = QPushButton(tr("Export log as HTML…"))
        self.html_button.setObjectName("exportLogHtml")
        self.html_button.clicked.connect(self._export_html_clicked)
        self.xlsx_button = QPushButton(tr("Export log as XLSX…"))
        self.xlsx_button.setObjectName("exportLogXlsx")
        self.xlsx_button.clicked.connect(self._export_xlsx_clicked)
        exports.addWidget(self.csv_button)
        exports.addWidget(self.xlsx_button)
        exports.addWidget(self.html_button)
        layout.addLayout(exports)
        self.setWidget(scrolling(body))  # texts never cut, whatever the dock's height
        self._layer_chosen(self.layer_combo.currentLayer())
        QgsProject.instance().layerWillBeRemoved.connect(self._layer_removed)
        QgsProject.instance().layersAdded.connect(self._project_layers_added)
        self._project_layers_added()
        # plugin state in the project (ui/project_state.py): restored when a project is read
        self.session_id = None
        self._restored = None
        QgsProject.instance().readProject.connect(self._project_read)
        QgsProject.instance().cleared.connect(self._project_cleared)
        self.visibilityChanged.connect(self._visibility_changed)
        self.restore_from_project()

    def _build_reoptimise(self, layout):
        """The "Re-optimise…" button and its preview panel (summary, Apply, Discard), hidden until asked."""
        self.reoptimiser = Reoptimiser(self.canvas, self)
        self.reoptimiser.changed.connect(self._show_proposal)
        self.reoptimiser.outdated.connect(self._proposal_outdated)
        self.reoptimise_button = QPushButton(tr("Re-optimise…"))
        self.reoptimise_button.setObjectName("reoptimise")
        self.reoptimise_button.setToolTip(tr("Let the engine improve the division around the decisions: locked spaces "
                                             "and blocks placed by hand stay as they are. Shows a preview first."))
        self.reoptimise_button.clicked.connect(self.reoptimise)
        self.action_row = QHBoxLayout()  # the button and the live layer's check box share a row
        self.action_row.addWidget(self.reoptimise_button, 1)
        layout.addLayout(self.action_row)
        self.proposal_panel = QWidget()
        self.proposal_panel.setObjectName("reoptimisePreview")
        panel = QVBoxLayout(self.proposal_panel)
        panel.setContentsMargins(0, 0, 0, 0)
        self.proposal_label = QLabel()
        self.proposal_label.setWordWrap(True)
        self.proposal_label.setObjectName("reoptimiseSummary")
        panel.addWidget(self.proposal_label)
        buttons = QHBoxLayout()
        self.apply_button = QPushButton(tr("Apply"))
        self.apply_button.setObjectName("applyReoptimise")
        self.apply_button.clicked.connect(self.apply_reoptimisation)
        self.discard_button = QPushButton(tr("Discard"))
        self.discard_button.setObjectName("discardReoptimise")
        self.discard_button.clicked.connect(self.discard_reoptimisation)
        buttons.addWidget(self.apply_button)
        buttons.addWidget(self.discard_button)
        panel.addLayout(buttons)
        self.proposal_panel.setVisible(False)
        layout.addWidget(self.proposal_panel)

    def reoptimise(self):
        """Preview the engine's re-optimisation around the decisions (nothing is written); returns the proposal."""
        layer_session = self.layer_session
        if layer_session is None:
            self.show_message(tr("Open a session on a blocks layer first."), problem=True)
            return None
        problem = layer_session.editing_problem()
        if problem:
            self.show_message(problem, problem=True)
            return None
        try:
            return self.reoptimiser.propose(layer_session)
        except SozialraumError as error:
            self.show_message(str(error), problem=True)
            return None

    def apply_reoptimisation(self):
        """Write the previewed re-optimisation as one undoable command; returns the change (None when refused)."""
        result = self.reoptimiser.apply()
        if isinstance(result, str):
            self.show_message(result, problem=True)
            return None
        self.refresh()
        return result

    def discard_reoptimisation(self):
        self.reoptimiser.discard()
        self.proposal_panel.setVisible(False)

    def _proposal_outdated(self):
        """Say so in the panel (the message line belongs to the refresh): the preview is gone, Apply too."""
        self.proposal_label.setText(tr("The division changed since the preview: the re-optimisation preview was "
                                       "discarded. Re-optimise again when you are ready."))
        self.proposal_panel.setVisible(True)
        self.apply_button.setEnabled(False)

    def _show_proposal(self):
        self.proposal_label.setText(self.reoptimiser.text())
        self.proposal_panel.setVisible(self.reoptimiser.proposal is not None)
        self.apply_button.setEnabled(self.reoptimiser.proposal is not None and not self.reoptimiser.proposal.is_empty)

    # -- live spaces layer ------------------------------------------------------------
    def _live_toggled(self, checked):
        if checked:
            self._start_live()
        else:
            self._stop_live(remove=True)

    def _start_live(self):
        """The live layer of the open session, added to the project (nothing without a session)."""
        self._stop_live(remove=True)
        if self.layer_session is None:
            return None
        self.live = LiveSpaces(self.layer_session, self.layer_session.attributes, self)
        QgsProject.instance().addMapLayer(self.live.layer)  # QGIS makes a layer it adds the active one ...
        self._activate_blocks()  # ... but Ctrl+Z and the Undo panel act on the active layer: the blocks
        return self.live

    def _activate_blocks(self):
        """Make the session's blocks layer the active layer (the undo stack QGIS shows and Ctrl+Z uses)."""
        if self.iface is not None and self.layer_session is not None:
            self.iface.setActiveLayer(self.layer_session.layer)

    def _replace_saved_live_layers(self):
        """Remove live layers a saved project brought back (empty memory layers); True when there were any."""
        project = QgsProject.instance()
        saved = [layer_id for layer_id, layer in project.mapLayers().items() if layer.customProperty(LIVE_PROPERTY)]
        if saved:
            project.removeMapLayers(saved)
        return bool(saved)

    def _stop_live(self, remove, later=False):
        """Stop the live layer; ``remove`` it from the project, ``later`` when the project is
        removing layers right now (removing one more inside its loop would leave it a deleted layer)."""
        live, self.live = self.live, None
        if live is None:
            return
        live.close()
        if remove:
            layer_id = live.layer.id()
            if later:
                QTimer.singleShot(0, lambda: remove_layer(layer_id))
            else:
                remove_layer(layer_id)
        if self.canvas is not None:  # the canvas keeps the removed layer's outlines and labels until redrawn
            self.canvas.refresh()

    def cleanup(self):
        """Let go of the project and the session (the plugin's unload)."""
        disconnect_all([(QgsProject.instance().layerWillBeRemoved, self._layer_removed),
                        (QgsProject.instance().layersAdded, self._project_layers_added),
                        (QgsProject.instance().readProject, self._project_read),
                        (QgsProject.instance().cleared, self._project_cleared)])
        self.close_session()

    def _layer_removed(self, layer_id):
        if self.live is not None and self.live.layer.id() == layer_id:  # the user removed the live layer
            self._stop_live(remove=False)
            self.live_check.blockSignals(True)
            self.live_check.setChecked(False)
            self.live_check.blockSignals(False)
        if self.layer_session is not None and self.layer_session.layer_id == layer_id:
            self._stop_live(remove=True, later=True)
            self.close_session(restore_later=True)
            self.show_message(tr("The session's layer was removed from the project."), problem=True)

    # -- session ----------------------------------------------------------------------
    def _project_layers_added(self, *args):
        """Never offer a derived layer (the live spaces layer) as blocks layer; offer new line layers as barriers."""
        derived = [layer for layer in QgsProject.instance().mapLayers().values() if is_derived(layer)]
        self.layer_combo.setExceptedLayerList(derived)
        checked = {QgsProject.instance().mapLayer(i).source() for i in self.barriers_combo.checkedItemsData()
                   if QgsProject.instance().mapLayer(i) is not None}
        self._fill_barriers(checked)

    def _line_layers(self):
        return [layer for layer in QgsProject.instance().mapLayers().values()
                if isinstance(layer, QgsVectorLayer) and layer.geometryType() == LINE_GEOMETRY]

    def _fill_barriers(self, checked_sources=()):
        """The project's line layers as barrier choices (item data: the layer id)."""
        self.barriers_combo.clear()
        for layer in sorted(self._line_layers(), key=lambda lay: lay.name().casefold()):
            self.barriers_combo.addItemWithCheckState(
                layer.name(), Qt.CheckState.Checked if layer.source() in checked_sources else Qt.CheckState.Unchecked,
                layer.id())

    def neighbourhood(self, layer):
        """The rules the session's contiguity follows (``session_choices.Neighbourhood``): the run's
        record, else the barrier lines chosen here."""
        project = QgsProject.instance()
        chosen = [project.mapLayer(layer_id) for layer_id in self.barriers_combo.checkedItemsData()]
        return choices.neighbourhood(layer, [b for b in chosen if b is not None], self._line_layers())

    def _show_neighbourhood(self, layer):
        record = delineation_of(layer) if layer is not None else None
        # chosen here only without a record: with one, the Neighbourhood line names the run's barriers
        self.barriers_combo.setVisible(record is None)
        self.barriers_label.setVisible(record is None)
        self.neighbourhood_label.setText(self.neighbourhood(layer).text if layer is not None else "")

    def _layer_chosen(self, layer):
        """Fields, attributes and bounds for ``layer``: as last chosen for it in this dock, else the
        run's record (``session_choices``); the choices of the layer left are kept for coming back."""
        self._remember_choices()
        self._choosing = True
        try:
            record = delineation_of(layer) if layer is not None else None
            self._fill_barriers([b.get("source") for b in (record or {}).get("barriers", [])])
            self._show_neighbourhood(layer)
            self.space_combo.setLayer(layer)
            self.population_combo.setLayer(layer)
            self.attributes_combo.clear()
            self._chosen_layer_id = layer.id() if layer is not None else None
            if layer is None:
                return
            self.attributes_combo.addItems([field.name() for field in layer.fields() if field.isNumeric()])
            kept = self._choices.get(layer.id())
            if kept is not None:
                space, population, attributes, (lower, upper) = kept
            else:
                space, population = choices.space_field(layer, record), choices.population_field(layer, record)
                attributes, (lower, upper) = choices.attributes(layer, record), choices.bounds_for(record)
            self.space_combo.setField(space)
            self.population_combo.setField(population)
            self.attributes_combo.setCheckedItems(list(attributes))
            self.lower_spin.setValue(lower)
            self.upper_spin.setValue(upper)
        finally:
            self._choosing = False

    def _remember_choices(self):
        layer_id = getattr(self, "_chosen_layer_id", None)
        if layer_id is not None and QgsProject.instance().mapLayer(layer_id) is not None:
            self._choices[layer_id] = (self.space_combo.currentField(), self.population_combo.currentField(),
                                       tuple(self.attributes_combo.checkedItems()),
                                       (self.lower_spin.value(), self.upper_spin.value()))

    def _bounds_changed(self, *args):
        """New bounds apply to the open session at once (its layer chosen in the dock)."""
        layer_session = self.layer_session
        if self._choosing or layer_session is None or self.layer_combo.currentLayer() is not layer_session.layer:
            return
        lower, upper = self.lower_spin.value(), self.upper_spin.value()
        if (lower, upper) == layer_session.bounds:
            return
        try:
            layer_session.set_bounds(lower, upper)
        except SessionInputError as error:
            self.show_message(str(error), problem=True)
            return
        self.refresh()

    def open_session(self):
        """Open a session with the choices of the dock; a bad choice shows its message.

        The locks are those the layer's decision log lists (``decision_log.locked_spaces``): opened
        again, after another layer or from a reloaded project, no lock is dropped and the log and
        the lock state agree.
        """
        layer = self.layer_combo.currentLayer()
        if layer is not None and is_derived(layer):  # refused before closing: that would remove the live layer
            self.show_message(check_layer(layer), problem=True)
            return None
        old = self.layer_session
        restored, self._restored = self._restored, None
        session_id = None
        if old is not None and old.layer is layer and old.space_field == self.space_combo.currentField():
            session_id = self.session_id
        elif (restored is not None and layer is not None and restored.layer_id == layer.id()
              and restored.space_field == self.space_combo.currentField()):
            session_id = restored.session_id  # the state the project was saved with
        self.close_session()
        attributes = [a for a in self.attributes_combo.checkedItems() if a != self.population_combo.currentField()]
        rules = self.neighbourhood(layer)
        try:
            layer_session = LayerSession(layer, self.space_combo.currentField() or "", self.population_combo.currentField() or "",
                                         attributes, self.lower_spin.value(), self.upper_spin.value(), gap=rules.gap,
                                         parent=self, barriers=rules.barriers, nest=rules.nest,
                                         added_links=rules.added_links,
                                         weighting=choices.weighting(delineation_of(layer) if layer is not None else None,
                                                                     attributes))
        except SessionInputError as error:
            self.show_message(str(error), problem=True)
            return None
        if self.iface is not None:  # the desktop: ask the author's name once
            ask_author_once(self)
        self.session_id = session_id or uuid.uuid4().hex
        self.set_layer_session(layer_session)
        return layer_session

    # -- project state ----------------------------------------------------------------
    def state(self):
        """The plugin state of the open session (None without one)."""
        layer_session = self.layer_session
        if layer_session is None:
            return None
        lower, upper = layer_session.bounds
        return ConsultationState(layer_session.layer_id, layer_session.space_field, layer_session.population_field,
                                 tuple(layer_session.attributes), lower, upper,
                                 tuple(sorted(layer_session.session.locked, key=sort_key)), self.session_id or "")

    def save_state(self):
        """Write the state to the project when it changed (opening, locks); True when written."""
        state = self.state()
        return state is not None and write_state(QgsProject.instance(), state)

    def restore_from_project(self):
        """Choose the layer, fields and bounds the project was saved with; the session opens (with
        its locks and id) when the dock is shown, or at once when it is visible. Returns the state."""
        state = read_state(QgsProject.instance())
        layer = QgsProject.instance().mapLayer(state.layer_id) if state is not None else None
        if layer is None or self.layer_session is not None:
            return None
        self.layer_combo.setLayer(layer)
        self._choosing = True  # no session yet: nothing to apply the bounds to
        self.space_combo.setField(state.space_field)
        self.population_combo.setField(state.population_field)
        self.attributes_combo.setCheckedItems(list(state.attributes))
        self.lower_spin.setValue(state.lower)
        self.upper_spin.setValue(state.upper)
        self._choosing = False
        self._restored = state
        if self.isVisible():
            self.open_session()
        return state

    def _project_read(self, *args):
        self.restore_from_project()
        # QGIS makes the top layer of the tree current after reading the project, once its own
        # handlers are through: the session's blocks must win, or Ctrl+Z acts on another layer
        QTimer.singleShot(0, self._activate_blocks)

    def _project_cleared(self):
        self._restored = None

    def _visibility_changed(self, visible):
        if visible and self._restored is not None and self.layer_session is None:
            self.open_session()

    def set_layer_session(self, layer_session):
        self.close_session()
        hidden = hide_covering_spaces(layer_session.layer)
        self._hidden_layers = [layer.id() for layer in hidden]
        hidden = [layer.name() for layer in hidden]
        self._notice = tr("Hidden while the session is open (they lie over the blocks and do not follow the changes): "
                          "{layers}.").format(layers=", ".join(hidden)) if hidden else ""
        if hidden and self.iface is not None:
            self.iface.messageBar().pushInfo(tr("Sozialraum consultation"), self._notice)
        self.layer_session = layer_session
        layer_session.changed.connect(self.schedule_refresh)
        layer_session.locks_rebuilt.connect(self.schedule_refresh)
        layer_session.reason_source = self.take_reason
        layer_session.decision_log.changed.connect(self.schedule_refresh)
        layer_session.decision_log.write_failed.connect(self._log_write_failed)
        layer_session.layer.editingStarted.connect(self.refresh)
        layer_session.layer.editingStopped.connect(self.refresh)
        self.refresh()
        self.save_state()
        if self._replace_saved_live_layers():
            self.live_check.blockSignals(True)
            self.live_check.setChecked(True)
            self.live_check.blockSignals(False)
        if self.live_check.isChecked():
            self._start_live()
        self._activate_blocks()
        self.session_opened.emit(layer_session)

    def close_session(self, restore_later=False):
        """End the session; the layers it hid are shown again (``restore_later``: once the layer
        removal that closes it is through, never inside the project's removal loop)."""
        if self.layer_session is None:
            return
        self.reoptimiser.discard()
        self._stop_live(remove=True)
        old, self.layer_session = self.layer_session, None
        hidden, self._hidden_layers = self._hidden_layers, []
        if restore_later:
            QTimer.singleShot(0, lambda: show_layers(hidden))
        else:
            show_layers(hidden)
        self._notice = ""
        old.close()
        old.reason_source = None
        disconnect_all([(old.layer.editingStarted, self.refresh), (old.layer.editingStopped, self.refresh),
                        (old.decision_log.changed, self.schedule_refresh),
                        (old.decision_log.write_failed, self._log_write_failed)])
        self.model.set_statuses([])
        self.log_model.set_log(None)
        self.summary_label.clear()
        self.session_closed.emit()

    def show_message(self, text, problem=False):
        self.message_label.setText(text)
        self.message_label.setStyleSheet("color: #b00020;" if problem else "")

    # -- table ------------------------------------------------------------------------
    def schedule_refresh(self):
        if not self._timer.isActive():
            self._timer.start()

    def refresh(self):
        """Show the session as it is now (the timer calls this; tests may too)."""
        self._timer.stop()
        layer_session = self.layer_session
        if layer_session is None:
            return
        session = layer_session.session
        current = self.current_space()
        self.model.editable = layer_session.editing_problem() is None
        self.model.set_statuses(session.statuses(), layer_session.spaces_across_barriers())
        self.log_model.set_log(layer_session.decision_log)
        self.save_state()  # the locks may have changed
        summary = session.summary()
        lower, upper = session.bounds
        self.summary_label.setText(tr(
            "{spaces} spaces, {population} residents in {blocks} blocks; bounds {lower}–{upper}. "
            "Problems: {problems} ({below} below, {above} above, {split} not contiguous); {locked} locked. "
            "SSD share {share}").format(
            spaces=summary.spaces, population=format_population(summary.population), blocks=summary.blocks,
            lower=format_population(lower), upper=format_population(upper), problems=summary.problems, below=summary.below,
            above=summary.above, split=summary.not_contiguous, locked=summary.locked,
            share=format_decimal(summary.ssd_share, 3) if layer_session.attributes else tr("– (no attributes chosen)")))
        problem = layer_session.editing_problem()
        text = problem or tr("Editing '{layer}': paint, merge, split, make new spaces and lock; every change is one undo step.").format(
            layer=layer_session.layer.name())
        note = " ".join(part for part in (crs_note(layer_session.layer, self.canvas), self._notice) if part)
        log_problem = layer_session.decision_log.problem  # a failed write of the log stays in view until one works
        text, problem = (f"{log_problem} {text}", True) if log_problem else (text, problem)
        self.show_message(f"{text} {note}" if note else text, problem=bool(problem))
        if current is not None:
            self.select_space(current, zoom=False)

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

    # -- decision log -----------------------------------------------------------------
    def take_reason(self):
        """The reason typed for the next change, cleared (it belongs to one change only)."""
        text = self.reason_edit.text().strip()
        self.reason_edit.clear()
        return text

    def _log_write_failed(self, text):
        self.show_message(text, problem=True)

    def log_rows(self):
        """The log of the open session, oldest first ([] without a session)."""
        return self.layer_session.decision_log.rows() if self.layer_session is not None else []

    def export_log_csv(self, path):
        return write_csv(self.log_rows(), path)

    def export_log_html(self, path):
        name = self.layer_session.layer.name() if self.layer_session is not None else ""
        return write_html(self.log_rows(), path, name)

    def export_log_xlsx(self, path):
        return write_xlsx(self.log_rows(), path)

    def _export_xlsx_clicked(self):
        self._export(tr("Export the decision log as XLSX"), tr("Excel workbooks (*.xlsx)"), ".xlsx", self.export_log_xlsx)

    def _export_csv_clicked(self):
        self._export(tr("Export the decision log as CSV"), tr("CSV files (*.csv)"), ".csv", self.export_log_csv)

    def _export_html_clicked(self):
        self._export(tr("Export the decision log as HTML"), tr("HTML files (*.html)"), ".html", self.export_log_html)

    def _export(self, title, filter_text, suffix, writer):
        if self.layer_session is None:
            self.show_message(tr("Open a session on a blocks layer first."), problem=True)
            return None
        path, _ = QFileDialog.getSaveFileName(self, title, "", filter_text)
        if not path:
            return None
        if not path.lower().endswith(suffix):
            path += suffix
        try:
            writer(path)
        except OSError as error:
            self.show_message(tr("The decision log could not be written to {path}: {error}").format(path=path, error=error),
                              problem=True)
            return None
        self.show_message(tr("Decision log written to {path}.").format(path=path))
        return path

    def _lock_toggled(self, space, locked):
        layer_session = self.layer_session
        if layer_session is None or layer_session.editing_problem():
            return
        layer_session.set_locked(space, locked)
        self.model.update_status(layer_session.session.status(space))
        # the rest later, not now: the view is still handling the click that set the check state, and
        # resetting the model under it leaves it with stale indexes (issue 19, 7)
        self.schedule_refresh()
