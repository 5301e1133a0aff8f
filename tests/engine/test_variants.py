"""Variants of a division: the compact text round trip and what a switch changes."""
import json
import random

import pytest

from sozialraum.engine.consultation.variants import (
    VariantError,
    decode_division,
    differing_blocks,
    encode_division,
    switch_plan,
)


def test_a_division_round_trips_through_its_text_with_numbers_text_and_no_space():
    blocks = [1, 2, 3, 4, 5, 7, 8, 9, 12, 40]
    labels = [1, 1, 1, "31a", "31a", 2, 2, 1, None, 2]
    text = encode_division(blocks, labels)
    data = json.loads(text)
    assert data["blocks"] == 10
    assert data["spaces"] == [[1, "1..3,9"], ["31a", "4..5"], [2, "7..8,40"], [None, "12"]]
    assert decode_division(text) == dict(zip(blocks, labels))


def test_whole_floats_are_stored_as_numbers_and_unknown_types_as_text():
    division = decode_division(encode_division([1, 2, 3], [3.0, 2.5, __import__("datetime").date(2026, 12, 6)]))
    assert division[1] == 3 and isinstance(division[1], int)
    assert division[2] == 2.5 and division[3] == "2026-12-06"


def test_random_divisions_round_trip_and_ten_thousand_ordered_blocks_stay_small():
    generator = random.Random(7)
    for _ in range(50):
        blocks = generator.sample(range(-5, 400), generator.randint(0, 120))
        labels = [generator.choice([None, 1, 2, "S03", "x-y"]) for _ in blocks]
        assert decode_division(encode_division(blocks, labels)) == dict(zip(blocks, labels))
    blocks = list(range(1, 10001))
    text = encode_division(blocks, [1 + block // 300 for block in blocks])
    assert len(text) < 1500  # a division written space by space: one range per space


@pytest.mark.parametrize("text", ["", "[]", "{\"format\": 1}", "{\"format\": 9, \"spaces\": []}",
                                  "{\"format\": 1, \"blocks\": 3, \"spaces\": [[1, \"1..2\"]]}",
                                  "{\"format\": 1, \"spaces\": [[1, \"a..b\"]]}"])
def test_a_text_that_cannot_be_read_is_refused_as_unreadable(text):
    with pytest.raises(VariantError) as caught:
        decode_division(text)
    assert caught.value.reason == "unreadable"


def test_a_switch_moves_only_the_blocks_that_differ():
    current = {1: 1, 2: 1, 3: 2, 4: 2, 5: None}
    variant = {1: 1, 2: 2, 3: 2, 4: 3, 5: 3}
    plan = switch_plan(current, variant)
    assert (plan.blocks, plan.spaces) == ((2, 4, 5), (2, 3, 3))
    assert switch_plan(current, dict(current)).is_empty
    assert differing_blocks(current, variant) == 3 and differing_blocks(current, {1: 1}) == 4


def test_a_switch_that_changes_a_locked_space_is_refused_naming_it_untouched_locks_pass():
    current = {1: 1, 2: 1, 3: 2, 4: 2, 5: "S9", 6: "S9"}
    variant = {1: 1, 2: 2, 3: 2, 4: 2, 5: "S9", 6: "S9"}
    with pytest.raises(VariantError) as caught:
        switch_plan(current, variant, locked=[2, 1])
    assert caught.value.reason == "locked" and caught.value.details["spaces"] == [1, 2]
    with pytest.raises(VariantError) as caught:
        switch_plan(current, {**variant, 5: 2, 2: 1}, locked=["S9"])  # S9 loses a block
    assert caught.value.details["spaces"] == ["S9"]
    plan = switch_plan(current, variant, locked=["S9"])  # S9 is the same in both: the switch goes ahead
    assert plan.blocks == (2,)


def test_a_switch_after_the_blocks_changed_names_the_missing_and_new_blocks():
    with pytest.raises(VariantError) as caught:
        switch_plan({1: 1, 2: 1, 4: 2}, {1: 1, 2: 1, 3: 2})
    assert caught.value.reason == "blocks_changed"
    assert (caught.value.details["missing"], caught.value.details["new"]) == ([3], [4])
