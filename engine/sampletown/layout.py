"""Street and block geometry of the sample town.

1. Generator points: per neighbourhood a jittered, rotated lattice of its
   character's block size; rows of mirrored points along main roads (the edges
   between neighbourhoods) and along the barrier lines, so those become straight
   streets; a small lattice on the river island.
2. Voronoi cells of the points (scipy), clipped to the outline and split by the
   barrier lines: the gross blocks ("pieces", street centre to street centre).
3. Net blocks: each piece shrunk by half its street width (main roads wider),
   minus the barrier corridors, exploded, slivers dropped. Net blocks never
   touch each other.

Coordinates are metres around the town centre (0, 0).
"""
from dataclasses import dataclass

import numpy as np
from scipy.spatial import Voronoi, cKDTree
from shapely.geometry import LineString, Point, Polygon
from shapely.ops import polygonize, unary_union

from ..spatial import geometry as geo
from .barriers import build_barriers, build_sectors, chunk_lines
from .character import CHARACTERS
from .neighbourhoods import block_size
from .outline import build_outline, min_edge_radius

MIN_BLOCK_AREA = 200.0  # m², smaller remnants are dropped
MIN_BLOCK_WIDTH = 3.0  # m, 2 * area / perimeter: thinner slivers are dropped
MAIN_ROAD_WIDTH = (18.0, 25.0)
ISLAND_BLOCK = (72.0, 56.0)

KIND_BARRIER_ROW, KIND_SEAM_ROW, KIND_LATTICE, KIND_ISLAND = 0, 1, 2, 3


@dataclass
class Frame:
    """Everything that depends only on the town radius (no blocks yet)."""

    radius: float
    outline: Polygon
    village_centres: np.ndarray
    barriers: list
    island: Polygon
    sectors: list
    island_sector: int
    seeds: np.ndarray  # (n_seeds + 1, 2) metres; the last one is the island's
    keys: np.ndarray  # character per seed (island included)
    sizes: np.ndarray  # (n_seeds + 1, 2) gross block size per seed
    street: np.ndarray  # (n_seeds + 1,) width of ordinary streets per seed (m)
    seed_ridges: list  # (a, b, LineString clipped to the outline, main road width)


@dataclass
class Points:
    xy: np.ndarray
    seed: np.ndarray
    sector: np.ndarray
    kind: np.ndarray


@dataclass
class Blocks:
    """Gross pieces and net blocks."""

    pieces: list  # gross polygons (street centre lines as edges)
    piece_cell: np.ndarray  # generator point of each piece
    piece_seed: np.ndarray
    piece_sector: np.ndarray
    adjacency: np.ndarray  # (m, 2) piece index pairs sharing an edge
    adjacency_cross: np.ndarray  # (m,) bool: the shared edge is a barrier line
    blocks: list  # net block polygons
    block_piece: np.ndarray


# ---------------------------------------------------------------------------- frame
def build_frame(radius, outline_plan, barrier_plan, nb_plan, rng_roads):
    outline, villages = build_outline(outline_plan, radius)
    barriers, island = build_barriers(barrier_plan, radius, outline, min_edge_radius(outline_plan))
    sectors, island_sector = build_sectors(outline, barriers, island)
    seeds = nb_plan.seeds * radius
    island_centre = np.asarray(island.representative_point().coords[0])
    island_key = "oldtown" if np.linalg.norm(island_centre) < 0.3 * radius else "village"
    keys = np.append(nb_plan.keys, island_key).astype(object)
    sizes = np.array([block_size(k, r) for k, r in zip(nb_plan.keys, nb_plan.radius_norm)])
    sizes = np.vstack([sizes, ISLAND_BLOCK])
    street = np.append(nb_plan.street, np.mean(CHARACTERS[island_key].street))
    ridges = _seed_ridges(seeds, radius, outline, rng_roads)
    seeds = np.vstack([seeds, island_centre])
    return Frame(
        radius, outline, villages, barriers, island, sectors, island_sector, seeds, keys, sizes, street, ridges
    )


def _frame_points(radius, n=48, factor=4.0):
    a = np.linspace(0, 2 * np.pi, n, endpoint=False)
    return factor * radius * np.column_stack([np.cos(a), np.sin(a)])


def _seed_ridges(seeds, radius, outline, rng):
    vor = Voronoi(np.vstack([seeds, _frame_points(radius)]))
    n = len(seeds)
    out = []
    widths = rng.uniform(*MAIN_ROAD_WIDTH, len(vor.ridge_points))
    for (a, b), verts, width in zip(vor.ridge_points, vor.ridge_vertices, widths):
        if a >= n or b >= n or -1 in verts:
            continue
        seg = LineString(vor.vertices[verts])
        clipped = seg.intersection(outline)
        if clipped.is_empty or clipped.length < 1.0:
            continue
        a, b = (int(a), int(b)) if a < b else (int(b), int(a))
        out.append((a, b, clipped, float(width)))
    return out


def _line_parts(geom):
    if geom.is_empty:
        return []
    if geom.geom_type == "LineString":
        return [geom]
    return [g for g in getattr(geom, "geoms", []) if g.geom_type == "LineString" and g.length > 0]


# --------------------------------------------------------------------------- points
def _lattice(seed_xy, size, angle, key, rng, reach):
    long_, short = size
    ch = CHARACTERS[key]
    nu = int(np.ceil(reach / long_)) + 1
    nv = int(np.ceil(reach / short)) + 1
    i, j = np.meshgrid(np.arange(-nu, nu + 1), np.arange(-nv, nv + 1))
    i = i.ravel().astype(float)
    j = j.ravel().astype(float)
    stagger = ch.stagger or ch.irregular
    u = rng.uniform(0, long_) + i * long_ + np.where(stagger & (np.abs(j) % 2 == 1), long_ / 2, 0.0)
    v = rng.uniform(0, short) + j * short
    u = u + rng.uniform(-0.5, 0.5, u.size) * ch.jitter * long_
    v = v + rng.uniform(-0.5, 0.5, v.size) * ch.jitter * short
    d = np.array([np.cos(angle), np.sin(angle)])
    n = np.array([-np.sin(angle), np.cos(angle)])
    return seed_xy[None, :] + u[:, None] * d[None, :] + v[:, None] * n[None, :]


def _densify(lines, step=5.0):
    """Points along the lines, at most ``step`` metres apart (vertices included)."""
    pts = []
    for line in lines:
        xy = np.asarray(line.coords)[:, :2]
        seg = xy[1:] - xy[:-1]
        n = np.maximum(1, np.ceil(np.linalg.norm(seg, axis=1) / step).astype(int))
        owner = np.repeat(np.arange(len(seg)), n)
        frac = np.arange(n.sum()) - np.repeat(np.cumsum(n) - n, n)
        t = frac / np.repeat(n, n)
        pts.append(xy[owner] + seg[owner] * t[:, None])
        pts.append(xy[-1:])
    return np.vstack(pts) if pts else np.zeros((0, 2))


def _seam_rows(frame):
    """Mirrored point rows on both sides of every main road (edge between neighbourhoods)."""
    xy, seed = [], []
    for a, b, geom, _width in frame.seed_ridges:
        la, sa = frame.sizes[a]
        lb, sb = frame.sizes[b]
        step = 0.5 * (la + lb)
        for part in _line_parts(geom):
            length = part.length
            if length < 0.5 * step:
                continue
            p0 = np.asarray(part.coords[0])
            p1 = np.asarray(part.coords[-1])
            tangent = (p1 - p0) / np.linalg.norm(p1 - p0)
            normal = np.array([-tangent[1], tangent[0]])
            if np.dot(frame.seeds[a] - (p0 + p1) / 2, normal) < 0:
                normal = -normal
            k = max(1, int(round(length / step)))
            t = (np.arange(k) + 0.5) / k
            base = p0[None, :] + t[:, None] * (p1 - p0)[None, :]
            xy.append(base + normal[None, :] * sa / 2)
            seed.append(np.full(k, a))
            xy.append(base - normal[None, :] * sb / 2)
            seed.append(np.full(k, b))
    if not xy:
        return np.zeros((0, 2)), np.zeros(0, dtype=int)
    return np.vstack(xy), np.concatenate(seed)


def _barrier_rows(frame, seed_tree):
    """Mirrored point rows along the barrier lines, so streets run along river and tracks."""
    xy, seed = [], []
    n_main = len(frame.seeds) - 1
    for barrier in frame.barriers:
        for part in _line_parts(barrier.line.intersection(frame.outline)):
            s = 0.0
            length = part.length
            while s < length:
                p = np.asarray(part.interpolate(s).coords[0])
                q = np.asarray(part.interpolate(min(s + 2.0, length)).coords[0])
                r = np.asarray(part.interpolate(max(s - 2.0, 0.0)).coords[0])
                tangent = q - r
                norm = np.linalg.norm(tangent)
                if norm == 0:
                    break
                normal = np.array([-tangent[1], tangent[0]]) / norm
                steps = []
                for side in (1.0, -1.0):
                    probe = p + side * normal * (barrier.width / 2 + 30.0)
                    k = int(seed_tree.query(probe)[1])
                    k = min(k, n_main - 1)
                    long_, short = frame.sizes[k]
                    xy.append(p + side * normal * (short / 2 + barrier.width / 4))
                    seed.append(k)
                    steps.append(long_)
                s += 0.5 * (steps[0] + steps[1])
    if not xy:
        return np.zeros((0, 2)), np.zeros(0, dtype=int)
    return np.array(xy), np.array(seed)


def _sector_of(frame, xy):
    label = np.full(len(xy), -1, dtype=np.int64)
    for k, sector in enumerate(frame.sectors):
        minx, miny, maxx, maxy = sector.bounds
        cand = np.flatnonzero(
            (label < 0) & (xy[:, 0] >= minx) & (xy[:, 0] <= maxx) & (xy[:, 1] >= miny) & (xy[:, 1] <= maxy)
        )
        if len(cand):
            inside = geo.contains_xy(sector, xy[cand, 0], xy[cand, 1])
            label[cand[inside]] = k
    return label


def generate_points(frame, nb_plan):
    """All generator points with their neighbourhood seed, sector and kind."""
    n_main = len(frame.seeds) - 1
    main_seeds = frame.seeds[:n_main]
    seed_tree = cKDTree(main_seeds)
    minx, miny, maxx, maxy = frame.outline.bounds
    vor = Voronoi(np.vstack([main_seeds, _frame_points(frame.radius)]))

    # 1. lattices
    lat_xy, lat_seed = [], []
    for k in range(n_main):
        region = vor.regions[vor.point_region[k]]
        verts = vor.vertices[[v for v in region if v >= 0]]
        verts = np.column_stack([np.clip(verts[:, 0], minx, maxx), np.clip(verts[:, 1], miny, maxy)])
        reach = float(np.max(np.linalg.norm(verts - main_seeds[k], axis=1))) + frame.sizes[k].max()
        rng_k = np.random.default_rng(int(nb_plan.jitter_seed[k]))
        pts = _lattice(main_seeds[k], frame.sizes[k], nb_plan.angle[k], frame.keys[k], rng_k, reach)
        pts = pts[(pts[:, 0] >= minx) & (pts[:, 0] <= maxx) & (pts[:, 1] >= miny) & (pts[:, 1] <= maxy)]
        if len(pts):
            owner = seed_tree.query(pts)[1]
            pts = pts[owner == k]
        lat_xy.append(pts)
        lat_seed.append(np.full(len(pts), k))
    lat_xy = np.vstack(lat_xy)
    lat_seed = np.concatenate(lat_seed)

    # 2. rows along main roads and barriers; lattice points too close to those lines go
    seam_xy, seam_seed = _seam_rows(frame)
    bar_xy, bar_seed = _barrier_rows(frame, seed_tree)
    lines = [part for _, _, g, _ in frame.seed_ridges for part in _line_parts(g)]
    lines += [part for b in frame.barriers for part in _line_parts(b.line.intersection(frame.outline))]
    dense = _densify(lines)
    if len(dense) and len(lat_xy):
        dist = cKDTree(dense).query(lat_xy)[0]
        keep = dist >= 0.75 * frame.sizes[lat_seed, 1]
        lat_xy, lat_seed = lat_xy[keep], lat_seed[keep]

    xy = np.vstack([bar_xy, seam_xy, lat_xy])
    seed = np.concatenate([bar_seed, seam_seed, lat_seed]).astype(np.int64)
    kind = np.concatenate(
        [np.full(len(bar_xy), KIND_BARRIER_ROW), np.full(len(seam_xy), KIND_SEAM_ROW), np.full(len(lat_xy), KIND_LATTICE)]
    )

    # 3. sector of each point; the island gets its own small lattice
    sector = _sector_of(frame, xy)
    keep = (sector >= 0) & (sector != (frame.island_sector if frame.island_sector is not None else -2))
    xy, seed, kind, sector = xy[keep], seed[keep], kind[keep], sector[keep]
    if frame.island_sector is not None:
        isl = frame.sectors[frame.island_sector]
        coords = np.asarray(isl.exterior.coords)
        axis = coords[np.argmax(np.linalg.norm(coords - coords[0], axis=1))] - coords[0]
        angle = float(np.arctan2(axis[1], axis[0]))
        rng_i = np.random.default_rng(int(nb_plan.jitter_seed[0]) + 1)
        centre = np.asarray(isl.representative_point().coords[0])
        pts = _lattice(centre, ISLAND_BLOCK, angle, "newbuild", rng_i, 400.0)
        pts = pts[geo.contains_xy(isl.buffer(-20.0), pts[:, 0], pts[:, 1])]
        if len(pts) == 0:
            pts = centre[None, :]
        xy = np.vstack([xy, pts])
        seed = np.concatenate([seed, np.full(len(pts), n_main)])
        kind = np.concatenate([kind, np.full(len(pts), KIND_ISLAND)])
        sector = np.concatenate([sector, np.full(len(pts), frame.island_sector)])

    # 4. thin out points closer than ~0.42 of the local block depth (priority: rows first)
    depth = frame.sizes[seed, 1]
    pairs = cKDTree(xy).query_pairs(r=0.42 * depth.max(), output_type="ndarray")
    if len(pairs):
        i, j = pairs[:, 0], pairs[:, 1]
        d = np.linalg.norm(xy[i] - xy[j], axis=1)
        close = d < 0.42 * np.minimum(depth[i], depth[j])
        i, j = np.minimum(i[close], j[close]), np.maximum(i[close], j[close])
        order = np.lexsort((j, i))
        removed = np.zeros(len(xy), dtype=bool)
        for a, b in zip(i[order], j[order]):
            if not removed[a]:
                removed[b] = True
        keep = ~removed
        xy, seed, kind, sector = xy[keep], seed[keep], kind[keep], sector[keep]
    return Points(xy, seed, sector, kind)


# --------------------------------------------------------------------------- blocks
def _halfplane(m, u, offset, size):
    """Polygon of the half-plane {x : (x - m) . u <= -offset}, ``size`` metres wide."""
    t = np.array([-u[1], u[0]])
    q = m - u * offset
    return Polygon([q + t * size, q - t * size, q - t * size - u * 2 * size, q + t * size - u * 2 * size])


def _split_by_lines(cell, segments):
    noded = unary_union([cell.boundary] + list(segments))
    parts = [p for p in polygonize(noded) if p.area > 0.01]
    inside = [p for p in parts if cell.contains(p.representative_point())]
    return inside or [cell]


def build_blocks(frame, points, rng):
    """Gross pieces, their adjacency and the net blocks."""
    n = len(points.xy)
    radius = frame.radius
    vor = Voronoi(np.vstack([points.xy, _frame_points(radius, n=64, factor=4.0)]))
    rings = [vor.vertices[vor.regions[vor.point_region[k]]] for k in range(n)]
    cells = geo.polygons_from_coords(rings)

    # clip to the outline (cells crossing its boundary)
    crossing = geo.intersects_mask(frame.outline.boundary, cells)
    clipped_idx = np.flatnonzero(crossing)
    clipped = geo.intersection([cells[k] for k in clipped_idx], frame.outline)
    cell_parts = {int(k): [cells[k]] for k in range(n)}
    for k, g in zip(clipped_idx, clipped):
        cell_parts[int(k)] = [p for p in geo.explode_polygons(g) if p.area > 1.0]

    # split by barrier lines
    chunks = chunk_lines(frame.barriers, frame.outline)
    chunk_geoms = [c for c, _ in chunks]
    flat_cells = [p for k in range(n) for p in cell_parts[k]]
    flat_owner = np.array([k for k in range(n) for _ in cell_parts[k]], dtype=np.int64)
    qi, tj = geo.query_pairs(chunk_geoms, flat_cells, predicate="intersects")
    split = {}
    for i, j in zip(qi, tj):
        split.setdefault(int(i), []).append(chunk_geoms[int(j)])
    clipped_set = set(clipped_idx.tolist())
    pieces, piece_cell, piece_full = [], [], []
    for idx, (geom, owner) in enumerate(zip(flat_cells, flat_owner)):
        if idx in split:
            parts = _split_by_lines(geom, split[idx])
        else:
            parts = [geom]
        pieces.extend(parts)
        piece_cell.extend([owner] * len(parts))
        full = idx not in split and int(owner) not in clipped_set
        piece_full.extend([full] * len(parts))
    piece_cell = np.asarray(piece_cell, dtype=np.int64)
    piece_full = np.asarray(piece_full, dtype=bool)

    # sector and neighbourhood of each piece
    reps = geo.representative_points(pieces)
    piece_sector = points.sector[piece_cell].copy()
    multi = np.bincount(piece_cell, minlength=n)[piece_cell] > 1
    check = np.flatnonzero(multi | np.isin(piece_cell, clipped_idx))
    if len(check):
        sec = _sector_of(frame, reps[check])
        for k in np.flatnonzero(sec < 0):  # a point inside the 5 cm cut: nearest sector
            p = Point(reps[check[k]])
            sec[k] = int(np.argmin([s.distance(p) for s in frame.sectors]))
        piece_sector[check] = sec
    piece_seed = points.seed[piece_cell].copy()
    n_main = len(frame.seeds) - 1
    moved = np.flatnonzero(piece_sector != points.sector[piece_cell])
    if len(moved):
        nearest = cKDTree(frame.seeds[:n_main]).query(reps[moved])[1]
        piece_seed[moved] = nearest
    if frame.island_sector is not None:
        piece_seed[piece_sector == frame.island_sector] = n_main

    adjacency, cross = _piece_adjacency(vor, n, pieces, piece_cell, piece_full, piece_sector)

    # street widths: ordinary streets per neighbourhood (+-1 m per block), then main roads
    half = (frame.street[piece_seed] + rng.uniform(-1.0, 1.0, n)[piece_cell]) / 2.0
    shrunk = geo.buffer_all(pieces, -half, join_style="mitre", cap_style="flat")

    road_width = {(a, b): w for a, b, _, w in frame.seed_ridges}
    rp = vor.ridge_points
    real = (rp[:, 0] < n) & (rp[:, 1] < n)
    rp = rp[real]
    ps = points.seed[rp]
    main = (ps[:, 0] != ps[:, 1]) & (points.sector[rp[:, 0]] == points.sector[rp[:, 1]])
    main_pairs = rp[main]
    cell_pieces = {}
    for k, c in enumerate(piece_cell):
        cell_pieces.setdefault(int(c), []).append(k)
    clips = {}
    big = 4.0 * radius
    for i, j in main_pairs:
        a, b = sorted((int(points.seed[i]), int(points.seed[j])))
        width = road_width.get((a, b), 20.0)
        pi, pj = points.xy[i], points.xy[j]
        m = (pi + pj) / 2
        u = (pj - pi) / np.linalg.norm(pj - pi)
        for cell, direction in ((int(i), u), (int(j), -u)):
            hp = _halfplane(m, direction, width / 2, big)
            for k in cell_pieces.get(cell, []):
                clips.setdefault(k, []).append(hp)
    max_rounds = max((len(v) for v in clips.values()), default=0)
    for r in range(max_rounds):
        ks = [k for k, v in clips.items() if len(v) > r]
        res = geo.intersection([shrunk[k] for k in ks], [clips[k][r] for k in ks])
        for k, g in zip(ks, res):
            shrunk[k] = g

    # barrier corridors
    corridors = [c.buffer(frame.barriers[b].width / 2, 8) for c, b in chunks]
    qi, tj = geo.query_pairs(corridors, shrunk, predicate="intersects")
    hits = {}
    for i, j in zip(qi, tj):
        hits.setdefault(int(i), []).append(corridors[int(j)])
    ks = sorted(hits)
    cut = geo.difference([shrunk[k] for k in ks], [unary_union(hits[k]) for k in ks])
    for k, g in zip(ks, cut):
        shrunk[k] = g

    blocks, block_piece = [], []
    for k, g in enumerate(shrunk):
        for part in geo.explode_polygons(g):
            if part.area >= MIN_BLOCK_AREA and 2 * part.area / part.length >= MIN_BLOCK_WIDTH:
                blocks.append(part)
                block_piece.append(k)
    return Blocks(
        pieces,
        piece_cell,
        piece_seed,
        piece_sector,
        adjacency,
        cross,
        blocks,
        np.asarray(block_piece, dtype=np.int64),
    )


def _piece_adjacency(vor, n, pieces, piece_cell, piece_full, piece_sector):
    """Pairs of pieces sharing an edge longer than 0.5 m, and whether a barrier separates them."""
    counts = np.bincount(piece_cell, minlength=n)
    first = np.full(n, -1, dtype=np.int64)
    for k in range(len(piece_cell) - 1, -1, -1):
        first[piece_cell[k]] = k
    simple = (counts == 1) & np.bincount(piece_cell, weights=piece_full, minlength=n).astype(bool)
    rp = vor.ridge_points
    rv = vor.ridge_vertices
    pairs = []
    cand_a, cand_b = [], []
    by_cell = {}
    for k, c in enumerate(piece_cell):
        by_cell.setdefault(int(c), []).append(k)
    for (i, j), verts in zip(rp, rv):
        if i >= n or j >= n:
            continue
        if simple[i] and simple[j] and -1 not in verts:
            seg = vor.vertices[verts]
            if np.linalg.norm(seg[1] - seg[0]) > 0.5:
                pairs.append((int(first[i]), int(first[j])))
            continue
        for a in by_cell.get(int(i), []):
            for b in by_cell.get(int(j), []):
                cand_a.append(a)
                cand_b.append(b)
    for ks in by_cell.values():
        if len(ks) > 1:
            for x in range(len(ks)):
                for y in range(x + 1, len(ks)):
                    cand_a.append(ks[x])
                    cand_b.append(ks[y])
    if cand_a:
        shared = geo.intersection([pieces[a] for a in cand_a], [pieces[b] for b in cand_b])
        lengths = np.array([g.length for g in shared])
        for a, b, length in zip(cand_a, cand_b, lengths):
            if length > 0.5:
                pairs.append((a, b))
    pairs = np.array(sorted(set((min(a, b), max(a, b)) for a, b in pairs)), dtype=np.int64).reshape(-1, 2)
    cross = piece_sector[pairs[:, 0]] != piece_sector[pairs[:, 1]] if len(pairs) else np.zeros(0, dtype=bool)
    return pairs, cross
