"""Aggregation to spaces: every catalogue indicator against an independent pandas computation."""
import re

import numpy as np
import pandas as pd
import pytest

from sozialraum.engine.errors import MissingFieldError, NegativeCountError, NonNumericFieldError
from sozialraum.engine.indicators.aggregate import aggregate
from sozialraum.engine.indicators.catalogue import default_catalogue, parse_catalogue
from sozialraum.engine.indicators.synthetic import synthetic_blocks

HEADER = "id;label_en;label_de;kind;numerator;denominator;factor;weight_field\n"


def pandas_expr(frame, text):
    """Independent evaluation of 'a+b-c' on a DataFrame (test helper, regex split)."""
    total = 0
    for sign, name in re.findall(r"([+-]?)\s*([A-Za-z_]\w*)", text):
        total = total + (-1 if sign == "-" else 1) * frame[name].astype(float)
    return total


def reference(blocks, catalogue, space):
    """Sum numerators and denominators with pandas groupby, then divide."""
    out = {}
    for ind in catalogue:
        frame = pd.DataFrame({"space": blocks[space]})
        if ind.kind == "mean":
            frame["num"] = pandas_expr(blocks, ind.numerator.text) * pandas_expr(blocks, ind.weight.text)
            frame["den"] = pandas_expr(blocks, ind.weight.text)
        else:
            frame["num"] = pandas_expr(blocks, ind.numerator.text)
            frame["den"] = pandas_expr(blocks, ind.denominator.text) if ind.denominator is not None else 1.0
        sums = frame.groupby("space").sum()
        if ind.kind == "count":
            out[ind.id] = sums["num"] * ind.factor
        else:
            scale = 1e6 if ind.kind == "density" else 1.0
            out[ind.id] = (sums["num"] / sums["den"].where(sums["den"] != 0)) * ind.factor * scale
    return pd.DataFrame(out)


def blocks_with_spaces(n=600, seed=3, spaces=12):
    blocks = synthetic_blocks(n, seed)
    blocks["area_m2"] = np.random.default_rng(seed).uniform(2000, 20000, n)
    blocks["space"] = np.array([f"S{i % spaces:02d}" for i in range(n)], dtype=object)
    return blocks


def test_every_catalogue_indicator_matches_pandas():
    blocks = blocks_with_spaces()
    cat = default_catalogue()
    table = aggregate(blocks, cat, "space", id_field="block_id")
    expected = reference(blocks, cat, "space")
    pd.testing.assert_frame_equal(table.values, expected.reindex(columns=cat.ids), check_names=False, rtol=1e-12)
    blocks["one"] = "all"
    total = reference(blocks, cat, "one")
    assert np.allclose(table.total.to_numpy(), total.to_numpy(), rtol=1e-12, equal_nan=True)
    assert table.n_blocks.sum() == len(blocks)
    assert table.reasons.empty


def test_sample_town_indicators_match_pandas():
    sampletown = pytest.importorskip("sozialraum.engine.sampletown")
    town = sampletown.generate_town(n_blocks=800, seed=7)
    blocks = town.blocks.frame.copy()
    areas = np.array([g.area for g in town.blocks.geometries])
    cat = default_catalogue()
    table = aggregate(blocks, cat, "district", areas=areas)
    blocks["area_m2"] = areas
    expected = reference(blocks, cat, "district")
    assert np.allclose(table.values.to_numpy(), expected.reindex(index=table.values.index, columns=cat.ids).to_numpy(),
                       rtol=1e-12, equal_nan=True)
    # rates are not the mean of block rates
    share = blocks.pop_u6 / blocks.pop_total.where(blocks.pop_total > 0)
    naive = share.groupby(blocks.district).mean() * 100
    assert not np.allclose(naive.to_numpy(), table.values["share_u6"].to_numpy())


def test_weighted_mean_and_factor():
    cat = parse_catalogue(HEADER + "m;Mean;Mittel;mean;storeys;;;dwellings\npm;Per mille;Promille;rate;a;b;1000;\n")
    blocks = pd.DataFrame({"s": ["x", "x", "y"], "storeys": [2.0, 5.0, 3.0], "dwellings": [10, 30, 0],
                           "a": [1, 2, 0], "b": [100, 200, 0]})
    table = aggregate(blocks, cat, "s")
    assert table.values.loc["x", "m"] == pytest.approx((2 * 10 + 5 * 30) / 40)
    assert table.values.loc["x", "pm"] == pytest.approx(10.0)
    assert np.isnan(table.values.loc["y", "m"]) and np.isnan(table.values.loc["y", "pm"])
    reasons = set(map(tuple, table.reasons[["space", "indicator", "reason"]].to_numpy().tolist()))
    assert reasons == {("y", "m", "zero_denominator"), ("y", "pm", "zero_denominator")}


def test_null_values_give_null_with_reason_or_zero_on_request():
    cat = parse_catalogue(HEADER + "r;Rate;Quote;rate;a;b;;\nc;Count;Anzahl;count;a;;;\n")
    blocks = pd.DataFrame({"s": ["x", "x", "y"], "a": [1.0, np.nan, 1.0], "b": [10.0, 10.0, np.nan]})
    table = aggregate(blocks, cat, "s")
    assert np.isnan(table.values.loc["x", "r"]) and np.isnan(table.values.loc["x", "c"])
    assert np.isnan(table.values.loc["y", "r"]) and table.values.loc["y", "c"] == 1
    assert set(table.reasons.reason) == {"missing_values"}
    lenient = aggregate(blocks, cat, "s", null_as_zero=True)
    assert lenient.values.loc["x", "r"] == pytest.approx(5.0)
    assert np.isnan(lenient.values.loc["y", "r"])  # 0 denominator
    assert lenient.reasons.reason.tolist() == ["zero_denominator"]


def test_blocks_without_space_count_for_the_total_only():
    blocks = blocks_with_spaces(100)
    blocks.loc[[3, 7], "space"] = None
    table = aggregate(blocks, default_catalogue(), "space", id_field="block_id")
    assert table.unassigned_blocks == [4, 8]
    assert table.total["pop_total"].iloc[0] == blocks.pop_total.sum()
    assert table.values["pop_total"].sum() == blocks.pop_total.sum() - blocks.pop_total[[3, 7]].sum()


def test_bad_input_is_named():
    blocks = blocks_with_spaces(50)
    cat = default_catalogue()
    with pytest.raises(MissingFieldError) as info:
        aggregate(blocks.drop(columns="sgb2_u15"), cat, "space")
    assert info.value.details["field"] == "sgb2_u15" and info.value.details["indicator"] == "sgb2_u15"
    with pytest.raises(MissingFieldError):
        aggregate(blocks, cat, "no_such_space")
    bad = blocks.copy()
    bad.loc[[5, 9], "unemployed"] = -1
    with pytest.raises(NegativeCountError) as info:
        aggregate(bad, cat, "space", id_field="block_id")
    assert info.value.details["field"] == "unemployed" and info.value.details["blocks"] == [6, 10]
    assert info.value.code == "negative_counts"
    bad = blocks.copy()
    bad["foreigners"] = bad["foreigners"].astype(str)
    with pytest.raises(NonNumericFieldError) as info:
        aggregate(bad, cat, "space")
    assert info.value.details["field"] == "foreigners"


def test_speed_smoke_20k_blocks():
    blocks = blocks_with_spaces(20000, spaces=100)
    table = aggregate(blocks, default_catalogue(), "space")
    assert len(table.values) == 100
