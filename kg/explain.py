"""What the graph knows about one entity, and where every fact came from (`kg explain`)."""
from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox

from kg.store import sparql
from kg.vocab import PREFIXES


@dataclass(frozen=True)
class SourcedFact:
    subject: str
    predicate: str
    object: str
    file: str
    sentence_index: int
    sentence: str
    rule: str
    confidence: float


@dataclass(frozen=True)
class Explanation:
    iri: str
    label: str
    reference: tuple[tuple[str, str, str], ...]     # (graph, predicate, object) not from articles
    facts: tuple[SourcedFact, ...]


def short(iri: str) -> str:
    """An IRI in prefixed form where a project prefix fits: 'ctkg:holdsPost'."""
    for prefix, ns in sorted(PREFIXES.items(), key=lambda kv: -len(kv[1])):
        if iri.startswith(ns):
            return f"{prefix}:{iri[len(ns):]}"
    return iri


def _shown(row, term: str) -> str:
    label = row[f"{term}Label"]
    if label is not None:
        return label.value
    value = row[term]
    return short(value.value) if isinstance(value, ox.NamedNode) else value.value


def explain(store: ox.Store, iri: str) -> Explanation:
    """Every fact about `iri`, each with its article and sentence; two queries in all."""
    binding = {ox.Variable("entity"): ox.NamedNode(iri)}
    facts: dict[tuple, SourcedFact] = {}
    label = short(iri)
    for row in store.query(sparql("explain-facts"), use_default_graph_as_union=True, substitutions=binding):
        fact = SourcedFact(_shown(row, "subject"), short(row["predicate"].value), _shown(row, "object"),
                           row["file"].value, int(row["index"].value), row["sentence"].value,
                           row["rule"].value, float(row["confidence"].value))
        facts.setdefault((fact.subject, fact.predicate, fact.object, fact.file, fact.sentence_index), fact)
        if row["subject"].value == iri and row["subjectLabel"] is not None:
            label = row["subjectLabel"].value
        elif row["object"].value == iri and row["objectLabel"] is not None:
            label = row["objectLabel"].value
    reference = []
    for row in store.query(sparql("explain-reference"), substitutions=binding):
        reference.append((short(row["graph"].value), short(row["predicate"].value), _shown(row, "object")))
        if row["predicate"].value.endswith("#prefLabel"):
            label = row["object"].value
    return Explanation(iri, label, tuple(dict.fromkeys(reference)), tuple(facts.values()))
