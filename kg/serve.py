"""Serve the store as a read-only SPARQL endpoint with the Oxigraph server.

The server is the `oxigraph` program of the `oxigraph` package (installed beside Python),
run as `oxigraph serve-read-only --union-default-graph`, so that queries see the union of the
named graphs, and updates are answered 403. It opens the store read-only: do not run
`kg build` on a store while it is served (Oxigraph: reading a store that another process
writes is undefined behaviour).
"""
from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from kg.errors import StoreError

START_TIMEOUT_S = 30.0


class ServerHandle:
    """A running Oxigraph server: `.url` is its SPARQL query endpoint. Stop it with `.stop()`,
    or use it as a context manager."""

    def __init__(self, process: subprocess.Popen, host: str, port: int, log) -> None:
        self.process = process
        self.host = host
        self.port = port
        self._log = log

    @property
    def home(self) -> str:
        """The server's web page (a query editor)."""
        return f"http://{_url_host(self.host)}:{self.port}/"

    @property
    def url(self) -> str:
        """The SPARQL query endpoint."""
        return self.home + "query"

    def running(self) -> bool:
        return self.process.poll() is None

    def wait(self) -> None:
        """Block until the server stops; StoreError if it stops by itself with an error."""
        code = self.process.wait()
        if code not in (0, -signal.SIGINT, -signal.SIGTERM, 130):
            raise StoreError(f"the Oxigraph server stopped with exit code {code}: {self.log_text()}")

    def stop(self, grace_s: float = 5.0) -> None:
        """Stop the server as Ctrl-C would, then harder if it does not stop within grace_s."""
        for send in (lambda: self.process.send_signal(signal.SIGINT), self.process.terminate, self.process.kill):
            if self.process.poll() is not None:
                break
            send()
            try:
                self.process.wait(grace_s)
            except subprocess.TimeoutExpired:
                continue
        self._log.close()

    def log_text(self) -> str:
        self._log.seek(0)
        return self._log.read().decode("utf-8", "replace").strip()

    def __enter__(self) -> "ServerHandle":
        return self

    def __exit__(self, *exc) -> None:
        self.stop()


def find_oxigraph() -> str:
    """The path of the `oxigraph` program: beside this Python first, then on PATH."""
    beside = Path(sys.executable).parent
    found = shutil.which("oxigraph", path=str(beside)) or shutil.which("oxigraph")
    if not found:
        raise StoreError(
            "the Oxigraph server program `oxigraph` is not installed. "
            "Install it into this environment with: python -m pip install oxigraph"
        )
    return found


def start_server(
    store_dir: str | os.PathLike, host: str = "127.0.0.1", port: int = 7878, timeout: int = 30
) -> ServerHandle:
    """Start `oxigraph serve-read-only` on the store and return once its port answers.

    `timeout` is the per-query time limit, in whole seconds. StoreError if there is no store,
    the program is missing, the port is taken, or the server does not come up."""
    if str(store_dir).lower().startswith(("http://", "https://")):
        raise StoreError(
            f"'{store_dir}' is already a SPARQL endpoint; kg serve serves a store folder. "
            "Point --store (or KG_STORE) at the folder kg build wrote."
        )
    folder = Path(store_dir)
    if not (folder / "CURRENT").is_file():
        raise StoreError(
            f"no store at '{store_dir}'. Build one with `kg build seeds/`, "
            "or point --store (or KG_STORE) at an existing store folder."
        )
    binary = find_oxigraph()
    _check_port_free(host, port)
    command = [
        binary, "serve-read-only", "--location", str(folder), "--bind", f"{_url_host(host)}:{port}",
        "--union-default-graph", "--timeout-s", str(max(1, int(timeout))),
    ]
    log = tempfile.TemporaryFile()
    process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT)
    handle = ServerHandle(process, host, port, log)
    try:
        _wait_until_listening(handle)
    except BaseException:
        handle.stop()
        raise
    return handle


def _url_host(host: str) -> str:
    return f"[{host}]" if ":" in host and not host.startswith("[") else host


def _check_port_free(host: str, port: int) -> None:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        # As the server will (Rust sets SO_REUSEADDR): a port a stopped server left in
        # TIME_WAIT is free, a port another program listens on is not.
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host.strip("[]"), port))
        except OSError as error:
            raise StoreError(
                f"cannot listen on {host}:{port} ({error.strerror}): another server may be using "
                f"the port. Choose another with --port, e.g. --port {port + 1}."
            ) from error


def _wait_until_listening(handle: ServerHandle) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    target = "127.0.0.1" if handle.host in ("0.0.0.0", "") else handle.host.strip("[]")
    if target == "::":
        target = "::1"
    while time.monotonic() < deadline:
        if not handle.running():
            raise StoreError(f"the Oxigraph server stopped at start: {handle.log_text() or 'no message'}")
        try:
            with socket.create_connection((target, handle.port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.05)
    raise StoreError(
        f"the Oxigraph server did not answer on {handle.host}:{handle.port} within "
        f"{START_TIMEOUT_S:g} s. Its messages: {handle.log_text() or 'none'}"
    )
