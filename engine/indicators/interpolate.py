"""Areal interpolation: block counts to freely drawn spaces that do not follow blocks.

Each block's counts are split among the spaces it overlaps, by

* ``method="area"``: the share of the block's area inside each space, or
* ``method="points"``: the share of the block's weight points (address or building points,
  each with an optional weight such as dwellings or floor area) inside each space
  (dasymetric). A block without points (or with zero point weight) falls back to its area
  share and is listed in ``fallback_blocks``.

Area fields (the denominators of densities) are always split by area. Then every indicator
is recomputed from the apportioned counts (sum, then divide), exactly as in
:func:`aggregate`, which this equals when the spaces follow block boundaries. Totals are
conserved when the spaces do not overlap and cover every block; overlapping pairs and
blocks (partly) outside every space are reported with their population.

A block's own number cannot say how its residents are spread inside it; that needs finer
data (the points). So a block field such as residential floor area is used as a point weight
(e.g. building points weighted by their floor area), not as a block weight.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from scipy import sparse

from ..errors import ParameterError
from ..spatial.geometry import clean_polygons, containing_pairs, first_containing, overlay_areas, polygon_areas
from .aggregate import IndicatorTable, build_table, prepare_blocks
from .catalogue import AREA_FIELD, Catalogue

METHODS = ("area", "points")


@dataclass
class InterpolationResult:
    """``table``: the indicators per drawn space (``total`` = the true total of all blocks).

    ``shares``: long table (block, space, share) of how each block was split;
    ``split_population`` / ``split_share``: per space, the population (and its share of the
    space's population) that came from blocks split between spaces or partly outside;
    ``overlaps``: pairs of drawn spaces that overlap (space_a, space_b, area_m2);
    ``outside``: blocks not (fully) inside any space (block, share_outside, population_outside);
    ``fallback_blocks``: blocks split by area because they had no weight points;
    ``points_outside_blocks``: number of weight points in no block.
    """

    table: IndicatorTable
    shares: pd.DataFrame
    split_population: pd.Series
    split_share: pd.Series
    overlaps: pd.DataFrame
    outside: pd.DataFrame
    outside_population: float
    fallback_blocks: list = field(default_factory=list)
    points_outside_blocks: int = 0
    invalid_blocks: list = field(default_factory=list)
    repaired_spaces: list = field(default_factory=list)  # ids of invalid drawn spaces that were repaired
    repaired_blocks: list = field(default_factory=list)  # ids of invalid block polygons that were repaired

    @property
    def conserves_totals(self):
        return self.overlaps.empty and self.outside.empty


def _share_matrix(block_idx, space_idx, weights, block_totals, n_blocks, n_spaces, tolerance):
    """Shares s_ij = weight_ij / total_i, snapped: tiny shares dropped, near-1 block sums made exact."""
    with np.errstate(divide="ignore", invalid="ignore"):
        share = np.where(block_totals[block_idx] > 0, weights / block_totals[block_idx], 0.0)
    keep = share > tolerance
    block_idx, space_idx, share = block_idx[keep], space_idx[keep], share[keep]
    per_block = np.bincount(block_idx, weights=share, minlength=n_blocks)
    close = np.abs(per_block - 1.0) < tolerance
    share = np.where(close[block_idx], share / np.where(per_block[block_idx] > 0, per_block[block_idx], 1.0), share)
    return block_idx, space_idx, share


def interpolate(blocks, block_geometries, spaces, catalogue: Catalogue, *, space_ids=None, space_field="space",
                id_field=None, method="area", points=None, point_weights=None, population_field="pop_total",
                tolerance=1e-6, null_as_zero=False):
    """Every catalogue indicator for drawn ``spaces`` (shapely polygons), apportioned from blocks.

    ``blocks``: DataFrame of block fields, one row per entry of ``block_geometries`` (same CRS
    as ``spaces``; the caller reprojects). ``area_m2`` is taken from the block geometry when
    the table has no such column. ``points``: shapely points for ``method="points"``,
    ``point_weights``: one weight per point (default 1). ``tolerance``: relative share below
    which a sliver is ignored and within which a block counts as whole.
    """
    if method not in METHODS:
        raise ParameterError("method", method, f"must be one of {', '.join(METHODS)}")
    n = len(blocks)
    if len(block_geometries) != n:
        raise ParameterError("block_geometries", len(block_geometries), f"needs one geometry per block ({n})")
    if space_ids is None:
        space_ids = list(range(len(spaces)))
    if len(space_ids) != len(spaces):
        raise ParameterError("space_ids", len(space_ids), f"needs one id per space ({len(spaces)})")
    if len(set(space_ids)) != len(space_ids):
        from ..errors import DuplicateIdError

        seen, dup = set(), []
        for s in space_ids:
            if s in seen:
                dup.append(s)
            seen.add(s)
        raise DuplicateIdError(dup)
    block_geoms, skipped, repaired_blocks, not_polygonal = clean_polygons(block_geometries)
    space_geoms, _, repaired_spaces, _ = clean_polygons(spaces)
    block_area = polygon_areas(block_geoms)
    data = prepare_blocks(blocks, catalogue, id_field, areas=block_area)
    m = len(space_geoms)

    b_idx, s_idx, inter = overlay_areas(block_geoms, space_geoms)
    ab, asp, ashare = _share_matrix(b_idx, s_idx, inter, block_area, n, m, tolerance)
    area_shares = sparse.csr_matrix((ashare, (asp, ab)), shape=(m, n))

    fallback, points_outside = [], 0
    if method == "points":
        if points is None:
            raise ParameterError("points", None, "method 'points' needs weight points")
        weights = np.ones(len(points)) if point_weights is None else np.asarray(point_weights, dtype=float)
        if weights.shape != (len(points),):
            raise ParameterError("point_weights", weights.shape, f"needs one weight per point ({len(points)})")
        weights = np.where(np.isfinite(weights) & (weights > 0), weights, 0.0)
        in_block = first_containing(points, block_geoms)
        # a point where two drawn spaces overlap counts in both, as the overlap's area does with
        # method "area" (an outside check found it went to the first space only: -29 % for one)
        point_idx, space_idx = containing_pairs(points, space_geoms)
        points_outside = int((in_block < 0).sum())
        block_weight = np.bincount(in_block[in_block >= 0], weights=weights[in_block >= 0], minlength=n)
        use = (in_block[point_idx] >= 0) & (weights[point_idx] > 0)
        point_idx, space_idx = point_idx[use], space_idx[use]
        pb, ps, pshare = _share_matrix(in_block[point_idx], space_idx, weights[point_idx], block_weight, n, m, tolerance)
        point_shares = sparse.csr_matrix((pshare, (ps, pb)), shape=(m, n))  # duplicates are summed
        no_points = block_weight <= 0
        fallback = data.ids[no_points & (block_area > 0)].tolist()
        # blocks without points: area shares
        keep_area = sparse.diags(no_points.astype(float))
        shares = (point_shares + area_shares @ keep_area).tocsr()
    else:
        shares = area_shares

    # area fields are split by area whatever the method
    by_area = set()
    for indicator in catalogue:
        if indicator.kind == "density":
            by_area.update(indicator.denominator.fields)
    by_area.add(AREA_FIELD)
    area_cols = [k for k, name in enumerate(data.columns) if name in by_area]
    other_cols = [k for k in range(len(data.columns)) if k not in set(area_cols)]

    nulls = np.isnan(data.matrix)
    filled = np.where(nulls, 0.0, data.matrix)
    sums = np.zeros((m, len(data.columns)))
    null_counts = np.zeros_like(sums)
    for share_matrix, cols in ((shares, other_cols), (area_shares, area_cols)):
        if not cols:
            continue
        sums[:, cols] = np.asarray(share_matrix @ filled[:, cols])
        null_counts[:, cols] = np.asarray((share_matrix > 0).astype(float) @ nulls[:, cols].astype(float))
    n_blocks_per_space = np.asarray((shares > 0).sum(axis=1)).ravel()
    total_sums = filled.sum(axis=0)
    total_nulls = nulls.sum(axis=0).astype(float)

    index = pd.Index(space_ids, name=space_field)
    table = build_table(
        catalogue, space_field, data.columns, data.fields, sums, null_counts, index, n_blocks_per_space,
        total_sums, total_nulls, [], null_as_zero,
    )

    # diagnostics: split blocks, outside blocks, overlaps
    coo = shares.tocoo()
    share_frame = pd.DataFrame({"block": data.ids[coo.col], "space": np.asarray(space_ids, dtype=object)[coo.row],
                                "share": coo.data})
    per_block = np.bincount(coo.col, weights=coo.data, minlength=n)
    parts = np.bincount(coo.col, minlength=n)
    split = (parts > 1) | (per_block < 1.0 - tolerance)
    if population_field is not None and population_field in blocks.columns:
        population = np.nan_to_num(blocks[population_field].to_numpy(dtype=float, na_value=np.nan))
    else:
        population = np.full(n, np.nan)
    space_pop = np.bincount(coo.row, weights=coo.data * population[coo.col], minlength=m)
    split_pop = np.bincount(coo.row, weights=coo.data * population[coo.col] * split[coo.col], minlength=m)
    with np.errstate(divide="ignore", invalid="ignore"):
        split_share = np.where(space_pop > 0, split_pop / np.where(space_pop > 0, space_pop, 1.0), np.nan)
    outside_share = np.clip(1.0 - per_block, 0.0, 1.0)
    outside_share[outside_share < tolerance] = 0.0
    invalid = sorted(set(skipped) | set(not_polygonal) | set(np.nonzero(block_area <= 0)[0].tolist()))
    outside_share[invalid] = 1.0
    out = np.nonzero(outside_share > 0)[0]
    outside = pd.DataFrame({
        "block": data.ids[out], "share_outside": outside_share[out],
        "population_outside": outside_share[out] * population[out],
    })
    si, sj, sarea = overlay_areas(space_geoms, space_geoms)
    space_area = polygon_areas(space_geoms)
    keep = (si < sj) & (sarea > tolerance * np.minimum(space_area[si], space_area[sj]))
    ids_arr = np.asarray(space_ids, dtype=object)
    overlaps = pd.DataFrame({"space_a": ids_arr[si[keep]], "space_b": ids_arr[sj[keep]], "area_m2": sarea[keep]})
    return InterpolationResult(
        table=table, shares=share_frame,
        split_population=pd.Series(split_pop, index=index, name="split_population"),
        split_share=pd.Series(split_share, index=index, name="split_share"),
        overlaps=overlaps, outside=outside, outside_population=float(np.nansum(outside["population_outside"])),
        fallback_blocks=fallback, points_outside_blocks=points_outside,
        invalid_blocks=data.ids[invalid].tolist() if invalid else [], repaired_spaces=[space_ids[i] for i in repaired_spaces],
        repaired_blocks=data.ids[repaired_blocks].tolist() if repaired_blocks else [],
    )
