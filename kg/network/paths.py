"""How two nodes are connected: short paths, least general first, each hop in words."""
from __future__ import annotations

import math
from dataclasses import dataclass

import networkx as nx

from kg.errors import KgError
from kg.network.graphs import relation_order
from kg.network.kinds import MAX_PATHS_SEARCHED, REFERENCE_SOURCE, RELATIONS
from kg.network.projection import Link, Projection

# -- paths -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Hop:
    source: str            # IRIs, in the direction the path walks
    target: str
    phrase: str            # how source relates to target, in words
    sources: tuple[str, ...]
    detail: str = ""       # the title of the post the relation was read through, if any


@dataclass(frozen=True)
class Connection:
    nodes: tuple[str, ...]
    hops: tuple[Hop, ...]

    @property
    def sources(self) -> tuple[str, ...]:
        keys = {key for hop in self.hops for key in hop.sources}
        return tuple(sorted(keys, key=lambda k: (k == REFERENCE_SOURCE, k)))

    def support(self) -> int:
        """The weakest hop's number of sources: a path is as well supported as its weakest hop."""
        return min(len(hop.sources) for hop in self.hops)


def find_paths(graph: nx.Graph, projection: Projection, a: str, b: str, *,
               max_hops: int | None = None, all_paths: bool = False, limit: int = 5) -> list[Connection]:
    """How `a` and `b` (IRIs) are connected in the fact graph: the shortest paths first, then
    the other short ones (up to one hop longer than the shortest, unless `max_hops` says
    otherwise). Within a length, paths through less connected nodes come first (they say more
    than a path through a hub), then the better supported. `all_paths` lifts `limit`."""
    if a == b:
        raise KgError(f"'{projection.label(a)}' is given twice: name two different actors or events.")
    try:
        shortest = nx.shortest_path_length(graph, a, b)
    except nx.NetworkXNoPath:
        return []
    longest = max_hops if max_hops is not None else shortest + 1
    found: list[list[str]] = []
    for nodes in nx.shortest_simple_paths(graph, a, b):
        if len(nodes) - 1 > longest or len(found) >= MAX_PATHS_SEARCHED:
            break
        found.append(nodes)
    paths = [describe_path(graph, projection, nodes) for nodes in found]
    paths.sort(key=lambda p: (len(p.hops), round(_generality(graph, p.nodes), 9), -p.support(), -len(p.sources),
                              [projection.label(n) for n in p.nodes]))
    return paths if all_paths else paths[:limit]


def _generality(graph: nx.Graph, nodes: tuple[str, ...]) -> float:
    """How much a path goes through hubs: the sum of the logarithm of the degree of the nodes
    it passes through. Any two actors meet through India or the United States; a path through
    an attack or a person says more, so among paths of one length the least general comes first."""
    return sum(math.log(graph.degree(n)) for n in nodes[1:-1])


def describe_path(graph: nx.Graph, projection: Projection, nodes: list[str]) -> Connection:
    hops = []
    for u, v in zip(nodes, nodes[1:]):
        link = _best_link(graph.edges[u, v]["links"], u)
        relation = RELATIONS[link.relation]
        phrase = relation.forward if link.source == u else relation.backward
        detail = "; ".join(sorted({title for via in link.via for title in projection.titles.get(via, ())}))
        hops.append(Hop(u, v, phrase, tuple(projection.source_keys(link.graphs)), detail))
    return Connection(tuple(nodes), tuple(hops))


def _best_link(links: list[Link], start: str) -> Link:
    """The link to word a hop by: most sources, then the one read from `start`'s side."""
    return min(links, key=lambda link: (-len(link.graphs), link.source != start, relation_order(link.relation)))


def path_text(path: Connection, projection: Projection) -> str:
    """'Tahawwur Rana —accused in→ 2008 Mumbai attacks —perpetrated by→ Lashkar-e-Taiba (000, 004)'."""
    words = [projection.label(path.nodes[0])]
    for hop in path.hops:
        words.append(f"—{hop.phrase}→ {projection.label(hop.target)}")
    return " ".join(words) + f" ({', '.join(path.sources)})"

