"""The pipeline's terms (kg/terms.py): pyoxigraph terms from the reference index to the store write,
written as rdflib wrote them, so that a build makes the same triples and fact IRIs as before."""
from __future__ import annotations

import ast
import datetime as dt
from decimal import Decimal
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Literal as RdflibLiteral, URIRef
from rdflib.namespace import XSD

from kg.terms import Literal, NamedNode, ctkg, literal, local_name, python_value, rdf, rdflib_key, skos, xsd
from kg.vocab import CTKG, to_ox

ROOT = Path(__file__).resolve().parent.parent
KG = ROOT / "kg"
PIPELINE = sorted([KG / name for name in ("reference.py", "mentions.py", "entities.py", "events.py", "extraction.py",
                                          "confidence.py", "triples.py", "provenance.py", "resolve.py")]
                  + list((KG / "extract").glob("*.py")))


def test_a_namespace_gives_one_named_node_per_name():
    assert ctkg.Attack == NamedNode(str(CTKG.Attack))
    assert ctkg.Attack is ctkg.Attack
    assert skos.prefLabel.value == "http://www.w3.org/2004/02/skos/core#prefLabel"


@pytest.mark.parametrize("name", ["Atack", "_hidden"])
def test_a_name_outside_the_ontology_raises(name):
    with pytest.raises(AttributeError):
        getattr(ctkg, name)


def test_a_misspelt_term_of_a_standard_namespace_raises():
    with pytest.raises(AttributeError):
        rdf.tpye


@pytest.mark.parametrize("value, datatype, lang", [
    ("Ajay Bhalla", None, "en"), ("requested", None, None), (True, None, None), (False, None, None),
    (17, None, None), (17, xsd.integer, None), (0.91, None, None), (Decimal("0.90"), None, None),
    (dt.date(2024, 2, 28), xsd.date, None), ("2024-02", xsd.gYearMonth, None), ("--12-19", xsd.gMonthDay, None),
    ("https://example.org/a", xsd.anyURI, None),
])
def test_a_literal_is_written_as_rdflib_wrote_it(value, datatype, lang):
    expected = RdflibLiteral(value, lang=lang, datatype=URIRef(datatype.value) if datatype is not None else None)
    assert literal(value, datatype=datatype, lang=lang) == to_ox(expected)


def test_a_value_with_no_literal_form_is_refused():
    with pytest.raises(TypeError, match="no literal"):
        literal(object())


@pytest.mark.parametrize("term, expected", [
    (NamedNode("https://w3id.org/ctkg/id/state/india"), URIRef("https://w3id.org/ctkg/id/state/india")),
    (Literal("Ajay Bhalla", language="en"), RdflibLiteral("Ajay Bhalla", lang="en")),
    (Literal("it's \"quoted\""), RdflibLiteral("it's \"quoted\"")),
    (Literal("2024-02-28", datatype=xsd.date), RdflibLiteral("2024-02-28", datatype=XSD.date)),
    (literal(True), RdflibLiteral(True)),
])
def test_a_fact_key_writes_a_term_as_rdflib_did(term, expected):
    assert rdflib_key(term) == repr(expected)


@pytest.mark.parametrize("term, expected", [
    (literal(17), 17), (literal(True), True), (literal(dt.date(2024, 2, 28)), dt.date(2024, 2, 28)),
    (Literal("2024-02-30", datatype=xsd.date), "2024-02-30"), (Literal("Home Secretary", language="en"), "Home Secretary"),
    (literal(Decimal("0.75")), Decimal("0.75")), (ctkg.Held, ctkg.Held.value),
])
def test_python_value_reads_a_literal_back(term, expected):
    assert python_value(term) == expected


def test_local_name_is_the_last_segment_of_an_iri():
    assert local_name(ctkg.Arrest) == "Arrest"
    assert local_name(NamedNode("https://w3id.org/ctkg/id/state/india")) == "india"


@pytest.mark.parametrize("path", PIPELINE, ids=lambda p: str(p.relative_to(ROOT)))
def test_a_pipeline_module_makes_no_rdflib_terms(path):
    """rdflib is imported only inside the functions that hand an rdflib graph to a library
    (ArticleGraph.graph, load_reference_graph), never at the top of a pipeline module."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    top = [n for n in tree.body if isinstance(n, (ast.Import, ast.ImportFrom))]
    names = {n.module for n in top if isinstance(n, ast.ImportFrom)} | {a.name for n in top if isinstance(n, ast.Import)
                                                                         for a in n.names}
    assert not {n for n in names if n and n.split(".")[0] == "rdflib"}, f"{path.name} imports rdflib"
    imported = {a.name for n in top if isinstance(n, ast.ImportFrom) and n.module == "kg.vocab" for a in n.names}
    assert not imported & {"CTKG", "PROV", "SCHEMA", "to_ox"}, f"{path.name} takes rdflib terms from kg.vocab"


def test_an_extracted_article_is_pyoxigraph_terms_only():
    from kg.article import read_article
    from kg.extraction import extract_article

    graph = extract_article(read_article(ROOT / "seeds" / sorted(p.name for p in (ROOT / "seeds").glob("*.txt"))[0]))
    kinds = {type(term) for triple in graph.triples for term in triple}
    assert kinds <= {ox.NamedNode, ox.Literal}, kinds
    assert isinstance(graph.graph_iri, ox.NamedNode)
