"""Exact optimum of small delineation instances, the yardstick for the engine (issue 20).

For up to about 40 blocks every admissible space can be listed: each connected set of blocks
whose residents lie within [lower, upper]. Sets are grown from each root block over
higher-numbered blocks only (every connected set is found once, from its lowest block: the
exclusive-neighbourhood enumeration of Wernicke's ESU), and a branch stops as soon as its
residents pass the ceiling (residents never shrink when a block is added). A division into
k spaces is then a set partitioning: choose k of these sets that cover every block once,
at least total cost; HiGHS solves it exactly (``highspy``, benchmark venv only).

Two objectives, both additive per space, so a set's cost is known on its own:

* ``ssd``: the unweighted SSD (what the engine minimises with COMPACTNESS=0 and
  WEIGHT_BY_POPULATION=false);
* ``default``: the engine's default objective (engine/objective.py): the SSD with the
  default block weights (share · residents / mean residents per block + 1 − share, the share
  and the compactness read from the engine's defaults) plus λ times the border length
  between spaces, λ = compactness x weighted TSS / total link length. A link
  between two spaces is half in each space's cost: each space pays λ/2 per unit of length of
  its links to blocks outside it, and the sum over spaces is λ x the border length;
* ``shape`` (lattices only, whose cells are unit squares): the engine's isoperimetric option
  (engine/delineation/shapeterm.py) at :data:`SHAPE_WEIGHT` without the border term: the SSD
  with the default block weights plus μ · weighted TSS / (4k) · perimeter / √area of each space.

The gap is (engine − optimum) / optimum for the same objective and the same k. Instances:
seeded lattices (bench/lattice.py) and, where libpysal ships them offline, real areas
(the 32 Mexican states and a connected part of the 49 Columbus neighbourhoods) with their
real adjacency and attributes; they carry no residents, so the residents are seeded
(like the lattice's, 20-600 a block ... scaled to the bounds).

    .venv-bench/bin/python bench/exact.py                      # every instance, both objectives
    .venv-bench/bin/python bench/exact.py --repo /work/wt/old-893f9fa --objective ssd
"""
from __future__ import annotations

import argparse
import inspect
import json
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from lattice import import_engine, lattice_instance

DEFAULT_COMPACTNESS = 0.25  # engine/problem.py DEFAULT_COMPACTNESS (read from the engine when it has it)
DEFAULT_POPULATION_WEIGHT = 1.0  # engine/problem.py DEFAULT_POPULATION_WEIGHT (idem; before it, residents alone)
#: Admissible sets listed per instance at most (beyond, the instance is too large to be exact here).
MAX_SETS = 3_000_000
#: μ of the ``shape`` objective (Settings.shape_weight; compactness 0)
SHAPE_WEIGHT = 0.04
VERBOSE = False


@dataclass
class Instance:
    name: str
    n: int
    left: np.ndarray
    right: np.ndarray
    length: np.ndarray
    points: np.ndarray | None
    population: np.ndarray
    values: np.ndarray
    lower: float
    upper: float
    k: int
    areas: np.ndarray | None = None  # per block, where the blocks have a shape (lattices: unit squares)
    perimeters: np.ndarray | None = None


# --------------------------------------------------------------------------- instances


def lattice(rows, cols, k, seed, lower, upper, min_residents=20, max_residents=600):
    left, right, population, values, points = lattice_instance(rows, cols, seed, min_residents, max_residents)
    return Instance(f"lattice {rows}x{cols} k={k} seed={seed} res {min_residents}-{max_residents} [{lower:g}, {upper:g}]",
                    rows * cols, left, right, np.ones(len(left)), points, population, values, lower, upper, k,
                    np.ones(rows * cols), np.full(rows * cols, 4.0))


def _from_weights(name, neighbours, values, points, k, seed, lower, upper, keep=None):
    """An instance from a libpysal neighbour dict; ``keep``: the ids to keep (a connected part)."""
    ids = sorted(neighbours) if keep is None else sorted(keep)
    index = {v: i for i, v in enumerate(ids)}
    left, right = [], []
    for a in ids:
        for b in neighbours[a]:
            if b in index and index[a] < index[b]:
                left.append(index[a]), right.append(index[b])
    rng = np.random.default_rng(seed)
    population = rng.integers(20, 601, size=len(ids)).astype(float)
    x = np.asarray(values, dtype=float)[[i for i in ids]]
    x = (x - x.mean(axis=0)) / x.std(axis=0)
    return Instance(name, len(ids), np.asarray(left), np.asarray(right), np.ones(len(left)), np.asarray(points)[ids],
                    population, x, lower, upper, k)


def real_instances():
    """Mexico (32 states) and Columbus (the first 36 neighbourhoods that form a connected part)
    from libpysal's bundled examples; [] when libpysal or the files are missing."""
    try:
        import libpysal
        from libpysal import examples
    except ImportError:
        return []
    found = []
    try:
        path = examples.get_path("mexicojoin.shp")
        frame = libpysal.io.open(examples.get_path("mexicojoin.dbf"))
        columns = ["PCGDP1940", "PCGDP1970", "PCGDP2000"]
        table = np.column_stack([np.log(np.asarray(frame.by_col(c), dtype=float)) for c in columns])
        weights = libpysal.weights.Queen.from_shapefile(path)
        neighbours = {i: list(weights.neighbors[i]) for i in weights.id_order}
        points = _centroids(libpysal, path)
        found.append(_from_weights("Mexico 32 states (queen), k=6", neighbours, table, points, 6, 1, 1100, 2300))
        found.append(_from_weights("Mexico 32 states (queen), k=8", neighbours, table, points, 8, 2, 800, 1800))
    except Exception as error:  # a missing example file: say so, run the rest
        print(f"Mexico not available: {error}", file=sys.stderr)
    try:
        path = examples.get_path("columbus.shp")
        frame = libpysal.io.open(examples.get_path("columbus.dbf"))
        table = np.column_stack([np.asarray(frame.by_col(c), dtype=float) for c in ("HOVAL", "INC", "CRIME")])
        weights = libpysal.weights.Rook.from_shapefile(path)
        neighbours = {i: list(weights.neighbors[i]) for i in weights.id_order}
        keep = _connected_prefix(neighbours, 36)
        points = _centroids(libpysal, path)
        found.append(_from_weights("Columbus 36 neighbourhoods (rook), k=6", neighbours, table, points, 6, 3, 1300, 2200, keep))
    except Exception as error:
        print(f"Columbus not available: {error}", file=sys.stderr)
    return found


def _centroids(libpysal, path):
    """Centroid of each polygon of a shapefile, in file order (the ids of libpysal's weights)."""
    shapes = libpysal.io.open(path)
    try:
        return np.asarray([shape.centroid for shape in shapes], dtype=float)
    finally:
        shapes.close()


def _connected_prefix(neighbours, size):
    """``size`` ids grown breadth-first from the lowest id (a connected part)."""
    start = min(neighbours)
    seen, queue = [start], [start]
    while queue and len(seen) < size:
        current = queue.pop(0)
        for other in sorted(neighbours[current]):
            if other not in seen and len(seen) < size:
                seen.append(other)
                queue.append(other)
    return seen


LATTICES = (
    # rows, cols, k, seed, lower, upper (residents 20-600 a block unless given); the ceiling about
    # 1.4 x the mean space keeps the admissible sets in the hundreds of thousands
    (5, 6, 5, 1, 1000, 2600),
    (5, 6, 6, 2, 900, 2200),
    (6, 6, 6, 3, 1200, 2600),
    (6, 6, 8, 4, 800, 2000),
    (5, 8, 8, 5, 1000, 2200),
    (5, 8, 6, 6, 1300, 2800),
    (6, 6, 6, 7, 800, 1700, 100, 300),  # even residents
    (5, 8, 7, 8, 2000, 5000, 20, 1200),  # very uneven residents
)


def instances():
    found = [lattice(*spec) for spec in LATTICES]
    return found + real_instances()


# --------------------------------------------------------------------------- the exact optimum


def neighbour_lists(instance):
    lists = [[] for _ in range(instance.n)]
    lengths = [[] for _ in range(instance.n)]
    for a, b, length in zip(instance.left.tolist(), instance.right.tolist(), instance.length.tolist()):
        lists[a].append(b), lists[b].append(a)
        lengths[a].append(length), lengths[b].append(length)
    return lists, lengths


def admissible_sets(instance):
    """Every connected set of blocks with residents in [lower, upper], as sorted tuples."""
    lists, _ = neighbour_lists(instance)
    population, lower, upper = instance.population, instance.lower, instance.upper
    found = []

    def extend(members, member_set, pop, extension, blocked, root):
        if pop >= lower:
            found.append(tuple(sorted(members)))
            if len(found) > MAX_SETS:
                raise RuntimeError(f"{instance.name}: more than {MAX_SETS} admissible sets")
        extension = list(extension)
        while extension:
            w = extension.pop()
            new_pop = pop + population[w]
            if new_pop > upper:
                continue
            # exclusive neighbours of w: higher than the root, neither in nor next to the set so far
            added = [u for u in lists[w] if u > root and u not in blocked]
            members.append(w)
            member_set.add(w)
            extend(members, member_set, new_pop, extension + added, blocked | set(added), root)
            members.pop()
            member_set.discard(w)

    for root in range(instance.n):
        if population[root] > upper:
            continue
        start = [u for u in lists[root] if u > root]
        extend([root], {root}, population[root], start, set(start) | {root}, root)
    return found


def engine_block_weights(population, share):
    """The block weights of the engine under test (engine/objective.block_weights, which also
    gives blocks without residents 0); a checkout from before the residents' share weighs by
    residents alone."""
    objective = sys.modules.get("sozialraum.engine.objective")
    if objective is not None and "share" in inspect.signature(objective.block_weights).parameters:
        return objective.block_weights(population, share=share)
    return population / population.mean()


def objective_setup(instance, objective, compactness=DEFAULT_COMPACTNESS, share=DEFAULT_POPULATION_WEIGHT):
    """(weights per block or None, λ per unit of border length, weight per unit of perimeter / √area)
    of an objective."""
    if objective == "ssd":
        return None, 0.0, 0.0
    weights = engine_block_weights(instance.population, share)
    mean = weights.dot(instance.values) / weights.sum()
    weighted_tss = float(weights.dot(((instance.values - mean) ** 2).sum(axis=1)))
    if objective == "shape":
        return weights, 0.0, SHAPE_WEIGHT * weighted_tss / (4.0 * instance.k)
    total_length = float(instance.length.sum()) or 1.0
    return weights, compactness * weighted_tss / total_length, 0.0


def set_costs(sets, instance, weights, border_weight, shape_weight=0.0):
    """Cost of every set at once: (weighted) SSD Q - |S|^2 / W plus λ/2 x the length of its links out
    (plus ``shape_weight`` x perimeter / √area)."""
    from scipy.sparse import csr_matrix

    starts = np.zeros(len(sets) + 1, dtype=np.int64)
    starts[1:] = np.cumsum([len(members) for members in sets])
    columns = np.fromiter((b for members in sets for b in members), dtype=np.int64, count=int(starts[-1]))
    incidence = csr_matrix((np.ones(len(columns)), columns, starts), shape=(len(sets), instance.n))
    w = np.ones(instance.n) if weights is None else weights
    x = instance.values
    total = incidence @ w
    sums = incidence @ (w[:, None] * x)
    squares = incidence @ (w * (x**2).sum(axis=1))
    with np.errstate(divide="ignore", invalid="ignore"):
        costs = np.where(total > 1e-9, squares - (sums**2).sum(axis=1) / np.where(total > 1e-9, total, 1.0), 0.0)
    if border_weight > 0 or shape_weight > 0:  # the length of the links inside each set
        inside = incidence[:, instance.left].multiply(incidence[:, instance.right]) @ instance.length
    if border_weight > 0:
        degree = np.bincount(instance.left, instance.length, instance.n) + np.bincount(instance.right, instance.length, instance.n)
        costs = costs + border_weight * (incidence @ degree - 2.0 * inside) / 2.0
    if shape_weight > 0:
        perimeter = incidence @ instance.perimeters - 2.0 * inside
        costs = costs + shape_weight * perimeter / np.sqrt(incidence @ instance.areas)
    return costs


def division_cost(labels, instance, weights, border_weight, shape_weight=0.0):
    spaces = [tuple(np.flatnonzero(labels == r).tolist()) for r in np.unique(labels)]
    return float(set_costs(spaces, instance, weights, border_weight, shape_weight).sum())


def solve_exact(instance, sets, costs, time_limit=600.0, start=None):
    """(optimal cost, labels) of the set partitioning with exactly k sets (HiGHS).

    ``start``: labels of a known division (the engine's), given to HiGHS as its first
    incumbent when all of its spaces are admissible: the search then only has to prove or beat it.
    """
    import highspy

    n_sets = len(sets)
    starts = np.zeros(n_sets + 1, dtype=np.int32)
    starts[1:] = np.cumsum([len(s) + 1 for s in sets])
    index = np.fromiter((i for s in sets for i in (*s, instance.n)), dtype=np.int32, count=int(starts[-1]))
    lp = highspy.HighsLp()
    lp.num_col_ = n_sets
    lp.num_row_ = instance.n + 1  # each block once; the last row counts the spaces
    lp.col_cost_ = np.asarray(costs, dtype=float)
    lp.col_lower_ = np.zeros(n_sets)
    lp.col_upper_ = np.ones(n_sets)
    lp.row_lower_ = np.concatenate([np.ones(instance.n), [instance.k]])
    lp.row_upper_ = np.concatenate([np.ones(instance.n), [instance.k]])
    lp.a_matrix_.format_ = highspy.MatrixFormat.kColwise
    lp.a_matrix_.start_ = starts
    lp.a_matrix_.index_ = index
    lp.a_matrix_.value_ = np.ones(len(index))
    lp.integrality_ = [highspy.HighsVarType.kInteger] * n_sets
    solver = highspy.Highs()
    solver.setOptionValue("output_flag", bool(VERBOSE))
    solver.setOptionValue("threads", 1)
    solver.setOptionValue("presolve", "off")  # its dominated-column search takes minutes on many columns
    solver.setOptionValue("mip_rel_gap", 0.0)
    solver.setOptionValue("mip_abs_gap", 1e-9)
    solver.setOptionValue("time_limit", float(time_limit))
    solver.passModel(lp)
    if start is not None:
        column_of = {members: column for column, members in enumerate(sets)}
        chosen = [column_of.get(tuple(np.flatnonzero(start == r).tolist())) for r in np.unique(start)]
        if None not in chosen:
            incumbent = highspy.HighsSolution()
            values = np.zeros(n_sets)
            values[chosen] = 1.0
            incumbent.col_value = values.tolist()
            solver.setSolution(incumbent)
    solver.run()
    if solver.getModelStatus() != highspy.HighsModelStatus.kOptimal:
        raise RuntimeError(f"{instance.name}: HiGHS ended with {solver.modelStatusToString(solver.getModelStatus())}")
    chosen = np.flatnonzero(np.asarray(solver.getSolution().col_value) > 0.5)
    labels = np.full(instance.n, -1, dtype=np.int64)
    for label, column in enumerate(chosen):
        labels[list(sets[column])] = label
    return float(np.sum(np.asarray(costs)[chosen])), labels


# --------------------------------------------------------------------------- the engine


def run_engine(delineate_module, graph_module, instance, objective, seed=0):
    """Labels of the engine's division (k fixed) for ``objective`` and whether it keeps the bounds."""
    graph = graph_module.Graph(instance.n, instance.left, instance.right, instance.length)
    options = dict(lower=instance.lower, upper=instance.upper, n_spaces=instance.k, seed=seed, coordinates=instance.points)
    accepted = inspect.signature(delineate_module.delineate).parameters
    if objective == "ssd":
        options["compactness"] = 0.0
        if "weight_by_population" in accepted:
            options["weight_by_population"] = False
    elif objective == "shape":
        if "shape_weight" not in accepted or instance.areas is None:
            return None  # no shape option in this checkout, or blocks without a shape
        options.update(compactness=0.0, shape_weight=SHAPE_WEIGHT, block_areas=instance.areas,
                       block_perimeters=instance.perimeters)
    elif "weight_by_population" not in accepted:
        return None  # this checkout has no default objective of this kind
    elif "block_areas" in accepted and instance.areas is not None:
        # the blocks' shapes, as the plugin passes them: the shape polish runs, as for a planner
        options.update(block_areas=instance.areas, block_perimeters=instance.perimeters)
    result = delineate_module.delineate(graph, instance.population, instance.values, **options)
    labels = np.asarray(result.labels) - 1
    pops = np.bincount(labels, weights=instance.population)
    feasible = bool(((pops >= instance.lower - 1e-9) & (pops <= instance.upper + 1e-9)).all()) and len(pops) == instance.k
    return labels, feasible


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repo", default=str(Path(__file__).resolve().parent.parent), help="checkout whose engine runs")
    parser.add_argument("--objective", choices=("ssd", "default", "shape", "both"), default="both")
    parser.add_argument("--only", help="run the instances whose name contains this text")
    parser.add_argument("--markdown", help="append the table to this file")
    parser.add_argument("--json", help="write the rows (instance, objective, optimum, engine, ...) to this file")
    parser.add_argument("--optima", help="take the optima from this --json file of an earlier run instead of "
                                         "solving again (the instances are seeded: same names, same instances)")
    args = parser.parse_args(argv)
    delineate_module, graph_module = import_engine(args.repo)
    objectives = ("ssd", "default") if args.objective == "both" else (args.objective,)
    compactness = getattr(sys.modules.get("sozialraum.engine.problem"), "DEFAULT_COMPACTNESS", DEFAULT_COMPACTNESS)
    share = getattr(sys.modules.get("sozialraum.engine.problem"), "DEFAULT_POPULATION_WEIGHT", DEFAULT_POPULATION_WEIGHT)
    print(f"default objective: residents' share {share:g}, compactness {compactness:g}")
    rows = []
    known = {}
    if args.optima:
        with open(args.optima, encoding="utf-8") as handle:
            known = {(row["instance"], row["objective"]): row["optimum"] for row in json.load(handle)}
    for instance in instances():
        if args.only and args.only not in instance.name:
            continue
        started = time.perf_counter()
        reuse = all((instance.name, objective) in known for objective in objectives)
        sets = [] if reuse else admissible_sets(instance)
        enumerated = time.perf_counter() - started
        for objective in objectives:
            weights, border_weight, shape_weight = objective_setup(instance, objective, compactness, share)
            started = time.perf_counter()
            ran = run_engine(delineate_module, graph_module, instance, objective)
            engine_seconds = time.perf_counter() - started
            if ran is None:
                continue
            started = time.perf_counter()
            if reuse:
                optimum = known[(instance.name, objective)]
            else:
                optimum, _ = solve_exact(instance, sets, set_costs(sets, instance, weights, border_weight, shape_weight),
                                         start=ran[0])
            exact_seconds = time.perf_counter() - started
            labels, feasible = ran
            cost = division_cost(labels, instance, weights, border_weight, shape_weight)
            gap = (cost - optimum) / optimum if optimum > 0 else 0.0
            rows.append((instance.name, objective, len(sets), optimum, cost, gap, feasible, enumerated + exact_seconds, engine_seconds))
            if args.json:
                keys = ("instance", "objective", "sets", "optimum", "engine", "gap", "within_bounds", "exact_seconds", "engine_seconds")
                with open(args.json, "w", encoding="utf-8") as handle:
                    json.dump([dict(zip(keys, row)) for row in rows], handle, indent=1)
            print(f"{instance.name:55s} {objective:8s} sets {len(sets):8d} optimum {optimum:10.4f} engine {cost:10.4f} "
                  f"gap {100 * gap:6.2f} % {'' if feasible else 'OUTSIDE BOUNDS '}exact {enumerated + exact_seconds:5.1f} s "
                  f"engine {engine_seconds:4.1f} s", flush=True)
    lines = ["| instance | objective | admissible sets | optimum | engine | gap % | within bounds | exact s | engine s |",
             "|---|---|---|---|---|---|---|---|---|"]
    for name, objective, n_sets, optimum, cost, gap, feasible, exact_seconds, engine_seconds in rows:
        lines.append(f"| {name} | {objective} | {n_sets:,} | {optimum:.4f} | {cost:.4f} | {100 * gap:.2f} | "
                     f"{'yes' if feasible else 'no'} | {exact_seconds:.1f} | {engine_seconds:.1f} |")
    for objective in objectives:
        gaps = [row[5] for row in rows if row[1] == objective]
        if gaps:
            hits = sum(1 for gap in gaps if gap <= 1e-5)
            lines.append(f"\n{objective}: mean gap {100 * np.mean(gaps):.2f} %, worst {100 * np.max(gaps):.2f} %, "
                         f"optimum reached on {hits} of {len(gaps)}")
    text = "\n".join(lines)
    print(text)
    if args.markdown:
        with open(args.markdown, "a", encoding="utf-8") as handle:
            handle.write(text + "\n")


if __name__ == "__main__":
    main()
