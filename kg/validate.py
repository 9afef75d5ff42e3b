"""graph -> Report: check one article graph against ontology/shapes.ttl with pySHACL.

`validate(data, context=...)` runs the shapes on `data` (one article's graph) with two more
things visible to the checks but never reported on:

- the rdfs:subClassOf axioms of ontology/ctkg.ttl, so that a ctkg:Dialogue is checked by
  MeetingShape and a ctkg:GovernmentAgency passes `sh:class ctkg:Organization`;
- `context`, the descriptions of entities the article points at (the reference data's
  id:state/india a ctkg:State ...), so that class checks on them can pass.

A result is kept only when its focus node is a subject in `data`: the reference data is
checked where it lives, not once per article.

Speed (validation runs once per article, so it must cost milliseconds, not seconds):
- the shapes are read, flattened (see `_flattened`) and compiled into pySHACL shapes once per
  process, and the class hierarchy is read once; nothing is inferred;
- focus nodes are found once per call, by class, among the subjects of `data` only, and each
  shape runs once on all of its focus nodes;
- each SPARQL constraint's text is parsed once per process: pySHACL re-sends the same text for
  every focus node, and rdflib's parser costs far more than evaluating these small queries.
A call costs time in proportion to the article graph and its context, never to the store.
The loop over shapes (`_run_shapes`) stands in for pySHACL's `Validator.run`, whose shapes
graph would otherwise be re-read and re-compiled on every call.

pySHACL fills {$this} into the messages of SPARQL constraints only; this module fills {$this}
and {$value} into the messages of core constraints too, in the report graph, the text and the
violations alike.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from pyshacl import ShapesGraph, Validator
from pyshacl import validate as pyshacl_validate
from pyshacl.graph_abstraction import DataGraph
from pyshacl.pytypes import SHACLExecutor
from pyshacl.rdfutil.stringify import stringify_node
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SH
from rdflib.plugins.sparql import prepareQuery
from rdflib.term import Node

from kg.errors import KgError
from kg.vocab import PREFIXES, base_iri

ONTOLOGY_DIR = Path(__file__).resolve().parent.parent / "ontology"
SHAPES_FILE = ONTOLOGY_DIR / "shapes.ttl"
ONTOLOGY_FILE = ONTOLOGY_DIR / "ctkg.ttl"

_TEMPLATES = {"this": SH.focusNode, "value": SH.value}


@dataclass(frozen=True)
class Violation:
    """One SHACL result, for people: the node, the property, what is wrong, how bad."""

    focus: str                # the focus node's IRI (or blank node id)
    path: str | None          # the property (sh:resultPath), None for a node-level result
    message: str              # the shape's sh:message with {$this} and {$value} filled in
    severity: str             # "Violation", "Warning" or "Info"


@dataclass(frozen=True)
class Report:
    """What a validation found: pySHACL's report graph and text, and the results as records."""

    conforms: bool                        # no result of severity sh:Violation
    results: Graph                        # the sh:ValidationReport graph
    text: str                             # pySHACL's human-readable report
    violations: tuple[Violation, ...]     # the results, each distinct one once, sorted by focus,
                                          # path and message (two constraints of one shape that
                                          # fail on one value share a message: one line, not two)


def validate(data: Graph, *, context: Graph | None = None) -> Report:
    """Check one article graph against the project's shapes.

    `context` holds descriptions of entities `data` points at; class checks see them, but a
    node described only in `context` is never a reported focus node.
    """
    graph = _working_graph(data, context)
    described = set(data.subjects())
    results = [
        _fill_templates(result)
        for result in _run_shapes(_targeted_shapes(), graph, described)
        if _focus_node(result) in described
    ]
    conforms = not any((result[1], SH.resultSeverity, SH.Violation) in result[2] for result in results)
    report_graph, text = Validator.create_validation_report(_shapes(), conforms, results)
    return Report(conforms, report_graph, text, _violations(report_graph))


def validate_shapes_graph(shapes: Graph | None = None) -> Report:
    """Check a shapes graph (by default ontology/shapes.ttl) against the W3C SHACL-for-SHACL
    shapes, read from the copy pySHACL ships."""
    conforms, report_graph, text = pyshacl_validate(
        shapes if shapes is not None else _read_shapes(), shacl_graph=_shacl_for_shacl(), inference="none"
    )
    return Report(bool(conforms), report_graph, text, _violations(report_graph))


# -- cached once per process --------------------------------------------------------------------


def _read_shapes() -> Graph:
    try:
        return Graph().parse(SHAPES_FILE, format="turtle")
    except FileNotFoundError:
        raise KgError(
            f"{SHAPES_FILE.name}: the shapes file is missing from {SHAPES_FILE.parent}. "
            "Restore ontology/shapes.ttl from the repository; validation cannot run without it."
        ) from None
    except SyntaxError as error:
        raise KgError(
            f"{SHAPES_FILE.name}: the shapes are not valid Turtle ({error}). Fix the file and run again."
        ) from None


@functools.cache
def _shacl_for_shacl() -> Graph:
    shsh = resources.files("pyshacl").joinpath("assets", "shacl-shacl.ttl")
    return Graph().parse(data=shsh.read_bytes(), format="turtle")


@functools.cache
def _shapes() -> ShapesGraph:
    """The shapes, flattened, parsed and compiled once (pySHACL keeps compiled shapes on the object)."""
    shapes = ShapesGraph(_flattened(_read_shapes()))
    _ = shapes.shapes  # builds pySHACL's shape cache now, not on the first article
    return shapes


@functools.cache
def _targeted_shapes() -> tuple:
    """(shape, its target classes) for the shapes that declare targets; the others are reached
    only through them. The classes are None for a shape with any other kind of target."""
    targeted = []
    for shape in _shapes().shapes:
        nodes, classes, implicit, objects_of, subjects_of = (list(kind) for kind in shape.target())
        if nodes or implicit or objects_of or subjects_of:
            targeted.append((shape, None))
        elif classes:
            targeted.append((shape, tuple(classes)))
    return tuple(targeted)


_TARGETS = (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf)


def _flattened(shapes: Graph) -> Graph:
    """The same shapes, with each property shape of a targeted node shape targeted itself.

    `N sh:targetClass C ; sh:property P` and `P sh:targetClass C` check the same nodes and
    give the same results, but pySHACL runs a nested property shape once per focus node (and
    rebuilds its constraints each time) and a targeted one once for all of them: on an
    article graph with fifty Assertions this halves the cost of validation. Node shapes that
    another shape refers to keep their property shapes.
    """
    for node, prop in list(shapes.subject_objects(SH.property)):
        targets = [(p, o) for p in _TARGETS for o in shapes.objects(node, p)]
        if not targets or next(shapes.subjects(None, node), None) is not None:
            continue
        for p, o in targets:
            shapes.add((prop, p, o))
        shapes.remove((node, SH.property, prop))
    return shapes


@functools.cache
def _class_hierarchy() -> tuple[tuple[Node, Node, Node], ...]:
    """The rdfs:subClassOf axioms between named classes of ontology/ctkg.ttl, and nothing else."""
    if not ONTOLOGY_FILE.exists():
        raise KgError(
            f"{ONTOLOGY_FILE.name}: the ontology is missing from {ONTOLOGY_FILE.parent}; validation "
            "needs its class hierarchy (ctkg:Dialogue is a ctkg:Meeting ...). "
            "Restore ontology/ctkg.ttl from the repository and run again."
        )
    ontology = Graph().parse(ONTOLOGY_FILE, format="turtle")
    return tuple(
        (sub, RDFS.subClassOf, sup)
        for sub, sup in ontology.subject_objects(RDFS.subClassOf)
        if isinstance(sub, URIRef) and isinstance(sup, URIRef)
    )


@functools.lru_cache(maxsize=256)
def _prepared(query_text: str):
    return prepareQuery(query_text)


class _PreparedQueryGraph(Graph):
    """A Graph that parses each distinct SPARQL text once per process.

    pySHACL sends a SPARQL constraint's text once per focus node with $this bound through
    initBindings; the text never changes, so its parse is cached.
    """

    def query(self, query_object, *args, **kwargs):
        if isinstance(query_object, str):
            query_object = _prepared(query_object)
        return super().query(query_object, *args, **kwargs)


# -- one validation -----------------------------------------------------------------------------


def _working_graph(data: Graph, context: Graph | None) -> Graph:
    """data + context + the class hierarchy, in a fresh graph: the caller's graphs stay as given."""
    graph = _PreparedQueryGraph(bind_namespaces="none")
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, base_iri() if prefix == "id" else namespace)
    add = graph.store.add  # straight to the store: the triples come from rdflib graphs already
    for triple in data:
        add(triple, graph)
    for triple in context if context is not None else ():
        add(triple, graph)
    for triple in _class_hierarchy():
        add(triple, graph)
    return graph


def _run_shapes(shapes: tuple, graph: Graph, described: set) -> list[tuple]:
    """Each shape on its targets among `described`, as pySHACL's (text, result node, triples).

    Targets are found in the whole working graph (so subclasses count) but only the nodes the
    article describes are checked: context nodes would cost time and be dropped anyway.
    """
    executor = SHACLExecutor()
    data_graph = DataGraph.from_rdflib(graph)
    by_class = _instances_by_class(graph, described)
    results: list[tuple] = []
    for shape, classes in shapes:
        if classes is None:  # targets other than sh:targetClass: let pySHACL find them
            focus = {node for node in shape.focus_nodes(data_graph) if node in described}
        else:
            focus = set().union(*(by_class.get(c, ()) for c in classes))
        if focus:
            _, reports = shape.validate(executor, data_graph, focus=list(focus))
            results.extend(reports)
    return results


def _instances_by_class(graph: Graph, nodes: set) -> dict[Node, set]:
    """class -> the `nodes` that are SHACL instances of it (typed with it or a subclass of it)."""
    superclasses: dict[Node, set] = {}
    by_class: dict[Node, set] = {}
    for node in nodes:
        for cls in graph.objects(node, RDF.type):
            if cls not in superclasses:
                superclasses[cls] = set(graph.transitive_objects(cls, RDFS.subClassOf))
            for sup in superclasses[cls]:
                by_class.setdefault(sup, set()).add(node)
    return by_class


def _result_term(result: tuple, predicate: URIRef) -> Node | None:
    for _, p, o in result[2]:
        if p == predicate:
            return o[1] if isinstance(o, tuple) else o
    return None


def _focus_node(result: tuple) -> Node | None:
    return _result_term(result, SH.focusNode)


def _fill_templates(result: tuple) -> tuple:
    """Fill {$this} / {?this} and {$value} / {?value} into a result's messages."""
    text, node, triples = result
    values = {name: _result_term(result, predicate) for name, predicate in _TEMPLATES.items()}

    def fill(message: str) -> str:
        for name, value in values.items():
            if value is not None:
                message = message.replace("{$%s}" % name, str(value)).replace("{?%s}" % name, str(value))
        return message

    filled = [
        (s, p, Literal(fill(str(o)), lang=o.language) if p == SH.resultMessage and isinstance(o, Literal) else o)
        for s, p, o in triples
    ]
    return fill(text), node, filled


def _violations(report_graph: Graph) -> tuple[Violation, ...]:
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
