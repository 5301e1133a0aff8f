"""Files the plugin writes itself appear complete or not at all: written under a temporary name
in the same folder, renamed when complete (a rename within one folder is atomic).

A run killed while writing (SIGTERM, a crash, a full disk) leaves at most a hidden
``.NAME.XXXXXXXX.part.EXT`` file, never a report or a table that looks finished but is cut off.
"""
import contextlib
import os
import shutil
import uuid
from pathlib import Path


def _part_name(path):
    # the real extension last: exporters pick the format from it
    return path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.part{path.suffix}")


@contextlib.contextmanager
def atomic_path(path):
    """Yield a temporary path beside ``path`` to write to; renamed to ``path`` when the block
    ends without an error, removed when it ends with one."""
    path = Path(path)
    part = _part_name(path)
    try:
        yield str(part)
        os.replace(part, path)
    finally:
        part.unlink(missing_ok=True)


def write_text(path, text):
    """``text`` into ``path`` (UTF-8), all or nothing."""
    with atomic_path(path) as part:
        with open(part, "w", encoding="utf-8") as handle:
            handle.write(text)
    return path


@contextlib.contextmanager
def staged_folder(folder):
    """Yield a hidden folder inside ``folder`` to write many files into; on success each file is
    moved into ``folder`` (one atomic rename each), on an error the staging folder goes."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    staging = folder / f".sozialraum-{uuid.uuid4().hex[:8]}.part"
    staging.mkdir()
    try:
        yield staging
        for item in sorted(staging.iterdir()):
            os.replace(item, folder / item.name)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
