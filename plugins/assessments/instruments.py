"""The instruments as data: PHQ-9, GAD-7 and PCL-5 loaded from ``data/*.json``.

Item texts, answer options and values, LOINC codes (only those REFERENCE.md section 7
confirms; unconfirmed ones are ``None``), the native-form columns and the scoring
parameters all live in the JSON files; the code here only gives them types.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).parent / "data"
FILES = {"PHQ-9": "phq9.json", "GAD-7": "gad7.json", "PCL-5": "pcl5.json"}
ORDER = tuple(FILES)


@dataclass(frozen=True)
class Answer:
    value: int
    display: str
    loinc: str | None

    @property
    def code(self) -> str:
        """The answer's code in our Questionnaire: LOINC LA code if confirmed, else the value."""
        return self.loinc or str(self.value)


@dataclass(frozen=True)
class Item:
    number: int
    text: str
    loinc: str | None
    native_column: str | None = None
    cluster: str | None = None


@dataclass(frozen=True)
class Cluster:
    name: str
    first: int
    last: int
    needed: int

    @property
    def numbers(self) -> range:
        return range(self.first, self.last + 1)


@dataclass(frozen=True)
class Instrument:
    key: str  # "PHQ-9" | "GAD-7" | "PCL-5"
    title: str
    fhir_name: str
    full_title: str
    stem: str
    copyright: str
    aliases: tuple[str, ...]
    panel_loinc: str | None
    total_loinc: str | None
    answers: tuple[Answer, ...]
    items: tuple[Item, ...]
    extra_items: tuple[dict[str, Any], ...]
    scoring: dict[str, Any]

    @property
    def max_value(self) -> int:
        return max(a.value for a in self.answers)

    @property
    def max_total(self) -> int:
        return int(self.scoring["max_total"])

    @property
    def clusters(self) -> tuple[Cluster, ...]:
        return tuple(Cluster(n, int(a), int(b), int(k)) for n, a, b, k in self.scoring.get("clusters", ()))

    @property
    def safety_item(self) -> int | None:
        value = self.scoring.get("safety_item")
        return int(value) if value is not None else None

    def item(self, number: int) -> Item:
        return self.items[number - 1]

    def answer(self, value: int) -> Answer | None:
        return next((a for a in self.answers if a.value == value), None)

    def link_id(self, item: Item) -> str:
        """linkId in our Questionnaire: ``/<LOINC>`` (LHC-Forms style) or a local id."""
        return f"/{item.loinc}" if item.loinc else f"{self.fhir_name.lower()}-{item.number}"


def _confirmed(entry: dict[str, Any] | None) -> str | None:
    return entry["code"] if entry and entry.get("confirmed") else None


def _build(raw: dict[str, Any]) -> Instrument:
    loinc = raw.get("loinc", {})
    return Instrument(
        key=raw["key"], title=raw["title"], fhir_name=raw["fhir_name"],
        full_title=raw["full_title"], stem=raw["stem"], copyright=raw.get("copyright", ""),
        aliases=tuple(raw.get("aliases", ())),
        panel_loinc=_confirmed(loinc.get("panel")), total_loinc=_confirmed(loinc.get("total")),
        answers=tuple(Answer(a["value"], a["display"], a.get("loinc")) for a in raw["answers"]),
        items=tuple(Item(i["number"], i["text"], i.get("loinc"), i.get("native_column"),
                         i.get("cluster")) for i in raw["items"]),
        extra_items=tuple(raw.get("extra_items", ())), scoring=dict(raw["scoring"]))


@cache
def get(key: str) -> Instrument:
    """The instrument named ``key`` ("PHQ-9", "GAD-7", "PCL-5"); KeyError names the choices."""
    if key not in FILES:
        raise KeyError(f"unknown instrument {key!r}; known: {', '.join(ORDER)}")
    raw = json.loads((DATA_DIR / FILES[key]).read_text(encoding="utf-8"))
    return _build(raw)


def all_instruments() -> tuple[Instrument, ...]:
    return tuple(get(key) for key in ORDER)


def _norm(text: str) -> str:
    return "".join(ch for ch in text.lower() if ch.isalnum())


def identify(*names: str | None, code: str | None = None) -> Instrument | None:
    """The instrument a questionnaire name or LOINC panel code denotes, if any."""
    for inst in all_instruments():
        if code and inst.panel_loinc and code.strip() == inst.panel_loinc:
            return inst
    for name in names:
        if not name:
            continue
        wanted = _norm(name)
        for inst in all_instruments():
            if any(_norm(alias) == wanted for alias in inst.aliases):
                return inst
    return None
