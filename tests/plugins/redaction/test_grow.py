"""Growing found pieces into whole identifiers, and what must stay: one row per case.

Rows with ``tagger=False`` show what the deterministic rules guarantee by themselves; the
others use the shipped tagger, as the drafting path does. Every person, place and company
below is invented.
"""
from __future__ import annotations

import pytest

from hooks.types import Span
from plugins.redaction import redact
from plugins.redaction.grow import grow
from tests.plugins.redaction.helpers import is_hidden, is_kept

HIDE = [
    # street name first, house number last (Nordic, German, Hungarian, Polish, French forms)
    ("Send it to Kvistbakkevej 41, please.", ["Kvistbakkevej 41"], False),
    ("She lives at Ostrauer Strasse 12 now.", ["Ostrauer Strasse 12"], False),
    ("Her flat is at Pálvölgyi tér 7. since spring.", ["Pálvölgyi tér 7"], False),
    ("Mail goes to ul. Brzozowa Dolina 28 in the winter.", ["ul. Brzozowa Dolina 28"], False),
    ("They met at 14 Rue des Tilleuls Verts last year.", ["14 Rue des Tilleuls Verts"], False),
    ("his new place is 36 rue des glycines, near the park", ["36 rue des glycines"], False),
    ("The office moved to C/ Almendros Viejos 12 in May.", ["C/ Almendros Viejos 12"], False),
    ("Ship it to apt. 169, suite 4 on the left.", ["apt. 169", "suite 4"], False),
    # a company named by its trade
    ("Her brother-in-law runs Kestrelwyn Software and Brodie Lane Movers.", ["Kestrelwyn Software", "Brodie Lane Movers"], False),
    # an institution named on a heading line in capitals, and one in a sentence
    ("ORCHARD BEND MEDICAL CENTER\nDischarge summary", ["ORCHARD BEND MEDICAL CENTER"], False),
    ("She was admitted to Harwick Regional Hospital overnight.", ["Harwick Regional Hospital"], False),
    # a city and a state code that is also a credential, with its ZIP
    ("They moved to Towson, MD 21204 last year.", ["Towson, MD 21204"], False),
    # a town with a four-digit postcode after it
    ("She grew up in Brekkestad 4844 before the move.", ["Brekkestad 4844"], False),
    # an intersection: both streets and the "and" between them
    ("They met at the corner of 14 Quarry Road and Baskerton Lane.", ["the corner of 14 Quarry Road and Baskerton Lane"], False),
    # a street and number named by where someone lives; an address block with list marks
    ("Her aunt lives on Hoge Wevering 32 near the dike.", ["Hoge Wevering 32"], False),
    ("Send to:\n> 88 Quillfeather Lane\n> Branxholm\n> Norway 4410", ["Branxholm", "Norway 4410"], False),
    # a street named without a house number
    ("He picks them up from her place on Wexford Ct. on Sundays.", ["Wexford Ct"], False),
    # a nickname after a role with one more word in front of it
    ("Mentions his AA sponsor, Big Lou, and a meeting.", ["Big Lou"], False),
    # US military mail, across a line break and in lower case
    ("Ship to PSC 4821, Box 9034\nAPO AE 09456 by Friday.", ["PSC 4821, Box 9034", "APO AE 09456"], False),
    ("his address is unit 7712 box 3310 dpo ap 96521", ["unit 7712 box 3310", "dpo ap 96521"], False),
    # an ordinal street in a lower-case address
    ("they moved to 3911 fourth avenue last month", ["3911 fourth avenue"], False),
    # an address block: the city between the street and the postcode is taken in too
    ("Address: 88 Quillfeather Lane\nBranxholm, OR 97321", ["88 Quillfeather Lane", "Branxholm", "97321"], False),
    # a country, a state and a province nobody listed
    ("He flew to Iceland, then drove through Nebraska and Saskatchewan.", ["Iceland", "Nebraska", "Saskatchewan"], False),
    # employers named by what is said about them
    ("She works at Tindle Ferry Outfitters on weekends.", ["Tindle Ferry Outfitters"], False),
    ("Veltrano Harbor is a staffing agency she used.", ["Veltrano Harbor"], False),
    # with the tagger: the company words after a name the tagger took for a person
    ("Her brother drove her to Quorlen Auto Repair after the call.", ["Quorlen Auto Repair"], True),
    # a middle initial between the parts of a name
    ("She got a text from Annelie E Vroskov on Sunday.", ["Annelie E Vroskov"], True),
    # the house number and postcode around a place the tagger found
    ("We stayed at Vorrakatu 18 in Ylöjärvenkylä 33470 for a week.", ["Vorrakatu 18", "33470"], True),
    # a signature block: the line between the person and the street names the employer
    ("Brisa Tallow-Okeke\nQuindle Harvest\n4410 Marrow Bend Road\nSuite 12", ["Quindle Harvest"], True),
    ("> Oskar Vintergaard\n> Case aide\n> Pellmoor\n> 18 Quarry Road", ["Pellmoor"], True),
    # a generation after a name, a legal form in lower case, the official name of a country
    ("Her grandfather was Osgood Pemberthy III, a farmer.", ["Osgood Pemberthy III"], True),
    ("he drives for quarnell freight inc. at night", ["quarnell freight inc."], True),
    ("They spent a week in the Kingdom of the Netherlands.", ["Kingdom of the Netherlands"], True),
    ("She grew up in Vellimore (Ostrava) before the move.", ["Vellimore (Ostrava)"], True),
    # a letterhead line over its street; a given name before a quoted nickname and a surname
    ("Ironwood Family Therapy\n1220 Sandpiper Lane\nSanta Fe, NM 87505", ["Ironwood Family Therapy"], True),
    ('spoke w/ pt rosemary "rosie" dunleavy re: missed appt', ["rosemary", "rosie", "dunleavy"], True),
    # a first name from the name list, with no tagger at all
    ("She argued with Dariusz about rent.", ["Dariusz"], False),
    # intersections in lower case and with a name particle
    ("they live at the corner of 12 quarry road and minik courts", ["the corner of 12 quarry road and minik courts"], True),
    ("Meet at the corner of 74 Sikelianou Street and ten Pas Pass.", ["the corner of 74 Sikelianou Street and ten Pas Pass"], True),
]

KEEP = [
    # nationalities, languages and faiths are not identifiers
    ("She is studying English and her father is Czech.", ["English", "Czech"], True),
    ("He grew up Catholic and speaks Portuguese at home.", ["Catholic", "Portuguese"], True),
    # a number after a place is a quantity when a unit follows it
    ("She moved to Denver 2 years ago.", ["2 years"], True),
    # ordinary words between two places join nothing
    ("She left Iceland. Then Nebraska felt quiet.", ["Then"], False),
    # a signature: the person goes, the credential stays
    ("Sincerely,\nMarguerite Castellanos-Whitby, MD", ["MD"], True),
    # a year over a blank line is not a house number ("1951" + "Dr." is no street)
    ("DOB: 07/22/1951\n\nDr. Pellegrino,", ["Dr."], True),
    # generic services are not companies
    ("She goes to the Community Mental Health Center and the University Counseling Center.",
     ["Community Mental Health Center", "University Counseling Center"], False),
    # a sentence typed in capitals names no institution
    ("THE BILL FROM THE HOSPITAL HAS BEEN STRESSING HER OUT.", ["HOSPITAL"], False),
    # the relation word in front of a name stays; so does a short acronym in a cased sentence
    ("Ex-wife Carla has the kids this week; the ROI is pending.", ["Ex-wife", "ROI"], True),
    # a drug with its dose and a city with a year are no postcode
    ("Started Depakote 1000 mg at night; she lived in Berlin 1989 to 1994.", ["Depakote 1000 mg", "1989"], False),
    # a therapy group is not a company
    ("She attended the DBT Skills Group and Grief Support Group again.", ["Skills Group", "Support Group"], False),
    # a question opening a sentence is not a person called May
    ("May I ask for the statement again?", ["May I"], True),
    # a region word in front of a country stays
    ("The orchestra tours Southern Tunisia every spring.", ["Southern"], True),
    # a Roman numeral and a chat label are not people
    ("Bot: Title VII protects her at work.", ["Bot", "Title VII"], True),
    # a relation or label line in a contact block is no employer; IV fluids are no name suffix
    ("Emergency contact:\nTamsin Ellery\nMother\n88 Quillfeather Lane", ["Mother"], True),
    ("Gave Loreth Vanstrom IV fluids overnight.", ["IV fluids"], True),
    # a label written onto a number, and a former role in front of a name, stay
    ("Numbers on file: 3660170548-Fax, 4412 9981-Office.", ["-Fax"], False),
    ("This song by ex-Zombie Kastner is a classic.", ["ex-Zombie"], True),
    # a job after its label is no identifier; a word in capitals between two places joins nothing
    ("Occupation: Merchandiser, retail. She works as a Bookseller in town.", ["Merchandiser", "Bookseller"], True),
    ("AMBER MOVED FROM UZBEKISTAN TO RAALTE IN 2025.", [" TO "], True),
    # a generic service over a street is no letterhead
    ("Dear Sir,\n\nOutpatient Services\n560 Ferris Street", ["Outpatient Services"], True),
    # a listed first name after an article names a thing
    ("She reread the Dariusz letters from the archive.", ["Dariusz"], False),
]


@pytest.mark.parametrize(("text", "values", "with_tagger"), HIDE)
def test_grown_identifier_is_hidden(text: str, values: list[str], with_tagger: bool) -> None:
    result = redact(text, None, tagger=with_tagger)
    for value in values:
        assert is_hidden(result, text, value), f"{value!r} visible in {result.text!r}"


@pytest.mark.parametrize(("text", "values", "with_tagger"), KEEP)
def test_not_an_identifier_is_kept(text: str, values: list[str], with_tagger: bool) -> None:
    result = redact(text, None, tagger=with_tagger)
    for value in values:
        assert is_kept(result, text, value), f"{value!r} redacted in {result.text!r}"


def test_grow_keeps_a_known_person_a_person() -> None:
    text = "Tamsin Group called."
    grown = grow(text, [Span(0, 6, "PATIENT", "known")])
    assert grown == [Span(0, 6, "PATIENT", "known")]


def test_grow_turns_a_model_person_with_company_words_into_an_org() -> None:
    text = "She called Brindlecombe Pharmacy twice."
    grown = grow(text, [Span(11, 23, "PERSON", "model")])
    assert grown == [Span(11, 32, "ORG", "model")]


def test_two_people_named_together_keep_two_placeholders(tagger) -> None:
    text = "Brannagh Oduya and Quillan were both at the meeting."
    result = redact(text, None, tagger=tagger)
    assert is_hidden(result, text, "Brannagh Oduya") and is_hidden(result, text, "Quillan"), result.text
    assert " and " in result.text and len(result.mapping) == 2, result.text


def test_a_part_of_a_found_name_is_hidden_where_it_recurs(tagger) -> None:
    text = "My name is Ján M. Novák but everyone calls me Ján."
    result = redact(text, None, tagger=tagger)
    assert "Ján" not in result.text, result.text
