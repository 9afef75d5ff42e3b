"""Centrality, communities and ego networks of an actor graph."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

import networkx as nx

from kg.errors import KgError
from kg.network.kinds import ACTOR_KINDS, KINDS, SEED
from kg.network.pagerank import pagerank

# -- centrality, communities, ego ------------------------------------------------------------

MEASURES = ("degree", "betweenness", "pagerank", "eigenvector")
BETWEENNESS_SAMPLE = 1000     # above this many nodes, betweenness is estimated from this many sources


@dataclass(frozen=True)
class Ranked:
    iri: str
    label: str
    kind: str
    score: float
    degree: int
    mentions: int


def centrality(graph: nx.Graph, by: str = "pagerank") -> dict[str, float]:
    """Each node's centrality: degree, betweenness (unweighted shortest paths; sampled above
    BETWEENNESS_SAMPLE nodes), PageRank or eigenvector (both weighted by supporting articles)."""
    if by not in MEASURES:
        raise KgError(f"no centrality measure '{by}': use one of {', '.join(MEASURES)}.")
    if graph.number_of_nodes() == 0:
        return {}
    if by == "degree":
        return nx.degree_centrality(graph)
    if by == "betweenness":
        n = graph.number_of_nodes()
        sample = BETWEENNESS_SAMPLE if n > BETWEENNESS_SAMPLE else None
        return nx.betweenness_centrality(graph, k=sample, seed=SEED if sample else None)
    if by == "pagerank":
        return pagerank(graph)
    try:
        return nx.eigenvector_centrality(graph, weight="weight", max_iter=2000, tol=1e-8)
    except nx.PowerIterationFailedConvergence as error:
        raise KgError("eigenvector centrality did not converge on this graph. Use --by pagerank, "
                      "which always does.") from error




def rank_actors(graph: nx.Graph, by: str = "pagerank", kinds: Iterable[str] = (), top: int | None = 20) -> list[Ranked]:
    """Actors by centrality, highest first (ties broken by weighted degree, then label)."""
    kinds = set(kinds)
    unknown = kinds - set(KINDS)
    if unknown:
        raise KgError(f"no kind '{sorted(unknown)[0]}': use one of {', '.join(ACTOR_KINDS)}.")
    scores = centrality(graph, by)
    rows = [Ranked(iri, data["label"], data["kind"], scores[iri], graph.degree(iri), data.get("mentions", 0))
            for iri, data in graph.nodes(data=True) if not kinds or data["kind"] in kinds]
    strength = dict(graph.degree(weight="weight"))
    rows.sort(key=lambda r: (-round(r.score, 12), -strength[r.iri], r.label))
    return rows[:top] if top else rows


@dataclass(frozen=True)
class Community:
    number: int
    members: tuple[str, ...]       # IRIs, most central first

    def __len__(self) -> int:
        return len(self.members)


def find_communities(graph: nx.Graph, resolution: float = 1.0) -> list[Community]:
    """Clusters of actors (Louvain, weighted by supporting articles, fixed seed), largest first;
    actors without any relation are left out."""
    connected = graph.subgraph([n for n in graph if graph.degree(n) > 0])
    if connected.number_of_nodes() == 0:
        return []
    parts = nx.community.louvain_communities(connected, weight="weight", resolution=resolution, seed=SEED)
    scores = pagerank(connected)
    ordered = sorted(parts, key=lambda part: (-len(part), -max(scores[n] for n in part), min(part)))
    return [Community(i + 1, tuple(sorted(part, key=lambda n: (-scores[n], n)))) for i, part in enumerate(ordered)]


def ego_network(graph: nx.Graph, iri: str, radius: int = 1) -> nx.Graph:
    """The actors within `radius` relations of `iri`, with the edges between them; each node's
    `hops` says how far it is."""
    if radius < 1:
        raise KgError(f"--radius {radius}: the radius is a number of relations, 1 or more.")
    ego = nx.ego_graph(graph, iri, radius=radius).copy()
    for node, hops in nx.single_source_shortest_path_length(ego, iri).items():
        ego.nodes[node]["hops"] = hops
    return ego


