"""Legal actions against a person: arrest, extradition, listing, charge, verdict, release
(kg/rules/legal.yaml).

A rule names the `cue` (the verb or noun of the action: 'arrested', 'extradition', 'listing')
and the `target` (the person acted against: the object of an active verb, the subject of a
passive one, the person a participle qualifies, the 'of' object or possessor of a noun), and sets
the `action` (a subclass of ctkg:LegalAction). The family then reads, from the same parse:

- whether the action really happened: a negated cue ('was not convicted'), a modal ('could be
  arrested') or a call for it ('demanded the arrest of X') yields nothing, except that an
  extradition asked for is still an extradition (a request), and a listing that was proposed,
  blocked or put on hold is a ctkg:DesignationProposal;
- the acting state: the subject of the active verb or the agent of the passive ('by the FBI'),
  read as a state, a capital, an agency or court of a state, or a demonym ('a Pakistani court');
  for a proposal, the state that moved it ('a proposal moved by the US');
- the attack: a known attack mentioned in the sentence only when it hangs under the cue through
  prepositions and objects ('convicted of plotting the Mumbai attacks'), never by proximity.

An action is keyed by its class and the person's IRI, so two reports of it meet.
"""
from __future__ import annotations

from pathlib import Path

from rdflib import Literal, URIRef

from kg.extract.grammar import antecedent, conjuncts, modifiers, prep_objects
from kg.extract.rules import RuleMatch, rule_set
from kg.extract.scene import Found, FoundBuilder, Scene
from kg.vocab import CTKG, mint, slug

# The action a rule sets -> (class, IRI key, label of the action).
ACTIONS = {
    "Arrest": (CTKG.Arrest, "arrest", "Arrest of {}"),
    "Extradition": (CTKG.Extradition, "extradition", "Extradition of {}"),
    "Designation": (CTKG.Designation, "designation", "Designation of {}"),
    "DesignationProposal": (CTKG.DesignationProposal, "designation-proposal", "Proposal to list {}"),
    "Accusation": (CTKG.Accusation, "accusation", "Accusation against {}"),
    "Indictment": (CTKG.Indictment, "indictment", "Indictment of {}"),
    "GuiltyPlea": (CTKG.GuiltyPlea, "guilty-plea", "Guilty plea of {}"),
    "Conviction": (CTKG.Conviction, "conviction", "Conviction of {}"),
    "Acquittal": (CTKG.Acquittal, "acquittal", "Acquittal of {}"),
    "Release": (CTKG.Release, "release", "Release of {}"),
    "Bail": (CTKG.Bail, "bail", "Bail for {}"),
    "Bounty": (CTKG.Bounty, "bounty", "Bounty on {}"),
    "AssassinationPlot": (CTKG.AssassinationPlot, "assassination-plot", "Assassination plot against {}"),
}
MODALS = {"would", "could", "should", "might", "may", "must", "can"}
# Words under which an action is only wanted or proposed, not done: 'called for the arrest of X',
# 'a proposal to list X', 'China blocked the listing of X', 'stopped the council from listing X'.
WANTED = {"demand", "seek", "urge", "want", "ask", "request", "plea", "appeal", "propose", "proposal", "bid", "attempt", "effort", "move", "motion", "plan",
          "block", "stop", "prevent", "veto", "hold", "oppose", "resist", "thwart", "obstruct"}
# Dependency labels that end the clause of a cue: what lies above belongs to another statement.
CLAUSE_EDGES = {"appos", "relcl", "ccomp", "parataxis", "conj", "nsubj", "nsubjpass", "csubj"}
# Verbs that want what their 'for' object names: 'called for the arrest of X', 'pressed for X's extradition'.
CALL_FOR = {"call", "press", "push", "appeal", "plea", "pressure", "campaign", "ask", "lobby"}
# Verbs whose 'by' agent is the state behind a proposal ('a proposal moved by the US').
MOVERS = {"move", "table", "submit", "sponsor", "co-sponsor", "cosponsor", "propose", "back", "bring", "put"}
# Verbs whose subject carries out the action a noun names ('a court approved the extradition of
# X', 'the agency filed a charge sheet against X', 'Washington offered a reward for X').
EXECUTORS = {"approve", "order", "grant", "allow", "clear", "carry", "effect", "file", "lodge", "bring",
             "issue", "offer", "announce", "place", "put", "impose", "make"}
# Dependency labels a cue reaches an attack through ('of plotting the attacks', 'in the 26/11 case').
ATTACK_PATH = {"prep", "pobj", "pcomp", "dobj", "compound", "amod", "nmod", "poss", "npadvmod", "appos", "conj"}
ATTACK_WORDS = frozenset(
    line.strip() for line in
    (Path(__file__).resolve().parent.parent / "patterns" / "attack-words.txt").read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")) | {"26/11"}


def rows(extraction, label, rule: str) -> list[dict]:
    """One rule's legal actions as {person, action, state, requester, attack} rows."""
    found: dict[URIRef, dict] = {}
    classes = {f.subject: f.object for f in extraction.facts if f.predicate.endswith("#type")}
    for fact in extraction.facts:
        if fact.rule != rule:
            continue
        row = found.setdefault(fact.subject, {})
        if str(classes.get(fact.subject, "")).startswith(str(CTKG)):
            row["action"] = str(classes[fact.subject]).rsplit("#", 1)[-1]
        if fact.predicate == CTKG.targetPerson:
            row["person"] = label(fact.object)
        elif fact.predicate == CTKG.actingState:
            row["state"] = label(fact.object)
        elif fact.predicate == CTKG.requestingState:
            row["requester"] = label(fact.object)
        elif fact.predicate == CTKG.concernsAttack:
            row["attack"] = label(fact.object)
    return [r for r in found.values() if "person" in r]


def find(scene: Scene) -> Found:
    out = FoundBuilder()
    rules = rule_set("legal")
    for i, doc in enumerate(scene.docs):
        for match in rules.matches(doc):
            _action(out, scene, i, match)
    return out.done()


def _action(out: FoundBuilder, scene: Scene, i: int, match: RuleMatch) -> None:
    cue, action = match.token("cue"), match.constant("action")
    people = _people(scene, i, match.token("target"))
    if not people or action not in ACTIONS:
        return
    if _negated(match):
        return
    wanted = _wanted(cue)
    if action == "Designation" and wanted:
        action = "DesignationProposal"
    elif wanted and action not in ("Extradition", "DesignationProposal", "AssassinationPlot"):
        return
    cls, key, label = ACTIONS[action]
    rule, conf = match.rule.id, match.rule.confidence
    state = _proposer(scene, i, cue) if action == "DesignationProposal" else _actor_state(scene, i, match)
    attack = _attack(scene, i, match.token("verdict") or cue)
    for person, name in people:
        iri = mint(f"event/{key}", str(person).rsplit("/", 1)[-1])
        out.declare(iri, cls, label.format(name), i, rule, conf)
        out.add(iri, CTKG.targetPerson, person, i, rule, conf)
        out.add(iri, CTKG.actingState, state, i, rule, conf * 0.9)
        out.add(iri, CTKG.concernsAttack, attack, i, rule, conf * 0.9)
        if action == "Extradition" and wanted:
            out.add(iri, CTKG.requestingState, _requester(scene, i, cue), i, rule, conf * 0.8)
            out.add(iri, CTKG.legalStatus, Literal("requested"), i, rule, conf * 0.8)


def _people(scene: Scene, i: int, token) -> list[tuple[URIRef, str]]:
    """The persons a target word names: itself and its conjuncts ('X and Y'), a relative pronoun's
    noun ('X, who was arrested'), or the person a descriptive noun stands beside ('X, the
    businessman who was arrested')."""
    if token is None:
        return []
    found = []
    for word in conjuncts(antecedent(token)):
        if word.lower_ in ("his", "her") and word.dep_ == "poss":
            word = _clause_subject(word) or word     # 'X has been in custody since his arrest'
        thing = scene.thing_at(i, word)
        if (thing is None or thing.cls != CTKG.Person) and word.dep_ == "appos":
            thing = scene.thing_at(i, word.head)    # 'X, the businessman who was arrested'
        if thing is not None and thing.cls == CTKG.Person and thing.iri not in {p for p, _ in found}:
            found.append((thing.iri, thing.label))
    return found


def _clause_subject(pronoun):
    """The subject a possessive pronoun stands for: that of the verb its noun phrase hangs on."""
    word, steps = pronoun.head, 0
    while word.pos_ not in ("VERB", "AUX") and word.head.i != word.i and steps < 4:
        word, steps = word.head, steps + 1
    subject = next((c for c in word.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return antecedent(subject) if subject is not None and subject.pos_ == "PROPN" else None


def _negated(match: RuleMatch) -> bool:
    """'was not convicted', 'never extradited': a negation on the cue, unless the rule reads it
    ('found not guilty' is an acquittal)."""
    if match.token("neg") is not None:
        return False
    words = [match.token("cue"), match.token("verdict")]
    return any(c.dep_ == "neg" for w in words if w is not None for c in w.children)


def _wanted(cue) -> bool:
    """The action is only asked for, proposed, blocked or possible, not done: a modal or 'to' on
    the cue, or a word of wanting or blocking above it in its own clause."""
    if any(c.dep_ == "aux" and (c.lower_ in MODALS or c.lower_ == "to") for c in cue.children):
        return True
    word, steps = cue, 0
    while word.head.i != word.i and steps < 4 and word.dep_ not in CLAUSE_EDGES:
        word, steps = word.head, steps + 1
        if word.lemma_.lower() in WANTED and not (word.lemma_.lower() == "hold" and word.pos_ != "NOUN"):
            return True   # 'a hold on the listing', not 'held the meeting'
        if word.lower_ == "for" and word.head.lemma_.lower() in CALL_FOR:
            return True
    return False


def _state_in(scene: Scene, i: int, token) -> URIRef | None:
    """The state a phrase stands for: the word itself or a word that qualifies it ('FBI agents',
    'a Pakistani court', 'the court in Islamabad')."""
    if token is None:
        return None
    for word in [token] + modifiers(token) + prep_objects(token, ("in",)):
        state = scene.state_of(i, word)
        if state is not None:
            return state
    return None


def _actor_state(scene: Scene, i: int, match: RuleMatch) -> URIRef | None:
    """The state that acts: the subject of the active cue, the agent of the passive one, or the
    'by' object or possessor of a noun cue (when the possessor is not the target)."""
    cue, target = match.token("cue"), match.token("target")
    verb = cue
    candidates = [c for c in verb.children if c.dep_ == "nsubj" and c.lower_ not in ("who", "that")]
    if verb.dep_ == "conj" and not candidates:
        candidates = [c for c in verb.head.children if c.dep_ == "nsubj"]
    candidates += [p for a in verb.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
    candidates += prep_objects(cue, ("by",))
    for complement in (c for c in cue.children if c.dep_ in ("oprd", "attr", "dobj")):
        candidates += prep_objects(complement, ("by",))   # 'designated a terrorist by the US'
    if cue.pos_ == "NOUN":
        candidates += [c for c in cue.children if c.dep_ == "poss" and (target is None or c.i != target.i)]
        if cue.dep_ in ("dobj", "nsubjpass") and cue.head.lemma_.lower() in EXECUTORS:
            # 'a court in London approved the extradition of X', 'the NIA filed a charge sheet'
            head = cue.head
            candidates += [c for c in head.children if c.dep_ == "nsubj"]
            candidates += [p for a in head.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
            if head.dep_ in ("acl", "xcomp") and head.head.pos_ == "NOUN":
                # "the administration's decision to approve the extradition of X"
                candidates += [c for c in head.head.children if c.dep_ == "poss"]
    for token in candidates:
        state = _state_in(scene, i, token)
        if state is not None:
            return state
    return None


def _proposer(scene: Scene, i: int, cue) -> URIRef | None:
    """The state that moved a listing proposal: 'a proposal moved by the US', 'the US proposal'."""
    word, steps = cue, 0
    while word.head.i != word.i and steps < 4:
        word, steps = word.head, steps + 1
        for verb in [word] + [c for c in word.children if c.dep_ in ("acl", "advcl", "relcl")]:
            if verb.lemma_.lower() in MOVERS:
                for by in prep_objects(verb, ("by",)):
                    state = _state_in(scene, i, by)
                    if state is not None:
                        return state
        if word.lemma_.lower() in ("proposal", "bid", "move", "motion", "request"):
            for child in word.children:
                if child.dep_ in ("compound", "amod", "poss"):
                    state = scene.state_of(i, child)
                    if state is not None:
                        return state
    return None


def _requester(scene: Scene, i: int, cue) -> URIRef | None:
    """The state asking for an extradition: "India's request for X's extradition"."""
    word, steps = cue, 0
    while word.head.i != word.i and steps < 3:
        word, steps = word.head, steps + 1
        if word.lemma_.lower() in WANTED:
            for child in word.children:
                if child.dep_ in ("poss", "nsubj", "compound", "amod"):
                    state = _state_in(scene, i, child)
                    if state is not None:
                        return state
    return None


def _attack(scene: Scene, i: int, cue) -> URIRef | None:
    """The attack the action is about, when an attack mention hangs under the cue."""
    known = scene.attacks.get(i, ())
    if not known:
        return _attack_named_before(scene, i, cue)
    for thing in scene.of_class(i, CTKG.Attack):
        token = next((t for t in cue.doc if thing.start <= t.idx < thing.end and t.lemma_.lower() in ATTACK_WORDS),
                     None) or next((t for t in cue.doc if thing.start <= t.idx < thing.end), None)
        if token is not None and (_under(token, cue) or _reason_of(token, cue)):
            return thing.iri
    if len(known) == 1:
        for token in cue.doc:
            if (token.lower_ in ATTACK_WORDS or token.lemma_.lower() in ATTACK_WORDS) and (
                    _under(token, cue) or _reason_of(token, cue)):
                return known[0]
    return None


def _attack_named_before(scene: Scene, i: int, cue) -> URIRef | None:
    """'arrested seven men for planning the attacks': a definite 'the attack(s)' under the cue
    stands for the one attack the sentence before reports, if it reports exactly one."""
    before = scene.attacks.get(i - 1, ()) if i > 0 else ()
    if len(before) != 1:
        return None
    for token in cue.doc:
        if token.lemma_.lower() in ATTACK_WORDS and any(c.lower_ == "the" for c in token.children) \
                and len(list(token.children)) == 1 and (_under(token, cue) or _reason_of(token, cue)):
            return before[0]
    return None


def _reason_of(token, cue) -> bool:
    """Whether an attack is the reason given for the verb that governs a noun cue: 'approved the
    extradition of X for his role in the attacks', where 'for' hangs on 'approved'."""
    head = cue.head
    if cue.pos_ != "NOUN" or cue.dep_ != "dobj" or head.pos_ != "VERB":
        return False
    return any(c.dep_ == "prep" and c.lower_ in ("for", "over") and _under(token, c) for c in head.children)


def _under(token, cue) -> bool:
    """Whether a word hangs under the cue through prepositions, objects and modifiers only."""
    word, steps = token, 0
    while word.i != cue.i and steps < 7:
        if word.dep_ not in ATTACK_PATH or word.head.i == word.i:
            return False
        word, steps = word.head, steps + 1
    return word.i == cue.i
