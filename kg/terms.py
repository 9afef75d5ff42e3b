"""The pipeline's RDF terms: pyoxigraph NamedNodes and Literals, from the reference index through
extraction and resolution to the store write, with nothing converted on the way.

Names are spelt as the Turtle prefixes are: `ctkg.Attack` is ctkg:Attack, `skos.prefLabel`,
`xsd.date`. Each namespace is closed (a misspelt name raises AttributeError) and makes each term
once. The rdflib namespaces (`kg.vocab.CTKG`, `rdflib.namespace.RDF` ...) stay only where a library
takes rdflib terms (pySHACL, owlready2, rdflib's parsers and serialisers); see docs/design.md.
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from pyoxigraph import Literal, NamedNode
from rdflib.namespace import OWL, PROV, RDF, RDFS, SKOS, XSD

from kg.vocab import ARTICLE_GRAPH_PREFIX, CTKG, SCHEMA, base_iri, slug


class Terms:
    """The NamedNodes of one namespace by attribute (`ctkg.Attack`), each made on first use and
    kept. With `names`, closed: any other name raises AttributeError."""

    def __init__(self, iri: str, names=None):
        self._iri = iri
        self._names = frozenset(names) if names is not None else None

    def __getattr__(self, name: str) -> NamedNode:
        if name.startswith("_") or (self._names is not None and name not in self._names):
            raise AttributeError(f"{name!r} is not a term of <{self._iri}>")
        node = NamedNode(self._iri + name)
        setattr(self, name, node)
        return node

    def __str__(self) -> str:
        return self._iri


def _closed(namespace) -> Terms:
    """The terms of one of rdflib's closed namespaces (only its list of names is read)."""
    return Terms(str(namespace), namespace.__annotations__)


ctkg = Terms(str(CTKG._NS), CTKG.__annotations__)
rdf, rdfs, owl, skos, xsd, prov = (_closed(ns) for ns in (RDF, RDFS, OWL, SKOS, XSD, PROV))
schema = Terms(str(SCHEMA))

_TYPE_OF_VALUE = ((bool, xsd.boolean), (int, xsd.integer), (float, xsd.double), (Decimal, xsd.decimal),
                  (dt.date, xsd.date))


def literal(value, datatype: NamedNode | None = None, lang: str | None = None) -> Literal:
    """A literal with the lexical form rdflib gave the same value: a str as it is (a plain
    string, language-tagged with `lang`, or of `datatype`); a bool as xsd:boolean 'true'/'false',
    an int as xsd:integer, a float as xsd:double, a Decimal as xsd:decimal, a date as xsd:date
    (in ISO form), unless `datatype` says otherwise."""
    if isinstance(value, str):
        if lang:
            return Literal(value, language=lang)
        return Literal(value, datatype=datatype) if datatype is not None else Literal(value)
    for kind, default in _TYPE_OF_VALUE:
        if isinstance(value, kind):
            break
    else:
        raise TypeError(f"no literal for {value!r}: a str, bool, int, float, Decimal or date is expected")
    if isinstance(value, bool):
        lexical = "true" if value else "false"
    elif isinstance(value, dt.date):
        lexical = value.isoformat()
    else:
        lexical = str(value)
    return Literal(lexical, datatype=datatype or default)


def python_value(term):
    """What `term` holds as a Python value: an int for an xsd:integer, a bool for an xsd:boolean, a
    date for a valid xsd:date, a float for an xsd:double, a Decimal for an xsd:decimal, the IRI for a
    NamedNode, else the lexical form."""
    if isinstance(term, NamedNode):
        return term.value
    lexical, datatype = term.value, term.datatype
    try:
        if datatype == xsd.integer:
            return int(lexical)
        if datatype == xsd.date:
            return dt.date.fromisoformat(lexical)
        if datatype == xsd.double:
            return float(lexical)
        if datatype == xsd.decimal:
            return Decimal(lexical)
    except ValueError:
        return lexical
    if datatype == xsd.boolean:
        return lexical in ("true", "1")
    return lexical


def mint(kind: str, *keys: str) -> NamedNode:
    """The IRI of an individual of `kind` ('person', 'group', 'event/meeting' ...) from its keys."""
    return NamedNode(base_iri() + kind + "/" + "/".join(slug(k) for k in keys))


def local_name(node: NamedNode) -> str:
    """The last segment of an IRI: ctkg:Arrest -> 'Arrest', id:state/india -> 'india'."""
    return node.value.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def graph_of_article(article_id: str) -> NamedNode:
    """The named graph of one article (the IRI of kg.vocab.article_graph)."""
    return NamedNode(ARTICLE_GRAPH_PREFIX + slug(article_id))


def rdflib_key(term) -> str:
    """The text rdflib gave a term in a fact's key (its repr()): the fact IRIs minted from it stay
    those of stores built before the pipeline used pyoxigraph terms."""
    if isinstance(term, NamedNode):
        return f"rdflib.term.URIRef({term.value!r})"
    args = [repr(term.value)]
    if term.language:
        args.append(f"lang={term.language!r}")
    elif term.datatype != xsd.string:
        args.append(f"datatype=rdflib.term.URIRef({term.datatype.value!r})")
    return f"rdflib.term.Literal({', '.join(args)})"


__all__ = ["Literal", "NamedNode", "Terms", "ctkg", "graph_of_article", "literal", "local_name", "mint", "owl", "prov",
           "python_value", "rdf", "rdflib_key", "rdfs", "schema", "skos", "xsd"]
