"""Stadtteile: contiguous groups of neighbourhoods, bounded by barriers where possible.

Neighbourhood parts ("patches": one neighbourhood seed within one part of the
town between barriers) are clustered by a weighted k-means on their centres;
the patch nearest to each cluster centre grows its district by a multi-source
Dijkstra over the patch adjacency graph, where crossing a barrier costs ten
times more than a main road. A final pass moves gross blocks so that every
district is one connected polygon.
"""
import numpy as np
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components, dijkstra

from ..spatial import geometry as geo
from . import names

_CROSS_PENALTY = 10.0


def district_count(n_blocks):
    """10-15 Stadtteile for a town of about 3,500 blocks; more for larger towns."""
    n = int(round(12 * np.sqrt(n_blocks / 3500.0)))
    return max(10, n)


def _weighted_kmeans(rng, xy, weight, k, iterations=25):
    w = weight / weight.sum()
    centres = [xy[int(rng.choice(len(xy), p=w))]]
    for _ in range(1, k):  # k-means++ seeding
        d2 = np.min(((xy[:, None, :] - np.array(centres)[None, :, :]) ** 2).sum(-1), axis=1)
        p = w * d2
        centres.append(xy[int(rng.choice(len(xy), p=p / p.sum()))])
    centres = np.array(centres)
    for _ in range(iterations):
        lab = np.argmin(((xy[:, None, :] - centres[None, :, :]) ** 2).sum(-1), axis=1)
        for c in range(k):
            m = lab == c
            if m.any():
                centres[c] = np.average(xy[m], axis=0, weights=weight[m])
    return centres


def _components(n, pairs):
    if len(pairs) == 0:
        return n, np.arange(n)
    g = coo_matrix((np.ones(len(pairs)), (pairs[:, 0], pairs[:, 1])), shape=(n, n))
    return connected_components(g, directed=False)


def make_contiguous(labels, pairs, weights):
    """Reassign detached parts of a label to the neighbouring label they share most edges with."""
    labels = labels.copy()
    n = len(labels)
    for _ in range(50):
        same = pairs[labels[pairs[:, 0]] == labels[pairs[:, 1]]]
        ncomp, comp = _components(n, same)
        # main component of every label = the heaviest one
        size = np.bincount(comp, weights=weights, minlength=ncomp)
        main = {}
        for c in range(ncomp):
            lab = labels[np.flatnonzero(comp == c)[0]]
            if lab not in main or size[c] > size[main[lab]]:
                main[lab] = c
        stray = np.array([main[labels[np.flatnonzero(comp == c)[0]]] != c for c in range(ncomp)])
        if not stray.any():
            return labels
        changed = False
        for c in np.flatnonzero(stray):
            members = comp == c
            a, b = pairs[:, 0], pairs[:, 1]
            border = np.concatenate([b[members[a] & ~members[b]], a[members[b] & ~members[a]]])
            if len(border) == 0:
                continue
            cand = labels[border]
            values, counts = np.unique(cand, return_counts=True)
            labels[members] = values[np.argmax(counts)]
            changed = True
        if not changed:
            return labels
    return labels


def build_districts(rng, frame, blocks, piece_weight, n_districts):
    """District index (0..k-1) per gross piece, ordered so that 0 is the Altstadt."""
    pieces = blocks.pieces
    key = blocks.piece_seed * (len(frame.sectors) + 1) + blocks.piece_sector
    patch_keys, piece_patch = np.unique(key, return_inverse=True)
    n_patch = len(patch_keys)
    area = geo.areas(pieces)
    cent = geo.centroids(pieces)
    p_area = np.bincount(piece_patch, weights=area, minlength=n_patch)
    p_xy = np.column_stack(
        [np.bincount(piece_patch, weights=cent[:, k] * area, minlength=n_patch) / p_area for k in range(2)]
    )
    p_weight = np.bincount(piece_patch, weights=piece_weight, minlength=n_patch)
    p_weight = 0.6 * p_weight / p_weight.sum() + 0.4 * p_area / p_area.sum()

    k = min(n_districts, n_patch)
    centres = _weighted_kmeans(rng, p_xy, p_weight, k)
    sources = []
    for c in centres:
        order = np.argsort(((p_xy - c) ** 2).sum(1))
        sources.append(int(next(o for o in order if o not in sources)))
    # the old town and the station quarter are always sources: they get their own districts
    centre_patch = int(np.argmin((p_xy ** 2).sum(1) + 1e12 * (p_weight <= 0)))
    forced = [centre_patch]
    patch_seed = patch_keys // (len(frame.sectors) + 1)
    station = np.flatnonzero(frame.keys[patch_seed] == "station")
    if len(station):
        forced.append(int(station[np.argmax(p_area[station])]))
    for f in forced:
        if f in sources:
            continue
        free = [i for i, s in enumerate(sources) if s not in forced]
        nearest = min(free, key=lambda i: ((p_xy[sources[i]] - p_xy[f]) ** 2).sum())
        sources[nearest] = f

    a = piece_patch[blocks.adjacency[:, 0]]
    b = piece_patch[blocks.adjacency[:, 1]]
    m = a != b
    a, b, cross = a[m], b[m], blocks.adjacency_cross[m]
    dist = np.linalg.norm(p_xy[a] - p_xy[b], axis=1) * np.where(cross, _CROSS_PENALTY, 1.0) + 1e-6
    graph = coo_matrix((dist, (a, b)), shape=(n_patch, n_patch)).tocsr()
    d, _, src = dijkstra(graph, directed=False, indices=sources, return_predecessors=True, min_only=True)
    source_index = {s: i for i, s in enumerate(sources)}
    patch_district = np.array([source_index.get(int(s), -1) for s in src])
    lost = np.flatnonzero(patch_district < 0)
    for p in lost:  # unreachable patches: nearest source
        patch_district[p] = int(np.argmin([((p_xy[s] - p_xy[p]) ** 2).sum() for s in sources]))

    piece_district = patch_district[piece_patch]
    piece_district = make_contiguous(piece_district, blocks.adjacency, area)
    # order: Altstadt first, then inner ring, then outer, each clockwise from north
    labels = np.unique(piece_district)
    d_area = np.array([area[piece_district == label].sum() for label in labels])
    d_xy = np.array([np.average(cent[piece_district == label], axis=0, weights=area[piece_district == label])
                     for label in labels])
    alt = piece_district[piece_patch == centre_patch][0]
    ring = np.where(np.linalg.norm(d_xy, axis=1) < 0.5 * frame.radius, 0, 1)
    clock = (np.pi / 2 - np.arctan2(d_xy[:, 1], d_xy[:, 0])) % (2 * np.pi)
    order = sorted(range(len(labels)), key=lambda i: (labels[i] != alt, ring[i], clock[i]))
    remap = {int(labels[i]): r for r, i in enumerate(order)}
    piece_district = np.array([remap[int(v)] for v in piece_district], dtype=np.int64)
    return piece_district, d_xy[order], d_area[order]


def name_districts(rng, frame, blocks, piece_district, district_xy, river_share):
    """German names: Altstadt, Bahnhofsviertel, Am Flussufer, villages, compass names, places."""
    k = len(district_xy)
    pool = names.NamePool(rng)
    result = [None] * k
    result[0] = pool.take(["Altstadt"])
    seed_keys = frame.keys[blocks.piece_seed]

    def dominant(d, key):
        m = piece_district == d
        return np.mean(seed_keys[m] == key) if m.any() else 0.0

    station = [dominant(d, "station") for d in range(k)]
    s = int(np.argmax(station))
    if result[s] is None and station[s] > 0.1:
        result[s] = pool.take(["Bahnhofsviertel"])
    for d in np.argsort(-np.asarray(river_share)):
        if result[d] is None and river_share[d] > 0.08:
            result[d] = pool.take(["Am Flussufer"])
            break
    villages = list(names.VILLAGE_NAMES)
    for d in range(k):
        if result[d] is None and dominant(d, "village") > 0.2:
            result[d] = pool.take(villages)
    for d in range(k):
        if result[d] is None and dominant(d, "highrise") > 0.4:
            result[d] = pool.take(names.HIGHRISE_NAMES)
        elif result[d] is None and dominant(d, "newbuild") > 0.4:
            result[d] = pool.take(names.NEWBUILD_NAMES)
    # compass names for the districts nearest the centre in each direction
    free = [d for d in range(k) if result[d] is None]
    free.sort(key=lambda d: np.linalg.norm(district_xy[d]))
    for d in free:
        c = names.compass(np.arctan2(district_xy[d][1], district_xy[d][0]))
        name = names.COMPASS_NAMES[c]
        if name not in pool.used:
            result[d] = pool.take([name])
    places = list(names.PLACE_NAMES)
    order = rng.permutation(len(places))
    places = [places[i] for i in order]
    for d in range(k):
        if result[d] is None:
            result[d] = pool.take(places)
    return result
