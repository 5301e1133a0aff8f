"""The isoperimetric shape term Σ perimeter / √area (engine/delineation/shapeterm.py)."""
import numpy as np
import pytest
from shapely.geometry import box
from shapely.ops import unary_union

from sozialraum.engine.delineation.delineate import delineate
from sozialraum.engine.delineation.localsearch import RegionState, improve, stays_connected
from sozialraum.engine.delineation.shapeterm import ShapeTerm
from sozialraum.engine.errors import ParameterError
from sozialraum.engine.problem import Settings
from sozialraum.engine.spatial.graph import Graph, is_connected

from .grids import grid_graph


def unit_grid(rows, cols):
    """Rook grid of unit squares with link lengths 1; the squares; block r * cols + c."""
    plain = grid_graph(rows, cols)
    graph = Graph(plain.n, plain.left, plain.right, np.ones(len(plain.left)))
    squares = [box(c, r, c + 1, r + 1) for r in range(rows) for c in range(cols)]
    return graph, squares


def comb(rows, cols):
    """Two spaces whose border is a comb: teeth of one space reach into the other every other column."""
    labels = np.zeros(rows * cols, dtype=np.int64)
    for r in range(rows):
        for c in range(cols):
            upper_half = r >= rows // 2
            tooth = c % 2 == 0 and r >= 1 and r < rows - 1
            labels[r * cols + c] = 1 if (upper_half != tooth) else 0
    return labels


def shape_cost_by_geometry(labels, squares):
    total = 0.0
    for region in np.unique(labels):
        outline = unary_union([squares[i] for i in np.flatnonzero(labels == region)])
        total += outline.length / outline.area**0.5
    return total


def test_the_shape_term_measures_each_space_by_its_outline():
    graph, squares = unit_grid(5, 6)
    labels = comb(5, 6)
    labels[[0, 7]] = 2  # a third, small space
    term = ShapeTerm(graph, [s.area for s in squares], [s.length for s in squares], 1.0, 1.0, 1)
    perimeter, area = term.region_figures(labels, 3)
    for region in range(3):
        outline = unary_union([squares[i] for i in np.flatnonzero(labels == region)])
        assert perimeter[region] == pytest.approx(outline.length)
        assert area[region] == pytest.approx(outline.area)
    assert term.cost(labels) == pytest.approx(term.scale * shape_cost_by_geometry(labels, squares))


def test_the_local_search_ends_where_no_single_move_shortens_the_outlines():
    """Shape only (all blocks alike): every move the search makes must lower the true Σ P / √A, and
    at its end no admissible single move lowers it any more (a wrong move change fails one or
    the other)."""
    rows, cols = 6, 8
    graph, squares = unit_grid(rows, cols)
    labels = comb(rows, cols)
    values = np.zeros((graph.n, 1))
    population = np.ones(graph.n)
    term = ShapeTerm(graph, [s.area for s in squares], [s.length for s in squares], 1.0, 1.0, 2)
    state = RegionState(labels, values, np.zeros(graph.n), population, 2)
    before = term.cost(state.labels)
    moves = improve(state, graph, 10, 38, np.random.default_rng(0), shape=term, ssd_scale=1.0)
    after = term.cost(state.labels)
    assert moves > 0 and after < before - 0.1
    assert after == pytest.approx(term.scale * shape_cost_by_geometry(state.labels, squares))
    lists = graph.neighbour_lists()
    final = state.labels.copy()
    for node in range(graph.n):
        source = int(final[node])
        for target in {int(final[j]) for j in lists[node]} - {source}:
            if np.count_nonzero(final == source) <= 10 or np.count_nonzero(final == target) >= 38:
                continue
            if not stays_connected(node, source, final.tolist(), lists):
                continue
            moved = final.copy()
            moved[node] = target
            assert term.cost(moved) >= after - 1e-9, f"moving block {node} to {target} would shorten the outlines"
    for region in (0, 1):
        assert is_connected(graph, np.flatnonzero(state.labels == region))


def mean_polsby_popper(labels, squares):
    scores = []
    for region in np.unique(labels[labels > 0]):
        outline = unary_union([squares[i] for i in np.flatnonzero(labels == region)])
        scores.append(4 * np.pi * outline.area / outline.length**2)
    return float(np.mean(scores))


def test_a_shape_weight_makes_the_spaces_more_compact():
    rows = cols = 14
    graph, squares = unit_grid(rows, cols)
    rng = np.random.default_rng(3)
    r, c = np.divmod(np.arange(graph.n), cols)
    values = np.column_stack([c / cols + 0.3 * rng.normal(size=graph.n), r / rows + 0.3 * rng.normal(size=graph.n)])
    population = rng.integers(50, 150, graph.n).astype(float)
    common = dict(lower=1000, upper=2500, n_spaces=12, compactness=0.0, seed=0,
                  block_areas=[s.area for s in squares], block_perimeters=[s.length for s in squares])
    plain = delineate(graph, population, values, **common)
    shaped = delineate(graph, population, values, shape_weight=0.1, **common)
    for result in (plain, shaped):
        assert result.k == 12 and all(space.status == "ok" for space in result.spaces)
    assert mean_polsby_popper(shaped.labels, squares) > mean_polsby_popper(plain.labels, squares) + 0.03
    assert shaped.ssd >= plain.ssd  # shape is bought with homogeneity, not for free


def test_a_shape_weight_needs_areas_and_perimeters_and_cannot_be_negative():
    graph, squares = unit_grid(4, 4)
    values = np.arange(16.0)[:, None]
    with pytest.raises(ParameterError, match="SHAPE_WEIGHT"):
        delineate(graph, np.full(16, 100.0), values, lower=300, upper=900, n_spaces=3, shape_weight=0.1)
    with pytest.raises(ParameterError, match="SHAPE_WEIGHT"):
        Settings(shape_weight=-0.1)
    with pytest.raises(ParameterError, match="block_areas"):
        delineate(graph, np.full(16, 100.0), values, lower=300, upper=900, n_spaces=3, shape_weight=0.1,
                  block_areas=[1.0] * 15, block_perimeters=[4.0] * 16)
    with pytest.raises(ParameterError, match="block_perimeters"):  # only one of the two given: named
        delineate(graph, np.full(16, 100.0), values, lower=300, upper=900, n_spaces=3, shape_weight=0.1,
                  block_areas=[1.0] * 16)
    for weight in ("0.05", None, float("inf"), float("nan"), True):
        with pytest.raises(ParameterError, match="SHAPE_WEIGHT"):
            Settings(shape_weight=weight)


@pytest.mark.parametrize("areas", [
    [float("nan")] + [1.0] * 15,  # a missing geometry
    [float("inf")] + [1.0] * 15,
    [0.0] * 16,  # empty geometries: P / √A would be infinite
    ["1,5"] * 16,  # text in German notation
    np.ones((16, 1)),  # a column, not one value per block
])
def test_messy_block_areas_are_refused_naming_the_parameter(areas):
    graph, squares = unit_grid(4, 4)
    with pytest.raises(ParameterError, match="block_areas"):
        delineate(graph, np.full(16, 100.0), np.arange(16.0)[:, None], lower=300, upper=900, n_spaces=3, shape_weight=0.1,
                  block_areas=areas, block_perimeters=[4.0] * 16)


def test_blocks_left_out_need_no_area_and_the_callers_arrays_stay_as_they_are():
    graph, squares = unit_grid(4, 4)
    areas = np.array([np.nan] + [1.0] * 15)  # block 0 has no geometry and is not divided
    perimeters = np.full(16, 4.0)
    kept = areas.copy(), perimeters.copy()
    active = np.arange(16) > 0
    result = delineate(graph, np.full(16, 100.0), np.arange(16.0)[:, None], lower=300, upper=900, n_spaces=3,
                       shape_weight=0.1, block_areas=areas, block_perimeters=perimeters, active=active)
    assert result.labels[0] == 0 and (np.asarray(result.labels)[1:] > 0).all()
    np.testing.assert_array_equal(areas, kept[0])
    np.testing.assert_array_equal(perimeters, kept[1])
