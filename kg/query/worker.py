"""Free SPARQL (`kg sparql`): a query run in a worker process that opens the store read-only, so
that a query running past its time limit can be stopped; updates refused; syntax errors shown
with a caret under the place.

The query sees the union of the named graphs, or the dataset its FROM / FROM NAMED clauses name
(kg.query.engine.run).
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
import threading
from pathlib import Path

from pyoxigraph import QueryBoolean, QueryResultsFormat, QuerySolutions, RdfFormat, Store, parse_query_results

from kg.errors import BadQuery, QueryTimeout, StoreError
from kg.paths import PACKAGE_DIR
from kg.query.engine import Result, names_dataset, prefixes, run
from kg.query.labels import display
from kg.remote import is_url
from kg.store.opening import store_folder

WORKER_GRACE_S = 60.0
UPDATE_KEYWORDS = {
    "INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH",
}


def run_sparql(store: str | os.PathLike, text: str, *, timeout_s: float = 30.0):
    """Run a SPARQL query on the store folder (or endpoint URL) `store`: a Result for SELECT,
    a bool for ASK, an rdflib.Graph for CONSTRUCT and DESCRIBE. BadQuery for a syntax error or
    an update; QueryTimeout if it runs longer than `timeout_s` seconds (the worker is stopped)."""
    refuse_updates(text)
    if is_url(str(store)):
        return _run_on_server(str(store), text, timeout_s)
    folder = store_folder(store)
    kind, payload = _run_in_worker(folder, text, timeout_s)
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


def _run_in_worker(folder: Path, text: str, timeout_s: float) -> tuple[str, object]:
    """Run the query in a fresh Python process (sparql_worker_main) and read its answer.

    The worker stops itself at timeout_s, counted from when the store is open; the parent
    kills it if it has not answered WORKER_GRACE_S later."""
    entry = "from kg.query.worker import sparql_worker_main; sparql_worker_main()"
    command = [sys.executable, "-c", entry, str(folder), repr(float(timeout_s))]
    paths = [str(PACKAGE_DIR.parent), os.environ.get("PYTHONPATH", "")]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(path for path in paths if path)}
    pipe = subprocess.PIPE
    worker = subprocess.Popen(command, stdin=pipe, stdout=pipe, stderr=pipe, env=env)
    try:
        out, err = worker.communicate(text.encode("utf-8"), timeout=timeout_s + WORKER_GRACE_S)
    except subprocess.TimeoutExpired:
        worker.kill()
        worker.communicate()
        out, err = b"timeout\n", b""
    kind, _, payload = out.partition(b"\n")
    if kind == b"timeout":
        raise QueryTimeout(
            f"the query ran longer than {timeout_s:g} s and was stopped. Raise the limit with "
            f"--timeout {max(60, int(timeout_s * 4))}, or narrow the query (more specific "
            "patterns, a LIMIT)."
        )
    if kind == b"store-error":
        raise StoreError(f"'{folder}' is not a readable store ({payload.decode()}).")
    if kind not in (b"boolean", b"solutions", b"triples", b"syntax", b"error"):
        detail = err.decode("utf-8", "replace").strip().splitlines()[-1:] or ["no message"]
        raise StoreError(
            f"the query worker stopped without an answer (exit code {worker.returncode}): {detail[0]}"
        )
    if kind == b"boolean":
        return "boolean", payload == b"true"
    if kind in (b"syntax", b"error"):
        return kind.decode(), payload.decode("utf-8", "replace")
    return kind.decode(), payload


def sparql_worker_main() -> None:
    """The worker process of run_sparql: argv = store folder, time limit in seconds; the query
    on stdin; writes 'KIND\\n' then the answer to stdout. Stops itself at the time limit."""
    folder, timeout_s = sys.argv[1], float(sys.argv[2])
    text = sys.stdin.buffer.read().decode("utf-8")
    out = sys.stdout.buffer
    try:
        store = Store.read_only(folder)
    except OSError as error:
        out.write(b"store-error\n" + str(error).encode("utf-8"))
        return
    answers: list[tuple[str, bytes]] = []
    runner = threading.Thread(target=lambda: answers.append(_answer(store, text)), daemon=True)
    runner.start()
    runner.join(timeout_s)
    if runner.is_alive():
        out.write(b"timeout\n")
        out.flush()
        os._exit(0)  # the query thread cannot be stopped otherwise
    kind, payload = answers[0]
    out.write(kind.encode() + b"\n" + payload)


def _answer(store: Store, text: str) -> tuple[str, bytes]:
    try:
        answer = run(store, text)
        if isinstance(answer, QueryBoolean):
            return "boolean", b"true" if answer else b"false"
        if isinstance(answer, QuerySolutions):
            return "solutions", answer.serialize(format=QueryResultsFormat.JSON)
        return "triples", answer.serialize(format=RdfFormat.N_TRIPLES)
    except SyntaxError as error:
        return "syntax", str(error).encode("utf-8")
    except Exception as error:  # noqa: BLE001 - reported to the user by the parent process
        return "error", f"{type(error).__name__}: {error}".encode("utf-8")


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


