"""Boundary certainty: which boundaries of a proposed division the data decides, which are open.

The search is a randomised heuristic: runs with other seeds end in other, nearly as good
divisions. Where they all draw the same boundary, the data decides it; where they disagree, the
boundary could as well lie elsewhere and is open to discussion in the consultation. The idea is
that of the membership stability of ArcGIS's spatially constrained multivariate clustering
(evidence accumulation over many runs), measured here locally, link by link, so it can be
drawn block by block.

Definitions (N further runs with seeds ``seed + 1 ... seed + N``, compared with the proposal,
the run with ``seed`` itself, which is not counted among them):

- **link agreement** (per pair of neighbouring blocks): the share of the N runs that relate the
  two blocks as the proposal does: in one space where the proposal has them in one space, in two
  spaces where the proposal draws a boundary between them. A boundary link with agreement 1 is a
  boundary every run draws; 0.5 means half the runs put the two blocks together.
- **block certainty**: the mean link agreement over the block's links (its neighbours), in
  [0, 1]: 1 when every run gives the block the same neighbours in its space as the proposal.
  NaN for blocks outside the division (no geometry) and for blocks without neighbours.
- **space certainty**: the mean block certainty of the space's blocks.
- **space overlap**: per run, the largest overlap of the space with a space of the run
  (residents in both / residents in either: the Jaccard index weighted by residents; by blocks
  for a space without residents), averaged over the runs: 1 when every run has exactly this space.
- **space stability**: the share of the N runs that contain a space matching it, i.e. with an
  overlap of at least ``overlap`` (default 0.8).

Runs are deterministic for their seed, so the figures are too. The cost is N runs of the
search: the caller states it (runs x time per run).
"""
from __future__ import annotations

import time
from dataclasses import dataclass, replace

import numpy as np

from ..errors import ParameterError

#: Overlap (Jaccard index, weighted by residents) from which a run's space counts as the same space.
DEFAULT_OVERLAP = 0.8
#: Runs suggested when the certainty is switched on: 10 gives shares in steps of 10 %.
DEFAULT_RUNS = 10


@dataclass
class BoundaryCertainty:
    """The figures defined in the module docstring, for the links of ``left``/``right``."""

    runs: int
    seeds: list
    left: np.ndarray  # the links (each once, left < right)
    right: np.ndarray
    link_agreement: np.ndarray  # per link, in [0, 1]
    link_is_boundary: np.ndarray  # per link: the proposal puts the two blocks in different spaces
    block_certainty: np.ndarray  # per block, NaN where not measured
    space_certainty: dict  # space id -> mean block certainty
    space_stability: dict  # space id -> share of runs with a matching space
    space_overlap: dict  # space id -> mean over the runs of the largest overlap with one of their spaces
    overlap: float
    seconds: float = 0.0  # time the runs took (the cost)
    workers: int = 1  # processes the runs used
    workers_failed: str = ""  # why the runs did not use the processes asked for ("" when they did)

    @property
    def boundary_agreement(self):
        """Agreement of the proposal's boundary links (where the consultation draws lines)."""
        return self.link_agreement[self.link_is_boundary]


def unique_links(graph):
    """Every link of ``graph`` once (left < right), as the CSR arrays hold them."""
    heads = np.repeat(np.arange(graph.n), np.diff(graph.indptr))
    tails = graph.indices
    once = heads < tails
    return heads[once], tails[once]


def measure_certainty(graph, proposal, runs, population=None, overlap=DEFAULT_OVERLAP, seeds=None, seconds=0.0):
    """The certainty of ``proposal`` (space id per block, 0: not divided) given the labels of ``runs``.

    ``graph`` gives the links; ``population`` weights the overlap of spaces (None: blocks).
    """
    proposal = np.asarray(proposal)
    runs = [np.asarray(labels) for labels in runs]
    if not runs:
        raise ParameterError("CERTAINTY_RUNS", 0, "needs at least one run to compare with")
    if not 0 < overlap <= 1:
        raise ParameterError("overlap", overlap, "must be above 0 and at most 1")
    n = graph.n
    left, right = unique_links(graph)
    measured = (proposal[left] > 0) & (proposal[right] > 0)
    left, right = left[measured], right[measured]
    together = proposal[left] == proposal[right]
    agree = np.zeros(len(left))
    for labels in runs:
        agree += (labels[left] == labels[right]) == together
    agreement = agree / len(runs)

    sums = np.zeros(n)
    counts = np.zeros(n)
    for ends in (left, right):
        np.add.at(sums, ends, agreement)
        np.add.at(counts, ends, 1)
    with np.errstate(invalid="ignore", divide="ignore"):
        block = np.where(counts > 0, sums / np.maximum(counts, 1), np.nan)
    block[proposal <= 0] = np.nan

    space_ids = np.unique(proposal[proposal > 0]).astype(np.int64)
    scored = ~np.isnan(block)
    position = np.searchsorted(space_ids, proposal[scored])
    totals = np.bincount(position, block[scored], minlength=len(space_ids))
    scored_blocks = np.bincount(position, minlength=len(space_ids))
    with np.errstate(invalid="ignore", divide="ignore"):
        means = np.where(scored_blocks > 0, totals / np.maximum(scored_blocks, 1), np.nan)
    space_certainty = {int(space): float(mean) for space, mean in zip(space_ids, means)}
    weights = np.ones(n) if population is None else np.nan_to_num(np.asarray(population, dtype=float))
    matched = np.zeros(len(space_ids))
    overlaps = np.zeros(len(space_ids))
    for labels in runs:
        best = _best_overlap(proposal, labels, space_ids, weights)
        matched += best >= overlap - 1e-12
        overlaps += best
    stability = {int(space): float(m / len(runs)) for space, m in zip(space_ids, matched)}
    mean_overlap = {int(space): float(o / len(runs)) for space, o in zip(space_ids, overlaps)}
    return BoundaryCertainty(len(runs), list(seeds or []), left, right, agreement, ~together, block,
                             space_certainty, stability, mean_overlap, overlap, seconds)


def _best_overlap(proposal, labels, space_ids, weights):
    """Per space of the proposal, the largest Jaccard index with a space of ``labels``.

    Weighted by ``weights`` (residents); for a space whose blocks weigh nothing in total, by blocks.
    """
    run_ids = np.unique(labels[labels > 0])
    if not len(run_ids):
        return np.zeros(len(space_ids))
    in_proposal = np.isin(proposal, space_ids)
    in_run = labels > 0
    proposal_index = np.where(in_proposal, np.searchsorted(space_ids, proposal), -1)
    run_index = np.where(in_run, np.searchsorted(run_ids, labels), -1)
    shape = (len(space_ids), len(run_ids))
    by_residents, residents = _largest_jaccard(proposal_index, run_index, weights, shape)
    by_blocks, _ = _largest_jaccard(proposal_index, run_index, np.ones(len(weights)), shape)
    return np.where(residents > 0, by_residents, by_blocks)


def _largest_jaccard(proposal_index, run_index, weights, shape):
    """(largest weighted Jaccard index per proposal space, weight of each proposal space)."""
    in_proposal, in_run = proposal_index >= 0, run_index >= 0
    size_proposal = np.bincount(proposal_index[in_proposal], weights[in_proposal], minlength=shape[0])
    size_run = np.bincount(run_index[in_run], weights[in_run], minlength=shape[1])
    both = in_proposal & in_run
    inter = np.zeros(shape)
    np.add.at(inter, (proposal_index[both], run_index[both]), weights[both])
    union = size_proposal[:, None] + size_run[None, :] - inter
    jaccard = np.divide(inter, union, out=np.zeros(shape), where=union > 0)
    return jaccard.max(axis=1), size_proposal


def certainty_seeds(seed, runs):
    """The seeds of the further runs: the proposal's seed + 1 ... + ``runs``."""
    return [int(seed) + 1 + index for index in range(runs)]


class SeedSolver:
    """``solve_seed`` for :func:`run_certainty` from a :class:`Problem` and :class:`Settings` (picklable)."""

    def __init__(self, problem, settings):
        self.problem, self.settings = problem, settings

    def __call__(self, seed, progress=None, is_cancelled=None):
        from .delineate import solve

        return solve(self.problem, replace(self.settings, seed=seed), progress=progress, is_cancelled=is_cancelled)


def solver_for(problem, settings):
    """``solve_seed`` for :func:`run_certainty`: :func:`~sozialraum.engine.delineation.delineate.solve` with another seed."""
    return SeedSolver(problem, settings)


class DelineateCall:
    """``solve_seed`` for :func:`run_certainty` from the arguments of :func:`~sozialraum.engine.delineation.delineate.delineate`
    (picklable): the same call with another seed."""

    def __init__(self, *arguments, **keywords):
        self.arguments, self.keywords = arguments, keywords

    def __call__(self, seed, progress=None, is_cancelled=None):
        from .delineate import delineate

        keywords = {**self.keywords, "seed": seed}
        return delineate(*self.arguments, **keywords, progress=progress, is_cancelled=is_cancelled)


def run_certainty(solve_seed, proposal, seed, runs=DEFAULT_RUNS, population=None, overlap=DEFAULT_OVERLAP, progress=None,
                  is_cancelled=None, workers=1):
    """Run the search ``runs`` more times and measure ``proposal`` (a Delineation made with ``seed``) against them.

    ``solve_seed(seed, progress=, is_cancelled=)`` returns the Delineation of the same problem and
    settings with another seed (:func:`solver_for`, :class:`DelineateCall`). ``progress(fraction,
    stage)`` hears of each run; ``is_cancelled()`` stops between and within runs
    (:class:`~sozialraum.engine.errors.Cancelled`). ``population`` weights the overlap of spaces.
    ``workers`` > 1 runs that many processes at once (``solve_seed`` must then be picklable); the
    result is the same as with one. If the processes cannot start or die, the runs are made one
    after the other and ``workers_failed`` of the result says why.
    """
    if runs < 1:
        raise ParameterError("CERTAINTY_RUNS", runs, "must be at least 1")
    if workers < 1:
        raise ParameterError("CERTAINTY_WORKERS", workers, "must be at least 1")
    started = time.perf_counter()
    seeds = certainty_seeds(seed, runs)
    workers, failed, labels = min(workers, runs), "", None
    if workers > 1:
        from .parallel_runs import WorkersFailed, labels_in_processes

        try:
            labels = labels_in_processes(solve_seed, seeds, workers, progress, is_cancelled)
        except WorkersFailed as error:  # one after the other instead: slower, same figures
            workers, failed = 1, str(error) or type(error).__name__
    if labels is None:
        labels = []
        for index, run_seed in enumerate(seeds):
            def step(fraction, stage, index=index):
                if progress is not None:
                    progress((index + fraction) / runs, stage)
            labels.append(solve_seed(run_seed, progress=step, is_cancelled=is_cancelled).labels)
    seconds = time.perf_counter() - started
    certainty = measure_certainty(proposal.graph, proposal.labels, labels, population, overlap, seeds, seconds)
    certainty.workers, certainty.workers_failed = workers, failed
    return certainty
