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
from kg.vocab import (CTKG, G_INFERRED, G_ONTOLOGY, G_REFERENCE, GRAPH_BASE, PREFIXES, QUARANTINE_GRAPH_PREFIX, from_ox,
                      base_iri, label_key, mint, n_triples, to_ox)

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
    terms), atomically, and drop the graphs `also_drop`; the lookup index follows in the same
    transaction.

    A graph new to an embedded store, with nothing to drop, is one `load` of N-Quads (the graph,
    and its lookup statements in the default graph), which Oxigraph runs as one transaction: the
    common case of a build, with no SPARQL to parse and no Python object per quad. Otherwise, and
    always on a SPARQL server, one update request drops, inserts and updates the index together."""
    name = ox.NamedNode(str(graph_iri))
    drops = [ox.NamedNode(str(g)) for g in (graph_iri, *also_drop)]
    if isinstance(store, ox.Store) and not any(store.contains_named_graph(g) for g in drops):
        lookups = lookup_part(triples) if has_index(store) and indexed_graph(name) else []
        if lookups:
            store.load(n_quads(triples, name) + n_triples(lookups), format=ox.RdfFormat.N_QUADS)
        else:
            store.load(n_triples(triples), format=ox.RdfFormat.N_TRIPLES, to_graph=name)
        return
    store.update(replacement(store, drops, f"GRAPH {name} {{\n{n_triples(triples)}\n}}", triples))


def replacement(store, drops: list, data: str, triples: list[tuple]) -> str:
    """One SPARQL Update that drops the graphs `drops` and inserts `data` (INSERT DATA content that
    fills the first of them with `triples`), keeping the lookup index in step when the store has
    one: run as one request, it is one transaction."""
    text = "".join(f"DROP SILENT GRAPH {g} ;\n" for g in drops)
    if not has_index(store):
        return text + f"INSERT DATA {{\n{data}\n}}"
    lookups = lookup_part(triples) if indexed_graph(drops[0]) else []
    return text + f"INSERT DATA {{\n{data}\n{n_triples(lookups)}}}" + index_removals(store, drops, lookups)


def n_quads(triples: list[tuple], graph: ox.NamedNode) -> str:
    """(subject, predicate, object) tuples as N-Quads text in `graph`."""
    return "".join(f"{s} {p} {o} {graph} .\n" for s, p, o in triples)


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
    people = sorted({q.subject.value for q in index_quads(store, None, NAME_KEY, ox.Literal(key))})
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


# What the loader reads of an entity: what the shapes check across graphs. A known actor is
# described from the reference graph alone (its articles restate what the reference data says).
SCAN_CAP = 256     # stored copies read per lookup on a store without the lookup index
G_REFERENCE_NODE = ox.NamedNode(str(G_REFERENCE))
DESCRIBED = (RDF.type, URIRef(PREFIXES["skos"] + "prefLabel"), CTKG.actsFor, CTKG.subOrganizationOf,
             CTKG.eventStatus, CTKG.title, CTKG.startDate, CTKG.endDate, CTKG.dateUnknown)
_DESCRIBED = tuple(ox.NamedNode(str(p)) for p in DESCRIBED)
_DESCRIBED_SET = frozenset(_DESCRIBED)
ALT_LABEL = ox.NamedNode(PREFIXES["skos"] + "altLabel")
LABELS = (PREF_LABEL, ALT_LABEL)
LABEL_KEY = ox.NamedNode(str(CTKG.labelKey))
INDEXED = _DESCRIBED + (ALT_LABEL, NAME_KEY, IN_SERIES)     # what the lookup index holds (see below)
_TYPE = ox.NamedNode(str(RDF.type))
_PARENT_LINKS = {ox.NamedNode(str(CTKG.subOrganizationOf)), ox.NamedNode(str(CTKG.actsFor))}


def distinct_objects(store, subject, predicate, skip_graph=None) -> list:
    """The distinct objects of (subject, predicate), as the lookup index has them; with
    `skip_graph`, only those some other graph states too."""
    found = list(dict.fromkeys(quad.object for quad in index_quads(store, subject, predicate, None)))
    if skip_graph is None:
        return found
    return [o for o in found if _stated_elsewhere(store, (subject, predicate, o), [skip_graph])]


def describe_triples(store, iris: set) -> list[tuple]:
    """Types, labels, titles, states and dates of the given entities as stored, as (subject,
    predicate, object) tuples of pyoxigraph terms, each once: the validation context. (A later
    report of a meeting leaves its dates to the first; see events._meeting.)"""
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
        quads = index_quads(store, node, None, None, indexed=True)
        return list(dict.fromkeys((q.predicate, q.object) for q in quads if q.predicate in _DESCRIBED_SET))
    return [(p, o) for p in _DESCRIBED for o in distinct_objects(store, node, p)]


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


# -- The lookup index ----------------------------------------------------------------------------
# An actor such as India is named in most articles, and every article graph restates its type and
# name: the store holds one copy per article. The loader's lookups (who has this name key, which
# sessions a series has, what is stored of an entity) must not cost more as the copies pile up, so
# an embedded store keeps each such statement once more, deduplicated, in its default graph: the
# lookup index. It holds the statements with an INDEXED predicate from every named graph but the
# quarantine graphs, is changed in the same transaction as the graphs it mirrors (write_graph,
# kg.importer), and is rebuilt from the named graphs when it is missing or the base graphs change
# (ensure_base_graphs). Queries see the union of the graphs, so the index adds no answer of its own;
# exports leave it out. A store without it (a SPARQL server, a store of an older ctkg not yet
# opened for a build) is read as before: every stored copy, at most SCAN_CAP per lookup.
INDEX = ox.DefaultGraph()
INDEX_MARK = ox.Quad(ox.NamedNode(GRAPH_BASE + "lookup-index"), ox.NamedNode(PREFIXES["owl"] + "versionInfo"),
                     ox.Literal("1"), INDEX)


def has_index(store) -> bool:
    """Whether `store` keeps the lookup index (an embedded store opened for a build by this ctkg)."""
    if isinstance(store, Overlay):
        return has_index(store.stores[0])
    return isinstance(store, ox.Store) and INDEX_MARK in store


def lookup_part(triples) -> list[tuple]:
    """What the lookup index holds for `triples`: their indexable statements, and a ctkg:labelKey
    for each label or alias."""
    part = _indexable(triples)
    keys = [(s, LABEL_KEY, ox.Literal(label_key(o.value))) for s, p, o in part
            if p in LABELS and isinstance(o, ox.Literal) and label_key(o.value)]
    return part + keys


def _indexable(triples) -> list[tuple]:
    """The statements with an INDEXED predicate about an IRI (blank nodes cannot be matched across
    graphs, nor named in a DELETE DATA) other than an article's own facts, sentences and itself
    (nothing else names them, nor looks them up)."""
    own = (base_iri() + "fact/", base_iri() + "article/")
    return [t for t in triples if t[1] in INDEXED and isinstance(t[0], ox.NamedNode)
            and not t[0].value.startswith(own) and not isinstance(t[2], ox.BlankNode)]


def indexed_graph(graph) -> bool:
    """Whether the lookup index mirrors `graph`: every named graph but the quarantine graphs."""
    return isinstance(graph, ox.NamedNode) and not graph.value.startswith(QUARANTINE_GRAPH_PREFIX)


def rebuild_index(store: ox.Store) -> None:
    """Make the lookup index again from the named graphs (a store of an older ctkg, base graphs
    reloaded, graphs copied in by other means). Costs a pass over the INDEXED statements."""
    store.update("CLEAR SILENT DEFAULT")
    for predicate in INDEXED:
        batch = []
        for quad in store.quads_for_pattern(None, predicate, None, None):
            if indexed_graph(quad.graph_name):
                batch.append((quad.subject, quad.predicate, quad.object))
            if len(batch) >= 100_000:
                store.extend(ox.Quad(*t, INDEX) for t in lookup_part(batch))
                batch = []
        store.extend(ox.Quad(*t, INDEX) for t in lookup_part(batch))
    store.add(INDEX_MARK)


def index_removals(store, drops: list, keeping: list[tuple]) -> str:
    """A SPARQL DELETE DATA (or nothing) taking out of the index what only the graphs `drops` state
    (and `keeping`, what replaces them, does not): to run in the request that drops them."""
    gone = set()
    kept = set(keeping)
    for graph in drops:
        if not indexed_graph(graph) or not store.contains_named_graph(graph):
            continue
        stated = [(q.subject, q.predicate, q.object) for predicate in INDEXED
                  for q in store.quads_for_pattern(None, predicate, None, graph)]
        gone.update(statement for statement in _indexable(stated)
                    if statement not in kept and not _stated_elsewhere(store, statement, drops))
    gone |= _label_keys_gone(store, gone, kept)
    return f" ;\nDELETE DATA {{\n{n_triples(sorted(gone, key=str))}}}" if gone else ""


def _label_keys_gone(store, gone: set, kept: set) -> set:
    """The label keys of the entities whose labels in `gone` leave the index that none of their
    remaining labels (or those `kept`) gives."""
    removed = set()
    for entity in {s for s, p, _ in gone if p in LABELS}:
        remaining = {label_key(q.object.value) for p in LABELS for q in store.quads_for_pattern(entity, p, None, INDEX)
                     if (entity, p, q.object) not in gone}
        remaining |= {o.value for s, p, o in kept if s == entity and p == LABEL_KEY}
        removed |= {(entity, LABEL_KEY, q.object) for q in store.quads_for_pattern(entity, LABEL_KEY, None, INDEX)
                    if q.object.value not in remaining}
    return removed


def entities_by_label_key(store, key: str) -> list[ox.NamedNode] | None:
    """The entities with a label or alias whose ctkg:labelKey is `key`, sorted; None when the store
    keeps no lookup index (the caller then compares every label)."""
    if not has_index(store):
        return None
    return sorted({q.subject for q in store.quads_for_pattern(None, LABEL_KEY, ox.Literal(key), INDEX)},
                  key=lambda node: node.value)


def _stated_elsewhere(store, statement: tuple, graphs: list) -> bool:
    """Whether a named graph other than `graphs` (and not a quarantine graph) states it."""
    return any(indexed_graph(q.graph_name) and q.graph_name not in graphs
               for q in store.quads_for_pattern(*statement, None))


def index_quads(store, subject, predicate, obj, indexed: bool | None = None) -> list:
    """The indexed statements matching the pattern, as quads: from the index when the store keeps
    one (beside a build's pending articles, read whole), else from every graph, at most SCAN_CAP.
    `indexed` is has_index(store), when the caller knows it."""
    if isinstance(store, Overlay):
        disk, pending = store.stores
        return index_quads(disk, subject, predicate, obj, indexed) + \
            list(pending.quads_for_pattern(subject, predicate, obj, None))
    if has_index(store) if indexed is None else indexed:
        return list(store.quads_for_pattern(subject, predicate, obj, INDEX))
    return [q for _, q in zip(range(SCAN_CAP), store.quads_for_pattern(subject, predicate, obj, None))]


def ensure_base_graphs(store: ox.Store) -> None:
    """Load the ontology, topics and reference data into their graphs when their files changed;
    on an embedded store, make the lookup index when it is missing or they changed."""
    embedded = isinstance(store, ox.Store)
    reloaded = False
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
        # The index mark goes first: a crash part-way leaves no mark, and the next build rebuilds.
        if embedded:
            store.remove(INDEX_MARK)
        reloaded = True
        store.update(f"DELETE WHERE {{ GRAPH <{G_META.value}> {{ <{graph_iri}> <{SOURCE_HASH.value}> ?h }} }} ;\n"
                     f"DROP SILENT GRAPH <{graph_iri}>")
        for f in files:
            store.load(path=str(f), format=ox.RdfFormat.TURTLE, to_graph=node)
        store.add(ox.Quad(node, SOURCE_HASH, ox.Literal(digest), G_META))
    if embedded and (reloaded or INDEX_MARK not in store):
        rebuild_index(store)


def article_graphs(store: ox.Store) -> list[str]:
    prefix = GRAPH_BASE + "article/"
    return sorted(g.value for g in store.named_graphs() if g.value.startswith(prefix))


def quarantined(store: ox.Store) -> list[str]:
    prefix = GRAPH_BASE + "quarantine/"
    return sorted(g.value for g in store.named_graphs() if g.value.startswith(prefix))


__all__ = ["open_store", "replace_graph", "write_graph", "describe_triples", "stored_hash", "find_person", "find_meeting", "describe",
           "ensure_base_graphs", "G_INFERRED", "sparql"]
