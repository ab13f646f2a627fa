"""The Session Input's controlled vocabularies: list options and how the note phrases them.

Each option is (id, list title, phrase used in note text). Phrases name the technique only;
what the client did with it comes from the clinician's own words.
"""
from __future__ import annotations

SESSION_FORMDIR = "LBFaibsi"
SESSION_TITLE = "Session Input (AI Draft)"

INTERVENTIONS: tuple[tuple[str, str, str], ...] = (
    ("cbt_restructuring", "CBT - cognitive restructuring", "cognitive restructuring (CBT)"),
    ("cbt_thought_record", "CBT - thought record", "thought-record work (CBT)"),
    ("behavioral_activation", "Behavioural activation", "behavioural activation"),
    ("exposure", "Exposure (graded / in vivo / imaginal)", "exposure work"),
    ("erp", "Exposure and response prevention (ERP)", "exposure and response prevention"),
    ("dbt_skills", "DBT skills training", "DBT skills training"),
    ("dbt_chain", "DBT chain analysis", "DBT chain analysis"),
    ("mi", "Motivational interviewing", "motivational interviewing"),
    ("psychoeducation", "Psychoeducation", "psychoeducation"),
    ("mindfulness", "Mindfulness-based skills", "mindfulness-based skills"),
    ("relaxation", "Relaxation / diaphragmatic breathing", "relaxation and breathing training"),
    ("grounding", "Grounding techniques", "grounding techniques"),
    ("act", "Acceptance and commitment therapy (ACT)", "ACT-based acceptance and values work"),
    ("supportive", "Supportive psychotherapy", "supportive psychotherapy"),
    ("solution_focused", "Solution-focused brief therapy", "solution-focused techniques"),
    ("problem_solving", "Problem-solving therapy", "structured problem solving"),
    ("tf_cbt", "Trauma-focused CBT (TF-CBT)", "trauma-focused CBT"),
    ("cog_processing", "Cognitive processing therapy (CPT)", "cognitive processing therapy"),
    ("prolonged_exposure", "Prolonged exposure (PE)", "prolonged exposure"),
    ("emdr", "EMDR", "EMDR"),
    ("ipt", "Interpersonal psychotherapy (IPT)", "interpersonal psychotherapy"),
    ("psychodynamic", "Psychodynamic exploration", "psychodynamic exploration"),
    ("family_systems", "Family systems therapy", "family systems work"),
    ("couples", "Couples therapy", "couples therapy"),
    ("parent_training", "Parent management training", "parent management training"),
    ("cbt_i", "CBT for insomnia (CBT-I) techniques", "CBT-I techniques"),
    ("social_skills", "Social skills training", "social skills training"),
    ("narrative", "Narrative therapy", "narrative therapy"),
    ("play_therapy", "Play therapy", "play therapy"),
    ("relapse_prevention", "Relapse prevention", "relapse prevention planning"),
    ("safety_planning", "Safety planning", "collaborative safety planning"),
    ("crisis_intervention", "Crisis intervention", "crisis intervention"),
    ("homework_review", "Homework review", "review of between-session practice"),
    ("care_coordination", "Care coordination", "care coordination"),
)

RISK_SCREEN = (("denied", "Denied"), ("endorsed", "Endorsed"),
               ("not_assessed", "Not assessed this session"))

CPT_CODES = (
    ("90791", "90791 Psychiatric diagnostic evaluation"),
    ("90832", "90832 Psychotherapy, 16-37 min"),
    ("90834", "90834 Psychotherapy, 38-52 min"),
    ("90837", "90837 Psychotherapy, 53+ min"),
    ("90846", "90846 Family psychotherapy, without client"),
    ("90847", "90847 Family psychotherapy, with client"),
)

MODALITIES = (("in_person", "In person"), ("video", "Telehealth - audio and video"),
              ("audio_only", "Telehealth - audio only"))

MODALITY_PHRASE = {"in_person": "in person", "video": "via secure audio-video telehealth",
                   "audio_only": "via audio-only telehealth"}

CPT_SERVICE = {
    "90791": "psychiatric diagnostic evaluation",
    "90832": "individual psychotherapy session",
    "90834": "individual psychotherapy session",
    "90837": "individual psychotherapy session",
    "90846": "family psychotherapy session without the client present",
    "90847": "family psychotherapy session with the client present",
}

INTERVENTION_PHRASE = {oid: phrase for oid, _, phrase in INTERVENTIONS}
