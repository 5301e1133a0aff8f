"""QGIS reading and writing helpers shared by the algorithms and the dock: layers in, sinks and files out,
parameters kept with a layer, styles, map images, number formats, engine errors as Processing messages."""
