"""Date patterns: numeric, month names, partial dates, weekdays, holidays and prose phrases."""
from __future__ import annotations

import re

_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|(?-i:May|MAY)|june?|july?|aug(?:ust)?|"
          r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
_MONTH_FULL = r"(?:January|February|March|April|June|July|August|September|October|November|December)"
# A month's full name after "of"/"in" ("the last Friday of June", "the ninth of october")
_MONTH_NAME = (rf"(?:{_MONTH_FULL}|May|(?i:january|february|march|april|june|july|august|september|october|"
               rf"november|december))")
_ORD_WORD = (r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|"
             r"fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|"
             r"twenty-(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|thirtieth|thirty-first)")
_WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_WEEKDAY_ANY = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.?|" + _WEEKDAY
_ORD = r"\d{1,2}(?:st|nd|rd|th)?"
_YEAR = r"(?:\d{4}|'\d{2})"
_TIME = r"(?:[ T,]+(?:at\s+)?\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?Z?)?(?:\s*[ap]\.?m\.?)?)?"
_HOLIDAY = (
    r"(?:thanksgiving(?:\s+(?:day|weekend|break))?|christmas(?:\s+(?:eve|day|morning|break))?|xmas|"
    r"easter(?:\s+(?:sunday|monday))?|st\.?\s+stephen'?s\s+day|whit\s+monday|new\s+year'?s(?:\s+(?:eve|day))?|halloween|hanukk?ah|chanukah|passover|"
    r"yom\s+kippur|rosh\s+hashanah|ramadan|eid(?:\s+al-\w+)?|diwali|kwanzaa|juneteenth|"
    r"(?:the\s+)?fourth\s+of\s+july|july\s+4th|independence\s+day|memorial\s+day|labou?r\s+day|"
    r"veterans\s+day|presidents'?\s+day|valentine'?s(?:\s+day)?|mother'?s\s+day|father'?s\s+day|"
    r"(?:mlk|martin\s+luther\s+king(?:\s+jr\.?)?)\s+day|st\.?\s+patrick'?s\s+day|super\s+bowl\s+sunday|"
    r"t[eế]t|lunar\s+new\s+year|chinese\s+new\s+year|nowruz|chuseok|vesak|ash\s+wednesday|good\s+friday|"
    r"mardi\s+gras|boxing\s+day|canada\s+day|anzac\s+day|bastille\s+day|cinco\s+de\s+mayo|"
    r"d[ií]a\s+de\s+los\s+muertos|carnival\s+(?:monday|tuesday)|midsummer(?:['’]s)?(?:\s+(?:eve|day))?)"
)
_RELATIVE_TO = (
    rf"(?:(?:the\s+)?(?:(?:first|second|third|last)\s+)?(?:{_WEEKDAY}|day|night|morning|evening|week|"
    rf"weekend|month)\s+(?:after|before|of|following|preceding)\s+)"
)
# What makes a holiday a thing, not a day ("the Christmas card", "Easter candy")
_HOLIDAY_THING = (r"(?:cards?|trees?|gifts?|presents?|lights|decorations|music|songs?|movies?|films?|cookies|candy|"
                  r"shopping|sweaters?|plays?|pageants?|concerts?|costumes?|parades?|carols?|ornaments?|baskets?|"
                  r"eggs?|specials?|sales?|lists?|stockings?|barbecues?|bbqs?|picnics?|trips?|markets?)")
# Words that put a holiday on the calendar ("over Thanksgiving", "since Easter"); a holiday
# named as a thing ("Halloween candy", "Mother's Day is hard") is no date.
_TIME_WORD = (r"on|over|at|around|before|after|since|until|till|by|during|for|this|last|next|past|of|from|"
              r"through|near|that|spend|spent|spending|celebrate|celebrated|celebrating|the\s+week\s+of|"
              r"the\s+weekend\s+of")
# What makes "on Friday" a routine or a thing, not a day: "Friday prayers", "Sunday school"
_ROUTINE = (r"prayers?|services?|school|mass|nights|mornings|evenings|afternoons|meetings?|class(?:es)?|groups?|cohorts?|"
            r"shifts?|clinics?|sessions?|schedule|routine|physical|appts?|appointments?|paydays?|standups?|stand-ups?|"
            r"leagues?|bulletins?|"
            r"/\s*(?:mon|tue|wed|thu|fri|sat|sun)\w*")
_NUMERIC = (
    rf"(?<![\w/.-])(?:\d{{4}}[-/.]\d{{1,2}}[-/.]\d{{1,2}}{_TIME}"
    rf"|\d{{1,2}}[/-]\d{{1,2}}[/-](?:\d{{4}}|\d{{2}}){_TIME}"
    rf"|\d{{1,2}}\.\d{{1,2}}\.(?:\d{{4}}|\d{{2}})"
    rf"|(?:0?[1-9]|1[0-2])[/-](?:19|20)\d{{2}})(?![\w/-])"
)
_PARTIAL_NUMERIC = r"(?<![\w/.$-])(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01])(?![\w/-]|\.\d)"
_NAMED = (
    rf"(?:(?:{_WEEKDAY_ANY}),?\s+(?:the\s+)?)?"
    rf"(?:{_MONTH}\.?\s+{_ORD}(?:\s*[-–]\s*\d{{1,2}}(?!\d))?(?:,?\s+{_YEAR})?|{_ORD}\s+(?:of\s+)?{_MONTH}\.?(?:,?\s+{_YEAR})?"
    rf"|{_MONTH}\.?,?\s+(?:of\s+)?\d{{4}}|the\s+\d{{1,2}}(?:st|nd|rd|th)\s+of\s+{_MONTH}(?:,?\s+{_YEAR})?)"
)
_DOSE_AFTER_RE = re.compile(r"\s*(?:mg|mcg|ml|units?|%)\b", re.IGNORECASE)  # "4/1 mg" is a dose
# a scale named by its acronym right before ("MoCA 11/30", "MacCAT-CA Understanding 8/16")
_ACRONYM_BEFORE_RE = re.compile(
    r"(?i)\b(?:moca|mmse|slums|asrs(?:-v1\.1)?|mdq|audit(?:-c)?|dast(?:-10)?|cage|crafft|epds|bdi(?:-ii)?|bai|ham-?[ad]|"
    r"ymrs|madrs|ciwa(?:-ar)?|cows|aims|bprs|panss|ede-q|lsas|y-bocs|oci-r|scared|maccat\S*|tomm|wais|wasi|wisc|gds|"
    r"cdr|cornell|c-ssrs|pcl-5|phq-9|gad-7|sdq|rcads|cdi|ygtss|cy-bocs|cgi|gaf|hcr-20|static-99r?|mini-cog|gds-15|"
    r"gds-30|isi|ess|pss|k10|k6|bss|ssi)(?:\s+[A-Z]?[a-z]+)?(?:\s+part\s+[a-c])?\s*:?\s*$"
)
_SCORE_CONTEXT_RE = re.compile(r"(?i)(?:phq|gad|pcl|score|scored|total|rated|out of|items?|mdq|"
                               r"asrs|audit|cage|part\s+[a-c])\W*\S*\W*$")
# ratings out of ten near words that rate ("drop from 7/10 to 4/10", "rated helpful (7/10)")
_RATING_NEAR_RE = re.compile(r"(?i)\b(?:rat(?:ed|es|ing)|helpful|distress|drop(?:ped)?|average|scale|reassessed|"
                             r"\d{1,2}/10\s+to\s+\d)")
# "urges at 6/10", "anxiety 7/10": a rating out of ten right after what is rated
_RATING_CONTEXT_RE = re.compile(
    r"(?i)\b(?:rates?|rating|urges?|cravings?|anxiety|pain|mood|distress|suds|intensity|level|severity|stress|ruler|"
    r"readiness|importance|helpful|"
    r"energy|motivation|confidence|anger)\s*(?:at|of|is|was|=|:|-)?\s*$"
)

DATE_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("numeric", re.compile(_NUMERIC)),
    ("named", re.compile(rf"(?i)(?<!\w){_NAMED}(?:{_TIME})?(?!\w)")),
    ("may", re.compile(r"(?i)\bmay\s+\d{1,2}(?:st|nd|rd|th|,?\s+\d{4})\b")),
    # "on may 22", "sunday, may 9": the month in lower case where a date word puts it
    ("may", re.compile(rf"(?i)(?:\b(?:on|by|since|until|till|before|after|from|through)\s+|{_WEEKDAY},?\s+)"
                       r"(?P<v>may\s+\d{1,2})\b(?![.,]\d|\s*(?:mg|%|percent|minutes|people)\b)")),
    ("holiday", re.compile(rf"(?i)\b{_RELATIVE_TO}{_HOLIDAY}\b")),
    ("holiday", re.compile(rf"(?i)\b(?:{_TIME_WORD})\s+(?P<v>(?:the\s+)?{_HOLIDAY})\b(?!\s+{_HOLIDAY_THING}\b)")),
    ("holiday", re.compile(rf"(?i)\b(?P<v>{_HOLIDAY}),?\s+(?:19|20)\d\d\b")),
    # a weekday dates something ("last Monday", "the Tuesday after Thanksgiving", "Tues 3/11",
    # "Thursday the 6th", "scheduled for Tuesday"), except as a routine ("every Friday",
    # "Fridays", "Friday prayers", "Sunday school")
    ("weekday", re.compile(rf"(?i)\b{_RELATIVE_TO}{_WEEKDAY}(?!s)\b")),
    ("weekday", re.compile(rf"(?i)\b(?:last|this\s+past|past|next)\s+{_WEEKDAY}(?!s)\b"
                           rf"(?:,?\s+\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?(?![\w/]))?")),
    ("weekday", re.compile(rf"(?i)(?<!every )(?<!each )(?<!most )(?<!other )(?<!\ba )(?<!single )(?<!any )(?<![/-])"
                           rf"\b(?P<v>{_WEEKDAY}|tues|thurs|weds)(?!s)\b"
                           rf"(?!\s*(?:{_ROUTINE})\b|\s+of\s+(?:each|every|the)\s+month|"
                           rf"(?:\s+[\w-]+){{0,2}}\s+(?:group|cohort|meeting|class|club|brunch|dinner|lunch|breakfast|ritual|"
                           rf"person|practice|game|nights|mornings)s?\b|\s+and\s+{_WEEKDAY})")),
    ("weekday", re.compile(rf"(?i)\b(?:{_WEEKDAY_ANY}),?\s+(?:\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?(?![\w/])|\d{{1,2}}\.\d{{1,2}}\.(?!\d)|"
                           rf"(?:the\s+)?\d{{1,2}}(?:st|nd|rd|th)\b)")),
    # "03JUN24": a compact date
    ("numeric", re.compile(r"\b\d{1,2}(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)(?:\d{2,4})?\b")),
    # a day and month with a dot after a word that dates ("next visit 21.03", "seen on 4.11")
    ("numeric", re.compile(r"\b(?i:visit|appt|appointment|on|until|till|due|seen)[ \t]+"
                           r"(?P<v>(?:0?[1-9]|[12]\d|3[01])\.(?:0?[1-9]|1[0-2]))(?![\d.]|\.\d)"
                           r"(?![ \t]*(?i:tabs?|tablets?|pills?|caps?|capsules?|mg|mcg|ml|units?|%|hours?|hrs?|days?|"
                           r"weeks?|points?|times?|mmol|kg|lbs?|cm|x)\b)")),
    # a month and year with a dot ("arrived from Kharkiv 04.2022")
    ("numeric", re.compile(r"(?<![\w.,])(?:0?[1-9]|1[0-2])\.(?:19|20)\d\d(?!\w|[.,]\d)")),
    # "19. 4. 2024", "3 mai 2022", "2022年3月15日": other languages' ways of writing a date
    ("numeric", re.compile(r"(?<![\w.])\d{1,2}\.[ \t]\d{1,2}\.[ \t]?\d{4}(?!\w|\.\d)")),
    ("named", re.compile(r"(?i)(?<!\w)\d{1,2}\.?[ \t]+(?:janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|"
                         r"septembre|octobre|novembre|décembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto|"
                         r"septiembre|setiembre|octubre|noviembre|diciembre|januar|jänner|februar|märz|juni|juli|"
                         r"oktober|dezember|januari|februari|maart|mei|augustus|gennaio|febbraio|aprile|maggio|giugno|"
                         r"luglio|settembre|ottobre|dicembre|janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|"
                         r"dezembro|ianuarie|februarie|martie|aprilie|iunie|iulie|septembrie|octombrie|noiembrie|"
                         r"decembrie|stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|września|października|"
                         r"listopada|grudnia)[ \t]+\d{4}\b")),
    ("numeric", re.compile(r"\d{4}年\d{1,2}月\d{1,2}日")),
    # a range of days before a date ("19.–21.03.2024", "night of 23/24 December 2023")
    ("numeric", re.compile(r"(?<![\w./])\d{1,2}\.?[ \t]*[–-][ \t]*\d{1,2}\.\d{1,2}\.(?:\d{4}|\d{2})(?!\w|\.\d)")),
    ("named", re.compile(rf"(?i)(?<![\w/])\d{{1,2}}[ \t]*(?:/|-|–|&|and|to)[ \t]*\d{{1,2}}\s+{_MONTH_NAME}(?:\s+\d{{4}})?\b")),
    # "04-Sep", "JAN-25", "12/01/2024-12/14/2024", "this 11th day of October 2023"
    ("named", re.compile(r"(?<![\w-])\d{1,2}-(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)(?:-\d{2,4})?(?![\w-])")),
    ("named", re.compile(r"(?<![\w-])(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|"
                         r"Nov|Dec)-\d{2}(?![\w-])")),
    ("numeric", re.compile(r"(?<![\w/.])\d{1,2}/\d{1,2}/\d{2,4}-\d{1,2}/\d{1,2}/\d{2,4}(?![\w/])")),
    ("named", re.compile(rf"(?i)\b(?:\d{{1,2}}(?:st|nd|rd|th)|{_ORD_WORD})\s+day\s+of\s+{_MONTH_NAME}\b")),
    ("month", re.compile(
        rf"\b(?i:in|since|until|till|by|during|early|mid|late|last|next|this|past|of|before|after|"
        rf"from|through|starting|beginning|ending|around|due)\s+(?P<v>{_MONTH_FULL}|May|(?i:january|february|april|june|july|august|september|october|"
        rf"november|december))\b")),
    # "the last Friday of June", "the 3rd Saturday of September": one day of one month
    ("weekday", re.compile(rf"(?i)\b(?:the\s+)?(?:first|second|third|fourth|fifth|last|final|[1-5](?:st|nd|rd|th))\s+"
                           rf"(?:{_WEEKDAY}|weekend|week)\s+(?:of|in)\s+{_MONTH_NAME}\b")),
    # "the ninth of October", "june fifth": a day of a month in words
    ("named", re.compile(rf"(?i)\bthe\s+{_ORD_WORD}\s+of\s+{_MONTH_NAME}\b")),
    ("named", re.compile(rf"\b{_MONTH_NAME}\s+(?:the\s+)?(?i:{_ORD_WORD})\b")),
    # "in late September": the part of the month with it
    ("month", re.compile(rf"\b(?P<v>(?i:early|mid|late)[ \t]+{_MONTH_NAME})\b")),
    # "since mid-April": a month with a hyphenated part of it
    ("month", re.compile(rf"\b(?P<v>(?i:early|mid|late)-{_MONTH_NAME})\b")),
    # "lundi le 21 octobre", "jeudi 17 octobre": a French weekday and date without a year
    ("named", re.compile(r"(?i)\b(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)(?:[ \t]+le)?[ \t]+"
                         r"\d{1,2}(?:er)?[ \t]+(?:janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|"
                         r"octobre|novembre|décembre|decembre)\b")),
    # a holiday named in brackets after the date it is ("Thurs 11/28 (Thanksgiving)")
    ("holiday", re.compile(rf"(?i)(?<=\d)[ \t]*\([ \t]*(?P<v>{_HOLIDAY})[ \t]*\)")),
    # "updated Fri;", "served on Wed.": a capitalised weekday abbreviation after a word that dates
    ("weekday", re.compile(r"\b(?i:on|by|until|till|since|before|after|next|last|this|updated|served|seen|called)\s+"
                           r"(?P<v>(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\b\.?)(?!\s*-)")),
    # "since feb", "until sept": a month's abbreviation after a word that dates
    ("month", re.compile(r"\b(?i:since|until|till|by|before|after|from|through|in|early|mid|late)\s+"
                         r"(?P<v>(?i:jan|feb|apr|jun|jul|aug|sept?|oct|nov|dec)\b\.?)")),
    # "before the 3rd inst.": a legal letter's day of this month
    ("ordinal", re.compile(r"(?i)\b(?:the\s+)?\d{1,2}(?:st|nd|rd|th)\s+inst\b\.?")),
    ("ordinal", re.compile(r"(?:\b(?i:on|since|until|till|til|thru|by|before|after|from|through|due|of|than|for|maybe|"
                           r"around|about|and)\s+|\()"
                           r"(?P<v>the\s+(?:[12]?\d|3[01])(?:st|nd|rd|th))\b(?!\s+(?:session|time|grade|floor|day|week|"
                           r"month|year|dose|attempt|visit|place|round|trimester|percentile|birthday|child|baby|"
                           r"pregnancy|episode|admission|hospitalization|cycle|line|generation|person|one|street|st|"
                           r"ave|avenue|century|degree|level|step|period|quarter|semester|opinion|try|shift)s?\b)")),
    ("partial", re.compile(_PARTIAL_NUMERIC)),
    # a day over 12 before its month ("due by 28/02", "Call log 14/03")
    ("partial", re.compile(r"(?<![\w/.$-])(?:1[3-9]|2\d|3[01])/(?:0?[1-9]|1[0-2])(?![\w/-]|\.\d)")),
    # a range of two partial dates ("(12/28-1/5)")
    ("partial", re.compile(r"(?<![\w/.$-])(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01])\s*[-–]\s*"
                           r"(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01])(?![\w/-]|\.\d)")),
    ("month", re.compile(r"\b(?i:since|until|till|through|by|from|before|after|last|next|early|mid|late)\s+"
                         r"(?P<v>march)\b")),
)


def date_matches(text: str) -> list[tuple[int, int]]:
    """(start, end) of every date-like phrase in ``text``."""
    found = []
    for kind, pattern in DATE_PATTERNS:
        for match in pattern.finditer(text):
            if kind in ("partial", "numeric") and (_looks_like_score(text, match) or _DOSE_AFTER_RE.match(text, match.end())):
                continue
            if kind == "weekday" and _ROUTINE_LIST_RE.search(text, max(0, match.start() - 60), match.start()):
                continue  # "every Monday, Wednesday and Friday"
            if kind == "weekday" and (_WEEKDAY_RANGE_RE.match(text, match.start()) or
                                      _WEEKDAY_RANGE_END_RE.search(text, max(0, match.start() - 24), match.start())):
                continue  # working days: "from Monday to Saturday", "Mon-Fri"
            if kind == "weekday" and _HOURS_AFTER_RE.match(text, match.end()) and \
                    _ANY_WEEKDAY_RE.search(text[max(0, match.start() - 40) : match.start()] + " " +
                                           text[match.end() : match.end() + 40]):
                continue  # opening hours: "Monday to Friday 9:00–17:30, Saturday 10:00–16:00, Sunday Closed"
            found.append(match.span("v") if "v" in pattern.groupindex else match.span())
    return found


_ANY_WEEKDAY_RE = re.compile(rf"(?i)\b(?:{_WEEKDAY_ANY})\b")
_WEEKDAY_RANGE_RE = re.compile(rf"(?i)(?:{_WEEKDAY_ANY})[ \t]*(?:to|through|thru|-|–)[ \t]*(?:{_WEEKDAY_ANY})\b")
_WEEKDAY_RANGE_END_RE = re.compile(rf"(?i)\b(?:{_WEEKDAY_ANY})[ \t]*(?:to|through|thru|-|–)[ \t]*$")
_HOURS_AFTER_RE = re.compile(rf"(?i)(?:[ \t]*(?:to|through|thru|-|–|&|and)[ \t]*(?:{_WEEKDAY_ANY}))?[ \t]*:?[ \t]*"
                             r"(?:\d{1,2}(?:[:.]\d{2})?[ \t]*(?:am|pm|a\.m\.|p\.m\.)?[ \t]*[-–][ \t]*\d{1,2}|closed\b)")
_ROUTINE_LIST_RE = re.compile(rf"(?i)\b(?:every|each)\s+(?:{_WEEKDAY},?\s+(?:and\s+|or\s+)?)+$")


# Scores listed one after another ("Understanding 13/16, Reasoning 12/16, Appreciation 10/12")
_SCORE_LIST_RE = re.compile(r"(?:[A-Za-z-]+\s+\d{1,2}/\d{1,2}[,;]\s+)+[A-Za-z-]+\s+$")


def _looks_like_score(text: str, match: re.Match[str]) -> bool:
    """"14/27" after "PHQ-9" or a scale's acronym is a score, and so is "6/6 to 3/6", not a date;
    so is a later item of a list of scores that starts after one, and a value compared (">= 6/10")."""
    if _SCORE_CONTEXT_RE.search(text, max(0, match.start() - 25), match.start()) or \
            _ACRONYM_BEFORE_RE.search(text, max(0, match.start() - 30), match.start()) or \
            re.search(r"(?:>=|<=|[<>≥≤=])\s*$", text[max(0, match.start() - 4) : match.start()]):
        return True
    listed = _SCORE_LIST_RE.search(text, max(0, match.start() - 90), match.start())
    if listed:
        first = re.match(r"[A-Za-z-]+\s+\d{1,2}/\d{1,2}", text[listed.start() :])
        if first and (_SCORE_CONTEXT_RE.search(text, max(0, listed.start() - 25), listed.start()) or
                      _ACRONYM_BEFORE_RE.search(text, max(0, listed.start() - 30), listed.start() + first.end() - 5)):
            return True
    denominator = match.group().rsplit("/", 1)[-1]
    if re.match(rf"\s+to\s+\d+/{denominator}\b", text[match.end() :]) or \
            re.search(rf"\d+/{denominator}\s+to\s+$", text[max(0, match.start() - 12) : match.start()]):
        return True
    if match.group().endswith("/5"):  # "rated group 3/5", "Readiness ruler 4/5": only right after what rates
        return bool(_RATING_CONTEXT_RE.search(text, max(0, match.start() - 25), match.start()) or
                    re.search(r"(?i)\brat(?:ed|es|ing)\s+(?:\w+\s+){0,2}$", text[max(0, match.start() - 30) : match.start()]))
    if not match.group().endswith("/10"):
        return False
    return bool(_RATING_CONTEXT_RE.search(text, max(0, match.start() - 25), match.start()) or
                _RATING_NEAR_RE.search(text, max(0, match.start() - 40), min(len(text), match.end() + 12)))
