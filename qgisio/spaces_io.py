"""Shared by the algorithms that make or score spaces: attributes and dissolved space geometry."""
import numpy as np
from qgis.core import (
    QgsCoordinateTransform,
    QgsCsException,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingException,
    QgsProcessingParameterField,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterNumber,
    QgsProject,
)

from ..engine.attributes import balance_groups, parse_weights, prepare_attributes
from ..engine.errors import SozialraumError, format_values
from ..engine.population_band import DEFAULT_MAX_POPULATION, DEFAULT_MIN_POPULATION
from ..i18n import tr
from . import compat
from .engine_errors import raise_for_engine_error


def add_population_bounds(algorithm):
    """MIN_POPULATION and MAX_POPULATION, as delineate and evaluate share them."""
    algorithm.addParameter(QgsProcessingParameterNumber(
        "MIN_POPULATION", tr("Minimum population per space"), type=compat.NUMBER_DOUBLE, defaultValue=DEFAULT_MIN_POPULATION, minValue=0))
    algorithm.addParameter(QgsProcessingParameterNumber(
        "MAX_POPULATION", tr("Maximum population per space"), type=compat.NUMBER_DOUBLE, defaultValue=DEFAULT_MAX_POPULATION, minValue=1))


def add_neighbourhood(algorithm):
    """GAP_DISTANCE, BARRIERS and NEST_FIELD: the block neighbourhood of delineate and evaluate."""
    algorithm.addParameter(QgsProcessingParameterNumber(
        "GAP_DISTANCE", tr("Gap distance across streets (m)"), type=compat.NUMBER_DOUBLE, defaultValue=30.0, minValue=0.0))
    algorithm.addParameter(QgsProcessingParameterMultipleLayers(
        "BARRIERS", tr("Barrier lines (railways, rivers, major roads)"), layerType=compat.SOURCE_ANY_GEOMETRY,
        optional=True))
    algorithm.addParameter(QgsProcessingParameterField(
        "NEST_FIELD", tr("Nesting field (spaces stay inside its units)"), parentLayerParameterName="INPUT",
        type=compat.FIELD_ANY, optional=True))


def homogeneity_fields(attributes, structure):
    """The attributes for homogeneity: those chosen, then the building-structure ones not among them
    (they count whether or not they are listed twice; an outside check found them read for nothing)."""
    return list(attributes) + [name for name in structure if name not in attributes]


def prepared_attributes(blocks, attributes, weights_text, structure, balance, feedback, population):
    """Standardised, weighted attribute matrix of ``blocks`` (engine.attributes).

    ``population`` (residents per block): empty values of inhabited blocks are warned about apart from those of
    blocks without residents (an outside check: 240 inhabited blocks with an invented average hid
    behind five examples of parks)."""
    columns = []
    for name in attributes:
        column = blocks.numeric(name)
        _report_empty(blocks, name, np.flatnonzero(np.isnan(column)), population, feedback)
        infinite = np.flatnonzero(np.isinf(column))
        if len(infinite):  # like an empty value: an infinite rate is a broken one, not the most extreme
            feedback.pushWarning(tr("Attribute '{field}' is infinite for {count} blocks; they count as average, like empty "
                                    "values: {ids}").format(field=name, count=len(infinite), ids=blocks.name_blocks(infinite, 5)))
            column = np.where(np.isinf(column), np.nan, column)
        columns.append(column)
    try:
        weights = parse_weights(weights_text, attributes)
    except SozialraumError as error:
        raise_for_engine_error(error)
    if balance:
        if not structure:
            raise QgsProcessingException(tr("To balance the groups, choose which attributes describe building structure."))
        groups = {name: ("structure" if name in structure else "social") for name in attributes}
        weights = balance_groups(weights, groups)
    prepared = prepare_attributes(np.column_stack(columns), list(attributes), weights)
    for name in prepared.constant:
        feedback.pushWarning(tr("Attribute '{field}' has the same value for every block and has no influence.").format(field=name))
    if not any(name not in prepared.constant and weight > 0 for name, weight in zip(prepared.names, prepared.weights)):
        # the SSD share is then 0.000, which reads as a perfect division
        feedback.reportError(tr("No attribute has any influence (each has the same value in every block): the SSD share "
                                "of 0 says nothing about homogeneity; the spaces follow population and compactness "
                                "alone."), False)
    return prepared


def _report_empty(blocks, name, missing, population, feedback):
    if not len(missing):
        return
    inhabited = missing[np.asarray(population, dtype=float)[missing] > 0]
    empty = missing[np.asarray(population, dtype=float)[missing] <= 0]
    if len(inhabited):
        feedback.pushWarning(tr("Attribute '{field}' is empty for %n block(s) with residents; they count as average, "
                                "a value nobody measured: {ids}", len(inhabited)).format(
            field=name, ids=blocks.name_blocks(inhabited, 10)))
    if len(empty):
        feedback.pushInfo(tr("Attribute '{field}' is empty for %n block(s) without residents; they count as average: "
                             "{ids}", len(empty)).format(field=name, ids=blocks.name_blocks(empty, 5)))


def space_geometry(blocks, members, gap):
    """Union of the blocks of a space, street gaps inside it closed (projected layers only)."""
    # Invalid block polygons (self-intersections in census or ALKIS layers) make GEOS unions fail
    # or come back empty: union the repaired shapes, and keep the plain union if closing fails.
    parts = []
    for i in members:
        part = blocks.features[i].geometry()
        if part.isNull() or part.isEmpty():
            continue
        if not part.isGeosValid():
            part = part.makeValid()
        parts.append(part)
    geometry = QgsGeometry.unaryUnion(parts) if parts else QgsGeometry()
    if gap > 0 and not geometry.isNull() and not geometry.isEmpty():
        closed = _closed(geometry, gap / 2.0, blocks.source.sourceCrs(), blocks.work_crs)
        if closed is not None and not closed.isNull() and not closed.isEmpty():
            geometry = _without_empty_holes(closed, blocks, gap)
    if geometry.isNull():
        return geometry
    geometry.convertToMultiType()
    return geometry


#: A hole of a space's outline that holds no block is filled up to this many times the gap distance
#: squared (30 m: 9 ha): squares and crossings without a block showed as dots that looked like enclaves
#: (an outside check); a lake or a park larger than that stays a hole.
EMPTY_HOLE_GAPS = 100.0


#: Parts of a space's outline smaller than this (m²) beside a larger part are dropped: slivers of the closing.
SLIVER_AREA = 1.0


def _without_empty_holes(geometry, blocks, gap):
    """``geometry`` with its small holes that hold no block's point filled and without slivers (parts below
    SLIVER_AREA beside larger ones). A hole with a block of another space (an enclave) stays. Only where the
    layer's CRS is the work CRS (the points' CRS); else unchanged."""
    crs = blocks.source.sourceCrs()
    if crs.isGeographic() or blocks.work_crs is None or crs != blocks.work_crs:
        return geometry
    limit = EMPTY_HOLE_GAPS * gap * gap
    points = blocks.points()
    parts = geometry.asMultiPolygon() if geometry.isMultipart() else [geometry.asPolygon()]
    changed, kept_parts = False, []
    for rings in parts:
        if len(parts) > 1 and QgsGeometry.fromPolygonXY([rings[0]]).area() < SLIVER_AREA:
            changed = True  # a sliver the closing left beside the space (it showed as a dot on the map)
            continue
        kept = [rings[0]]
        for ring in rings[1:]:
            hole = QgsGeometry.fromPolygonXY([ring])
            if hole.area() <= limit and not _holds_a_point(hole, points):
                changed = True
                continue
            kept.append(ring)
        kept_parts.append(kept)
    if not changed:
        return geometry
    return QgsGeometry.fromMultiPolygonXY(kept_parts)


def _holds_a_point(hole, points):
    box = hole.boundingBox()
    near = points[(points[:, 0] >= box.xMinimum()) & (points[:, 0] <= box.xMaximum())
                  & (points[:, 1] >= box.yMinimum()) & (points[:, 1] <= box.yMaximum())]
    return any(hole.contains(QgsPointXY(float(x), float(y))) for x, y in near)


def _closed(geometry, closing, crs, work_crs):
    """``geometry`` with street gaps up to twice ``closing`` metres closed (buffer out and in).

    A layer in degrees is closed in the blocks' metric work CRS and brought back: a buffer of
    15 "degrees" would swallow the town, none left every space a multipolygon of its blocks
    (an outside check, blocks delivered in EPSG:4326). None when it cannot be done.
    """
    if not crs.isGeographic():
        return geometry.buffer(closing, 4).buffer(-closing, 4)
    if work_crs is None or not work_crs.isValid() or work_crs.isGeographic():
        return None
    context = QgsProject.instance().transformContext()
    there, back = QgsCoordinateTransform(crs, work_crs, context), QgsCoordinateTransform(work_crs, crs, context)
    metric = QgsGeometry(geometry)
    try:
        if not _succeeded(metric.transform(there)):
            return None
        closed = metric.buffer(closing, 4).buffer(-closing, 4)
        if closed.isNull() or not _succeeded(closed.transform(back)):
            return None
    except QgsCsException:
        return None
    return closed


def _succeeded(result):
    """Did a geometry operation succeed? (0: a sip enum under Qt5, an enum with value 0 under Qt6)"""
    return result == 0 or getattr(result, "value", None) == 0


def report_compactness_failures(evaluation, feedback):
    """Name the spaces whose compactness could not be computed; their division stands."""
    failed = evaluation.compactness_failed
    if failed:
        feedback.pushWarning(
            tr("The compactness (Polsby-Popper) of {count} spaces could not be computed and is left empty: {spaces}").format(
                count=len(failed), spaces=format_values(failed)
            )
        )
