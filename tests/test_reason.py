"""kg.reason: what HermiT derives from small graphs, and how an inconsistency is reported.

Each HermiT run starts a JVM, so each graph is reasoned over once, in a module-scoped fixture."""
from __future__ import annotations

import pytest
from rdflib import Graph, Namespace
from rdflib.namespace import RDF

from kg.errors import InconsistentOntology
from kg.reason import ReasonerReport, find_clashes, infer, ontology_graph, require_consistent
from kg.vocab import CTKG

ID = Namespace("https://w3id.org/ctkg/id/")
PREFIXES = """
@prefix ctkg: <https://w3id.org/ctkg/ontology#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@base <https://w3id.org/ctkg/id/> .
"""
DELEGATION = PREFIXES + """
<event/meeting/hsd-2024> a ctkg:Dialogue ; skos:prefLabel "India-US Homeland Security Dialogue"@en ;
    ctkg:startDate "2024-02-27"^^xsd:date .
<event/meeting/hsd-2024/delegation/india> a ctkg:Delegation ;
    ctkg:delegationOf <state/india> ; ctkg:ledBy <person/ajay-bhalla> ;
    ctkg:atEvent <event/meeting/hsd-2024> .
<state/india> a ctkg:State .
<person/ajay-bhalla> a ctkg:Person ; ctkg:holdsPost <post/ajay-bhalla/union-home-secretary> .
<post/ajay-bhalla/union-home-secretary> a ctkg:Post ; ctkg:title "Union Home Secretary" .
"""


def turtle(text: str) -> Graph:
    return Graph().parse(data=text, format="turtle")


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return ontology_graph()


@pytest.fixture(scope="module")
def delegation_data() -> Graph:
    return turtle(DELEGATION)


@pytest.fixture(scope="module")
def delegation_report(ontology, delegation_data) -> ReasonerReport:
    return infer(ontology, delegation_data)


# -- what is inferred -------------------------------------------------------------------------------

def test_a_consistent_graph_is_reported_consistent(delegation_report):
    assert delegation_report.consistent, delegation_report.message
    assert delegation_report.culprits == ()


def test_the_property_chain_yields_led_delegation_of(delegation_report):
    assert (ID["person/ajay-bhalla"], CTKG.ledDelegationOf, ID["state/india"]) in delegation_report.inferred


def test_held_by_is_inferred_from_holds_post(delegation_report):
    assert (ID["post/ajay-bhalla/union-home-secretary"], CTKG.heldBy, ID["person/ajay-bhalla"]) \
        in delegation_report.inferred


def test_has_delegation_is_inferred_from_at_event(delegation_report):
    assert (ID["event/meeting/hsd-2024"], CTKG.hasDelegation, ID["event/meeting/hsd-2024/delegation/india"]) \
        in delegation_report.inferred


def test_superclass_memberships_are_inferred(delegation_report):
    meeting = ID["event/meeting/hsd-2024"]
    memberships = {(meeting, RDF.type, CTKG.Meeting), (meeting, RDF.type, CTKG.Event)}
    assert memberships <= set(delegation_report.inferred)


def test_the_inferred_graph_holds_only_new_triples(ontology, delegation_data, delegation_report):
    assert len(delegation_report.inferred) > 0
    assert [t for t in delegation_report.inferred if t in delegation_data or t in ontology] == []


# -- inconsistencies ----------------------------------------------------------------------------------

def test_two_session_numbers_of_one_meeting_make_the_data_inconsistent(ontology):
    report = infer(ontology, turtle(PREFIXES + """
        <event/meeting/m> a ctkg:Meeting ; ctkg:sessionNumber 16 , 17 ."""))
    assert not report.consistent
    assert report.culprits == (ID["event/meeting/m"],)
    assert "ctkg:sessionNumber" in report.message


def test_two_reported_start_dates_and_tolls_are_competing_claims_not_an_inconsistency(ontology):
    report = infer(ontology, turtle(PREFIXES + """
        <event/attack/2016-uri> a ctkg:Attack ; ctkg:killed 17 , 18 ;
            ctkg:startDate "2016-09-18"^^xsd:date , "2016-09-19"^^xsd:date ."""))
    assert report.consistent, report.message


def test_a_clash_only_the_reasoner_sees_is_found_by_search(ontology):
    # ctkg:published has a union domain (article, statement or document), all disjoint with actors;
    # the static pass does not read unions, so the culprit is found by QuickXplain.
    report = infer(ontology, turtle(PREFIXES + """
        <person/a> a ctkg:Person ; ctkg:published "2024-01-01"^^xsd:date .
        <person/b> a ctkg:Person ."""))
    assert not report.consistent
    assert report.culprits == (ID["person/a"],)


def test_the_object_of_a_range_clash_is_named_with_the_property_that_typed_it(ontology):
    clashes = find_clashes(ontology, turtle(PREFIXES + """
        <d> a ctkg:Delegation ; ctkg:ledBy <state/india> .
        <state/india> a ctkg:State ."""))
    assert [node for node, _ in clashes] == [ID["state/india"]]
    assert "object of ctkg:ledBy" in clashes[0][1]


def test_a_confidence_written_as_a_double_is_outside_its_range(ontology):
    clashes = find_clashes(ontology, turtle(PREFIXES + """
        <fact/1> a ctkg:Assertion ; ctkg:confidence "0.9"^^xsd:double ."""))
    assert [node for node, _ in clashes] == [ID["fact/1"]]


def test_a_decimal_confidence_within_zero_and_one_fits_its_range(ontology):
    assert find_clashes(ontology, turtle(PREFIXES + """
        <fact/1> a ctkg:Assertion ; ctkg:confidence 0.90 .""")) == []


def test_an_unsatisfiable_class_is_listed(ontology):
    chimera = turtle(PREFIXES + """
        @prefix owl: <http://www.w3.org/2002/07/owl#> .
        @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
        <urn:test:Chimera> a owl:Class ; rdfs:subClassOf ctkg:Person , ctkg:State .""")
    report = infer(ontology + chimera, Graph())
    assert report.consistent
    assert [str(c) for c in report.unsatisfiable] == ["urn:test:Chimera"]


# -- the CLI helper ---------------------------------------------------------------------------------

def test_require_consistent_raises_with_the_reports_message():
    report = ReasonerReport(False, Graph(), (), (ID["person/x"],), "inconsistent: id:person/x is odd.")
    with pytest.raises(InconsistentOntology, match=r"seeds: inconsistent: id:person/x is odd\."):
        require_consistent(report, "seeds")


def test_require_consistent_passes_a_consistent_report_through():
    report = ReasonerReport(True, Graph(), (), (), "consistent; 0 new triples inferred.")
    assert require_consistent(report) is report
