"""Measure what ctkg costs, beside the naive way, and print the figures as a table (issue 7).

    python -m benchmarks.bench --articles 1000 --sizes 10000,100000,1000000

Writes the results as JSON to --out (default benchmarks/out/bench.json) and prints Markdown
tables to stdout; progress goes to stderr. Run it from the repository root. Each stage runs in
a process of its own, so that each peak resident memory (ru_maxrss) is that stage's alone:

1. corpus          generate_corpus.generate: the articles, plus a few held out for later;
2. extract         read_article + extract_article (no store) in one process, then --workers;
3. build           kg.loader.build of the first N articles into a new store, end to end, with
                   the time of each stage of load_article summed on the way;
4. baseline-build  the naive way on the first few articles: an rdflib Graph in memory and
                   pySHACL over the whole graph after each article; extrapolated to N;
5. per store size  make-store: a store of that many quads, from the built store's article
                   graphs in corpus order, replicated under new names when it has too few;
                   baseline-query: rdflib's SPARQL engine over the same quads in memory;
                   query: every named query (p50/p95), adding held-out articles with the
                   real load_article, dump and bulk load throughput, and kg/network.py and
                   kg/export.py when they exist.

The machine may be shared: the load average is recorded before and after every stage.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import math
import os
import platform
import re
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Callable

from kg.errors import KgError

ROOT = Path(__file__).resolve().parent.parent
ACTOR = "India"                 # the value of the queries' required parameters
RDFLIB_TIMEOUT_S = 60.0         # one rdflib query run is stopped after this long
BATCH_QUADS = 250_000           # quads per bulk load when making a store of a given size


class BenchError(KgError):
    """A benchmark that cannot run as asked."""


class LoaderCrash(KgError):
    """The loader raised something other than a KgError on one article: the harness records the
    article as failed and goes on, as kg build does for an article it cannot read."""

    exit_code = 1


def _tolerant(function: Callable) -> Callable:
    """`function`, with any exception but a KgError turned into a LoaderCrash naming the file."""

    def call(*args, **kwargs):
        try:
            return function(*args, **kwargs)
        except KgError:
            raise
        except Exception as error:  # noqa: BLE001 - a crash on one article is a result to report
            path = next((a for a in args if isinstance(a, (str, Path))), "?")
            raise LoaderCrash(f"{Path(path).name}: the loader crashed with {type(error).__name__}: {error}") from error

    return call


@dataclass(frozen=True)
class Settings:
    """What to measure; see main() for the command-line options."""

    articles: tuple[int, ...] = (1000,)
    sizes: tuple[int, ...] = (10_000, 100_000, 1_000_000)
    out: Path = Path("benchmarks/out/bench.json")
    workers: int = 2
    extract_sample: int = 500
    baseline_articles: int = 50
    baseline_seconds: float = 600.0
    baseline_max_quads: int = 1_000_000
    import_max_quads: int = 200_000
    repeats: int = 20
    query_budget_s: float = 20.0
    held_out: int = 20
    seed: int = 0
    keep: bool = False
    quick: bool = False

    @property
    def work_dir(self) -> Path:
        return self.out.parent / "work"


QUICK = dict(articles=(5,), sizes=(12_000,), extract_sample=5, baseline_articles=1, baseline_seconds=30.0,
             repeats=2, query_budget_s=2.0, held_out=2, import_max_quads=20_000, quick=True)


# -- running the stages ----------------------------------------------------------------------

def run(settings: Settings, command: str = "") -> dict:
    """Every stage, in order; returns the results (also what --out holds)."""
    results = {"command": command, "machine": machine(), "settings": _settings_json(settings),
               "started": time.strftime("%Y-%m-%d %H:%M:%S %z")}
    corpus = prepare_corpus(settings)
    largest = max(settings.articles)
    held_out = [str(p) for p in corpus[largest:]]
    stage = lambda name, **params: run_stage(name, params, settings.work_dir)  # noqa: E731
    results["extraction"] = stage("extract", paths=[str(p) for p in corpus[:min(settings.extract_sample, largest)]],
                                  workers=settings.workers)
    results["build"] = {}
    for count in sorted(settings.articles):
        results["build"][str(count)] = stage("build", paths=[str(p) for p in corpus[:count]],
                                              store=str(settings.work_dir / f"store-{count}"))
    results["baseline_build"] = stage("baseline-build", paths=[str(p) for p in corpus[:settings.baseline_articles]],
                                      budget_s=settings.baseline_seconds, extrapolate_to=list(settings.articles))
    results["sizes"] = {}
    for size in sorted(settings.sizes):
        results["sizes"][str(size)] = measure_size(settings, size, held_out, stage)
    results["load_average_end"] = os.getloadavg()
    results["targets"] = check_targets(results)
    return results


def measure_size(settings: Settings, size: int, held_out: list[str], stage: Callable) -> dict:
    """A store of `size` quads: how it was made, rdflib on it, then our queries and additions."""
    source = settings.work_dir / f"store-{max(settings.articles)}"
    target = settings.work_dir / f"sized-{size}"
    entry = {"store": stage("make-store", source=str(source), target=str(target), size=size)}
    if size <= settings.baseline_max_quads:
        entry["baseline"] = stage("baseline-query", store=str(target), repeats=min(settings.repeats, 5),
                                  budget_s=settings.query_budget_s)
    entry["ctkg"] = stage("query", store=str(target), held_out=held_out, repeats=settings.repeats,
                          budget_s=settings.query_budget_s, import_max_quads=settings.import_max_quads)
    if not settings.keep:
        shutil.rmtree(target, ignore_errors=True)
    return entry


def run_stage(name: str, params: dict, work_dir: Path) -> dict:
    """Run one stage in a child process (python -m benchmarks.bench --stage ...) and read its result."""
    work_dir.mkdir(parents=True, exist_ok=True)
    params_file, result_file = work_dir / f"{name}.params.json", work_dir / f"{name}.result.json"
    params_file.write_text(json.dumps(params), encoding="utf-8")
    result_file.unlink(missing_ok=True)
    before, started = os.getloadavg(), time.perf_counter()
    _log(f"[{name}] started (load average {before[0]:.2f})")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH")) if p)}
    done = subprocess.run([sys.executable, "-m", "benchmarks.bench", "--stage", name, str(params_file),
                           str(result_file)], cwd=ROOT, env=env, check=False)
    if done.returncode != 0 or not result_file.exists():
        raise BenchError(f"the {name} stage stopped with exit code {done.returncode}; its error is printed above. "
                         f"Fix it and run again (--keep keeps the stores in {work_dir} for a look).")
    result = json.loads(result_file.read_text(encoding="utf-8"))
    result["wall_s"] = time.perf_counter() - started
    result["load_average"] = {"before": before, "after": os.getloadavg()}
    _log(f"[{name}] done in {result['wall_s']:.1f} s, peak RSS {result['peak_rss_mb']:.0f} MB")
    return result


def stage_main(name: str, params_file: Path, result_file: Path) -> int:
    """The child side of run_stage: run the stage, add this process's peak RSS, write the result."""
    params = json.loads(params_file.read_text(encoding="utf-8"))
    result = STAGES[name](params)
    result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result_file.write_text(json.dumps(result, indent=1), encoding="utf-8")
    return 0


def prepare_corpus(settings: Settings) -> list[Path]:
    """The articles: max(--articles) plus the held-out ones, reused from an earlier run when there."""
    from benchmarks.generate_corpus import generate

    count = max(settings.articles) + settings.held_out
    folder = settings.work_dir / f"corpus-seed{settings.seed}-{count}"
    existing = sorted(folder.glob("*.txt")) if folder.is_dir() else []
    if len(existing) == count:
        return existing
    shutil.rmtree(folder, ignore_errors=True)
    started = time.perf_counter()
    paths = generate(folder, count, settings.seed)
    _log(f"[corpus] {count} articles written to {folder} in {time.perf_counter() - started:.1f} s")
    return paths


def machine() -> dict:
    import pyoxigraph
    import pyshacl
    import rdflib

    pages = os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    return {"nproc": os.cpu_count(), "memory_gb": round(pages / 2**30, 1), "python": platform.python_version(),
            "platform": platform.platform(), "cpu": _cpu_name(), "pyoxigraph": pyoxigraph.__version__,
            "rdflib": rdflib.__version__, "pyshacl": pyshacl.__version__, "load_average_start": os.getloadavg(),
            "commit": _head_commit()}


def _head_commit() -> str | None:
    """The commit checked out, read from .git (the tree may hold uncommitted changes too)."""
    try:
        head = (ROOT / ".git" / "HEAD").read_text().strip()
        if not head.startswith("ref: "):
            return head
        ref = head[5:]
        loose = ROOT / ".git" / ref
        if loose.exists():
            return loose.read_text().strip()
        for line in (ROOT / ".git" / "packed-refs").read_text().splitlines():
            if line.endswith(" " + ref):
                return line.split()[0]
    except OSError:
        pass
    return None


def _cpu_name() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor()


# -- stage: extraction -----------------------------------------------------------------------

def stage_extract(params: dict) -> dict:
    """Articles per second through read_article + extract_article (no store), 1 process and N."""
    import multiprocessing

    from kg.reference import reference_index

    paths = params["paths"]
    reference_index()
    _extract_one(paths[0])                      # warm: patterns, index, compiled rules
    started = time.perf_counter()
    sizes = [_extract_one(path) for path in paths]
    one = time.perf_counter() - started
    workers = params["workers"]
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        pool.map(_extract_one, paths[:workers])
        started = time.perf_counter()
        pool.map(_extract_one, paths, chunksize=max(1, len(paths) // (workers * 8)))
        many = time.perf_counter() - started
    extracted = [n for n in sizes if n >= 0]
    return {"articles": len(paths), "crashed": len(paths) - len(extracted),
            "triples_per_article": sum(extracted) / max(1, len(extracted)),
            "one_process": {"seconds": one, "articles_per_s": len(paths) / one},
            "workers": {"n": workers, "seconds": many, "articles_per_s": len(paths) / many}}


def _extract_one(path: str) -> int:
    """The number of triples extracted from one article; -1 when the extractor crashed."""
    from kg.article import read_article
    from kg.loader import extract_article

    try:
        return len(_tolerant(extract_article)(read_article(Path(path))))
    except KgError:
        return -1


# -- stage: build ----------------------------------------------------------------------------

class _Clock:
    """Sums the time spent in functions of the loader while the real build runs.

    The functions are wrapped in place on their modules (load_article finds them there at call
    time) and put back by restore(); a name the loader no longer has is listed in `missing`."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)
        self.missing: list[str] = []
        self._originals: list[tuple] = []

    def wrap(self, module, name: str, bucket: str) -> None:
        original = getattr(module, name, None)
        if original is None:
            self.missing.append(f"{module.__name__}.{name}")
            return

        def timed(*args, **kwargs):
            started = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                self.seconds[bucket] += time.perf_counter() - started

        setattr(module, name, timed)
        self._originals.append((module, name, original))

    def restore(self) -> None:
        for module, name, original in self._originals:
            setattr(module, name, original)


def stage_build(params: dict) -> dict:
    """kg.loader.build of the given articles into a new store, timed as a whole and by stage."""
    from kg import loader
    from kg import store as kgstore

    paths, folder = [Path(p) for p in params["paths"]], Path(params["store"])
    shutil.rmtree(folder, ignore_errors=True)
    clock = _Clock()
    for module, name, bucket in ((loader, "read_article", "read"), (loader, "extract_article", "extract"),
                                 (loader, "resolve_article", "resolve"), (kgstore, "stored_hash", "hash_check"),
                                 (kgstore, "describe_triples", "context"), (loader, "validate", "validate"),
                                 (kgstore, "write_graph", "write")):
        clock.wrap(module, name, bucket)
    original_load = loader.load_article
    loader.load_article = _tolerant(original_load)
    stamps: list[dict] = []
    every = max(1, math.ceil(len(paths) / 10))
    started = time.perf_counter()
    stamps.append(_stamp(clock))

    def progress(_path: str) -> None:
        count = len(stamps)
        if count % every == 0 or count == len(paths):
            stamps.append({**_stamp(clock), "articles": count})
            _log(f"[build] {count}/{len(paths)} articles, {time.perf_counter() - started:.0f} s")
        else:
            stamps.append(None)

    summary = loader.build(paths, folder, progress=progress)
    seconds = time.perf_counter() - started
    clock.restore()
    loader.load_article = original_load
    store = kgstore.open_store(folder, read_only=True)   # build's own handle may not be freed yet
    quads = len(store)
    del store
    count = len(paths)
    return {"articles": count, "seconds": seconds, "articles_per_s": count / seconds,
            "ms_per_article": 1000 * seconds / count,
            "stage_ms_per_article": {k: 1000 * v / count for k, v in clock.seconds.items()},
            "unmeasured": clock.missing, "windows": _windows(stamps),
            "status": {s: summary.count(s) for s in ("loaded", "quarantined", "unchanged", "failed")},
            "errors": len(summary.errors), "quads": quads, "disk_mb": _disk_mb(folder),
            "crashes": [str(e) for e in summary.errors if isinstance(e, LoaderCrash)]}


def _stamp(clock: _Clock) -> dict:
    """Where the build stands: wall and CPU time, resident memory, time per loader step so far."""
    return {"wall": time.perf_counter(), "cpu": time.process_time(), "rss_mb": _current_rss_mb(),
            "steps": dict(clock.seconds), "articles": 0}


def _windows(stamps: list[dict]) -> list[dict]:
    """ms per article in consecutive tenths of the build (wall, CPU, each loader step) and the
    resident memory at the end of each: does an article cost more as the store grows?"""
    marks = [s for s in stamps if s is not None]
    out = []
    for before, after in zip(marks, marks[1:]):
        count = after["articles"] - before["articles"]
        steps = {k: 1000 * (v - before["steps"].get(k, 0.0)) / count for k, v in after["steps"].items()}
        out.append({"first": before["articles"] + 1, "last": after["articles"],
                    "ms_per_article": 1000 * (after["wall"] - before["wall"]) / count,
                    "cpu_ms_per_article": 1000 * (after["cpu"] - before["cpu"]) / count,
                    "rss_mb": after["rss_mb"], "step_ms_per_article": steps})
    return out


def _current_rss_mb() -> float:
    try:
        return int(Path("/proc/self/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError, IndexError):
        return float("nan")


def _disk_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 2**20


# -- stage: the naive build ------------------------------------------------------------------

def stage_baseline_build(params: dict) -> dict:
    """The naive way: one rdflib Graph in memory, pySHACL over all of it after each article."""
    import pyshacl
    from rdflib import Graph

    from kg.article import read_article
    from kg.loader import extract_article
    from kg.reference import ONTOLOGY_DIR, reference_files

    whole = Graph()
    for path in [ONTOLOGY_DIR / "ctkg.ttl", *reference_files()]:
        whole.parse(path, format="turtle")
    base = len(whole)
    shapes = Graph().parse(ONTOLOGY_DIR / "shapes.ttl", format="turtle")
    rows, started = [], time.perf_counter()
    for path in params["paths"]:
        t0 = time.perf_counter()
        try:
            result = _tolerant(extract_article)(read_article(Path(path)))
        except KgError:
            continue                             # the build stage reports these crashes
        t1 = time.perf_counter()
        for triple in result.graph:
            whole.add(triple)
        t2 = time.perf_counter()
        pyshacl.validate(whole, shacl_graph=shapes, inference="none", allow_warnings=True)
        t3 = time.perf_counter()
        rows.append({"quads": len(whole), "article_triples": len(result), "extract_s": t1 - t0,
                     "write_s": t2 - t1, "validate_s": t3 - t2})
        _log(f"[baseline-build] {len(rows)} articles, {len(whole)} triples, pySHACL {t3 - t2:.1f} s")
        if time.perf_counter() - started > params["budget_s"]:
            break
    return {"articles_measured": len(rows), "base_triples": base, "per_article": rows,
            "extrapolated": {str(n): _extrapolate(rows, base, n) for n in params["extrapolate_to"]}}


def _extrapolate(rows: list[dict], base: int, count: int) -> dict:
    """The naive build of `count` articles, from the articles measured: pySHACL's time as a
    straight line in the size of the graph (least squares), the other steps at their mean."""
    sizes, times = [r["quads"] for r in rows], [r["validate_s"] for r in rows]
    slope = 0.0
    if len(rows) > 1 and len(set(sizes)) > 1:
        mean_x, mean_y = statistics.fmean(sizes), statistics.fmean(times)
        slope = sum((x - mean_x) * (y - mean_y) for x, y in zip(sizes, times)) / sum((x - mean_x) ** 2 for x in sizes)
    intercept = statistics.fmean(times) - slope * statistics.fmean(sizes)
    per_article = statistics.fmean(r["article_triples"] for r in rows)
    validate = sum(max(0.0, intercept + slope * (base + i * per_article)) for i in range(1, count + 1))
    other = count * statistics.fmean(r["extract_s"] + r["write_s"] for r in rows)
    seconds = validate + other
    return {"seconds": seconds, "ms_per_article": 1000 * seconds / count, "articles_per_s": count / seconds,
            "validate_ms_per_article": 1000 * validate / count,
            "write_ms_per_article": 1000 * statistics.fmean(r["write_s"] for r in rows),
            "fit": {"seconds_at_0": intercept, "seconds_per_triple": slope}}


# -- stage: a store of a given size ----------------------------------------------------------

def stage_make_store(params: dict) -> dict:
    """A store of at least `size` quads: the built store's ontology and reference graphs, then its
    article (and quarantine) graphs in corpus order; past the last one, the article graphs again
    under new names (see _Replica), until the store holds `size` quads."""
    import pyoxigraph as ox

    from kg import store as kgstore
    from kg.vocab import GRAPH_BASE

    source = ox.Store.read_only(params["source"])
    folder = Path(params["target"])
    shutil.rmtree(folder, ignore_errors=True)
    target = kgstore.open_store(folder)
    started = time.perf_counter()
    prefixes = (GRAPH_BASE + "article/", GRAPH_BASE + "quarantine/")
    graphs = sorted((g for g in source.named_graphs() if isinstance(g, ox.NamedNode)), key=lambda g: g.value)
    articles = [g for g in graphs if g.value.startswith(prefixes)]
    for graph in [g for g in graphs if not g.value.startswith(prefixes)]:
        text = source.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=graph)
        if text:
            target.bulk_load(text, format=ox.RdfFormat.N_TRIPLES, to_graph=graph)
    base_iris = {q.subject.value for graph in [g for g in graphs if not g.value.startswith(prefixes)]
                 for q in source.quads_for_pattern(None, None, None, graph)}
    quads, replicas = len(target), 0
    batch: list[bytes] = []
    while quads < params["size"] and articles:
        replica = _Replica(replicas, base_iris)
        for graph in articles:
            text = replica.rename(source.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=graph))
            batch.append(text.replace(b" .\n", f" <{replica.graph(graph.value)}> .\n".encode()))
            quads += text.count(b"\n")
            if quads >= params["size"] or sum(len(b) for b in batch) > BATCH_QUADS * 200:
                target.bulk_load(b"".join(batch), format=ox.RdfFormat.N_QUADS)
                batch = []
            if quads >= params["size"]:
                break
        replicas += 1
    if batch:
        target.bulk_load(b"".join(batch), format=ox.RdfFormat.N_QUADS)
    seconds = time.perf_counter() - started
    indexed = time.perf_counter()
    kgstore.rebuild_index(target)   # the copies' lookup index, as a build would have kept it
    index_seconds = time.perf_counter() - indexed
    target.flush()
    return {"size": params["size"], "quads": len(target), "seconds": seconds, "index_seconds": index_seconds,
            "replicas": replicas, "source_article_graphs": len(articles), "disk_mb": _disk_mb(folder)}


class _Replica:
    """Copy number `n` of the article graphs: n = 0 is the original; from 1 on, the IRIs that one
    report mints (its article, sentences, facts, events and documents, and its graph) get a
    suffix '-rN', so each copy reads as another batch of reports about the same actors. IRIs of
    the reference data (a known attack) are kept, as are people, states and organizations."""

    def __init__(self, n: int, keep: set[str]) -> None:
        from kg.vocab import GRAPH_BASE, base_iri

        self.n, self.keep = n, keep
        minted = f"{re.escape(base_iri())}(?:article|fact|event|document)/|{re.escape(GRAPH_BASE)}"
        self._iri = re.compile(f"<((?:{minted})[^>]*)>".encode())
        self._blank = re.compile(rb"(^|(?<= ))_:(\w+)", re.MULTILINE)

    def graph(self, iri: str) -> str:
        return iri if self.n == 0 else f"{iri}-r{self.n}"

    def rename(self, text: bytes) -> bytes:
        if self.n == 0:
            return text
        suffix = f"-r{self.n}".encode()

        def iri(match: re.Match) -> bytes:
            value = match.group(1)
            return match.group(0) if value.decode() in self.keep else b"<" + value + suffix + b">"

        text = self._iri.sub(iri, text)
        return self._blank.sub(lambda m: m.group(1) + b"_:" + m.group(2) + b"r" + str(self.n).encode(), text)


# -- stage: queries, additions, export -------------------------------------------------------

def stage_query(params: dict) -> dict:
    """On a store of a given size: every named query, adding held-out articles, dump and load."""
    from kg import store as kgstore

    store = kgstore.open_store(params["store"])
    result = {"quads": len(store), "queries": time_named_queries(store, params["repeats"], params["budget_s"])}
    _log(f"[query] named queries done; network, dump, export, then {len(params['held_out'])} articles added")
    result["network"] = time_network(store)
    result["dump_load"] = time_dump_load(store, Path(params["store"] + "-copy"))
    result["export"] = time_export(store, Path(params["store"] + "-import"), params["import_max_quads"])
    result["add_article"] = time_additions(store, params["held_out"])
    return result


def _bound_query(store, query) -> tuple[dict, str]:
    """The required parameters of a query as text (for run_named), and the query's SPARQL with
    their IRIs written into its `VALUES ?name { UNDEF }` blocks, as kg query does."""
    from kg.query import bind_values, resolve_label

    text = {p.name: ACTOR for p in query.params if not p.optional}
    return text, bind_values(query.text, {name: resolve_label(store, value) for name, value in text.items()})


def time_named_queries(store, repeats: int, budget_s: float) -> dict:
    """p50/p95 of each named query through run_named (what `kg query` does: resolve the
    parameters, run, fetch labels), and of its SPARQL alone; the first run is timed apart.
    A query that fails is recorded with its error and the others still run."""
    out = {}
    for query in _named_queries():
        try:
            out[query.name] = _time_one_query(store, query, repeats, budget_s)
        except Exception as error:  # noqa: BLE001 - a failing query is a result to report
            out[query.name] = {"error": f"{type(error).__name__}: {error}"[:300]}
            _log(f"[query] {query.name} failed: {out[query.name]['error']}")
    return out


def _named_queries() -> list:
    from kg.query import list_queries

    return list_queries()


def _time_one_query(store, query, repeats: int, budget_s: float) -> dict:
    from kg.query import prefixes, run_named

    params, sparql = _bound_query(store, query)
    started = time.perf_counter()
    rows = len(run_named(store, query.name, params))
    cold = time.perf_counter() - started
    named = _repeat(lambda: run_named(store, query.name, params), repeats, budget_s)
    select = _repeat(lambda: list(store.query(sparql, prefixes=prefixes(), use_default_graph_as_union=True)),
                     repeats, budget_s)
    return {"params": params, "rows": rows, "cold_ms": 1000 * cold, **named,
            "select_p50_ms": select["p50_ms"], "select_p95_ms": select["p95_ms"]}


def _repeat(call: Callable, repeats: int, budget_s: float, timeout_s: float | None = None, minimum: int = 3) -> dict:
    """Run `call` up to `repeats` times, and at least `minimum` times unless each run exceeds
    `budget_s` seconds in all; with `timeout_s`, a run longer than that raises _Timeout."""
    times: list[float] = []
    while len(times) < repeats and (len(times) < minimum or sum(times) < budget_s):
        started = time.perf_counter()
        with _time_limit(timeout_s):
            call()
        times.append(time.perf_counter() - started)
    return _percentiles(times)


def _percentiles(times: list[float]) -> dict:
    if not times:
        return {"runs": 0}
    ordered = sorted(times)
    rank = lambda q: ordered[max(0, math.ceil(q * len(ordered)) - 1)]  # noqa: E731
    return {"runs": len(ordered), "p50_ms": 1000 * statistics.median(ordered), "p95_ms": 1000 * rank(0.95),
            "max_ms": 1000 * ordered[-1]}


class _Timeout(Exception):
    pass


class _time_limit:
    """Stop the pure-Python code inside after `seconds` (SIGALRM); no limit when None."""

    def __init__(self, seconds: float | None) -> None:
        self.seconds = seconds

    def __enter__(self):
        if self.seconds:
            signal.signal(signal.SIGALRM, self._expired)
            signal.setitimer(signal.ITIMER_REAL, self.seconds)

    def __exit__(self, *exc) -> None:
        if self.seconds:
            signal.setitimer(signal.ITIMER_REAL, 0)

    @staticmethod
    def _expired(*_args):
        raise _Timeout()


def time_additions(store, paths: list[str]) -> dict:
    """ms to add each held-out article with the real load_article (read, extract, validate, write)."""
    from kg.loader import load_article

    times, statuses = [], defaultdict(int)
    for path in paths:
        started = time.perf_counter()
        try:
            status = _tolerant(load_article)(store, Path(path)).status
        except KgError:
            status = "crashed"
        statuses[status] += 1
        if status != "crashed":
            times.append(time.perf_counter() - started)
    return {"articles": len(paths), "status": dict(statuses), **_percentiles(times),
            "mean_ms": 1000 * statistics.fmean(times) if times else None}


def time_dump_load(store, copy: Path) -> dict:
    """Oxigraph's own N-Quads dump and bulk load of the whole store: the floor for export/import."""
    import pyoxigraph as ox

    file = copy.with_suffix(".nq")
    started = time.perf_counter()
    store.dump(str(file), format=ox.RdfFormat.N_QUADS)
    dumped = time.perf_counter() - started
    shutil.rmtree(copy, ignore_errors=True)
    started = time.perf_counter()
    target = ox.Store(str(copy))
    target.bulk_load(path=str(file), format=ox.RdfFormat.N_QUADS)
    target.flush()
    loaded = time.perf_counter() - started
    quads, size = len(target), file.stat().st_size
    del target
    shutil.rmtree(copy, ignore_errors=True)
    file.unlink()
    return {"quads": quads, "dump_s": dumped, "load_s": loaded, "dump_quads_per_s": quads / dumped,
            "load_quads_per_s": quads / loaded, "file_mb": size / 2**20}


def time_network(store) -> dict:
    """Projection (kg.network.load_projection, then the NetworkX graphs) and centrality."""
    if importlib.util.find_spec("kg.network") is None:
        return {"measured": False, "why": "kg/network.py does not exist"}
    from kg import network

    out: dict = {"measured": True}
    projection = _timed(out, "load_projection_s", network.load_projection, store)
    actors = _timed(out, "actor_graph_s", network.actor_graph, projection)
    bipartite = _timed(out, "bipartite_graph_s", network.bipartite_graph, projection)
    _timed(out, "project_actors_s", network.project_actors, bipartite, projection)
    for measure in ("degree", "pagerank", "betweenness"):
        _timed(out, f"centrality_{measure}_s", network.centrality, actors, measure)
    out.update(nodes=len(projection.nodes), links=len(projection.links),
               actor_nodes=actors.number_of_nodes(), actor_edges=actors.number_of_edges())
    out["projection_s"] = out["load_projection_s"] + out["actor_graph_s"]
    return out


def _timed(out: dict, key: str, function: Callable, *args):
    started = time.perf_counter()
    value = function(*args)
    out[key] = time.perf_counter() - started
    return value


def time_export(store, folder: Path, import_max_quads: int) -> dict:
    """kg export of the whole store as N-Quads, then kg import of that file into a new store
    (which validates every article graph, as the loader does) when the store is small enough."""
    if importlib.util.find_spec("kg.export") is None:
        return {"measured": False, "why": "kg/export.py does not exist"}
    import pyoxigraph as ox

    from kg.export import export

    file = folder.with_name(folder.name + "-export.nq")
    started = time.perf_counter()
    summary = export(store, file, "nquads", "all")
    seconds = time.perf_counter() - started
    out = {"measured": True, "quads": summary.quads, "export_s": seconds, "export_quads_per_s": summary.quads / seconds,
           "file_mb": file.stat().st_size / 2**20}
    if summary.quads <= import_max_quads and importlib.util.find_spec("kg.importer") is not None:
        from kg.importer import import_file

        shutil.rmtree(folder, ignore_errors=True)
        target = ox.Store(str(folder))
        started = time.perf_counter()
        imported = import_file(target, file, "nquads")
        seconds = time.perf_counter() - started
        out.update(import_s=seconds, imported_quads=imported.triples, import_quads_per_s=imported.triples / seconds,
                   import_status={s: imported.count(s) for s in ("loaded", "kept aside", "restored")})
        del target
        shutil.rmtree(folder, ignore_errors=True)
    else:
        out["import_skipped"] = f"more than {import_max_quads:,} quads (--import-max-quads)"
    file.unlink()
    return out


# -- stage: rdflib's SPARQL engine -----------------------------------------------------------

def stage_baseline_query(params: dict) -> dict:
    """The same named queries on rdflib's SPARQL engine over the same quads, in memory."""
    import pyoxigraph as ox
    from rdflib import Dataset

    from kg.query import prefixes

    source = ox.Store.read_only(params["store"])
    queries = [(q.name, sparql_1_1(_bound_query(source, q)[1])) for q in _named_queries()]
    data = source.dump(format=ox.RdfFormat.N_QUADS)
    del source
    dataset = Dataset(default_union=True)
    started = time.perf_counter()
    dataset.parse(data=data, format="nquads")
    loaded = time.perf_counter() - started
    del data
    out = {}
    for name, text in queries:
        rows: list[int] = []
        run = lambda: rows.append(len(list(dataset.query(text, initNs=prefixes()))))  # noqa: E731
        try:
            out[name] = {**_repeat(run, params["repeats"], params["budget_s"], RDFLIB_TIMEOUT_S, minimum=1),
                         "rows": rows[0]}
        except _Timeout:
            out[name] = {"runs": 0, "timeout_s": RDFLIB_TIMEOUT_S}
        except Exception as error:  # noqa: BLE001 - a query rdflib cannot run is a result, not a crash
            out[name] = {"runs": 0, "error": f"{type(error).__name__}: {error}"[:300]}
        _log(f"[baseline-query] {name}: " + (f"{out[name]['p50_ms']:.0f} ms" if "p50_ms" in out[name] else
                                              str(out[name])))
    return {"quads": len(dataset), "load_s": loaded, "queries": out}


def sparql_1_1(text: str) -> str:
    """`text` without SPARQL 1.2's LATERAL, which rdflib lacks, keeping its answers:
    `LATERAL { OPTIONAL { S } }` becomes `OPTIONAL { S }` and `LATERAL { S }` becomes `{ S }`
    (a join of the subquery's rows instead of a lookup per row: the same rows, found the slow way)."""
    while (match := re.search(r"LATERAL\s*\{\s*OPTIONAL\s*\{", text)):
        opening = text.index("{", match.start())
        closing = _closing_brace(text, opening)
        text = text[:match.start()] + text[opening + 1:closing].strip() + text[closing + 1:]
    return re.sub(r"LATERAL\s*(?=\{)", "", text)


def _closing_brace(text: str, opening: int) -> int:
    depth = 0
    for index in range(opening, len(text)):
        depth += {"{": 1, "}": -1}.get(text[index], 0)
        if depth == 0:
            return index
    raise BenchError(f"unbalanced braces in a named query, from: {text[opening:opening + 60]!r}. Fix the .rq file.")


STAGES = {"extract": stage_extract, "build": stage_build, "baseline-build": stage_baseline_build,
          "make-store": stage_make_store, "query": stage_query, "baseline-query": stage_baseline_query}


# -- targets and the table -------------------------------------------------------------------

@dataclass
class Target:
    name: str
    goal: str
    measured: str
    met: bool | None            # None: not measured
    note: str = ""


def check_targets(results: dict) -> list[dict]:
    """The targets of issue 7, each with what was measured and whether it is met."""
    targets = [_target_build_rate(results), _target_flat_cost(results), _target_add_one(results),
               _target_queries(results), _target_memory(results), _target_baseline_build(results),
               _target_baseline_query(results)]
    return [asdict(t) for t in targets]


def _size_near(results: dict, quads: int) -> dict | None:
    """The measured store size closest to `quads` (within a factor of 2), or None."""
    sizes = [int(s) for s in results.get("sizes", {})]
    near = [s for s in sizes if quads / 2 <= s <= quads * 2]
    return results["sizes"][str(min(near, key=lambda s: abs(s - quads)))] if near else None


def _target_build_rate(results: dict) -> Target:
    build = results["build"].get("1000") or results["build"][max(results["build"], key=int)]
    rate = build["articles_per_s"]
    return Target("end-to-end build, articles/s per core", "≥ 100 at 1k articles",
                  f"{rate:.2f} at {build['articles']} articles (one process)", rate >= 100)


def _target_flat_cost(results: dict) -> Target:
    builds = [results["build"][k] for k in sorted(results["build"], key=int)]
    windows = builds[-1]["windows"]
    growth = windows[-1]["cpu_ms_per_article"] / windows[0]["cpu_ms_per_article"]
    wall = windows[-1]["ms_per_article"] / windows[0]["ms_per_article"]
    adds = [(int(s), e["ctkg"]["add_article"]["p50_ms"]) for s, e in results["sizes"].items()
            if e["ctkg"]["add_article"].get("runs")]
    add_growth = max(ms for _, ms in adds) / min(ms for _, ms in adds) if adds else 1.0
    worst = max(growth, add_growth)
    measured = (f"last/first tenth of the {builds[-1]['articles']}-article build ×{growth:.2f} in CPU time "
                f"(×{wall:.2f} wall); "
                f"adding an article, largest/smallest store ×{add_growth:.2f}")
    return Target("cost per article flat", "within 20% from 1k to 100k articles", measured, worst <= 1.2,
                  f"measured up to {builds[-1]['articles']} articles and {max(s for s, _ in adds) if adds else 0} quads")


def _target_add_one(results: dict) -> Target:
    entry = _size_near(results, 1_000_000)
    if entry is None:
        return Target("add one article to a 1M-triple store", "< 200 ms", "not measured", None)
    add = entry["ctkg"]["add_article"]
    if not add.get("runs"):
        return Target("add one article to a 1M-triple store", "< 200 ms", "every held-out article crashed", None)
    return Target("add one article to a 1M-triple store", "< 200 ms",
                  f"p50 {add['p50_ms']:.0f} ms, p95 {add['p95_ms']:.0f} ms at {entry['store']['quads']} quads",
                  add["p50_ms"] < 200)


def _target_queries(results: dict) -> Target:
    entry = _size_near(results, 1_000_000)
    if entry is None:
        return Target("every named query at 1M triples", "< 100 ms p50", "not measured", None)
    queries = {name: q for name, q in entry["ctkg"]["queries"].items() if "p50_ms" in q}
    failed = sorted(set(entry["ctkg"]["queries"]) - set(queries))
    slow = sorted((q for q in queries if queries[q]["p50_ms"] >= 100), key=lambda q: -queries[q]["p50_ms"])
    worst = max(queries, key=lambda q: queries[q]["p50_ms"])
    note = ", ".join(f"{q} {queries[q]['p50_ms']:.0f} ms" for q in slow) + (f"; failed: {', '.join(failed)}" if failed else "")
    return Target("every named query at 1M triples", "< 100 ms p50",
                  f"slowest {worst} {queries[worst]['p50_ms']:.0f} ms; {len(slow)} of {len(entry['ctkg']['queries'])} "
                  f"at 100 ms or more", not slow and not failed, note)


def _target_memory(results: dict) -> Target:
    entry = _size_near(results, 1_000_000)
    builds = [b for b in results["build"].values() if b["quads"] <= 2_000_000]
    peaks = [("build", b["peak_rss_mb"]) for b in builds]
    if entry is not None:
        peaks += [("make-store", entry["store"]["peak_rss_mb"]), ("query", entry["ctkg"]["peak_rss_mb"])]
    if not peaks:
        return Target("peak memory at 1M triples", "< 2 GB", "not measured", None)
    text = ", ".join(f"{name} {mb:.0f} MB" for name, mb in peaks)
    return Target("peak memory at 1M triples", "< 2 GB", text, max(mb for _, mb in peaks) < 2048)


def _target_baseline_build(results: dict) -> Target:
    base = results["baseline_build"]["extrapolated"]
    count = max(base, key=int)
    ours = results["build"][count]["ms_per_article"]
    ratio = base[count]["ms_per_article"] / ours
    return Target("build vs the naive way", "≥ 10×", f"×{ratio:.0f} at {count} articles "
                  f"(naive extrapolated from {results['baseline_build']['articles_measured']})", ratio >= 10)


def _target_baseline_query(results: dict) -> Target:
    ratios = query_ratios(results)
    if not ratios:
        return Target("queries vs rdflib's engine", "≥ 10×", "not measured", None)
    size = max(ratios, key=int)
    values = ratios[size]
    low = min(values, key=values.get)
    return Target("queries vs rdflib's engine", "≥ 10× (p50, every query)",
                  f"at {size} quads: median ×{statistics.median(values.values()):.0f}, lowest {low} ×{values[low]:.1f}",
                  min(values.values()) >= 10, "a timed-out rdflib query counts at its time limit")


def query_ratios(results: dict) -> dict[str, dict[str, float]]:
    """size -> query -> rdflib p50 / run_named p50 (a timeout counts as the time limit)."""
    out = {}
    for size, entry in results.get("sizes", {}).items():
        if "baseline" not in entry:
            continue
        ours, theirs = entry["ctkg"]["queries"], entry["baseline"]["queries"]
        out[size] = {q: _rdflib_ms(theirs[q]) / ours[q]["p50_ms"] for q in ours
                     if "p50_ms" in ours[q] and q in theirs and _rdflib_ms(theirs[q]) is not None}
    return out


def _rdflib_ms(entry: dict) -> float | None:
    if "p50_ms" in entry:
        return entry["p50_ms"]
    return 1000 * entry["timeout_s"] if "timeout_s" in entry else None


def render(results: dict) -> str:
    """The results as Markdown: machine, build, store sizes, queries, targets."""
    parts = [_render_machine(results), _render_build(results), _render_windows(results), _render_sizes(results),
             _render_throughput(results)]
    parts += [_render_queries(results, size) for size in sorted(results["sizes"], key=int)]
    parts.append(_render_targets(results))
    return "\n\n".join(parts) + "\n"


def _table(header: list[str], rows: list[list]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(" --- " for _ in header) + "|"]
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def _cell(value) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:,.0f}" if abs(value) >= 100 else f"{value:.1f}" if abs(value) >= 1 else f"{value:.2f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def _render_machine(results: dict) -> str:
    m = results["machine"]
    loads = lambda values: " / ".join(f"{v:.2f}" for v in values)  # noqa: E731
    return (f"Machine: {m['nproc']} cores ({m['cpu']}), {m['memory_gb']} GB memory, Python {m['python']}, "
            f"pyoxigraph {m['pyoxigraph']}, rdflib {m['rdflib']}, pySHACL {m['pyshacl']}; {m['platform']}; "
            f"commit {(m.get('commit') or '?')[:10]} plus uncommitted changes, if any.  \n"
            f"Load average (1/5/15 min) at start {loads(m['load_average_start'])}, "
            f"at end {loads(results.get('load_average_end', []))}.  \n"
            f"Command: `{results['command']}` (started {results['started']}).")


def _render_build(results: dict) -> str:
    ex, base = results["extraction"], results["baseline_build"]
    rows = [["extraction, 1 process (articles/s, no store lookups)", ex["one_process"]["articles_per_s"], None, None],
            [f"extraction, {ex['workers']['n']} workers (articles/s)", ex["workers"]["articles_per_s"], None, None]]
    for count, build in sorted(results["build"].items(), key=lambda kv: int(kv[0])):
        naive = base["extrapolated"].get(count)
        rows.append([f"build {count} articles end to end (articles/s)", build["articles_per_s"],
                     naive and naive["articles_per_s"], naive and f"×{naive['ms_per_article'] / build['ms_per_article']:.0f}"])
        stages = build["stage_ms_per_article"]
        rows.append([f"  ms/article at {count}", build["ms_per_article"], naive and naive["ms_per_article"], None])
        rows.append(["  validation ms/article (+ context)", stages.get("validate"),
                     naive and naive["validate_ms_per_article"], None])
        rows.append(["  validation context ms/article", stages.get("context"), None, None])
        rows.append(["  store write ms/article", stages.get("write"), naive and naive["write_ms_per_article"], None])
        rows.append(["  extraction ms/article (with store lookups)", stages.get("extract"), None, None])
        rows.append(["  of which store lookups", stages.get("lookups"), None, None])
        rows.append(["  read ms/article", stages.get("read"), None, None])
        rows.append([f"  first / last tenth ms/article", f"{build['windows'][0]['ms_per_article']:.0f} / "
                     f"{build['windows'][-1]['ms_per_article']:.0f}", None, None])
        rows.append(["  peak RSS (MB)", build["peak_rss_mb"], None, None])
        rows.append(["  quads in the store, disk MB", f"{build['quads']:,}, {build['disk_mb']:.0f}", None, None])
        rows.append(["  loaded / quarantined / failed (loader crashes)",
                     "{loaded} / {quarantined} / {failed}".format(**build["status"]) + f" ({len(build['crashes'])})",
                     None, None])
    rows.append(["naive build peak RSS (MB)", None, base["peak_rss_mb"], None])
    note = (f"The naive build was measured on {base['articles_measured']} articles (up to "
            f"{base['per_article'][-1]['quads']:,} triples) and extrapolated: pySHACL's time as a straight line "
            f"in the graph's size.")
    return "### Build\n\n" + _table(["measure", "ctkg", "naive", "ratio"], rows) + "\n\n" + note


def _render_windows(results: dict) -> str:
    count = max(results["build"], key=int)
    rows = []
    for w in results["build"][count]["windows"]:
        steps = w["step_ms_per_article"]
        rows.append([f"{w['first']}–{w['last']}", w["ms_per_article"], w["cpu_ms_per_article"], steps.get("extract"),
                     steps.get("lookups"), steps.get("context"), steps.get("validate"), steps.get("write"), w["rss_mb"]])
    header = ["articles", "wall ms/article", "CPU ms/article", "extract", "of which lookups", "context", "validate",
              "write", "RSS MB"]
    return f"### The {count}-article build, tenth by tenth (ms per article)\n\n" + _table(header, rows)


def _render_sizes(results: dict) -> str:
    rows = []
    for size, entry in sorted(results["sizes"].items(), key=lambda kv: int(kv[0])):
        store, ours, naive = entry["store"], entry["ctkg"], entry.get("baseline", {})
        add = ours["add_article"]
        rows.append([f"{store['quads']:,}", store["replicas"], store["seconds"], store.get("index_seconds"),
                     store["disk_mb"], f"{add['p50_ms']:.0f} / {add['p95_ms']:.0f}" if add.get("runs") else None,
                     ours["peak_rss_mb"], naive.get("load_s"), naive.get("peak_rss_mb")])
    header = ["quads", "copies", "made in s", "lookup index made in s", "disk MB", "add 1 article p50 / p95 ms",
              "query process peak MB", "rdflib load s", "rdflib peak MB"]
    return "### Stores of a given size\n\n" + _table(header, rows)


def _render_throughput(results: dict) -> str:
    rows = []
    for size, entry in sorted(results["sizes"].items(), key=lambda kv: int(kv[0])):
        ours = entry["ctkg"]
        dump, export, net = ours["dump_load"], ours.get("export", {}), ours.get("network", {})
        rows.append([f"{entry['store']['quads']:,}", dump["dump_quads_per_s"], dump["load_quads_per_s"],
                     export.get("export_quads_per_s"), export.get("import_quads_per_s") or export.get("import_skipped"),
                     net.get("projection_s"), net.get("centrality_pagerank_s"), net.get("centrality_betweenness_s"),
                     f"{net['actor_nodes']:,} / {net['actor_edges']:,}" if net.get("measured") else None])
    header = ["quads", "Oxigraph dump quads/s", "Oxigraph bulk load quads/s", "kg export quads/s",
              "kg import quads/s", "projection s", "PageRank s", "betweenness s", "actor graph nodes / edges"]
    return "### Export, import, projection and centrality\n\n" + _table(header, rows)


def _render_queries(results: dict, size: str) -> str:
    entry = results["sizes"][size]
    ours, theirs = entry["ctkg"]["queries"], entry.get("baseline", {}).get("queries", {})
    ratios = query_ratios(results).get(size, {})
    rows = []
    for name, q in ours.items():
        if "error" in q:
            rows.append([name, f"error: {q['error']}", None, None, None, None, None, None])
            continue
        naive = theirs.get(name, {})
        shown = naive.get("p50_ms") or (f"> {naive['timeout_s']:.0f} s" if "timeout_s" in naive else
                                         "error" if "error" in naive else None)
        if naive.get("rows") is not None and naive["rows"] != q["rows"]:
            shown = f"{_cell(shown)} ({naive['rows']} rows)"
        rows.append([name, q["rows"], q["p50_ms"], q["p95_ms"], q["select_p50_ms"], q["cold_ms"], shown,
                     f"×{ratios[name]:.0f}" if name in ratios else None])
    header = ["query", "rows", "p50 ms", "p95 ms", "SPARQL only p50 ms", "first run ms", "rdflib p50 ms", "ratio"]
    return f"### Named queries at {entry['ctkg']['quads']:,} quads\n\n" + _table(header, rows)


def _render_targets(results: dict) -> str:
    mark = {True: "met", False: "missed", None: "not measured"}
    rows = [[t["name"], t["goal"], t["measured"], mark[t["met"]]] for t in results["targets"]]
    return "### Targets\n\n" + _table(["target", "goal", "measured", ""], rows)


# -- command line ----------------------------------------------------------------------------

def _settings_json(settings: Settings) -> dict:
    return {k: (str(v) if isinstance(v, Path) else v) for k, v in asdict(settings).items()}


def _numbers(text: str) -> tuple[int, ...]:
    try:
        values = tuple(int(part.replace("_", "")) for part in text.split(",") if part.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a comma-separated list of whole numbers, e.g. 1000,10000")
    if not values or min(values) <= 0:
        raise argparse.ArgumentTypeError(f"'{text}': give one or more positive numbers, e.g. 1000,10000")
    return values


def parse_args(argv: list[str] | None) -> tuple[Settings, argparse.Namespace]:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.bench",
        description="Measure extraction, validation, store writes, builds, named queries and memory, beside "
                    "the naive way (rdflib in memory, pySHACL over the whole graph, rdflib's SPARQL).",
        epilog="Example: python -m benchmarks.bench --articles 1000 --sizes 10000,100000,1000000")
    parser.add_argument("--articles", type=_numbers, default=(1000,), help="build sizes in articles (default 1000)")
    parser.add_argument("--sizes", type=_numbers, default=(10_000, 100_000, 1_000_000),
                        help="store sizes in quads for the query figures (default 10000,100000,1000000)")
    parser.add_argument("--out", type=Path, default=Path("benchmarks/out/bench.json"), help="JSON results file")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2, help="extraction processes (default: cores)")
    parser.add_argument("--baseline-articles", type=int, default=50, help="articles the naive build runs on (default 50)")
    parser.add_argument("--baseline-seconds", type=float, default=600.0, help="time limit of the naive build (default 600)")
    parser.add_argument("--baseline-max-quads", type=int, default=1_000_000,
                        help="largest store rdflib's engine is measured on (default 1000000)")
    parser.add_argument("--import-max-quads", type=int, default=200_000,
                        help="largest store whose export is also timed through kg import (default 200000)")
    parser.add_argument("--repeats", type=int, default=20, help="runs per query (default 20)")
    parser.add_argument("--held-out", type=int, default=20, help="articles added to each sized store (default 20)")
    parser.add_argument("--seed", type=int, default=0, help="corpus seed (default 0)")
    parser.add_argument("--keep", action="store_true", help="keep the sized stores in the work folder")
    parser.add_argument("--quick", action="store_true", help="a smoke run: 5 articles, one small store, few repeats")
    parser.add_argument("--stage", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    settings = Settings(articles=args.articles, sizes=args.sizes, out=args.out, workers=args.workers,
                        baseline_articles=args.baseline_articles, baseline_seconds=args.baseline_seconds,
                        baseline_max_quads=args.baseline_max_quads, import_max_quads=args.import_max_quads,
                        repeats=args.repeats,
                        held_out=args.held_out, seed=args.seed, keep=args.keep)
    if args.quick:
        settings = replace(settings, **QUICK)
    if settings.baseline_articles > max(settings.articles) or min(settings.held_out, settings.workers) < 1:
        parser.error("--baseline-articles must not exceed --articles, and --held-out and --workers must be 1 or more")
    return settings, args


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    settings, args = parse_args(argv)
    if args.stage:
        name, params, result = args.stage
        return stage_main(name, Path(params), Path(result))
    try:
        results = run(settings, command=" ".join(["python -m benchmarks.bench", *argv]))
    except KgError as error:
        print(f"bench: {error}", file=sys.stderr)
        return error.exit_code
    settings.out.parent.mkdir(parents=True, exist_ok=True)
    settings.out.write_text(json.dumps(results, indent=1), encoding="utf-8")
    print(render(results))
    _log(f"results written to {settings.out}")
    return 0


def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


if __name__ == "__main__":
    sys.exit(main())
