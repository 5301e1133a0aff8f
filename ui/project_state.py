"""The consultation's plugin state in the QGIS project, with a schema version (issue 11).

Which layer and fields, the bounds, the attributes, the locks and the session id are plugin
state, not data: they are stored in the project (scope :data:`SCOPE`, saved with the project
file) and restored when the dock is opened on that project, so the next meeting starts where
the last one ended. The decision log is data and lives with the layer (``ui/decision_log.py``).

Entries under the scope ``sozialraum``::

    schema_version                 1
    consultation/layer_id          the blocks layer's id in the project
    consultation/space_field       consultation/population_field
    consultation/attributes        a list of field names
    consultation/lower             consultation/upper (numbers, as text: exact round trip)
    consultation/locked            JSON list of the locked spaces' labels (numbers stay numbers), for
                                   reading only: a session takes its locks from the layer's decision
                                   log (``decision_log.locked_spaces``), where they live with the layer
    consultation/session_id        a random id, kept while the session stays on the same layer

A project written by a later schema (a higher version) is not read: :func:`read_state`
returns None rather than guess what its entries mean. Writing an unchanged state writes
nothing (no needless "project modified").
"""
from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field

SCOPE = "sozialraum"
SCHEMA_VERSION = 1
PREFIX = "consultation/"


@dataclass(frozen=True)
class ConsultationState:
    layer_id: str
    space_field: str
    population_field: str
    attributes: tuple = ()
    lower: float = 0.0
    upper: float = 1.0
    locked: tuple = ()
    session_id: str = field(default_factory=lambda: uuid.uuid4().hex)


def _entries(state):
    return {
        "layer_id": state.layer_id, "space_field": state.space_field, "population_field": state.population_field,
        "lower": repr(float(state.lower)), "upper": repr(float(state.upper)),
        "locked": json.dumps(list(state.locked), ensure_ascii=False), "session_id": state.session_id,
    }


def write_state(project, state):
    """Store ``state`` in ``project``; returns True when an entry changed."""
    if read_state(project) == state:
        return False
    project.writeEntry(SCOPE, "schema_version", SCHEMA_VERSION)
    for key, value in _entries(state).items():
        project.writeEntry(SCOPE, PREFIX + key, value)
    project.writeEntry(SCOPE, PREFIX + "attributes", list(state.attributes))
    return True


def read_state(project):
    """The stored state of ``project``, or None (nothing stored, or a schema this version does not know)."""
    version, ok = project.readNumEntry(SCOPE, "schema_version", 0)
    if not ok or version < 1 or version > SCHEMA_VERSION:
        return None
    text = {key: project.readEntry(SCOPE, PREFIX + key, "")[0] for key in _entries(ConsultationState("", "", ""))}
    if not text["layer_id"]:
        return None
    attributes, _ = project.readListEntry(SCOPE, PREFIX + "attributes", [])
    try:
        locked = json.loads(text["locked"] or "[]")
        lower, upper = float(text["lower"]), float(text["upper"])
    except (TypeError, ValueError):
        return None
    locked = tuple(label for label in locked if isinstance(label, (str, int, float)) and not isinstance(label, bool))
    return ConsultationState(text["layer_id"], text["space_field"], text["population_field"], tuple(attributes), lower,
                             upper, locked, text["session_id"] or uuid.uuid4().hex)
