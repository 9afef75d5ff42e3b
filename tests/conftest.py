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
