"""Every hook of the OpenEMR AI bridge, grouped by lifecycle.

Conventions: every hook name starts with ``bridge_``; the host calls them through the typed
facade :class:`bridge.plugins.Hooks`, which applies the practice's enabled-plugin set.
"Detector" means the ``openemr-bridge detect`` process, "worker" the Dramatiq worker
process, "installer" ``openemr-bridge install``. Plugins raise :mod:`hooks.errors` to skip,
retry or fail; they never import Dramatiq.
"""
from __future__ import annotations

from typing import Any

from hooks import hookspec
from hooks.types import (
    Chart,
    CompletionResult,
    Draft,
    Event,
    Goal,
    KnownIdentifiers,
    LayoutForm,
    ListDef,
    Outcome,
    Redacted,
    Score,
    WorkContext,
)

# ---------------------------------------------------------------------------------------
# Installation (installer process)
# ---------------------------------------------------------------------------------------


@hookspec
def bridge_layouts() -> list[LayoutForm]:
    """Layout-Based Forms this plugin needs in OpenEMR.

    Fires in the installer (``install --practice``) and in ``doctor``. Return a list of
    :class:`LayoutForm`; the installer creates or updates their ``layout_group_properties``
    and ``layout_options`` rows idempotently. All plugins' lists are concatenated.
    """


@hookspec
def bridge_lists() -> list[ListDef]:
    """Custom ``list_options`` lists the plugin's forms use (installer process).

    Return a list of :class:`ListDef`; results of all plugins are concatenated.
    """


@hookspec
def bridge_option_defaults() -> dict[str, dict[str, Any]]:
    """Default per-practice options, keyed by plugin name (any process, at config load).

    A practice file's ``[plugins.<name>]`` table overrides these; unknown keys are an error
    that names the key. Results of all plugins are merged.
    """


# ---------------------------------------------------------------------------------------
# Detection and dispatch (detector process)
# ---------------------------------------------------------------------------------------


@hookspec
def bridge_accepts_event(event: Event, options: dict[str, Any]) -> bool:
    """Does this plugin want a message for ``event``?

    Fires in the detector's dispatcher once per plugin and event (the host calls each
    plugin alone), so one plugin's answer never affects another's. ``options`` are this
    plugin's practice options. Return True to get one Dramatiq message for (event, plugin).
    Must be cheap: it reads nothing but the event.
    """


# ---------------------------------------------------------------------------------------
# Drafting (worker process)
# ---------------------------------------------------------------------------------------


@hookspec(firstresult=True)
def bridge_handle_event(event: Event, ctx: WorkContext) -> Outcome | None:
    """Do this plugin's work for one event and return what to write.

    Fires in the worker, for the one plugin the message names (the host calls it alone).
    ``ctx`` gives the chart, options, read-only database access and language-model
    completion. Return an :class:`Outcome`; the host writes its drafts, alerts and
    deliveries with the ledger rows in one transaction, refusing signed targets. Raise
    ``SkipEvent``, ``RetryLater`` or ``PermanentFailure`` to say otherwise.
    """


@hookspec
def bridge_validate_draft(draft: Draft, chart: Chart) -> list[str]:
    """Problems that forbid writing ``draft`` as it is (worker process).

    Fires in the worker just before the write, for every enabled plugin. Return a list of
    readable problems (empty when fine). Any problem turns the work into a recorded
    ``PermanentFailure``; text must not quote chart content.
    """


@hookspec
def bridge_draft_written(draft: Draft, forms_id: int, ctx: WorkContext) -> None:
    """Notification after a draft committed as ``forms.id`` (worker process).

    Fires after the transaction commits. Return value ignored; exceptions are logged, never
    undo the write.
    """


@hookspec
def bridge_draft_signed(kind: str, pid: int, forms_id: int, edited: bool) -> None:
    """Notification that a clinician e-signed a bridge draft (worker process).

    ``edited`` tells whether the signed content differs from what was drafted. Return value
    ignored.
    """


# ---------------------------------------------------------------------------------------
# Golden thread (worker process): plugins answering for each other
# ---------------------------------------------------------------------------------------


@hookspec(firstresult=True)
def bridge_active_goals(pid: int, ctx: WorkContext) -> list[Goal] | None:
    """The patient's active treatment-plan goals with stable ids (worker process).

    ``firstresult``: the first plugin returning a list (the plans plugin) answers. Return
    None to let another plugin answer; the host falls back to no goals.
    """


@hookspec(firstresult=True)
def bridge_score_history(pid: int, ctx: WorkContext) -> list[Score] | None:
    """The patient's scored assessments, oldest first (worker process).

    ``firstresult``: the assessments plugin answers; None lets another plugin answer.
    """


@hookspec(firstresult=True)
def bridge_recommended_measures(chart: Chart, ctx: WorkContext) -> list[str] | None:
    """The clinician's measurement shortlist for this chart's visit (worker process).

    Fires while the host loads a chart, after goals and scores. Return readable lines such as
    "PHQ-9: due (31 days since last, 2026-10-01)" for the instruments the diagnoses call for,
    due or not; ``firstresult``: the assessments plugin answers, None lets another answer.
    """


# ---------------------------------------------------------------------------------------
# Redaction (worker process; the essential redaction plugin answers)
# ---------------------------------------------------------------------------------------


@hookspec(firstresult=True)
def bridge_redact(text: str, known: KnownIdentifiers, options: dict[str, Any]) -> Redacted | None:
    """Replace identifiers in ``text`` by typed placeholders (worker process).

    ``known`` holds the identifiers the chart already has; ``options`` are the redaction
    plugin's practice options. ``firstresult``: the redaction plugin answers. The result keeps
    its mapping in memory only; ``restore`` puts identifiers back into a model's answer.
    """


@hookspec(firstresult=True)
def bridge_leak_check(text: str, known: KnownIdentifiers) -> dict[str, int] | None:
    """Fail-closed scan of text about to leave the clinic (worker process).

    Return a count of remaining identifiers by category (empty dict when clean). The host
    sends nothing when the dict is non-empty, or when no plugin answers.
    """


@hookspec(firstresult=True)
def bridge_is_part2(chart: Chart, options: dict[str, Any]) -> bool | None:
    """Is this patient's text restricted to local backends under 42 CFR Part 2?

    Fires in the worker while the chart loads. ``firstresult``; None means no opinion (the
    host then treats the patient as not restricted unless the chart says so).
    """


@hookspec
def bridge_completion_received(result: CompletionResult, purpose: str) -> None:
    """Notification after a language-model call returned, successfully or not (worker process).

    ``result`` carries the endpoint name, whether it is external, the restored sections (or
    None) and the failure reason; ``purpose`` names the document. Fires for every call, after
    the host recorded its audit entry. Return value ignored; never log ``result.sections``.
    """
