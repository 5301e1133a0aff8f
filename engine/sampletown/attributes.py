"""Counts per block: residents by age, social indicators, households, floor area, buildings.

Every rate = base rate of the neighbourhood type x exp(smooth town-wide random
field + neighbourhood effect + block noise), so indicators are spatially
autocorrelated and differ between neighbourhood types. Counts are drawn from
binomial / multinomial distributions so that they are integers and consistent:

* pop_total = sum of the six age groups
* foreigners <= pop_total; unemployed <= pop_18_24 + pop_25_64
* sgb2_persons <= pop_total - pop_65plus; sgb2_u15 <= min(pop_u6 + pop_6_14, sgb2_persons)
* 1 <= households <= pop_total (if populated); hh_single_parent <= hh_children <= households
* residential buildings by type and by period have the same total; 0 without residents.
"""
import numpy as np

from .character import (
    BUILDING_FLOOR_AREA,
    BUILDING_PERIOD_MASK,
    BUILDING_TYPES,
    CHARACTERS,
    LAND_USES,
    PERIODS,
    RESIDENTIAL_USES,
)

AGE_COLUMNS = ("pop_u6", "pop_6_14", "pop_15_17", "pop_18_24", "pop_25_64", "pop_65plus")
BUILDING_TYPE_COLUMNS = tuple("bld_" + t for t in BUILDING_TYPES)
PERIOD_COLUMNS = tuple("bld_" + p for p in PERIODS)
COUNT_COLUMNS = (
    ("pop_total",)
    + AGE_COLUMNS
    + ("foreigners", "unemployed", "sgb2_persons", "sgb2_u15", "households", "hh_children",
       "hh_single_parent", "floor_area")
    + BUILDING_TYPE_COLUMNS
    + PERIOD_COLUMNS
)
MAX_BLOCK_POPULATION = 1500
#: residents per block on average over all blocks (drawn per town from this range)
MEAN_RESIDENTS_PER_BLOCK = (41.0, 49.0)


def smooth_field(rng, xy, length, waves=32):
    """A stationary random field with unit variance and correlation length ``length`` (m)."""
    angle = rng.uniform(0, 2 * np.pi, waves)
    k = 2 * np.pi / length * rng.uniform(0.5, 1.5, waves)
    phase = rng.uniform(0, 2 * np.pi, waves)
    direction = np.column_stack([np.cos(angle), np.sin(angle)]) * k[:, None]
    return np.sqrt(2.0 / waves) * np.cos(xy @ direction.T + phase).sum(axis=1)


def _fields(rng, xy, radius):
    """Social, foreigner, age and density fields: neighbourhood scale plus town scale."""
    out = {}
    for name in ("social", "foreign", "age", "density"):
        local = smooth_field(rng, xy, 1100.0)
        large = smooth_field(rng, xy, 0.9 * radius)
        out[name] = (local + large) / np.sqrt(2.0)
    return out


def draw_land_use(rng, keys, island):
    """Land use per block from the neighbourhood type (island blocks are residential)."""
    u = rng.random(len(keys))
    out = np.empty(len(keys), dtype=object)
    for key in np.unique(keys):
        m = keys == key
        probs = CHARACTERS[key].land_use
        uses = [x for x in LAND_USES if x in probs]
        cum = np.cumsum([probs[x] for x in uses])
        cum = cum / cum[-1]
        idx = np.searchsorted(cum, u[m], side="right").clip(0, len(uses) - 1)
        out[m] = np.array(uses, dtype=object)[idx]
    out[island & ~np.isin(out, RESIDENTIAL_USES)] = "residential"
    return out


def _soft_cap(x, knee=1100.0, cap=MAX_BLOCK_POPULATION):
    x = np.asarray(x, dtype=float)
    return np.where(x <= knee, x, knee + (cap - knee) * np.tanh((x - knee) / (cap - knee)))


def _binomial(rng, n, p):
    return rng.binomial(np.asarray(n, dtype=np.int64), np.clip(p, 0.0, 1.0))


def _multinomial_rows(rng, n, p):
    p = p / p.sum(axis=1, keepdims=True)
    return rng.multinomial(np.asarray(n, dtype=np.int64), p)


def block_attributes(rng, keys, land_use, area, xy, patch, radius, deprived_side):
    """All count columns as a dict of int64 arrays.

    keys: neighbourhood type per block; land_use: per block; area: net block
    area (m²); xy: block centres (m); patch: neighbourhood-part id per block;
    deprived_side: (n,) float, extra deprivation (e.g. "behind the railway").
    """
    n = len(keys)
    ch = [CHARACTERS[k] for k in keys]
    fields = _fields(rng, xy, radius)
    n_patch = int(patch.max()) + 1 if n else 0
    patch_fx = {name: rng.normal(0, 1, n_patch) for name in ("social", "foreign", "age", "density")}

    def eff(name, s_field, s_patch, s_noise):
        return s_field * fields[name] + s_patch * patch_fx[name][patch] + s_noise * rng.normal(0, 1, n)

    populated = np.isin(land_use, RESIDENTIAL_USES)
    density = np.array([c.density for c in ch])
    mixed = np.where(land_use == "mixed", 0.6, 1.0)
    raw = density * area / 10000.0 * mixed * np.exp(eff("density", 0.2, 0.15, 0.25))
    raw = np.where(populated, raw, 0.0)
    target = n * rng.uniform(*MEAN_RESIDENTS_PER_BLOCK)
    scale = target / max(raw.sum(), 1.0)
    for _ in range(12):
        scale *= target / max(_soft_cap(raw * scale).sum(), 1.0)
    pop = np.rint(_soft_cap(raw * scale)).astype(np.int64)
    pop = np.where(populated, np.maximum(pop, 1), 0)

    # age structure
    age_base = np.log(np.array([c.age for c in ch]))
    f_age = eff("age", 0.25, 0.15, 0.0)
    shift = np.column_stack([-0.6 * f_age, -0.5 * f_age, -0.3 * f_age, 0 * f_age, 0 * f_age, f_age])
    noise = rng.normal(0, 0.12, (n, 6))
    age = _multinomial_rows(rng, pop, np.exp(age_base + shift + noise))
    cols = {c: age[:, k] for k, c in enumerate(AGE_COLUMNS)}
    u6, a6, a15, a18, a25, a65 = (age[:, k] for k in range(6))

    social = eff("social", 0.45, 0.3, 0.2) + deprived_side
    sgb2_rate = np.clip(np.array([c.sgb2 for c in ch]) * np.exp(social), 0.005, 0.5)
    foreign_rate = np.clip(
        np.array([c.foreigners for c in ch]) * np.exp(0.6 * social + eff("foreign", 0.25, 0.15, 0.15)), 0.01, 0.6
    )
    cols["foreigners"] = _binomial(rng, pop, foreign_rate)
    cols["sgb2_persons"] = _binomial(rng, pop - a65, sgb2_rate)
    cols["sgb2_u15"] = np.minimum(_binomial(rng, u6 + a6, np.clip(1.6 * sgb2_rate, 0, 0.85)), cols["sgb2_persons"])
    unemp_rate = np.clip(0.022 + 0.32 * sgb2_rate * np.exp(rng.normal(0, 0.15, n)), 0.0, 0.3)
    cols["unemployed"] = _binomial(rng, a18 + a25, unemp_rate)

    hh_size = np.array([c.hh_size for c in ch]) * np.exp(rng.normal(0, 0.07, n) - 0.04 * f_age)
    households = np.clip(np.rint(pop / hh_size), 1, None).astype(np.int64)
    households = np.where(pop > 0, np.minimum(households, pop), 0)
    kids = u6 + a6 + a15
    families = np.rint(kids / rng.uniform(1.45, 1.9, n)).astype(np.int64)
    hh_children = np.clip(families, np.minimum(kids, 1), np.minimum(households, kids))
    base_sp = np.array([c.single_parent for c in ch])
    base_sgb2 = np.array([max(c.sgb2, 1e-3) for c in ch])
    sp_rate = np.clip(base_sp * (sgb2_rate / base_sgb2) ** 0.4, 0.03, 0.6)
    cols["households"] = households
    cols["hh_children"] = hh_children
    cols["hh_single_parent"] = _binomial(rng, hh_children, sp_rate)

    m2 = np.clip(np.array([c.m2_per_head for c in ch]) * np.exp(rng.normal(0, 0.08, n) + 0.04 * f_age), 30.0, 60.0)
    floor_area = np.rint(pop * m2).astype(np.int64)
    cols["floor_area"] = floor_area

    # buildings by type (from floor area) and by construction period
    shares = np.array([[c.buildings.get(t, 0.0) for t in BUILDING_TYPES] for c in ch])
    shares = shares * np.exp(rng.normal(0, 0.3, shares.shape))
    shares = shares / np.maximum(shares.sum(axis=1, keepdims=True), 1e-12)
    bfa = np.array([BUILDING_FLOOR_AREA[t] for t in BUILDING_TYPES])
    expected = floor_area[:, None] * shares / bfa[None, :]
    by_type = np.floor(expected + rng.random(expected.shape)).astype(np.int64)
    none = (by_type.sum(axis=1) == 0) & (pop > 0)
    if none.any():
        by_type[none, np.argmax(shares[none], axis=1)] = 1
    by_type[pop == 0] = 0
    for k, c in enumerate(BUILDING_TYPE_COLUMNS):
        cols[c] = by_type[:, k]

    by_period = np.zeros((n, len(PERIODS)), dtype=np.int64)
    base_periods = np.array([c.periods for c in ch]) + 0.02
    patch_periods = rng.dirichlet(np.ones(len(PERIODS)) * 4.0, n_patch)
    mix = 0.8 * base_periods / base_periods.sum(axis=1, keepdims=True) + 0.2 * patch_periods[patch]
    for k, t in enumerate(BUILDING_TYPES):
        mask = np.array(BUILDING_PERIOD_MASK[t], dtype=float)
        p = mix * mask[None, :]
        by_period += _multinomial_rows(rng, by_type[:, k], p)
    for k, c in enumerate(PERIOD_COLUMNS):
        cols[c] = by_period[:, k]
    cols["pop_total"] = pop
    return {c: np.asarray(cols[c], dtype=np.int64) for c in COUNT_COLUMNS}
