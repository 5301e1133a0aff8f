"""TEST SCAFFOLD: placeholder qgis.core (see _placeholder.py), not QGIS."""
from ._placeholder import module_getattr

__getattr__ = module_getattr("qgis.core")
