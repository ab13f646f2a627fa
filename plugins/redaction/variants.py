"""Every rendering of one known identifier, as regular-expression source.

Folded patterns (lower case, no accents) are matched against ``textutil.fold(text)``;
case-sensitive ones (name parts that are also ordinary words, initials) against the
original text.
"""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from pathlib import Path

from plugins.redaction.textutil import fold

_TITLES = {"dr", "mr", "mrs", "ms", "mx", "miss", "prof", "rev", "jr", "sr", "ii", "iii", "iv",
           "md", "phd", "psyd", "lcsw", "lpc", "lmft", "lmhc", "msw", "rn", "np", "pmhnp", "do",
           "lcpc", "lpcc", "ma", "ms", "mft", "bcba", "edd"}
_NICKNAMES = {
    "william": ("will", "bill", "billy", "liam", "willie"), "robert": ("rob", "bob", "bobby", "robbie"),
    "elizabeth": ("liz", "beth", "betty", "lizzie", "eliza"), "katherine": ("kate", "katie", "kathy", "kat"),
    "catherine": ("cathy", "cat", "kate"), "michael": ("mike", "mikey"), "james": ("jim", "jimmy", "jamie"),
    "jennifer": ("jen", "jenny"), "christopher": ("chris",), "christina": ("chris", "tina"),
    "margaret": ("maggie", "peggy", "meg"), "richard": ("rick", "rich", "ricky", "dick"),
    "joseph": ("joe", "joey"), "thomas": ("tom", "tommy"), "daniel": ("dan", "danny"),
    "matthew": ("matt",), "anthony": ("tony",), "alexander": ("alex",), "alexandra": ("alex", "lexi"),
    "samantha": ("sam", "sammy"), "samuel": ("sam", "sammy"), "nicholas": ("nick", "nicky"),
    "benjamin": ("ben", "benny"), "jonathan": ("jon",), "patricia": ("pat", "patty", "trish"),
    "deborah": ("deb", "debbie"), "rebecca": ("becky", "becca"), "victoria": ("vicky", "tori"),
    "jessica": ("jess", "jessie"), "stephanie": ("steph",), "andrew": ("andy", "drew"),
    "edward": ("ed", "eddie", "ted"), "charles": ("charlie", "chuck"), "theodore": ("ted", "teddy", "theo"),
    "susan": ("sue", "susie"), "kimberly": ("kim",), "abigail": ("abby",), "timothy": ("tim",),
    "gregory": ("greg",), "steven": ("steve",), "stephen": ("steve",), "zachary": ("zach", "zack"),
    "nathaniel": ("nate", "nathan"), "nathan": ("nate",), "dorothy": ("dot", "dottie"),
    "gabriel": ("gabe",), "gabriela": ("gabby",), "gabrielle": ("gabby",), "jacqueline": ("jackie",),
    "frederick": ("fred", "freddie"), "lawrence": ("larry",), "harold": ("harry",), "henry": ("hank",),
    "josephine": ("jo", "josie"), "madeline": ("maddie",), "madison": ("maddie",), "emily": ("em",),
    "isabella": ("bella", "izzy"), "olivia": ("liv",), "veronica": ("ronnie",), "ronald": ("ron", "ronnie"),
    "donald": ("don", "donnie"), "kenneth": ("ken", "kenny"), "raymond": ("ray",), "eugene": ("gene",),
    "arthur": ("art",), "francis": ("frank",), "franklin": ("frank",), "jacob": ("jake",),
}
_STREET_WORDS = {
    "street": "st", "avenue": "ave", "road": "rd", "drive": "dr", "lane": "ln", "boulevard": "blvd",
    "court": "ct", "place": "pl", "terrace": "ter", "circle": "cir", "parkway": "pkwy",
    "highway": "hwy", "square": "sq", "trail": "trl", "apartment": "apt", "suite": "ste",
    "north": "n", "south": "s", "east": "e", "west": "w", "mount": "mt", "saint": "st",
}
_STREET_ALT = {**_STREET_WORDS, **{v: k for k, v in _STREET_WORDS.items()}}
_ACRONYMS = {"aa", "na", "ok", "tv", "pt", "ot", "md", "er", "iv", "po", "bp", "hr", "si", "hi",
             "dv", "ed", "id", "am", "pm", "us", "uk", "ma", "ms", "ny", "la", "ca", "dc", "ai"}


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    path = Path(__file__).parent / "data" / "common_words.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))


def _lit(part: str) -> str:
    """Folded regex of one word: apostrophes optional or spaced, hyphens optional."""
    out = []
    for char in fold(part):
        if char in "'’`":
            out.append(r"['’`\s]?")
        elif char in "-‐–":
            out.append(r"[-‐–\s]?")
        elif char.isspace():
            out.append(r"[\s,]+")
        else:
            out.append(re.escape(char))
    return "".join(out)


def name_parts(value: str) -> list[str]:
    words = [w.strip(".,") for w in re.split(r"[\s,]+", value) if w.strip(".,")]
    return [w for w in words if fold(w) not in _TITLES]


def name_variants(value: str) -> tuple[list[str], list[str], list[str]]:
    """(folded, case-sensitive, word-like) patterns of a person's name.

    Word-like patterns are name parts that are also ordinary words ("Hope"): folded, but the
    caller decides from casing and context whether a match is the name.
    """
    parts = name_parts(value)
    singles = set(parts) | {half for p in parts if "-" in p for half in p.split("-")}
    singles |= {nick for p in parts[:1] for nick in _NICKNAMES.get(fold(p), ())}
    folded, cased, words = [], [], []
    for part in sorted(singles, key=len, reverse=True):
        if len(part) >= 2:
            (words if fold(part) in common_words() else folded).append(rf"\b{_lit(part)}\b")
    if len(parts) >= 2:
        first, last = _lit(parts[0]), _lit(parts[-1])
        f0, l0 = re.escape(fold(parts[0])[0]), re.escape(fold(parts[-1])[0])
        middle = "|".join([_lit(p) for p in parts[1:-1]] + [r"\w\."])
        folded += [rf"\b{first}(?:\s+(?:{middle})){{0,2}}\s+{last}\b", rf"\b{last},?\s+{first}\b",
                   rf"\b{f0}\.\s*{last}\b", rf"\b{first}\s+{l0}\."]
        cased += _initials(parts)
    return folded, cased, words


def _initials(parts: list[str]) -> list[str]:
    letters = [fold(p)[0].upper() for p in parts if p[0].isalpha()]
    bare = "".join(letters)
    if len(letters) < 2 or bare.lower() in _ACRONYMS:
        return []
    dotted = r"\b" + r"\.\s?".join(letters) + r"\.(?!\w)"
    return [dotted] if bare.lower() in common_words() else [dotted, rf"\b{bare}\b"]


def date_variants(value: str) -> list[str]:
    """Folded patterns of one date in numeric, month-name and partial renderings."""
    day = _parse_date(value)
    if day is None:
        return [_lit(value)] if value.strip() else []
    m, d, y, yy = day.month, day.day, day.year, f"{day.year % 100:02d}"
    mon = day.strftime("%B").lower()
    sept = r"|sept\.?" if m == 9 else ""
    month = rf"(?:{mon}|{mon[:3]}\.?{sept})"
    sep = r"[\s/.\-]{1,2}"
    num = [rf"0?{m}{sep}0?{d}{sep}(?:{y}|{yy})", rf"0?{d}{sep}0?{m}{sep}(?:{y}|{yy})",
           rf"{y}{sep}0?{m}{sep}0?{d}", f"{m:02d}{d:02d}{y}", f"{y}{m:02d}{d:02d}", f"{m:02d}{d:02d}{yy}"]
    ordinal = rf"0?{d}(?:st|nd|rd|th)?"
    named = [rf"{month}\s+{ordinal}(?:,?\s+{y})?", rf"(?:the\s+)?{ordinal}\s+(?:of\s+)?{month}(?:,?\s+{y})?"]
    return [rf"(?<![\w/.\-]){p}(?![\w/\-]|\.\d)" for p in num] + [rf"\b{p}\b" for p in named]


def _parse_date(value: str) -> dt.date | None:
    for fmt in ("%Y-%m-%d", "%m/%d/%Y", "%Y%m%d", "%d.%m.%Y", "%B %d, %Y"):
        try:
            return dt.datetime.strptime(value.strip()[:10] if fmt == "%Y-%m-%d" else value.strip(), fmt).date()
        except ValueError:
            continue
    return None


def id_variants(value: str) -> list[str]:
    """Folded patterns of an id with or without separators (and its digits alone)."""
    chars = re.sub(r"[^0-9a-z]", "", fold(value))
    out = [_spaced(chars)] if len(chars) >= 4 else []
    digits = re.sub(r"\D", "", chars)
    if digits != chars and len(digits) >= 5:
        out.append(_spaced(digits))
    return out


def _spaced(chars: str) -> str:
    return r"(?<![0-9a-z])" + r"[\s.\-/]?".join(re.escape(c) for c in chars) + r"(?![0-9a-z])"


def phone_variants(value: str) -> list[str]:
    digits = re.sub(r"\D", "", value)
    if len(digits) == 11 and digits[0] == "1":
        digits = digits[1:]
    if len(digits) != 10:
        return [_spaced(digits)] if len(digits) >= 7 else []
    a, b, c = digits[:3], digits[3:6], digits[6:]
    s = r"[\s.\-]*"
    return [rf"(?<![\d+])(?:\+?1{s})?\(?{a}\)?{s}{b}{s}{c}(?!\d)", rf"(?<![\d\-]){b}{s}{c}(?![\d\-])"]


def email_variants(value: str) -> list[str]:
    local = fold(value).split("@", 1)[0]
    out = [re.escape(fold(value))]
    if len(local) >= 4 and local not in common_words():
        out.append(rf"(?<![\w.]){re.escape(local)}(?![\w@])")
    return out


def place_variants(value: str) -> tuple[list[str], list[str], list[str]]:
    """A street, city, county or organisation, with street-word abbreviations either way."""
    words = [w for w in re.split(r"[\s,]+", value.strip()) if w]
    if len(words) == 1 and fold(words[0]) in common_words():
        return [], [], [rf"\b{_lit(words[0])}\b"]
    alts = [_street_alt(w) for w in words]
    out = [r"\b" + r"[\s,.]+".join(alts) + r"\b"]
    if len(words) >= 3 and words[0].isdigit():
        out.append(r"\b" + r"[\s,.]+".join(alts[1:]) + r"\b")
    return out, [], []


def _street_alt(word: str) -> str:
    key = fold(word).rstrip(".")
    if key in _STREET_ALT:
        return rf"(?:{key}|{_STREET_ALT[key]})\.?"
    return _lit(word.rstrip(".")) + (r"\.?" if word.endswith(".") else "")
