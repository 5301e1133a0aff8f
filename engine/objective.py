"""The delineation's objective, in one place: within-space sum of squares (SSD) and shape.

For a space with blocks x_1..x_n (prepared attribute rows), SSD = Σ‖x_i − mean‖². With block
weights w_i (residents, see :func:`block_weights`) it is the weighted SSD_w = Σ w_i‖x_i − m_w‖²
around the weighted mean m_w = Σw_i·x_i / Σw_i: a park without residents then weighs nothing
and a high-rise block as much as its residents. Two forms of the same quantity are needed:

- from the values (:func:`group_ssd`, :func:`ssd_per_space`): centred, numerically the most
  accurate; used to score a finished division (``delineate``'s result, ``evaluate``);
- from running sums (:func:`ssd_of_sums`): Q − ‖S‖²/W with W = Σw, S = Σw·x, Q = Σw‖x‖²
  (unweighted: w = 1, W = n), which moves, merges and cuts update in O(attributes) (local
  search, recombination, tree cuts). A group whose weight is (about) 0 has SSD 0.

The shape term is the length of the borders between spaces (:func:`border_length`): the
adjacency gives every link the length the two blocks share, or face each other across a
street gap, so streets inside a space cost nothing. The search minimises
SSD + λ·border with λ = compactness · TSS / total link length (:func:`border_weight`), so a
compactness weight means the same with and without population weights and on any town:
1 trades one TSS of homogeneity against the length of all links.

``tests/engine/test_objective.py`` checks that the forms agree.
"""
import numpy as np

#: A group whose total weight is at most this holds no residents: its SSD is 0. Weights are
#: scaled to a mean of 1 per block (:func:`block_weights`), so one resident in a town of 40
#: residents per block still weighs 0.025; unweighted counts are whole numbers.
EMPTY_WEIGHT = 1e-9


def block_weights(population, active=None, share=1.0):
    """Weight per block for the weighted SSD: ``share`` · residents / mean residents of the
    ``active`` blocks + (1 − ``share``) for each block with residents; blocks without residents
    (parks, industry) weigh 0.

    ``share`` 1 weighs each block by its residents, 0 counts every inhabited block alike; the
    search mixes both (``Settings.population_weight``, bench/RESULTS.md). Either way a block
    without residents has no social figures of its own (its rates are imputed), so only the
    border decides where it goes. The scale (mean 1 per block at share 1) keeps the weighted SSD
    of the same order as the unweighted one; the objective's ratios do not depend on it.
    Without residents at all every block weighs 1.
    """
    population = np.nan_to_num(np.asarray(population, dtype=float))
    chosen = population if active is None else population[np.asarray(active, dtype=bool)]
    mean = chosen.mean() if len(chosen) else 0.0
    if not mean > 0:
        return np.ones(len(population))
    share = float(share)
    if share == 1.0:
        return population / mean
    return share * (population / mean) + (1.0 - share) * (population > 0)


def ssd_of_sums(count, sums, squares):
    """SSD from the count (or total weight W), the sums Σx (Σw·x) and the squares Σ‖x‖² (Σw‖x‖²).

    Scalars and one sums vector give a float; arrays (one row of ``sums`` per group) give an
    array. Empty groups (count or weight 0, up to :data:`EMPTY_WEIGHT`) have SSD 0.
    """
    sums = np.asarray(sums, dtype=float)
    if sums.ndim == 1:
        if count <= EMPTY_WEIGHT:
            return 0.0
        return float(squares - sums.dot(sums) / count)
    count = np.asarray(count, dtype=float)
    filled = count > EMPTY_WEIGHT
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(filled, squares - (sums**2).sum(axis=1) / np.where(filled, count, 1.0), 0.0)


def group_ssd(x, weights=None):
    """SSD of one group of rows (0 for an empty group); weighted around the weighted mean."""
    if not len(x):
        return 0.0
    if weights is None:
        return float(((x - x.mean(axis=0)) ** 2).sum())
    weights = np.asarray(weights, dtype=float)
    total = weights.sum()
    if total <= EMPTY_WEIGHT:
        return 0.0
    mean = weights.dot(x) / total
    return float(weights.dot(((x - mean) ** 2).sum(axis=1)))


def ssd_per_space(codes, values, k, weights=None):
    """SSD of each space 0..k-1; ``codes`` gives the space per row (-1: in no space)."""
    codes = np.asarray(codes)
    inside = codes >= 0
    c, x = codes[inside], values[inside]
    if not len(c):
        return np.zeros(k)
    w = None if weights is None else np.asarray(weights, dtype=float)[inside]
    n = np.bincount(c, weights=w, minlength=k)
    means = np.empty((k, x.shape[1]))
    for j in range(x.shape[1]):
        means[:, j] = np.bincount(c, weights=x[:, j] if w is None else w * x[:, j], minlength=k)
    if w is None:
        means /= np.maximum(n, 1)[:, None]
    else:
        means /= np.where(n > EMPTY_WEIGHT, n, 1.0)[:, None]
    squares = ((x - means[c]) ** 2).sum(axis=1)
    return np.bincount(c, weights=squares if w is None else w * squares, minlength=k)


def division_ssd(labels, values, weights=None):
    """Total SSD of a division given as labels (negative: in no space)."""
    labels = np.asarray(labels)
    if weights is None:
        return float(sum(group_ssd(values[labels == region]) for region in np.unique(labels[labels >= 0])))
    weights = np.asarray(weights, dtype=float)
    return float(sum(group_ssd(values[labels == region], weights[labels == region])
                     for region in np.unique(labels[labels >= 0])))


def total_ss(values, weights=None):
    """Total sum of squares around the overall mean (the SSD of one space holding everything)."""
    return group_ssd(values, weights) if len(values) else 0.0


def border_length(labels, graph):
    """Length of the links between blocks of different spaces (each link once)."""
    labels = np.asarray(labels)
    heads = np.repeat(np.arange(graph.n), np.diff(graph.indptr))
    different = labels[heads] != labels[graph.indices]
    return float(graph.edge_length[different].sum()) / 2.0


def total_link_length(graph):
    """Length of all links (each once); 1 for a graph without lengths, so scales never divide by 0."""
    return float(graph.edge_length.sum()) / 2.0 or 1.0


def border_weight(compactness, tss, graph):
    """λ of the objective SSD + λ·border for a ``compactness`` weight (see the module docstring)."""
    return float(compactness) * (tss or 1.0) / total_link_length(graph)
