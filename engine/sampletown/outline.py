"""The irregular town outline: a wobbly disc with village lobes at its edge.

Random parameters are drawn once (``draw_outline_plan``) so that the geometry
can be rebuilt for another town radius (``build_outline``) without changing
the shape; coordinates are metres around the town centre (0, 0).
"""
from dataclasses import dataclass

import numpy as np
from shapely.geometry import Polygon

#: radius of a village core lobe (m)
VILLAGE_RADIUS = 560.0


@dataclass(frozen=True)
class OutlinePlan:
    harmonics: tuple  # (order, amplitude, phase)
    villages: tuple  # (angle, radius factor beyond the edge, shape phases)


def draw_outline_plan(rng, n_villages):
    harmonics = tuple(
        (k, float(rng.uniform(0.025, 0.075)) / np.sqrt(k - 1), float(rng.uniform(0, 2 * np.pi)))
        for k in range(2, 7)
    ) + tuple((k, float(rng.uniform(0.005, 0.015)), float(rng.uniform(0, 2 * np.pi))) for k in range(7, 12))
    base = rng.uniform(0, 2 * np.pi)
    angles = base + np.arange(n_villages) * 2 * np.pi / n_villages
    angles = angles + rng.uniform(-0.3, 0.3, n_villages) * 2 * np.pi / n_villages
    factors = rng.uniform(1.0, 1.08, n_villages)
    phases = rng.uniform(0, 2 * np.pi, (n_villages, 3))
    return OutlinePlan(harmonics, tuple(zip(angles.tolist(), factors.tolist(), map(tuple, phases.tolist()))))


def edge_radius(plan, angle):
    """Edge distance of the main body (in units of the town radius) at ``angle``."""
    angle = np.asarray(angle, dtype=float)
    r = np.ones_like(angle)
    for k, a, phase in plan.harmonics:
        r = r + a * np.cos(k * angle + phase)
    return r


def min_edge_radius(plan):
    """Smallest edge distance of the main body, in town radii."""
    return float(edge_radius(plan, np.linspace(0, 2 * np.pi, 720, endpoint=False)).min())


def build_outline(plan, radius, n_vertices=2048):
    """(outline polygon, (n_villages, 2) array of village centres) for a town radius in metres.

    The outline is star-shaped around the centre: a smooth maximum of the main
    body's edge and of the village lobes along every ray, computed with numpy
    only (no GEOS buffer), so all Shapely/GEOS versions give the same polygon.
    """
    phi = np.linspace(0, 2 * np.pi, n_vertices, endpoint=False)
    r = edge_radius(plan, phi) * radius
    centres = []
    for angle, factor, (p2, p3, p5) in plan.villages:
        dist = float(edge_radius(plan, angle)) * radius * factor
        centres.append(np.array([np.cos(angle), np.sin(angle)]) * dist)
        delta = (phi - angle + np.pi) % (2 * np.pi) - np.pi
        reach = np.arcsin(min(1.0, VILLAGE_RADIUS * 1.3 / dist))
        s = np.clip(delta / reach, -1.0, 1.0)
        lobe = VILLAGE_RADIUS * (1 + 0.18 * np.cos(2 * np.pi * s + p2) + 0.1 * np.cos(3 * np.pi * s + p3)
                                 + 0.05 * np.cos(5 * np.pi * s + p5))
        across = dist * np.sin(np.abs(delta))
        inside = (np.abs(delta) < np.pi / 2) & (across < lobe)
        far = np.where(inside, dist * np.cos(delta) + np.sqrt(np.clip(lobe ** 2 - across ** 2, 0, None)), 0.0)
        r = (r ** 12 + far ** 12) ** (1.0 / 12)  # smooth maximum: the lobe grows out of the body
    outline = Polygon(np.column_stack([r * np.cos(phi), r * np.sin(phi)]))
    return outline, np.array(centres, dtype=float).reshape(-1, 2)
