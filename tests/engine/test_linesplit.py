"""Sides of a drawn line: blocks on either side of a street the planner draws along."""
import numpy as np
import pytest

from sozialraum.engine.consultation.linesplit import CROSSES_ITSELF, TOO_SHORT, sides_of_line
from sozialraum.engine.errors import ParameterError

# a 4 x 4 grid of block centres, 100 m apart; streets run between them at x = 50, 150, 250
GRID = np.array([(x, y) for y in range(0, 400, 100) for x in range(0, 400, 100)], dtype=float)


def test_a_straight_line_along_a_street_splits_the_grid_in_two_columns_pairs():
    sides = sides_of_line(GRID, [(150, 20), (150, 280)])  # drawn shorter than the space: extended
    assert sides[0] == 0
    assert set(np.flatnonzero(sides == 0)) == {i for i, (x, _) in enumerate(GRID) if x < 150}
    assert set(np.flatnonzero(sides == 1)) == {i for i, (x, _) in enumerate(GRID) if x > 150}


def test_a_bent_line_follows_its_corner():
    # down the street at x = 150 to y = 150, then east along the street at y = 150
    sides = sides_of_line(GRID, [(150, 400), (150, 150), (400, 150)])
    north_east = {i for i, (x, y) in enumerate(GRID) if x > 150 and y > 150}
    assert set(np.flatnonzero(sides != sides[0])) == north_east


def test_a_line_beside_every_block_leaves_them_on_one_side():
    assert sides_of_line(GRID, [(-100, 0), (-100, 300)]).tolist() == [0] * len(GRID)


def test_too_short_and_self_crossing_lines_are_refused():
    with pytest.raises(ParameterError) as short:
        sides_of_line(GRID, [(10, 10), (10, 10)])
    assert short.value.details["reason"] == TOO_SHORT
    # a loop: down, right, up across its own first leg, then left through the grid again
    with pytest.raises(ParameterError) as loop:
        sides_of_line(GRID, [(150, 350), (150, 50), (250, 50), (250, 250), (50, 250)])
    assert loop.value.details["reason"] == CROSSES_ITSELF


def test_repeated_clicks_count_once():
    once = sides_of_line(GRID, [(150, 0), (150, 300)])
    twice = sides_of_line(GRID, [(150, 0), (150, 0), (150, 300), (150, 300)])
    assert once.tolist() == twice.tolist()
