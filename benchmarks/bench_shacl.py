"""Per-article SHACL validation time: the project's engine (kg/shacl) on real article graphs.

    python -m benchmarks.bench_shacl [--repeat 20] [FOLDER ...]

The articles (the seeds, tests/unseen and, where present, ../shared/corpus/articles) are read
and extracted once against a fresh store (ensure_base_graphs: the ontology and reference data),
each giving the graph and the validation context the loader hands to kg.validate.validate. Then,
with the clock running, every article graph is validated --repeat times:
1. validate   kg.validate.validate(triples, context=...): what the loader pays per article
              (the engine's check plus the report graph and text);
2. check      the compiled shapes' check alone.
It prints the number of articles, their mean size in triples, and for each the median, mean and
largest wall-clock milliseconds per article, and the mean CPU milliseconds (process time, less
disturbed by other work on the machine). Figures, not a test: nothing here fails on a slow machine.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_FOLDERS = [ROOT / "seeds", ROOT / "tests" / "unseen", ROOT.parent / "shared" / "corpus" / "articles"]


def article_graphs(paths: list[Path]) -> list[tuple[list, list]]:
    """(triples, context) of each article, as the loader prepares them."""
    from kg import store as kgstore
    from kg.loader import Prepared, prepare_article

    prepared = []
    with tempfile.TemporaryDirectory() as folder:
        store = kgstore.open_store(Path(folder) / "store")
        kgstore.ensure_base_graphs(store)
        for path in paths:
            outcome = prepare_article(store, path)
            if isinstance(outcome, Prepared):
                prepared.append((list(outcome.result.triples), list(outcome.context)))
    return prepared


def per_article_ms(graphs: list[tuple[list, list]], run, repeat: int) -> tuple[list[float], float]:
    """Wall-clock milliseconds of `run(triples, context)` for each article (the median of
    `repeat` runs), and the mean CPU milliseconds per run (steadier on a shared machine)."""
    times = []
    cpu_start = time.process_time()
    for triples, context in graphs:
        runs = []
        for _ in range(repeat):
            start = time.perf_counter()
            run(triples, context)
            runs.append(1000 * (time.perf_counter() - start))
        times.append(statistics.median(runs))
    return times, 1000 * (time.process_time() - cpu_start) / (repeat * len(graphs))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folders", nargs="*", type=Path, help="folders of .txt articles (default: seeds, "
                    "tests/unseen and ../shared/corpus/articles where present)")
    ap.add_argument("--repeat", type=int, default=20, help="validations of each article (default 20)")
    ap.add_argument("--limit", type=int, default=0, help="at most this many articles (0: all)")
    args = ap.parse_args(argv)
    if args.repeat < 1:
        ap.error("--repeat must be at least 1")
    from kg.validate import compiled_shapes, validate

    folders = args.folders or DEFAULT_FOLDERS
    paths = [p for folder in folders if folder.is_dir() for p in sorted(folder.glob("*.txt"))]
    if args.limit:
        paths = paths[:args.limit]
    if not paths:
        print("no articles found in " + ", ".join(map(str, folders)), file=sys.stderr)
        return 2
    graphs = article_graphs(paths)
    shapes = compiled_shapes()      # compiled before the clock starts, as once per process
    print(f"articles: {len(graphs)}, mean triples per article: "
          f"{statistics.fmean(len(t) for t, _ in graphs):.0f}, mean context triples: "
          f"{statistics.fmean(len(c) for _, c in graphs):.0f}, repeat: {args.repeat}")
    for name, run in (("validate", lambda t, c: validate(t, context=c)),
                      ("check", lambda t, c: shapes.check(t, c))):
        times, cpu = per_article_ms(graphs, run, args.repeat)
        print(f"{name:9} median {statistics.median(times):7.2f} ms/article   mean {statistics.fmean(times):7.2f}"
              f"   max {max(times):7.2f}   cpu mean {cpu:7.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
