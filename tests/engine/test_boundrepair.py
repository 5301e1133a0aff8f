"""Bound repair (engine/delineation/boundrepair.py): ejection chains and relocations on hand-made graphs,
and the sample town at the max-p peers' k, where the bounds are tight for the number of spaces."""
import numpy as np
import pytest

from sozialraum.engine.delineation.boundrepair import repair_bounds
from sozialraum.engine.delineation.delineate import delineate
from sozialraum.engine.delineation.localsearch import RegionState, improve, violation
from sozialraum.engine.delineation.treecut import TreeCutter
from sozialraum.engine.spatial.graph import Graph, is_connected

from .grids import grid_graph
from .sample_instance import sample_instance


def path_graph(n):
    return Graph(n, list(range(n - 1)), list(range(1, n)))


def state_of(labels, population, k):
    values = np.zeros((len(population), 1))
    return RegionState(np.asarray(labels), values, np.zeros(len(population)), np.asarray(population, dtype=float), k)


def regions(state, k):
    return [sorted(np.flatnonzero(state.labels == r).tolist()) for r in range(k)]


def total_violation(state, lower, upper):
    return sum(violation(p, lower, upper) for p in state.pop)


def assert_within(state, graph, k, lower, upper):
    for region, members in enumerate(regions(state, k)):
        assert members, region  # no space emptied: k stays
        assert is_connected(graph, members), region
        assert lower <= state.pop[region] <= upper, (region, state.pop[region])


def test_a_chain_fixes_what_no_single_block_move_can():
    """A (650) needs 50 more. Its only neighbour B is at the floor (700): any block B gives
    leaves B below it, so the local search (never raising the total violation) is stuck.
    The chain takes block 1 from B and lets B take block 3 from C, which has room."""
    graph = path_graph(5)
    population = [650, 100, 600, 100, 800]
    labels = [0, 1, 1, 2, 2]  # A = {0}, B = {1, 2}, C = {3, 4}
    lower, upper = 700.0, 2000.0

    stuck = state_of(labels, population, 3)
    improve(stuck, graph, lower, upper, np.random.default_rng(0))
    assert total_violation(stuck, lower, upper) == 50  # no single move helps

    state = state_of(labels, population, 3)
    assert repair_bounds(state, graph, lower, upper) == 1
    assert regions(state, 3) == [[0, 1], [2, 3], [4]]
    assert_within(state, graph, 3, lower, upper)


def test_a_chain_pushes_surplus_over_the_ceiling_along():
    """The mirror case: A (1100) is over the ceiling, its neighbour B is at the ceiling."""
    graph = path_graph(5)
    population = [1000, 100, 900, 100, 500]
    labels = [0, 0, 1, 1, 2]
    lower, upper = 400.0, 1000.0
    state = state_of(labels, population, 3)
    assert repair_bounds(state, graph, lower, upper) == 1
    assert regions(state, 3) == [[0], [1, 2], [3, 4]]
    assert_within(state, graph, 3, lower, upper)


def test_a_space_of_one_block_merges_and_the_nearest_splittable_space_splits():
    """A is one block of 650 between one-block spaces (no block can move without emptying
    a space): A merges with a neighbour and the space D of 1,700 splits in two, so k stays."""
    graph = path_graph(6)
    population = [650, 800, 800, 800, 100, 800]
    labels = [0, 1, 2, 3, 3, 3]
    lower, upper = 700.0, 1700.0
    state = state_of(labels, population, 4)
    cutter = TreeCutter(graph, np.zeros((6, 1)), np.zeros(6), np.asarray(population, dtype=float), lower, upper,
                        np.random.default_rng(0))
    assert repair_bounds(state, graph, lower, upper, cutter=cutter) == 1
    assert_within(state, graph, 4, lower, upper)
    assert state.labels[0] == state.labels[1]  # A joined B


def test_a_new_space_grows_from_the_slack_of_many():
    """No space can be split within the bounds (each has only 200 residents above the floor),
    but five of them together have room for a new one: A merges with B, and a new space is
    seeded and filled by chains, each taking a little from spaces with room."""
    rows, cols = 9, 5
    grid = grid_graph(rows, cols)
    n = 3 + rows * cols
    # blocks 0-1-2 on a path, block 2 touches the grid's first block; grid block (r, c) = 3 + r * cols + c
    left = [0, 1, 2] + [3 + int(a) for a in grid.left]
    right = [1, 2, 3] + [3 + int(b) for b in grid.right]
    graph = Graph(n, left, right)
    population = np.array([650.0, 800.0, 800.0] + [100.0] * (rows * cols))
    labels = np.array([0, 1, 2] + [3 + (i % cols) for i in range(rows * cols)])  # one space per grid column
    lower, upper = 700.0, 1500.0
    k = 8
    state = state_of(labels, population, k)
    cutter = TreeCutter(graph, np.zeros((n, 1)), np.zeros(n), population, lower, upper, np.random.default_rng(0))
    assert repair_bounds(state, graph, lower, upper, cutter=cutter) >= 1
    assert_within(state, graph, k, lower, upper)


def test_repair_is_deterministic_and_keeps_closed_spaces():
    graph = path_graph(5)
    population = [650, 100, 600, 100, 800]
    state = state_of([0, 1, 1, 2, 2], population, 3)
    assert repair_bounds(state, graph, 700.0, 2000.0, closed={2}) == 0  # C is closed: no chain
    assert regions(state, 3) == [[0], [1, 2], [3, 4]]


@pytest.mark.slow  # a real test (asserts the bounds), not a benchmark: no timing
def test_sample_town_at_the_max_p_peers_k_is_within_the_bounds():
    """Not a benchmark: on the bundled Musterstadt at k = 180 (maxp_tabu's own k, bounds
    700-8,500; the engine used to leave one space at 695 residents), every space is within
    the bounds and contiguous."""
    instance = sample_instance()
    result = delineate(instance.graph, instance.population, instance.values, lower=700, upper=8500, n_spaces=180,
                       seed=0, coordinates=instance.coordinates)
    assert result.k == 180
    for space in result.spaces:
        assert is_connected(result.graph, space.blocks), space.space_id
        assert 700 <= space.population <= 8500, (space.space_id, space.population)
        assert space.status in ("ok", "flagged"), (space.space_id, space.status, space.flags)


def test_a_transfer_crosses_blocks_without_residents_to_close_the_gap():
    """A space one resident above the ceiling; the block that closes the gap (1 resident) lies
    behind three blocks without residents. No chain sees progress in moving an empty block, so
    only a group moved across one border at once fixes it (hypothesis found this instance)."""
    left = [1, 2, 3, 4, 5, 6, 7, 0, 6, 6, 4, 4, 1, 0, 6]
    right = [0, 0, 2, 1, 2, 3, 4, 5, 3, 1, 1, 2, 2, 3, 0]
    graph = Graph(8, left, right)
    population = [0, 249, 0, 0, 0, 249, 250, 1]
    state = state_of([0, 0, 0, 0, 0, 0, 1, 0], population, 2)  # {6} alone, the rest 499 > 498
    assert repair_bounds(state, graph, 50, 498) >= 1
    assert_within(state, graph, 2, 50, 498)
    result = delineate(graph, np.asarray(population, dtype=float), np.zeros((8, 1)), lower=50, upper=498, n_spaces=2, seed=0)
    assert all(space.status == "ok" for space in result.spaces)


def test_an_exchange_of_groups_between_two_spaces_fixes_what_no_one_way_transfer_can():
    """The same 8 blocks, another start (the search leaves it for seeds 1, 2, 3, ...): {0, 2, 3, 5, 6}
    with 499 residents and {1, 4, 7} with 250. The only division within 50-498 is {2, 3, 4, 6, 7}
    (251) and {0, 1, 5} (498): the first space must give {0, 5} (249) and take {4, 7} (1) back.
    Either half alone only moves the surplus to the other space (499 / 250 becomes 250 / 499),
    so no chain or one-way transfer lowers the violation; both spaces re-divided at once do."""
    left = [1, 2, 3, 4, 5, 6, 7, 0, 6, 6, 4, 4, 1, 0, 6]
    right = [0, 0, 2, 1, 2, 3, 4, 5, 3, 1, 1, 2, 2, 3, 0]
    graph = Graph(8, left, right)
    population = [0, 249, 0, 0, 0, 249, 250, 1]
    state = state_of([0, 1, 0, 0, 1, 0, 0, 1], population, 2)
    assert repair_bounds(state, graph, 50, 498) >= 1
    assert_within(state, graph, 2, 50, 498)
    assert sorted(regions(state, 2)) == [[0, 1, 5], [2, 3, 4, 6, 7]]
    for seed in range(12):  # the property test's draw: seed 1 ended above the maximum
        result = delineate(graph, np.asarray(population, dtype=float), np.zeros((8, 1)), lower=50, upper=498, n_spaces=2,
                           seed=seed)
        assert [space.status for space in result.spaces] == ["ok", "ok"], seed
