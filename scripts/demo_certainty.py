#!/usr/bin/env python3
"""Boundary certainty on the sample town, headless: what a planner gets from sozialraum:delineate with
the certainty switched on (issue 20, 6).

1. writes Musterstadt's blocks with the demo's rates to OUT/blocks_rates.gpkg;
2. runs `qgis_process run sozialraum:delineate` with the demo's parameters, CERTAINTY=true and
   CERTAINTY_RUNS (default 10), into OUT (blocks, spaces, certainty layer, report, JSON log);
3. renders OUT/certainty_map.png (and certainty_detail.png, the old town): blocks in the certainty style (resources/styles/block_certainty.qml),
   space outlines labelled with number and mean overlap (how much of the space the runs reproduce), barriers.
Usage: python3 scripts/demo_certainty.py --out demo/certainty [--runs 10] [--workers 1]
"""
import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import demo

ROOT = demo.ROOT
SAMPLE = demo.SAMPLE


def write_rates(out):
    import processing
    import render
    import sample_rates

    layer = sample_rates.add_rates(render.load(SAMPLE, "blocks"))
    target = out / "blocks_rates.gpkg"
    processing.run("native:savefeatures", {"INPUT": layer, "OUTPUT": str(target)})
    return target


def run_delineation(out, blocks, runs, workers=1):
    import sample_rates

    env = demo.qgis_process_env()
    demo.run_qgis_process(env, "plugins", "enable", "sozialraum")
    started = time.time()
    stdout = demo.run_qgis_process(
        env, "run", "sozialraum:delineate", "--json",
        f"--INPUT={blocks}", "--ID_FIELD=block_id", "--POPULATION_FIELD=pop_total",
        *(f"--ATTRIBUTES={name}" for name in sample_rates.ATTRIBUTES),
        *(f"--STRUCTURE_ATTRIBUTES={name}" for name in sample_rates.STRUCTURE_ATTRIBUTES),
        "--BALANCE_GROUPS=true", f"--BARRIERS={SAMPLE}|layername=barriers", "--SEED=1",
        "--CERTAINTY=true", f"--CERTAINTY_RUNS={runs}", f"--CERTAINTY_WORKERS={workers}",
        f"--OUTPUT={out / 'spaces_blocks.gpkg'}", f"--OUTPUT_SPACES={out / 'spaces.gpkg'}",
        f"--OUTPUT_CERTAINTY={out / 'block_certainty.gpkg'}", f"--REPORT={out / 'spaces_report.html'}",
    )
    payload = json.loads(stdout)
    payload["seconds"] = round(time.time() - started, 1)
    (out / "delineate_log.json").write_text(json.dumps(payload, indent=2, ensure_ascii=False), encoding="utf-8")
    return payload


def render_map(out):
    import render
    from qgis.core import QgsFillSymbol, QgsRectangle, QgsSingleSymbolRenderer

    from sozialraum.qgisio import map_image
    from sozialraum.qgisio.certainty_style import STYLE, translate_legend
    from sozialraum.qgisio.space_labels import space_labeling
    from sozialraum.qgisio.styles import style_path

    blocks = render.load(out / "block_certainty.gpkg", name="certainty")
    blocks.loadNamedStyle(str(style_path(STYLE)))
    translate_legend(blocks)
    spaces = render.load(out / "spaces.gpkg", name="spaces")
    spaces.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple(
        {"color": "transparent", "outline_color": "#1a1a1a", "outline_width": "0.7"})))
    labeling = space_labeling()
    settings = labeling.settings()
    settings.fieldName = "\"space_id\" || '\\n' || coalesce(to_string(\"overlap\") || ' %', '–')"
    labeling.setSettings(settings)
    spaces.setLabeling(labeling)
    spaces.setLabelsEnabled(True)
    barriers = render.load(SAMPLE, "barriers")
    render.categorized(barriers, "kind", [
        ("river", "river", {"line_color": "#1f78b4", "line_width": "1.2"}),
        ("railway", "railway", {"line_color": "#000000", "line_width": "0.8", "line_style": "dash"}),
        ("motorway", "motorway", {"line_color": "#ff7f00", "line_width": "1.2"}),
    ], kind="line")
    entries = map_image.legend_from_layers([blocks]) + [
        map_image.fill_entry("social space (label: number, mean overlap of the runs' spaces)", "#ffffff", "#1a1a1a", "0.7"),
        map_image.line_entry("river", "#1f78b4", "1.2"), map_image.line_entry("railway", "#000000", "0.8", "dash"),
        map_image.line_entry("motorway", "#ff7f00", "1.2")]
    layers = [barriers, spaces, blocks]
    image = map_image.render_map(layers, blocks.extent().buffered(200), "Musterstadt – boundary certainty of the proposed "
                                 "spaces", entries)
    path = out / "certainty_map.png"
    image.save(str(path), "PNG")
    # the old town, where the smallest spaces lie: 2.4 km around the smallest space
    smallest = min(spaces.getFeatures(), key=lambda feature: feature.geometry().area())
    centre = smallest.geometry().centroid().asPoint()
    detail = map_image.render_map(layers, QgsRectangle(centre.x() - 1200, centre.y() - 1000, centre.x() + 1200,
                                                       centre.y() + 1000),
                                  "Detail: the old town", entries)
    detail_path = out / "certainty_detail.png"
    detail.save(str(detail_path), "PNG")
    return path, detail_path


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="demo/certainty")
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--workers", type=int, default=1, help="runs at the same time (processes)")
    parser.add_argument("--map-only", action="store_true", help="only draw the maps of an earlier run in OUT")
    arguments = parser.parse_args()
    out = Path(arguments.out).resolve()
    out.mkdir(parents=True, exist_ok=True)
    app, _provider = demo.start_qgis()
    if not arguments.map_only:
        payload = run_delineation(out, write_rates(out), arguments.runs, arguments.workers)
        print(f"delineate with {arguments.runs} further runs, {arguments.workers} at a time: {payload['seconds']} s wall")
    print("maps:", *render_map(out))


if __name__ == "__main__":
    main()
