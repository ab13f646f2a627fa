"""Word lists and renderings behind the known-identifier layer: ordinary words, nicknames,
titles, and every rendering of a date (regex source, matched on ``textutil.fold(text)``)."""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from pathlib import Path

from plugins.redaction.textutil import fold

_TITLES = {"dr", "mr", "mrs", "ms", "mx", "miss", "prof", "rev", "jr", "sr", "ii", "iii", "iv",
           "md", "phd", "psyd", "lcsw", "lpc", "lmft", "lmhc", "msw", "rn", "np", "pmhnp", "do",
           "lcpc", "lpcc", "ma", "mft", "bcba", "edd"}
NICKNAMES = {
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
ACRONYMS = {"aa", "na", "ok", "tv", "pt", "ot", "md", "er", "iv", "po", "bp", "hr", "si", "hi",
             "dv", "ed", "id", "am", "pm", "us", "uk", "ma", "ms", "ny", "la", "ca", "dc", "ai"}


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    path = Path(__file__).parent / "data" / "common_words.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """Frequent English words that are never names or places (built by training/wordlist.py)."""
    path = Path(__file__).parent / "data" / "stop_words.txt"
    if not path.is_file():
        return frozenset()
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(w for line in lines if not line.startswith("#") for w in line.split())


def name_parts(value: str) -> list[str]:
    words = [w.strip(".,") for w in re.split(r"[\s,]+", value) if w.strip(".,")]
    return [w for w in words if fold(w) not in _TITLES]


def date_variants(value: str) -> list[str]:
    """Folded patterns of one date in numeric, month-name and partial renderings."""
    day = _parse_date(value)
    if day is None:
        return [re.escape(fold(value.strip()))] if len(value.strip()) >= 6 else []
    m, d, y, yy = day.month, day.day, day.year, f"{day.year % 100:02d}"
    mon = day.strftime("%B").lower()
    sept = r"|sept\.?" if m == 9 else ""
    month = rf"(?:{mon}|{mon[:3]}\.?{sept})"
    sep = r"[\s/.\-]{1,2}"
    num = [rf"0?{m}{sep}0?{d}{sep}(?:{y}|{yy})", rf"0?{d}{sep}0?{m}{sep}(?:{y}|{yy})",
           rf"{y}{sep}0?{m}{sep}0?{d}", f"{m:02d}{d:02d}{y}", f"{y}{m:02d}{d:02d}", f"{m:02d}{d:02d}{yy}"]
    ordinal = rf"0?{d}(?:st|nd|rd|th)?"
    named = [rf"{month}\s+{ordinal}(?:,?\s+{y})?", rf"(?:the\s+)?{ordinal}\s+(?:of\s+)?{month}(?:,?\s+{y})?"]
    return [rf"(?<![\w/.\-])(?:{'|'.join(num)})(?![\w/\-]|\.\d)|\b(?:{'|'.join(named)})\b"]


def _parse_date(value: str) -> dt.date | None:
    for fmt in ("%Y-%m-%d", "%m/%d/%Y", "%Y%m%d", "%d.%m.%Y", "%B %d, %Y"):
        try:
            return dt.datetime.strptime(value.strip()[:10] if fmt == "%Y-%m-%d" else value.strip(), fmt).date()
        except ValueError:
            continue
    return None


