"""Speed of evaluate_division on a 100k-block grid (moved here from a timed unit test).

    python bench/scoring_speed.py        # prints seconds per run (best of 3)
"""
import time

import numpy as np
from common import use_repository_engine

use_repository_engine()  # the checkout, importable as 'sozialraum'

from sozialraum.engine.scoring import evaluate_division  # noqa: E402
from sozialraum.engine.spatial.graph import Graph  # noqa: E402


def grid(rows, cols):
    index = np.arange(rows * cols).reshape(rows, cols)
    left = np.concatenate([index[:, :-1].ravel(), index[:-1, :].ravel()])
    right = np.concatenate([index[:, 1:].ravel(), index[1:, :].ravel()])
    return Graph(rows * cols, left, right)


def main():
    rng = np.random.default_rng(1)
    rows = cols = 316
    graph = grid(rows, cols)
    n = rows * cols
    labels = (np.arange(n) // cols // 8) * 100 + (np.arange(n) % cols) // 8
    population = rng.integers(0, 50, n)
    values = rng.normal(size=(n, 20))
    times = []
    for _ in range(3):
        start = time.perf_counter()
        evaluate_division(labels, population, values, 700, 8500, graph,
                          barrier_pairs=(graph.left[:1000], graph.right[:1000]), nest=labels // 1000)
        times.append(time.perf_counter() - start)
    print(f"evaluate_division, {n} blocks, 20 attributes, {len(np.unique(labels))} spaces: {min(times):.2f} s (best of 3)")


if __name__ == "__main__":
    main()
