"""Where an article came from, as triples of its graph beside those of kg.triples (file name,
content hash, date and how it was found): its URL (schema:url) and how that was found, how its
publisher was found, and the record of a file holding many ('line 3', 'entry 2')."""
from __future__ import annotations

from kg.article import Article
from kg.terms import ctkg, literal, schema, xsd
from kg.triples import article_iri


def provenance_triples(article: Article) -> list[tuple]:
    iri = article_iri(article)
    triples = []
    if article.url:
        triples.append((iri, schema.url, literal(article.url, datatype=xsd.anyURI)))
        triples.append((iri, ctkg.urlMethod, literal(article.url_method)))
    if article.publisher and article.publisher_method:
        triples.append((iri, ctkg.publisherMethod, literal(article.publisher_method)))
    if article.record:
        triples.append((iri, ctkg.sourceRecord, literal(article.record)))
    return triples
