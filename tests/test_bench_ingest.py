"""The ingest benchmark: a run on a few generated articles reads them in every format."""
from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))   # the repo root holds benchmarks/

from benchmarks.bench_ingest import FORMATS, main  # noqa: E402


def test_a_small_run_reads_the_same_articles_in_every_format_and_writes_figures(tmp_path, capsys):
    out = tmp_path / "ingest.json"
    assert main(["--count", "4", "--repeat", "1", "--json", str(out)]) == 0
    read = json.loads(out.read_text(encoding="utf-8"))["read"]
    assert set(read) == set(FORMATS)
    assert {name: (figures["articles"], figures["failed"]) for name, figures in read.items()} == {
        name: (4, 0) for name in FORMATS}
    assert len({figures["sentences"] for figures in read.values()}) == 1      # the same text in each
    assert all(figures["articles_per_s"] > 0 for figures in read.values())
    assert "articles/s" in capsys.readouterr().out
