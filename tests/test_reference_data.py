"""The reference data of known actors and places (ontology/reference/*.ttl) keeps its conventions.

These tests read the Turtle with rdflib alone; they need no loader. See ontology/reference/README.md.
"""
from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, SKOS

from kg.reference import token_norm, tokens
from kg.vocab import CTKG, DEFAULT_BASE_IRI, WD, slug

REFERENCE = Path(__file__).resolve().parent.parent / "ontology" / "reference"
FILES = ("states.ttl", "groups.ttl", "agencies.ttl", "organizations.ttl", "news-agencies.ttl", "places.ttl",
         "people.ttl")

# Each class of known thing and the folder of id: its IRIs live in.
KIND_OF_CLASS = {
    CTKG.State: "state",
    CTKG.TerroristGroup: "group",
    CTKG.SeparatistMovement: "movement",
    CTKG.GovernmentAgency: "agency",
    CTKG.InternationalOrganization: "intl",
    CTKG.NewsAgency: "news",
    CTKG.Place: "place",
    CTKG.Person: "person",
}
XSD_STRING = URIRef("http://www.w3.org/2001/XMLSchema#string")


def ID(path: str) -> URIRef:  # noqa: N802 - reads like the id: prefix
    return URIRef(DEFAULT_BASE_IRI + path)


@pytest.fixture(scope="module")
def graph() -> Graph:
    g = Graph()
    for name in FILES:
        g.parse(REFERENCE / name, format="turtle")
    return g


def subjects(graph: Graph) -> set[URIRef]:
    return {s for s in graph.subjects() if isinstance(s, URIRef)}


def labels(graph: Graph, iri: URIRef) -> set[str]:
    return {str(o) for p in (SKOS.prefLabel, SKOS.altLabel) for o in graph.objects(iri, p)}


def label_key(text: str) -> str:
    """How the loader compares names: accents, case, dots, apostrophes, hyphens and spaces ignored."""
    text = unicodedata.normalize("NFKD", text.replace("’", "'")).encode("ascii", "ignore").decode()
    text = re.sub(r"[.']", "", text.lower())
    return " ".join(re.findall(r"[a-z0-9]+", text))


def test_label_key_ignores_case_hyphens_dots_and_curly_apostrophes():
    assert label_key("Al-Qa’ida") == label_key("al qa'ida") == "al qaida"
    assert label_key("U.S.") == label_key("US")
    assert label_key("Côte d'Ivoire") == "cote divoire"


@pytest.mark.parametrize("name", FILES)
def test_reference_file_parses_as_turtle(name):
    g = Graph().parse(REFERENCE / name, format="turtle")
    assert len(g) > 0, f"{name} parsed but holds no triples"


def test_every_subject_is_a_known_thing_of_exactly_one_class(graph):
    wrong = {}
    for s in subjects(graph):
        classes = [c for c in graph.objects(s, RDF.type) if c in KIND_OF_CLASS]
        if len(classes) != 1:
            wrong[s] = classes
    assert not wrong, f"each subject needs exactly one of {sorted(KIND_OF_CLASS)}: {wrong}"


def test_every_known_thing_has_exactly_one_english_preflabel(graph):
    wrong = {s: list(graph.objects(s, SKOS.prefLabel)) for s in subjects(graph)
             if [o.language for o in graph.objects(s, SKOS.prefLabel)] != ["en"]}
    assert not wrong, f"one skos:prefLabel with @en each, not: {wrong}"


def test_altlabels_are_english_and_acronyms_and_demonyms_are_plain_strings(graph):
    bad = [(s, o) for s, o in graph.subject_objects(SKOS.altLabel) if o.language != "en"]
    for prop in (CTKG.acronym, CTKG.demonym):
        bad += [(s, o) for s, o in graph.subject_objects(prop)
                if not isinstance(o, Literal) or o.language or o.datatype not in (None, XSD_STRING)]
    assert not bad, f"malformed literals: {bad}"


def test_every_iri_lives_under_the_id_base_in_the_folder_of_its_class(graph):
    wrong = []
    for cls, kind in KIND_OF_CLASS.items():
        for s in graph.subjects(RDF.type, cls):
            if not re.fullmatch(re.escape(DEFAULT_BASE_IRI + kind + "/") + r"[a-z0-9]+(-[a-z0-9]+)*", str(s)):
                wrong.append((str(s), kind))
    assert not wrong, f"IRIs outside {DEFAULT_BASE_IRI}<kind>/<slug>: {wrong}"


def person_key(name: str) -> str:
    """A person's IRI key: first and last name, one-letter initials dropped, as an article's
    'Atal Bihari Vajpayee' or 'S. Jaishankar' is minted (kg.entities)."""
    words = [t for t, _, _ in tokens(name) if len(token_norm(t)) > 1]
    return slug(" ".join(dict.fromkeys([words[0], words[-1]])))


def test_every_iri_key_is_the_slug_of_its_preflabel(graph):
    wrong = [(str(s), str(label)) for s, label in graph.subject_objects(SKOS.prefLabel)
             if (RDF.type, CTKG.Person) not in graph.predicate_objects(s)
             and str(s).rsplit("/", 1)[1] != slug(str(label))]
    assert not wrong, f"IRI key differs from kg.vocab.slug(prefLabel): {wrong}"


def test_every_person_iri_key_is_the_first_and_last_name_of_its_preflabel(graph):
    wrong = [(str(s), str(label)) for s in graph.subjects(RDF.type, CTKG.Person)
             for label in graph.objects(s, SKOS.prefLabel) if str(s).rsplit("/", 1)[1] != person_key(str(label))]
    assert not wrong, f"a person's IRI key is its prefLabel's first and last name: {wrong}"


def test_every_person_acts_for_exactly_one_known_state(graph):
    wrong = {str(s): list(graph.objects(s, CTKG.actsFor)) for s in graph.subjects(RDF.type, CTKG.Person)
             if len(set(graph.objects(s, CTKG.actsFor))) != 1
             or not all((o, RDF.type, CTKG.State) in graph for o in graph.objects(s, CTKG.actsFor))}
    assert not wrong, f"each known person needs one ctkg:actsFor a state of states.ttl: {wrong}"


def test_a_persons_names_are_full_names_not_bare_surnames(graph):
    bare = [(str(s), str(o)) for s in graph.subjects(RDF.type, CTKG.Person)
            for p in (SKOS.prefLabel, SKOS.altLabel) for o in graph.objects(s, p) if len(label_key(str(o)).split()) < 2]
    assert not bare, f"a one-word name ('Modi') is the article's to resolve, not an alias: {bare}"


def test_no_two_things_of_one_class_share_a_preflabel(graph):
    seen = defaultdict(list)
    for s, label in graph.subject_objects(SKOS.prefLabel):
        for cls in graph.objects(s, RDF.type):
            seen[(cls, str(label))].append(str(s))
    shared = {k: v for k, v in seen.items() if len(v) > 1}
    assert not shared, f"prefLabels used twice within a class: {shared}"


def test_no_name_is_a_label_of_two_things(graph):
    owners = defaultdict(set)
    for prop in (SKOS.prefLabel, SKOS.altLabel, CTKG.acronym):
        for s, o in graph.subject_objects(prop):
            owners[label_key(str(o))].add(str(s))
    shared = {k: sorted(v) for k, v in owners.items() if len(v) > 1}
    assert not shared, f"these names would be ambiguous for the loader: {shared}"


def test_every_acronym_is_also_an_altlabel(graph):
    missing = [(str(s), str(a)) for s, a in graph.subject_objects(CTKG.acronym) if str(a) not in labels(graph, s)]
    assert not missing, f"ctkg:acronym values missing from skos:altLabel: {missing}"


def test_demonyms_are_not_labels(graph):
    clash = [(str(s), str(d)) for s, d in graph.subject_objects(CTKG.demonym) if str(d) in labels(graph, s)]
    assert not clash, f"demonyms belong in ctkg:demonym only: {clash}"


def test_there_are_at_least_193_states(graph):
    assert len(set(graph.subjects(RDF.type, CTKG.State))) >= 193


def test_the_united_states_has_its_common_aliases_and_demonym(graph):
    us = ID("state/united-states")
    assert {"United States", "US", "U.S.", "USA", "U.S.A.", "America", "United States of America"} <= labels(graph, us)
    assert "American" in {str(d) for d in graph.objects(us, CTKG.demonym)}
    assert (us, SKOS.exactMatch, WD.Q30) in graph


@pytest.mark.parametrize("key, qid, names, demonym", [
    ("india", "Q668", {"India", "Republic of India"}, "Indian"),
    ("pakistan", "Q843", {"Pakistan", "Islamic Republic of Pakistan"}, "Pakistani"),
    ("china", "Q148", {"China", "People's Republic of China", "PRC"}, "Chinese"),
    ("united-kingdom", "Q145", {"United Kingdom", "UK", "U.K.", "Britain", "Great Britain"}, "British"),
])
def test_a_state_named_in_the_seed_articles_has_its_aliases(graph, key, qid, names, demonym):
    state = ID(f"state/{key}")
    assert (state, RDF.type, CTKG.State) in graph
    assert names <= labels(graph, state)
    assert demonym in {str(d) for d in graph.objects(state, CTKG.demonym)}
    assert (state, SKOS.exactMatch, WD[qid]) in graph


def test_capitals_are_places_and_not_aliases_of_their_states(graph):
    for place, state, name in [("new-delhi", "india", "New Delhi"), ("washington-dc", "united-states", "Washington"),
                               ("islamabad", "pakistan", "Islamabad"), ("beijing", "china", "Beijing")]:
        assert (ID(f"place/{place}"), RDF.type, CTKG.Place) in graph
        assert name not in labels(graph, ID(f"state/{state}"))


GROUP_VARIANTS = {
    "lashkar-e-taiba": ["Lashkar-e-Taiba", "Lashkar-e-Tayyiba", "Lashkar e-Tayyiba", "Lashkar-i-Taiba", "LeT",
                        "Jamaat-ud-Dawa"],
    "jaish-e-mohammed": ["Jaish-e-Mohammed", "Jaish-e-Mohammad", "Jaish-e Mohammad", "Jaish-i-Mohammed", "JeM"],
    "al-qaeda": ["al-Qaeda", "al-Qaida", "Al-Qa'ida", "Al-Qa’ida", "Al Qaeda", "AQ"],
    "islamic-state": ["ISIS", "ISIL", "Islamic State", "Islamic State of Iraq and the Levant",
                      "Islamic State of Iraq and Syria", "Daesh", "IS"],
    "islamic-state-khorasan-province": ["ISIS-K", "Islamic State Khorasan Province", "ISKP"],
    "hizbul-mujahideen": ["Hizbul Mujahideen", "Hizb-ul Mujahideen", "Hizb-ul-Mujahideen", "HM"],
    "harakat-ul-mujahidin": ["Harakat ul-Mujahidin", "HuM"],
    "hamas": ["Hamas"],
    "hezbollah": ["Hizballah", "Hezbollah"],
    "tehrik-e-taliban-pakistan": ["TTP", "Tehrik-e-Taliban Pakistan"],
    "al-qaeda-in-the-indian-subcontinent": ["AQIS", "al-Qaida in the Indian Subcontinent"],
    "al-shabaab": ["al-Shabaab", "Al-Shabab"],
    "boko-haram": ["Boko Haram"],
    "haqqani-network": ["Haqqani Network"],
    "lashkar-e-jhangvi": ["Lashkar-e-Jhangvi"],
    "jaish-al-adl": ["Jaish al-Adl"],
    "the-resistance-front": ["TRF", "The Resistance Front"],
    "babbar-khalsa-international": ["Babbar Khalsa International", "BKI"],
    "khalistan-zindabad-force": ["Khalistan Zindabad Force"],
    "khalistan-tiger-force": ["Khalistan Tiger Force"],
    "indian-mujahideen": ["Indian Mujahideen"],
}


@pytest.mark.parametrize("key, variants", sorted(GROUP_VARIANTS.items()))
def test_every_spelling_of_a_group_is_a_label_of_that_group(graph, key, variants):
    group = ID(f"group/{key}")
    assert (group, RDF.type, CTKG.TerroristGroup) in graph
    missing = set(variants) - labels(graph, group)
    assert not missing, f"{key} lacks the labels {sorted(missing)}"


def test_the_khalistan_movement_is_a_separatist_movement_with_its_adjectives(graph):
    movement = ID("movement/khalistan-movement")
    assert (movement, RDF.type, CTKG.SeparatistMovement) in graph
    assert {"Khalistan movement", "Khalistani", "pro-Khalistan", "pro-Khalistani"} <= labels(graph, movement)


def test_every_agency_belongs_directly_to_a_state(graph):
    stateless = [str(a) for a in graph.subjects(RDF.type, CTKG.GovernmentAgency)
                 if not any((p, RDF.type, CTKG.State) in graph for p in graph.objects(a, CTKG.subOrganizationOf))]
    assert not stateless, f"agencies without ctkg:subOrganizationOf a state: {stateless}"


def test_every_parent_organization_is_itself_known(graph):
    unknown = [(str(s), str(o)) for s, o in graph.subject_objects(CTKG.subOrganizationOf)
               if graph.value(o, SKOS.prefLabel) is None]
    assert not unknown, f"ctkg:subOrganizationOf points at things not in the reference data: {unknown}"


def test_the_1267_committee_sits_under_the_security_council_under_the_un(graph):
    committee = ID("intl/isil-daesh-and-al-qaida-sanctions-committee")
    assert (committee, CTKG.subOrganizationOf, ID("intl/un-security-council")) in graph
    assert (ID("intl/un-security-council"), CTKG.subOrganizationOf, ID("intl/united-nations")) in graph
    assert "1267 Committee" in labels(graph, committee)


def test_every_exact_match_is_a_wikidata_item(graph):
    wrong = [(str(s), str(o)) for s, o in graph.subject_objects(SKOS.exactMatch)
             if not re.fullmatch(re.escape(str(WD)) + r"Q[1-9][0-9]*", str(o))]
    assert not wrong, f"skos:exactMatch must point at wd:Q…: {wrong}"


def test_no_two_things_share_a_wikidata_item(graph):
    owners = defaultdict(list)
    for s, o in graph.subject_objects(SKOS.exactMatch):
        owners[o].append(str(s))
    shared = {str(k): v for k, v in owners.items() if len(v) > 1}
    assert not shared, f"one Wikidata item linked from two things: {shared}"
