"""Which state reacted to which statement or event, through whom, saying what (kg/rules/reactions.yaml).

A rule names the reacting `verb` (its subject is the actor) or the `speaker`, and a `kind`:
adversarial (rejecting, protesting, summoning an envoy), reaction (welcoming, condemning,
expressing concern, 'a rebuke from X') or speech (saying, telling). The actor's state comes from
the construction: a state, a demonym or state on a ministry ("Pakistan's Foreign Office"), a known
agency, a capital used for its government, a person whose noun phrase or post names the state; a
document speaks for its issuer ('a readout issued by X', 'X put out a statement saying'); a bare
'the ministry', 'it' or 'she' stands for the actor of the sentence or two before, and so does an
office-holder whose post names no state ('Defence Minister X also lashed out'), unless their own
words take a stance for a state ('"The United States stands with ...," he wrote'). A person who
speaks for that state is the reaction's spokesperson; a bare surname the tagger missed names the
person named with it earlier.

What it responds to: a legal action the legal family finds in the sentence, when the sentence
speaks of a verdict, listing, extradition and the like (not of a statement); else an attack named
in the sentence, else the article's joint statement, else its main meeting, else a legal action or
an attack the lead names (the legal action first when the sentence speaks of one), else (for a
rejection) a statement another state issued; a state that is a
party to the joint statement or meeting does not react to it (unless it rejects or protests, which
no issuer does to its own text). Without anything to respond to, no reaction is stated. One
reaction per (state, what it responds to) per article; its IRI is minted from both.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass


from kg.dates import find_date
from kg.extract.grammar import conjuncts
from kg.extract.grammar_reactions import actor_tokens, np_states, stance_of, words_of
from kg.extract.rules import RuleMatch, rule_set
from kg.extract.scene import Found, FoundBuilder, Scene
from kg.terms import NamedNode, ctkg, literal, local_name, xsd
from kg.vocab import slug

# words that carry a reaction when said: "X said the references were baseless"
REACTION_WORDS = {
    "disappoint", "disappointed", "disappointment", "concern", "concerned", "baseless", "unfounded",
    "condemn", "condemnation", "welcome", "regret", "reject", "rejection", "one-sided", "unwarranted",
    "misleading", "reprehensible", "deplorable", "regrettable", "condolence", "condolences", "sympathy",
    "solidarity", "outrage", "outraged", "shock", "shocked", "dismay", "unacceptable", "protest",
    "justice", "step", "satisfied", "dissatisfied", "surprised", "motivated", "selective", "exception",
}
INSTITUTIONS = {"ministry", "office", "department", "government", "fo", "mea", "mofa", "spokesperson",
                "spokesman", "spokeswoman", "minister", "embassy", "administration", "secretary"}
SPOKESPEOPLE = {"spokesperson", "spokesman", "spokeswoman", "ministry", "office"}
# what a state calls something when it reacts to it: 'termed the statement one-sided'
RESPONDABLE = {"statement", "verdict", "conviction", "sentence", "remark", "remarks", "reference", "references",
               "move", "decision", "attack", "accusation", "accusations", "charge", "charges", "allegation",
               "allegations", "block", "hold", "listing", "ruling", "acquittal", "document", "text",
               "declaration", "communique", "it", "this", "that", "assertion", "assertions", "bombing", "killing"}
PERSON_PRONOUNS = {"he", "she"}
# head nouns of an office: 'India's [Director General] ..., X, told reporters'; a person whose noun
# phrase has one holds an office
OFFICES = {"minister", "secretary", "president", "adviser", "advisor", "ambassador", "envoy", "premier",
           "chancellor", "director", "general", "chief", "attorney", "commissioner", "official"}
SPEECH_VERBS = {"say", "write", "tell", "post", "tweet", "add", "state"}
# what a state says of itself: '"The United States stands with X," he wrote'
OWN_STANCE = {"stand", "condemn", "support", "hope", "remain", "reaffirm", "commit", "welcome", "mourn"}
# words of a sentence about a legal action: its reaction responds to that action
LEGAL_WORDS = {"verdict", "sentence", "conviction", "convict", "acquittal", "acquit", "extradition", "extradite",
               "listing", "list", "blacklist", "block", "hold", "ruling", "judgment", "judgement", "request",
               "designation", "designate", "arrest", "indictment", "charge", "trial", "court", "case", "plea"}
STATEMENT_WORDS = {"statement", "declaration", "communique", "communiqué", "document", "text", "reference",
                   "references"}
BODY_PRONOUNS = {"it", "we"}
LEAD_SENTENCES = 2
DATE_WINDOW = dt.timedelta(days=31)


@dataclass(frozen=True)
class Act:
    """One actor reacting or speaking in one sentence."""

    sentence: int
    state: NamedNode
    person: NamedNode | None
    kind: str
    rule: str
    confidence: float
    stance: str
    carries: bool        # the words said carry a reaction ('disappointed', 'baseless')


def rows(extraction, label, rule: str) -> list[dict]:
    """One rule's reactions as {state, spokesperson} rows (and {state} when the rule made the reaction)."""
    states, by_rule = {}, {}
    for fact in extraction.facts:
        if fact.predicate == ctkg.issuedBy and (fact.subject, ctkg.Reaction) in extraction.events.items():
            states[fact.subject] = label(fact.object)
        if fact.rule == rule and fact.predicate in (ctkg.issuedBy, ctkg.spokesperson):
            by_rule.setdefault(fact.subject, []).append(fact)
    found = []
    for reaction, facts in by_rule.items():
        state = states.get(reaction, "")
        for fact in facts:
            if fact.predicate == ctkg.spokesperson:
                found.append({"state": state, "spokesperson": label(fact.object)})
            elif fact.subject in states:
                found.append({"state": state})
    return found


QUOTED = re.compile(r"[“\"]([^”\"]{3,})[”\"]")


def find(scene: Scene) -> Found:
    out, made = FoundBuilder(), {}
    acts = _acts(scene)
    legal = _LegalEvents(scene)
    for act in acts:                       # reactions first: what each state reacts to
        if act.kind != "speech" or act.carries:
            target = _responds_to(scene, act, legal)
            if target is not None:
                made.setdefault(act.state, target)
    joined = []
    for act in acts:                       # then each act joins its state's reaction
        target = made.get(act.state)
        if target is None and (act.kind != "speech" or act.carries):
            target = _responds_to(scene, act, legal)
        if target is not None:
            joined.append((act, target))
    stances = _stances(scene, joined)
    for act, target in joined:
        _reaction(out, scene, act, target, stances.get((act.state, target)))
    return out.done()


def _stances(scene: Scene, joined: list) -> dict:
    """One stance per reaction, from the act that states it best: quoted words that take a stance
    (a rejection, a reaction, or speech whose words carry one), else any such act, else the first."""
    def rank(act) -> int:
        quoted = QUOTED.search(scene.article.sentences[act.sentence].text) is not None
        takes_a_stance = act.kind != "speech" or act.carries
        return 0 if quoted and takes_a_stance else 1 if takes_a_stance else 2
    best: dict = {}
    for act, target in joined:
        key = (act.state, target)
        if act.stance and (key not in best or rank(act) < rank(best[key])):
            best[key] = act
    return {key: act.stance for key, act in best.items()}


# -- who acts --------------------------------------------------------------------------------------

def _acts(scene: Scene) -> list[Act]:
    rules = rule_set("reactions")
    acts: list[Act] = []
    inferred = _states_spoken_for(scene)
    for i, doc in enumerate(scene.docs):
        for match in rules.matches(doc):
            verb = match.token("verb")
            if verb is not None and (verb.dep_ == "relcl" or any(c.dep_ == "neg" for c in verb.children)):
                continue            # 'X, which denies ...' describes; 'did not respond' is no reaction
            if not _about_something(scene, i, match):
                continue
            actors = _actors(scene, i, match, acts, inferred)
            if match.token("speaker") is not None and not _speaks_for_subject(scene, i, match, actors, acts, inferred):
                continue
            for state, person in actors:
                acts.append(Act(i, state, person, match.constant("kind") or "speech", match.rule.id,
                                match.rule.confidence, *_words(match)))
    return acts


def _about_something(scene: Scene, i: int, match: RuleMatch) -> bool:
    """'termed the statement one-sided' reacts; 'termed the partnership indispensable' does not:
    what is named must be a statement, an event, a state or a pronoun for one."""
    what = match.token("what")
    if what is None or match.rule.id != "termed-it":
        return True
    thing = scene.thing_at(i, what)
    if thing is not None and thing.cls in (ctkg.State, ctkg.Attack):
        return True
    return what.lemma_.lower() in RESPONDABLE or what.lower_ in RESPONDABLE


def _speaks_for_subject(scene: Scene, i: int, match: RuleMatch, actors: list, before: list[Act],
                        inferred: dict) -> bool:
    """'According to X, Y condemned ...': X speaks for the reaction only when Y acts for X's state
    (or Y is no person at all: 'according to X, the text was one-sided')."""
    root = match.token("speaker").sent.root
    subjects = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects or not actors:
        return bool(actors)
    if _person_of(scene, i, subjects[0]) is None:
        return True
    theirs = _actor(scene, i, subjects[0], before, inferred)
    return theirs is not None and theirs[0] == actors[0][0]


def _words(match: RuleMatch) -> tuple[str, bool]:
    anchor = match.token("verb") or match.token("speaker") or match.token("actor")
    stance = stance_of(anchor)
    lemmas = words_of(anchor.sent.root if match.token("verb") is None else anchor)
    return stance, bool(lemmas & REACTION_WORDS)


def _actors(scene: Scene, i: int, match: RuleMatch, before: list[Act],
            inferred: dict) -> list[tuple[NamedNode, NamedNode | None]]:
    found = []
    tokens = conjuncts(match.token("actor")) if match.token("actor") is not None else \
        actor_tokens(match.token("verb"), match.token("speaker"))
    for token in tokens:
        actor = _actor(scene, i, token, before, inferred)
        if actor is not None and actor not in found:
            found.append(actor)
    return found


def _actor(scene: Scene, i: int, token, before: list[Act], inferred: dict) -> tuple[NamedNode, NamedNode | None] | None:
    """(state, person or None) the word stands for, read from the construction."""
    lower = token.lower_
    if lower in PERSON_PRONOUNS:
        found = _person_before(scene, i, token)
        return _person_actor(scene, found[0], found[1], before, inferred) if found is not None else None
    if lower in BODY_PRONOUNS:
        recent = _recent(before, i, with_person=False)
        return (recent.state, None) if recent is not None else None
    if _person_of(scene, i, token) is not None:
        return _person_actor(scene, i, token, before, inferred)
    thing = scene.thing_at(i, token)
    state = scene.state_of(i, token) if thing is not None else None
    if state is not None:
        return state, None
    lemma = token.lemma_.lower()
    if lemma not in INSTITUTIONS and lemma not in OFFICES:
        return None
    person = _person_in_apposition(scene, i, token)
    named = np_states(scene, i, token)
    if named:
        return named[0], person
    if person is not None and (scene.person_states.get(person) or inferred.get(person)) is not None:
        return scene.person_states.get(person) or inferred[person], person
    if lemma not in INSTITUTIONS:
        return None                 # 'a senior official said': no state of its own
    state = _agency_before(scene, i)
    if state is None:
        recent = _recent(before, i, with_person=False)
        state = recent.state if recent is not None else None
    return (state, person) if state is not None else None


def _person_actor(scene: Scene, i: int, token, before: list[Act], inferred: dict) -> tuple[NamedNode, NamedNode] | None:
    """A person acts for the state their noun phrase names ('State Department spokesman X'), else
    their post's state, else the state a construction elsewhere in the article gave them. An
    office-holder whose post names no state ('Home Minister X also lashed out', 'Foreign Ministry
    spokesperson X said') continues the state that has just acted in the sentence or two before;
    their later mentions keep it."""
    person = _person_of(scene, i, token)
    named = np_states(scene, i, token)
    state = named[0] if named else scene.person_states.get(person) or inferred.get(person)
    if state is None and _holds_office(token):
        recent = _recent(before, i, with_person=False)
        state = recent.state if recent is not None else None
        if state is not None:
            inferred[person] = state
    return (state, person) if state is not None else None


def _person_of(scene: Scene, i: int, token) -> NamedNode | None:
    """The person a word names: a resolved mention, else a bare surname of a person named earlier
    in the article ('Jane Roe said ... "...," Roe added') that the tagger read as something else."""
    thing = scene.thing_at(i, token)
    if thing is not None:
        return thing.iri if thing.cls == ctkg.Person else None
    if token.pos_ != "PROPN" or not token.text[:1].isupper() or any(c.dep_ == "compound" for c in token.children):
        return None
    for j in range(i, -1, -1):
        for other in scene.things[j]:
            if other.cls == ctkg.Person and other.label.split()[-1] == token.text and len(other.label.split()) > 1:
                return other.iri
    return None


def _holds_office(token) -> bool:
    """'[Defence Minister] X', 'X, [the Vice President]': the person's noun phrase names an office."""
    words = [t for c in token.children if c.dep_ in ("compound", "appos", "amod") for t in c.subtree]
    return any(t.lemma_.lower() in OFFICES or t.lemma_.lower() in SPOKESPEOPLE for t in words)


def _states_spoken_for(scene: Scene) -> dict:
    """Office-holders whose post names no state, with the state their own words speak for: a
    quoted or reported clause whose subject is a state taking a stance ('"The United States stands
    with X," he wrote'; 'she said Washington hoped ...')."""
    found: dict = {}
    for i, doc in enumerate(scene.docs):
        for verb in doc:
            if verb.lemma_.lower() not in SPEECH_VERBS or verb.pos_ != "VERB":
                continue
            subjects = [c for c in verb.children if c.dep_ == "nsubj"]
            state = _own_stance_state(scene, i, verb)
            if not subjects or state is None:
                continue
            subject = subjects[0]
            if subject.lower_ in PERSON_PRONOUNS:
                before = _person_before(scene, i, subject)
                if before is None:
                    continue
                j, subject = before
            else:
                j = i
            person = _person_of(scene, j, subject)
            if person is not None and scene.person_states.get(person) is None and _holds_office(subject):
                found.setdefault(person, state)
    return found


def _own_stance_state(scene: Scene, i: int, verb) -> NamedNode | None:
    for clause in verb.children:
        if clause.dep_ != "ccomp" or clause.lemma_.lower() not in OWN_STANCE:
            continue
        for subject in clause.children:
            thing = scene.thing_at(i, subject) if subject.dep_ == "nsubj" else None
            if thing is not None and thing.cls in (ctkg.State, ctkg.Place):
                return scene.state_of(i, subject)
    return None


def _recent(before: list[Act], i: int, with_person: bool) -> Act | None:
    """The latest act of the sentence or two before (a bare 'the ministry' or 'she' continues it)."""
    for act in reversed(before):
        if i - act.sentence > 2:
            return None
        if not with_person or act.person is not None:
            return act
    return None


def _agency_before(scene: Scene, i: int) -> NamedNode | None:
    """'In a statement, the Ministry of X said ... "...," the ministry said': the state of the agency
    named in this sentence or the two before."""
    for j in range(i, max(-1, i - 3), -1):
        for thing in reversed(scene.of_class(j, ctkg.GovernmentAgency)):
            states = scene.index.states_of(thing.iri)
            if len(states) == 1:
                return states[0]
    return None


def _person_before(scene: Scene, i: int, pronoun):
    """(sentence, token) of the person a 'he' or 'she' stands for: a person named earlier in the
    same sentence ("X's office said he had rejected"), else the subject of a sentence before."""
    if pronoun.head.dep_ not in ("ROOT",):
        for token in reversed(pronoun.doc[:pronoun.i]):
            thing = scene.thing_at(i, token)
            if thing is not None and thing.cls == ctkg.Person and token.dep_ in ("poss", "nsubj", "appos"):
                return i, token
    for j in range(i - 1, max(-1, i - 3), -1):
        for token in scene.docs[j]:
            if token.dep_ in ("nsubj", "nsubjpass"):
                thing = scene.thing_at(j, token)
                if thing is not None and thing.cls == ctkg.Person:
                    return j, token
    return None


def _person_in_apposition(scene: Scene, i: int, token) -> NamedNode | None:
    """'the ministry's spokesperson, X', 'the office of US Attorney X', "X's office": the person the
    noun names."""
    for child in token.children:
        targets = [child] if child.dep_ in ("appos", "poss") else \
            [c for c in child.children if c.dep_ == "pobj"] if child.dep_ == "prep" and child.lower_ == "of" else []
        for target in targets:
            thing = scene.thing_at(i, target)
            if thing is not None and thing.cls == ctkg.Person:
                return thing.iri
    return None


# -- what it responds to ---------------------------------------------------------------------------

class _LegalEvents:
    """The legal actions the Scene holds by sentence (the legal family runs in an earlier phase):
    'the court convicted X ... Y called the verdict an important step' responds to the conviction."""

    def __init__(self, scene: Scene):
        self.scene = scene

    def at(self, sentence: int) -> list[NamedNode]:
        return list(self.scene.legal_actions.get(sentence, ()))


def _responds_to(scene: Scene, act: Act, legal: _LegalEvents) -> NamedNode | None:
    joint = scene.statement if len(scene.statement_states) >= 2 else None
    parties = set(scene.meeting_states) | (set(scene.statement_states) if joint is not None else set())
    if act.state in parties:
        # an issuer does not reject its own text; a state named in it may ('unwarranted references')
        return joint if act.kind == "adversarial" and joint is not None else None
    words = {t.lemma_.lower() for t in scene.docs[act.sentence]}
    about_legal = bool(words & LEGAL_WORDS) and not words & STATEMENT_WORDS
    if about_legal and legal.at(act.sentence):
        return legal.at(act.sentence)[0]
    named = scene.attacks.get(act.sentence, ())
    if named:
        return named[0]
    if joint is not None:
        return joint
    if scene.main_meeting is not None:
        return scene.main_meeting
    lead = range(min(LEAD_SENTENCES, len(scene.docs)))
    order = (legal.at, scene.attacks.get) if about_legal else (scene.attacks.get, legal.at)
    for events_at in order:
        for j in lead:
            if events_at(j):
                return events_at(j)[0]
    if not words & STATEMENT_WORDS:
        # 'Pakistan denied any role': the attack the report is about, when it names one
        first_attack = next((scene.attacks[j][0] for j in sorted(scene.attacks) if scene.attacks[j]), None)
        if first_attack is not None:
            return first_attack
    if scene.statement is not None and act.state not in scene.statement_states and act.kind == "adversarial":
        return scene.statement      # rejecting what another state's statement said
    return None


# -- the facts -------------------------------------------------------------------------------------

def _reaction(out: FoundBuilder, scene: Scene, act: Act, target: NamedNode, stance: str | None) -> None:
    iri = NamedNode(f"{target.value}/reaction/{slug(local_name(act.state))}")
    i, rule, conf = act.sentence, act.rule, act.confidence
    if iri not in out.events:
        out.declare(iri, ctkg.Reaction, f"{scene.label(act.state)}'s reaction to {scene.label(target)}", i, rule, conf)
        out.add(iri, ctkg.issuedBy, act.state, i, rule, conf)
        out.add(iri, ctkg.respondsTo, target, i, rule, conf)
        if stance:
            out.add(iri, ctkg.stance, literal(stance), i, rule, conf - 0.1)
        date = _date(scene, i)
        if date is not None:
            out.add(iri, ctkg.published, literal(date, datatype=xsd.date), i, rule, conf - 0.1)
    if act.person is not None:
        out.add(iri, ctkg.spokesperson, act.person, i, rule, conf)


def _date(scene: Scene, i: int) -> dt.date | None:
    """The sentence's own date when it names one near the article date, else the article date."""
    ref = scene.date
    if ref is None:
        return None
    span = find_date(scene.docs[i].text, ref)
    if span is not None and span.start is not None and ref - DATE_WINDOW <= span.start <= ref:
        return span.start
    return ref
