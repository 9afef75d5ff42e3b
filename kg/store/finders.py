"""What the loader looks up in the store: a person by name key, a session of a series, the
labels other articles give an entity, and what is stored of the entities an article names (the
validation context).

The lookups are quad patterns with a bound subject, object or graph on the lookup index
(kg.store.index), not SPARQL: Oxigraph's planner does not see substituted values, so a query with
a substituted parameter scans every match of its other patterns and its cost grows with the
store. A quad pattern costs the same whether the store holds ten facts or ten million.
"""
from __future__ import annotations

import datetime as dt
import re

import pyoxigraph as ox
from rdflib import Graph, URIRef

from kg.store.index import DESCRIBED, IN_SERIES, NAME_KEY, PREF_LABEL, has_index, index_quads, stated_elsewhere
from kg.vocab import CTKG, G_REFERENCE, PREFIXES, from_ox, mint

START_DATE = ox.NamedNode(str(CTKG.startDate))
EVENT_STATUS = ox.NamedNode(str(CTKG.eventStatus))
HELD = ox.NamedNode(str(CTKG.Held))
G_REFERENCE_NODE = ox.NamedNode(str(G_REFERENCE))
_DESCRIBED_SET = frozenset(DESCRIBED)
_TYPE = ox.NamedNode(PREFIXES["rdf"] + "type")
_PARENT_LINKS = {ox.NamedNode(str(CTKG.subOrganizationOf)), ox.NamedNode(str(CTKG.actsFor))}


def _values(store, subject, predicate) -> list[str]:
    return sorted(v.value for v in distinct_objects(store, subject, predicate))


def distinct_objects(store, subject, predicate, skip_graph=None) -> list:
    """The distinct objects of (subject, predicate), as the lookup index has them; with
    `skip_graph`, only those some other graph states too."""
    found = list(dict.fromkeys(quad.object for quad in index_quads(store, subject, predicate, None)))
    if skip_graph is None:
        return found
    return [o for o in found if stated_elsewhere(store, (subject, predicate, o), [skip_graph])]


def find_person(store, key: str) -> tuple[URIRef, str] | None:
    """The person already stored with this name key (ctkg:nameKey), with their preferred label."""
    people = sorted({q.subject.value for q in index_quads(store, None, NAME_KEY, ox.Literal(key))})
    for person in people:
        labels = _values(store, ox.NamedNode(person), PREF_LABEL)
        if labels:
            return URIRef(person), labels[0]
    return None


def find_meeting(store, series_key: str, start: dt.date | None,
                 month_day: tuple[int, int] | None) -> tuple[URIRef, bool] | None:
    """A stored session of the series within five days of `start` (or of `month_day`, year unknown),
    and whether the store already dates it."""
    series = ox.NamedNode(str(mint("series", series_key)))
    sessions = sorted({q.subject.value for q in index_quads(store, None, IN_SERIES, series)})
    for meeting in sessions:
        node = ox.NamedNode(meeting)
        if HELD.value not in _values(store, node, EVENT_STATUS):
            continue
        starts = _values(store, node, START_DATE)
        stored = dt.date.fromisoformat(starts[0]) if starts else None
        if start and stored and abs((stored - start).days) <= 5:
            return URIRef(meeting), True
        stored_md = (stored.month, stored.day) if stored else _month_day_from_iri(meeting)
        wanted_md = (start.month, start.day) if start else month_day
        if stored_md and wanted_md and (start is None or stored is None):
            if abs(_day_of_year(stored_md) - _day_of_year(wanted_md)) <= 5:
                return URIRef(meeting), stored is not None
    return None


def _month_day_from_iri(iri: str) -> tuple[int, int] | None:
    """Meetings whose year was unknown are minted with a '-MM-DD' suffix (see events._meeting)."""
    m = re.search(r"-(\d{2})-(\d{2})$", iri)
    return (int(m.group(1)), int(m.group(2))) if m else None


def _day_of_year(md: tuple[int, int]) -> int:
    return (md[0] - 1) * 31 + md[1]


def describe_triples(store, iris: set) -> list[tuple]:
    """Types, labels, titles, states and dates of the given entities as stored, as (subject,
    predicate, object) tuples of pyoxigraph terms, each once: the validation context. A known
    actor is described from the reference graph alone (its articles restate what the reference
    data says). (A later report of a meeting leaves its dates to the first; see events._meeting.)"""
    found: dict[tuple, None] = {}
    nodes = [iri if isinstance(iri, ox.NamedNode) else ox.NamedNode(str(iri)) for iri in iris]
    indexed = has_index(store)
    for node in nodes:
        for predicate, value in _described(store, node, indexed):
            found[(node, predicate, value)] = None
    # One step further: the types of the organizations and states those point at.
    given = set(nodes)
    parents = {o for _, p, o in found if p in _PARENT_LINKS and isinstance(o, ox.NamedNode)}
    for parent in sorted(parents - given, key=str):
        for value in distinct_objects(store, parent, _TYPE):
            found[(parent, _TYPE, value)] = None
    return list(found)


def _described(store, node: ox.NamedNode, indexed: bool) -> list[tuple]:
    """(predicate, value) of what is stored about `node` under a DESCRIBED predicate: from the
    reference graph alone for a known actor, else from the lookup index (one read for all the
    predicates), or from every graph on a store without one."""
    reference = [(q.predicate, q.object) for q in store.quads_for_pattern(node, None, None, G_REFERENCE_NODE)]
    if any(predicate == _TYPE for predicate, _ in reference):
        return [(p, o) for p, o in reference if p in _DESCRIBED_SET]
    if indexed:
        quads = index_quads(store, node, None, None)
        return list(dict.fromkeys((q.predicate, q.object) for q in quads if q.predicate in _DESCRIBED_SET))
    return [(p, o) for p in DESCRIBED for o in distinct_objects(store, node, p)]


def describe(store, iris: set[URIRef]) -> Graph:
    """describe_triples as an rdflib graph."""
    graph = Graph()
    for s, p, o in describe_triples(store, iris):
        graph.add((from_ox(s), from_ox(p), from_ox(o)))
    return graph


def other_labels(store, iri: URIRef, predicate: URIRef, except_graph: URIRef) -> set[str]:
    """The values of `predicate` (a label or title) for `iri` in every graph but `except_graph`."""
    return {v.value for v in distinct_objects(store, ox.NamedNode(str(iri)), ox.NamedNode(str(predicate)),
                                              skip_graph=ox.NamedNode(str(except_graph)))}
