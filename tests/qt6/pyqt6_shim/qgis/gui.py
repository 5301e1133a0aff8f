"""TEST SCAFFOLD: placeholder qgis.gui (see _placeholder.py), not QGIS."""
from ._placeholder import module_getattr

__getattr__ = module_getattr("qgis.gui")
