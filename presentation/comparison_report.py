"""Text and HTML report of a comparison of two divisions, for a council document."""
import pandas as pd

from ..i18n import language
from ..i18n import tr as _tr
from . import html
from .change_sections import change_sections, natural_key
from .numbers import format_number

#: moves listed in the summary text (the largest by residents)
_LISTED_FLOWS = 5


def summary_lines(comparison, translate=None, lang=None):
    """A short paragraph (one line per sentence) and the largest moves, in the interface language
    (or in ``lang`` with its ``translate``: i18n.translator_for)."""
    s = comparison.summary
    tr = translate or _tr
    lang = lang or language()

    def number(value, decimals=0):
        return format_number(value, decimals, lang)

    lines = [
        tr("The new division has {new} social spaces (before: {old}). {unchanged} spaces are unchanged.").format(
            new=s["new_spaces"], old=s["old_spaces"], unchanged=s["unchanged_spaces"]),
        tr("{moved} of {blocks} blocks change their space, with {population} residents ({share} %).").format(
            moved=number(s["blocks_moved"]), blocks=number(s["blocks"]), population=number(s["population_moved"]),
            share=number(100 * s["share_moved"], 1)),
    ]
    if s["new_only"]:
        lines.append(tr("New: {spaces}.").format(spaces=", ".join(s["new_only"])))
    if s["dissolved"]:
        lines.append(tr("Dissolved: {spaces}.").format(spaces=", ".join(s["dissolved"])))
    moves = [tr("- from {old} to {new}: {blocks} blocks, {population} residents").format(
        old=row[0], new=row[1], blocks=number(row[2]), population=number(row[3]))
        for row in comparison.flows.head(_LISTED_FLOWS).itertuples(index=False)]
    agreement = tr("Agreement (adjusted Rand index): {blocks} by blocks, {population} by residents (1 = identical).").format(
        blocks=number(s["ari_blocks"], 3), population=number(s["ari_population"], 3))
    return lines, moves, agreement


#: Up to this many new spaces the residents are a table old x new; beyond, a list of the pairs
#: that share residents: 34 columns did not fit a page (an outside check found the PDF's table
#: cut off at space 31, one character per line).
CROSS_TABLE_COLUMNS = 8


def residents_old_and_new(overlap, old_field, new_field, tr, number):
    """Residents shared by each old and new space, spaces in natural order (2 before 10): a table
    old x new for a few new spaces, else one row per pair that shares residents. Returns (frame,
    first numeric column)."""
    rows = sorted(overlap.index, key=natural_key)
    columns = sorted(overlap.columns, key=natural_key)
    if len(columns) <= CROSS_TABLE_COLUMNS:
        cross = pd.DataFrame({f"{old_field} \\ {new_field}": [str(v) for v in rows]})
        for column in columns:
            cross[str(column)] = [number(overlap.at[row, column]) if overlap.at[row, column] > 0 else "" for row in rows]
        return cross, 1
    pairs = [(str(row), str(column), number(overlap.at[row, column]))
             for row in rows for column in columns if overlap.at[row, column] > 0]
    return pd.DataFrame(pairs, columns=[tr("Old space"), tr("New space"), tr("Residents")]), 2


def comparison_report(comparison, old_field, new_field, source_name, changes=None, crosswalk=None, map_png=None,
                      translate=None, lang=None):
    """The HTML page: summary, moves between spaces, new spaces, residents old x new, input.

    With ``changes`` (engine.indicators.change.space_changes), ``crosswalk`` and ``map_png`` it is
    the change report for the council (presentation/change_sections.py adds those sections)."""
    tr = translate or _tr
    lang = lang or language()

    def number(value, decimals=0):
        return format_number(value, decimals, lang)

    s = comparison.summary
    lines, _, agreement = summary_lines(comparison, tr, lang)
    numbers = pd.DataFrame([
        (tr("Blocks"), number(s["blocks"])),
        (tr("Blocks moved"), number(s["blocks_moved"])),
        (tr("Population"), number(s["population"])),
        (tr("Population moved"), number(s["population_moved"])),
        (tr("Share of the population moved"), number(100 * s["share_moved"], 1) + " %"),
        (tr("Spaces before"), number(s["old_spaces"])), (tr("Spaces after"), number(s["new_spaces"])),
        (tr("Spaces unchanged"), number(s["unchanged_spaces"])),
        (tr("Adjusted Rand index (blocks)"), number(s["ari_blocks"], 3)),
        (tr("Adjusted Rand index (residents)"), number(s["ari_population"], 3)),
    ], columns=[tr("Measure"), tr("Value")])
    flows = pd.DataFrame({
        tr("From"): comparison.flows["from"].astype(str), tr("To"): comparison.flows["to"].astype(str),
        tr("Blocks"): [number(v) for v in comparison.flows["blocks"]],
        tr("Population"): [number(v) for v in comparison.flows["population"]],
    })
    spaces = comparison.spaces.reset_index()
    spaces = spaces.iloc[sorted(range(len(spaces)), key=lambda i: natural_key(spaces["space"].iat[i]))]
    per_space = pd.DataFrame({
        tr("New space"): spaces["space"].astype(str),
        tr("Paired old space"): [tr("new") if v is None else str(v) for v in spaces["matched_old"]],
        tr("Population"): [number(v) for v in spaces["population"]],
        tr("Population kept"): [number(v) for v in spaces["population_kept"]],
        tr("Population gained"): [number(v) for v in spaces["population_gained"]],
        tr("Unchanged"): [tr("yes") if v else tr("no") for v in spaces["unchanged"]],
    })
    cross = residents_old_and_new(comparison.overlap, old_field, new_field, tr, number)
    sections = [
        (tr("Summary"), html.paragraphs(lines + [agreement]) + html.frame_table(numbers)),
        *change_sections(changes, crosswalk, map_png, tr, number),
        (tr("Moves between spaces"), html.frame_table(flows, numeric_from=2) if len(flows) else
         html.paragraphs([tr("No block changes its space.")])),
        (tr("New spaces"), html.frame_table(per_space, numeric_from=2)),
        (tr("Residents by old and new space"), html.frame_table(*cross)),
        (tr("Input"), html.bullets([f"{tr('Blocks')}: {source_name}", f"{tr('Old division (space field)')}: {old_field}",
                                     f"{tr('New division (space field)')}: {new_field}"])),
    ]
    title = tr("Changes to the division of social spaces") if changes is not None else tr("Comparison of two divisions")
    return html.page(title, sections, lang)
