"""Names: the user's text to IRIs (resolve_label), and IRIs to what they print as (fetch_labels,
display)."""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Iterable

from pyoxigraph import BlankNode, Literal, NamedNode, Variable

from kg.errors import UnknownEntity
from kg.paths import internal_query
from kg.query.catalogue import either
from kg.query.engine import Term, Value, bind_values, fill_template, prefixes, select
from kg.store.index import entities_by_label_key, index_store
from kg.vocab import CTKG, base_iri, label_key

LABEL_CHUNK = 1000
XSD = "http://www.w3.org/2001/XMLSchema#"
INTEGER_TYPES = {
    XSD + name
    for name in (
        "integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger",
        "nonPositiveInteger", "negativeInteger", "unsignedInt", "unsignedLong",
        "unsignedShort", "unsignedByte",
    )
}
FLOAT_TYPES = {XSD + "decimal", XSD + "double", XSD + "float"}


def resolve_label(store, text: str) -> list[NamedNode]:
    """The entities whose label or alias is `text` (compared by label_key), or the entity whose
    IRI (or id:/wd: prefixed name) `text` is. UnknownEntity, with close labels, if none."""
    iri = _as_iri(text)
    if iri is not None:
        if list(select(store, bind_values(internal_query("known-iri"), {"entity": [iri]}))):
            return [iri]
        raise UnknownEntity(
            f"no entity with the IRI <{iri.value}> in the store. Give a label or alias "
            "instead, or look the IRI up with kg query ... --iris."
        )
    key = label_key(text)
    if key:
        found = entities_by_label_key(store, key)   # an index lookup, on a store that keeps one
        if found is None:
            found = [solution["entity"] for solution in
                     select(store, internal_query("resolve-label"), {Variable("key"): Literal(key)})]
        if found:
            return [term for term in dict.fromkeys(found) if isinstance(term, NamedNode)]
    raise UnknownEntity(_no_entity_message(store, text))


@dataclass(frozen=True)
class Candidate:
    """An entity a name may mean: its IRI, its preferred label and its kinds (ctkg classes)."""

    iri: str
    label: str
    kinds: tuple[str, ...]

    def __str__(self) -> str:
        return f"{self.label} ({', '.join(self.kinds) or 'no kind stated'})"


def candidates(store, text: str) -> list[Candidate]:
    """The entities whose label or alias holds `text` as whole words, ignoring case ('Pathankot'
    finds the town and '2016 Pathankot attack'), by IRI: what a name may mean when it names no
    entity of the kind a question needs."""
    word = " ".join(text.split()).lower()
    if not word:
        return []
    whole = re.compile(r"(?<!\w)" + re.escape(word) + r"(?!\w)")
    labels: dict[str, set[str]] = {}
    kinds: dict[str, set[str]] = {}
    for row in select(store, internal_query("labels-containing"), {Variable("word"): Literal(word)}):
        entity, label, kind = row["entity"], row["label"], row["type"]
        if not isinstance(entity, NamedNode) or not whole.search(label.value.lower()):
            continue
        labels.setdefault(entity.value, set()).add(label.value)
        if isinstance(kind, NamedNode) and kind.value.startswith(str(CTKG._NS)):
            kinds.setdefault(entity.value, set()).add(compact_iri(kind.value))
    names = fetch_labels(store, labels)
    return [Candidate(iri, names.get(iri) or sorted(found)[0], tuple(sorted(kinds.get(iri, ()))))
            for iri, found in sorted(labels.items())]


def _as_iri(text: str) -> NamedNode | None:
    text = text.strip()
    if text.startswith("<") and text.endswith(">"):
        text = text[1:-1]
    else:
        match = re.fullmatch(r"([a-z][\w-]*):(\S+)", text)
        if match and match.group(1) in prefixes() and not text.startswith(("http:", "https:")):
            text = prefixes()[match.group(1)] + match.group(2)
        elif not re.fullmatch(r"(https?|urn):\S+", text):
            return None
    try:
        return NamedNode(text)
    except ValueError:
        return None


def _no_entity_message(store, text: str) -> str:
    labels = [str(solution["label"].value) for solution in select(store, internal_query("all-labels"))]
    by_lower: dict[str, str] = {}
    for label in sorted(labels):
        by_lower.setdefault(label.lower(), label)
    close = difflib.get_close_matches(text.lower(), list(by_lower), n=3, cutoff=0.6)
    if close:
        return f"no entity named '{text}'. Did you mean {either([by_lower[c] for c in close])}?"
    return (
        f"no entity named '{text}': no label or alias comes close. Look names up with "
        f"kg sparql \"SELECT ?x ?label WHERE {{ ?x skos:prefLabel ?label }}\""
    )




def fetch_labels(store, iris: Iterable[str]) -> dict[str, str]:
    """IRI -> the name to show it by: its skos:prefLabel; else, for a post (id:post/...), its
    title; for an article or sentence (id:article/...), its file name or text. One query per
    LABEL_CHUNK IRIs, never one per row (kg/sparql/display-labels.rq says how)."""
    wanted = sorted(set(iris))
    posts, sources = base_iri() + "post/", base_iri() + "article/"
    index = index_store(store)   # names and titles once each, in the lookup index
    best: dict[int, tuple[int, Literal]] = {}
    for start in range(0, len(wanted), LABEL_CHUNK):
        blocks: dict[str, list[tuple[int, NamedNode]]] = {"named": [], "post": [], "source": []}
        for number, iri in enumerate(wanted[start : start + LABEL_CHUNK], start):
            kind = "post" if iri.startswith(posts) else "source" if iri.startswith(sources) else "named"
            blocks[kind].append((number, NamedNode(iri)))
        runs = []
        if blocks["named"] or blocks["post"]:
            names = bind_numbered(internal_query("display-labels"), {"named": blocks["named"], "post": blocks["post"]})
            runs.append(select(store, names) if index is None else index.query(names, prefixes=prefixes()))
        if blocks["source"]:
            runs.append(select(store, bind_numbered(internal_query("display-source-labels"), {"source": blocks["source"]})))
        for number, label, rank in (row for run in runs for row in run):
            number, rank = int(number.value), int(rank.value)
            found = best.get(number)
            if found is None:
                best[number] = (rank, label)   # most IRIs have one name: compare only when more
            elif _label_key(rank, label) < _label_key(*found):
                best[number] = (rank, label)
    return {wanted[number]: label.value for number, (_, label) in best.items()}


def _label_key(rank: int, label: Literal) -> tuple:
    """Which of an IRI's names to show: the lowest rank, then English or untagged, then the
    first in alphabetical order."""
    return (rank, label.language not in (None, "en"), label.value)


def bind_numbered(text: str, values: dict[str, list[tuple[int, NamedNode]]]) -> str:
    """`text` with each `VALUES (?name ?n) { (UNDEF UNDEF) }` template holding the given
    (number, IRI) pairs as rows `(<iri> number)`. The numbers let a query answer about an IRI
    without the IRI itself, which Oxigraph would read back from the store for every row."""
    for name, pairs in values.items():
        text = fill_template(text, (name, "n"), [(iri, int(number)) for number, iri in pairs])
    return text



def display(term: Term | None, labels: dict[str, str] | None = None, *, iris: bool = False) -> Value:
    """How a term prints: a label (or a compact IRI), a number, a boolean, an ISO date."""
    if term is None:
        return None
    if isinstance(term, NamedNode):
        if iris:
            return term.value
        return (labels or {}).get(term.value) or compact_iri(term.value)
    if isinstance(term, BlankNode):
        return "_:" + term.value
    if isinstance(term, Literal):
        return literal_value(term)
    return str(term)


def literal_value(literal: Literal) -> Value:
    """An integer as int, a decimal/double as float, a boolean as bool; dates and the rest
    as their lexical form (xsd:date is already ISO 8601)."""
    datatype = literal.datatype.value if literal.datatype else ""
    try:
        if datatype in INTEGER_TYPES:
            return int(literal.value)
        if datatype in FLOAT_TYPES:
            return float(literal.value)
    except ValueError:
        return literal.value
    if datatype == XSD + "boolean":
        return literal.value in ("true", "1")
    return literal.value


def compact_iri(iri: str) -> str:
    """ctkg terms by their local name ('Dialogue'), others as prefixed names ('id:post/...')."""
    ontology = str(CTKG._NS)
    if iri.startswith(ontology) and len(iri) > len(ontology):
        return iri[len(ontology) :]
    for prefix, namespace in sorted(prefixes().items(), key=lambda item: -len(item[1])):
        if iri.startswith(namespace) and len(iri) > len(namespace):
            return f"{prefix}:{iri[len(namespace):]}"
    return iri

