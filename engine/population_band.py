"""The population band: every space's residents between a floor and a ceiling.

One object holds the rule that the delineation, the scoring of a division, the consultation
session, the report flags and the histogram all apply, so they cannot disagree: the bounds
and their check (one error key, translated by the adapters), the status of a population with
one tolerance, and how far a population lies outside.

The status words are the ones written to the ``status`` field of the spaces layers and read
by their styles (resources/styles/spaces.qml), so they are part of the output format:
``ok``, ``below``, ``above``; a division adds ``flagged`` and ``locked`` (see
:func:`space_status`).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .errors import ParameterError

#: Defaults of the Processing parameters MIN_POPULATION / MAX_POPULATION and of the library.
DEFAULT_MIN_POPULATION = 700.0
DEFAULT_MAX_POPULATION = 8500.0

#: Status of a space's population against the band.
WITHIN = "ok"
BELOW = "below"
ABOVE = "above"
#: Status of a space the band does not decide: kept as the committee decided, or with a flag
#: (island joined, not contiguous, a block alone above the maximum).
LOCKED = "locked"
FLAGGED = "flagged"
#: Statuses that count as a problem of the division (map outline, report list, N_* outputs).
PROBLEM_STATUSES = (BELOW, ABOVE, FLAGGED)

#: ParameterError key of a band that cannot hold (translated in algorithms/base.py).
BAND_ORDER_KEY = "band_order"

#: Populations are compared with this relative slack, so sums that drift by rounding
#: (non-integer residents, e.g. interpolated) do not flip a space that sits exactly on a bound.
RELATIVE_SLACK = 1e-9


class BandError(ParameterError):
    """Bounds that cannot hold (minimum negative or not below the maximum); ``details`` carry
    ``lower`` and ``upper`` for the translated message."""

    def __init__(self, name, lower, upper):
        super().__init__(name, _plain(lower), f"must be at least 0 and below the maximum ({_plain(upper)})",
                         key=BAND_ORDER_KEY)
        self.details.update(lower=lower, upper=upper)


@dataclass(frozen=True)
class PopulationBand:
    """Residents a space may hold: ``lower`` <= population <= ``upper``.

    ``name`` is the parameter the user typed the minimum into, named in the error.
    """

    lower: float = DEFAULT_MIN_POPULATION
    upper: float = DEFAULT_MAX_POPULATION
    name: str = "MIN_POPULATION"

    def __post_init__(self):
        object.__setattr__(self, "lower", float(self.lower))
        object.__setattr__(self, "upper", float(self.upper))
        if not (np.isfinite(self.lower) and np.isfinite(self.upper) and 0 <= self.lower < self.upper):
            raise BandError(self.name, self.lower, self.upper)

    @property
    def slack(self):
        return RELATIVE_SLACK * max(1.0, abs(self.upper))

    def status(self, population):
        """:data:`WITHIN`, :data:`BELOW` or :data:`ABOVE` for one population."""
        if population < self.lower - self.slack:
            return BELOW
        if population > self.upper + self.slack:
            return ABOVE
        return WITHIN

    def statuses(self, populations):
        """:meth:`status` of each population, as an object array."""
        populations = np.asarray(populations, dtype=float)
        status = np.full(populations.shape, WITHIN, dtype=object)
        status[populations < self.lower - self.slack] = BELOW
        status[populations > self.upper + self.slack] = ABOVE
        return status

    def violation(self, population):
        """Residents missing below the floor or beyond the ceiling (0 inside the band)."""
        return max(0.0, self.lower - population, population - self.upper)

    def contains(self, population):
        return self.status(population) == WITHIN


def space_status(band, population, locked=False, flags=()):
    """The one status of a space in a division: a locked space stays ``locked`` whatever its
    population (the decision is the committee's; the report lists it apart); otherwise the band
    decides, and a space inside the band with a flag is ``flagged``."""
    if locked:
        return LOCKED
    status = band.status(population)
    if status == WITHIN and flags:
        return FLAGGED
    return status


def optional_band(lower, upper):
    """A band from bounds that may be missing (None: no check on that side), for scoring
    divisions made elsewhere: not checked (scoring against lower == upper is a question one may ask)."""
    return _OpenBand(lower, upper)


class _OpenBand(PopulationBand):
    """A band open on one or both sides (evaluate with only a floor, or none), not checked."""

    def __init__(self, lower, upper):
        object.__setattr__(self, "lower", -np.inf if lower is None else float(lower))
        object.__setattr__(self, "upper", np.inf if upper is None else float(upper))
        object.__setattr__(self, "name", "MIN_POPULATION")

    @property
    def slack(self):
        return RELATIVE_SLACK * max(1.0, abs(self.upper) if np.isfinite(self.upper) else abs(self.lower)
                                    if np.isfinite(self.lower) else 1.0)


def _plain(value):
    return int(value) if float(value).is_integer() else value
