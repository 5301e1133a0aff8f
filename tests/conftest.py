"""Make the plugin importable as the package ``sozialraum`` whatever the checkout is called."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
sys.path.insert(0, str(Path(__file__).resolve().parent))  # shared test helpers (session_recount)

from checkout_package import use_checkout

use_checkout()
