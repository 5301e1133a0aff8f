"""What a delineation is given (:class:`Problem`) and how it is solved (:class:`Settings`).

The split follows who decides what: the problem is the planners' town as it is (blocks,
links, residents, attributes, the population band, nesting units, the division in force);
the settings are choices about the search (how many spaces, seed, effort, weights of the
objective, what to do when the band cannot hold). The same problem can be solved with several
settings, and a settings object can be reused on another town. Each class checks its own
fields on construction, so :func:`~sozialraum.engine.delineation.delineate.solve` starts from valid input
and a bad value is named before any work is done.

Parameter names in the errors are the Processing parameter names where the user typed the
value (``MIN_POPULATION``), otherwise the library argument (``population``), so the adapters
can show them as they are.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from .attributes import finite_values
from .errors import ParameterError, check_number, format_values
from .objective import block_weights
from .population_band import DEFAULT_MAX_POPULATION, DEFAULT_MIN_POPULATION, PopulationBand
from .spatial.graph import Graph

#: ``on_infeasible``: refuse with the exact problems, or apply the documented fallbacks
#: (blocks above the maximum and islands become flagged spaces, islands join neighbours).
FAIL = "fail"
FALLBACK = "fallback"
#: Default weight of the border length against the SSD (see engine/objective.py) and default share
#: of residents in the block weights (engine/objective.block_weights: 1 weighs each block by its
#: residents, 0 counts every inhabited block alike). Chosen together on five instance families
#: (the sample town, a 20,000-block town, lattices of 2,500 and 10,000 cells, Georgia's 159
#: counties) against the bounded peers, bench/RESULTS.md "Issue 20, point 4: the default chosen
#: on every family": weights by residents alone over-fit the most populous blocks and gave away
#: the unweighted homogeneity; the mix with a lower border weight is better in both shares and
#: keeps the spaces about as compact.
DEFAULT_COMPACTNESS = 0.2
DEFAULT_POPULATION_WEIGHT = 0.3


@dataclass(frozen=True, eq=False)  # eq on arrays is ambiguous; compare fields explicitly
class Problem:
    """The blocks to divide and the rules every space must follow.

    Arrays are normalised on construction (population and attributes as floats, see
    ``__post_init__``); the dataclass is frozen so a problem can be solved repeatedly, but
    numpy arrays stay writable: do not change them in place.
    """

    graph: Graph  # blocks (0..n-1) and their neighbour links (barriers, nesting already cut)
    population: np.ndarray  # residents per block; NaN counts as 0
    attributes: np.ndarray  # prepared (standardised, weighted) attributes, n x m; NaN/inf as the mean (0)
    min_population: float = DEFAULT_MIN_POPULATION  # every space holds at least this many residents ...
    max_population: float = DEFAULT_MAX_POPULATION  # ... and at most this many
    units: np.ndarray | None = None  # nesting unit per block: spaces never span two (None: one unit)
    initial_division: np.ndarray | None = None  # existing space per block, the warm start (None: none)
    locked_spaces: frozenset = field(default_factory=frozenset)  # values of initial_division kept as they are
    points: np.ndarray | None = None  # n x 2, a point inside each block: joins islands, numbers spaces NW to SE
    active: np.ndarray | None = None  # blocks to divide (others get label 0); None: all
    block_areas: np.ndarray | None = None  # area of each block (CRS units²); for the shape polish and Settings.shape_weight
    block_perimeters: np.ndarray | None = None  # outline length of each block (CRS units); the same
    # the block polygons (shapely, CRS units; None for blocks left out) and the gap closed between them:
    # the comb check measures a suspect space's Polsby-Popper on its closed outline, as the report does
    block_shapes: list | None = None
    closing: float = 0.0
    band: PopulationBand = field(init=False, repr=False)  # min/max as one rule (engine/population_band.py)

    def __post_init__(self):
        # frozen: normalised values are set through object.__setattr__, once, here
        def normalise(name, value):
            object.__setattr__(self, name, value)

        n = self.graph.n
        normalise("population", np.nan_to_num(np.asarray(self.population, dtype=float)))
        normalise("attributes", finite_values(self.attributes))  # one policy for non-finite values, see there
        normalise("locked_spaces", frozenset(self.locked_spaces or ()))
        normalise("active", np.ones(n, dtype=bool) if self.active is None else np.asarray(self.active, dtype=bool))
        if self.units is not None:
            normalise("units", np.asarray(self.units, dtype=object))
        if self.initial_division is not None:
            normalise("initial_division", np.asarray(self.initial_division, dtype=object))
        if self.points is not None:
            normalise("points", np.asarray(self.points, dtype=float))
        for name in ("block_areas", "block_perimeters"):
            value = getattr(self, name)
            if value is not None:
                normalise(name, _block_measure(name, value, self.active))

        if len(self.population) != n:
            raise ParameterError("population", len(self.population), f"needs one value per block ({n})")
        if len(self.attributes) != n:
            raise ParameterError("attributes", len(self.attributes), f"needs one row per block ({n})")
        if (self.population < 0).any():
            raise ParameterError("population", float(self.population.min()), "population counts cannot be negative")
        normalise("band", PopulationBand(self.min_population, self.max_population))  # checks the bounds
        if self.locked_spaces and self.initial_division is None:
            raise ParameterError("locked", sorted(map(str, self.locked_spaces)), "locked spaces need an initial division")

    def unit_of_blocks(self):
        """The nesting unit of each block, 0 for all when there is no nesting."""
        return np.zeros(self.graph.n, dtype=object) if self.units is None else self.units


def _block_measure(name, value, active):
    """``value`` as one positive float per block; blocks not divided (no geometry) get 0.

    A block to divide without a positive, finite area or perimeter is refused, naming the first
    blocks: the shape polish and term would silently count it as a point."""
    try:
        value = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        raise ParameterError(name, "…", "needs a number per block (decimal point, not comma)") from None
    if value.ndim != 1 or len(value) != len(active):
        raise ParameterError(name, value.shape, f"needs one value per block ({len(active)})")
    bad = np.flatnonzero(active & ~(np.isfinite(value) & (value > 0)))
    if len(bad):
        raise ParameterError(name, f"blocks {format_values(bad.tolist())}",
                             "must be a positive number for every block to divide (a missing or empty geometry?)")
    return np.where(active, value, 0.0)


@dataclass(frozen=True)
class Settings:
    """How to solve a :class:`Problem`: the same settings give the same division (the seed
    and the effort, never the clock, decide the search)."""

    n_spaces: int = 0  # number of spaces; 0: automatic, population / target_population
    target_population: float | None = None  # residents per space aimed at when automatic; None: middle of the band
    seed: int = 0  # seeds every random choice; restarts use seeds derived from it
    compactness: float = DEFAULT_COMPACTNESS  # weight of the border length against the SSD (0: SSD only)
    weight_by_population: bool = True  # SSD weights blocks by residents (False: every block counts 1, parks too)
    population_weight: float = DEFAULT_POPULATION_WEIGHT  # residents' share in the block weights, 0..1 (objective.block_weights)
    effort: float = 1.0  # scales the improvement passes and re-splits (0.1: quick look, 1: default)
    # weight of the isoperimetric term Σ perimeter / √area (engine/delineation/shapeterm.py; needs the
    # problem's block areas and perimeters); 0: off. Experimental: the local search and the
    # re-splits' acceptance use it, the shape clean-up and merge-and-resplit only the border term.
    shape_weight: float = 0.0
    on_infeasible: str = FALLBACK  # FAIL: refuse when the bounds cannot hold; FALLBACK: flagged spaces
    # processes for the search's two starts (Ward and tree cuts, engine/delineation/delineate.py): 2 runs the
    # second in a worker process on problems large enough to pay for starting one; 1: one after the other.
    # The division is the same either way.
    workers: int = 1

    def __post_init__(self):
        # one check for every number: text, None, bools, NaN and ∞ otherwise fail deep inside the
        # search (TypeError, OverflowError) or are taken silently (an outside check found both)
        check_number("N_SPACES", self.n_spaces, "must be 0 (automatic) or a positive whole number", integer=True)
        check_number("seed", self.seed, "must be a whole number", integer=True, low=None)
        if self.target_population is not None:
            check_number("target_population", self.target_population, "must be a positive number or None (automatic)",
                          positive=True)
        check_number("COMPACTNESS", self.compactness, "must be a number, 0 or more")
        check_number("POPULATION_WEIGHT", self.population_weight, "must be a number between 0 and 1", high=1.0)
        check_number("effort", self.effort, "must be a number, 0 or more (1: default)")
        check_number("SHAPE_WEIGHT", self.shape_weight, "must be a number, 0 or more")
        check_number("workers", self.workers, "must be a whole number, 1 or more", integer=True, low=1)
        if self.on_infeasible not in (FAIL, FALLBACK):
            raise ParameterError("on_infeasible", self.on_infeasible, "must be 'fail' or 'fallback'")

    def search_weights(self, population, active=None):
        """The search's block weights (objective.block_weights with population_weight); None,
        every block counting 1, when weighting by residents is switched off."""
        return block_weights(population, active, self.population_weight) if self.weight_by_population else None
