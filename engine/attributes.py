"""Preparing block attributes for homogeneity: standardise, weight, fill gaps.

Each attribute is z-scored over the blocks that have a value (blocks without residents
often have no rates). Missing values become the mean (0 after standardising) so they
neither attract nor repel. Weights multiply the standardised columns; because the
objective is a sum of squares, a weight w scales that attribute's influence by w².
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .errors import ParameterError
from .numbers import parse_number, parse_pairs


@dataclass
class PreparedAttributes:
    values: np.ndarray  # n x m, standardised and weighted
    names: list
    weights: np.ndarray
    means: np.ndarray
    stds: np.ndarray
    missing: dict  # attribute name -> indices of blocks whose value was missing
    constant: list  # attributes without variation (they get no influence)


def parse_weights(text, names):
    """Parse 'field=2;field2=0,5' into a weight per attribute (default 1).

    Either decimal mark works; pairs are separated by ';' (or ',' before a field name); names
    holding ',' or '=' are quoted. Weights that are all 0 are refused: no attribute would count,
    and the search would report a perfect division (SSD share 0). Each ParameterError carries a
    ``key`` (weights_syntax, not_an_attribute, weight_not_number, weight_negative,
    all_weights_zero) for translated messages.
    """
    weights = {name: 1.0 for name in names}
    if not text:
        return weights
    try:
        pairs = parse_pairs(str(text))
    except ValueError as error:
        raise ParameterError("WEIGHTS", str(error), "expected field=weight, e.g. 'sgb2_rate=2;bld_highrise=0,5'",
                             key="weights_syntax") from None
    for name, value in pairs:
        item = f"{name}={value}"
        if name not in weights:
            raise ParameterError("WEIGHTS", name, "is not one of the chosen attributes", key="not_an_attribute")
        try:
            weight = parse_number(value)
        except ValueError:
            raise ParameterError("WEIGHTS", item, "the weight is not a number", key="weight_not_number") from None
        if not np.isfinite(weight) or weight < 0:
            raise ParameterError("WEIGHTS", item, "weights must be 0 or more", key="weight_negative")
        weights[name] = weight
    if weights and not any(weights.values()):
        raise ParameterError("WEIGHTS", str(text), "every weight is 0, so no attribute counts; give at least one "
                             "attribute a weight above 0", key="all_weights_zero")
    return weights


def balance_groups(weights, groups):
    """Rescale weights so each group (e.g. social vs building structure) has the same total.

    ``groups`` maps attribute name -> group label; attributes without a group keep their weight.
    Because influence grows with the squared weight, groups are balanced on Σ w².
    """
    labels = sorted({groups[name] for name in weights if name in groups})
    if len(labels) < 2:
        return dict(weights)
    totals = {label: sum(weights[n] ** 2 for n in weights if groups.get(n) == label) for label in labels}
    target = np.mean([total for total in totals.values() if total > 0]) if any(totals.values()) else 0.0
    balanced = dict(weights)
    for name, weight in weights.items():
        label = groups.get(name)
        if label is not None and totals[label] > 0:
            balanced[name] = weight * np.sqrt(target / totals[label])
    return balanced


def finite_values(values):
    """Prepared attribute values as an n x m float array, non-finite entries as 0.

    The engine's one policy for missing and non-finite values (NaN, ±inf): in prepared
    (centred) attributes 0 is the attribute mean, so such a block counts as average, as
    :func:`prepare_attributes` does for missing raw values. :func:`delineate` and
    :func:`evaluate_division` both apply it, so they score the same labels the same way.
    """
    values = np.asarray(values, dtype=float)
    if values.ndim == 1:
        values = values[:, None]
    return np.where(np.isfinite(values), values, 0.0)


#: Spread below this share of a column's magnitude is rounding noise, not a signal: 0.1 stored
#: in every block has a computed standard deviation of about 1e-17, which scaling would blow up
#: to +-1 (and, with missing values, into a fake pattern).
RELATIVE_SPREAD_TOLERANCE = 1e-9


def negligible_spread(std, magnitude):
    """True where a standard deviation is zero up to rounding, relative to the values' magnitude."""
    std = np.asarray(std, dtype=float)
    magnitude = np.asarray(magnitude, dtype=float)
    return ~(std > RELATIVE_SPREAD_TOLERANCE * np.maximum(magnitude, np.finfo(float).tiny))


def prepare_attributes(columns, names, weights=None):
    """Standardise ``columns`` (n x m array or list of columns) and apply ``weights`` (dict or list)."""
    values = np.asarray(columns, dtype=float)
    if values.ndim == 1:
        values = values[:, None]
    n, m = values.shape
    if len(names) != m:
        raise ParameterError("ATTRIBUTES", len(names), f"expected {m} names")
    if weights is None:
        weight_array = np.ones(m)
    elif isinstance(weights, dict):
        weight_array = np.array([float(weights.get(name, 1.0)) for name in names])
    else:
        weight_array = np.asarray(weights, dtype=float)
    finite = np.isfinite(values)
    counts = finite.sum(axis=0)
    sums = np.where(finite, values, 0.0).sum(axis=0)
    means = np.divide(sums, counts, out=np.zeros(m), where=counts > 0)
    centred = np.where(finite, values - means, 0.0)
    variances = np.divide((centred**2).sum(axis=0), counts, out=np.zeros(m), where=counts > 0)
    stds = np.sqrt(variances)
    magnitude = np.where(finite, np.abs(values), 0.0).max(axis=0) if n else np.zeros(m)
    stds = np.where(negligible_spread(stds, magnitude), 0.0, stds)
    constant = [names[j] for j in range(m) if stds[j] == 0]
    scale = np.divide(weight_array, stds, out=np.zeros(m), where=stds > 0)
    prepared = centred * scale
    missing = {names[j]: np.flatnonzero(~finite[:, j]) for j in range(m) if (~finite[:, j]).any()}
    return PreparedAttributes(prepared, list(names), weight_array, means, stds, missing, constant)
