"""Reading the blocks for the indicator algorithms: the fields the catalogue needs, as a DataFrame."""
from dataclasses import dataclass

import numpy as np
import pandas as pd
from qgis.core import QgsProcessingException

from ..engine.errors import SozialraumError
from ..engine.indicators.catalogue import AREA_FIELD, Catalogue, Indicator, parse_expression
from ..engine.spatial.geometry import polygon_areas
from ..i18n import tr
from ..qgisio.blocks_input import read_blocks
from .indicator_messages import raise_indicator_error

#: hidden helper indicator when the population field is not read by the catalogue
POPULATION_HELPER = "__population"


def visible(catalogue):
    """The catalogue's indicators without the hidden population helper."""
    return [indicator for indicator in catalogue if indicator.id != POPULATION_HELPER]


@dataclass
class BlockTable:
    blocks: object  # blocks_input.Blocks
    frame: pd.DataFrame  # catalogue fields (+ extra fields), index = block ids
    areas: np.ndarray  # m² in the work CRS
    catalogue: Catalogue  # with the population helper when needed


def with_population(catalogue, population_field):
    """The catalogue plus a hidden count of ``population_field`` if no indicator reads it."""
    if not population_field or population_field in catalogue.fields():
        return catalogue
    helper = Indicator(id=POPULATION_HELPER, label_en=population_field, label_de=population_field, kind="count",
                       numerator=parse_expression(f'"{population_field}"'), confidential=False)
    return Catalogue(catalogue.indicators + (helper,), catalogue.source, catalogue.extra_columns)


def read_block_table(source, context, feedback, catalogue, catalogue_file, id_field=None, extra_fields=(),
                     population_field=None, number_format=None):
    """Blocks and the fields the catalogue reads as a DataFrame; missing fields refused before reading.

    Numbers stored as text are read in one notation per field (``number_format``: None decides per
    field), as every other reader of blocks does; text that is no number stops naming the field and
    the blocks. Before, a text field of counts was refused whatever it held ("not numeric (values
    such as '0', '0', '1')", an outside check).
    """
    names = source.fields().names()
    for name in [id_field, population_field, *extra_fields]:
        if name and name not in names:
            raise QgsProcessingException(tr("The field '{field}' is not in the layer.").format(field=name))
    try:
        catalogue.check_fields(names, area_field_optional=True)
    except SozialraumError as error:
        raise_indicator_error(error, catalogue_file)
    catalogue = with_population(catalogue, population_field)
    wanted = [name for name in catalogue.fields() if name in names]
    extra = [name for name in extra_fields if name and name not in wanted]
    blocks = read_blocks(source, context, feedback, id_field, wanted + extra, number_format)
    columns = {}
    for name in wanted:
        if source.fields().field(name).typeName().lower().startswith("bool"):  # refused by the engine, naming the indicator
            columns[name] = pd.Series(blocks.values(name), dtype=object).to_numpy()
        else:
            try:
                columns[name] = blocks.numeric(name)
            except QgsProcessingException as error:
                users = [user for user in catalogue.users(name) if user != POPULATION_HELPER]
                if not users:
                    raise
                message = (error.args[0] if error.args else str(error)).rstrip()
                message += "" if message.endswith(".") else "."
                raise QgsProcessingException(" ".join([message, tr(
                    "The field is used by the indicators {ids} of the catalogue.").format(
                    ids=", ".join(f"'{user}'" for user in users))])) from None
    for name in extra:
        columns[name] = pd.Series(blocks.values(name), dtype=object).to_numpy()
    frame = pd.DataFrame(columns, index=pd.Index(blocks.ids, dtype=object))
    if AREA_FIELD in catalogue.fields() and AREA_FIELD not in names:
        feedback.pushInfo(tr("The field '{field}' is taken from the block geometry (m² in {crs}).").format(
            field=AREA_FIELD, crs=blocks.work_crs.authid()))
    return BlockTable(blocks, frame, polygon_areas(blocks.shapes), catalogue)
