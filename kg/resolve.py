"""Resolution: an article's graph, extracted with IRIs of its own, joined to what other reports stored.

    read -> parse -> extract (a pure function of the article) -> resolve -> validate -> store

Extraction mints every IRI from the article alone: a person from their first and last name, a
session of a series from the series and its month (or, with no year, its month and day). Reports
of one thing can still mint different IRIs or give it different names:
- a person spelled two ways with one name key ('Gurpatwant Singh Pannun', 'G S Panun');
- a session that one report dates and another knows only by month and day ('Dec 19', no year),
  or that two reports date a few days apart across the end of a month;
- a thing that two reports give different preferred labels or titles.

Resolution decides each by a rule that does not depend on which report came first, so that the
order of the articles never changes an IRI or a triple:
- of the IRIs that name one thing, the canonical one is the reference data's, else the more
  precisely dated session, else the first in sort order;
- of the preferred labels (or titles) of one thing, the reference data's, else the one written
  most as a proper name, then the fuller, then the shorter (`name_rank`). An article that gave
  another keeps it as an alias (skos:altLabel) and states the canonical one in its place,
  asserted from the same sentence by the rule `resolution-canonical-name`: each article's graph
  names each thing as the store does.
When the canonical IRI or label is this article's, the stored graphs that used another are
rewritten in the same step as the article is written (`rewrites`). Fact IRIs are minted by extraction
from its own terms, so a rewrite never changes them.

It reads the store through quad patterns only (an embedded store or a SPARQL server alike).
"""
from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

import pyoxigraph as ox

from kg.reference import ReferenceIndex, reference_index
from kg.terms import NamedNode, ctkg, rdf, skos
from kg.triples import ArticleGraph
from kg.vocab import ARTICLE_GRAPH_PREFIX, G_REFERENCE, base_iri

NAME_KEY, IN_SERIES = ctkg.nameKey, ctkg.inSeries
START_DATE, MONTH_DAY = ctkg.startDate, ctkg.startMonthDay
STATUS, HELD = ctkg.eventStatus, ctkg.Held
PREF_LABEL, ALT_LABEL, TITLE = skos.prefLabel, skos.altLabel, ctkg.title
SUBJECT, PREDICATE, OBJECT = rdf.subject, rdf.predicate, rdf.object
RULE = ctkg.extractedBy
CANONICAL_NAME_RULE = ox.Literal("resolution-canonical-name")   # kg/resolve.py states another report's name
NAMES = (PREF_LABEL, TITLE)          # one value per thing; the others become aliases
REFERENCE = NamedNode(str(G_REFERENCE))
SAME_SESSION_DAYS = 5                # two reports of a session may date it this many days apart
# Values each report states for itself, side by side with other reports' (competing claims): an
# article is validated against its own, not against what other reports say of the same event.
PER_REPORT = frozenset((ctkg.startDate, ctkg.endDate, ctkg.startMonth, ctkg.startMonthDay))
PER_REPORT_IRIS = frozenset(p.value for p in PER_REPORT)


@dataclass(frozen=True)
class Resolved:
    """An article's graph with canonical IRIs and names, and the rewrites of stored graphs that
    make the rest of the store agree with it."""

    graph: ArticleGraph
    renames: tuple[tuple[ox.NamedNode, ox.NamedNode], ...] = ()          # stored IRI -> canonical
    demoted: tuple[tuple[tuple, ox.Literal], ...] = ()   # ((thing, property, stored name), canonical name)


def resolve_article(graph: ArticleGraph, store, index: ReferenceIndex | None = None) -> Resolved:
    """Join the article's people and sessions to the stored ones and pick one name per thing."""
    index = index or reference_index()
    own = graph.graph_iri
    local, renames = _same_things(graph.triples, store, own, index)
    triples = [_renamed(t, local) for t in graph.triples]
    triples, demoted = _one_name_each(triples, store, own, renames)
    resolved = ArticleGraph(graph.article, graph.graph_iri, list(dict.fromkeys(triples)),
                            graph.new_entities, graph.known_entities, graph.events)
    return Resolved(resolved, tuple(sorted(renames.items(), key=str)), tuple(sorted(demoted.items(), key=str)))


# -- the same thing under two IRIs -----------------------------------------------------------------

def _same_things(triples: list[tuple], store, own: ox.NamedNode, index: ReferenceIndex):
    """(this article's IRI -> canonical, stored IRI -> canonical) for its people and sessions."""
    local: dict[ox.NamedNode, ox.NamedNode] = {}
    stored: dict[ox.NamedNode, ox.NamedNode] = {}
    for thing, others, rank in _people(triples, store, own, index) + _sessions(triples, store, own):
        canonical = min([thing, *others], key=rank)
        if canonical != thing:
            local[thing] = canonical
        stored.update({other: canonical for other in others if other != canonical})
    return local, stored


def _people(triples, store, own, index) -> list[tuple]:
    """(person, stored people with the same name key, rank) for each person the article names."""
    found = []
    for person, _, key in (t for t in triples if t[1] == NAME_KEY and isinstance(t[0], ox.NamedNode)):
        others = {q.subject for q in _stored(store, None, NAME_KEY, key, own)} - {person}
        if others:
            found.append((person, sorted(others, key=str),
                          lambda iri: (iri not in index.known, iri.value)))
    return found


def _sessions(triples, store, own) -> list[tuple]:
    """(session, stored sessions of its series within SAME_SESSION_DAYS of it, rank) for each held
    session the article dates, fully or by month and day."""
    found = []
    held = {s for s, p, o in triples if p == STATUS and o == HELD}
    for session, _, series in (t for t in triples if t[1] == IN_SERIES and t[0] in held):
        when = _when([o for s, p, o in triples if s == session and p in (START_DATE, MONTH_DAY)])
        if when is None:
            continue
        others, dated = [], {session} if isinstance(when, dt.date) else set()
        for other in sorted({q.subject for q in _stored(store, None, IN_SERIES, series, own)} - {session}, key=str):
            if not _stored(store, other, STATUS, HELD, own):
                continue
            stated = _when([q.object for p in (START_DATE, MONTH_DAY) for q in _stored(store, other, p, None, own)])
            if stated is not None and _near(when, stated):
                others.append(other)
                if isinstance(stated, dt.date):
                    dated.add(other)
        if others:
            found.append((session, others, lambda iri, dated=dated: (iri not in dated, iri.value)))
    return found


def _when(values: list) -> dt.date | tuple[int, int] | None:
    """The earliest date among `values` (xsd:date literals), else a month and day (xsd:gMonthDay)."""
    dates, month_days = [], []
    for value in values:
        if value.value.startswith("--"):
            month, day = value.value[2:4], value.value[5:7]
            if month.isdigit() and day.isdigit():
                month_days.append((int(month), int(day)))
            continue   # else not a month and day: validation says so
        try:
            dates.append(dt.date.fromisoformat(value.value[:10]))
        except ValueError:
            continue   # not a date: validation says so
    return min(dates) if dates else (min(month_days) if month_days else None)


def _near(a, b) -> bool:
    """Whether two dates (or month-days, when either lacks a year) are within SAME_SESSION_DAYS."""
    if isinstance(a, dt.date) and isinstance(b, dt.date):
        return abs((a - b).days) <= SAME_SESSION_DAYS
    # Days of a leap year, so that a February 29 has one; the gap is taken either way round the year.
    day = [dt.date(2000, *(x.month, x.day) if isinstance(x, dt.date) else x).timetuple().tm_yday for x in (a, b)]
    apart = abs(day[0] - day[1])
    return min(apart, 366 - apart) <= SAME_SESSION_DAYS


def _before(node: ox.NamedNode, renames: dict) -> list[ox.NamedNode]:
    """`node` and the stored IRIs that `renames` makes `node` (a renamed person's posts too)."""
    found = [node] + [old for old, new in renames.items() if new == node]
    held = _post_of(node)
    if held is not None:
        person, title = held
        found += [_post(old, title) for old, new in renames.items() if new == person]
    return found


def _post_of(node: ox.NamedNode) -> tuple[ox.NamedNode, str] | None:
    """(person, title key) of a post IRI (…/post/PERSON/TITLE, as kg/triples.py mints it)."""
    post = base_iri() + "post/"
    if not node.value.startswith(post):
        return None
    person, _, title = node.value[len(post):].partition("/")
    return (ox.NamedNode(base_iri() + "person/" + person), title) if title else None


def _post(person: ox.NamedNode, title: str) -> ox.NamedNode:
    return ox.NamedNode(person.value.replace("/person/", "/post/", 1) + "/" + title)


def _renamed(triple: tuple, renames: dict) -> tuple:
    return tuple(_rename(t, renames) for t in triple) if renames else triple


def _rename(node, renames: dict):
    """`node` under its canonical IRI; the posts of a renamed person move with them
    (…/post/PERSON/TITLE)."""
    if not isinstance(node, ox.NamedNode) or not renames:
        return node
    if node in renames:
        return renames[node]
    held = _post_of(node)
    if held is not None and held[0] in renames:
        return _post(renames[held[0]], held[1])
    return node


# -- one name per thing ----------------------------------------------------------------------------

def _one_name_each(triples: list[tuple], store, own, renames: dict):
    """The triples with each losing preferred label (or title) of this article made an alias and
    the canonical one stated in its place, and the stored names this article's names displace
    (name -> canonical, under the IRIs `renames` gives them)."""
    demoted: dict[tuple, ox.Literal] = {}
    losing: dict[tuple, ox.Literal] = {}
    for s, p, name in [t for t in triples if t[1] in NAMES and isinstance(t[0], ox.NamedNode)]:
        reference = {q.object for q in store.quads_for_pattern(s, p, None, REFERENCE)}
        others = {q.object for before in _before(s, renames) for q in _stored(store, before, p, None, own)} - {name}
        if not others and not reference - {name}:
            continue
        best = min({name} | others | reference, key=lambda label: (label not in reference, *name_rank(label.value)))
        if best != name:
            losing[(s, p, name)] = best
        demoted.update({(s, p, other): best for other in others if other != best})
    return _as_aliases(triples, losing), demoted


def _as_aliases(triples: list[tuple], losing: dict) -> list[tuple]:
    """`triples` with each name in `losing` stated as skos:altLabel (its assertion's rdf:predicate
    too) and the canonical name `losing` gives stated in its place, asserted from the same sentence
    by the resolution rule (its assertion IRI made from the displaced one's, so that the order in
    which reports arrive never changes it)."""
    if not losing:
        return triples
    parts: dict = {}
    for s, p, o in triples:
        if p in (SUBJECT, PREDICATE, OBJECT):
            parts.setdefault(s, {})[p] = o
    assertions = {(v.get(SUBJECT), v.get(PREDICATE), v.get(OBJECT)): node for node, v in parts.items()}
    out, added = [], []
    for s, p, o in triples:
        if (s, p, o) in losing:
            best = losing[(s, p, o)]
            added.append((s, p, best))
            displaced = assertions.get((s, p, o))
            if displaced is not None:
                added += _canonical_assertion(displaced, (s, p, best), triples)
            p = ALT_LABEL
        elif p == PREDICATE and o in NAMES:
            stated = parts.get(s, {})
            if (stated.get(SUBJECT), o, stated.get(OBJECT)) in losing:
                o = ALT_LABEL
        out.append((s, p, o))
    return out + added


def _canonical_assertion(displaced: ox.NamedNode, triple: tuple, triples: list[tuple]) -> list[tuple]:
    """The assertion of the canonical name put in the place of the `displaced` one's name: the same
    sentence and confidence, the resolution rule."""
    key = f"{displaced.value}|{triple[2]}".encode()
    node = ox.NamedNode(base_iri() + "fact/" + hashlib.sha1(key).hexdigest())
    made = [(node, SUBJECT, triple[0]), (node, PREDICATE, triple[1]), (node, OBJECT, triple[2]),
            (node, RULE, CANONICAL_NAME_RULE)]
    kept = (SUBJECT, PREDICATE, OBJECT, RULE)
    return made + [(node, p, o) for s, p, o in triples if s == displaced and p not in kept]


def name_rank(name: str) -> tuple:
    """Which of two names of one thing is canonical (the lower): the one written most as a proper
    name (more capitalised words: 'Joint Working Group' over 'joint working group', 'Meeting (May
    2019)' over 'Meeting'), then the fuller (more words, initials aside: 'Tahawwur Hussain Rana'
    over 'Tahawwur Rana'), then the shorter ('Nathan Sales' over 'Nathan A Sales'), then the
    first in sort order."""
    words = [w.strip("()[]{},.;:'\"") for w in name.split()]
    words = [w for w in words if len(w) > 1]
    return -sum(1 for w in words if w[0].isupper()), -len(words), len(name), name


# -- the store ---------------------------------------------------------------------------------------

def _stored(store, s, p, o, own: ox.NamedNode) -> list:
    """What the article graphs other than `own` state of the pattern."""
    return [q for q in store.quads_for_pattern(s, p, o, None)
            if isinstance(q.graph_name, ox.NamedNode) and q.graph_name.value.startswith(ARTICLE_GRAPH_PREFIX)
            and q.graph_name != own]


def rewrites(store, resolved: Resolved) -> dict[ox.NamedNode, list[tuple]]:
    """The stored article graphs `resolved` changes, each with its new triples (to write with the
    article: kg.store.write_graph keeps the lookup index in step)."""
    renames = dict(resolved.renames)
    own = resolved.graph.graph_iri
    touched = {q.graph_name for old in renames for q in _stored(store, old, None, None, own)}
    touched |= {q.graph_name for old in renames for q in _stored(store, None, None, old, own)}
    touched |= {q.graph_name for (s, p, o), _ in resolved.demoted for q in _stored(store, s, p, o, own)}
    changed = {}
    for graph in sorted(touched, key=str):
        old = [(q.subject, q.predicate, q.object) for q in store.quads_for_pattern(None, None, None, graph)]
        changed[graph] = as_rewritten(old, resolved)
    return changed


def validation_context(stored: list[tuple], resolved: Resolved, index: ReferenceIndex | None = None) -> list[tuple]:
    """What is stored of the things the article names, as it will read once the article is written,
    less the values other reports claim for themselves (PER_REPORT; the reference data's stay)."""
    index = index or reference_index()
    return [t for t in as_rewritten(stored, resolved) if not others_claim(t[0].value, t[1].value, index)]


def others_claim(subject: str, predicate: str, index: ReferenceIndex) -> bool:
    """Whether a stored value of `predicate` for `subject` is a claim its report makes for itself
    (PER_REPORT), which another article is not validated against; the reference data's are not."""
    return predicate in PER_REPORT_IRIS and not _is_known(subject, index)


def _is_known(iri: str, index: ReferenceIndex) -> bool:
    """Whether the reference data names `iri` (a blank node's id never is)."""
    try:
        return NamedNode(iri) in index.known
    except ValueError:
        return False


def as_rewritten(triples: list[tuple], resolved: Resolved) -> list[tuple]:
    """Stored `triples` as they read once `resolved` is written: renamed, names displaced made
    aliases."""
    renames = dict(resolved.renames)
    return list(dict.fromkeys(_as_aliases([_renamed(t, renames) for t in triples], dict(resolved.demoted))))
