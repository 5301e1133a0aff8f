"""sozialraum:delineate — propose social spaces from blocks."""
import math
import os
from dataclasses import dataclass

import numpy as np
from qgis.core import (
    QgsFeature,
    QgsFields,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ..engine.delineation.delineate import FAIL, FALLBACK, STATUS_LOCKED, delineate
from ..engine.delineation.numbering import renumber
from ..engine.errors import InfeasibleError, SozialraumError
from ..engine.problem import DEFAULT_COMPACTNESS, DEFAULT_POPULATION_WEIGHT
from ..engine.scoring import evaluate_division
from ..engine.spatial.geometry import block_outlines, representative_points
from ..engine.spatial.graph import Graph
from ..i18n import language
from ..presentation.engine_messages import describe, describe_problems
from ..presentation.numbers import format_number
from ..qgisio import compat, stop_signals
from ..qgisio.blocks_input import (
    block_adjacency,
    block_population,
    polygon_wkb_type,
    read_blocks,
    report_geometry_problems,
    unique_name,
)
from ..qgisio.engine_errors import checked_band, raise_for_engine_error
from ..qgisio.number_format import add_number_format_parameter, number_format
from ..qgisio.run_parameters import added_links, delineation_record, remember_delineation
from ..qgisio.sink_writes import add_feature
from ..qgisio.spaces_io import (
    add_neighbourhood,
    add_population_bounds,
    homogeneity_fields,
    prepared_attributes,
    report_compactness_failures,
    space_geometry,
)
from ..qgisio.styles import style_on_load
from . import certainty_output, stable_numbers
from .base import SozialraumAlgorithm
from .help_examples import with_example
from .reports.division_report import PROBLEM_STATUS, write_division_report

INFEASIBLE_CHOICES = (FALLBACK, FAIL)
#: Processes for the search's two starts: the second in a worker process on two cores or more (from 2,000
#: blocks, engine/delineation/delineate.py; the same division). Results never depend on it.
SEARCH_WORKERS = min(2, os.cpu_count() or 1)


def _locked_text(text):
    """A LOCKED value: '1.0' and '1' both mean space 1."""
    text = text.strip()
    try:
        number = float(text)
    except ValueError:
        return text
    return space_text(number) if number.is_integer() else text


def space_text(value):
    """A space value as the planner types it: 1.0 -> "1", 2.5 -> "2.5", "Nord" -> "Nord"."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


#: Engine notes that go to the log as warnings.
WARNING_NOTES = ("locked_missing", "compactness_raised")


def _island_residents(result):
    """{space id: residents of the islands joined to it} from the engine's island notes (the anchor's space)."""
    space_of = {int(block): space.space_id for space in result.spaces for block in space.blocks}
    islands = {}
    for note in result.notes:
        if note.get("code") == "island_joined" and int(note["anchor"]) in space_of:
            space = space_of[int(note["anchor"])]
            islands[space] = islands.get(space, 0.0) + float(note["population"])
    return islands


@dataclass
class DelineationChoices:
    """What the user chose in delineate's (and update's) parameters, read and checked once."""

    id_field: object  # None: QGIS feature ids
    population: str
    attributes: list
    weights: str
    structure: list
    balance: bool
    lower: float
    upper: float
    n_spaces: int
    gap: float
    barriers: list
    nest: object
    initial: object
    locked: list
    compactness: float
    weight_by_population: bool
    seed: int
    on_infeasible: str
    population_weight: float = DEFAULT_POPULATION_WEIGHT  # residents' share in the search's block weights
    numbering: object = None  # the rule for stable numbers, read with the outputs (stable_numbers.py)
    stability: float = 0.0  # sozialraum:update only


class DelineateAlgorithm(SozialraumAlgorithm):
    GROUP = "spaces"
    ALGORITHM_NAME = "delineate"
    ICON = "sozialraum.svg"

    INPUT = "INPUT"
    ID_FIELD = "ID_FIELD"
    POPULATION_FIELD = "POPULATION_FIELD"
    ATTRIBUTES = "ATTRIBUTES"
    WEIGHTS = "WEIGHTS"
    STRUCTURE_ATTRIBUTES = "STRUCTURE_ATTRIBUTES"
    BALANCE_GROUPS = "BALANCE_GROUPS"
    MIN_POPULATION = "MIN_POPULATION"
    #: boundary certainty from further seeded runs of the same call (the update algorithm repeats no delineation)
    MEASURES_CERTAINTY = True
    #: with an initial division, point to the update algorithm when the number of spaces changed (not in update)
    ADVISES_UPDATE = True
    MAX_POPULATION = "MAX_POPULATION"
    N_SPACES = "N_SPACES"
    GAP_DISTANCE = "GAP_DISTANCE"
    BARRIERS = "BARRIERS"
    NEST_FIELD = "NEST_FIELD"
    INITIAL_FIELD = "INITIAL_FIELD"
    LOCKED = "LOCKED"
    COMPACTNESS = "COMPACTNESS"
    WEIGHT_BY_POPULATION = "WEIGHT_BY_POPULATION"
    POPULATION_WEIGHT = "POPULATION_WEIGHT"
    SEED = "SEED"
    ON_INFEASIBLE = "ON_INFEASIBLE"
    OUTPUT = "OUTPUT"
    OUTPUT_SPACES = "OUTPUT_SPACES"
    REPORT = "REPORT"

    def displayName(self):  # noqa: N802
        return self.tr("Propose social spaces")

    def shortHelpString(self):  # noqa: N802
        return with_example(self.tr(
            "Groups blocks into contiguous social spaces that are internally alike in the chosen attributes "
            "(social indicators and building structure), with every space's population between the minimum "
            "and the maximum.\n\n"
            "Attributes are standardised (z-scores) and weighted (WEIGHTS, e.g. 'sgb2_rate=2;old_share=0,5': pairs separated by ';', "
            "either decimal mark); "
            "with 'Give social and building-structure attributes equal total weight', the building-structure "
            "attributes together get the same weight as the social ones; they count for homogeneity whether or not "
            "they are also listed among its attributes. Use rates or shares (e.g. SGB II rate), not raw counts, unless size should matter.\n\n"
            "Number of spaces: 0 chooses it automatically as population / middle of the population band, "
            "within what the bounds allow in each part of the town; the log says how it was chosen.\n\n"
            "Neighbourhood: as in 'Build block adjacency' (gap distance across streets, barrier lines cut "
            "links, blocks in different nesting units are never in one space). Initial division: a field "
            "with an existing division to start from; locked spaces (comma-separated values of that field) "
            "stay exactly as they are.\n\n"
            "Objective: the within-space sum of squares of the attributes plus the compactness weight times "
            "the length of the boundaries between spaces (street gaps between blocks of one space do not count). "
            "The default weight gives compact spaces at nearly the same homogeneity; 0 optimises homogeneity "
            "alone, larger values give rounder spaces. With 'weight blocks by residents' (default) every inhabited "
            "block counts partly with its residents and partly as one block (the residents' share, an advanced "
            "parameter: 0.3 by default, 1 = by residents alone, 0 = every inhabited block alike), so populous blocks "
            "count more without outweighing their neighbours; parks, industry and other blocks without residents "
            "weigh nothing and go to the neighbouring space that gives the shorter boundary; switched off, every "
            "block counts the same.\n\n"
            "If the bounds cannot hold (a block above the maximum, a part cut off by barriers with fewer "
            "residents than the minimum, an impossible number of spaces) the algorithm either stops with "
            "a message naming the blocks, or applies the fallback: such a block becomes its own space, an "
            "island joins its nearest block in the same nesting unit (alone in its unit it stays its own space, "
            "below the minimum); these spaces are flagged in the output.\n\n"
            "Outputs: the blocks with space_id, the dissolved spaces (population, blocks, SSD, Polsby-Popper "
            "compactness, convex-hull ratio, enclaves, status ok/below/above/flagged/locked, flags) and an "
            "optional HTML report; as numbers the SSD share unweighted and weighted by residents, the mean "
            "Polsby-Popper and the number of enclaves. The same seed gives the same result.\n\n"
            "The HTML report is a document to hand on: quality figures, a map, the population histogram with "
            "the bounds, the flagged spaces with reasons, all parameters and the qgis_process command that "
            "repeats the run."
        ) + "\n\n" + self.tr(
            "With an initial division every space that carries on keeps its number (the field keeps its name and the "
            "old value goes to space_before): new spaces get the next free number, the number they were split from "
            "with a letter (31a) or the first free number after it (403 -> 410 when 404-409 exist, for numbers that "
            "encode a district); a dissolved number is never given out again. The spaces output and the log say per "
            "space: kept, boundary changed, split from, new, took in (dissolved spaces), and where the residents "
            "of a dissolved space went."
        ) + "\n\n" + certainty_output.help_text(), self.name())

    def initAlgorithm(self, config=None):  # noqa: N802
        add = self.addParameter
        add(QgsProcessingParameterFeatureSource(self.INPUT, self.tr("Blocks"), [compat.SOURCE_POLYGON]))
        add(QgsProcessingParameterField(self.ID_FIELD, self.tr("Block id field (empty: feature id)"), parentLayerParameterName=self.INPUT,
                                        type=compat.FIELD_ANY, optional=True))
        add(QgsProcessingParameterField(self.POPULATION_FIELD, self.tr("Population field"), parentLayerParameterName=self.INPUT,
                                        type=compat.FIELD_NUMERIC))
        add(QgsProcessingParameterField(self.ATTRIBUTES, self.tr("Attributes for homogeneity (numeric fields)"),
                                        parentLayerParameterName=self.INPUT, type=compat.FIELD_NUMERIC, allowMultiple=True))
        add(QgsProcessingParameterString(self.WEIGHTS, self.tr("Attribute weights (field=weight;...)"), optional=True))
        add(QgsProcessingParameterField(self.STRUCTURE_ATTRIBUTES, self.tr("Attributes that describe building structure"),
                                        parentLayerParameterName=self.INPUT, type=compat.FIELD_NUMERIC, allowMultiple=True, optional=True))
        add(QgsProcessingParameterBoolean(self.BALANCE_GROUPS, self.tr("Give social and building-structure attributes equal total weight"),
                                          defaultValue=False))
        add_population_bounds(self)
        add(QgsProcessingParameterNumber(self.N_SPACES, self.tr("Number of spaces (0 = automatic)"), type=compat.NUMBER_INTEGER,
                                         defaultValue=0, minValue=0))
        add_neighbourhood(self)
        add(QgsProcessingParameterField(self.INITIAL_FIELD, self.tr("Initial division (field with existing spaces)"),
                                        parentLayerParameterName=self.INPUT, type=compat.FIELD_ANY, optional=True))
        add(QgsProcessingParameterString(self.LOCKED, self.tr("Locked spaces (values of the initial division, comma-separated)"),
                                         optional=True))
        add(QgsProcessingParameterNumber(self.COMPACTNESS, self.tr("Compactness weight (0 = homogeneity only)"),
                                         type=compat.NUMBER_DOUBLE, defaultValue=DEFAULT_COMPACTNESS, minValue=0.0))
        add(QgsProcessingParameterBoolean(self.WEIGHT_BY_POPULATION, self.tr("Weight blocks by residents in the homogeneity"),
                                          defaultValue=True))
        share = QgsProcessingParameterNumber(
            self.POPULATION_WEIGHT, self.tr("Residents' share in the block weights (0 = every inhabited block alike, 1 = by residents only)"),
            type=compat.NUMBER_DOUBLE, defaultValue=DEFAULT_POPULATION_WEIGHT, minValue=0.0, maxValue=1.0)
        share.setFlags(share.flags() | compat.PARAMETER_ADVANCED)
        add(share)
        add(QgsProcessingParameterNumber(self.SEED, self.tr("Random seed"), type=compat.NUMBER_INTEGER, defaultValue=1, minValue=0))
        add(QgsProcessingParameterEnum(self.ON_INFEASIBLE, self.tr("When the bounds cannot hold"),
                                       options=[self.tr("Use the fallback and flag the spaces"), self.tr("Stop with a message")],
                                       defaultValue=0))
        add_number_format_parameter(self)
        stable_numbers.add_numbering_parameter(self)
        add(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Blocks with space"), compat.SOURCE_POLYGON))
        add(QgsProcessingParameterFeatureSink(self.OUTPUT_SPACES, self.tr("Social spaces"), compat.SOURCE_POLYGON))
        add(QgsProcessingParameterFileDestination(self.REPORT, self.tr("Report"), self.tr("HTML files (*.html)"), optional=True,
                                                  createByDefault=False))
        if self.MEASURES_CERTAINTY:
            certainty_output.add_certainty_parameters(self)
        for name, description in (
            ("N_SPACES_MADE", self.tr("Number of spaces")),
            ("SSD_SHARE", self.tr("Within sum of squares / total sum of squares")),
            ("SSD_SHARE_WEIGHTED", self.tr("Within / total sum of squares, blocks weighted by residents")),
            ("MEAN_POLSBY_POPPER", self.tr("Mean compactness (Polsby-Popper)")),
            ("N_ENCLAVES", self.tr("Enclaves (spaces inside another space)")),
            ("N_BELOW", self.tr("Spaces below the minimum")),
            ("N_ABOVE", self.tr("Spaces above the maximum")),
            ("N_FLAGGED", self.tr("Spaces flagged by the fallback (status 'flagged')")),
        ):
            self.addOutput(QgsProcessingOutputNumber(name, description))

    # -- reading ----------------------------------------------------------------------
    def _parameters(self, parameters, context):
        chosen = DelineationChoices(
            id_field=self.parameterAsString(parameters, self.ID_FIELD, context) or None,
            population=self.parameterAsString(parameters, self.POPULATION_FIELD, context),
            attributes=compat.parameter_as_fields(self, parameters, self.ATTRIBUTES, context),
            weights=self.parameterAsString(parameters, self.WEIGHTS, context),
            structure=compat.parameter_as_fields(self, parameters, self.STRUCTURE_ATTRIBUTES, context) or [],
            balance=self.parameterAsBoolean(parameters, self.BALANCE_GROUPS, context),
            lower=self.parameterAsDouble(parameters, self.MIN_POPULATION, context),
            upper=self.parameterAsDouble(parameters, self.MAX_POPULATION, context),
            n_spaces=self.parameterAsInt(parameters, self.N_SPACES, context),
            gap=self.parameterAsDouble(parameters, self.GAP_DISTANCE, context),
            barriers=self.parameterAsLayerList(parameters, self.BARRIERS, context) or [],
            nest=self.parameterAsString(parameters, self.NEST_FIELD, context) or None,
            initial=self.parameterAsString(parameters, self.INITIAL_FIELD, context) or None,
            locked=[_locked_text(v) for v in (self.parameterAsString(parameters, self.LOCKED, context) or "").split(",") if v.strip()],
            compactness=self.parameterAsDouble(parameters, self.COMPACTNESS, context),
            weight_by_population=self.parameterAsBoolean(parameters, self.WEIGHT_BY_POPULATION, context),
            population_weight=self.parameterAsDouble(parameters, self.POPULATION_WEIGHT, context),
            seed=self.parameterAsInt(parameters, self.SEED, context),
            on_infeasible=INFEASIBLE_CHOICES[self.parameterAsEnum(parameters, self.ON_INFEASIBLE, context)],
        )
        if not chosen.attributes:
            raise QgsProcessingException(self.tr("Choose at least one attribute for homogeneity."))
        chosen.attributes = homogeneity_fields(chosen.attributes, chosen.structure)
        checked_band(chosen.lower, chosen.upper)  # refused before the blocks are read
        if chosen.locked and not chosen.initial:
            raise QgsProcessingException(self.tr("Locked spaces need an initial division field."))
        return chosen

    def process(self, parameters, context, feedback):
        source = self.parameterAsSource(parameters, self.INPUT, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.INPUT))
        chosen = self._parameters(parameters, context)
        feedback.setProgressText(self.tr("Reading blocks"))
        blocks = read_blocks(source, context, feedback, chosen.id_field, [chosen.population, *chosen.attributes, chosen.nest, chosen.initial],
                             number_format(self, parameters, context))
        population = block_population(blocks, chosen.population, feedback)
        values = prepared_attributes(blocks, chosen.attributes, chosen.weights, chosen.structure, chosen.balance, feedback,
                                     population=population)
        nest = blocks.values(chosen.nest) if chosen.nest else None
        initial = self._initial(blocks, chosen)

        feedback.setProgressText(self.tr("Building block adjacency"))
        adjacency = block_adjacency(blocks, chosen.barriers, chosen.gap, context, feedback, nest=nest, population=population,
                                    progress=lambda f, s: feedback.setProgress(10 + 20 * f))
        report_geometry_problems(adjacency, blocks, feedback)
        graph = Graph(len(blocks.shapes), adjacency.left, adjacency.right, adjacency.shared_length)
        active = np.ones(len(blocks.shapes), dtype=bool)
        active[adjacency.skipped] = False
        # once per run (the certainty's further runs take them too), from the adjacency's repaired blocks
        self._outlines = block_outlines(adjacency.clean_shapes, active, repaired=True)

        feedback.setProgressText(self.tr("Proposing social spaces"))
        chosen.numbering = stable_numbers.numbering_rule(self, parameters, context)
        certainty_runs = certainty_output.certainty_runs(self, parameters, context) if self.MEASURES_CERTAINTY else 0
        share = 60 / (1 + certainty_runs)  # of the progress bar, for the proposal; the further runs take the rest
        try:
            result, renumbering = self._solve(graph, population, values.values, nest, initial, blocks, active, chosen, feedback,
                                              progress=lambda f, s: feedback.setProgress(30 + share * f))
        except InfeasibleError as error:
            raise QgsProcessingException(
                self.tr("The population bounds cannot hold: {problems} Change the bounds, the barriers or the number "
                        "of spaces, or choose the fallback.").format(problems=describe_problems(error.details["problems"], blocks))
            ) from error
        except SozialraumError as error:
            raise_for_engine_error(error)
        for note in result.notes:
            # a mistyped locked space and a raised compactness weight change what the planner asked
            # for: warnings, not lines among the progress (outside check)
            (feedback.pushWarning if note.get("code") in WARNING_NOTES else feedback.pushInfo)(describe(note, blocks))
        space_ids = result.labels
        if renumbering is not None:  # the numbers of the initial division carry on (algorithms/stable_numbers.py)
            self._advise_update(renumbering, result, chosen, feedback)
            space_ids = stable_numbers.apply_numbers(result, renumbering)
            stable_numbers.log_changes(renumbering, feedback)
        certainty = None
        if certainty_runs:  # the same problem, other seeds (engine/delineation/certainty.py)
            certainty = certainty_output.measure(
                feedback, result, (graph, population, values.values), self._run_arguments(nest, initial, blocks, active, chosen),
                certainty_runs, certainty_output.certainty_workers(self, parameters, context), population,
                lambda f: feedback.setProgress(30 + share + (60 - share) * f))
            if renumbering is not None:  # the runs compare engine labels; the outputs show the stable numbers
                certainty = certainty_output.with_numbers(certainty, renumbering.numbers)

        if stop_signals.pending_cancel(feedback):  # before any output is created: nothing that looks finished
            raise QgsProcessingException(self.tr("Cancelled by the user."))
        feedback.setProgressText(self.tr("Writing the results"))
        evaluation = evaluate_division(space_ids, population, values.values, chosen.lower, chosen.upper, graph=result.graph,
                                       barrier_pairs=adjacency.barrier_pairs, geometries=blocks.shapes, nest=nest,
                                       closing=chosen.gap, missing=(0,),
                                       statuses={space_ids[space.blocks[0]]: space.status for space in result.spaces})
        report_compactness_failures(evaluation, feedback)
        shape_columns = ["polsby_popper", "convex_hull_ratio", "n_enclaves"]
        compactness = {row.pop("space"): row for row in evaluation.spaces[["space", *shape_columns]].to_dict("records")}
        blocks_dest = self._write_blocks(parameters, context, source, blocks, result, space_ids, renumbering, chosen.initial)
        space_field = chosen.initial if renumbering is not None else unique_name(QgsFields(source.fields()), "space_id")
        remember_delineation(context, blocks_dest, delineation_record(vars(chosen), space_field,
                                                                      len(blocks.ids), added_links(graph, result.graph)))
        drawn = []  # the spaces as the report's map shows them
        spaces_dest = self._write_spaces(parameters, context, source, blocks, result, compactness, chosen.gap, bool(chosen.nest), drawn,
                                         renumbering, certainty)
        style_on_load(context, blocks_dest, "blocks_by_space")
        style_on_load(context, spaces_dest, "spaces")
        summary = evaluation.summary
        lang = language()  # the log's numbers in the interface's notation (German: 0,596 and 8.493)
        feedback.pushInfo(self.tr("{k} spaces, SSD share {share}, population {low} to {high}; {below} below the "
                                  "minimum, {above} above the maximum, {flagged} flagged.").format(
            k=result.k, share=format_number(summary["ssd_share"], 3, lang), low=format_number(summary["pop_min"], 0, lang),
            high=format_number(summary["pop_max"], 0, lang), below=summary["n_below"],
            above=summary["n_above"], flagged=summary["n_flagged"]))
        # a locked space keeps the status "locked" (N_BELOW and N_ABOVE count the statuses written), but a
        # reader of the counts must still see that the division breaks the bounds (an outside check)
        outside = [space for space in result.spaces if space.status == STATUS_LOCKED
                   and not chosen.lower <= space.population <= chosen.upper]
        if outside:
            feedback.pushWarning(self.tr("%n locked space(s) outside the population bounds, kept as they are: {spaces}",
                                         len(outside)).format(spaces=", ".join(
                f"{space_ids[space.blocks[0]]} ({format_number(space.population, 0, lang)})" for space in outside)))
        outputs = {
            self.OUTPUT: blocks_dest,
            self.OUTPUT_SPACES: spaces_dest,
            "N_SPACES_MADE": result.k,
            "SSD_SHARE": float(summary["ssd_share"]),  # the report's figure: over the blocks with a space
            "SSD_SHARE_WEIGHTED": float(summary["ssd_share_weighted"]),
            "MEAN_POLSBY_POPPER": float(summary["mean_polsby_popper"]),  # NaN when no outline could be measured
            # a count like the others; NaN (a float) only when no outline could be measured (an outside check saw 1.0)
            "N_ENCLAVES": int(summary["n_enclaves"]) if math.isfinite(summary["n_enclaves"]) else float("nan"),
            "N_BELOW": int(summary["n_below"]),
            "N_ABOVE": int(summary["n_above"]),
            "N_FLAGGED": int(summary["n_flagged"]),
        }
        if certainty is not None:
            outputs[certainty_output.OUTPUT_CERTAINTY] = certainty_output.write_certainty_blocks(
                self, parameters, context, source, blocks, space_ids, certainty)
        report = self.parameterAsFileOutput(parameters, self.REPORT, context)
        if report:
            outputs[self.REPORT] = report
            feedback.setProgressText(self.tr("Writing the report"))
            write_division_report(report, self, parameters, context, feedback, outputs, evaluation,
                                  self._report_title(source.sourceName()),
                                  drawn=drawn, crs=source.sourceCrs(), barriers=chosen.barriers,
                                  notes=[describe(note, blocks) for note in result.notes],
                                  flags={space.space_id: list(space.flags) for space in result.spaces},
                                  sections=([] if renumbering is None else [stable_numbers.report_section(renumbering)]) +
                                  ([] if certainty is None else [certainty_output.report_section(certainty, result.spaces)]),
                                  block_ids=blocks.ids, unit_field=chosen.nest, gap=chosen.gap,
                                  used_values=self._used_values(result.notes), islands=_island_residents(result))
        feedback.setProgress(100)
        return outputs

    def _report_title(self, layer):
        return self.tr("Proposed social spaces: {layer}").format(layer=layer)

    def _run_arguments(self, nest, initial, blocks, active, chosen):
        """The engine's arguments besides the graph and the values: the proposal and the certainty's further
        runs (other seeds) make the same call."""
        areas, perimeters = self._outlines  # for the shape polish; None: it is skipped
        return dict(lower=chosen.lower, upper=chosen.upper, n_spaces=chosen.n_spaces, nest=nest, initial=initial, locked=chosen.locked,
                    compactness=chosen.compactness, weight_by_population=chosen.weight_by_population,
                    population_weight=chosen.population_weight, seed=chosen.seed, on_infeasible=chosen.on_infeasible,
                    coordinates=representative_points(blocks.shapes), active=active, block_areas=areas,
                    block_perimeters=perimeters, block_shapes=blocks.shapes if areas is not None else None,
                    closing=chosen.gap, workers=SEARCH_WORKERS)

    def _solve(self, graph, population, values, nest, initial, blocks, active, chosen, feedback, progress=None):
        """The engine run: (result, renumbering or None); the update algorithm runs its own."""
        result = delineate(graph, population, values, **self._run_arguments(nest, initial, blocks, active, chosen),
                           progress=progress or (lambda f, s: feedback.setProgress(30 + 60 * f)),
                           is_cancelled=stop_signals.cancel_check(feedback))
        renumbering = None if initial is None else renumber(initial, result.labels, population, rule=chosen.numbering)
        return result, renumbering

    def _initial(self, blocks, chosen):
        if not chosen.initial:
            return None
        values = blocks.values(chosen.initial)
        # locked values are typed as text; compare initial values as text too, whole numbers
        # of a REAL field as "1", not "1.0" (LOCKED=1 must match them)
        return [None if value is None else space_text(value) for value in values]

    def _write_blocks(self, parameters, context, source, blocks, result, space_ids, renumbering=None, initial_field=None):
        if renumbering is not None:
            fields, position, before = stable_numbers.block_fields(source.fields(), initial_field, renumbering)
        else:
            fields = QgsFields(source.fields())
            fields.append(compat.field(unique_name(fields, "space_id"), "int"))
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT, context, fields, polygon_wkb_type(source), source.sourceCrs())
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        for index, feature in enumerate(blocks.features):
            out = QgsFeature(fields)
            out.setGeometry(feature.geometry())
            if renumbering is not None:
                values = list(feature.attributes())
                old = values[position]
                values[position] = space_ids[index]
                out.setAttributes(values + [stable_numbers.before_value(old, renumbering)])
            else:
                label = int(result.labels[index])
                out.setAttributes(list(feature.attributes()) + [label if label > 0 else None])
            add_feature(sink, out, self, self.OUTPUT, blocks.ids[index])
        return dest

    def _advise_update(self, renumbering, result, chosen, feedback):
        """With an initial division, delineate divides anew from it: when it made another number of spaces than
        the initial division has, say so and name the algorithm that changes as little as possible (an outside
        re-check: 52 of 64 spaces changed where two were out of bounds, and the log did not say why)."""
        initial = len(renumbering.dissolved) + sum(change.change in (stable_numbers.KEPT, stable_numbers.CHANGED)
                                                   for change in renumbering.changes)
        if not self.ADVISES_UPDATE or chosen.n_spaces or result.k == initial:
            return
        feedback.pushWarning(self.tr(
            "The initial division has {initial} spaces; this run made {made} (number chosen automatically) and "
            "changed {changed} of them. For as little change as possible, use 'Update a division with minimal "
            "change', or give the number of spaces.").format(
            initial=initial, made=result.k,
            changed=sum(change.change != stable_numbers.KEPT for change in renumbering.changes)))

    def _used_values(self, notes):
        """Parameters the run used with another value than given, as the report's parameter table adds them (the
        table showed the chosen compactness where the comb rule had raised it: an outside check)."""
        raised = next((note for note in notes if note.get("code") == "compactness_raised"), None)
        if raised is None or raised["used"] == raised["chosen"]:
            return {}
        return {self.COMPACTNESS: self.tr("the search used {weight} against comb-shaped spaces; see the notes").format(
            weight=format_number(raised["used"], 2, language()))}  # two decimals, as the note says it

    def _write_spaces(self, parameters, context, source, blocks, result, compactness, gap, has_nest, drawn, renumbering=None,
                      certainty=None):
        fields = QgsFields()
        id_kind = "int" if renumbering is None or renumbering.integer_ids else "string"
        extra = stable_numbers.CHANGE_FIELDS if renumbering is not None else ()
        for name, kind in (("space_id", id_kind), ("population", "double"), ("n_blocks", "int"), ("ssd", "double"),
                           ("compactness", "double"), ("convex_hull_ratio", "double"), ("n_enclaves", "int"), ("status", "string"), ("flags", "string"), ("unit", "string"), *extra):
            fields.append(compat.field(name, kind))
        for name, kind in certainty_output.space_fields() if certainty is not None else ():
            fields.append(compat.field(name, kind))
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT_SPACES, context, fields,
                                          polygon_wkb_type(source, multi=True), source.sourceCrs())
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT_SPACES))
        for space in result.spaces:
            geometry = space_geometry(blocks, space.blocks, gap)
            out = QgsFeature(fields)
            out.setGeometry(geometry)
            shape = compactness.get(space.space_id, {})
            pp, hull, enclaves = (shape.get(name) for name in ("polsby_popper", "convex_hull_ratio", "n_enclaves"))
            out.setAttributes([
                space.space_id, round(space.population, 1), len(space.blocks), round(space.ssd, 4),
                None if pp is None or pp != pp else round(float(pp), 4),
                None if hull is None or hull != hull else round(float(hull), 4),
                None if enclaves is None or enclaves != enclaves else int(enclaves), space.status, ",".join(space.flags),
                str(space.unit) if has_nest and space.unit is not None else None,
                *([] if renumbering is None else stable_numbers.change_values(renumbering, space.space_id)),
            ] + ([] if certainty is None else certainty_output.space_values(certainty, space.space_id)))
            add_feature(sink, out, self, self.OUTPUT_SPACES)
            drawn.append((geometry, space_text(space.space_id), space.population, space.status in PROBLEM_STATUS,
                          space.unit if has_nest else None))
        return dest
