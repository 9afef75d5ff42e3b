"""The store as NetworkX graphs, and the relationship questions analysts ask of them.

One module per responsibility, data flowing down the list:
  kinds        the kinds of node and relation (how each reads, whether it has a direction)
  projection   the store read in two SPARQL passes into a Projection (nodes, links, sources)
  graphs       fact_graph, actor_graph, bipartite_graph, project_actors
  naming       resolve: the node a name a user types stands for
  paths        find_paths, path_text: how two nodes are connected
  pagerank     weighted PageRank without SciPy
  ranking      centrality, rank_actors, find_communities, ego_network
  strength     link strength (confirmed / probable / unconfirmed) of a relation
  export       GraphML, GEXF and node-link JSON for Gephi, Cytoscape, D3 and networkx
  anx          the i2 Analyst's Notebook chart (.anx) and its import CSV
Everything public is importable from `kg.network` itself, as callers did before the split.
"""
from kg.errors import UnsupportedFormat
from kg.network.export import EXPORT_FORMATS, directed_graph, export_graph
from kg.network.graphs import (
    actor_graph,
    bipartite_graph,
    edge_family,
    fact_graph,
    link_graphs,
    project_actors,
    relation_order,
    relation_words,
)
from kg.network.kinds import (
    ACTOR_KINDS,
    CLASS_KIND,
    CLASS_KINDS,
    CLASS_RANK,
    EVENT_KINDS,
    FAMILY_ORDER,
    KINDS,
    MAX_PATHS_SEARCHED,
    REFERENCE_SOURCE,
    RELATIONS,
    SEED,
    Kind,
    Relation,
)
from kg.network.naming import resolve
from kg.network.pagerank import pagerank
from kg.network.paths import Connection, Hop, describe_path, find_paths, path_text
from kg.network.projection import Link, Node, Projection, Source, load_projection, sources_note
from kg.network.ranking import (
    BETWEENNESS_SAMPLE,
    MEASURES,
    Community,
    Ranked,
    centrality,
    ego_network,
    find_communities,
    rank_actors,
)
from kg.network.strength import STRENGTHS, link_strength

__all__ = [
    "ACTOR_KINDS", "BETWEENNESS_SAMPLE", "CLASS_KIND", "CLASS_KINDS", "CLASS_RANK", "Community", "Connection",
    "EVENT_KINDS", "EXPORT_FORMATS", "FAMILY_ORDER", "Hop", "KINDS", "Kind", "Link", "MAX_PATHS_SEARCHED",
    "MEASURES", "Node", "Projection", "REFERENCE_SOURCE", "RELATIONS", "Ranked", "Relation", "SEED", "STRENGTHS",
    "Source", "UnsupportedFormat", "actor_graph", "bipartite_graph", "centrality", "describe_path",
    "directed_graph", "edge_family", "ego_network", "export_graph", "fact_graph", "find_communities",
    "find_paths", "link_graphs", "link_strength", "load_projection", "pagerank", "path_text", "project_actors",
    "rank_actors", "relation_order", "relation_words", "resolve", "sources_note",
]
