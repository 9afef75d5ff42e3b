"""Legal actions read from the parse: what must not be taken for an action done."""
from kg.extract.examples import extraction_of, rows
from kg.extract.rules import rule_set


def _all_rows(text, tmp_path):
    extraction, label = extraction_of(text, tmp_path)
    return [row for rule in rule_set("legal").rules for row in rows("legal", extraction, label, rule.id)]


def test_a_negated_conviction_is_no_conviction(tmp_path):
    found = _all_rows("Officials said Tariq Mahmood was not convicted by the court.", tmp_path)
    assert not [r for r in found if r.get("action") == "Conviction"]


def test_a_call_for_an_arrest_is_no_arrest(tmp_path):
    found = _all_rows("India called for the arrest of Tariq Mahmood after the attack.", tmp_path)
    assert not [r for r in found if r.get("action") == "Arrest"]


def test_a_blocked_listing_is_a_proposal_not_a_designation(tmp_path):
    found = _all_rows("China blocked the listing of Rashid Qamar at the UN Security Council.", tmp_path)
    assert {r.get("action") for r in found if r.get("person") == "Rashid Qamar"} == {"DesignationProposal"}


def test_the_person_is_the_object_not_the_nearest_name(tmp_path):
    found = _all_rows("Judge Alan Porter sentenced Imran Qureshi to nine years in prison.", tmp_path)
    assert {r.get("person") for r in found if r.get("action") == "Conviction"} == {"Imran Qureshi"}


def test_a_statement_listing_groups_among_others_is_no_designation(tmp_path):
    found = _all_rows("The joint statement listed al-Qaeda, the Haqqani Network and the Taliban among the "
                      "groups that must be fought.", tmp_path)
    assert not found


def test_an_analyst_blaming_a_group_is_no_accusation(tmp_path):
    found = _all_rows("Analysts blamed the Haqqani Network for the violence in the capital.", tmp_path)
    assert not found


def test_a_pronoun_whose_nearest_antecedent_is_not_a_person_names_nobody(tmp_path):
    found = _all_rows("Tariq Mahmood said police had beaten a witness and later arrested him.", tmp_path)
    assert not [r for r in found if r.get("action") == "Arrest"]


def test_a_possessive_on_the_verbs_object_is_not_the_subject(tmp_path):
    found = _all_rows("Judge Alan Porter ordered his arrest on Friday.", tmp_path)
    assert not [r for r in found if r.get("person") == "Alan Porter"]


def test_a_pronoun_after_two_people_in_the_sentence_before_names_nobody(tmp_path):
    found = _all_rows("Daniel Hughes met Omar Haddad in Ohio in May. FBI agents arrested him in June.", tmp_path)
    assert not [r for r in found if r.get("action") == "Arrest"]
