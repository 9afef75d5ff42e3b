"""Competing claims: two reports that disagree on a death toll are both kept, with their sources,
and the graph can be read as it was reported up to a date (kg query --as-of)."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.errors import BadQuery
from kg.explain import explain
from kg.loader import build
from kg.query import run_named
from kg.store import open_store, quarantined

URI = "https://w3id.org/ctkg/id/event/attack/2016-uri"
# Two invented reports of one attack: the first toll, then a higher one four days later.
FIRST = """Army base attacked in Uri

New Delhi, Sept 18, 2016 (PTI) Militants attacked an army brigade headquarters in Uri on Sunday.

The Uri attack killed 17 soldiers, the army said.
"""
LATER = """Uri toll rises

New Delhi, Sept 22, 2016 (PTI) The 2016 Uri attack killed 18 soldiers, the Indian Army said on Thursday.
"""


@pytest.fixture(scope="module")
def two_reports(tmp_path_factory):
    folder = tmp_path_factory.mktemp("uri")
    articles = folder / "articles"
    articles.mkdir()
    (articles / "uri-first.txt").write_text(FIRST, encoding="utf-8")
    (articles / "uri-later.txt").write_text(LATER, encoding="utf-8")
    summary = build([articles], folder / "store")
    return summary, folder / "store"


@pytest.fixture(scope="module")
def store(two_reports):
    return open_store(two_reports[1], read_only=True)


def rows(store, name, as_of=None, **params):
    result = run_named(store, name, params, as_of=as_of)
    return [dict(zip(result.columns, row)) for row in result.rows]


def test_two_reports_that_disagree_on_a_toll_are_both_loaded_and_nothing_is_kept_aside(two_reports, store):
    summary, _ = two_reports
    assert [o.status for o in summary.outcomes] == ["loaded", "loaded"]
    assert quarantined(store) == []


def test_explain_shows_both_tolls_side_by_side_with_their_articles(store):
    claims = {c.predicate: c for c in explain(store, URI).claims}
    shown = {v.value: v for v in claims["ctkg:killed"].values}
    assert set(shown) == {"17", "18"}
    assert shown["17"].articles == ("uri-first.txt",) and shown["18"].articles == ("uri-later.txt",)
    assert shown["17"].first_reported == "2016-09-18" and shown["18"].first_reported == "2016-09-22"


def test_the_toll_the_sentence_attributes_names_who_said_it(store):
    shown = {v.value: v for c in explain(store, URI).claims for v in c.values}
    assert shown["18"].according_to == ("Indian Army",)


def test_the_claims_query_gives_one_row_per_value_with_its_sources(store):
    found = {(r["value"], r["articles"], r["according_to"]) for r in rows(store, "claims", entity="Uri attack")}
    assert found == {(17, "uri-first.txt", None), (18, "uri-later.txt", "Indian Army")}


def test_the_attacks_query_gives_each_reported_toll_its_own_row(store):
    assert {r["killed"] for r in rows(store, "attacks") if r["attack"] == "2016 Uri attack"} == {17, 18}


def test_attacks_as_of_a_date_give_only_the_tolls_reported_by_then(store):
    assert {r["killed"] for r in rows(store, "attacks", as_of="2016-09-20")} == {17}
    assert {r["killed"] for r in rows(store, "attacks", as_of="2016-09-30")} == {17, 18}
    assert rows(store, "attacks", as_of="2016-09-01") == []


def test_legal_actions_as_of_a_date_leave_out_what_was_reported_later(seeds_store):
    seeds = open_store(seeds_store, read_only=True)
    everything = {(r["person"], r["action"]) for r in rows(seeds, "legal-actions")}
    early = {(r["person"], r["action"]) for r in rows(seeds, "legal-actions", as_of="2021-01-01")}
    assert ("Tahawwur Hussain Rana", "Extradition") in everything - early
    assert ("Zakiur Rehman Lakhvi", "Arrest") in early


def test_the_timeline_as_of_a_date_holds_only_events_reported_by_then(seeds_store):
    seeds = open_store(seeds_store, read_only=True)
    everything = rows(seeds, "timeline", actor="Pakistan")
    early = rows(seeds, "timeline", actor="Pakistan", as_of="2021-01-01")
    assert 0 < len(early) < len(everything)
    assert all(str(r["date"]) <= "2021-01-01" for r in early if r["date"])


def test_an_as_of_that_is_not_a_date_is_refused_with_the_form_to_use(store):
    with pytest.raises(BadQuery, match="YYYY-MM-DD"):
        run_named(store, "attacks", {}, as_of="20 September 2016")


def test_kg_query_takes_as_of_on_the_command_line(two_reports):
    result = CliRunner().invoke(main, ["query", "attacks", "--as-of", "2016-09-20", "--format", "csv",
                                       "--store", str(two_reports[1])])
    assert result.exit_code == 0, result.output
    assert "2016 Uri attack,2016-09-18,Uri,,17\n" in result.output and ",18\n" not in result.output


# Two invented reports of an attack the reference data does not know, one day apart on its date.
LAHORE_FIRST = """Blast in Lahore

Islamabad, March 5, 2012 (PTI) A bombing in Lahore on March 3, 2012 killed 20 people, police said.
"""
LAHORE_LATER = """Lahore blast inquiry

Islamabad, March 9, 2012 (PTI) The bombing in Lahore on March 4, 2012 killed 22 people, officials said.
"""


def test_two_reports_that_disagree_on_an_attacks_date_are_both_kept_as_claims(tmp_path):
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "lahore-first.txt").write_text(LAHORE_FIRST, encoding="utf-8")
    (articles / "lahore-later.txt").write_text(LAHORE_LATER, encoding="utf-8")
    summary = build([articles], tmp_path / "store")
    assert [o.status for o in summary.outcomes] == ["loaded", "loaded"], [o.message for o in summary.outcomes]
    found = {(r["property"], str(r["value"]), r["articles"]) for r in rows(open_store(tmp_path / "store", read_only=True), "claims")}
    assert {("startDate", "2012-03-03", "lahore-first.txt"), ("startDate", "2012-03-04", "lahore-later.txt"),
            ("killed", "20", "lahore-first.txt"), ("killed", "22", "lahore-later.txt")} <= found


def test_kg_explain_prints_the_disputed_tolls_with_their_sources_and_strength(two_reports):
    result = CliRunner().invoke(main, ["explain", "Uri attack", "--store", str(two_reports[1])])
    assert result.exit_code == 0, result.output
    text = " ".join(result.output.split())
    assert "Reports disagree on 2016 Uri attack ctkg:killed" in text
    assert "18 from uri-later.txt; first reported 2016-09-22; according to Indian Army" in text
    assert "probable" in text
