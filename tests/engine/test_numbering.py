"""Stable numbers (engine/delineation/numbering.py): surviving spaces keep their number, the rest is numbered
by the documented rules and every space says what happened to it."""
import numpy as np
import pytest

from sozialraum.engine.delineation.numbering import CHANGED, KEPT, NEW, SPLIT, normalise_id, renumber


def test_the_same_division_keeps_every_number_whatever_the_labels():
    old = [31, 31, 7, 7, 12, 12]
    result = renumber(old, [3, 3, 1, 1, 2, 2], population=[10, 10, 10, 10, 10, 10])
    assert result.ids([3, 3, 1, 1, 2, 2]) == old
    assert {c.change for c in result.changes} == {KEPT}
    assert result.dissolved == {}
    assert result.integer_ids


def test_a_moved_boundary_keeps_the_numbers_and_counts_what_moved():
    old = [1, 1, 1, 2, 2, 2]
    labels = [5, 5, 6, 6, 6, 6]  # block 2 (20 residents) moved from 1 to 2
    result = renumber(old, labels, population=[10, 10, 20, 10, 10, 10])
    assert result.ids(labels) == [1, 1, 2, 2, 2, 2]
    one, two = result.change_of(1), result.change_of(2)
    assert (one.change, one.population_out, one.blocks_out, one.population_in) == (CHANGED, 20, 1, 0)
    assert (two.change, two.population_in, two.blocks_in, two.population) == (CHANGED, 20, 1, 50)


def test_a_split_gets_the_next_number_above_every_old_one_even_a_dissolved_one():
    # old 31 splits in two, old 40 (the highest number) merges into 5
    old = [31, 31, 31, 31, 5, 5, 40]
    labels = [1, 1, 2, 2, 3, 3, 3]
    result = renumber(old, labels, population=[30, 30, 20, 20, 50, 50, 10])
    assert result.ids(labels) == [31, 31, 41, 41, 5, 5, 5]
    assert result.change_of(41).change == SPLIT and result.change_of(41).parent == 31
    assert result.dissolved == {40: 5}
    assert result.change_of(5).absorbed == [40]


def test_the_suffix_rule_gives_the_parent_number_with_a_letter():
    old = [31, 31, 31, 31, 31, 31]
    labels = [1, 1, 1, 2, 2, 3]
    result = renumber(old, labels, population=[40, 40, 40, 20, 20, 10], rule="suffix")
    assert result.ids(labels) == [31, 31, 31, "31a", "31a", "31b"]
    assert not result.integer_ids and result.rule == "suffix"


def test_the_after_parent_rule_keeps_a_district_coded_number_in_its_district():
    # numbers 4xx lie in district 04, 6xx in 06; 403 splits in two: "next free" gives 611 (an outside check),
    # "after the parent" the first number above 403 that no space has or had: 405 (404 exists)
    old = [401, 403, 403, 403, 403, 404, 610, 611]
    labels = [1, 2, 2, 3, 3, 4, 5, 5]
    population = [50, 30, 30, 20, 20, 50, 60, 20]
    assert renumber(old, labels, population).ids(labels)[3] == 612
    result = renumber(old, labels, population, rule="after_parent")
    assert result.ids(labels) == [401, 403, 403, 405, 405, 404, 610, 610]
    assert result.rule == "after_parent" and result.integer_ids
    assert result.change_of(405).change == SPLIT and result.change_of(405).parent == 403
    # 611 was dissolved into 610 above; here 410 splits in three: no number that exists or was given in the run
    again = renumber([410, 410, 410, 411, 411, 412], [1, 2, 3, 4, 4, 5], [10, 10, 10, 10, 10, 1], rule="after_parent")
    assert again.ids([1, 2, 3, 4, 4, 5]) == [410, 413, 414, 411, 411, 412]
    # a space of new blocks only has no parent: the next free number above all
    fresh = renumber([401, 401, None], [1, 1, 2], [10, 10, 10], rule="after_parent")
    assert fresh.ids([1, 1, 2]) == [401, 401, 402]


def test_a_dissolved_space_lists_every_space_that_took_its_residents():
    # old 7 (90 residents) goes a third to 1, a third to 2 and a third to 3: "merged into" one of them was wrong
    old = [1, 1, 2, 2, 3, 3, 7, 7, 7]
    labels = [1, 1, 2, 2, 3, 3, 1, 2, 3]
    result = renumber(old, labels, population=[50, 50, 50, 50, 50, 50, 40, 30, 20])
    assert result.dissolved == {7: 1}
    assert result.dissolved_shares == {7: [(1, 40.0), (2, 30.0), (3, 20.0)]}


def test_text_ids_keep_their_text_and_splits_get_a_suffix():
    old = ["03-12", "03-12", "03-12", "03-13", "03-13", None]
    labels = [1, 2, 2, 3, 3, 3]
    result = renumber(old, labels, population=[10, 30, 30, 20, 20, 5])
    assert result.ids(labels) == ["03-12a", "03-12", "03-12", "03-13", "03-13", "03-13"]
    assert result.rule == "suffix"  # next_free asked for, impossible for text ids
    assert result.change_of("03-13").change == CHANGED and result.change_of("03-13").blocks_in == 1


def test_a_space_of_new_blocks_only_is_new_and_gets_the_next_free_number():
    old = [1, 1, 2, 2, None, None]
    labels = [1, 1, 2, 2, 3, 3]
    result = renumber(old, labels, population=[10] * 6)
    assert result.ids(labels)[4:] == [3, 3]
    assert result.change_of(3).change == NEW and result.change_of(3).parent is None


def test_a_small_remainder_does_not_inherit_a_number():
    # old 8 goes almost entirely to region 1 (with old 9); one block of 8 ends in region 2
    old = [8, 8, 8, 9, 9, 9, 9, 8]
    labels = [1, 1, 1, 1, 1, 1, 1, 2]
    population = [100, 100, 100, 500, 500, 500, 500, 5]
    result = renumber(old, labels, population)
    assert result.numbers[1] == 9
    assert result.numbers[2] != 8  # 5 of 305 residents are no successor of 8
    assert result.dissolved == {8: 9}


@pytest.mark.parametrize("value,expected", [(3.0, 3), ("3", 3), (" 12 ", 12), ("03", "03"), ("03-12", "03-12"),
                                            (np.int64(4), 4), (float("nan"), None), ("", None), (None, None)])
def test_ids_are_compared_as_the_planner_means_them(value, expected):
    assert normalise_id(value) == expected


def test_an_unknown_rule_is_refused():
    with pytest.raises(ValueError, match="rule"):
        renumber([1], [1], rule="fresh")
