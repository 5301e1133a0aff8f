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
from ..presentation.messages import CATALOGUE_PROBLEMS, NULL_REASONS, text
from ..qgisio.engine_errors import engine_error_message


def _catalogue_problem(details):
    """One translated sentence for a CatalogueError's stable ``reason``."""
    return text(CATALOGUE_PROBLEMS, details.get("reason"), column=details.get("column") or "",
                value=details.get("value") or "")


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
        if details.get("truncated"):
            message += " " + tr("The layer has '{suggestion}': a shapefile cuts field names to 10 characters. Name that "
                                "field in the catalogue, or save the layer as a GeoPackage.").format(
                suggestion=details["suggestion"])
        elif details.get("suggestion"):
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


def null_reason(reason, blocks=0, lang=None):
    """Why a value is NULL (engine reason codes of aggregation and confidentiality), in ``lang``
    (None: the interface's)."""
    return text(NULL_REASONS, reason, lang, count=blocks)
