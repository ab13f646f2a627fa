"""Build ``data/stop_words.txt`` and ``data/lexicon.txt`` from pyspellchecker's English list.

    python -m plugins.redaction.training.wordlist

Both are the most frequent English words minus every first name, last name, city, state
and country Faker knows in the generator's locales, minus words that are also names (Hope,
Will...). ``stop_words`` (from the top 12,000) is a tagger input feature and drops any entity made
only of such words ("Hello", "Personal Info"); ``lexicon`` (from the top 45,000) drops a *person*
made only of ordinary words ("incorrectly", "Salesperson"), the kind of mistake a small
character model makes. ``lower_words`` (from the top 60,000) is read only for words written in
lower case inside a sentence that uses capitals: there a surname that is also one of the 5,000
most frequent words ("block", "young", "sales") is a word, and only first names and rarer
surnames are kept out.
"""
from __future__ import annotations

from pathlib import Path

from faker import Faker
from spellchecker import SpellChecker

from plugins.redaction.training.synth import LOCALES
from plugins.redaction.training.templates import WORD_NAMES
from plugins.redaction.variants import NICKNAMES

DATA = Path(__file__).resolve().parents[1] / "data"


def proper_nouns(samples: int = 4000, kinds: tuple[str, ...] = ("first_name", "last_name", "city", "country"),
                 states: bool = True) -> set[str]:
    out = {w.lower() for w in WORD_NAMES} | {n for names in NICKNAMES.values() for n in names} | set(NICKNAMES)
    for locale in sorted(set(LOCALES)):
        fake = Faker(locale)
        fake.seed_instance(0)
        for make in (getattr(fake, kind) for kind in kinds):
            for _ in range(samples):
                out.update(part.lower() for part in make().replace("-", " ").split())
    if states:
        fake = Faker("en_US")
        out.update(part.lower() for _ in range(2000) for part in fake.state().split())
    return out


def main() -> None:
    frequency = SpellChecker(language="en").word_frequency
    names = proper_nouns()
    ranked = [w for w, _ in sorted(frequency.dictionary.items(), key=lambda item: -item[1])]

    def plain(top: int) -> list[str]:
        return [w for w in ranked[:top] if w.isalpha() and len(w) > 1 and w not in names]

    write(DATA / "stop_words.txt", plain(12000), "Frequent English words that are not names or places")
    write(DATA / "lexicon.txt", plain(45000), "English words that are not names (a person made only of these is dropped)")
    frequent = set(ranked[:5000])
    first_names = proper_nouns(kinds=("first_name",), states=False)
    surnames = proper_nouns(kinds=("last_name",), states=False) - frequent
    lower = [w for w in ranked[:60000] if w.isalpha() and len(w) > 1 and w not in first_names | surnames]
    write(DATA / "lower_words.txt", lower, "English words that, in lower case in a cased sentence, are not names")


def write(path: Path, words: list[str], title: str) -> None:
    path.write_text(f"# {title} (see training/wordlist.py).\n" + "\n".join(sorted(words)) + "\n", encoding="utf-8")
    print(f"{len(words)} words -> {path}")


if __name__ == "__main__":
    main()
