"""Union of the layers' spans: overlapping or touching spans become one, with one category."""
from __future__ import annotations

from hooks.types import Span

LAYER_RANK = {"known": 0, "pattern": 1, "model": 2, "gazetteer": 3}
CATEGORY_RANK = {name: rank for rank, name in enumerate((
    "EMAIL", "URL", "IP", "DATE", "ID", "PHONE", "ZIP", "AGE", "PATIENT", "RELATIVE", "CLINICIAN",
    "PERSON", "LOCATION", "ORG",
))}


def _best(spans: list[Span]) -> Span:
    """The span whose category wins a cluster: known first, then the longest, then by kind."""
    return min(spans, key=lambda s: (LAYER_RANK.get(s.layer, 3), -(s.end - s.start),
                                     CATEGORY_RANK.get(s.category, 99)))


def merge(spans: list[Span], text: str) -> list[Span]:
    """Overlapping spans merged; each result keeps the winning category and layer."""
    clusters: list[list[Span]] = []
    end = -1
    for span in sorted(_trimmed(spans, text), key=lambda s: (s.start, -s.end)):
        if clusters and span.start < end:
            clusters[-1].append(span)
            end = max(end, span.end)
        else:
            clusters.append([span])
            end = span.end
    return [_cluster_span(cluster) for cluster in clusters]


def _cluster_span(cluster: list[Span]) -> Span:
    best = _best(cluster)
    return Span(min(s.start for s in cluster), max(s.end for s in cluster), best.category, best.layer)


def _trimmed(spans: list[Span], text: str) -> list[Span]:
    """Spans without surrounding whitespace or trailing punctuation; empty ones dropped."""
    out = []
    for span in spans:
        start, end = span.start, span.end
        while start < end and text[start] in " \t\r\n,;:.!?\"'’)":
            start += 1
        while end > start and text[end - 1] in " \t\r\n,;:!?\"'’(":
            end -= 1
        if end > start:
            out.append(Span(start, end, span.category, span.layer))
    return out
