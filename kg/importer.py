"""RDF from other systems into the store: checked, parsed whole, validated per graph, then written.

    import_file(store, "their-data.ttl") -> ImportSummary

1. An RDF/XML file goes whole through a hardened XML parser first (kg.safe_xml: defusedxml with
   checks of every DOCTYPE and entity declaration): external DTDs and entities, parameter
   entities, nested or oversized entities and expansion beyond the file's size are refused
   (UnsafeXml, naming the construct) before the RDF/XML parser sees the file.
2. The whole file is parsed into a scratch store on disk. A syntax error is reported with its
   line and column (MalformedRdf), and nothing of the file enters the store.
3. Each named graph of the file (the file's triples, for Turtle, N-Triples and RDF/XML, go to one
   graph, `…/graph/import/<file-stem>` unless `into` names another), in name order:
   - ctkg's own graphs (ontology, reference, meta, inferred, an article's or a quarantine graph)
     are written only when `replace` names them (an IRI, or one of the words of REPLACE_WORDS):
     kg build writes them, and an import must not overwrite them by accident. One whose content
     equals the store's is "unchanged"; another is "refused", and the store keeps its own.
   - an article graph (replaced on request) is validated against every shape, as the loader
     validates an article; any other graph (data from elsewhere) against the shapes that apply to
     any data (kg.validate.LOADER_SHAPES aside: those describe the loader's provenance records).
     The stored descriptions of the entities it names are the validation context.
   - a graph that conforms replaces the graph of that name in one update (one transaction), with
     a record of where it came from in the meta graph (for data from elsewhere: the file, its
     SHA-256 digest, the time: dcterms:source, ctkg:contentHash, prov:generatedAtTime); one that
     does not is kept aside in a quarantine graph with its SHACL report, and the store's graph of
     that name is left as it was.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

import pyoxigraph as ox
from rdflib import Graph
from rdflib.namespace import RDF

from kg import store as kgstore
from kg.errors import MalformedRdf, MissingFile, UnknownGraph, UnsafeXml
from kg.export import FORMATS, UnknownFormat
from kg.remote import chunks
from kg.sparql_text import quads_to_sparql
from kg.safe_xml import refuse_unsafe_xml
from kg.store.index import DESCRIBED, indexed_graph, lookup_part
from kg.validate import validate
from kg.vocab import (ARTICLE_GRAPH_PREFIX, CTKG, G_INFERRED, G_ONTOLOGY, G_REFERENCE, GRAPH_BASE,
                      QUARANTINE_GRAPH_PREFIX, slug)

SUFFIXES = {".ttl": "turtle", ".nt": "ntriples", ".nq": "nquads", ".trig": "trig", ".jsonld": "jsonld",
            ".json": "jsonld", ".rdf": "xml", ".xml": "xml", ".owl": "xml"}
FORMAT_NAMES = {"turtle": "Turtle", "ntriples": "N-Triples", "nquads": "N-Quads", "trig": "TriG",
                "jsonld": "JSON-LD", "xml": "RDF/XML"}
IMPORT_GRAPH_PREFIX = GRAPH_BASE + "import/"
G_META = GRAPH_BASE + "meta"
BASE_GRAPHS = {str(G_ONTOLOGY), str(G_REFERENCE), str(G_INFERRED), G_META}
# What --replace takes besides a graph's IRI.
REPLACE_WORDS = {"ontology": str(G_ONTOLOGY), "reference": str(G_REFERENCE), "inferred": str(G_INFERRED),
                 "meta": G_META, "articles": ARTICLE_GRAPH_PREFIX, "quarantine": QUARANTINE_GRAPH_PREFIX,
                 "all": GRAPH_BASE}
DCTERMS_SOURCE = ox.NamedNode("http://purl.org/dc/terms/source")
GENERATED_AT = ox.NamedNode("http://www.w3.org/ns/prov#generatedAtTime")
CONTENT_HASH = ox.NamedNode(str(CTKG.contentHash))


@dataclass(frozen=True)
class GraphOutcome:
    graph: str           # the graph's IRI as the file names it (or the import graph)
    status: str          # "loaded", "kept aside", "restored" (ctkg's own graph, on request),
                         # "unchanged" (ctkg's own graph, as stored), "refused" (ctkg's own graph)
    triples: int
    kept_in: str = ""    # the quarantine graph, when kept aside
    message: str = ""    # the first violation, when kept aside; what to do, when refused


@dataclass(frozen=True)
class ImportSummary:
    path: str
    format: str
    outcomes: tuple[GraphOutcome, ...]

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    @property
    def triples(self) -> int:
        return sum(o.triples for o in self.outcomes if o.status in ("loaded", "restored"))

    @property
    def ok(self) -> bool:
        return self.count("kept aside") == 0 and self.count("refused") == 0


def guess_format(path: str | Path) -> str:
    """The format name (a key of kg.export.FORMATS) for a file name's extension."""
    fmt = SUFFIXES.get(Path(path).suffix.lower())
    if fmt is None:
        raise UnknownFormat(f"{path}: cannot tell the RDF format from the extension '{Path(path).suffix}'. "
                            f"Give it with --format ({', '.join(FORMATS)}).")
    return fmt


def own_graph(iri: str) -> bool:
    """Whether kg build (not kg import) writes the graph `iri`."""
    return iri in BASE_GRAPHS or iri.startswith((ARTICLE_GRAPH_PREFIX, QUARANTINE_GRAPH_PREFIX))


def replace_prefixes(replace: Iterable[str]) -> tuple[str, ...]:
    """The graph IRIs (or IRI prefixes, for 'articles', 'quarantine' and 'all') that --replace
    names; UnknownGraph for a word that is neither."""
    found = []
    for item in replace:
        if item in REPLACE_WORDS:
            found.append(REPLACE_WORDS[item])
        elif re.match(r"^[a-z][a-z0-9+.-]*:", item):
            found.append(item)
        else:
            raise UnknownGraph(f"--replace {item}: not a graph. Give a graph's IRI or one of: "
                               f"{', '.join(REPLACE_WORDS)}.")
    return tuple(found)


def _replace_asked(iri: str, prefixes: tuple[str, ...]) -> bool:
    return any(iri == p or (p.endswith("/") and iri.startswith(p)) for p in prefixes)


def import_file(store, path: str | Path, fmt: str | None = None, *, into: str | None = None,
                replace: Iterable[str] = ()) -> ImportSummary:
    """Import the RDF file `path` into `store` (a pyoxigraph Store or a RemoteStore); ctkg's own
    graphs only where `replace` names them."""
    path = Path(path)
    if not path.is_file():
        raise MissingFile(f"{path}: no such file. Check the path and run kg import again.")
    fmt = fmt or guess_format(path)
    if fmt not in FORMATS:
        raise UnknownFormat(f"no import format '{fmt}'. Use one of: {', '.join(FORMATS)}.")
    asked = replace_prefixes(replace)
    if fmt == "xml":
        refuse_unsafe_xml(path)
    target = ox.NamedNode(into or IMPORT_GRAPH_PREFIX + slug(path.stem))
    source = _source(path)
    with tempfile.TemporaryDirectory(prefix="kg-import-") as scratch_dir:
        scratch = ox.Store(scratch_dir)
        _parse_into(scratch, path, fmt, target)
        kgstore.ensure_base_graphs(store)   # the ontology and reference data: validation context
        context = kgstore.Descriptions(store, scratch)
        outcomes = [_import_graph(store, scratch, graph, context, asked, source)
                    for graph in _graph_order(scratch)]
        del scratch
    store.flush()
    return ImportSummary(str(path), fmt, tuple(outcomes))


def _source(path: Path) -> tuple[str, str, str]:
    """(the file as named, its SHA-256 digest, the time now): an imported graph's provenance."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    now = dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()
    return str(path), "sha256:" + digest.hexdigest(), now


def _parse_into(scratch: ox.Store, path: Path, fmt: str, target: ox.NamedNode) -> None:
    """Parse the whole file into the scratch store, its default graph's triples into `target`
    (and those of a graph named by a blank node, which SPARQL cannot name, into a graph under it)."""
    def quads():
        for quad in ox.parse(path=str(path), format=FORMATS[fmt], rename_blank_nodes=True):
            if isinstance(quad.graph_name, ox.DefaultGraph):
                quad = ox.Quad(quad.subject, quad.predicate, quad.object, target)
            elif isinstance(quad.graph_name, ox.BlankNode):
                graph = ox.NamedNode(f"{target.value}/{quad.graph_name.value}")
                quad = ox.Quad(quad.subject, quad.predicate, quad.object, graph)
            yield quad

    try:
        for batch in chunks(quads(), WRITE_CHUNK):
            scratch.bulk_extend(batch)
    except SyntaxError as error:
        raise MalformedRdf(_syntax_message(path, fmt, error)) from None
    except UnicodeDecodeError as error:
        raise MalformedRdf(f"{path}: not UTF-8 text ({error.reason} at byte {error.start}). "
                           "Nothing was imported. Save the file as UTF-8 and run kg import again.") from None


def _syntax_message(path: Path, fmt: str, error: SyntaxError) -> str:
    name = FORMAT_NAMES[fmt]
    detail = re.sub(r"^Parser error (at|between) line \d+ column \d+( and line \d+ column \d+)?:\s*", "",
                    str(error.msg or error))
    line, column = error.lineno, error.offset
    if line is None and fmt == "xml":
        detail = f"the XML is well-formed but not RDF/XML ({detail})"
    if "LoadDocumentCallback" in detail:
        detail = ("its @context is a URL, and kg import fetches nothing from the network; put the "
                  "context into the file (kg export --format jsonld does)")
    where = f" at line {line}, column {column}" if line is not None else ""
    return (f"{path}: not valid {name}{where}: {detail}.\n"
            f"  Nothing was imported. Fix the file{' there' if where else ''} and run kg import again.")


def _graph_order(scratch: ox.Store) -> list[ox.NamedNode | ox.BlankNode]:
    """Project graphs first (the reference data is context for the rest), then by name."""
    graphs = list(scratch.named_graphs())
    return sorted(graphs, key=lambda g: (g.value not in BASE_GRAPHS, g.value))


def _import_graph(store, scratch: ox.Store, graph, context: kgstore.Descriptions, asked: tuple[str, ...],
                  source: tuple[str, str, str]) -> GraphOutcome:
    name = graph.value
    if not own_graph(name) and _more_than(scratch, graph, LARGE_GRAPH):
        return _import_large(store, scratch, graph, context, source)
    quads = list(scratch.quads_for_pattern(None, None, None, graph))
    if own_graph(name) and not _replace_asked(name, asked):
        if _same_content(store, graph, quads):
            return GraphOutcome(name, "unchanged", len(quads))
        held = "holds other content: left as it is" if store.contains_named_graph(graph) else "does not hold it: left out"
        return GraphOutcome(name, "refused", len(quads), message=(
            f"{name} is ctkg's own graph (kg build writes it) and the store {held}. To write the file's, "
            f"run kg import again with --replace {name} (or --replace all, to move a whole store)"))
    context.forget_graph(graph)
    if name in BASE_GRAPHS or name.startswith(QUARANTINE_GRAPH_PREFIX):
        _replace(store, graph, quads)
        context.learn(quads)
        return GraphOutcome(name, "restored", len(quads))
    data = [(quad.subject, quad.predicate, quad.object) for quad in quads]
    # As the loader does: the context is what the store and the rest of the file state of the
    # entities the graph names (the file's graphs were resolved together: one may hold the preferred
    # label of a person another names), less the dates other reports claim for themselves.
    article = name.startswith(ARTICLE_GRAPH_PREFIX)
    report = validate(data, context=_without_others_claims(context.describe(kgstore.pointed_at(data))),
                      loader_output=article)
    context.learn(quads)
    kept = ox.NamedNode(quarantine_graph_for(name))
    if report.conforms:
        _replace(store, graph, quads, kept, provenance=None if article else source)
        return GraphOutcome(name, "restored" if article else "loaded", len(quads))
    report_quads = [ox.Quad(kgstore.to_ox(s), kgstore.to_ox(p), kgstore.to_ox(o), kept) for s, p, o in report.results]
    _replace(store, kept, [ox.Quad(q.subject, q.predicate, q.object, kept) for q in quads] + report_quads)
    first = report.violations[0].message if report.violations else "see kg validate"
    return GraphOutcome(name, "kept aside", len(quads), kept.value,
                        f"{len(report.violations)} SHACL violation(s), e.g. {first}")


# -- a large graph of data from elsewhere: checked and written in pieces, memory bounded --------

LARGE_GRAPH = 50_000   # triples: a graph from elsewhere above it is checked by focus node and written in pieces
CHUNK = 20_000         # focus nodes per check
WRITE_CHUNK = 100_000  # triples per write (Oxigraph's bulk loader: fast, one batch's memory)
RDF_TYPE = ox.NamedNode(str(RDF.type))
CTKG_NS = str(CTKG._NS)


def _more_than(scratch: ox.Store, graph, limit: int) -> bool:
    return sum(1 for _ in zip(range(limit + 1), scratch.quads_for_pattern(None, None, None, graph))) > limit


def _import_large(store, scratch: ox.Store, graph, context: kgstore.Descriptions,
                  source: tuple[str, str, str]) -> GraphOutcome:
    """A large graph of data from elsewhere, with memory that does not grow with it. Every shape
    targets a ctkg class, so the nodes typed with one are the only focus nodes: they are checked
    CHUNK at a time, each with its own triples, and as context the stored and the file's
    descriptions of what it points at. A graph that conforms is written CHUNK triples per
    transaction (not one transaction: the store's graph of that name is dropped first, and a
    graph cut short by a kill is marked in the meta graph until an import completes it); the
    lookup index is then made again. One that does not is kept aside, its report with it."""
    name = graph.value
    focus = sorted({q.subject for q in scratch.quads_for_pattern(None, RDF_TYPE, None, graph)
                    if q.object.value.startswith(CTKG_NS)}, key=str)
    violations, results = [], Graph()
    for start in range(0, len(focus), CHUNK):
        data = [(q.subject, q.predicate, q.object) for node in focus[start:start + CHUNK]
                for q in scratch.quads_for_pattern(node, None, None, graph)]
        pointed = {o for _, _, o in data if isinstance(o, ox.NamedNode)} - set(focus[start:start + CHUNK])
        local = [(q.subject, q.predicate, q.object) for node in pointed
                 for q in scratch.quads_for_pattern(node, None, None, graph) if q.predicate in DESCRIBED]
        described = context.describe(pointed & kgstore.pointed_at(data))
        report = validate(data, context=[*local, *described], loader_output=False)
        violations.extend(report.violations)
        if not report.conforms:
            results += report.results
    kept = ox.NamedNode(quarantine_graph_for(name))
    target = kept if violations else graph
    meta = ox.NamedNode(G_META)
    incomplete = ox.Quad(target, ox.NamedNode(CTKG_NS + "importIncomplete"), ox.Literal(source[0]), meta)
    replacing = store.contains_named_graph(target)
    store.update(f"DROP SILENT GRAPH {target} ;\nDELETE WHERE {{ GRAPH {meta} {{ {target} ?p ?o }} }} ;\n"
                 f"INSERT DATA {{ {quads_to_sparql([incomplete])} }}")
    # The lookup index (kg.store.index) is not whole until the end: its mark is out meanwhile. A new
    # graph's statements are added to it piece by piece; a graph that replaced one makes it again.
    indexed = kgstore.has_index(store)
    if indexed:
        store.index.remove(kgstore.INDEX_MARK)
    count = 0
    write = store.bulk_extend if kgstore.embedded(store) else store.extend
    for batch in chunks(scratch.quads_for_pattern(None, None, None, graph), WRITE_CHUNK):
        write([ox.Quad(q.subject, q.predicate, q.object, target) for q in batch])
        if indexed and not replacing and indexed_graph(target):
            store.index.bulk_extend(ox.Quad(*t, ox.DefaultGraph()) for t in
                               lookup_part([(q.subject, q.predicate, q.object) for q in batch]))
        count += len(batch)
    store.extend([ox.Quad(kgstore.to_ox(s), kgstore.to_ox(p), kgstore.to_ox(o), kept) for s, p, o in results])
    store.update(f"DELETE DATA {{ {quads_to_sparql([incomplete])} }}")
    if not violations:
        _replace_record(store, graph, source)
    if indexed and replacing:
        kgstore.rebuild_index(store)
    elif indexed:
        store.index.add(kgstore.INDEX_MARK)
    if violations:
        return GraphOutcome(name, "kept aside", count, kept.value,
                            f"{len(violations)} SHACL violation(s), e.g. {violations[0].message}")
    return GraphOutcome(name, "loaded", count)


def _same_content(store, graph, quads: list[ox.Quad]) -> bool:
    """Whether the store's graph `graph` holds exactly these quads (blank nodes aside: a graph
    with blank nodes is compared by canonical form)."""
    stored = list(store.quads_for_pattern(None, None, None, graph))
    if len(stored) != len(quads):
        return False
    if not any(isinstance(t, ox.BlankNode) for q in quads for t in (q.subject, q.object)):
        return set(stored) == set(quads)
    mine, theirs = ox.Dataset(quads), ox.Dataset(stored)
    for dataset in (mine, theirs):
        dataset.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
    return set(mine) == set(theirs)


def quarantine_graph_for(graph_iri: str) -> str:
    """Where a graph that fails validation is kept aside: an article's as the loader keeps it,
    any other's under a name made from its IRI."""
    if graph_iri.startswith(GRAPH_BASE):
        rest = graph_iri[len(GRAPH_BASE):]
        key = rest.split("/", 1)[1] if rest.startswith("article/") else rest
    else:
        key = re.sub(r"^[a-z][a-z0-9+.-]*:/*", "", graph_iri)
    return QUARANTINE_GRAPH_PREFIX + slug(key)


def _replace(store, graph, quads: list[ox.Quad], *also_drop: ox.NamedNode,
             provenance: tuple[str, str, str] | None = None) -> None:
    """Replace one graph by `quads` in one update request, the store's lookup index with it: one
    transaction; then (with `provenance`, the file, its digest and the time) the graph's record in
    the meta graph."""
    kgstore.update_graphs(store, [graph, *also_drop], quads_to_sparql(quads),
                          [(q.subject, q.predicate, q.object) for q in quads])
    if provenance is not None:
        _replace_record(store, ox.NamedNode(graph.value), provenance)


def _record_update(node: ox.NamedNode, provenance: tuple[str, str, str]) -> str:
    """The SPARQL Update that makes the meta graph's record of an imported graph: the file, its
    digest and the time."""
    meta = ox.NamedNode(G_META)
    file, digest, when = provenance
    record = [ox.Quad(node, DCTERMS_SOURCE, ox.Literal(file), meta),
              ox.Quad(node, CONTENT_HASH, ox.Literal(digest), meta),
              ox.Quad(node, GENERATED_AT, ox.Literal(when, datatype=ox.NamedNode(
                  "http://www.w3.org/2001/XMLSchema#dateTime")), meta)]
    return f"DELETE WHERE {{ GRAPH {meta} {{ {node} ?p ?o }} }} ;\nINSERT DATA {{ {quads_to_sparql(record)} }}"


def _replace_record(store, node: ox.NamedNode, provenance: tuple[str, str, str]) -> None:
    store.update(_record_update(node, provenance))


# What kg.store.describe reads of an entity: what the shapes check across graphs.
def _without_others_claims(context: list[tuple]) -> list[tuple]:
    """The context less the values each report states for itself (kg.resolve.others_claim)."""
    from kg.reference import reference_index
    from kg.resolve import others_claim

    index = reference_index()
    return [(s, p, o) for s, p, o in context if not others_claim(s.value, p.value, index)]


__all__ = ["GraphOutcome", "ImportSummary", "MalformedRdf", "MissingFile", "UnsafeXml", "guess_format",
           "import_file", "own_graph", "quarantine_graph_for", "refuse_unsafe_xml"]
