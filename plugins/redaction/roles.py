"""Who a person name refers to, from the words just before it: clinician, relative or other."""
from __future__ import annotations

import re

RELATIVE_WORDS = (
    "mother|mom|mum|mommy|mama|father|dad|daddy|papa|sister|brother|sibling|husband|wife|spouse|"
    "partner|boyfriend|girlfriend|fianc[eé]e?|son|daughter|child|kids?|aunt|uncle|cousin|niece|"
    "nephew|grandmother|grandma|granny|grandfather|grandpa|grandson|granddaughter|stepmother|"
    "stepmom|stepfather|stepdad|stepson|stepdaughter|stepsister|stepbrother|"
    "ex-husband|ex-wife|ex|guardian|in-law|mother-in-law|father-in-law|twin|baby|bf|gf|hubby|fianc[eé]|"
    "nana|abuela|abuelo|abuelita|abuelito|biji|dadi|nani|oma|opa|nonna|nonno|bubbe|zayde|babushka|"
    "tia|tio|tía|tío|ông|bà|halmeoni|halabeoji|jiddo|teta|sitti|kokum|mosom|lola|lolo|nanay|tatay"
)
OTHER_WORDS = (
    "friend|best friend|roommate|boss|supervisor|manager|coworker|co-worker|colleague|neighbou?r|"
    "teacher|coach|pastor|priest|rabbi|imam|sponsor|caseworker|case worker|lawyer|attorney|"
    "landlord|classmate|employer|counselor|tutor|principal|officer"
)
PEOPLE = frozenset(("PATIENT", "RELATIVE", "CLINICIAN", "PERSON"))  # the categories that name a person
CLINICIAN_WORDS = "dr|doc|doctor|therapist|psychiatrist|psychologist|clinician|nurse|np|pcp|prescriber|counselor"
# A role or relation word on its own ("sister", "therapists", "Patient"): no name
ROLE_WORD_RE = re.compile(rf"(?i)(?:{RELATIVE_WORDS}|{OTHER_WORDS}|{CLINICIAN_WORDS}|patient|client)s?")

_CLINICIAN_RE = re.compile(rf"(?i:\b(?:{CLINICIAN_WORDS})\.?,?)\s*$")
_RELATIVE_RE = re.compile(rf"(?i:\b(?:{RELATIVE_WORDS})s?(?:\s*\(\w+\))?,?)\s*$")


def person_role(text: str, start: int) -> str:
    """CLINICIAN, RELATIVE or PERSON for a name at ``start``, judged by the 25 chars before it."""
    before = text[max(0, start - 25) : start]
    if _CLINICIAN_RE.search(before):
        return "CLINICIAN"
    if _RELATIVE_RE.search(before):
        return "RELATIVE"
    return "PERSON"
