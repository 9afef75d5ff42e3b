"""SPARQL queries run in a supervised worker process: ended at their time limit, bounded in memory,
never calling out.

    with QueryWorker(store_folder, max_memory_mb=2048) as worker:
        answer = worker.ask(QueryRequest(text), timeout_s=30)      # Answer(kind, media_type, body)

`kg sparql` runs one query in one worker; `kg serve` keeps a few workers open and hands each
query to an idle one. Oxigraph cannot stop a query once started (neither pyoxigraph nor its
server: a server's --timeout-s leaves a cartesian product running after the client has gone, and
a result that streams past the limit ends in a cut 200 response), so the guard is the process:

- time: the parent waits for the answer until the limit, then kills the worker (SIGKILL); its
  CPU and memory are freed at once, and the caller gets QueryTimeout (HTTP 503 on kg serve).
- memory: the worker runs under RLIMIT_DATA (heap and anonymous mappings; the store's files are
  not counted); a query that needs more fails in the worker alone (QueryTooLarge, HTTP 503).
- network: a query that holds a SERVICE clause is refused before it reaches a worker
  (ServiceRefused) unless the caller allows it: Oxigraph would send it to the URL named.
- dataset: the default graph is the union of the named graphs unless the query says FROM or FROM
  NAMED, or the protocol's default-graph-uri / named-graph-uri do; then SPARQL 1.1's rules hold.

The answer is read whole before it is handed on, so a cut answer is never taken for a full one.
"""
from __future__ import annotations

import json
import os
import re
import select
import signal
import struct
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import BadQuery, KgError, QueryTimeout, StoreError, unreadable_store

START_TIMEOUT_S = 60.0           # opening a read-only store
DEFAULT_MEMORY_MB = 2048
_LENGTH = struct.Struct(">Q")


class ServiceRefused(BadQuery):
    """The query holds a SERVICE clause and calling other servers was not allowed."""


class QueryTooLarge(KgError):
    """The query needed more memory than the worker may use."""


@dataclass(frozen=True)
class QueryRequest:
    """One query and how to answer it. Formats are media types (results for SELECT and ASK,
    graph for CONSTRUCT and DESCRIBE)."""

    text: str
    results_format: str = "application/sparql-results+json"
    graph_format: str = "application/n-triples"
    default_graphs: tuple[str, ...] = ()      # the protocol's default-graph-uri
    named_graphs: tuple[str, ...] = ()        # the protocol's named-graph-uri
    prefixes: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Answer:
    kind: str          # "boolean", "solutions", "triples"
    media_type: str
    body: bytes


# -- reading a query's keywords -------------------------------------------------------------------

_TOKENS = re.compile(r'''
    (?P<skip>\#[^\n]*                                  # a comment
      |"""(?:[^"\\]|\\.|"(?!""))*"""|'\'\'(?:[^'\\]|\\.|'(?!''))*'\'\'   # long strings
      |"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'        # strings
      |<[^<>"{}|^`\\\x00-\x20]*>                       # an IRI
      |[?$]\w+                                         # a variable
      |[A-Za-z_][\w.-]*:[\w.:%-]*|:[\w.:%-]*)          # a prefixed name
    |(?P<word>[A-Za-z]+)
    |(?P<other>.)
''', re.X | re.S)


def keywords(text: str) -> list[str]:
    """The query's keywords, upper-cased, in order: words outside comments, strings, IRIs,
    variables and prefixed names."""
    return [m.group("word").upper() for m in _TOKENS.finditer(text) if m.group("word")]


def calls_service(text: str) -> bool:
    return "SERVICE" in keywords(text)


def names_dataset(text: str) -> bool:
    """Whether the query sets its own dataset (FROM or FROM NAMED)."""
    return "FROM" in keywords(text)


def refuse_service(text: str, how_to_allow: str) -> None:
    """ServiceRefused if the query would make the store call another server."""
    if calls_service(text):
        raise ServiceRefused(
            "the query holds a SERVICE clause, which would send a request from this machine to the "
            "server it names. kg answers from the store alone and sends nothing out. Remove the "
            f"SERVICE clause, or, if you trust the URL, {how_to_allow}.")


# -- the parent side ------------------------------------------------------------------------------


class QueryWorker:
    """One worker process with the store open read-only, answering one query at a time."""

    def __init__(self, folder: str | Path, *, max_memory_mb: int = DEFAULT_MEMORY_MB) -> None:
        self.folder = Path(folder)
        self.max_memory_mb = max_memory_mb
        package_root = str(Path(__file__).resolve().parent.parent)
        paths = [package_root, os.environ.get("PYTHONPATH", "")]
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in paths if p)}
        limit = max_memory_mb << 20
        self.process = subprocess.Popen(
            [sys.executable, "-c", "from kg.query_worker import worker_main; worker_main()", str(self.folder)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
            preexec_fn=lambda: _limit_memory(limit))
        header = self._read_header(time.monotonic() + START_TIMEOUT_S)
        if header is None or header.get("kind") != "ready":
            message = header.get("message") if header else self._stderr_tail()
            self.close()
            raise unreadable_store(self.folder, RuntimeError(message))

    def ask(self, request: QueryRequest, timeout_s: float) -> Answer:
        """The answer to `request`, or QueryTimeout after `timeout_s` seconds (the worker is
        killed), QueryTooLarge (the worker died of its memory limit), BadQuery."""
        deadline = time.monotonic() + timeout_s
        payload = json.dumps({"text": request.text, "results": request.results_format,
                              "graph": request.graph_format, "default": list(request.default_graphs),
                              "named": list(request.named_graphs), "prefixes": request.prefixes}).encode()
        try:
            self.process.stdin.write(_LENGTH.pack(len(payload)) + payload)
            self.process.stdin.flush()
        except (BrokenPipeError, OSError):
            self.close()
            raise StoreError("the query worker stopped before it was given the query; run it again.") from None
        header = self._read_header(deadline)
        if header is None:
            timed_out = self._timed_out(deadline)
            code = self.close()
            if timed_out:
                raise QueryTimeout(
                    f"the query ran longer than {timeout_s:g} s and was stopped. Raise the limit with "
                    f"--timeout {max(60, int(timeout_s * 4))}, or narrow the query (more specific "
                    "patterns, a LIMIT).")
            raise self._died(code)
        kind = header["kind"]
        if kind in ("syntax", "error"):
            raise BadQuery(header["message"]) if kind == "error" else SyntaxProblem(header["message"])
        if kind == "memory":
            self.close()
            raise self._died(None)
        body = self._read_exact(header["length"], deadline)
        if body is None:
            timed_out = self._timed_out(deadline)
            code = self.close()
            if timed_out:
                raise QueryTimeout(f"the answer took longer than {timeout_s:g} s to send and was stopped.")
            raise self._died(code)
        return Answer(kind, header["media_type"], body)

    def _timed_out(self, deadline: float) -> bool:
        """After the answer stopped coming: whether the time ran out (else the worker closed its
        output, and is dying or dead)."""
        if time.monotonic() < deadline:
            try:
                self.process.wait(5)
            except subprocess.TimeoutExpired:
                pass
            return False
        return self.process.poll() is None

    def close(self) -> int | None:
        """Stop the worker (at once: it may be in the middle of a query). Its exit code."""
        if self.process.poll() is None:
            self.process.kill()
        code = self.process.wait()
        for stream in (self.process.stdin, self.process.stdout, self.process.stderr):
            try:
                stream.close()
            except OSError:
                pass
        return code

    def alive(self) -> bool:
        return self.process.poll() is None

    def __enter__(self) -> "QueryWorker":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _died(self, code: int | None) -> KgError:
        if code is None or code == -signal.SIGABRT or "memory" in self._stderr_tail().lower():
            return QueryTooLarge(
                f"the query needed more than {self.max_memory_mb} MB of memory and was stopped. Narrow "
                "it (more specific patterns, a LIMIT, no ORDER BY over a large result), or raise the "
                "limit with --max-memory.")
        return StoreError(f"the query worker stopped without an answer (exit code {code}): {self._stderr_tail()}")

    def _stderr_tail(self) -> str:
        try:
            if self.process.poll() is None:
                return ""
            text = self.process.stderr.read().decode("utf-8", "replace").strip()
        except (OSError, ValueError):
            return ""
        return (text.splitlines() or ["no message"])[-1]

    def _read_header(self, deadline: float) -> dict | None:
        line = bytearray()
        while not line.endswith(b"\n"):
            chunk = self._read_some(1, deadline)
            if not chunk:
                return None
            line += chunk
        return json.loads(line)

    def _read_exact(self, size: int, deadline: float) -> bytes | None:
        parts, got = [], 0
        while got < size:
            chunk = self._read_some(min(size - got, 1 << 20), deadline)
            if not chunk:
                return None
            parts.append(chunk)
            got += len(chunk)
        return b"".join(parts)

    def _read_some(self, size: int, deadline: float) -> bytes:
        fd = self.process.stdout.fileno()
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            return b""
        ready, _, _ = select.select([fd], [], [], remaining)
        return os.read(fd, size) if ready else b""


class SyntaxProblem(BadQuery):
    """A syntax error, its message as Oxigraph gives it ('error at LINE:COLUMN: ...')."""


def _limit_memory(limit: int) -> None:
    import resource

    resource.setrlimit(resource.RLIMIT_DATA, (limit, limit))


# -- the worker side ------------------------------------------------------------------------------


def worker_main() -> None:
    """argv: the store folder. Writes a 'ready' header, then answers length-prefixed JSON requests
    on stdin with a JSON header line and the answer's bytes, until stdin closes."""
    import pyoxigraph as ox

    out = sys.stdout.buffer
    try:
        store = ox.Store.read_only(sys.argv[1])
    except (OSError, RuntimeError) as error:
        _header(out, {"kind": "store-error", "message": str(error)})
        return
    _header(out, {"kind": "ready"})
    source = sys.stdin.buffer
    while True:
        size = source.read(_LENGTH.size)
        if len(size) < _LENGTH.size:
            return
        request = json.loads(source.read(_LENGTH.unpack(size)[0]))
        try:
            header, body = _answer(ox, store, request)
        except MemoryError:
            header, body = {"kind": "memory"}, b""
        _header(out, {**header, "length": len(body)})
        out.write(body)
        out.flush()


def _header(out, header: dict) -> None:
    out.write(json.dumps(header).encode() + b"\n")
    out.flush()


def _answer(ox, store, request: dict) -> tuple[dict, bytes]:
    default = [ox.NamedNode(g) for g in request["default"]] or None
    named = [ox.NamedNode(g) for g in request["named"]] or None
    union = default is None and named is None and not names_dataset(request["text"])
    try:
        answer = store.query(request["text"], prefixes=request["prefixes"] or None, use_default_graph_as_union=union,
                             default_graph=default, named_graphs=named)
        if isinstance(answer, (ox.QueryBoolean, ox.QuerySolutions)):
            fmt = ox.QueryResultsFormat.from_media_type(request["results"])
            kind = "boolean" if isinstance(answer, ox.QueryBoolean) else "solutions"
        else:
            fmt = ox.RdfFormat.from_media_type(request["graph"])
            kind = "triples"
        body = answer.serialize(format=fmt)
    except SyntaxError as error:
        return {"kind": "syntax", "message": str(error)}, b""
    except MemoryError:
        raise
    except Exception as error:  # noqa: BLE001 - reported to the caller
        return {"kind": "error", "message": f"the query failed: {type(error).__name__}: {error}"}, b""
    return {"kind": kind, "media_type": fmt.media_type}, body
