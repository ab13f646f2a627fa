"""Synthetic answers and QuestionnaireResponses for the assessments tests."""
from __future__ import annotations

from typing import Any

from plugins.assessments.instruments import Instrument


def answers_for_total(inst: Instrument, total: int, *, keep: dict[int, int] | None = None) -> dict[int, int]:
    """Item values summing to ``total``, filled from item 1 on; ``keep`` pins some items."""
    keep = keep or {}
    answers = {item.number: 0 for item in inst.items} | keep
    rest = total - sum(keep.values())
    for item in inst.items:
        if item.number in keep:
            continue
        answers[item.number] = min(inst.max_value, rest)
        rest -= answers[item.number]
    assert rest == 0, f"cannot reach total {total} for {inst.key}"
    return answers


def response_for(inst: Instrument, values: dict[int, int | None], *, style: str = "ours") -> dict[str, Any]:
    """A FHIR QuestionnaireResponse answering ``values`` (None = left blank).

    style "ours": flat items with our linkIds and coded answers (what our Questionnaire yields);
    style "lhc": LHC-Forms paths nested in a panel group, answers by display text only.
    """
    items = []
    for item in inst.items:
        value = values.get(item.number)
        answer = inst.answer(value) if value is not None else None
        if style == "ours":
            entry: dict[str, Any] = {"linkId": inst.link_id(item), "text": item.text}
            if answer:
                entry["answer"] = [{"valueCoding": {"code": answer.code, "display": answer.display}}]
        else:
            entry = {"linkId": f"/{inst.panel_loinc}/{item.loinc or item.number}", "text": item.text}
            if answer:
                entry["answer"] = [{"valueCoding": {"display": answer.display}}]
        items.append(entry)
    if style == "lhc":
        items = [{"linkId": f"/{inst.panel_loinc}", "text": inst.title, "item": items}]
    return {"resourceType": "QuestionnaireResponse", "status": "completed", "item": items}
