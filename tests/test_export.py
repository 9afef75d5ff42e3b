"""kg export: formats, named graphs, prefixes, JSON-LD as plain JSON, streaming; stable IRIs."""
from __future__ import annotations

import io
import json
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph

from kg.export import FORMATS, UnknownFormat, build_context, export, load_context
from kg.loader import build
from kg.store import open_store
from kg.vocab import ARTICLE_GRAPH_PREFIX, DEFAULT_BASE_IRI, G_REFERENCE

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="module")
def seeds(seeds_store):
    return open_store(seeds_store, read_only=True)


def exported(store, fmt: str, selection: str = "all") -> bytes:
    out = io.BytesIO()
    export(store, out, fmt, selection)
    return out.getvalue()


def canonical(quads) -> set:
    dataset = ox.Dataset(quads)
    dataset.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
    return set(dataset)


def jsonld_nodes(document: dict) -> dict[str, dict]:
    """id -> node, over the top level and every named graph of an exported JSON-LD document."""
    nodes = {}
    for item in document["@graph"]:
        for node in item.get("@graph", [item]):
            nodes[node["id"]] = node
    return nodes


@pytest.mark.parametrize("fmt", ["nquads", "trig", "jsonld"])
def test_dataset_formats_keep_one_named_graph_per_article(seeds, fmt):
    quads = list(ox.parse(exported(seeds, fmt, "facts"), FORMATS[fmt]))
    graphs = {q.graph_name.value for q in quads} - {str(G_REFERENCE)}
    assert len(graphs) == len(list(SEEDS.glob("*.txt")))
    assert all(g.startswith(ARTICLE_GRAPH_PREFIX) for g in graphs)


def test_the_facts_selection_holds_the_article_graphs_and_the_reference_descriptions_they_name(seeds):
    quads = list(ox.parse(exported(seeds, "nquads", "facts"), ox.RdfFormat.N_QUADS))
    stored = [q for q in seeds if isinstance(q.graph_name, ox.NamedNode) and q.graph_name.value.startswith(ARTICLE_GRAPH_PREFIX)]
    context = [q for q in quads if q.graph_name.value == str(G_REFERENCE)]
    assert canonical([q for q in quads if q not in context]) == canonical(stored)
    assert set(context) <= set(seeds.quads_for_pattern(None, None, None, ox.NamedNode(str(G_REFERENCE))))
    described = {q.subject.value for q in context}
    assert "https://w3id.org/ctkg/id/state/india" in described            # named by the articles
    assert "https://w3id.org/ctkg/id/state/nauru" not in described         # named by none


def test_a_known_actor_the_facts_name_has_its_name_in_the_facts_export(seeds):
    nodes = jsonld_nodes(json.loads(exported(seeds, "jsonld", "facts")))
    assert nodes["state/united-states"]["prefLabel"] == ["United States"]


def test_turtle_is_written_with_the_standard_prefixes_and_readable_names(seeds):
    text = exported(seeds, "turtle", "facts").decode()
    for prefix in ("ctkg", "skos", "rdf", "prov", "xsd", "person", "state", "group"):
        assert f"@prefix {prefix}: " in text
    assert "person:ajay-bhalla " in text and "state:india" in text
    assert "\\/" not in text


def test_jsonld_reads_as_plain_json(seeds):
    nodes = jsonld_nodes(json.loads(exported(seeds, "jsonld", "facts")))
    bhalla = nodes["person/ajay-bhalla"]
    assert bhalla["type"] == ["Person"]
    assert bhalla["prefLabel"] == ["Ajay Bhalla"]
    assert bhalla["actsFor"] == ["state/india"]


def test_jsonld_gives_each_property_one_shape_a_list_where_it_may_repeat(seeds):
    """A list in every node, or a single value (an IRI, text or number) in every node."""
    context = load_context()
    for selection in ("facts", "reference"):
        shapes: dict[str, set] = {}
        for graph in json.loads(exported(seeds, "jsonld", selection))["@graph"]:
            for node in graph.get("@graph", [graph]):
                for key, value in node.items():
                    shapes.setdefault(key, set()).add("list" if isinstance(value, list) else "one")
        assert all(len(kinds) == 1 for kinds in shapes.values()), {k: v for k, v in shapes.items() if len(v) > 1}
        assert shapes["type"] == {"list"} and shapes["altLabel"] == {"list"}
        single = [key for key, kinds in shapes.items() if kinds != {"list"} and key != "id"]
        assert not [key for key in single if isinstance(context[key], dict) and "@container" in context[key]]


def test_functional_properties_are_single_values_and_the_others_sets():
    context = load_context()
    assert "@container" not in context["inArticle"] and "@container" not in context["subject"]
    assert context["issuedBy"]["@container"] == "@set" and context["type"]["@container"] == "@set"


@pytest.mark.parametrize(("name", "fmt"), [("out.nq", ox.RdfFormat.N_QUADS), ("out.trig", ox.RdfFormat.TRIG),
                                          ("out.nt", ox.RdfFormat.N_TRIPLES), ("out.jsonld", ox.RdfFormat.JSON_LD),
                                          ("out.ttl", ox.RdfFormat.TURTLE), ("out.rdf", ox.RdfFormat.RDF_XML)])
def test_the_format_follows_the_file_extension(seeds, tmp_path, name, fmt):
    summary = export(seeds, tmp_path / name, selection="reference")
    assert len({q.triple for q in ox.parse(path=str(tmp_path / name), format=fmt)}) == summary.quads


def test_an_extension_that_names_no_format_is_refused_with_those_that_do(seeds, tmp_path):
    with pytest.raises(UnknownFormat, match=r"'\.txt' names no RDF format.*\.nq"):
        export(seeds, tmp_path / "out.txt", selection="reference")


def test_kg_export_to_a_nq_file_imports_back(seeds_store, tmp_path):
    from click.testing import CliRunner

    from kg.cli import main

    exported_ = CliRunner().invoke(main, ["export", "--store", str(seeds_store), "-o", str(tmp_path / "all.nq")])
    assert exported_.exit_code == 0, exported_.output
    assert "as nquads" in exported_.stderr
    imported = CliRunner().invoke(main, ["import", str(tmp_path / "all.nq"), "--store", str(tmp_path / "copy"),
                                         "--replace", "all"])
    assert imported.exit_code == 0, imported.output


def test_jsonld_carries_the_shipped_context_and_the_base_of_individuals(seeds):
    context = json.loads(exported(seeds, "jsonld", "ontology"))["@context"]
    assert {k: v for k, v in context.items() if k != "@base"} == load_context()
    assert context["@base"] == DEFAULT_BASE_IRI


def test_entities_link_to_wikidata_where_the_reference_data_knows_the_item(seeds):
    nodes = jsonld_nodes(json.loads(exported(seeds, "jsonld", "reference")))
    assert nodes["state/india"]["exactMatch"] == ["wd:Q668"]
    assert str(nodes["group/al-qaeda"]["exactMatch"][0]).startswith("wd:Q")


def test_jsonld_expands_and_compacts_with_pyld_without_loss(seeds):
    from pyld import jsonld

    document = json.loads(exported(seeds, "jsonld", "facts"))
    stored = canonical(ox.parse(exported(seeds, "nquads", "facts"), ox.RdfFormat.N_QUADS))
    expanded = jsonld.expand(document)
    as_nquads = jsonld.to_rdf(expanded, {"format": "application/n-quads"})
    assert canonical(ox.parse(as_nquads.encode(), ox.RdfFormat.N_QUADS)) == stored
    compacted = jsonld.compact(expanded, {"@context": document["@context"]})
    again = jsonld.to_rdf(jsonld.expand(compacted), {"format": "application/n-quads"})
    assert canonical(ox.parse(again.encode(), ox.RdfFormat.N_QUADS)) == stored


def test_the_shipped_context_is_built_from_the_current_ontology():
    ontology = Graph().parse(ROOT / "ontology" / "ctkg.ttl")
    assert load_context() == build_context(ontology), "stale ontology/context.jsonld: run kg docs"


class CountingStore:
    """A real pyoxigraph store that counts the quads the exporter has pulled from it."""

    def __init__(self, store: ox.Store) -> None:
        self.store = store
        self.pulled = 0

    def named_graphs(self):
        return self.store.named_graphs()

    def quads_for_pattern(self, *pattern):
        for quad in self.store.quads_for_pattern(*pattern):
            self.pulled += 1
            yield quad


class FirstWrite(io.RawIOBase):
    """An output that notes how many quads had been pulled when the first bytes came out."""

    def __init__(self, store: CountingStore) -> None:
        self.store = store
        self.pulled_at_first_write = None

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        if self.pulled_at_first_write is None and len(data):
            self.pulled_at_first_write = self.store.pulled
        return len(data)


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_export_writes_as_it_reads_instead_of_holding_every_quad(fmt):
    store = ox.Store()
    store.bulk_extend(ox.Quad(ox.NamedNode(f"{DEFAULT_BASE_IRI}person/p{i // 5}"),
                              ox.NamedNode(f"https://w3id.org/ctkg/ontology#text{i % 5}"), ox.Literal(f"value {i}"),
                              ox.NamedNode(f"{ARTICLE_GRAPH_PREFIX}a{i // 500}")) for i in range(20_000))
    counting = CountingStore(store)
    out = FirstWrite(counting)
    summary = export(counting, out, fmt, "all")
    assert summary.quads == counting.pulled == 20_000
    assert out.pulled_at_first_write < 2_000


def test_an_unknown_format_is_refused_with_the_formats_there_are(seeds):
    with pytest.raises(UnknownFormat, match="no export format 'rdfxml'. Use one of: turtle, ntriples, nquads"):
        export(seeds, io.BytesIO(), "rdfxml")


ACTOR_CLASSES = ("Person", "State", "GovernmentAgency", "InternationalOrganization", "TerroristGroup",
                 "SeparatistMovement", "NewsAgency", "Organization", "Place")


def individuals(store, classes=None) -> set[str]:
    """The IRIs under the base that the article graphs name (of the given classes, if given)."""
    typed = ("VALUES ?class { " + " ".join(f"ctkg:{c}" for c in classes) + " } ?x a ?class ." if classes else "")
    query = (f"PREFIX ctkg: <https://w3id.org/ctkg/ontology#>\nSELECT DISTINCT ?x WHERE {{ GRAPH ?g {{ ?x ?p ?o {typed} }}"
             f" FILTER(STRSTARTS(STR(?g), '{ARTICLE_GRAPH_PREFIX}') && STRSTARTS(STR(?x), '{DEFAULT_BASE_IRI}')) }}")
    return {row["x"].value for row in store.query(query)}


@pytest.fixture(scope="module")
def reversed_seeds(tmp_path_factory):
    """The seeds built one by one in reverse order of their names."""
    store_dir = tmp_path_factory.mktemp("reversed") / "store"
    for path in sorted(SEEDS.glob("*.txt"), reverse=True):
        build([path], store_dir)
    return open_store(store_dir, read_only=True)


def test_rebuilding_the_seeds_in_reverse_order_gives_every_actor_the_same_iri(seeds, reversed_seeds):
    actors = individuals(reversed_seeds, ACTOR_CLASSES)
    assert actors == individuals(seeds, ACTOR_CLASSES)
    assert {f"{DEFAULT_BASE_IRI}person/ajay-bhalla", f"{DEFAULT_BASE_IRI}group/lashkar-e-taiba",
            f"{DEFAULT_BASE_IRI}state/india"} <= actors


def test_rebuilding_the_seeds_in_reverse_order_gives_every_individual_the_same_iri(seeds, reversed_seeds):
    assert individuals(reversed_seeds) == individuals(seeds)


def test_a_configured_base_iri_moves_minted_iris_and_the_jsonld_base(tmp_path, monkeypatch):
    monkeypatch.setenv("KG_BASE_IRI", "https://kg.example.org/id")
    build([SEEDS / "000_b0ef47220d57cd1c.txt"], tmp_path / "store")
    store = open_store(tmp_path / "store", read_only=True)
    document = json.loads(exported(store, "jsonld", "facts"))
    assert document["@context"]["@base"] == "https://kg.example.org/id/"
    assert jsonld_nodes(document)["person/ajay-bhalla"]["prefLabel"] == ["Ajay Bhalla"]
