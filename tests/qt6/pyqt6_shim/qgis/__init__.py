"""TEST SCAFFOLD, not QGIS: a ``qgis`` package whose ``qgis.PyQt`` maps to PyQt6 from PyPI the way
QGIS 4's own python/PyQt/PyQt6/*.py do, so the plugin's modules can be imported under a real Qt6
binding on a machine without a Qt6 QGIS. ``qgis.core``/``qgis.gui`` are placeholders (see there)."""
