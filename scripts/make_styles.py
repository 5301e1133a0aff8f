#!/usr/bin/env python3
"""Write the QML styles in resources/styles/ with the QGIS API (run once after changing them).

spaces.qml: one colour per space (from its id), a red outline for spaces that are not ok,
labels with id and population. blocks_by_space.qml: blocks coloured by their space.
Usage: /usr/bin/python3 scripts/make_styles.py
"""
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))
from checkout_package import use_checkout

use_checkout()

from qgis.core import (  # noqa: E402
    QgsApplication,
    QgsFillSymbol,
    QgsProperty,
    QgsSingleSymbolRenderer,
    QgsSymbolLayer,
    QgsVectorLayer,
)

from sozialraum.qgisio.space_labels import space_labeling  # noqa: E402

STYLES = Path(__file__).resolve().parent.parent / "resources" / "styles"
SPACE_COLOUR = "color_hsl((coalesce(\"{field}\", 0) * 137) % 360, 55 + (coalesce(\"{field}\", 0) % 3) * 12, 72)"


def _property(name):
    scoped = getattr(QgsSymbolLayer, "Property", None)
    return getattr(scoped, name) if scoped is not None and hasattr(scoped, name) else getattr(QgsSymbolLayer, f"Property{name}")


def spaces_style(path):
    layer = QgsVectorLayer("MultiPolygon?field=space_id:integer&field=population:double&field=status:string", "spaces", "memory")
    symbol = QgsFillSymbol.createSimple({"color": "#cccccc", "outline_color": "#333333", "outline_width": "0.5"})
    fill = symbol.symbolLayer(0)
    fill.setDataDefinedProperty(_property("FillColor"), QgsProperty.fromExpression(SPACE_COLOUR.format(field="space_id")))
    fill.setDataDefinedProperty(_property("StrokeColor"), QgsProperty.fromExpression(
        "CASE WHEN \"status\" IN ('below', 'above', 'flagged') THEN '#d7191c' ELSE '#333333' END"))
    fill.setDataDefinedProperty(_property("StrokeWidth"), QgsProperty.fromExpression(
        "CASE WHEN \"status\" IN ('below', 'above', 'flagged') THEN 1.2 ELSE 0.5 END"))
    layer.setRenderer(QgsSingleSymbolRenderer(symbol))
    layer.setLabeling(space_labeling("space_id", "population"))
    layer.setLabelsEnabled(True)
    layer.saveNamedStyle(str(path))


def blocks_style(path):
    layer = QgsVectorLayer("MultiPolygon?field=space_id:integer", "blocks", "memory")
    symbol = QgsFillSymbol.createSimple({"color": "#cccccc", "outline_color": "#666666", "outline_width": "0.05"})
    symbol.symbolLayer(0).setDataDefinedProperty(_property("FillColor"), QgsProperty.fromExpression(SPACE_COLOUR.format(field="space_id")))
    layer.setRenderer(QgsSingleSymbolRenderer(symbol))
    layer.saveNamedStyle(str(path))


def main():
    app = QgsApplication([], False)
    app.initQgis()
    STYLES.mkdir(parents=True, exist_ok=True)
    spaces_style(STYLES / "spaces.qml")
    blocks_style(STYLES / "blocks_by_space.qml")
    print("wrote", *sorted(p.name for p in STYLES.glob("*.qml")))


if __name__ == "__main__":
    main()
