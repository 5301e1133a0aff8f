"""sozialraum:atlas on the sample town: the folder, its numbers against the layers, bad input, qgis_process."""
import json
from pathlib import Path

import pytest

from sozialraum.algorithms.reports.atlas_data import MARKER, read_script

from .conftest import LogFeedback
from .test_headless import qgis_process  # noqa: F401 (the fixture running qgis_process with the plugin)
from .test_profiles import town  # noqa: F401 (districts as spaces plus a 'tiny' one with suppressed values)

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "sample" / "musterstadt.gpkg"


def run_atlas(town, folder, feedback=None, **parameters):  # noqa: F811
    import processing

    arguments = {"INPUT": town["spaces"], "ID_FIELD": "space", "BLOCKS": town["blocks"],
                 "BARRIERS": f"{SAMPLE}|layername=barriers", "LANGUAGE": 1, "OUTPUT": str(folder)}
    arguments.update(parameters)
    return processing.run("sozialraum:atlas", arguments, feedback=feedback)


@pytest.fixture(scope="module")
def atlas(town, tmp_path_factory):  # noqa: F811
    folder = tmp_path_factory.mktemp("atlas") / "atlas"
    feedback = LogFeedback()
    result = run_atlas(town, folder, feedback)
    return {"folder": folder, "result": result, "log": feedback.text,
            "data": read_script(folder / "data" / "atlas.js"), "spaces": read_script(folder / "data" / "spaces.js")}


def feature(layer, space):
    return next(f for f in layer.getFeatures() if f["space"] == space)


def entry(atlas, indicator):
    return next(item for item in atlas["data"]["indicators"] if item["id"] == indicator)


def test_the_folder_opens_by_itself(provider, atlas):
    folder = atlas["folder"]
    assert atlas["result"]["N_SPACES"] == 13 and atlas["result"]["INDEX_HTML"] == str(folder / "index.html")
    for name in ("index.html", "atlas.js", "atlas.css", "vendor/leaflet/leaflet.js", "vendor/leaflet/LICENSE",
                 "data/atlas.js", "data/spaces.js", "data/blocks.js", "data/barriers.js", MARKER):
        assert (folder / name).is_file(), name
    assert len(atlas["spaces"]["features"]) == 13
    assert len(read_script(folder / "data" / "barriers.js")["features"]) == 4
    # the whole sample town, every block drawn, well under the 3 MB of the issue
    assert atlas["result"]["SIZE_BYTES"] < 3_000_000
    assert "Atlas of 13 spaces written" in atlas["log"] or "Atlas mit 13 Räumen" in atlas["log"]


def test_the_numbers_are_the_layers(provider, town, atlas):  # noqa: F811
    spaces = [space["id"] for space in atlas["data"]["spaces"]]
    position = spaces.index("01")
    district = feature(town["spaces"], "01")
    rate = entry(atlas, "sgb2_rate")
    assert rate["values"][position] == pytest.approx(district["sgb2_rate"])
    assert rate["texts"]["en"][position] == f"{district['sgb2_rate']:.1f}"
    assert rate["texts"]["de"][position] == f"{district['sgb2_rate']:.1f}".replace(".", ",")
    index = entry(atlas, "si_index")
    assert index["values"][position] == pytest.approx(district["si_index"])
    # municipal values: summed over all blocks, then divided
    blocks = list(town["blocks"].getFeatures())
    residents = sum(block["pop_total"] for block in blocks)
    assert entry(atlas, "pop_total")["municipal"] == pytest.approx(residents)
    under_65 = sum(block[name] for block in blocks for name in ("pop_u6", "pop_6_14", "pop_15_17", "pop_18_24", "pop_25_64"))
    assert rate["municipal"] == pytest.approx(100 * sum(block["sgb2_persons"] for block in blocks) / under_65)


def test_suppressed_values_are_dots_and_are_not_classed(provider, town, atlas):  # noqa: F811
    position = [space["id"] for space in atlas["data"]["spaces"]].index("tiny")
    hidden = [name.strip() for name in str(feature(town["spaces"], "tiny")["suppressed"]).split(",")]
    assert "share_u6" in hidden
    rate = entry(atlas, "share_u6")
    assert rate["texts"]["de"][position] == "." and rate["classes"][position] is None and rate["values"][position] is None


def test_texts_in_german_and_english(provider, atlas):
    texts = atlas["data"]["texts"]
    assert texts["de"]["atlas_title"] == "Sozialraum-Atlas" and texts["en"]["atlas_title"] == "Social space atlas"
    assert texts["de"]["page_footnote"] != texts["en"]["page_footnote"]
    assert entry(atlas, "sgb2_rate")["label"] == {"de": "SGB-II-Quote", "en": "SGB II rate"}
    assert atlas["data"]["language"] == "de"


def test_bad_input_gets_a_message_and_no_folder(provider, town, tmp_path):  # noqa: F811
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException, match="duplicate"):
        run_atlas(town, tmp_path / "dup", ID_FIELD="si_label")
    assert not (tmp_path / "dup").exists()
    with pytest.raises(QgsProcessingException, match="class breaks"):
        run_atlas(town, tmp_path / "breaks", BREAKS="1, -1")
    other = tmp_path / "documents"
    other.mkdir()
    (other / "letter.txt").write_text("keep", encoding="utf-8")
    with pytest.raises(QgsProcessingException, match="other files"):
        run_atlas(town, other)
    assert sorted(p.name for p in other.iterdir()) == ["letter.txt"]
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_qgis_process_writes_the_atlas(provider, town, qgis_process, tmp_path):  # noqa: F811
    import processing

    spaces = tmp_path / "spaces.gpkg"
    processing.run("native:savefeatures", {"INPUT": town["spaces"], "OUTPUT": str(spaces)})
    blocks = tmp_path / "blocks.gpkg"
    processing.run("native:savefeatures", {"INPUT": town["blocks"], "OUTPUT": str(blocks)})
    result = qgis_process("run", "sozialraum:atlas", "--json", f"--INPUT={spaces}", "--ID_FIELD=space",
                          f"--BLOCKS={blocks}", "--LANGUAGE=2", "--COMMENTS=true", f"--OUTPUT={tmp_path / 'web'}")
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    outputs = json.loads(result.stdout)["results"]
    assert outputs["N_SPACES"] == 13 and Path(outputs["INDEX_HTML"]).is_file()
    data = read_script(tmp_path / "web" / "data" / "atlas.js")
    assert data["language"] == "en" and data["comments"] is True
