"""What changed between an adopted and a proposed division, for the council: per space what
happened and why, and a crosswalk that recasts last year's space figures onto the new spaces.

Built on :func:`compare_divisions` (its pairing of old and new spaces).

Per new space (:func:`space_changes`): ``kept`` (the same blocks), ``changed`` (paired with an
old space, boundary moved), ``split`` (not paired; most of its residents came from one old space,
``parent``), ``new`` (only blocks without an old space). Dissolved old spaces are listed with the
new space that took most of their residents (``merged into``). Residents in and out are listed
per partner space. Reasons, as far as the data say them:
- ``bounds``: the space's old extent has, with today's residents, fewer than ``lower`` or more
  than ``upper`` residents; ``neighbour``: it gave or took residents from such a space;
- ``new_blocks``: it took blocks that had no old space;
- ``decision``: an entry of the consultation's decision log names the space (the reason typed
  by the planner, with author and time).

Crosswalk (:func:`crosswalk`): one row per (old space, new space) with the residents they share
and the shares of the old and of the new space. :func:`recast` uses it to put an old figure per
space onto the new spaces: a count is split in proportion to residents (count x share of the
old space), a rate is the residents-weighted mean of the old rates (rate x share of the new
space). It is exact when the figure is spread like the residents within each old space (then it
equals aggregating the block data directly) and an estimate otherwise; aggregate the block data
where they exist.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from .compare import UNASSIGNED

KEPT, CHANGED, SPLIT, NEW = "kept", "changed", "split", "new"
BOUNDS, NEIGHBOUR, NEW_BLOCKS, DECISION = "bounds", "neighbour", "new_blocks", "decision"
KINDS = ("count", "rate")


def crosswalk(comparison):
    """Old space -> new space with residents and shares (rows with residents or blocks in common)."""
    overlap = comparison.overlap
    old_totals, new_totals = overlap.sum(axis=1), overlap.sum(axis=0)
    rows = []
    for old in overlap.index:
        for new in overlap.columns:
            population = float(overlap.at[old, new])
            if population <= 0:
                continue
            rows.append({"old": old, "new": new, "population": population,
                         "share_of_old": population / float(old_totals[old]) if old_totals[old] > 0 else np.nan,
                         "share_of_new": population / float(new_totals[new]) if new_totals[new] > 0 else np.nan})
    return pd.DataFrame(rows, columns=["old", "new", "population", "share_of_old", "share_of_new"])


def recast(table, values, kind="count"):
    """Figures per old space (``values``: a mapping or Series old space -> number) on the new spaces.

    ``kind`` "count" (residents, recipients: split by shares of the old space) or "rate"
    (shares, rates: residents-weighted mean). A new space whose residents come from old spaces
    without a figure gets NaN for a rate; for a count, those parts add nothing.
    """
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {', '.join(KINDS)}")
    values = pd.Series(values, dtype=float)
    figure = table["old"].map(lambda old: values.get(old, np.nan)).astype(float)
    if kind == "count":
        parts = (figure * table["share_of_old"]).fillna(0.0)
        return parts.groupby(table["new"], sort=True).sum()
    weights = table["share_of_new"].where(figure.notna())
    result = (figure.fillna(0.0) * table["share_of_new"]).groupby(table["new"], sort=True).sum()
    covered = weights.groupby(table["new"], sort=True).sum(min_count=1)
    return result.where(covered > 0.999999)


def space_changes(comparison, lower=None, upper=None, decisions=()):
    """One row per new space (and one per dissolved old space) saying what changed and why.

    ``decisions``: rows of the decision log (dicts with ``from_spaces``, ``to_spaces`` as
    comma-separated text, ``reason``, ``author``, ``time``).
    """
    overlap, matching = comparison.overlap, comparison.matching
    old_population = overlap.sum(axis=1)
    outside = {old for old, pop in old_population.items()
               if old != UNASSIGNED and ((lower is not None and pop < lower) or (upper is not None and pop > upper))}
    rows = []
    for new in overlap.columns:
        if new == UNASSIGNED:
            continue
        paired = matching.get(new)
        column = overlap[new]
        gained = {old: float(pop) for old, pop in column.items() if pop > 0 and old != paired}
        lost = {} if paired is None else {other: float(pop) for other, pop in overlap.loc[paired].items() if pop > 0 and other != new}
        info = comparison.spaces.loc[new]
        if paired is not None:
            change = KEPT if bool(info["unchanged"]) else CHANGED
            parent = paired
        else:
            sources = {old: float(pop) for old, pop in column.items() if pop > 0 and old != UNASSIGNED}
            parent = max(sources, key=lambda old: (sources[old], str(old))) if sources else None
            change = SPLIT if parent is not None else NEW
        reasons = []
        own = paired if paired is not None else parent
        if own in outside:
            reasons.append((BOUNDS, own, float(old_population[own])))
        for partner in sorted((set(gained) | set(lost)) & outside - {own}, key=str):
            reasons.append((NEIGHBOUR, partner, float(old_population[partner])))
        if UNASSIGNED in overlap.index and overlap.at[UNASSIGNED, new] > 0:
            reasons.append((NEW_BLOCKS, None, float(overlap.at[UNASSIGNED, new])))
        for decision in decisions or ():
            named = _spaces_in(decision.get("from_spaces")) | _spaces_in(decision.get("to_spaces"))
            if str(new) in named and change != KEPT:
                reasons.append((DECISION, decision.get("reason") or "", f"{decision.get('author', '')}, {decision.get('time', '')}"))
        rows.append({"space": new, "change": change, "old_space": paired, "parent": parent,
                     # a split or new space had no residents before: its parent's count belongs to the parent
                     # (an outside check: the column "residents before" counted the parent twice)
                     "population_before": float(old_population[paired]) if paired is not None and paired in old_population
                     else 0.0,
                     "population": float(info["population"]),
                     "from": gained, "to": lost,
                     "reasons": reasons, "merged_into": None})
    for old in overlap.index:
        if old == UNASSIGNED or old in set(matching.values()):
            continue
        row = overlap.loc[old]
        into = max((n for n in row.index if row[n] > 0), key=lambda n: (row[n], str(n)), default=None)
        reasons = [(BOUNDS, old, float(old_population[old]))] if old in outside else []
        rows.append({"space": old, "change": "dissolved", "old_space": old, "parent": None,
                     "population_before": float(old_population[old]), "population": 0.0, "from": {},
                     "to": {n: float(p) for n, p in row.items() if p > 0}, "reasons": reasons, "merged_into": into})
    return rows


def _spaces_in(text):
    return {part.strip() for part in str(text or "").split(",") if part.strip()}
