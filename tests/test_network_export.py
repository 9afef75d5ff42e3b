"""The network written for other tools (kg/network/export.py, kg/network/anx.py), read back by
those tools' readers: networkx for GraphML, GEXF and node-link JSON, the chart's XML for .anx."""
from __future__ import annotations

import json

import networkx as nx
import pytest

from kg import network as net
from kg.network.anx import read_anx
from kg.store import open_store
from kg.vocab import DEFAULT_BASE_IRI

ID = DEFAULT_BASE_IRI
INDIA, PAKISTAN, US = ID + "state/india", ID + "state/pakistan", ID + "state/united-states"
BHALLA = ID + "person/ajay-bhalla"
FILES = "000_b0ef47220d57cd1c.txt; 001_c49163cf401bec19.txt"


@pytest.fixture(scope="module")
def seeds(seeds_store):
    store = open_store(seeds_store, read_only=True)
    projection = net.load_projection(store)
    return projection, net.actor_graph(projection)


@pytest.mark.parametrize("suffix, read", [(".graphml", nx.read_graphml), (".gexf", nx.read_gexf)])
def test_gephi_files_keep_kinds_weights_strength_dates_and_source_files(seeds, tmp_path, suffix, read):
    projection, actors = seeds
    graph = read(net.export_graph(actors, tmp_path / f"actors{suffix}", projection))
    edge = graph.edges[BHALLA, INDIA]
    assert (graph.nodes[INDIA]["kind"], int(edge["weight"]), edge["sources"]) == ("state", 2, FILES)
    assert edge["strength"] == "confirmed" and edge["date"] == "2024-02-28"
    assert "https://w3id.org/ctkg/id/article/000-b0ef47220d57cd1c" in edge["source_iris"]


def test_the_gexf_edges_carry_their_date_as_the_start_gephis_timeline_reads(seeds, tmp_path):
    projection, actors = seeds
    text = net.export_graph(actors, tmp_path / "actors.gexf", projection).read_text(encoding="utf-8")
    assert 'mode="dynamic"' in text and 'timeformat="date"' in text and 'start="2024-02-28"' in text


def test_exports_are_directed_the_way_the_relation_reads(seeds, tmp_path):
    projection, actors = seeds
    graph = nx.read_graphml(net.export_graph(actors, tmp_path / "actors.graphml", projection))
    assert graph.is_directed()
    assert graph.has_edge(BHALLA, INDIA) and not graph.has_edge(INDIA, BHALLA)     # led the delegation of
    assert graph.has_edge(INDIA, PAKISTAN) and graph.edges[INDIA, PAKISTAN]["directed"]   # called on


def test_a_relation_without_direction_is_written_once_and_says_so(seeds):
    projection, actors = seeds
    directed = net.directed_graph(actors, projection)
    plain = [(u, v) for u, v, d in directed.edges(data=True) if d["relations"] == ["same-event"]]
    assert plain and all(u < v and not directed.edges[u, v]["directed"] for u, v in plain)


def test_node_link_json_loads_in_networkx_with_its_defaults(seeds, tmp_path):
    projection, actors = seeds
    path = net.export_graph(actors, tmp_path / "actors.json", projection)
    graph = nx.node_link_graph(json.loads(path.read_text(encoding="utf-8")))
    assert graph.is_directed() and graph.nodes[INDIA]["label"] == "India"
    assert graph.edges[BHALLA, INDIA]["sources"] == FILES.split("; ")


def test_export_to_an_unknown_format_says_which_ones_work(seeds, tmp_path):
    projection, actors = seeds
    with pytest.raises(net.UnsupportedFormat, match=r"actors.csv: kg cannot write '.csv'. Name the file .graphml"):
        net.export_graph(actors, tmp_path / "actors.csv", projection)


# -- link strength ---------------------------------------------------------------------------


@pytest.mark.parametrize("articles, confidence, reference, strength", [
    (2, 0.8, False, "confirmed"), (0, None, True, "confirmed"), (1, 0.85, False, "probable"),
    (2, 0.5, False, "probable"), (1, 0.6, False, "unconfirmed"), (1, None, False, "unconfirmed"),
    (2, None, False, "confirmed"),
])
def test_link_strength_follows_independent_articles_and_confidence(articles, confidence, reference, strength):
    assert net.link_strength(articles, confidence, reference=reference) == strength


# -- i2 Analyst's Notebook -------------------------------------------------------------------


@pytest.fixture(scope="module")
def chart(seeds, tmp_path_factory):
    projection, actors = seeds
    path = net.export_graph(actors, tmp_path_factory.mktemp("anx") / "chart.anx", projection)
    return projection, actors, read_anx(path)


def test_the_anx_chart_holds_every_node_with_its_type_and_iri(chart):
    _, actors, (entities, _) = chart
    assert set(entities) == set(actors)
    india = entities[INDIA]
    assert (india.label, india.type, india.attributes["IRI"]) == ("India", "State", INDIA)


def test_the_anx_chart_holds_every_directed_link_with_strength_date_and_sources(chart):
    projection, actors, (_, links) = chart
    assert len(links) == net.directed_graph(actors, projection).number_of_edges()
    led = next(k for k in links if (k.source, k.target) == (BHALLA, INDIA))
    assert (led.arrow, led.strength, led.date) == ("ArrowOnHead", "confirmed", "2024-02-28")
    assert led.type == "acts for" and "led the delegation of" in led.attributes["Relations"].split("; ")
    assert led.attributes["Sources"] == FILES
    assert [card["summary"] for card in led.cards] == FILES.split("; ")
    assert led.cards[0]["source"] == "https://w3id.org/ctkg/id/article/000-b0ef47220d57cd1c"


def test_an_anx_link_without_direction_has_no_arrow(chart):
    _, _, (_, links) = chart
    same = [k for k in links if k.type == "took part in the same event as"]
    assert same and all(k.arrow in ("", "ArrowNone") for k in same)
