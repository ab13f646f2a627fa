"""Renderings of synthetic values: dates, phones, ids, addresses, casing, nicknames."""
from __future__ import annotations

import datetime as dt
import random
import re
from collections.abc import Callable

from hooks.types import KnownIdentifiers

_DIGITS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_TITLE_RE = re.compile(r"^(?:(?:Dr|Mr|Mrs|Ms|Mx)\.?\s+)")
_CRED_RE = re.compile(r",\s*(?:LCSW|PhD|MD|LPC|LMFT|PsyD)$")
NICKNAMES = {
    "William": "Will", "Robert": "Bob", "Elizabeth": "Liz", "Katherine": "Kate", "Michael": "Mike",
    "James": "Jimmy", "Jennifer": "Jen", "Christopher": "Chris", "Margaret": "Maggie",
    "Richard": "Rick", "Joseph": "Joe", "Thomas": "Tom", "Daniel": "Danny", "Matthew": "Matt",
    "Anthony": "Tony", "Alexander": "Alex", "Samantha": "Sam", "Nicholas": "Nick", "Patricia": "Patty",
    "Rebecca": "Becky", "Jessica": "Jess", "Andrew": "Drew", "Edward": "Eddie", "Susan": "Sue",
}


def random_date(rng: random.Random) -> dt.date:
    return dt.date(2018, 1, 1) + dt.timedelta(days=rng.randint(0, 3200))


def date_text(day: dt.date, rng: random.Random, full: bool = False) -> str:
    month, abbr, wd = day.strftime("%B"), day.strftime("%b"), day.strftime("%A")
    ordinal = f"{day.day}{'th' if 10 < day.day % 100 < 14 else {1: 'st', 2: 'nd', 3: 'rd'}.get(day.day % 10, 'th')}"
    options = [
        f"{day.month}/{day.day}/{day.year}", f"{day.month:02d}/{day.day:02d}/{day.year}",
        f"{day.month}/{day.day}/{day.year % 100:02d}", day.isoformat(), f"{month} {day.day}, {day.year}",
        f"{day.day} {month} {day.year}", f"{abbr}. {day.day}, {day.year}", f"{month} {ordinal}, {day.year}",
        f"{day.month}-{day.day}-{day.year}", f"{wd}, {month} {day.day}, {day.year}",
    ]
    if not full:
        options += [f"{month} {day.day}", f"{month} {ordinal}", f"{wd}, {month} {day.day}",
                    f"{month} {day.year}", f"{day.month}/{day.day}", f"the {ordinal} of {month}", wd]
    return rng.choice(options)


def us_phone_digits(rng: random.Random) -> str:
    return f"{rng.randint(201, 989)}{rng.randint(200, 999)}{rng.randint(0, 9999):04d}"


def phone_text(digits: str, rng: random.Random) -> str:
    a, b, c = digits[:3], digits[3:6], digits[6:]
    options = [f"({a}) {b}-{c}", f"{a}-{b}-{c}", f"{a}.{b}.{c}", f"+1 {a} {b} {c}", f"{a}{b}{c}",
               f"1-{a}-{b}-{c}", f"{b}-{c}", f"({a}){b}-{c}"]
    if rng.random() < 0.15:
        return ", ".join(" ".join(_DIGITS[int(d)] for d in part) for part in (a, b, c))
    return rng.choice(options)


def _mrn(rng: random.Random) -> str:
    return f"MRN{rng.randint(10000, 9999999)}"


ID_MAKERS: tuple[Callable[[random.Random], str], ...] = (
    _mrn,
    lambda rng: str(rng.randint(100000, 99999999)),
    lambda rng: f"{rng.choice('ABCDEFGHJKLMNPRSTUVWXYZ')}{rng.randint(1000000, 99999999)}",
    lambda rng: f"{rng.randint(100, 999)}-{rng.randint(100, 999)}-{rng.randint(1000, 9999)}",
)


def spaced_id(value: str, rng: random.Random) -> str:
    digits = re.sub(r"\D", "", value)
    if rng.random() < 0.25 and len(digits) >= 6:
        return " ".join(digits[i : i + 4] for i in range(0, len(digits), 4))
    return value


def address(street: str, city: str, state: str, zipcode: str, rng: random.Random) -> str:
    sep = rng.choice((", ", "\n", ",\n"))
    return rng.choice((street, f"{street}{sep}{city}, {state} {zipcode}", f"{street}, {city}"))


def nickname(first: str, rng: random.Random) -> str:
    if first in NICKNAMES:
        return NICKNAMES[first]
    return first[:3] + "ie" if len(first) > 5 and rng.random() < 0.3 else first


def slot_spans(value: str, start: int, category: str) -> list[tuple[int, int, str]]:
    """Gold span of a rendered value, leaving titles and credentials outside."""
    s, e = 0, len(value)
    title = _TITLE_RE.match(value)
    if title and category in ("PATIENT", "CLINICIAN", "PERSON", "RELATIVE"):
        s = title.end()
    cred = _CRED_RE.search(value)
    if cred:
        e = cred.start()
    return [(start + s, start + e, category)]


def recase(text: str, spans: list[tuple[int, int, str]], rng: random.Random, upper: float = 0.05,
           lower: float = 0.05) -> tuple[str, list[tuple[int, int, str]]]:
    """Now and then all-caps or all-lower a sentence, as people type in a hurry."""
    roll = rng.random()
    changed = text.upper() if roll < upper else text.lower() if roll < upper + lower else text
    return (changed, spans) if len(changed) == len(text) else (text, spans)


_ALWAYS_CHARTED = {"DOB", "CITY", "ADDR", "ORG", "ZIP", "SSN", "MRN"}


def is_charted(slot: str, value: str, values: dict[str, str], known: KnownIdentifiers) -> bool:
    """Is this rendered value one of the chart's identifiers (so layer 1 must hide it)?"""
    if slot in _ALWAYS_CHARTED:
        return True
    if slot == "PH":
        return re.sub(r"\D", "", values["phone"])[-7:] in _spoken_digits(value)
    if slot == "EMAIL":
        return value == values["email"]
    names = {"P": known.patient, "PF": known.patient, "PL": known.patient, "R": known.relative,
             "C": known.clinician}.get(slot)
    if names is None:
        return False
    words = {w for name in names for w in name.lower().split()}
    value = _CRED_RE.sub("", _TITLE_RE.sub("", value))
    return all(w in words for w in value.lower().split())


def _spoken_digits(value: str) -> str:
    out = value
    for digit, word in enumerate(_DIGITS):
        out = re.sub(word, str(digit), out, flags=re.IGNORECASE)
    return re.sub(r"\D", "", out)
