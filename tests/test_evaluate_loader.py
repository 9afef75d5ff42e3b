"""The loader's scores against the gold files: a change that makes it read worse fails here."""
from __future__ import annotations

from pathlib import Path

import pytest

from kg.evaluate import evaluate
from kg.loader import build

ROOT = Path(__file__).resolve().parent.parent

# The bars: the seeds were read while writing the rules; the unseen articles were not.
SEEDS_F1 = 0.85
UNSEEN_F1 = 0.65


def test_the_seeds_score_above_the_bar(seeds_store):
    scores = evaluate(seeds_store, ROOT / "tests" / "gold" / "seeds.json")
    assert scores.overall.f1 >= SEEDS_F1, scores.overall


@pytest.mark.parametrize("kind", ["delegation_leaders", "groups_named", "reactions", "attacks"])
def test_the_seeds_score_well_on_the_kinds_analysts_ask_most(seeds_store, kind):
    assert evaluate(seeds_store, ROOT / "tests" / "gold" / "seeds.json")[kind].f1 >= 0.85


def test_articles_the_rules_were_not_written_for_score_above_the_bar(tmp_path):
    build([ROOT / "tests" / "unseen"], tmp_path / "store")
    scores = evaluate(tmp_path / "store", ROOT / "tests" / "gold" / "unseen.json")
    assert not scores.missing_articles
    assert scores.overall.f1 >= UNSEEN_F1, scores.overall
