"""Updating an adopted division with minimal change (engine/delineation/update.py): spaces within the bounds
stay unless a neighbour needs them, numbers stay, moved residents are counted."""
import numpy as np
import pytest

from sozialraum.engine.delineation.delineate import delineate
from sozialraum.engine.delineation.numbering import KEPT
from sozialraum.engine.delineation.update import update_division
from sozialraum.engine.spatial.graph import is_connected

from .grids import grid_graph
from .sample_instance import sample_instance


def strip_division(rows, cols, width):
    """Vertical strips of ``width`` columns numbered 10, 20, 30, ... from the west."""
    return [10 * (1 + (block % cols) // width) for block in range(rows * cols)]


def test_a_division_within_the_bounds_stays_exactly_as_it_is():
    graph = grid_graph(4, 8)
    initial = strip_division(4, 8, 2)
    values = np.random.default_rng(0).normal(size=(32, 2))
    result = update_division(graph, np.full(32, 100.0), values, initial, lower=500, upper=1000)
    assert result.space_ids == initial
    assert result.moved_population == 0 and result.free == []
    assert {c.change for c in result.renumbering.changes} == {KEPT}


def test_a_grown_space_is_repaired_by_its_neighbours_and_the_far_spaces_stay():
    graph = grid_graph(4, 12)  # six strips of 8 blocks
    initial = strip_division(4, 12, 2)
    population = np.full(48, 100.0)
    population[[b for b in range(48) if initial[b] == 10]] = 140.0  # strip 10: 1,120 residents > 1,000
    values = np.random.default_rng(1).normal(size=(48, 2))
    result = update_division(graph, population, values, initial, lower=500, upper=1000)
    ids = np.array(result.space_ids, dtype=object)
    for number in set(ids.tolist()):
        assert 500 <= population[ids == number].sum() <= 1000
        assert is_connected(graph, np.flatnonzero(ids == number))
    assert result.needs_change == [10] and result.free == [10, 20]
    far = [b for b in range(48) if initial[b] >= 30]
    assert all(ids[b] == initial[b] for b in far)
    assert sorted(set(ids.tolist())) == [10, 20, 30, 40, 50, 60]
    assert result.moved_blocks >= 1 and result.moved_population == population[[b for b in range(48) if ids[b] != initial[b]]].sum()
    # the re-divided part's own count ("Number of spaces: 2 (requested 2)") read as the division's (outside check)
    assert all(note.get("code") != "k_given" for note in result.delineation.notes)


def test_new_blocks_join_a_neighbouring_space_and_count_as_not_moved():
    graph = grid_graph(2, 6)
    initial = strip_division(2, 6, 2)
    initial[5] = initial[11] = None  # a new estate at the east end
    result = update_division(graph, np.full(12, 100.0), np.zeros((12, 1)), initial, lower=300, upper=700)
    assert result.space_ids[5] == 30 and result.space_ids[11] == 30
    assert result.moved_population == 0


def test_stability_zero_moves_at_least_as_many_residents_as_the_default():
    instance = sample_instance()
    base, population = scenario(instance)
    steady = update_division(instance.graph, population, instance.values, base.labels.tolist(), coordinates=instance.coordinates, seed=1)
    free = update_division(instance.graph, population, instance.values, base.labels.tolist(), coordinates=instance.coordinates, seed=1,
                           stability=0)
    assert free.moved_population >= steady.moved_population
    assert free.reverted_blocks == 0


def scenario(instance):
    """The issue's scenario on Musterstadt: the largest space grows to ~9,500 (above the maximum), the
    smallest shrinks by 30 % and at least to 600 residents, so that it falls below the minimum
    whatever the default division's smallest space holds."""
    base = delineate(instance.graph, instance.population, instance.values, seed=1, coordinates=instance.coordinates)
    population = instance.population.copy()
    big = max(base.spaces, key=lambda s: s.population)
    small = min(base.spaces, key=lambda s: s.population)
    population[big.blocks] *= 9500 / big.population
    population[small.blocks] *= min(0.7, 600 / small.population)
    return base, population


@pytest.mark.slow
def test_the_sample_town_scenario_meets_the_targets():
    instance = sample_instance()
    base, population = scenario(instance)
    grown = max(base.spaces, key=lambda s: s.population).space_id
    shrunk = min(base.spaces, key=lambda s: s.population).space_id
    result = update_division(instance.graph, population, instance.values, base.labels.tolist(), coordinates=instance.coordinates, seed=1)
    ids = np.array(result.space_ids, dtype=object)
    for number in set(ids.tolist()):
        assert 700 <= population[ids == number].sum() <= 8500, number
    assert result.moved_share <= 0.03
    assert set(result.needs_change) == {grown, shrunk}
    neighbours = {int(base.labels[j]) for s in (grown, shrunk) for b in np.flatnonzero(base.labels == s)
                  for j in instance.graph.neighbours(b)}
    touched = {int(base.labels[b]) for b in range(len(ids)) if ids[b] != base.labels[b]} | {
        ids[b] for b in range(len(ids)) if ids[b] != base.labels[b]}
    assert touched <= neighbours | {grown, shrunk}
    assert sorted(set(ids.tolist())) == sorted(s.space_id for s in base.spaces)  # every space keeps its number


def test_a_new_block_between_two_spaces_goes_to_one_of_them_only():
    graph = grid_graph(1, 7)  # 10 10 10 (new) 20 20 20: the new block is the only link between them
    initial = [10, 10, 10, None, 20, 20, 20]
    result = update_division(graph, np.full(7, 100.0), np.zeros((7, 1)), initial, lower=250, upper=450)
    ids = result.space_ids
    assert ids[3] in (10, 20) and ids[:3] == [10] * 3 and ids[4:] == [20] * 3
    assert result.moved_population == 0


def test_a_space_that_reaches_an_island_stays_flagged_as_after_the_delineation():
    """The delineation flags a space joined to an island (a block across the gap, no link);
    an outside check found the flag gone after an update that kept the space."""
    from sozialraum.engine.spatial.graph import Graph

    grid = grid_graph(4, 8)
    graph = Graph(33, grid.left, grid.right, grid.length)  # block 32: an island, linked to nothing
    initial = strip_division(4, 8, 2) + [40]
    values = np.random.default_rng(0).normal(size=(33, 2))
    result = update_division(graph, np.full(33, 100.0), values, initial, lower=500, upper=1000)
    assert result.space_ids == initial  # nothing had to change
    spaces = {result.renumbering.numbers[space.space_id]: space for space in result.delineation.spaces}
    assert spaces[40].flags == ["island_joined"] and spaces[40].status == "flagged"
    assert all(spaces[number].flags == [] and spaces[number].status == "ok" for number in (10, 20, 30))
