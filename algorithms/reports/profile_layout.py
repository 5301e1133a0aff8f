"""The print layout of the profiles: one A4 portrait page per space, driven by an atlas over the spaces.

Page (mm): title and index line on top; the map of the space (atlas-controlled, with its key
and a scale bar) beside the age chart; the indicator table; footnote and page number.

The shapes of the chart and the table are per-space SVG files (written by algorithms/profiles.py)
shown by picture items whose source is an expression on the atlas feature; their texts are
layout labels and manual tables (algorithms/reports/profile_texts.py), because Qt's SVG renderer
outlines SVG text (a PDF page was 1.8 MB and not searchable). Why pictures and not an HTML
item: the HTML item needs QtWebKit, which Qt6 builds of QGIS lack and headless qgis_process
often cannot start, while Qt's SVG renderer is always there; the numbers (municipal values,
confidentiality marks, German decimal comma) are computed by the engine in Python anyway.
Every item stays a normal layout item a planner can move and restyle.
The map styles are layer style overrides of the map item: the input layers keep their own. The
map draws the page's blocks and the other spaces as one polygon each, in an extent around the
page's space: what a page shows, not every block of the town.
"""
from qgis.core import (
    QgsBasicNumericFormat,
    QgsExpression,
    QgsFillSymbol,
    QgsLayoutItemLabel,
    QgsLayoutItemMap,
    QgsLayoutItemPage,
    QgsLayoutItemPicture,
    QgsLayoutItemScaleBar,
    QgsLayoutMeasurement,
    QgsLayoutObject,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsMapLayerStyle,
    QgsPalLayerSettings,
    QgsPrintLayout,
    QgsProperty,
    QgsRectangle,
    QgsRuleBasedRenderer,
    QgsScaleBarSettings,
    QgsTextBufferSettings,
    QgsTextFormat,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor, QFont

from ...presentation.profile_svg import LEGEND_HEIGHT, LEGEND_WIDTH, SPACE_COLOUR
from ...qgisio import compat
from .profile_texts import PageTexts

PAGE_WIDTH, MARGIN = 210.0, 12.0
CONTENT = PAGE_WIDTH - 2 * MARGIN
MAP_BOX = (MARGIN, 33.0, 92.0, 80.0)  # x, y, width, height
CHART_BOX = (MARGIN + 96.0, 33.0, CONTENT - 96.0, 80.0)
NEIGHBOUR_FILL = "#e3e3e3"
MAP_MARGIN = 0.15  # share of the space's extent left free around it on each side
TABLE_TOP = 127.0
TABLE_HEIGHT = 150.0  # 41 indicators of the sample catalogue at 3.6 mm a row
FOOTNOTE_TOP = 279.0
#: labels at the centre of each space (Qgis.LabelPlacement from QGIS 3.26, QgsPalLayerSettings before)
LABEL_OVER_POINT = compat.LABEL_OVER_POINT


def enum(owner, scope, member):
    """``owner.scope.member`` (scoped, Qt6) or ``owner.member`` (QGIS 3.22 on Qt5)."""
    scoped = getattr(owner, scope, None)
    return getattr(scoped, member) if scoped is not None and hasattr(scoped, member) else getattr(owner, member)


def field_ref(name):
    return QgsExpression.quotedColumnRef(name)


def place(item, x, y, width, height):
    item.attemptMove(QgsLayoutPoint(x, y))
    item.attemptResize(QgsLayoutSize(width, height))


def text_format(size, bold=False, colour="#222222"):
    font = QFont("DejaVu Sans")
    font.setBold(bold)
    fmt = QgsTextFormat()
    fmt.setFont(font)
    fmt.setSize(size)
    fmt.setColor(QColor(colour))
    return fmt


def add_label(layout, text, box, size, bold=False, align_right=False, colour="#222222"):
    label = QgsLayoutItemLabel(layout)
    label.setText(text)
    fmt = text_format(size, bold, colour)
    if hasattr(label, "setTextFormat"):  # QGIS 3.24+
        label.setTextFormat(fmt)
    else:
        font = fmt.font()
        font.setPointSizeF(size)
        label.setFont(font)
        label.setFontColor(QColor(colour))
    label.setMarginX(0)
    label.setMarginY(0)
    # explicitly: a new label's default is "justify", which stretches the footnote's words apart
    label.setHAlign(enum(Qt, "AlignmentFlag", "AlignRight" if align_right else "AlignLeft"))
    layout.addLayoutItem(label)
    place(label, *box)
    return label


def add_picture(layout, box, path=None, expression=None):
    picture = QgsLayoutItemPicture(layout)
    picture.setMode(enum(QgsLayoutItemPicture, "Format", "FormatSVG"))
    picture.setResizeMode(enum(QgsLayoutItemPicture, "ResizeMode", "Zoom"))
    layout.addLayoutItem(picture)
    place(picture, *box)
    if expression:
        source = enum(QgsLayoutObject, "DataDefinedProperty", "PictureSource")
        # not refreshed here: the expression names the atlas feature, which there is none of yet, and
        # QGIS logged "Picture expression eval error" for every picture (an outside check); the atlas
        # refreshes each page
        picture.dataDefinedProperties().setProperty(source, QgsProperty.fromExpression(expression))
    elif path:
        picture.setPicturePath(str(path))
    return picture


def _style_xml(geometry_layer, renderer, labeling=None):
    """A layer style (renderer, labels) as the XML a map item's style override takes."""
    holder = QgsVectorLayer(f"MultiPolygon?crs={geometry_layer.crs().authid()}", "style", "memory")
    holder.setRenderer(renderer)
    if labeling is not None:
        holder.setLabeling(labeling)
        holder.setLabelsEnabled(True)
    style = QgsMapLayerStyle()
    style.readFromLayer(holder)
    return style.xmlData()


def _fill(fill, outline, width):
    return QgsFillSymbol.createSimple({"color": fill, "style": "no" if fill == "none" else "solid", "outline_color": outline,
                                       "outline_width": str(width), "outline_width_unit": "MM"})


def _rules(rules):
    root = QgsRuleBasedRenderer.Rule(None)
    for expression, symbol, label in rules:
        root.appendChild(QgsRuleBasedRenderer.Rule(symbol, 0, 0, expression, label))
    return QgsRuleBasedRenderer(root)


def space_style(spaces, label_expression):
    """The space of the page with a bold coloured outline, its neighbours filled grey, every space labelled.

    The neighbours are one polygon each, not their blocks: a page's map then holds a few dozen paths
    instead of every block in view (a thousand on the sample town, 170 KB of a page).
    """
    outline = _fill("none", SPACE_COLOUR, 0.9)
    # drawn after the neighbours: where drawn spaces overlap, the grey fill hid the page's own
    # outline and the space looked smaller than the area counted (an outside check)
    outline.symbolLayer(0).setRenderingPass(1)
    renderer = _rules([("$id = @atlas_featureid", outline, "space"),
                       ("ELSE", _fill(NEIGHBOUR_FILL, "#555555", 0.35), "neighbour")])
    renderer.setUsingSymbolLevels(True)
    settings = QgsPalLayerSettings()
    settings.fieldName = label_expression
    settings.isExpression = True
    settings.placement = LABEL_OVER_POINT
    settings.centroidInside = True
    fmt = text_format(8, bold=True, colour="#333333")
    buffer = QgsTextBufferSettings()
    buffer.setEnabled(True)
    buffer.setSize(0.8)
    buffer.setColor(QColor("white"))
    fmt.setBuffer(buffer)
    settings.setFormat(fmt)
    return _style_xml(spaces, renderer, QgsVectorLayerSimpleLabeling(settings))


def block_style(blocks, block_space_field, space_id_field):
    """Only the blocks of the page's space, filled (all blocks light grey without a space field).

    No rule for the other blocks: the renderer's filter then asks the layer for the page's blocks only.
    """
    if not block_space_field:
        return _style_xml(blocks, _rules([("", _fill(NEIGHBOUR_FILL, "#ffffff", 0.1), "blocks")]))
    mine = f"{field_ref(block_space_field)} = attribute(@atlas_feature, {QgsExpression.quotedString(space_id_field)})"
    return _style_xml(blocks, _rules([(mine, _fill("#fdd49e", "#ffffff", 0.1), "space")]))


def framed(extent, ratio):
    """``extent`` widened in one direction to the width/height ``ratio`` of the map item."""
    width, height = max(extent.width(), 1.0), max(extent.height(), 1.0)
    if width / height < ratio:
        width = height * ratio
    else:
        height = width / ratio
    centre = extent.center()
    return QgsRectangle(centre.x() - width / 2, centre.y() - height / 2, centre.x() + width / 2, centre.y() + height / 2)


def extent_expressions(ratio, whole):
    """Data-defined map extent: the atlas space's bounds plus MAP_MARGIN, widened to the item's ``ratio``.

    Outside an atlas (e.g. in the designer) @atlas_geometry is NULL: the ``whole`` town's extent.
    """
    half_width = (f"max(bounds_width(@atlas_geometry), bounds_height(@atlas_geometry) * {ratio!r}) "
                  f"* {0.5 + MAP_MARGIN!r}")
    half_height = f"({half_width}) / {ratio!r}"
    x_centre = "(x_min(@atlas_geometry) + x_max(@atlas_geometry)) / 2"
    y_centre = "(y_min(@atlas_geometry) + y_max(@atlas_geometry)) / 2"
    return {
        "MapXMin": f"coalesce({x_centre} - {half_width}, {whole.xMinimum()!r})",
        "MapXMax": f"coalesce({x_centre} + {half_width}, {whole.xMaximum()!r})",
        "MapYMin": f"coalesce({y_centre} - {half_height}, {whole.yMinimum()!r})",
        "MapYMax": f"coalesce({y_centre} + {half_height}, {whole.yMaximum()!r})",
    }


def add_map(layout, spaces, blocks, styles):
    item = QgsLayoutItemMap(layout)
    item.setCrs(spaces.crs())
    layout.addLayoutItem(item)
    place(item, *MAP_BOX)
    item.setExtent(framed(spaces.extent(), MAP_BOX[2] / MAP_BOX[3]))  # the item's shape: setExtent keeps its size
    item.setLayers([layer for layer in (spaces, blocks) if layer is not None])
    item.setKeepLayerSet(True)
    item.setLayerStyleOverrides(styles)
    item.setKeepLayerStyles(True)
    item.setAtlasDriven(True)
    if spaces.crs().isGeographic():
        item.setAtlasScalingMode(enum(QgsLayoutItemMap, "AtlasScalingMode", "Auto"))
        item.setAtlasMargin(0.15)
    else:
        # "Auto" would reshape the map item to each space's outline (and push it into the key and the
        # table); an extent of the item's own shape around the space, plus a margin, does not. The extent
        # is data-defined (not only the scale): QGIS then fetches and draws just the features the page
        # shows, where a scale alone left the town-wide extent as the request and drew every block.
        for key, expression in extent_expressions(MAP_BOX[2] / MAP_BOX[3], item.extent()).items():
            item.dataDefinedProperties().setProperty(enum(QgsLayoutObject, "DataDefinedProperty", key),
                                                     QgsProperty.fromExpression(expression))
    item.setFrameEnabled(True)
    item.setFrameStrokeWidth(QgsLayoutMeasurement(0.3))
    return item


def number_format(lang):
    """Whole numbers with the thousands separator of ``lang`` (German 1.000, English 1,000)."""
    fmt = QgsBasicNumericFormat()
    fmt.setNumberDecimalPlaces(0)
    fmt.setShowThousandsSeparator(True)
    fmt.setThousandsSeparator("." if lang == "de" else ",")
    fmt.setDecimalSeparator("," if lang == "de" else ".")
    return fmt


def add_scale_bar(layout, item, lang):
    bar = QgsLayoutItemScaleBar(layout)
    bar.setStyle("Single Box")
    bar.setLinkedMap(item)
    bar.applyDefaultSize()
    bar.setNumberOfSegmentsLeft(0)
    bar.setNumberOfSegments(2)
    # The scale changes from page to page: the segments adapt to 14-26 mm instead of one fixed length.
    bar.setSegmentSizeMode(enum(QgsScaleBarSettings, "SegmentSizeMode", "SegmentSizeFitWidth"))
    bar.setMinimumBarWidth(14)
    bar.setMaximumBarWidth(26)
    bar.setHeight(1.8)
    bar.setNumericFormat(number_format(lang))
    if hasattr(bar, "setTextFormat"):
        bar.setTextFormat(text_format(7))
    layout.addLayoutItem(bar)
    bar.attemptMove(QgsLayoutPoint(MAP_BOX[0] + LEGEND_WIDTH + 3, MAP_BOX[1] + MAP_BOX[3] + 1.0))
    return bar


def build_layout(project, name, spaces, id_field, title_text, subtitle_text, blocks, block_space_field,
                 chart_expression, table_expression, legend_path, footnote, page_text, label_expression, lang="en",
                 texts=None):
    """The atlas layout (not yet in the project's layout manager).

    ``texts``: the texts of the pictures, shown as labels (profile_texts): {"legend": [SvgText],
    "chart": {atlas feature id: [SvgText]}, "table": {...}}; the pictures then hold only shapes.
    """
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    layout.setName(name)
    page = layout.pageCollection().page(0)
    page.setPageSize("A4", enum(QgsLayoutItemPage, "Orientation", "Portrait"))

    add_label(layout, title_text, (MARGIN, 11.0, CONTENT, 10.0), 18, bold=True)
    if subtitle_text:
        add_label(layout, subtitle_text, (MARGIN, 23.0, CONTENT, 6.0), 10, colour="#444444")
    styles = {spaces.id(): space_style(spaces, label_expression)}
    if blocks is not None:
        styles[blocks.id()] = block_style(blocks, block_space_field, id_field)
    map_item = add_map(layout, spaces, blocks, styles)
    add_scale_bar(layout, map_item, lang)
    legend_box = (MAP_BOX[0], MAP_BOX[1] + MAP_BOX[3] + 1.5, LEGEND_WIDTH, LEGEND_HEIGHT)
    table_box = (MARGIN, TABLE_TOP, CONTENT, TABLE_HEIGHT)
    add_picture(layout, legend_box, path=legend_path)
    add_picture(layout, CHART_BOX, expression=chart_expression)
    add_picture(layout, table_box, expression=table_expression)
    if texts is not None:
        labels = PageTexts(layout)
        labels.add_static(legend_box, texts["legend"])
        labels.add_per_space(CHART_BOX, texts["chart"])
        labels.add_table(table_box, texts["table"])
        labels.store()
        layout.page_texts = labels  # the atlas signals hold its methods weakly: the layout keeps it
    add_label(layout, footnote, (MARGIN, FOOTNOTE_TOP, CONTENT - 30, 12.0), 6.5, colour="#444444")
    add_label(layout, page_text, (PAGE_WIDTH - MARGIN - 28, FOOTNOTE_TOP, 28, 5.0), 7, align_right=True, colour="#444444")

    atlas = layout.atlas()
    atlas.setCoverageLayer(spaces)
    atlas.setEnabled(True)
    atlas.setSortFeatures(True)
    atlas.setSortAscending(True)
    atlas.setSortExpression(field_ref(id_field))
    atlas.setPageNameExpression(f"to_string({field_ref(id_field)})")
    atlas.setFilenameExpression(f"'profile_' || to_string({field_ref(id_field)})")
    return layout
