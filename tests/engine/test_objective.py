"""The objective (within-space sum of squares, weighted or not, and border length), tested once."""
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sozialraum.engine.delineation.localsearch import RegionState, improve
from sozialraum.engine.delineation.recombine import _border_change
from sozialraum.engine.objective import (
    block_weights,
    border_length,
    border_weight,
    division_ssd,
    group_ssd,
    ssd_of_sums,
    ssd_per_space,
    total_link_length,
    total_ss,
)
from sozialraum.engine.spatial.graph import Graph, is_connected

from .grids import grid_graph


def test_known_values():
    x = np.array([[0.0, 0.0], [2.0, 0.0], [4.0, 3.0]])
    # mean (2, 1): squared distances 4+1, 0+1, 4+4
    assert group_ssd(x) == pytest.approx(14.0)
    assert ssd_of_sums(3, x.sum(axis=0), (x**2).sum()) == pytest.approx(14.0)
    assert group_ssd(x[:0]) == 0.0 and ssd_of_sums(0, np.zeros(2), 0.0) == 0.0
    assert total_ss(x) == pytest.approx(14.0)


@settings(max_examples=100, deadline=None)
@given(st.integers(1, 40), st.integers(1, 4), st.integers(1, 6), st.integers(0, 10_000))
def test_both_forms_and_all_entry_points_agree(n, m, k, seed):
    rng = np.random.default_rng(seed)
    values = rng.normal(size=(n, m)) * rng.uniform(0.1, 10)
    codes = rng.integers(-1, k, n)  # -1: in no space
    per_space = ssd_per_space(codes, values, k)
    count = np.bincount(codes[codes >= 0], minlength=k)
    sums = np.zeros((k, m))
    squares = np.zeros(k)
    for i, c in enumerate(codes):
        if c >= 0:
            sums[c] += values[i]
            squares[c] += values[i].dot(values[i])
    from_sums = ssd_of_sums(count, sums, squares)
    for space in range(k):
        direct = group_ssd(values[codes == space])
        assert per_space[space] == pytest.approx(direct, rel=1e-9, abs=1e-9)
        assert from_sums[space] == pytest.approx(direct, rel=1e-7, abs=1e-7)
        assert ssd_of_sums(count[space], sums[space], squares[space]) == pytest.approx(direct, rel=1e-7, abs=1e-7)
    assert division_ssd(codes, values) == pytest.approx(per_space.sum(), rel=1e-9, abs=1e-9)
    # within plus between is the total (Huygens)
    inside = codes >= 0
    if inside.any():
        x, c = values[inside], codes[inside]
        means = np.array([x[c == s].mean(axis=0) if (c == s).any() else np.zeros(m) for s in range(k)])
        between = sum((c == s).sum() * ((means[s] - x.mean(axis=0)) ** 2).sum() for s in range(k))
        assert per_space.sum() + between == pytest.approx(total_ss(x), rel=1e-9, abs=1e-9)


def test_weighted_known_values_and_weights_of_one_are_the_unweighted_ssd():
    x = np.array([[0.0], [2.0], [10.0]])
    w = np.array([1.0, 3.0, 0.0])
    # weighted mean 1.5 (the third row weighs nothing): 1 * 1.5² + 3 * 0.5² = 3
    assert group_ssd(x, w) == pytest.approx(3.0)
    assert ssd_of_sums(w.sum(), w @ x, w @ (x**2).sum(axis=1)) == pytest.approx(3.0)
    assert group_ssd(x, np.ones(3)) == pytest.approx(group_ssd(x))
    assert group_ssd(x, np.zeros(3)) == 0.0 and ssd_of_sums(0.0, np.zeros(1), 0.0) == 0.0  # no residents: SSD 0
    assert ssd_of_sums(np.array([0.0, 4.0]), np.array([[0.0], [4.0]]), np.array([0.0, 6.0])).tolist() == [0.0, 2.0]


def test_block_weights_have_mean_one_and_fall_back_to_ones():
    assert block_weights([0.0, 100.0, 300.0]).tolist() == pytest.approx([0.0, 0.75, 2.25])
    assert block_weights([0.0, 100.0, 300.0], active=[False, True, True]).tolist() == pytest.approx([0.0, 0.5, 1.5])
    assert block_weights([0.0, 0.0]).tolist() == [1.0, 1.0]
    assert block_weights([np.nan, 2.0]).tolist() == [0.0, 2.0]


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 30), st.integers(1, 3), st.integers(1, 5), st.integers(0, 10_000))
def test_weighted_forms_agree(n, m, k, seed):
    rng = np.random.default_rng(seed)
    values = rng.normal(size=(n, m))
    weights = rng.uniform(0, 3, n) * (rng.random(n) > 0.3)  # about a third without residents
    codes = rng.integers(-1, k, n)
    per_space = ssd_per_space(codes, values, k, weights=weights)
    for space in range(k):
        inside = codes == space
        direct = group_ssd(values[inside], weights[inside])
        w = weights[inside]
        sums = (w[:, None] * values[inside]).sum(axis=0)
        squares = (w * (values[inside] ** 2).sum(axis=1)).sum()
        assert per_space[space] == pytest.approx(direct, rel=1e-9, abs=1e-9)
        assert ssd_of_sums(w.sum(), sums, squares) == pytest.approx(direct, rel=1e-7, abs=1e-7)
    assert division_ssd(codes, values, weights) == pytest.approx(per_space.sum(), rel=1e-9, abs=1e-9)
    assert total_ss(values, weights) == pytest.approx(group_ssd(values, weights))


def _path_with_empty_block():
    """Blocks 0-1-2-3-4 in a row; block 2 has no residents and an odd attribute value."""
    graph = Graph(5, [0, 1, 2, 3], [1, 2, 3, 4], [1.0, 1.0, 3.0, 1.0])
    values = np.array([[0.0], [0.2], [9.0], [1.0], [1.2]])
    population = np.array([100.0, 100.0, 0.0, 100.0, 100.0])
    return graph, values, population


def test_an_empty_block_does_not_change_the_weighted_ssd_wherever_it_goes():
    graph, values, population = _path_with_empty_block()
    weights = block_weights(population)
    left = np.array([0, 0, 0, 1, 1])
    right = np.array([0, 0, 1, 1, 1])
    assert division_ssd(left, values, weights) == pytest.approx(division_ssd(right, values, weights))
    assert division_ssd(left, values) != pytest.approx(division_ssd(right, values))  # unweighted it matters
    # the running sums agree, and moving the block changes the SSD by nothing
    state = RegionState(left, values, (values**2).sum(axis=1), population, 2, weights=weights)
    before = state.total_ssd()
    state.move(2, 1)
    assert state.total_ssd() == pytest.approx(before) == pytest.approx(division_ssd(right, values, weights))
    assert state.count.tolist() == [2.0, 3.0] and state.weight.tolist() == pytest.approx([2.5, 2.5])  # blocks, residents


def test_the_local_search_moves_an_empty_block_only_for_a_shorter_border():
    graph, values, population = _path_with_empty_block()
    weights = block_weights(population)
    sqnorm = (values**2).sum(axis=1)
    labels = np.array([0, 0, 0, 1, 1])  # the empty block's long side (3.0) faces space 1
    # without a shape term there is nothing to gain: it stays
    state = RegionState(labels, values, sqnorm, population, 2, weights=weights)
    assert improve(state, graph, 0, 1000, np.random.default_rng(0), ssd_scale=total_ss(values, weights)) == 0
    # with one, it joins the space it shares the longer border with; the SSD is unchanged
    state = RegionState(labels, values, sqnorm, population, 2, weights=weights)
    before = state.total_ssd()
    improve(state, graph, 0, 1000, np.random.default_rng(0), compactness=0.5, ssd_scale=total_ss(values, weights),
            length_scale=total_link_length(graph))
    assert state.labels.tolist() == [0, 0, 1, 1, 1]
    assert state.total_ssd() == pytest.approx(before)


def test_a_space_of_empty_blocks_only_is_handled():
    graph = grid_graph(3, 3)
    values = np.arange(9.0)[:, None]
    population = np.array([0.0, 0.0, 0.0, 100.0, 100.0, 100.0, 100.0, 100.0, 100.0])
    weights = block_weights(population)
    labels = np.array([0, 0, 0, 1, 1, 1, 1, 1, 1])  # space 0 has no residents: weight 0
    state = RegionState(labels, values, (values**2).sum(axis=1), population, 2, weights=weights)
    assert state.ssd(0) == 0.0 and state.weight[0] == 0.0
    assert ssd_per_space(labels, values, 2, weights=weights)[0] == 0.0
    # the search may fill it (lower bound 100) but never divides by its zero weight or breaks it apart
    improve(state, graph, 100, 1000, np.random.default_rng(1), compactness=0.1, ssd_scale=total_ss(values, weights),
            length_scale=total_link_length(graph))
    for region in (0, 1):
        members = np.flatnonzero(state.labels == region)
        assert len(members) and is_connected(graph, members)
    assert population[state.labels == 0].sum() >= 100
    assert state.total_ssd() == pytest.approx(division_ssd(state.labels, values, weights), abs=1e-9)


def test_border_length_and_weight():
    graph = Graph(4, [0, 1, 2], [1, 2, 3], [2.0, 3.0, 5.0])
    assert border_length(np.array([0, 0, 1, 1]), graph) == 3.0
    assert border_length(np.array([0, 1, 0, 1]), graph) == 10.0
    assert total_link_length(graph) == 10.0
    assert border_weight(0.5, 4.0, graph) == pytest.approx(0.2)  # compactness * TSS / all links


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 10_000), st.integers(1, 25))
def test_border_change_of_a_journal_is_the_difference_of_border_lengths(seed, n_moves):
    rng = np.random.default_rng(seed)
    graph = grid_graph(5, 5, diagonals=True)
    graph = Graph(25, graph.left, graph.right, rng.uniform(0, 3, len(graph.left)))
    labels = rng.integers(0, 3, 25)
    before = border_length(labels, graph)
    current, journal = labels.tolist(), []
    for node in rng.integers(0, 25, n_moves).tolist():
        journal.append((node, current[node]))
        current[node] = int(rng.integers(0, 3))
    change = _border_change(journal, current, graph.neighbour_lists(), graph.length_lists())
    assert change == pytest.approx(border_length(np.array(current), graph) - before, abs=1e-9)


def test_evaluate_reports_the_unweighted_and_the_weighted_ssd_share():
    from sozialraum.engine.scoring import evaluate_division

    values = np.array([[0.0], [1.0], [5.0], [6.0], [9.0]])
    population = np.array([10.0, 30.0, 0.0, 20.0, 20.0])
    labels = [1, 1, 2, 2, 2]
    summary = evaluate_division(labels, population, values).summary
    assert summary["ssd_share"] == pytest.approx(division_ssd(np.array(labels), values) / total_ss(values))
    weighted = division_ssd(np.array(labels), values, population) / total_ss(values, population)
    assert summary["ssd_share_weighted"] == pytest.approx(weighted)
    # the block without residents changes the unweighted share only
    moved = [1, 1, 1, 2, 2]
    again = evaluate_division(moved, population, values).summary
    assert again["ssd_share_weighted"] == pytest.approx(weighted)
    assert again["ssd_share"] != pytest.approx(summary["ssd_share"])


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 10_000))
def test_the_border_inside_a_recombined_group_is_what_border_length_counts(seed):
    from sozialraum.engine.delineation.recombine import _inner_border

    rng = np.random.default_rng(seed)
    grid = grid_graph(6, 6, diagonals=True)
    graph = Graph(36, grid.left, grid.right, rng.uniform(0, 5, len(grid.left)))
    nodes = np.unique(rng.integers(0, 36, int(rng.integers(1, 30))))
    before = rng.integers(0, 3, 36)
    after = np.full(36, -1)
    after[nodes] = rng.integers(0, 3, len(nodes))

    def inner(labels):  # borders among the group: all borders minus those with the group as one space
        outside = np.arange(100, 136)
        split, whole = outside.copy(), outside.copy()
        split[nodes], whole[nodes] = labels[nodes], -1
        return border_length(split, graph) - border_length(whole, graph)

    assert _inner_border(graph, nodes, before, after) == pytest.approx((inner(before), inner(after)), abs=1e-9)


def test_block_weights_mix_residents_and_inhabited_blocks_by_the_share():
    population = np.array([0.0, 100.0, 300.0, np.nan])  # NaN counts as 0; mean of the four: 100
    np.testing.assert_allclose(block_weights(population), [0.0, 1.0, 3.0, 0.0])
    np.testing.assert_allclose(block_weights(population, share=0.0), [0.0, 1.0, 1.0, 0.0])
    np.testing.assert_allclose(block_weights(population, share=0.25), [0.0, 1.0, 1.5, 0.0])
    # the mean is taken over the active blocks only (0, 100, 300: 133.3)
    active = np.array([True, True, True, False])
    np.testing.assert_allclose(block_weights(population, active, share=0.5), [0.0, 0.875, 1.625, 0.0])
    # a block without residents weighs nothing at any share: its rates are imputed, not measured
    assert all(block_weights(population, share=share)[0] == 0.0 for share in (0.0, 0.3, 1.0))
    np.testing.assert_allclose(block_weights(np.zeros(3), share=0.5), np.ones(3))  # no residents at all
