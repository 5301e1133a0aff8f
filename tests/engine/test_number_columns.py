"""Numbers stored as text, read per field (engine/number_columns.py): exactly, or refused, never misread."""
import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sozialraum.engine.number_columns import (
    ENGLISH,
    GERMAN,
    NumberColumnError,
    read_number_column,
    read_text,
    readable_numbers,
)

DECIMAL = {GERMAN: ",", ENGLISH: "."}
THOUSANDS = {GERMAN: [".", " ", "\u00a0", "\u202f", "'"], ENGLISH: [",", " ", "\u00a0", "\u202f", "'", "\u2019"]}


def written(digits, fraction, notation, mark=None, sign="", exponent=None):
    """``digits`` (str of an integer) and ``fraction`` (str, may be empty) as a person writes them."""
    if mark:
        groups = []
        while len(digits) > 3:
            groups.insert(0, digits[-3:])
            digits = digits[:-3]
        digits = mark.join([digits, *groups])
    text = sign + digits + (DECIMAL[notation] + fraction if fraction else "")
    return text + (f"e{exponent}" if exponent is not None else "")


def test_the_rates_of_a_joined_csv_are_read_as_english():
    # issue 18: "0.125" was taken as 125 (a German thousands mark) while "0.5" stayed 0.5
    column = read_number_column(["0.5", "0.125", "0.0625", None, "0.25"])
    assert column.notation == ENGLISH
    assert column.values[:3].tolist() == [0.5, 0.125, 0.0625] and math.isnan(column.values[3])


def test_english_thousands_in_a_population_are_read_as_thousands():
    # issue 18: "395,867" became 396 residents
    column = read_number_column(["395,867", "1,234", "12"], whole=True)
    assert column.notation == ENGLISH and column.values.tolist() == [395867, 1234, 12]


def test_german_thousands_in_a_population_are_read_as_thousands():
    assert read_number_column(["1.234", "12.500", "700"], whole=True).values.tolist() == [1234, 12500, 700]


@pytest.mark.parametrize("values, notation, numbers", [
    (["12,5", "3", "-0,25"], GERMAN, [12.5, 3, -0.25]),
    (["1.234,5", "7"], GERMAN, [1234.5, 7]),
    (["1,234.5", "7"], ENGLISH, [1234.5, 7]),
    (["1'234.5", "1\u00a0000"], ENGLISH, [1234.5, 1000]),
    (["8\u202f500,75"], GERMAN, [8500.75]),
    (["\u22123,5"], GERMAN, [-3.5]),
    (["1,5e-3"], GERMAN, [0.0015]),
])
def test_a_field_that_fits_one_notation_is_read_in_it(values, notation, numbers):
    column = read_number_column(values)
    assert column.notation == notation and column.values.tolist() == numbers
    assert column.example is not None and read_text(column.example[0], notation) == column.example[1]


def test_values_that_read_the_same_in_both_notations_need_no_decision():
    column = read_number_column(["12", "1 234", "-3", "2e3", 4.5, None])
    assert column.notation is None and column.values[:5].tolist() == [12, 1234, -3, 2000, 4.5]


def test_an_ambiguous_field_is_refused_unless_the_notation_is_chosen():
    with pytest.raises(NumberColumnError) as caught:
        read_number_column(["1,234", "2,500", "7"])
    assert caught.value.code == "ambiguous" and caught.value.details["positions"] == [0, 1]
    assert caught.value.details["readings"][0] == ("1,234", 1.234, 1234.0)
    assert read_number_column(["1,234", "2,5"]).values.tolist() == [1.234, 2.5]  # "2,5" can only be German
    assert read_number_column(["1,234", "2,500"], GERMAN).values.tolist() == [1.234, 2.5]
    assert read_number_column(["1,234", "2,500"], ENGLISH).values.tolist() == [1234, 2500]


def test_a_field_mixing_notations_is_refused():
    with pytest.raises(NumberColumnError) as caught:
        read_number_column(["0,5", "0.5", "1"])
    assert caught.value.code == "mixed" and caught.value.details["examples"] == ["0,5", "0.5"]


@pytest.mark.parametrize("values, notation, positions", [
    (["k. A.", "1", "n/a", "k. A."], None, [0, 2, 3]),
    (["0.5", "1"], GERMAN, [0]),  # not German
    (["1,2,3"], None, [0]), (["0.125.5"], None, [0]), (["1.234e5"], GERMAN, [0]), (["1.23"], GERMAN, [0]),
    ([True, 1], None, [0]),
])
def test_text_that_is_no_number_is_refused_naming_the_rows(values, notation, positions):
    with pytest.raises(NumberColumnError) as caught:
        read_number_column(values, notation)
    assert caught.value.code == "not_numbers" and caught.value.details["positions"] == positions


def test_a_population_with_decimals_from_text_is_refused():
    with pytest.raises(NumberColumnError) as caught:
        read_number_column(["12", "3.5", "4"], whole=True)
    assert caught.value.code == "fractional" and caught.value.details["positions"] == [1]
    assert read_number_column([12.5, "3"], whole=True).values.tolist() == [12.5, 3]  # numbers stored as numbers


def test_infinite_and_nan_text_read_as_such():
    values = read_number_column(["inf", "-Infinity", "NaN", "+inf", "1,5"]).values
    assert values[0] == math.inf and values[1] == -math.inf and math.isnan(values[2]) and values[3] == math.inf
    assert values[4] == 1.5


# -- property: numbers written as text in either notation -------------------------------------

@st.composite
def written_numbers(draw, notation):
    """(text, the exact number it stands for) as a person or a spreadsheet writes it in ``notation``."""
    digits = str(draw(st.integers(0, 10 ** 12)))
    fraction = draw(st.one_of(st.just(""), st.text("0123456789", min_size=1, max_size=8)))
    sign = draw(st.sampled_from(["", "-", "+", "\u2212"]))
    mark = draw(st.one_of(st.none(), st.sampled_from(THOUSANDS[notation])))
    exponent = None if mark else draw(st.one_of(st.none(), st.integers(-30, 30)))
    if mark and len(digits) > 1:
        digits = digits.lstrip("0") or "0"  # grouped numbers do not start with 0
    text = written(digits, fraction, notation, mark, sign, exponent)
    number = float(f"{'-' if sign in ('-', chr(0x2212)) else ''}{digits}.{fraction or '0'}e{exponent or 0}")
    padding = draw(st.sampled_from(["", " ", "\u00a0"]))
    return padding + text + padding, number


def _same(a, b):
    return a == b or (math.isnan(a) and math.isnan(b))


@settings(max_examples=200, deadline=None)
@given(st.sampled_from([GERMAN, ENGLISH]).flatmap(lambda n: st.tuples(st.just(n), st.lists(written_numbers(n), min_size=1,
                                                                                            max_size=12))))
def test_numbers_written_in_one_notation_are_read_exactly_or_refused(case):
    notation, pairs = case
    texts, numbers = [t for t, _ in pairs], [n for _, n in pairs]
    try:
        column = read_number_column(texts)
    except NumberColumnError as error:
        assert error.code == "ambiguous", (texts, error)  # refused only because the other notation fits too
    else:
        assert all(_same(a, b) for a, b in zip(column.values.tolist(), numbers)), (texts, column)
        assert column.notation in (notation, None)
    # with the notation chosen, every such text is read, and read exactly
    chosen = read_number_column(texts, notation).values.tolist()
    assert all(_same(a, b) for a, b in zip(chosen, numbers)), (texts, chosen)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from([GERMAN, ENGLISH]), st.data()), min_size=1, max_size=6))
def test_a_field_is_read_in_one_notation_for_all_its_values(items):
    texts = [data.draw(written_numbers(notation))[0] for notation, data in items]
    try:
        column = read_number_column(texts)
    except NumberColumnError as error:
        assert error.code in ("ambiguous", "mixed")
    else:  # never a per-value decision: every value is its reading in the field's notation
        for notation in [column.notation] if column.notation else [GERMAN, ENGLISH]:
            assert all(_same(a, read_text(t, notation)) for a, t in zip(column.values.tolist(), texts)), (texts, column)


def test_numbers_stored_as_numbers_pass_unchanged():
    values = [0.1, 3, np.int64(7), np.float32(0.5), None]
    column = read_number_column(values)
    assert column.values[:4].tolist() == [0.1, 3.0, 7.0, 0.5] and column.text_count == 0 and column.notation is None


def test_the_live_layer_reading_keeps_the_field_notation_and_skips_what_is_no_number():
    values = readable_numbers(["0.5", "k. A.", "0.125", None])
    assert values[[0, 2]].tolist() == [0.5, 0.125] and np.isnan(values[[1, 3]]).all()
    assert readable_numbers(["1,234", "2,500"]) is None  # ambiguous: the live layer cannot ask
    assert readable_numbers(["0,5", "0.5"]) is None  # mixed
