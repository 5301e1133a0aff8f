"""Kitas, schools and counselling centres, placed inside populated blocks.

About one Kita per 1,500 residents (drawn in proportion to children under 6),
one school per 4,000 (children 6-14), and ten counselling centres per 150,000
residents (persons in SGB II households, favouring central places). A minimum
distance between facilities of one kind keeps them spread out.
"""
import numpy as np
from shapely.geometry import Point

from . import names

RESIDENTS_PER_KITA = 1500.0
RESIDENTS_PER_SCHOOL = 4000.0
COUNSELLING_PER_150K = 10.0
SPACING = {"kita": 150.0, "school": 500.0, "counselling": 300.0}


def _pick(rng, weight, xy, k, spacing):
    """k block indices: weighted sampling without replacement, spread by ``spacing`` metres."""
    cand = np.flatnonzero(weight > 0)
    if len(cand) == 0 or k <= 0:
        return []
    keys = np.log(rng.random(len(cand))) / weight[cand]  # Efraimidis-Spirakis
    order = cand[np.argsort(-keys, kind="stable")]
    grid = {}
    chosen = []
    for b in order:
        cx, cy = (xy[b] // spacing).astype(int)
        near = False
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                for q in grid.get((cx + dx, cy + dy), ()):
                    if np.hypot(*(xy[b] - q)) < spacing:
                        near = True
                        break
        if near:
            continue
        chosen.append(int(b))
        grid.setdefault((cx, cy), []).append(xy[b])
        if len(chosen) == k:
            return chosen
    taken = set(chosen)
    rest = [int(b) for b in order if int(b) not in taken]
    return chosen + rest[: k - len(chosen)]


def _point_in(rng, polygon):
    minx, miny, maxx, maxy = polygon.bounds
    inner = polygon.buffer(-3.0)
    target = inner if not inner.is_empty else polygon
    for _ in range(30):
        p = Point(rng.uniform(minx, maxx), rng.uniform(miny, maxy))
        if target.contains(p):
            return p
    return polygon.representative_point()


def place_facilities(rng, blocks, counts, xy, radius, block_district_name, pool):
    """List of (kind, name, Point, block index)."""
    total = float(counts["pop_total"].sum())
    n_kita = max(1, int(round(total / RESIDENTS_PER_KITA)))
    n_school = max(1, int(round(total / RESIDENTS_PER_SCHOOL)))
    n_couns = max(3, int(round(COUNSELLING_PER_150K * total / 150000.0)))
    centrality = 1.0 / (1.0 + np.linalg.norm(xy, axis=1) / (0.3 * radius))
    plans = (
        ("kita", n_kita, counts["pop_u6"] + 0.2 * counts["pop_total"] / 10.0),
        ("school", n_school, counts["pop_6_14"].astype(float)),
        ("counselling", n_couns, (counts["sgb2_persons"] + 0.05 * counts["pop_total"]) * centrality),
    )
    out = []
    used = set()
    for kind, k, weight in plans:
        weight = np.where(counts["pop_total"] > 0, np.asarray(weight, dtype=float), 0.0)
        chosen = _pick(rng, weight, xy, k, SPACING[kind])
        couns_kinds = [names.COUNSELLING_KINDS[i] for i in rng.permutation(len(names.COUNSELLING_KINDS))]
        for j, b in enumerate(chosen):
            point = _point_in(rng, blocks[b])
            district = block_district_name[b]
            if kind == "kita":
                cands = ["Kita " + names.KITA_NAMES[int(rng.integers(len(names.KITA_NAMES)))],
                         "Kita " + pool.street(), "Kita %s" % district]
            elif kind == "school":
                kinds, probs = zip(*names.SCHOOL_KINDS)
                school = kinds[int(rng.choice(len(kinds), p=np.array(probs) / sum(probs)))]
                cands = ["%s %s" % (school, district), "%s %s" % (school, pool.street())]
            else:
                ck = couns_kinds[j % len(couns_kinds)]
                cands = ["%s %s" % (ck, district), "%s %s" % (ck, pool.street())]
            name = next((c for c in cands if c not in used), None)
            suffix = 2
            while name is None:
                name = "%s %d" % (cands[0], suffix) if "%s %d" % (cands[0], suffix) not in used else None
                suffix += 1
            used.add(name)
            out.append((kind, name, point, b))
    return out
