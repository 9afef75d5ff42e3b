"""Where an article came from, as triples of its graph beside those of kg.triples (file name,
content hash, date and how it was found): its URL (schema:url) and how that was found, how its
publisher was found, and the record of a file holding many ('line 3', 'entry 2')."""
from __future__ import annotations

from rdflib import Literal
from rdflib.namespace import XSD

from kg.article import Article
from kg.triples import article_iri
from kg.vocab import CTKG, SCHEMA


def provenance_triples(article: Article) -> list[tuple]:
    iri = article_iri(article)
    triples = []
    if article.url:
        triples.append((iri, SCHEMA.url, Literal(article.url, datatype=XSD.anyURI)))
        triples.append((iri, CTKG.urlMethod, Literal(article.url_method)))
    if article.publisher and article.publisher_method:
        triples.append((iri, CTKG.publisherMethod, Literal(article.publisher_method)))
    if article.record:
        triples.append((iri, CTKG.sourceRecord, Literal(article.record)))
    return triples
