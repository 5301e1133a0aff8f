"""TEST SCAFFOLD: qgis.PyQt.QtXml -> PyQt6.QtXml."""
from PyQt6.QtXml import *  # noqa: F403
