"""Outputs never overwrite inputs; destinations are checked before computing; a stopped run leaves nothing.

Real ``processing.run`` runs on the bad-input grid stored in a GeoPackage the way planners keep
it (blocks, barriers and drawn spaces in one file), with checksums of the input files before
and after. The cases are listed for users in docs/bad_input.md ("Outputs and inputs").
"""
import hashlib
import os
import re
import signal
import subprocess

import pytest

from . import bad_input
from .conftest import LogFeedback
from .test_bad_input import UNEXPECTED, drawn_spaces, parameters, write_catalogue

VALID = next(c for c in bad_input.cases() if c.name == "valid")


def checksum(path):
    with open(path, "rb") as stream:
        return hashlib.sha256(stream.read()).hexdigest()


def layer_names(path):
    from osgeo import ogr

    data = ogr.Open(str(path))
    names = sorted(data.GetLayer(i).GetName() for i in range(data.GetLayerCount()))
    data = None
    return names


def save(layer, path, name):
    """``layer`` as layer ``name`` of ``path`` (added when the file exists)."""
    from qgis.core import QgsCoordinateTransformContext, QgsVectorFileWriter

    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG" if str(path).endswith(".gpkg") else "ESRI Shapefile"
    options.layerName = name
    if os.path.exists(path) and options.driverName == "GPKG":
        options.actionOnExistingFile = QgsVectorFileWriter.CreateOrOverwriteLayer
    writer = getattr(QgsVectorFileWriter, "writeAsVectorFormatV3", None) or QgsVectorFileWriter.writeAsVectorFormatV2
    result = writer(layer, str(path), QgsCoordinateTransformContext(), options)
    assert result[0] == QgsVectorFileWriter.NoError, result


@pytest.fixture
def town(tmp_path):
    """town.gpkg with blocks, barriers and drawn spaces; a catalogue CSV beside it."""
    path = tmp_path / "town.gpkg"
    save(bad_input.build(VALID), path, "blocks")
    save(bad_input._railway(VALID)[0], path, "barriers")
    save(drawn_spaces(VALID), path, "spaces")
    catalogue = write_catalogue(tmp_path / "catalogue.csv", VALID)
    return {"gpkg": path, "catalogue": catalogue, "blocks": f"{path}|layername=blocks",
            "barriers": f"{path}|layername=barriers", "spaces": f"{path}|layername=spaces"}


def arguments(algorithm, town, tmp_path, **changes):
    p, _ = parameters(algorithm, VALID, town["blocks"], tmp_path)
    p["INPUT"] = town["blocks"]
    if "BARRIERS" in p:
        p["BARRIERS"] = [town["barriers"]]
    if "CATALOGUE" in p:
        p["CATALOGUE"] = town["catalogue"]
    if "SPACES" in p:
        p["SPACES"] = town["spaces"]
    p.update(changes)
    return p


def refused(algorithm, p):
    import processing
    from qgis.core import QgsProcessingException

    feedback = LogFeedback()
    with pytest.raises(QgsProcessingException) as error:
        processing.run(f"sozialraum:{algorithm}", p, feedback=feedback)
    message = str(error.value)
    assert not UNEXPECTED.search(message), message
    return message


# -- an output onto an input ----------------------------------------------------------------
@pytest.mark.parametrize("algorithm, changes, names", [
    # finding 1 of issue 18: the whole GeoPackage replaced by the blocks output
    ("delineate", {"OUTPUT": "{gpkg}"}, ("OUTPUT", "blocks")),
    ("delineate", {"OUTPUT_SPACES": "{gpkg}", "OUTPUT": "memory:"}, ("OUTPUT_SPACES", "blocks")),
    ("delineate", {"REPORT": "{gpkg}"}, ("REPORT", "blocks")),
    ("adjacency", {"OUTPUT_EDGES": "{gpkg}"}, ("OUTPUT_EDGES", "blocks")),
    ("evaluate", {"OUTPUT": "{gpkg}"}, ("OUTPUT", "blocks")),
    ("aggregate", {"OUTPUT_TOTAL": "{gpkg}"}, ("OUTPUT_TOTAL", "blocks")),
    ("aggregate", {"EXPORT_CSV": "{catalogue}"}, ("EXPORT_CSV", "catalogue.csv", "CATALOGUE")),
    ("aggregate", {"REPORT": "{catalogue}"}, ("REPORT", "catalogue.csv")),
    ("interpolate", {"OUTPUT": "{gpkg}"}, ("OUTPUT", "blocks")),
    ("index", {"OUTPUT_PROFILE": "{gpkg}"}, ("OUTPUT_PROFILE", "blocks")),
    ("compare", {"OUTPUT_MOVED": "{gpkg}"}, ("OUTPUT_MOVED", "blocks")),
    # a new layer, but with the name of an input layer: QGIS would replace that layer
    ("delineate", {"OUTPUT_SPACES": "ogr:dbname='{gpkg}' table=\"barriers\" (geom)"}, ("OUTPUT_SPACES", "'barriers'", "BARRIERS")),
    ("interpolate", {"OUTPUT": "ogr:dbname='{gpkg}' table=\"SPACES\" (geom)"}, ("OUTPUT", "'SPACES'", "SPACES")),
    ("evaluate", {"OUTPUT": "ogr:dbname='{gpkg}' table=\"blocks\" (geom)"}, ("OUTPUT", "'blocks'", "INPUT")),
])
def test_an_output_never_overwrites_an_input(provider, town, tmp_path, algorithm, changes, names):
    changes = {key: value.format(gpkg=town["gpkg"], catalogue=town["catalogue"]) for key, value in changes.items()}
    before = {path: checksum(path) for path in (town["gpkg"], town["catalogue"])}
    message = refused(algorithm, arguments(algorithm, town, tmp_path, **changes))
    for name in names:
        assert name in message, (name, message)
    assert {path: checksum(path) for path in before} == before
    assert layer_names(town["gpkg"]) == ["barriers", "blocks", "spaces"]


def test_the_same_file_by_relative_path_and_by_layer_id(provider, town, tmp_path, monkeypatch):
    """A relative path with '..' and an input given as a project layer id are the same file."""
    from qgis.core import QgsProject, QgsVectorLayer

    monkeypatch.chdir(tmp_path)
    (tmp_path / "sub").mkdir()
    layer = QgsVectorLayer(town["blocks"], "Baublöcke", "ogr")
    QgsProject.instance().addMapLayer(layer)
    try:
        before = checksum(town["gpkg"])
        message = refused("delineate", arguments("delineate", town, tmp_path, INPUT=layer.id(), OUTPUT="sub/../town.gpkg"))
        assert f"{tmp_path / 'town.gpkg'}" in message and "'blocks'" in message
        assert checksum(town["gpkg"]) == before
    finally:
        QgsProject.instance().removeMapLayer(layer.id())


def test_a_shapefile_output_onto_the_input_shapefile(provider, tmp_path):
    """blocks.shp as input: any part of it (.shp, .dbf ...) as a destination is refused."""
    save(bad_input.build(VALID), tmp_path / "blocks.shp", "blocks")
    parts = {path: checksum(path) for path in tmp_path.iterdir()}
    p = arguments("compare", {"blocks": str(tmp_path / "blocks.shp")}, tmp_path,
                  OUTPUT_OVERLAP=str(tmp_path / "blocks.dbf"))
    message = refused("compare", p)
    assert "blocks.shp" in message and "OUTPUT_OVERLAP" in message
    assert {path: checksum(path) for path in tmp_path.iterdir()} == parts


def test_the_profiles_pdf_onto_its_input(provider, town, tmp_path):
    before = checksum(town["gpkg"])
    message = refused("profiles", {"INPUT": town["spaces"], "ID_FIELD": "name", "SAVE_LAYOUT": False,
                                   "OUTPUT": str(town["gpkg"])})
    assert "'spaces'" in message and str(town["gpkg"]) in message
    assert checksum(town["gpkg"]) == before


def test_a_report_onto_a_file_of_another_kind_is_refused(provider, town, tmp_path):
    """An outside check: the profile PDF named like a GeoPackage of the project (not an input of the
    run) replaced it with a PDF; a report onto an existing report is still allowed."""
    import shutil

    other = shutil.copy(town["gpkg"], tmp_path / "rates.gpkg")
    before = checksum(other)
    message = refused("evaluate", arguments("evaluate", town, tmp_path, REPORT=str(other)))
    assert "rates.gpkg" in message and "not a HTML file" in message and ".html" in message
    assert checksum(other) == before and not (tmp_path / "rates_files").exists()
    report = tmp_path / "report.html"
    report.write_text("<html>an earlier report</html>", encoding="utf-8")
    import processing

    processing.run("sozialraum:evaluate", arguments("evaluate", town, tmp_path, REPORT=str(report)))
    assert "an earlier report" not in report.read_text(encoding="utf-8")


def test_two_outputs_into_one_file_are_refused(provider, town, tmp_path):
    target = tmp_path / "result.gpkg"
    message = refused("delineate", arguments("delineate", town, tmp_path, OUTPUT=str(target), OUTPUT_SPACES=str(target)))
    assert "OUTPUT" in message and "OUTPUT_SPACES" in message and not target.exists()


def test_a_new_layer_beside_the_inputs_touches_nothing_else(provider, town, tmp_path):
    """QGIS's convention ogr:dbname=... table=... adds the result to the planners' GeoPackage."""
    import processing
    from qgis.core import QgsVectorLayer

    def layer_snapshot(name):
        return bad_input.snapshot(QgsVectorLayer(f"{town['gpkg']}|layername={name}", name, "ogr"))

    before = {name: layer_snapshot(name) for name in ("blocks", "barriers", "spaces")}
    destination = f"ogr:dbname='{town['gpkg']}' table=\"proposal\" (geom)"
    processing.run("sozialraum:delineate", arguments("delineate", town, tmp_path, OUTPUT=destination, REPORT=None))
    assert layer_names(town["gpkg"]) == ["barriers", "blocks", "proposal", "spaces"]
    assert {name: layer_snapshot(name) for name in before} == before
    proposal = QgsVectorLayer(f"{town['gpkg']}|layername=proposal", "proposal", "ogr")
    assert proposal.featureCount() == 24 and "space_id" in proposal.fields().names()


# -- destinations that cannot be written ----------------------------------------------------
@pytest.fixture
def read_only_folder(tmp_path):
    """A read-only tmpfs (tests run as root, where chmod does not stop writing); skipped where mount is refused."""
    folder = tmp_path / "read_only"
    folder.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "ro,size=1m", "tmpfs", str(folder)], capture_output=True).returncode:
        pytest.skip("cannot mount a read-only file system here")
    yield folder
    subprocess.run(["umount", str(folder)], check=False)


@pytest.mark.parametrize("place, reason", [
    ("missing/report.html", r"the folder .*missing does not exist"),
    ("a_file/report.html", r"a_file is a file, not a folder"),
    ("read_only/report.html", r"Read-only file system"),
    ("", r"it is a folder"),
])
def test_an_unwritable_report_is_refused_before_computing(provider, town, tmp_path, request, place, reason):
    """Finding 4 of issue 18: the report's folder was found missing only after the whole run."""
    if place.startswith("read_only"):
        request.getfixturevalue("read_only_folder")
    (tmp_path / "a_file").write_text("x")
    report = tmp_path / place if place else tmp_path
    blocks, spaces = tmp_path / "blocks.gpkg", tmp_path / "spaces.gpkg"
    message = refused("delineate", arguments("delineate", town, tmp_path, OUTPUT=str(blocks), OUTPUT_SPACES=str(spaces),
                                             REPORT=str(report)))
    assert message.startswith(f"Cannot write {report}") and re.search(reason, message), message
    assert not blocks.exists() and not spaces.exists()


def test_an_unwritable_png_folder_is_refused(provider, town, tmp_path):
    (tmp_path / "a_file").write_text("x")
    message = refused("profiles", {"INPUT": town["spaces"], "ID_FIELD": "name", "SAVE_LAYOUT": False,
                                   "OUTPUT": str(tmp_path / "profiles.pdf"), "PNG_FOLDER": str(tmp_path / "a_file")})
    assert "a_file: it is a file, not a folder" in message
    assert not (tmp_path / "profiles.pdf").exists()


# -- a run that stops leaves nothing --------------------------------------------------------
def _stopping_feedback(stage, stop):
    """A feedback that calls ``stop(feedback)`` when the run reaches progress text ``stage``."""
    feedback = LogFeedback()
    original = feedback.setProgressText

    def progress_text(text):
        original(text)
        if text == stage:
            stop(feedback)

    feedback.setProgressText = progress_text
    return feedback


@pytest.mark.parametrize("stop", ["cancel", "sigterm"])
def test_a_run_stopped_while_writing_leaves_no_file(provider, town, tmp_path, stop):
    """Finding 5: stopped while the outputs are written (a stage without cancel checks)."""
    import processing
    from qgis.core import QgsProcessingException

    if stop == "sigterm" and signal.getsignal(signal.SIGTERM) != signal.SIG_DFL:
        pytest.skip("SIGTERM has a handler in this process")
    blocks, spaces, report = tmp_path / "blocks.gpkg", tmp_path / "spaces.gpkg", tmp_path / "report.html"
    action = (lambda f: f.cancel()) if stop == "cancel" else (lambda f: os.kill(os.getpid(), signal.SIGTERM))
    feedback = _stopping_feedback("Writing the results", action)
    with pytest.raises(QgsProcessingException, match="Cancelled by the user"):
        processing.run("sozialraum:delineate", arguments("delineate", town, tmp_path, OUTPUT=str(blocks),
                                                          OUTPUT_SPACES=str(spaces), REPORT=str(report)), feedback=feedback)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["catalogue.csv", "town.gpkg"]
    assert "removed what it had written" in feedback.text
    assert signal.getsignal(signal.SIGTERM) == signal.SIG_DFL  # the handler lives only as long as the run


def test_a_stopped_run_removes_the_layer_it_added(provider, town, tmp_path):
    import processing
    from qgis.core import QgsProcessingException

    destination = f"ogr:dbname='{town['gpkg']}' table=\"proposal\" (geom)"
    feedback = _stopping_feedback("Writing the report", lambda f: f.cancel())
    with pytest.raises(QgsProcessingException, match="Cancelled by the user"):
        processing.run("sozialraum:delineate", arguments("delineate", town, tmp_path, OUTPUT=destination,
                                                          REPORT=str(tmp_path / "report.html")), feedback=feedback)
    assert layer_names(town["gpkg"]) == ["barriers", "blocks", "spaces"]
    assert not (tmp_path / "report.html").exists()


def _spaces_rows(gpkg):
    import sqlite3

    with sqlite3.connect(gpkg) as db:
        return db.execute('SELECT COUNT(*), (SELECT last_change FROM gpkg_contents WHERE table_name = "spaces") '
                          'FROM "spaces"').fetchone()


def test_a_stop_after_an_existing_layer_was_replaced_names_it(provider, town, tmp_path):
    """QGIS replaces an existing GeoPackage layer when the sink is created; a stop after that cannot
    bring it back, and the log says which layer now holds the stopped run's output (an outside check:
    the layer looked like a finished result of a run that reported itself cancelled)."""
    import processing
    from qgis.core import QgsProcessingException

    before = _spaces_rows(town["gpkg"])
    destination = f"ogr:dbname='{town['gpkg']}' table=\"spaces\" (geom)"
    feedback = _stopping_feedback("Writing the report", lambda f: f.cancel())
    with pytest.raises(QgsProcessingException, match="Cancelled by the user"):
        processing.run("sozialraum:delineate", arguments("delineate", town, tmp_path, OUTPUT_SPACES=destination,
                                                          REPORT=str(tmp_path / "report.html")), feedback=feedback)
    assert _spaces_rows(town["gpkg"]) != before
    assert "had been replaced" in feedback.text and "(spaces)" in feedback.text


def test_a_cancel_the_search_did_not_see_stops_before_any_output(provider, town, tmp_path):
    """Cancelled at the search's last progress report, when the engine no longer looks: the run
    stops before it creates an output, so an existing layer keeps its content."""
    import processing
    from qgis.core import QgsProcessingException

    before = _spaces_rows(town["gpkg"])
    destination = f"ogr:dbname='{town['gpkg']}' table=\"spaces\" (geom)"
    feedback = LogFeedback()
    original = feedback.setProgress

    def progress(value):
        original(value)
        if value >= 90:
            feedback.cancel()

    feedback.setProgress = progress
    with pytest.raises(QgsProcessingException, match="Cancelled by the user"):
        processing.run("sozialraum:delineate", arguments("delineate", town, tmp_path, OUTPUT_SPACES=destination,
                                                          REPORT=str(tmp_path / "report.html")), feedback=feedback)
    assert _spaces_rows(town["gpkg"]) == before
    assert "had been replaced" not in feedback.text and not (tmp_path / "report.html").exists()


def test_a_file_written_by_the_plugin_is_all_or_nothing(tmp_path):
    from sozialraum.qgisio.atomic_files import atomic_path, write_text

    target = tmp_path / "report.html"
    write_text(target, "old, complete")
    with pytest.raises(RuntimeError), atomic_path(target) as part:
        with open(part, "w", encoding="utf-8") as handle:
            handle.write("new, half")
        raise RuntimeError("stopped while writing")
    assert target.read_text(encoding="utf-8") == "old, complete"
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]


def test_a_feature_the_output_refuses_stops_the_run_naming_output_feature_and_reason(qgis_app, tmp_path):
    """QGIS leaves a refused feature out of the file and goes on; add_feature stops instead."""
    from qgis.core import (
        QgsCoordinateReferenceSystem,
        QgsCoordinateTransformContext,
        QgsFeature,
        QgsField,
        QgsFields,
        QgsProcessingException,
        QgsVectorFileWriter,
        QgsVectorLayer,
        QgsWkbTypes,
    )
    from qgis.PyQt.QtCore import QVariant

    from sozialraum.algorithms.delineate import DelineateAlgorithm
    from sozialraum.qgisio.sink_writes import add_feature

    fields = QgsFields()
    fields.append(QgsField("space_before", QVariant.Int))
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    path = tmp_path / "out.gpkg"
    writer = QgsVectorFileWriter.create(str(path), fields, QgsWkbTypes.NoGeometry, QgsCoordinateReferenceSystem(),
                                        QgsCoordinateTransformContext(), options)
    algorithm = DelineateAlgorithm()
    algorithm.initAlgorithm()
    good = QgsFeature(fields)
    good.setAttributes([3])
    add_feature(writer, good, algorithm, algorithm.OUTPUT, 41)
    bad = QgsFeature(fields)
    bad.setAttributes(["NULL"])  # what space_before got for a block without a space (an outside check)
    with pytest.raises(QgsProcessingException) as error:
        add_feature(writer, bad, algorithm, algorithm.OUTPUT, 42)
    description = algorithm.parameterDefinition(algorithm.OUTPUT).description()
    assert f"'{description}'" in str(error.value) and "feature 42" in str(error.value) and "space_before" in str(error.value)
    del error, writer  # the traceback holds the writer; the GeoPackage is written when it goes
    assert [f["space_before"] for f in QgsVectorLayer(str(path), "out", "ogr").getFeatures()] == [3]


def test_temporary_outputs_load_without_a_not_generated_error(provider, town, tmp_path, qgis_new_project):
    """An outside check: every run from the dialog with temporary outputs ended in red with "The following
    layers were not correctly generated: memory:Social spaces ..." while the layers were loaded; the
    checks of the destinations had registered the texts as layers to load."""
    from .conftest import run_and_load

    feedback = LogFeedback()
    p = arguments("delineate", town, tmp_path, OUTPUT="TEMPORARY_OUTPUT", OUTPUT_SPACES="TEMPORARY_OUTPUT")
    p.pop("REPORT", None)
    _, loaded, wrong = run_and_load("sozialraum:delineate", p, feedback)
    assert wrong == [] and len(loaded) == 2, (wrong, [layer.name() for layer in loaded])
