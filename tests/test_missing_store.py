"""A command that reads a store, given a folder with none, says so and makes none."""
from __future__ import annotations

from click.testing import CliRunner

from kg.cli import main


def test_kg_reason_where_there_is_no_store_says_so_and_makes_none(tmp_path):
    result = CliRunner().invoke(main, ["reason", "--store", str(tmp_path / ".kg")])
    assert result.exit_code == 2 and "no store at" in result.output
    assert not (tmp_path / ".kg").exists()
