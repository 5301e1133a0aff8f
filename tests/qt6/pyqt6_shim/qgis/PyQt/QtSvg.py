"""TEST SCAFFOLD: qgis.PyQt.QtSvg -> PyQt6.QtSvg."""
from PyQt6.QtSvg import *  # noqa: F403
