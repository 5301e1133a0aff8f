"""The XLSX export (stdlib only): numeric cells for numbers in either convention, marks as text."""
import xml.etree.ElementTree as ET
import zipfile

import pandas as pd
import pytest

from sozialraum.presentation.spreadsheet import cell_number, write_xlsx

NS = {"s": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}


@pytest.mark.parametrize("text, lang, number", [
    ("1.234,5", "de", 1234.5), ("12,5", "de", 12.5), ("700", "de", 700.0), ("1,234.5", "en", 1234.5),
    ("12.5", "en", 12.5), (".", "de", None), ("x", "en", None), ("Nordstadt", "de", None), ("1.234,5", "en", None),
])
def test_cell_numbers(text, lang, number):
    assert cell_number(text, lang) == number


def test_sheet_has_typed_cells(tmp_path):
    frame = pd.DataFrame({"Sozialraum": ["1", "Nord"], "Einwohner": ["1.234", "."], "Quote": ["12,5", "3,0"]})
    path = write_xlsx(tmp_path / "t.xlsx", frame, "de", sheet="Tabelle")
    archive = zipfile.ZipFile(path)
    assert "Tabelle" in archive.read("xl/workbook.xml").decode()
    rows = ET.fromstring(archive.read("xl/worksheets/sheet1.xml")).findall(".//s:row", NS)
    cells = [[(c.get("t"), "".join(c.itertext())) for c in row.findall("s:c", NS)] for row in rows]
    assert cells[0] == [("inlineStr", "Sozialraum"), ("inlineStr", "Einwohner"), ("inlineStr", "Quote")]
    assert cells[1] == [("inlineStr", "1"), (None, "1234.0"), (None, "12.5")]  # the space name stays text
    assert cells[2] == [("inlineStr", "Nord"), ("inlineStr", "."), (None, "3.0")]
