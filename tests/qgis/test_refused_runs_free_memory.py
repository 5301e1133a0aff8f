"""A refused run leaves nothing behind: QGIS keeps every exception a Python algorithm raises
(docs/teardown_crash.md), so the exception must not hold the algorithm's frames and features."""
import gc
from pathlib import Path

import pytest

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "sample" / "musterstadt.gpkg"


def live_features():
    from qgis.core import QgsFeature

    gc.collect()
    return sum(1 for item in gc.get_objects() if isinstance(item, QgsFeature))


def test_refused_delineation_keeps_no_features_alive(provider, tmp_path):
    import processing
    from qgis.core import QgsProcessingException, QgsVectorLayer

    blocks = QgsVectorLayer(f"{SAMPLE}|layername=blocks", "blocks", "ogr")
    assert blocks.isValid()
    before = live_features()
    for attempt in range(2):
        # every block is above a maximum of 10 residents: refused after all blocks were read
        with pytest.raises(QgsProcessingException):
            processing.run("sozialraum:delineate", {
                "INPUT": blocks, "ID_FIELD": "block_id", "POPULATION_FIELD": "pop_total", "ATTRIBUTES": ["pop_65plus"],
                "MIN_POPULATION": 1, "MAX_POPULATION": 10, "ON_INFEASIBLE": 1,
                "OUTPUT": str(tmp_path / f"b{attempt}.gpkg"), "OUTPUT_SPACES": str(tmp_path / f"s{attempt}.gpkg")})
    # the town has 3,492 blocks: a leaked frame would keep thousands of features
    assert live_features() - before < 50
