"""The SHACL Core constraint components, each compiled from its parameters into a check.

A builder takes (compiler, shape, parameter value) and returns the shape's Constraints; a check
takes (data, focus, value nodes) and returns the failing value nodes (None for a result without
sh:value) or Findings."""
from __future__ import annotations

import re
from typing import Callable

import pyoxigraph as ox

from kg.errors import ShapesNotSupported
from kg.shacl.engine import Constraint, Finding, Shape, conforms
from kg.shacl.literals import compare, well_formed
from kg.shacl.model import RDF, SH, Dataset, Term


def component(name: str) -> ox.NamedNode:
    return ox.NamedNode(SH + name[0].upper() + name[1:] + "ConstraintComponent")


def _each(name: str, param: Term, ok: Callable[[Dataset, Term], bool]) -> list[Constraint]:
    def check(data: Dataset, _focus: Term, values: list) -> list:
        return [v for v in values if not ok(data, v)]
    return [Constraint(component(name), check, ((name, param),))]


def _class(c, shape: Shape, cls: Term):
    return _each("class", cls, lambda data, v: not isinstance(v, ox.Literal) and data.is_instance(v, cls))


def _datatype(c, shape: Shape, datatype: Term):
    wanted = datatype.value

    def ok(_data, v) -> bool:
        return isinstance(v, ox.Literal) and v.datatype.value == wanted and well_formed(v)
    return _each("datatype", datatype, ok)


_NODE_KINDS = {
    "IRI": (ox.NamedNode,), "BlankNode": (ox.BlankNode,), "Literal": (ox.Literal,),
    "BlankNodeOrIRI": (ox.BlankNode, ox.NamedNode), "BlankNodeOrLiteral": (ox.BlankNode, ox.Literal),
    "IRIOrLiteral": (ox.NamedNode, ox.Literal),
}


def _node_kind(c, shape: Shape, kind: Term):
    allowed = _NODE_KINDS.get(kind.value.removeprefix(SH))
    if allowed is None:
        raise ShapesNotSupported(f"shape {shape.node}: sh:nodeKind {kind} is not one of SHACL's six node kinds.")
    return _each("nodeKind", kind, lambda _d, v: isinstance(v, allowed))


def integer(shape: Shape, term: Term, name: str) -> int:
    try:
        return int(term.value)
    except (AttributeError, ValueError):
        raise ShapesNotSupported(f"shape {shape.node}: sh:{name} must be an integer, not {term}.") from None


def _count(name: str, too_few: bool):
    def build(c, shape: Shape, n: Term):
        limit = integer(shape, n, name)
        if too_few:
            check = lambda _d, _f, values: [None] if len(values) < limit else []  # noqa: E731
        else:
            check = lambda _d, _f, values: [None] if len(values) > limit else []  # noqa: E731
        return [Constraint(component(name), check, ((name, n),))]
    return build


def _range(name: str, test: Callable[[object, object], bool]):
    def build(c, shape: Shape, bound: Term):
        return _each(name, bound, lambda _d, v: compare(v, bound, test))
    return build


def _length(name: str, test: Callable[[int, int], bool]):
    def build(c, shape: Shape, n: Term):
        limit = integer(shape, n, name)
        return _each(name, n, lambda _d, v: not isinstance(v, ox.BlankNode) and test(len(v.value), limit))
    return build


_FLAGS = {"i": re.IGNORECASE, "m": re.MULTILINE, "s": re.DOTALL, "x": re.VERBOSE}


def _pattern(c, shape: Shape, pattern: Term):
    flags = c.one(shape.node, "flags")
    bits, text = 0, pattern.value
    for letter in flags.value if flags is not None else "":
        if letter == "q":
            text = re.escape(text)
        elif letter in _FLAGS:
            bits |= _FLAGS[letter]
        else:
            raise ShapesNotSupported(f"shape {shape.node}: sh:flags {letter!r} is not a regular expression flag "
                                     "(SHACL allows s, m, i, x and q).")
    try:
        regex = re.compile(text, bits)
    except re.error as error:
        raise ShapesNotSupported(f"shape {shape.node}: sh:pattern {pattern.value!r} is not a regular "
                                 f"expression this engine reads ({error}).") from None
    return _each("pattern", pattern, lambda _d, v: not isinstance(v, ox.BlankNode) and regex.search(v.value) is not None)


def _in(c, shape: Shape, head: Term):
    allowed = set(c.rdf_list(head))
    return _each("in", head, lambda _d, v: v in allowed)


def _has_value(c, shape: Shape, wanted: Term):
    return [Constraint(component("hasValue"), lambda _d, _f, values: [] if wanted in values else [None],
                       (("hasValue", wanted),))]


def _language_in(c, shape: Shape, head: Term):
    tags = [t.value.lower() for t in c.rdf_list(head)]

    def matches(v: Term) -> bool:
        if not isinstance(v, ox.Literal) or not v.language:
            return False
        lang = v.language.lower()
        return any(t == "*" or lang == t or lang.startswith(t + "-") for t in tags)
    return _each("languageIn", head, lambda _d, v: matches(v))


def _unique_lang(c, shape: Shape, flag: Term):
    if flag.value != "true":
        return []

    def check(_d, _f, values: list) -> list:
        seen: dict[str, int] = {}
        for v in values:
            if isinstance(v, ox.Literal) and v.language:
                seen[v.language.lower()] = seen.get(v.language.lower(), 0) + 1
        return [None for count in seen.values() if count > 1]
    return [Constraint(component("uniqueLang"), check, (("uniqueLang", flag),))]


def _pair(name: str):
    def build(c, shape: Shape, other: Term):
        def check(data: Dataset, focus: Term, values: list) -> list:
            others = data.values(focus, other)
            if name == "equals":
                return [v for v in values if v not in others] + [w for w in others if w not in values]
            if name == "disjoint":
                return [v for v in values if v in others]
            test = (lambda a, b: a < b) if name == "lessThan" else (lambda a, b: a <= b)
            return [v for v in values for w in others if not compare(v, w, test)]
        return [Constraint(component(name), check, ((name, other),))]
    return build


def _logical(name: str):
    """sh:node, sh:not, sh:and, sh:or, sh:xone: each value node checked against other shapes."""
    def build(c, shape: Shape, param: Term):
        members = [c.shape(param)] if name in ("node", "not") else [c.shape(m) for m in c.rdf_list(param)]
        need = {"node": lambda n: n == 1, "not": lambda n: n == 0, "and": lambda n: n == len(members),
                "or": lambda n: n >= 1, "xone": lambda n: n == 1}[name]

        def ok(data: Dataset, value: Term) -> bool:
            if name == "or":
                return any(conforms(m, data, value) for m in members)
            if name == "and":
                return all(conforms(m, data, value) for m in members)
            return need(sum(conforms(m, data, value) for m in members))
        return _each(name, param, ok)
    return build


def _qualified(c, shape: Shape, qualified: Term):
    member = c.shape(qualified)
    flag = c.one(shape.node, "qualifiedValueShapesDisjoint")
    disjoint = flag is not None and flag.value == "true"
    siblings: list | None = None

    def count(data: Dataset, values: list) -> int:
        nonlocal siblings
        if siblings is None:   # the parents are known once the whole shapes graph is compiled
            siblings = [] if not disjoint else list({
                id(s): s for parent in shape.parents for prop in parent.properties if prop is not shape
                for s in (c.shape(q) for q in c.values(prop.node, "qualifiedValueShape")) if s is not member}.values())
        return sum(1 for v in values if conforms(member, data, v) and not any(conforms(s, data, v) for s in siblings))

    constraints = []
    for name, too_few in (("qualifiedMinCount", True), ("qualifiedMaxCount", False)):
        bound = c.one(shape.node, name)
        if bound is None:
            continue
        limit = integer(shape, bound, name)

        def check(data: Dataset, _focus: Term, values: list, limit=limit, too_few=too_few) -> list:
            n = count(data, values)
            return [None] if (n < limit if too_few else n > limit) else []
        constraints.append(Constraint(component(name), check, ((name, bound), ("qualifiedValueShape", qualified))))
    return constraints


def _closed(c, shape: Shape, flag: Term):
    if flag.value != "true":
        return []
    ignored = c.one(shape.node, "ignoredProperties")
    allowed = set(c.rdf_list(ignored)) if ignored is not None else set()
    for prop in c.values(shape.node, "property"):
        path = c.one(prop, "path")
        if isinstance(path, ox.NamedNode):
            allowed.add(path)

    def check(data: Dataset, _focus: Term, values: list) -> list:
        return [Finding(o, ("predicate", p)) for v in values for p, objects in data.out.get(v, {}).items()
                if p not in allowed for o in objects]
    return [Constraint(component("closed"), check, (("closed", flag),))]


CORE: dict[str, Callable] = {
    SH + "class": _class,
    SH + "datatype": _datatype,
    SH + "nodeKind": _node_kind,
    SH + "minCount": _count("minCount", True),
    SH + "maxCount": _count("maxCount", False),
    SH + "minInclusive": _range("minInclusive", lambda v, b: v >= b),
    SH + "maxInclusive": _range("maxInclusive", lambda v, b: v <= b),
    SH + "minExclusive": _range("minExclusive", lambda v, b: v > b),
    SH + "maxExclusive": _range("maxExclusive", lambda v, b: v < b),
    SH + "minLength": _length("minLength", lambda n, limit: n >= limit),
    SH + "maxLength": _length("maxLength", lambda n, limit: n <= limit),
    SH + "pattern": _pattern,
    SH + "languageIn": _language_in,
    SH + "uniqueLang": _unique_lang,
    SH + "in": _in,
    SH + "hasValue": _has_value,
    SH + "equals": _pair("equals"),
    SH + "disjoint": _pair("disjoint"),
    SH + "lessThan": _pair("lessThan"),
    SH + "lessThanOrEquals": _pair("lessThanOrEquals"),
    SH + "node": _logical("node"),
    SH + "not": _logical("not"),
    SH + "and": _logical("and"),
    SH + "or": _logical("or"),
    SH + "xone": _logical("xone"),
    SH + "qualifiedValueShape": _qualified,
    SH + "closed": _closed,
}

# Parameters read with another (sh:flags with sh:pattern ...) and the rest of SHACL's vocabulary
# for shapes: known, so the lint of unrecognised sh: terms stays quiet about them.
KNOWN = set(CORE) | {SH + n for n in (
    "flags", "qualifiedMinCount", "qualifiedMaxCount", "qualifiedValueShapesDisjoint", "ignoredProperties",
    "message", "severity", "deactivated", "name", "description", "order", "group", "defaultValue",
    "targetClass", "targetNode", "targetSubjectsOf", "targetObjectsOf", "property", "path", "sparql",
    "declare", "prefixes", "shapesGraph", "suggestedShapesGraph", "entailment", "parameter",
    "labelTemplate", "validator", "nodeValidator", "propertyValidator", "select", "ask", "target",
    "rule", "condition", "resultAnnotation")} | {RDF + "type"}
