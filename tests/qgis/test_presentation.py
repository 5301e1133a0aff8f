"""What people read: numbers in their locale, translated codes, escaped HTML reports (presentation/)."""
import numpy as np
import pandas as pd
import pytest

from sozialraum.engine.indicators import compare_divisions, social_index
from sozialraum.engine.scoring import evaluate_division
from sozialraum.engine.spatial.graph import Graph


@pytest.fixture
def german(qgis_app):
    from sozialraum import i18n

    assert i18n.install_translator("de")
    yield
    i18n.remove_translator()


def test_one_number_formatter_for_both_languages():
    from sozialraum.presentation.numbers import format_number

    assert format_number(1234567.75, 1, "de") == "1.234.567,8"
    assert format_number(1234.5, 1, "de") == "1.234,5"
    assert format_number(1234.5, 1, "en") == "1,234.5"
    assert format_number(1234.5, 1, "de", thousands=False) == "1234,5"
    assert format_number(-2500, 0, "de") == "-2.500"


def test_table_marks_suppressed_and_missing_cells():
    from sozialraum.presentation.numbers import format_table

    values = pd.DataFrame({"a": [1234.5, np.nan, np.nan]})
    mask = pd.DataFrame({"a": [False, True, False]})
    assert format_table(values, mask, lang="de", decimals=1)["a"].tolist() == ["1234,5", ".", "x"]
    assert format_table(values, mask, lang="en", decimals=1, thousands=True)["a"].tolist() == ["1,234.5", ".", "x"]


def test_language_is_the_loaded_translation_not_a_guess(qgis_app):
    from sozialraum import i18n

    assert i18n.language() == "en"
    assert i18n.install_translator("de")
    try:
        assert i18n.language() == "de"
        assert i18n.translator_for("en")("Summary") == "Summary"  # an English export from a German QGIS
    finally:
        i18n.remove_translator()
    assert i18n.language() == "en"
    assert i18n.translator_for("de")("Summary") == "Übersicht"  # a German export from an English QGIS
    assert i18n.translator_for("xx")("Summary") == "Summary"


def test_codes_are_worded_from_one_table_in_the_export_language(qgis_app):
    from sozialraum.presentation.messages import EXPORT_LABELS, NULL_REASONS, text

    assert text(NULL_REASONS, "zero_denominator", "en") == "the denominator is 0"
    assert "Nenner" in text(NULL_REASONS, "zero_denominator", "de")
    assert text(NULL_REASONS, "missing_values", "de", count=4) == "es NULL-Werte in 4 Blöcken gibt"
    assert text(EXPORT_LABELS, "total", "de") == "Gesamtstadt"
    assert text(NULL_REASONS, "a_new_engine_code", "de") == "a_new_engine_code"  # shown, never swallowed


def division():
    labels = np.array([1, 1, 2, 2, 3, None], dtype=object)
    return evaluate_division(labels, [100, 200, 400, 500, 2000, 5], np.zeros((6, 1)), lower=700, upper=1500,
                             graph=Graph(6, [0, 2], [1, 3]))


def test_evaluation_report_highlights_and_escapes(qgis_app):
    from sozialraum.presentation.evaluation_report import evaluation_report

    page = evaluation_report(division(), "Test <division>", {"<script>alert(1)</script>": 700},
                             ["first note", {"code": "k_auto", "k": 3}])
    assert page.startswith("<!DOCTYPE html>") and 'lang="en"' in page
    assert "Test &lt;division&gt;" in page and "<script>" not in page and "&lt;script&gt;" in page
    assert '<tr class="below">' in page and '<tr class="above">' in page
    assert "first note" in page and "code=k_auto" in page
    spaces = page[page.index("<h2>Spaces</h2>"):]
    assert spaces.index("<td>1</td>") < spaces.index("<td>2</td>") < spaces.index("<td>3</td>")
    assert "Unassigned blocks" in page
    assert '<td class="num">2,000</td>' in spaces  # English thousands separator
    # the unassigned block by the planner's id, not its row number (an outside check found row numbers)
    named = evaluation_report(division(), "Test", block_ids=["b101", "b102", "b103", "b104", "b105", "b106"])
    unassigned = named[named.index("Unassigned blocks"):]
    assert "b106" in unassigned[:200] and ">5<" not in unassigned[:200]


def test_evaluation_report_in_german(german):
    from sozialraum.presentation.evaluation_report import evaluation_report

    page = evaluation_report(division(), "Test", {}, [])
    assert 'lang="de"' in page and "<h2>Übersicht</h2>" in page and "Einwohner" in page
    assert '<td class="num">2.000</td>' in page  # German thousands separator
    assert ">unter dem Minimum<" in page and ">über dem Maximum<" in page
    assert "<h2>Summary</h2>" not in page


def test_comparison_text_in_german(german):
    from sozialraum.presentation.comparison_report import comparison_report, summary_lines

    frame = pd.DataFrame({"old": ["A", "A", "A", "B", "B", "C"], "new": ["A", "A", "B", "B", "B", "D"],
                          "pop_total": [100, 200, 50, 300, 10, 4000]})
    comparison = compare_divisions(frame, "old", "new")
    lines, moves, agreement = summary_lines(comparison)
    assert "2 von 6 Baublöcken" in lines[1] and "4.050 Einwohner" in lines[1]
    assert moves[0].startswith("- von C nach D")
    assert "Rand-Index" in agreement
    page = comparison_report(comparison, "old<b>", "new", "blocks")
    assert "old&lt;b&gt;" in page and "old<b>" not in page


def test_index_class_labels_follow_the_language(german):
    from sozialraum.algorithms.social_index import class_labels

    result = social_index(pd.DataFrame({"x": [1.0, 2.0, 3.0, 9.0]}), signs={"x": 1})
    assert class_labels(result)[0] == "Status hoch"
    assert class_labels(result, "en")[0] == "high status"
    custom = social_index(pd.DataFrame({"x": [1.0, 2.0, 3.0]}), signs={"x": 1}, breaks=(0.0,), labels=("low", "high"))
    assert class_labels(custom) == ("low", "high")  # the user's labels are shown as given


def test_evaluation_report_lists_the_least_compact_spaces(qgis_app):
    from shapely.geometry import box

    from sozialraum.presentation.evaluation_report import WORST_SHAPES, evaluation_report

    # a 3 x 6 grid of blocks, one space per column, except that space 1 (the first column)
    # also takes the top blocks of columns 2 and 3: an L, the least compact space
    blocks = [box(c * 112, r * 112, c * 112 + 100, r * 112 + 100) for r in range(3) for c in range(6)]
    labels = [c + 1 for r in range(3) for c in range(6)]
    labels[2 * 6 + 1] = labels[2 * 6 + 2] = 1
    evaluation = evaluate_division(labels, np.ones(18), np.zeros((18, 1)), geometries=blocks)
    page = evaluation_report(evaluation, "Shapes", {}, [])
    section = page[page.index("<h2>Least compact spaces</h2>"):]
    assert "Convex-hull ratio" in section and "Enclaves" in section
    pp = evaluation.spaces.set_index("space")["polsby_popper"]
    worst = pp.sort_values(kind="stable").index[:WORST_SHAPES].tolist()
    assert section.count("<tr") == WORST_SHAPES + 1  # header and five spaces
    rows = section.split("<tr")[2:]
    assert [int(row.split("<td>")[1].split("</td>")[0]) for row in rows] == worst
    assert worst[0] == 1


def test_residents_by_old_and_new_space_fit_a_page_and_follow_the_numbers(qgis_app):
    """An outside check: 34 new spaces made a table of 35 columns, cut off in the PDF with one
    character per line, and spaces sorted as text (1, 10, 11, ..., 2)."""
    from sozialraum.presentation.comparison_report import comparison_report, residents_old_and_new

    old = [str(1 + i // 3) for i in range(60)]  # 20 old spaces
    new = [str(1 + (i + 1) // 3) for i in range(60)]  # 21 new spaces, shifted by one block
    frame = pd.DataFrame({"old": old, "new": new, "pop_total": [100.0] * 60})
    comparison = compare_divisions(frame, "old", "new")
    table, numeric_from = residents_old_and_new(comparison.overlap, "old", "new", str, lambda v: f"{v:.0f}")
    assert list(table.columns) == ["Old space", "New space", "Residents"] and numeric_from == 2
    assert list(table["Old space"])[:6] == ["1", "1", "2", "2", "3", "3"]  # 2 before 10
    assert ("2", "3", "100") in list(table.itertuples(index=False, name=None))
    assert len(table) == (comparison.overlap > 0).to_numpy().sum()
    page = comparison_report(comparison, "old", "new", "blocks")
    assert page.count("<th") < 40  # no header row of 22 spaces
    small = compare_divisions(frame.head(9), "old", "new")
    table, numeric_from = residents_old_and_new(small.overlap, "old", "new", str, lambda v: f"{v:.0f}")
    assert list(table.columns) == ["old \\ new", "1", "2", "3", "4"] and numeric_from == 1  # a few: old x new
