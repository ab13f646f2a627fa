"""Layer 3: the project's flair tagger for names, places and organisations nobody listed.

flair is imported on first use only (it costs ~5 s). When the model file is missing or
cannot load, one warning is logged and the tagger returns no spans: layers 1 and 2 still
apply. Sentences are tagged in batches. What the network marks is then cleaned up: adjacent
pieces of one type are joined, lower-case English words in a sentence that uses capitals
are cut off ("see Quillon Press", "outbound sales"), entities written all in lower case in
such a sentence (drug names: "started sertraline") and names that are part of an eponym or a
named instrument ("Parkinson's disease", "Glasgow Coma Scale") are dropped, and so are
entities made only of ordinary words.
"""
from __future__ import annotations

import logging
import re
import threading
from pathlib import Path
from typing import Any

from hooks.types import Span
from plugins.redaction.inference import predict_tags
from plugins.redaction.roles import (
    CLINICIAN_WORDS,
    OTHER_WORDS,
    PEOPLE,
    RELATIVE_WORDS,
    person_role,
)
from plugins.redaction.textutil import clause_span, opens, sentences, tokenize
from plugins.redaction.variants import stop_words
from plugins.redaction.words import (
    DEGREE_RE,
    HOLIDAY_RE,
    TITLE_ALONE_RE,
    abbreviations,
    cities,
    clause_has_lower,
    demonyms,
    drugs,
    eponym,
    first_names,
    lexicon,
    lower_words,
    method_name,
    plain_word,
    service_words,
    word_names,
)

log = logging.getLogger(__name__)

MODEL_PATH = Path(__file__).parent / "model" / "phi-tagger.pt"
TAG_OF = {"PATIENT": "PER", "RELATIVE": "PER", "CLINICIAN": "PER", "PERSON": "PER",
          "LOCATION": "LOC", "ORG": "ORG"}
_CATEGORY_OF_TAG = {"LOC": "LOCATION", "ORG": "ORG"}
_WORD_RE = re.compile(r"[^\W\d_]+")
_CONTRACTION_RE = re.compile(r"['’](?:s|re|ve|ll|d|m|t)\b", re.IGNORECASE)
_PARTICLES = frozenset((
    "de", "la", "le", "las", "los", "del", "della", "di", "da", "das", "do", "dos", "du", "des", "van", "von",
    "der", "den", "ter", "ten", "bin", "ibn", "al", "el", "y", "et", "rue", "via", "calle", "strada", "ul", "avenue",
))
_TRAILING = frozenset(("and", "or", "the", "of", "with", "from", "in", "at", "to", "for", "&"))


class Tagger:
    """A lazily loaded SequenceTagger; thread-safe, one model per process."""

    def __init__(self, path: Path = MODEL_PATH) -> None:
        self.path = path
        self._model: Any = None
        self._failed = False
        self._lock = threading.Lock()

    @property
    def available(self) -> bool:
        """True when the model loads (loading it if needed)."""
        return self._load() is not None

    def _load(self) -> Any:
        if self._model is not None or self._failed:
            return self._model
        with self._lock:
            if self._model is None and not self._failed:
                self._model = self._read_model()
                self._failed = self._model is None
        return self._model

    def _read_model(self) -> Any:
        if not self.path.is_file():
            log.warning("redaction tagger model missing at %s: names/places/orgs nobody listed "
                        "are not detected; known identifiers and patterns still apply", self.path)
            return None
        try:
            import flair  # noqa: F401  (lazy: ~5 s)
            from flair.models import SequenceTagger

            import plugins.redaction.charembed  # noqa: F401  (registers the embedding class)

            model = SequenceTagger.load(str(self.path))
            _prewarm(model)
            return model
        except Exception as exc:  # a corrupt or incompatible file must not stop redaction
            log.warning("redaction tagger failed to load from %s (%s): layers 1+2 only",
                        self.path, type(exc).__name__)
            return None

    def forget_words(self) -> None:
        """Drop the word vectors cached since load (the frequent words stay): a benchmark
        that repeats a corpus then times new text, not words it has already seen."""
        model = self._load()
        cache = getattr(getattr(model, "embeddings", None), "_cache", None)
        if isinstance(cache, dict):
            cache.clear()
            _prewarm(model)

    def spans(self, text: str) -> list[Span]:
        """Spans of PER/LOC/ORG entities the model finds in ``text`` (original offsets)."""
        model = self._load()
        if model is None or not text.strip():
            return []
        offsets = [toks for s, e in sentences(text) if (toks := tokenize(text, s, e))]
        with self._lock:
            tags = predict_tags(model, [[text[s:e] for s, e in toks] for toks in offsets])
        return [span for toks, sent_tags in zip(offsets, tags, strict=True) for span in _entity_spans(text, toks, sent_tags)]


def _prewarm(model: Any) -> None:
    """Fill the character embedding's cache with the frequent English words and punctuation
    (in lower case and capitalised) once, at load: most tokens of any text are among them, and
    a word's vector depends on its letters only, so every document after skips that work."""
    import torch

    from plugins.redaction.charembed import BatchedCharEmbeddings

    embeddings = getattr(model, "embeddings", None)
    if not isinstance(embeddings, BatchedCharEmbeddings):
        return
    words = sorted(stop_words())
    words = list(dict.fromkeys(list(".,;:!?'\"()-/") + words + [w.capitalize() for w in words]))
    with torch.inference_mode():
        for begin in range(0, len(words), 4096):
            embeddings.vectors(words[begin : begin + 4096])


def _entity_spans(text: str, toks: list[tuple[int, int]], tags: list[str]) -> list[Span]:
    out = []
    cased = _cased_clauses(text, toks)
    for first, last, tag in _joined(bioes_entities(tags)):
        for lo, hi in _cells(text, toks[first : last + 1], _pieces(text, toks[first : last + 1], tag, cased[first])):
            start, end = toks[first + lo][0], toks[first + hi][1]
            end = _before_label_line(text, start, end)
            if tag == "LOC" and lo and text[start:end].isdigit() and "\n" in text[toks[first + lo - 1][1] : start]:
                # a postcode on the next line of an address
                out.append(Span(start, end, "LOCATION", "model"))
                continue
            if _ordinary(text[start:end], tag, _next_name(text, end)) or _modal(text, start, end) or \
                    (" " not in text[start:end] and end - start >= 8 and _MEDICAL_SHAPE_RE.fullmatch(text[start:end])
                     and text[start:end].lower() not in first_names()) or \
                    (" " not in text[start:end] and tag != "PER" and _opening_word(text, start, end) and
                     text[start:end].lower() in stop_words()) or \
                    (tag == "PER" and _opening_word(text, start, end)) or _opening_preposition(text, start, end) or \
                    (tag in ("PER", "LOC") and _JOB_BEFORE_RE.search(text, max(0, start - 40), start)) or \
                    _label_or_instrument(text, start, end) or _form_label(text, start, end) or \
                    _determined_word(text, start, end) or _work_title(text, start) or method_name(text[start:end]) or \
                    _ROLE_POSSESSIVE_RE.fullmatch(text[start:end]) or _title_or_degree(text, start, end) or \
                    _idiom(text, start, end) or _generic_thing(text, start, end) or \
                    _FIELD_NAME_RE.search(text, start, end) or \
                    eponym(text, end) or \
                    (cased[first] and (_medical_lower(text[start:end]) or _dictionary_lower(text[start:end]) or
                                       (tag == "ORG" and text[start:end].islower()))) or \
                    (tag in ("PER", "ORG") and _acronym(text[start:end]) and clause_has_lower(text, start)
                     and not _SURNAME_FIRST_RE.match(text, end)):
                continue
            category = _CATEGORY_OF_TAG.get(tag) or person_role(text, start)
            out.append(Span(start, end, category, "model"))
    return _without_lower_people(text, out)


def _cells(text: str, toks: list[tuple[int, int]], pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Pieces split at a table's cell marks ("LICSW | Date", "Operations Lead | Harbour & Vine"): each cell
    is judged on its own."""
    out = []
    for lo, hi in pieces:
        begin = lo
        for i in range(lo, hi + 1):
            if text[toks[i][0] : toks[i][1]] == "|":
                if i > begin:
                    out.append((begin, i - 1))
                begin = i + 1
        if begin <= hi:
            out.append((begin, hi))
    if len(out) > len(pieces):  # a cell that is only a field's label ("| MRN", "| Docket No.", "| Grade 5, Room 12")
        out = [(lo, hi) for lo, hi in out if not all(
            w.lower() in _CELL_LABELS for w in re.findall(r"[^\W\d_]+", text[toks[lo][0] : toks[hi][1]]))]
    return out


_CELL_LABELS = frozenset(("mrn", "dob", "docket", "no", "case", "claim", "id", "member", "policy", "file", "referral",
                          "grade", "room", "age", "date", "order", "dated", "session", "visit", "unit", "bed"))


def _without_lower_people(text: str, spans: list[Span]) -> list[Span]:
    """In a sentence whose writer capitalises the names ("Met with peer recovery coach Lorenzo
    Begay"), a one-word person in lower case is a word ("peer", "verbalized"), unless it is a
    listed first name."""
    capitalised = [s for s in spans if s.category in PEOPLE and text[s.start].isupper() and
                   not opens(text, s.start, ".!?\n\"'(")]
    if not capitalised:
        return spans

    def word(span: Span) -> bool:
        value = text[span.start : span.end]
        if span.category not in PEOPLE or not value.isalpha() or not value.islower() or value in first_names() or \
                value in _PARTICLES or len(value) < 3:
            return False
        start, end = clause_span(text, span.start)
        return any(start <= other.start < end for other in capitalised)

    return [s for s in spans if not word(s)]




# A job title's place: "Occupation: Merchandiser", "works as a Contractor" (the job is no identifier).
_JOB_BEFORE_RE = re.compile(
    r"(?i:\b(?:occupation|job(?:\s+title)?|employment|profession|position|role)\s*:\s*(?:(?:part|full)-time\s+)?"
    r"|\bwork(?:s|ed|ing)?\s+as\s+(?:an?\s+)?(?:(?:part|full)-time\s+)?)$"
)


# A heading or form label at the start of a line ("Date:", "Modality:", "Plan:").
_LABEL_START_RE = re.compile(r"(?:^|\n)[ \t>*#-]*$")
# An instrument or scale ("WASI-II", "Inventory-II", "BDI-II"), a licence line ("North Carolina
# License"), a disease word in Title Case ("Hepatitis", "Nephropathy").
_INSTRUMENT_RE = re.compile(r"\b[A-Za-z]+-(?:II|III|IV|R|SF|TR|Ar)\b|\b(?:Inventory|Scale|Questionnaire|Checklist)\b|"
                            r"\bChild-Pugh\b|\bHunt\b.*\bHess\b|\bKernig\b|\bBrudzinski\b|\bBabinski\b")
# Test and therapy acronyms with an edition or form ("WAIS-V", "CPT-3", "MMPI-A-RF", "CBT-SP"), one or a list
_ACRONYM_LIST_RE = re.compile(r"[A-Z]{2,6}(?:-(?:[A-Z]{1,3}|\d{1,2}))+(?:,?[ \t]+[A-Z]{2,6}(?:-(?:[A-Z]{1,3}|\d{1,2}))+)*")
# A dose or a clock time inside an "entity" ("10mg qhs", "Agitation 5-8pm", "3pm CT").
_DOSE_OR_TIME_RE = re.compile(r"(?i)\d\s*(?:mg|mcg|ml|meq|units?|u|iu|cm|mm|mph|min|mins|hrs?|bpm|kg|lbs?|am|pm|"
                              r"a\.m\.|p\.m\.)(?![a-z])")
_ADDRESS_OR_FIRM_RE = re.compile(
    r"(?i)\b(?:street|st|avenue|ave|road|rd|lane|ln|drive|dr|court|ct|way|blvd|boulevard|place|pl|terrace|circle|"
    r"highway|hwy|route|apt|suite|unit|box|inc|llc|ltd|corp|co|gmbh|plc|group|partners)\b")
_CODE_RE = re.compile(r"\b(?:CPT|HCPCS|ICD-?(?:9|10)(?:-CM)?|DSM-?5(?:-TR)?|LOINC|SNOMED|NDC)\b")  # billing and code systems
_LICENCE_END_RE = re.compile(r"(?i).*\b(?:licen[cs]e[ds]?|certification|certified|board)$")
_DISEASE_SHAPE_RE = re.compile(r"[A-Z][a-z]+(?:itis|osis|emia|aemia|pathy|ectomy|otomy|plasty|scopy|algia|ism|iasis)")


def _label_or_instrument(text: str, start: int, end: int) -> bool:
    """A heading or form label, an instrument or scale, a licence line, a disease word, or a
    generic service or unit ("Outpatient Services", "GERIATRIC PSYCHIATRY UNIT")."""
    value = text[start:end]
    if _ACRONYM_LIST_RE.fullmatch(value) or _INSTRUMENT_RE.search(value) or _LICENCE_END_RE.fullmatch(value) or _DISEASE_SHAPE_RE.fullmatch(value) or \
            _CODE_RE.search(value) or _DOSE_OR_TIME_RE.search(value):
        return True
    words = [w.lower() for w in re.findall(r"[^\s,|/()]+", value)]
    if words and all(w in service_words() or w in abbreviations() or re.fullmatch(r"\d{1,3}[mf]", w) for w in words):
        return True
    if any(c.isdigit() for c in value) and not _ADDRESS_OR_FIRM_RE.search(text, start, min(len(text), end + 14)):
        # "Platelets 245", "3 cm", "HCTZ 25": numbers among ordinary words, no street or company word
        alpha = [w.lower() for w in re.findall(r"(?<![\w'’-])[^\W\d_][\w'’-]*", value)]  # not "st" of "61st"
        if all(w in lexicon() or w in lower_words() or plain_word(w) or w in abbreviations() for w in alpha):
            return True
    if text[end : end + 1] == ":" and _LABEL_START_RE.search(text, max(0, start - 6), start):
        words = [w.lower() for w in re.findall(r"[^\W\d_]+", value)]
        return all(w in lexicon() or w in lower_words() or plain_word(w) for w in words)
    return False


_LABEL_LINE_RE = re.compile(r"\n[ \t]*[^\W\d_][^\n:]{0,40}:")


def _before_label_line(text: str, start: int, end: int) -> int:
    """An entity ends before a line that opens with a form label ("...Garza\nEdad / Age: 52")."""
    label = _LABEL_LINE_RE.search(text, start, end + 45)
    if label and label.start() < end:
        return len(text[:label.start()].rstrip())
    return end


_DETERMINER_BEFORE_RE = re.compile(r"(?i)(?:^|[^\w'’])(?:the|a|an|my|your|his|her|our|their|its|this|that|last|next|"
                                   r"every|each|some|any|no)[ \t]+$")


# A job title ("Logistics Coordinator", "Ward Manager"), a degree ("BSc Nursing", "MSc Data
# Science"), a department ("Department of Marine Biology"), a compound ("Jack-of-all-trades")
_JOB_END = frozenset(("coordinator", "manager", "director", "assistant", "officer", "engineer", "analyst", "specialist",
                      "technician", "administrator", "supervisor", "consultant", "representative", "associate", "clerk",
                      "lead", "owner", "advisor", "adviser", "executive", "designer", "developer", "nurse", "worker"))


# Events and things named in Title Case that name nobody ("the Spring Concert", "Vigil Mass")
_EVENT_WORDS = frozenset(("concert", "concerts", "fair", "party", "mass", "bulletin", "roster", "blotter",
                          "conferences", "highlights", "roundup", "refreshments", "recital", "bake", "sale", "picnic",
                          "team", "desk", "essay", "building", "combo", "port"))
# A field name of a table or log ("bank_ac", "hire_date", "customer_id"): no name
_FIELD_NAME_RE = re.compile(r"\b[a-z]+_(?:[a-z]+_)*(?:id|ac|acct|no|num|number|date|name|code|type|amount|status|at|by|"
                            r"ip|addr|address|phone|email|time|ts|key|ref|count|total|flag|inr|pay|vpa|card)\b")
# A list of three or more Title Case items ("Sleeping Bags, Trekking Poles, Camping Stoves and Headlamps")
_ITEM = r"[A-Z][a-z'’-]+(?:[ \t]+[A-Z][a-z'’-]+){0,3}"
_TITLE_LIST_RE = re.compile(rf"(?:{_ITEM},[ \t]+){{2,}}(?:(?:and|&)[ \t]+)?{_ITEM}(?:,?[ \t]+(?:and|&)[ \t]+{_ITEM})?|"
                            rf"{_ITEM},[ \t]+{_ITEM},?[ \t]+(?:and|&)[ \t]+{_ITEM}")


def _generic_thing(text: str, start: int, end: int) -> bool:
    """An event ("Spring Concert") or an item of a list of product or topic categories, made
    only of dictionary words that are no given names: no identifier."""
    words = [w.lower() for w in re.findall(r"[^\W\d_]+", text[start:end]) if w != "and"]
    things = sum(_thing_word(w) for w in words)
    if not words or things < 0.75 * len(words):
        return False
    if words[-1] in _EVENT_WORDS and things == len(words):
        return True
    for match in _TITLE_LIST_RE.finditer(text, max(0, start - 120), min(len(text), end + 120)):
        if match.start() <= start and end <= match.end():
            items = [w.lower() for w in re.findall(r"[^\W\d_]+", match.group()) if w not in ("and",)]
            listed = sum(_thing_word(w) for w in items)  # a rarer plural may be missing ("Skillets")
            return listed >= 0.75 * len(items) and " " in match.group().replace(", ", ",")
    return False


def _thing_word(word: str) -> bool:
    singular = word[:-1] if word.endswith("s") else word
    return (word in lexicon() or plain_word(word) or singular in lexicon()) and word not in word_names() and word not in first_names() and \
        word.title() not in cities()


def _title_or_degree(text: str, start: int, end: int) -> bool:
    value = text[start:end]
    if re.search(r"\bDepartment[ \t]+of[ \t]+$", text[max(0, start - 16) : start]):
        return True  # "Department of [Marine Biology]"
    words = [w.lower() for w in re.findall(r"[^\W\d_][\w'’-]*", value)]
    if not words:
        return False
    if DEGREE_RE.match(value) or TITLE_ALONE_RE.fullmatch(value.strip()) or "-of-" in value.lower():
        return True
    plain = all(w in lexicon() or w in lower_words() or plain_word(w) for w in words)
    return (words[0] == "department" and len(words) > 2 and words[1] == "of") or (plain and words[-1] in _JOB_END)


# Names inside idioms and named battles ("a doubting Thomas", "every Tom, Dick and Harry")
_IDIOM_RE = re.compile(r"(?i)\b(?:doubting\s+thomas|tom,\s+dick\s+(?:and|&)\s+harry|jack\s+of\s+all\s+trades|"
                       r"peeping\s+tom|nosy\s+parker|smart\s+alec|battle\s+of\s+[A-Z][\w'’-]+)")


def _idiom(text: str, start: int, end: int) -> bool:
    return any(m.start() < end and start < m.end() for m in _IDIOM_RE.finditer(text, max(0, start - 30), end + 30))


# "client's", "pt's", "patient's": a role's possessive names no one
_ROLE_POSSESSIVE_RE = re.compile(r"(?i)(?:client|pt|patient|member|resident|writer|therapist|clinician)['’]s")
_CONTRACTED_RE = re.compile(r"[a-z]+(?:n['’]t|['’](?:ll|ve|re|d|m))")


def _determined_word(text: str, start: int, end: int) -> bool:
    """One lower-case dictionary word after an article or possessive ("my job", "the riff",
    "last autumn", "the walk-in"): a thing, whatever the case of the clause (a name after
    "my" comes with a relation word: "my sister hope")."""
    value = text[start:end]
    if " " in value or not value.islower() or value in first_names():
        return False
    if _CONTRACTED_RE.fullmatch(value):
        return True  # "couldn't", "we'll": a contraction names no one
    low = value.strip("'’")
    return (low in lexicon() or low in lower_words() or plain_word(low)) and \
        bool(_DETERMINER_BEFORE_RE.search(text, max(0, start - 8), start))


# A form label: a bilingual one ("Nombre / Name:", "Teléfono:") or one of several words with
# a lower-case word among them ("Idioma preferido:", "Contacto de emergencia:").
_BILINGUAL_AFTER_RE = re.compile(r"[ \t]*/[ \t]*[A-Z][\w ]{1,30}:")


_LABEL_TAIL_RE = re.compile(r"((?:[ \t]+[^\W\d_A-Z][\w'’-]*)*)[ \t]*(/[ \t]*[A-Z][\w ]{1,30})?:")


def _form_label(text: str, start: int, end: int) -> bool:
    if not _LABEL_START_RE.search(text, max(0, start - 6), start) and start != 0 and \
            not re.search(r"\|[ \t]*$", text[max(0, start - 4) : start]):  # "... | Date: 10/02"
        return False
    tail = _LABEL_TAIL_RE.match(text, end, min(len(text), end + 60))
    if not tail:
        return False
    if tail.group(2) or re.match(r"[ \t]*[+(]?\d", text[tail.end() : tail.end() + 4]):
        return True  # "Nombre / Name:", "Teléfono: 956-..."
    words = text[start:end].split()[1:] + tail.group(1).split()
    if any(w.islower() and w not in _PARTICLES for w in words):
        return True
    single = text[start:end].lower()  # "Policyholder:", "Programme:" (not "Hope:", a speaker)
    return " " not in single and not tail.group(1) and (single in lexicon() or single in lower_words()) and \
        single not in first_names() and \
        single not in word_names()


# A work named by what it is ("the novel Lanterns Over Quarry Lake", "the song Wonderwall"):
# a title, not a person or place.
_WORK_BEFORE_RE = re.compile(r"(?i)\b(?:the|a|an|his|her|their|my)[ \t]+(?:novel|book|film|movie|song|album|show|series|"
                             r"play|musical|poem|memoir|podcast|documentary|sitcom|opera|painting|video\s+game|game)"
                             r"[ \t]*[\"“']?$")


_TITLE_WORD_RE = re.compile(r"[A-Z][\w'’-]*|of|the|and|a|an|in|on|over|to|for|with|at|by|from|my|me|i")


def _work_title(text: str, start: int) -> bool:
    """Inside a title that follows what it names ("the novel Lanterns Over Quarry Lake")."""
    head = start
    for _ in range(8):  # back over the title's words, at most eight
        before = text[max(0, head - 16) : head]
        word = re.search(r"(\S+)[ \t]+$", before)
        if not word or not _TITLE_WORD_RE.fullmatch(word.group(1)) or _WORK_BEFORE_RE.search(text, max(0, head - 30), head):
            break
        head -= len(word.group())
    return bool(_WORK_BEFORE_RE.search(text, max(0, head - 30), head))


def _opening_preposition(text: str, start: int, end: int) -> bool:
    """"Per your request", "Per charge nurse", "Re: the letter": a preposition opening a line."""
    return opens(text, start) and text[start:end].lower() in ("per", "via", "re", "regarding", "attn")


def _opening_word(text: str, start: int, end: int) -> bool:
    """One ordinary word opening a sentence ("Police found her", "Young people"): its capital
    says nothing; a first name ("Roxanne is") or one of two people ("Park and Mann") stays a person."""
    value = text[start:end]
    opening = opens(text, start, ".!?:;(", lines=False)
    low = value.lower()
    return opening and value.isalpha() and low in lower_words() and low not in first_names() and \
        not _SURNAME_NEXT_RE.match(text, end) and not re.match(r"[ \t]+(?:and|&)[ \t]+[A-Z]", text[end : end + 8])


def _joined(entities: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Adjacent entities of one type as one ("Republic" + "of the Congo")."""
    out: list[tuple[int, int, str]] = []
    for first, last, kind in entities:
        if out and out[-1][2] == kind and out[-1][1] + 1 == first:
            out[-1] = (out[-1][0], last, kind)
        else:
            out.append((first, last, kind))
    return out


def _cased_clauses(text: str, toks: list[tuple[int, int]]) -> list[bool]:
    """Per token: does its clause (split at . ! ? and line breaks) use capitals at all?
    Lower-case words are judged only there; a clause typed all in lower case (names
    included) is left alone."""
    flags: list[bool] = []
    clause: list[int] = []
    for i, (start, end) in enumerate(toks + [(len(text), len(text))]):
        decimal = text[start:end] == "." and 0 < i < len(toks) - 1 and text[toks[i - 1][1] - 1].isdigit() and \
            text[toks[i + 1][0]].isdigit() and toks[i - 1][1] == start and toks[i + 1][0] == end  # "0.9"
        boundary = i == len(toks) or (text[start:end] in (".", "!", "?") and not decimal) or \
            (i > 0 and "\n" in text[toks[i - 1][1] : start])
        if boundary and clause:
            words = [toks[j] for j in clause if text[toks[j][0]].isalpha()]
            flags += [any(any(c.isupper() for c in text[s:e]) for s, e in words)] * len(clause)  # "qHS" too
            clause = []
        if i < len(toks):
            clause.append(i)
    return flags


def _pieces(text: str, toks: list[tuple[int, int]], tag: str, cased: bool) -> list[tuple[int, int]]:
    """(first, last) token indexes of what is left of one entity: a person or organisation is
    split at line breaks, a place where a line starts with quote or list marks ("> ", "??? ":
    the marks stay); in a clause that uses capitals, lower-case words go
    from the front of any entity ("see", "and") and from anywhere in a person ("commenter
    Ann", "Ann and Bo"); a place or organisation keeps lower-case words after its first
    capital ("San Isaac los altos", "Lucas et Fils") but not a trailing "and", "of"..."""
    runs: list[list[int]] = [[]]
    for i, (start, end) in enumerate(toks):
        if i and "\n" in text[toks[i - 1][1] : start] and (tag != "LOC" or not text[start].isalnum()):
            runs.append([])
        if any(c.isdigit() for c in text[start:end]) and (tag == "PER" or _AGE_NEXT_RE.match(text, start)):
            runs.append([])  # "72yo M John Whitfield", "Priya Raman, 6 y/o": the age is no part of it
            continue
        if text[start:end].lower() in drugs():  # "max Adderall": the drug is no part of a name
            runs.append([])
            continue
        if tag == "PER" and cased and _lower_word(text[start:end]):
            runs.append([])
            continue
        runs[-1].append(i)
    out = []
    for run in runs:
        while run and (_loose(text, toks[run[0]], cased) or _role_word(text, toks[run[0]], person=tag == "PER")
                       or (tag == "PER" and _sex_marker(text, toks, run))):
            run.pop(0)
        while run and _dangling(text, toks[run[-1]]):
            run.pop()
        if run:
            out.append((run[0], run[-1]))
    return out


_AGE_NEXT_RE = re.compile(r"\d+\s*(?:-\s*)?(?:y/?o\b|y\.o\.|yrs?\b|years?\b|year-old|yr-old|y\b|mo\b|months?\b)",
                          re.IGNORECASE)


def _loose(text: str, tok: tuple[int, int], cased: bool) -> bool:
    value = text[tok[0] : tok[1]]
    return not value[0].isalnum() or (cased and _lower_word(value)) or value.lower() in _DIRECTIONS


_DIRECTIONS = frozenset(("northern", "southern", "eastern", "western"))  # "Southern Tunisia": the region word
_PLAN_VERB_RE = re.compile(
    r"[ \t]+(?:discuss|continue|follow|call|monitor|review|consider|start|begin|plan|return|schedule|see|meet|send|"
    r"fax|check|reassess|repeat|titrate|increase|decrease|hold|refer|coordinate|contact|provide|complete|attend|"
    r"update|obtain|request|arrange|re-?evaluate|reassess|notify|follow-up|f/u)\b")
_MODALS = frozenset(("may", "will", "can", "could", "would", "should", "shall", "must", "did", "does", "do"))
_MODAL_NEXT_RE = re.compile(r"\s+(?:i|you|we|they|he|she|it)\b", re.IGNORECASE)
# "Hope to sleep through the night", "Hope that's okay", "Will power": a word name opening a
# sentence as the word it is
_WORD_USE_NEXT_RE = re.compile(r"(?i)(?:hope|wish)[ \t]+(?:to|that|so|you|we|i|it|this|the)\b|will[ \t]+power\b|"
                               r"(?:bill|sue|mark|rob|pat|grant)[ \t]+(?:me|us|them|him|her)\b")



# Endings of drug, disease and procedure words ("sertraline", "statins", "thyroiditis", "titration").
_MEDICAL_END_RE = re.compile(
    r"[a-z-]{2,}(?:ine|ide|one|pam|lam|pine|zole|mab|nib|pril|sartan|statin|olol|oxetine|azine|tidine|cycline|mycin|"
    r"cillin|vir|formin|gliptin|glutide|afil|triptan|dipine|parin|xaban|sone|mide|tide|ium|itis|osis|emia|"
    r"algia|pathy|ectomy|otomy|plasty|scopy|graphy|gram|ation|oid|mal|ate|ase|ol|in|pnea|uria|rrhea|rrhagia|"
    r"chezia|megaly|penia|cytosis|phagia|plegia|paresis|ptosis|stasis|trophy|phony|emesis|ysis)s?"
)


def _dictionary_lower(value: str) -> bool:
    """Lower-case dictionary words and numbers only ("meds", "6 beers"): in a sentence that
    uses capitals, no name."""
    words = [w.strip("'’") for w in value.split() if not w.replace(".", "").isdigit()]
    return value.islower() and all(w in lexicon() or w in lower_words() or plain_word(w) for w in words)


# English derivational endings ("cyberbullying", "homelessness", "codependency"): a lower-case
# word shaped like these in a sentence that uses capitals is a word, not a name.
_WORD_END_RE = re.compile(r"[a-z-]{3,}(?:ing|ness|ment|tion|sion|ity|ency|ancy|ism|ful|less|able|ible|ous|ive|ize|"
                          r"ise|ship|hood|ized|ised|ically)s?")


# Greek and Latin shapes of medical words ("substernal", "diaphoretic", "hyperglycemia",
# "bibasilar"): a single word with one of these prefixes and endings names no one.
_MEDICAL_SHAPE_RE = re.compile(
    r"(?i)(?:hyper|hypo|brady|tachy|dys|peri|sub|intra|inter|trans|poly|hemi|pseudo|neuro|cardi|gastr|hepat|nephr|"
    r"pulmon|oste|myo|derm|hema|hemo|angi|arthr|bronch|cephal|enter|lapar|pneum|thorac|thromb|trache|bi|anti|"
    r"post|dia|endo|epi|extra|infra|supra|retro|ortho|psych|schizo|somat|uro|cyst|cholecyst|append|lymph|"
    r"leuk|erythr|mening|encephal|ureth|vas|ven|hyster|mast)[a-z-]{2,}"
    r"(?:itis|osis|emia|algia|ectomy|otomy|plasty|scopy|pathy|plegia|paresis|rrhea|lysis|megaly|oma|genic|etic|"
    r"otic|ic|al|ar|ary|ous|ive|ate|ated|ized|ide|pnea|phoria|thymia|tus|ism|esis|asis)"
)


def _medical_lower(value: str) -> bool:
    """A word in lower case in a sentence that uses capitals, shaped like a drug, disease or
    procedure word: clinical content the tagger took for a name ("started sertraline")."""
    return bool(_MEDICAL_END_RE.fullmatch(value) or _WORD_END_RE.fullmatch(value))


_SURNAME_FIRST_RE = re.compile(r",[ \t]*[A-Z][a-z]")


def _acronym(value: str) -> bool:
    """One all-capitals word in a sentence that uses lower case that is a known abbreviation
    ("NSTEMI", "UTIs") or three letters at most ("ROI"): not a name (a surname in capitals
    comes with its first name: "OKAFOR, Ada"); a longer one ("ESPOO") may be a place."""
    word = value[:-1] if value.endswith("s") and value[:-1].isupper() else value
    if " " in value or not word.isupper():
        return False
    return value.lower() in abbreviations() or word.lower() in abbreviations() or (word.isalpha() and len(word) <= 3)


def _next_name(text: str, end: int) -> str:
    """The text after an entity when its next word is a capitalised word that is no English word."""
    match = _SURNAME_NEXT_RE.match(text, end)
    if match and match.group(1).lower() not in lexicon() and not plain_word(match.group(1).lower()):
        return text[end : match.end()]
    return ""


def _modal(text: str, start: int, end: int) -> bool:
    """A question opening a sentence ("May I ...", "Will you ..."), or a note typed in lower
    case that starts with one ("will fax release to her PCP"), not a person called May or Will."""
    words = text[start:end].split()
    if len(words) == 1 and _WORD_USE_NEXT_RE.match(text, start) and (opens(text, start, lines=False) or
                                                                      text[start:end].lower() in ("bill", "sue")):
        return True
    if not words or words[0].lower() not in _MODALS:
        return False
    opening = opens(text, start, lines=False)
    if opening and len(words) == 1 and words[0].islower() and re.match(r"[ \t]+[a-z]{2,}", text[end : end + 12]):
        return True
    if opening and len(words) == 1 and _PLAN_VERB_RE.match(text, end):  # "Will discuss switching ..."
        return True
    return opening and (len(words) > 1 and words[1].lower() in ("i", "you", "we", "they")
                        or bool(_MODAL_NEXT_RE.match(text, end)))


def _sex_marker(text: str, toks: list[tuple[int, int]], run: list[int]) -> bool:
    """"M"/"F" right after an age ("72yo M John"): a sex, not an initial."""
    start, end = toks[run[0]]
    if text[start:end] not in ("M", "F") or not run[0]:
        return False
    before = text[toks[run[0] - 1][0] : toks[run[0] - 1][1]]
    return any(c.isdigit() for c in before)


def _role_word(text: str, tok: tuple[int, int], person: bool = True) -> bool:
    """A relation or role word in front of a name ("Ex-wife Carla", "Sponsor Lou", "ex-Marine
    Dale"): it stays."""
    value = text[tok[0] : tok[1]].lower()
    if not person:  # "Psychiatry: ...", "DOCTOR": a role alone names no place or company
        return bool(_ROLE_RE.fullmatch(value)) and value not in ("partner", "partners")
    return bool(_ROLE_RE.fullmatch(value)) or value in stop_words() or value.startswith(("ex-", "former-"))


_ROLE_RE = re.compile(rf"(?:ex-|step-|former-)?(?:{RELATIVE_WORDS}|{OTHER_WORDS}|{CLINICIAN_WORDS}|pt|pts|patient|"
                      rf"client|prescriber|provider|psychiatry|psychology|therapy|parent|teacher|interpreter|evaluator|reviewer|"
                      rf"facilitator|advocate|navigator|specialist|coordinator|liaison|deacon|elder|minister|chaplain|pastor)s?")


def _dangling(text: str, tok: tuple[int, int]) -> bool:
    value = text[tok[0] : tok[1]]
    return not value[0].isalnum() or value in _TRAILING


def _lower_word(value: str) -> bool:
    """A word written in lower case that is an ordinary English word, never a first name
    (name particles such as "van", "de" and street words such as "rue" excepted)."""
    word = _CONTRACTION_RE.sub("", value)
    parts = word.split("-")
    return word[:1].islower() and word not in _PARTICLES and all(p in lower_words() for p in parts)


def bioes_entities(tags: list[str]) -> list[tuple[int, int, str]]:
    """(first token, last token, type) of each entity in a BIOES sequence, leniently:
    an I- or E- without its B- still starts an entity."""
    out: list[tuple[int, int, str]] = []
    current: list[Any] | None = None
    for i, tag in enumerate(tags):
        prefix, _, kind = tag.partition("-")
        if not kind:
            current = None
            continue
        if current and current[2] == kind and prefix in ("I", "E"):
            current[1] = i
        else:
            current = [i, i, kind]
            out.append(current)  # type: ignore[arg-type]
        if prefix in ("E", "S"):
            current = None
    return [(first, last, kind) for first, last, kind in out]


_SURNAME_NEXT_RE = re.compile(r"[ \t]+([A-Z][a-zà-ÿ'’-]{2,})\b")


def _ordinary(value: str, tag: str, surname_next: str = "") -> bool:
    """An "entity" without letters, or made only of frequent English words that are never
    names ("Hello", "Personal Info"), of nationalities, languages and directions ("Czech",
    "English", "Southern"), of chat and form labels ("Bot", "IBAN"), a Roman numeral
    ("Title VII"), words with a pronoun or function word among them (a song or book title
    in Title Case, never a name), a name ending in what it names ("Columbia protocol"), or a
    person made only of dictionary words ("Salesperson"), unless a surname follows it
    (``surname_next``, the text after it: "Jonah Whitcombe")."""
    if _ROMAN_RE.fullmatch(value.strip()) or HOLIDAY_RE.fullmatch(value.strip()) or _DOSE_RE.search(value) or \
            value.strip().strip("'’").lower() in demonyms() or plain_word(value.strip().lower()) or \
            _COMPOUND_RE.fullmatch(value.strip()):  # "Q'eqchi'", "Medi-Cal", "Irish-born"
        return True
    words = [w.lower() for w in _WORD_RE.findall(_CONTRACTION_RE.sub("", value)) if len(w) > 1]
    if not words:
        return True
    if all(plain_word(w) or w in _CONNECTORS or _ROLE_RE.fullmatch(w) for w in words):
        return True  # "Lutheran pastor", "Mennonite deacon"
    raw = _WORD_RE.findall(value)
    if any(w.lower() in _FUNCTION_WORDS and not w.isupper() for w in raw):  # a title: "(But Secretly Love)"
        return True
    if len(raw) > 1 and eponym(" " + raw[-1], 0):  # "Columbia protocol", "Hashimoto thyroiditis"
        return True
    return tag == "PER" and all((w in lexicon() and w not in first_names()) or w in abbreviations() or w in drugs()
                                for w in words) and \
        not (surname_next and _SURNAME_NEXT_RE.match(surname_next))


# "Irish-born", "Persian-speaking", "Gottman-informed": a description, not a name
_COMPOUND_RE = re.compile(r"[A-Z][\w'’]+-(?:born|speaking|raised|american|based|informed|style|led|focused|language)")
_CONNECTORS = frozenset(("and", "or", "of", "the", "with", "for", "via", "re"))
_FUNCTION_WORDS = frozenset(("but", "me", "you", "my", "your", "we", "us", "our", "him", "his", "she", "he", "they",
                             "them", "is", "are", "was", "were", "to", "not", "if", "because", "when", "why"))
# A dose or measurement inside an "entity" ("citalopram 40 mg", "10 mg", "mcg/kg"): clinical content.
_DOSE_RE = re.compile(r"(?:^|\d\s*)(?:mg|mcg|µg|g|kg|ml|l|units?|iu|meq|mmol|mmhg|ms|bpm|%)(?:/\w+)?$",
                      re.IGNORECASE)
_ROMAN_RE = re.compile(r"(?=[IVXLC]{2,})M*(?:C[MD]|D?C{0,3})(?:X[CL]|L?X{0,3})(?:I[XV]|V?I{0,3})")

_DEFAULT = Tagger()


def default_tagger() -> Tagger:
    """The process-wide tagger over the shipped model."""
    return _DEFAULT
