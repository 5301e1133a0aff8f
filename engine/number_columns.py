"""Reading a column of numbers stored as text: one notation per field, never per value.

Layers joined from spreadsheets or CSV files hold numbers as text, in German ("1.234,5") or
English ("1,234.5") notation. Single values are often ambiguous ("1,234" is 1.234 in German
and 1234 in English), and deciding per value misreads a column silently: in English "0.5"
and "0.125" are both rates, a per-value reader took "0.125" as 125 (a German thousands mark).
So a column is read in the one notation all its values fit; when both fit and they give
different numbers, the caller must choose the notation, else the column is refused.

A value fits a notation when it is: an optional sign (+, -, or the minus sign U+2212); digits,
either plain or grouped in threes by one thousands mark (the first group 1-3 digits, not
starting with 0); an optional decimal mark followed by digits; an optional exponent (e5, E-3)
after ungrouped digits. "inf", "infinity" and "nan" (any case, with a sign) fit both.

===========  =============  ==========================================
notation     decimal mark   thousands marks
===========  =============  ==========================================
German       ,              . space, no-break spaces, ' and ’
English      .              , space, no-break spaces, ' and ’
===========  =============  ==========================================
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass

import numpy as np

from .errors import SozialraumError

GERMAN, ENGLISH = "de", "en"
NOTATIONS = (GERMAN, ENGLISH)
_SPACES = " \u00a0\u202f"  # space, no-break space, narrow no-break space (French/Swiss typography)
_APOSTROPHES = "'\u2019"  # Swiss 1'234.5
_MARKS = {GERMAN: (",", "." + _SPACES + _APOSTROPHES), ENGLISH: (".", "," + _SPACES + _APOSTROPHES)}
_SPECIAL = re.compile(r"^([+\-\u2212]?)(inf|infinity|nan)$", re.IGNORECASE)


def _pattern(decimal, thousands):
    group = "[" + re.escape(thousands) + "]"
    return re.compile(
        r"^(?P<sign>[+\-\u2212]?)"
        r"(?:(?P<plain>\d+)|(?P<grouped>[1-9]\d{0,2}(?P<mark>" + group + r")\d{3}(?:(?P=mark)\d{3})*))?"
        r"(?:" + re.escape(decimal) + r"(?P<fraction>\d+))?"
        r"(?:[eE](?P<exponent>[+-]?\d+))?$"
    )


_PATTERNS = {notation: _pattern(*marks) for notation, marks in _MARKS.items()}


def read_text(text, notation):
    """The float ``text`` stands for in ``notation`` (GERMAN or ENGLISH), or None if it does not fit.

    Empty text is NaN (a missing value).
    """
    text = text.strip()
    if not text:
        return math.nan
    special = _SPECIAL.match(text)
    if special:
        number = float(special.group(2))
        return -number if special.group(1) in ("-", "\u2212") else number
    match = _PATTERNS[notation].match(text)
    if match is None:
        return None
    whole, fraction, exponent = match.group("plain") or match.group("grouped"), match.group("fraction"), match.group("exponent")
    if whole is None and fraction is None:
        return None
    if match.group("grouped") and exponent is not None:
        return None  # "1.234e5": no one writes that; better refused than guessed
    digits = re.sub(r"\D", "", whole or "0")
    canonical = f"{'-' if match.group('sign') in ('-', chr(0x2212)) else ''}{digits}.{fraction or '0'}e{exponent or '0'}"
    return float(canonical)  # Python rounds decimal text correctly: the exact reading


class NumberColumnError(SozialraumError):
    """A column that cannot be read as numbers; ``positions`` are the rows to name.

    ``code``: ``not_numbers`` (values fit no notation, or not the chosen one), ``mixed`` (values
    fit only German and others only English), ``ambiguous`` (all fit both, with different
    numbers), ``fractional`` (whole numbers wanted, decimals found).
    """

    def __init__(self, code, message, positions, examples, notation=None, readings=()):
        super().__init__(message, positions=list(positions), examples=list(examples), notation=notation,
                         readings=list(readings))
        self.code = code


@dataclass
class NumberColumn:
    values: np.ndarray  # float64, NULL and empty text as NaN
    notation: str | None  # GERMAN or ENGLISH when text was read in it; None when no text or either gives the same
    text_count: int  # how many values were text
    example: tuple | None  # (text, number): a value whose reading shows the notation


def _is_number(value):
    return isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, (bool, np.bool_))


def _is_whole(number):
    return not math.isfinite(number) or float(number).is_integer()


def _distinct(texts, limit=3):
    return list(dict.fromkeys(texts))[:limit]


def read_number_column(values, notation=None, whole=False):
    """Read ``values`` (numbers, None, or text) as one float column: a :class:`NumberColumn`.

    ``notation`` GERMAN or ENGLISH reads all text in it; None decides from the values (see the
    module doc). ``whole``: the numbers must be whole (residents); text values with decimals
    are refused, and a notation in which some value has decimals is ruled out while deciding.
    Raises :class:`NumberColumnError`.
    """
    values = list(values)
    out = np.full(len(values), np.nan)
    texts = {}  # position -> stripped text
    bad = []
    for position, value in enumerate(values):
        if value is None:
            continue
        if isinstance(value, str):
            if value.strip():
                texts[position] = value.strip()
        elif _is_number(value):
            out[position] = float(value)
        else:
            bad.append(position)
    readings = {n: {p: read_text(t, n) for p, t in texts.items()} for n in NOTATIONS}
    chosen = [notation] if notation else list(NOTATIONS)
    bad += [p for p in texts if all(readings[n][p] is None for n in chosen)]
    if bad:
        bad.sort()
        raise NumberColumnError("not_numbers", f"values that are not numbers: {_distinct(str(values[p]) for p in bad)}",
                                bad, _distinct(str(values[p]) for p in bad), notation)
    candidates = [n for n in chosen if all(readings[n][p] is not None for p in texts)]
    if not candidates:  # every value fits one notation, but not all the same one
        only = {n: [t for p, t in texts.items() if readings[n][p] is not None and readings[_other(n)][p] is None]
                for n in NOTATIONS}
        examples = [only[GERMAN][0], only[ENGLISH][0]]
        positions = [p for p in texts if readings[ENGLISH][p] is None]
        raise NumberColumnError("mixed", f"German ({examples[0]!r}) and English ({examples[1]!r}) notation mixed",
                                positions, examples)
    if whole and len(candidates) > 1:
        whole_candidates = [n for n in candidates if all(_is_whole(readings[n][p]) for p in texts)]
        candidates = whole_candidates or candidates
    differing = [p for p in texts if not _same(readings[GERMAN][p], readings[ENGLISH][p])] if len(candidates) > 1 else []
    if differing:
        examples = _distinct(texts[p] for p in differing)
        pairs = [(t, read_text(t, GERMAN), read_text(t, ENGLISH)) for t in examples]
        raise NumberColumnError("ambiguous", f"values read differently in German and English: {examples}",
                                differing, examples, readings=pairs)
    used = candidates[0]
    for position in texts:
        out[position] = readings[used][position]
    if whole:
        fractional = [p for p in texts if not _is_whole(out[p])]
        if fractional:
            raise NumberColumnError("fractional", f"values with decimals: {_distinct(texts[p] for p in fractional)}",
                                    fractional, _distinct(texts[p] for p in fractional), used)
    decided = used if len(candidates) == 1 else None  # two candidates left: every value reads the same in both
    example = _example(texts, readings, decided)
    return NumberColumn(out, decided if texts else None, len(texts), example)


def readable_numbers(values):
    """The values as floats where a caller cannot ask back (the live layer of the consultation).

    Read as :func:`read_number_column` reads them, except that text that is no number ("k. A.")
    counts as missing (NaN) for its row. A field whose notation is ambiguous or mixed gives None.
    """
    values = list(values)
    try:
        return read_number_column(values).values
    except NumberColumnError as error:
        if error.code != "not_numbers":
            return None
        skipped = set(error.details["positions"])
    try:
        return read_number_column([None if row in skipped else value for row, value in enumerate(values)]).values
    except NumberColumnError:
        return None


def _other(notation):
    return ENGLISH if notation == GERMAN else GERMAN


def _same(a, b):
    if a is None or b is None:
        return False
    return a == b or (math.isnan(a) and math.isnan(b))


def _example(texts, readings, notation):
    """A value showing the notation: one that fits only it, or reads differently in the other."""
    if not texts:
        return None
    if notation:
        for position, text in texts.items():
            if not _same(readings[GERMAN][position], readings[ENGLISH][position]):
                return text, readings[notation][position]
    position, text = next(iter(texts.items()))
    return text, readings[notation or GERMAN][position]
