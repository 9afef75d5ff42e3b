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
    assert import_file(fresh, path, replace=["all"]).ok
    assert canonical(fresh) == canonical(seeds)


@pytest.mark.parametrize("fmt", [f for f in FORMATS if not FORMATS[f].supports_datasets])
def test_an_article_graph_exported_as_triples_reimports_into_a_fresh_store_isomorphic(seeds, fmt, tmp_path):
    graph = sorted(g.value for g in seeds.named_graphs() if g.value.startswith(ARTICLE_GRAPH_PREFIX))[0]
    path = tmp_path / f"article.{SUFFIX[fmt]}"
    export(seeds, path, fmt, graph)
    fresh = open_store(tmp_path / "fresh")
    assert import_file(fresh, path, into=graph, replace=[graph]).ok
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
    result = runner.invoke(main, ["import", str(out), "--store", str(tmp_path / "copy"), "--replace", "ontology"])
    assert result.exit_code == 0, result.output
    graph = ox.NamedNode("https://w3id.org/ctkg/graph/ontology")
    copy = open_store(tmp_path / "copy", read_only=True).quads_for_pattern(None, None, None, graph)
    original = open_store(seeds_store, read_only=True).quads_for_pattern(None, None, None, graph)
    assert canonical(copy) == canonical(original)


INDIA = ox.NamedNode("https://w3id.org/ctkg/id/state/india")
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
PREF_LABEL = ox.NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel")
ACTS_FOR = ox.NamedNode("https://w3id.org/ctkg/ontology#actsFor")
PERSON = ox.NamedNode("https://w3id.org/ctkg/ontology#Person")


def test_an_imported_graphs_context_reads_the_rest_of_the_file_beside_the_store(seeds):
    from kg.store import Descriptions

    person = ox.NamedNode("https://w3id.org/ctkg/id/person/someone-new")
    file = ox.Store()
    file.add(ox.Quad(person, PREF_LABEL, ox.Literal("Someone New", language="en"),
                     ox.NamedNode(IMPORT_GRAPH_PREFIX + "other")))
    file.add(ox.Quad(person, ACTS_FOR, INDIA, ox.NamedNode(IMPORT_GRAPH_PREFIX + "other")))
    context = Descriptions(seeds, also=file).describe({person})
    assert (person, PREF_LABEL, ox.Literal("Someone New", language="en")) in context
    assert (INDIA, RDF_TYPE, ox.NamedNode("https://w3id.org/ctkg/ontology#State")) in context   # its state's type


def test_a_known_actor_is_described_by_the_reference_data_alone(seeds):
    from kg.store import describe_triples

    context = describe_triples(seeds, {INDIA})
    reference = ox.NamedNode("https://w3id.org/ctkg/graph/reference")
    stated = {(q.predicate, q.object) for q in seeds.quads_for_pattern(INDIA, None, None, reference)}
    assert context and all((p, o) in stated for _, p, o in context)


def test_descriptions_are_read_once_and_follow_each_imported_graph(seeds):
    from kg.store import Descriptions

    person = ox.NamedNode("https://w3id.org/ctkg/id/person/someone-new")
    cache = Descriptions(seeds)
    assert cache.describe({person}) == []
    cache.learn([ox.Quad(person, RDF_TYPE, PERSON, ox.NamedNode(IMPORT_GRAPH_PREFIX + "x"))])
    assert cache.describe({person}) == [(person, RDF_TYPE, PERSON)]


def test_what_an_imported_graph_says_of_a_known_actor_does_not_enter_its_description(seeds):
    from kg.store import Descriptions

    cache = Descriptions(seeds)
    before = cache.describe({INDIA})
    cache.learn([ox.Quad(INDIA, RDF_TYPE, PERSON, ox.NamedNode(IMPORT_GRAPH_PREFIX + "x"))])
    assert cache.describe({INDIA}) == before


# -- hardened XML over the whole document (issue 15, point 1) ------------------------------------

def test_a_billion_laughs_payload_behind_a_megabyte_of_comment_is_refused_unexpanded(tmp_path):
    entities = ['<!ENTITY lol0 "lol">'] + [f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10}">' for n in range(1, 5)]
    path = write(tmp_path, "padded.rdf", RDF_XML_HEAD + "<!--" + "x" * (1 << 20) + "-->\n<!DOCTYPE rdf:RDF [\n"
                 + "\n".join(entities) + "\n]>\n" + RDF_XML_BODY.format(value="&lol4;"))
    store = open_store(tmp_path / "store")
    with pytest.raises(UnsafeXml, match=r"padded.rdf: refused: its entity &lol1; expands other entities"):
        import_file(store, path)
    assert len(store) == 0


def test_an_entity_reference_hidden_behind_a_character_reference_is_refused(tmp_path):
    path = write(tmp_path, "hidden.rdf", RDF_XML_HEAD + '<!DOCTYPE rdf:RDF [ <!ENTITY a "lol">\n'
                 '<!ENTITY b "&#38;a;&#38;a;"> ]>\n' + RDF_XML_BODY.format(value="&b;"))
    with pytest.raises(UnsafeXml, match=r"its entity &b; expands other entities"):
        import_file(open_store(tmp_path / "store"), path)


def test_an_unparsed_external_entity_is_refused(tmp_path):
    path = write(tmp_path, "ndata.rdf", RDF_XML_HEAD + '<!DOCTYPE rdf:RDF [ <!NOTATION gif SYSTEM "gif">\n'
                 '<!ENTITY pic SYSTEM "https://example.org/a.gif" NDATA gif> ]>\n' + RDF_XML_BODY.format(value="v"))
    with pytest.raises(UnsafeXml, match=r"unparsed external entity \(&pic;"):
        import_file(open_store(tmp_path / "store"), path)


# -- ctkg's own graphs are not overwritten unless asked (point 2) ---------------------------------

REFERENCE = "https://w3id.org/ctkg/graph/reference"


def test_importing_into_the_reference_graph_is_refused_and_the_store_keeps_its_own(tmp_path):
    store = open_store(tmp_path / "store")
    path = write(tmp_path, "r.nq", f'<http://e.x/a> <http://e.x/b> "c" <{REFERENCE}> .\n')
    import_file(store, write(tmp_path, "empty.ttl", ""))          # the store gets its base graphs
    before = len(list(store.quads_for_pattern(None, None, None, ox.NamedNode(REFERENCE))))
    summary = import_file(store, path)
    assert [(o.graph, o.status) for o in summary.outcomes] == [(REFERENCE, "refused")] and not summary.ok
    assert "--replace " + REFERENCE in summary.outcomes[0].message
    assert len(list(store.quads_for_pattern(None, None, None, ox.NamedNode(REFERENCE)))) == before > 1000


def test_the_replace_flag_lets_the_file_overwrite_the_graph_it_names(tmp_path):
    store = open_store(tmp_path / "store")
    path = write(tmp_path, "r.nq", f'<http://e.x/a> <http://e.x/b> "c" <{REFERENCE}> .\n')
    summary = import_file(store, path, replace=["reference"])
    assert [o.status for o in summary.outcomes] == ["restored"]
    assert len(list(store.quads_for_pattern(None, None, None, ox.NamedNode(REFERENCE)))) == 1


@pytest.mark.parametrize("into", ["https://w3id.org/ctkg/graph/ontology", "https://w3id.org/ctkg/graph/inferred",
                                  "https://w3id.org/ctkg/graph/meta", ARTICLE_GRAPH_PREFIX + "some-article"])
def test_into_a_graph_kg_build_writes_is_refused(into, tmp_path):
    store = open_store(tmp_path / "store")
    path = write(tmp_path, "t.ttl", "<https://example.org/a> <https://example.org/p> <https://example.org/b> .\n")
    summary = import_file(store, path, into=into)
    assert [o.status for o in summary.outcomes] == ["refused"]
    assert not bool(store.query(f"ASK {{ GRAPH <{into}> {{ <https://example.org/a> ?p ?o }} }}"))


def test_a_word_replace_does_not_know_is_an_error_naming_the_words(tmp_path):
    from kg.errors import UnknownGraph

    path = write(tmp_path, "t.ttl", "")
    with pytest.raises(UnknownGraph, match="--replace everything: not a graph.*ontology, reference"):
        import_file(open_store(tmp_path / "store"), path, replace=["everything"])


# -- foreign RDF in a graph of its own, with graph-level provenance (issue 16) ------------------

def test_foreign_turtle_enters_its_own_graph_with_the_file_its_digest_and_the_time(tmp_path):
    import hashlib

    text = """@prefix schema: <https://schema.org/> .
        <https://example.org/org/1> a schema:Organization ; schema:name "Some Organisation" .
        <https://example.org/org/2> a schema:Organization ; schema:parentOrganization <https://example.org/org/1> ."""
    path = write(tmp_path, "their-data.ttl", text)
    store = open_store(tmp_path / "store")
    summary = import_file(store, path)
    graph = IMPORT_GRAPH_PREFIX + "their-data"
    assert [(o.graph, o.status, o.triples) for o in summary.outcomes] == [(graph, "loaded", 4)]
    record = {q.predicate.value.rsplit("/", 1)[-1].rsplit("#", 1)[-1]: q.object.value for q in
              store.quads_for_pattern(ox.NamedNode(graph), None, None, ox.NamedNode("https://w3id.org/ctkg/graph/meta"))}
    assert record["source"] == str(path)
    assert record["contentHash"] == "sha256:" + hashlib.sha256(path.read_bytes()).hexdigest()
    assert record["generatedAtTime"].startswith("20")


def test_a_turtle_export_of_ctkg_itself_imports_back_into_one_graph(seeds, tmp_path):
    path = tmp_path / "ctkg.ttl"
    export(seeds, path, "turtle", "all")
    store = open_store(tmp_path / "store")
    summary = import_file(store, path)
    assert [(o.graph, o.status) for o in summary.outcomes] == [(IMPORT_GRAPH_PREFIX + "ctkg", "loaded")], \
        summary.outcomes[0].message
    assert summary.triples > 1000


def test_the_loaders_provenance_shapes_still_apply_to_an_article_graph(tmp_path):
    graph = ARTICLE_GRAPH_PREFIX + "handmade"
    path = write(tmp_path, "a.ttl", """@prefix ctkg: <https://w3id.org/ctkg/ontology#> .
        @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
        <https://w3id.org/ctkg/id/event/meeting/x> a ctkg:Meeting ; skos:prefLabel "A meeting" ;
            ctkg:startDate "2020-01-01"^^<http://www.w3.org/2001/XMLSchema#date> ;
            ctkg:participant <https://w3id.org/ctkg/id/state/india> ; ctkg:eventStatus ctkg:Held .""")
    store = open_store(tmp_path / "store")
    summary = import_file(store, path, into=graph, replace=[graph])
    assert summary.outcomes[0].status == "kept aside"
    assert "no ctkg:Assertion says where it came from" in summary.outcomes[0].message
    assert [o.status for o in import_file(store, path).outcomes] == ["loaded"]   # as data from elsewhere


def test_kg_import_prints_graph_names_literally_and_exits_1_when_a_graph_is_refused(tmp_path):
    from click.testing import CliRunner

    import kg.cli.linked_data  # noqa: F401
    from kg.cli import main

    path = write(tmp_path, "r.nq", f'<urn:x:y> <http://e.x/b> "xsd:date: [bold]c[/]" <{REFERENCE}> .\n'
                                   '<urn:x:y> <http://e.x/b> "c" <urn:x:y> .\n')
    result = CliRunner().invoke(main, ["import", str(path), "--store", str(tmp_path / "store")])
    assert result.exit_code == 1, result.output
    assert "urn:x:y" in result.output and "❌" not in result.output
    assert f"{REFERENCE}: refused" in result.output.replace("\n", "")


# -- a large graph from elsewhere: checked by focus node, written in pieces (point 8) ------------

PEOPLE = """@prefix ctkg: <https://w3id.org/ctkg/ontology#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
""" + "".join(f"""<https://example.org/p/{n}> a ctkg:Person ; skos:prefLabel "Person {n}" ;
    ctkg:actsFor <https://w3id.org/ctkg/id/state/india> .
<https://example.org/d/{n}> <https://schema.org/about> <https://example.org/p/{n}> .
""" for n in range(12))


@pytest.fixture()
def small_pieces(monkeypatch):
    import kg.importer as importer

    monkeypatch.setattr(importer, "LARGE_GRAPH", 10)
    monkeypatch.setattr(importer, "CHUNK", 5)
    monkeypatch.setattr(importer, "WRITE_CHUNK", 7)


def test_a_large_graph_is_loaded_in_pieces_as_a_small_one_is_whole(tmp_path, monkeypatch):
    path = write(tmp_path, "people.ttl", PEOPLE)
    whole = open_store(tmp_path / "whole")
    assert [o.status for o in import_file(whole, path).outcomes] == ["loaded"]
    import kg.importer as importer

    monkeypatch.setattr(importer, "LARGE_GRAPH", 10)
    monkeypatch.setattr(importer, "CHUNK", 5)
    monkeypatch.setattr(importer, "WRITE_CHUNK", 7)
    pieces = open_store(tmp_path / "pieces")
    summary = import_file(pieces, path)
    assert [(o.status, o.triples) for o in summary.outcomes] == [("loaded", 48)]
    graph = ox.NamedNode(IMPORT_GRAPH_PREFIX + "people")
    assert set(pieces.quads_for_pattern(None, None, None, graph)) == set(whole.quads_for_pattern(None, None, None, graph))
    from kg.store import entities_by_label_key, has_index
    from kg.vocab import label_key

    assert has_index(pieces)
    assert entities_by_label_key(pieces, label_key("Person 3")) == [ox.NamedNode("https://example.org/p/3")]
    meta = ox.NamedNode("https://w3id.org/ctkg/graph/meta")
    assert {q.predicate.value.rsplit("#", 1)[-1].rsplit("/", 1)[-1] for q in
            pieces.quads_for_pattern(graph, None, None, meta)} == {"source", "contentHash", "generatedAtTime"}


def test_a_large_graph_with_a_violation_is_kept_aside_and_the_stored_graph_is_left(tmp_path, small_pieces):
    store = open_store(tmp_path / "store")
    graph = IMPORT_GRAPH_PREFIX + "people"
    store.update(f"INSERT DATA {{ GRAPH <{graph}> {{ <https://example.org/old> <https://example.org/p> 1 }} }}")
    bad = PEOPLE.replace('skos:prefLabel "Person 11" ;', "")     # a person without a name
    summary = import_file(store, write(tmp_path, "people.ttl", bad))
    assert summary.outcomes[0].status == "kept aside" and "skos:prefLabel" in summary.outcomes[0].message
    assert [q.subject.value for q in store.quads_for_pattern(None, None, None, ox.NamedNode(graph))] == \
        ["https://example.org/old"]
    assert quarantined(store) == [summary.outcomes[0].kept_in]
