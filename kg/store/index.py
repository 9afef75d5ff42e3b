"""The lookup index: the loader's statements, each once, in a store of its own.

An actor such as India is named in most articles, and every article graph restates its type and
name: the store holds one copy per article. The loader's lookups (who has this name key, which
sessions a series has, what is stored of an entity) must not cost more as the copies pile up, so
an embedded store keeps each such statement once more, deduplicated: the statements with an
INDEXED predicate from every named graph but the quarantine graphs, and a ctkg:labelKey for each
label and alias. They live in the store folder's `lookup-index/`, an Oxigraph store of its own
(kg.store.opening), so that SPARQL (`kg sparql`, `kg serve`), exports and the union default graph
show exactly the data; an index in the data's default graph, as ctkg kept it before, added 1,977
labelKey triples and a second copy of every name to every query over the union.

Two stores cannot share a transaction, so the index says when it is whole: the mark INDEX_MARK is
taken out before the data changes and put back in the same transaction as the index's own change
(kg.store.writing.write_graph). A crash between the two leaves no mark; a store opened for a
build then rebuilds the index from the named graphs (ensure_index), and readers meanwhile look
up every stored copy, as on a store without an index (a SPARQL server), at most SCAN_CAP per
lookup.
"""
from __future__ import annotations

import pyoxigraph as ox

from kg.store.opening import Store
from kg.terms import ctkg, owl, rdf, skos
from kg.vocab import GRAPH_BASE, QUARANTINE_GRAPH_PREFIX, base_iri, label_key, n_triples

SCAN_CAP = 256     # stored copies read per lookup on a store without the lookup index
PREF_LABEL = skos.prefLabel
ALT_LABEL = skos.altLabel
LABELS = (PREF_LABEL, ALT_LABEL)
LABEL_KEY = ctkg.labelKey
NAME_KEY = ctkg.nameKey
IN_SERIES = ctkg.inSeries
# What the loader reads of an entity: what the shapes check across graphs.
DESCRIBED = (rdf.type, skos.prefLabel, ctkg.actsFor, ctkg.subOrganizationOf, ctkg.eventStatus, ctkg.title,
             ctkg.startDate, ctkg.endDate, ctkg.dateUnknown)
INDEXED = DESCRIBED + (ALT_LABEL, NAME_KEY, IN_SERIES)     # what the lookup index holds
INDEX = ox.DefaultGraph()   # of the index's own store
INDEX_MARK = ox.Quad(ox.NamedNode(GRAPH_BASE + "lookup-index"), owl.versionInfo,
                     ox.Literal("2"), INDEX)
MARK_TRIPLE = (INDEX_MARK.subject, INDEX_MARK.predicate, INDEX_MARK.object)
OLD_INDEX_MARK = ox.Quad(INDEX_MARK.subject, INDEX_MARK.predicate, ox.Literal("1"), ox.DefaultGraph())


def index_store(store) -> ox.Store | None:
    """The lookup index of `store` when it has a whole one, else None."""
    index = getattr(store, "index", None) if isinstance(store, Store) else None
    return index if index is not None and INDEX_MARK in index else None


def has_index(store) -> bool:
    """Whether `store` keeps a whole lookup index (an embedded store built by this ctkg)."""
    return index_store(store) is not None


def lookup_part(triples) -> list[tuple]:
    """What the lookup index holds for `triples`: their indexable statements, and a ctkg:labelKey
    for each label or alias."""
    part = indexable(triples)
    keys = [(s, LABEL_KEY, ox.Literal(label_key(o.value))) for s, p, o in part
            if p in LABELS and isinstance(o, ox.Literal) and label_key(o.value)]
    return part + keys


def indexable(triples) -> list[tuple]:
    """The statements with an INDEXED predicate about an IRI (blank nodes cannot be matched across
    graphs, nor named in a DELETE DATA) other than an article's own facts, sentences and itself
    (nothing else names them, nor looks them up)."""
    own = (base_iri() + "fact/", base_iri() + "article/")
    return [t for t in triples if t[1] in INDEXED and isinstance(t[0], ox.NamedNode)
            and not t[0].value.startswith(own) and not isinstance(t[2], ox.BlankNode)]


def indexed_graph(graph) -> bool:
    """Whether the lookup index mirrors `graph`: every named graph but the quarantine graphs."""
    return isinstance(graph, ox.NamedNode) and not graph.value.startswith(QUARANTINE_GRAPH_PREFIX)


def rebuild_index(store: Store) -> None:
    """Make the lookup index again from the named graphs (a store of an older ctkg, base graphs
    reloaded, a crash between a write and its index). Costs a pass over the INDEXED statements."""
    index = store.index
    index.remove(INDEX_MARK)
    index.update("CLEAR SILENT ALL")
    for predicate in INDEXED:
        batch = []
        for quad in store.data.quads_for_pattern(None, predicate, None, None):
            if indexed_graph(quad.graph_name):
                batch.append((quad.subject, quad.predicate, quad.object))
            if len(batch) >= 100_000:
                index.extend(ox.Quad(*t, INDEX) for t in lookup_part(batch))
                batch = []
        index.extend(ox.Quad(*t, INDEX) for t in lookup_part(batch))
    index.add(INDEX_MARK)


def ensure_index(store: Store, *, rebuild: bool = False) -> None:
    """Rebuild the index of a store opened for writing when it is not whole (or `rebuild`); take
    the index out of the data's default graph, where ctkg kept it before."""
    if OLD_INDEX_MARK in store.data:
        store.data.update("CLEAR SILENT DEFAULT")
    if rebuild or INDEX_MARK not in store.index:
        rebuild_index(store)


def index_change(store, drops: list, triples: list[tuple]) -> tuple[list, list] | None:
    """(statements to add, statements to take out) of the index when the graphs `drops` are
    replaced by `triples` in the first of them; None when the store keeps no whole index. To work
    out before the data changes: it reads what the dropped graphs state."""
    index = index_store(store)
    if index is None:
        return None
    added = lookup_part(triples) if indexed_graph(drops[0]) else []
    return added, removals(store, index, drops, added)


def apply_index_change(store, change: tuple[list, list] | None, before: bool) -> None:
    """Take the mark out (`before` the data changes), or put the change and the mark in (after)."""
    if change is None:
        return
    index = store.index
    if before:
        index.remove(INDEX_MARK)
        return
    added, removed = change
    if removed:
        index.update(f"DELETE DATA {{\n{n_triples(removed)}}} ;\n"
                     f"INSERT DATA {{\n{n_triples(added)}{n_triples([MARK_TRIPLE])}}}")
    else:
        index.load(n_triples(added) + n_triples([MARK_TRIPLE]), format=ox.RdfFormat.N_TRIPLES)


def removals(store, index: ox.Store, drops: list, keeping: list[tuple]) -> list[tuple]:
    """What only the graphs `drops` state (and `keeping`, what replaces them, does not): the
    statements that leave the index with them."""
    gone = set()
    kept = set(keeping)
    for graph in drops:
        if not indexed_graph(graph) or not store.contains_named_graph(graph):
            continue
        stated = [(q.subject, q.predicate, q.object) for predicate in INDEXED
                  for q in store.quads_for_pattern(None, predicate, None, graph)]
        gone.update(statement for statement in indexable(stated)
                    if statement not in kept and not stated_elsewhere(store, statement, drops))
    gone |= _label_keys_gone(index, gone, kept)
    return sorted(gone, key=str)


def _label_keys_gone(index: ox.Store, gone: set, kept: set) -> set:
    """The label keys of the entities whose labels in `gone` leave the index that none of their
    remaining labels (or those `kept`) gives."""
    removed = set()
    for entity in {s for s, p, _ in gone if p in LABELS}:
        remaining = {label_key(q.object.value) for p in LABELS for q in index.quads_for_pattern(entity, p, None, INDEX)
                     if (entity, p, q.object) not in gone}
        remaining |= {o.value for s, p, o in kept if s == entity and p == LABEL_KEY}
        removed |= {(entity, LABEL_KEY, q.object) for q in index.quads_for_pattern(entity, LABEL_KEY, None, INDEX)
                    if q.object.value not in remaining}
    return removed


def stated_elsewhere(store, statement: tuple, graphs: list) -> bool:
    """Whether a named graph other than `graphs` (and not a quarantine graph) states it."""
    return any(indexed_graph(q.graph_name) and q.graph_name not in graphs
               for q in store.quads_for_pattern(*statement, None))


def entities_by_label_key(store, key: str) -> list[ox.NamedNode] | None:
    """The entities with a label or alias whose ctkg:labelKey is `key`, sorted; None when the store
    keeps no lookup index (the caller then compares every label)."""
    index = index_store(store)
    if index is None:
        return None
    return sorted({q.subject for q in index.quads_for_pattern(None, LABEL_KEY, ox.Literal(key), INDEX)},
                  key=lambda node: node.value)


def index_quads(store, subject, predicate, obj) -> list:
    """The indexed statements matching the pattern, as quads: from the index when the store keeps
    one, else from every graph, at most SCAN_CAP."""
    index = index_store(store)
    if index is not None:
        return list(index.quads_for_pattern(subject, predicate, obj, INDEX))
    return [q for _, q in zip(range(SCAN_CAP), store.quads_for_pattern(subject, predicate, obj, None))]
