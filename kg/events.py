"""Article + entities -> events and relations, each fact with its sentence, rule and confidence.

Rules, one function each: meetings (series, session, dates, place, delegations, co-chairs,
topics, groups named, next and previous sessions), joint statements, calls to act, reactions,
attacks (date, place, target, perpetrators, killed), legal actions (extradition, arrest,
accusation, assassination plot, designation) and agreements. Event IRIs are minted from stable
keys (series and month, attack place and year) so that two reports of one event meet; the store
lookup `find_meeting` joins a report whose year is unknown to the event already stored.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Callable

from rdflib import Literal, URIRef
from rdflib.namespace import RDF, SKOS, XSD

from kg.article import Article, Sentence
from kg.dates import MONTH_NAMES, DateSpan, find_date
from kg.entities import Entity, Resolution
from kg.extract import families
from kg.extract.numbers import ORDINALS
from kg.extract.attacks import find_attacks
from kg.extract.pipeline import parse
from kg.extract.scene import Fact, Found
from kg.reference import ReferenceIndex, normalise, reference_index, token_norm
from kg.vocab import CTKG, mint, slug

PATTERNS = Path(__file__).resolve().parent / "patterns"
# (series key, start date or None, (month, day) or None) -> (IRI of a meeting already stored,
# whether the store already dates it)
MeetingLookup = Callable[[str, "dt.date | None", "tuple[int, int] | None"], "tuple[URIRef, bool] | None"]


@dataclass
class Extraction:
    facts: list[Fact] = field(default_factory=list)
    events: dict[URIRef, URIRef] = field(default_factory=dict)   # event IRI -> class

    def add(self, s, p, o, sentence: int, rule: str, confidence: float = 0.8) -> None:
        if o is None or s is None:
            return
        self.facts.append(Fact(s, p, o, sentence, rule, confidence))

    def merge(self, found: Found) -> None:
        """Take in what a rule family found (its facts, and the events it declares)."""
        self.facts.extend(found.facts)
        for iri, cls in found.events:
            self.events.setdefault(iri, cls)

    def declare(self, iri: URIRef, cls: URIRef, label: str, sentence: int, rule: str, conf: float = 0.8):
        if iri not in self.events:
            self.events[iri] = cls
            self.add(iri, RDF.type, cls, sentence, rule, conf)
            self.add(iri, SKOS.prefLabel, Literal(label, lang="en"), sentence, rule, conf)


def _lines(name: str) -> list[str]:
    text = (PATTERNS / name).read_text(encoding="utf-8").splitlines()
    return [ln for ln in text if ln.strip() and not ln.startswith("#")]


@lru_cache(maxsize=1)
def capitals() -> dict[str, str]:
    return {normalise(c): s for c, s in (ln.split("\t") for ln in _lines("capitals.tsv"))}


@dataclass(frozen=True)
class MainSeries:
    """The series of the article's main meeting: its key (for IRIs), label and class."""

    key: str
    label: str
    cls: URIRef


@dataclass
class Context:
    article: Article
    res: Resolution
    index: ReferenceIndex
    out: Extraction
    find_meeting: MeetingLookup | None
    main_meeting: URIRef | None = None
    meeting_states: list[URIRef] = field(default_factory=list)
    statement: URIRef | None = None
    statement_states: list[URIRef] = field(default_factory=list)
    attacks_by_sentence: dict[int, list[URIRef]] = field(default_factory=dict)
    attack_offsets: dict[tuple[int, URIRef], int] = field(default_factory=dict)   # (sentence, attack) -> offset
    meetings_by_sentence: dict[int, URIRef] = field(default_factory=dict)   # the sentence that reports a meeting
    main_series: "MainSeries | None" = None
    docs: tuple = ()                     # the sentences' parses

    @property
    def date(self) -> dt.date | None:
        return self.article.published

    def sentence(self, i: int) -> Sentence:
        return self.article.sentences[i]

    def things(self, i: int, cls: URIRef) -> list[tuple[int, URIRef]]:
        """(offset in sentence, IRI) of the entities of `cls` mentioned in sentence i."""
        start = self.sentence(i).start
        return [(m.start - start, iri) for m, iri in self.res.in_sentence(i)
                if self.res.entities[iri].cls == cls]

    def entity(self, iri: URIRef) -> Entity:
        """The resolved entity; a known actor met only inside a title is taken from the reference."""
        found = self.res.entities.get(iri)
        if found is None:
            known = self.index.known[iri]
            found = self.res.entities[iri] = Entity(iri, known.cls, known.label, True)
        return found


def extract_events(article: Article, res: Resolution, find_meeting: MeetingLookup | None = None,
                   index: ReferenceIndex | None = None, docs: tuple | None = None) -> Extraction:
    """Events and relations of one article. `docs` are its sentences' parses (kg.extract.pipeline),
    made here when not given."""
    if docs is None:
        docs = parse([s.text for s in article.sentences])
    ctx = Context(article, res, index or reference_index(), Extraction(), find_meeting, docs=tuple(docs))
    find_meetings(ctx)
    find_statements(ctx)
    if docs is None:
        docs = parse([s.text for s in article.sentences])
    attacks = find_attacks(families.scene_of(ctx, docs))
    ctx.out.merge(attacks.found)
    ctx.attacks_by_sentence = {i: list(found) for i, found in attacks.by_sentence.items()}
    ctx.attack_offsets = dict(attacks.offsets)
    scene = families.scene_of(ctx, docs)
    for found in families.run_families(scene):
        ctx.out.merge(found)
    find_calls_to_act(ctx)
    find_topics_and_groups(ctx)
    return ctx.out


# -- meetings -----------------------------------------------------------------------------------

SERIES_HEAD = re.compile(
    r"\b(Dialogue|dialogue|Joint Working Group|joint working group|Working Group|working group|"
    r"Summit|summit|Consultations|consultations|Strategic Dialogue)\b")
SERIES_STOP = {"the", "a", "an", "of", "and", "on", "senior", "officials", "officials’", "official",
               "meeting", "session", "round", "its", "their", "this", "that", "held"}
HELD_CUES = re.compile(r"\b(held|met|meet|meeting of|session of|round of|during the|at the|co-chair|"
                       r"concluded|took place|hosted|convened|figured in)\b", re.I)


@dataclass
class SeriesMention:
    key: str
    label: str
    states: list[URIRef]
    session: int | None
    sentence: int
    start: int


def _series_in(ctx: Context, i: int) -> list[SeriesMention]:
    sent = ctx.sentence(i)
    text = sent.text
    found = []
    for m in SERIES_HEAD.finditer(text):
        words_before = re.findall(r"[\w’'.\-/+]+", text[max(0, m.start() - 80): m.start()])
        phrase = []
        for w in reversed(words_before):
            lw = w.lower().strip(".")
            if lw in SERIES_STOP or re.fullmatch(r"\d+(st|nd|rd|th)", lw) or lw in ORDINALS:
                break
            if not (w[:1].isupper() or "-" in w or re.fullmatch(r"\d+\+\d+", w) or lw in {"counterterrorism", "counter-terrorism",
                                                           "designations", "strategic", "security",
                                                           "homeland", "joint", "cyber", "defence"}):
                break
            phrase.insert(0, w)
        after = re.match(r"\s+on\s+([a-z\-]+)", text[m.end():])
        tail = f" on {after.group(1)}" if after and after.group(1).split()[0] in {
            "counterterrorism", "counter-terrorism", "terrorism", "security", "cybersecurity",
            "counternarcotics", "counter-narcotics"} else ""
        name = " ".join(phrase + [m.group(1)]) + tail
        states = _states_in_phrase(ctx, i, sent.start + m.start() - len(" ".join(phrase)) - 1,
                                   sent.start + m.end())
        for word in phrase:
            for part in re.split(r"[-–]", word) if re.search(r"[-–]", word) else []:
                known = ctx.index.lookup((token_norm(part),), part)
                if known is not None and known.cls == CTKG.State and known.iri not in states:
                    states.append(known.iri)
        words = [w for w in normalise(name).split()]
        content = [w for w in words if w not in SERIES_STOP and not _is_state_word(ctx, w)]
        joined = re.sub(r"counter\s+", "counter", " ".join(content))
        if not joined:
            continue
        session = _session_number(text[: m.start() - len(" ".join(phrase))])
        found.append(SeriesMention(joined, name, states, session, i, m.start()))
    return found


def _is_state_word(ctx: Context, word: str) -> bool:
    """'india', 'us': a word some state is named by, left out of a series' key."""
    return any(k.cls == CTKG.State for k, _ in ctx.index.by_tokens.get((word,), []))


def _states_in_phrase(ctx: Context, i: int, start: int, end: int) -> list[URIRef]:
    states = []
    for m, iri in ctx.res.in_sentence(i):
        if start - 2 <= m.start and m.end <= end and ctx.entity(iri).cls == CTKG.State and iri not in states:
            states.append(iri)
    return states


def _session_number(before: str) -> int | None:
    m = re.search(r"\b(\d+)(?:st|nd|rd|th)\s+(?:meeting|session|round|edition)\s+of\s+(?:the\s+)?[\w\-.’' ]*$",
                  before, re.I) or re.search(r"\b(\d+)(?:st|nd|rd|th)\s+$", before)
    if m:
        return int(m.group(1))
    m = re.search(r"\b(" + "|".join(ORDINALS) + r")\s+(?:(?:meeting|session|round|edition)\s+of\s+(?:the\s+)?[\w\-.’' ]*)?$",
                  before, re.I)
    return ORDINALS[m.group(1).lower()] if m else None


def _series_key(states: list[URIRef], words: str) -> str:
    return "-".join(sorted(slug(str(s).rsplit("/", 1)[-1]) for s in states) + sorted(set(words.split())))


def find_meetings(ctx: Context) -> None:
    mentions = [s for i in range(len(ctx.article.sentences)) for s in _series_in(ctx, i)]
    held = [s for s in mentions if HELD_CUES.search(ctx.sentence(s.sentence).text)
            and not re.search(r"\b(next|last|previous)\b", ctx.sentence(s.sentence).text[:s.start], re.I)]
    summit = _summit(ctx) if not held else None
    if not held and summit is None:
        return
    if held:
        primary = held[0]
        states = (primary.states or next((s.states for s in mentions if s.states), [])
                  or _delegation_states(ctx) or _states_of_sentence(ctx, primary.sentence))
        if not states:
            return  # a meeting whose parties cannot be named is not a fact we can state
        session = next((s.session for s in held if s.key == primary.key and s.session), None)
        key = _series_key(states, primary.key)
        label = primary.label
        if states and not any(ctx.entity(st).label.split()[0] in primary.label for st in states):
            label = "-".join(ctx.entity(st).label for st in states) + " " + primary.label
        cls = CTKG.WorkingGroupMeeting if "group" in primary.key else (
            CTKG.Summit if "summit" in primary.key else CTKG.Dialogue)
        _meeting(ctx, key, label, cls, states, session, primary.sentence)
        ctx.main_series = MainSeries(key, re.sub(r"\s*\(.*\)$", "", label), cls)
        main = (ctx.main_meeting, ctx.meeting_states)
        for other in _joint_sessions(primary, mentions):
            # "the 17th meeting of the JWG and the third session of the designations dialogue":
            # a second session, held together with the first, of a series of its own.
            other_key = _series_key(other.states or states, other.key)
            other_label = other.label if other.states else "-".join(ctx.entity(st).label for st in states) + " " + other.label
            _meeting(ctx, other_key, other_label, CTKG.Dialogue if "dialogue" in other.key else cls,
                     states, other.session, other.sentence)
        ctx.main_meeting, ctx.meeting_states = main
    else:
        _meeting(ctx, *summit)
    _next_and_previous(ctx, mentions)


def _summit(ctx: Context):
    """'the meeting between Prime Minister Narendra Modi and President Donald Trump'."""
    for sent in ctx.article.sentences:
        m = re.search(r"\b(?:meeting|summit|talks)\s+between\s+", sent.text)
        if not m:
            continue
        people = [iri for off, iri in ctx.things(sent.index, CTKG.Person) if off > m.end() - 1][:2]
        if len(people) < 2:
            continue
        states = [s for s in (ctx.entity(p).state for p in people) if s]
        names = [ctx.entity(p).label for p in people]
        key = "summit-" + "-".join(sorted(slug(n) for n in names))
        label = f"Meeting between {names[0]} and {names[1]}"
        return key, label, CTKG.Summit, states, None, sent.index, people
    return None


def _states_of_sentence(ctx: Context, index: int) -> list[URIRef]:
    """'cooperation between Colombia and the US featured in ... the dialogue': the states the
    meeting's sentence names, when the series name holds none."""
    return list(dict.fromkeys(iri for _, iri in ctx.things(index, CTKG.State)))


def _delegation_states(ctx: Context) -> list[URIRef]:
    states = []
    for sent in ctx.article.sentences:
        for m, iri in ctx.res.in_sentence(sent.index):
            after = sent.text[m.end - sent.start: m.end - sent.start + 20]
            if ctx.entity(iri).cls == CTKG.State and re.match(r"\s+(delegation|side)\b", after) and iri not in states:
                states.append(iri)
    return states


def _meeting_date(ctx: Context, first: int) -> DateSpan | None:
    order = [first] + [i for i in range(len(ctx.article.sentences)) if i != first]
    for i in order:
        text = ctx.sentence(i).text
        if i != first and not re.search(r"\b(dialogue|meeting|met|held|session|summit|talks)\b", text, re.I):
            continue
        if re.search(r"\b(last|previous|next|set up|ago)\b", _main_clauses(ctx, i), re.I):
            continue   # another round, or when the series was set up ('a group that X set up in May')
        span = find_date(text, ctx.date)
        if span and (span.start or span.month_day):
            return span
    return None


def _main_clauses(ctx: Context, i: int) -> str:
    """Sentence i without its relative clauses (their words describe a noun, not the event)."""
    if not ctx.docs:
        return ctx.sentence(i).text
    doc = ctx.docs[i]
    inside = {t.i for t in doc if t.dep_ in ("relcl", "acl") for t in t.subtree}
    return " ".join(t.text for t in doc if t.i not in inside)


def _joint_sessions(primary: SeriesMention, mentions: list[SeriesMention]) -> list[SeriesMention]:
    """Other series named in the primary's sentence right after it, joined by 'and'."""
    return [m for m in mentions if m.sentence == primary.sentence and m.start > primary.start
            and m.key != primary.key and m.key not in primary.key]


def _meeting(ctx: Context, key, label, cls, states, session, first, people=()) -> None:
    span = _meeting_date(ctx, first)
    start = span.start if span else None
    month_day = span.month_day if span and not start else None
    found = ctx.find_meeting(key, start, month_day or ctx.article.month_day) if ctx.find_meeting else None
    iri, dated = found if found else (None, False)
    if dated and start:
        # Another report already dates this session; the first reading stands, so that the
        # meeting keeps one start and one end date (the ontology makes them functional).
        span = DateSpan(None, None, None, None, "dated by an earlier report")
        label_date, start = start, None
    else:
        label_date = start
    if iri is None:
        month_day = month_day or (None if ctx.date else ctx.article.month_day)
        when = (f"{start:%Y-%m}" if start else (f"{month_day[0]:02d}-{month_day[1]:02d}" if month_day
                else (f"{ctx.date:%Y-%m}" if ctx.date else ctx.article.id)))
        iri = mint("event/meeting", f"{key} {when}")
    if label_date:
        label = f"{label} ({MONTH_NAMES[label_date.month - 1]} {label_date.year})"
    out = ctx.out
    out.declare(iri, cls, label, first, "meeting-series")
    ctx.main_meeting, ctx.meeting_states = iri, list(states)
    ctx.meetings_by_sentence.setdefault(first, iri)
    series = mint("series", key)
    out.add(iri, CTKG.inSeries, series, first, "meeting-series")
    out.add(series, RDF.type, CTKG.EventSeries, first, "meeting-series")
    out.add(series, SKOS.prefLabel, Literal(re.sub(r"\s*\(.*\)$", "", label), lang="en"), first, "meeting-series")
    out.add(iri, CTKG.eventStatus, CTKG.Held, first, "meeting-series")
    if session:
        out.add(iri, CTKG.sessionNumber, Literal(session, datatype=XSD.integer), first, "session-ordinal", 0.9)
    if start:
        out.add(iri, CTKG.startDate, Literal(start, datatype=XSD.date), first, span.how and "meeting-date", 0.85)
        if span.end:
            out.add(iri, CTKG.endDate, Literal(span.end, datatype=XSD.date), first, "meeting-date", 0.85)
    elif not dated:
        out.add(iri, CTKG.dateUnknown, Literal(True), first, "meeting-date-unknown", 0.6)
    for st in states:
        out.add(iri, CTKG.participant, st, first, "series-states", 0.9)
    for person in people:
        out.add(iri, CTKG.participant, person, first, "meeting-between", 0.85)
    _place(ctx, iri, first)


def _place(ctx: Context, iri: URIRef, first: int) -> None:
    for sent in ctx.article.sentences:
        text = sent.text
        if re.search(r"\b(next|last|previous)\b", text, re.I):
            continue
        if re.search(r"\b(held|met|meeting)\b[^.]{0,40}\bvirtual(ly)?\b|\bvirtual(ly)?\b[^.]{0,20}\b(held|meeting)\b",
                     text, re.I):
            ctx.out.add(iri, CTKG.isVirtual, Literal(True), sent.index, "held-virtually", 0.9)
            return
        if re.search(r"\bheld here\b", text) and ctx.article.dateline:
            place = _dateline_place(ctx)
            if place:
                ctx.out.add(iri, CTKG.place, place, sent.index, "held-here-dateline", 0.8)
                return
        m = re.search(r"\b(?:met|held|meeting|dialogue)\b[^.;]{0,60}?\bin\s+", text)
        if m:
            for off, place in ctx.things(sent.index, CTKG.Place):
                if off == m.end():
                    ctx.out.add(iri, CTKG.place, place, sent.index, "met-in-place", 0.8)
                    return


def _dateline_place(ctx: Context) -> URIRef | None:
    first = re.split(r"[/\[,]", ctx.article.dateline or "")[0].strip()
    if not first:
        return None
    known = ctx.index.lookup(tuple(normalise(first).split()), first)
    return known.iri if known and known.cls == CTKG.Place else None


def _next_and_previous(ctx: Context, mentions: list[SeriesMention]) -> None:
    if ctx.main_meeting is None:
        return
    series = next(f.object for f in ctx.out.facts if f.subject == ctx.main_meeting and f.predicate == CTKG.inSeries)
    base_label = str(next(f.object for f in ctx.out.facts if f.subject == series and f.predicate == SKOS.prefLabel))
    for sent in ctx.article.sentences:
        text = sent.text
        if re.search(r"\bnext\s+(round|meeting|session|dialogue|edition)\b", text, re.I) and \
                re.search(r"\b(hold|held|host|convene|meet)\b", text, re.I):
            nxt = URIRef(f"{ctx.main_meeting}/next")
            _other_session(ctx, nxt, series, f"{base_label} (next session, planned)", CTKG.Planned, sent,
                           "next-session", 0.75)
            for off, place in ctx.things(sent.index, CTKG.Place):
                ctx.out.add(nxt, CTKG.place, place, sent.index, "next-session", 0.75)
                break
            ctx.out.add(ctx.main_meeting, CTKG.nextSession, nxt, sent.index, "next-session", 0.75)
        m = re.search(r"\b(last|previous)\b[^.]{0,80}\b(?:was\s+)?held\s+in\s+(" + "|".join(MONTH_NAMES) + r")\s+(\d{4})",
                      text)
        if m:
            month, year = MONTH_NAMES.index(m.group(2)) + 1, int(m.group(3))
            prev = mint("event/meeting", f"{str(series).rsplit('/', 1)[-1]} {year}-{month:02d}")
            _other_session(ctx, prev, series, f"{base_label} ({m.group(2)} {year})", CTKG.Held, sent,
                           "previous-session", 0.8)
            ctx.out.add(ctx.main_meeting, CTKG.previousSession, prev, sent.index, "previous-session", 0.8)


def _other_session(ctx: Context, iri: URIRef, series: URIRef, label: str, status: URIRef, sent: Sentence,
                   rule: str, confidence: float) -> None:
    """A session of the same series that the article only mentions: planned, or held before."""
    ctx.out.declare(iri, ctx.out.events[ctx.main_meeting], label, sent.index, rule, confidence)
    ctx.out.add(iri, CTKG.inSeries, series, sent.index, rule, confidence)
    ctx.out.add(iri, CTKG.eventStatus, status, sent.index, rule, confidence)
    ctx.out.add(iri, CTKG.dateUnknown, Literal(True), sent.index, rule, confidence)
    for st in ctx.meeting_states:
        ctx.out.add(iri, CTKG.participant, st, sent.index, rule, 0.7)


# -- statements ---------------------------------------------------------------------------------

def find_statements(ctx: Context) -> None:
    """Joint statements and a party's own statements (kg.extract.statements, a stage on the parse):
    their facts, and the article's statement that the families read."""
    from kg.extract.statements import find_statements as statements_stage

    found = statements_stage(families.scene_of(ctx, ctx.docs), _meeting_infos(ctx))
    ctx.out.merge(found.found)
    ctx.statement, ctx.statement_states = found.statement, list(found.statement_states)
    if found.meeting_states and not ctx.meeting_states:
        ctx.meeting_states = list(found.meeting_states)


def _meeting_infos(ctx: Context) -> dict:
    """Label, session number and dates of each meeting found so far (for naming its statement)."""
    from kg.extract.statements import MeetingInfo

    seen: dict[URIRef, dict] = {iri: {} for iri in ctx.out.events}
    keys = {SKOS.prefLabel: "label", CTKG.sessionNumber: "session", CTKG.startDate: "start", CTKG.endDate: "end"}
    series = {iri for iri, cls in ctx.out.events.items() if cls in (CTKG.WorkingGroupMeeting, CTKG.Dialogue)}
    for f in ctx.out.facts:
        if f.subject in seen and f.predicate in keys:
            seen[f.subject].setdefault(keys[f.predicate], f.object.toPython())
    return {iri: MeetingInfo(str(v["label"]), v.get("session"), v.get("start"), v.get("end"), iri in series)
            for iri, v in seen.items() if "label" in v}


# -- calls to act -----------------------------------------------------------------------------

CALL_RE = re.compile(r"\b(called on|calls on|urged|urges|pressed|asked|need for|demanded that|told)\s+", re.I)


def find_calls_to_act(ctx: Context) -> None:
    for sent in ctx.article.sentences:
        text = sent.text
        for m in CALL_RE.finditer(text):
            target = next((iri for off, iri in ctx.things(sent.index, CTKG.State) if off == m.end()), None)
            if target is None:
                continue
            rest = text[m.end():]
            dm = re.search(r"\b(?:to|should)\s+(.+)", rest)
            if not dm:
                continue
            demand = re.sub(r"[“”\"]", "", re.split(r"\.\s*$", dm.group(1))[0]).strip(" ,.")
            callers = [iri for off, iri in ctx.things(sent.index, CTKG.State) if off < m.start() and iri != target]
            if not callers:
                callers = [iri for off, iri in ctx.things(sent.index, CTKG.GovernmentAgency) if off < m.start()]
            if not callers:
                callers = [s for s in (ctx.statement_states or ctx.meeting_states) if s != target]
            if not callers:
                continue  # a call nobody can be named as making is not a fact we can state
            key = f"{ctx.statement or ctx.main_meeting or mint('article', ctx.article.id)}"
            iri = URIRef(f"{key}/call/{slug(ctx.entity(target).label)}")
            label = f"Call on {ctx.entity(target).label} to act"
            if iri in ctx.out.events:
                break
            ctx.out.declare(iri, CTKG.CallToAct, label, sent.index, "called-on")
            ctx.out.add(iri, CTKG.calledOn, target, sent.index, "called-on", 0.85)
            ctx.out.add(iri, CTKG.demand, Literal(demand[:300]), sent.index, "called-on", 0.75)
            for caller in callers:
                ctx.out.add(iri, CTKG.issuedBy, caller, sent.index, "called-on", 0.75)
            if ctx.statement:
                ctx.out.add(iri, CTKG.partOf, ctx.statement, sent.index, "called-on", 0.7)
            if ctx.date:
                ctx.out.add(iri, CTKG.published, Literal(ctx.date, datatype=XSD.date), sent.index, "article-date", 0.6)
            for attack in ctx.attacks_by_sentence.get(sent.index, []):
                ctx.out.add(iri, CTKG.refersToAttack, attack, sent.index, "called-on", 0.7)
            break


# -- topics and groups named --------------------------------------------------------------------

DISCUSS = re.compile(r"\b(discuss|deliberat|explor|review|cooperat|agree|reaffirm|commit|shared|combat|"
                     r"counter|address|highlight|underlin|underscor|focus|partnership|ranging|exchange|"
                     r"strengthen|prevent|tackl|fight|action against|efforts)", re.I)


def find_topics_and_groups(ctx: Context) -> None:
    event = ctx.main_meeting or ctx.statement
    if event is None:
        return
    for sent in ctx.article.sentences:
        text = sent.text
        in_statement = ctx.statement is not None and (
            re.search(r"\bstatement\b|\bdeclaration\b", text, re.I) or "“" in text[:3])
        target = ctx.statement if in_statement or ctx.main_meeting is None else ctx.main_meeting
        if DISCUSS.search(text):
            for off, topic in ctx.things(sent.index, SKOS.Concept):
                ctx.out.add(event, CTKG.topic, topic, sent.index, "topic-discussed", 0.7)
        if in_statement or ctx.statement is None:
            for attack in ctx.attacks_by_sentence.get(sent.index, []):
                if target is not None and re.search(r"\b(perpetrators|justice|prevent|like|including)\b", text):
                    ctx.out.add(target, CTKG.refersToAttack, attack, sent.index, "attack-referred", 0.7)

