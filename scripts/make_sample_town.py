#!/usr/bin/env python3
"""Regenerate the bundled sample town resources/sample/musterstadt.gpkg.

Run from anywhere with the interpreter whose stack is the reference (Debian's
/usr/bin/python3: Shapely 1.8, numpy 1.24, pandas 1.5):

    /usr/bin/python3 scripts/make_sample_town.py

Options --blocks/--seed/--out write another town instead (see --help).
"""
import argparse
import os
import sys
import time
from pathlib import Path

from checkout_package import REPO_ROOT, use_checkout

use_checkout()  # the repository root is the plugin folder: import it as package "sozialraum"

from sozialraum.engine.sampletown import DEFAULT_BLOCKS, DEFAULT_SEED, generate_town, write_town  # noqa: E402

DEFAULT_OUT = REPO_ROOT / "resources" / "sample" / "musterstadt.gpkg"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    parser.add_argument("--blocks", type=int, default=DEFAULT_BLOCKS)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--out", default=str(DEFAULT_OUT))
    args = parser.parse_args(argv)
    t0 = time.perf_counter()
    town = generate_town(n_blocks=args.blocks, seed=args.seed)
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    write_town(town, args.out)
    print(
        "wrote %s: %d blocks, %d residents, %d districts, %d facilities (%.1f s, %.2f MB)"
        % (
            args.out,
            len(town.blocks),
            int(town.blocks.frame["pop_total"].sum()),
            len(town.districts),
            len(town.facilities),
            time.perf_counter() - t0,
            os.path.getsize(args.out) / 1e6,
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
