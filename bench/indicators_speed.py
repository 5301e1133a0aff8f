"""Timing of the indicator engine: 100k blocks x 50 indicators, and 100k blocks -> 500 drawn spaces.

    python bench/indicators_speed.py [n_blocks] [n_spaces]

Targets: aggregation under 10 s, interpolation under 60 s (Shapely 2).
"""
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LINK = ROOT / ".build" / "pythonpath"
if not (LINK / "sozialraum").exists():
    LINK.mkdir(parents=True, exist_ok=True)
    (LINK / "sozialraum").symlink_to(ROOT, target_is_directory=True)
sys.path.insert(0, str(LINK))

import numpy as np  # noqa: E402
import shapely  # noqa: E402
from shapely.geometry import MultiPoint, box  # noqa: E402
from shapely.ops import voronoi_diagram  # noqa: E402

from sozialraum.engine.indicators import aggregate, default_catalogue, interpolate, protect  # noqa: E402
from sozialraum.engine.indicators.catalogue import Catalogue, catalogue_from_records  # noqa: E402
from sozialraum.engine.indicators.synthetic import grid_geometries, synthetic_blocks  # noqa: E402


def fifty_indicators():
    base = list(default_catalogue())
    extra = []
    fields = ["pop_u6", "pop_6_14", "pop_15_17", "pop_18_24", "pop_25_64", "pop_65plus", "foreigners", "unemployed",
              "sgb2_persons"]
    for name in fields[: 50 - len(base) - 1]:
        extra.append({"id": f"pm_{name}", "label_en": f"{name} per 1000", "label_de": f"{name} je 1000",
                      "kind": "rate", "numerator": name, "denominator": "households", "factor": "1000"})
    extra.append({"id": "mean_hh", "label_en": "mean", "label_de": "Mittel", "kind": "mean",
                  "numerator": "floor_area", "weight_field": "households"})
    more = catalogue_from_records(extra)
    return Catalogue(tuple(base) + more.indicators)


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    m = int(sys.argv[2]) if len(sys.argv) > 2 else 500
    print(f"numpy {np.__version__}, shapely {shapely.__version__}")
    t = time.perf_counter()
    blocks = synthetic_blocks(n, seed=1)
    geoms = grid_geometries(n, size=60.0)
    print(f"generate {n} blocks: {time.perf_counter() - t:.1f} s")
    cat = fifty_indicators()
    areas = np.full(n, 3600.0)
    rng = np.random.default_rng(0)
    blocks["space"] = rng.integers(0, m, n)
    t = time.perf_counter()
    table = aggregate(blocks, cat, "space", areas=areas)
    print(f"aggregate {n} blocks x {len(cat)} indicators -> {len(table.values)} spaces: {time.perf_counter() - t:.2f} s")
    t = time.perf_counter()
    protected = protect(table)
    print(f"confidentiality on {len(table.values)} spaces: {time.perf_counter() - t:.2f} s "
          f"({int(protected.mask.to_numpy().sum())} cells suppressed)")
    side = int(np.ceil(np.sqrt(n)))
    x0, y0 = 400000.0, 5700000.0
    extent = box(x0, y0, x0 + side * 60.0, y0 + side * 60.0)
    seeds = MultiPoint([(x0 + x, y0 + y) for x, y in rng.uniform(0, side * 60.0, (m, 2))])
    spaces = [cell.intersection(extent) for cell in voronoi_diagram(seeds, envelope=extent).geoms]
    t = time.perf_counter()
    result = interpolate(blocks, geoms, spaces, cat)
    elapsed = time.perf_counter() - t
    print(f"interpolate {n} blocks -> {len(spaces)} drawn spaces: {elapsed:.2f} s "
          f"(split share max {result.split_share.max():.2f}, outside {len(result.outside)} blocks, "
          f"overlaps {len(result.overlaps)})")
    total = result.table.values["pop_total"].sum()
    print(f"conservation: {total:.3f} of {blocks.pop_total.sum()} residents")


if __name__ == "__main__":
    main()
