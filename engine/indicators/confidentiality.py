"""Statistical confidentiality of indicator tables: suppression, rounding, small spaces.

Cells are the counts a table publishes: the summed numerator and denominator of every
confidential indicator, per space and for the municipal total row. Rules:

1. *Primary suppression*: a cell with 0 < value < ``minimum`` (default 3) is suppressed;
   0 is published.
2. *Secondary suppression*, repeated to a fixed point, so no suppressed cell can be
   recovered by differences:

   * column: each count summed over the spaces gives the municipal total; a column with
     exactly one hidden cell gets its next smallest (non-zero first) cell hidden too;
   * row: inside one space, cells are linked by the catalogue's sums
     (``pop_u6+pop_6_14+pop_15_17``) and ``part_of`` declarations (the age groups add up to
     ``pop_total``); a hidden cell that is a linear combination of the published cells of its
     row (a row difference, however nested) gets the smallest cell hidden that breaks this.

   Combinations across several rows *and* columns at once are not audited (the row and
   column differences of practice are).
3. Every indicator whose numerator or denominator is a hidden cell is suppressed (a rate and
   its denominator would give the count back).
4. Spaces under ``min_population`` residents get no rates, ratios, means or densities.
5. Optional ``rounding`` (e.g. 3): count indicators of the spaces are rounded to multiples of
   it, the municipal total row keeps the true totals; rates stay computed from true counts.

Suppressed values are NaN in ``values`` with ``mask`` True; the plugin shows them as "."
(and values that are NULL for other reasons as "x"), see ``presentation/numbers.py``.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..errors import ParameterError
from .aggregate import TOTAL, IndicatorTable

RATE_KINDS = ("rate", "ratio", "mean", "density")


# --- generic machinery -----------------------------------------------------------------------


def primary_mask(values, minimum=3):
    """True where 0 < value < minimum (NaN is not suppressed: it is not published anyway)."""
    values = np.asarray(values, dtype=float)
    with np.errstate(invalid="ignore"):
        return (values > 0) & (values < minimum)


def _pick(candidates, values, preference):
    """The cell to hide: smallest non-zero value first, then zeros; ties by preference, index."""
    return min(candidates, key=lambda c: (values[c] == 0, values[c], preference[c], c))


def _in_span(published, vector, tol=1e-9):
    if published.shape[0] == 0:
        return not np.any(np.abs(vector) > tol)
    coef, _, _, _ = np.linalg.lstsq(published.T, vector, rcond=None)
    return np.linalg.norm(published.T @ coef - vector) <= tol * max(1.0, np.linalg.norm(vector))


def secondary_suppression(values, hidden, vectors, columns, unknown=None, preference=None):
    """Hide more cells until no hidden cell is recoverable by a row or column difference.

    ``values``: (rows, cells) array; ``hidden``: bool array of the same shape (primary
    suppression); ``vectors``: (cells, base) array, each cell as a combination of base
    quantities (the same in every row: row relations are linear dependencies between
    vectors); ``columns``: whether the last row is the total of the other rows (column
    relations). ``unknown``: cells not published anyway (NULL). Returns the new hidden mask.
    """
    values = np.asarray(values, dtype=float)
    hidden = np.array(hidden, dtype=bool)
    rows, cells = values.shape
    unknown = np.zeros_like(hidden) if unknown is None else np.asarray(unknown, dtype=bool)
    preference = np.zeros(cells) if preference is None else np.asarray(preference, dtype=float)
    vectors = np.asarray(vectors, dtype=float)
    safe_values = np.where(np.isnan(values), np.inf, values)
    dependent = _has_row_relations(vectors)
    changed = True
    while changed:
        changed = False
        # rows: linear audit inside each row
        if dependent:
            for r in range(rows):
                while True:
                    unpublished = hidden[r] | unknown[r]
                    target = _recoverable_in_row(vectors, unpublished, hidden[r])
                    if target is None:
                        break
                    candidates = [c for c in range(cells) if not unpublished[c]]
                    chosen = None
                    for c in sorted(candidates, key=lambda c: (safe_values[r, c] == 0, safe_values[r, c], preference[c], c)):
                        trial = unpublished.copy()
                        trial[c] = True
                        if not _in_span(vectors[~trial], vectors[target]):
                            chosen = c
                            break
                    if chosen is None:
                        chosen = _pick(candidates, safe_values[r], np.zeros(cells))
                    hidden[r, chosen] = True
                    changed = True
        # columns: the last row is the total of the others
        if columns and rows > 1:
            for c in range(cells):
                while True:
                    unpublished = hidden[:, c] | unknown[:, c]
                    if unpublished.sum() != 1 or not hidden[:, c].any():
                        break
                    candidates = [r for r in range(rows) if not unpublished[r]]
                    if not candidates:
                        break
                    # the total row last
                    pref = np.zeros(rows)
                    pref[-1] = 1
                    key = lambda r, pref=pref, c=c: (pref[r], safe_values[r, c] == 0, safe_values[r, c], r)  # noqa: E731
                    hidden[min(candidates, key=key), c] = True
                    changed = True
    return hidden


def _has_row_relations(vectors):
    return np.linalg.matrix_rank(vectors) < vectors.shape[0] if len(vectors) else False


def _recoverable_in_row(vectors, unpublished, hidden):
    published = vectors[~unpublished]
    for c in np.nonzero(hidden)[0]:
        if _in_span(published, vectors[c]):
            return c
    return None


def protect_count_table(counts, minimum=3, row_totals=True, column_totals=True):
    """Suppress a plain count table (rows x parts) published with its margins.

    Returns ``(table, mask)``, both (rows + 1) x (parts + 1) with the row totals in the last
    column and the column totals in the last row (margins absent when switched off).
    """
    counts = np.asarray(counts, dtype=float)
    r, c = counts.shape
    table = counts
    if row_totals:
        table = np.column_stack([table, table.sum(axis=1)])
    if column_totals:
        table = np.vstack([table, table.sum(axis=0)])
    vectors = np.eye(c)
    if row_totals:
        vectors = np.vstack([vectors, np.ones((1, c))])
    hidden = primary_mask(table, minimum)
    preference = np.zeros(vectors.shape[0])
    if row_totals:
        preference[-1] = 1
    mask = secondary_suppression(table, hidden, vectors, column_totals, preference=preference)
    return table, mask


def recoverable_cells(table, mask, row_totals=True, column_totals=True):
    """An attacker's view: cells found by repeatedly solving rows/columns with one unknown."""
    table = np.asarray(table, dtype=float)
    known = ~np.asarray(mask, dtype=bool)
    found = set()
    rows, cols = table.shape
    groups = []
    if row_totals:
        groups += [[(r, c) for c in range(cols)] for r in range(rows)]
    if column_totals:
        groups += [[(r, c) for r in range(rows)] for c in range(cols)]
    progress = True
    while progress:
        progress = False
        for group in groups:
            unknown = [cell for cell in group if not known[cell]]
            if len(unknown) == 1:
                known[unknown[0]] = True
                found.add(unknown[0])
                progress = True
    return sorted(found)


# --- indicator tables ------------------------------------------------------------------------


@dataclass
class ProtectedTable:
    """``values`` / ``total``: indicators with suppressed cells NaN; ``mask`` / ``total_mask``:
    True where suppressed; ``reasons``: (space, indicator, reason) with reason primary,
    secondary, derived (a rate of a hidden count) or small_space; ``cells`` / ``cell_mask``:
    the count cells (rows = spaces + total) the suppression worked on."""

    catalogue: object
    values: pd.DataFrame
    mask: pd.DataFrame
    total: pd.DataFrame
    total_mask: pd.DataFrame
    reasons: pd.DataFrame
    cells: pd.DataFrame
    cell_mask: pd.DataFrame
    minimum: int
    rounding: int | None
    min_population: float


def _cell_vectors(table: IndicatorTable):
    """Distinct count cells of the confidential indicators and their vectors over base fields."""
    catalogue = table.catalogue
    # part_of: a whole (single field) is the sum of its parts' expressions
    substitute = {}
    for indicator in catalogue:
        if indicator.part_of:
            whole = catalogue[indicator.part_of]
            if len(whole.numerator.terms) == 1 and whole.numerator.terms[0][0] == 1:
                substitute.setdefault(whole.numerator.terms[0][1], []).extend(indicator.numerator.terms)

    def vector_of(expression):
        vec = {}

        def add(name, sign, depth=0):
            if name in substitute and depth < 5:
                for s, part in substitute[name]:
                    add(part, sign * s, depth + 1)
            else:
                vec[name] = vec.get(name, 0) + sign

        for sign, name in expression.terms:
            add(name, sign)
        return tuple(sorted((k, v) for k, v in vec.items() if v != 0))

    cells = {}  # vector -> (key, expression)
    for indicator in catalogue:
        if not indicator.confidential or indicator.kind == "mean":
            continue
        exprs = [indicator.numerator]
        if indicator.kind in ("rate", "ratio") and indicator.denominator is not None:
            exprs.append(indicator.denominator)
        for expr in exprs:
            cells.setdefault(vector_of(expr), (expr.key, expr))
    return cells, vector_of


def protect(table: IndicatorTable, *, minimum=3, secondary=True, rounding=None, min_population=300,
            population_field="pop_total"):
    """Apply the confidentiality rules to an :class:`IndicatorTable` (see the module text)."""
    if minimum is not None and minimum < 1:
        raise ParameterError("minimum", minimum, "must be at least 1 (or None to switch suppression off)")
    if rounding is not None and rounding < 1:
        raise ParameterError("rounding", rounding, "must be a positive integer or None")
    catalogue = table.catalogue
    spaces = table.values.index
    cell_map, vector_of = _cell_vectors(table)
    keys = [key for key, _ in cell_map.values()]
    base = sorted({name for vec in cell_map for name, _ in vec})
    vectors = np.zeros((len(cell_map), len(base)))
    for k, vec in enumerate(cell_map):
        for name, coef in vec:
            vectors[k, base.index(name)] = coef
    n_rows = len(spaces) + 1
    cell_values = np.full((n_rows, len(keys)), np.nan)
    for k, (_key, expr) in enumerate(cell_map.values()):
        per_space, total = table.expression_sums(expr)
        cell_values[:-1, k] = per_space.to_numpy(dtype=float)
        cell_values[-1, k] = total
    unknown = np.isnan(cell_values)
    if minimum is not None and len(keys):
        primary = primary_mask(cell_values, minimum)
        hidden = primary.copy()
        if secondary:
            preference = np.array([len(vec) for vec in cell_map], dtype=float)  # wholes last
            hidden = secondary_suppression(cell_values, hidden, vectors, True, unknown, preference)
    else:
        primary = np.zeros_like(unknown)
        hidden = primary.copy()
    row_index = list(spaces) + [TOTAL]
    hidden_frame = pd.DataFrame(hidden, index=pd.Index(row_index, dtype=object), columns=keys)
    primary_frame = pd.DataFrame(primary, index=hidden_frame.index, columns=keys)
    key_of_vector = {vec: key for vec, (key, _) in cell_map.items()}

    all_values = pd.concat([table.values, table.total])
    all_values.index = pd.Index(row_index, dtype=object)
    mask = pd.DataFrame(False, index=all_values.index, columns=all_values.columns)
    reasons = []
    population = None
    if min_population:
        if population_field not in table.field_sums.columns:
            raise ParameterError(
                "population_field", population_field,
                "is not a field of the catalogue; name the residents field or set min_population to 0",
            )
        population = pd.concat([table.field_sums[population_field],
                                pd.Series([table.total_field_sums[population_field]], index=[TOTAL])])
        population.index = all_values.index
    for indicator in catalogue:
        exprs = [indicator.numerator] if indicator.kind != "mean" else [indicator.weight]
        if indicator.kind in ("rate", "ratio") and indicator.denominator is not None:
            exprs.append(indicator.denominator)
        own = key_of_vector.get(vector_of(indicator.numerator)) if indicator.kind == "count" else None
        col = np.zeros(n_rows, dtype=bool)
        for expr in exprs:
            key = key_of_vector.get(vector_of(expr))
            if key is not None:
                col |= hidden_frame[key].to_numpy()
        for r in np.nonzero(col)[0]:
            if own is not None:
                reason = "primary" if primary_frame[own].iat[r] else "secondary"
            else:
                reason = "derived"
            reasons.append((row_index[r], indicator.id, reason))
        if population is not None and indicator.kind in RATE_KINDS:
            residents = population.to_numpy(dtype=float)
            # a space where nobody lives has no one to protect: its rates are "x" (cannot be computed)
            # and its density 0, not "." (an outside check: an empty drawn space read as secret)
            uninhabited = residents <= 0
            small = (residents < min_population) & ~col & ~uninhabited
            small[-1] = False  # the municipal total row always has its rates
            for r in np.nonzero(small)[0]:
                reasons.append((row_index[r], indicator.id, "small_space"))
            col |= small
        mask[indicator.id] = col
    published = all_values.mask(mask)
    if rounding:
        counts = [i.id for i in catalogue if i.kind == "count"]
        body = published.iloc[:-1][counts]
        published.loc[published.index[:-1], counts] = (np.round(body / rounding) * rounding).to_numpy()
    values = published.iloc[:-1].copy()
    values.index = spaces
    value_mask = mask.iloc[:-1].copy()
    value_mask.index = spaces
    cells = pd.DataFrame(cell_values, index=hidden_frame.index, columns=keys)
    return ProtectedTable(
        catalogue=catalogue, values=values, mask=value_mask, total=published.iloc[-1:], total_mask=mask.iloc[-1:],
        reasons=pd.DataFrame(reasons, columns=["space", "indicator", "reason"], dtype=object),
        cells=cells, cell_mask=hidden_frame, minimum=minimum, rounding=rounding, min_population=min_population,
    )
