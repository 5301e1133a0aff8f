"""The CSR graph: induced subgraphs take the same edges whichever way they are built."""
import numpy as np

from sozialraum.engine.spatial.graph import Graph, is_connected


def induced_by_scan(graph, nodes):
    local = np.full(graph.n, -1)
    local[nodes] = np.arange(len(nodes))
    keep = (local[graph.left] >= 0) & (local[graph.right] >= 0)
    return Graph(len(nodes), local[graph.left[keep]], local[graph.right[keep]], graph.length[keep])


def test_small_subgraph_equals_the_induced_subgraph():
    rng = np.random.default_rng(0)
    n = 2000
    graph = Graph(n, rng.integers(0, n, 8000), rng.integers(0, n, 8000), rng.random(8000))
    for size in (1, 10, 100, 240):  # all below n/8: the CSR path
        nodes = rng.choice(n, size, replace=False)
        fast, slow = graph.subgraph(nodes), induced_by_scan(graph, nodes)
        assert (fast.indptr == slow.indptr).all() and (fast.indices == slow.indices).all()
        assert np.allclose(fast.edge_length, slow.edge_length)


def test_components_and_connectivity():
    graph = Graph(5, [0, 1, 3], [1, 2, 4])
    labels = graph.components()
    assert labels[0] == labels[1] == labels[2] != labels[3] == labels[4]
    assert is_connected(graph, [0, 1, 2]) and not is_connected(graph, [0, 2])
