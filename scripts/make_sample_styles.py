#!/usr/bin/env python3
"""Write the QML styles of the sample town's layers (resources/styles/sample_*.qml) with the QGIS API.

"Load sample town" applies them (symbology only: the field aliases come from the GeoPackage):
blocks a light fill with thin outlines, districts bold outlines without fill, barriers bold by
kind (railway black with white dashes, motorway orange, rivers blue: the lines the
neighbourhood of blocks stops at must be seen), facilities small dots by kind.
Usage: /usr/bin/python3 scripts/make_sample_styles.py
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
    QgsCategorizedSymbolRenderer,
    QgsFillSymbol,
    QgsLineSymbol,
    QgsMarkerSymbol,
    QgsRendererCategory,
    QgsSingleSymbolRenderer,
    QgsVectorLayer,
)

STYLES = Path(__file__).resolve().parent.parent / "resources" / "styles"


def save(layer, name):
    layer.saveNamedStyle(str(STYLES / f"sample_{name}.qml"))


def railway_symbol():
    symbol = QgsLineSymbol.createSimple({"line_color": "#202020", "line_width": "1.2", "capstyle": "flat"})
    dashes = QgsLineSymbol.createSimple({"line_color": "#ffffff", "line_width": "0.6", "line_style": "dash",
                                         "capstyle": "flat"})  # kept in a name: its layer dies with it
    symbol.appendSymbolLayer(dashes.symbolLayer(0).clone())
    return symbol


def main():
    app = QgsApplication([], False)
    app.initQgis()
    blocks = QgsVectorLayer("MultiPolygon", "blocks", "memory")
    blocks.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple(
        {"color": "#f1ede4", "outline_color": "#a39e93", "outline_width": "0.1"})))
    save(blocks, "blocks")
    districts = QgsVectorLayer("MultiPolygon", "districts", "memory")
    districts.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple(
        {"style": "no", "outline_color": "#5a4a78", "outline_width": "0.7"})))
    save(districts, "districts")
    barriers = QgsVectorLayer("MultiLineString?field=kind:string", "barriers", "memory")
    categories = [QgsRendererCategory("railway", railway_symbol(), "railway"),
                  QgsRendererCategory("motorway", QgsLineSymbol.createSimple({"line_color": "#e07b00", "line_width": "1.4"}),
                                      "motorway"),
                  QgsRendererCategory("river", QgsLineSymbol.createSimple({"line_color": "#2b7bcc", "line_width": "1.2"}),
                                      "river"),
                  QgsRendererCategory("", QgsLineSymbol.createSimple({"line_color": "#444444", "line_width": "1.0"}), "")]
    barriers.setRenderer(QgsCategorizedSymbolRenderer("kind", categories))
    save(barriers, "barriers")
    facilities = QgsVectorLayer("Point?field=kind:string", "facilities", "memory")
    colours = {"kita": "#2ca25f", "school": "#3182bd", "counselling": "#de2d26", "": "#636363"}
    facilities.setRenderer(QgsCategorizedSymbolRenderer("kind", [QgsRendererCategory(
        kind, QgsMarkerSymbol.createSimple({"name": "circle", "color": colour, "outline_color": "#ffffff", "size": "1.8"}), kind)
        for kind, colour in colours.items()]))
    save(facilities, "facilities")
    print("wrote", *sorted(p.name for p in STYLES.glob("sample_*.qml")))


if __name__ == "__main__":
    main()
