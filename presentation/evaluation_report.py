"""The HTML report of a division (``delineate`` and ``evaluate``): quality, map, histogram, flagged
spaces, parameters, notes, spaces and the command line that reproduces the run.

The engine's :class:`~sozialraum.engine.scoring.Evaluation` holds numbers and codes; names,
number formats and status words come from here, in the interface language.
"""
import math

import numpy as np

from ..engine.scoring import SPACE_COLUMNS, STATUS_OK, SUMMARY_KEYS
from ..i18n import language, tr, translatable
from . import html
from .histogram import population_histogram
from .messages import STATUS, text
from .numbers import format_number, is_whole
from .report_flags import flagged_spaces, flags_section

#: what each summary key of an evaluation means
SUMMARY_NAMES = {
    "k": translatable("Spaces"),
    "n_blocks": translatable("Blocks assigned"),
    "unassigned": translatable("Blocks without a space"),
    "lower": translatable("Minimum population"),
    "upper": translatable("Maximum population"),
    "ssd": translatable("Within-space sum of squares (SSD)"),
    "between_ss": translatable("Between-space sum of squares"),
    "tss": translatable("Total sum of squares"),
    "ssd_share": translatable("SSD share (SSD / total; lower is more homogeneous)"),
    "ssd_share_weighted": translatable("SSD share, blocks weighted by residents"),
    "pop_min": translatable("Smallest space (population)"),
    "pop_median": translatable("Median space (population)"),
    "pop_max": translatable("Largest space (population)"),
    "n_below": translatable("Spaces below the minimum"),
    "n_above": translatable("Spaces above the maximum"),
    "n_noncontiguous": translatable("Spaces not contiguous"),
    "barrier_crossings": translatable("Barrier crossings inside spaces"),
    "mean_polsby_popper": translatable("Mean compactness (Polsby-Popper)"),
    "min_polsby_popper": translatable("Least compact space (Polsby-Popper)"),
    "mean_convex_hull_ratio": translatable("Mean convex-hull ratio (area / convex hull)"),
    "n_enclaves": translatable("Enclaves (holes in a space filled by another space)"),
    "nesting_violations": translatable("Spaces spanning more than one unit"),
}

#: headings of the per-space table
COLUMN_NAMES = {
    "space": translatable("Space"),
    "population": translatable("Population"),
    "n_blocks": translatable("Blocks"),
    "ssd": translatable("SSD"),
    "status": translatable("Status"),
    "contiguous": translatable("Contiguous"),
    "n_parts": translatable("Parts"),
    "barrier_crossings": translatable("Barrier crossings"),
    "polsby_popper": translatable("Polsby-Popper"),
    "convex_hull_ratio": translatable("Convex-hull ratio"),
    "n_enclaves": translatable("Enclaves"),
    "nest_units": translatable("Units"),
}

#: shares and scores shown with four places; everything else whole or two places
_FOUR_PLACES = ("ssd_share", "ssd_share_weighted", "polsby_popper", "mean_polsby_popper", "min_polsby_popper",
                "convex_hull_ratio", "mean_convex_hull_ratio")
_SHOWN_UNASSIGNED = 50
#: the least compact spaces listed on their own, with their shape figures
WORST_SHAPES = 5
_SHAPE_COLUMNS = ("space", "polsby_popper", "convex_hull_ratio", "n_enclaves", "n_blocks", "population")


def display_value(value, key=None, lang=None):
    """A value of the evaluation as text: yes/no, whole numbers, shares with four places."""
    lang = lang or language()
    if value is None:
        return tr("not computed")
    if isinstance(value, (bool, np.bool_)):
        return tr("yes") if value else tr("no")
    if isinstance(value, (int, np.integer)):
        return format_number(value, 0, lang)
    if isinstance(value, (float, np.floating)):
        value = float(value)
        if math.isnan(value):
            return tr("not computed")
        if key in _FOUR_PLACES:
            return format_number(value, 4, lang)
        return format_number(value, 0 if is_whole(value) else 2, lang)
    return str(value)


def _note_text(note):
    """A note as text: structured notes (dicts of the engine) as key=value lists."""
    if not isinstance(note, dict):
        return str(note)
    return ", ".join(f"{key}={_short(value)}" for key, value in note.items())


def _short(value, limit=12):
    if isinstance(value, (list, tuple, np.ndarray)):
        items = list(value)
        shown = ", ".join(str(v) for v in items[:limit])
        return f"[{shown}{', …' if len(items) > limit else ''}] ({len(items)})"
    return str(value)


def _spaces_table(spaces):
    header = [tr(COLUMN_NAMES[column]) for column in SPACE_COLUMNS]
    rows, classes = [], []
    for row in spaces.to_dict("records"):
        css = []
        if row["status"] != STATUS_OK:
            css.append(str(row["status"]))
        if not row["contiguous"]:
            css.append("noncontiguous")
        classes.append(" ".join(css) or None)
        cells = []
        for column in SPACE_COLUMNS:
            value = row[column]
            if column == "status":
                cells.append(text(STATUS, value))
            elif column == "space":
                cells.append(str(value))
            else:
                cells.append(display_value(value, column))
        rows.append(cells)
    numeric = [position for position, column in enumerate(SPACE_COLUMNS) if column not in ("space", "status")]
    contiguous = SPACE_COLUMNS.index("contiguous")
    return html.table(rows, header, numeric=numeric, row_classes=classes, cell_classes={contiguous: "contiguous"})


def _worst_shapes_table(spaces):
    """The :data:`WORST_SHAPES` spaces with the lowest Polsby-Popper (None when none was computed)."""
    if "polsby_popper" not in spaces or not spaces["polsby_popper"].notna().any():
        return None
    worst = spaces[spaces["polsby_popper"].notna()].sort_values("polsby_popper", kind="stable").head(WORST_SHAPES)
    header = [tr(COLUMN_NAMES[column]) for column in _SHAPE_COLUMNS]
    rows = [[str(row["space"])] + [display_value(row[column], column) for column in _SHAPE_COLUMNS[1:]]
            for row in worst.to_dict("records")]
    return html.table(rows, header, numeric=list(range(1, len(_SHAPE_COLUMNS))))


def histogram_texts():
    """The translated labels of the population histogram."""
    return {"title": tr("Residents per space"), "x_axis": tr("Residents per space"), "y_axis": tr("Number of spaces"),
            "floor": tr("Minimum"), "ceiling": tr("Maximum"), "below": tr("below the minimum"),
            "inside": tr("within the bounds"), "above": tr("above the maximum")}


def _parameter_rows(parameters):
    """Parameters as (name, value text) rows: a dict shown as given, or rows already worded."""
    if isinstance(parameters, dict):
        return [(str(name), display_value(value)) for name, value in parameters.items()]
    return [(str(name), str(value)) for name, value in parameters]


def evaluation_report(evaluation, title, parameters=None, notes=None, *, flags=None, map_png=None, map_note=None,
                      command=None, caveats=(), extra_sections=(), block_ids=None, islands=None):
    """The page for ``evaluation``: a document a planner can hand on.

    Quality figures, the map (``map_png``: PNG bytes, or ``map_note`` saying why there is
    none), the population histogram with floor and ceiling, the flagged spaces with their
    reasons (``flags``: {space: engine flag codes} of a delineation), the parameters
    (``parameters``: {name: value} or (name, value text) rows), notes, the table of spaces and
    how to reproduce the run (``command``: the qgis_process line; ``caveats``: what it cannot
    reproduce); ``extra_sections``: further (heading, HTML built with presentation.html) after the notes;
    ``block_ids``: the planner's id of each block, to name the unassigned ones (None: their row numbers);
    ``islands``: {space: residents of the islands joined to it} of a delineation.
    Every text is escaped.
    """
    lang = language()
    summary = evaluation.summary
    lower, upper = summary.get("lower"), summary.get("upper")
    rows = [(tr(SUMMARY_NAMES[key]), display_value(summary[key], key)) for key in SUMMARY_KEYS if key in summary]
    sections = [(tr("Summary"), html.table(rows, [tr("Measure"), tr("Value")], numeric=[1]))]
    if map_png:
        sections.append((tr("Map of the spaces"), html.image_png(map_png, tr("Map of the spaces"))))
    elif map_note:
        sections.append((tr("Map of the spaces"), html.paragraphs([map_note], "legend")))
    if lower is not None and upper is not None:
        svg = population_histogram(evaluation.spaces["population"].tolist(), lower, upper, histogram_texts(), lang)
        explained = html.paragraphs([tr("Number of spaces by residents; the dashed lines are the minimum and the maximum "
                                        "population, the grey areas lie outside them.")], "legend")
        sections.append((tr("Population of the spaces"), explained + html.figure(svg)))
        flagged = flagged_spaces(evaluation.spaces, lower, upper, flags, lang, islands)
        # not "Flagged spaces": N_FLAGGED counts the fallback's status "flagged" only (an outside check read both as one)
        sections.append((tr("Spaces that need a second look"), flags_section(flagged, lang)))
    if parameters:
        sections.append((tr("Parameters"), html.table(_parameter_rows(parameters), [tr("Parameter"), tr("Value")])))
    if notes:
        sections.append((tr("Notes"), html.bullets(_note_text(note) for note in notes)))
    sections.extend(extra_sections)
    legend = html.paragraphs([tr("Highlighted: spaces outside the population bounds or not contiguous.")], "legend")
    sections.append((tr("Spaces"), legend + _spaces_table(evaluation.spaces)))
    worst = _worst_shapes_table(evaluation.spaces)
    if worst is not None:
        explained = html.paragraphs([tr("The least compact spaces: Polsby-Popper 4πA/P² and convex-hull ratio of the "
                                        "outline with street gaps closed (1 for a circle or a convex outline), enclaves "
                                        "are holes of the outline filled by another space.")], "legend")
        sections.append((tr("Least compact spaces"), explained + worst))
    if len(evaluation.unassigned):
        # by the planner's block ids: row numbers named other blocks (an outside check)
        shown = ", ".join(str(int(i) if block_ids is None else block_ids[int(i)])
                          for i in evaluation.unassigned[:_SHOWN_UNASSIGNED])
        sections.append((tr("Unassigned blocks (first 50)"), html.paragraphs([shown])))
    if command:
        how = html.paragraphs([tr("The same run from a shell, with the Sozialraum plugin enabled in QGIS (on Debian the "
                                  "program is called qgis_process.bin). The same inputs, parameters and seed give the same "
                                  "result.")], "legend")
        sections.append((tr("How to reproduce this run"), how + html.code(command) + html.bullets(caveats)))
    return html.page(title, sections, lang)
