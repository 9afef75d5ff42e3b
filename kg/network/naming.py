"""From a name a user types to the node of a graph."""
from __future__ import annotations

import json

import networkx as nx
import pyoxigraph as ox

from kg.entities import name_key
from kg.errors import AmbiguousName, NotInNetwork, UnknownEntity
from kg.network.projection import Projection
from kg.query import resolve_label
from kg.query.labels import candidates

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
    # The name's own entity takes part in no relation: a longer name that holds it may ("Pathankot",
    # the town, and the 2016 Pathankot attack). One such entity answers; several are listed.
    named = candidates(store, text)
    others = [c for c in named if c.iri in members and c.iri not in found]
    if len(others) == 1:
        return others[0].iri
    label = projection.label(found[0])
    if others:
        listed = "\n".join(f"  {c}" for c in named if c.iri in found or c in others)
        raise AmbiguousName(
            f"'{text}' ({label}) is in no relation of the network, and other entities in it have that name in "
            f"theirs:\n{listed}\nName the one you mean in full, e.g. " + json.dumps(others[0].label))
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

