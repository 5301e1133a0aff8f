"""Contiguity-constrained Ward clustering: a homogeneous first partition.

Blocks start as their own clusters; the pair of linked clusters whose merge raises the
within sum of squares least (Ward: n_a·n_b/(n_a+n_b)·‖mean_a − mean_b‖²) is merged, until
the wanted number of clusters is left. Merges that would exceed the population ceiling are
postponed and only taken when nothing else is left, so the ceiling holds wherever it can;
floors are left to the local search and repair. A heap with lazy deletion keeps it
O(E log E); memory grows with blocks + links.
"""
from __future__ import annotations

import heapq

import numpy as np

from ..objective import EMPTY_WEIGHT


def ward_partition(graph, nodes, values, population, parts, upper, weights=None):
    """Cluster connected ``nodes`` of ``graph`` into ``parts`` contiguous clusters.

    ``weights``: block weights of the SSD (None: 1 each). With weights, the merge cost is
    W_a·W_b/(W_a+W_b)·‖m_a − m_b‖² on weighted means; a cluster without weight (no residents)
    joins a neighbour at no cost. Returns a list of node arrays (as many as ``parts`` when
    the nodes are connected).
    """
    nodes = np.asarray(nodes, dtype=np.int64)
    if parts <= 1 or len(nodes) <= parts:
        return [nodes] if parts <= 1 else [np.array([node]) for node in nodes]
    sub = graph.subgraph(nodes)
    n = len(nodes)
    if weights is None:
        sums = values[nodes].astype(float).copy()
        count = np.ones(n)
    else:
        count = np.asarray(weights, dtype=float)[nodes].copy()
        sums = values[nodes].astype(float) * count[:, None]
    pop = population[nodes].astype(float).tolist()
    # Python floats and one row view per cluster: the same arithmetic as on the arrays, without
    # numpy's per-element overhead in the million cost evaluations of a large town
    with np.errstate(divide="ignore", invalid="ignore"):  # clusters without weight: their mean is never read
        means = list(sums / count[:, None])  # the mean of each cluster, recomputed when it grows
    count = count.tolist()
    sums = list(sums)
    neighbours = [set() for _ in range(n)]
    for a, b in zip(sub.left.tolist(), sub.right.tolist()):
        neighbours[a].add(b)
        neighbours[b].add(a)
    version = [0] * n
    alive = [True] * n
    members = [[i] for i in range(n)]

    def cost(a, b):
        count_a, count_b = count[a], count[b]
        if count_a <= EMPTY_WEIGHT or count_b <= EMPTY_WEIGHT:
            return 0.0
        diff = means[a] - means[b]
        return count_a * count_b / (count_a + count_b) * float(diff.dot(diff))

    heap = []
    for a in range(n):
        for b in neighbours[a]:
            if a < b:
                over = pop[a] + pop[b] > upper
                heap.append((over, cost(a, b), a, b, 0, 0))
    heapq.heapify(heap)
    clusters = n
    while clusters > parts and heap:
        over, _, a, b, version_a, version_b = heapq.heappop(heap)
        if not (alive[a] and alive[b]) or version[a] != version_a or version[b] != version_b:
            continue
        # merge b into a
        sums[a] += sums[b]
        count[a] += count[b]
        if count[a] > EMPTY_WEIGHT:
            means[a] = sums[a] / count[a]
        pop[a] += pop[b]
        members[a].extend(members[b])
        members[b] = []
        alive[b] = False
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
