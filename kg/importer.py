"""RDF from other systems into the store: checked, parsed whole, validated per graph, then written.

    import_file(store, "their-data.ttl") -> ImportSummary

1. RDF/XML is read for its prolog first: a DOCTYPE that loads an external DTD or entity, declares
   parameter entities, entities that expand other entities (the "billion laughs" payload) or that
   would expand to far more text than the file holds, is refused (UnsafeXml) before any parser
   sees the file. Simple text entities (`<!ENTITY rdf "http://...">`, as Protégé writes) pass.
2. The whole file is parsed into a scratch store first. A syntax error is reported with its line
   and column (MalformedRdf), and nothing of the file enters the store.
3. Each named graph of the file (the file's triples, for Turtle, N-Triples and RDF/XML, go to one
   graph, `…/graph/import/<file-stem>` unless `into` names another), in name order, is
   validated against the shapes with the stored descriptions of the entities it names as
   context, as the loader validates an article (the store gets the ontology and reference
   graphs first, as kg build does; the file's own project graphs come before the rest). A graph that conforms replaces the graph of
   that name, in one update (one transaction); one that does not is kept aside in a quarantine
   graph with its SHACL report, and the store's graph of that name is left as it was.
   The project's own graphs (ontology, reference, inferred, meta) and quarantine graphs are
   restored as they are: the shapes describe article graphs, and those hold something else.
"""
from __future__ import annotations

import re
import tempfile
import xml.parsers.expat
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph, URIRef
from rdflib.namespace import RDF, SKOS

from kg import store as kgstore
from kg.errors import MalformedRdf, MissingFile, UnsafeXml
from kg.export import FORMATS, UnknownFormat
from kg.remote import quads_to_sparql
from kg.validate import validate
from kg.vocab import (CTKG, G_INFERRED, G_ONTOLOGY, G_REFERENCE, GRAPH_BASE, QUARANTINE_GRAPH_PREFIX, slug)

SUFFIXES = {".ttl": "turtle", ".nt": "ntriples", ".nq": "nquads", ".trig": "trig", ".jsonld": "jsonld",
            ".json": "jsonld", ".rdf": "xml", ".xml": "xml", ".owl": "xml"}
FORMAT_NAMES = {"turtle": "Turtle", "ntriples": "N-Triples", "nquads": "N-Quads", "trig": "TriG",
                "jsonld": "JSON-LD", "xml": "RDF/XML"}
IMPORT_GRAPH_PREFIX = GRAPH_BASE + "import/"
BASE_GRAPHS = {str(G_ONTOLOGY), str(G_REFERENCE), str(G_INFERRED), GRAPH_BASE + "meta"}
PROLOG_LIMIT = 1 << 20          # bytes of DOCTYPE read at most before the root element
ENTITY_VALUE_LIMIT = 4096       # characters of one entity's replacement text
EXPANSION_ALLOWANCE = 1 << 20   # characters that entities may add beyond the file's own size


@dataclass(frozen=True)
class GraphOutcome:
    graph: str           # the graph's IRI as the file names it (or the import graph)
    status: str          # "loaded", "kept aside", "restored" (a project graph, not validated)
    triples: int
    kept_in: str = ""    # the quarantine graph, when kept aside
    message: str = ""    # the first violation, when kept aside


@dataclass(frozen=True)
class ImportSummary:
    path: str
    format: str
    outcomes: tuple[GraphOutcome, ...]

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    @property
    def triples(self) -> int:
        return sum(o.triples for o in self.outcomes if o.status != "kept aside")

    @property
    def ok(self) -> bool:
        return self.count("kept aside") == 0


def guess_format(path: str | Path) -> str:
    """The format name (a key of kg.export.FORMATS) for a file name's extension."""
    fmt = SUFFIXES.get(Path(path).suffix.lower())
    if fmt is None:
        raise UnknownFormat(f"{path}: cannot tell the RDF format from the extension '{Path(path).suffix}'. "
                            f"Give it with --format ({', '.join(FORMATS)}).")
    return fmt


def import_file(store, path: str | Path, fmt: str | None = None, *, into: str | None = None) -> ImportSummary:
    """Import the RDF file `path` into `store` (a pyoxigraph Store or a RemoteStore)."""
    path = Path(path)
    if not path.is_file():
        raise MissingFile(f"{path}: no such file. Check the path and run kg import again.")
    fmt = fmt or guess_format(path)
    if fmt not in FORMATS:
        raise UnknownFormat(f"no import format '{fmt}'. Use one of: {', '.join(FORMATS)}.")
    if fmt == "xml":
        refuse_unsafe_xml(path)
    target = ox.NamedNode(into or IMPORT_GRAPH_PREFIX + slug(path.stem))
    with tempfile.TemporaryDirectory(prefix="kg-import-") as scratch_dir:
        scratch = ox.Store(scratch_dir)
        _parse_into(scratch, path, fmt, target)
        kgstore.ensure_base_graphs(store)   # the ontology and reference data: validation context
        context = ContextCache(store, scratch)
        outcomes = [_import_graph(store, scratch, graph, context) for graph in _graph_order(scratch)]
        del scratch
    store.flush()
    return ImportSummary(str(path), fmt, tuple(outcomes))


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
        scratch.bulk_extend(quads())
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
        line, column, detail = _xml_error_position(path, detail)
    if "LoadDocumentCallback" in detail:
        detail = ("its @context is a URL, and kg import fetches nothing from the network; put the "
                  "context into the file (kg export --format jsonld does)")
    where = f" at line {line}, column {column}" if line is not None else ""
    return (f"{path}: not valid {name}{where}: {detail}.\n"
            f"  Nothing was imported. Fix the file{' there' if where else ''} and run kg import again.")


def _xml_error_position(path: Path, detail: str) -> tuple[int | None, int | None, str]:
    """Where the XML itself breaks, by expat (the RDF/XML parser does not say); the file has
    passed refuse_unsafe_xml, and expat reads no external entity."""
    parser = xml.parsers.expat.ParserCreate()
    parser.SetParamEntityParsing(xml.parsers.expat.XML_PARAM_ENTITY_PARSING_NEVER)
    try:
        with open(path, "rb") as handle:
            parser.ParseFile(handle)
    except xml.parsers.expat.ExpatError as error:
        return error.lineno, error.offset + 1, xml.parsers.expat.ErrorString(error.code)
    return None, None, f"the XML is well-formed but not RDF/XML ({detail})"


def _graph_order(scratch: ox.Store) -> list[ox.NamedNode | ox.BlankNode]:
    """Project graphs first (the reference data is context for the rest), then by name."""
    graphs = list(scratch.named_graphs())
    return sorted(graphs, key=lambda g: (g.value not in BASE_GRAPHS, g.value))


def _import_graph(store, scratch: ox.Store, graph, context: "ContextCache") -> GraphOutcome:
    quads = list(scratch.quads_for_pattern(None, None, None, graph))
    name = graph.value
    context.forget_graph(graph)
    if name in BASE_GRAPHS or name.startswith(QUARANTINE_GRAPH_PREFIX):
        _replace(store, graph, quads)
        context.learn(quads)
        return GraphOutcome(name, "restored", len(quads))
    data = Graph()
    for quad in quads:
        data.add((kgstore.from_ox(quad.subject), kgstore.from_ox(quad.predicate), kgstore.from_ox(quad.object)))
    # As the loader does: the context is what the store and the rest of the file state of the
    # entities the graph names (the file's graphs were resolved together: one may hold the preferred
    # label of a person another names), less the dates other reports claim for themselves.
    report = validate(data, context=_without_others_claims(context.describe(_pointed_at(data))))
    context.learn(quads)
    kept = ox.NamedNode(quarantine_graph_for(name))
    if report.conforms:
        _replace(store, graph, quads, kept)
        return GraphOutcome(name, "loaded", len(quads))
    report_quads = [ox.Quad(kgstore.to_ox(s), kgstore.to_ox(p), kgstore.to_ox(o), kept) for s, p, o in report.results]
    _replace(store, kept, [ox.Quad(q.subject, q.predicate, q.object, kept) for q in quads] + report_quads)
    first = report.violations[0].message if report.violations else "see kg validate"
    return GraphOutcome(name, "kept aside", len(quads), kept.value,
                        f"{len(report.violations)} SHACL violation(s), e.g. {first}")


def quarantine_graph_for(graph_iri: str) -> str:
    """Where a graph that fails validation is kept aside: an article's as the loader keeps it,
    any other's under a name made from its IRI."""
    if graph_iri.startswith(GRAPH_BASE):
        rest = graph_iri[len(GRAPH_BASE):]
        key = rest.split("/", 1)[1] if rest.startswith("article/") else rest
    else:
        key = re.sub(r"^[a-z][a-z0-9+.-]*:/*", "", graph_iri)
    return QUARANTINE_GRAPH_PREFIX + slug(key)


def _replace(store, graph, quads: list[ox.Quad], *also_drop: ox.NamedNode) -> None:
    """Replace one graph by `quads` in one update request, the store's lookup index with it: one
    transaction."""
    kgstore.update_graphs(store, [graph, *also_drop], quads_to_sparql(quads),
                          [(q.subject, q.predicate, q.object) for q in quads])


# What kg.store.describe reads of an entity: what the shapes check across graphs.
CONTEXT_PREDICATES = (RDF.type, SKOS.prefLabel, CTKG.actsFor, CTKG.subOrganizationOf, CTKG.eventStatus, CTKG.title,
                      CTKG.startDate, CTKG.endDate, CTKG.dateUnknown)
CONTEXT_CHUNK = 500   # entities per query


def describe(store, iris: set[URIRef]) -> Graph:
    """What kg.store.describe gives (the entities' types, labels, titles, dates and parents, and
    the types of those parents) in one query per CONTEXT_CHUNK entities, each distinct value once."""
    graph = _facts(store, iris)
    for parent in _parents(graph, iris):
        for triple in _facts(store, {parent}).triples((parent, RDF.type, None)):
            graph.add(triple)
    return graph


def _facts(store, iris) -> Graph:
    graph = Graph()
    ordered = sorted(iris)
    predicates = " ".join(f"<{p}>" for p in CONTEXT_PREDICATES)
    for start in range(0, len(ordered), CONTEXT_CHUNK):
        values = " ".join(str(ox.NamedNode(str(iri))) for iri in ordered[start: start + CONTEXT_CHUNK])
        query = (f"SELECT DISTINCT ?s ?p ?o WHERE {{ VALUES ?s {{ {values} }} VALUES ?p {{ {predicates} }} "
                 "GRAPH ?g { ?s ?p ?o } }")
        for row in store.query(query):
            graph.add((URIRef(row["s"].value), URIRef(row["p"].value), kgstore.from_ox(row["o"])))
    return graph


def _parents(graph: Graph, iris) -> set[URIRef]:
    return {o for o in (*graph.objects(None, CTKG.subOrganizationOf), *graph.objects(None, CTKG.actsFor))
            if isinstance(o, URIRef) and o not in iris}


class ContextCache:
    """describe() for one import, each entity read from the store once.

    Reading an entity costs time in proportion to the graphs that mention it (a state named by a
    thousand stored articles has a thousand copies of its type), so describing every entity of
    every graph made an import slow down as it went. Here an entity is read once, and what each
    imported graph states about entities already read is added as it goes in; a graph that
    replaces one already in the store makes its old entities be read again."""

    def __init__(self, store, file: ox.Store | None = None) -> None:
        self.store = store
        self.file = file           # the file being imported, whole
        self.known: dict[URIRef, set] = {}

    def describe(self, iris: set[URIRef]) -> Graph:
        self._read(iris)
        graph = Graph()
        for iri in iris:
            for triple in self.known[iri]:
                graph.add(triple)
        parents = _parents(graph, iris)
        self._read(parents)
        for parent in parents:
            for triple in self.known[parent]:
                if triple[1] == RDF.type:
                    graph.add(triple)
        return graph

    def learn(self, quads: list[ox.Quad]) -> None:
        """Add what an imported graph states about entities already read."""
        wanted = {str(p) for p in CONTEXT_PREDICATES}
        for quad in quads:
            if quad.predicate.value in wanted and isinstance(quad.subject, ox.NamedNode):
                facts = self.known.get(URIRef(quad.subject.value))
                if facts is not None:
                    facts.add((URIRef(quad.subject.value), URIRef(quad.predicate.value), kgstore.from_ox(quad.object)))

    def forget_graph(self, graph) -> None:
        """Before `graph` is replaced: its entities are to be read again."""
        if not isinstance(graph, ox.NamedNode) or not self.known or not self.store.contains_named_graph(graph):
            return
        for row in self.store.query(f"SELECT DISTINCT ?s WHERE {{ GRAPH {graph} {{ ?s ?p ?o }} }}"):
            self.known.pop(URIRef(row["s"].value), None)

    def _read(self, iris) -> None:
        missing = {iri for iri in iris if iri not in self.known}
        if not missing:
            return
        facts = _facts(self.store, missing)
        if self.file is not None:
            facts += _facts(self.file, missing)
        for iri in missing:
            self.known[iri] = set(facts.triples((iri, None, None)))


def _without_others_claims(context: Graph) -> Graph:
    """The context less the values each report states for itself (kg.resolve.PER_REPORT), but for
    the reference data's things."""
    from kg.reference import reference_index
    from kg.resolve import PER_REPORT

    known, claimed = reference_index().known, {URIRef(p.value) for p in PER_REPORT}
    for s, p, o in list(context):
        if p in claimed and s not in known:
            context.remove((s, p, o))
    return context


def _pointed_at(graph: Graph) -> set[URIRef]:
    """The individuals a graph names: their stored descriptions are the validation context."""
    nodes = {n for n in (*graph.subjects(), *graph.objects()) if isinstance(n, URIRef)}
    return {n for n in nodes if not str(n).startswith(str(CTKG._NS)) and "/fact/" not in n and "/article/" not in n}


# -- RDF/XML safety -----------------------------------------------------------------------------

_ENTITY = re.compile(r"""<!ENTITY\s+(%\s+)?([^\s"'>]+)\s+(?:(SYSTEM|PUBLIC)\b|("([^"]*)"|'([^']*)'))""", re.S)


def refuse_unsafe_xml(path: str | Path) -> None:
    """UnsafeXml if the RDF/XML file's DOCTYPE could make a parser read other files or URLs, or
    expand entities without bound. Reads the prolog only, plus a count of entity references
    when the file declares entities."""
    path = Path(path)
    doctype = _doctype(path)
    if doctype is None:
        return
    header, subset = doctype
    if re.search(r"\b(SYSTEM|PUBLIC)\b", header):
        raise _unsafe(path, "its DOCTYPE loads an external DTD (SYSTEM or PUBLIC)")
    entities: dict[str, str] = {}
    for match in _ENTITY.finditer(subset):
        parameter, name, external = match.group(1), match.group(2), match.group(3)
        value = match.group(5) if match.group(5) is not None else (match.group(6) or "")
        if parameter:
            raise _unsafe(path, f"it declares a parameter entity (%{name})")
        if external:
            raise _unsafe(path, f"it declares an external entity (&{name}; {external} ...), which "
                                "would make a parser read another file or URL")
        if re.search(r"&(?!#)", value) or "<" in value:
            raise _unsafe(path, f"its entity &{name}; expands other entities or markup: the shape of an "
                                "entity-expansion ('billion laughs') payload")
        if len(value) > ENTITY_VALUE_LIMIT:
            raise _unsafe(path, f"its entity &{name}; is {len(value)} characters long")
        entities[name] = value
    if len(re.findall(r"<!ENTITY\b", subset)) != len(entities):
        raise _unsafe(path, "its DOCTYPE has an entity declaration that kg import cannot read")
    _check_expansion(path, entities)


def _doctype(path: Path) -> tuple[str, str] | None:
    """The DOCTYPE's header (before '[') and internal subset, or None if the prolog has none.
    UnsafeXml if it does not end within the first PROLOG_LIMIT bytes."""
    with open(path, "rb") as handle:
        raw = handle.read(PROLOG_LIMIT)
    text = raw.decode("utf-16" if raw.startswith((b"\xff\xfe", b"\xfe\xff")) else "utf-8", "replace")
    i = 0
    while True:
        while i < len(text) and text[i] in " \t\r\n\ufeff":
            i += 1
        if text.startswith("<?", i):
            i = _after(text, "?>", i)
        elif text.startswith("<!--", i):
            i = _after(text, "-->", i)
        elif text.startswith("<!DOCTYPE", i):
            break
        else:
            return None      # the root element (or anything else): no DOCTYPE
        if i < 0:
            return None
    subset_start, end = _doctype_end(text, i)
    if end is None:
        raise _unsafe(path, f"its DOCTYPE does not end within the first {PROLOG_LIMIT // 1024} KiB")
    return text[i:subset_start], text[subset_start + 1: end] if end > subset_start else ""


def _after(text: str, marker: str, start: int) -> int:
    found = text.find(marker, start)
    return -1 if found < 0 else found + len(marker)


def _doctype_end(text: str, start: int) -> tuple[int, int | None]:
    """(index of the '[' that opens the internal subset, or of the '>' that ends a DOCTYPE without
    one; index of the ']' that closes the subset, or that '>'; None if the DOCTYPE never ends).
    Quoted strings and comments inside are skipped."""
    i, subset_open, quote = start, None, None
    while i < len(text):
        c = text[i]
        if quote:
            if c == quote:
                quote = None
        elif text.startswith("<!--", i):
            i = _after(text, "-->", i)
            if i < 0:
                return start, None
            continue
        elif c in "\"'":
            quote = c
        elif c == "[" and subset_open is None:
            subset_open = i
        elif c == "]" and subset_open is not None:
            return subset_open, i
        elif c == ">" and subset_open is None:
            return i, i
        i += 1
    return start, None


def _check_expansion(path: Path, entities: dict[str, str]) -> None:
    """UnsafeXml if the entity references in the file would add more than the file's size plus
    EXPANSION_ALLOWANCE characters when expanded (many uses of a long entity)."""
    if not entities:
        return
    pattern = re.compile("&(" + "|".join(re.escape(name) for name in entities) + ");")
    size = path.stat().st_size
    added = 0
    tail = ""
    with open(path, "r", encoding="utf-8", errors="replace") as handle:
        while True:
            chunk = handle.read(1 << 20)
            if not chunk:
                break
            text = tail + chunk
            cut = text.rfind("&")
            cut = cut if cut >= 0 and ";" not in text[cut:] else len(text)
            for match in pattern.finditer(text, 0, cut):
                added += len(entities[match.group(1)])
            tail = text[cut:]
            if added > size + EXPANSION_ALLOWANCE:
                raise _unsafe(path, "its entities would expand to far more text than the file holds "
                                    "(an entity-expansion payload)")


def _unsafe(path: Path, reason: str) -> UnsafeXml:
    return UnsafeXml(f"{path}: refused: {reason}. Nothing was imported and nothing was expanded.\n"
                     "  Remove the DOCTYPE, or export the data as Turtle or N-Triples, and run kg import again.")


__all__ = ["GraphOutcome", "ImportSummary", "MalformedRdf", "MissingFile", "UnsafeXml", "guess_format",
           "import_file", "quarantine_graph_for", "refuse_unsafe_xml"]
