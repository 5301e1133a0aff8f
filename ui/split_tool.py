"""Split a space in two balanced, homogeneous parts (the engine chooses them): click one of its blocks."""
from __future__ import annotations

from .base_tool import ConsultationTool
from .operations import Split


class SplitTool(ConsultationTool):
    """Split: a click on a block splits its space (one edit command)."""

    def canvasReleaseEvent(self, event):  # noqa: N802
        clicked = self.left_click(event)
        if clicked is None:
            return
        layer_session, block = clicked
        space = layer_session.session.space_of(block) if block is not None else None
        if space is not None:
            self.perform(layer_session, Split(space))
