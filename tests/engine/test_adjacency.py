"""Block adjacency on small hand-made layouts whose neighbours are known."""
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from shapely.geometry import LineString, Polygon, box

from sozialraum.engine.errors import Cancelled, DuplicateIdError, ParameterError
from sozialraum.engine.spatial.adjacency import ROOK, build_adjacency, check_unique_ids


def street_grid(rows, cols, size=100.0, street=12.0):
    """Square net blocks of ``size`` metres separated by streets ``street`` metres wide."""
    blocks = []
    for r in range(rows):
        for c in range(cols):
            x, y = c * (size + street), r * (size + street)
            blocks.append(box(x, y, x + size, y + size))
    return blocks


def pairs(graph):
    return set(zip(graph.left.tolist(), graph.right.tolist()))


def test_blocks_across_a_street_are_neighbours_queen_includes_diagonals():
    graph = build_adjacency(street_grid(2, 2), gap_distance=30)
    # 0 1 / 2 3: four street neighbours plus two diagonals across the crossing (17 m apart)
    assert pairs(graph) == {(0, 1), (0, 2), (1, 3), (2, 3), (0, 3), (1, 2)}
    assert np.allclose(graph.gap[np.argsort(graph.left * 10 + graph.right)][:2], 12.0)
    assert graph.degree.tolist() == [3, 3, 3, 3]


def test_rook_drops_corner_contacts_and_measures_frontage():
    graph = build_adjacency(street_grid(2, 2), gap_distance=30, contiguity=ROOK)
    assert pairs(graph) == {(0, 1), (0, 2), (1, 3), (2, 3)}
    # the facing length across the street is the 100 m frontage (within buffer arc error)
    assert np.allclose(graph.shared_length, 100.0, atol=3.0)


def test_gap_distance_smaller_than_street_gives_no_neighbours():
    graph = build_adjacency(street_grid(2, 2, street=40.0), gap_distance=30)
    assert graph.n_edges == 0
    assert graph.island.sum() == 3  # all but the main component
    assert len(graph.components) == 4


def test_touching_blocks_with_zero_gap_distance_share_their_boundary():
    blocks = [box(0, 0, 10, 10), box(10, 0, 20, 10), box(20, 10, 30, 20), box(50, 50, 60, 60)]
    queen = build_adjacency(blocks, gap_distance=0)
    rook = build_adjacency(blocks, gap_distance=0, contiguity=ROOK)
    assert pairs(queen) == {(0, 1), (1, 2)}  # 1 and 2 meet at a corner
    assert pairs(rook) == {(0, 1)}
    assert rook.shared_length.tolist() == pytest.approx([10.0])
    assert queen.gap.tolist() == [0.0, 0.0]


def test_barrier_in_a_street_cuts_links_across_it_but_not_along_it():
    blocks = street_grid(2, 3)  # rows at y 0..100 and 112..212
    railway = LineString([(-50, 106), (400, 106)])  # runs in the street between the rows
    graph = build_adjacency(blocks, gap_distance=30, barriers=[railway])
    assert pairs(graph) == {(0, 1), (1, 2), (3, 4), (4, 5)}
    assert graph.cut_by_barrier == 3 + 4  # straight across and diagonal links
    assert set(zip(*(side.tolist() for side in graph.barrier_pairs))) == {(0, 3), (1, 4), (2, 5), (0, 4), (1, 3), (1, 5), (2, 4)}
    assert graph.component.tolist() == [0, 0, 0, 1, 1, 1]
    assert graph.island.tolist() == [False, False, False, True, True, True]


def test_barrier_ending_before_a_street_leaves_the_link_around_its_end():
    blocks = street_grid(2, 3)
    short_barrier = LineString([(-50, 106), (150, 106)])  # ends in the middle column's street
    graph = build_adjacency(blocks, gap_distance=30, barriers=[short_barrier])
    assert (2, 5) in pairs(graph)
    assert (0, 3) not in pairs(graph)
    assert len(graph.components) == 1


def test_barrier_along_the_shared_boundary_of_touching_blocks():
    blocks = [box(0, 0, 10, 10), box(10, 0, 20, 10)]
    river = LineString([(10, -5), (10, 15)])
    graph = build_adjacency(blocks, gap_distance=0, barriers=[river])
    assert graph.n_edges == 0 and graph.cut_by_barrier == 1


def test_nesting_field_separates_units_and_islands_are_per_unit():
    blocks = street_grid(1, 4)
    graph = build_adjacency(blocks, gap_distance=30, nest=["A", "A", "B", "B"], population=[10, 10, 5, 5])
    assert pairs(graph) == {(0, 1), (2, 3)}
    assert graph.cut_by_nesting == 1
    assert not graph.island.any()  # each unit has one component: no islands


def test_island_is_the_less_populated_component_and_reports_population():
    blocks = street_grid(1, 3) + [box(1000, 0, 1100, 100)]
    graph = build_adjacency(blocks, gap_distance=30, population=[100, 200, 300, 40])
    assert graph.island.tolist() == [False, False, False, True]
    (island,) = graph.islands
    assert island.blocks.tolist() == [3] and island.population == 40


def test_parts_cut_off_by_barriers_are_islands_only_when_too_small():
    blocks = street_grid(2, 3)
    river = LineString([(-50, 106), (400, 106)])
    population = [900, 900, 900, 500, 500, 20]
    graph = build_adjacency(blocks, gap_distance=30, barriers=[river], population=population, island_population=700)
    assert not graph.island.any()  # the south bank has 1,020 residents: a part, not an island
    graph = build_adjacency(blocks, gap_distance=30, barriers=[river], population=population, island_population=2000)
    assert graph.island.tolist() == [False] * 3 + [True] * 3
    assert [c.is_main for c in graph.components] == [True, False]


def test_missing_empty_and_invalid_geometries():
    bowtie = Polygon([(0, 0), (10, 10), (10, 0), (0, 10)])  # self-intersecting
    blocks = [box(-30, 0, -20, 10), None, Polygon(), bowtie, LineString([(0, 0), (1, 1)])]
    graph = build_adjacency(blocks, gap_distance=30)
    assert graph.skipped == [1, 2, 4]
    assert graph.repaired == [3]
    assert pairs(graph) == {(0, 3)}
    assert graph.component[1] == -1 and graph.degree[1] == 0


def test_duplicate_ids_are_named():
    check_unique_ids([1, 2, 3])
    with pytest.raises(DuplicateIdError) as error:
        check_unique_ids([1, 2, 2, 3, 3, 3])
    assert error.value.details["duplicates"] == [2, 3]
    assert "2, 3" in str(error.value)


def test_bad_parameters_are_refused():
    with pytest.raises(ParameterError):
        build_adjacency(street_grid(1, 2), gap_distance=-1)
    with pytest.raises(ParameterError):
        build_adjacency(street_grid(1, 2), nest=["A"])


def test_progress_and_cancellation():
    seen = []
    build_adjacency(street_grid(2, 2), progress=lambda fraction, stage: seen.append((fraction, stage)))
    fractions = [fraction for fraction, _ in seen]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    calls = iter([False, False, True])
    with pytest.raises(Cancelled):
        build_adjacency(street_grid(2, 2), is_cancelled=lambda: next(calls))


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.tuples(st.floats(0, 500), st.floats(0, 500), st.floats(5, 60), st.floats(5, 60)),
        min_size=2,
        max_size=25,
    ),
    st.floats(0, 40),
)
def test_neighbours_are_exactly_the_pairs_within_the_gap_distance(rects, gap_distance):
    blocks = [box(x, y, x + w, y + h) for x, y, w, h in rects]
    graph = build_adjacency(blocks, gap_distance=gap_distance)
    expected = {
        (i, j)
        for i in range(len(blocks))
        for j in range(i + 1, len(blocks))
        if blocks[i].distance(blocks[j]) <= max(gap_distance, 0.01)
    }
    assert pairs(graph) == expected
    assert graph.degree.sum() == 2 * graph.n_edges
    # components partition the blocks and edges never join two components
    assert (graph.component[graph.left] == graph.component[graph.right]).all()
    assert sorted(np.concatenate([c.blocks for c in graph.components]).tolist()) == list(range(len(blocks)))
