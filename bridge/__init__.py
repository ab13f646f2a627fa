"""The host of the OpenEMR AI documentation bridge: settings, plugins, OpenEMR access,
event detection, the queue, language-model backends and the CLI."""
from __future__ import annotations

__version__ = "0.1.0"
