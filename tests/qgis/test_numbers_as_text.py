"""Numbers stored as text, through processing.run: the same results as the numbers stored as numbers (issue 18)."""
import math

import pytest

from . import bad_input
from .conftest import LogFeedback, german_interface
from .test_bad_input import parameters

TEXT = {"sgb2": "string", "old": "string"}


def base_case():
    return next(c for c in bad_input.cases() if c.name == "valid")


def layer_with(case, types, write):
    """The base grid with the fields in ``types`` (name -> kind) written by ``write(name, value)``."""
    fields = [(name, types.get(name, kind)) for name, kind in bad_input.BASE_FIELDS]
    rows = [(wkt, {name: (write(name, value) if name in types else value) for name, value in attributes.items()})
            for wkt, attributes in case.rows]
    return bad_input.make_layer("Polygon", case.crs, fields, rows)


def run(algorithm, layer, tmp_path, **extra):
    import processing

    arguments, _ = parameters(algorithm, base_case(), layer, tmp_path)
    arguments.update(extra)
    if "REPORT" in arguments:
        arguments["REPORT"] = None
    feedback = LogFeedback()
    return processing.run(f"sozialraum:{algorithm}", arguments, feedback=feedback), "\n".join(feedback.lines)


def index_rows(result):
    return [(f["bid"], round(f["si_index"], 12) if f["si_index"] is not None else None, f["si_class"], f["space_type"])
            for f in result["OUTPUT"].getFeatures()]


def test_rates_as_english_text_give_the_index_of_the_numbers(provider, tmp_path):
    # issue 18: "0.265" was read as 265 (German thousands) and "0.3" as 0.3: the index flipped sign for 8 spaces
    case = base_case()
    assert any(len(repr(a["old"]).split(".")[1]) == 3 for _, a in case.rows)  # values such as 0.265 are there
    numbers, _ = run("index", bad_input.build(case), tmp_path)
    text, log = run("index", layer_with(case, TEXT, lambda name, value: repr(value)), tmp_path)
    assert index_rows(text) == index_rows(numbers)
    assert "Field 'old' holds numbers as text; they are read in English notation (decimal point)" in log


def test_rates_as_text_in_either_notation_give_the_ssd_share_of_the_numbers(provider, tmp_path):
    case = base_case()
    numbers, _ = run("evaluate", bad_input.build(case), tmp_path)
    english, _ = run("evaluate", layer_with(case, TEXT, lambda name, value: repr(value)), tmp_path)
    german, log = run("evaluate", layer_with(case, TEXT, lambda name, value: repr(value).replace(".", ",")), tmp_path)
    assert english["SSD_SHARE"] == numbers["SSD_SHARE"] == german["SSD_SHARE"]
    assert "Field 'sgb2' holds numbers as text; they are read in German notation (decimal comma)" in log


def test_a_population_with_english_thousands_counts_every_resident(provider, tmp_path):
    # issue 18: "395,867" became 396 residents and the space was flagged below the minimum
    case = base_case()
    rows = bad_input._with(case.rows, 12, pop=395867)
    numbers = bad_input.make_layer("Polygon", case.crs, bad_input.BASE_FIELDS, rows)
    text = bad_input.make_layer("Polygon", case.crs, [(n, "string" if n == "pop" else k) for n, k in bad_input.BASE_FIELDS],
                                [(w, dict(a, pop=f"{a['pop']:,}")) for w, a in rows])
    bounds = {"MIN_POPULATION": 500, "MAX_POPULATION": 400000}
    expected, _ = run("evaluate", numbers, tmp_path, **bounds)
    result, log = run("evaluate", text, tmp_path, **bounds)
    populations = sorted(f["population"] for f in result["OUTPUT"].getFeatures())
    assert populations == sorted(f["population"] for f in expected["OUTPUT"].getFeatures())
    assert max(populations) > 395867 and result["N_BELOW"] == expected["N_BELOW"]
    assert "e.g. '395,867' as 395867" in log


@pytest.mark.parametrize("notation, factor", [(1, 1e-3), (2, 1.0)])  # German: '2,850' = 2.85; English: 2850
def test_an_ambiguous_field_is_read_in_the_chosen_notation(provider, tmp_path, notation, factor):
    from qgis.core import QgsProcessingException

    case = base_case()
    ambiguous = layer_with(case, {"old": "string"}, lambda name, value: f"{int(round(value * 10000)):,}")
    with pytest.raises(QgsProcessingException, match=r"Field 'old' holds numbers as text that read differently"):
        run("evaluate", ambiguous, tmp_path)
    result, _ = run("evaluate", ambiguous, tmp_path, NUMBER_FORMAT=notation)
    numbers = bad_input.make_layer("Polygon", case.crs, bad_input.BASE_FIELDS,
                                   [(w, dict(a, old=int(round(a["old"] * 10000)) * factor)) for w, a in case.rows])
    expected, _ = run("evaluate", numbers, tmp_path)
    assert math.isclose(result["SSD_SHARE"], expected["SSD_SHARE"], rel_tol=1e-12)


def test_infinite_population_as_text_is_refused_naming_the_block(provider, tmp_path):
    from qgis.core import QgsProcessingException

    case = base_case()
    fields = [(name, "string" if name == "pop" else kind) for name, kind in bad_input.BASE_FIELDS]
    rows = [(w, dict(a, pop="inf" if a["bid"] == 5 else str(a["pop"]))) for w, a in case.rows]
    layer = bad_input.make_layer("Polygon", case.crs, fields, rows)
    with pytest.raises(QgsProcessingException, match=r"Field 'pop' has infinite values for 1 blocks: 5$"):
        run("delineate", layer, tmp_path)


def test_a_fractional_population_from_text_is_refused_naming_the_blocks(provider, tmp_path):
    from qgis.core import QgsProcessingException

    case = base_case()
    layer = layer_with(case, {"pop": "string"}, lambda name, value: f"{value}.5" if value < 250 else str(value))
    # each example quoted ('156,5', '1494,5' in German could not be told apart unquoted)
    with pytest.raises(QgsProcessingException, match=r"Field 'pop' has values with decimals \('[^']+'(, '[^']+')*\) for \d+ blocks: "):
        run("delineate", layer, tmp_path)


def test_the_ambiguity_is_explained_in_german_without_an_ambiguous_number(provider, tmp_path):
    from qgis.core import QgsProcessingException

    case = base_case()
    ambiguous = layer_with(case, {"old": "string"}, lambda name, value: f"{int(round(value * 10000)):,}")
    with german_interface(), pytest.raises(QgsProcessingException) as error:
        run("evaluate", ambiguous, tmp_path)
    # the German reader sees the German reading with a decimal comma, the English one without marks
    assert ("Das Feld 'old' enthält Zahlen als Text, die in deutscher und englischer Schreibweise Verschiedenes "
            "bedeuten ('3,250' = 3,25 / 3250;") in str(error.value)
    assert "'Als Text gespeicherte Zahlen' (erweiterte Parameter)" in str(error.value)
