"""Ask the store questions: the named queries of queries/*.rq, free SPARQL, and their printing.

Reads the store, never writes it: stores are opened with `pyoxigraph.Store.read_only`, and
every query runs over the union of the named graphs with the project prefixes predeclared.
Reading a store while another process (kg build) writes it is undefined behaviour in Oxigraph:
query a store between builds.

A named query is a file `queries/NAME.rq` that begins with a header:

    # title: Delegation leaders
    # question: Who led each state's delegation at each meeting?
    # param: meeting  a meeting, by label or alias (optional)
    # columns: meeting start state leader
    # example: kg query delegations --meeting "India-US Homeland Security Dialogue"

Its SELECT projects exactly the columns. A parameter names an entity: kg resolves the given
text to IRIs by label or alias (resolve_label) and writes those IRIs, as RDF terms from the
store, into the query's `VALUES ?name { UNDEF }` block; the user's text never enters the
query. (pyoxigraph's `substitutions=` would be the other way, but in 0.5 the query planner
does not see substituted values: `evidence` took 11 s instead of 1 ms at 1M quads. It also
binds one value per variable and only projected variables.) With no value given, the block
stays UNDEF and the query runs unfiltered, as it does in `kg sparql` or over HTTP. Files whose
name starts with `_` are internal queries that this module runs itself.

Free SPARQL (run_sparql) runs in a worker process that opens the store read-only, so that a
query running past its time limit can be stopped.
"""
from __future__ import annotations

import csv
import difflib
import io
import json
import os
import re
import subprocess
import sys
import threading
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Union

from pyoxigraph import (
    BlankNode,
    Literal,
    NamedNode,
    QueryBoolean,
    QueryResultsFormat,
    QuerySolutions,
    RdfFormat,
    Store,
    Triple,
    Variable,
    parse_query_results,
)

from kg import store as kg_store
from kg.errors import BadQuery, QueryTimeout, StoreError, UnknownEntity, UnknownQuery
from kg.remote import is_url
from kg.vocab import CTKG, PREFIXES, base_iri, label_key

from kg.paths import PACKAGE_DIR, QUERY_DIR  # noqa: E402
WORKER_GRACE_S = 60.0
RESERVED_PARAMS = {"store", "format", "iris", "list", "output", "help", "sparql"}  # kg query options
LABEL_CHUNK = 1000

XSD = "http://www.w3.org/2001/XMLSchema#"
INTEGER_TYPES = {
    XSD + name
    for name in (
        "integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger",
        "nonPositiveInteger", "negativeInteger", "unsignedInt", "unsignedLong",
        "unsignedShort", "unsignedByte",
    )
}
FLOAT_TYPES = {XSD + "decimal", XSD + "double", XSD + "float"}
UPDATE_KEYWORDS = {
    "INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH",
}

Term = Union[NamedNode, BlankNode, Literal, Triple]
Value = Union[str, int, float, bool, None]


# -- named queries ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Param:
    """A parameter of a named query: `--name VALUE`, the label or alias of an entity."""

    name: str
    description: str
    optional: bool


@dataclass(frozen=True)
class NamedQuery:
    """One queries/NAME.rq file: its header, parsed, and its SPARQL text."""

    name: str
    title: str
    question: str
    params: tuple[Param, ...]
    columns: tuple[str, ...]
    example: str
    text: str

    def param(self, name: str) -> Param | None:
        return next((p for p in self.params if p.name == name), None)


@dataclass(frozen=True)
class Result:
    """The rows of a SELECT: `rows` holds display values (labels, numbers, ISO dates),
    `terms` the RDF terms they came from (None where a variable is unbound)."""

    columns: tuple[str, ...]
    rows: tuple[tuple[Value, ...], ...]
    terms: tuple[tuple[Term | None, ...], ...]

    def __len__(self) -> int:
        return len(self.rows)


def parse_header(name: str, text: str) -> NamedQuery:
    """The NamedQuery of the .rq `text`, from its leading `# key: value` comment lines."""
    fields: dict[str, str] = {}
    params: list[Param] = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        match = re.match(r"#\s*(\w+):\s*(.*)$", line)
        if not match:
            continue
        key, value = match.group(1), match.group(2).strip()
        if key == "param":
            param_name, _, description = value.partition(" ")
            description = description.strip()
            params.append(Param(param_name, description, "(optional)" in description))
        else:
            fields[key] = value
    return NamedQuery(
        name=name,
        title=fields.get("title", ""),
        question=fields.get("question", ""),
        params=tuple(params),
        columns=tuple(fields.get("columns", "").split()),
        example=fields.get("example", ""),
        text=text,
    )


def load_query(path: Path) -> NamedQuery:
    return parse_header(path.stem, path.read_text(encoding="utf-8"))


def list_queries(query_dir: Path | None = None) -> list[NamedQuery]:
    """The named queries analysts can run, by name (internal `_` files left out)."""
    folder = query_dir or QUERY_DIR
    return [load_query(path) for path in sorted(folder.glob("*.rq")) if not path.stem.startswith("_")]


def get_query(name: str, query_dir: Path | None = None) -> NamedQuery:
    """The named query `name`; UnknownQuery, with the closest names, if there is none."""
    path = (query_dir or QUERY_DIR) / f"{name}.rq"
    if re.fullmatch(r"[A-Za-z0-9][\w-]*", name) and path.is_file():
        return load_query(path)   # without reading every other query file
    queries = {query.name: query for query in list_queries(query_dir)}
    if name in queries:
        return queries[name]
    close = difflib.get_close_matches(name, list(queries), n=3, cutoff=0.5)
    hint = f" Did you mean {_either(close)}?" if close else ""
    raise UnknownQuery(f"no query named '{name}'.{hint} (kg query --list shows them all)")


def _internal(name: str) -> str:
    return (QUERY_DIR / f"_{name}.rq").read_text(encoding="utf-8")


def _either(names: list[str]) -> str:
    quoted = [f"'{name}'" for name in names]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " or " + quoted[-1]


# -- the store -------------------------------------------------------------------------------


def open_store(location: str | os.PathLike) -> Store:
    """The store to query, opened read-only: a store folder, or the URL of a SPARQL endpoint
    (kg.remote.RemoteStore, which answers like a pyoxigraph Store). StoreError if there is none."""
    if is_url(str(location)):
        return kg_store.open_store(str(location), read_only=True)
    folder = store_folder(location)
    try:
        return Store.read_only(str(folder))
    except OSError as error:
        raise StoreError(
            f"'{location}' is not a readable store ({error}). "
            "Rebuild it with `kg build`, or point --store at another folder."
        ) from error


def store_folder(location: str | os.PathLike) -> Path:
    """`location` as a store folder that exists; StoreError, saying what to do, if it is not."""
    folder = Path(location)
    if not folder.is_dir():
        raise StoreError(
            f"no store at '{location}'. Build one with `kg build seeds/`, "
            "or point --store (or KG_STORE) at an existing store folder."
        )
    return folder


def prefixes() -> dict[str, str]:
    """The prefixes every query may use without declaring them (id: follows KG_BASE_IRI)."""
    return {**PREFIXES, "id": base_iri()}


def with_prefixes(text: str) -> str:
    """`text` with PREFIX lines for the project prefixes, to run it where they are not
    predeclared (the `kg serve` endpoint, other SPARQL tools)."""
    lines = [f"PREFIX {prefix}: <{namespace}>" for prefix, namespace in prefixes().items()]
    return "\n".join(lines) + "\n" + text


def _select(store: Store, text: str, substitutions: dict | None = None, *, union: bool = True) -> QuerySolutions:
    """Run `text` over the union of the graphs (with `union` false, over the default graph: an
    embedded store's lookup index)."""
    return store.query(
        text,
        prefixes=prefixes(),
        use_default_graph_as_union=union,
        substitutions=substitutions or None,
    )


# -- parameters: labels to IRIs --------------------------------------------------------------


def resolve_label(store: Store, text: str) -> list[NamedNode]:
    """The entities whose label or alias is `text` (compared by label_key), or the entity whose
    IRI (or id:/wd: prefixed name) `text` is. UnknownEntity, with close labels, if none."""
    iri = _as_iri(text)
    if iri is not None:
        if list(_select(store, bind_values(_internal("known-iri"), {"entity": [iri]}))):
            return [iri]
        raise UnknownEntity(
            f"no entity with the IRI <{iri.value}> in the store. Give a label or alias "
            "instead, or look the IRI up with kg query ... --iris."
        )
    key = label_key(text)
    if key:
        found = kg_store.entities_by_label_key(store, key)   # an index lookup, on a store that keeps one
        if found is None:
            found = [solution["entity"] for solution in
                     _select(store, _internal("resolve-label"), {Variable("key"): Literal(key)})]
        if found:
            return [term for term in dict.fromkeys(found) if isinstance(term, NamedNode)]
    raise UnknownEntity(_no_entity_message(store, text))


def _as_iri(text: str) -> NamedNode | None:
    text = text.strip()
    if text.startswith("<") and text.endswith(">"):
        text = text[1:-1]
    else:
        match = re.fullmatch(r"([a-z][\w-]*):(\S+)", text)
        if match and match.group(1) in prefixes() and not text.startswith(("http:", "https:")):
            text = prefixes()[match.group(1)] + match.group(2)
        elif not re.fullmatch(r"(https?|urn):\S+", text):
            return None
    try:
        return NamedNode(text)
    except ValueError:
        return None


def _no_entity_message(store: Store, text: str) -> str:
    labels = [str(solution["label"].value) for solution in _select(store, _internal("all-labels"))]
    by_lower: dict[str, str] = {}
    for label in sorted(labels):
        by_lower.setdefault(label.lower(), label)
    close = difflib.get_close_matches(text.lower(), list(by_lower), n=3, cutoff=0.6)
    if close:
        return f"no entity named '{text}'. Did you mean {_either([by_lower[c] for c in close])}?"
    return (
        f"no entity named '{text}': no label or alias comes close. Look names up with "
        f"kg sparql \"SELECT ?x ?label WHERE {{ ?x skos:prefLabel ?label }}\""
    )


def parameter_iris(store: Store, query: NamedQuery, params: dict[str, str]) -> dict[str, list[NamedNode]]:
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


def bind_values(text: str, values: dict[str, list[NamedNode]]) -> str:
    """`text` with each `VALUES ?name { UNDEF }` block holding the given IRIs instead.

    The IRIs are RDF terms (pyoxigraph NamedNode, which accepts only valid IRIs), written in
    their N-Triples form; nothing a user typed is ever written into the query."""
    for name, iris in values.items():
        terms = " ".join(_iri_term(iri) for iri in iris)
        block = re.compile(r"VALUES\s+\?" + re.escape(name) + r"\s*\{\s*UNDEF\s*\}")
        text, count = block.subn(lambda _: f"VALUES ?{name} {{ {terms} }}", text)
        if not count:
            raise BadQuery(f"the query has no `VALUES ?{name} {{ UNDEF }}` block for --{name}.")
    return text


def _iri_term(iri: NamedNode) -> str:
    # A pyoxigraph NamedNode (a final class) holds a valid IRI already; anything else is made one.
    term = str(iri if type(iri) is NamedNode else NamedNode(iri.value))
    if not (term.startswith("<") and term.endswith(">")) or ">" in term[1:-1]:
        raise BadQuery(f"not an IRI: {iri.value!r}")
    return term


# -- running ---------------------------------------------------------------------------------


def run_named(store: Store, name: str, params: dict[str, str] | None = None, *, iris: bool = False) -> Result:
    """Run the named query `name` with `params` (name -> label, alias or IRI) on `store`.

    One row per distinct combination of values: a fact that two articles report is one row.
    Rows show labels, numbers and ISO dates; with `iris`, IRIs instead of labels. They are
    sorted as the query's ORDER BY says, but by what is shown (labels) rather than by IRI:
    the ORDER BY clause is left off when the query runs (Oxigraph sorts IRIs slowly)."""
    query = get_query(name)
    body, order = split_order_by(query.text)
    body = bind_values(body, parameter_iris(store, query, dict(params or {})))
    terms, rows = numbered_rows(_select(store, body), query.columns)
    labels = {} if iris else fetch_labels(store, (t.value for t in terms if isinstance(t, NamedNode)))
    shown = [display(term, labels, iris=iris) for term in terms]
    by_column = list(zip(*(rows[i] for i in _ranked(rows, shown, query.columns, order))))
    return Result(
        query.columns,
        tuple(zip(*(map(shown.__getitem__, column) for column in by_column))),
        tuple(zip(*(map(terms.__getitem__, column) for column in by_column))),
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


def split_order_by(text: str) -> tuple[str, list[tuple[str, bool]]]:
    """The query without its final ORDER BY clause, and that clause's keys as
    (variable, descending). Expressions other than ASC(?v)/DESC(?v), such as (!BOUND(?date)),
    are skipped: unbound values sort last anyway."""
    match = re.search(r"\n\s*ORDER\s+BY\s+([^\n]*)\s*$", text, re.I)
    if not match:
        return text, []
    keys = []
    tokens = r"(ASC|DESC)\s*\(\s*\?(\w+)\s*\)|\((?:[^()]|\([^()]*\))*\)|\?(\w+)"
    for token in re.finditer(tokens, match.group(1), re.I):
        direction, wrapped, bare = token.groups()
        if wrapped or bare:
            keys.append((wrapped or bare, (direction or "").upper() == "DESC"))
    return text[: match.start()] + "\n", keys


def _ranked(rows: list[tuple[int, ...]], shown: list[Value], columns: tuple[str, ...],
            order: list[tuple[str, bool]]) -> list[int]:
    """The positions of `rows` (numbers into `shown`, what each term prints as) in the order of
    the ORDER BY keys (variable, descending) that are columns: unbound values last, numbers
    before text, text without regard to case; rows that tie keep their order. Each column's
    distinct values are ranked once (_sort_key), so that rows sort on tuples of integers."""
    keys = [(columns.index(variable), descending) for variable, descending in order if variable in columns]
    ranks = []
    for position, descending in keys:
        values = sorted(((_sort_key(shown[n], descending), n) for n in {row[position] for row in rows}),
                        key=lambda pair: pair[0])
        rank, previous, ranked = -1, None, {}
        for key, n in values:
            if rank < 0 or key != previous:
                rank, previous = rank + 1, key
            ranked[n] = rank
        ranks.append((position, ranked))
    row_keys = list(zip(*(map(ranked.__getitem__, [row[position] for row in rows]) for position, ranked in ranks)))
    return sorted(range(len(rows)), key=row_keys.__getitem__) if ranks else list(range(len(rows)))


def _sort_key(value: Value, descending: bool) -> tuple:
    if value is None:
        return (1, 0, "")
    if isinstance(value, (int, float)):
        return (0, 0, -value if descending else value)
    text = str(value).casefold()
    return (0, 1, _Reversed(text) if descending else text)


class _Reversed(str):
    """A string that sorts in reverse, for DESC keys."""

    def __lt__(self, other: str) -> bool:
        return str.__gt__(self, other)


def fetch_labels(store: Store, iris: Iterable[str]) -> dict[str, str]:
    """IRI -> the name to show it by: its skos:prefLabel; else, for a post (id:post/...), its
    title; for an article or sentence (id:article/...), its file name or text. One query per
    LABEL_CHUNK IRIs, never one per row (queries/_labels.rq says how)."""
    wanted = sorted(set(iris))
    posts, sources = base_iri() + "post/", base_iri() + "article/"
    indexed = kg_store.has_index(store)   # names and titles once each, in the lookup index
    best: dict[int, tuple[int, Literal]] = {}
    for start in range(0, len(wanted), LABEL_CHUNK):
        blocks: dict[str, list[tuple[int, NamedNode]]] = {"named": [], "post": [], "source": []}
        for number, iri in enumerate(wanted[start : start + LABEL_CHUNK], start):
            kind = "post" if iri.startswith(posts) else "source" if iri.startswith(sources) else "named"
            blocks[kind].append((number, NamedNode(iri)))
        runs = []
        if blocks["named"] or blocks["post"]:
            names = bind_numbered(_internal("labels"), {"named": blocks["named"], "post": blocks["post"]})
            runs.append(_select(store, names, union=not indexed))
        if blocks["source"]:
            runs.append(_select(store, bind_numbered(_internal("source-labels"), {"source": blocks["source"]})))
        for number, label, rank in (row for run in runs for row in run):
            number, rank = int(number.value), int(rank.value)
            found = best.get(number)
            if found is None:
                best[number] = (rank, label)   # most IRIs have one name: compare only when more
            elif _label_key(rank, label) < _label_key(*found):
                best[number] = (rank, label)
    return {wanted[number]: label.value for number, (_, label) in best.items()}


def _label_key(rank: int, label: Literal) -> tuple:
    """Which of an IRI's names to show: the lowest rank, then English or untagged, then the
    first in alphabetical order."""
    return (rank, label.language not in (None, "en"), label.value)


def bind_numbered(text: str, values: dict[str, list[tuple[int, NamedNode]]]) -> str:
    """`text` with each `VALUES (?name ?n) { (UNDEF UNDEF) }` block holding the given
    (number, IRI) pairs as rows `(<iri> number)`: the IRIs written as bind_values writes them,
    the numbers as integers. The numbers let a query answer about an IRI without the IRI
    itself, which Oxigraph would read back from the store for every row."""
    for name, pairs in values.items():
        rows = " ".join(f"({_iri_term(iri)} {int(number)})" for number, iri in pairs)
        block = re.compile(r"VALUES\s*\(\s*\?" + re.escape(name) + r"\s+\?n\s*\)\s*\{\s*\(\s*UNDEF\s+UNDEF\s*\)\s*\}")
        text, count = block.subn(lambda _: f"VALUES (?{name} ?n) {{ {rows} }}", text)
        if not count:
            raise BadQuery(f"the query has no `VALUES (?{name} ?n) {{ (UNDEF UNDEF) }}` block.")
    return text


def _display_rows(terms, labels: dict[str, str], *, iris: bool) -> tuple[tuple[Value, ...], ...]:
    return tuple(tuple(display(term, labels, iris=iris) for term in row) for row in terms)


def display(term: Term | None, labels: dict[str, str] | None = None, *, iris: bool = False) -> Value:
    """How a term prints: a label (or a compact IRI), a number, a boolean, an ISO date."""
    if term is None:
        return None
    if isinstance(term, NamedNode):
        if iris:
            return term.value
        return (labels or {}).get(term.value) or compact_iri(term.value)
    if isinstance(term, BlankNode):
        return "_:" + term.value
    if isinstance(term, Literal):
        return literal_value(term)
    return str(term)


def literal_value(literal: Literal) -> Value:
    """An integer as int, a decimal/double as float, a boolean as bool; dates and the rest
    as their lexical form (xsd:date is already ISO 8601)."""
    datatype = literal.datatype.value if literal.datatype else ""
    try:
        if datatype in INTEGER_TYPES:
            return int(literal.value)
        if datatype in FLOAT_TYPES:
            return float(literal.value)
    except ValueError:
        return literal.value
    if datatype == XSD + "boolean":
        return literal.value in ("true", "1")
    return literal.value


def compact_iri(iri: str) -> str:
    """ctkg terms by their local name ('Dialogue'), others as prefixed names ('id:post/...')."""
    ontology = str(CTKG._NS)
    if iri.startswith(ontology) and len(iri) > len(ontology):
        return iri[len(ontology) :]
    for prefix, namespace in sorted(prefixes().items(), key=lambda item: -len(item[1])):
        if iri.startswith(namespace) and len(iri) > len(namespace):
            return f"{prefix}:{iri[len(namespace):]}"
    return iri


# -- free SPARQL -----------------------------------------------------------------------------


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
        answer = server.query(text, prefixes=prefixes(), use_default_graph_as_union=True)
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
    entry = "from kg.query import sparql_worker_main; sparql_worker_main()"
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
        answer = store.query(text, prefixes=prefixes(), use_default_graph_as_union=True)
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
    return Result(columns, _display_rows(terms, {}, iris=True), terms)


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


# -- formats ---------------------------------------------------------------------------------


def _cell(value: Value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def to_csv(result: Result) -> str:
    """CSV with a header row of the column names."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(result.columns)
    writer.writerows([_cell(value) for value in row] for row in result.rows)
    return out.getvalue()


def to_tsv(result: Result) -> str:
    """Tab-separated values with a header row; tabs and line breaks in values become spaces."""
    lines = ["\t".join(result.columns)]
    for row in result.rows:
        lines.append("\t".join(re.sub(r"[\t\r\n]+", " ", _cell(value)) for value in row))
    return "\n".join(lines) + "\n"


def to_json(result: Result) -> str:
    """The SPARQL 1.1 Query Results JSON format, from the RDF terms (IRIs, not labels)."""
    bindings = [
        {column: _json_term(term) for column, term in zip(result.columns, row) if term is not None}
        for row in result.terms
    ]
    document = {"head": {"vars": list(result.columns)}, "results": {"bindings": bindings}}
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"


def boolean_to_json(answer: bool) -> str:
    return json.dumps({"head": {}, "boolean": bool(answer)}) + "\n"


def _json_term(term: Term) -> dict:
    if isinstance(term, NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, Literal):
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype and term.datatype.value != XSD + "string":
            out["datatype"] = term.datatype.value
        return out
    return {
        "type": "triple",
        "value": {
            "subject": _json_term(term.subject),
            "predicate": _json_term(term.predicate),
            "object": _json_term(term.object),
        },
    }


def to_table(result: Result, title: str | None = None):
    """A rich Table of the result (cells are plain text, never markup)."""
    from rich.table import Table
    from rich.text import Text

    table = Table(title=title, title_justify="left", show_lines=False)
    for column in result.columns:
        table.add_column(column)
    for row in result.rows:
        table.add_row(*(Text(_cell(value)) for value in row))
    return table


def literal_result(columns: Iterable[str], rows: Iterable[Iterable[str]]) -> Result:
    """A Result of plain strings (for listings printed with the same formats)."""
    text_rows = tuple(tuple(rows_item) for rows_item in rows)
    terms = tuple(tuple(Literal(value) for value in row) for row in text_rows)
    return Result(tuple(columns), text_rows, terms)
