"""The council's change report in sozialraum:compare: its parameters, the decision log, the map of
the new spaces with the old boundaries, and the PDF (the HTML page printed by Qt)."""
import re

from qgis.core import (
    QgsFeature,
    QgsFields,
    QgsFillSymbol,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsSingleSymbolRenderer,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QByteArray, QMarginsF, QSizeF, QUrl
from qgis.PyQt.QtGui import QFont, QImage, QPageLayout, QPageSize, QTextDocument

from ..engine.indicators.compare import UNASSIGNED
from ..i18n import tr, translatable
from . import compat, map_image, report_map
from .atomic_files import atomic_path
from .indicator_parameters import add_language_parameter
from .spaces_io import space_geometry

#: street gaps closed when the spaces are drawn from their blocks (as the delineation's default)
MAP_GAP = 30.0
OLD_BOUNDARY = "#b2182b"
MOVED_STYLE = {"color": "#000000", "style": "b_diagonal", "outline_color": "#000000", "outline_width": "0.5"}
DECISION_FIELDS = ("from_spaces", "to_spaces", "reason", "author", "time")


def add_change_parameters(algorithm):
    add = algorithm.addParameter
    add(QgsProcessingParameterNumber("MIN_POPULATION", tr("Minimum population of a space (for the reasons; empty: not checked)"),
                                     type=compat.NUMBER_DOUBLE, optional=True, minValue=0.0))
    add(QgsProcessingParameterNumber("MAX_POPULATION", tr("Maximum population of a space (for the reasons; empty: not checked)"),
                                     type=compat.NUMBER_DOUBLE, optional=True, minValue=0.0))
    add(QgsProcessingParameterFeatureSource("DECISIONS", tr("Decision log of the consultation (table sozialraum_decisions)"),
                                            [compat.SOURCE_VECTOR], optional=True))
    add_language_parameter(algorithm)
    add(QgsProcessingParameterFileDestination("REPORT_PDF", tr("Report as PDF"), tr("PDF files (*.pdf)"), optional=True,
                                              createByDefault=False))


def change_inputs(algorithm, parameters, context, feedback):
    """(lower or None, upper or None, decision rows)."""
    bounds = []
    for name in ("MIN_POPULATION", "MAX_POPULATION"):
        given = parameters.get(name) not in (None, "")
        bounds.append(algorithm.parameterAsDouble(parameters, name, context) if given else None)
    decisions = []
    source = algorithm.parameterAsSource(parameters, "DECISIONS", context) if parameters.get("DECISIONS") else None
    if source is not None:
        missing = [name for name in DECISION_FIELDS if name not in source.fields().names()]
        if missing:
            feedback.pushWarning(tr("The decision log has no field {fields}; it is left out of the report.").format(
                fields=", ".join(missing)))
        else:
            kinds = "kind" in source.fields().names()
            for feature in source.getFeatures():
                if kinds and feature["kind"] == "proposal":  # an expert's comment from the web atlas: no decision
                    continue
                decisions.append({name: _text(feature[name]) for name in DECISION_FIELDS})
    return bounds[0], bounds[1], decisions


def change_map_png(blocks, old_values, new_values, population, moved, translate):
    """PNG of the new spaces (coloured, labelled with number and ``population``: new space -> residents)
    with the old boundaries drawn over them and the ``moved`` blocks (indices) hatched."""
    new_spaces = _members(new_values)
    old_spaces = _members(old_values)
    crs = blocks.source.sourceCrs()
    drawn = []
    for value, members in new_spaces.items():
        drawn.append((space_geometry(blocks, members, MAP_GAP), str(value), float(population.get(value, 0.0)), False))
    new_layer = report_map._spaces_layer(drawn, crs)  # the delineation report's layer and style
    old_layer = QgsVectorLayer(f"MultiPolygon?crs={crs.authid()}", "old", "memory")
    if not crs.authid():
        old_layer.setCrs(crs)
    fields = QgsFields()
    fields.append(compat.field("label", "string"))
    old_layer.dataProvider().addAttributes(fields.toList())
    old_layer.updateFields()
    features = []
    for value, members in old_spaces.items():
        feature = QgsFeature(old_layer.fields())
        feature.setGeometry(space_geometry(blocks, members, MAP_GAP))
        feature.setAttributes([str(value)])
        features.append(feature)
    old_layer.dataProvider().addFeatures(features)
    old_layer.updateExtents()
    old_layer.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple(
        {"color": "transparent", "outline_color": OLD_BOUNDARY, "outline_width": "0.7", "outline_style": "dash"})))
    moved_layer = QgsVectorLayer(f"MultiPolygon?crs={crs.authid()}", "moved", "memory")
    if not crs.authid():
        moved_layer.setCrs(crs)
    hatched = []
    for index in moved:
        feature = QgsFeature(moved_layer.fields())
        feature.setGeometry(blocks.features[index].geometry())
        hatched.append(feature)
    moved_layer.dataProvider().addFeatures(hatched)
    moved_layer.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple(MOVED_STYLE)))
    extent = new_layer.extent()
    extent.combineExtentWith(old_layer.extent())
    extent.grow(max(extent.width(), extent.height()) * 0.03)
    legend = [map_image.fill_entry(translate(translatable("New social space (label: number and residents)")), "#9ecae1", "#333333"),
              map_image.line_entry(translate(translatable("Boundary of the old division")), OLD_BOUNDARY, "0.7", "dash"),
              map_image.LegendEntry(translate(translatable("Block that changes its space")), QgsFillSymbol.createSimple(MOVED_STYLE))]
    image = map_image.render_map([moved_layer, old_layer, new_layer], extent, translate(translatable("Old and new division of social spaces")), legend,
                                 size=report_map.SIZE, print_width_mm=report_map.PRINT_WIDTH_MM)
    return map_image.png_bytes(image)


def write_pdf(path, page):
    """The HTML ``page`` as an A4 PDF (Qt's rich text: tables, the embedded map); all or nothing.

    Qt's rich text knows little CSS: the page is laid out in points on the A4 text area, tables
    span it, the map is handed over as a resource (no data: URLs) at full resolution."""
    from qgis.PyQt.QtPrintSupport import QPrinter

    document = QTextDocument()
    images = {}

    def lift(match):
        name = f"image{len(images)}.png"
        images[name] = match.group(1)
        return f'width="{_PDF_IMAGE_WIDTH}" src="{name}"'

    page = re.sub(r'src="data:image/png;base64,([^"]+)"', lift, page)
    page = re.sub(r"max-width: [^;]+;", "", page).replace("<table>", '<table width="100%" cellspacing="0" cellpadding="3">')
    for name, encoded in images.items():
        image = QImage.fromData(QByteArray.fromBase64(encoded.encode("ascii")), "PNG")
        document.addResource(_enum(QTextDocument, "ResourceType", "ImageResource"), QUrl(name), image)
    with atomic_path(path) as part:
        printer = QPrinter(_enum(QPrinter, "PrinterMode", "HighResolution"))
        printer.setOutputFormat(_enum(QPrinter, "OutputFormat", "PdfFormat"))
        printer.setOutputFileName(part)
        printer.setPageLayout(QPageLayout(QPageSize(_enum(QPageSize, "PageSizeId", "A4")),
                                          _enum(QPageLayout, "Orientation", "Portrait"), QMarginsF(15, 15, 15, 15)))
        document.setDefaultFont(QFont("DejaVu Sans", 8))
        points = printer.pageLayout().paintRectPoints().size()
        # laid out at the screen's 96 dpi: the A4 text area in those pixels, so 8 pt prints as 8 pt
        document.setPageSize(QSizeF(points.width() * _SCREEN_DPI / 72.0, points.height() * _SCREEN_DPI / 72.0))
        document.setHtml(page)
        print_document = getattr(document, "print_", None) or document.print
        print_document(printer)
    return path


#: the map's width in the PDF (pixels at 96 dpi; the A4 text area is 680 of them wide)
_PDF_IMAGE_WIDTH = 660
_SCREEN_DPI = 96.0


def _enum(owner, scope, name):
    """A Qt enum value as Qt 6 scopes it (owner.Scope.Name) or Qt 5 (owner.Name)."""
    scoped = getattr(owner, scope, None)
    return getattr(scoped, name) if scoped is not None and hasattr(scoped, name) else getattr(owner, name)


def _members(values):
    members = {}
    for index, value in enumerate(values):
        if value is None or value == UNASSIGNED or (isinstance(value, float) and value != value):
            continue
        members.setdefault(value, []).append(index)
    return members


def _text(value):
    return "" if value is None or (hasattr(value, "isNull") and value.isNull()) else str(value)
