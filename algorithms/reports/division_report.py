"""Writes the HTML report of ``delineate`` and ``evaluate``: one file a planner can hand on.

The pieces come from their own modules (what the run used: run_record; the map: report_map;
the page: presentation.evaluation_report); this one puts them together and makes sure a map
that cannot be drawn costs the map only, never the report.
"""
import traceback

from qgis.core import QgsMessageLog, QgsProcessingException

from ...i18n import tr
from ...presentation.evaluation_report import evaluation_report
from ...presentation.report_command import qgis_process_command
from ...qgisio import compat
from ...qgisio.atomic_files import write_text
from . import report_map
from .run_record import run_record

#: the status of spaces that get the red outline on the map (as in resources/styles/spaces.qml)
PROBLEM_STATUS = ("below", "above", "flagged")


def write_division_report(path, algorithm, parameters, context, feedback, outputs, evaluation, title, *,
                          drawn=(), crs=None, barriers=(), notes=(), flags=None, sections=(), block_ids=None, unit_field=None, gap=0.0,
                          used_values=None, islands=None):
    """Write the report to ``path``.

    ``drawn``: (geometry, space label, population, needs a look[, nesting unit]) per space for the map;
    ``unit_field``: the nesting field (its units' boundaries are drawn; None: none); ``gap``: the street gap;
    ``islands``: {space: residents of the islands joined to it};
    ``used_values``: {parameter name: text added to its value in the parameter table} where the run used
    another value than the one given (the compactness raised against combs);
    ``outputs``: the algorithm's result dict (file outputs appear as their paths);
    ``flags``: {space: engine flag codes} of a delineation;
    ``sections``: further (heading, HTML) sections, after the notes (e.g. the boundary certainty);
    ``block_ids``: the blocks' ids, to name the unassigned ones.
    """
    if feedback.isCanceled():  # the map takes seconds to draw; a cancelled run need not wait for it
        raise QgsProcessingException(tr("Cancelled by the user."))
    record = run_record(algorithm, parameters, context, outputs)
    for parameter in record.parameters:
        if parameter.name in (used_values or {}):
            parameter.shown = f"{parameter.shown} ({used_values[parameter.name]})"
    command = qgis_process_command(f"sozialraum:{algorithm.name()}", record.arguments())
    map_png, map_note = None, None
    try:
        map_png = report_map.spaces_map_png(list(drawn), crs, barriers, title, unit_field, gap)
    except Exception as error:  # noqa: BLE001 - without its map the report is still worth having
        QgsMessageLog.logMessage(traceback.format_exc(), "Sozialraum", compat.MESSAGE_WARNING)
        map_note = tr("The map could not be drawn ({problem}); the rest of the report is complete.").format(
            problem=f"{type(error).__name__}: {str(error)[:200]}")
        feedback.pushWarning(map_note)
    page = evaluation_report(evaluation, title, record.rows(), list(notes), flags=flags, map_png=map_png, map_note=map_note,
                             command=command, caveats=record.caveats, extra_sections=sections, block_ids=block_ids,
                             islands=islands)
    return write_text(path, page)
