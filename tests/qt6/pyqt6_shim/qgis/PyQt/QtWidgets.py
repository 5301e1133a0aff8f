"""TEST SCAFFOLD: QGIS 4's qgis/PyQt/QtWidgets.py is PyQt6.QtWidgets, QLayout.setMargin, and (QGIS PR
#55658) QAction and QShortcut, which Qt6 moved to QtGui, importable from here as well."""
from PyQt6.QtGui import QAction, QShortcut  # noqa: F401
from PyQt6.QtWidgets import *  # noqa: F403
from PyQt6.QtWidgets import QLayout

QLayout.setMargin = lambda self, m: self.setContentsMargins(m, m, m, m)
