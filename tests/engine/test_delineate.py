"""Delineation on small graphs with known optimal partitions, and properties on random graphs."""
import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sozialraum.engine.delineation.delineate import FAIL, delineate
from sozialraum.engine.errors import InfeasibleError, ParameterError
from sozialraum.engine.spatial.graph import Graph, is_connected


def grid(rows, cols):
    left, right = [], []
    for r in range(rows):
        for c in range(cols):
            node = r * cols + c
            if c + 1 < cols:
                left.append(node)
                right.append(node + 1)
            if r + 1 < rows:
                left.append(node)
                right.append(node + cols)
    coordinates = np.array([[c * 100.0, -r * 100.0] for r in range(rows) for c in range(cols)])
    return Graph(rows * cols, left, right), coordinates


def quadrant_values(rows, cols, noise=0.05, seed=0):
    rng = np.random.default_rng(seed)
    values = np.array([[2.0 * (r >= rows // 2) + 1.0 * (c >= cols // 2)] for r in range(rows) for c in range(cols)])
    return values + rng.normal(0, noise, values.shape)


def assert_valid(result, graph, population, lower, upper):
    for space in result.spaces:
        assert is_connected(result.graph, space.blocks), space.space_id
        assert lower <= population[space.blocks].sum() <= upper, space
        assert space.status == "ok"
    labels = result.labels
    assert sorted(set(labels.tolist())) == list(range(1, result.k + 1))


def test_four_quadrants_are_found_exactly():
    graph, coordinates = grid(12, 12)
    values = quadrant_values(12, 12)
    population = np.full(144, 100.0)
    result = delineate(graph, population, values, lower=3000, upper=4000, n_spaces=4, seed=3, coordinates=coordinates)
    assert_valid(result, graph, population, 3000, 4000)
    truth = (np.arange(144) // 12 >= 6) * 2 + (np.arange(144) % 12 >= 6)
    for space in result.spaces:
        assert len(set(truth[space.blocks].tolist())) == 1  # each space is one quadrant
    assert result.ssd_share < 0.01


def test_ceiling_is_enforced_even_when_homogeneity_wants_bigger_spaces():
    graph, coordinates = grid(10, 10)
    values = np.zeros((100, 1))
    values[:50] = 1.0  # two halves of 5,000 residents each
    population = np.full(100, 100.0)
    result = delineate(graph, population, values, lower=1000, upper=3000, n_spaces=0, seed=1, coordinates=coordinates)
    assert_valid(result, graph, population, 1000, 3000)
    assert result.k == 5  # automatic: 10,000 / middle of the band (2,000)
    assert result.notes[-1]["code"] == "k_auto"


def test_zero_population_blocks_join_a_space():
    graph, coordinates = grid(6, 6)
    population = np.full(36, 100.0)
    population[::5] = 0.0
    result = delineate(graph, population, quadrant_values(6, 6), lower=500, upper=1500, n_spaces=3, seed=0, coordinates=coordinates)
    assert (result.labels > 0).all()
    assert_valid(result, graph, population, 500, 1500)


def test_same_seed_same_result_and_seed_recorded():
    graph, coordinates = grid(15, 15)
    values = np.random.default_rng(5).normal(size=(225, 3))
    population = np.random.default_rng(6).integers(0, 300, 225).astype(float)
    first = delineate(graph, population, values, lower=2000, upper=6000, seed=42, coordinates=coordinates)
    second = delineate(graph, population, values, lower=2000, upper=6000, seed=42, coordinates=coordinates)
    assert (first.labels == second.labels).all() and first.seed == 42


def test_block_above_maximum_fails_or_becomes_a_flagged_space():
    graph, coordinates = grid(5, 5)
    population = np.full(25, 100.0)
    population[12] = 5000.0
    values = quadrant_values(5, 5)
    with pytest.raises(InfeasibleError) as error:
        delineate(graph, population, values, lower=500, upper=1500, on_infeasible=FAIL, coordinates=coordinates)
    assert {"kind": "block_above", "block": 12, "population": 5000.0} in error.value.details["problems"]
    result = delineate(graph, population, values, lower=500, upper=1500, coordinates=coordinates)
    (own,) = [space for space in result.spaces if 12 in space.blocks]
    assert own.blocks.tolist() == [12] and own.status == "above" and "block_above" in own.flags
    others = [space for space in result.spaces if space is not own]
    assert all(500 <= s.population <= 1500 and s.status == "ok" for s in others)


def test_island_below_minimum_fails_or_joins_its_nearest_neighbour():
    graph, coordinates = grid(4, 4)
    # an island of two blocks far east, not linked
    graph = Graph(18, graph.left, graph.right)
    graph = graph.with_edges([16], [17])
    coordinates = np.vstack([coordinates, [[500.0, 0.0], [600.0, 0.0]]])
    population = np.full(18, 100.0)
    values = np.zeros((18, 1))
    with pytest.raises(InfeasibleError) as error:
        delineate(graph, population, values, lower=400, upper=1200, on_infeasible=FAIL, coordinates=coordinates)
    (problem,) = error.value.details["problems"]
    assert problem["kind"] == "component_below" and problem["blocks"] == [16, 17] and problem["population"] == 200
    result = delineate(graph, population, values, lower=400, upper=1200, coordinates=coordinates)
    (joined,) = [space for space in result.spaces if 16 in space.blocks]
    assert 17 in joined.blocks and "island_joined" in joined.flags and joined.status == "flagged"
    assert any(note["code"] == "island_joined" and note["anchor"] == 3 for note in result.notes)


def test_an_island_never_joins_a_space_of_another_nesting_unit():
    """Nesting units never share a space: an island alone in its unit stays its own space."""
    graph, coordinates = grid(4, 4)
    graph = Graph(18, graph.left, graph.right).with_edges([16], [17])
    coordinates = np.vstack([coordinates, [[500.0, 0.0], [600.0, 0.0]]])
    population = np.full(18, 100.0)
    nest = ["A"] * 16 + ["B", "B"]
    result = delineate(graph, population, np.zeros((18, 1)), lower=400, upper=1200, nest=nest, coordinates=coordinates)
    for space in result.spaces:
        assert len({nest[b] for b in space.blocks}) == 1, space
    (island,) = [space for space in result.spaces if 16 in space.blocks]
    assert sorted(island.blocks.tolist()) == [16, 17] and island.status == "below"
    assert "island_joined" not in island.flags
    assert not any(note["code"] == "island_joined" for note in result.notes)
    # with a second part in unit B, the island joins that one (inside its unit)
    graph2 = Graph(20, graph.left, graph.right).with_edges([16, 18], [17, 19])
    coordinates2 = np.vstack([coordinates, [[900.0, 0.0], [1000.0, 0.0]]])
    population2 = np.concatenate([population, [300.0, 300.0]])
    nest2 = nest + ["B", "B"]
    result = delineate(graph2, population2, np.zeros((20, 1)), lower=400, upper=1200, nest=nest2, coordinates=coordinates2)
    (joined,) = [space for space in result.spaces if 16 in space.blocks]
    assert {16, 17, 18, 19} <= set(joined.blocks.tolist()) and "island_joined" in joined.flags


def test_requested_count_that_cannot_fit_is_stated():
    graph, coordinates = grid(4, 4)
    population = np.full(16, 100.0)
    with pytest.raises(InfeasibleError) as error:
        delineate(graph, population, np.zeros((16, 1)), lower=500, upper=800, n_spaces=5, on_infeasible=FAIL)
    (problem,) = error.value.details["problems"]
    assert problem == {"kind": "count_out_of_range", "requested": 5, "low": 2, "high": 3}


def test_warm_start_keeps_locked_spaces_untouched():
    graph, coordinates = grid(8, 8)
    population = np.full(64, 100.0)
    values = quadrant_values(8, 8)
    initial = ["W" if c < 4 else "E" for r in range(8) for c in range(8)]
    initial = [value if r < 2 else ("S" if value == "W" else "T") for (r, value) in zip(np.arange(64) // 8, initial)]
    result = delineate(graph, population, values, lower=800, upper=2400, initial=initial, locked=["W"], coordinates=coordinates)
    west = np.flatnonzero(np.array(initial) == "W")
    (locked_space,) = [space for space in result.spaces if space.status == "locked"]
    assert sorted(locked_space.blocks.tolist()) == west.tolist()
    for space in result.spaces:
        if space is not locked_space:
            assert 800 <= space.population <= 2400 and is_connected(result.graph, space.blocks)


def test_nested_units_never_mix():
    graph, coordinates = grid(6, 6)
    unit = np.array(["A" if c < 3 else "B" for r in range(6) for c in range(6)], dtype=object)
    keep = unit[graph.left] == unit[graph.right]
    graph = Graph(36, graph.left[keep], graph.right[keep])
    population = np.full(36, 100.0)
    result = delineate(graph, population, np.zeros((36, 1)), lower=400, upper=1000, nest=unit, coordinates=coordinates)
    for space in result.spaces:
        assert len(set(unit[space.blocks])) == 1


def test_bad_parameters():
    graph, _ = grid(2, 2)
    with pytest.raises(ParameterError):
        delineate(graph, np.ones(4), np.zeros((4, 1)), lower=10, upper=5)
    with pytest.raises(ParameterError):
        delineate(graph, -np.ones(4), np.zeros((4, 1)), lower=1, upper=5)
    with pytest.raises(ParameterError):
        delineate(graph, np.ones(4), np.zeros((4, 1)), lower=1, upper=5, locked=["x"])


@st.composite
def random_instances(draw):
    rows = draw(st.integers(2, 9))
    cols = draw(st.integers(2, 9))
    n = rows * cols
    graph, coordinates = grid(rows, cols)
    # drop some edges at random (keeps it planar-ish, may create islands)
    keep = np.array(draw(st.lists(st.booleans(), min_size=len(graph.left), max_size=len(graph.left))))
    keep |= np.arange(len(keep)) % 3 == 0
    graph = Graph(n, graph.left[keep], graph.right[keep])
    population = np.array(draw(st.lists(st.integers(0, 400), min_size=n, max_size=n)), dtype=float)
    values = np.array(draw(st.lists(st.floats(-3, 3), min_size=n, max_size=n))).reshape(n, 1)
    lower = draw(st.integers(100, 800))
    upper = lower + draw(st.integers(200, 2000))
    seed = draw(st.integers(0, 1000))
    return graph, coordinates, population, values, float(lower), float(upper), seed


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(random_instances())
def test_every_space_is_contiguous_and_within_bounds_or_reported(instance):
    graph, coordinates, population, values, lower, upper, seed = instance
    try:
        result = delineate(graph, population, values, lower=lower, upper=upper, seed=seed, on_infeasible=FAIL)
    except InfeasibleError as error:
        kinds = {problem["kind"] for problem in error.value.details["problems"]} if hasattr(error, "value") else None
        kinds = {problem["kind"] for problem in error.details["problems"]}
        assert kinds <= {"block_above", "component_below", "count_out_of_range", "no_admissible_count"}
        if "block_above" in kinds:
            assert (population > upper).any()
        return
    assert (result.labels > 0).all()
    for space in result.spaces:
        assert is_connected(result.graph, space.blocks)
        # Counting feasibility (each part's population allows some number of spaces) does not
        # guarantee a contiguous division within the bounds on these graphs, so a space may
        # miss a bound here, but only flagged as such (below). Meeting both bounds whenever a
        # division exists is asserted exhaustively on tiny graphs (the test after next).
        assert space.status in ("ok", "below", "above")
    statuses = [space.status for space in result.spaces]
    if statuses.count("ok") != len(statuses):
        # honest flagging: the status matches the population
        for space in result.spaces:
            assert (space.status == "below") == (space.population < lower)
            assert (space.status == "above") == (space.population > upper)
    again = delineate(graph, population, values, lower=lower, upper=upper, seed=seed, on_infeasible=FAIL)
    assert (again.labels == result.labels).all()


def set_partitions(items):
    if not items:
        yield []
        return
    first, rest = items[0], items[1:]
    for partition in set_partitions(rest):
        for index in range(len(partition)):
            yield partition[:index] + [[first] + partition[index]] + partition[index + 1 :]
        yield [[first]] + partition


@st.composite
def tiny_instances(draw):
    n = draw(st.integers(3, 8))
    left = list(range(1, n))
    right = [draw(st.integers(0, v - 1)) for v in range(1, n)]  # a random tree keeps it connected
    for _ in range(draw(st.integers(0, n))):
        a, b = draw(st.integers(0, n - 1)), draw(st.integers(0, n - 1))
        if a != b:
            left.append(a)
            right.append(b)
    population = np.array(draw(st.lists(st.integers(0, 400), min_size=n, max_size=n)), dtype=float)
    values = np.array(draw(st.lists(st.floats(-3, 3), min_size=n, max_size=n))).reshape(n, 1)
    lower = float(draw(st.integers(50, 500)))
    upper = lower + float(draw(st.integers(50, 900)))
    return Graph(n, left, right), population, values, lower, upper, draw(st.integers(0, 10_000))


# Random draws again (issue 20): a fresh draw found (2026-12-06) an 8-block instance (residents 0, 249,
# 0, 0, 0, 249, 250, 1; bounds 50-498; seeds 1, 2, 3, ...) where ours left a space above the maximum;
# the bound repair's exchange step fixes it (test_boundrepair's exchange test keeps that instance),
# and 8,000 further random draws found nothing. Each run draws 150 new instances, so the claim keeps
# being tested; a failure is a real engine bug: print_blob prints the @reproduce_failure line that
# replays it, and no example database makes a run depend on an earlier one.
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None, print_blob=True)
@given(tiny_instances())
def test_whenever_a_feasible_division_exists_ours_is_feasible_with_the_same_k(instance):
    """Exhaustive check on tiny graphs: for every k that admits a division into contiguous
    spaces within [L, U], delineate with that k returns one (all spaces ok)."""
    graph, population, values, lower, upper, seed = instance
    feasible_k = set()
    for partition in set_partitions(list(range(graph.n))):
        if len(partition) in feasible_k:
            continue
        if all(lower <= population[part].sum() <= upper and is_connected(graph, part) for part in partition):
            feasible_k.add(len(partition))
    for k in sorted(feasible_k):
        result = delineate(graph, population, values, lower=lower, upper=upper, n_spaces=k, seed=seed, on_infeasible=FAIL)
        assert result.k == k
        for space in result.spaces:
            assert space.status == "ok" and is_connected(graph, space.blocks)
            assert lower <= space.population <= upper


def test_iterated_local_search_never_worsens_ssd_nor_breaks_bounds():
    from sozialraum.engine.delineation.localsearch import RegionState
    from sozialraum.engine.delineation.recombine import perturb
    from sozialraum.engine.delineation.treecut import TreeCutter

    graph, coordinates = grid(14, 14)
    rng = np.random.default_rng(4)
    values = rng.normal(size=(196, 2))
    population = rng.integers(50, 150, 196).astype(float)
    first = delineate(graph, population, values, lower=1500, upper=4000, n_spaces=8, seed=2, effort=0.1)
    labels = first.labels - 1
    sqnorm = (values**2).sum(axis=1)
    state = RegionState(labels, values, sqnorm, population, first.k)
    before = state.total_ssd()
    cutter = TreeCutter(graph, values, sqnorm, population, 1500, 4000, np.random.default_rng(1))
    kept = perturb(state, graph, cutter, 1500, 4000, np.random.default_rng(1), iterations=150,
                   search={"ssd_scale": first.tss, "max_passes": 10})
    assert state.total_ssd() <= before + 1e-9
    assert kept == 0 or state.total_ssd() < before
    for region in range(first.k):
        members = np.flatnonzero(state.labels == region)
        assert is_connected(graph, members)
        assert 1500 <= population[members].sum() <= 4000


def test_tree_cut_prefers_admissible_cuts_whatever_the_ssd_scale():
    """Cuts from several trees rank by (violation, balance, SSD) in order. With attributes of
    order 1e7 (SSD ~1e14) the former packed float (violation * 1e12 + SSD) preferred a cut
    that broke the bounds by 32 residents over an admissible one (found by random search)."""
    from sozialraum.engine.delineation.treecut import TreeCutter

    graph = Graph(5, [1, 2, 3, 4, 0, 2], [0, 0, 2, 1, 4, 4])
    values = np.array([[-6617025.72039035], [-4364352.471432213], [-11698019.07772864], [17393678.77130134],
                       [-4959107.284421519]])
    population = np.array([46.0, 179.0, 60.0, 180.0, 134.0])
    lower, upper = 272.0, 391.0
    cutter = TreeCutter(graph, values, (values**2).sum(axis=1), population, lower, upper, np.random.default_rng(1))
    (side, _), (rest, _) = cutter.best_cut(np.arange(5), 2)
    for part in (side, rest):
        assert lower <= population[part].sum() <= upper, sorted(part.tolist())


def test_tree_cut_small_graph_and_scipy_paths_agree(monkeypatch):
    """The plain-Python Kruskal (small graphs) and scipy's minimum spanning tree give the same
    tree (unique weights) and so the same best cut."""
    import sozialraum.engine.delineation.treecut as treecut

    rng = np.random.default_rng(11)
    for trial in range(6):
        rows, cols = int(rng.integers(4, 9)), int(rng.integers(4, 9))
        graph, _ = grid(rows, cols)
        n = graph.n
        values = rng.normal(size=(n, 2))
        population = rng.integers(50, 150, n).astype(float)
        results = {}
        for name, limit in (("small", 10**9), ("scipy", -1)):
            monkeypatch.setattr(treecut, "SMALL_TREE_EDGES", limit)
            cutter = treecut.TreeCutter(graph, values, (values**2).sum(axis=1), population,
                                        population.sum() / 4, population.sum() / 1.5, np.random.default_rng(0))
            order, parent = cutter._tree(np.arange(n), 0.0)
            edges = {tuple(sorted((int(node), int(parent[node])))) for node in order[1:]}
            (side, q_side), _ = cutter.best_cut(np.arange(n), 2, attempts=1)
            results[name] = (edges, frozenset(side.tolist()) if 0 in side else frozenset(set(range(n)) - set(side.tolist())))
        assert results["small"][0] == results["scipy"][0], trial
        assert results["small"][1] == results["scipy"][1], trial


def test_iterated_local_search_with_shape_and_weights_never_worsens_the_objective():
    from sozialraum.engine.delineation.localsearch import RegionState
    from sozialraum.engine.delineation.recombine import perturb, recombine
    from sozialraum.engine.delineation.treecut import TreeCutter
    from sozialraum.engine.objective import block_weights, border_length, border_weight, total_link_length, total_ss

    graph, _ = grid(14, 14)
    rng = np.random.default_rng(5)
    graph = Graph(196, graph.left, graph.right, rng.uniform(1, 50, len(graph.left)))  # links with lengths
    values = rng.normal(size=(196, 2))
    population = rng.integers(50, 150, 196).astype(float) * (rng.random(196) > 0.25)  # a quarter without residents
    first = delineate(graph, population, values, lower=1500, upper=4000, n_spaces=8, seed=2, effort=0.1, compactness=0.0)
    weights = block_weights(population)
    sqnorm = (values**2).sum(axis=1)
    scale = total_ss(values, weights)
    weight = border_weight(0.5, scale, graph)

    def objective(state):
        return state.total_ssd() + weight * border_length(state.labels, graph)

    state = RegionState(first.labels - 1, values, sqnorm, population, first.k, weights=weights)
    before = objective(state)
    cutter = TreeCutter(graph, values, sqnorm, population, 1500, 4000, np.random.default_rng(1), weights=weights)
    recombine(state, graph, cutter, 1500, 4000, np.random.default_rng(2), border_weight=weight)
    after_recombine = objective(state)
    assert after_recombine <= before + 1e-9
    kept = perturb(state, graph, cutter, 1500, 4000, np.random.default_rng(1), iterations=150,
                   search={"ssd_scale": scale, "max_passes": 10, "compactness": 0.5, "length_scale": total_link_length(graph)})
    assert objective(state) <= after_recombine + 1e-9
    assert kept == 0 or objective(state) < after_recombine
    assert (state.labels >= 0).all()  # every block, with residents or not, stays in a space
    for region in range(first.k):
        members = np.flatnonzero(state.labels == region)
        assert is_connected(graph, members)
        assert 1500 <= population[members].sum() <= 4000


def test_the_residents_share_reaches_the_search_and_is_checked():
    from sozialraum.engine.errors import ParameterError
    from sozialraum.engine.objective import block_weights
    from sozialraum.engine.problem import DEFAULT_POPULATION_WEIGHT, Settings

    assert 0.0 <= Settings().population_weight == DEFAULT_POPULATION_WEIGHT <= 1.0
    population = np.array([0.0, 50.0, 150.0])
    np.testing.assert_allclose(Settings(population_weight=0.4).search_weights(population), block_weights(population, share=0.4))
    assert Settings(population_weight=0.4, weight_by_population=False).search_weights(population) is None
    for bad in (-0.1, 1.5, float("nan")):
        with pytest.raises(ParameterError) as raised:
            Settings(population_weight=bad)
        assert raised.value.details["name"] == "POPULATION_WEIGHT"
    graph, coordinates = grid(10, 10)
    values = quadrant_values(10, 10, noise=0.3)
    population = np.random.default_rng(3).integers(1, 400, 100).astype(float)  # every block inhabited
    kwargs = dict(lower=1500, upper=8000, n_spaces=5, seed=2, coordinates=coordinates)
    # with every block inhabited, share 0 counts every block alike: the unweighted search
    share_zero = delineate(graph, population, values, population_weight=0.0, **kwargs)
    switched_off = delineate(graph, population, values, weight_by_population=False, **kwargs)
    np.testing.assert_array_equal(share_zero.labels, switched_off.labels)
    by_residents = delineate(graph, population, values, population_weight=1.0, **kwargs)
    mixed = delineate(graph, population, values, population_weight=0.5, **kwargs)
    for result in (share_zero, by_residents, mixed):
        assert_valid(result, graph, population, 1500, 8000)
    # the share changes what the search weighs: the three divisions are not all the same
    assert len({tuple(r.labels.tolist()) for r in (share_zero, by_residents, mixed)}) > 1


def test_population_weights_and_shape_are_the_defaults_and_can_be_switched_off():
    from sozialraum.engine.problem import DEFAULT_COMPACTNESS, Settings

    assert Settings().weight_by_population is True and Settings().compactness == DEFAULT_COMPACTNESS > 0
    graph, coordinates = grid(10, 10)
    values = quadrant_values(10, 10, noise=0.3)
    population = np.full(100, 100.0)
    population[[5, 6, 15, 16, 55]] = 0.0
    kwargs = dict(lower=1500, upper=3500, n_spaces=4, seed=1, coordinates=coordinates)
    default = delineate(graph, population, values, **kwargs)
    plain = delineate(graph, population, values, weight_by_population=False, compactness=0.0, **kwargs)
    for result in (default, plain):
        assert (result.labels > 0).all()
        assert_valid(result, graph, population, 1500, 3500)
