"""Translated messages for the indicator algorithms: catalogue and field errors, NULL reasons."""
from pathlib import Path

from qgis.core import QgsProcessingException

from ..engine.errors import (
    CatalogueError,
    DuplicateIndicatorError,
    InvalidValueError,
    MissingFieldError,
    NegativeCountError,
    NonNumericFieldError,
    SozialraumError,
    format_values,
)
from ..i18n import tr
from .base import engine_error_message


def _catalogue_problem(details):
    """One translated sentence for a CatalogueError's stable ``reason``."""
    reason = details.get("reason")
    column = details.get("column") or ""
    value = details.get("value") or ""
    if reason == "missing_column":
        return tr("the header has no column '{column}' (the separator is ';' or ',', decided by the header line).").format(
            column=column)
    if reason == "unknown_kind":
        return tr("unknown kind '{value}'; use count, rate, ratio, mean or density.").format(value=value)
    if reason == "empty_label":
        return tr("the column '{column}' is empty.").format(column=column)
    if reason == "empty_id":
        return tr("an indicator has no id.")
    if reason == "bad_expression":
        return tr("cannot read '{value}' in column '{column}': use field names joined by + or - (names with other "
                  "characters in double quotes).").format(value=value, column=column)
    if reason == "bad_factor":
        return tr("'{column}' must be a positive number, not '{value}'.").format(column=column, value=value)
    if reason == "bad_higher_is":
        return tr("higher_is must be worse, better or neutral, not '{value}'.").format(value=value)
    if reason == "bad_flag":
        return tr("'{column}' must be yes or no, not '{value}'.").format(column=column, value=value)
    if reason == "bad_decimals":
        return tr("decimals must be a whole number from 0 to 6, not '{value}'.").format(value=value)
    if reason == "missing_numerator":
        return tr("the numerator is empty.")
    if reason == "missing_denominator":
        return tr("a rate, ratio or density needs a denominator (for a density the area in m², e.g. area_m2).")
    if reason == "unexpected_denominator":
        return tr("a count or mean has no denominator (found '{value}').").format(value=value)
    if reason == "missing_weight":
        return tr("a mean needs a weight_field.")
    if reason == "unexpected_weight":
        return tr("only a mean has a weight_field (found '{value}').").format(value=value)
    if reason == "unknown_part_of":
        return tr("part_of must name another count indicator, not '{value}'.").format(value=value)
    if reason == "bad_row":
        return tr("the line has more cells than the header has columns (a separator inside a value? put the value "
                  "in double quotes).")
    if reason == "empty":
        return tr("the catalogue has no indicators.")
    if reason == "encoding":
        return tr("the file is not UTF-8; save it as 'CSV UTF-8'.")
    return str(reason)


def indicator_error_message(error, catalogue_file=None):
    """A translated message for an engine error of the indicator algorithms (fields, indicators, blocks named)."""
    details = error.details
    name = Path(catalogue_file).name if catalogue_file else tr("the catalogue")
    if isinstance(error, CatalogueError):
        problem = _catalogue_problem(details)
        if details.get("indicator") and details.get("line") is not None:
            return tr("Catalogue {file}, line {line}, indicator '{indicator}': {problem}").format(
                file=name, line=details["line"], indicator=details["indicator"], problem=problem)
        if details.get("line") is not None:
            return tr("Catalogue {file}, line {line}: {problem}").format(file=name, line=details["line"], problem=problem)
        return tr("Catalogue {file}: {problem}").format(file=name, problem=problem)
    if isinstance(error, DuplicateIndicatorError):
        return tr("Catalogue {file}: the indicator id '{indicator}' is used more than once (lines {lines}).").format(
            file=name, indicator=details["indicator"], lines=format_values(details["lines"]))
    if isinstance(error, MissingFieldError):
        missing = details.get("missing") or []
        if details.get("indicator"):
            message = tr("The field '{field}' used by indicator '{indicator}' is not in the block layer.").format(
                field=details["field"], indicator=details["indicator"])
        else:
            message = tr("The field '{field}' is not in the layer.").format(field=details["field"])
        if details.get("suggestion"):
            message += " " + tr("Did you mean '{suggestion}'?").format(suggestion=details["suggestion"])
        if len(missing) > 1:
            message += " " + tr("Also missing: {fields}.").format(fields=format_values([item[0] for item in missing[1:]]))
        return message
    if isinstance(error, NonNumericFieldError):
        examples = format_values([repr(value) for value in details.get("examples") or []], 3)
        if details.get("indicator"):
            return tr("The field '{field}' used by indicator '{indicator}' is not numeric (values such as {examples}).").format(
                field=details["field"], indicator=details["indicator"], examples=examples)
        return tr("The field '{field}' is not numeric (values such as {examples}).").format(
            field=details["field"], examples=examples)
    if isinstance(error, NegativeCountError):
        return tr("The field '{field}' (used by {indicators}) has negative counts in {count} blocks: {blocks}.").format(
            field=details["field"], indicators=", ".join(details.get("indicators") or []) or "-",
            count=len(details["blocks"]), blocks=format_values(details["blocks"]))
    if isinstance(error, InvalidValueError):
        return tr("The field '{field}' has infinite values in {count} blocks: {blocks}.").format(
            field=details["field"], count=len(details["blocks"]), blocks=format_values(details["blocks"]))
    return engine_error_message(error)


def raise_indicator_error(error, catalogue_file=None):
    """Re-raise an engine error as a translated QgsProcessingException."""
    if isinstance(error, SozialraumError):
        raise QgsProcessingException(indicator_error_message(error, catalogue_file)) from error
    raise error


def null_reason(reason, blocks=0):
    """Why a value is NULL (engine reason keys of aggregation and confidentiality)."""
    if reason == "missing_values":
        return tr("NULL values in {count} blocks").format(count=blocks)
    if reason == "zero_denominator":
        return tr("the denominator is 0")
    if reason == "null_denominator":
        return tr("the denominator is NULL")
    if reason == "negative_denominator":
        return tr("the denominator is negative")
    if reason == "primary":
        return tr("suppressed: fewer cases than the minimum")
    if reason == "secondary":
        return tr("suppressed so that a hidden value cannot be recovered from totals")
    if reason == "derived":
        return tr("suppressed: computed from a hidden count")
    if reason == "small_space":
        return tr("no rates: the space has fewer residents than the minimum")
    return str(reason)
