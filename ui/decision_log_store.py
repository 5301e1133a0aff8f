"""Where a layer's decision log is stored: with the layer's own data wherever it can be.

- a GeoPackage layer: the table :data:`TABLE` in the same GeoPackage (written by OGR);
- a PostgreSQL/PostGIS layer: the table :data:`TABLE` in the layer's own database and schema,
  so a second project (another planner, the next meeting) that opens the same blocks table
  reads the same log, and with it the same locks (``decision_log.locked_spaces``);
- any other layer (memory, shapefile, ...): a JSON entry in the QGIS project.

Each store has ``read()`` (the rows), ``append(rows)`` (True when written) and ``describe()``
(a translated place name for the message when a write fails). Rows are plain dicts in and
:class:`~sozialraum.ui.decision_log.Decision` values out (``make_row``), so this module does
not depend on the log itself.
"""
from __future__ import annotations

import contextlib
import json
import sqlite3
from pathlib import Path

from qgis.core import (
    QgsDataSourceUri,
    QgsFeature,
    QgsProject,
    QgsProviderRegistry,
    QgsVectorFileWriter,
    QgsVectorLayer,
)

from ..i18n import tr
from ..qgisio.compat import field as make_field

#: the table of decisions next to the blocks (GeoPackage, or the blocks table's schema)
TABLE = "sozialraum_decisions"
#: project scope of the rows of layers outside a GeoPackage or a database
PROJECT_SCOPE = "sozialraum"
#: the columns of the table, their types (anything not named here is text)
NUMERIC = {"number": "int", "blocks": "int", "population": "double"}
_SQL_TYPES = {"int": "integer", "double": "double precision"}


def _plain(value):
    if value is None or (hasattr(value, "isNull") and value.isNull()):
        return None
    return value


def _memory_table(columns, rows):
    """A memory table (no geometry) holding ``rows`` (dicts) in ``columns``."""
    memory = QgsVectorLayer("None", TABLE, "memory")
    memory.dataProvider().addAttributes([make_field(name, NUMERIC.get(name, "string")) for name in columns])
    memory.updateFields()
    features = []
    for row in rows:
        feature = QgsFeature(memory.fields())
        feature.setAttributes([row[name] for name in columns])
        features.append(feature)
    memory.dataProvider().addFeatures(features)
    return memory


def _read_layer(layer, columns, make_row):
    names = [name for name in layer.fields().names() if name in columns]
    return [make_row({name: _plain(feature.attribute(name)) for name in names}) for feature in layer.getFeatures()]


# -- GeoPackage ----------------------------------------------------------------------------
def geopackage_of(layer):
    """The path of the GeoPackage that holds ``layer``, else None."""
    if layer.providerType() != "ogr":
        return None
    parts = QgsProviderRegistry.instance().decodeUri("ogr", layer.source())
    path = parts.get("path") or ""
    return path if path.lower().endswith(".gpkg") and Path(path).is_file() else None


class GeoPackageStore:
    """Rows in the table :data:`TABLE` of a GeoPackage (a table without geometry)."""

    table = TABLE  # a subclass keeps other rows beside them (ui/variant_store.py)

    def __init__(self, path, columns, make_row):
        self.path, self.columns, self.make_row = path, tuple(columns), make_row

    def describe(self):
        return tr("the table '{table}' in {path}").format(table=self.table, path=self.path)

    def _layer(self):
        if not self._has_table():  # asked first: opening a missing table logs "Cannot find layer" (issue 19, 11)
            return None
        layer = QgsVectorLayer(f"{self.path}|layername={self.table}", self.table, "ogr")
        return layer if layer.isValid() else None

    def _has_table(self):
        """True when the GeoPackage lists the decisions table (read from its contents, nothing logged)."""
        try:
            with contextlib.closing(sqlite3.connect(f"file:{self.path}?mode=ro", uri=True)) as connection:
                found = connection.execute("SELECT 1 FROM gpkg_contents WHERE lower(table_name) = lower(?)",
                                           (self.table,)).fetchone()
        except sqlite3.Error:
            return True  # cannot tell: let OGR try
        return found is not None

    def read(self):
        layer = self._layer()
        return [] if layer is None else _read_layer(layer, self.columns, self.make_row)

    def append(self, rows):
        """Append ``rows`` (dicts); True when written."""
        if not rows:
            return True
        memory = _memory_table(self.columns, rows)
        options = QgsVectorFileWriter.SaveVectorOptions()
        options.driverName = "GPKG"
        options.layerName = self.table
        options.fileEncoding = "UTF-8"
        exists = self._layer() is not None
        options.actionOnExistingFile = _writer_enum("ActionOnExistingFile",
                                                    "AppendToLayerNoNewFields" if exists else "CreateOrOverwriteLayer")
        result = QgsVectorFileWriter.writeAsVectorFormatV3(memory, self.path, QgsProject.instance().transformContext(),
                                                           options)
        return result[0] == _writer_enum("WriterError", "NoError")


def _writer_enum(enum, member):
    """A QgsVectorFileWriter enum member, scoped (Qt6) or not (QGIS 3.22)."""
    scoped = getattr(QgsVectorFileWriter, enum, None)
    return getattr(scoped, member) if scoped is not None and hasattr(scoped, member) else getattr(QgsVectorFileWriter, member)


# -- PostgreSQL / PostGIS ------------------------------------------------------------------
def quote_identifier(name):
    return '"' + str(name).replace('"', '""') + '"'


class PostgresStore:
    """Rows in the table :data:`TABLE` in the blocks layer's own database and schema.

    The connection is the layer's (host, port, database, user, service or authentication
    configuration: whatever its data source names), through QGIS' own PostgreSQL provider, so
    nothing beyond QGIS is needed. The table is created on the first write (``IF NOT EXISTS``:
    two projects may write at once); rows are inserted through the provider (one transaction,
    values bound by QGIS, not pasted into SQL).
    """

    table = TABLE

    def __init__(self, layer, columns, make_row):
        source = QgsDataSourceUri(layer.source())
        self.schema = source.schema() or "public"
        self.connection_info = source.connectionInfo(False)
        self.columns, self.make_row = tuple(columns), make_row
        table = QgsDataSourceUri(self.connection_info)
        table.setDataSource(self.schema, self.table, None, "", "fid")
        self.table_uri = table.uri(False)

    def describe(self):
        return tr("the table '{table}' in the database schema '{schema}'").format(table=self.table, schema=self.schema)

    def _connection(self):
        metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
        return metadata.createConnection(self.connection_info, {})

    def _has_table(self):
        try:
            return self._connection().tableExists(self.schema, self.table)
        except Exception:  # noqa: BLE001 - QgsProviderConnectionException: unreachable, no rights
            return False

    def _layer(self):
        layer = QgsVectorLayer(self.table_uri, self.table, "postgres")
        return layer if layer.isValid() else None

    def create_table(self):
        """Create the table when it is missing; True when it exists afterwards."""
        columns = ", ".join(f"{quote_identifier(name)} {_SQL_TYPES.get(NUMERIC.get(name), 'text')}" for name in self.columns)
        sql = (f"CREATE TABLE IF NOT EXISTS {quote_identifier(self.schema)}.{quote_identifier(self.table)} "
               f"(fid serial PRIMARY KEY, {columns})")
        try:
            self._connection().executeSql(sql)
        except Exception:  # noqa: BLE001 - no right to create tables in the schema: the write fails, the caller says so
            return False
        return self._has_table()

    def read(self):
        if not self._has_table():
            return []
        layer = self._layer()
        return [] if layer is None else _read_layer(layer, self.columns, self.make_row)

    def append(self, rows):
        if not rows:
            return True
        if not self._has_table() and not self.create_table():
            return False
        layer = self._layer()
        if layer is None:
            return False
        names = layer.fields().names()
        features = []
        for row in rows:
            feature = QgsFeature(layer.fields())
            for name in self.columns:
                if name in names:
                    feature.setAttribute(name, row[name])
            features.append(feature)
        ok, _added = layer.dataProvider().addFeatures(features)
        return bool(ok)


# -- the project ---------------------------------------------------------------------------
class ProjectStore:
    """Rows in the QGIS project (layers outside a GeoPackage or database): a JSON entry per layer."""

    key_prefix = "decisions"

    def __init__(self, layer_id, make_row):
        self.key = f"{self.key_prefix}/{layer_id}"
        self.make_row = make_row

    def describe(self):
        return tr("the QGIS project (save the project to keep them)")

    def _stored(self):
        text, ok = QgsProject.instance().readEntry(PROJECT_SCOPE, self.key, "")
        if not ok or not text:
            return []
        try:
            values = json.loads(text)
        except ValueError:
            return []
        return [value for value in values if isinstance(value, dict)] if isinstance(values, list) else []

    def read(self):
        return [self.make_row(values) for values in self._stored()]

    def append(self, rows):
        if not rows:
            return True
        stored = self._stored() + [dict(row) for row in rows]
        return bool(QgsProject.instance().writeEntry(PROJECT_SCOPE, self.key, json.dumps(stored, ensure_ascii=False)))

    def remove(self):
        """Remove the layer's entry (its rows moved to the layer's own table)."""
        QgsProject.instance().removeEntry(PROJECT_SCOPE, self.key)


def store_for(layer, columns, make_row):
    """The store of ``layer``'s log: its GeoPackage, its database schema, else the project."""
    path = geopackage_of(layer)
    if path:
        return GeoPackageStore(path, columns, make_row)
    if layer.providerType() == "postgres":
        return PostgresStore(layer, columns, make_row)
    return ProjectStore(layer.id(), make_row)
