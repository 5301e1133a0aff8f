"""The delineation's objective, in one place: the within-space sum of squares (SSD).

For a space with blocks x_1..x_n (prepared attribute rows), SSD = Σ‖x_i − mean‖². Two forms of
the same quantity are needed:

- from the values (:func:`group_ssd`, :func:`ssd_per_space`): centred, numerically the most
  accurate; used to score a finished division (``delineate``'s result, ``evaluate``);
- from running sums (:func:`ssd_of_sums`): Σ‖x‖² − ‖Σx‖²/n, which moves, merges and cuts
  update in O(attributes) (local search, recombination, tree cuts).

``tests/engine/test_objective.py`` checks that they agree.
"""
import numpy as np


def ssd_of_sums(count, sums, squares):
    """SSD from the count, the attribute sums Σx and the sum of squared norms Σ‖x‖².

    Scalars and one sums vector give a float; arrays (one row of ``sums`` per group) give an
    array. Empty groups (count 0) have SSD 0.
    """
    sums = np.asarray(sums, dtype=float)
    if sums.ndim == 1:
        if count <= 0:
            return 0.0
        return float(squares - sums.dot(sums) / count)
    count = np.asarray(count, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        return squares - np.where(count > 0, (sums**2).sum(axis=1) / np.maximum(count, 1), 0.0)


def group_ssd(x):
    """SSD of one group of rows (0 for an empty group)."""
    if not len(x):
        return 0.0
    return float(((x - x.mean(axis=0)) ** 2).sum())


def ssd_per_space(codes, values, k):
    """SSD of each space 0..k-1; ``codes`` gives the space per row (-1: in no space)."""
    codes = np.asarray(codes)
    inside = codes >= 0
    c, x = codes[inside], values[inside]
    if not len(c):
        return np.zeros(k)
    n = np.bincount(c, minlength=k)
    means = np.empty((k, x.shape[1]))
    for j in range(x.shape[1]):
        means[:, j] = np.bincount(c, weights=x[:, j], minlength=k)
    means /= np.maximum(n, 1)[:, None]
    return np.bincount(c, weights=((x - means[c]) ** 2).sum(axis=1), minlength=k)


def division_ssd(labels, values):
    """Total SSD of a division given as labels (negative: in no space)."""
    labels = np.asarray(labels)
    return float(sum(group_ssd(values[labels == region]) for region in np.unique(labels[labels >= 0])))


def total_ss(values):
    """Total sum of squares around the overall mean (the SSD of one space holding everything)."""
    return group_ssd(values) if len(values) else 0.0
