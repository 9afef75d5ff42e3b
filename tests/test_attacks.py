"""Attacks: what must not be read as an attack or a perpetrator, beyond the rule file's examples."""
from __future__ import annotations


from kg.extract.examples import extraction_of
from kg.terms import ctkg, rdf


def attacks_of(text, tmp_path):
    extraction, label = extraction_of(text, tmp_path)
    return extraction, {f.subject for f in extraction.facts if f.predicate == rdf.type and f.object == ctkg.Attack}


def test_a_superlative_attack_is_no_attack_of_its_own(tmp_path):
    _, attacks = attacks_of("It was the deadliest attack in Srinagar since the 2014 Jammu bombing.", tmp_path)
    assert [a.value.rsplit("/", 1)[-1] for a in attacks] == ["2014-jammu"]


def test_a_coordinated_attack_keeps_its_own_year(tmp_path):
    _, attacks = attacks_of("The report singled out the 2012 bombing in Lahore and the 2015 ambush near Jammu.", tmp_path)
    assert sorted(a.value.rsplit("/", 1)[-1] for a in attacks) == ["2012-lahore", "2015-jammu"]


def test_a_group_only_described_beside_the_claimant_is_not_a_claimant(tmp_path):
    extraction, _ = attacks_of("A bombing in Kabul killed 20 people in 2019. The Taliban, long described as a shield "
                               "for al-Qaeda, claimed the attack.", tmp_path)
    claimants = {f.object.value.rsplit("/", 1)[-1] for f in extraction.facts if f.predicate == ctkg.claimedBy}
    assert claimants == {"taliban"}


def test_a_state_blaming_a_group_is_kept_as_the_blamer_not_the_perpetrator(tmp_path):
    extraction, _ = attacks_of("Pakistan blamed the Tehrik-e-Taliban Pakistan for the 2014 Peshawar massacre.", tmp_path)
    assert not [f for f in extraction.facts if f.predicate == ctkg.perpetrator]
    assert {f.object.value.rsplit("/", 1)[-1] for f in extraction.facts if f.predicate == ctkg.blamedBy} == {"pakistan"}


def _claimed(extraction) -> set:
    return {f.subject.value.rsplit("/", 1)[-1] for f in extraction.facts if f.predicate == ctkg.claimedBy}


def test_the_attack_means_the_one_named_in_the_sentence_before(tmp_path):
    extraction, _ = attacks_of("A bombing in Lahore killed 20 people in 2012. Years later, a 2015 ambush near Jammu "
                               "killed six soldiers. The Taliban claimed the attack.", tmp_path)
    assert _claimed(extraction) == {"2015-jammu"}


def test_the_attack_far_from_any_other_means_the_one_the_report_is_about(tmp_path):
    extraction, _ = attacks_of("A bombing in Lahore killed 20 people in 2012. Officials met on Monday. The 2015 "
                               "ambush near Jammu was recalled. Talks resumed. Trade was discussed. The Taliban "
                               "claimed the attack.", tmp_path)
    assert _claimed(extraction) == {"2012-lahore"}
