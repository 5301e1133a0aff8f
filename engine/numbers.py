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


#: after a ',' outside quotes: a field name and '=' follow (so the ',' separates two pairs)
_NEXT_PAIR = re.compile(r'\s*("|[^\d\s=,;"][^=,;"]*=)')


def parse_pairs(text):
    """'a=2; b=0,5' -> [('a', '2'), ('b', '0,5')]: field=number pairs as planners type them.

    Pairs are separated by ';' or new lines; ',' separates pairs only where a field name
    follows (so 'sgb2_rate=0,5' keeps its German decimal comma). Field names may be quoted,
    and a quoted name may hold ',', ';' and '=' ('"Anteil 0-6, %"=2'; '""' is a quote in it).
    Raises ValueError naming the first item without '='.
    """
    pairs = []
    for item in _split_outside_quotes(text or ""):
        item = item.strip()
        if not item:
            continue
        at = _first_outside_quotes(item, "=")
        if at < 0:
            raise ValueError(item)
        pairs.append((_unquoted(item[:at].strip()), item[at + 1:].strip()))
    return pairs


def _split_outside_quotes(text):
    """The items of ``text``: cut at ';' and new lines, and at ',' before a field name, never inside quotes."""
    items, start, quoted = [], 0, False
    for position, character in enumerate(text):
        if character == '"':
            quoted = not quoted
        elif not quoted and (character in ";\n" or (character == "," and _NEXT_PAIR.match(text, position + 1))):
            items.append(text[start:position])
            start = position + 1
    items.append(text[start:])
    return items


def _first_outside_quotes(text, wanted):
    quoted = False
    for position, character in enumerate(text):
        if character == '"':
            quoted = not quoted
        elif character == wanted and not quoted:
            return position
    return -1


def _unquoted(name):
    if len(name) >= 2 and name[0] == name[-1] == '"':
        return name[1:-1].replace('""', '"')
    return name


def parse_number_list(text):
    """'-1; 1; 1,5' (German) or '-1,1,1.5' (English) -> (-1.0, 1.0, 1.5).

    With a ';' the items are separated by ';' and may use a decimal comma; without, by ','
    or spaces with '.' as decimal mark.
    """
    text = (text or "").strip()
    items = text.split(";") if ";" in text else re.split(r"[,\s]+", text)
    return tuple(parse_number(item) for item in items if item.strip())
