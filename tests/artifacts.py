"""Where browser tests leave screenshots for a person to look at: never inside the source tree."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def artifacts_dir() -> Path:
    """``$CAREGLOT_TEST_ARTIFACTS``, else ``careglot-test-artifacts/`` in the system's temporary folder."""
    configured = os.environ.get("CAREGLOT_TEST_ARTIFACTS")
    return Path(configured) if configured else Path(tempfile.gettempdir()) / "careglot-test-artifacts"
