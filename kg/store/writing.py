"""Writing the store: one named graph per article, the base graphs, and what is listed of them.

Writing an article puts its named graph in with one transaction (a load of N-Triples when the graph
is new, one SPARQL Update request when it replaces one): a crash leaves the article fully in or
fully out. The lookup index follows (kg.store.index). The ontology, topics and reference data
are kept in graphs of their own and reloaded when their files change.
"""
from __future__ import annotations

import hashlib

import pyoxigraph as ox
from rdflib import Graph, URIRef

from kg.reference import ONTOLOGY_DIR, reference_files
from kg.store.index import apply_index_change, ensure_index, index_change
from kg.store.opening import Store, embedded
from kg.terms import ctkg
from kg.vocab import G_ONTOLOGY, G_REFERENCE, GRAPH_BASE, n_triples, to_ox

G_META = ox.NamedNode(GRAPH_BASE + "meta")
CONTENT_HASH = ctkg.contentHash   # an article's, in its graph; a base graph's files', in the meta graph


def replace_graph(store, graph_iri: URIRef, graph: Graph, *also_drop: URIRef) -> None:
    """write_graph for an rdflib graph (a SHACL report, the reasoner's inferences)."""
    write_graph(store, graph_iri, [(to_ox(s), to_ox(p), to_ox(o)) for s, p, o in graph], *also_drop)


def write_graph(store, graph_iri: URIRef, triples: list[tuple], *also_drop: URIRef) -> str:
    """Replace one named graph by `triples` ((subject, predicate, object) tuples of pyoxigraph
    terms, each once), atomically, and drop the graphs `also_drop`; the lookup index follows.
    Returns the N-Triples text written (kg.journal seals the graph from it).

    A graph new to an embedded store, with nothing to drop, is one `load` of N-Triples, which
    Oxigraph runs as one transaction: the common case of a build, with no SPARQL to parse and no
    Python object per quad. Otherwise, and always on a SPARQL server, one update request drops
    and inserts together."""
    name = ox.NamedNode(str(graph_iri))
    drops = [name, *(ox.NamedNode(str(g)) for g in also_drop)]
    text = n_triples(triples)
    if embedded(store) and not any(store.contains_named_graph(g) for g in drops):
        change = index_change(store, drops, triples)
        apply_index_change(store, change, before=True)
        store.load(text, format=ox.RdfFormat.N_TRIPLES, to_graph=name)
        apply_index_change(store, change, before=False)
        return text
    update_graphs(store, drops, f"GRAPH {name} {{\n{text}\n}}", triples)
    return text


def update_graphs(store, drops: list, data: str, triples: list[tuple]) -> None:
    """Drop the graphs `drops` and insert `data` (INSERT DATA content that fills the first of them
    with `triples`) in one SPARQL Update request, one transaction; the lookup index follows."""
    change = index_change(store, drops, triples)
    apply_index_change(store, change, before=True)
    store.update("".join(f"DROP SILENT GRAPH {g} ;\n" for g in drops) + f"INSERT DATA {{\n{data}\n}}")
    apply_index_change(store, change, before=False)


def stored_hash(store, graph_iri: URIRef) -> str | None:
    """The content hash of the article stored in `graph_iri`, if any."""
    for quad in store.quads_for_pattern(None, CONTENT_HASH, None, ox.NamedNode(str(graph_iri))):
        return quad.object.value
    return None


def ensure_base_graphs(store) -> None:
    """Load the ontology, topics and reference data into their graphs when their files changed;
    on an embedded store, make the lookup index again when it is not whole or they changed."""
    reloaded = False
    groups = {
        G_ONTOLOGY: [ONTOLOGY_DIR / "ctkg.ttl"],
        G_REFERENCE: [p for p in reference_files() if p.name != "topics.ttl"] + [ONTOLOGY_DIR / "topics.ttl"],
    }
    for graph_iri, files in groups.items():
        files = [f for f in files if f.exists()]
        digest = hashlib.sha256(b"".join(f.read_bytes() for f in files)).hexdigest()
        node = ox.NamedNode(str(graph_iri))
        current = [q.object.value for q in store.quads_for_pattern(node, CONTENT_HASH, None, G_META)]
        if current == [digest]:
            continue
        # The hash is written last: a crash part-way leaves no hash, and the next build reloads.
        reloaded = True
        store.update(f"DELETE WHERE {{ GRAPH <{G_META.value}> {{ <{graph_iri}> <{CONTENT_HASH.value}> ?h }} }} ;\n"
                     f"DROP SILENT GRAPH <{graph_iri}>")
        for f in files:
            store.load(path=str(f), format=ox.RdfFormat.TURTLE, to_graph=node)
        store.add(ox.Quad(node, CONTENT_HASH, ox.Literal(digest), G_META))
    if isinstance(store, Store) and store.index is not None:
        ensure_index(store, rebuild=reloaded)


def article_graphs(store) -> list[str]:
    prefix = GRAPH_BASE + "article/"
    return sorted(g.value for g in store.named_graphs() if g.value.startswith(prefix))


def quarantined(store) -> list[str]:
    prefix = GRAPH_BASE + "quarantine/"
    return sorted(g.value for g in store.named_graphs() if g.value.startswith(prefix))
