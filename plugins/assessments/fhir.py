"""FHIR R4 shapes: the Questionnaire built from instrument data, and QuestionnaireResponse parsing.

Answers are found by linkId (ours, or LHC-Forms' ``/<LOINC>`` paths), by an item's LOINC
code, or by the item's text; an answer's value by its coding code (LOINC LA code or our
value code), its display text, an ``ordinalValue`` extension, or a plain integer.
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from plugins.assessments.instruments import Instrument, Item, all_instruments

LOINC = "http://loinc.org"
ORDINAL = "http://hl7.org/fhir/StructureDefinition/ordinalValue"


def _coding(code: str, display: str) -> dict[str, str]:
    return {"system": LOINC, "code": code, "display": display}


def _answer_options(inst: Instrument) -> list[dict[str, Any]]:
    options = []
    for ans in inst.answers:
        coding = {"code": ans.code, "display": ans.display}
        if ans.loinc:
            coding["system"] = LOINC
        options.append({"valueCoding": coding,
                        "extension": [{"url": ORDINAL, "valueDecimal": ans.value}]})
    return options


def _question(inst: Instrument, item: Item) -> dict[str, Any]:
    question: dict[str, Any] = {
        "linkId": inst.link_id(item), "prefix": f"{item.number}.", "text": item.text,
        "type": "choice", "required": True, "answerOption": _answer_options(inst)}
    if item.loinc:
        question["code"] = [_coding(item.loinc, item.text)]
    return question


def _extra(inst: Instrument, extra: dict[str, Any]) -> dict[str, Any]:
    code = extra.get("loinc")
    question: dict[str, Any] = {
        "linkId": f"/{code}" if code else f"{inst.fhir_name.lower()}-{extra['link']}",
        "text": extra["text"], "type": "choice", "required": False,
        "answerOption": [{"valueCoding": {"code": str(i), "display": label}}
                         for i, label in enumerate(extra["answers"])]}
    if code:
        question["code"] = [_coding(code, extra["text"])]
    return question


def build_questionnaire(inst: Instrument) -> dict[str, Any]:
    """A FHIR R4 Questionnaire for portal delivery (OpenEMR renders it with LHC-Forms)."""
    questionnaire: dict[str, Any] = {
        "resourceType": "Questionnaire", "status": "active", "name": inst.fhir_name,
        "title": inst.title, "subjectType": ["Patient"], "copyright": inst.copyright,
        "item": [{"linkId": f"{inst.fhir_name.lower()}-instructions", "type": "display",
                  "text": inst.stem}]}
    if inst.panel_loinc:
        questionnaire["code"] = [_coding(inst.panel_loinc, inst.full_title)]
    questionnaire["item"] += [_question(inst, item) for item in inst.items]
    questionnaire["item"] += [_extra(inst, extra) for extra in inst.extra_items]
    return questionnaire


# --- parsing a QuestionnaireResponse -------------------------------------------------------

def load_json(raw: str | bytes | dict[str, Any] | None) -> dict[str, Any]:
    if isinstance(raw, dict):
        return raw
    if not raw:
        return {}
    try:
        value = json.loads(raw)
    except (TypeError, ValueError):
        return {}
    return value if isinstance(value, dict) else {}


def flatten(items: list[dict[str, Any]] | None) -> Iterator[dict[str, Any]]:
    """Every item of a response, groups and nested answers included, depth first."""
    for item in items or ():
        if not isinstance(item, dict):
            continue
        yield item
        yield from flatten(item.get("item"))
        for answer in item.get("answer") or ():
            if isinstance(answer, dict):
                yield from flatten(answer.get("item"))


def _key(text: str | None) -> str:
    return "".join(ch for ch in (text or "").lower() if ch.isalnum())


def _last_segment(link_id: str) -> str:
    return link_id.rstrip("/").rsplit("/", 1)[-1]


def _match_item(inst: Instrument, entry: dict[str, Any]) -> Item | None:
    link = str(entry.get("linkId") or "")
    codes = {str(c.get("code")) for c in entry.get("code") or () if isinstance(c, dict)}
    for item in inst.items:
        if link and (link == inst.link_id(item) or _last_segment(link) == _last_segment(inst.link_id(item))):
            return item
        if item.loinc and (item.loinc in codes or _last_segment(link) == item.loinc):
            return item
    text = _key(entry.get("text"))
    return next((i for i in inst.items if text and _key(i.text) == text), None)


def _ordinal(value: dict[str, Any]) -> int | None:
    for ext in value.get("extension") or ():
        if isinstance(ext, dict) and "ordinalvalue" in str(ext.get("url", "")).lower():
            raw = ext.get("valueDecimal", ext.get("valueInteger"))
            return int(raw) if isinstance(raw, int | float) else None
    return None


def answer_value(inst: Instrument, answer: dict[str, Any]) -> int | None:
    """The numeric value of one answer, or None when it matches no option of ``inst``."""
    coding = answer.get("valueCoding")
    if isinstance(coding, dict):
        code, display = str(coding.get("code") or ""), _key(coding.get("display"))
        for option in inst.answers:
            if code and code == option.code:
                return option.value
        for option in inst.answers:
            if display and display == _key(option.display):
                return option.value
        return _ordinal(coding) if _ordinal(coding) is not None else _ordinal(answer)
    for field in ("valueInteger", "valueDecimal"):
        raw = answer.get(field)
        if isinstance(raw, int | float) and float(raw).is_integer() and inst.answer(int(raw)):
            return int(raw)
    return None


def parse_response(inst: Instrument, response: dict[str, Any]) -> tuple[dict[int, int | None], list[str]]:
    """Item number -> value (None = missing) from a QuestionnaireResponse, plus problems."""
    answers: dict[int, int | None] = {item.number: None for item in inst.items}
    problems: list[str] = []
    for entry in flatten(response.get("item")):
        item = _match_item(inst, entry)
        given = [a for a in entry.get("answer") or () if isinstance(a, dict)]
        if item is None or not given:
            continue
        value = answer_value(inst, given[0])
        if value is None:
            problems.append(f"item {item.number}: answer not recognised, treated as missing")
        answers[item.number] = value
    return answers, problems


def identify_response(response: dict[str, Any]) -> Instrument | None:
    """The instrument whose items a response answers (used when names and codes say nothing)."""
    entries = list(flatten(response.get("item")))
    best, best_hits = None, 0
    for inst in all_instruments():
        hits = sum(1 for e in entries if _match_item(inst, e) is not None)
        if hits > best_hits:
            best, best_hits = inst, hits
    return best if best and best_hits >= len(best.items) // 2 else None
