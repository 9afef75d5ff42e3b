"""Attacks a report names, their toll and target, and who is held to have done them (kg/rules/attacks.yaml).

A stage, not a family: the reactions, legal and calls-to-act steps read which attacks each sentence
names (`Scene.attacks`), so kg.events runs `find_attacks` on the scene before the families run, and
this module's `find` returns nothing (the stage already ran).

Which attack an attack noun names comes from the words on it: a known name (the mentions stage has
already found '26/11' and 'the Pulwama attack' as ctkg:Attack), else its place and year or day,
looked up among the well-known attacks of ontology/reference/attacks.ttl, else an attack minted
from place and year ('2014 Srinagar attack'), so that two reports of one attack meet. 'The attack'
and 'the killings' name the attack named in that or the sentence before, else the one the
report named first.

How a report holds the perpetrator is kept apart: ctkg:perpetrator (stated as fact: 'carried out
by G', 'a G ambush'), ctkg:claimedBy (the group's own claim), ctkg:attributedTo with ctkg:blamedBy
(a state blames G), ctkg:suspectedPerpetrator ('findings pointed to G') and ctkg:disownedBy (a
denial or a withdrawn claim).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Mapping


from kg.extract.grammar import conjuncts, subject_of
from kg.extract.grammar_attacks import (attack_of_verb, clause_dates, count_of, groups_of_subject, groups_on,
                                        groups_under, is_definite, phrase_of, places_named, states_of_subject,
                                        things_among, well_known_attack, when_said, words_on_noun)
from kg.extract.rules import RuleMatch, rule_set
from kg.extract.scene import Found, FoundBuilder, Scene
from kg.terms import NamedNode, ctkg, literal, mint, rdf, skos, xsd

HOW = {"perpetrator": ctkg.perpetrator, "claimed": ctkg.claimedBy, "attributed": ctkg.attributedTo,
       "suspected": ctkg.suspectedPerpetrator, "disowned": ctkg.disownedBy}
KILLED = {"kill", "die", "dead", "death", "perish", "claim"}
INJURED = {"injure", "wound", "injured", "wounded", "injury"}
TIME_WORDS = {"morning", "afternoon", "evening", "night", "day", "eve", "anniversary", "weekend"}


@dataclass(frozen=True)
class AttacksFound:
    """What the stage found: facts and minted attacks, and the attacks each sentence names, with the
    character offset (in the sentence) of each naming."""

    found: Found
    by_sentence: Mapping[int, tuple[NamedNode, ...]]
    offsets: Mapping[tuple[int, NamedNode], int]


@dataclass
class _Work:
    scene: Scene
    out: FoundBuilder = field(default_factory=FoundBuilder)
    named: dict = field(default_factory=dict)       # sentence -> {token index: [attack IRIs]}
    offsets: dict = field(default_factory=dict)
    first: NamedNode | None = None                     # the attack the report named first: its topic
    latest: tuple[int, NamedNode] | None = None        # (sentence, attack) named most recently

    def salient(self, i: int) -> NamedNode | None:
        """What 'the attack' in sentence i means: one named in this or the sentence before, else
        the attack the report is about (the one it named first)."""
        if self.latest is not None and self.latest[0] >= i - 1:
            return self.latest[1]
        return self.first
    killed: set = field(default_factory=set)


def find(scene: Scene) -> Found:
    """Nothing: attacks are a stage that kg.events runs before the families (see find_attacks)."""
    return Found()


def find_attacks(scene: Scene) -> AttacksFound:
    """The attacks of an article, sentence by sentence, with their details and perpetrators."""
    work = _Work(scene)
    rules = rule_set("attacks")
    for i, doc in enumerate(scene.docs):
        matches = rules.matches(doc)
        work.named[i] = {}
        _known_names(work, i, doc)
        for match in matches:
            if match.constant("kind") in ("mention", "vehicle"):
                _mention(work, i, match)
            elif match.constant("kind") == "listed":
                _listed(work, i, match)
        for match in matches:
            if match.constant("kind") == "anaphor":
                _anaphor(work, i, match)
        for match in matches:
            kind = match.constant("kind")
            if kind == "toll":
                _toll(work, i, match)
            elif kind == "target":
                _targeted(work, i, match)
            elif kind in HOW:
                _perpetrator(work, i, match, kind)
    by_sentence = {i: tuple(dict.fromkeys(a for iris in named.values() for a in iris))
                   for i, named in work.named.items()}
    return AttacksFound(work.out.done(), MappingProxyType(by_sentence), MappingProxyType(dict(work.offsets)))


def rows(extraction, label, rule: str) -> list[dict]:
    """One rule's facts as rows: {attack, place, killed, injured, target} per attack, and one row
    more per group (with `how`, and `by` for a state that blamed it)."""
    names = {f.subject: f.object.value for f in extraction.facts if f.predicate == skos.prefLabel}
    blamers: dict = {}
    for f in extraction.facts:
        if f.predicate == ctkg.blamedBy:
            blamers.setdefault(f.subject, []).append(label(f.object))
    base: dict = {}
    groups: list = []
    details = {ctkg.place: "place", ctkg.killed: "killed", ctkg.injured: "injured", ctkg.target: "target"}
    how = {p: k for k, p in HOW.items()}
    for f in extraction.facts:
        if f.rule != rule:
            continue
        row = base.setdefault(f.subject, {"attack": names.get(f.subject) or label(f.subject)})
        if f.predicate in details:
            row[details[f.predicate]] = label(f.object) if isinstance(f.object, NamedNode) else f.object.value
        elif f.predicate in how:
            groups.append((f.subject, label(f.object), how[f.predicate]))
    found = list(base.values())
    for attack, group, kind in groups:
        for by in blamers.get(attack, [None]) if kind == "attributed" else [None]:
            found.append(dict(base[attack], group=group, how=kind, **({"by": by} if by else {})))
    return found


# -- which attack -------------------------------------------------------------------------------

def _known_names(work: _Work, i: int, doc) -> None:
    """Attacks the mentions stage found by name ('26/11', 'the 2008 Mumbai attacks')."""
    for thing in work.scene.of_class(i, ctkg.Attack):
        token = next((t for t in doc if thing.start <= t.idx < thing.end and t.lemma_ in _nouns()), None)
        token = token or next((t for t in doc if thing.start <= t.idx < thing.end), None)
        if token is not None:
            _name(work, i, token, thing.iri, "attack-known-name", 0.85)


def _nouns() -> frozenset:
    nouns = set()
    for rule in rule_set("attacks").rules:
        if rule.id in ("attack-named-by-modifier", "raid-on-known-place"):
            nouns.update(rule.pattern[0]["RIGHT_ATTRS"]["LEMMA"]["IN"])
    return frozenset(nouns)


def _name(work: _Work, i: int, token, iri: NamedNode, rule: str, confidence: float) -> None:
    named = work.named[i].setdefault(token.i, [])
    if iri in named:
        return
    named.append(iri)
    work.offsets.setdefault((i, iri), token.idx)
    work.first = work.first or iri
    work.latest = (i, iri)
    work.out.add(iri, rdf.type, ctkg.Attack, i, rule, confidence)


def _mention(work: _Work, i: int, match: RuleMatch) -> None:
    noun = match.token("attack")
    if noun.i in work.named[i] or _inside_known(work, i, noun):
        return
    if match.constant("kind") == "vehicle":
        _vehicle(work, i, noun, match)
        return
    if any(c.tag_ in ("JJS", "RBS") for c in noun.children):
        return   # 'the deadliest attack in X' speaks of no one attack
    words = words_on_noun(noun)
    known = things_among(work.scene, i, words, ctkg.Attack)
    for iri in known:   # 'the 26/11 assault on Mumbai'
        _name(work, i, noun, iri, match.rule.id, match.rule.confidence)
    year, month_day, date = when_said(work.scene, words, noun)
    if year is None and date is None:
        year, month_day, date = when_said(work.scene, clause_dates(noun), noun)
    places = [p for p in places_named(work.scene, i, noun, words)
              if not any(a in known for a, _ in work.scene.index.attacks_at.get(p, []))]
    if known and not places:
        return
    for place in places or [None]:
        iri = _named_before(work, place) if year is None and month_day is None else None
        iri = iri or well_known_attack(work.scene, place, year, month_day, date, is_definite(noun))
        if iri is None and place is not None and match.constant("mint") == "yes":
            iri = _mint(work, i, noun, place, year, date, match)
        if iri is not None:
            _name(work, i, noun, iri, match.rule.id, match.rule.confidence)
            _target(work, i, noun, iri, match)


def _listed(work: _Work, i: int, match: RuleMatch) -> None:
    """'such attacks, including 26/11 Mumbai and Pathankot': each item names a well-known attack."""
    noun = match.token("attack")
    for item in conjuncts(match.token("item")):
        others = {t.i for c in item.children if c.dep_ in ("conj", "cc") for t in c.subtree}
        words = [t for t in item.subtree if t.i not in others]
        known = things_among(work.scene, i, words, ctkg.Attack)
        if not known:
            year, month_day, date = when_said(work.scene, words, noun)
            for place in things_among(work.scene, i, words, ctkg.Place)[:1]:
                iri = well_known_attack(work.scene, place, year, month_day, date, True)
                known += [iri] if iri is not None else []
        for iri in known:
            _name(work, i, noun, iri, match.rule.id, match.rule.confidence)


def _inside_known(work: _Work, i: int, noun) -> bool:
    """A noun inside a known name ('the Pathankot air base attack') already names its attack."""
    for thing in work.scene.of_class(i, ctkg.Attack):
        if thing.start <= noun.idx < thing.end:
            return True
    return False


def _named_before(work: _Work, place) -> NamedNode | None:
    """'the Mumbai attack' after 'the November 2008 Mumbai terror attacks': the attack at that place
    the report has already named."""
    if place is None:
        return None
    at_place = {a for a, _ in work.scene.index.attacks_at.get(place, [])}
    for named in work.named.values():
        for iris in named.values():
            for iri in iris:
                if iri in at_place:
                    return iri
    return None


def _mint(work: _Work, i: int, noun, place: NamedNode, year, date, match: RuleMatch) -> NamedNode:
    """A new attack, keyed by year and place so that two reports of it meet."""
    name = work.scene.label(place)
    iri = mint("event/attack", f"{year or 'undated'} {name}")
    label = f"{year} {name} attack" if year else f"{name} attack"
    rule, confidence = match.rule.id, match.rule.confidence
    work.out.declare(iri, ctkg.Attack, label, i, rule, confidence)
    work.out.add(iri, ctkg.place, place, i, rule, confidence)
    if date is not None:
        work.out.add(iri, ctkg.startDate, literal(date, datatype=xsd.date), i, rule, confidence)
    else:
        work.out.add(iri, ctkg.dateUnknown, literal(True), i, rule, 0.6)
    return iri


def _vehicle(work: _Work, i: int, noun, match: RuleMatch) -> None:
    """'the hijacking of Gulf Air Flight 72' -> 'Gulf Air Flight 72 hijacking'."""
    name_token = match.token("name")
    name = " ".join(t.text for t in name_token.subtree if t.dep_ not in ("det", "punct") and t.i >= name_token.left_edge.i
                    and not (t.dep_ == "appos" or any(a.dep_ == "appos" for a in t.ancestors if a.i > name_token.i)))
    name = re.sub(r"\s*\(.*$", "", name).strip()
    if not name:
        return
    year, _, date = when_said(work.scene, words_on_noun(noun), noun)
    label = f"{year} {name} {noun.lemma_}" if year else f"{name} {noun.lemma_}"
    iri = mint("event/attack", f"{year or 'undated'} {name} {noun.lemma_}")
    rule, confidence = match.rule.id, match.rule.confidence
    work.out.declare(iri, ctkg.Attack, label, i, rule, confidence)
    if date is not None:
        work.out.add(iri, ctkg.startDate, literal(date, datatype=xsd.date), i, rule, confidence)
    else:
        work.out.add(iri, ctkg.dateUnknown, literal(True), i, rule, 0.6)
    _name(work, i, noun, iri, rule, confidence)


def _anaphor(work: _Work, i: int, match: RuleMatch) -> None:
    """'the attack', 'the killings' with nothing that says which: the salient attack (Work.salient)."""
    noun = match.token("attack")
    if noun.i in work.named[i] or work.salient(i) is None or _inside_known(work, i, noun):
        return
    for child in noun.children:
        if child.tag_ in ("JJS", "RBS") or child.dep_ in ("nummod", "prep", "compound") and child.lemma_ not in (
                "terror", "terrorist", "suicide", "militant") or child.lower_ in ("another", "such", "any"):
            return   # 'the deadliest attack', 'the attack in X', 'such attacks' speak of others
    _name(work, i, noun, work.salient(i), match.rule.id, match.rule.confidence)


def _attack_at(work: _Work, i: int, token, anaphora: bool = True) -> list[NamedNode]:
    """The attacks a rule's token names: itself, a word under it ('responsibility for the attack'),
    or, for a word that stands for an attack ('it', 'the claim'), the salient attack."""
    if token is None:
        return [work.salient(i)] if anaphora and work.salient(i) else []
    for t in [token] + list(token.subtree):
        if t.i in work.named[i]:
            return list(work.named[i][t.i])
    if anaphora and work.salient(i) is not None and not _names_other(work, i, token):
        return [work.salient(i)]
    return []


def _names_other(work: _Work, i: int, token) -> bool:
    """A phrase that names some other thing ('the attack on the consulate in X', 'the 2019 bombing'):
    not to be read as the attack named first."""
    for t in token.subtree:
        if t.like_num or work.scene.thing_at(i, t) is not None and work.scene.thing_at(i, t).cls == ctkg.Place:
            return True
    return False


def _target(work: _Work, i: int, noun, iri: NamedNode, match: RuleMatch) -> None:
    """'the attack on the Indian consulate in X' -> 'Indian consulate'."""
    for prep in noun.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("on", "against"):
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj" or obj.ent_type_ in ("DATE", "TIME") or obj.lemma_ in TIME_WORDS:
                continue
            if work.scene.thing_at(i, obj) is not None:
                continue    # 'the assault on Mumbai': a place or an actor, not a description
            text = phrase_of(obj)
            if text:
                work.out.add(iri, ctkg.target, literal(text), i, match.rule.id, 0.7)


# -- toll and target ----------------------------------------------------------------------------

def _toll(work: _Work, i: int, match: RuleMatch) -> None:
    verb, count = match.token("verb"), match.token("count")
    word = match.token("state") or verb     # 'left 14 people dead': the verb, and the word for the toll
    attack_token = match.token("attack")
    if attack_token is None:
        head = verb.head if verb.dep_ in ("pobj",) else verb
        while head.dep_ in ("prep", "pobj") and head.head.i != head.i:
            head = head.head
        attack_token = subject_of(head)
    if verb.lemma_ == "claim" and not any(c.lemma_ in ("life",) for c in [count]):
        return
    number = count_of(count)
    if number is None or attack_token is None:
        return
    lemma = word.lemma_.lower() if word.lower_ not in ("dead", "injured", "wounded") else word.lower_
    predicate = ctkg.injured if lemma in INJURED else ctkg.killed if lemma in KILLED else None
    for iri in _attack_at(work, i, attack_token, anaphora=False):
        if predicate == ctkg.killed and iri in work.killed:
            continue
        work.killed.add(iri) if predicate == ctkg.killed else None
        if predicate is not None:
            work.out.add(iri, predicate, literal(number, datatype=xsd.integer), i, match.rule.id,
                         match.rule.confidence)
    for conj in verb.children:   # 'killed 31 people and wounded at least 50'
        if conj.dep_ == "conj" and conj.lemma_ in INJURED | KILLED:
            obj = next((c for c in conj.children if c.dep_ == "dobj"), None)
            n = count_of(obj) if obj is not None else None
            if n is not None:
                for iri in _attack_at(work, i, attack_token, anaphora=False):
                    work.out.add(iri, ctkg.injured if conj.lemma_ in INJURED else ctkg.killed,
                                 literal(n, datatype=xsd.integer), i, match.rule.id, match.rule.confidence)


def _targeted(work: _Work, i: int, match: RuleMatch) -> None:
    verb, target = match.token("verb"), match.token("target")
    subject = subject_of(verb)
    if subject is None or work.scene.thing_at(i, target) is not None:
        return
    for iri in _attack_at(work, i, subject, anaphora=False):
        work.out.add(iri, ctkg.target, literal(phrase_of(target)), i, match.rule.id, match.rule.confidence)


# -- perpetrators -------------------------------------------------------------------------------

def _perpetrator(work: _Work, i: int, match: RuleMatch, kind: str) -> None:
    verb = match.token("verb")
    attack_token = match.token("attack")
    responsible = match.token("responsible")
    if responsible is not None:
        attack_token = next((o for t in (responsible, verb) for p in t.children if p.dep_ == "prep" and p.lower_ == "for"
                             for o in p.children if o.dep_ == "pobj"), None)
    elif attack_token is None and verb is not None:
        attack_token = attack_of_verb(verb)
    attacks = _attack_at(work, i, attack_token, anaphora=kind != "perpetrator" or attack_token is None)
    if responsible is not None:
        groups = things_among(work.scene, i, list(verb.doc[verb.i + 1:responsible.i]), ctkg.TerroristGroup)
    elif kind == "perpetrator" and match.token("group") is not None and match.token("attack") is not None:
        groups = groups_on(work.scene, i, match.token("attack"))
    elif match.token("group") is not None:
        groups = groups_under(work.scene, i, match.token("group"))
    else:
        groups = groups_of_subject(work.scene, i, verb)
    if not attacks or not groups:
        return
    rule, confidence = match.rule.id, match.rule.confidence
    for iri in attacks:
        for group in groups:
            work.out.add(iri, HOW[kind], group, i, rule, confidence)
            if kind == "disowned":
                _claimed_before(work, i, verb, iri, group, rule, confidence)
        if kind == "attributed" and verb is not None and verb.lemma_ in ("blame", "hold", "accuse", "fault"):
            for state in states_of_subject(work.scene, i, verb):
                work.out.add(iri, ctkg.blamedBy, state, i, rule, confidence)


def _claimed_before(work: _Work, i: int, verb, iri, group, rule, confidence) -> None:
    """'G claimed the killings, then disowned them': the claim is coordinated with the denial."""
    head = verb.head if verb.dep_ in ("conj", "dep") else None
    if head is not None and head.lemma_ == "claim":
        work.out.add(iri, ctkg.claimedBy, group, i, rule, confidence)


