"""kg import: round trips for every format, validation per graph, malformed and unsafe files."""
from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.export import FORMATS, UnknownFormat, export
from kg.importer import IMPORT_GRAPH_PREFIX, MalformedRdf, MissingFile, UnsafeXml, import_file
from kg.store import open_store, quarantined
from kg.vocab import ARTICLE_GRAPH_PREFIX

SUFFIX = {"turtle": "ttl", "ntriples": "nt", "nquads": "nq", "trig": "trig", "jsonld": "jsonld", "xml": "rdf"}
RDF_XML_HEAD = '<?xml version="1.0"?>\n'
RDF_XML_BODY = """<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about="https://example.org/a"><rdf:value>{value}</rdf:value></rdf:Description>
</rdf:RDF>
"""


@pytest.fixture(scope="module")
def seeds(seeds_store):
    return open_store(seeds_store, read_only=True)


def canonical(quads) -> set:
    dataset = ox.Dataset(quads)
    dataset.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
    return set(dataset)


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("fmt", [f for f in FORMATS if FORMATS[f].supports_datasets])
def test_a_dataset_export_reimports_into_a_fresh_store_with_isomorphic_graphs(seeds, fmt, tmp_path):
    path = tmp_path / f"seeds.{SUFFIX[fmt]}"
    export(seeds, path, fmt, "all")
    fresh = open_store(tmp_path / "fresh")
    assert import_file(fresh, path).ok
    assert canonical(fresh) == canonical(seeds)


@pytest.mark.parametrize("fmt", [f for f in FORMATS if not FORMATS[f].supports_datasets])
def test_an_article_graph_exported_as_triples_reimports_into_a_fresh_store_isomorphic(seeds, fmt, tmp_path):
    graph = sorted(g.value for g in seeds.named_graphs() if g.value.startswith(ARTICLE_GRAPH_PREFIX))[0]
    path = tmp_path / f"article.{SUFFIX[fmt]}"
    export(seeds, path, fmt, graph)
    fresh = open_store(tmp_path / "fresh")
    assert import_file(fresh, path, into=graph).ok
    imported = fresh.quads_for_pattern(None, None, None, ox.NamedNode(graph))
    assert canonical(imported) == canonical(seeds.quads_for_pattern(None, None, None, ox.NamedNode(graph)))


def test_triples_go_into_a_graph_named_for_the_file(tmp_path):
    path = write(tmp_path, "their-data.ttl", "<https://example.org/a> <https://example.org/p> <https://example.org/b> .\n")
    summary = import_file(open_store(tmp_path / "store"), path)
    assert [o.graph for o in summary.outcomes] == [IMPORT_GRAPH_PREFIX + "their-data"]


def test_a_graph_that_fails_the_shapes_is_kept_aside_with_its_report_and_the_store_keeps_its_own(tmp_path):
    store = open_store(tmp_path / "store")
    store.update(f"INSERT DATA {{ GRAPH <{IMPORT_GRAPH_PREFIX}theirs> {{ <https://example.org/old> "
                 "<https://example.org/p> <https://example.org/b> } }")
    bad = write(tmp_path, "bad.ttl", """@prefix ctkg: <https://w3id.org/ctkg/ontology#> .
        <https://example.org/somewhere> a ctkg:Place .""")
    summary = import_file(store, bad, into=IMPORT_GRAPH_PREFIX + "theirs")
    assert [o.status for o in summary.outcomes] == ["kept aside"] and not summary.ok
    assert "SHACL violation" in summary.outcomes[0].message
    kept = quarantined(store)
    assert kept == [summary.outcomes[0].kept_in]
    assert bool(store.query(f"ASK {{ GRAPH <{kept[0]}> {{ ?r a <http://www.w3.org/ns/shacl#ValidationReport> }} }}"))
    still = store.quads_for_pattern(None, None, None, ox.NamedNode(IMPORT_GRAPH_PREFIX + "theirs"))
    assert [q.subject.value for q in still] == ["https://example.org/old"]


def test_a_malformed_file_is_reported_with_its_line_and_nothing_of_it_enters(tmp_path):
    path = write(tmp_path, "broken.ttl", '@prefix ex: <https://example.org/> .\nex:a ex:p ex:b .\n'
                                         'ex:c ex:p ex:d ;\n    ex:q ex:e ex:f .\nex:g ex:p ex:h .\n')
    store = open_store(tmp_path / "store")
    with pytest.raises(MalformedRdf, match=r"broken.ttl: not valid Turtle at line 4, column \d+: .*\n"
                                           r"  Nothing was imported"):
        import_file(store, path)
    assert len(store) == 0


def test_malformed_rdf_xml_is_reported_with_the_line_where_it_breaks(tmp_path):
    path = write(tmp_path, "broken.rdf", RDF_XML_HEAD + RDF_XML_BODY.format(value="<open>text"))
    with pytest.raises(MalformedRdf, match=r"broken.rdf: not valid RDF/XML at line 3, column \d+: mismatched tag"):
        import_file(open_store(tmp_path / "store"), path)


def test_rdf_xml_with_an_external_entity_is_refused_unread(tmp_path):
    secret = write(tmp_path, "secret.txt", "the secret")
    path = write(tmp_path, "xxe.rdf", RDF_XML_HEAD + f'<!DOCTYPE rdf:RDF [ <!ENTITY s SYSTEM "{secret.as_uri()}"> ]>\n'
                 + RDF_XML_BODY.format(value="&s;"))
    store = open_store(tmp_path / "store")
    with pytest.raises(UnsafeXml, match=r"xxe.rdf: refused: it declares an external entity \(&s; SYSTEM"):
        import_file(store, path)
    assert len(store) == 0


def test_a_billion_laughs_payload_is_refused_unexpanded(tmp_path):
    entities = ['<!ENTITY lol0 "lol">'] + [f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10}">' for n in range(1, 10)]
    path = write(tmp_path, "laughs.rdf", RDF_XML_HEAD + "<!DOCTYPE rdf:RDF [\n" + "\n".join(entities) + "\n]>\n"
                 + RDF_XML_BODY.format(value="&lol9;"))
    with pytest.raises(UnsafeXml, match=r"expands other entities or markup: .*'billion laughs'"):
        import_file(open_store(tmp_path / "store"), path)


def test_many_uses_of_a_long_entity_are_refused(tmp_path):
    path = write(tmp_path, "quadratic.rdf", RDF_XML_HEAD + f'<!DOCTYPE rdf:RDF [ <!ENTITY big "{"x" * 4000}"> ]>\n'
                 + RDF_XML_BODY.format(value="&big;" * 2000))
    with pytest.raises(UnsafeXml, match="would expand to far more text than the file holds"):
        import_file(open_store(tmp_path / "store"), path)


@pytest.mark.parametrize("doctype, reason", [
    ('<!DOCTYPE rdf:RDF SYSTEM "https://example.org/evil.dtd">', "loads an external DTD"),
    ('<!DOCTYPE rdf:RDF [ <!ENTITY % p "x"> ]>', "declares a parameter entity"),
])
def test_external_dtds_and_parameter_entities_are_refused(doctype, reason, tmp_path):
    path = write(tmp_path, "dtd.rdf", RDF_XML_HEAD + doctype + "\n" + RDF_XML_BODY.format(value="v"))
    with pytest.raises(UnsafeXml, match=reason):
        import_file(open_store(tmp_path / "store"), path)


def test_namespace_entities_as_ontology_editors_write_them_are_read(tmp_path):
    path = write(tmp_path, "editor.rdf", RDF_XML_HEAD + '<!DOCTYPE rdf:RDF [\n  <!ENTITY ex "https://example.org/" >\n]>\n'
                 "<!-- written by an ontology editor -->\n" + RDF_XML_BODY.format(value="&ex;value"))
    store = open_store(tmp_path / "store")
    import_file(store, path)
    values = [q.object.value for q in store.quads_for_pattern(ox.NamedNode("https://example.org/a"), None, None, None)]
    assert values == ["https://example.org/value"]


def test_jsonld_whose_context_is_a_url_is_refused_without_fetching_it(tmp_path):
    path = write(tmp_path, "remote.jsonld", '{"@context": "https://example.org/context.jsonld", "@id": "x", "p": 1}')
    with pytest.raises(MalformedRdf, match="its @context is a URL, and kg import fetches nothing"):
        import_file(open_store(tmp_path / "store"), path)


def test_a_file_whose_format_cannot_be_told_asks_for_format(tmp_path):
    path = write(tmp_path, "data.txt", "")
    with pytest.raises(UnknownFormat, match=r"data.txt: cannot tell the RDF format .* Give it with --format"):
        import_file(open_store(tmp_path / "store"), path)


def test_a_missing_file_is_reported_by_name(tmp_path):
    with pytest.raises(MissingFile, match="nowhere.ttl: no such file"):
        import_file(open_store(tmp_path / "store"), tmp_path / "nowhere.ttl")


def test_kg_export_then_kg_import_restores_a_graph(seeds_store, tmp_path):
    from click.testing import CliRunner

    import kg.cli.linked_data  # noqa: F401 - registers kg export and kg import
    from kg.cli import main

    runner = CliRunner()
    out = tmp_path / "ontology.trig"
    exported = runner.invoke(main, ["export", "--store", str(seeds_store), "--format", "trig", "--graph", "ontology",
                                    "-o", str(out)])
    assert exported.exit_code == 0, exported.output
    result = runner.invoke(main, ["import", str(out), "--store", str(tmp_path / "copy")])
    assert result.exit_code == 0, result.output
    graph = ox.NamedNode("https://w3id.org/ctkg/graph/ontology")
    copy = open_store(tmp_path / "copy", read_only=True).quads_for_pattern(None, None, None, graph)
    original = open_store(seeds_store, read_only=True).quads_for_pattern(None, None, None, graph)
    assert canonical(copy) == canonical(original)


def test_the_validation_context_is_what_the_loader_reads_of_each_entity(seeds):
    from rdflib import Graph

    from kg.importer import _pointed_at, describe
    from kg.store import describe as loader_describe, from_ox

    for graph in seeds.named_graphs():
        data = Graph()
        for q in seeds.quads_for_pattern(None, None, None, graph):
            data.add((from_ox(q.subject), from_ox(q.predicate), from_ox(q.object)))
        iris = _pointed_at(data)
        assert set(describe(seeds, iris)) == set(loader_describe(seeds, iris)), graph.value


def test_the_context_cache_reads_each_entity_once_and_learns_from_each_imported_graph(seeds):
    from rdflib import URIRef
    from rdflib.namespace import RDF

    from kg.importer import ContextCache, describe

    india = URIRef("https://w3id.org/ctkg/id/state/india")
    cache = ContextCache(seeds)
    assert set(cache.describe({india})) == set(describe(seeds, {india}))
    cache.learn([ox.Quad(ox.NamedNode(str(india)), ox.NamedNode(str(RDF.type)),
                         ox.NamedNode("https://w3id.org/ctkg/ontology#Actor"), ox.NamedNode(IMPORT_GRAPH_PREFIX + "x"))])
    assert (india, RDF.type, URIRef("https://w3id.org/ctkg/ontology#Actor")) in cache.describe({india})
