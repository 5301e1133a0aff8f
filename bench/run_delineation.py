#!/usr/bin/env python3
"""Side-by-side delineation benchmark: ours against pygeoda and spopt on the same instances.

    .venv-bench/bin/python bench/run_delineation.py --sizes 3500,10000 --timeout 600

For each size the sample town is generated (``generate_town(n_blocks=size)``), the
adjacency built with its barriers (gap 30 m; the few components are joined to the main one
by their nearest blocks, and every method gets the same connected edge list), the
attributes of bench/common.py prepared once (standardised, equal weights), and then each
method runs in its own subprocess on exactly that matrix, that edge list and the bounds
700-8,500 residents:

* ``ours``        sozialraum.engine.delineation.delineate (k chosen automatically, seed 0)
* ``skater``      pygeoda.skater, k = ours, bound_variable = population, min_bound = 700
* ``redcap``      pygeoda.redcap 'fullorder-wardlinkage', k = ours, min_bound = 700
* ``azp_tabu``    pygeoda.azp_tabu, k = ours, min_bound = 700 (tabu length 10)
* ``maxp_tabu``   pygeoda.maxp_tabu, min_bound = 700 (chooses its own k)
* ``spopt_maxp``  spopt MaxPHeuristic, threshold 700 (chooses its own k)
* ``spopt_ward``  spopt WardSpatial, k = ours (no bounds at all)
* ``ours_maxp_k`` ours again, at the k that maxp_tabu (else spopt_maxp) chose: the
                  like-for-like comparison with the max-p peers

pygeoda gets ``scale_method='raw'`` (the matrix is already standardised) and
``cpu_threads`` = the number of cores; the peers' weights are built from our edge list
(pygeoda: a GAL file read with ``pygeoda.read_gal``; spopt: ``libpysal.weights.W``), and
building them counts towards their time, as building our Graph counts towards ours. No
method is told the ceiling except ours: none of the peers can take one.

Time is the wall time of the solve (weights + call), measured in the child; memory is the
child's peak RSS (``ru_maxrss``), also shown as the increase over its RSS just before the
solve. A child that exceeds ``--timeout`` is killed and reported as a timeout, one that dies
as a crash. Every labelling is scored with ``sozialraum.engine.scoring.evaluate_division``.
"""
from __future__ import annotations

import argparse
import inspect
import json
import os
import platform
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import common

METHODS = ("ours", "skater", "redcap", "azp_tabu", "maxp_tabu", "spopt_maxp", "spopt_ward", "ours_maxp_k")
NEEDS_K = {"skater", "redcap", "azp_tabu", "spopt_ward"}
LOWER, UPPER = common.LOWER, common.UPPER


# --------------------------------------------------------------------------- child side


def _neighbour_lists(n, left, right):
    order = np.argsort(np.concatenate([left, right]), kind="stable")
    heads = np.concatenate([left, right])[order]
    tails = np.concatenate([right, left])[order]
    bounds = np.searchsorted(heads, np.arange(n + 1))
    return [np.unique(tails[bounds[i] : bounds[i + 1]]).tolist() for i in range(n)]


def _pygeoda_weights(n, left, right, workdir):
    import pygeoda

    path = Path(workdir) / "weights.gal"
    lists = _neighbour_lists(n, left, right)
    with open(path, "w") as handle:  # ids 1..n
        handle.write(f"0 {n} blocks block_index\n")  # GeoDa needs all four header fields
        for i, neighbours in enumerate(lists):
            handle.write(f"{i + 1} {len(neighbours)}\n")
            handle.write(" ".join(str(j + 1) for j in neighbours) + "\n")
    return pygeoda.read_gal(str(path), [str(i) for i in range(1, n + 1)])


def _spopt_frame(instance, names):
    import geopandas as gpd
    import pandas as pd

    frame = pd.DataFrame(instance["values"], columns=names)
    frame["population"] = instance["population"]
    coords = instance["coordinates"]
    return gpd.GeoDataFrame(frame, geometry=gpd.points_from_xy(coords[:, 0], coords[:, 1]))


def _spopt_weights(n, left, right):
    from libpysal.weights import W

    lists = _neighbour_lists(n, left, right)
    return W({i: lists[i] for i in range(n)}, silence_warnings=True)


def run_method(method, instance, k, seed, threads, workdir):
    """Run one method; returns (labels, missing_values, extra info)."""
    n = int(instance["n"])
    left, right = instance["left"].astype(np.int64), instance["right"].astype(np.int64)
    values = instance["values"]
    population = instance["population"]
    info = {}
    if method in ("ours", "ours_maxp_k"):
        common.use_repository_engine()
        from sozialraum.engine.delineation.delineate import delineate
        from sozialraum.engine.spatial.graph import Graph

        graph = Graph(n, left, right, instance["length"] if "length" in instance else None)  # lengths: as the plugin
        parallel = {"workers": 2} if "workers" in inspect.signature(delineate).parameters else {}  # as the plugin
        result = delineate(graph, population, values, lower=LOWER, upper=UPPER, n_spaces=k or 0, seed=seed,
                           coordinates=instance["coordinates"], **parallel)
        info["own_ssd_share"] = result.ssd_share
        info["notes"] = [note.get("code") for note in result.notes]
        return np.asarray(result.labels), (0,), info
    if method in ("skater", "redcap", "azp_tabu", "maxp_tabu"):
        import pygeoda

        w = _pygeoda_weights(n, left, right, workdir)
        data = values.T.tolist()
        bound = population.tolist()
        common_args = dict(bound_variable=bound, min_bound=LOWER, scale_method="raw", random_seed=seed + 123456789)
        if method == "skater":
            out = pygeoda.skater(k, w, data, cpu_threads=threads, **common_args)
        elif method == "redcap":
            out = pygeoda.redcap(k, w, data, "fullorder-wardlinkage", cpu_threads=threads, **common_args)
        elif method == "azp_tabu":
            out = pygeoda.azp_tabu(k, w, data, tabu_length=10, conv_tabu=10, **common_args)
        else:
            out = pygeoda.maxp_tabu(w, data, bound, LOWER, tabu_length=10, conv_tabu=10, scale_method="raw",
                                    random_seed=seed + 123456789, cpu_threads=threads)
        info["own_ratio"] = out["The ratio of between to total sum of squares"]
        return np.asarray(out["Clusters"]), (0,), info
    if method in ("spopt_maxp", "spopt_ward"):
        from spopt.region import MaxPHeuristic, WardSpatial

        names = [f"x{j}" for j in range(values.shape[1])]
        frame = _spopt_frame(instance, names)
        w = _spopt_weights(n, left, right)
        np.random.seed(seed)
        if method == "spopt_maxp":
            model = MaxPHeuristic(frame, w, names, "population", LOWER, top_n=2)
        else:
            model = WardSpatial(frame, w, names, n_clusters=k)
        model.solve()
        return np.asarray(model.labels_), (), info
    raise ValueError(f"unknown method {method}")


def child_main(args):
    instance = common.load_instance(args.instance)
    workdir = Path(args.result).parent
    # import the method's libraries before measuring the baseline
    if args.method in ("ours", "ours_maxp_k"):
        common.use_repository_engine()
        import sozialraum.engine.delineation.delineate  # noqa: F401
    elif args.method.startswith("spopt"):
        import spopt.region  # noqa: F401
    else:
        import pygeoda  # noqa: F401
    baseline = common.current_rss_mb()
    start, cpu_start = time.perf_counter(), time.process_time()
    labels, missing, info = run_method(args.method, instance, args.k, args.seed, args.threads, workdir)
    seconds = time.perf_counter() - start
    info["cpu_seconds"] = time.process_time() - cpu_start  # all threads; wall time on a shared machine says little
    np.save(Path(args.result).with_suffix(".npy"), np.asarray(labels))
    with open(args.result, "w") as handle:
        json.dump({"seconds": seconds, "peak_mb": common.peak_rss_mb(children=True), "baseline_mb": baseline,
                   "missing": list(missing), "info": info}, handle, default=str)


# --------------------------------------------------------------------------- parent side


def _limit_memory(limit_mb):
    """preexec_fn: cap the child's address space so a peer cannot take the shared machine down."""
    import resource

    def apply():
        if limit_mb:
            limit = int(limit_mb * 2**20)
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    return apply


def run_child(method, instance_path, workdir, k, seed, threads, timeout, memory_limit_mb=0):
    """Run one method in a subprocess; returns a dict with status, labels, time, memory.

    ``memory_limit_mb`` caps the child's address space (RLIMIT_AS) and its sampled RSS; a
    child that hits it is reported with the status "memory"."""
    result_path = Path(workdir) / f"{method}.json"
    command = [sys.executable, str(Path(__file__).resolve()), "--child", method, "--instance", str(instance_path),
               "--result", str(result_path), "--k", str(k or 0), "--seed", str(seed), "--threads", str(threads)]
    started = time.perf_counter()
    # output to files: a chatty child must never block on a full pipe
    out_file = open(Path(workdir) / f"{method}.out", "wb")
    err_path = Path(workdir) / f"{method}.err"
    err_file = open(err_path, "wb")
    process = subprocess.Popen(command, stdout=out_file, stderr=err_file, start_new_session=True,
                               preexec_fn=_limit_memory(memory_limit_mb))
    sampled_peak = 0.0
    try:
        import psutil

        watcher = psutil.Process(process.pid)
    except Exception:  # psutil missing: rely on the child's own report
        watcher = None
    status = None
    while process.poll() is None:
        if watcher is not None:
            try:
                sampled_peak = max(sampled_peak, watcher.memory_info().rss / 2**20)
            except Exception:
                pass
        if time.perf_counter() - started > timeout:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
            status = "timeout"
            break
        if memory_limit_mb and sampled_peak > memory_limit_mb:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
            status = "memory"
            break
        time.sleep(0.1)
    process.wait()
    out_file.close()
    err_file.close()
    stderr = err_path.read_bytes()
    elapsed = time.perf_counter() - started
    row = {"method": method, "status": status, "wall_child": elapsed, "peak_mb": sampled_peak}
    if status == "timeout":
        row["seconds"] = timeout
        return row
    if status == "memory":
        row["seconds"] = elapsed
        return row
    if process.returncode != 0 or not result_path.exists():
        row["seconds"] = elapsed  # until the failure, imports and loading included
        text = stderr.decode(errors="replace")
        if "MemoryError" in text or "bad_alloc" in text or "Unable to allocate" in text:
            row["status"] = "memory"
        else:
            row["status"] = "crash" if process.returncode and process.returncode < 0 else "error"
        row["error"] = text.strip().splitlines()[-3:]
        row["returncode"] = process.returncode
        return row
    with open(result_path) as handle:
        report = json.load(handle)
    row.update(status="ok", seconds=report["seconds"], peak_mb=max(report["peak_mb"], sampled_peak),
               baseline_mb=report["baseline_mb"], info=report["info"], missing=report["missing"])
    row["labels"] = np.load(result_path.with_suffix(".npy"), allow_pickle=True)
    return row


def score(row, instance, geometries):
    from sozialraum.engine.scoring import evaluate_division
    from sozialraum.engine.spatial.graph import Graph

    n = int(instance["n"])
    graph = Graph(n, instance["left"], instance["right"])
    evaluation = evaluate_division(
        row["labels"], instance["population"], instance["values"], LOWER, UPPER, graph,
        barrier_pairs=(instance["barrier_left"], instance["barrier_right"]), geometries=geometries,
        missing=tuple(row.get("missing") or ()),
    )
    return evaluation.summary


def _ratio(ours, peer):
    if ours is None or peer is None or not np.isfinite(ours) or not np.isfinite(peer) or peer == 0:
        return None
    return ours / peer


def _fmt(value, digits=2):
    if value is None:
        return "–"
    if isinstance(value, str):
        return value
    if isinstance(value, (int, np.integer)):
        return str(int(value))
    if not np.isfinite(value):
        return "–"
    return f"{value:.{digits}f}"


HEADER = ("method", "status", "k", "below", "above", "non-contig.", "unassigned", "pop min", "pop max",
          "SSD share", "SSD share weighted", "barrier cross.", "mean PP", "time s", "peak MB", "Δ MB",
          "ours/peer time", "ours/peer mem", "ours/peer SSD share", "ours/peer weighted SSD share")


def table_rows(rows):
    ours = next((r for r in rows if r["method"] == "ours" and r.get("summary")), None)
    ours_maxp = next((r for r in rows if r["method"] == "ours_maxp_k" and r.get("summary")), None)
    lines = []
    for row in rows:
        s = row.get("summary") or {}
        ok = row["status"] == "ok"
        peak = row.get("peak_mb")
        delta = peak - row["baseline_mb"] if ok and row.get("baseline_mb") is not None else None
        is_ours = row["method"] in ("ours", "ours_maxp_k")
        ratios = [None, None, None, None]
        # max-p peers choose their own k: compare them with ours run at that k when there is such a run
        reference = ours_maxp if (ours_maxp is not None and row["method"] in ("maxp_tabu", "spopt_maxp")
                                  and ours_maxp["summary"]["k"] == s.get("k")) else ours
        if reference is not None and not is_ours:
            ratios = [
                _ratio(reference["seconds"], row.get("seconds")) if ok else None,
                _ratio(reference["peak_mb"], peak) if ok else None,
                _ratio(reference["summary"]["ssd_share"], s.get("ssd_share")) if ok else None,
                _ratio(reference["summary"]["ssd_share_weighted"], s.get("ssd_share_weighted")) if ok else None,
            ]
            if reference["summary"]["k"] != s.get("k"):
                ratios[2] = ratios[3] = None  # SSD shares at different k are not comparable
        lines.append([
            row["method"], row["status"], _fmt(s.get("k")), _fmt(s.get("n_below")), _fmt(s.get("n_above")),
            _fmt(s.get("n_noncontiguous")), _fmt(s.get("unassigned")), _fmt(s.get("pop_min"), 0), _fmt(s.get("pop_max"), 0),
            _fmt(s.get("ssd_share"), 4), _fmt(s.get("ssd_share_weighted"), 4), _fmt(s.get("barrier_crossings")), _fmt(s.get("mean_polsby_popper"), 3),
            _fmt(row.get("seconds"), 1) if ok else (f">{row['seconds']:.0f}" if row["status"] == "timeout" else "–"),
            _fmt(peak, 0) if peak else "–", _fmt(delta, 0),
            _fmt(ratios[0], 2), _fmt(ratios[1], 2), _fmt(ratios[2], 3), _fmt(ratios[3], 3),
        ])
    return lines


def markdown_table(lines):
    out = ["| " + " | ".join(HEADER) + " |", "|" + "|".join("---" for _ in HEADER) + "|"]
    out += ["| " + " | ".join(line) + " |" for line in lines]
    return "\n".join(out)


def text_table(lines):
    widths = [max(len(h), *(len(line[i]) for line in lines)) for i, h in enumerate(HEADER)]
    out = ["  ".join(h.rjust(w) for h, w in zip(HEADER, widths))]
    out += ["  ".join(c.rjust(w) for c, w in zip(line, widths)) for line in lines]
    return "\n".join(out)


def parent_main(args):
    common.use_repository_engine()
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    methods = [m.strip() for m in args.methods.split(",") if m.strip()]
    unknown = set(methods) - set(METHODS)
    if unknown:
        sys.exit(f"unknown methods {sorted(unknown)}; choose from {', '.join(METHODS)}")
    if any(m in NEEDS_K for m in methods) and "ours" not in methods and not args.k:
        sys.exit("skater, redcap, azp_tabu and spopt_ward run at ours' k: include 'ours' or give --k")
    threads = args.threads or os.cpu_count() or 1
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.platform()}"
    sections = [f"Command: `{' '.join([Path(sys.executable).name] + sys.argv)}`", f"Machine: {machine}", ""]
    all_results = []
    order = ["ours"] + [m for m in methods if m != "ours"] if "ours" in methods else list(methods)
    if "ours_maxp_k" in order:  # needs the max-p peers' k
        order = [m for m in order if m != "ours_maxp_k"] + ["ours_maxp_k"]
    for size in sizes:
        print(f"\n=== {size} blocks ===", flush=True)
        instance, geometries, timings = common.build_instance(size, town_seed=args.town_seed)
        with tempfile.TemporaryDirectory(prefix="sozialraum-bench-") as workdir:
            instance_path = Path(workdir) / "instance.npz"
            common.save_instance(instance, instance_path)
            rows = []
            k = args.k or None
            for method in order:
                if method == "ours_maxp_k":
                    maxp = next((r for name in ("maxp_tabu", "spopt_maxp") for r in rows
                                 if r["method"] == name and r.get("summary")), None)
                    if maxp is None:
                        rows.append({"method": method, "status": "skipped (no max-p k)"})
                        continue
                    print(f"  {method} (k={maxp['summary']['k']}) ...", end=" ", flush=True)
                    row = run_child(method, instance_path, workdir, maxp["summary"]["k"], args.seed, threads,
                                    args.timeout, args.memory_limit_gb * 1024)
                    if row["status"] == "ok":
                        row["summary"] = score(row, instance, geometries if args.shapes else None)
                    print(f"{row['status']} {row.get('seconds', 0):.1f} s", flush=True)
                    row["compare_with"] = maxp["method"]
                    rows.append(row)
                    continue
                if method in NEEDS_K and not k:
                    rows.append({"method": method, "status": "skipped (no k)"})
                    continue
                print(f"  {method} ...", end=" ", flush=True)
                method_k = k if method in NEEDS_K else (args.ours_k or None) if method == "ours" else None
                row = run_child(method, instance_path, workdir, method_k, args.seed, threads,
                                args.timeout, args.memory_limit_gb * 1024)
                if row["status"] == "ok":
                    start = time.perf_counter()
                    row["summary"] = score(row, instance, geometries if args.shapes else None)
                    row["scoring_seconds"] = time.perf_counter() - start
                    if method == "ours" and not args.k:
                        k = row["summary"]["k"]
                cpu = (row.get("info") or {}).get("cpu_seconds")
                print(f"{row['status']} {row.get('seconds', 0):.1f} s" + (f" (CPU {cpu:.1f} s)" if cpu else "")
                      + (f"  {row.get('error')}" if row.get("error") else ""), flush=True)
                if row["status"] != "ok":
                    row.setdefault("error", [])
                rows.append(row)
        lines = table_rows(rows)
        print(text_table(lines), flush=True)
        sections += [
            f"### {instance['n']} blocks (generate_town(n_blocks={size}, seed={args.town_seed}))",
            "",
            f"Population {instance['population'].sum():.0f}; {instance['n_adjacency_edges']} adjacency edges, "
            f"{instance['n_components']} components joined by {instance['n_links']} links; "
            f"{len(instance['barrier_left'])} barrier pairs; {instance['values'].shape[1]} attributes; "
            f"bounds {LOWER:.0f}–{UPPER:.0f}; timeout {args.timeout:.0f} s, memory cap {args.memory_limit_gb:g} GB.",
            "",
            markdown_table(lines),
            "",
        ]
        for row in rows:
            if row["status"] not in ("ok",) and not row["status"].startswith("skipped"):
                detail = " / ".join(row.get("error") or []) or "no message"
                sections.append(f"- {row['method']}: {row['status']} after {row.get('seconds', 0):.1f} s "
                                f"(return code {row.get('returncode')}): {detail}")
        sections.append("")
        all_results.append({"size": size, "n": int(instance["n"]), "rows": [
            {key: value for key, value in row.items() if key != "labels"} for row in rows]})
    text = "\n".join(sections)
    if args.markdown:
        Path(args.markdown).parent.mkdir(parents=True, exist_ok=True)
        Path(args.markdown).write_text(text + "\n")
        print(f"\nwritten {args.markdown}")
    if args.json:
        Path(args.json).write_text(json.dumps(all_results, indent=1, default=str))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="3500", help="comma-separated block counts (default 3500)")
    parser.add_argument("--methods", default=",".join(METHODS), help=f"comma-separated, from {', '.join(METHODS)}")
    parser.add_argument("--timeout", type=float, default=600.0, help="seconds per run (default 600)")
    parser.add_argument("--memory-limit-gb", type=float, default=8.0,
                        help="cap per run (address space and RSS; default 8 GB, 0 = none)")
    parser.add_argument("--seed", type=int, default=0, help="seed for ours (and the peers' seeds, offset)")
    parser.add_argument("--town-seed", type=int, default=common.TOWN_SEED)
    parser.add_argument("--threads", type=int, default=0, help="pygeoda cpu_threads (default: number of cores)")
    parser.add_argument("--k", type=int, default=0, help="k for the fixed-k peers (default: ours' k)")
    parser.add_argument("--ours-k", type=int, default=0,
                        help="run ours at this k instead of choosing k automatically (e.g. a max-p peer's k)")
    parser.add_argument("--no-shapes", dest="shapes", action="store_false", help="skip Polsby-Popper scoring")
    parser.add_argument("--markdown", default=None, help="write the tables as markdown to this file")
    parser.add_argument("--json", default=None, help="write the raw results as JSON to this file")
    parser.add_argument("--child", default=None, help=argparse.SUPPRESS)
    parser.add_argument("--instance", default=None, help=argparse.SUPPRESS)
    parser.add_argument("--result", default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        args.method = args.child
        child_main(args)
    else:
        parent_main(args)


if __name__ == "__main__":
    main()
