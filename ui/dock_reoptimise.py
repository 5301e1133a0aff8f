"""The dock's *Re-optimise…* button and its preview panel (the engine side: ``ui/reoptimise.py``)."""
from __future__ import annotations

from qgis.PyQt.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ..engine.errors import SozialraumError
from ..i18n import tr
from .reoptimise import Reoptimiser


class DockReoptimise:
    """Part of :class:`~sozialraum.ui.consultation_dock.ConsultationDock`: re-optimise, preview, apply."""

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
        result = self.reoptimiser.apply(self.report)
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
