"""Other rounds of the article's main series, each dated in its own sentence (kg/rules/rounds.yaml).

'The panel first met by video link on 3 May 2017' in a report of the third meeting
is the first meeting of the same series: a meeting of its own, keyed like every meeting by its
series and month (so that a report of that round itself meets it), with the date, session
number, place or virtual flag its sentence gives.
"""
from __future__ import annotations

import re


from kg.dates import MONTH_NAMES, find_date
from kg.extract.numbers import ordinal_value
from kg.extract.rules import RuleMatch, rule_set
from kg.extract.scene import Found, FoundBuilder, Scene
from kg.terms import NamedNode, ctkg, literal, mint, xsd

PHASE = 1   # reports meetings, which the later families read
VIRTUAL_WORDS = {"virtually", "virtual", "video", "videoconference", "online"}


def find(scene: Scene) -> Found:
    out = FoundBuilder()
    series = scene.main_series
    if series is None or scene.main_meeting is None:
        return out.done()
    main_start = _main_start(scene)
    for i, doc in enumerate(scene.docs):
        if i in scene.meetings:
            continue   # the sentence already reports a meeting (the main one)
        for match in rule_set("rounds").matches(doc):
            if _names_another_series(match, series.label):
                continue
            span = find_date(scene.article.sentences[i].text, scene.date)
            if span is None or not (span.start or span.month_year) or _same_round(span, main_start):
                continue
            _round(out, scene, i, match, span)
            break
    return out.done()


def _names_another_series(match: RuleMatch, main_label: str) -> bool:
    """'the inaugural Designations Dialogue in December 2017' in a report of a working group:
    a proper name in the round's noun phrase that the main series' name lacks is another series."""
    words = {w.lower() for w in re.findall(r"[\w]+", main_label)}
    noun = match.token("series") or match.token("round")
    return any(t.pos_ == "PROPN" and t.ent_type_ not in ("GPE", "NORP", "DATE") and t.lower_ not in words
               for t in noun.subtree if t.i <= noun.i)


def _same_round(span, main_start) -> bool:
    """A date the main meeting has (its day, or its month when the round gives only a month)."""
    if main_start is None:
        return False
    if span.start is not None:
        return span.start == main_start
    return span.month_year == (main_start.month, main_start.year)


def _main_start(scene: Scene):
    for i in sorted(scene.meetings):
        if scene.meetings[i] == scene.main_meeting:
            span = find_date(scene.article.sentences[i].text, scene.date)
            return span.start if span else None
    return None


def _round(out: FoundBuilder, scene: Scene, i: int, match: RuleMatch, span) -> None:
    series, rule, confidence = scene.main_series, match.rule.id, match.rule.confidence
    month, year = (span.start.month, span.start.year) if span.start else span.month_year
    iri = mint("event/meeting", f"{series.key} {year}-{month:02d}")
    label = f"{series.label} ({MONTH_NAMES[month - 1]} {year})"
    out.declare(iri, series.cls, label, i, rule, confidence)
    out.reports(i, iri)
    out.add(iri, ctkg.inSeries, mint("series", series.key), i, rule, confidence)
    out.add(iri, ctkg.eventStatus, ctkg.Held, i, rule, confidence)
    if span.start:
        out.add(iri, ctkg.startDate, literal(span.start, datatype=xsd.date), i, rule, confidence)
        if span.end and span.end >= span.start:
            out.add(iri, ctkg.endDate, literal(span.end, datatype=xsd.date), i, rule, confidence)
    else:   # the report gives the month alone: kept at that precision
        out.add(iri, ctkg.startMonth, literal(f"{year}-{month:02d}", datatype=xsd.gYearMonth), i, rule, confidence)
    for state in scene.meeting_states:
        out.add(iri, ctkg.participant, state, i, rule, confidence)
    session = _session(match)
    if session:
        out.add(iri, ctkg.sessionNumber, literal(session, datatype=xsd.integer), i, rule, confidence)
    doc = scene.docs[i]
    if any(t.lower_ in VIRTUAL_WORDS for t in doc):
        out.add(iri, ctkg.isVirtual, literal(True), i, rule, confidence)
        return
    for thing in scene.of_class(i, ctkg.Place):
        token = next((t for t in doc if t.idx == thing.start), None)
        if token is not None and token.head.lower_ == "in" or (token is not None and token.head.head.lower_ == "in"):
            out.add(iri, ctkg.place, thing.iri, i, rule, confidence)
            return


def _session(match: RuleMatch) -> int | None:
    """'first met' (an adverb on the verb), 'the fourth round', 'the 15th meeting'."""
    word = match.token("round")
    for child in word.children:
        if child.dep_ in ("amod", "advmod", "nummod"):
            value = ordinal_value(child.text)
            if value:
                return value
    return None


def rows(extraction, label, rule: str) -> list[dict]:
    """One rule's rounds as {start, session, place, virtual} rows."""
    found: dict[NamedNode, dict] = {}
    names = {ctkg.startDate: "start", ctkg.startMonth: "start", ctkg.sessionNumber: "session", ctkg.place: "place", ctkg.isVirtual: "virtual"}
    for fact in extraction.facts:
        if fact.rule != rule or fact.predicate not in names:
            continue
        value = label(fact.object) if isinstance(fact.object, NamedNode) else fact.object.value.lower()
        found.setdefault(fact.subject, {})[names[fact.predicate]] = value
    return list(found.values())
