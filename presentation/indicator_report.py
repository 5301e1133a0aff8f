"""HTML report of an indicator table (aggregate, interpolate) in the export's language."""
from pathlib import Path

import pandas as pd

from ..i18n import translator_for
from . import html


def settings_rows(options, catalogue_file, source_name, lang):
    """(setting, value) rows saying how the table was made (source, catalogue, confidentiality)."""
    t = translator_for(lang)
    yes, no = t("yes"), t("no")
    rows = [(t("Blocks"), source_name), (t("Indicator catalogue"), Path(catalogue_file).name),
            (t("Statistical confidentiality (suppress small counts)"), yes if options["on"] else no)]
    if options["on"]:
        rows += [(t("Minimum number of cases"), options["minimum"]),
                 (t("No rates for spaces with fewer residents than"), f"{options['min_population']:g}")]
    rows.append((t("Round counts of the spaces to multiples of 3 (totals stay true)"), yes if options["round"] else no))
    return rows


def indicator_report(title, text_table, settings, notes, lang, extra_sections=()):
    """The page: the indicator table (texts of ``export_frame``), the settings, extra sections, notes.

    ``extra_sections``: (heading, DataFrame of texts, first numeric column) tuples.
    """
    t = translator_for(lang)
    legend = t("'.' = suppressed for confidentiality, 'x' = cannot be computed (e.g. the denominator is 0). "
               "Rates are computed from summed counts, never averaged.")
    sections = [
        (t("Indicators"), html.paragraphs([legend]) + html.frame_table(text_table, total_last=True)),
        (t("Settings"), html.frame_table(pd.DataFrame(settings, columns=[t("Setting"), t("Value")]), numeric_from=2)),
    ]
    sections.extend((heading, html.frame_table(frame, numeric_from=numeric_from))
                    for heading, frame, numeric_from in extra_sections)
    if notes:
        sections.append((t("Notes"), html.bullets(notes)))
    return html.page(title, sections, lang)
