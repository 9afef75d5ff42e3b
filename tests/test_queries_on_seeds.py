"""Every named query against the seeds' graph: its rows say what the articles say."""
from __future__ import annotations

import pytest

from kg.query import run_named
from kg.store import open_store


@pytest.fixture(scope="module")
def store(seeds_store):
    return open_store(seeds_store, read_only=True)


def rows(store, name, **params):
    result = run_named(store, name, params)
    return [dict(zip(result.columns, row)) for row in result.rows]


def test_officials_gives_each_post_with_its_organization_and_state(store):
    found = {(r["person"], r["state"]) for r in rows(store, "officials")}
    assert {("Ajay Bhalla", "India"), ("Kristie Canegallo", "United States"), ("Mahaveer Singhvi", "India"),
            ("Nathan Sales", "United States"), ("Zhao Lijian", "China"),
            ("Shafqat Ali Khan", "Pakistan")} <= found


def test_officials_for_one_state_by_alias(store):
    assert {r["state"] for r in rows(store, "officials", state="U.S.")} == {"United States"}


def test_meetings_lists_the_dialogues_and_working_group_with_dates_and_places(store):
    found = {r["meeting"]: r for r in rows(store, "meetings")}
    hsd = next(r for name, r in found.items() if "Homeland Security Dialogue (February 2024)" in name)
    assert hsd["place"] == "New Delhi" and str(hsd["start"]).startswith("2024-02")
    jwg = next(r for name, r in found.items() if "Joint Working Group" in name)
    assert str(jwg["start"]) == "2020-09-09" and str(jwg["end"]) == "2020-09-10"


def test_delegations_gives_each_leader_once_though_two_articles_report_the_dialogue(store):
    found = [(r["state"], r["leader"]) for r in rows(store, "delegations")
             if str(r["start"]).startswith("2024-02")]
    assert sorted(found) == [("India", "Ajay Bhalla"), ("United States", "Kristie Canegallo")]


def test_delegations_of_the_17th_working_group(store):
    found = {(r["state"], r["leader"]) for r in rows(store, "delegations", state="India")}
    assert ("India", "Mahaveer Singhvi") in found


def test_topics_of_the_homeland_security_dialogue_include_fentanyl_and_cybercrime(store):
    topics = {r["topic"] for r in rows(store, "topics") if "Homeland Security" in r["meeting"]}
    assert {"fentanyl", "cybercrime"} <= {t.lower() for t in topics}


def test_groups_named_at_the_working_group(store):
    groups = {r["group"] for r in rows(store, "groups-named") if "Working Group" in r["event"]}
    assert {"Lashkar-e-Taiba", "Jaish-e-Mohammed", "Hizbul Mujahideen", "al-Qaeda"} <= groups


def test_groups_named_by_alias(store):
    assert {r["group"] for r in rows(store, "groups-named", group="LeT")} == {"Lashkar-e-Taiba"}


def test_attacks_gives_mumbai_with_lashkar_and_166_killed(store):
    mumbai = [r for r in rows(store, "attacks") if r["attack"] == "2008 Mumbai attacks"]
    assert [(r["perpetrator"], r["killed"]) for r in mumbai] == [("Lashkar-e-Taiba", 166)]


def test_attacks_by_group_gives_pathankot_for_jem(store):
    found = rows(store, "attacks", group="Jaish-e Mohammad")
    assert [(r["attack"], r["killed"]) for r in found] == [("2016 Pathankot attack", 7)]


def test_agreements_gives_the_memorandum_between_the_two_academies(store):
    parties = {r["party"] for r in rows(store, "agreements") if "Memorandum" in r["agreement"]}
    assert parties == {"Federal Law Enforcement Training Centers", "Sardar Vallabhbhai Patel National Police Academy"}


def test_agreements_gives_resolution_2396_referred_to_at_the_working_group(store):
    found = [r for r in rows(store, "agreements") if r["agreement"] == "UN Security Council Resolution 2396"]
    assert found and all("Working Group" in r["event"] for r in found)


def test_reactions_gives_pakistan_and_china_through_their_spokespersons(store):
    found = {(r["state"], r["spokesperson"]) for r in rows(store, "reactions")}
    assert found == {("Pakistan", "Shafqat Ali Khan"), ("China", "Zhao Lijian")}


def test_legal_actions_gives_the_extradition_and_the_arrest(store):
    found = {(r["person"], r["action"], r["state"], r["attack"]) for r in rows(store, "legal-actions")}
    assert ("Tahawwur Hussain Rana", "Extradition", "United States", "2008 Mumbai attacks") in found
    assert ("Zakiur Rehman Lakhvi", "Arrest", "Pakistan", "2008 Mumbai attacks") in found
    assert any(r[0] == "Gurpatwant Singh Panun" and r[1] == "AssassinationPlot" for r in found)


def test_calls_to_act_name_pakistan_as_the_target_of_india_and_the_us(store):
    found = rows(store, "calls-to-act", target="Pakistan")
    assert {r["caller"] for r in found} == {"India", "United States"}
    assert any("irreversible action" in r["demand"] for r in found)


def test_timeline_of_pakistan_runs_in_date_order(store):
    found = rows(store, "timeline", actor="Pakistan")
    dates = [str(r["date"]) for r in found if r["date"]]
    assert dates == sorted(dates) and len(found) >= 3


def test_evidence_traces_a_fact_to_its_sentence(store):
    found = rows(store, "evidence", entity="Zakiur Rehman Lakhvi")
    assert any("arrested seven men" in r["sentence"] for r in found)


def test_evidence_rows_come_in_the_order_of_predicate_then_subject(store):
    result = run_named(store, "evidence", {"entity": "India"}, iris=True)
    pairs = [(p.value, s.value) for s, p, _, _, _ in result.terms]
    assert len({p for p, _ in pairs}) > 3 and len({s for _, s in pairs}) > 3
    assert pairs == sorted(pairs)
