"""Summits, conferences and plenaries beside the article's own meeting (kg/rules/summits.yaml).

'X, Y and Z held the first Leaders' Summit', 'a conference on Z, attended by X and Y', 'X
addressed a high-level conference on Z the same day', 'a plenary of the task force opens in
Paris on Sunday': a meeting named by its noun phrase and keyed by that name and its date or
month. The sentence must date it ('the same day' is the sentence before's date); a plenary the
report announces for a day after it is planned, not held. The people who held or attended it
lead their states' sides; a sentence that already reports the article's own meeting gives that
meeting its leaders instead of a new one. Press and news conferences are no meetings.
"""
from __future__ import annotations

import re


from kg.dates import MONTH_NAMES, WEEKDAY_PATTERN, find_date, next_weekday
from kg.extract import talks
from kg.extract.grammar import conjuncts
from kg.extract.grammar_talks import person_at, sentence_span, when_key, write_dates, write_side
from kg.extract.rules import RuleMatch, rule_set
from kg.extract.scene import Found, FoundBuilder, Scene
from kg.terms import NamedNode, ctkg, mint, skos
from kg.vocab import slug

PHASE = 1   # reports meetings, which the later families read
NOT_MEETINGS = {"press", "news", "media", "telephone", "phone", "video", "next", "previous", "last", "future",
                "upcoming"}
NAME_DEPS = {"amod", "compound", "poss", "case", "punct", "nmod"}
ORDINAL_WORDS = {"first", "second", "third", "fourth", "fifth", "inaugural", "annual"}


def find(scene: Scene) -> Found:
    out = FoundBuilder()
    main_start = _main_start(scene)
    for i, doc in enumerate(scene.docs):
        done: set[int] = set()
        for match in rule_set("summits").matches(doc):
            event = match.token("event")
            if event.i in done or _not_a_meeting(event):
                continue
            done.add(event.i)
            meeting = _meeting(out, scene, i, match, main_start)
            if meeting is not None and match.token("leader") is not None:
                _leaders(out, scene, i, match, meeting)
    return out.done()


def _not_a_meeting(event) -> bool:
    return any(c.lower_ in NOT_MEETINGS for c in event.children if c.dep_ in ("amod", "compound", "nmod"))


def _main_start(scene: Scene):
    for i in sorted(scene.meetings):
        if scene.meetings[i] == scene.main_meeting:
            span = find_date(scene.article.sentences[i].text, scene.date)
            return (span.start.month, span.start.year) if span and span.start else None
    return None


def _meeting(out: FoundBuilder, scene: Scene, i: int, match: RuleMatch, main_start) -> NamedNode | None:
    if i in scene.meetings:
        return scene.meetings[i] if scene.meetings[i] == scene.main_meeting else None
    span = sentence_span(scene, i)
    if span is None:
        return None
    event, rule, confidence = match.token("event"), match.rule.id, match.rule.confidence
    start, planned = _start(scene, i, event, span)
    month = (start.month, start.year) if start else span.month_year
    if main_start is not None and month == main_start:
        return None   # the article's own meeting, named again
    participants = _participants(scene, i, event)
    if not participants and match.token("leader") is None:
        return None   # a meeting nobody is named at is no fact to state
    name = _name(event)
    iri = mint("event/meeting", f"summit {slug(name)} {when_key(span, scene) if not start else start.isoformat()}")
    cls = ctkg.Summit if event.lower_ == "summit" else ctkg.Meeting
    out.declare(iri, cls, f"{name} ({MONTH_NAMES[month[0] - 1]} {month[1]})", i, rule, confidence)
    out.reports(i, iri)
    out.add(iri, ctkg.eventStatus, ctkg.Planned if planned else ctkg.Held, i, rule, confidence)
    write_dates(out, iri, span, i, rule, confidence, start)
    for party in participants:
        out.add(iri, ctkg.participant, party, i, rule, confidence)
    return iri


def _participants(scene: Scene, i: int, event) -> list[NamedNode]:
    """Who the sentence has taking part: the subject that addressed or attended it (a person and
    their state, or a state), and the states and organizations its noun phrase names ('a plenary
    of the task force', 'a conference at the UN General Assembly')."""
    found = []
    if event.dep_ == "dobj":
        subject = next((c for c in event.head.children if c.dep_ == "nsubj"), None)
        thing = person_at(scene, i, subject) if subject is not None else None
        if thing is not None:
            found += [thing.iri] + ([scene.person_states[thing.iri]] if thing.iri in scene.person_states else [])
        elif subject is not None and scene.thing_at(i, subject) is not None and scene.thing_at(i, subject).cls == ctkg.State:
            found.append(scene.thing_at(i, subject).iri)
    words = list(event.subtree)
    start, end = words[0].idx, words[-1].idx + len(words[-1])
    found += [t.iri for t in scene.things_in(i, start, end)
              if t.cls in (ctkg.State, ctkg.InternationalOrganization)]
    return list(dict.fromkeys(found))


def _start(scene: Scene, i: int, event, span):
    """(start day, planned): a weekday in a clause about what is to come ('opens on Sunday',
    'will open on Sunday') is the first such day after the article date."""
    verb = event.head if event.dep_ in ("nsubj", "nsubjpass") else None
    future = verb is not None and (verb.tag_ in ("VBZ", "VBP") or any(c.lower_ in ("will", "'ll") for c in verb.children))
    weekday = re.search(rf"\bon\s+({WEEKDAY_PATTERN})", scene.article.sentences[i].text)
    if future and weekday and scene.date and span.how.startswith("the weekday"):
        return next_weekday(weekday.group(1), scene.date), True
    return span.start, bool(future and span.start and scene.date and span.start > scene.date)


def _name(event) -> str:
    """The noun phrase without its article and ordinal: "Indo-Pacific Leaders' Summit",
    'high-level conference on maritime security', 'plenary of the Financial Action Task Force'."""
    left = [t for t in event.subtree if t.i < event.i and t.dep_ != "det" and t.lower_ not in ORDINAL_WORDS
            and not t.like_num]
    words = [t for t in left if t.i >= min((w.i for w in left if w.head.i == event.i or w.head in left), default=event.i)]
    phrase = [t.text_with_ws for t in words] + [event.text]
    for prep in event.children:
        if prep.dep_ == "prep" and prep.lower_ in ("on", "of", "against"):
            inner = [t for t in prep.subtree if not (t.dep_ in ("appos",) or any(a.dep_ == "appos" for a in t.ancestors if a.i > prep.i))]
            inner = [t for t in inner if not any(a.dep_ == "prep" and a.i != prep.i and a.i > prep.i for a in t.ancestors)
                     or t.i == prep.i]
            phrase.append(" " + "".join(t.text_with_ws for t in inner if t.dep_ != "prep" or t.i == prep.i).strip())
            break
    return re.sub(r"\s+", " ", "".join(phrase)).replace(" - ", "-").strip(" ,")


def _leaders(out: FoundBuilder, scene: Scene, i: int, match: RuleMatch, meeting: NamedNode) -> None:
    for token in conjuncts(match.token("leader")):
        thing = person_at(scene, i, token)
        state = scene.person_states.get(thing.iri) if thing is not None else None
        if state is not None:
            write_side(out, scene, meeting, state, thing.iri, i, match.rule.id, match.rule.confidence)


def rows(extraction, label, rule: str) -> list[dict]:
    """One rule's events as {event, start, status} rows, and {event, start, leader, state} rows
    for their sides."""
    found = talks.rows(extraction, label, rule)
    for row in found:
        row["event"] = re.sub(r"\s*\([^)]*\)$", "", row.pop("meeting"))
    names = {f.subject: re.sub(r"\s*\([^)]*\)$", "", f.object.value) for f in extraction.facts
             if f.rule == rule and f.predicate == skos.prefLabel}
    starts = {f.subject: f.object.value for f in extraction.facts
              if f.rule == rule and f.predicate in (ctkg.startDate, ctkg.startMonth)}
    for f in extraction.facts:
        if f.rule == rule and f.predicate == ctkg.eventStatus:
            found.append({"event": names.get(f.subject, ""), "start": starts.get(f.subject, "unknown"),
                          "status": label(f.object).rsplit("#", 1)[-1]})
    return found

