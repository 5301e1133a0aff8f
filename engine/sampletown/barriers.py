"""River (with a side arm around an island), railway and motorway of the sample town.

The lines cross the whole town so that there are blocks on both sides of each.
Blocks lose a corridor centred on each line (river 24 m, railway 18 m,
motorway 26 m), narrower than 30 m on purpose: only the line itself separates
the blocks on its two sides. Coordinates are metres around the centre (0, 0).
"""
from dataclasses import dataclass

import numpy as np
from shapely.geometry import LineString, Point, Polygon
from shapely.ops import unary_union

from ..spatial.geometry import explode_polygons
from . import names

CORRIDOR_WIDTH = {"river": 24.0, "railway": 18.0, "motorway": 26.0}
ISLAND_LENGTH = 430.0  # m along the river
ISLAND_WIDTH = 150.0  # m, widest point between the two arms
_REACH = 1.9  # lines run from -REACH to +REACH town radii
_STEP = 8.0  # m between line vertices


@dataclass(frozen=True)
class Barrier:
    kind: str
    name: str
    line: LineString  # the full line, longer than the town
    width: float  # corridor width (m)


@dataclass(frozen=True)
class BarrierPlan:
    river: tuple  # angle, offset sign, A1, wavelength1, phase1, A2, wavelength2, phase2, wiggle phase
    railway: tuple  # angle, offset, curvature
    motorway: tuple  # angle, offset, curvature
    island: tuple  # position along the candidates (0..1), side (+1/-1)


def _angle_gap(a, b):
    d = abs(a - b) % np.pi
    return min(d, np.pi - d)


def draw_barrier_plan(rng):
    a_river = float(rng.uniform(0, np.pi))
    river = (
        a_river,
        float(rng.choice([-1.0, 1.0])),
        float(rng.uniform(0.035, 0.055)),
        float(rng.uniform(0.8, 1.1)),
        float(rng.uniform(0, 2 * np.pi)),
        float(rng.uniform(0.012, 0.02)),
        float(rng.uniform(0.25, 0.35)),
        float(rng.uniform(0, 2 * np.pi)),
        float(rng.uniform(0, 2 * np.pi)),
    )
    a_rail = a_river + float(rng.choice([-1.0, 1.0])) * float(rng.uniform(np.radians(55), np.radians(125)))
    railway = (a_rail, float(rng.uniform(0.15, 0.2)) * float(rng.choice([-1.0, 1.0])), float(rng.uniform(-0.05, 0.05)))
    while True:
        a_mot = float(rng.uniform(0, np.pi))
        if _angle_gap(a_mot, a_river) > np.radians(35) and _angle_gap(a_mot, a_rail) > np.radians(35):
            break
    sign = float(rng.choice([-1.0, 1.0]))
    motorway = (a_mot, sign * float(rng.uniform(0.48, 0.58)), sign * float(rng.uniform(0.0, 0.08)))
    island = (float(rng.uniform(0, 1)), float(rng.choice([-1.0, 1.0])))
    return BarrierPlan(river, railway, motorway, island)


def _frame(angle):
    d = np.array([np.cos(angle), np.sin(angle)])
    n = np.array([-np.sin(angle), np.cos(angle)])
    return d, n


def _curve(angle, offset_fn, radius):
    d, n = _frame(angle)
    t = np.arange(-_REACH, _REACH + 1e-9, _STEP / radius)
    off = offset_fn(t)
    xy = radius * (t[:, None] * d[None, :] + off[:, None] * n[None, :])
    return xy, t


def _river_xy(plan, radius):
    angle, sign, a1, l1, p1, a2, l2, p2, pw = plan.river
    base = sign * 0.09 - (a1 * np.sin(p1) + a2 * np.sin(p2))

    def offset(t):
        return base + a1 * np.sin(2 * np.pi * t / l1 + p1) + a2 * np.sin(2 * np.pi * t / l2 + p2)

    xy, t = _curve(angle, offset, radius)
    # small meanders of fixed size in metres, so big towns keep a winding river
    s = t * radius
    _, n = _frame(angle)
    xy = xy + (35.0 * np.sin(2 * np.pi * s / 700.0 + pw))[:, None] * n[None, :]
    return xy


def railway_coords(plan, radius):
    """Vertices of the railway (m) for a town radius."""
    angle, off, curv = plan.railway
    return _curve(angle, lambda t: off + curv * t * t, radius)[0]


def motorway_coords(plan, radius, edge_min):
    """Vertices of the motorway (m); ``edge_min`` is the outline's smallest radius (town radii)."""
    angle, off, curv = plan.motorway
    return _curve(angle, lambda t: off * edge_min + curv * t * t, radius)[0]


def _normals(xy):
    tangent = np.gradient(xy, axis=0)
    tangent /= np.linalg.norm(tangent, axis=1)[:, None]
    return np.column_stack([-tangent[:, 1], tangent[:, 0]])


def _side_arm(plan, river_xy, radius, other_lines):
    """Vertex range and coordinates of the side arm enclosing the island."""
    seg = np.linalg.norm(np.diff(river_xy, axis=0), axis=1)
    s = np.concatenate([[0.0], np.cumsum(seg)])
    dist_centre = np.linalg.norm(river_xy, axis=1)
    others = unary_union(other_lines)
    n_arm = int(np.ceil(ISLAND_LENGTH / _STEP))
    candidates = []
    for i in range(0, len(river_xy) - n_arm - 1, 4):
        j = i + n_arm
        if not (0.1 * radius <= dist_centre[i] <= 0.4 * radius and dist_centre[j] <= 0.4 * radius):
            continue
        mid = (river_xy[i] + river_xy[j]) / 2
        if others.distance(Point(mid)) < ISLAND_LENGTH:
            continue
        candidates.append(i)
    if not candidates:  # fall back: any stretch near the centre
        candidates = [int(np.argmin(dist_centre))]
    pos, side = plan.island
    i = candidates[min(int(pos * len(candidates)), len(candidates) - 1)]
    j = min(i + n_arm, len(river_xy) - 1)
    normals = _normals(river_xy)
    frac = (s[i:j + 1] - s[i]) / (s[j] - s[i])
    bulge = side * ISLAND_WIDTH * np.sin(np.pi * frac)
    arm = river_xy[i:j + 1] + bulge[:, None] * normals[i:j + 1]
    arm[0] = river_xy[i]
    arm[-1] = river_xy[j]
    return i, j, arm


def build_barriers(plan, radius, outline, edge_min):
    """The barrier lines (metres) and the island polygon between the two river arms."""
    river_xy = _river_xy(plan, radius)
    rail_xy = railway_coords(plan, radius)
    mot_xy = motorway_coords(plan, radius, edge_min)
    rail = LineString(rail_xy)
    mot = LineString(mot_xy)
    i, j, arm = _side_arm(plan, river_xy, radius, [rail, mot])
    island = Polygon(np.vstack([river_xy[i:j + 1], arm[::-1]]))
    if not island.is_valid:
        island = island.buffer(0)
    barriers = [
        Barrier("river", names.RIVER_NAME, LineString(river_xy), CORRIDOR_WIDTH["river"]),
        Barrier("river", names.SIDE_ARM_NAME, LineString(arm), CORRIDOR_WIDTH["river"]),
        Barrier("railway", names.RAILWAY_NAME, rail, CORRIDOR_WIDTH["railway"]),
        Barrier("motorway", names.MOTORWAY_NAME, mot, CORRIDOR_WIDTH["motorway"]),
    ]
    return barriers, island


def build_sectors(outline, barriers, island):
    """Parts of the town separated by barrier lines, largest first, and the island's index."""
    cut = unary_union([b.line for b in barriers]).buffer(0.05, 2)
    parts = explode_polygons(outline.difference(cut))
    parts.sort(key=lambda g: (-round(g.area, 1), g.representative_point().x))
    parts = [p for p in parts if p.area > 1.0]
    island_index = None
    inner = island.buffer(-1.0)
    for k, p in enumerate(parts):
        if inner.contains(p.representative_point()):
            island_index = k
            break
    return parts, island_index


def layer_lines(barriers, outline, margin=250.0):
    """The barrier lines clipped to the town (plus a margin), one LineString per part."""
    clip = outline.buffer(margin, 8)
    out = []
    for b in barriers:
        g = b.line.intersection(clip)
        parts = [g] if g.geom_type == "LineString" else [p for p in getattr(g, "geoms", []) if p.geom_type == "LineString"]
        for p in parts:
            if p.length > 1.0:
                out.append((b.kind, b.name, p))
    return out


def chunk_lines(barriers, outline, vertices=24):
    """Short pieces of every barrier line inside the town: (line, barrier index) pairs."""
    clip = outline.buffer(200.0, 8)
    out = []
    for k, b in enumerate(barriers):
        xy = np.asarray(b.line.coords)
        for start in range(0, len(xy) - 1, vertices):
            piece = LineString(xy[start:start + vertices + 1])
            if piece.intersects(clip):
                out.append((piece, k))
    return out
