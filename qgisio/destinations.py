"""Where a run will write, checked before it computes anything; what it wrote, removed when it stops.

Every Sozialraum algorithm goes through :func:`prepare` (called by the base class before
``processAlgorithm``), so no algorithm needs its own copy of these rules:

- no destination (feature sink, report, export, PDF, PNG folder) may be a file that holds an
  input (a layer of INPUT, BARRIERS, SPACES ..., the catalogue file). QGIS's sink replaces a
  whole file -- a GeoPackage with all its layers -- when the sink is created, so this check
  must come before any ``parameterAsSink``. QGIS's own way to add a layer to an existing
  GeoPackage, ``ogr:dbname='town.gpkg' table="spaces" (geom)``, is allowed unless the layer
  named is itself an input;
- no two destinations may be the same file (the second would replace the first);
- every destination folder must exist (PNG folders: be creatable) and take a file;
- :meth:`RunFiles.remove_written` removes what a stopped run wrote: files that did not exist
  or have changed since the start, layers added to an existing GeoPackage.
"""
import contextlib
import os
import re
import sqlite3
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from qgis.core import (
    QgsDataSourceUri,
    QgsMapLayer,
    QgsProcessingException,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingUtils,
    QgsProperty,
    QgsProviderRegistry,
)

from ..i18n import tr

#: the files of one shapefile: a sink "blocks.shp" rewrites all of them
SHAPEFILE_PARTS = (".shp", ".shx", ".dbf", ".prj", ".cpg", ".qix", ".sbn", ".sbx", ".qmd", ".shp.xml")
#: formats that hold several layers, so that a new layer can be added beside the inputs
MULTI_LAYER = (".gpkg", ".sqlite", ".db")
#: files SQLite keeps beside a GeoPackage while writing
SQLITE_COMPANIONS = ("-journal", "-wal", "-shm")
SOURCE_TYPES = ("source", "vector", "layer", "raster", "multilayer", "file", "mesh", "pointcloud")
SINK_TYPES = ("sink", "vectorDestination")


@dataclass(frozen=True)
class Input:
    parameter: str  # "Blocks (INPUT)"
    path: Path
    layer: str = None  # the layer in a multi-layer file; None: the file is the input


@dataclass(frozen=True)
class Destination:
    parameter: str
    path: Path
    layer: str = None  # a layer added to an existing file (ogr:dbname=... table=...); None: the whole file
    kind: str = "file"  # "sink", "file" (written by the plugin) or "folder"
    name: str = ""  # the parameter's name, e.g. OUTPUT_SPACES
    layer_suggestion: str = "result"  # a layer name for the result, from the parameter's description
    extensions: tuple = ()  # of a file output: the endings its file filter offers ("pdf",)


def resolved(path):
    """An absolute path with symbolic links, '..' and the working folder resolved (as the OS opens it)."""
    return Path(os.path.abspath(os.path.expanduser(str(path)))).resolve()


def same_file(a, b):
    if a == b or os.path.normcase(str(a)) == os.path.normcase(str(b)):
        return True
    try:
        return os.path.samefile(a, b)  # hard links, case-insensitive file systems
    except OSError:
        return False


def occupied(path):
    """The files writing ``path`` touches: all parts of a shapefile, else the file itself."""
    text = str(path).lower()
    for suffix in SHAPEFILE_PARTS:
        if text.endswith(suffix):
            stem = str(path)[: -len(suffix)]
            return [Path(stem + part) for part in SHAPEFILE_PARTS]
    return [path]


def overlaps(a, b):
    return any(same_file(x, y) for x in occupied(a) for y in occupied(b))


def _label(definition):
    return f"'{definition.description()}' ({definition.name()})"


# -- inputs ---------------------------------------------------------------------------------
def _layer_place(layer):
    """(path, layer name) of a layer stored in a file; None for memory, database and web layers."""
    if layer is None:
        return None
    parts = QgsProviderRegistry.instance().decodeUri(layer.providerType(), layer.source())
    path = parts.get("path")
    if not path or not isinstance(path, str):
        return None
    name = parts.get("layerName")
    name = name if isinstance(name, str) and name else None
    path = resolved(path)
    if name is None and path.suffix.lower() in MULTI_LAYER:
        name = _first_layer_name(path)  # "town.gpkg" alone opens its first layer
    return path, name


def _first_layer_name(path):
    try:
        from osgeo import ogr

        data = ogr.Open(str(path))
        return data.GetLayer(0).GetName() if data is not None and data.GetLayerCount() else None
    except Exception:  # noqa: BLE001 - no name: the whole file counts as input
        return None


def _value_layer(value, context):
    if isinstance(value, QgsProcessingFeatureSourceDefinition):
        value = value.source
    if isinstance(value, QgsProperty):
        value = value.staticValue()
    if isinstance(value, QgsMapLayer):
        return value
    if isinstance(value, str) and value:
        return QgsProcessingUtils.mapLayerFromString(value, context)
    return None


def output_layer(algorithm, parameters, name, context):
    """What ``parameterAsOutputLayer`` says the output ``name`` is, without its side effect: it also
    registers the text as a layer to load when the run ends. For a temporary output that text
    ("memory:Social spaces") is not the layer the sink creates later, so QGIS ended every run from
    the dialog with "The following layers were not correctly generated" (an outside check)."""
    before = context.layersToLoadOnCompletion()
    text = algorithm.parameterAsOutputLayer(parameters, name, context)
    context.setLayersToLoadOnCompletion(before)
    return text


def output_requested(algorithm, parameters, name, context):
    """Whether the optional layer output ``name`` was asked for. The batch dialog passes an empty
    cell as an output definition with an empty sink, which is not None: a run then computed the
    output and failed creating it (an outside check: every row of a batch failed)."""
    return bool(output_layer(algorithm, parameters, name, context))


def inputs(algorithm, parameters, context):
    """Every file an input parameter reads: layers (by path, id or object) and plain files."""
    found = []
    for definition in algorithm.parameterDefinitions():
        kind = definition.type()
        if definition.isDestination() or kind not in SOURCE_TYPES:
            continue
        value = parameters.get(definition.name())
        if value is None:
            continue
        if kind == "file":
            path = algorithm.parameterAsFile(parameters, definition.name(), context)
            if path:
                found.append(Input(_label(definition), resolved(path)))
            continue
        values = value if isinstance(value, (list, tuple)) else [value]
        for item in values:
            place = _layer_place(_value_layer(item, context))
            if place is not None:
                found.append(Input(_label(definition), *place))
    return found


# -- destinations ---------------------------------------------------------------------------
def destinations(algorithm, parameters, context):
    """Every file or folder the run will write, as QGIS will name it."""
    found = []
    for definition in algorithm.destinationParameterDefinitions():
        name, kind = definition.name(), definition.type()
        if kind in SINK_TYPES:
            text = output_layer(algorithm, parameters, name, context)
            place = _sink_place(text, definition)
            if place is not None:
                found.append(Destination(_label(definition), *place, kind="sink", name=name,
                                         layer_suggestion=_slug(definition.description())))
        elif kind == "fileDestination":
            text = algorithm.parameterAsFileOutput(parameters, name, context)
            if text:
                extensions = tuple(dict.fromkeys(e.lower() for e in re.findall(r"\*\.(\w+)", definition.fileFilter())))
                found.append(Destination(_label(definition), resolved(text), name=name, extensions=extensions))
        elif kind == "folderDestination":
            text = algorithm.parameterAsString(parameters, name, context)
            if text and text != "TEMPORARY_OUTPUT":
                found.append(Destination(_label(definition), resolved(text), kind="folder", name=name))
    return found


def _slug(text):
    return re.sub(r"\W+", "_", text.lower()).strip("_") or "result"


def _sink_place(text, definition):
    """(path, layer) a sink destination writes; None for memory layers and databases."""
    if not text or text.startswith("memory:"):
        return None
    provider, _, rest = text.partition(":")
    if provider in ("ogr", "spatialite") and rest and len(provider) > 1:
        uri = QgsDataSourceUri(rest)
        return (resolved(uri.database()), uri.table() or None) if uri.database() else None
    if provider in ("postgres", "postgis", "mssql", "oracle", "hana") and rest:
        return None
    path = Path(text)
    if not path.suffix:  # QGIS adds the default extension
        path = Path(f"{text}.{definition.defaultFileExtension()}")
    return resolved(path), None


# -- the checks -----------------------------------------------------------------------------
def conflicts(found_inputs, found_destinations):
    """Messages for destinations that would destroy an input or another destination."""
    messages = []
    for destination in found_destinations:
        for source in found_inputs:
            message = _input_conflict(destination, source)
            if message:
                messages.append(message)
                break
    for index, first in enumerate(found_destinations):
        for second in found_destinations[index + 1:]:
            if overlaps(first.path, second.path) and (first.layer is None or second.layer is None
                                                      or first.layer.lower() == second.layer.lower()):
                messages.append(tr("{first} and {second} would both be written to {file}; the second would replace the "
                                   "first. Choose different files.").format(first=first.parameter, second=second.parameter,
                                                                             file=first.path))
    return messages


def _input_conflict(destination, source):
    if destination.kind == "folder":
        if same_file(destination.path, source.path):
            return tr("{output} would be written into {file}, which is the input {input}. Choose another folder.").format(
                output=destination.parameter, file=source.path, input=source.parameter)
        return None
    if not overlaps(destination.path, source.path):
        return None
    if destination.layer is not None:
        if source.layer is not None and source.layer.lower() != destination.layer.lower():
            return None  # a new layer beside the input in the same GeoPackage
        return tr("{output} would overwrite the layer '{layer}' in {file}, read by {input}. Choose another "
                  "layer name.").format(output=destination.parameter, layer=destination.layer, file=destination.path,
                                        input=source.parameter)
    if source.layer is None:
        message = tr("{output} would overwrite the input file {file}, read by {input}.").format(
            output=destination.parameter, file=source.path, input=source.parameter)
    else:
        message = tr("{output} would replace the file {file}, and with it the input layer '{layer}' read by {input}.").format(
            output=destination.parameter, file=source.path, layer=source.layer, input=source.parameter)
    if destination.kind == "sink" and destination.path.suffix.lower() in MULTI_LAYER:
        suggestion = f"ogr:dbname='{destination.path}' table=\"{destination.layer_suggestion}\" (geom)"
        return message + " " + tr("Choose another file, or add the result to the GeoPackage as a new layer: {destination}").format(
            destination=suggestion)
    return message + " " + tr("Choose another file.")


def foreign_file(destination):
    """Why writing ``destination`` would replace a file of another kind, or None: an existing file
    whose ending is not one the output writes (an outside check: a profile PDF named like a GeoPackage
    of the project replaced it, with every layer in it)."""
    path = destination.path
    if destination.kind != "file" or not destination.extensions or not path.is_file():
        return None
    if path.suffix.lower().lstrip(".") in destination.extensions:
        return None
    return tr("{output} would replace the existing file {file}, which is not a {kind} file. Choose a file name ending "
              "in .{extension}.").format(output=destination.parameter, file=path,
                                         kind="/".join(e.upper() for e in destination.extensions),
                                         extension=destination.extensions[0])


def unwritable(destination):
    """Why ``destination`` cannot be written, or None."""
    path = destination.path
    if destination.kind == "folder":
        if path.exists() and not path.is_dir():
            return tr("Cannot write {file}: it is a file, not a folder.").format(file=path)
        folder = path
        while not folder.exists() and folder != folder.parent:
            folder = folder.parent  # the PNG folder itself is created by the run
    else:
        if path.is_dir():
            return tr("Cannot write {file}: it is a folder.").format(file=path)
        folder = path.parent
        if not folder.exists():
            return tr("Cannot write {file}: the folder {folder} does not exist.").format(file=path, folder=folder)
    if not folder.is_dir():
        return tr("Cannot write {file}: {folder} is a file, not a folder.").format(file=path, folder=folder)
    try:  # the only test that tells the truth (read-only mounts, quotas, ACLs, running as root)
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".sozialraum-", suffix=".probe"):
            pass
    except OSError as error:
        return tr("Cannot write {file}: {error}").format(file=path, error=error.strerror or error)
    return None


def prepare(algorithm, parameters, context):
    """Check every destination of a run; the :class:`RunFiles` to clean up after a stop.

    Raises QgsProcessingException naming the file (and the layer that would be lost).
    """
    messages = database_conflicts(algorithm, parameters, context)
    found_destinations = destinations(algorithm, parameters, context)
    if not found_destinations and not messages:
        return RunFiles([])
    messages += conflicts(inputs(algorithm, parameters, context), found_destinations)
    messages += [m for m in (foreign_file(d) for d in found_destinations) if m]
    messages += [m for m in (unwritable(d) for d in found_destinations) if m]
    if messages:
        raise QgsProcessingException("\n".join(dict.fromkeys(messages)))
    return RunFiles(found_destinations)


# -- database tables ------------------------------------------------------------------------
DATABASE_PROVIDERS = ("postgres", "postgis")


def _table_key(uri):
    """(server, database, schema, table) of a PostgreSQL data source, names as the URIs spell them."""
    server = ("service", uri.service()) if uri.service() else ("host", uri.host() or "localhost", uri.port() or "5432")
    return server, uri.database(), uri.schema() or "public", uri.table()


def _database_destination(text):
    provider, separator, rest = (text or "").partition(":")
    if provider not in DATABASE_PROVIDERS or not separator:
        return None
    uri = QgsDataSourceUri(rest[2:] if rest.startswith("//") else rest)
    return uri if uri.table() else None


def database_conflicts(algorithm, parameters, context):
    """Messages for PostgreSQL destinations that are an input table: QGIS drops and recreates the
    table when the sink is created (an outside check: the blocks table was replaced without a word)."""
    tables = []
    for definition in algorithm.parameterDefinitions():
        if definition.isDestination() or definition.type() not in SOURCE_TYPES or definition.type() == "file":
            continue
        value = parameters.get(definition.name())
        for item in (value if isinstance(value, (list, tuple)) else [value] if value is not None else []):
            layer = _value_layer(item, context)
            if layer is not None and layer.providerType() == "postgres":
                tables.append((_label(definition), _table_key(QgsDataSourceUri(layer.source()))))
    messages = []
    for definition in algorithm.destinationParameterDefinitions():
        if definition.type() not in SINK_TYPES:
            continue
        uri = _database_destination(output_layer(algorithm, parameters, definition.name(), context))
        if uri is None:
            continue
        key = _table_key(uri)
        for label, table in tables:
            if table == key:
                messages.append(tr("{output} would replace the table {schema}.{table} of the database {database}, read by "
                                   "{input}. Choose another table name.").format(
                    output=_label(definition), schema=key[2], table=key[3], database=key[1], input=label))
                break
    return messages


# -- after a stop ---------------------------------------------------------------------------
def _signature(path):
    try:
        stat = path.stat()
    except OSError:
        return None
    return stat.st_ino, stat.st_size, stat.st_mtime_ns


def _layer_names(path):
    """{layer name in lower case: when it was last written} of a GeoPackage (None where unknown)."""
    try:
        from osgeo import ogr

        data = ogr.Open(str(path))
        names = {data.GetLayer(i).GetName().lower() for i in range(data.GetLayerCount())} if data is not None else set()
    except Exception:  # noqa: BLE001
        return {}
    changes = {}
    with contextlib.suppress(sqlite3.Error):
        with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as db:
            changes = {str(name).lower(): stamp for name, stamp in db.execute("SELECT table_name, last_change FROM gpkg_contents")}
    return {name: changes.get(name) for name in names}


@dataclass
class RunFiles:
    """The state of the destinations at the start of a run."""

    destinations: list
    before: dict = field(default_factory=dict)
    replaced: list = field(default_factory=list)

    def __post_init__(self):
        for destination in self.destinations:
            if destination.kind == "folder":
                files = set(destination.path.iterdir()) if destination.path.is_dir() else None
                self.before[destination] = files
            elif destination.layer is not None:
                self.before[destination] = _layer_names(destination.path) if destination.path.exists() else None
            else:
                self.before[destination] = {part: _signature(part) for part in occupied(destination.path)}

    def remove_written(self):
        """Remove what the run wrote; the paths removed (as text). Layers that were there before and
        that the run has already replaced cannot be restored: :attr:`replaced` names them."""
        removed, self.replaced = [], []
        for destination in self.destinations:
            before = self.before.get(destination)
            with contextlib.suppress(OSError):
                if destination.kind == "folder":
                    removed += self._folder(destination.path, before)
                elif destination.layer is not None:
                    removed += self._layer(destination, before, self.replaced)
                else:
                    removed += self._files(destination.path, before)
        return removed

    @staticmethod
    def _files(path, before):
        removed = []
        for part in occupied(path):
            if part.is_file() and _signature(part) != before.get(part):
                part.unlink()
                removed.append(str(part))
                for companion in SQLITE_COMPANIONS:
                    Path(str(part) + companion).unlink(missing_ok=True)
        return removed

    @staticmethod
    def _layer(destination, before, replaced):
        path = destination.path
        if before is None:  # the run created the file
            return RunFiles._files(path, {})
        name = destination.layer.lower()
        if name in before:  # a layer that was there: not ours to drop; say so when the run has replaced it
            stamp = _layer_names(path).get(name)
            if stamp != before[name]:
                replaced.append(f"{path} ({destination.layer})")
            return []
        from osgeo import ogr

        data = ogr.Open(str(path), 1)
        if data is None:
            return []
        for index in range(data.GetLayerCount()):
            if data.GetLayer(index).GetName().lower() == destination.layer.lower():
                data.DeleteLayer(index)
                data = None
                return [f"{path} ({destination.layer})"]
        return []

    @staticmethod
    def _folder(path, before):
        if not path.is_dir():
            return []
        removed = []
        for item in path.iterdir():
            if before is None or item not in before:
                if item.is_file():
                    item.unlink()
                    removed.append(str(item))
        if before is None and not any(path.iterdir()):
            path.rmdir()
            removed.append(str(path))
        return removed
