"""Events and relations, each rule on a few sentences of its own."""
from __future__ import annotations


from kg.article import read_article
from kg.entities import find_entities
from kg.events import extract_events
from kg.mentions import find_mentions
from kg.terms import ctkg, literal, rdf, xsd


def facts_of(tmp_path, text: str):
    path = tmp_path / "article.txt"
    path.write_text(text, encoding="utf-8")
    article = read_article(path)
    res = find_entities(article, find_mentions(article))
    return extract_events(article, res).facts


def objects(facts, predicate):
    return [f.object for f in facts if f.predicate == predicate]


def typed(facts, cls):
    return list(dict.fromkeys(f.subject for f in facts if f.predicate == rdf.type and f.object == cls))


def test_a_meeting_gets_its_series_dates_place_and_states(tmp_path):
    facts = facts_of(tmp_path, "New Delhi, March 1, 2024 (PTI) From February 27 to February 29, Home Secretary "
                               "Ajay Bhalla and officials met in New Delhi to co-chair the India-US Homeland "
                               "Security Dialogue.\n")
    assert len(typed(facts, ctkg.Dialogue)) == 1
    assert objects(facts, ctkg.startDate) == [literal("2024-02-27", datatype=xsd.date)]
    assert objects(facts, ctkg.endDate) == [literal("2024-02-29", datatype=xsd.date)]
    assert any(o.value.endswith("/place/new-delhi") for o in objects(facts, ctkg.place))
    states = {o.value.rsplit("/", 1)[-1] for o in objects(facts, ctkg.participant) if "/state/" in o.value}
    assert states == {"india", "united-states"}


def test_a_meeting_held_virtually_has_no_place(tmp_path):
    facts = facts_of(tmp_path, "New Delhi, September 12, 2020 (PTI) The 17th meeting of the US-India joint working "
                               "group on counterterrorism was held virtually during September 9-10.\n")
    assert objects(facts, ctkg.isVirtual) == [literal(True)]
    assert objects(facts, ctkg.sessionNumber) == [literal(17, datatype=xsd.integer)]
    assert not objects(facts, ctkg.place)


def test_the_leader_of_each_delegation_is_found(tmp_path):
    facts = facts_of(tmp_path, "New Delhi, Feb 28, 2024 (PTI) The India-US Homeland Security Dialogue was held here. "
                               "While the Indian delegation was led by Union Home Secretary Ajay Bhalla, the US "
                               "delegation was headed by his counterpart Kristie Canegallo, the acting deputy "
                               "secretary in the US Department of Homeland Security.\n")
    leaders = {o.value.rsplit("/", 1)[-1] for o in objects(facts, ctkg.ledBy)}
    assert leaders == {"ajay-bhalla", "kristie-canegallo"}


def test_the_next_and_previous_sessions_are_linked(tmp_path):
    facts = facts_of(tmp_path, "New Delhi, Feb 28, 2024 (PTI) The India-US Homeland Security Dialogue was held here. "
                               "Both sides agreed to hold the next round of the Homeland Security Dialogue in "
                               "Washington DC at a mutually convenient date. The last India-US Homeland Security "
                               "Dialogue was held in January 2022.\n")
    assert len(objects(facts, ctkg.nextSession)) == 1 and len(objects(facts, ctkg.previousSession)) == 1
    assert ctkg.Planned in objects(facts, ctkg.eventStatus)


def test_an_attack_gets_its_perpetrator_and_toll(tmp_path):
    facts = facts_of(tmp_path, "New Delhi, Sep 12, 2020 (PTI) The 2008 Mumbai attacks, which were carried out by a "
                               "10-member team of the LeT from Pakistan, left 166 people dead.\n")
    assert objects(facts, ctkg.killed) == [literal(166, datatype=xsd.integer)]
    assert [o.value.rsplit("/", 1)[-1] for o in objects(facts, ctkg.perpetrator)] == ["lashkar-e-taiba"]


def test_an_attack_blamed_on_a_group_is_attributed_not_perpetrated(tmp_path):
    facts = facts_of(tmp_path, "New Delhi, Sep 12, 2020 (PTI) The 2016 Pathankot attack, blamed on JeM, targeted an "
                               "Indian Air Force base and resulted in the death of seven Indian troops.\n")
    assert [o.value.rsplit("/", 1)[-1] for o in objects(facts, ctkg.attributedTo)] == ["jaish-e-mohammed"]
    assert not objects(facts, ctkg.perpetrator)
    assert objects(facts, ctkg.killed) == [literal(7, datatype=xsd.integer)]


def test_an_unknown_attack_is_minted_from_its_place_and_year(tmp_path):
    facts = facts_of(tmp_path, "New Delhi, Feb 28, 2024 (PTI) India is seeking action against those involved in "
                               "the July 2023 attack on the Indian consulate in San Francisco.\n")
    attacks = typed(facts, ctkg.Attack)
    assert [a.value.rsplit("/", 1)[-1] for a in attacks] == ["2023-san-francisco"]
    assert objects(facts, ctkg.target) == [literal("Indian consulate")]


def test_a_call_to_act_names_its_target_demand_and_callers(tmp_path):
    facts = facts_of(tmp_path, "New Delhi, Sep 12, 2020 (PTI) India and the US have called on Pakistan to take "
                               "immediate action against terror groups, a joint statement said.\n")
    assert [o.value.rsplit("/", 1)[-1] for o in objects(facts, ctkg.calledOn)] == ["pakistan"]
    assert objects(facts, ctkg.demand)[0].value.startswith("take immediate action")
    callers = {o.value.rsplit("/", 1)[-1] for f in facts if f.predicate == ctkg.issuedBy
               and "/call/" in f.subject.value for o in [f.object]}
    assert callers == {"india", "united-states"}


def test_a_third_state_answering_a_joint_statement_is_a_reaction(tmp_path):
    facts = facts_of(tmp_path, "New Delhi, Sep 12, 2020 (PTI) India and the US issued a joint statement on terrorism. "
                               "China, however, responded to the joint statement by defending Pakistan's record. "
                               "“We oppose double standards,” foreign ministry spokesperson Zhao Lijian said.\n")
    reactions = typed(facts, ctkg.Reaction)
    assert len(reactions) == 1
    assert [o.value.rsplit("/", 1)[-1] for o in objects(facts, ctkg.spokesperson)] == ["zhao-lijian"]


def test_a_person_who_only_hailed_an_extradition_is_not_its_target(tmp_path):
    facts = facts_of(tmp_path, "New Delhi, April 10, 2025 (ANI) Tahawwur Hussain Rana, an accused in the 2008 Mumbai "
                               "terror attacks, was extradited from the United States. Union Home Minister Amit "
                               "Shah hailed the extradition as a major success.\n")
    targets = {o.value.rsplit("/", 1)[-1] for o in objects(facts, ctkg.targetPerson)}
    assert targets == {"tahawwur-rana"}


def test_a_state_denying_after_one_partys_statement_is_a_reaction(tmp_path):
    facts = facts_of(tmp_path, "NEW DELHI, February 16, 2019 (Reuters) - In a statement issued late on Thursday, the "
                               "White House called on Pakistan to end its support to all terrorist groups. "
                               "Pakistan denied any role. Foreign Office spokesman Mohammad Faisal rejected the "
                               "claims.\n")
    assert len(typed(facts, ctkg.Statement)) == 1
    reactions = typed(facts, ctkg.Reaction)
    assert len(reactions) == 1
    assert [o.value.rsplit("/", 1)[-1] for o in objects(facts, ctkg.spokesperson)] == ["mohammad-faisal"]


def test_officials_saying_something_is_not_a_reaction(tmp_path):
    facts = facts_of(tmp_path, "NEW DELHI, February 16, 2019 (Reuters) - In a statement issued late on Thursday, the "
                               "White House called on Pakistan to act. Indian officials said they would renew the push.\n")
    assert not typed(facts, ctkg.Reaction)
