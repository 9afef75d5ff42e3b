"""Where the project's data folders are: in the source tree, or shipped inside the package.

`ontology/` and `queries/` live at the top of the repository, where people read and edit them.
A wheel (`pip install .`, not `-e`) carries copies of both inside the package, under
`kg/_shipped/` (setup.py puts them there at build time); an editable install or a checkout reads
the originals.
"""
from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
SHIPPED_DIR = PACKAGE_DIR / "_shipped"


def project_dir(name: str) -> Path:
    """The folder `name` (ontology, queries) shipped with the package, else the source tree's."""
    shipped = SHIPPED_DIR / name
    return shipped if shipped.is_dir() else PACKAGE_DIR.parent / name


ONTOLOGY_DIR = project_dir("ontology")
QUERY_DIR = project_dir("queries")
