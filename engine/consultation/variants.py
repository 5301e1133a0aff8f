"""Variants of a division: a compact text encoding, and what switching to a variant changes.

A variant is the space of every block of the consultation at the time it was saved. It is
stored as ONE text value (one row per variant in the store: ``ui/variant_store.py``), not one row
per block: saving, listing and deleting a variant then touch one row, a listing reads no block
data, and the same text fits a GeoPackage column, a PostgreSQL ``text`` column and the JSON of
a QGIS project alike. The text is JSON::

    {"format": 1, "blocks": 24, "spaces": [[1, "1..3,7..9"], ["31a", "4..6"], [null, "10"]]}

- ``spaces``: pairs of a space label (as the layer stores it: a number stays a number, text stays
  text; ``null``: blocks in no space) and its block ids as sorted ranges ("1..3,7" is 1, 2, 3, 7; ids may be negative:
  "-4..-2");
- block ids are the layer's feature ids (whole numbers), the ids the consultation works on;
  a division written in order of its spaces (as the delineation writes it) takes a few ranges
  per space, so 10,000 blocks take a few kilobytes;
- ``blocks``: how many blocks the variant holds (a check when it is read back).

Switching (:func:`switch_plan`) moves only the blocks whose space differs and refuses, naming
them, when the blocks layer changed since the variant was saved (blocks missing or new) or
when the switch would change a locked space: a lock is the planners' decision that a space stays
as it is, and a variant saved before (or without) that decision must not undo it silently.
"""
from __future__ import annotations

import json
from dataclasses import dataclass

from ..errors import SozialraumError, format_values

FORMAT = 1
#: the kind of change (and of its decision-log row) of a switch to a variant
VARIANT = "variant"


class VariantError(SozialraumError):
    """A variant cannot be read or applied; ``details`` name the problem."""

    code = "variant"

    def __init__(self, reason, message, **details):
        super().__init__(message, reason=reason, **details)
        self.reason = reason


def _label(value):
    """A label as JSON keeps it: whole numbers, text, None; anything else as its text."""
    if value is None or isinstance(value, (str, int)) and not isinstance(value, bool):
        return value
    if isinstance(value, float):
        return int(value) if value.is_integer() else value
    return str(value)


def label_text(value):
    """A label as text, whole floats without ".0" (None stays None): two divisions compared by their names."""
    value = _label(value)
    return None if value is None else str(value)


def _ranges(ids):
    """Sorted whole numbers as "1..3,7"."""
    parts = []
    ordered = sorted(ids)
    start = previous = None
    for value in ordered:
        if previous is not None and value == previous + 1:
            previous = value
            continue
        if start is not None:
            parts.append(str(start) if start == previous else f"{start}..{previous}")
        start = previous = value
    if start is not None:
        parts.append(str(start) if start == previous else f"{start}..{previous}")
    return ",".join(parts)


def _expand(text):
    ids = []
    for part in (text or "").split(","):
        part = part.strip()
        if not part:
            continue
        first, dots, last = part.partition("..")
        if dots:
            ids.extend(range(int(first), int(last) + 1))
        else:
            ids.append(int(part))
    return ids


def encode_division(block_ids, labels):
    """The division (``labels[i]`` is the space of ``block_ids[i]``) as the variant's text."""
    block_ids, labels = list(block_ids), list(labels)
    if len(block_ids) != len(labels):
        raise ValueError("one label per block is needed")
    groups = {}
    for block, label in zip(block_ids, labels):
        groups.setdefault(_label(label), []).append(int(block))
    spaces = [[label, _ranges(ids)] for label, ids in groups.items()]
    return json.dumps({"format": FORMAT, "blocks": len(block_ids), "spaces": spaces}, ensure_ascii=False,
                      separators=(",", ":"))


def decode_division(text):
    """The variant's division as {block id: label}; a :class:`VariantError` when the text cannot be read."""
    try:
        data = json.loads(text)
        if not isinstance(data, dict) or int(data.get("format", 0)) > FORMAT:
            raise ValueError("format")
        division = {}
        for label, ranges in data["spaces"]:
            for block in _expand(ranges):
                division[block] = label
        if int(data.get("blocks", len(division))) != len(division):
            raise ValueError("blocks")
    except (TypeError, ValueError, KeyError) as error:
        raise VariantError("unreadable", f"the stored variant cannot be read ({error})") from None
    return division


@dataclass(frozen=True)
class SwitchPlan:
    """The blocks whose space changes and their space in the variant (same order)."""

    blocks: tuple
    spaces: tuple

    @property
    def is_empty(self):
        return not self.blocks


def switch_plan(current, variant, locked=()):
    """What switching from ``current`` to ``variant`` ({block id: label} each) changes.

    Refused with a :class:`VariantError` naming the blocks when the two do not hold the same
    blocks (``reason`` "blocks_changed", ``missing``: blocks of the variant the layer lacks,
    ``new``: blocks the variant does not know), and naming the spaces when a space of
    ``locked`` would lose or gain a block (``reason`` "locked", ``spaces``).
    """
    missing = sorted(set(variant) - set(current))
    new = sorted(set(current) - set(variant))
    if missing or new:
        raise VariantError("blocks_changed",
                           f"the blocks changed since the variant was saved (missing: {format_values(missing)}; "
                           f"new: {format_values(new)})", missing=missing, new=new)
    moving = [block for block in current if _label(current[block]) != _label(variant[block])]
    locked = {_label(space) for space in locked}
    touched = {_label(current[block]) for block in moving} | {_label(variant[block]) for block in moving}
    spaces = sorted((touched & locked) - {None}, key=lambda label: (not isinstance(label, (int, float)), str(label)))
    if spaces:
        raise VariantError("locked", f"the variant changes locked spaces {format_values(spaces)}", spaces=spaces)
    return SwitchPlan(tuple(moving), tuple(variant[block] for block in moving))


def differing_blocks(first, second):
    """How many blocks two divisions ({block id: label}) put into different spaces (blocks of one only count too)."""
    return sum(1 for block in set(first) | set(second)
               if block not in first or block not in second or _label(first[block]) != _label(second[block]))
