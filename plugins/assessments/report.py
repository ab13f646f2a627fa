"""The words of a scored result: LBF field values, the interpretation, the item-9 alert.

Every sentence states a score, a band, an item value or a rule from the instrument data;
none names a diagnosis. PCL-5 wording says "cluster rule", never "PTSD".
"""
from __future__ import annotations

from hooks.types import Score
from plugins.assessments.instruments import Instrument
from plugins.assessments.scoring import INCOMPLETE, PRORATED, ClusterResult, Result

ITEM9_GUIDANCE = ("same-visit structured suicide-risk assessment recommended "
                  "(e.g. C-SSRS) per PHQ-9 item 9 guidance")


def answer_label(inst: Instrument, value: int) -> str:
    answer = inst.answer(value)
    return f"{value} ({answer.display})" if answer else str(value)


def completeness(inst: Instrument, result: Result) -> str:
    if not result.missing:
        return "complete"
    missing = ", ".join(str(n) for n in result.missing)
    if result.status == PRORATED:
        return (f"prorated: {len(result.answers)} of {len(inst.items)} items answered "
                f"(missing item {missing}); raw sum {result.raw_sum}")
    return f"incomplete, not scored: missing item {missing}"


def change_since(result: Result, previous: Score | None) -> str:
    if previous is None:
        return "no earlier administration on record"
    if result.total is None:
        return f"not computed (last {previous.total} on {previous.date.isoformat()})"
    delta = result.total - previous.total
    return f"{delta:+d} since {previous.date.isoformat()} (was {previous.total}, {previous.band})"


def item9_text(inst: Instrument, result: Result) -> str:
    if inst.safety_item is None:
        return ""
    if result.item9 is None:
        return "not answered"
    return str(result.item9)


def item_flags(inst: Instrument, result: Result, problems: tuple[str, ...]) -> list[str]:
    flags = []
    safety = inst.safety_item
    if safety is not None and result.item9_positive:
        flags.append(f"Item {safety} positive: answered {answer_label(inst, result.item9 or 0)}; "
                     f"{ITEM9_GUIDANCE}.")
    elif safety is not None and result.item9 is None:
        flags.append(f"Item {safety} not answered: ask it directly.")
    top = [n for n, v in sorted(result.answers.items()) if v == inst.max_value]
    if top:
        flags.append("Items at the highest rating: " + ", ".join(str(n) for n in top) + ".")
    return flags + list(problems)


def findings(inst: Instrument, result: Result) -> list[str]:
    """Pre-sign checklist lines: what the clinician must not miss before signing."""
    found = []
    if inst.safety_item is not None and result.item9_positive:
        found.append(f"{inst.key} item {inst.safety_item} positive: same-day alert sent")
    elif inst.safety_item is not None and result.item9 is None:
        found.append(f"{inst.key} item {inst.safety_item} not answered")
    if result.status == INCOMPLETE:
        found.append(f"{inst.key} incomplete: not scored")
    return found


def cluster_line(c: ClusterResult) -> str:
    state = {True: "met", False: "not met", None: "indeterminate (missing items)"}[c.met]
    missing = f", {c.missing} missing" if c.missing else ""
    return (f"{c.name}: severity {c.severity}; {c.symptoms} item(s) rated 2 or higher "
            f"(needs {c.needed}{missing}): {state}")


def clusters_text(result: Result) -> str:
    if not result.clusters:
        return ""
    rule = {True: "met", False: "not met", None: "indeterminate"}[result.cluster_rule_met]
    lines = [cluster_line(c) for c in result.clusters]
    return "\n".join(lines + [f"DSM-5 cluster rule (B>=1, C>=1, D>=2, E>=2): {rule}."])


def interpretation(inst: Instrument, result: Result, previous: Score | None) -> str:
    if result.status == INCOMPLETE or result.total is None:
        lines = [f"{inst.key} incomplete: {len(result.answers)} of {len(inst.items)} items "
                 "answered, too few to score under the instrument's missing-item rule."]
    else:
        basis = " (prorated)" if result.status == PRORATED else ""
        lines = [f"{inst.key} total {result.total} of {inst.max_total}{basis}: {_band_words(inst, result)}."]
    if result.total is not None and previous is not None:
        lines.append(f"Change since {previous.date.isoformat()}: {result.total - previous.total:+d}.")
    if inst.safety_item is not None and result.item9_positive:
        lines.append(f"Item {inst.safety_item} answered above 0: {ITEM9_GUIDANCE}.")
    if result.clusters:
        rule = {True: "met", False: "not met", None: "indeterminate"}[result.cluster_rule_met]
        lines.append(f"Item pattern against the DSM-5 cluster rule: {rule}.")
    lines.append("Screening scores only; clinical judgement decides their meaning.")
    return " ".join(lines)


def _band_words(inst: Instrument, result: Result) -> str:
    if inst.key == "PCL-5":
        return f"{result.band} of {result.cutoff} (practice cutoff)"
    return f"{result.band} severity band"


def item_scores(result: Result, inst: Instrument) -> str:
    return "; ".join(f"{i.number}: {result.answers[i.number]}" if i.number in result.answers
                     else f"{i.number}: -" for i in inst.items)


def fields(inst: Instrument, result: Result, *, date_iso: str, source: str,
           previous: Score | None, problems: tuple[str, ...]) -> dict[str, str]:
    """The ``LBFaibscore`` field values (empty values dropped)."""
    values = {
        "instrument": inst.key, "admin_date": date_iso,
        "total": "" if result.total is None else str(result.total),
        "band": result.band or "", "completeness": completeness(inst, result),
        "change_since_last": change_since(result, previous),
        "interpretation": interpretation(inst, result, previous),
        "item9": item9_text(inst, result),
        "item_flags": "\n".join(item_flags(inst, result, problems)),
        "clusters": clusters_text(result), "item_scores": item_scores(result, inst),
        "source": source, "scoring_rule": str(inst.scoring.get("missing_rule", "")),
    }
    return {k: v for k, v in values.items() if v}


def alert_body(inst: Instrument, result: Result, *, date_iso: str) -> str:
    total = f"total {result.total} ({result.band})" if result.total is not None else "total not scored"
    return (f"{inst.key} completed {date_iso}: item {inst.safety_item} "
            f"(thoughts of being better off dead or of self-harm) answered "
            f"{answer_label(inst, result.item9 or 0)}; {total}. Positive regardless of total: "
            f"{ITEM9_GUIDANCE}. The scored result is in the chart as an unsigned draft.")
