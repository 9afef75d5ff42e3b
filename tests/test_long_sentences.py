"""A sentence no news report has (a megabyte with no full stop) is kept as text but not parsed, its
article says so, and the rest of the article and of the batch load as usual."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kg.article import read_article
from kg.loader import build
from kg.mentions import covered_tokens
from kg.read.sentences import MAX_SENTENCE_CHARS

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
RUN_ON = " ".join(["the two delegations met the press in New Delhi and spoke about cooperation"] * 14_000)


@pytest.fixture(scope="module")
def batch(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("batch")
    (folder / "run-on.txt").write_text(f"NEW DELHI, May 2, 2020 (PTI) Officials met on Monday. {RUN_ON}. "
                                       "The talks ended on Tuesday.\n", encoding="utf-8")
    shutil.copy(SEEDS / "002_acd130ee94a5d060.txt", folder)
    return folder


def test_a_sentence_over_the_limit_gives_its_article_a_warning_naming_it(batch):
    article = read_article(batch / "run-on.txt")
    assert len(RUN_ON) > 1_000_000 > MAX_SENTENCE_CHARS
    assert any(w.startswith("sentence 1 is 1,0") and "not read for facts" in w for w in article.warnings)


def test_a_batch_with_a_megabyte_sentence_loads_every_article(batch, tmp_path):
    summary = build([batch], tmp_path / "store")
    assert summary.ok and summary.count("loaded") == 2


def test_covered_tokens_marks_the_tokens_inside_the_spans():
    toks = [("a", 0, 1), ("b", 2, 3), ("c", 4, 5), ("d", 6, 7)]
    assert covered_tokens(toks, [(2, 5)]) == [False, True, True, False]
