"""Train the shipped PHI tagger from synthetic sessions (offline, CPU, ~20 minutes).

    OMP_NUM_THREADS=1 python -m plugins.redaction.training.train --sessions 1500 --epochs 8

Embeddings are local only: a character LSTM per token (``BatchedCharEmbeddings``) over a
character dictionary built in code. No word vocabulary: names are learnt from their shape
and their context, so unseen names and unseen ordinary words are treated alike.
"""
from __future__ import annotations

import argparse
import logging
import tempfile
from pathlib import Path

from plugins.redaction.tagger import MODEL_PATH, TAG_OF
from plugins.redaction.textutil import sentences, tokenize
from plugins.redaction.training.synth import Generator, Sample

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


def write_split(path: Path, seed: int, count: int, general_share: float = 0.0) -> list[list[tuple[str, str]]]:
    gen = Generator(seed, "train", general_share)
    rows = [sent for _ in range(count) for sent in bioes(gen.session())]
    path.write_text("\n\n".join("\n".join(f"{w}\t{t}" for w, t in sent) for sent in rows) + "\n", encoding="utf-8")
    return rows


def train(sessions: int, epochs: int, out: Path, hidden: int, char_hidden: int, general_share: float = 0.0) -> None:
    from flair.datasets import ColumnCorpus
    from flair.models import SequenceTagger
    from flair.trainers import ModelTrainer

    from plugins.redaction.charembed import BatchedCharEmbeddings, char_dictionary

    work = Path(tempfile.mkdtemp(prefix="phi-tagger-"))
    write_split(work / "train.txt", 1, sessions, general_share)
    write_split(work / "dev.txt", 2, max(sessions // 12, 20), general_share)
    write_split(work / "test.txt", 3, max(sessions // 12, 20), general_share)
    corpus = ColumnCorpus(work, {0: "text", 1: "ner"}, train_file="train.txt", dev_file="dev.txt", test_file="test.txt")
    embeddings = BatchedCharEmbeddings(char_dictionary(), char_embedding_dim=24, hidden_size_char=char_hidden)
    tag_dict = corpus.make_label_dictionary("ner", add_unk=False)
    tagger = SequenceTagger(hidden_size=hidden, embeddings=embeddings, tag_dictionary=tag_dict, tag_type="ner",
                            use_crf=False)
    trainer = ModelTrainer(tagger, corpus)
    trainer.train(work / "run", learning_rate=0.1, mini_batch_size=32, max_epochs=epochs,
                  embeddings_storage_mode="none", save_final_model=True, shuffle=True)
    final = work / "run" / "final-model.pt"
    best = work / "run" / "best-model.pt"
    SequenceTagger.load(best if best.exists() else final).save(out)
    log.info("saved tagger to %s", out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sessions", type=int, default=1500)
    parser.add_argument("--epochs", type=int, default=8)
    parser.add_argument("--hidden", type=int, default=96)
    parser.add_argument("--char-hidden", type=int, default=48)
    parser.add_argument("--general-share", type=float, default=0.0,
                        help="share of sentences from the general, non-clinical templates (0.15 tried)")
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO)
    train(args.sessions, args.epochs, args.out, args.hidden, args.char_hidden, args.general_share)


if __name__ == "__main__":
    main()
