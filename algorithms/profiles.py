"""sozialraum:profiles — one profile page per social space (atlas PDF, optional PNGs, layout in the project)."""
import shutil
import time
from collections import Counter
from contextlib import contextmanager
from pathlib import Path

import numpy as np
import pandas as pd
from qgis.core import (
    QgsExpression,
    QgsLayoutExporter,
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingMultiStepFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterString,
    QgsProject,
)

from ..engine.errors import SozialraumError, format_values
from ..engine.indicators import AREA_FIELD, aggregate
from ..i18n import language, translator_for
from ..presentation.messages import INDEX_CLASSES
from ..presentation.numbers import format_number
from ..presentation.profile_svg import age_chart_svg, map_legend_svg, table_svg
from ..presentation.profile_table import age_bars, profile_rows
from ..presentation.svg_text import split_texts
from ..qgisio import compat
from ..qgisio.atomic_files import atomic_path, staged_folder
from ..qgisio.layer_io import is_null, ordered_request, plain
from ..qgisio.number_format import read_field
from .base import SozialraumAlgorithm
from .indicator_blocks import read_block_table, visible
from .indicator_messages import raise_indicator_error
from .indicator_parameters import (
    add_catalogue_parameter,
    add_language_parameter,
    add_spaces_with_indicators,
    language_parameter,
    load_catalogue_parameter,
)
from .reports.profile_layout import TABLE_HEIGHT, build_layout, enum, field_ref
from .reports.profile_words import PAGE_TEXTS, UNITS

#: QgsProcessingAlgorithm.FlagNoThreading (3.22) / Qgis.ProcessingAlgorithmFlag.NoThreading (3.36+)
NO_THREADING = compat._pick("ProcessingAlgorithmFlag", "NoThreading", QgsProcessingAlgorithm, "FlagNoThreading")
BLOCK_GROUP = "__town"  # one group for all blocks: only the municipal total is used

def class_text(class_field, translate):
    """Expression: the atlas feature's index class in the page's language.

    'Social index and types' writes its default class labels in the language QGIS ran in; each
    of them (English or German) is shown in the page's language. Labels a planner chose stay as
    written.
    """
    from qgis.core import QgsExpression

    value = f"to_string({field_ref(class_field)})"
    cases = []
    for source in INDEX_CLASSES:
        for written in dict.fromkeys((source, translator_for("de")(source))):
            cases.append(f"WHEN {value} = {QgsExpression.quotedString(written)} "
                         f"THEN {QgsExpression.quotedString(translate(source))}")
    return f"CASE {' '.join(cases)} ELSE coalesce({value}, '–') END"

def write_svg(folder, name, svg):
    """``name``.svg (the whole drawing) and ``name``_shapes.svg (without its texts, which the layout shows as
    labels: Qt outlines SVG text); returns the texts."""
    shapes, texts = split_texts(svg)
    (folder / f"{name}.svg").write_text(svg, encoding="utf-8")
    (folder / f"{name}_shapes.svg").write_text(shapes, encoding="utf-8")
    return texts


@contextmanager
def _quiet_gdal():
    """GDAL's messages silenced while the PNGs are written.

    QGIS georeferences every exported image through GDAL, whose PNG driver cannot update a file:
    "ERROR 6: The PNG driver does not support update access" once per page in the qgis_process
    output of a run that succeeded (an outside check). Nothing else is hidden: the export's own
    result is checked.
    """
    try:
        from osgeo import gdal
    except ImportError:  # QGIS without GDAL's Python bindings: the messages stay
        yield
        return
    gdal.PushErrorHandler("CPLQuietErrorHandler")
    try:
        yield
    finally:
        gdal.PopErrorHandler()


class ProfilesAlgorithm(SozialraumAlgorithm):
    GROUP = "indicators"
    ALGORITHM_NAME = "profiles"
    ICON = "sozialraum.svg"

    INPUT = "INPUT"
    ID_FIELD = "ID_FIELD"
    NAME_FIELD = "NAME_FIELD"
    BLOCKS = "BLOCKS"
    BLOCK_SPACE_FIELD = "BLOCK_SPACE_FIELD"
    CATALOGUE = "CATALOGUE"
    NULL_AS_ZERO = "NULL_AS_ZERO"
    CLASS_FIELD = "CLASS_FIELD"
    TYPE_FIELD = "TYPE_FIELD"
    LANGUAGE = "LANGUAGE"
    OUTPUT = "OUTPUT"
    PNG_FOLDER = "PNG_FOLDER"
    SAVE_LAYOUT = "SAVE_LAYOUT"
    LAYOUT_NAME = "LAYOUT_NAME"

    def flags(self):
        # Layouts are Qt graphics scenes and the project's layout manager lives in the main thread.
        return super().flags() | NO_THREADING

    def displayName(self):  # noqa: N802
        return self.tr("Create social-space profiles")

    def shortHelpString(self):  # noqa: N802
        return self.tr(
            "Makes a profile sheet for every social space: one A4 page per space in one PDF, for the council, the "
            "district offices or a consultation. Each page has the space's name, a map of the space with its blocks "
            "and the neighbouring spaces (with a scale bar), the residents and their age structure as a bar chart "
            "(black mark: the municipal share), the table of the catalogue's indicators with the value of the space, "
            "the municipal value and the difference, and the social index class and type. Suppressed values are "
            "printed as '.', values that cannot be computed as 'x'; the footnote says so.\n\n"
            "Parameters: Spaces with indicators: the output of 'Push indicators to spaces' or of 'Social index and "
            "types'. Space id field and name field (optional): what the title shows. Blocks (optional): drawn on the "
            "map and used for the municipal values, which are summed over all blocks and then divided, as in "
            "'Push indicators to spaces' (without blocks the municipal column stays empty); with the blocks' space "
            "field the blocks of the page's space are highlighted. Catalogue: the one used for the indicators. "
            "Index class and type fields: as written by 'Social index and types' (si_label, space_type); left out "
            "when the layer has none. Language: of the labels and texts on the pages (German: German labels of the "
            "catalogue and decimal comma). PNG folder (optional): one PNG per space as well. Save the layout into "
            "the project: the layout (named as given) appears in the Layout Manager, where you can restyle it and "
            "export it again; the charts and tables it shows are the SVG files in the folder beside the PDF. Run "
            "with qgis_process there is no project to keep it: the PDF is made, the layout is not kept.\n\n"
            "Example (sample town, after 'make demo'): Spaces with indicators = demo/social_index.gpkg, id field "
            "space_id, blocks = demo/spaces_blocks.gpkg with space field space_id, language Deutsch, output "
            "demo/profiles.pdf: 34 pages, one per proposed space."
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        add = self.addParameter
        add_spaces_with_indicators(self, self.tr("Blocks (map and municipal values)"))
        add(QgsProcessingParameterField(self.BLOCK_SPACE_FIELD, self.tr("Space field of the blocks"),
                                        parentLayerParameterName=self.BLOCKS, type=compat.FIELD_ANY, optional=True))
        add_catalogue_parameter(self, self.CATALOGUE)
        # as in the run that pushed the indicators to the spaces, or the municipal column of a field
        # with NULLs reads "x" beside the spaces' values (an outside check)
        add(QgsProcessingParameterBoolean(self.NULL_AS_ZERO, self.tr("Read NULL values of the blocks as 0 "
                                                                  "(municipal values)"), defaultValue=False))
        add(QgsProcessingParameterField(self.CLASS_FIELD, self.tr("Index class field"), defaultValue="si_label",
                                        parentLayerParameterName=self.INPUT, type=compat.FIELD_ANY, optional=True))
        add(QgsProcessingParameterField(self.TYPE_FIELD, self.tr("Type field"), defaultValue="space_type",
                                        parentLayerParameterName=self.INPUT, type=compat.FIELD_ANY, optional=True))
        add_language_parameter(self, self.LANGUAGE)
        add(QgsProcessingParameterBoolean(self.SAVE_LAYOUT, self.tr("Save the layout into the project"), defaultValue=True))
        add(QgsProcessingParameterString(self.LAYOUT_NAME, self.tr("Layout name"), defaultValue=self.tr("Social space profiles")))
        add(QgsProcessingParameterFileDestination(self.OUTPUT, self.tr("Profiles (PDF)"), self.tr("PDF files (*.pdf)")))
        add(QgsProcessingParameterFolderDestination(self.PNG_FOLDER, self.tr("Folder for one PNG per space"), optional=True,
                                                    createByDefault=False))
        self.addOutput(QgsProcessingOutputNumber("N_PAGES", self.tr("Number of pages")))
        self.addOutput(QgsProcessingOutputString("LAYOUT", self.tr("Layout name")))

    # -- reading ------------------------------------------------------------------------
    def _fields(self, parameters, context, layer):
        names = layer.fields().names()
        id_field = self.parameterAsString(parameters, self.ID_FIELD, context)
        name_field = self.parameterAsString(parameters, self.NAME_FIELD, context) or None
        for field in (id_field, name_field):
            if field and field not in names:
                raise QgsProcessingException(self.tr("The field '{field}' is not in the layer {layer}.").format(
                    field=field, layer=layer.name()))
        optional = {}
        for key in (self.CLASS_FIELD, self.TYPE_FIELD):
            field = self.parameterAsString(parameters, key, context) or None
            optional[key] = field if field in names else None
        return id_field, name_field, optional[self.CLASS_FIELD], optional[self.TYPE_FIELD]

    def _check_catalogue(self, layer, catalogue):
        missing = [indicator.id for indicator in visible(catalogue) if indicator.id not in layer.fields().names()]
        if missing:
            raise QgsProcessingException(self.tr(
                "The layer {layer} has no field for {count} indicators of the catalogue: {ids}. Use the output of "
                "'Push indicators to spaces' made with the same catalogue.").format(
                layer=layer.name(), count=len(missing), ids=format_values(missing)))

    def _read_spaces(self, layer, id_field, catalogue, feedback):
        has_suppressed = "suppressed" in layer.fields().names()
        features = []
        for feature in layer.getFeatures(ordered_request(id_field)):
            if feedback.isCanceled():
                raise QgsProcessingException(self.tr("Cancelled by the user."))
            features.append(feature)
        labels = [plain(feature[id_field]) for feature in features]
        columns = {indicator.id: self._column(features, indicator.id, labels, feedback) for indicator in visible(catalogue)}
        spaces = []
        for row, feature in enumerate(features):
            values = {key: (None if np.isnan(column[row]) else float(column[row])) for key, column in columns.items()}
            listed = feature["suppressed"] if has_suppressed else None
            suppressed = {item.strip() for item in str(listed).split(",")} if not is_null(listed) else set()
            if not has_suppressed:  # without the list every NULL may be a suppressed value: print "."
                suppressed = {key for key, number in values.items() if number is None}
            spaces.append({"fid": feature.id(), "id": labels[row], "values": values, "suppressed": suppressed})
        return spaces

    def _column(self, features, field, labels, feedback):
        """One indicator of every space as floats (NaN for NULL); text read in one notation per field."""
        values = read_field([plain(feature[field]) for feature in features], field,
                            lambda rows: format_values([labels[i] for i in rows]), feedback, spaces=True)
        infinite = np.flatnonzero(np.isinf(values))
        if len(infinite):  # like NULL: a broken value, not a number to print
            feedback.pushWarning(self.tr("Field '{field}' is infinite for {count} spaces; they count as NULL: {ids}").format(
                field=field, count=len(infinite), ids=format_values([labels[i] for i in infinite])))
            values[infinite] = np.nan
        return values

    def _municipal(self, parameters, context, feedback, catalogue, catalogue_file):
        """The municipal value of each indicator from all blocks (counts summed, then divided); {} without blocks."""
        source = self.parameterAsSource(parameters, self.BLOCKS, context)
        if source is None:
            return {}
        names = source.fields().names()
        missing = [name for name in catalogue.fields() if name not in names and name != AREA_FIELD]
        if missing:
            feedback.pushWarning(self.tr("The blocks have no field {fields}: the municipal values are left empty.").format(
                fields=format_values(missing)))
            return {}
        data = read_block_table(source, context, feedback, catalogue, catalogue_file)
        frame = data.frame.copy()
        frame[BLOCK_GROUP] = 1
        null_as_zero = self.parameterAsBoolean(parameters, self.NULL_AS_ZERO, context)
        try:
            table = aggregate(frame, catalogue, BLOCK_GROUP, areas=data.areas, null_as_zero=null_as_zero)
        except SozialraumError as error:
            raise_indicator_error(error, catalogue_file)
        row = table.total.iloc[0]
        municipal = {name: (None if pd.isna(row[name]) else float(row[name])) for name in table.total.columns}
        with_nulls = [indicator.id for indicator in visible(catalogue) if municipal.get(indicator.id) is None
                      and any(frame[name].isna().any() for name in indicator.fields if name in frame.columns)]
        if with_nulls and not null_as_zero:
            feedback.pushWarning(self.tr("The municipal value of {count} indicators is empty ('x') because blocks have "
                                         "NULL values: {ids}. 'Read NULL values of the blocks as 0' computes them as "
                                         "'Push indicators' does with that option.").format(
                count=len(with_nulls), ids=format_values(with_nulls)))
        return municipal

    # -- writing ------------------------------------------------------------------------
    def _write_pictures(self, folder, spaces, catalogue, municipal, lang, feedback):
        translate = translator_for(lang)
        units = {unit: translate(text) for unit, text in UNITS.items()} if lang != "en" else {}
        headers = [translate(PAGE_TEXTS[key]) for key in ("indicator", "unit", "space", "municipal", "difference")]
        texts = {"table": {}, "chart": {}}
        for position, space in enumerate(spaces):
            if feedback.isCanceled():
                raise QgsProcessingException(self.tr("Cancelled by the user."))
            rows = profile_rows(visible(catalogue), space["values"], municipal, space["suppressed"], lang, units)
            texts["table"][space["fid"]] = write_svg(folder, f"table_{space['fid']}", table_svg(rows, headers, height=TABLE_HEIGHT))
            total, population, bars = age_bars(catalogue, space["values"], municipal, space["suppressed"], lang)
            if total is None:
                title = ""
            else:
                count = "." if population is None and total.id in space["suppressed"] else (
                    "x" if population is None else format_number(population, 0, lang))
                title = f"{total.label(lang)}: {count}"
            chart = age_chart_svg(bars, title, translate(PAGE_TEXTS["age"]),
                                  (translate(PAGE_TEXTS["legend_space"]), translate(PAGE_TEXTS["legend_town"])), lang,
                                  no_data=translate(PAGE_TEXTS["no_age"]))
            texts["chart"][space["fid"]] = write_svg(folder, f"age_{space['fid']}", chart)
            feedback.setProgress(100 * (position + 1) / max(len(spaces), 1))
        legend = [("space", translate(PAGE_TEXTS["map_space"])), ("neighbour", translate(PAGE_TEXTS["map_neighbour"]))]
        texts["legend"] = write_svg(folder, "map_legend", map_legend_svg(legend))
        return folder / "map_legend_shapes.svg", texts

    def _texts(self, lang, id_field, name_field, class_field, type_field, has_municipal):
        translate = translator_for(lang)
        ident = f"to_string({field_ref(id_field)})"
        if name_field:
            name = f"coalesce(to_string({field_ref(name_field)}) || ' (' || {ident} || ')', {ident})"
        else:
            name = ident
        title = f"{translate(PAGE_TEXTS['title'])} [% {name} %]"
        parts = []
        if class_field:
            parts.append(translate(PAGE_TEXTS["index"]).format(status=f"[% {class_text(class_field, translate)} %]"))
        if type_field:
            parts.append(translate(PAGE_TEXTS["type"]).format(number=f"[% coalesce(to_string({field_ref(type_field)}), '–') %]"))
        footnote = translate(PAGE_TEXTS["footnote"])
        if not has_municipal:
            footnote += " " + translate(PAGE_TEXTS["no_municipal"])
        page = translate(PAGE_TEXTS["page"]).format(page="[% @atlas_featurenumber %]", pages="[% @atlas_totalfeatures %]")
        label = f"coalesce(to_string({field_ref(name_field)}), {ident})" if name_field else ident
        return title, "   ·   ".join(parts), footnote, page, label

    def _export(self, layout, pdf, png_folder, feedback):
        exporter_feedback = QgsProcessingMultiStepFeedback(2 if png_folder else 1, feedback)
        settings = QgsLayoutExporter.PdfExportSettings()
        settings.rasterizeWholeImage = False
        settings.dpi = 200
        # text as text, not as outlines (newer QGIS default): the PDF stays searchable and
        # accessible, and a council's document system can index it
        settings.textRenderFormat = compat.TEXT_AS_TEXT
        with atomic_path(pdf) as part:  # a PDF with pages missing must never look finished
            result, error = QgsLayoutExporter.exportToPdf(layout.atlas(), part, settings, exporter_feedback)
            self._check_export(result, error, pdf, feedback)
        if png_folder:
            exporter_feedback.setCurrentStep(1)
            image = QgsLayoutExporter.ImageExportSettings()
            image.dpi = 100
            with staged_folder(png_folder) as staging, _quiet_gdal():
                result, error = QgsLayoutExporter.exportToImage(layout.atlas(), str(staging / "profile.png"), "png",
                                                                image, exporter_feedback)
                self._check_export(result, error, png_folder, feedback)

    def _check_export(self, result, error, path, feedback):
        if feedback.isCanceled():  # the half-written file is a temporary one (atomic_files), removed on the way out
            raise QgsProcessingException(self.tr("Cancelled by the user."))
        if result != enum(QgsLayoutExporter, "ExportResult", "Success"):
            raise QgsProcessingException(self.tr("Cannot write {file}: {error}").format(
                file=path, error=error or self.tr("the export failed (is the file open in another program?)")))

    def process(self, parameters, context, feedback):
        started = time.time()
        layer = self.parameterAsVectorLayer(parameters, self.INPUT, context)
        if layer is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.INPUT))
        if layer.featureCount() == 0:
            raise QgsProcessingException(self.tr("The layer {layer} has no features: there is no space to make a profile "
                                                 "of.").format(layer=layer.name()))
        id_field, name_field, class_field, type_field = self._fields(parameters, context, layer)
        for key, field in ((self.CLASS_FIELD, class_field), (self.TYPE_FIELD, type_field)):
            asked = self.parameterAsString(parameters, key, context)
            if asked and field is None:
                feedback.pushInfo(self.tr("The layer has no field '{field}': the pages show none.").format(field=asked))
        catalogue, catalogue_file = load_catalogue_parameter(self, parameters, context, self.CATALOGUE)
        self._check_catalogue(layer, catalogue)
        lang = language_parameter(self, parameters, context, self.LANGUAGE)
        blocks = self.parameterAsVectorLayer(parameters, self.BLOCKS, context)
        block_space_field = self.parameterAsString(parameters, self.BLOCK_SPACE_FIELD, context) or None
        if blocks is not None and block_space_field and block_space_field not in blocks.fields().names():
            raise QgsProcessingException(self.tr("The field '{field}' is not in the layer {layer}.").format(
                field=block_space_field, layer=blocks.name()))
        pdf = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        png_folder = self.parameterAsString(parameters, self.PNG_FOLDER, context) or None

        steps = QgsProcessingMultiStepFeedback(4, feedback)
        steps.setProgressText(self.tr("Reading the spaces"))
        spaces = self._read_spaces(layer, id_field, catalogue, steps)
        duplicates = sorted((space for space, n in Counter(s["id"] for s in spaces).items() if n > 1), key=str)
        if duplicates:
            raise QgsProcessingException(self.tr("The id field has duplicate values: {values}. Choose a field with one "
                                                 "value per space.").format(values=format_values(duplicates)))
        steps.setCurrentStep(1)
        steps.setProgressText(self.tr("Computing the municipal values"))
        municipal = self._municipal(parameters, context, steps, catalogue, catalogue_file)
        if blocks is None:
            feedback.pushInfo(self.tr("No blocks: the pages show no municipal values and the maps no blocks."))

        steps.setCurrentStep(2)
        steps.setProgressText(self.tr("Drawing the charts and tables"))
        folder = Path(pdf).with_name(Path(pdf).stem + "_files")
        if folder.exists():
            shutil.rmtree(folder, ignore_errors=True)
        try:
            folder.mkdir(parents=True)
            legend, texts = self._write_pictures(folder, spaces, catalogue, municipal, lang, steps)
        except OSError as error:
            raise QgsProcessingException(self.tr("Cannot write {file}: {error}").format(
                file=folder, error=error.strerror or error)) from error

        steps.setCurrentStep(3)
        steps.setProgressText(self.tr("Exporting the pages"))
        project = context.project() or QgsProject.instance()
        name = self.parameterAsString(parameters, self.LAYOUT_NAME, context) or self.tr("Social space profiles")
        title, subtitle, footnote, page, label = self._texts(lang, id_field, name_field, class_field, type_field,
                                                             bool(municipal))
        prefix = QgsExpression.quotedString(str(folder) + "/")
        layout = build_layout(project, name, layer, id_field, title, subtitle, blocks, block_space_field,
                              f"{prefix} || 'age_' || to_string(@atlas_featureid) || '_shapes.svg'",
                              f"{prefix} || 'table_' || to_string(@atlas_featureid) || '_shapes.svg'",
                              legend, footnote, page, label, lang, texts)
        self._export(layout, pdf, png_folder, steps)
        outputs = {self.OUTPUT: pdf, "N_PAGES": len(spaces), "LAYOUT": ""}
        if png_folder:
            outputs[self.PNG_FOLDER] = png_folder
        if self.parameterAsBoolean(parameters, self.SAVE_LAYOUT, context):
            if context.project() is None:  # qgis_process without --project_path: nothing would keep the layout
                feedback.pushInfo(self.tr("No project is open (as with qgis_process): the layout is not kept, the PDF "
                                          "has every page."))
            else:
                outputs["LAYOUT"] = self._save(project, layout, name, layer, blocks, feedback)
        feedback.pushInfo(self.tr("{pages} profile pages written to {file} in {seconds} s.").format(
            pages=len(spaces), file=pdf, seconds=format_number(time.time() - started, 1, language())))
        return outputs

    def _save(self, project, layout, name, layer, blocks, feedback):
        manager = project.layoutManager()
        old = manager.layoutByName(name)
        if old is not None:
            manager.removeLayout(old)
        manager.addLayout(layout)
        outside = [item.name() for item in (layer, blocks) if item is not None and project.mapLayer(item.id()) is None]
        if outside:
            feedback.pushInfo(self.tr("The layout '{name}' is in the project's Layout Manager; the layers {layers} are not in "
                                      "the project, so after reopening it the layout shows them only once you add them "
                                      "and choose them again.").format(name=name, layers=", ".join(outside)))
        else:
            feedback.pushInfo(self.tr("The layout '{name}' is in the project's Layout Manager.").format(name=name))
        return name

