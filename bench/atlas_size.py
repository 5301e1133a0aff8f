#!/usr/bin/env python3
"""Size and time of the web atlas (`sozialraum:atlas`), as the demo makes it.

    # the demo's 34 spaces (after `make demo`)
    .venv/bin/python bench/atlas_size.py demo
    # the ~500 spaces of bench/profiles_size.py's 'prepare' step
    .venv/bin/python bench/atlas_size.py /tmp/profbench/large

Reads social_index.gpkg and spaces_blocks.gpkg of the folder, writes FOLDER/bench_atlas with the
demo's parameters (German, blocks, 3 m simplification) and prints one line of JSON and a Markdown
table row: spaces, blocks, seconds, MB of the folder and of its largest files, peak RSS.
Not shipped with the plugin; see bench/RESULTS.md for the measurements.
"""
import argparse
import json
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))


def measure(folder, tolerance):
    from demo import start_qgis

    app, provider = start_qgis()
    import processing

    folder = Path(folder).resolve()
    out = folder / "bench_atlas"
    started = time.perf_counter()
    result = processing.run("sozialraum:atlas", {
        "INPUT": str(folder / "social_index.gpkg"), "ID_FIELD": "space_id", "BLOCKS": str(folder / "spaces_blocks.gpkg"),
        "LANGUAGE": 1, "TOLERANCE": tolerance, "OUTPUT": str(out)})
    seconds = time.perf_counter() - started
    files = {path.relative_to(out).as_posix(): path.stat().st_size for path in out.rglob("*") if path.is_file()}
    from qgis.core import QgsVectorLayer

    blocks = QgsVectorLayer(str(folder / "spaces_blocks.gpkg"), "blocks", "ogr").featureCount()
    row = {"spaces": result["N_SPACES"], "blocks": blocks, "tolerance_m": tolerance, "seconds": round(seconds, 1),
           "mb": round(result["SIZE_BYTES"] / 1e6, 2),
           "largest": {name: round(size / 1e6, 2) for name, size in sorted(files.items(), key=lambda i: -i[1])[:3]},
           "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}
    print(json.dumps(row))
    print(f"| {row['spaces']} | {row['blocks']} | {tolerance:g} | {row['seconds']} | {row['mb']} | "
          f"{', '.join(f'{k} {v}' for k, v in row['largest'].items())} | {row['peak_rss_mb']} |")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder")
    parser.add_argument("--tolerance", type=float, default=3.0)
    args = parser.parse_args(argv)
    measure(args.folder, args.tolerance)


if __name__ == "__main__":
    main()
