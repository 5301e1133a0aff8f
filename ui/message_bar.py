"""The consultation's messages in QGIS's message bar: one of a kind at a time, never cut off.

During a meeting every stroke may report something; pushed one after another they piled up
("2 more") behind the newest, and QGIS shows a message's text on a single line, so a long
(German) barrier warning was cut in the middle (issue 19, desktop walk-through). A
:class:`MessageBarReporter` removes the previous message of the same kind before it pushes the
next, and shows the text in a label that wraps.
"""
from __future__ import annotations

from qgis.core import Qgis
from qgis.PyQt import sip
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QLabel, QSizePolicy, QTextBrowser

from ..i18n import tr

#: what the tools and the dock report about the operations (each replaces the one before)
OPERATION = "operation"
#: notices about the session itself (layers hidden while it is open)
SESSION = "session"
#: seconds a message stays by level (0: until closed or replaced)
DURATIONS = {Qgis.MessageLevel.Info: 6, Qgis.MessageLevel.Success: 6, Qgis.MessageLevel.Warning: 12,
             Qgis.MessageLevel.Critical: 0}


def wrapping_label(title, text, parent):
    """The whole text in a label that wraps (the bar's own text line is one line high); ``parent`` owns it."""
    label = QLabel(f"<b>{_escape(title)}:</b> {_escape(text)}", parent)
    label.setObjectName("sozialraumMessage")
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)  # the title in bold
    label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
    return label


def _escape(text):
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class MessageBarReporter:
    """Report to ``bar`` (a ``QgsMessageBar``): :meth:`show` replaces the previous message of its kind."""

    def __init__(self, bar, title=None):
        self.bar = bar
        self.title = title or tr("Sozialraum")
        self._items = {}  # kind -> the bar's item shown last

    def show(self, text, level, kind=OPERATION):
        """Push ``text`` at ``level``; the message of the same ``kind`` shown before goes."""
        self.remove(kind)
        before = self.bar.currentItem()
        self.bar.pushMessage(self.title, text, level, DURATIONS.get(level, 6))
        item = self.bar.currentItem()
        if item is None or item is before:  # a bar that keeps no items (a test's stand-in)
            return None
        # the text as a wrapping label instead of QGIS's one-line text field (hidden; the item keeps
        # its title and text for whoever reads them)
        item.setWidget(wrapping_label(self.title, text, item))  # the item owns the label, not Python
        for field in item.findChildren(QTextBrowser):
            field.hide()
        self._items[kind] = item
        return item

    def remove(self, kind):
        item = self._items.pop(kind, None)
        if item is not None and not sip.isdeleted(item) and item in self.bar.items():
            self.bar.popWidget(item)

    def shown(self, kind):
        """The item of ``kind`` still in the bar, else None."""
        item = self._items.get(kind)
        if item is None or sip.isdeleted(item) or item not in self.bar.items():
            return None
        return item
