"""Translated messages for the engine's structured notes and infeasibility problems."""
from ..i18n import tr


def describe(note, blocks):
    """One translated sentence for a note/problem dict; ``blocks`` names block indices by id."""
    code = note.get("code") or note.get("kind")
    if code == "block_above":
        return tr("Block {id} has {population} residents, more than the maximum.").format(
            id=blocks.name_blocks([note["block"]]), population=_number(note["population"])
        )
    if code == "component_below":
        return tr("A part cut off by barriers or nesting has only {population} residents, fewer than the minimum "
                  "({count} blocks: {ids}).").format(
            population=_number(note["population"]), count=len(note["blocks"]), ids=blocks.name_blocks(note["blocks"])
        )
    if code == "count_out_of_range":
        return tr("{requested} spaces cannot all lie within the population bounds; possible are {low} to {high}.").format(
            requested=note["requested"], low=note["low"], high=note["high"]
        )
    if code == "no_admissible_count":
        return tr("A part with {population} residents ({count} blocks: {ids}) cannot be divided into spaces within "
                  "the population bounds.").format(
            population=_number(note["population"]), count=len(note["blocks"]), ids=blocks.name_blocks(note["blocks"])
        )
    if code == "island_joined":
        return tr("Island of {count} blocks ({population} residents: {ids}) joined to its nearest block {anchor}.").format(
            count=len(note["blocks"]), population=_number(note["population"]), ids=blocks.name_blocks(note["blocks"]),
            anchor=blocks.name_blocks([note["anchor"]]),
        )
    if code == "k_auto":
        return tr("Number of spaces chosen automatically: {k} (population {population} / target size {target}, "
                  "within what the bounds allow in each part).").format(
            k=note["k"], population=_number(note["population"]), target=_number(note["target"])
        )
    if code == "k_given":
        return tr("Number of spaces: {k} (requested {requested}).").format(k=note["k"], requested=note["requested"])
    if code == "shapes_tidied":
        sentence = tr("Shape clean-up after the search: blocks reaching into a neighbouring space moved to it: {tentacles}; "
                      "enclaves found: {found}, merged into the space around them: {merged}, opened to a second "
                      "neighbour: {opened}.").format(tentacles=note["tentacles_moved"], found=note["enclaves_found"],
                                           merged=note["enclaves_merged"], opened=note["enclaves_opened"])
        kept = note.get("enclaves_kept") or []
        if kept:
            sentence += " " + tr("Enclaves that stay because no change keeps the population bounds: {count} (a block of each: "
                                 "{ids}).").format(count=len(kept), ids=blocks.name_blocks([blocks_of[0] for blocks_of in kept]))
        return sentence
    if code == "locked_missing":
        return tr("Locked space '{value}' does not occur in the initial division.").format(value=note["value"])
    return str(note)


def describe_problems(problems, blocks):
    return " ".join(describe(problem, blocks) for problem in problems)


def _number(value):
    return f"{value:,.0f}".replace(",", " ")
