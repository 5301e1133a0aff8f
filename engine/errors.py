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
    ``missing`` (list of (field, [indicator ids]) for every missing field), ``suggestion``.
    """

    code = "missing_field"

    def __init__(self, field, indicator=None, missing=None, suggestion=None):
        who = f" used by indicator {indicator!r}" if indicator else ""
        hint = f" (did you mean {suggestion!r}?)" if suggestion else ""
        others = ""
        if missing and len(missing) > 1:
            others = f"; also missing: {format_values([m[0] for m in missing[1:]])}"
        super().__init__(
            f"Field {field!r}{who} is not in the input{hint}{others}.",
            field=field, indicator=indicator, missing=list(missing or [(field, [indicator] if indicator else [])]),
            suggestion=suggestion,
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
