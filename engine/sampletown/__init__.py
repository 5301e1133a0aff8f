"""Synthetic sample town "Musterstadt" for tests, benchmarks and the demo.

    from sozialraum.engine.sampletown import generate_town, write_town
    town = generate_town(n_blocks=3500, seed=20261123)
    town.blocks.geometries, town.blocks.frame      # also districts, barriers, facilities
    write_town(town, "musterstadt.gpkg")

Generating needs only numpy, scipy, pandas and shapely (1.8 or 2.x); writing needs GDAL's
Python bindings, in this Python or in /usr/bin/python3 (``ogr_writer``). See
docs/sample_data.md for the layers and fields.
"""
from .town import DEFAULT_BLOCKS, DEFAULT_SEED, Layer, Town, generate_town, write_town

__all__ = ["generate_town", "write_town", "Town", "Layer", "DEFAULT_SEED", "DEFAULT_BLOCKS"]
