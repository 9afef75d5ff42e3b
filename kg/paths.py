"""Where the project's data is: the ontology, the named queries and the internal queries.

Everything kg reads at run time is package data of `kg`, found through `importlib.resources`:
`kg/sparql/` (the internal queries), `kg/rules/`, `kg/patterns/`, and the top-level `ontology/`
and `queries/` folders, which a wheel (`pip install .`, not `-e`) carries inside the package as
`kg/_shipped/ontology` and `kg/_shipped/queries` (setup.py copies them at build time). A
checkout or an editable install has no `_shipped/` and reads the top-level originals, where
people read and edit them.

The package must be installed as files (what pip does), not run from a zip archive: the store
loads the ontology by path.
"""
from __future__ import annotations

from functools import lru_cache
from importlib.resources import files
from pathlib import Path


def _package_dir() -> Path:
    root = files("kg")
    if not isinstance(root, Path):
        raise RuntimeError("ctkg is installed as a zip archive; install it with pip, which unpacks it.")
    return root


PACKAGE_DIR = _package_dir()
SHIPPED_DIR = PACKAGE_DIR / "_shipped"
INTERNAL_QUERY_DIR = PACKAGE_DIR / "sparql"


def project_dir(name: str) -> Path:
    """The folder `name` (ontology, queries) shipped with the package, else the source tree's."""
    shipped = SHIPPED_DIR / name
    return shipped if shipped.is_dir() else PACKAGE_DIR.parent / name


ONTOLOGY_DIR = project_dir("ontology")
QUERY_DIR = project_dir("queries")


@lru_cache(maxsize=None)
def internal_query(name: str) -> str:
    """The text of the internal query kg/sparql/NAME.rq (the queries kg runs itself; the named
    queries analysts run are in queries/)."""
    return (INTERNAL_QUERY_DIR / f"{name}.rq").read_text(encoding="utf-8")


def checkout_dir() -> Path | None:
    """The project's folder when kg runs from a checkout (an editable install, or PYTHONPATH),
    None when it is installed from a wheel."""
    root = PACKAGE_DIR.parent
    return root if not SHIPPED_DIR.is_dir() and (root / "pyproject.toml").is_file() else None
