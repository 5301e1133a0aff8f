"""Presentation mode for the consultation meeting: the map and the figures, nothing else.

On entry the main window goes full screen, every toolbar and dock except the consultation
toolbar and dock is hidden, as are the menu bar and the status bar. Everything in the dock
grows by :data:`SCALE` so the back row can read it: the title, the table, the figures and the
buttons (a style sheet on the dock: QGIS styles its widgets' font size with the application's
style sheet, which a plain ``setFont`` does not override, so only the title grew, issue 19, 9),
and the tables' rows and the toolbar's icons with them. The map is restyled for the projector
by :mod:`.presentation_map` (labels, barrier lines). Everything is recorded first and put back
exactly on exit: each widget's own visibility, the window state, the dock's font and style
sheet, row heights, icon sizes, each layer's own labeling and renderer and the layer order.
"""
from __future__ import annotations

from qgis.PyQt.QtCore import QSize, Qt
from qgis.PyQt.QtGui import QFont, QFontInfo
from qgis.PyQt.QtWidgets import QAbstractItemView, QDockWidget, QToolBar, QWidget

from . import presentation_map

#: how much larger text becomes: readable from the back of a meeting room on a projector
SCALE = 1.6


def larger_text(widget, factor):
    """Make all text in ``widget`` ``factor`` times larger; returns what :func:`restore_text` takes.

    Only by a style sheet: a ``setFont`` beside it left the table headers and combo boxes of the
    dock with the large text after the meeting in QGIS (its style sheet and ours fought over them).
    """
    size = QFontInfo(widget.font()).pointSizeF()  # as drawn: the application's style sheet included
    style = widget.styleSheet()
    fonts = [(child, QFont(child.font())) for child in widget.findChildren(QWidget)]
    widget.setStyleSheet(f"{style}\n* {{ font-size: {size * factor:.1f}pt; }}")
    return style, fonts


def restore_text(widget, saved):
    """Give ``widget`` its own style sheet back, and every widget in it its own font."""
    style, fonts = saved
    widget.setStyleSheet(style)
    for child in [widget, *widget.findChildren(QWidget)]:
        child.style().unpolish(child)
        child.style().polish(child)
    for child, font in fonts:
        try:
            if QFontInfo(child.font()).pointSizeF() != QFontInfo(font).pointSizeF():
                child.setFont(font)  # e.g. the line edit of QGIS's checkable combo box kept the large text
            child.updateGeometry()
        except RuntimeError:  # a widget deleted during the meeting
            continue


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
            # the kept widgets are the meeting's own: one opened during it (before/after) stays open
            "visible": [(widget, widget.isVisible()) for widget in widgets if widget not in self.keep],
            "menu": window.menuBar().isVisible() if window.menuBar() is not None else None,
            "status": window.statusBar().isVisible() if window.statusBar() is not None else None,
            "text": [],
            "rows": [],
            "icons": [(bar, bar.iconSize()) for bar in self.keep if isinstance(bar, QToolBar)],
        }
        self._saved = saved
        for widget, _visible in saved["visible"]:
            widget.hide()
        if saved["menu"] is not None:
            window.menuBar().hide()
        if saved["status"] is not None:
            window.statusBar().hide()
        for widget in self.enlarge:
            saved["text"].append((widget, larger_text(widget, self.scale)))
            for table in widget.findChildren(QAbstractItemView):
                header = getattr(table, "verticalHeader", lambda: None)()
                if header is not None:  # rows keep the height of the old font otherwise: text cut
                    saved["rows"].append((header, header.defaultSectionSize()))
                    header.setDefaultSectionSize(round(header.defaultSectionSize() * self.scale))
        for bar, size in saved["icons"]:
            bar.setIconSize(QSize(round(size.width() * self.scale), round(size.height() * self.scale)))
        saved["map"] = presentation_map.apply(self.canvas, self.scale)
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
        for widget, text in saved["text"]:
            restore_text(widget, text)
        for header, size in saved["rows"]:
            header.setDefaultSectionSize(size)
        for bar, size in saved["icons"]:
            bar.setIconSize(size)
        presentation_map.restore(self.canvas, saved["map"])
