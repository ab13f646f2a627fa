"""Synthetic therapy sessions, each seeded with a fake chart, with gold PHI spans.

Every value comes from Faker or from invented word lists; no real person is involved.
``split="train"`` and ``split="test"`` draw names, places and organisations from disjoint
parts of Faker's pools (by a stable hash), and the test split also uses sentence templates
training never sees, so the held-out split measures how the tagger does on names and
contexts it never saw. With ``general_share`` > 0, training also draws that share of its
sentences from general, non-clinical templates (letters, forms, business and travel prose
with international addresses, postcodes, companies and institutions); the test split never
uses them. The general sentences draw their values from ``general.GeneralValues`` (more
locales, national address layouts, companies made of ordinary words, lone first names and
surnames) and come in all-lower case more often, as chat and forms are typed. Part of the
general share (``person_variety``) is session-style sentences with people in many positions,
and part is clinical shorthand without identifiers ("Sertraline 50 mg", "PHQ-9 12"), so
street-then-number addresses do not turn doses and scores into places.
"""
from __future__ import annotations

import datetime as dt
import functools
import random
import re
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field

from faker import Faker

from hooks.types import KnownIdentifiers
from plugins.redaction.training import formats
from plugins.redaction.training.general import GeneralValues
from plugins.redaction.training.templates import (
    CLINICAL_PLAIN_TEMPLATES,
    DRUGS,
    GENERAL_PHI_TEMPLATES,
    GENERAL_PLAIN_TEMPLATES,
    HELDOUT_PHI_TEMPLATES,
    HOLIDAY_PREFIXES,
    HOLIDAYS,
    MORE_GENERAL_PHI_TEMPLATES,
    MORE_GENERAL_PLAIN_TEMPLATES,
    NATIONALITIES,
    NRP,
    ORG_SUFFIXES,
    ORG_WORDS,
    PERSON_VARIETY_TEMPLATES,
    PHI_TEMPLATES,
    PLAIN_TEMPLATES,
    RELATIONS,
    SPEAKERS,
    TITLE_WORDS,
    WORD_NAMES,
)
from plugins.redaction.variants import stop_words

LOCALES = ("en_US", "en_US", "en_US", "en_GB", "en_IE", "es_MX", "it_IT", "de_DE", "fr_FR",
           "pl_PL", "nl_NL", "pt_BR", "sv_SE", "en_IN")
_SLOT_RE = re.compile(r"\{([A-Z]+|rel)\}")
_NOT_PHI = {"rel", "JOB", "NRP", "NAT", "TITLE", "SPK", "YEAR", "DRUG", "NUM"}
_PHI = [t for t in PHI_TEMPLATES.splitlines() if t.strip()]
_HELDOUT = [t for t in HELDOUT_PHI_TEMPLATES.splitlines() if t.strip()]
_PLAIN = [t for t in PLAIN_TEMPLATES.splitlines() if t.strip()]
_GENERAL = [t for t in (GENERAL_PHI_TEMPLATES + MORE_GENERAL_PHI_TEMPLATES).splitlines() if t.strip()]
_GENERAL_PLAIN = [t for t in (GENERAL_PLAIN_TEMPLATES + MORE_GENERAL_PLAIN_TEMPLATES).splitlines() if t.strip()]
_CLINICAL_PLAIN = [t for t in CLINICAL_PLAIN_TEMPLATES.splitlines() if t.strip()]
_PERSON_VARIETY = [t for t in PERSON_VARIETY_TEMPLATES.splitlines() if t.strip()]
_GENERAL_SET = frozenset(_GENERAL + _GENERAL_PLAIN)
_BRAND_PARTS = ("ver", "zen", "lum", "tri", "ax", "cor", "nov", "qua", "rix", "dex", "sol", "mer",
                "ion", "tek", "vant", "ora", "pli", "fy", "bit", "sys", "nex", "ly", "ium", "opt")
_ORG_WORDS_2 = ("Blue", "Open", "Bright", "Green", "True", "Clear", "First", "Prime", "Smart", "Swift",
                "Golden", "Urban", "Global", "United", "Pacific", "Northern", "Modern", "Next", "Red",
                "Solid", "Simple", "Rapid", "Silver", "Iron", "Grand", "Liberty", "Heritage", "Civic")
_ORG_WORDS_3 = ("Path", "Field", "Bridge", "Stone", "Leaf", "River", "Light", "Wave", "Point", "Gate",
                "Harbor", "Signal", "Cloud", "Data", "Power", "Energy", "Market", "Home", "Care", "Trust",
                "Works", "Cycle", "Line", "Ledger", "Forge", "Orbit", "Anchor", "Compass", "Pixel")
_CO_SUFFIXES = ORG_SUFFIXES + ("Inc.", "Inc", "LLC", "Ltd", "Ltd.", "Corporation", "Corp.", "Group",
                               "Technologies", "Labs", "Systems", "Holdings", "Capital", "Media",
                               "Networks", "Analytics", "Software", "Ventures", "& Co.", "GmbH", "AG",
                               "S.A.", "PLC", "Co-op", "Brewing", "Studios", "Publishing", "Airlines")
_INST_KINDS = ("City Council", "Police Department", "Fire Department", "Housing Authority",
               "Public Schools", "Chamber of Commerce", "Community Foundation", "Historical Society",
               "Art Museum", "Symphony Orchestra", "Public Library", "State University",
               "County Court", "Department of Health", "Food Bank", "Zoo", "Airport Authority")
SLOT_CATEGORY = {
    "P": "PATIENT", "PF": "PATIENT", "PL": "PATIENT", "R": "RELATIVE", "C": "CLINICIAN",
    "X": "PERSON", "D": "DATE", "DOB": "DATE", "HOL": "DATE", "PH": "PHONE", "CITY": "LOCATION",
    "XCITY": "LOCATION", "XL": "PERSON", "ADDR": "LOCATION", "ORG": "ORG", "XORG": "ORG", "EMAIL": "EMAIL",
    "URL": "URL", "IP": "IP", "MRN": "ID", "SSN": "ID", "ZIP": "ZIP", "AGE": "AGE",
    "IADDR": "LOCATION", "STREET": "LOCATION", "STATE": "LOCATION", "COUNTRY": "LOCATION",
    "PC": "ZIP", "CO": "ORG", "INST": "ORG", "GX": "PERSON", "FIRST": "PERSON", "LAST": "PERSON",
    "SADDR": "LOCATION", "CORNER": "LOCATION", "GCITY": "LOCATION",
}


@functools.lru_cache(maxsize=1)
def _stop_words() -> list[str]:
    return sorted(stop_words())


@dataclass
class Sample:
    """One synthetic document: text, gold spans (start, end, category) and the chart."""

    text: str
    spans: list[tuple[int, int, str]]
    known: KnownIdentifiers = field(default_factory=KnownIdentifiers)
    from_chart: list[bool] = field(default_factory=list)  # per span: a charted identifier?


@dataclass
class FakeChart:
    first: str
    last: str
    nickname: str
    title: str
    dob: dt.date
    relatives: list[tuple[str, str]]  # (relation, full name)
    clinician: str
    values: dict[str, str]


class Generator:
    """Makes sessions for one split; deterministic for a given seed."""

    def __init__(self, seed: int, split: str = "train", general_share: float = 0.0,
                 person_variety: float = 0.0) -> None:
        self.rng = random.Random(seed)
        self.held = split == "test"
        # share of training sentences from the general (non-clinical) templates; the test
        # split never uses them, so the held-out benchmark keeps measuring therapy text
        self.general_share = 0.0 if self.held else general_share
        self.phi = _PHI + _HELDOUT if self.held else _PHI
        self.fakers = {loc: Faker(loc) for loc in dict.fromkeys(LOCALES)}
        for offset, fake in enumerate(self.fakers.values()):
            fake.seed_instance(seed * 31 + offset)
        self.general = GeneralValues(self.rng, seed, self._pick) if self.general_share else None
        # within the general share, this part is session-style sentences with people in
        # many positions (PERSON_VARIETY_TEMPLATES)
        self.person_variety = person_variety

    def _fake(self) -> Faker:
        return self.fakers[self.rng.choice(LOCALES)]

    def _pick(self, make: Callable[[], str]) -> str:
        value = make()
        for _ in range(60):
            if (zlib.crc32(value.lower().encode()) % 5 == 0) == self.held:
                return value
            value = make()
        return value

    def first(self) -> str:
        if self.rng.random() < 0.12:
            return self.rng.choice(WORD_NAMES)
        return self._pick(lambda: self._fake().first_name())

    def last(self) -> str:
        name = self._pick(lambda: self._fake().last_name())
        if self.rng.random() < 0.06:
            name = f"{name}-{self._pick(lambda: self._fake().last_name())}"
        elif self.rng.random() < 0.04:
            name = self.rng.choice(("O'", "Mc", "D'")) + name.capitalize()
        return name

    def person(self) -> str:
        roll = self.rng.random()
        if roll < 0.15:
            initial = self.rng.choice("ABCDEFGHIJKLMNOPRSTVW")
            return f"{self.first()} {initial}{'.' if roll < 0.1 else ''} {self.last()}"
        return f"{self.first()} {self.last()}"

    def chart(self) -> FakeChart:
        fake = self.fakers["en_US"]
        first, last = self.first(), self.last()
        relatives = [(self.rng.choice(RELATIONS), self.person()) for _ in range(self.rng.randint(1, 3))]
        values = {
            "city": self._pick(lambda: self._fake().city()),
            "org": self.org(),
            "street": self._pick(fake.street_address),
            "zip": fake.zipcode(), "state": fake.state_abbr(),
            "mrn": self.rng.choice(formats.ID_MAKERS)(self.rng),
            "ssn": fake.ssn(), "phone": formats.us_phone_digits(self.rng),
            "email": f"{first.lower()}.{last.lower()}{self.rng.randint(1, 99)}@{fake.free_email_domain()}",
        }
        nick = formats.nickname(first, self.rng)
        return FakeChart(first, last, nick, self.rng.choice(("Ms.", "Mr.", "Mx.")),
                         fake.date_of_birth(minimum_age=14, maximum_age=88), relatives,
                         f"{self.first()} {self.last()}", values)

    def known(self, chart: FakeChart) -> KnownIdentifiers:
        v = chart.values
        patient = [f"{chart.first} {chart.last}", chart.first, chart.last]
        if self.rng.random() < 0.7 and chart.nickname != chart.first:
            patient.append(chart.nickname)
        return KnownIdentifiers(
            patient=patient, relative=[name for _, name in chart.relatives if self.rng.random() < 0.8],
            clinician=[chart.clinician], org=[v["org"]], location=[v["street"], v["city"]],
            date=[chart.dob.isoformat()], id=[v["mrn"], v["ssn"]], phone=[v["phone"]],
            email=[v["email"]], zip=[v["zip"]],
        )

    def session(self, n_sentences: int = 14) -> Sample:
        chart = self.chart()
        known = self.known(chart)
        parts: list[str] = []
        spans: list[tuple[int, int, str]] = []
        flags: list[bool] = []
        offset = 0
        for _ in range(n_sentences):
            template = self.template()
            text, local, local_flags = self.render(template, chart, known)
            # general sentences (chat, forms) are typed all in lower case more often
            lower = 0.15 if template in _GENERAL_SET else 0.05
            text, local = formats.recase(text, local, self.rng, lower=lower)
            spans += [(s + offset, e + offset, c) for s, e, c in local]
            flags += local_flags
            joiner = "\n" if self.rng.random() < 0.3 else " "
            parts.append(text + joiner)
            offset += len(text) + 1
        return Sample("".join(parts), spans, known, flags)

    def template(self) -> str:
        """One sentence template (train also draws from the general, non-clinical ones)."""
        if self.general_share and self.rng.random() < self.general_share:
            roll = self.rng.random()
            if roll < self.person_variety:
                return self.rng.choice(_PERSON_VARIETY)
            return self.rng.choice(_GENERAL if roll < 0.62 else _CLINICAL_PLAIN if roll < 0.76 else _GENERAL_PLAIN)
        roll = self.rng.random()
        return self.fakers["en_US"].sentence(self.rng.randint(5, 14)) if roll < 0.06 else \
            self.salad() if roll < 0.12 else self.rng.choice(self.phi if roll < 0.64 else _PLAIN)

    def render(self, template: str, chart: FakeChart, known: KnownIdentifiers
               ) -> tuple[str, list[tuple[int, int, str]], list[bool]]:
        relation, relative = self.rng.choice(chart.relatives)
        template = template.replace("\\n", "\n")  # a line break inside a general template
        out, spans, flags, pos = [], [], [], 0
        for match in _SLOT_RE.finditer(template):
            out.append(template[pos : match.start()])
            slot = match.group(1)
            value = relation if slot == "rel" else self.value(slot, chart, relative)
            start = sum(len(piece) for piece in out)
            out.append(value)
            if slot not in _NOT_PHI:
                found = formats.slot_spans(value, start, SLOT_CATEGORY[slot])
                spans += found
                flags += [formats.is_charted(slot, value, chart.values, known)] * len(found)
            pos = match.end()
        out.append(template[pos:])
        return "".join(out), spans, flags

    def value(self, slot: str, chart: FakeChart, relative: str) -> str:
        rng, v = self.rng, chart.values
        table: dict[str, Callable[[], str]] = {
            "P": lambda: rng.choice((chart.first, chart.first, chart.nickname)),
            "PF": lambda: f"{chart.first} {chart.last}", "PL": lambda: f"{chart.title} {chart.last}",
            "R": lambda: rng.choice((relative, relative.split()[0])),
            "C": lambda: rng.choice((chart.clinician, f"Dr. {chart.clinician.split()[-1]}", f"{chart.clinician}, LCSW")),
            "X": lambda: rng.choice((self.first(), self.person())), "XL": self.last,
            "D": lambda: formats.date_text(formats.random_date(rng), rng),
            "DOB": lambda: formats.date_text(chart.dob, rng, full=True),
            "HOL": lambda: rng.choice(HOLIDAY_PREFIXES) + rng.choice(HOLIDAYS),
            "PH": lambda: formats.phone_text(v["phone"] if rng.random() < 0.5 else formats.us_phone_digits(rng), rng),
            "CITY": lambda: v["city"], "XCITY": lambda: self.place(),
            "ADDR": lambda: formats.address(v["street"], v["city"], v["state"], v["zip"], rng),
            "ORG": lambda: v["org"], "XORG": self.org,
            "EMAIL": lambda: v["email"] if rng.random() < 0.6 else self._fake().email(),
            "URL": lambda: self.fakers["en_US"].url(), "IP": lambda: self.fakers["en_US"].ipv4(),
            "MRN": lambda: formats.spaced_id(v["mrn"], rng), "SSN": lambda: v["ssn"],
            "ZIP": lambda: v["zip"], "AGE": lambda: str(rng.randint(90, 104)),
            "JOB": lambda: self.fakers["en_US"].job(), "NRP": lambda: rng.choice(NRP),
            "IADDR": self.intl_address, "STREET": lambda: self._pick(lambda: self._fake().street_name()),
            "STATE": lambda: self.fakers["en_US"].state(), "COUNTRY": lambda: self._pick(self._fake().country),
            "PC": lambda: self._fake().postcode(), "CO": self.company, "INST": self.institution,
        }
        if self.general is not None:
            table.update(self._general_table())
        return table[slot]()

    def _general_table(self) -> dict[str, Callable[[], str]]:
        """Makers of the general-only slots (and richer ones for addresses, companies,
        countries and postcodes, which only general templates use)."""
        gen, rng = self.general, self.rng
        assert gen is not None
        return {
            "IADDR": gen.address, "SADDR": gen.street_line, "CORNER": gen.corner, "GCITY": gen.city,
            "COUNTRY": gen.country, "PC": lambda: gen.fake().postcode(),
            "CO": lambda: gen.company() if rng.random() < 0.7 else self.company(),
            "GX": gen.person, "FIRST": gen.first, "LAST": gen.last,
            "NAT": lambda: rng.choice(NATIONALITIES), "SPK": lambda: rng.choice(SPEAKERS),
            "YEAR": lambda: str(rng.randint(1950, 2025)),
            "DRUG": lambda: rng.choice(DRUGS).capitalize() if rng.random() < 0.6 else rng.choice(DRUGS),
            "NUM": lambda: str(rng.choice((rng.randint(1, 15), rng.randint(10, 600), rng.randint(1, 9) * 25))),
            "TITLE": lambda: " ".join(rng.choice(TITLE_WORDS) for _ in range(rng.randint(1, 5))).title(),
        }

    def salad(self) -> str:
        """Frequent English words (never names), some capitalised as in titles and headings."""
        words = self.rng.sample(_stop_words(), self.rng.randint(4, 12))
        words = [w.capitalize() if self.rng.random() < 0.3 else w for w in words]
        return " ".join([words[0].capitalize(), *words[1:]]) + self.rng.choice(".!?:")

    def org(self) -> str:
        """A Faker company, or an invented "<Word> <Kind>" one (clinic, school, employer)."""
        if self.rng.random() < 0.5:
            return self._pick(lambda: self._fake().company())
        word = self._pick(lambda: self.rng.choice((*ORG_WORDS, self._fake().last_name(), self._fake().city())))
        return f"{word} {self.rng.choice(ORG_SUFFIXES)}"

    def place(self) -> str:
        fake = self._fake()
        makers = (fake.city, fake.city, fake.country, lambda: self.fakers["en_US"].state())
        return self._pick(self.rng.choice(makers))

    def intl_address(self) -> str:
        """A full address in one of the locales, on one line or several."""
        lines = self._pick(lambda: self._fake().address()).splitlines()
        return self.rng.choice(("\n", ", ", " ", ", ")).join(lines)

    def company(self) -> str:
        """A company: Faker's, or a surname, brand or two-word name with a suffix."""
        roll = self.rng.random()
        if roll < 0.35:
            return self._pick(lambda: self._fake().company())
        if roll < 0.55:
            word = "".join(self.rng.sample(_BRAND_PARTS, self.rng.randint(2, 3))).capitalize()
        elif roll < 0.8:
            word = f"{self.rng.choice(_ORG_WORDS_2)} {self.rng.choice(_ORG_WORDS_3)}"
        else:
            word = self._pick(lambda: self._fake().last_name())
        return f"{word} {self.rng.choice(_CO_SUFFIXES)}" if self.rng.random() < 0.8 else word

    def institution(self) -> str:
        """A university, agency, court, library or foundation named after a place or person."""
        city = self._pick(lambda: self._fake().city())
        last = self._pick(lambda: self._fake().last_name())
        return self.rng.choice((f"University of {city}", f"{city} {self.rng.choice(_INST_KINDS)}",
                                f"{last} College", f"St. {last}'s Hospital", f"the {last} Foundation",
                                f"{last} Institute of Technology", f"{city} {self.rng.choice(_INST_KINDS)}"))
