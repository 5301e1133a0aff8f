"""The dock's live spaces layer: started and stopped with the check box, removed with the session."""
from __future__ import annotations

from qgis.core import QgsProject
from qgis.PyQt.QtCore import QTimer

from ..i18n import tr
from .live_spaces import LIVE_PROPERTY, LiveSpaces


def remove_layer(layer_id):
    """Remove a layer from the project when it is still there."""
    if QgsProject.instance().mapLayer(layer_id) is not None:
        QgsProject.instance().removeMapLayer(layer_id)


class DockLiveLayer:
    """Part of :class:`~sozialraum.ui.consultation_dock.ConsultationDock`: the live spaces layer."""

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

