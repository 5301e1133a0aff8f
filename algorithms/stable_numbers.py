"""Stable numbers in the outputs of delineate and update: the space field keeps its name and the
numbers of the initial division; the spaces say what happened to them (engine/delineation/numbering.py)."""
from qgis.core import QgsFields, QgsProcessingParameterEnum

from ..engine.delineation.numbering import CHANGED, KEPT, NEW, RULES, SPLIT, normalise_id
from ..i18n import language, tr
from ..presentation import html
from ..presentation.change_sections import natural_key
from ..presentation.numbers import format_number
from ..qgisio import compat
from ..qgisio.blocks_input import unique_name
from ..qgisio.layer_io import plain

NUMBERING = "NUMBERING"
_ADVANCED = compat.PARAMETER_ADVANCED
#: Fields appended to the spaces output when an initial division is given.
CHANGE_FIELDS = (("change", "string"), ("change_note", "string"), ("pop_in", "double"), ("pop_out", "double"),
                 ("blocks_in", "int"), ("blocks_out", "int"))


def add_numbering_parameter(algorithm):
    parameter = QgsProcessingParameterEnum(
        NUMBERING, tr("Numbers for new spaces (with an initial division)"),
        options=[tr("Next free number (never a dissolved one)"), tr("Number of the space split from, with a letter (31a)"),
                 tr("First free number after the space split from (403 -> 410 when 404-409 exist)")],
        defaultValue=0, optional=True)
    parameter.setFlags(parameter.flags() | _ADVANCED)
    algorithm.addParameter(parameter)


def numbering_rule(algorithm, parameters, context):
    return RULES[algorithm.parameterAsEnum(parameters, NUMBERING, context)]


def apply_numbers(result, renumbering):
    """Give the spaces of an engine result their stable numbers; returns the space id per block."""
    for space in result.spaces:
        space.space_id = renumbering.numbers[space.space_id]
    return [renumbering.numbers.get(int(label)) if label > 0 else None for label in result.labels]


def block_fields(source_fields, initial_field, renumbering):
    """Fields of the blocks output: the initial field keeps its name and holds the new numbers
    (an integer field stays one unless text numbers such as "31a" were needed); the old value goes
    to ``space_before`` (of the same type, so sozialraum:compare pairs the spaces by their numbers). Returns (fields, index of the space field, index of space_before)."""
    fields = QgsFields()
    position = source_fields.indexFromName(initial_field)
    for index, field in enumerate(source_fields):
        if index == position:
            fields.append(compat.field(initial_field, "int" if renumbering.integer_ids else "string"))
        else:
            fields.append(field)
    before = unique_name(fields, "space_before")
    fields.append(compat.field(before, "int" if renumbering.integer_ids else "string"))
    return fields, position, fields.indexFromName(before)


def before_value(value, renumbering):
    """The old space of a block for ``space_before``: of the same kind as the new numbers (QGIS's
    NULL, a block without a space, stays empty; read as text it was the word 'NULL')."""
    old = normalise_id(plain(value))
    return old if old is None or renumbering.integer_ids else str(old)


def change_note(change):
    """The change of one space as the planner reads it."""
    if change.change == KEPT:
        text = tr("kept")
    elif change.change == CHANGED:
        text = tr("boundary changed")
    elif change.change == SPLIT:
        text = tr("split from {parent}").format(parent=change.parent)
    else:
        text = tr("new")
    if change.absorbed:
        text += "; " + tr("took in {spaces}").format(spaces=", ".join(str(v) for v in change.absorbed))
    return text


def change_values(renumbering, space_id):
    change = renumbering.change_of(space_id)
    if change is None:
        return [None] * len(CHANGE_FIELDS)
    return [change.change, change_note(change), round(change.population_in, 1), round(change.population_out, 1),
            change.blocks_in, change.blocks_out]


def log_changes(renumbering, feedback):
    """One line per space that changed and per dissolved number, then the totals."""
    counts = {KEPT: 0, CHANGED: 0, SPLIT: 0, NEW: 0}
    for change in renumbering.changes:
        counts[change.change] += 1
        if change.change != KEPT:
            feedback.pushInfo(tr("Space {space}: {note}; residents in {pop_in} ({blocks_in}), out {pop_out} "
                                 "({blocks_out}).").format(
                space=change.space_id, note=change_note(change), pop_in=format_number(change.population_in, 0, language()),
                blocks_in=tr("%n block(s)", change.blocks_in), pop_out=format_number(change.population_out, 0, language()),
                blocks_out=tr("%n block(s)", change.blocks_out)))
    for old in renumbering.dissolved:
        feedback.pushWarning(dissolved_text(old, renumbering.dissolved_shares.get(old, [])))
    feedback.pushInfo(tr("Numbers: {kept} spaces kept, {changed} with a changed boundary, {split} split off, {new} new, "
                         "{dissolved} dissolved (rule for new numbers: {rule}).").format(
        kept=counts[KEPT], changed=counts[CHANGED], split=counts[SPLIT], new=counts[NEW], dissolved=len(renumbering.dissolved),
        rule={"next_free": tr("next free number"), "suffix": tr("letter suffix"),
              "after_parent": tr("first free number after the space split from")}[renumbering.rule]))


def report_section(renumbering):
    """(heading, HTML) of the delineation report: the totals, every space that did not stay as it was, and where
    the residents of the dissolved spaces went (the report had no such list: an outside check)."""
    lang = language()
    counts = {kind: sum(change.change == kind for change in renumbering.changes) for kind in (KEPT, CHANGED, SPLIT, NEW)}
    summary = tr("{kept} spaces kept, {changed} with a changed boundary, {split} split off, {new} new, {dissolved} "
                 "dissolved.").format(kept=counts[KEPT], changed=counts[CHANGED], split=counts[SPLIT], new=counts[NEW],
                                      dissolved=len(renumbering.dissolved))
    rows = [[str(change.space_id), change_note(change), format_number(change.population, 0, lang),
             format_number(change.population_in, 0, lang), format_number(change.population_out, 0, lang)]
            for change in sorted(renumbering.changes, key=lambda change: natural_key(change.space_id)) if change.change != KEPT]
    body = html.paragraphs([summary])
    if rows:
        body += html.table(rows, [tr("Space"), tr("Change"), tr("Residents"), tr("Residents in"), tr("Residents out")],
                           numeric=(2, 3, 4))
    body += html.bullets(dissolved_text(old, renumbering.dissolved_shares.get(old, [])) for old in renumbering.dissolved)
    return tr("Changes against the initial division"), body


def dissolved_text(old, shares):
    """Where a dissolved space's residents went. "Merged into" only when one space took them all (an outside
    check: the log said "merged into 201" when a third went there)."""
    total = sum(residents for _, residents in shares)
    if not shares or total <= 0:
        if shares:  # no residents: the space that took most of its blocks
            return tr("Space {old} was dissolved: merged into {into}; its number is not given out again.").format(
                old=old, into=shares[0][0])
        return tr("Space {old} was dissolved; its number is not given out again.").format(old=old)
    if len(shares) == 1 or shares[0][1] >= total:
        return tr("Space {old} was dissolved: merged into {into}; its number is not given out again.").format(
            old=old, into=shares[0][0])
    parts = ", ".join(tr("{share} to {space}").format(share=_percent(residents / total), space=space)
                      for space, residents in shares if residents > 0)
    return tr("Space {old} was dissolved: its residents went {parts}; its number is not given out again.").format(
        old=old, parts=parts)


def _percent(fraction):
    return format_number(100.0 * fraction, 0, language()) + " %"
