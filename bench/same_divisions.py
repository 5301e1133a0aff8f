#!/usr/bin/env python3
"""Does a speed-up leave the divisions unchanged?  Runs two checkouts' engines on the same instances.

    git archive 769ee88 | (mkdir -p /tmp/before && tar -x -C /tmp/before)
    .venv/bin/python bench/scale.py prepare --out /tmp/scale sample lattice10000 town10000 town100000
    .venv/bin/python bench/same_divisions.py --before /tmp/before --instances /tmp/scale/sample.npz,/tmp/scale/lattice10000.npz

Each instance is solved by ``bench/scale.py run`` (seed 0, every default) with the engine of
``--before`` and with this checkout's, in separate processes, once per setting (``default``,
``c0`` = COMPACTNESS 0, ``c0u`` = COMPACTNESS 0 unweighted); the labels must be identical
block for block. Prints one line per run (CPU and wall seconds, peak MB) and per comparison;
exits 1 if any division differs.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SETTINGS = {"default": [], "c0": ["--option", "compactness=0"],
            "c0u": ["--option", "compactness=0", "--option", "weight_by_population=false"]}


def solve(instance, repo, setting, labels):
    command = [sys.executable, str(HERE / "scale.py"), "run", instance, "--repo", repo, "--labels", labels,
               *SETTINGS[setting]]
    report = json.loads(subprocess.run(command, check=True, capture_output=True, text=True).stdout.strip().splitlines()[-1])
    print(f"  {Path(instance).stem:14s} {setting:8s} {repo}: k {report['k']}, SSD share {report['ssd_share']}, "
          f"CPU {report['cpu_s']} s, wall {report['wall_s']} s, peak {report['peak_mb']} MB, load {report['load'][0]}",
          flush=True)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--before", required=True, help="checkout (or git archive) of the engine before the change")
    parser.add_argument("--after", default=str(HERE.parent), help="default: this checkout")
    parser.add_argument("--instances", required=True, help="comma-separated .npz files of bench/scale.py prepare")
    parser.add_argument("--settings", default="default", help=f"comma-separated, from {', '.join(SETTINGS)}")
    parser.add_argument("--out", default="/tmp/same-divisions")
    args = parser.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    differing = 0
    for instance in args.instances.split(","):
        for setting in args.settings.split(","):
            stem = f"{Path(instance).stem}_{setting}"
            before, after = out / f"{stem}_before.npy", out / f"{stem}_after.npy"
            solve(instance, args.before, setting, str(before))
            solve(instance, args.after, setting, str(after))
            result = subprocess.run([sys.executable, str(HERE / "scale.py"), "compare", str(before), str(after)],
                                    capture_output=True, text=True)
            same = result.returncode == 0
            differing += not same
            print(f"  {stem}: {'identical' if same else 'DIFFERENT'} {result.stdout.strip()}", flush=True)
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main())
