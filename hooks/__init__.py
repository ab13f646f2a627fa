"""The plugin contract of the OpenEMR AI bridge.

A plugin is any object or module with functions marked ``@hookimpl`` whose names match the
specs in :mod:`hooks.specs`. Plugins receive and return the dataclasses of
:mod:`hooks.types` and signal intent by raising the errors of :mod:`hooks.errors`.
They never import Dramatiq, SQLAlchemy sessions or the host's internals: everything they
need arrives through :class:`hooks.types.WorkContext`.
"""
from __future__ import annotations

import pluggy

PROJECT = "openemr_bridge"

hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)

__all__ = ["PROJECT", "hookimpl", "hookspec"]
