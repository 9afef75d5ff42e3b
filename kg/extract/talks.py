"""Meetings of two people acting for different states (kg/rules/talks.yaml).

'X met Y on Thursday', 'X held talks with Y', 'X and Y met': a meeting keyed by the two people
and its date, so that two reports of one meeting meet; each person leads their state's side.
The date is the sentence's own, resolved against the article's; without one, the meeting is
dated unknown rather than guessed.
"""
from __future__ import annotations

from rdflib import Literal, URIRef
from rdflib.namespace import RDF, SKOS, XSD

from kg.dates import find_date
from kg.extract.rules import rule_set
from kg.extract.scene import Found, FoundBuilder, Scene
from kg.vocab import CTKG, mint, slug


PHASE = 1   # reports meetings, which the later families read


def find(scene: Scene) -> Found:
    out = FoundBuilder()
    rules = rule_set("talks")
    for i, doc in enumerate(scene.docs):
        for match in rules.matches(doc):
            sides = _sides(scene, i, match)
            if sides is None:
                continue
            _talks(out, scene, i, sides, match.rule.id, match.rule.confidence)
    return out.done()


def _sides(scene: Scene, i: int, match) -> list[tuple[URIRef, URIRef]] | None:
    """(person, state) of both sides. A side whose post names no state takes the other party of
    an article about two states ('When Modi met Vice President X' in a report of an India-US
    statement); two people of one state are no bilateral meeting."""
    people = []
    for slot in ("host", "guest"):
        thing = scene.thing_at(i, match.token(slot)) if match.token(slot) is not None else None
        if thing is None or thing.cls != CTKG.Person:
            return None
        people.append(thing.iri)
    if people[0] == people[1]:
        return None
    states = [scene.person_states.get(p) for p in people]
    parties = list(dict.fromkeys(scene.meeting_states or scene.statement_states))
    if states.count(None) == 1 and len(parties) == 2 and (states[0] or states[1]) in parties:
        known = states[0] or states[1]
        states = [s or next(p for p in parties if p != known) for s in states]
    if None in states or states[0] == states[1]:
        return None
    return list(zip(people, states))


def _talks(out: FoundBuilder, scene: Scene, i: int, sides, rule: str, confidence: float) -> None:
    span = find_date(scene.article.sentences[i].text, scene.date)
    start = span.start if span else None
    month = span.month_year if span and not start else None
    people = sorted(sides, key=lambda side: scene.label(side[0]))
    names = [scene.label(person) for person, _ in people]
    when = (start.isoformat() if start else f"{month[1]}-{month[0]:02d}" if month
            else scene.date.strftime("%Y-%m") if scene.date else scene.article.id)
    meeting = mint("event/meeting", f"talks {' '.join(slug(n) for n in names)} {when}")
    out.declare(meeting, CTKG.Meeting, f"Meeting between {names[0]} and {names[1]}", i, rule, confidence)
    out.reports(i, meeting)
    out.add(meeting, CTKG.eventStatus, CTKG.Held, i, rule, confidence)
    if start:
        out.add(meeting, CTKG.startDate, Literal(start, datatype=XSD.date), i, rule, confidence)
    elif month:
        out.add(meeting, CTKG.startMonth, Literal(f"{month[1]}-{month[0]:02d}", datatype=XSD.gYearMonth), i, rule,
                confidence)
    else:
        out.add(meeting, CTKG.dateUnknown, Literal(True), i, rule, confidence)
    for person, state in people:
        delegation = URIRef(f"{meeting}/delegation/{slug(str(state).rsplit('/', 1)[-1])}")
        out.add(delegation, RDF.type, CTKG.Delegation, i, rule, confidence)
        out.add(delegation, SKOS.prefLabel, Literal(f"{scene.label(state)} delegation", lang="en"), i, rule, confidence)
        out.add(delegation, CTKG.delegationOf, state, i, rule, confidence)
        out.add(delegation, CTKG.ledBy, person, i, rule, confidence)
        out.add(delegation, CTKG.atEvent, meeting, i, rule, confidence)
        out.add(meeting, CTKG.hasDelegation, delegation, i, rule, confidence)
        out.add(meeting, CTKG.participant, state, i, rule, confidence)
        out.add(meeting, CTKG.participant, person, i, rule, confidence)


def rows(extraction, label, rule: str) -> list[dict]:
    """One rule's meetings as {meeting, leader, state} rows."""
    meetings = {f.object: label(f.subject) for f in extraction.facts
                if f.rule == rule and f.predicate == CTKG.hasDelegation}
    names = {f.subject: str(f.object) for f in extraction.facts if f.rule == rule and f.predicate == SKOS.prefLabel}
    states = {f.subject: label(f.object) for f in extraction.facts if f.rule == rule and f.predicate == CTKG.delegationOf}
    return [{"meeting": names.get(next((m for m, d in _pairs(extraction, rule) if d == f.subject), None), ""),
             "leader": label(f.object), "state": states.get(f.subject, "")}
            for f in extraction.facts if f.rule == rule and f.predicate == CTKG.ledBy and f.subject in meetings]


def _pairs(extraction, rule: str):
    return [(f.subject, f.object) for f in extraction.facts if f.rule == rule and f.predicate == CTKG.hasDelegation]
