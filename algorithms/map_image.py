"""A map a person can read, as an image: layers drawn by QGIS, then a title, a legend and a scale bar.

Used for the map in the delineation report (algorithms/report_map.py) and for the demo maps
(scripts/render.py). The image is rendered at the resolution it would have printed
``print_width_mm`` wide, so symbol widths and labels (given in mm and points by the styles)
come out at their printed size instead of shrinking with the pixel count.
"""
import math
from dataclasses import dataclass

from qgis.core import (
    Qgis,
    QgsCategorizedSymbolRenderer,
    QgsDistanceArea,
    QgsFillSymbol,
    QgsGraduatedSymbolRenderer,
    QgsLineSymbol,
    QgsMapRendererParallelJob,
    QgsMapSettings,
    QgsPointXY,
    QgsProject,
    QgsRenderContext,
    QgsSingleSymbolRenderer,
    QgsUnitTypes,
)
from qgis.PyQt.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize, Qt
from qgis.PyQt.QtGui import QColor, QFont, QFontMetricsF, QPainter

#: print sizes of the decorations
TITLE_POINTS = 13
LEGEND_POINTS = 9
_PATCH_MM = (9.0, 4.5)
_MM_PER_INCH = 25.4
#: metres as map units: Qgis.DistanceUnit.Meters since QGIS 3.30, QgsUnitTypes.DistanceMeters on 3.22
METRES = getattr(getattr(Qgis, "DistanceUnit", None), "Meters", None) or QgsUnitTypes.DistanceMeters


@dataclass
class LegendEntry:
    label: str
    symbol: object  # a QgsSymbol


def fill_entry(label, colour, outline="#555555", outline_width="0.3"):
    return LegendEntry(label, QgsFillSymbol.createSimple({"color": colour, "outline_color": outline, "outline_width": outline_width}))


def line_entry(label, colour, width="0.8", style="solid"):
    return LegendEntry(label, QgsLineSymbol.createSimple({"line_color": colour, "line_width": width, "line_style": style}))


def legend_from_layers(layers):
    """Entries for what ``layers`` (top first) draw: each class present in the data, or the layer's name.

    Classes without features (a style listing six index classes of which four occur) are left
    out, so the legend only explains colours that are on the map.
    """
    entries = []
    for layer in layers:
        renderer = layer.renderer()
        if isinstance(renderer, QgsCategorizedSymbolRenderer):
            index = layer.fields().lookupField(renderer.classAttribute())
            present = {_key(v) for v in layer.uniqueValues(index)} if index >= 0 else None
            for category in renderer.categories():
                if category.renderState() and (present is None or _key(category.value()) in present):
                    entries.append(LegendEntry(category.label(), category.symbol().clone()))
        elif isinstance(renderer, QgsGraduatedSymbolRenderer):
            for item in renderer.ranges():
                entries.append(LegendEntry(item.label(), item.symbol().clone()))
        elif isinstance(renderer, QgsSingleSymbolRenderer):
            entries.append(LegendEntry(layer.name(), renderer.symbol().clone()))
    return entries


def _key(value):
    """Category values and layer values compared as text: 1, 1.0 and '1' are one class; NULL is ''."""
    if value is None or (hasattr(value, "isNull") and value.isNull()):
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value)


def entries_from_colours(pairs, layers):
    """Legend entries from (hex colour, label) pairs, drawn with the layer symbol they stand for.

    A pair takes the symbol of the layer class with the same label, else of a class or layer
    drawn in that colour (fill or outline), so a river shows as a line; else a plain patch.
    """
    candidates = legend_from_layers(layers)
    entries = []
    for colour, label in pairs:
        match = next((c for c in candidates if c.label == label), None)
        if match is None:
            match = next((c for c in candidates if _colour_of(c.symbol) == QColor(colour).name()), None)
        entries.append(LegendEntry(label, match.symbol if match else fill_entry(label, colour).symbol))
    return entries


def _colour_of(symbol):
    layer = symbol.symbolLayer(0) if symbol.symbolLayerCount() else None
    if layer is None:
        return None
    colour = layer.color()
    if colour.alpha() == 0 and hasattr(layer, "strokeColor"):
        colour = layer.strokeColor()
    return colour.name()


def render_map(layers, extent, title, legend, size=(1800, 1500), print_width_mm=250.0, dpi=None):
    """The map of ``layers`` (top first) over ``extent`` as a QImage with title, legend and scale bar.

    ``legend``: LegendEntry items (None: :func:`legend_from_layers`).
    """
    dpi = dpi or size[0] / (print_width_mm / _MM_PER_INCH)
    settings = QgsMapSettings()
    settings.setLayers(layers)
    settings.setDestinationCrs(layers[-1].crs())
    settings.setOutputSize(QSize(*size))
    settings.setOutputDpi(dpi)
    settings.setBackgroundColor(QColor("white"))
    settings.setExtent(extent)
    settings.setTransformContext(QgsProject.instance().transformContext())
    job = QgsMapRendererParallelJob(settings)
    job.start()
    job.waitForFinished()
    image = job.renderedImage()
    dots_per_metre = int(round(dpi / _MM_PER_INCH * 1000))
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    try:
        px = dpi / 72.0  # pixels per point
        _draw_title(painter, title, size, px)
        _draw_legend(painter, legend if legend is not None else legend_from_layers(layers), size, px, dpi)
        _draw_scale_bar(painter, settings, size, px, dpi)
    finally:
        painter.end()
    return image


def png_bytes(image):
    """``image`` as PNG file content."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data)


def _font(px, points, bold=False):
    font = QFont("DejaVu Sans")
    font.setPixelSize(max(1, int(round(points * px))))
    font.setBold(bold)
    return font


def _draw_title(painter, title, size, px):
    font = _font(px, TITLE_POINTS, bold=True)
    metrics = QFontMetricsF(font)
    height = metrics.height() * 1.6
    painter.fillRect(QRectF(0, 0, size[0], height), QColor(255, 255, 255, 225))
    painter.setFont(font)
    painter.setPen(QColor("black"))
    painter.drawText(QRectF(metrics.height() * 0.6, 0, size[0], height), Qt.AlignmentFlag.AlignVCenter, title)


def _draw_legend(painter, entries, size, px, dpi):
    if not entries:
        return
    font = _font(px, LEGEND_POINTS)
    metrics = QFontMetricsF(font)
    mm = dpi / _MM_PER_INCH
    patch_w, patch_h = _PATCH_MM[0] * mm, _PATCH_MM[1] * mm
    row = max(patch_h, metrics.height()) * 1.35
    pad = 2.5 * mm
    text_w = max(metrics.horizontalAdvance(entry.label) for entry in entries)
    box_w, box_h = pad * 3 + patch_w + text_w, pad * 2 + row * len(entries)
    x0, y0 = pad, size[1] - box_h - pad
    painter.setPen(QColor("#888888"))
    painter.setBrush(QColor(255, 255, 255, 235))
    painter.drawRect(QRectF(x0, y0, box_w, box_h))
    context = QgsRenderContext.fromQPainter(painter)
    context.setScaleFactor(mm)
    painter.setFont(font)
    for position, entry in enumerate(entries):
        top = y0 + pad + row * position
        painter.save()
        painter.translate(x0 + pad, top + (row - patch_h) / 2)
        entry.symbol.drawPreviewIcon(painter, QSize(int(patch_w), int(patch_h)), context)
        painter.restore()
        painter.setPen(QColor("black"))
        painter.drawText(QRectF(x0 + pad * 2 + patch_w, top, text_w + pad, row), Qt.AlignmentFlag.AlignVCenter, entry.label)


def metres_per_pixel(settings):
    """Ground metres per image pixel at the map's centre (planar for metric CRSs, else on the ellipsoid)."""
    crs = settings.destinationCrs()
    per_pixel = settings.mapUnitsPerPixel()
    if crs.mapUnits() == METRES:
        return per_pixel
    centre = settings.visibleExtent().center()
    area = QgsDistanceArea()
    area.setSourceCrs(crs, settings.transformContext())
    area.setEllipsoid(crs.ellipsoidAcronym() or "EPSG:7030")
    across = area.measureLine(QgsPointXY(centre.x(), centre.y()), QgsPointXY(centre.x() + per_pixel * 100, centre.y()))
    return across / 100.0


def nice_length(metres):
    """The largest round length (1, 2 or 5 times a power of ten) not above ``metres``."""
    power = 10.0 ** math.floor(math.log10(metres))
    return max(f * power for f in (1, 2, 5) if f * power <= metres)


def _length_text(metres):
    if metres >= 1000:
        kilometres = metres / 1000.0
        return f"{kilometres:g} km"
    return f"{metres:g} m"


def _draw_scale_bar(painter, settings, size, px, dpi):
    per_pixel = metres_per_pixel(settings)
    if not per_pixel or per_pixel <= 0 or not math.isfinite(per_pixel):
        return
    mm = dpi / _MM_PER_INCH
    length = nice_length(per_pixel * size[0] / 5.0)  # about a fifth of the map's width
    bar_px = length / per_pixel
    font = _font(px, LEGEND_POINTS)
    metrics = QFontMetricsF(font)
    pad, bar_h = 2.5 * mm, 1.6 * mm
    label_w = metrics.horizontalAdvance(_length_text(length))
    box_w, box_h = bar_px + 2 * pad + label_w / 2 + pad, pad * 2 + bar_h + metrics.height() * 1.2
    x0, y0 = size[0] - box_w - pad, size[1] - box_h - pad
    painter.setPen(QColor("#888888"))
    painter.setBrush(QColor(255, 255, 255, 235))
    painter.drawRect(QRectF(x0, y0, box_w, box_h))
    left, top = x0 + pad + metrics.horizontalAdvance("0") / 2, y0 + pad + metrics.height() * 1.2
    half = bar_px / 2
    painter.setPen(QColor("black"))
    painter.setBrush(QColor("black"))
    painter.drawRect(QRectF(left, top, half, bar_h))
    painter.setBrush(QColor("white"))
    painter.drawRect(QRectF(left + half, top, half, bar_h))
    painter.setFont(font)
    for value, x in ((0, left), (length / 2, left + half), (length, left + bar_px)):
        text = "0" if value == 0 else _length_text(value)
        width = metrics.horizontalAdvance(text)
        painter.drawText(QRectF(x - width / 2, y0 + pad * 0.6, width + 2, metrics.height()), Qt.AlignmentFlag.AlignCenter, text)
