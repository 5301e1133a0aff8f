#!/usr/bin/env python3
"""Write the QML styles of the social index outputs with the QGIS API (run once after changing them).

social_index.qml: spaces categorised by the index class (si_class 1..4, Berlin style: status
high, medium, low, very low; labelled in German), spaces without an index grey.
space_types.qml: spaces categorised by their type (space_type 1..8, type 1 = least need).
Usage: /usr/bin/python3 scripts/make_indicator_styles.py
"""
import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from qgis.core import (
    QgsApplication,
    QgsCategorizedSymbolRenderer,
    QgsFillSymbol,
    QgsRendererCategory,
    QgsVectorLayer,
)

STYLES = Path(__file__).resolve().parent.parent / "resources" / "styles"

INDEX_CLASSES = (
    (1, "Status hoch", "#1a9641"),
    (2, "Status mittel", "#ffffbf"),
    (3, "Status niedrig", "#fdae61"),
    (4, "Status sehr niedrig", "#d7191c"),
    (5, "Klasse 5", "#a50f15"),
    (6, "Klasse 6", "#67000d"),
)
TYPE_COLOURS = ("#2b83ba", "#abdda4", "#ffffbf", "#fdae61", "#d7191c", "#a6611a", "#7b3294", "#4d4d4d")


def _symbol(colour):
    return QgsFillSymbol.createSimple({"color": colour, "outline_color": "#444444", "outline_width": "0.3"})


def _save(field, categories, path, geometry="MultiPolygon"):
    layer = QgsVectorLayer(f"{geometry}?field={field}:integer", "style", "memory")
    renderer = QgsCategorizedSymbolRenderer(field, categories)
    layer.setRenderer(renderer)
    layer.saveNamedStyle(str(path))


def index_style(path):
    categories = [QgsRendererCategory(number, _symbol(colour), label) for number, label, colour in INDEX_CLASSES]
    categories.append(QgsRendererCategory(None, _symbol("#d9d9d9"), "ohne Index (zu klein oder Werte fehlen)"))
    _save("si_class", categories, path)


def types_style(path):
    categories = []
    for number, colour in enumerate(TYPE_COLOURS, start=1):
        label = f"Typ {number}" + (" (geringster Handlungsbedarf)" if number == 1 else "")
        categories.append(QgsRendererCategory(number, _symbol(colour), label))
    categories.append(QgsRendererCategory(None, _symbol("#d9d9d9"), "ohne Typ (zu klein oder Werte fehlen)"))
    _save("space_type", categories, path)


def main():
    app = QgsApplication([], False)
    app.initQgis()
    STYLES.mkdir(parents=True, exist_ok=True)
    index_style(STYLES / "social_index.qml")
    types_style(STYLES / "space_types.qml")
    print("wrote social_index.qml, space_types.qml")


if __name__ == "__main__":
    main()
