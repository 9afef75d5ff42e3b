"""The loader's scorer, on tiny hand-built stores: matching rules, counts and gold checks."""
from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox
import pytest
from rich.console import Console

from kg.errors import BadGold, StoreError
from kg.evaluate import KIND_NAMES, evaluate, format_scores, load_gold, compared_name
from kg.vocab import ARTICLE_GRAPH_PREFIX, DEFAULT_BASE_IRI, G_REFERENCE, PREFIXES

TESTS = Path(__file__).parent
INDIVIDUAL_KINDS = ("person", "post", "state", "group", "series", "event", "place")

HEADER = "\n".join(f"@prefix {p}: <{iri}> ." for p, iri in PREFIXES.items()) + f"""
@prefix art: <{ARTICLE_GRAPH_PREFIX}> .
@prefix ref: <{G_REFERENCE}> .
""" + "\n".join(f"@prefix {kind}: <{DEFAULT_BASE_IRI}{kind}/> ." for kind in INDIVIDUAL_KINDS)

# One article, a1: a dialogue led by Ajay Bhalla for India, naming Lashkar-e-Taiba.
ARTICLE_A1 = """
art:a1 {
    person:ajay-bhalla a ctkg:Person ; skos:prefLabel "Ajay Bhalla" ;
        ctkg:holdsPost post:ajay-bhalla-union-home-secretary .
    post:ajay-bhalla-union-home-secretary a ctkg:Post ; ctkg:title "Union Home Secretary" ;
        ctkg:heldBy person:ajay-bhalla ; ctkg:postState state:india .
    event:hsd-2024 a ctkg:Dialogue ;
        skos:prefLabel "India-US Homeland Security Dialogue (February 2024)" ;
        ctkg:inSeries series:india-us-homeland-security-dialogue ;
        ctkg:startDate "2024-02-27"^^xsd:date ; ctkg:endDate "2024-02-29"^^xsd:date ;
        ctkg:place place:new-delhi ; ctkg:participant state:india ;
        ctkg:namesGroup group:lashkar-e-taiba ;
        ctkg:hasDelegation event:hsd-2024-india .
    event:hsd-2024-india a ctkg:Delegation ;
        ctkg:delegationOf state:india ; ctkg:ledBy person:ajay-bhalla .
}
ref: {
    state:india a ctkg:State ; skos:prefLabel "India" ; skos:altLabel "Bharat" .
    group:lashkar-e-taiba a ctkg:TerroristGroup ; skos:prefLabel "Lashkar-e-Taiba" ;
        skos:altLabel "LeT", "Lashkar e-Tayyiba" .
    series:india-us-homeland-security-dialogue a ctkg:EventSeries ;
        skos:prefLabel "India-US Homeland Security Dialogue" .
}
"""

GOLD_A1 = {
    "entities": [
        {"label": "Ajay Bhalla", "kind": "Person"},
        {"label": "India", "kind": "State"},
        {"label": "Lashkar-e-Taiba", "kind": "TerroristGroup"},
    ],
    "posts": [{"person": "Ajay Bhalla", "title": "Union Home Secretary", "organization": None, "state": "India"}],
    "meetings": [{"series": "India-US Homeland Security Dialogue", "start": "2024-02-27", "end": "2024-02-29",
                  "place": "New Delhi", "virtual": False}],
    "delegation_leaders": [{"state": "India", "leader": "Ajay Bhalla"}],
    "groups_named": [{"group": "Lashkar-e-Taiba"}],
}


def make_store(tmp_path: Path, trig: str) -> ox.Store:
    store = ox.Store(str(tmp_path / "store"))
    store.load(HEADER + trig, format=ox.RdfFormat.TRIG)
    return store


def write_gold(tmp_path: Path, articles: dict, name: str = "gold.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps({"articles": articles}), encoding="utf-8")
    return path


def with_changes(**kinds) -> dict:
    return {**GOLD_A1, **kinds}


def test_a_perfect_match_scores_f1_of_one(tmp_path):
    scores = evaluate(make_store(tmp_path, ARTICLE_A1), write_gold(tmp_path, {"a1": GOLD_A1}))
    assert (scores.overall.tp, scores.overall.fp, scores.overall.fn) == (7, 0, 0)
    assert scores.overall.f1 == 1.0


def test_a_missed_gold_fact_lowers_recall_but_not_precision(tmp_path):
    gold = with_changes(entities=GOLD_A1["entities"] + [{"label": "Kristie Canegallo", "kind": "Person"}])
    scores = evaluate(make_store(tmp_path, ARTICLE_A1), write_gold(tmp_path, {"a1": gold}))
    assert scores["entities"].recall == pytest.approx(3 / 4)
    assert scores["entities"].precision == 1.0
    assert [str(f) for f in scores["entities"].missed] == ["a1 entities: label=Kristie Canegallo; kind=Person"]


def test_a_spurious_graph_fact_lowers_precision_but_not_recall(tmp_path):
    trig = ARTICLE_A1 + "art:a1 { event:hsd-2024 ctkg:namesGroup group:jaish-e-mohammed . }"
    scores = evaluate(make_store(tmp_path, trig), write_gold(tmp_path, {"a1": GOLD_A1}))
    assert scores["groups_named"].precision == 0.5
    assert scores["groups_named"].recall == 1.0
    assert "jaish-e-mohammed" in str(scores["groups_named"].spurious[0])


def test_a_gold_name_matches_an_alias_in_the_graph(tmp_path):
    gold = with_changes(groups_named=[{"group": "LeT"}], delegation_leaders=[{"state": "Bharat", "leader": "Ajay Bhalla"}])
    scores = evaluate(make_store(tmp_path, ARTICLE_A1), write_gold(tmp_path, {"a1": gold}))
    assert scores["groups_named"].tp == 1
    assert scores["delegation_leaders"].tp == 1


def test_names_compare_without_case_hyphens_apostrophes_or_spaces():
    assert compared_name("Lashkar e-Tayyiba") == compared_name("lashkar-e-tayyiba") == compared_name("LASHKAR E TAYYIBA")
    assert compared_name("Al-Qa’ida") == compared_name("al qa'ida")
    assert compared_name("Washington, D.C.") == compared_name("Washington DC")


def test_a_gold_name_may_be_a_list_of_acceptable_names(tmp_path):
    gold = with_changes(groups_named=[{"group": ["Lashkar-e-Tayyiba (LeT)", "Lashkar e-Tayyiba"]}])
    scores = evaluate(make_store(tmp_path, ARTICLE_A1), write_gold(tmp_path, {"a1": gold}))
    assert scores["groups_named"].tp == 1


def test_a_wrong_field_value_makes_the_fact_both_missed_and_spurious(tmp_path):
    gold = with_changes(delegation_leaders=[{"state": "Pakistan", "leader": "Ajay Bhalla"}])
    scores = evaluate(make_store(tmp_path, ARTICLE_A1), write_gold(tmp_path, {"a1": gold}))
    assert (scores["delegation_leaders"].tp, scores["delegation_leaders"].fp, scores["delegation_leaders"].fn) == (0, 1, 1)


def test_a_null_gold_field_is_not_compared(tmp_path):
    gold = with_changes(meetings=[{"series": "India-US Homeland Security Dialogue", "start": None, "place": None}])
    scores = evaluate(make_store(tmp_path, ARTICLE_A1), write_gold(tmp_path, {"a1": gold}))
    assert scores["meetings"].tp == 1


@pytest.mark.parametrize("series", [
    "US-India Homeland Security Dialogue",
    "India-United States Homeland Security Dialogue",
    "Homeland Security Dialogue",
])
def test_meeting_series_compare_loosely(tmp_path, series):
    gold = with_changes(meetings=[{"series": series, "start": "2024-02-27"}])
    scores = evaluate(make_store(tmp_path, ARTICLE_A1), write_gold(tmp_path, {"a1": gold}))
    assert scores["meetings"].tp == 1


@pytest.mark.parametrize("title, matches", [
    ("Home Secretary", True),
    ("union home-secretary", True),
    ("Union Home Minister", False),
])
def test_post_titles_compare_loosely_but_not_across_offices(tmp_path, title, matches):
    gold = with_changes(posts=[{"person": "Ajay Bhalla", "title": title}])
    scores = evaluate(make_store(tmp_path, ARTICLE_A1), write_gold(tmp_path, {"a1": gold}))
    assert scores["posts"].tp == int(matches)


def test_a_meeting_of_another_series_does_not_match(tmp_path):
    gold = with_changes(meetings=[{"series": "India-US Counter-Terrorism Joint Working Group", "start": "2024-02-27"}])
    scores = evaluate(make_store(tmp_path, ARTICLE_A1), write_gold(tmp_path, {"a1": gold}))
    assert scores["meetings"].tp == 0


def test_a_meeting_without_is_virtual_is_not_virtual(tmp_path):
    gold = with_changes(meetings=[{"series": "India-US Homeland Security Dialogue", "virtual": True}])
    scores = evaluate(make_store(tmp_path, ARTICLE_A1), write_gold(tmp_path, {"a1": gold}))
    assert scores["meetings"].tp == 0


def test_a_gold_year_or_month_matches_a_full_graph_date(tmp_path):
    gold = with_changes(meetings=[{"series": "India-US Homeland Security Dialogue", "start": "2024-02", "end": "2024"}])
    scores = evaluate(make_store(tmp_path, ARTICLE_A1), write_gold(tmp_path, {"a1": gold}))
    assert scores["meetings"].tp == 1


def test_one_graph_fact_matches_at_most_one_gold_fact(tmp_path):
    gold = with_changes(groups_named=[{"group": "Lashkar-e-Taiba"}, {"group": "LeT"}])
    scores = evaluate(make_store(tmp_path, ARTICLE_A1), write_gold(tmp_path, {"a1": gold}))
    assert (scores["groups_named"].tp, scores["groups_named"].fn) == (1, 1)


def test_a_vague_gold_fact_does_not_take_the_graph_fact_a_precise_one_needs(tmp_path):
    trig = ARTICLE_A1 + """art:a1 { event:hsd-next a ctkg:Dialogue ;
        ctkg:inSeries series:india-us-homeland-security-dialogue ; ctkg:place place:washington-dc . }"""
    vague = {"series": "India-US Homeland Security Dialogue"}
    precise = {"series": "India-US Homeland Security Dialogue", "place": "Washington DC"}
    scores = evaluate(make_store(tmp_path, trig), write_gold(tmp_path, {"a1": with_changes(meetings=[vague, precise])}))
    assert scores["meetings"].tp == 2


def test_an_actor_typed_only_in_the_reference_graph_counts_when_the_article_mentions_it(tmp_path):
    trig = ARTICLE_A1 + "ref: { state:pakistan a ctkg:State ; skos:prefLabel \"Pakistan\" . }"
    scores = evaluate(make_store(tmp_path, trig), write_gold(tmp_path, {"a1": GOLD_A1}))
    assert scores["entities"].tp == 3
    assert scores["entities"].fp == 0


def test_attack_details_may_come_from_the_reference_graph(tmp_path):
    trig = ARTICLE_A1 + """
    art:a1 { event:hsd-2024 ctkg:refersToAttack event:2008-mumbai-attacks . }
    ref: { event:2008-mumbai-attacks a ctkg:Attack ; skos:prefLabel "2008 Mumbai attacks" ;
        skos:altLabel "26/11" ; ctkg:startDate "2008-11-26"^^xsd:date ; ctkg:killed 166 ;
        ctkg:perpetrator group:lashkar-e-taiba . }"""
    attack = {"attack": "26/11", "date": "2008-11-26", "perpetrator": "LeT", "killed": 166}
    scores = evaluate(make_store(tmp_path, trig), write_gold(tmp_path, {"a1": with_changes(attacks=[attack])}))
    assert scores["attacks"].tp == 1


def test_a_gold_article_missing_from_the_store_counts_as_all_missed(tmp_path):
    gold = write_gold(tmp_path, {"a1": GOLD_A1, "a9": {"groups_named": [{"group": "LeT"}]}})
    scores = evaluate(make_store(tmp_path, ARTICLE_A1), gold)
    assert scores.missing_articles == ("a9",)
    assert (scores["groups_named"].tp, scores["groups_named"].fn) == (1, 1)


def test_article_graphs_without_gold_are_not_scored(tmp_path):
    trig = ARTICLE_A1 + "art:a2 { event:x ctkg:namesGroup group:jaish-e-mohammed . }"
    scores = evaluate(make_store(tmp_path, trig), write_gold(tmp_path, {"a1": GOLD_A1}))
    assert scores.overall.fp == 0


def test_scoring_can_be_limited_to_some_articles(tmp_path):
    gold = write_gold(tmp_path, {"a1": GOLD_A1, "a9": {"groups_named": [{"group": "LeT"}]}})
    scores = evaluate(make_store(tmp_path, ARTICLE_A1), gold, articles=["seeds/a1.txt"])
    assert scores.articles == ("a1",)
    assert scores.overall.f1 == 1.0


def test_limiting_to_an_article_without_gold_is_refused(tmp_path):
    gold = write_gold(tmp_path, {"a1": GOLD_A1})
    with pytest.raises(BadGold, match="no gold for article"):
        evaluate(make_store(tmp_path, ARTICLE_A1), gold, articles=["a7"])


def test_a_store_folder_path_is_opened_read_only(tmp_path):
    make_store(tmp_path, ARTICLE_A1)
    scores = evaluate(tmp_path / "store", write_gold(tmp_path, {"a1": GOLD_A1}))
    assert scores.overall.f1 == 1.0


def test_a_missing_store_folder_is_reported(tmp_path):
    with pytest.raises(StoreError, match="no store at"):
        evaluate(tmp_path / "nowhere", write_gold(tmp_path, {"a1": GOLD_A1}))


@pytest.mark.parametrize("content, problem", [
    (None, "no such gold file"),
    ("{not json", "not valid JSON"),
    ('{"a1": {}}', "top-level object"),
    ('{"articles": {"a1": {"meeting": []}}}', "unknown kind"),
    ('{"articles": {"a1": {"posts": [{"person": "Ajay Bhalla"}]}}}', "missing field 'title'"),
    ('{"articles": {"a1": {"entities": [{"label": "X", "kind": "Terrorist"}]}}}', "must be one of"),
    ('{"articles": {"a1": {"meetings": [{"series": "X", "start": "27 Feb 2024"}]}}}', "ISO date"),
    ('{"articles": {"a1": {"attacks": [{"attack": "X", "killed": "166"}]}}}', "whole number"),
    ('{"articles": {"a1": {"groups_named": [{"group": "X", "note": "y"}]}}}', "unknown field"),
])
def test_a_malformed_gold_file_raises_bad_gold_naming_the_file(tmp_path, content, problem):
    path = tmp_path / "broken-gold.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(BadGold, match=problem) as caught:
        load_gold(path)
    assert str(caught.value).startswith(str(path))


def test_format_scores_has_a_row_per_kind_and_one_overall(tmp_path):
    scores = evaluate(make_store(tmp_path, ARTICLE_A1), write_gold(tmp_path, {"a1": GOLD_A1}))
    table = format_scores(scores)
    assert table.row_count == len(KIND_NAMES) + 1
    console = Console(width=120, record=True)
    console.print(table)
    assert "overall" in console.export_text()


@pytest.mark.parametrize("gold_file, folder", [("seeds.json", "seeds"), ("unseen.json", "tests/unseen")])
def test_gold_files_are_valid_and_cover_every_article_of_their_folder(gold_file, folder):
    gold = load_gold(TESTS / "gold" / gold_file)
    articles = {p.stem for p in (TESTS.parent / folder).glob("*.txt")}
    assert set(gold) == articles
