"""The store as NetworkX graphs, and the relationship questions analysts ask of them.

`load_projection` reads the store in two SPARQL passes (kg/sparql/network-links.rq and
network-nodes.rq), never one query per node, into a `Projection`: the actors and events the
articles name, and the relations between them, each with the articles that state it. Posts,
delegations, calls to act, reactions and legal actions are folded into direct relations
("Ajay Bhalla —led the delegation of→ India"). Articles kept aside by validation are left out.

From a projection:
  fact_graph        actors and events, one edge per related pair (paths, ego graphs);
  actor_graph       actors only: their direct relations, and taking part in the same event,
                    weighted by the number of supporting articles;
  bipartite_graph   actors and events, an edge where an actor takes part in an event;
  project_actors    the weighted projection of the bipartite graph onto the actors.
Each edge keeps its relation keys (`relations`), the articles behind it (`sources`) and, in the
actor graph, the events the two actors share (`events`).

Questions: find_paths, rank_actors (centrality), find_communities, ego_network, export_graph.
"""
from __future__ import annotations

import itertools
import json
import math
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Mapping

import networkx as nx
import pyoxigraph as ox

from kg.entities import name_key
from kg.errors import KgError, NotInNetwork, UnknownEntity, UnsupportedFormat
from kg.query import compact_iri, prefixes, resolve_label
from kg.store import sparql
from kg.vocab import ARTICLE_GRAPH_PREFIX, CTKG, G_REFERENCE

SEED = 7                      # every layout and community search uses it: same graph, same answer
REFERENCE_SOURCE = "reference"
MAX_PATHS_SEARCHED = 500      # simple paths looked at before sorting (paths in dense graphs explode)


# -- kinds -----------------------------------------------------------------------------------
# ctkg class -> kind, most specific first: a node typed with several classes takes the first.


@dataclass(frozen=True)
class Kind:
    key: str          # what --kind accepts
    name: str         # what a legend says (plural)
    family: str       # "actor", "event" (a node of the fact graph) or "folded" (read into relations)


KINDS = {
    "state": Kind("state", "States", "actor"),
    "agency": Kind("agency", "Government agencies", "actor"),
    "intl": Kind("intl", "International organizations", "actor"),
    "group": Kind("group", "Terrorist groups", "actor"),
    "movement": Kind("movement", "Separatist movements", "actor"),
    "person": Kind("person", "People", "actor"),
    "news": Kind("news", "News agencies", "actor"),
    "organization": Kind("organization", "Other organizations", "actor"),
    "meeting": Kind("meeting", "Meetings", "event"),
    "attack": Kind("attack", "Attacks", "event"),
    "statement": Kind("statement", "Joint statements", "event"),
    "agreement": Kind("agreement", "Agreements", "event"),
    "document": Kind("document", "Resolutions", "event"),
    "reaction": Kind("reaction", "Reactions", "folded"),
    "call": Kind("call", "Calls to act", "folded"),
    "legal-action": Kind("legal-action", "Legal actions", "folded"),
}
ACTOR_KINDS = tuple(k for k, kind in KINDS.items() if kind.family == "actor")
EVENT_KINDS = tuple(k for k, kind in KINDS.items() if kind.family == "event")

CLASS_KINDS: tuple[tuple[str, str], ...] = tuple((str(cls), kind) for cls, kind in (
    (CTKG.State, "state"), (CTKG.GovernmentAgency, "agency"), (CTKG.InternationalOrganization, "intl"),
    (CTKG.TerroristGroup, "group"), (CTKG.SeparatistMovement, "movement"), (CTKG.NewsAgency, "news"),
    (CTKG.Person, "person"),
    (CTKG.Dialogue, "meeting"), (CTKG.WorkingGroupMeeting, "meeting"), (CTKG.Summit, "meeting"),
    (CTKG.Meeting, "meeting"), (CTKG.Attack, "attack"),
    (CTKG.JointDeclaration, "statement"), (CTKG.JointStatement, "statement"),
    (CTKG.Reaction, "reaction"), (CTKG.CallToAct, "call"),
    (CTKG.Extradition, "legal-action"), (CTKG.Arrest, "legal-action"), (CTKG.Designation, "legal-action"),
    (CTKG.Accusation, "legal-action"), (CTKG.AssassinationPlot, "legal-action"),
    (CTKG.LegalAction, "legal-action"),
    (CTKG.MemorandumOfCooperation, "agreement"), (CTKG.MemorandumOfUnderstanding, "agreement"),
    (CTKG.Treaty, "agreement"), (CTKG.Agreement, "agreement"), (CTKG.UNSCResolution, "document"),
    (CTKG.Organization, "organization"),
))
CLASS_RANK = {cls: rank for rank, (cls, _) in enumerate(CLASS_KINDS)}
CLASS_KIND = dict(CLASS_KINDS)


# -- relations -------------------------------------------------------------------------------
# The keys network-links.rq binds to ?relation: how `source —key→ target` reads forwards and
# backwards, and its style family in figures.


@dataclass(frozen=True)
class Relation:
    forward: str
    backward: str
    family: str


RELATIONS = {
    "holds-post-in": Relation("holds a post in", "has as an official", "office"),
    "acts-for": Relation("acts for", "is represented by", "office"),
    "part-of": Relation("is part of", "includes", "office"),
    "spoke-for": Relation("spoke for", "spoke through", "office"),
    "led-delegation-of": Relation("led the delegation of", "had its delegation led by", "office"),
    "led-delegation-to": Relation("led a delegation to", "had a delegation led by", "meeting"),
    "sent-delegation-to": Relation("sent a delegation to", "received a delegation from", "meeting"),
    "took-part-in": Relation("took part in", "had as a participant", "meeting"),
    "co-chaired": Relation("co-chaired", "was co-chaired by", "meeting"),
    "followed-by": Relation("was followed by", "followed", "event"),
    "issued": Relation("issued", "was issued by", "statement"),
    "issued-at": Relation("was issued at", "issued", "event"),
    "named": Relation("named", "was named in", "naming"),
    "named-group": Relation("named", "was named by", "naming"),
    "refers-to": Relation("refers to", "is referred to in", "event"),
    "called-on": Relation("called on", "was called on by", "pressure"),
    "called-on-over": Relation("was called on to act over", "prompted a call on", "pressure"),
    "reacted-to": Relation("reacted to", "drew a reaction from", "pressure"),
    "reacted-to-statement-of": Relation("reacted to a statement by", "drew a reaction from", "pressure"),
    "perpetrated-by": Relation("perpetrated by", "perpetrated", "violence"),
    "blamed-on": Relation("blamed on", "was blamed for", "violence"),
    "accused-in": Relation("accused in", "has as an accused", "legal"),
    "arrested-over": Relation("arrested over", "led to the arrest of", "legal"),
    "wanted-for": Relation("sought for extradition over", "led to the extradition request for", "legal"),
    "designated-over": Relation("designated over", "led to the designation of", "legal"),
    "accused-by": Relation("accused by", "accused", "legal"),
    "arrested-by": Relation("arrested by", "arrested", "legal"),
    "extradited-by": Relation("extradited by", "extradited", "legal"),
    "designated-by": Relation("designated by", "designated", "legal"),
    "plotted-against-by": Relation("targeted in a plot by", "plotted against", "legal"),
    "sought-extradition-of": Relation("sought the extradition of", "was sought for extradition by", "legal"),
    "party-to": Relation("is party to", "has as a party", "agreement"),
    "agreement-with": Relation("signed an agreement with", "signed an agreement with", "agreement"),
    "signed-at": Relation("was signed at", "saw the signing of", "event"),
    "referenced-at": Relation("was referenced at", "referenced", "event"),
    "same-event": Relation("took part in the same event as", "took part in the same event as", "co-event"),
}
# When an actor-graph edge carries several relations, its style follows the first family here.
FAMILY_ORDER = ("violence", "legal", "pressure", "naming", "agreement", "office", "statement",
                "meeting", "event", "co-event")


# -- the projection --------------------------------------------------------------------------


@dataclass(frozen=True)
class Source:
    """One article: its named graph, short key ('000'), file name and publication date."""

    graph: str
    key: str
    file: str
    published: str | None


@dataclass(frozen=True)
class Node:
    iri: str
    kind: str
    label: str
    date: str | None                   # ISO start date, or publication date; None if undated
    mentions: frozenset[str]           # the article graphs that name it


@dataclass(frozen=True)
class Link:
    """`source —relation→ target`, stated by the articles in `graphs`, read through `via`."""

    source: str
    relation: str
    target: str
    graphs: frozenset[str]
    via: tuple[str, ...] = ()


@dataclass(frozen=True)
class Projection:
    nodes: Mapping[str, Node]
    links: tuple[Link, ...]
    sources: Mapping[str, Source]          # article graph IRI -> Source
    labels: Mapping[str, str] = field(default_factory=dict)   # any IRI seen -> its best name
    titles: Mapping[str, tuple[str, ...]] = field(default_factory=dict)   # post IRI -> its titles

    def label(self, iri: str) -> str:
        node = self.nodes.get(iri)
        return node.label if node else self.labels.get(iri) or compact_iri(iri)

    def source_keys(self, graphs: Iterable[str]) -> list[str]:
        """Short keys of the articles behind a fact, sorted ('000', '004', 'reference')."""
        keys = {self.sources[g].key if g in self.sources else REFERENCE_SOURCE for g in graphs}
        return sorted(keys, key=lambda k: (k == REFERENCE_SOURCE, k))

    def date_range(self) -> tuple[str | None, str | None]:
        """The first and last publication date of the articles."""
        dates = sorted(s.published for s in self.sources.values() if s.published)
        return (dates[0], dates[-1]) if dates else (None, None)


def load_projection(store: ox.Store) -> Projection:
    """The actors, events and relations of every article in the store, in two SPARQL passes."""
    types, labels, titles, dates, mentions, articles = _read_nodes(store)
    sources = _sources(articles)
    links = _read_links(store)
    nodes: dict[str, Node] = {}
    for iri, classes in types.items():
        best = min(classes, key=lambda cls: CLASS_RANK.get(cls, len(CLASS_RANK)))
        kind = CLASS_KIND.get(best)
        if kind:
            nodes[iri] = Node(iri, kind, _best_label(iri, labels), dates.get(iri), frozenset(mentions[iri]))
    links = [link for link in links if _kept(link, nodes)]
    for link in links:
        for end in (link.source, link.target):
            if end not in nodes:
                nodes[end] = Node(end, _kind_from_iri(end), _best_label(end, labels), dates.get(end), frozenset())
    nodes = _add_link_mentions(nodes, links)
    nodes = _date_meetings_by_statements(nodes, links)
    named = {iri: _best_label(iri, labels) for iri in labels}
    return Projection(dict(sorted(nodes.items())), tuple(sorted(links, key=_link_key)), sources, named,
                      {iri: tuple(sorted(t)) for iri, t in titles.items()})


def _select(store: ox.Store, name: str):
    return store.query(sparql(name), prefixes=prefixes(), use_default_graph_as_union=True)


def _read_nodes(store: ox.Store):
    types: dict[str, set[str]] = defaultdict(set)
    labels: dict[str, dict[str, int]] = defaultdict(dict)
    titles: dict[str, set[str]] = defaultdict(set)
    dates: dict[str, tuple[int, str]] = {}
    mentions: dict[str, set[str]] = defaultdict(set)
    articles: dict[str, tuple[str, str | None]] = {}
    for row in _select(store, "network-nodes"):
        iri = row["node"].value
        kind = row["type"]
        if kind is not None and kind.value == str(CTKG.Article):
            articles[row["g"].value] = (row["label"].value, row["date"].value if row["date"] else None)
        elif kind is not None:
            types[iri].add(kind.value)
            mentions[iri].add(row["g"].value)
        elif row["label"] is not None and row["rank"].value == "3":
            titles[iri].add(row["label"].value)
        elif row["label"] is not None:
            rank = int(row["rank"].value)
            labels[iri][row["label"].value] = min(rank, labels[iri].get(row["label"].value, rank))
        elif row["date"] is not None:
            candidate = (int(row["rank"].value), row["date"].value[:10])
            if iri not in dates or candidate < dates[iri]:
                dates[iri] = candidate
    dates = {iri: date for iri, (_, date) in dates.items()}
    return types, labels, titles, dates, mentions, articles


def _best_label(iri: str, labels: Mapping[str, Mapping[str, int]]) -> str:
    """The reference label, else an article's label (the shortest, then the first in order)."""
    choices = labels.get(iri)
    if not choices:
        return compact_iri(iri)
    return min(choices.items(), key=lambda item: (item[1], len(item[0]), item[0]))[0]


def _sources(articles: Mapping[str, tuple[str, str | None]]) -> dict[str, Source]:
    """Each article graph's Source; keys are the file names' leading numbers when those are
    unique ('000_b0ef….txt' -> '000'), else the file stems."""
    stems = {graph: Path(file).stem for graph, (file, _) in articles.items()}
    heads = {graph: stem.split("_", 1)[0] for graph, stem in stems.items()}
    unique = len(set(heads.values())) == len(heads)
    return {graph: Source(graph, heads[graph] if unique else stems[graph], file, published)
            for graph, (file, published) in sorted(articles.items())}


def _read_links(store: ox.Store) -> list[Link]:
    graphs: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    vias: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for row in _select(store, "network-links"):
        if not isinstance(row["source"], ox.NamedNode) or not isinstance(row["target"], ox.NamedNode):
            continue
        key = (row["source"].value, row["relation"].value, row["target"].value)
        if key[0] == key[2]:
            continue
        graphs[key].add(row["g"].value)
        if row["via"] is not None:
            vias[key].add(row["via"].value)
    return [Link(s, r, t, frozenset(g), tuple(sorted(vias.get((s, r, t), ())))) for (s, r, t), g in graphs.items()]


def _kept(link: Link, nodes: Mapping[str, Node]) -> bool:
    """Reference facts only join actors that some article names."""
    if str(G_REFERENCE) in link.graphs and not any(g.startswith(ARTICLE_GRAPH_PREFIX) for g in link.graphs):
        return link.source in nodes and link.target in nodes
    return True


IRI_KINDS = {**{key: key for key in KINDS}, "accusation": "legal-action", "arrest": "legal-action",
             "extradition": "legal-action", "designation": "legal-action", "assassination-plot": "legal-action",
             "joint-statement": "statement"}


def _kind_from_iri(iri: str) -> str:
    """The kind of a node no article types, from its IRI pattern (id:state/…, id:event/attack/…)."""
    for part in reversed(iri.rstrip("/").split("/")):
        if part in IRI_KINDS:
            return IRI_KINDS[part]
    return "organization"


def _add_link_mentions(nodes: dict[str, Node], links: Iterable[Link]) -> dict[str, Node]:
    """A node is named by every article that states a relation of it, typed there or not."""
    extra: dict[str, set[str]] = defaultdict(set)
    for link in links:
        graphs = {g for g in link.graphs if g.startswith(ARTICLE_GRAPH_PREFIX)}
        extra[link.source] |= graphs
        extra[link.target] |= graphs
    return {iri: Node(n.iri, n.kind, n.label, n.date, n.mentions | extra[iri]) if extra.get(iri, set()) - n.mentions
            else n for iri, n in nodes.items()}


def _date_meetings_by_statements(nodes: dict[str, Node], links: Iterable[Link]) -> dict[str, Node]:
    """A meeting the articles do not date takes the date of the statement issued at it."""
    dated = dict(nodes)
    for link in links:
        meeting, statement = nodes.get(link.target), nodes.get(link.source)
        if link.relation == "issued-at" and meeting and statement and not meeting.date and statement.date:
            dated[meeting.iri] = Node(meeting.iri, meeting.kind, meeting.label, statement.date, meeting.mentions)
    return dated


def _link_key(link: Link) -> tuple:
    return (link.source, link.relation, link.target)


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
        data["relations"] = sorted(data["relations"], key=_relation_order)
        data["sources"] = projection.source_keys(data.pop("graphs"))
        data["weight"] = len(data["sources"])
        data["events"] = sorted(data["events"])
        data["family"] = edge_family(data["relations"])
        data["links"] = sorted(data["links"], key=lambda link: (-len(link.graphs), _link_key(link)))
    return graph


def _relation_order(key: str) -> tuple[int, str]:
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
        graph.add_edge(u, v, weight=len(events), events=sorted(projection.label(e) for e in events),
                       sources=projection.source_keys(graphs[(u, v)]), relations=["same-event"],
                       family="co-event")
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


# -- naming ----------------------------------------------------------------------------------


def resolve(store: ox.Store, projection: Projection, text: str, graph: nx.Graph | None = None) -> str:
    """The IRI of the node named `text` (any label, alias or IRI) in `graph` (default: every
    node of the projection). UnknownEntity if no entity has the name; NotInNetwork if it has
    no place in the graph."""
    try:
        found = [term.value for term in resolve_label(store, text)]
    except UnknownEntity:
        found = _people_by_name_key(projection, text)
        if not found:
            raise
    members = graph if graph is not None else projection.nodes
    inside = [iri for iri in found if iri in members]
    if inside:
        return max(inside, key=lambda iri: (graph.degree(iri) if graph is not None else 0, iri))
    label = projection.label(found[0])
    raise NotInNetwork(
        f"'{text}' ({label}) is in the store but in no relation of the network: no article links it "
        "to an actor or event. Look at what is known about it with: kg explain " + json.dumps(text)
    )


def _people_by_name_key(projection: Projection, text: str) -> list[str]:
    """People whose first and last names are those of `text` ('Tahawwur Rana' finds Tahawwur
    Hussain Rana), as the loader matches people across articles."""
    key = name_key(text)
    if "-" not in key:
        return []
    return [iri for iri, node in projection.nodes.items() if node.kind == "person" and name_key(node.label) == key]


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
    return min(links, key=lambda link: (-len(link.graphs), link.source != start, _relation_order(link.relation)))


def path_text(path: Connection, projection: Projection) -> str:
    """'Tahawwur Rana —accused in→ 2008 Mumbai attacks —perpetrated by→ Lashkar-e-Taiba (000, 004)'."""
    words = [projection.label(path.nodes[0])]
    for hop in path.hops:
        words.append(f"—{hop.phrase}→ {projection.label(hop.target)}")
    return " ".join(words) + f" ({', '.join(path.sources)})"


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


def pagerank(graph: nx.Graph, alpha: float = 0.85, tol: float = 1e-10, max_iter: int = 200) -> dict[str, float]:
    """Weighted PageRank by power iteration (NetworkX's own needs SciPy, which ctkg does without).
    A node without edges spreads its rank evenly over all nodes."""
    nodes = list(graph)
    index = {node: i for i, node in enumerate(nodes)}
    n = len(nodes)
    strength = [0.0] * n
    for u, v, w in graph.edges(data="weight", default=1):
        strength[index[u]] += w
        strength[index[v]] += w
    rank = [1.0 / n] * n
    for _ in range(max_iter):
        dangling = sum(rank[i] for i in range(n) if strength[i] == 0)
        new = [(1 - alpha) / n + alpha * dangling / n] * n
        for u, v, w in graph.edges(data="weight", default=1):
            i, j = index[u], index[v]
            new[j] += alpha * rank[i] * w / strength[i]
            new[i] += alpha * rank[j] * w / strength[j]
        change = sum(abs(a - b) for a, b in zip(new, rank))
        rank = new
        if change < n * tol:
            break
    return dict(zip(nodes, rank))


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


# -- export ----------------------------------------------------------------------------------

EXPORT_FORMATS = {".graphml": "GraphML", ".gexf": "GEXF", ".json": "node-link JSON"}


def export_graph(graph: nx.Graph, path: str | Path, projection: Projection) -> Path:
    """Write `graph` for Gephi, Cytoscape or D3: .graphml, .gexf or node-link .json, with each
    node's label and kind and each edge's weight, relations, events and sources."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in EXPORT_FORMATS:
        raise UnsupportedFormat(
            f"{path}: kg cannot write '{suffix or 'no extension'}'. Name the file .graphml (Gephi, "
            "Cytoscape), .gexf (Gephi) or .json (D3 node-link)."
        )
    plain = _plain(graph, projection, joined=suffix != ".json")
    path.parent.mkdir(parents=True, exist_ok=True)
    if suffix == ".graphml":
        nx.write_graphml(plain, path)
    elif suffix == ".gexf":
        nx.write_gexf(plain, path)
    else:
        data = nx.node_link_data(plain, edges="links")
        path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return path


def _plain(graph: nx.Graph, projection: Projection, *, joined: bool) -> nx.Graph:
    """A copy with only strings, numbers and (for JSON) lists as attributes."""
    plain = nx.Graph()
    for iri, data in graph.nodes(data=True):
        plain.add_node(iri, label=data["label"], kind=data["kind"], kind_name=KINDS[data["kind"]].name,
                       articles=int(data.get("mentions", 0)), date=data.get("date", ""))
        if "hops" in data:
            plain.nodes[iri]["hops"] = data["hops"]
    for u, v, data in graph.edges(data=True):
        attrs = {
            "weight": int(data.get("weight", 1)),
            "relations": list(data.get("relations", [])),
            "phrases": [RELATIONS[r].forward for r in data.get("relations", []) if r in RELATIONS],
            "events": list(data.get("events", [])),
            "sources": list(data.get("sources", [])),
            "family": data.get("family", ""),
        }
        if joined:
            attrs = {k: "; ".join(v) if isinstance(v, list) else v for k, v in attrs.items()}
        plain.add_edge(u, v, **attrs)
    plain.graph["title"] = "ctkg network"
    first, last = projection.date_range()
    plain.graph["sources"] = len(projection.sources)
    plain.graph["published"] = f"{first or '?'} to {last or '?'}"
    return plain


# -- footnotes -------------------------------------------------------------------------------


def sources_note(projection: Projection, graphs: Iterable[str] | None = None) -> str:
    """'5 articles, published 2020-09-12 to 2025-02-15 (1 undated)' for the articles in the
    named graphs `graphs` (default: all)."""
    chosen = [projection.sources[g] for g in (graphs if graphs is not None else projection.sources)
              if g in projection.sources]
    dates = sorted(s.published for s in chosen if s.published)
    count = f"{len(chosen)} article{'s' if len(chosen) != 1 else ''}"
    if not dates:
        return count
    undated = len(chosen) - len(dates)
    span = dates[0] if dates[0] == dates[-1] else f"{dates[0]} to {dates[-1]}"
    return f"{count}, published {span}" + (f" ({undated} undated)" if undated else "")
