"""The consultation session (engine/consultation/session.py): operations, records, locks, status, errors."""
import numpy as np
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from session_recount import recount

from sozialraum.engine.consultation.session import ConsultationSession, next_label
from sozialraum.engine.consultation.sessionrecords import ABOVE, BELOW, NOT_CONTIGUOUS, WITHIN
from sozialraum.engine.errors import (
    DuplicateIdError,
    LockedSpaceError,
    NotAdjacentError,
    ParameterError,
    SozialraumError,
    SplitError,
    StaleChangeError,
    UnknownBlockError,
    UnknownSpaceError,
)
from sozialraum.engine.objective import block_weights, group_ssd
from sozialraum.engine.spatial.graph import Graph, is_connected

from .grids import grid_graph

ROWS, COLS = 4, 6


def session(lower=300.0, upper=1200.0, locked=(), labels=None, weighted=True, population=None):
    """4 x 6 grid, blocks 'b0'..'b23' (block r * 6 + c); west half (columns 0-2) 'A', east half 'B'."""
    rng = np.random.default_rng(0)
    drawn = rng.integers(10, 100, ROWS * COLS).astype(float)
    population = drawn if population is None else np.asarray(population, dtype=float)
    values = rng.normal(size=(ROWS * COLS, 3))
    if labels is None:
        labels = ["A" if c < 3 else "B" for r in range(ROWS) for c in range(COLS)]
    ids = [f"b{i}" for i in range(ROWS * COLS)]
    return ConsultationSession(ids, population, values, grid_graph(ROWS, COLS), labels, lower, upper, locked=locked,
                               weight_by_population=weighted), population, values


def assert_matches_recount(s):
    statuses, summary = recount(s)
    assert [x.space for x in s.statuses()] == [x.space for x in statuses]
    for mine, fresh in zip(s.statuses(), statuses):
        assert (mine.blocks, mine.bound, mine.parts, mine.locked) == (fresh.blocks, fresh.bound, fresh.parts, fresh.locked)
        assert mine.population == pytest.approx(fresh.population)
        assert mine.ssd == pytest.approx(fresh.ssd, abs=1e-9 * max(1.0, summary.tss))
    mine = s.summary()
    assert (mine.spaces, mine.blocks, mine.below, mine.above, mine.not_contiguous, mine.problems, mine.locked) == (
        summary.spaces, summary.blocks, summary.below, summary.above, summary.not_contiguous, summary.problems, summary.locked)
    assert mine.ssd == pytest.approx(summary.ssd, abs=1e-9 * max(1.0, summary.tss))


def test_status_matches_the_objective_weighted_and_not():
    for weighted in (True, False):
        s, population, values = session(weighted=weighted)
        a = np.array([i for i in range(ROWS * COLS) if i % COLS < 3])
        status = s.status("A")
        weights = block_weights(population)[a] if weighted else None
        assert status.population == population[a].sum() and status.blocks == len(a)
        assert status.ssd == pytest.approx(group_ssd(values[a], weights))
        assert status.bound == WITHIN and status.contiguous and not status.problems
        assert_matches_recount(s)


def test_move_returns_a_record_that_reverts_and_reapplies_exactly():
    s, population, _ = session()
    labels = s.labels()
    change = s.move(["b3", "b9", "b3", "b0"], "A")  # b3 twice, b0 already in A: moved once, skipped
    assert change.kind == "move" and change.blocks == ("b3", "b9")
    assert change.before == ("B", "B") and change.after == ("A", "A")
    assert change.population == population[[3, 9]].sum()
    assert [(f.source, f.target, f.blocks, f.population) for f in change.flows] == [("B", "A", 2, change.population)]
    assert change.affected == ("A", "B")
    assert [x.population for x in change.status_after] == [s.status("A").population, s.status("B").population]
    assert change.status_before[0].population + change.population == change.status_after[0].population
    assert_matches_recount(s)
    after = s.labels()
    s.revert(change)
    assert s.labels() == labels
    assert_matches_recount(s)
    s.apply(change)
    assert s.labels() == after
    with pytest.raises(StaleChangeError) as error:
        s.apply(change)  # already applied: the blocks are not where the record found them
    assert error.value.code == "stale_change" and error.value.details["blocks"] == ["b3", "b9"]


def test_a_stroke_over_the_targets_own_blocks_is_an_empty_change():
    s, _, _ = session()
    change = s.move(["b0", "b1"], "A")
    assert change.is_empty and change.blocks == () and change.affected == ()


def test_preview_gives_the_figures_the_move_will_give_and_changes_nothing():
    s, _, _ = session()
    labels = s.labels()
    preview = s.preview(["b3", "b9", "b15", "b21"], "A")  # column 3: B stays one part
    assert s.labels() == labels
    change = s.move(["b3", "b9", "b15", "b21"], "A")
    assert preview.status_after == change.status_after and preview.affected == change.affected
    assert preview.blocks == 4 and preview.population == change.population


def test_preview_and_status_report_broken_contiguity_and_bounds():
    s, _, _ = session(lower=400.0, upper=700.0, population=np.full(ROWS * COLS, 50.0))
    preview = s.preview(["b2", "b8", "b14", "b20"], "B")  # column 2 to B: A still one part
    assert all(x.contiguous for x in preview.status_after)
    preview = s.preview(["b3", "b9", "b15", "b21", "b5"], "A")  # column 3 and b5 to A: b5 cut off from A
    after = dict(zip(preview.affected, preview.status_after))
    assert after["A"].parts == 2 and NOT_CONTIGUOUS in after["A"].problems
    change = s.move(["b3", "b9", "b15", "b21", "b5"], "A")
    assert s.status("A").parts == 2
    assert {x.space for x in change.new_problems} >= {"A"}
    assert s.summary().not_contiguous == 1
    assert s.status("A").bound == ABOVE and s.status("B").bound == BELOW
    assert_matches_recount(s)


def test_locks_refuse_every_operation_that_touches_the_space():
    s, _, _ = session(locked=("B",))
    labels = s.labels()
    with pytest.raises(LockedSpaceError) as error:
        s.move(["b2", "b3"], "A")  # b3 leaves B
    assert error.value.code == "locked_space"
    assert error.value.details == {"space": "B", "spaces": ["B"], "blocks": ["b3"]}
    assert "'B' is locked" in str(error.value)
    with pytest.raises(LockedSpaceError):
        s.move(["b2"], "B")  # B would gain
    with pytest.raises(LockedSpaceError):
        s.merge("A", "B")
    with pytest.raises(LockedSpaceError):
        s.merge("B", "A")
    with pytest.raises(LockedSpaceError):
        s.split("B")
    with pytest.raises(LockedSpaceError):
        s.split_by_blocks("B", ["b5"])
    with pytest.raises(LockedSpaceError):
        s.new_space(["b5", "b2"])
    with pytest.raises(LockedSpaceError):
        s.move(["b5"], None)
    assert s.labels() == labels and s.spaces == ("A", "B")  # nothing changed, no label made
    preview = s.preview(["b2", "b3"], "A")
    assert preview.refused == ("b3",) and preview.refused_spaces == ("B",) and preview.blocks == 0
    assert s.preview(["b2"], "B").refused == ("b2",)


def test_lock_toggles_are_records_and_replays_respect_locks():
    s, _, _ = session()
    move = s.move(["b3"], "A")
    lock = s.set_locked("A")
    assert lock.kind == "lock" and lock.lock == ("A", False, True) and not lock.is_empty
    assert s.locked == frozenset({"A"}) and s.status("A").locked
    with pytest.raises(LockedSpaceError):
        s.revert(move)  # A is locked now: undo in the wrong order is refused, not applied behind the lock
    s.revert(lock)
    assert s.locked == frozenset()
    s.revert(move)
    assert s.space_of("b3") == "B"
    with pytest.raises(StaleChangeError):
        s.revert(lock)
    assert s.set_locked("A", False).is_empty


def test_merge_adjacent_only_and_revert_restores_the_space():
    labels = ["A"] * 6 + ["B"] * 6 + ["C"] * 12  # rows 0, 1, 2-3
    s, _, _ = session(labels=labels)
    assert s.neighbours_of("A") == ("B",) and s.neighbours_of("B") == ("A", "C")
    with pytest.raises(NotAdjacentError) as error:
        s.merge("A", "C")
    assert error.value.details == {"first": "A", "second": "C"}
    change = s.merge("B", "C")
    assert change.kind == "merge" and s.spaces == ("A", "B") and s.status("B").blocks == 18
    assert change.affected == ("B", "C") and not change.status_after[1].exists
    with pytest.raises(UnknownSpaceError):
        s.status("C")
    assert_matches_recount(s)
    s.revert(change)
    assert s.labels() == labels and s.spaces == ("A", "B", "C")
    with pytest.raises(ParameterError):
        s.merge("A", "A")


def test_split_is_balanced_contiguous_and_deterministic():
    graph = grid_graph(6, 8)
    n = graph.n
    population = np.full(n, 100.0)
    values = np.zeros((n, 1))
    values[np.arange(n) % 8 >= 4, 0] = 1.0  # east and west differ: the cut follows the middle
    s = ConsultationSession(range(n), population, values, graph, ["X"] * n, 1000.0, 4000.0)
    change = s.split("X")
    assert change.kind == "split" and s.spaces == ("X", "X 2")  # named after the space it came from
    first, second = (s.blocks_of(space) for space in s.spaces)
    assert sorted(first + second) == list(range(n))
    assert {c % 8 >= 4 for c in first} != {c % 8 >= 4 for c in second}
    for blocks in (first, second):
        assert is_connected(graph, np.array(blocks)) and s.status(s.space_of(blocks[0])).ssd == pytest.approx(0.0, abs=1e-9)
    again = ConsultationSession(range(n), population, values, graph, ["X"] * n, 1000.0, 4000.0)
    assert again.split("X") == change


def test_split_prefers_balance_within_the_bounds():
    graph = grid_graph(1, 10)  # a street of ten blocks
    population = np.full(10, 100.0)
    values = np.zeros((10, 1))
    values[9, 0] = 5.0  # the most homogeneous cut takes one block; balance asks for 3..7 of them
    s = ConsultationSession(range(10), population, values, graph, [7] * 10, 100.0, 1000.0)
    s.split(7)
    assert s.spaces == (7, 8)
    assert 300.0 <= s.status(8).population <= 500.0
    s2 = ConsultationSession(range(10), population, values, graph, [7] * 10, 100.0, 1000.0)
    s2.split(7, balance=None)  # the bounds alone: SSD decides
    assert s2.blocks_of(8) == (9,)


def test_split_refusals():
    labels = ["A" if c < 3 else "B" for r in range(ROWS) for c in range(COLS)]
    labels[5] = "C"
    s, _, _ = session(labels=labels)
    with pytest.raises(SplitError) as error:
        s.split("C")
    assert error.value.details["reason"] == "one_block"
    s.move(["b0"], "C")  # C: b0 and b5, two parts
    with pytest.raises(SplitError) as error:
        s.split("C")
    assert error.value.details["reason"] == "not_contiguous"
    with pytest.raises(SplitError) as error:
        s.split_by_blocks("A", ["b1", "b10"])
    assert error.value.details == {"space": "A", "reason": "outside_space", "blocks": ["b10"]}
    with pytest.raises(SplitError) as error:
        s.split_by_blocks("C", s.blocks_of("C"))
    assert error.value.details["reason"] == "empty_side"


def test_split_by_blocks_and_new_space_labels():
    s, _, _ = session(labels=[f"S{1 + (c >= 3):02d}" for r in range(ROWS) for c in range(COLS)])
    change = s.split_by_blocks("S01", ["b0", "b6"])
    assert change.after == ("S03", "S03") and s.spaces == ("S01", "S02", "S03")
    change = s.new_space(["b1", "b5"], label="north")
    assert s.blocks_of("north") == ("b1", "b5") and change.kind == "new_space"
    assert [(f.source, f.target) for f in change.flows] == [("S01", "north"), ("S02", "north")]
    with pytest.raises(ParameterError):
        s.new_space(["b2"], label="north")
    s.revert(change)
    with pytest.raises(UnknownSpaceError):
        s.status("north")


def test_parts_of_spaces_with_text_labels_are_named_after_their_space():
    """An outside check: splitting "9a" in a layer of labels "3a", "6a", ... wrote "new 1" into the
    data and the council report; the part is "9b", a new space takes the label of the space it
    takes most residents from."""
    s, population, _ = session(labels=["9a" if c < 3 else "3a" for r in range(ROWS) for c in range(COLS)], lower=0.0)
    change = s.split("9a")
    assert set(change.after) == {"9b"} and set(s.spaces) == {"9a", "3a", "9b"}
    east = [f"b{r * COLS + c}" for r in range(ROWS) for c in (3, 4)]
    change = s.new_space(east + ["b2"])
    assert set(change.after) == {"3b"}
    s.revert(change)
    west = [b for b in s.blocks_of("9a")][:1] + ["b3"]  # one block each: the one with more residents names it
    richer = max(west, key=lambda b: population[int(b[1:])])
    expected = "9c" if s.space_of(richer) == "9a" else "3b"
    assert set(s.new_space(west).after) == {expected}
    assert_matches_recount(s)


def test_blocks_without_a_space_and_moves_out():
    labels = ["A" if c < 3 else None for r in range(ROWS) for c in range(COLS)]
    labels[5] = float("nan")
    s, population, _ = session(labels=labels)
    assert s.spaces == ("A",) and s.space_of("b5") is None
    summary = s.summary()
    assert summary.unassigned_blocks == 12 and summary.unassigned_population == population[[i for i in range(24) if i % 6 >= 3]].sum()
    change = s.move(["b0"], None)
    assert change.after == (None,) and change.affected == ("A",)
    change = s.new_space(["b3", "b4"])
    assert change.after == ("new 1", "new 1")
    assert_matches_recount(s)


def test_next_label():
    assert next_label([3, 1, None]) == 4
    assert next_label([2.0, 5.0]) == 6.0
    assert next_label(["S07", "S12"]) == "S13"
    assert next_label(["7", "9"]) == "10"
    assert next_label(["Nord", "Süd"]) == "new 1"
    assert next_label(["new 1", "x"]) == "new 2"
    assert next_label(["Nord", "Süd"], word="neu") == "neu 1"
    # a part of a space with text labels says where it came from (an outside check: "new 1" in
    # the data and the council report for a split of "9a")
    assert next_label(["3a", "6a", "9a"], parent="9a") == "9b"
    assert next_label(["3a", "9a", "9b"], parent="9a") == "9c"
    assert next_label(["3a", "31"], parent="31") == "31a"
    assert next_label(["03-12a", "03-14"], parent="03-12a") == "03-12b"
    assert next_label(["Nord", "Süd"], parent="Nord") == "Nord 2"
    assert next_label(["Nord", "Nord 2", "Süd"], parent="Nord") == "Nord 3"
    assert next_label(["S07", "S12"], parent="S07") == "S13"  # a numbered pattern wins
    assert next_label([3, 7], parent=3) == 8
    assert next_label([]) == 1


def test_numpy_labels_and_ids_are_plain_values():
    graph = grid_graph(2, 2)
    s = ConsultationSession(np.arange(4), np.ones(4), np.zeros((4, 1)), graph, np.array([1, 1, 2, 2]), 0, 10)
    assert s.spaces == (1, 2) and type(s.spaces[0]) is int
    change = s.move([np.int64(0)], np.int64(2))
    assert change.blocks == (0,) and type(change.blocks[0]) is int and change.after == (2,)


def test_bad_input_is_named():
    graph = grid_graph(2, 2)
    ok = dict(block_ids=range(4), population=np.ones(4), attributes=np.zeros((4, 1)), graph=graph, spaces=[1] * 4,
              lower=0, upper=10)
    with pytest.raises(DuplicateIdError):
        ConsultationSession(**{**ok, "block_ids": [1, 2, 2, 3]})
    with pytest.raises(ParameterError) as error:
        ConsultationSession(**{**ok, "population": [1, -1, 0, 0]})
    assert error.value.details["name"] == "population"
    with pytest.raises(ParameterError):
        ConsultationSession(**{**ok, "lower": 10, "upper": 5})
    with pytest.raises(ParameterError):
        ConsultationSession(**{**ok, "spaces": [1, 2]})
    with pytest.raises(UnknownSpaceError):
        ConsultationSession(**{**ok, "locked": [9]})
    for share in ("0.3", float("nan"), None, 1.5):  # text failed with a TypeError
        with pytest.raises(ParameterError) as error:
            ConsultationSession(**ok, population_weight=share)
        assert error.value.details["name"] == "population_weight"
    s = ConsultationSession(**ok)
    with pytest.raises(UnknownBlockError) as error:
        s.move([0, 7], 1)
    assert error.value.details["blocks"] == [7]
    with pytest.raises(UnknownSpaceError):
        s.move([0], 5)


def test_validate_finds_the_same_as_the_incremental_state():
    left, right = [0, 1, 3], [1, 2, 4]  # 0-1-2 and 3-4: no link between 2 and 3
    graph = Graph(5, left, right)
    s = ConsultationSession(range(5), np.full(5, 10.0), np.arange(5.0)[:, None], graph, ["A"] * 5, 0, 100)
    assert s.status("A").parts == 2
    assert s.validate() == s.summary() and s.summary().not_contiguous == 1


# --- property: random operation sequences against a recount from scratch ---------------------

#: The refusals each operation may meet on a random state (anything else is a bug).
EXPECTED = {
    "move": {"locked_space"},
    "new_space": {"locked_space"},
    "merge": {"locked_space", "not_adjacent"},
    "split": {"locked_space", "split_impossible"},
    "split_by_blocks": {"locked_space", "split_impossible"},
    "lock": set(),
}


@st.composite
def towns(draw):
    rows, cols = draw(st.integers(2, 6)), draw(st.integers(2, 6))
    n = rows * cols
    graph = grid_graph(rows, cols, diagonals=draw(st.booleans()))
    keep = np.array(draw(st.lists(st.booleans(), min_size=len(graph.left), max_size=len(graph.left))))
    keep |= np.arange(len(keep)) % 4 != 0  # a few links dropped: spaces may start in several parts
    graph = Graph(n, graph.left[keep], graph.right[keep])
    population = np.array(draw(st.lists(st.integers(0, 200), min_size=n, max_size=n)), dtype=float)
    values = np.array(draw(st.lists(st.floats(-3, 3), min_size=2 * n, max_size=2 * n))).reshape(n, 2)
    labels = draw(st.lists(st.sampled_from([None, 1, 2, 3, 4]), min_size=n, max_size=n))
    lower = float(draw(st.integers(0, 400)))
    upper = lower + float(draw(st.integers(1, 800)))
    locked = draw(st.sets(st.sampled_from(sorted({label for label in labels if label is not None}) or [None]), max_size=2))
    locked.discard(None)
    ids = [100 + 3 * i for i in range(n)]  # ids are not the node indices
    return ConsultationSession(ids, population, values, graph, labels, lower, upper, locked=locked,
                               weight_by_population=draw(st.booleans()), seed=draw(st.integers(0, 5)))


def _operate(s, kind, data):
    ids = s.block_ids
    spaces = list(s.spaces)
    some_blocks = st.lists(st.sampled_from(ids), min_size=1, max_size=6)
    if kind == "move":
        blocks, target = data.draw(some_blocks), data.draw(st.sampled_from(spaces + [None]))
        preview = s.preview(blocks, target)
        try:
            change = s.move(blocks, target)
        except LockedSpaceError as error:  # the preview named the same blocks
            assert error.details["blocks"] == list(preview.refused) and preview.refused_spaces == tuple(error.details["spaces"])
            raise
        assert not preview.refused  # the move went through: the preview refused nothing either
        assert (preview.affected, preview.status_before, preview.status_after) == (
            change.affected, change.status_before, change.status_after) or not change.blocks
        return change
    if kind == "new_space":
        return s.new_space(data.draw(some_blocks))
    if not spaces:
        return None
    space = data.draw(st.sampled_from(spaces))
    if kind == "merge":
        others = [other for other in spaces if other != space]
        return s.merge(space, data.draw(st.sampled_from(others))) if others else None
    if kind == "split":
        return s.split(space)
    if kind == "split_by_blocks":
        return s.split_by_blocks(space, data.draw(st.lists(st.sampled_from(s.blocks_of(space)), min_size=1, max_size=5)))
    return s.set_locked(space, data.draw(st.booleans()))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(towns(), st.data())
def test_random_operations_undo_and_redo_match_a_recount_and_never_break_a_lock(s, data):
    initial = s.labels()
    done, undone = [], []  # the undo stack as QGIS keeps it: LIFO, a new operation drops the redo side
    kinds = ["move", "move", "move", "merge", "split", "split_by_blocks", "new_space", "lock", "undo", "undo", "redo",
             "validate"]
    for _ in range(data.draw(st.integers(1, 30))):
        kind = data.draw(st.sampled_from(kinds))
        labels, locked = s.labels(), s.locked
        frozen = {space: s.blocks_of(space) for space in locked}
        change = None
        if kind == "undo" and done:
            change = done.pop()
            s.revert(change)  # replaying in stack order never meets a lock
            undone.append(change)
            event("undo")
        elif kind == "redo" and undone:
            change = undone.pop()
            s.apply(change)
            done.append(change)
            event("redo")
        elif kind == "validate":
            assert s.validate() == s.summary()
            assert s.labels() == labels
        elif kind not in ("undo", "redo"):
            try:
                change = _operate(s, kind, data)
            except SozialraumError as error:
                assert error.code in EXPECTED[kind], (kind, error)
                assert s.labels() == labels and s.locked == locked  # a refusal changes nothing
            else:
                if change is not None:
                    done.append(change)
                    undone.clear()
        # a locked space neither lost nor gained a block, whatever happened
        for space in s.locked & locked:
            assert s.blocks_of(space) == frozen[space]
        if change is not None and change.kind != "lock":
            assert not ({*change.before, *change.after} & locked)
        assert_matches_recount(s)
        if change is not None and change.blocks:
            assert s.labels() != labels
            event(change.kind)
        elif kind in EXPECTED and change is None:
            event(f"{kind} refused or skipped")
    while done:
        s.revert(done.pop())
    assert s.labels() == initial
    assert_matches_recount(s)
