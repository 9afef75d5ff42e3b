"""Validation: focus nodes, value nodes, constraints run, results made."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable, Iterable

import pyoxigraph as ox

from kg.shacl.model import SH, VIOLATION, Dataset, Path, Result, Term, sh


@dataclass(frozen=True)
class Finding:
    """A failing value with more to say than the value alone: a result path of its own (sh:closed),
    the variables a SPARQL solution bound (for the message and sh:resultPath)."""

    value: Term | None
    path: Path | None = None
    path_term: Term | None = None
    bindings: dict | None = field(default=None, hash=False, compare=False)


# check(data, focus, values) -> the failing value nodes (None: a result without sh:value) or Findings
Check = Callable[[Dataset, Term, list], Iterable]


@dataclass(frozen=True)
class Constraint:
    component: ox.NamedNode
    check: Check
    parameters: tuple = ()          # (name, term) of the component's parameters, for messages
    messages: tuple[str, ...] = ()  # the SPARQL constraint's or validator's messages
    node: Term | None = None        # sh:sourceConstraint: the SPARQL constraint's node
    severity: ox.NamedNode | None = None


@dataclass(eq=False)
class Shape:
    node: Term
    path: Path | None = None                   # None for a node shape
    path_node: Term | None = None              # sh:path's object in the shapes graph
    targets: list = field(default_factory=list)        # (kind, term)
    constraints: list = field(default_factory=list)    # Constraint
    properties: list = field(default_factory=list)     # property Shapes
    parents: list = field(default_factory=list)        # the shapes that have this one as sh:property
    messages: tuple[str, ...] = ()
    severity: ox.NamedNode = VIOLATION
    deactivated: bool = False
    predicate: ox.NamedNode | None = None      # the path, when it is a predicate IRI
    refers_to: list = field(default_factory=list)      # the shapes this one validates nodes against
    recursive: bool = False                    # whether it can reach itself through refers_to

    def value_nodes(self, data: Dataset, focus: Term) -> list[Term]:
        return [focus] if self.path is None else data.path_values(self.path, focus)

    def result_path(self) -> tuple[Term | None, ox.NamedNode | None]:
        """(sh:resultPath term, inverse_of) for Result: the predicate of a predicate path or of
        sh:inversePath of one, else the path's node in the shapes graph."""
        if self.path is None:
            return None, None
        if self.path[0] == "predicate":
            return self.path[1], None
        if self.path[0] == "inverse" and self.path[1][0] == "predicate":
            return self.path[1][1], self.path[1][1]
        return self.path_node, None


def focus_nodes(shape: Shape, data: Dataset) -> list[Term]:
    """The focus nodes of a shape's targets, as SHACL defines them, in the data graph."""
    found: dict[Term, None] = {}
    for kind, term in shape.targets:
        if kind == "node":
            found[term] = None
        elif kind == "class":
            found.update(dict.fromkeys(data.instances(term)))
        elif kind == "subjectsOf":
            found.update((s, None) for s, _ in data.pairs(term))
        elif kind == "objectsOf":
            found.update((o, None) for _, o in data.pairs(term))
    return [node for node in found if data.reportable(node)]


def validate_node(shape: Shape, data: Dataset, focus: Term) -> list[Result]:
    """The results of one shape on one focus node, its property shapes included. A shape that
    can reach itself (recursive shapes), met again on the same node while it is being validated,
    adds nothing."""
    if shape.deactivated:
        return []
    if shape.recursive:
        key = (shape, focus)
        if key in data.active:
            return []
        data.active.add(key)
    try:
        if shape.predicate is not None:
            values = data.out.get(focus, _NOTHING).get(shape.predicate, _NONE)
        else:
            values = [focus] if shape.path is None else data.path_values(shape.path, focus)
        results = []
        for constraint in shape.constraints:
            found = constraint.check(data, focus, values)
            if found:
                results.extend(_result(shape, constraint, focus, item) for item in found)
        for prop in shape.properties:
            for value in values:
                results.extend(validate_node(prop, data, value))
        return results
    finally:
        if shape.recursive:
            data.active.discard(key)


_NOTHING: dict = {}
_NONE: list = []


def conforms(shape: Shape, data: Dataset, node: Term) -> bool:
    """Whether `node` conforms to `shape`: no result of any severity."""
    return not validate_node(shape, data, node)


def _result(shape: Shape, constraint: Constraint, focus: Term, item) -> Result:
    path_term, inverse_of = shape.result_path()
    path_expr, bound = shape.path, None
    if type(item) is Finding:
        value, bound = item.value, item.bindings
        if item.path is not None:
            path_expr, path_term, inverse_of = item.path, item.path_term, None
            if item.path[0] == "predicate":
                path_term = item.path[1]
        elif item.path_term is not None:
            path_expr, path_term, inverse_of = None, item.path_term, None
    else:
        value = item
    bindings = {"this": focus, "value": value, **dict(constraint.parameters), **(bound or {})}
    messages = shape.messages or constraint.messages
    message = " ".join(fill(m, bindings) for m in messages) or _default_message(constraint.component, shape, value)
    return Result(focus, path_term, value, message, constraint.severity or shape.severity, shape.node,
                  constraint.component, inverse_of, path_expr, constraint.node)


def fill(template: str, bindings: dict) -> str:
    """A message with {$name} and {?name} replaced by the bound terms' values."""
    def value(match: re.Match) -> str:
        term = bindings.get(match.group(1))
        return match.group(0) if term is None else term.value if not isinstance(term, ox.BlankNode) else str(term)
    return re.sub(r"\{[$?]([A-Za-z_][A-Za-z0-9_]*)\}", value, template)


def _default_message(component: ox.NamedNode, shape: Shape, value: Term | None) -> str:
    name = component.value.removeprefix(SH).removesuffix("ConstraintComponent")
    where = f" on {shape.path[1].value}" if shape.path is not None and shape.path[0] == "predicate" else ""
    return f"{name} constraint of {shape.node}{where} not met" + (f" by {value}" if value is not None else "")


SPARQL_COMPONENT = sh("SPARQLConstraintComponent")
