#!/usr/bin/env python3
"""Time the block adjacency on generated towns: blocks per second and peak memory.

    .venv-bench/bin/python bench/run_adjacency.py --sizes 10000,50000,100000

Methods (each in its own subprocess, on the same block polygons of
``generate_town(n_blocks=size)``):

* ``ours``           build_adjacency(gap_distance=30, barriers=the town's barrier lines)
* ``ours_nobarrier`` the same without barriers (what the peer below computes)
* ``libpysal``       libpysal.weights.fuzzy_contiguity(buffering=True, buffer=15): polygons
                     buffered by half the gap intersect when they lie within 30 m, i.e. the
                     same neighbour rule without barriers, rook/queen or facing lengths.

Time is the wall time of the call in the child, memory the child's peak RSS and its increase
over the RSS after the polygons were loaded.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import common

METHODS = ("ours", "ours_nobarrier", "libpysal")


def child_main(args):
    import shapely

    common.use_repository_engine()
    data = np.load(args.instance, allow_pickle=True)
    blocks = list(shapely.from_wkb(data["blocks"]))
    barriers = list(shapely.from_wkb(data["barriers"]))
    if args.method.startswith("ours"):
        from sozialraum.engine.spatial.adjacency import build_adjacency
    else:
        import geopandas as gpd
        from libpysal.weights import fuzzy_contiguity
    baseline = common.current_rss_mb()
    start = time.perf_counter()
    if args.method == "ours":
        graph = build_adjacency(blocks, gap_distance=common.GAP, barriers=barriers)
        edges = graph.n_edges
    elif args.method == "ours_nobarrier":
        graph = build_adjacency(blocks, gap_distance=common.GAP)
        edges = graph.n_edges
    else:
        frame = gpd.GeoDataFrame(geometry=blocks)
        w = fuzzy_contiguity(frame, buffering=True, buffer=common.GAP / 2.0, silence_warnings=True)
        edges = int(w.s0 // 2)
    seconds = time.perf_counter() - start
    with open(args.result, "w") as handle:
        json.dump({"seconds": seconds, "peak_mb": common.peak_rss_mb(), "baseline_mb": baseline, "edges": edges}, handle)


def run(method, instance_path, workdir, timeout, memory_limit_mb):
    import signal
    import subprocess

    result = Path(workdir) / f"adj-{method}.json"
    command = [sys.executable, str(Path(__file__).resolve()), "--child", method, "--instance", str(instance_path), "--result", str(result)]
    err_path = Path(workdir) / f"adj-{method}.err"
    with open(err_path, "wb") as err:
        from run_delineation import _limit_memory

        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=err, start_new_session=True,
                                   preexec_fn=_limit_memory(memory_limit_mb))
        started = time.perf_counter()
        while process.poll() is None:
            if time.perf_counter() - started > timeout:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
                return {"method": method, "status": "timeout", "seconds": timeout}
            time.sleep(0.1)
    if process.returncode != 0 or not result.exists():
        return {"method": method, "status": "error", "error": err_path.read_text(errors="replace").strip().splitlines()[-2:]}
    row = json.loads(result.read_text())
    row.update(method=method, status="ok")
    return row


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10000,50000,100000")
    parser.add_argument("--methods", default=",".join(METHODS))
    parser.add_argument("--timeout", type=float, default=600.0)
    parser.add_argument("--memory-limit-gb", type=float, default=8.0)
    parser.add_argument("--town-seed", type=int, default=common.TOWN_SEED)
    parser.add_argument("--markdown", default=None)
    parser.add_argument("--child", default=None, help=argparse.SUPPRESS)
    parser.add_argument("--instance", default=None, help=argparse.SUPPRESS)
    parser.add_argument("--result", default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        args.method = args.child
        return child_main(args)

    import shapely

    common.use_repository_engine()
    from sozialraum.engine.sampletown import generate_town

    header = ("blocks", "method", "status", "edges", "time s", "blocks/s", "peak MB", "Δ MB", "ours/peer time", "ours/peer mem")
    lines = []
    for size in [int(s) for s in args.sizes.split(",") if s.strip()]:
        town = generate_town(n_blocks=size, seed=args.town_seed)
        blocks = list(town.blocks.geometries)
        with tempfile.TemporaryDirectory(prefix="sozialraum-adj-") as workdir:
            path = Path(workdir) / "town.npz"
            np.savez(path, blocks=shapely.to_wkb(np.asarray(blocks, dtype=object)),
                     barriers=shapely.to_wkb(np.asarray(list(town.barriers.geometries), dtype=object)))
            rows = []
            for method in [m.strip() for m in args.methods.split(",") if m.strip()]:
                row = run(method, path, workdir, args.timeout, args.memory_limit_gb * 1024)
                print(f"{len(blocks)} {method}: {row}", flush=True)
                rows.append(row)
        ours = next((r for r in rows if r["method"] == "ours_nobarrier" and r["status"] == "ok"), None)
        for row in rows:
            ok = row["status"] == "ok"
            ratio_t = ratio_m = "–"
            if ok and ours is not None and row["method"] == "libpysal":
                ratio_t = f"{ours['seconds'] / row['seconds']:.2f}"
                ratio_m = f"{ours['peak_mb'] / row['peak_mb']:.2f}"
            lines.append([
                str(len(blocks)), row["method"], row["status"], str(row.get("edges", "–")),
                f"{row['seconds']:.1f}" if ok else (f">{row['seconds']:.0f}" if "seconds" in row else "–"),
                f"{len(blocks) / row['seconds']:.0f}" if ok else "–",
                f"{row['peak_mb']:.0f}" if ok else "–",
                f"{row['peak_mb'] - row['baseline_mb']:.0f}" if ok else "–",
                ratio_t, ratio_m,
            ])
    table = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    table += ["| " + " | ".join(line) + " |" for line in lines]
    text = "\n".join([
        f"Command: `{' '.join([Path(sys.executable).name] + sys.argv)}`",
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        "", "Ratios compare ours without barriers (the same rule as the peer) with libpysal.", "", *table, ""])
    print(text)
    if args.markdown:
        Path(args.markdown).write_text(text)


if __name__ == "__main__":
    main()
