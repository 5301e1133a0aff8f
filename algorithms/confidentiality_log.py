"""Applying the confidentiality options and telling the user what was hidden and why values are NULL."""
from dataclasses import dataclass

import pandas as pd
from qgis.core import QgsProcessingException

from ..engine.errors import SozialraumError
from ..engine.indicators import protect
from ..i18n import tr
from .indicator_blocks import POPULATION_HELPER
from .indicator_messages import null_reason, raise_indicator_error


@dataclass
class Published:
    """What is published: values with suppressed cells NaN, masks, NULL reasons per space."""

    values: pd.DataFrame
    mask: pd.DataFrame
    total: pd.DataFrame
    total_mask: pd.DataFrame
    reasons: pd.DataFrame  # space, indicator, reason (suppression)
    null_reasons: pd.DataFrame  # space, indicator, reason, blocks (from the aggregation)

    @property
    def n_suppressed(self):
        return int(self.mask.to_numpy().sum())


def publish(table, options, feedback):
    """Apply the confidentiality options to an IndicatorTable."""
    rounding = 3 if options["round"] else None
    if not options["on"] and rounding is None:
        mask = pd.DataFrame(False, index=table.values.index, columns=table.values.columns)
        total_mask = pd.DataFrame(False, index=table.total.index, columns=table.total.columns)
        empty = pd.DataFrame(columns=["space", "indicator", "reason"], dtype=object)
        return Published(table.values, mask, table.total, total_mask, empty, table.reasons)
    min_population = options["min_population"] if options["on"] else 0
    population_field = options["population_field"]
    if min_population and not population_field:
        raise QgsProcessingException(tr("Choose the population field, or set the minimum population for rates to 0."))
    try:
        protected = protect(table, minimum=options["minimum"] if options["on"] else None, secondary=options["on"],
                            rounding=rounding, min_population=min_population, population_field=population_field or "pop_total")
    except SozialraumError as error:
        raise_indicator_error(error)
    counts = protected.reasons["reason"].value_counts().to_dict() if len(protected.reasons) else {}
    if options["on"]:
        feedback.pushInfo(tr("Confidentiality: {primary} cells suppressed below {minimum} cases, {secondary} more so they "
                             "cannot be recovered from totals, {derived} values computed from hidden counts, {small} rates of "
                             "spaces under {population} residents.").format(
            primary=counts.get("primary", 0), minimum=options["minimum"], secondary=counts.get("secondary", 0),
            derived=counts.get("derived", 0), small=counts.get("small_space", 0), population=f"{min_population:g}"))
    if rounding:
        feedback.pushInfo(tr("Counts of the spaces are rounded to multiples of 3; the municipal total keeps the true totals."))
    return Published(protected.values, protected.mask, protected.total, protected.total_mask, protected.reasons, table.reasons)


def log_null_reasons(feedback, published, limit=30):
    """Every NULL that is not a suppression, with its reason, in the log (the first ``limit``)."""
    rows = list(published.null_reasons.itertuples(index=False))
    for row in rows[:limit]:
        feedback.pushWarning(tr("Space {space}: '{indicator}' is NULL because {reason}.").format(
            space=row.space, indicator=row.indicator, reason=null_reason(row.reason, row.blocks)))
    if len(rows) > limit:
        feedback.pushWarning(tr("... and {count} more NULL values (see the field 'notes').").format(count=len(rows) - limit))


def notes_per_space(published, index, lang=None):
    """(notes, suppressed) texts per space: why values are NULL, which indicators are suppressed;
    in ``lang``, the language of the output's field names (None: the interface's)."""
    notes = {space: [] for space in index}
    for row in published.null_reasons.itertuples(index=False):
        notes.setdefault(row.space, []).append(f"{row.indicator}: {null_reason(row.reason, row.blocks, lang)}")
    suppressed = {space: [] for space in index}
    for row in published.reasons.itertuples(index=False):
        if row.indicator != POPULATION_HELPER:
            suppressed.setdefault(row.space, []).append(row.indicator)
    return ({space: "; ".join(items) or None for space, items in notes.items()},
            {space: ", ".join(items) or None for space, items in suppressed.items()})
