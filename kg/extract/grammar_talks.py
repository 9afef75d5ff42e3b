"""What the meeting families (talks, visits, summits) share: the person a word names, the date a
sentence gives an event, and how a one-off meeting with its sides is written down.

A one-off meeting is keyed by what it is (two people, a visitor and a host state, a summit's
name) and its date or month, never by the article, so that two reports of it meet.
"""
from __future__ import annotations

import datetime as dt
import re


from kg.dates import DateSpan, find_date
from kg.extract.delegations import write_side  # noqa: F401  (the families of talks write sides as delegations do)
from kg.extract.grammar import named_by
from kg.extract.scene import FoundBuilder, Scene, Thing
from kg.terms import NamedNode, ctkg, literal, xsd

SAME_DAY = re.compile(r"\b(?:the same day|that (?:same )?day|on the same day)\b", re.I)
UNDATED = re.compile(r"\b(?:recent|recently|earlier|previous|last)\b", re.I)


def person_at(scene: Scene, i: int, token) -> Thing | None:
    """The person a word names: itself, or a name in apposition to it ('India's Foreign
    Minister, Jaswant Singh'), or the title noun it is a compound of."""
    if token is None:
        return None
    for word in named_by(token):
        thing = scene.thing_at(i, word)
        if thing is not None and thing.cls == ctkg.Person:
            return thing
    return _by_surname(scene, token) if scene.thing_at(i, token) is None else None


def _by_surname(scene: Scene, token) -> Thing | None:
    """A lone surname the mention step left unresolved ('after Modi held talks'): the one person
    of the article whose name ends in it."""
    if token.pos_ != "PROPN" or any(c.dep_ == "compound" for c in token.children) or token.dep_ == "compound":
        return None   # a name of several words, or a word inside one, is the mention step's to read
    found = {t.iri: t for things in scene.things for t in things
             if t.cls == ctkg.Person and t.label.split() and t.label.split()[-1] == token.text}
    return next(iter(found.values())) if len(found) == 1 else None


def state_at(scene: Scene, i: int, token) -> NamedNode | None:
    """The state a place word stands for: a state's name, or a capital ('a visit to Washington')."""
    thing = scene.thing_at(i, token) if token is not None else None
    if thing is None or thing.cls not in (ctkg.State, ctkg.Place):
        return None   # a person or an agency is not where a visit goes
    return scene.state_of(i, token)


def sentence_span(scene: Scene, i: int) -> DateSpan | None:
    """The date sentence i gives (a bare month, 'in March', counts); 'the same day' is the date of
    the sentence before."""
    text = scene.article.sentences[i].text
    span = find_date(text, scene.date, bare_months=True)
    if span is None and SAME_DAY.search(text):
        span = _earlier_day(scene, i)
    if span is not None and not (span.start or span.month_year):
        return None
    return span


def _earlier_day(scene: Scene, i: int) -> DateSpan | None:
    """The day 'the same day' points back to: the nearest sentence before that gives a day, passing
    over a sentence in the past perfect ('X had first blocked it on May 2'), which tells of an
    earlier time than the story's."""
    for j in range(i - 1, max(-1, i - 4), -1):
        if _past_perfect(scene.docs[j]):
            continue
        span = find_date(scene.article.sentences[j].text, scene.date)
        if span is not None and span.start:
            return span
    return None


def _past_perfect(doc) -> bool:
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    return root is not None and root.tag_ == "VBN" and any(c.lower_ == "had" and c.dep_ == "aux" for c in root.children)


def when_key(span: DateSpan | None, scene: Scene) -> str:
    """The date part of a one-off meeting's key: its day, else its month, else the article's month."""
    if span and span.start:
        return span.start.isoformat()
    if span and span.month_year:
        return f"{span.month_year[1]}-{span.month_year[0]:02d}"
    return scene.date.strftime("%Y-%m") if scene.date else scene.article.id


def surname(label: str) -> str:
    return label.split()[-1] if label.split() else label


def write_dates(out: FoundBuilder, meeting: NamedNode, span: DateSpan | None, i: int, rule: str,
                confidence: float, start: dt.date | None = None) -> None:
    start = start or (span.start if span else None)
    if start:
        out.add(meeting, ctkg.startDate, literal(start, datatype=xsd.date), i, rule, confidence)
        if span and span.end and span.start and span.end > span.start:
            out.add(meeting, ctkg.endDate, literal(span.end, datatype=xsd.date), i, rule, confidence)
    elif span and span.month_year:
        month, year = span.month_year
        out.add(meeting, ctkg.startMonth, literal(f"{year}-{month:02d}", datatype=xsd.gYearMonth), i, rule,
                confidence)
    else:
        out.add(meeting, ctkg.dateUnknown, literal(True), i, rule, confidence)


