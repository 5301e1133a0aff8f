"""sozialraum:compare — compare two divisions of the same blocks (draft vs adopted, old vs new)."""
import pandas as pd
from qgis.core import (
    QgsFeature,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
)

from ..engine.errors import SozialraumError, format_values
from ..engine.indicators import compare_divisions
from ..engine.indicators.change import crosswalk, space_changes
from ..i18n import translator_for
from ..presentation.comparison_report import comparison_report, summary_lines
from ..qgisio import compat
from ..qgisio.atomic_files import write_text
from ..qgisio.blocks_input import polygon_wkb_type, read_blocks
from ..qgisio.destinations import output_requested
from ..qgisio.number_format import add_number_format_parameter, number_format
from ..qgisio.sink_writes import add_feature
from .base import SozialraumAlgorithm
from .change_parameters import add_change_parameters, change_inputs
from .help_examples import with_example
from .indicator_fields import SOURCE_VECTOR, qgs_fields
from .indicator_messages import raise_indicator_error
from .indicator_parameters import language_parameter
from .reports.change_report import change_map_png, write_pdf


class CompareAlgorithm(SozialraumAlgorithm):
    GROUP = "spaces"
    ALGORITHM_NAME = "compare"
    ICON = "sozialraum.svg"

    INPUT = "INPUT"
    ID_FIELD = "ID_FIELD"
    OLD_FIELD = "OLD_FIELD"
    NEW_FIELD = "NEW_FIELD"
    POPULATION_FIELD = "POPULATION_FIELD"
    OUTPUT_MOVED = "OUTPUT_MOVED"
    OUTPUT_OVERLAP = "OUTPUT_OVERLAP"
    REPORT = "REPORT"

    def displayName(self):  # noqa: N802
        return self.tr("Compare two divisions")

    def shortHelpString(self):  # noqa: N802
        return with_example(self.tr(
            "Compares two divisions of the same blocks, e.g. the draft and the adopted social spaces, or the old "
            "and the new division: which blocks moved from which space to which, how many residents moved, how "
            "much of each space's population is kept, and the adjusted Rand index (1 = identical divisions; "
            "computed over blocks and over residents).\n\n"
            "Spaces are paired by their names when both fields share names (the usual revision); otherwise each "
            "new space is paired with the old space it shares the most residents with. Blocks without a value "
            "count as '(none)'.\n\n"
            "Outputs: the blocks that moved (from, to, population), the table old x new with the residents in "
            "each combination, and an HTML report for a council document (in German when QGIS runs in German)."
        ) + "\n\n" + self.tr(
            "The change report for the council: with the population bounds, the decision log of the consultation "
            "(table sozialraum_decisions in the layer's GeoPackage) and a language, the HTML and PDF report also say "
            "per space what changed (kept, boundary changed, split off, new, dissolved), residents from and to which "
            "spaces and why (outside the bounds, repairing a neighbour, new blocks, an expert decision with its "
            "reason), show a map of the new spaces with the old boundaries, and give the crosswalk old space -> new "
            "space with residents' shares (also the table output) to recast last year's figures per space: counts "
            "by the share of the old space, rates weighted by the share of the new space."
        ), self.name())

    def initAlgorithm(self, config=None):  # noqa: N802
        add = self.addParameter
        add(QgsProcessingParameterFeatureSource(self.INPUT, self.tr("Blocks"), [compat.SOURCE_POLYGON]))
        add(QgsProcessingParameterField(self.ID_FIELD, self.tr("Block id field (empty: feature id)"),
                                        parentLayerParameterName=self.INPUT, type=compat.FIELD_ANY, optional=True))
        add(QgsProcessingParameterField(self.OLD_FIELD, self.tr("Old division (space field)"), parentLayerParameterName=self.INPUT,
                                        type=compat.FIELD_ANY))
        add(QgsProcessingParameterField(self.NEW_FIELD, self.tr("New division (space field)"), parentLayerParameterName=self.INPUT,
                                        type=compat.FIELD_ANY))
        add(QgsProcessingParameterField(self.POPULATION_FIELD, self.tr("Population field"), defaultValue="pop_total",
                                        parentLayerParameterName=self.INPUT, type=compat.FIELD_NUMERIC, optional=True))
        add_number_format_parameter(self)
        # both layers are written unless skipped: a planner who wants only the change report need not name them
        add(QgsProcessingParameterFeatureSink(self.OUTPUT_MOVED, self.tr("Moved blocks"), compat.SOURCE_POLYGON,
                                              optional=True, createByDefault=True))
        add(QgsProcessingParameterFeatureSink(self.OUTPUT_OVERLAP, self.tr("Old x new overlap"), SOURCE_VECTOR,
                                              optional=True, createByDefault=True))
        add(QgsProcessingParameterFileDestination(self.REPORT, self.tr("Report"), self.tr("HTML files (*.html)"), optional=True,
                                                  createByDefault=False))
        add_change_parameters(self)
        for name, description in (
            ("ARI", self.tr("Adjusted Rand index (blocks)")),
            ("ARI_POPULATION", self.tr("Adjusted Rand index (residents)")),
            ("BLOCKS_MOVED", self.tr("Blocks moved")),
            ("POPULATION_MOVED", self.tr("Population moved")),
            ("SHARE_MOVED", self.tr("Share of the population moved")),
        ):
            self.addOutput(QgsProcessingOutputNumber(name, description))

    def process(self, parameters, context, feedback):
        source = self.parameterAsSource(parameters, self.INPUT, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.INPUT))
        id_field = self.parameterAsString(parameters, self.ID_FIELD, context) or None
        old_field = self.parameterAsString(parameters, self.OLD_FIELD, context)
        new_field = self.parameterAsString(parameters, self.NEW_FIELD, context)
        population_field = self.parameterAsString(parameters, self.POPULATION_FIELD, context) or None
        for name in (old_field, new_field, population_field, id_field):
            if name and name not in source.fields().names():
                raise QgsProcessingException(self.tr("The field '{field}' is not in the layer.").format(field=name))
        blocks = read_blocks(source, context, feedback, id_field, [old_field, new_field, population_field],
                             number_format(self, parameters, context))
        # object columns: a whole-number field with an empty value would become floats ('12.0' in the report)
        frame = pd.DataFrame({"old": pd.Series(blocks.values(old_field), dtype=object),
                              "new": pd.Series(blocks.values(new_field), dtype=object)})
        frame.index = pd.Index(blocks.ids, dtype=object)
        if population_field:
            frame["population"] = blocks.numeric(population_field, whole=True)
            missing = frame["population"].isna()
            if missing.any():
                feedback.pushWarning(self.tr("%n block(s) without a population value, counted as 0: {ids}", int(missing.sum())).format(ids=format_values(frame.index[missing].tolist())))
            negative = frame["population"] < 0
            if negative.any():
                raise QgsProcessingException(self.tr("Field '{field}' has negative values for {count} blocks: {ids}").format(
                    field=population_field, count=int(negative.sum()), ids=format_values(frame.index[negative].tolist())))
        try:
            comparison = compare_divisions(frame, "old", "new", "population" if population_field else None)
        except SozialraumError as error:
            raise_indicator_error(error)
        s = comparison.summary
        lines, moves, agreement = summary_lines(comparison)
        for line in lines + moves + [agreement]:
            feedback.pushInfo(line)

        moved_dest = self._write_moved(parameters, context, source, blocks, comparison, old_field, new_field)
        overlap_dest = self._write_overlap(parameters, context, comparison)
        outputs = {self.OUTPUT_MOVED: moved_dest, self.OUTPUT_OVERLAP: overlap_dest, "ARI": float(s["ari_blocks"]),
                   "ARI_POPULATION": float(s["ari_population"]), "BLOCKS_MOVED": int(s["blocks_moved"]),
                   "POPULATION_MOVED": float(s["population_moved"]), "SHARE_MOVED": float(s["share_moved"])}
        report = self.parameterAsFileOutput(parameters, self.REPORT, context)
        pdf = self.parameterAsFileOutput(parameters, "REPORT_PDF", context)
        if report or pdf:
            lang = language_parameter(self, parameters, context)
            translate = translator_for(lang)
            lower, upper, decisions = change_inputs(self, parameters, context, feedback)
            position = {block: i for i, block in enumerate(blocks.ids)}
            changes = space_changes(comparison, lower, upper, decisions)
            feedback.setProgressText(self.tr("Drawing the map of the old and new division"))
            map_png = change_map_png(blocks, frame["old"].tolist(), frame["new"].tolist(),
                                     comparison.spaces["population"].to_dict(),
                                     [position[block] for block in comparison.moved["block"]], translate)
            page = comparison_report(comparison, old_field, new_field, source.sourceName(), changes=changes,
                                     crosswalk=crosswalk(comparison), map_png=map_png, translate=translate, lang=lang)
            if report:
                write_text(report, page)
                outputs[self.REPORT] = report
            if pdf:
                write_pdf(pdf, page)
                outputs["REPORT_PDF"] = pdf
        return outputs

    def _write_moved(self, parameters, context, source, blocks, comparison, old_field, new_field):
        id_kind = "string"
        fields = qgs_fields([compat.field("block", id_kind), compat.field("from_space", "string"),
                             compat.field("to_space", "string"), compat.field("population", "double")])
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT_MOVED, context, fields, polygon_wkb_type(source), source.sourceCrs())
        if sink is None:
            if not output_requested(self, parameters, self.OUTPUT_MOVED, context):
                return None  # skipped
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT_MOVED))
        position = {block: i for i, block in enumerate(blocks.ids)}
        for row in comparison.moved.itertuples(index=False):
            out = QgsFeature(fields)
            out.setGeometry(blocks.features[position[row.block]].geometry())
            out.setAttributes([str(row.block), str(row[1]), str(row[2]), float(row.population)])
            add_feature(sink, out, self, self.OUTPUT_MOVED)
        return dest

    def _write_overlap(self, parameters, context, comparison):
        fields = qgs_fields([compat.field("old_space", "string"), compat.field("new_space", "string"),
                             compat.field("population", "double"), compat.field("share_of_old", "double"),
                             compat.field("share_of_new", "double")])
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT_OVERLAP, context, fields, compat.WKB_NO_GEOMETRY)
        if sink is None:
            if not output_requested(self, parameters, self.OUTPUT_OVERLAP, context):
                return None  # skipped
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT_OVERLAP))
        overlap = comparison.overlap
        old_totals = overlap.sum(axis=1)
        new_totals = overlap.sum(axis=0)
        for old in overlap.index:
            for new in overlap.columns:
                population = float(overlap.at[old, new])
                if population <= 0:
                    continue
                out = QgsFeature(fields)
                out.setAttributes([str(old), str(new), population,
                                   round(100.0 * population / float(old_totals[old]), 3) if old_totals[old] > 0 else None,
                                   round(100.0 * population / float(new_totals[new]), 3) if new_totals[new] > 0 else None])
                add_feature(sink, out, self, self.OUTPUT_OVERLAP)
        return dest
