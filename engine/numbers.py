"""Numbers as planners type and export them: German or English decimal marks, thousands marks.

Text fields with numbers are common in layers joined from spreadsheets ("1.234", "12,5").
"""
import math
import re

_GERMAN_THOUSANDS = re.compile(r"^[+-]?\d{1,3}(\.\d{3})+(,\d*)?$")  # 1.234 or 1.234,5
_ENGLISH_THOUSANDS = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$")  # 1,234.5 (needs a '.')


def parse_number(value):
    """A float from a number or a number written as text; NaN for None and empty text.

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
