"""Scoring divisions: hand-made cases with known answers and algebraic properties."""
import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from shapely.geometry import box

from sozialraum.engine.scoring import evaluate_division
from sozialraum.engine.spatial.graph import Graph

from .grids import grid_graph


def grid_blocks(rows, cols, size=100.0, street=12.0):
    return [
        box(c * (size + street), r * (size + street), c * (size + street) + size, r * (size + street) + size)
        for r in range(rows)
        for c in range(cols)
    ]


def halves_4x4():
    """4x4 grid, left half (columns 0-1) space 'A', right half space 'B'."""
    labels = np.array(["A" if (i % 4) < 2 else "B" for i in range(16)], dtype=object)
    return labels


def test_two_halves_exact_ssd_share():
    # one attribute: column index; left half has values 0,1, right half 2,3
    values = np.array([[float(i % 4)] for i in range(16)])
    population = np.full(16, 100.0)
    result = evaluate_division(halves_4x4(), population, values, 700, 900, grid_graph(4, 4))
    # within: each half has 8 values of 0/1 (mean 0.5): 8 * 0.25 = 2 per half -> 4
    # total: 16 values 0..3 each 4 times, mean 1.5: 4 * (2.25 + 0.25 + 0.25 + 2.25) = 20
    assert result.summary["ssd"] == pytest.approx(4.0)
    assert result.summary["tss"] == pytest.approx(20.0)
    assert result.summary["between_ss"] == pytest.approx(16.0)
    assert result.summary["ssd_share"] == pytest.approx(0.2)
    spaces = result.spaces
    assert spaces["space"].tolist() == ["A", "B"]
    assert spaces["population"].tolist() == [800.0, 800.0]
    assert spaces["n_blocks"].tolist() == [8, 8]
    assert spaces["status"].tolist() == ["ok", "ok"]
    assert spaces["contiguous"].tolist() == [True, True]
    assert spaces["n_parts"].tolist() == [1, 1]
    assert result.summary["k"] == 2
    assert result.summary["n_noncontiguous"] == 0
    assert result.summary["unassigned"] == 0
    assert result.summary["pop_min"] == result.summary["pop_median"] == result.summary["pop_max"] == 800.0


def test_non_contiguous_space_has_two_parts():
    # columns 0 and 3 form space 1 (two separate strips), columns 1-2 space 2
    labels = np.array([1 if (i % 4) in (0, 3) else 2 for i in range(16)])
    result = evaluate_division(labels, np.ones(16), np.zeros((16, 1)), graph=grid_graph(4, 4))
    assert result.spaces["space"].tolist() == [1, 2]
    assert result.spaces["n_parts"].tolist() == [2, 1]
    assert result.spaces["contiguous"].tolist() == [False, True]
    assert result.summary["n_noncontiguous"] == 1
    # a diagonal link does not make the strips touch; queen diagonals inside column pairs don't either
    result = evaluate_division(labels, np.ones(16), np.zeros((16, 1)), graph=grid_graph(4, 4, diagonals=True))
    assert result.spaces["n_parts"].tolist() == [2, 1]


def test_graph_given_as_edge_arrays_or_adjacency():
    from sozialraum.engine.spatial.adjacency import build_adjacency

    labels = np.array([1 if (i % 4) in (0, 3) else 2 for i in range(16)])
    graph = grid_graph(4, 4)
    by_tuple = evaluate_division(labels, np.ones(16), np.zeros((16, 1)), graph=(graph.left, graph.right))
    adjacency = build_adjacency(grid_blocks(4, 4), gap_distance=30)
    by_adjacency = evaluate_division(labels, np.ones(16), np.zeros((16, 1)), graph=adjacency)
    assert by_tuple.spaces["n_parts"].tolist() == by_adjacency.spaces["n_parts"].tolist() == [2, 1]


def test_barrier_crossings_counted_inside_spaces_only():
    labels = halves_4x4()
    # pairs a barrier separates: (0, 1) and (4, 5) inside A, (2, 3) inside B, (1, 2) between A and B
    barrier_pairs = (np.array([0, 4, 2, 1]), np.array([1, 5, 3, 2]))
    result = evaluate_division(labels, np.ones(16), np.zeros((16, 1)), graph=grid_graph(4, 4), barrier_pairs=barrier_pairs)
    assert result.spaces["barrier_crossings"].tolist() == [2, 1]
    assert result.summary["barrier_crossings"] == 3


def test_barrier_pairs_from_the_adjacency():
    from shapely.geometry import LineString

    from sozialraum.engine.spatial.adjacency import build_adjacency

    blocks = grid_blocks(2, 2)
    barrier = LineString([(106, -50), (106, 300)])  # along the street between columns 0 and 1
    adjacency = build_adjacency(blocks, gap_distance=30, barriers=[barrier])
    assert len(adjacency.barrier_pairs[0]) > 0
    together = evaluate_division([1, 1, 1, 1], np.ones(4), np.zeros((4, 1)), graph=adjacency, barrier_pairs=adjacency.barrier_pairs)
    assert together.summary["barrier_crossings"] == len(adjacency.barrier_pairs[0])
    assert together.summary["n_noncontiguous"] == 1  # the barrier cuts the space in two
    apart = evaluate_division([1, 2, 1, 2], np.ones(4), np.zeros((4, 1)), graph=adjacency, barrier_pairs=adjacency.barrier_pairs)
    assert apart.summary["barrier_crossings"] == 0
    assert apart.summary["n_noncontiguous"] == 0


def test_below_and_above_statuses():
    labels = np.array([1, 1, 2, 2, 3, 3])
    population = np.array([100, 200, 400, 500, 2000, np.nan])
    result = evaluate_division(labels, population, np.zeros((6, 2)), lower=700, upper=1500)
    assert result.spaces["population"].tolist() == [300.0, 900.0, 2000.0]
    assert result.spaces["status"].tolist() == ["below", "ok", "above"]
    assert result.summary["n_below"] == 1
    assert result.summary["n_above"] == 1
    # exactly on a bound is within it
    edge = evaluate_division([1, 1], [350, 350], np.zeros((2, 1)), lower=700, upper=700)
    assert edge.spaces["status"].tolist() == ["ok"]
    # no bounds: everything ok
    free = evaluate_division(labels, population, np.zeros((6, 2)))
    assert set(free.spaces["status"]) == {"ok"}


def test_nesting_violation():
    labels = np.array([1, 1, 1, 2, 2, 2])
    nest = ["north", "north", "south", "south", "south", "south"]
    result = evaluate_division(labels, np.ones(6), np.zeros((6, 1)), nest=nest)
    assert result.spaces["nest_units"].tolist() == [2, 1]
    assert result.summary["nesting_violations"] == 1
    # missing nest values form one unit together
    result = evaluate_division(labels, np.ones(6), np.zeros((6, 1)), nest=[None, np.nan, None, "a", "a", "a"])
    assert result.spaces["nest_units"].tolist() == [1, 1]
    assert evaluate_division(labels, np.ones(6), np.zeros((6, 1))).summary["nesting_violations"] == 0


def test_polsby_popper_of_a_square_and_a_strip():
    # a 2x2 block square separated by 12 m streets closes into one square: PP = pi / 4
    blocks = grid_blocks(2, 2)
    result = evaluate_division([1, 1, 1, 1], np.ones(4), np.zeros((4, 1)), geometries=blocks)
    assert result.spaces["polsby_popper"].iloc[0] == pytest.approx(math.pi / 4, rel=1e-6)
    assert result.summary["mean_polsby_popper"] == pytest.approx(math.pi / 4, rel=1e-6)
    # a 1x4 strip: 436 x 100 rectangle
    strip = grid_blocks(1, 4)
    result = evaluate_division([7, 7, 7, 7], np.ones(4), np.zeros((4, 1)), geometries=strip)
    width, height = 4 * 100 + 3 * 12, 100
    expected = 4 * math.pi * width * height / (2 * (width + height)) ** 2
    assert result.spaces["polsby_popper"].iloc[0] == pytest.approx(expected, rel=1e-6)
    # without closing the gaps, four separate squares: 4 * area / (4 * perimeter)^2
    result = evaluate_division([1, 1, 1, 1], np.ones(4), np.zeros((4, 1)), geometries=blocks, closing=0)
    assert result.spaces["polsby_popper"].iloc[0] == pytest.approx(4 * math.pi * 40000 / 1600**2)
    # no geometries: NaN
    result = evaluate_division([1, 1, 1, 1], np.ones(4), np.zeros((4, 1)))
    assert np.isnan(result.spaces["polsby_popper"].iloc[0])
    assert np.isnan(result.summary["mean_polsby_popper"])


def test_polsby_popper_repairs_self_intersecting_blocks():
    """A bow-tie block (as in real census tracts) is repaired, not allowed to break the score."""
    from shapely.geometry import Polygon

    blocks = grid_blocks(2, 2)
    x0, y0, x1, y1 = blocks[3].bounds
    bowtie = Polygon([(x0, y0), (x1, y1), (x1, y0), (x0, y1), (x0, y0)])
    assert not bowtie.is_valid
    blocks[3] = bowtie
    result = evaluate_division([1, 1, 2, 2], np.ones(4), np.zeros((4, 1)), geometries=blocks)
    scores = result.spaces["polsby_popper"].to_numpy()
    assert np.isfinite(scores).all()
    assert 0 < scores[1] < 1
    assert result.compactness_failed == []


def test_a_failing_outline_leaves_the_division_and_names_the_space(monkeypatch):
    """When GEOS cannot build a space's outline, that space's score is NaN and it is named."""
    import shapely
    import shapely.ops

    import sozialraum.engine.scoring as scoring

    blocks = grid_blocks(2, 2)
    real_union = shapely.union_all if hasattr(shapely, "union_all") else shapely.ops.unary_union
    calls = {"n": 0}

    def flaky(parts, *args, **kwargs):
        calls["n"] += 1
        if len(parts) == 2 and min(p.bounds[1] for p in parts) > 50:  # the space in the upper row
            raise ValueError("No Shapely geometry can be created from null value")
        return real_union(parts)

    if hasattr(shapely, "union_all"):
        monkeypatch.setattr(shapely, "union_all", flaky)
    monkeypatch.setattr(shapely.ops, "unary_union", flaky)
    result = scoring.evaluate_division(["lower", "lower", "upper", "upper"], np.ones(4), np.zeros((4, 1)),
                                       geometries=blocks)
    assert calls["n"] >= 2
    scores = dict(zip(result.spaces["space"], result.spaces["polsby_popper"]))
    assert np.isnan(scores["upper"]) and np.isfinite(scores["lower"])
    assert result.compactness_failed == ["upper"]
    assert result.summary["mean_polsby_popper"] == pytest.approx(scores["lower"])
    hull = dict(zip(result.spaces["space"], result.spaces["convex_hull_ratio"]))
    enclaves = dict(zip(result.spaces["space"], result.spaces["n_enclaves"]))
    assert np.isnan(hull["upper"]) and np.isnan(enclaves["upper"]) and enclaves["lower"] == 0
    assert result.spaces["population"].tolist() == [2.0, 2.0]


def test_unassigned_blocks_reported_and_left_out():
    labels = np.array(["A", None, "A", np.nan, "B", "B"], dtype=object)
    values = np.array([[0.0], [100.0], [2.0], [-100.0], [4.0], [6.0]])
    result = evaluate_division(labels, np.ones(6) * 10, values, graph=Graph(6, [0, 1, 4], [1, 2, 5]))
    assert result.unassigned.tolist() == [1, 3]
    assert result.summary["unassigned"] == 2
    assert result.summary["n_blocks"] == 4
    assert result.block_space.tolist() == [0, -1, 0, -1, 1, 1]
    assert result.spaces["population"].tolist() == [20.0, 20.0]
    # A = {0, 2} is linked only through the unassigned block 1: not contiguous
    assert result.spaces["n_parts"].tolist() == [2, 1]
    # TSS over the assigned blocks 0, 2, 4, 6 (mean 3): 9 + 1 + 1 + 9
    assert result.summary["tss"] == pytest.approx(20.0)
    assert result.summary["ssd"] == pytest.approx(4.0)


def test_missing_values_mark_left_out_blocks():
    # delineate numbers spaces 1..k and uses 0 for blocks it left out
    result = evaluate_division(np.array([0, 1, 1, 2]), np.ones(4), np.zeros((4, 1)), missing=(0,))
    assert result.spaces["space"].tolist() == [1, 2]
    assert result.unassigned.tolist() == [0]


def test_mixed_label_types_and_nan_in_values():
    result = evaluate_division([1, "x", 1, "x"], np.ones(4), np.array([[1.0], [np.nan], [3.0], [np.nan]]))
    assert sorted(map(str, result.spaces["space"])) == ["1", "x"]
    assert result.summary["tss"] == pytest.approx(1.0 + 1.0 + 4.0 + 4.0 - 4 * 1.0)


def test_empty_division():
    result = evaluate_division([None, None], [1, 2], np.zeros((2, 1)), 700, 900, Graph(2, [0], [1]))
    assert result.summary["k"] == 0 and result.summary["unassigned"] == 2
    assert len(result.spaces) == 0


def test_scores_a_100k_block_division_exactly():
    """At 100k blocks the scores are still exact (speed is measured in bench/scoring_speed.py)."""
    rng = np.random.default_rng(1)
    rows = cols = 316
    graph = grid_graph(rows, cols)
    n = rows * cols
    labels = (np.arange(n) // cols // 8) * 100 + (np.arange(n) % cols) // 8
    population = rng.integers(0, 50, n)
    values = rng.normal(size=(n, 20))
    result = evaluate_division(labels, population, values, 700, 8500, graph,
                               barrier_pairs=(graph.left[:1000], graph.right[:1000]), nest=labels // 1000)
    assert result.summary["n_noncontiguous"] == 0
    assert result.summary["k"] == len(np.unique(labels))
    assert result.spaces["population"].sum() == population.sum()
    one = labels == labels[0]
    centred = values[one] - values[one].mean(axis=0)
    assert result.spaces["ssd"].iloc[0] == pytest.approx(float((centred**2).sum()), rel=1e-9)


@st.composite
def grid_divisions(draw):
    rows = draw(st.integers(1, 6))
    cols = draw(st.integers(1, 6))
    n = rows * cols
    labels = draw(st.lists(st.one_of(st.none(), st.integers(0, 4)), min_size=n, max_size=n))
    population = draw(st.lists(st.integers(0, 1000), min_size=n, max_size=n))
    m = draw(st.integers(1, 3))
    values = draw(st.lists(st.lists(st.floats(-100, 100), min_size=m, max_size=m), min_size=n, max_size=n))
    return rows, cols, labels, population, np.array(values, dtype=float)


@settings(max_examples=150, deadline=None)
@given(grid_divisions())
def test_property_sums_of_squares_parts_and_population(case):
    rows, cols, labels, population, values = case
    graph = grid_graph(rows, cols, diagonals=True)
    result = evaluate_division(labels, population, values, 500, 2000, graph)
    summary = result.summary
    assert summary["ssd"] + summary["between_ss"] == pytest.approx(summary["tss"], rel=1e-9, abs=1e-6)
    assert 0.0 <= summary["ssd"] <= summary["tss"] + 1e-6
    assigned = [i for i, lab in enumerate(labels) if lab is not None]
    assert result.spaces["population"].sum() == pytest.approx(sum(population[i] for i in assigned))
    assert result.spaces["n_blocks"].sum() == len(assigned)
    assert summary["unassigned"] == len(labels) - len(assigned)
    assert (result.spaces["n_parts"] >= 1).all()
    assert (result.spaces["n_parts"] <= result.spaces["n_blocks"]).all()
    # n_parts agrees with a direct connectivity check
    from sozialraum.engine.spatial.graph import is_connected

    for row in result.spaces.itertuples():
        members = [i for i in assigned if labels[i] == row.space]
        assert is_connected(graph, members) == row.contiguous
    # per-space SSD matches the direct computation
    for row in result.spaces.itertuples():
        members = [i for i in assigned if labels[i] == row.space]
        x = values[members]
        assert row.ssd == pytest.approx(((x - x.mean(axis=0)) ** 2).sum(), rel=1e-9, abs=1e-6)


def test_convex_hull_ratio_and_smallest_polsby_popper():
    # 2x2 blocks closed into a square: ratio 1; three of them (an L): area / hull area < 1
    blocks = grid_blocks(2, 2)
    result = evaluate_division(["sq", "sq", "sq", "sq"], np.ones(4), np.zeros((4, 1)), geometries=blocks)
    assert result.spaces["convex_hull_ratio"].iloc[0] == pytest.approx(1.0)
    result = evaluate_division(["L", "L", "L", "o"], np.ones(4), np.zeros((4, 1)), geometries=blocks)
    ratio = dict(zip(result.spaces["space"], result.spaces["convex_hull_ratio"]))
    side = 212.0  # 2 * 100 + 12
    notch = side - 100  # the closed L: the square without the fourth block and its streets
    assert ratio["L"] == pytest.approx((side**2 - notch**2) / (side**2 - 0.5 * notch**2), rel=1e-6)
    assert ratio["o"] == pytest.approx(1.0)
    pp = result.spaces["polsby_popper"]
    assert result.summary["min_polsby_popper"] == pytest.approx(pp.min())
    assert result.summary["mean_convex_hull_ratio"] == pytest.approx(result.spaces["convex_hull_ratio"].mean())
    # no geometries: NaN
    result = evaluate_division(["a"] * 4, np.ones(4), np.zeros((4, 1)))
    assert np.isnan(result.spaces["convex_hull_ratio"].iloc[0]) and np.isnan(result.spaces["n_enclaves"].iloc[0])
    assert np.isnan(result.summary["min_polsby_popper"]) and np.isnan(result.summary["n_enclaves"])


def test_enclaves_are_holes_holding_blocks_of_another_space():
    blocks = grid_blocks(3, 3)
    ring = ["ring"] * 9
    inside = list(ring)
    inside[4] = "centre"
    result = evaluate_division(inside, np.ones(9), np.zeros((9, 1)), geometries=blocks)
    enclaves = dict(zip(result.spaces["space"], result.spaces["n_enclaves"]))
    assert enclaves == {"centre": 0, "ring": 1}
    assert result.summary["n_enclaves"] == 1
    # a hole with no block of another space in it (a park, or a block without a space) is none
    empty = list(ring)
    empty[4] = None
    result = evaluate_division(empty, np.ones(9), np.zeros((9, 1)), geometries=blocks)
    assert result.spaces["n_enclaves"].tolist() == [0]
    # two spaces side by side: no holes
    result = evaluate_division(["a", "a", "b"] * 3, np.ones(9), np.zeros((9, 1)), geometries=blocks)
    assert result.summary["n_enclaves"] == 0
