"""The network as an i2 Analyst's Notebook chart (.anx), written with anxwritter (MIT licence).

Entities are the graph's nodes: their IRI as the identity, their label, their kind as the
entity type, with the IRI, kind and number of articles as attributes. Links are the edges of
the directed graph (kg.network.export.directed_graph): the relation in words as the link type,
an arrow where the relation has a direction, the date, the link strength (confirmed solid,
probable dashed, unconfirmed dotted), and the sources twice: as attributes (article file
names, article IRIs) and as one card per article with its file name, date and IRI.

`read_anx` reads such a file back (the XML ANB reads, in UTF-16) into plain records, so that a
test, or a user, can check that nodes, links and sources arrived intact.
"""
from __future__ import annotations

import math
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import networkx as nx

from kg.network.export import directed_graph
from kg.network.kinds import RELATIONS, SEED
from kg.network.projection import Projection
from kg.network.strength import STRENGTHS
from kg.palette import kind_colour

STRENGTH_STYLES = {"confirmed": "solid", "probable": "dashed", "unconfirmed": "dotted"}
CHART_SPAN = 1600      # the layout's half width in ANB's world units


def write_anx(graph: nx.Graph, path: str | Path, projection: Projection) -> Path:
    """Write `graph` as an .anx chart that i2 Analyst's Notebook opens."""
    from anxwritter import ANXChart
    from loguru import logger

    logger.disable("anxwritter")            # the library logs its build steps at debug level
    chart = ANXChart()
    for strength in STRENGTHS:
        chart.add_strength(name=strength, dot_style=STRENGTH_STYLES[strength])
    directed = directed_graph(graph, projection)
    positions = _positions(directed)
    for iri, data in sorted(directed.nodes(data=True)):
        x, y = positions[iri]
        chart.add_icon(id=iri, type=ENTITY_TYPES.get(data["kind"], "Organization"), label=data["label"], x=x, y=y,
                       color=kind_colour(data["kind"]), date=data.get("date") or None,
                       attributes={"IRI": iri, "Kind": data["kind"], "Articles": int(data.get("mentions", 0))})
    for u, v, data in sorted(directed.edges(data=True), key=lambda e: (e[0], e[1])):
        chosen = [projection.sources[g] for g in data["graphs"] if g in projection.sources]
        phrases = [RELATIONS[r].forward for r in data["relations"] if r in RELATIONS]
        attributes = {"Relations": "; ".join(phrases), "Articles": int(data["weight"]),
                      "Sources": "; ".join(s.file for s in chosen) or "reference data",
                      "Source IRIs": "; ".join(s.iri or s.graph for s in chosen) or "reference data"}
        if data.get("confidence") is not None:
            attributes["Confidence"] = float(data["confidence"])
        cards = [{"summary": s.file, "date": s.published, "source_ref": s.iri or s.graph,
                  "description": f"{phrases[0] if phrases else 'related'}: stated in {s.file}"} for s in chosen]
        chart.add_link(from_id=u, to_id=v, type=phrases[0] if phrases else "related to", label="; ".join(phrases),
                       arrow="->" if data["directed"] else None, date=data["date"] or None,
                       strength=data["strength"], attributes=attributes, cards=cards)
    first, last = projection.date_range()
    chart.add_custom_property("Source", f"ctkg: {len(projection.sources)} articles, {first or '?'} to {last or '?'}")
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    return Path(chart.to_anx(str(path)))


ENTITY_TYPES = {"state": "State", "agency": "Government agency", "intl": "International organization",
                "group": "Terrorist group", "movement": "Separatist movement", "person": "Person",
                "news": "News agency", "organization": "Organization", "meeting": "Meeting", "attack": "Attack",
                "statement": "Joint statement", "agreement": "Agreement", "document": "Resolution"}


def _positions(graph: nx.DiGraph) -> dict[str, tuple[int, int]]:
    """A spring layout with the project's seed over sorted nodes, in ANB's world units."""
    if graph.number_of_nodes() == 0:
        return {}
    ordered = nx.Graph()
    ordered.add_nodes_from(sorted(graph))
    ordered.add_edges_from(sorted((min(u, v), max(u, v)) for u, v in graph.edges))
    raw = nx.spring_layout(ordered, seed=SEED, k=2.5 / math.sqrt(max(len(ordered), 1)))
    return {n: (int(round(float(p[0]) * CHART_SPAN)), int(round(-float(p[1]) * CHART_SPAN))) for n, p in raw.items()}


# -- reading a chart back --------------------------------------------------------------------


@dataclass(frozen=True)
class AnxEntity:
    identity: str
    label: str
    type: str
    attributes: dict


@dataclass(frozen=True)
class AnxLink:
    source: str                # identities of the two ends, in the link's direction
    target: str
    type: str
    arrow: str
    strength: str
    date: str
    attributes: dict
    cards: tuple[dict, ...]


def read_anx(path: str | Path) -> tuple[dict[str, AnxEntity], list[AnxLink]]:
    """The entities (by identity) and links of an .anx file."""
    data = Path(path).read_bytes()
    root = ET.fromstring(data.decode("utf-16") if data[:2] in (b"\xff\xfe", b"\xfe\xff") else data.decode("utf-8"))
    entities: dict[str, AnxEntity] = {}
    by_number: dict[str, str] = {}
    links: list[AnxLink] = []
    for item in root.iter("ChartItem"):
        attributes = {a.get("AttributeClass"): a.get("Value") for a in item.iter("Attribute")}
        entity = item.find("End/Entity")
        if entity is not None:
            style = entity.find(".//IconStyle")
            identity = entity.get("Identity")
            by_number[entity.get("EntityId")] = identity
            entities[identity] = AnxEntity(identity, item.get("Label", ""), style.get("Type", "") if style is not None
                                           else "", attributes)
            continue
        link = item.find("Link")
        if link is None:
            continue
        style = link.find("LinkStyle")
        cards = tuple({"summary": c.get("Summary"), "date": (c.get("DateTime") or "")[:10],
                       "source": c.get("SourceReference"), "text": c.get("Text")} for c in link.iter("Card"))
        links.append(AnxLink(link.get("End1Id"), link.get("End2Id"), style.get("Type", ""), style.get("ArrowStyle", ""),
                             style.get("Strength", ""), (item.get("DateTime") or "")[:10], attributes, cards))
    resolved = [AnxLink(by_number.get(k.source, k.source), by_number.get(k.target, k.target), k.type, k.arrow,
                        k.strength, k.date, k.attributes, k.cards) for k in links]
    return entities, resolved
