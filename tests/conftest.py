"""Make the plugin importable as the package ``sozialraum`` whatever the checkout is called.

The repository root is the plugin folder itself, so tests import it through a
symlink ``.build/pythonpath/sozialraum`` -> repository root.
"""
import os
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
PYTHONPATH_DIR = REPO_ROOT / ".build" / "pythonpath"
PACKAGE_LINK = PYTHONPATH_DIR / "sozialraum"

if not PACKAGE_LINK.exists():
    PYTHONPATH_DIR.mkdir(parents=True, exist_ok=True)
    try:
        os.symlink(REPO_ROOT, PACKAGE_LINK, target_is_directory=True)
    except FileExistsError:  # another test process won the race
        pass
if str(PYTHONPATH_DIR) not in sys.path:
    sys.path.insert(0, str(PYTHONPATH_DIR))
