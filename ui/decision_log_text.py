"""The decision log in words: rows store codes and numbers, the text is made when shown.

A row stores its operation as a code (:data:`OPERATIONS`) with the spaces, the block count
and the residents; :func:`operation_text` words it in the interface language at the time it
is shown (the dock, the CSV, XLSX and HTML exports), plural forms through Qt's numerus
(``tr(text, n)``). A log written by an earlier version stored the undo text in the language
of that day ("3 Blöcke dem Sozialraum 29 zuweisen"): such a row is read by its kind and
numbers (:func:`operation_code`), so it is worded in today's language too; only a row of a
kind this version does not know keeps its text as written.
"""
from __future__ import annotations

from ..engine.consultation.sessionrecords import LOCK, MERGE, MOVE, NEW_SPACE, REOPTIMISE, SPLIT
from ..engine.consultation.variants import VARIANT
from ..i18n import tr, translator_for

UNLOCK = "unlock"
#: operation codes (stored in the row's ``operation`` column)
PAINT = "paint"
SPLIT_LINE = "split_line"
#: an expert's comment from the web atlas (ui/expert_comments.py): a proposal, no change of the blocks
PROPOSAL = "proposal"
PROPOSAL_SKETCH = "proposal_sketch"
OPERATIONS = (PAINT, MERGE, SPLIT, SPLIT_LINE, NEW_SPACE, LOCK, UNLOCK, REOPTIMISE, VARIANT, PROPOSAL, PROPOSAL_SKETCH)
_CODE_OF_KIND = {MOVE: PAINT, MERGE: MERGE, SPLIT: SPLIT, NEW_SPACE: NEW_SPACE, LOCK: LOCK, UNLOCK: UNLOCK,
                 REOPTIMISE: REOPTIMISE, VARIANT: VARIANT}
#: a switch to a variant stores its operation as "variant:<the variant's name>"
VARIANT_PREFIX = VARIANT + ":"
#: the undo text of a split along a line (only this tells it from a split in two, in old rows)
_SPLIT_LINE_SOURCE = "Split space {space} along a line (new space {new})"


def format_population(value):
    return f"{float(value):,.0f}".replace(",", "\u202f")


def _is_split_along_a_line(text, space, new):
    """True when ``text`` is the line-split undo text for these spaces, in English, German or today's language."""
    if not text:
        return False
    candidates = {_SPLIT_LINE_SOURCE, tr(_SPLIT_LINE_SOURCE), translator_for("de")(_SPLIT_LINE_SOURCE)}
    return any(text == candidate.format(space=space, new=new) for candidate in candidates)


def operation_code(kind, text="", sources="", targets=""):
    """The operation code of a change of ``kind`` whose undo text was ``text`` (None: a kind not known)."""
    if text in OPERATIONS:
        return text
    code = _CODE_OF_KIND.get(kind)
    if code == SPLIT and _is_split_along_a_line(text, sources, targets):
        return SPLIT_LINE
    return code


def row_code(row):
    """The operation code of a row: stored, or (an old row with text) read from its kind and text."""
    return operation_code(row.kind, row.operation, row.from_spaces, row.to_spaces)


def operation_text(row):
    """What the row did, in the interface language ('Paint 3 blocks into space 1')."""
    code = row_code(row)
    source, target, blocks = row.from_spaces, row.to_spaces, int(row.blocks)
    if code == PAINT:
        return tr("Paint %n block(s) into space {space}", blocks).format(space=target)
    if code == MERGE:
        return tr("Merge space {second} into space {first}").format(first=target, second=source)
    if code == SPLIT:
        return tr("Split space {space} (new space {new})").format(space=source, new=target)
    if code == SPLIT_LINE:
        return tr("Split space {space} along a line (new space {new})").format(space=source, new=target)
    if code == NEW_SPACE:
        return tr("New space {space} of %n block(s)", blocks).format(space=target)
    if code == LOCK:
        return tr("Lock space {space}").format(space=target)
    if code == UNLOCK:
        return tr("Unlock space {space}").format(space=target)
    if code == REOPTIMISE:
        return tr("Re-optimise: %n block(s), {population} residents moved", blocks).format(
            population=format_population(row.population))
    if code == PROPOSAL:
        return tr("Proposal for space {space} (web atlas)").format(space=target)
    if code == PROPOSAL_SKETCH:
        return tr("Proposal for space {space} with a sketch (web atlas)").format(space=target)
    if code == VARIANT:
        name = row.operation[len(VARIANT_PREFIX):] if row.operation.startswith(VARIANT_PREFIX) else ""
        return tr("Switch to variant '{name}': %n block(s) moved", blocks).format(name=name)
    return row.operation  # a kind this version does not know: its text as it was written


def kind_text(kind):
    return {MOVE: tr("paint"), MERGE: tr("merge"), SPLIT: tr("split"), NEW_SPACE: tr("new space"), LOCK: tr("lock"),
            UNLOCK: tr("unlock"), REOPTIMISE: tr("re-optimised"), PROPOSAL: tr("proposal"),
            VARIANT: tr("variant")}.get(kind, kind)


def header():
    return (tr("No."), tr("Time"), tr("Author"), tr("Kind"), tr("Change"), tr("From"), tr("To"), tr("Blocks"),
            tr("Residents"), tr("Reason"), tr("Block ids"))


#: columns of :func:`display_row` that hold numbers (numeric cells in the XLSX)
NUMBER_COLUMNS = (0, 7, 8)


def display_row(row, decimal="."):
    """The row's cells as shown (the columns of :func:`header`), in the interface language."""
    population = f"{row.population:.0f}" if float(row.population).is_integer() else f"{row.population:.2f}".replace(".", decimal)
    return (str(row.number), row.time, row.author, kind_text(row.kind), operation_text(row), row.from_spaces,
            row.to_spaces, str(row.blocks), population, row.reason, row.block_ids)
