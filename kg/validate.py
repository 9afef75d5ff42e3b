"""graph -> Report: check one article graph against ontology/shapes.ttl.

`validate(data, context=...)` runs the shapes on `data` (one article's graph) with two more
things visible to the checks but never reported on:

- the rdfs:subClassOf axioms of ontology/ctkg.ttl, so that a ctkg:Dialogue is checked by
  MeetingShape and a ctkg:GovernmentAgency passes `sh:class ctkg:Organization`;
- `context`, the descriptions of entities the article points at (the reference data's
  id:state/india a ctkg:State ...), so that class checks on them can pass.

A result is kept only when its focus node is a subject in `data`: the reference data is
checked where it lives, not once per article.

The shapes run on kg/shacl.py, the shapes compiled once per process into Python checks (SPARQL
constraints run by Oxigraph): a few milliseconds per article graph, where pySHACL through rdflib
took about 300. pySHACL remains the reference (tests/test_shacl.py runs both on the same graphs)
and checks the shapes graph itself against SHACL-for-SHACL (`validate_shapes_graph`).

`data` and `context` are (subject, predicate, object) tuples of pyoxigraph terms (what the
loader makes), pyoxigraph Triples, or rdflib graphs (what kg import and the tests hand in).
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources
from typing import Iterable

import pyoxigraph as ox
from pyshacl import validate as pyshacl_validate
from pyshacl.rdfutil.stringify import stringify_node
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, SH

from kg.errors import KgError
from kg.shacl import VIOLATION, Result, Shapes
from kg.vocab import from_ox, to_ox

from kg.paths import ONTOLOGY_DIR  # noqa: E402
SHAPES_FILE = ONTOLOGY_DIR / "shapes.ttl"
ONTOLOGY_FILE = ONTOLOGY_DIR / "ctkg.ttl"
SUBCLASS_OF = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#subClassOf")


@dataclass(frozen=True)
class Violation:
    """One SHACL result, for people: the node, the property, what is wrong, how bad."""

    focus: str                # the focus node's IRI (or blank node id)
    path: str | None          # the property (sh:resultPath), None for a node-level result
    message: str              # the shape's sh:message with {$this} and {$value} filled in
    severity: str             # "Violation", "Warning" or "Info"


@dataclass(frozen=True)
class Report:
    """What a validation found: the results as records, and on demand the SHACL report graph and
    text (made when asked for: a build reads them only for an article kept aside)."""

    conforms: bool                        # no result of severity sh:Violation
    violations: tuple[Violation, ...]     # the results, each distinct one once, sorted by focus,
                                          # path and message (two constraints of one shape that
                                          # fail on one value share a message: one line, not two)
    found: tuple[Result, ...] = ()        # the engine's results, in the order found
    report_graph: Graph | None = None     # the report graph, when another engine made it (pySHACL)
    report_text: str | None = None

    @functools.cached_property
    def results(self) -> Graph:
        """The sh:ValidationReport graph."""
        return self.report_graph if self.report_graph is not None else _report_graph(self.conforms, self.found)

    @functools.cached_property
    def text(self) -> str:
        """The report for people."""
        return self.report_text if self.report_text is not None else _report_text(self.conforms, self.found)


def validate(data, *, context=None, loader_output: bool = True) -> Report:
    """Check one article graph against the project's shapes.

    `context` holds descriptions of entities `data` points at; class checks see them, but a
    node described only in `context` is never a reported focus node. With `loader_output`
    false (data from elsewhere, kg import), the shapes of the loader's own provenance records
    and the node shapes' IRI patterns (LOADER_SHAPES, see there) are left out: they describe
    what kg build writes, not data in general.
    """
    shapes = compiled_shapes(provenance=loader_output)
    results = list(dict.fromkeys(shapes.check(_triples(data), _triples(context))))
    conforms = not any(result.severity == VIOLATION for result in results)
    return Report(conforms, _violations(results), tuple(results))


def validate_shapes_graph(shapes: Graph | None = None) -> Report:
    """Check a shapes graph (by default ontology/shapes.ttl) against the W3C SHACL-for-SHACL
    shapes, read from the copy pySHACL ships."""
    conforms, report_graph, text = pyshacl_validate(
        shapes if shapes is not None else _read_shapes_rdflib(), shacl_graph=_shacl_for_shacl(), inference="none"
    )
    return Report(bool(conforms), _graph_violations(report_graph), report_graph=report_graph, report_text=text)


def _triples(graph) -> Iterable:
    if graph is None:
        return ()
    if isinstance(graph, Graph):
        return [(to_ox(s), to_ox(p), to_ox(o)) for s, p, o in graph]
    return graph


# -- read once per process ------------------------------------------------------------------------


# The shapes of the loader's provenance records (articles, sentences, reified facts, and the rule
# that every extracted node has one), and the IRI patterns of the node shapes (how kg build mints
# IRIs): they apply to kg build's output only, not to data from elsewhere.
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
NODE_SHAPE = ox.NamedNode("http://www.w3.org/ns/shacl#NodeShape")
SH_PATTERN = ox.NamedNode("http://www.w3.org/ns/shacl#pattern")
LOADER_SHAPES = frozenset(ox.NamedNode("https://w3id.org/ctkg/shapes#" + name) for name in
                          ("ArticleShape", "SentenceShape", "AssertionShape", "ProvenanceShape"))


@functools.cache
def compiled_shapes(provenance: bool = True) -> Shapes:
    """ontology/shapes.ttl, compiled, with the ontology's class hierarchy; without
    `provenance`, less the LOADER_SHAPES."""
    try:
        shapes = list(ox.parse(path=SHAPES_FILE, format=ox.RdfFormat.TURTLE))
    except (FileNotFoundError, IsADirectoryError):
        raise KgError(
            f"{SHAPES_FILE.name}: the shapes file is missing from {SHAPES_FILE.parent}. "
            "Restore ontology/shapes.ttl from the repository; validation cannot run without it."
        ) from None
    except SyntaxError as error:
        raise KgError(
            f"{SHAPES_FILE.name}: the shapes are not valid Turtle ({error}). Fix the file and run again."
        ) from None
    if not provenance:   # nor the IRI patterns of the node shapes: how kg build mints its IRIs
        node_shapes = {t.subject for t in shapes if t.predicate == RDF_TYPE and t.object == NODE_SHAPE}
        shapes = [t for t in shapes if t.subject not in LOADER_SHAPES
                  and not (t.subject in node_shapes and t.predicate == SH_PATTERN)]
    return Shapes.compile(shapes, class_hierarchy())


def _read_shapes_rdflib() -> Graph:
    compiled_shapes()  # the same checks and messages for a missing or broken file
    return Graph().parse(SHAPES_FILE, format="turtle")


@functools.cache
def _shacl_for_shacl() -> Graph:
    shsh = resources.files("pyshacl").joinpath("assets", "shacl-shacl.ttl")
    return Graph().parse(data=shsh.read_bytes(), format="turtle")


@functools.cache
def class_hierarchy() -> tuple[tuple, ...]:
    """The rdfs:subClassOf axioms between named classes of ontology/ctkg.ttl, and nothing else."""
    if not ONTOLOGY_FILE.exists():
        raise KgError(
            f"{ONTOLOGY_FILE.name}: the ontology is missing from {ONTOLOGY_FILE.parent}; validation "
            "needs its class hierarchy (ctkg:Dialogue is a ctkg:Meeting ...). "
            "Restore ontology/ctkg.ttl from the repository and run again."
        )
    return tuple(
        (t.subject, t.predicate, t.object)
        for t in ox.parse(path=ONTOLOGY_FILE, format=ox.RdfFormat.TURTLE)
        if t.predicate == SUBCLASS_OF and isinstance(t.subject, ox.NamedNode) and isinstance(t.object, ox.NamedNode)
    )


# -- the report -------------------------------------------------------------------------------------


def _report_graph(conforms: bool, results) -> Graph:
    """The results in the SHACL report vocabulary (sh:ValidationReport, sh:ValidationResult)."""
    graph = Graph()
    graph.bind("sh", str(SH))
    report = BNode()
    graph.add((report, RDF.type, SH.ValidationReport))
    graph.add((report, SH.conforms, Literal(conforms)))
    for result in results:
        node = BNode()
        graph.add((report, SH.result, node))
        graph.add((node, RDF.type, SH.ValidationResult))
        graph.add((node, SH.focusNode, from_ox(result.focus)))
        if result.inverse_of is not None:
            path = BNode()
            graph.add((path, SH.inversePath, from_ox(result.inverse_of)))
            graph.add((node, SH.resultPath, path))
        elif result.path is not None:
            graph.add((node, SH.resultPath, from_ox(result.path)))
        if result.value is not None:
            graph.add((node, SH.value, from_ox(result.value)))
        graph.add((node, SH.resultSeverity, from_ox(result.severity)))
        graph.add((node, SH.sourceShape, from_ox(result.shape)))
        graph.add((node, SH.sourceConstraintComponent, from_ox(result.component)))
        graph.add((node, SH.resultMessage, Literal(result.message)))
    return graph


def _short(term) -> str:
    return term.value.rsplit("#", 1)[-1] if isinstance(term, ox.NamedNode) else str(term)


def _report_text(conforms: bool, results) -> str:
    lines = ["Validation Report", f"Conforms: {conforms}"]
    if results:
        lines.append(f"Results ({len(results)}):")
    for result in results:
        lines.append(f"{_short(result.severity)} of {_short(result.component)} in shape {_short(result.shape)}:")
        lines.append(f"\tFocus Node: {result.focus.value}")
        if result.path is not None:
            lines.append(f"\tResult Path: {_path_text(result)}")
        if result.value is not None:
            lines.append(f"\tValue Node: {result.value}")
        lines.append(f"\tMessage: {result.message}")
    return "\n".join(lines) + "\n"


def _path_text(result: Result) -> str:
    return f"^{result.inverse_of.value}" if result.inverse_of is not None else result.path.value


def _violations(results: list[Result]) -> tuple[Violation, ...]:
    found = {
        Violation(
            focus=result.focus.value,
            path=None if result.path is None else _path_text(result),
            message=result.message,
            severity=_short(result.severity),
        )
        for result in results
    }
    return tuple(sorted(found, key=lambda v: (v.focus, v.path or "", v.message)))


def _graph_violations(report_graph: Graph) -> tuple[Violation, ...]:
    """The results of a report graph made by pySHACL (the SHACL-for-SHACL check)."""
    violations = []
    for result in report_graph.subjects(RDF.type, SH.ValidationResult):
        path = report_graph.value(result, SH.resultPath)
        severity = report_graph.value(result, SH.resultSeverity)
        messages = sorted(str(m) for m in report_graph.objects(result, SH.resultMessage))
        violations.append(
            Violation(
                focus=str(report_graph.value(result, SH.focusNode)),
                path=None if path is None else str(path) if isinstance(path, URIRef) else stringify_node(report_graph, path),
                message=" ".join(messages),
                severity=str(severity).rsplit("#", 1)[-1] if severity is not None else "Violation",
            )
        )
    return tuple(sorted(set(violations), key=lambda v: (v.focus, v.path or "", v.message)))
