"""Warm start: a first partition from an existing division (the planners' current spaces).

Each initial space keeps its largest connected piece; cut-off fragments and blocks without a
space join a neighbouring space; parts without any initial space are partitioned from
scratch; then the count is matched by merging the smallest or splitting the largest spaces.
"""
import numpy as np


def warm_start_labels(graph, labels, next_label, parts, counts, initial, locked_set, free, cutter, population):
    """Labels from an existing division: fragments and gaps filled from neighbours, count adjusted.

    ``labels`` holds the fixed (locked, above-maximum) spaces already; ``next_label`` is the
    first free label. Blocks of ``initial`` spaces that are locked stay out. Returns the
    labels and the next free label.
    """
    initial = np.asarray(initial, dtype=object)
    lists = graph.neighbour_lists()
    values_seen = {}
    for block in np.flatnonzero(free):
        value = initial[block]
        if value is None or value in locked_set or (isinstance(value, float) and np.isnan(value)):
            continue
        if value not in values_seen:
            values_seen[value] = next_label
            next_label += 1
        labels[block] = values_seen[value]
    # keep the largest connected piece of each initial space, free the rest
    for label in values_seen.values():
        members = np.flatnonzero(labels == label)
        pieces = graph.subgraph(members).components()
        if pieces.max() > 0:
            sizes = np.bincount(pieces)
            keep = np.argmax(sizes)
            labels[members[pieces != keep]] = -1
    # grow regions into unassigned free blocks
    changed = True
    while changed:
        changed = False
        for block in np.flatnonzero(free & (labels < 0)):
            neighbour_labels = [labels[j] for j in lists[block] if labels[j] >= 0 and free[j]]
            if neighbour_labels:
                labels[block] = max(set(neighbour_labels), key=lambda lab: (neighbour_labels.count(lab), -lab))
                changed = True
    # parts without any initial space: partition from scratch
    for blocks, q in zip(parts, counts):
        if (labels[blocks] < 0).all():
            for piece in cutter.partition(blocks, q):
                labels[piece] = next_label
                next_label += 1
    # match the requested count by merging the smallest or splitting the largest spaces
    wanted = int(counts.sum()) if counts is not None else None
    free_labels = sorted(set(labels[free].tolist()) - {-1})
    while wanted is not None and len(free_labels) > wanted:
        pops = {lab: population[labels == lab].sum() for lab in free_labels}
        smallest = min(free_labels, key=lambda lab: (pops[lab], lab))
        members = np.flatnonzero(labels == smallest)
        neighbours = {int(labels[j]) for b in members for j in lists[b] if free[j]} - {smallest, -1}
        if not neighbours:
            break
        partner = min(neighbours, key=lambda lab: (pops[lab], lab))
        labels[members] = partner
        free_labels.remove(smallest)
    while wanted is not None and len(free_labels) < wanted:
        pops = {lab: population[labels == lab].sum() for lab in free_labels}
        largest = max(free_labels, key=lambda lab: (pops[lab], -lab))
        cut = cutter.best_cut(np.flatnonzero(labels == largest), 2)
        if cut is None:
            break
        (side, _), _ = cut
        labels[side] = next_label
        free_labels.append(next_label)
        next_label += 1
    # renumber densely
    used = sorted(set(labels[labels >= 0].tolist()))
    fixed = [lab for lab in used if not free[np.flatnonzero(labels == lab)[0]]]
    mapping = {lab: lab for lab in fixed}
    position = len(fixed)
    for lab in used:
        if lab not in mapping:
            mapping[lab] = position
            position += 1
    labels = np.array([mapping.get(lab, -1) if lab >= 0 else -1 for lab in labels.tolist()], dtype=np.int64)
    return labels, position
