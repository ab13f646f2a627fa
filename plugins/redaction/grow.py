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
  are one place, with the words that name it ("the corner of"); a person named together with
  a person gets a span of their own;
- in a signature or address block, the line between the person and the street names an
  organisation; a generation ("III") belongs to a name, a legal form in lower case ("inc.")
  to a company, "Kingdom of the" and a district in brackets to a place;
- a town from ``data/cities.txt`` after a word that places someone there is a place;
- a capitalised word where a person's name stands ("since Terrence's promotion", "; Terrence
  agreed") is a person, unless it is a word, role, eponym, weekday or service;
- a capitalised first name from ``data/first_names.txt`` that nobody found is a person; a
  given name that is also a word belongs to the surname after it ("faith okonkwo"), and a
  nickname in brackets after a name is the same person ("Junichi ('Jun')").
"""
from __future__ import annotations

import functools
import itertools
import re
from pathlib import Path

from hooks.types import Span
from plugins.redaction.context import STATE_CODES
from plugins.redaction.patterns import STREET_SUFFIX
from plugins.redaction.roles import (
    CLINICIAN_WORDS,
    OTHER_WORDS,
    PEOPLE,
    RELATIVE_WORDS,
    ROLE_WORD_RE,
    person_role,
)
from plugins.redaction.spans import merge
from plugins.redaction.textutil import opens
from plugins.redaction.variants import stop_words
from plugins.redaction.words import (
    HOLIDAY_RE,
    MONTHS,
    QUANTITY_RE,
    abbreviations,
    brands,
    cities,
    clause_has_lower,
    demonyms,
    eponym,
    eponyms,
    first_names,
    lexicon,
    lower_words,
    plain_word,
    service_words,
    word_names,
)

_PLACE = frozenset(("LOCATION", "ZIP"))
_NUMBER_AFTER = re.compile(r"[ \t]*,?[ \t]*(?:[A-Z]{2}[ \t]+)?(\d{1,6}(?:[ -]\d{2,3})?[A-Za-z]?)(?![\w:/]|[.,]\d)")
_NUMBER_BEFORE = re.compile(r"(?<![\w.,:/-])(\d{1,6}[A-Za-z]?)[ \t]*,?[ \t]*$")
# Between two pieces of an address: capitalised words (any script), numbers, state codes,
# separated by spaces, commas, list marks ("> ", "• ") and single line breaks.
_SEP = r"(?:[ \t,>•|*?()-]|\n(?!\s*\n))"
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
    "Rehab", "Rehabilitation", "Nursing", "Psychiatry", "Wellness", "Recovery", "Services", "Surgical",
    "KG", "KGaA", "OHG", "SE", "mbH", "SA", "S.A.", "SAS", "SARL", "BV", "B.V.", "NV", "N.V.", "AB", "AS", "A/S", "Oy",
    "SpA", "S.p.A.", "Srl", "Pty", "Plc", "PLC", "Sons", "Brothers", "Bros", "Bros.", "Fils", "Cie",
)
# Company words that also describe (a "Home", a "Family", "High"): they never make an org alone.
_MODIFIERS = frozenset(("Home", "Homes", "Family", "Care", "High", "Middle", "Senior", "Living", "Auto", "Medical",
                        "Health", "Behavioral", "Trust", "Credit", "Union", "Market", "Office", "Law", "Co", "Co.",
                        "Sons", "Brothers", "Fils"))
_LEGAL_LOWER = ("inc", "llc", "ltd", "corp", "gmbh", "plc")  # legal forms also written in lower case
_LEGAL_LOWER_ALT = "|".join(_LEGAL_LOWER)
_ORG_NEXT = re.compile(rf"(?:[ \t]*(?:&|and|And|AND|et|und|y|of|&amp;)?[ \t]*)([A-Z][\w.'’/-]*|(?:{_LEGAL_LOWER_ALT})\b\.?)")
_PARTICLES = ("van", "von", "der", "den", "ter", "ten", "de", "del", "della", "di", "da", "dos", "das", "du",
              "des", "la", "le", "bin", "ibn", "al", "el", "mac", "st.", "van der", "van den", "de la")
_PERSON_NEXT = re.compile(
    r"[ \t]+(?:(?P<initial>[A-Z]\.?)[ \t]+(?=[A-Z])|(?P<particle>(?:"
    + "|".join(re.escape(p) for p in sorted(_PARTICLES, key=len, reverse=True))
    + r")[ \t]+)(?=[A-Z]))?(?P<name>[A-ZÀ-Þ][\w'’-]+)"
)
_PERSON_INITIAL_ONLY = re.compile(r"[ \t]+(?P<initial>[A-Z]\.)(?![\w])")


@functools.lru_cache(maxsize=1)
def _place_names() -> tuple[str, ...]:
    path = Path(__file__).parent / "data" / "places.txt"
    return tuple(line.strip() for line in path.read_text(encoding="utf-8").splitlines()
                 if line.strip() and not line.startswith("#"))


@functools.lru_cache(maxsize=1)
def _place_re() -> re.Pattern[str]:
    variants = {v for name in _place_names() for v in (name, name.upper())}
    alternation = "|".join(re.escape(v) for v in sorted(variants, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])")


def grow(text: str, spans: list[Span]) -> list[Span]:
    """``spans`` (merged) grown into the identifiers around them; merged again."""
    found = merge(spans + _places(text) + _city_postcodes(text), text)
    found = merge(found + _unknown_pairs(text, found), text)
    found = merge(found + _first_names(text, found) + _cities(text, found), text)
    found = merge(found + _name_positions(text, found), text)
    grown = [_grown(text, span) for span in found]
    grown = merge(grown + _partners(text, grown) + _corners(text, grown) + _nicknames(text, grown) +
                  _ages_after_people(text, grown), text)
    grown = merge(grown + _address_gaps(text, grown) + _middle_initials(text, grown) + _org_of_place(text, grown) +
                  _firms(text, grown) + _possessor_orgs(text, grown) + _orgs_in_places(text, grown) +
                  _listed_orgs(text, grown), text)
    grown = merge(grown + _block_people(text, grown), text)
    return merge(grown + _block_orgs(text, grown), text)


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


_FIRST_NAME_RE = re.compile(r"(?<![\w'’.-])[A-ZÀ-Þ][a-zà-ÿ]{2,}(?![\w-]|['’](?!s\b))")


def _first_names(text: str, spans: list[Span]) -> list[Span]:
    """A capitalised first name from the gazetteer (``data/first_names.txt``: names that are no
    frequent English word) that nothing found, in a sentence that uses lower case ("Roxanne is
    very reliable", "Bryce, can I speak to your boss?"), not after an article ("the Dexter
    series") and not naming a disease, scale or holiday. The lowest-ranked layer."""
    out = []
    for match in _FIRST_NAME_RE.finditer(text):
        start, end = match.span()
        if match.group().lower() not in first_names() or any(s.start < end and start < s.end for s in spans):
            continue
        before = text[max(0, start - 12) : start].split()
        if (before and before[-1].lower() in _DETERMINERS) or eponym(text, end) or not clause_has_lower(text, start):
            continue
        out.append(Span(start, end, person_role(text, start), "gazetteer"))
    return out


# Where a town is named: after a word that places someone ("moved to Denver", "born in Kharkiv").
_CITY_RE = re.compile(
    r"(?:\((?=[A-ZÀ-Þ][\w'’.]*(?:[ \t]+[A-ZÀ-Þ][\w'’.]*)?\))"  # "(Amsterdam)" after an address or IP
    r"|\b(?i:in|from|to|near|outside(?:\s+of)?|around|towards?|into|visit(?:ed|ing|s)?|at|by|of|for|"
    r"left|leaving|moved|relocated|lives|lived|born|raised|based|stayed|staying|back\s+to|home\s+to|via|"
    r"arrived|arriving|arrives)[ \t]+)"
    r"(?P<v>(?!(?i:in|by|at|of|for|to|from|near)\b)"
    r"[A-ZÀ-Þ][\w'’.]*(?:(?:[ \t]+|-)(?:[A-ZÀ-Þ][\w'’.]*|de|la|del|du|des|le|au|aux|sur|am|an|upon|on|en))*)"
)


def _cities(text: str, spans: list[Span]) -> list[Span]:
    """A town from the gazetteer (``data/cities.txt``) where a word places someone in it
    ("move to Denver", "arrived from Kharkiv", "in Port-au-Prince"): the longest run of
    capitalised words after that word that names a town; the lowest-ranked layer."""
    out = []
    for match in _CITY_RE.finditer(text):
        start = match.start("v")
        if any(s.start <= start < s.end for s in spans):
            continue
        words = list(re.finditer(r"[^ \t-]+", match.group("v")))
        for n in range(min(len(words), 4), 0, -1):
            end = start + words[n - 1].end()
            name = text[start:end].rstrip(".")
            if name in cities() or (name.isupper() and len(name) > 3 and name.title() in cities() and
                                    not clause_has_lower(text, start)):  # "BROUGHT IN BY CHICAGO PD"
                out.append(Span(start, start + len(name), "LOCATION", "gazetteer"))
                break
    return out


# A capitalised word in a person's place: before "'s" and a lower-case word, or before a verb of
# saying or doing that notes report ("since Terrence's promotion", "Terrence acknowledged").
_NAME_POSITION_RE = re.compile(
    r"(?<![\w'’.-])(?P<v>[A-Z][a-z]{2,}(?:-[A-Z][a-z]+)?)(?=['’]s[ \t]+[a-z]|[ \t]+(?:acknowledged|agreed|said|says|"
    r"reported|stated|denied|endorsed|noted|shared|described|admitted|explained|wants|wanted|asked|told|texted|yelled|"
    r"arrived|cried|refused|declined|accepted|expressed|disclosed|identified|apologized|apologised|laughed|"
    r"interrupted|responded|replied)\b)"
)
_NOT_PEOPLE_WORDS = frozenset(("god", "jesus", "allah", "christ", "buddha", "mary", "everyone", "nobody", "somebody",
                               "someone", "staff", "team", "police", "security", "nursing", "family"))


def _name_positions(text: str, spans: list[Span]) -> list[Span]:
    """A capitalised word where a person's name stands, that nothing found: inside a sentence
    any such word (the capital is the writer's); at a sentence's start only one that is no
    English word. Never a role, relation, drug, eponym, weekday, month, holiday or service."""
    out = []
    for match in _NAME_POSITION_RE.finditer(text):
        start, end = match.span("v")
        low = match.group("v").lower()
        if any(s.start < end and start < s.end for s in spans) or low in _NOT_PEOPLE_WORDS or plain_word(low) or \
                eponym(text, end) or \
                low in stop_words() or low in service_words() or low in eponyms() or low in MONTHS or \
                re.fullmatch(rf"(?:{RELATIVE_WORDS}|{OTHER_WORDS}|{CLINICIAN_WORDS}|patient|client|pt)s?", low):
            continue
        if opens(text, start, ".!?:\"'(", lines=False) and (low in lower_words() or low in lexicon()) and \
                low not in first_names():
            continue  # "Staff reported", "Parents agreed"
        if not clause_has_lower(text, start):
            continue
        out.append(Span(start, end, person_role(text, start), "gazetteer"))
    return out



def _places(text: str) -> list[Span]:
    """Countries, states and provinces (in lower case only before a postcode: "belgium 97466");
    the lowest-ranked layer, so a person wins a tie."""
    return [Span(match.start(), match.end(), "LOCATION", "gazetteer")
            for pattern in (_place_re(), _lower_place_re()) for match in pattern.finditer(text)]


@functools.lru_cache(maxsize=1)
def _lower_place_re() -> re.Pattern[str]:
    names = sorted({name.lower() for name in _place_names()}, key=len, reverse=True)
    return re.compile(rf"(?<![\w-])(?:{'|'.join(re.escape(n) for n in names)})(?=[ \t]+\d{{4,6}}\b)")


_SAINT_BEFORE_RE = re.compile(r"(?<![\w.])(?:St|ST|Ste|STE|Saint|SAINT|Mt|MT|Mount|MOUNT)\.?[ \t]+$")


def _grown(text: str, span: Span) -> Span:
    start, end, category = span.start, span.end, span.category
    if category in _PLACE:
        start, end = _with_numbers(text, start, end)
    elif category == "ORG":
        given = _with_given_name(text, start) if " " not in text[start:end].strip() else start
        if given < start:  # "to will farrow-tate": a person the tagger took for a company
            start, category = given, person_role(text, given)
        particle = _PERSON_NEXT.match(text, end) if " " not in text[start:end].strip() else None
        if particle and particle.group("particle"):
            category = person_role(text, start)  # "Willemine ten Pas": a particle makes it a person's name
            end = _with_name_parts(text, end)
        end = _with_company_words(text, end)
        named_for = _FOR_WHAT_RE.match(text, end) if _INSTITUTION_END_RE.search(text, start, end) else None
        end = named_for.end() if named_for else end  # "Brookside Center for Anxiety"
        legal = _LOWER_LEGAL_RE.match(text, end)
        end = legal.end() if legal else end  # "quarnell freight inc."
        tail = _ORG_TAIL_RE.match(text, end)
        if tail and _name_like(tail.group(1)):
            end = tail.end(1)  # "Sp Capital Iq", "Standard And Poors"
    elif category in PEOPLE:
        company = _with_company_words(text, end)
        if company > end and text[end:company].split()[-1] not in _MODIFIERS and span.layer != "known":
            end, category = company, "ORG"  # "Harborview Auto Repair" is no person
        else:
            end = _with_name_parts(text, end)
            start = _with_given_name(text, start)
    if category in _PLACE:
        start = _with_city_word(text, start, end)
        end = _with_town_after(text, end)  # "1415 N 5TH ST, GRAND JUNCTION"
        region = _REGION_AFTER_RE.match(text, end) if re.search(r"\d", text[start:end]) else None
        end = region.end("r") if region else end  # "7878 Rahu 37 Apt. 405 Sindi PR"
        suffix = _PLACE_SUFFIX_RE.match(text, end)
        end = suffix.end() if suffix else end  # "Washington Heights"
        institution = _PLACE_INSTITUTION_RE.match(text, end)
        if institution:
            end, category = institution.end(), "ORG"
    if category in _PLACE | {"ORG"}:
        county = _COUNTY_AFTER_RE.match(text, end)
        end = county.end() if county else end  # "Counseling Service of Addison County"
        official = _official_name(text, start, end)
        if official != (start, end):
            (start, end), category = official, "LOCATION"
    saint = _SAINT_BEFORE_RE.search(text, max(0, start - 8), start)
    if saint and category in _PLACE | {"ORG"}:
        start = saint.start()  # "ST. JUDE MEDICAL CENTER", "St. Cloud"
    return Span(start, end, category, span.layer)


_INSTITUTION_END_RE = re.compile(r"\b(?:Center|Centre|Institute|Clinic|Program|Foundation|Alliance|Coalition|Society|"
                                 r"Association|School|College|University|Academy|Council|Network|Residences|Apartments|"
                                 r"Village|Commons|Towers)$")
_FOR_WHAT_RE = re.compile(r"[ \t]+(?:for|of|at)[ \t]+(?:the[ \t]+)?[A-Z][\w'’-]+(?:[ \t]+(?:and[ \t]+|&[ \t]+)?[A-Z][\w'’-]+){0,3}")
_LOWER_LEGAL_RE = re.compile(rf"(?:[ \t]+[a-z][\w'’-]*){{0,2}}[ \t]+(?:{_LEGAL_LOWER_ALT})\b\.?")
_ORG_TAIL_RE = re.compile(r"[ \t]+(?:(?:&|And|AND)[ \t]+)?([A-Z][a-z]+)(?![\w'’-])")
# The official form of a country or region ("Kingdom of the Netherlands") and a district in
# brackets after a town ("Unionville (Orange)", "Cyprus (Greek)").
_OFFICIAL_BEFORE_RE = re.compile(
    r"(?<![\w-])(?:(?:United|Federal|Democratic|People's|Islamic|Socialist|Grand|Plurinational)[ \t]+)*"
    r"(?:Kingdom|Republic|State|Commonwealth|Principality|Duchy|Grand Duchy|Federation|Emirate|Sultanate|"
    r"Province|Territory|Isle|Islands|County|City|Borough|Township|Municipality|Canton|Department)"
    r"[ \t]+of(?:[ \t]+the)?[ \t]+$"
)
_BRACKETED_AFTER_RE = re.compile(r"[ \t]+\((?P<v>[A-ZÀ-ÞΑ-ΩА-Я][^\W\d_]*(?:[ \t]+[A-ZÀ-ÞΑ-ΩА-Я][^\W\d_]*)?)\)")


_TOWN_AFTER_RE = re.compile(r",[ \t]*([A-ZÀ-Þ][\w'’]*(?:[ \t]+[A-ZÀ-Þ][\w'’]*){0,2})")


def _with_town_after(text: str, end: int) -> int:
    """A listed town after a street and a comma, in any case ("..., GRAND JUNCTION")."""
    match = _TOWN_AFTER_RE.match(text, end)
    if not match:
        return end
    words = list(re.finditer(r"\S+", match.group(1)))
    for n in range(len(words), 0, -1):
        name = match.group(1)[: words[n - 1].end()]
        if name in cities() or (name.isupper() and name.title() in cities()):
            return match.start(1) + words[n - 1].end()
    return end
_PLACE_SUFFIX_RE = re.compile(r"[ \t]+(?:Heights|Hills|Springs|Falls|Beach|Village|City|Valley|Harbor|Harbour|Ranch|"
                              r"Lake|Bay|Gardens|Park|Junction|Township|Estates|Landing|Crossing|Center|Province|"
                              r"Governorate|Oblast|Prefecture|Corner)\b")
_COUNTY_AFTER_RE = re.compile(r"[ \t]+(?:County|COUNTY|Parish|PARISH|Borough|BOROUGH)\b")
# an institution named for a place ("Hampden County Superior Court", "lowell housing authority")
_PLACE_INSTITUTION_RE = re.compile(
    r"(?i)[ \t]+(?:(?:superior|district|family|probate|juvenile|municipal|circuit|county|city|drug|housing|"
    r"mental\s+health|supreme|magistrates['’]?)[ \t]+)?(?:court|housing\s+authority|public\s+schools?|"
    r"school\s+district|school\s+board|police\s+department|police|sheriff['’]?s\s+(?:office|department)|"
    r"public\s+library|community\s+college|general\s+hospital|memorial\s+hospital|medical\s+center|"
    r"detention\s+center|jail|social\s+services|department\s+of\s+social\s+services|transit\s+authority|"
    r"water(?:\s+supply)?\s+board|school\s+committee|board\s+of\s+education|utilities|water\s+district|"
    r"fire\s+department|public\s+works|isd|usd|unified\s+school\s+district)\b")
_WORD_BEFORE_RE = re.compile(r"(?<![\w'’-])([A-Z][\w'’.]*)[ \t]+$")
# US states and territories, Canadian provinces, Australian states: the region code that ends
# an address line after the town, with or without a comma, when the line ends there
_REGION_CODES = STATE_CODES + "|NSW|VIC|QLD|TAS|ACT"
_REGION_AFTER_RE = re.compile(rf"[ \t]*,?[ \t]*(?P<r>(?:{_REGION_CODES}))(?=[ \t]*(?:$|\n|[.;,)]|\d))", re.MULTILINE)
# a region code between a town and its postcode, in any case ("lady frere\n, ec\n 76634")
_REGION_GAP_RE = re.compile(rf"\s*,[ \t]*(?P<r>[a-z]{{2,3}}|{_REGION_CODES})\s*")


def _with_city_word(text: str, start: int, end: int) -> int:
    """The word before a place that makes a listed town with it ("North Miami", "Fort Wayne")."""
    before = _WORD_BEFORE_RE.search(text, max(0, start - 16), start)
    if before and f"{before.group(1)} {text[start:end]}" in cities():
        return before.start(1)
    return start


def _official_name(text: str, start: int, end: int) -> tuple[int, int]:
    before = _OFFICIAL_BEFORE_RE.search(text, max(0, start - 60), start)
    if before:
        start = before.start()
    after = _BRACKETED_AFTER_RE.match(text, end)
    if after and after.group("v").lower() not in abbreviations():
        end = after.end()
    return start, end


def _with_numbers(text: str, start: int, end: int) -> tuple[int, int]:
    after = _NUMBER_AFTER.match(text, end)
    if after and not QUANTITY_RE.match(text, after.end()):
        end = after.end(1)
    before = _NUMBER_BEFORE.search(text, max(0, start - 12), start)
    if before:
        start = before.start(1)
    return start, end


_CORNER_RE = re.compile(
    r"(?P<c>(?i:\b(?:the\s+)?corner\s+of))\s+(?P<v>[^\n,;:!?]{2,60}?\s+(?:and|&)\s+(?:\d+\w*\s+)?"
    r"(?:(?:van|von|de|der|den|ten|ter|la|le|du|di|da|del)[ \t]+)?"
    r"(?:[A-Z][\w'’.-]*(?:[ \t]+(?:[A-Z][\w'’.-]*|van|von|de|der|den|ten|ter|la|le|du|di|da|del)){0,3}"
    rf"|[a-zà-ÿ][\w'’.-]*(?:[ \t]+[a-zà-ÿ][\w'’.-]*){{0,2}}[ \t]+(?i:{STREET_SUFFIX})s?\b))"
)


_NUMBERED_STREET_RE = re.compile(rf"\d+[a-z]?[ \t]+[\w'’.-]+(?:[ \t]+[\w'’.-]+)?[ \t]+(?i:{STREET_SUFFIX})\b")


def _corners(text: str, spans: list[Span]) -> list[Span]:
    """An intersection ("the corner of Dalbraut 99 and Frederikke Coves"): the words that name
    it, both streets and the "and" between them are one place, when a place was found in it or
    it starts with a numbered street ("12 quarry road")."""
    out = []
    for match in _CORNER_RE.finditer(text):
        start, end = match.span("v")
        if any(s.category in _PLACE and start <= s.start < end for s in spans) or _NUMBERED_STREET_RE.match(text, start):
            out.append(Span(match.start("c"), end, "LOCATION", "pattern"))
    return out


def _partners(text: str, spans: list[Span]) -> list[Span]:
    """The person named together with a person ("Park and Mann", "Dale & White"): a span of
    their own, so two people keep two placeholders."""
    out = []
    for span in spans:
        together = _TOGETHER_RE.match(text, span.end) if span.category in PEOPLE else None
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
    """A company word as written, in capitals ("HAUFFER AG & CO. KGAA"), or a legal form in
    lower case ("stillwater supercomputing inc.")."""
    return word in _ORG_SET or (word.isupper() and word in _ORG_UPPER) or word.rstrip(".") in _LEGAL_LOWER



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
    suffix = _SUFFIX_RE.match(text, end)
    return suffix.end("s") if suffix else end


# A generation after a name ("Kevin Veitonen II", "Ray Dunn, Jr."): part of the name.
_SUFFIX_RE = re.compile(r",?[ \t]+(?P<s>Jr\.?|Sr\.?|JR\.?|SR\.?|II|III|IV)(?![\w'’-]|[ \t]+[a-z])")


_GIVEN_BEFORE_RE = re.compile(r"(?<![\w'’-])([A-Za-zÀ-ÿ]+)[ \t]+$")


def _with_given_name(text: str, start: int) -> int:
    """A given name that is also a word, right before a found surname ("faith okonkwo",
    "Patience Okoro", "to will farrow-tate"), written in the case of the surname."""
    initial = re.search(r"(?<![\w.])[A-Z]\.[ \t]*$", text[max(0, start - 4) : start])
    if initial and text[start : start + 1].isupper():
        return start - len(text[max(0, start - 4) : start]) + initial.start()  # "R. Castañeda"
    before = _GIVEN_BEFORE_RE.search(text, max(0, start - 24), start)
    if not before:
        return start
    word, surname = before.group(1), text[start : start + 1]
    same_case = word[0].isupper() == surname.isupper() and (word[1:].islower() or word.isupper())
    if same_case and (word.lower() in word_names() or word.lower() in first_names()):
        return before.start(1)
    return start


def _nicknames(text: str, spans: list[Span]) -> list[Span]:
    """A nickname in brackets or quotes right after a name ("Junichi ('Jun')", "ezekiel (zeke)",
    "tobiloba fashola (goes by tobi)"): the same person, unless it is a frequent word, a word
    shaped like a state ("estranged", "nonverbal"), a role, a relation or an abbreviation."""
    out = []
    for span in spans:
        match = _NICKNAME_RE.match(text, span.end) if span.category in PEOPLE else None
        if match and match.group("n") and _nickname(match.group("n"), quoted=bool(match.group("qo"))):
            out.append(Span(*match.span("n"), span.category, span.layer))
        given = _quoted_between(text, span, spans)
        if given:
            out.append(given)  # rosemary "rosie" dunleavy: the given name before a quoted nickname
        before = _GIVEN_AND_NICK_RE.search(text, max(0, span.start - 60), span.start) if span.category in PEOPLE else None
        if before:  # Dale "Buck" Hensley, found as "Hensley"
            out += [Span(*before.span("g"), span.category, span.layer), Span(*before.span("n"), span.category, span.layer)]
        if match and match.group("q") and (match.group("s") or _nickname(match.group("q"), quoted=True)):
            # Ezekiel "Zeke" Hollister: the quoted nickname and the surname after it
            out.append(Span(*match.span("q"), span.category, span.layer))
            if match.group("s"):
                out.append(Span(*match.span("s"), span.category, span.layer))
    return out


def _quoted_between(text: str, span: Span, spans: list[Span]) -> Span | None:
    """The word before a quoted nickname that a surname follows: the given name."""
    if span.category not in PEOPLE or not text[span.end : span.end + 1] or text[span.end] not in "\"”’'":
        return None
    given = _GIVEN_BEFORE_QUOTE_RE.search(text, max(0, span.start - 30), span.start)
    after = re.match(r"[\"”’'][ \t]+", text[span.end :])
    surname = after and any(s.start == span.end + after.end() and s.category in PEOPLE for s in spans)
    if given and surname and given.group("g").lower() not in _DETERMINERS:
        return Span(*given.span("g"), span.category, span.layer)
    return None


_GIVEN_AND_NICK_RE = re.compile(r"(?<![\w'’-])(?P<g>[A-ZÀ-Þ][\w'’-]+)[ \t]+[\"“](?P<n>[A-ZÀ-Þ][\w'’ -]{0,20}?)[\"”][ \t]+$")
_GIVEN_BEFORE_QUOTE_RE = re.compile(r"(?<![\w'’-])(?P<g>[^\W\d_][\w'’-]{1,20})[ \t]+[\"“‘']$")
_NICKNAME_RE = re.compile(
    r"[ \t]*\((?:[ \t]*(?:goes[ \t]+by|aka|a\.k\.a\.?|called|nickname:?|prefers)[ \t]+)?[ \t]*(?P<qo>['\"‘“])?"
    r"(?P<n>[^\W\d_][\w'’-]{1,20})['\"’”]?[ \t]*\)"
    r"|[ \t]+[\"“‘](?P<q>[^\W\d_][\w'’-]{1,20})[\"”’](?:[ \t]+(?P<s>[A-ZÀ-Þ][\w'’]+(?:-[A-ZÀ-Þ][\w'’]+)?))?"
)


_AGE_AFTER_RE = re.compile(r"[ \t]*(?:\([ \t]*|,[ \t]*)(?P<a>9\d|1[01]\d)(?![\d.,/%]|[ \t]*(?:mg|kg|lbs?|%))")


def _ages_after_people(text: str, spans: list[Span]) -> list[Span]:
    """An age over 89 right after a person's name ("Ông Phúc Vuong (94)", "Ada Byrne, 91")."""
    out = []
    for span in spans:
        match = _AGE_AFTER_RE.match(text, span.end) if span.category in PEOPLE else None
        if match:
            out.append(Span(*match.span("a"), "AGE", "pattern"))
    return out


def _nickname(word: str, quoted: bool = False) -> bool:
    low = word.lower()
    if quoted:  # a word in quotes after a name is what they are called ("Doc", "Bird")
        return not (low in demonyms() or low in abbreviations() or low in _DETERMINERS)
    if "-" in low and (low.split("-")[0] in demonyms() or plain_word(low.split("-")[-1])):
        return False  # "(Persian-speaking)", "(Spanish-only)"
    worded = low in lexicon() and re.search(r"(?:ed|al|ive|less|ing|ful|ous|ic|ent|ant|ly|ist)$", low) or \
        low.endswith(("ist", "ian", "ologist"))
    return not (plain_word(low) or worded or low in _BLOCK_LABELS or low in _DETERMINERS or
                ROLE_WORD_RE.fullmatch(low))


def _name_like(word: str, strict: bool = True) -> bool:
    """A capitalised word that is no English word (a surname the tagger did not take); not
    ``strict``: only no frequent word (after "and", "White" in "Dale and White" is a name)."""
    low = re.sub(r"['’]s$", "", word).lower()
    return not word.isupper() and not plain_word(low) and (not strict or low not in lexicon())


_TOGETHER_RE = re.compile(r"[ \t]+(?:and|&)[ \t]+(?!I['’])(?P<name>[A-ZÀ-Þ][\w'’-]+)(?![ \t]+[A-Z])")  # not "and I'm"


def _org_of_place(text: str, spans: list[Span]) -> list[Span]:
    """An institution "of" a place ("District Court of Washoe County", "University of Denver"):
    one name."""
    out = []
    for left, right in itertools.pairwise(spans):
        if left.category == "ORG" and right.category in _PLACE and re.fullmatch(r"[ \t]+of[ \t]+(?:the[ \t]+)?",
                                                                                text[left.end : right.start]):
            out.append(Span(left.start, right.end, "ORG", left.layer))
    for span in spans:  # "District Court of Washoe County": generic words of an institution, then its place
        before = _INSTITUTION_OF_RE.search(text, max(0, span.start - 60), span.start) \
            if span.category in _PLACE | {"ORG"} else None
        if before and (before.group("c") == "at" or span.category == "ORG") and \
                before.group("v").split()[-1].lower() not in _INSTITUTION_LAST:
            continue  # "Head of Sales at Acme", "Office of Accessibility Services": a role or unit, no name
        if before and all(re.sub(r"['’]s$", "", w.lower()) in service_words() or w in _ORG_SET or
                          w.lower() in ("associates", "women's", "children's", "men's", "veterans")
                          for w in before.group("v").split()):
            out.append(Span(before.start("v"), span.end, "ORG", span.layer))
    return out


_INSTITUTION_OF_RE = re.compile(r"(?<![\w'’-])(?P<v>[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,3})[ \t]+(?P<c>of|at)[ \t]+"
                                r"(?:(?:the|Greater|Metro|Metropolitan|Central|North|South|East|West)[ \t]+)?$")
# what ends an institution's generic name before "at"/"of" and its place ("Women's Health Center at Pinewood")
_INSTITUTION_LAST = frozenset(("center", "centre", "clinic", "clinics", "associates", "hospital", "practice", "group",
                               "partners", "institute", "court", "department", "board"))


def _firms(text: str, spans: list[Span]) -> list[Span]:
    """A firm named for its partners ("White, Willis and Hoffman") whose every name was found
    and one of them as an organisation: one name, so one placeholder."""
    out = []
    for match in _FIRM_RE.finditer(text):
        words = [m.span() for m in re.finditer(r"[^\W\d_][\w'’-]*", match.group())]
        names = [(match.start() + a, match.start() + b) for a, b in (words[0], words[1], words[-1])]
        found = [[s for s in spans if s.start < e and b < s.end] for b, e in names]
        if all(found) and any(s.category == "ORG" for hits in found for s in hits):
            out.append(Span(match.start(), match.end(), "ORG", "gazetteer"))
    return out


_POSSESSOR_RE = re.compile(r"(?<![\w'’.-])(?P<o>[A-Z][\w&-]*(?:[ \t]+[A-Z][\w&-]*){0,2})['’]s?[ \t]+$")


_LISTED_NEXT_RE = re.compile(r"(?:,[ \t]+(?:and[ \t]+|&[ \t]+)?|[ \t]+(?:and|&)[ \t]+)"
                             r"(?P<v>[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+){1,2})(?<!\bNo)(?<!\bNumber)(?<!\bID)"
                             r"(?=[ \t]*(?:[.;:!?)\n\"]|$))")  # the list's last item: "..., Case No." is a label


def _listed_orgs(text: str, spans: list[Span]) -> list[Span]:
    """A Title Case name of two or three words listed right after a company ("Bekins, Enervee
    Corporation and Civic Insight"): another company, unless its words are plain words or a
    person's name was found in it."""
    out = []
    for span in spans:
        listed = _LISTED_NEXT_RE.match(text, span.end) if span.category == "ORG" else None
        if not listed or any(s.start < listed.end("v") and listed.start("v") < s.end for s in spans):
            continue
        words = [w.lower() for w in listed.group("v").split()]
        if any(plain_word(w) and w not in lexicon() or w in first_names() or w in NOT_ORG_WORDS for w in words) or \
                all(w in service_words() for w in words):
            continue  # "..., Emergency Department": a unit of the company, no other company
        out.append(Span(*listed.span("v"), "ORG", "gazetteer"))
    return out


NOT_ORG_WORDS = frozenset(("medicaid", "medicare", "tricare", "the", "a", "an", "i", "we", "you"))


def _possessor_orgs(text: str, spans: list[Span]) -> list[Span]:
    """A capitalised name owning a person's full name ("Pave's Irena Bílá", "Consumer Reports's
    Impi Nummelin"): the company the person works for, unless it is a person, relation or role."""
    out = []
    for span in spans:
        if span.category not in PEOPLE or " " not in text[span.start : span.end].strip():
            continue
        owner = _POSSESSOR_RE.search(text, max(0, span.start - 40), span.start)
        if not owner or any(s.start < owner.end("o") and owner.start("o") < s.end for s in spans):
            continue
        words = owner.group("o").lower().split()
        if any(w in first_names() or ROLE_WORD_RE.fullmatch(w) or w in _DETERMINERS or w in _IS_WORDS for w in words) or \
                all(w in stop_words() for w in words[:1]) and len(words) == 1:
            continue  # one frequent word owns nothing ("Today's"); two name a company ("Consumer Reports")
        out.append(Span(owner.start("o"), owner.end("o"), "ORG", "gazetteer"))
    return out


# "It's Avi Goldfarb": a word with "'s" for "is" before a name
_IS_WORDS = frozenset(("it", "that", "this", "there", "here", "he", "she", "who", "what", "where", "everyone",
                       "someone", "today", "tonight", "name"))


_STORE_AT_RE = re.compile(r"\bthe[ \t]+(?P<v>[A-Z0-9][\w&'’-]*(?:[ \t]+[A-Z][\w&'’-]*){0,2})[ \t]+(?:on|at|off)[ \t]+$")
_AT_BEFORE_RE = re.compile(r"\b(?:at|for|with|joined|joining)[ \t]+$")
_AT_NAME_RE = re.compile(r"(?P<v>[A-Z][\w&'’-]*(?:[ \t]+[A-Z][\w&'’-]*){0,3})[ \t]+in[ \t]+$")


def _orgs_in_places(text: str, spans: list[Span]) -> list[Span]:
    """A capitalised name after "at"/"for" and before "in" and a found place ("a year at Walk
    Score in ÅLESUND", "works for Blue Fern in Denver"): a business there, unless it is a
    holiday, weekday, month or a word that names nothing."""
    out = []
    for span in spans:
        if span.category != "LOCATION":
            continue
        name = _AT_NAME_RE.search(text, max(0, span.start - 60), span.start)
        if not name or not _AT_BEFORE_RE.search(text, max(0, name.start() - 12), name.start()) or \
                any(s.start < name.end("v") and name.start("v") < s.end for s in spans):
            continue
        words = name.group("v").lower().split()
        if HOLIDAY_RE.fullmatch(name.group("v")) or name.group("v").lower() in brands() or any(w in MONTHS or w in _DAY_WORDS or w in stop_words() and
                                                          len(words) == 1 for w in words):
            continue
        out.append(Span(*name.span("v"), "ORG", "gazetteer"))
    for span in spans:  # "the CVS on Fulton St", "the 24 Hour Fitness on Ming Ave": one store, so a place
        store = _STORE_AT_RE.search(text, max(0, span.start - 50), span.start) \
            if span.category == "LOCATION" and re.search(r"\d|(?i:\b(?:st|ave|rd|road|street|avenue|blvd|dr|drive|"
                                                          r"lane|ln|way|hwy|mall|plaza|square)\b)", text[span.start:span.end]) else None
        if store and not any(s.start < store.end("v") and store.start("v") < s.end for s in spans) and \
                store.group("v").lower() not in stop_words():
            out.append(Span(*store.span("v"), "ORG", "gazetteer"))
    return out


_DAY_WORDS = frozenset(("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "home",
                        "work", "school", "church", "night", "christmas", "easter", "thanksgiving"))


def _address_gaps(text: str, spans: list[Span]) -> list[Span]:
    """What lies between two pieces of one address, when it looks like address too."""
    out = []
    for left, right in itertools.pairwise(spans):
        if left.category not in _PLACE or right.category not in _PLACE:
            continue
        gap = text[left.end : right.start]
        region = _REGION_GAP_RE.fullmatch(gap) if right.category == "ZIP" else None
        if region and (region.group("r").isupper() or region.group("r") not in stop_words()):
            out.append(Span(left.end + region.start("r"), left.end + region.end("r"), "LOCATION", right.layer))
        elif 0 < len(gap) <= _MAX_GAP and gap.strip(" \t,\n") and _GAP.fullmatch(gap) and not _plain_words(gap):
            # the words of the gap, not its list marks and line breaks ("\n> TRONDHEIM\n> ")
            out += [Span(left.end + m.start(), left.end + m.end(), "LOCATION", right.layer)
                    for m in _GAP_WORDS.finditer(gap)]
    return out


_INITIAL_GAP_RE = re.compile(r"[ \t]+[A-Za-z]\.?[ \t]+")


def _middle_initials(text: str, spans: list[Span]) -> list[Span]:
    """A lone letter between two found parts of one name ("benjamin a seiler", "Ana J Ruiz"):
    the middle initial of that person."""
    return [Span(left.start, right.end, left.category, left.layer) for left, right in itertools.pairwise(spans)
            if left.category in PEOPLE and right.category in PEOPLE and
            _INITIAL_GAP_RE.fullmatch(text, left.end, right.start)]


def _plain_words(gap: str) -> bool:
    """A gap of ordinary English words ("Then", "And") joins nothing."""
    gap = re.sub(r",\s*[A-Z]{2}\b", ",", gap)  # a region code after a comma ("Toronto, ON") is address
    words = re.findall(r"[^\W\d_]+", gap)
    return bool(words) and all(w.lower() in stop_words() for w in words)


# A line's list or quote marks ("> ", "??? ", "• ") before what it says.
_LINE_MARKS_RE = re.compile(r"[ \t]*(?:[>•|*?#-]+[ \t]*)*")
_FIRM_RE = re.compile(r"[^\W\d_][\w'’-]*,[ \t]+[^\W\d_][\w'’-]*[ \t]+(?:and|&)[ \t]+[^\W\d_][\w'’-]*", re.IGNORECASE)
_BLOCK_LINE_RE = re.compile(r"[^\W\d_][\w'’.&,()-]*(?:[ \t]+[\w'’.&,()-]+){0,5}")


def _content_lines(text: str) -> list[tuple[int, int]]:
    """(content start, content end) of every line, its list or quote marks and spaces left out."""
    lines, pos = [], 0
    for raw in text.split("\n"):
        marks = _LINE_MARKS_RE.match(raw)
        lines.append((pos + (marks.end() if marks else 0), pos + len(raw.rstrip())))
        pos += len(raw) + 1
    return lines


def _block_orgs(text: str, spans: list[Span]) -> list[Span]:
    """A signature or address block ("Katrina Mota / Knowledge Agency / 55470 Acheron Road"):
    the line right above the street (or above the person's name repeated over the street),
    below the person's line (a job title may come between), or opening the block as a
    letterhead in Title Case, names the organisation, when no person was found in it and it is
    no label, role, relation or generic service ("Outpatient Services")."""
    lines = _content_lines(text)
    out = []
    for i in range(len(lines) - 1):
        start, end = lines[i]
        street_next = _street_line(text, lines[i + 1], spans) or \
            (i + 2 < len(lines) and _person_line(text, lines[i + 1], spans) and _street_line(text, lines[i + 2], spans))
        if not (_BLOCK_LINE_RE.fullmatch(text, start, end) and street_next):
            continue
        inside = [s for s in spans if s.start < end and start < s.end]
        firm = _FIRM_RE.fullmatch(text, start, end)  # "Marshall, Hernandez and Simpson"
        if any((s.category in PEOPLE and not firm) or (s.start <= start and s.end >= end) for s in inside) or \
                _label_line(text[start:end]):
            continue
        above = [j for j in (i - 1, i - 2) if j >= 0 and _person_line(text, lines[j], spans)]
        if above and (above[0] == i - 1 or _BLOCK_LINE_RE.fullmatch(text, *lines[i - 1])):
            out.append(Span(start, end, "ORG", "gazetteer"))
        elif (i == 0 or lines[i - 1][0] >= lines[i - 1][1]) and _TITLE_LINE_RE.fullmatch(text, start, end) and \
                not _all_service_words(text[start:end]):
            out.append(Span(start, end, "ORG", "gazetteer"))  # a letterhead over its street line
    return out


_TITLE_LINE_RE = re.compile(r"[A-Z][\w'’.&-]*(?:[ \t]+(?:[A-Z][\w'’.&,-]*|&|of|and|the|for|at|on))*")


def _all_service_words(value: str) -> bool:
    return all(w.lower() in service_words() for w in re.findall(r"[^\s,]+", value))


def _street_line(text: str, line: tuple[int, int], spans: list[Span]) -> bool:
    start, end = line
    return any(s.category in _PLACE and s.start == start and any(c.isdigit() for c in text[s.start : s.end])
               for s in spans)


_LINE_TITLE_RE = re.compile(r"(?i:dr|mr|mrs|ms|mx|miss|prof|rev)\.?[ \t]+")
_NAME_LINE_RE = re.compile(r"[^\W\d_][\w'’.-]*(?:[ \t]+[^\W\d_][\w'’.-]*){1,2}")


def _block_people(text: str, spans: list[Span]) -> list[Span]:
    """The first line of an address block, two or three words of which a person was found
    ("Rebecca Hides" over "07960 Aqqusinersuaq 111"): the whole line is that person, when a
    house number opens one of the next two lines."""
    out = []
    filled = [line for line in _content_lines(text) if line[1] > line[0]]
    for i, (start, end) in enumerate(filled[:-1]):
        title = _LINE_TITLE_RE.match(text, start, end)
        start = title.end() if title else start  # "Dr. Anh Nguyen": the title stays
        if not _NAME_LINE_RE.fullmatch(text, start, end):
            continue
        people = [s for s in spans if s.category in PEOPLE and start <= s.start and s.end <= end]
        if not people or any(s.category not in PEOPLE and s.start < end and start < s.end for s in spans):
            continue
        if not any(re.match(r"\d{1,6}\b", text[a:b]) for a, b in filled[i + 1 : i + 3]):
            continue
        words = text[start:end].lower().split()
        if any(w in stop_words() and w not in word_names() and w not in first_names() for w in words[:1]):
            continue
        out.append(Span(start, end, people[0].category, people[0].layer))
    return out


def _person_line(text: str, line: tuple[int, int], spans: list[Span]) -> bool:
    start, end = line
    return end > start and any(s.category in PEOPLE and s.start <= start and s.end >= end for s in spans)


def _label_line(value: str) -> bool:
    """A form label, a role or relation ("Address:", "Mother", "Emergency contact"), or
    dictionary words in lower case."""
    words = [w.lower() for w in re.findall(r"[^\W\d_]+", value)]
    if value.islower() and all(w in lexicon() or w in stop_words() for w in words):
        return True  # a job title typed in lower case ("labor relations director")
    return ":" in value or "@" in value or not words or \
        any(ROLE_WORD_RE.fullmatch(w) for w in words) or \
        all(w in _BLOCK_LABELS for w in words)


_BLOCK_LABELS = frozenset(("emergency", "contact", "address", "home", "work", "mailing", "billing", "office",
                           "patient", "client", "guardian", "next", "of", "kin", "care", "c/o", "attn", "attention",
                           "re", "to", "from", "cc", "sent", "phone", "fax", "mobile", "cell", "email", "tel"))
