"""Meetings of two people acting for different states (kg/rules/talks.yaml).

'X met Y on Thursday', 'X held talks with Y', 'X and Y met', and the noun forms 'talks between
X and Y', "X's meeting with Y": a meeting keyed by the two people and its date, so that two
reports of one meeting meet; each person leads their state's side. The date is the sentence's
own ('last November', 'in March' at month precision), resolved against the article's; without
one, the meeting is dated unknown rather than guessed.
"""
from __future__ import annotations


from kg.extract.grammar import conjuncts
from kg.extract.grammar_talks import person_at, sentence_span, surname, when_key, write_dates, write_side
from kg.extract.rules import rule_set
from kg.extract.scene import Found, FoundBuilder, Scene
from kg.terms import NamedNode, ctkg, mint, skos
from kg.vocab import slug


PHASE = 1   # reports meetings, which the later families read


def find(scene: Scene) -> Found:
    out = FoundBuilder()
    rules = rule_set("talks")
    for i, doc in enumerate(scene.docs):
        if i in scene.meetings and scene.main_series is None:
            continue   # the sentence names the article's own meeting of two leaders
        for match in rules.matches(doc):
            if len(conjuncts(match.token("host"))) > 2:
                continue   # three or more people: a multilateral meeting, not talks of two
            if match.rule.id == "talks-between" and scene.main_meeting is not None and scene.main_series is None:
                continue   # the article's own meeting is one 'between X and Y', which the events stage read
            sides = _sides(scene, i, match)
            if sides is None:
                continue
            _talks(out, scene, i, sides, match)
    return out.done()


def _sides(scene: Scene, i: int, match) -> list[tuple[NamedNode, NamedNode]] | None:
    """(person, state) of both sides. A side whose post names no state takes the other party of
    an article about two states ('When Modi met Vice President X' in a report of an India-US
    statement); two people of one state are no bilateral meeting."""
    people = []
    for slot in ("host", "guest"):
        thing = person_at(scene, i, match.token(slot))
        if thing is None:
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


def _talks(out: FoundBuilder, scene: Scene, i: int, sides, match) -> None:
    """The meeting, keyed by both people (in name order) and the date; named 'X-Y talks' or
    'X-Y meeting' after the word the report uses, host first."""
    rule, confidence = match.rule.id, match.rule.confidence
    span = sentence_span(scene, i)
    names = sorted(scene.label(person) for person, _ in sides)
    meeting = mint("event/meeting", f"talks {' '.join(slug(n) for n in names)} {when_key(span, scene)}")
    word = match.token("talks") if match.token("talks") is not None else match.token("verb")
    noun = "talks" if word is not None and word.lemma_ in ("talk", "hold", "conduct", "have") else "meeting"
    label = f"{surname(scene.label(sides[0][0]))}-{surname(scene.label(sides[1][0]))} {noun}"
    out.declare(meeting, ctkg.Meeting, label, i, rule, confidence)
    out.reports(i, meeting)
    out.add(meeting, ctkg.eventStatus, ctkg.Held, i, rule, confidence)
    write_dates(out, meeting, span, i, rule, confidence)
    for person, state in sides:
        write_side(out, scene, meeting, state, person, i, rule, confidence)


def rows(extraction, label, rule: str) -> list[dict]:
    """One rule's meetings as {meeting, start, leader, state} rows (start: the day, the month, or
    'unknown')."""
    names = {f.subject: f.object.value for f in extraction.facts if f.rule == rule and f.predicate == skos.prefLabel}
    starts = {f.subject: f.object.value for f in extraction.facts
              if f.rule == rule and f.predicate in (ctkg.startDate, ctkg.startMonth)}
    at = {f.object: f.subject for f in extraction.facts if f.rule == rule and f.predicate == ctkg.hasDelegation}
    states = {f.subject: label(f.object) for f in extraction.facts if f.rule == rule and f.predicate == ctkg.delegationOf}
    return [{"meeting": names.get(at[f.subject], ""), "start": starts.get(at[f.subject], "unknown"),
             "leader": label(f.object), "state": states.get(f.subject, "")}
            for f in extraction.facts if f.rule == rule and f.predicate == ctkg.ledBy and f.subject in at]
