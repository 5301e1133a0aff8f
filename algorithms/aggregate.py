"""sozialraum:aggregate — push the indicators of a catalogue from blocks to their spaces."""
import time

from qgis.core import (
    QgsFeature,
    QgsField,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
)

from ..engine.errors import SozialraumError, format_values
from ..engine.indicators import aggregate
from ..i18n import language, translator_for
from ..presentation.indicator_report import indicator_report, settings_rows
from ..presentation.messages import EXPORT_LABELS, label_text
from ..presentation.numbers import format_number
from ..qgisio import compat
from ..qgisio.atomic_files import atomic_path, write_text
from ..qgisio.blocks_input import polygon_wkb_type, report_invalid_geometries
from ..qgisio.destinations import output_requested
from ..qgisio.layer_io import source_title
from ..qgisio.number_format import add_number_format_parameter, number_format
from ..qgisio.sink_writes import add_feature
from ..qgisio.spaces_io import space_geometry
from .base import SozialraumAlgorithm
from .confidentiality_log import log_null_reasons, notes_per_space, publish
from .help_examples import with_example
from .indicator_blocks import read_block_table, visible
from .indicator_exports import export_frame, write_csv, write_xlsx
from .indicator_fields import SOURCE_VECTOR, indicator_fields, on_load, qgs_fields, value
from .indicator_messages import null_reason, raise_indicator_error
from .indicator_parameters import (
    add_catalogue_parameter,
    add_confidentiality_parameters,
    add_language_parameter,
    confidentiality_options,
    language_parameter,
    load_catalogue_parameter,
)


def write_total(algorithm, parameters, context, name, published, catalogue, lang, n_blocks):
    """The municipal total/average row as a table without geometry; None when the output was not asked for."""
    if not output_requested(algorithm, parameters, name, context):
        return None
    label = compat.field("name", "string")
    ind_fields, names = indicator_fields(catalogue, lang, taken=("name", "n_blocks"))
    fields = qgs_fields([label, compat.field("n_blocks", "int")], ind_fields)
    sink, dest = algorithm.parameterAsSink(parameters, name, context, fields, compat.WKB_NO_GEOMETRY)
    if sink is None:
        raise QgsProcessingException(algorithm.invalidSinkError(parameters, name))
    feature = QgsFeature(fields)
    row = published.total.iloc[0]
    feature.setAttributes([label_text(EXPORT_LABELS, "total", lang), int(n_blocks)] + [value(row[i.id]) for i in visible(catalogue)])
    add_feature(sink, feature, algorithm, name)
    on_load(context, dest, {names[i.id]: i.label(lang) for i in visible(catalogue)})
    return dest


def export(algorithm, parameters, context, feedback, published, catalogue, space_names, lang, outputs):
    """EXPORT_CSV / EXPORT_XLSX when asked for."""
    table = None
    for name, writer in (("EXPORT_CSV", write_csv), ("EXPORT_XLSX", write_xlsx)):
        path = algorithm.parameterAsFileOutput(parameters, name, context)
        if not path:
            continue
        if table is None:
            table = export_frame(published, catalogue, space_names, lang)
        try:
            with atomic_path(path) as part:
                writer(part, table, lang)
        except OSError as error:  # a folder that does not exist, no permission, the file open in Excel
            raise QgsProcessingException(algorithm.tr("Cannot write {file}: {error}").format(
                file=path, error=error.strerror or error)) from error
        feedback.pushInfo(algorithm.tr("Written: {file}").format(file=path))
        outputs[name] = path
    return table


class AggregateAlgorithm(SozialraumAlgorithm):
    GROUP = "indicators"
    ALGORITHM_NAME = "aggregate"
    ICON = "sozialraum.svg"

    INPUT = "INPUT"
    SPACE_FIELD = "SPACE_FIELD"
    ID_FIELD = "ID_FIELD"
    CATALOGUE = "CATALOGUE"
    NULL_AS_ZERO = "NULL_AS_ZERO"
    GAP_DISTANCE = "GAP_DISTANCE"
    LANGUAGE = "LANGUAGE"
    OUTPUT = "OUTPUT"
    OUTPUT_TOTAL = "OUTPUT_TOTAL"
    REPORT = "REPORT"
    EXPORT_CSV = "EXPORT_CSV"
    EXPORT_XLSX = "EXPORT_XLSX"

    def displayName(self):  # noqa: N802
        return self.tr("Push indicators to spaces")

    def shortHelpString(self):  # noqa: N802
        return with_example(self.tr(
            "Computes every indicator of the catalogue for each social space from the blocks' counts: numerators "
            "and denominators are summed over the blocks of a space, then divided (rates are never averaged). "
            "The catalogue is a CSV file you can edit (see docs/catalogue.md); empty uses the sample town's. "
            "The field area_m2 is taken from the block geometry when the layer has none.\n\n"
            "Confidentiality (default on): counts from 1 to the minimum number of cases minus 1 are suppressed, "
            "further cells are suppressed so that no hidden value can be recovered as a total minus the "
            "published values, every rate of a hidden count is hidden, and spaces with fewer residents than the "
            "minimum get no rates. Optionally counts are rounded to multiples of 3 (totals stay true). "
            "Suppressed values are NULL in the layers and '.' in exports and the report; the field 'suppressed' "
            "lists them, 'notes' says why other values are NULL (e.g. a denominator of 0).\n\n"
            "Outputs: one feature per space (dissolved blocks) with every indicator (field names are the "
            "indicator ids, aliases their labels), the municipal total as a table, an optional HTML report and "
            "optional CSV and Excel (XLSX) tables with the labels in the chosen language."
        ), self.name())

    def initAlgorithm(self, config=None):  # noqa: N802
        add = self.addParameter
        add(QgsProcessingParameterFeatureSource(self.INPUT, self.tr("Blocks"), [compat.SOURCE_POLYGON]))
        add(QgsProcessingParameterField(self.SPACE_FIELD, self.tr("Space field"), parentLayerParameterName=self.INPUT,
                                        type=compat.FIELD_ANY))
        add(QgsProcessingParameterField(self.ID_FIELD, self.tr("Block id field (empty: feature id)"),
                                        parentLayerParameterName=self.INPUT, type=compat.FIELD_ANY, optional=True))
        add_catalogue_parameter(self, self.CATALOGUE)
        add(QgsProcessingParameterBoolean(self.NULL_AS_ZERO, self.tr("Read NULL values as 0"), defaultValue=False))
        add_confidentiality_parameters(self, self.INPUT)
        add(QgsProcessingParameterNumber(self.GAP_DISTANCE, self.tr("Close street gaps in the space outlines up to (m)"),
                                         type=compat.NUMBER_DOUBLE, defaultValue=30.0, minValue=0.0))
        add_language_parameter(self, self.LANGUAGE)
        add_number_format_parameter(self)
        add(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Spaces with indicators"), compat.SOURCE_POLYGON))
        # optional like the index's type profiles: a run for the spaces alone needs no total table
        add(QgsProcessingParameterFeatureSink(self.OUTPUT_TOTAL, self.tr("Municipal total"), SOURCE_VECTOR, optional=True,
                                              createByDefault=True))
        add(QgsProcessingParameterFileDestination(self.REPORT, self.tr("Report"), self.tr("HTML files (*.html)"), optional=True,
                                                  createByDefault=False))
        add(QgsProcessingParameterFileDestination(self.EXPORT_CSV, self.tr("Indicator table (CSV)"),
                                                  self.tr("CSV files (*.csv)"), optional=True, createByDefault=False))
        add(QgsProcessingParameterFileDestination(self.EXPORT_XLSX, self.tr("Indicator table (Excel)"),
                                                  self.tr("Excel files (*.xlsx)"), optional=True, createByDefault=False))
        for name, description in (
            ("N_SPACES", self.tr("Number of spaces")),
            ("N_SUPPRESSED", self.tr("Suppressed values")),
            ("N_NULL", self.tr("NULL values for other reasons")),
        ):
            self.addOutput(QgsProcessingOutputNumber(name, description))

    def process(self, parameters, context, feedback):
        started = time.time()
        source = self.parameterAsSource(parameters, self.INPUT, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.INPUT))
        space_field = self.parameterAsString(parameters, self.SPACE_FIELD, context)
        id_field = self.parameterAsString(parameters, self.ID_FIELD, context) or None
        catalogue, catalogue_file = load_catalogue_parameter(self, parameters, context, self.CATALOGUE)
        options = confidentiality_options(self, parameters, context)
        lang = language_parameter(self, parameters, context, self.LANGUAGE)
        gap = self.parameterAsDouble(parameters, self.GAP_DISTANCE, context)

        feedback.setProgressText(self.tr("Reading blocks"))
        data = read_block_table(source, context, feedback, catalogue, catalogue_file, id_field, [space_field],
                                options["population_field"] if options["on"] else None,
                                number_format=number_format(self, parameters, context))
        catalogue = data.catalogue
        feedback.setProgressText(self.tr("Summing the indicators"))
        try:
            table = aggregate(data.frame, catalogue, space_field, areas=data.areas,
                              null_as_zero=self.parameterAsBoolean(parameters, self.NULL_AS_ZERO, context))
        except SozialraumError as error:
            raise_indicator_error(error, catalogue_file)
        if table.unassigned_blocks:
            feedback.pushWarning(self.tr("{count} blocks have no space; they count for the municipal total only: {ids}").format(
                count=len(table.unassigned_blocks), ids=format_values(table.unassigned_blocks)))
        published = publish(table, options, feedback)
        log_null_reasons(feedback, published)
        feedback.setProgress(40)

        feedback.setProgressText(self.tr("Writing the results"))
        report_invalid_geometries(data.blocks, feedback)  # the outlines of the spaces are unions of the blocks
        dest = self._write_spaces(parameters, context, source, data, table, published, catalogue, space_field, gap, lang,
                                  feedback)
        total_dest = write_total(self, parameters, context, self.OUTPUT_TOTAL, published, catalogue, lang,
                                 len(data.frame))
        outputs = {self.OUTPUT: dest, self.OUTPUT_TOTAL: total_dest, "N_SPACES": len(table.values),
                   "N_SUPPRESSED": published.n_suppressed, "N_NULL": len(published.null_reasons)}
        text = export(self, parameters, context, feedback, published, catalogue, list(table.values.index), lang, outputs)
        report = self.parameterAsFileOutput(parameters, self.REPORT, context)
        if report:
            if text is None:
                text = export_frame(published, catalogue, list(table.values.index), lang)
            t = translator_for(lang)  # the report's language, not the interface's
            notes = [t("Space {space}: '{indicator}' is NULL because {reason}.").format(
                space=row.space, indicator=row.indicator, reason=null_reason(row.reason, row.blocks, lang))
                for row in published.null_reasons.itertuples(index=False)]
            notes += [t("{count} blocks have no space; they count for the municipal total only: {ids}").format(
                count=len(table.unassigned_blocks), ids=format_values(table.unassigned_blocks))] if table.unassigned_blocks else []
            write_text(report, indicator_report(t("Indicators of the social spaces"), text,
                                                settings_rows(options, catalogue_file, source_title(self, parameters, self.INPUT, context, source), lang), notes, lang))
            outputs[self.REPORT] = report
        feedback.pushInfo(self.tr("{spaces} spaces, {indicators} indicators from {blocks} blocks in {seconds} s.").format(
            spaces=len(table.values), indicators=len(visible(catalogue)), blocks=len(data.frame),
            seconds=format_number(time.time() - started, 1, language())))
        feedback.setProgress(100)
        return outputs

    def _write_spaces(self, parameters, context, source, data, table, published, catalogue, space_field, gap, lang, feedback):
        space = QgsField(source.fields().field(space_field))
        fixed_names = (space_field, "n_blocks", "notes", "suppressed")
        ind_fields, names = indicator_fields(catalogue, lang, taken=fixed_names)
        fields = qgs_fields([space, compat.field("n_blocks", "int")], ind_fields,
                            [compat.field("notes", "string"), compat.field("suppressed", "string")])
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT, context, fields,
                                          polygon_wkb_type(source, multi=True), source.sourceCrs())
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        members = {}
        for index, label in enumerate(data.frame[space_field].tolist()):
            if label is not None:
                members.setdefault(label, []).append(index)
        notes, suppressed = notes_per_space(published, table.values.index, lang)
        ids = [indicator.id for indicator in visible(catalogue)]
        total = len(table.values) or 1
        for position, (label, row) in enumerate(published.values[ids].iterrows()):
            if feedback.isCanceled():
                raise QgsProcessingException(self.tr("Cancelled by the user."))
            feature = QgsFeature(fields)
            feature.setGeometry(space_geometry(data.blocks, members.get(label, []), gap))
            feature.setAttributes([label, int(table.n_blocks[label])] + [value(row[i]) for i in ids]
                                  + [notes.get(label), suppressed.get(label)])
            add_feature(sink, feature, self, self.OUTPUT)
            feedback.setProgress(40 + 55 * position / total)
        on_load(context, dest, {names[i.id]: i.label(lang) for i in visible(catalogue)})
        return dest
