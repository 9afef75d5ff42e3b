"""Entities + events -> one RDF graph per article, every fact reified with its provenance.

The graph holds the article and its sentences (ctkg:Article, ctkg:Sentence), the facts, and for
each fact a ctkg:Assertion naming the sentence it came from, the rule that found it and a
confidence. Provenance nodes are not reified again. See docs/design.md.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, replace
from typing import Callable

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, SKOS, XSD

from kg.article import Article
from kg.entities import Resolution, default_organization
from kg.events import Extraction, Fact
from kg.reference import normalise
from kg.vocab import CTKG, PROV, article_graph, base_iri, mint, slug


# Properties with one value per thing: a different value from a later article becomes an alias.
SINGLE_NAMES = {SKOS.prefLabel, CTKG.title}
MENTIONED_CLASSES = {CTKG.State, CTKG.GovernmentAgency, CTKG.InternationalOrganization, CTKG.TerroristGroup,
                     CTKG.SeparatistMovement, CTKG.NewsAgency, CTKG.Place}


@dataclass(frozen=True)
class ArticleGraph:
    article: Article
    graph_iri: URIRef
    graph: Graph
    new_entities: int
    known_entities: int
    events: int


def article_iri(article: Article) -> URIRef:
    return mint("article", article.id)


def sentence_iri(article: Article, index: int) -> URIRef:
    return URIRef(f"{article_iri(article)}/s{index}")


def fact_iri(fact: Fact, article: Article) -> URIRef:
    key = f"{fact.subject}|{fact.predicate}|{fact.object!r}|{article.id}|{fact.sentence}"
    return URIRef(base_iri() + "fact/" + hashlib.sha1(key.encode()).hexdigest())


def build_graph(article: Article, res: Resolution, extraction: Extraction,
                publisher: URIRef | None = None, dateline: URIRef | None = None,
                stored_labels: Callable[[URIRef, URIRef], set[str]] | None = None) -> ArticleGraph:
    """The article's named graph. `stored_labels(iri, predicate)` gives the preferred labels (or
    titles) other articles already gave a thing: a different one from this article is kept as
    skos:altLabel, so that a thing keeps one preferred label and one title however many articles
    report it."""
    graph = Graph()
    for prefix, ns in (("ctkg", str(CTKG._NS)), ("skos", str(SKOS)), ("prov", str(PROV))):
        graph.bind(prefix, ns)
    _describe_article(graph, article, publisher, dateline)
    facts = _entity_facts(article, res) + extraction.facts
    used_sentences = set()
    seen = set()
    for fact in facts:
        if fact.predicate in SINGLE_NAMES and stored_labels is not None:
            known = stored_labels(fact.subject, fact.predicate)
            if known and str(fact.object) not in known:
                if fact.predicate == CTKG.title:
                    # The same post (its IRI is keyed by the folded title) in another spelling:
                    # this article states the title too, in the spelling already stored.
                    canonical = Fact(fact.subject, CTKG.title, Literal(sorted(known)[0]), fact.sentence,
                                     fact.rule, fact.confidence)
                    _add_fact(graph, article, canonical, seen, used_sentences)
                fact = Fact(fact.subject, SKOS.altLabel, fact.object, fact.sentence, fact.rule, fact.confidence)
        _add_fact(graph, article, fact, seen, used_sentences)
    for index in used_sentences:
        _describe_sentence(graph, article, index)
    new = sum(1 for e in res.entities.values() if not e.known)
    return ArticleGraph(article, article_graph(article.id), graph, new, len(res.entities) - new,
                        len(extraction.events))


def _add_fact(graph: Graph, article: Article, fact: Fact, seen: set, used_sentences: set) -> None:
    """The fact's triple and its reification, once per sentence."""
    triple = (fact.subject, fact.predicate, _term(fact.object))
    if (triple, fact.sentence) in seen:
        return
    seen.add((triple, fact.sentence))
    graph.add(triple)
    _reify(graph, article, fact, triple)
    used_sentences.add(fact.sentence)


def _term(value):
    if isinstance(value, (URIRef, Literal)):
        return value
    return Literal(value)


def _reify(graph: Graph, article: Article, fact: Fact, triple) -> None:
    node = fact_iri(Fact(triple[0], triple[1], triple[2], fact.sentence, fact.rule, fact.confidence), article)
    graph.add((node, RDF.type, CTKG.Assertion))
    graph.add((node, RDF.subject, triple[0]))
    graph.add((node, RDF.predicate, triple[1]))
    graph.add((node, RDF.object, triple[2]))
    graph.add((node, PROV.wasDerivedFrom, sentence_iri(article, fact.sentence)))
    graph.add((node, CTKG.extractedBy, Literal(fact.rule)))
    graph.add((node, CTKG.confidence, Literal(f"{fact.confidence:.2f}", datatype=XSD.decimal)))


def _describe_article(graph: Graph, article: Article, publisher, dateline) -> None:
    iri = article_iri(article)
    graph.add((iri, RDF.type, CTKG.Article))
    label = article.title or article.file_name
    graph.add((iri, SKOS.prefLabel, Literal(label, lang="en")))
    graph.add((iri, CTKG.fileName, Literal(article.file_name)))
    graph.add((iri, CTKG.contentHash, Literal(article.content_hash)))
    graph.add((iri, CTKG.dateMethod, Literal(article.date_method)))
    if article.published:
        graph.add((iri, CTKG.published, Literal(article.published, datatype=XSD.date)))
    if publisher is not None:
        graph.add((iri, CTKG.publisher, publisher))
    if dateline is not None:
        graph.add((iri, CTKG.dateline, dateline))


def _describe_sentence(graph: Graph, article: Article, index: int) -> None:
    sent = article.sentences[index]
    iri = sentence_iri(article, index)
    graph.add((iri, RDF.type, CTKG.Sentence))
    graph.add((iri, CTKG.inArticle, article_iri(article)))
    graph.add((iri, CTKG.sentenceIndex, Literal(index, datatype=XSD.integer)))
    graph.add((iri, CTKG.startChar, Literal(sent.start, datatype=XSD.integer)))
    graph.add((iri, CTKG.endChar, Literal(sent.end, datatype=XSD.integer)))
    graph.add((iri, CTKG.text, Literal(sent.text)))


def _entity_facts(article: Article, res: Resolution) -> list[Fact]:
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


