"""Bound repair by ejection chains: move blocks along a path of spaces until every space fits.

When the bounds are tight for the number of spaces (many spaces close to the floor), a space
below the floor often cannot take a block from any neighbour: every neighbour would drop
below the floor itself, and the local search (which never accepts a move that raises the
total violation) stops there. An ejection chain takes the block anyway and lets the
neighbour make up its loss from its own neighbour, and so on, until a space with room to
give ends the chain:

    A (below) <- b1 - B <- b2 - C <- b3 - D (has slack)

A space above the ceiling pushes the other way (A -> B -> C ... until a space can take
the surplus). Each step moves one block across a shared border and is applied at once (and
taken back when the chain fails), so every intermediate state keeps all spaces contiguous
and the articulation test is exact. A chain is kept only when every space on it ends within
the bounds (the space it started from at least closer to them), so the total violation goes
down strictly with each chain kept.

Some spaces fit only after an exchange: one space gives a group of blocks and takes another
back (either half alone just moves the surplus to the neighbour). Where the violating space
and one or two neighbours hold few blocks, they are divided anew, exactly (every contiguous
division within the bounds listed, the one of least SSD kept: engine/delineation/exactsplit.py).

Iterative deepening finds the shortest chain first (fewest blocks moved); a node budget
bounds the work on instances where the bounds cannot be met. Candidates are tried in a
fixed order (by how well they close the gap, then block number), so the result depends
only on the state: deterministic. This stage runs only while bounds are violated.
"""
from __future__ import annotations

from ..errors import Cancelled
from .exactsplit import connected, exact_division, reachable
from .localsearch import stays_connected, violation

#: Longest chain tried (spaces whose population changes, the violating one included).
MAX_DEPTH = 8
#: Blocks tried per violating space in all depths together (bounds the work).
NODE_BUDGET = 3000
#: Blocks tried in one repair in all (10-50 µs each on Musterstadt): where the bounds cannot
#: be met, the repair gives up after a few seconds.
TOTAL_BUDGET = 100000
#: ... and at most this many per block of the problem (small problems give up sooner).
BUDGET_PER_BLOCK = 30
#: Regions looked at (nearest first) for the split or merge that pairs a relocation.
RELOCATION_REACH = 400
#: A new space is grown from the best of this many seeds, after the best of this many merges.
GROW_SEEDS = 6
GROW_MERGES = 2
#: The kinds of step, in the order they are tried for every violating space.
CHAIN, RELOCATE, TRANSFER, EXACT, PARTIAL = "chain", "relocate", "transfer", "exact", "partial"
#: An exact re-division (engine/delineation/exactsplit.py) looks at groups of the violating space and one
#: or two neighbours with at most this many blocks together.
EXACT_BLOCKS = 30
#: Steps (connected sets listed) per group at most, and in one repair in all (its own budget:
#: on a tiny graph the chains may have used up theirs, and the listing is what settles it there).
EXACT_STEPS = 20000
EXACT_TOTAL = 100000
#: Most blocks a transfer moves across one border at once.
TRANSFER_BLOCKS = 200
#: Candidate blocks tried per step (the best by the ordering); keeps the branching small.
BRANCHING = 12


def repair_bounds(state, graph, lower, upper, cutter=None, closed=(), frozen=None, max_depth=MAX_DEPTH,
                  budget=NODE_BUDGET, rounds=6, is_cancelled=None):
    """Fix spaces outside [lower, upper]; returns the number of changes kept.

    For every violating space (the worst first) an ejection chain (shortest first); for those
    it does not fix, a relocation (with a ``cutter``): a space below the floor merges with a
    neighbour and the nearest space that splits within the bounds is split in two (or a new
    space is grown from the room of many), a space above the ceiling is split and the nearest
    pair of neighbouring spaces that fits the bounds merges; for those still left, a chain that
    brings the space closer to the bounds; before those, an exchange: the space and one or two
    neighbours divided anew, exactly, when they hold few blocks. Then again from chains, until
    nothing changes.

    ``state`` is a :class:`~.localsearch.RegionState` (changed in place); ``closed`` regions
    neither give nor take blocks, ``frozen`` blocks never move. The number of spaces stays the
    same (in every connected part: merges and splits are paired within one part).
    """
    search = _ChainSearch(state, graph, lower, upper, closed, frozen, is_cancelled, cutter)
    kept = 0
    for _ in range(rounds):
        bad = search.violating()
        if not bad:
            break
        progress = False
        # the cheap steps for every space first, so a hard space does not use up the budget
        for step in (CHAIN, RELOCATE, TRANSFER, EXACT, PARTIAL):
            for region in bad:
                if search.total <= 0 and step != EXACT:  # the listing has its own budget
                    break
                if violation(state.pop[region], lower, upper) <= 0:
                    continue
                if search.fix(region, step, max_depth, budget):
                    kept += 1
                    progress = True
            if progress:
                break  # a new round: chains again from the changed state
        if not progress:
            break
    return kept


class _ChainSearch:
    def __init__(self, state, graph, lower, upper, closed, frozen, is_cancelled, cutter=None):
        self.state = state
        self.cutter = cutter
        self.lists = graph.neighbour_lists()
        self.labels = state.label_list
        self.population = state.population.tolist()
        self.lower, self.upper = float(lower), float(upper)
        self.closed = set(int(r) for r in closed)
        n = len(self.labels)
        self.frozen = [False] * n if frozen is None else [bool(v) for v in frozen]
        if frozen is not None:
            self.closed |= {int(state.labels[i]) for i in range(n) if self.frozen[i]}
        self.is_cancelled = is_cancelled
        self.nodes = 0
        self.cut_off = False
        self.total = min(TOTAL_BUDGET, BUDGET_PER_BLOCK * len(self.labels))
        self.exact_total = EXACT_TOTAL
        self.journal = None  # a list while the moves of a relocation are recorded
        self.members = [set() for _ in range(state.n_regions)]
        for node, label in enumerate(self.labels):
            self.members[label].add(node)

    def move(self, node, target):
        source = self.labels[node]
        if self.journal is not None:
            self.journal.append((node, source))
        self.state.move(node, target)
        self.members[source].discard(node)
        self.members[target].add(node)

    def violating(self):
        """Violating open regions, the worst first (ties by region number)."""
        state = self.state
        bad = [r for r in range(state.n_regions)
               if r not in self.closed and state.count[r] > 0 and violation(state.pop[r], self.lower, self.upper) > 0]
        return sorted(bad, key=lambda r: (-violation(state.pop[r], self.lower, self.upper), r))

    def fix(self, region, step, max_depth, budget):
        """One kind of step for ``region``: a chain that fixes it (the shortest), a relocation,
        or a partial chain that brings it closer. True when the state changed for the better."""
        state = self.state
        before = violation(state.pop[region], self.lower, self.upper)
        self.max_depth, self.budget = max_depth, budget
        if step == RELOCATE:
            return self.cutter is not None and self.relocate(region)
        if step == TRANSFER:
            return self.transfer(region)
        if step == EXACT:
            return self.exchange(region)
        partial = step == PARTIAL
        self.nodes = budget // 4 if partial else budget
        for depth in range(1, max_depth + 1):
            self.cut_off = False
            if self._chain(region, depth, (region,), partial=partial):
                return violation(state.pop[region], self.lower, self.upper) < before - 1e-9
            if self.nodes <= 0 or not self.cut_off:
                break  # out of budget, or no chain is longer than this one
        return False

    def _chain(self, region, depth, path, partial):
        """Make ``region`` fit by one block move and, if that breaks the other space, a chain
        from there (at most ``depth`` moves). Applies the moves and returns True, or leaves the
        state as it was and returns False."""
        if self.is_cancelled is not None and self.is_cancelled():
            raise Cancelled()
        state, lower, upper = self.state, self.lower, self.upper
        pop = state.pop[region]
        pull = pop < lower
        if pull:  # receive p with lower <= pop + p <= upper
            low, high = lower - pop, upper - pop
        else:  # give p with lower <= pop - p <= upper
            low, high = pop - upper, pop - lower
        if partial:
            low = 1e-9  # any gain, as long as the space does not overshoot the other bound
        for node, other in self._candidates(region, pull, low, high, path):
            if self.nodes <= 0 or self.total <= 0:
                return False
            self.nodes -= 1
            self.total -= 1
            source, target = (other, region) if pull else (region, other)
            if not stays_connected(node, source, self.labels, self.lists):
                continue
            self.move(node, target)
            if violation(state.pop[other], lower, upper) <= 0:
                return True
            if depth > 1:
                if self._chain(other, depth - 1, path + (other,), partial=False):
                    return True
            else:
                self.cut_off = True  # a longer chain might go on from here
            self.move(node, source)
        return False

    def _candidates(self, region, pull, low, high, path):
        """(block, other region) moves that bring ``region``'s population change into [low, high],
        the best first: those that leave the other region within the bounds, then the ones
        leaving it closest to them, then by block number."""
        state, labels, lists, population = self.state, self.labels, self.lists, self.population
        lower, upper = self.lower, self.upper
        blocked = self.closed.union(path)
        found = {}
        if pull:
            # blocks of neighbouring regions that touch ``region``
            for i in self.members[region]:
                for j in lists[i]:
                    other = labels[j]
                    if other in blocked or self.frozen[j] or state.count[other] <= 1:
                        continue
                    if low <= population[j] <= high:
                        found[(j, other)] = (violation(state.pop[other] - population[j], lower, upper), -population[j])
        elif state.count[region] > 1:
            for i in self.members[region]:
                if self.frozen[i] or not (low <= population[i] <= high):
                    continue
                for j in lists[i]:
                    other = labels[j]
                    if other != region and other not in blocked:
                        found[(i, other)] = (violation(state.pop[other] + population[i], lower, upper), -population[i])
        # full fixes: every candidate closes the gap, so the larger block only breaks ties after
        # the other region's violation; partial fixes: the larger gain first
        ranked = sorted(found.items(), key=lambda item: (item[1], item[0]))
        return [move for move, _ in ranked[:BRANCHING]]

    # -- transfer: several blocks across one border ----------------------------------------------
    def transfer(self, region):
        """Move a connected group of blocks across one border so that both spaces fit.

        A chain moves one block per space and judges each move by the population it changes,
        so it cannot cross blocks without residents (parks, industry, a railway yard) to reach
        the block that would close the gap: a space one resident above the ceiling stays there
        although a path of empty blocks leads to a one-resident block beside its neighbour.
        The group grows from the border, the blocks with the fewest residents first, until it
        closes the gap; kept only when the giving space stays connected (the taking one does by
        construction). Returns True when done (else nothing changed).
        """
        import heapq

        state, labels, lists, population = self.state, self.labels, self.lists, self.population
        pull = state.pop[region] < self.lower
        for other in self._neighbours(region):
            giver, taker = (other, region) if pull else (region, other)
            low = max(state.pop[giver] - self.upper, self.lower - state.pop[taker])
            high = min(state.pop[giver] - self.lower, self.upper - state.pop[taker])
            if low > high or state.count[giver] <= 1:
                continue
            start = sorted(i for i in self.members[giver]
                           if not self.frozen[i] and any(labels[j] == taker for j in lists[i]))
            heap = [(population[i], i) for i in start]
            heapq.heapify(heap)
            group, seen, moved = [], set(start), 0.0
            while heap and len(group) < min(TRANSFER_BLOCKS, state.count[giver] - 1) and self.total > 0:
                self.total -= 1
                residents, node = heapq.heappop(heap)
                if moved + residents > high:
                    continue
                group.append(node)
                moved += residents
                if moved >= low:
                    kept = self._pruned(group, taker, low)
                    if self._connected_without(giver, set(kept)):
                        for member in kept:  # in the order they were added: each one touches the taker
                            self.move(member, taker)
                        return True
                for j in lists[node]:
                    if j not in seen and labels[j] == giver and not self.frozen[j]:
                        seen.add(j)
                        heapq.heappush(heap, (population[j], j))
        return False

    def _pruned(self, group, taker, low):
        """``group`` without the blocks it does not need: still at least ``low`` residents and
        every block linked to the taking space through the group. The smallest-first growth
        takes empty blocks the giving space may need to stay connected; dropping them (the
        earliest first) leaves a path to the blocks that close the gap."""
        population, labels, lists = self.population, self.labels, self.lists
        kept = list(group)
        moved = sum(population[i] for i in kept)
        for node in list(group[:-1]):
            if moved - population[node] < low:
                continue
            trial = [i for i in kept if i != node]
            if self._attached(trial, taker, labels, lists):
                kept = trial
                moved -= population[node]
        return kept

    @staticmethod
    def _attached(group, taker, labels, lists):
        """Is every block of ``group`` linked to the space ``taker`` through blocks of ``group``?"""
        members = set(group)
        touching = [i for i in group if any(labels[j] == taker for j in lists[i])]
        return len(reachable(touching, members, lists)) == len(members)

    def _connected_without(self, region, removed):
        """Are the blocks of ``region`` outside ``removed`` connected (and some left)?"""
        rest = self.members[region] - removed
        return bool(rest) and connected(rest, self.lists)

    # -- exchange: a small group of spaces divided anew, exactly ---------------------------------
    def exchange(self, region):
        """Divide ``region`` and one or two neighbouring spaces anew so that all of them fit:
        the division of least SSD among all contiguous ones within the bounds (listed in full,
        engine/delineation/exactsplit.py), for groups of at most EXACT_BLOCKS blocks.

        Chains and transfers move blocks one way across a border; some groups fit only after an
        exchange (a space gives one group of blocks and takes another back), which the listing
        finds. Returns True when done (else nothing changed).
        """
        state = self.state
        for group in self._small_groups(region):
            nodes = set().union(*(self.members[r] for r in group))
            if any(self.frozen[node] for node in nodes):
                continue
            budget = min(self.exact_total, EXACT_STEPS)
            if budget <= 0:
                return False
            found, used = exact_division(nodes, len(group), self.lists, self.population, self.lower, self.upper,
                                         lambda part: float(state.nodes_ssd(part)), budget=budget)
            self.exact_total -= used
            if found is None:
                continue
            remaining = list(group)
            for part in sorted(found[1], key=len, reverse=True):  # each part keeps the label it overlaps most
                label = max(remaining, key=lambda r: (len(self.members[r].intersection(part)), -r))
                remaining.remove(label)
                for node in part:
                    if self.labels[node] != label:
                        self.move(node, label)
            return True
        return False

    def _small_groups(self, region):
        """``region`` with one neighbour, then with two (neighbours of it or of the first), each
        group once and at most EXACT_BLOCKS blocks; in the order of the region numbers."""
        count = self.state.count
        around = self._neighbours(region)
        groups, seen = [], set()
        for other in around:
            if count[region] + count[other] <= EXACT_BLOCKS:
                groups.append((region, other))
        for other in around:
            for third in sorted(set(around) | set(self._neighbours(other))):
                key = tuple(sorted((region, other, third)))
                if third in (region, other) or key in seen:
                    continue
                seen.add(key)
                if count[region] + count[other] + count[third] <= EXACT_BLOCKS:
                    groups.append(key)
        return groups

    # -- relocation: merge here, split there (or the other way round) --------------------------
    def relocate(self, region):
        """Below the floor: merge ``region`` into its best neighbour and split the nearest
        region that splits within the bounds. Above the ceiling: split ``region`` and merge the
        nearest neighbouring pair that fits. Returns True when done (else nothing changed)."""
        if self.state.pop[region] < self.lower:
            return self._merge_then_split(region)
        return self._split_then_merge(region)

    def _neighbours(self, region):
        labels, lists = self.labels, self.lists
        found = {labels[j] for i in self.members[region] for j in lists[i]}
        found.discard(region)
        return sorted(found - self.closed)

    def _nearest(self, start, limit):
        """Open regions by hops from ``start`` over shared borders (start first), at most ``limit``."""
        order, seen = [start], {start}
        position = 0
        while position < len(order) and len(order) < limit:
            for other in self._neighbours(order[position]):
                if other not in seen:
                    seen.add(other)
                    order.append(other)
            position += 1
        return order[:limit]

    def _fits(self, population):
        return self.lower <= population <= self.upper

    def _merge_then_split(self, region):
        state = self.state
        options = []
        for other in self._neighbours(region):
            if state.count[other] > 0 and self._fits(state.pop[region] + state.pop[other]):
                options.append((self._merge_cost(region, other), other))
        options.sort()
        for _, other in options:
            journal = self._merge(region, other)
            if self._split_nearest(other, region):
                return True
            self._undo(journal)
        # no region splits within the bounds: grow a new space from the slack of many
        for _, other in options[:GROW_MERGES]:
            journal = self._merge(region, other)
            if self._grow(region, exclude=other):
                return True
            self._undo(journal)
        return False

    def _grow(self, free, exclude=None):
        """Make a new space under the empty label ``free``: seed it with one block of a region
        with much room above the floor (itself and its neighbours), then pull population into
        it by chains (each leaves every other space within the bounds) until it reaches the
        floor. Returns True when it does; otherwise every move is taken back."""
        state, lower = self.state, self.lower
        # room that can move: regions of one block cannot give any (a high-rise block of 1,500)
        room = {r: state.pop[r] - lower for r in range(state.n_regions)
                if r not in self.closed and r != free and state.count[r] > 1}
        score = {r: room[r] + sum(max(0.0, room.get(o, 0.0)) for o in self._neighbours(r)) for r in room
                 if r != exclude}  # not the region just merged: seeding there would undo the merge
        seeds, near = [], set()
        for r in sorted(score, key=lambda r: (-score[r], r)):
            if r not in near:  # seeds in different places: not next to one tried before
                seeds.append(r)
                near.update([r], self._neighbours(r))
            if len(seeds) == GROW_SEEDS:
                break
        for seed in seeds:
            self.journal = []
            try:
                if self._seed(seed, free) and self._fill(free):
                    return True
                self._undo(self.journal)
            finally:
                self.journal = None
        return False

    def _seed(self, region, free):
        """Move the largest block of ``region`` that it can spare (staying connected and above
        the floor) to the empty label ``free``."""
        state = self.state
        spare = state.pop[region] - self.lower
        options = sorted((-self.population[node], node) for node in self.members[region]
                          if not self.frozen[node] and self.population[node] <= spare)
        for _, node in options:
            if stays_connected(node, region, self.labels, self.lists):
                self.move(node, free)
                return True
        return False

    def _fill(self, region):
        """Pull population into ``region`` by partial chains until it reaches the floor."""
        state = self.state
        while state.pop[region] < self.lower:
            before = state.pop[region]
            done = False
            for depth in range(1, self.max_depth + 1):
                self.nodes, self.cut_off = self.budget, False
                if self._chain(region, depth, (region,), partial=True):
                    done = True
                    break
                if not self.cut_off:
                    break
            if not done or state.pop[region] <= before:
                return False
        return self._fits(state.pop[region])

    def _split_then_merge(self, region):
        pieces = self._split(region)
        if pieces is None:
            return False
        pair = self._nearest_pair(region)
        if pair is None:
            return False
        keep, free = pair
        self._merge(free, keep)
        for node in pieces:
            self.move(node, free)
        return True

    def _merge_cost(self, region, other):
        """Increase of the within sum of squares when ``region`` joins ``other``."""
        state = self.state
        before = state.ssd(region) + state.ssd(other)
        journal = self._merge(region, other)
        after = state.ssd(other)
        self._undo(journal)
        return after - before

    def _merge(self, region, into):
        journal = [(node, region) for node in sorted(self.members[region])]
        for node, _ in journal:
            self.move(node, into)
        return journal

    def _undo(self, journal):
        for node, source in reversed(journal):
            self.move(node, source)

    def _split(self, region):
        """A piece of ``region`` that leaves both it and the piece within the bounds (or None)."""
        state = self.state
        if state.count[region] < 2 or not (2 * self.lower <= state.pop[region] <= 2 * self.upper):
            return None
        if any(self.frozen[node] for node in self.members[region]):
            return None
        import numpy as np

        nodes = np.asarray(sorted(self.members[region]), dtype=np.int64)
        cut = self.cutter.best_cut(nodes, 2)
        if cut is None:
            return None
        (side, _), (rest, _) = cut
        population = state.population
        if not (self._fits(float(population[side].sum())) and self._fits(float(population[rest].sum()))):
            return None
        return side.tolist() if len(side) <= len(rest) else rest.tolist()

    def _split_nearest(self, start, free, limit=RELOCATION_REACH):
        """Split the nearest region (from ``start``) that splits within the bounds; one piece
        takes the empty label ``free``."""
        for other in self._nearest(start, limit):
            if self.is_cancelled is not None and self.is_cancelled():
                raise Cancelled()
            piece = self._split(other)
            if piece is not None:
                for node in piece:
                    self.move(node, free)
                return True
        return False

    def _nearest_pair(self, start, limit=RELOCATION_REACH):
        """The nearest pair (keep, free) of neighbouring open regions, neither ``start``, whose
        union fits the bounds; the cheaper merge among a region's neighbours."""
        state = self.state
        for one in self._nearest(start, limit):
            if one == start:
                continue
            options = [(self._merge_cost(other, one), other) for other in self._neighbours(one)
                       if other != start and state.count[other] > 0 and self._fits(state.pop[one] + state.pop[other])
                       and not any(self.frozen[node] for node in self.members[other])]
            if options:
                return one, min(options)[1]
        return None
