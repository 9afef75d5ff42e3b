"""The store out as RDF: Turtle, N-Triples, N-Quads, TriG, JSON-LD or RDF/XML, streamed.

    export(store, "graph.nq", "nquads", "facts") -> ExportSummary

Quads are read one named graph at a time and written as they come, so exporting a million
triples never holds them all in memory. N-Quads, TriG and JSON-LD keep every named graph (one
per article); Turtle, N-Triples and RDF/XML hold triples only, so the selected graphs are merged
(a triple stated by two articles is written twice, which parsers read as one).

JSON-LD is written by this module, not by a generic serializer, so that it reads as plain JSON:
the context of ontology/context.jsonld (built from the ontology by build_context) gives every
property a short name ("actsFor", "prefLabel", "exactMatch") and says which values are IRIs,
dates or numbers, and "@base" is the base of individual IRIs, so that an entity's "id" reads
"person/ajay-bhalla". The context is written into the document, so nothing is fetched to read it.
Its shape is stable: "type" and every property that can hold more than one value (all but the
ontology's functional properties and a statement's rdf:subject, rdf:predicate and rdf:object)
are "@set" containers, always written as a list, even of one value.

The format follows the output file's extension (EXTENSIONS) unless it is given.
"""
from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain
from pathlib import Path
from typing import IO, Iterable, Iterator

import pyoxigraph as ox
from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS, XSD

from kg.errors import UnknownFormat, UnknownGraph
from kg.vocab import (ARTICLE_GRAPH_PREFIX, CTKG, G_INFERRED, G_ONTOLOGY, G_REFERENCE, GRAPH_BASE, PREFIXES,
                      QUARANTINE_GRAPH_PREFIX, base_iri)

from kg.paths import ONTOLOGY_DIR  # noqa: E402
CONTEXT_FILE = ONTOLOGY_DIR / "context.jsonld"
SHACL = "http://www.w3.org/ns/shacl#"

FORMATS: dict[str, ox.RdfFormat] = {
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "nquads": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
    "jsonld": ox.RdfFormat.JSON_LD,
    "xml": ox.RdfFormat.RDF_XML,
}
SELECTIONS = ("all", "facts", "ontology", "reference", "inferred", "quarantine")
EXTENSIONS = {".ttl": "turtle", ".nt": "ntriples", ".nq": "nquads", ".trig": "trig", ".jsonld": "jsonld",
              ".json": "jsonld", ".rdf": "xml", ".xml": "xml", ".owl": "xml"}


@dataclass(frozen=True)
class ExportSummary:
    format: str
    selection: str
    graphs: int      # named graphs written (merged into one for triple formats)
    quads: int       # quads (or triples) written


FLAT_KINDS = ("agency", "document", "fact", "group", "intl", "movement", "news", "person", "place", "series",
              "state", "topic")   # individual IRIs of these kinds are BASE/KIND/KEY, one level


def export_prefixes() -> dict[str, str]:
    """The prefixes Turtle, TriG and RDF/XML are written with: the usual vocabularies' and one per
    kind of individual whose key is one level (person: for BASE/person/, as the reference files
    have them). IRIs with deeper paths (posts, meetings, sentences, graphs) are written whole: a
    prefixed name would have to escape their '/' as '\\/'."""
    base = base_iri()
    kinds = {kind: f"{base}{kind}/" for kind in FLAT_KINDS}
    return {**{k: v for k, v in PREFIXES.items() if k != "id"}, "sh": SHACL, **kinds}


def select_graphs(store, selection: str = "all") -> list:
    """The graph names a selection covers, sorted; 'all' also covers the default graph (the
    lookup index is not in the data: kg.store.index). A selection may also be the IRI of one
    named graph (an article's, say)."""
    names = sorted((g for g in store.named_graphs() if isinstance(g, ox.NamedNode)), key=lambda g: g.value)
    if selection.startswith(("http://", "https://")):
        if ox.NamedNode(selection) not in names:
            raise UnknownGraph(f"no graph <{selection}> in the store. List the graphs with: "
                               "kg sparql \"SELECT DISTINCT ?g WHERE { GRAPH ?g {} }\"")
        return [ox.NamedNode(selection)]
    if selection not in SELECTIONS:
        raise UnknownGraph(f"no graph selection '{selection}'. Use one of: {', '.join(SELECTIONS)}, "
                           "or the IRI of a named graph.")
    wanted = {
        "all": lambda iri: True,
        "facts": lambda iri: iri.startswith(ARTICLE_GRAPH_PREFIX),
        "quarantine": lambda iri: iri.startswith(QUARANTINE_GRAPH_PREFIX),
        "ontology": lambda iri: iri == str(G_ONTOLOGY),
        "reference": lambda iri: iri == str(G_REFERENCE),
        "inferred": lambda iri: iri == str(G_INFERRED),
    }[selection]
    chosen = [g for g in names if wanted(g.value)]
    if selection == "all":
        chosen.insert(0, ox.DefaultGraph())
    return chosen


def format_for(output, fmt: str | None = None) -> str:
    """The format to write: `fmt` when given; else the one the extension of the file `output`
    names (EXTENSIONS); Turtle when writing to a stream. UnknownFormat for an extension that names
    none."""
    if fmt:
        return fmt
    if not isinstance(output, (str, Path)):
        return "turtle"
    suffix = Path(output).suffix.lower()
    if suffix not in EXTENSIONS:
        raise UnknownFormat(f"{output}: the extension '{suffix}' names no RDF format. Give --format "
                            f"({', '.join(FORMATS)}), or name the file with one of: {', '.join(EXTENSIONS)}.")
    return EXTENSIONS[suffix]


def export(store, output: str | Path | IO[bytes] | None = None, fmt: str | None = None,
           selection: str = "all") -> ExportSummary:
    """Write the selected graphs of `store` (a pyoxigraph Store or a RemoteStore) to `output`
    (a path, a binary file, or None for stdout) in format `fmt` (a key of FORMATS; by default
    the one the file's extension names, Turtle on a stream). `selection` is a name of SELECTIONS
    or the IRI of one named graph."""
    fmt = format_for(output, fmt)
    if fmt not in FORMATS:
        raise UnknownFormat(f"no export format '{fmt}'. Use one of: {', '.join(FORMATS)}.")
    graphs = select_graphs(store, selection)
    context = reference_context(store) if selection == "facts" and graphs else iter(())
    counter = _Counter()
    if isinstance(output, (str, Path)):
        with open(output, "wb") as handle:
            _write(store, graphs, handle, fmt, counter, context)
    else:
        out = output if output is not None else sys.stdout.buffer
        _write(store, graphs, out, fmt, counter, context)
        out.flush()
    named = sum(1 for g in graphs if not isinstance(g, ox.DefaultGraph)) + (selection == "facts" and bool(graphs))
    return ExportSummary(fmt, selection, named, counter.count)


class _Counter:
    def __init__(self) -> None:
        self.count = 0

    def through(self, items: Iterable) -> Iterator:
        for item in items:
            self.count += 1
            yield item


def _quads(store, graphs: list) -> Iterator[ox.Quad]:
    for graph in graphs:
        yield from store.quads_for_pattern(None, None, None, graph)


def reference_context(store) -> Iterator[ox.Quad]:
    """The reference graph's description of every entity the article graphs name, and of the
    entities those descriptions name in turn (an attack's place, an agency's state), in the
    reference graph: the context that `--graph facts` carries so that its facts' names, types and
    dates are in the export (the reference data is small: a few thousand triples)."""
    from kg.store import sparql

    reference = ox.NamedNode(str(G_REFERENCE))
    todo = [row["node"] for row in store.query(sparql("reference-context"))]
    seen = set(todo)
    while todo:
        node = todo.pop()
        for quad in store.quads_for_pattern(node, None, None, reference):
            yield quad
            if isinstance(quad.object, ox.NamedNode) and quad.object not in seen and \
                    quad.predicate.value != str(RDF.type) and _in_graph(store, quad.object, reference):
                seen.add(quad.object)
                todo.append(quad.object)


def _in_graph(store, node, graph) -> bool:
    return next(iter(store.quads_for_pattern(node, None, None, graph)), None) is not None


def _write(store, graphs: list, out: IO[bytes], fmt: str, counter: _Counter, context: Iterable = ()) -> None:
    quads = counter.through(chain(_quads(store, graphs), context))
    if fmt == "jsonld":
        write_jsonld(quads, out)
        return
    rdf_format = FORMATS[fmt]
    items = quads if rdf_format.supports_datasets else (quad.triple for quad in quads)
    prefixes = export_prefixes() if fmt in ("turtle", "trig", "xml") else None
    ox.serialize(items, out, rdf_format, prefixes=prefixes)


# -- JSON-LD ------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def load_context() -> dict:
    """The "@context" object of ontology/context.jsonld."""
    return json.loads(CONTEXT_FILE.read_text(encoding="utf-8"))["@context"]


def context_text(context: dict) -> str:
    """The context as ontology/context.jsonld holds it: one term a line, in build_context's order."""
    lines = [f"    {json.dumps(name)}: {json.dumps(value, ensure_ascii=False)}" for name, value in context.items()]
    return '{\n  "@context": {\n' + ",\n".join(lines) + "\n  }\n}\n"


def write_context(ontology: Graph | None = None, path: Path = CONTEXT_FILE) -> Path:
    """Write the context built from the ontology (ontology/ctkg.ttl by default) to `path`."""
    ontology = ontology if ontology is not None else Graph().parse(ONTOLOGY_DIR / "ctkg.ttl")
    path.write_text(context_text(build_context(ontology)), encoding="utf-8")
    load_context.cache_clear()
    return path


INTEGER_RANGES = {XSD.integer, XSD.nonNegativeInteger, XSD.positiveInteger, XSD.int, XSD.long}
LANGUAGE_TERMS = {  # name: (IRI, coercion) for the terms of other vocabularies that ctkg uses
    "prefLabel": ("skos:prefLabel", "@en"), "altLabel": ("skos:altLabel", "@en"),
    "label": ("rdfs:label", "@en"), "comment": ("rdfs:comment", "@en"),
    "definition": ("skos:definition", "@en"),
    "exactMatch": ("skos:exactMatch", "@id"), "closeMatch": ("skos:closeMatch", "@id"),
    "broader": ("skos:broader", "@id"), "narrower": ("skos:narrower", "@id"),
    "related": ("skos:related", "@id"), "inScheme": ("skos:inScheme", "@id"),
    "topConceptOf": ("skos:topConceptOf", "@id"), "hasTopConcept": ("skos:hasTopConcept", "@id"),
    "subject": ("rdf:subject", "@id"), "predicate": ("rdf:predicate", "@vocab"), "object": ("rdf:object", None),
    "wasDerivedFrom": ("prov:wasDerivedFrom", "@id"),
}


SINGLE_VALUED = {"subject", "predicate", "object"}   # of a reified statement: one each


def build_context(ontology: Graph) -> dict:
    """The JSON-LD context for ctkg data, from the ontology: a short name for every ctkg property
    and the reused ones, each with the kind of value it takes (an IRI, a date, a number ...), and
    "@container": "@set" where a property can hold more than one value (all but the ontology's
    functional properties and a statement's subject, predicate and object)."""
    context: dict = {"@vocab": str(CTKG._NS), "id": "@id", "type": {"@id": "@type", "@container": "@set"}}
    for prefix, namespace in sorted({**PREFIXES, "graph": GRAPH_BASE, "sh": SHACL}.items()):
        if prefix not in ("id",):
            context[prefix] = namespace
    for name, (iri, coercion) in LANGUAGE_TERMS.items():
        context[name] = _term(iri, coercion, name not in SINGLE_VALUED)
    namespace = str(CTKG._NS)
    functional = set(ontology.subjects(RDF.type, OWL.FunctionalProperty))
    for prop in sorted(set(ontology.subjects(RDF.type, OWL.ObjectProperty)) |
                       set(ontology.subjects(RDF.type, OWL.DatatypeProperty))):
        if not str(prop).startswith(namespace):
            continue
        name = str(prop)[len(namespace):]
        context[name] = _term(f"ctkg:{name}", _coercion(ontology, prop), prop not in functional)
    return context


def _term(iri: str, coercion: str | None, repeats: bool):
    term: dict = {"@id": iri}
    if coercion is not None and coercion.startswith("@") and coercion not in ("@id", "@vocab"):
        term["@language"] = coercion[1:]
    elif coercion is not None:
        term["@type"] = coercion
    if repeats:
        term["@container"] = "@set"
    return term if len(term) > 1 else iri


def _coercion(ontology: Graph, prop: URIRef) -> str | None:
    if (prop, RDF.type, OWL.ObjectProperty) in ontology:
        return "@id"
    ranges = set(ontology.objects(prop, RDFS.range))
    for node in list(ranges):  # a datatype restriction: its base datatype
        ranges |= set(ontology.objects(node, OWL.onDatatype))
    if RDFS.Literal in ranges:  # a date: the ontology leaves its datatype to the shapes (OWL 2 DL)
        ranges |= _shape_datatypes().get(prop, set())
    if XSD.date in ranges:
        return "xsd:date"
    if ranges & INTEGER_RANGES:
        return "xsd:integer"    # the loader writes every count as xsd:integer
    if XSD.boolean in ranges:
        return "xsd:boolean"
    if XSD.decimal in ranges:
        return "xsd:decimal"
    return None


@lru_cache(maxsize=1)
def _shape_datatypes() -> dict:
    """property -> the datatypes ontology/shapes.ttl requires of its values (sh:path + sh:datatype)."""
    SH = "http://www.w3.org/ns/shacl#"
    shapes = Graph().parse(ONTOLOGY_DIR / "shapes.ttl", format="turtle")
    found: dict = {}
    for shape, datatype in shapes.subject_objects(URIRef(SH + "datatype")):
        for path in shapes.objects(shape, URIRef(SH + "path")):
            found.setdefault(path, set()).add(datatype)
    return found


class _Compactor:
    """Turns RDF terms into the short JSON forms that the context makes mean the same thing."""

    def __init__(self, context: dict, base: str) -> None:
        self.base = base
        self.vocab = context["@vocab"]
        self.prefixes = sorted(((k, v) for k, v in context.items() if isinstance(v, str)
                                and not k.startswith("@") and v.endswith(("/", "#"))), key=lambda kv: -len(kv[1]))
        self.terms: dict[str, tuple] = {}   # IRI -> (name, @type, @language, a @set)
        self.names = {k for k in context if not k.startswith("@")}
        for name, value in context.items():
            if name.startswith("@") or (isinstance(value, str) and (value.startswith("@") or value.endswith(("/", "#")))):
                continue
            if isinstance(value, dict) and value["@id"].startswith("@"):
                continue   # "type"
            iri, kind, language, repeats = (value, None, None, False) if isinstance(value, str) else (
                value["@id"], value.get("@type"), value.get("@language"), value.get("@container") == "@set")
            full = self.expand(iri)
            if kind and not kind.startswith("@"):
                kind = self.expand(kind)
            self.terms[full] = (name, kind, language, repeats)

    def expand(self, text: str) -> str:
        prefix, colon, local = text.partition(":")
        for name, namespace in self.prefixes:
            if colon and name == prefix:
                return namespace + local
        return text

    def node_id(self, term) -> str:
        """An IRI where an @id is expected: relative to @base, or prefix:local, or whole."""
        if isinstance(term, ox.BlankNode):
            return "_:" + term.value
        iri = term.value
        if iri.startswith(self.base):
            rest = iri[len(self.base):]
            if rest and ":" not in rest and not rest.startswith(("/", "?", "#")) and \
                    not any(part in (".", "..") for part in rest.split("/")):
                return rest
        return self._prefixed(iri)

    def vocab_id(self, iri: str) -> str:
        """An IRI where a vocabulary term is expected (a type, a property, a datatype)."""
        known = self.terms.get(iri)
        if known is not None:
            return known[0]
        if iri.startswith(self.vocab):
            local = iri[len(self.vocab):]
            if local and local not in self.names and all(c.isalnum() or c in "_-" for c in local):
                return local
        return self._prefixed(iri)

    def _prefixed(self, iri: str) -> str:
        for name, namespace in self.prefixes:
            if iri.startswith(namespace):
                local = iri[len(namespace):]
                if local and not local.startswith("//"):
                    return f"{name}:{local}"
        return iri

    def key(self, predicate: str) -> tuple[str, str | None, str | None, bool]:
        """The property's name in JSON, the coercion that name carries, and whether its values
        are a list (a property the context does not name is a plain IRI and may repeat: a list)."""
        known = self.terms.get(predicate)
        if known is not None:
            return known
        return self.vocab_id(predicate), None, None, True

    def value(self, term, kind: str | None, language: str | None):
        if isinstance(term, (ox.NamedNode, ox.BlankNode)):
            if kind == "@id":
                return self.node_id(term)
            if kind == "@vocab" and isinstance(term, ox.NamedNode):
                return self.vocab_id(term.value)
            return {"id": self.node_id(term)}
        datatype = term.datatype.value if term.datatype is not None else None
        if term.language:
            if language == term.language and kind is None:
                return term.value
            return {"@value": term.value, "@language": term.language}
        if datatype == str(XSD.string):
            return term.value if kind is None and language is None else {"@value": term.value}
        if kind == datatype:
            return _native(term.value, datatype)
        return {"@value": term.value, "@type": self.vocab_id(datatype)}


def _native(lexical: str, datatype: str):
    """A number or boolean as JSON when that reads back to the same literal, else the text."""
    if datatype == str(XSD.integer) and lexical.lstrip("-").isdigit() and str(int(lexical)) == lexical:
        return int(lexical)
    if datatype == str(XSD.boolean) and lexical in ("true", "false"):
        return lexical == "true"
    return lexical


def write_jsonld(quads: Iterable[ox.Quad], out: IO[bytes], context: dict | None = None,
                 base: str | None = None) -> None:
    """Quads as one JSON-LD document: a graph object per named graph, a node object per subject.

    Quads are taken as they come; a subject is written when the next quad has another subject.
    A subject that comes back later gets a second node object with the same "id", which JSON-LD
    merges, so the output is right in any order and only one node is held at a time."""
    context = dict(context or load_context())
    context["@base"] = base or base_iri()
    writer = _JsonLdWriter(out, _Compactor(context, context["@base"]))
    head = context_text(context).rstrip()[:-1].rstrip()   # the context, without the closing brace
    out.write(head.encode("utf-8") + b',\n  "@graph": [')
    for quad in quads:
        writer.add(quad)
    writer.close()
    out.write(b"\n  ]\n}\n")


class _JsonLdWriter:
    """The state of write_jsonld: the open graph object, the node being filled."""

    def __init__(self, out: IO[bytes], compactor: _Compactor) -> None:
        self.out = out
        self.compactor = compactor
        self.graph = ox.DefaultGraph()   # whose list nodes go into: the top list for the default graph
        self.top_items = 0
        self.graph_items = 0
        self.node: dict | None = None
        self.key = None

    def add(self, quad: ox.Quad) -> None:
        key = (quad.graph_name, quad.subject)
        if key != self.key:
            self._flush_node()
            if quad.graph_name != self.graph:
                self._switch_graph(quad.graph_name)
            self.node, self.key = {"id": self.compactor.node_id(quad.subject)}, key
        _add_value(self.node, self.compactor, quad)

    def close(self) -> None:
        self._flush_node()
        self._switch_graph(ox.DefaultGraph())

    def _switch_graph(self, graph) -> None:
        if not isinstance(self.graph, ox.DefaultGraph):
            self.out.write(b"\n    ]}")
        if not isinstance(graph, ox.DefaultGraph):
            name = json.dumps(self.compactor.node_id(graph), ensure_ascii=False)
            self.out.write(("," if self.top_items else "").encode() + b'\n    {"id": ' + name.encode("utf-8") +
                           b', "@graph": [')
            self.top_items += 1
            self.graph_items = 0
        self.graph = graph

    def _flush_node(self) -> None:
        if self.node is None:
            return
        ordered = {"id": self.node.pop("id")}
        if "type" in self.node:
            ordered["type"] = self.node.pop("type")
        ordered.update(sorted(self.node.items()))
        if isinstance(self.graph, ox.DefaultGraph):
            separator, indent = ("," if self.top_items else ""), "    "
            self.top_items += 1
        else:
            separator, indent = ("," if self.graph_items else ""), "      "
            self.graph_items += 1
        self.out.write((separator + "\n" + indent + json.dumps(ordered, ensure_ascii=False)).encode("utf-8"))
        self.node = None


def _add_value(node: dict, compactor: _Compactor, quad: ox.Quad) -> None:
    predicate, obj = quad.predicate.value, quad.object
    if predicate == str(RDF.type) and isinstance(obj, ox.NamedNode):
        name, value, repeats = "type", compactor.vocab_id(obj.value), True
    else:
        name, kind, language, repeats = compactor.key(predicate)
        value = compactor.value(obj, kind, language)
    if repeats:
        node.setdefault(name, []).append(value)
    elif name not in node:
        node[name] = value
    elif isinstance(node[name], list):
        node[name].append(value)
    else:
        node[name] = [node[name], value]


__all__ = ["CONTEXT_FILE", "ExportSummary", "FORMATS", "SELECTIONS", "UnknownFormat", "UnknownGraph", "build_context", "export",
           "export_prefixes", "load_context", "select_graphs", "write_context", "write_jsonld"]
