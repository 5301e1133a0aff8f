"""Synthetic block tables with the sample town's fields, for tests and benchmarks.

Consistent by construction: the age groups add up to ``pop_total``, ``unemployed`` <=
residents 18-64, ``sgb2_persons`` <= residents under 65, ``sgb2_u15`` <= residents under 15,
``hh_single_parent`` <= ``hh_children`` <= ``households``, the building types and the
construction periods add up to the same total. Square blocks on a grid (EPSG:25832 metres).
"""
from __future__ import annotations

import numpy as np
import pandas as pd

AGE_FIELDS = ("pop_u6", "pop_6_14", "pop_15_17", "pop_18_24", "pop_25_64", "pop_65plus")
TYPE_FIELDS = ("bld_detached", "bld_row", "bld_multi", "bld_highrise", "bld_oldtown")
PERIOD_FIELDS = ("bld_pre1919", "bld_1919_48", "bld_1949_78", "bld_1979_2000", "bld_post2000")


def synthetic_blocks(n=400, seed=0, empty_share=0.1, max_population=600):
    """A DataFrame of ``n`` blocks with the sample-town fields (integer counts)."""
    rng = np.random.default_rng(seed)
    pop = rng.integers(0, max_population, n)
    pop[rng.random(n) < empty_share] = 0
    tiny = rng.random(n) < 0.05  # a few blocks with 1-4 residents
    pop[tiny] = rng.integers(1, 5, int(tiny.sum()))
    age_p = rng.dirichlet([2, 3, 1, 2, 10, 4], n)
    ages = np.array([rng.multinomial(p, q) for p, q in zip(pop, age_p)]).reshape(n, 6)
    pop = ages.sum(axis=1)
    working = ages[:, 3] + ages[:, 4]
    under65 = pop - ages[:, 5]
    under15 = ages[:, 0] + ages[:, 1]
    foreigners = rng.binomial(pop, rng.uniform(0.02, 0.4, n))
    unemployed = rng.binomial(working, rng.uniform(0.01, 0.15, n))
    sgb2 = rng.binomial(under65, rng.uniform(0.0, 0.3, n))
    sgb2_u15 = np.minimum(rng.binomial(under15, rng.uniform(0.0, 0.4, n)), sgb2)
    households = np.where(pop > 0, np.maximum(1, (pop / rng.uniform(1.5, 2.6, n)).astype(int)), 0)
    hh_children = rng.binomial(households, rng.uniform(0.1, 0.35, n))
    hh_single = rng.binomial(hh_children, rng.uniform(0.1, 0.35, n))
    floor_area = np.round(pop * rng.uniform(30, 60, n))
    buildings = np.where(pop > 0, rng.integers(1, 40, n), 0)
    types = np.array([rng.multinomial(b, q) for b, q in zip(buildings, rng.dirichlet(np.ones(5), n))]).reshape(n, 5)
    periods = np.array([rng.multinomial(b, q) for b, q in zip(buildings, rng.dirichlet(np.ones(5), n))]).reshape(n, 5)
    side = int(np.ceil(np.sqrt(n)))
    frame = pd.DataFrame({
        "block_id": np.arange(1, n + 1),
        "district": np.array([f"{1 + (i % side) * 4 // side:02d}" for i in range(n)], dtype=object),
        "land_use": np.where(pop > 0, "residential", "park").astype(object),
        "pop_total": pop,
    })
    for k, name in enumerate(AGE_FIELDS):
        frame[name] = ages[:, k]
    frame["foreigners"] = foreigners
    frame["unemployed"] = unemployed
    frame["sgb2_persons"] = sgb2
    frame["sgb2_u15"] = sgb2_u15
    frame["households"] = households
    frame["hh_children"] = hh_children
    frame["hh_single_parent"] = hh_single
    frame["floor_area"] = floor_area.astype(np.int64)
    for k, name in enumerate(TYPE_FIELDS):
        frame[name] = types[:, k]
    for k, name in enumerate(PERIOD_FIELDS):
        frame[name] = periods[:, k]
    return frame


def grid_geometries(n, size=100.0, origin=(400000.0, 5700000.0)):
    """``n`` square blocks of ``size`` m on a grid, row by row (EPSG:25832 coordinates)."""
    from shapely.geometry import box

    side = int(np.ceil(np.sqrt(n)))
    x0, y0 = origin
    return [box(x0 + (i % side) * size, y0 + (i // side) * size, x0 + (i % side + 1) * size, y0 + (i // side + 1) * size)
            for i in range(n)]
