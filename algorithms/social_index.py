"""sozialraum:index — composite social index (Berlin style), dynamics and a typology of spaces."""

import numpy as np
import pandas as pd
from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsFields,
    QgsGeometry,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ..engine.errors import ParameterError, SozialraumError, format_values
from ..engine.indicators import DEFAULT_BREAKS, dynamics_index, social_index, typology
from ..engine.indicators.index import DEFAULT_LABELS, DYNAMICS_LABELS
from ..engine.numbers import parse_number, parse_pairs
from ..i18n import language, translator_for
from ..presentation.messages import DYNAMICS_CLASSES, INDEX_CLASSES
from ..presentation.messages import class_labels as class_labels_text
from ..presentation.numbers import format_number
from ..qgisio import compat
from ..qgisio.destinations import output_requested
from ..qgisio.layer_io import ordered_request, plain
from ..qgisio.number_format import add_number_format_parameter, number_format, read_field
from ..qgisio.sink_writes import add_feature
from .base import SozialraumAlgorithm
from .help_examples import with_example
from .indicator_fields import SOURCE_VECTOR, on_load, value
from .indicator_messages import raise_indicator_error
from .indicator_parameters import add_catalogue_parameter, class_breaks, load_catalogue_parameter

TYPOLOGY_METHODS = ("kmeans", "ward")
OUTPUT_FIELDS = ("si_index", "si_class", "si_label", "si_note", "dyn_index", "dyn_class", "dyn_label", "space_type")


def class_labels(result, lang=None):
    """The label of each class of an index result, translated when they are the engine's defaults."""
    for defaults, translatable_labels in ((DEFAULT_LABELS, INDEX_CLASSES), (DYNAMICS_LABELS, DYNAMICS_CLASSES)):
        if tuple(result.labels) == defaults:
            return class_labels_text(translatable_labels, None, lang)
    return tuple(result.labels)


def _label(labels, klass):
    return None if klass is None or pd.isna(klass) else labels[int(klass) - 1]


class SocialIndexAlgorithm(SozialraumAlgorithm):
    GROUP = "indicators"
    ALGORITHM_NAME = "index"
    ICON = "sozialraum.svg"
    REQUIRES = ("sklearn",)

    INPUT = "INPUT"
    SPACE_FIELD = "SPACE_FIELD"
    RATES = "RATES"
    SIGNS = "SIGNS"
    WEIGHTS = "WEIGHTS"
    CATALOGUE = "CATALOGUE"
    BREAKS = "BREAKS"
    POPULATION_FIELD = "POPULATION_FIELD"
    MIN_POPULATION = "MIN_POPULATION"
    RATES_BEFORE = "RATES_BEFORE"
    TYPES = "TYPES"
    METHOD = "METHOD"
    SEED = "SEED"
    OUTPUT = "OUTPUT"
    OUTPUT_PROFILE = "OUTPUT_PROFILE"

    def displayName(self):  # noqa: N802
        return self.tr("Social index and types")

    def shortHelpString(self):  # noqa: N802
        return with_example(self.tr(
            "A composite social index in the style of Berlin's social monitoring: each chosen rate is turned into "
            "z-scores across the spaces, multiplied by its sign (+1: a higher value means more need, -1: less "
            "need) and weight, summed, and the sum standardised again; higher index = more need. Signs come from "
            "the field 'Signs' (e.g. sgb2_rate=+1;floor_area_per_head=-1) or else from the catalogue's "
            "higher_is column. Classes by the breaks (default -1, 1, 1.5: status high, medium, low, very low). "
            "Spaces with fewer residents than the minimum or with a NULL rate get no index and do not influence "
            "the others.\n\n"
            "With the rates of an earlier time point (same order as the rates) a dynamics index is computed the "
            "same way on the changes.\n\n"
            "Types: cluster analysis (k-means or Ward) of the standardised rates into k types (0 = k chosen by "
            "the best silhouette from 3 to 8); types are numbered by increasing need. The profile table gives each "
            "type's mean rates, number of spaces and population. The same seed gives the same result.\n\n"
            "Needs the Python package scikit-learn."
        ), self.name())

    def initAlgorithm(self, config=None):  # noqa: N802
        add = self.addParameter
        add(QgsProcessingParameterFeatureSource(self.INPUT, self.tr("Spaces with rates"), [SOURCE_VECTOR]))
        add(QgsProcessingParameterField(self.SPACE_FIELD, self.tr("Space id field (for messages; empty: feature id)"),
                                        parentLayerParameterName=self.INPUT, type=compat.FIELD_ANY, optional=True))
        add(QgsProcessingParameterField(self.RATES, self.tr("Rates for the index and the types"), parentLayerParameterName=self.INPUT,
                                        type=compat.FIELD_NUMERIC, allowMultiple=True))
        add(QgsProcessingParameterString(self.SIGNS, self.tr("Signs (field=+1 when higher means more need, field=-1 when less; "
                                                             "empty: from the catalogue)"), optional=True))
        add(QgsProcessingParameterString(self.WEIGHTS, self.tr("Weights (field=weight;...; default 1)"), optional=True))
        add_catalogue_parameter(self, self.CATALOGUE)
        add(QgsProcessingParameterString(self.BREAKS, self.tr("Class breaks of the index"), defaultValue="-1,1,1.5"))
        add(QgsProcessingParameterField(self.POPULATION_FIELD, self.tr("Population field"), defaultValue="pop_total",
                                        parentLayerParameterName=self.INPUT, type=compat.FIELD_NUMERIC, optional=True))
        add(QgsProcessingParameterNumber(self.MIN_POPULATION, self.tr("Leave out spaces with fewer residents than"),
                                         type=compat.NUMBER_DOUBLE, defaultValue=300, minValue=0))
        add(QgsProcessingParameterField(self.RATES_BEFORE, self.tr("Rates at an earlier time point (same order; for the "
                                                                   "dynamics index)"),
                                        parentLayerParameterName=self.INPUT, type=compat.FIELD_NUMERIC, allowMultiple=True,
                                        optional=True))
        add(QgsProcessingParameterNumber(self.TYPES, self.tr("Number of types (0 = chosen by silhouette)"),
                                         type=compat.NUMBER_INTEGER, defaultValue=0, minValue=0))
        add(QgsProcessingParameterEnum(self.METHOD, self.tr("Cluster method"), options=[self.tr("k-means"), self.tr("Ward")],
                                       defaultValue=0))
        add(QgsProcessingParameterNumber(self.SEED, self.tr("Random seed"), type=compat.NUMBER_INTEGER, defaultValue=1, minValue=0))
        add_number_format_parameter(self)
        add(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Spaces with index and type"), SOURCE_VECTOR))
        # optional: qgis_process asked for it although only the spaces are needed (an outside check)
        add(QgsProcessingParameterFeatureSink(self.OUTPUT_PROFILE, self.tr("Type profiles"), SOURCE_VECTOR, optional=True,
                                              createByDefault=True))
        for name, description in (
            ("N_INDEXED", self.tr("Spaces with an index")),
            ("N_EXCLUDED", self.tr("Spaces without an index")),
            ("N_TYPES", self.tr("Number of types")),
        ):
            self.addOutput(QgsProcessingOutputNumber(name, description))

    # -- parameters -------------------------------------------------------------------
    def _numbers(self, parameters, context, name, rates):
        text = self.parameterAsString(parameters, name, context)
        try:
            pairs = parse_pairs(text)
        except ValueError as error:
            raise QgsProcessingException(self.tr("Cannot read '{item}': write field=number, separated by ';'.").format(
                item=str(error))) from None
        out = {}
        for field, number in pairs:
            if field not in rates:
                raise QgsProcessingException(self.tr("'{field}' is not one of the chosen rates ({rates}).").format(
                    field=field, rates=", ".join(rates)))
            try:
                out[field] = parse_number(number)
            except ValueError:
                raise QgsProcessingException(self.tr("'{value}' for '{field}' is not a number.").format(
                    value=number, field=field)) from None
        return out

    def _signs(self, parameters, context, rates):
        given = self._numbers(parameters, context, self.SIGNS, rates)
        catalogue = None
        if any(rate not in given for rate in rates):
            catalogue, _ = load_catalogue_parameter(self, parameters, context, self.CATALOGUE)
        signs = {}
        for rate in rates:
            if rate in given:
                if given[rate] not in (1.0, -1.0):
                    raise QgsProcessingException(self.tr("The sign of '{field}' must be +1 or -1, not {value}.").format(
                        field=rate, value=f"{given[rate]:g}"))
                signs[rate] = int(given[rate])
            elif rate in catalogue and catalogue[rate].sign != 0:
                signs[rate] = catalogue[rate].sign
            else:
                raise QgsProcessingException(self.tr(
                    "No sign for '{field}': give it in the signs ({field}=+1 when a higher value means more need, "
                    "{field}=-1 when it means less), or set higher_is to worse or better in the catalogue.").format(field=rate))
        return signs

    def _breaks(self, parameters, context):
        return class_breaks(self, parameters, self.BREAKS, context)

    # -- run --------------------------------------------------------------------------
    def process(self, parameters, context, feedback):
        source = self.parameterAsSource(parameters, self.INPUT, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.INPUT))
        rates = compat.parameter_as_fields(self, parameters, self.RATES, context)
        if not rates:
            raise QgsProcessingException(self.tr("Choose at least one rate."))
        before = compat.parameter_as_fields(self, parameters, self.RATES_BEFORE, context) or []
        if before and len(before) != len(rates):
            raise QgsProcessingException(self.tr("Give one earlier rate for each rate ({count} rates, {before} earlier "
                                                 "rates), in the same order.").format(count=len(rates), before=len(before)))
        space_field = self.parameterAsString(parameters, self.SPACE_FIELD, context) or None
        population_field = self.parameterAsString(parameters, self.POPULATION_FIELD, context) or None
        min_population = self.parameterAsDouble(parameters, self.MIN_POPULATION, context)
        names = source.fields().names()
        missing = [name for name in [*rates, *before] if name not in names]
        if missing:
            raise QgsProcessingException(self.tr("The layer has no field named {fields}.").format(
                fields=", ".join(f"'{name}'" for name in missing)))
        if population_field and population_field not in names:
            if min_population > 0:
                raise QgsProcessingException(self.tr("The field '{field}' is not in the layer.").format(field=population_field))
            population_field = None
        signs = self._signs(parameters, context, rates)
        weights = self._numbers(parameters, context, self.WEIGHTS, rates)
        breaks = self._breaks(parameters, context)
        k = self.parameterAsInt(parameters, self.TYPES, context) or None
        method = TYPOLOGY_METHODS[self.parameterAsEnum(parameters, self.METHOD, context)]
        seed = self.parameterAsInt(parameters, self.SEED, context)

        # Geometries are only copied to the output: invalid ones must not stop (or crash) the read.
        features = list(source.getFeatures(ordered_request(space_field), compat.SKIP_VALIDITY_CHECKS))
        if not features:
            raise QgsProcessingException(self.tr("The layer has no features."))
        labels = [plain(f[space_field]) if space_field else f.id() for f in features]

        notation = number_format(self, parameters, context)

        def column(name, is_population=False):
            values = read_field([plain(f[name]) for f in features], name, lambda rows: format_values([labels[i] for i in rows]),
                                feedback, notation, whole=is_population, spaces=True)
            infinite = np.flatnonzero(np.isinf(values))
            if len(infinite) and is_population:
                raise QgsProcessingException(self.tr("Field '{field}' has infinite values for {count} spaces: {ids}").format(
                    field=name, count=len(infinite), ids=format_values([labels[i] for i in infinite])))
            if len(infinite):  # like NULL: an infinite rate is a broken one, not the most extreme
                feedback.pushWarning(self.tr("Field '{field}' is infinite for {count} spaces; they count as NULL: {ids}").format(
                    field=name, count=len(infinite), ids=format_values([labels[i] for i in infinite])))
                values[infinite] = np.nan
            return values

        frame = pd.DataFrame({rate: column(rate) for rate in rates})
        population = pd.Series(column(population_field, is_population=True)) if population_field else None
        exclude = None
        if population is not None and min_population > 0:
            unknown = population.isna()
            small = (population < min_population) & ~unknown
            exclude = small | unknown
            if small.any():
                feedback.pushInfo(self.tr("{count} spaces have fewer than {minimum} residents and get no index or type: "
                                          "{ids}").format(count=int(small.sum()), minimum=f"{min_population:g}",
                                                          ids=format_values([labels[i] for i in np.flatnonzero(small)])))
            if unknown.any():  # e.g. a block without a population value made the space's sum NULL (an outside check)
                feedback.pushWarning(self.tr(
                    "{count} spaces have no population value (NULL), so their size cannot be checked against the "
                    "minimum of {minimum}; they get no index or type: {ids}").format(
                    count=int(unknown.sum()), minimum=f"{min_population:g}",
                    ids=format_values([labels[i] for i in np.flatnonzero(unknown)])))
        lang = language()
        try:
            result = social_index(frame, signs=signs, weights=weights, exclude=exclude, breaks=breaks)
            dynamics = None
            if before:
                earlier = pd.DataFrame({rate: column(old) for rate, old in zip(rates, before)})
                dynamics = dynamics_index(earlier, frame, signs=signs, weights=weights, exclude=exclude, breaks=breaks)
            types = typology(frame, method=method, k=k, seed=seed, exclude=exclude, signs=signs, population=population)
        except ParameterError as error:
            if error.details.get("name") in ("k", "k_range"):
                complete = frame.notna().all(axis=1)
                usable = int((complete & ~exclude).sum() if exclude is not None else complete.sum())
                raise QgsProcessingException(self.tr(
                    "Too few spaces for the types: {n} spaces have all rates; the number of types must be between 2 and "
                    "{maximum}.").format(n=usable, maximum=max(usable - 1, 2))) from error
            raise_indicator_error(error)
        except SozialraumError as error:
            raise_indicator_error(error)
        for warning in result.warnings:
            field = warning.split(":", 1)[0]
            if field in rates:
                feedback.pushWarning(self.tr("'{field}' has the same value in every space with an index and has no "
                                             "influence.").format(field=field))
        missing = [(labels[i], note) for i, note in enumerate(result.excluded) if note.startswith("missing")]
        for label, note in missing[:20]:
            feedback.pushWarning(self.tr("Space {space}: no index, NULL in {fields}.").format(
                space=label, fields=note.split(":", 1)[1].strip()))
        indexed = int(result.index.notna().sum())
        feedback.pushInfo(self.tr("Index for {indexed} spaces; classes: {classes}.").format(
            indexed=indexed, classes=", ".join(f"{class_labels(result)[c - 1]}: {n}"
                                                for c, n in result.klass.value_counts().sort_index().items())))
        silhouettes = ", ".join(f"k={c}: {format_number(s, 3, language(), thousands=False)}"
                                for c, s in sorted(types.silhouette.items()))
        feedback.pushInfo(self.tr("{k} types ({method}); silhouette {scores}.").format(
            k=types.k, method=method, scores=silhouettes))

        dest = self._write(parameters, context, source, features, result, dynamics, types, lang, feedback)
        profile_dest = self._write_profile(parameters, context, rates, types, result, lang)
        on_load(context, dest, self._aliases(), styles=((self.tr("Social index"), "social_index", self._index_legend(result, lang)),
                                                        (self.tr("Space types"), "space_types", self._type_legend(types, lang))))
        return {self.OUTPUT: dest, self.OUTPUT_PROFILE: profile_dest, "N_INDEXED": indexed,
                "N_EXCLUDED": len(features) - indexed, "N_TYPES": int(types.k)}

    @staticmethod
    def _index_legend(result, lang):
        """The legend of the index style: this run's classes in the output's language, as si_label."""
        t = translator_for(lang)
        legend = dict(enumerate(class_labels(result, lang), start=1))
        legend[None] = t("no index (too small or values missing)")
        return legend

    @staticmethod
    def _type_legend(types, lang):
        t = translator_for(lang)
        legend = {number: t("Type {number}").format(number=number) for number in range(1, int(types.k) + 1)}
        legend[None] = t("no type (too small or values missing)")
        return legend

    def _aliases(self):
        return {"si_index": self.tr("Social index"), "si_class": self.tr("Index class"), "si_label": self.tr("Status"),
                "si_note": self.tr("Why no index"), "dyn_index": self.tr("Dynamics index"),
                "dyn_class": self.tr("Dynamics class"), "dyn_label": self.tr("Dynamics"), "space_type": self.tr("Type")}

    def _write(self, parameters, context, source, features, result, dynamics, types, lang, feedback):
        fields = QgsFields(source.fields())
        kinds = {"si_index": "double", "si_class": "int", "si_label": "string", "si_note": "string", "dyn_index": "double",
                 "dyn_class": "int", "dyn_label": "string", "space_type": "int"}
        added = [name for name in OUTPUT_FIELDS if dynamics is not None or not name.startswith("dyn_")]
        for name in added:
            if fields.indexFromName(name) >= 0:  # a second run on its own output: replace the old values
                fields.remove(fields.indexFromName(name))
        keep = [source.fields().indexFromName(name) for name in fields.names()]
        for name in added:
            fields.append(compat.field(name, kinds[name]))
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT, context, fields, source.wkbType(), source.sourceCrs())
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        labels = class_labels(result, lang)
        stripped = []
        for position, feature in enumerate(features):
            attributes = feature.attributes()
            row = [attributes[i] for i in keep]
            extra = {"si_index": value(result.index.iat[position]), "si_class": _int(result.klass.iat[position]),
                     "si_label": _label(labels, result.klass.iat[position]), "si_note": result.excluded.iat[position] or None,
                     "space_type": _int(types.labels.iat[position])}
            if dynamics is not None:
                dyn_labels = class_labels(dynamics, lang)
                extra.update({"dyn_index": value(dynamics.index.iat[position]), "dyn_class": _int(dynamics.klass.iat[position]),
                              "dyn_label": _label(dyn_labels, dynamics.klass.iat[position])})
            out = QgsFeature(fields)
            out.setGeometry(feature.geometry())
            out.setAttributes(row + [extra.get(name) for name in added])
            if not sink.addFeature(out, QgsFeatureSink.Flag.FastInsert):
                # a line or point among the spaces (a layer of any geometry type): its index is computed,
                # so it is written without the geometry the output cannot take, and named
                out.setGeometry(QgsGeometry())
                add_feature(sink, out, self, self.OUTPUT)
                stripped.append(feature.id())
        if stripped:
            feedback.pushWarning(self.tr("{count} spaces are not polygons; they are written without geometry: {ids}").format(
                count=len(stripped), ids=format_values(stripped)))
        return dest

    def _write_profile(self, parameters, context, rates, types, result, lang):
        if not output_requested(self, parameters, self.OUTPUT_PROFILE, context):  # not asked for
            return None
        fields = QgsFields()
        for name, kind in (("type", "int"), ("label", "string"), ("n_spaces", "int"), ("population", "double"),
                           ("mean_index", "double")):
            fields.append(compat.field(name, kind))
        for rate in rates:
            if fields.indexFromName(rate) < 0:
                fields.append(compat.field(rate, "double"))
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT_PROFILE, context, fields, compat.WKB_NO_GEOMETRY)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT_PROFILE))
        index_by_type = result.index.groupby(types.labels).mean()
        for number, row in types.profile.iterrows():
            out = QgsFeature(fields)
            values = [int(number), self.tr("Type {number}").format(number=int(number)), int(row["n_spaces"]),
                      value(row["population"]) if "population" in row else None, value(index_by_type.get(number))]
            out.setAttributes(values + [value(row[rate]) for rate in rates if rate not in ("type", "label", "n_spaces",
                                                                                            "population", "mean_index")])
            add_feature(sink, out, self, self.OUTPUT_PROFILE)
        return dest


def _int(number):
    return None if number is None or pd.isna(number) else int(number)


__all__ = ["SocialIndexAlgorithm", "DEFAULT_BREAKS"]
