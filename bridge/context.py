"""The WorkContext a worker hands to plugins: chart loading, options, model completion."""
from __future__ import annotations

import datetime as dt
import logging
from collections import Counter
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy.engine import Connection

from bridge.ehr import reads
from bridge.ehr import schema as oe
from bridge.runtime import Practice, Runtime
from hooks.types import Chart, CompletionRequest, CompletionResult, Event

log = logging.getLogger(__name__)
NOT_SENT = frozenset({"leak_blocked", "leak_check_unavailable", "no_endpoint", "part2_local_only",
                      "redaction_failed", "redaction_unavailable"})


class PracticeContext:
    """Read-only access for one task; audit notes and disclosures are written by the host."""

    def __init__(self, runtime: Runtime, practice: Practice, conn: Connection) -> None:
        self.runtime = runtime
        self._practice = practice
        self.practice = practice.name
        self.db = conn
        self.tables: Any = oe
        self.audit: list[tuple[str, dict[str, Any]]] = []
        self.disclosures: list[tuple[int, str, str]] = []  # (pid, recipient, description)
        self._charts: dict[int, Chart] = {}

    def options(self, plugin: str) -> dict[str, Any]:
        return self._practice.hooks.options(plugin)

    def today(self) -> dt.date:
        value = self.db.exec_driver_sql("SELECT CURDATE()").scalar_one()
        return value if isinstance(value, dt.date) else dt.date.today()

    def chart(self, event: Event) -> Chart:
        if event.id not in self._charts:
            self._charts[event.id] = self._load_chart(event)
        return self._charts[event.id]

    @property
    def last_chart(self) -> Chart | None:
        return next(reversed(self._charts.values()), None)

    def _load_chart(self, event: Event) -> Chart:
        conn, hooks = self.db, self._practice.hooks
        form = reads.form_row(conn, event.source_id) if event.source_table == "forms" else None
        session_input = {}
        if form and str(form["formdir"] or "").startswith("LBF"):
            session_input = reads.lbf_values(conn, int(form["form_id"]))
        enc = reads.encounter_row(conn, event.pid, event.encounter) if event.encounter else None
        clinician_id = (form or {}).get("provider_id") or reads.user_id_by_name(conn, (form or {}).get("user"))
        clinician_id = clinician_id or (enc or {}).get("provider_id") or _patient_provider(conn, event.pid)
        clin = reads.clinician(conn, clinician_id)
        facility_id = (enc or {}).get("facility_id")
        chart = Chart(
            practice=self.practice, pid=event.pid, encounter=event.encounter,
            encounter_date=enc["date"].date() if enc and isinstance(enc["date"], dt.datetime) else None,
            clinician=clin, session_input=session_input, diagnoses=reads.diagnoses(conn, event.pid),
            encounter_reason=str((enc or {}).get("reason") or ""), facility=str((enc or {}).get("facility") or ""),
            known=reads.known_identifiers(conn, event.pid, clin, facility_id),
            prior_notes=reads.prior_notes(conn, self.practice, event.pid, event.source_id if form else 1 << 62),
        )
        chart.goals = hooks.active_goals(event.pid, self)
        chart.scores = hooks.score_history(event.pid, self)
        chart.measures = hooks.recommended_measures(chart, self)
        chart.part2 = hooks.is_part2(chart)
        return chart

    def complete(self, request: CompletionRequest) -> CompletionResult:
        endpoints = list(self.runtime.settings.endpoints)
        if not endpoints:
            return CompletionResult(sections=None, backend="none", reason="no_endpoint")
        from bridge import llm  # imported lazily: requests and prompt code only when used

        hooks = self._practice.hooks
        redactions: list[Any] = []

        def redact(text: str, known: Any) -> Any:
            redactions.append(hooks.redact(text, known))
            return redactions[-1]

        result = llm.complete(request, endpoints, redact=redact, leak_check=hooks.leak_check)
        self.audit.extend(completion_audit(request, result, redactions, endpoints))
        sent = result.external and result.reason not in NOT_SENT
        chart = self.last_chart
        if sent and chart is not None:
            self.disclose(chart.pid, result.backend, (
                f"De-identified text sent to external language model endpoint {result.backend!r} "
                f"to draft a {request.purpose.replace('_', ' ')}; identifiers replaced by placeholders."))
        hooks.completion_received(result, request.purpose)
        return result

    def disclose(self, pid: int, recipient: str, description: str) -> None:
        self.disclosures.append((pid, recipient, description))


def completion_audit(request: CompletionRequest, result: CompletionResult, redactions: list[Any],
                     endpoints: list[Any]) -> list[tuple[str, dict[str, Any]]]:
    """Audit notes of one model call: redaction counts by category, which endpoint and where,
    what was sent (characters; CompletionResult carries no token counts), what came back."""
    notes: list[tuple[str, dict[str, Any]]] = []
    redacted = redactions[0] if redactions else None
    if redacted is not None:
        spans = list(getattr(redacted, "spans", []) or [])
        notes.append(("redacted", {"purpose": request.purpose, "spans": len(spans),
                                   "categories": dict(Counter(str(s.category) for s in spans)),
                                   "layers": dict(Counter(str(s.layer or "?") for s in spans))}))
    endpoint = next((e for e in endpoints if getattr(e, "name", None) == result.backend), None)
    sent = result.backend != "none" and result.reason not in NOT_SENT
    notes.append(("model_called", {
        "backend": result.backend, "external": result.external, "purpose": request.purpose,
        "ok": result.sections is not None, "reason": result.reason, "sent": sent,
        "model": getattr(endpoint, "model", ""), "where": getattr(endpoint, "kind", "none"),
        "host": urlsplit(getattr(endpoint, "base_url", "")).hostname or "",
        "chars_sent": len(getattr(redacted, "text", "") or "") if sent else 0}))
    if result.sections is not None:
        notes.append(("answer_received", {
            "backend": result.backend, "purpose": request.purpose, "sections": len(result.sections),
            "chars": sum(len(v or "") for v in result.sections.values())}))
    return notes


def _patient_provider(conn: Connection, pid: int) -> int | None:
    from sqlalchemy import select

    return conn.execute(select(oe.patient_data.c.providerID).where(oe.patient_data.c.pid == pid)).scalar_one_or_none()
