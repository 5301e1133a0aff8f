"""Areal interpolation: equals aggregate on block-following spaces, conserves totals, reports."""
import numpy as np
import pandas as pd
import pytest
from shapely.geometry import Point, box
from shapely.ops import unary_union

from sozialraum.engine.errors import ParameterError
from sozialraum.engine.indicators.aggregate import aggregate
from sozialraum.engine.indicators.catalogue import default_catalogue
from sozialraum.engine.indicators.interpolate import interpolate
from sozialraum.engine.indicators.synthetic import grid_geometries, synthetic_blocks

X0, Y0 = 400000.0, 5700000.0


@pytest.fixture(scope="module")
def town():
    n = 400  # 20 x 20 blocks of 100 m
    blocks = synthetic_blocks(n, 5)
    geoms = grid_geometries(n)
    col, row = np.arange(n) % 20, np.arange(n) // 20
    blocks["space"] = np.array([f"S{c // 5}{r // 10}" for c, r in zip(col, row)], dtype=object)
    return blocks, geoms


def test_equals_aggregate_when_spaces_follow_blocks(town):
    blocks, geoms = town
    cat = default_catalogue()
    areas = np.array([g.area for g in geoms])
    agg = aggregate(blocks, cat, "space", areas=areas)
    ids = list(agg.values.index)
    labels = blocks["space"].to_numpy()
    spaces = [unary_union([geoms[i] for i in np.nonzero(labels == s)[0]]) for s in ids]
    result = interpolate(blocks, geoms, spaces, cat, space_ids=ids, space_field="space")
    pd.testing.assert_frame_equal(result.table.values, agg.values, rtol=1e-9)
    assert (result.split_share == 0).all()
    assert result.overlaps.empty and result.outside.empty and result.conserves_totals
    # weight points inside the blocks give the same
    pts = [g.centroid for g in geoms]
    by_points = interpolate(blocks, geoms, spaces, cat, space_ids=ids, method="points", points=pts)
    pd.testing.assert_frame_equal(by_points.table.values, agg.values, rtol=1e-9, check_names=False)


def drawn_spaces():
    # four freely drawn rectangles that cut blocks, covering the 2 km x 2 km grid exactly
    xs, ys = [X0, X0 + 730, X0 + 2000], [Y0, Y0 + 1234.5, Y0 + 2000]
    return [box(xs[i], ys[j], xs[i + 1], ys[j + 1]) for i in range(2) for j in range(2)]


@pytest.mark.parametrize("method", ["area", "points"])
def test_totals_conserved_and_rates_recomputed(town, method):
    blocks, geoms = town
    cat = default_catalogue()
    rng = np.random.default_rng(1)
    pts = [Point(X0 + x, Y0 + y) for x, y in rng.uniform(0, 2000, (3000, 2))]
    result = interpolate(blocks, geoms, drawn_spaces(), cat, method=method, points=pts,
                         point_weights=rng.integers(1, 5, len(pts)))
    values = result.table.values
    counts = [i.id for i in cat if i.kind == "count"]
    assert np.allclose(values[counts].sum().to_numpy(), result.table.total[counts].iloc[0].to_numpy())
    assert values["pop_total"].sum() == pytest.approx(blocks.pop_total.sum())
    num = result.table.numerators["share_u6"]
    den = result.table.denominators["share_u6"]
    assert np.allclose(values["share_u6"], 100 * num / den)
    assert np.allclose(values["share_u6"], 100 * values["pop_u6"] / values["pop_total"])
    assert (result.split_share > 0).all() and (result.split_share < 1).all()
    assert result.table.field_sums["area_m2"].sum() == pytest.approx(2000 * 2000)


def test_area_share_by_hand():
    blocks = pd.DataFrame({"pop_total": [100, 40], "pop_u6": [10, 0]})
    geoms = [box(0, 0, 100, 100), box(100, 0, 200, 100)]
    spaces = [box(0, 0, 25, 100), box(25, 0, 200, 100)]
    from sozialraum.engine.indicators.catalogue import parse_catalogue

    cat = parse_catalogue("id;label_en;label_de;kind;numerator;denominator\np;P;P;count;pop_total;\n"
                          "s;S;S;rate;pop_u6;pop_total\nd;D;D;density;pop_total;area_m2\n")
    result = interpolate(blocks, geoms, spaces, cat)
    assert result.table.values["p"].tolist() == pytest.approx([25.0, 115.0])
    assert result.table.values["s"].tolist() == pytest.approx([10.0, 7.5 / 115 * 100])
    assert result.table.values["d"].tolist() == pytest.approx([25 / 2500 * 1e6, 115 / 17500 * 1e6])
    assert result.split_population.tolist() == pytest.approx([25.0, 75.0])
    assert result.split_share.tolist() == pytest.approx([1.0, 75 / 115])


def test_overlaps_and_blocks_outside_are_reported(town):
    blocks, geoms = town
    spaces = [box(X0, Y0, X0 + 1050, Y0 + 2000), box(X0 + 950, Y0, X0 + 1800, Y0 + 2000)]
    result = interpolate(blocks, geoms, spaces, default_catalogue(), space_ids=["W", "E"], id_field="block_id")
    assert result.overlaps[["space_a", "space_b"]].values.tolist() == [["W", "E"]]
    assert result.overlaps.area_m2.iloc[0] == pytest.approx(100 * 2000)
    outside = result.outside
    assert set(outside.block) == set(blocks.block_id[np.arange(400) % 20 >= 18])
    assert outside.population_outside.sum() == pytest.approx(blocks.pop_total[np.arange(400) % 20 >= 18].sum())
    assert not result.conserves_totals


def test_points_method_splits_by_points_and_falls_back_to_area():
    blocks = pd.DataFrame({"pop_total": [90, 60]})
    geoms = [box(0, 0, 100, 100), box(100, 0, 200, 100)]
    spaces = [box(0, 0, 50, 100), box(50, 0, 200, 100)]
    pts = [Point(10, 10), Point(20, 20), Point(80, 80)]  # 2 of 3 points of block 0 left of x=50
    from sozialraum.engine.indicators.catalogue import parse_catalogue

    cat = parse_catalogue("id,label_en,label_de,kind,numerator\np,P,P,count,pop_total\n")
    result = interpolate(blocks, geoms, spaces, cat, method="points", points=pts, point_weights=[1, 1, 2])
    assert result.table.values["p"].tolist() == pytest.approx([45.0, 45.0 + 60.0])
    assert result.fallback_blocks == [1]
    with pytest.raises(ParameterError):
        interpolate(blocks, geoms, spaces, cat, method="points")
    with pytest.raises(ParameterError):
        interpolate(blocks, geoms, spaces, cat, method="kriging")


def test_points_in_overlapping_spaces_count_in_both_and_on_a_shared_edge_once():
    """A weight point where two drawn spaces overlap belongs to both, as the overlap's area does
    with the area method (an outside check: the first space took it, -29 % for the other); a
    point on the edge of two spaces drawn edge to edge counts once."""
    from sozialraum.engine.indicators.catalogue import parse_catalogue

    cat = parse_catalogue("id,label_en,label_de,kind,numerator\np,P,P,count,pop_total\n")
    blocks = pd.DataFrame({"pop_total": [100.0]})
    geoms = [box(0, 0, 100, 100)]
    overlapping = [box(0, 0, 60, 100), box(40, 0, 100, 100)]
    points = [Point(10, 50), Point(50, 50), Point(90, 50), Point(95, 50)]  # one in the overlap
    by_points = interpolate(blocks, geoms, overlapping, cat, method="points", points=points)
    assert by_points.table.values["p"].tolist() == pytest.approx([50.0, 75.0])
    by_area = interpolate(blocks, geoms, overlapping, cat, method="area")
    assert by_area.table.values["p"].tolist() == pytest.approx([60.0, 60.0])
    edge_to_edge = [box(0, 0, 50, 100), box(50, 0, 100, 100)]
    on_edge = interpolate(blocks, geoms, edge_to_edge, cat, method="points", points=[Point(50, 50), Point(10, 10)])
    assert sum(on_edge.table.values["p"]) == pytest.approx(100.0)
