"""Docks and map tools for consultation editing (QGIS desktop only)."""
