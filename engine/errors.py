"""Errors the engine raises for bad input.

Each error carries a stable ``code`` and the ``details`` needed to name the problem,
so the QGIS adapters can show a translated message; ``str()`` gives an English one for
library users.
"""
from __future__ import annotations

import math
import numbers


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
    """A parameter value that cannot be used; ``key`` (optional) names the reason for translated messages."""

    code = "parameter"

    def __init__(self, name, value, reason, key=None):
        super().__init__(f"Parameter {name}={value!r}: {reason}", name=name, value=value, reason=reason, key=key)


def check_number(name, value, reason, integer=False, positive=False, low=0.0, high=None):
    """Raise a ParameterError naming ``name`` unless ``value`` is a finite real number (a whole
    one when ``integer``) within ``low`` (None: no floor) .. ``high``, above 0 when ``positive``."""
    kind = numbers.Integral if integer else numbers.Real
    if isinstance(value, bool) or not isinstance(value, kind) or not math.isfinite(float(value)) \
            or (low is not None and value < low) or (high is not None and value > high) or (positive and value <= 0):
        raise ParameterError(name, value, reason)


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


# --- indicators (catalogue, aggregation, interpolation) -------------------------------------


class CatalogueError(SozialraumError):
    """The indicator catalogue is malformed.

    ``details``: ``reason`` (a stable key: missing_column, unknown_kind, empty_label, empty_id,
    bad_expression, bad_factor, bad_higher_is, bad_flag, bad_decimals, missing_numerator,
    missing_denominator, unexpected_denominator, missing_weight, unknown_part_of, empty, encoding),
    ``indicator`` (id or None), ``line`` (1-based line in the file or None), ``column``, ``value``.
    """

    code = "catalogue_invalid"

    def __init__(self, reason, message, indicator=None, line=None, column=None, value=None):
        where = []
        if indicator:
            where.append(f"indicator {indicator!r}")
        if line is not None:
            where.append(f"line {line}")
        prefix = f"Catalogue ({', '.join(where)}): " if where else "Catalogue: "
        super().__init__(prefix + message, reason=reason, indicator=indicator, line=line, column=column, value=value)


class DuplicateIndicatorError(SozialraumError):
    code = "catalogue_duplicate_id"

    def __init__(self, indicator, lines):
        super().__init__(
            f"Catalogue: indicator id {indicator!r} is used more than once (lines {format_values(lines)}).",
            indicator=indicator, lines=list(lines),
        )


class MissingFieldError(SozialraumError):
    """A field named by the catalogue (or a parameter) is not in the input table.

    ``details``: ``field``, ``indicator`` (first indicator using it, or None for a parameter),
    ``missing`` (list of (field, [indicator ids]) for every missing field), ``suggestion``,
    ``truncated`` (True when ``suggestion`` is the field cut to a shapefile's 10 characters).
    """

    code = "missing_field"

    def __init__(self, field, indicator=None, missing=None, suggestion=None, truncated=False):
        who = f" used by indicator {indicator!r}" if indicator else ""
        hint = f" (did you mean {suggestion!r}?)" if suggestion else ""
        if truncated:
            hint = f" (the input has {suggestion!r}: a shapefile cuts field names to 10 characters)"
        others = ""
        if missing and len(missing) > 1:
            others = f"; also missing: {format_values([m[0] for m in missing[1:]])}"
        super().__init__(
            f"Field {field!r}{who} is not in the input{hint}{others}.",
            field=field, indicator=indicator, missing=list(missing or [(field, [indicator] if indicator else [])]),
            suggestion=suggestion, truncated=truncated,
        )


class NonNumericFieldError(SozialraumError):
    code = "non_numeric_field"

    def __init__(self, field, indicator=None, examples=()):
        who = f" used by indicator {indicator!r}" if indicator else ""
        shown = f" (values such as {format_values([repr(e) for e in examples], 3)})" if len(examples) else ""
        super().__init__(
            f"Field {field!r}{who} is not numeric{shown}.", field=field, indicator=indicator, examples=list(examples)
        )


class NegativeCountError(SozialraumError):
    """Counts must not be negative; ``details`` names the field, the indicators and the blocks."""

    code = "negative_counts"

    def __init__(self, field, blocks, indicators=()):
        super().__init__(
            f"Field {field!r} has negative values in {len(blocks)} block(s): {format_values(blocks)}.",
            field=field, blocks=list(blocks), indicators=list(indicators),
        )


class InvalidValueError(SozialraumError):
    """Infinite values in a field (NULL is allowed and handled, infinity is not)."""

    code = "invalid_values"

    def __init__(self, field, blocks):
        super().__init__(
            f"Field {field!r} has infinite values in {len(blocks)} block(s): {format_values(blocks)}.",
            field=field, blocks=list(blocks),
        )


# --- consultation session (engine/consultation/session.py) ------------------------------------------------


class LockedSpaceError(SozialraumError):
    """An operation would take blocks from, or give blocks to, a locked space.

    ``details``: ``space`` (the first locked space touched), ``spaces`` (every locked space
    touched), ``blocks`` (the block ids that would have moved into or out of them).
    """

    code = "locked_space"

    def __init__(self, space, blocks, spaces=None):
        spaces = list(spaces) if spaces else [space]
        super().__init__(
            f"Space {space!r} is locked: it can neither lose nor gain blocks ({len(blocks)} block(s) refused: {format_values(blocks)}).",
            space=space, spaces=spaces, blocks=list(blocks),
        )


class NotAdjacentError(SozialraumError):
    """Two spaces to merge share no link of the adjacency graph."""

    code = "not_adjacent"

    def __init__(self, first, second):
        super().__init__(f"Spaces {first!r} and {second!r} are not neighbours: only adjacent spaces can be merged.",
                         first=first, second=second)


class UnknownSpaceError(SozialraumError):
    """A space label that the session does not hold (or that holds no blocks)."""

    code = "unknown_space"

    def __init__(self, space):
        super().__init__(f"There is no space {space!r}.", space=space)


class UnknownBlockError(SozialraumError):
    """Block ids that the session does not hold."""

    code = "unknown_blocks"

    def __init__(self, blocks):
        super().__init__(f"Unknown block id(s): {format_values(blocks)}.", blocks=list(blocks))


class SplitError(SozialraumError):
    """A space cannot be split as asked.

    ``details``: ``space``, ``reason`` (a stable key: one_block, not_contiguous, empty_side,
    outside_space).
    """

    code = "split_impossible"

    REASONS = {
        "one_block": "it has only one block",
        "not_contiguous": "it is not contiguous (split it along a line, or move its detached parts first)",
        "empty_side": "one side of the split would hold no block",
        "outside_space": "some of the blocks given are not in the space",
    }

    def __init__(self, space, reason, blocks=()):
        super().__init__(f"Space {space!r} cannot be split: {self.REASONS[reason]}.", space=space, reason=reason,
                         blocks=list(blocks))


class StaleChangeError(SozialraumError):
    """A change record is applied or reverted on a state it does not belong to.

    Reverting needs every block in the space the change put it in (and the lock as the change
    left it); applying again needs them where the change found them. ``details``: ``kind``,
    ``action`` ("apply" or "revert"), ``blocks`` (the block ids found elsewhere).
    """

    code = "stale_change"

    def __init__(self, kind, action, blocks):
        super().__init__(f"Cannot {action} the {kind} change: {len(blocks)} block(s) are not where it expects them "
                         f"({format_values(blocks)}).", kind=kind, action=action, blocks=list(blocks))
