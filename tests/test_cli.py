"""The kg command line: help, exit codes and messages of the loader's commands."""
from __future__ import annotations

import re
from pathlib import Path

import click
from click.testing import CliRunner

from kg.cli import main

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_help_lists_the_commands():
    result = run("--help")
    for command in ("build", "validate", "explain", "evaluate", "query", "sparql", "serve", "reason"):
        assert re.search(rf"^\s+{command}\s", result.output, re.M), command


def test_every_command_has_a_summary_and_an_example():
    for name, command in main.commands.items():
        commands = command.commands.items() if isinstance(command, click.Group) else [(name, command)]
        for sub, cmd in commands:
            assert cmd.help and "Example" in cmd.help, f"kg {name} {sub}"


def test_the_readme_mentions_every_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in main.commands:
        assert f"kg {name}" in readme, name


def test_build_names_an_empty_file_and_exits_1(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text("New Delhi, Feb 2 (PTI) Home Secretary Ajay Bhalla met US officials on Monday.\n")
    (folder / "empty.txt").write_text("")
    result = run("build", str(folder), "--store", str(tmp_path / "store"), "--no-reason")
    assert result.exit_code == 1
    assert "empty.txt" in result.output and "The other 1 article(s) were loaded." in result.output


def test_build_of_good_articles_exits_0_and_prints_the_summary(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text("New Delhi, Feb 2 (PTI) Home Secretary Ajay Bhalla met US officials on Monday.\n")
    result = run("build", str(folder), "--store", str(tmp_path / "store"), "--no-reason")
    assert result.exit_code == 0, result.output
    assert "triples written" in result.output


def test_build_of_a_missing_path_says_so(tmp_path):
    result = run("build", str(tmp_path / "nowhere"), "--store", str(tmp_path / "store"), "--no-reason")
    assert result.exit_code == 1
    assert "nowhere" in result.output


def test_explain_shows_the_sentence_behind_a_fact(seeds_store):
    result = run("explain", "Nathan A Sales", "--store", str(seeds_store))
    assert result.exit_code == 0, result.output
    assert "Nathan Sales" in result.output and "State Department Coordinator" in result.output


def test_explain_of_an_unknown_name_suggests_close_ones(seeds_store):
    result = run("explain", "Ajay Bhala", "--store", str(seeds_store))
    assert result.exit_code == 2
    assert "Ajay Bhalla" in result.output


def test_validate_on_a_conforming_store_exits_0(seeds_store):
    result = run("validate", "--store", str(seeds_store))
    assert result.exit_code == 0 and "No article is kept aside" in result.output


def test_evaluate_prints_f1_per_kind(seeds_store):
    result = run("evaluate", str(ROOT / "tests" / "gold" / "seeds.json"), "--store", str(seeds_store))
    assert result.exit_code == 0, result.output
    assert "delegation_leaders" in result.output.replace("…", "") or "delegation" in result.output
    assert "F1" in result.output


def test_reason_writes_inferences_on_the_seeds(seeds_store, tmp_path):
    import shutil

    copy = tmp_path / "store"
    shutil.copytree(seeds_store, copy)
    result = run("reason", "--store", str(copy))
    assert result.exit_code == 0, result.output
    assert "inferred triples" in result.output
