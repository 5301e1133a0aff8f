"""Translated messages for the engine's structured notes and infeasibility problems."""
from ..i18n import language, tr
from .numbers import format_number


def describe(note, blocks):
    """One translated sentence for a note/problem dict; ``blocks`` names block indices by id."""
    code = note.get("code") or note.get("kind")
    if code == "block_above":
        return tr("Block {id} has {population} residents, more than the maximum.").format(
            id=blocks.name_blocks([note["block"]]), population=_number(note["population"])
        )
    if code == "component_below":
        return tr("A part cut off by barriers or nesting has only {population} residents, fewer than the minimum "
                  "(%n block(s): {ids}).", len(note["blocks"])).format(
            population=_number(note["population"]), ids=blocks.name_blocks(note["blocks"])
        )
    if code == "count_out_of_range":
        return tr("{requested} spaces cannot all lie within the population bounds; possible are {low} to {high}.").format(
            requested=note["requested"], low=note["low"], high=note["high"]
        )
    if code == "no_admissible_count":
        return tr("A part with {population} residents (%n block(s): {ids}) cannot be divided into spaces within "
                  "the population bounds.", len(note["blocks"])).format(
            population=_number(note["population"]), ids=blocks.name_blocks(note["blocks"])
        )
    if code == "island_joined":
        # "(146 residents: 03-0001)" read as if the block ids were the residents (an outside re-check)
        return tr("Island of %n block(s) ({ids}; {population} residents) joined to its nearest block {anchor}.",
                  len(note["blocks"])).format(
            population=_number(note["population"]), ids=blocks.name_blocks(note["blocks"]),
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
    if code == "compactness_raised" and note["used"] == note["chosen"]:  # no run again left fewer combs
        return tr("%n space(s) came out comb-shaped (Polsby-Popper below {threshold}) at the compactness weight "
                  "{chosen}; runs again with weights up to {tried} left no fewer, so the first division is kept. "
                  "A larger compactness weight or other attributes may avoid them; the report lists them under low "
                  "compactness.", note["combs_before"]).format(
            threshold=_decimal(note["threshold"]), chosen=_decimal(note["chosen"]), tried=_decimal(note["tried"]))
    if code == "compactness_raised":
        return tr("%n space(s) came out comb-shaped (Polsby-Popper below {threshold}) at the compactness weight "
                  "{chosen}; the search ran again with the weight {used}, which leaves {left}. The SSD share went "
                  "from {before} to {after}.", note["combs_before"]).format(
            threshold=_decimal(note["threshold"]), chosen=_decimal(note["chosen"]), used=_decimal(note["used"]),
            left=note["combs_after"], before=format_number(note["ssd_share_before"], 3, language()),
            after=format_number(note["ssd_share_after"], 3, language())) + (
            " " + tr("The report lists the spaces left comb-shaped under low compactness; a larger compactness weight "
                     "than {used} avoids them.").format(used=_decimal(note["used"])) if note["combs_after"] else "")
    if code == "locked_missing":
        return tr("Locked space '{value}' does not occur in the initial division.").format(value=note["value"])
    return str(note)


#: infeasibility problems of one kind named one by one; more are counted, with a few as examples
EXAMPLES = 3


def _summaries():
    return {
        "block_above": tr("{count} blocks have more residents than the maximum, for example:"),
        "component_below": tr("{count} parts cut off by barriers or nesting have fewer residents than the minimum, "
                              "for example:"),
        "no_admissible_count": tr("{count} parts cannot be divided into spaces within the population bounds, for example:"),
    }


def describe_problems(problems, blocks):
    """The problems as sentences; a kind that occurs often (every block an island) is counted, with examples.

    Listing each of 100 islands gave a message of 6,000 characters no one reads to the end.
    """
    by_kind = {}
    for problem in problems:
        by_kind.setdefault(problem.get("code") or problem.get("kind"), []).append(problem)
    summaries = _summaries()
    sentences = []
    for kind, group in by_kind.items():
        if len(group) <= EXAMPLES + 1 or kind not in summaries:
            sentences += [describe(problem, blocks) for problem in group]
            continue
        sentences.append(summaries[kind].format(count=len(group)))
        sentences += [describe(problem, blocks) for problem in group[:EXAMPLES]]
        rest = group[EXAMPLES:]
        first_blocks = [problem["block"] if "block" in problem else problem["blocks"][0] for problem in rest]
        sentences.append(tr("The other {count} begin with blocks {ids}.").format(
            count=len(rest), ids=blocks.name_blocks(first_blocks, 10)))
    return " ".join(sentences)


def _number(value):
    return f"{value:,.0f}".replace(",", " ")


def _decimal(value):
    """A weight or threshold with two decimals in the interface's notation ("0,40" in German)."""
    return format_number(value, 2, language())
