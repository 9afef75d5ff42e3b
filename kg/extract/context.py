"""The working state of the events stage over one article: what the main meeting and statement
steps have found so far (Context), and the facts collected (Extraction).

The steps before the rule families (kg/extract/meetings.py, statements, attacks) fill a Context;
the families never see it: they read the frozen Scene made from it (kg/extract/families.py).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from rdflib import Literal, URIRef
from rdflib.namespace import RDF, SKOS

from kg.article import Article, Sentence
from kg.entities import Entity, ArticleEntities
from kg.extract.scene import Fact, Found
from kg.reference import ReferenceIndex

@dataclass
class Extraction:
    facts: list[Fact] = field(default_factory=list)
    events: dict[URIRef, URIRef] = field(default_factory=dict)   # event IRI -> class

    def add(self, s, p, o, sentence: int, rule: str, confidence: float = 0.8) -> None:
        if o is None or s is None:
            return
        self.facts.append(Fact(s, p, o, sentence, rule, confidence))

    def merge(self, found: Found) -> None:
        """Take in what a rule family found (its facts, and the events it declares)."""
        self.facts.extend(found.facts)
        for iri, cls in found.events:
            self.events.setdefault(iri, cls)

    def declare(self, iri: URIRef, cls: URIRef, label: str, sentence: int, rule: str, conf: float = 0.8):
        if iri not in self.events:
            self.events[iri] = cls
            self.add(iri, RDF.type, cls, sentence, rule, conf)
            self.add(iri, SKOS.prefLabel, Literal(label, lang="en"), sentence, rule, conf)


@dataclass(frozen=True)
class MainSeries:
    """The series of the article's main meeting: its key (for IRIs), label and class."""

    key: str
    label: str
    cls: URIRef


@dataclass
class Context:
    article: Article
    res: ArticleEntities
    index: ReferenceIndex
    out: Extraction
    main_meeting: URIRef | None = None
    meeting_states: list[URIRef] = field(default_factory=list)
    statement: URIRef | None = None
    statement_states: list[URIRef] = field(default_factory=list)
    attacks_by_sentence: dict[int, list[URIRef]] = field(default_factory=dict)
    attack_offsets: dict[tuple[int, URIRef], int] = field(default_factory=dict)   # (sentence, attack) -> offset
    meetings_by_sentence: dict[int, URIRef] = field(default_factory=dict)   # the sentence that reports a meeting
    main_series: "MainSeries | None" = None
    docs: tuple = ()                     # the sentences' parses

    @property
    def date(self) -> dt.date | None:
        return self.article.published

    def sentence(self, i: int) -> Sentence:
        return self.article.sentences[i]

    def things(self, i: int, cls: URIRef) -> list[tuple[int, URIRef]]:
        """(offset in sentence, IRI) of the entities of `cls` mentioned in sentence i."""
        start = self.sentence(i).start
        return [(m.start - start, iri) for m, iri in self.res.in_sentence(i)
                if self.res.entities[iri].cls == cls]

    def entity(self, iri: URIRef) -> Entity:
        """The article's entity; a known actor met only inside a title is read from the reference
        (and not added to the article's entities: this stage does not write into the last)."""
        found = self.res.entities.get(iri)
        if found is None:
            known = self.index.known[iri]
            return Entity(iri, known.cls, known.label, True)
        return found
