"""The pattern files of kg/patterns/, read one way: word lists (.txt, one entry a line) and tables
(.tsv, columns separated by tabs). Blank lines and lines that start with '#' are comments. A table
line with the wrong number of columns is refused with its file and line, and what to write."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from kg.errors import BadPatternFile
from kg.paths import PACKAGE_DIR

PATTERNS = PACKAGE_DIR / "patterns"


def _lines(folder: Path, name: str) -> list[tuple[int, str]]:
    text = (folder / name).read_text(encoding="utf-8")
    return [(n, line) for n, line in enumerate(text.splitlines(), 1) if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=None)
def word_list(name: str, folder: Path = PATTERNS) -> tuple[str, ...]:
    """The entries of kg/patterns/NAME, stripped, in file order."""
    return tuple(line.strip() for _, line in _lines(folder, name))


@lru_cache(maxsize=None)
def table(name: str, columns: int, folder: Path = PATTERNS) -> tuple[tuple[str, ...], ...]:
    """The rows of kg/patterns/NAME, each of `columns` stripped cells, in file order."""
    rows = []
    for n, line in _lines(folder, name):
        cells = tuple(cell.strip() for cell in line.split("\t"))
        if len(cells) != columns:
            raise BadPatternFile(
                f"kg/patterns/{name}:{n}: {len(cells)} column(s) where {columns} are expected.\n"
                f"  Separate the {columns} columns with one tab each (the file's header comment says which).")
        rows.append(cells)
    return tuple(rows)
