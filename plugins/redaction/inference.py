"""Fast prediction with the shipped tagger: tokens in, BIOES tags out.

flair's ``predict`` builds label objects and a data loader per call, which costs more than
the network on short texts. For the shipped model (``BatchedCharEmbeddings`` + BiLSTM +
linear layer, no CRF) this runs the same modules directly, in batches of sentences sorted
by length; any other model falls back to ``predict``.
"""
from __future__ import annotations

from typing import Any

BATCH_SIZE = 256


def predict_tags(model: Any, token_lists: list[list[str]]) -> list[list[str]]:
    """The tag of every token of every sentence (sentences keep their order)."""
    import torch

    if not _fast_path(model):
        return _flair_predict(model, token_lists)
    order = sorted(range(len(token_lists)), key=lambda i: len(token_lists[i]), reverse=True)
    tags: list[list[str]] = [[] for _ in token_lists]
    with torch.no_grad():
        for begin in range(0, len(order), BATCH_SIZE):
            chunk = order[begin : begin + BATCH_SIZE]
            for i, sentence_tags in zip(chunk, _batch_tags(model, [token_lists[i] for i in chunk])):
                tags[i] = sentence_tags
    return tags


def _fast_path(model: Any) -> bool:
    from plugins.redaction.charembed import BatchedCharEmbeddings

    return (isinstance(model.embeddings, BatchedCharEmbeddings) and not model.use_crf and model.use_rnn
            and not model.training)


def _batch_tags(model: Any, batch: list[list[str]]) -> list[list[str]]:
    """Tags of one batch of sentences sorted longest first."""
    import torch
    from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence, pad_sequence

    vectors = model.embeddings.vectors([token for tokens in batch for token in tokens])
    lengths = [len(tokens) for tokens in batch]
    padded = pad_sequence(list(torch.split(vectors, lengths)), batch_first=True)
    if model.reproject_embeddings:
        padded = model.embedding2nn(padded)
    packed = pack_padded_sequence(padded, torch.tensor(lengths), batch_first=True)
    output, _ = pad_packed_sequence(model.rnn(packed)[0], batch_first=True)
    best = model.linear(output).argmax(dim=2).tolist()
    names = model.label_dictionary.get_items()
    return [[names[i] for i in row[:length]] for row, length in zip(best, lengths)]


def _flair_predict(model: Any, token_lists: list[list[str]]) -> list[list[str]]:
    from flair.data import Sentence

    batch = [Sentence(tokens) for tokens in token_lists]
    model.predict(batch, mini_batch_size=64, embedding_storage_mode="none", force_token_predictions=True)
    return [[token.get_label(model.tag_type, "O").value for token in sentence] for sentence in batch]
