"""The shapes graph, read once into Shapes: targets, paths, constraints."""
from __future__ import annotations

from typing import Iterable

import pyoxigraph as ox

from kg.errors import ShapesNotSupported
from kg.shacl import sparql
from kg.shacl.components import CORE, KNOWN
from kg.shacl.engine import Shape
from kg.shacl.model import RDF, RDF_FIRST, RDF_NIL, RDF_TYPE, RDFS, SH, SUBCLASS_OF, VIOLATION, Path, Term, spo

_TARGETS = ("targetClass", "targetNode", "targetSubjectsOf", "targetObjectsOf")
_SHAPE_TYPES = {ox.NamedNode(SH + "NodeShape"), ox.NamedNode(SH + "PropertyShape")}
_CLASS = ox.NamedNode(RDFS + "Class")
_PATH_KINDS = {SH + "inversePath": "inverse", SH + "alternativePath": "alternative",
               SH + "zeroOrMorePath": "zeroOrMore", SH + "oneOrMorePath": "oneOrMore",
               SH + "zeroOrOnePath": "zeroOrOne"}


class Compiler:
    def __init__(self, triples: Iterable):
        self.triples = [spo(t) for t in triples]
        self.out: dict[Term, dict[Term, list[Term]]] = {}
        for s, p, o in self.triples:
            self.out.setdefault(s, {}).setdefault(p, []).append(o)
        self.compiled: dict[Term, Shape] = {}
        self.compiling: list[Shape] = []     # the shapes being compiled, innermost last
        self.unrecognised: set[str] = set()
        self.components = sparql.components(self)

    def values(self, node: Term, name: str) -> list[Term]:
        return self.out.get(node, {}).get(ox.NamedNode(name if ":" in name else SH + name), [])

    def one(self, node: Term, name: str) -> Term | None:
        found = self.values(node, name)
        if len(found) > 1:
            raise ShapesNotSupported(f"shape {node}: more than one sh:{name}; SHACL allows one value.")
        return found[0] if found else None

    def rdf_list(self, head: Term) -> list[Term]:
        items, seen = [], set()
        while head != RDF_NIL:
            first, rest = self.values(head, RDF + "first"), self.values(head, RDF + "rest")
            if len(first) != 1 or len(rest) != 1 or head in seen:
                raise ShapesNotSupported(f"{head}: not a well-formed RDF list in the shapes graph.")
            seen.add(head)
            items.append(first[0])
            head = rest[0]
        return items

    def is_instance(self, node: Term, classes: set) -> bool:
        """Whether node is a SHACL instance (rdf:type, rdfs:subClassOf*) of one of `classes`."""
        todo, seen = list(self.out.get(node, {}).get(RDF_TYPE, [])), set()
        while todo:
            cls = todo.pop()
            if cls in classes:
                return True
            if cls not in seen:
                seen.add(cls)
                todo.extend(self.out.get(cls, {}).get(SUBCLASS_OF, []))
        return False

    def roots(self) -> list[Shape]:
        """The shapes with targets (sh:target* or the implicit class target), compiled."""
        found = []
        for node in self.out:
            targeted = any(self.values(node, t) for t in (*_TARGETS, "target"))
            if targeted or (self.is_instance(node, _SHAPE_TYPES) and self.is_instance(node, {_CLASS})):
                found.append(self.shape(node))
        for shape in self.compiled.values():
            shape.recursive = _reaches(shape, shape)
        return found

    def shape(self, node: Term) -> Shape:
        shape = self.compiled.get(node)
        if shape is None:
            shape = self.compiled[node] = Shape(node)  # before the parts: a recursive reference ends
            self.compiling.append(shape)
            try:
                self._compile(shape)
            finally:
                self.compiling.pop()
        if self.compiling:
            self.compiling[-1].refers_to.append(shape)
        return shape

    def _compile(self, shape: Shape) -> None:
        node = shape.node
        path = self.one(node, "path")
        if path is not None:
            shape.path, shape.path_node = self.path(path), path
            shape.predicate = path if isinstance(path, ox.NamedNode) else None
        self._targets(shape)
        shape.messages = tuple(sorted(m.value for m in self.values(node, "message")))
        severity = self.one(node, "severity")
        shape.severity = severity if severity is not None else VIOLATION
        deactivated = self.one(node, "deactivated")
        shape.deactivated = deactivated is not None and deactivated.value == "true"
        for prop in self.values(node, "property"):
            child = self.shape(prop)
            child.parents.append(shape)
            shape.properties.append(child)
        params = self.out.get(node, {})
        for predicate, objects in params.items():
            build = CORE.get(predicate.value)
            if build is not None:
                for value in objects:
                    shape.constraints.extend(build(self, shape, value))
            elif predicate.value.startswith(SH) and predicate.value not in KNOWN:
                self.unrecognised.add(predicate.value)
        for constraint in self.values(node, "sparql"):
            shape.constraints.append(sparql.constraint(self, shape, constraint))
        for custom in self.components:
            shape.constraints.extend(custom.constraints(self, shape))

    def path(self, node: Term, seen: frozenset = frozenset()) -> Path:
        """A SHACL property path, compiled (see kg.shacl.model.Path)."""
        if isinstance(node, ox.NamedNode):
            return ("predicate", node)
        if node in seen or not isinstance(node, ox.BlankNode):
            raise ShapesNotSupported(f"{node}: not a SHACL property path (a path must be an IRI or a "
                                     "blank node, and may not contain itself).")
        seen = seen | {node}
        props = self.out.get(node, {})
        if RDF_FIRST in props:
            steps = tuple(self.path(p, seen) for p in self.rdf_list(node))
            if len(steps) < 2:
                raise ShapesNotSupported(f"{node}: a sequence path needs at least two members.")
            return ("sequence", steps)
        kinds = [p for p in props if p.value in _PATH_KINDS]
        if len(kinds) != 1 or len(props[kinds[0]]) != 1:
            raise ShapesNotSupported(f"{node}: not a SHACL property path (expected an RDF list or exactly one "
                                     "of sh:inversePath, sh:alternativePath, sh:zeroOrMorePath, "
                                     "sh:oneOrMorePath, sh:zeroOrOnePath).")
        kind, arg = _PATH_KINDS[kinds[0].value], props[kinds[0]][0]
        if kind == "alternative":
            members = tuple(self.path(p, seen) for p in self.rdf_list(arg))
            if len(members) < 2:
                raise ShapesNotSupported(f"{node}: sh:alternativePath needs a list of at least two paths.")
            return ("alternative", members)
        return (kind, self.path(arg, seen))

    def _targets(self, shape: Shape) -> None:
        for kind in _TARGETS:
            name = kind.removeprefix("target")
            for term in self.values(shape.node, kind):
                shape.targets.append((name[0].lower() + name[1:], term))
        if self.is_instance(shape.node, {_CLASS}) and self.is_instance(shape.node, _SHAPE_TYPES):
            shape.targets.append(("class", shape.node))
        for target in self.values(shape.node, "target"):
            raise ShapesNotSupported(f"shape {shape.node}: sh:target {target} is a SHACL-AF custom target, "
                                     "which this engine does not implement; use sh:targetClass, sh:targetNode, "
                                     "sh:targetSubjectsOf or sh:targetObjectsOf.")




def _reaches(start: Shape, goal: Shape) -> bool:
    """Whether `goal` is among the shapes `start` refers to, directly or not."""
    seen, todo = set(), list(start.refers_to)
    while todo:
        shape = todo.pop()
        if shape is goal:
            return True
        if id(shape) not in seen:
            seen.add(id(shape))
            todo.extend(shape.refers_to)
    return False
