"""The projection: the store read in two SPARQL passes (kg/sparql/network-links.rq and
network-nodes.rq), never one query per node, into the actors and events the articles name and
the relations between them, each with the articles that state it. Posts, delegations, calls to
act, reactions and legal actions are folded into direct relations ("Ajay Bhalla —led the
delegation of→ India"). Articles kept aside by validation are left out."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Mapping

import pyoxigraph as ox

from kg.network.kinds import CLASS_KIND, CLASS_RANK, IRI_KINDS, REFERENCE_SOURCE
from kg.query import compact_iri, prefixes
from kg.store import sparql
from kg.vocab import ARTICLE_GRAPH_PREFIX, CTKG, G_REFERENCE

# -- the projection --------------------------------------------------------------------------


@dataclass(frozen=True)
class Source:
    """One article: its named graph, short key ('000'), file name, publication date and IRI."""

    graph: str
    key: str
    file: str
    published: str | None
    iri: str = ""


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
    confidence: float | None = None    # the best article's confidence in it (its weakest part)


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
    links = _read_links(store, _read_confidence(store))
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
    return Projection(dict(sorted(nodes.items())), tuple(sorted(links, key=link_key)), sources, named,
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
            articles[row["g"].value] = (row["label"].value, row["date"].value if row["date"] else None, iri)
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


def _sources(articles: Mapping[str, tuple[str, str | None, str]]) -> dict[str, Source]:
    """Each article graph's Source; keys are the file names' leading numbers when those are
    unique ('000_b0ef….txt' -> '000'), else the file stems."""
    stems = {graph: Path(file).stem for graph, (file, _, _) in articles.items()}
    heads = {graph: stem.split("_", 1)[0] for graph, stem in stems.items()}
    unique = len(set(heads.values())) == len(heads)
    return {graph: Source(graph, heads[graph] if unique else stems[graph], file, published, iri)
            for graph, (file, published, iri) in sorted(articles.items())}


Confidences = Mapping[tuple[str, str, str], float]     # (article graph, one end, other end) -> confidence


def _read_confidence(store: ox.Store) -> Confidences:
    """The lowest confidence of the facts each article states between two nodes, either way round
    (kg/sparql/network-confidence.rq)."""
    found: dict[tuple[str, str, str], float] = {}
    for row in _select(store, "network-confidence"):
        ends = sorted((row["subject"].value, row["object"].value))
        key = (row["g"].value, ends[0], ends[1])
        value = float(row["confidence"].value)
        found[key] = min(value, found.get(key, value))
    return found


def _read_links(store: ox.Store, confidences: Confidences) -> list[Link]:
    graphs: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    vias: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    rows: dict[tuple[str, str, str], list[tuple[str, str | None]]] = defaultdict(list)
    for row in _select(store, "network-links"):
        if not isinstance(row["source"], ox.NamedNode) or not isinstance(row["target"], ox.NamedNode):
            continue
        key = (row["source"].value, row["relation"].value, row["target"].value)
        if key[0] == key[2]:
            continue
        graphs[key].add(row["g"].value)
        via = row["via"].value if row["via"] is not None else None
        rows[key].append((row["g"].value, via))
        if via:
            vias[key].add(via)
    return [Link(s, r, t, frozenset(g), tuple(sorted(vias.get((s, r, t), ()))),
                 _link_confidence(s, t, rows[(s, r, t)], confidences))
            for (s, r, t), g in graphs.items()]


def _link_confidence(source: str, target: str, rows: Iterable[tuple[str, str | None]],
                     confidences: Confidences) -> float | None:
    """The best, over the articles stating a link, of the confidence of its weakest part (a
    relation read through a post or a delegation is two facts); None where no article's facts
    carry a confidence (reference data)."""
    best = None
    for graph, via in rows:
        pairs = [(source, via), (via, target)] if via else [(source, target)]
        values = [confidences.get((graph, *sorted(pair))) for pair in pairs]
        known = [v for v in values if v is not None]
        if known:
            weakest = min(known)
            best = weakest if best is None else max(best, weakest)
    return best


def _kept(link: Link, nodes: Mapping[str, Node]) -> bool:
    """Reference facts only join actors that some article names."""
    if str(G_REFERENCE) in link.graphs and not any(g.startswith(ARTICLE_GRAPH_PREFIX) for g in link.graphs):
        return link.source in nodes and link.target in nodes
    return True


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


def link_key(link: Link) -> tuple:
    return (link.source, link.relation, link.target)


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
