"""Layer 3: the shipped flair tagger loads, tags, and degrades clearly when missing."""
from __future__ import annotations

import logging
from pathlib import Path

import pytest

from hooks.types import KnownIdentifiers
from plugins.redaction import redact
from plugins.redaction.tagger import MODEL_PATH, Tagger
from tests.plugins.redaction.helpers import is_hidden, is_kept


def test_model_ships_small() -> None:
    assert MODEL_PATH.is_file() and MODEL_PATH.stat().st_size < 4_000_000


def test_tagger_finds_unlisted_people_places_and_orgs(tagger: Tagger) -> None:
    text = "Yesterday Marguerite Okonkwo told me her boss at Brightwater Logistics moved to Tallahassee."
    found = {text[s.start : s.end]: s.category for s in tagger.spans(text)}
    assert found.get("Marguerite Okonkwo") == "PERSON"
    assert "Brightwater Logistics" in found and "Tallahassee" in found
    assert all(s.layer == "model" for s in tagger.spans(text))


@pytest.mark.parametrize(("text", "value"), [
    ("She said her cousin Dariusz keeps borrowing money.", "Dariusz"),  # unlisted relative, capitalised
    ("Client met with Thandiwe Mokoena, her new caseworker.", "Thandiwe Mokoena"),  # unlisted full name
    ("she met with bartholomew kowalski yesterday.", "bartholomew kowalski"),  # lower-case unlisted full name
    ("client says her brother dmitri moved out.", "dmitri"),  # lower-case unlisted relative
    ("She moved from Ljubljana last spring.", "Ljubljana"),  # unlisted place
])
def test_pipeline_hides_what_only_the_tagger_knows(tagger: Tagger, text: str, value: str) -> None:
    result = redact(text, None, tagger=tagger)
    assert is_hidden(result, text, value), result.text


@pytest.mark.parametrize(("text", "known", "value", "hidden"), [
    # lower-case known name that is also a word, with the surname: certain
    ("she spoke with hope alvarado yesterday.", KnownIdentifiers(patient=["Hope Alvarado"]), "hope alvarado", True),
    # the same word used as a verb stays
    ("i hope the new dose helps.", KnownIdentifiers(patient=["Hope Alvarado"]), "hope", False),
    # "will" as a verb while a relative is called Will
    ("she will call her mother tonight.", KnownIdentifiers(relative=["Will Turner"]), "will", False),
    # a clause typed without capitals gives no case evidence: the charted name is hidden ...
    ("when gaurangi visits, robin feels anxious for days.", KnownIdentifiers(patient=["Robin Okafor"]), "robin", True),
    ("she still has hope about the job.", KnownIdentifiers(patient=["Hope Alvarado"]), "hope", True),
    # ... but in a cased sentence the lower-case word is the word
    ("She still has hope about the job.", KnownIdentifiers(patient=["Hope Alvarado"]), "hope", False),
])
def test_tagger_decides_names_that_are_words(tagger: Tagger, text: str, known: KnownIdentifiers,
                                            value: str, hidden: bool) -> None:
    result = redact(text, known, tagger=tagger)
    assert (is_hidden if hidden else is_kept)(result, text, value), result.text


@pytest.mark.parametrize("text", [
    "Client practiced grounding skills and rated anxiety 7 out of 10.",  # plain note
    "Will you be able to practice this at home?",  # question word that is also a name
    "She hopes to return to college in the spring.",  # ordinary words only
])
def test_tagger_leaves_plain_text_alone(tagger: Tagger, text: str) -> None:
    assert redact(text, None, tagger=tagger).text == text


def test_missing_model_degrades_to_layers_one_and_two(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    # Given no model file, When redacting, Then one warning says so and layers 1+2 still work.
    missing = Tagger(tmp_path / "absent.pt")
    caplog.set_level(logging.WARNING)
    text = "Ines Halvorsen called 503-555-0187 about Quillan."
    result = redact(text, KnownIdentifiers(patient=["Ines Halvorsen"]), tagger=missing)
    assert not missing.available
    assert "Halvorsen" not in result.text and "503-555-0187" not in result.text
    assert "Quillan" in result.text  # only the tagger would have found him
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING and "tagger" in r.getMessage()]
    assert len(warnings) == 1 and "patterns still apply" in warnings[0].getMessage()


def test_corrupt_model_degrades(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    bad = tmp_path / "bad.pt"
    bad.write_bytes(b"not a model")
    caplog.set_level(logging.WARNING)
    assert Tagger(bad).spans("Dariusz called.") == []
    assert any("failed to load" in r.getMessage() for r in caplog.records)


def test_fast_inference_matches_flair_predict(tagger: Tagger) -> None:
    from plugins.redaction import inference

    model = tagger._load()
    sentences = [["Yesterday", "Marguerite", "Okonkwo", "called", "."], ["She", "moved", "to", "Ljubljana"],
                 ["Plain", "words", "only", "."]]
    assert inference.predict_tags(model, sentences, threshold=None) == inference._flair_predict(model, sentences)


@pytest.mark.parametrize(("tags", "entities"), [
    (["O", "B-PER", "E-PER", "O"], [(1, 2, "PER")]),  # a two-token person
    (["S-LOC", "O", "S-ORG"], [(0, 0, "LOC"), (2, 2, "ORG")]),  # single-token entities
    (["O", "I-PER", "E-PER"], [(1, 2, "PER")]),  # an entity whose B- went missing still counts
    (["B-PER", "B-PER", "E-PER"], [(0, 0, "PER"), (1, 2, "PER")]),  # a new B- starts a new entity
    (["O", "O"], []),  # nothing
])
def test_bioes_entities(tags: list[str], entities: list[tuple[int, int, str]]) -> None:
    from plugins.redaction.tagger import bioes_entities

    assert bioes_entities(tags) == entities


def _cleaned(text: str, tags: list[str]) -> list[str]:
    """Values the tagger would report for ``text`` had the network predicted ``tags``."""
    from plugins.redaction.tagger import _entity_spans
    from plugins.redaction.textutil import tokenize

    toks = tokenize(text)
    assert len(toks) == len(tags), [text[s:e] for s, e in toks]
    return [text[s.start : s.end] for s in _entity_spans(text, toks, tags)]


@pytest.mark.parametrize(("text", "tags", "values"), [
    # lower-case common words at the front of an entity are not part of it
    ("For more, see Quillon Press.", ["O", "O", "O", "B-ORG", "I-ORG", "E-ORG", "O"], ["Quillon Press"]),
    # a person does not contain lower-case words: split around them
    ("Ask commenter Odalys Brevik and Tamsin.", ["O", "B-PER", "I-PER", "I-PER", "I-PER", "E-PER", "O"],
     ["Odalys Brevik", "Tamsin"]),
    # lower-case ordinary words in a cased sentence are never a person, whatever the surname lists say
    ("He worked in outbound sales for years.", ["O", "O", "O", "B-PER", "E-PER", "O", "O", "O"], []),
    # a sentence typed all in lower case keeps its lower-case names
    ("i saw bartholomew young at the mall.", ["O", "O", "B-PER", "E-PER", "O", "O", "O", "O"],
     ["bartholomew young"]),
    # a lower-case sentence run on after a cased one is judged on its own
    ("Seen at Mckenzie LLC. catarina lives near chindamo group.",
     ["O", "O", "B-ORG", "E-ORG", "O", "S-PER", "O", "O", "B-ORG", "E-ORG", "O"],
     ["Mckenzie LLC", "catarina", "chindamo group"]),
    # a place keeps lower-case words after its capital, and "S-LOC I-LOC" stays one place
    ("She moved to San Isaac los altos.", ["O", "O", "O", "B-LOC", "I-LOC", "I-LOC", "E-LOC", "O"],
     ["San Isaac los altos"]),
    ("Near Republic of the Congo.", ["O", "S-LOC", "I-LOC", "I-LOC", "S-LOC", "O"], ["Republic of the Congo"]),
    # a name does not run over a line break into the next field
    ("Name: Karin Beike\nLeasing", ["O", "O", "B-PER", "I-PER", "E-PER"], ["Karin Beike"]),
    # contractions are not names
    ("They're late.", ["S-PER", "O", "O"], []),
])
def test_entity_cleanup(text: str, tags: list[str], values: list[str]) -> None:
    assert _cleaned(text, tags) == values
