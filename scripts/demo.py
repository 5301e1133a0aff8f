#!/usr/bin/env python3
"""The demo: the main job on the bundled sample town, headless, with files a person can open.

1. runs `qgis_process run sozialraum:adjacency` on Musterstadt (blocks, barriers);
2. renders PNG maps with QGIS (whole town and a detail around a barrier);
3. writes an HTML summary.
Usage (from `make demo`): python scripts/demo.py --out demo
"""
import argparse
import html
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "resources" / "sample" / "musterstadt.gpkg"
sys.path.insert(0, str(ROOT / "scripts"))


def qgis_process_env():
    """An isolated QGIS profile with the plugin enabled (the user's own profile stays untouched)."""
    base = ROOT / ".build" / "demo-profile"
    plugins = base / "plugins"
    plugins.mkdir(parents=True, exist_ok=True)
    link = plugins / "sozialraum"
    if not link.exists():
        link.symlink_to(ROOT, target_is_directory=True)
    env = dict(os.environ, HOME=str(base), QGIS_PLUGINPATH=str(plugins), QT_QPA_PLATFORM="offscreen")
    env.setdefault("XDG_RUNTIME_DIR", str(base))
    return env


def run_qgis_process(env, *arguments):
    executable = shutil.which("qgis_process.bin") or shutil.which("qgis_process")
    result = subprocess.run([executable, *arguments], env=env, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"qgis_process {' '.join(arguments[:2])} failed:\n{result.stderr[-3000:]}")
    return result.stdout


def run_adjacency(out):
    env = qgis_process_env()
    run_qgis_process(env, "plugins", "enable", "sozialraum")
    started = time.time()
    stdout = run_qgis_process(
        env, "run", "sozialraum:adjacency", "--json",
        f"--INPUT={SAMPLE}|layername=blocks", "--ID_FIELD=block_id", "--POPULATION_FIELD=pop_total",
        f"--BARRIERS={SAMPLE}|layername=barriers", "--GAP_DISTANCE=30",
        f"--OUTPUT={out / 'adjacency_blocks.gpkg'}", f"--OUTPUT_EDGES={out / 'adjacency_links.gpkg'}",
    )
    payload = json.loads(stdout)
    payload["seconds"] = round(time.time() - started, 1)
    (out / "adjacency_log.json").write_text(json.dumps(payload, indent=2, ensure_ascii=False), encoding="utf-8")
    return payload


def render_maps(out):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from qgis.core import QgsApplication, QgsRectangle

    import render

    app = QgsApplication([], False)
    app.initQgis()
    blocks = render.load(out / "adjacency_blocks.gpkg", name="blocks")
    links = render.load(out / "adjacency_links.gpkg", name="links")
    barriers = render.load(SAMPLE, "barriers")
    districts = render.load(SAMPLE, "districts")
    render.categorized(blocks, "island", [
        (0, "connected", {"color": "#d9d9d9", "outline_color": "#8c8c8c", "outline_width": "0.1"}),
        (1, "island", {"color": "#e31a1c", "outline_color": "#67000d", "outline_width": "0.2"}),
    ])
    render.line(links, "#2171b5", "0.15")
    render.categorized(barriers, "kind", [
        ("river", "river", {"line_color": "#1f78b4", "line_width": "1.2"}),
        ("railway", "railway", {"line_color": "#000000", "line_width": "0.8", "line_style": "dash"}),
        ("motorway", "motorway", {"line_color": "#ff7f00", "line_width": "1.2"}),
    ], kind="line")
    render.polygon(districts, "transparent", "#4d004b", "0.6")
    legend = [("#d9d9d9", "block (main component)"), ("#e31a1c", "island block"), ("#2171b5", "adjacency link"),
              ("#1f78b4", "river"), ("#000000", "railway"), ("#ff7f00", "motorway"), ("#4d004b", "district boundary")]
    layers = [barriers, links, districts, blocks]
    overview = render.render_png(layers, blocks.extent().buffered(200), out / "adjacency_map.png",
                                 "Musterstadt – block adjacency (gap 30 m, barriers cut links)", legend)
    # Detail: 1.6 km around the middle of the railway, where links must stop at the tracks.
    railway = next(f for f in barriers.getFeatures() if f["kind"] == "railway").geometry()
    centre = railway.interpolate(railway.length() / 2).asPoint()
    detail_extent = QgsRectangle(centre.x() - 800, centre.y() - 650, centre.x() + 800, centre.y() + 650)
    detail = render.render_png(layers, detail_extent, out / "adjacency_detail.png",
                               "Detail: links across streets, none across the railway", legend)
    return [overview, detail]


def write_summary(out, payload, images):
    results, log = payload["results"], payload.get("log", {})
    rows = "".join(f"<tr><th>{html.escape(k)}</th><td>{html.escape(str(v))}</td></tr>" for k, v in sorted(results.items()) if not str(v).endswith(".gpkg"))
    info = "".join(f"<li>{html.escape(line)}</li>" for line in log.get("info", []))
    pictures = "".join(f'<p><img src="{p.name}" style="max-width:100%"></p>' for p in images)
    page = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Sozialraum demo</title>
<style>body{{font-family:sans-serif;max-width:1100px;margin:2em auto}}th{{text-align:left;padding-right:2em}}</style></head>
<body><h1>Sozialraum demo – Musterstadt</h1>
<p>Block adjacency built headless with <code>qgis_process run sozialraum:adjacency</code> in {payload['seconds']} s.
Files: <a href="adjacency_blocks.gpkg">adjacency_blocks.gpkg</a> (blocks with degree, component, island),
<a href="adjacency_links.gpkg">adjacency_links.gpkg</a> (links with gap and shared length).</p>
<table>{rows}</table><h2>Log</h2><ul>{info}</ul>{pictures}</body></html>"""
    path = out / "summary.html"
    path.write_text(page, encoding="utf-8")
    return path


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="demo")
    args = parser.parse_args(argv)
    out = Path(args.out).resolve()
    out.mkdir(parents=True, exist_ok=True)
    if not SAMPLE.is_file():
        sys.exit(f"sample town missing: {SAMPLE} (make sample)")
    payload = run_adjacency(out)
    images = render_maps(out)
    summary = write_summary(out, payload, images)
    results = payload["results"]
    print(f"adjacency: {results['EDGES']} links, {results['COMPONENTS']} components, {results['ISLANDS']} islands "
          f"({results['ISLAND_POPULATION']:.0f} residents) in {payload['seconds']} s")
    for path in [out / "adjacency_blocks.gpkg", out / "adjacency_links.gpkg", *images, summary]:
        print(f"  wrote {path}")


if __name__ == "__main__":
    main()
