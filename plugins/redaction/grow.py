"""After the three layers: grow what they found into the identifier around it.

The layers find pieces: the tagger marks "Kiannonkatu" but not the house number after it,
"Allstate" but not "Insurance Group", "Annette" and "Kelly" but not the "E." between them;
an address block is found as a street, a unit and a postcode with a city between them that
nobody marked. These rules, run on the merged spans, take in what belongs to a piece:

- a place or postcode takes the house or postal number written next to it ("Edeby 55",
  "Aalborg NO 9100"), unless a unit of time or quantity follows the number ("Denver 2 years");
- what lies between two pieces of one address (only capitalised words, numbers and commas,
  on at most two lines) becomes part of it;
- an organisation takes the company words that follow it ("Insurance Group", "& Co.");
- a person takes a middle initial, a name particle with the name after it ("ten Pas"), and
  a following capitalised word that is no English word ("Stephan Fenstermacher");
- a country, US state or Canadian province that nobody marked is a place (``data/places.txt``,
  capitalised mentions only; a person the tagger saw there keeps its category), and so is a
  town with a four-digit postcode after it ("Arendal 4844");
- two or three capitalised words in a row that are no English words, in a sentence that uses
  lower case, are a person nobody tagged ("on file for Gerwald Okonjo");
- "St."/"Mount" before a place or institution belongs to it; both streets of an intersection
  are one place; a person named together with a person gets a span of their own.
"""
from __future__ import annotations

import functools
import itertools
import re
from pathlib import Path

from hooks.types import Span
from plugins.redaction.spans import merge
from plugins.redaction.variants import stop_words
from plugins.redaction.words import (
    HOLIDAY_RE,
    QUANTITY_RE,
    clause_has_lower,
    demonyms,
    eponym,
    lexicon,
    plain_word,
)

_PEOPLE = frozenset(("PATIENT", "RELATIVE", "CLINICIAN", "PERSON"))
_PLACE = frozenset(("LOCATION", "ZIP"))
_NUMBER_AFTER = re.compile(r"[ \t]*,?[ \t]*(?:[A-Z]{2}[ \t]+)?(\d{1,6}(?:[ -]\d{2,3})?[A-Za-z]?)(?![\w:/]|[.,]\d)")
_NUMBER_BEFORE = re.compile(r"(?<![\w.,:/-])(\d{1,6}[A-Za-z]?)[ \t]*,?[ \t]*$")
# Between two pieces of an address: capitalised words (any script), numbers, state codes,
# separated by spaces, commas, list marks ("> ", "• ") and single line breaks.
_SEP = r"(?:[ \t,>•|*?-]|\n(?!\s*\n))"
_CAP = r"[A-ZÀ-ÞĀ-ſΑ-ΩΆ-ΏА-Я][\w'’∆()-]*\.?"
_GAP_WORDS = re.compile(rf"(?:\d{{1,6}}[A-Za-z]?|{_CAP}|[A-Z]{{2}})(?:[ \t]+(?:\d{{1,6}}[A-Za-z]?|{_CAP}|[A-Z]{{2}}))*")
_GAP = re.compile(rf"{_SEP}*(?:(?:\d{{1,6}}[A-Za-z]?|{_CAP}|[A-Z]{{2}}){_SEP}*){{0,4}}")
_MAX_GAP = 48
_ORG_WORDS = (
    "Inc", "Inc.", "LLC", "L.L.C.", "Ltd", "Ltd.", "LLP", "PLLC", "PC", "P.C.", "Co", "Co.", "Corp", "Corp.",
    "Corporation", "Company", "Group", "Holdings", "Partners", "Associates", "Agency", "Services",
    "Solutions", "Technologies", "Technology", "Systems", "Labs", "Laboratories", "Insurance",
    "Investments", "Capital", "Markets", "Finance", "Financial", "Bank", "Trust", "Credit", "Union",
    "Foods", "Repair", "Pharmacy", "Dental", "Hotel", "Clinic", "Hospital", "Center", "Centre",
    "Medical", "Health", "Healthcare", "Behavioral", "Counseling", "School", "Elementary", "Middle",
    "High", "Academy", "College", "University", "Institute", "Foundation", "Church", "Ministries",
    "Consulting", "Logistics", "Staffing", "Industries", "Enterprises", "Media", "Studios", "Software",
    "Bioscience", "Biosciences", "Pharmaceuticals", "Therapeutics", "Sciences", "Energy", "Motors",
    "Auto", "Realty", "Properties", "Construction", "Restaurant", "Cafe", "Café", "Bakery", "Store",
    "Stores", "Market", "Supermarket", "Gym", "Fitness", "Law", "Firm", "Office", "Department",
    "Council", "Society", "Club", "Network", "Networks", "Communications", "Ratings", "Family",
    "Care", "Home", "Homes", "Living", "Senior", "Daycare", "Preschool", "Kindergarten", "Practice", "AG", "GmbH",
    "KG", "KGaA", "OHG", "SE", "mbH", "SA", "S.A.", "SAS", "SARL", "BV", "B.V.", "NV", "N.V.", "AB", "AS", "A/S", "Oy",
    "SpA", "S.p.A.", "Srl", "Pty", "Plc", "PLC", "Sons", "Brothers", "Bros", "Bros.", "Fils", "Cie",
)
# Company words that also describe (a "Home", a "Family", "High"): they never make an org alone.
_MODIFIERS = frozenset(("Home", "Homes", "Family", "Care", "High", "Middle", "Senior", "Living", "Auto", "Medical",
                        "Health", "Behavioral", "Trust", "Credit", "Union", "Market", "Office", "Law", "Co", "Co.",
                        "Sons", "Brothers", "Fils"))
_ORG_NEXT = re.compile(r"(?:[ \t]*(?:&|and|et|und|y|of|&amp;)?[ \t]*)([A-Z][\w.'’/-]*)")
_PARTICLES = ("van", "von", "der", "den", "ter", "ten", "de", "del", "della", "di", "da", "dos", "das", "du",
              "des", "la", "le", "bin", "ibn", "al", "el", "mac", "st.", "van der", "van den", "de la")
_PERSON_NEXT = re.compile(
    r"[ \t]+(?:(?P<initial>[A-Z]\.?)[ \t]+(?=[A-Z])|(?P<particle>(?:"
    + "|".join(re.escape(p) for p in sorted(_PARTICLES, key=len, reverse=True))
    + r")[ \t]+)(?=[A-Z]))?(?P<name>[A-ZÀ-Þ][\w'’-]+)"
)
_PERSON_INITIAL_ONLY = re.compile(r"[ \t]+(?P<initial>[A-Z]\.)(?![\w])")


@functools.lru_cache(maxsize=1)
def _place_re() -> re.Pattern[str]:
    path = Path(__file__).parent / "data" / "places.txt"
    names = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")]
    variants = {v for name in names for v in (name, name.upper())}
    alternation = "|".join(re.escape(v) for v in sorted(variants, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])")


def grow(text: str, spans: list[Span]) -> list[Span]:
    """``spans`` (merged) grown into the identifiers around them; merged again."""
    found = merge(spans + _places(text) + _city_postcodes(text), text)
    found = merge(found + _unknown_pairs(text, found), text)
    grown = [_grown(text, span) for span in found]
    grown = merge(grown + _partners(text, grown) + _corners(text, grown), text)
    return merge(grown + _address_gaps(text, grown), text)


_CITY_POSTCODE_RE = re.compile(
    r"(?<![\w'’-])(?P<city>[A-ZÀ-Þ][\w'’-]{2,})[ \t]+(?P<zip>\d{4}|\d{3} \d{2})(?![\w-]|[.,:/]\d)"
)


def _city_postcodes(text: str) -> list[Span]:
    """A place name with a four-digit or "NNN NN" postcode after it ("Arendal 4844", "Asker
    1386"): a word that is no English word, a number that is no year and no dose or count."""
    out = []
    for match in _CITY_POSTCODE_RE.finditer(text):
        city, code = match.group("city"), match.group("zip")
        low = city.lower()
        if re.fullmatch(r"(?:19|20)\d\d", code) or QUANTITY_RE.match(text, match.end()) or \
                low in stop_words() or low in lexicon() or low in demonyms():
            continue
        out += [Span(*match.span("city"), "LOCATION", "gazetteer"), Span(*match.span("zip"), "ZIP", "pattern")]
    return out


_PAIR_RE = re.compile(r"(?<![\w'’.-])[A-Z][a-zà-ÿ]+(?:['’-][A-Za-zà-ÿ]+)?(?:[ \t]+[A-Z][a-zà-ÿ]+(?:['’-][A-Za-zà-ÿ]+)?){1,2}"
                      r"(?![\w'’-])")


_DETERMINERS = frozenset(("the", "a", "an", "this", "that", "these", "those", "my", "his", "her", "our", "their",
                          "your", "its", "some", "any", "every", "each", "no", "dear", "hi", "hello"))


def _unknown_pairs(text: str, spans: list[Span]) -> list[Span]:
    """Two or three capitalised words in a row that are no English words, no drug, place word
    or nationality, inside a sentence that uses lower case ("on file for Gerald Okafor;"):
    a person the tagger missed. The lowest-ranked layer; nothing already found is touched."""
    out = []
    for match in _PAIR_RE.finditer(text):
        start, end = match.span()
        if any(s.start < end and start < s.end for s in spans) or eponym(text, end) or \
                HOLIDAY_RE.fullmatch(match.group()):
            continue
        words = [re.sub(r"['’]s$", "", w.lower()) for w in match.group().split()]
        if any(plain_word(w) or w in lexicon() or w in _DETERMINERS for w in words):
            continue
        if not clause_has_lower(text, start):
            continue
        out.append(Span(start, end, "PERSON", "gazetteer"))
    return out


def _places(text: str) -> list[Span]:
    """Countries, states and provinces; the lowest-ranked layer, so a person wins a tie."""
    return [Span(match.start(), match.end(), "LOCATION", "gazetteer") for match in _place_re().finditer(text)]


_SAINT_BEFORE_RE = re.compile(r"(?<![\w.])(?:St|ST|Ste|STE|Saint|SAINT|Mt|MT|Mount|MOUNT)\.?[ \t]+$")


def _grown(text: str, span: Span) -> Span:
    start, end, category = span.start, span.end, span.category
    if category in _PLACE:
        start, end = _with_numbers(text, start, end)
    elif category == "ORG":
        end = _with_company_words(text, end)
    elif category in _PEOPLE:
        company = _with_company_words(text, end)
        if company > end and text[end:company].split()[-1] not in _MODIFIERS and span.layer != "known":
            end, category = company, "ORG"  # "Harborview Auto Repair" is no person
        else:
            end = _with_name_parts(text, end)
    saint = _SAINT_BEFORE_RE.search(text, max(0, start - 8), start)
    if saint and category in _PLACE | {"ORG"}:
        start = saint.start()  # "ST. JUDE MEDICAL CENTER", "St. Cloud"
    return Span(start, end, category, span.layer)


def _with_numbers(text: str, start: int, end: int) -> tuple[int, int]:
    after = _NUMBER_AFTER.match(text, end)
    if after and not QUANTITY_RE.match(text, after.end()):
        end = after.end(1)
    before = _NUMBER_BEFORE.search(text, max(0, start - 12), start)
    if before:
        start = before.start(1)
    return start, end


_CORNER_RE = re.compile(
    r"(?i:\bcorner\s+of)\s+(?P<v>[^\n,;:!?]{2,60}?\s+(?:and|&)\s+(?:\d+\w*\s+)?[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){0,3})"
)


def _corners(text: str, spans: list[Span]) -> list[Span]:
    """An intersection ("the corner of Dalbraut 99 and Frederikke Coves"): both streets and
    the "and" between them are one place, when a place was found in it."""
    out = []
    for match in _CORNER_RE.finditer(text):
        start, end = match.span("v")
        if any(s.category in _PLACE and start <= s.start < end for s in spans):
            out.append(Span(start, end, "LOCATION", "pattern"))
    return out


def _partners(text: str, spans: list[Span]) -> list[Span]:
    """The person named together with a person ("Park and Mann", "Dale & White"): a span of
    their own, so two people keep two placeholders."""
    out = []
    for span in spans:
        together = _TOGETHER_RE.match(text, span.end) if span.category in _PEOPLE else None
        if together and _name_like(together.group("name"), strict=False):
            out.append(Span(together.start("name"), together.end("name"), span.category, span.layer))
    return out


def _with_company_words(text: str, end: int) -> int:
    if text[end - 1 : end] == "." and not _org_word(text[: end].rsplit(None, 1)[-1]):
        return end  # a sentence ended ("... Partners in Dupuis-sur-Mer. Group ..."), not "& Co."
    while match := _ORG_NEXT.match(text, end):
        word = match.group(1)
        if _org_word(word):
            end = match.end(1)
        elif _org_word(word.rstrip(".")):  # "Group." ending a sentence: the dot stays
            end = match.start(1) + len(word.rstrip("."))
        else:
            break
    return end


_ORG_SET = frozenset(_ORG_WORDS)
_ORG_UPPER = frozenset(w.upper() for w in _ORG_WORDS)


def _org_word(word: str) -> bool:
    """A company word as written, or in capitals ("HAUFFER AG & CO. KGAA")."""
    return word in _ORG_SET or (word.isupper() and word in _ORG_UPPER)


def _with_name_parts(text: str, end: int) -> int:
    for _ in range(3):
        match = _PERSON_NEXT.match(text, end)
        if match and (match.group("initial") or match.group("particle") or _name_like(match.group("name"))):
            end = match.end("name")
            continue
        initial = _PERSON_INITIAL_ONLY.match(text, end)
        if initial and not re.match(r"\s*$|\s+[A-Z][a-z]", text[initial.end() : initial.end() + 3]):
            end = initial.end("initial")
        break
    return end


def _name_like(word: str, strict: bool = True) -> bool:
    """A capitalised word that is no English word (a surname the tagger did not take); not
    ``strict``: only no frequent word (after "and", "White" in "Dale and White" is a name)."""
    low = re.sub(r"['’]s$", "", word).lower()
    return not word.isupper() and not plain_word(low) and (not strict or low not in lexicon())


_TOGETHER_RE = re.compile(r"[ \t]+(?:and|&)[ \t]+(?P<name>[A-ZÀ-Þ][\w'’-]+)(?![ \t]+[A-Z])")


def _address_gaps(text: str, spans: list[Span]) -> list[Span]:
    """What lies between two pieces of one address, when it looks like address too."""
    out = []
    for left, right in itertools.pairwise(spans):
        if left.category not in _PLACE or right.category not in _PLACE:
            continue
        gap = text[left.end : right.start]
        if 0 < len(gap) <= _MAX_GAP and gap.strip(" \t,\n") and _GAP.fullmatch(gap) and not _plain_words(gap):
            # the words of the gap, not its list marks and line breaks ("\n> TRONDHEIM\n> ")
            out += [Span(left.end + m.start(), left.end + m.end(), "LOCATION", right.layer)
                    for m in _GAP_WORDS.finditer(gap)]
    return out


def _plain_words(gap: str) -> bool:
    """A gap of ordinary English words ("Then", "And") joins nothing."""
    words = re.findall(r"[^\W\d_]+", gap)
    return bool(words) and all(w.lower() in stop_words() for w in words)
