"""ontology/ctkg.ttl and ontology/topics.ttl: they parse, HermiT accepts them, every term is
declared, labelled and defined, and the topic scheme is usable for label matching."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS

from kg.reason import check_ontology, infer
from kg.vocab import CTKG, ONTOLOGY_IRI

ONTOLOGY_DIR = Path(__file__).resolve().parent.parent / "ontology"
NS = str(CTKG._NS)
TOPIC = Namespace("https://w3id.org/ctkg/id/topic/")
SCHEME = TOPIC["scheme"]
VOCAB_TERMS = sorted(dir(CTKG))
DECLARATION_TYPES = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.NamedIndividual}


@pytest.fixture(scope="module")
def ctkg_ttl() -> Graph:
    return Graph().parse(ONTOLOGY_DIR / "ctkg.ttl", format="turtle")


@pytest.fixture(scope="module")
def topics_ttl() -> Graph:
    return Graph().parse(ONTOLOGY_DIR / "topics.ttl", format="turtle")


@pytest.fixture(scope="module")
def ontology(ctkg_ttl, topics_ttl) -> Graph:
    return ctkg_ttl + topics_ttl


@pytest.fixture(scope="module")
def ontology_report(ontology):
    return check_ontology(ontology)


@pytest.fixture(scope="module")
def contradiction_report(ontology):
    data = Graph().parse(format="turtle", data="""
        @prefix ctkg: <https://w3id.org/ctkg/ontology#> .
        <https://w3id.org/ctkg/id/person/india> a ctkg:Person , ctkg:State .
        <https://w3id.org/ctkg/id/person/ajay-bhalla> a ctkg:Person .
    """)
    return infer(ontology, data)


def ctkg_terms_used(graph: Graph) -> set[URIRef]:
    return {node for triple in graph for node in triple if isinstance(node, URIRef) and node.startswith(NS)}


# -- the files --------------------------------------------------------------------------------------

def test_ontology_header_names_its_version_and_dates(ctkg_ttl):
    header = URIRef(ONTOLOGY_IRI)
    assert (header, RDF.type, OWL.Ontology) in ctkg_ttl
    assert ctkg_ttl.value(header, OWL.versionIRI) == URIRef(ONTOLOGY_IRI + "/0.1.0")
    assert ctkg_ttl.value(header, OWL.versionInfo) is not None
    assert str(ctkg_ttl.value(header, DCTERMS.created)) == "2026-11-22"
    assert str(ctkg_ttl.value(header, DCTERMS.modified)) == "2026-11-22"


def test_ontology_explains_identity_links_to_wikidata(ctkg_ttl):
    comments = " ".join(ctkg_ttl.objects(URIRef(ONTOLOGY_IRI), RDFS.comment))
    assert "skos:exactMatch" in comments and "wd:" in comments


def test_hermit_finds_the_ontology_and_topics_consistent(ontology_report):
    assert ontology_report.consistent, ontology_report.message


def test_no_class_of_the_ontology_is_unsatisfiable(ontology_report):
    assert ontology_report.unsatisfiable == ()


def test_an_individual_typed_person_and_state_is_reported_inconsistent(contradiction_report):
    assert not contradiction_report.consistent


def test_the_inconsistency_report_names_the_contradictory_individual(contradiction_report):
    culprit = URIRef("https://w3id.org/ctkg/id/person/india")
    assert contradiction_report.culprits == (culprit,)
    assert "id:person/india" in contradiction_report.message
    assert "ajay-bhalla" not in contradiction_report.message


# -- every term declared, labelled, defined ---------------------------------------------------------

@pytest.mark.parametrize("term", VOCAB_TERMS, ids=lambda t: t[len(NS):])
def test_every_vocab_term_is_declared_with_one_label_and_one_definition(ctkg_ttl, term):
    assert set(ctkg_ttl.objects(term, RDF.type)) & DECLARATION_TYPES, f"{term} is not declared"
    labels = list(ctkg_ttl.objects(term, RDFS.label))
    definitions = list(ctkg_ttl.objects(term, SKOS.definition))
    assert len(labels) == 1 and labels[0].language == "en"
    assert len(definitions) == 1 and definitions[0].language == "en"
    assert ctkg_ttl.value(term, RDFS.isDefinedBy) == URIRef(ONTOLOGY_IRI)


def test_no_ctkg_term_is_used_without_being_declared(ctkg_ttl, topics_ttl):
    used = ctkg_terms_used(ctkg_ttl) | ctkg_terms_used(topics_ttl)
    declared = {s for s, o in ctkg_ttl.subject_objects(RDF.type) if o in DECLARATION_TYPES}
    assert used - declared == set()


def test_the_ontology_declares_no_ctkg_term_that_vocab_lacks(ctkg_ttl):
    assert ctkg_terms_used(ctkg_ttl) - set(VOCAB_TERMS) == set()


def test_every_definition_is_one_sentence(ctkg_ttl):
    several = [str(s) for s, d in ctkg_ttl.subject_objects(SKOS.definition)
               if str(s).startswith(NS) and len(re.findall(r"[.!?](?:\s|$)", str(d))) != 1]
    assert several == []


def test_every_property_has_a_domain_and_a_range(ctkg_ttl):
    properties = [p for kind in (OWL.ObjectProperty, OWL.DatatypeProperty)
                  for p in ctkg_ttl.subjects(RDF.type, kind) if str(p).startswith(NS)]
    bare = [str(p) for p in properties
            if ctkg_ttl.value(p, RDFS.domain) is None or ctkg_ttl.value(p, RDFS.range) is None]
    assert bare == []


def test_inverse_pairs_are_declared_from_both_sides(ctkg_ttl):
    for a, b in [(CTKG.holdsPost, CTKG.heldBy), (CTKG.nextSession, CTKG.previousSession),
                 (CTKG.hasDelegation, CTKG.atEvent)]:
        assert (a, OWL.inverseOf, b) in ctkg_ttl and (b, OWL.inverseOf, a) in ctkg_ttl


def test_the_properties_the_design_calls_single_valued_are_functional(ctkg_ttl):
    # Dates, tolls and statuses are claims that reports dispute, so they are not among them.
    functional = set(ctkg_ttl.subjects(RDF.type, OWL.FunctionalProperty))
    expected = {CTKG.sessionNumber, CTKG.resolutionNumber,
                CTKG.title, CTKG.postState, CTKG.delegationOf, CTKG.inArticle, CTKG.startChar,
                CTKG.endChar, CTKG.sentenceIndex, CTKG.contentHash}
    assert functional == expected


# -- the topic scheme ---------------------------------------------------------------------------------

def concepts(topics: Graph) -> list[URIRef]:
    return sorted(topics.subjects(RDF.type, SKOS.Concept))


def test_the_topic_scheme_is_a_skos_scheme_and_a_ctkg_topic_scheme(topics_ttl):
    assert {SKOS.ConceptScheme, CTKG.TopicScheme} <= set(topics_ttl.objects(SCHEME, RDF.type))


def test_every_topic_has_one_english_pref_label_and_is_in_the_scheme(topics_ttl):
    for concept in concepts(topics_ttl):
        labels = list(topics_ttl.objects(concept, SKOS.prefLabel))
        assert len(labels) == 1 and labels[0].language == "en", concept
        assert (concept, SKOS.inScheme, SCHEME) in topics_ttl, concept
        assert topics_ttl.value(concept, SKOS.definition) is not None, concept


def test_the_topics_the_loader_expects_exist(topics_ttl):
    slugs = {str(c)[len(str(TOPIC)):] for c in concepts(topics_ttl)}
    expected = """counter-terrorism counter-narcotics fentanyl drug-trafficking illegal-migration
        legal-migration human-trafficking cybercrime money-laundering terror-financing
        transportation-security organised-crime violent-extremism information-sharing
        law-enforcement-training extradition sanctions-and-designations radicalisation terrorist-travel
        cross-border-terrorism weapons-of-mass-destruction arms-trafficking separatism
        biometric-data-sharing deportation customs-cooperation capacity-building critical-infrastructure
        maritime-security border-security aviation-security""".split()
    assert set(expected) - slugs == set()


def test_no_label_belongs_to_two_topics(topics_ttl):
    owner: dict[str, URIRef] = {}
    shared = []
    for concept in concepts(topics_ttl):
        for label in topics_ttl.objects(concept, SKOS.prefLabel | SKOS.altLabel):
            key = str(label).lower()
            if key in owner and owner[key] != concept:
                shared.append((key, owner[key], concept))
            owner[key] = concept
    assert shared == []


@pytest.mark.parametrize("slug, surface_form", [
    ("counter-narcotics", "counternarcotics"), ("counter-narcotics", "anti-narcotics"),
    ("money-laundering", "laundering"), ("terror-financing", "financing of terrorism"),
    ("cybercrime", "misuse of the cyber domain"), ("illegal-migration", "irregular migration"),
    ("radicalisation", "radicalization"), ("radicalisation", "terrorist use of the internet"),
    ("organised-crime", "organized crime"),
])
def test_a_topic_is_found_by_the_surface_forms_articles_use(topics_ttl, slug, surface_form):
    labels = {str(label).lower() for label in topics_ttl.objects(TOPIC[slug], SKOS.prefLabel | SKOS.altLabel)}
    assert surface_form in labels


def test_broader_and_narrower_mirror_each_other(topics_ttl):
    broader = set(topics_ttl.subject_objects(SKOS.broader))
    narrower = {(child, parent) for parent, child in topics_ttl.subject_objects(SKOS.narrower)}
    assert broader == narrower


def test_fentanyl_is_narrower_than_counter_narcotics(topics_ttl):
    assert (TOPIC["fentanyl"], SKOS.broader, TOPIC["counter-narcotics"]) in topics_ttl


def test_top_concepts_are_exactly_the_topics_without_a_broader_one(topics_ttl):
    tops = set(topics_ttl.subjects(SKOS.topConceptOf, SCHEME))
    rootless = {c for c in concepts(topics_ttl) if topics_ttl.value(c, SKOS.broader) is None}
    assert tops == rootless == set(topics_ttl.objects(SCHEME, SKOS.hasTopConcept))


def test_topic_labels_are_plain_english_strings(topics_ttl):
    odd = [(s, o) for s, o in topics_ttl.subject_objects(SKOS.prefLabel | SKOS.altLabel)
           if not (isinstance(o, Literal) and o.language == "en" and o.strip() == str(o))]
    assert odd == []
