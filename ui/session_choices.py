"""What the dock chooses for a blocks layer before the planner does: fields, bounds, neighbourhood.

The bounds come from the run that made the layer (its stored record,
``qgisio/run_parameters.py``), else from the defaults of "Propose social spaces" itself
(its parameter definitions: the one place they are set), so the dock and the algorithm never
disagree. Fields: the record's, else a field named like a space or a population; never the
feature id column ``fid`` (a GeoPackage's), which a field box would otherwise pick first.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

from ..i18n import tr
from ..qgisio.run_parameters import barrier_layers, delineation_of, layer_folder
from .formatting import format_population
from .session_layer import DEFAULT_GAP

#: names of a space field, best first (compared without case)
SPACE_NAMES = ("space_id", "space", "sozialraum", "sozialraum_id", "sr_id", "sr")
#: names of a population field, best first
POPULATION_NAMES = ("pop_total", "population", "pop", "einwohner", "ew_gesamt", "ew", "residents", "bevoelkerung")
#: never chosen on its own: a feature id, not a space or a count of residents
ID_NAMES = ("fid", "id", "ogc_fid", "objectid", "gid")


@functools.lru_cache(maxsize=1)
def algorithm_bounds():
    """``(lower, upper)``: the population bounds "Propose social spaces" proposes by default."""
    from ..algorithms.delineate import DelineateAlgorithm

    algorithm = DelineateAlgorithm()
    algorithm.initAlgorithm()
    return (float(algorithm.parameterDefinition("MIN_POPULATION").defaultValue()),
            float(algorithm.parameterDefinition("MAX_POPULATION").defaultValue()))


def bounds_for(record):
    """The bounds of the run ``record`` (None: the algorithm's defaults)."""
    if record is not None:
        try:
            lower, upper = float(record["lower"]), float(record["upper"])
            if 0 <= lower < upper:
                return lower, upper
        except (KeyError, TypeError, ValueError):
            pass
    return algorithm_bounds()


def _guess(fields, names, prefixes, numeric):
    candidates = [field for field in fields if not numeric or field.isNumeric()]
    by_name = {field.name().casefold(): field.name() for field in candidates}
    for name in names:
        if name in by_name:
            return by_name[name]
    for field in candidates:
        name = field.name().casefold()
        if name not in ID_NAMES and name.startswith(prefixes):
            return field.name()
    return ""


def space_field(layer, record=None):
    """The space field to pre-select ('' when nothing looks like one)."""
    names = layer.fields().names()
    if record is not None and record.get("space_field") in names:
        return record["space_field"]
    return _guess(layer.fields(), SPACE_NAMES, ("space", "sozialraum"), numeric=False)


def population_field(layer, record=None):
    """The population field to pre-select ('' when nothing looks like one)."""
    names = layer.fields().names()
    if record is not None and record.get("population_field") in names:
        return record["population_field"]
    return _guess(layer.fields(), POPULATION_NAMES, ("pop", "einw", "ew_", "resident"), numeric=True)


def attributes(layer, record=None):
    """The attributes to tick: the record's that the layer has ([] without a record)."""
    names = set(layer.fields().names())
    return [name for name in (record or {}).get("attributes", []) if name in names]


@dataclass(frozen=True)
class Neighbourhood:
    """The adjacency rules of a session: as :func:`~sozialraum.qgisio.blocks_input.block_adjacency` takes them."""

    gap: float
    barriers: tuple
    nest: str | None
    text: str  # what the dock shows
    added_links: tuple = ()  # (position, position): islands the run joined to their nearest block
    missing: tuple = ()  # names of the run's barrier layers that cannot be read
    replaced: bool = False  # barrier lines chosen in the dock stand in for the missing ones


def neighbourhood(layer, chosen_barriers=(), line_layers=()):
    """The rules for ``layer``: its run's record decides (barriers found among ``line_layers`` by
    source, else opened from it); without a record, ``chosen_barriers`` and the default gap.
    Where a run's barrier layer cannot be read (moved, renamed), the barrier lines chosen here
    stand in for it: the dock then offers them and says so."""
    record = delineation_of(layer) if layer is not None else None
    if record is not None:
        barriers, missing = barrier_layers(record, line_layers, layer_folder(layer))
        standing_in = []
        if missing:
            sources = {b.source() for b in barriers}
            standing_in = [b for b in chosen_barriers if b.source() not in sources]
            barriers += standing_in
        nest = record.get("nest")
        gap = float(record.get("gap", DEFAULT_GAP))
        text = tr("as the run that made the layer: gap {gap} m, barriers: {barriers}, nesting: {nest}").format(
            gap=format_population(gap), barriers=", ".join(b.name() for b in barriers) or tr("none"),
            nest=nest or tr("none"))
        if missing:
            text += "\n" + missing_barriers_text(missing, bool(standing_in))
        links = record.get("added_links") or ()
        if record.get("blocks") != layer.featureCount():  # blocks added or deleted since: positions mean nothing
            links = ()
        return Neighbourhood(gap, tuple(barriers), nest, text, tuple(tuple(link) for link in links), tuple(missing),
                             bool(standing_in))
    barriers = tuple(chosen_barriers)
    text = tr("chosen here: gap {gap} m, barriers: {barriers}").format(
        gap=format_population(DEFAULT_GAP), barriers=", ".join(b.name() for b in barriers) or tr("none"))
    return Neighbourhood(DEFAULT_GAP, barriers, None, text)


def missing_barriers_text(missing, replaced=False):
    """What the dock and the message bar say when a run's barrier layers cannot be read."""
    if replaced:
        return tr("The run's barrier layers cannot be read: {names}. The barrier lines chosen here are used "
                  "instead.").format(names=", ".join(missing))
    return tr("The run's barrier layers cannot be read: {names}. Contiguity is judged without them; choose the "
              "barrier lines under 'Barrier lines'.").format(names=", ".join(missing))


def weighting(record, attributes):
    """``(weights, structure, balance)`` of the run ``record`` when ``attributes`` are its attributes
    (the SSD then weighs them as the run did), else None (equal weights)."""
    if record is None or sorted(attributes) != sorted(record.get("attributes") or []):
        return None
    return record.get("weights") or "", tuple(record.get("structure") or ()), bool(record.get("balance"))
