"""NetworkX graphs built from a projection.

  fact_graph        actors and events, one edge per related pair (paths, ego graphs);
  actor_graph       actors only: their direct relations, and taking part in the same event,
                    weighted by the number of supporting articles;
  bipartite_graph   actors and events, an edge where an actor takes part in an event;
  project_actors    the weighted projection of the bipartite graph onto the actors.
Each edge keeps its relation keys (`relations`), the articles behind it (`sources`) and, in the
actor graph, the events the two actors share (`events`).
"""
from __future__ import annotations

import itertools
from collections import defaultdict
from typing import Iterable, Mapping

import networkx as nx

from kg.network.kinds import FAMILY_ORDER, KINDS, REFERENCE_SOURCE, RELATIONS
from kg.network.projection import Link, Projection, link_key
from kg.network.strength import link_strength

# -- graphs ----------------------------------------------------------------------------------


def _add_node(graph: nx.Graph, projection: Projection, iri: str, **extra) -> None:
    node = projection.nodes[iri]
    graph.add_node(iri, label=node.label, kind=node.kind, mentions=len(node.mentions), date=node.date or "", **extra)


def _merge_edge(graph: nx.Graph, u: str, v: str, relations: Iterable[str], graphs: Iterable[str],
                links: Iterable[Link] = (), events: Iterable[str] = ()) -> None:
    if graph.has_edge(u, v):
        data = graph.edges[u, v]
    else:
        graph.add_edge(u, v, relations=set(), graphs=set(), links=[], events=set())
        data = graph.edges[u, v]
    data["relations"].update(relations)
    data["graphs"].update(graphs)
    data["links"].extend(links)
    data["events"].update(events)


def _finish(graph: nx.Graph, projection: Projection) -> nx.Graph:
    """Sets and lists become sorted lists; weight = number of supporting articles."""
    for _, _, data in graph.edges(data=True):
        data["relations"] = sorted(data["relations"], key=relation_order)
        data["graphs"] = sorted(data["graphs"])
        data["sources"] = projection.source_keys(data["graphs"])
        data["weight"] = len(data["sources"])
        data["events"] = sorted(data["events"])
        data["family"] = edge_family(data["relations"])
        data["links"] = sorted(data["links"], key=lambda link: (-len(link.graphs), link_key(link)))
        known = [link.confidence for link in data["links"] if link.confidence is not None]
        data["confidence"] = max(known) if known else None
        data["strength"] = _strength(data["sources"], data["confidence"])
    return graph


def _strength(sources: list[str], confidence: float | None) -> str:
    articles = sum(1 for key in sources if key != REFERENCE_SOURCE)
    return link_strength(articles, confidence, reference=REFERENCE_SOURCE in sources)


def relation_order(key: str) -> tuple[int, str]:
    family = RELATIONS[key].family if key in RELATIONS else "event"
    return (FAMILY_ORDER.index(family), key)


def edge_family(relations: Iterable[str]) -> str:
    """The style family of an edge: that of its most telling relation."""
    families = [RELATIONS[r].family for r in relations if r in RELATIONS] or ["event"]
    return min(families, key=FAMILY_ORDER.index)


def fact_graph(projection: Projection) -> nx.Graph:
    """Actors and events, one edge per related pair; edge `links` holds every Link between them."""
    graph = nx.Graph()
    for iri, node in projection.nodes.items():
        if KINDS[node.kind].family == "actor":
            _add_node(graph, projection, iri)
    for link in projection.links:
        for end in (link.source, link.target):
            if end not in graph and KINDS[projection.nodes[end].kind].family != "folded":
                _add_node(graph, projection, end)
        if link.source in graph and link.target in graph:
            _merge_edge(graph, link.source, link.target, [link.relation], link.graphs, [link])
    return _finish(graph, projection)


def _family_of(projection: Projection, iri: str) -> str:
    return KINDS[projection.nodes[iri].kind].family


def bipartite_graph(projection: Projection) -> nx.Graph:
    """Actors (bipartite=0) and events (bipartite=1), an edge where an actor takes part in an
    event: attends a meeting, issues a statement, perpetrates or is accused over an attack ..."""
    graph = nx.Graph()
    for link in projection.links:
        ends = {_family_of(projection, link.source): link.source, _family_of(projection, link.target): link.target}
        if set(ends) != {"actor", "event"}:
            continue
        actor, event = ends["actor"], ends["event"]
        if actor not in graph:
            _add_node(graph, projection, actor, bipartite=0)
        if event not in graph:
            _add_node(graph, projection, event, bipartite=1)
        _merge_edge(graph, actor, event, [link.relation], link.graphs, [link])
    return _finish(graph, projection)


def project_actors(bipartite: nx.Graph, projection: Projection) -> nx.Graph:
    """The bipartite graph's projection onto actors: an edge for each pair of actors that share
    an event, weight = the number of events they share; `sources` are the articles behind the
    two actors' parts in those events."""
    graph = nx.Graph()
    for iri, data in bipartite.nodes(data=True):
        if data["bipartite"] == 0:
            graph.add_node(iri, **{k: v for k, v in data.items() if k != "bipartite"})
    shared: dict[tuple[str, str], set[str]] = defaultdict(set)
    graphs: dict[tuple[str, str], set[str]] = defaultdict(set)
    for event, data in bipartite.nodes(data=True):
        if data["bipartite"] != 1:
            continue
        actors = sorted(bipartite.neighbors(event))
        for u, v in itertools.combinations(actors, 2):
            shared[(u, v)].add(event)
            for end in (u, v):
                graphs[(u, v)].update(link_graphs(bipartite.edges[end, event]["links"]))
    for (u, v), events in sorted(shared.items()):
        sources = projection.source_keys(graphs[(u, v)])
        graph.add_edge(u, v, weight=len(events), events=sorted(projection.label(e) for e in events),
                       sources=sources, relations=["same-event"], family="co-event",
                       graphs=sorted(graphs[(u, v)]), confidence=None, strength=_strength(sources, None))
    return graph


def link_graphs(links: Iterable[Link]) -> set[str]:
    return {g for link in links for g in link.graphs}


def actor_graph(projection: Projection) -> nx.Graph:
    """Every actor the articles name; an edge for each direct relation and for taking part in
    the same event, weight = the number of articles supporting any of them."""
    graph = nx.Graph()
    for iri, node in projection.nodes.items():
        if KINDS[node.kind].family == "actor":
            _add_node(graph, projection, iri)
    for link in projection.links:
        if link.source in graph and link.target in graph:
            _merge_edge(graph, link.source, link.target, [link.relation], link.graphs, [link])
    bipartite = bipartite_graph(projection)
    for event, data in bipartite.nodes(data=True):
        if data["bipartite"] != 1:
            continue
        for u, v in itertools.combinations(sorted(bipartite.neighbors(event)), 2):
            both = link_graphs(bipartite.edges[u, event]["links"]) | link_graphs(bipartite.edges[v, event]["links"])
            _merge_edge(graph, u, v, ["same-event"], both, events=[projection.label(event)])
    return _finish(graph, projection)


def relation_words(data: Mapping, u: str, projection: Projection) -> str:
    """An edge's relations in words, read from `u`'s side: 'led the delegation of; took part in
    the same event as (India-US Homeland Security Dialogue (February 2024))'."""
    words = []
    for link in data.get("links", []):
        relation = RELATIONS[link.relation]
        phrase = relation.forward if link.source == u else relation.backward
        if phrase not in words:
            words.append(phrase)
    if "same-event" in data.get("relations", []):
        events = data.get("events", [])
        shown = ", ".join(events[:3]) + (f" and {len(events) - 3} more" if len(events) > 3 else "")
        words.append(f"same event ({shown})")
    return "; ".join(words)

