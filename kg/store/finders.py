"""The validation context: what is stored of the entities a graph names (their types, labels,
titles, states and dates, and the types of the organizations and states they point at), read
by the loader for each article and by kg import for each graph of a file. (Resolution,
kg/resolve.py, reads quad patterns of its own.)

The lookups are quad patterns with a bound subject on the lookup index (kg.store.index), not
SPARQL: Oxigraph's planner does not see substituted values, so a query with a substituted
parameter scans every match of its other patterns and its cost grows with the store. A quad
pattern costs the same whether the store holds ten facts or ten million.
"""
from __future__ import annotations

import pyoxigraph as ox

from kg.store.index import DESCRIBED, has_index, index_quads
from kg.terms import ctkg
from kg.vocab import G_REFERENCE, PREFIXES

G_REFERENCE_NODE = ox.NamedNode(str(G_REFERENCE))
_DESCRIBED_SET = frozenset(DESCRIBED)
_TYPE = ox.NamedNode(PREFIXES["rdf"] + "type")
_PARENT_LINKS = {ctkg.subOrganizationOf, ctkg.actsFor}
_OWN_NODES = (str(ctkg),)               # the vocabulary: described by the ontology, not here
_OWN_PARTS = ("/fact/", "/article/")        # an article's facts and the article: nothing else describes them


def distinct_objects(store, subject, predicate) -> list:
    """The distinct objects of (subject, predicate), as the lookup index has them."""
    return list(dict.fromkeys(quad.object for quad in index_quads(store, subject, predicate, None)))


def pointed_at(triples) -> set[ox.NamedNode]:
    """The entities (subject, predicate, object) tuples of pyoxigraph terms name: whose stored
    descriptions are their validation context (not the vocabulary, the facts or the articles)."""
    nodes = {s for s, _, _ in triples} | {o for _, _, o in triples}
    return {n for n in nodes if isinstance(n, ox.NamedNode) and not n.value.startswith(_OWN_NODES)
            and not any(part in n.value for part in _OWN_PARTS)}


def describe_triples(store, iris) -> list[tuple]:
    """The validation context of the entities `iris` (pyoxigraph NamedNodes), as (subject,
    predicate, object) tuples, each once (Descriptions, read once)."""
    return Descriptions(store).describe(iris)


class Descriptions:
    """What is stored of entities, each read once: the validation context.

    An entity's description is what the store states of it under a DESCRIBED predicate; a known
    actor (typed in the reference graph) is described from the reference graph alone (its
    articles restate what the reference data says). `also` is a store read beside it, as a whole
    (kg import: the file being imported, whose graphs were made together). Descriptions kept for
    a run of imports follow what each imported graph states (`learn`), and a graph about to be
    replaced has its entities read again (`forget_graph`)."""

    def __init__(self, store, also: ox.Store | None = None) -> None:
        self.store = store
        self.also = also
        self.indexed = has_index(store)
        self.known: dict[ox.NamedNode, dict[tuple, None]] = {}   # entity -> its (predicate, value)s
        self.reference_only: set[ox.NamedNode] = set()

    def describe(self, iris) -> list[tuple]:
        """The descriptions of `iris`, and the types of the organizations and states they point at."""
        found: dict[tuple, None] = {}
        nodes = [iri if isinstance(iri, ox.NamedNode) else ox.NamedNode(str(iri)) for iri in iris]
        for node in nodes:
            for predicate, value in self._of(node):
                found[(node, predicate, value)] = None
        parents = {o for _, p, o in found if p in _PARENT_LINKS and isinstance(o, ox.NamedNode)} - set(nodes)
        for parent in sorted(parents, key=str):
            for predicate, value in self._of(parent):
                if predicate == _TYPE:
                    found[(parent, predicate, value)] = None
        return list(found)

    def learn(self, quads) -> None:
        """What a graph just written states of entities already read."""
        for quad in quads:
            pairs = self.known.get(quad.subject)
            if pairs is None or quad.predicate not in _DESCRIBED_SET:
                continue
            if quad.subject in self.reference_only and quad.graph_name != G_REFERENCE_NODE:
                continue
            pairs[(quad.predicate, quad.object)] = None

    def forget_graph(self, graph) -> None:
        """Before `graph` is replaced: the entities it states something of are read again."""
        if not isinstance(graph, ox.NamedNode) or not self.known or not self.store.contains_named_graph(graph):
            return
        for quad in self.store.quads_for_pattern(None, None, None, graph):
            self.known.pop(quad.subject, None)

    def _of(self, node: ox.NamedNode) -> dict[tuple, None]:
        pairs = self.known.get(node)
        if pairs is not None:
            return pairs
        reference = [(q.predicate, q.object) for q in self.store.quads_for_pattern(node, None, None, G_REFERENCE_NODE)]
        if any(predicate == _TYPE for predicate, _ in reference):   # a known actor
            self.reference_only.add(node)
            stored, also_in = [(p, o) for p, o in reference if p in _DESCRIBED_SET], G_REFERENCE_NODE
        elif self.indexed:
            stored, also_in = [(q.predicate, q.object) for q in index_quads(self.store, node, None, None)
                               if q.predicate in _DESCRIBED_SET], None
        else:
            stored, also_in = [(p, o) for p in DESCRIBED for o in distinct_objects(self.store, node, p)], None
        pairs = dict.fromkeys(stored)
        if self.also is not None:
            pairs.update(dict.fromkeys((q.predicate, q.object) for q in self.also.quads_for_pattern(
                node, None, None, also_in) if q.predicate in _DESCRIBED_SET))
        self.known[node] = pairs
        return pairs
