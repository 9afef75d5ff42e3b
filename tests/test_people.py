"""People and their posts: names after commas, initials, titles with their state in the phrase,
and states that the article does not give (invented sentences)."""
from kg.article import read_article
from kg.entities import name_key, find_entities
from kg.extract.pipeline import parse
from kg.mentions import find_mentions
from kg.reference import reference_index
from kg.terms import ctkg


def people(tmp_path, text: str) -> dict:
    path = tmp_path / "a.txt"
    path.write_text(f" date 2021-03-17\n{text}\n", encoding="utf-8")
    article = read_article(path)
    index = reference_index()
    res = find_entities(article, find_mentions(article, index, parse([s.text for s in article.sentences])), index)
    found = {}
    for e in res.of_class(ctkg.Person):
        found[e.label] = [(p.title, index.label(p.state) if p.state else None) for p in e.posts]
    return found


def test_a_possessive_state_and_a_comma_before_the_name_give_the_post(tmp_path):
    got = people(tmp_path, "The talks were held in Paris with Kenya's Foreign Minister, Ruth Wanjiru, on Monday.")
    assert got["Ruth Wanjiru"] == [("Foreign Minister", "Kenya")]


def test_a_demonym_in_the_title_gives_the_state(tmp_path):
    got = people(tmp_path, "Later, Japanese Prime Minister Kenji Sato and Indian Prime Minister Arun Desai spoke.")
    assert got["Kenji Sato"] == [("Prime Minister", "Japan")]
    assert got["Arun Desai"] == [("Prime Minister", "India")]


def test_an_agency_inside_the_title_gives_the_state_and_the_word_is_kept_whole(tmp_path):
    got = people(tmp_path, "On Friday, State Department spokesman Oliver Kemp issued a statement.")
    assert got["Oliver Kemp"] == [("Spokesman", "United States")]


def test_a_title_with_a_parenthesis_keeps_it_and_the_ministry_after_it(tmp_path):
    got = people(tmp_path, "On Monday Rohit Sen, Joint Secretary (UN Political) at the Ministry of External "
                           "Affairs, addressed the forum.")
    assert got["Rohit Sen"] == [("Joint Secretary (UN Political)", "India")]


def test_a_rank_after_a_title_and_a_comma(tmp_path):
    got = people(tmp_path, "On Friday India's Director General of Military Operations, Lieutenant General "
                           "Vikram Rathore, briefed the press.")
    assert got == {"Vikram Rathore": [("Director General of Military Operations", "India")]}


def test_initials_are_part_of_the_name_and_spacing_does_not_matter():
    assert name_key("R.K. Mehta") == name_key("R K Mehta") == name_key("R. K. Mehta")
    assert name_key("R.K. Mehta") != name_key("S.K. Mehta")


def test_a_name_with_initials_is_found(tmp_path):
    got = people(tmp_path, "Home Secretary R.K. Mehta was blunter.")
    assert got == {"R.K. Mehta": [("Home Secretary", "India")]}


def test_a_bare_presidential_title_with_another_state_nearby_gets_no_state(tmp_path):
    got = people(tmp_path, "Pakistan has voiced concern. The declaration followed the meeting between Prime "
                           "Minister Arun Desai and President Tom Hale.")
    assert got["Arun Desai"] == [("Prime Minister", None)]
    assert got["Tom Hale"] == [("President", None)]


def test_a_title_several_states_have_takes_no_default_state(tmp_path):
    got = people(tmp_path, "Defence Minister Omar Aziz lashed out on Friday.")
    assert got["Omar Aziz"] == [("Defence Minister", None)]


def test_a_place_phrase_opening_the_sentence_gives_the_state(tmp_path):
    got = people(tmp_path, "In Canberra, Deputy Secretary Peter Grant met the visitors.")
    assert got["Peter Grant"] == [("Deputy Secretary", "Australia")]


def test_the_object_of_a_title_is_not_a_person(tmp_path):
    got = people(tmp_path, "In Washington, Mary Stone, the State Department's senior official for South Asia, "
                           "welcomed the ruling.")
    assert set(got) == {"Mary Stone"}
    assert got["Mary Stone"][0][1] == "United States"


def test_a_participle_clause_and_a_list_item_are_not_appositions(tmp_path):
    got = people(tmp_path, "He posted on Truth Social, pledging Prime Minister Ravi Menon his backing. The US "
                           "side was led by Deputy Assistant Secretary of State Jon Ames, and Deputy Assistant "
                           "Attorney General Jo Hodges.")
    assert "Truth Social" not in got
    assert got["Jon Ames"] == [("Deputy Assistant Secretary of State", "United States")]


def test_a_state_named_after_the_name_gives_the_post_its_state(tmp_path):
    from kg.article import read_article
    from kg.entities import find_entities
    from kg.extract.pipeline import parse
    from kg.mentions import find_mentions

    path = tmp_path / "a.txt"
    path.write_text(" date 2021-03-17\nVice President Clara Hughes of the United States spoke in Lima.\n", encoding="utf-8")
    article = read_article(path)
    res = find_entities(article, find_mentions(article, docs=parse([s.text for s in article.sentences])))
    hughes = next(e for e in res.entities.values() if e.label == "Clara Hughes")
    assert [p.state.value.rsplit("/", 1)[-1] for p in hughes.posts] == ["united-states"]


def test_a_surname_joined_by_a_hyphen_is_part_of_the_name(tmp_path):
    got = people(tmp_path, "Saudi Interior Minister Faisal Nasser Al-Otaibi met the Indian envoy in Riyadh.")
    assert list(got) == ["Faisal Nasser Al-Otaibi"]


def test_a_hyphenated_first_name_is_part_of_the_name(tmp_path):
    got = people(tmp_path, "The French envoy Marie-Claire Renaud told reporters the talks would go on.")
    assert list(got) == ["Marie-Claire Renaud"]


def test_a_lower_case_particle_joined_by_a_hyphen_is_part_of_the_name(tmp_path):
    got = people(tmp_path, "The group's commander, Hamza Yusuf al-Masri, was named by the ministry on Friday.")
    assert "Hamza Yusuf al-Masri" in got


def test_two_people_whose_surnames_share_the_part_before_the_hyphen_are_two(tmp_path):
    got = people(tmp_path, "Interior Minister Khalid Omar Al-Harbi met Foreign Minister Khalid Omar Al-Shamsi "
                           "in Jeddah on Sunday.")
    assert {"Khalid Omar Al-Harbi", "Khalid Omar Al-Shamsi"} <= set(got)
    assert name_key("Khalid Omar Al-Harbi") != name_key("Khalid Omar Al-Shamsi")
