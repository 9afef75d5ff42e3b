"""SHACL shapes compiled into Python checks, run on one article's triples in milliseconds.

`Shapes.compile(shapes_triples, class_hierarchy)` reads a shapes graph once; `shapes.check(data,
context)` returns the validation results for the nodes `data` describes. Triples are
(subject, predicate, object) tuples of pyoxigraph terms (pyoxigraph Triples and Quads are taken
too), so the loader's triples go from extraction to the store without conversion.

What it implements, after the SHACL 1.0 recommendation (https://www.w3.org/TR/shacl/):
- targets: sh:targetClass (SHACL instances: rdf:type and rdfs:subClassOf*), sh:targetNode,
  sh:targetSubjectsOf, sh:targetObjectsOf, and implicit class targets;
- paths: a predicate IRI, or sh:inversePath of one;
- Core constraint components: class, datatype, nodeKind, minCount, maxCount, minInclusive,
  maxInclusive, minExclusive, maxExclusive, minLength, maxLength, pattern (with flags), in,
  hasValue, equals, disjoint, lessThan, lessThanOrEquals, node, not, and, or, xone;
- SPARQL-based constraints (sh:sparql with sh:select and sh:prefixes), run by Oxigraph with
  $this substituted, over an in-memory copy of data + context + class hierarchy;
- sh:message templates ({$this}, {?value}, any variable a SPARQL constraint selects), sh:severity,
  sh:deactivated.

A shapes graph that uses anything else is refused when it is compiled (ShapesNotSupported), so
a shape added to ontology/shapes.ttl is never skipped in silence: teach this module the new
component, with a test beside the others in tests/test_shacl.py.

pySHACL stays the reference: tests/test_shacl.py runs both engines on the same graphs and
expects the same results. This engine exists because pySHACL, through rdflib, costs about
300 ms per article graph; this one costs a few (docs/benchmarks.md).
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Callable, Iterable

import pyoxigraph as ox

from kg.errors import ShapesNotSupported
from kg.vocab import n_triples

SH = "http://www.w3.org/ns/shacl#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
OWL = "http://www.w3.org/2002/07/owl#"

Term = ox.NamedNode | ox.BlankNode | ox.Literal


def _sh(name: str) -> ox.NamedNode:
    return ox.NamedNode(SH + name)


RDF_TYPE = ox.NamedNode(RDF + "type")
RDF_FIRST, RDF_REST, RDF_NIL = ox.NamedNode(RDF + "first"), ox.NamedNode(RDF + "rest"), ox.NamedNode(RDF + "nil")
SUBCLASS_OF = ox.NamedNode(RDFS + "subClassOf")
VIOLATION = _sh("Violation")


@dataclass(frozen=True)
class Result:
    """One validation result, in the terms of the SHACL report vocabulary."""

    focus: Term
    path: Term | None          # sh:resultPath: a predicate IRI, or a blank node for an inverse path
    value: Term | None         # sh:value
    message: str               # the shape's sh:message, templates filled in
    severity: ox.NamedNode     # sh:Violation, sh:Warning or sh:Info
    shape: Term                # sh:sourceShape
    component: ox.NamedNode    # sh:sourceConstraintComponent
    inverse_of: ox.NamedNode | None = None   # for a result path that is sh:inversePath of this


# -- the data a check reads -----------------------------------------------------------------------


class Dataset:
    """data + context + class hierarchy, indexed by subject and by object.

    `described` are the subjects of `data`: the only nodes that are ever focus nodes."""

    def __init__(self, data: Iterable, context: Iterable, hierarchy: Iterable):
        self.out: dict[Term, dict[Term, list[Term]]] = {}
        self.into: dict[Term, dict[Term, list[Term]]] | None = None
        self.described: set[Term] = set()
        self._triples: list = []
        self._superclasses: dict[Term, frozenset] = {}
        self._instances: dict[Term, list[Term]] | None = None
        self._sparql: ox.Store | None = None
        for triple in data:
            self._add(*_spo(triple))
        self.described = set(self.out)
        for source in (context, hierarchy):
            for triple in source:
                self._add(*_spo(triple))

    def _add(self, s: Term, p: Term, o: Term) -> None:
        values = self.out.setdefault(s, {}).setdefault(p, [])
        if o not in values:
            values.append(o)
            self._triples.append((s, p, o))

    def values(self, node: Term, predicate: Term) -> list[Term]:
        return self.out.get(node, {}).get(predicate, [])

    def subjects(self, predicate: Term, value: Term) -> list[Term]:
        if self.into is None:
            self.into = {}
            for s, p, o in self._triples:
                self.into.setdefault(o, {}).setdefault(p, []).append(s)
        return self.into.get(value, {}).get(predicate, [])

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

    def classes_of(self, node: Term) -> set:
        return {sup for cls in self.values(node, RDF_TYPE) for sup in self.superclasses(cls)}

    def described_instances(self, cls: Term) -> list[Term]:
        """The described nodes that are SHACL instances of `cls`."""
        if self._instances is None:
            self._instances = {}
            for node in self.described:
                for sup in self.classes_of(node):
                    self._instances.setdefault(sup, []).append(node)
        return self._instances.get(cls, [])

    def is_instance(self, node: Term, cls: Term) -> bool:
        return any(cls in self.superclasses(c) for c in self.values(node, RDF_TYPE))

    def sparql_store(self) -> ox.Store:
        """The same triples in an in-memory Oxigraph store (made on first use)."""
        if self._sparql is None:
            self._sparql = ox.Store()
            self._sparql.load(n_triples(self._triples), format=ox.RdfFormat.N_TRIPLES)
        return self._sparql


def _spo(triple) -> tuple[Term, Term, Term]:
    """A triple as a (subject, predicate, object) tuple, from a tuple, a Triple or a Quad."""
    return triple if type(triple) is tuple else (triple.subject, triple.predicate, triple.object)


# -- literals: lexical forms and comparison ---------------------------------------------------------

_TZ = r"(Z|[+-]\d{2}:\d{2})?"
_LEXICAL = {
    XSD + "integer": re.compile(r"[+-]?\d+"),
    XSD + "nonNegativeInteger": re.compile(r"\+?\d+|-0+"),
    XSD + "positiveInteger": re.compile(r"\+?0*[1-9]\d*"),
    XSD + "decimal": re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)"),
    XSD + "double": re.compile(r"[+-]?((\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?|INF)|-INF|NaN"),
    XSD + "float": re.compile(r"[+-]?((\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?|INF)|-INF|NaN"),
    XSD + "boolean": re.compile(r"true|false|1|0"),
    XSD + "date": re.compile(r"(-?\d{4,})-(\d{2})-(\d{2})" + _TZ),
    XSD + "dateTime": re.compile(r"(-?\d{4,})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?" + _TZ),
    XSD + "gYear": re.compile(r"-?\d{4,}" + _TZ),
}
_NUMERIC = {XSD + n for n in ("integer", "nonNegativeInteger", "positiveInteger", "decimal", "double", "float")}


def well_formed(literal: ox.Literal) -> bool:
    """Whether a typed literal's lexical form is legal for its datatype (unknown datatypes pass)."""
    return _lexical_ok(literal.value, literal.datatype.value)


@functools.lru_cache(maxsize=1 << 14)
def _lexical_ok(lexical: str, datatype: str) -> bool:
    pattern = _LEXICAL.get(datatype)
    if pattern is None:
        return True
    match = pattern.fullmatch(lexical)
    if match is None:
        return False
    if datatype in (XSD + "date", XSD + "dateTime"):
        year, month, day = (int(g) for g in match.groups()[:3])
        try:
            dt.date(year, month, day)
        except ValueError:
            return 1 <= month <= 12 and year > 9999  # years past 9999 are legal but not Python dates
        if datatype == XSD + "dateTime":
            hour, minute, second = (int(g) for g in match.groups()[3:6])
            return (hour < 24 and minute < 60 and second < 60) or (hour, minute, second) == (24, 0, 0)
    return True


def _comparable(term: Term):
    """(kind, value) for ordering, or None when the term has no order (IRIs, blank nodes,
    ill-formed or unordered literals)."""
    if not isinstance(term, ox.Literal):
        return None
    return _order_key(term.value, term.datatype.value)


@functools.lru_cache(maxsize=1 << 14)
def _order_key(lexical: str, datatype: str):
    if not _lexical_ok(lexical, datatype):
        return None
    try:
        if datatype in _NUMERIC:
            return ("number", Decimal(lexical) if "INF" not in lexical and lexical != "NaN" else float(lexical))
        if datatype == XSD + "date":
            return ("date", dt.date.fromisoformat(lexical[:10]))
        if datatype == XSD + "dateTime":
            return ("dateTime", dt.datetime.fromisoformat(lexical.replace("Z", "+00:00")))
        if datatype in (XSD + "string", RDF + "langString"):
            return ("string", lexical)
    except (ValueError, InvalidOperation):
        return None
    return None


def _compare(left: Term, right: Term, test: Callable[[object, object], bool]) -> bool:
    a, b = _comparable(left), _comparable(right)
    if a is None or b is None or a[0] != b[0]:
        return False
    try:
        return test(a[1], b[1])
    except TypeError:  # e.g. a zoned and an unzoned dateTime
        return False


def _lexical(term: Term) -> str:
    return term.value


# -- constraints ------------------------------------------------------------------------------------
# A constraint is (component IRI, check): check(dataset, focus, values) yields the failing value
# nodes, or None for a result that has no sh:value (the cardinality components).

Check = Callable[[Dataset, Term, list], Iterable]


def _each(ok: Callable[[Dataset, Term, Term], bool]) -> Check:
    return lambda data, focus, values: [v for v in values if not ok(data, focus, v)]


def _datatype_ok(datatype: str) -> Callable:
    def ok(_data, _focus, v) -> bool:
        if not isinstance(v, ox.Literal):
            return False
        if datatype == RDF + "langString":
            return v.language is not None
        return v.language is None and v.datatype.value == datatype and well_formed(v)
    return ok


_NODE_KINDS = {
    "IRI": (ox.NamedNode,), "BlankNode": (ox.BlankNode,), "Literal": (ox.Literal,),
    "BlankNodeOrIRI": (ox.BlankNode, ox.NamedNode), "BlankNodeOrLiteral": (ox.BlankNode, ox.Literal),
    "IRIOrLiteral": (ox.NamedNode, ox.Literal),
}

_FLAGS = {"i": re.IGNORECASE, "m": re.MULTILINE, "s": re.DOTALL, "x": re.VERBOSE}


@dataclass
class Shape:
    node: Term
    path: Term | None = None                   # None for a node shape
    inverse: bool = False                      # the path is sh:inversePath of `path`
    targets: list = field(default_factory=list)    # (kind, term)
    constraints: list = field(default_factory=list)  # (component, check)
    properties: list = field(default_factory=list)   # property Shapes
    sparql: list = field(default_factory=list)       # SparqlConstraint
    messages: tuple[str, ...] = ()
    severity: ox.NamedNode = VIOLATION
    deactivated: bool = False

    def value_nodes(self, data: Dataset, focus: Term) -> list[Term]:
        if self.path is None:
            return [focus]
        if self.inverse:
            return list(dict.fromkeys(data.subjects(self.path, focus)))
        return data.values(focus, self.path)


@dataclass
class SparqlConstraint:
    node: Term
    query: str
    prefixes: dict[str, str]
    messages: tuple[str, ...]
    severity: ox.NamedNode | None
    deactivated: bool


_THIS = ox.Variable("this")


class Shapes:
    """A shapes graph, compiled. Build with Shapes.compile; run with check."""

    def __init__(self, shapes: list[Shape], hierarchy: tuple):
        self.shapes = shapes
        self.hierarchy = hierarchy

    # -- compiling

    @classmethod
    def compile(cls, triples: Iterable, hierarchy: Iterable = ()) -> "Shapes":
        """Compile a shapes graph (pyoxigraph triples or quads). `hierarchy` (rdfs:subClassOf
        triples) is added to every dataset a check reads."""
        return _Compiler(triples).compile(tuple(hierarchy), cls)

    # -- checking

    def check(self, data: Iterable, context: Iterable = ()) -> list[Result]:
        """The results for the nodes `data` describes, with `context` visible to the checks."""
        dataset = Dataset(data, context, self.hierarchy)
        results: list[Result] = []
        for shape in self.shapes:
            if shape.deactivated:
                continue
            for focus in self._focus_nodes(shape, dataset):
                results.extend(validate_node(shape, dataset, focus))
        return results

    @staticmethod
    def _focus_nodes(shape: Shape, data: Dataset) -> list[Term]:
        found: dict[Term, None] = {}
        for kind, term in shape.targets:
            if kind == "class":
                found.update((n, None) for n in data.described_instances(term))
            elif kind == "node":
                if term in data.described:
                    found[term] = None
            elif kind == "subjectsOf":
                found.update((n, None) for n in data.described if data.values(n, term))
            elif kind == "objectsOf":
                found.update((o, None) for n in data.described for o in data.values(n, term) if o in data.described)
        return sorted(found, key=str)


def validate_node(shape: Shape, data: Dataset, focus: Term) -> list[Result]:
    """The results of one shape on one focus node, its property shapes included."""
    if shape.deactivated:
        return []
    values = shape.value_nodes(data, focus)
    results = []
    for component, check in shape.constraints:
        for value in check(data, focus, values):
            results.append(_result(shape, focus, value, component, {"this": focus, "value": value}))
    for prop in shape.properties:
        for value in values:
            results.extend(validate_node(prop, data, value))
    for constraint in shape.sparql:
        if not constraint.deactivated:
            results.extend(_run_sparql(shape, constraint, data, focus))
    return results


def _result(shape: Shape, focus: Term, value: Term | None, component: ox.NamedNode,
            bindings: dict) -> Result:
    message = " ".join(fill(m, bindings) for m in shape.messages) or _default_message(component, shape, value)
    path = shape.path
    return Result(focus, path, value, message, shape.severity, shape.node, component,
                  inverse_of=path if shape.inverse else None)


def fill(template: str, bindings: dict) -> str:
    """A message with {$name} and {?name} replaced by the bound terms' values."""
    def value(match: re.Match) -> str:
        term = bindings.get(match.group(1))
        return match.group(0) if term is None else _lexical(term)
    return re.sub(r"\{[$?]([A-Za-z_][A-Za-z0-9_]*)\}", value, template)


def _default_message(component: ox.NamedNode, shape: Shape, value: Term | None) -> str:
    name = component.value.removeprefix(SH).removesuffix("ConstraintComponent")
    where = f" on {shape.path.value}" if isinstance(shape.path, ox.NamedNode) else ""
    return f"{name} constraint of {shape.node}{where} not met" + (f" by {value}" if value is not None else "")


def _run_sparql(shape: Shape, constraint: SparqlConstraint, data: Dataset, focus: Term) -> list[Result]:
    results = []
    solutions = data.sparql_store().query(constraint.query, prefixes=constraint.prefixes,
                                          substitutions={_THIS: focus})
    variables = [v.value for v in solutions.variables]
    for solution in solutions:
        bound = {name: solution[name] for name in variables if solution[name] is not None}
        bound["this"] = focus
        value = bound.get("value", focus)
        messages = constraint.messages or shape.messages
        message = " ".join(fill(m, bound) for m in messages) or \
            _default_message(_sh("SPARQLConstraintComponent"), shape, value)
        results.append(Result(focus, bound.get("path"), value, message, constraint.severity or shape.severity,
                              shape.node, _sh("SPARQLConstraintComponent")))
    return results


# -- the compiler -------------------------------------------------------------------------------------

# Parameters that are not constraints: read elsewhere, or of no consequence to validation.
_NOT_CONSTRAINTS = {SH + n for n in ("message", "severity", "deactivated", "name", "description", "order",
                                     "group", "targetClass", "targetNode", "targetSubjectsOf",
                                     "targetObjectsOf", "property", "path", "sparql", "defaultValue")} | {
    RDF + "type", RDFS + "label", RDFS + "comment", RDFS + "seeAlso", RDFS + "subClassOf"}


class _Compiler:
    def __init__(self, triples: Iterable):
        self.out: dict[Term, dict[Term, list[Term]]] = {}
        for triple in triples:
            s, p, o = _spo(triple)
            self.out.setdefault(s, {}).setdefault(p, []).append(o)
        self.compiled: dict[Term, Shape] = {}

    def values(self, node: Term, name: str) -> list[Term]:
        return self.out.get(node, {}).get(ox.NamedNode(name if "#" in name or "/" in name else SH + name), [])

    def one(self, node: Term, name: str) -> Term | None:
        found = self.values(node, name)
        if len(found) > 1:
            raise ShapesNotSupported(f"shape {node}: more than one sh:{name}; write one value.")
        return found[0] if found else None

    def rdf_list(self, head: Term) -> list[Term]:
        items = []
        while head != RDF_NIL:
            first, rest = self.values(head, RDF + "first"), self.values(head, RDF + "rest")
            if len(first) != 1 or len(rest) != 1:
                raise ShapesNotSupported(f"{head}: not a well-formed RDF list in the shapes graph.")
            items.append(first[0])
            head = rest[0]
        return items

    def compile(self, hierarchy: tuple, cls) -> Shapes:
        roots = []
        shape_types = {ox.NamedNode(SH + "NodeShape"), ox.NamedNode(SH + "PropertyShape")}
        class_types = {ox.NamedNode(RDFS + "Class"), ox.NamedNode(OWL + "Class")}
        for node, props in self.out.items():
            types = set(props.get(RDF_TYPE, []))
            targeted = any(self.values(node, t) for t in ("targetClass", "targetNode", "targetSubjectsOf",
                                                          "targetObjectsOf"))
            implicit = bool(types & shape_types) and bool(types & class_types)
            if targeted or implicit:
                roots.append(self.shape(node))
        return cls(sorted(roots, key=lambda s: str(s.node)), hierarchy)

    def shape(self, node: Term) -> Shape:
        if node in self.compiled:
            return self.compiled[node]
        shape = Shape(node)
        self.compiled[node] = shape  # before the parts, so that a recursive reference ends
        self._path(shape)
        self._targets(shape)
        shape.messages = tuple(sorted(m.value for m in self.values(node, "message")))
        severity = self.one(node, "severity")
        shape.severity = severity if severity is not None else VIOLATION
        deactivated = self.one(node, "deactivated")
        shape.deactivated = deactivated is not None and deactivated.value == "true"
        shape.properties = [self.shape(p) for p in self.values(node, "property")]
        shape.sparql = [self.sparql(c) for c in self.values(node, "sparql")]
        if shape.sparql and shape.path is not None:
            raise ShapesNotSupported(f"shape {node}: SPARQL constraints are implemented on node shapes "
                                     "only ($PATH is not substituted); move the rule to a node shape.")
        for predicate in self.out.get(node, {}):
            if predicate.value not in _NOT_CONSTRAINTS and predicate.value not in _COMPONENTS:
                raise ShapesNotSupported(
                    f"shape {node} uses {predicate.value}, which kg/shacl.py does not implement. "
                    "Teach kg/shacl.py this component (with a test in tests/test_shacl.py), or "
                    "write the rule as a SPARQL constraint (sh:sparql).")
        for name, build in _COMPONENTS.items():
            params = self.out.get(node, {}).get(ox.NamedNode(name), []) if build is not None else []
            for param in params:
                shape.constraints.append(build(self, shape, param))
        return shape

    def _path(self, shape: Shape) -> None:
        path = self.one(shape.node, "path")
        if path is None:
            return
        if isinstance(path, ox.NamedNode):
            shape.path = path
            return
        inverse = self.one(path, "inversePath")
        if isinstance(inverse, ox.NamedNode) and len(self.out.get(path, {})) == 1:
            shape.path, shape.inverse = inverse, True
            return
        raise ShapesNotSupported(f"shape {shape.node}: only predicate paths and sh:inversePath of a "
                                 "predicate are implemented in kg/shacl.py.")

    def _targets(self, shape: Shape) -> None:
        for kind in ("targetClass", "targetNode", "targetSubjectsOf", "targetObjectsOf"):
            for term in self.values(shape.node, kind):
                shape.targets.append((kind.removeprefix("target")[0].lower() + kind.removeprefix("target")[1:], term))
        types = set(self.out.get(shape.node, {}).get(RDF_TYPE, []))
        if types & {ox.NamedNode(RDFS + "Class"), ox.NamedNode(OWL + "Class")}:
            shape.targets.append(("class", shape.node))

    def sparql(self, node: Term) -> SparqlConstraint:
        select = self.one(node, "select")
        if select is None:
            raise ShapesNotSupported(f"SPARQL constraint {node}: only sh:select is implemented (no sh:ask).")
        for predicate in self.out.get(node, {}):
            if predicate.value not in {SH + "select", SH + "prefixes", SH + "message", SH + "severity",
                                       SH + "deactivated", RDF + "type", RDFS + "comment", RDFS + "label"}:
                raise ShapesNotSupported(f"SPARQL constraint {node}: {predicate.value} is not implemented.")
        prefixes = {}
        for source in self.values(node, "prefixes"):
            for declaration in self.values(source, "declare"):
                prefix, namespace = self.one(declaration, "prefix"), self.one(declaration, "namespace")
                if prefix is None or namespace is None:
                    raise ShapesNotSupported(f"{declaration}: an sh:declare needs sh:prefix and sh:namespace.")
                prefixes[prefix.value] = namespace.value
        deactivated = self.one(node, "deactivated")
        return SparqlConstraint(node, select.value, prefixes,
                                tuple(sorted(m.value for m in self.values(node, "message"))),
                                self.one(node, "severity"), deactivated is not None and deactivated.value == "true")


def _component(name: str) -> ox.NamedNode:
    return ox.NamedNode(SH + name[0].upper() + name[1:] + "ConstraintComponent")


def _class(c: _Compiler, shape: Shape, cls: Term):
    return _component("class"), _each(lambda data, _f, v: not isinstance(v, ox.Literal) and data.is_instance(v, cls))


def _datatype(c: _Compiler, shape: Shape, datatype: Term):
    return _component("datatype"), _each(_datatype_ok(datatype.value))


def _node_kind(c: _Compiler, shape: Shape, kind: Term):
    allowed = _NODE_KINDS.get(kind.value.removeprefix(SH))
    if allowed is None:
        raise ShapesNotSupported(f"shape {shape.node}: unknown sh:nodeKind {kind}.")
    return _component("nodeKind"), _each(lambda _d, _f, v: isinstance(v, allowed))


def _integer(shape: Shape, term: Term, name: str) -> int:
    try:
        return int(term.value)
    except (AttributeError, ValueError):
        raise ShapesNotSupported(f"shape {shape.node}: sh:{name} must be an integer, not {term}.") from None


def _min_count(c: _Compiler, shape: Shape, n: Term):
    least = _integer(shape, n, "minCount")
    return _component("minCount"), lambda _d, _f, values: [None] if len(values) < least else []


def _max_count(c: _Compiler, shape: Shape, n: Term):
    most = _integer(shape, n, "maxCount")
    return _component("maxCount"), lambda _d, _f, values: [None] if len(values) > most else []


def _range(name: str, test: Callable[[object, object], bool]):
    def build(c: _Compiler, shape: Shape, bound: Term):
        return _component(name), _each(lambda _d, _f, v: _compare(v, bound, test))
    return build


def _length(name: str, test: Callable[[int, int], bool]):
    def build(c: _Compiler, shape: Shape, n: Term):
        limit = _integer(shape, n, name)
        return _component(name), _each(lambda _d, _f, v: not isinstance(v, ox.BlankNode) and test(len(v.value), limit))
    return build


def _pattern(c: _Compiler, shape: Shape, pattern: Term):
    flags = c.one(shape.node, "flags")
    bits = 0
    for letter in flags.value if flags is not None else "":
        if letter not in _FLAGS:
            raise ShapesNotSupported(f"shape {shape.node}: sh:flags {letter!r} is not implemented.")
        bits |= _FLAGS[letter]
    if len(c.values(shape.node, "pattern")) > 1 and flags is not None:
        raise ShapesNotSupported(f"shape {shape.node}: several sh:pattern with sh:flags; split the shape.")
    regex = re.compile(pattern.value, bits)
    return _component("pattern"), _each(lambda _d, _f, v: not isinstance(v, ox.BlankNode) and regex.search(v.value) is not None)


def _in(c: _Compiler, shape: Shape, head: Term):
    allowed = set(c.rdf_list(head))
    return _component("in"), _each(lambda _d, _f, v: v in allowed)


def _has_value(c: _Compiler, shape: Shape, wanted: Term):
    return _component("hasValue"), lambda _d, _f, values: [] if wanted in values else [None]


def _pair(name: str, kind: str):
    def build(c: _Compiler, shape: Shape, other: Term):
        if shape.path is None and kind in ("lessThan", "lessThanOrEquals"):
            raise ShapesNotSupported(f"shape {shape.node}: sh:{name} needs a property shape.")

        def check(data: Dataset, focus: Term, values: list):
            others = data.values(focus, other)
            if kind == "equals":
                return [v for v in values if v not in others] + [w for w in others if w not in values]
            if kind == "disjoint":
                return [v for v in values if v in others]
            test = (lambda a, b: a < b) if kind == "lessThan" else (lambda a, b: a <= b)
            return [v for v in values if any(not _compare(v, w, test) for w in others)]
        return _component(name), check
    return build


def _nested(name: str):
    """sh:node, sh:not, sh:and, sh:or, sh:xone: each value node checked against other shapes."""
    def build(c: _Compiler, shape: Shape, param: Term):
        members = [c.shape(param)] if name in ("node", "not") else [c.shape(m) for m in c.rdf_list(param)]

        def conforms(data: Dataset, member: Shape, value: Term) -> bool:
            return not any(r.severity == VIOLATION for r in validate_node(member, data, value))

        def ok(data: Dataset, _focus: Term, value: Term) -> bool:
            passed = sum(conforms(data, m, value) for m in members)
            return {"node": passed == 1, "not": passed == 0, "and": passed == len(members),
                    "or": passed >= 1, "xone": passed == 1}[name]
        return _component(name), _each(ok)
    return build


_COMPONENTS: dict[str, Callable] = {
    SH + "class": _class,
    SH + "datatype": _datatype,
    SH + "nodeKind": _node_kind,
    SH + "minCount": _min_count,
    SH + "maxCount": _max_count,
    SH + "minInclusive": _range("minInclusive", lambda v, b: v >= b),
    SH + "maxInclusive": _range("maxInclusive", lambda v, b: v <= b),
    SH + "minExclusive": _range("minExclusive", lambda v, b: v > b),
    SH + "maxExclusive": _range("maxExclusive", lambda v, b: v < b),
    SH + "minLength": _length("minLength", lambda n, limit: n >= limit),
    SH + "maxLength": _length("maxLength", lambda n, limit: n <= limit),
    SH + "pattern": _pattern,
    SH + "flags": None,  # read with sh:pattern
    SH + "in": _in,
    SH + "hasValue": _has_value,
    SH + "equals": _pair("equals", "equals"),
    SH + "disjoint": _pair("disjoint", "disjoint"),
    SH + "lessThan": _pair("lessThan", "lessThan"),
    SH + "lessThanOrEquals": _pair("lessThanOrEquals", "lessThanOrEquals"),
    SH + "node": _nested("node"),
    SH + "not": _nested("not"),
    SH + "and": _nested("and"),
    SH + "or": _nested("or"),
    SH + "xone": _nested("xone"),
}
