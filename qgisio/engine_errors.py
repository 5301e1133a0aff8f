"""Engine errors as the messages Processing shows: translated, naming the values that cause them.

Shared by the algorithms and the QGIS reading helpers (blocks_input, spaces_io): the engine raises
``SozialraumError`` subclasses with a stable code and the values; only here do they become words.
"""
from qgis.core import QgsProcessingException

from ..engine.errors import Cancelled, DuplicateIdError, ParameterError, SozialraumError
from ..engine.population_band import BandError, PopulationBand
from ..i18n import tr


def engine_error_message(error):
    """A translated message for an engine error, naming the values that cause it."""
    if isinstance(error, Cancelled):
        return tr("Cancelled by the user.")
    if isinstance(error, DuplicateIdError):
        from ..engine.errors import format_values

        return tr("The id field has duplicate values: {values}. Choose a field with one value per block.").format(
            values=format_values(error.details["duplicates"])
        )
    if isinstance(error, BandError):
        return population_band_message(error.details["lower"], error.details["upper"])
    if isinstance(error, ParameterError):
        reason = _parameter_reasons().get(error.details.get("key"), error.details["reason"])
        return tr("Parameter {name} = {value}: {reason}").format(
            name=error.details["name"], value=error.details["value"], reason=reason
        )
    return str(error)


def population_band_message(lower, upper):
    """The one message for bounds that cannot hold (engine/population_band.py checks them)."""
    return tr("The minimum population ({lower}) must be below the maximum ({upper}).").format(lower=f"{lower:g}", upper=f"{upper:g}")


def checked_band(lower, upper):
    """The population band of MIN_POPULATION/MAX_POPULATION, or the translated refusal."""
    try:
        return PopulationBand(lower, upper)
    except BandError as error:
        raise QgsProcessingException(engine_error_message(error)) from error


def _parameter_reasons():
    """Translated reasons for the ``key`` of an engine ParameterError (engine/attributes.parse_weights)."""
    return {
        "weights_syntax": tr("expected field=weight, e.g. 'sgb2_rate=2;bld_highrise=0,5' (quote a field name that "
                             "holds ',' or '=')"),
        "not_an_attribute": tr("is not one of the chosen attributes"),
        "weight_not_number": tr("the weight is not a number"),
        "weight_negative": tr("weights must be 0 or more"),
        "all_weights_zero": tr("every weight is 0, so no attribute counts; give at least one attribute a weight above 0"),
    }


def raise_for_engine_error(error):
    """Re-raise an engine error as the QgsProcessingException Processing shows the user."""
    if isinstance(error, SozialraumError):
        raise QgsProcessingException(engine_error_message(error)) from error
    raise error
