"""Entities: one per actor within an article, posts from titles, no false merges."""
from __future__ import annotations

from kg.article import read_article
from kg.entities import name_key, find_entities
from kg.mentions import find_mentions
from kg.terms import ctkg


def resolved(tmp_path, text: str):
    path = tmp_path / "article.txt"
    path.write_text(text, encoding="utf-8")
    article = read_article(path)
    return find_entities(article, find_mentions(article))


def people(res):
    return {e.label: e for e in res.entities.values() if e.cls == ctkg.Person}


def test_initials_and_doubled_letters_do_not_change_the_name_key():
    assert name_key("Nathan A Sales") == name_key("Nathan Sales")
    assert name_key("Gurpatwant Singh Pannun") == name_key("Gurpatwant Singh Panun")


def test_a_lone_surname_after_the_full_name_is_the_same_person(tmp_path):
    res = resolved(tmp_path, "New Delhi, May 2 (PTI) The talks were led by Home Secretary Ajay Bhalla. "
                             "Bhalla said the talks went well.\n")
    assert list(people(res)) == ["Ajay Bhalla"]
    bhalla = people(res)["Ajay Bhalla"].iri
    assert sum(1 for m, iri in res.mentions if iri == bhalla) == 2


def test_a_middle_name_may_be_left_out(tmp_path):
    res = resolved(tmp_path, "New Delhi, May 2 (PTI) The extradition of accused Tahawwur Hussain Rana was approved. "
                             "Officials said accused Tahawwur Rana would be flown in.\n")
    assert len(people(res)) == 1


def test_two_people_who_share_a_surname_are_not_merged(tmp_path):
    res = resolved(tmp_path, "Islamabad, May 2 (PTI) Foreign Office spokesperson Shafqat Ali Khan spoke. "
                             "Interior Minister Imran Khan said nothing.\n")
    assert set(people(res)) == {"Shafqat Ali Khan", "Imran Khan"}


def test_a_lone_surname_shared_by_two_people_is_left_unresolved(tmp_path):
    res = resolved(tmp_path, "Islamabad, May 2 (PTI) Foreign Office spokesperson Shafqat Ali Khan spoke. "
                             "Interior Minister Imran Khan said nothing. Khan said the talks would go on.\n")
    khan_mentions = [m for m, _ in res.mentions if m.text == "Khan"]
    assert not khan_mentions


def test_a_title_gives_the_post_its_organization_and_state(tmp_path):
    res = resolved(tmp_path, "New Delhi, May 2 (PTI) The US side was led by Kristie Canegallo, the acting "
                             "deputy secretary in the US Department of Homeland Security.\n")
    post = people(res)["Kristie Canegallo"].posts[0]
    assert post.title.lower() == "acting deputy secretary"
    assert post.organization.value.endswith("/agency/united-states-department-of-homeland-security")
    assert post.state.value.endswith("/state/united-states")


def test_a_descriptor_is_not_a_post(tmp_path):
    res = resolved(tmp_path, "New Delhi, May 2 (PTI) A plot against top Khalistani separatist Gurpatwant Singh "
                             "Panun was discussed.\n")
    assert people(res)["Gurpatwant Singh Panun"].posts == []
