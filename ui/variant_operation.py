"""A switch to a saved variant as an operation of :meth:`LayerSession.perform` (``ui/operations.py``).

The blocks whose space differs from the variant move in ONE change record (the engine's
``assign``, kind ``variant``), so the switch is ONE edit command on the blocks layer's undo
stack with its decision-log row: one Ctrl+Z brings the previous division back.

Locks: a switch never changes a locked space. When the variant would move a block into or
out of a locked space, the switch is refused and the locked spaces are named; the planner
unlocks them (a logged decision) and switches again. Locks are not part of a variant: they
stay as they are, before and after a switch (a locked space the variant leaves unchanged stays
locked).
"""
from __future__ import annotations

from dataclasses import dataclass

from ..engine.consultation.variants import VARIANT, VariantError, decode_division, switch_plan
from ..i18n import tr
from .decision_log_text import VARIANT_PREFIX
from .formatting import format_population
from .operations import Operation


def current_division(session):
    """{block id: space} of the session now."""
    return dict(zip(session.block_ids, session.labels()))


def variant_refusal(error, name):
    """The translated reason why the variant ``name`` cannot be switched to."""
    details = error.details
    if details.get("reason") == "locked":
        spaces = ", ".join(str(space) for space in details["spaces"])
        return tr("Variant '{name}' would change the locked space(s) {spaces}. Locks are not part of a variant and a "
                  "switch never changes a locked space: unlock them first, then switch again.").format(name=name,
                                                                                                       spaces=spaces)
    if details.get("reason") == "blocks_changed":
        missing, new = details.get("missing", []), details.get("new", [])
        return tr("The blocks of the layer changed since variant '{name}' was saved ({missing} of its blocks are "
                  "missing, {new} blocks are new; first ids: {ids}): the variant cannot be applied.").format(
            name=name, missing=len(missing), new=len(new), ids=", ".join(str(block) for block in (missing + new)[:10]))
    return tr("Variant '{name}' cannot be read: it was stored by another program or a later version.").format(name=name)


@dataclass(frozen=True)
class SwitchVariant(Operation):
    """Switch the division to the saved variant ``name`` (``division``: its stored text)."""

    name: str
    division: str

    def run(self, layer_session):
        session = layer_session.session
        plan = switch_plan(current_division(session), decode_division(self.division), session.locked)
        return session.assign(list(plan.blocks), list(plan.spaces), kind=VARIANT)

    def command_text(self, change):
        return tr("Switch to variant '{name}': %n block(s) moved", len(change.blocks)).format(name=self.name)

    def log_code(self, change):
        return VARIANT_PREFIX + self.name

    def refusal(self, error):
        if isinstance(error, VariantError):
            return variant_refusal(error, self.name)
        return super().refusal(error)

    def done_text(self, layer_session, change):
        return tr("Switched to variant '{name}': %n block(s), {population} residents moved. One undo step (Ctrl+Z) "
                  "brings the previous division back.", len(change.blocks)).format(
            name=self.name, population=format_population(change.population))
