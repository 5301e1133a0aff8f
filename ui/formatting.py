"""How the consultation writes its figures: residents, decimals, a space's status, the SSD share.

One place for the wording the dock, the tools' overlay, the message bar and the re-optimise
preview share, so a figure reads the same wherever it is shown (and in the current language).
"""
from __future__ import annotations

from ..engine.consultation.sessionrecords import ABOVE, BELOW, WITHIN
from ..i18n import language, tr
from ..presentation.numbers import format_number

#: SSD shares that print the same at this many places count as unchanged
SSD_DECIMALS = 3


def status_text(status):
    """'within', 'below min.', 'above max.' and 'not contiguous', translated (short: a table cell)."""
    words = {WITHIN: tr("within"), BELOW: tr("below min."), ABOVE: tr("above max.")}
    text = words.get(status.bound, status.bound)
    if not status.contiguous:
        text = tr("{status}, not contiguous").format(status=text)
    return text


def format_population(value):
    return f"{value:,.0f}".replace(",", "\u202f")


def format_decimal(value, decimals):
    """``value`` with the interface language's decimal mark (0,264 in German)."""
    return format_number(value, decimals, language(), thousands=False)


def ssd_share_meaning(weighted=True):
    """What the SSD share is: weighted or not, and that lower is better (the part of the attributes'
    variation left within the spaces; a bare "SSD share 0.089 → 0.087" left the planners guessing
    which way is good, issue 19, 12)."""
    if weighted:
        return tr("blocks weighted by residents, lower is better")
    return tr("unweighted, lower is better")


def ssd_share_figure(share, weighted=True):
    """'SSD share 0.073 (blocks weighted by residents, lower is better)', translated."""
    return tr("SSD share {share} ({meaning})").format(share=format_decimal(share, SSD_DECIMALS),
                                                      meaning=ssd_share_meaning(weighted))


def ssd_share_change(before, after, weighted=True):
    """'SSD share (…, lower is better): 0.089 → 0.087 (better)', translated."""
    first, second = format_decimal(before, SSD_DECIMALS), format_decimal(after, SSD_DECIMALS)
    if first == second:
        verdict = tr("unchanged")
    elif after < before:
        verdict = tr("better")
    else:
        verdict = tr("worse")
    return tr("SSD share ({meaning}): {before} → {after} ({verdict})").format(
        meaning=ssd_share_meaning(weighted), before=first, after=second, verdict=verdict)
