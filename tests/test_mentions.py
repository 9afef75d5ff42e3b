"""Mentions: known actors by every alias and variant, officials by their titles."""
from __future__ import annotations

import pytest

from kg.article import read_article
from kg.mentions import find_mentions
from kg.reference import build_index, reference_triples
from kg.terms import Literal, NamedNode, ctkg, rdf, skos


def mentions_in(tmp_path, text: str, index=None):
    path = tmp_path / "article.txt"
    path.write_text(text, encoding="utf-8")
    return find_mentions(read_article(path), index)


def labels(found, kind=None):
    return [m.label for m in found if kind is None or m.kind == kind]


@pytest.mark.parametrize("variant, group", [
    ("Lashkar e-Tayyiba", "Lashkar-e-Taiba"),
    ("Lashkar-e-Tayyiba", "Lashkar-e-Taiba"),
    ("Al-Qa’ida", "al-Qaeda"),
    ("al-Qaida", "al-Qaeda"),
    ("Jaish-e Mohammad", "Jaish-e-Mohammed"),
    ("Hizb-ul Mujahideen", "Hizbul Mujahideen"),
    ("LASHKAR-E-TAIBA", "Lashkar-e-Taiba"),
])
def test_a_group_is_found_by_its_spelling_variants(tmp_path, variant, group):
    found = mentions_in(tmp_path, f"New Delhi, May 2 (PTI) Officials discussed {variant} and its funding at length.\n")
    assert any(label.lower() == group.lower() for label in labels(found, "known")), labels(found)


def test_isis_slash_daesh_names_one_group_twice(tmp_path):
    found = mentions_in(tmp_path, "New Delhi, May 2 (PTI) They named ISIS/Daesh among the threats discussed.\n")
    groups = {m.iri for m in found if m.cls == ctkg.TerroristGroup}
    assert len(groups) == 1


def test_us_as_written_is_the_state_but_us_the_pronoun_is_not(tmp_path):
    found = mentions_in(tmp_path, "New Delhi, May 2 (PTI) The US told us that the talks went well.\n")
    states = [m for m in found if m.cls == ctkg.State]
    assert [m.text for m in states] == ["US"]


@pytest.mark.parametrize("text, name, title", [
    ("While the Indian delegation was led by Union Home Secretary Ajay Bhalla, the talks went on.",
     "Ajay Bhalla", "Union Home Secretary"),
    ("The team was led by Mahaveer Singhvi, Joint Secretary for Counter-Terrorism, Ministry of External Affairs, "
     "while others watched.", "Mahaveer Singhvi", "Joint Secretary for Counter-Terrorism"),
    ("Officials met State Department Coordinator for Counterterrorism Nathan Sales on Monday.",
     "Nathan Sales", "State Department Coordinator for Counterterrorism"),
    ("Foreign Office spokesperson Shafqat Ali Khan also expressed concern at the sale.",
     "Shafqat Ali Khan", "Foreign Office spokesperson"),
])
def test_an_official_is_found_by_title_or_apposition(tmp_path, text, name, title):
    found = mentions_in(tmp_path, f"Islamabad, May 2 (PTI) {text}\n")
    people = [m for m in found if m.kind == "person"]
    assert any(m.text == name and m.title.startswith(title) for m in people), [(m.text, m.title) for m in people]


def test_a_capitalised_phrase_without_a_title_is_not_a_person(tmp_path):
    found = mentions_in(tmp_path, "New Delhi, May 2 (PTI) The Homeland Security Dialogue ended in New Delhi on Monday.\n")
    assert not [m for m in found if m.kind == "person"]


def test_an_alias_added_to_the_reference_data_is_recognised(tmp_path):
    text = "New Delhi, May 2 (PTI) Officials discussed the Tayyaba network and its funding.\n"
    assert not any(m.cls == ctkg.TerroristGroup for m in mentions_in(tmp_path, text))
    triples = list(reference_triples())
    let = NamedNode("https://w3id.org/ctkg/id/group/lashkar-e-taiba")
    assert (let, rdf.type, ctkg.TerroristGroup) in triples
    triples.append((let, skos.altLabel, Literal("Tayyaba network", language="en")))
    found = mentions_in(tmp_path, text, build_index(triples))
    assert [m.iri for m in found if m.cls == ctkg.TerroristGroup] == [let]


def test_a_demonym_before_delegation_names_the_state(tmp_path):
    found = mentions_in(tmp_path, "New Delhi, May 2 (PTI) The Indian delegation was led by Home Secretary Ajay Bhalla.\n")
    assert any(m.kind == "demonym" and m.label == "India" for m in found)
