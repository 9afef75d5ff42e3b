"""The store in a SPARQL server: a real Oxigraph server on a free loopback port, built into and
read from as the embedded store is."""
from __future__ import annotations

import shlex
import socket
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg import query as q
from kg.cli.query import parse_params
from kg.errors import KgError, StoreError
from kg.loader import build
from kg.remote import LocalOxigraph, RemoteStore, ServerUnreachable, guess_server
from kg.sparql_text import with_substitutions
from kg.store import article_graphs, open_store
from kg.vocab import PREFIXES

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
PREFIX_LINES = "".join(f"PREFIX {k}: <{v}>\n" for k, v in PREFIXES.items())


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """A read-write Oxigraph server holding the seeds, built into it by the loader."""
    with LocalOxigraph(tmp_path_factory.mktemp("oxigraph") / "db") as running:
        summary = build([SEEDS], running.url)
        assert summary.ok, [str(e) for e in summary.errors]
        yield running


@pytest.fixture()
def fresh_server(tmp_path):
    running = LocalOxigraph(tmp_path / "db").start()
    yield running
    running.stop()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def canonical(quads) -> set:
    dataset = ox.Dataset(quads)
    dataset.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
    return set(dataset)


def named_graph_quads(store) -> list:
    """What a store holds in its named graphs: all but an embedded store's lookup index."""
    return [quad for quad in store if isinstance(quad.graph_name, ox.NamedNode)]


def example_params(named: q.NamedQuery) -> dict[str, str]:
    return parse_params(shlex.split(named.example)[3:], named)


def rows_or_error(store, name: str, params: dict) -> object:
    try:
        return sorted(map(repr, q.run_named(store, name, params).rows))
    except KgError as error:
        return str(error)


def test_the_seeds_built_into_a_server_give_the_same_named_query_rows_as_the_embedded_store(server, seeds_store):
    remote = open_store(server.url)
    embedded = open_store(seeds_store, read_only=True)
    for named in q.list_queries():
        for params in ({}, example_params(named)):
            assert rows_or_error(remote, named.name, params) == rows_or_error(embedded, named.name, params), \
                (named.name, params)


def test_the_server_holds_the_same_quads_as_the_embedded_store(server, seeds_store):
    remote = open_store(server.url, read_only=True)
    embedded = named_graph_quads(open_store(seeds_store, read_only=True))
    assert len(remote) == len(embedded)
    assert canonical(remote) == canonical(embedded)


def test_kg_export_reads_from_the_server(server, seeds_store, tmp_path):
    from click.testing import CliRunner

    import kg.cli.linked_data  # noqa: F401 - registers kg export
    from kg.cli import main

    result = CliRunner().invoke(main, ["export", "--store", server.url, "--format", "nquads",
                                       "-o", str(tmp_path / "out.nq")])
    assert result.exit_code == 0, result.output
    exported = ox.parse(path=str(tmp_path / "out.nq"), format=ox.RdfFormat.N_QUADS)
    assert canonical(exported) == canonical(named_graph_quads(open_store(seeds_store, read_only=True)))


def test_a_server_that_dies_mid_build_is_reported_and_leaves_no_half_written_article(fresh_server):
    def kill_after_first_article(path: str) -> None:
        fresh_server.stop(kill=True)

    summary = build([SEEDS], fresh_server.url, progress=kill_after_first_article)
    assert summary.count("loaded") == 1 and len(summary.errors) == 4
    assert all(isinstance(e, ServerUnreachable) for e in summary.errors)
    assert f"the SPARQL server at {fresh_server.url} cannot be reached" in str(summary.errors[0])
    fresh_server.start()
    store = open_store(fresh_server.url)
    graphs = article_graphs(store)
    assert len(graphs) == 1
    complete = store.query(
        PREFIX_LINES + "ASK { GRAPH ?g { ?a a ctkg:Article ; ctkg:contentHash ?h . "
                       "?s a ctkg:Sentence ; ctkg:inArticle ?a . ?f a ctkg:Assertion } }",
        substitutions={ox.Variable("g"): ox.NamedNode(graphs[0])})
    assert bool(complete)
    again = build([SEEDS], fresh_server.url)
    assert again.ok and again.count("unchanged") == 1 and again.count("loaded") == 4


def test_an_update_cut_off_mid_request_changes_nothing(fresh_server):
    graph = "https://example.org/graph/cut"
    body = (f"DROP SILENT GRAPH <{graph}> ; INSERT DATA {{ GRAPH <{graph}> {{ "
            "<https://example.org/a> <https://example.org/p> <https://example.org/b> . "
            "<https://example.org/a> <https://example.org/p> <https://example.org/c> . } }").encode()
    with socket.create_connection(("127.0.0.1", fresh_server.port)) as raw:
        raw.sendall(b"POST /update HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/sparql-update\r\n"
                    b"Content-Length: %d\r\n\r\n" % len(body) + body[: len(body) // 2])
    store = open_store(fresh_server.url)
    assert not bool(store.query(f"ASK {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"))
    store.update(body.decode())
    assert len(list(store.quads_for_pattern(None, None, None, ox.NamedNode(graph)))) == 2


def test_an_unreachable_server_is_reported_with_its_url_and_what_to_do():
    port = free_port()   # nothing listens there
    with pytest.raises(ServerUnreachable, match=rf"(?s)http://127.0.0.1:{port} cannot be reached .*Check that it is running"):
        open_store(f"http://127.0.0.1:{port}")


def test_a_read_only_server_refuses_writes_with_a_clear_message(seeds_store):
    from kg.serve import start_server

    with start_server(seeds_store, "127.0.0.1", free_port()) as served:
        store = RemoteStore(served.home)
        assert len(store) > 0
        with pytest.raises(StoreError, match="(?s)refused the update .*read-only"):
            store.update("INSERT DATA { <https://example.org/a> <https://example.org/p> <https://example.org/b> }")


def test_a_password_in_the_url_never_shows_in_messages():
    port = free_port()
    with pytest.raises(StoreError) as raised:
        open_store(f"http://analyst:s3cret@127.0.0.1:{port}")
    assert "s3cret" not in str(raised.value) and f"127.0.0.1:{port}" in str(raised.value)


def test_a_bound_literal_cannot_break_out_of_the_query(server):
    store = open_store(server.url)
    hostile = ox.Literal('x" } } ; DROP ALL ; SELECT * WHERE { ?s ?p "')
    rows = list(store.query("SELECT ?s WHERE { ?s <http://www.w3.org/2004/02/skos/core#prefLabel> ?label }",
                            use_default_graph_as_union=True, substitutions={ox.Variable("label"): hostile}))
    assert rows == []
    assert len(article_graphs(store)) == 5


def test_values_are_bound_at_the_start_of_the_where_group():
    query = ('PREFIX ex: <https://example.org/WHERE/>\n# WHERE { in a comment\n'
             'SELECT ?x WHERE { ?x ex:label "a } WHERE {" } ORDER BY ?x')
    bound = with_substitutions(query, {ox.Variable("x"): ox.NamedNode("https://example.org/x")})
    assert bound.endswith('SELECT ?x WHERE { VALUES (?x) { (<https://example.org/x>) }  ?x ex:label "a } WHERE {" } '
                          "ORDER BY ?x")


def test_values_in_a_construct_query_go_into_its_where_group_not_its_template():
    query = "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"
    bound = with_substitutions(query, {ox.Variable("g"): ox.NamedNode("https://example.org/g")})
    assert bound.startswith("CONSTRUCT { ?s ?p ?o } WHERE { VALUES (?g) { (<https://example.org/g>) } ")


@pytest.mark.parametrize("url, kind, base", [
    ("http://localhost:7878", "oxigraph", "http://localhost:7878"),
    ("http://localhost:7878/query", "oxigraph", "http://localhost:7878"),
    ("http://localhost:3030/ctkg", "fuseki", "http://localhost:3030/ctkg"),
    ("http://localhost:7200/repositories/ctkg", "graphdb", "http://localhost:7200/repositories/ctkg"),
    ("http://localhost:8890/sparql", "sparql", "http://localhost:8890/sparql"),
    ("https://db.cluster.neptune.amazonaws.com:8182/sparql", "sparql",
     "https://db.cluster.neptune.amazonaws.com:8182/sparql"),
])
def test_the_kind_of_server_is_told_from_the_url(url, kind, base, monkeypatch):
    monkeypatch.delenv("KG_STORE_SERVER", raising=False)
    profile, found_base = guess_server(url)
    assert (profile.name, found_base) == (kind, base)


def test_kg_store_server_overrides_the_guess(monkeypatch):
    monkeypatch.setenv("KG_STORE_SERVER", "graphdb")
    assert guess_server("http://localhost:7878")[0].name == "graphdb"
    monkeypatch.setenv("KG_STORE_SERVER", "blazegraph")
    with pytest.raises(StoreError, match="KG_STORE_SERVER='blazegraph' is not a known kind of server"):
        guess_server("http://localhost:7878")
