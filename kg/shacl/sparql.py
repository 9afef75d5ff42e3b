"""SHACL-SPARQL: SPARQL-based constraints (sh:sparql) and SPARQL-based constraint components
(sh:ConstraintComponent with sh:parameter and sh:validator, sh:nodeValidator, sh:propertyValidator).

Queries run on an in-memory Oxigraph copy of the data graph. Pre-bound variables ($this, $value,
$currentShape, $shapesGraph and a component's parameters) are substituted in the query text, so
they are bound everywhere in the query (nested groups, UNION, BIND, FILTER, subqueries) as the
specification's pre-binding asks; a blank node is substituted through a stand-in IRI that the
copy of the data uses for it. $PATH becomes the shape's path in SPARQL syntax. The shapes graph
is the named graph $shapesGraph names. Prefixes come from sh:prefixes: the sh:declare of each
node it names and of the nodes those reach by owl:imports (in the shapes graph; nothing is
fetched). What the specification forbids in these queries (MINUS, VALUES, SERVICE, a subquery
that does not return $this, a pre-bound variable assigned with AS) is refused when the shapes are
compiled (ShapesNotSupported naming the construct).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import pyoxigraph as ox

from kg.errors import ShapesNotSupported
from kg.shacl.engine import SPARQL_COMPONENT, Constraint, Finding, Shape
from kg.shacl.model import OWL, SH, Dataset, Term, path_sparql

_BLANK = "urn:x-kg-shacl:blank:"
SHAPES_GRAPH = ox.NamedNode("urn:x-kg-shacl:shapes-graph")
_OWL_IMPORTS = OWL + "imports"

_TOKEN = re.compile(r'''
 (?P<string>"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^'\\]|\\.|'(?!''))*\'\'\'|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')
|(?P<iri><[^<>"{}|^`\\\s]*>)
|(?P<comment>\#[^\n]*)
|(?P<var>[?$][A-Za-z0-9_]+)
|(?P<word>[A-Za-z_][\w-]*(?::[\w.-]*)?|:[\w.-]*)
|(?P<space>\s+)
|(?P<other>.)''', re.X | re.S)
_FORBIDDEN = {"MINUS": "MINUS", "VALUES": "VALUES", "SERVICE": "SERVICE (federated query)"}


def skolem(term: Term) -> Term:
    return ox.NamedNode(_BLANK + term.value) if isinstance(term, ox.BlankNode) else term


def unskolem(term: Term) -> Term:
    if isinstance(term, ox.NamedNode) and term.value.startswith(_BLANK):
        return ox.BlankNode(term.value[len(_BLANK):])
    return term


def _syntax(term: Term) -> str:
    return str(skolem(term))


class Query:
    """A query with its pre-bound variables replaced on each run by the terms they are bound to."""

    def __init__(self, text: str, prefixes: dict[str, str], prebound: set[str], where: str, path: str | None):
        self.ask = False
        self.uses_shapes_graph = False
        self.parts: list = ["".join(f"PREFIX {p}: <{ns}>\n" for p, ns in prefixes.items())]
        tokens = [(m.lastgroup, m.group()) for m in _TOKEN.finditer(text)]
        self._rewrite(tokens, prebound, where, path)
        try:   # a syntax error is the shapes' author's: say so when the shapes are compiled
            ox.Store().query(self.render({name: ox.NamedNode("urn:x-kg-shacl:trial") for name in prebound}))
        except SyntaxError as error:
            raise ShapesNotSupported(f"{where}: the SPARQL query does not parse ({error}).") from None

    def _rewrite(self, tokens: list, prebound: set[str], where: str, path: str | None) -> None:
        braces, projecting, projection, rows = 0, None, [], 0
        previous, skip = "", 0
        solid = [n for n, (kind, _) in enumerate(tokens) if kind not in ("space", "comment")]
        after = {n: solid[i + 1:i + 4] for i, n in enumerate(solid)}
        for n, (kind, text) in enumerate(tokens):
            if skip:
                skip -= n in solid
                continue
            word = text.upper() if kind == "word" else ""
            ahead = [tokens[m] for m in after.get(n, [])]
            if word == "BOUND" and len(ahead) == 3 and ahead[0][1] == "(" and ahead[2][1] == ")" \
                    and ahead[1][0] == "var" and ahead[1][1][1:] in prebound:
                self.parts.append("(true)")   # a pre-bound variable is bound
                previous, skip = ")", 3
                continue
            if word in _FORBIDDEN and previous != ":":
                raise ShapesNotSupported(f"{where}: the query uses {_FORBIDDEN[word]}, which SHACL-SPARQL does "
                                         "not allow in constraints; rewrite the query without it.")
            if word == "ASK" and braces == 0:
                self.ask = True
            if kind == "var" and text[1:] in prebound and previous.upper() == "AS":
                raise ShapesNotSupported(f"{where}: the query assigns the pre-bound variable {text} with AS, which "
                                         "SHACL-SPARQL does not allow; use another variable.")
            if kind not in ("space", "comment"):
                previous = text
            if word == "SELECT":
                projecting, projection = braces, []
                self.parts.append(text)
                continue
            if projecting is not None and (word == "WHERE" or text == "{"):
                if projecting > 0 and not any(k == "var" and t[1:] == "this" for k, t in projection):
                    raise ShapesNotSupported(f"{where}: a subquery must return $this (SHACL-SPARQL pre-binding); "
                                             "add $this to its SELECT.")
                if not any(k == "var" or t in ("*", "(") for k, t in projection if not (k == "var" and t[1:] in prebound)):
                    rows += 1
                    self.parts.append(f" (1 AS ?kg_row{rows}) ")
                projecting = None
            if text == "{":
                braces += 1
            elif text == "}":
                braces -= 1
            if projecting is not None:
                projection.append((kind, text))
                depth = sum(1 if t == "(" else -1 if t == ")" else 0 for _, t in projection)
                if kind == "var" and text[1:] in prebound and depth == 0:
                    continue   # a bare pre-bound variable in a projection: it is bound already
            if kind == "var" and text[1:] == "PATH":
                if path is None:
                    raise ShapesNotSupported(f"{where}: $PATH is used on a node shape, which has no path.")
                self.parts.append(path)
            elif kind == "var" and text[1:] in prebound:
                self.parts.append(("var", text[1:]))
                self.uses_shapes_graph |= text[1:] == "shapesGraph"
            else:
                self.parts.append(text)

    def render(self, bindings: dict[str, Term]) -> str:
        return "".join(part if type(part) is str else _syntax(bindings[part[1]]) if part[1] in bindings
                       else f"?kg_unbound_{part[1]}" for part in self.parts)

    def run(self, data: Dataset, shapes_triples: list, bindings: dict[str, Term]):
        store = _store(data, shapes_triples if self.uses_shapes_graph else None)
        return store.query(self.render(bindings))


def _store(data: Dataset, shapes_triples: list | None) -> ox.Store:
    """The data graph as an in-memory Oxigraph store (made on first use), with the shapes graph
    in the named graph SHAPES_GRAPH once a query asks for it."""
    if data.sparql is None:
        store = ox.Store()
        blank = ox.BlankNode
        store.bulk_extend(ox.Quad(s if type(s) is not blank else skolem(s), p, o if type(o) is not blank else skolem(o))
                          for s, p, o in data.triples)
        data.sparql = [store, False]
    store, has_shapes = data.sparql
    if shapes_triples is not None and not has_shapes:
        store.extend([ox.Quad(skolem(s), p, skolem(o), SHAPES_GRAPH) for s, p, o in shapes_triples])
        data.sparql[1] = True
    return store


def _fixed(shape: Shape) -> dict[str, Term]:
    return {"currentShape": shape.node, "shapesGraph": SHAPES_GRAPH}


def _solutions(query: Query, c, shape: Shape, data: Dataset, bindings: dict) -> list[Finding]:
    found = []
    solutions = query.run(data, c.triples, bindings)
    names = [v.value for v in solutions.variables]
    for solution in solutions:
        bound = {name: unskolem(solution[name]) for name in names if solution[name] is not None}
        if bound.get("failure") == ox.Literal(True):
            raise ShapesNotSupported(f"shape {shape.node}: a SPARQL constraint reported a failure (?failure).")
        value = bound.get("value", bindings["this"] if shape.path is None else None)
        path = bound.get("path")
        found.append(Finding(value, path_term=path if path is not None and shape.path is None else None,
                             bindings={**bindings, **bound, "value": value}))
    return found


def prefixes(c, node: Term) -> dict[str, str]:
    """The prefix declarations of sh:prefixes, through owl:imports in the shapes graph."""
    found: dict[str, str] = {}
    for source in c.values(node, "prefixes"):
        todo, seen = [source], set()
        while todo:
            current = todo.pop()
            if current in seen:
                continue
            seen.add(current)
            for declaration in c.values(current, "declare"):
                prefix, namespace = c.one(declaration, "prefix"), c.one(declaration, "namespace")
                if prefix is None or namespace is None:
                    raise ShapesNotSupported(f"{declaration}: an sh:declare needs sh:prefix and sh:namespace.")
                found[prefix.value] = namespace.value
            todo.extend(c.values(current, _OWL_IMPORTS))
    return found


def _messages(c, node: Term) -> tuple[str, ...]:
    return tuple(sorted(m.value for m in c.values(node, "message")))


def constraint(c, shape: Shape, node: Term) -> Constraint:
    """An sh:sparql constraint of a shape: one result per solution of its SELECT query."""
    select = c.one(node, "select")
    if select is None:
        raise ShapesNotSupported(f"SPARQL constraint {node}: sh:sparql needs an sh:select query.")
    deactivated = c.one(node, "deactivated")
    path = path_sparql(shape.path) if shape.path is not None else None
    query = Query(select.value, prefixes(c, node), {"this", "currentShape", "shapesGraph"},
                  f"SPARQL constraint {node} of shape {shape.node}", path)
    fixed = _fixed(shape)

    def check(data: Dataset, focus: Term, _values: list) -> list:
        if deactivated is not None and deactivated.value == "true":
            return []
        return _solutions(query, c, shape, data, {**fixed, "this": focus})
    return Constraint(SPARQL_COMPONENT, check, (), _messages(c, node), node, c.one(node, "severity"))


@dataclass
class Component:
    """A SPARQL-based constraint component declared in the shapes graph."""

    node: Term
    parameters: list[tuple[str, ox.NamedNode, bool]]   # (variable name, predicate, optional)
    validators: dict[str, Term]                        # "validator", "nodeValidator", "propertyValidator"

    def constraints(self, c, shape: Shape) -> list[Constraint]:
        params = {}
        for name, predicate, optional in self.parameters:
            values = c.out.get(shape.node, {}).get(predicate, [])
            if not values and not optional:
                return []
            if values:
                params[name] = values[0]
        if not params:
            return []
        kind = "propertyValidator" if shape.path is not None else "nodeValidator"
        validator = self.validators.get(kind, self.validators.get("validator"))
        if validator is None:
            raise ShapesNotSupported(f"shape {shape.node} uses constraint component {self.node}, which has no "
                                     f"sh:validator or sh:{kind} for this kind of shape.")
        return [self._constraint(c, shape, validator, params)]

    def _constraint(self, c, shape: Shape, validator: Term, params: dict) -> Constraint:
        ask, select = c.one(validator, "ask"), c.one(validator, "select")
        text = ask if ask is not None else select
        if text is None:
            raise ShapesNotSupported(f"validator {validator} of {self.node}: needs sh:ask or sh:select.")
        prebound = {"this", "currentShape", "shapesGraph", *(name for name, _, _ in self.parameters)}
        if ask is not None:
            prebound.add("value")
        path = path_sparql(shape.path) if shape.path is not None else None
        query = Query(text.value, prefixes(c, validator), prebound, f"validator {validator} of {self.node}", path)
        fixed = {**_fixed(shape), **params}
        messages = _messages(c, validator) or _messages(c, self.node)

        def check(data: Dataset, focus: Term, values: list) -> list:
            if ask is None:
                return _solutions(query, c, shape, data, {**fixed, "this": focus})
            return [v for v in values if not query.run(data, c.triples, {**fixed, "this": focus, "value": v})]
        return Constraint(self.node, check, tuple(params.items()), messages)


def components(c) -> list[Component]:
    """The SPARQL-based constraint components declared in the shapes graph."""
    found = []
    kind = {ox.NamedNode(SH + "ConstraintComponent")}
    for node in c.out:
        if not c.is_instance(node, kind):
            continue
        parameters = []
        for param in c.values(node, "parameter"):
            predicate = c.one(param, "path")
            if not isinstance(predicate, ox.NamedNode):
                raise ShapesNotSupported(f"constraint component {node}: a parameter's sh:path must be an IRI.")
            optional = c.one(param, "optional")
            name = re.split(r"[#/:]", predicate.value)[-1]
            parameters.append((name, predicate, optional is not None and optional.value == "true"))
        validators = {k: v for k in ("validator", "nodeValidator", "propertyValidator")
                      for v in c.values(node, k)[:1]}
        found.append(Component(node, parameters, validators))
    return found
