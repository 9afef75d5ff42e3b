"""Running a named query: its parameters resolved to IRIs and bound in its VALUES templates, the
query run as its .rq file says (its ORDER BY orders the rows), and the terms shown by label."""
from __future__ import annotations

import difflib
from collections import defaultdict
from typing import Iterable

from pyoxigraph import Literal, NamedNode, QuerySolutions, Variable

from kg.errors import BadQuery
from kg.query.catalogue import NamedQuery, get_query
from kg.query.engine import Result, bind_values, select
from kg.query.labels import display, fetch_labels, resolve_label

RESERVED_PARAMS = {"store", "format", "iris", "list", "output", "help", "sparql", "as_of"}  # kg query options


def parameter_iris(store, query: NamedQuery, params: dict[str, str]) -> dict[str, list[NamedNode]]:
    """The IRIs each given parameter names, after checking the parameters against the header."""
    for name in params:
        if query.param(name) is None:
            declared = ", ".join(f"--{p.name}" for p in query.params) or "none"
            close = difflib.get_close_matches(name, [p.name for p in query.params], n=1)
            hint = f" Did you mean --{close[0]}?" if close else ""
            raise BadQuery(
                f"the query '{query.name}' has no parameter --{name}.{hint} "
                f"Its parameters: {declared}. Example: {query.example}"
            )
    for param in query.params:
        if not param.optional and not params.get(param.name):
            raise BadQuery(
                f"the query '{query.name}' needs --{param.name}: {param.description}. "
                f"Example: {query.example}"
            )
    resolved = {}
    for name, text in params.items():
        if not text or not text.strip():
            raise BadQuery(f"--{name} is empty: give {query.param(name).description}.")
        resolved[name] = resolve_label(store, text)
    return resolved




def as_of_graphs(store, as_of: str) -> list[NamedNode]:
    """The graphs of the store as it was reported up to `as_of` (an ISO date): the article graphs
    whose article is dated on or before it, the ontology and the reference data. The inferred
    graph is left out (it was derived from every article); so is an undated article. The date is
    bound as an xsd:date term (kg/sparql/as-of-graphs.rq), never written into the query text."""
    import datetime

    from kg.paths import internal_query
    from kg.vocab import G_ONTOLOGY, G_REFERENCE

    try:
        day = datetime.date.fromisoformat(as_of)
    except (TypeError, ValueError):
        raise BadQuery(f"--as-of '{as_of}' is not a date: give it as YYYY-MM-DD, e.g. --as-of 2016-09-20.") from None
    from kg.store.opening import embedded

    if not embedded(store):
        raise BadQuery("--as-of needs a store folder: against a SPARQL server the graphs cannot be chosen "
                       "per query here. Export the store and query a local copy, or leave --as-of out.")
    date = Literal(day.isoformat(), datatype=NamedNode("http://www.w3.org/2001/XMLSchema#date"))
    articles = [row["g"] for row in store.query(internal_query("as-of-graphs"), substitutions={Variable("asOf"): date})]
    stored = set(store.named_graphs())
    base = [g for g in (NamedNode(str(G_ONTOLOGY)), NamedNode(str(G_REFERENCE))) if g in stored]
    return sorted(articles, key=lambda g: g.value) + base


def run_named(store, name: str, params: dict[str, str] | None = None, *, iris: bool = False,
              as_of: str | None = None) -> Result:
    """Run the named query `name` with `params` (name -> label, alias or IRI) on `store`; with
    `as_of` (an ISO date), over the graph as reported up to that day (as_of_graphs).

    The query that runs is the .rq file with its VALUES templates filled: one row per distinct
    combination of values (a fact that two articles report is one row), in the order of its
    ORDER BY. Rows show labels, numbers and ISO dates; with `iris`, IRIs instead of labels."""
    query = get_query(name)
    text = bind_values(query.text, parameter_iris(store, query, dict(params or {})))
    graphs = as_of_graphs(store, as_of) if as_of is not None else None
    terms, rows = numbered_rows(select(store, text, graphs=graphs), query.columns)
    labels = {} if iris else fetch_labels(store, (t.value for t in terms if isinstance(t, NamedNode)))
    shown = [display(term, labels, iris=iris) for term in terms]
    return Result(
        query.columns,
        tuple(tuple(shown[n] for n in row) for row in rows),
        tuple(tuple(terms[n] for n in row) for row in rows),
    )


def numbered_rows(solutions: QuerySolutions, columns: Iterable[str]) -> tuple[list, list[tuple[int, ...]]]:
    """The distinct terms of `solutions` (None for unbound), and its distinct rows in the order
    they first come, each a tuple of numbers into those terms, in the order of `columns`.

    Each term is looked at once, so that labels are worked out once per term and rows compare
    as numbers (at 1M quads a listing has thousands of rows that repeat the same meetings and
    states). A solution is read as a whole (tuple(solution)) where the query projects exactly
    the columns: reading it by variable costs several times more in pyoxigraph."""
    columns = [Variable(column) for column in columns]
    if list(solutions.variables) == columns:
        solution_rows = map(tuple, solutions)
    else:
        solution_rows = (tuple(solution[variable] for variable in columns) for solution in solutions)
    numbers: defaultdict = defaultdict()
    numbers.default_factory = numbers.__len__   # a term not seen yet gets the next number
    rows = dict.fromkeys(tuple(map(numbers.__getitem__, row)) for row in solution_rows)
    return list(numbers), list(rows)


