"""Grounding check of model-written sections against what the clinician and chart said.

A model's draft is used only when every check passes; otherwise the template backend writes
the note and the problem codes are audited. Problems are codes (``unsupported_number``,
``risk_misstated:si``...), never quotes of the text. What is checked:

- every requested section is present and not empty; no section is absurdly long;
- each section reads as prose (a few words, mostly letters, no JSON debris or prompt echo);
- numbers (digits and number words) and quantities with their unit ("2 hours"), month and
  weekday names, ICD-10 codes, diagnosis
  names, medication names and medication talk, mental-status terms, history claims and
  double-quoted text all appear in the source (Session Input, chart facts, prior notes);
- risk statements match the screen: "denies SI" only when SI was screened ``denied``, an
  affirmed mention only when endorsed or written by the clinician, "not assessed" only when
  not assessed; no risk level the clinician did not give;
- goal ids cited exist among the active goals; no placeholder is left unrestored.
"""
from __future__ import annotations

import re

from plugins.notes import vocab
from plugins.notes.compose import Facts
from plugins.notes.safety import affirmed_kinds, mentions
from plugins.notes.spelling import medications

MAX_SECTION_CHARS = 6000
NUMBER_WORDS = {"two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
                "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12",
                "fifteen": "15", "twenty": "20", "thirty": "30", "forty": "40", "fifty": "50",
                "sixty": "60", "hundred": "100", "twice": "2"}
MIN_WORDS = 4
_DIGITS = re.compile(r"\d+")
_QUANTITY = re.compile(r"\b(\d+)\s*-?\s*(minute|hour|day|week|month|year|night|session|time|"
                       r"shift|mg)s?\b", re.I)
_DEBRIS = re.compile(r"[{}]|\bSESSION INPUT\b|\bCHART\b|^\s*\w+\s*:\s*$")
_NUMBER_WORD = re.compile(r"\b(" + "|".join(NUMBER_WORDS) + r")\b", re.I)
_MONTH_DAY = re.compile(r"\b(january|february|march|april|may|june|july|august|september|"
                        r"october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|"
                        r"dec|monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
                        r"yesterday|tomorrow)\b", re.I)
_ICD = re.compile(r"\b[A-TV-Z]\d{2}(?:\.\d{1,4})?\b")
_GOAL_ID = re.compile(r"\bG\d{1,2}\b")
_PLACEHOLDER = re.compile(r"\[[A-Z]+_\d+\]")
_QUOTE = re.compile(r"[\"“”]([^\"“”]{3,})[\"“”]")
_MED_TALK = re.compile(r"\b(?:mg|mcg|milligrams?|dosage|dose[sd]?|prescri\w+|medications?|"
                       r"titrat\w+|refills?|pharmacotherapy)\b", re.I)
DIAGNOSIS_TERMS = ("bipolar", "schizophreni", "schizoaffective", "ptsd", "post-traumatic",
                   "posttraumatic", "adhd", "attention-deficit", "personality disorder",
                   "borderline", "ocd", "obsessive-compulsive", "anorexia", "bulimia",
                   "binge eating", "autism", "psychosis", "psychotic", "major depressive",
                   "generalized anxiety", "panic disorder", "social anxiety",
                   "adjustment disorder", "use disorder", "dementia", "dysthymi")
MSE_TERMS = ("euthymic", "dysphoric", "constricted", "blunted", "flat affect", "labile",
             "congruent", "tearful", "well-groomed", "groomed", "dishevel", "eye contact",
             "oriented", "linear", "goal-directed", "tangential", "circumstantial",
             "psychomotor", "hallucinat", "delusion", "insight", "judgment", "judgement",
             "thought process", "thought content", "speech", "appropriately dressed",
             "cooperative", "guarded", "agitated", "affect was", "affect is", "affect appeared",
             "mood was", "mood is")
HISTORY_TERMS = ("history of", "hospitali", "inpatient", "arrest", "divorc", "abuse",
                 "overdose", "previous episode", "prior episode", "childhood")
RISK_LEVEL = re.compile(r"\b(?:low|moderate|high|minimal|imminent|elevated)\s+(?:suicide\s+)?"
                        r"risk\b|\bno (?:safety|risk) (?:concerns|issues)\b|\bnot at risk\b", re.I)


def source_text(facts: Facts) -> str:
    """Everything a draft may draw on, as one lower-cased text."""
    s, chart = facts.session, facts.chart
    parts = list(s.free_text().values()) + list(s.other_interventions)
    parts += [vocab.INTERVENTION_PHRASE[i] for i in s.interventions]
    parts += [s.cpt, vocab.CPT_SERVICE.get(s.cpt, ""), vocab.MODALITY_PHRASE.get(s.modality, "")]
    parts += [f"{t:%H:%M}" for t in (s.start, s.stop) if t]
    parts += [f"{s.minutes} minutes"] if s.minutes else []
    parts += [f"{d.code} {d.title}" for d in chart.diagnoses]
    for goal in chart.goals:
        parts += [goal.id, goal.text, *goal.objectives, *goal.interventions]
    for score in chart.scores:
        parts += [score.instrument, str(score.total), score.band, score.date.isoformat(),
                  str(score.item9 if score.item9 is not None else "")]
    parts += [t.line() for t in facts.thread.trends]
    parts += [n.text for n in chart.prior_notes] + [chart.encounter_reason]
    if chart.encounter_date:
        parts.append(chart.encounter_date.isoformat())
    return "\n".join(p for p in parts if p).lower()


def check(sections: dict[str, str], expected: tuple[str, ...], facts: Facts) -> list[str]:
    """Problem codes for a model's sections; empty when the draft may be used."""
    problems = [f"missing_section:{n}" for n in expected if not sections.get(n, "").strip()]
    problems += [f"too_long:{n}" for n in expected if len(sections.get(n, "")) > MAX_SECTION_CHARS]
    problems += [f"not_prose:{n}" for n in expected
                 if sections.get(n, "").strip() and not _is_prose(sections[n])]
    text = "\n".join(sections.get(n, "") for n in expected)
    source = source_text(facts)
    for probe in (_numbers, _quantities, _dates, _codes, _diagnoses, _medications, _mental_status,
                  _history, _quotes, _placeholders):
        problems += probe(text, source)
    problems += _risk(text, facts) + _goals(text, facts)
    return list(dict.fromkeys(problems))


def _numbers(text: str, source: str) -> list[str]:
    known = {d.lstrip("0") or "0" for d in _DIGITS.findall(source)}
    said = {d.lstrip("0") or "0" for d in _DIGITS.findall(text)}
    for match in _NUMBER_WORD.finditer(text):
        word = match.group(1).lower()
        if word not in source:
            said.add(NUMBER_WORDS[word])
    return ["unsupported_number"] if said - known else []


def _is_prose(text: str) -> bool:
    """At least a short sentence of words, not JSON debris or an echo of the prompt."""
    words = re.findall(r"[A-Za-z]{2,}", text)
    letters = sum(c.isalpha() for c in text)
    return (len(words) >= MIN_WORDS and letters >= 0.6 * len(text.replace(" ", ""))
            and not _DEBRIS.search(text))


def _quantity_pairs(text: str) -> set[tuple[str, str]]:
    return {(n.lstrip("0") or "0", unit.lower()) for n, unit in _QUANTITY.findall(text)}


def _quantities(text: str, source: str) -> list[str]:
    """A number with a unit ("2 hours", "50-minute") must appear with that unit in the source."""
    return ["unsupported_quantity"] if _quantity_pairs(text) - _quantity_pairs(source) else []


def _words_absent(found: list[str], source: str) -> bool:
    return any(w.lower() not in source for w in found)


def _dates(text: str, source: str) -> list[str]:
    return ["unsupported_date"] if _words_absent(_MONTH_DAY.findall(text), source) else []


def _codes(text: str, source: str) -> list[str]:
    return ["unsupported_diagnosis_code"] if _words_absent(_ICD.findall(text), source) else []


def _terms(text: str, source: str, terms: tuple[str, ...]) -> bool:
    low = text.lower()
    return any(t in low and t not in source for t in terms)


def _diagnoses(text: str, source: str) -> list[str]:
    return ["unsupported_diagnosis"] if _terms(text, source, DIAGNOSIS_TERMS) else []


def _medications(text: str, source: str) -> list[str]:
    words = set(re.findall(r"[a-z]+", text.lower()))
    named = [w for w in words & medications() if w not in source]
    talk = _words_absent(_MED_TALK.findall(text), source)
    return ["unsupported_medication"] if named or talk else []


def _mental_status(text: str, source: str) -> list[str]:
    return ["unsupported_mental_status"] if _terms(text, source, MSE_TERMS) else []


def _history(text: str, source: str) -> list[str]:
    return ["unsupported_history"] if _terms(text, source, HISTORY_TERMS) else []


def _norm(text: str) -> str:
    return " ".join(re.findall(r"[\w']+", text.lower()))


def _quotes(text: str, source: str) -> list[str]:
    plain = _norm(source)
    return ["unsupported_quote" for q in _QUOTE.findall(text) if _norm(q) not in plain][:1]


def _placeholders(text: str, source: str) -> list[str]:
    return ["unresolved_placeholder"] if _PLACEHOLDER.search(text) else []


def _risk(text: str, facts: Facts) -> list[str]:
    s = facts.session
    said = affirmed_kinds("\n".join(s.free_text().values()))
    screens = {"si": s.si_screen, "hi": s.hi_screen}
    problems = []
    for m in mentions(text):
        screen = screens[m.kind]
        wrong = ((m.polarity == "negated" and screen != "denied")
                 or (m.polarity == "affirmed" and screen != "endorsed" and m.kind not in said)
                 or (m.polarity == "not_assessed" and screen not in ("not_assessed", "")))
        if wrong:
            problems.append(f"risk_misstated:{m.kind}")
    levels = [m.group(0) for m in RISK_LEVEL.finditer(text)]
    if _words_absent(levels, "\n".join(s.free_text().values()).lower()):
        problems.append("unsupported_risk_level")
    return problems


def _goals(text: str, facts: Facts) -> list[str]:
    known = {g.id.upper() for g in facts.chart.goals}
    return ["unknown_goal" for gid in _GOAL_ID.findall(text) if gid.upper() not in known][:1]
