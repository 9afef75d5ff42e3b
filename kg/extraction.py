"""Extraction: one article's graph from its text, its parses and the reference data alone.

    Article + parses -> mentions (kg/mentions.py) -> the year, when only the text gives it
                     (kg/extract/dating.py) -> entities (kg/entities.py)
                     -> events and relations (kg/events.py, kg/extract/) -> graph (kg/triples.py)

A pure function: it reads nothing from the store, so articles extract in any order and in any
number of processes. The IRIs it mints are the article's own; resolution (kg/resolve.py) joins
them to what other reports stored.
"""
from __future__ import annotations


from kg.article import Article
from kg.entities import find_entities
from kg.events import extract_events
from kg.extract.dating import dated
from kg.extract.pipeline import parse
from kg.mentions import find_mentions
from kg.reference import ReferenceIndex, normalise, reference_index
from kg.triples import ArticleGraph, build_graph
from kg.terms import NamedNode, ctkg, literal, mint, rdf, skos


def extract_article(article: Article, index: ReferenceIndex | None = None, docs: tuple | None = None) -> ArticleGraph:
    """One article's graph, with IRIs of its own. `docs` are its sentences' parses, made here when
    not given."""
    index = index or reference_index()
    docs = docs if docs is not None else parse([s.text for s in article.sentences])
    mentions = find_mentions(article, index, docs)
    article = dated(article, mentions, docs, index)
    entities = find_entities(article, mentions, index)
    extraction = extract_events(article, entities, index, docs)
    publisher, publisher_facts = _publisher(article, index)
    result = build_graph(article, entities, extraction, publisher, _dateline(article, index))
    for triple in publisher_facts:
        result.add(triple)
    return result


def _publisher(article: Article, index: ReferenceIndex):
    """The news agency that published the article: a known one, else one minted from its name."""
    if not article.publisher:
        return None, []
    known = index.lookup(tuple(normalise(article.publisher).split()), article.publisher)
    if known is not None and known.cls == ctkg.NewsAgency:
        return known.iri, []
    iri = mint("news", article.publisher)
    return iri, [(iri, rdf.type, ctkg.NewsAgency), (iri, skos.prefLabel, literal(article.publisher, lang="en"))]


def _dateline(article: Article, index: ReferenceIndex) -> NamedNode | None:
    """The known place the dateline names ('NEW DELHI, May 2'), if any."""
    if not article.dateline:
        return None
    first = article.dateline.split("/")[0].split("[")[0].strip()
    for candidate in (first, first.split(",")[0]):
        known = index.lookup(tuple(normalise(candidate).split()), candidate)
        if known is not None and known.cls == ctkg.Place:
            return known.iri
    return None
