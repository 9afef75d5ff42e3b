"""kg build --max-bytes: the limit its own message suggests exists and is applied."""
from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner

from kg.cli import main

SEED = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))[0]


def test_max_bytes_refuses_a_larger_article_and_lets_one_under_it_load(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    shutil.copy(SEED, folder / SEED.name)
    size = SEED.stat().st_size
    small = CliRunner().invoke(main, ["build", str(folder), "--store", str(tmp_path / "a"), "--no-reason",
                                      "--max-bytes", str(size - 1)])
    assert small.exit_code == 1
    assert "over the limit of" in small.output and "--max-bytes" in small.output
    large = CliRunner().invoke(main, ["build", str(folder), "--store", str(tmp_path / "b"), "--no-reason",
                                      "--max-bytes", str(size)])
    assert large.exit_code == 0, large.output
