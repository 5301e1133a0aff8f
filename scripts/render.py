"""Render QGIS layers to a PNG map with a title, a legend and a scale bar (used by the demo).

The drawing itself is sozialraum.qgisio.map_image, shared with the delineation report.
"""
from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsFillSymbol,
    QgsLineSymbol,
    QgsRendererCategory,
    QgsVectorLayer,
)


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


def render_png(layers, extent, path, title, legend, size=(1800, 1500), print_width_mm=250.0):
    """Draw ``layers`` (top first) over ``extent`` into ``path`` with a title, a legend and a scale bar.

    ``legend``: (hex colour, label) pairs, each drawn with the symbol of the layer class it
    names (a river as a line), or items of :func:`outline_entry`; empty: the classes of the
    layers, as far as they occur. The image is rendered as if printed ``print_width_mm`` wide,
    so labels keep their print size.
    """
    from sozialraum.qgisio import map_image

    entries = map_image.entries_from_colours(legend, layers) if legend else map_image.legend_from_layers(layers)
    image = map_image.render_map(layers, extent, title, entries, size=size, print_width_mm=print_width_mm)
    image.save(str(path), "PNG")
    return path


def outline_entry(label, colour, width="1.2"):
    """A legend item for ``render_png`` drawn as an outline only (e.g. the red outline of flagged spaces)."""
    from sozialraum.qgisio import map_image

    return map_image.fill_entry(label, "#ffffff", colour, width)


def load(path, layer_name=None, name=None):
    uri = f"{path}|layername={layer_name}" if layer_name else str(path)
    layer = QgsVectorLayer(uri, name or layer_name or str(path), "ogr")
    if not layer.isValid():
        raise RuntimeError(f"cannot open {uri}")
    return layer

