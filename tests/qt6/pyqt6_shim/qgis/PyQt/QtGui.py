"""TEST SCAFFOLD: QGIS 4's qgis/PyQt/QtGui.py is PyQt6.QtGui."""
from PyQt6.QtGui import *  # noqa: F403
