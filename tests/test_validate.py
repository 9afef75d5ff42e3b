"""kg.validate: the Report, the class hierarchy, context that is seen but not reported, and
validation that reads nothing beyond the graphs it is given."""
from __future__ import annotations

import re

from rdflib import Graph, URIRef
from rdflib.namespace import RDF, SH

from kg.validate import Report, Violation, validate
from kg.vocab import CTKG

I = "https://w3id.org/ctkg/id/"  # noqa: E741 - the id: prefix
HEADER = """
@prefix ctkg: <https://w3id.org/ctkg/ontology#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix rdf:  <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd:  <http://www.w3.org/2001/XMLSchema#> .
"""


def turtle_graph(turtle: str) -> Graph:
    """Parse Turtle in which `id:state/india` stands for <https://w3id.org/ctkg/id/state/india>."""
    expanded = re.sub(r"\bid:([A-Za-z0-9_/.-]*[A-Za-z0-9_-])", rf"<{I}\1>", turtle)
    return Graph().parse(format="turtle", data=HEADER + expanded)


def with_provenance(graph: Graph) -> Graph:
    """Record, as the loader does, where each extracted node's type came from."""
    graph += turtle_graph("""
        id:article/a1 a ctkg:Article ; ctkg:fileName "a1.txt" ;
            ctkg:contentHash "sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08" .
        id:article/a1/s0 a ctkg:Sentence ; ctkg:inArticle id:article/a1 ; ctkg:startChar 0 ;
            ctkg:endChar 10 ; ctkg:text "A meeting." .""")
    for n, (node, cls) in enumerate(sorted(graph.subject_objects(RDF.type))):
        if cls not in (CTKG.Article, CTKG.Sentence, CTKG.Assertion):
            graph += turtle_graph(f"""
                <{I}fact/{n:040x}> a ctkg:Assertion ; rdf:subject <{node}> ; rdf:predicate rdf:type ;
                    rdf:object <{cls}> ; prov:wasDerivedFrom id:article/a1/s0 ;
                    ctkg:extractedBy "test" ; ctkg:confidence 1.0 .""")
    return graph


INDIA = turtle_graph('id:state/india a ctkg:State ; skos:prefLabel "India"@en .')
UNLABELLED_STATE = 'id:state/nepal a ctkg:State .'
NEPAL = f"{I}state/nepal"


def test_report_carries_conformance_results_graph_text_and_violations():
    report = validate(turtle_graph(UNLABELLED_STATE))
    assert isinstance(report, Report)
    assert report.conforms is False
    assert (None, RDF.type, SH.ValidationReport) in report.results
    assert (None, SH.focusNode, URIRef(NEPAL)) in report.results
    assert "Conforms: False" in report.text
    assert report.violations == (
        Violation(
            focus=NEPAL,
            path="http://www.w3.org/2004/02/skos/core#prefLabel",
            message=f"{NEPAL} has no skos:prefLabel: the loader found no name for it, or its name lives only in "
                    "reference data that was not passed as context. Give it exactly one skos:prefLabel.",
            severity="Violation",
        ),
    )


def test_a_well_formed_graph_conforms_with_an_empty_report():
    report = validate(turtle_graph('id:state/nepal a ctkg:State ; skos:prefLabel "Nepal" .'))
    assert report.conforms is True
    assert report.violations == ()
    assert (None, SH.result, None) not in report.results


def test_messages_name_the_focus_node_in_the_graph_and_the_text_too():
    report = validate(turtle_graph(UNLABELLED_STATE))
    messages = [str(m) for m in report.results.objects(None, SH.resultMessage)]
    assert messages and all(m.startswith(NEPAL) for m in messages)
    assert "{$this}" not in report.text
    assert f"Message: {NEPAL} has no skos:prefLabel" in report.text


def test_a_dialogue_is_checked_by_meeting_shape_through_the_class_hierarchy():
    report = validate(with_provenance(turtle_graph('id:event/meeting/hsd-2024 a ctkg:Dialogue ; ctkg:dateUnknown true .')))
    assert [v.message.split(": ")[0] for v in report.violations] == [
        f"Meeting {I}event/meeting/hsd-2024 has no ctkg:participant"
    ]


def test_a_subclass_passes_a_class_check_through_the_hierarchy():
    data = turtle_graph("""
        id:post/ajay-bhalla/home-secretary a ctkg:Post ; ctkg:title "Home Secretary" ;
            ctkg:heldBy id:person/ajay-bhalla ; ctkg:postIn id:agency/mha .""")
    context = turtle_graph("""
        id:person/ajay-bhalla a ctkg:Person ; skos:prefLabel "Ajay Bhalla" .
        id:agency/mha a ctkg:GovernmentAgency ; skos:prefLabel "Ministry of Home Affairs" .""")
    report = validate(with_provenance(data), context=context)
    assert report.conforms, report.text


def test_context_entities_are_seen_by_class_checks_but_not_reported():
    data = with_provenance(turtle_graph(
        'id:event/meeting/m a ctkg:Dialogue ; ctkg:participant id:state/nepal ; ctkg:dateUnknown true .'))
    context = turtle_graph(UNLABELLED_STATE)  # a reference entity with a defect of its own
    report = validate(data, context=context)
    assert report.conforms, report.text


def test_a_node_the_article_describes_is_checked_with_its_context_description():
    data = turtle_graph('id:state/india skos:prefLabel "Bharat" .')
    report = validate(data, context=INDIA)
    assert [v.message.split(": ")[0] for v in report.violations] == [
        f"{I}state/india has more than one skos:prefLabel"
    ]


def test_validation_sees_nothing_but_the_graphs_it_is_given():
    meeting = 'id:event/meeting/m a ctkg:Dialogue ; ctkg:participant id:state/india ; ctkg:dateUnknown true .'
    assert validate(with_provenance(turtle_graph(meeting)), context=INDIA).conforms
    report = validate(with_provenance(turtle_graph(meeting)))  # India's description is not passed this time
    assert [v.message.split(",")[0] for v in report.violations] == [
        f"Meeting {I}event/meeting/m lists participant {I}state/india"
    ]


def test_validate_leaves_the_callers_graphs_unchanged():
    data = turtle_graph('id:event/meeting/m a ctkg:Dialogue ; ctkg:participant id:state/india .')
    context = turtle_graph('id:state/india a ctkg:State ; skos:prefLabel "India" .')
    before = (set(data), set(context))
    validate(data, context=context)
    assert (set(data), set(context)) == before


def test_iri_patterns_accept_a_configured_base_iri():
    data = Graph().parse(format="turtle", data=HEADER + """
        <https://kg.example.org/person/ajay-bhalla> a ctkg:Person ; skos:prefLabel "Ajay Bhalla" .""")
    assert validate(data).conforms


def test_a_sparql_constraint_checks_each_focus_node_separately():
    data = with_provenance(turtle_graph("""
        id:event/meeting/dated a ctkg:Dialogue ; ctkg:participant id:state/india ;
            ctkg:startDate "2024-02-27"^^xsd:date .
        id:event/meeting/undated a ctkg:Dialogue ; ctkg:participant id:state/india ."""))
    report = validate(data, context=INDIA)
    assert [v.focus for v in report.violations] == [f"{I}event/meeting/undated"]
