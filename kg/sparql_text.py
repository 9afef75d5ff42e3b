"""SPARQL text for a server: RDF terms and quads written as SPARQL, the prologue of a request, and
pyoxigraph's `substitutions` emulated over HTTP as a one-row VALUES block at the start of the
WHERE group (kg/remote.py sends what these write). Not the named queries' VALUES template,
which kg.query.engine.bind_values fills."""
from __future__ import annotations

import re
from typing import Iterable, Mapping

import pyoxigraph as ox

def term_to_sparql(term) -> str:
    """An IRI or literal in SPARQL syntax, escaped by pyoxigraph (N-Triples form)."""
    if isinstance(term, (ox.NamedNode, ox.Literal)):
        return str(term)
    if isinstance(term, ox.BlankNode):
        raise ValueError("a blank node cannot be bound in a SPARQL query sent to a server; bind an IRI or a literal")
    raise TypeError(f"not an RDF term: {term!r}")


def quads_to_sparql(quads: Iterable[ox.Quad]) -> str:
    """Quads as the body of INSERT DATA / DELETE DATA, one GRAPH block per run of one graph."""
    lines: list[str] = []
    current = None
    for quad in quads:
        graph = quad.graph_name
        if graph != current:
            if current is not None and not isinstance(current, ox.DefaultGraph):
                lines.append("}")
            if not isinstance(graph, ox.DefaultGraph):
                lines.append(f"GRAPH {graph} {{")
            current = graph
        lines.append(f"{quad.subject} {quad.predicate} {quad.object} .")
    if current is not None and not isinstance(current, ox.DefaultGraph):
        lines.append("}")
    return "\n".join(lines)


def pattern_term(term, variable: str) -> str:
    return variable if term is None else term_to_sparql(term)


def prologue(prefixes: Mapping[str, str] | None, base_iri: str | None) -> str:
    lines = [f"BASE <{base_iri}>"] if base_iri else []
    lines += [f"PREFIX {name}: {ox.NamedNode(iri)}" for name, iri in (prefixes or {}).items()]
    return "".join(line + "\n" for line in lines)


_TOKEN = re.compile(r"""
    (?P<comment>\#[^\n]*)
  | (?P<string>\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'''(?:[^'\\]|\\.|'(?!''))*'''|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')
  | (?P<iri><[^<>"{}|^`\\\s]*>)
  | (?P<word>[?$]?[A-Za-z_][\w\-.]*(?::[\w\-.%]*)?|:[\w\-.%]*)
  | (?P<open>\{)
  | (?P<close>\})
  | (?P<other>.)
""", re.X | re.S)


def with_substitutions(query: str, substitutions: Mapping[ox.Variable, object]) -> str:
    """`query` with `substitutions` (variable -> IRI or literal) as a one-row VALUES block at the
    start of its WHERE group, so that every pattern of the query sees the bound values."""
    variables = " ".join(f"?{variable.value}" for variable in substitutions)
    values = " ".join(term_to_sparql(term) for term in substitutions.values())
    block = f" VALUES ({variables}) {{ ({values}) }} "
    at = _where_group_start(query)
    if at is None:
        raise ValueError("no WHERE group in the query to bind values in")
    return query[: at + 1] + block + query[at + 1:]


def _where_group_start(query: str) -> int | None:
    """The index of the '{' that opens the query's WHERE group: the first '{' at depth 0 after
    the WHERE keyword, or the first '{' at depth 0 if the query has no WHERE keyword. Strings,
    IRIs and comments are skipped, so a '{' or 'WHERE' inside them does not count."""
    depth = 0
    first_open = None
    after_where = False
    for match in _TOKEN.finditer(query):
        kind = match.lastgroup
        if kind == "open":
            if depth == 0:
                if after_where:
                    return match.start()
                if first_open is None:
                    first_open = match.start()
            depth += 1
        elif kind == "close":
            depth -= 1
        elif kind == "word" and depth == 0 and match.group().upper() == "WHERE":
            after_where = True
    return first_open
