"""Presentation mode for the consultation meeting: the map and the figures, nothing else.

On entry the main window goes full screen, every toolbar and dock except the consultation
toolbar and dock is hidden, as are the menu bar and the status bar; the dock's figures and
the labels of the labelled layers on the canvas are drawn larger so the back row can read
them. Everything is recorded first and put back exactly on exit: each widget's own
visibility, the window state, the dock's font and each layer's own labeling (a clone is kept,
so a restyle during the meeting is not kept, and no setting of the planner's is lost).
"""
from __future__ import annotations

from qgis.core import QgsVectorLayer, QgsVectorLayerSimpleLabeling
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QDockWidget, QToolBar

#: how much larger text becomes: readable from the back of a meeting room on a projector
SCALE = 1.6


def _scaled_labeling(labeling, factor):
    """A copy of a simple labeling with its text (and buffer) ``factor`` times larger, else None."""
    if not isinstance(labeling, QgsVectorLayerSimpleLabeling):
        return None  # rule-based labels keep their size: each rule has its own
    settings = labeling.settings()
    text = settings.format()
    text.setSize(text.size() * factor)
    buffer = text.buffer()
    buffer.setSize(buffer.size() * factor)
    text.setBuffer(buffer)
    settings.setFormat(text)
    return QgsVectorLayerSimpleLabeling(settings)


class PresentationMode:
    """Enter and leave presentation mode on ``window`` (a QMainWindow), keeping ``keep`` widgets shown."""

    def __init__(self, window, canvas, keep=(), enlarge=(), scale=SCALE):
        self.window = window
        self.canvas = canvas
        self.keep = tuple(keep)
        self.enlarge = tuple(enlarge)  # widgets whose text grows (the consultation dock)
        self.scale = scale
        self._saved = None

    @property
    def active(self):
        return self._saved is not None

    def set_active(self, active):
        if active and not self.active:
            self.enter()
        elif not active and self.active:
            self.exit()

    def enter(self):
        window = self.window
        widgets = [w for w in window.findChildren(QToolBar) + window.findChildren(QDockWidget) if w.parent() is window]
        saved = {
            "state": window.windowState(),
            "visible": [(widget, widget.isVisible()) for widget in widgets],
            "menu": window.menuBar().isVisible() if window.menuBar() is not None else None,
            "status": window.statusBar().isVisible() if window.statusBar() is not None else None,
            "fonts": [(widget, widget.font()) for widget in self.enlarge],
            "labels": [],
        }
        self._saved = saved
        for widget, _visible in saved["visible"]:
            if widget not in self.keep:
                widget.hide()
        if saved["menu"] is not None:
            window.menuBar().hide()
        if saved["status"] is not None:
            window.statusBar().hide()
        for widget, font in saved["fonts"]:
            larger = type(font)(font)
            larger.setPointSizeF(font.pointSizeF() * self.scale)
            widget.setFont(larger)
        for layer in self.canvas.layers():
            if isinstance(layer, QgsVectorLayer) and layer.labelsEnabled() and layer.labeling() is not None:
                larger = _scaled_labeling(layer.labeling(), self.scale)
                if larger is not None:
                    saved["labels"].append((layer.id(), layer.labeling().clone()))
                    layer.setLabeling(larger)
                    layer.triggerRepaint()
        window.setWindowState(saved["state"] | Qt.WindowState.WindowFullScreen)

    def exit(self):
        saved, self._saved = self._saved, None
        if saved is None:
            return
        window = self.window
        window.setWindowState(saved["state"])
        for widget, visible in saved["visible"]:
            widget.setVisible(visible)
        if saved["menu"] is not None:
            window.menuBar().setVisible(saved["menu"])
        if saved["status"] is not None:
            window.statusBar().setVisible(saved["status"])
        for widget, font in saved["fonts"]:
            widget.setFont(font)
        from qgis.core import QgsProject

        for layer_id, labeling in saved["labels"]:
            layer = QgsProject.instance().mapLayer(layer_id)
            if layer is not None:  # a layer removed during the meeting has nothing to restore
                layer.setLabeling(labeling)
                layer.triggerRepaint()
