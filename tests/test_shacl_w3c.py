"""The W3C SHACL test suite (../shared/w3c-shacl-tests: 98 Core and 22 SHACL-SPARQL tests) run on
kg/shacl. Skipped where ../shared is not beside the project; KG_W3C_SHACL_TESTS names another
copy of the suite's folder.

Each test's data and shapes graphs are read with pyoxigraph, the shapes compiled and checked on
the whole data graph (no context: every focus node is reported), and the results compared with
the expected sh:ValidationReport: sh:conforms, and the multiset of (focus node, result path,
source constraint component, severity, source shape, value) of the results, blank nodes as one
anonymous term since they cannot be matched across graphs. A test whose expected result is
sht:Failure passes when the engine refuses the shapes (ShapesNotSupported).

Outcomes: pass, fail (wrong report or no refusal), refused (ShapesNotSupported where a report
was expected; its message must name the feature), crash (any other exception).

    python tests/test_shacl_w3c.py [SUITE_FOLDER]    # prints each outcome and the counts
"""
from __future__ import annotations

import os
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from kg.errors import ShapesNotSupported  # noqa: E402
from kg.shacl import Shapes  # noqa: E402
from kg.shacl.compiler import Compiler  # noqa: E402
from kg.shacl.model import path_sparql  # noqa: E402

SUITE = Path(os.environ.get("KG_W3C_SHACL_TESTS") or ROOT.parent / "shared" / "w3c-shacl-tests")
MF = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#"
SHT = "http://www.w3.org/ns/shacl-test#"
SH = "http://www.w3.org/ns/shacl#"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")


@dataclass(frozen=True)
class W3CTest:
    name: str           # the test's path in the suite, e.g. core/node/class-001
    part: str           # "core" or "sparql"
    manifest: Path      # the file holding the test entry and its expected result
    node: ox.NamedNode  # the test entry
    data: str           # file URIs of the data graph and the shapes graph
    shapes: str


class Graphs:
    """Each file of the suite parsed once (so that a file that is data, shapes and expected report
    at once has one set of blank nodes), indexed by subject."""

    def __init__(self):
        self.parsed: dict[str, list] = {}

    def triples(self, uri: str) -> list:
        if uri not in self.parsed:
            path = Path(uri.removeprefix("file://"))
            self.parsed[uri] = [(t.subject, t.predicate, t.object)
                                for t in ox.parse(path=path, format=ox.RdfFormat.TURTLE, base_iri=uri)]
        return self.parsed[uri]

    def index(self, uri: str) -> Compiler:
        return Compiler(self.triples(uri))


def _one(index: Compiler, node, iri: str):
    found = index.values(node, iri)
    return found[0] if found else None


def suite_tests(folder: Path = SUITE) -> list[W3CTest]:
    """The tests of every manifest the suite's manifest.ttl includes, in manifest order."""
    graphs, found = Graphs(), []

    def read(manifest: Path) -> None:
        uri = manifest.as_uri()
        index = graphs.index(uri)
        for entries in index.values(ox.NamedNode(uri), MF + "entries"):
            for node in index.rdf_list(entries):
                action = _one(index, node, MF + "action")
                name = str(Path(node.value.removeprefix("file://")).relative_to(folder)).removesuffix(".ttl")
                found.append(W3CTest(name, name.split("/")[0], manifest, node,
                                     _one(index, action, SHT + "dataGraph").value,
                                     _one(index, action, SHT + "shapesGraph").value))
        for include in index.values(ox.NamedNode(uri), MF + "include"):
            read(Path(include.value.removeprefix("file://")))

    read(folder / "manifest.ttl")
    return found


def _term(term) -> str:
    return "_:" if isinstance(term, ox.BlankNode) else str(term)


def expected_report(test: W3CTest, graphs: Graphs) -> tuple[bool, Counter] | None:
    """(conforms, results) of the expected report, or None for sht:Failure."""
    index = graphs.index(test.manifest.as_uri())
    report = _one(index, test.node, MF + "result")
    if report == ox.NamedNode(SHT + "Failure"):
        return None
    conforms = _one(index, report, SH + "conforms").value == "true"
    results = Counter()
    for result in index.values(report, SH + "result"):
        path = _one(index, result, SH + "resultPath")
        results[(_term(_one(index, result, SH + "focusNode")),
                 None if path is None else path_sparql(index.path(path)),
                 _term(_one(index, result, SH + "sourceConstraintComponent")),
                 _term(_one(index, result, SH + "resultSeverity")),
                 _term(_one(index, result, SH + "sourceShape")),
                 _term(_one(index, result, SH + "value")))] += 1
    return conforms, results


def engine_report(test: W3CTest, graphs: Graphs) -> tuple[bool, Counter]:
    shapes = Shapes.compile(graphs.triples(test.shapes))
    results = Counter()
    for r in shapes.check(graphs.triples(test.data)):
        path = r.path_expr if r.path_expr is not None else ("predicate", r.path) if r.path is not None else None
        results[(_term(r.focus), None if path is None else path_sparql(path), _term(r.component),
                 _term(r.severity), _term(r.shape), _term(r.value))] += 1
    return not results, results


def run(test: W3CTest, graphs: Graphs) -> tuple[str, str]:
    """(outcome, detail) of one test."""
    expected = expected_report(test, graphs)
    try:
        found = engine_report(test, graphs)
    except ShapesNotSupported as error:
        return ("pass" if expected is None else "refused"), str(error)
    except Exception as error:  # noqa: BLE001 - a crash is an outcome here, counted and shown
        return "crash", f"{type(error).__name__}: {error}"
    if expected is None:
        return "fail", "the shapes were accepted where the suite expects a failure"
    if found == expected:
        return "pass", ""
    missing, extra = expected[1] - found[1], found[1] - expected[1]
    return "fail", f"conforms {found[0]} (expected {expected[0]}); missing {dict(missing)}; extra {dict(extra)}"


# -- the counts this engine reaches, held -------------------------------------------------------------

# Tests the engine refuses, with a word its message must contain (the feature it names).
REFUSED: dict[str, str] = {}

needs_suite = pytest.mark.skipif(not (SUITE / "manifest.ttl").is_file(),
                                 reason="../shared/w3c-shacl-tests is not beside the project")
TESTS = suite_tests() if (SUITE / "manifest.ttl").is_file() else []


@pytest.fixture(scope="module")
def outcomes() -> dict[str, tuple[str, str]]:
    graphs = Graphs()
    return {test.name: run(test, graphs) for test in TESTS}


@needs_suite
def test_the_suite_holds_98_core_and_22_sparql_tests():
    assert Counter(t.part for t in TESTS) == {"core": 98, "sparql": 22}


@needs_suite
@pytest.mark.parametrize("name", [t.name for t in TESTS])
def test_each_w3c_test_passes_or_is_refused_by_name(name, outcomes):
    outcome, detail = outcomes[name]
    if name in REFUSED:
        assert outcome == "refused" and REFUSED[name] in detail, detail
    else:
        assert outcome == "pass", detail


@needs_suite
@pytest.mark.parametrize(("part", "least"), [("core", 98), ("sparql", 22)])
def test_the_counts_reached_are_held(part, least, outcomes):
    counts = Counter(outcomes[t.name][0] for t in TESTS if t.part == part)
    assert counts["pass"] >= least and counts["fail"] == 0 and counts["crash"] == 0, counts


def main(argv: list[str]) -> int:
    folder = Path(argv[0]) if argv else SUITE
    graphs, counts = Graphs(), {"core": Counter(), "sparql": Counter()}
    for test in suite_tests(folder):
        outcome, detail = run(test, graphs)
        counts[test.part][outcome] += 1
        print(f"{outcome:8} {test.name}" + (f"\n         {detail}" if outcome != "pass" else ""))
    for part, found in counts.items():
        print(f"{part}: " + ", ".join(f"{n} {k}" for k, n in sorted(found.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
