"""A compact undirected graph (CSR arrays) with the few operations delineation needs."""
from __future__ import annotations

import numpy as np
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components


class Graph:
    """Undirected graph on ``n`` nodes from edge lists; neighbours as CSR slices."""

    def __init__(self, n, left, right, length=None):
        left = np.asarray(left, dtype=np.int64)
        right = np.asarray(right, dtype=np.int64)
        keep = left != right
        left, right = left[keep], right[keep]
        length = np.ones(len(keep)) if length is None else np.asarray(length, dtype=float)
        length = length[keep]
        self.n = int(n)
        self.left, self.right, self.length = left, right, length
        heads = np.concatenate([left, right])
        tails = np.concatenate([right, left])
        lengths = np.concatenate([length, length])
        order = np.lexsort((tails, heads))
        heads, tails, lengths = heads[order], tails[order], lengths[order]
        # drop duplicate edges (keep the first)
        if len(heads):
            unique = np.ones(len(heads), dtype=bool)
            unique[1:] = (heads[1:] != heads[:-1]) | (tails[1:] != tails[:-1])
            heads, tails, lengths = heads[unique], tails[unique], lengths[unique]
        self.indptr = np.zeros(self.n + 1, dtype=np.int64)
        np.add.at(self.indptr, heads + 1, 1)
        self.indptr = np.cumsum(self.indptr)
        self.indices = tails
        self.edge_length = lengths
        self._lists = None
        self._length_lists = None

    @property
    def n_edges(self):
        return len(self.indices) // 2

    def neighbours(self, node):
        return self.indices[self.indptr[node] : self.indptr[node + 1]]

    def neighbour_lists(self):
        """Python lists of neighbours (fast to iterate in the local search)."""
        if self._lists is None:
            indices = self.indices.tolist()
            bounds = self.indptr.tolist()
            self._lists = [indices[bounds[i] : bounds[i + 1]] for i in range(self.n)]
        return self._lists

    def length_lists(self):
        """Python lists of link lengths, in the order of :meth:`neighbour_lists` (made once)."""
        if self._length_lists is None:
            lengths = self.edge_length.tolist()
            bounds = self.indptr.tolist()
            self._length_lists = [lengths[bounds[i] : bounds[i + 1]] for i in range(self.n)]
        return self._length_lists

    def rows(self, nodes):
        """(heads, tails, lengths) of every link of ``nodes`` as stored in the CSR arrays (both directions)."""
        nodes = np.asarray(nodes, dtype=np.int64)
        starts = self.indptr[nodes]
        counts = self.indptr[nodes + 1] - starts
        offsets = np.repeat(starts - np.concatenate([[0], np.cumsum(counts)[:-1]]), counts)
        positions = offsets + np.arange(int(counts.sum()))
        return np.repeat(nodes, counts), self.indices[positions], self.edge_length[positions]

    def matrix(self, weights=None):
        data = np.ones(len(self.indices)) if weights is None else weights
        rows = np.repeat(np.arange(self.n), np.diff(self.indptr))
        return coo_matrix((data, (rows, self.indices)), shape=(self.n, self.n)).tocsr()

    def components(self, mask=None):
        """Component label per node (-1 where ``mask`` is False), labels 0..c-1."""
        if mask is None:
            _, labels = connected_components(self.matrix(), directed=False)
            return labels
        labels = np.full(self.n, -1, dtype=np.int64)
        nodes = np.flatnonzero(mask)
        if not len(nodes):
            return labels
        sub = self.subgraph(nodes)
        _, sub_labels = connected_components(sub.matrix(), directed=False)
        labels[nodes] = sub_labels
        return labels

    def subgraph(self, nodes):
        """The graph induced by ``nodes`` (renumbered 0..len(nodes)-1)."""
        nodes = np.asarray(nodes, dtype=np.int64)
        if len(nodes) * 8 < self.n:
            return self._small_subgraph(nodes)
        local = np.full(self.n, -1, dtype=np.int64)
        local[nodes] = np.arange(len(nodes))
        keep = (local[self.left] >= 0) & (local[self.right] >= 0)
        return Graph(len(nodes), local[self.left[keep]], local[self.right[keep]], self.length[keep])

    def _small_subgraph(self, nodes):
        """Induced subgraph of a few nodes from their CSR rows (no pass over all edges)."""
        return Graph(len(nodes), *self._small_induced_edges(nodes))

    def _small_induced_edges(self, nodes):
        counts = self.indptr[nodes + 1] - self.indptr[nodes]
        heads = np.repeat(np.arange(len(nodes)), counts)
        _, tails_global, lengths = self.rows(nodes)  # the rows of ``nodes`` one after the other
        order = np.argsort(nodes, kind="stable")
        sorted_nodes = nodes[order]
        position = np.searchsorted(sorted_nodes, tails_global)
        position = np.clip(position, 0, len(nodes) - 1)
        inside = sorted_nodes[position] == tails_global
        tails = order[position]
        keep = inside & (heads < tails)
        return heads[keep], tails[keep], lengths[keep]

    def induced_edges(self, nodes):
        """(left, right, length) of ``subgraph(nodes)`` without building its CSR arrays.

        The same edges in the same order as the subgraph's ``left``/``right``/``length``
        (the order decides ties in the spanning trees of engine/treecut.py).
        """
        nodes = np.asarray(nodes, dtype=np.int64)
        if len(nodes) * 8 < self.n:
            return self._small_induced_edges(nodes)
        local = np.full(self.n, -1, dtype=np.int64)
        local[nodes] = np.arange(len(nodes))
        keep = (local[self.left] >= 0) & (local[self.right] >= 0)
        return local[self.left[keep]], local[self.right[keep]], self.length[keep]

    def with_edges(self, left, right, length=None):
        """A copy with extra edges (e.g. links that join islands to their nearest neighbour)."""
        extra = np.zeros(len(left)) if length is None else np.asarray(length, dtype=float)
        return Graph(
            self.n,
            np.concatenate([self.left, np.asarray(left, dtype=np.int64)]),
            np.concatenate([self.right, np.asarray(right, dtype=np.int64)]),
            np.concatenate([self.length, extra]),
        )


def is_connected(graph, nodes):
    """Are ``nodes`` connected using only edges among themselves?"""
    nodes = np.asarray(nodes, dtype=np.int64)
    if len(nodes) <= 1:
        return True
    member = np.zeros(graph.n, dtype=bool)
    member[nodes] = True
    lists = graph.neighbour_lists()
    seen = {int(nodes[0])}
    stack = [int(nodes[0])]
    while stack:
        node = stack.pop()
        for other in lists[node]:
            if member[other] and other not in seen:
                seen.add(other)
                stack.append(other)
    return len(seen) == len(nodes)
