"""Terrorist groups a meeting or a joint statement names (kg/rules/groups_named.yaml).

A rule finds where a list of groups stands (the `target`: the object of 'action against', of
'combat', of 'listed', the members of 'groups including/such as') and the word it belongs to
(the `trigger`). The groups are the mentions of the list the target stands in: its conjuncts,
appositions and members, and the names next to it apart only by list punctuation ('X, Y (Z) and
the W'). A name that qualifies another noun is no group named ('LeT operative X', 'JeM chief X').

Who names them decides: the subject of the verb above the trigger (past the addressee of a verb
of asking: 'urged Pakistan to act against X' is the urger's) must be the meeting's or the joint
statement's parties: the statement itself ('the document', 'it' after a sentence about the
statement), 'the two sides', 'the ministers', 'they', the parties' states or people. A third
state's words, or a group only as the author of an attack, name nothing. The groups go to the
joint statement when the sentence speaks of it, else to the meeting the sentence reports; an
article with neither (a single party's statement, a phone call) names no groups.
"""
from __future__ import annotations


from kg.extract.grammar import conjuncts, modifiers
from kg.extract.grammar_groups_named import governing_subjects, list_span, list_tokens, modifies_other_noun
from kg.extract.rules import RuleMatch, rule_set
from kg.extract.scene import Found, FoundBuilder, Scene, Thing
from kg.terms import NamedNode, ctkg, rdf

PHASE = 3
STATEMENT_NOUNS = {"statement", "declaration", "communique", "communiqué", "document", "text", "readout"}
COLLECTIVE = {"side", "minister", "leader", "government", "country", "nation", "delegation", "they", "both",
              "we", "partner", "participant", "co-chair", "chair", "party", "two", "head", "counterpart",
              "official", "meeting", "talks", "dialogue", "summit"}
PRONOUNS = {"it", "this"}
# verbs whose object is asked to act: 'urged Pakistan to act against X'
ASKING = {"urge", "ask", "call", "press", "demand", "request", "want", "expect", "push", "exhort", "tell",
          "encourage", "appeal"}
STATEMENT_CLASSES = (ctkg.JointStatement, ctkg.JointDeclaration, ctkg.Statement)


def rows(extraction, label, rule: str) -> list[dict]:
    """One rule's groups as {group, event} rows; event is 'statement' or 'meeting'."""
    types: dict = {}
    for fact in extraction.facts:
        if fact.predicate == rdf.type:
            types.setdefault(fact.subject, set()).add(fact.object)
    found = []
    for fact in extraction.facts:
        if fact.rule == rule and fact.predicate == ctkg.namesGroup:
            kind = "statement" if types.get(fact.subject, set()) & set(STATEMENT_CLASSES) else "meeting"
            found.append({"group": label(fact.object), "event": kind})
    return found


def find(scene: Scene) -> Found:
    out = FoundBuilder()
    rules = rule_set("groups_named")
    seen: set = set()
    for i, doc in enumerate(scene.docs):
        if not scene.of_class(i, ctkg.TerroristGroup):
            continue
        for match in rules.matches(doc):
            groups = _groups(scene, i, match.token("target"))
            if not groups:
                continue
            speaker = _speaker(scene, i, match)
            if speaker is None:
                continue
            event = _event(scene, i, speaker == "statement")
            for group in groups:
                if (event, group, i) not in seen:   # the first rule of the file that reads it
                    seen.add((event, group, i))
                    out.add(event, ctkg.namesGroup, group, i, match.rule.id, match.rule.confidence)
    return out.done()


def _groups(scene: Scene, i: int, target) -> list[NamedNode]:
    """The groups of the list the target stands in, in text order."""
    text = scene.docs[i].text
    groups = scene.of_class(i, ctkg.TerroristGroup)
    listed: list[Thing] = []
    for token in list_tokens(target):
        thing = _group_at(scene, i, token)
        if thing is not None and thing not in listed:
            listed.append(thing)
    for thing in list(listed):
        for other in list_span(groups, thing, text):
            if other not in listed and not _qualifies(scene, i, other):
                listed.append(other)
    return list(dict.fromkeys(t.iri for t in sorted(listed, key=lambda t: t.start)))


def _group_at(scene: Scene, i: int, token) -> Thing | None:
    thing = scene.thing_at(i, token)
    if thing is None or thing.cls != ctkg.TerroristGroup or _qualifies(scene, i, thing):
        return None
    return thing


def _qualifies(scene: Scene, i: int, thing: Thing) -> bool:
    """The mention qualifies another noun ('LeT operative X')."""
    doc = scene.docs[i]
    words = [t for t in doc if thing.start <= t.idx < thing.end]
    inside = {t.i for t in words}
    heads = [t for t in words if t.head.i not in inside or t.head.i == t.i]
    def other_name(word) -> bool:
        other = scene.thing_at(i, word)
        return other is not None and other.cls != ctkg.Person

    return bool(heads) and all(modifies_other_noun(t, lambda w: w.i in inside, other_name) for t in heads)


def _speaker(scene: Scene, i: int, match: RuleMatch) -> str | None:
    """'statement' when the statement names the groups, 'party' when the meeting's parties do,
    else None: a subject of another state, or none that is known. A group among the subjects is
    a list the parser broke, not a speaker; a word nothing resolves (a dateline's city) is passed."""
    parties = set(scene.meeting_states) | (set(scene.statement_states) if _joint(scene) else set())
    kinds = set()
    for subject in governing_subjects(match.token("trigger"), ASKING):
        for token in conjuncts(subject):
            thing = scene.thing_at(i, token)
            if thing is not None and thing.cls == ctkg.TerroristGroup:
                continue
            kinds.add(_party(scene, i, token, parties))
    if "other" in kinds:
        return None
    return "statement" if "statement" in kinds else "party" if "party" in kinds else None


def _party(scene: Scene, i: int, token, parties: set) -> str | None:
    """'statement', 'party', 'other' (another state or its people), or None (not known)."""
    lemma = token.lemma_.lower()
    if lemma in STATEMENT_NOUNS:
        return "statement"
    if token.lower_ in PRONOUNS:
        return "statement" if _statement_before(scene, i, token) else None
    state = scene.state_of(i, token)
    if state is not None:
        return "party" if state in parties else "other"
    thing = scene.thing_at(i, token)
    if thing is not None and thing.cls == ctkg.InternationalOrganization:
        return "other"
    if lemma in COLLECTIVE or token.lower_ in COLLECTIVE:
        for word in modifiers(token):
            named = scene.state_of(i, word)
            if named is not None and named not in parties:
                return "other"
        return "party"
    return None


def _statement_before(scene: Scene, i: int, pronoun) -> bool:
    """'It' stands for a statement named earlier in its sentence or as the subject of the one before."""
    if any(t.lemma_.lower() in STATEMENT_NOUNS for t in scene.docs[i] if t.i < pronoun.i):
        return True
    if i == 0:
        return False
    return any(t.lemma_.lower() in STATEMENT_NOUNS and t.dep_ in ("nsubj", "nsubjpass")
               for t in scene.docs[i - 1])


def _joint(scene: Scene) -> bool:
    return scene.statement is not None and len(scene.statement_states) >= 2


def _event(scene: Scene, i: int, of_statement: bool) -> NamedNode | None:
    """The joint statement when the sentence speaks of it, else the meeting the sentence reports."""
    speaks = of_statement or any(t.lemma_.lower() in STATEMENT_NOUNS - {"text"}
                                 for t in scene.docs[i])
    meeting = scene.meeting_at(i)
    if _joint(scene) and (speaks or meeting is None):
        return scene.statement
    return meeting
