"""What the loader looks up in the store: what is stored of the entities an article names (the
validation context). (Resolution, kg/resolve.py, reads quad patterns of its own.)

The lookups are quad patterns with a bound subject, object or graph on the lookup index
(kg.store.index), not SPARQL: Oxigraph's planner does not see substituted values, so a query with
a substituted parameter scans every match of its other patterns and its cost grows with the
store. A quad pattern costs the same whether the store holds ten facts or ten million.
"""
from __future__ import annotations

import pyoxigraph as ox
from rdflib import Graph, URIRef

from kg.store.index import DESCRIBED, has_index, index_quads
from kg.vocab import CTKG, G_REFERENCE, PREFIXES, from_ox

G_REFERENCE_NODE = ox.NamedNode(str(G_REFERENCE))
_DESCRIBED_SET = frozenset(DESCRIBED)
_TYPE = ox.NamedNode(PREFIXES["rdf"] + "type")
_PARENT_LINKS = {ox.NamedNode(str(CTKG.subOrganizationOf)), ox.NamedNode(str(CTKG.actsFor))}


def distinct_objects(store, subject, predicate) -> list:
    """The distinct objects of (subject, predicate), as the lookup index has them."""
    return list(dict.fromkeys(quad.object for quad in index_quads(store, subject, predicate, None)))


def describe_triples(store, iris: set) -> list[tuple]:
    """Types, labels, titles, states and dates of the given entities as stored, as (subject,
    predicate, object) tuples of pyoxigraph terms, each once: the validation context. A known
    actor is described from the reference graph alone (its articles restate what the reference
    data says)."""
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
