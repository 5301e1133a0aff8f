"""Processing algorithms: thin adapters between QGIS layers and the engine."""
