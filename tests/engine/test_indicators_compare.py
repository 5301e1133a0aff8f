"""Comparison of two divisions on hand-made cases."""
import numpy as np
import pandas as pd
import pytest
from sklearn.metrics import adjusted_rand_score

from sozialraum.engine.errors import MissingFieldError
from sozialraum.engine.indicators.compare import adjusted_rand_from_contingency, compare_divisions


def blocks():
    return pd.DataFrame({
        "block_id": [1, 2, 3, 4, 5, 6],
        "old": ["A", "A", "A", "B", "B", "C"],
        "new": ["A", "A", "B", "B", "B", "D"],
        "pop_total": [100, 200, 50, 300, 10, 40],
    })


def test_moves_flows_and_summary():
    result = compare_divisions(blocks(), "old", "new", id_field="block_id")
    assert result.moved[["block", "from", "to", "population"]].values.tolist() == [[3, "A", "B", 50], [6, "C", "D", 40]]
    assert result.summary["blocks_moved"] == 2 and result.summary["population_moved"] == 90
    assert result.summary["new_only"] == ["D"] and result.summary["dissolved"] == ["C"]
    assert result.overlap.loc["A", "B"] == 50 and result.overlap.loc["C", "D"] == 40
    assert result.spaces.loc["B", "population_gained"] == 50 and not result.spaces.loc["A", "unchanged"]
    assert result.ari_blocks == pytest.approx(adjusted_rand_score(blocks().old, blocks().new))


def test_identical_divisions_and_renamed_spaces():
    frame = blocks()
    same = compare_divisions(frame, "old", "old")
    assert same.moved.empty and same.ari_blocks == 1.0 and same.ari_population == 1.0
    assert same.summary["unchanged_spaces"] == 3
    frame["renamed"] = frame.old.map({"A": "x1", "B": "x2", "C": "x3"})
    renamed = compare_divisions(frame, "old", "renamed")
    assert renamed.summary["match"] == "overlap" and renamed.moved.empty
    assert renamed.matching == {"x1": "A", "x2": "B", "x3": "C"}


def test_population_weighted_ari_equals_ari_over_residents():
    frame = blocks()
    result = compare_divisions(frame, "old", "new")
    old = np.repeat(frame.old.to_numpy(), frame.pop_total)
    new = np.repeat(frame.new.to_numpy(), frame.pop_total)
    assert result.ari_population == pytest.approx(adjusted_rand_score(old, new))
    table = pd.crosstab(frame.old, frame.new).to_numpy()
    assert adjusted_rand_from_contingency(table) == pytest.approx(adjusted_rand_score(frame.old, frame.new))


def test_unassigned_and_missing_fields():
    frame = blocks()
    frame.loc[5, "new"] = None
    result = compare_divisions(frame, "old", "new")
    assert result.moved.iloc[-1]["to"] == "(none)"
    with pytest.raises(MissingFieldError):
        compare_divisions(frame, "old", "newer")
