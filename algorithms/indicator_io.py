"""Shared by the indicator algorithms: catalogue and confidentiality parameters, block tables,
indicator fields, CSV/XLSX export (through QGIS/OGR) and a small HTML table report."""
import html
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
from qgis.core import (
    QgsFields,
    QgsProcessingException,
    QgsProcessingLayerPostProcessorInterface,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
)

from ..engine.errors import SozialraumError
from ..engine.geometry import polygon_areas
from ..engine.indicators import default_catalogue_path, load_catalogue, protect
from ..engine.indicators.catalogue import AREA_FIELD, Catalogue, Indicator, parse_expression
from ..engine.indicators.confidentiality import format_table
from ..i18n import tr
from . import compat
from .blocks_input import read_blocks
from .compat import FILE_BEHAVIOUR, SOURCE_VECTOR  # noqa: E402,F401 (re-exported for the indicator algorithms)
from .indicator_messages import null_reason, raise_indicator_error
from .layer_io import plain
from .spreadsheet import write_csv  # noqa: F401 (re-exported for the indicator algorithms)
from .spreadsheet import write_xlsx as spreadsheet_xlsx
from .styles import style_path

#: hidden helper indicator when the population field is not read by the catalogue
POPULATION_HELPER = "__population"

# Fixed column labels of exports in both languages (exports may be asked in the other language).
FIXED = {
    "space": ("Space", "Sozialraum"),
    "total": ("Municipality total", "Gesamtstadt"),
    "n_blocks": ("Blocks", "Blöcke"),
    "sheet": ("Indicators", "Indikatoren"),
}


def fixed(key, lang):
    return FIXED[key][1 if lang == "de" else 0]


def ui_language():
    """'de' when the German translation is loaded, else 'en'."""
    return "de" if tr("en") == "de" else "en"


# --- parameters ------------------------------------------------------------------------------


def add_catalogue_parameter(algorithm, name="CATALOGUE"):
    algorithm.addParameter(QgsProcessingParameterFile(
        name, tr("Indicator catalogue (CSV; empty: the catalogue of the sample town)"), behavior=FILE_BEHAVIOUR,
        extension="csv", optional=True))


def load_catalogue_parameter(algorithm, parameters, context, name="CATALOGUE"):
    """The catalogue chosen by the user (default: resources/catalogues/musterstadt.csv) and its path."""
    path = algorithm.parameterAsFile(parameters, name, context) or str(default_catalogue_path())
    if not Path(path).is_file():
        raise QgsProcessingException(tr("The catalogue file {file} does not exist.").format(file=path))
    try:
        return load_catalogue(path), path
    except SozialraumError as error:
        raise_indicator_error(error, path)


def add_confidentiality_parameters(algorithm, parent="INPUT"):
    add = algorithm.addParameter
    add(QgsProcessingParameterBoolean("CONFIDENTIALITY", tr("Statistical confidentiality (suppress small counts)"),
                                      defaultValue=True))
    add(QgsProcessingParameterNumber("MIN_COUNT", tr("Minimum number of cases (counts from 1 to this minus 1 are suppressed)"),
                                     type=compat.NUMBER_INTEGER, defaultValue=3, minValue=1))
    add(QgsProcessingParameterBoolean("ROUND_TO_3", tr("Round counts of the spaces to multiples of 3 (totals stay true)"),
                                      defaultValue=False))
    add(QgsProcessingParameterNumber("MIN_POPULATION_FOR_RATES", tr("No rates for spaces with fewer residents than"),
                                     type=compat.NUMBER_DOUBLE, defaultValue=300, minValue=0))
    add(QgsProcessingParameterField("POPULATION_FIELD", tr("Population field (for the minimum population)"),
                                    defaultValue="pop_total", parentLayerParameterName=parent, type=compat.FIELD_NUMERIC,
                                    optional=True))


def confidentiality_options(algorithm, parameters, context):
    return {
        "on": algorithm.parameterAsBoolean(parameters, "CONFIDENTIALITY", context),
        "minimum": algorithm.parameterAsInt(parameters, "MIN_COUNT", context),
        "round": algorithm.parameterAsBoolean(parameters, "ROUND_TO_3", context),
        "min_population": algorithm.parameterAsDouble(parameters, "MIN_POPULATION_FOR_RATES", context),
        "population_field": algorithm.parameterAsString(parameters, "POPULATION_FIELD", context) or None,
    }


def add_language_parameter(algorithm, name="LANGUAGE"):
    algorithm.addParameter(QgsProcessingParameterEnum(
        name, tr("Language of labels, reports and exports"),
        options=[tr("Language of the user interface"), "Deutsch", "English"], defaultValue=0))


def language_parameter(algorithm, parameters, context, name="LANGUAGE"):
    choice = algorithm.parameterAsEnum(parameters, name, context)
    return {1: "de", 2: "en"}.get(choice, ui_language())


# --- reading blocks --------------------------------------------------------------------------


@dataclass
class BlockTable:
    blocks: object  # blocks_input.Blocks
    frame: pd.DataFrame  # catalogue fields (+ extra fields), index = block ids
    areas: np.ndarray  # m² in the work CRS
    catalogue: Catalogue  # with the population helper when needed


def with_population(catalogue, population_field):
    """The catalogue plus a hidden count of ``population_field`` if no indicator reads it."""
    if not population_field or population_field in catalogue.fields():
        return catalogue
    helper = Indicator(id=POPULATION_HELPER, label_en=population_field, label_de=population_field, kind="count",
                       numerator=parse_expression(f'"{population_field}"'), confidential=False)
    return Catalogue(catalogue.indicators + (helper,), catalogue.source, catalogue.extra_columns)


def read_block_table(source, context, feedback, catalogue, catalogue_file, id_field=None, extra_fields=(),
                     population_field=None):
    """Blocks and the fields the catalogue reads as a DataFrame; missing fields refused before reading."""
    names = source.fields().names()
    for name in [id_field, population_field, *extra_fields]:
        if name and name not in names:
            raise QgsProcessingException(tr("The field '{field}' is not in the layer.").format(field=name))
    try:
        catalogue.check_fields(names, area_field_optional=True)
    except SozialraumError as error:
        raise_indicator_error(error, catalogue_file)
    catalogue = with_population(catalogue, population_field)
    wanted = [name for name in catalogue.fields() if name in names]
    extra = [name for name in extra_fields if name and name not in wanted]
    blocks = read_blocks(source, context, feedback, id_field, wanted + extra)
    columns = {}
    for name in wanted:
        if source.fields().field(name).isNumeric():
            columns[name] = blocks.numeric(name)
        else:  # the engine names the field and indicator (and accepts numbers stored as text)
            columns[name] = pd.Series(blocks.values(name), dtype=object).to_numpy()
    for name in extra:
        columns[name] = pd.Series(blocks.values(name), dtype=object).to_numpy()
    frame = pd.DataFrame(columns, index=pd.Index(blocks.ids, dtype=object))
    if AREA_FIELD in catalogue.fields() and AREA_FIELD not in names:
        feedback.pushInfo(tr("The field '{field}' is taken from the block geometry (m² in {crs}).").format(
            field=AREA_FIELD, crs=blocks.work_crs.authid()))
    return BlockTable(blocks, frame, polygon_areas(blocks.shapes), catalogue)


# --- confidentiality -------------------------------------------------------------------------


@dataclass
class Published:
    """What is published: values with suppressed cells NaN, masks, NULL reasons per space."""

    values: pd.DataFrame
    mask: pd.DataFrame
    total: pd.DataFrame
    total_mask: pd.DataFrame
    reasons: pd.DataFrame  # space, indicator, reason (suppression)
    null_reasons: pd.DataFrame  # space, indicator, reason, blocks (from the aggregation)

    @property
    def n_suppressed(self):
        return int(self.mask.to_numpy().sum())


def publish(table, options, feedback):
    """Apply the confidentiality options to an IndicatorTable."""
    rounding = 3 if options["round"] else None
    if not options["on"] and rounding is None:
        mask = pd.DataFrame(False, index=table.values.index, columns=table.values.columns)
        total_mask = pd.DataFrame(False, index=table.total.index, columns=table.total.columns)
        empty = pd.DataFrame(columns=["space", "indicator", "reason"], dtype=object)
        return Published(table.values, mask, table.total, total_mask, empty, table.reasons)
    min_population = options["min_population"] if options["on"] else 0
    population_field = options["population_field"]
    if min_population and not population_field:
        raise QgsProcessingException(tr("Choose the population field, or set the minimum population for rates to 0."))
    try:
        protected = protect(table, minimum=options["minimum"] if options["on"] else None, secondary=options["on"],
                            rounding=rounding, min_population=min_population, population_field=population_field or "pop_total")
    except SozialraumError as error:
        raise_indicator_error(error)
    counts = protected.reasons["reason"].value_counts().to_dict() if len(protected.reasons) else {}
    if options["on"]:
        feedback.pushInfo(tr("Confidentiality: {primary} cells suppressed below {minimum} cases, {secondary} more so they "
                             "cannot be recovered from totals, {derived} values computed from hidden counts, {small} rates of "
                             "spaces under {population} residents.").format(
            primary=counts.get("primary", 0), minimum=options["minimum"], secondary=counts.get("secondary", 0),
            derived=counts.get("derived", 0), small=counts.get("small_space", 0), population=f"{min_population:g}"))
    if rounding:
        feedback.pushInfo(tr("Counts of the spaces are rounded to multiples of 3; the municipal total keeps the true totals."))
    return Published(protected.values, protected.mask, protected.total, protected.total_mask, protected.reasons, table.reasons)


def log_null_reasons(feedback, published, limit=30):
    """Every NULL that is not a suppression, with its reason, in the log (the first ``limit``)."""
    rows = list(published.null_reasons.itertuples(index=False))
    for row in rows[:limit]:
        feedback.pushWarning(tr("Space {space}: '{indicator}' is NULL because {reason}.").format(
            space=row.space, indicator=row.indicator, reason=null_reason(row.reason, row.blocks)))
    if len(rows) > limit:
        feedback.pushWarning(tr("... and {count} more NULL values (see the field 'notes').").format(count=len(rows) - limit))


def notes_per_space(published, index):
    """(notes, suppressed) texts per space: why values are NULL, which indicators are suppressed."""
    notes = {space: [] for space in index}
    for row in published.null_reasons.itertuples(index=False):
        notes.setdefault(row.space, []).append(f"{row.indicator}: {null_reason(row.reason, row.blocks)}")
    suppressed = {space: [] for space in index}
    for row in published.reasons.itertuples(index=False):
        if row.indicator != POPULATION_HELPER:
            suppressed.setdefault(row.space, []).append(row.indicator)
    return ({space: "; ".join(items) or None for space, items in notes.items()},
            {space: ", ".join(items) or None for space, items in suppressed.items()})


# --- output fields and values ----------------------------------------------------------------


def visible(catalogue):
    return [indicator for indicator in catalogue if indicator.id != POPULATION_HELPER]


def indicator_fields(catalogue, lang, taken=()):
    """(QgsField list, {indicator id: field name}) with the labels as aliases."""
    fields, names = [], {}
    used = set(taken)
    for indicator in visible(catalogue):
        name, suffix = indicator.id, 2
        while name in used:
            name, suffix = f"{indicator.id}_{suffix}", suffix + 1
        used.add(name)
        field = compat.field(name, "double")
        field.setAlias(indicator.label(lang))
        fields.append(field)
        names[indicator.id] = name
    return fields, names


def value(number):
    """A float for a QGIS attribute, None for NaN."""
    if number is None:
        return None
    number = float(number)
    return None if np.isnan(number) else number


def qgs_fields(*groups):
    fields = QgsFields()
    for group in groups:
        for field in group:
            fields.append(field)
    return fields


class _LoadStyleAndAliases(QgsProcessingLayerPostProcessorInterface):
    def __init__(self, aliases, styles=()):
        super().__init__()
        self.aliases = dict(aliases)
        self.styles = list(styles)  # (style name, qml path); the first is current

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802 (QGIS API name)
        if layer is None or not layer.isValid():
            return
        if self.styles:
            manager = layer.styleManager()
            for name, path in reversed(self.styles):
                layer.loadNamedStyle(str(path))
                if len(self.styles) > 1:
                    if name in manager.styles():
                        manager.removeStyle(name)
                    manager.addStyleFromLayer(name)
            if len(self.styles) > 1:
                manager.setCurrentStyle(self.styles[0][0])
        for name, alias in self.aliases.items():
            index = layer.fields().indexFromName(name)
            if index >= 0:
                layer.setFieldAlias(index, alias)
        layer.triggerRepaint()


_ALIVE = []


def on_load(context, destination, aliases, styles=()):
    """Set field aliases (and styles by name from resources/styles) when QGIS loads ``destination``."""
    if not destination or not context.willLoadLayerOnCompletion(destination):
        return
    processor = _LoadStyleAndAliases(aliases, [(label, style_path(name)) for label, name in styles])
    _ALIVE.append(processor)
    context.layerToLoadOnCompletionDetails(destination).setPostProcessor(processor)


# --- exports ---------------------------------------------------------------------------------


def export_frame(published, catalogue, space_names, lang, include_total=True):
    """Text table for exports: first column the space, then one column per indicator (labels in
    ``lang``); suppressed '.', not computable 'x'; German decimal comma with lang='de'."""
    ids = [indicator.id for indicator in visible(catalogue)]
    values = published.values[ids]
    mask = published.mask[ids]
    if include_total:
        values = pd.concat([values, published.total[ids]])
        mask = pd.concat([mask, published.total_mask[ids]])
    text = format_table(values.reset_index(drop=True), mask.reset_index(drop=True), catalogue, lang)
    names = [str(name) for name in space_names] + ([fixed("total", lang)] if include_total else [])
    text.insert(0, "__space__", names)
    labels = catalogue.labels(lang)
    text.columns = [fixed("space", lang)] + [labels[i] for i in ids]
    return text


def write_xlsx(path, frame, lang):
    """The table as an Excel sheet with numeric cells (see spreadsheet.py)."""
    return spreadsheet_xlsx(path, frame, lang, sheet=fixed("sheet", lang))


# --- HTML ------------------------------------------------------------------------------------


def html_page(title, sections, lang):
    """A self-contained HTML page; ``sections``: list of (heading, html body)."""
    parts = [f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{html.escape(title)}</title>',
             "<style>body{font-family:sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin:1em 0}"
             "th,td{border:1px solid #bbb;padding:3px 7px;font-size:90%}td.n{text-align:right}th{background:#eee}"
             "tr.total td{font-weight:bold;background:#f6f6f6}caption{text-align:left;font-weight:bold}</style>",
             f"</head><body><h1>{html.escape(title)}</h1>"]
    for heading, body in sections:
        if heading:
            parts.append(f"<h2>{html.escape(heading)}</h2>")
        parts.append(body)
    parts.append("</body></html>")
    return "\n".join(parts)


def html_table(frame, total_last=False, numeric_from=1):
    """A frame of texts as an HTML table (columns after ``numeric_from`` right-aligned)."""
    rows = ["<table><tr>" + "".join(f"<th>{html.escape(str(c))}</th>" for c in frame.columns) + "</tr>"]
    n = len(frame)
    for position, row in enumerate(frame.itertuples(index=False)):
        css = ' class="total"' if total_last and position == n - 1 else ""
        cells = "".join(
            ('<td class="n">' if k >= numeric_from else "<td>") + html.escape("" if cell is None else str(cell)) + "</td>"
            for k, cell in enumerate(row))
        rows.append(f"<tr{css}>{cells}</tr>")
    rows.append("</table>")
    return "\n".join(rows)


def html_list(items):
    if not items:
        return ""
    return "<ul>" + "".join(f"<li>{html.escape(str(item))}</li>" for item in items) + "</ul>"


def space_values(blocks, field):
    return [plain(v) for v in blocks.columns[field]]


def indicator_report(title, text_table, settings, notes, lang, extra_sections=()):
    """HTML report of an indicator table (texts from :func:`export_frame`) with settings and notes."""
    legend = tr("'.' = suppressed for confidentiality, 'x' = cannot be computed (e.g. the denominator is 0). "
                "Rates are computed from summed counts, never averaged.")
    sections = [
        (tr("Indicators"), f"<p>{html.escape(legend)}</p>" + html_table(text_table, total_last=True)),
        (tr("Settings"), html_table(pd.DataFrame(settings, columns=[tr("Setting"), tr("Value")]), numeric_from=2)),
    ]
    sections.extend(extra_sections)
    if notes:
        sections.append((tr("Notes"), html_list(notes)))
    return html_page(title, sections, lang)


def settings_rows(options, catalogue_file, source_name):
    yes, no = tr("yes"), tr("no")
    rows = [(tr("Blocks"), source_name), (tr("Indicator catalogue"), Path(catalogue_file).name),
            (tr("Statistical confidentiality (suppress small counts)"), yes if options["on"] else no)]
    if options["on"]:
        rows += [(tr("Minimum number of cases"), options["minimum"]),
                 (tr("No rates for spaces with fewer residents than"), f"{options['min_population']:g}")]
    rows.append((tr("Round counts of the spaces to multiples of 3 (totals stay true)"), yes if options["round"] else no))
    return rows
