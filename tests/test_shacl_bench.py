"""benchmarks/bench_shacl.py, run small: it extracts the articles, validates them and prints its
figures."""
from __future__ import annotations

import re
from pathlib import Path

from benchmarks.bench_shacl import main

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def test_a_quick_run_prints_the_validation_and_check_figures(capsys):
    assert main([str(SEEDS), "--limit", "2", "--repeat", "2"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("articles: 2, mean triples per article: ")
    for name in ("validate", "check"):
        assert re.search(rf"^{name} +median +\d+\.\d+ ms/article .* cpu mean +\d+\.\d+$", out, re.M), out


def test_a_folder_without_articles_is_a_usage_error(tmp_path, capsys):
    assert main([str(tmp_path)]) == 2
    assert "no articles found" in capsys.readouterr().err
