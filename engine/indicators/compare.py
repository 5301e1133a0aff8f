"""Compare two divisions of the same blocks (draft vs adopted, old vs new).

Which blocks moved (from, to) and how many residents, the old x new overlap of residents,
per-space changes, and the adjusted Rand index (ARI) twice: over blocks
(the formula of scikit-learn's ``adjusted_rand_score``, computed here so no scikit-learn is needed) and over residents (the same formula on the
contingency table of residents, i.e. as if every resident were a block: a move of a big
block weighs more than a move of an empty one).

Spaces are paired by label when the two divisions share labels (``match="labels"``, the
usual revision), otherwise by the largest shared population (``match="overlap"``, optimal
one-to-one pairing); a block moved when its new space is not paired with its old space.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ..errors import MissingFieldError, ParameterError
from .catalogue import numeric_column

UNASSIGNED = "(none)"
MATCHES = ("auto", "labels", "overlap")


def _comb2(x):
    x = np.asarray(x, dtype=float)
    return x * (x - 1.0) / 2.0


def adjusted_rand_from_contingency(table):
    """Adjusted Rand index from a contingency table of (possibly weighted) counts."""
    table = np.asarray(table, dtype=float)
    n = table.sum()
    if n <= 1:
        return 1.0
    sum_cells = _comb2(table).sum()
    sum_rows = _comb2(table.sum(axis=1)).sum()
    sum_cols = _comb2(table.sum(axis=0)).sum()
    expected = sum_rows * sum_cols / _comb2(n)
    maximum = (sum_rows + sum_cols) / 2.0
    if np.isclose(maximum, expected):
        return 1.0
    return float((sum_cells - expected) / (maximum - expected))


@dataclass
class Comparison:
    moved: pd.DataFrame  # block, from, to, population
    flows: pd.DataFrame  # from, to, blocks, population
    overlap: pd.DataFrame  # old x new residents
    spaces: pd.DataFrame  # per new space
    old_spaces: pd.DataFrame  # per old space
    matching: dict  # new space -> old space (None: new)
    ari_blocks: float
    ari_population: float
    summary: dict = field(default_factory=dict)


def _labels(series):
    values = series.astype(object).to_numpy()
    return np.array([UNASSIGNED if (v is None or (isinstance(v, float) and np.isnan(v)) or v is pd.NA) else v
                     for v in values], dtype=object)


def compare_divisions(blocks, old_field, new_field, population_field="pop_total", id_field=None, match="auto"):
    """Compare the division in ``old_field`` with the one in ``new_field`` (see the module text)."""
    if match not in MATCHES:
        raise ParameterError("match", match, f"must be one of {', '.join(MATCHES)}")
    for name in (old_field, new_field) + ((population_field,) if population_field else ()) + ((id_field,) if id_field else ()):
        if name not in blocks.columns:
            raise MissingFieldError(name)
    old = _labels(blocks[old_field])
    new = _labels(blocks[new_field])
    ids = blocks[id_field].to_numpy() if id_field else blocks.index.to_numpy()
    if population_field:
        pop = np.nan_to_num(numeric_column(blocks[population_field], population_field))
    else:
        pop = np.ones(len(blocks))
    old_names = sorted(set(old.tolist()), key=str)
    new_names = sorted(set(new.tolist()), key=str)
    old_pos = {v: i for i, v in enumerate(old_names)}
    new_pos = {v: i for i, v in enumerate(new_names)}
    oi = np.array([old_pos[v] for v in old], dtype=np.int64)
    ni = np.array([new_pos[v] for v in new], dtype=np.int64)
    pop_table = np.zeros((len(old_names), len(new_names)))
    np.add.at(pop_table, (oi, ni), pop)
    block_table = np.zeros_like(pop_table)
    np.add.at(block_table, (oi, ni), 1.0)
    if match == "auto":
        shared = set(old_names) & set(new_names) - {UNASSIGNED}
        match = "labels" if shared else "overlap"
    matching = {}
    if match == "labels":
        for name in new_names:
            matching[name] = name if name in old_pos else None
    else:
        from scipy.optimize import linear_sum_assignment

        score = pop_table + 1e-6 * block_table
        rows, cols = linear_sum_assignment(-score)
        for name in new_names:
            matching[name] = None
        for r, c in zip(rows, cols):
            if score[r, c] > 0:
                matching[new_names[c]] = old_names[r]
    if UNASSIGNED in new_pos:
        matching[UNASSIGNED] = UNASSIGNED if UNASSIGNED in old_pos else None
    paired_old = np.array([matching[v] for v in new], dtype=object)
    moved_mask = np.array([p is None or p != o for p, o in zip(paired_old, old)], dtype=bool)
    moved = pd.DataFrame({"block": ids[moved_mask], "from": old[moved_mask], "to": new[moved_mask],
                          "population": pop[moved_mask]})
    if len(moved):
        flows = (moved.assign(blocks=1).groupby(["from", "to"], sort=True)[["blocks", "population"]].sum()
                 .reset_index().sort_values(["population", "blocks"], ascending=False, kind="mergesort"))
    else:
        flows = pd.DataFrame({"from": [], "to": [], "blocks": [], "population": []})
    overlap = pd.DataFrame(pop_table, index=pd.Index(old_names, name=old_field, dtype=object),
                           columns=pd.Index(new_names, name=new_field, dtype=object))
    # per new space
    rows = []
    for j, name in enumerate(new_names):
        partner = matching.get(name)
        total = pop_table[:, j].sum()
        kept = pop_table[old_pos[partner], j] if partner is not None and partner in old_pos else 0.0
        same = (partner is not None and partner in old_pos and block_table[:, j].sum() == block_table[old_pos[partner], j]
                and block_table[old_pos[partner], :].sum() == block_table[old_pos[partner], j])
        rows.append({"space": name, "matched_old": partner, "blocks": int(block_table[:, j].sum()), "population": total,
                     "population_kept": kept, "population_gained": total - kept,
                     "share_kept": kept / total if total > 0 else np.nan,
                     "old_spaces": int((block_table[:, j] > 0).sum()), "unchanged": bool(same)})
    spaces = pd.DataFrame(rows).set_index("space")
    spaces.index = spaces.index.astype(object)
    matched_old = {v for v in matching.values() if v is not None}
    old_rows = []
    for i, name in enumerate(old_names):
        total = pop_table[i, :].sum()
        partner_new = [n for n, o in matching.items() if o == name]
        stay = pop_table[i, new_pos[partner_new[0]]] if partner_new else 0.0
        old_rows.append({"space": name, "matched_new": partner_new[0] if partner_new else None,
                         "blocks": int(block_table[i, :].sum()), "population": total,
                         "population_lost": total - stay, "dissolved": name not in matched_old,
                         "new_spaces": int((block_table[i, :] > 0).sum())})
    old_spaces = pd.DataFrame(old_rows).set_index("space")
    old_spaces.index = old_spaces.index.astype(object)
    ari_blocks = adjusted_rand_from_contingency(block_table)  # same as scikit-learn's score
    ari_population = adjusted_rand_from_contingency(pop_table)
    population_total = float(pop.sum())
    summary = {
        "blocks": int(len(blocks)), "blocks_moved": int(moved_mask.sum()),
        "population": population_total, "population_moved": float(pop[moved_mask].sum()),
        "share_moved": float(pop[moved_mask].sum() / population_total) if population_total > 0 else 0.0,
        "old_spaces": len([n for n in old_names if n != UNASSIGNED]),
        "new_spaces": len([n for n in new_names if n != UNASSIGNED]),
        "unchanged_spaces": int(spaces["unchanged"].drop(UNASSIGNED, errors="ignore").sum()),
        "new_only": sorted([str(n) for n, o in matching.items() if o is None and n != UNASSIGNED]),
        "dissolved": sorted([str(n) for n in old_names if n not in matched_old and n != UNASSIGNED]),
        "ari_blocks": ari_blocks, "ari_population": ari_population, "match": match,
    }
    return Comparison(moved=moved, flows=flows.reset_index(drop=True), overlap=overlap, spaces=spaces,
                      old_spaces=old_spaces, matching=matching, ari_blocks=ari_blocks,
                      ari_population=ari_population, summary=summary)
