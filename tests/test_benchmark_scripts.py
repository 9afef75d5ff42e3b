"""Every benchmark script runs: each is run here at the smallest size that exercises all its
steps (a smoke test; the figures are printed by the scripts, never checked as timings)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCHMARKS = ROOT / "benchmarks"
TESTS = ROOT / "tests"


def test_every_benchmark_script_has_a_smoke_test():
    scripts = [p.stem for p in BENCHMARKS.glob("*.py") if p.stem != "__init__" and "def main(" in p.read_text()]
    tests = "".join(p.read_text(encoding="utf-8") for p in TESTS.glob("test_*.py"))
    untested = [name for name in scripts if f"benchmarks.{name}" not in tests]
    assert not untested, f"benchmark scripts without a smoke test: {untested}"


def test_bench_parser_prints_articles_per_second_for_the_parser_and_the_build(capsys):
    from benchmarks.bench_parser import main

    assert main(["--copies", "1", str(ROOT / "seeds")]) == 0
    out = capsys.readouterr().out
    assert "articles: 5 (5 loaded by the build)" in out and "articles/s" in out


def test_bench_parser_times_the_build_with_workers_too(capsys):
    from benchmarks.bench_parser import main

    assert main(["--copies", "1", "--workers", "2", str(ROOT / "seeds")]) == 0
    assert "kg build --workers 2:" in capsys.readouterr().out


def test_bench_network_times_the_projection_and_betweenness_on_a_small_store(tmp_path, capsys):
    from benchmarks.bench_network import main

    assert main(["--sizes", "12000", "--base", "3", "--work", str(tmp_path)]) == 0
    rows = [line for line in capsys.readouterr().out.splitlines() if line.startswith("1")]
    assert rows and int(rows[0].split(" | ")[1].replace(",", "")) > 0, "no article graphs in the copied store"


def test_bench_linked_data_exports_and_imports_a_small_store(tmp_path):
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    done = subprocess.run([sys.executable, "-m", "benchmarks.bench_linked_data", "--triples", "8000", "--out",
                           str(tmp_path), "--steps", "export,import,remote", "--formats", "nquads,jsonld,turtle"],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr[-3000:]
    table = [line for line in done.stdout.splitlines() if line.startswith("| ")]
    assert {line.split(" | ")[1] for line in table[2:]} == {"export", "import"}
    assert {line.split(" | ")[0] for line in table[2:]} == {"| embedded", "| remote"}
