"""Terms of ontology/ctkg.ttl as a closed namespace, plus the project's IRI patterns.

`CTKG.Attack` works; `CTKG.Atack` raises AttributeError, so a misspelt term fails loudly.
A test checks that every term listed here is declared, labelled and defined in the ontology.
`CTKG` gives rdflib terms, for the modules that hand terms to rdflib, pySHACL or owlready2;
the pipeline (extraction, resolution, the store write) uses the same names as pyoxigraph terms
from kg/terms.py (`ctkg.Attack`), and mints its IRIs there (`kg.terms.mint`).
"""
from __future__ import annotations

import os
import re
import unicodedata

import pyoxigraph as ox
from rdflib import BNode, Literal, Namespace, URIRef
from rdflib.namespace import DefinedNamespace

ONTOLOGY_IRI = "https://w3id.org/ctkg/ontology"
GRAPH_BASE = "https://w3id.org/ctkg/graph/"
DEFAULT_BASE_IRI = "https://w3id.org/ctkg/id/"


class CTKG(DefinedNamespace):
    """The ctkg ontology's classes and properties."""

    _NS = Namespace(ONTOLOGY_IRI + "#")
    _fail = True

    # -- actors
    Actor: URIRef
    Organization: URIRef
    State: URIRef
    GovernmentAgency: URIRef
    InternationalOrganization: URIRef
    TerroristGroup: URIRef
    SeparatistMovement: URIRef
    NewsAgency: URIRef
    Person: URIRef
    Place: URIRef
    actsFor: URIRef
    subOrganizationOf: URIRef
    basedIn: URIRef
    demonym: URIRef
    acronym: URIRef
    # -- posts
    Post: URIRef
    title: URIRef
    holdsPost: URIRef
    heldBy: URIRef
    postIn: URIRef
    postState: URIRef
    attestedOn: URIRef
    # -- events
    Event: URIRef
    EventSeries: URIRef
    Meeting: URIRef
    Dialogue: URIRef
    WorkingGroupMeeting: URIRef
    Summit: URIRef
    Delegation: URIRef
    Attack: URIRef
    EventStatus: URIRef
    Held: URIRef
    Planned: URIRef
    eventStatus: URIRef
    inSeries: URIRef
    sessionNumber: URIRef
    nextSession: URIRef
    previousSession: URIRef
    startDate: URIRef
    startMonth: URIRef
    startMonthDay: URIRef
    endDate: URIRef
    dateUnknown: URIRef
    place: URIRef
    isVirtual: URIRef
    participant: URIRef
    hasDelegation: URIRef
    atEvent: URIRef
    delegationOf: URIRef
    ledBy: URIRef
    ledDelegationOf: URIRef
    coChair: URIRef
    topic: URIRef
    namesGroup: URIRef
    refersToAttack: URIRef
    target: URIRef
    attributedTo: URIRef
    perpetrator: URIRef
    killed: URIRef
    injured: URIRef
    claimedBy: URIRef
    suspectedPerpetrator: URIRef
    disownedBy: URIRef
    blamedBy: URIRef
    # -- statements
    Statement: URIRef
    JointStatement: URIRef
    JointDeclaration: URIRef
    Reaction: URIRef
    CallToAct: URIRef
    issuedBy: URIRef
    issuedAt: URIRef
    calledOn: URIRef
    demand: URIRef
    partOf: URIRef
    respondsTo: URIRef
    spokesperson: URIRef
    stance: URIRef
    # -- legal actions
    LegalAction: URIRef
    Extradition: URIRef
    Arrest: URIRef
    Designation: URIRef
    Accusation: URIRef
    AssassinationPlot: URIRef
    DesignationProposal: URIRef
    Indictment: URIRef
    GuiltyPlea: URIRef
    Conviction: URIRef
    Acquittal: URIRef
    Release: URIRef
    Bail: URIRef
    Bounty: URIRef
    targetPerson: URIRef
    targetGroup: URIRef
    actingState: URIRef
    requestingState: URIRef
    concernsAttack: URIRef
    legalStatus: URIRef
    # -- documents
    Document: URIRef
    Agreement: URIRef
    MemorandumOfCooperation: URIRef
    MemorandumOfUnderstanding: URIRef
    Treaty: URIRef
    UNSCResolution: URIRef
    party: URIRef
    signatory: URIRef
    signedAt: URIRef
    referencedIn: URIRef
    resolutionNumber: URIRef
    # -- topics
    TopicScheme: URIRef
    # -- provenance
    Article: URIRef
    Sentence: URIRef
    Assertion: URIRef
    publisher: URIRef
    published: URIRef
    dateMethod: URIRef
    publisherMethod: URIRef
    urlMethod: URIRef
    sourceRecord: URIRef
    dateline: URIRef
    fileName: URIRef
    contentHash: URIRef
    inArticle: URIRef
    sentenceIndex: URIRef
    startChar: URIRef
    endChar: URIRef
    text: URIRef
    extractedBy: URIRef
    accordingTo: URIRef
    hedge: URIRef
    confidence: URIRef
    nameKey: URIRef
    labelKey: URIRef


PROV = Namespace("http://www.w3.org/ns/prov#")
ORG = Namespace("http://www.w3.org/ns/org#")
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
SCHEMA = Namespace("https://schema.org/")
TIME = Namespace("http://www.w3.org/2006/time#")
WD = Namespace("http://www.wikidata.org/entity/")

G_ONTOLOGY = URIRef(GRAPH_BASE + "ontology")
G_REFERENCE = URIRef(GRAPH_BASE + "reference")
G_INFERRED = URIRef(GRAPH_BASE + "inferred")
ARTICLE_GRAPH_PREFIX = GRAPH_BASE + "article/"
QUARANTINE_GRAPH_PREFIX = GRAPH_BASE + "quarantine/"


def base_iri() -> str:
    """The base of individual IRIs: KG_BASE_IRI if set, else the project's w3id base."""
    base = os.environ.get("KG_BASE_IRI", DEFAULT_BASE_IRI)
    return base if base.endswith(("/", "#")) else base + "/"


def slug(text: str) -> str:
    """A readable IRI key: 'Lashkar-e-Taiba' -> 'lashkar-e-taiba', 'Al-Qa’ida' -> 'al-qaida'."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    text = re.sub(r"['’`]", "", text.lower())
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "unnamed"


def article_graph(article_id: str) -> URIRef:
    return URIRef(ARTICLE_GRAPH_PREFIX + slug(article_id))


def quarantine_graph(article_id: str) -> URIRef:
    return URIRef(QUARANTINE_GRAPH_PREFIX + slug(article_id))


PREFIXES = {
    "ctkg": str(CTKG._NS),
    "id": DEFAULT_BASE_IRI,
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "prov": str(PROV),
    "org": str(ORG),
    "sem": str(SEM),
    "schema": str(SCHEMA),
    "time": str(TIME),
    "wd": str(WD),
    "dcterms": "http://purl.org/dc/terms/",
}


# -- rdflib terms and pyoxigraph terms ------------------------------------------------------------


def to_ox(term) -> ox.NamedNode | ox.Literal | ox.BlankNode:
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"not an RDF term: {term!r}")


def from_ox(term):
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value if term.datatype else None
        if datatype == "http://www.w3.org/2001/XMLSchema#string":
            datatype = None
        return Literal(term.value, datatype=datatype)
    raise TypeError(f"not an RDF term: {term!r}")


def n_triples(triples) -> str:
    """(subject, predicate, object) tuples of pyoxigraph terms as N-Triples text (a term's str()
    is its N-Triples form)."""
    return "".join(f"{s} {p} {o} .\n" for s, p, o in triples)


def label_key(text: str) -> str:
    """How labels are compared when a query names an entity: lower case, without spaces,
    hyphens, apostrophes or dots (ctkg:labelKey)."""
    return re.sub(r"[\s\-'’‘`.]", "", text).lower()
