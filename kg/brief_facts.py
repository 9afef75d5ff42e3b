"""The facts a brief may state, each with the sentence an article states it in, and the
numbered footnotes that cite them.

Facts are read through the named query queries/footnotes.rq (one entity at a time, cached),
so that a brief says nothing the graph's articles do not: every line of a brief cites the
facts it was written from, and each cited fact becomes a footnote with its article's file
name, date, URL where known, and the sentence. With a date window (`since`, `as_of`), only
articles published inside it count; an undated article then counts as outside.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Iterable

import pyoxigraph as ox

from kg.query import bind_values, fetch_labels, run_named, select
from kg.store import sparql
from kg.vocab import CTKG

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


@dataclass(frozen=True)
class Evidence:
    """One fact (`subject predicate object`, IRIs or a literal's value) as one article states it."""

    subject: str
    predicate: str
    object: str
    text: str
    file: str
    published: str | None
    url: str | None
    article: str


@dataclass(frozen=True)
class Footnote:
    number: int
    file: str
    published: str | None
    url: str | None
    sentence: str
    article: str

    def citation(self) -> str:
        """'003_ceaa….txt, 2025-02-15, https://…: “The sentence.”'"""
        where = ", ".join(x for x in (self.file, self.published or "undated", self.url) if x)
        return f"{where}: “{self.sentence}”"


class Facts:
    """The facts about entities, read as they are asked for; and the footnotes cited so far."""

    def __init__(self, store: ox.Store, *, since: dt.date | None = None, as_of: dt.date | None = None):
        self.store = store
        self.since, self.as_of = since, as_of
        self._about: dict[str, tuple[Evidence, ...]] = {}
        self._labels: dict[str, str] = {}
        self._reference: dict[str, tuple[tuple[str, str], ...]] = {}
        self._notes: dict[tuple[str, str], Footnote] = {}
        self.outside: set[str] = set()          # articles left out by the date window

    # -- reading -----------------------------------------------------------------------------

    def about(self, iri: str) -> tuple[Evidence, ...]:
        """Every fact with `iri` as its subject or object, from articles inside the window."""
        if iri not in self._about:
            result = run_named(self.store, "footnotes", {"entity": iri}, iris=True)
            found = []
            for row in result.rows:
                fact = Evidence(*(str(v) if v is not None else None for v in row[:8]))
                if self._inside(fact):
                    found.append(fact)
                else:
                    self.outside.add(fact.file)
            self._about[iri] = tuple(found)
        return self._about[iri]

    def _inside(self, fact: Evidence) -> bool:
        if self.since is None and self.as_of is None:
            return True
        if not fact.published:
            return False
        day = dt.date.fromisoformat(fact.published[:10])
        return (self.since is None or day >= self.since) and (self.as_of is None or day <= self.as_of)

    def find(self, entity: str, predicate: str | None = None, *, subject: str | None = None,
             object: str | None = None) -> list[Evidence]:
        """The facts about `entity` with the given predicate (a ctkg local name or a full IRI),
        subject and object."""
        iri = _predicate_iri(predicate) if predicate else None
        return [f for f in self.about(entity) if (iri is None or f.predicate == iri)
                and (subject is None or f.subject == subject) and (object is None or f.object == object)]

    def objects(self, entity: str, predicate: str) -> list[str]:
        """The objects of `entity predicate ?o`, in order of first statement, without repeats."""
        return list(dict.fromkeys(f.object for f in self.find(entity, predicate, subject=entity)))

    def subjects(self, entity: str, predicate: str) -> list[str]:
        return list(dict.fromkeys(f.subject for f in self.find(entity, predicate, object=entity)))

    def is_a(self, entity: str, cls: str) -> bool:
        return any(f.object == str(CTKG[cls]) for f in self.find(entity, RDF_TYPE, subject=entity))

    def dated(self, entity: str) -> str | None:
        """The entity's start date (or month), else its publication date, as stated."""
        for predicate in ("startDate", "startMonth", "published"):
            values = self.objects(entity, predicate)
            if values:
                return min(values)[:10]
        return None

    def reference(self, iri: str, predicate: str) -> list[str]:
        """What the curated reference data states as `iri predicate ?o` (IRIs or literal values)."""
        if iri not in self._reference:
            text = bind_values(sparql("reference-values"), {"subject": [ox.NamedNode(iri)]})
            self._reference[iri] = tuple((row["predicate"].value, row["object"].value) for row in select(self.store, text))
        wanted = _predicate_iri(predicate)
        return list(dict.fromkeys(value for p, value in self._reference[iri] if p == wanted))

    def label(self, iri: str) -> str:
        if iri not in self._labels:
            self._labels.update(fetch_labels(self.store, [iri]))
        return self._labels.get(iri) or iri.rstrip("/").rsplit("/", 1)[-1].replace("-", " ")

    # -- citing ------------------------------------------------------------------------------

    def cite(self, facts: Iterable[Evidence]) -> tuple[int, ...]:
        """The footnote numbers of `facts` (one footnote per article sentence, numbered in order
        of first citation)."""
        numbers = []
        for fact in facts:
            key = (fact.file, fact.text)
            if key not in self._notes:
                self._notes[key] = Footnote(len(self._notes) + 1, fact.file, fact.published, fact.url, fact.text,
                                            fact.article)
            numbers.append(self._notes[key].number)
        return tuple(sorted(set(numbers)))

    def footnotes(self) -> tuple[Footnote, ...]:
        return tuple(sorted(self._notes.values(), key=lambda n: n.number))


def _predicate_iri(name: str) -> str:
    return name if "://" in name else str(CTKG[name])


def local_name(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]
