"""sozialraum:carry — carry an adopted division onto a new block layer (engine/delineation/carry.py)."""
from qgis.core import (
    QgsApplication,
    QgsFeature,
    QgsFeatureRequest,
    QgsFields,
    QgsGeometry,
    QgsMemoryProviderUtils,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingUtils,
)

from ..engine.delineation.carry import DEFAULT_TOLERANCE, OUTSIDE, PARTLY_OUTSIDE, SPLIT, carry_division
from ..engine.errors import format_values
from ..qgisio import compat
from ..qgisio.blocks_input import polygon_wkb_type
from ..qgisio.sink_writes import add_feature
from .base import SozialraumAlgorithm
from .help_examples import with_example

#: Fields added to the new blocks besides the space field.
CARRY_FIELDS = (("carry_share", "double"), ("carry_flag", "string"), ("carry_spaces", "string"), ("carry_basis", "string"))


class CarryAlgorithm(SozialraumAlgorithm):
    GROUP = "spaces"
    ALGORITHM_NAME = "carry"
    ICON = "sozialraum.svg"

    INPUT = "INPUT"
    ID_FIELD = "ID_FIELD"
    SPACES = "SPACES"
    SPACE_FIELD = "SPACE_FIELD"
    WEIGHT_POINTS = "WEIGHT_POINTS"
    WEIGHT_FIELD = "WEIGHT_FIELD"
    TOLERANCE = "TOLERANCE"
    OUTPUT = "OUTPUT"

    def displayName(self):  # noqa: N802
        return self.tr("Carry a division onto new blocks")

    def shortHelpString(self):  # noqa: N802
        return with_example(self.tr(
            "Gives each block of a new block layer the old social space it overlaps most: by area, or by residents "
            "when weight points are given (e.g. addresses with residents; a block without points is judged by its "
            "area). The overlaps are computed with QGIS's own intersection.\n\n"
            "Flags (field carry_flag, and listed in the log): 'split' when a second space holds more than the "
            "tolerance of the block, 'outside' when no old space overlaps it (it gets no space; the update gives it "
            "to a neighbouring space), 'partly_outside' when more than the tolerance lies outside every old space. "
            "carry_share is the share of the block in its space, carry_spaces lists every space with its share.\n\n"
            "The space field keeps the name of the old spaces' field, so the result is the initial division of "
            "'Update a division with minimal change'."
        ), self.name())

    def initAlgorithm(self, config=None):  # noqa: N802
        add = self.addParameter
        add(QgsProcessingParameterFeatureSource(self.INPUT, self.tr("New blocks"), [compat.SOURCE_POLYGON]))
        add(QgsProcessingParameterField(self.ID_FIELD, self.tr("Block id field (empty: feature id)"), parentLayerParameterName=self.INPUT,
                                        type=compat.FIELD_ANY, optional=True))
        add(QgsProcessingParameterFeatureSource(self.SPACES, self.tr("Old social spaces (polygons)"), [compat.SOURCE_POLYGON]))
        add(QgsProcessingParameterField(self.SPACE_FIELD, self.tr("Space field of the old spaces"), parentLayerParameterName=self.SPACES,
                                        type=compat.FIELD_ANY))
        add(QgsProcessingParameterFeatureSource(self.WEIGHT_POINTS, self.tr("Weight points (e.g. addresses with residents)"),
                                                [compat.SOURCE_POINT], optional=True))
        add(QgsProcessingParameterField(self.WEIGHT_FIELD, self.tr("Residents field of the points (empty: each point counts 1)"),
                                        parentLayerParameterName=self.WEIGHT_POINTS, type=compat.FIELD_NUMERIC, optional=True))
        add(QgsProcessingParameterNumber(self.TOLERANCE, self.tr("Tolerance for split blocks (%)"), type=compat.NUMBER_DOUBLE,
                                         defaultValue=100 * DEFAULT_TOLERANCE, minValue=0.0, maxValue=49.0))
        add(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("New blocks with the old space"), compat.SOURCE_POLYGON))
        for name, description in (("N_SPLIT", self.tr("Blocks split between spaces")),
                                  ("N_OUTSIDE", self.tr("Blocks outside every old space")),
                                  ("N_PARTLY_OUTSIDE", self.tr("Blocks partly outside every old space"))):
            self.addOutput(QgsProcessingOutputNumber(name, description))

    def process(self, parameters, context, feedback):
        source = self.parameterAsSource(parameters, self.INPUT, context)
        spaces = self.parameterAsSource(parameters, self.SPACES, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.INPUT))
        if spaces is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.SPACES))
        space_field = self.parameterAsString(parameters, self.SPACE_FIELD, context)
        id_field = self.parameterAsString(parameters, self.ID_FIELD, context) or None
        points = self.parameterAsSource(parameters, self.WEIGHT_POINTS, context)
        weight_field = self.parameterAsString(parameters, self.WEIGHT_FIELD, context) or None
        tolerance = self.parameterAsDouble(parameters, self.TOLERANCE, context) / 100.0

        # invalid polygons are repaired for the overlay (_valid), so QGIS's own check must not stop the run
        features = list(source.getFeatures(QgsFeatureRequest(), compat.SKIP_VALIDITY_CHECKS))
        ids = [f[id_field] if id_field else f.id() for f in features]
        self._report_geometries(features, ids, feedback)
        feedback.setProgressText(self.tr("Overlaying the new blocks with the old spaces"))
        blocks_layer = self._index_layer("blocks", "carry_block", [f.geometry() for f in features], source, compat.WKB_MULTIPOLYGON)
        areas = [_valid(f.geometry()).area() if f.hasGeometry() else 0.0 for f in features]
        space_values, space_geometries, missing = [], [], 0
        for feature in spaces.getFeatures(QgsFeatureRequest(), compat.SKIP_VALIDITY_CHECKS):
            value = feature[space_field]
            if value is None or (hasattr(value, "isNull") and value.isNull()):
                missing += 1
                continue
            space_values.append(value)
            space_geometries.append(feature.geometry())
        if missing:
            feedback.pushWarning(self.tr("{n} old spaces without a value in '{field}' are left out.").format(n=missing, field=space_field))
        if not space_values:
            raise QgsProcessingException(self.tr("The old spaces have no value in '{field}'.").format(field=space_field))
        spaces_layer = self._index_layer("spaces", "carry_space", space_geometries, spaces, compat.WKB_MULTIPOLYGON)
        pieces = self._intersect(blocks_layer, spaces_layer, context, feedback)
        area_overlaps = [(p["carry_block"], space_values[p["carry_space"]], _valid(p.geometry()).area()) for p in pieces.getFeatures()]
        feedback.setProgress(50)
        weight_overlaps = block_weights = None
        if points is not None:
            feedback.setProgressText(self.tr("Placing the weight points"))
            point_geometries = [f.geometry() for f in points.getFeatures()]
            weights = [1.0 if not weight_field else _number(f[weight_field]) for f in points.getFeatures()]
            points_layer = self._index_layer("points", "carry_point", point_geometries, points, compat.WKB_MULTIPOINT)
            in_blocks = self._intersect(points_layer, blocks_layer, context, feedback)
            block_of = {p["carry_point"]: p["carry_block"] for p in in_blocks.getFeatures()}
            block_weights = [0.0] * len(features)
            for point, block in block_of.items():
                block_weights[block] += weights[point]
            in_spaces = self._intersect(points_layer, spaces_layer, context, feedback)
            weight_overlaps = [(block_of[p["carry_point"]], space_values[p["carry_space"]], weights[p["carry_point"]])
                               for p in in_spaces.getFeatures() if p["carry_point"] in block_of]
        carried = carry_division(len(features), area_overlaps, areas, weight_overlaps, block_weights, tolerance)
        feedback.setProgress(80)

        dest = self._write(parameters, context, source, spaces, space_field, features, carried, feedback)
        labels = {SPLIT: self.tr("Blocks split between old spaces"), OUTSIDE: self.tr("Blocks outside every old space (no space)"),
                  PARTLY_OUTSIDE: self.tr("Blocks partly outside every old space")}
        for flag, text in labels.items():
            flagged = carried.flagged(flag)
            if flagged:
                feedback.pushWarning(self.tr("{what}: {n} ({blocks}).").format(what=text, n=len(flagged),
                                                                            blocks=format_values(ids[i] for i in flagged)))
        feedback.pushInfo(self.tr("{n} blocks carried over: {clean} whole in one old space, {split} split, {outside} outside, "
                                  "{partly} partly outside.").format(
            n=len(features), clean=carried.flags.count(""), split=len(carried.flagged(SPLIT)), outside=len(carried.flagged(OUTSIDE)),
            partly=len(carried.flagged(PARTLY_OUTSIDE))))
        feedback.setProgress(100)
        return {self.OUTPUT: dest, "N_SPLIT": len(carried.flagged(SPLIT)), "N_OUTSIDE": len(carried.flagged(OUTSIDE)),
                "N_PARTLY_OUTSIDE": len(carried.flagged(PARTLY_OUTSIDE))}

    def _report_geometries(self, features, ids, feedback):
        """Name the blocks without a polygon (they get no space) and those whose polygon is invalid
        (repaired for the overlay): an outside check found them reported as 'outside every old space'
        and not at all."""
        empty = [i for i, f in enumerate(features) if not f.hasGeometry() or f.geometry().isEmpty()]
        if empty:
            feedback.pushWarning(self.tr("{count} blocks have no geometry and get no space: {ids}").format(
                count=len(empty), ids=format_values(ids[i] for i in empty)))
        without = set(empty)
        invalid = [i for i, f in enumerate(features) if i not in without and not f.geometry().isGeosValid()]
        if invalid:
            feedback.pushWarning(self.tr("{count} invalid geometries were repaired: {ids}").format(
                count=len(invalid), ids=format_values(ids[i] for i in invalid)))

    def _index_layer(self, name, field_name, geometries, source, wkb_type):
        """A memory layer of valid geometries with one field: the position in ``geometries``."""
        fields = QgsFields()
        fields.append(compat.field(field_name, "int"))
        layer = QgsMemoryProviderUtils.createMemoryLayer(name, fields, wkb_type, source.sourceCrs())
        rows = []
        for index, geometry in enumerate(geometries):
            if geometry is None or geometry.isEmpty():
                continue
            feature = QgsFeature(fields)
            valid = QgsGeometry(_valid(geometry))
            valid.convertToMultiType()
            feature.setGeometry(valid)
            feature.setAttributes([index])
            rows.append(feature)
        layer.dataProvider().addFeatures(rows)
        return layer

    def _intersect(self, layer, overlay, context, feedback):
        """QGIS's own intersection (native:intersection) as a child algorithm; reprojects the overlay.

        Run directly, not through processing.run, which adds a line 'Results: {'OUTPUT': 'output_...'}'
        to the planner's log."""
        algorithm = QgsApplication.processingRegistry().createAlgorithmById("native:intersection")
        results, ok = algorithm.run({"INPUT": layer, "OVERLAY": overlay, "OUTPUT": "memory:"}, context, feedback)
        if not ok:
            raise QgsProcessingException(self.tr("Overlaying the new blocks with the old spaces failed."))
        return QgsProcessingUtils.mapLayerFromString(results["OUTPUT"], context)

    def _write(self, parameters, context, source, spaces, space_field, features, carried, feedback):
        fields = QgsFields()
        space_kind = spaces.fields().field(space_field)
        position = source.fields().indexFromName(space_field)
        for index, field in enumerate(source.fields()):
            fields.append(space_kind if index == position else field)
        if position >= 0:
            feedback.pushWarning(self.tr("The new blocks already have a field '{field}': its values are replaced by the "
                                         "carried spaces in the output.").format(field=space_field))
        else:
            fields.append(space_kind)
        for name, kind in CARRY_FIELDS:
            fields.append(compat.field(name, kind))
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT, context, fields, polygon_wkb_type(source), source.sourceCrs())
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        for index, feature in enumerate(features):
            out = QgsFeature(fields)
            out.setGeometry(feature.geometry())
            values = list(feature.attributes())
            if position >= 0:
                values[position] = carried.space[index]
            else:
                values.append(carried.space[index])
            listing = "; ".join(f"{value}: {share:.0%}" for value, share in carried.shares[index])
            values += [round(float(carried.share[index]), 4), carried.flags[index] or None, listing or None, carried.basis[index]]
            out.setAttributes(values)
            add_feature(sink, out, self, self.OUTPUT)
        return dest


def _valid(geometry):
    if geometry is None or geometry.isEmpty() or geometry.isGeosValid():
        return geometry
    return geometry.makeValid()


def _number(value):
    try:
        number = float(value)
    except (TypeError, ValueError):
        return 0.0
    return number if number == number and number > 0 else 0.0

