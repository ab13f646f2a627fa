"""Train the shipped PHI tagger from synthetic sessions (offline, CPU, ~12 minutes).

    PYTHONHASHSEED=0 OMP_NUM_THREADS=1 python -m plugins.redaction.training.train --out /tmp/phi-tagger.pt

The defaults are the recommended model: 2,500 sessions, 14 epochs, BiLSTM 96 over a
character LSTM 48, 30 % of sentences from the general (non-clinical) templates, 15 % of
those session-style person sentences, torch seeded (``--seed``). Without the general share
the tagger does well on therapy notes and misses employers, European addresses and lone
names in other prose; ``PYTHONHASHSEED=0`` fixes Faker's set order so the data repeat.

Embeddings are local only: a character LSTM per token (``BatchedCharEmbeddings``) over a
character dictionary built in code. No word vocabulary: names are learnt from their shape
and their context, so unseen names and unseen ordinary words are treated alike.
"""
from __future__ import annotations

import argparse
import logging
import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from plugins.redaction.tagger import MODEL_PATH, TAG_OF
from plugins.redaction.textutil import sentences, tokenize
from plugins.redaction.training.synth import Generator, Sample

if TYPE_CHECKING:
    from flair.data import Dictionary

log = logging.getLogger(__name__)
_PREFIX = {(True, True): "S-", (True, False): "B-", (False, True): "E-", (False, False): "I-"}


def bioes(sample: Sample) -> list[list[tuple[str, str]]]:
    """Token/tag rows of each sentence of ``sample`` (tags PER, LOC, ORG in BIOES)."""
    out = []
    for s_start, s_end in sentences(sample.text):
        toks = tokenize(sample.text, s_start, s_end)
        tags = [_tag_of(start, end, sample.spans) for start, end in toks]
        out.append([(sample.text[s:e], t) for (s, e), t in zip(toks, _to_bioes(tags), strict=True)])
    return out


def _tag_of(start: int, end: int, spans: list[tuple[int, int, str]]) -> str:
    for s, e, category in spans:
        if s < end and start < e and category in TAG_OF:
            return TAG_OF[category]
    return "O"


def _to_bioes(tags: list[str]) -> list[str]:
    out = []
    for i, tag in enumerate(tags):
        if tag == "O":
            out.append("O")
            continue
        first = i == 0 or tags[i - 1] != tag
        last = i == len(tags) - 1 or tags[i + 1] != tag
        out.append(_PREFIX[(first, last)] + tag)
    return out


def training_chars(chars: Dictionary) -> Dictionary:
    """The shipped character set plus Greek letters (Cypriot and Greek addresses in the
    general sentences); the dictionary is saved inside the model, so inference needs nothing."""
    for code in range(0x386, 0x3CF):
        if chr(code).isalpha():
            chars.add_item(chr(code))
    return chars


def write_split(path: Path, seed: int, count: int, general_share: float = 0.0,
                person_variety: float = 0.0) -> list[list[tuple[str, str]]]:
    gen = Generator(seed, "train", general_share, person_variety)
    rows = [sent for _ in range(count) for sent in bioes(gen.session())]
    path.write_text("\n\n".join("\n".join(f"{w}\t{t}" for w, t in sent) for sent in rows) + "\n", encoding="utf-8")
    return rows


def train(sessions: int, epochs: int, out: Path, hidden: int, char_hidden: int, general_share: float = 0.0,
          person_variety: float = 0.0, seed: int = 1) -> None:
    import flair
    from flair.datasets import ColumnCorpus
    from flair.models import SequenceTagger
    from flair.trainers import ModelTrainer

    from plugins.redaction.charembed import BatchedCharEmbeddings, char_dictionary

    flair.set_seed(seed)  # weight initialisation and shuffling repeat from run to run
    work = Path(tempfile.mkdtemp(prefix="phi-tagger-"))
    for name, data_seed, count in (("train", 1, sessions), ("dev", 2, max(sessions // 12, 20)),
                              ("test", 3, max(sessions // 12, 20))):
        write_split(work / f"{name}.txt", data_seed, count, general_share, person_variety)
    corpus = ColumnCorpus(work, {0: "text", 1: "ner"}, train_file="train.txt", dev_file="dev.txt", test_file="test.txt")
    embeddings = BatchedCharEmbeddings(training_chars(char_dictionary()), char_embedding_dim=24,
                                       hidden_size_char=char_hidden)
    tag_dict = corpus.make_label_dictionary("ner", add_unk=False)
    tagger = SequenceTagger(hidden_size=hidden, embeddings=embeddings, tag_dictionary=tag_dict, tag_type="ner",
                            use_crf=False)
    trainer = ModelTrainer(tagger, corpus)
    trainer.train(work / "run", learning_rate=0.1, mini_batch_size=32, max_epochs=epochs,
                  embeddings_storage_mode="none", save_final_model=True, shuffle=True)
    final = work / "run" / "final-model.pt"
    best = work / "run" / "best-model.pt"
    SequenceTagger.load(best if best.exists() else final).save(out)
    shutil.rmtree(work, ignore_errors=True)
    log.info("saved tagger to %s", out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sessions", type=int, default=2500)
    parser.add_argument("--epochs", type=int, default=14)
    parser.add_argument("--hidden", type=int, default=96)
    parser.add_argument("--char-hidden", type=int, default=48)
    parser.add_argument("--general-share", type=float, default=0.3,
                        help="share of sentences from the general, non-clinical templates")
    parser.add_argument("--person-variety", type=float, default=0.15,
                        help="part of the general share drawn from session-style person templates")
    parser.add_argument("--seed", type=int, default=4, help="torch seed (4: the shipped model)")
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO)
    train(args.sessions, args.epochs, args.out, args.hidden, args.char_hidden, args.general_share,
          args.person_variety, args.seed)


if __name__ == "__main__":
    main()
