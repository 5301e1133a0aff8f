"""The speed-ups of issue 20 (point 5) compute exactly what they replaced.

The divisions must not change with them (same seed, same labels; bench/scale.py compares whole
runs): so the short cuts are checked here against the slower code they stand in for.
"""
import numpy as np
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import depth_first_order, minimum_spanning_tree

from sozialraum.engine.delineation.treecut import TreeCutter
from sozialraum.engine.delineation.treeorder import tree_preorder
from sozialraum.engine.spatial.graph import Graph


def _random_connected(rng, n, extra):
    left = [int(rng.integers(v)) for v in range(1, n)]
    right = list(range(1, n))
    left += rng.integers(0, n, extra).tolist()
    right += rng.integers(0, n, extra).tolist()
    return np.asarray(left), np.asarray(right)


def test_tree_preorder_is_scipys_depth_first_order():
    rng = np.random.default_rng(20)
    for _ in range(200):
        n = int(rng.integers(2, 300))
        left, right = _random_connected(rng, n, int(rng.integers(0, 2 * n)))
        keep = left != right
        left, right = left[keep], right[keep]
        weight = rng.random(len(left))
        weight[rng.random(len(left)) < 0.3] = 0.5  # ties, as blocks with equal attributes give
        tree = minimum_spanning_tree(coo_matrix((weight + 1e-9, (left, right)), shape=(n, n)).tocsr())
        root = int(rng.integers(n))
        order, parent = depth_first_order(tree + tree.T, root, directed=False, return_predecessors=True)
        coo = tree.tocoo()
        walked, walked_parent = tree_preorder(n, coo.row, coo.col, root)
        assert walked.tolist() == order.tolist()
        assert walked_parent.tolist() == parent.tolist()


def test_tree_preorder_of_a_forest_reaches_only_the_roots_tree():
    order, parent = tree_preorder(5, [0, 3], [1, 4], 0)
    assert order.tolist() == [0, 1] and parent[1] == 0 and parent[3] == -9999


def test_induced_edges_are_the_subgraphs_edges_in_order():
    rng = np.random.default_rng(5)
    n = 1500
    graph = Graph(n, rng.integers(0, n, 6000), rng.integers(0, n, 6000), rng.random(6000))
    for size in (1, 12, 150, 400, 1500):  # below and above n / 8: both ways of building it
        nodes = np.sort(rng.choice(n, size, replace=False))
        sub = graph.subgraph(nodes)
        left, right, length = graph.induced_edges(nodes)
        assert left.tolist() == sub.left.tolist() and right.tolist() == sub.right.tolist()
        assert length.tolist() == sub.length.tolist()


def test_a_remembered_first_cut_is_the_cut_computed_afresh():
    rng = np.random.default_rng(7)
    side = 12
    idx = np.arange(side * side).reshape(side, side)
    left = np.concatenate([idx[:, :-1].ravel(), idx[:-1, :].ravel()])
    right = np.concatenate([idx[:, 1:].ravel(), idx[1:, :].ravel()])
    graph = Graph(side * side, left, right)
    values = rng.standard_normal((side * side, 3))
    population = rng.integers(20, 600, side * side).astype(float)

    def cutter():
        return TreeCutter(graph, values, (values ** 2).sum(axis=1), population, 700.0, 8500.0,
                          np.random.default_rng(1), attempts=1)

    remembering, fresh = cutter(), cutter()
    nodes = np.arange(side * side)
    first = remembering.best_cut(nodes, 4)
    again = remembering.best_cut(nodes, 4)  # looked up
    computed = fresh.best_cut(nodes, 4)
    for cut in (again, computed):
        assert [part.tolist() for part, _ in cut] == [part.tolist() for part, _ in first]
        assert [q for _, q in cut] == [q for _, q in first]
    again[0][0][:] = -1  # a caller changing its arrays does not change what is remembered
    assert remembering.best_cut(nodes, 4)[0][0].tolist() == first[0][0].tolist()


def _reference_ward(graph, nodes, values, population, parts, upper, weights=None):
    """ward_partition as it was before the speed-up (numpy scalars, means recomputed per cost)."""
    import heapq

    from sozialraum.engine.objective import EMPTY_WEIGHT

    sub = graph.subgraph(nodes)
    n = len(nodes)
    if weights is None:
        sums, count = values[nodes].astype(float).copy(), np.ones(n)
    else:
        count = np.asarray(weights, dtype=float)[nodes].copy()
        sums = values[nodes].astype(float) * count[:, None]
    pop = population[nodes].astype(float).copy()
    neighbours = [set() for _ in range(n)]
    for a, b in zip(sub.left.tolist(), sub.right.tolist()):
        neighbours[a].add(b)
        neighbours[b].add(a)
    version, alive, members = [0] * n, [True] * n, [[i] for i in range(n)]

    def cost(a, b):
        if count[a] <= EMPTY_WEIGHT or count[b] <= EMPTY_WEIGHT:
            return 0.0
        diff = sums[a] / count[a] - sums[b] / count[b]
        return count[a] * count[b] / (count[a] + count[b]) * float(diff.dot(diff))

    heap = [(pop[a] + pop[b] > upper, cost(a, b), a, b, 0, 0) for a in range(n) for b in neighbours[a] if a < b]
    heapq.heapify(heap)
    clusters = n
    while clusters > parts and heap:
        _, _, a, b, version_a, version_b = heapq.heappop(heap)
        if not (alive[a] and alive[b]) or version[a] != version_a or version[b] != version_b:
            continue
        sums[a] += sums[b]
        count[a] += count[b]
        pop[a] += pop[b]
        members[a].extend(members[b])
        members[b], alive[b] = [], False
        neighbours[a] |= neighbours[b]
        neighbours[a] -= {a, b}
        for other in neighbours[b]:
            if other != a:
                neighbours[other].discard(b)
                neighbours[other].add(a)
        neighbours[b] = set()
        version[a] += 1
        clusters -= 1
        for other in neighbours[a]:
            low, high = (a, other) if a < other else (other, a)
            heapq.heappush(heap, (pop[a] + pop[other] > upper, cost(low, high), low, high, version[low], version[high]))
    return [nodes[np.asarray(group, dtype=np.int64)] for group, live in zip(members, alive) if live]


def test_ward_partition_merges_as_before():
    from sozialraum.engine.delineation.ward import ward_partition

    rng = np.random.default_rng(11)
    side = 30
    idx = np.arange(side * side).reshape(side, side)
    graph = Graph(side * side, np.concatenate([idx[:, :-1].ravel(), idx[:-1, :].ravel()]),
                  np.concatenate([idx[:, 1:].ravel(), idx[1:, :].ravel()]))
    values = np.round(rng.standard_normal((side * side, 4)), 1)  # rounded: equal costs happen
    population = rng.integers(0, 400, side * side).astype(float)  # some blocks weigh 0
    nodes = np.arange(side * side)
    for weights in (None, population):
        got = ward_partition(graph, nodes, values, population, 40, 8500.0, weights=weights)
        want = _reference_ward(graph, nodes, values, population, 40, 8500.0, weights=weights)
        assert [g.tolist() for g in got] == [w.tolist() for w in want]
