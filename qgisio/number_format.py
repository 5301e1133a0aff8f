"""Numbers stored as text in a layer: the NUMBER_FORMAT parameter and reading a field with it.

The engine (engine/number_columns.py) decides the notation per field; here its decision goes
to the log and its refusals become translated messages naming the field, values and features.
The parameter is advanced and "automatic" by default: a planner only meets it when a field
is ambiguous, and then the message names it. A parameter (not a QGIS setting) so that a model,
a batch run and the run record say how the numbers were read.
"""
from qgis.core import QgsProcessingException, QgsProcessingParameterEnum

from ..engine.errors import format_values
from ..engine.number_columns import ENGLISH, GERMAN, NumberColumnError, read_number_column
from ..i18n import language, tr
from . import compat

NUMBER_FORMAT = "NUMBER_FORMAT"
#: the enum's options in order: automatic (decide per field), German, English
_CHOICES = (None, GERMAN, ENGLISH)

_ADVANCED = compat.PARAMETER_ADVANCED


def add_number_format_parameter(algorithm):
    """The shared optional parameter: how numbers stored as text are read."""
    parameter = QgsProcessingParameterEnum(
        NUMBER_FORMAT, tr("Numbers stored as text"),
        options=[tr("Automatic (decide per field, refuse ambiguous fields)"), tr("German notation (1.234,5)"),
                 tr("English notation (1,234.5)")],
        defaultValue=0, optional=True)
    parameter.setFlags(parameter.flags() | _ADVANCED)
    algorithm.addParameter(parameter)


def number_format(algorithm, parameters, context):
    """GERMAN, ENGLISH or None (automatic) as chosen in ``parameters``."""
    if NUMBER_FORMAT not in parameters or parameters[NUMBER_FORMAT] is None:
        return None
    return _CHOICES[algorithm.parameterAsEnum(parameters, NUMBER_FORMAT, context)]


def plain_number(number):
    """A number for a message, without thousands marks, with the decimal mark of the interface.

    Messages about notations must not be ambiguous themselves: "3.25" could be 3250 to a German reader.
    """
    text = f"{number:.15g}"
    return text.replace(".", ",") if language() == "de" else text


def notation_name(notation):
    return tr("German notation (decimal comma)") if notation == GERMAN else tr("English notation (decimal point)")


def read_field(values, field, name_features, feedback=None, notation=None, whole=False, spaces=False):
    """A float array of ``values`` (None for NULL) of ``field``; text read in one notation per field.

    ``name_features(indices)`` names the features (block ids or space labels); ``spaces``
    says the features are spaces (for the messages). The notation used is logged.
    Raises QgsProcessingException with a translated message.
    """
    try:
        column = read_number_column(values, notation, whole)
    except NumberColumnError as error:
        raise QgsProcessingException(_message(error, field, name_features, spaces)) from None
    if feedback is not None and column.text_count:
        if column.notation:
            text, number = column.example
            feedback.pushInfo(tr("Field '{field}' holds numbers as text; they are read in {notation}, e.g. '{text}' as "
                                 "{number}.").format(field=field, notation=notation_name(column.notation), text=text,
                                                     number=plain_number(number)))
        else:
            feedback.pushInfo(tr("Field '{field}' holds numbers as text; they read the same in German and English "
                                 "notation.").format(field=field))
    return column.values


def _message(error, field, name_features, spaces):
    details = error.details
    positions = details["positions"]
    # each example quoted: "156,5, 1494,5" could not be told apart in German (an outside check)
    examples = format_values([f"'{value}'" for value in details["examples"]], 3)
    count, ids = len(positions), name_features(positions)
    if error.code == "not_numbers" and details["notation"]:
        template = (tr("Field '{field}' has values that are not numbers in {notation} ({examples}) for {count} spaces: {ids}")
                    if spaces else
                    tr("Field '{field}' has values that are not numbers in {notation} ({examples}) for {count} blocks: {ids}"))
        return template.format(field=field, notation=notation_name(details["notation"]), examples=examples, count=count,
                               ids=ids)
    if error.code == "not_numbers":
        template = (tr("Field '{field}' has values that are not numbers ({examples}) for {count} spaces: {ids}") if spaces
                    else tr("Field '{field}' has values that are not numbers ({examples}) for {count} blocks: {ids}"))
        return template.format(field=field, examples=examples, count=count, ids=ids)
    if error.code == "mixed":
        german, english = details["examples"]
        return tr("Field '{field}' mixes number notations: '{german}' can only be German, '{english}' only English. "
                  "Correct the field so that all its values use one notation.").format(
            field=field, german=german, english=english)
    if error.code == "ambiguous":
        readings = "; ".join(f"'{text}' = {plain_number(de)} / {plain_number(en)}" for text, de, en in details["readings"])
        return tr("Field '{field}' holds numbers as text that read differently in German and English notation "
                  "({readings}). Choose the notation under 'Numbers stored as text' (advanced parameters).").format(
            field=field, readings=readings)
    # fractional: residents read from text with decimals
    template = (tr("Field '{field}' has values with decimals ({examples}) for {count} spaces: {ids}. Residents must be "
                   "whole numbers; check the notation of the field.") if spaces else
                tr("Field '{field}' has values with decimals ({examples}) for {count} blocks: {ids}. Residents must be "
                   "whole numbers; check the notation of the field."))
    return template.format(field=field, examples=examples, count=count, ids=ids)
