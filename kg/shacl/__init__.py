"""SHACL shapes compiled into Python checks, run on one article's triples in milliseconds.

`Shapes.compile(shapes_triples, class_hierarchy)` reads a shapes graph once; `shapes.check(data,
context)` returns the validation results. Triples are (subject, predicate, object) tuples of
pyoxigraph terms (pyoxigraph Triples and Quads are taken too), so the loader's triples go from
extraction to the store without conversion.

It follows the SHACL recommendation (https://www.w3.org/TR/shacl/) and is measured against the
W3C SHACL test suite (tests/test_shacl_w3c.py):
- focus nodes for every target kind (sh:targetNode, sh:targetClass with SHACL instances,
  implicit class targets, sh:targetSubjectsOf, sh:targetObjectsOf), whether or not the node
  has triples of its own;
- every property path form (predicate, sequence, sh:alternativePath, sh:inversePath,
  sh:zeroOrMorePath, sh:oneOrMorePath, sh:zeroOrOnePath);
- every Core constraint component (kg/shacl/components.py), sh:closed and qualified value
  shapes included, with lexical checks for every XSD datatype (kg/shacl/literals.py);
- one result per violation as the specification counts them (sh:lessThan: one per pair);
  every severity counts against conformance, in nested shapes too;
- SHACL-SPARQL: sh:sparql constraints and SPARQL-based constraint components with pre-bound
  $this, $value, $PATH, $currentShape, $shapesGraph and parameters (kg/shacl/sparql.py);
- sh:message templates, sh:severity, sh:deactivated.
Predicates a shape carries that SHACL does not define are ignored, as the specification says;
`Shapes.unrecognised` lists the sh: terms the engine does not know (a typo such as sh:minCont),
so that the project's own shapes can be linted. What the engine cannot do (SHACL-AF custom
targets, a SPARQL construct the specification forbids) is refused when the shapes are compiled
(ShapesNotSupported naming the feature): a shape is never skipped in silence.

`check(data, context)` is what the loader runs on one article: the data graph is data +
context + class hierarchy, and a focus node described only in the context or the hierarchy is
not reported on (the reference data is checked where it lives, not once per article).
`kg.shacl.report` writes the W3C validation report (`kg shacl`).

pySHACL stays the reference: tests/test_shacl.py runs both engines on the project's cases and
expects the same results. This engine exists because pySHACL, through rdflib, costs about 300 ms
per article graph; this one costs a few (benchmarks/bench_shacl.py).
"""
from __future__ import annotations

from typing import Iterable

from kg.errors import ShapesNotSupported
from kg.shacl.compiler import Compiler
from kg.shacl.engine import Shape, fill, focus_nodes, validate_node
from kg.shacl.literals import well_formed
from kg.shacl.model import VIOLATION, Dataset, Result

__all__ = ["Dataset", "Result", "Shape", "Shapes", "ShapesNotSupported", "VIOLATION", "fill", "well_formed"]


class Shapes:
    """A shapes graph, compiled. Build with Shapes.compile; run with check."""

    def __init__(self, shapes: list[Shape], hierarchy: tuple, unrecognised: frozenset = frozenset()):
        self.shapes = shapes
        self.hierarchy = hierarchy
        self.unrecognised = unrecognised   # sh: predicates on shapes that SHACL does not define

    @classmethod
    def compile(cls, triples: Iterable, hierarchy: Iterable = ()) -> "Shapes":
        """Compile a shapes graph (pyoxigraph triples or quads). `hierarchy` (rdfs:subClassOf
        triples) is added to every data graph a check reads."""
        compiler = Compiler(triples)
        roots = compiler.roots()
        return cls(roots, tuple(hierarchy), frozenset(compiler.unrecognised))

    def check(self, data: Iterable, context: Iterable = ()) -> list[Result]:
        """The results on data + context (+ the hierarchy), for every focus node but those
        described only in `context` or the hierarchy."""
        dataset = Dataset(data, context, self.hierarchy)
        results: list[Result] = []
        for shape in self.shapes:
            if shape.deactivated:
                continue
            for focus in focus_nodes(shape, dataset):
                results.extend(validate_node(shape, dataset, focus))
        return results
