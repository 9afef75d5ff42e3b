"""Serve the store as a read-only SPARQL 1.1 endpoint: every query in a supervised worker.

    with start_server(".kg", "127.0.0.1", 7878, timeout=30) as server:
        print(server.url)            # http://127.0.0.1:7878/query

The endpoint speaks the SPARQL 1.1 Protocol (GET or POST, `query`, `default-graph-uri`,
`named-graph-uri`; results as JSON, XML, CSV or TSV; graphs as N-Triples, Turtle, RDF/XML,
N-Quads, TriG or JSON-LD, by the Accept header). Each query goes to one of a few worker
processes (kg.query_worker) that hold the store open read-only:

- a query that runs past `timeout` is stopped by killing its worker, and the client gets
  HTTP 503 with a message; a fresh worker takes its place. The answer is read whole before it
  is sent, so a 200 always carries a complete body.
- a worker runs under a memory limit (`max_memory_mb`); a query that needs more gets HTTP 503.
- a query with a SERVICE clause gets HTTP 403 unless `allow_service`: the endpoint sends no
  request anywhere.
- updates get HTTP 403; the default graph is the union of the named graphs unless the query
  (FROM, FROM NAMED) or the protocol (default-graph-uri, named-graph-uri) says otherwise.
- browsers: with `cors` the endpoint answers cross-origin requests from those origins only; a
  request whose Host header is not the address served is refused (DNS rebinding).

Why not the Oxigraph server (`oxigraph serve-read-only`): it cannot stop a running query (its
--timeout-s left a cartesian product running after the client had gone, and a result that
streams past the limit ended in a cut 200), cannot refuse SERVICE, bounds no memory, and its
--cors allows every origin.
"""
from __future__ import annotations

import os
import queue
import socket
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from kg.errors import BadQuery, QueryTimeout, StoreError
from kg.query_worker import (DEFAULT_MEMORY_MB, QueryRequest, QueryTooLarge, QueryWorker, ServiceRefused,
                             SyntaxProblem, keywords, refuse_service)

MAX_BODY = 1 << 20           # bytes of a POSTed query
SERVING_MARK = "kg-serve.pid"  # in the store folder while it is served: kg build warns
RESULTS_TYPES = ("application/sparql-results+json", "application/sparql-results+xml", "text/csv",
                 "text/tab-separated-values")
GRAPH_TYPES = ("text/turtle", "application/n-triples", "application/rdf+xml", "application/n-quads",
               "application/trig", "application/ld+json")
UPDATE_WORDS = ("INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH")


class ServerHandle:
    """A running endpoint: `.url` is its SPARQL query endpoint. Stop it with `.stop()`, or use it
    as a context manager."""

    def __init__(self, server: "_Server", thread: threading.Thread) -> None:
        self.server = server
        self.thread = thread
        self.host = server.public_host
        self.port = server.server_address[1]

    @property
    def home(self) -> str:
        """The endpoint's page (a form to type a query into)."""
        return f"http://{_url_host(self.host)}:{self.port}/"

    @property
    def url(self) -> str:
        return self.home + "query"

    def running(self) -> bool:
        return self.thread.is_alive()

    def wait(self) -> None:
        """Block until the server stops."""
        while self.thread.is_alive():
            self.thread.join(0.5)

    def stop(self) -> None:
        """Stop answering, stop the workers, free the port."""
        if self.thread.is_alive():
            self.server.shutdown()
            self.thread.join()
        self.server.server_close()
        self.server.pool.close()
        _unmark(self.server.folder)

    def __enter__(self) -> "ServerHandle":
        return self

    def __exit__(self, *exc) -> None:
        self.stop()


def start_server(store_dir: str | os.PathLike, host: str = "127.0.0.1", port: int = 7878, timeout: int = 30, *,
                 cors: tuple[str, ...] = (), allow_service: bool = False, workers: int = 2,
                 max_memory_mb: int = DEFAULT_MEMORY_MB) -> ServerHandle:
    """Serve the store folder at host:port, and return once the port listens.

    StoreError if there is no store or the port is taken."""
    if str(store_dir).lower().startswith(("http://", "https://")):
        raise StoreError(f"'{store_dir}' is already a SPARQL endpoint; kg serve serves a store folder. "
                         "Point --store (or KG_STORE) at the folder kg build wrote.")
    folder = Path(store_dir)
    if not (folder / "CURRENT").is_file():
        raise StoreError(f"no store at '{store_dir}'. Build one with `kg build seeds/`, "
                         "or point --store (or KG_STORE) at an existing store folder.")
    pool = WorkerPool(folder, workers, max_memory_mb)
    try:
        server = _Server(host, port, pool, timeout=float(timeout), cors=tuple(cors), allow_service=allow_service)
    except BaseException:
        pool.close()
        raise
    server.folder = folder
    _mark(folder)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.2}, daemon=True)
    thread.start()
    return ServerHandle(server, thread)


class WorkerPool:
    """`size` query workers on the store; a worker that was killed (time or memory) is replaced."""

    def __init__(self, folder: Path, size: int, max_memory_mb: int) -> None:
        self.folder, self.max_memory_mb = folder, max_memory_mb
        self.idle: queue.Queue = queue.Queue()
        self.closed = False
        self.all: list[QueryWorker] = []
        self.lock = threading.Lock()
        for _ in range(max(1, size)):
            self.idle.put(self._spawn())

    def _spawn(self) -> QueryWorker:
        worker = QueryWorker(self.folder, max_memory_mb=self.max_memory_mb)
        with self.lock:
            self.all.append(worker)
        return worker

    def take(self, wait_s: float) -> QueryWorker | None:
        try:
            return self.idle.get(timeout=wait_s)
        except queue.Empty:
            return None

    def give_back(self, worker: QueryWorker) -> None:
        if worker.alive() and not self.closed:
            self.idle.put(worker)
            return
        with self.lock:
            if worker in self.all:
                self.all.remove(worker)
        if not self.closed:   # a fresh one, in the background: the client has its answer already
            threading.Thread(target=lambda: self.idle.put(self._spawn()), daemon=True).start()

    def close(self) -> None:
        self.closed = True
        with self.lock:
            workers = list(self.all)
        for worker in workers:
            worker.close()


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, host: str, port: int, pool: WorkerPool, *, timeout: float, cors: tuple[str, ...],
                 allow_service: bool) -> None:
        self.address_family = socket.AF_INET6 if ":" in host else socket.AF_INET
        self.pool, self.query_timeout, self.cors, self.allow_service = pool, timeout, cors, allow_service
        self.public_host = host
        self.folder: Path | None = None
        try:
            super().__init__((host.strip("[]"), port), _Handler)
        except OSError as error:
            raise StoreError(f"cannot listen on {host}:{port} ({error.strerror}): another server may be using "
                             f"the port. Choose another with --port, e.g. --port {port + 1}.") from error

    def allowed_hosts(self) -> set[str]:
        port = self.server_address[1]
        names = {self.public_host.strip("[]")}
        if names & {"127.0.0.1", "::1", "localhost"}:
            names |= {"127.0.0.1", "localhost", "::1"}
        if names & {"0.0.0.0", "::"}:
            return set()      # served on every address: the Host header cannot be checked
        return {f"{_url_host(n)}:{port}" for n in names} | {_url_host(n) for n in names}


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"
    server_version = "ctkg-sparql"

    def log_message(self, format: str, *args) -> None:   # quiet: the CLI prints what matters
        pass

    def do_OPTIONS(self) -> None:  # noqa: N802 - a CORS preflight
        if not self._host_ok():
            return
        self._send(HTTPStatus.NO_CONTENT, b"", "text/plain",
                   {"Access-Control-Allow-Methods": "GET, POST, OPTIONS",
                    "Access-Control-Allow-Headers": "Content-Type, Accept", "Access-Control-Max-Age": "600"})

    def do_GET(self) -> None:  # noqa: N802
        if not self._host_ok():
            return
        parts = urlsplit(self.path)
        params = parse_qs(parts.query, keep_blank_values=True)
        if parts.path in ("/", "") and "query" not in params:
            self._send(HTTPStatus.OK, _PAGE.encode(), "text/html; charset=utf-8")
        elif parts.path.rstrip("/") in ("", "/query", "/sparql"):
            self._query(params)
        elif parts.path.rstrip("/") == "/update":
            self._refuse_update()
        else:
            self._error(HTTPStatus.NOT_FOUND, f"no such page: {parts.path}. The SPARQL endpoint is /query.")

    def do_POST(self) -> None:  # noqa: N802
        if not self._host_ok():
            return
        parts = urlsplit(self.path)
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY:
            self._error(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f"the request is over {MAX_BODY} bytes.")
            return
        body = self.rfile.read(length).decode("utf-8", "replace")
        if parts.path.rstrip("/") in ("/update", "/store"):
            self._refuse_update()
            return
        if parts.path.rstrip("/") not in ("", "/query", "/sparql"):
            self._error(HTTPStatus.NOT_FOUND, f"no such endpoint: {parts.path}. The SPARQL endpoint is /query.")
            return
        params = parse_qs(parts.query, keep_blank_values=True)
        kind = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if kind == "application/sparql-query":
            params["query"] = [body]
        elif kind == "application/x-www-form-urlencoded":
            form = parse_qs(body, keep_blank_values=True)
            if "update" in form:
                self._refuse_update()
                return
            for key, values in form.items():
                params.setdefault(key, []).extend(values)
        elif kind == "application/sparql-update":
            self._refuse_update()
            return
        else:
            self._error(HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
                        "send the query as application/sparql-query or as a form (query=...).")
            return
        self._query(params)

    # -- answering

    def _query(self, params: dict[str, list[str]]) -> None:
        texts = params.get("query", [])
        if len(texts) != 1 or not texts[0].strip():
            self._error(HTTPStatus.BAD_REQUEST, "give exactly one query (the `query` parameter).")
            return
        text = texts[0]
        words = [w for w in keywords(text) if w not in ("PREFIX", "BASE")]
        if words and words[0] in UPDATE_WORDS:
            self._refuse_update()
            return
        if not self.server.allow_service:
            try:
                refuse_service(text, "start kg serve with --allow-service")
            except ServiceRefused as refusal:
                self._error(HTTPStatus.FORBIDDEN, str(refusal))
                return
        request = QueryRequest(text, _choose(self.headers.get("Accept"), RESULTS_TYPES),
                               _choose(self.headers.get("Accept"), GRAPH_TYPES),
                               tuple(params.get("default-graph-uri", [])), tuple(params.get("named-graph-uri", [])))
        timeout = self.server.query_timeout
        worker = self.server.pool.take(timeout)
        if worker is None:
            self._error(HTTPStatus.SERVICE_UNAVAILABLE,
                        f"every query worker stayed busy for {timeout:g} s; try again later.", retry=True)
            return
        try:
            answer = worker.ask(request, timeout)
        except QueryTimeout:
            self._error(HTTPStatus.SERVICE_UNAVAILABLE,
                        f"the query ran longer than the server's limit of {timeout:g} s and was stopped. "
                        "Narrow it (more specific patterns, a LIMIT), or ask the server's operator to raise "
                        "kg serve --timeout.")
            return
        except QueryTooLarge as error:
            self._error(HTTPStatus.SERVICE_UNAVAILABLE, str(error).replace("--max-memory", "kg serve --max-memory"))
            return
        except SyntaxProblem as error:
            from kg.query import explain_syntax_error

            self._error(HTTPStatus.BAD_REQUEST, explain_syntax_error(text, str(error)))
            return
        except (BadQuery, StoreError) as error:
            self._error(HTTPStatus.BAD_REQUEST if isinstance(error, BadQuery) else HTTPStatus.INTERNAL_SERVER_ERROR,
                        str(error))
            return
        finally:
            self.server.pool.give_back(worker)
        self._send(HTTPStatus.OK, answer.body, answer.media_type)

    def _refuse_update(self) -> None:
        self._error(HTTPStatus.FORBIDDEN, "this endpoint is read-only: updates are refused. "
                                          "The store changes only through kg build.")

    def _host_ok(self) -> bool:
        allowed = self.server.allowed_hosts()
        host = (self.headers.get("Host") or "").lower()
        if allowed and host not in allowed:
            self._error(HTTPStatus.FORBIDDEN, f"requests for the host '{host}' are not served here.")
            return False
        return True

    def _error(self, status: HTTPStatus, message: str, retry: bool = False) -> None:
        headers = {"Retry-After": "5"} if retry else {}
        self._send(status, (message + "\n").encode("utf-8"), "text/plain; charset=utf-8", headers)

    def _send(self, status: HTTPStatus, body: bytes, media_type: str, headers: dict | None = None) -> None:
        try:
            self.send_response(status)
            self.send_header("Content-Type", media_type)
            self.send_header("Content-Length", str(len(body)))
            origin = self.headers.get("Origin")
            if origin and ("*" in self.server.cors or origin in self.server.cors):
                self.send_header("Access-Control-Allow-Origin", "*" if "*" in self.server.cors else origin)
                self.send_header("Vary", "Origin")
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass   # the client left: its worker is already free or replaced


def _choose(accept: str | None, offered: tuple[str, ...]) -> str:
    """The offered media type the Accept header prefers (by q-value, then order); the first
    offered when it names none."""
    best, best_q = offered[0], -1.0
    for position, item in enumerate((accept or "").split(",")):
        media, *options = [part.strip() for part in item.split(";")]
        weight = 1.0
        for option in options:
            if option.startswith("q="):
                try:
                    weight = float(option[2:])
                except ValueError:
                    weight = 0.0
        aliases = {"application/json": "application/sparql-results+json",
                   "application/xml": "application/sparql-results+xml", "text/plain": "application/n-triples"}
        media = aliases.get(media.lower(), media.lower())
        if media in offered and weight > best_q:
            best, best_q = media, weight
    return best


def _url_host(host: str) -> str:
    return f"[{host}]" if ":" in host and not host.startswith("[") else host


def _mark(folder: Path) -> None:
    try:
        (folder / SERVING_MARK).write_text(str(os.getpid()), encoding="utf-8")
    except OSError:
        pass


def _unmark(folder: Path | None) -> None:
    if folder is not None:
        try:
            (folder / SERVING_MARK).unlink()
        except OSError:
            pass


def served_by(folder: str | os.PathLike) -> int | None:
    """The process id of a kg serve that serves the store folder now, if any."""
    try:
        pid = int((Path(folder) / SERVING_MARK).read_text(encoding="utf-8").strip())
        os.kill(pid, 0)
    except (OSError, ValueError):
        return None
    return pid


_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>ctkg SPARQL endpoint</title></head>
<body>
<h1>ctkg SPARQL endpoint (read-only)</h1>
<p>Send SPARQL 1.1 queries to <code>/query</code> (GET or POST). The default graph is the union of the
named graphs unless the query says FROM or FROM NAMED.</p>
<form action="query" method="post">
<textarea name="query" rows="12" cols="100">SELECT ?g (COUNT(*) AS ?triples) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g</textarea><br>
<button type="submit">Run</button>
</form>
</body></html>
"""

__all__ = ["ServerHandle", "start_server", "served_by"]
