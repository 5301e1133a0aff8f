"""The shape clean-up after the search (engine/delineation/shapes.py): hand-made tentacles and enclaves,
and the shape of the default run on the sample town."""
import importlib.util
from pathlib import Path

import numpy as np

from sozialraum.engine.delineation.shapes import enclaves, tidy_shapes
from sozialraum.engine.spatial.graph import Graph, is_connected

from .grids import grid_graph

REPO = Path(__file__).resolve().parents[2]


def points(rows, cols):
    return np.array([[c * 100.0, -r * 100.0] for r in range(rows) for c in range(cols)])


def halves(rows, cols):
    """Left half of the columns region 0, right half region 1."""
    return np.array([0 if (i % cols) < cols // 2 else 1 for i in range(rows * cols)])


def without_links_between(graph, units):
    keep = units[graph.left] == units[graph.right]
    return Graph(graph.n, graph.left[keep], graph.right[keep], graph.length[keep])


def test_a_tentacle_is_moved_to_the_space_it_reaches_into():
    rows, cols = 4, 6
    graph = grid_graph(rows, cols)
    clean = halves(rows, cols)
    labels = clean.copy()
    labels[[1 * cols + 3, 1 * cols + 4]] = 0  # two blocks of the left space reach into the right one
    tidy, report = tidy_shapes(labels, graph, np.ones(rows * cols), 1, 100, points=points(rows, cols))
    assert tidy.tolist() == clean.tolist()
    assert report.tentacles_moved == 2
    assert report.note()["tentacles_moved"] == 2
    # the input is not changed, and a clean division stays as it is
    assert labels[1 * cols + 4] == 0
    again, report = tidy_shapes(clean, graph, np.ones(rows * cols), 1, 100, points=points(rows, cols))
    assert again.tolist() == clean.tolist() and report.note() is None


def test_a_tentacle_stays_when_the_bounds_or_a_fixed_space_forbid_the_move():
    rows, cols = 4, 6
    graph = grid_graph(rows, cols)
    labels = halves(rows, cols)
    labels[[1 * cols + 3, 1 * cols + 4]] = 0
    population = np.ones(rows * cols)
    # the right space is at the maximum: nothing moves into it
    upper = float(population[labels == 1].sum())
    where = points(rows, cols)
    tidy, report = tidy_shapes(labels, graph, population, 1, upper, points=where)
    assert tidy.tolist() == labels.tolist() and report.tentacles_moved == 0
    # the right space is locked
    tidy, report = tidy_shapes(labels, graph, population, 1, 100, frozen_regions=[1], points=where)
    assert tidy.tolist() == labels.tolist()
    # the left space would fall below the minimum
    lower = float(population[labels == 0].sum())
    tidy, _ = tidy_shapes(labels, graph, population, lower, 100, points=where)
    assert tidy.tolist() == labels.tolist()


def test_a_tentacle_move_never_cuts_its_space():
    # block 1 holds its space together (0 - 1 - 2) but has a long border with the other space
    graph = Graph(5, [0, 1, 1, 3], [1, 2, 3, 4], [1.0, 1.0, 10.0, 10.0])
    labels = np.array([0, 0, 0, 1, 1])
    where = np.array([[0.0, 0.0], [0.0, 1.0], [0.0, 2.0], [1.0, 1.0], [1.0, 2.0]])
    tidy, report = tidy_shapes(labels, graph, np.ones(5), 1, 100, points=where)
    assert tidy.tolist() == labels.tolist() and report.tentacles_moved == 0
    # at the end of its space (0 - 2 - 1) the same block moves
    graph = Graph(5, [0, 2, 1, 3], [2, 1, 3, 4], [1.0, 1.0, 10.0, 10.0])
    tidy, report = tidy_shapes(labels, graph, np.ones(5), 1, 100, points=where)
    assert tidy.tolist() == [0, 1, 0, 1, 1] and report.tentacles_moved == 1


def test_an_enclave_is_merged_into_the_space_around_it():
    rows, cols = 5, 5
    graph = grid_graph(rows, cols)
    labels = np.zeros(rows * cols, dtype=np.int64)
    labels[12] = 1  # the centre block is a space of its own
    assert enclaves(labels, graph, points(rows, cols)) == {1: 0}
    tidy, report = tidy_shapes(labels, graph, np.ones(rows * cols), 1, 100, points=points(rows, cols))
    assert (tidy == 0).all()
    assert (report.enclaves_found, report.enclaves_merged, report.enclaves_kept) == (1, 1, [])


def test_a_space_in_a_hole_of_its_neighbour_is_an_enclave_where_the_point_test_sees_a_third_space():
    # an outside check: a one-block space inside a horseshoe stayed (the report said N_ENCLAVES 1). Blocks of
    # 90 m with 10 m streets; the corner block of the ring has its point far out, and a block of a third space
    # (9, at the edge) has its point nearer than any ring block in the sector at 30 degrees from the centre
    from shapely.geometry import box

    rows, cols = 5, 5
    graph = grid_graph(rows, cols)
    blocks = [box(c * 100.0, -r * 100.0 - 90.0, c * 100.0 + 90.0, -r * 100.0) for r in range(rows) for c in range(cols)]
    where = np.array([[c * 100.0 + 45.0, -r * 100.0 - 45.0] for r in range(rows) for c in range(cols)])
    where[8] = (389.0, -101.0)  # the ring's north-east corner block, point at its far corner
    where[9] = (405.0, -185.0)  # the third space's block, point at its near corner
    labels = np.zeros(rows * cols, dtype=np.int64)
    labels[12], labels[9] = 1, 2
    assert enclaves(labels, graph, where) == {}  # the point test alone: open towards space 2
    shapes = (blocks, 10.0)
    assert enclaves(labels, graph, where, shapes=shapes) == {1: 0}  # the report's rule: inside 0's outline
    tidy, report = tidy_shapes(labels, graph, np.ones(rows * cols), 1, 100, points=where, shapes=shapes)
    assert tidy[12] == 0 and tidy[9] == 2 and (report.enclaves_found, report.enclaves_merged) == (1, 1)
    # a notch at the town edge is no hole: space 2 stays, and so does a space whose outline cannot close
    assert enclaves(tidy, graph, where, shapes=shapes) == {}
    assert enclaves(labels, graph, where, shapes=(blocks, 0.0)) == {}  # streets not closed: no hole


def test_the_clean_up_for_enclaves_only_leaves_tentacles_alone():
    # after the shape polish the clean-up runs again for enclaves only (engine/delineation/delineate.py)
    rows, cols = 4, 6
    graph = grid_graph(rows, cols)
    labels = halves(rows, cols)
    labels[[1 * cols + 3, 1 * cols + 4]] = 0  # two blocks of the left space reach into the right one
    tidy, report = tidy_shapes(labels, graph, np.ones(rows * cols), 1, 100, points=points(rows, cols), tentacles=False)
    assert tidy.tolist() == labels.tolist() and report.tentacles_moved == 0
    enclosed = np.zeros(25, dtype=np.int64)
    enclosed[12] = 1
    tidy, report = tidy_shapes(enclosed, grid_graph(5, 5), np.ones(25), 1, 100, points=points(5, 5), tentacles=False)
    assert (tidy == 0).all() and report.enclaves_merged == 1


def test_an_enclave_is_opened_when_merging_breaks_the_maximum_or_the_count_is_given():
    rows, cols = 5, 7
    graph = grid_graph(rows, cols)
    labels = np.where(np.arange(rows * cols) % cols < 5, 0, 2)  # columns 0-4 region 0, 5-6 region 2
    labels[2 * cols + 2] = 1  # an enclave in the middle of region 0
    population = np.ones(rows * cols)
    population[2 * cols + 2] = 10  # region 0 has 24 residents, the enclave 10: merged 34
    for upper, allow_merge in ((30, True), (100, False)):
        tidy, report = tidy_shapes(labels, graph, population, 1, upper, points=points(rows, cols), allow_merge=allow_merge)
        assert report.enclaves_opened == 1 and report.enclaves_merged == 0
        assert enclaves(tidy, graph, points(rows, cols)) == {}
        assert sorted(set(tidy.tolist())) == [0, 1, 2]
        for region in (0, 1, 2):
            members = np.flatnonzero(tidy == region)
            assert is_connected(graph, members)
            assert population[members].sum() <= upper


def test_a_space_at_the_town_edge_is_no_enclave():
    # region 1 fills the top-left corner; its only neighbour is region 0, but the town ends there
    rows, cols = 5, 5
    graph = grid_graph(rows, cols)
    labels = np.zeros(rows * cols, dtype=np.int64)
    labels[[0, 1, 5, 6]] = 1
    assert enclaves(labels, graph, points(rows, cols)) == {}
    tidy, report = tidy_shapes(labels, graph, np.ones(rows * cols), 1, 100, points=points(rows, cols))
    assert tidy.tolist() == labels.tolist() and report.enclaves_found == 0
    # without block points every space with a single neighbour counts as enclosed
    assert enclaves(labels, graph) == {1: 0}


def test_an_enclave_forced_by_a_nesting_boundary_stays_and_is_reported():
    rows, cols = 7, 7
    units = np.array(["inner" if 2 <= r <= 4 and 2 <= c <= 4 else "outer" for r in range(rows) for c in range(cols)])
    graph = without_links_between(grid_graph(rows, cols), units)
    # a whole unit inside the other: no link leaves it, nothing to merge or open
    labels = np.where(units == "inner", 1, 0)
    population = np.ones(rows * cols)
    tidy, report = tidy_shapes(labels, graph, population, 1, 100, units=units, points=points(rows, cols))
    assert tidy.tolist() == labels.tolist()
    # inside the inner unit: the centre block surrounded by the rest of its unit; merging breaks
    # the maximum and the unit has no third space to open it to
    labels = labels.copy()
    labels[3 * cols + 3] = 2
    population[3 * cols + 3] = 5
    tidy, report = tidy_shapes(labels, graph, population, 1, 10, units=units, points=points(rows, cols))
    assert tidy.tolist() == labels.tolist()
    assert report.enclaves_found == 1 and report.enclaves_kept == [[3 * cols + 3]]
    assert report.note()["enclaves_kept"] == [[3 * cols + 3]]


def test_the_clean_up_is_deterministic_and_keeps_bounds_and_contiguity():
    rng = np.random.default_rng(3)
    rows, cols = 12, 12
    graph = grid_graph(rows, cols, diagonals=True)
    # a ragged division: grow 6 regions from seeds in random order
    labels = np.full(rows * cols, -1)
    seeds = rng.choice(rows * cols, 6, replace=False)
    labels[seeds] = np.arange(6)
    lists = graph.neighbour_lists()
    while (labels < 0).any():
        for block in rng.permutation(np.flatnonzero(labels >= 0)):
            free = [o for o in lists[block] if labels[o] < 0]
            if free:
                labels[free[rng.integers(len(free))]] = labels[block]
    population = rng.integers(0, 50, rows * cols).astype(float)
    sizes = np.bincount(labels, weights=population)
    lower, upper = 0.8 * sizes.min(), 1.2 * sizes.max()
    first, report = tidy_shapes(labels, graph, population, lower, upper, points=points(rows, cols))
    second, _ = tidy_shapes(labels, graph, population, lower, upper, points=points(rows, cols))
    assert first.tolist() == second.tolist()
    for region in set(first.tolist()):
        members = np.flatnonzero(first == region)
        assert is_connected(graph, members)
        assert lower <= population[members].sum() <= upper


def test_a_tentacle_unlike_the_space_it_reaches_into_stays_within_the_homogeneity_limit():
    rows, cols = 4, 6
    graph = grid_graph(rows, cols)
    labels = halves(rows, cols)
    tip = 1 * cols + 4
    labels[[1 * cols + 3, tip]] = 0
    values = np.zeros((rows * cols, 1))
    values[labels == 0] = 1.0  # the left space and its tentacle are alike, the right space differs
    population = np.ones(rows * cols)
    where = points(rows, cols)
    # without a limit the shape decides; with a small one the unlike blocks stay
    free, _ = tidy_shapes(labels, graph, population, 1, 100, points=where, values=values)
    assert free.tolist() == halves(rows, cols).tolist()
    held, report = tidy_shapes(labels, graph, population, 1, 100, points=where, values=values, compactness=0.01)
    assert held.tolist() == labels.tolist() and report.tentacles_moved == 0
    # a block without residents weighs nothing in the weighted SSD: it moves under any limit
    population[tip] = 0
    moved, report = tidy_shapes(labels, graph, population, 1, 100, points=where, values=values, weights=population,
                                compactness=0.01)
    assert moved[tip] == 1 and report.tentacles_moved == 1


# --------------------------------------------------------------------------- the sample town

#: Mean Polsby-Popper of the default run on Musterstadt must reach this. Measured with
#: bench/shape_cleanup.py with the defaults chosen in issue 20 (COMPACTNESS 0.2, residents' share
#: 0.3; before, COMPACTNESS 0.25 with residents alone: 0.476 / 0.489): MEASURED_PP on GEOS 3.11
#: (.venv) and the current stack (.venv-current, other GEOS, slightly other adjacency); the
#: threshold a little under both, so that a change of the search that costs shape fails here.
#: No space below MIN_PP (issue 10's target; 0.174 on both stacks).
MEASURED_PP = {"GEOS 3.11 (.venv)": 0.474, "current (.venv-current)": 0.460}
PP_THRESHOLD = 0.45
MIN_PP = 0.10


def _bench_shape_cleanup():
    spec = importlib.util.spec_from_file_location("bench_shape_cleanup", REPO / "bench" / "shape_cleanup.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_default_run_on_the_sample_town_is_compact_without_enclaves():
    """One default run (as the demo: seed 1, the demo's rates, barriers, gap 30 m), about 10 s."""
    before, after, note, _ = _bench_shape_cleanup().run()
    assert after["n_below"] == after["n_above"] == after["n_noncontiguous"] == 0
    assert after["n_enclaves"] == 0  # Musterstadt has no enclave forced by a barrier or nesting
    assert after["mean_polsby_popper"] >= PP_THRESHOLD, (after, MEASURED_PP)
    assert after["min_polsby_popper"] >= MIN_PP, after
    assert after["mean_polsby_popper"] >= before["mean_polsby_popper"] - 0.01  # the clean-up costs no shape
    if note is not None:
        assert note["enclaves_kept"] == []


def test_an_enclave_whose_neighbours_changed_in_the_same_round_is_not_merged():
    # found by the property test of test_delineate.py: opening the enclave {3, 4, 10} hands
    # block 9 to it, and 9 was the only link of the other enclave {8, 13, 14, 18, 19, 20} to
    # the space around both; merging that one afterwards would have cut the merged space
    left = [0, 1, 1, 3, 3, 4, 5, 6, 8, 8, 9, 11, 13, 13, 14, 15, 16, 17, 18, 21, 22]
    right = [1, 2, 7, 4, 9, 10, 11, 12, 9, 14, 15, 17, 14, 19, 20, 21, 17, 23, 19, 22, 23]
    graph = Graph(24, left, right)
    labels = np.array([0, 0, 0, 1, 1, 2, 4, 0, 3, 2, 1, 2, 4, 3, 3, 2, 2, 2, 3, 3, 3, 2, 2, 2])
    population = np.array([0, 0, 100, 0, 153, 0, 0, 0, 2, 1, 51, 62, 157, 0, 55, 0, 15, 5, 0, 0, 81, 0, 0, 97.0])
    tidy, _ = tidy_shapes(labels, graph, population, 100, 317)
    for region in set(tidy.tolist()):
        assert is_connected(graph, np.flatnonzero(tidy == region)), region


def test_the_blocks_that_open_an_enclave_are_not_moved_back_as_tentacles():
    # queen grid: the one block that opens the centre space to the right-hand space touches the
    # centre by one link and the surrounding space by four, a tentacle by the border rule
    rows, cols = 5, 6
    graph = grid_graph(rows, cols, diagonals=True)
    labels = np.where(np.arange(rows * cols) % cols < 4, 0, 2)
    labels[2 * cols + 2] = 1
    tidy, report = tidy_shapes(labels, graph, np.ones(rows * cols), 1, 100, points=points(rows, cols), allow_merge=False)
    assert report.enclaves_opened == 1 and report.enclaves_kept == [] and report.enclaves_found == 1
    assert enclaves(tidy, graph, points(rows, cols)) == {}
    for region in (0, 1, 2):
        assert is_connected(graph, np.flatnonzero(tidy == region))


def test_the_clean_up_judges_a_tentacle_by_the_residents_it_moves_whatever_the_search_weights():
    # 4 x 5 lattice: space 1 holds the right two columns plus a tentacle block (2, 2) with one
    # resident whose values are those of space 1. Moving it to space 0 shortens the border and
    # costs the residents' homogeneity almost nothing (one resident); counted as most of a block,
    # as the search's mixed weights count it, the same move would cost a lot and be refused.
    from sozialraum.engine.delineation.feasibility import make_plan
    from sozialraum.engine.delineation.shapes import tidy_division
    from sozialraum.engine.problem import Problem, Settings

    rows, cols = 4, 5
    graph = grid_graph(rows, cols)
    points = np.column_stack([np.arange(rows * cols) % cols * 100.0, -(np.arange(rows * cols) // cols) * 100.0])
    labels = np.array([0 if c < 3 else 1 for r in range(rows) for c in range(cols)])
    tentacle = 2 * cols + 2
    labels[tentacle] = 1
    values = np.where(labels == 1, 1.0, 0.0)[:, None]
    population = np.full(rows * cols, 100.0)
    population[tentacle] = 1.0
    problem = Problem(graph, population, values, min_population=100, max_population=2000, points=points)
    settings = Settings(n_spaces=2, compactness=0.2, population_weight=0.3)
    tidy = tidy_division(labels, problem, settings, make_plan(problem, settings))
    assert tidy[tentacle] == 0
    mixed = settings.search_weights(population)
    assert mixed[tentacle] > 0.5  # what the search weighs it with: a move there would not pay
