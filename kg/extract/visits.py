"""Visits of a leader or minister to another state (kg/rules/visits.yaml).

"President X's visit to India in March", 'X visited Canberra last month', 'during X's visit to Japan
last year, he and Y agreed ...': the visitor leads their state's side, the
host state takes part, and a person of the host state named with the visitor ('he and Y') leads
the host's side. A visit is a meeting keyed by the visitor, the host state and the month or day,
named "X's visit to STATE". A sentence that also reports the visitor's talks with someone is left
to the talks family (one meeting, not two). A visit the report does not date is kept only when
it names the host's side, since an undated visit says little else.
"""
from __future__ import annotations


from kg.extract import talks
from kg.extract.grammar import conjuncts
from kg.extract.grammar_talks import (person_at, sentence_span, state_at, surname, when_key, write_dates,
                                      write_side)
from kg.extract.rules import RuleMatch, rule_set
from kg.extract.scene import Found, FoundBuilder, Scene
from kg.terms import NamedNode, ctkg, mint
from kg.vocab import slug

PHASE = 1   # reports meetings, which the later families read


def find(scene: Scene) -> Found:
    out = FoundBuilder()
    for i, doc in enumerate(scene.docs):
        if _reports_talks(scene, i):
            continue
        for match in rule_set("visits").matches(doc):
            _visit(out, scene, i, match)
    return out.done()


def _reports_talks(scene: Scene, i: int) -> bool:
    return any(talks._sides(scene, i, m) is not None for m in rule_set("talks").matches(scene.docs[i]))


def _visit(out: FoundBuilder, scene: Scene, i: int, match: RuleMatch) -> None:
    visitor = person_at(scene, i, match.token("visitor"))
    host = state_at(scene, i, match.token("host"))
    if visitor is None or host is None:
        return
    home = scene.person_states.get(visitor.iri)
    if home is None or home == host:
        return
    host_leader = _host_leader(scene, i, match, host)
    span = sentence_span(scene, i)
    if span is None and host_leader is None:
        return
    rule, confidence = match.rule.id, match.rule.confidence
    meeting = mint("event/meeting", f"visit {slug(visitor.label)} {slug(scene.label(host))} {when_key(span, scene)}")
    out.declare(meeting, ctkg.Meeting, f"{surname(visitor.label)}'s visit to {scene.label(host)}", i, rule, confidence)
    out.reports(i, meeting)
    out.add(meeting, ctkg.eventStatus, ctkg.Held, i, rule, confidence)
    write_dates(out, meeting, span, i, rule, confidence)
    write_side(out, scene, meeting, home, visitor.iri, i, rule, confidence)
    write_side(out, scene, meeting, host, host_leader, i, rule, confidence)


def _host_leader(scene: Scene, i: int, match: RuleMatch, host: NamedNode) -> NamedNode | None:
    """A person of the host state coordinated with the visitor or a pronoun standing for the
    visitor as the subject of the sentence's verb ('he and Y reaffirmed', 'X and Y agreed')."""
    visitor = match.token("visitor")
    for token in scene.docs[i]:
        if token.dep_ not in ("nsubj", "nsubjpass") or not any(c.dep_ == "conj" for c in token.children):
            continue
        group = conjuncts(token)
        if not any(t.pos_ == "PRON" or t.i == visitor.i for t in group):
            continue
        for t in group:
            thing = person_at(scene, i, t)
            if thing is not None and scene.person_states.get(thing.iri) == host:
                return thing.iri
    return None


def rows(extraction, label, rule: str) -> list[dict]:
    """One rule's visits as {visit, leader, state} rows (a row per side that has a leader)."""
    return talks.rows(extraction, label, rule)
