"""Grid graphs for the engine tests (block r * cols + c)."""
from sozialraum.engine.spatial.graph import Graph


def grid_graph(rows, cols, diagonals=False):
    """Rook (optionally queen) grid graph; block r * cols + c."""
    left, right = [], []
    for r in range(rows):
        for c in range(cols):
            i = r * cols + c
            if c + 1 < cols:
                left.append(i), right.append(i + 1)
            if r + 1 < rows:
                left.append(i), right.append(i + cols)
            if diagonals and r + 1 < rows:
                if c + 1 < cols:
                    left.append(i), right.append(i + cols + 1)
                if c > 0:
                    left.append(i), right.append(i + cols - 1)
    return Graph(rows * cols, left, right)
