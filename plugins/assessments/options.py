"""The assessments plugin's per-practice options and their defaults."""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from plugins.assessments.instruments import ORDER

PLUGIN = "assessments"

DEFAULTS: dict[str, Any] = {
    "delivery_lead_days": 2,  # the host detects appointments this many days ahead
    "cadence_sessions": 4,  # re-administer after this many sessions ...
    "cadence_days": 30,  # ... or this many days, whichever comes first
    "pcl5_cutoff": 33,  # PCL-5 total at or above this is "at or above cutoff"
    "use_native_forms": True,  # score OpenEMR's native PHQ-9 / GAD-7 forms when saved
    "portal_delivery": True,  # assign due instruments in the patient portal
    "instruments": list(ORDER),  # which instruments this practice uses
    "alert_fallback_user": "admin",  # inbox for item-9 alerts when no clinician is known
}


def resolve(given: Mapping[str, Any] | None) -> dict[str, Any]:
    """Defaults overlaid with the practice's values (the host already validated the keys)."""
    merged = dict(DEFAULTS)
    merged.update(given or {})
    return merged
