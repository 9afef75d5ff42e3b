"""What the graph knows about one entity, and where every fact came from (`kg explain`).

Besides each fact with its article and sentence, an explanation says how well each fact is
supported (its combined confidence over independent articles and the link strength that follows,
kg/confidence.py) and, where reports disagree on a single-valued fact (a date, a toll, a legal
status, a place), the competing values side by side, each with the articles that gave it and the
actors they attribute it to.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace

import pyoxigraph as ox

from kg.confidence import Source, combined, link_strength
from kg.store import sparql
from kg.vocab import CTKG, PREFIXES

# Facts that have one true value, though reports may give several: shown as competing claims.
CLAIM_PROPERTIES = {str(p) for p in (CTKG.startDate, CTKG.endDate, CTKG.startMonth, CTKG.killed, CTKG.injured,
                                     CTKG.legalStatus, CTKG.place, CTKG.eventStatus, CTKG.published)}


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
    published: str = ""                   # the article's date, when known
    hedges: tuple[str, ...] = ()          # 'alleged', 'sources said' ... (ctkg:hedge)
    according_to: str = ""                # the actor the sentence attributes the fact to


@dataclass(frozen=True)
class Support:
    """How well one fact (subject, predicate, object) is supported over all its articles."""

    subject: str
    predicate: str
    object: str
    articles: tuple[str, ...]             # file names, each once
    confidence: float                     # combined over independent reports
    strength: str                         # confirmed, probable or unconfirmed


@dataclass(frozen=True)
class ClaimValue:
    value: str
    articles: tuple[str, ...]
    according_to: tuple[str, ...]
    first_reported: str                   # the earliest date of the articles that give it
    confidence: float
    strength: str


@dataclass(frozen=True)
class Claim:
    """A single-valued fact on which reports disagree: each value with its sources."""

    subject: str
    predicate: str
    values: tuple[ClaimValue, ...]        # most confident first


@dataclass(frozen=True)
class Explanation:
    iri: str
    label: str
    reference: tuple[tuple[str, str, str], ...]     # (graph, predicate, object) not from articles
    facts: tuple[SourcedFact, ...]
    support: tuple[Support, ...] = ()
    claims: tuple[Claim, ...] = ()


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
    claim_keys: set[tuple[str, str]] = set()
    label = short(iri)
    for row in store.query(sparql("explain-facts"), use_default_graph_as_union=True, substitutions=binding):
        fact = SourcedFact(_shown(row, "subject"), short(row["predicate"].value), _shown(row, "object"),
                           row["file"].value, int(row["index"].value), row["sentence"].value,
                           row["rule"].value, float(row["confidence"].value),
                           row["published"].value if row["published"] is not None else "",
                           (row["hedge"].value,) if row["hedge"] is not None else (),
                           _shown(row, "source") if row["source"] is not None else "")
        key = (fact.subject, fact.predicate, fact.object, fact.file, fact.sentence_index)
        known = facts.get(key)
        if known is not None:
            fact = replace(known, hedges=tuple(sorted(set(known.hedges) | set(fact.hedges))))
        facts[key] = fact
        if row["predicate"].value in CLAIM_PROPERTIES and row["subject"].value == iri:
            claim_keys.add((fact.subject, fact.predicate))
        if row["subject"].value == iri and row["subjectLabel"] is not None:
            label = row["subjectLabel"].value
        elif row["object"].value == iri and row["objectLabel"] is not None:
            label = row["objectLabel"].value
    reference = []
    for row in store.query(sparql("explain-reference"), substitutions=binding):
        reference.append((short(row["graph"].value), short(row["predicate"].value), _shown(row, "object")))
        if row["predicate"].value.endswith("#prefLabel"):
            label = row["object"].value
    found = tuple(facts.values())
    support = supports(found)
    return Explanation(iri, label, tuple(dict.fromkeys(reference)), found, support, claims(found, support, claim_keys))


def supports(facts: tuple[SourcedFact, ...]) -> tuple[Support, ...]:
    """Each distinct fact once, with its articles, combined confidence and link strength."""
    grouped: dict[tuple[str, str, str], list[SourcedFact]] = defaultdict(list)
    for fact in facts:
        grouped[(fact.subject, fact.predicate, fact.object)].append(fact)
    found = []
    for (s, p, o), stated in grouped.items():
        confidence = combined(Source(f.file, f.sentence, f.confidence) for f in stated)
        found.append(Support(s, p, o, tuple(dict.fromkeys(f.file for f in stated)), confidence,
                             link_strength(confidence)))
    return tuple(found)


def claims(facts: tuple[SourcedFact, ...], support: tuple[Support, ...],
           keys: set[tuple[str, str]]) -> tuple[Claim, ...]:
    """The single-valued facts of `keys` for which the articles give more than one value."""
    by_fact = {(s.subject, s.predicate, s.object): s for s in support}
    found = []
    for subject, predicate in sorted(keys):
        values = [s for (fs, fp, _), s in by_fact.items() if (fs, fp) == (subject, predicate)]
        if len(values) < 2:
            continue
        shown = []
        for value in values:
            stated = [f for f in facts if (f.subject, f.predicate, f.object) == (value.subject, value.predicate,
                                                                                 value.object)]
            dates = sorted(f.published for f in stated if f.published)
            shown.append(ClaimValue(value.object, value.articles,
                                    tuple(sorted({f.according_to for f in stated if f.according_to})),
                                    dates[0] if dates else "", value.confidence, value.strength))
        shown.sort(key=lambda v: (-v.confidence, v.value))
        found.append(Claim(subject, predicate, tuple(shown)))
    return tuple(found)
