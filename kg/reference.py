"""The reference data (known actors, people, places, topics, attacks) as an alias index for matching.

Reads ontology/reference/*.ttl and ontology/topics.ttl once per process. Adding an actor or an
alias is adding triples to those files; no code changes.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox

from kg.paths import ONTOLOGY_DIR
from kg.terms import NamedNode, ctkg, rdf, skos

REFERENCE_DIR = ONTOLOGY_DIR / "reference"
TOPICS_FILE = ONTOLOGY_DIR / "topics.ttl"

# Classes the matcher knows, most specific first (an IRI typed twice takes the first).
KNOWN_CLASSES = (
    ctkg.State,
    ctkg.TerroristGroup,
    ctkg.SeparatistMovement,
    ctkg.GovernmentAgency,
    ctkg.InternationalOrganization,
    ctkg.NewsAgency,
    ctkg.Place,
    ctkg.Attack,
    skos.Concept,
)

_TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|[A-Za-z0-9]+(?:['’][A-Za-z]+)*")


def fold(text: str) -> str:
    """ASCII-fold a string: 'Qa’ida' -> "Qa'ida", accents dropped."""
    text = text.replace("’", "'").replace("‘", "'")
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


@functools.lru_cache(maxsize=1 << 16)
def token_norm(token: str) -> str:
    """How a token is compared: lower case, no dots, no apostrophes, no possessive 's."""
    token = fold(token)
    if re.search(r"'s$", token, re.I) and len(token) > 3:
        token = token[:-2]
    return re.sub(r"[.']", "", token).lower()


def tokens(text: str) -> list[tuple[str, int, int]]:
    """The word tokens of `text` with their offsets: (token, start, end)."""
    return [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def normalise(text: str) -> str:
    """A label's matching key: 'Lashkar e-Tayyiba' and 'Lashkar-e-Tayyiba' give 'lashkar e tayyiba'."""
    return " ".join(token_norm(t) for t, _, _ in tokens(text))


def is_case_sensitive(alias: str) -> bool:
    """Short acronyms ('US', 'LeT', 'IS') match only as written, so 'us' the pronoun is not the US."""
    letters = re.sub(r"[^A-Za-z]", "", alias)
    return len(letters) <= 5 and sum(c.isupper() for c in letters) >= 2


@dataclass(frozen=True)
class Known:
    iri: NamedNode
    cls: NamedNode
    label: str


@dataclass
class ReferenceIndex:
    """Every label of every known thing, keyed by its token sequence."""

    by_tokens: dict[tuple[str, ...], list[tuple[Known, str | None]]] = field(default_factory=dict)
    prefixes: set[tuple[str, ...]] = field(default_factory=set)
    demonyms: dict[str, Known] = field(default_factory=dict)
    max_len: int = 1
    known: dict[NamedNode, Known] = field(default_factory=dict)
    parents: dict[NamedNode, list[NamedNode]] = field(default_factory=dict)
    attacks_at: dict[NamedNode, list[tuple[NamedNode, str]]] = field(default_factory=dict)
    # Known people (people.ttl) are kept apart from the alias scan: an article announces a
    # person by a title or a cue and kg/entities.py looks the whole name up here, so the title
    # before a known name still reaches its post and no name matches inside a longer one.
    people: dict[tuple[str, ...], Known] = field(default_factory=dict)
    person_states: dict[NamedNode, NamedNode] = field(default_factory=dict)

    def add_alias(self, known: Known, alias: str) -> None:
        key = tuple(normalise(alias).split())
        if not key:
            return
        exact = "".join(re.findall(r"[A-Za-z0-9]", alias)) if is_case_sensitive(alias) else None
        entries = self.by_tokens.setdefault(key, [])
        if (known, exact) not in entries:
            entries.append((known, exact))
        self.max_len = max(self.max_len, len(key))
        self.prefixes.update(key[:n] for n in range(1, len(key) + 1))

    def lookup(self, key: tuple[str, ...], surface: str, topics: bool | None = None) -> Known | None:
        """The known thing a token sequence names, honouring case-sensitive acronyms.

        topics=False finds only actors, places and events; topics=True only SKOS concepts."""
        entries = self.by_tokens.get(key)
        if not entries:
            return None
        letters = None
        for known, exact in entries:
            if topics is not None and (known.cls == skos.Concept) != topics:
                continue
            if exact is not None:
                letters = letters or "".join(re.findall(r"[A-Za-z0-9]", fold(surface)))
                if letters != exact and re.sub(r"s$", "", letters) != exact:
                    continue
            return known
        return None

    def person(self, name: str) -> Known | None:
        """The known person a whole name is a label of ('S. Jaishankar', 'narendra modi'), or None:
        case, dots and a possessive are ignored; a part of the name ('Modi') or a longer name
        that contains a label ('Rahul Narendra Modi') is not a match."""
        return self.people.get(tuple(normalise(name).split()))

    def label(self, iri: NamedNode) -> str | None:
        known = self.known.get(iri)
        return known.label if known else None

    def states_of(self, iri: NamedNode) -> list[NamedNode]:
        """The states an agency belongs to, directly or through its parents."""
        seen, todo, found = set(), [iri], []
        while todo:
            for parent in self.parents.get(todo.pop(), []):
                if parent in seen:
                    continue
                seen.add(parent)
                known = self.known.get(parent)
                if known is not None and known.cls == ctkg.State:
                    found.append(parent)
                else:
                    todo.append(parent)
        return found


def reference_files() -> list[Path]:
    files = sorted(REFERENCE_DIR.glob("**/*.ttl"))
    if TOPICS_FILE.exists():
        files.append(TOPICS_FILE)
    return files


def load_reference_graph():
    """The reference files as one rdflib Graph, for the libraries that take one."""
    from rdflib import Graph

    graph = Graph()
    for path in reference_files():
        graph.parse(path, format="turtle")
    return graph


def reference_triples():
    """The reference files' triples, parsed by Oxigraph, as (subject, predicate, object) tuples."""
    for path in reference_files():
        for triple in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE):
            yield triple.subject, triple.predicate, triple.object


@lru_cache(maxsize=1)
def reference_index() -> ReferenceIndex:
    """The alias index over all reference files, built once per process."""
    return build_index(reference_triples())


def build_index(triples) -> ReferenceIndex:
    """An index from (subject, predicate, object) triples of pyoxigraph terms."""
    by_subject: dict[NamedNode, dict[NamedNode, list]] = {}
    for s, p, o in triples:
        by_subject.setdefault(s, {}).setdefault(p, []).append(o)
    index = ReferenceIndex()
    rank = {cls: n for n, cls in enumerate(KNOWN_CLASSES)}
    for iri, props in by_subject.items():
        if ctkg.Person in props.get(rdf.type, []):
            _add_person(index, iri, props)
            continue
        classes = sorted((c for c in props.get(rdf.type, []) if c in rank), key=rank.get)
        labels = props.get(skos.prefLabel)
        if not isinstance(iri, NamedNode) or not classes or not labels:
            continue
        known = Known(iri, classes[0], labels[0].value)
        index.known[iri] = known
        for alias in [*labels, *props.get(skos.altLabel, []), *props.get(ctkg.acronym, [])]:
            index.add_alias(known, alias.value)
        if known.cls == ctkg.State:
            for demonym in props.get(ctkg.demonym, []):
                index.demonyms[normalise(demonym.value)] = known
        index.parents[iri] = [p for p in props.get(ctkg.subOrganizationOf, []) if isinstance(p, NamedNode)]
        if known.cls == ctkg.Attack:
            date = next((d.value for d in props.get(ctkg.startDate, [])), "")
            for place in props.get(ctkg.place, []):
                index.attacks_at.setdefault(place, []).append((iri, date))
    return index


def _add_person(index: ReferenceIndex, iri, props: dict) -> None:
    """A known person: its full names in `people`, the state it acts for in `person_states`."""
    labels = props.get(skos.prefLabel)
    if not isinstance(iri, NamedNode) or not labels:
        return
    known = Known(iri, ctkg.Person, labels[0].value)
    index.known[iri] = known
    for alias in [*labels, *props.get(skos.altLabel, [])]:
        key = tuple(normalise(alias.value).split())
        if len(key) > 1:
            index.people.setdefault(key, known)
    states = [s for s in props.get(ctkg.actsFor, []) if isinstance(s, NamedNode)]
    if states:
        index.person_states[iri] = states[0]
