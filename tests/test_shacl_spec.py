"""kg/shacl against pySHACL on what SHACL defines beyond the project's own shapes: every property
path form, qualified value shapes, sh:closed, sh:languageIn, sh:uniqueLang, every target kind on
nodes with and without triples, and severities inside logical constraints."""
from __future__ import annotations

from collections import Counter

import pyoxigraph as ox
from pyshacl import validate as pyshacl_validate
from rdflib import Graph
from rdflib.namespace import SH

from kg.shacl import Shapes
from kg.shacl.compiler import Compiler
from kg.shacl.model import path_sparql
from kg.vocab import to_ox

EX = "http://example.org/"
HEADER = f"""@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <{EX}> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> . @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
"""

SHAPES = HEADER + """
ex:Paths a sh:NodeShape ; sh:targetClass ex:Thing ;
    sh:property [ sh:path ( ex:part ex:name ) ; sh:maxCount 1 ] ,
        [ sh:path [ sh:alternativePath ( ex:name ex:alias ) ] ; sh:minLength 3 ] ,
        [ sh:path [ sh:inversePath ex:part ] ; sh:maxCount 0 ] ,
        [ sh:path [ sh:zeroOrMorePath ex:part ] ; sh:class ex:Thing ] ,
        [ sh:path [ sh:oneOrMorePath ex:part ] ; sh:maxCount 2 ] ,
        [ sh:path [ sh:zeroOrOnePath ex:part ] ; sh:nodeKind sh:IRI ] .
ex:Qualified a sh:NodeShape ; sh:targetClass ex:Thing ;
    sh:property [ sh:path ex:part ; sh:qualifiedValueShape [ sh:class ex:Wheel ] ; sh:qualifiedMinCount 2 ;
                  sh:qualifiedValueShapesDisjoint true ] ,
        [ sh:path ex:part ; sh:qualifiedValueShape [ sh:class ex:Spare ] ; sh:qualifiedMaxCount 0 ;
          sh:qualifiedValueShapesDisjoint true ] .
ex:Closed a sh:NodeShape ; sh:targetClass ex:Part ; sh:closed true ; sh:ignoredProperties ( rdf:type ) ;
    sh:property [ sh:path ex:name ; sh:languageIn ( "en" "fr" ) ; sh:uniqueLang true ] .
ex:Literals a sh:NodeShape ; sh:targetNode "12"^^xsd:byte, "300"^^xsd:byte, ex:nowhere ;
    sh:datatype xsd:byte .
ex:Objects a sh:NodeShape ; sh:targetObjectsOf ex:owner ; sh:nodeKind sh:IRI ; sh:class ex:Person .
ex:Soft a sh:NodeShape ; sh:targetSubjectsOf ex:alias ;
    sh:or ( [ sh:severity sh:Warning ; sh:property [ sh:path ex:alias ; sh:minCount 2 ] ] ) .
"""

DATA = HEADER + """
ex:car a ex:Thing ; ex:part ex:w1, ex:w2, ex:s1, ex:odd ; ex:name "car" ; ex:alias "ca" .
ex:w1 a ex:Wheel, ex:Part ; ex:part ex:bolt ; ex:name "wheel"@en, "roue"@fr, "rad"@de, "wiel"@en ; ex:size 3 .
ex:w2 a ex:Wheel, ex:Spare, ex:Part ; ex:name "wheel" .
ex:s1 a ex:Spare, ex:Thing .
ex:bolt a ex:Part ; ex:part [ a ex:Part ] ; ex:name "bolt"@en-GB .
ex:odd ex:owner ex:car, "me" .
"""


def _canonical_path(index: Compiler, path) -> str | None:
    return None if path is None else path_sparql(index.path(path))


def pyshacl_results(shapes: str, data: str) -> Counter:
    _, report, _ = pyshacl_validate(Graph().parse(data=data, format="turtle"),
                                    shacl_graph=Graph().parse(data=shapes, format="turtle"),
                                    inference="none")
    index = Compiler([(to_ox(s), to_ox(p), to_ox(o)) for s, p, o in report])
    found = Counter()
    for result in report.objects(None, SH.result):
        result = to_ox(result)

        def one(name):
            values = index.values(result, name)
            return values[0] if values else None
        found[(str(one("focusNode")), _canonical_path(index, one("resultPath")), str(one("value")),
               str(one("sourceConstraintComponent")), str(one("resultSeverity")))] += 1
    return found


def engine_results(shapes: str, data: str) -> Counter:
    compiled = Shapes.compile(ox.parse(shapes, format=ox.RdfFormat.TURTLE))
    found = Counter()
    for r in compiled.check(ox.parse(data, format=ox.RdfFormat.TURTLE)):
        path = r.path_expr if r.path_expr is not None else None
        found[(str(r.focus), None if path is None else path_sparql(path), str(r.value), str(r.component),
               str(r.severity))] += 1
    return found


def _without_blank_focus(results: Counter) -> Counter:
    """Blank nodes are named apart in each parse: compare them as one anonymous node."""
    return Counter({tuple("_:" if str(x).startswith("_:") else x for x in key): n for key, n in results.items()})


def test_paths_qualified_closed_languages_targets_and_severities_give_pyshacls_results():
    expected = _without_blank_focus(pyshacl_results(SHAPES, DATA))
    found = _without_blank_focus(engine_results(SHAPES, DATA))
    assert found == expected
    components = {key[3].rsplit("#")[-1].removesuffix("ConstraintComponent>") for key in found}
    assert {"Closed", "LanguageIn", "UniqueLang", "QualifiedMinCount", "QualifiedMaxCount", "Datatype",
            "Class", "MaxCount", "MinLength", "NodeKind", "Or"} <= components


def test_every_path_form_reaches_the_nodes_sparql_reaches():
    from kg.shacl.model import Dataset
    shapes = HEADER + """
    ex:p1 sh:path ex:part . ex:p2 sh:path [ sh:inversePath ex:part ] . ex:p3 sh:path ( ex:part ex:name ) .
    ex:p4 sh:path [ sh:inversePath ( ex:part ex:owner ) ] . ex:p5 sh:path [ sh:alternativePath ( ex:name ex:alias ) ] .
    ex:p6 sh:path [ sh:inversePath [ sh:alternativePath ( ex:part ex:owner ) ] ] .
    ex:p7 sh:path [ sh:zeroOrMorePath ex:part ] . ex:p8 sh:path [ sh:oneOrMorePath ex:part ] .
    ex:p9 sh:path [ sh:zeroOrOnePath ex:part ] . ex:p10 sh:path [ sh:zeroOrMorePath ( ex:part ex:part ) ] .
    ex:p11 sh:path ( [ sh:inversePath [ sh:zeroOrMorePath ex:part ] ] ex:name ) .
    ex:p12 sh:path [ sh:oneOrMorePath [ sh:inversePath ex:owner ] ] .
    """
    compiler = Compiler(ox.parse(shapes, format=ox.RdfFormat.TURTLE))
    triples = list(ox.parse(DATA, format=ox.RdfFormat.TURTLE))
    store = ox.Store()
    store.extend([ox.Quad(t.subject, t.predicate, t.object) for t in triples])
    data = Dataset(triples)
    nodes = [ox.NamedNode(EX + n) for n in ("car", "w1", "w2", "s1", "bolt", "odd")]
    for n in range(1, 13):
        path = compiler.path(compiler.values(ox.NamedNode(f"{EX}p{n}"), "path")[0])
        for node in nodes:
            sparql = {s["v"] for s in store.query(f"SELECT DISTINCT ?v WHERE {{ {node} {path_sparql(path)} ?v }}")}
            found = data.path_values(path, node)
            assert len(found) == len(set(found)) and set(found) == sparql, (n, node)


def test_a_result_of_any_severity_makes_a_node_fail_a_nested_shape():
    shapes = Shapes.compile(ox.parse(HEADER + "ex:S a sh:NodeShape ; sh:targetNode ex:a ; "
                                     "sh:not [ sh:severity sh:Info ; sh:class ex:T ] .", format=ox.RdfFormat.TURTLE))
    assert shapes.check([]) == []     # ex:a fails the inner shape (an Info result): sh:not holds
    [result] = shapes.check(ox.parse(HEADER + "ex:a a ex:T .", format=ox.RdfFormat.TURTLE))
    assert result.component == ox.NamedNode("http://www.w3.org/ns/shacl#NotConstraintComponent")
