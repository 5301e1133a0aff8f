"""The sections of the council's change report added to the comparison report: a map old vs new,
per space what changed and why, dissolved spaces, and the crosswalk for recasting indicators
(engine/indicators/change.py)."""
import pandas as pd

from ..engine.indicators.change import BOUNDS, DECISION, NEIGHBOUR, NEW_BLOCKS
from ..engine.indicators.compare import UNASSIGNED
from . import html


def change_sections(changes, crosswalk, map_png, tr, number):
    """(heading, body) pairs; none without ``changes``. ``tr`` translates, ``number`` formats."""
    if changes is None:
        return []
    sections = []
    if map_png is not None:
        sections.append((tr("Map: old and new division"), html.image_png(map_png, tr("Map of the new social spaces with the "
                                                                                      "boundaries of the old ones"))))
    names = {"kept": tr("kept"), "changed": tr("boundary changed"), "split": tr("split off"), "new": tr("new"),
             "dissolved": tr("dissolved")}

    def flows(mapping):
        return "; ".join(f"{_space(old, tr)}: {number(pop)}" for old, pop in sorted(mapping.items(), key=lambda item: -item[1]))

    def what(row):
        if row["change"] == "split":
            return tr("split from {parent}").format(parent=row["parent"])
        if row["change"] == "dissolved":
            if len([space for space in row["to"] if space != UNASSIGNED]) > 1:  # "merged into" one of several was wrong
                return tr("dissolved, most residents to {space}").format(space=row["merged_into"])
            return tr("dissolved, merged into {space}").format(space=row["merged_into"])
        return names[row["change"]]

    def why(row):
        texts = []
        for kind, subject, detail in row["reasons"]:
            if kind == BOUNDS:
                texts.append(tr("outside the population bounds ({population} residents in its old extent)").format(
                    population=number(detail)))
            elif kind == NEIGHBOUR:
                texts.append(tr("repairs neighbour {space} ({population} residents, outside the bounds)").format(
                    space=subject, population=number(detail)))
            elif kind == NEW_BLOCKS:
                texts.append(tr("new blocks ({population} residents)").format(population=number(detail)))
            elif kind == DECISION:
                texts.append(tr("expert decision ({who}): {reason}").format(who=detail.strip(", "), reason=subject or "-"))
        if not texts and row["change"] not in ("kept",):
            texts.append(tr("homogeneity and shape (optimisation)"))
        return "; ".join(texts)

    changes = sorted(changes, key=lambda row: natural_key(row["space"]))
    changed = [row for row in changes if row["change"] != "kept"]
    kept = [row for row in changes if row["change"] == "kept"]
    table = pd.DataFrame({
        tr("Space"): [str(row["space"]) for row in changed],
        tr("Change"): [what(row) for row in changed],
        tr("Why"): [why(row) for row in changed],
        tr("Residents from"): [flows(row["from"]) for row in changed],
        tr("Residents to"): [flows(row["to"]) for row in changed],
        tr("Residents before"): ["–" if row["change"] in ("split", "new") else number(row["population_before"])
                                 for row in changed],
        tr("Residents after"): [number(row["population"]) for row in changed],
    })
    # widths checked in the German PDF (Qt's tables split a heading mid-word where a column is too narrow);
    # the German headings carry soft hyphens (Ein-wohner) for the four narrow columns; at 15 % the English
    # "Residents" fits (at 12-13 % it read "Residen ts to", an outside check)
    body = html.frame_table(table, numeric_from=5, widths=(10, 13, 17, 15, 15, 15, 15)) if len(table) else html.paragraphs([tr("No space changes.")])
    if kept:
        body += html.paragraphs([tr("Unchanged ({count}): {spaces}.").format(
            count=len(kept), spaces=", ".join(str(row["space"]) for row in kept))])
    sections.append((tr("What changed, space by space"), body))
    if crosswalk is not None and len(crosswalk):
        order = sorted(range(len(crosswalk)), key=lambda i: (natural_key(crosswalk["old"].iloc[i]), natural_key(crosswalk["new"].iloc[i])))
        crosswalk = crosswalk.iloc[order]
        cross = pd.DataFrame({
            tr("Old space"): [_space(v, tr) for v in crosswalk["old"]],
            tr("New space"): [_space(v, tr) for v in crosswalk["new"]],
            tr("Residents"): [number(v) for v in crosswalk["population"]],
            tr("Share of the old space (%)"): [number(100 * v, 1) for v in crosswalk["share_of_old"]],
            tr("Share of the new space (%)"): [number(100 * v, 1) for v in crosswalk["share_of_new"]],
        })
        explanation = tr(
            "To recast last year's figures per space onto the new spaces: a count (e.g. recipients) of an old space "
            "goes to the new spaces in proportion to the share of the old space; a rate is the mean of the old rates "
            "weighted by the share of the new space. This is exact where the figure is spread like the residents "
            "within the old space; where block data exist, aggregate them instead.")
        sections.append((tr("Crosswalk: old space to new space"), html.paragraphs([explanation]) + html.frame_table(cross, numeric_from=2)))
    return sections


def natural_key(value):
    """Spaces in the order a reader expects: 2 before 10, "31" before "31a", text after numbers."""
    text = str(value)
    digits = len(text) - len(text.lstrip("0123456789"))
    if digits:
        return (0, int(text[:digits]), text[digits:])
    return (1, 0, text)


def _space(value, tr):
    return tr("(no space)") if value == UNASSIGNED else str(value)
