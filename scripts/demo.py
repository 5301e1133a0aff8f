#!/usr/bin/env python3
"""The demo: the main job on the bundled sample town, headless, with files a person can open.

1. runs `qgis_process run sozialraum:adjacency` on Musterstadt (blocks, barriers): the
   headless path planners use in batch scripts;
2. proposes social spaces with `sozialraum:delineate` and the defaults (700–8,500
   residents, automatic number of spaces) on block rates derived from the counts;
3. pushes the indicators to the spaces, computes the social index and types;
4. renders PNG maps with QGIS, makes the profile sheets (one PDF page per space with
   `sozialraum:profiles`) and writes an HTML summary linking everything.
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
    for name in ("QGIS_CUSTOM_CONFIG_PATH", "QGIS_OPTIONS_PATH"):
        env.pop(name, None)
    runtime = base / "runtime"
    runtime.mkdir(mode=0o700, exist_ok=True)
    env.setdefault("XDG_RUNTIME_DIR", str(runtime))
    return env


def run_qgis_process(env, *arguments):
    executable = shutil.which("qgis_process.bin") or shutil.which("qgis_process")
    result = subprocess.run([executable, *arguments], env=env, capture_output=True, text=True)
    if result.returncode != 0 and "already enabled" not in result.stderr:
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


def start_qgis():
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from checkout_package import use_checkout

    use_checkout()
    sys.path.insert(0, "/usr/share/qgis/python/plugins")
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    from processing.core.Processing import Processing

    Processing.initialize()
    from sozialraum.provider import SozialraumProvider

    provider = SozialraumProvider()
    QgsApplication.processingRegistry().addProvider(provider)
    return app, provider


def run_delineation(out):
    import processing
    import render
    import sample_rates

    blocks = sample_rates.add_rates(render.load(SAMPLE, "blocks"))
    started = time.time()
    feedback = LogFeedback()
    result = processing.run("sozialraum:delineate", {
        "INPUT": blocks, "ID_FIELD": "block_id", "POPULATION_FIELD": "pop_total",
        "ATTRIBUTES": sample_rates.ATTRIBUTES, "STRUCTURE_ATTRIBUTES": sample_rates.STRUCTURE_ATTRIBUTES,
        "BALANCE_GROUPS": True, "BARRIERS": [f"{SAMPLE}|layername=barriers"], "SEED": 1,
        "OUTPUT": str(out / "spaces_blocks.gpkg"), "OUTPUT_SPACES": str(out / "spaces.gpkg"),
        "REPORT": str(out / "spaces_report.html"),
    }, feedback=feedback)
    result["seconds"] = round(time.time() - started, 1)
    result["log"] = feedback.lines
    return result


def LogFeedback():  # noqa: N802 - a factory that reads like the class it makes
    from qgis.core import QgsProcessingFeedback

    class Collecting(QgsProcessingFeedback):
        def __init__(self):
            super().__init__()
            self.lines = []

        def pushInfo(self, info):  # noqa: N802
            self.lines.append(info)

        def pushWarning(self, warning):  # noqa: N802
            self.lines.append(warning)

    return Collecting()


def render_maps(out):
    import render
    from qgis.core import QgsRectangle

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

    spaces = render.load(out / "spaces.gpkg", name="spaces")
    spaces.loadNamedStyle(str(ROOT / "resources" / "styles" / "spaces.qml"))
    space_blocks = render.load(out / "spaces_blocks.gpkg", name="space blocks")
    space_blocks.loadNamedStyle(str(ROOT / "resources" / "styles" / "blocks_by_space.qml"))
    spaces_map = render.render_png([barriers, spaces, space_blocks], blocks.extent().buffered(200), out / "spaces_map.png",
                                   "Musterstadt – proposed social spaces (700–8,500 residents)",
                                   [("#9ecae1", "social space (one colour each; label: space and residents)"),
                                    render.outline_entry("space outside the bounds or flagged (red outline)", "#d7191c"),
                                    ("#1f78b4", "river"), ("#000000", "railway"), ("#ff7f00", "motorway")])
    index_layer = render.load(out / "social_index.gpkg", name="social index")
    index_layer.loadNamedStyle(str(ROOT / "resources" / "styles" / "social_index.qml"))
    index_map = render.render_png([barriers, index_layer], blocks.extent().buffered(200), out / "social_index_map.png",
                                  "Musterstadt – social index of the proposed spaces (classes -1 / +1 / +1.5)", [])
    return [spaces_map, index_map, overview, detail]


def run_profiles(out):
    """The profile sheets of the proposed spaces, German like the demo's exports: demo/profiles.pdf."""
    import processing

    started = time.time()
    result = processing.run("sozialraum:profiles", {
        "INPUT": str(out / "social_index.gpkg"), "ID_FIELD": "space_id",
        "BLOCKS": str(out / "spaces_blocks.gpkg"), "BLOCK_SPACE_FIELD": "space_id",
        "LANGUAGE": 1, "SAVE_LAYOUT": False, "OUTPUT": str(out / "profiles.pdf"),
    })
    result["seconds"] = round(time.time() - started, 1)
    return result


def run_atlas(out):
    """The web atlas of the proposed spaces, German first (switchable): demo/atlas/index.html."""
    import processing

    started = time.time()
    result = processing.run("sozialraum:atlas", {
        "INPUT": str(out / "social_index.gpkg"), "ID_FIELD": "space_id", "BLOCKS": str(out / "spaces_blocks.gpkg"),
        "BARRIERS": f"{SAMPLE}|layername=barriers", "LANGUAGE": 1, "TITLE": "Musterstadt",
        "OUTPUT": str(out / "atlas"),
    })
    result["seconds"] = round(time.time() - started, 1)
    return result


def render_load_blocks(out):
    import render

    return render.load(out / "spaces_blocks.gpkg", name="blocks with spaces")


def write_summary(out, payload, spaces, images, indicators, profiles, atlas):
    results, log = payload["results"], payload.get("log", {})
    rows = "".join(f"<tr><th>{html.escape(k)}</th><td>{html.escape(str(v))}</td></tr>" for k, v in sorted(results.items()) if not str(v).endswith(".gpkg"))
    info = "".join(f"<li>{html.escape(line)}</li>" for line in log.get("info", []))
    spaces_log = "".join(f"<li>{html.escape(line)}</li>" for line in spaces["log"])
    pictures = "".join(f'<p><img src="{p.name}" style="max-width:100%"></p>' for p in images)
    page = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Sozialraum demo</title>
<style>body{{font-family:sans-serif;max-width:1100px;margin:2em auto}}th{{text-align:left;padding-right:2em}}</style></head>
<body><h1>Sozialraum demo – Musterstadt</h1>
<p>Block adjacency built headless with <code>qgis_process run sozialraum:adjacency</code> in {payload['seconds']} s.
Files: <a href="adjacency_blocks.gpkg">adjacency_blocks.gpkg</a> (blocks with degree, component, island),
<a href="adjacency_links.gpkg">adjacency_links.gpkg</a> (links with gap and shared length).</p>
<table>{rows}</table><h2>Log</h2><ul>{info}</ul>
<h2>Proposed social spaces</h2>
<p>{spaces['N_SPACES_MADE']} spaces in {spaces['seconds']} s; SSD share {spaces['SSD_SHARE']:.3f}; {spaces['N_BELOW']} below the
minimum, {spaces['N_ABOVE']} above the maximum, {spaces['N_FLAGGED']} flagged.
Files: <a href="spaces.gpkg">spaces.gpkg</a>, <a href="spaces_blocks.gpkg">spaces_blocks.gpkg</a>,
<a href="spaces_report.html">spaces_report.html</a> (per-space table and scores).</p>
<ul>{spaces_log}</ul>
<h2>Indicators, social index and types</h2>
<p>The default catalogue pushed to the spaces (counts summed, rates recomputed), with statistical confidentiality:
<a href="spaces_indicators.gpkg">spaces_indicators.gpkg</a>, <a href="spaces_indicators.csv">CSV</a>,
<a href="spaces_indicators.xlsx">XLSX</a>, <a href="spaces_indicators.html">table</a>;
social index and types: <a href="social_index.gpkg">social_index.gpkg</a>, <a href="type_profiles.csv">type_profiles.csv</a>.</p>
<pre>{html.escape(json.dumps({k: v for k, v in indicators.items() if not str(v).startswith("/")}, indent=1, default=str))}</pre>
<h2>Profiles</h2>
<p>One A4 page per space with map, age structure, the indicators beside the municipal values and the index class
(<code>sozialraum:profiles</code>, German, {profiles['N_PAGES']} pages in {profiles['seconds']} s):
<a href="profiles.pdf">profiles.pdf</a>.</p>
<h2>Web atlas</h2>
<p>The spaces, their indicators and profiles for a browser, offline (<code>sozialraum:atlas</code>,
{atlas['SIZE_BYTES'] / 1e6:.2f} MB in {atlas['seconds']} s): <a href="atlas/index.html">atlas/index.html</a>.</p>
{pictures}</body></html>"""
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
    app, provider = start_qgis()
    spaces = run_delineation(out)
    from demo_indicators import run_indicators

    indicators = run_indicators(out, render_load_blocks(out))
    images = render_maps(out)
    profiles = run_profiles(out)
    atlas = run_atlas(out)
    summary = write_summary(out, payload, spaces, images, indicators, profiles, atlas)
    results = payload["results"]
    print(f"adjacency: {results['EDGES']} links, {results['COMPONENTS']} components, {results['ISLANDS']} islands "
          f"({results['ISLAND_POPULATION']:.0f} residents) in {payload['seconds']} s")
    print(f"delineation: {spaces['N_SPACES_MADE']} spaces, SSD share {spaces['SSD_SHARE']:.3f}, {spaces['N_BELOW']} below, "
          f"{spaces['N_ABOVE']} above, {spaces['N_FLAGGED']} flagged, in {spaces['seconds']} s")
    for path in [out / "adjacency_blocks.gpkg", out / "adjacency_links.gpkg", out / "spaces_blocks.gpkg", out / "spaces.gpkg",
                 out / "spaces_report.html", *images, summary]:
        print(f"  wrote {path}")
    print(f"profiles: {profiles['N_PAGES']} pages in {profiles['seconds']} s")
    print(f"wrote {Path(args.out) / 'profiles.pdf'}")
    print(f"atlas: {atlas['N_SPACES']} spaces, {atlas['SIZE_BYTES'] / 1e6:.2f} MB in {atlas['seconds']} s: "
          f"{Path(args.out) / 'atlas' / 'index.html'}")


if __name__ == "__main__":
    main()
