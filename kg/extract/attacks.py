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

from rdflib import Literal, URIRef
from rdflib.namespace import RDF, SKOS, XSD

from kg.dates import day_month_code, find_date
from kg.extract.grammar import in_clause, conjuncts, subject_of
from kg.extract.numbers import NUMBER_WORDS
from kg.extract.rules import RuleMatch, rule_set
from kg.extract.scene import Found, FoundBuilder, Scene
from kg.vocab import CTKG, mint

HOW = {"perpetrator": CTKG.perpetrator, "claimed": CTKG.claimedBy, "attributed": CTKG.attributedTo,
       "suspected": CTKG.suspectedPerpetrator, "disowned": CTKG.disownedBy}
KILLED = {"kill", "die", "dead", "death", "perish", "claim"}
INJURED = {"injure", "wound", "injured", "wounded", "injury"}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
        "ninety": 90}
TIME_WORDS = {"morning", "afternoon", "evening", "night", "day", "eve", "anniversary", "weekend"}
CLAUSES = {"acl", "relcl", "advcl", "ccomp", "xcomp", "prep", "pcomp"}   # a group under these is not the subject


@dataclass(frozen=True)
class AttacksFound:
    """What the stage found: facts and minted attacks, and the attacks each sentence names, with the
    character offset (in the sentence) of each naming."""

    found: Found
    by_sentence: Mapping[int, tuple[URIRef, ...]]
    offsets: Mapping[tuple[int, URIRef], int]


@dataclass
class _Work:
    scene: Scene
    out: FoundBuilder = field(default_factory=FoundBuilder)
    named: dict = field(default_factory=dict)       # sentence -> {token index: [attack IRIs]}
    offsets: dict = field(default_factory=dict)
    first: URIRef | None = None                     # the attack the report named first: its topic
    latest: tuple[int, URIRef] | None = None        # (sentence, attack) named most recently

    def salient(self, i: int) -> URIRef | None:
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
    names = {f.subject: str(f.object) for f in extraction.facts if f.predicate == SKOS.prefLabel}
    blamers: dict = {}
    for f in extraction.facts:
        if f.predicate == CTKG.blamedBy:
            blamers.setdefault(f.subject, []).append(label(f.object))
    base: dict = {}
    groups: list = []
    details = {CTKG.place: "place", CTKG.killed: "killed", CTKG.injured: "injured", CTKG.target: "target"}
    how = {p: k for k, p in HOW.items()}
    for f in extraction.facts:
        if f.rule != rule:
            continue
        row = base.setdefault(f.subject, {"attack": names.get(f.subject) or label(f.subject)})
        if f.predicate in details:
            row[details[f.predicate]] = label(f.object) if isinstance(f.object, URIRef) else str(f.object)
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
    for thing in work.scene.of_class(i, CTKG.Attack):
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


def _name(work: _Work, i: int, token, iri: URIRef, rule: str, confidence: float) -> None:
    named = work.named[i].setdefault(token.i, [])
    if iri in named:
        return
    named.append(iri)
    work.offsets.setdefault((i, iri), token.idx)
    work.first = work.first or iri
    work.latest = (i, iri)
    work.out.add(iri, RDF.type, CTKG.Attack, i, rule, confidence)


def _mention(work: _Work, i: int, match: RuleMatch) -> None:
    noun = match.token("attack")
    if noun.i in work.named[i] or _inside_known(work, i, noun):
        return
    if match.constant("kind") == "vehicle":
        _vehicle(work, i, noun, match)
        return
    if any(c.tag_ in ("JJS", "RBS") for c in noun.children):
        return   # 'the deadliest attack in X' speaks of no one attack
    words = _words_on(noun)
    known = _things(work.scene, i, words, CTKG.Attack)
    for iri in known:   # 'the 26/11 assault on Mumbai'
        _name(work, i, noun, iri, match.rule.id, match.rule.confidence)
    year, month_day, date = _when(work.scene, words, noun)
    if year is None and date is None:
        year, month_day, date = _when(work.scene, _clause_dates(noun), noun)
    places = [p for p in _places(work.scene, i, noun, words)
              if not any(a in known for a, _ in work.scene.index.attacks_at.get(p, []))]
    if known and not places:
        return
    for place in places or [None]:
        iri = _named_before(work, place) if year is None and month_day is None else None
        iri = iri or _well_known(work.scene, place, year, month_day, date, _definite(noun))
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
        known = _things(work.scene, i, words, CTKG.Attack)
        if not known:
            year, month_day, date = _when(work.scene, words, noun)
            for place in _things(work.scene, i, words, CTKG.Place)[:1]:
                iri = _well_known(work.scene, place, year, month_day, date, True)
                known += [iri] if iri is not None else []
        for iri in known:
            _name(work, i, noun, iri, match.rule.id, match.rule.confidence)


def _inside_known(work: _Work, i: int, noun) -> bool:
    """A noun inside a known name ('the Pathankot air base attack') already names its attack."""
    for thing in work.scene.of_class(i, CTKG.Attack):
        if thing.start <= noun.idx < thing.end:
            return True
    return False


OTHER_TIME = {"since", "after", "before", "like", "than", "until", "as"}


def _words_on(noun) -> list:
    """The words that say which attack a noun is: its left modifiers and its prepositional phrases,
    not the clauses or coordinated phrases hung on it ('..., which killed 84 people', '..., claimed
    by G', '... and the 2016 raid') nor phrases of another time ('since the 2019 bombing')."""
    found = []
    for token in noun.subtree:
        t, keep = token, True
        while t.i != noun.i:
            if t.dep_ in ("relcl", "acl", "advcl", "conj", "cc") or t.dep_ == "prep" and t.lower_ in OTHER_TIME \
                    or t.dep_ == "appos" and t.head.i == noun.i:
                keep = False
                break
            t = t.head
        if keep and token.i != noun.i:
            found.append(token)
    return found


def _when(scene: Scene, words: list, noun) -> tuple:
    """(year, (month, day), full date) written on the noun: '2016', '26/11', 'of Sept. 18', 'November 2008'."""
    year = month_day = date = None
    for token in words:
        if re.fullmatch(r"(19|20)\d\d", token.text) and token.i < noun.i + 12:
            year = year or int(token.text)
        elif re.fullmatch(r"\d{1,2}/\d{1,2}", token.text):
            month_day = month_day or day_month_code(token.text)
    dated = [t for t in words if t.ent_type_ == "DATE"]
    if dated:
        text = "".join(t.text_with_ws for t in dated)
        span = find_date(text, scene.date)
        if span is not None and span.start is not None and re.search(r"\d", text) and _has_day(text):
            date = span.start
            year, month_day = year or date.year, month_day or (date.month, date.day)
    return year, month_day, date


def _clause_dates(noun) -> list:
    """The dates of the clause an attack is the subject of: 'On June 4, 2016, a bombing in X killed ...',
    'a bombing in X killed 20 people in 2019'."""
    if noun.dep_ not in ("nsubj", "nsubjpass"):
        return []
    verb = noun.head
    return [t for child in verb.children if child.dep_ in ("prep", "npadvmod") and child.i != noun.i
            for t in child.subtree if t.ent_type_ == "DATE"]


def _has_day(text: str) -> bool:
    return bool(re.search(r"(?<![\d/])\d{1,2}(?![\d/])", text))


def _places(scene: Scene, i: int, noun, words: list) -> list[URIRef]:
    """The places of the attack: each place written on the noun ('the Amritsar and Jammu blasts'),
    else the first place in its phrases ('the ambush near Jammu', 'the attack on the consulate in X')."""
    left = [t for t in words if t.i < noun.i]
    places = _things(scene, i, left, CTKG.Place)
    for child in noun.children:
        if child.dep_ in ("compound", "nmod", "amod") and child.i < noun.i:
            for other in conjuncts(child)[1:]:
                places += [p for p in _things(scene, i, list(other.subtree), CTKG.Place) if p not in places]
    if places:
        return places
    right = _things(scene, i, [t for t in words if t.i > noun.i], CTKG.Place)
    return right[:1]


def _things(scene: Scene, i: int, tokens: list, cls: URIRef) -> list[URIRef]:
    found = []
    for token in tokens:
        thing = scene.thing_at(i, token)
        if thing is not None and thing.cls == cls and thing.iri not in found:
            found.append(thing.iri)
    return found


def _named_before(work: _Work, place) -> URIRef | None:
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


def _definite(noun) -> bool:
    """'the Mumbai attacks', 'Pathankot attacks' speak of a known attack; 'an attack in Mumbai' of a new one."""
    return not any(c.dep_ == "det" and c.lower_ in ("a", "an", "another") for c in noun.children)


def _well_known(scene: Scene, place, year, month_day, date, definite: bool = False) -> URIRef | None:
    """The attack of the reference data at that place (in that year, on that day), or on that date.
    A definite mention with neither year nor day ('the Mumbai attacks') is the latest one before the
    report."""
    if place is not None:
        candidates = list(scene.index.attacks_at.get(place, []))
        if year is not None:
            candidates = [(a, d) for a, d in candidates if d.startswith(str(year))]
        if month_day is not None:
            candidates = [(a, d) for a, d in candidates if d[5:] == f"{month_day[0]:02d}-{month_day[1]:02d}"]
        if len(candidates) == 1:
            return candidates[0][0]
        if candidates and definite and year is None and month_day is None:
            before = sorted((d, a) for a, d in candidates if scene.date is None or d < scene.date.isoformat())
            if before:
                return before[-1][1]
    if date is not None:
        same_day = {a for attacks in scene.index.attacks_at.values() for a, d in attacks if d == date.isoformat()}
        if len(same_day) == 1:
            return same_day.pop()
    return None


def _mint(work: _Work, i: int, noun, place: URIRef, year, date, match: RuleMatch) -> URIRef:
    """A new attack, keyed by year and place so that two reports of it meet."""
    name = work.scene.label(place)
    iri = mint("event/attack", f"{year or 'undated'} {name}")
    label = f"{year} {name} attack" if year else f"{name} attack"
    rule, confidence = match.rule.id, match.rule.confidence
    work.out.declare(iri, CTKG.Attack, label, i, rule, confidence)
    work.out.add(iri, CTKG.place, place, i, rule, confidence)
    if date is not None:
        work.out.add(iri, CTKG.startDate, Literal(date, datatype=XSD.date), i, rule, confidence)
    else:
        work.out.add(iri, CTKG.dateUnknown, Literal(True), i, rule, 0.6)
    return iri


def _vehicle(work: _Work, i: int, noun, match: RuleMatch) -> None:
    """'the hijacking of Gulf Air Flight 72' -> 'Gulf Air Flight 72 hijacking'."""
    name_token = match.token("name")
    name = " ".join(t.text for t in name_token.subtree if t.dep_ not in ("det", "punct") and t.i >= name_token.left_edge.i
                    and not (t.dep_ == "appos" or any(a.dep_ == "appos" for a in t.ancestors if a.i > name_token.i)))
    name = re.sub(r"\s*\(.*$", "", name).strip()
    if not name:
        return
    year, _, date = _when(work.scene, _words_on(noun), noun)
    label = f"{year} {name} {noun.lemma_}" if year else f"{name} {noun.lemma_}"
    iri = mint("event/attack", f"{year or 'undated'} {name} {noun.lemma_}")
    rule, confidence = match.rule.id, match.rule.confidence
    work.out.declare(iri, CTKG.Attack, label, i, rule, confidence)
    if date is not None:
        work.out.add(iri, CTKG.startDate, Literal(date, datatype=XSD.date), i, rule, confidence)
    else:
        work.out.add(iri, CTKG.dateUnknown, Literal(True), i, rule, 0.6)
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


def _attack_at(work: _Work, i: int, token, anaphora: bool = True) -> list[URIRef]:
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
        if t.like_num or work.scene.thing_at(i, t) is not None and work.scene.thing_at(i, t).cls == CTKG.Place:
            return True
    return False


def _target(work: _Work, i: int, noun, iri: URIRef, match: RuleMatch) -> None:
    """'the attack on the Indian consulate in X' -> 'Indian consulate'."""
    for prep in noun.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("on", "against"):
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj" or obj.ent_type_ in ("DATE", "TIME") or obj.lemma_ in TIME_WORDS:
                continue
            if work.scene.thing_at(i, obj) is not None:
                continue    # 'the assault on Mumbai': a place or an actor, not a description
            text = _phrase(obj)
            if text:
                work.out.add(iri, CTKG.target, Literal(text), i, match.rule.id, 0.7)


def _phrase(token) -> str:
    """A noun phrase's words without its determiner and the phrases hung on it."""
    words = [token]
    for child in token.children:
        if child.dep_ in ("amod", "compound", "nmod", "nummod", "poss") and child.i < token.i:
            words.extend(child.subtree)
    return " ".join(t.text for t in sorted(words, key=lambda t: t.i) if t.dep_ != "det").strip()


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
    number = _count(count)
    if number is None or attack_token is None:
        return
    lemma = word.lemma_.lower() if word.lower_ not in ("dead", "injured", "wounded") else word.lower_
    predicate = CTKG.injured if lemma in INJURED else CTKG.killed if lemma in KILLED else None
    for iri in _attack_at(work, i, attack_token, anaphora=False):
        if predicate == CTKG.killed and iri in work.killed:
            continue
        work.killed.add(iri) if predicate == CTKG.killed else None
        if predicate is not None:
            work.out.add(iri, predicate, Literal(number, datatype=XSD.integer), i, match.rule.id,
                         match.rule.confidence)
    for conj in verb.children:   # 'killed 31 people and wounded at least 50'
        if conj.dep_ == "conj" and conj.lemma_ in INJURED | KILLED:
            obj = next((c for c in conj.children if c.dep_ == "dobj"), None)
            n = _count(obj) if obj is not None else None
            if n is not None:
                for iri in _attack_at(work, i, attack_token, anaphora=False):
                    work.out.add(iri, CTKG.injured if conj.lemma_ in INJURED else CTKG.killed,
                                 Literal(n, datatype=XSD.integer), i, match.rule.id, match.rule.confidence)


def _count(token) -> int | None:
    """'166', 'seven', 'at least 40 personnel', 'twenty-six' -> the number."""
    if token is None:
        return None
    for t in [token] + [c for c in token.children if c.dep_ in ("nummod", "quantmod", "compound")]:
        if t.like_num:
            number = _number(t.text)
            if number is not None:
                return number
    return None


def _number(word: str) -> int | None:
    word = word.lower().replace(",", "")
    if word.isdigit():
        return int(word)
    if word in NUMBER_WORDS:
        return NUMBER_WORDS[word]
    tens, _, unit = word.partition("-")
    if tens in TENS and (not unit or unit in NUMBER_WORDS):
        return TENS[tens] + NUMBER_WORDS.get(unit, 0)
    return None


def _targeted(work: _Work, i: int, match: RuleMatch) -> None:
    verb, target = match.token("verb"), match.token("target")
    subject = subject_of(verb)
    if subject is None or work.scene.thing_at(i, target) is not None:
        return
    for iri in _attack_at(work, i, subject, anaphora=False):
        work.out.add(iri, CTKG.target, Literal(_phrase(target)), i, match.rule.id, match.rule.confidence)


# -- perpetrators -------------------------------------------------------------------------------

def _perpetrator(work: _Work, i: int, match: RuleMatch, kind: str) -> None:
    verb = match.token("verb")
    attack_token = match.token("attack")
    responsible = match.token("responsible")
    if responsible is not None:
        attack_token = next((o for t in (responsible, verb) for p in t.children if p.dep_ == "prep" and p.lower_ == "for"
                             for o in p.children if o.dep_ == "pobj"), None)
    elif attack_token is None and verb is not None:
        attack_token = _attack_of_verb(verb)
    attacks = _attack_at(work, i, attack_token, anaphora=kind != "perpetrator" or attack_token is None)
    if responsible is not None:
        groups = _things(work.scene, i, list(verb.doc[verb.i + 1:responsible.i]), CTKG.TerroristGroup)
    elif kind == "perpetrator" and match.token("group") is not None and match.token("attack") is not None:
        groups = _groups_on(work.scene, i, match.token("attack"))
    elif match.token("group") is not None:
        groups = _groups_under(work.scene, i, match.token("group"))
    else:
        groups = _groups_of_subject(work.scene, i, verb)
    if not attacks or not groups:
        return
    rule, confidence = match.rule.id, match.rule.confidence
    for iri in attacks:
        for group in groups:
            work.out.add(iri, HOW[kind], group, i, rule, confidence)
            if kind == "disowned":
                _claimed_before(work, i, verb, iri, group, rule, confidence)
        if kind == "attributed" and verb is not None and verb.lemma_ in ("blame", "hold", "accuse", "fault"):
            for state in _states_of_subject(work.scene, i, verb):
                work.out.add(iri, CTKG.blamedBy, state, i, rule, confidence)


def _claimed_before(work: _Work, i: int, verb, iri, group, rule, confidence) -> None:
    """'G claimed the killings, then disowned them': the claim is coordinated with the denial."""
    head = verb.head if verb.dep_ in ("conj", "dep") else None
    if head is not None and head.lemma_ == "claim":
        work.out.add(iri, CTKG.claimedBy, group, i, rule, confidence)


def _attack_of_verb(verb):
    """The attack a passive or participle speaks of: 'the attack was carried out by', 'the bombing,
    blamed on G', 'the bombing, which was carried out by'."""
    if verb.dep_ in ("acl", "relcl"):
        return verb.head
    for child in verb.children:
        if child.dep_ in ("nsubjpass", "dobj"):
            return child
    return subject_of(verb)


def _groups_on(scene: Scene, i: int, noun) -> list[URIRef]:
    """Groups written on an attack noun, before it: 'a G suicide attack'."""
    span = [t for t in noun.subtree if t.i < noun.i]
    return _things(scene, i, span, CTKG.TerroristGroup)


def _groups_under(scene: Scene, i: int, token) -> list[URIRef]:
    """Groups named under a token: those on the noun itself first ('the LeT, a proxy of JeM' gives
    LeT), else any in its phrase ('the outfit, known as G')."""
    subtree = list(token.subtree)
    direct = [t for t in subtree if not _through_clause(t, token)]
    return _things(scene, i, direct, CTKG.TerroristGroup) or _things(scene, i, subtree, CTKG.TerroristGroup)


def _through_clause(token, top) -> bool:
    return in_clause(token, top, CLAUSES)


def _groups_of_subject(scene: Scene, i: int, verb) -> list[URIRef]:
    """Groups named as the verb's subject, whatever the parser made of a hyphenated name
    ('The Lashkar-e-Jhangvi claimed ...'): the words left of the verb that are not in a clause."""
    if verb.dep_ == "relcl":   # 'LeT, the group that carried out the attacks'
        noun = verb.head
        named = _things(scene, i, [noun], CTKG.TerroristGroup)
        if not named and noun.dep_ == "appos":
            named = _things(scene, i, [noun.head], CTKG.TerroristGroup)
        return named
    subject = subject_of(verb)
    if subject is not None and subject.i > verb.i:
        return _groups_under(scene, i, subject)
    top = verb
    while top.dep_ in ("conj", "dep") and top.head.i != top.i and not any(
            c.dep_ in ("nsubj", "nsubjpass") for c in top.children):
        top = top.head
    left = [c for c in top.children if c.i < top.i and c.dep_ not in CLAUSES | {"advmod", "aux", "auxpass", "punct", "mark"}]
    tokens = [t for c in left for t in c.subtree if not _through_clause(t, c)]
    return _things(scene, i, tokens, CTKG.TerroristGroup)


def _states_of_subject(scene: Scene, i: int, verb) -> list[URIRef]:
    subject = subject_of(verb)
    if subject is None:
        return []
    states = []
    for token in conjuncts(subject):
        for t in [token] + [c for c in token.children if c.dep_ in ("compound", "amod", "poss")]:
            state = scene.state_of(i, t)
            if state is not None and state not in states:
                states.append(state)
    return states
