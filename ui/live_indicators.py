"""Key catalogue indicators per space for the live spaces layer (issue 11, item 6).

When the blocks layer holds the fields of the bundled catalogue (``resources/catalogues``),
the live layer shows the catalogue's *key* indicators: those that say something about need
(``higher_is`` worse or better, e.g. the SGB II rate, unemployment, child poverty), at most
:data:`KEY_LIMIT`, and only those whose fields the layer has. They are computed the way the
indicator algorithms compute them (engine/indicators/aggregate.py: numerators and
denominators summed over the space's blocks, then divided — never averaged percentages),
for the affected spaces only.

The blocks' fields are read once when the live layer is made; the consultation changes only
which space a block belongs to.
"""
from __future__ import annotations

import numpy as np
import pandas as pd
from qgis.core import QgsFeatureRequest

from ..engine.errors import SozialraumError
from ..engine.indicators.aggregate import group_sums, indicators_from_sums, prepare_blocks
from ..engine.indicators.catalogue import AREA_FIELD, default_catalogue
from ..i18n import language
from ..qgisio.layer_io import plain
from .compat import NO_GEOMETRY

#: the live layer shows at most this many catalogue indicators (labels and attribute table stay readable)
KEY_LIMIT = 6


def field_name(indicator_id):
    return f"ind_{indicator_id}"


class LiveIndicators:
    """The key indicators of a catalogue for any group of blocks (rows in the session's block order)."""

    def __init__(self, catalogue, data):
        self.catalogue, self._data = catalogue, data

    @classmethod
    def for_layer(cls, layer, block_ids, catalogue=None):
        """The key indicators the layer's fields allow, or None (no catalogue field in the layer)."""
        try:
            catalogue = default_catalogue() if catalogue is None else catalogue
        except (OSError, SozialraumError):
            return None
        names = set(layer.fields().names())
        key = [indicator.id for indicator in catalogue if indicator.higher_is != "neutral"
               and all(name in names and name != AREA_FIELD for name in indicator.fields)][:KEY_LIMIT]
        if not key:
            return None
        catalogue = catalogue.select(key)
        fields = catalogue.fields()
        position = {block: row for row, block in enumerate(block_ids)}
        columns = {name: np.full(len(block_ids), np.nan) for name in fields}
        indices = [layer.fields().indexFromName(name) for name in fields]
        request = QgsFeatureRequest().setFlags(NO_GEOMETRY).setSubsetOfAttributes(indices)
        for feature in layer.getFeatures(request):
            row = position.get(feature.id())
            if row is None:
                continue
            for name, index in zip(fields, indices):
                value = plain(feature.attribute(index))
                try:
                    columns[name][row] = float(value)
                except (TypeError, ValueError):
                    pass  # NULL or text: the indicators that read it are NULL for the space, as in aggregate
        try:
            data = prepare_blocks(pd.DataFrame(columns), catalogue)
        except SozialraumError:  # e.g. a negative count: the indicator algorithms name it, here we show none
            return None
        return cls(catalogue, data)

    @property
    def ids(self):
        return self.catalogue.ids

    def labels(self):
        """Field name -> the indicator's label in the user's language (the live layer's aliases)."""
        lang = language()
        return {field_name(indicator.id): indicator.label(lang) for indicator in self.catalogue}

    def values(self, groups):
        """One list of indicator values (None: NULL) per group of block rows."""
        if not groups:
            return []
        rows = np.concatenate([np.asarray(group, dtype=np.int64) for group in groups])
        codes = np.concatenate([np.full(len(group), k, dtype=np.int64) for k, group in enumerate(groups)])
        sums, nulls = group_sums(self._data.matrix[rows], codes, len(groups))
        values, _, _, _ = indicators_from_sums(self.catalogue, self._data.columns, sums, nulls, pd.RangeIndex(len(groups)))
        return [[None if np.isnan(v) else float(v) for v in row] for row in values.to_numpy(dtype=float)]
