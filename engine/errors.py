"""Errors the engine raises for bad input.

Each error carries a stable ``code`` and the ``details`` needed to name the problem,
so the QGIS adapters can show a translated message; ``str()`` gives an English one for
library users.
"""
from __future__ import annotations


class SozialraumError(Exception):
    """Base class: a problem with the input that the user can fix."""

    code = "error"

    def __init__(self, message, **details):
        super().__init__(message)
        self.details = details


class Cancelled(SozialraumError):
    """The caller asked to stop."""

    code = "cancelled"

    def __init__(self):
        super().__init__("Cancelled by the user.")


class DuplicateIdError(SozialraumError):
    code = "duplicate_ids"

    def __init__(self, duplicates):
        super().__init__(f"Duplicate ids: {format_values(duplicates)}.", duplicates=list(duplicates))


class ParameterError(SozialraumError):
    code = "parameter"

    def __init__(self, name, value, reason):
        super().__init__(f"Parameter {name}={value!r}: {reason}", name=name, value=value, reason=reason)


def format_values(values, limit=10):
    """'a, b, c and 7 more' for messages that name features."""
    values = list(values)
    shown = ", ".join(str(value) for value in values[:limit])
    if len(values) > limit:
        return f"{shown} (+{len(values) - limit})"
    return shown


class InfeasibleError(SozialraumError):
    """The bounds cannot hold as posed; ``details`` says exactly why (block indices, populations)."""

    code = "infeasible"

    def __init__(self, problems):
        lines = []
        for problem in problems:
            kind = problem["kind"]
            if kind == "block_above":
                lines.append(f"block {problem['block']} has {problem['population']:g} residents, more than the maximum")
            elif kind == "component_below":
                lines.append(
                    f"a part cut off by barriers or nesting ({len(problem['blocks'])} blocks, first {problem['blocks'][0]}) "
                    f"has only {problem['population']:g} residents, fewer than the minimum"
                )
            elif kind == "count_out_of_range":
                lines.append(f"{problem['requested']} spaces cannot all lie within the bounds: possible are {problem['low']} to {problem['high']}")
            elif kind == "no_admissible_count":
                lines.append(
                    f"a part of {problem['population']:g} residents ({len(problem['blocks'])} blocks) cannot be divided into spaces within the bounds"
                )
        super().__init__("Infeasible: " + "; ".join(lines) + ".", problems=problems)
