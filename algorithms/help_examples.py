"""Worked examples on the bundled sample town, appended to each algorithm's help.

Kept apart from the algorithms so that one place tells the whole story from the blocks to
the profiles in the same words, and the steps refer to each other consistently. The sample
town is resources/sample/musterstadt.gpkg (layers blocks, barriers, districts, facilities);
`make demo` runs these steps headless.
"""
from ..i18n import tr, translatable

_SAMPLE = "resources/sample/musterstadt.gpkg"

# The English texts are the translation sources; keep the layer and field names literal.
_EXAMPLES = {
    "adjacency": translatable(
        "Example (sample town Musterstadt, {sample}): Blocks = layer blocks, block id field = block_id, "
        "population field = pop_total, barriers = layer barriers, gap distance = 30 m. The log reports about "
        "11,300 links and one island of 11 blocks (539 residents) cut off by the river; the links layer shows "
        "that no link crosses the railway."
    ),
    "delineate": translatable(
        "Example (sample town Musterstadt, {sample}): the blocks hold counts, so first add rate fields with "
        "the field calculator, e.g. sgb2_rate = 100 * sgb2_persons / (pop_total - pop_65plus) and "
        "old_share = 100 * pop_65plus / pop_total (scripts/sample_rates.py lists the eleven the demo uses). "
        "Then: population field = pop_total, attributes = the rate fields, building-structure attributes = "
        "houses_share, highrise_share, prewar_share, postwar_share, floor_per_head, balance groups on, "
        "minimum 700, maximum 8,500, number of spaces 0 (automatic), barriers = layer barriers, seed 1. "
        "Result: 34 spaces within the bounds, no enclave; the island of 11 blocks cut off by the river is joined "
        "to its nearest space, which the report flags for a look. The log and the report give the exact figures."
    ),
    "evaluate": translatable(
        "Example (sample town Musterstadt, {sample}): Blocks = the blocks output of 'Propose social spaces' "
        "after the consultation, space field = space_id, population field = pop_total, the same attributes, "
        "bounds and barriers as the proposal. The report shows which spaces the edits pushed outside the "
        "bounds or left in two parts; its SSD share and Polsby-Popper figures can be set beside the proposal's "
        "report to show what the edits cost in homogeneity and shape."
    ),
    "aggregate": translatable(
        "Example (sample town Musterstadt, {sample}): Blocks = the blocks output of 'Propose social spaces', "
        "space field = space_id, block id field = block_id, catalogue empty (the bundled one), "
        "confidentiality on with at least 3 cases per cell and 300 residents for rates, language German. "
        "The spaces layer gets all 41 indicators of the catalogue; the municipal total is a separate "
        "output, so every space can be compared with the whole town."
    ),
    "interpolate": translatable(
        "Example (sample town Musterstadt, {sample}): Blocks = layer blocks, spaces = polygons drawn "
        "freely in a consultation (e.g. a new school district), split blocks by = area share, or by weight "
        "points (address points with the number of residents, when residents live only where buildings "
        "are). The output carries the "
        "same indicators as 'Push indicators to spaces', with counts split by the chosen weights."
    ),
    "index": translatable(
        "Example (sample town Musterstadt, {sample}): Spaces = the output of 'Push indicators to "
        "spaces', space field = space_id, rates = sgb2_rate, unemployment, child_poverty, single_parents, "
        "foreigners_share, floor_area_per_head (signs from the catalogue), population field = pop_total, "
        "minimum population 300, number of types = 0 "
        "(chosen by silhouette). Spaces above +1 (or +1.5) have a high need; the type profiles table "
        "explains what each type stands for."
    ),
    "compare": translatable(
        "Example (sample town Musterstadt, {sample}): Blocks = the blocks output of 'Propose social spaces' "
        "with a second field holding the division after the consultation, old field = space_id, new "
        "field = that field, population field = pop_total. The report lists every block that changed "
        "space and how many residents each space kept."
    ),
    "update": translatable(
        "Example (sample town Musterstadt, {sample}): take the blocks output of 'Propose social spaces' with the "
        "settings of its example and let the largest space grow by 12 % and the smallest shrink by 30 % (edit "
        "pop_total). Then: the same settings, division to update = space_id, stability weight 10. Result: both "
        "spaces within the bounds again, a few per cent of the residents at most change their space, only the two spaces and "
        "their neighbours change, the others keep their blocks and all 34 their numbers (the log lists them)."
    ),
    "carry": translatable(
        "Example (sample town Musterstadt, {sample}): New blocks = a new block layer (here: layer blocks), old "
        "social spaces = the spaces output of 'Propose social spaces', space field = space_id. Every block gets "
        "the space it lies in (3,492 of 3,492 on the same blocks); split blocks and new estates outside the old "
        "spaces are listed in the log. Then run 'Update a division with minimal change' with division to update "
        "= space_id."
    ),
}


def worked_example(algorithm_name):
    """The translated worked example for ``algorithm_name`` ('' when there is none)."""
    text = _EXAMPLES.get(algorithm_name)
    return tr(text).format(sample=_SAMPLE) if text else ""


def with_example(help_text, algorithm_name):
    """``help_text`` followed by the worked example of ``algorithm_name``."""
    example = worked_example(algorithm_name)
    return f"{help_text}\n\n{example}" if example else help_text
