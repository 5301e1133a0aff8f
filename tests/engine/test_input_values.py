"""Values as real layers hold them: numbers stored as text, constant columns with rounding noise."""
import math

import numpy as np
import pandas as pd
import pytest

from sozialraum.engine.attributes import prepare_attributes
from sozialraum.engine.indicators.index import social_index, standardise
from sozialraum.engine.numbers import parse_number


@pytest.mark.parametrize("text, number", [
    ("12,5", 12.5), ("12.5", 12.5), ("1.234", 1234.0), ("1.234,5", 1234.5), ("1,234.5", 1234.5),
    (" 700 ", 700.0), ("-3,25", -3.25), ("8\u00a0500", 8500.0), (7, 7.0), (2.5, 2.5),
])
def test_numbers_as_planners_write_them(text, number):
    assert parse_number(text) == number


@pytest.mark.parametrize("text", ["k. A.", "n/a", "1,2,3", "--"])
def test_text_that_is_no_number_is_refused(text):
    with pytest.raises(ValueError):
        parse_number(text)


def test_missing_values_are_nan():
    assert math.isnan(parse_number(None)) and math.isnan(parse_number("  "))


def test_a_constant_column_with_rounding_noise_is_constant():
    # 0.1 has no exact binary form: the computed std is ~1e-17, not 0
    values = np.column_stack([[0.1] * 3 + [np.nan] * 3, [1.0, 2.0, 3.0, 4.0, 5.0, 6.0]])
    prepared = prepare_attributes(values, ["const", "signal"])
    assert prepared.constant == ["const"]
    assert np.all(prepared.values[:, 0] == 0.0), "a constant column must not become a fake +-1 signal"
    assert np.ptp(prepared.values[:, 1]) > 0


def test_index_treats_a_noisy_constant_rate_as_without_variance():
    frame = pd.DataFrame({"flat": [0.1] * 6, "real": [1.0, 2.0, 3.0, 4.0, 5.0, 6.0]})
    z = standardise(frame)
    assert (z["flat"] == 0).all()
    result = social_index(frame, {"flat": 1, "real": 1})
    assert any("flat" in warning for warning in result.warnings)


def test_weights_accept_german_decimal_commas():
    from sozialraum.engine.attributes import parse_weights

    names = ["sgb2_rate", "old_share", "bld_highrise"]
    assert parse_weights("sgb2_rate=0,5", names) == {"sgb2_rate": 0.5, "old_share": 1.0, "bld_highrise": 1.0}
    assert parse_weights("sgb2_rate=0,5; old_share=2", names)["old_share"] == 2.0
    assert parse_weights("sgb2_rate=1.5,old_share=0,25", names) == {"sgb2_rate": 1.5, "old_share": 0.25, "bld_highrise": 1.0}
    assert parse_weights("sgb2_rate=2\nbld_highrise=0,5", names)["bld_highrise"] == 0.5


def test_weights_name_the_bad_item():
    from sozialraum.engine.attributes import parse_weights
    from sozialraum.engine.errors import ParameterError

    with pytest.raises(ParameterError) as error:
        parse_weights("sgb2_rate=viel", ["sgb2_rate"])
    assert error.value.details["value"] == "sgb2_rate=viel"
    with pytest.raises(ParameterError) as error:
        parse_weights("sgb2_rate 2", ["sgb2_rate"])
    assert error.value.details["value"] == "sgb2_rate 2"


def test_number_lists_in_both_conventions():
    from sozialraum.engine.numbers import parse_number_list

    assert parse_number_list("-1; 1; 1,5") == (-1.0, 1.0, 1.5)
    assert parse_number_list("-1,1,1.5") == (-1.0, 1.0, 1.5)
    assert parse_number_list("-1 1 1.5") == (-1.0, 1.0, 1.5)


def test_one_nan_value_scores_the_same_in_delineate_and_evaluate():
    """One policy for non-finite values: delineate's SSD share equals evaluate_division's."""
    from sozialraum.engine.delineation.delineate import delineate
    from sozialraum.engine.scoring import evaluate_division

    from .grids import grid_graph

    rows, cols = 4, 6
    graph = grid_graph(rows, cols)
    rng = np.random.default_rng(3)
    values = rng.normal(size=(rows * cols, 2))
    values[5, 1] = np.nan
    values[9, 0] = np.inf
    population = np.full(rows * cols, 100.0)
    result = delineate(graph, population, values, lower=300, upper=900, seed=2)
    scored = evaluate_division(result.labels, population, values, 300, 900, graph=graph, missing=(0,))
    assert 0 < result.ssd_share < 1
    assert result.ssd_share == pytest.approx(scored.summary["ssd_share"], rel=1e-9)


# --- issue 18.7 (smallcases): quoted names in WEIGHTS, all weights 0 ---
@pytest.mark.parametrize("text, pairs", [
    ('"Anteil 0-6, %"=2', [("Anteil 0-6, %", "2")]),
    ('"a=b"=0,5; c=1', [("a=b", "0,5"), ("c", "1")]),
    ('"x;y"=1,5,"p,q"=2', [("x;y", "1,5"), ("p,q", "2")]),
    ('sgb2=0,5,"old, %"=3', [("sgb2", "0,5"), ("old, %", "3")]),
    ('"say ""hi"""=1', [('say "hi"', "1")]),
    ("sgb2_rate=1.5,old_share=0,25", [("sgb2_rate", "1.5"), ("old_share", "0,25")]),
])
def test_pairs_with_quoted_names_holding_separators(text, pairs):
    from sozialraum.engine.numbers import parse_pairs

    assert parse_pairs(text) == pairs


def test_weights_for_fields_named_with_comma_and_equals():
    from sozialraum.engine.attributes import parse_weights

    names = ["Anteil 0-6, %", "a=b", "old"]
    assert parse_weights('"Anteil 0-6, %"=2; "a=b"=0,5', names) == {"Anteil 0-6, %": 2.0, "a=b": 0.5, "old": 1.0}


def test_all_weights_zero_are_refused():
    from sozialraum.engine.attributes import parse_weights
    from sozialraum.engine.errors import ParameterError

    with pytest.raises(ParameterError) as error:
        parse_weights("sgb2=0; old=0,0", ["sgb2", "old"])
    assert error.value.details["key"] == "all_weights_zero"
    assert parse_weights("sgb2=0", ["sgb2", "old"]) == {"sgb2": 0.0, "old": 1.0}
# --- end of issue 18.7 ---
