"""A map a person can read, as an image: layers drawn by QGIS, then a title, a legend and a scale bar.

Used for the map in the delineation report (algorithms/reports/report_map.py) and for the demo maps
(scripts/render.py). The image is rendered at the resolution it would have printed
``print_width_mm`` wide, so symbol widths and labels (given in mm and points by the styles)
come out at their printed size instead of shrinking with the pixel count.
"""
import math
from dataclasses import dataclass

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsDistanceArea,
    QgsExpressionContext,
    QgsExpressionContextUtils,
    QgsFillSymbol,
    QgsGraduatedSymbolRenderer,
    QgsLineSymbol,
    QgsMapRendererParallelJob,
    QgsMapSettings,
    QgsPointXY,
    QgsProject,
    QgsRenderContext,
    QgsSingleSymbolRenderer,
)
from qgis.PyQt.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize, Qt
from qgis.PyQt.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter

from . import compat

#: print sizes of the decorations
TITLE_POINTS = 13
LEGEND_POINTS = 9
_PATCH_MM = (9.0, 4.5)
_MM_PER_INCH = 25.4
#: metres as map units: Qgis.DistanceUnit.Meters since QGIS 3.30, QgsUnitTypes.DistanceMeters on 3.22
METRES = compat.DISTANCE_METERS


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
    """Legend entries from (hex colour, label) pairs (or LegendEntry items), drawn with the layer symbol they stand for.

    A pair takes the symbol of the layer class with the same label, else of a class or layer
    drawn in that colour (fill or outline), so a river shows as a line; else a plain patch.
    """
    candidates = legend_from_layers(layers)
    entries = []
    for item in pairs:
        if isinstance(item, LegendEntry):  # drawn as given (e.g. an outline-only patch)
            entries.append(item)
            continue
        colour, label = item
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
    """The map of ``layers`` (top first) over ``extent`` as a QImage: title above, legend and scale bar below.

    ``size``: the map's own pixels (the title and the legend add to the height, so they
    never hide part of the map); ``legend``: LegendEntry items (None: :func:`legend_from_layers`).
    """
    dpi = dpi or size[0] / (print_width_mm / _MM_PER_INCH)
    entries = legend if legend is not None else legend_from_layers(layers)
    settings = QgsMapSettings()
    settings.setLayers(layers)
    settings.setDestinationCrs(layers[-1].crs())
    settings.setOutputSize(QSize(*size))
    settings.setOutputDpi(dpi)
    settings.setBackgroundColor(QColor("white"))
    settings.setExtent(extent)
    settings.setTransformContext(QgsProject.instance().transformContext())
    # @map_scale and friends for styles and labels, as on the canvas
    expressions = QgsExpressionContext()
    expressions.appendScope(QgsExpressionContextUtils.globalScope())
    expressions.appendScope(QgsExpressionContextUtils.projectScope(QgsProject.instance()))
    expressions.appendScope(QgsExpressionContextUtils.mapSettingsScope(settings))
    settings.setExpressionContext(expressions)
    job = QgsMapRendererParallelJob(settings)
    job.start()
    job.waitForFinished()
    drawn = job.renderedImage()
    sheet = _Sheet(dpi, size[0])
    title_h = sheet.title_height()
    legend_box, scale_box = sheet.legend_size(entries), sheet.scale_bar_size(settings)
    footer_h = max(legend_box[1], scale_box[1]) + 2 * sheet.pad if entries or scale_box[1] else 0
    image = QImage(size[0], int(title_h + size[1] + footer_h), QImage.Format.Format_ARGB32_Premultiplied)
    dots_per_metre = int(round(dpi / _MM_PER_INCH * 1000))
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    try:
        painter.drawImage(0, int(title_h), drawn)
        painter.setPen(QColor("#888888"))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(QRectF(0.5, title_h, size[0] - 1, size[1]))
        sheet.draw_title(painter, title, title_h)
        top = title_h + size[1] + sheet.pad
        sheet.draw_legend(painter, entries, sheet.pad, top)
        sheet.draw_scale_bar(painter, settings, size[0] - scale_box[0] - sheet.pad, top)
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


class _Sheet:
    """Sizes and drawing of the decorations at the print resolution ``dpi`` of a ``width`` px image."""

    def __init__(self, dpi, width):
        self.dpi, self.width = dpi, width
        self.mm = dpi / _MM_PER_INCH
        self.pad = 2.5 * self.mm
        self.title_font = self._font(TITLE_POINTS, bold=True)
        self.font = self._font(LEGEND_POINTS)
        self.metrics = QFontMetricsF(self.font)
        self.patch = QSize(int(_PATCH_MM[0] * self.mm), int(_PATCH_MM[1] * self.mm))
        self.row = max(self.patch.height(), self.metrics.height()) * 1.35

    def _font(self, points, bold=False):
        font = QFont("DejaVu Sans")
        font.setPixelSize(max(1, int(round(points * self.dpi / 72.0))))
        font.setBold(bold)
        return font

    def title_height(self):
        return QFontMetricsF(self.title_font).height() * 1.8

    def draw_title(self, painter, title, height):
        painter.setFont(self.title_font)
        painter.setPen(QColor("black"))
        painter.drawText(QRectF(self.pad, 0, self.width - 2 * self.pad, height), Qt.AlignmentFlag.AlignVCenter, title)

    # -- legend: entries in as many columns as fit beside the scale bar -----------------------
    def _column_width(self, entries):
        return self.patch.width() + 3 * self.pad + max(self.metrics.horizontalAdvance(e.label) for e in entries)

    def _columns(self, entries):
        room = self.width * 0.72  # the rest of the footer is the scale bar's
        return max(1, min(len(entries), int(room // self._column_width(entries))))

    def legend_size(self, entries):
        if not entries:
            return 0, 0
        columns = self._columns(entries)
        rows = math.ceil(len(entries) / columns)
        return columns * self._column_width(entries) + self.pad, rows * self.row + 2 * self.pad

    def draw_legend(self, painter, entries, x0, y0):
        if not entries:
            return
        columns, column_w = self._columns(entries), self._column_width(entries)
        rows = math.ceil(len(entries) / columns)
        context = QgsRenderContext.fromQPainter(painter)
        context.setScaleFactor(self.mm)
        painter.setFont(self.font)
        for position, entry in enumerate(entries):
            column, row = divmod(position, rows)
            x, y = x0 + self.pad + column * column_w, y0 + self.pad + row * self.row
            painter.save()
            painter.translate(x, y + (self.row - self.patch.height()) / 2)
            entry.symbol.drawPreviewIcon(painter, self.patch, context)
            painter.restore()
            painter.setPen(QColor("black"))
            text_x = x + self.patch.width() + self.pad
            painter.drawText(QRectF(text_x, y, column_w - self.patch.width() - 2 * self.pad, self.row),
                             Qt.AlignmentFlag.AlignVCenter, entry.label)

    # -- scale bar: a round length of about a fifth of the map, in two halves -----------------
    def _scale(self, settings):
        per_pixel = metres_per_pixel(settings)
        if not per_pixel or per_pixel <= 0 or not math.isfinite(per_pixel):
            return None
        length = nice_length(per_pixel * self.width / 5.0)
        return length, length / per_pixel

    def scale_bar_size(self, settings):
        scale = self._scale(settings)
        if scale is None:
            return 0, 0
        label_w = self.metrics.horizontalAdvance(_length_text(scale[0]))
        return scale[1] + label_w + 2 * self.pad, self.metrics.height() * 1.3 + 1.6 * self.mm + 2 * self.pad

    def draw_scale_bar(self, painter, settings, x0, y0):
        scale = self._scale(settings)
        if scale is None:
            return
        length, bar_px = scale
        bar_h = 1.6 * self.mm
        left = x0 + self.pad + self.metrics.horizontalAdvance("0") / 2
        top = y0 + self.pad + self.metrics.height() * 1.3
        half = bar_px / 2
        painter.setPen(QColor("black"))
        painter.setBrush(QColor("black"))
        painter.drawRect(QRectF(left, top, half, bar_h))
        painter.setBrush(QColor("white"))
        painter.drawRect(QRectF(left + half, top, half, bar_h))
        painter.setFont(self.font)
        for value, x in ((0, left), (length / 2, left + half), (length, left + bar_px)):
            text = "0" if value == 0 else _length_text(value)
            width = self.metrics.horizontalAdvance(text)
            painter.drawText(QRectF(x - width / 2 - 1, y0 + self.pad, width + 2, self.metrics.height()),
                             Qt.AlignmentFlag.AlignCenter, text)


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


