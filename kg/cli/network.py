"""`kg network` (relationship questions) and `kg plot` (briefing figures)."""
from __future__ import annotations

import json
import sys

import click
from rich.table import Table
from rich.text import Text

from kg import network as net
from kg.cli.app import main, reports_errors, stderr, stdout, store_option
from kg.store import open_store

table_or_json = click.option(
    "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True,
    help="Print a table, or JSON for other programs.",
)
kind_option = click.option(
    "--kind", "kinds", multiple=True, type=click.Choice(net.ACTOR_KINDS),
    help="Only actors of this kind (repeat for several).",
)


def _load(store: str):
    handle = open_store(store, read_only=True)
    return handle, net.load_projection(handle)


def _emit_json(data) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=1))


# -- kg network ------------------------------------------------------------------------------


@main.group()
def network() -> None:
    """Ask how actors are related: paths, centrality, communities, ego networks, export.

    \b
    Example:
      kg network path "Tahawwur Rana" "Lashkar-e-Taiba"
      kg network central --by betweenness --top 10
    """


@network.command()
@click.argument("a")
@click.argument("b")
@click.option("--all", "all_paths", is_flag=True, help="Every path up to --max-hops, not only the best few.")
@click.option("--max-hops", type=click.IntRange(min=1, max=8), default=None,
              help="Longest path to show, in relations [default: one more than the shortest].")
@store_option
@table_or_json
@reports_errors
def path(a, b, all_paths, max_hops, store, fmt) -> None:
    """How two actors (or events) are connected, each step in words with its sources.

    A and B are any label, alias or IRI. The shortest paths come first, then the other short
    ones; sources are the articles' numbers (the start of their file names).

    \b
    Example:
      kg network path "Tahawwur Rana" LeT
      kg network path Pakistan "Pathankot attack" --all --max-hops 3
    """
    handle, projection = _load(store)
    graph = net.fact_graph(projection)
    start, end = net.resolve(handle, projection, a, graph), net.resolve(handle, projection, b, graph)
    paths = net.find_paths(graph, projection, start, end, max_hops=max_hops, all_paths=all_paths)
    if fmt == "json":
        _emit_json(_paths_json(projection, start, end, paths))
    else:
        _print_paths(projection, paths)
    if not paths:
        stderr.print(f"No path between {projection.label(start)} and {projection.label(end)}"
                     + (f" within {max_hops} relations." if max_hops else ".") + " Try a larger --max-hops.",
                     highlight=False)
        sys.exit(1)


def _print_paths(projection, paths) -> None:
    for number, found in enumerate(paths, 1):
        stdout.print(Text(f"{number}. {net.path_text(found, projection)}", style="bold"))
        table = Table(show_header=True, header_style="dim", box=None, pad_edge=False, padding=(0, 2, 0, 3))
        for column in ("from", "relation", "to", "sources"):
            table.add_column(column)
        for hop in found.hops:
            relation = hop.phrase + (f" ({hop.detail})" if hop.detail else "")
            table.add_row(Text(projection.label(hop.source)), Text(relation), Text(projection.label(hop.target)),
                          Text(", ".join(hop.sources)))
        stdout.print(table)
    if paths:
        files = sorted({s.file for s in projection.sources.values() if any(s.key in p.sources for p in paths)})
        stdout.print(Text("Sources: " + ", ".join(files), style="dim"))


def _paths_json(projection, start, end, paths) -> dict:
    files = {s.key: s.file for s in projection.sources.values()}
    return {
        "from": {"iri": start, "label": projection.label(start)},
        "to": {"iri": end, "label": projection.label(end)},
        "paths": [{
            "text": net.path_text(found, projection),
            "length": len(found.hops),
            "sources": list(found.sources),
            "hops": [{
                "from": {"iri": hop.source, "label": projection.label(hop.source)},
                "relation": hop.phrase,
                "detail": hop.detail or None,
                "to": {"iri": hop.target, "label": projection.label(hop.target)},
                "sources": [{"key": key, "file": files.get(key)} for key in hop.sources],
            } for hop in found.hops],
        } for found in paths],
    }


@network.command()
@click.option("--by", type=click.Choice(net.MEASURES), default="pagerank", show_default=True,
              help="Centrality measure.")
@kind_option
@click.option("--top", type=click.IntRange(min=1), default=20, show_default=True, help="How many actors to list.")
@store_option
@table_or_json
@reports_errors
def central(by, kinds, top, store, fmt) -> None:
    """The most central actors of the actor graph.

    PageRank and eigenvector centrality weigh each relation by its number of supporting
    articles; degree counts related actors; betweenness counts shortest paths through an actor.

    \b
    Example:
      kg network central --by betweenness --kind person --top 10
    """
    _, projection = _load(store)
    ranked = net.rank_actors(net.actor_graph(projection), by, kinds, top)
    if fmt == "json":
        _emit_json([{"rank": i, "iri": r.iri, "label": r.label, "kind": r.kind, by: r.score,
                     "related_actors": r.degree, "articles": r.mentions} for i, r in enumerate(ranked, 1)])
        return
    table = Table(title=f"Actors by {by}", title_justify="left")
    for column in ("rank", "actor", "kind", by, "related actors", "articles"):
        table.add_column(column, justify="right" if column in ("rank", by, "related actors", "articles") else "left")
    for i, r in enumerate(ranked, 1):
        table.add_row(str(i), Text(r.label), r.kind, f"{r.score:.4f}", str(r.degree), str(r.mentions))
    stdout.print(table)


@network.command()
@click.option("--resolution", type=click.FloatRange(min=0.01), default=1.0, show_default=True,
              help="Louvain resolution: above 1 gives more, smaller communities.")
@store_option
@table_or_json
@reports_errors
def communities(resolution, store, fmt) -> None:
    """Clusters of actors that relate to each other more than to the rest (Louvain).

    Members are listed most central first; actors without any relation are left out.

    \b
    Example:
      kg network communities --format json
    """
    _, projection = _load(store)
    found = net.find_communities(net.actor_graph(projection), resolution)
    if fmt == "json":
        _emit_json([{"community": c.number, "size": len(c),
                     "members": [{"iri": m, "label": projection.label(m), "kind": projection.nodes[m].kind}
                                 for m in c.members]} for c in found])
        return
    table = Table(title="Communities of actors (Louvain)", title_justify="left", show_lines=True)
    for column in ("#", "size", "members, most central first"):
        table.add_column(column)
    for c in found:
        table.add_row(str(c.number), str(len(c)), Text(", ".join(projection.label(m) for m in c.members)))
    stdout.print(table)


@network.command()
@click.argument("name")
@click.option("--radius", type=click.IntRange(min=1, max=4), default=1, show_default=True,
              help="How many relations away to look.")
@store_option
@table_or_json
@reports_errors
def ego(name, radius, store, fmt) -> None:
    """The actors within a few relations of one actor, and how each is related.

    \b
    Example:
      kg network ego Pakistan
      kg network ego "Ajay Bhalla" --radius 2
    """
    handle, projection = _load(store)
    graph = net.actor_graph(projection)
    centre = net.resolve(handle, projection, name, graph)
    rows = _ego_rows(graph, projection, centre, radius)
    if fmt == "json":
        _emit_json({"centre": {"iri": centre, "label": projection.label(centre)}, "radius": radius,
                    "actors": rows})
        return
    table = Table(title=f"Within {radius} relation{'s' if radius > 1 else ''} of {projection.label(centre)}",
                  title_justify="left")
    for column in ("actor", "kind", "hops", "how related", "articles", "sources"):
        table.add_column(column)
    for row in rows:
        table.add_row(Text(row["label"]), row["kind"], str(row["hops"]), Text(row["relation"]),
                      str(row["weight"]), ", ".join(row["sources"]))
    stdout.print(table)


def _ego_rows(graph, projection, centre, radius) -> list[dict]:
    """One row per actor around `centre`: how it is related to the actor one step nearer."""
    ego_graph = net.ego_network(graph, centre, radius)
    rows = []
    for node in sorted(ego_graph, key=lambda n: (ego_graph.nodes[n]["hops"], projection.label(n).casefold())):
        hops = ego_graph.nodes[node]["hops"]
        if hops == 0:
            continue
        nearer = min((p for p in ego_graph.neighbors(node) if ego_graph.nodes[p]["hops"] == hops - 1),
                     key=lambda p: (-ego_graph.edges[p, node]["weight"], p))
        data = ego_graph.edges[nearer, node]
        words = net.relation_words(data, nearer, projection)
        relation = words if hops == 1 else f"via {projection.label(nearer)}: {words}"
        rows.append({"iri": node, "label": projection.label(node), "kind": projection.nodes[node].kind,
                     "hops": hops, "relation": relation, "weight": data["weight"], "sources": data["sources"]})
    return rows


@network.command()
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--graph", "which", type=click.Choice(["actors", "facts", "bipartite", "projection"]),
              default="actors", show_default=True,
              help="actors: the actor graph; facts: actors and events; bipartite: actor-event; "
                   "projection: the bipartite graph projected onto actors.")
@store_option
@reports_errors
def export(file, which, store) -> None:
    """Write the network for Gephi, Cytoscape, D3, networkx or i2 Analyst's Notebook.

    FILE.graphml, FILE.gexf, FILE.json (networkx node-link) or FILE.anx (an i2 chart). Edges
    run the way their relation reads ("extradited by", "called on"); each carries its weight
    (supporting articles), link strength (confirmed, probable, unconfirmed), date (GEXF: the
    start Gephi's timeline reads), relations, shared events, and sources as article file names
    and IRIs. Nodes carry their label, kind and date.

    \b
    Example:
      kg network export actors.graphml
      kg network export network.json --graph facts
      kg network export chart.anx
    """
    _, projection = _load(store)
    graph = {"actors": net.actor_graph, "facts": net.fact_graph, "bipartite": net.bipartite_graph}.get(which)
    built = graph(projection) if graph else net.project_actors(net.bipartite_graph(projection), projection)
    written = net.export_graph(built, file, projection)
    links = net.directed_graph(built, projection).number_of_edges()      # as written: one per direction
    stderr.print(f"Wrote {built.number_of_nodes()} nodes and {links} links to {written} "
                 f"({net.EXPORT_FORMATS[written.suffix.lower()]}).", highlight=False)


# -- kg plot ---------------------------------------------------------------------------------


def output_option(default: str):
    return click.option("-o", "--output", type=click.Path(dir_okay=False), default=default, show_default=True,
                        help="The image to write: .png, .svg or .pdf.")


def _save(figure, output: str) -> None:
    from kg.plot import save_figure

    written = save_figure(figure, output)
    stderr.print(f"Wrote {written}.", highlight=False)


@main.group()
def plot() -> None:
    """Draw briefing figures of the graph: PNG, SVG or PDF, by the file's extension.

    \b
    Example:
      kg plot network -o network.png
      kg plot timeline --actor Pakistan -o pakistan.svg
    """


@plot.command("network")
@kind_option
@click.option("--top", type=click.IntRange(min=2), default=40, show_default=True,
              help="Draw this many of the most central actors.")
@output_option("network.png")
@store_option
@reports_errors
def plot_network(kinds, top, output, store) -> None:
    """The actor network: who is related to whom, sized by centrality.

    \b
    Example:
      kg plot network --kind state --kind group -o states-and-groups.png
    """
    from kg.plot import network_figure

    _, projection = _load(store)
    _save(network_figure(projection, kinds=kinds, top=top), output)


@plot.command("ego")
@click.argument("name")
@click.option("--radius", type=click.IntRange(min=1, max=3), default=1, show_default=True,
              help="How many relations away to draw.")
@output_option("ego.png")
@store_option
@reports_errors
def plot_ego(name, radius, output, store) -> None:
    """One actor and the actors around it.

    \b
    Example:
      kg plot ego Pakistan -o pakistan.png
    """
    from kg.plot import ego_figure

    handle, projection = _load(store)
    graph = net.actor_graph(projection)
    _save(ego_figure(projection, net.resolve(handle, projection, name, graph), radius=radius, graph=graph), output)


@plot.command("path")
@click.argument("a")
@click.argument("b")
@click.option("--max-hops", type=click.IntRange(min=1, max=8), default=None,
              help="Longest path to draw [default: one more than the shortest].")
@output_option("path.png")
@store_option
@reports_errors
def plot_path(a, b, max_hops, output, store) -> None:
    """How two actors (or events) are connected, hop by hop, with sources.

    \b
    Example:
      kg plot path "Tahawwur Rana" "Lashkar-e-Taiba" -o rana-let.png
    """
    from kg.plot import path_figure

    handle, projection = _load(store)
    graph = net.fact_graph(projection)
    start, end = net.resolve(handle, projection, a, graph), net.resolve(handle, projection, b, graph)
    paths = net.find_paths(graph, projection, start, end, max_hops=max_hops)
    _save(path_figure(projection, paths, start, end), output)


@plot.command("timeline")
@click.option("--actor", default=None, help="Only the events of this actor (any label or alias).")
@click.option("--top", type=click.IntRange(min=1), default=30, show_default=True,
              help="At most this many events (the most reported).")
@output_option("timeline.png")
@store_option
@reports_errors
def plot_timeline(actor, top, output, store) -> None:
    """Events on a time axis, coloured by kind.

    \b
    Example:
      kg plot timeline -o timeline.png
      kg plot timeline --actor Pakistan -o pakistan-timeline.pdf
    """
    from kg.plot import timeline_figure

    handle, projection = _load(store)
    iri = net.resolve(handle, projection, actor, net.fact_graph(projection)) if actor else None
    _save(timeline_figure(projection, actor=iri, top=top), output)


@plot.command("groups")
@click.option("--top", type=click.IntRange(min=1), default=15, show_default=True,
              help="At most this many groups (the most named).")
@output_option("groups.png")
@store_option
@reports_errors
def plot_groups(top, output, store) -> None:
    """How many articles name each terrorist group, by year.

    \b
    Example:
      kg plot groups -o groups.png
    """
    from kg.plot import groups_figure

    _, projection = _load(store)
    _save(groups_figure(projection, top=top), output)
