"""Where a layer's variants are stored: beside its decision log, in the same place.

- a GeoPackage layer: the table :data:`TABLE` (``sozialraum_variants``) in the same GeoPackage;
- a PostgreSQL/PostGIS layer: the table :data:`TABLE` in the layer's own database and schema
  (a second project on the same blocks table lists the same variants);
- any other layer (memory, shapefile, ...): a JSON entry ``variants/<layer id>`` under the
  project scope ``sozialraum`` (kept when the project is saved).

ONE row per variant (:class:`Variant`): its name, author, time, note, the blocks table and space
field it was saved from, the number of blocks, and the whole division as one compact text
(``engine/consultation/variants.py``: spaces with their block-id ranges). Saving and deleting write at once:
a variant is a snapshot the planner asks for by name, not an edit of the blocks layer, so it does
not wait for the layer's edits to be saved (the division it holds is the one shown, saved or not).
The GeoPackage and database stores are those of the decision log with another table
(``ui/decision_log_store.py``), plus :meth:`remove`.
"""
from __future__ import annotations

import json
import uuid
from dataclasses import asdict, dataclass, fields

from qgis.core import QgsDataSourceUri, QgsFeatureRequest, QgsProject, QgsProviderRegistry

from .decision_log_store import PROJECT_SCOPE, GeoPackageStore, PostgresStore, ProjectStore, geopackage_of

TABLE = "sozialraum_variants"


@dataclass(frozen=True)
class Variant:
    """One saved variant (plain values: stored as it is); ``division``: the text of ``engine/consultation/variants.py``."""

    id: str
    name: str
    author: str
    time: str
    note: str
    blocks_table: str  # the blocks layer's table (a GeoPackage or schema may hold several)
    space_field: str
    blocks: int
    division: str

    @classmethod
    def from_mapping(cls, values):
        return cls(id=str(values.get("id") or uuid.uuid4().hex), name=str(values.get("name") or ""),
                   author=str(values.get("author") or ""), time=str(values.get("time") or ""),
                   note=str(values.get("note") or ""), blocks_table=str(values.get("blocks_table") or ""),
                   space_field=str(values.get("space_field") or ""), blocks=int(values.get("blocks") or 0),
                   division=str(values.get("division") or ""))


COLUMNS = tuple(field.name for field in fields(Variant))


def _remove_from(layer, ids):
    """Delete the features of ``layer`` whose ``id`` is one of ``ids``; True when done."""
    if layer is None:
        return False
    wanted = set(ids)
    request = QgsFeatureRequest().setSubsetOfAttributes(["id"], layer.fields())
    found = [feature.id() for feature in layer.getFeatures(request) if feature["id"] in wanted]
    return not found or bool(layer.dataProvider().deleteFeatures(found))


class GeoPackageVariants(GeoPackageStore):
    table = TABLE

    def remove(self, ids):
        return _remove_from(self._layer(), ids)


class PostgresVariants(PostgresStore):
    table = TABLE

    def remove(self, ids):
        return _remove_from(self._layer() if self._has_table() else None, ids)


class ProjectVariants(ProjectStore):
    key_prefix = "variants"

    def remove(self, ids):
        kept = [values for values in self._stored() if values.get("id") not in set(ids)]
        return bool(QgsProject.instance().writeEntry(PROJECT_SCOPE, self.key, json.dumps(kept, ensure_ascii=False)))


def blocks_table(layer):
    """The name of ``layer``'s table in its GeoPackage or database ('' for other layers)."""
    if geopackage_of(layer):
        return QgsProviderRegistry.instance().decodeUri("ogr", layer.source()).get("layerName") or ""
    if layer.providerType() == "postgres":
        return QgsDataSourceUri(layer.source()).table()
    return ""


class VariantStore:
    """The variants of one blocks layer: listed, added, removed (each write at once)."""

    def __init__(self, layer):
        path = geopackage_of(layer)
        if path:
            self._store = GeoPackageVariants(path, COLUMNS, Variant.from_mapping)
        elif layer.providerType() == "postgres":
            self._store = PostgresVariants(layer, COLUMNS, Variant.from_mapping)
        else:
            self._store = ProjectVariants(layer.id(), Variant.from_mapping)
        self.blocks_table = blocks_table(layer)

    def describe(self):
        return self._store.describe()

    def variants(self):
        """The layer's variants, oldest first (those of other tables in the same GeoPackage or schema left out)."""
        found = [variant for variant in self._store.read() if variant.blocks_table == self.blocks_table]
        return sorted(found, key=lambda variant: variant.time)

    def add(self, variant):
        """Store ``variant``; True when written."""
        return self._store.append([asdict(variant)])

    def remove(self, variant_id):
        """Delete the variant with this id; True when done (also when it was gone already)."""
        return self._store.remove([variant_id])


__all__ = ["TABLE", "Variant", "VariantStore"]
