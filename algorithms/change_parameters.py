"""The parameters of the council's change report in sozialraum:compare and reading them: the bounds for
the reasons, the consultation's decision log, the language and the PDF."""
from datetime import datetime

from qgis.core import QgsProcessingParameterFeatureSource, QgsProcessingParameterFileDestination, QgsProcessingParameterNumber

from ..i18n import tr
from ..qgisio import compat
from .indicator_parameters import add_language_parameter

DECISION_FIELDS = ("from_spaces", "to_spaces", "reason", "author", "time")
#: Kinds of decision-log rows that move no block (ui/decision_log_text.py, engine/consultation/sessionrecords.py)
NOT_A_MOVE = ("proposal", "lock", "unlock")


def add_change_parameters(algorithm):
    add = algorithm.addParameter
    add(QgsProcessingParameterNumber("MIN_POPULATION", tr("Minimum population of a space (for the reasons; empty: not checked)"),
                                     type=compat.NUMBER_DOUBLE, optional=True, minValue=0.0))
    add(QgsProcessingParameterNumber("MAX_POPULATION", tr("Maximum population of a space (for the reasons; empty: not checked)"),
                                     type=compat.NUMBER_DOUBLE, optional=True, minValue=0.0))
    add(QgsProcessingParameterFeatureSource("DECISIONS", tr("Decision log of the consultation (table sozialraum_decisions)"),
                                            [compat.SOURCE_VECTOR], optional=True))
    add_language_parameter(algorithm)
    add(QgsProcessingParameterFileDestination("REPORT_PDF", tr("Report as PDF"), tr("PDF files (*.pdf)"), optional=True,
                                              createByDefault=False))


def change_inputs(algorithm, parameters, context, feedback):
    """(lower or None, upper or None, decision rows)."""
    bounds = []
    for name in ("MIN_POPULATION", "MAX_POPULATION"):
        given = parameters.get(name) not in (None, "")
        bounds.append(algorithm.parameterAsDouble(parameters, name, context) if given else None)
    decisions = []
    source = algorithm.parameterAsSource(parameters, "DECISIONS", context) if parameters.get("DECISIONS") else None
    if source is not None:
        missing = [name for name in DECISION_FIELDS if name not in source.fields().names()]
        if missing:
            feedback.pushWarning(tr("The decision log has no field {fields}; it is left out of the report.").format(
                fields=", ".join(missing)))
        else:
            names = source.fields().names()
            for feature in source.getFeatures():
                # an expert's comment from the web atlas is no decision; a lock moved nothing (an outside
                # check found a lock taken after variant B cited as why a space of B changed)
                if "kind" in names and _text(feature["kind"]) in NOT_A_MOVE:
                    continue
                if "blocks" in names and _text(feature["blocks"]) in ("0", "0.0"):
                    continue
                row = {name: _text(feature[name]) for name in DECISION_FIELDS}
                row["time"] = _minute(row["time"])
                decisions.append(row)
    return bounds[0], bounds[1], decisions


def _minute(text):
    """'2026-12-07T08:19:30+00:00' as '2026-12-07 08:19' (the report broke the ISO text across lines)."""
    if "T" not in text:  # a date alone, or not ISO at all: as written
        return text
    try:
        return datetime.fromisoformat(text).strftime("%Y-%m-%d %H:%M")
    except (TypeError, ValueError):
        return text


def _text(value):
    return "" if value is None or (hasattr(value, "isNull") and value.isNull()) else str(value)
