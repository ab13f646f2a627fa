"""Layer 2: identifiers recognisable by their shape or by the words around them.

Each pattern yields spans in original offsets; a pattern with a group named ``v`` redacts
only that group (the context words stay). Validators drop matches that only look alike
(an IP with 300 in it, a phone-shaped list of scores).
"""
from __future__ import annotations

import re
from collections.abc import Callable

from hooks.types import Span
from plugins.redaction import context
from plugins.redaction.dates import date_matches
from plugins.redaction.tables import table_spans
from plugins.redaction.variants import stop_words
from plugins.redaction.words import QUANTITY_RE

_SEP = r"[\s.\-]*"
_STREET_SUFFIX = (
    r"(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Place|Pl|Terrace|"
    r"Ter|Way|Circle|Cir|Parkway|Pkwy|Highway|Hwy|Square|Sq|Trail|Trl|Loop|Pike|Plaza|Crescent|"
    r"Close|Row|Alley|Ridge|Heights|Hills?|Park|Point|Run|Crossing|Route|Rte|Expressway|Walk|Green|"
    r"Groves?|Gardens|Mews|Manors?|Estates?|Harbou?r|View|Vista|Landing|Junction|Mill|Springs?|"
    r"Valley|Lake|Creek|Meadows?|Forest|Village|Port|Fort|Glen|Isle|Pass|Path|Pines|Rapids|Shores?)"
)
STREET_SUFFIX = _STREET_SUFFIX  # the growth rules read intersections with it
_UNIT = (r"(?:Apt|Apartment|Suite|Ste|Unit|Fl|Floor|Room|Rm|Bldg|Building|Flat|(?i:apt|suite|flat)|#)\.?\s*#?\s*"
         r"[A-Za-z]?\d+[A-Za-z]?")
_WORD = r"(?:[A-Z0-9][\w'’.-]*|(?i:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth))"
_DIGIT_WORD = r"(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|\d)"

_ONE_LINE = r"(?:[ \t]+\n?[ \t]*|\n[ \t]*)"  # spaces, at most one line break (no blank line)

ADDRESS_RE = re.compile(
    rf"\b(?:\d{{1,4}}/)?\d{{1,6}}[A-Za-z]?(?:-\d+)?{_ONE_LINE}(?:(?:{_WORD}){_ONE_LINE}){{1,3}}?(?:{_STREET_SUFFIX}|(?i:{_STREET_SUFFIX}))\b\.?"
    rf"(?:[ \t]+{_STREET_SUFFIX}\b\.?)*"
    rf"(?:\s+(?:N|S|E|W|NE|NW|SE|SW)\b\.?)?(?:,?\s*{_UNIT})?"
)

# Streets written the European way: a street word before the name ("Rue", "ul.") or after it
# ("tér", "Strasse", "-vej", "-katu"), the house number last.
_NAME_WORD = (r"(?:[A-ZÀ-ÞĀ-ſ][\w'’.-]*|du|de|des|la|le|les|del|della|delle|dei|degli|di|da|do|dos|das|al|el|y|"
              r"van|von|der|den|ter|ten|het|op|aan)(?!\w)")
_STREET_BEFORE = (r"(?:C/|Rue|Avenue|Av\.|Avda\.|Boulevard|Bd\.|Chemin|All[ée]e|Impasse|Quai|Route|Via|Viale|Piazza|"
                  r"Piazzale|Corso|Largo|Calle|Carrer|Avenida|Rua|Pra[çc]a|Travessa|Strada|Plac|ul\.|ulica|al\.|"
                  r"aleja|Odos)")
_STREET_AFTER = (r"(?:Stra(?:ss|ß)e|Str\.|str|Gasse|Weg|Allee|Platz|Ring|Damm|Ufer|tér|út|útja|utca|u\.|krt\.|körút|"
                 r"tee|tänav|iela|gatve|ulice|cesta|"
                 r"rkp\.|kapu|sor|köz|fasor|sétány|straat|laan|gracht|plein|kade|vej|gade|gata|gatan|vägen|veien|gate)")
_STREET_SUFFIX_JOINED = (r"(?:stra(?:ss|ß)e|gasse|weg|vej|gade|katu|kuja|tie|stien|vägen|gatan|väg|gata|veien|vegen|"
                         r"gate|laan|straat|plein|gracht|kade|singel|steeg|allee|platz|damm|ufer|torget|torg|stræti|"
                         r"straeti|braut|vegur|utca|körút|krogen|bakken|stræde|vænget|parken)")
_HOUSE = r"\d{1,5}[A-Za-z]?\b\.?"
STREET_NUMBER_LAST_RE = re.compile(
    rf"(?<![\w.]){_STREET_BEFORE}(?:\s+{_NAME_WORD}){{1,4}}\s+{_HOUSE}"
    rf"|\b(?:{_NAME_WORD}\s+){{1,3}}{_STREET_AFTER}\s+{_HOUSE}"
    rf"|\b[A-ZÀ-Þ][\w'’-]*?{_STREET_SUFFIX_JOINED}\s+{_HOUSE}"
)
STREET_NUMBER_FIRST_RE = re.compile(rf"\b\d{{1,6}}[A-Za-z]?,?\s+{_STREET_BEFORE}(?:\s+{_NAME_WORD}){{1,5}}")
# The same with the street words in lower case ("36 rue de pologne"): the words after the
# street word run to the end of the line or clause, less any ordinary English word at the end.
STREET_LOWER_RE = re.compile(
    r"\b\d{1,6}[A-Za-z]?,?[ \t]+(?i:rue|avenue|av\.|via|viale|calle|rua|avenida|strada|chemin|ul\.|ulica)"
    r"(?P<words>(?:[ \t]+[^\W\d_][\w'’.-]*){1,5})"
)
# US military mail: "PSC 1234, Box 5678", "Unit 1234 Box 567", "USNS Brown", "APO AE 09123".
# A street and house number named by where someone lives or something is ("lives on Hoge Wei
# 32", "located at Parmova 109"): one to three capitalised words, then the number.
LIVES_ON_RE = re.compile(
    r"(?i:\b(?:lives?|living|lived|located|situated|address(?:\s+is)?|enter|entrance|stays?|stayed|moved|"
    r"moving|resides?|residing)\s+(?:on|at|in|to)\s+)(?P<v>(?:[A-ZÀ-ÞĀ-ſ][\w'’.-]*\s+){1,3}"
    r"(?!(?:19|20)\d\d\b)\d{1,5}[A-Za-z]?)\b"
)
MILITARY_RE = re.compile(
    r"(?i)\b(?:PSC|CMR|Unit)\s+\d{3,5},?\s+Box\s+\d{1,5}\b|\b(?:APO|FPO|DPO)\s+(?:AA|AE|AP)\b(?:\s+\d{5})?"
    r"|\b(?:USNS|USNV|USS|USCGC)\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?"
)

Validator = Callable[[re.Match[str]], bool]


def _digits(value: str) -> str:
    return re.sub(r"\D", "", value)


def _ok_ip(match: re.Match[str]) -> bool:
    return all(int(part) <= 255 for part in match.group().split("."))


def _ok_grouped_phone(match: re.Match[str]) -> bool:
    groups = re.findall(r"\d+", match.group())
    years = all(len(g) == 4 and g[:2] in ("19", "20") for g in groups)
    pairs = len(groups) == 5 and all(len(g) == 2 for g in groups) and groups[0][0] == "0"
    ssn = [len(g) for g in groups] == [3, 2, 4]  # an SSN shape is an ID, not a phone
    return 8 <= len("".join(groups)) <= 13 and (pairs or any(len(g) >= 3 for g in groups)) and not years and not ssn


def _ok_spelled(match: re.Match[str]) -> bool:
    """Seven or more digits said one by one: in words ("six one four..."), or as single digits
    joined by hyphens or commas as a voicemail transcript writes them ("2-1-0, 5-5-5, 0-1-9-8")."""
    words = re.findall(_DIGIT_WORD, match.group(), re.IGNORECASE)
    said = re.fullmatch(r"\d(?:\s*[-,]\s*\d){9}", match.group().strip())
    return len(words) >= 7 and (sum(not w.isdigit() for w in words) >= 3 or bool(said))


_CHAT_WORDS = frozenset(("sure", "after", "before", "yes", "no", "ok", "okay", "thanks", "hi", "hello", "hey", "please",
                         "sorry", "um", "uh", "well", "yeah", "yep", "nope", "maybe", "i", "it", "my", "the"))


def _ok_card(match: re.Match[str]) -> bool:
    return not all(g[:2] in ("19", "20") for g in re.findall(r"\d+", match.group()))


def _not_quantity(match: re.Match[str]) -> bool:
    """The number ending the match is a house number, not "2 years" or "40 mg"."""
    return not QUANTITY_RE.match(match.string, match.end())


_CODE_BEFORE_RE = re.compile(r"(?i)\b(?:cpt|hcpcs|code|codes|billing|modifier\s+on)\s*(?:codes?)?\s*#?:?\s*"
                             r"(?:\d{5}(?:-\w+)?\s*,\s*)*$|\bGCS\s*\d*\s*\(?$")


def _not_a_code(match: re.Match[str]) -> bool:
    """Five digits after "CPT" are a procedure code, not a ZIP ("CPT 90837"), and so is a
    psychotherapy code in brackets after the session's title ("Individual Psychotherapy (90834)")."""
    before = match.string[max(0, match.start() - 40) : match.start()]
    if _CODE_BEFORE_RE.search(before):
        return False
    psychotherapy_code = re.fullmatch(r"90[78]\d\d", match.group()) and \
        re.search(r"(?i)(?:therapy|session|note|visit|evaluation|interactive complexity)[ \t]*\($", before)
    return not psychotherapy_code


def _ok_long_id(match: re.Match[str]) -> bool:
    """Six digits or more, not written as a phone number ("330-555-0187" is a PHONE), not a
    range of years or clock times ("2004-2012", "0700-1900") and no quantity ("150-200 ml")."""
    value = match.group()
    span = re.fullmatch(r"(\d{2,4})s?-(\d{2,4})s?", value)
    if span and (value.count("s") or int(span.group(1)) < int(span.group(2)) <= 2 * int(span.group(1))):
        return False  # a range: "130s-140s", "105-115"
    pair = re.fullmatch(r"(\d{4})-(\d{4})", value)
    if pair and (all(p[:2] in ("19", "20") for p in pair.groups()) or all(int(p) <= 2400 for p in pair.groups())):
        return False
    quantity = re.fullmatch(r"[\d-]+", value) and re.match(r"\s*(?:mg|mcg|ml|g|kg|lbs?|units?|%)\b", match.string[match.end():])
    return len(_digits(value)) >= 6 and not _PHONE_SHAPE_RE.fullmatch(value) and not quantity


_LABEL_AFTER_RE = re.compile(r"-([A-Za-z]{3,})$")
_PHONE_SHAPE_RE = re.compile(r"(?:(?:1[-.])?\d{3}[-.])?\d{3}[-.]\d{4}")  # "330-555-0187", "555-0136"


def _military_unit(match: re.Match[str]) -> bool:
    """A unit named with a number ("4th Marines", "Squadron 31"), not "the Marines" or "Division of"."""
    return bool(re.search(r"\d(?:st|nd|rd|th)\b|(?:Squadron|Platoon|Fleet)[ \t]+\d", match.group()))


PATTERNS: tuple[tuple[str, re.Pattern[str], Validator | None], ...] = (
    ("EMAIL", re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}"), None),
    ("URL", re.compile(r"(?i)\b(?:https?://|www\.)[^\s<>\"']*[^\s<>\"'.,;:!?)\]]"), None),
    ("URL", re.compile(r"(?i)\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|edu|gov|io|info|biz|us|co\.uk|ly|health|app|dev|"
                       r"ai|tv|me|ie|nz|au|ca|uk|eu|ng|ph|pe|shop|store|online|site|xyz|club|de|fr|nl|es|pl|se|dk|fi|pt|br|"
                       r"mx|ar|cl|za|ke|sg|jp|kr|cn|hk|tw|ru|ch|cz|sk|hu|ro|gr|tr|il|ae|pk|vn|th|in)"
                       r"(?:/[^\s<>\"']*[^\s<>\"'.,;:!?)\]])?(?![\w@])"), None),
    ("IP", re.compile(r"(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?!\w|\.\d)"), _ok_ip),
    ("IP", re.compile(r"(?i)(?<![\w:])(?:[0-9a-f]{1,4}:){4,7}[0-9a-f]{1,4}(?![\w:])|"
                      r"(?<![\w:])(?:[0-9a-f]{1,4}:)+:(?:[0-9a-f]{1,4}:?)*[0-9a-f]{1,4}(?![\w:])"), None),
    ("ID", re.compile(r"(?<![\w-])\d{3}[- ]\d{2}[- ]\d{4}(?![\w-])"), None),
    # an IBAN ("GB71 TCRN 4021 8836 1029 47"), a UK National Insurance number ("QQ 12 34 56 C")
    # and a UK number plate ("LK19 XRT"): shapes no clinical word has
    ("ID", re.compile(r"\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){3,7}(?:[ ]?[A-Z0-9]{1,3})?\b"),
     lambda m: sum(c.isdigit() for c in m.group()) >= 8),
    ("ID", re.compile(r"\b[A-CEGHJ-PR-TW-Z]{2}[ ]?\d{2}[ ]?\d{2}[ ]?\d{2}[ ]?[A-D]\b"), None),
    ("ID", re.compile(r"\b[A-Z]{2}\d{2}[ ]?[A-Z]{3}\b"), None),
    ("ID", re.compile(r"(?<![\w-])\d{4}(?:[ -]\d{4}){2,3}(?:[ -]\d{1,4})?(?![\w-])"), _ok_card),
    ("PHONE", re.compile(
        r"(?<![\w+])(?:\+?1[\s.–—-]*)?(?:\(\s*\d{3}\s*\)|\d{3})[\s.–—-]*\d{3}[\s.–—-]*\d{4}"
        r"(?:,?\s*(?:x|ext\.?|extension)\s*\d{1,5})?(?![\w-])"), None),
    ("PHONE", re.compile(r"(?<![\w+])\+\d{1,3}(?:[\s.-]?\(?\d{1,5}\)?){2,6}(?!\w|-\d)"), _ok_grouped_phone),
    ("PHONE", re.compile(r"(?<![\w/.-])(?<!\d,)\(?\d{2,5}\)?(?:[ .-]\d{2,4}){2,4}(?![\w/]|-\d|[.,]\d)"),
     _ok_grouped_phone),
    ("PHONE", re.compile(r"(?<![\w.,-])\d{3}[-. ]\d{4}(?:,?[ \t]*(?i:x|ext\.?|extension)[ \t]*\d{1,5}\b|(?!\w|[.,-]\d))"),
     None),
    ("PHONE", re.compile(rf"(?i)\b{_DIGIT_WORD}(?:(?:\s*[-,.]?\s*|\s+){_DIGIT_WORD}){{6,14}}\b"), _ok_spelled),
    ("ID", re.compile(r"(?<![\w-])(?=[A-Za-z0-9-]*\d)[A-Za-z]{0,5}-?\d[A-Za-z0-9-]*[A-Za-z0-9](?![\w-])"), _ok_long_id),
    # serials in groups of letters and digits ("SN-G7X4-00982176")
    ("ID", re.compile(r"(?<![\w-])[A-Za-z]{1,5}-[A-Za-z0-9]*\d[A-Za-z0-9]*(?:-[A-Za-z0-9]+)+(?![\w-])"), _ok_long_id),
    # user names and handles ("username jdoe1987", "@quill_fox"): a unique code of a person
    ("ID", re.compile(r"(?i)\b(?:user\s*name|user\s*id|user|login|handle|screen\s*name|gamertag)\s*(?:is|was|:|=)\s*"
                      r"['\"“‘]?(?P<v>@?[A-Za-z0-9][\w.-]{2,}[A-Za-z0-9])"),
     lambda m: m.group("v").lower() not in stop_words() and m.group("v").lower() not in _CHAT_WORDS),  # "User: sure, ..."
    # a user name in quotes after what it names ("the account 'rahul.v'")
    ("ID", re.compile(r"(?i)\b(?:account|user\s*name|user|login|handle)\s+['\"“‘](?P<v>@?[A-Za-z0-9][\w.@-]{2,}[A-Za-z0-9])"
                      r"['\"”’]"), None),
    # a phone extension or pager ("ext. 3341", "(pager 4419)")
    ("PHONE", re.compile(r"(?i)\b(?P<v>(?:ext\.?|extension)\s*#?\s*\d{1,6})\b"), None),
    # a phone number with slashes ("620/555/0175"), an extension on its own ("call back x4471")
    ("PHONE", re.compile(r"(?<![\w/])\d{3}/\d{3}/\d{4}(?![\w/])"), None),
    ("PHONE", re.compile(r"(?i)\b(?:call|back|at|reach|dial|page)[ \t]+(?P<v>x[ \t]?\d{3,5})\b"), None),
    # codes of letters and at least four digits ("EMP-40917", "KE-IT-0518", "SL/2024/0918", "T3-1104"), an Indian
    # PAN ("ACVPV2291H"), a vehicle identification number, a masked SSN ("xxx-xx-0186")
    ("ID", re.compile(r"(?<![\w/-])[A-Z]{1,5}\d{0,3}(?:[-/][A-Z]{1,5})*[-/]\d{4,}(?:[-/]\d{2,})*[A-Z]?(?![\w-]|/\w)"), None),
    ("ID", re.compile(r"\b[A-Z]{5}\d{4}[A-Z]\b"), None),
    ("ID", re.compile(r"\b(?=(?:[A-HJ-NPR-Z]*\d){3})(?=(?:\d*[A-HJ-NPR-Z]){3})[A-HJ-NPR-Z\d]{17}\b"), None),
    ("ID", re.compile(r"(?<![\w-])[xX*]{3}-[xX*]{2}-\d{4}(?![\w-])"), None),
    # masked card digits ("MC ****5521", "•••• 0772")
    ("ID", re.compile(r"(?<![\w*•])[*•]{3,}[ -]?\d{4}\b"), None),
    ("ID", re.compile(r"\b(?:XX+|xx+|\d{2}[*•]{3,})\d{4}\b"), None),  # "A/c XX4821", "01****8823"
    # a planning or court reference with slashes ("24/01873/FUL")
    ("ID", re.compile(r"\b\d{2}/\d{4,6}/[A-Z]{2,5}\b"), None),
    ("PHONE", re.compile(r"(?i)\b(?:pager|beeper)\s*#?\s*(?P<v>\d{3,6}|\d-\d{4})\b"), None),
    # a number after "#" ("Psychologist #PSY 31877", "Lic #036.118492", "enrollment # SPR-11093")
    ("ID", re.compile(r"(?<![\w#&])#[ \t]?(?P<v>(?:[A-Z]{1,5}[ -]?)?\d[\d.-]*\d)(?![\w-])"),
     lambda m: len(_digits(m.group("v"))) >= 4),
    # a numbered road ("on Route 9", "Hwy 61"); a road someone lives or works on places them
    ("LOCATION", re.compile(r"\b(?i:Route|Rte\.?|Highway|Hwy\.?|State\s+Road|County\s+Road|Interstate)\s+\d{1,4}[A-Z]?\b"), None),
    ("ID", re.compile(r"(?i)\b(?:user\s*name|user\s*id|user|login|handle|screen\s*name|gamertag)\s+"
                      r"(?P<v>@?(?=[\w.-]*[\d_.])[A-Za-z0-9][\w.-]{2,}[A-Za-z0-9])"), None),
    ("ID", re.compile(r"(?<![\w@.])@(?P<v>[A-Za-z][\w.-]{2,29}[A-Za-z0-9_])\b(?!\.[a-z]{2,}\b)"), None),
    ("ZIP", re.compile(r"(?<![\w$.,-])\d{5}(?:-\d{4})?(?![\w-]|[.,]\d)"), _not_a_code),
    ("ZIP", re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2}\b"), None),
    ("ZIP", re.compile(r"\b[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] ?\d[ABCEGHJ-NPRSTV-Z]\d\b"), _not_a_code),
    ("LOCATION", ADDRESS_RE, None),
    ("LOCATION", STREET_NUMBER_LAST_RE, None),
    ("LOCATION", STREET_NUMBER_FIRST_RE, None),
    ("LOCATION", MILITARY_RE, None),
    ("LOCATION", LIVES_ON_RE, _not_quantity),
    ("LOCATION", re.compile(rf"\b{_UNIT}\b".replace("|#)", ")")), None),
    ("LOCATION", re.compile(r"(?i)\b(?:P\.?\s?O\.?\s*Box|Post\s+Office\s+Box)\s+\d+\b"), None),
    # "the 3300 block of Walnut": a street by its block
    ("LOCATION", re.compile(r"\b\d{2,5}\s+block\s+of\s+(?:[NSEW]\.?\s+)?[A-Z][\w'’-]+(?:\s+(?:St|Street|Ave|Avenue|Rd|Road|"
                            r"Blvd|Boulevard|Dr|Drive|Ln|Lane|Way|Ct|Court|Pl|Place)\b\.?)?"), None),
    ("AGE", re.compile(r"(?i)\b(?P<v>9\d|1[01]\d)(?=[\s-]*(?:years?[\s-]*old|year-old|yrs?\b|yo\b|y/o|y\.o\.))"), None),
    # an age fused with the sex ("100F", "94yo F"), not a temperature ("T 99F")
    ("AGE", re.compile(r"(?<![\w.])(?<!T )(?<!temp )(?P<v>9\d|1[01]\d)(?=(?:\s*(?:yo|y/o))?\s*[MF]\b)(?![\d.])"),
     lambda m: not re.search(r"(?i)(?:fever|temp\w*|above|over|of|>|t)\s*$", m.string[max(0, m.start() - 14) : m.start()])),
    ("AGE", re.compile(r"(?i)\b(?:died|passed\s+away|passed)\s+at\s+(?:age\s+)?(?P<v>9\d|1[01]\d)\b"), None),
    ("AGE", re.compile(r"(?i)\blived\s+to(?:\s+be)?(?:\s+age)?\s+(?P<v>9\d|1[01]\d)\b(?![.,]\d|\s*%)"), None),
    # a military unit ("1st Battalion, 4th Marines", "82nd Airborne Division", "Helicopter Sea Combat Squadron 31"),
    # a base ("Fort Liberty", "Camp Lejeune", "Joint Base Lewis-McChord"), a ship ("USS Caldwell Point"), a union local
    ("ORG", re.compile(r"\b(?:(?:[A-Z][a-z]+|\d{1,3}(?:st|nd|rd|th))[ \t]+){0,4}(?:Battalion|Brigade(?:[ \t]+Combat[ \t]+Team)?|"
                       r"Division|Regiment|Squadron|Platoon|Marines|Cavalry|Infantry|Airborne|Fleet)"
                       r"(?:[ \t]+\d{1,3})?(?:,[ \t]+(?:\d{1,3}(?:st|nd|rd|th)[ \t]+)?(?:[A-Z][a-z]+[ \t]+){0,3}"
                       r"(?:Battalion|Brigade|Division|Regiment|Marines|Airborne[ \t]+Division|Infantry[ \t]+Division|"
                       r"Cavalry))*"), _military_unit),
    ("LOCATION", re.compile(r"\b(?:Fort|Camp|Joint[ \t]+Base|Naval[ \t]+(?:Air[ \t]+)?Station|Marine[ \t]+Corps[ \t]+"
                            r"(?:Base|Air[ \t]+Station))[ \t]+[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+)?|"
                            r"\b[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+)?[ \t]+Air[ \t]+Force[ \t]+Base\b"), None),
    ("ORG", re.compile(r"\bUSS[ \t]+[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+){0,2}|\b(?:[A-Z]{2,6}[ \t]+)?Local[ \t]+\d{1,5}\b"), None),
    # streets and intersections typed in lower case ("14 elm ct", "12 ostrowskiego street", "on lake st",
    # "on 5th and main"); a suffix word in full ("court", "road") only after a house number
    ("LOCATION", re.compile(r"\b\d{1,5}[a-z]?[ \t]+(?P<v>(?:[a-z][a-z'’-]+[ \t]+){1,2}"
                            r"(?:st|ave|rd|blvd|dr|ln|ct|hwy|pkwy|street|avenue|road|boulevard|drive|lane|court)\b\.?)"),
     None),
    ("LOCATION", re.compile(r"\b(?:on|at|near|off|down|up|from|to|of|in|by)[ \t]+"
                            r"(?P<v>(?!(?i:the|a|an|my|his|her|our|their|this|that|on|at|in|to|of|from|by|near|off|"
                            r"down|up|and|or|is|was|first|last|next)\b)(?:[a-z][a-z'’-]+[ \t]+){1,2}"
                            r"(?:st|ave|rd|blvd|ln|hwy|pkwy)\b\.?)"), None),
    ("LOCATION", re.compile(r"\b(?:on|at|near|of|off)[ \t]+(?P<v>\d{1,3}(?:st|nd|rd|th)[ \t]+(?:and|&)[ \t]+[a-z][a-z'’-]+)\b"),
     None),
    # a floor before a street address ("2nd Floor, 15 Vasilissis Sofias Avenue")
    ("LOCATION", re.compile(r"\b\d{1,2}(?:st|nd|rd|th)[ \t]+(?:Floor|Fl\.?)(?=,?[ \t]*\d)"), None),
    ("AGE", re.compile(r"(?i)\b(?:aged?|age\s+of|turning|turned|turns)\s*[:=]?\s*(?P<v>9\d|1[01]\d)\b(?![.,]\d|\s*%)"), None),
    # an age over 89 in words ("her ninetieth birthday", "ninety-two years old")
    ("AGE", re.compile(r"(?i)\b(?P<v>(?:ninety|one\s+hundred|a\s+hundred)(?:[\s-]+(?:one|two|three|four|five|six|seven|"
                       r"eight|nine))?(?=[\s-]+years?[\s-]+old|[\s-]+year-old)|(?:ninety-?|one\s+hundred\s+and\s+)?"
                       r"(?:ninetieth|hundredth|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)(?=\s+birthday))"),
     lambda m: bool(re.match(r"(?i)ninet|one\s+hundred|a\s+hundred|hundredth", m.group("v")))),
    # "mum's 93rd birthday": a birthday over 89 by its ordinal
    ("AGE", re.compile(r"(?i)\b(?P<v>(?:9\d|1[01]\d)(?:st|nd|rd|th))(?=[ \t]+birthday)"), None),
    # "Nani is 92 now", "she must be 90 by now", "Happy 91st", "Mama's 90th": an elder's age over 89
    ("AGE", re.compile(r"(?i)\b(?:nani|nan|nana|nanna|gran|granny|grandma|grandpa|grandmother|grandfather|mum|mom|dad|"
                       r"mother|father|aunt|auntie|uncle|nonna|nonno|oma|opa|abuela|abuelo|she|he)\s+"
                       r"(?:is|was|turned|turns|must\s+be|would\s+be|will\s+be|is\s+now)\s+(?P<v>9\d|1[01]\d)\b"
                       r"(?![ \t]*(?:%|/|\.\d|kg|lbs?|pounds?|mg|min|minutes?|cm|degrees?|bpm|points?))"), None),
    ("AGE", re.compile(r"(?i)(?:\bhappy|['’]s)\s+(?P<v>(?:9\d|1[01]\d)(?:st|nd|rd|th))\b"), None),
    # "I'm 102", "Pham was 90 when he ...": an age over 89 said by the person or after a name
    ("AGE", re.compile(r"(?i)\b(?:i['’]?m|i\s+am)\s+(?P<v>9\d|1[01]\d)\b(?![ \t]*(?:%|/|\.\d|kg|lbs?|pounds?|mg|min|minutes?|"
                       r"cm|degrees?))"), None),
    ("AGE", re.compile(r"\b[A-Z][a-z]+\s+(?:was|is|turned|turns)\s+(?P<v>9\d|1[01]\d)\s+(?:when|years?|yrs?|and\s+still)\b"),
     None),
    # "He's ninety-one", "mom is one hundred": an age over 89 in words after a person
    ("AGE", re.compile(r"(?i)\b(?:she|he|pt|patient|they|mom|dad|grandma|grandpa|mother|father|i)(?:['’]s|['’]m|\s+is|\s+was|\s+am|"
                       r"\s+turned|\s+turns|\s+will\s+be)\s+(?P<v>ninety(?:[\s-]+(?:one|two|three|four|five|six|seven|"
                       r"eight|nine))?|one\s+hundred|a\s+hundred)\b"), None),
    # "her grandmother, 91, moved ...": an age set off by commas after a word
    ("AGE", re.compile(r"(?<=[A-Za-z]),\s+(?:now\s+|aged?\s+)?(?P<v>9\d|1[01]\d)(?=\s*(?:,|\)|y\b|yo\b|[MF]\b))"), None),
    # "she is 90 and lives alone", "(she's 97!)": a person's age said with a pronoun
    ("AGE", re.compile(r"(?i)\b(?:she|he|pt|patient|they|who|mom|dad|grandma|grandpa)(?:['’]s|\s+is|\s+was|\s+turned|"
                       r"\s+turns|\s+will\s+be)\s+(?:now\s+)?(?P<v>9\d|1[01]\d)\b"
                       r"(?![ \t]*(?:%|/|\.\d|(?:lbs?|pounds?|kg|kilos?|mg|percent|points?|minutes?|mins?|bpm|mmhg|degrees?|"
                       r"seconds?|beats|th)\b))"), None),
)


def pattern_spans(text: str) -> list[Span]:
    """Every layer-2 span in ``text`` (may overlap; the pipeline merges them)."""
    out = [Span(s, e, "DATE", "pattern") for s, e in date_matches(text)]
    for category, pattern, valid in PATTERNS:
        for match in pattern.finditer(text):
            if valid is None or valid(match):
                start, end = match.span("v") if "v" in pattern.groupindex else match.span()
                label = _LABEL_AFTER_RE.search(text, start, end) if category == "ID" else None
                if label and label.group(1).lower() in stop_words():
                    end = label.start()  # "3660170548-Fax": the label is no part of the number
                out.append(Span(start, end, category, "pattern"))
    out += [span for m in STREET_LOWER_RE.finditer(text) if (span := _street_lower(text, m))]
    out += context.context_spans(text)
    out += table_spans(text)
    return out


def _street_lower(text: str, match: re.Match[str]) -> Span | None:
    """A lower-case number-first street, without the ordinary words that end the clause."""
    words = list(re.finditer(r"\S+", match.group("words")))
    while words and words[-1].group().strip(".,").lower() in stop_words():
        words.pop()
    if not words:
        return None
    return Span(match.start(), match.start("words") + words[-1].end(), "LOCATION", "pattern")
