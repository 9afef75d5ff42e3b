"""Export and import throughput for a million triples, embedded and in an Oxigraph server.

    python -m benchmarks.bench_linked_data --triples 1000000
    python -m benchmarks.bench_linked_data --reuse-store --steps export   # exports only, same store

Run it from the repository root; it is not run by the tests. It builds the seeds with the
loader, then makes a store of about --triples quads by copying the seeds' article graphs under
new names (each copy's article, sentence and graph IRIs get a '-cN' suffix, its facts new hashes; the actors
stay shared, as in a real corpus), beside one copy of the ontology and reference graphs. Then:

1. kg export of that store in each --formats format (N-Quads, TriG, JSON-LD of every graph;
   Turtle, N-Triples, RDF/XML of the article graphs);
2. kg import of the N-Quads export into a new store (every article graph validated);
3. the same import into a fresh Oxigraph server on a free loopback port, then kg export
   from the server in each format.

Each step runs in a process of its own, so that its peak resident memory (VmHWM) is its
own. Results go to stdout as a Markdown table and to --out/results.json; progress to stderr.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FORMATS = ("nquads", "trig", "jsonld", "turtle", "ntriples", "xml")
SUFFIX = {"turtle": "ttl", "ntriples": "nt", "nquads": "nq", "trig": "trig", "jsonld": "jsonld", "xml": "rdf"}


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


# -- the data ------------------------------------------------------------------------------------


def make_store(folder: Path, triples: int) -> int:
    """A store of about `triples` quads made from the seeds' graphs; returns its size."""
    import pyoxigraph as ox

    from kg.loader import build
    from kg.vocab import ARTICLE_GRAPH_PREFIX

    seeds = folder.with_name(folder.name + "-seeds")
    if not seeds.exists():
        summary = build([ROOT / "seeds"], seeds)
        if not summary.ok:
            raise SystemExit(f"the seeds did not build: {[str(e) for e in summary.errors]}")
    source = ox.Store.read_only(str(seeds))
    base_quads = [q for q in source if not q.graph_name.value.startswith(ARTICLE_GRAPH_PREFIX)]
    articles = [q for q in source if q.graph_name.value.startswith(ARTICLE_GRAPH_PREFIX)]
    stems = sorted({q.graph_name.value[len(ARTICLE_GRAPH_PREFIX):] for q in articles})
    copies = max(1, -(-(triples - len(base_quads)) // len(articles)))
    shutil.rmtree(folder, ignore_errors=True)
    store = ox.Store(str(folder))

    def renamed(term, n: int):
        if not isinstance(term, ox.NamedNode):
            return term
        value = term.value
        if "/fact/" in value:   # fact IRIs are fact/<sha1>: a new sha1 for the copy
            head, _, digest = value.rpartition("/")
            return ox.NamedNode(f"{head}/{hashlib.sha1(f'{digest}-c{n}'.encode()).hexdigest()}")
        for stem in stems:
            if stem in value:
                return ox.NamedNode(value.replace(stem, f"{stem}-c{n}"))
        return term

    def quads():
        yield from base_quads
        for n in range(copies):
            for q in articles:
                yield ox.Quad(renamed(q.subject, n), q.predicate, renamed(q.object, n), renamed(q.graph_name, n))

    store.bulk_extend(quads())
    store.flush()
    size = len(store)
    del store
    return size


# -- one step, in a process of its own ---------------------------------------------------------------


def child(arguments: list[str]) -> dict:
    """Run one step (export or import) and return its figures, with this process's peak memory."""
    step, store, fmt, path = arguments
    started = time.perf_counter()
    if step == "export":
        from kg.export import FORMATS as RDF_FORMATS, export
        from kg.store import open_store

        selection = "all" if RDF_FORMATS[fmt].supports_datasets else "facts"
        summary = export(open_store(store, read_only=True), path, fmt, selection)
        figures = {"triples": summary.quads, "graphs": summary.graphs, "selection": selection,
                   "file_mb": round(Path(path).stat().st_size / 2**20, 1)}
    else:
        from kg.importer import import_file
        from kg.store import open_store

        summary = import_file(open_store(store), path, fmt)
        figures = {"triples": summary.triples, "graphs": len(summary.outcomes),
                   "status": {s: summary.count(s) for s in ("loaded", "restored", "kept aside")}}
    seconds = time.perf_counter() - started
    figures.update(seconds=round(seconds, 2), triples_per_s=round(figures["triples"] / seconds),
                   peak_rss_mb=peak_rss_mb())
    return figures


def peak_rss_mb() -> int:
    """This process's peak resident memory. VmHWM, not ru_maxrss: after fork and exec, Linux's
    ru_maxrss still counts the parent's memory at the fork."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return round(int(line.split()[1]) / 1024)
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)


def run_step(step: str, store: str, fmt: str, path: Path) -> dict:
    command = [sys.executable, "-m", "benchmarks.bench_linked_data", "--child", step, store, fmt, str(path)]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"{step} {fmt} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


# -- the benchmark --------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--triples", type=int, default=1_000_000, help="size of the store (default 1000000)")
    parser.add_argument("--formats", default=",".join(FORMATS), help="export formats (default: all six)")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "out" / "linked-data",
                        help="working folder (default benchmarks/out/linked-data)")
    parser.add_argument("--steps", default="export,import,remote",
                        help="which steps: export, import (embedded), remote (default: all three)")
    parser.add_argument("--reuse-store", action="store_true", help="keep the store made by an earlier run")
    parser.add_argument("--child", nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child)))
        return
    formats = [f for f in args.formats.split(",") if f]
    steps = set(args.steps.split(","))
    out = args.out
    out.mkdir(parents=True, exist_ok=True)
    rows: list[dict] = []
    embedded = out / "embedded"
    if args.reuse_store and embedded.exists():
        import pyoxigraph as ox

        size = len(ox.Store.read_only(str(embedded)))
    else:
        log(f"making a store of about {args.triples:,} triples from the seeds")
        size = make_store(embedded, args.triples)
    log(f"store: {size:,} quads in {embedded}")
    if "export" in steps:
        rows += measure_exports("embedded", str(embedded), formats, out / "export-embedded")
    dump = out / "export-embedded" / "bench.nq"
    if ("import" in steps or "remote" in steps) and not dump.exists():
        rows += measure_exports("embedded", str(embedded), ["nquads"], out / "export-embedded")
    if "import" in steps:
        copy = out / "imported"
        shutil.rmtree(copy, ignore_errors=True)
        log("kg import of the N-Quads export into a new embedded store")
        rows.append({"store": "embedded", "step": "import", "format": "nquads",
                     **run_step("import", str(copy), "nquads", dump)})
        log(f"  {rows[-1]}")
    if "remote" in steps:
        rows += measure_remote(out, dump, formats)
    print_table(size, rows)
    (out / "results.json").write_text(json.dumps({"store_quads": size, "rows": rows}, indent=1), encoding="utf-8")


def measure_exports(where: str, store: str, formats: list[str], folder: Path) -> list[dict]:
    folder.mkdir(parents=True, exist_ok=True)
    rows = []
    for fmt in formats:
        log(f"kg export --format {fmt} from the {where} store")
        figures = run_step("export", store, fmt, folder / f"bench.{SUFFIX[fmt]}")
        rows.append({"store": where, "step": "export", "format": fmt, **figures})
        log(f"  {figures}")
    return rows


def measure_remote(out: Path, dump: Path, formats: list[str]) -> list[dict]:
    from kg.remote import LocalOxigraph

    location = out / "server-db"
    shutil.rmtree(location, ignore_errors=True)
    with LocalOxigraph(location) as server:
        log(f"kg import of the N-Quads export into the Oxigraph server at {server.url}")
        rows = [{"store": "remote", "step": "import", "format": "nquads",
                 **run_step("import", server.url, "nquads", dump)}]
        log(f"  {rows[-1]}")
        rows += measure_exports("remote", server.url, formats, out / "export-remote")
    shutil.rmtree(location, ignore_errors=True)
    return rows


def print_table(size: int, rows: list[dict]) -> None:
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"\nStore: {size:,} quads (the seeds' article graphs copied under new names, plus the ontology "
          f"and reference graphs). Machine: {os.cpu_count()} cores; load average at the end {load}.\n")
    print("| store | step | format | triples | seconds | triples/s | peak RSS MB |")
    print("| --- | --- | --- | ---: | ---: | ---: | ---: |")
    for r in rows:
        print(f"| {r['store']} | {r['step']} | {r['format']} | {r['triples']:,} | {r['seconds']} | "
              f"{r['triples_per_s']:,} | {r['peak_rss_mb']} |")


if __name__ == "__main__":
    main()
