"""What the earlier steps found in one article, read-only, as the rule families see it.

A Scene pairs each sentence's parse with the mentions resolved in it, so that a rule's token
can be asked "which known thing is this?" without character arithmetic in the families.
Families read a Scene and return a Found; nothing in a Scene is ever changed.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Mapping


from kg.article import Article
from kg.reference import ReferenceIndex
from kg.terms import NamedNode, ctkg, literal, rdf, skos


@dataclass(frozen=True)
class Fact:
    """One statement an article makes, with the sentence, rule and confidence behind it."""

    subject: NamedNode
    predicate: NamedNode
    object: object
    sentence: int
    rule: str
    confidence: float


@dataclass(frozen=True)
class Thing:
    """A resolved mention: where it is in its sentence (character offsets) and what it names."""

    start: int
    end: int
    iri: NamedNode
    cls: NamedNode
    label: str


@dataclass(frozen=True)
class Found:
    """What one family found: facts, and the events it declares (IRI, class)."""

    facts: tuple[Fact, ...] = ()
    events: tuple[tuple[NamedNode, NamedNode], ...] = ()
    meetings: tuple[tuple[int, NamedNode], ...] = ()   # (sentence, the meeting it reports)
    legal_actions: tuple[tuple[int, NamedNode], ...] = ()   # (sentence, a legal action it reports)


class FoundBuilder:
    """Collects a family's facts while it runs; `done()` freezes them."""

    def __init__(self):
        self.facts: list[Fact] = []
        self.events: dict[NamedNode, NamedNode] = {}
        self.meetings: dict[int, NamedNode] = {}
        self.legal_actions: dict[tuple[int, NamedNode], None] = {}

    def add(self, s, p, o, sentence: int, rule: str, confidence: float = 0.8) -> None:
        if s is not None and o is not None:
            self.facts.append(Fact(s, p, o, sentence, rule, confidence))

    def declare(self, iri: NamedNode, cls: NamedNode, label: str, sentence: int, rule: str, conf: float = 0.8) -> None:
        if iri not in self.events:
            self.events[iri] = cls
            self.add(iri, rdf.type, cls, sentence, rule, conf)
            self.add(iri, skos.prefLabel, literal(label, lang="en"), sentence, rule, conf)

    def reports(self, sentence: int, meeting: NamedNode) -> None:
        """Sentence `sentence` reports `meeting` (the first meeting a sentence reports stands)."""
        self.meetings.setdefault(sentence, meeting)

    def reports_legal_action(self, sentence: int, action: NamedNode) -> None:
        self.legal_actions[(sentence, action)] = None

    def done(self) -> Found:
        return Found(tuple(self.facts), tuple(self.events.items()), tuple(self.meetings.items()),
                     tuple(self.legal_actions))


@dataclass(frozen=True)
class Extraction:
    """Everything the events stage found in one article: its facts, and each event with its class."""

    facts: tuple[Fact, ...] = ()
    events: Mapping[NamedNode, NamedNode] = field(default_factory=lambda: MappingProxyType({}))

    @classmethod
    def of(cls, founds: list[Found]) -> "Extraction":
        events: dict[NamedNode, NamedNode] = {}
        for found in founds:
            for iri, kind in found.events:
                events.setdefault(iri, kind)
        return cls(tuple(f for found in founds for f in found.facts), MappingProxyType(events))


@dataclass(frozen=True)
class Scene:
    article: Article
    docs: tuple                                  # one spaCy Doc per sentence
    things: tuple[tuple[Thing, ...], ...]        # per sentence, in text order
    person_states: Mapping[NamedNode, NamedNode]       # person -> the state their post names
    index: ReferenceIndex
    capitals: Mapping[NamedNode, NamedNode]            # capital (a place) -> the state it stands for
    main_meeting: NamedNode | None = None
    meeting_states: tuple[NamedNode, ...] = ()
    statement: NamedNode | None = None
    statement_states: tuple[NamedNode, ...] = ()
    attacks: Mapping[int, tuple[NamedNode, ...]] = field(default_factory=lambda: MappingProxyType({}))
    meetings: Mapping[int, NamedNode] = field(default_factory=lambda: MappingProxyType({}))  # sentence -> meeting it reports
    main_series: object = None                   # kg.extract.meetings.MainSeries of the main meeting, if any
    legal_actions: Mapping[int, tuple[NamedNode, ...]] = field(default_factory=lambda: MappingProxyType({}))

    def meeting_at(self, sentence: int) -> NamedNode | None:
        """The meeting a sentence speaks of: the one it reports, else one reported in the sentence
        before it ('... first met on November 24, 2020. X headed the Indian side on that
        occasion'), else the article's main meeting."""
        for i in range(sentence, max(-1, sentence - 2), -1):
            if i in self.meetings:
                return self.meetings[i]
        return self.main_meeting

    @property
    def date(self) -> dt.date | None:
        return self.article.published

    def thing_at(self, sentence: int, token) -> Thing | None:
        """The resolved mention covering a token, if any."""
        for thing in self.things[sentence]:
            if thing.start <= token.idx < thing.end:
                return thing
        return None

    def things_in(self, sentence: int, start: int, end: int, cls: NamedNode | None = None) -> list[Thing]:
        """Mentions within characters [start, end) of a sentence, of one class when given."""
        return [t for t in self.things[sentence] if start <= t.start and t.end <= end and (cls is None or t.cls == cls)]

    def of_class(self, sentence: int, cls: NamedNode) -> list[Thing]:
        return [t for t in self.things[sentence] if t.cls == cls]

    def offsets(self, sentence: int, cls: NamedNode) -> list[tuple[int, NamedNode]]:
        """(offset in the sentence, IRI) of the things of `cls` it mentions, in text order."""
        return [(t.start, t.iri) for t in self.of_class(sentence, cls)]

    def label(self, iri: NamedNode) -> str:
        for things in self.things:
            for thing in things:
                if thing.iri == iri:
                    return thing.label
        known = self.index.known.get(iri)
        return known.label if known else iri.value.rsplit("/", 1)[-1]

    def state_of(self, sentence: int, token) -> NamedNode | None:
        """The state a word stands for: a state's name or demonym, or a person acting for one."""
        thing = self.thing_at(sentence, token)
        if thing is None:
            return None
        if thing.cls == ctkg.State:
            return thing.iri
        if thing.cls == ctkg.Person:
            return self.person_states.get(thing.iri)
        if thing.cls == ctkg.Place:
            return self.capitals.get(thing.iri)
        states = self.index.states_of(thing.iri) if thing.cls == ctkg.GovernmentAgency else []
        return states[0] if len(states) == 1 else None
