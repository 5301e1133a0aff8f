"""Make ``import sozialraum`` load this checkout, whatever the checkout's folder is called.

The repository root is the plugin folder itself, so tests, benchmarks and scripts import it
through the symlink ``.build/pythonpath/sozialraum`` -> repository root, made here.
"""
import os
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
PYTHONPATH_DIR = REPO_ROOT / ".build" / "pythonpath"
PACKAGE_LINK = PYTHONPATH_DIR / "sozialraum"


def use_checkout():
    """Create the symlink if missing and put its folder first on ``sys.path``."""
    if not PACKAGE_LINK.exists():
        PYTHONPATH_DIR.mkdir(parents=True, exist_ok=True)
        try:
            os.symlink(REPO_ROOT, PACKAGE_LINK, target_is_directory=True)
        except FileExistsError:  # another process made it meanwhile
            pass
    if str(PYTHONPATH_DIR) not in sys.path:
        sys.path.insert(0, str(PYTHONPATH_DIR))
