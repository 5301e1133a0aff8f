"""The consultation session: edit a division live, block by block, and take every step back.

In a meeting the planners move blocks between spaces, merge, split and lock spaces while the
figures follow at once (issue 11). This module is the QGIS-free model under the dock and the
map tools: it holds the blocks (ids, residents, prepared attributes), the adjacency graph,
the space of every block and the locks, and applies each operation incrementally —
± residents, ± Σx and Σx² per block (:mod:`~sozialraum.engine.consultation.spacesums`), with contiguity
searched on the adjacency graph for the affected spaces only. It knows nothing of layers,
undo stacks or widgets, so the same rules hold for the map tools, a script and the tests.

Why it is shaped like this:

- **Every operation returns a change record** (:class:`~sozialraum.engine.consultation.sessionrecords.Change`):
  the blocks that moved with their space before and after, the residents moved, and the
  affected spaces' status before and after. The QGIS side puts one record into one undo
  command on the layer's own stack (and the decision log row into the same macro); undo and
  redo call :meth:`ConsultationSession.revert` and :meth:`ConsultationSession.apply`, which
  replay the record exactly and refuse (:class:`~sozialraum.engine.errors.StaleChangeError`)
  when the blocks are not where the record expects them — the stacks never drift apart
  silently.
- **Locks are enforced in the one function every reassignment goes through** (``_assign``):
  a locked space neither loses nor gains blocks, whether by a stroke, a merge, a split, a new
  space, or replaying a record; a refusal names the locked space
  (:class:`~sozialraum.engine.errors.LockedSpaceError`) and changes nothing. Lock toggles are
  change records too, so they are undoable and logged like any move.
- **A change that breaks the bounds or contiguity is allowed but flagged**: the status of a
  space says within / below / above and how many connected parts it has, and
  :attr:`Change.new_problems` lists what a change made worse.
- **The SSD is the delineation's** (:mod:`~sozialraum.engine.objective`): weighted by
  residents by default (a park counts nothing), the block weights fixed for the session so
  the running sums stay consistent.
- The tests hold the incremental state against an independent recount from the labels alone
  (tests/session_recount.py: other formulas, centred SSD, scipy components) after any
  sequence of operations; :meth:`ConsultationSession.validate` recounts the sums here.

Labels are whatever the space field holds (any hashable; numpy scalars become Python ones,
None and NaN mean "in no space"). Block ids are the caller's (e.g. feature ids). Everything is
deterministic: the split uses a fixed seed, nothing depends on the clock or on set order.
"""
from __future__ import annotations

import re

import numpy as np

from ..attributes import finite_values
from ..delineation.numbering import suffixed
from ..errors import (
    DuplicateIdError,
    LockedSpaceError,
    NotAdjacentError,
    ParameterError,
    SplitError,
    StaleChangeError,
    UnknownBlockError,
    UnknownSpaceError,
    check_number,
)
from ..objective import block_weights, ssd_of_sums, total_ss
from ..population_band import PopulationBand
from ..problem import DEFAULT_POPULATION_WEIGHT
from .reoptimise import DEFAULT_PASSES, improve_around
from .sessionrecords import (
    ABOVE,
    BELOW,
    LOCK,
    MERGE,
    MOVE,
    NEW_SPACE,
    REOPTIMISE,
    SPLIT,
    Change,
    Flow,
    Preview,
    Proposal,
    SpaceStatus,
    Summary,
)
from .spacesplit import BALANCE, balanced_split
from .spacesums import UNASSIGNED, SpaceSums

__all__ = ["ConsultationSession", "next_label"]


def plain_label(value):
    """A space label as the session keeps it: numpy scalars as Python values, NaN as None."""
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and value != value:
        return None
    return value


def next_label(labels, parent=None, word="new"):
    """A label for a new space that none of ``labels`` uses (None entries are ignored).

    Whole numbers (int, or floats without a fraction): the largest plus 1. Text ending in a
    number with one common prefix ("S07", "S12"): the prefix and the largest number plus 1,
    as wide as the widest ("S13"). Other text, for a part of ``parent`` (a split, a new space
    from its blocks): the parent's label with the next free letter, as an update numbers a
    split ("31" -> "31a"; "9a" -> "9b", its letter replaced; "Nord" -> "Nord 2"), so the part
    says where it came from. Otherwise ``word`` and a number ("new 1"; the interface passes
    its translation). Labels once used in the session are passed too, so a label merged away is
    never handed out again.
    """
    labels = [label for label in labels if label is not None]
    if not labels:
        return 1
    if all(isinstance(label, (int, float)) and not isinstance(label, bool) and float(label).is_integer() for label in labels):
        top = max(labels) + 1
        return top if all(isinstance(label, int) for label in labels) else float(top)
    used = set(labels)
    if all(isinstance(label, str) for label in labels):
        matches = [re.fullmatch(r"(.*?)(\d+)", label) for label in labels]
        if all(matches) and len({m.group(1) for m in matches}) == 1:
            prefix = matches[0].group(1)
            width = max(len(m.group(2)) for m in matches)
            return prefix + str(max(int(m.group(2)) for m in matches) + 1).zfill(width)
        if isinstance(parent, str) and parent.strip():
            return _part_label(parent.strip(), used)
    number = 1
    while f"{word} {number}" in used:
        number += 1
    return f"{word} {number}"


def _part_label(parent, used):
    """"31" -> "31a", "9a" -> "9b" (the first free letter after a number), "Nord" -> "Nord 2"."""
    lettered = re.fullmatch(r"(.*\d)([a-z]{1,2})", parent)
    base = lettered.group(1) if lettered else parent
    if base[-1].isdigit():
        return suffixed(base, used)  # the update's rule for a split (engine/delineation/numbering.py)
    number = 2
    while f"{parent} {number}" in used:
        number += 1
    return f"{parent} {number}"


class ConsultationSession:
    """A division being edited: blocks, their spaces, locks, and per-space running figures.

    ``block_ids``: one id per node of ``graph`` (unique, hashable); ``population``: residents
    per block (NaN as 0, never negative); ``attributes``: the prepared attribute rows (n x m,
    non-finite as the mean 0, as :func:`~sozialraum.engine.attributes.finite_values`);
    ``spaces``: the space label of each block (None: in no space); ``lower``/``upper``: the
    population bounds; ``locked``: labels of locked spaces; ``weight_by_population``: the SSD
    shown weighs each block by its residents; ``population_weight``: the residents' share in
    the block weights of splits and re-optimisation, as in the delineation's search
    (``Settings.population_weight``); ``seed``: for splits.
    """

    #: The word of a new space's label where the labels follow no pattern ("new 1"); the
    #: interface sets its translation, as the label is data the planner sees.
    new_label_word = "new"

    def __init__(self, block_ids, population, attributes, graph, spaces, lower, upper, locked=(),
                 weight_by_population=True, seed=0, population_weight=DEFAULT_POPULATION_WEIGHT):
        n = graph.n
        ids = [plain_label(block) for block in block_ids]
        if len(ids) != n:
            raise ParameterError("block_ids", len(ids), f"needs one id per block of the graph ({n})")
        self._index = {}
        duplicates = []
        for position, block in enumerate(ids):
            if block in self._index:
                duplicates.append(block)
            self._index[block] = position
        if duplicates:
            raise DuplicateIdError(sorted(set(duplicates), key=ids.index))
        population = np.nan_to_num(np.asarray(population, dtype=float))
        if len(population) != n:
            raise ParameterError("population", len(population), f"needs one value per block ({n})")
        if (population < 0).any():
            raise ParameterError("population", float(population.min()), "population counts cannot be negative")
        values = finite_values(attributes)
        if values.shape[0] != n:
            raise ParameterError("attributes", values.shape[0], f"needs one row per block ({n})")
        band = PopulationBand(lower, upper, name="lower")  # the one check of the bounds
        labels = [plain_label(label) for label in spaces]
        if len(labels) != n:
            raise ParameterError("spaces", len(labels), f"needs one space per block ({n})")

        self._ids = tuple(ids)
        self._graph = graph
        self._band = band
        self._lower, self._upper = band.lower, band.upper
        self._seed = int(seed)
        self._weighted = bool(weight_by_population)
        check_number("population_weight", population_weight, "must be a number between 0 and 1", high=1.0)
        self._population_weight = float(population_weight)
        self._labels = [None]  # code -> label; code 0 is "no space"
        self._codes = {}  # label -> code
        codes = [self._register(label) for label in labels]
        weights = block_weights(population) if self._weighted else np.ones(n)
        self._values = values
        self._sqnorm = (values**2).sum(axis=1)
        self._weights = weights
        # splits and re-optimisation search as the delineation does: residents and blocks mixed
        self._search_weights = block_weights(population, None, self._population_weight) if self._weighted else None
        self._tss = total_ss(values, weights if self._weighted else None)
        self._sums = SpaceSums(codes, len(self._labels), population, values * weights[:, None], self._sqnorm * weights,
                               weights, graph.neighbour_lists())
        self._locked = set()
        for space in locked:
            self._locked.add(self._existing(space))

    # -- reading ------------------------------------------------------------------------
    @property
    def bounds(self):
        return self._lower, self._upper

    @property
    def block_ids(self):
        return self._ids

    @property
    def spaces(self):
        """Labels of the spaces that hold blocks, in the order they first appeared."""
        return tuple(self._labels[code] for code in self._live_codes())

    @property
    def locked(self):
        return frozenset(self._labels[code] for code in self._locked)

    def is_locked(self, space):
        return self._codes.get(plain_label(space)) in self._locked

    def space_of(self, block):
        """The space of one block (None: in no space)."""
        return self._labels[self._sums.code_list[self._nodes([block])[0]]]

    def labels(self):
        """The space of every block, in the order of ``block_ids`` (what the layer's field should hold)."""
        labels = self._labels
        return [labels[code] for code in self._sums.code_list]

    def blocks_of(self, space):
        """Block ids of a space, in block order."""
        return tuple(self._ids[node] for node in sorted(self._sums.members[self._existing(space)]))

    def neighbours_of(self, space):
        """Labels of the spaces adjacent to ``space`` (the candidates of a merge), in code order."""
        code = self._existing(space)
        labels, lists = self._sums.code_list, self._sums.lists
        found = {labels[other] for node in self._sums.members[code] for other in lists[node]}
        return self._ordered_labels(found - {code})

    def status(self, space):
        return self._statuses([self._existing(space)])[0]

    def statuses(self, spaces=None):
        """Status of the given spaces (default: every space that holds blocks)."""
        codes = self._live_codes() if spaces is None else [self._existing(space) for space in spaces]
        return self._statuses(codes)

    def summary(self):
        """Totals and the number of problems (spaces below, above, not contiguous) of the spaces now."""
        sums = self._sums
        codes = np.asarray(self._live_codes(), dtype=np.int64)
        pop = sums.pop[codes]
        status = self._band.statuses(pop)
        below = status == BELOW
        above = status == ABOVE
        split = sums.parts[codes] > 1
        return Summary(
            spaces=len(codes), blocks=int(sums.count[codes].sum()), population=float(pop.sum()),
            unassigned_blocks=int(sums.count[UNASSIGNED]), unassigned_population=float(sums.pop[UNASSIGNED]),
            below=int(below.sum()), above=int(above.sum()), not_contiguous=int(split.sum()),
            problems=int((below | above | split).sum()), locked=len(self._locked),
            ssd=float(sums.ssd(codes).sum()) if len(codes) else 0.0, tss=float(self._tss),
        )

    def validate(self):
        """Full validation: recount every space's sums and search its contiguity again; the :meth:`summary`.

        The incremental figures already equal these up to rounding; the recount also clears
        the rounding that many moves accumulate.
        """
        self._sums.recount()
        return self.summary()

    # -- operations ---------------------------------------------------------------------
    def move(self, blocks, target):
        """Move ``blocks`` (a stroke) into the space ``target`` (None: out of every space).

        Blocks already in ``target`` are left as they are; refused as a whole when any block
        is in a locked space or ``target`` is locked.
        """
        nodes = self._nodes(blocks)
        code = UNASSIGNED if plain_label(target) is None else self._existing(target)
        return self._change(MOVE, nodes, np.full(len(nodes), code, dtype=np.int64))

    def preview(self, blocks, target):
        """What :meth:`move` would make of the affected spaces, without changing anything.

        Blocks that a lock refuses are left out of the figures and named in ``refused``.
        """
        nodes = self._nodes(blocks)
        code = UNASSIGNED if plain_label(target) is None else self._existing(target)
        sums = self._sums
        nodes = nodes[sums.codes[nodes] != code]
        sources = sums.codes[nodes]
        refused = np.isin(sources, list(self._locked)) | (code in self._locked)
        refused_ids = tuple(self._ids[node] for node in nodes[refused].tolist())
        refused_spaces = self._ordered_labels((set(sources[refused].tolist()) | {code}) & self._locked if refused.any() else ())
        nodes, sources = nodes[~refused], sources[~refused]
        affected = sorted((set(sources.tolist()) | {code}) - {UNASSIGNED})
        before = self._statuses(affected)
        after = before
        if len(nodes):
            targets = np.full(len(nodes), code, dtype=np.int64)
            changed, pop, count, weight, sums_x, sq = sums.totals_after(nodes, targets)
            ssd = np.maximum(ssd_of_sums(weight, sums_x, sq), 0.0)
            parts = sums.parts_after(nodes.tolist(), targets.tolist(), affected)
            row = {c: i for i, c in enumerate(changed.tolist())}
            after = tuple(self._make_status(c, pop[row[c]], count[row[c]], ssd[row[c]], p) for c, p in zip(affected, parts))
        return Preview(target=self._labels[code], blocks=len(nodes), population=float(sums.population[nodes].sum()),
                       affected=tuple(self._labels[c] for c in affected), status_before=before, status_after=after,
                       refused=refused_ids, refused_spaces=refused_spaces)

    def merge(self, first, second):
        """Merge ``second`` into ``first`` (``first`` keeps its label); only adjacent spaces."""
        a, b = self._existing(first), self._existing(second)
        if a == b:
            raise ParameterError("second", second, "is the same space as the first")
        nodes = np.asarray(sorted(self._sums.members[b]), dtype=np.int64)
        targets = np.full(len(nodes), a, dtype=np.int64)
        self._check_locks(nodes, targets)
        if not self._adjacent(a, b):
            raise NotAdjacentError(self._labels[a], self._labels[b])
        return self._change(MERGE, nodes, targets)

    def split(self, space, label=None, balance=BALANCE):
        """Split a contiguous space into two balanced, homogeneous parts (engine/consultation/spacesplit.py).

        The part with more residents keeps the label; the other gets ``label`` (default
        :func:`next_label`).
        """
        code = self._existing(space)
        nodes = np.asarray(sorted(self._sums.members[code]), dtype=np.int64)
        self._check_locks(nodes, None)
        if len(nodes) < 2:
            raise SplitError(self._labels[code], "one_block")
        if self._sums.parts[code] > 1:
            raise SplitError(self._labels[code], "not_contiguous")
        pieces = balanced_split(self._graph, nodes, self._values, self._sqnorm, self._sums.population, self._lower,
                                self._upper, weights=self._search_weights, balance=balance,
                                seed=self._seed)
        if pieces is None:
            raise SplitError(self._labels[code], "not_contiguous")
        _, other = pieces
        new = self._new_space_code(label, parent=code)
        return self._change(SPLIT, other, np.full(len(other), new, dtype=np.int64))

    def split_by_blocks(self, space, blocks, label=None):
        """Split ``space`` so that ``blocks`` (one side of a line the user drew) form a new space."""
        code = self._existing(space)
        nodes = self._nodes(blocks)
        outside = nodes[self._sums.codes[nodes] != code]
        if len(outside):
            raise SplitError(self._labels[code], "outside_space", [self._ids[node] for node in outside.tolist()])
        if len(nodes) == 0 or len(nodes) == self._sums.count[code]:
            raise SplitError(self._labels[code], "empty_side")
        self._check_locks(nodes, None)
        new = self._new_space_code(label, parent=code)
        return self._change(SPLIT, nodes, np.full(len(nodes), new, dtype=np.int64))

    def new_space(self, blocks, label=None):
        """Make a new space of ``blocks`` (from any spaces, or none), labelled ``label`` or :func:`next_label`."""
        nodes = self._nodes(blocks)
        if not len(nodes):
            raise ParameterError("blocks", 0, "a new space needs at least one block")
        self._check_locks(nodes, None)
        new = self._new_space_code(label, parent=self._main_source(nodes))
        return self._change(NEW_SPACE, nodes, np.full(len(nodes), new, dtype=np.int64))

    def set_locked(self, space, locked=True):
        """Lock (or unlock) a space: a change record like any other, undoable and logged."""
        code = self._existing(space)
        label = self._labels[code]
        was = code in self._locked
        before = self._statuses([code])
        if locked:
            self._locked.add(code)
        else:
            self._locked.discard(code)
        return Change(LOCK, (), (), (), 0.0, (), (label,), before, self._statuses([code]), lock=(label, was, bool(locked)))

    def reoptimise(self, fixed_blocks=(), max_passes=DEFAULT_PASSES, time_limit=None):
        """A :class:`Proposal` of the delineation's local search around the decisions; nothing changes.

        Locked spaces neither lose nor gain blocks; ``fixed_blocks`` (those the experts moved by
        hand) stay where they are, their spaces stay open; the current division is the start
        (engine/consultation/reoptimise.py). Ids in ``fixed_blocks`` that the session does not know (a log
        may name blocks deleted since) are ignored. ``time_limit``: seconds, checked between
        passes of the search.
        """
        sums = self._sums
        pinned = np.zeros(len(self._ids), dtype=bool)
        known = [block for block in (plain_label(b) for b in fixed_blocks) if block in self._index]
        pinned[self._nodes(known)] = True
        codes = improve_around(self._graph, sums.population, self._values, sums.codes, self._lower, self._upper,
                               closed=self._locked, pinned=pinned, weights=self._search_weights,
                               max_passes=max_passes, time_limit=time_limit, seed=self._seed)
        moving = np.flatnonzero(codes != sums.codes).tolist()
        labels = self._labels
        after = ConsultationSession(self._ids, sums.population, self._values, self._graph, [labels[c] for c in codes.tolist()],
                                    self._lower, self._upper, locked=self.locked, weight_by_population=self._weighted,
                                    seed=self._seed, population_weight=self._population_weight)
        return Proposal(blocks=tuple(self._ids[node] for node in moving),
                        before=tuple(labels[sums.code_list[node]] for node in moving),
                        after=tuple(labels[int(codes[node])] for node in moving),
                        summary_before=self.summary(), summary_after=after.summary())

    def assign(self, blocks, spaces, kind=REOPTIMISE):
        """Put each of ``blocks`` into the space of the same position in ``spaces`` (one change record).

        Locks are checked as for every operation; applies a :class:`Proposal` as
        ``assign(proposal.blocks, proposal.after)``.
        """
        nodes = self._nodes(blocks)
        spaces = [plain_label(space) for space in spaces]
        if len(nodes) != len(spaces) or len(nodes) != len(blocks):
            raise ParameterError("spaces", len(spaces), f"needs one space per distinct block ({len(nodes)})")
        targets = np.fromiter((self._register(space) for space in spaces), dtype=np.int64, count=len(spaces))
        return self._change(kind, nodes, targets)

    def apply(self, change):
        """Apply a change record again (redo); returns the affected spaces' status now."""
        return self._replay(change, forward=True)

    def revert(self, change):
        """Take a change record back (undo); returns the affected spaces' status now."""
        return self._replay(change, forward=False)

    # -- internals ----------------------------------------------------------------------
    def _register(self, label):
        """The code of ``label``, made when new (None is code 0)."""
        if label is None:
            return UNASSIGNED
        code = self._codes.get(label)
        if code is None:
            code = len(self._labels)
            self._labels.append(label)
            self._codes[label] = code
            sums = getattr(self, "_sums", None)  # None while __init__ registers the first labels
            if sums is not None:
                assert sums.add_code() == code
        return code

    def _existing(self, space):
        """The code of a space that holds blocks, else :class:`UnknownSpaceError`."""
        label = plain_label(space)
        code = self._codes.get(label)
        if code is None or self._sums.count[code] == 0:
            raise UnknownSpaceError(label)
        return code

    def _main_source(self, nodes):
        """The space that gives most residents (then most blocks) to ``nodes``; None if they are in none."""
        codes = self._sums.codes[nodes]
        inside = np.array([self._labels[c] is not None for c in codes.tolist()], dtype=bool)
        if not inside.any():
            return None
        codes, population = codes[inside], self._sums.population[nodes[inside]]
        candidates = np.unique(codes)
        return int(max(candidates, key=lambda c: (float(population[codes == c].sum()), int(np.sum(codes == c)), -int(c))))

    def _new_space_code(self, label, parent=None):
        if label is None:
            parent_label = None if parent is None else self._labels[parent]
            return self._register(next_label(self._labels, parent=parent_label, word=self.new_label_word))
        label = plain_label(label)
        code = self._codes.get(label)
        if label is None or (code is not None and self._sums.count[code] > 0):
            raise ParameterError("label", label, "is already a space" if label is not None else "a new space needs a label")
        return self._register(label)

    def _live_codes(self):
        count = self._sums.count
        return [code for code in range(1, self._sums.used) if count[code] > 0]

    def _ordered_labels(self, codes):
        return tuple(self._labels[code] for code in sorted(codes) if code != UNASSIGNED)

    def _nodes(self, blocks):
        """Node indices of block ids (each once, in the order given)."""
        index = self._index
        wanted = list(dict.fromkeys(plain_label(block) for block in blocks))
        missing = [block for block in wanted if block not in index]
        if missing:
            raise UnknownBlockError(missing)
        return np.fromiter((index[block] for block in wanted), dtype=np.int64, count=len(wanted))

    def _adjacent(self, a, b):
        members = self._sums.members
        small, other = (a, b) if len(members[a]) <= len(members[b]) else (b, a)
        labels, lists = self._sums.code_list, self._sums.lists
        return any(labels[neighbour] == other for node in members[small] for neighbour in lists[node])

    def _check_locks(self, nodes, targets):
        """Refuse moving ``nodes`` to ``targets`` (None: a new space) when a locked space loses or gains."""
        if not self._locked or not len(nodes):
            return
        locked = list(self._locked)
        sources = self._sums.codes[nodes]
        touched = np.isin(sources, locked)
        codes = set(sources[touched].tolist())
        if targets is not None:
            into = np.isin(targets, locked)
            touched |= into
            codes |= set(np.asarray(targets)[into].tolist())
        if touched.any():
            spaces = self._ordered_labels(codes)
            raise LockedSpaceError(spaces[0], [self._ids[node] for node in nodes[touched].tolist()], spaces=spaces)

    def _assign(self, nodes, targets):
        """The one place blocks change space: locks are checked here, for operations and replays."""
        self._check_locks(nodes, targets)
        return self._sums.reassign(nodes, targets)

    def _change(self, kind, nodes, targets):
        sums = self._sums
        moving = sums.codes[nodes] != targets
        nodes, targets = nodes[moving], targets[moving]
        sources = sums.codes[nodes]
        affected = sorted((set(sources.tolist()) | set(targets.tolist())) - {UNASSIGNED})
        before = self._statuses(affected)
        self._assign(nodes, targets)
        moved = sums.population[nodes]
        flows = {}
        for source, target, pop in zip(sources.tolist(), targets.tolist(), moved.tolist()):
            entry = flows.setdefault((source, target), [0, 0.0])
            entry[0] += 1
            entry[1] += pop
        labels = self._labels
        return Change(
            kind=kind, blocks=tuple(self._ids[node] for node in nodes.tolist()),
            before=tuple(labels[code] for code in sources.tolist()), after=tuple(labels[code] for code in targets.tolist()),
            population=float(moved.sum()),
            flows=tuple(Flow(labels[s], labels[t], n, p) for (s, t), (n, p) in sorted(flows.items())),
            affected=tuple(labels[code] for code in affected), status_before=before, status_after=self._statuses(affected),
        )

    def _replay(self, change, forward):
        action = "apply" if forward else "revert"
        if change.kind == LOCK:
            space, was, now = change.lock
            expected, wanted = (was, now) if forward else (now, was)
            code = self._existing(space)
            if (code in self._locked) != expected:
                raise StaleChangeError(change.kind, action, [])
            if wanted:
                self._locked.add(code)
            else:
                self._locked.discard(code)
            return self._statuses([code])
        found, wanted = (change.before, change.after) if forward else (change.after, change.before)
        nodes = self._nodes(change.blocks)
        if len(nodes) != len(change.blocks):
            raise ParameterError("change", change.kind, "lists a block more than once")
        labels = self._sums.code_list
        stale = [block for block, node, label in zip(change.blocks, nodes.tolist(), found)
                 if self._labels[labels[node]] != label]
        if stale:
            raise StaleChangeError(change.kind, action, stale)
        targets = np.fromiter((self._register(label) for label in wanted), dtype=np.int64, count=len(nodes))
        affected = self._assign(nodes, targets)
        return self._statuses([code for code in affected if code != UNASSIGNED])

    def _make_status(self, code, pop, count, ssd, parts):
        return SpaceStatus(self._labels[code], float(pop), int(count), float(ssd),
                           self._band.status(pop), int(parts), code in self._locked)

    def _statuses(self, codes):
        codes = list(codes)
        if not codes:
            return ()
        sums = self._sums
        ssd = sums.ssd(codes).tolist()
        return tuple(self._make_status(code, sums.pop[code], sums.count[code], value, sums.parts[code])
                     for code, value in zip(codes, ssd))
