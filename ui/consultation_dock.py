"""The consultation dock: choose the layer and fields, open a session, see every space live.

A table of spaces (population, blocks, status in colour, SSD, lock), totals and the number of
problems at the top, a filter; clicking a row selects the space's blocks and zooms to them.
The table follows :attr:`LayerSession.changed` (already throttled) through one more single-shot
timer, so a burst of edits repaints once; an operation the session layer performed
(``performed``) refreshes the table and the live layer at once.

The dock's parts, each in its own module: the choices (``ui/dock_choices.py``), the table
models (``ui/spaces_model.py``, ``ui/log_model.py``), *Re-optimise…* (``ui/dock_reoptimise.py``),
the live spaces layer (``ui/dock_live.py``), the decision log's reason and export
(``ui/dock_log.py``) and the plugin state kept in the project (``ui/dock_state.py``).
"""
from __future__ import annotations

import uuid

from qgis.core import Qgis, QgsProject
from qgis.gui import QgsCheckableComboBox, QgsDockWidget, QgsDoubleSpinBox, QgsFieldComboBox, QgsMapLayerComboBox
from qgis.PyQt.QtCore import Qt, QTimer, pyqtSignal
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..i18n import tr
from ..qgisio.run_parameters import delineation_of
from . import session_choices as choices
from .compat import NUMERIC_FIELDS, POLYGON_LAYERS, disconnect_all
from .decision_log import ask_author_once
from .dock_body import scrolling
from .dock_choices import DockChoices
from .dock_comments import DockExpertComments
from .dock_live import DockLiveLayer
from .dock_log import DockDecisionLog
from .dock_reoptimise import DockReoptimise
from .dock_state import DockProjectState
from .dock_table import DockSpacesTable
from .dock_variants import DockVariants
from .formatting import format_population, ssd_share_figure
from .layer_checks import check_layer, crs_note, is_derived
from .log_model import LogModel
from .map_layers import hide_covering_spaces, show_layers
from .message_bar import OPERATION, SESSION, MessageBarReporter
from .session_layer import LayerSession, SessionInputError

REFRESH_DELAY = 80


class ConsultationDock(DockSpacesTable, DockChoices, DockReoptimise, DockLiveLayer, DockDecisionLog, DockExpertComments,
                       DockProjectState, DockVariants, QgsDockWidget):
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
        #: the message bar, one report of a kind at a time (none without QGIS's window: the dock's message line)
        self.reporter = MessageBarReporter(iface.messageBar()) if iface is not None else None
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
        self._build_variants(layout)  # ui/dock_variants.py: save, switch, delete, compare
        # the spaces and the log share the room left, in a splitter the planner can move (3:1 at first)
        self.tables_splitter = QSplitter(Qt.Orientation.Vertical)
        self.tables_splitter.setObjectName("tablesSplitter")
        self.tables_splitter.setChildrenCollapsible(False)
        self.tables_splitter.addWidget(self._build_spaces_table(layout))
        log_box = QWidget()
        log_layout = QVBoxLayout(log_box)
        log_layout.setContentsMargins(0, 0, 0, 0)
        self.tables_splitter.addWidget(log_box)
        self.tables_splitter.setStretchFactor(0, 3)
        self.tables_splitter.setStretchFactor(1, 1)
        layout.addWidget(self.tables_splitter, 1)
        layout = log_layout
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
        self.log_table.setMinimumHeight(self.log_table.horizontalHeader().sizeHint().height() * 3)
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
        self._build_comments_import(layout)
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


    def cleanup(self):
        """Let go of the project and the session (the plugin's unload)."""
        disconnect_all([(QgsProject.instance().layerWillBeRemoved, self._layer_removed),
                        (QgsProject.instance().layersAdded, self._project_layers_added),
                        (QgsProject.instance().readProject, self._project_read),
                        (QgsProject.instance().cleared, self._project_cleared)])
        self.close_session()


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
        warnings = list(layer_session.warnings)
        if rules.missing:  # not only in the small print of the dock: contiguity differs from the run's
            warnings.insert(0, choices.missing_barriers_text(rules.missing, rules.replaced))
        if warnings:  # before the hint the session gave (e.g. to toggle editing), which stays
            self.show_message("\n".join(warnings + [self.message_label.text()]).strip(), problem=True)
        return layer_session

    def set_layer_session(self, layer_session):
        self.close_session()
        hidden = hide_covering_spaces(layer_session.layer)
        self._hidden_layers = [layer.id() for layer in hidden]
        hidden = [layer.name() for layer in hidden]
        self._notice = tr("Hidden while the session is open (they lie over the blocks and do not follow the changes): "
                          "{layers}.").format(layers=", ".join(hidden)) if hidden else ""
        if hidden and self.reporter is not None:
            self.report(self._notice, Qgis.MessageLevel.Info, SESSION)
        self.layer_session = layer_session
        layer_session.changed.connect(self.schedule_refresh)
        layer_session.performed.connect(self._performed)
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
                        (old.performed, self._performed),
                        (old.decision_log.changed, self.schedule_refresh),
                        (old.decision_log.write_failed, self._log_write_failed)])
        self.model.set_statuses([])
        self.log_model.set_log(None)
        self.summary_label.clear()
        self.session_closed.emit()

    def show_message(self, text, problem=False):
        self.message_label.setText(text)
        self.message_label.setStyleSheet("color: #b00020;" if problem else "")

    def report(self, text, level, kind=OPERATION):
        """Tell the planner: in the message bar, replacing the previous report of ``kind``
        (``ui/message_bar.py``); without QGIS's window in the dock's message line."""
        if self.reporter is not None:
            self.reporter.show(text, level, kind)
        else:
            self.show_message(text, problem=level in (Qgis.MessageLevel.Warning, Qgis.MessageLevel.Critical))

    def _performed(self, outcome):
        """An operation was written: the live layer and the table follow (each throttled: a burst updates once)."""
        if self.live is not None:
            self.live.schedule()
        self.schedule_refresh()

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
            "{ssd}").format(
            spaces=summary.spaces, population=format_population(summary.population), blocks=summary.blocks,
            lower=format_population(lower), upper=format_population(upper), problems=summary.problems, below=summary.below,
            above=summary.above, split=summary.not_contiguous, locked=summary.locked,
            ssd=ssd_share_figure(summary.ssd_share, layer_session.ssd_weighted) if layer_session.attributes
            else tr("SSD share – (no attributes chosen)")))
        problem = layer_session.editing_problem()
        text = problem or tr("Editing '{layer}': paint, merge, split, make new spaces and lock; every change is one undo step.").format(
            layer=layer_session.layer.name())
        note = " ".join(part for part in (crs_note(layer_session.layer, self.canvas), self._notice) if part)
        log_problem = layer_session.decision_log.problem  # a failed write of the log stays in view until one works
        text, problem = (f"{log_problem} {text}", True) if log_problem else (text, problem)
        self.show_message(f"{text} {note}" if note else text, problem=bool(problem))
        if current is not None:
            self.select_space(current, zoom=False)

