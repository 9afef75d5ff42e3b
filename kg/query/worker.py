"""Free SPARQL (`kg sparql`): a query run in a worker process that opens the store read-only
(kg.query_worker), killed at its time limit and bounded in memory; updates and SERVICE refused;
syntax errors shown with a caret under the place.

The query sees the union of the named graphs, or the dataset its FROM / FROM NAMED clauses name
(kg.query.engine.run).
"""
from __future__ import annotations

import json
import os
import re
from pathlib import Path

from pyoxigraph import QueryBoolean, QueryResultsFormat, QuerySolutions, RdfFormat, parse_query_results

from kg.errors import BadQuery
from kg.query.engine import Result, names_dataset, prefixes
from kg.query.labels import display
from kg.query_worker import DEFAULT_MEMORY_MB, QueryRequest, QueryWorker, SyntaxProblem, refuse_service
from kg.remote import is_url
from kg.store.opening import store_folder

UPDATE_KEYWORDS = {
    "INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH",
}


def run_sparql(store: str | os.PathLike, text: str, *, timeout_s: float = 30.0, allow_service: bool = False,
               max_memory_mb: int = DEFAULT_MEMORY_MB):
    """Run a SPARQL query on the store folder (or endpoint URL) `store`: a Result for SELECT,
    a bool for ASK, an rdflib.Graph for CONSTRUCT and DESCRIBE. BadQuery for a syntax error, an
    update or (unless `allow_service`) a SERVICE clause; QueryTimeout if it runs longer than
    `timeout_s` seconds, QueryTooLarge past `max_memory_mb` (the worker is stopped)."""
    refuse_updates(text)
    if not allow_service:
        refuse_service(text, "run kg sparql with --allow-service")
    if is_url(str(store)):
        return _run_on_server(str(store), text, timeout_s)
    folder = store_folder(store)
    kind, payload = _run_in_worker(folder, text, timeout_s, max_memory_mb)
    if kind == "syntax":
        raise BadQuery(explain_syntax_error(text, payload))
    if kind == "error":
        raise BadQuery(f"the query failed: {payload}")
    if kind == "boolean":
        return payload
    if kind == "triples":
        return _graph_from_ntriples(payload)
    return _result_from_json(payload)


def _run_on_server(url: str, text: str, timeout_s: float):
    """Run the query on a SPARQL endpoint, which enforces its own limits besides timeout_s."""
    from kg.remote import open_remote

    server = open_remote(url, read_only=True, timeout_s=timeout_s)
    try:
        answer = server.query(text, prefixes=prefixes(), use_default_graph_as_union=not names_dataset(text))
    except SyntaxError as error:
        raise BadQuery(f"the server at {url} rejected the query: {error}") from error
    if isinstance(answer, (bool, QueryBoolean)):
        return bool(answer)
    if isinstance(answer, QuerySolutions):
        return _result_from_json(answer.serialize(format=QueryResultsFormat.JSON))
    return _graph_from_ntriples(answer.serialize(format=RdfFormat.N_TRIPLES))


def refuse_updates(text: str) -> None:
    """BadQuery if `text` is a SPARQL update (INSERT, DELETE, DROP, LOAD ...)."""
    body = re.sub(r"(?m)^\s*#.*$", "", text)
    body = re.sub(r"(?is)^\s*((PREFIX\s+[\w.-]*:\s*<[^>]*>|BASE\s*<[^>]*>)\s*)*", "", body)
    first = re.match(r"\s*([A-Za-z]+)", body)
    if first and first.group(1).upper() in UPDATE_KEYWORDS:
        raise BadQuery(
            f"{first.group(1).upper()} is a SPARQL update, and kg sparql only reads: the store "
            "changes only through kg build. Use SELECT, ASK, CONSTRUCT or DESCRIBE."
        )


def _run_in_worker(folder: Path, text: str, timeout_s: float, max_memory_mb: int) -> tuple[str, object]:
    """Run the query in a worker process (kg.query_worker), killed at timeout_s, bounded in memory."""
    with QueryWorker(folder, max_memory_mb=max_memory_mb) as worker:
        try:
            answer = worker.ask(QueryRequest(text, prefixes=prefixes()), timeout_s)
        except SyntaxProblem as error:
            return "syntax", str(error)
    if answer.kind == "boolean":
        return "boolean", json.loads(answer.body)["boolean"]
    return answer.kind, answer.body


def _result_from_json(payload: bytes) -> Result:
    solutions = parse_query_results(payload, format=QueryResultsFormat.JSON)
    variables = list(solutions.variables)
    terms = tuple(tuple(solution[variable] for variable in variables) for solution in solutions)
    columns = tuple(variable.value for variable in variables)
    return Result(columns, tuple(tuple(display(term, iris=True) for term in row) for row in terms), terms)


def _graph_from_ntriples(payload: bytes):
    from rdflib import Graph

    graph = Graph()
    for prefix, namespace in prefixes().items():
        graph.bind(prefix, namespace, override=True)
    graph.parse(data=payload.decode("utf-8"), format="nt")
    return graph


def explain_syntax_error(text: str, message: str) -> str:
    """pyoxigraph's 'error at LINE:COLUMN: expected ...' as a message with the line, a caret
    under the column and a hint."""
    match = re.match(r"error at (\d+):(\d+):\s*(.*)", message, re.S)
    if not match:
        return f"the query has a syntax error: {message}"
    line, column, detail = int(match.group(1)), int(match.group(2)), match.group(3)
    lines = text.splitlines() or [""]
    source = lines[min(line, len(lines)) - 1]
    caret = " " * (column - 1) + "^"
    return (
        f"the query has a syntax error at line {line}, column {column}: {_expected(detail)}\n"
        f"    {source}\n    {caret}\n{_syntax_hint(detail)}"
    )


def _expected(detail: str) -> str:
    if "Prefix not found" in detail:
        return "a prefix is not declared"
    words = re.sub(r"\[[^\]]*\]", "", detail.replace("\n", " "))
    found = [w.strip() for w in re.sub(r"^expected( one of)?", "", words.strip()).split(",")]
    found = [w for w in found if w]
    if not found:
        return "unexpected text here"
    shown = ", ".join(found[:8]) + (", ..." if len(found) > 8 else "")
    return f"expected {'one of ' if len(found) > 1 else ''}{shown}"


def _syntax_hint(detail: str) -> str:
    if "Prefix not found" in detail:
        known = " ".join(f"{prefix}:" for prefix in sorted(prefixes()))
        return f"Declare it with a PREFIX line; these need none: {known}"
    return "Look at this point and just before it: a missing '.', '}' or ')', a misspelt keyword."


