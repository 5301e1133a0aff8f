"""sozialraum:interpolate — push indicators to freely drawn spaces (areal interpolation)."""
import time

import numpy as np
import pandas as pd
from qgis.core import (
    QgsCoordinateTransform,
    QgsFeature,
    QgsField,
    QgsGeometry,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsWkbTypes,
)

from ..engine.errors import SozialraumError, format_values
from ..engine.indicators import interpolate
from ..i18n import language, translator_for
from ..presentation.indicator_report import indicator_report, settings_rows
from ..presentation.numbers import format_number
from ..qgisio import compat
from ..qgisio.atomic_files import write_text
from ..qgisio.layer_io import (
    is_null,
    ordered_request,
    plain,
    require_geometry,
    source_title,
    to_shapely,
    transformed_features,
    valid_polygons,
)
from ..qgisio.number_format import add_number_format_parameter, number_format
from ..qgisio.sink_writes import add_feature
from .base import SozialraumAlgorithm
from .confidentiality_log import log_null_reasons, notes_per_space, publish
from .help_examples import with_example
from .indicator_blocks import read_block_table, visible
from .indicator_exports import export_frame
from .indicator_fields import indicator_fields, on_load, qgs_fields, value
from .indicator_messages import null_reason, raise_indicator_error
from .indicator_parameters import (
    add_catalogue_parameter,
    add_confidentiality_parameters,
    add_language_parameter,
    confidentiality_options,
    language_parameter,
    load_catalogue_parameter,
)

METHODS = ("area", "points")


def _number(number, decimals=0):
    return format_number(number, decimals, language())


def _diagnostics(result, space_ids, population_field, tr, lang):
    """(level, text) of what the log says and the report repeats as notes, in ``lang`` through ``tr``:
    the report may be asked in another language than the interface (an outside check found German
    reports with English notes)."""
    found = []
    empty = [space for space in space_ids if int(result.table.n_blocks[space]) == 0]
    if empty:  # first: such spaces make the lists of blocks outside and of NULL values long
        found.append(("warning", tr("{count} drawn spaces overlap no block (check where they lie and their CRS); their "
                                    "values are 0 or empty: {ids}").format(count=len(empty), ids=format_values(empty))))
    for row in result.overlaps.itertuples(index=False):
        found.append(("warning", tr("The drawn spaces {a} and {b} overlap ({area} m²); blocks there are counted in both, "
                                    "so the sum over the spaces exceeds the municipal total.").format(
            a=row.space_a, b=row.space_b, area=format_number(row.area_m2, 0, lang))))
    if len(result.outside):
        outside = result.outside.sort_values("population_outside", ascending=False, kind="mergesort")
        ids = format_values(outside["block"].tolist())
        if population_field:
            found.append(("warning", tr("{count} blocks lie (partly) outside every drawn space, with {population} residents "
                                        "outside: {ids}").format(count=len(outside), ids=ids,
                                                                 population=format_number(result.outside_population, 1, lang))))
        else:
            found.append(("warning", tr("{count} blocks lie (partly) outside every drawn space: {ids}").format(
                count=len(outside), ids=ids)))
    if result.fallback_blocks:
        found.append(("info", tr("{count} blocks have no weight points and are split by area: {ids}").format(
            count=len(result.fallback_blocks), ids=format_values(result.fallback_blocks))))
    return found


class InterpolateAlgorithm(SozialraumAlgorithm):
    GROUP = "indicators"
    ALGORITHM_NAME = "interpolate"
    ICON = "sozialraum.svg"

    INPUT = "INPUT"
    ID_FIELD = "ID_FIELD"
    SPACES = "SPACES"
    SPACE_FIELD = "SPACE_FIELD"
    CATALOGUE = "CATALOGUE"
    METHOD = "METHOD"
    WEIGHT_POINTS = "WEIGHT_POINTS"
    WEIGHT_FIELD = "WEIGHT_FIELD"
    NULL_AS_ZERO = "NULL_AS_ZERO"
    LANGUAGE = "LANGUAGE"
    OUTPUT = "OUTPUT"
    REPORT = "REPORT"

    def displayName(self):  # noqa: N802
        return self.tr("Push indicators to drawn spaces")

    def shortHelpString(self):  # noqa: N802
        return with_example(self.tr(
            "Computes the catalogue's indicators for spaces drawn freely (polygons that need not follow block "
            "boundaries). Each block's counts are split among the spaces it overlaps, by the share of its area "
            "or, dasymetrically, by the share of its weight points (address or building points, optionally "
            "weighted by a field such as dwellings or floor area; blocks without points fall back to their "
            "area share). Rates are then recomputed from the split counts (sum, then divide). The same "
            "confidentiality rules as in 'Push indicators to spaces' apply.\n\n"
            "The output has the drawn spaces with every indicator and, per space, the population that came from "
            "blocks split between spaces (split_population, split_share in %). Overlapping spaces and blocks "
            "outside every space are reported in the log and the report with their population: then the sum "
            "over the spaces differs from the municipal total. A spaces layer in another CRS is transformed; "
            "blocks in a geographic CRS are measured in metres (UTM)."
        ) + "\n\n" + self.tr(
            "The drawn spaces keep their own fields (names, remarks). Where two drawn spaces overlap, the overlap's "
            "blocks count in both, with either method. Numbers stored as text are read in one notation per field "
            "(advanced parameter 'Numbers stored as text')."
        ), self.name())

    def initAlgorithm(self, config=None):  # noqa: N802
        add = self.addParameter
        add(QgsProcessingParameterFeatureSource(self.INPUT, self.tr("Blocks"), [compat.SOURCE_POLYGON]))
        add(QgsProcessingParameterField(self.ID_FIELD, self.tr("Block id field (empty: feature id)"),
                                        parentLayerParameterName=self.INPUT, type=compat.FIELD_ANY, optional=True))
        add(QgsProcessingParameterFeatureSource(self.SPACES, self.tr("Drawn spaces"), [compat.SOURCE_POLYGON]))
        add(QgsProcessingParameterField(self.SPACE_FIELD, self.tr("Space id field (empty: feature id)"),
                                        parentLayerParameterName=self.SPACES, type=compat.FIELD_ANY, optional=True))
        add_catalogue_parameter(self, self.CATALOGUE)
        add(QgsProcessingParameterEnum(self.METHOD, self.tr("Split blocks by"),
                                       options=[self.tr("Area share"), self.tr("Weight points (dasymetric)")], defaultValue=0))
        add(QgsProcessingParameterFeatureSource(self.WEIGHT_POINTS, self.tr("Weight points (addresses, buildings)"),
                                                [compat.SOURCE_POINT], optional=True))
        add(QgsProcessingParameterField(self.WEIGHT_FIELD, self.tr("Weight field of the points (empty: 1 per point)"),
                                        parentLayerParameterName=self.WEIGHT_POINTS, type=compat.FIELD_NUMERIC, optional=True))
        add(QgsProcessingParameterBoolean(self.NULL_AS_ZERO, self.tr("Read NULL values as 0"), defaultValue=False))
        add_confidentiality_parameters(self, self.INPUT)
        add_language_parameter(self, self.LANGUAGE)
        add_number_format_parameter(self)
        add(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Drawn spaces with indicators"), compat.SOURCE_POLYGON))
        add(QgsProcessingParameterFileDestination(self.REPORT, self.tr("Report"), self.tr("HTML files (*.html)"), optional=True,
                                                  createByDefault=False))
        for name, description in (
            ("N_SPACES", self.tr("Number of spaces")),
            ("N_SUPPRESSED", self.tr("Suppressed values")),
            ("N_OVERLAPS", self.tr("Overlapping pairs of spaces")),
            ("N_OUTSIDE_BLOCKS", self.tr("Blocks (partly) outside every space")),
            ("OUTSIDE_POPULATION", self.tr("Population outside every space")),
        ):
            self.addOutput(QgsProcessingOutputNumber(name, description))

    # -- reading ----------------------------------------------------------------------
    def _read_spaces(self, parameters, context, feedback, work_crs):
        source = self.parameterAsSource(parameters, self.SPACES, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.SPACES))
        require_geometry(source, compat.GEOMETRY_POLYGON, self.tr("drawn spaces"))
        field = self.parameterAsString(parameters, self.SPACE_FIELD, context) or None
        self._require_field(source, field)
        transform = None
        if source.sourceCrs() != work_crs:
            transform = QgsCoordinateTransform(source.sourceCrs(), work_crs, context.transformContext())
            feedback.pushInfo(self.tr("The drawn spaces ({crs}) are transformed to {work} for the overlay.").format(
                crs=source.sourceCrs().authid(), work=work_crs.authid()))
        features, shapes, ids = [], [], []
        for feature in source.getFeatures(ordered_request(field), compat.SKIP_VALIDITY_CHECKS):
            features.append(feature)
            geometry = feature.geometry()
            if transform is not None and geometry is not None and not geometry.isNull():
                geometry = QgsGeometry(geometry)
                geometry.transform(transform)
            shapes.append(to_shapely(geometry))
            ids.append(plain(feature[field]) if field else feature.id())
        if not features:
            raise QgsProcessingException(self.tr("The layer '{layer}' of drawn spaces has no features.").format(
                layer=source.sourceName()))
        empty = [features[index].id() for index, space in enumerate(ids) if is_null(space)]
        if empty:
            raise QgsProcessingException(self.tr(
                "The space id field '{field}' is empty for {count} spaces (feature ids {ids}).").format(
                field=field, count=len(empty), ids=format_values(empty)))
        counts = pd.Series(ids, dtype=object).value_counts()
        duplicates = counts[counts > 1].index.tolist()
        if duplicates:
            raise QgsProcessingException(self.tr("The space id field '{field}' has duplicate values: {values}.").format(
                field=field, values=format_values(duplicates)))
        missing = [space for space, shape in zip(ids, shapes) if shape is None]
        if missing:
            feedback.pushWarning(self.tr("{count} drawn spaces have no geometry: {ids}").format(
                count=len(missing), ids=format_values(missing)))
        return source, field, features, shapes, ids

    def _require_field(self, source, field):
        """A field parameter's value that is not in ``source`` (qgis_process does not check it): a KeyError before."""
        if field and field not in source.fields().names():
            raise QgsProcessingException(self.tr("The field '{field}' is not in the layer {layer}.").format(
                field=field, layer=source.sourceName()))

    def _read_points(self, parameters, context, feedback, work_crs):
        source = self.parameterAsSource(parameters, self.WEIGHT_POINTS, context)
        if source is None:
            raise QgsProcessingException(self.tr("Splitting by weight points needs a point layer."))
        require_geometry(source, compat.GEOMETRY_POINT, self.tr("weight points"))
        field = self.parameterAsString(parameters, self.WEIGHT_FIELD, context) or None
        self._require_field(source, field)
        points, weights = [], []
        for feature, shape in transformed_features(source, work_crs, context):
            if shape.geom_type == "MultiPoint":
                parts = list(shape.geoms)
            else:
                parts = [shape]
            weight = 1.0
            if field:
                raw = feature[field]
                weight = 0.0 if is_null(raw) else float(raw)
            for part in parts:
                points.append(part)
                weights.append(weight / len(parts))
        weights = np.asarray(weights, dtype=float)
        if field and (weights < 0).any():
            raise QgsProcessingException(self.tr("The weight field '{field}' has negative values for {count} points.").format(
                field=field, count=int((weights < 0).sum())))
        feedback.pushInfo(self.tr("{count} weight points read.").format(count=len(points)))
        return points, weights

    def process(self, parameters, context, feedback):
        started = time.time()
        source = self.parameterAsSource(parameters, self.INPUT, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.INPUT))
        id_field = self.parameterAsString(parameters, self.ID_FIELD, context) or None
        catalogue, catalogue_file = load_catalogue_parameter(self, parameters, context, self.CATALOGUE)
        options = confidentiality_options(self, parameters, context)
        lang = language_parameter(self, parameters, context, self.LANGUAGE)
        method = METHODS[self.parameterAsEnum(parameters, self.METHOD, context)]

        feedback.setProgressText(self.tr("Reading blocks"))
        population_field = options["population_field"]
        if population_field and population_field not in source.fields().names():
            if options["on"] and options["min_population"] > 0:
                raise QgsProcessingException(self.tr("The field '{field}' is not in the layer.").format(field=population_field))
            population_field = None
        data = read_block_table(source, context, feedback, catalogue, catalogue_file, id_field, [], population_field,
                                number_format(self, parameters, context))
        catalogue = data.catalogue
        spaces_source, space_field, space_features, space_shapes, space_ids = self._read_spaces(
            parameters, context, feedback, data.blocks.work_crs)
        points = weights = None
        if method == "points":
            points, weights = self._read_points(parameters, context, feedback, data.blocks.work_crs)
        feedback.setProgress(30)

        feedback.setProgressText(self.tr("Splitting the blocks among the drawn spaces"))
        try:
            result = interpolate(data.frame, data.blocks.shapes, space_shapes, catalogue, space_ids=space_ids,
                                 space_field=space_field or "space_id", method=method, points=points, point_weights=weights,
                                 population_field=population_field,
                                 null_as_zero=self.parameterAsBoolean(parameters, self.NULL_AS_ZERO, context))
        except SozialraumError as error:
            raise_indicator_error(error, catalogue_file)
        self._refuse_if_no_space_has_blocks(result, space_ids, source, spaces_source)
        self._log_diagnostics(result, space_ids, feedback, population_field)
        published = publish(result.table, options, feedback)
        log_null_reasons(feedback, published)
        feedback.setProgress(70)

        feedback.setProgressText(self.tr("Writing the results"))
        dest = self._write(parameters, context, spaces_source, space_field, space_features, space_ids, result, published,
                           catalogue, lang, feedback)
        outputs = {self.OUTPUT: dest, "N_SPACES": len(space_ids), "N_SUPPRESSED": published.n_suppressed,
                   "N_OVERLAPS": len(result.overlaps), "N_OUTSIDE_BLOCKS": len(result.outside),
                   "OUTSIDE_POPULATION": float(result.outside_population) if population_field else 0.0}
        report = self.parameterAsFileOutput(parameters, self.REPORT, context)
        if report:
            t = translator_for(lang)  # the report's language, not the interface's
            text = export_frame(published, catalogue, space_ids, lang)
            sections = []
            if len(result.outside):
                outside = result.outside.sort_values("population_outside", ascending=False, kind="mergesort")
                frame = pd.DataFrame({
                    t("Block"): outside["block"].astype(str),
                    t("Share outside (%)"): [format_number(100 * v, 1, lang) for v in outside["share_outside"]],
                    t("Residents outside"): [format_number(v, 1, lang) if v == v else "" for v in outside["population_outside"]],
                })
                sections.append((t("Blocks outside every drawn space"), frame, 1))
            if len(result.overlaps):
                frame = pd.DataFrame({t("Space"): result.overlaps["space_a"].astype(str),
                                      t("Overlaps space"): result.overlaps["space_b"].astype(str),
                                      t("Area (m²)"): [format_number(v, 0, lang) for v in result.overlaps["area_m2"]]})
                sections.append((t("Overlapping drawn spaces"), frame, 2))
            settings = settings_rows(options, catalogue_file, source_title(self, parameters, self.INPUT, context, source), lang)
            settings.append((t("Split blocks by"), t("Area share") if method == "area"
                             else t("Weight points (dasymetric)")))
            notes = [text for _, text in _diagnostics(result, space_ids, population_field, tr=t, lang=lang)]
            notes += [t("Space {space}: '{indicator}' is NULL because {reason}.").format(
                space=row.space, indicator=row.indicator, reason=null_reason(row.reason, row.blocks, lang))
                for row in published.null_reasons.itertuples(index=False)]
            write_text(report, indicator_report(t("Indicators of the drawn spaces"), text, settings, notes, lang,
                                                sections))
            outputs[self.REPORT] = report
        feedback.pushInfo(self.tr("{spaces} drawn spaces, {indicators} indicators from {blocks} blocks in {seconds} s.").format(
            spaces=len(space_ids), indicators=len(visible(catalogue)), blocks=len(data.frame),
            seconds=_number(time.time() - started, 1)))
        feedback.setProgress(100)
        return outputs

    def _refuse_if_no_space_has_blocks(self, result, space_ids, source, spaces_source):
        """Refuse spaces of which none overlaps a block (a wrong CRS or extent)."""
        if space_ids and all(int(result.table.n_blocks[space]) == 0 for space in space_ids):
            raise QgsProcessingException(self.tr(
                "No drawn space overlaps any block, so every value would be 0. Check that the drawn spaces lie over the "
                "blocks and that both layers have the right CRS (blocks: {blocks}, drawn spaces: {spaces}).").format(
                blocks=source.sourceCrs().authid(), spaces=spaces_source.sourceCrs().authid()))

    def _log_diagnostics(self, result, space_ids, feedback, population_field):
        """The run's findings in the log (interface language); what the report repeats comes first."""
        for level, text in _diagnostics(result, space_ids, population_field, tr=self.tr, lang=language()):
            (feedback.pushWarning if level == "warning" else feedback.pushInfo)(text)
        if len(result.outside):
            outside = result.outside.sort_values("population_outside", ascending=False, kind="mergesort")
            for row in outside.head(20).itertuples(index=False):
                feedback.pushInfo(self.tr("Block {block}: {share} % outside, {population} residents.").format(
                    block=row.block, share=f"{100 * row.share_outside:.1f}",
                    population=_number(row.population_outside, 1) if row.population_outside == row.population_outside else "-"))
        if result.points_outside_blocks:
            feedback.pushInfo(self.tr("{count} weight points lie in no block and are not used.").format(
                count=result.points_outside_blocks))
        if result.invalid_blocks:
            feedback.pushWarning(self.tr("{count} blocks have no usable polygon geometry: {ids}").format(
                count=len(result.invalid_blocks), ids=format_values(result.invalid_blocks)))
        if result.repaired_blocks:
            feedback.pushWarning(self.tr("{count} invalid geometries were repaired: {ids}").format(
                count=len(result.repaired_blocks), ids=format_values(result.repaired_blocks)))
        if result.repaired_spaces:
            feedback.pushWarning(self.tr("{count} drawn spaces had invalid polygons (e.g. crossing their own outline); they "
                                         "were repaired for the overlay and are written repaired: {ids}").format(
                count=len(result.repaired_spaces), ids=format_values(result.repaired_spaces)))
        if result.conserves_totals:
            feedback.pushInfo(self.tr("The drawn spaces cover every block without overlaps: the sums over the spaces equal "
                                      "the municipal totals."))

    def _write(self, parameters, context, spaces_source, space_field, space_features, space_ids, result, published,
               catalogue, lang, feedback):
        if space_field:
            space = QgsField(spaces_source.fields().field(space_field))
        else:
            space = compat.field("space_id", "int")
        fixed_names = (space.name(), "n_blocks", "split_population", "split_share", "notes", "suppressed")
        ind_fields, names = indicator_fields(catalogue, lang, taken=fixed_names)
        computed = {name.lower() for name in fixed_names} | {field.name().lower() for field in ind_fields}
        # the drawn spaces' own fields (names, remarks) go with them: profiles and the atlas show the
        # names (an outside check: they were dropped). A field this run computes is replaced by the
        # new value, as when the output of an earlier run is run again (GeoPackage names ignore case).
        kept, replaced = [], []
        for index, field in enumerate(spaces_source.fields()):
            if field.name() == space.name() and space_field:
                continue
            (replaced if field.name().lower() in computed else kept).append((index, field))
        if replaced:
            feedback.pushInfo(self.tr("Fields of the drawn spaces replaced by this run's values: {fields}").format(
                fields=", ".join(field.name() for _, field in replaced)))
        fields = qgs_fields([space], [QgsField(field) for _, field in kept],
                            [compat.field("n_blocks", "int"), compat.field("split_population", "double"),
                             compat.field("split_share", "double")], ind_fields,
                            [compat.field("notes", "string"), compat.field("suppressed", "string")])
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT, context, fields,
                                          QgsWkbTypes.multiType(spaces_source.wkbType()), spaces_source.sourceCrs())
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        notes, suppressed = notes_per_space(published, result.table.values.index, lang)
        ids = [indicator.id for indicator in visible(catalogue)]
        values = published.values[ids]
        n_blocks = result.table.n_blocks
        for feature, space_id in zip(space_features, space_ids):
            out = QgsFeature(fields)
            # the overlay used the repaired polygon, and so does every map after it: an invalid one
            # (a bow-tie) put its label in another space on the profile sheets
            geometry = QgsGeometry(valid_polygons(feature.geometry()))
            if not geometry.isNull():
                geometry.convertToMultiType()
            out.setGeometry(geometry)
            row = values.loc[space_id]
            share = result.split_share[space_id]
            out.setAttributes([space_id] + [feature.attributes()[index] for index, _ in kept]
                              + [int(n_blocks[space_id]), value(result.split_population[space_id]),
                                 None if share != share else round(100.0 * float(share), 3)]
                              + [value(row[i]) for i in ids] + [notes.get(space_id), suppressed.get(space_id)])
            add_feature(sink, out, self, self.OUTPUT)
        aliases = {names[i.id]: i.label(lang) for i in visible(catalogue)}
        aliases.update({"split_population": self.tr("Population from split blocks"),
                        "split_share": self.tr("Share of the population from split blocks (%)")})
        on_load(context, dest, aliases)
        return dest
