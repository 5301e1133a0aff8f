"""Parameters the indicator algorithms share: catalogue, confidentiality and export language."""
from pathlib import Path

from qgis.core import (
    QgsProcessingException,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsProcessingParameterVectorLayer,
)

from ..engine.errors import SozialraumError
from ..engine.indicators import default_catalogue_path, load_catalogue
from ..engine.numbers import parse_number_list
from ..i18n import language, tr
from ..qgisio import compat
from ..qgisio.compat import FILE_BEHAVIOUR
from .indicator_messages import raise_indicator_error


def add_catalogue_parameter(algorithm, name="CATALOGUE"):
    algorithm.addParameter(QgsProcessingParameterFile(
        name, tr("Indicator catalogue (CSV; empty: the catalogue of the sample town)"), behavior=FILE_BEHAVIOUR,
        extension="csv", optional=True))


def load_catalogue_parameter(algorithm, parameters, context, name="CATALOGUE"):
    """The catalogue chosen by the user (default: resources/catalogues/musterstadt.csv) and its path."""
    path = algorithm.parameterAsFile(parameters, name, context) or str(default_catalogue_path())
    if not Path(path).is_file():
        raise QgsProcessingException(tr("The catalogue file {file} does not exist.").format(file=path))
    try:
        return load_catalogue(path), path
    except SozialraumError as error:
        raise_indicator_error(error, path)


def add_confidentiality_parameters(algorithm, parent="INPUT"):
    add = algorithm.addParameter
    add(QgsProcessingParameterBoolean("CONFIDENTIALITY", tr("Statistical confidentiality (suppress small counts)"),
                                      defaultValue=True))
    add(QgsProcessingParameterNumber("MIN_COUNT", tr("Minimum number of cases (counts from 1 to this minus 1 are suppressed)"),
                                     type=compat.NUMBER_INTEGER, defaultValue=3, minValue=1))
    add(QgsProcessingParameterBoolean("ROUND_TO_3", tr("Round counts of the spaces to multiples of 3 (totals stay true)"),
                                      defaultValue=False))
    add(QgsProcessingParameterNumber("MIN_POPULATION_FOR_RATES", tr("No rates for spaces with fewer residents than"),
                                     type=compat.NUMBER_DOUBLE, defaultValue=300, minValue=0))
    add(QgsProcessingParameterField("POPULATION_FIELD", tr("Population field (for the minimum population)"),
                                    defaultValue="pop_total", parentLayerParameterName=parent, type=compat.FIELD_NUMERIC,
                                    optional=True))


def confidentiality_options(algorithm, parameters, context):
    return {
        "on": algorithm.parameterAsBoolean(parameters, "CONFIDENTIALITY", context),
        "minimum": algorithm.parameterAsInt(parameters, "MIN_COUNT", context),
        "round": algorithm.parameterAsBoolean(parameters, "ROUND_TO_3", context),
        "min_population": algorithm.parameterAsDouble(parameters, "MIN_POPULATION_FOR_RATES", context),
        "population_field": algorithm.parameterAsString(parameters, "POPULATION_FIELD", context) or None,
    }


def add_language_parameter(algorithm, name="LANGUAGE"):
    algorithm.addParameter(QgsProcessingParameterEnum(
        name, tr("Language of labels, reports and exports"),
        options=[tr("Language of the user interface"), "Deutsch", "English"], defaultValue=0))


def language_parameter(algorithm, parameters, context, name="LANGUAGE"):
    choice = algorithm.parameterAsEnum(parameters, name, context)
    return {1: "de", 2: "en"}.get(choice, language())


def class_breaks(algorithm, parameters, name, context, most=None):
    """The increasing class breaks of parameter ``name`` ("-1; 1; 1,5" or "-1,1,1.5"), at most ``most``."""
    text = algorithm.parameterAsString(parameters, name, context) or ""
    try:
        breaks = parse_number_list(text)
    except ValueError:
        breaks = ()
    if breaks and list(breaks) == sorted(set(breaks)) and (most is None or len(breaks) <= most):
        return breaks
    if most is None:
        message = tr("The class breaks '{text}' must be increasing numbers separated by semicolons (-1; 1; 1,5) or "
                     "commas (-1,1,1.5).")
    else:
        message = tr("The class breaks '{text}' must be 1 to {most} increasing numbers separated by semicolons "
                     "(-1; 1; 1,5) or commas (-1,1,1.5).")
    raise QgsProcessingException(message.format(text=text, most=most))


def add_spaces_with_indicators(algorithm, blocks_description):
    """The inputs the profiles and the atlas share: spaces with indicators, their id and name, the blocks."""
    add = algorithm.addParameter
    add(QgsProcessingParameterVectorLayer(algorithm.INPUT, tr("Spaces with indicators"), [compat.SOURCE_POLYGON]))
    add(QgsProcessingParameterField(algorithm.ID_FIELD, tr("Space id field"), parentLayerParameterName=algorithm.INPUT,
                                    type=compat.FIELD_ANY))
    add(QgsProcessingParameterField(algorithm.NAME_FIELD, tr("Space name field"),
                                    parentLayerParameterName=algorithm.INPUT, type=compat.FIELD_ANY, optional=True))
    add(QgsProcessingParameterVectorLayer(algorithm.BLOCKS, blocks_description, [compat.SOURCE_POLYGON], optional=True))
