"""Link strength, as link-analysis tools grade a link: confirmed, probable or unconfirmed.

Until the graph carries its own grading of competing claims (issue 14), the strength is derived
here, in one place, from what the projection knows of a relation: the number of independent
articles that state it and the confidence of the extraction behind it.

  confirmed     stated by the reference data, or by two or more articles
  probable      stated by one article, by a rule whose confidence is PROBABLE_FROM or more
  unconfirmed   stated by one article with a lower confidence, or with none recorded
"""
from __future__ import annotations

STRENGTHS = ("confirmed", "probable", "unconfirmed")
PROBABLE_FROM = 0.75


def link_strength(articles: int, confidence: float | None, *, reference: bool = False) -> str:
    """The strength of a relation stated by `articles` articles (and by the reference data if
    `reference`), the best of whose extractions has `confidence`."""
    if reference or articles >= 2:
        return "confirmed"
    if articles == 1 and confidence is not None and confidence >= PROBABLE_FROM:
        return "probable"
    return "unconfirmed"
