"""Free SPARQL: kg.query.run_sparql and `kg sparql`, on a small store in the design.md layout.

Each query runs in a worker process that opens the store read-only (about a second each), so
this file keeps to one test per behaviour.
"""
from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import SKOS

from kg import query as q
from kg.cli import main
from kg.errors import BadQuery, QueryTimeout, StoreError

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "query-graph.trig"
INDIA = "https://w3id.org/ctkg/id/state/india"


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("sparql") / "store"
    writer = ox.Store(str(folder))
    writer.load(path=str(FIXTURE), format=ox.RdfFormat.TRIG)
    writer.flush()
    del writer
    return folder


def quad_count(store_dir: Path) -> int:
    return len(ox.Store.read_only(str(store_dir)))


def test_select_sees_the_union_of_the_graphs_with_the_prefixes_predeclared(store_dir):
    result = q.run_sparql(store_dir, "SELECT ?state WHERE { ?state a ctkg:State ; skos:altLabel 'US' }", timeout_s=30)
    assert result.columns == ("state",)
    assert result.rows == (("https://w3id.org/ctkg/id/state/united-states",),)


def test_ask_returns_a_boolean(store_dir):
    assert q.run_sparql(store_dir, "ASK { ?attack a ctkg:Attack ; ctkg:killed 166 }", timeout_s=30) is True


def test_construct_returns_an_rdflib_graph_without_repeats(store_dir):
    graph = q.run_sparql(
        store_dir, "CONSTRUCT { ?s skos:prefLabel ?l } WHERE { ?s a ctkg:Person ; skos:prefLabel ?l }", timeout_s=30
    )
    assert isinstance(graph, Graph)
    assert (URIRef("https://w3id.org/ctkg/id/person/ajay-bhalla"), SKOS.prefLabel, Literal("Ajay Bhalla")) in graph
    assert len(graph) == 4  # Ajay Bhalla is in two article graphs, but once in the graph


def test_a_syntax_error_names_its_line_and_column_and_shows_the_line(store_dir):
    text = "SELECT ?s WHERE {\n  ?s a ctkg:State ;\n     skos:prefLabel ?l\n  FILTER(?l = ) }"
    with pytest.raises(BadQuery) as caught:
        q.run_sparql(store_dir, text, timeout_s=30)
    message = str(caught.value)
    assert message.startswith("the query has a syntax error at line 4, column ")
    assert "  FILTER(?l = ) }" in message


def test_an_undeclared_prefix_is_named_as_the_problem():
    pyoxigraph_says = "error at 1:29: expected one of Prefix not found, ['%']"
    message = q.explain_syntax_error("SELECT * WHERE { ?s foo:bar ?o }", pyoxigraph_says)
    assert "line 1, column 29: a prefix is not declared" in message and "Declare it with a PREFIX line" in message


@pytest.mark.parametrize("update", [
    "INSERT DATA { <http://x/a> <http://x/b> <http://x/c> }",
    "PREFIX x: <http://x/>\n# drop it all\nDROP ALL",
    "delete where { ?s ?p ?o }",
])
def test_an_update_is_refused_and_changes_nothing(store_dir, update):
    before = quad_count(store_dir)
    with pytest.raises(BadQuery, match="is a SPARQL update, and kg sparql only reads"):
        q.run_sparql(store_dir, update, timeout_s=30)
    assert quad_count(store_dir) == before


def test_a_query_running_past_the_timeout_is_stopped(store_dir):
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    with pytest.raises(QueryTimeout, match=r"ran longer than 0\.2 s and was stopped\. Raise the limit with --timeout "):
        q.run_sparql(store_dir, slow, timeout_s=0.2)


def test_a_missing_store_is_reported(tmp_path):
    with pytest.raises(StoreError, match="no store at"):
        q.run_sparql(tmp_path / "nowhere", "ASK {}", timeout_s=30)


# -- kg sparql ----------------------------------------------------------------------------------


def kg(*args):
    return CliRunner().invoke(main, list(args))


def test_kg_sparql_reads_the_query_from_a_file_and_prints_json_results(store_dir, tmp_path):
    path = tmp_path / "india.rq"
    path.write_text("SELECT ?label WHERE { ?s a ctkg:State ; skos:prefLabel ?label FILTER(?label = 'India') }")
    result = kg("sparql", str(path), "--store", str(store_dir), "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == {
        "head": {"vars": ["label"]},
        "results": {"bindings": [{"label": {"type": "literal", "value": "India"}}]},
    }


def test_kg_sparql_prints_an_ask_answer(store_dir):
    result = kg("sparql", "ASK { ?s skos:prefLabel 'Atlantis' }", "--store", str(store_dir))
    assert (result.exit_code, result.stdout) == (0, "false\n")


def test_kg_sparql_shows_a_syntax_error_without_a_traceback(store_dir):
    result = kg("sparql", "SELECT ?s WHERE { ?s ?p }", "--store", str(store_dir))
    assert result.exit_code == 2
    assert "syntax error at line 1, column" in result.output and "Traceback" not in result.output


# -- no outbound request, every query ends, memory bounded (issue 15, points 4 and 5) -----------


class Listener:
    """A TCP listener on a free loopback port that records whether anything connected."""

    def __init__(self) -> None:
        import socket
        import threading

        self.socket = socket.socket()
        self.socket.bind(("127.0.0.1", 0))
        self.socket.listen()
        self.socket.settimeout(0.2)
        self.port = self.socket.getsockname()[1]
        self.connections = 0
        self.stopping = False
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self) -> None:
        while not self.stopping:
            try:
                connection, _ = self.socket.accept()
            except OSError:
                continue
            self.connections += 1
            connection.close()

    def close(self) -> int:
        self.stopping = True
        self.thread.join()
        self.socket.close()
        return self.connections


def service_query(port: int) -> str:
    return f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}"


def test_a_service_clause_is_refused_and_nothing_connects(store_dir):
    listener = Listener()
    try:
        with pytest.raises(BadQuery, match="holds a SERVICE clause.*sends nothing out.*--allow-service"):
            q.run_sparql(store_dir, service_query(listener.port), timeout_s=10)
    finally:
        assert listener.close() == 0


def test_service_in_lower_case_after_a_comment_and_a_string_is_refused_too(store_dir):
    text = "# SERVICE in a comment\nSELECT * WHERE { ?s ?p 'SERVICE' . service <http://127.0.0.1:9/> { ?s ?p ?o } }"
    with pytest.raises(BadQuery, match="holds a SERVICE clause"):
        q.run_sparql(store_dir, text, timeout_s=10)


def test_the_word_service_in_strings_iris_and_names_is_not_a_service_clause():
    from kg.query_worker import calls_service

    assert not calls_service("SELECT ?service WHERE { ?s <http://x/SERVICE> 'SERVICE' ; ex:service \"\"\"SERVICE\"\"\" }")


def test_with_allow_service_the_call_is_made(store_dir):
    listener = Listener()
    try:
        with pytest.raises(BadQuery):   # the listener answers nothing SPARQL can read
            q.run_sparql(store_dir, service_query(listener.port), timeout_s=10, allow_service=True)
    finally:
        assert listener.close() >= 1


def test_from_names_the_default_graph_as_sparql_says(store_dir):
    graph = sorted(g.value for g in ox.Store.read_only(str(store_dir)).named_graphs())[0]
    in_graph = len(list(ox.Store.read_only(str(store_dir)).quads_for_pattern(None, None, None, ox.NamedNode(graph))))
    result = q.run_sparql(store_dir, f"SELECT (COUNT(*) AS ?n) FROM <{graph}> WHERE {{ ?s ?p ?o }}", timeout_s=30)
    assert int(result.rows[0][0]) == in_graph < quad_count(store_dir)
    named = q.run_sparql(store_dir, f"SELECT DISTINCT ?g FROM NAMED <{graph}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}",
                         timeout_s=30)
    assert named.rows == ((graph,),)


def test_a_query_ends_by_its_timeout_plus_a_few_seconds(store_dir):
    import time

    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }"
    started = time.monotonic()
    with pytest.raises(QueryTimeout):
        q.run_sparql(store_dir, slow, timeout_s=2)
    assert time.monotonic() - started < 2 + 3


def test_a_query_past_its_memory_limit_is_stopped_with_a_clear_message(store_dir):
    from kg.query_worker import QueryTooLarge

    sort = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?a ?c ?f ?i ?g"
    with pytest.raises(QueryTooLarge, match="needed more than 200 MB of memory and was stopped.*--max-memory"):
        q.run_sparql(store_dir, sort, timeout_s=60, max_memory_mb=200)


def test_kg_sparql_refuses_service_and_says_how_to_allow_it(store_dir):
    result = kg("sparql", service_query(9), "--store", str(store_dir))
    assert result.exit_code == 2 and "--allow-service" in result.output
