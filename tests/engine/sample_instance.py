"""The bundled Musterstadt as the delineation benchmark sees it (bench/run_delineation.py):
blocks read from resources/sample/musterstadt.gpkg, adjacency with the barriers (gap 30 m) and
its link lengths, components joined to the main one by their nearest blocks (links of length
0), the benchmark's 21 attributes (bench/common.py) prepared once. The same instance as the
rows of bench/RESULTS.md."""
import functools
import importlib.util
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .gpkg_read import read_layer

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "resources" / "sample" / "musterstadt.gpkg"


@dataclass
class SampleInstance:
    graph: object
    population: np.ndarray
    values: np.ndarray
    coordinates: np.ndarray


def _bench_common():
    spec = importlib.util.spec_from_file_location("bench_common", REPO / "bench" / "common.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@functools.lru_cache(maxsize=1)
def sample_instance():
    from sozialraum.engine.attributes import prepare_attributes
    from sozialraum.engine.spatial.adjacency import build_adjacency
    from sozialraum.engine.spatial.graph import Graph

    common = _bench_common()
    geometries, frame = read_layer(SAMPLE, "blocks")
    barriers, _ = read_layer(SAMPLE, "barriers")
    population = frame["pop_total"].to_numpy(dtype=float)
    adjacency = build_adjacency(geometries, gap_distance=common.GAP, barriers=barriers, population=population)
    coordinates = np.array([[g.centroid.x, g.centroid.y] for g in geometries])
    extra_left, extra_right = common.connect_components(len(geometries), adjacency.left, adjacency.right, coordinates,
                                                        population)
    # the shared or facing length of each link (0 for the joining links), as the plugin's graph has
    graph = Graph(len(geometries), np.concatenate([adjacency.left, extra_left]),
                  np.concatenate([adjacency.right, extra_right]),
                  np.concatenate([adjacency.shared_length, np.zeros(len(extra_left))]))
    values = prepare_attributes(common.block_rates(frame), list(common.ATTRIBUTE_NAMES)).values
    return SampleInstance(graph, population, values, coordinates)
