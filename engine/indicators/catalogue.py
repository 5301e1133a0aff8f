"""The indicator catalogue: a CSV file planners edit, parsed and checked here.

Format (see docs/catalogue.md): UTF-8 (a byte-order mark is accepted), separated by ``;``
or ``,`` (decided by the header line: ``;`` if it holds one, else ``,``), one indicator per
line, lines starting with ``#`` are comments. Numerators, denominators and weights are
*expressions*: field names joined by ``+`` or ``-`` (``pop_u6+pop_6_14+pop_15_17``), field
names with other characters in double quotes. They are parsed by a tokenizer, never
evaluated as code.
"""
from __future__ import annotations

import csv
import io
import math
import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from ..errors import (
    CatalogueError,
    DuplicateIndicatorError,
    MissingFieldError,
    NonNumericFieldError,
)

KINDS = ("count", "rate", "ratio", "mean", "density")
HIGHER_IS = ("worse", "better", "neutral")
#: name of the block-area column (m²) that the algorithms add from the geometry when absent
AREA_FIELD = "area_m2"
#: a shapefile (dBASE) field name has at most 10 characters; longer names are cut when saving
SHAPEFILE_NAME_LENGTH = 10
#: a density is "per km²", its denominator field is in m²
M2_PER_KM2 = 1_000_000.0
DEFAULT_FACTOR = {"count": 1.0, "rate": 100.0, "ratio": 1.0, "mean": 1.0, "density": 1.0}
REQUIRED_COLUMNS = ("id", "label_en", "label_de", "kind", "numerator")
OPTIONAL_COLUMNS = (
    "denominator", "factor", "weight_field", "unit", "group", "higher_is", "description",
    "description_de", "part_of", "confidential", "decimals",
)
_TRUE = {"yes", "y", "true", "1", "ja", "j", "x"}
_FALSE = {"no", "n", "false", "0", "nein", ""}

_TOKEN = re.compile(r'\s*(?:(?P<name>[^\W\d]\w*)|"(?P<quoted>[^"]+)"|(?P<op>[+-]))\s*', re.UNICODE)


@dataclass(frozen=True)
class Expression:
    """A signed sum of fields, e.g. ``pop_u6+pop_6_14`` -> ((1, 'pop_u6'), (1, 'pop_6_14'))."""

    terms: tuple
    text: str

    @property
    def fields(self):
        return tuple(dict.fromkeys(name for _, name in self.terms))

    @property
    def is_sum(self):
        """Only ``+`` terms (then it is a total of its parts for confidentiality)."""
        return all(sign > 0 for sign, _ in self.terms)

    @property
    def key(self):
        """Canonical text: the same sum written in another order gives the same key."""
        return "+".join(sorted(f"{'-' if s < 0 else ''}{n}" for s, n in self.terms))

    def __str__(self):
        return self.text


def parse_expression(text, indicator=None, column=None, line=None):
    """Parse ``a+b-c`` into an :class:`Expression`; refuse anything else (never evaluated)."""
    text = (text or "").strip()
    if not text:
        raise CatalogueError("bad_expression", f"empty expression in column {column!r}.", indicator, line, column, text)
    terms = []
    position, expect_name, sign = 0, True, 1
    while position < len(text):
        match = _TOKEN.match(text, position)
        if not match or match.end() == position:
            raise CatalogueError(
                "bad_expression",
                f"cannot read {text!r} in column {column!r} at character {position + 1}: use field names joined by + or -.",
                indicator, line, column, text,
            )
        position = match.end()
        if match.group("op"):
            if expect_name:
                if terms:  # two operators in a row
                    raise CatalogueError("bad_expression", f"two operators in a row in {text!r}.", indicator, line, column, text)
                raise CatalogueError("bad_expression", f"{text!r} starts with an operator.", indicator, line, column, text)
            sign = 1 if match.group("op") == "+" else -1
            expect_name = True
        else:
            if not expect_name:
                raise CatalogueError("bad_expression", f"missing + or - between field names in {text!r}.", indicator, line, column, text)
            terms.append((sign, match.group("name") or match.group("quoted").strip()))
            expect_name = False
    if expect_name:
        raise CatalogueError("bad_expression", f"{text!r} ends with an operator.", indicator, line, column, text)
    return Expression(tuple(terms), text)


@dataclass(frozen=True)
class Indicator:
    id: str
    label_en: str
    label_de: str
    kind: str
    numerator: Expression
    denominator: Expression | None = None
    factor: float = 1.0
    weight: Expression | None = None
    unit: str = ""
    group: str = ""
    higher_is: str = "neutral"
    description: str = ""
    description_de: str = ""
    part_of: str = ""
    confidential: bool = True
    decimals: int | None = None
    line: int | None = None

    def label(self, lang="en"):
        return self.label_de if lang == "de" else self.label_en

    @property
    def fields(self):
        """Every field the indicator reads."""
        names = list(self.numerator.fields)
        for expr in (self.denominator, self.weight):
            if expr is not None:
                names.extend(expr.fields)
        return tuple(dict.fromkeys(names))

    @property
    def count_fields(self):
        """Fields that must be non-negative counts (the value field of a mean may be anything)."""
        if self.kind == "mean":
            return self.weight.fields
        return self.fields

    @property
    def sign(self):
        """+1 when higher means more need, -1 when it means less, 0 when neutral."""
        return {"worse": 1, "better": -1}.get(self.higher_is, 0)


@dataclass(frozen=True)
class Catalogue:
    indicators: tuple
    source: str = ""
    extra_columns: tuple = field(default_factory=tuple)

    def __iter__(self):
        return iter(self.indicators)

    def __len__(self):
        return len(self.indicators)

    def __getitem__(self, key):
        for indicator in self.indicators:
            if indicator.id == key:
                return indicator
        raise KeyError(key)

    def __contains__(self, key):
        return any(indicator.id == key for indicator in self.indicators)

    @property
    def ids(self):
        return [indicator.id for indicator in self.indicators]

    def labels(self, lang="en"):
        return {indicator.id: indicator.label(lang) for indicator in self.indicators}

    def fields(self):
        """Every field any indicator reads, in catalogue order."""
        names = []
        for indicator in self.indicators:
            names.extend(indicator.fields)
        return list(dict.fromkeys(names))

    def users(self, field_name):
        return [indicator.id for indicator in self.indicators if field_name in indicator.fields]

    def select(self, ids):
        """A catalogue of the given indicators (in the given order)."""
        return Catalogue(tuple(self[i] for i in ids), self.source, self.extra_columns)

    def signs(self):
        return {indicator.id: indicator.sign for indicator in self.indicators}

    def check_fields(self, table, area_field_optional=False):
        """Refuse a table that lacks a field the catalogue names, or has it non-numeric.

        ``table`` is a DataFrame (or a mapping name -> dtype/values). Raises
        :class:`MissingFieldError` / :class:`NonNumericFieldError` naming the field and the
        first indicator using it. With ``area_field_optional`` a missing ``area_m2`` is allowed
        (the caller adds it from the geometry).
        """
        columns = list(table.columns) if hasattr(table, "columns") else list(table)
        present = set(columns)
        missing = []
        for name in self.fields():
            if name not in present and not (area_field_optional and name == AREA_FIELD):
                missing.append((name, self.users(name)))
        if missing:
            name, users = missing[0]
            lower = {str(c).lower(): c for c in columns}
            suggestion = lower.get(name.lower())
            truncated = False
            if suggestion is None and len(name) > SHAPEFILE_NAME_LENGTH:
                # a shapefile keeps the first 10 characters: 'hh_single_parent' is stored as 'hh_single_'
                suggestion = lower.get(name[:SHAPEFILE_NAME_LENGTH].lower())
                truncated = suggestion is not None
            raise MissingFieldError(name, users[0] if users else None, missing, suggestion, truncated=truncated)
        if hasattr(table, "columns"):
            for name in self.fields():
                if name in present:
                    numeric_column(table[name], name, self.users(name))


def numeric_column(series, name, users=()):
    """The column as float64 numpy (NULL -> NaN); refuse text and booleans naming the field."""
    dtype = series.dtype
    if pd.api.types.is_bool_dtype(dtype):
        raise NonNumericFieldError(name, users[0] if users else None, series.head(3).tolist())
    if pd.api.types.is_numeric_dtype(dtype):
        return series.to_numpy(dtype=float, na_value=np.nan)
    # object / string columns: accepted only when every non-NULL value is a number
    values = series.to_numpy(dtype=object)
    out = np.empty(len(values), dtype=float)
    bad = []
    for index, value in enumerate(values):
        if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA or value is pd.NaT:
            out[index] = np.nan
        elif isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, (bool, np.bool_)):
            out[index] = float(value)
        else:
            bad.append(value)
            if len(bad) >= 3:
                break
    if bad:
        raise NonNumericFieldError(name, users[0] if users else None, bad)
    return out


def _flag(value, indicator, line, column, default):
    text = (value or "").strip().lower()
    if not text:
        return default
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise CatalogueError("bad_flag", f"{column} must be yes or no, not {value!r}.", indicator, line, column, value)


def _number(value, indicator, line, column):
    text = (value or "").strip().replace(" ", "")
    if "," in text and "." not in text:
        text = text.replace(",", ".")  # German decimal comma
    try:
        number = float(text)
    except ValueError:
        raise CatalogueError("bad_factor", f"{column} must be a number, not {value!r}.", indicator, line, column, value) from None
    if not math.isfinite(number) or number <= 0:
        raise CatalogueError("bad_factor", f"{column} must be a positive number, not {value!r}.", indicator, line, column, value)
    return number


def indicator_from_record(record, line=None):
    """One :class:`Indicator` from a mapping of column -> text (as read from the CSV)."""
    get = lambda key: (record.get(key) or "").strip()  # noqa: E731
    ident = get("id")
    if not ident:
        raise CatalogueError("empty_id", "an indicator has no id.", None, line, "id", "")
    for column in ("label_en", "label_de"):
        if not get(column):
            raise CatalogueError("empty_label", f"{column} is empty.", ident, line, column, "")
    kind = get("kind").lower()
    if kind not in KINDS:
        raise CatalogueError(
            "unknown_kind", f"unknown kind {get('kind')!r}; use one of {', '.join(KINDS)}.", ident, line, "kind", get("kind")
        )
    if not get("numerator"):
        raise CatalogueError("missing_numerator", "numerator is empty.", ident, line, "numerator", "")
    numerator = parse_expression(get("numerator"), ident, "numerator", line)
    denominator = None
    if kind in ("rate", "ratio", "density"):
        if not get("denominator"):
            hint = f" (the area in m², e.g. {AREA_FIELD})" if kind == "density" else ""
            raise CatalogueError("missing_denominator", f"a {kind} needs a denominator{hint}.", ident, line, "denominator", "")
        denominator = parse_expression(get("denominator"), ident, "denominator", line)
    elif get("denominator"):
        raise CatalogueError(
            "unexpected_denominator", f"a {kind} has no denominator (found {get('denominator')!r}).",
            ident, line, "denominator", get("denominator"),
        )
    weight = None
    if kind == "mean":
        if not get("weight_field"):
            raise CatalogueError("missing_weight", "a mean needs a weight_field.", ident, line, "weight_field", "")
        weight = parse_expression(get("weight_field"), ident, "weight_field", line)
    elif get("weight_field"):
        raise CatalogueError(
            "unexpected_weight", f"only a mean has a weight_field (found {get('weight_field')!r}).",
            ident, line, "weight_field", get("weight_field"),
        )
    factor = _number(get("factor"), ident, line, "factor") if get("factor") else DEFAULT_FACTOR[kind]
    higher_is = get("higher_is").lower() or "neutral"
    if higher_is not in HIGHER_IS:
        raise CatalogueError(
            "bad_higher_is", f"higher_is must be one of {', '.join(HIGHER_IS)}, not {get('higher_is')!r}.",
            ident, line, "higher_is", get("higher_is"),
        )
    decimals = None
    if get("decimals"):
        try:
            decimals = int(get("decimals"))
        except ValueError:
            decimals = -1
        if not 0 <= decimals <= 6:
            raise CatalogueError("bad_decimals", f"decimals must be 0..6, not {get('decimals')!r}.", ident, line, "decimals", get("decimals"))
    confidential = _flag(get("confidential"), ident, line, "confidential", default=kind != "mean")
    return Indicator(
        id=ident, label_en=get("label_en"), label_de=get("label_de"), kind=kind, numerator=numerator,
        denominator=denominator, factor=factor, weight=weight, unit=get("unit"), group=get("group"),
        higher_is=higher_is, description=get("description"), description_de=get("description_de"),
        part_of=get("part_of"), confidential=confidential, decimals=decimals, line=line,
    )


def catalogue_from_records(records, source=""):
    """Build and check a catalogue from mappings (``line`` is taken from a ``_line`` key if present)."""
    indicators, seen = [], {}
    for number, record in enumerate(records, start=1):
        line = record.get("_line", number)
        indicator = indicator_from_record(record, line)
        seen.setdefault(indicator.id, []).append(line)
        indicators.append(indicator)
    for ident, lines in seen.items():
        if len(lines) > 1:
            raise DuplicateIndicatorError(ident, lines)
    if not indicators:
        raise CatalogueError("empty", "the catalogue has no indicators.")
    by_id = {i.id: i for i in indicators}
    for indicator in indicators:
        if indicator.part_of:
            whole = by_id.get(indicator.part_of)
            if whole is None or whole.kind != "count" or indicator.kind != "count":
                raise CatalogueError(
                    "unknown_part_of", f"part_of must name another count indicator, not {indicator.part_of!r}.",
                    indicator.id, indicator.line, "part_of", indicator.part_of,
                )
    return Catalogue(tuple(indicators), source)


def _without_comments(text):
    """The text with comment lines blanked (kept as empty lines, so line numbers stay right).

    A line starting with '#' is a comment only outside a quoted value: a description quoted
    over several lines may have a line starting with '#'. Quote state follows the CSV rule
    (a '"' toggles it; an escaped '""' toggles twice).
    """
    out, quoted = [], False
    for line in text.split("\n"):
        if not quoted and line.lstrip().startswith("#"):
            out.append("")
            continue
        out.append(line)
        if line.count('"') % 2:
            quoted = not quoted
    return "\n".join(out)


def _csv_rows(text, delimiter):
    """(first line number, cells) of each CSV record that is not empty, comments removed."""
    reader = csv.reader(io.StringIO(_without_comments(text)), delimiter=delimiter)
    rows, previous_end = [], 0
    for row in reader:
        start, previous_end = previous_end + 1, reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        rows.append((start, row))
    return rows


_SEPARATOR_LINE = re.compile(r'^\s*"?sep=(.)"?\s*$', re.IGNORECASE)


def _without_separator_line(text):
    """Excel's first line 'sep=;' (written so Excel opens the file right) names the separator.

    Returns the text with that line blanked (line numbers stay right) and the separator, or
    the text unchanged and None.
    """
    first, newline, rest = text.partition("\n")
    match = _SEPARATOR_LINE.match(first.rstrip("\r"))
    if not match:
        return text, None
    return newline + rest, match.group(1)


def parse_catalogue(text, source=""):
    """Parse catalogue CSV text (``;`` or ``,`` separated, decided by the header line)."""
    if text.startswith("\ufeff"):
        text = text[1:]
    text, delimiter = _without_separator_line(text)
    header_line = next((line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")), None)
    if header_line is None:
        raise CatalogueError("empty", "the catalogue is empty.")
    delimiter = delimiter or (";" if ";" in header_line else ",")
    numbered = _csv_rows(text, delimiter)
    header_number, header_row = numbered[0]
    header = [h.strip().lower() for h in header_row]
    for column in REQUIRED_COLUMNS:
        if column not in header:
            raise CatalogueError(
                "missing_column", f"the header has no column {column!r} (columns: {', '.join(header)}; separator {delimiter!r}).",
                None, header_number, column, None,
            )
    records = []
    for line, row in numbered[1:]:
        if len(row) > len(header) and any(cell.strip() for cell in row[len(header):]):
            raise CatalogueError(
                "bad_row", f"{len(row)} cells but the header has {len(header)} columns (a separator inside a value? quote it).",
                (row[header.index('id')] if 'id' in header and header.index('id') < len(row) else None), line, None, None,
            )
        record = dict(zip(header, row))
        record["_line"] = line
        records.append(record)
    catalogue = catalogue_from_records(records, source)
    extra = tuple(h for h in header if h not in REQUIRED_COLUMNS and h not in OPTIONAL_COLUMNS)
    return Catalogue(catalogue.indicators, source, extra)


def load_catalogue(path):
    """Read a catalogue file (UTF-8)."""
    path = Path(path)
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as error:
        raise CatalogueError("encoding", f"{path.name} is not UTF-8 ({error}); save it as 'CSV UTF-8'.") from None
    return parse_catalogue(text, str(path))


def default_catalogue_path():
    """The catalogue shipped for the sample town (Musterstadt)."""
    return Path(__file__).resolve().parent.parent.parent / "resources" / "catalogues" / "musterstadt.csv"


def default_catalogue():
    return load_catalogue(default_catalogue_path())
