"""The network projection and its questions, on the seeds' graph and on small inline stores."""
from __future__ import annotations

import json

import networkx as nx
import pyoxigraph as ox
import pytest
from click.testing import CliRunner

import kg.cli.network  # noqa: F401  (registers kg network and kg plot)
from kg import network as net
from kg.cli import main
from kg.errors import UnknownEntity
from kg.store import open_store
from kg.vocab import ARTICLE_GRAPH_PREFIX, DEFAULT_BASE_IRI, G_REFERENCE, PREFIXES, QUARANTINE_GRAPH_PREFIX

ID = DEFAULT_BASE_IRI
INDIA, PAKISTAN, US = ID + "state/india", ID + "state/pakistan", ID + "state/united-states"
LET = ID + "group/lashkar-e-taiba"


@pytest.fixture(scope="module")
def seeds(seeds_store):
    """The seeds' store, its projection and its graphs, built once for this file."""
    store = open_store(seeds_store, read_only=True)
    projection = net.load_projection(store)
    return store, projection, net.fact_graph(projection), net.actor_graph(projection)


def paths_between(seeds, a: str, b: str, **options):
    store, projection, facts, _ = seeds
    start, end = net.resolve(store, projection, a, facts), net.resolve(store, projection, b, facts)
    return projection, net.find_paths(facts, projection, start, end, **options)


# -- paths -----------------------------------------------------------------------------------


def test_tahawwur_rana_reaches_lashkar_e_taiba_through_the_mumbai_attacks(seeds):
    projection, paths = paths_between(seeds, "Tahawwur Rana", "Lashkar-e-Taiba")
    assert net.path_text(paths[0], projection).startswith(
        "Tahawwur Hussain Rana —accused in→ 2008 Mumbai attacks —perpetrated by→ Lashkar-e-Taiba ("
    )


def test_a_path_through_a_hub_state_comes_after_one_through_the_attack(seeds):
    projection, paths = paths_between(seeds, "Tahawwur Rana", "Lashkar-e-Taiba")
    middles = [projection.label(p.nodes[1]) for p in paths if len(p.hops) == 2]
    assert middles[0] == "2008 Mumbai attacks" and "United States" in middles[1:]


def test_each_hop_of_the_rana_path_keeps_the_article_that_states_it(seeds):
    _, paths = paths_between(seeds, "Tahawwur Rana", "LeT")
    accused, perpetrated = paths[0].hops
    assert "000" in accused.sources and perpetrated.sources == ("004",)
    assert set(paths[0].sources) == set(accused.sources) | {"004"}


def test_pakistan_reaches_the_pathankot_attack_through_the_calls_to_act(seeds):
    projection, paths = paths_between(seeds, "Pakistan", "Pathankot attack")
    assert net.path_text(paths[0], projection) == (
        "Pakistan —was called on to act over→ 2016 Pathankot attack (002, 003, 004)"
    )


def test_other_short_paths_follow_the_shortest_and_every_hop_has_sources(seeds):
    _, paths = paths_between(seeds, "Pakistan", "Pathankot attack", all_paths=True, max_hops=3)
    lengths = [len(p.hops) for p in paths]
    assert len(paths) > 1 and lengths == sorted(lengths)
    assert all(hop.sources for p in paths for hop in p.hops)


def test_a_hop_read_through_a_post_names_the_post(seeds):
    _, paths = paths_between(seeds, "Zakiur Rehman Lakhvi", "Lashkar-e-Taiba", max_hops=1)
    assert (paths[0].hops[0].phrase, paths[0].hops[0].detail) == ("holds a post in", "LeT operations commander")


def test_actors_in_separate_parts_of_the_graph_have_no_path(seeds):
    _, paths = paths_between(seeds, "China", "United Nations")
    assert paths == []


def test_a_name_no_entity_has_is_reported_with_the_closest_labels(seeds):
    store, projection, facts, _ = seeds
    with pytest.raises(UnknownEntity, match="no entity named 'Pakistn'. Did you mean 'Pakistan'"):
        net.resolve(store, projection, "Pakistn", facts)


# -- the graphs ------------------------------------------------------------------------------


def test_an_actor_graph_edge_keeps_its_relations_and_the_articles_behind_them(seeds):
    *_, actors = seeds
    edge = actors.edges[ID + "person/ajay-bhalla", INDIA]
    assert {"acts-for", "led-delegation-of", "same-event"} <= set(edge["relations"])
    assert (edge["sources"], edge["weight"]) == (["000", "001"], 2)


def test_taking_part_in_the_same_event_joins_two_actors(seeds):
    *_, actors = seeds
    edge = actors.edges[ID + "person/tahawwur-rana", LET]
    assert edge["relations"] == ["same-event"] and edge["events"] == ["2008 Mumbai attacks"]


def test_actors_carry_their_kind_and_label(seeds):
    *_, actors = seeds
    assert (actors.nodes[LET]["kind"], actors.nodes[LET]["label"]) == ("group", "Lashkar-e-Taiba")


def test_the_bipartite_projection_weighs_a_pair_by_the_events_it_shares(seeds):
    _, projection, _, _ = seeds
    bipartite = net.bipartite_graph(projection)
    shared = set(bipartite.neighbors(INDIA)) & set(bipartite.neighbors(US))
    projected = net.project_actors(bipartite, projection)
    assert projected.edges[INDIA, US]["weight"] == len(shared) >= 4


def test_events_are_one_side_of_the_bipartite_graph_and_actors_the_other(seeds):
    _, projection, _, _ = seeds
    bipartite = net.bipartite_graph(projection)
    sides = {data["kind"]: data["bipartite"] for _, data in bipartite.nodes(data=True)}
    assert sides["meeting"] == sides["attack"] == 1 and sides["state"] == sides["person"] == 0


# -- centrality, communities, ego ------------------------------------------------------------


def test_the_actors_the_articles_are_about_outrank_those_they_mention_once(seeds):
    *_, actors = seeds
    ranked = net.rank_actors(actors, "pagerank", top=None)
    position = {r.iri: i for i, r in enumerate(ranked)}
    about = [r.iri for r in ranked if r.mentions >= 3]
    once = [r.iri for r in ranked if r.mentions == 1]
    assert {INDIA, US, PAKISTAN, LET} <= set(about)
    assert max(position[i] for i in about) < min(position[i] for i in once)


@pytest.mark.parametrize("measure", net.MEASURES)
def test_every_centrality_measure_ranks_india_or_the_us_first(seeds, measure):
    *_, actors = seeds
    assert net.rank_actors(actors, measure, top=1)[0].iri in (INDIA, US)


def test_ranking_by_kind_lists_only_that_kind(seeds):
    *_, actors = seeds
    assert {r.kind for r in net.rank_actors(actors, "degree", kinds=["group"], top=None)} == {"group"}


def test_communities_keep_china_with_its_spokesperson(seeds):
    *_, actors = seeds
    found = net.find_communities(actors)
    china = next(c for c in found if ID + "state/china" in c.members)
    assert ID + "person/zhao-lijian" in china.members
    assert sum(len(c) for c in found) == len({m for c in found for m in c.members})


def test_the_ego_network_of_pakistan_holds_the_states_that_called_on_it(seeds):
    *_, actors = seeds
    ego = net.ego_network(actors, PAKISTAN, 1)
    assert ego.nodes[INDIA]["hops"] == ego.nodes[US]["hops"] == 1
    assert "called-on" in ego.edges[PAKISTAN, INDIA]["relations"]


# -- what stays out --------------------------------------------------------------------------

HEADER = "\n".join(f"@prefix {p}: <{iri}> ." for p, iri in PREFIXES.items()) + f"""
@prefix art: <{ARTICLE_GRAPH_PREFIX}> .
@prefix quarantine: <{QUARANTINE_GRAPH_PREFIX}> .
@prefix ref: <{G_REFERENCE}> .
""" + "\n".join(f"@prefix {kind}: <{ID}{kind}/> ." for kind in ("article", "person", "state", "agency"))
TWO_ARTICLES = """
art:a1 {
    article:a1 a ctkg:Article ; ctkg:fileName "a1.txt" ; ctkg:published "2024-02-28"^^xsd:date .
    person:ajay-bhalla a ctkg:Person ; skos:prefLabel "Ajay Bhalla" ; ctkg:actsFor state:india .
    state:india a ctkg:State .
    agency:nia a ctkg:GovernmentAgency .
}
quarantine:q1 {
    article:q1 a ctkg:Article ; ctkg:fileName "q1.txt" .
    person:kept-aside a ctkg:Person ; skos:prefLabel "Kept Aside" ; ctkg:actsFor state:india .
    state:india a ctkg:State .
}
ref: {
    state:india a ctkg:State ; skos:prefLabel "India" .
    agency:nia a ctkg:GovernmentAgency ; skos:prefLabel "National Investigation Agency" ;
        ctkg:subOrganizationOf state:india .
    agency:cbi a ctkg:GovernmentAgency ; skos:prefLabel "Central Bureau of Investigation" ;
        ctkg:subOrganizationOf state:india .
}
"""


@pytest.fixture()
def small(tmp_path):
    store = ox.Store(str(tmp_path / "store"))
    store.load(HEADER + TWO_ARTICLES, format=ox.RdfFormat.TRIG)
    return net.load_projection(store)


def test_an_article_kept_aside_by_validation_adds_no_actor_and_no_relation(small):
    assert ID + "person/kept-aside" not in small.nodes
    assert all(g.startswith(ARTICLE_GRAPH_PREFIX) or g == str(G_REFERENCE) for link in small.links for g in link.graphs)
    assert [s.file for s in small.sources.values()] == ["a1.txt"]


def test_reference_facts_join_only_actors_that_an_article_names(small):
    actors = net.actor_graph(small)
    assert actors.edges[ID + "agency/nia", ID + "state/india"]["sources"] == ["reference"]
    assert ID + "agency/cbi" not in actors


# -- the command line ------------------------------------------------------------------------


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_kg_network_path_prints_each_hop_with_its_sources(seeds_store):
    result = run("network", "path", "Tahawwur Rana", "Lashkar-e-Taiba", "--store", str(seeds_store))
    assert result.exit_code == 0
    assert "accused in" in result.output and "perpetrated by" in result.output and "000_" in result.output


def test_kg_network_path_as_json_gives_hops_and_their_files(seeds_store):
    result = run("network", "path", "Pakistan", "Pathankot attack", "--store", str(seeds_store), "--format", "json")
    hop = json.loads(result.output)["paths"][0]["hops"][0]
    assert hop["relation"] == "was called on to act over"
    assert [s["file"][:3] for s in hop["sources"]] == ["002", "003", "004"]


def test_kg_network_path_exits_1_when_there_is_no_path(seeds_store):
    assert run("network", "path", "China", "United Nations", "--store", str(seeds_store)).exit_code == 1


def test_kg_network_central_lists_actors_by_score(seeds_store):
    result = run("network", "central", "--top", "3", "--format", "json", "--store", str(seeds_store))
    rows = json.loads(result.output)
    assert [r["rank"] for r in rows] == [1, 2, 3] and rows[0]["pagerank"] >= rows[2]["pagerank"]


def test_kg_network_export_writes_the_file(seeds_store, tmp_path):
    out = tmp_path / "net.graphml"
    result = run("network", "export", str(out), "--store", str(seeds_store))
    assert result.exit_code == 0 and nx.read_graphml(out).number_of_nodes() > 10


def test_kg_network_on_a_missing_store_says_how_to_build_one(tmp_path):
    result = CliRunner().invoke(main, ["network", "central", "--store", str(tmp_path / "none")])
    assert result.exit_code == 2 and "Build one first" in result.output
