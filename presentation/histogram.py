"""The population histogram of a division as inline SVG: how many spaces of which size.

Pure Python (no QGIS, no plotting library) so that the HTML report stays one file and the
plugin needs nothing beyond what QGIS ships. Spaces below the floor, inside the band and
above the ceiling are stacked in their own colours; the floor and the ceiling are drawn as
lines with their values. Every text is passed in already translated and is escaped here.
"""
import math
from xml.sax.saxutils import escape, quoteattr

from .numbers import format_number

#: colours of the three groups (the report table uses lighter shades of the same hues)
COLOURS = {"below": "#e8892c", "inside": "#4a86b8", "above": "#c8281e"}
GROUPS = ("below", "inside", "above")
#: about this many bars: enough to see the shape, few enough to read each bar
TARGET_BINS = 20
_MARGIN = {"left": 62, "right": 36, "top": 54, "bottom": 58}


def nice_step(span, target):
    """A round step (1, 2, 2.5 or 5 times a power of ten) giving about ``target`` steps over ``span``."""
    if span <= 0 or target <= 0:
        return 1.0
    raw = span / target
    power = 10.0 ** math.floor(math.log10(raw))
    for factor in (1.0, 2.0, 2.5, 5.0, 10.0):
        if raw <= factor * power:
            return factor * power
    return 10.0 * power


def finite(values):
    """The finite values as floats (None, NaN and ±inf left out)."""
    return [float(value) for value in values if value is not None and math.isfinite(float(value))]


def bins(populations, floor, ceiling, target=TARGET_BINS):
    """Bin width and per bin the counts of spaces below, inside and above the bounds.

    Bins start at 0 and are half-open ``[lower, upper)``; the last one also holds its upper edge.
    The range reaches past the ceiling so the line is always inside the plot.
    """
    populations = finite(populations)  # a second line of defence: the readers refuse infinite residents
    top = max(finite([ceiling, floor]) + populations + [1.0]) * 1.05
    width = nice_step(top, target)
    n_bins = max(1, int(math.ceil(top / width)))
    counts = [dict.fromkeys(GROUPS, 0) for _ in range(n_bins)]
    for value in populations:
        value = float(value)
        index = min(n_bins - 1, max(0, int(value // width)))
        group = "below" if value < floor else "above" if value > ceiling else "inside"
        counts[index][group] += 1
    return width, counts


def population_histogram(populations, floor, ceiling, texts, lang="en", size=(680, 330)):
    """The SVG element (a string) of the histogram of ``populations`` with ``floor`` and ``ceiling``.

    ``texts``: translated labels with the keys ``title``, ``x_axis``, ``y_axis``, ``floor``,
    ``ceiling``, ``below``, ``inside``, ``above``. Numbers are formatted for ``lang``.
    """
    populations = finite(populations)
    width, height = size
    plot_w = width - _MARGIN["left"] - _MARGIN["right"]
    plot_h = height - _MARGIN["top"] - _MARGIN["bottom"]
    left, top = _MARGIN["left"], _MARGIN["top"]
    bottom = top + plot_h
    bin_width, counts = bins(populations, floor, ceiling)
    x_max = bin_width * len(counts)
    y_max = max([1] + [sum(c.values()) for c in counts])
    y_step = max(1, int(nice_step(y_max, 5)))
    y_top = int(math.ceil(y_max / y_step)) * y_step

    def x_of(value):
        return left + plot_w * float(value) / x_max

    def y_of(count):
        return bottom - plot_h * float(count) / y_top

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="histogram" role="img" width="{width}" height="{height}" '
             f'viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="12">',
             f"<title>{escape(texts['title'])}</title>"]
    # the population band: white inside, grey outside, so the eye finds the admissible range
    parts.append(f'<rect class="outside" x="{left}" y="{top}" width="{x_of(min(floor, x_max)) - left:.1f}" height="{plot_h}" fill="#eeeeee"/>')
    if ceiling < x_max:
        parts.append(f'<rect class="outside" x="{x_of(ceiling):.1f}" y="{top}" width="{left + plot_w - x_of(ceiling):.1f}" '
                     f'height="{plot_h}" fill="#eeeeee"/>')
    for count in range(0, y_top + 1, y_step):
        y = y_of(count)
        parts.append(f'<line x1="{left}" x2="{left + plot_w}" y1="{y:.1f}" y2="{y:.1f}" stroke="#d0d0d0" stroke-width="0.5"/>')
        parts.append(f'<text class="ytick" x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">{count}</text>')
    for index, group_counts in enumerate(counts):
        stacked = 0
        for group in GROUPS:
            n = group_counts[group]
            if not n:
                continue
            x0, x1 = x_of(index * bin_width), x_of((index + 1) * bin_width)
            y0, y1 = y_of(stacked + n), y_of(stacked)
            parts.append(f'<rect class="bar {group}" data-count="{n}" data-from="{index * bin_width:g}" '
                         f'data-to="{(index + 1) * bin_width:g}" x="{x0 + 0.5:.1f}" y="{y0:.1f}" width="{max(x1 - x0 - 1, 1):.1f}" '
                         f'height="{y1 - y0:.1f}" fill="{COLOURS[group]}"/>')
            stacked += n
    x_step = nice_step(x_max, 6)
    tick = 0.0
    while tick <= x_max + 1e-9:
        x = x_of(tick)
        parts.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{bottom}" y2="{bottom + 4}" stroke="#333"/>')
        parts.append(f'<text class="xtick" x="{x:.1f}" y="{bottom + 17}" text-anchor="middle">{escape(format_number(tick, 0, lang))}</text>')
        tick += x_step
    parts.append(f'<line x1="{left}" x2="{left + plot_w}" y1="{bottom}" y2="{bottom}" stroke="#333"/>')
    parts.append(f'<line x1="{left}" x2="{left}" y1="{top}" y2="{bottom}" stroke="#333"/>')
    for css, value, anchor, shift in (("floor", floor, "start", 4), ("ceiling", ceiling, "end", -4)):
        x = x_of(value)
        label = f"{texts[css]} {format_number(value, 0, lang)}"
        parts.append(f'<line class="{css}" data-value="{float(value):g}" x1="{x:.1f}" x2="{x:.1f}" y1="{top - 6}" y2="{bottom}" '
                     f'stroke="#222" stroke-width="1.5" stroke-dasharray="5,3"/>')
        parts.append(f'<text class="{css}" x="{x + shift:.1f}" y="{top - 9}" text-anchor="{anchor}" font-weight="bold">'
                     f"{escape(label)}</text>")
    parts.append(f'<text class="axis" x="{left + plot_w / 2:.1f}" y="{height - 12}" text-anchor="middle">{escape(texts["x_axis"])}</text>')
    parts.append(f'<text class="axis" transform="translate(14 {top + plot_h / 2:.1f}) rotate(-90)" text-anchor="middle">'
                 f"{escape(texts['y_axis'])}</text>")
    parts.append(_key(texts, left, 14))
    parts.append("</svg>")
    return "\n".join(parts)


def _key(texts, x, y):
    """The colour key above the plot: one swatch per group."""
    items = []
    for group in GROUPS:
        label = texts[group]
        items.append(f'<rect x="{x}" y="{y}" width="12" height="12" fill="{COLOURS[group]}"/>'
                     f'<text x="{x + 16}" y="{y + 10}">{escape(label)}</text>')
        x += 16 + 7 * len(label) + 18  # about 7 px per character at 12 px
    return f"<g class=\"key\" aria-label={quoteattr(' / '.join(texts[g] for g in GROUPS))}>" + "".join(items) + "</g>"
