"""Demo step: push the default catalogue to the proposed spaces, compute the social index and types.

Called by scripts/demo.py inside an initialised QGIS with the Sozialraum provider registered:
    from demo_indicators import run_indicators
    summary = run_indicators(out_dir, blocks_layer_with_space_id)
Writes spaces_indicators.gpkg/.csv/.xlsx (+ .html), social_index.gpkg and type_profiles.csv.
"""
import time
from collections import Counter
from pathlib import Path

#: rates of the demo index: poverty and labour market (higher = more need) and floor area (higher = less need)
INDEX_RATES = ["sgb2_rate", "unemployment", "child_poverty", "single_parents", "foreigners_share", "floor_area_per_head"]


def run_indicators(out_dir: Path, blocks_with_spaces_layer, space_field="space_id") -> dict:
    import processing

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    files = {
        "spaces_indicators_gpkg": out_dir / "spaces_indicators.gpkg",
        "spaces_indicators_csv": out_dir / "spaces_indicators.csv",
        "spaces_indicators_xlsx": out_dir / "spaces_indicators.xlsx",
        "spaces_indicators_html": out_dir / "spaces_indicators.html",
        "social_index_gpkg": out_dir / "social_index.gpkg",
        "type_profiles_csv": out_dir / "type_profiles.csv",
    }
    for path in files.values():
        path.unlink(missing_ok=True)
    started = time.time()
    aggregated = processing.run("sozialraum:aggregate", {
        "INPUT": blocks_with_spaces_layer, "SPACE_FIELD": space_field, "ID_FIELD": "block_id",
        "CONFIDENTIALITY": True, "MIN_COUNT": 3, "MIN_POPULATION_FOR_RATES": 300, "POPULATION_FIELD": "pop_total",
        "LANGUAGE": 1,  # German labels in the exports (the planners' language)
        "OUTPUT": str(files["spaces_indicators_gpkg"]), "OUTPUT_TOTAL": "memory:",
        "EXPORT_CSV": str(files["spaces_indicators_csv"]), "EXPORT_XLSX": str(files["spaces_indicators_xlsx"]),
        "REPORT": str(files["spaces_indicators_html"]),
    })
    aggregate_seconds = time.time() - started
    started = time.time()
    indexed = processing.run("sozialraum:index", {
        "INPUT": str(files["spaces_indicators_gpkg"]), "SPACE_FIELD": space_field, "RATES": INDEX_RATES,
        "POPULATION_FIELD": "pop_total", "MIN_POPULATION": 300, "TYPES": 0, "METHOD": 0, "SEED": 1,
        "OUTPUT": str(files["social_index_gpkg"]), "OUTPUT_PROFILE": str(files["type_profiles_csv"]),
    })
    index_seconds = time.time() - started
    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer(str(files["social_index_gpkg"]), "social_index", "ogr")
    classes = Counter(f["si_label"] for f in layer.getFeatures() if f["si_label"] not in (None, "") and
                      not (hasattr(f["si_label"], "isNull") and f["si_label"].isNull()))
    return {
        "files": {key: str(path) for key, path in files.items()},
        "n_spaces": int(aggregated["N_SPACES"]),
        "n_suppressed": int(aggregated["N_SUPPRESSED"]),
        "n_null": int(aggregated["N_NULL"]),
        "aggregate_seconds": round(aggregate_seconds, 2),
        "index_rates": INDEX_RATES,
        "n_indexed": int(indexed["N_INDEXED"]),
        "n_excluded": int(indexed["N_EXCLUDED"]),
        "n_types": int(indexed["N_TYPES"]),
        "index_classes": dict(sorted(classes.items())),
        "index_seconds": round(index_seconds, 2),
    }
