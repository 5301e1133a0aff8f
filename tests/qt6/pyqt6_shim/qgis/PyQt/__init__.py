"""TEST SCAFFOLD: qgis.PyQt -> PyQt6, as in a QGIS 4 (Qt6) build."""
