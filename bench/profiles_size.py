#!/usr/bin/env python3
"""Size, time and memory of the profile sheets (`sozialraum:profiles`), as the demo makes them.

Two steps, each in its own process (the memory figure is the peak RSS of the run's process,
QGIS start included):

    # the demo's 34 spaces (after `make demo`)
    .venv/bin/python bench/profiles_size.py measure demo
    # a larger town with ~500 spaces: generate it, delineate with small bounds, push the indicators
    .venv-current/bin/python scripts/make_sample_town.py --blocks 10000 --out /tmp/profbench/town10k.gpkg
    .venv/bin/python bench/profiles_size.py prepare /tmp/profbench/town10k.gpkg /tmp/profbench/large --n-spaces 500
    .venv/bin/python bench/profiles_size.py measure /tmp/profbench/large

`measure` reads social_index.gpkg and spaces_blocks.gpkg of the folder (the files `make demo`
writes), runs the profiles with the demo's parameters (German, blocks with their space field)
into FOLDER/bench_profiles.pdf and prints one line of JSON and a Markdown table row: pages,
seconds, MB, KB and seconds per page, peak RSS, and what the PDF holds (images, fonts).
Not shipped with the plugin; see bench/RESULTS.md for the measurements.
"""
import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))


def start_qgis():
    from demo import start_qgis as start

    return start()


def peak_rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def pdf_facts(pdf):
    """Pages, images and fonts of the PDF (poppler-utils), for the table."""
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    pages = int(next(line.split()[1] for line in info.splitlines() if line.startswith("Pages:")))
    images = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True).stdout.splitlines()[2:]
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True).stdout.splitlines()[2:]
    words = subprocess.run(["pdftotext", "-f", "1", "-l", "1", str(pdf), "-"], capture_output=True, text=True).stdout.split()
    return {"pages": pages, "images": len(images), "fonts": len(fonts), "words_page_1": len(words)}


def measure(folder, out=None):
    folder = Path(folder).resolve()
    pdf = Path(out) if out else folder / "bench_profiles.pdf"
    app, provider = start_qgis()
    import processing

    rss_before = peak_rss_mb()
    started = time.perf_counter()
    cpu_started = time.process_time()
    result = processing.run("sozialraum:profiles", {
        "INPUT": str(folder / "social_index.gpkg"), "ID_FIELD": "space_id",
        "BLOCKS": str(folder / "spaces_blocks.gpkg"), "BLOCK_SPACE_FIELD": "space_id",
        "LANGUAGE": 1, "SAVE_LAYOUT": False, "OUTPUT": str(pdf),
    })
    seconds = time.perf_counter() - started
    cpu = time.process_time() - cpu_started
    size = pdf.stat().st_size
    facts = pdf_facts(pdf)
    pages = facts["pages"]
    row = {
        "folder": str(folder), "pages": pages, "seconds": round(seconds, 1), "cpu_seconds": round(cpu, 1),
        "mb": round(size / 1e6, 2), "kb_per_page": round(size / 1e3 / pages, 1), "s_per_page": round(seconds / pages, 3),
        "peak_rss_mb": round(peak_rss_mb()), "rss_after_qgis_start_mb": round(rss_before), **facts,
        "n_pages_reported": result["N_PAGES"],
    }
    print(json.dumps(row))
    print(f"| {folder.name} | {pages} | {row['seconds']} | {row['mb']} | {row['kb_per_page']} | {row['s_per_page']} | "
          f"{row['peak_rss_mb']} |")
    return row


def prepare(town, out, n_spaces, min_population, max_population):
    """The demo's chain on another town: rates, delineation with the given bounds, indicators and index."""
    import render
    import sample_rates
    from demo_indicators import run_indicators

    app, provider = start_qgis()
    import processing

    out = Path(out).resolve()
    out.mkdir(parents=True, exist_ok=True)
    blocks = sample_rates.add_rates(render.load(town, "blocks"))
    started = time.perf_counter()
    result = processing.run("sozialraum:delineate", {
        "INPUT": blocks, "ID_FIELD": "block_id", "POPULATION_FIELD": "pop_total",
        "ATTRIBUTES": sample_rates.ATTRIBUTES, "STRUCTURE_ATTRIBUTES": sample_rates.STRUCTURE_ATTRIBUTES,
        "BALANCE_GROUPS": True, "BARRIERS": [f"{town}|layername=barriers"], "SEED": 1,
        "MIN_POPULATION": min_population, "MAX_POPULATION": max_population, "N_SPACES": n_spaces,
        "OUTPUT": str(out / "spaces_blocks.gpkg"), "OUTPUT_SPACES": str(out / "spaces.gpkg"),
    })
    print(f"delineation: {result['N_SPACES_MADE']} spaces in {time.perf_counter() - started:.1f} s")
    indicators = run_indicators(out, render.load(out / "spaces_blocks.gpkg", name="blocks with spaces"))
    print(f"indicators: {indicators['n_spaces']} spaces, index of {indicators['n_indexed']}")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("measure", help="profiles of FOLDER/social_index.gpkg with FOLDER/spaces_blocks.gpkg")
    run.add_argument("folder")
    run.add_argument("--out", help="the PDF (default FOLDER/bench_profiles.pdf)")
    make = commands.add_parser("prepare", help="delineate TOWN (a sample town GeoPackage) into OUT and push indicators")
    make.add_argument("town")
    make.add_argument("out")
    make.add_argument("--n-spaces", type=int, default=500)
    make.add_argument("--min-population", type=float, default=300)
    make.add_argument("--max-population", type=float, default=3000)
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if args.command == "measure":
        measure(args.folder, args.out)
    else:
        prepare(args.town, args.out, args.n_spaces, args.min_population, args.max_population)
    sys.stdout.flush()
    os._exit(0)  # QGIS objects outliving exitQgis() crash at interpreter exit (docs/teardown_crash.md)


if __name__ == "__main__":
    main()
