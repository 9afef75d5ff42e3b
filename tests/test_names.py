"""A name in a question that several entities answer to: resolved to the one that can answer, or
the candidates listed with their kinds."""
from __future__ import annotations

from click.testing import CliRunner

from kg.cli import main
from kg.query.labels import candidates
from kg.store import open_store


def test_a_word_of_several_names_finds_each_entity_with_its_kinds(seeds_store):
    found = {c.label: c.kinds for c in candidates(open_store(seeds_store, read_only=True), "pathankot")}
    assert found["Pathankot"] == ("Place",)
    assert "Attack" in found["2016 Pathankot attack"]


def test_a_word_inside_another_word_is_not_a_match(seeds_store):
    assert not candidates(open_store(seeds_store, read_only=True), "athanko")


def test_a_path_to_a_town_in_no_relation_goes_to_the_attack_that_bears_its_name(seeds_store):
    result = CliRunner().invoke(main, ["network", "path", "Pakistan", "Pathankot", "--store", str(seeds_store)])
    assert result.exit_code == 0, result.output
    assert "2016 Pathankot attack" in result.stdout

