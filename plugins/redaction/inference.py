"""Fast prediction with the shipped tagger: tokens in, BIOES tags out.

flair's ``predict`` builds label objects and a data loader per call, which costs more than
the network on short texts. For the shipped model (``BatchedCharEmbeddings`` + BiLSTM +
linear layer, no CRF) this runs the same modules directly, in batches of sentences sorted
by length; any other model falls back to ``predict``.
"""
from __future__ import annotations

from typing import Any

BATCH_SIZE = 256
# A token is part of an entity when the entity tags together get at least this probability
# (argmax would need one tag to beat "O" alone): redaction prefers recall.
ENTITY_THRESHOLD = 0.4


def predict_tags(model: Any, token_lists: list[list[str]], threshold: float | None = ENTITY_THRESHOLD
                 ) -> list[list[str]]:
    """The tag of every token of every sentence (sentences keep their order); with
    ``threshold=None``, plain argmax as flair's ``predict`` does."""
    import torch

    if not _fast_path(model):
        return _flair_predict(model, token_lists)
    order = sorted(range(len(token_lists)), key=lambda i: len(token_lists[i]), reverse=True)
    tags: list[list[str]] = [[] for _ in token_lists]
    with torch.inference_mode():
        for begin in range(0, len(order), BATCH_SIZE):
            chunk = order[begin : begin + BATCH_SIZE]
            batch = [token_lists[i] for i in chunk]
            for i, sentence_tags in zip(chunk, _batch_tags(model, batch, threshold), strict=True):
                tags[i] = sentence_tags
    return tags


def _fast_path(model: Any) -> bool:
    from plugins.redaction.charembed import BatchedCharEmbeddings

    return (isinstance(model.embeddings, BatchedCharEmbeddings) and not model.use_crf and model.use_rnn
            and not model.training)


def _batch_tags(model: Any, batch: list[list[str]], threshold: float | None) -> list[list[str]]:
    """Tags of one batch of sentences sorted longest first."""
    import torch
    from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence, pad_sequence

    vectors = model.embeddings.vectors([token for tokens in batch for token in tokens])
    lengths = [len(tokens) for tokens in batch]
    padded = pad_sequence(list(torch.split(vectors, lengths)), batch_first=True)
    if model.reproject_embeddings:
        padded = model.embedding2nn(padded)
    if len(batch) == 1:  # one sentence: nothing to pad, and packing costs more than the network
        output = model.rnn(padded)[0]
    else:
        packed = pack_padded_sequence(padded, torch.tensor(lengths), batch_first=True)
        output, _ = pad_packed_sequence(model.rnn(packed)[0], batch_first=True)
    scores = model.linear(output)
    names = model.label_dictionary.get_items()
    best = _decide(scores, names.index("O"), threshold).tolist()
    return [[names[i] for i in row[:length]] for row, length in zip(best, lengths, strict=True)]


def _decide(scores: Any, outside: int, threshold: float | None) -> Any:
    """Index of the chosen tag per token: argmax, or the best entity tag when all entity
    tags together reach ``threshold``."""
    import torch

    if threshold is None:
        return scores.argmax(dim=2)
    probs = torch.softmax(scores, dim=2)
    entity = probs.clone()
    entity[:, :, outside] = -1.0
    best_entity = entity.argmax(dim=2)
    is_entity = (1.0 - probs[:, :, outside]) >= threshold
    return torch.where(is_entity, best_entity, torch.full_like(best_entity, outside))


def _flair_predict(model: Any, token_lists: list[list[str]]) -> list[list[str]]:
    from flair.data import Sentence

    batch = [Sentence(tokens) for tokens in token_lists]
    model.predict(batch, mini_batch_size=64, embedding_storage_mode="none", force_token_predictions=True)
    return [[token.get_label(model.tag_type, "O").value for token in sentence] for sentence in batch]
