"""Contiguity-constrained Ward clustering used as the first partition."""
import numpy as np

from sozialraum.engine.delineation.ward import ward_partition
from sozialraum.engine.spatial.graph import Graph, is_connected

from .grids import grid_graph


def path(n):
    return Graph(n, list(range(n - 1)), list(range(1, n)))


def test_splits_a_path_where_the_values_jump():
    values = np.array([[0.0], [0.1], [0.0], [5.0], [5.1], [5.0]])
    parts = ward_partition(path(6), np.arange(6), values, np.ones(6), 2, upper=10)
    assert sorted(sorted(p.tolist()) for p in parts) == [[0, 1, 2], [3, 4, 5]]


def test_only_linked_clusters_merge():
    # 0-1 and 2-3 are linked, 1 and 2 are not: similar values far apart never merge
    graph = Graph(4, [0, 2, 1], [1, 3, 2])
    values = np.array([[0.0], [9.0], [9.0], [0.0]])
    for part in ward_partition(graph, np.arange(4), values, np.ones(4), 2, upper=10):
        assert is_connected(graph, part)


def test_ceiling_is_kept_when_possible():
    values = np.zeros((8, 1))  # no attribute signal: only the ceiling decides
    population = np.full(8, 100.0)
    parts = ward_partition(path(8), np.arange(8), values, population, 2, upper=400)
    assert sorted(population[p].sum() for p in parts) == [400.0, 400.0]


def test_returns_the_requested_number_of_contiguous_parts():
    rng = np.random.default_rng(3)
    side = 12
    left, right = [], []
    for r in range(side):
        for c in range(side):
            if c + 1 < side:
                left.append(r * side + c)
                right.append(r * side + c + 1)
            if r + 1 < side:
                left.append(r * side + c)
                right.append((r + 1) * side + c)
    graph = Graph(side * side, left, right)
    parts = ward_partition(graph, np.arange(side * side), rng.normal(size=(side * side, 2)), np.ones(side * side), 7, upper=1e9)
    assert len(parts) == 7
    assert sorted(np.concatenate(parts).tolist()) == list(range(side * side))
    assert all(is_connected(graph, part) for part in parts)


def test_without_a_ceiling_it_is_scikit_learns_connectivity_constrained_ward():
    """Same merges as sklearn's AgglomerativeClustering(linkage='ward', connectivity=...)."""
    import pytest

    cluster = pytest.importorskip("sklearn.cluster")
    from scipy.sparse import coo_matrix

    rng = np.random.default_rng(7)
    for trial in range(8):
        rows, cols = int(rng.integers(3, 8)), int(rng.integers(3, 8))
        graph = grid_graph(rows, cols)
        n = graph.n
        values = rng.normal(size=(n, 2))
        k = int(rng.integers(2, max(3, n // 3)))
        ours = ward_partition(graph, np.arange(n), values, np.ones(n), k, upper=np.inf)
        connectivity = coo_matrix((np.ones(len(graph.left)), (graph.left, graph.right)), shape=(n, n))
        connectivity = connectivity + connectivity.T
        labels = cluster.AgglomerativeClustering(n_clusters=k, linkage="ward", connectivity=connectivity).fit_predict(values)
        theirs = {frozenset(np.flatnonzero(labels == label).tolist()) for label in np.unique(labels)}
        assert {frozenset(part.tolist()) for part in ours} == theirs, (trial, rows, cols, k)
