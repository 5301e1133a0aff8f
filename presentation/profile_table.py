"""The numbers of one profile page as display texts: the indicator rows and the age structure.

QGIS-free (the texts a person reads beyond numbers are passed in already translated), so the
engine tests check it on both the old and the current numpy/pandas.
"""
import math
from dataclasses import dataclass

from .numbers import NOT_AVAILABLE, SUPPRESSED, format_number

MINUS = "\u2212"  # a typographic minus: "−1,2" lines up with "+1,2" in the difference column


@dataclass(frozen=True)
class ProfileRow:
    """One indicator of a space: label, unit and the texts of its three numbers."""

    indicator: str
    label: str
    unit: str
    value: str
    municipal: str
    difference: str
    group: str


@dataclass(frozen=True)
class AgeBar:
    """One age group: short label, share of the space and of the municipality in % (None: not shown)."""

    label: str
    share: float
    municipal_share: float
    suppressed: bool


def is_number(value):
    return value is not None and not (isinstance(value, float) and math.isnan(value))


def cell(value, decimals, lang, hidden=False):
    """A value as it is printed: "." when suppressed, "x" when it cannot be computed."""
    if hidden:
        return SUPPRESSED
    if not is_number(value):
        return NOT_AVAILABLE
    return format_number(value, decimals, lang)


def difference(value, municipal, decimals, lang):
    """Space minus municipality with its sign; empty when one of them is missing."""
    if not (is_number(value) and is_number(municipal)):
        return ""
    delta = round(float(value) - float(municipal), decimals)
    text = format_number(abs(delta), decimals, lang)
    if delta > 0:
        return "+" + text
    return MINUS + text if delta < 0 else text


def profile_rows(catalogue, values, municipal, suppressed=(), lang="en", units=None):
    """The table of a page, one row per indicator in catalogue order.

    ``values`` / ``municipal``: {indicator id: number or None}; ``suppressed``: the ids hidden for
    confidentiality in this space; ``units``: {catalogue unit: unit in ``lang``}. A count has no
    difference: the count of one space and the town's total are not comparable.
    """
    units = units or {}
    hidden = set(suppressed)
    rows = []
    for indicator in catalogue:
        places = indicator.decimals if indicator.decimals is not None else (0 if indicator.kind == "count" else 1)
        value = values.get(indicator.id)
        town = municipal.get(indicator.id)
        is_hidden = indicator.id in hidden
        rows.append(ProfileRow(
            indicator=indicator.id, label=indicator.label(lang), unit=units.get(indicator.unit, indicator.unit or ""),
            value=cell(value, places, lang, is_hidden), municipal=cell(town, places, lang),
            difference="" if indicator.kind == "count" or is_hidden else difference(value, town, places, lang),
            group=indicator.group))
    return rows


def population_parts(catalogue):
    """(total indicator, its parts): the count with the most counts ``part_of`` it, e.g. pop_total and the age groups."""
    parts = {}
    for indicator in catalogue:
        if indicator.kind == "count" and indicator.part_of and indicator.part_of in catalogue:
            parts.setdefault(indicator.part_of, []).append(indicator)
    if not parts:
        return None, []
    total = max(parts, key=lambda name: len(parts[name]))
    return catalogue[total], parts[total]


def short_labels(labels):
    """The labels without the words they all start with ("Residents under 6" -> "under 6")."""
    if len(labels) < 2:
        return list(labels)
    words = [label.split(" ") for label in labels]
    common = 0
    while all(len(w) > common + 1 for w in words) and len({w[common] for w in words}) == 1:
        common += 1
    return [" ".join(w[common:]) for w in words]


def age_bars(catalogue, values, municipal, suppressed=(), lang="en"):
    """(total indicator, population of the space, bars) for the age chart; no bars without a population."""
    total, parts = population_parts(catalogue)
    if total is None:
        return None, None, []
    hidden = set(suppressed)
    # A share the catalogue publishes as a rate (share_u6 = pop_u6 / pop_total) is hidden when that rate is,
    # e.g. in a space below the minimum population for rates, although both counts are published.
    share_rates = {indicator.numerator.key: indicator.id for indicator in catalogue
                   if indicator.kind == "rate" and indicator.denominator is not None
                   and indicator.denominator.key == total.numerator.key}

    # Such a rate hidden while its count is published means the space gets no rates at all (too few
    # residents): then no bar is drawn, not even for a group without a rate of its own (pop_25_64).
    no_rates = any(share_rates.get(part.numerator.key) in hidden and part.id not in hidden for part in parts)

    def withheld(indicator):
        return (no_rates or indicator.id in hidden or total.id in hidden
                or share_rates.get(indicator.numerator.key) in hidden)

    def share(numbers, indicator, check_hidden):
        base = numbers.get(total.id)
        count = numbers.get(indicator.id)
        if (check_hidden and withheld(indicator)) or not (is_number(base) and is_number(count)):
            return None
        return 100.0 * float(count) / float(base) if float(base) > 0 else None

    labels = short_labels([part.label(lang) for part in parts])
    bars = [AgeBar(label, share(values, part, True), share(municipal, part, False), withheld(part))
            for label, part in zip(labels, parts)]
    population = None if total.id in hidden else values.get(total.id)
    return total, population, bars
