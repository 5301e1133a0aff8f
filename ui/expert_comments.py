"""Expert comments from the web atlas into the consultation: proposals in the decision log, sketches as a layer.

Each comment of a file (``algorithms/atlas_comments.read_comments``) becomes one row of kind
:data:`~sozialraum.ui.decision_log_text.PROPOSAL` (author, space, text): a proposal, never an edit
of the blocks, so it is stored at once and is on no undo stack. Its id is made from what the expert
wrote (author, space, text, sketch), so the same file imported twice, or a later download that
repeats earlier comments, adds no row twice. A file that is not a comment file is named in a
translated message and the other files are still imported.
"""
from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from ..algorithms.reports.atlas_comments import MAX_TEXT, read_comments
from ..algorithms.reports.atlas_data import AtlasError
from ..i18n import tr
from .decision_log import Decision, now_iso
from .decision_log_text import PROPOSAL, PROPOSAL_SKETCH
from .sketch_layer import add_sketches

#: the namespace of the proposals' ids (uuid5 of what the expert wrote)
_NAMESPACE = uuid.UUID("5b0c7d52-3f7e-4c1e-9a53-6f1d3c2a9e10")


@dataclass
class ImportOutcome:
    """What an import did: rows added, comments already in the log, problems (translated, one per file)."""

    added: int = 0
    already: int = 0
    sketches: int = 0
    unknown: list = field(default_factory=list)  # spaces the layer does not have (the rows are kept)
    problems: list = field(default_factory=list)
    files: list = field(default_factory=list)  # the files read
    sketch_layer: object = None

    def message(self):
        """The outcome in the interface language, for the dock's message line."""
        parts = []
        if self.files:
            parts.append(tr("%n proposal(s) imported from {files}.", self.added).format(
                files=", ".join(Path(path).name for path in self.files)))
        if self.already:
            parts.append(tr("%n comment(s) were in the decision log already and were not added again.", self.already))
        if self.sketches:
            parts.append(tr("Sketches of %n comment(s) added to the layer '{layer}'.", self.sketches).format(
                layer=self.sketch_layer.name()))
        if self.unknown:
            parts.append(tr("Spaces this layer does not have (logged as written): {spaces}.").format(
                spaces=", ".join(dict.fromkeys(self.unknown))))
        return " ".join(parts + self.problems)


def proposal_id(comment):
    """The row id of a comment: the same for the same words and sketch of the same author on the same space."""
    key = json.dumps([comment.author, comment.space, comment.text, [list(map(list, line)) for line in comment.sketch]])
    return uuid.uuid5(_NAMESPACE, key).hex


def written_time(text):
    """The time the expert downloaded the file, as local ISO 8601 time (the import's time when it is not one)."""
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except (AttributeError, ValueError):
        return now_iso()
    if moment.tzinfo is None:
        return moment.isoformat(timespec="seconds")
    return moment.astimezone().isoformat(timespec="seconds")


def proposal_row(comment, number):
    """The decision-log row of ``comment``: no blocks, no residents, the text as the reason."""
    return Decision(number=number, time=written_time(comment.written), author=comment.author, kind=PROPOSAL,
                    operation=PROPOSAL_SKETCH if comment.sketch else PROPOSAL, from_spaces="", to_spaces=comment.space,
                    blocks=0, population=0.0, block_ids="", reason=comment.text, id=proposal_id(comment))


def file_problem(error):
    """A translated message for a file that is refused (``AtlasError`` of ``read_comments``), naming the file."""
    name = Path(error.details.get("file", "")).name
    reason = error.details.get("reason")
    if error.code == "comments_unreadable" and reason == "too large":
        return tr("'{file}' is too large for a comment file of the web atlas: not imported.").format(file=name)
    if error.code == "comments_unreadable":
        return tr("'{file}' could not be read as a comment file of the web atlas (a JSON file downloaded from the "
                  "atlas): not imported.").format(file=name)
    if error.code == "comments_format":
        return tr("'{file}' is not a comment file of the web atlas (another JSON document, or one of another version): "
                  "not imported.").format(file=name)
    entry = error.details.get("entry")
    if reason == "too long":
        return tr("Comment {entry} in '{file}' is longer than {limit} characters: the file was not imported.").format(
            entry=entry, file=name, limit=MAX_TEXT)
    if reason == "sketch":
        return tr("The sketch of comment {entry} in '{file}' is not a line in longitude and latitude: the file was "
                  "not imported.").format(entry=entry, file=name)
    return tr("Comment {entry} in '{file}' has no space or no text: the file was not imported.").format(entry=entry, file=name)


def import_comment_files(layer_session, paths):
    """Import the comment files at ``paths`` into the session's decision log and the sketch layer."""
    outcome = ImportOutcome()
    log = layer_session.decision_log
    spaces = {str(label) for label in layer_session.session.labels() if label is not None}
    known_ids = {row.id for row in log.rows()}
    rows, sketches = [], []
    for path in paths:
        try:
            comments = read_comments(path, spaces)
        except AtlasError as error:
            outcome.problems.append(file_problem(error))
            continue
        outcome.files.append(str(path))
        for comment in comments:
            row = proposal_row(comment, log.next_number() + len(rows))
            sketches.append((row, comment))
            if row.id in known_ids:
                outcome.already += 1
                continue
            known_ids.add(row.id)
            rows.append(row)
            if not comment.known:
                outcome.unknown.append(comment.space)
    if rows:
        log.add_stored(rows)
        outcome.added = len(rows)
    outcome.sketch_layer, added = add_sketches(layer_session.layer, sketches)
    if added is None:
        outcome.problems.append(tr("The sketches could not be written to the layer '{layer}'.").format(
            layer=outcome.sketch_layer.name()))
    outcome.sketches = added or 0
    return outcome
