"""The population band: one rule for the delineation, the scoring, the session and the report."""
import numpy as np
import pytest

from sozialraum.engine.consultation.session import ConsultationSession
from sozialraum.engine.errors import ParameterError
from sozialraum.engine.population_band import (
    ABOVE,
    BAND_ORDER_KEY,
    BELOW,
    FLAGGED,
    LOCKED,
    WITHIN,
    PopulationBand,
    optional_band,
    space_status,
)
from sozialraum.engine.problem import Problem
from sozialraum.engine.scoring import evaluate_division
from sozialraum.engine.spatial.graph import Graph


def test_status_on_and_beside_the_bounds():
    band = PopulationBand(700, 8500)
    assert [band.status(p) for p in (699, 700, 8500, 8501)] == [BELOW, WITHIN, WITHIN, ABOVE]
    # a sum that drifts by rounding does not flip a space that sits on a bound
    assert band.status(0.1 * 3 * 7000 / 2.1) == WITHIN and band.status(8500 + 1e-8) == WITHIN
    assert band.statuses([699, 700, 9000]).tolist() == [BELOW, WITHIN, ABOVE]
    assert [band.violation(p) for p in (600, 800, 9000)] == [100, 0, 500]


@pytest.mark.parametrize("lower, upper", [(900, 900), (1000, 900), (-1, 900), (float("nan"), 900), (700, float("inf"))])
def test_bounds_that_cannot_hold_are_refused_with_one_key(lower, upper):
    with pytest.raises(ParameterError) as error:
        PopulationBand(lower, upper)
    assert error.value.details["key"] == BAND_ORDER_KEY
    assert error.value.details["upper"] == upper or np.isnan(upper)


def test_every_place_that_takes_bounds_refuses_them_the_same_way():
    graph = Graph(2, np.array([0]), np.array([1]))
    with pytest.raises(ParameterError) as problem:
        Problem(graph, np.array([5.0, 5.0]), np.zeros((2, 1)), min_population=10, max_population=10)
    with pytest.raises(ParameterError) as session:
        ConsultationSession(["a", "b"], [5, 5], np.zeros((2, 1)), graph, [1, 1], 10, 10)
    assert problem.value.details["key"] == session.value.details["key"] == BAND_ORDER_KEY


def test_a_space_has_one_status():
    band = PopulationBand(700, 8500)
    assert space_status(band, 500, locked=True) == LOCKED  # the committee's decision stands
    assert space_status(band, 500, flags=["island_joined"]) == BELOW  # the bound comes first
    assert space_status(band, 1000, flags=["island_joined"]) == FLAGGED
    assert space_status(band, 1000) == WITHIN


def test_scoring_reads_the_statuses_it_is_given_and_counts_them_once():
    labels = [1, 1, 2, 2, 3, 3]
    population = [100, 200, 400, 500, 300, 300]
    derived = evaluate_division(labels, population, np.zeros((6, 1)), lower=700, upper=1500)
    assert derived.summary["n_below"] == 2 and derived.summary["n_locked"] == 0
    given = evaluate_division(labels, population, np.zeros((6, 1)), lower=700, upper=1500, statuses={1: LOCKED, 3: FLAGGED})
    assert given.spaces["status"].tolist() == [LOCKED, WITHIN, FLAGGED]
    assert (given.summary["n_below"], given.summary["n_locked"], given.summary["n_flagged"]) == (0, 1, 1)


def test_an_open_band_checks_one_side_only():
    assert optional_band(700, None).status(10**9) == WITHIN
    assert optional_band(None, 100).status(-5) == WITHIN
    assert optional_band(None, None).statuses([1, 2]).tolist() == [WITHIN, WITHIN]
