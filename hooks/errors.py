"""Errors a plugin raises to tell the host what to do with the work in hand.

The worker maps them onto the queue: ``SkipEvent`` ends the work quietly (audited),
``RetryLater`` retries with backoff until the retry budget is spent, ``PermanentFailure``
records the event in ``aib_failures`` at once with its reason, from where an admin can
replay it after fixing the cause. Any other exception is treated as ``RetryLater``.
Messages must name ids and the fix, never chart text.
"""
from __future__ import annotations


class BridgeError(Exception):
    """Base class of every error the bridge and its plugins raise on purpose."""


class SkipEvent(BridgeError):
    """The event is not for this plugin after all (e.g. the form was deleted); no retry."""


class RetryLater(BridgeError):
    """A transient condition (database busy, model timeout): try again with backoff."""


class PermanentFailure(BridgeError):
    """Retrying cannot help (bad input, signed target): record it with the reason and the fix."""


class SignedTargetError(PermanentFailure):
    """The form or its encounter has an ``esign_signatures`` row: the bridge never writes to it."""


class LeakBlocked(BridgeError):
    """The fail-closed leak check found identifiers in text about to leave the clinic.

    ``categories`` counts what was found by category; values are never carried.
    """

    def __init__(self, categories: dict[str, int]) -> None:
        self.categories = dict(categories)
        summary = ", ".join(f"{k}={v}" for k, v in sorted(self.categories.items()))
        super().__init__(f"leak check blocked an outbound request ({summary})")
