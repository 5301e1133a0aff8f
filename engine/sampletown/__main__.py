"""Command line: ``python -m sozialraum.engine.sampletown --blocks 3500 --seed 42 --out PATH.gpkg``."""
import argparse
import sys
import time

from .town import DEFAULT_BLOCKS, DEFAULT_SEED, generate_town, write_town


def main(argv=None):
    parser = argparse.ArgumentParser(
        prog="python -m sozialraum.engine.sampletown",
        description="Generate the synthetic sample town Musterstadt as a GeoPackage (EPSG:25832).",
    )
    parser.add_argument("--blocks", type=int, default=DEFAULT_BLOCKS, help="approximate number of blocks (default %(default)s)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="random seed (default %(default)s)")
    parser.add_argument("--out", required=True, help="output GeoPackage path (replaced if it exists)")
    parser.add_argument("--quiet", action="store_true", help="print nothing")
    args = parser.parse_args(argv)
    t0 = time.perf_counter()
    try:
        town = generate_town(n_blocks=args.blocks, seed=args.seed)
    except ValueError as exc:
        parser.error(str(exc))
    t1 = time.perf_counter()
    write_town(town, args.out)
    t2 = time.perf_counter()
    if not args.quiet:
        pop = int(town.blocks.frame["pop_total"].sum())
        print(
            "%s: %d blocks, %d districts, %d residents, %d facilities; generated in %.1f s, written in %.1f s"
            % (args.out, len(town.blocks), len(town.districts), pop, len(town.facilities), t1 - t0, t2 - t1)
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
