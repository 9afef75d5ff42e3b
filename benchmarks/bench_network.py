"""How long the network projection and betweenness take on 100k and 1M triples.

    python -m benchmarks.bench_network                      # 100k and 1M triples
    python -m benchmarks.bench_network --sizes 100000 --base 60

Building articles is slow (per-article SHACL validation), so the benchmark builds `--base`
generated articles once, then makes each store of the wanted size by copying the base store's
article graphs under new graph names, with bulk_extend. Both are kept under
benchmarks/out/network/ for later runs; delete that folder to start afresh. Each copy renames
its people, posts, events, documents, articles and facts (`…-r3`), and keeps the states,
agencies, groups, places and topics, so that a larger store has more people and events around
the same states and groups, as a larger corpus would.

Prints one row per size: quads in the store, articles, actors and edges of the actor graph, and
the seconds taken by the two SPARQL passes (load_projection), by building the actor graph, and
by betweenness centrality as `kg network central --by betweenness` runs it (sampled from
kg.network.BETWEENNESS_SAMPLE sources above that many actors; --exact adds the exact figure).
Not part of the test suite.
"""
from __future__ import annotations

import argparse
import shutil
import sys
import time
from pathlib import Path

import networkx as nx
import pyoxigraph as ox

from benchmarks.generate_corpus import generate
from kg import network as net
from kg.loader import build
from kg.store import open_store
from kg.vocab import ARTICLE_GRAPH_PREFIX, base_iri

ROOT = Path(__file__).resolve().parent
RENAMED = ("person/", "post/", "event/", "document/", "article/", "fact/")


def base_store(work: Path, count: int, seed: int) -> Path:
    """The store of `count` generated articles, built once and reused."""
    folder = work / f"base-{count}-{seed}"
    store_dir, done = folder / "store", folder / "built"
    if done.exists():
        return store_dir
    if folder.exists():
        shutil.rmtree(folder)
    paths = generate(folder / "articles", count, seed)
    started = time.perf_counter()
    summary = build(paths, store_dir)
    print(f"built {summary.count('loaded')} of {count} articles in {time.perf_counter() - started:.0f} s "
          f"({summary.count('quarantined')} kept aside)", file=sys.stderr)
    done.write_text("ok\n", encoding="utf-8")
    return store_dir


def _renamer(copy: int):
    """A function that renames the per-article individuals of copy number `copy` (0: unchanged)."""
    base = base_iri()
    prefixes = tuple(base + p for p in RENAMED)

    def rename(term):
        if copy and isinstance(term, ox.NamedNode):
            value = term.value
            if value.startswith(prefixes):
                return ox.NamedNode(f"{value}-r{copy}")
            if value.startswith(ARTICLE_GRAPH_PREFIX):
                return ox.NamedNode(f"{value}-r{copy}")
        return term

    return rename


def replicate(base: Path, target: Path, quads_wanted: int) -> tuple[int, int]:
    """Fill `target` with the base store's shared graphs, then copies of its article graphs
    until it holds at least `quads_wanted` quads. Returns (quads, article graphs)."""
    marker = target.with_name(target.name + ".done")
    if target.exists() and marker.exists():
        quads, graphs = marker.read_text(encoding="utf-8").split()
        return int(quads), int(graphs)
    if target.exists():
        shutil.rmtree(target)
    source = ox.Store.read_only(str(base))
    shared, articles = [], {}
    for quad in source:
        graph = quad.graph_name
        if isinstance(graph, ox.NamedNode) and graph.value.startswith(ARTICLE_GRAPH_PREFIX):
            articles.setdefault(graph.value, []).append(quad)
        elif isinstance(graph, ox.NamedNode) and "/graph/quarantine/" not in graph.value:
            shared.append(quad)
    store = ox.Store(str(target))
    store.bulk_extend(shared)
    total, graphs, copy = len(shared), 0, 0
    while total < quads_wanted:
        rename = _renamer(copy)
        for name in sorted(articles):
            if total >= quads_wanted:
                break
            store.bulk_extend([ox.Quad(rename(q.subject), q.predicate, rename(q.object), rename(q.graph_name))
                               for q in articles[name]])
            total += len(articles[name])
            graphs += 1
        copy += 1
    store.flush()
    del store
    marker.write_text(f"{total} {graphs}\n", encoding="utf-8")
    return total, graphs


def measure(folder: Path, exact: bool) -> dict:
    store = open_store(folder, read_only=True)
    started = time.perf_counter()
    projection = net.load_projection(store)
    projected = time.perf_counter() - started
    started = time.perf_counter()
    actors = net.actor_graph(projection)
    graph_s = time.perf_counter() - started
    started = time.perf_counter()
    net.centrality(actors, "betweenness")
    betweenness_s = time.perf_counter() - started
    row = {"quads": len(store), "articles": len(projection.sources), "actors": actors.number_of_nodes(),
           "edges": actors.number_of_edges(), "projection_s": projected, "actor_graph_s": graph_s,
           "betweenness_s": betweenness_s,
           "sampled": actors.number_of_nodes() > net.BETWEENNESS_SAMPLE}
    if exact:
        started = time.perf_counter()
        nx.betweenness_centrality(actors)
        row["exact_betweenness_s"] = time.perf_counter() - started
    return row


def print_table(rows: list[dict], exact: bool) -> None:
    header = ["quads", "articles", "actors", "edges", "projection s", "actor graph s", "betweenness s"]
    if exact:
        header.append("exact betweenness s")
    print(" | ".join(header))
    print(" | ".join("---" for _ in header))
    for r in rows:
        cells = [f"{r['quads']:,}", f"{r['articles']:,}", f"{r['actors']:,}", f"{r['edges']:,}",
                 f"{r['projection_s']:.2f}", f"{r['actor_graph_s']:.2f}",
                 f"{r['betweenness_s']:.2f}" + (f" (k={net.BETWEENNESS_SAMPLE})" if r["sampled"] else "")]
        if exact:
            cells.append(f"{r['exact_betweenness_s']:.2f}")
        print(" | ".join(cells))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000], help="quads per store")
    parser.add_argument("--base", type=int, default=120, help="generated articles to build once")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--work", type=Path, default=ROOT / "out" / "network", help="where stores are kept")
    parser.add_argument("--exact", action="store_true", help="also time exact betweenness (slow on 1M)")
    args = parser.parse_args(argv)
    args.work.mkdir(parents=True, exist_ok=True)
    base = base_store(args.work, args.base, args.seed)
    rows = []
    for size in args.sizes:
        target = args.work / f"store-{size}"
        started = time.perf_counter()
        quads, graphs = replicate(base, target, size)
        print(f"{size:,}: {quads:,} quads in {graphs:,} article graphs, written in "
              f"{time.perf_counter() - started:.1f} s", file=sys.stderr)
        rows.append(measure(target, args.exact))
    print_table(rows, args.exact)
    return 0


if __name__ == "__main__":
    sys.exit(main())
