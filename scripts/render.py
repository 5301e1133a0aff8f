"""Render QGIS layers to a PNG map with a title and a small legend (used by the demo)."""
from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsFillSymbol,
    QgsLineSymbol,
    QgsMapRendererParallelJob,
    QgsMapSettings,
    QgsRendererCategory,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QSize
from qgis.PyQt.QtGui import QColor, QFont, QPainter


def categorized(layer, field, categories, kind="fill"):
    """categories: list of (value, label, properties dict for createSimple)."""
    items = []
    for value, label, properties in categories:
        symbol = QgsFillSymbol.createSimple(properties) if kind == "fill" else QgsLineSymbol.createSimple(properties)
        items.append(QgsRendererCategory(value, symbol, label))
    layer.setRenderer(QgsCategorizedSymbolRenderer(field, items))


def line(layer, color, width="0.2", style="solid"):
    from qgis.core import QgsSingleSymbolRenderer

    layer.setRenderer(QgsSingleSymbolRenderer(QgsLineSymbol.createSimple({"line_color": color, "line_width": width, "line_style": style})))


def polygon(layer, color, outline="#606060", width="0.1"):
    from qgis.core import QgsSingleSymbolRenderer

    layer.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple({"color": color, "outline_color": outline, "outline_width": width})))


def render_png(layers, extent, path, title, legend, size=(1800, 1500)):
    """Draw ``layers`` (top first) over ``extent`` into ``path`` with a title and legend entries.

    ``legend`` is a list of (hex colour, label).
    """
    settings = QgsMapSettings()
    settings.setLayers(layers)
    settings.setDestinationCrs(layers[-1].crs())
    settings.setOutputSize(QSize(*size))
    settings.setBackgroundColor(QColor("white"))
    settings.setExtent(extent)
    job = QgsMapRendererParallelJob(settings)
    job.start()
    job.waitForFinished()
    image = job.renderedImage()
    painter = QPainter(image)
    painter.setRenderHint(QPainter.Antialiasing)
    painter.setPen(QColor("black"))
    font = QFont("DejaVu Sans", 22)
    font.setBold(True)
    painter.setFont(font)
    painter.fillRect(0, 0, size[0], 56, QColor(255, 255, 255, 220))
    painter.drawText(20, 38, title)
    painter.setFont(QFont("DejaVu Sans", 15))
    box_height = 30 * len(legend) + 20
    if legend:
        painter.fillRect(20, size[1] - box_height - 20, 520, box_height, QColor(255, 255, 255, 230))
    for k, (color, label) in enumerate(legend):
        y = size[1] - box_height - 10 + 30 * k
        painter.fillRect(32, y + 6, 30, 16, QColor(color))
        painter.drawText(74, y + 21, label)
    painter.end()
    image.save(str(path), "PNG")
    return path


def load(path, layer_name=None, name=None):
    uri = f"{path}|layername={layer_name}" if layer_name else str(path)
    layer = QgsVectorLayer(uri, name or layer_name or str(path), "ogr")
    if not layer.isValid():
        raise RuntimeError(f"cannot open {uri}")
    return layer

