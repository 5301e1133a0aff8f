"""TEST SCAFFOLD: qgis.PyQt.QtPrintSupport -> PyQt6.QtPrintSupport."""
from PyQt6.QtPrintSupport import *  # noqa: F403
