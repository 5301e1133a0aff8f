"""TEST SCAFFOLD: QGIS 4's qgis/PyQt/QtCore.py is PyQt6.QtCore plus a NULL QVariant."""
from PyQt6.QtCore import *  # noqa: F403
from PyQt6.QtCore import QMetaType, QVariant

NULL = QVariant(QMetaType.Type.Int)
