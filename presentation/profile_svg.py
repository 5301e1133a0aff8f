"""SVG drawings of a profile page: the indicator table, the age bar chart and the map legend.

Plain SVG 1.1 text in millimetres (viewBox = the item's size in mm, so 1 user unit = 1 mm on
paper) that QGIS' picture item renders with Qt's SVG renderer: no plotting library, nothing
the QGIS of Debian lacks. Every text is escaped. QGIS-free.
"""
from xml.sax.saxutils import escape

from .numbers import format_number

FONT = "DejaVu Sans, Arial, Helvetica, sans-serif"
INK = "#222222"
GRID = "#bdbdbd"
STRIPE = "#f2f2f2"
SPACE_COLOUR = "#d95f0e"
TOWN_COLOUR = "#000000"
#: size of the map key in mm (its picture item has the same size: 1 SVG unit = 1 mm)
LEGEND_WIDTH, LEGEND_HEIGHT = 50.0, 11.0


def _text(x, y, text, size, anchor="start", weight="normal", colour=INK):
    return (f'<text x="{x:.2f}" y="{y:.2f}" font-family="{FONT}" font-size="{size:.2f}" font-weight="{weight}" '
            f'text-anchor="{anchor}" fill="{colour}">{escape(str(text))}</text>')


def _svg(width, height, parts):
    body = "\n".join(parts)
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" version="1.1" '
            f'width="{width}mm" height="{height}mm" viewBox="0 0 {width} {height}">\n{body}\n</svg>\n')


def fit(text, width, size):
    """``text`` shortened with "…" to about ``width`` mm at font ``size`` (average glyph 0.55 em)."""
    room = max(int(width / (size * 0.55)), 4)
    return text if len(text) <= room else text[:room - 1].rstrip() + "…"


def table_svg(rows, headers, width=186.0, height=158.0, max_row=4.6):
    """The indicator table: ``headers`` = (indicator, unit, space, municipality, difference).

    Rows share the height (at most ``max_row`` mm each) so any catalogue fits its frame; a line
    separates the catalogue's groups, every second row is shaded for the eye to follow.
    """
    n = len(rows) + 1
    row = min(max_row, height / max(n, 1))
    size = min(2.9, row * 0.68)
    right = (width * 0.745, width * 0.87, width - 1.0)  # right edges of the three number columns
    unit_x = width * 0.47
    label_room = unit_x - 2.5
    parts = [f'<rect x="0" y="0" width="{width}" height="{row:.2f}" fill="#dde6ee"/>']
    baseline = row * 0.72
    parts.append(_text(1.0, baseline, headers[0], size, weight="bold"))
    parts.append(_text(unit_x, baseline, headers[1], size, weight="bold"))
    for edge, header in zip(right, headers[2:]):
        parts.append(_text(edge, baseline, header, size, "end", "bold"))
    previous_group = None
    for position, item in enumerate(rows, start=1):
        top = position * row
        if position % 2 == 0:
            parts.append(f'<rect x="0" y="{top:.2f}" width="{width}" height="{row:.2f}" fill="{STRIPE}"/>')
        if previous_group is not None and item.group != previous_group:
            parts.append(f'<line x1="0" y1="{top:.2f}" x2="{width}" y2="{top:.2f}" stroke="{GRID}" stroke-width="0.2"/>')
        previous_group = item.group
        y = top + baseline
        parts.append(_text(1.0, y, fit(item.label, label_room, size), size))
        parts.append(_text(unit_x, y, fit(item.unit, right[0] - unit_x - 14, size * 0.9), size * 0.9, colour="#555555"))
        for edge, text in zip(right, (item.value, item.municipal, item.difference)):
            parts.append(_text(edge, y, text, size, "end"))
    bottom = n * row
    parts.append(f'<line x1="0" y1="{bottom:.2f}" x2="{width}" y2="{bottom:.2f}" stroke="{INK}" stroke-width="0.3"/>')
    parts.append(f'<line x1="0" y1="{row:.2f}" x2="{width}" y2="{row:.2f}" stroke="{INK}" stroke-width="0.3"/>')
    return _svg(width, height, parts)


def _axis_maximum(shares):
    top = max([s for s in shares if s is not None] or [10.0])
    step = 10.0 if top > 20 else 5.0
    return max(step, step * -(-top // step))


def age_chart_svg(bars, title, subtitle, legend, lang="en", width=90.0, height=80.0, no_data=""):
    """Horizontal bars: the share of each age group in the space, a black mark at the municipal share.

    ``legend`` = (this space, municipality); a suppressed group shows "." instead of a bar.
    """
    parts = [_text(0, 5.0, title, 3.6, weight="bold"), _text(0, 9.6, subtitle, 2.8, colour="#555555")]
    if not bars:
        parts.append(_text(width / 2, height / 2, no_data, 3.0, "middle"))
        return _svg(width, height, parts)
    label_width = min(32.0, max(len(bar.label) for bar in bars) * 2.8 * 0.55 + 2)
    left, right = label_width, width - 11.0
    top, bottom = 14.0, height - 14.0
    slot = (bottom - top) / len(bars)
    thickness = min(slot * 0.62, 6.0)
    maximum = _axis_maximum([b.share for b in bars] + [b.municipal_share for b in bars])

    def x_of(share):
        return left + (right - left) * share / maximum

    step = maximum / 4
    for k in range(5):
        x = x_of(k * step)
        parts.append(f'<line x1="{x:.2f}" y1="{top - 1:.2f}" x2="{x:.2f}" y2="{bottom:.2f}" stroke="{GRID}" stroke-width="0.15"/>')
        parts.append(_text(x, bottom + 3.6, format_number(k * step, 0, lang), 2.5, "middle", colour="#555555"))
    for position, bar in enumerate(bars):
        centre = top + slot * (position + 0.5)
        parts.append(_text(left - 1.5, centre + 1.0, fit(bar.label, label_width - 2, 2.8), 2.8, "end"))
        if bar.share is not None:
            parts.append(f'<rect x="{left:.2f}" y="{centre - thickness / 2:.2f}" width="{x_of(bar.share) - left:.2f}" '
                         f'height="{thickness:.2f}" fill="{SPACE_COLOUR}"/>')
            end = max(x_of(bar.share), x_of(bar.municipal_share) + 0.4 if bar.municipal_share is not None else 0)
            parts.append(_text(end + 1.0, centre + 1.0, format_number(bar.share, 1, lang), 2.5))
        else:
            parts.append(_text(left + 1.0, centre + 1.0, "." if bar.suppressed else "x", 2.8))
        if bar.municipal_share is not None:
            x = x_of(bar.municipal_share)
            parts.append(f'<line x1="{x:.2f}" y1="{centre - thickness / 2 - 0.8:.2f}" x2="{x:.2f}" '
                         f'y2="{centre + thickness / 2 + 0.8:.2f}" stroke="{TOWN_COLOUR}" stroke-width="0.6"/>')
    parts.append(f'<line x1="{left:.2f}" y1="{top - 1:.2f}" x2="{left:.2f}" y2="{bottom:.2f}" stroke="{INK}" stroke-width="0.25"/>')
    y = height - 3.0
    parts.append(f'<rect x="{left:.2f}" y="{y - 2.4:.2f}" width="5" height="2.8" fill="{SPACE_COLOUR}"/>')
    parts.append(_text(left + 6.5, y, legend[0], 2.6))
    if any(bar.municipal_share is not None for bar in bars):  # no key for marks that are not drawn
        middle = left + 6.5 + len(legend[0]) * 2.6 * 0.6 + 5
        parts.append(f'<line x1="{middle + 2:.2f}" y1="{y - 3.0:.2f}" x2="{middle + 2:.2f}" y2="{y + 1.0:.2f}" '
                     f'stroke="{TOWN_COLOUR}" stroke-width="0.6"/>')
        parts.append(_text(middle + 4.5, y, legend[1], 2.6))
    return _svg(width, height, parts)


def map_legend_svg(entries, width=LEGEND_WIDTH, height=LEGEND_HEIGHT):
    """The map key, one entry a line: ``entries`` = (kind, label) with kind 'space' or 'neighbour'."""
    parts = []
    swatch = {
        "space": f'fill="#fdd49e" stroke="{SPACE_COLOUR}" stroke-width="0.7"',
        "neighbour": 'fill="#e3e3e3" stroke="#555555" stroke-width="0.35"',
    }
    line = height / max(len(entries), 1)
    for position, (kind, label) in enumerate(entries):
        top = position * line
        parts.append(f'<rect x="0.4" y="{top + 1.0:.2f}" width="5" height="3.2" {swatch[kind]}/>')
        parts.append(_text(6.6, top + 3.8, fit(label, width - 7, 2.6), 2.6))
    return _svg(width, height, parts)
