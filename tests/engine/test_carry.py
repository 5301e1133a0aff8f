"""Carrying a division onto new blocks (engine/delineation/carry.py): the largest overlap wins, split and
outside blocks are flagged, weight points decide where they exist."""
import pytest

from sozialraum.engine.delineation.carry import OUTSIDE, PARTLY_OUTSIDE, SPLIT, carry_division


def test_each_block_gets_the_space_it_overlaps_most_and_slivers_are_not_splits():
    overlaps = [(0, 31, 100.0), (1, 31, 60.0), (1, 32, 40.0), (2, 32, 97.0), (2, 31, 3.0)]
    carried = carry_division(3, overlaps, [100.0, 100.0, 100.0])
    assert carried.space == [31, 31, 32]
    assert carried.flags == ["", SPLIT, ""]
    assert carried.share.tolist() == pytest.approx([1.0, 0.6, 0.97])
    assert carried.shares[1] == [(31, pytest.approx(0.6)), (32, pytest.approx(0.4))]


def test_blocks_outside_every_space_get_none_and_partly_outside_ones_are_flagged():
    overlaps = [(1, "03-12", 70.0), (2, "03-12", 98.0)]
    carried = carry_division(3, overlaps, [50.0, 100.0, 100.0])
    assert carried.space == [None, "03-12", "03-12"]
    assert carried.flags == [OUTSIDE, PARTLY_OUTSIDE, ""]
    assert carried.flagged(OUTSIDE) == [0]


def test_weight_points_decide_where_a_block_has_residents():
    # by area space 1 wins, but the residents live in the part in space 2
    overlaps = [(0, 1, 80.0), (0, 2, 20.0), (1, 1, 50.0), (1, 2, 50.0)]
    weights = [(0, 1, 10.0), (0, 2, 90.0)]
    carried = carry_division(2, overlaps, [100.0, 100.0], weight_overlaps=weights, block_weights=[100.0, 0.0])
    assert carried.space[0] == 2 and carried.basis == ["residents", "area"]
    assert carried.flags[0] == SPLIT  # 10 % of the residents are in space 1
    assert carried.space[1] == 1  # a tie by area: the first by its text, flagged as split
    assert carried.flags[1] == SPLIT


def test_a_tolerance_of_half_or_more_is_refused():
    with pytest.raises(ValueError, match="tolerance"):
        carry_division(1, [], [1.0], tolerance=0.5)
