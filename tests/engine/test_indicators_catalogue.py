"""The indicator catalogue: format, safe expressions, refusals that name field and indicator."""
import pandas as pd
import pytest

from sozialraum.engine.errors import (
    CatalogueError,
    DuplicateIndicatorError,
    MissingFieldError,
    NonNumericFieldError,
)
from sozialraum.engine.indicators.catalogue import (
    AREA_FIELD,
    default_catalogue,
    parse_catalogue,
    parse_expression,
)
from sozialraum.engine.indicators.synthetic import synthetic_blocks

HEADER = "id;label_en;label_de;kind;numerator;denominator;factor;weight_field;unit;group;higher_is\n"


def test_default_catalogue_covers_practice_and_reads_sample_fields():
    cat = default_catalogue()
    ids = set(cat.ids)
    for needed in ("share_u6", "share_65plus", "youth_dependency", "old_age_dependency", "foreigners_share",
                   "unemployment", "sgb2_rate", "child_poverty", "single_parents", "floor_area_per_head",
                   "bld_multi_share", "bld_pre1919_share", "density"):
        assert needed in ids
    assert all(i.label_de and i.label_en for i in cat)
    blocks = synthetic_blocks(50)
    cat.check_fields(blocks, area_field_optional=True)
    assert cat["youth_dependency"].numerator.fields == ("pop_u6", "pop_6_14", "pop_15_17")
    assert cat["density"].denominator.fields == (AREA_FIELD,)


def test_expressions_are_parsed_not_evaluated():
    expr = parse_expression("a + b_2 - \"Feld mit Leerzeichen\"")
    assert expr.terms == ((1, "a"), (1, "b_2"), (-1, "Feld mit Leerzeichen"))
    for bad in ("__import__('os').system('x')", "a*b", "a++b", "+a", "a b", "a-", "1+a", "a;b"):
        with pytest.raises(CatalogueError) as info:
            parse_expression(bad, indicator="x", column="numerator")
        assert info.value.code == "catalogue_invalid"
        assert info.value.details["reason"] == "bad_expression"


def test_comma_separated_with_bom_and_comments():
    text = "\ufeff# comment\nid,label_en,label_de,kind,numerator,denominator\nr,Rate,Quote,rate,a,b\n"
    cat = parse_catalogue(text)
    assert cat["r"].factor == 100 and cat["r"].denominator.fields == ("b",)


@pytest.mark.parametrize("row, reason", [
    ("x;X;X;median;a;;;;;;", "unknown_kind"),
    ("x;;X;count;a;;;;;;", "empty_label"),
    ("x;X;;count;a;;;;;;", "empty_label"),
    ("x;X;X;rate;a;;;;;;", "missing_denominator"),
    ("x;X;X;count;a;b;;;;;", "unexpected_denominator"),
    ("x;X;X;mean;a;;;;;;", "missing_weight"),
    ("x;X;X;rate;a;b;zero;;;;", "bad_factor"),
    ("x;X;X;rate;a;b;100;;;;bad", "bad_higher_is"),
])
def test_bad_rows_are_refused_with_a_stable_reason(row, reason):
    with pytest.raises(CatalogueError) as info:
        parse_catalogue(HEADER + row + "\n")
    assert info.value.details["reason"] == reason
    assert info.value.details["line"] == 2


def test_duplicate_ids_refused():
    with pytest.raises(DuplicateIndicatorError) as info:
        parse_catalogue(HEADER + "x;X;X;count;a;;;;;;\nx;Y;Y;count;b;;;;;;\n")
    assert info.value.details["indicator"] == "x" and info.value.details["lines"] == [2, 3]


def test_missing_header_column_refused():
    with pytest.raises(CatalogueError) as info:
        parse_catalogue("id;label_en;kind;numerator\nx;X;count;a\n")
    assert info.value.details["reason"] == "missing_column" and info.value.details["column"] == "label_de"


def test_missing_and_non_numeric_fields_are_named_with_the_indicator():
    cat = parse_catalogue(HEADER + "share;Share;Anteil;rate;pop_u6;Pop_Total;;;;;\n")
    frame = pd.DataFrame({"pop_u6": [1, 2], "pop_total": [3, 4]})
    with pytest.raises(MissingFieldError) as info:
        cat.check_fields(frame)
    assert info.value.details["field"] == "Pop_Total"
    assert info.value.details["indicator"] == "share"
    assert info.value.details["suggestion"] == "pop_total"
    frame["Pop_Total"] = ["a", "b"]
    with pytest.raises(NonNumericFieldError) as info:
        cat.check_fields(frame)
    assert info.value.details["field"] == "Pop_Total" and info.value.details["indicator"] == "share"
    frame["Pop_Total"] = pd.Series([3, None], dtype=object)  # numbers with NULL in an object column: fine
    cat.check_fields(frame)


def test_quoted_multiline_description_keeps_its_hash_line_and_the_line_numbers():
    from sozialraum.engine.errors import CatalogueError
    from sozialraum.engine.indicators.catalogue import parse_catalogue

    text = (
        "# comment\n"
        "id;label_en;label_de;kind;numerator;denominator;description\n"
        'pop;Residents;Einwohner;count;pop_total;;"First line\n'
        '# not a comment: part of the description\n'
        'last line"\n'
        "\n"
        "bad;Bad;Schlecht;count;pop_total;pop_total;\n"
    )
    with pytest.raises(CatalogueError) as error:
        parse_catalogue(text)
    assert error.value.details["line"] == 7, error.value
    catalogue = parse_catalogue(text.rsplit("bad;", 1)[0])
    assert catalogue["pop"].description == "First line\n# not a comment: part of the description\nlast line"


# --- issue 18.7 (smallcases): Excel's 'sep=' line, shapefile-truncated field names ---
@pytest.mark.parametrize("first", ["sep=;", "sep=;\r", '"sep=;"', "SEP=;"])
def test_excel_separator_line_names_the_separator(first):
    cat = parse_catalogue("\ufeff" + first + "\n" + HEADER.replace("\n", "\r\n") + "u6;Under 6;Unter 6;count;pop_u6;;;;;;\n")
    assert list(cat.ids) == ["u6"]
    with pytest.raises(CatalogueError) as info:  # line numbers still count the 'sep=' line
        parse_catalogue(first + "\n" + HEADER + "u6;Under 6;Unter 6;tally;pop_u6;;;;;;\n")
    assert info.value.details["line"] == 3


def test_excel_separator_line_with_comma_over_a_header_with_semicolons_in_values():
    header = HEADER.replace(";", ",")
    cat = parse_catalogue("sep=,\n" + header + 'u6,"Under 6; children","Unter 6",count,pop_u6,,,,,,\n')
    assert cat.indicators[0].label_en == "Under 6; children"


def test_a_field_cut_by_a_shapefile_is_named():
    cat = parse_catalogue(HEADER + "single;Single parents;Alleinerziehende;count;hh_single_parent;;;;;;\n")
    with pytest.raises(MissingFieldError) as info:
        cat.check_fields(pd.DataFrame({"hh_single_": [1, 2], "pop": [3, 4]}))
    assert info.value.details["suggestion"] == "hh_single_" and info.value.details["truncated"]
    assert "a shapefile cuts field names to 10 characters" in str(info.value)
    with pytest.raises(MissingFieldError) as info:  # no such cut field: no suggestion
        cat.check_fields(pd.DataFrame({"pop": [3, 4]}))
    assert info.value.details["suggestion"] is None and not info.value.details["truncated"]
# --- end of issue 18.7 ---
