"""Exact re-division of a few blocks: the cheapest division of a small group into contiguous parts.

Single moves, chains and one-way transfers change one border in one direction; some groups of
spaces can only be brought within the bounds by an exchange (a space gives one group of blocks
and takes another back, the neighbour the other way round), and random spanning trees find
such a division only by luck. On a group of a few dozen blocks every division can be listed:
each part is a connected set of blocks whose residents lie within [lower, upper]. The first
part is grown from the group's lowest block over its neighbours (every connected set holding
that block is listed once: the exclusive-neighbourhood enumeration of Wernicke's ESU), a branch
stops as soon as its residents pass the ceiling (residents never shrink when a block is
added), and the rest is divided the same way. The cheapest division by ``cost`` wins.

A step budget bounds the work (groups of blocks without residents have many connected
subsets); when it runs out the best division found so far is returned. Deterministic: the
order of the listing depends only on the block numbers and the neighbour lists.
"""
from __future__ import annotations

#: Connected sets looked at in one call at most.
STEP_BUDGET = 20000


class _OutOfSteps(Exception):
    pass


def exact_division(nodes, parts, lists, population, lower, upper, cost, budget=STEP_BUDGET):
    """The cheapest division of ``nodes`` into ``parts`` connected parts within [lower, upper].

    ``lists``: neighbour lists of the whole graph; ``population``: residents per block (a list,
    none negative); ``cost(part)``: the cost of one part (a sorted list of blocks; not negative).
    Returns ((total cost, list of parts as sorted lists) or None when no division was found
    within ``budget`` steps, the steps used).
    """
    search = _Search(lists, population, float(lower), float(upper), cost, budget)
    try:
        search.divide(frozenset(int(node) for node in nodes), parts, 0.0, [])
    except _OutOfSteps:
        pass
    return search.best, budget - max(search.steps, 0)


class _Search:
    def __init__(self, lists, population, lower, upper, cost, budget):
        self.lists, self.population = lists, population
        self.lower, self.upper = lower, upper
        self.cost = cost
        self.steps = budget
        self.best = None

    def _bound(self):
        return float("inf") if self.best is None else self.best[0]

    def divide(self, universe, parts, spent, chosen):
        """Divide ``universe`` into ``parts`` parts; ``spent``: the cost of ``chosen`` so far."""
        residents = sum(self.population[node] for node in universe)
        if not (parts * self.lower <= residents <= parts * self.upper) or len(universe) < parts:
            return
        if parts == 1:
            if self._connected(universe):
                part = sorted(universe)
                total = spent + self.cost(part)
                if total < self._bound() - 1e-12 * max(1.0, abs(total)):
                    self.best = (total, [*chosen, part])
            return
        root = min(universe)
        for part, part_residents in self._connected_sets(universe, root):
            if part_residents < self.lower:
                continue
            rest = universe.difference(part)
            rest_residents = residents - part_residents
            if not ((parts - 1) * self.lower <= rest_residents <= (parts - 1) * self.upper):
                continue
            members = sorted(part)
            total = spent + self.cost(members)
            if total >= self._bound():
                continue  # costs are not negative: the rest can only add
            self.divide(rest, parts - 1, total, [*chosen, members])

    def _connected_sets(self, universe, root):
        """(set, residents) of every connected set of ``universe`` holding ``root`` with at most
        ``upper`` residents (generated; each costs a step)."""
        lists, population, upper = self.lists, self.population, self.upper
        start = [node for node in lists[root] if node in universe]
        stack = [([root], population[root], start, frozenset(start) | {root})]
        while stack:
            members, residents, extension, blocked = stack.pop()
            self.steps -= 1
            if self.steps < 0:
                raise _OutOfSteps()
            yield frozenset(members), residents
            extension = list(extension)
            while extension:
                node = extension.pop()
                grown = residents + population[node]
                if grown > upper:
                    continue
                added = [other for other in lists[node] if other in universe and other not in blocked]
                stack.append(([*members, node], grown, extension + added, blocked.union(added)))

    def _connected(self, nodes):
        return connected(nodes, self.lists)


#: Polish (below): groups of two or three neighbouring spaces with at most this many blocks
#: together, at most this many rounds (each keeps one better division).
POLISH_BLOCKS = 15
POLISH_ROUNDS = 20


def polish(state, graph, lower, upper, closed=(), border_weight=0.0, frozen=None, max_blocks=POLISH_BLOCKS):
    """Divide small groups of two or three neighbouring spaces anew, exactly, while that lowers
    the objective (SSD + ``border_weight`` x border length); returns the number of changes.

    The iterated local search re-splits two spaces on random trees; on a small graph it can end
    in a division that no such re-split leaves although three spaces divided anew together
    reach the optimum (bench/exact.py: the 6 x 6 lattice, k = 8, 4.4-5.7 % above it). A part's
    cost is its SSD plus half the border weight times the length of its links leaving it: over
    the parts of a group that is the group's SSD and inner border plus a constant (its outline).
    ``state``: a RegionState, changed in place; ``closed`` regions and ``frozen`` blocks stay.
    """
    lists = graph.neighbour_lists()
    lengths = graph.length_lists() if border_weight > 0 else None
    population = state.population.tolist()
    labels = state.label_list
    closed = set(closed)

    def cost(part):
        value = float(state.nodes_ssd(part))
        if border_weight > 0:
            members = set(part)
            value += border_weight * sum(length for node in part for other, length in zip(lists[node], lengths[node])
                                         if other not in members) / 2.0
        return value

    changes = 0
    for _ in range(POLISH_ROUNDS):
        changed = False
        for group in _neighbouring_groups(graph, labels, closed):
            if sum(state.count[r] for r in group) > max_blocks:
                continue
            nodes = [node for node, label in enumerate(labels) if label in group]
            if frozen is not None and any(frozen[node] for node in nodes):
                continue
            before = sum(cost([node for node in nodes if labels[node] == r]) for r in group)
            found, _ = exact_division(nodes, len(group), lists, population, lower, upper, cost)
            if found is None or found[0] >= before - 1e-9 * max(1.0, before):
                continue
            remaining = list(group)
            for part in sorted(found[1], key=len, reverse=True):  # each part keeps the label it overlaps most
                label = max(remaining, key=lambda r: (sum(1 for node in part if labels[node] == r), -r))
                remaining.remove(label)
                for node in part:
                    if labels[node] != label:
                        state.move(node, label)
            changes += 1
            changed = True
            break  # the groups changed: list them again
        if not changed:
            break
    return changes


def _neighbouring_groups(graph, labels, closed):
    """Pairs, then triples, of neighbouring open regions (a triple: a pair and a neighbour of
    either), each once, sorted."""
    around = {}
    for a, b in zip(graph.left.tolist(), graph.right.tolist()):
        ra, rb = labels[a], labels[b]
        if ra != rb and ra not in closed and rb not in closed:
            around.setdefault(ra, set()).add(rb)
            around.setdefault(rb, set()).add(ra)
    pairs, triples = set(), set()
    for region, others in around.items():
        for other in others:
            pairs.add(tuple(sorted((region, other))))
            for third in others | around[other]:
                if third not in (region, other):
                    triples.add(tuple(sorted((region, other, third))))
    return sorted(pairs) + sorted(triples)


def reachable(starts, nodes, lists):
    """The blocks of ``nodes`` (a set) reached from ``starts`` (blocks of ``nodes``) through links
    of ``lists`` that stay within ``nodes``."""
    seen, stack = set(starts), list(starts)
    while stack:
        node = stack.pop()
        for other in lists[node]:
            if other in nodes and other not in seen:
                seen.add(other)
                stack.append(other)
    return seen


def connected(nodes, lists):
    """Are the blocks ``nodes`` (a non-empty set) one piece through the links of ``lists``?"""
    return len(reachable([min(nodes)], nodes, lists)) == len(nodes)
