"""The order of the articles never changes the store: extraction reads nothing but its article, and
resolution (kg/resolve.py) decides by rules that do not look at which report came first."""
from __future__ import annotations

import random
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.loader import build
from kg.store import article_graphs

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests" / "unseen").glob("*.txt"))


def article_quads(store_dir: Path) -> set:
    store = ox.Store.read_only(str(store_dir))
    return {q for g in article_graphs(store) for q in store.quads_for_pattern(None, None, None, ox.NamedNode(g))}


def built_one_by_one(paths: list[Path], store_dir: Path) -> set:
    for path in paths:
        build([path], store_dir)
    return article_quads(store_dir)


@pytest.fixture(scope="module")
def in_file_order(tmp_path_factory) -> set:
    folder = tmp_path_factory.mktemp("articles")
    for path in ARTICLES:
        shutil.copy(path, folder)
    store_dir = tmp_path_factory.mktemp("in-order") / "store"
    assert build([folder], store_dir).ok
    return article_quads(store_dir)


def test_the_articles_built_one_by_one_in_reverse_give_the_same_quads(in_file_order, tmp_path):
    assert built_one_by_one(list(reversed(ARTICLES)), tmp_path / "store") == in_file_order


def test_the_articles_built_one_by_one_shuffled_give_the_same_quads(in_file_order, tmp_path):
    shuffled = list(ARTICLES)
    random.Random(20261207).shuffle(shuffled)
    assert built_one_by_one(shuffled, tmp_path / "store") == in_file_order
