"""TEST SCAFFOLD: qgis.PyQt.sip -> PyQt6.sip."""
from PyQt6.sip import *  # noqa: F403
