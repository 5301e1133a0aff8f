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
Deterministic for a given seed: iteration counts, never the clock, decide when to stop.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from .attributes import finite_values
from .errors import Cancelled, InfeasibleError, ParameterError
from .graph import Graph, is_connected
from .localsearch import RegionState, improve, violation
from .objective import division_ssd, group_ssd, total_ss
from .recombine import perturb, recombine, repair
from .treecut import TreeCutter
from .ward import ward_partition
from .warmstart import warm_start_labels

FAIL = "fail"
FALLBACK = "fallback"

STATUS_OK = "ok"
STATUS_BELOW = "below"
STATUS_ABOVE = "above"
STATUS_FLAGGED = "flagged"
STATUS_LOCKED = "locked"


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
    lower=700.0,
    upper=8500.0,
    n_spaces=0,
    nest=None,
    initial=None,
    locked=(),
    compactness=0.0,
    seed=0,
    on_infeasible=FALLBACK,
    coordinates=None,
    active=None,
    target_size=None,
    effort=1.0,
    progress=None,
    is_cancelled=None,
):
    """Partition the blocks of ``graph`` into contiguous spaces; see the module docstring.

    ``values`` are the prepared (standardised, weighted) attributes, n x m; NaN and ±inf count
    as the attribute mean (0), as in :func:`evaluate_division`. ``nest`` gives a
    unit per block: the graph must already have no links between units (the adjacency does
    that), here it is used to keep island joins and reports inside a unit. ``initial`` gives
    an existing space per block (warm start), ``locked`` the values of ``initial`` that must
    stay as they are. ``coordinates`` (n x 2) are used to join islands to their nearest
    neighbour and to number the spaces from north-west to south-east. ``active`` marks the
    blocks to partition (others get label 0).
    """
    step = _Progress(progress, is_cancelled)
    population = np.nan_to_num(np.asarray(population, dtype=float))
    values = finite_values(values)  # NaN/inf count as the attribute mean (one policy, see there)
    n = graph.n
    _check_parameters(n, population, values, lower, upper, n_spaces, on_infeasible, compactness)
    rng = np.random.default_rng(seed)
    active = np.ones(n, dtype=bool) if active is None else np.asarray(active, dtype=bool)
    units = np.zeros(n, dtype=object) if nest is None else np.asarray(nest, dtype=object)
    sqnorm = (values**2).sum(axis=1)
    notes = []

    step(0.0, "feasibility")
    region_of = np.full(n, -1, dtype=np.int64)
    fixed_regions = []  # (blocks, status, flags)
    locked_set = set(locked or ())
    if locked_set and initial is None:
        raise ParameterError("locked", sorted(map(str, locked_set)), "locked spaces need an initial division")
    if locked_set:
        initial_values = np.asarray(initial, dtype=object)
        for value in sorted(locked_set, key=str):
            members = np.flatnonzero(active & (initial_values == value))
            if len(members):
                fixed_regions.append((members, STATUS_LOCKED, ["locked"]))
                region_of[members] = len(fixed_regions) - 1
            else:
                notes.append({"code": "locked_missing", "value": value})

    free = active & (region_of < 0)
    above = np.flatnonzero(free & (population > upper))
    problems = [{"kind": "block_above", "block": int(i), "population": float(population[i])} for i in above]
    if len(above) and on_infeasible == FALLBACK:
        for block in above:
            fixed_regions.append((np.array([block]), STATUS_ABOVE, ["block_above"]))
            region_of[block] = len(fixed_regions) - 1
        free[above] = False

    graph, parts, joined, under = _parts(graph, free, population, lower, units, coordinates, on_infeasible)
    problems += [{"kind": "component_below", "blocks": [int(b) for b in blocks], "population": float(population[blocks].sum())} for blocks in under]
    for island, anchor in joined:
        notes.append({"code": "island_joined", "blocks": [int(b) for b in island], "anchor": int(anchor), "population": float(population[island].sum())})

    counts, count_problems, count_note = _space_counts(parts, population, lower, upper, n_spaces, len(fixed_regions), target_size, initial, free)
    problems += count_problems
    if problems and on_infeasible == FAIL:
        raise InfeasibleError(problems)
    notes.extend(problems_to_notes(problems))
    notes.append(count_note)

    step(0.1, "first partition")
    tss = total_ss(values[active])
    context = _SolveContext(graph, values, sqnorm, population, lower, upper, fixed_regions, parts, counts, initial,
                            locked_set, free, compactness, tss, effort, step, is_cancelled)
    # First start: contiguity-constrained Ward clustering (the most homogeneous start);
    # on problems up to BOTH_STARTS_LIMIT blocks the bounded tree cuts start too and the
    # better result wins (least bound violation, then lowest SSD).
    labels, bad = context.solve(rng, "ward")
    best_key = (bad, division_ssd(labels, values))
    if graph.n <= BOTH_STARTS_LIMIT:
        step(0.6, "second start")
        other, other_bad = context.solve(np.random.default_rng([seed, 0]), "tree")
        other_key = (other_bad, division_ssd(other, values))
        if other_key < best_key:
            labels, bad, best_key = other, other_bad, other_key
    # Restarts only when the bounds are still violated: seeds derived from the user's seed
    # (deterministic), alternating the two starts.
    restarts = RESTARTS if graph.n <= RESTART_LIMIT else 1
    for restart in range(1, restarts + 1 if bad > 0 else 1):
        step(0.9, "restart")
        other, other_bad = context.solve(np.random.default_rng([seed, restart]), "tree" if restart % 2 else "ward")
        other_key = (other_bad, division_ssd(other, values))
        if other_key < best_key:
            labels, bad, best_key = other, other_bad, other_key
        if bad <= 0:
            break

    step(0.95, "result")
    result = _result(labels, fixed_regions, population, values, units, coordinates, lower, upper, graph, joined, notes, seed, tss)
    step(1.0, "done")
    return result


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


class _SolveContext:
    """Everything one run of partition + improvement needs, so restarts can repeat it."""

    def __init__(self, graph, values, sqnorm, population, lower, upper, fixed_regions, parts, counts, initial,
                 locked_set, free, compactness, tss, effort, step, is_cancelled):
        self.__dict__.update(locals())
        del self.__dict__["self"]

    def solve(self, rng, start="tree"):
        """Returns (labels with -1 for inactive blocks, total bound violation of free spaces).

        ``start``: first partition by bounded tree cuts ("tree") or by contiguity-constrained
        Ward clustering ("ward").
        """
        graph, values, sqnorm, population = self.graph, self.values, self.sqnorm, self.population
        lower, upper, fixed_regions, is_cancelled = self.lower, self.upper, self.fixed_regions, self.is_cancelled
        cutter = TreeCutter(graph, values, sqnorm, population, lower, upper, rng)
        labels = np.full(graph.n, -1, dtype=np.int64)
        for index, (blocks, _, _) in enumerate(fixed_regions):
            labels[blocks] = index
        next_label = len(fixed_regions)
        if self.initial is not None:
            labels, next_label = warm_start_labels(graph, labels, next_label, self.parts, self.counts, self.initial,
                                             self.locked_set, self.free, cutter, population)
        else:
            for blocks, q in zip(self.parts, self.counts):
                if start == "ward":
                    pieces = ward_partition(graph, blocks, values, population, q, upper)
                else:
                    pieces = cutter.partition(blocks, q, is_cancelled=is_cancelled)
                for piece in pieces:
                    labels[piece] = next_label
                    next_label += 1

        self.step(0.3, "improvement")
        work_labels = np.where(labels >= 0, labels, next_label)  # inactive blocks in a dummy region
        state = RegionState(work_labels, values, sqnorm, population, next_label + 1)
        frozen = (labels < 0) | np.isin(labels, np.arange(len(fixed_regions)))
        closed = set(range(len(fixed_regions))) | {next_label}
        length_scale = float(graph.edge_length.sum()) / 2.0 or 1.0
        passes = max(2, int(round(20 * self.effort)))
        rounds = max(1, int(round(4 * self.effort)))
        search = dict(frozen=frozen, compactness=self.compactness, ssd_scale=self.tss or 1.0,
                      length_scale=length_scale, max_passes=passes, is_cancelled=is_cancelled)
        warm = self.initial is not None
        for round_index in range(rounds):
            moved = improve(state, graph, lower, upper, rng, **search)
            self.step(0.3 + 0.6 * (round_index + 0.5) / rounds, "improvement")
            changed = 0
            if not warm or _violating(state, lower, upper, closed):
                changed = recombine(state, graph, cutter, lower, upper, rng, closed=closed, attempts=RECOMBINE_ATTEMPTS,
                                    only_violating=warm, is_cancelled=is_cancelled)
            self.step(0.3 + 0.6 * (round_index + 1) / rounds, "improvement")
            if moved == 0 and changed == 0:
                break
        if _violating(state, lower, upper, closed):
            self.step(0.9, "repair")
            if repair(state, graph, cutter, lower, upper, rng, closed=closed, is_cancelled=is_cancelled):
                improve(state, graph, lower, upper, rng, **search)
        elif not warm and self.compactness == 0:
            # iterated local search: random admissible re-splits, kept only when SSD drops
            # (not with a compactness weight: it judges by SSD alone)
            per_space = next(per for limit, per in PERTURBATION_BUDGET if limit is None or graph.n <= limit)
            iterations = int(per_space * self.effort * max(1, next_label - len(fixed_regions)))
            perturb(state, graph, cutter, lower, upper, rng, closed=closed, iterations=iterations,
                    search=search,
                    is_cancelled=is_cancelled)
        bad = sum(violation(state.pop[r], lower, upper) for r in range(state.n_regions) if r not in closed and state.count[r] > 0)
        if not warm:  # fewer spaces than asked for counts as a violation too
            made = sum(1 for r in range(state.n_regions) if r not in closed and state.count[r] > 0)
            bad += max(0, int(np.sum(self.counts)) - made) * max(lower, 1.0)
        return np.where(labels < 0, -1, state.labels), bad




def problems_to_notes(problems):
    return [dict(problem, code=problem["kind"]) for problem in problems]


def _check_parameters(n, population, values, lower, upper, n_spaces, on_infeasible, compactness):
    if len(population) != n or len(values) != n:
        raise ParameterError("population", len(population), f"needs one value per block ({n})")
    if (population < 0).any():
        raise ParameterError("population", float(population.min()), "population counts cannot be negative")
    if not (0 <= lower < upper):
        raise ParameterError("MIN_POPULATION", lower, f"must be at least 0 and below the maximum ({upper})")
    if n_spaces is None or n_spaces < 0:
        raise ParameterError("N_SPACES", n_spaces, "must be 0 (automatic) or a positive number")
    if on_infeasible not in (FAIL, FALLBACK):
        raise ParameterError("on_infeasible", on_infeasible, "must be 'fail' or 'fallback'")
    if compactness < 0:
        raise ParameterError("COMPACTNESS", compactness, "must be 0 or more")


def _parts(graph, free, population, lower, units, coordinates, on_infeasible):
    """Connected parts of the free blocks; with the fallback, parts under the minimum are
    joined to the nearest block of another part in the same nesting unit (a link is added).

    Nesting units never share a space: an island with no other part in its unit stays a
    space of its own (below the minimum, reported) instead of joining another unit's space.
    """
    joined, stuck = [], set()
    while True:
        labels = graph.components(mask=free)
        parts = [np.flatnonzero(labels == c) for c in range(labels.max() + 1)] if free.any() else []
        small = [p for p in parts if population[p].sum() < lower]
        if not small or on_infeasible == FAIL or coordinates is None or len(parts) == 1:
            return graph, parts, joined, small
        candidates = [p for p in small if int(p[0]) not in stuck]
        if not candidates:
            return graph, parts, joined, small
        # join the smallest island first, to the nearest free block outside it in its unit
        candidates.sort(key=lambda p: (population[p].sum(), p[0]))
        island = candidates[0]
        anchor, source = _nearest_outside(island, free, units, coordinates)
        if anchor is None:
            stuck.add(int(island[0]))
            continue
        graph = graph.with_edges([source], [anchor])
        joined.append((island, anchor))


def _nearest_outside(island, free, units, coordinates):
    """The closest free block outside ``island`` in the same nesting unit (None if there is none)."""
    from scipy.spatial import cKDTree

    inside = np.zeros(len(free), dtype=bool)
    inside[island] = True
    unit = units[island[0]]
    same_unit = np.array([u == unit for u in units], dtype=bool)
    candidates = np.flatnonzero(free & ~inside & same_unit)
    if not len(candidates):
        return None, None
    tree = cKDTree(coordinates[candidates])
    distance, index = tree.query(coordinates[island])
    best = int(np.argmin(distance))
    return int(candidates[index[best]]), int(island[best])


def _space_counts(parts, population, lower, upper, n_spaces, n_fixed, target_size, initial, free):
    """Number of spaces per part, problems (if N cannot fit) and a note saying how k was chosen."""
    pops = np.array([population[p].sum() for p in parts], dtype=float)
    low = np.maximum(1, np.ceil(pops / upper - 1e-9)).astype(int)
    high = np.maximum(1, np.floor(pops / lower + 1e-9) if lower > 0 else np.full(len(pops), 10**9)).astype(int)
    problems = []
    for p, lo, hi, blocks in zip(pops, low, high, parts):
        if lo > hi and p >= lower:
            problems.append({"kind": "no_admissible_count", "blocks": [int(b) for b in blocks], "population": float(p)})
    high = np.maximum(high, low)
    target = float(target_size) if target_size else (lower + upper) / 2.0
    if n_spaces and n_spaces > 0:
        wanted = int(n_spaces) - n_fixed
        if wanted < low.sum() or wanted > high.sum():
            problems.append({"kind": "count_out_of_range", "requested": int(n_spaces), "low": int(low.sum()) + n_fixed, "high": int(high.sum()) + n_fixed})
            wanted = int(np.clip(wanted, low.sum(), high.sum()))
        counts = _share_out(pops, low, high, wanted)
        note = {"code": "k_given", "k": int(counts.sum()) + n_fixed, "requested": int(n_spaces)}
    else:
        counts = np.clip(np.rint(pops / target), low, high).astype(int)
        note = {"code": "k_auto", "k": int(counts.sum()) + n_fixed, "target": target, "population": float(pops.sum())}
    return counts, problems, note


def _share_out(pops, low, high, wanted):
    """Integer counts within [low, high] summing to ``wanted``, proportional to population."""
    if not len(pops):
        return np.zeros(0, dtype=int)
    total = pops.sum()
    ideal = wanted * pops / total if total > 0 else np.full(len(pops), wanted / len(pops))
    counts = np.clip(np.floor(ideal), low, high).astype(int)
    while counts.sum() < wanted:
        room = np.where(counts < high, ideal - counts, -np.inf)
        counts[int(np.argmax(room))] += 1
    while counts.sum() > wanted:
        room = np.where(counts > low, counts - ideal, -np.inf)
        counts[int(np.argmax(room))] -= 1
    return counts


def _violating(state, lower, upper, closed):
    return any(violation(state.pop[r], lower, upper) > 0 for r in range(state.n_regions) if r not in closed)


def _result(labels, fixed_regions, population, values, units, coordinates, lower, upper, graph, joined, notes, seed, tss):
    regions = sorted(set(labels[labels >= 0].tolist()))
    members = {r: np.flatnonzero(labels == r) for r in regions}
    joined_blocks = {int(b) for island, _ in joined for b in island}

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
        status = STATUS_OK
        if region < len(fixed_regions):
            status, flags = fixed_regions[region][1], list(fixed_regions[region][2])
        if joined_blocks.intersection(blocks.tolist()):
            flags.append("island_joined")
        if not is_connected(graph, blocks):
            flags.append("not_contiguous")
        if status == STATUS_OK:
            if pop < lower:
                status = STATUS_BELOW
            elif pop > upper:
                status = STATUS_ABOVE
            elif flags:
                status = STATUS_FLAGGED
        spaces.append(Space(space_id, blocks, pop, ssd, status, flags, units[blocks[0]]))
    return Delineation(out, spaces, total_ssd, tss, notes, seed, graph)
