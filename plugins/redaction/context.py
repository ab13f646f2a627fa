"""Identifiers found by the words in front of them: ids after "MRN", names after "Dr." or
"my sister", places before a state code. Names must be capitalised here; lower-case and
context-free names are left to known identifiers and the tagger.
"""
from __future__ import annotations

import itertools
import re

from hooks.types import Span
from plugins.redaction.roles import (
    CLINICIAN_WORDS,
    OTHER_WORDS,
    RELATIVE_WORDS,
    ROLE_WORD_RE,
    person_role,
)
from plugins.redaction.textutil import fold
from plugins.redaction.variants import common_words, stop_words
from plugins.redaction.words import (
    DEGREE_RE,
    abbreviations,
    brands,
    cities,
    clause_has_lower,
    clinical_words,
    demonyms,
    drugs,
    eponym,
    first_names,
    lexicon,
    lower_words,
    method_name,
    plain_word,
    service_words,
    word_names,
)

_ID_WORDS = (
    r"mrn|medical\s+record(?:\s+number)?|chart(?:\s+number)?|member(?:\s+id)?|subscriber(?:\s+id)?|"
    r"policy(?:\s+number)?|group(?:\s+number)?|account(?:\s+number)?|acct|licen[cs]e(?:\s+number)?|"
    r"driver'?s\s+licen[cs]e|dl|npi|dea|medicaid(?:\s+id)?|medicare(?:\s+id)?|insurance\s+id|"
    r"patient\s+id|client\s+id|pubpid|pid|id|case(?:\s+number)?|claim(?:\s+number)?|ssn|"
    r"social\s+security(?:\s+number)?|passport(?:\s+number)?|plate|vin|record\s+number|"
    r"serial(?:\s+number)?|badge|employee\s+id|student\s+id|fax\s+id|referral|conf(?:irmation)?|"
    r"last\s*4|last\s+four(?:\s+digits)?|ssn\s+ending(?:\s+in)?|(?:credit\s+|debit\s+|bank\s+)?card(?:\s+number)?|"
    r"(?-i:Order)|order\s*(?=#|number|no\b)|reference|ref|employee\s+(?:id|number|no\.?)(?:\s+on\s+file)?|tracking(?:\s+number)?|booking(?:\s+reference)?|"
    r"routing(?:\s+number)?|iban|invoice|(?:visa|mastercard|amex|discover)(?=\s+ending|\s+ends)|registration|reg|national\s+insurance(?:\s+number)?|ni\s+number|"
    r"docket(?:\s+(?:number|no\.?))?|badge(?:\s+(?:number|no\.?))?|customer(?:\s+(?:number|no\.?|id))?|"
    r"vat(?:\s+(?:number|no\.?|reg(?:istration)?))?|tax\s+id|ein|auth(?:orization)?|crn|"
    r"(?:confirmation|booking|reference)\s+code|frequent\s+flyer(?:\s+(?:number|no\.?))?|parcel|shipment|package|"
    r"index\s+(?:number|no\.?)|enrollment|job|record|pnr|tkt|ticket(?:\s+(?:number|no\.?))?|rma|label\s+code|"
    r"frame\s+(?:number|no\.?)|chip(?:\s+(?:number|no\.?))?|insurance\s+(?:number|no\.?)"
)
_ID_VALUE = r"(?:(?-i:[A-Z]{1,6}) |(?:[A-Za-z]{1,6}[-#./]){1,3}|[A-Za-z]{1,6}|[*xX•]{2,8})?\d[\dA-Za-z/-]*(?:[ ][\dA-Za-z-]*\d[\dA-Za-z-]*)*"
ID_CONTEXT_RE = re.compile(
    rf"(?i)(?<![/\w])(?:{_ID_WORDS}|patient\s*(?=#))\s*(?:number|num|no\.?|#|id)?\s*"
    rf"(?:is|was|of|:|#|=|-|ends?(?:\s+(?:in|with))?|ending(?:\s+(?:in|with))?)?\s*(?P<v>{_ID_VALUE})"
)
_UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽ"
_NAME = rf"[{_UPPER}][^\W\d_]*(?:['’][^\W\d_]+)?(?:-[^\W\d_]+)?"
_PARTICLE = r"(?:van|von|de|der|den|del|della|di|da|la|le|du|bin|ibn|al|el|ten|ter)"
_FULL = rf"(?P<v>{_NAME}(?:[ \t]+[A-Z]\.)?(?:[ \t]+(?:{_PARTICLE}[ \t]+){{0,2}}{_NAME}){{0,2}})"
TITLE_RE = re.compile(
    rf"\b(?P<t>(?i:{CLINICIAN_WORDS}|mr|mrs|ms|mx|miss|prof|professor|judge|officer|pastor|rev|sister|"
    rf"brother|father|aunt|uncle|coach))(?:(?:(?<=\b[DdMm]r)|(?<=\b[Mm]rs)|(?<=\b[Mm][sx])|(?<=\b[Pp]rof)|(?<=\b[Rr]ev)|"
    rf"(?<=\b[Nn][Pp])|(?<=\b[Pp][Aa])|(?<=\b[Dd]oc))\.[ \t]*|[ \t]+){_FULL}"
)  # a period only after an abbreviated title ("Dr.", "Mrs."): "a nurse. Practices ..." ends a sentence
RELATION_RE = re.compile(
    rf"(?i:\b(?:(?:my|his|her|their|our|your|client'?s|patient'?s|\w+'s)\s+(?:[A-Za-z]{{2,12}}\s+)?"
    rf"|(?:the|an?)\s+(?-i:[a-z]{{2,12}}\s+)?)"  # one more word: "his AA sponsor", "an online friend"
    rf"(?:(?:older|younger|little|big|baby|late|twin|oldest|youngest|new|best|ex-?|step-?|half-)\s*)?"
    rf"(?P<r>{RELATIVE_WORDS}|{OTHER_WORDS})s?),?\s+(?:\(\w+\)\s+)?[\"“‘']?{_FULL}"
)
# Typed without capitals: a name after a greeting ("hi ines"), after a relation ("my sister
# faith"), or signing a message on a line of its own ("-dawn"); judged by the word itself.
_LOWER_NAME = r"(?P<v>[a-zà-ÿ][a-zà-ÿ'’-]{1,20})"
GREETING_RE = re.compile(rf"(?im)(?:^|[.!?]\s+)(?:hi|hey|hello|dear|thanks|thank\s+you),?[ \t]+{_LOWER_NAME}\b")
# Who writes ("hey its hunter again", "hi its hope (hope ...)"): the name before a pause.
SELF_NAMED_RE = re.compile(rf"(?i)\b(?:it'?s|its|this\s+is|i'?m)[ \t]+{_LOWER_NAME}\b"
                           rf"(?=[ \t]*(?:[,.!(]|again\b|here\b|from\b|$))")
LOWER_RELATION_RE = re.compile(
    rf"(?:\b(?:my|his|her|their|our|your|pt'?s|client'?s|with)|\bw/)[ \t]+(?P<r>{RELATIVE_WORDS}|{OTHER_WORDS})[ \t]+{_LOWER_NAME}\b"
)
LOWER_TITLE_RE = re.compile(rf"\b(?:mr|mrs|ms|miss|dr|coach)\.?[ \t]+{_LOWER_NAME}\b")
LOWER_PATIENT_RE = re.compile(rf"\b(?:pt|patient|client|spoke\s+w(?:ith|/)|met\s+w(?:ith|/))[ \t]*:?[ \t]+{_LOWER_NAME}\b")
SIGN_OFF_RE = re.compile(rf"(?m)^[ \t]*[-–—~]+[ \t]*{_LOWER_NAME}[ \t]*$")
# A form or header label with the person after it ("Client: Pa Nhia Lor", "Participant: ...",
# "Attending: ..."): the label says a person's name follows.
LABELLED_NAME_RE = re.compile(
    rf"(?m)^[ \t>*-]*(?:\d{{1,2}}[.)][ \t]*)?(?P<t>(?i:client|patient|pt|participant|member|resident|student|child|youth|veteran|caller|"
    rf"parent|spouse|partner|clinician|therapist|provider|prescriber|evaluator|interpreter|peer\s+specialist|"
    rf"case\s+manager|attending|referring(?:\s+provider)?|requesting|pcp|psychiatrist|counselor|advocate|"
    rf"clients|participants|attendees|present|partners|people|contacts?|supports?)(?:\s+name)?)[ \t]*:[ \t]*{_FULL}"
    rf"(?=[ \t]*(?:$|[|,(;/])|[ \t]+['\"“‘]|[ \t]{{2,}}|[ \t]+(?:DOB|MRN|and|&)\b)"
)  # the name fills the field: a transcript's "Client: Better. Five hours." names nobody
# An organisation filling a labelled field ("Insurance: Medical Mutual", "School: Oakfield Primary")
LABELLED_ORG_RE = re.compile(
    r"(?m)(?:^[ \t>*-]*|(?<=[.;] ))(?i:insurance|insurer|payer|carrier|health\s+plan|employer|school|pharmacy|church|"
    r"agency|company|workplace|referral\s+source|referring\s+agency|facility|shelter|program|hotel|venue|gym|"
    r"merchant|retailer|restaurant)[ \t]*:[ \t]*"
    r"(?P<v>[A-Z][\w'’&-]*(?:\.(?=\w))?(?:[ \t]+(?:of|and|&|for|the)?[ \t]*[A-Z][\w'’&-]*(?:\.(?=\w))?){0,5})"
)
# A band, choir, team or club someone belongs to ("his band Paper Lanterns", "plays in the Salt Flats")
GROUP_NAME_RE = re.compile(
    r"\b(?:(?i:his|her|their|my|our|your)[ \t]+(?i:band|choir|team|club|crew|troupe|league|congregation)[ \t]+(?:the[ \t]+)?"
    r"|(?i:plays?|played|playing|sings?|sang|singing)[ \t]+(?:\w+[ \t]+)?(?:in|for|with)[ \t]+the[ \t]+)"
    r"(?P<v>[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,3})"
)
# A business named "X & Y" where someone is or works ("at the Crown & Anchor", "opened Cedar & Salt")
AMPERSAND_ORG_RE = re.compile(
    r"\b(?i:at|opened|owns|owned|runs|ran|from|joined|for|with)[ \t]+(?:the[ \t]+)?"
    r"(?P<v>[A-Z][\w'’]+(?:[ \t]+[A-Z][\w'’]+)?[ \t]*&[ \t]*[A-Z][\w'’]+(?:[ \t]+[A-Z][\w'’]+)?)"
)
# A business named by who answers for it or who founded it ("Thank you for calling North Star
# Credit", "Welcome to the Bluebell Book Club", "founded Third Shelf")
ANSWERED_ORG_RE = re.compile(
    r"\b(?:(?i:thank(?:s|[ \t]+you)[ \t]+for[ \t]+calling|you(?:'ve|[ \t]+have)[ \t]+reached|welcome[ \t]+to)"
    r"|(?:founded|co-founded|launched|owns|owned))[ \t]+(?:the[ \t]+)?"
    r"(?P<v>[A-Z][\w'’&-]*(?:[ \t]+(?:of|and|&|the)?[ \t]*[A-Z][\w'’&-]*){0,4})"
)
# A company by its chief ("Marta Kovács, CEO of Sunrise Bakeries", "founder of Third Shelf")
CHIEF_OF_RE = re.compile(
    r"\b(?:CEO|CFO|COO|CTO|(?i:founder|co-founder|owner|co-owner|president|chairman|chairwoman|chair|managing\s+director))"
    r"[ \t]+(?i:of|at)[ \t]+(?:the[ \t]+)?(?P<v>[A-Z][\w'’&-]*(?:[ \t]+(?:of|and|&|for)?[ \t]*[A-Z][\w'’&-]*){0,4})"
)
# A person named with a quoted nickname between given name and surname ("Imogen 'Midge' Pettigrew")
GIVEN_NICK_SURNAME_RE = re.compile(
    r"(?<![\w'’])(?P<g>[A-Z][a-zà-ÿ]+)[ \t]+['\"“‘](?P<n>[A-Z][\w'’.-]*(?:[ \t][A-Z][\w'’.-]*)?)['\"”’][ \t]+"
    r"(?P<s>[A-Z][\w'’-]+)"
)
# A nickname said to be one ("His nickname at school was Bubbles", "goes by Bee")
NICKNAME_SAID_RE = re.compile(
    r"\b(?i:nickname(?:[ \t]+\w+){0,3}[ \t]+(?:was|is)|nicknamed|goes[ \t]+by|known[ \t]+as|a\.?k\.?a\.?|"
    r"gives?[ \t]+(?:(?:her|his|their)[ \t]+)?(?:first[ \t]+)?name(?:[ \t]+as)?|calls?[ \t]+(?:her|him|them)self)"
    r"[ \t]+['\"“‘]?(?P<v>[A-Z][\w'’-]+)"
)
# A quoted nickname right before a name or "aka" ('"Smokey" Robert Lujan', '"Smoke" aka Darnell Wiggins')
QUOTED_NICK_BEFORE_RE = re.compile(r"['\"“‘](?P<v>[A-Z][\w'’.-]{1,20})['\"”’][ \t]+(?:(?i:aka|a\.k\.a\.)[ \t]+)?"
                                   r"[A-Z][a-z]+[ \t]+[A-Z][a-z]+")
# An Irish county after a town ("Ballincollig, Co. Cork")
IRISH_COUNTY_RE = re.compile(
    r"\b(?P<v>Co\.?[ \t]+(?:Antrim|Armagh|Carlow|Cavan|Clare|Cork|Derry|Donegal|Down|Dublin|Fermanagh|Galway|Kerry|"
    r"Kildare|Kilkenny|Laois|Leitrim|Limerick|Longford|Louth|Mayo|Meath|Monaghan|Offaly|Roscommon|Sligo|Tipperary|"
    r"Tyrone|Waterford|Westmeath|Wexford|Wicklow))\b(?:,?[ \t]+(?P<eir>[AC-FHKNPRTV-Y]\d[\dW][ \t]?[0-9AC-FHKNPRTV-Y]{4})\b)?"
)
# A client named by a nickname or initials in quotes ('client "Bear"', 'presented client "TL"')
QUOTED_CLIENT_RE = re.compile(
    rf"\b(?i:client|patient|pt|member|youth|resident|student|child|teen|boy|girl|son|daughter|veteran|"
    rf"{RELATIVE_WORDS}|{OTHER_WORDS})(?:[ \t]+|[ \t]*=[ \t]*)"
    r"[\"“'‘](?P<v>[A-Za-z][\w'’.-]*(?:[ \t][A-Za-z][\w'’.-]*)?)[\"”'’]"
)
# A nickname in quotes before a bracketed real name ("'Tiny' (Marcus Leung)")
QUOTED_BEFORE_NAME_RE = re.compile(r"['\"“‘](?P<v>[A-Z][\w'’.-]*(?:[ \t][A-Z][\w'’.-]*)?)['\"”’][ \t]*\([ \t]*"
                                   r"(?:real[ \t]+name[ \t]+)?[A-Z][a-z]+")
# A chain's store by its number ("Walgreens #09231", "Riverside Drug #4471"): one place
STORE_NUMBER_RE = re.compile(r"\b(?P<v>[A-Z][\w'’&-]*(?:[ \t]+[A-Z][\w'’&-]*){0,2}[ \t]*#[ \t]*\d{2,6})\b")
# A relation opening a clause with the name after it ("Son Mort visits on Sundays.")
RELATION_START_RE = re.compile(
    rf"(?m)(?:^|(?<=[.;:!?])[ \t]+)(?P<r>(?i:{RELATIVE_WORDS}))[ \t]+(?!(?i:and|or|of|is|was|has|had)\b){_FULL}"
)
NAMED_RE = re.compile(rf"(?i:\b(?:named|called|nicknamed|name\s+is|name\s+was|goes\s+by|aka|calls?\s+(?:me|him|her)|"
                      rf"said|says|asked|asks|replied|replies|answered|whispered|shouted|wrote|explains|explained))"
                      rf"\s+{_FULL}")
# Who speaks in a transcript ("Ubul: What a day."), and who is spoken to ("Remember me, Nathan?").
SPEAKER_RE = re.compile(rf"(?m)^[ \t>]*(?P<v>{_NAME}(?:[ \t]+{_NAME})?)[ \t]*:[ \t]*(?=\S)(?!\d)")
VOCATIVE_RE = re.compile(rf",[ \t]+(?P<v>{_NAME})[ \t]*[?!]")
_ROLE_LABELS = frozenset((
    "client", "patient", "therapist", "clinician", "counselor", "doctor", "provider", "bot", "chatbot", "user",
    "agent", "interviewer", "interviewee", "q", "a", "question", "answer", "mom", "dad", "mother", "father",
    "subject", "re", "note", "notes", "ps", "tel", "fax", "phone", "email", "web", "website", "address", "when",
    "where", "who", "what", "why", "how", "from", "to", "cc", "bcc", "date", "time", "name", "title", "speaker",
    "mrn", "dob", "ssn", "dx", "rx", "hpi", "pmh", "ros", "tx", "sx",
))
# A transcriptionist's initials in lower case ("Transcribed by: kdw", "job 7718340 / jt")
TYPIST_RE = re.compile(r"(?i:\b(?:transcribed|typed)\s+by\s*:?[ \t]*)(?P<v>[a-z]{2,3})\b(?![ \t]*[a-z])")
JOB_TYPIST_RE = re.compile(r"(?im:\bjob\s*(?:#|no\.?)?\s*\d{4,}[ \t]*/[ \t]*)(?P<v>[a-z]{2,3})[ \t]*$")
SIGNED_RE = re.compile(rf"(?i:\b(?:signed\s+by|electronically\s+signed\s+by|referred\s+by|seen\s+by|"
                       rf"guardian|emergency\s+contact|name|spoke\s+with|met\s+with|session\s+with|"
                       rf"policy\s+holder|subscriber))\s*:?\s+{_FULL}")
STATE_CODES = (
    "AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|"
    "NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|PR|AS|GU|MP|PW|VI|FM|MH|AA|AE|AP|"
    "AB|BC|MB|NB|NL|NS|NT|NU|ON|PE|QC|SK|YT"
)
_PLACE_WORD = r"[^\W\d_a-z][\w.'’-]*"
CITY_STATE_RE = re.compile(
    rf"(?P<v>\b{_PLACE_WORD}(?:[ \t]+(?:(?:de|la|del|los|las|le|di|da|on|upon|of)[ \t]+)*{_PLACE_WORD}){{0,3}}"
    rf"\s*,\s*(?:{STATE_CODES})\b(?:[ \t]+\d{{5}}(?:-\d{{4}})?)?)(?![a-z])"
)
NOT_NAMES = frozenset(
    ["i", "i'm", "i've", "i'd", "the", "a", "an", "and", "or", "but", "he", "she", "they", "we", "you", "it", "this", "that", "his", "her", "their", "my", "our", "your", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "june", "july", "august", "september", "october", "november", "december", "today", "tomorrow", "yesterday", "client", "patient", "therapist", "mom", "dad", "god", "christmas", "easter", "thanksgiving", "said", "says", "told", "was", "is", "has", "had", "who", "when", "if", "what", "also", "has", "then", "so", "not", "no", "yes", "dr", "mr", "mrs", "ms", "mx", "miss", "prof", "doctor"]
)


# A handle after the platform it is on ("Snapchat (sky.fontaine09)", "insta: @kay_lee").
HANDLE_RE = re.compile(
    r"(?i)\b(?:snapchat|snap|instagram|insta|ig|tiktok|twitter|discord|reddit|twitch|facebook|fb|telegram|kik|venmo|"
    r"cash\s*app|cashapp|roblox|psn|xbox|steam|gamertag)\b[^\n\w]{0,4}(?:handle|name|username|is|:)?[ \t(:]*"
    r"(?P<v>@?(?=[\w.]*?(?:[\d_]|\.\w))[A-Za-z][\w.]{1,28}\w)"
)
# Initials that stand for a person ("client J.M.", "discussed K.M. (Kwame)", "A.M., 24"), not an
# abbreviation written with stops ("U.S.", "M.D.", "a.m.", "e.g.").
INITIALS_RE = re.compile(r"(?<![\w.])(?P<v>(?:[A-Z]\.){2,3})(?![\w.])")
_NOT_INITIALS = frozenset(("U.S.", "U.K.", "D.C.", "N.Y.", "L.A.", "B.A.", "M.A.", "M.D.", "R.N.", "P.A.", "N.P.",
                           "J.D.", "B.S.", "M.S.", "D.O.", "P.O.", "A.A.", "N.A.", "A.M.", "P.M.", "U.N.", "E.U.",
                           "B.C.", "A.D.", "Q.D.", "B.I.D.", "T.I.D.", "Q.I.D.", "P.R.N.", "D.D.S.", "O.T.", "P.T.",
                           "S.W.", "I.D.", "E.R.", "I.Q.", "O.K.", "T.V.", "R.V.", "S.O.", "G.P."))
# Bare capital initials standing for a person where a name stands: after a role or label
# ("supervisee: KL", "Signed GW", "mother MJ"), opening a numbered case ("1. JM (28F"), with an
# age and sex ("TB (34M)"), as a table's last cell ("| RT"), as writer/typist ("RD/kl")
_INITIALS_ROLE = (r"supervisee|supervisor|signed|staff|initials|mother|father|mom|dad|sister|brother|son|daughter|"
                  r"client|pt|patient|member|facilitator|counselor|therapist|clinician|case\s+manager|nurse|peer|"
                  r"coach|intern|wife|husband|partner|aunt|uncle|grandmother|grandfather|cousin|friend|roommate")
BARE_INITIALS_RES = (
    re.compile(rf"\b(?i:{_INITIALS_ROLE})[ \t]*:?[ \t]+(?P<v>[A-Z]{{2,3}})(?![\w'’.-])"),
    re.compile(r"(?m)^[ \t]*\d{1,2}[.)][ \t]+(?P<v>[A-Z]{2,3})(?=[ \t]*(?:\(|-|–|,|:))"),
    re.compile(r"(?<![\w'’.-])(?P<v>[A-Z]{2,3})[ \t]*\([ \t]*\d{1,2}[ \t]*[MF]\b"),
    re.compile(r"(?m)\|[ \t]*(?P<v>[A-Z]{2,3})[ \t]*\|?[ \t]*$"),
    re.compile(r"(?m)^[ \t]*(?P<v>[A-Z]{2,3})/[a-z]{2,3}[ \t]*$"),
)
# A person by initial and surname: lower case after a title or signing off ("dr m. okoro",
# "- m.okonjo"), capitalised anywhere ("R. Abernathy, LCSW", "(S. Cho)"); a given name with
# its initial ("Theo M."); naming conventions the tagger misses (Korean "Kim Mi-ra",
# Vietnamese "Lê Thị Mai"); a surname-first field ("Patient Name: NGUYEN, THI LAN")
LOWER_INITIAL_NAME_RE = re.compile(r"(?:\b(?:dr|mr|mrs|ms|miss)\.?[ \t]+|(?m:^[ \t]*[-–—~]+[ \t]*)|\b(?i:pt|client|patient):[ \t]*)"
                                   r"(?P<v>[a-z]\.[ \t]?[a-zà-ÿ][a-zà-ÿ'’-]{2,20})\b")
INITIAL_SURNAME_RE = re.compile(r"(?<![\w.-])(?P<v>[A-Z]\.[ \t]?(?P<s>[A-Z][a-zà-ÿ][\w'’-]+))(?![\w'’-]|\.\w)")
GIVEN_INITIAL_RE = re.compile(r"(?<![\w'’.-])(?P<v>(?P<g>[A-Z][a-zà-ÿ]+)[ \t]+[A-Z]\.)(?![\w.])(?![ \t]+[A-Z][a-z])")
EAST_ASIAN_NAME_RE = re.compile(
    r"(?<![\w'’-])(?P<v>(?:Kim|Lee|Park|Choi|Jung|Kang|Cho|Yoon|Jang|Lim|Han|Oh|Seo|Shin|Kwon|Hwang|Ahn|Song|Yoo|Hong|"
    r"Jeon|Ko|Moon|Yang|Son|Bae|Baek|Nam)[ \t]+[A-Z][a-z]+-[a-z]+|"
    r"(?:Nguyễn|Nguyen|Trần|Tran|Lê|Le|Phạm|Pham|Hoàng|Hoang|Huỳnh|Huynh|Phan|Vũ|Vu|Võ|Vo|Đặng|Dang|Bùi|Bui|Đỗ|Do|"
    r"Hồ|Ho|Ngô|Ngo|Dương|Duong|Lý|Ly)[ \t]+(?:Văn|Van|Thị|Thi|Đức|Duc|Hữu|Huu|Ngọc|Ngoc|Minh)"
    r"(?:[ \t]+[A-ZÀ-ỹĐ][\wà-ỹ]+){1,2})(?![\w'’-])")
SURNAME_FIRST_FIELD_RE = re.compile(
    rf"(?m)^[ \t>*-]*(?i:(?:patient|client|pt|member|resident|student|name)(?:\s+name)?)[ \t]*:[ \t]*"
    rf"(?P<v>{_NAME},[ \t]*{_NAME}(?:[ \t]+{_NAME})?)(?=[ \t]*$|[ \t]{{2,}}|[ \t]*[|;])")
# A state or province in a labelled field ("CITY: LUDHIANA STATE: PUNJAB", "Province: Gauteng")
STATE_FIELD_RE = re.compile(r"\b(?i:state|province|county|region|prefecture)[ \t]*:[ \t]*"
                            r"(?P<v>[A-Z][A-Za-z'’-]+(?:[ \t][A-Z][A-Za-z'’-]+){0,2})(?=[ \t]*(?:$|[,;|\n]|\.(?:\s|$)|[ \t][A-Z]{2,}:))",
                            re.MULTILINE)
# Chinese and Singaporean names, surname first ("booked under Tan Wei Ling", "Lee Kuan Yew")
CHINESE_NAME_RE = re.compile(
    r"(?<![\w'’-])(?P<v>(?:Tan|Lim|Ng|Ong|Wong|Goh|Chua|Chan|Koh|Teo|Ang|Yeo|Tay|Toh|Sim|Chong|Chia|Zhang|Wang|Liu|"
    r"Chen|Yang|Huang|Zhao|Zhou|Xu|Sun|Zhu|Guo|Lin|Luo|Gao|Leong|Lau|Yap|Quek|Seah|Foo|Loh|Tang|Cheng|Liang|Xie|Song|"
    r"Deng|Feng|Cao|Peng|Zeng|Xiao|Tian|Dong|Pan|Yuan|Cai|Jiang|Yu|Du|Ye|Cheung|Leung|Chow|Yip|Kwok|Fung|Tse|Mak)"
    r"[ \t]+(?P<a>[A-Z][a-z]{1,5})[ \t]+(?P<b>[A-Z][a-z]{1,5}))(?![\w'’-])")
# An insurer before the member's id ("BCBS of Texas member ID XJG904471228")
INSURER_BEFORE_ID_RE = re.compile(r"(?<![\w'’-])(?P<v>[A-Z][\w&'’-]*(?:[ \t]+(?:of[ \t]+)?[A-Z][\w&'’-]*){0,3})[ \t]+"
                                  r"(?i:member|subscriber|policy)[ \t]*(?i:id|#|no\.?|number)\b")
# A handle with the real name in brackets after it ("tom.h (Tom Hargreaves)")
HANDLE_BEFORE_NAME_RE = re.compile(r"(?<![\w@.])(?P<v>[a-z][a-z0-9]+[._][a-z0-9]{1,12})[ \t]*\([ \t]*[A-Z][a-z]+[ \t]+[A-Z][a-z]+")
# A news item's dateline in capitals ("CEDAR RAPIDS — A 17-year-old ...")
DATELINE_RE = re.compile(r"(?m)^(?P<v>[A-Z][A-Z'’.-]+(?:[ \t]+[A-Z][A-Z'’.-]+){0,2})(?:,[ \t]+[A-Z][A-Za-z.]+)?[ \t]+[—–-][ \t]+[A-Z]")
# A school district by its abbreviation ("Austin ISD", "Fresno Unified School District")
SCHOOL_DISTRICT_RE = re.compile(r"(?<![\w'’-])(?P<v>[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,2}[ \t]+"
                                r"(?:C?ISD|USD|Unified(?:[ \t]+School[ \t]+District)?|School[ \t]+District|Public[ \t]+Schools))\b")
# A lower-case name after "w/" in a quick note ("f/u w/ jamal re: court")
LOWER_WITH_RE = re.compile(r"\b(?:f/u|spoke|met|call|talked|check(?:ed)?[ \t]+in)[ \t]+w/[ \t]+(?P<v>[a-zà-ÿ][a-zà-ÿ'’-]{1,20})\b")
# Tribal lands where someone lives ("near Tuba City, Navajo Nation", "Yakama Nation, White Swan")
TRIBAL_LAND_RE = re.compile(r"(?<![\w'’-])(?P<v>[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?[ \t]+(?:Nations?|Reservation|Rancheria|"
                            r"Pueblo|Reserve|First[ \t]+Nations?|Indian[ \t]+Community)"
                            r"(?:[ \t]+of[ \t]+the[ \t]+[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?)?)\b")
# A name in voice dictation, in lower case between spoken labels ("patient name carol ann pelletier
# date of service", "a progress note for justice whitfield comma")
DICTATED_NAME_RE = re.compile(
    r"\b(?:(?:patient|client)[ \t]+name|name[ \t]+of[ \t]+(?:the[ \t]+)?patient)[ \t]*:?[ \t]+"
    r"(?P<v>[a-z][a-z'’-]+(?:[ \t]+[a-z][a-z'’-]+){1,2}?)(?=[ \t]+(?:date|dob|medical|mrn|comma|period|age|born)\b)|"
    r"\b(?:for|patient|pt|client)[ \t]+(?P<w>[a-z][a-z'’-]+[ \t]+[a-z][a-z'’-]+)[ \t]+comma\b")
# A user in a log or export ("actor=kumar.v", "agent=mpatel", "Owner: ljamieson")
LOG_USER_RE = re.compile(r"\b(?i:user|actor|agent|owner|username|login|assignee|created_by|updated_by|assigned_to)"
                         r"[ \t]*[=:][ \t]*\"?(?P<v>[a-z][a-z0-9._-]{2,30}[a-z0-9])\b")
# A letter's reference line: the writer's and the typist's initials ("WBO/tlk", "RHQ:ajt", "MD / kmr")
REFERENCE_INITIALS_RE = re.compile(r"(?m)^[ \t]*(?P<a>[A-Z]{2,4})[ \t]*[/:][ \t]*(?P<b>[a-z]{2,4})"
                                   r"(?=[ \t]*$|[ \t]{2,}|[ \t]+[DT]:)")
TYPIST_AFTER_DEGREE_RE = re.compile(r"(?m)\b(?:M\.?D\.?|D\.?O\.?|PhD|R\.?N\.?|NP|PA-C|DNP)[ \t]*/[ \t]*(?P<b>[a-z]{2,4})[ \t]*$")
# A record header with carets ("EDVISIT^61230978^O'Sullivan, Padraig^06/14/2093^HALVORSEN, INGRID")
CARET_NAME_RE = re.compile(r"(?<=\^)(?P<v>[A-Za-z][A-Za-z'’-]+,[ \t]*[A-Za-z][A-Za-z'’ .-]*?)(?=[ \t]*(?:\^|$))", re.MULTILINE)
# A name in capitals with a degree after it, opening a line ("INGRID HALVORSEN, M.D.")
CAPS_DOCTOR_RE = re.compile(r"(?m)^[ \t]*(?P<v>[A-Z][A-Z'’-]+(?:[ \t]+[A-Z]\.?)?[ \t]+[A-Z][A-Z'’-]+),[ \t]*"
                            r"(?:M\.?D\.?|D\.?O\.?|R\.?N\.?|PhD|NP|PA-C|DNP|LCSW|PsyD)\b")
# The salutation of a letter ("Dear Reggie,")
DEAR_RE = re.compile(r"\bDear[ \t]+(?:(?:Mr|Mrs|Ms|Mx|Miss|Dr|Prof|Rev)\.?[ \t]+)?(?P<v>[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?)[ \t]*[,:]")
# Who speaks or joins in a time-stamped chat log ("[3/14 9:40 AM] Blessing: ok", "18:02 Charity_M
# joined", "[19:02:30] destiny.r.mcbride: bad"): a person, or a handle when it has digits or marks
CHAT_SPEAKER_RE = re.compile(
    r"(?m)^[ \t]*(?:\[[^\]\n]{3,25}\]|\d{1,2}/\d{1,2}[ \t]+\d{1,2}:\d{2}(?:[ \t]*[AaPp][Mm])?|"
    r"\d{1,2}:\d{2}(?::\d{2})?(?:[ \t]*[AaPp][Mm])?)[ \t]+(?P<v>[^\W\d][\w.'’-]{1,29}?)(?:[ \t]+\([^)\n]{1,20}\))?"
    r"(?=:|[ \t]+(?:joined|left|has[ \t]+joined|has[ \t]+left)\b)")
# A name with an age in brackets after it ("Ivy (15), and Theo (11)", "Joy (9)")
NAME_AGE_RE = re.compile(rf"(?<![\w'’-])(?P<v>{_NAME}(?:[ \t]+{_NAME})?)[ \t]*\((?:age[ \t]*)?\d{{1,2}}\)")
ZIP_CONTEXT_RE = re.compile(
    r"(?i)\b(?:zip|postal|post(?=\s*code))(?:\s*code)?\s*(?:is|:|#|=)?\s*(?P<v>(?=[A-Z0-9 -]*\d)[A-Z0-9]{2,5}(?:[ -][A-Z0-9]{2,4})?)\b"
)
PHONE_CONTEXT_RE = re.compile(
    r"(?i)\b(?:phone|tel(?:ephone)?|mobile|cell(?:phone)?|fax|desk|pager|call\s+(?:me|him|her|them|us)\s+(?:on|at)|"
    r"text\s+(?:me|him|her|them)\s+(?:on|at)|reach(?:ed)?\s+(?:me\s+|him\s+|her\s+)?at|answering\s+at|"
    r"number\s+is)\s*(?:number|no\.?|#)?\s*[:#]?\s*(?P<v>\+?\(?\d[\d\s().-]{5,18}\d)"
)
_LEGAL_SUFFIX = r"(?:Inc|INC|LLC|L\.L\.C|LLP|Ltd|LTD|Limited|LIMITED|Corp|CORP|Corporation|GmbH|PLC|plc|AG|S\.A|SARL|B\.V|N\.V|Pty)\b"
_ORG_WORD = r"[A-Z][\w'’.-]*"
COMPANY_RE = re.compile(
    rf"(?P<v>{_ORG_WORD}(?:(?:,?[ \t]+|[ \t]+(?:and|&|of|de|et|und)[ \t]+){_ORG_WORD}){{0,4}},?[ \t]+{_LEGAL_SUFFIX})"
)
# Employers and other organisations named by what is said about them ("works at Acme Foods",
# "Acme is a staffing agency"): one to five capitalised words.
_ORG_NAME = rf"(?P<v>{_ORG_WORD}(?:(?:[ \t]+|[ \t]*&[ \t]*|[ \t]+(?:and|of|de|et)[ \t]+){_ORG_WORD}){{0,4}})"
EMPLOYER_RE = re.compile(
    rf"(?i:\b(?:work(?:s|ed|ing)?|job|shifts?|interns?|interned|interning|volunteers?|volunteered|volunteering|"
    rf"co-?workers?|boss|supervisor|manager|shift\s+changes|quit|interviewed|interviewing|interview|hired|promoted)"
    rf"(?:\s+(?:nights|overnights|days|weekends|evenings|mornings|shifts|part-time|full-time|there|briefly|now|still|remotely|"
    rf"locally|temporarily|freelance|casually))?"
    rf"\s+(?:for|at|with)|\bemployed\s+(?:by|at)|\bhired\s+by|\bemployer\s*(?:is|was|:|\()|"
    rf"\blaid\s+(?:him|her|them|me|us)\s+off\s+from|\b(?:laid\s+off|fired|let\s+go|resigned|retired|retiring|"
    rf"terminated)\s+from|\bquit\s+(?:(?:her|his|my|their|a)\s+)?job\s+at)[ \t]*(?:the[ \t]+)?{_ORG_NAME}"
)
IS_A_COMPANY_RE = re.compile(
    rf"{_ORG_NAME}[ \t]+(?:is|was)[ \t]+an?[ \t]+(?:[\w-]+[ \t]+){{0,2}}(?:company|agency|firm|startup|"
    rf"business|non-?profit|charity|corporation|bank|insurer|manufacturer|retailer|consultancy|organi[sz]ation)\b"
)
NONPROFIT_RE = re.compile(rf"{_ORG_NAME}[ \t]+(?:is|was)[ \t]+a[ \t]+501\(c\)\(?3\)?")  # "X is a 501(c)3"
# Where someone is from, by its cue word ("the band's home city Voorburg", "hometown: Station Nord")
HOME_TOWN_RE = re.compile(r"\b(?i:home[ \t]*(?:city|town)|birthplace|native[ \t]+(?:city|town|village))(?:[ \t]+(?:of|is|was))?"
                          r"[ \t]*:?[ \t]+(?P<v>[A-ZÀ-Þ][\w'’-]*(?:[ \t]+(?:[A-ZÀ-Þ][\w'’-]*|de|del|la|le|am|an|sur)){0,3})")
# A company's own website or app ("according to the Costquest website"): a name that is no English word
WEBSITE_RE = re.compile(r"\b(?i:the)[ \t]+(?P<v>[A-Z][\w&'’-]*(?:[ \t]+[A-Z][\w&'’-]*)?)[ \t]+(?:website|web\s+site|homepage)\b")
# A company named by the kind of business its last word says ("Tableau Software", "Nera
# Economic Consulting", "Asc Partners"); therapy groups ("Skills Group") are not companies.
_TRADE_WORDS = (
    "Credit Union", "Software", "Technologies", "Technology", "Solutions", "Consulting", "Consultants", "Partners", "Capital",
    "Research", "Insurance", "Assurance", "Recovery", "Psychotherapy", "Clinics", "Health System", "Building Society",
    "Energy", "Group", "Holdings", "Industries", "Enterprises", "Systems", "Labs", "Logistics",
    "Staffing", "Investments", "Financial", "Finance", "Markets", "Analytics", "Networks", "Communications",
    "Pharmaceuticals", "Therapeutics", "Bioscience", "Biosciences", "Motors", "Realty", "Properties",
    "Construction", "Movers", "Associates", "Ventures", "Advisors", "Bancorp", "Airlines", "Foods", "Pharmacy",
    "Dental", "Outfitters", "Services", "Hospital", "Clinic", "Center", "Centre", "University", "College",
    "Academy", "Institute", "Practice", "Church", "Hotel", "General", "Memorial", "Gardens", "Manor",
    "Psychiatry", "Psychology", "Pediatrics", "Regional", "Pavilion", "Living", "Nursing", "Rehabilitation",
    "Rehab", "Hospice", "Counseling", "Health", "Elementary", "Program", "Therapy", "Drug", "Drugs", "School", "District", "Court", "Assembly", "Ministries",
    "Tabernacle", "Temple", "Mosque", "Synagogue", "Parish", "Cathedral", "Shelter", "Textiles", "Freight",
    "Apartments", "Apts", "Towers", "Residences", "Commons", "Lofts", "Clubhouse", "House", "Behavioral", "High",
    "Middle", "Produce", "Storage", "Fabricators", "Manufacturing", "Fellowship", "Chapel", "Ministry", "Nails",
    "Salon", "Spa", "Barbershop", "Diner", "Grill", "Bistro", "Tavern", "Garage", "Tire", "Stamping", "Care",
    "Unit", "Management", "Medicine", "Pantry", "Residences", "Plan", "Team", "Bank", "Mutual", "Primary",
    "Partnership", "Collective", "FC", "AFC", "Lodge", "Inn", "Cafe", "Café", "Bakery", "Pub", "Brewery", "Project",
    "Studio", "Transport", "Distribution", "Dentistry", "Credit", "Club", "Library", "Media", "Cellars", "Trading",
    "Bakeries", "Robotics", "Annex", "Laboratory", "Laboratories", "Authority", "Collaborative",
)
_TRADE = "(?:" + "|".join(_TRADE_WORDS) + ")"
# The same in capitals only as a heading line of its own ("MERCY VALLEY MEDICAL CENTER"): in a
# sentence typed in capitals, "THE BILL FROM THE HOSPITAL" names nothing.
HEADING_ORG_RE = re.compile(
    r"(?m)(?:^|[,:])[ \t]*(?P<v>(?:[A-Z][A-Z'’.&-]*[ \t]+){1,4}(?:" + "|".join(w.upper() for w in _TRADE_WORDS) +
    r"))[ \t]*(?:$|,|[ \t][-–—][ \t])"
)
TRADE_NAME_RE = re.compile(
    rf"(?P<v>{_ORG_WORD}(?:(?:[ \t]+|[ \t]*&[ \t]*|[ \t]+of[ \t]+){_ORG_WORD}){{0,4}}[ \t]+{_TRADE})\b"
)
# A parish named for a title of Mary or a saint ("Our Lady of the Harbor", "Holy Family Parish").
PARISH_RE = re.compile(r"\b(?P<v>(?:Our[ \t]+Lady|Parish)[ \t]+of(?:[ \t]+the)?(?:[ \t]+[A-Z][\w'’-]+){1,3}"
                       r"|(?:St\.?|Saint)[ \t]+[A-Z][a-z]+['’]s(?![ \t]+Day\b))")
_NOT_TRADE = frozenset(("support", "smart", "individual", "couples", "brief", "supportive", "interpersonal", "psychodynamic", "cognitive", "trauma", "intensive", "outpatient", "skills", "dbt", "cbt", "therapy", "process", "anger", "grief", "parenting",
                        "recovery", "peer", "focus", "study", "age", "blood", "control", "social", "protective",
                        "emergency", "human", "customer", "client", "family", "youth", "student", "health",
                        "mental", "behavioral", "medical", "clinical", "legal", "financial", "child", "adult",
                        "community", "counseling", "treatment", "crisis", "wellness", "care", "day", "primary",
                        "urgent", "general", "regional", "state", "county", "city", "public", "private", "local",
                        "university", "college", "school", "hospital", "outpatient", "inpatient", "internal",
                        "the", "a", "our", "her", "his", "their", "my", "your", "this", "that", "independent",
                        "assisted", "skilled", "senior", "adolescent", "geriatric", "pediatric", "group", "home",
                        "juvenile", "superior", "supreme", "municipal", "probate", "drug", "circuit", "traffic",
                        "high", "middle", "elementary", "junior", "charter", "boarding", "sunday", "summer", "night",
                        "graduate", "nursing", "law", "business", "unified", "consolidated", "women's", "men's",
                        "children's", "veterans", "global", "occupational", "population", "oral", "sexual",
                        "reproductive", "holistic", "integrative", "integrated", "homeless", "domestic", "violence",
                        "emergency", "food", "animal", "hindu", "buddhist", "jewish", "catholic", "eating",
                        "disorder", "disorders", "intensive", "outpatient", "partial", "hospitalization",
                        "residential", "early", "psychosis", "individualized", "education", "dialectical",
                        "behavior", "cognitive", "processing", "exposure", "prolonged", "interpersonal",
                        "acceptance", "commitment", "emotion", "focused", "emotionally", "schema", "narrative",
                        "solution", "brief", "strategic", "structural", "play", "art", "music", "speech",
                        "physical", "couples", "marital", "trauma", "trauma-focused", "parent-child",
                        "interaction", "motivational", "enhancement", "compassion", "mindfulness", "based",
                        "mentalization", "psychodynamic", "supportive", "systems", "light", "electroconvulsive",
                        "prescription", "generic", "illicit", "street", "&", "and", "of", "for", "after-school",
                        "assertive", "wraparound", "respite", "summer", "camp", "medication", "methadone",
                        "opioid", "suboxone", "needle", "exchange", "harm", "reduction", "open", "white", "full",
                        "big", "tiny", "guest", "halfway", "sober", "begin", "began", "start", "started", "continue",
                        "continued", "complete", "completed", "recommend", "recommended", "refer", "referred",
                        "try", "trial", "consider", "discussed", "about", "cold", "all-time", "cognitive-behavioral",
                        "in", "at", "on", "to", "from", "employee", "assistance", "member", "patient", "family-based",
                        "stabilization", "burn", "cardiac", "coronary", "neonatal", "step-down", "medical-surgical",
                        "psychiatric", "observation", "labor", "delivery", "surgical", "property", "case", "pain",
                        "withdrawal", "appeals", "management", "psychiatry", "psychology", "telehealth", "claims",
                        "billing", "records", "utilization", "review", "quality", "risk", "intake", "admissions",
                        "internal", "sports", "addiction", "sleep", "lifestyle", "integrative", "functional", "nuclear",
                        "tropical", "travel", "aerospace", "palliative", "food", "safety", "discharge", "action",
                        "stanley-brown", "assertive", "act", "mobile", "response", "support", "aftercare"))
# A street named without a house number, after a word that places something on it ("her place
# on Wexford Ct.", "lives off Quarry Road"); abbreviations that are also words (Dr, Pl, Way) excepted.
STREET_NAMED_RE = re.compile(
    r"\b(?i:on|at|off|near|along|onto|from|of|in|to)[ \t]+(?:(?i:the|a)[ \t]+)?"
    r"(?P<v>(?:(?:[A-Z][\w'’-]*|\d+(?:st|nd|rd|th))[ \t]+){1,3}"
    r"(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Court|Ct|Terrace|Ter|Parkway|Pkwy|Highway|Hwy|"
    r"Trail|Trl|Pike|Crescent|Cres|Alley|Drive|STREET|AVENUE|ROAD|BOULEVARD|LANE|DRIVE|HIGHWAY|"
    r"st|street|ave|avenue|rd|road|blvd|lane|drive)\b\.?)"
)
STATE_ZIP_RE = re.compile(rf"(?i),\s*(?P<v>(?:{STATE_CODES})\s+\d{{5}}(?:-\d{{4}})?)\b")


# A relation with the name in brackets after it ("bf (dev)", "aunt (Bernice)", "GRANDSON
# (TERRELL)"): any case, one or two words that are no ordinary word or abbreviation.
RELATION_BRACKET_RE = re.compile(
    rf"(?i:\b(?P<r>{RELATIVE_WORDS}|{OTHER_WORDS})s?)[ \t]*\([ \t]*(?P<v>[^\W\d_][\w'’-]{{1,20}}"
    rf"(?:[ \t]+[^\W\d_][\w'’-]{{1,20}})?)[ \t]*[),]"
)


# A county, parish or borough ("Marion County", "Orleans Parish"): a subdivision of a state.
COUNTY_RE = re.compile(r"\b(?P<v>(?:[A-Z][a-z'’]+[ \t]+){1,2}(?:County|Parish|Borough))\b")


def context_spans(text: str) -> list[Span]:
    """Ids, names and places recognised by their context words."""
    out = [Span(*m.span("v"), "LOCATION", "pattern") for m in STATE_ZIP_RE.finditer(text)]
    out += [span for m in COUNTY_RE.finditer(text) if (span := _county(text, m))]
    out += [Span(*m.span("v"), "ZIP", "pattern") for m in ZIP_CONTEXT_RE.finditer(text)]
    out += [Span(*m.span("v"), "ID", "pattern") for m in HANDLE_RE.finditer(text)]
    out += [Span(*m.span("v"), person_role(text, m.start()), "pattern") for m in INITIALS_RE.finditer(text)
            if m.group("v") not in _NOT_INITIALS and m.group("v").lower() not in abbreviations()
            and not (m.group("v") in ("A.M.", "P.M.") or re.search(r"\d\s*$", text[max(0, m.start() - 4) : m.start()]))]
    out += [Span(*m.span("v"), person_role(text, m.start()), "pattern") for m in NAME_AGE_RE.finditer(text)
            if _field_name(m.group("v")) and not _plain(m.group("v").split()[0], first=True)
            and not ROLE_WORD_RE.fullmatch(m.group("v").split()[0]) and m.group("v").lower() not in abbreviations()]
    out += [Span(*m.span("v"), "LOCATION", "pattern") for m in STREET_NAMED_RE.finditer(text)
            if fold(m.group("v").split()[0]) not in NOT_NAMES]
    out += [Span(*m.span("v"), "PHONE", "pattern") for m in PHONE_CONTEXT_RE.finditer(text)
            if 7 <= sum(c.isdigit() for c in m.group("v")) <= 15]
    out += [Span(*m.span("v"), "ID", "pattern") for m in ID_CONTEXT_RE.finditer(text)
            if sum(c.isdigit() for c in m.group("v")) >= (4 if "/" in m.group("v") else 2)  # "group 3/5" is a rating
            and not re.match(r"\d+-?(?:year|yo\b|y/o)", m.group("v"))]
    out += [Span(*m.span("v"), "LOCATION", _city_state_layer(m.group("v"))) for m in CITY_STATE_RE.finditer(text)
            if m.group("v").split()[0].lower() not in NOT_NAMES
            and m.group("v").split()[0].strip(",").lower() not in abbreviations()  # "LCSW, CA" is no town
            and not _JOB_TITLE_RE.search(m.group("v"))]
    out += [span for m in COMPANY_RE.finditer(text) for span in _company_span(text, m)]
    out += [Span(*m.span("v"), "LOCATION", "pattern") for m in HOME_TOWN_RE.finditer(text)
            if m.group("v").split()[0].lower() not in ("the", "a", "an", "my", "his", "her", "their", "our", "your")
            and not all(w.lower() in stop_words() for w in m.group("v").split())]
    out += [Span(*m.span("v"), "ORG", "pattern") for m in WEBSITE_RE.finditer(text)
            if not any(plain_word(w.lower()) or w.lower() in lexicon() or w.isupper() for w in m.group("v").split())]
    out += [span for pattern in (EMPLOYER_RE, IS_A_COMPANY_RE, NONPROFIT_RE) for m in pattern.finditer(text)
            for span in _org_span(text, m)]
    out += [span for pattern in (TRADE_NAME_RE, HEADING_ORG_RE) for m in pattern.finditer(text)
            if _trade_name(m.group("v")) and not _NUMBER_LABEL_RE.match(text, m.end("v"))  # "National Insurance number"
            and not method_name(_SENTENCE_END_RE.split(m.group("v"))[-1])  # "Emotionally Focused Therapy"
            for span in _org_span(text, m, tail=True)]
    out += [Span(*m.span("v"), "ORG", "pattern") for m in PARISH_RE.finditer(text)]
    for m in GIVEN_NICK_SURNAME_RE.finditer(text):
        given_ok = fold(m.group("g")) not in stop_words() or m.group("g").lower() in first_names()
        if given_ok and fold(m.group("s")) not in stop_words():
            out += [Span(*m.span(g), "PERSON", "pattern") for g in ("g", "n", "s")]
    out += [Span(*m.span("v"), "PERSON", "pattern") for m in NICKNAME_SAID_RE.finditer(text)
            if fold(m.group("v")) not in NOT_NAMES]
    out += [span for pattern in (LABELLED_ORG_RE, GROUP_NAME_RE, AMPERSAND_ORG_RE, ANSWERED_ORG_RE, CHIEF_OF_RE)
            for m in pattern.finditer(text)
            if _named_group(m.group("v")) for span in _org_span(text, m)]
    for m in IRISH_COUNTY_RE.finditer(text):
        out.append(Span(*m.span("v"), "LOCATION", "pattern"))
        if m.group("eir"):
            out.append(Span(*m.span("eir"), "ZIP", "pattern"))
    out += [Span(*m.span("v"), "PATIENT" if m.group().lower().startswith(("client", "patient", "pt")) else "PERSON",
                 "pattern") for m in QUOTED_CLIENT_RE.finditer(text) if _quoted_name(m.group("v"))]
    out += [Span(*m.span("v"), "PERSON", "pattern") for pattern in (QUOTED_BEFORE_NAME_RE, QUOTED_NICK_BEFORE_RE)
            for m in pattern.finditer(text)]
    out += [Span(*m.span("v"), "ORG", "pattern") for m in STORE_NUMBER_RE.finditer(text) if _store(m.group("v"))]
    out += [Span(*m.span("v"), "PERSON", "pattern") for pattern in (TYPIST_RE, JOB_TYPIST_RE)
            for m in pattern.finditer(text)]
    out += [Span(*m.span("v"), "ID", "pattern") for m in LOG_USER_RE.finditer(text)
            if m.group("v") not in stop_words() and m.group("v") not in ("none", "null", "unknown", "admin", "system")]
    for m in REFERENCE_INITIALS_RE.finditer(text):
        if m.group("a").lower() not in abbreviations() and m.group("a").lower() not in _NOT_PERSON_CAPS and \
                m.group("b") not in stop_words() and m.group("b") not in ("am", "pm", "neg", "pos", "ok", "wnl", "nl"):
            out += [Span(*m.span("a"), "PERSON", "pattern"), Span(*m.span("b"), "PERSON", "pattern")]
    out += [Span(*m.span("b"), "PERSON", "pattern") for m in TYPIST_AFTER_DEGREE_RE.finditer(text)]
    out += [Span(*m.span("v"), person_role(text, m.start()), "pattern")
            for pattern in (CARET_NAME_RE, CAPS_DOCTOR_RE) for m in pattern.finditer(text)]
    out += [Span(*m.span("v"), "PERSON", "pattern") for m in DEAR_RE.finditer(text)
            if not any(w.lower() in _DEAR_WORDS or w.lower() in stop_words() for w in m.group("v").split())]
    out += [Span(*m.span("v"), "ORG", "pattern") for m in INSURER_BEFORE_ID_RE.finditer(text)
            if m.group("v").lower() not in ("medicaid", "medicare", "tricare", "medi-cal", "chip", "masshealth")
            and not all(w.lower() in NOT_NAMES or w.lower() in _ROLE_LABELS or w.lower() in stop_words()
                        for w in m.group("v").split() if w != "of")]
    out += [Span(*m.span("v"), "ID", "pattern") for m in HANDLE_BEFORE_NAME_RE.finditer(text)]
    out += [Span(*m.span("v"), "LOCATION", "pattern") for m in DATELINE_RE.finditer(text)
            if m.group("v").title() in cities()]
    out += [Span(*m.span("v"), "ORG", "pattern") for m in SCHOOL_DISTRICT_RE.finditer(text)
            if m.group("v").split()[0].lower() not in NOT_NAMES]
    out += [Span(*m.span("v"), person_role(text, m.start()), "pattern") for m in LOWER_WITH_RE.finditer(text)
            if _lower_name(m.group("v"))]
    out += [Span(*m.span("v"), "LOCATION", "pattern") for m in STATE_FIELD_RE.finditer(text)
            if m.group("v").lower() not in stop_words()]
    out += [Span(*m.span("v"), person_role(text, m.start()), "pattern") for m in CHINESE_NAME_RE.finditer(text)
            if not any(m.group(g).lower() in stop_words() or m.group(g).lower() in NOT_NAMES for g in ("a", "b"))]
    out += [Span(*m.span("v"), "LOCATION", "pattern") for m in TRIBAL_LAND_RE.finditer(text)
            if m.group("v").split()[0].lower() not in NOT_NAMES and not m.group("v").startswith("United")]
    for m in DICTATED_NAME_RE.finditer(text):
        group = "v" if m.group("v") else "w"
        surname = m.group(group).split()[-1]
        if surname not in stop_words() and surname not in lexicon() or surname in first_names():
            out.append(Span(*m.span(group), person_role(text, m.start()), "pattern"))
    out += [Span(*m.span("v"), person_role(text, m.start("v")), "pattern") for m in LOWER_INITIAL_NAME_RE.finditer(text)
            if m.group("v")[2:].strip().lower() not in stop_words()]
    out += [Span(*m.span("v"), person_role(text, m.start()), "pattern") for m in INITIAL_SURNAME_RE.finditer(text)
            if _surname(m.group("s"))]
    out += [Span(*m.span("v"), person_role(text, m.start()), "pattern") for m in GIVEN_INITIAL_RE.finditer(text)
            if m.group("g").lower() in first_names() or _surname(m.group("g"))]
    out += [Span(*m.span("v"), person_role(text, m.start()), "pattern")
            for pattern in (EAST_ASIAN_NAME_RE, SURNAME_FIRST_FIELD_RE) for m in pattern.finditer(text)]
    out += [Span(*m.span("v"), "ID" if re.search(r"[\d_.]", m.group("v")) else "PERSON", "pattern")
            for m in CHAT_SPEAKER_RE.finditer(text) if m.group("v").lower().rstrip(".") not in _ROLE_LABELS
            and m.group("v").lower() not in _CHAT_ROLES and not ROLE_WORD_RE.fullmatch(m.group("v").lower())]
    out += [Span(*m.span("v"), person_role(text, m.start("v")), "pattern") for pattern in BARE_INITIALS_RES
            for m in pattern.finditer(text) if _bare_initials(m.group("v"))
            and (pattern in BARE_INITIALS_RES[3:] or clause_has_lower(text, m.start("v")))  # a cell has no clause
            and not re.match(r"[ \t]+[a-z]", text[m.end("v") : m.end("v") + 3])]  # "APA guidelines" is no person
    for pattern in (TITLE_RE, RELATION_RE, RELATION_START_RE, NAMED_RE, SIGNED_RE):
        for match in pattern.finditer(text):
            out += _name_span(text, match)
    out += [span for m in LABELLED_NAME_RE.finditer(text)
            if _field_name(m.group("v")) or (m.group("t").lower() in _LIST_LABELS and
                                             re.match(r"[ \t]*(?:[;,][ \t]*[A-Z]|\([ \t]*\d)", text[m.end("v") :]))
            for span in _name_span(text, m)]  # a dictionary word in a list of names: "People: Jonah; Salote"
    out += [Span(*m.span("v"), _role(m), "pattern") for m in RELATION_BRACKET_RE.finditer(text)
            if _bracketed_name(m.group("v"))]
    out += [Span(*m.span("v"), _role(m), "pattern")
            for pattern in (GREETING_RE, SELF_NAMED_RE, LOWER_RELATION_RE, LOWER_PATIENT_RE, LOWER_TITLE_RE, SIGN_OFF_RE)
            for m in pattern.finditer(text) if _lower_name(m.group("v"))
            and not (pattern in (LOWER_RELATION_RE, LOWER_PATIENT_RE) and m.group("v") in _MODAL_NAMES and
                     not _SAYS_RE.match(text, m.end("v")))]
    out += [Span(m.end("v") + s.start(1), m.end("v") + s.end(1), _role(m), "pattern")
            for pattern in (LOWER_RELATION_RE, LOWER_PATIENT_RE, LOWER_TITLE_RE) for m in pattern.finditer(text)
            if _lower_name(m.group("v")) and (s := _LOWER_SURNAME_RE.match(text[m.end("v") : m.end("v") + 30]))
            and _lower_surname(s.group(1))]  # "pt joy mwangi-otieno": the surname after a lower-case name
    out += [span for m in SPEAKER_RE.finditer(text) if _unlabelled(m.group("v"), speaker=True)
            for span in _name_span(text, m)]
    out += [span for m in VOCATIVE_RE.finditer(text) if _unlabelled(m.group("v")) for span in _name_span(text, m)]
    return out


_SAYS_RE = re.compile(r"[ \t]+(?:says|said|thinks|thought|wants|wanted|told|asked|works|worked|feels|felt|keeps)\b")
_MODAL_NAMES = frozenset(("will", "may", "can", "mark", "bill", "sue", "pat", "rob", "don", "drew", "chase", "grant"))


_JOB_TITLE_RE = re.compile(r"(?i)\b(?:licensed|certified|board|psychologist|counselor|therapist|physician|nurse|"
                           r"worker|practitioner|psychiatrist|director|coordinator|manager)\b")


_LIST_LABELS = frozenset(("people", "contacts", "contact", "supports", "support", "partners", "participants", "clients",
                          "attendees", "present"))


def _field_name(value: str) -> bool:
    """A name filling a form field: one word must be no dictionary word ("Client: Yeah, ...")."""
    words = value.split()
    low = fold(words[0]).strip(",.'’")
    return len(words) > 1 or low in first_names() or not (low in lexicon() or low in stop_words())


def _county(text: str, match: re.Match[str]) -> Span | None:
    """"Contacted Leslie County" -> "Leslie County": from the first word that names something."""
    start, end = match.span("v")
    words = list(re.finditer(r"\S+", text[start:end]))
    while len(words) > 1 and (fold(words[0].group()) in NOT_NAMES or fold(words[0].group()) in stop_words()):
        words.pop(0)
    return Span(start + words[0].start(), end, "LOCATION", "pattern") if len(words) > 1 else None


_LOWER_SURNAME_RE = re.compile(r"[ \t]+([a-zà-ÿ][a-zà-ÿ'’-]{2,})")


def _lower_surname(word: str) -> bool:
    """A lower-case word after a lower-case name that is no English word ("mwangi-otieno")."""
    parts = [p for p in re.split(r"[-'’]", word.lower()) if p]
    return bool(parts) and not any(p in lexicon() or p in lower_words() or p in stop_words() or p in abbreviations()
                                   for p in parts)


def _lower_name(word: str) -> bool:
    """A word typed in lower case that names someone: a listed first name or word name, or no
    English word, role, relation or abbreviation at all ("ines", "faith"; not "there", "all")."""
    low = re.sub(r"['’]s$", "", word.lower())
    if ROLE_WORD_RE.fullmatch(low):
        return False  # "spoke w/ client's sister"
    if low in first_names() or low in word_names():
        return True
    return _bracketed_name(word) and low not in lower_words()


def _bracketed_name(value: str) -> bool:
    """A name in brackets, not an age, role, relation, language or abbreviation ("(mother)",
    "(PCP)", "(Spanish)", "(deceased)")."""
    words = [fold(w) for w in value.split()]
    return not any(w in stop_words() or w in lexicon() or w in NOT_NAMES or w in _ROLE_LABELS or plain_word(w) or
                   ROLE_WORD_RE.fullmatch(w) for w in words)


def _unlabelled(value: str, speaker: bool = False) -> bool:
    """A speaker or addressee that is a name: no role label ("Therapist:") or ordinary word
    ("Plan:"); a speaker also no dictionary word at all ("Interventions:", "Mood:")."""
    words = [fold(w) for w in re.split(r"[\s-]+", value) if w]
    if any(w in _ROLE_LABELS or w in stop_words() or w in NOT_NAMES or plain_word(w) or w in service_words()
           for w in words):
        return False
    return not (speaker and (any(w in lexicon() for w in words) or (value.isupper() and len(value) <= 4)))


def _name_span(text: str, match: re.Match[str]) -> list[Span]:
    start, end = match.span("v")
    words = list(re.finditer(r"\S+", text[start:end]))
    if not words or _plain(words[0].group(), first=True) or ROLE_WORD_RE.fullmatch(words[0].group().strip(",.")) or \
            all(fold(w.group().strip(",.")) in service_words() for w in words):  # "Employee Assistance Program"
        return []
    keep = [words[0]]
    for word in words[1:]:  # a name ends at a possessive, a plain word or an abbreviation ("Kevin's ADHD")
        if re.search(r"['’]s$", keep[-1].group()) or _plain(word.group()) or \
                (word.group().isupper() and len(word.group()) > 1):
            break
        keep.append(word)
    return [Span(start, start + keep[-1].end(), _role(match), "pattern")]




def _company_span(text: str, match: re.Match[str]) -> list[Span]:
    """A name before a legal suffix ("Garza Inc"), from its first capitalised word that is
    not a pronoun, article or day word ("Yesterday Garza Inc", "The Acme Corp": the name only)."""
    start, end = match.span("v")
    words = list(re.finditer(r"\S+", text[start:end]))[:-1]
    keep = next((w for w in words if w.group()[0].isupper() and fold(w.group().strip(",")) not in NOT_NAMES), None)
    return [] if keep is None else [Span(start + keep.start(), end, "ORG", "pattern")]


def _quoted_name(value: str) -> bool:
    """A name or nickname in quotes, not quoted words ('client "I feel"')."""
    words = [w.lower() for w in value.split()]
    if value[0].isupper():
        return words[0] not in stop_words() or words[0] in first_names()
    return any(w in first_names() or w not in lexicon() for w in words) and words[0] not in ("i", "you", "we", "he", "she")


def _store(value: str) -> bool:
    """A chain or a business by its store number, not "Problem #2" or "Goal #1"."""
    words = [fold(w) for w in re.findall(r"[^\W\d_][\w'’&-]*", value)]
    return bool(words) and (any(w in brands() for w in words) or words[-1] in ("drug", "drugs", "pharmacy", "store",
                                                                              "market", "foods", "grocery"))


_GENERIC_ORG_WORDS = frozenset(("medicaid", "medicare", "tricare", "self-pay", "none", "uninsured", "n/a", "unknown",
                                "private", "commercial", "pending", "same", "other", "mom", "dad", "family", "friends",
                                "medi-cal", "per", "through", "via", "see", "employer", "self", "chip", "ppo", "hmo",
                                "year", "month", "week", "day", "country"))


def _named_group(value: str) -> bool:
    """Words that name one organisation, not only a generic payer, service or kind of help
    ("Medicaid", "Drug & Alcohol", "Mom & Dad")."""
    words = [fold(w.strip(",.&")) for w in value.split() if w.strip(",.&")]
    if words and words[0] in ("per", "see", "same", "none", "self", "n/a", "these", "those", "this", "that", "a", "an",
                              "our", "my", "his", "her", "their", "its", "some", "all", "every", "it", "there"):
        return False  # "School: Per his counselor at ...": a sentence, not a name
    if method_name(value):
        return False
    return not all(w in _GENERIC_ORG_WORDS or w in service_words() or w in NOT_NAMES or w in clinical_words() or
                   w in drugs() or w in abbreviations() or ROLE_WORD_RE.fullmatch(w) for w in words)


_SENTENCE_END_RE = re.compile(r"(?:(?<=[a-z]{2})|(?<=\d)|(?<=[A-Z]{3}))['\"’”)]?\.[ \t]+(?=[A-Z])")  # "...gone. Hotel", "RT-55291. Hotel"
_CHIEFS = frozenset(("ceo", "cfo", "coo", "cto", "founder", "co-founder", "owner", "co-owner", "president", "chairman",
                     "chairwoman", "chair"))
_NUMBER_LABEL_RE = re.compile(r"(?i)[ \t]+(?:number|no\.|#|id\b|card\b)")


_DEAR_WORDS = frozenset(("sir", "madam", "madame", "colleague", "colleagues", "doctor", "dr", "friend", "friends",
                         "patient", "parent", "parents", "team", "all", "everyone", "customer", "member", "members",
                         "applicant", "candidate", "resident", "neighbour", "neighbor", "client", "guardian",
                         "reviewer", "provider", "committee", "board", "manager", "editor", "hiring", "landlord",
                         "tenant", "student", "students", "teacher", "coach", "pastor", "judge", "officer"))
_CHAT_ROLES = frozenset(("host", "co-host", "moderator", "admin", "system", "you", "me", "staff", "support", "nurse",
                         "dr", "facilitator", "operator", "dispatcher", "caller", "guest", "team", "all", "everyone",
                         "office", "rep", "cust", "customer", "agent", "clinic", "front", "reception", "frontdesk",
                         "pharmacy", "lab", "bot", "assistant", "auto", "sms", "mum", "mom", "dad"))
_NOT_PERSON_CAPS = frozenset(("ok", "id", "md", "do", "rn", "np", "pa", "pt", "ot", "ed", "er", "am", "pm", "us", "uk",
                              "na", "aa", "iop", "php", "na", "tbd", "tba", "n/a", "yes", "no", "neg", "pos", "fyi",
                              "asap", "nos", "mrn", "dob", "ssn", "usa", "lvm", "lm", "nka", "nkda", "wnl", "prn",
                              "ssg", "sgt", "cpl", "pfc", "spc", "ltc", "col", "maj", "capt", "cpt", "lt", "gen", "ret"))


def _surname(word: str) -> bool:
    """A capitalised word after an initial that is a surname: no English word, abbreviation,
    drug or place word ("D. Then", "Hepatitis C. Patient" name nobody)."""
    low = word.lower()
    return not (low in stop_words() or low in lexicon() or low in abbreviations() or plain_word(low) or
                low in demonyms() or low in NOT_NAMES)


def _bare_initials(value: str) -> bool:
    """Capitals that are initials, not a clinical or everyday abbreviation or a US state."""
    low = value.lower()
    return low not in abbreviations() and low not in _NOT_PERSON_CAPS and low not in stop_words() and \
        not re.fullmatch(STATE_CODES, value)


def _org_span(text: str, match: re.Match[str], tail: bool = False) -> list[Span]:
    """The organisation's words, from the first that is not a pronoun, article or day word,
    up to the first that is one ("works at Acme Foods Monday" -> "Acme Foods")."""
    start, end = match.span("v")
    if eponym(text, end):  # "Mayo Clinic protocol": an institution's method, not a place of care
        return []
    sentence = list(_SENTENCE_END_RE.finditer(text, start, end))
    if sentence and tail:  # "a mix of Ilocano. Moral Reconation Therapy": a trade name is the last sentence's
        start = sentence[-1].end()
        if " " not in text[start:end].strip():
            return []  # "Dr. Ebanks. Health care proxy": a trade word alone names nothing
    elif sentence:  # "job at Harvest Table Market. I shared": an employer is the first sentence's
        end = sentence[0].start()
    words = [w for w in re.finditer(r"\S+", text[start:end])]
    while words and fold(words[0].group().strip(",.")) in NOT_NAMES:
        words.pop(0)
    if len(words) > 2 and words[1].group() == "of" and fold(words[0].group()) in _CHIEFS:
        words = words[2:]  # "CEO of Sunrise Bakeries": the company only
    keep = list(itertools.takewhile(lambda w: fold(w.group().strip(",.")) not in NOT_NAMES, words))
    while keep and keep[-1].group().lower() in ("and", "of", "de", "et", "&"):
        keep.pop()
    if not keep:
        return []
    end = start + keep[-1].end()
    if text[end - 1] == "." and not re.search(r"(?:\b[A-Z]|Inc|Co|Ltd|Corp|Bros|Assn|Dept)\.$", text[start:end]):
        end -= 1  # "resigned from Costquest." ends a sentence
    return [Span(start + keep[0].start(), end, "ORG", "pattern")]


def _city_state_layer(value: str) -> str:
    """"Baltimore, MD" or "Jane Okafor, MD"? A state code that is also a credential (MD, PA,
    MA) without a ZIP is "weak": the pipeline drops it where the tagger or the chart sees a person."""
    return "weak" if re.search(r",\s*(?:MD|PA|MA)$", value) else "pattern"


def _trade_name(value: str) -> bool:
    """Words before the trade word that name something ("Mercy Valley Medical Center"), not
    only a generic kind of service or group ("Skills Group", "Community Mental Health Center")."""
    if DEGREE_RE.match(value):
        return False  # "BSc Nursing": a degree
    words = [fold(w) for w in value.split()[:-1] if len(w.strip(".")) > 1]  # "mL. Plan:" names nothing
    while words and words[-1] in _NOT_TRADE:
        words.pop()
    return bool(words) and not all(w in NOT_NAMES or w in _NOT_TRADE for w in words) and \
        not all(w in service_words() or w in NOT_NAMES for w in words)  # "the Payroll Team", "Our Recruitment Team"


def _plain(word: str, first: bool = False) -> bool:
    """A word that ends a name: a pronoun or verb, or an all-caps ordinary word."""
    low = re.sub(r"['’]s$", "", word.lower()).strip("'’.")
    return low in NOT_NAMES or (first and low in demonyms()) or \
        (word.isupper() and (low in common_words() or low in stop_words() or low in abbreviations()))


def _role(match: re.Match[str]) -> str:
    groups = match.groupdict()
    if groups.get("t") and (re.fullmatch(CLINICIAN_WORDS, groups["t"], re.IGNORECASE) or
                            groups["t"].lower() in ("clinician", "provider", "prescriber", "attending", "pcp",
                                                    "psychiatrist", "counselor", "referring", "referring provider")):
        return "CLINICIAN"
    if groups.get("r") and re.fullmatch(RELATIVE_WORDS, groups["r"], re.IGNORECASE):
        return "RELATIVE"
    if groups.get("t") and groups["t"].lower() in ("sister", "brother", "father", "aunt", "uncle"):
        return "RELATIVE"
    return "PERSON"
