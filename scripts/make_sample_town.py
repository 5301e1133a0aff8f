#!/usr/bin/env python3
"""Regenerate the bundled sample town resources/sample/musterstadt.gpkg and its record.

The record (musterstadt.json) names the Shapely and GEOS versions the file was made with, the
GDAL that wrote it, and its checksum: the generator gives exactly this town only on that GEOS
(GEOS versions decide borderline predicates differently; see docs/sample_data.md). The bundled
file was made with the current PyPI stack, which has no GDAL bindings: the GeoPackage is written
by OGR in /usr/bin/python3 (python3-gdal; see engine/sampletown/ogr_writer.py):

    .venv-current/bin/python scripts/make_sample_town.py

Options --blocks/--seed/--out write another town instead (see --help).
"""
import argparse
import hashlib
import json
import os
import sys
import time
from pathlib import Path

from checkout_package import REPO_ROOT, use_checkout

use_checkout()  # the repository root is the plugin folder: import it as package "sozialraum"

from sozialraum.engine.sampletown import DEFAULT_BLOCKS, DEFAULT_SEED, generate_town, ogr_writer, write_town  # noqa: E402
from sozialraum.engine.spatial.geometry import geos_version  # noqa: E402

DEFAULT_OUT = REPO_ROOT / "resources" / "sample" / "musterstadt.gpkg"


def write_record(town, path):
    """musterstadt.json beside the file: what made it, and what it holds."""
    import numpy
    import shapely

    record = {
        "seed": town.seed, "n_blocks_requested": town.n_blocks_requested,
        "shapely": shapely.__version__, "geos": geos_version(), "numpy": numpy.__version__,
        "gdal": ogr_writer.gdal_version(),
        "blocks": len(town.blocks), "population": int(town.blocks.frame["pop_total"].sum()),
        "sha256": hashlib.sha256(Path(path).read_bytes()).hexdigest(),
    }
    Path(path).with_suffix(".json").write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    parser.add_argument("--blocks", type=int, default=DEFAULT_BLOCKS)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--out", default=str(DEFAULT_OUT))
    args = parser.parse_args(argv)
    t0 = time.perf_counter()
    town = generate_town(n_blocks=args.blocks, seed=args.seed)
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    write_town(town, args.out)
    if Path(args.out).resolve() == DEFAULT_OUT.resolve():
        write_record(town, DEFAULT_OUT)
    print(
        "wrote %s: %d blocks, %d residents, %d districts, %d facilities (%.1f s, %.2f MB)"
        % (
            args.out,
            len(town.blocks),
            int(town.blocks.frame["pop_total"].sum()),
            len(town.districts),
            len(town.facilities),
            time.perf_counter() - t0,
            os.path.getsize(args.out) / 1e6,
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
