"""Statements an article reports: joint and outcome statements, communiqués, declarations, and a
single party's statement, with who issued them, where and when (kg/rules/statements.yaml).

A stage, not a family: reactions, calls to act and groups named read the article's statement
(`Scene.statement`, `Scene.statement_states`), so kg.events runs `find_statements` after the
meetings and before the families, and this module's `find` returns nothing.

A statement's issuers come from its construction ('issued by X and Y', 'X and Y said in a joint
statement', 'the X-Y joint statement'); 'the two sides', 'the ministers' and 'their' stand for
the states of the meeting. A statement is issued at the meeting its sentence reports, else at
another round of the article's series when the sentence dates one ('when the group held its 15th
meeting on March 27, 2018, the outcome statement ...'), else at the main meeting when the
sentence names no other date; a statement of another occasion ('when X and Y met on September 24,
2021, their joint statement ...') is keyed by its issuers and date. A joint statement issued at
a meeting is named after it ('Joint statement of the 16th X Working Group') and keyed by it;
the article that is the statement itself (a headline 'Joint X-Y Statement: ...') gives it its
own name. 'The statement said' with nobody named is the statement already found.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Mapping


from kg.dates import MONTH_NAMES, find_date
from kg.extract.grammar import conjuncts, modifiers, prep_objects, subject_of
from kg.extract.numbers import ordinal_value
from kg.extract.rules import RuleMatch, rule_set
from kg.extract.scene import Found, FoundBuilder, Scene
from kg.terms import NamedNode, ctkg, literal, local_name, mint, rdf, skos, xsd
from kg.vocab import slug

ISSUER_CLASSES = (ctkg.State, ctkg.GovernmentAgency, ctkg.InternationalOrganization)
COLLECTIVE = {"side", "government", "country", "nation", "minister", "leader", "delegation", "they",
              "their", "both", "official", "party", "participant", "co-chair", "we", "our"}
MEETING_WORDS = {"meeting", "session", "round", "met", "meet", "held", "summit", "talks", "dialogue"}
DATED = re.compile(r"\s*\([^()]*\d{4}\)$")     # 'X Working Group (March 2019)'
ARTICLE_IS_STATEMENT = re.compile(r"\bfollowing\s+(?:joint\s+)?statement\b|^begin text", re.I)


@dataclass(frozen=True)
class MeetingInfo:
    """What the meetings stage found about a meeting: its label, session number and dates, and
    whether it is a session of a series (a working group, a dialogue) rather than a one-off."""

    label: str
    session: int | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    in_series: bool = True


@dataclass(frozen=True)
class StatementsFound:
    """The stage's facts, the article's statement (the joint statement of the main meeting, else
    the first joint one, else the first of one party) and its issuing states, and the states of
    the main meeting when only its statement named them."""

    found: Found
    statement: NamedNode | None = None
    statement_states: tuple[NamedNode, ...] = ()
    meeting_states: tuple[NamedNode, ...] = ()


@dataclass
class _Statement:
    sentence: int
    token_i: int
    kind: str                     # Joint statement | Outcome statement | Joint declaration | Statement
    issuers: list                 # IRIs
    from_text: bool               # the issuers were read from the construction
    meeting: NamedNode | None
    meeting_label: str | None
    date: dt.date | None
    rule: str
    confidence: float
    own_date: bool = False        # the sentence dates it (not the meeting or the article)
    iri: NamedNode | None = None
    label: str = ""
    at_main: bool = False
    people: list = field(default_factory=list)    # the leaders who issued it, when the text names them


def find(scene: Scene) -> Found:
    """Nothing: statements are a stage that kg.events runs before the families (find_statements)."""
    return Found()


def rows(extraction, label, rule: str) -> list[dict]:
    """One rule's statements as {statement, kind, issuer, event} rows, one per issuer."""
    names = {f.subject: f.object.value for f in extraction.facts if f.predicate == skos.prefLabel}
    mine = [f.subject for f in extraction.facts if f.rule == rule and f.predicate == rdf.type]
    found = []
    for iri in dict.fromkeys(mine):
        kinds = [f.object for f in extraction.facts if f.subject == iri and f.predicate == rdf.type]
        kind = next((k for k in (ctkg.JointDeclaration, ctkg.JointStatement, ctkg.Statement) if k in kinds), None)
        base = {"statement": names.get(iri, iri.value), "kind": local_name(kind)}
        event = [f.object for f in extraction.facts if f.subject == iri and f.predicate == ctkg.issuedAt]
        if event:
            base["event"] = names.get(event[0]) or label(event[0])
        issuers = [label(f.object) for f in extraction.facts if f.subject == iri and f.predicate == ctkg.issuedBy]
        found.extend(dict(base, issuer=i) for i in dict.fromkeys(issuers or [""]))
    return found


def find_statements(scene: Scene, meetings: Mapping[NamedNode, MeetingInfo]) -> StatementsFound:
    """The statements of an article, sentence by sentence, one per statement noun."""
    rules = rule_set("statements")
    seen: dict[tuple[int, int], _Statement] = {}
    for i, doc in enumerate(scene.docs):
        matches = sorted(rules.matches(doc), key=lambda m: -m.rule.confidence)
        for match in matches:
            key = (i, match.token("statement").i)
            if key in seen:
                continue
            statement = _statement(scene, meetings, i, match)
            if statement is not None:
                seen[key] = statement
    statements = list(seen.values())
    return _emit(scene, meetings, statements)


# -- one mention --------------------------------------------------------------------------------

def _statement(scene: Scene, meetings, i: int, match: RuleMatch) -> _Statement | None:
    noun = match.token("statement")
    kind = _kind(noun)
    own_words, words = _issuer_words(match, noun)
    issuers = _issuers(scene, i, own_words)     # the noun's own 'by X and Y', 'X-Y', 'their' first
    words = own_words if issuers else own_words + words
    issuers = issuers or _issuers(scene, i, words)
    people = [t.label for w in words if (t := scene.thing_at(i, w)) is not None and t.cls == ctkg.Person]
    collective = any(w.lemma_.lower() in COLLECTIVE or w.lower_ in COLLECTIVE for w in words)
    joint = kind != "Statement" or len([s for s in issuers if _is_state(scene, s)]) >= 2 or (
        collective and not issuers and scene.meeting_at(i) is not None)     # 'issued by the two sides'
    if not joint:
        if match.constant("issuers") == "noun" or not issuers:
            return None         # 'the statement said': the statement already found
        return _Statement(i, noun.i, "Statement", issuers[:1], True, None, None, None, match.rule.id,
                          match.rule.confidence)
    meeting, meeting_label, date, own = _occasion(scene, meetings, i, match)
    if kind == "Statement":
        kind = "Joint statement"
    states = [s for s in issuers if _is_state(scene, s)]
    from_text = len(states) >= 2
    if not from_text:
        if (collective or not states) and meeting is not None and _of_main_series(scene, meeting):
            states = [s for s in scene.meeting_states if _is_state(scene, s)] or states
        if len(states) < 2:
            states = _sentence_states(scene, i, noun)
            if collective:      # 'when X and Y met ..., their joint statement': X and Y issued it
                people = [t.label for t in scene.things[i] if t.cls == ctkg.Person and t.start < noun.idx]
    if len(states) < 2:
        return None             # a joint statement needs two parties the text names
    statement = _Statement(i, noun.i, kind, states, from_text, meeting, meeting_label, date, match.rule.id,
                           match.rule.confidence, own_date=own)
    statement.people = list(dict.fromkeys(people)) if len(set(people)) >= 2 else []
    return statement


def _kind(noun) -> str:
    words = {c.lower_ for c in noun.children if c.dep_ in ("amod", "compound")}
    if "outcome" in words:
        return "Outcome statement"
    if noun.lemma_.lower() == "declaration" and "joint" in words:
        return "Joint declaration"
    if "joint" in words or noun.lemma_.lower() in ("communiqué", "communique"):
        return "Joint statement"
    return "Statement"


def _issuer_words(match: RuleMatch, noun) -> tuple[list, list]:
    """The words that name the statement's issuers: the noun's own modifiers and 'by' phrase, and
    those of its construction (the verb's subject or agent)."""
    words, own = [], []
    verb = match.token("verb")
    how = match.constant("issuers")
    if verb is not None and how == "agent":
        for obj in prep_objects(verb, ("by",)):
            words += conjuncts(obj)
    if verb is not None and how == "subject":
        subject = subject_of(verb)
        if subject is not None:
            words += conjuncts(subject)
    for mod in modifiers(noun) + prep_objects(noun, ("by", "between")):
        if mod.lower_ not in ("joint", "outcome"):
            own += conjuncts(mod)
    return own, words


def _issuers(scene: Scene, i: int, words) -> list:
    """States (and agencies or bodies, for a party's own statement) the words stand for; a noun like
    'the Governments of X and Y' through its modifiers; a person through the state of their post."""
    found = []
    for word in words:
        thing = scene.thing_at(i, word)
        if thing is not None and thing.cls in ISSUER_CLASSES:
            found.append(thing.iri)
            continue
        state = scene.state_of(i, word)
        if state is not None:
            found.append(state)
            continue
        if word.pos_ in ("NOUN", "PROPN"):
            for mod in modifiers(word):
                for each in conjuncts(mod):
                    state = scene.state_of(i, each)
                    if state is not None:
                        found.append(state)
    return list(dict.fromkeys(found))


def _is_state(scene: Scene, iri) -> bool:
    known = scene.index.known.get(iri)
    if known is not None:
        return known.cls == ctkg.State
    return any(t.iri == iri and t.cls == ctkg.State for things in scene.things for t in things)


def _sentence_states(scene: Scene, i: int, noun) -> list:
    """The states named before the statement noun in its sentence, or acting through the people
    named there ('when X and Y met ..., their joint statement'), else all the states the sentence
    names: the last resort, as the earlier regex stage read it."""
    before = [_state_of_thing(scene, t) for t in scene.things[i] if t.start < noun.idx]
    before = list(dict.fromkeys(s for s in before if s is not None))
    if len(before) >= 2:
        return before
    return list(dict.fromkeys(t.iri for t in scene.things[i] if t.cls == ctkg.State))


def _state_of_thing(scene: Scene, thing):
    if thing.cls == ctkg.State:
        return thing.iri
    if thing.cls == ctkg.Person:
        return scene.person_states.get(thing.iri)
    return None


def _of_main_series(scene: Scene, meeting) -> bool:
    """The main meeting, or another round of its series (whose states are the same)."""
    if meeting == scene.main_meeting:
        return True
    series = scene.main_series
    return series is not None and meeting.value.startswith(mint("event/meeting", series.key).value)


# -- which occasion -----------------------------------------------------------------------------

def _occasion(scene: Scene, meetings, i: int, match: RuleMatch):
    """(meeting IRI, its label, the statement's date, whether the sentence dates it). The date is
    read in the clause of the statement's verb ('X and Y issued a joint statement on Monday'), or
    in the statement's own phrase, never elsewhere in the sentence ('Z on Monday protested at
    last week's joint statement')."""
    span = find_date(_clause_text(match), scene.date)
    day = span.start if span and span.start else None
    if i in scene.meetings:
        meeting = scene.meetings[i]
        return meeting, _meeting_label(meetings, meeting), _meeting_date(meetings, meeting, day), False
    main = meetings.get(scene.main_meeting) if scene.main_meeting else None
    if day is not None and main is not None and main.start is not None and abs((day - main.start).days) > 3:
        return _other_round(scene, i, day)
    if day is not None and (main is None or main.start is None) and scene.main_meeting is not None \
            and scene.date is not None and abs((scene.date - day).days) > 31:
        return _other_round(scene, i, day)
    meeting = scene.meeting_at(i)
    if meeting is not None:
        return meeting, _meeting_label(meetings, meeting), _meeting_date(meetings, meeting, day), False
    return None, None, day or scene.date, day is not None


def _clause_text(match: RuleMatch) -> str:
    top = match.token("verb") or match.token("statement")
    tokens = sorted(top.subtree, key=lambda t: t.i)
    return "".join(t.text_with_ws for t in tokens)


def _other_round(scene: Scene, i: int, day: dt.date):
    """Another round of the main series, when the sentence speaks of a meeting ('its 15th meeting'),
    keyed as the rounds family keys it (series and month); else no meeting, the sentence's date."""
    doc = scene.docs[i]
    series = scene.main_series
    if series is None or not any(t.lower_ in MEETING_WORDS for t in doc):
        return None, None, day, True
    if any(t.lower_ in ("met", "meet") for t in doc) and not any(t.lower_ in ("meeting", "session", "round") for t in doc):
        return None, None, day, True       # 'when X and Y met on ...': an occasion of its own
    number = next((ordinal_value(t.text) for t in doc if ordinal_value(t.text) and t.head.lower_ in
                   ("meeting", "session", "round")), None)
    iri = mint("event/meeting", f"{series.key} {day.year}-{day.month:02d}")
    label = f"{_ordinal(number)} {series.label}" if number else f"{series.label} ({MONTH_NAMES[day.month - 1]} {day.year})"
    return iri, label, day, True


def _meeting_label(meetings, meeting) -> str | None:
    """The name a statement issued at a session of a series takes from it ('Joint statement of
    the 16th X Working Group'); a one-off meeting lends none (its statement is named after its
    issuers and date)."""
    info = meetings.get(meeting)
    if info is None or not info.in_series:
        return None
    if info.session:
        return f"{_ordinal(info.session)} {DATED.sub('', info.label)}"
    return info.label


def _meeting_date(meetings, meeting, day) -> dt.date | None:
    info = meetings.get(meeting)
    return (info.start if info else None) or day


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


# -- facts --------------------------------------------------------------------------------------

def _identify(scene: Scene, s: _Statement) -> None:
    names = [scene.label(x) for x in s.issuers]
    when = s.date or scene.date
    if s.kind == "Statement":
        key = f"{names[0]} {when:%Y-%m}" if when else f"{names[0]} {scene.article.id}"
        s.iri = mint("event/statement", key)
        s.label = f"Statement of {names[0]}{_when_label(when, False)}"
        return
    if s.meeting is not None:
        s.iri = NamedNode(f"{s.meeting.value}/joint-statement")
        s.label = (f"{s.kind} of the {s.meeting_label}" if s.meeting_label
                   else f"{s.kind} of {' and '.join(names)}{_when_label(when, False)}")
        return
    issuers = "-".join(sorted(slug(n) for n in names))
    stamp = (f"{when:%Y-%m-%d}" if s.own_date else f"{when:%Y-%m}") if when else scene.article.id
    s.iri = mint("event/statement", issuers, stamp)     # the day only when the sentence gives it
    who = s.people or names      # 'by President X and Prime Minister Y': the leaders name it
    s.label = f"{s.kind} of {' and '.join(who)}{_when_label(when, s.own_date)}"


def _when_label(when: dt.date | None, day: bool) -> str:
    if when is None:
        return ""
    month = MONTH_NAMES[when.month - 1]
    return f" ({month} {when.day}, {when.year})" if day else f" ({month} {when.year})"


def _headline(scene: Scene) -> str | None:
    """The statement's own name, when the article is the statement ('Joint X-Y Statement: ...')."""
    title = scene.article.title or ""
    head = title.split(":")[0].strip()
    if re.search(r"\bstatement\b", head, re.I) and re.match(r"joint\b", head, re.I):
        return head
    return None


def _emit(scene: Scene, meetings, statements: list[_Statement]) -> StatementsFound:
    out = FoundBuilder()
    for s in statements:
        _identify(scene, s)
        s.at_main = s.meeting is not None and s.meeting == scene.main_meeting
    joint = [s for s in statements if s.kind != "Statement"]
    main = next((s for s in joint if s.at_main), None) or (joint[0] if joint else None) \
        or (statements[0] if statements else None)
    own = _headline(scene)
    is_article = any(ARTICLE_IS_STATEMENT.search(sent.text) for sent in scene.article.sentences[:3])
    if main is not None and main.kind != "Statement" and own and (is_article or main.at_main):
        for s in statements:
            if s.iri == main.iri:
                s.label = own
    done: set = set()
    for s in statements:
        _emit_one(out, scene, s, done)
    if main is None:
        return StatementsFound(out.done())
    states = tuple(x for x in main.issuers if _is_state(scene, x)) if main.kind != "Statement" else \
        tuple([main.issuers[0]] if _is_state(scene, main.issuers[0]) else scene.index.states_of(main.issuers[0]))
    meeting_states = ()
    if main.at_main and not scene.meeting_states and main.kind != "Statement":
        meeting_states = tuple(main.issuers)
        for st in main.issuers:
            out.add(scene.main_meeting, ctkg.participant, st, main.sentence, "statement-issuers", 0.6)
    return StatementsFound(out.done(), main.iri, states, meeting_states)


def _emit_one(out: FoundBuilder, scene: Scene, s: _Statement, done: set) -> None:
    first = s.iri not in done
    done.add(s.iri)
    if first:
        cls = {"Joint declaration": ctkg.JointDeclaration, "Statement": ctkg.Statement}.get(s.kind, ctkg.JointStatement)
        out.declare(s.iri, cls, s.label, s.sentence, s.rule, s.confidence)
        if cls == ctkg.JointDeclaration:
            out.add(s.iri, rdf.type, ctkg.JointStatement, s.sentence, s.rule, s.confidence)
        when = s.date or scene.date
        if when is not None:
            how = s.rule if s.own_date else "article-date"
            out.add(s.iri, ctkg.published, literal(when, datatype=xsd.date), s.sentence, how, 0.6)
        if s.meeting is not None:
            out.add(s.iri, ctkg.issuedAt, s.meeting, s.sentence, s.rule, s.confidence * 0.9)
    if first or s.from_text:
        for issuer in s.issuers:
            out.add(s.iri, ctkg.issuedBy, issuer, s.sentence, s.rule, s.confidence * (1 if s.from_text else 0.9))
