"""What a run actually used, read back from an algorithm's parameters: for the report's parameter
table and its ``qgis_process`` command line.

One generic pass over the algorithm's parameter definitions, so a parameter added to an
algorithm appears in its report without anyone remembering to list it.
"""
import os
import re
from dataclasses import dataclass, field

from qgis.core import QgsProcessingFeatureSourceDefinition, QgsProcessingUtils, QgsProperty

from ...i18n import language, tr
from ...presentation.numbers import format_number, is_whole
from ...qgisio import compat

#: qgis_process's word for an output that is not written to a file
TEMPORARY_OUTPUT = "TEMPORARY_OUTPUT"


@dataclass
class UsedParameter:
    name: str
    description: str
    shown: str  # the value as a planner reads it
    command: list = field(default_factory=list)  # values for qgis_process (several for multiple fields/layers)


@dataclass
class RunRecord:
    parameters: list
    #: texts about what the command cannot reproduce (temporary input layers, a selection)
    caveats: list = field(default_factory=list)

    def rows(self):
        return [(p.description, p.shown) for p in self.parameters]

    def arguments(self):
        return [(p.name, value) for p in self.parameters for value in p.command]


def run_record(algorithm, parameters, context, outputs):
    """The :class:`RunRecord` of ``algorithm`` run with ``parameters``; ``outputs``: its result dict."""
    used, caveats = [], []
    for definition in algorithm.parameterDefinitions():
        name, kind = definition.name(), definition.type()
        reader = _READERS.get(kind)
        if reader is None:
            continue
        shown, command = reader(algorithm, definition, parameters, context, outputs, caveats)
        used.append(UsedParameter(name, definition.description(), shown, command))
    return RunRecord(used, caveats)


def _none():
    return tr("(none)")


def _source(algorithm, definition, parameters, context, outputs, caveats):
    value = parameters.get(definition.name())
    layer = algorithm.parameterAsVectorLayer(parameters, definition.name(), context)
    if layer is None and isinstance(value, QgsProcessingFeatureSourceDefinition):
        # "selected features only" comes as a source definition, which parameterAsVectorLayer does
        # not open: the report said "Blocks: (none)" and its command had no --INPUT (an outside check)
        source = value.source.staticValue() if isinstance(value.source, QgsProperty) else value.source
        layer = QgsProcessingUtils.mapLayerFromString(str(source), context)
    if layer is None:
        return _none(), []
    shown = layer_text(layer)
    if isinstance(value, QgsProcessingFeatureSourceDefinition) and value.selectedFeaturesOnly:
        shown += " – " + tr("selected features only")
        caveats.append(tr("Only the selected features of '{layer}' were used; the command uses the whole layer.").format(
            layer=layer.name()))
    return shown, [_layer_source(layer, caveats)]


def _layers(algorithm, definition, parameters, context, outputs, caveats):
    layers = algorithm.parameterAsLayerList(parameters, definition.name(), context) or []
    if not layers:
        return _none(), []
    return ", ".join(layer_text(layer) for layer in layers), [_layer_source(layer, caveats) for layer in layers]


def layer_text(layer):
    """A layer as a planner names it: its name, and the file it comes from when it has one, with the
    layer inside the file when that is not the name already (headless runs name a layer of a
    GeoPackage after the file: "neustadt" for "neustadt.gpkg|layername=baubloecke", an outside check)."""
    path = _file_of(layer)
    if not path:
        return layer.name()
    inner = _layer_in_file(layer.source())
    if inner and inner != layer.name():
        return f"{layer.name()} ({path}, " + tr("layer {name}").format(name=inner) + ")"
    return f"{layer.name()} ({path})"


def _layer_in_file(source):
    """The ``layername=`` part of an OGR source, or None."""
    for part in source.split("|")[1:]:
        if part.startswith("layername="):
            return part[len("layername="):]
    return None


def _file_of(layer):
    path = layer.source().split("|")[0]
    return path if layer.providerType() == "ogr" and os.path.exists(path) else None


def _layer_source(layer, caveats):
    if layer.providerType() == "memory" or not layer.source():
        caveats.append(tr("'{layer}' is a temporary layer: save it to a file and put its path into the command.").format(
            layer=layer.name()))
        return layer.name()
    if layer.providerType() != "ogr":
        # qgis_process reads "dbname=... table=..." as a file name: a database layer needs its
        # provider in front (postgres://...), an outside check found the command failing without it
        return f"{layer.providerType()}://{layer.source()}"
    return layer.source()


def _destination(dest):
    """An output as qgis_process takes it as a destination.

    "out.gpkg|layername=spaces" is how QGIS names a layer it wrote, but as a destination
    qgis_process creates a file of that very name; it wants ogr:dbname='out.gpkg' table="spaces".
    """
    path, _, rest = dest.partition("|")
    if rest.startswith("layername="):
        layer_name = rest[len("layername="):].split("|")[0]
        return f"ogr:dbname='{path}' table=\"{layer_name}\" (geom)"
    return dest


def _fields(algorithm, definition, parameters, context, outputs, caveats):
    if definition.allowMultiple():
        names = compat.parameter_as_fields(algorithm, parameters, definition.name(), context) or []
    else:
        name = algorithm.parameterAsString(parameters, definition.name(), context)
        names = [name] if name else []
    return (", ".join(names) if names else _none()), names


def _number(algorithm, definition, parameters, context, outputs, caveats):
    if definition.dataType() == compat.NUMBER_INTEGER:
        value = algorithm.parameterAsInt(parameters, definition.name(), context)
        return format_number(value, 0, language()), [str(value)]
    value = algorithm.parameterAsDouble(parameters, definition.name(), context)
    places = next((n for n in range(5) if round(value, n) == value), 4)  # 0.25 as typed, not 0.2500
    return format_number(value, places, language()), [f"{value:g}" if is_whole(value) else repr(value)]


def _boolean(algorithm, definition, parameters, context, outputs, caveats):
    value = algorithm.parameterAsBoolean(parameters, definition.name(), context)
    return (tr("yes") if value else tr("no")), ["true" if value else "false"]


def _enum(algorithm, definition, parameters, context, outputs, caveats):
    index = algorithm.parameterAsEnum(parameters, definition.name(), context)
    options = definition.options()
    return (options[index] if 0 <= index < len(options) else str(index)), [str(index)]


def _string(algorithm, definition, parameters, context, outputs, caveats):
    value = algorithm.parameterAsString(parameters, definition.name(), context)
    return (value if value else _none()), ([value] if value else [])


def _output(algorithm, definition, parameters, context, outputs, caveats):
    """A layer or file output: the file written, else a temporary layer."""
    dest = outputs.get(definition.name())
    if isinstance(dest, str) and dest and os.path.exists(dest.split("|")[0]):
        return dest, [_destination(dest)]
    if isinstance(dest, str) and re.match(r"^[a-z]+://", dest):  # a database table (postgres://...)
        return dest, [dest]
    if isinstance(dest, str) and "dbname=" in dest and "table=" in dest:
        return dest, [f"postgres://{dest}"]
    if definition.type() == "fileDestination":
        return (dest or _none()), ([dest] if dest else [])
    if not dest and definition.flags() & compat.PARAMETER_OPTIONAL:
        # an optional output not asked for stays out of the command: asking for the certainty layer
        # switches the certainty runs on (an outside check: the "repeat" took 7 times as long)
        return _none(), []
    return tr("temporary layer"), [TEMPORARY_OUTPUT]


_READERS = {
    "source": _source,
    "vector": _source,
    "multilayer": _layers,
    "field": _fields,
    "number": _number,
    "distance": _number,
    "boolean": _boolean,
    "enum": _enum,
    "string": _string,
    "sink": _output,
    "vectorDestination": _output,
    "fileDestination": _output,
}
