"""The development corpus (../shared/corpus, 16 reports of real events in other outlets' styles),
scored end to end by the shared scorer (../shared/eval/score.py): `kg build`, then `kg query NAME
--format csv`. The bars sit below the figures reached, so that a change that reads news worse
fails here. Skipped where ../shared is not beside the project."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SCORER = SHARED / "eval" / "score.py"
CORPUS = SHARED / "corpus"

MICRO_F1 = 0.65
CATEGORY_F1 = {"persons": 0.85, "posts": 0.75, "attacks": 0.80, "delegation leaders": 0.40,
               "reactions": 0.55, "legal actions": 0.60, "agreements": 0.50, "meetings": 0.45}

pytestmark = pytest.mark.skipif(not (SCORER.is_file() and (CORPUS / "gold.json").is_file()),
                                reason="../shared/corpus and ../shared/eval are not beside the project")


@pytest.fixture(scope="module")
def scores(tmp_path_factory) -> dict:
    out = tmp_path_factory.mktemp("dev-corpus") / "scores.json"
    kg = Path(sys.executable).with_name("kg")
    subprocess.run([sys.executable, str(SCORER), "--kg", str(kg), "--articles", str(CORPUS / "articles"),
                    "--gold", str(CORPUS / "gold.json"), "--json", str(out), "--cwd", str(ROOT)],
                   check=True, capture_output=True, text=True, timeout=900)
    return json.loads(out.read_text())


def _f1(row: dict) -> float:
    p = row["tp"] / row["pred"] if row["pred"] else 0.0
    r = row["tp"] / row["gold"] if row["gold"] else 1.0
    return 2 * p * r / (p + r) if p + r else 0.0


def test_every_article_of_the_development_corpus_builds(scores):
    assert scores["build_exit"] == 0 and not scores["errors"]


def test_the_development_corpus_scores_above_the_bar(scores):
    assert scores["micro_f1"] >= MICRO_F1


@pytest.mark.parametrize("category", sorted(CATEGORY_F1))
def test_each_category_scores_above_its_bar(scores, category):
    assert _f1(scores["scores"][category]) >= CATEGORY_F1[category], scores["scores"][category]


def test_every_article_of_the_development_corpus_gets_its_date():
    """Read, and where the dateline has no year, dated from the events the text names
    (kg/extract/dating.py), as the build dates it."""
    from kg.article import read_article
    from kg.extract.dating import dated
    from kg.extract.pipeline import parse
    from kg.mentions import find_mentions
    from kg.reference import reference_index

    gold = json.loads((CORPUS / "gold.json").read_text(encoding="utf-8"))
    found = {}
    for name in (n for n in gold if not n.startswith("_")):
        article = read_article(CORPUS / "articles" / name)
        docs = parse([s.text for s in article.sentences])
        article = dated(article, find_mentions(article, reference_index(), docs), docs, reference_index())
        found[name] = str(article.published)
    assert found == {name: gold[name]["article"]["date"] for name in found}


def test_the_development_corpus_built_one_by_one_in_reverse_gives_the_same_quads(tmp_path):
    import pyoxigraph as ox

    from kg.loader import build
    from kg.store import article_graphs

    def article_quads(store_dir):
        store = ox.Store.read_only(str(store_dir))
        return {q for g in article_graphs(store) for q in store.quads_for_pattern(None, None, None, ox.NamedNode(g))}

    articles = sorted((CORPUS / "articles").glob("*.txt"))
    build([CORPUS / "articles"], tmp_path / "in-order")
    for path in reversed(articles):
        build([path], tmp_path / "reversed")
    assert article_quads(tmp_path / "reversed") == article_quads(tmp_path / "in-order")
