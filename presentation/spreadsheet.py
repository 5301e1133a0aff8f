"""Tables for spreadsheets: CSV and XLSX with numeric cells (standard library only).

The exported table is text as shown to people (German: "1.234,5"; "." for a suppressed cell,
"x" for a value that cannot exist). In the XLSX every number becomes a numeric cell (the
spreadsheet shows it in its own locale and can compute with it) and "." / "x" stay text
cells in the same column, as official statistics publish them; a numeric column stays a
numeric column.
"""
import csv
import re
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

#: cells that are text by convention in a table of numbers
MARKS = (".", "x", "-", "")
_GERMAN = re.compile(r"^-?\d{1,3}(\.\d{3})*(,\d+)?$|^-?\d+(,\d+)?$")
_ENGLISH = re.compile(r"^-?\d{1,3}(,\d{3})*(\.\d+)?$|^-?\d+(\.\d+)?$")


def write_csv(path, frame, lang):
    """UTF-8 with byte-order mark (spreadsheets detect it); ';' for German, ',' otherwise."""
    delimiter = ";" if lang == "de" else ","
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=delimiter)
        writer.writerow(list(frame.columns))
        for row in frame.itertuples(index=False):
            writer.writerow(list(row))
    return path


def cell_number(text, lang):
    """The number a displayed cell shows, or None when it is text (a mark, a name)."""
    text = str(text).strip()
    if text in MARKS:
        return None
    if lang == "de" and _GERMAN.match(text):
        return float(text.replace(".", "").replace(",", "."))
    if lang != "de" and _ENGLISH.match(text):
        return float(text.replace(",", ""))
    return None


def _column(index):
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _text_cell(reference, text):
    return f'<c r="{reference}" t="inlineStr"><is><t xml:space="preserve">{escape(str(text))}</t></is></c>'


def _sheet_xml(frame, lang, numeric=None):
    rows = ['<row r="1">' + "".join(_text_cell(f"{_column(j)}1", name) for j, name in enumerate(frame.columns)) + "</row>"]
    for i, values in enumerate(frame.itertuples(index=False), start=2):
        cells = []
        for j, text in enumerate(values):
            reference = f"{_column(j)}{i}"
            # the first column names the space; ``numeric``: only these columns may hold numbers (ids stay text)
            number = cell_number(text, lang) if (j > 0 if numeric is None else j in numeric) else None
            if number is None:
                cells.append(_text_cell(reference, text))
            else:
                cells.append(f'<c r="{reference}"><v>{repr(number)}</v></c>')
        rows.append(f'<row r="{i}">' + "".join(cells) + "</row>")
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" '
            'state="frozen"/></sheetView></sheetViews>'
            "<sheetData>" + "".join(rows) + "</sheetData></worksheet>")


def write_xlsx(path, frame, lang, sheet="Table", numeric=None):
    """One sheet: a header row of labels, then one row per space; numbers as numeric cells.

    ``numeric``: the indexes of the columns whose numbers become numeric cells (default: all but the first).
    """
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    package = "http://schemas.openxmlformats.org/package/2006/relationships"
    parts = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            '<Override PartName="/xl/styles.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
            "</Types>"),
        "_rels/.rels": (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="{package}">'
            f'<Relationship Id="rId1" Type="{relationships}/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
        "xl/workbook.xml": (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="{main}" xmlns:r="{relationships}">'
            f'<sheets><sheet name="{escape(sheet[:31])}" sheetId="1" r:id="rId1"/></sheets></workbook>'),
        "xl/_rels/workbook.xml.rels": (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="{package}">'
            f'<Relationship Id="rId1" Type="{relationships}/worksheet" Target="worksheets/sheet1.xml"/>'
            f'<Relationship Id="rId2" Type="{relationships}/styles" Target="styles.xml"/></Relationships>'),
        "xl/styles.xml": (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="{main}">'
            '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
            '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
            '<borders count="1"><border/></borders>'
            '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
            '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>'
            '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
            "</styleSheet>"),
        "xl/worksheets/sheet1.xml": _sheet_xml(frame, lang, numeric),
    }
    Path(path).unlink(missing_ok=True)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(name, text.encode("utf-8"))
    return path
