"""What the consultation tells the planner about an operation: refusals and new problems, translated.

The operations (``ui/operations.py``) name their result; the reasons an engine change was
refused and the problems it caused are worded here, once, for every tool and the dock.
"""
from __future__ import annotations

from ..engine.consultation.linesplit import CROSSES_ITSELF
from ..engine.consultation.sessionrecords import ABOVE, BELOW, NOT_CONTIGUOUS
from ..engine.errors import LockedSpaceError, NotAdjacentError, ParameterError, SplitError
from ..i18n import tr


def problem_message(change, crossings=()):
    """A translated warning naming the spaces a change made worse (None when none).

    ``crossings``: blocks the change put into one space with blocks a barrier line separates
    them from (:meth:`LayerSession.barrier_crossings`), named when that space is now in pieces.
    """
    worse = change.new_problems
    if not worse:
        return None
    split = {status.space for status in worse if NOT_CONTIGUOUS in status.problems}
    across = [block for block, space in zip(change.blocks, change.after) if block in set(crossings) and space in split]
    parts = []
    for status in worse:
        problems = []
        if BELOW in status.problems:
            problems.append(tr("below the bounds"))
        if ABOVE in status.problems:
            problems.append(tr("above the bounds"))
        if NOT_CONTIGUOUS in status.problems:
            problems.append(tr("not contiguous"))
        parts.append(tr("space {space} is now {problems}").format(space=status.space, problems=", ".join(problems)))
    if across:
        parts.append(tr("the change crosses a barrier line (blocks {blocks})").format(
            blocks=", ".join(str(block) for block in across)))
    return "; ".join(parts)


def locked_message(error):
    spaces = ", ".join(str(space) for space in error.details.get("spaces", [error.details.get("space")]))
    return tr("Refused: locked spaces can neither lose nor gain blocks ({spaces}).").format(spaces=spaces)


def split_message(error):
    space = error.details.get("space")
    reasons = {
        "one_block": tr("Space {space} cannot be split: it has only one block."),
        "not_contiguous": tr("Space {space} cannot be split: it is not contiguous (move its detached parts first)."),
    }
    text = reasons.get(error.details.get("reason"), tr("Space {space} cannot be split."))
    return text.format(space=space)


def line_split_message(error, space):
    """The translated reason why a line does not split ``space``."""
    if isinstance(error, SplitError) and error.details.get("reason") == "empty_side":
        return tr("The line does not divide space {space}: all its blocks lie on one side. "
                  "Draw it across the space, from edge to edge.").format(space=space)
    if isinstance(error, ParameterError) and error.details.get("reason") == CROSSES_ITSELF:
        return tr("The line crosses itself: draw it once across space {space}.").format(space=space)
    if isinstance(error, ParameterError):
        return tr("Draw a line of at least two points across space {space}.").format(space=space)
    return str(error)


def not_adjacent_message(first, second):
    return tr("Spaces {first} and {second} are not neighbours: only adjacent spaces can be merged.").format(
        first=first, second=second)


def refusal_message(error):
    """The translated reason for an engine refusal no operation words itself."""
    if isinstance(error, LockedSpaceError):
        return locked_message(error)
    if isinstance(error, SplitError):
        return split_message(error)
    if isinstance(error, NotAdjacentError):
        return not_adjacent_message(*(error.details.get(key) for key in ("first", "second")))
    return str(error)
