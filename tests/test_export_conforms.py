"""The exports conform to the project's own shapes, checked as a user would: stock pySHACL on
`kg export --graph facts` and `--graph all` of the seeds' store, with the ontology as ont_graph."""
from __future__ import annotations

import io

import pytest
from pyshacl import validate
from rdflib import Graph

from kg.export import export
from kg.paths import ONTOLOGY_DIR
from kg.store import open_store


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(ONTOLOGY_DIR / "shapes.ttl", format="turtle")


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY_DIR / "ctkg.ttl", format="turtle")


def exported(store_dir, selection: str) -> Graph:
    out = io.BytesIO()
    export(open_store(store_dir, read_only=True), out, "turtle", selection)
    return Graph().parse(data=out.getvalue(), format="turtle")


@pytest.mark.parametrize("selection", ["facts", "all"])
def test_the_export_conforms_to_the_shapes_under_stock_pyshacl(seeds_store, shapes, ontology, selection):
    conforms, _, text = validate(exported(seeds_store, selection), shacl_graph=shapes, ont_graph=ontology)
    assert conforms, text
