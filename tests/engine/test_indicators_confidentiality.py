"""Confidentiality: primary and secondary suppression, small spaces, rounding, formatting."""
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from sozialraum.engine.indicators.aggregate import aggregate
from sozialraum.engine.indicators.catalogue import default_catalogue
from sozialraum.engine.indicators.confidentiality import (
    protect,
    protect_count_table,
    recoverable_cells,
)
from sozialraum.engine.indicators.synthetic import synthetic_blocks

tables = st.tuples(st.integers(1, 7), st.integers(1, 6)).flatmap(
    lambda shape: arrays(np.int64, shape, elements=st.integers(0, 12))
)


@settings(max_examples=300, deadline=None)
@given(tables, st.integers(2, 5))
def test_no_suppressed_cell_recoverable_by_row_or_column_differences(counts, minimum):
    table, mask = protect_count_table(counts, minimum=minimum)
    assert np.array_equal(table[:-1, :-1], counts)
    # every small count is suppressed, and nothing can be recovered by differences
    assert mask[(table > 0) & (table < minimum)].all()
    assert recoverable_cells(table, mask) == []
    for line in list(mask) + list(mask.T):
        assert line.sum() != 1


@settings(max_examples=100, deadline=None)
@given(tables)
def test_row_only_tables(counts):
    table, mask = protect_count_table(counts, column_totals=False)
    assert recoverable_cells(table, mask, column_totals=False) == []


def test_hand_made_table():
    # the 2 needs a complement in its row and in its column; the smallest ones are taken
    counts = np.array([[2, 10, 7], [5, 20, 30], [9, 40, 50]])
    table, mask = protect_count_table(counts)
    assert mask[0, 0] and mask[0, 2] and mask[1, 0] and mask[1, 2]
    assert mask.sum() == 4


def small_town(max_population=60, n=800, spaces=60, seed=2):
    blocks = synthetic_blocks(n, seed, max_population=max_population)
    blocks["area_m2"] = 10000.0
    blocks["space"] = np.array([f"S{i % spaces:03d}" for i in range(n)], dtype=object)
    return aggregate(blocks, default_catalogue(), "space")


def attacker_recovers(table, protected):
    """Per row, solve the published linear relations (counts, rate x denominator, age sums)."""
    cat = table.catalogue
    ages = ["pop_u6", "pop_6_14", "pop_15_17", "pop_18_24", "pop_25_64", "pop_65plus"]

    def vec(expr, base):
        v = np.zeros(len(base))
        for sign, name in expr.terms:
            if name == "pop_total":
                v[[base.index(a) for a in ages]] += sign
            else:
                v[base.index(name)] += sign
        return v

    base = sorted({n for i in cat if i.confidential and i.kind != "mean" for n in i.fields
                   if n not in ("pop_total", "area_m2")} | set(ages))
    values = pd.concat([protected.values, protected.total])
    found = []
    for space, row in values.iterrows():
        published = []
        for ind in cat:
            if ind.kind == "count" and not np.isnan(row[ind.id]) and ind.confidential:
                published.append(vec(ind.numerator, base))
            if ind.kind in ("rate", "ratio") and not np.isnan(row[ind.id]) and ind.confidential:
                # a published rate with its published denominator gives the numerator
                published.append(vec(ind.numerator, base) - 0 * vec(ind.denominator, base))
        published_rows = np.array(published) if published else np.zeros((0, len(base)))
        for ind in cat:
            if ind.kind == "count" and ind.confidential and np.isnan(row[ind.id]):
                target = vec(ind.numerator, base)
                if len(published_rows):
                    coef, *_ = np.linalg.lstsq(published_rows.T, target, rcond=None)
                    if np.linalg.norm(published_rows.T @ coef - target) < 1e-8:
                        found.append((space, ind.id))
    return found


def test_indicator_table_suppression_rules():
    table = small_town()
    protected = protect(table, min_population=0)
    cat = table.catalogue
    counts = [i.id for i in cat if i.kind == "count" and i.confidential]
    all_values = pd.concat([table.values, table.total])
    all_mask = pd.concat([protected.mask, protected.total_mask])
    small = (all_values[counts] > 0) & (all_values[counts] < 3)
    assert small.to_numpy().any()
    assert all_mask[counts].to_numpy()[small.to_numpy()].all()
    # zeros are published
    zero = (all_values[counts] == 0).to_numpy()
    assert not all_mask[counts].to_numpy()[zero & ~all_mask[counts].to_numpy()].any()
    # columns: never exactly one hidden value among the spaces and the total
    for c in counts:
        assert all_mask[c].sum() != 1
    # a rate of a hidden count is hidden
    for ind in cat:
        if ind.kind == "rate" and ind.numerator.text in counts:
            assert (all_mask[ind.id] | ~all_mask[ind.numerator.text]).all()
    # suppressed values are NaN in the data
    assert protected.values.isna().to_numpy()[protected.mask.to_numpy()].all()
    assert attacker_recovers(table, protected) == []
    reasons = set(protected.reasons.reason)
    assert {"primary", "secondary", "derived"} <= reasons


def test_small_spaces_get_no_rates_and_rounding_keeps_true_totals():
    table = small_town(max_population=200, spaces=40)
    protected = protect(table, rounding=3)
    pop = table.values["pop_total"]
    rates = [i.id for i in table.catalogue if i.kind != "count"]
    assert protected.mask.loc[pop < 300, rates].all().all()
    assert not protected.total_mask[rates].any().any()
    counts = [i.id for i in table.catalogue if i.kind == "count"]
    published = protected.values[counts].to_numpy()
    ok = ~np.isnan(published)
    assert np.all(np.mod(published[ok], 3) == 0)
    assert np.all(np.abs(published[ok] - table.values[counts].to_numpy()[ok]) <= 1.5)
    assert np.array_equal(protected.total[counts].to_numpy(), table.total[counts].to_numpy())


def test_switches():
    table = small_town()
    off = protect(table, minimum=None, min_population=0)
    assert not off.mask.to_numpy().any()
    with pytest.raises(Exception) as info:
        protect(table, population_field="einwohner")
    assert info.value.code == "parameter"


def test_a_space_without_residents_has_rates_that_cannot_be_computed_not_secret_ones():
    """Nobody lives there, so nothing is protected: its rates stay NaN without a mask ("x" on
    the sheets, not "."), while a small inhabited space's rates are still suppressed."""
    blocks = synthetic_blocks(200, 3, max_population=60)
    blocks["area_m2"] = 10000.0
    blocks["space"] = np.array(["A" if i < 100 else "B" for i in range(200)], dtype=object)
    empty = blocks.iloc[:3].copy()
    numeric = [c for c in empty.columns if c not in ("space", "block_id", "area_m2") and empty[c].dtype.kind in "if"]
    empty[numeric] = 0
    empty["space"] = "EMPTY"
    small = blocks.iloc[3:5].copy()
    small["space"] = "SMALL"
    table = aggregate(pd.concat([blocks.iloc[5:], empty, small], ignore_index=True), default_catalogue(), "space")
    protected = protect(table)
    rates = [i.id for i in table.catalogue if i.kind == "rate"]
    assert table.values.loc["EMPTY", rates].isna().all()
    assert not protected.mask.loc["EMPTY", rates + ["density"]].any()
    assert protected.values.loc["EMPTY", "density"] == 0
    assert not ((protected.reasons.space == "EMPTY") & (protected.reasons.reason == "small_space")).any()
    assert protected.mask.loc["SMALL", rates].all()
