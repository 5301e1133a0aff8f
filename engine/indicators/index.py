"""Composite social index (Berlin social-monitoring style) and its dynamics.

Steps: z-score each chosen rate across the included spaces (mean 0, standard deviation 1,
``ddof=1`` as in SPSS/Excel STANDARDIZE), multiply by the indicator's sign (+1: higher value
= more need) and weight, sum, standardise the sum again. Higher index = more need.
Classes by breaks (default -1, +1, +1.5 -> 4 classes); a value equal to a break belongs to
the lower class. Spaces flagged as excluded (e.g. under 300 residents) or with a NULL in a
chosen rate get no index and do not influence the others' z-scores.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ..attributes import negligible_spread
from ..errors import ParameterError

DEFAULT_BREAKS = (-1.0, 1.0, 1.5)
#: class labels for the default breaks (English; the plugin shows them translated)
DEFAULT_LABELS = ("high status", "medium status", "low status", "very low status")
DYNAMICS_LABELS = ("improving", "stable", "worsening", "strongly worsening")


@dataclass
class IndexResult:
    """``z``: signed z-scores per space and indicator; ``score``: weighted sum; ``index``: the
    standardised sum; ``klass``: class number 1..len(breaks)+1 (nullable integer);
    ``label``: class label per space, ``labels``: the label of each class; ``excluded``: reason per excluded space;
    ``warnings``: e.g. indicators without variance (contribute 0)."""

    z: pd.DataFrame
    score: pd.Series
    index: pd.Series
    klass: pd.Series
    label: pd.Series
    excluded: pd.Series
    breaks: tuple
    labels: tuple
    signs: dict
    weights: dict
    warnings: list = field(default_factory=list)

    def table(self):
        return pd.DataFrame({"index": self.index, "class": self.klass, "label": self.label,
                             "excluded": self.excluded})


def _spread(frame, ddof):
    """Standard deviation per column, 0 where it is only rounding noise (see negligible_spread)."""
    std = frame.std(ddof=ddof)
    magnitude = frame.abs().max()
    return std.where(~negligible_spread(std.to_numpy(), magnitude.to_numpy()), 0.0)


def standardise(values, ddof=1):
    """z-scores of each column (NaN stays NaN); a column without variance gives 0."""
    frame = pd.DataFrame(values, dtype=float)
    std = _spread(frame, ddof)
    z = (frame - frame.mean()) / std.where(std > 0, 1.0)
    for column in frame.columns[~(std > 0).to_numpy()]:
        z[column] = frame[column].where(frame[column].isna(), 0.0)
    return z


def classify(values, breaks=DEFAULT_BREAKS):
    """Class 1..len(breaks)+1 of each value (a value on a break goes to the lower class)."""
    breaks = tuple(float(b) for b in breaks)
    if list(breaks) != sorted(breaks) or len(set(breaks)) != len(breaks):
        raise ParameterError("breaks", breaks, "must be strictly increasing")
    series = pd.Series(values, dtype=float)
    numbers = np.searchsorted(np.asarray(breaks), series.to_numpy(), side="left") + 1
    return pd.Series(numbers, index=series.index).where(series.notna()).astype("Int64")


def _labels(breaks, labels, default, fallback):
    k = len(breaks) + 1
    if labels is not None:
        if len(labels) != k:
            raise ParameterError("labels", labels, f"needs {k} labels for {len(breaks)} breaks")
        return tuple(labels)
    if tuple(breaks) == DEFAULT_BREAKS:
        return default
    return tuple(f"{fallback} {i}" for i in range(1, k + 1))


def _resolve_signs(columns, signs, catalogue):
    out = {}
    for column in columns:
        sign = None
        if signs is not None and column in signs:
            sign = signs[column]
        elif catalogue is not None and column in catalogue:
            sign = catalogue[column].sign
        if sign not in (1, -1, 1.0, -1.0):
            raise ParameterError(
                f"sign[{column}]", sign,
                "needs +1 (higher = more need) or -1 (higher = less need); set it or higher_is in the catalogue",
            )
        out[column] = int(sign)
    return out


def social_index(rates, signs=None, weights=None, exclude=None, breaks=DEFAULT_BREAKS, labels=None,
                 catalogue=None, ddof=1):
    """Composite index of the columns of ``rates`` (spaces x indicators).

    ``signs``: {column: +1 or -1}; missing ones come from the catalogue's ``higher_is``
    (worse -> +1, better -> -1). ``weights``: {column: weight} (default 1). ``exclude``: bool
    Series (True = leave out, e.g. too small) or a collection of space ids.
    """
    rates = pd.DataFrame(rates)
    if rates.shape[1] == 0:
        raise ParameterError("rates", "[]", "choose at least one indicator")
    signs = _resolve_signs(rates.columns, signs, catalogue)
    weights = {c: float((weights or {}).get(c, 1.0)) for c in rates.columns}
    excluded = pd.Series("", index=rates.index, dtype=object)
    if exclude is not None:
        if isinstance(exclude, pd.Series) and exclude.dtype == bool:
            flagged = exclude.reindex(rates.index, fill_value=False).to_numpy()
        else:
            flagged = rates.index.isin(list(exclude))
        excluded[flagged] = "excluded"
    missing = rates.isna()
    for space in rates.index[missing.any(axis=1).to_numpy() & (excluded == "").to_numpy()]:
        excluded[space] = "missing: " + ", ".join(str(c) for c in rates.columns[missing.loc[space].to_numpy()])
    included = (excluded == "").to_numpy()
    z = pd.DataFrame(np.nan, index=rates.index, columns=rates.columns)
    warnings = []
    if included.sum() >= 2:
        sub = rates[included]
        std = _spread(sub, ddof)
        for column in rates.columns:
            if not std[column] > 0:
                warnings.append(f"{column}: no variance across the included spaces (contributes 0)")
        z.loc[included] = standardise(sub, ddof).to_numpy()
    elif included.any():
        warnings.append("fewer than 2 spaces included: no index")
        excluded[included] = "too few spaces"
        included[:] = False
    signed = z * pd.Series(signs) * pd.Series(weights)
    score = signed.sum(axis=1, min_count=1).where(pd.Series(included, index=rates.index))
    index = pd.Series(np.nan, index=rates.index, dtype=float)
    if included.sum() >= 2:
        s = score[included]
        spread = s.std(ddof=ddof)
        index[included] = ((s - s.mean()) / spread if spread > 0 else s * 0.0).to_numpy()
    klass = classify(index, breaks)
    labels = _labels(breaks, labels, DEFAULT_LABELS, "class")
    # by position, not Series.map: pandas 2.2 maps nullable integers as floats
    label = pd.Series([labels[int(k) - 1] if pd.notna(k) else None for k in klass], index=klass.index, dtype=object)
    return IndexResult(z=signed, score=score, index=index, klass=klass, label=label, excluded=excluded,
                       breaks=tuple(breaks), labels=labels, signs=signs, weights=weights, warnings=warnings)


def dynamics_index(rates_before, rates_after, signs=None, weights=None, exclude=None, breaks=DEFAULT_BREAKS,
                   labels=None, catalogue=None, ddof=1):
    """The same index on the changes (after - before, e.g. percentage points over two years).

    Only spaces and indicators present at both time points; a positive index = worsening
    (more need) relative to the other spaces.
    """
    before = pd.DataFrame(rates_before)
    after = pd.DataFrame(rates_after)
    columns = [c for c in after.columns if c in before.columns]
    if not columns:
        raise ParameterError("rates_before", list(before.columns), "shares no indicator with rates_after")
    spaces = after.index.intersection(before.index)
    changes = after.loc[spaces, columns] - before.loc[spaces, columns]
    if labels is None and tuple(breaks) == DEFAULT_BREAKS:
        labels = DYNAMICS_LABELS
    return social_index(changes, signs, weights, exclude, breaks, labels, catalogue, ddof)
