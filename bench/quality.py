#!/usr/bin/env python3
"""Quality benchmark that remembers (issue 20, point 3): ``make bench-quality``.

Fixed instances, ours with the defaults and with COMPACTNESS=0 against the bounded peers at the
same k in the same run, every figure appended to ``bench/quality_history.csv``; the run exits
non-zero when one of ours' quality figures is worse than the best ever recorded for the same
instance, settings and k beyond 1 % (times and memory are reported, not gated: the machine is
shared).

    .venv-bench/bin/python bench/quality.py            # quick: a few minutes
    .venv-bench/bin/python bench/quality.py --full     # + 10k lattice and the 20k town (about half an hour)

Instances (all seeded or bundled, so the same on every commit):

* ``sample``      the bundled Musterstadt (tests/engine/sample_instance.py: barriers, gap 30 m,
                  link lengths, bench/common.py's 21 attributes), bounds 700-8,500, k 33
* ``town20k``     ``generate_town(n_blocks=20000)`` as bench/run_delineation.py builds it (full)
* ``lattice2500`` ``lattice10000``  bench/lattice.py's seeded rook lattices (50 x 50, 100 x 100;
                  two smooth attributes plus noise, 20-600 residents a cell), bounds 700-8,500,
                  k = residents / 4,600 (168; 672 as in the issue)
* ``georgia``     the 159 counties of Georgia with the 1990 census (libpysal's bundled example,
                  read offline): residents TotPop90, the six census shares PctRural, PctBach,
                  PctEld, PctFB, PctPov, PctBlack; adjacency of our own (gap 100 m, link
                  lengths), bounds 150,000-700,000, k 20

Settings of ours: ``default`` (every parameter at its default: since issue 20, point 4, the
residents' share 0.3 in the block weights and COMPACTNESS 0.2; the history's ``objective`` column
says which), ``c0`` (COMPACTNESS=0, otherwise the defaults) and, on the lattices,
``c0u`` (COMPACTNESS=0, WEIGHT_BY_POPULATION=false: the issue's regression objective).
Peers (pygeoda 0.1.3, spopt; the bench venv only): skater, redcap (full-order Ward linkage),
azp_tabu with the floor (``min_bound`` = lower) at ours' k; spopt WardSpatial at that k (no
bounds at all, listed for reference). Everything is scored by ``engine.scoring.evaluate_division``
in this process: k, spaces below / above the bounds, non-contiguous spaces, SSD share
unweighted and weighted by residents, mean and least Polsby-Popper. Each method runs in its own
subprocess (time = the solve, peak RSS of the child).
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import inspect
import json
import os
import pickle
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import common  # noqa: E402
import run_delineation as peers  # noqa: E402
from lattice import lattice_instance  # noqa: E402

HISTORY = HERE / "quality_history.csv"
#: The blocks' polygons (WKB) beside each instance file, for the run of ours
SHAPES_FILE = "shapes.pkl"
#: A figure worse than the best recorded one by more than this share fails the run.
TOLERANCE = 0.01
PERSONS_PER_SPACE = 4600.0  # the automatic k of the plugin's defaults: residents / 4,600
BOUNDED_PEERS = ("skater", "redcap", "azp_tabu")
SETTINGS = {
    "default": {},
    "c0": {"compactness": 0.0},
    "c0u": {"compactness": 0.0, "weight_by_population": False},
}


def settings_options(name):
    """delineate() keywords of a settings name: those of :data:`SETTINGS`, ``c<weight>`` (blocks
    weighted by residents alone, that compactness), ``u<weight>`` (every block counts 1, parks
    too: WEIGHT_BY_POPULATION=false) and ``m<share>c<weight>`` (residents' share in the weights of
    the inhabited blocks, that compactness), each with an optional ``p<weight>`` (the isoperimetric
    shape term, engine/delineation/shapeterm.py, with the blocks' areas and perimeters) and
    ``e<effort>``, for trade-off curves."""
    if name in SETTINGS:
        return SETTINGS[name]
    found = re.fullmatch(r"(?:m([0-9.]+)c|([cu]))([0-9.]+)(?:p([0-9.]+))?(?:e([0-9.]+))?", name)
    if found:
        try:
            options = {"compactness": float(found.group(3))}
            if found.group(2) == "u":
                options["weight_by_population"] = False
            else:
                options["population_weight"] = float(found.group(1)) if found.group(1) else 1.0
            if found.group(4):
                options["shape_weight"] = float(found.group(4))
            if found.group(5):
                options["effort"] = float(found.group(5))
        except ValueError:
            options = None
        if options is not None and 0 <= options.get("population_weight", 0) <= 1:
            return options
    raise SystemExit(f"unknown settings {name!r}: default, c0, c0u, c<weight>, u<weight> or m<share>c<weight>, "
                     "each optionally followed by p<shape weight> and e<effort>")


#: The engine's defaults before the residents' share became a setting (issue 20): history rows
#: without an ``objective`` were made with these.
LEGACY_DEFAULTS = {"population_weight": 1.0, "compactness": 0.25}


def objective_of(name, defaults):
    """``w<share>c<compactness>`` of a settings name under the engine's ``defaults``: a change of
    the defaults starts a new series in the history instead of reading as a regression."""
    options = dict(defaults, **settings_options(name))
    weights = "u" if options.get("weight_by_population", True) is False else f"w{options['population_weight']:g}"
    text = f"{weights}c{options['compactness']:g}" + (f"p{options['shape_weight']:g}" if options.get("shape_weight") else "")
    return text + (f"e{options['effort']:g}" if options.get("effort", 1.0) != 1.0 else "")


def engine_defaults():
    from sozialraum.engine.problem import DEFAULT_COMPACTNESS, DEFAULT_POPULATION_WEIGHT

    return {"population_weight": DEFAULT_POPULATION_WEIGHT, "compactness": DEFAULT_COMPACTNESS}


#: (higher is better?) for each gated figure
GATED = {"ssd_share": False, "ssd_share_weighted": False, "mean_polsby_popper": True, "min_polsby_popper": True,
         "ssd_share_inhabited": False}
FIELDS = ("commit", "date", "mode", "instance", "n", "method", "settings", "objective", "seeds", "status", "k", "feasible", "n_below",
          "n_above", "n_noncontiguous", "ssd_share", "ssd_share_weighted", "mean_polsby_popper", "min_polsby_popper", "ssd_share_inhabited",
          "seconds", "cpu_seconds", "peak_mb", "load")


# --------------------------------------------------------------------------- instances


def _sample():
    common.use_repository_engine()
    sys.path.insert(0, str(common.REPO_ROOT))
    from sozialraum.engine.attributes import prepare_attributes
    from sozialraum.engine.spatial.adjacency import build_adjacency
    from tests.engine.gpkg_read import read_layer

    path = common.REPO_ROOT / "resources" / "sample" / "musterstadt.gpkg"
    geometries, frame = read_layer(path, "blocks")
    barriers, _ = read_layer(path, "barriers")
    population = frame["pop_total"].to_numpy(dtype=float)
    adjacency = build_adjacency(geometries, gap_distance=common.GAP, barriers=barriers, population=population)
    coordinates = np.array([[g.centroid.x, g.centroid.y] for g in geometries])
    extra_left, extra_right = common.connect_components(len(geometries), adjacency.left, adjacency.right,
                                                        coordinates, population)
    values = prepare_attributes(common.block_rates(frame), list(common.ATTRIBUTE_NAMES)).values
    instance = dict(n=len(geometries), population=population, values=values,
                    left=np.concatenate([adjacency.left, extra_left]), right=np.concatenate([adjacency.right, extra_right]),
                    length=np.concatenate([adjacency.shared_length, np.zeros(len(extra_left))]),
                    coordinates=coordinates, barrier_left=adjacency.barrier_pairs[0],
                    barrier_right=adjacency.barrier_pairs[1])
    return instance, geometries, common.GAP


def _town(n_blocks):
    instance, geometries, _ = common.build_instance(n_blocks, log=lambda *a: None)
    return {key: instance[key] for key in ("n", "population", "values", "left", "right", "length", "coordinates",
                                           "barrier_left", "barrier_right")}, geometries, common.GAP


def _lattice(side):
    from shapely.geometry import box

    left, right, population, values, points = lattice_instance(side, side)
    geometries = [box(x - 0.5, y - 0.5, x + 0.5, y + 0.5) for x, y in points]
    instance = dict(n=side * side, population=population, values=values, left=left, right=right,
                    length=np.ones(len(left)), coordinates=points,
                    barrier_left=np.zeros(0, dtype=np.int64), barrier_right=np.zeros(0, dtype=np.int64))
    return instance, geometries, 0.0


def _georgia():
    import geopandas as gpd
    from libpysal import examples

    common.use_repository_engine()
    from sozialraum.engine.attributes import prepare_attributes
    from sozialraum.engine.spatial.adjacency import build_adjacency

    frame = gpd.read_file(examples.get_path("G_utm.shp"))
    geometries = list(frame.geometry)
    population = frame["TotPop90"].to_numpy(dtype=float)
    names = ["PctRural", "PctBach", "PctEld", "PctFB", "PctPov", "PctBlack"]
    values = prepare_attributes(frame[names].to_numpy(dtype=float), names).values
    adjacency = build_adjacency(geometries, gap_distance=100.0, population=population)
    coordinates = np.array([[g.centroid.x, g.centroid.y] for g in geometries])
    extra_left, extra_right = common.connect_components(len(geometries), adjacency.left, adjacency.right,
                                                        coordinates, population)
    instance = dict(n=len(geometries), population=population, values=values,
                    left=np.concatenate([adjacency.left, extra_left]), right=np.concatenate([adjacency.right, extra_right]),
                    length=np.concatenate([adjacency.shared_length, np.zeros(len(extra_left))]),
                    coordinates=coordinates, barrier_left=np.zeros(0, dtype=np.int64),
                    barrier_right=np.zeros(0, dtype=np.int64))
    return instance, geometries, 100.0


#: name -> (builder, lower, upper, k or None for residents / 4,600, settings of ours, peers, quick?)
INSTANCES = {
    "sample": (_sample, 700.0, 8500.0, 33, ("default", "c0"), ("skater", "redcap", "azp_tabu", "spopt_ward"), True),
    "lattice2500": (lambda: _lattice(50), 700.0, 8500.0, None, ("default", "c0", "c0u"),
                    ("skater", "redcap", "azp_tabu", "spopt_ward"), True),
    "georgia": (_georgia, 150_000.0, 700_000.0, 20, ("default", "c0"), ("skater", "redcap", "azp_tabu", "spopt_ward"), True),
    "lattice10000": (lambda: _lattice(100), 700.0, 8500.0, 672, ("default", "c0", "c0u"),
                     ("skater", "redcap", "spopt_ward"), False),
    "town20k": (lambda: _town(20000), 700.0, 8500.0, None, ("default", "c0"), ("skater", "redcap", "spopt_ward"), False),
}


# --------------------------------------------------------------------------- child side


def child_main(args):
    instance = common.load_instance(args.instance)
    if args.method.startswith("ours"):
        common.use_repository_engine()
        from sozialraum.engine.delineation.delineate import delineate
        from sozialraum.engine.spatial.graph import Graph
    elif args.method.startswith("spopt"):
        import spopt.region  # noqa: F401
    else:
        import pygeoda  # noqa: F401
    baseline = common.current_rss_mb()
    start, cpu_start, children_start = time.perf_counter(), time.process_time(), common.children_cpu_seconds()
    if args.method.startswith("ours"):
        n = int(instance["n"])
        options = dict(settings_options(args.settings))
        if options.get("shape_weight") or "block_areas" in inspect.signature(delineate).parameters:
            # the blocks' shapes, as the plugin passes them (the shape polish and term need them)
            options.update(block_areas=instance["areas"], block_perimeters=instance["perimeters"])
        shapes = Path(args.instance).with_name(SHAPES_FILE)
        if "block_shapes" in inspect.signature(delineate).parameters and shapes.exists():
            # and their polygons with the street gap (the comb check and the enclaves by the report's rule)
            from shapely import wkb
            options.update(block_shapes=[wkb.loads(item) for item in pickle.loads(shapes.read_bytes())],
                           closing=float(instance["closing"]))
        if "workers" in inspect.signature(delineate).parameters:
            options.update(workers=2)  # as the plugin on a machine of two cores or more: the second start in a process
        graph = Graph(n, instance["left"].astype(np.int64), instance["right"].astype(np.int64), instance["length"])
        result = delineate(graph, instance["population"], instance["values"], lower=float(instance["lower"]),
                           upper=float(instance["upper"]), n_spaces=args.k, seed=args.seed,
                           coordinates=instance["coordinates"], **options)
        labels = np.asarray(result.labels)
    else:
        # the peers' bounds are the instance's floor (run_delineation passes common.LOWER)
        peers.LOWER = float(instance["lower"])
        labels, _, _ = peers.run_method(args.method, instance, args.k, args.seed, os.cpu_count() or 1,
                                        Path(args.result).parent)
    seconds = time.perf_counter() - start
    # CPU seconds of the process and its threads (pygeoda's threads included): on a shared
    # machine the wall time says more about the neighbours than about the method
    # (and of the search's worker process, which has ended by now)
    cpu_seconds = time.process_time() - cpu_start + common.children_cpu_seconds() - children_start
    np.save(Path(args.result).with_suffix(".npy"), np.asarray(labels))
    with open(args.result, "w") as handle:
        json.dump({"seconds": seconds, "cpu_seconds": cpu_seconds, "peak_mb": common.peak_rss_mb(children=True),
                   "baseline_mb": baseline}, handle)


def run_child(method, settings, instance_path, workdir, k, seed, timeout, memory_limit_mb):
    tag = f"{method}-{settings}" if settings else method
    result_path = Path(workdir) / f"{tag}.json"
    command = [sys.executable, str(Path(__file__).resolve()), "--child", method, "--settings", settings or "default",
               "--instance", str(instance_path), "--result", str(result_path), "--k", str(k), "--seed", str(seed)]
    started = time.perf_counter()
    with open(Path(workdir) / f"{tag}.err", "wb") as err:
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=err, start_new_session=True,
                                   preexec_fn=peers._limit_memory(memory_limit_mb))
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, 9)
            process.wait()
            return {"status": "timeout", "seconds": timeout}
    if process.returncode != 0 or not result_path.exists():
        text = (Path(workdir) / f"{tag}.err").read_text(errors="replace").strip().splitlines()[-2:]
        return {"status": "memory" if any("MemoryError" in t or "bad_alloc" in t for t in text) else "error",
                "seconds": time.perf_counter() - started, "error": text}
    report = json.loads(result_path.read_text())
    return {"status": "ok", "seconds": report["seconds"], "cpu_seconds": report["cpu_seconds"], "peak_mb": report["peak_mb"],
            "labels": np.load(result_path.with_suffix(".npy"), allow_pickle=True)}


def score(labels, instance, geometries, closing, missing):
    from sozialraum.engine.scoring import evaluate_division
    from sozialraum.engine.spatial.graph import Graph

    graph = Graph(int(instance["n"]), instance["left"], instance["right"])
    evaluation = evaluate_division(labels, instance["population"], instance["values"], float(instance["lower"]),
                                   float(instance["upper"]), graph,
                                   barrier_pairs=(instance["barrier_left"], instance["barrier_right"]),
                                   geometries=geometries, closing=closing, missing=missing)
    return dict(evaluation.summary, ssd_share_inhabited=inhabited_ssd_share(labels, instance, missing))


def inhabited_ssd_share(labels, instance, missing):
    """Unweighted SSD share over the blocks with residents only (each counts 1).

    The unweighted share counts every block, also parks and industry whose social rates are all
    imputed (the sample town: 710 of 3,492 blocks, none with a measured value), so it also says
    where a method puts blocks nobody measured. This figure leaves them out; on instances where
    every block has residents (lattices, Georgia) it equals the unweighted share.
    """
    from sozialraum.engine.objective import ssd_per_space, total_ss

    labels = np.asarray(labels)
    values = np.asarray(instance["values"], dtype=float)
    inhabited = np.nan_to_num(np.asarray(instance["population"], dtype=float)) > 0
    tss = total_ss(values[inhabited])
    if not tss > 0:
        return float("nan")
    placed = inhabited & ~np.isin(labels, list(missing))
    spaces, codes = np.unique(labels[placed], return_inverse=True)
    return float(ssd_per_space(codes, values[placed], len(spaces)).sum() / tss)


# --------------------------------------------------------------------------- history


def git_commit():
    def git(*args):
        return subprocess.run(["git", "-C", str(common.REPO_ROOT), *args], capture_output=True, text=True).stdout.strip()

    commit = git("rev-parse", "--short", "HEAD") or "unknown"
    # the engine is what is measured: a changed engine, bench or test file makes the run "dirty"
    dirty = git("status", "--porcelain", "--", "engine")
    return commit + ("+dirty" if dirty else "")


def read_history(path):
    if not Path(path).exists():
        return []
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def append_history(path, rows):
    """Append ``rows``; a history written with other columns is rewritten with :data:`FIELDS` first."""
    old = read_history(path)
    if old and list(old[0].keys()) != list(FIELDS):
        rows = old + list(rows)
        Path(path).unlink()
    new = not Path(path).exists()
    with open(path, "a", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=FIELDS)
        if new:
            writer.writeheader()
        for row in rows:
            writer.writerow({key: row.get(key, "") for key in FIELDS})


def _number(value):
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _objective(row):
    """The row's objective; rows from before the column have the legacy defaults."""
    if not row["method"].startswith("ours"):
        return ""
    return row.get("objective") or objective_of(row["settings"], LEGACY_DEFAULTS)


def regressions(rows, history, tolerance=TOLERANCE):
    """Ours' figures worse than the best recorded for the same instance, settings and k."""
    found = []
    for row in rows:
        if not row["method"].startswith("ours") or row["status"] != "ok":
            continue
        same = [old for old in history if old["instance"] == row["instance"] and old["method"] == row["method"]
                and old["settings"] == row["settings"] and _objective(old) == _objective(row)
                and old["status"] == "ok" and str(old["k"]) == str(row["k"])
                and str(old.get("seeds") or 1) == str(row.get("seeds") or 1)]
        if not same:
            continue
        if row["feasible"] == 0 and any(old["feasible"] in ("1", 1) for old in same):
            found.append(f"{row['instance']} {row['settings']}: infeasible, feasible before")
        for figure, higher_better in GATED.items():
            recorded = [v for v in (_number(old.get(figure)) for old in same) if v is not None and np.isfinite(v)]
            value = _number(row[figure])
            if not recorded or value is None or not np.isfinite(value):
                continue
            best = max(recorded) if higher_better else min(recorded)
            worse = value < best * (1 - tolerance) if higher_better else value > best * (1 + tolerance)
            if worse:
                found.append(f"{row['instance']} {row['settings']}: {figure} {value:.4f}, best recorded {best:.4f}")
    return found


# --------------------------------------------------------------------------- point 4: does the default dominate?


def dominance(rows, unweighted="ssd_share"):
    """Per instance: is ours' default feasible and no worse than every bounded peer in SSD share,
    weighted SSD share and mean Polsby-Popper at once? Returns {instance: (bool, reasons)}.
    ``unweighted``: the unweighted figure compared ("ssd_share_inhabited": inhabited blocks only)."""
    verdicts = {}
    for instance in dict.fromkeys(row["instance"] for row in rows):
        ours = next((r for r in rows if r["instance"] == instance and r["method"] == "ours"
                     and r["settings"] == "default" and r["status"] == "ok"), None)
        if ours is None:
            continue
        reasons = [] if ours["feasible"] else ["ours infeasible"]
        compared = 0
        for peer in rows:
            if peer["instance"] != instance or peer["method"] not in BOUNDED_PEERS or peer["status"] != "ok":
                continue
            compared += 1
            if peer["k"] != ours["k"]:
                reasons.append(f"{peer['method']} at k {peer['k']}")
                continue
            if ours[unweighted] > peer[unweighted]:
                reasons.append(f"{unweighted} {ours[unweighted]:.4f} > {peer['method']} {peer[unweighted]:.4f}")
            if ours["ssd_share_weighted"] > peer["ssd_share_weighted"]:
                reasons.append(f"weighted {ours['ssd_share_weighted']:.4f} > {peer['method']} {peer['ssd_share_weighted']:.4f}")
            if ours["mean_polsby_popper"] < peer["mean_polsby_popper"]:
                reasons.append(f"mean PP {ours['mean_polsby_popper']:.3f} < {peer['method']} {peer['mean_polsby_popper']:.3f}")
        if not compared:
            reasons.append("no bounded peer finished in this run")
        verdicts[instance] = (not reasons, reasons)
    return verdicts


# --------------------------------------------------------------------------- parent side


def _fmt(value, digits):
    return "–" if value in (None, "") or (isinstance(value, float) and not np.isfinite(value)) else (
        f"{value:.{digits}f}" if isinstance(value, float) else str(value))


def markdown(rows):
    header = ("instance", "method", "settings", "status", "k", "below", "above", "non-contig.", "SSD share",
              "weighted", "mean PP", "min PP", "SSD share, inhabited blocks", "time s", "CPU s", "peak MB", "ours default / peer time")
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for row in rows:
        ours = next((r for r in rows if r["instance"] == row["instance"] and r["method"] == "ours"
                     and r["settings"] == "default" and r["status"] == "ok"), None)
        ratio = (ours["seconds"] / row["seconds"] if ours and not row["method"].startswith("ours")
                 and row["status"] == "ok" and row["seconds"] else None)
        lines.append("| " + " | ".join([
            row["instance"], row["method"], row["settings"] or "", row["status"], _fmt(row.get("k"), 0),
            _fmt(row.get("n_below"), 0), _fmt(row.get("n_above"), 0), _fmt(row.get("n_noncontiguous"), 0),
            _fmt(row.get("ssd_share"), 4), _fmt(row.get("ssd_share_weighted"), 4),
            _fmt(row.get("mean_polsby_popper"), 3), _fmt(row.get("min_polsby_popper"), 3),
            _fmt(row.get("ssd_share_inhabited"), 4), _fmt(row.get("seconds"), 1), _fmt(row.get("cpu_seconds"), 1), _fmt(row.get("peak_mb"), 0), _fmt(ratio, 2)]) + " |")
    return "\n".join(lines)


#: Up to this many units ours runs with several seeds and the history holds the means: on a
#: small instance one seed's figures scatter by several per cent (Georgia's default, seeds 0-4:
#: unweighted SSD share 0.419-0.452), far beyond the 1 % the gate allows.
SMALL_INSTANCE = 1000
SMALL_INSTANCE_SEEDS = 5


def seeds_of(name, n, args):
    return args.seeds or (SMALL_INSTANCE_SEEDS if n <= SMALL_INSTANCE else 1)


def parent_main(args):
    common.use_repository_engine()
    names = [n for n in (args.instances.split(",") if args.instances else INSTANCES) if n]
    if not args.instances and not args.full:
        names = [n for n in names if INSTANCES[n][6]]
    commit, date = git_commit(), dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M")
    defaults = engine_defaults()
    mode = "full" if args.full else ("custom" if args.instances else "quick")
    rows = []
    for name in names:
        builder, lower, upper, k, settings, peer_methods, _ = INSTANCES[name]
        started = time.perf_counter()
        instance, geometries, closing = builder()
        instance.update(lower=lower, upper=upper)
        k = k or int(round(float(instance["population"].sum()) / PERSONS_PER_SPACE))
        print(f"\n=== {name}: {int(instance['n'])} units, {instance['population'].sum():.0f} residents, k {k}, "
              f"bounds {lower:g}-{upper:g} (built in {time.perf_counter() - started:.1f} s) ===", flush=True)
        settings = tuple(settings) + tuple(s for s in (args.extra_settings or "").split(",") if s and s not in settings)
        peer_methods = args.peers.split(",") if args.peers else peer_methods
        methods = [("ours", s) for s in settings] + ([] if args.no_peers else [(p, "") for p in peer_methods])
        with tempfile.TemporaryDirectory(prefix="sozialraum-quality-") as workdir:
            path = Path(workdir) / "instance.npz"
            instance["areas"] = np.array([g.area for g in geometries])
            instance["perimeters"] = np.array([g.length for g in geometries])
            instance["closing"] = np.asarray(float(closing or 0.0))
            common.save_instance(instance, path)
            path.with_name(SHAPES_FILE).write_bytes(pickle.dumps([g.wkb for g in geometries]))
            for method, setting in methods:
                load = os.getloadavg()[0]
                runs = seeds_of(name, int(instance["n"]), args) if method == "ours" else 1
                outcomes = [run_child(method, setting, path, workdir, k, args.seed + offset, args.timeout,
                                      args.memory_limit_gb * 1024) for offset in range(runs)]
                failed = next((o for o in outcomes if o["status"] != "ok"), None)
                outcome = failed or outcomes[0]
                row = {"commit": commit, "date": date, "mode": mode, "instance": name, "n": int(instance["n"]),
                       "method": method, "settings": setting, "seeds": runs, "status": outcome["status"],
                       "objective": objective_of(setting, defaults) if method == "ours" else "",
                       "seconds": round(float(np.mean([o["seconds"] for o in outcomes])), 2),
                       "cpu_seconds": round(float(np.mean([o.get("cpu_seconds", 0) for o in outcomes])), 2),
                       "peak_mb": round(max(o.get("peak_mb", 0) or 0 for o in outcomes)),
                       "load": round(load, 1)}
                if failed is None:
                    # ours and pygeoda number spaces from 1 (0: left out), spopt from 0
                    missing = () if method.startswith("spopt") else (0,)
                    summaries = [score(np.asarray(o["labels"]), instance, geometries, closing, missing) for o in outcomes]
                    feasible = all(s["k"] == k and s["n_below"] == 0 and s["n_above"] == 0 and s["n_noncontiguous"] == 0
                                   and s["unassigned"] == 0 for s in summaries)
                    # several seeds: the figures are means (times too), the bound violations the worst run's
                    row.update(k=summaries[0]["k"], feasible=int(feasible),
                               **{key: max(s[key] for s in summaries) for key in ("n_below", "n_above", "n_noncontiguous")},
                               **{f: round(float(np.mean([s[f] for s in summaries])), 5) for f in GATED})
                print(f"  {method:10s} {setting:8s} {row['status']:7s} k {row.get('k', '–')!s:>4} "
                      f"below {row.get('n_below', '–')!s:>3} above {row.get('n_above', '–')!s:>3} "
                      f"SSD {row.get('ssd_share', float('nan')):.4f} weighted {row.get('ssd_share_weighted', float('nan')):.4f} "
                      f"PP {row.get('mean_polsby_popper', float('nan')):.3f} / {row.get('min_polsby_popper', float('nan')):.3f} "
                      f"inhabited {row.get('ssd_share_inhabited', float('nan')):.4f} "
                      f"{row['seconds']:7.1f} s (CPU {row['cpu_seconds']:.1f}) {row['peak_mb']:6.0f} MB load {row['load']}"
                      + (f"  {outcome.get('error')}" if outcome.get("error") else ""), flush=True)
                rows.append(row)
    history = read_history(args.history)
    found = regressions(rows, history, args.tolerance)
    print("\n" + markdown(rows))
    print("\nDefault dominates every bounded peer (feasible, SSD share, weighted, mean PP at the same k):")
    for instance, (ok, reasons) in dominance(rows).items():
        print(f"  {instance}: {'yes' if ok else 'no'}" + ("" if ok else " - " + "; ".join(reasons)))
    print("The same with the unweighted share over inhabited blocks (blocks without residents have no measured rates):")
    for instance, (ok, reasons) in dominance(rows, "ssd_share_inhabited").items():
        print(f"  {instance}: {'yes' if ok else 'no'}" + ("" if ok else " - " + "; ".join(reasons)))
    if args.markdown:
        Path(args.markdown).write_text(markdown(rows) + "\n")
    if args.record:
        append_history(args.history, rows)
        print(f"\n{len(rows)} rows appended to {args.history}")
    if found:
        print("\nQUALITY REGRESSION (worse than the best recorded beyond "
              f"{100 * args.tolerance:g} %):\n  " + "\n  ".join(found))
        return 1
    print("\nno quality figure worse than the best recorded one")
    return 0


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--full", action="store_true", help="also the 10k lattice and the 20k town")
    parser.add_argument("--instances", help=f"comma-separated, from {', '.join(INSTANCES)}")
    parser.add_argument("--no-peers", action="store_true", help="ours only")
    parser.add_argument("--peers", help="these peers instead of the instance's (e.g. skater,redcap,azp_tabu,spopt_ward)")
    parser.add_argument("--extra-settings", help="more settings of ours, e.g. c0.5,u0.25 (compactness weight; "
                                                 "c weighted by residents, u unweighted)")
    parser.add_argument("--seed", type=int, default=0, help="first seed of ours (default 0)")
    parser.add_argument("--seeds", type=int, default=0,
                        help=f"seeds of ours per setting (default: {SMALL_INSTANCE_SEEDS} up to {SMALL_INSTANCE} units, else 1)")
    parser.add_argument("--timeout", type=float, default=900.0, help="seconds per run (default 900)")
    parser.add_argument("--memory-limit-gb", type=float, default=6.0)
    parser.add_argument("--tolerance", type=float, default=TOLERANCE)
    parser.add_argument("--history", default=str(HISTORY))
    parser.add_argument("--no-record", dest="record", action="store_false", help="do not append to the history")
    parser.add_argument("--markdown", help="write the table to this file")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--settings", default="default", help=argparse.SUPPRESS)
    parser.add_argument("--instance", help=argparse.SUPPRESS)
    parser.add_argument("--result", help=argparse.SUPPRESS)
    parser.add_argument("--k", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        args.method = args.child
        child_main(args)
        return 0
    return parent_main(args)


if __name__ == "__main__":
    sys.exit(main())
