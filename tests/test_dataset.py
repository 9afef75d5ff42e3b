"""What SPARQL sees is exactly the data: the union of the exported graphs, no lookup index, and
the dataset a query's FROM / FROM NAMED clauses name, as SPARQL 1.1 says."""
from __future__ import annotations

import io
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kg import query as q
from kg.cli import main
from kg.export import export
from kg.store import open_store
from kg.vocab import G_REFERENCE

REFERENCE = ox.NamedNode(str(G_REFERENCE))


def exported_quads(store_dir: Path, selection: str = "all") -> list[ox.Quad]:
    out = io.BytesIO()
    export(open_store(store_dir, read_only=True), out, "nquads", selection)
    return list(ox.parse(out.getvalue(), format=ox.RdfFormat.N_QUADS))


def count(store_dir: Path, text: str) -> int:
    result = q.run_sparql(store_dir, text)
    return int(result.terms[0][0].value)


def test_count_over_the_union_equals_the_distinct_triples_of_the_exported_graphs(seeds_store):
    quads = exported_quads(seeds_store)
    per_graph = {(quad.graph_name, quad.triple) for quad in quads}
    assert count(seeds_store, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }") == len(per_graph) == len(quads)


def test_no_label_key_is_seen_by_a_query(seeds_store):
    assert count(seeds_store, "SELECT (COUNT(*) AS ?n) WHERE { ?s ctkg:labelKey ?o }") == 0


def test_from_a_named_graph_makes_it_the_default_graph(seeds_store):
    reference = {quad.triple for quad in exported_quads(seeds_store, "reference")}
    text = f"SELECT (COUNT(*) AS ?n) FROM {REFERENCE} WHERE {{ ?s ?p ?o }}"
    assert count(seeds_store, text) == len(reference) < count(seeds_store, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")


def test_from_named_alone_leaves_an_empty_default_graph_and_only_that_graph_named(seeds_store):
    graphs = q.run_sparql(seeds_store, f"SELECT DISTINCT ?g FROM NAMED {REFERENCE} WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}")
    assert [row[0] for row in graphs.terms] == [REFERENCE]
    assert count(seeds_store, f"SELECT (COUNT(*) AS ?n) FROM NAMED {REFERENCE} WHERE {{ ?s ?p ?o }}") == 0


def test_without_a_dataset_clause_every_named_graph_is_named(seeds_store):
    graphs = q.run_sparql(seeds_store, "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert int(graphs.terms[0][0].value) == len(list(open_store(seeds_store, read_only=True).named_graphs()))


@pytest.mark.parametrize("text", [
    'SELECT ?s WHERE { ?s ?p "FROM <http://x>" }',
    "SELECT ?s WHERE { ?s ?p ?o } # FROM <http://x>",
    "PREFIX from: <http://x/> SELECT ?s WHERE { ?s from:FROM ?o }",
    "SELECT ?s WHERE { ?s <http://x/FROM> ?o }",
])
def test_the_word_from_outside_a_dataset_clause_is_not_one(text):
    assert not q.names_dataset(text)


@pytest.mark.parametrize("text", [
    "SELECT * FROM <http://x> WHERE { ?s ?p ?o }",
    "select * from named <http://x> where { graph ?g { ?s ?p ?o } }",
    "PREFIX g: <http://x/> SELECT * FROM g:one WHERE { ?s ?p ?o }",
])
def test_a_dataset_clause_is_found(text):
    assert q.names_dataset(text)


def test_kg_sparql_honours_from_on_the_command_line(seeds_store):
    reference = {quad.triple for quad in exported_quads(seeds_store, "reference")}
    result = CliRunner().invoke(main, ["sparql", "--store", str(seeds_store), "--format", "csv",
                                       f"SELECT (COUNT(*) AS ?n) FROM {REFERENCE} WHERE {{ ?s ?p ?o }}"])
    assert result.exit_code == 0, result.output
    assert result.stdout.split() == ["n", str(len(reference))]
