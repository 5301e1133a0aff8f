"""sozialraum:evaluate — score any existing division of blocks into spaces."""
import numpy as np
from qgis.core import (
    QgsFeature,
    QgsField,
    QgsFields,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
)

from ..engine.delineation.feasibility import join_islands
from ..engine.scoring import SPACE_COLUMNS, evaluate_division
from ..engine.spatial.geometry import representative_points
from ..engine.spatial.graph import Graph
from ..i18n import language
from ..presentation.engine_messages import describe
from ..presentation.numbers import format_number
from ..qgisio import compat
from ..qgisio.blocks_input import (
    block_adjacency,
    block_population,
    polygon_wkb_type,
    read_blocks,
    report_geometry_problems,
)
from ..qgisio.engine_errors import checked_band
from ..qgisio.number_format import add_number_format_parameter, number_format
from ..qgisio.run_parameters import added_links
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
from .base import SozialraumAlgorithm
from .help_examples import with_example
from .reports.division_report import PROBLEM_STATUS, write_division_report

COLUMN_KINDS = {"population": "double", "n_blocks": "int", "ssd": "double", "status": "string", "contiguous": "int",
                "n_parts": "int", "barrier_crossings": "int", "polsby_popper": "double",
                "convex_hull_ratio": "double", "n_enclaves": "int", "nest_units": "int"}


class EvaluateAlgorithm(SozialraumAlgorithm):
    GROUP = "spaces"
    ALGORITHM_NAME = "evaluate"
    ICON = "sozialraum.svg"

    INPUT = "INPUT"
    SPACE_FIELD = "SPACE_FIELD"
    ID_FIELD = "ID_FIELD"
    STRUCTURE_ATTRIBUTES = "STRUCTURE_ATTRIBUTES"
    BALANCE_GROUPS = "BALANCE_GROUPS"
    POPULATION_FIELD = "POPULATION_FIELD"
    ATTRIBUTES = "ATTRIBUTES"
    WEIGHTS = "WEIGHTS"
    MIN_POPULATION = "MIN_POPULATION"
    MAX_POPULATION = "MAX_POPULATION"
    GAP_DISTANCE = "GAP_DISTANCE"
    BARRIERS = "BARRIERS"
    NEST_FIELD = "NEST_FIELD"
    OUTPUT = "OUTPUT"
    REPORT = "REPORT"

    def displayName(self):  # noqa: N802
        return self.tr("Evaluate a division")

    def shortHelpString(self):  # noqa: N802
        return with_example(self.tr(
            "Scores an existing division of blocks into spaces (a field with the space of each block) with "
            "the same rules as 'Propose social spaces': homogeneity as the share of the within-space sum of "
            "squares in the total (SSD share; attributes standardised and weighted as there), population per "
            "space against the minimum and maximum, contiguity (spaces in several parts), barrier crossings "
            "inside spaces, shape (Polsby-Popper and convex-hull ratio of the outline with street gaps closed; "
            "enclaves: holes of the outline filled by another space) and spaces spanning more than one unit of "
            "the nesting field.\n\n"
            "Outputs: one feature per space with its scores, and an HTML report to hand on: the quality "
            "figures, a map, the population histogram with the bounds, the flagged spaces with reasons, the "
            "table of spaces, the five least compact spaces, all parameters and the qgis_process command that "
            "repeats the run. Blocks without a space value are counted and listed."
        ), self.name())

    def initAlgorithm(self, config=None):  # noqa: N802
        add = self.addParameter
        add(QgsProcessingParameterFeatureSource(self.INPUT, self.tr("Blocks"), [compat.SOURCE_POLYGON]))
        add(QgsProcessingParameterField(self.SPACE_FIELD, self.tr("Space field"), parentLayerParameterName=self.INPUT,
                                        type=compat.FIELD_ANY))
        # the log names blocks by this field, as delineate's does (an outside check read feature ids as block numbers)
        add(QgsProcessingParameterField(self.ID_FIELD, self.tr("Block id field (empty: feature id)"), parentLayerParameterName=self.INPUT,
                                        type=compat.FIELD_ANY, optional=True))
        add(QgsProcessingParameterField(self.POPULATION_FIELD, self.tr("Population field"), parentLayerParameterName=self.INPUT,
                                        type=compat.FIELD_NUMERIC))
        add(QgsProcessingParameterField(self.ATTRIBUTES, self.tr("Attributes for homogeneity (numeric fields)"),
                                        parentLayerParameterName=self.INPUT, type=compat.FIELD_NUMERIC, allowMultiple=True))
        add(QgsProcessingParameterString(self.WEIGHTS, self.tr("Attribute weights (field=weight;...)"), optional=True))
        # as in delineate, so that a division is scored on the basis its proposal was made on (outside check)
        add(QgsProcessingParameterField(self.STRUCTURE_ATTRIBUTES, self.tr("Attributes that describe building structure"),
                                        parentLayerParameterName=self.INPUT, type=compat.FIELD_NUMERIC, allowMultiple=True, optional=True))
        add(QgsProcessingParameterBoolean(self.BALANCE_GROUPS, self.tr("Give social and building-structure attributes equal total weight"),
                                          defaultValue=False))
        add_population_bounds(self)
        add_neighbourhood(self)
        add_number_format_parameter(self)
        add(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Scored spaces"), compat.SOURCE_POLYGON))
        add(QgsProcessingParameterFileDestination(self.REPORT, self.tr("Report"), self.tr("HTML files (*.html)"), optional=True))
        for name, description in (
            ("N_SPACES_FOUND", self.tr("Number of spaces")),
            ("SSD_SHARE", self.tr("Within sum of squares / total sum of squares")),
            ("N_BELOW", self.tr("Spaces below the minimum")),
            ("N_ABOVE", self.tr("Spaces above the maximum")),
            ("N_NONCONTIGUOUS", self.tr("Spaces not contiguous")),
            ("BARRIER_CROSSINGS", self.tr("Barrier crossings inside spaces")),
            ("NESTING_VIOLATIONS", self.tr("Spaces spanning more than one unit")),
        ):
            self.addOutput(QgsProcessingOutputNumber(name, description))

    def process(self, parameters, context, feedback):
        source = self.parameterAsSource(parameters, self.INPUT, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.INPUT))
        space_field = self.parameterAsString(parameters, self.SPACE_FIELD, context)
        population_field = self.parameterAsString(parameters, self.POPULATION_FIELD, context)
        attributes = compat.parameter_as_fields(self, parameters, self.ATTRIBUTES, context)
        if not attributes:
            raise QgsProcessingException(self.tr("Choose at least one attribute for homogeneity."))
        structure = compat.parameter_as_fields(self, parameters, self.STRUCTURE_ATTRIBUTES, context) or []
        attributes = homogeneity_fields(attributes, structure)
        balance = self.parameterAsBoolean(parameters, self.BALANCE_GROUPS, context)
        lower = self.parameterAsDouble(parameters, self.MIN_POPULATION, context)
        upper = self.parameterAsDouble(parameters, self.MAX_POPULATION, context)
        checked_band(lower, upper)  # refused before the blocks are read
        gap = self.parameterAsDouble(parameters, self.GAP_DISTANCE, context)
        nest_field = self.parameterAsString(parameters, self.NEST_FIELD, context) or None
        barrier_layers = self.parameterAsLayerList(parameters, self.BARRIERS, context) or []

        id_field = self.parameterAsString(parameters, self.ID_FIELD, context) or None
        blocks = read_blocks(source, context, feedback, id_field, [space_field, population_field, *attributes, nest_field],
                             number_format(self, parameters, context))
        population = block_population(blocks, population_field, feedback)
        values = prepared_attributes(blocks, attributes, self.parameterAsString(parameters, self.WEIGHTS, context), structure, balance,
                                     feedback,
                                     population=population)
        nest = blocks.values(nest_field) if nest_field else None
        labels = blocks.values(space_field)
        adjacency = block_adjacency(blocks, barrier_layers, gap, context, feedback,
                                    progress=lambda f, s: feedback.setProgress(10 + 60 * f))
        report_geometry_problems(adjacency, blocks, feedback)
        graph = Graph(len(blocks.shapes), adjacency.left, adjacency.right)
        skipped = set(adjacency.skipped)
        # islands cut off by barriers, below the minimum, joined to their nearest block as delineate joins
        # them: one verdict on contiguity for one division
        active = np.array([i not in skipped for i in range(len(blocks.shapes))], dtype=bool)
        graph, joined = _islands_joined(graph, population, lower, nest, representative_points(blocks.shapes), active)
        for island, anchor in joined:
            feedback.pushInfo(describe({"code": "island_joined", "blocks": [int(b) for b in island], "anchor": int(anchor),
                                        "population": float(population[island].sum())}, blocks))
        labels = [None if i in skipped else label for i, label in enumerate(labels)]
        evaluation = evaluate_division(labels, population, values.values, lower, upper, graph=graph,
                                       barrier_pairs=adjacency.barrier_pairs, geometries=blocks.shapes, nest=nest, closing=gap)
        report_compactness_failures(evaluation, feedback)
        summary = evaluation.summary
        if summary["unassigned"]:
            feedback.pushWarning(self.tr("{count} blocks have no space: {ids}").format(
                count=summary["unassigned"], ids=blocks.name_blocks(evaluation.unassigned)))
        feedback.pushInfo(self.tr("{k} spaces, SSD share {share}; {below} below the minimum, {above} above the maximum, "
                                  "{parts} not contiguous, {crossings} barrier crossings, {nesting} spanning several units.").format(
            k=summary["k"], share=format_number(summary["ssd_share"], 3, language()), below=summary["n_below"], above=summary["n_above"],
            parts=summary["n_noncontiguous"], crossings=summary["barrier_crossings"], nesting=summary["nesting_violations"]))

        drawn = []  # the spaces as the report's map shows them
        dest = self._write(parameters, context, source, blocks, labels, evaluation, gap, space_field, drawn)
        style_on_load(context, dest, "spaces")
        outputs = {
            self.OUTPUT: dest,
            "N_SPACES_FOUND": int(summary["k"]),
            "SSD_SHARE": float(summary["ssd_share"]),
            "N_BELOW": int(summary["n_below"]),
            "N_ABOVE": int(summary["n_above"]),
            "N_NONCONTIGUOUS": int(summary["n_noncontiguous"]),
            "BARRIER_CROSSINGS": int(summary["barrier_crossings"]),
            "NESTING_VIOLATIONS": int(summary["nesting_violations"]),
        }
        report = self.parameterAsFileOutput(parameters, self.REPORT, context)
        if report:
            outputs[self.REPORT] = report
            write_division_report(report, self, parameters, context, feedback, outputs, evaluation,
                                  self.tr("Evaluation of a division: {layer}, field {field}").format(
                                      layer=source.sourceName(), field=space_field),
                                  drawn=drawn, crs=source.sourceCrs(), barriers=barrier_layers, block_ids=blocks.ids)
        return outputs

    def _write(self, parameters, context, source, blocks, labels, evaluation, gap, space_field, drawn):
        fields = QgsFields()
        space = QgsField(source.fields().field(space_field))
        space.setName("space")
        fields.append(space)
        for column in SPACE_COLUMNS[1:]:
            fields.append(compat.field(column, COLUMN_KINDS[column]))
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT, context, fields, polygon_wkb_type(source, multi=True),
                                          source.sourceCrs())
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        members = {}
        for index, label in enumerate(labels):
            if label is not None:
                members.setdefault(label, []).append(index)
        for row in evaluation.spaces.to_dict("records"):
            out = QgsFeature(fields)
            geometry = space_geometry(blocks, members.get(row["space"], []), gap)
            out.setGeometry(geometry)
            drawn.append((geometry, row["space"], row["population"], row["status"] in PROBLEM_STATUS or not row["contiguous"]))
            values = [row["space"]]
            for column in SPACE_COLUMNS[1:]:
                value = row[column]
                if isinstance(value, (bool, np.bool_)):
                    value = int(value)
                elif isinstance(value, (np.integer,)):
                    value = int(value)
                elif isinstance(value, (float, np.floating)):
                    whole = COLUMN_KINDS[column] == "int"  # counts that are NaN where not computed (n_enclaves)
                    value = None if np.isnan(value) else int(value) if whole else round(float(value), 4)
                values.append(value)
            out.setAttributes(values)
            add_feature(sink, out, self, self.OUTPUT)
        return dest


def _islands_joined(graph, population, lower, nest, points, active):
    """The graph with the links delineate adds to join islands: its islands are the parts of the graph without
    the links between nesting units (delineate never links them), and each joining link is added to the
    whole graph (an outside re-check: with the districts as nesting units the parts differed)."""
    if nest is None:
        return join_islands(graph, population, lower, None, points, active)
    units = np.asarray(nest, dtype=object)
    keep = units[graph.left] == units[graph.right]
    within_units = Graph(graph.n, graph.left[keep], graph.right[keep], graph.length[keep])
    joined_graph, joined = join_islands(within_units, population, lower, units, points, active)
    links = np.asarray(added_links(within_units, joined_graph), dtype=np.int64).reshape(-1, 2)
    return graph.with_edges(links[:, 0], links[:, 1]), joined
