"""kg/shacl, the compiled shapes: the same results as pySHACL (the reference engine) on every
case of tests/test_shapes.py, on loader output and on shapes that exercise each component; and a
clear refusal of a shapes graph that uses what it does not implement."""
from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from pyshacl import validate as pyshacl_validate
from rdflib import Graph, Literal
from rdflib.namespace import RDF, SH

from kg.shacl import Shapes, ShapesNotSupported, well_formed
from kg.vocab import to_ox
from kg.validate import SHAPES_FILE, class_hierarchy, compiled_shapes, validate
from kg.vocab import CTKG
from test_shapes import CONTEXT, FAILING, PASSING, article

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
EX = "http://example.org/"


def ox_triples(graph: Graph) -> list[ox.Triple]:
    return [ox.Triple(to_ox(s), to_ox(p), to_ox(o)) for s, p, o in graph]


def reference_results(shapes: Graph, data: Graph, context: Graph | None = None,
                      hierarchy: Graph | None = None) -> set[tuple]:
    """pySHACL's results on data + context + hierarchy, for focus nodes described in `data`:
    (focus, path, value, constraint component)."""
    whole = Graph()
    for part in (data, context, hierarchy):
        if part is not None:
            whole += part
    _, report, _ = pyshacl_validate(whole, shacl_graph=shapes, inference="none", allow_warnings=True)
    described = {str(s) for s in data.subjects()}
    found = set()
    for result in report.objects(None, SH.result):  # not the sh:detail of sh:node results
        focus = report.value(result, SH.focusNode)
        if str(focus) not in described:
            continue
        path, value = report.value(result, SH.resultPath), report.value(result, SH.value)
        if path is not None and report.value(path, SH.inversePath) is not None:
            path = "^" + str(report.value(path, SH.inversePath))
        found.add((str(focus), None if path is None else str(path), None if value is None else str(to_ox(value)),
                   str(report.value(result, SH.sourceConstraintComponent))))
    return found


def compiled_results(shapes: Graph, data: Graph, context: Graph | None = None,
                     hierarchy: tuple = ()) -> set[tuple]:
    compiled = Shapes.compile(ox_triples(shapes), hierarchy)
    return {(r.focus.value, None if r.path is None else ("^" if r.inverse_of else "") + r.path.value, None if r.value is None else str(r.value),
             r.component.value)
            for r in compiled.check(ox_triples(data), ox_triples(context) if context is not None else ())}


@pytest.fixture(scope="module")
def project_shapes() -> Graph:
    return Graph().parse(SHAPES_FILE, format="turtle")


@pytest.fixture(scope="module")
def hierarchy() -> Graph:
    from rdflib import RDFS, URIRef

    graph = Graph()
    for sub, _, sup in class_hierarchy():
        graph.add((URIRef(sub.value), RDFS.subClassOf, URIRef(sup.value)))
    return graph


# -- the project's shapes, against pySHACL ----------------------------------------------------------

CASES = [pytest.param(turtle, True, id=f"passing {name}") for name, turtle in PASSING.items()] + [
    pytest.param(param.values[0], param.values[3], id=f"failing {param.id}") for param in FAILING]


@pytest.mark.parametrize(("turtle", "provenance"), CASES)
def test_each_shapes_case_gives_pyshacls_results(turtle, provenance, project_shapes, hierarchy):
    data = article(turtle, provenance=provenance)
    expected = reference_results(project_shapes, data, CONTEXT, hierarchy)
    assert compiled_results(project_shapes, data, CONTEXT, class_hierarchy()) == expected


@pytest.mark.parametrize("seed", sorted(p.name for p in SEEDS.glob("*.txt"))[:2])
def test_loader_output_gives_pyshacls_results(seed, project_shapes, hierarchy):
    from kg.article import read_article
    from kg.loader import extract_article

    data = extract_article(read_article(SEEDS / seed)).graph
    fact = sorted(data.subjects(RDF.type, CTKG.Assertion))[0]
    data.add((fact, CTKG.confidence, Literal("high")))  # one violation at least
    expected = reference_results(project_shapes, data, None, hierarchy)
    assert compiled_results(project_shapes, data, None, class_hierarchy()) == expected


# -- every implemented component, against pySHACL ---------------------------------------------------

COMPONENT_SHAPES = f"""
@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <{EX}> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> . @prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
ex:ThingShape a sh:NodeShape ; sh:targetClass ex:Thing ;
    sh:property [ sh:path ex:name ; sh:minCount 1 ; sh:maxCount 1 ; sh:datatype xsd:string ;
                  sh:minLength 2 ; sh:maxLength 8 ; sh:pattern "^a" ; sh:flags "i" ] ,
        [ sh:path ex:size ; sh:minInclusive 1 ; sh:maxExclusive 10 ] ,
        [ sh:path ex:size ; sh:maxInclusive 8 ; sh:minExclusive 0 ] ,
        [ sh:path ex:start ; sh:lessThan ex:end ] , [ sh:path ex:start ; sh:lessThanOrEquals ex:end ] ,
        [ sh:path ex:colour ; sh:in ( ex:red ex:green ) ] , [ sh:path ex:tag ; sh:hasValue ex:core ] ,
        [ sh:path ex:alias ; sh:equals ex:nick ] , [ sh:path ex:alias ; sh:disjoint ex:name ] ,
        [ sh:path ex:part ; sh:node ex:PartShape ; sh:class ex:Part ; sh:nodeKind sh:IRI ] ,
        [ sh:path ex:day ; sh:datatype xsd:date ] , [ sh:path ex:flag ; sh:datatype xsd:boolean ] ,
        [ sh:path ex:label ; sh:or ( [ sh:datatype xsd:string ] [ sh:datatype rdf:langString ] ) ] ,
        [ sh:path ex:label ; sh:not [ sh:datatype xsd:integer ] ] ,
        [ sh:path ex:count ; sh:and ( [ sh:datatype xsd:integer ] [ sh:minInclusive 0 ] ) ] ,
        [ sh:path ex:count ; sh:xone ( [ sh:maxInclusive 5 ] [ sh:minInclusive 3 ] ) ] ,
        [ sh:path [ sh:inversePath ex:owns ] ; sh:maxCount 1 ] .
ex:PartShape a sh:NodeShape ; sh:property [ sh:path ex:weight ; sh:minCount 1 ] .
ex:CheckedShape a sh:NodeShape ; sh:targetNode ex:special ; sh:nodeKind sh:BlankNodeOrLiteral .
ex:SubjectsShape a sh:NodeShape ; sh:targetSubjectsOf ex:owns ; sh:pattern "owner" .
ex:ObjectsShape a sh:NodeShape ; sh:targetObjectsOf ex:owns ; sh:class ex:Thing .
ex:Warned a sh:NodeShape ; sh:targetClass ex:Thing ; sh:severity sh:Warning ;
    sh:property [ sh:path ex:note ; sh:minCount 1 ] .
ex:Off a sh:NodeShape ; sh:targetClass ex:Thing ; sh:deactivated true ;
    sh:property [ sh:path ex:never ; sh:minCount 1 ] .
ex:SubThing rdfs:subClassOf ex:Thing .
"""

COMPONENT_DATA = f"""
@prefix ex: <{EX}> . @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
ex:good a ex:Thing ; ex:name "Alpha" ; ex:size 5 ; ex:start 1 ; ex:end 2 ; ex:colour ex:red ;
    ex:tag ex:core ; ex:alias "al" ; ex:nick "al" ; ex:part ex:p1 ; ex:day "2024-02-29"^^xsd:date ;
    ex:flag true ; ex:label "x"@en ; ex:count 4 ; ex:note "n" .
ex:p1 a ex:Part ; ex:weight 3 .
ex:owner ex:owns ex:good .
ex:bad a ex:SubThing ; ex:name "bravo-charlie", 7 ; ex:size 0, 10, 9 ; ex:start 3, "x" ; ex:end 2 ;
    ex:colour ex:blue ; ex:tag ex:extra ; ex:alias "Alpha", "b" ; ex:nick "c" ; ex:part ex:p2, "lit", ex:p3 ;
    ex:day "2023-02-29"^^xsd:date, "2024-1-5"^^xsd:date ; ex:label 5 ;
    ex:count -1, 4, 7, 1 .
ex:p2 a ex:Part . ex:p3 ex:weight 1 .
ex:someone ex:owns ex:bad . ex:other ex:owns ex:bad , ex:stranger .
ex:special ex:x 1 .
ex:stranger ex:x 2 .
"""


def test_every_component_gives_pyshacls_results():
    shapes = Graph().parse(format="turtle", data="@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> ." + COMPONENT_SHAPES)
    data = Graph().parse(format="turtle", data=COMPONENT_DATA)
    hierarchy = Graph().parse(format="turtle", data=f"@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> . "
                                                    f"<{EX}SubThing> rdfs:subClassOf <{EX}Thing> .")
    expected = reference_results(shapes, data, None, hierarchy)
    found = compiled_results(shapes, data, None, tuple(ox_triples(hierarchy)))
    assert found == expected
    assert len(found) > 30  # the bad node breaks nearly every rule


# -- what the engine does on its own -----------------------------------------------------------------

def shapes_of(turtle: str) -> list[ox.Triple]:
    header = f"@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <{EX}> .\n"
    return list(ox.parse(header + turtle, format=ox.RdfFormat.TURTLE))


def test_a_predicate_shacl_does_not_define_is_ignored_and_a_sh_typo_is_listed():
    compiled = Shapes.compile(shapes_of("ex:S a sh:NodeShape ; sh:targetNode ex:a ; ex:note 'mine' ; "
                                        "sh:property [ sh:path ex:p ; sh:minCont 1 ; sh:maxCount 0 ] ."))
    data = list(ox.parse(f"<{EX}a> <{EX}p> 1 .", format=ox.RdfFormat.TURTLE))
    assert [r.component.value.rsplit("#")[-1] for r in compiled.check(data)] == ["MaxCountConstraintComponent"]
    assert compiled.unrecognised == {"http://www.w3.org/ns/shacl#minCont"}


def test_the_project_shapes_use_no_sh_term_shacl_does_not_define():
    assert compiled_shapes().unrecognised == frozenset()


def test_a_custom_target_is_refused_by_name():
    with pytest.raises(ShapesNotSupported, match="sh:target"):
        Shapes.compile(shapes_of("ex:S a sh:NodeShape ; sh:target [ a ex:MyTarget ] ; sh:minCount 1 ."))


def test_a_sparql_construct_the_specification_forbids_is_refused_by_name():
    with pytest.raises(ShapesNotSupported, match="MINUS"):
        Shapes.compile(shapes_of('ex:S a sh:NodeShape ; sh:targetNode ex:a ; sh:sparql [ sh:select '
                                 '"SELECT $this WHERE { $this ?p ?o MINUS { $this ?p 1 } }" ] .'))


def test_a_sparql_query_that_does_not_parse_is_refused_when_compiled():
    with pytest.raises(ShapesNotSupported, match="does not parse"):
        Shapes.compile(shapes_of('ex:S a sh:NodeShape ; sh:targetNode ex:a ; sh:sparql [ sh:select '
                                 '"SELECT $this WHERE { $this ?p }" ] .'))


def test_this_is_bound_inside_optional_groups_and_on_a_blank_focus_node():
    compiled = Shapes.compile(shapes_of("""
        ex:S a sh:NodeShape ; sh:targetSubjectsOf ex:p ; sh:sparql [ sh:select \"""
            SELECT $this ?value WHERE { OPTIONAL { $this <http://example.org/p> ?value } FILTER (?value > 1) }\""" ] ."""))
    data = list(ox.parse(f"[] <{EX}p> 2 . <{EX}b> <{EX}p> 1 .", format=ox.RdfFormat.TURTLE))
    [result] = compiled.check(data)
    assert isinstance(result.focus, ox.BlankNode) and result.value == ox.Literal(2)


def test_a_sparql_constraint_substitutes_the_focus_node_and_fills_its_variables():
    compiled = Shapes.compile(shapes_of("""
        ex:S a sh:NodeShape ; sh:targetClass ex:T ; sh:sparql [
            sh:message "{$this} points at {?value}, which is not a T" ;
            sh:select "SELECT $this ?value WHERE { $this <http://example.org/p> ?value . FILTER NOT EXISTS { ?value a <http://example.org/T> } }" ] ."""))
    data = list(ox.parse(f"<{EX}a> a <{EX}T> ; <{EX}p> <{EX}b>, <{EX}a> .", format=ox.RdfFormat.TURTLE))
    [result] = compiled.check(data)
    assert (result.focus, result.value) == (ox.NamedNode(EX + "a"), ox.NamedNode(EX + "b"))
    assert result.message == f"{EX}a points at {EX}b, which is not a T"


def test_context_nodes_are_seen_but_never_reported():
    compiled = Shapes.compile(shapes_of("ex:S a sh:NodeShape ; sh:targetClass ex:T ; "
                                        "sh:property [ sh:path ex:p ; sh:class ex:T ; sh:minCount 1 ] ."))
    data = list(ox.parse(f"<{EX}a> a <{EX}T> ; <{EX}p> <{EX}b> .", format=ox.RdfFormat.TURTLE))
    context = list(ox.parse(f"<{EX}b> a <{EX}T> .", format=ox.RdfFormat.TURTLE))
    assert compiled.check(data, context) == []
    assert [r.focus.value for r in compiled.check(data)] == [EX + "a"]


@pytest.mark.parametrize(("lexical", "datatype", "ok"), [
    ("2024-02-29", "date", True), ("2023-02-29", "date", False), ("2024-2-9", "date", False),
    ("2024-02-29Z", "date", True), ("17", "integer", True), ("17.0", "integer", False),
    ("0.85", "decimal", True), ("0.85e0", "decimal", False), ("true", "boolean", True),
    ("yes", "boolean", False), ("2024-02-29T24:00:00", "dateTime", True), ("anything", "anyURI", True),
])
def test_lexical_forms_are_checked_for_the_datatypes_in_use(lexical, datatype, ok):
    literal = ox.Literal(lexical, datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#" + datatype))
    assert well_formed(literal) is ok


def test_validate_accepts_pyoxigraph_triples_as_the_loader_makes_them():
    graph = article('id:state/nepal a ctkg:State .')
    from_graph = validate(graph, context=CONTEXT)
    from_triples = validate(ox_triples(graph), context=ox_triples(CONTEXT))
    assert from_triples.violations == from_graph.violations != ()
