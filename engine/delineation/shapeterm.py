"""An isoperimetric shape term for the search: Σ over spaces of perimeter / √area.

The border term (engine/objective.py) counts every metre of border between spaces alike, so a
long border of a large outer space costs as much as the same length between small inner-city
spaces. The mean Polsby-Popper of a division (4π · area / perimeter², the figure on the
planners' maps and in bench/quality.py) counts each space once, whatever its size. P / √A is
scale-free like it (PP = 4π / (P / √A)²), and a sum over spaces counts each space once too.
Measured in bench/RESULTS.md ("two levers measured"): at the same mean Polsby-Popper the
lattices' unweighted SSD share is 2.5–3.5 % lower than with the border term.

A space's perimeter is the sum of its blocks' perimeters less twice the lengths its blocks share
with each other (the graph's link lengths: shared boundary, or facing length across a street),
its area the sum of the block areas. When a block moves, both change by the block's own figures
and the lengths it shares with the two spaces, so a move's change needs only those two spaces.

Weight: ``shape_weight`` · scale · Σ_s P_s / √A_s with scale = SSD scale / (4 · spaces), so the
weight is a share of the total sum of squares per unit of the mean P / √A of a square (4):
0.04 costs 4 % of the total sum of squares for a division of squares.
"""
from __future__ import annotations

import numpy as np


def isoperimetric(perimeter, area):
    """P / √A of one space; 0 for a space without area (degenerate blocks only)."""
    return perimeter / area**0.5 if area > 0.0 else 0.0


class ShapeTerm:
    """Block areas and perimeters on a graph, and the weight that turns Σ P / √A into SSD units."""

    def __init__(self, graph, areas, perimeters, weight, ssd_scale, n_spaces):
        self.graph = graph
        self.areas = np.nan_to_num(np.asarray(areas, dtype=float))
        self.perimeters = np.nan_to_num(np.asarray(perimeters, dtype=float))
        self.area_list, self.perimeter_list = self.areas.tolist(), self.perimeters.tolist()
        self.link_length = np.ones(len(graph.left)) if graph.length is None else np.asarray(graph.length, dtype=float)
        #: SSD units per unit of Σ P / √A
        self.scale = float(weight) * float(ssd_scale) / (4.0 * max(1, int(n_spaces)))

    def region_figures(self, labels, k):
        """Perimeter and area of each region 0..k-1 (negative labels: in no region)."""
        labels = np.asarray(labels)
        inside = labels >= 0
        codes = labels[inside]
        area = np.bincount(codes, weights=self.areas[inside], minlength=k)
        perimeter = np.bincount(codes, weights=self.perimeters[inside], minlength=k)
        a, b = labels[self.graph.left], labels[self.graph.right]
        shared = (a == b) & (a >= 0)
        perimeter -= 2.0 * np.bincount(a[shared], weights=self.link_length[shared], minlength=k)
        return perimeter, area

    def cost(self, labels):
        """The term in SSD units for a division given as labels."""
        labels = np.asarray(labels)
        k = int(labels.max()) + 1 if len(labels) and labels.max() >= 0 else 0
        perimeter, area = self.region_figures(labels, k)
        filled = area > 0.0
        return self.scale * float((perimeter[filled] / np.sqrt(area[filled])).sum())
