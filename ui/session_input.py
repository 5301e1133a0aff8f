"""What a consultation session is built from, read from the blocks layer as the delineation reads it.

Residents, the prepared attributes (the run's weights, structure group and balance when its
attributes are the ones chosen), the adjacency graph with the delineation's own neighbourhood
(gap, barrier lines, nesting, links joining islands), the pairs a barrier separates, and a
spatial index of the blocks for hit-testing (:class:`BlockIndex`).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from qgis.core import (
    QgsGeometry,
    QgsPointXY,
    QgsProcessingContext,
    QgsProcessingFeatureSource,
    QgsProcessingFeedback,
    QgsRectangle,
    QgsSpatialIndex,
)

from ..engine.spatial.graph import Graph
from ..qgisio.blocks_input import block_adjacency, block_population, read_blocks
from ..qgisio.spaces_io import prepared_attributes


class BlockIndex:
    """The blocks' polygons in the layer's CRS with a spatial index, built once (never ``identify()`` per move)."""

    def __init__(self, features):
        self._geometries = {}
        self._index = QgsSpatialIndex()
        for feature in features:
            geometry = feature.geometry()
            if geometry is None or geometry.isNull():
                continue
            self._geometries[feature.id()] = QgsGeometry(geometry)
            self._index.addFeature(feature)

    def block_at(self, point):
        """The block (feature id) whose polygon holds ``point`` (layer CRS), else None."""
        point = QgsPointXY(point)
        candidates = self._index.intersects(QgsRectangle(point.x(), point.y(), point.x(), point.y()))
        probe = QgsGeometry.fromPointXY(point)
        for fid in sorted(candidates):
            if self._geometries[fid].intersects(probe):
                return fid
        return None

    def geometry(self, block):
        return self._geometries.get(block)

    def union(self, blocks):
        parts = [self._geometries[b] for b in blocks if b in self._geometries]
        return QgsGeometry.unaryUnion(parts) if parts else QgsGeometry()


@dataclass
class SessionInput:
    block_ids: tuple  # feature ids
    labels: list  # the space field's values
    population: object
    values: object
    graph: Graph
    across_barrier: dict  # block -> blocks a barrier line separates it from (within the gap)
    index: BlockIndex
    warnings: tuple = ()  # what reading said the planner should know (NULL residents, repaired geometries)


class _KeptWarnings(QgsProcessingFeedback):
    """A feedback that keeps the warnings: in the desktop they went to the Processing log panel only
    (an outside check: a block without residents was counted as 0 without a word in the dock)."""

    def __init__(self):
        super().__init__()
        self.kept = []

    def pushWarning(self, text):  # noqa: N802 (QGIS API name)
        self.kept.append(text)
        super().pushWarning(text)


def read_session_input(layer, space_field, population_field, attributes, gap, barriers, nest, weighting, added_links):
    """The :class:`SessionInput` of ``layer``; raises ``QgsProcessingException`` with a translated message."""
    context = QgsProcessingContext()
    feedback = _KeptWarnings()
    source = QgsProcessingFeatureSource(layer, context)
    blocks = read_blocks(source, context, feedback, None,
                         [space_field, population_field, *attributes, *([nest] if nest else [])])
    population = block_population(blocks, population_field, feedback)
    if attributes:
        weights, structure, balance = weighting or ("", [], False)
        values = prepared_attributes(blocks, list(attributes), weights, list(structure), balance, feedback,
                                     population=population).values
    else:
        values = np.zeros((len(blocks.ids), 1))
    adjacency = block_adjacency(blocks, list(barriers), gap, context, feedback,
                                nest=blocks.values(nest) if nest else None, population=population)
    graph = Graph(len(blocks.shapes), adjacency.left, adjacency.right, adjacency.shared_length)
    links = [(a, b) for a, b in added_links if 0 <= a < graph.n and 0 <= b < graph.n]
    if links:  # the delineation's own links: islands joined to their nearest block count as connected
        graph = graph.with_edges([a for a, _ in links], [b for _, b in links])
    ids = tuple(blocks.ids)
    across = {}
    for left, right in zip(*(np.asarray(side).tolist() for side in adjacency.barrier_pairs)):
        across.setdefault(ids[left], set()).add(ids[right])
        across.setdefault(ids[right], set()).add(ids[left])
    return SessionInput(ids, blocks.values(space_field), population, values, graph, across, BlockIndex(blocks.features),
                        tuple(dict.fromkeys(feedback.kept)))
