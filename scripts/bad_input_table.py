#!/usr/bin/env python3
"""Write the case list of docs/bad_input.md from what the catalogue test observed.

    SOZIALRAUM_BAD_INPUT_OBSERVED=/tmp/observed.tsv .venv/bin/python -m pytest tests/qgis/test_bad_input.py
    python3 scripts/bad_input_table.py /tmp/observed.tsv      # replaces the part after "## The cases"
"""
import ast
import importlib.util
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "bad_input.md"
ALGORITHMS = ["adjacency", "delineate", "evaluate", "aggregate", "interpolate", "index", "compare"]


def load_cases():
    spec = importlib.util.spec_from_file_location("bad_input", ROOT / "tests" / "qgis" / "bad_input.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def outcome_text(module, observed, case, algorithm):
    outcome, message, log = observed[(case, algorithm)]
    expected = module.EXPECTED.get((case, algorithm), module.EXPECTED.get((case, "*"), ("ok", None)))
    if outcome == "error":
        return f"stops with “{message}”"
    if expected[1]:
        line = next((text for text in log.split("\n") if re.search(expected[1], text)), "")
        return f"runs; the log says “{line}”"
    return "runs"


def markdown(module, observed):
    lines = []
    for case in module.cases():
        lines.append(f"**`{case.name}`**: {case.what.replace('<', '&lt;').replace('>', '&gt;')}")
        groups = {}
        for algorithm in ALGORITHMS:
            groups.setdefault(outcome_text(module, observed, case.name, algorithm), []).append(algorithm)
        for text, names in groups.items():
            lines.append(f"- {', '.join(names)}: {text.replace('<', '&lt;').replace('>', '&gt;')}")
        lines.append("")
    return "\n".join(lines)


def main(path):
    observed = {}
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        case, algorithm, outcome, message, log = line.split("\t")
        observed[(case, algorithm)] = (outcome, ast.literal_eval(message), ast.literal_eval(log))
    text = DOC.read_text(encoding="utf-8")
    head = text[: text.index("## The cases")]
    note = ("(Written by `scripts/bad_input_table.py` from what the test observed; the test fails when an\n"
            "outcome changes, so this list and the behaviour stay in step.)\n\n")
    DOC.write_text(head + "## The cases\n\n" + note + markdown(load_cases(), observed), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
