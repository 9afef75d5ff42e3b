"""The ontology is OWL 2 DL: the OWL API's profile check passes and HermiT reasons over it strictly.

Both need Java; without it the tests skip (CI's machine has a Java runtime)."""
from __future__ import annotations

import pytest
from rdflib import Graph

from kg.owl_profile import dl_violations, java_available
from kg.reason import ontology_graph

pytestmark = pytest.mark.skipif(not java_available(), reason="needs Java (java on the PATH)")


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return ontology_graph()


def test_the_ontology_and_topics_pass_the_owl2_dl_profile_check(ontology):
    violations = dl_violations(ontology)
    assert violations == (), "\n".join(f"{v.kind}: {v.axiom}" for v in violations)


def test_the_profile_check_names_the_axiom_that_breaks_it(ontology):
    broken = ontology + Graph().parse(format="turtle", data="""
        @prefix owl: <http://www.w3.org/2002/07/owl#> .
        @prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
        @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
        @prefix ctkg: <https://w3id.org/ctkg/ontology#> .
        rdf:Statement a owl:Class .
        ctkg:Assertion rdfs:subClassOf rdf:Statement .""")
    axioms = {v.axiom for v in dl_violations(broken)}
    assert "SubClassOf(<https://w3id.org/ctkg/ontology#Assertion> rdf:Statement)" in axioms


def test_hermit_reasons_over_the_ontology_without_ignoring_any_datatype(ontology, tmp_path):
    # As Protege would: the whole ontology, annotations and all, and no flag to skip datatypes.
    import owlready2
    document = tmp_path / "ctkg.owl"
    ontology.serialize(document, format="xml")
    world = owlready2.World()
    try:
        loaded = world.get_ontology(document.as_uri()).load()
        with loaded:
            owlready2.sync_reasoner_hermit(world, infer_property_values=True, debug=0)
        assert [c for c in world.inconsistent_classes() if c is not owlready2.Nothing] == []
    finally:
        world.close()
