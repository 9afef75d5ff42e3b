"""The article's main meeting: a session of a named series (working group, dialogue, summit),
its session number, dates, place or virtual, the other series it was held with, and the next
and previous sessions it mentions. Meeting IRIs are minted from the series key and month (or,
when the report gives no year, month and day), so two reports of one session meet; the resolution
stage (kg/resolve.py) joins sessions of a series that reports date within five days.

Other meetings (rounds dated in their own sentence, leaders' talks, visits, summits) are rule
families of their own (kg/extract/rounds.py, talks.py, visits.py, summits.py).
"""
from __future__ import annotations

import re
from dataclasses import dataclass


from kg.article import Sentence
from kg.dates import MONTH_NAMES, DateSpan, find_date
from kg.extract.scene import Found, FoundBuilder, Scene
from kg.extract.numbers import ORDINALS
from kg.reference import normalise, token_norm
from kg.terms import NamedNode, ctkg, literal, local_name, mint, rdf, skos, xsd
from kg.vocab import slug


@dataclass(frozen=True)
class MainSeries:
    """The series of the article's main meeting: its key (for IRIs), label and class."""

    key: str
    label: str
    cls: NamedNode


@dataclass(frozen=True)
class MeetingsFound:
    """What this step found: its facts, the main meeting and its states, which sentence reports
    which meeting, and the main series (for the families that read them)."""

    found: Found
    main_meeting: NamedNode | None = None
    meeting_states: tuple[NamedNode, ...] = ()
    by_sentence: tuple[tuple[int, NamedNode], ...] = ()
    main_series: MainSeries | None = None


class _Work:
    """This step's working state over one article (never seen outside this module)."""

    def __init__(self, scene: Scene):
        self.scene = scene
        self.out = FoundBuilder()
        self.main_meeting: NamedNode | None = None
        self.meeting_states: list[NamedNode] = []
        self.main_series: MainSeries | None = None
        self.series_iri: NamedNode | None = None
        self.series_label = ""

    def sentence(self, i: int) -> Sentence:
        return self.scene.article.sentences[i]


    def done(self) -> MeetingsFound:
        return MeetingsFound(self.out.done(), self.main_meeting, tuple(self.meeting_states),
                             tuple(self.out.meetings.items()), self.main_series)


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
    states: list[NamedNode]
    session: int | None
    sentence: int
    start: int


def _series_in(ctx: _Work, i: int) -> list[SeriesMention]:
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
                known = ctx.scene.index.lookup((token_norm(part),), part)
                if known is not None and known.cls == ctkg.State and known.iri not in states:
                    states.append(known.iri)
        words = [w for w in normalise(name).split()]
        content = [w for w in words if w not in SERIES_STOP and not _is_state_word(ctx, w)]
        joined = re.sub(r"counter\s+", "counter", " ".join(content))
        if not joined:
            continue
        session = _session_number(text[: m.start() - len(" ".join(phrase))])
        found.append(SeriesMention(joined, name, states, session, i, m.start()))
    return found


def _is_state_word(ctx: _Work, word: str) -> bool:
    """'india', 'us': a word some state is named by, left out of a series' key."""
    return any(k.cls == ctkg.State for k, _ in ctx.scene.index.by_tokens.get((word,), []))


def _states_in_phrase(ctx: _Work, i: int, start: int, end: int) -> list[NamedNode]:
    base = ctx.sentence(i).start
    states = []
    for thing in ctx.scene.things[i]:
        if start - 2 <= base + thing.start and base + thing.end <= end and thing.cls == ctkg.State \
                and thing.iri not in states:
            states.append(thing.iri)
    return states


def _session_number(before: str) -> int | None:
    m = re.search(r"\b(\d+)(?:st|nd|rd|th)\s+(?:meeting|session|round|edition)\s+of\s+(?:the\s+)?[\w\-.’' ]*$",
                  before, re.I) or re.search(r"\b(\d+)(?:st|nd|rd|th)\s+$", before)
    if m:
        return int(m.group(1))
    m = re.search(r"\b(" + "|".join(ORDINALS) + r")\s+(?:(?:meeting|session|round|edition)\s+of\s+(?:the\s+)?[\w\-.’' ]*)?$",
                  before, re.I)
    return ORDINALS[m.group(1).lower()] if m else None


def _series_key(states: list[NamedNode], words: str) -> str:
    return "-".join(sorted(slug(local_name(s)) for s in states) + sorted(set(words.split())))


def find_meetings(scene: Scene) -> MeetingsFound:
    """The article's main meeting (and those held with it, and the next and previous sessions it
    mentions)."""
    ctx = _Work(scene)
    _find(ctx)
    return ctx.done()


def _find(ctx: _Work) -> None:
    mentions = [s for i in range(len(ctx.scene.article.sentences)) for s in _series_in(ctx, i)]
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
        if states and not any(ctx.scene.label(st).split()[0] in primary.label for st in states):
            label = "-".join(ctx.scene.label(st) for st in states) + " " + primary.label
        cls = ctkg.WorkingGroupMeeting if "group" in primary.key else (
            ctkg.Summit if "summit" in primary.key else ctkg.Dialogue)
        _meeting(ctx, key, label, cls, states, session, primary.sentence)
        ctx.main_series = MainSeries(key, re.sub(r"\s*\(.*\)$", "", label), cls)
        main = (ctx.main_meeting, ctx.meeting_states, ctx.series_iri, ctx.series_label)
        for other in _joint_sessions(primary, mentions):
            # "the 17th meeting of the JWG and the third session of the designations dialogue":
            # a second session, held together with the first, of a series of its own.
            other_key = _series_key(other.states or states, other.key)
            other_label = other.label if other.states else "-".join(ctx.scene.label(st) for st in states) + " " + other.label
            _meeting(ctx, other_key, other_label, ctkg.Dialogue if "dialogue" in other.key else cls,
                     states, other.session, other.sentence)
        ctx.main_meeting, ctx.meeting_states, ctx.series_iri, ctx.series_label = main
    else:
        _meeting(ctx, *summit)
    _next_and_previous(ctx, mentions)


def _summit(ctx: _Work):
    """'the meeting between Prime Minister Narendra Modi and President Donald Trump'."""
    for sent in ctx.scene.article.sentences:
        m = re.search(r"\b(?:meeting|summit|talks)\s+between\s+", sent.text)
        if not m:
            continue
        people = [iri for off, iri in ctx.scene.offsets(sent.index, ctkg.Person) if off > m.end() - 1][:2]
        if len(people) < 2:
            continue
        states = [s for s in (ctx.scene.person_states.get(p) for p in people) if s]
        names = [ctx.scene.label(p) for p in people]
        key = "summit-" + "-".join(sorted(slug(n) for n in names))
        label = f"Meeting between {names[0]} and {names[1]}"
        return key, label, ctkg.Summit, states, None, sent.index, people
    return None


def _states_of_sentence(ctx: _Work, index: int) -> list[NamedNode]:
    """'cooperation between Colombia and the US featured in ... the dialogue': the states the
    meeting's sentence names, when the series name holds none."""
    return list(dict.fromkeys(iri for _, iri in ctx.scene.offsets(index, ctkg.State)))


def _delegation_states(ctx: _Work) -> list[NamedNode]:
    states = []
    for sent in ctx.scene.article.sentences:
        for thing in ctx.scene.things[sent.index]:
            after = sent.text[thing.end: thing.end + 20]
            if thing.cls == ctkg.State and re.match(r"\s+(delegation|side)\b", after) and thing.iri not in states:
                states.append(thing.iri)
    return states


def _meeting_date(ctx: _Work, first: int) -> DateSpan | None:
    order = [first] + [i for i in range(len(ctx.scene.article.sentences)) if i != first]
    for i in order:
        text = ctx.sentence(i).text
        if i != first and not re.search(r"\b(dialogue|meeting|met|held|session|summit|talks)\b", text, re.I):
            continue
        if re.search(r"\b(last|previous|next|set up|ago)\b", _main_clauses(ctx, i), re.I):
            continue   # another round, or when the series was set up ('a group that X set up in May')
        span = find_date(text, ctx.scene.date)
        if span and (span.start or span.month_day):
            return span
    return None


def _main_clauses(ctx: _Work, i: int) -> str:
    """Sentence i without its relative clauses (their words describe a noun, not the event)."""
    if not ctx.scene.docs:
        return ctx.sentence(i).text
    doc = ctx.scene.docs[i]
    inside = {t.i for t in doc if t.dep_ in ("relcl", "acl") for t in t.subtree}
    return " ".join(t.text for t in doc if t.i not in inside)


def _joint_sessions(primary: SeriesMention, mentions: list[SeriesMention]) -> list[SeriesMention]:
    """Other series named in the primary's sentence right after it, joined by 'and'."""
    return [m for m in mentions if m.sentence == primary.sentence and m.start > primary.start
            and m.key != primary.key and m.key not in primary.key]


def _meeting(ctx: _Work, key, label, cls, states, session, first, people=()) -> None:
    span = _meeting_date(ctx, first)
    start = span.start if span else None
    month_day = span.month_day if span and not start else None
    from_dateline = not month_day and not start and not ctx.scene.date and bool(ctx.scene.article.month_day)
    month_day = ctx.scene.article.month_day if from_dateline else month_day
    when = (f"{start:%Y-%m}" if start else (f"{month_day[0]:02d}-{month_day[1]:02d}" if month_day
            else (f"{ctx.scene.date:%Y-%m}" if ctx.scene.date else ctx.scene.article.id)))
    iri = mint("event/meeting", f"{key} {when}")
    if start:
        label = f"{label} ({MONTH_NAMES[start.month - 1]} {start.year})"
    out = ctx.out
    out.declare(iri, cls, label, first, "meeting-series")
    ctx.main_meeting, ctx.meeting_states = iri, list(states)
    out.reports(first, iri)
    series = mint("series", key)
    ctx.series_iri, ctx.series_label = series, re.sub(r"\s*\(.*\)$", "", label)
    out.add(iri, ctkg.inSeries, series, first, "meeting-series")
    out.add(series, rdf.type, ctkg.EventSeries, first, "meeting-series")
    out.add(series, skos.prefLabel, literal(re.sub(r"\s*\(.*\)$", "", label), lang="en"), first, "meeting-series")
    out.add(iri, ctkg.eventStatus, ctkg.Held, first, "meeting-series")
    if session:
        out.add(iri, ctkg.sessionNumber, literal(session, datatype=xsd.integer), first, "session-ordinal", 0.9)
    if start:
        out.add(iri, ctkg.startDate, literal(start, datatype=xsd.date), first, span.how and "meeting-date", 0.85)
        if span.end:
            out.add(iri, ctkg.endDate, literal(span.end, datatype=xsd.date), first, "meeting-date", 0.85)
    elif month_day:
        out.add(iri, ctkg.startMonthDay, literal(f"--{month_day[0]:02d}-{month_day[1]:02d}", datatype=xsd.gMonthDay),
                first, "meeting-month-day-dateline" if from_dateline else "meeting-month-day",
                0.5 if from_dateline else 0.7)
    else:
        out.add(iri, ctkg.dateUnknown, literal(True), first, "meeting-date-unknown", 0.6)
    for st in states:
        out.add(iri, ctkg.participant, st, first, "series-states", 0.9)
    for person in people:
        out.add(iri, ctkg.participant, person, first, "meeting-between", 0.85)
    _place(ctx, iri, first)


def _place(ctx: _Work, iri: NamedNode, first: int) -> None:
    for sent in ctx.scene.article.sentences:
        text = sent.text
        if re.search(r"\b(next|last|previous)\b", text, re.I):
            continue
        if re.search(r"\b(held|met|meeting)\b[^.]{0,40}\bvirtual(ly)?\b|\bvirtual(ly)?\b[^.]{0,20}\b(held|meeting)\b",
                     text, re.I):
            ctx.out.add(iri, ctkg.isVirtual, literal(True), sent.index, "held-virtually", 0.9)
            return
        if re.search(r"\bheld here\b", text) and ctx.scene.article.dateline:
            place = _dateline_place(ctx)
            if place:
                ctx.out.add(iri, ctkg.place, place, sent.index, "held-here-dateline", 0.8)
                return
        m = re.search(r"\b(?:met|held|meeting|dialogue)\b[^.;]{0,60}?\bin\s+", text)
        if m:
            for off, place in ctx.scene.offsets(sent.index, ctkg.Place):
                if off == m.end():
                    ctx.out.add(iri, ctkg.place, place, sent.index, "met-in-place", 0.8)
                    return


def _dateline_place(ctx: _Work) -> NamedNode | None:
    first = re.split(r"[/\[,]", ctx.scene.article.dateline or "")[0].strip()
    if not first:
        return None
    known = ctx.scene.index.lookup(tuple(normalise(first).split()), first)
    return known.iri if known and known.cls == ctkg.Place else None


def _next_and_previous(ctx: _Work, mentions: list[SeriesMention]) -> None:
    if ctx.main_meeting is None:
        return
    series, base_label = ctx.series_iri, ctx.series_label
    for sent in ctx.scene.article.sentences:
        text = sent.text
        if re.search(r"\bnext\s+(round|meeting|session|dialogue|edition)\b", text, re.I) and \
                re.search(r"\b(hold|held|host|convene|meet)\b", text, re.I):
            nxt = NamedNode(f"{ctx.main_meeting.value}/next")
            _other_session(ctx, nxt, series, f"{base_label} (next session, planned)", ctkg.Planned, sent,
                           "next-session", 0.75)
            for off, place in ctx.scene.offsets(sent.index, ctkg.Place):
                ctx.out.add(nxt, ctkg.place, place, sent.index, "next-session", 0.75)
                break
            ctx.out.add(ctx.main_meeting, ctkg.nextSession, nxt, sent.index, "next-session", 0.75)
        m = re.search(r"\b(last|previous)\b[^.]{0,80}\b(?:was\s+)?held\s+in\s+(" + "|".join(MONTH_NAMES) + r")\s+(\d{4})",
                      text)
        if m:
            month, year = MONTH_NAMES.index(m.group(2)) + 1, int(m.group(3))
            prev = mint("event/meeting", f"{local_name(series)} {year}-{month:02d}")
            _other_session(ctx, prev, series, f"{base_label} ({m.group(2)} {year})", ctkg.Held, sent,
                           "previous-session", 0.8)
            ctx.out.add(ctx.main_meeting, ctkg.previousSession, prev, sent.index, "previous-session", 0.8)


def _other_session(ctx: _Work, iri: NamedNode, series: NamedNode, label: str, status: NamedNode, sent: Sentence,
                   rule: str, confidence: float) -> None:
    """A session of the same series that the article only mentions: planned, or held before."""
    ctx.out.declare(iri, ctx.out.events[ctx.main_meeting], label, sent.index, rule, confidence)
    ctx.out.add(iri, ctkg.inSeries, series, sent.index, rule, confidence)
    ctx.out.add(iri, ctkg.eventStatus, status, sent.index, rule, confidence)
    ctx.out.add(iri, ctkg.dateUnknown, literal(True), sent.index, rule, confidence)
    for st in ctx.meeting_states:
        ctx.out.add(iri, ctkg.participant, st, sent.index, rule, 0.7)
