"""Legal actions against a person or group: arrest, extradition, listing, charge, accusation,
verdict, release (kg/rules/legal.yaml).

A rule names the `cue` (the verb or noun of the action: 'arrested', 'extradition', 'listing')
and the `target` (the person acted against: the object of an active verb, the subject of a
passive one, the person a participle qualifies, the 'of' object or possessor of a noun), and sets
the `action` (a subclass of ctkg:LegalAction). The target is a person (ctkg:targetPerson) or,
for a listing or an accusation only, a terrorist group (ctkg:targetGroup: 'New Delhi holds LeT
responsible'); a common noun stands for the name beside it ('the group, known as X'). A pronoun
('arrested him', 'a reward for him') stands for a person only when one reading is plain: the
nearest argument before it in its own clause chain (not the subject of its own verb), else the
subject of the sentence before; a possessive in a phrase like 'since his arrest' stands for the
subject of its clause. The family then reads, from the same parse:

- whether the action really happened: a negated cue ('was not convicted'), a modal ('could be
  arrested') or a call for it ('demanded the arrest of X') yields nothing, except that an
  extradition asked for is still an extradition (a request), and a listing that was proposed,
  blocked or put on hold is a ctkg:DesignationProposal;
- the acting state: the subject of the active verb or the agent of the passive ('by the FBI'),
  read as a state, a capital, an agency or court of a state, or a demonym ('a Pakistani court');
  for a proposal, the state that moved it ('a proposal moved by the US'); a rule that sets
  `accuser: authority` ('blamed', 'holds responsible') yields only when the accuser is a state
  or an authority ('police', 'investigators'), not an analyst or a witness;
- the attack: a known attack mentioned in the sentence only when it hangs under the cue through
  prepositions and objects ('convicted of plotting the Mumbai attacks'), never by proximity.

An action is keyed by its class and the target's IRI, so two reports of it meet.
"""
from __future__ import annotations



from kg.extract.grammar import antecedent, conjuncts, modifiers, prep_objects, subject_of
from kg.extract.rules import RuleMatch, rule_set
from kg.extract.scene import Found, FoundBuilder, Scene
from kg.pattern_files import word_list
from kg.terms import NamedNode, ctkg, literal, local_name, mint, rdf

# The action a rule sets -> (class, IRI key, label of the action).
ACTIONS = {
    "Arrest": (ctkg.Arrest, "arrest", "Arrest of {}"),
    "Extradition": (ctkg.Extradition, "extradition", "Extradition of {}"),
    "Designation": (ctkg.Designation, "designation", "Designation of {}"),
    "DesignationProposal": (ctkg.DesignationProposal, "designation-proposal", "Proposal to list {}"),
    "Accusation": (ctkg.Accusation, "accusation", "Accusation against {}"),
    "Indictment": (ctkg.Indictment, "indictment", "Indictment of {}"),
    "GuiltyPlea": (ctkg.GuiltyPlea, "guilty-plea", "Guilty plea of {}"),
    "Conviction": (ctkg.Conviction, "conviction", "Conviction of {}"),
    "Acquittal": (ctkg.Acquittal, "acquittal", "Acquittal of {}"),
    "Release": (ctkg.Release, "release", "Release of {}"),
    "Bail": (ctkg.Bail, "bail", "Bail for {}"),
    "Bounty": (ctkg.Bounty, "bounty", "Bounty on {}"),
    "AssassinationPlot": (ctkg.AssassinationPlot, "assassination-plot", "Assassination plot against {}"),
}
# Actions that may be taken against a group as well as a person.
GROUP_ACTIONS = {"Designation", "DesignationProposal", "Accusation"}
# Nouns for an accuser that speaks for a state even when no state is named ('police blamed X').
AUTHORITIES = {"police", "investigator", "official", "authority", "government", "prosecutor", "agency",
               "ministry", "army", "military", "administration", "minister", "spokesperson", "spokesman",
               "spokeswoman", "court", "judge"}
PRONOUNS = {"him", "her", "he", "she"}
# Verbs naming a noun by another name: 'the group, known as X', 'an outfit called X'.
NAMING = {"know", "call", "name"}
# Common nouns that stand for the name beside them ('the outfit, known as X').
STAND_INS = {"group", "outfit", "organisation", "organization", "network", "militant", "man", "businessman",
             "operative", "commander", "leader", "suspect"}
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
ATTACK_WORDS = frozenset(word_list("attack-words.txt")) | {"26/11"}


def rows(extraction, label, rule: str) -> list[dict]:
    """One rule's legal actions as {person, action, state, requester, attack} rows."""
    found: dict[NamedNode, dict] = {}
    classes = {f.subject: f.object for f in extraction.facts if f.predicate == rdf.type}
    for fact in extraction.facts:
        if fact.rule != rule:
            continue
        row = found.setdefault(fact.subject, {})
        cls = classes.get(fact.subject)
        if cls is not None and cls.value.startswith(str(ctkg)):
            row["action"] = local_name(cls)
        if fact.predicate in (ctkg.targetPerson, ctkg.targetGroup):
            row["person"] = label(fact.object)
        elif fact.predicate == ctkg.actingState:
            row["state"] = label(fact.object)
        elif fact.predicate == ctkg.requestingState:
            row["requester"] = label(fact.object)
        elif fact.predicate == ctkg.concernsAttack:
            row["attack"] = label(fact.object)
    return [r for r in found.values() if "person" in r]


PHASE = 2   # before the families that read legal actions (reactions to a verdict)


def find(scene: Scene) -> Found:
    out = FoundBuilder()
    rules = rule_set("legal")
    for i, doc in enumerate(scene.docs):
        for match in rules.matches(doc):
            _action(out, scene, i, match)
    return out.done()


def _action(out: FoundBuilder, scene: Scene, i: int, match: RuleMatch) -> None:
    cue, action = match.token("cue"), match.constant("action")
    targets = _targets(scene, i, match.token("target"), groups=action in GROUP_ACTIONS)
    if not targets or action not in ACTIONS:
        return
    if _negated(match):
        return
    if _enumerates(cue, scene, i):
        return
    wanted = _wanted(cue)
    if action == "Designation" and wanted:
        action = "DesignationProposal"
    elif wanted and action not in ("Extradition", "DesignationProposal", "AssassinationPlot"):
        return
    cls, key, label = ACTIONS[action]
    rule, conf = match.rule.id, match.rule.confidence
    state = _proposer(scene, i, cue) if action == "DesignationProposal" else _actor_state(scene, i, match)
    if match.constant("accuser") == "authority" and state is None and not _authority_acts(match):
        return
    attack = _attack_slot(scene, i, match.token("attack")) or _attack(scene, i, match.token("verdict") or cue)
    for target, name, prop in targets:
        iri = mint(f"event/{key}", local_name(target))
        out.declare(iri, cls, label.format(name), i, rule, conf)
        out.reports_legal_action(i, iri)
        out.add(iri, prop, target, i, rule, conf)
        out.add(iri, ctkg.actingState, state, i, rule, conf * 0.9)
        out.add(iri, ctkg.concernsAttack, attack, i, rule, conf * 0.9)
        if action == "Extradition" and wanted:
            out.add(iri, ctkg.requestingState, _requester(scene, i, cue), i, rule, conf * 0.8)
            out.add(iri, ctkg.legalStatus, literal("requested"), i, rule, conf * 0.8)


def _targets(scene: Scene, i: int, token, groups: bool = False) -> list[tuple[NamedNode, str, NamedNode]]:
    """The persons (and, when `groups`, terrorist groups) a target word names, as (IRI, label,
    property): itself and its conjuncts ('X and Y'), a relative pronoun's noun ('X, who was
    arrested'), the person a descriptive noun stands beside ('X, the businessman who was
    arrested'), the name a common noun is given ('the group, known as X'), or the person a
    pronoun plainly stands for."""
    if token is None:
        return []
    found: list[tuple[NamedNode, str, NamedNode]] = []
    for word in conjuncts(antecedent(token)):
        thing = None
        if word.lower_ in ("his", "her") and word.dep_ == "poss":
            subject = _clause_subject(word)          # 'X has been in custody since his arrest'
            thing = scene.thing_at(i, subject) if subject is not None else None
        elif word.lower_ in PRONOUNS:
            thing = _pronoun_person(scene, i, word)  # 'FBI agents arrested him'
        else:
            thing = scene.thing_at(i, word) or _by_surname(scene, i, word)
            if (thing is None or thing.cls not in (ctkg.Person, ctkg.TerroristGroup)) and word.dep_ == "appos":
                thing = scene.thing_at(i, word.head)    # 'X, the businessman who was arrested'
            if thing is None and word.lemma_.lower() in STAND_INS:
                thing = _named_beside(scene, i, word)   # 'the group, known as X'
        if thing is None or any(thing.iri == f[0] for f in found):
            continue
        if thing.cls == ctkg.Person:
            found.append((thing.iri, thing.label, ctkg.targetPerson))
        elif groups and thing.cls == ctkg.TerroristGroup:
            found.append((thing.iri, thing.label, ctkg.targetGroup))
    return found


def _by_surname(scene: Scene, i: int, word):
    """The person a lone surname the mention step left unresolved stands for ('Mir', tagged as a
    facility by the model): the one person of this sentence or an earlier one whose name ends
    with that word, if exactly one does."""
    if word.pos_ != "PROPN" or any(c.dep_ in ("compound", "flat") for c in word.children) \
            or word.dep_ in ("compound", "flat") or not word.text[:1].isupper():
        return None
    found = {t.iri: t for things in scene.things[:i + 1] for t in things
             if t.cls == ctkg.Person and t.label.split()[-1] == word.text}
    return next(iter(found.values())) if len(found) == 1 else None


def _named_beside(scene: Scene, i: int, noun):
    """The thing a common noun is given as its name: 'the group, known as X', 'the outfit, X,'."""
    for child in noun.children:
        if child.dep_ == "appos" and scene.thing_at(i, child) is not None:
            return scene.thing_at(i, child)
        if child.dep_ == "acl" and child.lemma_.lower() in NAMING:
            for name in prep_objects(child, ("as",)) + [c for c in child.children if c.dep_ == "oprd"]:
                if scene.thing_at(i, name) is not None:
                    return scene.thing_at(i, name)
    return None


def _clause_subject(pronoun):
    """The subject a possessive pronoun stands for, when its noun hangs on the verb through a
    preposition only ('X has been in custody since his arrest', 'X was questioned after his
    arrest'); not when the noun is the verb's object ('the judge ordered his release')."""
    noun = pronoun.head
    if noun.dep_ != "pobj" or noun.head.dep_ != "prep" or noun.head.head.pos_ not in ("VERB", "AUX"):
        return None
    subject = next((c for c in noun.head.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return antecedent(subject) if subject is not None else None


def _pronoun_person(scene: Scene, i: int, pronoun):
    """The person 'him', 'her', 'he' or 'she' plainly stands for, or None. In its own sentence:
    the nearest noun before it that is an argument of the verbs coordinated with its verb or
    above it, never one of its own verb's (a pronoun is not its co-argument's: 'a court convicted
    X and sentenced him'; 'the State Department describes X as ... and has offered a reward for
    him'); that noun must name a person. With no such noun and no person named before it: the
    subject of the sentence before, when it names a person and no other person is named after it
    there ('X moved to Ohio. FBI agents arrested him')."""
    verb = pronoun.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    arguments = ("nsubj", "nsubjpass", "dobj", "dative")
    own = {c.i for c in verb.children if c.dep_ in arguments}
    subject = subject_of(verb)
    if subject is not None:
        own.add(subject.i)
    nouns = [c for clause in _clause_chain(verb)[1:] for c in clause.children
             if c.dep_ in arguments and c.i < pronoun.i and c.i not in own]
    if nouns:
        noun = antecedent(max(nouns, key=lambda n: n.i))
        thing = scene.thing_at(i, noun) or _by_surname(scene, i, noun)
        return thing if thing is not None and thing.cls == ctkg.Person else None
    own_things = {id(scene.thing_at(i, pronoun.doc[j])) for j in own}
    if any(t.cls == ctkg.Person and t.end <= pronoun.idx and id(t) not in own_things for t in scene.things[i]):
        return None    # a person named before it whose part we cannot read
    return _previous_subject(scene, i)


def _clause_chain(verb) -> list:
    """A verb, the verbs it is coordinated with, and the verbs above it (up to the sentence root)."""
    chain, word, steps = [verb], verb, 0
    while word.head.i != word.i and steps < 6:
        word, steps = word.head, steps + 1
        if word.pos_ in ("VERB", "AUX"):
            chain.append(word)
    return chain


def _previous_subject(scene: Scene, i: int):
    """The person the sentence before is about: its main subject, when it names a person and no
    other person is named after it in that sentence."""
    if i == 0:
        return None
    doc = scene.docs[i - 1]
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None) if root is not None else None
    thing = scene.thing_at(i - 1, subject) if subject is not None else None
    if thing is None or thing.cls != ctkg.Person:
        return None
    others = {t.iri for t in scene.things[i - 1] if t.cls == ctkg.Person and t.start >= thing.end}
    return thing if others <= {thing.iri} else None


def _authority_acts(match: RuleMatch) -> bool:
    """Whether the subject or agent of the cue is an authority ('police', 'investigators')."""
    cue = match.token("cue")
    words = [c for c in cue.children if c.dep_ == "nsubj"]
    words += [p for a in cue.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
    for complement in (c for c in cue.children if c.dep_ in ("oprd", "acomp", "attr")):
        words += prep_objects(complement, ("by",))   # 'was held responsible by the police'
    if cue.dep_ == "conj" and not words:
        words = [c for c in cue.head.children if c.dep_ == "nsubj"]
    return any(w.lemma_.lower() in AUTHORITIES for w in words)


def _enumerates(cue, scene: Scene, i: int) -> bool:
    """'The statement listed X, Y and Z among the networks ...': the verb 'list' only names, unless
    it lists 'as' something, on a list, or a state does it."""
    if cue.lemma_.lower() != "list" or cue.pos_ != "VERB":
        return False
    preps = {c.lower_ for c in cue.children if c.dep_ == "prep"}
    if "among" in preps:
        return True
    if preps & {"as", "on", "under"}:
        return False
    subjects = [c for c in cue.children if c.dep_ == "nsubj"]
    subjects += [p for a in cue.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
    return not any(_state_in(scene, i, s) is not None for s in subjects)


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


def _state_in(scene: Scene, i: int, token) -> NamedNode | None:
    """The state a phrase stands for: the word itself or a word that qualifies it ('FBI agents',
    'a Pakistani court', 'the court in Islamabad')."""
    if token is None:
        return None
    for word in [token] + modifiers(token) + prep_objects(token, ("in",)):
        state = scene.state_of(i, word)
        if state is not None:
            return state
    return None


def _actor_state(scene: Scene, i: int, match: RuleMatch) -> NamedNode | None:
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
            if head.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in head.children):
                candidates += [c for c in head.head.children if c.dep_ == "nsubj"]   # 'X describes ... and has offered'

            candidates += [p for a in head.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
            if head.dep_ in ("acl", "xcomp") and head.head.pos_ == "NOUN":
                # "the administration's decision to approve the extradition of X"
                candidates += [c for c in head.head.children if c.dep_ == "poss"]
    for token in candidates:
        state = _state_in(scene, i, token)
        if state is not None:
            return state
    return None


def _proposer(scene: Scene, i: int, cue) -> NamedNode | None:
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


def _requester(scene: Scene, i: int, cue) -> NamedNode | None:
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


def _attack_slot(scene: Scene, i: int, token) -> NamedNode | None:
    """The attack a rule names in its own slot ('26/11 Mumbai attacks accused X'): the attack
    mention within that word's phrase."""
    if token is None:
        return None
    for word in token.subtree:
        thing = scene.thing_at(i, word)
        if thing is not None and thing.cls == ctkg.Attack:
            return thing.iri
    return None


def _attack(scene: Scene, i: int, cue) -> NamedNode | None:
    """The attack the action is about, when an attack mention hangs under the cue."""
    known = scene.attacks.get(i, ())
    if not known:
        return _attack_named_before(scene, i, cue)
    for thing in scene.of_class(i, ctkg.Attack):
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


def _attack_named_before(scene: Scene, i: int, cue) -> NamedNode | None:
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
