"""The consultation's operations as small value objects, performed by :meth:`LayerSession.perform`.

A map tool or the dock turns a gesture into one of these (which blocks, which space, which
line) and hands it to the session layer; the one path there runs the engine change, writes
one edit command with its log row, redraws and reports (``ui/session_layer.py``). An
operation knows only its own part:

- ``run(layer_session)``: the engine change on the session (raises a ``SozialraumError`` when
  the engine refuses; nothing is written then);
- ``command_text(change)``: the undo command's and the decision log's text;
- ``refusal(error)``: the translated reason for a refusal;
- ``done_text(layer_session, change)``: the translated report of a change without new
  problems (None: nothing to say, e.g. a stroke, whose figures the overlay already showed).
"""
from __future__ import annotations

from dataclasses import dataclass

from qgis.core import Qgis

from ..engine.consultation.linesplit import sides_of_line
from ..engine.errors import LockedSpaceError, ParameterError, SplitError
from ..i18n import tr
from .formatting import format_population
from .operation_messages import line_split_message, refusal_message


@dataclass(frozen=True)
class Outcome:
    """What :meth:`LayerSession.perform` did: the change written (None: nothing was), the report."""

    operation: object
    change: object = None
    message: str = ""
    level: object = Qgis.MessageLevel.Info

    @property
    def written(self):
        return self.change is not None and not self.change.is_empty


class Operation:
    """The defaults every operation shares (see the module docstring)."""

    def refusal(self, error):
        return refusal_message(error)

    def done_text(self, layer_session, change):
        return None

    def log_code(self, change):
        """The decision-log row's operation code (None: the change's kind tells it)."""
        return None


@dataclass(frozen=True)
class Paint(Operation):
    """Blocks painted into ``space`` (a stroke of the paint tool)."""

    blocks: tuple
    space: object

    def run(self, layer_session):
        return layer_session.session.move(list(self.blocks), self.space)

    def command_text(self, change):
        return tr("Paint %n block(s) into space {space}", len(change.blocks)).format(space=self.space)

    def done_text(self, layer_session, change):
        status = layer_session.session.status(self.space)
        return tr("%n block(s) painted into space {space}: {population} residents now.", len(change.blocks)).format(
            space=self.space, population=format_population(status.population))


@dataclass(frozen=True)
class Merge(Operation):
    """Space ``absorbed`` merged into space ``keep``."""

    keep: object
    absorbed: object

    def run(self, layer_session):
        return layer_session.session.merge(self.keep, self.absorbed)

    def command_text(self, change):
        return tr("Merge space {second} into space {first}").format(first=self.keep, second=self.absorbed)

    def done_text(self, layer_session, change):
        return tr("Space {second} merged into space {first}.").format(first=self.keep, second=self.absorbed)


def _split_report(layer_session, change, space, template):
    new = change.after[0]
    first, second = layer_session.session.status(space), layer_session.session.status(new)
    return template.format(space=space, new=new, first=format_population(first.population),
                           second=format_population(second.population))


@dataclass(frozen=True)
class Split(Operation):
    """``space`` split by the engine into two balanced, homogeneous parts."""

    space: object

    def run(self, layer_session):
        return layer_session.session.split(self.space)

    def command_text(self, change):
        return tr("Split space {space} (new space {new})").format(space=self.space, new=change.after[0])

    def done_text(self, layer_session, change):
        return _split_report(layer_session, change, self.space,
                             tr("Space {space} split: {first} and {second} residents (new space {new})."))


@dataclass(frozen=True)
class SplitAlongLine(Operation):
    """``space`` split along a drawn line (``vertices`` in the layer's CRS): the side with fewer residents is new."""

    space: object
    vertices: tuple

    def run(self, layer_session):
        session = layer_session.session
        blocks = sorted(session.blocks_of(self.space))
        points = [layer_session.geometry(block).pointOnSurface().asPoint() for block in blocks]
        sides = sides_of_line([(p.x(), p.y()) for p in points], [tuple(v) for v in self.vertices])
        populations = [layer_session.population_of([b for b, s in zip(blocks, sides) if s == side]) for side in (0, 1)]
        smaller = 0 if populations[0] < populations[1] else 1
        return session.split_by_blocks(self.space, [b for b, s in zip(blocks, sides) if s == smaller])

    def command_text(self, change):
        return tr("Split space {space} along a line (new space {new})").format(space=self.space, new=change.after[0])

    def refusal(self, error):
        if isinstance(error, (SplitError, ParameterError)) and not isinstance(error, LockedSpaceError):
            return line_split_message(error, self.space)
        return refusal_message(error)

    def done_text(self, layer_session, change):
        return _split_report(layer_session, change, self.space,
                             tr("Space {space} split along the line: {first} and {second} residents (new space {new})."))


@dataclass(frozen=True)
class NewSpace(Operation):
    """A new space of ``blocks`` (the selected blocks)."""

    blocks: tuple

    def run(self, layer_session):
        return layer_session.session.new_space(list(self.blocks))

    def command_text(self, change):
        return tr("New space {space} of %n block(s)", len(change.blocks)).format(space=change.after[0])

    def done_text(self, layer_session, change):
        space = change.after[0]
        status = layer_session.session.status(space)
        return tr("New space {space}: %n block(s), {population} residents.", status.blocks).format(
            space=space, population=format_population(status.population))


@dataclass(frozen=True)
class SetLock(Operation):
    """Lock (``locked``) or unlock ``space``."""

    space: object
    locked: bool

    def run(self, layer_session):
        return layer_session.session.set_locked(self.space, self.locked)

    def command_text(self, change):
        return (tr("Lock space {space}") if self.locked else tr("Unlock space {space}")).format(space=self.space)

    def done_text(self, layer_session, change):
        return (tr("Space {space} locked: it neither loses nor gains blocks.") if self.locked
                else tr("Space {space} unlocked.")).format(space=self.space)


@dataclass(frozen=True)
class Reassign(Operation):
    """The re-optimisation applied: ``blocks`` into ``spaces`` (one space per block)."""

    blocks: tuple
    spaces: tuple

    def run(self, layer_session):
        return layer_session.session.assign(list(self.blocks), list(self.spaces))

    def command_text(self, change):
        return tr("Re-optimise: %n block(s), {population} residents moved", len(change.blocks)).format(
            population=format_population(change.population))

    def refusal(self, error):
        if isinstance(error, LockedSpaceError):  # a space was locked after the preview: the lock wins
            return tr("Space {space} was locked since the preview: re-optimise again.").format(space=error.details["space"])
        return refusal_message(error)

    def done_text(self, layer_session, change):
        return tr("Re-optimisation applied: {blocks} blocks, {population} residents moved.").format(
            blocks=len(change.blocks), population=format_population(change.population))
