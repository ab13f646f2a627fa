"""The template backend: a progress note composed only from the Session Input and the chart.

Every sentence is either the clinician's own text behind a lead-in, or a fact taken from the
chart (diagnoses, goals, scores) or from the structured fields (minutes, modality, CPT,
interventions, risk screen). Phrasing varies deterministically by the event's source key.
The Risk section is fixed wording that mirrors the screen exactly; it is never varied and
never produced by a model.
"""
from __future__ import annotations

from dataclasses import dataclass

from hooks.types import Chart
from plugins.notes import vocab
from plugins.notes.formats import NoteFormat
from plugins.notes.inputs import SessionInput
from plugins.notes.prose import Voice, excerpt, join_list, lead, paragraph, sentence
from plugins.notes.thread import Thread

SELF_ONLY = frozenset({"client", "client only", "pt", "patient", "self", "client alone"})


@dataclass(frozen=True)
class Facts:
    session: SessionInput
    chart: Chart
    thread: Thread
    alert_kinds: frozenset[str] = frozenset()  # "si" / "hi" with a same-day alert


class Composer:
    def __init__(self, facts: Facts, seed: str) -> None:
        self.f = facts
        self.s = facts.session
        self.v = Voice(seed)

    # --- building blocks ----------------------------------------------------------------
    def opening(self) -> str:
        s = self.s
        service = vocab.CPT_SERVICE.get(s.cpt, "psychotherapy session")
        length = f"{s.minutes}-minute " if s.minutes else ""
        article = _article(length + service)
        how = f" {vocab.MODALITY_PHRASE[s.modality]}" if s.modality else ""
        times = f" ({s.start:%H:%M}-{s.stop:%H:%M})" if s.minutes and s.start and s.stop else ""
        verb = self.v.pick(("Client attended {} {}{}{}{}.", "Client was seen for {} {}{}{}{}.",
                            "Client participated in {} {}{}{}{}."))
        text = verb.format(article, length, service, how, times)
        if s.participants and s.participants.lower().strip(" .") not in SELF_ONLY:
            text += " " + sentence(f"Participants: {s.participants}")
        return text

    def focus(self) -> str:
        return lead(self.v, ("Session focused on {}.", "The session centred on {}.",
                             "Primary focus was {}."), self.s.focus)

    def symptoms(self) -> str:
        return lead(self.v, ("Client reported {}.", "Client described {}.",
                             "Current symptoms reported: {}."), self.s.symptoms)

    def impairment(self) -> str:
        return lead(self.v, ("Functional impairment: {}.", "Impact on functioning: {}.",
                             "Reported effect on daily functioning: {}."), self.s.impairment)

    def observations(self) -> str:
        return lead(self.v, ("Clinician observed: {}.", "On observation: {}.",
                             "Observed presentation: {}."), self.s.observations)

    def interventions(self) -> str:
        items = [vocab.INTERVENTION_PHRASE[i] for i in self.s.interventions]
        items += list(self.s.other_interventions)
        if not items:
            return ""
        lead_in = self.v.pick(("Interventions included {}.", "Clinician used {}.",
                               "Session interventions: {}."))
        return sentence(lead_in.format(join_list(items)))

    def response(self) -> str:
        return lead(self.v, ("Response to interventions: {}.", "Client's response: {}.",
                             "Client response: {}."), self.s.response)

    def goals(self) -> str:
        out = []
        for link in self.f.thread.links:
            goal = f"{link.goal.id} ({link.goal.text.rstrip('.')})"
            if link.progress:
                out.append(sentence(f"Progress on {goal}: {link.progress}"))
            else:
                out.append(sentence(f"Session addressed {goal}"))
        if not self.f.thread.links and self.s.goal_progress:
            out.append(lead(self.v, ("Progress reported: {}.", "Progress toward goals: {}."),
                            self.s.goal_progress))
        return paragraph(*out)

    def goal_statement(self) -> str:
        """GIRP's Goal section opener: the plan goals this session worked on."""
        links = self.f.thread.links
        if not links:
            return ""
        named = "; ".join(f"{link.goal.id} - {link.goal.text.rstrip('.')}" for link in links)
        word = "goal" if len(links) == 1 else "goals"
        return sentence(self.v.pick((f"Treatment-plan {word} addressed: {{}}",
                                     f"This session worked on plan {word} {{}}")).format(named))

    def measures(self) -> str:
        lines = [t.line() for t in self.f.thread.trends]
        if not lines:
            return ""
        return sentence(self.v.pick(("Measures: {}", "Score trend: {}")).format("; ".join(lines)))

    def necessity(self) -> str:
        dx = self.f.chart.diagnoses
        if not (dx and self.s.symptoms and self.s.impairment):
            return ""
        names = join_list([f"{d.code} ({d.title})" if d.title else d.code for d in dx])
        sx, fx = excerpt(self.s.symptoms), excerpt(self.s.impairment)
        return sentence(self.v.pick((
            "Current symptoms ({sx}) and functional impairment ({fx}) are associated with {dx} "
            "and support the medical necessity of continued psychotherapy to reduce symptoms "
            "and restore functioning",
            "Continued psychotherapy remains medically necessary: the reported symptoms ({sx}) "
            "and impairment ({fx}) relate to {dx}, and treatment targets symptom reduction and "
            "improved daily functioning",
            "Given {dx}, the reported symptoms ({sx}) and impairment in functioning ({fx}) "
            "warrant continued outpatient psychotherapy aimed at reducing symptoms and "
            "improving functioning",
        )).format(sx=sx, fx=fx, dx=names))

    def plan(self) -> str:
        return lead(self.v, ("{}.", "Next steps: {}."), self.s.plan)  # the section is titled Plan


def _article(phrase: str) -> str:
    number = phrase.split("-")[0]
    if number.isdigit():
        return "an" if number.startswith("8") or number in ("11", "18") else "a"
    return "an" if phrase[:1].lower() in "aeiou" else "a"


def risk_section(facts: Facts) -> str:
    """Risk exactly as screened: "not assessed" stays that, never "denies"."""
    s = facts.session
    parts: list[str] = []
    if s.si_screen == s.hi_screen == "denied":
        parts.append("Client denied suicidal and homicidal ideation.")
    else:
        parts += [_screen_sentence("suicidal", s.si_screen), _screen_sentence("homicidal", s.hi_screen)]
    if s.risk_notes:
        parts.append(sentence(f"Risk notes: {s.risk_notes}"))
    for kind in sorted(facts.alert_kinds):
        label = "suicidal" if kind == "si" else "homicidal"
        parts.append(f"A same-day alert about {label} ideation documented in the Session Input "
                     "was sent to the clinician's inbox.")
    phq = [t.latest for t in facts.thread.trends if t.latest.instrument == "PHQ-9"]
    if phq and phq[0].item9 is not None:
        parts.append(f"PHQ-9 item 9 on {phq[0].date.isoformat()}: {phq[0].item9}.")
    return paragraph(*parts)


def _screen_sentence(label: str, value: str) -> str:
    if value == "denied":
        return f"Client denied {label} ideation."
    if value == "endorsed":
        return f"Client endorsed {label} ideation."
    if value == "not_assessed":
        return f"{label.capitalize()} ideation was not assessed this session."
    return f"{label.capitalize()} ideation screen: not recorded in the Session Input."


def compose(fmt: NoteFormat, facts: Facts, seed: str) -> dict[str, str]:
    """The clinical sections of ``fmt`` plus ``risk``, composed from ``facts``."""
    c = Composer(facts, seed)
    build = {
        "SOAP": lambda: {
            "subjective": paragraph(c.focus(), c.symptoms(), c.impairment()),
            "objective": paragraph(c.opening(), c.observations(), c.measures()),
            "assessment": paragraph(c.interventions(), c.response(), c.goals(), c.necessity()),
            "plan": c.plan()},
        "DAP": lambda: {
            "data": paragraph(c.opening(), c.focus(), c.symptoms(), c.impairment(),
                              c.observations(), c.interventions(), c.measures()),
            "assessment": paragraph(c.response(), c.goals(), c.necessity()),
            "plan": c.plan()},
        "BIRP": lambda: {
            "behavior": paragraph(c.opening(), c.focus(), c.symptoms(), c.impairment(),
                                  c.observations(), c.measures()),
            "intervention": c.interventions(),
            "response": paragraph(c.response(), c.goals(), c.necessity()),
            "plan": c.plan()},
        "GIRP": lambda: {
            "goal": paragraph(c.goal_statement(), c.focus(), c.symptoms(), c.impairment()),
            "intervention": paragraph(c.opening(), c.interventions(), c.observations()),
            "response": paragraph(c.response(), c.goals(), c.measures(), c.necessity()),
            "plan": c.plan()},
    }[fmt.name]()
    sections = {k: v or _empty(k) for k, v in build.items()}
    sections["risk"] = risk_section(facts)
    return sections


def _empty(section: str) -> str:
    """Text for a section the Session Input gave nothing for: says so, invents nothing."""
    return f"Not recorded in the Session Input ({section}); complete before signing."
