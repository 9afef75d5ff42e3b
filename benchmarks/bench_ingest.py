"""Articles per second through the read stage for each input format, on the same articles.

    python -m benchmarks.bench_ingest [--count 300] [--seed 0] [--build] [--json OUT]

--count synthetic articles (benchmarks/generate_corpus.py) are written as plain text files, and
wrapped (benchmarks/wrap_pages.py) as one web page each, one RSS feed, one JSON-lines file and
one gzipped web archive (a request and a response record per article). For each format the
read stage (kg.article.read_files: finding the format, trafilatura, feedparser, warcio, the text
reader, identities) reads them all, timed as the best of --repeat runs; it prints articles/s and
how many articles and failures each format gave. With --build, each format is also built into a
new store (kg.loader.build, without the reasoner), which adds parsing, extraction, validation and
writing. Figures, not a test: nothing here fails on a slow machine.
"""
from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

FORMATS = ("text", "html", "feed", "json-lines", "warc")


def write_formats(count: int, seed: int, into: Path) -> dict[str, Path]:
    """A folder per format holding the same `count` articles."""
    from benchmarks.generate_corpus import generate
    from benchmarks.wrap_pages import feed, json_lines, page, read, warc

    text = into / "text"
    articles = read(generate(text, count, seed))
    folders = {"text": text}
    for name in FORMATS[1:]:
        folders[name] = into / name
        folders[name].mkdir()
    for key, body, headline in articles:
        (folders["html"] / f"{key}.html").write_text(page(body, key, headline), encoding="utf-8")
    (folders["feed"] / "articles.xml").write_text(feed(articles), encoding="utf-8")
    (folders["json-lines"] / "articles.jsonl").write_text(json_lines(articles), encoding="utf-8")
    (folders["warc"] / "articles.warc.gz").write_bytes(warc(articles))
    return folders


def time_reading(folder: Path, repeat: int) -> dict:
    from kg.article import Failed, find_articles, read_files

    best, reads = float("inf"), []
    for _ in range(repeat):
        started = time.perf_counter()
        files, _ = find_articles([folder])
        reads = list(read_files(files, [folder]))
        best = min(best, time.perf_counter() - started)
    failed = sum(isinstance(r, Failed) for r in reads)
    articles = len(reads) - failed
    return {"articles": articles, "failed": failed, "seconds": best,
            "articles_per_s": articles / best if best else 0.0,
            "sentences": sum(len(r.sentences) for r in reads if not isinstance(r, Failed))}


def time_build(folder: Path, store: Path) -> dict:
    from kg.loader import build

    started = time.perf_counter()
    summary = build([folder], store)
    seconds = time.perf_counter() - started
    loaded = summary.count("loaded")
    return {"loaded": loaded, "seconds": seconds, "articles_per_s": loaded / seconds if seconds else 0.0,
            "events": sum(o.events for o in summary.outcomes)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench_ingest", description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=300, help="articles per format")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--repeat", type=int, default=3, help="read each format this many times, keep the best")
    parser.add_argument("--build", action="store_true", help="also build each format into a store")
    parser.add_argument("--json", type=Path, help="write the figures here")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="bench-ingest-"))
    try:
        folders = write_formats(args.count, args.seed, work)
        results = {"count": args.count, "read": {}, "build": {}}
        print(f"{'format':12} {'articles':>8} {'failed':>6} {'sentences':>9} {'read s':>7} {'articles/s':>10}"
              + (f" {'build s':>8} {'built/s':>8} {'events':>6}" if args.build else ""))
        for name in FORMATS:
            read = results["read"][name] = time_reading(folders[name], args.repeat)
            line = (f"{name:12} {read['articles']:>8} {read['failed']:>6} {read['sentences']:>9} "
                    f"{read['seconds']:>7.2f} {read['articles_per_s']:>10.1f}")
            if args.build:
                built = results["build"][name] = time_build(folders[name], work / f"store-{name}")
                line += f" {built['seconds']:>8.1f} {built['articles_per_s']:>8.2f} {built['events']:>6}"
            print(line, flush=True)
        if args.json:
            args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
