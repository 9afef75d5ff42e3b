"""Link strength, as link-analysis tools grade a link: confirmed, probable or unconfirmed.

The grading is kg.confidence's (the README's confidence table): a relation stated by `articles`
independent articles, the best of whose extractions has `confidence`, has the combined
confidence 1 - (1 - confidence) ** articles, and that gives its strength:

  confirmed     combined confidence 0.95 or more (two plain reports of a well-read kind of fact),
                or stated by the curated reference data
  probable      combined confidence 0.65 or more
  unconfirmed   below

A relation with no confidence recorded (two actors at one event: no single fact joins them) is
confirmed when two or more articles state it, else unconfirmed.
"""
from __future__ import annotations

from kg.confidence import STRENGTHS, link_strength as strength_of, repeated

__all__ = ["STRENGTHS", "link_strength"]


def link_strength(articles: int, confidence: float | None, *, reference: bool = False) -> str:
    """The strength of a relation stated by `articles` articles (and by the reference data if
    `reference`), the best of whose extractions has `confidence`."""
    if reference:
        return "confirmed"
    if confidence is None:
        return "confirmed" if articles >= 2 else "unconfirmed"
    if articles < 1:
        return "unconfirmed"
    return strength_of(repeated(confidence, articles))
