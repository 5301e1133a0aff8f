"""The dock's plugin state in the project (``ui/project_state.py``): written as it changes, restored on reading."""
from __future__ import annotations

from qgis.core import QgsProject
from qgis.PyQt.QtCore import QTimer

from .project_state import ConsultationState, read_state, write_state
from .spaces_model import sort_key


class DockProjectState:
    """Part of :class:`~sozialraum.ui.consultation_dock.ConsultationDock`: the session's state in the project."""

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
