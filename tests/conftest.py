"""Shared fixtures: the seeds' graph, built once per test session into a real on-disk store."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def seeds_store(tmp_path_factory) -> Path:
    """A store built from seeds/ by the loader, shared read-only by the tests that ask about it."""
    from kg.loader import build

    folder = tmp_path_factory.mktemp("seeds-store") / "store"
    summary = build([SEEDS], folder)
    assert summary.ok, [o.message for o in summary.outcomes] + [str(e) for e in summary.errors]
    return folder


@pytest.fixture()
def break_validation(monkeypatch):
    """Call it to make the loader add an attack with a malformed death toll to every article
    (or to those whose id starts with `prefix`), as it resolves them in the writing process, so that validation keeps the article aside."""
    import kg.loader as loader
    from kg.terms import NamedNode, ctkg, literal, rdf

    real = loader.resolve_article

    def patch(prefix: str = "") -> None:
        def broken(graph, store, index=None):
            result = real(graph, store, index)
            if graph.article.id.startswith(prefix):
                bad = NamedNode("https://w3id.org/ctkg/id/event/attack/bad")
                result.graph.add((bad, rdf.type, ctkg.Attack))
                result.graph.add((bad, ctkg.killed, literal("many")))
            return result

        monkeypatch.setattr(loader, "resolve_article", broken)

    return patch
