"""Stable space numbers: a new division keeps the numbers of the division it updates.

"Sozialraum 31" is in every report and time series, so an update must not renumber. Given the
old space per block and the new regions, this module decides which new region carries on which
old space, numbers the rest by a documented rule and says per space what happened.

Matching (who is the successor of an old space): all pairs (old space, new region) are taken in
order of the residents they share (blocks without residents count a little, so empty spaces
match too); the first pair of each old space (its largest share) is accepted when that region is
not taken yet and the shared residents are more than half of the old space or more than half of
the new region ("at least half carries on"); otherwise the old space has no successor.
A new region without a match is either split off an old space (its parent: the old space that
gave it most residents) or new (only blocks that had no old space).

Numbers for unmatched regions (``rule``):
- ``"suffix"``: the parent's number and a letter: 31 -> "31a", then "31b"; "03-12" -> "03-12a".
  Makes the ids text.
- ``"next_free"``: the next integer above every old number (dissolved ones included), so a
  number once used is never given to another space. Only for integer ids; text ids ("03-12")
  fall back to the suffix rule (``Renumbering.rule`` says which rule was used).
- ``"after_parent"``: the first integer above the parent's number that no space has or had:
  403 -> 410 when 404 to 409 exist. Numbers that encode a district (4xx in district 04) stay in
  their district's range, where "next free" gave 611 (an outside check). Integer ids only, as above.
A region without a parent gets the next free integer under both rules (as text for text ids).
Old spaces without a successor are dissolved: their numbers are listed with the space that took
most of their residents and with every space that took some (``dissolved_shares``); they are not
given out again.
"""
from __future__ import annotations

import re
import string
from dataclasses import dataclass, field

import numpy as np

KEPT = "kept"
CHANGED = "changed"
SPLIT = "split"
NEW = "new"
RULES = ("next_free", "suffix", "after_parent")
#: Counts a block without residents in the matching so that empty spaces are matched too.
BLOCK_WEIGHT = 1e-6
_INTEGER_TEXT = re.compile(r"^-?(0|[1-9][0-9]*)$")


@dataclass
class SpaceChange:
    """What happened to one space of the new division."""

    space_id: object  # the number it carries (an old one for kept and changed spaces)
    label: int  # the region label it was given by the solver
    change: str  # KEPT, CHANGED, SPLIT or NEW
    parent: object = None  # for SPLIT: the old space it was split from
    absorbed: list = field(default_factory=list)  # dissolved old spaces merged into this one
    population: float = 0.0
    population_in: float = 0.0  # residents in blocks that were in another old space (or none)
    population_out: float = 0.0  # residents of its old space now in another space
    blocks_in: int = 0
    blocks_out: int = 0


@dataclass
class Renumbering:
    numbers: dict  # region label -> space id
    changes: list  # SpaceChange per region, in the order of the labels
    dissolved: dict  # old id -> space id that took most of its residents (None: nowhere)
    integer_ids: bool  # every id is an integer (the field can stay an integer field)
    rule: str  # the rule actually used for unmatched regions
    #: old id -> [(space id, residents it took), ...], most first, for each dissolved space
    dissolved_shares: dict = field(default_factory=dict)

    def ids(self, labels):
        """Space id per block for ``labels`` (None where the label has no number)."""
        return [self.numbers.get(int(label)) for label in labels]

    def change_of(self, space_id):
        return next((c for c in self.changes if c.space_id == space_id), None)


def is_missing(value):
    return value is None or (isinstance(value, float) and np.isnan(value)) or (isinstance(value, str) and not value.strip())


def normalise_id(value):
    """An old id as a comparable value: whole numbers as int (1.0, "1" -> 1), other text stripped."""
    if is_missing(value):
        return None
    if isinstance(value, (bool, np.bool_)):
        return str(value)
    if isinstance(value, (int, np.integer)):
        return int(value)
    if isinstance(value, (float, np.floating)):
        return int(value) if float(value).is_integer() else str(value)
    text = str(value).strip()
    return int(text) if _INTEGER_TEXT.match(text) else text


def renumber(old_ids, labels, population=None, rule="next_free"):
    """Numbers for the regions in ``labels`` (per block; < 0 or 0 = no region) that keep ``old_ids``.

    ``old_ids`` holds the old space per block (None/NaN/"" = none, e.g. a new block), integers or
    text. ``population`` weighs the blocks (default: 1 each). See the module text for the rules.
    """
    if rule not in RULES:
        raise ValueError(f"rule must be one of {', '.join(RULES)}")
    old = [normalise_id(v) for v in old_ids]
    labels = np.asarray(labels, dtype=np.int64)
    if len(old) != len(labels):
        raise ValueError("old_ids and labels must have one value per block")
    pop = np.ones(len(labels)) if population is None else np.nan_to_num(np.asarray(population, dtype=float))
    weight = pop + BLOCK_WEIGHT
    regions = sorted(set(labels[labels > 0].tolist()))
    old_names = sorted({v for v in old if v is not None}, key=lambda v: (isinstance(v, str), str(v) if isinstance(v, str) else v))
    integer_ids = all(isinstance(v, int) for v in old_names)
    used_rule = rule if integer_ids else "suffix"

    shared, residents = {}, {}  # weighted for the matching; residents alone for where a dissolved space went
    for value, label, w, p in zip(old, labels.tolist(), weight, pop):
        if value is not None and label > 0:
            shared[(value, label)] = shared.get((value, label), 0.0) + w
            residents[(value, label)] = residents.get((value, label), 0.0) + float(p)
    old_total = {v: 0.0 for v in old_names}
    for value, w in zip(old, weight):
        if value is not None:
            old_total[value] += w
    new_total = {r: float(weight[labels == r].sum()) for r in regions}

    successor, numbers, judged = {}, {}, set()
    for (value, region), amount in sorted(shared.items(), key=lambda item: (-item[1], str(item[0][0]), item[0][1])):
        if value in judged:
            continue
        judged.add(value)  # only an old space's largest share can carry it on
        if region not in numbers and (amount > 0.5 * old_total[value] or amount > 0.5 * new_total[region]):
            successor[value] = region
            numbers[region] = value

    taken = set(old_names)
    parents = {}
    for region in regions:
        if region in numbers:
            continue
        contributions = {v: a for (v, r), a in shared.items() if r == region}
        parents[region] = max(contributions, key=lambda v: (contributions[v], str(v))) if contributions else None
    next_integer = max([v for v in old_names if isinstance(v, int)], default=0) + 1
    for region in regions:  # label order: the solver's north-west to south-east order
        if region in numbers:
            continue
        parent = parents[region]
        if parent is not None and used_rule == "suffix":
            number = suffixed(parent, taken)
        elif parent is not None and used_rule == "after_parent":
            number = parent + 1
            while number in taken or str(number) in taken:
                number += 1
        else:
            while next_integer in taken or str(next_integer) in taken:
                next_integer += 1
            number = next_integer if integer_ids else str(next_integer)
        numbers[region] = number
        taken.add(number)

    dissolved, dissolved_shares = {}, {}
    for value in old_names:
        if value in successor:
            continue
        contributions = {r: a for (v, r), a in shared.items() if v == value}
        dissolved[value] = numbers[max(contributions, key=lambda r: (contributions[r], -r))] if contributions else None
        dissolved_shares[value] = [(numbers[r], residents[(value, r)])
                                   for r in sorted(contributions, key=lambda r: (-contributions[r], r))]

    changes = []
    for region in regions:
        members = labels == region
        number = numbers[region]
        inherited = successor.get(number) == region
        own = np.array([v == number for v in old]) if inherited else np.zeros(len(old), dtype=bool)
        came_in = members & ~own
        went_out = own & ~members
        if inherited:
            change = KEPT if not came_in.any() and not went_out.any() else CHANGED
        else:
            change = SPLIT if parents[region] is not None else NEW
        changes.append(SpaceChange(
            number, int(region), change, parent=parents.get(region),
            absorbed=[v for v, into in dissolved.items() if into == number],
            population=float(pop[members].sum()), population_in=float(pop[came_in].sum()),
            population_out=float(pop[went_out].sum()), blocks_in=int(came_in.sum()), blocks_out=int(went_out.sum()),
        ))
    return Renumbering(numbers, changes, dissolved, integer_ids and all(isinstance(n, int) for n in numbers.values()), used_rule,
                       dissolved_shares)


def suffixed(parent, taken):
    """The parent's number with the first free letter: 31 -> "31a"; after "31z": "31aa"."""
    base = str(parent)
    for letters in (1, 2):
        for suffix in _letter_sequences(letters):
            candidate = base + suffix
            if candidate not in taken:
                return candidate
    raise ValueError(f"no free suffix for {base}")


def _letter_sequences(length):
    if length == 1:
        return list(string.ascii_lowercase)
    return [a + b for a in string.ascii_lowercase for b in string.ascii_lowercase]
