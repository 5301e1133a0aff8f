"""Reading a block layer and building its adjacency: shared by every algorithm on blocks."""
from dataclasses import dataclass
from dataclasses import field as dataclass_field

import numpy as np
from qgis.core import QgsProcessingException, QgsWkbTypes

from ..engine.errors import SozialraumError, format_values
from ..engine.spatial.adjacency import build_adjacency, check_unique_ids
from ..engine.spatial.geometry import identical_groups, not_polygonal, representative_points
from ..i18n import tr
from . import compat
from .engine_errors import raise_for_engine_error
from .layer_io import plain, read_lines, read_polygons
from .number_format import read_field


@dataclass
class Blocks:
    source: object
    features: list
    shapes: list  # shapely geometries in work_crs (metres)
    ids: list
    columns: dict
    work_crs: object
    id_field: str = None
    feedback: object = None  # where the notation of text fields is logged
    number_format: str = None  # engine.number_columns GERMAN / ENGLISH, or None: decided per field
    _logged: set = dataclass_field(default_factory=set, init=False, repr=False)
    _points: object = dataclass_field(default=None, init=False, repr=False)

    def points(self):
        """(n, 2) a point inside each block, in the work CRS (computed once)."""
        if self._points is None:
            self._points = representative_points(self.shapes)
        return self._points

    def numeric(self, field, null_as=np.nan, whole=False):
        """A float array of ``field`` (NULL -> ``null_as``); numbers stored as text are read too.

        Text is read in one notation per field (qgisio/number_format.py); text that is no
        number ("k. A.", "n/a"), an ambiguous or mixed field stops with a message naming the
        field and the blocks. ``whole``: residents; text values must be whole numbers, infinite
        values are refused naming the blocks.
        """
        feedback = None if field in self._logged else self.feedback
        self._logged.add(field)
        out = read_field([plain(value) for value in self.columns[field]], field, self.name_blocks, feedback,
                         self.number_format, whole)
        if whole:
            refuse_infinite(self, field, out)
        return np.where(np.isnan(out), null_as, out)

    def values(self, field):
        return [plain(value) for value in self.columns[field]]

    def name_blocks(self, indices, limit=10):
        return format_values([self.ids[i] for i in indices], limit)


def read_blocks(source, context, feedback, id_field=None, fields=(), number_format=None):
    """Read blocks with their ids (id field or feature id); duplicate or empty ids are refused.

    ``number_format``: how numbers stored as text are read (qgisio/number_format.py).
    """
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
    warn_lost_precision(shapes, work_crs, feedback)
    blocks = Blocks(source, features, shapes, ids, columns, work_crs, id_field, feedback, number_format)
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


#: beyond this, rounding in geometry operations (a double's spacing is 1e-7 m at 1e9, 2 mm at 1e13)
#: approaches the 1 cm within which blocks touch (engine/spatial/adjacency.py TOUCH_TOLERANCE)
PRECISE_COORDINATES = 1e9


def warn_lost_precision(shapes, work_crs, feedback):
    """A warning when coordinates are so large that doubles lose the centimetres (beyond 1e9 m).

    Such coordinates (a false easting gone wrong, a CRS mix-up) make shared edges look apart,
    so adjacency and with it the division change without any other sign.
    """
    if work_crs.isGeographic():
        return
    extremes = [max(abs(value) for value in shape.bounds) for shape in shapes if shape is not None and not shape.is_empty]
    largest = max(extremes, default=0.0)
    if largest > PRECISE_COORDINATES:
        feedback.pushWarning(tr(
            "The block coordinates reach {value} in {crs}: beyond {limit} floating-point numbers lose precision, so "
            "neighbouring blocks may not be recognised and the division can change. Check the layer's CRS.").format(
            value=f"{largest:.3g}", crs=work_crs.authid(), limit=f"{PRECISE_COORDINATES:.0e}"))


def refuse_infinite(blocks, field, values):
    """Stop naming the blocks where ``values`` of ``field`` are ±inf (a REAL inf or the text "inf")."""
    infinite = np.flatnonzero(np.isinf(values))
    if len(infinite):
        raise QgsProcessingException(tr("Field '{field}' has infinite values for {count} blocks: {ids}").format(
            field=field, count=len(infinite), ids=blocks.name_blocks(infinite)))


def require_numeric(blocks, field, allow_negative=False, whole=False):
    """Values of a numeric field; NULLs, infinite and negative values are named, not silently used."""
    values = blocks.numeric(field, whole=whole)
    refuse_infinite(blocks, field, values)
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
    values, missing = require_numeric(blocks, field, whole=True)
    if len(missing):
        feedback.pushWarning(tr("%n block(s) without a population value, counted as 0: {ids}", len(missing)).format(ids=blocks.name_blocks(missing)))
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
    if graph.skipped:  # a warning: the run goes on (as an error qgis_process printed it twice, "ERROR:" first)
        feedback.pushWarning(
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
