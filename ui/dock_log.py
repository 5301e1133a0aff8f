"""The dock's decision log: the reason for the next change, and the log's export as CSV, XLSX and HTML."""
from __future__ import annotations

from qgis.PyQt.QtWidgets import QFileDialog

from ..i18n import tr
from .decision_log import write_csv, write_html, write_xlsx
from .folders import working_folder


class DockDecisionLog:
    """Part of :class:`~sozialraum.ui.consultation_dock.ConsultationDock`: reasons and log export."""

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
        path, _ = QFileDialog.getSaveFileName(self, title, working_folder(self.layer_session.layer), filter_text)
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
