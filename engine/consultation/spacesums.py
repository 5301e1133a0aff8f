"""Running sums per space and contiguity by graph search: the numbers under a consultation session.

Spaces are integer codes here (0: blocks in no space); :mod:`~sozialraum.engine.consultation.session`
maps them to the planners' labels. Per code the state keeps the residents, the block count,
the weight W, Σw·x and Σw‖x‖² (w = 1 for the unweighted SSD), so the SSD follows from
:func:`~sozialraum.engine.objective.ssd_of_sums`, and a reassignment of b blocks costs
O(b · attributes) — the same arithmetic whether it is applied or only previewed (the overlay
shows exactly what the commit will give).

Contiguity is the number of connected parts of a space on the adjacency graph, found by a
depth-first search through the space's own blocks. After a reassignment only the spaces
that lost or gained blocks are searched again: a stroke costs the size of the few spaces it
touches, never the town, and no geometry is unioned (no tolerances, no slivers).
"""
from __future__ import annotations

from itertools import chain

import numpy as np

from ..objective import ssd_of_sums

#: Code of "no space".
UNASSIGNED = 0


class SpaceSums:
    """Codes per block plus running sums, member sets and part counts per code.

    ``lists``: neighbour lists of the adjacency graph (``Graph.neighbour_lists()``).
    ``wvalues``/``wsq``: the weighted attribute rows w·x and w‖x‖²; ``weights``: w.
    """

    def __init__(self, codes, n_codes, population, wvalues, wsq, weights, lists):
        self.codes = np.asarray(codes, dtype=np.int64).copy()
        self.code_list = self.codes.tolist()  # the same codes as a list: fast one-by-one access
        self.population, self.wvalues, self.wsq, self.weights = population, wvalues, wsq, weights
        self.lists = lists
        k = max(int(n_codes), 1)
        self.members = [set() for _ in range(k)]
        for node, code in enumerate(self.code_list):
            self.members[code].add(node)
        self.recount()

    def recount(self):
        """Every sum and part count from the codes again (construction, full validation).

        Running sums drift by rounding over many moves (a + x − x is not always a); a recount
        puts them back to the sums of the blocks.
        """
        k, codes = len(self.members), self.codes
        self.pop = np.bincount(codes, weights=self.population, minlength=k).astype(float)
        self.count = np.bincount(codes, minlength=k).astype(np.int64)
        self.weight = np.bincount(codes, weights=self.weights, minlength=k).astype(float)
        self.sq = np.bincount(codes, weights=self.wsq, minlength=k).astype(float)
        self.sums = np.zeros((k, self.wvalues.shape[1]))
        for column in range(self.wvalues.shape[1]):
            self.sums[:, column] = np.bincount(codes, weights=self.wvalues[:, column], minlength=k)
        self.parts = np.zeros(k, dtype=np.int64)
        self.refresh_parts(range(1, k))

    @property
    def n_codes(self):
        return len(self.pop)

    def add_code(self):
        """A new, empty code (arrays grow by doubling: amortised O(1))."""
        code = len(self.members)
        if code >= len(self.pop):
            extra = max(8, len(self.pop))
            self.pop = np.concatenate([self.pop, np.zeros(extra)])
            self.count = np.concatenate([self.count, np.zeros(extra, dtype=np.int64)])
            self.weight = np.concatenate([self.weight, np.zeros(extra)])
            self.sq = np.concatenate([self.sq, np.zeros(extra)])
            self.sums = np.concatenate([self.sums, np.zeros((extra, self.sums.shape[1]))])
            self.parts = np.concatenate([self.parts, np.zeros(extra, dtype=np.int64)])
        self.members.append(set())
        return code

    @property
    def used(self):
        """Codes handed out so far (the arrays may be longer)."""
        return len(self.members)

    # -- figures ------------------------------------------------------------------------
    def ssd(self, codes):
        codes = np.asarray(codes, dtype=np.int64)
        return np.maximum(ssd_of_sums(self.weight[codes], self.sums[codes], self.sq[codes]), 0.0)

    def totals_after(self, nodes, targets):
        """(affected codes, population, count, weight, Σw·x, Σw‖x‖²) of the affected codes
        after moving ``nodes`` to ``targets`` (arrays; nodes already there are fine)."""
        sources = self.codes[nodes]
        affected = np.unique(np.concatenate([sources, targets]))
        out_of = np.searchsorted(affected, sources)
        into = np.searchsorted(affected, targets)
        pop, count, weight = self.pop[affected].copy(), self.count[affected].copy(), self.weight[affected].copy()
        sq, sums = self.sq[affected].copy(), self.sums[affected].copy()
        for array, rows in ((pop, self.population), (weight, self.weights), (sq, self.wsq), (sums, self.wvalues)):
            moved = rows[nodes]
            np.subtract.at(array, out_of, moved)
            np.add.at(array, into, moved)
        np.subtract.at(count, out_of, 1)
        np.add.at(count, into, 1)
        return affected, pop, count, weight, sums, sq

    def parts_after(self, nodes, targets, codes):
        """Connected parts of ``codes`` as they would be after the move (the state is unchanged)."""
        nodes, targets = list(nodes), list(targets)
        old = [self.code_list[node] for node in nodes]
        for node, target in zip(nodes, targets):
            self.code_list[node] = target
        try:
            return [self._count_parts(code, chain(self.members[code], nodes)) for code in codes]
        finally:
            for node, code in zip(nodes, old):
                self.code_list[node] = code

    # -- changes ------------------------------------------------------------------------
    def reassign(self, nodes, targets):
        """Move ``nodes`` (int array) to ``targets`` (int array); returns the affected codes."""
        affected, pop, count, weight, sums, sq = self.totals_after(nodes, targets)
        self.pop[affected], self.count[affected], self.weight[affected] = pop, count, weight
        self.sums[affected], self.sq[affected] = sums, sq
        members = self.members
        for node, target in zip(nodes.tolist(), targets.tolist()):
            members[self.code_list[node]].discard(node)
            members[target].add(node)
            self.code_list[node] = target
        self.codes[nodes] = targets
        self.refresh_parts(affected.tolist())
        return affected.tolist()

    def refresh_parts(self, codes):
        for code in codes:
            if code != UNASSIGNED:
                self.parts[code] = self._count_parts(code, self.members[code])

    def _count_parts(self, code, nodes):
        """Connected parts of the blocks of ``code`` (depth-first search from each unseen one)."""
        labels, lists = self.code_list, self.lists
        seen = set()
        parts = 0
        for start in nodes:
            if start in seen or labels[start] != code:
                continue
            parts += 1
            seen.add(start)
            stack = [start]
            while stack:
                node = stack.pop()
                for other in lists[node]:
                    if other not in seen and labels[other] == code:
                        seen.add(other)
                        stack.append(other)
        return parts
