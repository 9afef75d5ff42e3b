"""`kg shacl DATA --shapes SHAPES [--format turtle|json-ld]`: the W3C validation report on stdout,
exit 0 conforms, 1 does not conform, 2 a refused feature or an unreadable file (message on stderr)."""
from __future__ import annotations

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kg.cli import main

PREFIXES = ("@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <http://example.org/> .\n"
            "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n")
SHAPES = PREFIXES + """ex:S a sh:NodeShape ; sh:targetSubjectsOf ex:age ;
    sh:property [ sh:path ex:age ; sh:datatype xsd:integer ; sh:maxCount 1 ] ."""
SH = "http://www.w3.org/ns/shacl#"


def run(tmp_path, data: str, shapes: str = SHAPES, *options: str, data_name: str = "data.ttl"):
    (tmp_path / data_name).write_text(data, encoding="utf-8")
    (tmp_path / "shapes.ttl").write_text(shapes, encoding="utf-8")
    return CliRunner().invoke(main, ["shacl", str(tmp_path / data_name), "--shapes", str(tmp_path / "shapes.ttl"),
                                     *options], catch_exceptions=False)


def report(output: str, fmt: ox.RdfFormat = ox.RdfFormat.TURTLE) -> list[ox.Triple]:
    return list(ox.parse(output.encode(), format=fmt))


def values(triples: list[ox.Triple], name: str) -> list:
    return [t.object for t in triples if t.predicate == ox.NamedNode(SH + name)]


def test_conforming_data_exits_0_with_a_report_that_says_so(tmp_path):
    outcome = run(tmp_path, PREFIXES + "ex:a ex:age 42 .")
    assert outcome.exit_code == 0
    triples = report(outcome.stdout)
    assert values(triples, "conforms") == [ox.Literal(True)] and values(triples, "result") == []


def test_data_that_does_not_conform_exits_1_with_one_result_per_violation(tmp_path):
    outcome = run(tmp_path, PREFIXES + 'ex:a ex:age "old", 3 .')
    assert outcome.exit_code == 1
    triples = report(outcome.stdout)
    assert values(triples, "conforms") == [ox.Literal(False)]
    assert sorted(c.value.rsplit("#")[-1] for c in values(triples, "sourceConstraintComponent")) == [
        "DatatypeConstraintComponent", "MaxCountConstraintComponent"]
    assert values(triples, "value") == [ox.Literal("old")]


def test_the_report_can_be_json_ld(tmp_path):
    outcome = run(tmp_path, PREFIXES + 'ex:a ex:age "old" .', SHAPES, "--format", "json-ld")
    assert outcome.exit_code == 1
    assert values(report(outcome.stdout, ox.RdfFormat.JSON_LD), "focusNode") == [ox.NamedNode("http://example.org/a")]


def test_data_in_another_rdf_format_is_read_by_its_extension(tmp_path):
    outcome = run(tmp_path, '<http://example.org/a> <http://example.org/age> "x" .\n', data_name="data.nt")
    assert outcome.exit_code == 1


def test_a_refused_feature_exits_2_naming_it_on_stderr(tmp_path):
    outcome = run(tmp_path, PREFIXES + "ex:a ex:age 1 .",
                  PREFIXES + "ex:S a sh:NodeShape ; sh:target [ a ex:Custom ] ; sh:minCount 1 .")
    assert outcome.exit_code == 2 and outcome.stdout == ""
    assert "sh:target" in outcome.stderr


@pytest.mark.parametrize(("data", "expected"), [("ex:a ex:age", "line 3"), (None, "no such data file")])
def test_unreadable_data_exits_2_saying_where(tmp_path, data, expected):
    if data is None:
        (tmp_path / "shapes.ttl").write_text(SHAPES, encoding="utf-8")
        outcome = CliRunner().invoke(main, ["shacl", str(tmp_path / "absent.ttl"), "--shapes",
                                            str(tmp_path / "shapes.ttl")])
    else:
        outcome = run(tmp_path, PREFIXES + data)
    assert outcome.exit_code == 2 and expected in outcome.stderr


def test_context_files_are_seen_by_the_checks_but_their_nodes_are_not_reported(tmp_path):
    shapes = PREFIXES + ("@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
                         "ex:S a sh:NodeShape ; sh:targetClass ex:Agency ; sh:property [ sh:path ex:partOf ; "
                         "sh:class ex:Organization ] . ex:T a sh:NodeShape ; sh:targetClass ex:Organization ; "
                         "sh:property [ sh:path ex:name ; sh:minCount 1 ] .")
    (tmp_path / "context.ttl").write_text(PREFIXES + "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
                                          "ex:Ministry rdfs:subClassOf ex:Organization . ex:home a ex:Ministry .",
                                          encoding="utf-8")
    data = PREFIXES + "ex:police a ex:Agency ; ex:partOf ex:home ."
    assert run(tmp_path, data, shapes).exit_code == 1      # without the context, ex:home is no Organization
    outcome = run(tmp_path, data, shapes, "--context", str(tmp_path / "context.ttl"))
    assert outcome.exit_code == 0, outcome.stdout          # and ex:home's missing name is not reported
