"""Network figures: the actor graph (network_figure) and one actor's neighbourhood (ego_figure)."""
from __future__ import annotations

import math
from collections import defaultdict
from typing import Iterable, Mapping, Sequence

import networkx as nx
from matplotlib.collections import LineCollection
from matplotlib.figure import Figure

from kg.network import KINDS, Projection, actor_graph, ego_network, pagerank, relation_words, sources_note
from kg.plot.labels import Box, place_labels
from kg.plot.layout import arrange, scaled, spring_layout
from kg.plot.style import (DPI, EDGE_WORD_SIZE, EDGE_WORDS_UP_TO, FAMILY_STYLE, KIND_STYLE, LABEL_SIZE, add_footnote,
                           add_legends, add_title, new_figure, wrap)

def draw_network(figure: Figure, ax, graph: nx.Graph, pos: Mapping[str, tuple[float, float]],
                 sizes: Mapping[str, float], *, ring: Iterable[str] = (), label_order: Sequence[str] = (),
                 bold: Iterable[str] = (), prefer: Mapping[str, tuple[float, float]] | None = None,
                 uniform: bool = False) -> dict[str, tuple[float, float]]:
    """Edges styled by relation family, width by supporting articles; nodes by kind; labels.
    Returns the positions the nodes were drawn at."""
    ringed = set(ring)
    radius = {n: math.sqrt(sizes[n] / math.pi) * DPI / 72 for n in graph}
    texts = {n: wrap(graph.nodes[n]["label"], 22) for n in graph}
    pos = arrange(figure, ax, pos, radius, texts, LABEL_SIZE, uniform)
    by_family: dict[str, list] = defaultdict(list)
    widths: dict[str, list] = defaultdict(list)
    for u, v, data in sorted(graph.edges(data=True), key=lambda e: (e[0], e[1])):
        family = data.get("family", "co-event")
        by_family[family].append([pos[u], pos[v]])
        widths[family].append(0.8 + 1.1 * math.log2(max(data.get("weight", 1), 1)))
    for family in reversed(list(FAMILY_STYLE)):
        if by_family.get(family):
            colour, style, _ = FAMILY_STYLE[family]
            alpha = 0.55 if family == "co-event" else 0.85
            ax.add_collection(LineCollection(by_family[family], colors=colour, linestyles=style,
                                             linewidths=widths[family], alpha=alpha, zorder=1))
    for kind in KIND_STYLE:
        members = sorted(n for n, d in graph.nodes(data=True) if d["kind"] == kind)
        if not members:
            continue
        colour, marker = KIND_STYLE[kind]
        ax.scatter([pos[n][0] for n in members], [pos[n][1] for n in members], s=[sizes[n] for n in members],
                   c=colour, marker=marker, edgecolors=["#111111" if n in ringed else "white" for n in members],
                   linewidths=[2.5 if n in ringed else 1.0 for n in members], zorder=3)
    ax.set_axis_off()
    nodes = list(label_order) or sorted(graph.nodes)
    index = {n: i for i, n in enumerate(nodes)}
    place_labels(figure, ax, [pos[n] for n in nodes], [texts[n] for n in nodes],
                 [radius[n] for n in nodes], order=list(range(len(nodes))), fontsize=LABEL_SIZE,
                 bold=[index[n] for n in bold if n in index],
                 prefer=[prefer[n] for n in nodes] if prefer else None,
                 segments=[(pos[u], pos[v]) for u, v in sorted(graph.edges)])
    return pos


def _network_axes(figure: Figure):
    return figure.add_axes((0.02, 0.07, 0.73, 0.78))


def _graphs_of(graph: nx.Graph, projection: Projection) -> set[str]:
    keys = {key for _, _, data in graph.edges(data=True) for key in data.get("sources", [])}
    return {g for g, source in projection.sources.items() if source.key in keys}


def _note(projection: Projection, graph: nx.Graph, extra: str = "") -> str:
    note = "Sources: " + sources_note(projection, _graphs_of(graph, projection))
    dates = sorted(d for _, d in graph.nodes(data="date") if d)
    if dates:
        note += f" · dated events {dates[0][:4]}–{dates[-1][:4]}" if dates[0][:4] != dates[-1][:4] else ""
    note += " · edge width: number of articles · node size: PageRank"
    return note + (f" · {extra}" if extra else "") + " · ctkg"


def network_figure(projection: Projection, *, kinds: Iterable[str] = (), top: int = 40,
                   graph: nx.Graph | None = None) -> Figure:
    """The actor graph: its `top` most central actors (PageRank) of the given kinds, and the
    relations between them."""
    full = graph if graph is not None else actor_graph(projection)
    kinds = set(kinds)
    scores = pagerank(full)
    chosen = [n for n, d in full.nodes(data=True) if (not kinds or d["kind"] in kinds) and full.degree(n) > 0]
    sub = full.subgraph(chosen)
    chosen = [n for n in chosen if sub.degree(n) > 0]
    chosen = sorted(chosen, key=lambda n: (-scores[n], n))[:top]
    sub = full.subgraph(chosen).copy()
    sub.remove_nodes_from([n for n in list(sub) if sub.degree(n) == 0])
    figure = new_figure()
    ax = _network_axes(figure)
    kinds_text = ", ".join(KINDS[k].name.lower() for k in KIND_STYLE if k in kinds) if kinds else "actors"
    dropped = sum(1 for n, d in full.nodes(data=True) if (not kinds or d["kind"] in kinds)) - sub.number_of_nodes()
    add_title(figure, ax, "Who works with whom: the counter-terrorism network",
           f"{sub.number_of_nodes()} most connected {kinds_text}; lines join actors an article relates")
    if sub.number_of_nodes() == 0:
        ax.set_axis_off()
        ax.text(0.5, 0.5, "No relations between these actors in the graph.", ha="center", transform=ax.transAxes)
        add_footnote(figure, projection, "Sources: " + sources_note(projection) + " · ctkg")
        return figure
    pos = spring_layout(sub)
    sizes = scaled({n: scores[n] for n in sub}, 90, 1500)
    order = sorted(sub, key=lambda n: (-scores[n], n))
    draw_network(figure, ax, sub, pos, sizes, label_order=order, bold=order[:5])
    add_legends(figure, {d["kind"] for _, d in sub.nodes(data=True)}, {d["family"] for *_, d in sub.edges(data=True)})
    add_footnote(figure, projection, _note(projection, sub, f"{dropped} less connected actors not drawn" if dropped > 0 else ""))
    return figure


def ego_figure(projection: Projection, centre: str, *, radius: int = 1, graph: nx.Graph | None = None,
               limit: int = 40) -> Figure:
    """One actor at the centre, the actors within `radius` relations on rings around it."""
    full = graph if graph is not None else actor_graph(projection)
    ego = ego_network(full, centre, radius)
    scores = pagerank(full)
    keep = sorted(ego, key=lambda n: (ego.nodes[n]["hops"], -scores[n], n))[:limit]
    ego = ego.subgraph(keep).copy()
    pos, outward = _rings(ego, centre, scores)
    figure = new_figure()
    ax = _network_axes(figure)
    name = projection.label(centre)
    neighbours = sum(1 for n in ego if ego.nodes[n]["hops"] == 1)
    add_title(figure, ax, f"{name}: who it is connected to",
           f"{neighbours} {_nouns(ego, centre)} one relation away" + (f", up to {radius} relations shown" if radius > 1 else ""))
    sizes = scaled({n: scores[n] for n in ego}, 150, 1800)
    sizes[centre] = 2600
    order = [centre] + sorted((n for n in ego if n != centre), key=lambda n: (ego.nodes[n]["hops"], -scores[n], n))
    pos = draw_network(figure, ax, ego, pos, sizes, ring=[centre], label_order=order, bold=[centre],
                       prefer=outward, uniform=True)
    if neighbours <= EDGE_WORDS_UP_TO:
        _edge_words(ax, ego, pos, centre, projection)
    add_legends(figure, {d["kind"] for _, d in ego.nodes(data=True)}, {d["family"] for *_, d in ego.edges(data=True)})
    add_footnote(figure, projection, _note(projection, ego))
    return figure


def _nouns(ego: nx.Graph, centre: str) -> str:
    """'actors', or 'actors and events' when the neighbours include events (the fact graph)."""
    events = any(KINDS[ego.nodes[n]["kind"]].family != "actor" for n in ego.neighbors(centre))
    return "actors and events" if events else "actors"


def _edge_words(ax, ego: nx.Graph, pos: Mapping[str, tuple[float, float]], centre: str,
                projection: Projection) -> None:
    """On each edge from the centre, its main relation in words, read from the centre's side,
    at the first point along the edge (its middle, then nearer either end) where the words
    overlap no label and no other edge's words; words that find no such point are left out
    (the brief's table and `kg network ego` give every relation)."""
    renderer = ax.figure.canvas.get_renderer()
    taken = [Box(*_extent(t, renderer)) for t in ax.texts]
    for n in sorted(ego.neighbors(centre)):
        data = ego.edges[centre, n]
        if data.get("family") == "co-event":
            continue
        words = relation_words(data, centre, projection).split("; ")[0]
        (x0, y0), (x1, y1) = pos[centre], pos[n]
        text = ax.text(0, 0, wrap(words, 20), fontsize=EDGE_WORD_SIZE, style="italic", color="#3c4043",
                       ha="center", va="center", zorder=4,
                       bbox={"boxstyle": "round,pad=0.2", "facecolor": "white", "edgecolor": "none", "alpha": 0.9})
        for t in (0.5, 0.4, 0.6, 0.3, 0.7, 0.65, 0.35):
            text.set_position((x0 + (x1 - x0) * t, y0 + (y1 - y0) * t))
            box = Box(*_extent(text, renderer))
            if not any(box.overlap(other) > 0 for other in taken):
                taken.append(box)
                break
        else:
            text.remove()


def _extent(text, renderer) -> tuple[float, float, float, float]:
    box = text.get_window_extent(renderer)
    return box.x0 - 2, box.y0 - 2, box.x1 + 2, box.y1 + 2


def _rings(ego: nx.Graph, centre: str, scores: Mapping[str, float]):
    """The centre at (0, 0); actors at distance d on the circle of radius d, ordered by kind and
    label (the next ring follows the angle of the node it hangs from). Returns the positions
    and, for each node, the outward direction its label prefers."""
    pos = {centre: (0.0, 0.0)}
    angle = {centre: 0.0}
    rank = {kind: i for i, kind in enumerate(KIND_STYLE)}
    depth = max(d for _, d in ego.nodes(data="hops"))
    for d in range(1, depth + 1):
        ring = [n for n in ego if ego.nodes[n]["hops"] == d]
        if d == 1:
            ring.sort(key=lambda n: (rank[ego.nodes[n]["kind"]], ego.nodes[n]["label"]))
        else:
            def parent_angle(n):
                parents = [p for p in ego.neighbors(n) if ego.nodes[p]["hops"] == d - 1]
                return min(angle[p] for p in parents)
            ring.sort(key=lambda n: (parent_angle(n), ego.nodes[n]["label"]))
        for i, n in enumerate(ring):
            a = math.pi / 2 - 2 * math.pi * i / max(len(ring), 1)
            angle[n] = (math.pi / 2 - a) % (2 * math.pi)
            pos[n] = (d * math.cos(a), d * math.sin(a))
    outward = {n: (x, y) if (x, y) != (0.0, 0.0) else (0.0, -1.0) for n, (x, y) in pos.items()}
    return pos, outward

