#!/usr/bin/env python3
"""Write resources/styles/block_certainty.qml (the blocks with boundary certainty) with the QGIS API.

The classes and colours live in sozialraum/qgisio/certainty_style.py; run this after changing them.
Usage: /usr/bin/python3 scripts/make_certainty_style.py
"""
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))
from checkout_package import use_checkout

use_checkout()

from qgis.core import QgsApplication, QgsVectorLayer  # noqa: E402

from sozialraum.qgisio.certainty_style import STYLE, certainty_renderer  # noqa: E402
from sozialraum.qgisio.styles import style_path  # noqa: E402


def main():
    app = QgsApplication([], False)
    app.initQgis()
    layer = QgsVectorLayer("MultiPolygon?field=space_id:integer&field=certainty:integer", "certainty", "memory")
    layer.setRenderer(certainty_renderer())
    layer.saveNamedStyle(str(style_path(STYLE)))
    print("wrote", style_path(STYLE))


if __name__ == "__main__":
    main()
