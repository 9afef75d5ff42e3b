"""`kg serve`: the read-only SPARQL endpoint on a free loopback port, its workers real processes."""
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
    workers = list(server.server.pool.all)
    server.stop()
    assert not server.running() and not any(w.alive() for w in workers)
    assert port_is_free(port)


def test_a_taken_port_is_reported_with_what_to_do(store_dir):
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        port = holder.getsockname()[1]
        with pytest.raises(StoreError, match=rf"cannot listen on 127\.0\.0\.1:{port}.*--port {port + 1}"):
            start_server(store_dir, "127.0.0.1", port, 10)


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


# -- every query ends, no outbound request, the dataset as SPARQL says, browsers (issues 15, 16) --


def http(url: str, query: str | None = None, *, headers: dict | None = None, method: str = "GET",
         params: dict | None = None, timeout: float = 30) -> tuple[int, dict, bytes]:
    """(status, headers, body) of one request, an error status included."""
    fields = dict(params or {})
    if query is not None:
        fields["query"] = query
    target = url + ("?" + urllib.parse.urlencode(fields, doseq=True) if fields else "")
    request = urllib.request.Request(target, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as answer:
            return answer.status, dict(answer.headers), answer.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def test_a_query_past_the_timeout_gets_503_in_time_and_its_worker_is_stopped(store_dir):
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }"
    with start_server(store_dir, "127.0.0.1", free_port(), 2, workers=1) as server:
        worker = server.server.pool.all[0]
        started = time.monotonic()
        status, _, body = http(server.url, slow)
        assert status == 503 and b"ran longer than the server's limit of 2 s" in body
        assert time.monotonic() - started < 2 + 3
        assert not worker.alive()                               # its CPU and memory are freed
        assert http(server.url, "ASK { ?s ?p ?o }", timeout=60)[0] == 200   # a fresh worker answers


def test_a_long_streamed_result_is_503_never_a_cut_200(store_dir):
    many = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    with start_server(store_dir, "127.0.0.1", free_port(), 1, workers=1) as server:
        status, _, _ = http(server.url, many)
        assert status == 503


def test_a_query_past_the_memory_limit_gets_503_saying_so(store_dir):
    sort = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?a ?c ?f ?i ?g"
    with start_server(store_dir, "127.0.0.1", free_port(), 60, workers=1, max_memory_mb=200) as server:
        status, _, body = http(server.url, sort)
        assert status == 503 and b"needed more than 200 MB of memory" in body


def test_service_is_refused_with_403_and_nothing_connects(store_dir):
    from tests.test_sparql import Listener, service_query

    listener = Listener()
    try:
        with start_server(store_dir, "127.0.0.1", free_port(), 10, workers=1) as server:
            status, _, body = http(server.url, service_query(listener.port))
            assert status == 403 and b"SERVICE" in body
    finally:
        assert listener.close() == 0


def test_from_and_from_named_and_the_protocols_graphs_set_the_dataset(store_dir):
    store = ox.Store.read_only(str(store_dir))
    graph = sorted(g.value for g in store.named_graphs())[0]
    in_graph = str(len(list(store.quads_for_pattern(None, None, None, ox.NamedNode(graph)))))
    count = "SELECT (COUNT(*) AS ?n) {} WHERE {{ ?s ?p ?o }}"
    with start_server(store_dir, "127.0.0.1", free_port(), 10, workers=1) as server:
        assert http_rows(server.url, count.format(f"FROM <{graph}>")) == {(in_graph,)}
        assert http_rows(server.url, count.format(f"FROM NAMED <{graph}>")) == {("0",)}   # an empty default graph
        named = f"SELECT DISTINCT ?g FROM NAMED <{graph}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}"
        assert http_rows(server.url, named) == {(graph,)}
        status, _, body = http(server.url, count.format(""), params={"default-graph-uri": graph},
                               headers={"Accept": "text/csv"})
        assert status == 200 and body.decode().split() == ["n", in_graph]
        assert http_rows(server.url, count.format("")) != {(in_graph,)}                   # the union otherwise


def test_cors_answers_only_the_origins_given(store_dir):
    with start_server(store_dir, "127.0.0.1", free_port(), 10, workers=1, cors=("http://app.example",)) as server:
        _, allowed, _ = http(server.url, "ASK {}", headers={"Origin": "http://app.example"})
        _, other, _ = http(server.url, "ASK {}", headers={"Origin": "http://elsewhere.example"})
        status, preflight, _ = http(server.url, headers={"Origin": "http://app.example"}, method="OPTIONS")
    assert allowed.get("Access-Control-Allow-Origin") == "http://app.example"
    assert "Access-Control-Allow-Origin" not in other
    assert status == 204 and "POST" in preflight["Access-Control-Allow-Methods"]


def test_without_cors_no_origin_is_allowed_and_a_foreign_host_header_is_refused(store_dir):
    with start_server(store_dir, "127.0.0.1", free_port(), 10, workers=1) as server:
        _, headers, _ = http(server.url, "ASK {}", headers={"Origin": "http://app.example"})
        status, _, _ = http(server.url, "ASK {}", headers={"Host": "attacker.example"})
    assert "Access-Control-Allow-Origin" not in headers
    assert status == 403


def test_kg_build_warns_when_the_store_is_being_served(store_dir, tmp_path):
    from click.testing import CliRunner

    from kg.cli import main

    with start_server(store_dir, "127.0.0.1", free_port(), 10, workers=1):
        result = CliRunner().invoke(main, ["build", str(tmp_path / "none"), "--store", str(store_dir), "--no-reason"])
    assert "is being served (kg serve" in result.output
