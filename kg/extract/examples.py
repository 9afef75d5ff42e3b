"""Run a rule's example sentences through the whole extraction, as the test suite does.

An example is a small article (the text of the rule file's `text`, dated by a first line as the
seed articles are); its facts are rendered per family as plain {slot: label} rows, which the
rule's `yields` must all be among, produced by that very rule.
"""
from __future__ import annotations

import datetime as dt
import importlib
from pathlib import Path


from kg.article import read_article

EXAMPLE_DATE = dt.date(2021, 3, 17)


def extraction_of(text: str, folder: Path):
    """(extraction, label of an IRI) for one example text."""
    from kg.entities import find_entities
    from kg.events import extract_events
    from kg.extract.pipeline import parse
    from kg.mentions import find_mentions
    from kg.reference import reference_index

    path = folder / "example.txt"
    path.write_text(f" date {EXAMPLE_DATE.isoformat()}\n{text}\n", encoding="utf-8")
    article = read_article(path)
    index = reference_index()
    docs = parse([s.text for s in article.sentences])
    res = find_entities(article, find_mentions(article, index, docs), index)
    extraction = extract_events(article, res, index, docs)
    labels = {iri: e.label for iri, e in res.entities.items()}
    return extraction, lambda iri: labels.get(iri) or (index.known[iri].label if iri in index.known else iri.value)


def rows(family: str, extraction, label, rule: str) -> list[dict]:
    """The facts one rule yielded, as the rows its examples are written in."""
    return importlib.import_module(f"kg.extract.{family}").rows(extraction, label, rule)
