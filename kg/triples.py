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

from kg.article import Article
from kg.confidence import Stated, assertion_confidence, how_stated, reported
from kg.entities import ArticleEntities, default_organization
from kg.extract.scene import Extraction, Fact
from kg.reference import normalise
from kg.terms import Literal, NamedNode, ctkg, graph_of_article, literal, mint, prov, rdf, rdflib_key, skos, xsd
from kg.vocab import base_iri, from_ox, n_triples, slug


MENTIONED_CLASSES = {ctkg.State, ctkg.GovernmentAgency, ctkg.InternationalOrganization, ctkg.TerroristGroup,
                     ctkg.SeparatistMovement, ctkg.NewsAgency, ctkg.Place}


@dataclass
class ArticleGraph:
    """One article's graph as (subject, predicate, object) tuples of pyoxigraph terms, each once,
    in the order they were made: they go to validation and into the store as they are (`graph`
    gives an rdflib copy for inspection)."""

    article: Article
    graph_iri: NamedNode
    triples: list[tuple]
    new_entities: int
    known_entities: int
    events: int

    def __len__(self) -> int:
        return len(self.triples)

    def add(self, triple: tuple) -> None:
        """Add one (subject, predicate, object) triple unless it is there already."""
        if triple not in self.triples:
            self.triples.append(triple)

    @property
    def graph(self):
        """The triples as an rdflib Graph, for inspection."""
        from rdflib import Graph

        graph = Graph()
        for s, p, o in self.triples:
            graph.add((from_ox(s), from_ox(p), from_ox(o)))
        return graph

    def n_triples(self) -> str:
        return n_triples(self.triples)


def article_iri(article: Article) -> NamedNode:
    return mint("article", article.id)


def sentence_iri(article: Article, index: int) -> NamedNode:
    return NamedNode(f"{article_iri(article).value}/s{index}")


def fact_iri(fact: Fact, article: Article) -> NamedNode:
    """A fact's IRI: a hash of its triple, article and sentence (the object written as rdflib
    wrote it, `rdflib_key`, so that stores built before keep their fact IRIs)."""
    key = f"{fact.subject.value}|{fact.predicate.value}|{rdflib_key(fact.object)}|{article.id}|{fact.sentence}"
    return NamedNode(base_iri() + "fact/" + hashlib.sha1(key.encode()).hexdigest())


class _Builder:
    """Collects an article's triples, each once."""

    def __init__(self, article: Article):
        self.article = article
        self.triples: dict[tuple, None] = {}
        self.sentences: dict[int, NamedNode] = {}
        self.article_node = article_iri(article)
        self.stated: Callable[[int], Stated] = lambda index: Stated()

    def add(self, s, p, o) -> None:
        self.triples[(s, p, o)] = None

    def sentence(self, index: int) -> NamedNode:
        node = self.sentences.get(index)
        if node is None:
            node = self.sentences[index] = NamedNode(f"{self.article_node.value}/s{index}")
        return node


@functools.lru_cache(maxsize=256)
def _confidence(value) -> Literal:
    """An xsd:decimal in its canonical form ('0.8', '1'), as the store keeps it: what is written is
    what is read back (kg.journal seals an article's graph from the triples written)."""
    return Literal(format(Decimal(f"{value:.2f}").normalize(), "f"), datatype=xsd.decimal)


@functools.lru_cache(maxsize=4096)
def _plain(text: str) -> Literal:
    """A plain literal, made once: rule names and hedges recur in every article."""
    return Literal(text)


def build_graph(article: Article, res: ArticleEntities, extraction: Extraction,
                publisher: NamedNode | None = None, dateline: NamedNode | None = None) -> ArticleGraph:
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
    return ArticleGraph(article, graph_of_article(article.id), list(builder.triples), new, len(res.entities) - new,
                        len(extraction.events))


def _add_fact(builder: _Builder, fact: Fact, seen: set) -> None:
    """The fact's triple and its reification, once per sentence."""
    s, p, o = fact.subject, fact.predicate, fact.object
    if not isinstance(o, (NamedNode, Literal)):
        o = literal(o)
        fact = replace(fact, object=o)
    if ((s, p, o), fact.sentence) in seen:
        return
    seen.add(((s, p, o), fact.sentence))
    builder.triples[(s, p, o)] = None
    node = fact_iri(fact, builder.article)
    stated = builder.stated(fact.sentence) if reported(fact.rule, p, o) else Stated()
    confidence = assertion_confidence(p, o, fact.confidence, stated.hedges)
    for predicate, value in ((rdf.type, ctkg.Assertion), (rdf.subject, s), (rdf.predicate, p), (rdf.object, o),
                             (prov.wasDerivedFrom, builder.sentence(fact.sentence)), (ctkg.extractedBy, _plain(fact.rule)),
                             (ctkg.confidence, _confidence(confidence))):
        builder.triples[(node, predicate, value)] = None
    for hedge in stated.hedges:
        builder.triples[(node, ctkg.hedge, _plain(hedge))] = None
    if stated.according_to is not None:
        builder.triples[(node, ctkg.accordingTo, stated.according_to)] = None


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


def _describe_article(builder: _Builder, article: Article, publisher, dateline) -> None:
    iri = builder.article_node
    builder.add(iri, rdf.type, ctkg.Article)
    label = article.title or article.file_name
    builder.add(iri, skos.prefLabel, literal(label, lang="en"))
    builder.add(iri, ctkg.fileName, literal(article.file_name))
    builder.add(iri, ctkg.contentHash, literal(article.content_hash))
    builder.add(iri, ctkg.dateMethod, literal(article.date_method))
    if article.published:
        builder.add(iri, ctkg.published, literal(article.published, datatype=xsd.date))
    if publisher is not None:
        builder.add(iri, ctkg.publisher, publisher)
    if dateline is not None:
        builder.add(iri, ctkg.dateline, dateline)


def _describe_sentence(builder: _Builder, article: Article, index: int) -> None:
    sent = article.sentences[index]
    node = builder.sentence(index)
    integer = xsd.integer
    for predicate, value in ((rdf.type, ctkg.Sentence), (ctkg.inArticle, builder.article_node),
                             (ctkg.sentenceIndex, Literal(str(index), datatype=integer)),
                             (ctkg.startChar, Literal(str(sent.start), datatype=integer)),
                             (ctkg.endChar, Literal(str(sent.end), datatype=integer)),
                             (ctkg.text, Literal(sent.text))):
        builder.triples[(node, predicate, value)] = None


def _entity_facts(article: Article, res: ArticleEntities) -> list[Fact]:
    """Types, names and posts of the people an article introduces."""
    facts: list[Fact] = []
    for entity in res.entities.values():
        if entity.cls in MENTIONED_CLASSES:
            # The article names a known actor or place: say so, with the sentence, so that
            # "where is India mentioned?" has an answer and the article graph lists its actors.
            facts.append(Fact(entity.iri, rdf.type, entity.cls, entity.first_sentence, "mention", 0.9))
        if entity.cls != ctkg.Person:
            continue
        s, i = entity.iri, entity.first_sentence
        facts.append(Fact(s, rdf.type, ctkg.Person, i, "person-name", 0.8))
        facts.append(Fact(s, skos.prefLabel, literal(entity.label, lang="en"), i, "person-name", 0.8))
        facts.append(Fact(s, ctkg.nameKey, literal(entity.name_key), i, "person-name", 0.8))
        for alias in sorted(entity.aliases - {entity.label}):
            if len(normalise(alias).split()) > 1:
                facts.append(Fact(s, skos.altLabel, literal(alias, lang="en"), i, "person-alias", 0.7))
        if entity.state is not None:
            facts.append(Fact(s, ctkg.actsFor, entity.state, entity.state_sentence or i, "person-state", 0.7))
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


def _post_facts(article: Article, person: NamedNode, name: str, post) -> list[Fact]:
    iri = NamedNode(person.value.replace("/person/", "/post/", 1) + "/" + title_key(post.title))
    i, rule = post.sentence, post.rule
    facts = [
        Fact(iri, rdf.type, ctkg.Post, i, rule, 0.8),
        Fact(iri, skos.prefLabel, literal(f"{post.title}, {name}", lang="en"), i, rule, 0.8),
        Fact(iri, ctkg.title, literal(post.title), i, rule, 0.8),
        Fact(iri, ctkg.heldBy, person, i, rule, 0.8),
        Fact(person, ctkg.holdsPost, iri, i, rule, 0.8),
    ]
    if post.organization is not None:
        facts.append(Fact(iri, ctkg.postIn, post.organization, i, rule, 0.7))
    if post.state is not None:
        facts.append(Fact(iri, ctkg.postState, post.state, i, rule, 0.7))
    if article.published:
        facts.append(Fact(iri, ctkg.attestedOn, literal(article.published, datatype=xsd.date), i, "article-date", 0.9))
    return facts


