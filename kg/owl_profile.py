"""graph -> ProfileViolation records: is an RDF graph an OWL 2 DL ontology?

The check is the OWL API's OWL2DLProfile, the one Protege runs, from the copy of the OWL API
inside owlready2's HermiT.jar: `kg/java/OwlProfile.java` is run as a single Java source file
(Java 11 or later) on the graph written as RDF/XML. It names each violating axiom in OWL
functional syntax, e.g. `UseOfReservedVocabularyForClassIRI  Declaration(Class(rdf:Statement))`.
One run starts a JVM (about 1 s).
"""
from __future__ import annotations

import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import owlready2
from rdflib import Graph

from kg.errors import KgError

CHECKER = Path(__file__).resolve().parent / "java" / "OwlProfile.java"
HERMIT_JAR = Path(owlready2.__file__).resolve().parent / "hermit" / "HermiT.jar"
TIMEOUT_S = 120


@dataclass(frozen=True)
class ProfileViolation:
    kind: str       # the OWL API's name for it: UseOfReservedVocabularyForClassIRI, ...
    axiom: str      # the axiom that breaks the profile, in OWL functional syntax


def java_available() -> bool:
    return shutil.which("java") is not None


def dl_violations(graph: Graph) -> tuple[ProfileViolation, ...]:
    """The OWL 2 DL profile violations of `graph` (empty when it is OWL 2 DL)."""
    java = shutil.which("java")
    if java is None:
        raise KgError("The OWL 2 DL profile check needs Java (java on the PATH), which was not found. "
                      "Install a Java runtime (Java 11 or later) and run again.")
    with tempfile.TemporaryDirectory(prefix="ctkg-profile-") as tmp:
        document = Path(tmp) / "ontology.owl"
        graph.serialize(document, format="xml")
        try:
            run = subprocess.run([java, "-cp", str(HERMIT_JAR), str(CHECKER), str(document)],
                                 capture_output=True, text=True, timeout=TIMEOUT_S)
        except subprocess.TimeoutExpired:
            raise KgError(f"The OWL 2 DL profile check took more than {TIMEOUT_S} s and was stopped. "
                          "Check a smaller graph, or run it where Java starts faster.") from None
    if run.returncode != 0:
        raise KgError(f"The OWL 2 DL profile check (Java, OWL API) failed: {run.stderr.strip()[-600:]}\n"
                      "  Check that the graph parses as RDF/XML and that java -version runs.")
    violations = (line.split("\t", 1) for line in run.stdout.splitlines() if "\t" in line)
    return tuple(sorted({ProfileViolation(kind, axiom) for kind, axiom in violations},
                        key=lambda v: (v.kind, v.axiom)))
