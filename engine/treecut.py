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

import numpy as np
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import breadth_first_order, minimum_spanning_tree


class TreeCutter:
    """Splits connected node sets of ``graph`` into parts whose populations respect the bounds."""

    def __init__(self, graph, values, sqnorm, population, lower, upper, rng, attempts=6):
        self.graph = graph
        self.values = values
        self.sqnorm = sqnorm
        self.population = population
        self.lower = float(lower)
        self.upper = float(upper)
        self.rng = rng
        self.attempts = attempts

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
            from .errors import Cancelled

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
        best = None
        attempts = self.attempts if attempts is None else attempts
        for attempt in range(start, start + attempts):
            tree = self._tree(nodes, randomness=0.0 if attempt == 0 else min(1.0, 0.25 * attempt))
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
    def _tree(self, nodes, randomness):
        """Spanning tree of the induced subgraph: (order, parent) in local indices, BFS order."""
        n = len(nodes)
        sub = self.graph.subgraph(nodes)
        left, right = sub.left, sub.right
        if n > 1 and len(left) == 0:
            return None
        diff = self.values[nodes[left]] - self.values[nodes[right]]
        weight = (diff * diff).sum(axis=1)
        scale = weight.mean() if len(weight) and weight.mean() > 0 else 1.0
        if randomness > 0:
            weight = weight * (1.0 - randomness) + randomness * scale * self.rng.random(len(weight))
        weight = weight + 1e-9 * scale + 1e-12  # scipy drops zero-weight edges
        matrix = coo_matrix((weight, (left, right)), shape=(n, n)).tocsr()
        tree = minimum_spanning_tree(matrix)
        tree = tree + tree.T
        root = int(self.rng.integers(n)) if randomness > 0 else 0
        order, parent = breadth_first_order(tree, root, directed=False, return_predecessors=True)
        if len(order) != n:
            return None  # not connected
        return order, parent

    def _cut_on_tree(self, nodes, q, order, parent, pick_random=False):
        n = len(nodes)
        pop = self.population[nodes].astype(float)
        count = np.ones(n)
        sums = self.values[nodes].copy()
        squares = self.sqnorm[nodes].astype(float)

        # depth per node in BFS order, then accumulate subtrees level by level from the bottom
        depth = np.zeros(n, dtype=np.int64)
        parent_in_order = parent[order[1:]]
        for position in range(1, n):  # parents come before children in BFS order
            node = order[position]
            depth[node] = depth[parent_in_order[position - 1]] + 1
        levels = np.argsort(-depth, kind="stable")
        level_bounds = np.flatnonzero(np.diff(depth[levels])) + 1
        for chunk in np.split(levels, level_bounds):
            if depth[chunk[0]] == 0:
                break
            targets = parent[chunk]
            np.add.at(pop, targets, pop[chunk])
            np.add.at(count, targets, count[chunk])
            np.add.at(squares, targets, squares[chunk])
            np.add.at(sums, targets, sums[chunk])

        root = order[0]
        total_pop, total_count = pop[root], count[root]
        total_sum, total_sq = sums[root], squares[root]
        candidates = np.flatnonzero(depth > 0)
        sub_pop = pop[candidates]
        rest_pop = total_pop - sub_pop
        q1 = self._choose_parts(sub_pop, rest_pop, q, count[candidates], total_count - count[candidates])
        ssd_sub = squares[candidates] - (sums[candidates] ** 2).sum(axis=1) / count[candidates]
        rest_count = total_count - count[candidates]
        rest_sums = total_sum - sums[candidates]
        with np.errstate(divide="ignore", invalid="ignore"):
            ssd_rest = (total_sq - squares[candidates]) - np.where(rest_count > 0, (rest_sums**2).sum(axis=1) / rest_count, 0.0)
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
        inside = self._subtree_mask(node, order, parent, depth)
        side = nodes[inside]
        rest = nodes[~inside]
        return (float(violation[pick]) * 1e12 + float(balance_penalty[pick]) * 1e6 + float(objective[pick]),
                float(violation[pick]), side, int(q1[pick]), rest, int(q_rest[pick]))

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

    @staticmethod
    def _subtree_mask(node, order, parent, depth):
        inside = np.zeros(len(order), dtype=bool)
        inside[node] = True
        start = depth[node]
        # nodes of the subtree are deeper than `node`; walk BFS order once from its position
        position = int(np.flatnonzero(order == node)[0])
        for other in order[position + 1 :]:
            if depth[other] > start and inside[parent[other]]:
                inside[other] = True
        return inside
