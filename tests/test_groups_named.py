"""Groups named at a meeting or in its joint statement: what must NOT count as naming a group."""
from kg.extract.examples import extraction_of
from kg.terms import ctkg

MEETING = ("India and the United States held the fourth meeting of their Joint Working Group on "
           "Counterterrorism in Washington on Tuesday. ")


def _named(text: str, tmp_path) -> list[str]:
    extraction, label = extraction_of(text, tmp_path)
    return sorted({label(f.object) for f in extraction.facts if f.predicate == ctkg.namesGroup})


def test_a_group_only_as_the_author_of_an_attack_is_not_named(tmp_path):
    assert _named(MEETING + "The two sides condemned the bombing claimed by Jaish-e-Mohammed.", tmp_path) == []


def test_a_third_state_asking_for_action_names_no_group_for_the_meeting(tmp_path):
    assert _named(MEETING + "China separately urged action against Lashkar-e-Jhangvi.", tmp_path) == []


def test_a_group_that_qualifies_a_person_in_a_listing_is_not_named(tmp_path):
    text = MEETING + "The two sides welcomed the listing of Lashkar-e-Taiba commander Imran Qadir as a global terrorist."
    assert _named(text, tmp_path) == []


def test_a_single_state_statement_without_a_meeting_names_no_group(tmp_path):
    text = ("The State Department issued a statement on Friday. In the statement, Washington urged Pakistan to "
            "act against Lashkar-e-Taiba and Jaish-e-Mohammed.")
    assert _named(text, tmp_path) == []


def test_every_name_of_a_bracketed_list_is_named(tmp_path):
    text = MEETING + ("The joint statement urged Pakistan to act against groups including Tehrik-e-Taliban "
                      "Pakistan (TTP), Lashkar-e-Jhangvi (LeJ) and the Haqqani Network.")
    assert _named(text, tmp_path) == ["Haqqani Network", "Lashkar-e-Jhangvi", "Tehrik-e-Taliban Pakistan"]
