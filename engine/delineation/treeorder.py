"""Depth-first preorder of a spanning tree, without scipy's per-call overhead.

``scipy.sparse.csgraph.depth_first_order`` on the symmetrised tree (``tree + tree.T``) costs
two sparse-matrix constructions and their validation per call; the tree cuts call it
thousands of times on trees of a few hundred blocks, where that overhead is most of the
time. This walk gives exactly the same order and predecessors (scipy goes from each node to
its first unvisited neighbour in ascending index order; in a tree that is the preorder with
the children in ascending order), which keeps the cuts, and so the divisions, unchanged.
"""
from __future__ import annotations

import numpy as np

#: scipy's predecessor of the root (and of nodes it does not reach)
NO_PREDECESSOR = -9999


def tree_preorder(n, heads, tails, root):
    """(order, parent) of the tree on ``n`` nodes whose edges are ``heads``–``tails`` (each once).

    ``order`` lists the nodes reached from ``root``, parent before child, children in
    ascending index order; ``parent`` is NO_PREDECESSOR for the root and unreached nodes.
    Fewer than ``n`` nodes in ``order`` means the edges do not span the nodes.
    """
    heads = np.asarray(heads, dtype=np.int64)
    tails = np.asarray(tails, dtype=np.int64)
    ends = np.concatenate([heads, tails])
    others = np.concatenate([tails, heads])
    sort = np.lexsort((others, ends))
    neighbours = others[sort].tolist()
    bounds = np.searchsorted(ends[sort], np.arange(n + 1)).tolist()
    parent = [NO_PREDECESSOR] * n
    seen = [False] * n
    seen[root] = True
    order = []
    stack = [root]
    while stack:
        node = stack.pop()
        order.append(node)
        # push the unvisited neighbours (in a tree: the children) largest first: smallest comes next
        for position in range(bounds[node + 1] - 1, bounds[node] - 1, -1):
            other = neighbours[position]
            if not seen[other]:
                seen[other] = True
                parent[other] = node
                stack.append(other)
    return np.asarray(order, dtype=np.int64), np.asarray(parent, dtype=np.int64)
