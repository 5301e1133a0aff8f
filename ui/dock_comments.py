"""The dock's *Import expert comments…*: comment files of the web atlas into the decision log as proposals.

The work is in ``ui/expert_comments.py`` (rows) and ``ui/sketch_layer.py`` (the sketches' layer);
here only the button, the file dialog and the message.
"""
from __future__ import annotations

from qgis.core import Qgis
from qgis.PyQt.QtWidgets import QFileDialog, QPushButton

from ..i18n import tr
from .expert_comments import import_comment_files
from .folders import comments_folder, remember_comments_folder


class DockExpertComments:
    """Part of :class:`~sozialraum.ui.consultation_dock.ConsultationDock`: importing the experts' comment files."""

    def _build_comments_import(self, layout):
        self.comments_button = QPushButton(tr("Import expert comments…"))
        self.comments_button.setObjectName("importExpertComments")
        self.comments_button.setToolTip(tr("Comment files downloaded from the web atlas (JSON): each comment becomes a "
                                           "proposal in the decision log, never a change of the blocks; sketches go "
                                           "into the layer 'Expert sketches'."))
        self.comments_button.clicked.connect(self._import_comments_clicked)
        layout.addWidget(self.comments_button)

    def import_expert_comments(self, paths):
        """Import the comment files at ``paths``; returns the outcome (None without a session)."""
        if self.layer_session is None:
            self.show_message(tr("Open a session on a blocks layer first."), problem=True)
            return None
        outcome = import_comment_files(self.layer_session, paths)
        self.refresh()  # the log's rows now, before the message (a later refresh rewrites the message line)
        failed = bool(outcome.problems or self.layer_session.decision_log.problem)
        self.report(outcome.message(), Qgis.MessageLevel.Warning if failed else Qgis.MessageLevel.Success)
        return outcome

    def _import_comments_clicked(self):
        if self.layer_session is None:
            self.show_message(tr("Open a session on a blocks layer first."), problem=True)
            return None
        paths, _ = QFileDialog.getOpenFileNames(self, tr("Import expert comments"),
                                                comments_folder(self.layer_session.layer),
                                                tr("Comment files of the web atlas (*.json *.geojson);;All files (*)"))
        remember_comments_folder(paths)
        return self.import_expert_comments(paths) if paths else None
