#!/usr/bin/env python3
"""Engine speed at scale, and proof that a speed-up leaves the divisions unchanged (issue 20, point 5).

Three steps, each its own command, so the instances are built once and every engine (this
checkout, or an older copy through ``--repo``) solves exactly the same arrays:

    # instances -> .npz (generated towns with barriers, the 100 x 100 lattice, Musterstadt)
    .venv/bin/python bench/scale.py prepare --out /tmp/scale town10000 town100000 lattice10000 sample
    # one solve: wall and CPU seconds, peak RSS, labels; --profile writes cProfile stats
    .venv/bin/python bench/scale.py run /tmp/scale/town100000.npz --labels /tmp/scale/new100k.npy
    .venv/bin/python bench/scale.py run /tmp/scale/town100000.npz --repo /tmp/base --labels /tmp/scale/old100k.npy
    # identical divisions? (exit status 1 if not)
    .venv/bin/python bench/scale.py compare /tmp/scale/old100k.npy /tmp/scale/new100k.npy

``run`` calls ``delineate`` with every default (seed 0, bounds 700-8,500, k automatic) as
bench/run_delineation.py does for ``ours``; the lattice runs at the issue's k = 672. The solve
time covers building the Graph and the call, not loading the instance.
"""
from __future__ import annotations

import argparse
import cProfile
import json
import os
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import common

REPO = Path(__file__).resolve().parent.parent


def _sample_arrays():
    """Musterstadt as tests/engine/sample_instance.py builds it (the benchmark's instance)."""
    common.use_repository_engine()
    sys.path.insert(0, str(REPO / "tests"))
    from engine.sample_instance import sample_instance  # tests/engine, a namespace package here

    inst = sample_instance()
    graph = inst.graph
    return dict(n=graph.n, left=graph.left, right=graph.right, length=graph.length,
                population=inst.population, values=inst.values, coordinates=inst.coordinates, k=0)


def _lattice_arrays(size):
    from lattice import lattice_instance

    side = int(round(size ** 0.5))
    left, right, population, values, points = lattice_instance(side, side)
    return dict(n=side * side, left=left, right=right, length=np.ones(len(left)), population=population,
                values=values, coordinates=points, k=672 if side == 100 else 0)


def _town_arrays(size):
    instance, _, _ = common.build_instance(size)
    return dict(n=instance["n"], left=instance["left"], right=instance["right"], length=instance["length"],
                population=instance["population"], values=instance["values"],
                coordinates=instance["coordinates"], k=0)


def prepare(args):
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for name in args.names:
        if name == "sample":
            arrays = _sample_arrays()
        elif name.startswith("lattice"):
            arrays = _lattice_arrays(int(name[len("lattice"):]))
        elif name.startswith("town"):
            arrays = _town_arrays(int(name[len("town"):]))
        else:
            sys.exit(f"unknown instance {name!r} (town<N>, lattice<N>, sample)")
        np.savez(out / f"{name}.npz", **{key: np.asarray(value) for key, value in arrays.items()})
        print(f"{name}: {int(arrays['n'])} blocks, {len(arrays['left'])} links -> {out / (name + '.npz')}")


def _import_engine(repo):
    folder = tempfile.mkdtemp(prefix="sozialraum-path-")
    os.symlink(Path(repo).resolve(), Path(folder) / "sozialraum", target_is_directory=True)
    sys.path.insert(0, folder)
    try:  # the layout since issue 22 (engine sub-packages) ...
        from sozialraum.engine.delineation import delineate
        from sozialraum.engine.spatial import graph
    except ImportError:  # ... and before it, so an older checkout can be compared
        from sozialraum.engine import delineate, graph

    return delineate, graph


def run(args):
    delineate_module, graph_module = _import_engine(args.repo)
    with np.load(args.instance) as data:
        arrays = {key: data[key] for key in data.files}
    options = dict(lower=common.LOWER, upper=common.UPPER, n_spaces=int(arrays["k"]), seed=args.seed,
                   coordinates=arrays["coordinates"])
    for item in args.option or ():
        key, _, value = item.partition("=")
        options[key] = json.loads(value)
    baseline = common.current_rss_mb()
    profiler = cProfile.Profile(time.process_time) if args.profile else None  # CPU: the machine is shared
    wall, cpu = time.perf_counter(), time.process_time()
    if profiler:
        profiler.enable()
    graph = graph_module.Graph(int(arrays["n"]), arrays["left"], arrays["right"], arrays["length"])
    result = delineate_module.delineate(graph, arrays["population"], arrays["values"], **options)
    if profiler:
        profiler.disable()
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    labels = np.asarray(result.labels)
    if args.labels:
        np.save(args.labels, labels)
    if profiler:
        profiler.dump_stats(args.profile)
    report = dict(instance=Path(args.instance).stem, repo=str(args.repo), n=int(arrays["n"]),
                  k=int(len(np.unique(labels))), ssd_share=round(float(result.ssd_share), 6),
                  wall_s=round(wall, 1), cpu_s=round(cpu, 1), peak_mb=round(common.peak_rss_mb()),
                  baseline_mb=round(baseline), load=[round(x, 2) for x in os.getloadavg()],
                  options={k: v for k, v in options.items() if k != "coordinates"}, profiled=bool(profiler))
    print(json.dumps(report))


def compare(args):
    old, new = np.load(args.before), np.load(args.after)
    same = old.shape == new.shape and bool(np.array_equal(old, new))
    differing = int((old != new).sum()) if old.shape == new.shape else -1
    print(json.dumps(dict(before=args.before, after=args.after, blocks=int(old.size), identical=same,
                          differing_blocks=differing)))
    return 0 if same else 1


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("prepare", help="build instances into .npz files")
    p.add_argument("--out", required=True)
    p.add_argument("names", nargs="+", help="town<N>, lattice<N> (square), sample")
    r = sub.add_parser("run", help="one timed solve")
    r.add_argument("instance")
    r.add_argument("--repo", default=str(REPO), help="checkout whose engine runs (default: this one)")
    r.add_argument("--seed", type=int, default=0)
    r.add_argument("--labels", help="write the labels to this .npy file")
    r.add_argument("--profile", help="write cProfile stats to this file (slows the run)")
    r.add_argument("--option", action="append", help="extra delineate argument, KEY=JSON (e.g. compactness=0)")
    c = sub.add_parser("compare", help="are two label files identical?")
    c.add_argument("before")
    c.add_argument("after")
    args = parser.parse_args(argv)
    if args.command == "prepare":
        prepare(args)
    elif args.command == "run":
        run(args)
    else:
        return compare(args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
