"""Propose social spaces: contiguous regions within [lower, upper] residents, internally alike.

Pipeline (each stage reports progress and can be cancelled):
1. feasibility: blocks above the maximum, parts of the graph (cut off by barriers, nesting
   or locked spaces) below the minimum, and whether the requested number of spaces fits;
   either refuse with the exact problems or apply the documented fallbacks;
2. number of spaces per part: given N is shared out in proportion to population within
   each part's admissible range; automatic (N = 0) uses population / target size, where
   the target defaults to the middle of the band;
3. a first partition by contiguity-constrained Ward clustering and, on problems up to
   20,000 blocks, a second one by bounded tree cuts (or the warm start, repaired);
4. improvement: single-block moves and merge-and-resplit of neighbouring spaces.
5. shape clean-up (engine/delineation/shapes.py): enclaves merged or opened, tentacle blocks moved, where
   the bounds, contiguity and the fixed spaces allow; skipped with compactness 0 (homogeneity
   only: no step trades SSD for shape);
6. shape polish (engine/delineation/shape_polish.py), given the blocks' areas and perimeters:
   single-block moves that raise the mean Polsby-Popper where it costs little SSD (the clean-up
   again if a move closed an enclave); skipped with compactness 0;
7. where a space still comes out comb-shaped (PP below 0.10), 3 to 6 again with twice the
   compactness weight (:func:`_without_combs`).
Deterministic for a given seed: iteration counts, never the clock, decide when to stop.

Entry points: :func:`solve` takes a :class:`Problem` (what is given) and :class:`Settings`
(how to solve it); :func:`delineate` is the same with keyword arguments.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace

import numpy as np

from ..errors import Cancelled, ParameterError
from ..objective import (
    border_length,
    border_weight,
    division_ssd,
    group_ssd,
    total_link_length,
    total_ss,
)
from ..population_band import (
    ABOVE,
    BELOW,
    DEFAULT_MAX_POPULATION,
    DEFAULT_MIN_POPULATION,
    FLAGGED,
    WITHIN,
    space_status,
)
from ..population_band import LOCKED as LOCKED_STATUS
from ..problem import DEFAULT_COMPACTNESS, DEFAULT_POPULATION_WEIGHT, FAIL, FALLBACK, Problem, Settings
from ..scoring import closed_compactness
from ..spatial.graph import Graph, is_connected
from .boundrepair import repair_bounds
from .feasibility import BLOCK_ABOVE, LOCKED, make_plan
from .localsearch import RegionState, improve, violation
from .parallel_runs import Background, WorkersFailed, in_worker
from .recombine import perturb, recombine, repair
from .shape_polish import WEIGHT_PER_COMPACTNESS, polish_shapes, space_compactness
from .shapes import enclaves, outline_shapes, tidy_division
from .shapeterm import ShapeTerm
from .treecut import TreeCutter
from .ward import ward_partition
from .warmstart import warm_start_labels

__all__ = ["FAIL", "FALLBACK", "Delineation", "Problem", "Settings", "Space", "delineate", "solve"]

#: The status words of engine/population_band.py, under the names this module has always had.
STATUS_OK, STATUS_BELOW, STATUS_ABOVE, STATUS_FLAGGED, STATUS_LOCKED = WITHIN, BELOW, ABOVE, FLAGGED, LOCKED_STATUS
#: Status of a space fixed before the search, by the reason it was fixed.
FIXED_STATUS = {LOCKED: STATUS_LOCKED, BLOCK_ABOVE: STATUS_ABOVE}


@dataclass
class Space:
    space_id: int
    blocks: np.ndarray
    population: float
    ssd: float
    status: str
    flags: list = field(default_factory=list)  # e.g. "block_above", "island_joined", "locked"
    unit: object = None


@dataclass
class Delineation:
    labels: np.ndarray  # space id per block (1..k), 0 for blocks left out (no geometry)
    spaces: list
    ssd: float
    tss: float
    notes: list  # structured notes: dicts with a "code"
    seed: int
    graph: Graph  # the graph used (with the links added to join islands)

    @property
    def k(self):
        return len(self.spaces)

    @property
    def ssd_share(self):
        return self.ssd / self.tss if self.tss > 0 else 0.0


class _Progress:
    def __init__(self, progress, is_cancelled):
        self.progress = progress
        self.is_cancelled = is_cancelled

    def __call__(self, fraction, stage):
        if self.is_cancelled is not None and self.is_cancelled():
            raise Cancelled()
        if self.progress is not None:
            self.progress(fraction, stage)


def delineate(
    graph,
    population,
    values,
    lower=DEFAULT_MIN_POPULATION,
    upper=DEFAULT_MAX_POPULATION,
    n_spaces=0,
    nest=None,
    initial=None,
    locked=(),
    compactness=DEFAULT_COMPACTNESS,
    weight_by_population=True,
    seed=0,
    on_infeasible=FALLBACK,
    coordinates=None,
    active=None,
    target_size=None,
    effort=1.0,
    progress=None,
    is_cancelled=None,
    population_weight=DEFAULT_POPULATION_WEIGHT,
    shape_weight=0.0,
    block_areas=None,
    block_perimeters=None,
    block_shapes=None,
    closing=0.0,
    workers=1,
):
    """Partition the blocks of ``graph`` into contiguous spaces: :func:`solve` with keywords.

    ``values`` are the prepared (standardised, weighted) attributes, n x m; NaN and ±inf count
    as the attribute mean (0), as in :func:`evaluate_division`. ``nest`` gives a
    unit per block: the graph must already have no links between units (the adjacency does
    that), here it is used to keep island joins and reports inside a unit. ``initial`` gives
    an existing space per block (warm start), ``locked`` the values of ``initial`` that must
    stay as they are. ``coordinates`` (n x 2) are used to join islands to their nearest
    neighbour and to number the spaces from north-west to south-east. ``active`` marks the
    blocks to partition (others get label 0). The fields of :class:`Problem` and
    :class:`Settings` say more about each.
    """
    problem = Problem(graph, population, values, min_population=lower, max_population=upper, units=nest,
                      initial_division=initial, locked_spaces=locked, points=coordinates, active=active,
                      block_areas=block_areas, block_perimeters=block_perimeters, block_shapes=block_shapes,
                      closing=closing)
    settings = Settings(n_spaces=n_spaces, target_population=target_size, seed=seed, compactness=compactness,
                        weight_by_population=weight_by_population, population_weight=population_weight, effort=effort,
                        shape_weight=shape_weight, on_infeasible=on_infeasible, workers=workers)
    return solve(problem, settings, progress=progress, is_cancelled=is_cancelled)


def solve(problem, settings=None, progress=None, is_cancelled=None):
    """Divide ``problem`` as ``settings`` say (defaults: :class:`Settings`); see the module docstring.

    ``progress(fraction, stage)`` is told how far the run is; ``is_cancelled()`` is polled
    between steps and stops the run with :class:`Cancelled`. They are not settings: they
    change nothing in the result.
    """
    settings = Settings() if settings is None else settings
    step = _Progress(progress, is_cancelled)
    step(0.0, "feasibility")
    plan = make_plan(problem, settings)
    step(0.1, "first partition")
    labels, context = _search(problem, settings, plan, step, is_cancelled)
    labels, context = _without_combs(labels, context, problem, settings, plan, step, is_cancelled)
    step(0.95, "result")
    result = _result(labels, problem, plan, context.tss, settings.seed)
    step(1.0, "done")
    return result


def _search(problem, settings, plan, step, is_cancelled):
    """Starts, improvement, clean-up and polish: (labels, the context that judged them)."""
    context = _SolveContext(problem, settings, plan, step, is_cancelled)
    labels = _best_of_starts(context, settings.seed)
    labels = tidy_division(labels, problem, settings, plan)  # no enclaves, no tentacles (engine/delineation/shapes.py)
    polished = _polished(labels, problem, settings, plan, context)
    fixed = range(len(plan.fixed_regions))
    if not np.array_equal(polished, labels) and \
            set(enclaves(polished, plan.graph, problem.points, fixed, outline_shapes(problem))) - \
            set(enclaves(labels, plan.graph, problem.points, fixed, outline_shapes(problem))):
        # a block the polish moved closed a ring round a neighbour (an enclave): the clean-up again, for
        # enclaves only (with its tentacle moves the 10k lattice lost 1.3 % SSD; polishing before the one
        # clean-up left the 20k town's least compact space at 0.100 instead of 0.132)
        notes = len(plan.notes)
        polished = tidy_division(polished, problem, settings, plan, tentacles=False)
        _merge_tidy_notes(plan.notes, notes)
    return polished, context


def _merge_tidy_notes(notes, second):
    """One clean-up note for two clean-ups: counts added, the enclaves kept those of the second
    (``second``: where its notes begin in ``notes``)."""
    earlier = [note for note in notes[:second] if note.get("code") == "shapes_tidied"]
    later = [note for note in notes[second:] if note.get("code") == "shapes_tidied"]
    if not earlier or not later:
        return
    first, last = earlier[-1], later[-1]
    for key in ("enclaves_found", "enclaves_merged", "enclaves_opened", "tentacles_moved"):
        first[key] += last[key]
    first["enclaves_kept"] = last["enclaves_kept"]
    notes.remove(last)


#: A space of at least COMB_BLOCKS blocks whose Polsby-Popper is below COMB_COMPACTNESS is comb-shaped: no
#: planner takes it to a consultation (issue 10: "no space under 0.10"). The figure is that of the space's
#: closed outline, as the report shows it, for the spaces whose estimate from the blocks' outlines is below
#: COMB_SUSPECT (the estimate counts a street between two blocks of a space as inside; on a town of Voronoi
#: blocks it was 1.4 times the outline's figure, median, 0.8 to 2.5 times below 0.2: an outside re-check);
#: without block polygons the estimate decides.
COMB_COMPACTNESS = 0.10
COMB_SUSPECT = 0.30
COMB_BLOCKS = 5
#: How often the compactness weight is doubled at least while spaces come out comb-shaped (if need be) ...
COMPACTNESS_RAISES = 3
#: ... and up to this weight (8 times the default) when the user's weight was lower: from 0.05 three doublings
#: stopped at 0.40 with three combs left, where 0.80 left none (an outside re-check).
COMPACTNESS_CEILING = 1.6


def _combs(labels, problem, settings, plan):
    """The free spaces (labels) that are comb-shaped, or None when the check does not apply: compactness
    0 (homogeneity only) or no block shapes."""
    if settings.compactness <= 0 or problem.block_areas is None or problem.block_perimeters is None:
        return None
    estimate, blocks = space_compactness(labels, plan.graph, problem.block_areas, problem.block_perimeters)
    fixed = len(plan.fixed_regions)
    if problem.block_shapes is None:
        return [r for r in range(fixed, len(estimate)) if blocks[r] >= COMB_BLOCKS and estimate[r] < COMB_COMPACTNESS]
    suspects = [r for r in range(fixed, len(estimate)) if blocks[r] >= COMB_BLOCKS and estimate[r] < COMB_SUSPECT]
    if not suspects:
        return []
    measured = closed_compactness(labels, problem.block_shapes, problem.closing, suspects)
    return [r for r in suspects if (measured[r] if np.isfinite(measured[r]) else estimate[r]) < COMB_COMPACTNESS]


def _without_combs(labels, context, problem, settings, plan, step, is_cancelled):
    """Where spaces come out comb-shaped (blocks alike in their attributes but scattered at block level make
    interlocking fingers pay in SSD: an outside check's town had 10 of 66 spaces below PP 0.10), the search
    runs again with twice the compactness weight, COMPACTNESS_RAISES times or up to COMPACTNESS_CEILING if that is
    more, and keeps the first
    division without combs (else the one with fewest). A note says so; the weight the user chose stays
    the starting point, and compactness 0 is never raised. The runs again report their progress
    between 90 and 95 % (the bar went back to 70 % and up again: an outside re-check)."""
    combs = _combs(labels, problem, settings, plan)
    if not combs:
        return labels, context
    kept_notes = [note for note in plan.notes if note.get("code") == "shapes_tidied"]
    best = (len(combs), labels, context, settings.compactness, kept_notes)
    weight = settings.compactness
    raises = max(COMPACTNESS_RAISES, int(np.floor(np.log2(COMPACTNESS_CEILING / settings.compactness) + 1e-9)))
    for attempt in range(raises):
        weight *= 2.0
        plan.notes[:] = [note for note in plan.notes if note.get("code") != "shapes_tidied"]
        start, end = 0.9 + 0.05 * attempt / raises, 0.9 + 0.05 * (attempt + 1) / raises

        def within(fraction, stage, start=start, end=end):
            step(start + (end - start) * fraction, stage)

        within(0.0, "compactness raised")
        trial_labels, trial_context = _search(problem, replace(settings, compactness=weight), plan, within, is_cancelled)
        trial_combs = _combs(trial_labels, problem, settings, plan)
        if len(trial_combs) < best[0]:
            best = (len(trial_combs), trial_labels, trial_context, weight,
                    [note for note in plan.notes if note.get("code") == "shapes_tidied"])
        if not trial_combs:
            break
    first_labels = labels
    count, labels, context, used, tidy_notes = best
    # what the shapes cost in homogeneity, so that the planner can weigh it (an outside re-check); also when no
    # run left fewer combs and the first division is kept ("used" = "chosen"): the combs are then still said
    active = problem.active
    share = [division_ssd(found[active], problem.attributes[active]) / context.tss if context.tss > 0 else 0.0
             for found in (first_labels, labels)]
    raised = {"code": "compactness_raised", "chosen": settings.compactness, "used": used, "tried": weight,
              "combs_before": len(combs), "combs_after": count, "threshold": COMB_COMPACTNESS,
              "ssd_share_before": share[0], "ssd_share_after": share[1]}
    # before the clean-up's note, which is that of the division kept (after it, the log read as if the clean-up
    # line described the first search: an outside re-check)
    plan.notes[:] = [note for note in plan.notes if note.get("code") != "shapes_tidied"] + [raised] + tidy_notes
    return labels, context


#: Fresh starts tried when a solution still violates the bounds (small problems; larger
#: ones get one, the repair step does the rest).
RESTARTS = 4
RESTART_LIMIT = 5000
#: Trees tried per merge-and-resplit of two neighbouring spaces.
RECOMBINE_ATTEMPTS = 2
#: Iterated local search: random re-splits per space (times effort), fewer on large problems
#: to keep 100k blocks within a few minutes: (up to this many blocks, re-splits per space).
PERTURBATION_BUDGET = ((5000, 10), (20000, 3), (None, 1))
#: Up to this many blocks both first partitions (Ward and tree cuts) are improved and compared.
BOTH_STARTS_LIMIT = 20000


def _best_of_starts(context, seed):
    """Labels of the best of the starts: least bound violation, then lowest objective.

    First start: contiguity-constrained Ward clustering (the most homogeneous start); on
    problems up to BOTH_STARTS_LIMIT blocks the bounded tree cuts start too. Restarts only
    when the bounds are still violated: seeds derived from the user's seed (deterministic),
    alternating the two starts.
    """
    n = context.plan.graph.n
    both = n <= BOTH_STARTS_LIMIT
    second = _second_start_in_background(context, seed) if both else None
    try:
        labels, bad = context.solve(np.random.default_rng(seed), "ward")
        best_key = (bad, context.objective(labels))
        if both:
            context.step(0.6, "second start")
            other = None
            if second is not None:
                try:
                    other, other_bad = second.result(context.is_cancelled)
                except WorkersFailed:  # one after the other instead: slower, the same division
                    other = None
            if other is None:
                other, other_bad = context.solve(np.random.default_rng([seed, 0]), "tree")
            other_key = (other_bad, context.objective(other))
            if other_key < best_key:
                labels, bad, best_key = other, other_bad, other_key
    finally:
        if second is not None:
            second.stop()  # cancelled or failed before its result was taken: the worker ends too
    restarts = RESTARTS if n <= RESTART_LIMIT else 1
    for restart in range(1, restarts + 1 if bad > 0 else 1):
        context.step(0.9, "restart")
        other, other_bad = context.solve(np.random.default_rng([seed, restart]), "tree" if restart % 2 else "ward")
        other_key = (other_bad, context.objective(other))
        if other_key < best_key:
            labels, bad, best_key = other, other_bad, other_key
        if bad <= 0:
            break
    return labels


#: From this many blocks the second start runs in a worker process when the settings allow two (starting
#: one costs about a second; the sample town 4.8 s -> 3.1 s, the 2,500 lattice 6.9 -> 4.3, the 10k lattice
#: 17.6 -> 8.6, each with the same division).
PARALLEL_START_BLOCKS = 2000


def _second_start_in_background(context, seed):
    """The tree-cut start in a worker process (parallel_runs.Background), or None: one worker allowed, a small
    problem, or already in a worker (the certainty's runs in processes start none of their own)."""
    if context.settings.workers < 2 or context.plan.graph.n < PARALLEL_START_BLOCKS or in_worker():
        return None
    try:
        return Background(_tree_start, context.problem, context.settings, context.plan, seed)
    except WorkersFailed:
        return None


def _tree_start(problem, settings, plan, seed):
    """The second start of :func:`_best_of_starts`, in a worker: (labels, bound violation)."""
    context = _SolveContext(problem, settings, plan, lambda fraction, stage: None, None)
    return context.solve(np.random.default_rng([seed, 0]), "tree")


class _SolveContext:
    """One run of partition + improvement from a plan, repeated by restarts with other seeds."""

    def __init__(self, problem, settings, plan, step, is_cancelled):
        self.problem, self.settings, self.plan = problem, settings, plan
        self.step, self.is_cancelled = step, is_cancelled
        self.sqnorm = (problem.attributes**2).sum(axis=1)  # kept: every start and cut needs it
        self.tss = total_ss(problem.attributes[problem.active])  # unweighted: the reported SSD share
        # the objective: SSD (blocks weighted by residents and count as the settings mix them) + λ · border length
        self.weights = settings.search_weights(problem.population, problem.active)
        active_weights = None if self.weights is None else self.weights[problem.active]
        self.ssd_scale = (self.tss if self.weights is None else total_ss(problem.attributes[problem.active], active_weights)) or 1.0
        self.border_weight = border_weight(settings.compactness, self.ssd_scale, plan.graph)
        self.shape = None
        if settings.shape_weight > 0:
            missing = [name for name in ("block_areas", "block_perimeters") if getattr(problem, name) is None]
            if missing:
                raise ParameterError("SHAPE_WEIGHT", settings.shape_weight, f"needs the blocks' {' and '.join(missing)}")
            spaces = int(np.sum(plan.counts)) + len(plan.fixed_regions)
            self.shape = ShapeTerm(plan.graph, problem.block_areas, problem.block_perimeters, settings.shape_weight,
                                   self.ssd_scale, spaces)

    def objective(self, labels):
        """SSD + λ · border (+ the isoperimetric term) of finished labels (-1: inactive), as the search counts it."""
        ssd = division_ssd(labels, self.problem.attributes, self.weights)
        if self.border_weight > 0:
            ssd += self.border_weight * border_length(labels, self.plan.graph)
        if self.shape is not None:
            ssd += self.shape.cost(labels)
        return ssd

    def solve(self, rng, start="tree"):
        """Returns (labels with -1 for inactive blocks, total bound violation of free spaces).

        ``start``: first partition by bounded tree cuts ("tree") or by contiguity-constrained
        Ward clustering ("ward").
        """
        problem, settings, plan, is_cancelled = self.problem, self.settings, self.plan, self.is_cancelled
        graph, values, sqnorm, population = plan.graph, problem.attributes, self.sqnorm, problem.population
        lower, upper, fixed_regions = problem.min_population, problem.max_population, plan.fixed_regions
        cutter = TreeCutter(graph, values, sqnorm, population, lower, upper, rng, weights=self.weights)
        labels = np.full(graph.n, -1, dtype=np.int64)
        for index, (blocks, _) in enumerate(fixed_regions):
            labels[blocks] = index
        next_label = len(fixed_regions)
        warm = problem.initial_division is not None
        if warm:
            labels, next_label = warm_start_labels(graph, labels, next_label, plan.parts, plan.counts,
                                                   problem.initial_division, problem.locked_spaces, plan.free,
                                                   cutter, population)
        else:
            for blocks, q in zip(plan.parts, plan.counts):
                if start == "ward":
                    pieces = ward_partition(graph, blocks, values, population, q, upper, weights=self.weights)
                else:
                    pieces = cutter.partition(blocks, q, is_cancelled=is_cancelled)
                for piece in pieces:
                    labels[piece] = next_label
                    next_label += 1

        self.step(0.3, "improvement")
        work_labels = np.where(labels >= 0, labels, next_label)  # inactive blocks in a dummy region
        state = RegionState(work_labels, values, sqnorm, population, next_label + 1, weights=self.weights)
        frozen = (labels < 0) | np.isin(labels, np.arange(len(fixed_regions)))
        closed = set(range(len(fixed_regions))) | {next_label}
        passes = max(2, int(round(20 * settings.effort)))
        rounds = max(1, int(round(4 * settings.effort)))
        search = dict(frozen=frozen, compactness=settings.compactness, ssd_scale=self.ssd_scale,
                      length_scale=total_link_length(graph), max_passes=passes, is_cancelled=is_cancelled, shape=self.shape)
        shape = dict(border_weight=self.border_weight)
        for round_index in range(rounds):
            moved = improve(state, graph, lower, upper, rng, **search)
            self.step(0.3 + 0.6 * (round_index + 0.5) / rounds, "improvement")
            changed = 0
            if not warm or _violating(state, lower, upper, closed):
                changed = recombine(state, graph, cutter, lower, upper, rng, closed=closed, attempts=RECOMBINE_ATTEMPTS,
                                    only_violating=warm, is_cancelled=is_cancelled, **shape)
            self.step(0.3 + 0.6 * (round_index + 1) / rounds, "improvement")
            if moved == 0 and changed == 0:
                break
        if _violating(state, lower, upper, closed):
            self.step(0.9, "repair")
            if repair_bounds(state, graph, lower, upper, cutter=cutter, closed=closed, frozen=frozen, is_cancelled=is_cancelled):
                improve(state, graph, lower, upper, rng, **search)  # ejection chains, relocations: engine/delineation/boundrepair.py
            if repair(state, graph, cutter, lower, upper, rng, closed=closed, is_cancelled=is_cancelled, **shape):
                improve(state, graph, lower, upper, rng, **search)
        if not warm and not _violating(state, lower, upper, closed):  # also after a successful repair
            # iterated local search: random admissible re-splits, kept only when the objective
            # (SSD + λ · border) drops
            per_space = next(per for limit, per in PERTURBATION_BUDGET if limit is None or graph.n <= limit)
            iterations = int(per_space * settings.effort * max(1, next_label - len(fixed_regions)))
            perturb(state, graph, cutter, lower, upper, rng, closed=closed, iterations=iterations,
                    search=search, is_cancelled=is_cancelled)
        bad = sum(violation(state.pop[r], lower, upper) for r in range(state.n_regions) if r not in closed and state.count[r] > 0)
        if not warm:  # fewer spaces than asked for counts as a violation too
            made = sum(1 for r in range(state.n_regions) if r not in closed and state.count[r] > 0)
            bad += max(0, int(np.sum(plan.counts)) - made) * max(lower, 1.0)
        return np.where(labels < 0, -1, state.labels), bad


def _polished(labels, problem, settings, plan, context):
    """The shape polish (engine/delineation/shape_polish.py) where it applies, else ``labels``.

    It needs the blocks' areas and perimeters (an update, which changes as little as possible, passes
    none); it is skipped with compactness 0 (homogeneity only). Locked spaces stay as they are.
    """
    if settings.compactness <= 0 or problem.block_areas is None or problem.block_perimeters is None:
        return labels
    polished, _ = polish_shapes(labels, plan.graph, problem.population, problem.attributes, context.weights,
                                problem.block_areas, problem.block_perimeters, problem.min_population,
                                problem.max_population, range(len(plan.fixed_regions)),
                                WEIGHT_PER_COMPACTNESS * settings.compactness, context.ssd_scale)
    return polished


def _violating(state, lower, upper, closed):
    return any(violation(state.pop[r], lower, upper) > 0 for r in range(state.n_regions) if r not in closed)


def _result(labels, problem, plan, tss, seed):
    population, values, coordinates = problem.population, problem.attributes, problem.points
    band, units = problem.band, problem.unit_of_blocks()
    fixed_regions, graph = plan.fixed_regions, plan.graph
    regions = sorted(set(labels[labels >= 0].tolist()))
    members = {r: np.flatnonzero(labels == r) for r in regions}
    joined_blocks = {int(b) for island, _ in plan.joined for b in island}

    def order_key(region):
        blocks = members[region]
        unit = str(units[blocks[0]])
        if coordinates is None:
            return (unit, 0.0, 0.0, int(blocks[0]))
        centre = coordinates[blocks].mean(axis=0)
        return (unit, -round(centre[1] / 1000.0), centre[0], int(blocks[0]))

    spaces = []
    out = np.zeros(len(labels), dtype=np.int64)
    total_ssd = 0.0
    for space_id, region in enumerate(sorted(regions, key=order_key), start=1):
        blocks = members[region]
        out[blocks] = space_id
        pop = float(population[blocks].sum())
        ssd = group_ssd(values[blocks])
        total_ssd += ssd
        flags = []
        fixed_status = None
        if region < len(fixed_regions):
            reason = fixed_regions[region][1]
            fixed_status, flags = FIXED_STATUS[reason], [reason]
        if joined_blocks.intersection(blocks.tolist()):
            flags.append("island_joined")
        if not is_connected(graph, blocks):
            flags.append("not_contiguous")
        status = fixed_status or space_status(band, pop, flags=flags)
        spaces.append(Space(space_id, blocks, pop, ssd, status, flags, units[blocks[0]]))
    return Delineation(out, spaces, total_ssd, tss, plan.notes, seed, graph)
