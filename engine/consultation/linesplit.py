"""Which side of a line the planner drew each block lies on (splitting a space along a street).

The line is usually drawn along a street, through the gaps between net blocks, so cutting
the blocks' union with it would find nothing to cut. Instead the drawn line is extended
straight beyond both ends until it leaves every block, and it cuts a box around all of them
in two; each block goes with the half holding its inner point. A line that crosses itself
(more than two pieces hold blocks) is refused rather than guessed at.
"""
from __future__ import annotations

import math

import numpy as np
import shapely.ops
from shapely.geometry import LineString, Point, box

from ..errors import ParameterError

#: reasons of the ParameterError (``error.details["reason"]``), for translated messages
NO_COORDINATES = "the line has a point without coordinates"
TOO_SHORT = "a line needs at least two different points"
CROSSES_ITSELF = "the line crosses itself; draw it once across the space"


def _line_vertices(line):
    """The drawn vertices without consecutive repeats (a double click adds one twice)."""
    vertices = []
    for x, y in line:
        x, y = float(x), float(y)
        if not (math.isfinite(x) and math.isfinite(y)):
            raise ParameterError("line", (x, y), NO_COORDINATES)
        if not vertices or (x, y) != vertices[-1]:
            vertices.append((x, y))
    if len(vertices) < 2:
        raise ParameterError("line", len(vertices), TOO_SHORT)
    return vertices


def _extended(vertices, length):
    """``vertices`` with both end segments prolonged outwards by ``length``."""
    def beyond(end, before):
        dx, dy = end[0] - before[0], end[1] - before[1]
        norm = math.hypot(dx, dy)
        return end[0] + dx / norm * length, end[1] + dy / norm * length

    return [beyond(vertices[0], vertices[1]), *vertices, beyond(vertices[-1], vertices[-2])]


def sides_of_line(points, line):
    """Side (0 or 1) of each of ``points`` ((n, 2) inner points of blocks) relative to ``line``.

    Side 0 is the half holding the first point; raises :class:`ParameterError` when the line
    has fewer than two points, or when it crosses itself so that more than two pieces hold
    points. All points on one side is a valid answer (the caller says the line misses).
    """
    points = np.asarray(points, dtype=float).reshape(-1, 2)
    vertices = _line_vertices(line)
    if not len(points):
        return np.zeros(0, dtype=np.int64)
    coordinates = np.vstack([points, np.asarray(vertices)])
    xmin, ymin = coordinates.min(axis=0)
    xmax, ymax = coordinates.max(axis=0)
    diagonal = math.hypot(xmax - xmin, ymax - ymin) + 1.0
    # the box reaches a quarter diagonal beyond everything; the ends reach further still
    frame = box(xmin - diagonal / 4, ymin - diagonal / 4, xmax + diagonal / 4, ymax + diagonal / 4)
    cutter = LineString(_extended(vertices, 2 * diagonal))
    pieces = [piece for piece in getattr(shapely.ops.split(frame, cutter), "geoms", [])]
    piece_of = np.full(len(points), -1, dtype=np.int64)
    for index, piece in enumerate(pieces):
        for i in np.flatnonzero(piece_of < 0):
            if piece.intersects(Point(points[i])):
                piece_of[i] = index
    used = sorted(set(piece_of.tolist()) - {-1})
    if len(used) > 2:
        raise ParameterError("line", len(used), CROSSES_ITSELF)
    first = piece_of[0]
    return (piece_of != first).astype(np.int64)
