"""The network written for Gephi, Cytoscape, D3 and networkx."""
from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import networkx as nx

from kg.errors import UnsupportedFormat
from kg.network.graphs import edge_family, relation_order
from kg.network.kinds import KINDS, REFERENCE_SOURCE, RELATIONS
from kg.network.projection import Link, Projection
from kg.network.strength import link_strength

EXPORT_FORMATS = {".graphml": "GraphML", ".gexf": "GEXF", ".json": "node-link JSON",
                  ".anx": "i2 Analyst's Notebook chart"}


def export_graph(graph: nx.Graph, path: str | Path, projection: Projection) -> Path:
    """Write `graph` for Gephi, Cytoscape, D3, networkx or i2 Analyst's Notebook: .graphml, .gexf,
    node-link .json or .anx (kg.network.anx).

    The file holds a directed graph (directed_graph): an edge runs the way its relations read
    ("extradited by", "part of", "called on"); an edge whose relations read the same both ways
    ("took part in the same event as") runs from the smaller IRI and says `directed: false`.
    Nodes carry their label, kind and date; edges their weight (supporting articles), link
    strength, confidence, date (GEXF: the edge's `start`, for Gephi's timeline), relations,
    events and sources (article file names, and the articles' IRIs). The JSON is networkx's
    node-link layout with its default keys, so `nx.node_link_graph(json.load(f))` reads it."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in EXPORT_FORMATS:
        raise UnsupportedFormat(
            f"{path}: kg cannot write '{suffix or 'no extension'}'. Name the file .graphml (Gephi, "
            "Cytoscape), .gexf (Gephi), .json (D3 node-link) or .anx (i2 Analyst's Notebook)."
        )
    if suffix == ".anx":
        from kg.network.anx import write_anx      # anx builds on this module's directed_graph

        return write_anx(graph, path, projection)
    plain = _plain(directed_graph(graph, projection), projection, joined=suffix != ".json",
                   timeline=suffix == ".gexf")
    path.parent.mkdir(parents=True, exist_ok=True)
    if suffix == ".graphml":
        nx.write_graphml(plain, path)
    elif suffix == ".gexf":
        nx.write_gexf(plain, path)
    else:
        data = nx.node_link_data(plain)
        path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return path


def directed_graph(graph: nx.Graph, projection: Projection) -> nx.DiGraph:
    """`graph` with each edge turned the way its relations read: one edge per direction in which
    some relation runs between two nodes, carrying the relations, articles and link strength of
    that direction. Relations without a direction join the first such edge, or make an edge of
    their own from the smaller IRI, marked `directed: False`."""
    out = nx.DiGraph()
    out.add_nodes_from(graph.nodes(data=True))
    for u, v, data in graph.edges(data=True):
        ways: dict[tuple[str, str], list[Link]] = defaultdict(list)
        plain_links = []
        for link in data.get("links", []):
            if RELATIONS[link.relation].directed:
                ways[(link.source, link.target)].append(link)
            else:
                plain_links.append(link)
        extra_relations = [r for r in data.get("relations", []) if r not in {link.relation for link in data.get("links", [])}]
        if not ways:
            ways[tuple(sorted((u, v)))] = []
        for number, ((a, b), links) in enumerate(sorted(ways.items())):
            undirected = number == 0
            chosen = links + (plain_links if undirected else [])
            graphs = {g for link in chosen for g in link.graphs}
            if undirected and extra_relations:
                graphs |= set(data.get("graphs", []))
            relations = sorted({link.relation for link in chosen} | (set(extra_relations) if undirected else set()),
                               key=relation_order)
            sources = projection.source_keys(graphs)
            known = [link.confidence for link in chosen if link.confidence is not None]
            confidence = max(known) if known else None
            articles = sum(1 for key in sources if key != REFERENCE_SOURCE)
            out.add_edge(a, b, relations=relations, links=chosen, graphs=sorted(graphs), sources=sources,
                         weight=len(sources), confidence=confidence,
                         strength=link_strength(articles, confidence, reference=REFERENCE_SOURCE in sources),
                         events=list(data.get("events", [])) if undirected else [],
                         family=edge_family(relations), directed=bool(links),
                         date=edge_date(chosen, graphs, projection))
    out.graph.update(graph.graph)
    return out


def edge_date(links: list[Link], graphs: set[str], projection: Projection) -> str:
    """When a relation held: the earliest date of the events it goes through (a meeting, an
    attack), else the earliest publication date of the articles stating it; '' if none."""
    events = {n for link in links for n in (link.source, link.target, *link.via)}
    dates = sorted(projection.nodes[n].date[:10] for n in events
                   if n in projection.nodes and KINDS[projection.nodes[n].kind].family != "actor"
                   and projection.nodes[n].date)
    if not dates:
        dates = sorted(projection.sources[g].published for g in graphs
                       if g in projection.sources and projection.sources[g].published)
    return dates[0] if dates else ""


def _plain(graph: nx.DiGraph, projection: Projection, *, joined: bool, timeline: bool = False) -> nx.DiGraph:
    """A copy with only strings, numbers, booleans and (for JSON) lists as attributes."""
    plain = nx.DiGraph()
    for iri, data in graph.nodes(data=True):
        plain.add_node(iri, label=data["label"], kind=data["kind"], kind_name=KINDS[data["kind"]].name,
                       articles=int(data.get("mentions", 0)), date=data.get("date", ""))
        if "hops" in data:
            plain.nodes[iri]["hops"] = data["hops"]
    for u, v, data in graph.edges(data=True):
        chosen = [projection.sources[g] for g in data.get("graphs", []) if g in projection.sources]
        attrs = {
            "weight": int(data.get("weight", 1)),
            "strength": data.get("strength", ""),
            "confidence": float(data["confidence"]) if data.get("confidence") is not None else -1.0,
            "directed": bool(data.get("directed", False)),
            "date": data.get("date", ""),
            "relations": list(data.get("relations", [])),
            "phrases": [RELATIONS[r].forward for r in data.get("relations", []) if r in RELATIONS],
            "events": list(data.get("events", [])),
            "sources": [source.file for source in chosen]
                       + ([REFERENCE_SOURCE] if REFERENCE_SOURCE in data.get("sources", []) else []),
            "source_iris": [source.iri or source.graph for source in chosen],
            "family": data.get("family", ""),
        }
        if joined:
            attrs = {k: "; ".join(v) if isinstance(v, list) else v for k, v in attrs.items()}
        if timeline and attrs["date"]:
            attrs["start"] = attrs["date"]
        plain.add_edge(u, v, **attrs)
    plain.graph["title"] = "ctkg network"
    first, last = projection.date_range()
    plain.graph["sources"] = len(projection.sources)
    plain.graph["published"] = f"{first or '?'} to {last or '?'}"
    return plain
