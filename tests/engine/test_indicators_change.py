"""The council's change report data (engine/indicators/change.py): what changed per space and why,
and the crosswalk that recasts old space figures onto the new spaces."""
import numpy as np
import pandas as pd
import pytest

from sozialraum.engine.indicators import compare_divisions
from sozialraum.engine.indicators.change import BOUNDS, DECISION, NEIGHBOUR, NEW_BLOCKS, crosswalk, recast, space_changes


def blocks():
    # old: 1 (4 blocks), 2 (3 blocks), 3 (1 block, too small), one new block; new: 1 gives a block to 2,
    # 3 is merged into 2, the new block and a block of 2 form space 4
    return pd.DataFrame({
        "old": [1, 1, 1, 1, 2, 2, 2, 3, None],
        "new": [1, 1, 1, 2, 2, 2, 4, 2, 4],
        "pop_total": [100, 100, 100, 50, 200, 200, 300, 40, 500],
        "recipients": [10, 10, 10, 5, 40, 40, 60, 8, 50],
    })


def test_each_space_says_what_changed_and_why():
    frame = blocks()
    comparison = compare_divisions(frame, "old", "new")
    decisions = [{"from_spaces": "1", "to_spaces": "2", "reason": "school catchment", "author": "M. Meier", "time": "2026-11-30"}]
    rows = {row["space"]: row for row in space_changes(comparison, lower=100, upper=1000, decisions=decisions)}
    assert rows[1]["change"] == "changed" and rows[1]["to"] == {2: 50.0}
    assert (DECISION, "school catchment", "M. Meier, 2026-11-30") in rows[1]["reasons"]
    assert rows[2]["change"] == "changed" and rows[2]["from"] == {1: 50.0, 3: 40.0}
    assert rows[2]["to"] == {4: 300.0}
    assert (NEIGHBOUR, 3, 40.0) in rows[2]["reasons"]
    assert rows[4]["change"] == "split" and rows[4]["parent"] == 2
    # it had no residents before: its parent's 700 are the parent's (an outside check found them counted twice)
    assert rows[4]["population_before"] == 0.0 and rows[2]["population_before"] == 700.0
    assert (NEW_BLOCKS, None, 500.0) in rows[4]["reasons"]
    assert rows[3]["change"] == "dissolved" and rows[3]["merged_into"] == 2
    assert rows[3]["reasons"] == [(BOUNDS, 3, 40.0)]


def test_an_unchanged_division_is_kept_everywhere_without_reasons():
    frame = blocks().assign(new=lambda f: f["old"])
    rows = space_changes(compare_divisions(frame, "old", "new"), lower=0, upper=10**6)
    assert {row["change"] for row in rows} == {"kept"}
    assert all(row["reasons"] == [] for row in rows)


def test_the_crosswalk_recasts_counts_and_rates_like_aggregating_the_blocks():
    # the recipients are spread like the residents within each old space: recasting is exact
    frame = blocks()
    frame["recipients"] = frame["pop_total"] * frame["old"].map({1: 0.1, 2: 0.2, 3: 0.2}).fillna(0.1)
    comparison = compare_divisions(frame.fillna({"old": 0}).replace({"old": {0: None}}), "old", "new")
    table = crosswalk(comparison)
    assert table.groupby("old")["share_of_old"].sum().tolist() == pytest.approx([1.0] * 4)
    old_counts = frame.groupby("old")["recipients"].sum()
    direct = frame.dropna(subset=["old"]).groupby("new")["recipients"].sum()
    assert recast(table, old_counts, "count").reindex(direct.index).tolist() == pytest.approx(direct.tolist())
    old_rates = old_counts / frame.groupby("old")["pop_total"].sum()
    rates = recast(table, old_rates, "rate")
    known = frame.dropna(subset=["old"])
    direct_rate = known.groupby("new")["recipients"].sum() / known.groupby("new")["pop_total"].sum()
    assert rates[1] == pytest.approx(direct_rate[1]) and rates[2] == pytest.approx(direct_rate[2])
    assert np.isnan(rates[4])  # 500 of its 800 residents had no old space: no rate to recast


def test_an_unknown_kind_is_refused():
    with pytest.raises(ValueError, match="kind"):
        recast(crosswalk(compare_divisions(blocks(), "old", "new")), {1: 1.0}, "mean")


def test_a_space_dissolved_into_several_is_not_said_to_be_merged_into_one():
    from sozialraum.presentation.change_sections import change_sections

    # old 3 (90 residents) goes 40 to new 1, 30 to new 2 and 20 to new 4: "merged into 1" would hide two thirds
    frame = pd.DataFrame({"old": [1, 1, 2, 2, 4, 3, 3, 3], "new": [1, 1, 2, 2, 4, 1, 2, 4],
                          "pop_total": [100, 100, 100, 100, 300, 40, 30, 20]})
    rows = space_changes(compare_divisions(frame, "old", "new"), lower=10, upper=1000)

    def change_column(changes):
        return dict(change_sections(changes, None, None, lambda text: text, str))["What changed, space by space"]

    assert "dissolved, most residents to 1" in change_column(rows)
    single = space_changes(compare_divisions(frame.assign(new=[1, 1, 2, 2, 4, 1, 1, 1]), "old", "new"), lower=10, upper=1000)
    assert "dissolved, merged into 1" in change_column(single)
