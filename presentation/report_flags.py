"""Which spaces of a division need a second look, and why: the "flagged spaces" list of the report.

Reasons come from the evaluation (population bounds, contiguity, enclaves, shape, barriers,
nesting) and, for a delineation, from the engine's own flags (a block above the maximum, an
island joined across a barrier, a locked space). Each reason is a code with its figures;
the sentence is looked up here and translated where shown.
"""
import math

from ..engine.population_band import ABOVE, BELOW, optional_band
from ..i18n import tr, translatable
from . import html
from .numbers import format_number

#: Polsby-Popper below this is called low: a 1:14 strip or a strongly frayed outline (a square is 0.79)
LOW_COMPACTNESS = 0.2

REASONS = {
    "below": translatable("below the minimum population ({population} < {lower})"),
    "above": translatable("above the maximum population ({population} > {upper})"),
    "not_contiguous": translatable("not contiguous ({parts} parts)"),
    "enclave": translatable("holds {count} enclaves (holes in its outline filled by another space)"),
    "low_compactness": translatable("low compactness (Polsby-Popper {value} < {limit})"),
    "barrier_crossing": translatable("crosses barrier lines {count} times"),
    "several_units": translatable("spans {count} units of the nesting field"),
    "block_above": translatable("one block alone has more residents than the maximum (kept as its own space)"),
    "island_joined": translatable("holds an island cut off by barriers, joined to its nearest block"),
    "island_residents": translatable("holds an island cut off by barriers ({island} residents), joined to its nearest "
                                     "block; without it {mainland} residents"),
    "island_residents_below": translatable("holds an island cut off by barriers ({island} residents), joined to its "
                                           "nearest block; without it {mainland} residents, below the minimum"),
    "locked": translatable("locked: kept as in the initial division"),
}
#: engine flags of a delineation (engine.delineate Space.flags) already covered by an evaluation reason
_COVERED = {"not_contiguous"}


def flagged_spaces(spaces, lower, upper, engine_flags=None, lang="en", islands=None):
    """[(space, population, [reason sentences])] for every space with at least one reason.

    ``spaces``: the evaluation's per-space frame; ``engine_flags``: {space: [engine flag codes]}
    of a delineation (None for an evaluation of an existing division). ``islands``: {space: residents of the
    islands joined to it}: the island's reason then says how many residents the space has without them, and
    whether that is below the minimum (an outside check: a space reached the minimum only through its island).
    """
    engine_flags = engine_flags or {}
    out = []
    for row in spaces.to_dict("records"):
        reasons = [_sentence(code, values) for code, values in _reasons(row, lower, upper, lang)]
        for code in engine_flags.get(row["space"], ()):
            if code == "island_joined" and row["space"] in (islands or {}):
                island = float(islands[row["space"]])
                mainland = float(row["population"]) - island
                kind = "island_residents_below" if lower is not None and mainland < lower else "island_residents"
                reasons.append(_sentence(kind, {"island": format_number(island, 0, lang),
                                                "mainland": format_number(mainland, 0, lang)}))
            elif code not in _COVERED:
                reasons.append(_sentence(code, {}))
        if reasons:
            out.append((row["space"], row["population"], reasons))
    return out


def _reasons(row, lower, upper, lang):
    population = float(row["population"])
    number = lambda value, places=0: format_number(value, places, lang)  # noqa: E731
    # the band's own rule and tolerance; a locked space below the minimum is named too (with "locked")
    bound = optional_band(lower, upper).status(population)
    if bound == BELOW:
        yield "below", {"population": number(population), "lower": number(lower)}
    if bound == ABOVE:
        yield "above", {"population": number(population), "upper": number(upper)}
    if not row["contiguous"]:
        yield "not_contiguous", {"parts": int(row["n_parts"])}
    if _count(row.get("n_enclaves")):
        yield "enclave", {"count": _count(row["n_enclaves"])}
    pp = row.get("polsby_popper")
    if pp is not None and not math.isnan(float(pp)) and float(pp) < LOW_COMPACTNESS:
        # a third decimal where two would round up to the limit ("0.20 < 0.20" read as a false reason: an outside check)
        shown = float(pp) if round(float(pp), 2) < LOW_COMPACTNESS else math.floor(float(pp) * 1000) / 1000
        yield "low_compactness", {"value": number(shown, 2 if shown == float(pp) else 3), "limit": number(LOW_COMPACTNESS, 2)}
    if _count(row.get("barrier_crossings")):
        yield "barrier_crossing", {"count": _count(row["barrier_crossings"])}
    if _count(row.get("nest_units")) > 1:
        yield "several_units", {"count": _count(row["nest_units"])}


def _count(value):
    if value is None:
        return 0
    value = float(value)
    return 0 if math.isnan(value) else int(value)


def _sentence(code, values):
    template = REASONS.get(code)
    if template is None:
        return str(code)  # a new engine flag is shown as its code, never dropped
    return tr(template).format(**values)


def flags_section(flagged, lang="en"):
    """The body of the "spaces that need a second look" section: a table, or one sentence when there are none."""
    if not flagged:
        return html.paragraphs([tr("No space needs a second look: all lie within the population bounds, are contiguous and "
                                   "reasonably compact.")])
    rows = [(str(space), format_number(population, 0, lang), "; ".join(reasons)) for space, population, reasons in flagged]
    return html.table(rows, [tr("Space"), tr("Population"), tr("Reasons")], numeric=[1])
