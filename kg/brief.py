"""A briefing on one actor or event, written only from the graph's facts.

`build_brief` reads the store (named queries only: timeline, delegations, footnotes) and
returns a `Brief`: sections of template sentences and tables, every line citing the numbered
footnotes of the facts it was written from, plus the projection the figures are drawn from.
kg/brief_render.py writes it as PDF, PPTX or HTML. No sentence is invented: a template fills
in labels, dates and values that facts state, and a value no article states is left out.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

import pyoxigraph as ox

from kg.brief_facts import RDF_TYPE, Evidence, Facts, Footnote, local_name
from kg.brief_sentences import (RELATED, a_or_an, actor_line, event_line, related_events, related_line, when,
                                words)
from kg.network import Projection, actor_graph, bipartite_graph, fact_graph, load_projection, relation_words
from kg.query import resolve_label, run_named

MEETING_CLASSES = ("Meeting", "Dialogue", "Summit", "WorkingGroupMeeting")
STATEMENT_CLASSES = ("JointStatement", "JointDeclaration", "Statement")
LEGAL_CLASSES = ("Extradition", "Arrest", "Designation", "Accusation", "AssassinationPlot", "LegalAction")
# event classes, most specific first: a brief on one of these is a brief on an event
EVENT_ORDER = ("WorkingGroupMeeting", "Dialogue", "Summit", "Meeting", "Attack", "JointDeclaration", "JointStatement",
               "Reaction", "CallToAct", "Statement") + LEGAL_CLASSES + (
               "MemorandumOfCooperation", "MemorandumOfUnderstanding", "Treaty", "Agreement", "UNSCResolution")
EVENT_CLASSES = frozenset(EVENT_ORDER)
SUMMARY_LINES = 6
KIND_WORDS = {"state": "state", "agency": "government agency", "intl": "international organization",
              "group": "terrorist group", "movement": "separatist movement", "person": "person",
              "news": "news agency", "organization": "organization"}


@dataclass(frozen=True)
class Line:
    """A sentence of the brief and the footnotes behind it."""

    text: str
    notes: tuple[int, ...]


@dataclass(frozen=True)
class Table:
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    notes: tuple[tuple[int, ...], ...]          # per row


@dataclass(frozen=True)
class Section:
    title: str
    lines: tuple[Line, ...] = ()
    table: Table | None = None
    figure: str | None = None                   # "ego" or "timeline": drawn by the renderer
    empty: str = ""                             # what to say when there is nothing


@dataclass(frozen=True)
class Brief:
    iri: str
    label: str
    kind: str
    since: dt.date | None
    as_of: dt.date | None
    sections: tuple[Section, ...]
    footnotes: tuple[Footnote, ...]
    projection: Projection                      # the graph inside the date window, for figures
    left_out: int                               # articles outside the date window
    is_event: bool = False                      # a brief on an event: its network is the fact graph

    @property
    def title(self) -> str:
        return f"Brief: {self.label}"

    def window(self) -> str:
        """'all articles', 'articles published 2020-01-01 to 2024-12-31' ..."""
        if not self.since and not self.as_of:
            return "all articles"
        if self.since and self.as_of:
            return f"articles published {self.since} to {self.as_of}"
        return f"articles published since {self.since}" if self.since else f"articles published by {self.as_of}"

    def caption(self) -> str:
        """The graph's date and the count of its sources, for every figure and page."""
        dates = sorted(s.published for s in self.projection.sources.values() if s.published)
        newest = dates[-1] if dates else "undated"
        return (f"Graph of {newest} ({self.window()}) · {len(self.projection.sources)} source articles · "
                f"{len(self.footnotes)} footnoted sentences · ctkg")


# -- building --------------------------------------------------------------------------------


def build_brief(store: ox.Store, name: str, *, since: dt.date | None = None, as_of: dt.date | None = None) -> Brief:
    """The brief on the entity named `name` (any label, alias or IRI)."""
    iri = _entity(store, name)
    facts = Facts(store, since=since, as_of=as_of)
    projection = window_projection(load_projection(store), since, as_of)
    label, kind = facts.label(iri), _kind(facts, iri)
    is_event = kind in EVENT_CLASSES
    if is_event:
        events = [(iri, "self", kind)] + [(e, p, _kind(facts, e)) for e, p in related_events(facts, iri)]
    else:
        events = _events(store, facts, iri)
    wholes = _wholes(facts, [e for e, _, _ in events])
    meetings = [w for w in wholes if _is_any(facts, w, MEETING_CLASSES)]
    meetings += [e for e, _, k in events if k in MEETING_CLASSES and e not in meetings]
    statements = [w for w in wholes if _is_any(facts, w, STATEMENT_CLASSES)]
    statements += [e for e, _, k in events if k in STATEMENT_CLASSES and e not in statements]
    statements += [r for e, role, k in events if k == "Reaction" for r in facts.objects(e, "respondsTo")
                   if r not in statements]
    attacks = _attacks(facts, iri, [e for e, _, _ in events] + wholes, events)
    graph = fact_graph(projection) if is_event else actor_graph(projection)
    lines = tuple(_line(facts, iri, label, e, role, k) for e, role, k in events)
    sections = (
        Section("Summary", (_typed_line(facts, iri, label, kind),) + lines[:SUMMARY_LINES]),
        Section("Network", table=_network_table(facts, iri, projection, graph), figure="ego",
                empty=f"No article relates {label} to another actor."),
        Section("Timeline", lines, figure="timeline", empty=f"No event involving {label} in the graph."),
        Section("Meetings and who led each side", table=_meetings_table(store, facts, meetings),
                empty=f"No meeting involving {label} in the graph."),
        Section("Terrorist groups named", table=_groups_table(facts, iri, [e for e, _, _ in events] + wholes),
                empty="No terrorist group named in these events."),
        Section("Attacks", table=_attacks_table(facts, attacks), empty="No attack in these events."),
        Section("Legal actions", table=_legal_table(facts, iri, events, attacks),
                empty="No legal action in these events."),
        Section("Reactions of third states", table=_reactions_table(facts, statements),
                empty="No state reacted to these statements in the graph."),
    )
    sections, footnotes = _renumbered(sections, facts.footnotes())
    return Brief(iri, label, words(kind) or "entity", since, as_of, sections, footnotes, projection,
                 len(facts.outside), is_event)


def _renumbered(sections: tuple[Section, ...], notes: tuple[Footnote, ...]):
    """Footnotes numbered in the order a reader meets them: section by section, its lines, then
    its table's rows."""
    order: dict[int, int] = {}
    for section in sections:
        cited = [n for line in section.lines for n in line.notes]
        cited += [n for row in (section.table.notes if section.table else ()) for n in row]
        for number in cited:
            order.setdefault(number, len(order) + 1)
    new = lambda numbers: tuple(sorted(order[n] for n in numbers))  # noqa: E731
    sections = tuple(replace(
        section, lines=tuple(Line(line.text, new(line.notes)) for line in section.lines),
        table=replace(section.table, notes=tuple(new(n) for n in section.table.notes)) if section.table else None)
        for section in sections)
    notes = sorted((replace(note, number=order[note.number]) for note in notes if note.number in order),
                   key=lambda note: note.number)
    return sections, tuple(notes)


def _entity(store: ox.Store, name: str) -> str:
    found = resolve_label(store, name)
    return found[0].value


def _kind(facts: Facts, iri: str) -> str:
    """The most specific ctkg class the facts give `iri` (local name), '' if none."""
    types = [local_name(f.object) for f in facts.find(iri, RDF_TYPE, subject=iri)]
    ranked = [t for t in EVENT_ORDER if t in types]
    return ranked[0] if ranked else (types[0] if types else "")


def _is_any(facts: Facts, iri: str, classes) -> bool:
    return any(facts.is_a(iri, c) for c in classes)


def _events(store: ox.Store, facts: Facts, iri: str) -> list[tuple[str, str, str]]:
    """(event, role, kind) for each event the timeline query finds for `iri` that some article
    inside the window states, dated ones first."""
    rows = run_named(store, "timeline", {"actor": iri}, iris=True).rows
    seen, events = set(), []
    for _date, event, kind, role in rows:
        key = (event, role)
        if key in seen or not facts.about(event):
            continue
        seen.add(key)
        events.append((event, local_name(role), local_name(kind or "")))
    return sorted(events, key=lambda e: (facts.dated(e[0]) is None, facts.dated(e[0]) or "", facts.label(e[0])))


def _wholes(facts: Facts, events: list[str]) -> list[str]:
    """The statements and meetings the events are part of, or were issued at."""
    found = []
    for event in events:
        for whole in facts.objects(event, "partOf") + facts.objects(event, "issuedAt"):
            if whole not in found and whole not in events:
                found.append(whole)
                found += [m for m in facts.objects(whole, "issuedAt") if m not in found]
    return found


def _typed_line(facts: Facts, iri: str, label: str, kind: str) -> Line:
    typed = facts.find(iri, RDF_TYPE, subject=iri)
    count = len({f.file for f in typed})
    return Line(f"{label} is named as {a_or_an(words(kind) or 'entity')} in {count} of the articles.",
                facts.cite(typed))


def _line(facts: Facts, iri: str, label: str, event: str, role: str, kind: str) -> Line:
    """The sentence for one event of the brief, citing the facts it was written from."""
    if role == "self":
        text, used = event_line(facts, iri, label, kind)
    elif role in RELATED:
        text, used = related_line(facts, iri, label, event, role)
    else:
        text, used = actor_line(facts, iri, label, event, role, kind)
    return Line(text, facts.cite(used))


# -- tables ----------------------------------------------------------------------------------


def _table(columns, rows) -> Table | None:
    rows = [r for r in rows if r]
    if not rows:
        return None
    return Table(tuple(columns), tuple(r[0] for r in rows), tuple(r[1] for r in rows))


def _network_table(facts: Facts, iri: str, projection: Projection, graph) -> Table | None:
    """The actors one relation away (those the ego figure draws), how each is related, and the
    facts behind it: those between the two ends of each relation and what it was read through
    (a post, a delegation, a call to act), or, for actors that only took part in the same
    event, the facts that tie each of the two to that event."""
    if iri not in graph:
        return None
    events = bipartite_graph(projection)
    by_label = {node.label: node.iri for node in projection.nodes.values()}
    rows = []
    for other in sorted(graph.neighbors(iri), key=lambda n: projection.label(n).casefold()):
        data = graph.edges[iri, other]
        links = list(data.get("links", []))
        for event in (by_label[e] for e in data.get("events", []) if e in by_label):
            links += [link for end in (iri, other) if events.has_edge(end, event)
                      for link in events.edges[end, event]["links"]]
        cited = [fact for link in links for fact in _link_facts(facts, link)]
        kind = projection.nodes[other].kind
        how = relation_words(data, iri, projection) + ("" if cited else " (reference data)")
        rows.append(((projection.label(other), KIND_WORDS.get(kind, kind), how), facts.cite(cited)))
    return _table(("actor", "kind", "how related"), rows)


def _link_facts(facts: Facts, link) -> list[Evidence]:
    """The facts a network link was read from: those between its two ends and the node it was
    read through (a post, a delegation, a call to act, a reaction)."""
    ends = {link.source, link.target, *link.via}
    return [f for node in (link.via or (link.source,)) for f in facts.about(node)
            if f.subject in ends and f.object in ends]


def _meetings_table(store: ox.Store, facts: Facts, meetings: list[str]) -> Table | None:
    rows = []
    for meeting in meetings:
        dated = [f for p in ("startDate", "startMonth") for f in facts.find(meeting, p, subject=meeting)]
        sides = run_named(store, "delegations", {"meeting": meeting}, iris=True).rows
        for _, _, state, leader in sides:
            delegations = [d for d in facts.subjects(leader, "ledBy") if facts.find(d, "atEvent", object=meeting)]
            cited = [f for d in delegations for p in ("ledBy", "delegationOf", "atEvent") for f in facts.find(d, p, subject=d)]
            if cited:
                rows.append(((facts.label(meeting), facts.dated(meeting) or "", facts.label(state), facts.label(leader)),
                             facts.cite(dated + cited)))
        if not sides:
            typed = facts.find(meeting, RDF_TYPE, subject=meeting)
            rows.append(((facts.label(meeting), facts.dated(meeting) or "", "not stated", "not stated"),
                         facts.cite(dated + typed[:1])))
    return _table(("meeting", "date", "side", "led by"), rows)


def _groups_table(facts: Facts, iri: str, events: list[str]) -> Table | None:
    rows = []
    for event in events:
        for fact in facts.find(event, "namesGroup", subject=event):
            rows.append(((facts.label(fact.object), facts.label(event), facts.dated(event) or ""), fact))
    if facts.is_a(iri, "TerroristGroup"):
        rows += [((facts.label(iri), facts.label(f.subject), facts.dated(f.subject) or ""), f)
                 for f in facts.find(iri, "namesGroup", object=iri)]
    merged: dict[tuple, list[Evidence]] = {}
    for key, fact in rows:
        merged.setdefault(key, []).append(fact)
    return _table(("group", "named in", "date"), [(k, facts.cite(v)) for k, v in sorted(merged.items())])


def _attacks(facts: Facts, iri: str, events: list[str], timeline) -> list[str]:
    found = [e for e, _, kind in timeline if kind == "Attack"]
    for event in events:
        found += facts.objects(event, "refersToAttack") + facts.objects(event, "concernsAttack")
    for role in ("perpetrator", "attributedTo", "claimedBy", "suspectedPerpetrator"):
        found += facts.subjects(iri, role)
    return list(dict.fromkeys(found))


def _attacks_table(facts: Facts, attacks: list[str]) -> Table | None:
    rows = []
    for attack in attacks:
        cells, cited = [facts.label(attack)], []
        for predicates in (("startDate",), ("place",), ("perpetrator", "attributedTo", "claimedBy",
                                                        "suspectedPerpetrator"), ("killed",)):
            found = [f for p in predicates for f in facts.find(attack, p, subject=attack)]
            values = list(dict.fromkeys(_shown(facts, f.object) for f in found))
            known = [_shown(facts, v) for p in predicates for v in facts.reference(attack, p)]
            cells.append(", ".join(values) or (", ".join(known) + " (reference data)" if known else "not stated"))
            cited += found
        rows.append((tuple(cells), facts.cite(cited or facts.find(attack, RDF_TYPE, subject=attack)[:1])))
    return _table(("attack", "date", "place", "by", "killed"), rows)


def _shown(facts: Facts, value: str) -> str:
    """An IRI as its label, a date as its day, anything else as it is."""
    return facts.label(value) if "://" in value else value[:10]


def _legal_table(facts: Facts, iri: str, timeline, attacks: list[str]) -> Table | None:
    actions = [e for e, role, kind in timeline if role in ("actingState", "targetPerson", "targetGroup", "requestingState")
               or kind in LEGAL_CLASSES]
    for attack in attacks:
        actions += facts.subjects(attack, "concernsAttack")
    rows = []
    for action in dict.fromkeys(actions):
        kinds = [local_name(f.object) for f in facts.find(action, RDF_TYPE, subject=action)]
        targets = facts.find(action, "targetPerson", subject=action) + facts.find(action, "targetGroup", subject=action)
        states = facts.find(action, "actingState", subject=action)
        over = facts.find(action, "concernsAttack", subject=action)
        rows.append(((", ".join(dict.fromkeys(facts.label(f.object) for f in targets)) or "not stated",
                      words(kinds[-1]) if kinds else "legal action",
                      ", ".join(dict.fromkeys(facts.label(f.object) for f in states)) or "not stated",
                      ", ".join(dict.fromkeys(facts.label(f.object) for f in over)) or "not stated"),
                     facts.cite(targets + states + over)))
    return _table(("who", "action", "by", "over"), [r for r in rows if r[1]])


def _reactions_table(facts: Facts, statements: list[str]) -> Table | None:
    """A matrix: one row per state that reacted, one column per statement, the stance in each cell."""
    cells: dict[tuple[str, str], tuple[str, list[Evidence]]] = {}
    for statement in statements:
        for reaction in facts.subjects(statement, "respondsTo"):
            stance = facts.find(reaction, "stance", subject=reaction)
            for issued in facts.find(reaction, "issuedBy", subject=reaction):
                text = stance[0].object if stance else "reacted (stance not stated)"
                cited = [issued] + stance + facts.find(reaction, "respondsTo", subject=reaction)
                cells[(issued.object, statement)] = (text, cited)
    if not cells:
        return None
    states = sorted({s for s, _ in cells}, key=facts.label)
    shown = [s for s in statements if any((state, s) in cells for state in states)]
    rows = []
    for state in states:
        row = [facts.label(state)] + [cells[(state, s)][0] if (state, s) in cells else "—" for s in shown]
        rows.append((tuple(row), facts.cite(f for s in shown if (state, s) in cells for f in cells[(state, s)][1])))
    columns = ("state",) + tuple(f"{facts.label(s)}{when(facts, s)}" for s in shown)
    return _table(columns, rows)


# -- the date window -------------------------------------------------------------------------


def window_projection(projection: Projection, since: dt.date | None, as_of: dt.date | None) -> Projection:
    """The projection as the articles published inside [since, as_of] state it (all of it when
    neither is given); the reference data always counts."""
    if since is None and as_of is None:
        return projection

    def inside(source) -> bool:
        if not source.published:
            return False
        day = dt.date.fromisoformat(source.published[:10])
        return (since is None or day >= since) and (as_of is None or day <= as_of)

    sources = {g: s for g, s in projection.sources.items() if inside(s)}
    kept = lambda graphs: frozenset(g for g in graphs if g in sources or g not in projection.sources)  # noqa: E731
    links = tuple(replace(link, graphs=kept(link.graphs)) for link in projection.links if kept(link.graphs))
    ends = {n for link in links for n in (link.source, link.target)}
    nodes = {iri: replace(node, mentions=kept(node.mentions)) for iri, node in projection.nodes.items()
             if kept(node.mentions) or iri in ends}
    return replace(projection, nodes=nodes, links=links, sources=sources)
