"""benchmarks/bench_extraction.py runs (a smoke test: its figures are printed, never checked)."""
from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_bench_extraction_prints_milliseconds_per_article_of_extraction_alone(capsys):
    from benchmarks.bench_extraction import main

    assert main(["--repeat", "2", str(ROOT / "seeds")]) == 0
    out = capsys.readouterr().out
    assert "articles: 5," in out and "ms/article" in out and out.count("rounds (s):") == 1
