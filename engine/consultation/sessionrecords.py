"""What a consultation session hands out: the status of a space, the totals, change records.

All records are frozen dataclasses of plain values (labels, block ids, floats, tuples): the
QGIS side can keep a :class:`Change` in an undo command and write it to the decision log
without holding on to the session, and two records compare equal when they say the same.

- :class:`SpaceStatus`: one space's population, blocks, SSD, bound status and contiguity
  (the dock's table row; also the before/after figures of a change);
- :class:`Summary`: the totals and the number of problems (the dock's header);
- :class:`Change`: one operation (a paint stroke, merge, split, new space, lock toggle):
  which blocks moved from where to where, the residents moved, and the affected spaces'
  status before and after. :meth:`ConsultationSession.apply` and
  :meth:`~ConsultationSession.revert` replay it exactly (the labels, not only the figures);
- :class:`Preview`: a paint stroke's would-be figures, for the overlay while dragging;
- :class:`Proposal`: a re-optimisation's would-be moves and totals, before it is applied.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..population_band import ABOVE as BAND_ABOVE
from ..population_band import BELOW as BAND_BELOW
from ..population_band import WITHIN as BAND_WITHIN

#: Bound status of a space: its population against the floor and the ceiling (one set of
#: words with the delineation's outputs, engine/population_band.py).
WITHIN, BELOW, ABOVE = BAND_WITHIN, BAND_BELOW, BAND_ABOVE
#: Problem code of a space whose blocks are not all connected through links among themselves.
NOT_CONTIGUOUS = "not_contiguous"

#: Kinds of change.
MOVE = "move"
MERGE = "merge"
SPLIT = "split"
NEW_SPACE = "new_space"
LOCK = "lock"
#: the engine moved the free blocks around the decisions (engine/consultation/reoptimise.py)
REOPTIMISE = "reoptimise"


@dataclass(frozen=True)
class SpaceStatus:
    """One space as the dock shows it. ``blocks == 0``: the space holds nothing (merged away)."""

    space: object  # the label
    population: float
    blocks: int
    ssd: float  # within sum of squares (weighted by residents when the session is)
    bound: str  # WITHIN, BELOW or ABOVE
    parts: int  # connected parts on the adjacency graph (1: contiguous; 0: no blocks)
    locked: bool

    @property
    def exists(self):
        return self.blocks > 0

    @property
    def contiguous(self):
        return self.parts <= 1

    @property
    def problems(self):
        """Problem codes: the bound status when not WITHIN, NOT_CONTIGUOUS; () for a good space."""
        if not self.exists:
            return ()
        found = () if self.bound == WITHIN else (self.bound,)
        return found + (() if self.contiguous else (NOT_CONTIGUOUS,))


@dataclass(frozen=True)
class Summary:
    """Totals over the spaces that hold blocks; ``problems``: spaces with at least one problem."""

    spaces: int
    blocks: int  # blocks in a space
    population: float  # residents in a space
    unassigned_blocks: int
    unassigned_population: float
    below: int
    above: int
    not_contiguous: int
    problems: int
    locked: int
    ssd: float  # total of the spaces' SSD
    tss: float  # total sum of squares of all blocks (the SSD of one space holding everything)

    @property
    def ssd_share(self):
        """SSD / TSS: 0 is perfectly homogeneous spaces, 1 no better than one space."""
        return self.ssd / self.tss if self.tss > 0 else 0.0


@dataclass(frozen=True)
class Flow:
    """Blocks and residents that one change moved from ``source`` to ``target`` (None: no space)."""

    source: object
    target: object
    blocks: int
    population: float


@dataclass(frozen=True)
class Change:
    """One operation of a session, as applied; :meth:`ConsultationSession.revert` takes it back.

    ``blocks``/``before``/``after``: the block ids that moved and the space of each before and
    after (None: no space), in the order given. ``lock``: ``(space, was_locked, is_locked)`` for
    a :data:`LOCK` change, else None. ``affected``: the spaces whose figures changed, with their
    ``status_before`` and ``status_after`` in the same order.
    """

    kind: str
    blocks: tuple
    before: tuple
    after: tuple
    population: float  # residents moved
    flows: tuple  # Flow per (source, target)
    affected: tuple
    status_before: tuple
    status_after: tuple
    lock: tuple = None

    @property
    def is_empty(self):
        """Nothing moved and no lock changed (e.g. a stroke over the target's own blocks)."""
        return not self.blocks and (self.lock is None or self.lock[1] == self.lock[2])

    @property
    def new_problems(self):
        """Affected spaces that have a problem after the change they did not have before.

        A change that breaks contiguity or the bounds is allowed but must be flagged at once.
        """
        before = {status.space: set(status.problems) for status in self.status_before}
        return tuple(status for status in self.status_after
                     if set(status.problems) - before.get(status.space, set()))


@dataclass(frozen=True)
class Preview:
    """A stroke's effect without applying it: the affected spaces as they would become.

    ``refused``: block ids of the stroke that a lock refuses (in a locked space, or all of them
    when the target is locked); the figures leave them out, :meth:`ConsultationSession.move`
    refuses the whole stroke while any remain.
    """

    target: object
    blocks: int  # blocks that would move
    population: float
    affected: tuple
    status_before: tuple
    status_after: tuple
    refused: tuple = ()
    refused_spaces: tuple = ()


@dataclass(frozen=True)
class Proposal:
    """What a re-optimisation would change, nothing applied yet (the dock's preview).

    ``blocks``/``before``/``after``: the block ids that would move and their space now and
    then; ``summary_before``/``summary_after``: the totals of the whole division now and then.
    :meth:`ConsultationSession.assign` applies it as one change record.
    """

    blocks: tuple
    before: tuple
    after: tuple
    summary_before: Summary
    summary_after: Summary

    @property
    def is_empty(self):
        return not self.blocks
