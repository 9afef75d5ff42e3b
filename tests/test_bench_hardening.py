"""Smoke tests of the fault-injection and large-import benchmarks: each runs small and prints its figures."""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import benchmarks.bench_faults as bench_faults  # noqa: E402
import benchmarks.bench_import as bench_import  # noqa: E402


def test_bench_import_prints_the_peak_memory_of_an_import(capsys):
    assert bench_import.main(["--mb", "0.05"]) == 0
    out = capsys.readouterr().out
    assert "kg import exit 0" in out and "peak resident" in out


@pytest.mark.skipif(shutil.which("java") is None, reason="the builds reason, with Java")
def test_bench_faults_kills_a_build_and_compares_the_rerun_with_a_clean_build(tmp_path, capsys):
    folder = tmp_path / "articles"
    folder.mkdir()
    seed = sorted((ROOT / "seeds").glob("*.txt"))[0]
    shutil.copy(seed, folder / seed.name)
    assert bench_faults.main(["--kills", "1", "--articles", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "a second clean build equal to the first: True" in out
    assert "1 of 1 reruns equal to the clean build" in out
