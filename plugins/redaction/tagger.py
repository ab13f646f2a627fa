"""Layer 3: the project's flair tagger for names, places and organisations nobody listed.

flair is imported on first use only (it costs ~5 s). When the model file is missing or
cannot load, one warning is logged and the tagger returns no spans: layers 1 and 2 still
apply. Sentences are tagged in batches.
"""
from __future__ import annotations

import functools
import logging
import re
import threading
from pathlib import Path
from typing import Any

from hooks.types import Span
from plugins.redaction.inference import predict_tags
from plugins.redaction.roles import person_role
from plugins.redaction.textutil import sentences, tokenize
from plugins.redaction.variants import stop_words

log = logging.getLogger(__name__)

MODEL_PATH = Path(__file__).parent / "model" / "phi-tagger.pt"
TAG_OF = {"PATIENT": "PER", "RELATIVE": "PER", "CLINICIAN": "PER", "PERSON": "PER",
          "LOCATION": "LOC", "ORG": "ORG"}
_CATEGORY_OF_TAG = {"LOC": "LOCATION", "ORG": "ORG"}
_WORD_RE = re.compile(r"[^\W\d_]+")


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

            return SequenceTagger.load(str(self.path))
        except Exception as exc:  # a corrupt or incompatible file must not stop redaction
            log.warning("redaction tagger failed to load from %s (%s): layers 1+2 only",
                        self.path, type(exc).__name__)
            return None

    def spans(self, text: str) -> list[Span]:
        """Spans of PER/LOC/ORG entities the model finds in ``text`` (original offsets)."""
        model = self._load()
        if model is None or not text.strip():
            return []
        offsets = [toks for s, e in sentences(text) if (toks := tokenize(text, s, e))]
        with self._lock:
            tags = predict_tags(model, [[text[s:e] for s, e in toks] for toks in offsets])
        return [span for toks, sent_tags in zip(offsets, tags, strict=True) for span in _entity_spans(text, toks, sent_tags)]


def _entity_spans(text: str, toks: list[tuple[int, int]], tags: list[str]) -> list[Span]:
    out = []
    for first, last, tag in bioes_entities(tags):
        start, end = toks[first][0], toks[last][1]
        if _ordinary(text[start:end], tag):
            continue
        category = _CATEGORY_OF_TAG.get(tag) or person_role(text, start)
        out.append(Span(start, end, category, "model"))
    return out


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


def _ordinary(value: str, tag: str) -> bool:
    """An "entity" without letters, or made only of frequent English words that are never
    names ("Hello", "Personal Info"), or a person made only of dictionary words ("Salesperson")."""
    words = [w.lower() for w in _WORD_RE.findall(value) if len(w) > 1]
    if not words:
        return True
    return all(w in stop_words() for w in words) or (tag == "PER" and all(w in lexicon() for w in words))


@functools.lru_cache(maxsize=1)
def lexicon() -> frozenset[str]:
    path = Path(__file__).parent / "data" / "lexicon.txt"
    if not path.is_file():
        return frozenset()
    return frozenset(w for w in path.read_text(encoding="utf-8").split() if not w.startswith("#"))


_DEFAULT = Tagger()


def default_tagger() -> Tagger:
    """The process-wide tagger over the shipped model."""
    return _DEFAULT
