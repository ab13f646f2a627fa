"""OpenEMR access: connection setup, the declared table subset, reads, the one write path,
audit rows, version probing and the installer."""
from __future__ import annotations
