"""Values of the general (non-clinical) training sentences: addresses, companies, people.

Only ``split="train"`` uses these (the held-out split never does), so they may draw on
locales and formats the therapy sessions do not. Why each maker exists:

* addresses: outside the US the number follows the street ("Ringstraße 12", "Egeri út 19."),
  the postcode comes before or after the city, the country is a line of its own, and
  military mail has no street at all ("PSC 1234, Box 5678 / APO AE 09123");
* companies: many employers are ordinary capitalised words with or without a legal suffix
  ("Open Ledger", "Signal Works Group"), coined compounds ("Datawise") or partner lists;
* people: lone first names (a speaker, a vocative) and lone surnames ("says Novak.").

Every value is invented or comes from Faker; the caller's ``pick`` keeps names on the
training side of the train/test partition.
"""
from __future__ import annotations

import random
from collections.abc import Callable

from faker import Faker

# Locales used only by the general sentences (Nordic, Central European, Iberian, Commonwealth).
GENERAL_LOCALES = ("en_US", "en_GB", "en_CA", "en_AU", "en_NZ", "en_IE", "de_DE", "de_AT", "de_CH", "fr_FR",
                   "fr_CH", "nl_NL", "nl_BE", "it_IT", "es_ES", "pt_PT", "pt_BR", "pl_PL", "cs_CZ", "sk_SK",
                   "sl_SI", "hr_HR", "hu_HU", "fi_FI", "da_DK", "no_NO", "sv_SE", "ro_RO", "el_GR", "es_MX")
_UNIT_WORDS = ("Apt.", "Apt", "Suite", "Ste.", "Unit", "Flat", "Floor", "apt.", "Room", "No.")
_LINE_PREFIXES = ("", "", "", "> ", ">", "  ", "\t")
COMPANY_WORDS = (
    "Blue", "Open", "Bright", "Green", "True", "Clear", "First", "Prime", "Smart", "Swift", "Golden", "Urban",
    "Global", "United", "Pacific", "Northern", "Modern", "Next", "Solid", "Simple", "Rapid", "Silver", "Civic",
    "Capital", "Credit", "Market", "Data", "Power", "Energy", "Health", "Home", "Care", "Trust", "Signal",
    "Cloud", "Scale", "Walk", "Score", "Lending", "Club", "Knowledge", "Insight", "Public", "Standard",
    "National", "American", "Social", "Environmental", "Clean", "Collective", "Compass", "Anchor", "Harbor",
    "Bridge", "Stone", "Field", "River", "Summit", "Union", "Pilot", "Atlas", "Beacon", "Vector", "Quantum",
    "Lab", "Works", "Cycle", "Path", "Point", "Gate", "Ledger", "Forge", "Orbit", "Pixel", "Spark", "Arrow",
    "Granite", "Maple", "Cedar", "Oak", "Pine", "Eagle", "Falcon", "Lion", "Wolf", "Bear", "Fox", "Round",
    "Square", "Circle", "Central", "Metro", "Coastal", "Western", "Eastern", "Southern", "Royal", "Crown",
    "Liberty", "Heritage", "Pioneer", "Frontier", "Horizon", "Vista", "Legacy", "Alliance", "Fidelity",
    "Mutual", "Direct", "Express", "Rocket", "Transit", "Freight", "Van", "Lines", "Bond", "Ratings", "Fair",
)
COMPANY_KINDS = (
    "Research", "Software", "Transit", "Insights", "Markets", "Agency", "Consulting", "Technologies", "Data",
    "Services", "Capital", "Partners", "Investments", "Analytics", "Solutions", "Systems", "Networks",
    "Logistics", "Media", "Labs", "Foods", "Energy", "Bank", "Insurance", "Group", "Holdings", "Ventures",
    "Robotics", "Pharmaceuticals", "Bioscience", "Financial", "Realty", "Motors", "Airlines", "Studios",
    "Records", "Publishing", "Press", "Brewing", "Apparel", "Outfitters", "Interactive", "Digital", "Health",
)
LEGAL_SUFFIXES = ("Inc", "Inc.", "LLC", "Ltd", "Ltd.", "Corp.", "Corporation", "Co.", "GmbH", "AG", "S.A.",
                  "PLC", "plc", "B.V.", "AB", "ASA", "Oy", "A/S", "Kft.", "s.r.o.", "d.o.o.", "S.p.A.", "SAS")
_COINED_TAILS = ("ify", "ly", "io", "ster", "ity", "hub", "lab", "wise", "stack", "base", "works", "ology",
                 "ix", "ara", "era", "scape", "mint", "sense", "ware", "verse")


class GeneralValues:
    """Makers for the general-sentence slots, over one rng and the general locales."""

    def __init__(self, rng: random.Random, seed: int, pick: Callable[[Callable[[], str]], str]) -> None:
        self.rng = rng
        self.pick = pick
        self.fakers = {loc: Faker(loc) for loc in GENERAL_LOCALES}
        for offset, fake in enumerate(self.fakers.values()):
            fake.seed_instance(seed * 53 + offset + 7)
        self.en = self.fakers["en_US"]

    def fake(self) -> Faker:
        return self.fakers[self.rng.choice(GENERAL_LOCALES)]

    # people -------------------------------------------------------------------------
    def first(self) -> str:
        return self.pick(lambda: self.fake().first_name())

    def last(self) -> str:
        return self.pick(lambda: self.fake().last_name())

    def person(self) -> str:
        """A full name: plain, with a middle initial, or Faker's own (titles, suffixes)."""
        roll = self.rng.random()
        if roll < 0.15:
            return self.pick(lambda: self.fake().name())
        if roll < 0.3:
            dot = "." if self.rng.random() < 0.6 else ""
            return f"{self.first()} {self.rng.choice('ABCDEFGHJKLMNOPRSTVW')}{dot} {self.last()}"
        return f"{self.first()} {self.last()}"

    # places -------------------------------------------------------------------------
    def city(self) -> str:
        city = self.pick(lambda: self.fake().city())
        return city.upper() if self.rng.random() < 0.2 else city

    def country(self) -> str:
        """Mostly the English name ("Finland"), now and then the local one ("Suomi")."""
        make = self.en.country if self.rng.random() < 0.85 else self.fake().country
        return self.pick(make)

    def street_line(self, fake: Faker | None = None) -> str:
        """Street and number in one of the national orders, sometimes with a unit."""
        fake = fake or self.fake()
        name = self.pick(fake.street_name)
        number = str(self.rng.choice((self.rng.randint(1, 99), self.rng.randint(1, 999), self.rng.randint(1, 9999))))
        roll = self.rng.random()
        if roll < 0.35:
            line = f"{name} {number}"
        elif roll < 0.45:
            line = f"{name} {number}."
        elif roll < 0.55:
            line = f"{name} {number}{self.rng.choice('abcd')}" if self.rng.random() < 0.5 else f"{name} {number}/{self.rng.randint(1, 40)}"
        elif roll < 0.65:
            line = f"{self.rng.choice(_UNIT_WORDS)} {self.rng.randint(1, 99)}, {name} {number}"
        elif roll < 0.72:
            line = f"{self.rng.choice(('ul.', 'Rue', 'Via', 'Calle', 'Avda.', 'Rua', 'trg', 'C.'))} {name} {number}"
        else:
            line = f"{number} {name}" if self.rng.random() < 0.5 else self.pick(self.en.street_address)
        if self.rng.random() < 0.25:
            line += self.rng.choice((" ", ", ", "\n")) + f"{self.rng.choice(_UNIT_WORDS)} {self.rng.randint(1, 999)}"
        return line

    def address(self) -> str:
        """A whole postal address: street line, city and postcode in some order, maybe a
        country line; on one line or several (lines sometimes quoted or indented)."""
        if self.rng.random() < 0.08:
            return self.military()
        fake = self.fake()
        city = self.pick(fake.city)
        city = city.upper() if self.rng.random() < 0.2 else city
        code = fake.postcode()
        country = self.country() if self.rng.random() < 0.45 else ""
        roll = self.rng.random()
        code_after_country = bool(country) and self.rng.random() < 0.15
        street = self.street_line(fake)
        if roll < 0.35 and not code_after_country:
            lines = [street, f"{code} {city}"]
        elif roll < 0.6 and not code_after_country:
            lines = [street, f"{city} {code}"]
        elif roll < 0.75 and not code_after_country:
            lines = [street, f"{city}, {self.en.state_abbr()} {code}"]
        elif roll < 0.85 or code_after_country:
            lines = [street, city]
        else:
            lines = [self.pick(lambda: fake.address())]
        if country:
            lines.append(f"{country} {code}" if code_after_country else country)
        lines = [part for line in lines for part in line.split("\n")]
        joiner = self.rng.choice(("\n", "\n", ", ", " ", ",\n"))
        if joiner == "\n":
            prefix = self.rng.choice(_LINE_PREFIXES)
            return f"\n{prefix}".join(lines)
        return joiner.join(lines)

    def military(self) -> str:
        en = self.en
        head = self.rng.choice((en.military_apo, en.military_dpo, lambda: f"{en.military_ship()} {self.last()}"))()
        post = "FPO" if head.startswith("US") else self.rng.choice(("APO", "DPO"))
        return f"{head}{self.rng.choice((chr(10), ', ', ' '))}{post} {en.military_state()} {en.postcode()}"

    def corner(self) -> str:
        """An intersection ("Egeri út 19. and Harbor Road")."""
        second = self.pick(self.fake().street_name)
        return f"{self.street_line().split(chr(10))[0]} and {second}"

    # organisations ------------------------------------------------------------------
    def company(self) -> str:
        """A company: ordinary words (with or without kind and suffix), a coined word,
        a surname with a kind, partners, initials, or Faker's own."""
        rng = self.rng
        roll = rng.random()
        if roll < 0.2:
            return self.pick(lambda: self.fake().company())
        if roll < 0.45:
            words = rng.sample(COMPANY_WORDS, rng.choice((1, 2, 2, 2, 3)))
            if len(words) == 1 or rng.random() < 0.5:
                words.append(rng.choice(COMPANY_KINDS))
            name = " ".join(words)
        elif roll < 0.6:
            head = rng.choice(COMPANY_WORDS).lower() + rng.choice(COMPANY_WORDS + _COINED_TAILS).lower()
            name = head.capitalize() + (f" {rng.choice(COMPANY_KINDS)}" if rng.random() < 0.3 else "")
        elif roll < 0.75:
            name = f"{self.last()} {rng.choice(COMPANY_KINDS)}"
            if rng.random() < 0.3:
                name += f" {rng.choice(COMPANY_KINDS)}"
        elif roll < 0.85:
            a, b, c = self.last(), self.last(), self.last()
            name = rng.choice((f"{a}, {b} and {c}", f"{a} and Sons", f"{a} & {b}", f"{a}-{b}", f"{a} and {b}"))
        elif roll < 0.93:
            letters = "".join(rng.choice("ABCDEFGHIKLMNPRSTUVWXZ") for _ in range(rng.randint(2, 4)))
            name = f"{letters} {rng.choice(COMPANY_KINDS)}" if rng.random() < 0.7 else letters
        else:
            name = f"{rng.randint(1, 99)} {rng.choice(COMPANY_WORDS)} {rng.choice(COMPANY_KINDS)}"
        if rng.random() < 0.3:
            name += f" {rng.choice(LEGAL_SUFFIXES)}"
        return f"The {name}" if rng.random() < 0.04 else name
