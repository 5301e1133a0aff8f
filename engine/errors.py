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
