"""The dock's variants: save the division under a name, list, switch (one undo step), delete, compare.

Variants are stored beside the decision log (``ui/variant_store.py``), a switch is an operation
on the session's one ``perform`` path (``ui/variant_operation.py``), and a comparison of any two
of (saved state, current division, a variant) writes the council's change report through
``sozialraum:compare`` (``ui/variant_compare.py``) and opens it.
"""
from __future__ import annotations

import re
from pathlib import Path

from qgis.core import Qgis, QgsSettings
from qgis.gui import QgsCollapsibleGroupBox
from qgis.PyQt.QtCore import QUrl
from qgis.PyQt.QtGui import QDesktopServices, QGuiApplication
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..engine.consultation.variants import encode_division
from ..i18n import tr
from .decision_log import author, now_iso
from .folders import working_folder
from .variant_compare import CURRENT, SAVED, CompareError, division_names, write_comparison
from .variant_operation import SwitchVariant, current_division
from .variant_store import Variant, VariantStore

LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
#: Whether the planner left the variants box collapsed (user settings, not the project).
COLLAPSED_KEY = "sozialraum/consultation/variants_collapsed"


def _headless():
    return QGuiApplication.platformName() in ("offscreen", "minimal")


class DockVariants:
    """Part of :class:`~sozialraum.ui.consultation_dock.ConsultationDock`: the variants box."""

    def _build_variants(self, layout):
        self._variants = []
        self._variant_store = None
        box = QgsCollapsibleGroupBox(tr("Variants"))
        box.setObjectName("variantsBox")
        box.setToolTip(tr("Save the division as a named variant, switch between variants (one undo step each) and "
                          "compare any two in the council's change report."))
        # collapsed at first: the spaces table keeps the room. The planner's choice is written the moment
        # it changes: the box's own store (when it is destroyed) did not run when QGIS quit, so a
        # restarted QGIS showed it collapsed again (desktop walk-through)
        box.setSaveCollapsedState(False)
        box.setCollapsed(QgsSettings().value(COLLAPSED_KEY, True, type=bool))
        box.collapsedStateChanged.connect(self._variants_box_toggled)
        # the contents are disabled without a session, never the box (a disabled box cannot be opened)
        self.variants_body = QWidget()
        self.variants_body.setObjectName("variantsBody")
        QVBoxLayout(box).addWidget(self.variants_body)
        inner = QVBoxLayout(self.variants_body)
        inner.setContentsMargins(0, 0, 0, 0)
        save_row = QHBoxLayout()
        self.variant_name_edit = QLineEdit()
        self.variant_name_edit.setObjectName("variantName")
        self.variant_name_edit.setPlaceholderText(tr("Name of the variant"))
        self.variant_note_edit = QLineEdit()
        self.variant_note_edit.setObjectName("variantNote")
        self.variant_note_edit.setPlaceholderText(tr("Note (optional)"))
        self.save_variant_button = QPushButton(tr("Save as variant"))
        self.save_variant_button.setObjectName("saveVariant")
        self.save_variant_button.setToolTip(tr("Store the division shown now (saved or not) under this name, with "
                                               "your name and the time, beside the decision log."))
        self.save_variant_button.clicked.connect(lambda: self.save_variant())
        save_row.addWidget(self.variant_name_edit, 1)
        save_row.addWidget(self.variant_note_edit, 2)
        save_row.addWidget(self.save_variant_button)
        inner.addLayout(save_row)
        self.variant_table = QTableWidget(0, 4)
        self.variant_table.setObjectName("variantList")
        self.variant_table.setHorizontalHeaderLabels([tr("Variant"), tr("Author"), tr("Saved"), tr("Note")])
        self.variant_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.variant_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.variant_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.variant_table.verticalHeader().setVisible(False)
        header = self.variant_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        rows = self.variant_table.verticalHeader().defaultSectionSize()
        self.variant_table.setMinimumHeight(header.sizeHint().height() + 2 * rows)
        self.variant_table.setMaximumHeight(header.sizeHint().height() + 4 * rows)  # the spaces table keeps the room
        self.variant_table.itemSelectionChanged.connect(self._variant_buttons)
        self.variant_table.itemDoubleClicked.connect(lambda *args: self.switch_to_variant())
        inner.addWidget(self.variant_table)
        act_row = QHBoxLayout()
        self.switch_variant_button = QPushButton(tr("Switch to variant"))
        self.switch_variant_button.setObjectName("switchVariant")
        self.switch_variant_button.setToolTip(tr("Give every block the space it has in the chosen variant: one change, "
                                                 "one undo step, one row of the decision log. Locked spaces are never "
                                                 "changed: a variant that would change one is refused."))
        self.switch_variant_button.clicked.connect(lambda: self.switch_to_variant())
        self.delete_variant_button = QPushButton(tr("Delete variant"))
        self.delete_variant_button.setObjectName("deleteVariant")
        self.delete_variant_button.clicked.connect(lambda: self.delete_variant())
        act_row.addWidget(self.switch_variant_button)
        act_row.addWidget(self.delete_variant_button)
        inner.addLayout(act_row)
        compare_row = QHBoxLayout()
        self.compare_first = QComboBox()
        self.compare_first.setObjectName("compareFirst")
        self.compare_second = QComboBox()
        self.compare_second.setObjectName("compareSecond")
        self.compare_button = QPushButton(tr("Compare…"))
        self.compare_button.setObjectName("compareDivisions")
        self.compare_button.setToolTip(tr("Write the change report for the council (HTML and PDF) from the first "
                                          "division (old) to the second (new), with the decision log, and open it."))
        self.compare_button.clicked.connect(self._compare_clicked)
        compare_row.addWidget(self.compare_first, 1)
        compare_row.addWidget(QLabel("→"))
        compare_row.addWidget(self.compare_second, 1)
        compare_row.addWidget(self.compare_button)
        inner.addLayout(compare_row)
        layout.addWidget(box)
        self.variants_box = box
        self.session_opened.connect(self.reload_variants)
        self.session_closed.connect(self.reload_variants)
        self.reload_variants()

    # -- reading ----------------------------------------------------------------------
    def _variants_box_toggled(self, collapsed):
        QgsSettings().setValue(COLLAPSED_KEY, bool(collapsed))
        if not collapsed:  # opened: read the store again, a colleague's QGIS may have saved a variant meanwhile
            self.reload_variants()

    def variants(self):
        """The variants of the session's layer, oldest first."""
        return list(self._variants)

    def variant_named(self, name):
        return next((variant for variant in self._variants if variant.name == name), None)

    def reload_variants(self, *args):
        """Read the variants of the session's layer again and show them (none without a session)."""
        layer_session = self.layer_session
        selected = self.selected_variant()  # chosen again after the reading, if still there
        self._variant_store = VariantStore(layer_session.layer) if layer_session is not None else None
        self._variants = self._variant_store.variants() if self._variant_store is not None else []
        table = self.variant_table
        table.clearSelection()
        table.setRowCount(len(self._variants))
        for row, variant in enumerate(self._variants):
            time = variant.time[:16].replace("T", " ")
            for column, text in enumerate((variant.name, variant.author, time, variant.note)):
                item = QTableWidgetItem(text)
                item.setToolTip(tr("{name}: saved by {author} on {time} from the field '{field}', {blocks} blocks. {note}").format(
                    name=variant.name, author=variant.author, time=time, field=variant.space_field, blocks=variant.blocks,
                    note=variant.note).strip())
                table.setItem(row, column, item)
            if selected is not None and variant.id == selected.id:
                table.selectRow(row)
        for combo, default in ((self.compare_first, SAVED), (self.compare_second, CURRENT)):
            chosen = combo.currentData() or default
            combo.blockSignals(True)
            combo.clear()
            for key, name in division_names(self._variants):
                combo.addItem(name, key)
            combo.setCurrentIndex(max(0, combo.findData(chosen)))
            combo.blockSignals(False)
        if not self.variant_name_edit.text().strip() or self.variant_named(self.variant_name_edit.text().strip()):
            self.variant_name_edit.setText(self.suggested_variant_name())
        self.variants_body.setEnabled(layer_session is not None)
        self._variant_buttons()

    def selected_variant(self):
        rows = {index.row() for index in self.variant_table.selectionModel().selectedRows()}
        return self._variants[min(rows)] if rows and min(rows) < len(self._variants) else None

    def suggested_variant_name(self):
        """'Variant A', 'Variant B', ... the first not taken (in the interface language)."""
        for letter in LETTERS:
            name = tr("Variant {letter}").format(letter=letter)
            if self.variant_named(name) is None:
                return name
        return tr("Variant {letter}").format(letter=len(self._variants) + 1)

    def _variant_buttons(self):
        chosen = self.selected_variant() is not None
        self.switch_variant_button.setEnabled(chosen)
        self.delete_variant_button.setEnabled(chosen)

    # -- saving, switching, deleting ----------------------------------------------------
    def save_variant(self, name=None, note=None):
        """Store the division shown now as a variant; returns it (None when refused, with the reason shown)."""
        layer_session = self.layer_session
        if layer_session is None:
            self.show_message(tr("Open a session on a blocks layer first."), problem=True)
            return None
        name = (self.variant_name_edit.text() if name is None else name).strip() or self.suggested_variant_name()
        note = (self.variant_note_edit.text() if note is None else note).strip()
        if layer_session.stale:
            self.show_message(layer_session.editing_problem(), problem=True)
            return None
        if self.variant_named(name) is not None:
            self.show_message(tr("A variant named '{name}' exists already: choose another name, or delete that variant "
                                 "first.").format(name=name), problem=True)
            return None
        session = layer_session.session
        division = current_division(session)
        variant = Variant.from_mapping({
            "name": name, "author": author(), "time": now_iso(), "note": note,
            "blocks_table": self._variant_store.blocks_table, "space_field": layer_session.space_field,
            "blocks": len(division), "division": encode_division(list(division), list(division.values()))})
        if not self._variant_store.add(variant):
            self.show_message(tr("The variant could not be written to {place}.").format(place=self._variant_store.describe()),
                              problem=True)
            return None
        self.variant_name_edit.clear()
        self.variant_note_edit.clear()
        self.reload_variants()
        self.report(tr("Variant '{name}' saved ({spaces} spaces): {place}.").format(
            name=name, spaces=len(session.spaces), place=self._variant_store.describe()), Qgis.MessageLevel.Success)
        return variant

    def switch_to_variant(self, variant=None):
        """Switch the division to ``variant`` (a name, a Variant, default: the selected one) on the
        session's perform path: one edit command, one log row. Returns the Outcome (None: nothing chosen)."""
        layer_session = self.layer_session
        if isinstance(variant, str):
            variant = self.variant_named(variant)
        variant = variant or self.selected_variant()
        if layer_session is None or variant is None:
            self.show_message(tr("Choose a variant first."), problem=True)
            return None
        outcome = layer_session.perform(SwitchVariant(variant.name, variant.division), self.report)
        if outcome.change is not None and outcome.change.is_empty:
            self.report(tr("The division already is variant '{name}': nothing to change.").format(name=variant.name),
                        Qgis.MessageLevel.Info)
        self.refresh()
        return outcome

    def delete_variant(self, variant=None):
        """Delete ``variant`` (a name, a Variant, default: the selected one) from the store; True when deleted.

        In the desktop the planner confirms first. The division of the layer is not touched."""
        if isinstance(variant, str):
            variant = self.variant_named(variant)
        variant = variant or self.selected_variant()
        if self._variant_store is None or variant is None:
            self.show_message(tr("Choose a variant first."), problem=True)
            return False
        if not _headless():
            answer = QMessageBox.question(self, tr("Delete variant"), tr("Delete variant '{name}'? The division of the "
                                                                         "blocks is not changed.").format(name=variant.name))
            if answer != QMessageBox.StandardButton.Yes:
                return False
        if not self._variant_store.remove(variant.id):
            self.show_message(tr("The variant could not be deleted from {place}.").format(place=self._variant_store.describe()),
                              problem=True)
            return False
        self.reload_variants()
        self.report(tr("Variant '{name}' deleted.").format(name=variant.name), Qgis.MessageLevel.Info)
        return True

    # -- comparing ----------------------------------------------------------------------
    def compare_divisions(self, first=None, second=None, path=None, open_report=True):
        """The change report from division ``first`` to ``second`` (keys: ``"saved"``, ``"current"`` or a
        variant's id or name; default: the two combo boxes) written to ``path`` (HTML, the PDF beside it)
        and opened; returns (html, pdf), or None with the reason shown."""
        if self.layer_session is None:
            self.show_message(tr("Open a session on a blocks layer first."), problem=True)
            return None
        first = self._division_key(first if first is not None else self.compare_first.currentData())
        second = self._division_key(second if second is not None else self.compare_second.currentData())
        names = dict(division_names(self._variants))
        path = path or self._default_report_path(names.get(first, ""), names.get(second, ""))
        try:
            written = write_comparison(self.layer_session, first, second, self._variants, path, names)
        except CompareError as error:
            self.show_message(str(error), problem=True)
            return None
        html, pdf = written
        self.report(tr("Change report written: {html} (PDF: {pdf}).").format(html=html, pdf=pdf), Qgis.MessageLevel.Success)
        if open_report:
            QDesktopServices.openUrl(QUrl.fromLocalFile(html))
        return written

    def _division_key(self, key):
        variant = self.variant_named(key) if key not in (SAVED, CURRENT) else None
        return variant.id if variant is not None else key

    def _default_report_path(self, first, second):
        folder = working_folder(self.layer_session.layer if self.layer_session is not None else None)
        name = re.sub(r"[^\w\- ]+", "_", tr("Change report {first} to {second}").format(first=first, second=second))
        return str(Path(folder) / f"{name}.html")

    def _compare_clicked(self):
        if self.layer_session is None:
            self.show_message(tr("Open a session on a blocks layer first."), problem=True)
            return None
        names = dict(division_names(self._variants))
        suggested = self._default_report_path(names.get(self.compare_first.currentData(), ""),
                                              names.get(self.compare_second.currentData(), ""))
        path, _ = QFileDialog.getSaveFileName(self, tr("Write the change report"), suggested, tr("HTML files (*.html)"))
        if not path:
            return None
        return self.compare_divisions(path=path)
