"""A SPARQL 1.1 server as the store: the part of pyoxigraph.Store that ctkg uses, over HTTP.

`kg.store.open_store("http://HOST:PORT/...")` returns a RemoteStore, so the loader, the queries
and the exporter run unchanged against a server a team shares. Queries go to the server's SPARQL
Query endpoint, writes to its SPARQL Update endpoint (and, where the server has one, whole files
to its Graph Store Protocol endpoint).

What each server needs is in SERVERS (and in the README). The kind of server is told
from the URL's shape (a bare host is Oxigraph, `/repositories/NAME` GraphDB, a path ending in
`/sparql` Virtuoso, Neptune or any endpoint that takes queries and updates at one URL, any other
path a Fuseki dataset); `KG_STORE_SERVER=oxigraph|fuseki|graphdb|sparql` overrides the guess.

Atomicity: the loader writes an article as one SPARQL Update request (DROP SILENT GRAPH g;
INSERT DATA { GRAPH g {...} }). Oxigraph runs one request as one transaction, so an article is in
or out, whatever happens to the server or the connection. A request cut off before its body
arrived is never run. A connection that fails is reported as ServerUnreachable, a StoreError.

pyoxigraph's `substitutions=` (binding variables to terms before evaluation) has no HTTP
equivalent: with_substitutions writes the bindings as a VALUES block at the start of the query's WHERE
group, from the terms' own N-Triples syntax, never from raw text.
"""
from __future__ import annotations

import base64
import http.client
import io
import os
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Iterable, Iterator, Mapping
from urllib.parse import unquote, urlencode, urlsplit, urlunsplit

import pyoxigraph as ox

from kg.errors import ServerUnreachable, StoreError
from kg.sparql_text import pattern_term, prologue, quads_to_sparql, term_to_sparql, with_substitutions

TIMEOUT_S = 120.0
INSERT_CHUNK = 50_000          # triples per INSERT DATA request when a file is sent as updates
RESULTS_JSON = "application/sparql-results+json"
N_TRIPLES = "application/n-triples"


@dataclass(frozen=True)
class ServerProfile:
    """Where one kind of server keeps its endpoints, relative to the store URL, and what it needs."""

    name: str
    query: str                  # path of the SPARQL Query endpoint ('' = the store URL itself)
    update: str                 # path of the SPARQL Update endpoint
    graph_store: str | None     # path of the Graph Store Protocol endpoint; None: send updates
    union_parameter: str | None  # query parameter that makes the default graph the union of graphs
    default_is_union: bool      # the default graph already is the union of the named graphs
    example: str
    needs: str


SERVERS: dict[str, ServerProfile] = {
    "oxigraph": ServerProfile(
        "oxigraph", "/query", "/update", "/store", "union-default-graph", False,
        "http://HOST:7878",
        "`oxigraph serve --location DIR --bind HOST:7878` (read-write; `serve-read-only` and "
        "`kg serve` only answer queries)."),
    "fuseki": ServerProfile(
        "fuseki", "/query", "/update", "/data", None, True,
        "http://HOST:3030/DATASET",
        "a TDB2 dataset with `tdb2:unionDefaultGraph true` in its configuration, so that queries "
        "see every named graph; the update service enabled (it is for datasets made in the UI)."),
    "graphdb": ServerProfile(
        "graphdb", "", "/statements", "/rdf-graphs/service", None, True,
        "http://HOST:7200/repositories/REPOSITORY",
        "a repository; its default graph is already the union of the named graphs. With "
        "security on, a user with write access to the repository in the URL."),
    "sparql": ServerProfile(
        "sparql", "", "", None, None, True,
        "http://HOST:8890/sparql",
        "one endpoint for queries and updates whose default graph is the union of the named "
        "graphs: Virtuoso (grant SPARQL_UPDATE to the SPARQL user, or use /sparql-auth), Amazon "
        "Neptune (IAM authentication off, or a signing proxy in front), Blazegraph (quads mode)."),
}


def is_url(location: object) -> bool:
    return isinstance(location, str) and location.lower().startswith(("http://", "https://"))


def open_remote(url: str, *, read_only: bool = False, timeout_s: float = TIMEOUT_S) -> "RemoteStore":
    """The RemoteStore at `url`, after checking that the server answers a query."""
    store = RemoteStore(url, timeout_s=timeout_s, read_only=read_only)
    store.ping()
    return store


def guess_server(url: str) -> tuple[ServerProfile, str]:
    """The server profile for `url` and its base URL (the endpoints' paths are relative to it)."""
    parts = urlsplit(url)
    path = parts.path.rstrip("/")
    forced = os.environ.get("KG_STORE_SERVER", "").strip().lower()
    if forced and forced not in SERVERS:
        raise StoreError(f"KG_STORE_SERVER={forced!r} is not a known kind of server. "
                         f"Use one of: {', '.join(SERVERS)}; or unset it to guess from the URL.")
    if path.endswith("/query") and forced != "sparql":
        path = path[: -len("/query")]
    if forced:
        name = forced
    elif path == "":
        name = "oxigraph"
    elif "/repositories/" in path + "/":
        name = "graphdb"
    elif path.endswith("/sparql"):
        name = "sparql"
    else:
        name = "fuseki"
    base = urlunsplit((parts.scheme, parts.netloc, path, "", ""))
    return SERVERS[name], base


class RemoteStore:
    """A SPARQL 1.1 server behind the pyoxigraph.Store methods that ctkg calls.

    query, update, quads_for_pattern, named_graphs, contains_named_graph, load, add, extend,
    remove, flush, len() and iteration behave as pyoxigraph's do; rows are pyoxigraph
    QuerySolution objects, terms pyoxigraph terms. A syntax error in a query or update raises
    SyntaxError, as pyoxigraph does; a server that refuses or cannot be reached raises StoreError.
    """

    def __init__(self, url: str, *, timeout_s: float = TIMEOUT_S, read_only: bool = False) -> None:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise StoreError(f"'{url}' is not an http:// or https:// URL of a SPARQL endpoint.")
        self.profile, self.base = guess_server(url)
        self.read_only = read_only
        self.timeout_s = timeout_s
        self._secure = parts.scheme == "https"
        self._host = parts.hostname
        self._port = parts.port
        self._auth = None
        if parts.username is not None:
            user = unquote(parts.username)
            password = unquote(parts.password or "")
            self._auth = "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()
        # The URL as shown to people: never with the password.
        shown = parts.hostname + (f":{parts.port}" if parts.port else "")
        self.url = urlunsplit((parts.scheme, shown, urlsplit(self.base).path, "", ""))
        self._connection: http.client.HTTPConnection | None = None

    def __repr__(self) -> str:
        return f"RemoteStore({self.url!r}, server={self.profile.name!r})"

    # -- reading ------------------------------------------------------------------------------

    def ping(self) -> None:
        """StoreError unless the query endpoint answers a trivial query."""
        self.query("ASK { }")

    def query(self, query: str, *, use_default_graph_as_union: bool = False,
              substitutions: Mapping[ox.Variable, object] | None = None,
              prefixes: Mapping[str, str] | None = None, base_iri: str | None = None):
        """Run a SPARQL query: QuerySolutions (SELECT), QueryBoolean (ASK) or RemoteTriples."""
        text = prologue(prefixes, base_iri) + query
        if substitutions:
            text = with_substitutions(text, substitutions)
        form = [("query", text)]
        if use_default_graph_as_union and self.profile.union_parameter:
            form.append((self.profile.union_parameter, ""))
        body = urlencode(form).encode("utf-8")
        status, content_type, data = self._send(
            "POST", self.profile.query, body,
            {"Content-Type": "application/x-www-form-urlencoded",
             "Accept": f"{RESULTS_JSON}, {N_TRIPLES};q=0.9"}, what="query", text=text)
        if content_type.startswith(RESULTS_JSON) or content_type.startswith("application/json"):
            return ox.parse_query_results(data, format=ox.QueryResultsFormat.JSON)
        if content_type.startswith((N_TRIPLES, "text/plain")):
            return RemoteTriples(data)
        raise StoreError(f"the SPARQL server at {self.url} answered a query with '{content_type}', "
                         "which ctkg does not read. Check that the URL is a SPARQL 1.1 endpoint.")

    def quads_for_pattern(self, subject=None, predicate=None, object=None, graph_name=None) -> Iterator[ox.Quad]:
        """The quads matching the pattern (None matches anything), streamed from the server. On a
        server whose default graph is the union of the named graphs, the default graph holds none
        of its own (ctkg writes only named graphs)."""
        s, p, o = (pattern_term(t, v) for t, v in ((subject, "?s"), (predicate, "?p"), (object, "?o")))
        triple = f"{s} {p} {o}"
        if isinstance(graph_name, ox.DefaultGraph):
            if self.profile.default_is_union:
                return   # the default graph is the union of the named graphs: none of its own
            where, graph_var = f"{{ {triple} }}", None
        elif graph_name is not None:
            where, graph_var = f"{{ GRAPH {pattern_term(graph_name, '?g')} {{ {triple} }} }}", None
        elif self.profile.default_is_union:
            where, graph_var = f"{{ GRAPH ?g {{ {triple} }} }}", "g"
        else:
            where, graph_var = f"{{ {{ {triple} }} UNION {{ GRAPH ?g {{ {triple} }} }} }}", "g"
        solutions = self._stream_select(f"SELECT * WHERE {where}")
        fixed = {"s": subject, "p": predicate, "o": object}
        graph = graph_name if graph_name is not None else ox.DefaultGraph()
        for row in solutions:
            terms = {k: (v if v is not None else row[k]) for k, v in fixed.items()}
            g = row[graph_var] if graph_var else graph
            yield ox.Quad(terms["s"], terms["p"], terms["o"], g if g is not None else ox.DefaultGraph())

    def __iter__(self) -> Iterator[ox.Quad]:
        return self.quads_for_pattern()

    def named_graphs(self) -> Iterator[ox.NamedNode | ox.BlankNode]:
        for row in self.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { } }"):
            yield row["g"]

    def contains_named_graph(self, graph_name) -> bool:
        return bool(self.query(f"ASK {{ GRAPH {pattern_term(graph_name, '?g')} {{ }} }}"))

    def __len__(self) -> int:
        rows = list(self.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"))
        count = int(rows[0]["n"].value)
        if not self.profile.default_is_union:
            rows = list(self.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"))
            count += int(rows[0]["n"].value)
        return count

    # -- writing ------------------------------------------------------------------------------

    def update(self, update: str, *, prefixes: Mapping[str, str] | None = None,
               base_iri: str | None = None) -> None:
        """Run a SPARQL Update request; the server runs it as one transaction (see SERVERS)."""
        self._refuse_if_read_only()
        text = prologue(prefixes, base_iri) + update
        self._send("POST", self.profile.update, text.encode("utf-8"),
                   {"Content-Type": "application/sparql-update; charset=utf-8"}, what="update", text=text)

    def add(self, quad: ox.Quad) -> None:
        self.extend([quad])

    def extend(self, quads: Iterable[ox.Quad]) -> None:
        """Insert quads, INSERT_CHUNK at a time (one request, one transaction, per chunk)."""
        for chunk in chunks(quads, INSERT_CHUNK):
            self.update("INSERT DATA {\n" + quads_to_sparql(chunk) + "\n}")

    def bulk_extend(self, quads: Iterable[ox.Quad]) -> None:
        self.extend(quads)

    def remove(self, quad: ox.Quad) -> None:
        self.update("DELETE DATA {\n" + quads_to_sparql([quad]) + "\n}")

    def load(self, input: bytes | str | IO | None = None, format: ox.RdfFormat | None = None, *,
             path: str | os.PathLike | None = None, base_iri: str | None = None,
             to_graph: ox.NamedNode | ox.DefaultGraph | None = None, lenient: bool = False) -> None:
        """Load a serialization: a graph format into `to_graph` through the Graph Store Protocol
        where the server has it (one request), otherwise parsed here and sent as INSERT DATA."""
        self._refuse_if_read_only()
        if format is None:
            if path is None:
                raise ValueError("give the format of the input")
            format = ox.RdfFormat.from_extension(Path(path).suffix.lstrip("."))
        if self.profile.graph_store and not format.supports_datasets and base_iri is None:
            data = Path(path).read_bytes() if path is not None else _as_bytes(input)
            target = "default" if to_graph is None or isinstance(to_graph, ox.DefaultGraph) else None
            query = urlencode({"graph": to_graph.value}) if target is None else "default"
            self._send("POST", f"{self.profile.graph_store}?{query}", data,
                       {"Content-Type": format.media_type}, what="load", text="")
            return
        quads = ox.parse(input, format, path=path, base_iri=base_iri, lenient=lenient)
        if to_graph is not None and not isinstance(to_graph, ox.DefaultGraph):
            quads = (ox.Quad(q.subject, q.predicate, q.object, to_graph) for q in quads)
        self.extend(quads)

    def bulk_load(self, *args, **kwargs) -> None:
        self.load(*args, **kwargs)

    def flush(self) -> None:
        """Nothing to do: the server has written each request before answering it."""

    def optimize(self) -> None:
        """Nothing to do: the server compacts its own storage."""

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    # -- HTTP ---------------------------------------------------------------------------------

    def _refuse_if_read_only(self) -> None:
        if self.read_only:
            raise StoreError(f"{self.url} was opened read-only: this command does not write to the store.")

    def _new_connection(self) -> http.client.HTTPConnection:
        kind = http.client.HTTPSConnection if self._secure else http.client.HTTPConnection
        return kind(self._host, self._port, timeout=self.timeout_s)

    def _headers(self, headers: dict) -> dict:
        return {**headers, "Authorization": self._auth} if self._auth else headers

    def _target(self, path: str) -> str:
        return (urlsplit(self.base).path + path) or "/"

    def _send(self, method: str, path: str, body: bytes, headers: dict, *, what: str,
              text: str) -> tuple[int, str, bytes]:
        """One request on the kept-alive connection, its answer read whole. A connection the server
        closed while idle is opened again once; any other failure is ServerUnreachable."""
        for attempt in (1, 2):
            reused = self._connection is not None
            if self._connection is None:
                self._connection = self._new_connection()
            try:
                self._connection.request(method, self._target(path), body=body, headers=self._headers(headers))
                response = self._connection.getresponse()
                data = response.read()
            except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError) as error:
                self.close()
                if reused and attempt == 1:
                    continue
                raise self._unreachable(error, what) from None
            except (OSError, http.client.HTTPException) as error:
                self.close()
                raise self._unreachable(error, what) from None
            if response.getheader("Connection", "").lower() == "close":
                self.close()
            self._check(response.status, response.reason, data, what, text)
            return response.status, response.getheader("Content-Type", ""), data
        raise AssertionError("unreachable")

    def _stream_select(self, text: str) -> Iterator[ox.QuerySolution]:
        """Solutions of a SELECT read as they arrive, on a connection of their own (so that other
        requests can run while the caller iterates)."""
        connection = self._new_connection()
        body = urlencode([("query", text)]).encode("utf-8")
        headers = self._headers({"Content-Type": "application/x-www-form-urlencoded", "Accept": RESULTS_JSON})
        try:
            connection.request("POST", self._target(self.profile.query), body=body, headers=headers)
            response = connection.getresponse()
            if response.status != 200:
                self._check(response.status, response.reason, response.read(), "query", text)
            yield from ox.parse_query_results(response, format=ox.QueryResultsFormat.JSON)
        except (OSError, http.client.HTTPException) as error:
            raise self._unreachable(error, "query") from None
        finally:
            connection.close()

    def _unreachable(self, error: BaseException, what: str) -> ServerUnreachable:
        reason = str(error) or type(error).__name__
        written = ("Every article written before this one is complete and kg build skips it when run "
                   "again; this one was not written, or written whole." if what in ("update", "load") else "")
        return ServerUnreachable(
            f"the SPARQL server at {self.url} cannot be reached ({reason}) during a {what}.\n"
            f"  Check that it is running and that the URL is right, then run the command again. {written}".rstrip())

    def _check(self, status: int, reason: str, data: bytes, what: str, text: str) -> None:
        if 200 <= status < 300:
            return
        message = data.decode("utf-8", "replace").strip()[:600] or reason
        if status == 400:
            raise SyntaxError(message)
        if status in (401, 403):
            raise StoreError(
                f"the SPARQL server at {self.url} refused the {what} (HTTP {status} {reason}): {message}\n"
                "  A read-only server (kg serve, oxigraph serve-read-only) answers queries only; a "
                "server with security on needs a user: http://USER:PASSWORD@HOST/...")
        if status == 404:
            raise StoreError(
                f"no SPARQL {what} endpoint at {self.url}{_endpoint_path(self.profile, what)} (HTTP 404). "
                f"For {self.profile.name} the store URL looks like {self.profile.example}; "
                "KG_STORE_SERVER=oxigraph|fuseki|graphdb|sparql sets the kind of server if the guess is wrong.")
        raise StoreError(f"the SPARQL server at {self.url} failed the {what} (HTTP {status} {reason}): {message}")


class RemoteTriples:
    """The triples of a CONSTRUCT or DESCRIBE answer, like pyoxigraph's QueryTriples."""

    def __init__(self, ntriples: bytes) -> None:
        self._data = ntriples

    def __iter__(self) -> Iterator[ox.Triple]:
        for quad in ox.parse(self._data, ox.RdfFormat.N_TRIPLES):
            yield quad.triple

    def serialize(self, output=None, format: ox.RdfFormat = ox.RdfFormat.N_TRIPLES):
        return ox.serialize(iter(self), output, format)


def find_oxigraph() -> str:
    """The path of the `oxigraph` server program (of the `oxigraph` package): beside this Python
    first, then on PATH."""
    import shutil
    import sys

    beside = Path(sys.executable).parent
    found = shutil.which("oxigraph", path=str(beside)) or shutil.which("oxigraph")
    if not found:
        raise StoreError("the Oxigraph server program `oxigraph` is not installed. "
                         "Install it into this environment with: python -m pip install oxigraph")
    return found


class LocalOxigraph:
    """A read-write Oxigraph server on this machine, on a free loopback port: for tests, the
    benchmark, and trying the remote store out. `url` is the store URL to give kg --store."""

    def __init__(self, location: str | os.PathLike, host: str = "127.0.0.1", port: int | None = None) -> None:
        self.location = Path(location)
        self.host = host
        self.port = port or _free_port(host)
        self.url = f"http://{host}:{self.port}"
        self.process = None

    def start(self, wait_s: float = 30.0) -> "LocalOxigraph":
        import subprocess
        import time

        self.location.mkdir(parents=True, exist_ok=True)
        command = [find_oxigraph(), "serve", "--location", str(self.location), "--bind", f"{self.host}:{self.port}"]
        self.process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                        stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + wait_s
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise StoreError(f"the Oxigraph server on {self.url} stopped at start (exit code "
                                 f"{self.process.returncode}); is {self.location} in use by another server?")
            try:
                RemoteStore(self.url, timeout_s=2).ping()
                return self
            except StoreError:
                time.sleep(0.1)
        self.stop()
        raise StoreError(f"the Oxigraph server on {self.url} did not answer within {wait_s:.0f} s.")

    def stop(self, *, kill: bool = False) -> None:
        """Stop the server: SIGTERM and wait (or SIGKILL at once, as a crash would)."""
        import subprocess

        if self.process is None or self.process.poll() is not None:
            return
        if kill:
            self.process.kill()
        else:
            self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def __enter__(self) -> "LocalOxigraph":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


def _free_port(host: str) -> int:
    import socket

    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((host, 0))
        return probe.getsockname()[1]


# -- helpers ------------------------------------------------------------------------------------


def chunks(items: Iterable, size: int) -> Iterator[list]:
    """`items` in lists of `size` (the last shorter), read as they come."""
    chunk: list = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _as_bytes(data) -> bytes:
    if isinstance(data, bytes):
        return data
    if isinstance(data, str):
        return data.encode("utf-8")
    if isinstance(data, (io.RawIOBase, io.BufferedIOBase)) or hasattr(data, "read"):
        content = data.read()
        return content.encode("utf-8") if isinstance(content, str) else content
    raise TypeError("give the input as bytes, text or a readable file")


def _endpoint_path(profile: ServerProfile, what: str) -> str:
    return {"query": profile.query, "update": profile.update, "load": profile.graph_store or ""}.get(what, "")


__all__ = ["LocalOxigraph", "RemoteStore", "ServerProfile", "ServerUnreachable", "SERVERS", "with_substitutions", "guess_server",
           "is_url", "open_remote", "quads_to_sparql", "term_to_sparql"]
