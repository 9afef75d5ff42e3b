"""The template sentences of a brief: each fills in labels, dates and values that facts state,
and cites the facts it used (kg/brief_facts.py numbers them as footnotes).

  actor_line    an actor's part in one event ("India and United States called on Pakistan to
                act over the 2008 Mumbai attacks (2025-02-15).")
  event_line    what an event was ("2016 Pathankot attack took place on 2016-01-02 in
                Pathankot; carried out by Jaish-e-Mohammed; 7 killed.")
  related_line  how another event bears on it ("India and United States called on Pakistan to
                act over 2016 Pathankot attack (2020-09-12).")
"""
from __future__ import annotations

import re

from kg.brief_facts import RDF_TYPE, Evidence, Facts


def words(camel: str) -> str:
    """'WorkingGroupMeeting' -> 'working group meeting'."""
    return re.sub(r"(?<!^)(?=[A-Z])", " ", camel).lower()


def a_or_an(noun: str) -> str:
    return ("an " if noun[:1].lower() in "aeiou" else "a ") + noun


def listed(names: list[str]) -> str:
    if not names:
        return ""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def when(facts: Facts, iri: str) -> str:
    date = facts.dated(iri)
    return f" ({date})" if date else ""


def _labels(facts: Facts, iri: str, *predicates: str) -> list[str]:
    return [facts.label(x) if "://" in x else x for p in predicates for x in facts.objects(iri, p)]


def _own(facts: Facts, iri: str, predicates) -> list[Evidence]:
    return [f for p in predicates for f in facts.find(iri, p, subject=iri)]


DATES = ("startDate", "startMonth", "published")
PERPETRATORS = ("perpetrator", "attributedTo", "claimedBy", "suspectedPerpetrator")


# -- an actor's part in an event -------------------------------------------------------------

ROLE_PHRASES = {"participant": "took part in", "coChair": "co-chaired", "issuedBy": "issued",
                "namesGroup": "was named in", "perpetrator": "carried out", "attributedTo": "is held responsible for",
                "ledDelegationOf": "led a delegation to", "delegationOf": "sent a delegation to",
                "spokesperson": "spoke for its state in", "party": "is a party to", "signatory": "signed"}


def actor_line(facts: Facts, iri: str, label: str, event: str, role: str, kind: str) -> tuple[str, list[Evidence]]:
    """One sentence for the actor's part in one event, and the facts it uses."""
    name, date = facts.label(event), when(facts, event)
    used = list(DATES)
    link = facts.find(iri, role, subject=event, object=iri) or facts.find(event, role)
    if role == "calledOn":
        issuers, attacks = _labels(facts, event, "issuedBy"), _labels(facts, event, "refersToAttack")
        text = (f"{listed(issuers) or 'A statement'} called on {label} to act"
                + (f" over the {listed(attacks)}" if attacks else "") + f"{date}.")
        used += ["issuedBy", "refersToAttack", "calledOn"]
    elif role == "issuedBy" and kind == "Reaction":
        answered, voices = _labels(facts, event, "respondsTo"), _labels(facts, event, "spokesperson")
        stance = facts.objects(event, "stance")
        text = (f"{label} reacted to {listed(answered) or 'a statement'}" + (f" through {listed(voices)}" if voices else "")
                + (f", calling it “{stance[0]}”" if stance else "") + f"{date}.")
        used += ["respondsTo", "spokesperson", "stance", "issuedBy"]
    elif role in ("actingState", "requestingState"):
        targets, over = _labels(facts, event, "targetPerson", "targetGroup"), _labels(facts, event, "concernsAttack")
        verb = "carried out" if role == "actingState" else "requested"
        text = (f"{label} {verb} the {words(kind) or 'legal action'}" + (f" of {listed(targets)}" if targets else "")
                + (f" over the {listed(over)}" if over else "") + f"{date}.")
        used += ["targetPerson", "targetGroup", "concernsAttack", role]
    elif role in ("targetPerson", "targetGroup"):
        states = _labels(facts, event, "actingState")
        text = (f"{label} was the target of the {words(kind) or 'legal action'} {name}"
                + (f" by {listed(states)}" if states else "") + f"{date}.")
        used += ["actingState", role]
    else:
        text = f"{label} {ROLE_PHRASES.get(role, f'is the {words(role)} of')} {name}{date}."
        used += [role]
        if role in ("ledDelegationOf", "delegationOf"):
            side = "ledBy" if role == "ledDelegationOf" else "delegationOf"
            link = [f for d in facts.subjects(iri, side) for f in facts.find(d, "atEvent", subject=d, object=event)]
            link += facts.find(iri, side, object=iri)
    return text, link + _own(facts, event, used)


# -- an event, and the events that bear on it ------------------------------------------------


def event_line(facts: Facts, iri: str, label: str, kind: str) -> tuple[str, list[Evidence]]:
    """What the event was, as the facts about it say."""
    date = facts.dated(iri)
    places = _labels(facts, iri, "place")
    if kind == "Attack":
        by, killed = _labels(facts, iri, *PERPETRATORS), facts.objects(iri, "killed")
        text = (f"{label} took place" + (f" on {date}" if date else "") + (f" in {listed(places)}" if places else "")
                + (f"; carried out by {listed(by)}" if by else "") + (f"; {killed[0]} killed" if killed else "") + ".")
        used = DATES + ("place", "killed") + PERPETRATORS
    elif facts.objects(iri, "participant") or kind in ("Meeting", "Dialogue", "Summit", "WorkingGroupMeeting"):
        chairs, present = _labels(facts, iri, "coChair"), _labels(facts, iri, "participant")
        text = (f"{label} was held" + (f" on {date}" if date else "") + (f" in {listed(places)}" if places else "")
                + (f", co-chaired by {listed(chairs)}" if chairs else "")
                + (f"; taking part: {listed(present)}" if present else "") + ".")
        used = DATES + ("place", "coChair", "participant", "isVirtual")
    elif facts.objects(iri, "issuedBy"):
        at = _labels(facts, iri, "issuedAt")
        text = (f"{label} was issued by {listed(_labels(facts, iri, 'issuedBy'))}" + (f" at {listed(at)}" if at else "")
                + (f" on {date}" if date else "") + ".")
        used = DATES + ("issuedBy", "issuedAt")
    else:
        states, targets = _labels(facts, iri, "actingState"), _labels(facts, iri, "targetPerson", "targetGroup")
        over = _labels(facts, iri, "concernsAttack")
        text = (f"{label} is {a_or_an(words(kind) or 'event')}" + (f" by {listed(states)}" if states else "")
                + (f" concerning {listed(targets)}" if targets else "") + (f" over the {listed(over)}" if over else "")
                + (f" ({date})" if date else "") + ".")
        used = DATES + ("actingState", "targetPerson", "targetGroup", "concernsAttack")
    return text, _own(facts, iri, used) or facts.find(iri, RDF_TYPE, subject=iri)[:1]


RELATED = ("refersToAttack", "concernsAttack", "issuedAt", "respondsTo", "partOf")


def related_events(facts: Facts, iri: str) -> list[tuple[str, str]]:
    """(event, property) for each event that refers to, concerns, answers, was issued at or is
    part of `iri`."""
    found = [(s, p) for p in RELATED for s in facts.subjects(iri, p) if s != iri]
    return sorted(dict.fromkeys(found), key=lambda e: (facts.dated(e[0]) is None, facts.dated(e[0]) or "",
                                                       facts.label(e[0])))


def related_line(facts: Facts, iri: str, label: str, other: str, relation: str) -> tuple[str, list[Evidence]]:
    """How `other` bears on the event `iri`."""
    date, name = when(facts, other), facts.label(other)
    issuers = _labels(facts, other, "issuedBy")
    if relation == "refersToAttack" and facts.objects(other, "calledOn"):
        text = f"{listed(issuers) or 'A statement'} called on {listed(_labels(facts, other, 'calledOn'))} to act over {label}{date}."
        used = ("issuedBy", "calledOn")
    elif relation == "concernsAttack":
        targets, states = _labels(facts, other, "targetPerson", "targetGroup"), _labels(facts, other, "actingState")
        kinds = [words(f.object.rsplit("#", 1)[-1]) for f in facts.find(other, RDF_TYPE, subject=other)]
        text = (f"The {kinds[-1] if kinds else 'legal action'}" + (f" of {listed(targets)}" if targets else "")
                + (f" by {listed(states)}" if states else "") + f" concerns {label}{date}.")
        used = ("targetPerson", "targetGroup", "actingState")
    elif relation == "issuedAt":
        text = f"{listed(issuers) or 'Its participants'} issued {name} at {label}{date}."
        used = ("issuedBy",)
    elif relation == "respondsTo":
        stance = facts.objects(other, "stance")
        text = (f"{listed(issuers) or 'A state'} reacted to {label}" + (f", calling it “{stance[0]}”" if stance else "")
                + f"{date}.")
        used = ("issuedBy", "stance")
    else:
        text = f"{name} {'refers to' if relation == 'refersToAttack' else 'is part of'} {label}{date}."
        used = ()
    return text, facts.find(other, relation, subject=other, object=iri) + _own(facts, other, DATES + used)
