"""The quad store: an on-disk Oxigraph store, one named graph per article.

Writing an article puts its named graph in with one transaction (a load of N-Triples when the graph
is new, one SPARQL Update request when it replaces one): a crash leaves the article fully in or
fully out. An article whose content hash
is already stored is skipped, so re-loading changes nothing. The ontology, topics and reference
data are kept in graphs of their own and reloaded when their files change.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import re
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph, URIRef
from rdflib.namespace import RDF

from kg.errors import StoreError
from kg.reference import ONTOLOGY_DIR, reference_files
from kg.vocab import CTKG, G_INFERRED, G_ONTOLOGY, G_REFERENCE, GRAPH_BASE, PREFIXES, from_ox, mint, n_triples, to_ox

SPARQL_DIR = Path(__file__).resolve().parent / "sparql"
G_META = ox.NamedNode(GRAPH_BASE + "meta")
SOURCE_HASH = ox.NamedNode(str(CTKG._NS) + "contentHash")


@lru_cache(maxsize=None)
def sparql(name: str) -> str:
    """The text of kg/sparql/NAME.rq."""
    return (SPARQL_DIR / f"{name}.rq").read_text(encoding="utf-8")


def open_store(location: str | Path, *, read_only: bool = False) -> ox.Store:
    if isinstance(location, str) and location.lower().startswith(("http://", "https://")):
        from kg.remote import open_remote  # a SPARQL 1.1 server with the same methods

        return open_remote(location, read_only=read_only)
    path = Path(location)
    try:
        if read_only:
            if not path.exists():
                raise StoreError(f"{path}: no store here. Build one first: kg build --store {path}")
            return ox.Store.read_only(str(path))
        path.mkdir(parents=True, exist_ok=True)
        return ox.Store(str(path))
    except OSError as error:
        raise StoreError(
            f"{path}: the store cannot be opened ({error}).\n"
            "  Another kg command may be writing to it; wait for it to finish, or use another --store."
        ) from error


class Overlay:
    """The disk store and an in-memory store of articles not yet written, read as one by the
    loader's lookups (quad patterns)."""

    def __init__(self, disk: ox.Store, pending: ox.Store):
        self.stores = (disk, pending)

    def quads_for_pattern(self, *pattern):
        return [quad for store in self.stores for quad in store.quads_for_pattern(*pattern)]


def add_graph(store: ox.Store, graph_iri: URIRef, triples: list[tuple]) -> None:
    """Add (subject, predicate, object) tuples to a named graph (the in-memory pending store)."""
    store.load(n_triples(triples), format=ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode(str(graph_iri)))


def replace_graph(store: ox.Store, graph_iri: URIRef, graph: Graph, *also_drop: URIRef) -> None:
    """write_graph for an rdflib graph (a SHACL report, the reasoner's inferences)."""
    write_graph(store, graph_iri, [(to_ox(s), to_ox(p), to_ox(o)) for s, p, o in graph], *also_drop)


def write_graph(store, graph_iri: URIRef, triples: list[tuple], *also_drop: URIRef) -> None:
    """Replace one named graph by `triples` ((subject, predicate, object) tuples of pyoxigraph
    terms), atomically, and drop the graphs `also_drop`.

    A graph new to an embedded store, with nothing to drop, is one `load` of N-Triples, which
    Oxigraph runs as one transaction (the common case of a build: no SPARQL to parse, no Python
    object per quad); otherwise, and always on a SPARQL server, one update request drops and
    inserts together."""
    name = ox.NamedNode(str(graph_iri))
    drops = [ox.NamedNode(str(g)) for g in (graph_iri, *also_drop)]
    body = n_triples(triples)
    if isinstance(store, ox.Store) and not any(store.contains_named_graph(g) for g in drops):
        store.load(body, format=ox.RdfFormat.N_TRIPLES, to_graph=name)
        return
    store.update("".join(f"DROP SILENT GRAPH {g} ;\n" for g in drops) +
                 f"INSERT DATA {{ GRAPH {name} {{\n{body}\n}} }}")


def drop_graphs(store: ox.Store, *graphs: URIRef) -> None:
    store.update(" ;\n".join(f"DROP SILENT GRAPH <{g}>" for g in graphs))


# The loader's lookups are index lookups (quad patterns with a bound subject, object or graph), not
# SPARQL: Oxigraph's planner does not see substituted values, so a query with a substituted
# parameter scans every match of its other patterns and its cost grows with the store. A quad
# pattern costs the same whether the store holds ten facts or ten million.
CONTENT_HASH = ox.NamedNode(str(CTKG.contentHash))
NAME_KEY = ox.NamedNode(str(CTKG.nameKey))
PREF_LABEL = ox.NamedNode(PREFIXES["skos"] + "prefLabel")
IN_SERIES = ox.NamedNode(str(CTKG.inSeries))
START_DATE = ox.NamedNode(str(CTKG.startDate))
EVENT_STATUS = ox.NamedNode(str(CTKG.eventStatus))
HELD = ox.NamedNode(str(CTKG.Held))


def _values(store, subject, predicate) -> list[str]:
    return sorted(v.value for v in distinct_objects(store, subject, predicate))


def stored_hash(store: ox.Store, graph_iri: URIRef) -> str | None:
    """The content hash of the article stored in `graph_iri`, if any."""
    for quad in store.quads_for_pattern(None, CONTENT_HASH, None, ox.NamedNode(str(graph_iri))):
        return quad.object.value
    return None


def find_person(store: ox.Store, key: str) -> tuple[URIRef, str] | None:
    """The person already stored with this name key (ctkg:nameKey), with their preferred label."""
    people = sorted({q.subject.value for n, q in zip(range(SCAN_CAP),
                                                     store.quads_for_pattern(None, NAME_KEY, ox.Literal(key), None))})
    for person in people:
        labels = _values(store, ox.NamedNode(person), PREF_LABEL)
        if labels:
            return URIRef(person), labels[0]
    return None


def find_meeting(store: ox.Store, series_key: str, start: dt.date | None,
                 month_day: tuple[int, int] | None) -> tuple[URIRef, bool] | None:
    """A stored session of the series within five days of `start` (or of `month_day`, year unknown),
    and whether the store already dates it."""
    series = ox.NamedNode(str(mint("series", series_key)))
    sessions = sorted({q.subject.value for q in store.quads_for_pattern(None, IN_SERIES, series, None)})
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


# An actor such as India is named in most articles, so every article graph restates its type.
# Reading its stored description must not cost more as articles accumulate: a known actor is
# described from the reference graph alone, and any other thing from at most SCAN_CAP stored
# statements per property (further ones repeat the same few values).
SCAN_CAP = 256
G_REFERENCE_NODE = ox.NamedNode(str(G_REFERENCE))
DESCRIBED = (RDF.type, URIRef(PREFIXES["skos"] + "prefLabel"), CTKG.actsFor, CTKG.subOrganizationOf,
             CTKG.eventStatus, CTKG.title, CTKG.startDate, CTKG.endDate, CTKG.dateUnknown)
_DESCRIBED = tuple(ox.NamedNode(str(p)) for p in DESCRIBED)
_TYPE = ox.NamedNode(str(RDF.type))
_PARENT_LINKS = {ox.NamedNode(str(CTKG.subOrganizationOf)), ox.NamedNode(str(CTKG.actsFor))}


def distinct_objects(store, subject, predicate, graph=None, skip_graph=None) -> list:
    """The distinct objects of (subject, predicate), reading at most SCAN_CAP statements."""
    found = {}
    for n, quad in enumerate(store.quads_for_pattern(subject, predicate, None, graph)):
        if n >= SCAN_CAP:
            break
        if skip_graph is None or quad.graph_name != skip_graph:
            found.setdefault(quad.object, None)
    return list(found)


def describe_triples(store, iris: set) -> list[tuple]:
    """Types, labels, titles, states and dates of the given entities as stored, as (subject,
    predicate, object) tuples of pyoxigraph terms, each once: the validation context. (A later report of a meeting leaves its dates to
    the first; see events._meeting.)"""
    found: dict[tuple, None] = {}
    nodes = [iri if isinstance(iri, ox.NamedNode) else ox.NamedNode(str(iri)) for iri in iris]
    for node in nodes:
        known = bool(distinct_objects(store, node, _TYPE, G_REFERENCE_NODE))
        for predicate in _DESCRIBED:
            for value in distinct_objects(store, node, predicate, G_REFERENCE_NODE if known else None):
                found[(node, predicate, value)] = None
    # One step further: the types of the organizations and states those point at.
    given = set(nodes)
    parents = {o for _, p, o in found if p in _PARENT_LINKS and isinstance(o, ox.NamedNode)}
    for parent in sorted(parents - given, key=str):
        for value in distinct_objects(store, parent, _TYPE):
            found[(parent, _TYPE, value)] = None
    return list(found)


def describe(store: ox.Store, iris: set[URIRef]) -> Graph:
    """describe_triples as an rdflib graph."""
    graph = Graph()
    for s, p, o in describe_triples(store, iris):
        graph.add((from_ox(s), from_ox(p), from_ox(o)))
    return graph


def other_labels(store: ox.Store, iri: URIRef, predicate: URIRef, except_graph: URIRef) -> set[str]:
    """The values of `predicate` (a label or title) for `iri` in every graph but `except_graph`."""
    return {v.value for v in distinct_objects(store, ox.NamedNode(str(iri)), ox.NamedNode(str(predicate)),
                                              skip_graph=ox.NamedNode(str(except_graph)))}


def ensure_base_graphs(store: ox.Store) -> None:
    """Load the ontology, topics and reference data into their graphs when their files changed."""
    groups = {
        G_ONTOLOGY: [ONTOLOGY_DIR / "ctkg.ttl"],
        G_REFERENCE: [p for p in reference_files() if p.name != "topics.ttl"] + [ONTOLOGY_DIR / "topics.ttl"],
    }
    for graph_iri, files in groups.items():
        files = [f for f in files if f.exists()]
        digest = hashlib.sha256(b"".join(f.read_bytes() for f in files)).hexdigest()
        node = ox.NamedNode(str(graph_iri))
        current = [q.object.value for q in store.quads_for_pattern(node, SOURCE_HASH, None, G_META)]
        if current == [digest]:
            continue
        # The hash is written last: a crash part-way leaves no hash, and the next build reloads.
        store.update(f"DELETE WHERE {{ GRAPH <{G_META.value}> {{ <{graph_iri}> <{SOURCE_HASH.value}> ?h }} }} ;\n"
                     f"DROP SILENT GRAPH <{graph_iri}>")
        for f in files:
            store.load(path=str(f), format=ox.RdfFormat.TURTLE, to_graph=node)
        store.add(ox.Quad(node, SOURCE_HASH, ox.Literal(digest), G_META))


def article_graphs(store: ox.Store) -> list[str]:
    prefix = GRAPH_BASE + "article/"
    return sorted(g.value for g in store.named_graphs() if g.value.startswith(prefix))


def quarantined(store: ox.Store) -> list[str]:
    prefix = GRAPH_BASE + "quarantine/"
    return sorted(g.value for g in store.named_graphs() if g.value.startswith(prefix))


__all__ = ["open_store", "replace_graph", "write_graph", "describe_triples", "stored_hash", "find_person", "find_meeting", "describe",
           "ensure_base_graphs", "G_INFERRED", "sparql"]
