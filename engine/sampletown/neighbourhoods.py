"""Neighbourhood seeds: one street pattern and one character per seed.

Seeds sit on jittered concentric rings around the centre (a radial-concentric
town), with a village core at each outline lobe. Their Voronoi cells are the
neighbourhoods; the cell edges become main roads. Positions are drawn in units
of the town radius, so the plan does not change when the radius is tuned.
"""
from dataclasses import dataclass

import numpy as np
from scipy.spatial import cKDTree

from . import barriers as _barriers
from .character import CHARACTERS, assign_characters
from .outline import edge_radius, min_edge_radius

#: blocks per neighbourhood on average (sets the number of seeds)
BLOCKS_PER_NEIGHBOURHOOD = 70.0


@dataclass
class NeighbourhoodPlan:
    seeds: np.ndarray  # (n, 2) in town radii
    keys: np.ndarray  # character key per seed
    angle: np.ndarray  # street grid orientation (radians)
    street: np.ndarray  # width of ordinary streets (m)
    jitter_seed: np.ndarray  # per-seed integer seed for its lattice
    radius_norm: np.ndarray  # distance from the centre relative to the edge


def _ring_seeds(rng, n_target, outline_plan):
    spacing = np.sqrt(np.pi / n_target)
    pts = [np.zeros(2)]
    k = 1
    while k * spacing < 1.45:
        r = k * spacing
        n = max(5, int(round(2 * np.pi * r / spacing)))
        theta = rng.uniform(0, 2 * np.pi) + 2 * np.pi * np.arange(n) / n
        theta = theta + rng.uniform(-0.25, 0.25, n) * 2 * np.pi / n
        rr = r + rng.uniform(-0.22, 0.22, n) * spacing
        keep = rr < edge_radius(outline_plan, theta) + 0.35 * spacing
        pts.extend(np.column_stack([rr * np.cos(theta), rr * np.sin(theta)])[keep])
        k += 1
    return np.array(pts), spacing


def draw_neighbourhoods(rng, n_blocks, outline_plan, barrier_plan, village_centres_norm):
    """Seeds, characters and street parameters in town-radius units."""
    n_target = max(12.0, n_blocks / BLOCKS_PER_NEIGHBOURHOOD)
    seeds, spacing = _ring_seeds(rng, n_target, outline_plan)
    # village cores replace the ring seeds next to them
    if len(village_centres_norm):
        d, _ = cKDTree(village_centres_norm).query(seeds)
        seeds = seeds[(d > 0.6 * spacing) | (np.arange(len(seeds)) == 0)]
        village_idx = np.arange(len(seeds), len(seeds) + len(village_centres_norm))
        seeds = np.vstack([seeds, village_centres_norm])
    else:
        village_idx = np.zeros(0, dtype=int)
    theta = np.arctan2(seeds[:, 1], seeds[:, 0])
    radius_norm = np.linalg.norm(seeds, axis=1) / edge_radius(outline_plan, theta)
    # industry and commerce like the railway and the motorway (normalised geometry)
    unit = 1000.0  # the line helpers work in metres: draw them for a 1 km radius and scale
    rail = _barriers.railway_coords(barrier_plan, unit) / unit
    mot = _barriers.motorway_coords(barrier_plan, unit, min_edge_radius(outline_plan)) / unit
    d_rail, _ = cKDTree(rail).query(seeds)
    d_mot, _ = cKDTree(mot).query(seeds)
    near_transport = (np.minimum(d_rail, d_mot) < 0.9 * spacing) & (radius_norm > 0.3)
    station = rail[int(np.argmin(np.linalg.norm(rail, axis=1)))]
    order = np.argsort(np.linalg.norm(seeds - station, axis=1))
    station_seed = int(order[0]) if order[0] != 0 else int(order[1])
    keys = assign_characters(rng, seeds, radius_norm, near_transport, station_seed, village_idx)

    n = len(seeds)
    angle = rng.uniform(0, np.pi, n)
    radial = np.isin(keys, ["gruenderzeit", "postwar"])
    angle[radial] = theta[radial] + rng.uniform(-0.15, 0.15, radial.sum())
    if keys[station_seed] == "station":
        rail_dir = rail[-1] - rail[0]
        angle[station_seed] = np.arctan2(rail_dir[1], rail_dir[0])
    street = np.array([rng.uniform(*CHARACTERS[k].street) for k in keys])
    jitter_seed = rng.integers(0, 2**31 - 1, n)
    return NeighbourhoodPlan(seeds, keys, angle, street, jitter_seed, radius_norm)


def spacing_factor(radius_norm):
    """Blocks grow towards the periphery."""
    return 1.0 + 0.25 * np.minimum(np.asarray(radius_norm, dtype=float), 1.3)


def block_size(key, radius_norm):
    """Gross block size (long, short) in metres for a character at a relative distance."""
    long_, short = CHARACTERS[key].cell
    f = spacing_factor(radius_norm)
    return long_ * f, short * f
