"""One number formatter for every table, report and message: German 1.234,5, English 1,234.5."""
import math

import numpy as np
import pandas as pd

#: cell marks of official statistics: suppressed for confidentiality / cannot be computed
SUPPRESSED = "."
NOT_AVAILABLE = "x"


def format_number(value, decimals=0, lang="en", thousands=True):
    """``value`` with ``decimals`` places in the conventions of ``lang`` ('de': 1.234,5)."""
    text = f"{float(value):,.{decimals}f}" if thousands else f"{float(value):.{decimals}f}"
    if lang == "de":
        text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return text


def is_whole(value):
    return float(value) == int(value) and abs(value) < 1e15


def column_decimals(catalogue, column, default=1):
    """Decimal places of a catalogue column (its ``decimals``; counts 0, others 1)."""
    if catalogue is None or column not in catalogue:
        return default
    indicator = catalogue[column]
    if indicator.decimals is not None:
        return indicator.decimals
    return 0 if indicator.kind == "count" else 1


def format_table(values, mask=None, catalogue=None, lang="en", decimals=None, thousands=False,
                 suppressed=SUPPRESSED, not_available=NOT_AVAILABLE):
    """Values as text for reports and exports: suppressed cells ".", other NULLs "x".

    Decimals per column from the catalogue unless ``decimals`` is given; thousands separators
    only with ``thousands=True`` (exports stay parseable by spreadsheets).
    """
    out = pd.DataFrame(index=values.index, columns=values.columns, dtype=object)
    for column in values.columns:
        places = decimals if decimals is not None else column_decimals(catalogue, column)
        col = values[column].to_numpy(dtype=float, na_value=np.nan)
        hidden = mask[column].to_numpy(dtype=bool) if mask is not None and column in mask else np.zeros(len(col), bool)
        texts = []
        for number, is_hidden in zip(col, hidden):
            if is_hidden:
                texts.append(suppressed)
            elif math.isnan(number):
                texts.append(not_available)
            else:
                texts.append(format_number(number, places, lang, thousands))
        out[column] = texts
    return out
