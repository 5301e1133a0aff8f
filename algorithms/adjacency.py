"""sozialraum:adjacency — build the block neighbourhood graph."""
import numpy as np
from qgis.core import (
    QgsFeature,
    QgsFields,
    QgsGeometry,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterNumber,
)

from ..engine.errors import format_values
from ..engine.population_band import DEFAULT_MIN_POPULATION
from ..engine.spatial.adjacency import QUEEN, ROOK
from ..qgisio import compat
from ..qgisio.blocks_input import (
    block_adjacency,
    polygon_wkb_type,
    read_blocks,
    report_geometry_problems,
    unique_name,
)
from ..qgisio.number_format import add_number_format_parameter, number_format
from ..qgisio.sink_writes import add_feature
from .base import SozialraumAlgorithm
from .help_examples import with_example

CONTIGUITY_CHOICES = (QUEEN, ROOK)


class AdjacencyAlgorithm(SozialraumAlgorithm):
    GROUP = "blocks"
    ALGORITHM_NAME = "adjacency"
    ICON = "adjacency.svg"

    INPUT = "INPUT"
    ID_FIELD = "ID_FIELD"
    GAP_DISTANCE = "GAP_DISTANCE"
    CONTIGUITY = "CONTIGUITY"
    BARRIERS = "BARRIERS"
    NEST_FIELD = "NEST_FIELD"
    POPULATION_FIELD = "POPULATION_FIELD"
    ISLAND_POPULATION = "ISLAND_POPULATION"
    OUTPUT = "OUTPUT"
    OUTPUT_EDGES = "OUTPUT_EDGES"

    def displayName(self):  # noqa: N802
        return self.tr("Build block adjacency")

    def shortHelpString(self):  # noqa: N802
        return with_example(self.tr(
            "Builds the neighbourhood graph of blocks that delineation and editing use.\n\n"
            "Two blocks are neighbours when they touch or lie within the gap distance of each other, "
            "so that blocks facing each other across a street count as neighbours. They are not "
            "neighbours when the shortest link between them crosses a barrier line (railway, river, "
            "major road), or when they have different values in the nesting field.\n\n"
            "Queen contiguity accepts any contact; rook contiguity requires the blocks to face each "
            "other along at least 10 m, so blocks meeting only corner to corner across a crossing "
            "are not neighbours.\n\n"
            "Outputs: the links as lines (from/to id, gap in metres, shared or facing length in metres) "
            "and the blocks with their number of neighbours (degree), connected part (component 0 is the "
            "most populated) and an island flag. Islands are parts cut off from the main part of their "
            "nesting unit with fewer residents than the island threshold (without a population field: "
            "every part outside the main one); parts larger than that, such as a district across the "
            "river, are not islands. The log lists every part and every island with its population.\n\n"
            "Layers in a geographic CRS are measured in the UTM zone of their centre, so distances stay "
            "in metres. Invalid geometries are repaired, empty ones skipped; both are named in the log."
        ), self.name())

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(
            QgsProcessingParameterFeatureSource(self.INPUT, self.tr("Blocks"), [compat.SOURCE_POLYGON])
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.ID_FIELD, self.tr("Block id field (empty: feature id)"), parentLayerParameterName=self.INPUT,
                type=compat.FIELD_ANY, optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.GAP_DISTANCE, self.tr("Gap distance across streets (m)"), type=compat.NUMBER_DOUBLE,
                defaultValue=30.0, minValue=0.0,
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                self.CONTIGUITY, self.tr("Contiguity"), options=[self.tr("Queen (any contact)"), self.tr("Rook (shared frontage)")],
                defaultValue=0,
            )
        )
        self.addParameter(
            QgsProcessingParameterMultipleLayers(
                self.BARRIERS, self.tr("Barrier lines (railways, rivers, major roads)"), layerType=compat.SOURCE_ANY_GEOMETRY,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.NEST_FIELD, self.tr("Nesting field (blocks in different units are never neighbours)"),
                parentLayerParameterName=self.INPUT, type=compat.FIELD_ANY, optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.POPULATION_FIELD, self.tr("Population field (to report island populations)"),
                parentLayerParameterName=self.INPUT, type=compat.FIELD_NUMERIC, optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.ISLAND_POPULATION, self.tr("Island threshold: parts with fewer residents are islands"),
                type=compat.NUMBER_DOUBLE, defaultValue=DEFAULT_MIN_POPULATION, minValue=0.0,
            )
        )
        add_number_format_parameter(self)
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Blocks with neighbourhood"), compat.SOURCE_POLYGON))
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT_EDGES, self.tr("Adjacency links"), compat.SOURCE_LINE))
        for name, description in (
            ("EDGES", self.tr("Number of links")),
            ("COMPONENTS", self.tr("Number of connected components")),
            ("ISLANDS", self.tr("Number of islands")),
            ("ISLAND_POPULATION", self.tr("Population on islands")),
            ("SKIPPED", self.tr("Blocks skipped (empty geometry)")),
        ):
            self.addOutput(QgsProcessingOutputNumber(name, description))

    def process(self, parameters, context, feedback):
        source = self.parameterAsSource(parameters, self.INPUT, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.INPUT))
        id_field = self.parameterAsString(parameters, self.ID_FIELD, context) or None
        nest_field = self.parameterAsString(parameters, self.NEST_FIELD, context) or None
        population_field = self.parameterAsString(parameters, self.POPULATION_FIELD, context) or None
        gap_distance = self.parameterAsDouble(parameters, self.GAP_DISTANCE, context)
        contiguity = CONTIGUITY_CHOICES[self.parameterAsEnum(parameters, self.CONTIGUITY, context)]
        barrier_layers = self.parameterAsLayerList(parameters, self.BARRIERS, context) or []
        island_population = self.parameterAsDouble(parameters, self.ISLAND_POPULATION, context)

        blocks = read_blocks(source, context, feedback, id_field, [nest_field, population_field], number_format(self, parameters, context))
        population = None
        if population_field:
            population = blocks.numeric(population_field, whole=True)
            missing = np.flatnonzero(np.isnan(population))
            if len(missing):  # as delineate says it: the parts' populations leave them out (an outside check)
                feedback.pushWarning(self.tr("%n block(s) without a population value, counted as 0: {ids}", len(missing)).format(ids=blocks.name_blocks(missing)))
            population = np.nan_to_num(population)
        nest = blocks.values(nest_field) if nest_field else None

        def progress(fraction, stage):
            feedback.setProgress(10.0 + 75.0 * fraction)

        graph = block_adjacency(blocks, barrier_layers, gap_distance, context, feedback, nest=nest,
                                contiguity=contiguity, population=population, progress=progress,
                                island_population=island_population if population is not None else None)
        report_geometry_problems(graph, blocks, feedback)
        blocks_id = self._write_blocks(parameters, context, source, blocks.features, graph)
        edges_id = self._write_edges(parameters, context, source, blocks.features, blocks.ids, id_field, graph, feedback)
        island_population = self._report_graph(graph, blocks.ids, population, feedback)
        feedback.setProgress(100.0)
        return {
            self.OUTPUT: blocks_id,
            self.OUTPUT_EDGES: edges_id,
            "EDGES": graph.n_edges,
            "COMPONENTS": len(graph.components),
            "ISLANDS": len(graph.islands),
            "ISLAND_POPULATION": island_population,
            "SKIPPED": len(graph.skipped),
        }

    def _report_graph(self, graph, ids, population, feedback):
        feedback.pushInfo(
            self.tr("{blocks} blocks, {links} links, {components} connected components, {islands} islands.").format(
                blocks=graph.n_blocks - len(graph.skipped), links=graph.n_edges,
                components=len(graph.components), islands=len(graph.islands),
            )
        )
        feedback.pushInfo(
            self.tr("Links removed: {barrier} crossing a barrier, {nest} between nesting units, {rook} corner-only (rook).").format(
                barrier=graph.cut_by_barrier, nest=graph.cut_by_nesting, rook=graph.cut_by_rook
            )
        )
        for part in graph.components:
            if population is not None:
                message = self.tr("Part {component}: {count} blocks, {population} residents")
            else:
                message = self.tr("Part {component}: {count} blocks")
            feedback.pushInfo(message.format(component=part.component_id, count=len(part.blocks),
                                             population=int(round(part.population))))
        total = 0.0
        for island in graph.islands:
            total += island.population
            if population is not None:
                message = self.tr("Island {component}: {count} blocks, {population} residents, blocks {ids}")
            else:
                message = self.tr("Island {component}: {count} blocks, blocks {ids}")
            feedback.pushInfo(
                message.format(
                    component=island.component_id, count=len(island.blocks), population=int(round(island.population)),
                    ids=format_values([ids[i] for i in island.blocks]),
                )
            )
        return total

    def _write_blocks(self, parameters, context, source, features, graph):
        fields = QgsFields(source.fields())
        names = {key: unique_name(fields, key) for key in ("degree", "component", "island")}
        for key in ("degree", "component", "island"):
            fields.append(compat.field(names[key], "int"))
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT, context, fields, polygon_wkb_type(source), source.sourceCrs())
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        for index, feature in enumerate(features):
            out = QgsFeature(fields)
            out.setGeometry(feature.geometry())
            component = int(graph.component[index])
            out.setAttributes(
                list(feature.attributes())
                + [int(graph.degree[index]), component if component >= 0 else None, int(graph.island[index]) if component >= 0 else None]
            )
            add_feature(sink, out, self, self.OUTPUT)
        return dest_id

    def _write_edges(self, parameters, context, source, features, ids, id_field, graph, feedback):
        fields = QgsFields()
        if id_field:
            template = source.fields().field(id_field)
            for name in ("from_id", "to_id"):
                copy = template.__class__(template)
                copy.setName(name)
                fields.append(copy)
        else:
            fields.append(compat.field("from_id", "int"))
            fields.append(compat.field("to_id", "int"))
        fields.append(compat.field("gap_m", "double", 12, 2))
        fields.append(compat.field("shared_m", "double", 12, 2))
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT_EDGES, context, fields, compat.WKB_LINESTRING, source.sourceCrs())
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT_EDGES))
        anchors = {}

        def anchor(index):
            if index not in anchors:
                anchors[index] = features[index].geometry().pointOnSurface().asPoint()
            return anchors[index]

        for k in range(graph.n_edges):
            i, j = int(graph.left[k]), int(graph.right[k])
            out = QgsFeature(fields)
            out.setGeometry(QgsGeometry.fromPolylineXY([anchor(i), anchor(j)]))
            out.setAttributes([ids[i], ids[j], round(float(graph.gap[k]), 2), round(float(graph.shared_length[k]), 2)])
            add_feature(sink, out, self, self.OUTPUT_EDGES)
            if k % 5000 == 0:
                if feedback.isCanceled():
                    raise QgsProcessingException(self.tr("Cancelled by the user."))
                feedback.setProgress(85.0 + 15.0 * k / max(graph.n_edges, 1))
        return dest_id
