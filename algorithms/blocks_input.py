"""Reading a block layer and building its adjacency: shared by every algorithm on blocks."""
from dataclasses import dataclass

import numpy as np
from qgis.core import QgsProcessingException

from ..engine.adjacency import build_adjacency, check_unique_ids
from ..engine.errors import SozialraumError, format_values
from ..i18n import tr
from .base import raise_for_engine_error
from .layer_io import is_null, plain, read_lines, read_polygons


@dataclass
class Blocks:
    source: object
    features: list
    shapes: list  # shapely geometries in work_crs (metres)
    ids: list
    columns: dict
    work_crs: object
    id_field: str = None

    def numeric(self, field, null_as=np.nan):
        """A float array of ``field`` (NULL -> ``null_as``)."""
        return np.array([null_as if is_null(value) else float(value) for value in self.columns[field]], dtype=float)

    def values(self, field):
        return [plain(value) for value in self.columns[field]]

    def name_blocks(self, indices, limit=10):
        return format_values([self.ids[i] for i in indices], limit)


def read_blocks(source, context, feedback, id_field=None, fields=()):
    """Read blocks with their ids (id field or feature id); duplicate or empty ids are refused."""
    wanted = [name for name in dict.fromkeys([id_field, *fields]) if name]
    features, shapes, columns, work_crs = read_polygons(source, context, feedback, wanted)
    if id_field:
        ids = [plain(value) for value in columns[id_field]]
        missing = [index for index, value in enumerate(ids) if value is None]
        if missing:
            raise QgsProcessingException(
                tr("The id field '{field}' is empty for {count} blocks (feature numbers {features}).").format(
                    field=id_field, count=len(missing), features=format_values(missing)
                )
            )
    else:
        ids = [feature.id() for feature in features]
    try:
        check_unique_ids(ids)
    except SozialraumError as error:
        raise_for_engine_error(error)
    return Blocks(source, features, shapes, ids, columns, work_crs, id_field)


def require_numeric(blocks, field, allow_negative=False):
    """Values of a numeric field; NULLs and negative values are named, not silently used."""
    values = blocks.numeric(field)
    missing = np.flatnonzero(np.isnan(values))
    negative = np.flatnonzero(values < 0) if not allow_negative else np.zeros(0, dtype=int)
    if len(negative):
        raise QgsProcessingException(
            tr("Field '{field}' has negative values for {count} blocks: {ids}").format(
                field=field, count=len(negative), ids=blocks.name_blocks(negative)
            )
        )
    return values, missing


def block_adjacency(blocks, barrier_layers, gap_distance, context, feedback, nest=None, contiguity="queen", population=None,
                    progress=None, island_population=None):
    """The engine's adjacency graph for ``blocks`` (barriers transformed into the work CRS)."""
    barriers = read_lines(barrier_layers, blocks.work_crs, context, feedback)
    try:
        return build_adjacency(
            blocks.shapes, gap_distance=gap_distance, barriers=barriers, nest=nest, contiguity=contiguity,
            population=population, island_population=island_population, progress=progress,
            is_cancelled=feedback.isCanceled,
        )
    except SozialraumError as error:
        raise_for_engine_error(error)


def report_geometry_problems(graph, blocks, feedback):
    if graph.skipped:
        feedback.reportError(
            tr("{count} blocks have no usable polygon geometry and were skipped: {ids}").format(
                count=len(graph.skipped), ids=blocks.name_blocks(graph.skipped)
            )
        )
    if graph.repaired:
        feedback.pushWarning(
            tr("{count} invalid geometries were repaired: {ids}").format(
                count=len(graph.repaired), ids=blocks.name_blocks(graph.repaired)
            )
        )


def unique_name(fields, name):
    """``name``, or ``name_2``, ``name_3`` ... if the layer already has such a field."""
    candidate, suffix = name, 2
    while fields.indexFromName(candidate) >= 0:
        candidate = f"{name}_{suffix}"
        suffix += 1
    return candidate
