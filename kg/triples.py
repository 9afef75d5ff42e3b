"""Entities + events -> one RDF graph per article, every fact reified with its provenance.

The graph holds the article and its sentences (ctkg:Article, ctkg:Sentence), the facts, and for
each fact a ctkg:Assertion naming the sentence it came from, the rule that found it and a
confidence. Provenance nodes are not reified again. See docs/design.md.
"""
from __future__ import annotations

import functools
import hashlib
import re
from decimal import Decimal
from dataclasses import dataclass, replace
from typing import Callable

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, SKOS, XSD

from kg.article import Article
from kg.confidence import Stated, assertion_confidence, how_stated, reported
from kg.entities import ArticleEntities, default_organization
from kg.extract.scene import Extraction, Fact
from kg.reference import normalise
from kg.vocab import from_ox, n_triples, to_ox
from kg.vocab import CTKG, PROV, article_graph, base_iri, mint, slug


MENTIONED_CLASSES = {CTKG.State, CTKG.GovernmentAgency, CTKG.InternationalOrganization, CTKG.TerroristGroup,
                     CTKG.SeparatistMovement, CTKG.NewsAgency, CTKG.Place}


@dataclass
class ArticleGraph:
    """One article's graph as (subject, predicate, object) tuples of pyoxigraph terms, each once,
    in the order they were made: they go to validation and into the store as they are (`graph`
    gives an rdflib copy for inspection)."""

    article: Article
    graph_iri: URIRef
    triples: list[tuple]
    new_entities: int
    known_entities: int
    events: int

    def __len__(self) -> int:
        return len(self.triples)

    def add(self, triple) -> None:
        """Add one triple (of rdflib or pyoxigraph terms) unless it is there already."""
        made = tuple(term(t) for t in triple)
        if made not in self.triples:
            self.triples.append(made)

    @property
    def graph(self) -> Graph:
        graph = Graph()
        for s, p, o in self.triples:
            graph.add((from_ox(s), from_ox(p), from_ox(o)))
        return graph

    def n_triples(self) -> str:
        return n_triples(self.triples)


@functools.lru_cache(maxsize=1 << 16)
def term(value) -> ox.NamedNode | ox.Literal | ox.BlankNode:
    """The pyoxigraph term of an rdflib term (or of a plain value, as a literal); cached, since
    an actor, a predicate or a rule name recurs in every article."""
    if isinstance(value, (ox.NamedNode, ox.Literal, ox.BlankNode)):
        return value
    if isinstance(value, (URIRef, Literal)):
        return to_ox(value)
    return to_ox(Literal(value))


def article_iri(article: Article) -> URIRef:
    return mint("article", article.id)


def sentence_iri(article: Article, index: int) -> URIRef:
    return URIRef(f"{article_iri(article)}/s{index}")


def fact_iri(fact: Fact, article: Article) -> URIRef:
    key = f"{fact.subject}|{fact.predicate}|{fact.object!r}|{article.id}|{fact.sentence}"
    return URIRef(base_iri() + "fact/" + hashlib.sha1(key.encode()).hexdigest())


class _Builder:
    """Collects an article's triples as pyoxigraph terms, each once."""

    def __init__(self, article: Article):
        self.article = article
        self.triples: dict[tuple, None] = {}
        self.sentences: dict[int, ox.NamedNode] = {}
        self.article_node = ox.NamedNode(str(article_iri(article)))
        self.stated: Callable[[int], Stated] = lambda index: Stated()

    def add(self, s, p, o) -> None:
        self.triples[(term(s), term(p), term(o))] = None

    def sentence(self, index: int) -> ox.NamedNode:
        node = self.sentences.get(index)
        if node is None:
            node = self.sentences[index] = ox.NamedNode(f"{self.article_node.value}/s{index}")
        return node


_TYPE, _SUBJECT, _PREDICATE, _OBJECT = (term(RDF.type), term(RDF.subject), term(RDF.predicate), term(RDF.object))
_HEDGE, _ACCORDING_TO = term(CTKG.hedge), term(CTKG.accordingTo)
_ASSERTION, _DERIVED, _RULE, _CONFIDENCE = (term(CTKG.Assertion), term(PROV.wasDerivedFrom), term(CTKG.extractedBy),
                                            term(CTKG.confidence))


@functools.lru_cache(maxsize=256)
def _confidence(value) -> ox.Literal:
    """An xsd:decimal in its canonical form ('0.8', '1'), as the store keeps it: what is written is
    what is read back (kg.journal seals an article's graph from the triples written)."""
    return ox.Literal(format(Decimal(f"{value:.2f}").normalize(), "f"), datatype=term(XSD.decimal))


def build_graph(article: Article, res: ArticleEntities, extraction: Extraction,
                publisher: URIRef | None = None, dateline: URIRef | None = None) -> ArticleGraph:
    """The article's named graph, with the IRIs extraction minted (kg/resolve.py joins them to the
    store's and picks one preferred label per thing; fact IRIs stay as minted here)."""
    builder = _Builder(article)
    _describe_article(builder, article, publisher, dateline)
    seen = set()
    builder.stated = _stated_by_sentence(article, res)
    for fact in _entity_facts(article, res) + list(extraction.facts):
        _add_fact(builder, fact, seen)
    for index in sorted(builder.sentences):
        _describe_sentence(builder, article, index)
    new = sum(1 for e in res.entities.values() if not e.known)
    return ArticleGraph(article, article_graph(article.id), list(builder.triples), new, len(res.entities) - new,
                        len(extraction.events))


def _add_fact(builder: _Builder, fact: Fact, seen: set) -> None:
    """The fact's triple and its reification, once per sentence."""
    triple = (fact.subject, fact.predicate, _term(fact.object))
    if (triple, fact.sentence) in seen:
        return
    seen.add((triple, fact.sentence))
    s, p, o = term(triple[0]), term(triple[1]), term(triple[2])
    builder.triples[(s, p, o)] = None
    node = ox.NamedNode(str(fact_iri(Fact(triple[0], triple[1], triple[2], fact.sentence, fact.rule,
                                          fact.confidence), builder.article)))
    stated = builder.stated(fact.sentence) if reported(fact.rule, triple[1], triple[2]) else Stated()
    confidence = assertion_confidence(triple[1], triple[2], fact.confidence, stated.hedges)
    for predicate, value in ((_TYPE, _ASSERTION), (_SUBJECT, s), (_PREDICATE, p), (_OBJECT, o),
                             (_DERIVED, builder.sentence(fact.sentence)), (_RULE, term(Literal(fact.rule))),
                             (_CONFIDENCE, _confidence(confidence))):
        builder.triples[(node, predicate, value)] = None
    for hedge in stated.hedges:
        builder.triples[(node, _HEDGE, term(Literal(hedge)))] = None
    if stated.according_to is not None:
        builder.triples[(node, _ACCORDING_TO, term(stated.according_to))] = None


def _stated_by_sentence(article: Article, res: ArticleEntities) -> Callable[[int], Stated]:
    """How each sentence states its facts (hedges, attribution; kg/confidence.py), read once per sentence."""
    classes = {iri: entity.cls for iri, entity in res.entities.items()}

    @functools.cache
    def stated(index: int) -> Stated:
        if not 0 <= index < len(article.sentences):
            return Stated()
        sentence = article.sentences[index]
        return how_stated(sentence.text, sentence.start, res.in_sentence(index), classes)
    return stated


def _term(value):
    if isinstance(value, (URIRef, Literal)):
        return value
    return Literal(value)


def _describe_article(builder: _Builder, article: Article, publisher, dateline) -> None:
    iri = article_iri(article)
    builder.add(iri, RDF.type, CTKG.Article)
    label = article.title or article.file_name
    builder.add(iri, SKOS.prefLabel, Literal(label, lang="en"))
    builder.add(iri, CTKG.fileName, Literal(article.file_name))
    builder.add(iri, CTKG.contentHash, Literal(article.content_hash))
    builder.add(iri, CTKG.dateMethod, Literal(article.date_method))
    if article.published:
        builder.add(iri, CTKG.published, Literal(article.published, datatype=XSD.date))
    if publisher is not None:
        builder.add(iri, CTKG.publisher, publisher)
    if dateline is not None:
        builder.add(iri, CTKG.dateline, dateline)


def _describe_sentence(builder: _Builder, article: Article, index: int) -> None:
    sent = article.sentences[index]
    node = builder.sentence(index)
    integer = term(XSD.integer)
    for predicate, value in ((_TYPE, term(CTKG.Sentence)), (term(CTKG.inArticle), builder.article_node),
                             (term(CTKG.sentenceIndex), ox.Literal(str(index), datatype=integer)),
                             (term(CTKG.startChar), ox.Literal(str(sent.start), datatype=integer)),
                             (term(CTKG.endChar), ox.Literal(str(sent.end), datatype=integer)),
                             (term(CTKG.text), ox.Literal(sent.text))):
        builder.triples[(node, predicate, value)] = None


def _entity_facts(article: Article, res: ArticleEntities) -> list[Fact]:
    """Types, names and posts of the people an article introduces."""
    facts: list[Fact] = []
    for entity in res.entities.values():
        if entity.cls in MENTIONED_CLASSES:
            # The article names a known actor or place: say so, with the sentence, so that
            # "where is India mentioned?" has an answer and the article graph lists its actors.
            facts.append(Fact(entity.iri, RDF.type, entity.cls, entity.first_sentence, "mention", 0.9))
        if entity.cls != CTKG.Person:
            continue
        s, i = entity.iri, entity.first_sentence
        facts.append(Fact(s, RDF.type, CTKG.Person, i, "person-name", 0.8))
        facts.append(Fact(s, SKOS.prefLabel, Literal(entity.label, lang="en"), i, "person-name", 0.8))
        facts.append(Fact(s, CTKG.nameKey, Literal(entity.name_key), i, "person-name", 0.8))
        for alias in sorted(entity.aliases - {entity.label}):
            if len(normalise(alias).split()) > 1:
                facts.append(Fact(s, SKOS.altLabel, Literal(alias, lang="en"), i, "person-alias", 0.7))
        if entity.state is not None:
            facts.append(Fact(s, CTKG.actsFor, entity.state, entity.state_sentence or i, "person-state", 0.7))
        for post in entity.posts:
            if post.state is None and entity.state is not None:
                post = replace(post, state=entity.state, organization=post.organization or
                               default_organization(post.title, entity.state))
            facts.extend(_post_facts(article, entity.iri, entity.label, post))
    return facts


# Words before a title that qualify the holder, not the post: 'Union Home Secretary' and 'Home
# Secretary', 'acting deputy secretary' and 'Deputy Secretary' are one post each.
TITLE_QUALIFIERS = {"union", "acting", "senior", "interim", "then", "former", "current", "federal"}


def title_key(title: str) -> str:
    """A post's key from its title, the same whichever article is read first:
    'Joint Secretary for Counter-Terrorism' -> 'joint-secretary-for-counterterrorism',
    'Union Home Secretary' -> 'home-secretary'."""
    words = slug(re.sub(r"counter[\s-]+", "counter", title.lower())).split("-")
    while len(words) > 1 and words[0] in TITLE_QUALIFIERS:
        words = words[1:]
    return "-".join(words)


def _post_facts(article: Article, person: URIRef, name: str, post) -> list[Fact]:
    iri = URIRef(str(person).replace("/person/", "/post/", 1) + "/" + title_key(post.title))
    i, rule = post.sentence, post.rule
    facts = [
        Fact(iri, RDF.type, CTKG.Post, i, rule, 0.8),
        Fact(iri, SKOS.prefLabel, Literal(f"{post.title}, {name}", lang="en"), i, rule, 0.8),
        Fact(iri, CTKG.title, Literal(post.title), i, rule, 0.8),
        Fact(iri, CTKG.heldBy, person, i, rule, 0.8),
        Fact(person, CTKG.holdsPost, iri, i, rule, 0.8),
    ]
    if post.organization is not None:
        facts.append(Fact(iri, CTKG.postIn, post.organization, i, rule, 0.7))
    if post.state is not None:
        facts.append(Fact(iri, CTKG.postState, post.state, i, rule, 0.7))
    if article.published:
        facts.append(Fact(iri, CTKG.attestedOn, Literal(article.published, datatype=XSD.date), i, "article-date", 0.9))
    return facts


