"""Running SPARQL on the store: the project prefixes, the dataset a query sees, and the one way
parameters enter a query (the VALUES template).

Every query runs over the union of the named graphs, the data, unless it names its own dataset
with FROM or FROM NAMED, which then holds as SPARQL 1.1 says (pyoxigraph's union default graph
would otherwise override it). The lookup index is not in the data (kg.store.index).

Parameters are RDF terms, bound by the engine as a VALUES block: a query's template
`VALUES ?name { UNDEF }` (for several columns, `VALUES (?a ?b) { (UNDEF UNDEF) }`), written
exactly so, is given rows of terms in their N-Triples form; nothing a user typed is ever written
into a query. pyoxigraph's `substitutions=` is the engine's other way, and kg uses it for the one
literal it binds (kg/sparql/resolve-label.rq), but it binds one term per variable, only variables
the query projects, and Oxigraph 0.5's planner does not see the value: a named query filtered
that way took 11 s instead of 1 ms at 1M quads (benchmarks/README.md).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Union

from pyoxigraph import BlankNode, Literal, NamedNode, QuerySolutions, Triple

from kg.errors import BadQuery
from kg.query_worker import names_dataset  # noqa: F401 - read as a SPARQL lexer would (one lexer)
from kg.vocab import PREFIXES, base_iri

Term = Union[NamedNode, BlankNode, Literal, Triple]
Value = Union[str, int, float, bool, None]


@dataclass(frozen=True)
class Result:
    """The rows of a SELECT: `rows` holds display values (labels, numbers, ISO dates),
    `terms` the RDF terms they came from (None where a variable is unbound)."""

    columns: tuple[str, ...]
    rows: tuple[tuple[Value, ...], ...]
    terms: tuple[tuple[Term | None, ...], ...]

    def __len__(self) -> int:
        return len(self.rows)


def prefixes() -> dict[str, str]:
    """The prefixes every query may use without declaring them (id: follows KG_BASE_IRI)."""
    return {**PREFIXES, "id": base_iri()}


def with_prefixes(text: str) -> str:
    """`text` with PREFIX lines for the project prefixes, to run it where they are not
    predeclared (the `kg serve` endpoint, other SPARQL tools)."""
    lines = [f"PREFIX {prefix}: <{namespace}>" for prefix, namespace in prefixes().items()]
    return "\n".join(lines) + "\n" + text


def run(store, text: str, substitutions: dict | None = None, graphs: list[NamedNode] | None = None):
    """Run the query `text` with the project prefixes: over the union of the named graphs, or
    over the dataset its FROM / FROM NAMED clauses name; with `graphs`, over those graphs only
    (as its default graph and the graphs GRAPH ?g can see: kg query --as-of)."""
    if graphs is not None:
        return store.query(text, prefixes=prefixes(), default_graph=list(graphs) or [NamedNode(NO_GRAPH)],
                           named_graphs=list(graphs), substitutions=substitutions or None)
    return store.query(text, prefixes=prefixes(), use_default_graph_as_union=not names_dataset(text),
                       substitutions=substitutions or None)


NO_GRAPH = "https://w3id.org/ctkg/graph/none"   # a graph no store holds: a dataset with nothing in it


def select(store, text: str, substitutions: dict | None = None, graphs: list[NamedNode] | None = None) -> QuerySolutions:
    return run(store, text, substitutions, graphs)


def iri_term(iri: NamedNode) -> str:
    """The N-Triples form of an IRI, from a pyoxigraph NamedNode (which holds only valid IRIs)."""
    term = str(iri if type(iri) is NamedNode else NamedNode(iri.value))
    if not (term.startswith("<") and term.endswith(">")) or ">" in term[1:-1]:
        raise BadQuery(f"not an IRI: {iri.value!r}")
    return term


def template(*variables: str) -> str:
    """The VALUES template of `variables` as a query writes it, exactly."""
    if len(variables) == 1:
        return f"VALUES ?{variables[0]} {{ UNDEF }}"
    return "VALUES (" + " ".join(f"?{v}" for v in variables) + ") { (" + " ".join("UNDEF" for _ in variables) + ") }"


def fill_template(text: str, variables: tuple[str, ...], rows: list[tuple]) -> str:
    """`text` with every VALUES template of `variables` holding `rows` (tuples of IRIs, as
    NamedNode, and integers). BadQuery if the query has no such template."""
    blank = template(*variables)
    if blank not in text:
        raise BadQuery(f"the query has no `{blank}` block for {', '.join('?' + v for v in variables)}.")
    cells = [" ".join(str(int(value)) if isinstance(value, int) else iri_term(value) for value in row) for row in rows]
    body = " ".join(cells) if len(variables) == 1 else " ".join(f"({cell})" for cell in cells)
    head = blank[: blank.index("{")]
    return text.replace(blank, f"{head}{{ {body} }}")


def bind_values(text: str, values: dict[str, list[NamedNode]]) -> str:
    """`text` with each `VALUES ?name { UNDEF }` template holding the given IRIs."""
    for name, iris in values.items():
        try:
            text = fill_template(text, (name,), [(iri,) for iri in iris])
        except BadQuery:
            raise BadQuery(f"the query has no `{template(name)}` block for --{name}.") from None
    return text
