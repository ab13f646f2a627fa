"""The Layout-Based Form the scored result is written into: ``LBFaibscore``.

One unsigned instance per administration, in the encounter, for the clinician to review
and e-sign. Field ids are the keys of the ``assessment_result`` draft's fields.
"""
from __future__ import annotations

from hooks.types import LayoutField, LayoutForm

FORM_ID = "LBFaibscore"
TITLE = "Scored Assessment (AI Draft)"
KIND = "assessment_result"

_RESULT, _ITEMS, _SOURCE = "1", "2", "3"


def _text(field_id: str, title: str, group: str, description: str = "") -> LayoutField:
    return LayoutField(field_id, title, group, data_type=2, rows=1, cols=40, description=description)


def _area(field_id: str, title: str, group: str, rows: int = 4) -> LayoutField:
    return LayoutField(field_id, title, group, data_type=3, rows=rows, cols=80)


FIELDS: tuple[LayoutField, ...] = (
    _text("instrument", "Instrument", _RESULT),
    LayoutField("admin_date", "Date completed", _RESULT, data_type=4, rows=1, cols=10),
    _text("total", "Total score", _RESULT, "fixed-code total; prorated when noted"),
    _text("band", "Severity band", _RESULT),
    _text("completeness", "Completeness", _RESULT),
    _text("change_since_last", "Change since last", _RESULT),
    _area("interpretation", "Interpretation (scores only)", _RESULT, rows=5),
    _text("item9", "PHQ-9 item 9", _ITEMS),
    _area("item_flags", "Item-level flags", _ITEMS),
    _area("clusters", "PCL-5 clusters", _ITEMS),
    _area("item_scores", "Item scores", _ITEMS, rows=3),
    _text("source", "Source", _SOURCE),
    _area("scoring_rule", "Scoring rule applied", _SOURCE, rows=3),
)


def layout() -> LayoutForm:
    return LayoutForm(
        form_id=FORM_ID, title=TITLE,
        groups=((_RESULT, "Result"), (_ITEMS, "Items and flags"), (_SOURCE, "Source")),
        fields=FIELDS, mapping="Clinical", aco_spec="encounters|notes", seq=120)
