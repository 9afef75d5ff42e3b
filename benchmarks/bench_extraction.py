"""Seconds per article in extraction alone: the articles are read and parsed once, then
kg.extraction.extract_article runs over every one of them, --repeat times; the best round counts.

    python -m benchmarks.bench_extraction [--repeat 3] [FOLDER ...]

The folders default to the seeds, tests/unseen and, where present, ../shared/corpus/articles.
The parse is outside the clock, and so is the reference index (loaded once before the first
round), so the figure is mentions, dating, entities, events and the article's triples. Figures,
not a test: nothing here fails on a slow machine.
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_FOLDERS = [ROOT / "seeds", ROOT / "tests" / "unseen", ROOT.parent / "shared" / "corpus" / "articles"]


def main(argv: list[str] | None = None) -> int:
    from kg.article import read_article
    from kg.extract.pipeline import parse
    from kg.extraction import extract_article
    from kg.reference import reference_index

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folders", nargs="*", type=Path)
    ap.add_argument("--repeat", type=int, default=3, help="rounds over the articles; the best is reported")
    args = ap.parse_args(argv)
    paths = [p for folder in args.folders or DEFAULT_FOLDERS if folder.is_dir() for p in sorted(folder.glob("*.txt"))]
    articles = [read_article(p) for p in paths]
    parsed = [(article, parse([s.text for s in article.sentences])) for article in articles]
    index = reference_index()
    rounds, triples = [], 0
    for _ in range(max(1, args.repeat)):
        start = time.perf_counter()
        triples = sum(len(extract_article(article, index, docs)) for article, docs in parsed)
        rounds.append(time.perf_counter() - start)
    best = min(rounds)
    print(f"articles: {len(parsed)}, triples: {triples}")
    print("rounds (s): " + ", ".join(f"{r:.3f}" for r in rounds))
    print(f"extraction alone (best of {len(rounds)}): {1000 * best / max(1, len(parsed)):.2f} ms/article")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
