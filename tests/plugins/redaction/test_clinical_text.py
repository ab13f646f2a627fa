"""Clinical content is not PHI: eponyms, drugs, abbreviations, scores, ages under 90.

Short clinical sentences of the kind a drafting request carries, written for these tests
(every person and place in them is invented). The redacted text must keep what a clinician
needs and lose what identifies the patient.
"""
from __future__ import annotations

import pytest

from plugins.redaction import redact
from tests.plugins.redaction.helpers import assert_hidden_and_kept

CLINICAL_ONLY = [
    "First-line treatment for Parkinson's disease tremor in a 72 year old man",
    "Is Bell's palsy more common in pregnancy?",
    "Hashimoto thyroiditis and levothyroxine dosing at 1.6 mcg/kg",
    "Crohn's disease flare: prednisone taper over 8 weeks",
    "Down syndrome adults: screening for Alzheimer's disease after age 40",
    "Glasgow Coma Scale 8 after fall, intubation criteria",
    "Beck Depression Inventory score 29 interpretation",
    "Child-Pugh class B cirrhosis and acetaminophen 2 g per day",
    "Mayo Clinic protocol for treatment-resistant depression with ketamine",
    "Started Zoloft 50 mg; switched from Lexapro after two weeks.",
    "Adderall 10 mg in ADHD with tics, any risk?",
    "Recurrent UTIs on nitrofurantoin; NSTEMI last year.",
    "BP 150/95 on lisinopril 20 mg, add amlodipine 5 mg?",
    "PHQ-9 of 19 and GAD-7 of 15 in a 34-year-old with panic attacks",
    "Tourette syndrome in a 12-year-old boy, guanfacine 1 mg",
    "Mother's Day is hard since her mother died; grief work continued.",
    "Halloween candy and type 1 diabetes: insulin to carb ratio 1:10",
    "Uses Headspace and Calm apps; cyberbullying on Instagram discussed.",
    "Medicaid covers the IOP; he attends AA meetings on Tuesdays.",
    "Client used DBT skills twice this week and reported urges at 6/10, anxiety 7/10.",
    "Discussed Maslow's hierarchy and Erikson's stages in relation to his career shift.",
    "Prazosin 1 mg qhs for nightmares; Vyvanse 40 mg and Wellbutrin XL 300 mg in the morning.",
    # diseases known by a name alone, mental-status words, a language, a routine weekday
    "Adult with Asperger's, now ASD level 1; rule out early-onset Alzheimer's.",
    "Tourette's with comorbid ADHD; affect labile, euthymic today, no akathisia.",
    "Her son translated (Dari); she prefers no sessions during Friday prayers.",
    "Mother to collect Vanderbilt forms from teachers; MoCA 24/30.",
    "Sx onset after the move; Hx of two admissions; plan f/u in 2 weeks.",
    # generic services and headings, instruments, credentials, procedure codes, routine weekdays
    "DISCHARGE SUMMARY - GERIATRIC PSYCHIATRY UNIT\nRefer to the Intensive Outpatient Program; Outpatient Services.",
    "Beck Depression Inventory-II (BDI-II) and WASI-II given; 60 min psychotherapy (CPT 90837).",
    "She is a nurse. Practices Buddhism; attends temple on Saturdays and the Tuesday meeting.",
    "Injection given on the first Monday of each month; Tuesday/Thursday gym class.",
    # a decimal ends no sentence; "qHS" shows the writer uses capitals
    "Lithium level 0.9 on day 8; olanzapine 10 mg qHS added for agitation and later tapered to 5 mg.",
    # doses and clock times, ranges of years and shifts, all-caps mental-status words, languages
    "Current meds: donepezil 10mg qhs, memantine 10mg BID. Agitation 5-8pm. Drinks 150-200 ml most nights.",
    "NURSING SHIFT NOTE (0700-1900). USMC 2004-2012. MSE: DISHEVELED, GRANDIOSE AND PERSECUTORY DELUSIONS.",
    "Her first language is Q'eqchi', with some Spanish; he is a Diné Army veteran and a K'iche' speaker.",
    "Follow-up: case manager to call. Perinatal: EPDS 17. Referred by PCP for A1c 10.2; CCAPS elevated.",
    "Labs: Li level 0.8 mEq/L (12-hr trough), TSH 4.9, Cr 0.9.",
    # medical findings and drugs in general hospital notes; ranges, units, scores, temperatures
    "Substernal pressure x 40 min, diaphoretic. Heparin 4,000 U IV bolus, ticagrelor 180 mg. Platelets 245.",
    "GCS 13 (E3V4M6). HR 130s-140s, now 105-115. Foley placed. Negative Kernig and Brudzinski signs.",
    "Buprenorphine-naloxone 4/1 mg SL; pain 6/10, reassessed 3/10. Call for fever above 101 F.",
    "Perforated appendicitis with a 3 cm phlegmon; ileus resolved. Bibasilar crackles, nuchal rigidity.",
    # scale scores written like dates, session codes, units, generic units and roles
    "MoCA 11/30 (15 a year ago). ASRS part A improved from 6/6 to 3/6. MacCAT-CA Understanding 8/16.",
    "PROGRESS NOTE — Individual Psychotherapy (90834). Completing meal plan at 2,800 kcal/day.",
    "DISCHARGE SUMMARY - Withdrawal Management Unit. A 70-year-old retired Lutheran pastor and a Mennonite deacon.",
    "She is a nurse. One participant shared that he tapered; most participants engaged.",
    # routine weekdays, ratings out of ten, a score in brackets, codes after a code word, plan verbs
    "Attends AA Tuesday and Saturday nights and her Saturday running group; distress dropped from 7/10 to 4/10.",
    "MDQ positive (9/13). Claim denied for missing modifier on 90837; TMS (CPT 90867, 90868). Will discuss lithium.",
]


@pytest.mark.parametrize("text", CLINICAL_ONLY)
def test_clinical_content_is_left_alone(tagger, text: str) -> None:
    result = redact(text, None, tagger=tagger)
    assert result.text == text, result.text


@pytest.mark.parametrize(("text", "hidden", "kept"), [
    # an age and a sex in front of a name stay; the name goes
    ("72yo M Jonah Whitcombe, admitted with chest pain", ["Jonah Whitcombe"], ["72yo M"]),
    # an age after a name is no part of the name
    ("Rash after amoxicillin in Priyanka Ramaswamy, 6 y/o, seen last week", ["Priyanka Ramaswamy"], ["6 y/o"]),
    # an SSN is an id, and a full name nobody tagged is still a name
    ("SSN 412-55-9081 on file for Gerwald Okonjo; lithium monitoring", ["412-55-9081", "Gerwald Okonjo"], []),
    # an employer named by its context, an age over 89 set off by commas, a saint's hospital in capitals
    ("Yusuf Demirci works nights at Harbor Freight in Erie.", ["Harbor Freight", "Erie"], ["works nights at"]),
    ("Her grandmother, 91, moved into Sunrise Gardens after the stroke.", ["91", "Sunrise Gardens"], ["grandmother"]),
    ("SEEN IN ER AT ST. JUDE MEDICAL CENTER ON 3/2", ["ST. JUDE MEDICAL CENTER", "3/2"], ["SEEN IN ER"]),
    # a rating out of ten stays, a date after a rated word does not ("since 6/10")
    ("Pain 8/10 on 6/12; low mood since 6/10.", ["6/12", "6/10."], ["Pain 8/10"]),
    # ids: an NPI with its context word, a user name and a social-media handle; a phone stays a phone
    ("NPI 1487739201; portal username jdoe1987; bullied by @quill_fox", ["1487739201", "jdoe1987", "quill_fox"],
     ["NPI", "portal username", "bullied by @"]),
    # a holiday that dates an event is a date
    ("He relapsed the week after Thanksgiving and again over Easter.", ["the week after Thanksgiving", "Easter"], []),
    # the abbreviation after a possessive name stays
    ("Her son Kevin's ADHD is worse this term.", ["Kevin"], ["ADHD"]),
    # dates by the day of the month, weekdays with a date, ages over 89 said with a pronoun
    ("Panic attack on the train on Thursday the 6th; next appt Tues 3/11, then by the 30th.",
     ["Thursday the 6th", "Tues 3/11", "the 30th"], ["Panic attack"]),
    ("Police found her near the park; she is 90 and lives alone. Grandma (she's 97!) calls daily.",
     ["90", "97"], ["Police found her"]),
    # a word name before a surname, nicknames in brackets, a name in brackets after a relation
    ("taper clonazepam for faith okonkwo; her brother ezekiel (zeke) and bf (dev) were there",
     ["faith okonkwo", "ezekiel", "zeke", "dev"], ["clonazepam", "her brother", "bf ("]),
    ("Re: Patience Okoro. Junichi ('Jun') reported the attack; Malik (estranged) did not.",
     ["Patience Okoro", "Junichi", "Jun", "Malik"], ["estranged"]),
    # a serial in letter and digit groups; an employer in brackets; a facility by its trade
    ("CGM serial SN-G7X4-00982176; employer (Kestrel Fulfillment) needs FMLA; lives at Magnolia Terrace "
     "Assisted Living", ["SN-G7X4-00982176", "Kestrel Fulfillment", "Magnolia Terrace Assisted Living"], ["FMLA"]),
    # a town after a word that places someone there; a county
    ("She wants to move to Denver; he grew up in Marion County.", ["Denver", "Marion County"], ["move to"]),
    # ids after their labels with letter prefixes and spaces; ages over 89 by label, in words, after a name
    ("MRN: CG 221 908 4; member id is QHX 448 120 937; client ID NCCMH-77120; serial LX-44719-B",
     ["CG 221 908 4", "QHX 448 120 937", "NCCMH-77120", "LX-44719-B"], ["MRN", "member id"]),
    ("Age: 93. Grandma is turning 90 and plans her ninetieth birthday; Ông Phúc Vuong (94) came.",
     ["93", "90", "ninetieth", "94"], ["birthday"]),
    # nicknames in quotes between first name and surname
    ('Re: Ezekiel "Zeke" Hollister and Seo-yeon "Sunny" Kang', ["Ezekiel", "Zeke", "Hollister", "Sunny", "Kang"], []),
    # typed in lower case: a greeting, a relation, a sign-off; "my mom will call" names nobody
    ("hi ines sorry so late. my sister faith said to ask. my mom will call\n-dawn",
     ["ines", "faith", "dawn"], ["will call"]),
    # where the writer capitalises names, a lower-case word the model took for a person is a word
    ("Patient verbalized understanding; Mirlande present. Met with peer recovery coach Lorenzo Begay.",
     ["Mirlande", "Lorenzo Begay"], ["verbalized", "peer recovery"]),
    # a writer naming themself in lower case, an initial before a surname, a phone with its extension
    ("hey its hunter again. Client signature: R. Castañeda. Reach me at (614) 555-0125, ext 312.",
     ["hunter", "R. Castañeda", "(614) 555-0125, ext 312"], ["hey its"]),
    # an age after "now", an id after "ends", digits said one by one, a court of a county, a neighbourhood
    ("Her mother, now 96, is stable. Claim number ends 9072. Call 2-1-0, 5-5-5, 0-1-9-8. "
     "District Court of Washoe County. Home visit at 91 Wadsworth Ave, Apt 5F, Washington Heights.",
     ["96", "9072", "2-1-0, 5-5-5, 0-1-9-8", "District Court of Washoe County", "Washington Heights"],
     ["Her mother"]),
    # employers by what is said of them, named housing, a saint's church, a street in lower case
    ("Shift changes at Sun Valley Produce; applied to Mesa Verde Senior & Family Apartments; NA meeting at "
     "St. Brendan's; he lives on Juniper st near me",
     ["Sun Valley Produce", "Mesa Verde Senior & Family Apartments", "St. Brendan's", "Juniper st"],
     ["Shift changes"]),
    # descriptions in brackets and compounds stay; a payer stays
    ("HPI: 93-year-old widowed Irish-born woman; Dr. Farahani (Persian-speaking) covered. Insurance: Medi-Cal.",
     ["93", "Farahani"], ["Irish-born", "(Persian-speaking)", "Medi-Cal"]),
    # a name filling a labelled field; a transcript's speaker labels and a relation in a field stay
    ("PROGRESS NOTE\nClient: Pa Nhia Lor\nParticipant: Rosalind 'Roz' Achterberg\nPresent: Mother, patient\n"
     "Therapist: Would you like to start?\nClient: Better. Five hours.\nMr. Haile,\nPer your request",
     ["Pa Nhia Lor", "Rosalind", "Haile"], ["Present: Mother", "Would you", "Better. Five", "Per your"]),
    # an age fused with the sex, an id with a dotted prefix, a patient number, ordinal days before a word
    ("Rose Abernathy-Kim 100F, DNR. OH License #P.7712; hospice patient #GCH-40912; seen on the 4th for CP; "
     "started on the 12th along with Wellbutrin",
     ["100", "P.7712", "GCH-40912", "the 4th", "the 12th"], ["DNR", "for CP"]),
    # a nickname in quotes and brackets, a church by its trade word, a salon, home care
    ('peer recovery coach Marcus Tillman ("Doc") to call; attends Greater Zion Fellowship; owner of Lotus Pearl '
     "Nails; home health via Brightwater Home Care",
     ["Marcus Tillman", "Doc", "Greater Zion Fellowship", "Lotus Pearl Nails", "Brightwater Home Care"],
     ["peer recovery coach"]),
    # a handle after its platform, a nickname the patient prefers, particles in a labelled name,
    # an institution "for" something, a heading court, a ZIP in brackets that is no session code
    ("deleted their Snapchat (sky.fontaine09). Pt: Gerald Whitcombe (prefers Gerry). Partners: Pieter van der "
     "Merwe and Ana Ruiz. Seen at the Brookside Center for Anxiety.\nRIVERSIDE TREATMENT COURT — Weekly Report\n"
     "Long Beach, CA (90813)",
     ["sky.fontaine09", "Gerry", "Pieter van der Merwe", "Brookside Center for Anxiety", "RIVERSIDE TREATMENT COURT",
      "90813"], ["Weekly Report"]),
    # a day of the month "of" a night; people listed in a safety plan
    ("found him in the yard on the night of the 21st.\n3. People: Jonah; Salote (253-555-0171).",
     ["the 21st", "Jonah", "Salote", "253-555-0171"], ["in the yard"]),
    # initials for people (not abbreviations with stops), names with ages in brackets, a lower-case
    # word name before a verb only there, a date range, "since march", "died at 91", residences at a place
    ("Supervision: discussed K.M. (Kwame) and J.R.'s missed sessions; seen at 10 A.M. in the U.S., e.g. the M.D.\n"
     "Family: Ivy (15), and Theo (11); PHQ-9 (12).\nmy mom will call.\n"
     "Inpatient stay (12/28-1/5). She lives with us since march. Sister died at 91. her new apartment is at "
     "The Residences at Kettle Run, 9 Elm Street.",
     ["K.M.", "Kwame", "J.R.", "Ivy", "Theo", "12/28-1/5", "march", "91", "The Residences at Kettle Run"],
     ["A.M.", "U.S.", "e.g.", "M.D.", "PHQ-9 (12)", "mom will call"]),
    # a given name and a quoted nickname before a surname, a town after a street in capitals, a relation
    # opening a clause, a lower-case name after "pt:", a street by its block, a facility after a label
    ('stepfather Dale "Buck" Hensley. STAYING AT 1415 N 5TH ST, GRAND JUNCTION. Son Mort visits on Sundays.\n'
     "pt: devontae harris, 19. lives on the 3300 block of Walnut.\nFACILITY: CANYON VIEW BEHAVIORAL HOSPITAL, UNIT 4B",
     ["Dale", "Buck", "Hensley", "GRAND JUNCTION", "Mort", "devontae harris", "3300 block of Walnut",
      "CANYON VIEW BEHAVIORAL HOSPITAL"], ["stepfather", "Son", "visits on Sundays"]),
    # a health plan by its trade word; a safety plan and a treatment plan stay
    ("Member ID QXP-8830-12749, Summit Peak Health Plan. Reviewed the Stanley-Brown Safety Plan. Fluid 1200 mL. Plan: "
     "continue checks.", ["QXP-8830-12749", "Summit Peak Health Plan"], ["Stanley-Brown Safety Plan", "mL. Plan:"]),
    # a capitalised word where a person's name stands; roles, faith words and weekdays there stay
    ("Conflict since Terrence's promotion; Terrence agreed. Staff reported calm. God's plan, she said. "
     "Zoloft's side effects eased.", ["Terrence"], ["Staff reported", "God's plan", "Zoloft's side effects"]),
    # a town in a note typed in capitals
    ("PT BROUGHT IN BY CHICAGO PD AFTER FOUND ON AN OVERPASS.", ["CHICAGO"], ["PD AFTER"]),
    # a county after a verb, the last four of an SSN, a day "til the 20th", a lower-case title and name
    ("Contacted Leslie County 911. Last4: 6621. back in Chinle til the 20th. my counselor is mr dahl",
     ["Leslie County", "6621", "the 20th", "dahl"], ["Contacted", "my counselor"]),
    # a street named without a number (ordinal, capitals), a parish, a nursing home, an all-caps hospital
    ("She attends Our Lady of the Harbor on NE 2nd Ave; works at Maple Hollow Nursing & Rehab. "
     "FOUND ON A LAKE SHORE DRIVE OVERPASS. REQUESTING: DR. HANNAH FROST, ED ATTENDING, MERCY LAKESIDE HOSPITAL",
     ["Our Lady of the Harbor", "NE 2nd Ave", "Maple Hollow Nursing & Rehab", "LAKE SHORE DRIVE",
      "MERCY LAKESIDE HOSPITAL"], ["She attends"]),
    # programs and practices by their trade word, generic ones stay; a town with its word before it
    ("Our team at the Garden Path Eating Disorder Program and Peachtree Bridges Family Therapy; "
     "refer to the Intensive Outpatient Program. Site: Lakou Wellness Center, North Miami",
     ["Garden Path Eating Disorder Program", "Peachtree Bridges Family Therapy", "North Miami"],
     ["Intensive Outpatient Program"]),
    # bare initials where a name stands, carried to their other mentions; a table's last cell
    ("Supervision - supervisee: KL (LMSW), supervisor: RD\n1. JM (28F, OUD on bup) - KL concerned.\n"
     "mother MJ speaks Kreyol only. Plan: KL to do outreach.\nRD/kl\n0600 | 16 | 162/98 | RT",
     ["KL", "RD", "JM", "MJ", "kl", "RT"], ["LMSW", "OUD", "Kreyol"]),
    # chat speakers and handles, initial-and-surname forms, naming conventions, a surname-first field,
    # phones with dashes or slashes, an extension alone, tribal lands, dictated names, a month and year
    ("[3/14 9:40 AM] Blessing: yes ms tasha\n18:02 Charity_M joined\n[19:02:30] destiny.r.mcbride: bad\n"
     "10:00 Office (Jenna): thanks\nf/u w/ dr m. okoro. Facilitator: R. Abernathy, LCSW; w/ me (S. Cho); "
     "Counselor (Theo M.) saw her. Parents Kim Mi-ra and Lê Thị Mai. Cell 414–555–0181, dad 620/555/0175, "
     "call back x4471. Lives near Tuba City, Navajo Nation. Arrived 04.2022.\nPatient Name: NGUYEN, THI LAN\n"
     "dictation start patient name carol ann pelletier date of service june 3rd period",
     ["Blessing", "Charity_M", "destiny.r.mcbride", "m. okoro", "R. Abernathy", "S. Cho", "Theo M.", "Kim Mi-ra",
      "Lê Thị Mai", "414–555–0181", "620/555/0175", "x4471", "Navajo Nation", "04.2022", "NGUYEN, THI LAN",
      "carol ann pelletier"], ["Office", "LCSW", "Facilitator", "Counselor", "Patient Name"]),
    # a letter's reference initials, a caret record header, a name in capitals with a degree, a salutation,
    # a pager, a month after "starting", a generic clinic "at" its place
    ("EDVISIT^61230978^O'Sullivan, Padraig^06/14/2093^HALVORSEN, INGRID\nDear Reggie,\nShe plans leave starting "
     "November. Clinic: Women's Health Center at Pinewood. Pager 4-7731.\n\nINGRID HALVORSEN, M.D.\nWBO/tlk\n"
     "HV/rsk  D: 08/07/2102",
     ["61230978", "O'Sullivan, Padraig", "HALVORSEN, INGRID", "Reggie", "November", "Women's Health Center at Pinewood",
      "4-7731", "WBO", "tlk", "HV", "rsk"], ["EDVISIT", "Dear", "Clinic:"]),
    # institutions by their trade word; a credential is no town
    ("Seen at Cedar Hollow Behavioral Health and Saguaro Crest High School; Tessa Lindgren, LCSW, CA",
     ["Cedar Hollow Behavioral Health", "Saguaro Crest High School", "Tessa Lindgren"], ["LCSW, CA"]),
    # numbers after "#", an extension with its word, a court and a county named for a place,
    # a week's range of days, a month with "mid-", a date in words, a typist's initials
    ("Elena Vasquez-Torres, PsyD, Licensed Psychologist #PSY 31877; REMS enrollment # SPR-11093. "
     "Reach me at 555-0136 ext 212. Case No. 2069-CR-004417, Hampden County Superior Court; F/U at "
     "Counseling Service of Addison County. Week of Jan 6-12, 2070; sober since mid-April; date of service "
     "june fifth.\nTranscribed by: kdw",
     ["PSY 31877", "SPR-11093", "555-0136 ext 212", "Hampden County Superior Court", "Addison County",
      "Jan 6-12", "April", "june fifth", "kdw"], ["PsyD", "Licensed Psychologist", "REMS enrollment", "Case No."]),
])
def test_identifiers_go_and_clinical_words_stay(tagger, text: str, hidden: list[str], kept: list[str]) -> None:
    assert_hidden_and_kept(redact(text, None, tagger=tagger), text, hidden, kept)


def test_ids_and_phones_keep_their_kind(tagger) -> None:
    text = "NPI 1487739201; cell 330-555-0187"
    result = redact(text, None, tagger=tagger)
    kinds = {text[s.start : s.end]: s.category for s in result.spans}
    assert kinds == {"1487739201": "ID", "330-555-0187": "PHONE"}


def test_a_lower_case_word_name_is_a_name_only_where_it_names(tagger) -> None:
    # "my husband will says": a name before a verb of saying; "my mom will call": the modal stays
    text = "my husband will says i been checked out. my mom will call tomorrow."
    result = redact(text, None, tagger=tagger)
    assert result.text.startswith("my husband [") and "my mom will call" in result.text, result.text


@pytest.mark.parametrize(("text", "hidden", "kept"), [
    # employers after leaving words; a sentence's full stop is no part of the employer
    ("He got fired from Uber in May and resigned from Costquest. Then he slept.", ["Uber", "Costquest"],
     ["got fired from", ". Then"]),
    # a name particle makes a person; a lone letter between two parts of a name is an initial
    ("Willemine ten Pas will be talking at the conference.", ["Willemine ten Pas"], ["will be talking"]),
    ("follow up with benjamin a seiler in a couple of months.", ["benjamin a seiler"], ["follow up with"]),
    # ids after card, order, reference, registration and National Insurance labels; IBANs; UK plates
    ("Card ending 4417. Order 7789-AX shipped; quote reference FSL/2291/KT. National Insurance number "
     "QQ 12 34 56 C. Paid to GB71 TCRN 4021 8836 1029 47. Van registration LK19 XRT.",
     ["4417", "7789-AX", "FSL/2291/KT", "QQ 12 34 56", "GB71 TCRN 4021 8836 1029 47", "LK19 XRT"],
     ["Card ending", "National Insurance number"]),
    # a day of a month in prose, an ordinal after "than", an ordinal birthday over 89
    ("Forms are due the last Friday of June; can we meet earlier than the 22nd? It was grandma's 94th birthday.",
     ["the last Friday of June", "the 22nd", "94th"], ["birthday"]),
    # organisations by their trade word and by what is said of them; a labelled insurer; a quoted client
    ('Insurance: Medical Mutual. Kenji plays for Riverside Rovers FC and goes to Oakfield Primary; his band '
     'Paper Lanterns played at the Crown & Anchor. Supervisor asked about client "TL"; TL lives with parents.',
     ["Medical Mutual", "Riverside Rovers FC", "Oakfield Primary", "Paper Lanterns", "Crown & Anchor", "TL"],
     ["Supervisor asked about client"]),
    # Irish addresses, a flat number, a numbered road, extensions and pagers, a quoted account, a town in brackets
    ("Niamh Gallagher, 12 Oakpark Grove, Tralee, Co. Kerry, V92 X2P4; parcel left at flat 4, 27 Albert Road; "
     "pharmacy on Route 9; ext. 3341; pager 4419; sign-ins to the account 'rahul.v' from 185.220.101.34 (Amsterdam)",
     ["Co. Kerry", "V92 X2P4", "flat 4", "Route 9", "3341", "4419", "rahul.v", "Amsterdam"], ["pharmacy on"]),
    # a weekday after "last", ids with letter groups and masked digits, a compact date, a hyphenated handle
    ("Detained last Thursday (Docket No. PENDC-CR-2023-00417); Visa ending 4417; acct ****8821 on 03JUN24; "
     "venmo me @rosie-t-22", ["last Thursday", "PENDC-CR-2023-00417", "4417", "****8821", "03JUN24", "rosie-t-22"],
     ["Docket No.", "venmo me @"]),
    # nicknames in quotes after a relation or before a real name; a lower-case surname; a store by its number
    ("sponsor = 'big mike'; dominoes w/ friend 'Scotty'; 'Tiny' (Marcus Leung) came. pt joy mwangi-otieno "
     "seen; refilled to Walgreens #09231", ["big mike", "Scotty", "Tiny", "joy mwangi-otieno", "Walgreens #09231"],
     ["sponsor =", "refilled to"]),
    # businesses answered for, founded, or named with an ampersand
    ("Thank you for calling North Star Credit. Adaeze founded Third Shelf; 31 years with Hollis & Pratt.",
     ["North Star Credit", "Third Shelf", "Hollis & Pratt"], ["Thank you for calling"]),
    # a company by its chief, a nickname between given name and surname or said to be one, an age lived to
    ("Marta Kovács, CEO of Sunrise Bakeries, said. Imogen 'Midge' Pettigrew walks dogs; his nickname at school "
     "was Bubbles. She works remotely for Red Kite Media. Grandma lived to be 104.",
     ["Sunrise Bakeries", "Imogen", "Midge", "Pettigrew", "Bubbles", "Red Kite Media", "104"], ["CEO of", "nickname"]),
    # ids after customer and VAT labels, a floor before an address, clubs and libraries by their trade word
    ("customer 88213-C; VAT no. GB 284 7719 36; send to 2nd Floor, 15 Vasilissis Sofias Avenue; "
     "cancel the order to Lakeside Rowing Club on the Fernhill Library network",
     ["88213-C", "GB 284 7719 36", "2nd Floor", "Lakeside Rowing Club", "Fernhill Library"], ["VAT no."]),
    # military units with their numbers, a base, a ship, a union local, a province
    ("Served with 1st Battalion, 4th Marines and 2nd Brigade Combat Team, 82nd Airborne Division; separated at "
     "Fort Liberty; aboard the USS Caldwell Point; steward of ATU Local 1363; deployed to Kandahar Province.",
     ["1st Battalion, 4th Marines", "82nd Airborne Division", "Fort Liberty", "USS Caldwell Point", "ATU Local 1363",
      "Kandahar Province"], ["Served with", "deployed to"]),
    # days of a month in words, another calendar's holiday, ordinals after "for", a month after "past"
    ("Hearing on the ninth of October; visit the Monday after Tết; plan for the 14th; cousins this past July.",
     ["the ninth of October", "the Monday after Tết", "the 14th", "July"], ["Hearing on"]),
    # weekday and month abbreviations after a dating word, ordinals in brackets, ids after auth/CRN/code/parcel labels
    ("safety plan updated Fri; 6 no-shows since feb; move Thursday's session (the 21st); auth # EAP-88213-C; "
     "CRN 402 118 937K; Confirmation code HSB-88Q2K7; your parcel 1Z 9X4 72W 03 8841 2267; Local 57 strike vote",
     ["Fri", "feb", "the 21st", "EAP-88213-C", "402 118 937K", "HSB-88Q2K7", "1Z 9X4 72W 03 8841 2267", "Local 57"],
     ["safety plan updated", "strike vote"]),
    # a writer naming themself before "from", an age over 89 in words after a pronoun, ordinals after "and", "inst."
    ("hey its kofi from tuesday group. He's ninety-one. Group on the 27th and the 28th; appeal before the 3rd inst.",
     ["kofi", "ninety-one", "the 27th", "the 28th", "the 3rd inst."], ["hey its", "tuesday group"]),
    # streets and intersections typed in lower case; a court and a road in prose stay
    ("out of 14 elm ct by friday. bus broke down on lake st. showed up on 5th and main. referred by tribal "
     "court, lives down the main road", ["elm ct", "lake st", "5th and main"], ["tribal court", "the main road"]),
    # a region code ending an address line or between town and postcode; a partner firm as one name;
    # a company owning a person's full name, but not a relation's or a contraction's
    ("Mail to 7878 Rahu 37 Apt. 405 Sindi PR", ["Rahu 37 Apt. 405 Sindi PR"], ["Mail to"]),
    ("the restaurant is located at 389 167 king alexander\nlady frere\n, ec\n 76634. it serves great food.",
     ["king alexander\nlady frere\n, ec\n 76634"], ["the restaurant is located at", "it serves great food"]),
    ("Quotes from White, Willis and Hoffman came in. Pave's Irena Bílá and Consumer Reports's Impi Nummelin "
     "called. \"It's Avi Goldfarb\", said Mom's friend Jane Doe.",
     ["White, Willis and Hoffman", "Pave", "Irena Bílá", "Consumer Reports", "Impi Nummelin", "Avi Goldfarb",
      "Jane Doe"], ["It's", "Mom's friend"]),
    # travel and shop codes, a hotel by its label, masked card digits, day ranges before a date,
    # holidays and a weekend of a month, newer web domains, a town someone arrived in
    ("DATE: 03NOV. PNR: LZ4K9W. RMA: RT-55291. Hotel: Canal View Suites. Card: MC ****5521. Delivery: "
     "19.–21.03.2024. Loss on the night of 23/24 December 2023. Died on St. Stephen's Day; back the first "
     "weekend of April. Links: restwell.health | givealittle.co.nz/eastside-eagles-u10. He arrived Baltimore "
     "in 1886.",
     ["03NOV", "LZ4K9W", "RT-55291", "Canal View Suites", "5521", "19.–21.03.2024", "23/24 December",
      "St. Stephen's Day", "first weekend of April", "restwell.health", "givealittle.co.nz/eastside-eagles-u10",
      "Baltimore"], ["PNR:", "Hotel:", "Card: MC", "Delivery:", "in 1886"]),
    # a company by its website, a 501(c)(3), a business "at X in" a found town, a home city by
    # its cue, the first line of an address block, a country in lower case before its postcode
    ("According to the Costquest website, Environmental Data Resources is a 501(c)3. She spent a year "
     "at Walk Score in Ålesund. The band's home city Station Nord loves them. Check the CDC website.",
     ["Costquest", "Environmental Data Resources", "Walk Score", "Ålesund", "Station Nord"],
     ["According to the", "website", "is a 501(c)3", "The band's home city", "CDC"]),
    # business codes and ids, log users, ISO timestamps, short and legal date forms, day ranges
    ("EMP-40917 and KE-IT-0518 and SL/2024/0918, Flat T3-1104, PAN AQKPI4821M, VIN: WVWZZZAUZLP048812, "
     "ssn xxx-xx-0186. 2025-01-22T14:03:11Z level=INFO actor=kumar.v agent=mpatel. Billing Month: JAN-25; "
     "period 12/01/2024-12/14/2024; this 11th day of October 2023; leave 14-18 April; on 23 and 24 November.",
     ["EMP-40917", "KE-IT-0518", "SL/2024/0918", "T3-1104", "AQKPI4821M", "WVWZZZAUZLP048812", "xxx-xx-0186",
      "2025-01-22T14:03:11Z", "kumar.v", "mpatel", "JAN-25", "12/01/2024-12/14/2024", "11th day of October",
      "14-18 April", "23 and 24 November"], ["level=INFO", "Billing Month", "period", "leave"]),
    # ages over 89 said by the person or after a name, Chinese names surname first, dates written in other
    # languages' ways, a state in a labelled field, newer and national domains, a numbered road in lower case
    ("User: I'm 102, young man. Anh Tuan Pham was 90 when he visited. Booked under Tan Wei Ling. Born on the 14th "
     "of July 1989, signed 3 mai 2022, badge off on 19. 4. 2024, joined 2022年3月15日. CITY: LUDHIANA STATE: PUNJAB. "
     "Sells through andeanthread.pe; she lives on route 9.",
     ["102", "90", "Tan Wei Ling", "14th of July 1989", "3 mai 2022", "19. 4. 2024", "2022年3月15日", "PUNJAB",
      "andeanthread.pe", "route 9"], ["User:", "young man", "STATE:", "Sells through"]),
    # nicknames by their cue or quoted before a name, a programme by "Recovery", a day and month after "visit"
    ('| "Smokey" Robert Lujan | sedated |. "Smoke" aka Darnell Wiggins. Caller gives name "Sunny". Completed MRT '
     "at Second Chance Recovery; next visit 21.03; referral to SMART Recovery; take 1.5 tabs.",
     ["Smokey", "Smoke", "Darnell Wiggins", "Sunny", "Second Chance Recovery", "21.03"],
     ["SMART Recovery", "1.5 tabs", "Caller gives name"]),
    # a chain store at a street, an insurer before the member id, a school district, "next Thursday, 3/20",
    # "late September", an elder's age over 89 and an ordinal birthday, a record number by its label
    ("Denied at the CVS on Fulton St. Client Leticia Navarro, BCBS of Texas member ID XJG904471228. Westlake "
     "Middle School, Austin ISD. Plan for next Thursday, 3/20. Miscarriage in late September. Nani is 92 now; "
     "happy 91st! Record #: 2021-0457.",
     ["CVS", "BCBS of Texas", "Austin ISD", "next Thursday, 3/20", "late September", "92", "91st", "2021-0457"],
     ["Denied at the", "Client", "member ID", "Plan for", "Record #"]),
    # a quoted gamertag, an insurance number by its label, a First Nation, a French date without a year, a
    # holiday in brackets after its date, a Canadian town and province, an employer of overnight shifts
    ("gamertag is 'ShadowFang_77'. Health insurance no. LAMI 33011234. From Six Nations of the Grand River. "
     "Disponible lundi le 21 octobre. Cancelling Thurs 11/28 (Thanksgiving). Liam, 17, from Burnaby, BC, was "
     "referred. She works overnights at the Kroger distribution center.",
     ["ShadowFang_77", "LAMI 33011234", "Six Nations of the Grand River", "21 octobre", "Thanksgiving", "Burnaby, BC",
      "Kroger"], ["gamertag", "Health insurance", "distribution center"]),
    # a day over 12 before its month, dd-Mon-yy, masked account numbers, a planning reference, more holidays,
    # a weekday with dd.mm., a handle before its real name, a parish, a building society, a dateline city
    ("Fees due by 28/02. Debited from A/c XX4821 on 14-Aug-24. Acct: 01****8823. Planning application "
     "24/01873/FUL. Since Carnival Monday. Lost on Midsummer's Eve. Match on Saturday, 19.10., kick-off 10:30. "
     "tom.h (Tom Hargreaves) came. Parish of San Michele Arcangelo. Cwm Valley Building Society.\n"
     "CEDAR RAPIDS — A teen was hurt.",
     ["28/02", "14-Aug-24", "XX4821", "01****8823", "24/01873/FUL", "Carnival Monday", "Midsummer's Eve",
      "Saturday, 19.10.", "tom.h", "Parish of San Michele Arcangelo", "Cwm Valley Building Society", "CEDAR RAPIDS"],
     ["Fees due by", "Debited from", "Planning application", "A teen was hurt"]),
    # a company listed last after a company; a unit of it and a label are no company
    ("Suppliers: Bekins, Enervee Corporation and Civic Insight. To: Fletcher Allen Health Center, Emergency "
     "Department. Re: Kang v. Pacific Crest Hospitality Group, Case No. CGC-23-608114.",
     ["Civic Insight", "Enervee Corporation", "Pacific Crest Hospitality Group"], ["Emergency Department", "Case No."]),
    ("Rebecca Hides\n\n07960 Aqqusinersuaq 111\n Suite 201\n Sisimiut\n\n??? 688 rue du centre 320\n??? belgium 97466",
     ["Rebecca Hides", "Aqqusinersuaq 111", "belgium 97466"], []),
])
def test_identifiers_from_general_and_client_text(tagger, text: str, hidden: list[str], kept: list[str]) -> None:
    assert_hidden_and_kept(redact(text, None, tagger=tagger), text, hidden, kept)


@pytest.mark.parametrize("text", [
    # a holiday as a thing, routine weekdays, a generic payer and service, words in a name's place
    "Thank you for the Christmas card. DBT Skills Group, Tuesday evening cohort; I couldn't get through a single Sunday.",
    "Insurance: Medicaid. Referral source: EAP. She works in Drug & Alcohol services.",
    "Goals: Hope to sleep through the night. Will power, she joked, shows up after coffee.",
    # a lower-case word after an article or possessive, a typed title, a bilingual form label
    "the riff and building energy is a rock masterpiece; far from my job at the hangar",
    "She recommended the novel Lanterns Over Quarry Lake and the song Wonderwall.",
    "Idioma preferido / Preferred language: Spanish",
    # named therapies, scores listed after a scale or compared, a role's possessive
    "Used Emotionally Focused Therapy (EFT); Wellness Recovery Action Plan (WRAP) booklets given.",
    "MacCAT-CA Understanding 13/16, Reasoning 12/16, Appreciation 10/12. Goal: mood >= 6/10.",
    "Spoke w/ client's sister by phone. Spin classes every Monday, Wednesday and Friday.",
    # job titles, degrees, departments, labels, words in a name's place
    "Joins as Logistics Coordinator.\nBSc Nursing\nDepartment of Marine Biology\nPolicyholder: pending",
    "Bill me later? Sue me for being organised. Hope the weather holds.",
    # idioms with names
    "Like a doubting Thomas, every Tom, Dick and Harry has an opinion.",
    # ratings out of five right after what rates, a relation word of another language, a routine league
    "Readiness ruler 4/5; members rated group 3/5 helpful. Lives with his kokum. Sunday league final.",
    # scales with a colon, labels after a pipe, languages, methods after a sentence's end, a trade word alone
    "GDS-15: 10/15. Mini-Cog: 3/5. He speaks Kreyòl and Ilocano. Moral Reconation Therapy started.",
    "Assessor: LICSW | Date: pending | Judge: pending. Health care proxy on file. The Marines took him at 18.",
    # test editions in a list, index scores, a pharmacist's degree, a lawyer's title, labels and verbs
    "Instruments: WAIS-V, CPT-3, BASC-3, MMPI-A-RF, BDI-II.\nResults: FSIQ 104 (61st percentile); WMI 88; PSI 82.",
    "Reconciled by the PharmD. Call the Atty. on file. Recheck AIMS in 2 weeks. Take 2 tabs, #30.",
    # capitals in a sentence typed in capitals, an acronym before a noun, a rank, a note for the patient
    "PT IS 58 YRS OLD AND SIGNED AN ROI FOR US. TMS is supported by APA guidelines. Client SSG (ret.) "
    "called. A note for the patient comma she is better. Vitamin D. Then rest. Plan B. Later.",
    # scale and code names with numbers, field names of a table, business units, amounts, form parties
    "PHQ-9 14, GAD-7 11, ICD-10 F32.1, COVID-19, DSM-5-TR, CPT 90837, PCL-5 38.",
    "emp_id,name,bank_ac,hire_date,net_pay_inr\nThe Payroll Team and the Front Desk. Salary: EUR 31,500 gross. "
    "Consignee: pending. Approver: pending.",
    # working days, a team of service words, a chat answer after "User:", time zones, a surname-first look-alike
    "Our Customer Success Team answers tickets from Monday to Saturday; open Mon-Fri. User: sure, call me. "
    "Meet at 15:00 JST. He Was Here.",
    # section labels with a word after them, a salutation to a role, a job "at" a company's unit, internal
    # medicine words the tagger takes for names
    "ROS: mild fatigue.\nMSE: well-groomed.\nCM: ok feel better\nDear Reviewer,\nReferred to the Intensive "
    "Outpatient Program. Denies orthopnea, melena or hematochezia; egophony at the right base; conjunctivae pale.",
    # a session's name with "Psychotherapy", a fellowship, a pulse, a weight, Medicaid before its id word
    "PROGRESS NOTE — Individual Psychotherapy (90834). HR is 92, RR 18. Dad is 92 kg. Medicaid member ID pending.",
    # a title alone, a greeting in another language, a payment system, a heading with a dash
    "Enquiries: Engr. on duty. Bonjour! Pay via BPAY or UPI.\nPROGRESS NOTE — Individual therapy.",
    # opening hours, a list of product categories, an event, chat words, a title alone
    "Opening Hours: Monday to Friday 9:00–17:30, Saturday 10:00–16:00, Sunday Closed.",
    "New Arrivals: Kitchen Appliances, Air Fryers, Stand Mixers, Espresso Machines and Cast Iron Skillets.",
    "Volunteers are needed for the Spring Concert. lol thats hilarious smh. My Treasurer said hi.",
])
def test_words_that_look_like_identifiers_stay(tagger, text: str) -> None:
    result = redact(text, None, tagger=tagger)
    assert result.text == text, result.text
