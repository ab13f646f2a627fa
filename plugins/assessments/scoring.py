"""Scoring by fixed code: totals, severity bands, the PHQ-9 item 9 flag, the PCL-5 clusters.

Never a language model. Missing-item rules (also in each instrument's JSON ``missing_rule``):

- PHQ-9: up to 2 of 9 items missing -> total prorated as round-half-up(sum x 9 / answered);
  3 or more missing -> "incomplete", no total and no band. Item 9 is flagged whenever it is
  answered above 0, whatever the total or completeness; a missing item 9 is reported as
  "not answered" so the clinician can ask it.
- GAD-7: up to 1 of 7 items missing -> prorated as round-half-up(sum x 7 / answered);
  2 or more missing -> "incomplete".
- PCL-5: at most 1 missing item in every cluster (B 1-5, C 6-7, D 8-14, E 15-20) -> total
  prorated as round-half-up(sum x 20 / answered); otherwise "incomplete". Cluster severity
  scores are sums of answered items. The DSM-5 cluster rule counts answered items rated >= 2;
  a cluster short of its count whose missing items could still reach it is "indeterminate".

Proration (mean substitution) for a small share of missing items is the usual practice for
these sum scores; the limits keep at least ~75% of items (and every PCL-5 cluster but one
item) observed.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction
from math import floor

from plugins.assessments.instruments import Cluster, Instrument

COMPLETE, PRORATED, INCOMPLETE = "complete", "prorated", "incomplete"


@dataclass(frozen=True)
class ClusterResult:
    name: str
    severity: int  # sum of answered items
    symptoms: int  # answered items rated >= threshold
    needed: int
    missing: int
    met: bool | None  # None: indeterminate because of missing items


@dataclass(frozen=True)
class Result:
    instrument: str
    answers: dict[int, int]  # item number -> value, answered items only
    missing: tuple[int, ...]
    raw_sum: int
    total: int | None  # None when incomplete
    status: str  # complete | prorated | incomplete
    band: str | None
    item9: int | None = None  # PHQ-9 only: None when not answered (or not PHQ-9)
    clusters: tuple[ClusterResult, ...] = ()
    cluster_rule_met: bool | None = None  # PCL-5 only
    cutoff: int | None = None  # PCL-5 only

    @property
    def item9_positive(self) -> bool:
        return self.item9 is not None and self.item9 > 0


def round_half_up(value: Fraction) -> int:
    return floor(value + Fraction(1, 2))


def _clean(inst: Instrument, answers: Mapping[int, int | None]) -> dict[int, int]:
    numbers = {item.number for item in inst.items}
    clean: dict[int, int] = {}
    for number, value in answers.items():
        if number not in numbers:
            raise ValueError(f"{inst.key} has no item {number}")
        if value is None:
            continue
        if not 0 <= int(value) <= inst.max_value:
            raise ValueError(f"{inst.key} item {number}: value {value} outside 0-{inst.max_value}")
        clean[number] = int(value)
    return clean


def band_for(inst: Instrument, total: int, cutoff: int | None = None) -> str:
    """The severity band of a total (PCL-5: relative to the cutoff)."""
    if inst.key == "PCL-5":
        limit = cutoff if cutoff is not None else int(inst.scoring["default_cutoff"])
        return "at or above cutoff" if total >= limit else "below cutoff"
    for low, high, label in inst.scoring["bands"]:
        if low <= total <= high:
            return str(label)
    raise ValueError(f"{inst.key} total {total} outside 0-{inst.max_total}")


def _proratable(inst: Instrument, missing: tuple[int, ...]) -> bool:
    if "max_missing_per_cluster" in inst.scoring:
        limit = int(inst.scoring["max_missing_per_cluster"])
        return all(sum(1 for n in missing if n in c.numbers) <= limit for c in inst.clusters)
    return len(missing) <= int(inst.scoring["max_missing"])


def _total(inst: Instrument, clean: dict[int, int], missing: tuple[int, ...]) -> tuple[int | None, str]:
    raw = sum(clean.values())
    if not missing:
        return raw, COMPLETE
    if not clean or not _proratable(inst, missing):
        return None, INCOMPLETE
    return round_half_up(Fraction(raw * len(inst.items), len(clean))), PRORATED


def _cluster(inst: Instrument, cluster: Cluster, clean: dict[int, int]) -> ClusterResult:
    threshold = int(inst.scoring["symptom_threshold"])
    answered = [clean[n] for n in cluster.numbers if n in clean]
    missing = len(cluster.numbers) - len(answered)
    symptoms = sum(1 for v in answered if v >= threshold)
    met: bool | None = symptoms >= cluster.needed
    if not met and symptoms + missing >= cluster.needed:
        met = None
    return ClusterResult(cluster.name, sum(answered), symptoms, cluster.needed, missing, met)


def _rule(clusters: tuple[ClusterResult, ...]) -> bool | None:
    if any(c.met is False for c in clusters):
        return False
    return True if all(c.met for c in clusters) else None


def score(inst: Instrument, answers: Mapping[int, int | None], *, cutoff: int | None = None) -> Result:
    """Score one administration; ``answers`` maps item number -> value (None = missing)."""
    clean = _clean(inst, answers)
    missing = tuple(item.number for item in inst.items if item.number not in clean)
    total, status = _total(inst, clean, missing)
    limit = None
    if inst.key == "PCL-5":
        limit = cutoff if cutoff is not None else int(inst.scoring["default_cutoff"])
    band = band_for(inst, total, limit) if total is not None else None
    clusters = tuple(_cluster(inst, c, clean) for c in inst.clusters)
    safety = inst.safety_item
    return Result(
        instrument=inst.key, answers=clean, missing=missing, raw_sum=sum(clean.values()),
        total=total, status=status, band=band,
        item9=clean.get(safety) if safety else None,
        clusters=clusters, cluster_rule_met=_rule(clusters) if clusters else None, cutoff=limit)
