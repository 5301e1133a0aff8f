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
