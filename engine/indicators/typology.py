"""Typology of spaces: cluster analysis of standardised indicators (scikit-learn).

``method="kmeans"`` (n_init=10, ``seed``) or ``"ward"`` (agglomerative, deterministic); ``k``
given or chosen by the best silhouette over ``k_range`` (ties: the smaller k). Types are
numbered 1..k: by increasing need (mean signed z-score, when signs are given) so type 1 =
least need as in Düsseldorf's 1 = very low ... 5 = very high need, otherwise by size
(largest first). The profile table gives each type's mean of every indicator in original
units (plain mean over its spaces), the number of spaces and, if given, the population.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ..errors import ParameterError
from .index import standardise

METHODS = ("kmeans", "ward")


@dataclass
class TypologyResult:
    labels: pd.Series  # type 1..k per space (nullable Int64; NA for excluded spaces)
    k: int
    method: str
    silhouette: dict  # k -> silhouette score (only the k tried)
    profile: pd.DataFrame  # type x (indicator means, n_spaces[, population])
    centres: pd.DataFrame  # type x indicator, in z-scores
    excluded: pd.Series
    warnings: list = field(default_factory=list)


def _cluster(z, k, method, seed):
    if method == "kmeans":
        from sklearn.cluster import KMeans

        return KMeans(n_clusters=k, n_init=10, random_state=seed).fit_predict(z)
    from sklearn.cluster import AgglomerativeClustering

    return AgglomerativeClustering(n_clusters=k, linkage="ward").fit_predict(z)


def typology(values, method="kmeans", k=None, k_range=(3, 8), seed=0, exclude=None, signs=None,
             population=None, ddof=1):
    """Cluster the spaces (rows of ``values``) into types; see the module text."""
    from sklearn.metrics import silhouette_score

    if method not in METHODS:
        raise ParameterError("method", method, f"must be one of {', '.join(METHODS)}")
    values = pd.DataFrame(values, dtype=float)
    excluded = pd.Series("", index=values.index, dtype=object)
    if exclude is not None:
        if isinstance(exclude, pd.Series) and exclude.dtype == bool:
            flagged = exclude.reindex(values.index, fill_value=False).to_numpy()
        else:
            flagged = values.index.isin(list(exclude))
        excluded[flagged] = "excluded"
    excluded[(excluded == "").to_numpy() & values.isna().any(axis=1).to_numpy()] = "missing values"
    included = (excluded == "").to_numpy()
    data = values[included]
    n = len(data)
    z = standardise(data, ddof).to_numpy()
    if k is not None:
        if not 2 <= int(k) <= n - 1:
            raise ParameterError("k", k, f"must be between 2 and {n - 1} for {n} spaces")
        candidates = [int(k)]
    else:
        low, high = int(k_range[0]), int(k_range[1])
        candidates = [c for c in range(max(2, low), high + 1) if c <= n - 1]
        if not candidates:
            raise ParameterError("k_range", k_range, f"no k in range fits {n} spaces")
    scores, labelings = {}, {}
    for c in candidates:
        found = _cluster(z, c, method, seed)
        labelings[c] = found
        scores[c] = float(silhouette_score(z, found)) if len(set(found)) > 1 else float("nan")
    if k is None:
        best = max(candidates, key=lambda c: (np.nan_to_num(scores[c], nan=-2.0), -c))
    else:
        best = candidates[0]
    raw = labelings[best]
    # deterministic numbering
    clusters = sorted(set(raw.tolist()))
    if signs:
        sign_vec = np.array([float(signs.get(c, 0)) for c in values.columns])
        need = {c: float((z[raw == c] * sign_vec).sum(axis=1).mean()) for c in clusters}
        order = sorted(clusters, key=lambda c: (need[c], -np.sum(raw == c), c))
    else:
        order = sorted(clusters, key=lambda c: (-np.sum(raw == c), float(z[raw == c].mean()), c))
    number = {c: i + 1 for i, c in enumerate(order)}
    types = np.array([number[c] for c in raw], dtype=np.int64)
    labels = pd.Series(pd.NA, index=values.index, dtype="Int64")
    labels[included] = types
    profile = data.groupby(types).mean()
    profile.index.name = "type"
    profile["n_spaces"] = pd.Series(types).value_counts().sort_index().to_numpy()
    if population is not None:
        pop = pd.Series(population, dtype=float).reindex(data.index).to_numpy()
        profile["population"] = pd.Series(pop).groupby(types).sum().to_numpy()
    centres = pd.DataFrame(z, index=data.index, columns=values.columns).groupby(types).mean()
    centres.index.name = "type"
    return TypologyResult(labels=labels, k=best, method=method, silhouette=scores, profile=profile,
                          centres=centres, excluded=excluded)
