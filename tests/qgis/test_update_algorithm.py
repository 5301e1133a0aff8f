"""sozialraum:update on the sample town: the issue's scenario (one space grows by 12 %, one shrinks by
30 %) updated with minimal change and stable numbers; delineate with an initial division keeps numbers."""
import sys
from collections import defaultdict
from pathlib import Path

import pytest

from .conftest import LogFeedback

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "sample" / "musterstadt.gpkg"
sys.path.insert(0, str(ROOT / "scripts"))

import sample_rates  # noqa: E402

LOWER, UPPER = 700, 8500
GAP = 30.0


def demo_parameters(blocks, barriers):
    """The settings of scripts/demo.py's delineation."""
    return {"INPUT": blocks, "ID_FIELD": "block_id", "POPULATION_FIELD": "pop_total", "ATTRIBUTES": sample_rates.ATTRIBUTES,
            "STRUCTURE_ATTRIBUTES": sample_rates.STRUCTURE_ATTRIBUTES, "BALANCE_GROUPS": True, "BARRIERS": [barriers],
            "SEED": 1, "OUTPUT": "memory:", "OUTPUT_SPACES": "memory:"}


@pytest.fixture(scope="module")
def scenario(qgis_app, qgis_processing):
    """The demo's division, then the largest space grown to ~+12 % and the smallest shrunk by 30 %."""
    import processing
    from qgis.core import QgsApplication, QgsVectorLayer

    from sozialraum.provider import SozialraumProvider

    registry = QgsApplication.processingRegistry()
    if registry.providerById("sozialraum") is None:
        provider = SozialraumProvider()
        registry.addProvider(provider)
        scenario.provider = provider
    blocks = sample_rates.add_rates(QgsVectorLayer(f"{SAMPLE}|layername=blocks", "blocks", "ogr"))
    barriers = QgsVectorLayer(f"{SAMPLE}|layername=barriers", "barriers", "ogr")
    base = processing.run("sozialraum:delineate", demo_parameters(blocks, barriers))
    spaces = {f["space_id"]: f["population"] for f in base["OUTPUT_SPACES"].getFeatures()}
    grown, shrunk = max(spaces, key=spaces.get), min(spaces, key=spaces.get)
    changed = processing.run("native:refactorfields", {"INPUT": base["OUTPUT"], "OUTPUT": "memory:", "FIELDS_MAPPING": [
        {"expression": f'"{f.name()}"', "name": f.name(), "type": f.type(), "length": f.length(), "precision": f.precision()}
        for f in base["OUTPUT"].fields()]})["OUTPUT"]
    scale = {grown: 1.12, shrunk: 0.7}
    index = changed.fields().indexFromName("pop_total")
    changed.dataProvider().changeAttributeValues({
        f.id(): {index: round(f["pop_total"] * scale[f["space_id"]])} for f in changed.getFeatures() if f["space_id"] in scale})
    population = defaultdict(float)
    for feature in changed.getFeatures():
        population[feature["space_id"]] += feature["pop_total"]
    return {"blocks": changed, "barriers": barriers, "base": base, "grown": grown, "shrunk": shrunk,
            "before": spaces, "after": dict(population)}


def neighbours_of(spaces_layer, numbers):
    """Old spaces within the gap distance of the given ones (a superset of the graph's neighbours)."""
    outlines = {f["space_id"]: f.geometry() for f in spaces_layer.getFeatures()}
    return {other for number in numbers for other, geometry in outlines.items()
            if geometry.distance(outlines[number]) <= GAP}


def test_the_scenario_is_repaired_with_few_moves_and_every_number_kept(provider, scenario):
    import processing

    print(f"\nscenario: space {scenario['grown']} {scenario['before'][scenario['grown']]:.0f} -> "
          f"{scenario['after'][scenario['grown']]:.0f}, space {scenario['shrunk']} "
          f"{scenario['before'][scenario['shrunk']]:.0f} -> {scenario['after'][scenario['shrunk']]:.0f}")
    feedback = LogFeedback()
    parameters = demo_parameters(scenario["blocks"], scenario["barriers"])
    parameters.update(INITIAL_FIELD="space_id")
    result = processing.run("sozialraum:update", parameters, feedback=feedback)
    blocks, spaces = result["OUTPUT"], result["OUTPUT_SPACES"]
    assert "space_id_2" not in blocks.fields().names()
    assert "space_before" in blocks.fields().names()
    population, moved, touched = defaultdict(float), 0.0, set()
    for feature in blocks.getFeatures():
        population[feature["space_id"]] += feature["pop_total"]
        if str(feature["space_id"]) != feature["space_before"]:
            moved += feature["pop_total"]
            touched |= {feature["space_id"], int(feature["space_before"])}
    total = sum(population.values())
    print(f"update: moved {moved:.0f} of {total:.0f} residents ({moved / total:.2%}), touched spaces {sorted(touched)}, "
          f"{result['MOVED_BLOCKS']} blocks")
    print("\n".join(feedback.lines))
    assert all(LOWER <= pop <= UPPER for pop in population.values()), population
    assert sorted(population) == sorted(scenario["before"])  # every surviving space keeps its number
    assert moved / total <= 0.03 and result["MOVED_SHARE"] == pytest.approx(moved / total)
    allowed = neighbours_of(scenario["base"]["OUTPUT_SPACES"], [scenario["grown"], scenario["shrunk"]])
    assert touched <= allowed
    changes = {f["space_id"]: f["change"] for f in spaces.getFeatures()}
    assert {changes[n] for n in changes if n not in touched} == {"kept"}
    assert {changes[n] for n in touched} == {"changed"}
    assert f"Spaces that had to change: {min(scenario['grown'], scenario['shrunk'])}" in feedback.text


def test_delineate_with_an_initial_division_keeps_the_numbers_and_the_field(provider, scenario):
    import processing

    feedback = LogFeedback()
    parameters = demo_parameters(scenario["blocks"], scenario["barriers"])
    parameters.update(INITIAL_FIELD="space_id")
    result = processing.run("sozialraum:delineate", parameters, feedback=feedback)
    blocks, spaces = result["OUTPUT"], result["OUTPUT_SPACES"]
    assert "space_id_2" not in blocks.fields().names()
    kept = {f["space_id"] for f in blocks.getFeatures()}
    notes = {f["space_id"]: f["change_note"] for f in spaces.getFeatures()}
    assert set(notes) == kept
    dissolved = set(scenario["before"]) - kept
    for number in dissolved:  # a dissolved number is said, and not given to another space
        assert f"Space {number} was dissolved" in feedback.text
    new = kept - set(scenario["before"])
    assert all(n > max(scenario["before"]) for n in new)
    assert len(kept & set(scenario["before"])) >= len(scenario["before"]) - 2
