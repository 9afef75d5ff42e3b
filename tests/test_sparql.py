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
