"""The named queries (queries/*.rq) and `kg query`, on a small store in the design.md layout.

The fixture (tests/fixtures/query-graph.trig) has two article graphs that report the same
India-US Homeland Security Dialogue, a third with the 2020 joint statement, an ontology graph
with the class hierarchy and an inferred graph with broader types.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kg import query as q
from kg.store import open_store
from kg.cli import main
from kg.errors import BadQuery, UnknownEntity, UnknownQuery

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = Path(__file__).resolve().parent / "fixtures" / "query-graph.trig"
ID = "https://w3id.org/ctkg/id/"
DIALOGUE = "India-US Homeland Security Dialogue (February 2024)"

# The named queries the analysts asked for, with their columns, exactly.
REQUIRED = {
    "officials": "person title organization state",
    "meetings": "meeting kind start end place",
    "delegations": "meeting start state leader",
    "topics": "meeting topic",
    "groups-named": "event date group",
    "attacks": "attack date place perpetrator killed",
    "agreements": "agreement kind party event date",
    "reactions": "state spokesperson responds_to date stance",
    "legal-actions": "person action state attack",
    "calls-to-act": "caller target demand date",
    "timeline": "date event kind role",
    "evidence": "subject predicate object article sentence",
}


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("query") / "store"
    writer = ox.Store(str(folder))
    writer.load(path=str(FIXTURE), format=ox.RdfFormat.TRIG)
    writer.flush()
    del writer
    return folder


@pytest.fixture(scope="module")
def store(store_dir) -> ox.Store:
    return open_store(store_dir, read_only=True)


def rows(store, name, **params):
    return q.run_named(store, name, params).rows


def all_query_files():
    return sorted((ROOT / "queries").glob("*.rq"))


def body_of(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))


# -- the .rq files ------------------------------------------------------------------------------


def test_the_required_queries_exist_with_exactly_their_columns():
    found = {named.name: " ".join(named.columns) for named in q.list_queries()}
    for name, columns in REQUIRED.items():
        assert found.get(name) == columns, name


@pytest.mark.parametrize("path", all_query_files(), ids=lambda path: path.name)
def test_every_query_file_has_a_header(path):
    named = q.load_query(path)
    assert named.title and named.question and named.columns, path.name
    if not path.stem.startswith("_"):
        assert named.example.startswith(f"kg query {path.stem}"), path.name


@pytest.mark.parametrize("path", all_query_files(), ids=lambda path: path.name)
def test_every_query_parses_and_projects_its_columns_in_order(path):
    named = q.load_query(path)
    solutions = ox.Store().query(named.text, prefixes=q.prefixes(), use_default_graph_as_union=True)
    assert [variable.value for variable in solutions.variables] == list(named.columns)


@pytest.mark.parametrize("path", all_query_files(), ids=lambda path: path.name)
def test_every_declared_parameter_has_its_values_template_and_no_other(path):
    named = q.load_query(path)
    body = body_of(named.text)
    blocks = set(re.findall(r"VALUES\s+\?(\w+)\s*\{\s*UNDEF\s*\}", body))
    assert blocks == {param.name for param in named.params}, path.name
    assert all(q.template(param.name) in body for param in named.params), "not written exactly as the template"
    assert not {param.name for param in named.params} & q.RESERVED_PARAMS


@pytest.mark.parametrize("path", all_query_files(), ids=lambda p: p.name)
def test_every_query_orders_its_rows(path):
    assert "ORDER BY" in body_of(path.read_text(encoding="utf-8")), f"{path.name} has no ORDER BY"


def test_the_query_that_runs_is_the_file_with_its_templates_filled(store):
    named = q.get_query("delegations")
    india = q.resolve_label(store, "India")
    ran = q.bind_values(named.text, {"state": india})
    assert ran == named.text.replace("VALUES ?state { UNDEF }", f"VALUES ?state {{ {india[0]} }}")
    assert rows(store, "delegations", state="India") == tuple(
        tuple(q.display(t, q.fetch_labels(store, [t.value for t in row if isinstance(t, ox.NamedNode)]))
              for t in row) for row in
        ([s[v] for v in ("meeting", "start", "state", "leader")] for s in q.select(store, ran)))


# -- rows on the fixture ------------------------------------------------------------------------


def test_delegations_give_each_leader_once_though_two_articles_report_the_meeting(store):
    assert rows(store, "delegations") == (
        (DIALOGUE, "2024-02-27", "India", "Ajay Bhalla"),
        (DIALOGUE, "2024-02-27", "United States", "Kristie Canegallo"),
    )


def test_a_parameter_given_by_alias_selects_the_entity(store):
    assert rows(store, "delegations", state="U.S.") == (
        (DIALOGUE, "2024-02-27", "United States", "Kristie Canegallo"),
    )


def test_a_parameter_matches_labels_regardless_of_case_hyphens_and_spaces(store):
    assert rows(store, "groups-named", group="lashkar e taiba") == rows(store, "groups-named", group="LeT")


def test_a_parameter_accepts_a_prefixed_iri(store):
    assert rows(store, "officials", state="id:state/india") == (
        ("Ajay Bhalla", "Union Home Secretary", "Ministry of Home Affairs", "India"),
    )


def test_an_attack_with_two_perpetrators_gives_two_rows(store):
    parliament = [row for row in rows(store, "attacks") if row[0] == "2001 Indian Parliament attack"]
    assert parliament == [
        ("2001 Indian Parliament attack", "2001-12-13", "New Delhi", "Jaish-e-Mohammed", 9),
        ("2001 Indian Parliament attack", "2001-12-13", "New Delhi", "Lashkar-e-Taiba", 9),
    ]


def test_an_attack_without_a_perpetrator_is_listed_with_an_empty_one(store):
    assert ("2016 Pathankot attack", "2016-01-02", "Pathankot", None, None) in rows(store, "attacks")


def test_attacks_by_a_group_list_every_perpetrator_of_those_attacks(store):
    assert [row[0] for row in rows(store, "attacks", group="JeM")] == ["2001 Indian Parliament attack"] * 2


def test_meetings_show_the_most_specific_kind_and_leave_out_planned_sessions(store):
    assert rows(store, "meetings") == (
        ("India-US Counter-Terrorism Joint Working Group (September 2020)", "WorkingGroupMeeting",
         "2020-09-09", "2020-09-10", "virtual"),
        (DIALOGUE, "Dialogue", "2024-02-27", "2024-02-29", "New Delhi"),
    )


def test_officials_of_a_state(store):
    assert rows(store, "officials", state="United States") == (
        ("Kristie Canegallo", "Acting Deputy Secretary", "Department of Homeland Security", "United States"),
    )


def test_topics_gather_what_either_article_reports(store):
    assert [topic for _, topic in rows(store, "topics", meeting=DIALOGUE)] == [
        "counter-narcotics", "counter-terrorism", "illegal migration",
    ]


def test_groups_named_at_a_meeting_and_in_a_statement_carry_their_dates(store):
    assert rows(store, "groups-named", group="Jaish-e-Mohammed") == (
        ("India-US joint statement (September 2020)", "2020-09-11", "Jaish-e-Mohammed"),
    )


def test_agreements_give_one_row_per_party_and_the_signing_meeting(store):
    moc = [row for row in rows(store, "agreements") if row[1] == "MemorandumOfCooperation"]
    assert [row[2] for row in moc] == [
        "Bureau of Police Research and Development", "Federal Law Enforcement Training Centers",
    ]
    assert {(row[3], row[4]) for row in moc} == {(DIALOGUE, "2024-02-27")}


def test_reactions_name_the_spokesperson_and_the_statement(store):
    assert rows(store, "reactions") == (
        ("Pakistan", "Zahid Hafeez Chaudhri", "India-US joint statement (September 2020)", "2020-09-12",
         "one-sided and misleading"),
    )


def test_legal_actions_name_the_action_the_state_and_the_attack(store):
    assert rows(store, "legal-actions", person="Tahawwur Rana") == (
        ("Tahawwur Hussain Rana", "Extradition", "United States", "2008 Mumbai attacks"),
    )


def test_calls_to_act_take_their_date_from_the_statement(store):
    assert [(caller, target, date) for caller, target, _, date in rows(store, "calls-to-act")] == [
        ("India", "Pakistan", "2020-09-11"), ("United States", "Pakistan", "2020-09-11"),
    ]


def test_a_timeline_is_in_date_order_with_undated_events_last(store):
    timeline = rows(store, "timeline", actor="India")
    dates = [row[0] for row in timeline]
    assert dates == sorted(d for d in dates if d) + [None] * dates.count(None)
    assert (None, "id:event/legal/extradition-tahawwur-hussain-rana", "Extradition", "requestingState") in timeline
    assert ("2024-02-27", DIALOGUE, "Dialogue", "delegationOf") in timeline


def test_evidence_gives_one_row_per_article_and_the_sentence(store):
    evidence = [row for row in rows(store, "evidence", entity="Ajay Bhalla") if row[1] == "holdsPost"]
    assert [(row[3], row[4][:20]) for row in evidence] == [
        ("000_pti.txt", "While the Indian del"), ("001_ani.txt", "The Indian side was "),
    ]


def test_series_link_each_session_to_the_next_and_show_planned_ones(store):
    series = rows(store, "series", series="HSD")
    assert [(row[1], row[4], row[5], row[6]) for row in series] == [
        (DIALOGUE, None, None, "India-US Homeland Security Dialogue (next session)"),
        ("India-US Homeland Security Dialogue (next session)", "Planned", DIALOGUE, None),
    ]


def test_participants_include_delegation_leaders(store):
    assert {row[2] for row in rows(store, "participants", meeting=DIALOGUE)} == {
        "India", "United States", "Ajay Bhalla", "Kristie Canegallo",
    }


def test_iris_mode_returns_iris_instead_of_labels(store):
    result = q.run_named(store, "officials", {"state": "India"}, iris=True)
    assert result.rows == ((f"{ID}person/ajay-bhalla", "Union Home Secretary",
                            f"{ID}agency/ministry-of-home-affairs-india", f"{ID}state/india"),)


def test_numbers_are_numbers_and_dates_are_iso_strings(store):
    mumbai = next(row for row in rows(store, "attacks") if row[0] == "2008 Mumbai attacks")
    assert mumbai[1] == "2008-11-26" and mumbai[4] == 166


def test_fetch_labels_names_several_iris_at_once(store):
    labels = q.fetch_labels(store, [f"{ID}state/india", f"{ID}post/ajay-bhalla/union-home-secretary", f"{ID}nothing"])
    assert labels == {
        f"{ID}state/india": "India", f"{ID}post/ajay-bhalla/union-home-secretary": "Union Home Secretary",
    }


def small_store(trig: str) -> ox.Store:
    """An in-memory store holding `trig` (prefixes ctkg:, skos: and the id: base declared)."""
    store = ox.Store()
    head = (f"@prefix ctkg: <https://w3id.org/ctkg/ontology#> . @base <{ID}> . "
            "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n")
    store.load(head + trig, format=ox.RdfFormat.TRIG)
    return store


def test_fetch_labels_prefers_an_english_name_to_a_name_in_another_language():
    store = small_store('<https://w3id.org/ctkg/graph/reference> { <state/india> skos:prefLabel "Inde"@fr, "India"@en . }')
    assert q.fetch_labels(store, [f"{ID}state/india"]) == {f"{ID}state/india": "India"}


def test_fetch_labels_prefers_a_post_s_name_to_its_title():
    store = small_store("""<https://w3id.org/ctkg/graph/article/a> {
        <post/x/secretary> ctkg:title "Secretary" ; skos:prefLabel "Home Secretary of India" . }""")
    assert q.fetch_labels(store, [f"{ID}post/x/secretary"]) == {f"{ID}post/x/secretary": "Home Secretary of India"}


def test_rows_sort_by_what_they_show_without_regard_to_case():
    posts = "".join(
        f'<post/{key}> ctkg:postState <state/india> ; ctkg:heldBy <person/{key}> ; ctkg:title "Officer" . '
        f'<person/{key}> skos:prefLabel "{name}" . '
        for key, name in (("c", "Carol"), ("a", "alice"), ("b", "Bob"))
    )
    store = small_store(f"<https://w3id.org/ctkg/graph/article/a> {{ {posts} }}")
    assert [row[0] for row in q.run_named(store, "officials").rows] == ["alice", "Bob", "Carol"]


def test_a_query_that_finds_nothing_gives_no_rows(store):
    result = q.run_named(store, "attacks", {"group": "India"})
    assert (result.rows, result.terms) == ((), ())


def test_numbered_rows_give_each_distinct_row_once_as_numbers_into_its_terms():
    store = small_store("<https://w3id.org/ctkg/graph/article/a> { <a> ctkg:p <b> . } "
                        "<https://w3id.org/ctkg/graph/article/b> { <a> ctkg:p <b> . <a> ctkg:p <c> . }")
    solutions = store.query("SELECT ?s ?o WHERE { ?s ?p ?o }", use_default_graph_as_union=True)
    terms, numbered = q.numbered_rows(solutions, ("s", "o"))
    assert sorted(tuple(terms[n].value for n in row) for row in numbered) == [
        (f"{ID}a", f"{ID}b"), (f"{ID}a", f"{ID}c"),
    ]
    assert len(terms) == 3


def test_numbered_rows_follow_the_columns_when_the_query_projects_otherwise():
    store = small_store("<https://w3id.org/ctkg/graph/article/a> { <a> ctkg:p <b> . }")
    solutions = store.query("SELECT ?o ?s ?p WHERE { ?s ?p ?o }", use_default_graph_as_union=True)
    terms, numbered = q.numbered_rows(solutions, ("s", "o"))
    assert [tuple(terms[n].value for n in row) for row in numbered] == [(f"{ID}a", f"{ID}b")]


# -- mistakes and injection ---------------------------------------------------------------------


def test_an_unknown_entity_suggests_the_closest_label(store):
    with pytest.raises(UnknownEntity, match=r"^no entity named 'Indai'\. Did you mean 'India'\?$"):
        q.run_named(store, "delegations", {"state": "Indai"})


def test_a_query_name_is_not_read_as_a_path():
    with pytest.raises(UnknownQuery):
        q.get_query("../queries/officials")


def test_an_unknown_query_suggests_the_closest_name():
    with pytest.raises(UnknownQuery, match=r"no query named 'delegation'\. Did you mean 'delegations'"):
        q.get_query("delegation")


def test_a_parameter_the_query_does_not_declare_is_refused(store):
    with pytest.raises(BadQuery, match=r"no parameter --stat\. Did you mean --state\?"):
        q.run_named(store, "delegations", {"stat": "India"})


def test_a_missing_required_parameter_is_refused(store):
    with pytest.raises(BadQuery, match=r"needs --actor"):
        q.run_named(store, "timeline", {})


def test_an_injection_attempt_through_a_parameter_finds_nothing_and_changes_nothing(store, store_dir):
    before = len(store)
    with pytest.raises(UnknownEntity):
        q.run_named(store, "delegations", {"state": 'x" } ; DROP ALL ; { "'})
    with pytest.raises(UnknownEntity):
        q.run_named(store, "delegations", {"state": "<http://x> } } ; DROP ALL ; #"})
    assert len(store) == before == len(open_store(store_dir, read_only=True))


def test_values_blocks_are_written_only_from_valid_iris():
    with pytest.raises(ValueError):
        ox.NamedNode("http://x> } DROP ALL {")
    text = q.bind_values("SELECT ?s WHERE { VALUES ?s { UNDEF } }", {"s": [ox.NamedNode("http://x/a")]})
    assert text == "SELECT ?s WHERE { VALUES ?s { <http://x/a> } }"


def test_numbered_values_blocks_hold_each_iri_with_its_number():
    text = q.bind_numbered("SELECT ?n WHERE { VALUES (?x ?n) { (UNDEF UNDEF) } }",
                           {"x": [(0, ox.NamedNode("http://x/a")), (7, ox.NamedNode("http://x/b"))]})
    assert text == "SELECT ?n WHERE { VALUES (?x ?n) { (<http://x/a> 0) (<http://x/b> 7) } }"


def test_numbered_values_need_their_block_in_the_query():
    with pytest.raises(BadQuery, match=r"no `VALUES \(\?x \?n\)"):
        q.bind_numbered("SELECT ?n WHERE { VALUES ?x { UNDEF } }", {"x": [(0, ox.NamedNode("http://x/a"))]})


# -- formats ------------------------------------------------------------------------------------


def test_json_is_sparql_query_results_json(store):
    result = q.run_named(store, "attacks", {"group": "JeM"})
    document = json.loads(q.to_json(result))
    assert document["head"]["vars"] == list(REQUIRED["attacks"].split())
    first = document["results"]["bindings"][0]
    assert first["attack"] == {"type": "uri", "value": f"{ID}event/attack/2001-indian-parliament-attack"}
    integer = "http://www.w3.org/2001/XMLSchema#integer"
    assert first["killed"] == {"type": "literal", "value": "9", "datatype": integer}
    parsed = ox.parse_query_results(q.to_json(result), format=ox.QueryResultsFormat.JSON)
    assert len(list(parsed)) == len(result)


def test_csv_and_tsv_headers_are_the_columns(store):
    result = q.run_named(store, "reactions", {})
    assert q.to_csv(result).splitlines()[0] == "state,spokesperson,responds_to,date,stance"
    assert q.to_tsv(result).splitlines()[0] == "state\tspokesperson\tresponds_to\tdate\tstance"


# -- kg query -----------------------------------------------------------------------------------


def kg(*args):
    return CliRunner().invoke(main, list(args))


def test_kg_query_prints_csv_with_the_param_given_by_alias(store_dir):
    result = kg("query", "delegations", "--state", "US", "--store", str(store_dir), "--format", "csv")
    assert result.exit_code == 0, result.output
    assert result.stdout == f"meeting,start,state,leader\n{DIALOGUE},2024-02-27,United States,Kristie Canegallo\n"


def test_kg_query_accepts_param_equals_value(store_dir):
    result = kg("query", "officials", "--state=India", "--store", str(store_dir), "--format", "tsv", "--iris")
    assert result.exit_code == 0, result.output
    assert f"{ID}person/ajay-bhalla" in result.stdout


def test_kg_query_list_shows_every_named_query():
    result = kg("query", "--list", "--format", "csv")
    assert result.exit_code == 0
    names = [line.split(",")[0] for line in result.stdout.splitlines()[1:]]
    assert names == [named.name for named in q.list_queries()]


def test_kg_query_with_an_undeclared_parameter_exits_2_with_the_message(store_dir):
    result = kg("query", "attacks", "--state", "India", "--store", str(store_dir))
    assert result.exit_code == 2
    assert "the query 'attacks' has no parameter --state" in result.output


def test_kg_query_of_an_unknown_entity_exits_2_with_a_suggestion(store_dir):
    result = kg("query", "officials", "--state", "Pakistn", "--store", str(store_dir))
    assert result.exit_code == 2
    assert "no entity named 'Pakistn'. Did you mean 'Pakistan'?" in " ".join(result.output.split())


def test_kg_query_without_a_store_says_how_to_build_one(tmp_path):
    result = kg("query", "meetings", "--store", str(tmp_path / "nowhere"))
    assert result.exit_code == 2
    assert "kg build" in result.output


def test_kg_query_sparql_prints_a_query_the_endpoint_can_run():
    result = kg("query", "delegations", "--sparql")
    assert result.exit_code == 0
    assert result.stdout.startswith("PREFIX ctkg: <https://w3id.org/ctkg/ontology#>")
    assert "VALUES ?state { UNDEF }" in result.stdout
