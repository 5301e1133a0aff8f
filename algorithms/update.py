"""sozialraum:update — update an adopted division with minimal change and stable numbers."""
from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterNumber,
)

from ..engine.delineation.numbering import is_missing
from ..engine.delineation.update import DEFAULT_STABILITY, update_division
from ..engine.errors import format_values
from ..i18n import language
from ..presentation.numbers import format_number
from ..qgisio import compat, stop_signals
from .delineate import DelineateAlgorithm
from .help_examples import with_example


class UpdateAlgorithm(DelineateAlgorithm):
    ALGORITHM_NAME = "update"
    MEASURES_CERTAINTY = False  # its runs are updates, not fresh delineations: nothing to compare seeds with
    ADVISES_UPDATE = False
    STABILITY = "STABILITY"

    def displayName(self):  # noqa: N802
        return self.tr("Update a division with minimal change")

    def shortHelpString(self):  # noqa: N802
        return with_example(self.tr(
            "Updates an adopted division (the initial division field) when residents or blocks have changed, and "
            "changes as little as possible: spaces within the population bounds stay exactly as they are unless a "
            "neighbour needs them. Spaces outside the bounds, spaces cut in pieces and spaces next to blocks without "
            "a space (new blocks, e.g. from 'Carry a division onto new blocks') are divided again together with "
            "their neighbouring spaces, starting from the old division and with the same number of spaces unless "
            "the bounds need another.\n\n"
            "Stability weight: the search also moves blocks to make spaces more alike. A move is undone when its gain "
            "in homogeneity (share of the total sum of squares) is less than the weight times the share of all "
            "residents it moves, and undoing it keeps the bounds and contiguity. 0 keeps every move (homogeneity "
            "first); the default 10 keeps only clear gains; larger values move fewer residents.\n\n"
            "Every space that carries on keeps its number (the field keeps its name, the old value goes to "
            "space_before); new spaces get the next free number, the number they were split from with a letter "
            "(31a) or the first free number after it (403 -> 410); a dissolved number is never given out again. The "
            "log and the spaces output state per space "
            "what changed and the residents and blocks moved in and out. The other parameters and outputs are those "
            "of 'Propose social spaces'; the number of spaces is not used."
        ), self.name())

    def initAlgorithm(self, config=None):  # noqa: N802
        super().initAlgorithm(config)
        initial = self.parameterDefinition(self.INITIAL_FIELD)
        initial.setFlags(initial.flags() & ~_OPTIONAL)
        initial.setDescription(self.tr("Division to update (field with the adopted spaces)"))
        self.removeParameter(self.N_SPACES)
        self.addParameter(QgsProcessingParameterNumber(
            self.STABILITY, self.tr("Stability weight (0 = homogeneity first)"), type=compat.NUMBER_DOUBLE,
            defaultValue=DEFAULT_STABILITY, minValue=0.0))
        for name, description in (("MOVED_POPULATION", self.tr("Residents in another space than before")),
                                  ("MOVED_BLOCKS", self.tr("Blocks in another space than before")),
                                  ("MOVED_SHARE", self.tr("Share of residents in another space than before"))):
            self.addOutput(QgsProcessingOutputNumber(name, description))

    def _parameters(self, parameters, context):
        parameters = dict(parameters, **{self.N_SPACES: 0})
        chosen = super()._parameters(parameters, context)
        chosen.stability = self.parameterAsDouble(parameters, self.STABILITY, context)
        self._moved = None
        return chosen

    def _solve(self, graph, population, values, nest, initial, blocks, active, chosen, feedback, progress=None):
        from ..engine.spatial.geometry import representative_points

        if all(is_missing(value) for value in initial):
            raise QgsProcessingException(self.tr("The field '{field}' holds no space for any block: there is no division to "
                                                 "update. Choose the field with the adopted spaces.").format(field=chosen.initial))
        result = update_division(
            graph, population, values, initial, lower=chosen.lower, upper=chosen.upper, stability=chosen.stability, locked=chosen.locked,
            nest=nest, coordinates=representative_points(blocks.shapes), active=active, compactness=chosen.compactness,
            weight_by_population=chosen.weight_by_population, population_weight=chosen.population_weight, seed=chosen.seed,
            on_infeasible=chosen.on_infeasible, rule=chosen.numbering,
            progress=progress or (lambda f, s: feedback.setProgress(30 + 60 * f)), is_cancelled=stop_signals.cancel_check(feedback))
        if result.needs_change:
            feedback.pushInfo(self.tr("Spaces that had to change: {spaces}; allowed to change with them (neighbours): {free}.").format(
                spaces=", ".join(str(v) for v in result.needs_change),
                free=", ".join(str(v) for v in result.free if v not in result.needs_change) or "-"))
        else:
            feedback.pushInfo(self.tr("Every space is within the bounds and in one piece: the division stays as it is."))
        lang = language()
        feedback.pushInfo(self.tr("Moved: {population} residents ({share}%) in {blocks} blocks; {reverted} block moves "
                                  "undone for stability.").format(population=format_number(result.moved_population, 0, lang),
                                                                 share=format_number(100 * result.moved_share, 1, lang),
                                                                 blocks=result.moved_blocks, reverted=result.reverted_blocks))
        without = [blocks.ids[i] for i, value in enumerate(result.space_ids) if value is None and active[i]]
        if without:
            feedback.pushWarning(self.tr("Without a space ({n}): these blocks had none and touch no space that may change "
                                         "(e.g. a new estate cut off by barriers): {blocks}.").format(
                n=len(without), blocks=format_values(without)))
        self._moved = result
        return result.delineation, result.renumbering

    def _report_title(self, layer):
        return self.tr("Updated social spaces: {layer}").format(layer=layer)

    def process(self, parameters, context, feedback):
        outputs = super().process(parameters, context, feedback)
        if self._moved is not None:
            outputs.update(MOVED_POPULATION=self._moved.moved_population, MOVED_BLOCKS=self._moved.moved_blocks,
                           MOVED_SHARE=self._moved.moved_share)
        return outputs


_OPTIONAL = compat.PARAMETER_OPTIONAL
