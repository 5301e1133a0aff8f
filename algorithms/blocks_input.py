"""Reading a block layer and building its adjacency: shared by every algorithm on blocks."""
from dataclasses import dataclass

import numpy as np
from qgis.core import QgsProcessingException, QgsWkbTypes

from ..engine.adjacency import build_adjacency, check_unique_ids
from ..engine.errors import SozialraumError, format_values
from ..engine.geometry import identical_groups, not_polygonal
from ..engine.numbers import parse_number
from ..i18n import tr
from . import compat
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
        """A float array of ``field`` (NULL -> ``null_as``); numbers stored as text are read too.

        Text that is no number ("k. A.", "n/a") stops with a message naming the blocks.
        """
        out = np.empty(len(self.columns[field]), dtype=float)
        bad = []
        for index, value in enumerate(self.columns[field]):
            try:
                number = np.nan if is_null(value) else parse_number(value)
            except (TypeError, ValueError):
                bad.append(index)
                continue
            out[index] = null_as if np.isnan(number) else number
        if bad:
            examples = format_values(list(dict.fromkeys(str(self.columns[field][i]) for i in bad)), 3)
            raise QgsProcessingException(
                tr("Field '{field}' has values that are not numbers ({examples}) for {count} blocks: {ids}").format(
                    field=field, examples=examples, count=len(bad), ids=self.name_blocks(bad)
                )
            )
        return out

    def values(self, field):
        return [plain(value) for value in self.columns[field]]

    def name_blocks(self, indices, limit=10):
        return format_values([self.ids[i] for i in indices], limit)


def read_blocks(source, context, feedback, id_field=None, fields=()):
    """Read blocks with their ids (id field or feature id); duplicate or empty ids are refused."""
    wanted = [name for name in dict.fromkeys([id_field, *fields]) if name]
    features, shapes, columns, work_crs = read_polygons(source, context, feedback, wanted, order_field=id_field)
    features, shapes, columns = _without_lines_and_points(features, shapes, columns, id_field, feedback)
    if not features:
        raise QgsProcessingException(tr("The block layer has no features."))
    if id_field:
        ids = [plain(value) for value in columns[id_field]]
        missing = [index for index, value in enumerate(ids) if value is None]
        if missing:
            raise QgsProcessingException(
                tr("The id field '{field}' is empty for {count} blocks (feature ids {features}).").format(
                    field=id_field, count=len(missing), features=format_values([features[i].id() for i in missing])
                )
            )
    else:
        ids = [feature.id() for feature in features]
    try:
        check_unique_ids(ids)
    except SozialraumError as error:
        raise_for_engine_error(error)
    blocks = Blocks(source, features, shapes, ids, columns, work_crs, id_field)
    report_duplicate_geometries(blocks, feedback)
    return blocks


def _without_lines_and_points(features, shapes, columns, id_field, feedback):
    """Leave out lines and points of a layer of mixed geometry (they are no blocks), naming them.

    Left out right here, they are neither counted nor written to a polygon output, where a
    GeoPackage would no longer conform to its geometry type.
    """
    dropped = set(not_polygonal(shapes))
    if not dropped:
        return features, shapes, columns
    names = [plain(columns[id_field][i]) if id_field else features[i].id() for i in sorted(dropped)]
    feedback.pushWarning(tr("{count} features are lines or points, not blocks; they are left out (neither counted nor "
                            "written to the outputs): {ids}").format(count=len(dropped), ids=format_values(names)))
    keep = [i for i in range(len(features)) if i not in dropped]
    return ([features[i] for i in keep], [shapes[i] for i in keep],
            {name: [values[i] for i in keep] for name, values in columns.items()})


def report_duplicate_geometries(blocks, feedback):
    """Warn about blocks with the same polygon; all of them stay (which one is right is the planner's call)."""
    groups = identical_groups(blocks.shapes)
    if groups:
        shown = "; ".join(" = ".join(str(blocks.ids[i]) for i in group) for group in groups[:5])
        if len(groups) > 5:
            shown += f" (+{len(groups) - 5})"
        feedback.pushWarning(tr("{count} blocks have the same geometry as another block (a duplicate export?); both are "
                                "counted: {groups}").format(count=sum(len(group) for group in groups), groups=shown))


def polygon_wkb_type(source, multi=False):
    """The geometry type of a polygon output for ``source``: its own, MultiPolygon for a layer of mixed geometry."""
    kind = source.wkbType()
    if QgsWkbTypes.geometryType(kind) != compat.GEOMETRY_POLYGON:
        return compat.WKB_MULTIPOLYGON
    return QgsWkbTypes.multiType(kind) if multi else kind


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


def block_population(blocks, field, feedback):
    """Residents per block: negative values refused, NULLs named in the log and counted as 0."""
    values, missing = require_numeric(blocks, field)
    if len(missing):
        feedback.pushWarning(tr("{count} blocks have no population value and count as 0: {ids}").format(
            count=len(missing), ids=blocks.name_blocks(missing)))
    return np.nan_to_num(values)


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


def report_invalid_geometries(blocks, feedback):
    """Name the blocks whose polygons are invalid (they are repaired where geometry is computed)."""
    invalid = [index for index, shape in enumerate(blocks.shapes) if shape is not None and not shape.is_valid]
    if invalid:
        feedback.pushWarning(tr("{count} invalid geometries were repaired: {ids}").format(
            count=len(invalid), ids=blocks.name_blocks(invalid)))


def unique_name(fields, name):
    """``name``, or ``name_2``, ``name_3`` ... if the layer already has such a field."""
    candidate, suffix = name, 2
    while fields.indexFromName(candidate) >= 0:
        candidate = f"{name}_{suffix}"
        suffix += 1
    return candidate
