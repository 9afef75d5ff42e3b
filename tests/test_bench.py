"""The benchmark harness: a --quick run on a few generated articles writes every figure as JSON."""
from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))   # the repo root holds benchmarks/

from benchmarks.bench import main  # noqa: E402
from kg.query import list_queries  # noqa: E402


def test_quick_run_writes_build_query_baseline_and_target_figures_to_json(tmp_path, capsys):
    out = tmp_path / "bench.json"

    assert main(["--quick", "--out", str(out)]) == 0

    results = json.loads(out.read_text(encoding="utf-8"))
    build = results["build"]["5"]
    size = next(iter(results["sizes"].values()))
    queries = {q.name for q in list_queries()}
    assert {"nproc", "memory_gb", "python", "load_average_start"} <= set(results["machine"])
    assert results["extraction"]["one_process"]["articles_per_s"] > 0
    assert results["extraction"]["workers"]["articles_per_s"] > 0
    assert {"validate", "write", "extract"} <= set(build["stage_ms_per_article"])
    assert build["articles"] == 5 and build["peak_rss_mb"] > 0
    assert results["baseline_build"]["extrapolated"]["5"]["ms_per_article"] > 0
    assert size["store"]["quads"] >= 12_000
    assert set(size["ctkg"]["queries"]) == queries
    assert all(q["p50_ms"] > 0 and q["p95_ms"] >= q["p50_ms"] for q in size["ctkg"]["queries"].values())
    assert set(size["baseline"]["queries"]) == queries
    assert size["ctkg"]["add_article"]["articles"] == 2
    assert len(results["targets"]) == 7
    assert "### Targets" in capsys.readouterr().out
