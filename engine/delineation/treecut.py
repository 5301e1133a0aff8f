"""Bounded tree partitioning: split a connected set of blocks into q parts within [L, U].

On a spanning tree of the blocks (minimum spanning tree on attribute dissimilarity,
perturbed on later attempts), one bottom-up pass gives every subtree's population,
block count, attribute sum and sum of squares. Cutting the edge above a subtree splits
the region into two trees; a cut is admissible when the subtree's population can be
divided into q1 parts and the rest into q - q1 parts with every part in [L, U] (counting
only: q1·L <= pop <= q1·U). Among admissible cuts, the one with the lowest within
sum of squares wins. Memory is linear in blocks + edges.
"""
from __future__ import annotations

import hashlib

import numpy as np
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import depth_first_order, minimum_spanning_tree

from ..objective import ssd_of_sums
from .treeorder import tree_preorder

#: Up to this many edges, a plain-Python Kruskal beats scipy's sparse-matrix overhead.
SMALL_TREE_EDGES = 400
#: Up to this many nodes, engine/treeorder.py's walk beats scipy's depth_first_order (same result).
SMALL_PREORDER_NODES = 500


def _small_tree(n, left, right, weight, root):
    """Minimum spanning tree (Kruskal, stable order) and its depth-first preorder from ``root``."""
    parent_of = list(range(n))

    def find(item):
        while parent_of[item] != item:
            parent_of[item] = parent_of[parent_of[item]]
            item = parent_of[item]
        return item

    neighbours = [[] for _ in range(n)]
    joined = 0
    left_list, right_list = left.tolist(), right.tolist()
    for k in np.argsort(weight, kind="stable").tolist():
        a, b = find(left_list[k]), find(right_list[k])
        if a != b:
            parent_of[a] = b
            neighbours[left_list[k]].append(right_list[k])
            neighbours[right_list[k]].append(left_list[k])
            joined += 1
            if joined == n - 1:
                break
    if joined != n - 1:
        return None  # not connected
    order, parent = [], np.full(n, -9999, dtype=np.int64)
    stack = [root]
    seen = [False] * n
    seen[root] = True
    while stack:
        node = stack.pop()
        order.append(node)
        for other in neighbours[node]:
            if not seen[other]:
                seen[other] = True
                parent[other] = node
                stack.append(other)
    return np.asarray(order, dtype=np.int64), parent


#: Cuts on minimum spanning trees remembered per cutter (then forgotten all at once): a few
#: KB each, the recombination rounds of a 100k town try about 3,000 pairs a round.
FIRST_CUT_CACHE = 8192
_MISSING = object()


def _copy_candidate(candidate):
    """A remembered cut with fresh arrays (callers may keep or change them)."""
    if candidate is None:
        return None
    rank, violation, side, q_side, rest, q_rest = candidate
    return rank, violation, side.copy(), q_side, rest.copy(), q_rest


class TreeCutter:
    """Splits connected node sets of ``graph`` into parts whose populations respect the bounds.

    ``weights``: block weights of the SSD that ranks the cuts (None: unweighted); the trees
    themselves follow the unweighted attribute dissimilarity.
    """

    def __init__(self, graph, values, sqnorm, population, lower, upper, rng, attempts=6, weights=None):
        self.graph = graph
        self.values = values
        self.sqnorm = sqnorm
        self.weights = None if weights is None else np.asarray(weights, dtype=float)
        self.wvalues = values if weights is None else values * self.weights[:, None]
        self.wsq = sqnorm if weights is None else sqnorm * self.weights
        self.population = population
        self.lower = float(lower)
        self.upper = float(upper)
        self.rng = rng
        self.attempts = attempts
        self._first_cuts = {}  # (q, nodes) -> (best cut on the minimum spanning tree,) or None

    # -- public -----------------------------------------------------------------------
    def partition(self, nodes, parts, is_cancelled=None, attempts=None, retries=12):
        """Split connected ``nodes`` into ``parts`` connected parts.

        Returns a list of node arrays. A cut that is admissible by counting can still leave a
        piece that no tree cut divides within the bounds; then the cut above it is tried
        again on other trees (up to ``retries`` times in all). When nothing admissible is
        found, the split that violates the bounds least is kept, so the count of parts is
        always met (the local search and repair fix the bounds afterwards where they can).
        """
        budget = [retries]
        pieces, _ = self._partition(np.asarray(nodes, dtype=np.int64), int(parts), attempts, budget, is_cancelled)
        return pieces

    def _partition(self, nodes, q, attempts, budget, is_cancelled):
        if is_cancelled is not None and is_cancelled():
            from ..errors import Cancelled

            raise Cancelled()
        if q <= 1 or len(nodes) <= 1:
            return [nodes], float(self._violation(np.array([self.population[nodes].sum()]), 1)[0])
        best = None
        retry = 0
        while True:
            # the first try takes the best of several trees; retries take one random tree each
            if retry == 0:
                cut = self.best_cut(nodes, q, attempts=attempts)
            else:
                cut = self.best_cut(nodes, q, attempts=1, start=4, pick_random=True)
            retry += 1
            if cut is None:
                return [nodes], float(self._violation(np.array([self.population[nodes].sum()]), q)[0])
            (side, q_side), (rest, q_rest) = cut
            side_parts, side_violation = self._partition(side, q_side, attempts, budget, is_cancelled)
            rest_parts, rest_violation = self._partition(rest, q_rest, attempts, budget, is_cancelled)
            total = side_violation + rest_violation
            if best is None or total < best[1]:
                best = (side_parts + rest_parts, total)
            # With q = 2 the children are final: best_cut already compared several trees.
            if best[1] <= 0 or budget[0] <= 0 or q <= 2 or retry > 4:
                return best
            budget[0] -= 1

    def best_cut(self, nodes, q, attempts=None, start=0, pick_random=False):
        """Best admissible split of ``nodes`` into (part, q1), (rest, q - q1); None if impossible.

        Attempt 0 uses the minimum spanning tree of attribute dissimilarity; later attempts
        perturb the weights more and more (attempt 4 on: random trees from a random root).
        ``pick_random`` takes a random admissible cut instead of the best (to diversify retries).
        """
        nodes = np.asarray(nodes, dtype=np.int64)
        best = None
        attempts = self.attempts if attempts is None else attempts
        edges = None
        for attempt in range(start, start + attempts):
            if attempt == 0 and not pick_random:
                # the minimum spanning tree and its best cut draw no random numbers: the same
                # nodes give the same cut, so a pair tried again unchanged is looked up
                key = (q, len(nodes), hashlib.blake2b(nodes.tobytes(), digest_size=16).digest())
                found = self._first_cuts.get(key, _MISSING)
                if found is _MISSING:
                    edges = self._edges(nodes)
                    tree = self._tree(nodes, randomness=0.0, edges=edges)
                    found = None if tree is None else (self._cut_on_tree(nodes, q, *tree),)
                    if len(self._first_cuts) >= FIRST_CUT_CACHE:
                        self._first_cuts.clear()
                    self._first_cuts[key] = found
                if found is None:
                    return None  # not connected
                candidate = _copy_candidate(found[0])
            else:
                if edges is None:
                    edges = self._edges(nodes)
                tree = self._tree(nodes, randomness=min(1.0, 0.25 * attempt), edges=edges)
                if tree is None:
                    return None
                candidate = self._cut_on_tree(nodes, q, *tree, pick_random=pick_random)
            if candidate is None:
                continue
            if best is None or candidate[0] < best[0]:
                best = candidate
            if best[1] == 0.0 and attempt >= start + 1:
                break  # an admissible cut from two different trees: good enough
        if best is None:
            return None
        _, violation, side, q_side, rest, q_rest = best
        return (side, q_side), (rest, q_rest)

    # -- internals ----------------------------------------------------------------------
    def _edges(self, nodes):
        """Edges of the induced subgraph (local indices) and their dissimilarity weights."""
        left, right, _ = self.graph.induced_edges(nodes)  # the subgraph's edges, no CSR built
        diff = self.values[nodes[left]] - self.values[nodes[right]]
        return left, right, (diff * diff).sum(axis=1)

    def _tree(self, nodes, randomness, edges=None):
        """Spanning tree of the induced subgraph: (preorder, parent) in local indices.

        In a depth-first preorder every subtree is one contiguous run, so subtree sums are
        differences of prefix sums and a subtree is a slice: no per-level loops.
        """
        n = len(nodes)
        left, right, weight = edges if edges is not None else self._edges(nodes)
        if n > 1 and len(left) == 0:
            return None
        scale = weight.mean() if len(weight) and weight.mean() > 0 else 1.0
        if randomness > 0:
            weight = weight * (1.0 - randomness) + randomness * scale * self.rng.random(len(weight))
        root = int(self.rng.integers(n)) if randomness > 0 else 0
        if len(left) <= SMALL_TREE_EDGES:
            return _small_tree(n, left, right, weight, root)
        weight = weight + 1e-9 * scale + 1e-12  # scipy drops zero-weight edges
        matrix = coo_matrix((weight, (left, right)), shape=(n, n)).tocsr()
        tree = minimum_spanning_tree(matrix)
        if n <= SMALL_PREORDER_NODES:  # the same order and parents without scipy's sparse overhead
            tree = tree.tocoo()
            order, parent = tree_preorder(n, tree.row, tree.col, root)
        else:
            tree = tree + tree.T
            order, parent = depth_first_order(tree, root, directed=False, return_predecessors=True)
        if len(order) != n:
            return None  # not connected
        return order, parent

    def _cut_on_tree(self, nodes, q, order, parent, pick_random=False):
        n = len(nodes)
        position = np.empty(n, dtype=np.int64)
        position[order] = np.arange(n)
        # subtree sizes: children come after their parent in preorder
        size = [1] * n
        parent_list = parent.tolist()
        for node in order[:0:-1].tolist():
            size[parent_list[node]] += size[node]
        size = np.asarray(size, dtype=np.int64)

        nodes_in_order = nodes[order]  # one gather per attribute instead of two

        def prefix(ordered):
            out = np.zeros((len(ordered) + 1,) + ordered.shape[1:])
            np.cumsum(ordered, axis=0, out=out[1:])
            return out

        start = position
        end = position + size
        pop_prefix = prefix(self.population[nodes_in_order].astype(float))
        sq_prefix = prefix(self.wsq[nodes_in_order].astype(float))
        sum_prefix = prefix(self.wvalues[nodes_in_order])
        pop = pop_prefix[end] - pop_prefix[start]
        squares = sq_prefix[end] - sq_prefix[start]
        sums = sum_prefix[end] - sum_prefix[start]
        count = size.astype(float)  # blocks: how many parts a side can hold
        if self.weights is None:
            weight = count
        else:
            weight_prefix = prefix(self.weights[nodes_in_order])
            weight = weight_prefix[end] - weight_prefix[start]

        root = order[0]
        total_pop, total_count = pop[root], count[root]
        total_sum, total_sq = sums[root], squares[root]
        candidates = np.flatnonzero(np.arange(n) != root)
        sub_pop = pop[candidates]
        rest_pop = total_pop - sub_pop
        q1 = self._choose_parts(sub_pop, rest_pop, q, count[candidates], total_count - count[candidates])
        ssd_sub = ssd_of_sums(weight[candidates], sums[candidates], squares[candidates])
        ssd_rest = ssd_of_sums(weight[root] - weight[candidates], total_sum - sums[candidates], total_sq - squares[candidates])
        objective = ssd_sub + ssd_rest
        q_rest = q - q1
        violation = self._violation(sub_pop, q1) + self._violation(rest_pop, q_rest)
        # prefer admissible cuts; among them the lowest SSD; for many parts stay balanced
        balance = np.abs(q1 - q / 2.0)
        if q > 3:
            balance_penalty = np.where(balance <= 0.5, 0.0, balance)
        else:
            balance_penalty = np.zeros_like(balance)
        key = np.lexsort((objective, balance_penalty, violation))
        pick = key[0]
        if pick_random:
            tied = key[violation[key] == violation[pick]]  # any admissible cut, balanced or not
            pick = tied[int(self.rng.integers(len(tied)))]
        node = candidates[pick]
        inside = np.zeros(n, dtype=bool)
        inside[order[start[node] : end[node]]] = True
        side = nodes[inside]
        rest = nodes[~inside]
        # the rank is a tuple, compared in order: packing it into one float (violation * 1e12 + ...)
        # mis-orders cuts once the SSD of a large town reaches the packing factors
        rank = (float(violation[pick]), float(balance_penalty[pick]), float(objective[pick]))
        return (rank, float(violation[pick]), side, int(q1[pick]), rest, int(q_rest[pick]))

    def _choose_parts(self, sub_pop, rest_pop, q, sub_count, rest_count):
        """For each cut, the number of parts q1 for the subtree side (admissible if possible).

        A side can hold at most as many parts as it has blocks, whatever its population.
        """
        lower, upper = self.lower, self.upper
        lo = np.maximum(1, np.ceil(sub_pop / upper - 1e-9))
        hi = np.minimum(q - 1, np.floor(sub_pop / lower + 1e-9) if lower > 0 else q - 1)
        hi = np.minimum(hi, sub_count)
        lo = np.maximum(lo, q - (np.floor(rest_pop / lower + 1e-9) if lower > 0 else q - 1))
        lo = np.maximum(lo, q - rest_count)
        hi = np.minimum(hi, q - np.maximum(1, np.ceil(rest_pop / upper - 1e-9)))
        total = sub_pop + rest_pop
        proportional = np.where(total > 0, np.rint(q * sub_pop / np.where(total > 0, total, 1)), 1)
        proportional = np.clip(proportional, 1, q - 1)
        admissible = lo <= hi
        # even when no count is admissible, never give a side more parts than blocks
        fallback = np.clip(proportional, np.maximum(1, q - rest_count), np.minimum(q - 1, sub_count))
        chosen = np.where(admissible, np.clip(proportional, lo, np.maximum(lo, hi)), fallback)
        return chosen.astype(np.int64)

    def _violation(self, population, parts):
        return np.maximum(0.0, parts * self.lower - population) + np.maximum(0.0, population - parts * self.upper)
