"""The host the map tools talk to, as a protocol, and the host of a dock without the plugin.

The plugin (``plugin.py``) is the tools' host in QGIS; tests, the screenshot scripts and the
bench drive the same tools with a :class:`DockHost`, so every caller meets the same three
methods and nobody writes its own stand-in.
"""
from __future__ import annotations

from typing import Protocol


class ToolHost(Protocol):
    def layer_session(self):
        """The open :class:`~sozialraum.ui.session_layer.LayerSession`, or None."""

    def current_space(self):
        """The space chosen in the dock's table, or None."""

    def message(self, text, level):
        """Tell the planner ``text`` (translated) at ``level`` (``Qgis.MessageLevel``)."""


class DockHost:
    """A :class:`ToolHost` over a consultation dock; ``messages`` keeps what the tools said (text, level).

    ``echo``: also hand each message to this callable (a script prints them).
    """

    def __init__(self, dock, echo=None):
        self.dock = dock
        self.messages = []
        self._echo = echo

    def layer_session(self):
        return self.dock.layer_session

    def current_space(self):
        return self.dock.current_space()

    def message(self, text, level):
        self.messages.append((text, level))
        if self._echo is not None:
            self._echo(text)
