"""Blocks -> one row per space with every catalogue indicator, plus the municipal total.

The rule of practice: sum numerators and denominators over the blocks of a space, then
divide. Never average the blocks' percentages. Computed with one sparse matrix product
(spaces x blocks) @ (blocks x fields), so 100,000 blocks x 50 indicators take well under
a second.

NULL handling: a NULL in a block field makes every indicator that reads the field NULL for
that block's space (reason ``missing_values``) unless ``null_as_zero=True``; a zero (or
NULL, or negative) denominator gives NULL with reason ``zero_denominator`` (``null_denominator``,
``negative_denominator``); never a division error.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from scipy import sparse

from ..errors import InvalidValueError, MissingFieldError, NegativeCountError, ParameterError
from .catalogue import AREA_FIELD, M2_PER_KM2, Catalogue, numeric_column

TOTAL = "total"
#: reason codes of NULL indicator values (``reasons`` tables; the plugin words them):
#: missing_values, zero_denominator, null_denominator, negative_denominator
_PRODUCT = "\x00wx:"  # internal column prefix: weight x value of a mean indicator


@dataclass
class BlockData:
    """The numeric fields a catalogue reads, as one float matrix (NULL = NaN)."""

    columns: list  # field names, then one product column per mean indicator
    matrix: np.ndarray  # (n_blocks, n_columns)
    ids: np.ndarray  # block ids for messages
    fields: list  # the raw fields (first len(fields) columns)


def prepare_blocks(blocks, catalogue: Catalogue, id_field=None, areas=None):
    """Check and extract the fields of ``catalogue`` from the blocks DataFrame.

    ``areas`` (block areas in m², e.g. from the geometry) fill the ``area_m2`` field when the
    table has no such column. Raises MissingFieldError / NonNumericFieldError /
    NegativeCountError / InvalidValueError naming fields, indicators and blocks.
    """
    if not isinstance(blocks, pd.DataFrame):
        raise ParameterError("blocks", type(blocks).__name__, "must be a pandas DataFrame")
    if id_field is not None and id_field not in blocks.columns:
        raise MissingFieldError(id_field)
    ids = blocks[id_field].to_numpy() if id_field is not None else blocks.index.to_numpy()
    catalogue.check_fields(blocks, area_field_optional=areas is not None)
    fields = catalogue.fields()
    n = len(blocks)
    matrix = np.empty((n, len(fields) + sum(1 for i in catalogue if i.kind == "mean")), dtype=float)
    for k, name in enumerate(fields):
        if name == AREA_FIELD and name not in blocks.columns:
            area = np.asarray(areas, dtype=float)
            if area.shape != (n,):
                raise ParameterError("areas", f"{area.shape}", f"needs one area per block ({n})")
            matrix[:, k] = area
        else:
            matrix[:, k] = numeric_column(blocks[name], name, catalogue.users(name))
    column_of = {name: k for k, name in enumerate(fields)}
    # non-finite and negative values
    count_fields = set()
    for indicator in catalogue:
        count_fields.update(indicator.count_fields)
    for name in fields:
        col = matrix[:, column_of[name]]
        infinite = np.isinf(col)
        if infinite.any():
            raise InvalidValueError(name, ids[infinite].tolist())
        if name in count_fields:
            negative = col < 0
            if negative.any():
                raise NegativeCountError(name, ids[negative].tolist(), catalogue.users(name))
    columns = list(fields)
    k = len(fields)
    for indicator in catalogue:
        if indicator.kind == "mean":
            value = expression_values(matrix, column_of, indicator.numerator)
            weight = expression_values(matrix, column_of, indicator.weight)
            matrix[:, k] = value * weight
            columns.append(_PRODUCT + indicator.id)
            k += 1
    return BlockData(columns, matrix, ids, fields)


def expression_values(matrix, column_of, expression):
    """Signed sum of the expression's columns (rows of ``matrix``); NaN propagates."""
    out = np.zeros(matrix.shape[0], dtype=float)
    for sign, name in expression.terms:
        out = out + sign * matrix[:, column_of[name]]
    return out


def group_sums(matrix, codes, n_groups):
    """(sums with NULL as 0, number of NULLs) per group; codes < 0 are left out."""
    keep = codes >= 0
    rows = codes[keep]
    cols = np.nonzero(keep)[0]
    member = sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(n_groups, matrix.shape[0]))
    nulls = np.isnan(matrix)
    sums = np.asarray(member @ np.where(nulls, 0.0, matrix))
    null_counts = np.asarray(member @ nulls.astype(float))
    return sums, null_counts


@dataclass
class IndicatorTable:
    """Indicators per space (rows) and for the whole municipality (``total``, one row).

    ``values``: the indicator values (NaN = NULL); ``numerators`` / ``denominators``: the
    summed numerator and denominator of each indicator (for a mean: Σ w·x and Σ w; for a
    density: Σ count and Σ area in m²; for a count the denominator is NaN); ``reasons``: one
    row per NULL value (space, indicator, reason, blocks); ``field_sums``: every field summed
    per space (NaN where a block is NULL).
    """

    catalogue: Catalogue
    space_field: str
    values: pd.DataFrame
    numerators: pd.DataFrame
    denominators: pd.DataFrame
    reasons: pd.DataFrame
    field_sums: pd.DataFrame
    n_blocks: pd.Series
    total: pd.DataFrame
    total_numerators: pd.DataFrame
    total_denominators: pd.DataFrame
    total_reasons: pd.DataFrame
    total_field_sums: pd.Series
    unassigned_blocks: list = field(default_factory=list)

    @property
    def spaces(self):
        return self.values.index

    def expression_sums(self, expression):
        """(per-space Series, total) of a numerator/denominator expression; NaN if a term is NULL."""
        per_space = pd.Series(0.0, index=self.values.index)
        total = 0.0
        for sign, name in expression.terms:
            per_space = per_space + sign * self.field_sums[name]
            total = total + sign * self.total_field_sums[name]
        return per_space, float(total)

    def labelled(self, lang="en", include_total=False):
        """Values with columns named by the catalogue labels (German with lang='de')."""
        frame = pd.concat([self.values, self.total]) if include_total else self.values
        return frame.rename(columns=self.catalogue.labels(lang))


def indicators_from_sums(catalogue, columns, sums, null_counts, index):
    """Indicator values from summed fields (shared by aggregate and interpolate).

    ``sums`` / ``null_counts``: (n_rows, n_columns) arrays over ``columns`` (as built by
    :func:`prepare_blocks`). Returns (values, numerators, denominators, reasons) with
    ``reasons`` a list of (row position, indicator, reason, blocks).
    """
    column_of = {name: k for k, name in enumerate(columns)}
    n_rows = sums.shape[0]
    values = np.full((n_rows, len(catalogue)), np.nan)
    numerators = np.full_like(values, np.nan)
    denominators = np.full_like(values, np.nan)
    reasons = []

    def summed(expression):
        total = np.zeros(n_rows)
        nulls = np.zeros(n_rows)
        for sign, name in expression.terms:
            total = total + sign * sums[:, column_of[name]]
            nulls = nulls + null_counts[:, column_of[name]]
        return total, nulls

    with np.errstate(divide="ignore", invalid="ignore"):
        for k, indicator in enumerate(catalogue):
            if indicator.kind == "mean":
                num = sums[:, column_of[_PRODUCT + indicator.id]]
                num_nulls = null_counts[:, column_of[_PRODUCT + indicator.id]]
                den, den_nulls = summed(indicator.weight)
            else:
                num, num_nulls = summed(indicator.numerator)
                if indicator.denominator is not None:
                    den, den_nulls = summed(indicator.denominator)
                else:
                    den, den_nulls = None, np.zeros(n_rows)
            missing = (num_nulls > 0) | (den_nulls > 0)
            numerators[:, k] = np.where(num_nulls > 0, np.nan, num)
            if indicator.kind == "count":
                value = num * indicator.factor
                bad = np.zeros(n_rows, dtype=bool)
            else:
                denominators[:, k] = np.where(den_nulls > 0, np.nan, den)
                scale = indicator.factor * (M2_PER_KM2 if indicator.kind == "density" else 1.0)
                bad = den <= 0
                value = np.where(bad, np.nan, num / np.where(bad, 1.0, den) * scale)
            value = np.where(missing, np.nan, value)
            values[:, k] = value
            for row in np.nonzero(missing)[0]:
                reasons.append((row, indicator.id, "missing_values", int(num_nulls[row] + den_nulls[row])))
            if indicator.kind != "count":
                for row in np.nonzero(bad & ~missing)[0]:
                    reason = "zero_denominator" if den[row] == 0 else "negative_denominator"
                    reasons.append((row, indicator.id, reason, 0))
    ids = catalogue.ids
    return (
        pd.DataFrame(values, index=index, columns=ids),
        pd.DataFrame(numerators, index=index, columns=ids),
        pd.DataFrame(denominators, index=index, columns=ids),
        reasons,
    )


def _reason_frame(reasons, index, with_space=True):
    rows = [(index[r], ind, reason, blocks) for r, ind, reason, blocks in reasons]
    frame = pd.DataFrame(rows, columns=["space", "indicator", "reason", "blocks"])
    frame["space"] = frame["space"].astype(object)
    frame["indicator"] = frame["indicator"].astype(object)
    frame["reason"] = frame["reason"].astype(object)
    return frame if with_space else frame.drop(columns="space")


def build_table(catalogue, space_field, columns, fields, sums, null_counts, index, n_blocks,
                total_sums, total_nulls, unassigned=(), null_as_zero=False):
    """Assemble an :class:`IndicatorTable` from group sums (used by aggregate and interpolate)."""
    if null_as_zero:
        null_counts = np.zeros_like(null_counts)
        total_nulls = np.zeros_like(total_nulls)
    values, numerators, denominators, reasons = indicators_from_sums(catalogue, columns, sums, null_counts, index)
    total_index = pd.Index([TOTAL])
    t_values, t_num, t_den, t_reasons = indicators_from_sums(
        catalogue, columns, total_sums[None, :], total_nulls[None, :], total_index
    )
    nf = len(fields)
    field_sums = pd.DataFrame(np.where(null_counts[:, :nf] > 0, np.nan, sums[:, :nf]), index=index, columns=fields)
    total_field_sums = pd.Series(np.where(total_nulls[:nf] > 0, np.nan, total_sums[:nf]), index=fields, dtype=float)
    return IndicatorTable(
        catalogue=catalogue, space_field=space_field, values=values, numerators=numerators,
        denominators=denominators, reasons=_reason_frame(reasons, index), field_sums=field_sums,
        n_blocks=pd.Series(n_blocks, index=index, name="n_blocks"), total=t_values, total_numerators=t_num,
        total_denominators=t_den, total_reasons=_reason_frame(t_reasons, total_index, with_space=False),
        total_field_sums=total_field_sums, unassigned_blocks=list(unassigned),
    )


def aggregate(blocks, catalogue: Catalogue, space_field, *, id_field=None, areas=None, null_as_zero=False):
    """Every catalogue indicator per space of ``space_field`` and for the whole municipality.

    ``blocks``: DataFrame with the catalogue's fields and the space field (blocks whose space
    is NULL count for the municipal total only and are listed in ``unassigned_blocks``).
    ``id_field`` names blocks in messages (default: the index). ``areas``: block areas in m²
    used as ``area_m2`` when the table has no such column. ``null_as_zero``: treat NULL field
    values as 0 instead of making the affected indicators NULL.
    Rows are sorted by space id.
    """
    if space_field not in getattr(blocks, "columns", ()):
        raise MissingFieldError(space_field)
    data = prepare_blocks(blocks, catalogue, id_field, areas)
    # factorize the plain values: on pandas 1.5 a Series of objects warns about dtype inference inside
    codes, uniques = pd.factorize(blocks[space_field].to_numpy(dtype=object), sort=True)
    codes = np.asarray(codes)
    index = pd.Index(list(uniques), name=space_field)  # a list: dtype inferred the same on pandas 1.5 to 3
    sums, null_counts = group_sums(data.matrix, codes, len(index))
    n_blocks = np.bincount(codes[codes >= 0], minlength=len(index))
    nulls = np.isnan(data.matrix)
    total_sums = np.where(nulls, 0.0, data.matrix).sum(axis=0)
    total_nulls = nulls.sum(axis=0).astype(float)
    unassigned = data.ids[codes < 0].tolist()
    return build_table(
        catalogue, space_field, data.columns, data.fields, sums, null_counts, index, n_blocks,
        total_sums, total_nulls, unassigned, null_as_zero,
    )
