"""Numbers as planners type and export them: German or English decimal marks, thousands marks.

Text fields with numbers are common in layers joined from spreadsheets ("1.234", "12,5").
"""
import math
import re

_GERMAN_THOUSANDS = re.compile(r"^[+-]?\d{1,3}(\.\d{3})+(,\d*)?$")  # 1.234 or 1.234,5
_ENGLISH_THOUSANDS = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$")  # 1,234.5 (needs a '.')


def parse_number(value):
    """A float from a number or a number written as text; NaN for None and empty text.

    For single values typed into parameters. A column of a layer is read with
    ``engine.number_columns.read_number_column``, which decides the notation per field.

    Text: "12,5" and "12.5" are 12.5; "1.234" and "1.234,5" use the German thousands mark;
    "1,234.5" the English one. Anything else raises ValueError.
    """
    if value is None:
        return math.nan
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, (int, float)):
        return float(value)
    text = str(value).strip().replace("\u00a0", "").replace(" ", "")
    if not text:
        return math.nan
    if _GERMAN_THOUSANDS.match(text):
        return float(text.replace(".", "").replace(",", "."))
    if _ENGLISH_THOUSANDS.match(text) and "." in text:
        return float(text.replace(",", ""))
    if text.count(",") == 1 and "." not in text:
        text = text.replace(",", ".")
    number = float(text)  # raises ValueError for "k. A." and the like
    return number


_PAIR_BOUNDARY = re.compile(r"[;\n]|,\s*(?=[^\d\s=,;][^=,;]*=)")


def parse_pairs(text):
    """'a=2; b=0,5' -> [('a', '2'), ('b', '0,5')]: field=number pairs as planners type them.

    Pairs are separated by ';' or new lines; ',' separates pairs only where a field name
    follows (so 'sgb2_rate=0,5' keeps its German decimal comma). Field names may be quoted.
    Raises ValueError naming the first item without '='.
    """
    pairs = []
    for item in _PAIR_BOUNDARY.split(text or ""):
        item = item.strip()
        if not item:
            continue
        if "=" not in item:
            raise ValueError(item)
        name, number = item.split("=", 1)
        pairs.append((name.strip().strip('"'), number.strip()))
    return pairs


def parse_number_list(text):
    """'-1; 1; 1,5' (German) or '-1,1,1.5' (English) -> (-1.0, 1.0, 1.5).

    With a ';' the items are separated by ';' and may use a decimal comma; without, by ','
    or spaces with '.' as decimal mark.
    """
    text = (text or "").strip()
    items = text.split(";") if ";" in text else re.split(r"[,\s]+", text)
    return tuple(parse_number(item) for item in items if item.strip())
