"""The qgis_process command line of the report (presentation/report_command.py, QGIS-free)."""
import shlex

from sozialraum.presentation.report_command import qgis_process_command


def test_every_argument_arrives_as_given():
    arguments = [("INPUT", "/data/Stadt Nord/blöcke.gpkg|layername=blocks"), ("ATTRIBUTES", "sgb2_rate"),
                 ("ATTRIBUTES", "it's <odd>"), ("WEIGHTS", "a=2;b=0,5"), ("SEED", "1"), ("OUTPUT", "TEMPORARY_OUTPUT")]
    command = qgis_process_command("sozialraum:delineate", arguments)
    assert command.splitlines()[0] == "qgis_process run sozialraum:delineate \\"
    words = shlex.split(command.replace("\\\n", " "))  # what a POSIX shell passes on
    assert words[:3] == ["qgis_process", "run", "sozialraum:delineate"]
    assert words[3:] == [f"--{name}={value}" for name, value in arguments]
