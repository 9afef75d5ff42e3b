"""The terms, the data graph and the property paths the engine works on."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

import pyoxigraph as ox

SH = "http://www.w3.org/ns/shacl#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
OWL = "http://www.w3.org/2002/07/owl#"

Term = ox.NamedNode | ox.BlankNode | ox.Literal


def sh(name: str) -> ox.NamedNode:
    return ox.NamedNode(SH + name)


RDF_TYPE = ox.NamedNode(RDF + "type")
RDF_FIRST, RDF_REST, RDF_NIL = ox.NamedNode(RDF + "first"), ox.NamedNode(RDF + "rest"), ox.NamedNode(RDF + "nil")
SUBCLASS_OF = ox.NamedNode(RDFS + "subClassOf")
VIOLATION = sh("Violation")

# A property path, compiled: ("predicate", iri), ("inverse", path), ("sequence", (path, ...)),
# ("alternative", (path, ...)), ("zeroOrMore", path), ("oneOrMore", path), ("zeroOrOne", path).
Path = tuple


@dataclass(frozen=True)
class Result:
    """One validation result, in the terms of the SHACL report vocabulary."""

    focus: Term
    path: Term | None          # sh:resultPath: a predicate IRI, or the shapes graph's node of a
                               # complex path (its form is in `path_expr`)
    value: Term | None         # sh:value
    message: str               # the shape's sh:message, templates filled in
    severity: ox.NamedNode     # sh:Violation, sh:Warning or sh:Info
    shape: Term                # sh:sourceShape
    component: ox.NamedNode    # sh:sourceConstraintComponent
    inverse_of: ox.NamedNode | None = None   # for a result path that is sh:inversePath of this
    path_expr: Path | None = None            # the result path, compiled (see Path)
    constraint: Term | None = None           # sh:sourceConstraint (SPARQL-based constraints)


def spo(triple) -> tuple[Term, Term, Term]:
    """A triple as a (subject, predicate, object) tuple, from a tuple, a Triple or a Quad."""
    return triple if type(triple) is tuple else (triple.subject, triple.predicate, triple.object)


class Dataset:
    """The data graph (data + context + class hierarchy), indexed by subject, by object and by
    predicate. Nodes described in the context or the hierarchy but not in `data` are never
    reported on: `reportable` says which focus nodes are kept."""

    def __init__(self, data: Iterable, context: Iterable = (), hierarchy: Iterable = ()):
        self.out: dict[Term, dict[Term, list[Term]]] = {}
        self._into: dict[Term, dict[Term, list[Term]]] | None = None
        self._by_predicate: dict[Term, list[tuple[Term, Term]]] | None = None
        self.triples: list[tuple[Term, Term, Term]] = []
        self._superclasses: dict[Term, frozenset] = {}
        self._instances: dict[Term, list[Term]] | None = None
        self.sparql = None          # kg.shacl.sparql's store, made on first use
        self.active: set = set()    # (shape, node) pairs being validated: recursion ends there
        for triple in data:
            self._add(*spo(triple))
        described = set(self.out)
        for source in (context, hierarchy):
            for triple in source:
                self._add(*spo(triple))
        self.hidden = frozenset(node for node in self.out if node not in described)

    def _add(self, s: Term, p: Term, o: Term) -> None:
        values = self.out.setdefault(s, {}).setdefault(p, [])
        if o not in values:
            values.append(o)
            self.triples.append((s, p, o))

    def reportable(self, node: Term) -> bool:
        return node not in self.hidden

    def values(self, node: Term, predicate: Term) -> list[Term]:
        return self.out.get(node, {}).get(predicate, [])

    def subjects(self, predicate: Term, value: Term) -> list[Term]:
        if self._into is None:
            self._into = {}
            for s, p, o in self.triples:
                self._into.setdefault(o, {}).setdefault(p, []).append(s)
        return self._into.get(value, {}).get(predicate, [])

    def pairs(self, predicate: Term) -> list[tuple[Term, Term]]:
        """(subject, object) of every triple with this predicate."""
        if self._by_predicate is None:
            self._by_predicate = {}
            for s, p, o in self.triples:
                self._by_predicate.setdefault(p, []).append((s, o))
        return self._by_predicate.get(predicate, [])

    def superclasses(self, cls: Term) -> frozenset:
        """cls and every class it is an rdfs:subClassOf, directly or not."""
        found = self._superclasses.get(cls)
        if found is None:
            seen, todo = {cls}, [cls]
            while todo:
                for sup in self.values(todo.pop(), SUBCLASS_OF):
                    if sup not in seen:
                        seen.add(sup)
                        todo.append(sup)
            found = self._superclasses[cls] = frozenset(seen)
        return found

    def instances(self, cls: Term) -> list[Term]:
        """The SHACL instances of `cls`: nodes with an rdf:type that is cls or a subclass of it."""
        if self._instances is None:
            self._instances = {}
            for node, typ in self.pairs(RDF_TYPE):
                for sup in self.superclasses(typ):
                    found = self._instances.setdefault(sup, [])
                    if not found or found[-1] != node:
                        found.append(node)
        return self._instances.get(cls, [])

    def is_instance(self, node: Term, cls: Term) -> bool:
        return any(cls in self.superclasses(c) for c in self.values(node, RDF_TYPE))

    def path_values(self, path: Path, node: Term) -> list[Term]:
        """The nodes reachable from `node` along `path`, each once."""
        kind, arg = path
        if kind == "predicate":
            return self.values(node, arg)
        if kind == "inverse":
            if arg[0] == "predicate":
                return list(dict.fromkeys(self.subjects(arg[1], node)))
            return self.path_values(invert(arg), node)
        if kind == "sequence":
            nodes = [node]
            for step in arg:
                nodes = list(dict.fromkeys(v for n in nodes for v in self.path_values(step, n)))
            return nodes
        if kind == "alternative":
            return list(dict.fromkeys(v for step in arg for v in self.path_values(step, node)))
        if kind == "zeroOrOne":
            return list(dict.fromkeys([node, *self.path_values(arg, node)]))
        start = [node] if kind == "zeroOrMore" else []
        seen = dict.fromkeys(start)
        todo = [node]
        while todo:
            for value in self.path_values(arg, todo.pop()):
                if value not in seen:
                    seen[value] = None
                    todo.append(value)
        return list(seen)


def invert(path: Path) -> Path:
    """The inverse of a path, with the inversion pushed down to its predicates."""
    kind, arg = path
    if kind == "predicate":
        return ("inverse", path)
    if kind == "inverse":
        return arg
    if kind == "sequence":
        return ("sequence", tuple(invert(p) for p in reversed(arg)))
    if kind == "alternative":
        return ("alternative", tuple(invert(p) for p in arg))
    return (kind, invert(arg))


def path_sparql(path: Path) -> str:
    """The path in SPARQL's property path syntax (for $PATH)."""
    kind, arg = path
    if kind == "predicate":
        return f"<{arg.value}>"
    if kind == "inverse":
        return f"^({path_sparql(arg)})"
    if kind == "sequence":
        return "(" + "/".join(path_sparql(p) for p in arg) + ")"
    if kind == "alternative":
        return "(" + "|".join(path_sparql(p) for p in arg) + ")"
    return f"({path_sparql(arg)}){_MODIFIERS[kind]}"


_MODIFIERS = {"zeroOrMore": "*", "oneOrMore": "+", "zeroOrOne": "?"}
