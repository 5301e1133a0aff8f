"""Indicator tables for people: the text table of exports (CSV, XLSX) in the export's language."""
import pandas as pd

from ..presentation.messages import EXPORT_LABELS, label_text
from ..presentation.numbers import format_table
from ..presentation.spreadsheet import write_csv  # noqa: F401 (the indicator algorithms export through here)
from ..presentation.spreadsheet import write_xlsx as spreadsheet_xlsx
from .indicator_blocks import visible


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
    names = [str(name) for name in space_names] + ([label_text(EXPORT_LABELS, "total", lang)] if include_total else [])
    text.insert(0, "__space__", names)
    labels = catalogue.labels(lang)
    text.columns = [label_text(EXPORT_LABELS, "space", lang)] + [labels[i] for i in ids]
    return text


def write_xlsx(path, frame, lang):
    """The table as an Excel sheet with numeric cells (see spreadsheet.py)."""
    return spreadsheet_xlsx(path, frame, lang, sheet=label_text(EXPORT_LABELS, "sheet", lang))
