"""The W3C validation report (sh:ValidationReport) of a list of results, as RDF.

`report_triples(results)` gives the report's triples: sh:conforms (true when there is no result
of any severity, as SHACL defines it) and one sh:ValidationResult per result with sh:focusNode,
sh:resultPath (a complex path written out as SHACL path nodes), sh:value, sh:resultSeverity,
sh:sourceShape, sh:sourceConstraintComponent, sh:sourceConstraint and sh:resultMessage.
`serialize(results, fmt)` writes them as Turtle or JSON-LD.
"""
from __future__ import annotations

import pyoxigraph as ox

from kg.shacl.model import RDF, RDF_FIRST, RDF_NIL, RDF_REST, RDF_TYPE, SH, XSD, Path, Result, sh

FORMATS = {"turtle": ox.RdfFormat.TURTLE, "json-ld": ox.RdfFormat.JSON_LD}
PREFIXES = {"sh": SH, "rdf": RDF, "xsd": XSD}
_PATH_PREDICATES = {"inverse": "inversePath", "alternative": "alternativePath", "zeroOrMore": "zeroOrMorePath",
                    "oneOrMore": "oneOrMorePath", "zeroOrOne": "zeroOrOnePath"}


def conforms(results: list[Result]) -> bool:
    return not results


def report_triples(results: list[Result]) -> list[ox.Triple]:
    """The report's triples: the report node first, then each result's, then the paths'."""
    report = ox.BlankNode()
    head = [ox.Triple(report, RDF_TYPE, sh("ValidationReport")),
            ox.Triple(report, sh("conforms"), ox.Literal(conforms(results)))]
    body: list[ox.Triple] = []
    paths: list[ox.Triple] = []
    for result in results:
        node = ox.BlankNode()
        head.append(ox.Triple(report, sh("result"), node))
        body.append(ox.Triple(node, RDF_TYPE, sh("ValidationResult")))
        fields = [("focusNode", result.focus)]
        if result.path_expr is not None:
            fields.append(("resultPath", _path_node(result.path_expr, paths)))
        elif result.path is not None:
            fields.append(("resultPath", result.path))
        fields += [("value", result.value), ("resultSeverity", result.severity), ("sourceShape", result.shape),
                   ("sourceConstraintComponent", result.component), ("sourceConstraint", result.constraint),
                   ("resultMessage", ox.Literal(result.message) if result.message else None)]
        body.extend(ox.Triple(node, sh(name), value) for name, value in fields if value is not None)
    return head + body + paths


def _path_node(path: Path, triples: list) -> ox.NamedNode | ox.BlankNode:
    """The node of a SHACL path for a compiled path, its triples added to `triples`."""
    kind, arg = path
    if kind == "predicate":
        return arg
    if kind == "sequence":
        return _rdf_list([_path_node(p, triples) for p in arg], triples)
    node = ox.BlankNode()
    target = _rdf_list([_path_node(p, triples) for p in arg], triples) if kind == "alternative" \
        else _path_node(arg, triples)
    triples.append(ox.Triple(node, sh(_PATH_PREDICATES[kind]), target))
    return node


def _rdf_list(items: list, triples: list) -> ox.BlankNode | ox.NamedNode:
    head = RDF_NIL
    for item in reversed(items):
        cell = ox.BlankNode()
        triples.append(ox.Triple(cell, RDF_FIRST, item))
        triples.append(ox.Triple(cell, RDF_REST, head))
        head = cell
    return head


def serialize(results: list[Result], fmt: str = "turtle") -> bytes:
    """The report in `fmt` ("turtle" or "json-ld")."""
    return ox.serialize(report_triples(results), format=FORMATS[fmt], prefixes=PREFIXES)
