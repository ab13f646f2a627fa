"""Logging setup: ids and counts only. The redaction plugin's filter scrubs anything that
looks like PHI from every record, as a second line of defence."""
from __future__ import annotations

import logging
import os


def configure(level: str | None = None) -> None:
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    try:
        from plugins.redaction import PhiLogFilter

        handler.addFilter(PhiLogFilter())
    except ImportError:  # the filter is part of the essential redaction plugin
        pass
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level or os.environ.get("AIB_LOG_LEVEL", "INFO"))
