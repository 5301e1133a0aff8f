"""Boundary certainty in ``sozialraum:delineate``: parameters, the runs, the styled block layer,
the fields of the spaces and the report section (the figures: engine/delineation/certainty.py).

Off by default: it costs N further runs of the search. Switched on by its check box or by
asking for the certainty layer.
"""
import dataclasses
import math
import os

import numpy as np
from qgis.core import (
    QgsFeature,
    QgsFields,
    QgsProcessingException,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterNumber,
)

from ..engine.delineation.certainty import DEFAULT_OVERLAP, DEFAULT_RUNS, DelineateCall, run_certainty
from ..engine.errors import SozialraumError
from ..i18n import language, tr
from ..presentation import html
from ..presentation.numbers import format_number
from ..qgisio import compat, stop_signals
from ..qgisio.blocks_input import polygon_wkb_type, unique_name
from ..qgisio.certainty_style import FIELD, certainty_style_on_load
from ..qgisio.destinations import output_requested
from ..qgisio.engine_errors import raise_for_engine_error
from ..qgisio.sink_writes import add_feature

CERTAINTY = "CERTAINTY"
CERTAINTY_RUNS = "CERTAINTY_RUNS"
CERTAINTY_WORKERS = "CERTAINTY_WORKERS"
OUTPUT_CERTAINTY = "OUTPUT_CERTAINTY"
#: Spaces listed in the report, least stable first.
REPORT_ROWS = 60

_ADVANCED = compat.PARAMETER_ADVANCED


def help_text():
    """The paragraph of the algorithm's help on the boundary certainty."""
    return tr(
        "Boundary certainty (optional, off by default): the search is run N more times with other seeds (N = 'number of "
        "further runs', default 10) and compared with the proposal. Block certainty: the share of runs that give a block "
        "the same neighbours in its space as the proposal (mean over its neighbours), in %. Per space: 'certainty' (mean "
        "of its blocks), 'overlap' (per run the largest overlap with a space of the run, residents in both / residents in "
        "either, averaged over the runs) and 'stability' (share of runs with a space overlapping it by at least 80 %). "
        "Where the runs agree the data decides the boundary; where they disagree the boundary is open to discussion. It "
        "costs N times the time of one run ('runs at the same time' above 1 uses more cores and memory); the log and the "
        "report say how long it took. Switched on by its check box or by asking for the layer 'Blocks with boundary "
        "certainty'.")


def add_certainty_parameters(algorithm):
    add = algorithm.addParameter
    add(QgsProcessingParameterBoolean(CERTAINTY, tr("Measure boundary certainty (further runs with other seeds)"),
                                      defaultValue=False))
    runs = QgsProcessingParameterNumber(CERTAINTY_RUNS, tr("Boundary certainty: number of further runs"),
                                        type=compat.NUMBER_INTEGER, defaultValue=DEFAULT_RUNS, minValue=1, maxValue=100)
    runs.setFlags(runs.flags() | _ADVANCED)
    add(runs)
    # one process by default: safe on any machine; more use more cores and memory (a copy of the town each)
    workers = QgsProcessingParameterNumber(CERTAINTY_WORKERS, tr("Boundary certainty: runs at the same time (processes)"),
                                           type=compat.NUMBER_INTEGER, defaultValue=1, minValue=1,
                                           maxValue=max(1, os.cpu_count() or 1))
    workers.setFlags(workers.flags() | _ADVANCED)
    add(workers)
    add(QgsProcessingParameterFeatureSink(OUTPUT_CERTAINTY, tr("Blocks with boundary certainty"), compat.SOURCE_POLYGON,
                                          optional=True, createByDefault=False))


def certainty_runs(algorithm, parameters, context):
    """Number of further runs, 0 when the certainty is not wanted (neither switched on nor its layer asked for)."""
    wanted = (algorithm.parameterAsBoolean(parameters, CERTAINTY, context)
              or output_requested(algorithm, parameters, OUTPUT_CERTAINTY, context))
    return algorithm.parameterAsInt(parameters, CERTAINTY_RUNS, context) if wanted else 0


def certainty_workers(algorithm, parameters, context):
    return algorithm.parameterAsInt(parameters, CERTAINTY_WORKERS, context)


def measure(feedback, proposal, delineate_arguments, delineate_keywords, runs, workers, population, progress):
    """The certainty of ``proposal`` from ``runs`` further runs of ``delineate(*arguments, **keywords)`` with
    other seeds (engine/delineation/certainty.py), ``workers`` at a time; logs the cost."""
    feedback.setProgressText(tr("Boundary certainty: {runs} further runs").format(runs=runs))
    solve_seed = DelineateCall(*delineate_arguments, **delineate_keywords)

    shown = []

    def step(fraction, stage):
        progress(fraction)
        run = min(runs, min(runs, int(fraction * runs)) + 1)
        if shown[-1:] != [run]:  # once per run: the dialog's log printed each progress step (90 lines for 4 runs)
            shown.append(run)
            feedback.setProgressText(tr("Boundary certainty: run {run} of {runs}").format(run=run, runs=runs))

    try:
        certainty = run_certainty(solve_seed, proposal, delineate_keywords["seed"], runs, population, DEFAULT_OVERLAP,
                                  progress=step, is_cancelled=stop_signals.cancel_check(feedback), workers=workers)
    except SozialraumError as error:
        raise_for_engine_error(error)
    if certainty.workers_failed:
        feedback.pushWarning(tr("The further runs could not use {workers} processes ({problem}); they ran one after the "
                                "other.").format(workers=workers, problem=certainty.workers_failed[:200]))
    boundary = certainty.boundary_agreement
    feedback.pushInfo(tr("Boundary certainty from {runs} further runs (seeds {first} to {last}, {workers} at a time) took "
                         "{seconds} s, {each} s a run. {certain} % of the pairs of neighbouring blocks on a boundary "
                         "between spaces are separated by at least 90 % of the runs; mean block certainty {mean} %.").format(
        runs=runs, first=certainty.seeds[0], last=certainty.seeds[-1], workers=certainty.workers,
        seconds=format_number(certainty.seconds, 0, language()), each=format_number(certainty.seconds / runs, 1, language()),
        certain=format_number(100 * float(np.mean(boundary >= 0.9)) if len(boundary) else 100.0, 0, language()),
        mean=format_number(100 * float(np.nanmean(certainty.block_certainty))
                           if np.isfinite(certainty.block_certainty).any() else 100.0, 0, language())))
    return certainty


def percent(value):
    """A share as a whole percentage for a field, None when not measured."""
    return None if value is None or (isinstance(value, float) and math.isnan(value)) else int(round(100 * value))


def space_fields():
    """(name, type) of the fields the spaces output gets when the certainty is measured."""
    return (("certainty", "int"), ("overlap", "int"), ("stability", "int"))


def space_values(certainty, space_id):
    """Values of :func:`space_fields` for one space: mean block certainty, mean overlap and stability, in %."""
    return [percent(certainty.space_certainty.get(space_id)), percent(certainty.space_overlap.get(space_id)),
            percent(certainty.space_stability.get(space_id))]


def with_numbers(certainty, numbers):
    """The certainty with its spaces under their stable numbers (``numbers``: engine label -> number).

    The runs compare engine labels; with an initial division the outputs show the spaces' carried-on
    numbers, and the certainty fields must sit with the same space.
    """
    def renamed(values):
        return {numbers.get(space, space): value for space, value in values.items()}

    return dataclasses.replace(certainty, space_certainty=renamed(certainty.space_certainty),
                               space_stability=renamed(certainty.space_stability),
                               space_overlap=renamed(certainty.space_overlap))


def write_certainty_blocks(algorithm, parameters, context, source, blocks, space_ids, certainty):
    """The blocks with their space (as in the spaces output) and certainty (in %); None when the layer was
    not asked for."""
    if not output_requested(algorithm, parameters, OUTPUT_CERTAINTY, context):
        return None
    fields = QgsFields(source.fields())
    space_name = unique_name(fields, "space_id")
    whole = all(space is None or isinstance(space, (int, np.integer)) for space in space_ids)
    fields.append(compat.field(space_name, "int" if whole else "string"))
    certainty_name = unique_name(fields, FIELD)
    fields.append(compat.field(certainty_name, "int"))
    sink, dest = algorithm.parameterAsSink(parameters, OUTPUT_CERTAINTY, context, fields, polygon_wkb_type(source),
                                           source.sourceCrs())
    if sink is None:
        raise QgsProcessingException(algorithm.invalidSinkError(parameters, OUTPUT_CERTAINTY))
    for index, feature in enumerate(blocks.features):
        out = QgsFeature(fields)
        out.setGeometry(feature.geometry())
        space = space_ids[index]
        space = None if space is None or (whole and int(space) <= 0) else (int(space) if whole else str(space))
        out.setAttributes(list(feature.attributes()) + [space, percent(float(certainty.block_certainty[index]))])
        add_feature(sink, out, algorithm, OUTPUT_CERTAINTY)
    certainty_style_on_load(context, dest, certainty_name)
    return dest


def report_section(certainty, spaces):
    """(heading, HTML) for the report: what was measured, how long it took, the least stable spaces.

    ``spaces``: the delineation's spaces (id, population).
    """
    boundary = certainty.boundary_agreement
    explained = html.paragraphs([
        tr("The search was run {runs} more times with other seeds (took {seconds} s, {each} s a run). Block "
           "certainty: the share of runs that give a block the same neighbours in its space as this proposal (mean over "
           "its neighbours). Mean overlap of a space: per run the largest overlap with one of the run's spaces (residents "
           "in both / residents in either), averaged over the runs. Stability: the share of runs with a space that overlaps "
           "it by at least {overlap} %. Boundaries the runs agree on are decided by the data; where they disagree, the boundary could "
           "as well lie elsewhere and is open to discussion.").format(
            runs=certainty.runs, seconds=format_number(certainty.seconds, 0, language()),
            each=format_number(certainty.seconds / max(certainty.runs, 1), 1, language()),
            overlap=format_number(100 * certainty.overlap, 0, language())),
        tr("Of the {total} pairs of neighbouring blocks on a boundary between spaces, {certain} are separated by at least "
           "90 % of the runs, {open} by fewer than half.").format(
            certain=format_number(np.sum(boundary >= 0.9), 0, language()), total=format_number(len(boundary), 0, language()),
            open=format_number(np.sum(boundary < 0.5), 0, language())),
    ], "legend")
    ordered = sorted(spaces, key=lambda space: (_sort_value(certainty.space_overlap.get(space.space_id)),
                                                _sort_value(certainty.space_stability.get(space.space_id)), space.space_id))
    rows = []
    for space in ordered[:REPORT_ROWS]:
        mean, overlap, stability = space_values(certainty, space.space_id)
        rows.append((str(space.space_id), format_number(space.population, 0, language()), _percent_text(mean), _percent_text(overlap),
                     _percent_text(stability)))
    table = html.table(rows, [tr("Space"), tr("Residents"), tr("Block certainty"), tr("Mean overlap"), tr("Stability")],
                       numeric=[1, 2, 3, 4])
    if len(ordered) > REPORT_ROWS:
        table += html.paragraphs([tr("The {shown} least stable of {total} spaces.").format(shown=REPORT_ROWS, total=len(ordered))],
                                 "legend")
    return tr("Boundary certainty"), explained + table


def _sort_value(value):
    return 2.0 if value is None or value != value else value


def _percent_text(value):
    return "–" if value is None else f"{value} %"
