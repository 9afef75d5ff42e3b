"""Data flows one way: the reading and extraction stages (which end in the article's own graph,
kg/triples.py) import nothing from resolution or the later ones (validation, the store, queries,
the network, figures, export), so that extraction can run anywhere, in any number of processes,
with one writer; resolution imports nothing after it (it is handed the store it reads)."""
import ast
from pathlib import Path

import pytest

KG = Path(__file__).resolve().parent.parent / "kg"
EXTRACTION = sorted([KG / "article.py", KG / "dates.py", KG / "mentions.py", KG / "entities.py", KG / "events.py",
                     KG / "triples.py", KG / "extraction.py"] + list((KG / "extract").glob("*.py"))
                    + list((KG / "read").glob("*.py")))
AFTER_RESOLUTION = {"kg.validate", "kg.shacl", "kg.store", "kg.remote", "kg.loader", "kg.query", "kg.network",
         "kg.plot", "kg.export", "kg.importer", "kg.serve", "kg.reason", "kg.evaluate", "kg.cli", "kg.docs"}
LATER = AFTER_RESOLUTION | {"kg.resolve"}


def imported(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{a.name}" for a in node.names)
        elif isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
    return names


@pytest.mark.parametrize("path", EXTRACTION, ids=lambda p: str(p.relative_to(KG.parent)))
def test_an_extraction_module_imports_no_later_stage(path):
    later = {name for name in imported(path) if any(name == m or name.startswith(m + ".") for m in LATER)}
    assert not later, f"{path.name} imports {sorted(later)}"


def test_resolution_imports_no_later_stage():
    later = {name for name in imported(KG / "resolve.py")
             if any(name == m or name.startswith(m + ".") for m in AFTER_RESOLUTION)}
    assert not later, f"resolve.py imports {sorted(later)}"


def test_a_module_importing_the_store_would_be_caught(tmp_path):
    module = tmp_path / "bad.py"
    module.write_text("from kg.store import open_store\n", encoding="utf-8")
    assert "kg.store" in imported(module)
