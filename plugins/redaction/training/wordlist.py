"""Build ``data/stop_words.txt``: frequent English words that are never names or places.

    python -m plugins.redaction.training.wordlist

The 12,000 most frequent words of pyspellchecker's English list, minus every first name,
last name, city, state and country Faker knows in the locales the generator uses, minus
words that are also names (Hope, Will...). The tagger drops an entity made only of these
words ("Hello", "Maybe", "Personal Info"), which is the kind of mistake a character model
makes on capitalised ordinary words.
"""
from __future__ import annotations

from pathlib import Path

from faker import Faker
from spellchecker import SpellChecker

from plugins.redaction.training.synth import LOCALES
from plugins.redaction.training.templates import WORD_NAMES
from plugins.redaction.variants import NICKNAMES

OUT = Path(__file__).resolve().parents[1] / "data" / "stop_words.txt"  # read by variants.stop_words


def proper_nouns(samples: int = 4000) -> set[str]:
    out = {w.lower() for w in WORD_NAMES} | {n for names in NICKNAMES.values() for n in names} | set(NICKNAMES)
    for locale in sorted(set(LOCALES)):
        fake = Faker(locale)
        fake.seed_instance(0)
        for make in (fake.first_name, fake.last_name, fake.city, fake.country):
            for _ in range(samples):
                out.update(part.lower() for part in make().replace("-", " ").split())
    fake = Faker("en_US")
    out.update(part.lower() for _ in range(2000) for part in fake.state().split())
    return out


def main() -> None:
    frequency = SpellChecker(language="en").word_frequency
    names = proper_nouns()
    ranked = sorted(frequency.dictionary.items(), key=lambda item: -item[1])[:12000]
    words = [w for w, _ in ranked if w.isalpha() and len(w) > 1 and w not in names]
    header = "# Frequent English words that are not names or places (see training/wordlist.py).\n"
    OUT.write_text(header + "\n".join(sorted(words)) + "\n", encoding="utf-8")
    print(f"{len(words)} words -> {OUT}")


if __name__ == "__main__":
    main()
