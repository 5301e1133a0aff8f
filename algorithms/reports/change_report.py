"""The council's change report in sozialraum:compare: the map of the new spaces with the old
boundaries and the PDF (the HTML page printed by Qt); its parameters: algorithms/change_parameters.py."""
import re

from qgis.core import (
    QgsFeature,
    QgsFields,
    QgsFillSymbol,
    QgsSingleSymbolRenderer,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QByteArray, QMarginsF, QSizeF, QUrl
from qgis.PyQt.QtGui import QFont, QImage, QPageLayout, QPageSize, QTextDocument

from ...engine.indicators.compare import UNASSIGNED
from ...i18n import translatable
from ...qgisio import compat, map_image
from ...qgisio.atomic_files import atomic_path
from ...qgisio.spaces_io import space_geometry
from . import report_map

#: street gaps closed when the spaces are drawn from their blocks (as the delineation's default)
MAP_GAP = 30.0
OLD_BOUNDARY = "#b2182b"
MOVED_STYLE = {"color": "#000000", "style": "b_diagonal", "outline_color": "#000000", "outline_width": "0.5"}


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

    # a map fills most of a page: it starts one with its heading (the heading was left alone at the
    # foot of page 1, the map on page 2)
    page = re.sub(r'<h2>([^<]*)</h2>\s*<p class="figure"><img', r'<h2 style="page-break-before: always;">\1</h2>\n<p class="figure"><img', page)
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

