"""The texts of the profile pictures (table, age chart, map key) as layout labels: text in the PDF.

Qt's SVG renderer outlines SVG text, so the pictures show only shapes and each text position
("slot": the n-th text of the chart, of the map key) becomes one label; the indicator table's
texts, which stand in fixed rows and columns, become one manual table a column.

Stored layout: what a slot says on a page, and where it stands when that differs between
spaces (a chart value sits at the end of its bar), is read by the label's expression from a
layout variable per space (``sozialraum_page_<atlas feature id>``: the page's texts, then the
x positions, joined by SEPARATOR). The variables are saved with the layout, so a layout kept in
the project shows every page's numbers after the project is reopened.

Export: evaluating 200 such expressions a page (and a layout scope with a variable per space
for every item) costs about a second a page. While an atlas renders, labels and tables therefore get
the page's plain texts and positions when the atlas moves to a feature, and the variables are
set aside; both come back when the render ends.
"""
from collections import Counter

from qgis.core import (
    QgsExpressionContextUtils,
    QgsLayoutFrame,
    QgsLayoutItemManualTable,
    QgsLayoutObject,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsProperty,
    QgsTableCell,
)
from qgis.PyQt import sip
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor, QFont, QFontMetricsF

from . import profile_layout  # as a module: profile_layout imports this one

VARIABLE_PREFIX = "sozialraum_page_"
SEPARATOR = "\u241f"  # "symbol for unit separator" (replaced by a space in the very unlikely text with it)
POINTS_PER_MM = 72 / 25.4


def _metrics(font_family="DejaVu Sans"):
    """Ascent and descent as shares of the font size (labels are placed by their top, table cells by their bottom)."""
    font = QFont(font_family)
    font.setPixelSize(1000)
    metrics = QFontMetricsF(font)
    return metrics.ascent() / 1000, metrics.descent() / 1000


def _lookup(slot):
    return (f"array_get(string_to_array(var('{VARIABLE_PREFIX}' || to_string(@atlas_featureid)), "
            f"'{SEPARATOR}', ''), {slot})")


class _Slot:
    """A label whose text (number ``index`` of a page's texts) or position differs between spaces."""

    def __init__(self, label, index, moves, offset):
        self.label, self.index, self.moves, self.offset = label, index, moves, offset
        self.expression = f"[% {_lookup(index)} %]"


class PageTexts:
    """Collects the slots of the pictures, stores the variables and swaps in plain texts while exporting."""

    def __init__(self, layout):
        self.layout = layout
        self.texts = {}  # fid -> [text of every slot]
        self.xs = {}  # fid -> [page x of every slot, mm]
        self.slots = []  # _Slot of every label whose text or position differs between spaces
        self.tables = []  # _ColumnTable of the indicator table's columns
        self.count = 0
        self.stashed = None
        self.ascent, self.descent = _metrics()

    def add_static(self, box, texts):
        """Labels of a picture that is the same on every page (the map key)."""
        for text in texts:
            self._label(box, text, text.text, text.x, text.x)

    def _positions(self, box, texts_by_fid):
        """Per text position of the picture: (model text, xs, None for a text the same on every page or the slot)."""
        count = max((len(texts) for texts in texts_by_fid.values()), default=0)
        for position in range(count):
            present = {fid: texts[position] for fid, texts in texts_by_fid.items() if position < len(texts)}
            reference = Counter(text.style for text in present.values()).most_common(1)[0][0]
            model = next(text for text in present.values() if text.style == reference)
            xs = [text.x for text in present.values()]
            moves = max(xs) - min(xs) > 0.01
            if len({text.text for text in present.values()}) == 1 and len(present) == len(texts_by_fid) and not moves:
                yield model, xs, None
                continue
            slot = self.count
            self.count += 1
            for fid in texts_by_fid:
                text = present.get(fid)
                self.texts.setdefault(fid, []).append(text.text if text else "")
                self.xs.setdefault(fid, []).append(box[0] + (text.x if text else model.x))
            yield model, xs, slot

    def add_per_space(self, box, texts_by_fid):
        """Labels for a picture that differs per space: ``texts_by_fid`` = {atlas feature id: [SvgText]}."""
        for model, xs, slot in self._positions(box, texts_by_fid):
            if slot is None:
                self._label(box, model, model.text, model.x, model.x)
                continue
            label, offset = self._label(box, model, f"[% {_lookup(slot)} %]", min(xs), max(xs))
            self.slots.append(_Slot(label, slot, max(xs) - min(xs) > 0.01, offset))

    def add_table(self, box, texts_by_fid):
        """Like add_per_space for a picture whose texts stand in rows and columns that do not move (the
        indicator table): one manual table a column instead of a label a cell (200 labels cost 0.25 s a page)."""
        columns = {}
        for model, _, slot in self._positions(box, texts_by_fid):
            columns.setdefault((model.anchor, round(model.x, 2)), []).append((model, slot))
        for (anchor, x), cells in columns.items():
            self.tables.append(_ColumnTable(self.layout, box, anchor, x, sorted(cells, key=lambda cell: cell[0].y),
                                            self.descent))

    @staticmethod
    def _set_moving(slot, active):
        """Switches the label's data-defined x on or off (off: the export swap places it)."""
        key = profile_layout.enum(QgsLayoutObject, "DataDefinedProperty", "PositionX")
        properties = slot.label.dataDefinedProperties()
        prop = properties.property(key)
        prop.setActive(active)
        properties.setProperty(key, prop)

    def _label(self, box, text, content, x_min, x_max):
        size_pt = text.size * POINTS_PER_MM
        width = {"start": box[2] - x_min, "end": x_max, "middle": 2 * min(x_min, box[2] - x_max)}[text.anchor]
        width = max(width, text.size)
        offset = {"start": 0.0, "end": width, "middle": width / 2}[text.anchor]
        top = box[1] + text.y - self.ascent * text.size
        label = profile_layout.add_label(self.layout, content, (box[0] + x_min - offset, top, width, text.size * 1.6),
                                         size_pt, bold=text.bold, colour=text.colour, align_right=text.anchor == "end")
        if text.anchor == "middle":
            label.setHAlign(profile_layout.enum(Qt, "AlignmentFlag", "AlignHCenter"))
        label.setBackgroundEnabled(False)
        label.setFrameEnabled(False)
        return label, offset

    # -- variables ----------------------------------------------------------------------
    def variables(self):
        """{variable name: the page's texts, then its x positions, joined by SEPARATOR}."""
        return {f"{VARIABLE_PREFIX}{fid}": SEPARATOR.join([text.replace(SEPARATOR, " ") for text in texts]
                                                         + [f"{x:.2f}" for x in self.xs[fid]])
                for fid, texts in self.texts.items()}

    def store(self):
        """The variables the labels read (saved with the layout), the moving labels' x, and the export swap."""
        for name, value in self.variables().items():
            QgsExpressionContextUtils.setLayoutVariable(self.layout, name, value)
        key = profile_layout.enum(QgsLayoutObject, "DataDefinedProperty", "PositionX")
        for slot in self.slots:
            if slot.moves:  # the x positions follow the texts in the variable
                x = f"to_real({_lookup(self.count + slot.index)}) - {slot.offset!r}"
                slot.label.dataDefinedProperties().setProperty(key, QgsProperty.fromExpression(x))
        atlas = self.layout.atlas()
        atlas.renderBegun.connect(self._begin)
        atlas.featureChanged.connect(self._show)
        atlas.renderEnded.connect(self._end)

    # -- export swap --------------------------------------------------------------------
    @staticmethod
    def _alive(parts):
        """The labels and tables a planner has not deleted in the designer since."""
        return [part for part in parts if not sip.isdeleted(getattr(part, "label", None) or part.table)]

    def _begin(self):
        names = list(self.layout.customProperty("variableNames", []) or [])
        values = list(self.layout.customProperty("variableValues", []) or [])
        self.stashed = (names, values)
        kept = [(n, v) for n, v in zip(names, values) if not n.startswith(VARIABLE_PREFIX)]
        self.layout.setCustomProperty("variableNames", [n for n, _ in kept])
        self.layout.setCustomProperty("variableValues", [v for _, v in kept])
        for slot in self._alive(self.slots):
            if slot.moves:
                self._set_moving(slot, False)

    def _show(self, feature):
        if self.stashed is None:
            return
        texts, xs = self.texts.get(feature.id()), self.xs.get(feature.id())
        if texts is None:
            return
        for table in self._alive(self.tables):
            table.show(texts)
        for slot in self._alive(self.slots):
            slot.label.setText(texts[slot.index])
            if slot.moves:
                y = slot.label.positionWithUnits().y()
                slot.label.attemptMove(QgsLayoutPoint(xs[slot.index] - slot.offset, y))

    def _end(self):
        if self.stashed is None:
            return
        names, values = self.stashed
        self.stashed = None
        self.layout.setCustomProperty("variableNames", names)
        self.layout.setCustomProperty("variableValues", values)
        for table in self._alive(self.tables):
            table.show(None)
        for slot in self._alive(self.slots):
            slot.label.setText(slot.expression)
            if slot.moves:
                self._set_moving(slot, True)


class _ColumnTable:
    """One column of the indicator table as a manual table: a row per text, evenly spaced like the SVG's rows."""

    MARGIN = 0.3  # mm around a cell's text

    def __init__(self, layout, box, anchor, x, cells, descent):
        self.cells = cells  # [(model SvgText, slot or None)] from top to bottom
        self.table = QgsLayoutItemManualTable.create(layout)
        layout.addMultiFrame(self.table)
        first = cells[0][0]
        pitch = cells[1][0].y - first.y if len(cells) > 1 else first.size * 1.6
        self.table.setIncludeTableHeader(False)
        self.table.setShowGrid(False)
        self.table.setBackgroundColor(QColor(0, 0, 0, 0))
        self.table.setCellMargin(self.MARGIN)
        width = {"start": box[2] - x, "end": x, "middle": 2 * min(x, box[2] - x)}[anchor]
        self.table.setColumnWidths([width])
        self.table.setRowHeights([pitch - 2 * self.MARGIN] * len(cells))
        self.alignment = {"start": "AlignLeft", "end": "AlignRight", "middle": "AlignHCenter"}[anchor]
        self.show(None)
        frame = QgsLayoutFrame(layout, self.table)
        left = {"start": x, "end": x - width, "middle": x - width / 2}[anchor] - self.MARGIN
        # bottom-aligned cells: a smaller text in the column (the units) keeps its baseline on the row's
        top = first.y + descent * first.size + self.MARGIN - pitch
        frame.attemptMove(QgsLayoutPoint(box[0] + left, box[1] + top))
        frame.attemptResize(QgsLayoutSize(width + 2 * self.MARGIN, pitch * len(cells) + 1.0))
        frame.setBackgroundEnabled(False)
        frame.setFrameEnabled(False)
        self.table.addFrame(frame)

    def _cell(self, model, content):
        cell = QgsTableCell(content)
        fmt = profile_layout.text_format(model.size * POINTS_PER_MM, model.bold, model.colour)
        cell.setTextFormat(fmt)
        cell.setHorizontalAlignment(profile_layout.enum(Qt, "AlignmentFlag", self.alignment))
        cell.setVerticalAlignment(profile_layout.enum(Qt, "AlignmentFlag", "AlignBottom"))
        return cell

    def show(self, texts):
        """The page's ``texts`` (plain, while exporting) or, with None, the expressions of the stored layout."""
        rows = []
        for model, slot in self.cells:
            if slot is None:
                content = model.text
            elif texts is None:
                content = QgsProperty.fromExpression(_lookup(slot))
            else:
                content = texts[slot]
            rows.append([self._cell(model, content)])
        self.table.setTableContents(rows)
