"""The word lists the redaction layers share, and the small word tests built on them.

Every list is a file in ``data/`` (one or more words a line, ``#`` lines are comments), read
once per process. ``plain_word`` says a lower-case word never names anyone; ``eponym`` says
the name before ``end`` is part of a disease, scale or method named after someone;
``clause_has_lower`` tells a sentence typed in capitals from one that uses lower case.
"""
from __future__ import annotations

import functools
import re
from pathlib import Path

from plugins.redaction.textutil import clause
from plugins.redaction.variants import stop_words

# What a medical eponym or a named instrument is followed by ("Parkinson's disease", "Glasgow
# Coma Scale", "Child-Pugh class B", "Mayo Clinic protocol"): the name is clinical content.
_EPONYM_NEXT_RE = re.compile(
    r"(?:['’]s?)?(?:[ \t]+[A-Z][\w-]*){0,2}[ \t]+(?i:disease|syndrome|palsy|sign|test|maneuver|manoeuvre|"
    r"score|scale|class|stage|criteria|classification|index|inventory|questionnaire|phenomenon|reflex|"
    r"tumou?r|lymphoma|sarcoma|ulcer|fracture|procedure|operation|method|technique|triad|disorder|"
    r"encephalopathy|anomaly|formula|equation|rule|protocol|guidelines?|system|model|method|approach|"
    r"therapy|diet|regimen|technique|position|incision|catheter|curve|chart|ratio|hierarchy|stages?|theory|"
    r"principle|law|effect|paradox|pyramid|ladder|cycle|wheel|window|triangle|needs|attachment|forms?|"
    r"rating|assessment|screen|screener|checklist|tool|survey|body|bodies|dementia|horsemen|level|levels|trough)\b"
    r"|(?:['’]s?)?[ \t]+[a-z]+(?:itis|osis|emia|pathy|oma|algia|plasia|trophy)\b"
    r"|['’]s[ \t]+Day\b"  # a holiday: "Valentine's Day", "Mother's Day"
)


def eponym(text: str, end: int) -> bool:
    """A name that is part of a disease, sign, scale or method named after someone, or a
    disease called by its eponym alone ("Asperger's", "early-onset Alzheimer's")."""
    if _EPONYM_NEXT_RE.match(text, end):
        return True
    word = re.search(r"[\w-]+$", text[max(0, end - 30) : end])
    return bool(word and re.match(r"['’]s?\b", text[end : end + 2]) and word.group().lower() in eponyms())


def eponyms() -> frozenset[str]:
    """Diseases and syndromes known by a person's name alone (``data/eponyms.txt``)."""
    return _word_file("eponyms.txt")


def clause_has_lower(text: str, pos: int) -> bool:
    """Does the clause around ``pos`` use lower case at all (is it not typed in capitals)?"""
    return any(char.islower() for char in clause(text, pos))


def abbreviations() -> frozenset[str]:
    """Clinical and administrative abbreviations (``data/abbreviations.txt``)."""
    return _word_file("abbreviations.txt")


# What makes the number before it a quantity, not a house number or postcode ("Denver 2 years",
# "Depakote 1000 mg", "6 y/o"); matched right after the number.
QUANTITY_RE = re.compile(
    r"\s*(?:-\s*)?(?:years?|yrs?|months?|mos?|weeks?|wks?|days?|hours?|hrs?|minutes?|mins?|seconds?|times?|"
    r"am|pm|a\.m|p\.m|o'clock|%|percent|miles?|mi|km|kilometers?|mg|kg|lbs?|pounds?|people|persons?|"
    r"kids|children|sessions?|nights?|visits?|mcg|ml|units?|tabs?|tablets?|y/o|yo|y\.o|year-old|out\b|of\b|to\b|-)\b",
    re.IGNORECASE,
)


MONTHS = frozenset(("january", "february", "march", "april", "may", "june", "july", "august", "september",
                    "october", "november", "december"))
# A holiday named after someone: "Valentine's Day", "St. Patrick's Day".
HOLIDAY_RE = re.compile(r"[A-Z][\w.]*(?:[ \t]+[A-Z]\w*)?['’]s[ \t]+Day")
# Labels, payers, holidays, weekdays and region words: never identifiers alone.
_LABELS = frozenset(("bot", "chatbot", "user", "agent", "iban", "swift", "bic", "ceo", "ceos", "cfo", "cto", "coo",
                     "medicaid", "medicare", "tricare", "medi-cal", "masshealth", "halloween",
                     "thanksgiving", "christmas", "easter", "hanukkah", "passover", "ramadan", "diwali", "kwanzaa",
                     "juneteenth", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                     "mondays", "tuesdays", "wednesdays", "thursdays", "fridays", "saturdays", "sundays",
                     "tues", "thur", "thurs", "weds",
                     "northern", "southern", "eastern", "western", "central", "north", "south", "east", "west",
                     # form and transcript labels that are no names
                     "policyholder", "programme", "insured", "beneficiary", "applicant", "claimant", "respondent",
                     "petitioner", "plaintiff", "defendant", "passenger", "tenant", "guarantor", "cardholder",
                     "acct", "caller", "recipient", "sender", "customer", "member", "hola", "gracias", "mgmt", "lvl",
                     "shoutout", "redelivery", "check-in", "examinee", "evaluee", "consultative", "concurrent",
                     "recheck", "treasurer", "chairperson", "hemisphere", "sepa", "rma", "waybill", "blotter", "km",
                     "sqm", "dep", "arr",
                     # chat words typed in lower case
                     "smh", "lmao", "lol", "omg", "tbh", "ngl", "idk", "imo", "imho", "btw", "aswell", "thats",
                     "hows", "whats", "wheres", "anyon", "pls", "plz", "thx", "ty", "ur", "u", "ya", "yall",
                     # parties, fields and headings of business and legal forms
                     "branch", "approver", "consignee", "consignor", "guarantor", "guarantors", "exhibitor",
                     "organisation", "organization", "holder", "dial-in", "regd", "enrol", "lessor", "lessee",
                     "licensor", "licensee", "testator", "testatrix", "deponent", "affiant", "payee", "drawee",
                     "statutory", "consular", "rideshare", "aider", "boardroom", "notary",
                     # currency codes before an amount
                     "usd", "eur", "gbp", "kes", "ngn", "inr", "pkr", "aed", "sgd", "zar", "cad", "aud", "nzd",
                     "php", "chf", "sek", "nok", "dkk", "jpy", "cny",
                     # time zones, id schemes, chat words
                     "jst", "est", "edt", "pst", "pdt", "cst", "cdt", "mst", "mdt", "gmt", "utc", "cet", "cest",
                     "bst", "ist", "aest", "aedt", "awst", "wat", "eat", "pht", "hkt", "kst", "nzst", "nzdt",
                     "orcid", "aadhaar", "nric", "ppsn", "org", "bday", "edvisit", "gamertag",
                     # greetings and thanks in other languages, payment systems, abbreviated field labels
                     "bonjour", "grazie", "salamat", "sawubona", "danke", "merci", "obrigado", "obrigada",
                     "shukran", "namaste", "upi", "bpay", "m-pesa", "mpesa", "amt", "desc", "adm", "avl", "bal"))


def plain_word(word: str) -> bool:
    """A lower-case word that never names anyone: a frequent English word, a nationality or
    language, a label, a drug, a clinical abbreviation or word, an app or chain."""
    return word in stop_words() or word in demonyms() or word in _LABELS or word in drugs() or \
        word in abbreviations() or word in brands() or word in clinical_words()


def clinical_words() -> frozenset[str]:
    """Mental-status, psychiatric and pharmacology words (``data/clinical_words.txt``)."""
    return _word_file("clinical_words.txt")


# An academic degree opening a phrase ("BSc Nursing", "MSc Data Science"): no organisation
DEGREE_RE = re.compile(r"(?:BSc|MSc|BA|MA|BS|MS|PhD|MBA|BEd|MEd|BSN|MSN|MPH|LLB|LLM|BEng|MEng|PharmD|PsyD|DNP|EdD|"
                       r"B\.?Tech|M\.?Tech|MBBS|B\.?Com|M\.?Com|B\.Sc|M\.Sc)\b")
# A title standing alone before a name ("Atty.", "state Sen.", "Bro. & Sis."): no name itself
TITLE_ALONE_RE = re.compile(r"(?:Atty|ATTY|Sen|Rep|Bro|Sis|Hon|Cllr|Gov|Supt|Sgt|Cpl|Lt|Capt|Smt|Shri|Sri|Kum|Engr|Ing|Prof|"
                            r"Profa|Dra|Sra|Srta|Mme|Mlle|Herr|Frau)\.?")


def brands() -> frozenset[str]:
    """Apps, platforms and national chains (``data/brands.txt``): things, not identifiers."""
    return _word_file("brands.txt")


def drugs() -> frozenset[str]:
    """Medication brand names (``data/drugs.txt``): clinical content, never identifiers."""
    return _word_file("drugs.txt")


def demonyms() -> frozenset[str]:
    """Nationalities, peoples, languages and faiths (``data/demonyms.txt``): never identifiers alone."""
    return _word_file("demonyms.txt")


def lexicon() -> frozenset[str]:
    """English words that are not names (``data/lexicon.txt``)."""
    return _word_file("lexicon.txt")


def first_names() -> frozenset[str]:
    """First names that are no frequent English word (``data/first_names.txt``)."""
    return _word_file("first_names.txt")


def word_names() -> frozenset[str]:
    """Given names that are also English words (``data/word_names.txt``): names only before a surname."""
    return _word_file("word_names.txt")


@functools.cache
def cities() -> frozenset[str]:
    """Town and city names, one or more words each (``data/cities.txt``)."""
    path = Path(__file__).parent / "data" / "cities.txt"
    if not path.is_file():
        return frozenset()
    return frozenset(line.strip() for line in path.read_text(encoding="utf-8").splitlines()
                     if line.strip() and not line.startswith("#"))


def service_words() -> frozenset[str]:
    """Words of generic services, units and headings (``data/service_words.txt``)."""
    return _word_file("service_words.txt")


def lower_words() -> frozenset[str]:
    """English words that, in lower case in a cased sentence, are not names (``data/lower_words.txt``)."""
    return _word_file("lower_words.txt")


@functools.cache
def _word_file(name: str) -> frozenset[str]:
    path = Path(__file__).parent / "data" / name
    if not path.is_file():
        return frozenset()
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(w for line in lines if not line.startswith("#") for w in line.split())


# The words of named therapies and methods ("Emotionally Focused Therapy", "Wellness Recovery
# Action Plan", "Eye Movement Desensitization and Reprocessing", "Seeking Safety"): a method
# made only of these names no organisation (a practice has a proper word: "Peachtree Bridges").
_METHOD_WORDS = frozenset((
    "cognitive", "behavioral", "behavioural", "behavior", "behaviour", "dialectical", "interpersonal", "emotionally",
    "emotion", "focused", "exposure", "prolonged", "imaginal", "motivational", "interviewing", "enhancement",
    "acceptance", "commitment", "mindfulness", "mindfulness-based", "trauma-focused", "solution-focused",
    "compassion-focused", "narrative", "psychodynamic", "schema", "family-based", "social", "rhythm", "processing",
    "cognitive-behavioral", "eye", "movement", "desensitization", "desensitisation", "reprocessing", "wellness",
    "recovery", "action", "relapse", "prevention", "stress", "reduction", "activation", "parent-child",
    "interaction", "collaborative", "problem-solving", "internal", "family", "systems", "seeking", "safety",
    "therapy", "psychotherapy", "treatment", "plan", "intervention", "training", "protocol", "model", "skills",
    "and", "of", "for", "the", "based", "structural", "strategic", "brief", "integrated", "restructuring",
    "moral", "reconation", "conjoint", "cognitive-behavioral", "processing", "couples", "multisystemic",
))


def method_name(value: str) -> bool:
    """Two or more words of a named therapy or method, ending in what it is."""
    words = [w.lower() for w in re.findall(r"[^\W\d_][\w'’-]*", value)]
    if words and words[0] not in _METHOD_WORDS and words[0] in stop_words():
        words = words[1:]  # "Used Emotionally Focused Therapy": the verb opening the sentence
    return len(words) >= 2 and all(w in _METHOD_WORDS for w in words) and \
        words[-1] in ("therapy", "psychotherapy", "treatment", "plan", "intervention", "training", "protocol",
                      "model", "skills", "exposure", "reprocessing", "reduction", "activation", "safety", "interviewing",
                      "restructuring", "processing", "prevention")
