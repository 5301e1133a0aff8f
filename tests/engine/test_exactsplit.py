"""Exact re-division of a small group of blocks (engine/delineation/exactsplit.py)."""
import itertools

import numpy as np

from sozialraum.engine.delineation.exactsplit import exact_division
from sozialraum.engine.objective import group_ssd
from sozialraum.engine.spatial.graph import Graph, is_connected

from .grids import grid_graph


def brute_force(graph, nodes, parts, population, values, lower, upper):
    """The least SSD over every labelling of ``nodes`` with ``parts`` labels (all parts used)."""
    best = None
    for labels in itertools.product(range(parts), repeat=len(nodes)):
        if labels[0] != 0:
            continue  # one labelling per division up to renaming (not all, but the first block's part fixed)
        groups = [[node for node, label in zip(nodes, labels) if label == part] for part in range(parts)]
        if any(not group for group in groups):
            continue
        if not all(lower <= population[group].sum() <= upper and is_connected(graph, group) for group in groups):
            continue
        cost = sum(group_ssd(values[group]) for group in groups)
        best = cost if best is None else min(best, cost)
    return best


def test_the_listing_finds_the_least_ssd_division_within_the_bounds():
    graph = grid_graph(3, 3)
    rng = np.random.default_rng(3)
    population = rng.integers(0, 300, 9).astype(float)
    values = rng.normal(size=(9, 2))
    lists = graph.neighbour_lists()
    nodes = list(range(9))
    for parts, lower, upper in ((2, 300.0, 1200.0), (3, 250.0, 700.0)):
        found, used = exact_division(nodes, parts, lists, population.tolist(), lower, upper,
                                     lambda part: float(group_ssd(values[part])))
        expected = brute_force(graph, nodes, parts, population, values, lower, upper)
        assert found is not None and used > 0
        assert abs(found[0] - expected) < 1e-9
        assert sorted(node for part in found[1] for node in part) == nodes
        for part in found[1]:
            assert lower <= population[part].sum() <= upper and is_connected(graph, part)


def test_no_division_when_none_fits_and_the_budget_bounds_the_work():
    graph = Graph(3, [0, 1], [1, 2])
    lists = graph.neighbour_lists()
    found, _ = exact_division([0, 1, 2], 2, lists, [100.0, 500.0, 100.0], 150.0, 400.0, lambda part: 0.0)
    assert found is None  # 500 residents in one block: above the ceiling in every division
    big = grid_graph(6, 6)
    found, used = exact_division(range(36), 2, big.neighbour_lists(), [0.0] * 36, 0.0, 1.0, lambda part: 0.0, budget=50)
    assert used == 50
