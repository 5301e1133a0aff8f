"""Neighbourhood types ("Quartierstypen") of the sample town and how they are placed.

Each type fixes the street pattern (block size, regularity, street width), the
land use of its blocks and the base rates of the social and building
attributes. The values are plausible for a German city of 150,000 residents
(orders of magnitude from municipal statistics), not data of a real place.
"""
from dataclasses import dataclass, field

import numpy as np

LAND_USES = ("residential", "mixed", "industry", "commercial", "park")
RESIDENTIAL_USES = ("residential", "mixed")
BUILDING_TYPES = ("detached", "row", "multi", "highrise", "oldtown")
PERIODS = ("pre1919", "1919_48", "1949_78", "1979_2000", "post2000")
#: typical residential floor area of one building of each type (m²)
BUILDING_FLOOR_AREA = {"detached": 150.0, "row": 115.0, "multi": 720.0, "highrise": 5200.0, "oldtown": 380.0}
#: construction periods a building type can have (high-rises are post-war, etc.)
BUILDING_PERIOD_MASK = {
    "detached": (1, 1, 1, 1, 1),
    "row": (1, 1, 1, 1, 1),
    "multi": (1, 1, 1, 1, 1),
    "highrise": (0, 0, 1, 1, 1),
    "oldtown": (1, 1, 1, 0, 0),
}


@dataclass(frozen=True)
class Character:
    """One neighbourhood type."""

    key: str
    label_de: str
    land_use: dict  # land use -> probability for a block of this type
    cell: tuple  # gross block size (long, short) in metres, centre of town
    jitter: float  # lattice jitter as a fraction of the spacing
    irregular: bool = False  # hexagonal, strongly jittered instead of rectangular
    stagger: bool = False  # alternate rows shifted by half a block
    street: tuple = (10.0, 14.0)  # width of ordinary streets (m)
    density: float = 0.0  # residents per hectare of net block area (residential blocks)
    age: tuple = (0.05, 0.08, 0.03, 0.09, 0.55, 0.20)  # <6, 6-14, 15-17, 18-24, 25-64, 65+
    foreigners: float = 0.12
    sgb2: float = 0.08  # persons in SGB II households / residents under 65
    hh_size: float = 2.0
    m2_per_head: float = 42.0
    buildings: dict = field(default_factory=dict)  # building type -> share of floor area
    periods: tuple = (0.2, 0.2, 0.2, 0.2, 0.2)
    single_parent: float = 0.2  # single-parent share of households with children


CHARACTERS = {
    c.key: c
    for c in (
        Character(
            "oldtown", "Altstadt",
            {"mixed": 0.5, "residential": 0.3, "commercial": 0.15, "park": 0.05},
            cell=(64.0, 52.0), jitter=0.42, irregular=True, street=(7.0, 10.0),
            density=230.0, age=(0.035, 0.05, 0.018, 0.14, 0.58, 0.177),
            foreigners=0.22, sgb2=0.11, hh_size=1.65, m2_per_head=43.0,
            buildings={"oldtown": 0.75, "multi": 0.25}, periods=(0.55, 0.15, 0.25, 0.04, 0.01),
            single_parent=0.28,
        ),
        Character(
            "gruenderzeit", "Gründerzeitviertel",
            {"residential": 0.72, "mixed": 0.13, "park": 0.08, "commercial": 0.07},
            cell=(102.0, 70.0), jitter=0.12, street=(12.0, 18.0),
            density=260.0, age=(0.05, 0.065, 0.022, 0.11, 0.62, 0.133),
            foreigners=0.20, sgb2=0.11, hh_size=1.85, m2_per_head=41.0,
            buildings={"multi": 0.92, "row": 0.04, "detached": 0.04}, periods=(0.55, 0.25, 0.15, 0.04, 0.01),
            single_parent=0.25,
        ),
        Character(
            "station", "Bahnhofsviertel",
            {"mixed": 0.45, "residential": 0.3, "commercial": 0.25},
            cell=(89.0, 64.0), jitter=0.2, street=(12.0, 18.0),
            density=240.0, age=(0.05, 0.06, 0.02, 0.15, 0.62, 0.10),
            foreigners=0.36, sgb2=0.23, hh_size=1.7, m2_per_head=35.0,
            buildings={"multi": 0.95, "oldtown": 0.05}, periods=(0.35, 0.3, 0.3, 0.04, 0.01),
            single_parent=0.32,
        ),
        Character(
            "postwar", "Nachkriegssiedlung",
            {"residential": 0.85, "park": 0.1, "commercial": 0.05},
            cell=(106.0, 76.0), jitter=0.25, stagger=True, street=(10.0, 14.0),
            density=150.0, age=(0.045, 0.07, 0.025, 0.08, 0.52, 0.26),
            foreigners=0.15, sgb2=0.13, hh_size=1.9, m2_per_head=37.0,
            buildings={"multi": 0.85, "row": 0.1, "detached": 0.05}, periods=(0.02, 0.05, 0.83, 0.08, 0.02),
            single_parent=0.26,
        ),
        Character(
            "highrise", "Großwohnsiedlung",
            {"residential": 0.85, "park": 0.1, "commercial": 0.05},
            cell=(190.0, 150.0), jitter=0.3, irregular=True, street=(12.0, 18.0),
            density=600.0, age=(0.075, 0.11, 0.035, 0.10, 0.50, 0.18),
            foreigners=0.36, sgb2=0.29, hh_size=2.2, m2_per_head=33.0,
            buildings={"highrise": 0.8, "multi": 0.2}, periods=(0.0, 0.0, 0.88, 0.11, 0.01),
            single_parent=0.36,
        ),
        Character(
            "row", "Reihenhaussiedlung",
            {"residential": 0.88, "park": 0.09, "commercial": 0.03},
            cell=(110.0, 51.0), jitter=0.1, stagger=True, street=(8.0, 11.0),
            density=85.0, age=(0.055, 0.095, 0.035, 0.07, 0.53, 0.215),
            foreigners=0.09, sgb2=0.05, hh_size=2.5, m2_per_head=44.0,
            buildings={"row": 0.8, "detached": 0.12, "multi": 0.08}, periods=(0.01, 0.05, 0.45, 0.39, 0.10),
            single_parent=0.17,
        ),
        Character(
            "detached", "Einfamilienhausgebiet",
            {"residential": 0.88, "park": 0.09, "commercial": 0.03},
            cell=(119.0, 56.0), jitter=0.15, stagger=True, street=(8.0, 11.0),
            density=40.0, age=(0.05, 0.10, 0.04, 0.06, 0.52, 0.23),
            foreigners=0.06, sgb2=0.025, hh_size=2.55, m2_per_head=53.0,
            buildings={"detached": 0.9, "row": 0.06, "multi": 0.04}, periods=(0.02, 0.05, 0.18, 0.45, 0.30),
            single_parent=0.12,
        ),
        Character(
            "newbuild", "Neubaugebiet",
            {"residential": 0.84, "park": 0.12, "commercial": 0.04},
            cell=(94.0, 56.0), jitter=0.1, street=(9.0, 13.0),
            density=95.0, age=(0.09, 0.12, 0.03, 0.05, 0.61, 0.10),
            foreigners=0.13, sgb2=0.045, hh_size=2.45, m2_per_head=46.0,
            buildings={"detached": 0.45, "row": 0.35, "multi": 0.2}, periods=(0.0, 0.0, 0.0, 0.05, 0.95),
            single_parent=0.14,
        ),
        Character(
            "village", "Dorfkern",
            {"residential": 0.8, "mixed": 0.06, "park": 0.1, "commercial": 0.04},
            cell=(85.0, 72.0), jitter=0.42, irregular=True, street=(7.0, 10.0),
            density=30.0, age=(0.04, 0.08, 0.03, 0.06, 0.50, 0.29),
            foreigners=0.045, sgb2=0.03, hh_size=2.3, m2_per_head=56.0,
            buildings={"detached": 0.85, "row": 0.05, "multi": 0.1}, periods=(0.45, 0.12, 0.2, 0.15, 0.08),
            single_parent=0.13,
        ),
        Character(
            "industry", "Industriegebiet",
            {"industry": 0.85, "commercial": 0.12, "park": 0.03},
            cell=(196.0, 144.0), jitter=0.2, street=(14.0, 20.0),
        ),
        Character(
            "commercial", "Gewerbegebiet",
            {"commercial": 0.8, "industry": 0.1, "park": 0.1},
            cell=(153.0, 110.0), jitter=0.2, street=(12.0, 18.0),
        ),
        Character(
            "park", "Park",
            {"park": 1.0},
            cell=(170.0, 144.0), jitter=0.4, irregular=True, street=(8.0, 12.0),
        ),
    )
}

#: probability of each type by normalised distance from the centre (band upper limits)
_BANDS = (
    (0.36, {"gruenderzeit": 0.79, "postwar": 0.08, "park": 0.08, "highrise": 0.05}),
    (0.62, {"postwar": 0.36, "gruenderzeit": 0.10, "row": 0.16, "highrise": 0.08,
            "industry": 0.12, "park": 0.05, "commercial": 0.04, "detached": 0.07}),
    (9.99, {"detached": 0.36, "row": 0.15, "newbuild": 0.12, "postwar": 0.10, "highrise": 0.04,
            "industry": 0.10, "commercial": 0.04, "park": 0.03}),
)
OLDTOWN_RADIUS = 0.16


def assign_characters(rng, seeds, radius_norm, near_transport, station_seed, village_seeds):
    """Pick a neighbourhood type for every seed.

    seeds: (n, 2) normalised positions (centre at 0); radius_norm: (n,) distance
    from the centre relative to the town edge in that direction; near_transport:
    (n,) bool, seed close to the railway or motorway (industry likes that);
    station_seed: index of the seed next to the station; village_seeds: indices
    of the village cores at the edge.
    """
    n = len(seeds)
    keys = np.empty(n, dtype=object)
    draws = rng.random(n)
    for k in range(n):
        d = radius_norm[k]
        if d < OLDTOWN_RADIUS:
            keys[k] = "oldtown"
            continue
        for limit, probs in _BANDS:  # noqa: B007 (probs of the band found is used below)
            if d < limit:
                break
        probs = dict(probs)
        if near_transport[k] and "industry" in probs and "commercial" in probs:
            probs["industry"] *= 2.0
            probs["commercial"] *= 1.5
        names = sorted(probs)
        p = np.array([probs[m] for m in names])
        cum = np.cumsum(p / p.sum())
        keys[k] = names[int(np.searchsorted(cum, draws[k], side="right").clip(0, len(names) - 1))]
    if station_seed is not None and keys[station_seed] != "oldtown":
        keys[station_seed] = "station"
    for v in village_seeds:
        keys[v] = "village"
    keys[int(np.argmin(radius_norm))] = "oldtown"
    # every type of the catalogue appears at least once (a realistic town has all of them)
    for key, (lo, hi) in (("highrise", (0.35, 0.95)), ("newbuild", (0.6, 1.2)), ("industry", (0.4, 1.2)),
                          ("park", (0.2, 0.8)), ("row", (0.45, 1.1)), ("detached", (0.6, 1.3)),
                          ("postwar", (0.35, 0.9)), ("gruenderzeit", (0.16, 0.5)), ("commercial", (0.4, 1.2))):
        if (keys == key).any():
            continue
        free = [k for k in range(n) if lo <= radius_norm[k] < hi and keys[k] not in ("oldtown", "station", "village")]
        free = [k for k in free if np.sum(keys == keys[k]) > 1]
        if free:
            keys[free[int(rng.integers(len(free)))]] = key
    return keys
