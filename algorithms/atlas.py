"""sozialraum:atlas — a web atlas of the social spaces: one folder with index.html, no server, no network."""
import time

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterField,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorLayer,
)

from ..engine.errors import format_values
from ..i18n import language
from ..presentation.numbers import format_number
from ..qgisio import compat
from ..qgisio.layer_io import plain, transformed_features
from .base import SozialraumAlgorithm
from .indicator_blocks import visible
from .indicator_parameters import (
    add_catalogue_parameter,
    add_language_parameter,
    add_spaces_with_indicators,
    class_breaks,
    language_parameter,
    load_catalogue_parameter,
)
from .profiles import ProfilesAlgorithm
from .reports import atlas_texts
from .reports.atlas_data import (
    LANGUAGES,
    AtlasError,
    build_atlas,
    check_unique,
    feature_collection,
    folder_size,
    screen_geometry,
    write_atlas,
)

WGS84 = "EPSG:4326"


class AtlasAlgorithm(SozialraumAlgorithm):
    GROUP = "indicators"
    ALGORITHM_NAME = "atlas"
    ICON = "sozialraum.svg"

    INPUT = "INPUT"
    ID_FIELD = "ID_FIELD"
    NAME_FIELD = "NAME_FIELD"
    BLOCKS = "BLOCKS"
    BARRIERS = "BARRIERS"
    CATALOGUE = "CATALOGUE"
    NULL_AS_ZERO = "NULL_AS_ZERO"
    INDEX_FIELD = "INDEX_FIELD"
    CLASS_FIELD = "CLASS_FIELD"
    TYPE_FIELD = "TYPE_FIELD"
    BREAKS = "BREAKS"
    LANGUAGE = "LANGUAGE"
    TITLE = "TITLE"
    TOLERANCE = "TOLERANCE"
    BASEMAP_URL = "BASEMAP_URL"
    BASEMAP_ATTRIBUTION = "BASEMAP_ATTRIBUTION"
    COMMENTS = "COMMENTS"
    OUTPUT = "OUTPUT"

    # The spaces and the municipal values are read as for the PDF profile sheet, so that the atlas and
    # the PDF show the same numbers, the same "." and the same municipal column.
    _read_spaces = ProfilesAlgorithm._read_spaces
    _column = ProfilesAlgorithm._column
    _municipal = ProfilesAlgorithm._municipal
    _check_catalogue = ProfilesAlgorithm._check_catalogue

    def displayName(self):  # noqa: N802
        return self.tr("Web atlas of the social spaces")

    def shortHelpString(self):  # noqa: N802
        return self.tr(
            "Writes a web atlas for people without QGIS: one folder with index.html that opens in any browser, "
            "from the file system (a USB stick, a network drive, an e-mail attachment unpacked) or from any web "
            "server, and loads nothing from the internet. It shows the spaces as a map of any indicator of the "
            "catalogue (classes as in the social index: standard deviations from the mean of the spaces, with a "
            "legend and the municipal value), the profile of a space when it is clicked (the content of the PDF "
            "profile sheet: indicators beside the municipal value and the difference, the age structure, the "
            "index class and type), a searchable table of all spaces and a print view of one profile. German and "
            "English can be switched in the page. Suppressed values are shown as '.'.\n\n"
            "Parameters: Spaces with indicators: the output of 'Push indicators to spaces' or of 'Social index and "
            "types'. Blocks (optional): give the municipal values (summed over all blocks, as in the profiles) and "
            "are drawn as a layer that can be switched on. Barriers (optional): drawn as lines. Index, class and "
            "type fields: as written by 'Social index and types'; left out when the layer has none. Simplify: "
            "outlines are simplified by this many metres (0: not at all); the atlas of the sample town stays well "
            "under 3 MB. Background map (optional): a tile URL such as https://tile.example.org/{z}/{x}/{y}.png; "
            "without one the atlas needs no network. Expert comments: each profile gets a comment box; the "
            "comments are downloaded as one small JSON file to send to the planning office.\n\n"
            "Example (sample town, after 'make demo'): Spaces with indicators = demo/social_index.gpkg, id field "
            "space_id, blocks = demo/spaces_blocks.gpkg, output folder demo/atlas: open demo/atlas/index.html."
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        add = self.addParameter
        add_spaces_with_indicators(self, self.tr("Blocks (municipal values and a map layer)"))
        add(QgsProcessingParameterVectorLayer(self.BARRIERS, self.tr("Barriers (lines)"), [compat.SOURCE_LINE],
                                              optional=True))
        add_catalogue_parameter(self, self.CATALOGUE)
        # as in the run that pushed the indicators to the spaces, or the municipal column of a field
        # with NULLs reads "x" beside the spaces' values (an outside check)
        add(QgsProcessingParameterBoolean(self.NULL_AS_ZERO, self.tr("Read NULL values of the blocks as 0 "
                                                                  "(municipal values)"), defaultValue=False))
        add(QgsProcessingParameterField(self.INDEX_FIELD, self.tr("Social index field"), defaultValue="si_index",
                                        parentLayerParameterName=self.INPUT, type=compat.FIELD_ANY, optional=True))
        add(QgsProcessingParameterField(self.CLASS_FIELD, self.tr("Index class field"), defaultValue="si_label",
                                        parentLayerParameterName=self.INPUT, type=compat.FIELD_ANY, optional=True))
        add(QgsProcessingParameterField(self.TYPE_FIELD, self.tr("Type field"), defaultValue="space_type",
                                        parentLayerParameterName=self.INPUT, type=compat.FIELD_ANY, optional=True))
        add(QgsProcessingParameterString(self.BREAKS, self.tr("Class breaks (standard deviations, as in the social index)"),
                                         defaultValue="-1,1,1.5"))
        add_language_parameter(self, self.LANGUAGE)
        add(QgsProcessingParameterString(self.TITLE, self.tr("Name of the municipality (shown before 'Social space atlas')"),
                                         optional=True))
        add(QgsProcessingParameterNumber(self.TOLERANCE, self.tr("Simplify the outlines by (m)"),
                                         type=compat.NUMBER_DOUBLE, defaultValue=3.0, minValue=0.0, maxValue=500.0))
        add(QgsProcessingParameterString(self.BASEMAP_URL, self.tr("Background map tile URL (needs the network)"),
                                         optional=True))
        add(QgsProcessingParameterString(self.BASEMAP_ATTRIBUTION, self.tr("Attribution of the background map"),
                                         optional=True))
        add(QgsProcessingParameterBoolean(self.COMMENTS, self.tr("Expert comments (a comment box per space)"),
                                          defaultValue=False))
        add(QgsProcessingParameterFolderDestination(self.OUTPUT, self.tr("Atlas folder")))
        self.addOutput(QgsProcessingOutputString("INDEX_HTML", self.tr("Start page of the atlas")))
        self.addOutput(QgsProcessingOutputNumber("N_SPACES", self.tr("Number of spaces")))
        self.addOutput(QgsProcessingOutputNumber("SIZE_BYTES", self.tr("Size of the atlas folder in bytes")))

    # -- reading ------------------------------------------------------------------------
    def _field(self, parameters, context, key, layer, required=False):
        field = self.parameterAsString(parameters, key, context) or None
        if field and field not in layer.fields().names():
            if required or key == self.NAME_FIELD:
                raise QgsProcessingException(self.tr("The field '{field}' is not in the layer {layer}.").format(
                    field=field, layer=layer.name()))
            return None
        return field

    def _breaks(self, parameters, context):
        return class_breaks(self, parameters, self.BREAKS, context, most=6)

    def _geometries(self, layer, context, feedback):
        """{feature id: shapely geometry in WGS 84}."""
        shapes = {}
        for feature, shape in transformed_features(layer, QgsCoordinateReferenceSystem(WGS84), context):
            if feedback.isCanceled():
                raise QgsProcessingException(self.tr("Cancelled by the user."))
            shapes[feature.id()] = shape
        return shapes

    def _space_details(self, layer, spaces, fields, context, feedback):
        """Name, index, class and type of every space, in the order of ``spaces``."""
        name_field, index_field, class_field, type_field = fields
        features = {feature.id(): feature for feature in layer.getFeatures()}
        index_values = None
        if index_field:
            ordered = [features[space["fid"]] for space in spaces]
            index_values = self._column(ordered, index_field, [space["id"] for space in spaces], feedback)
        for position, space in enumerate(spaces):
            feature = features[space["fid"]]
            name = plain(feature[name_field]) if name_field else None
            space["name"] = None if name is None else str(name)
            if index_values is not None and index_values[position] == index_values[position]:
                space["index"] = float(index_values[position])
            raw_class = plain(feature[class_field]) if class_field else None
            space["class_label"] = {lang: atlas_texts.index_class(raw_class, lang) for lang in LANGUAGES}
            kind = plain(feature[type_field]) if type_field else None
            if isinstance(kind, float) and kind.is_integer():
                kind = int(kind)
            space["type"] = None if kind is None else kind

    def _layer_shapes(self, layer, context, feedback, tolerance):
        if layer is None:
            return None
        items = []
        for _feature, shape in transformed_features(layer, QgsCoordinateReferenceSystem(WGS84), context):
            if feedback.isCanceled():
                raise QgsProcessingException(self.tr("Cancelled by the user."))
            items.append((screen_geometry(shape, tolerance), {}))
        return feature_collection(items)

    # -- run ----------------------------------------------------------------------------
    def process(self, parameters, context, feedback):
        started = time.time()
        layer = self.parameterAsVectorLayer(parameters, self.INPUT, context)
        if layer is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.INPUT))
        if layer.featureCount() == 0:
            raise QgsProcessingException(self.tr("The layer {layer} has no features: there is no space to show.").format(
                layer=layer.name()))
        id_field = self._field(parameters, context, self.ID_FIELD, layer, required=True)
        fields = [self._field(parameters, context, key, layer)
                  for key in (self.NAME_FIELD, self.INDEX_FIELD, self.CLASS_FIELD, self.TYPE_FIELD)]
        for key, field in zip((self.INDEX_FIELD, self.CLASS_FIELD, self.TYPE_FIELD), fields[1:]):
            asked = self.parameterAsString(parameters, key, context)
            if asked and field is None:
                feedback.pushInfo(self.tr("The layer has no field '{field}': the atlas shows none.").format(field=asked))
        catalogue, catalogue_file = load_catalogue_parameter(self, parameters, context, self.CATALOGUE)
        self._check_catalogue(layer, catalogue)
        breaks = self._breaks(parameters, context)
        lang = language_parameter(self, parameters, context, self.LANGUAGE)
        tolerance = self.parameterAsDouble(parameters, self.TOLERANCE, context)
        folder = self.parameterAsString(parameters, self.OUTPUT, context)
        blocks = self.parameterAsVectorLayer(parameters, self.BLOCKS, context)
        barriers = self.parameterAsVectorLayer(parameters, self.BARRIERS, context)

        feedback.setProgressText(self.tr("Reading the spaces"))
        spaces = self._read_spaces(layer, id_field, catalogue, feedback)
        try:
            check_unique(space["id"] for space in spaces)
        except AtlasError as error:
            raise QgsProcessingException(self.tr("The id field has duplicate values: {values}. Choose a field with one "
                                                 "value per space.").format(values=format_values(error.details["values"]))) from None
        self._space_details(layer, spaces, fields, context, feedback)
        feedback.setProgress(20)
        feedback.setProgressText(self.tr("Computing the municipal values"))
        municipal = self._municipal(parameters, context, feedback, catalogue, catalogue_file)
        if blocks is None:
            feedback.pushInfo(self.tr("No blocks: the atlas shows no municipal values."))
        feedback.setProgress(40)
        feedback.setProgressText(self.tr("Simplifying the geometries"))
        shapes = self._geometries(layer, context, feedback)
        missing = [space["id"] for space in spaces if shapes.get(space["fid"]) is None]
        if missing:
            feedback.pushWarning(self.tr("{count} spaces have no geometry and are only in the table: {ids}").format(
                count=len(missing), ids=format_values(missing)))
        spaces_geojson = feature_collection(
            (screen_geometry(shapes.get(space["fid"]), tolerance), {"id": str(space["id"])}) for space in spaces)
        layers = {"spaces": spaces_geojson,
                  "blocks": self._layer_shapes(blocks, context, feedback, tolerance),
                  "barriers": self._layer_shapes(barriers, context, feedback, tolerance)}
        layers = {name: collection or {"type": "FeatureCollection", "features": []} for name, collection in layers.items()}
        feedback.setProgress(70)

        feedback.setProgressText(self.tr("Writing the atlas"))
        index = None
        if fields[1]:
            index = {language_: atlas_texts.texts(language_, "")["social_index"] for language_ in LANGUAGES}
            index["labels"] = {language_: atlas_texts.class_labels(language_, len(breaks) + 1) for language_ in LANGUAGES}
        texts = {language_: atlas_texts.texts(language_, "; ".join(format_number(b, 1, language_) for b in breaks))
                 for language_ in LANGUAGES}
        url = (self.parameterAsString(parameters, self.BASEMAP_URL, context) or "").strip()
        basemap = {"url": url, "attribution": self.parameterAsString(parameters, self.BASEMAP_ATTRIBUTION, context) or ""} \
            if url else None
        title = (self.parameterAsString(parameters, self.TITLE, context) or "").strip()
        atlas = build_atlas(spaces, visible(catalogue), municipal, texts,
                            {language_: atlas_texts.units(language_) for language_ in LANGUAGES}, breaks, index,
                            title, lang, basemap, self.parameterAsBoolean(parameters, self.COMMENTS, context))
        if feedback.isCanceled():  # before writing: a stopped run leaves the old atlas (or nothing) in place
            raise QgsProcessingException(self.tr("Cancelled by the user."))
        inputs = [item.source().split("|")[0] for item in (layer, blocks, barriers) if item is not None]
        try:
            written = write_atlas(folder, atlas, layers, inputs)
        except AtlasError as error:
            if error.code == "input_inside":
                raise QgsProcessingException(self.tr("The atlas folder {folder} holds the input {file}: choose another "
                                                     "folder (the atlas folder is replaced as a whole).").format(
                    folder=folder, file=error.details["file"])) from None
            raise QgsProcessingException(self.tr("The folder {folder} already holds other files: choose an empty or new "
                                                 "folder (only an earlier atlas is replaced).").format(folder=folder)) from None
        except OSError as error:
            raise QgsProcessingException(self.tr("Cannot write {file}: {error}").format(
                file=folder, error=error.strerror or error)) from error
        size = folder_size(written)
        feedback.setProgress(100)
        feedback.pushInfo(self.tr("Atlas of {spaces} spaces written to {file} ({size} in {seconds} s).").format(
            spaces=len(spaces), file=written / "index.html", size=f"{format_number(size / 1e6, 2, language())} MB",
            seconds=format_number(time.time() - started, 1, language())))
        return {self.OUTPUT: str(written), "INDEX_HTML": str(written / "index.html"), "N_SPACES": len(spaces),
                "SIZE_BYTES": size}
