"""Character embeddings computed for a whole batch at once (imports flair: load lazily).

flair's ``CharacterEmbeddings`` runs one character LSTM per sentence; this class runs one
per batch over the distinct words of the batch (final hidden states of both directions),
and when predicting it remembers the vector of every word it has seen (the weights are
frozen then), which makes tagging several times faster on CPU. The character dictionary is built in code (nothing is downloaded) and
saved inside the model file. Each token also gets a learned vector for whether it is a
frequent English word that is never a name (``data/stop_words.txt``), knowledge a small
character model cannot hold by itself.
"""
from __future__ import annotations

import functools
import string
from typing import Any

import flair
import torch
from flair.data import Dictionary, Sentence
from flair.embeddings import TokenEmbeddings
from flair.embeddings.base import register_embeddings
from torch.nn.utils.rnn import pack_padded_sequence, pad_sequence

from plugins.redaction.variants import stop_words

_EXTRA_CHARS = "’‘“”–—…€£°·" + "".join(chr(c) for c in range(0xC0, 0x180))
MAX_TOKEN_CHARS = 24
_CACHE_LIMIT = 50_000


def lexicon_flag(text: str) -> int:
    """0: a word outside the lexicon (names live here), 1: a frequent English word that is
    never a name, 2: no letters at all."""
    if not any(char.isalpha() for char in text):
        return 2
    return 1 if text.lower() in stop_words() else 0


def char_dictionary() -> Dictionary:
    """Printable ASCII, Latin-1 and Latin Extended-A letters, typographic punctuation."""
    chars = Dictionary(add_unk=True)
    for char in string.printable + _EXTRA_CHARS:
        chars.add_item(char)
    return chars


@register_embeddings
class BatchedCharEmbeddings(TokenEmbeddings):
    """A bidirectional character LSTM per token, all tokens of a batch in one call."""

    def __init__(self, char_dictionary: Dictionary, char_embedding_dim: int = 24,
                 hidden_size_char: int = 48, name: str = "BatchedChar", lexicon_dim: int = 8) -> None:
        self.name = name
        self.static_embeddings = False
        super().__init__()
        self.char_dictionary = char_dictionary
        self.char_embedding_dim = char_embedding_dim
        self.hidden_size_char = hidden_size_char
        self.char_embedding = torch.nn.Embedding(len(char_dictionary.item2idx), char_embedding_dim)
        self.char_rnn = torch.nn.LSTM(char_embedding_dim, hidden_size_char, batch_first=True, bidirectional=True)
        self.lexicon_dim = lexicon_dim
        self.lexicon_embedding = torch.nn.Embedding(3, lexicon_dim)
        self._ids = functools.lru_cache(maxsize=65536)(self._char_ids)
        self._cache: dict[str, torch.Tensor] = {}
        self.to(flair.device)

    @property
    def embedding_length(self) -> int:
        return 2 * self.hidden_size_char + self.lexicon_dim

    def _char_ids(self, text: str) -> tuple[int, ...]:
        get = self.char_dictionary.get_idx_for_item
        return tuple(get(char) for char in text[:MAX_TOKEN_CHARS]) or (0,)

    def _add_embeddings_internal(self, sentences: list[Sentence]) -> list[Sentence]:
        tokens = [token for sentence in sentences for token in sentence.tokens]
        if tokens:
            for token, vector in zip(tokens, self.vectors([token.text for token in tokens]), strict=True):
                token.set_embedding(self.name, vector)
        return sentences

    def vectors(self, texts: list[str]) -> torch.Tensor:
        """One vector per text; when predicting, vectors of words seen before are reused."""
        if torch.is_grad_enabled():  # training: the weights change, nothing may be reused
            self._cache.clear()
            unique = list(dict.fromkeys(texts))
            index = {text: i for i, text in enumerate(unique)}
            encoded = self._encode(unique)
            return encoded[torch.tensor([index[text] for text in texts])]
        missing = list(dict.fromkeys(text for text in texts if text not in self._cache))
        if missing:
            if len(self._cache) > _CACHE_LIMIT:
                self._cache.clear()
            self._cache.update(zip(missing, self._encode(missing), strict=True))
        return torch.stack([self._cache[text] for text in texts])

    def _encode(self, texts: list[str]) -> torch.Tensor:
        ids = [torch.tensor(self._ids(text), dtype=torch.long) for text in texts]
        lengths = torch.tensor([len(seq) for seq in ids])
        chars = self.char_embedding(pad_sequence(ids, batch_first=True).to(flair.device))
        packed = pack_padded_sequence(chars, lengths, batch_first=True, enforce_sorted=False)
        _, (hidden, _) = self.char_rnn(packed)
        flags = torch.tensor([lexicon_flag(text) for text in texts], dtype=torch.long, device=flair.device)
        return torch.cat([hidden[0], hidden[1], self.lexicon_embedding(flags)], dim=1)

    def __getstate__(self) -> dict[str, Any]:
        state = self.__dict__.copy()
        state.pop("_ids", None)
        state["_cache"] = {}
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self._ids = functools.lru_cache(maxsize=65536)(self._char_ids)
        self._cache = {}

    def __str__(self) -> str:
        return self.name

    @classmethod
    def from_params(cls, params: dict[str, Any]) -> BatchedCharEmbeddings:
        return cls(**params)

    def to_params(self) -> dict[str, Any]:
        return {"char_dictionary": self.char_dictionary, "char_embedding_dim": self.char_embedding_dim,
                "hidden_size_char": self.hidden_size_char, "name": self.name, "lexicon_dim": self.lexicon_dim}
