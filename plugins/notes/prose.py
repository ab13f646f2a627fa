"""Small text helpers that let the clinician's words sit inside clinical sentences.

The clinician's text is never paraphrased: it is embedded after a lead-in ("Session focused
on ...") or, when it already has a subject ("Client reports ..."), kept as its own sentence.
Only the first letter may be lowered, and only for a common word (never a name); a leading
"Pt"/"Clt" shorthand reads "Client".
:class:`Voice` picks phrasings deterministically from a seed (the event's source key), so two
clients' notes do not read as clones while a re-draft of the same event reads the same.
"""
from __future__ import annotations

import hashlib
import random
import re
from collections.abc import Sequence

SUBJECTS = frozenset({"client", "clt", "pt", "patient", "he", "she", "they", "we", "i",
                      "client's", "patient's", "his", "her", "their", "mother", "father",
                      "parent", "parents", "family", "guardian", "writer", "clinician",
                      "therapist"})
_PT = re.compile(r"^(?:pt|clt)\b\.?", re.I)
_LOWERABLE_SUFFIX = re.compile(r"(?:ing|ed|ness|ity|tion|sion|ment|ous|ive|ly|ance|ence|ism)$")
_LOWERABLE = frozenset(re.findall(r"\S+", """a an the some any more less low poor high ongoing continued
difficulty difficulties conflict conflicts anxiety anxious depression depressed sleep work
school stress worry worries grief trouble problems problem relationship relationships family
feelings panic anger irritability mood fatigue tiredness appetite concentration motivation
self-esteem avoidance isolation loneliness rumination nightmares flashbacks insomnia
tearfulness hopelessness guilt shame fear fears urges cravings substance alcohol use missed
unable decreased improved worse better partner marital parenting job housing financial
social daily homework review practice exposure skills coping communication boundaries
transition loss trauma intrusive avoided sad tired irritable restless withdrawn calm
engaged attentive tearful cooperative"""))


class Voice:
    """Deterministic phrasing choices seeded by a stable key."""

    def __init__(self, seed: str) -> None:
        digest = hashlib.sha256(seed.encode("utf-8")).hexdigest()
        self._rng = random.Random(int(digest[:16], 16))

    def pick(self, options: Sequence[str]) -> str:
        return options[self._rng.randrange(len(options))]


def first_word(text: str) -> str:
    match = re.match(r"\W*([\w'’-]+)", text)
    return match.group(1) if match else ""


def has_subject(text: str) -> bool:
    """Does the clinician's text already read as a sentence with its own subject?"""
    return first_word(text).lower() in SUBJECTS


def _lowerable(word: str) -> bool:
    if len(word) < 2 or not word[0].isupper() or not word[1:].islower():
        return False
    low = word.lower()
    return low in _LOWERABLE or bool(_LOWERABLE_SUFFIX.search(low))


def clause(text: str) -> str:
    """``text`` ready to follow a lead-in: trailing stop removed, common first word lowered."""
    text = text.strip().rstrip(".")
    word = first_word(text)
    if word and _lowerable(word) and text.startswith(word):
        text = word.lower() + text[len(word):]
    return text


def sentence(text: str) -> str:
    """``text`` as a sentence: capitalised, ending in a stop (unless it ends in ?, ! or ...)."""
    text = text.strip()
    if not text:
        return ""
    if text[0].islower():
        text = text[0].upper() + text[1:]
    tail = text.rstrip(")]\"'”’")
    return text if tail and tail[-1] in ".!?" else text + "."


def lead(voice: Voice, options: Sequence[str], text: str) -> str:
    """One sentence: the clinician's own if it has a subject, else a lead-in plus ``text``."""
    if not text:
        return ""
    if has_subject(text):
        return sentence(_PT.sub("Client", text, count=1))
    return sentence(voice.pick(options).format(clause(text)))


def join_list(items: Sequence[str]) -> str:
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def excerpt(text: str, limit: int = 90) -> str:
    """The first clause of ``text`` (up to ``limit`` characters, cut at a word)."""
    first = re.split(r"[.;\n]", clause(text), maxsplit=1)[0].strip()
    if len(first) <= limit:
        return first
    cut = first[:limit]
    return cut[:cut.rfind(" ")].rstrip(",") if " " in cut else cut


def paragraph(*sentences: str) -> str:
    return " ".join(s for s in sentences if s)
