"""`kg serve`: the real Oxigraph server, read-only, on a free loopback port."""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pyoxigraph as ox
import pytest
from SPARQLWrapper import JSON, POST, SPARQLWrapper

from kg import query as q
from kg.store import open_store
from kg.errors import StoreError
from kg.serve import start_server

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = Path(__file__).resolve().parent / "fixtures" / "query-graph.trig"


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("serve") / "store"
    writer = ox.Store(str(folder))
    writer.load(path=str(FIXTURE), format=ox.RdfFormat.TRIG)
    writer.flush()
    del writer
    return folder


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def port_is_free(port: int) -> bool:
    """Whether a new server could listen on the port (a closed connection's TIME_WAIT aside)."""
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


def http_rows(url: str, text: str) -> set[tuple]:
    client = SPARQLWrapper(url)
    client.setQuery(text)
    client.setReturnFormat(JSON)
    answer = client.queryAndConvert()
    columns = answer["head"]["vars"]
    return {tuple(row.get(c, {}).get("value") for c in columns) for row in answer["results"]["bindings"]}


def test_the_endpoint_answers_a_named_query_with_the_rows_run_named_gives(store_dir):
    expected = q.run_named(open_store(store_dir, read_only=True), "delegations", {"state": "India"}, iris=True)
    india = ox.NamedNode("https://w3id.org/ctkg/id/state/india")
    text = q.bind_values(q.with_prefixes(q.get_query("delegations").text), {"state": [india]})
    with start_server(store_dir, "127.0.0.1", free_port(), 10) as server:
        assert server.url.endswith("/query")
        assert http_rows(server.url, text) == set(expected.rows)


def test_the_endpoint_refuses_an_update_and_the_store_is_unchanged(store_dir):
    before = len(ox.Store.read_only(str(store_dir)))
    with start_server(store_dir, "127.0.0.1", free_port(), 10) as server:
        client = SPARQLWrapper(server.home + "update")
        client.setMethod(POST)
        client.setQuery("DROP ALL")
        with pytest.raises(Exception) as caught:
            client.query()
        assert "403" in str(caught.value) or "read-only" in str(caught.value)
    assert len(ox.Store.read_only(str(store_dir))) == before


def test_stopping_the_server_ends_the_process_and_frees_the_port(store_dir):
    port = free_port()
    server = start_server(store_dir, "127.0.0.1", port, 10)
    assert not port_is_free(port)
    server.stop()
    assert server.process.poll() is not None
    assert port_is_free(port)


def test_a_taken_port_is_reported_with_what_to_do(store_dir):
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        port = holder.getsockname()[1]
        with pytest.raises(StoreError, match=rf"cannot listen on 127\.0\.0\.1:{port}.*--port {port + 1}"):
            start_server(store_dir, "127.0.0.1", port, 10)


def test_a_missing_oxigraph_program_is_reported_with_how_to_install_it(store_dir, tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "executable", str(tmp_path / "python"))
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(StoreError, match="`oxigraph` is not installed.*pip install oxigraph"):
        start_server(store_dir, "127.0.0.1", free_port(), 10)


def test_serving_a_folder_without_a_store_says_how_to_build_one(tmp_path):
    with pytest.raises(StoreError, match="no store at .*kg build"):
        start_server(tmp_path, "127.0.0.1", free_port(), 10)


def as_in_a_terminal() -> None:
    """Ctrl-C reaches a command run at a terminal. A test run started in the background by a
    shell without job control inherits SIGINT ignored, and so would `kg serve` (as a shell
    wants for background jobs), which the ctrl-c case would then wait for in vain."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.mark.parametrize("stop_signal", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "kill"])
def test_kg_serve_prints_the_url_and_stops_the_server_on_ctrl_c_or_kill(store_dir, stop_signal):
    port = free_port()
    command = [sys.executable, "-m", "kg.cli", "serve", "--store", str(store_dir), "--port", str(port)]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
                               preexec_fn=as_in_a_terminal)
    try:
        url = process.stdout.readline().strip()
        assert url == f"http://127.0.0.1:{port}/query"
        ask = url + "?" + urllib.parse.urlencode({"query": "ASK { ?s ?p ?o }"})
        with urllib.request.urlopen(ask, timeout=10) as answer:
            assert answer.status == 200
        process.send_signal(stop_signal)
        assert process.wait(timeout=20) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    deadline = time.monotonic() + 5
    while not port_is_free(port) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert port_is_free(port)
