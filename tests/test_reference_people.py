"""Known officials (ontology/reference/people.ttl): a bare "President X" acts for X's state.

The reference data gives each known person the state they act for; the article still gives the
post. A person the reference does not know is resolved as before, from the article alone.
"""
from __future__ import annotations

import pyoxigraph as ox

from kg.article import read_article
from kg.entities import find_entities
from kg.mentions import find_mentions
from kg.reference import REFERENCE_DIR, reference_files, reference_index
from kg.terms import ctkg, mint, rdf, skos
from kg.vocab import DEFAULT_BASE_IRI

STATE = DEFAULT_BASE_IRI + "state/"


def resolved(tmp_path, text: str, name: str = "article.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    article = read_article(path)
    return find_entities(article, find_mentions(article))


def people(res) -> dict:
    return {e.label: e for e in res.entities.values() if e.cls == ctkg.Person}


def posts(person) -> dict:
    return {p.title: (p.state.value if p.state else None) for p in person.posts}


# -- the file and its index ---------------------------------------------------------------------

def test_the_people_file_is_read_with_the_other_reference_files():
    assert REFERENCE_DIR / "people.ttl" in reference_files()


def test_every_known_person_has_a_preflabel_and_acts_for_a_state():
    triples = list(ox.parse(path=str(REFERENCE_DIR / "people.ttl"), format=ox.RdfFormat.TURTLE))
    persons = {t.subject for t in triples if t.predicate == rdf.type and t.object == ctkg.Person}
    labelled = {t.subject for t in triples if t.predicate == skos.prefLabel}
    assert len(persons) >= 60
    index = reference_index()
    for person in persons:
        assert person in labelled, person
        assert index.person_states[person].value.startswith(STATE), person


def test_a_full_name_matches_in_any_case_but_not_a_part_or_a_longer_name():
    index = reference_index()
    modi = index.person("Narendra Modi")
    assert modi is not None and modi.cls == ctkg.Person
    assert index.person("NARENDRA MODI") == index.person("narendra modi") == modi
    assert index.person("Narendra Modi’s") == modi
    assert index.person("Modi") is None
    assert index.person("Anand Narendra Modi") is None


def test_known_people_are_not_matched_as_actors_by_the_alias_scan(tmp_path):
    res = resolved(tmp_path, "Tokyo, May 9 (Kyodo) Talks opened on Monday. Shinzo Abe welcomed the guests.\n")
    assert not [m for m, _ in res.mentions if m.kind == "known" and m.cls == ctkg.Person]


# -- resolving an article's people ----------------------------------------------------------------

def test_a_bare_president_who_is_known_gets_a_post_of_his_state(tmp_path):
    res = resolved(tmp_path, "Manila, June 4 (AP) President Barack Obama arrived for the summit on "
                             "Tuesday and spoke about maritime security.\n")
    obama = people(res)["Barack Obama"]
    assert obama.state.value == STATE + "united-states"
    assert posts(obama) == {"President": STATE + "united-states"}


def test_a_known_prime_minister_and_vice_president_in_one_sentence_each_get_their_own_state(tmp_path):
    res = resolved(tmp_path, "Washington, Sept 3 (PTI) Vice President Kamala Harris received Prime Minister "
                             "Narendra Modi at her office on Thursday.\n")
    found = people(res)
    assert posts(found["Kamala Harris"]) == {"Vice President": STATE + "united-states"}
    assert posts(found["Narendra Modi"]) == {"Prime Minister": STATE + "india"}


def test_a_known_name_without_a_title_is_still_a_person_of_its_state(tmp_path):
    res = resolved(tmp_path, "Canberra, Feb 2 (AAP) Scott Morrison and the visiting delegation toured the port.\n")
    assert people(res)["Scott Morrison"].state.value == STATE + "australia"


def test_an_alias_and_the_full_name_resolve_to_one_iri(tmp_path):
    res = resolved(tmp_path, "New Delhi, Jan 5 (PTI) External Affairs Minister S. Jaishankar opened the meeting. "
                             "Subrahmanyam Jaishankar told reporters the talks were useful. Jaishankar left on Friday.\n")
    found = people(res)
    assert list(found) == ["Subrahmanyam Jaishankar"]
    iri = found["Subrahmanyam Jaishankar"].iri
    assert iri == mint("person", "Subrahmanyam Jaishankar")
    assert sum(1 for _, i in res.mentions if i == iri) == 3


def test_an_alias_in_another_article_gives_the_same_iri(tmp_path):
    one = resolved(tmp_path, "Beijing, Jan 5 (Xinhua) Foreign Minister Wang Yi met the envoy on Monday.\n", "one.txt")
    two = resolved(tmp_path, "Lahore, Jan 7 (APP) Prime Minister Mian Nawaz Sharif met the envoy on Monday. "
                             "Nawaz Sharif said ties were strong.\n", "two.txt")
    assert [e.iri for e in people(one).values()] == [mint("person", "Wang Yi")]
    assert [e.iri for e in people(two).values()] == [mint("person", "Nawaz Sharif")]


def test_a_state_the_article_gives_does_not_override_the_reference(tmp_path):
    res = resolved(tmp_path, "Dhaka, Mar 1 (UNB) Pakistan's Prime Minister Sheikh Hasina chaired the meeting on Sunday.\n")
    hasina = people(res)["Sheikh Hasina"]
    assert hasina.state.value == STATE + "bangladesh"
    assert set(posts(hasina).values()) == {STATE + "bangladesh"}


def test_a_person_not_in_the_reference_is_resolved_as_before(tmp_path):
    res = resolved(tmp_path, "New Delhi, Apr 2 (PTI) India's Foreign Secretary Meera Kolhatkar met Prime Minister "
                             "Tomas Ellery on Monday.\n")
    found = people(res)
    assert found["Meera Kolhatkar"].iri == mint("person", "Meera Kolhatkar")
    assert posts(found["Meera Kolhatkar"]) == {"Foreign Secretary": STATE + "india"}
    assert found["Tomas Ellery"].state is None   # a title many states have names no state
    assert not found["Tomas Ellery"].known
