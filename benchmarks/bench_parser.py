"""Articles per second through `kg build` beside the parser's own throughput, and peak memory.

    python -m benchmarks.bench_parser [--copies 8] [--workers N] [FOLDER ...]

The same articles (the seeds, tests/unseen and, where present, ../shared/corpus/articles, each
copied --copies times with a distinct trailing line so that no copy is skipped as unchanged) go
through, in one process:
1. parse    the trained pipeline alone: nlp.pipe over every article's sentences;
2. build    kg.loader.build into a new store without the reasoner: read, parse, mentions,
            events, triples, resolution, validation and the store write (with --workers N,
            once more with parsing and extraction in N processes).
It prints articles/s for each, the build's share of the parser's throughput, and the process's
peak resident memory. Figures, not a test: nothing here fails on a slow machine.
"""
from __future__ import annotations

import argparse
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_FOLDERS = [ROOT / "seeds", ROOT / "tests" / "unseen", ROOT.parent / "shared" / "corpus" / "articles"]


def copies_of(folders: list[Path], copies: int, into: Path) -> list[Path]:
    sources = [p for folder in folders if folder.is_dir() for p in sorted(folder.glob("*.txt"))]
    made = []
    for n in range(copies):
        for source in sources:
            target = into / f"{source.stem}-copy{n}.txt"
            target.write_text(source.read_text(encoding="utf-8") + f"\n\n(copy {n})\n", encoding="utf-8")
            made.append(target)
    return made


def time_parser(paths: list[Path]) -> float:
    from kg.article import read_article
    from kg.extract.pipeline import english, parse_many

    sentences = [s.text for p in paths for s in read_article(p).sentences]
    english()   # loaded before the clock starts, as the build's is
    start = time.perf_counter()
    for _ in parse_many(sentences):
        pass
    return time.perf_counter() - start


def time_build(paths: list[Path], store: Path, workers: int = 1) -> tuple[float, int]:
    from kg.loader import build

    start = time.perf_counter()
    summary = build(paths, store, workers=workers)
    return time.perf_counter() - start, summary.count("loaded")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folders", nargs="*", type=Path)
    ap.add_argument("--copies", type=int, default=8)
    ap.add_argument("--workers", type=int, default=1,
                    help="also time kg build --workers N (extraction in N processes) when N > 1")
    args = ap.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="ctkg-bench-"))
    try:
        paths = copies_of(args.folders or DEFAULT_FOLDERS, args.copies, work)
        parse_s = time_parser(paths)
        build_s, loaded = time_build(paths, work / "store")
        workers_s = time_build(paths, work / "store-workers", args.workers)[0] if args.workers > 1 else None
    finally:
        shutil.rmtree(work, ignore_errors=True)
    n = len(paths)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"articles: {n} ({loaded} loaded by the build)")
    print(f"parser alone (nlp.pipe):  {n / parse_s:8.1f} articles/s  ({parse_s:.1f} s)")
    print(f"kg build (no reasoner):   {n / build_s:8.1f} articles/s  ({build_s:.1f} s)")
    print(f"build / parser:           {100 * parse_s / build_s:8.1f} %")
    if workers_s is not None:
        print(f"kg build --workers {args.workers}:     {n / workers_s:8.1f} articles/s  ({workers_s:.1f} s, "
              f"{100 * parse_s / workers_s:.1f} % of the parser on one process)")
    print(f"peak resident memory:     {peak_mb:8.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
