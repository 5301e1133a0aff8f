"""Indicators on social spaces: catalogue, aggregation, areal interpolation, confidentiality,
social index, typology and the comparison of two divisions. QGIS-free."""
from .aggregate import TOTAL, IndicatorTable, aggregate
from .catalogue import (
    AREA_FIELD,
    Catalogue,
    Expression,
    Indicator,
    default_catalogue,
    default_catalogue_path,
    load_catalogue,
    parse_catalogue,
    parse_expression,
)
from .compare import Comparison, adjusted_rand_from_contingency, compare_divisions
from .confidentiality import ProtectedTable, protect, protect_count_table
from .index import DEFAULT_BREAKS, IndexResult, classify, dynamics_index, social_index, standardise
from .interpolate import InterpolationResult, interpolate
from .typology import TypologyResult, typology

__all__ = [
    "AREA_FIELD", "TOTAL", "Catalogue", "Comparison", "DEFAULT_BREAKS", "Expression", "Indicator", "IndexResult",
    "IndicatorTable", "InterpolationResult", "ProtectedTable", "TypologyResult", "adjusted_rand_from_contingency",
    "aggregate", "classify", "compare_divisions", "default_catalogue", "default_catalogue_path", "dynamics_index",
    "interpolate", "load_catalogue", "parse_catalogue", "parse_expression", "protect",
    "protect_count_table", "social_index", "standardise", "typology",
]
