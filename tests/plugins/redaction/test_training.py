"""The script that reproduces the shipped tagger runs end to end (a tiny run: the pipeline
is what is tested here, not the model's quality, which bench/redaction.py measures)."""
from __future__ import annotations

from pathlib import Path

from plugins.redaction.tagger import Tagger
from plugins.redaction.training.synth import Generator
from plugins.redaction.training.train import bioes, train


def test_training_data_is_bioes_over_synthetic_sessions() -> None:
    sample = Generator(7, "train", general_share=0.3, person_variety=0.15).session()
    rows = [row for sentence in bioes(sample) for row in sentence]
    tags = {tag for _, tag in rows}
    assert tags <= {"O"} | {f"{p}-{t}" for p in "BIES" for t in ("PER", "LOC", "ORG")}
    assert any(tag != "O" for tag in tags)  # a session always names someone


def test_a_tiny_training_run_saves_a_model_the_tagger_loads(tmp_path: Path) -> None:
    out = tmp_path / "tiny.pt"
    train(sessions=6, epochs=1, out=out, hidden=8, char_hidden=8, general_share=0.3, person_variety=0.15, seed=1)
    tagger = Tagger(out)
    assert out.is_file() and tagger.available
    labels = set(tagger._load().label_dictionary.get_items())
    assert {"S-PER", "B-LOC", "E-ORG"} <= labels  # trained on the three entity types, in BIOES
    text = "She met Quillan Ostergaard in Brekkestad last week."
    assert all(text[s.start : s.end].strip() for s in tagger.spans(text))  # spans are in the text's offsets
