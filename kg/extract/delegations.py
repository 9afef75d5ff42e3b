"""Who led which side at the article's meeting (kg/rules/delegations.yaml).

A rule names the `side` (the noun 'side', 'delegation', 'team' ...) and either the `leader` or the
`verb` whose subject leads. The side's state comes from the construction: a demonym or state
name on the side ('the Indian side', "India's delegation"), a capital ('the team from New Delhi'),
the state the rule's `for` slot names ('co-chaired for Washington'), or else the leader's own
post ('Delegations were led by X and Y respectively').
"""
from __future__ import annotations


from kg.extract.grammar import conjuncts, in_clause, modifiers, named_by, prep_objects, subject_of
from kg.extract.rules import RuleMatch, rule_set
from kg.extract.scene import Found, FoundBuilder, Scene
from kg.terms import NamedNode, ctkg, literal, local_name, rdf, skos
from kg.vocab import slug


def rows(extraction, label, rule: str) -> list[dict]:
    """One rule's delegations as {state, leader} rows."""
    by_delegation: dict[NamedNode, dict] = {}
    for fact in extraction.facts:
        if fact.rule != rule:
            continue
        if fact.predicate == ctkg.delegationOf:
            by_delegation.setdefault(fact.subject, {})["state"] = label(fact.object)
        elif fact.predicate == ctkg.ledBy:
            by_delegation.setdefault(fact.subject, {}).setdefault("leaders", []).append(label(fact.object))
    return [{"state": d.get("state", ""), "leader": who} for d in by_delegation.values() for who in d.get("leaders", [])]


def find(scene: Scene) -> Found:
    out = FoundBuilder()
    if scene.main_meeting is None:
        return out.done()   # a delegation is always a delegation to some meeting
    rules = rule_set("delegations")
    for i, doc in enumerate(scene.docs):
        for match in rules.matches(doc):
            for person, state in _leaders(scene, i, match):
                _delegation(out, scene, i, state, person, match.rule.id, match.rule.confidence)
    return out.done()


def _leaders(scene: Scene, i: int, match: RuleMatch) -> list[tuple[NamedNode, NamedNode]]:
    leader = match.token("leader")
    if leader is None and match.token("verb") is not None:
        leader = subject_of(match.token("verb"))
    if leader is None:
        return []
    side_state = _side_state(scene, i, match)
    found = []
    for token in conjuncts(leader) + _names_on_the_verb(match, leader):
        thing = next((t for t in map(lambda w: scene.thing_at(i, w), named_by(token))
                      if t is not None and t.cls == ctkg.Person), None)
        if thing is None:
            continue
        own = scene.person_states.get(thing.iri)
        state = side_state or own
        if state is None or (own is not None and own != state and side_state is None):
            continue
        found.append((thing.iri, state))
    return found


CLAUSES = {"relcl", "acl", "ccomp", "advcl", "xcomp"}


def _names_on_the_verb(match: RuleMatch, leader) -> list:
    """The other names coordinated with the leader where the parser hangs them: on the verb
    ('led by X, ..., and Y, ..., respectively'), under X's apposition ('led by X, then an
    assistant director, Deputy Secretary Y, and Z'), or as a modifier of the last name that keeps
    its 'and' ('headed by Minister A. X and Minister Y', parsed as one long name); never inside a
    clause of their own."""
    verb = match.token("verb")
    if match.token("leader") is None:
        return []
    found = [c for c in verb.children if c.dep_ == "conj" and c.pos_ == "PROPN" and c.i > leader.i] if verb else []
    for token in leader.subtree:
        if token.i == leader.i or token.pos_ != "PROPN" or _in_clause(token, leader):
            continue
        if token.dep_ == "conj" or (token.dep_ in ("nmod", "compound") and token.i < leader.i
                                    and any(c.dep_ == "cc" and c.i > token.i for c in token.children)):
            found.append(token)
    return found


def _in_clause(token, top) -> bool:
    return in_clause(token, top, CLAUSES)


def _side_state(scene: Scene, i: int, match: RuleMatch) -> NamedNode | None:
    """The state a side stands for, read from the words that qualify it."""
    verb = match.token("verb")
    speaking_for = prep_objects(verb, ("for",)) if verb is not None else []
    for token in speaking_for + [match.token("side")]:
        if token is None:
            continue
        for word in [token] + modifiers(token):
            state = scene.state_of(i, word)
            if state is not None:
                return state
    return None


def _delegation(out: FoundBuilder, scene: Scene, i: int, state: NamedNode, person: NamedNode, rule: str,
                confidence: float) -> None:
    meeting = scene.meeting_at(i)
    own = scene.person_states.get(person)
    if own is not None and own != state:
        return  # the leader's own post names another state: one of the two readings is wrong
    write_side(out, scene, meeting, state, person, i, rule, confidence)


def write_side(out: FoundBuilder, scene: Scene, meeting: NamedNode, state: NamedNode, person: NamedNode | None, i: int,
               rule: str, confidence: float) -> None:
    """A state's side at a meeting, led by `person` when known: the delegation and its links. A
    leader whose post names no state is said to act for the side's."""
    delegation = NamedNode(f"{meeting.value}/delegation/{slug(local_name(state))}")
    out.add(meeting, ctkg.participant, state, i, rule, confidence)
    if person is None:
        return
    out.add(delegation, rdf.type, ctkg.Delegation, i, rule, confidence)
    out.add(delegation, skos.prefLabel, literal(f"{scene.label(state)} delegation", lang="en"), i, rule, confidence)
    out.add(delegation, ctkg.delegationOf, state, i, rule, confidence)
    out.add(delegation, ctkg.ledBy, person, i, rule, confidence)
    out.add(delegation, ctkg.atEvent, meeting, i, rule, confidence)
    out.add(meeting, ctkg.hasDelegation, delegation, i, rule, confidence)
    out.add(meeting, ctkg.participant, person, i, rule, confidence)
    if person not in scene.person_states:
        out.add(person, ctkg.actsFor, state, i, rule, confidence)
