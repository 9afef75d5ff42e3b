"""Files in, decoded text out: which files a build reads, and their bytes as text."""
from __future__ import annotations

import os
import re
from collections.abc import Sequence
from pathlib import Path

from kg.errors import BadArticle, BinaryArticle, EmptyArticle, HugeArticle, KgError, MissingPath, NoArticles

ARTICLE_SUFFIXES = (".txt", ".md", ".text", "", ".html", ".htm", ".xhtml", ".xml", ".rss", ".atom",
                    ".jsonl", ".ndjson", ".json", ".warc", ".warc.gz")
_LISTED = "text (.txt, .md, .text), web pages (.html, .htm), feeds (.xml, .rss, .atom), JSON lines " \
          "(.jsonl, .ndjson, .json) and web archives (.warc, .warc.gz)"
_NOT_ARTICLES = {"readme", "license", "licence", "changelog", "notice", "copying"}


def find_articles(paths: Sequence[str | Path]) -> tuple[list[Path], list[KgError]]:
    """Files to read, in order, and one error for each path that gave none.

    A file is kept as given. A folder is searched, with its subfolders, for files with the
    suffixes of ARTICLE_SUFFIXES or none, sorted by path; hidden files and folders and
    README/LICENSE-type files are skipped. (What a file holds is then told by its content.) A missing path is a MissingPath error, a folder
    with no articles a NoArticles error; the other paths are still returned.
    """
    found: list[Path] = []
    errors: list[KgError] = []
    seen: set[str] = set()
    for given in paths:
        path = Path(given)
        if not path.exists():
            errors.append(MissingPath(f"{given}: no such file or folder.\n"
                                      "  Check the path, or leave it out."))
            continue
        files = _folder_articles(path) if path.is_dir() else [path]
        if not files:
            errors.append(NoArticles(
                f"{given}: the folder holds no articles (no {_LISTED}).\n"
                "  Put the article files there, or name the files themselves."))
        for file in files:
            key = os.path.abspath(file)
            if key not in seen:
                seen.add(key)
                found.append(file)
    return found, errors


def _folder_articles(folder: Path) -> list[Path]:
    files = []
    for top, dirs, names in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in names:
            stem, suffix = os.path.splitext(name)
            if name.lower().endswith(".warc.gz"):
                stem, suffix = name[:-8], ".warc.gz"
            if name.startswith(".") or suffix.lower() not in ARTICLE_SUFFIXES:
                continue
            if stem.lower() not in _NOT_ARTICLES:
                files.append(Path(top, name))
    return sorted(files)


def root_of(file: Path, given: Sequence[str | Path]) -> Path | None:
    """The folder given that `file` was found in (an article's key is its path under it)."""
    for path in map(Path, given):
        if path.is_dir():
            try:
                file.resolve().relative_to(path.resolve())
            except ValueError:
                continue
            return path
    return None


# ---------------------------------------------------------------------------------------------
# Reading the bytes


_SIGNATURES = (
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (a .docx or .odt file is one)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\xd0\xcf\x11\xe0", "a Microsoft Office document"),
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


def _read_bytes(path: Path, shown: str, max_bytes: int) -> bytes:
    try:
        is_dir, size = path.is_dir(), path.stat().st_size
    except FileNotFoundError:
        raise MissingPath(f"{shown}: no such file.\n"
                          "  Check the path, or leave the file out.") from None
    except OSError as error:
        raise BadArticle(f"{shown}: the file cannot be read ({error.strerror}).\n"
                         "  Check its permissions, or leave it out.") from None
    if is_dir:
        raise BadArticle(f"{shown}: this is a folder, not an article file.\n"
                         "  Name a file, or pass the folder to `kg build`, which reads the "
                         "article files in it.")
    try:
        if size > max_bytes:
            raise HugeArticle(
                f"{shown}: the file is {_size(size)}, over the limit of {_size(max_bytes)} "
                "for one article.\n  Split it into one file per article, or raise the limit "
                f"with --max-bytes (for example --max-bytes {_round_up(size)}).")
        data = path.read_bytes()
    except OSError as error:
        raise BadArticle(f"{shown}: the file cannot be read ({error.strerror}).\n"
                         "  Check its permissions, or leave it out.") from None
    if not data:
        raise EmptyArticle(f"{shown}: the file is empty (0 bytes).\n"
                           "  Add the article's text or leave the file out.")
    return data


def _size(n: int) -> str:
    if n < 10_000:
        return f"{n:,} bytes"
    if n < 1_000_000:
        return f"{n / 1000:.0f} kB ({n:,} bytes)"
    return f"{n / 1_000_000:.1f}".removesuffix(".0") + f" MB ({n:,} bytes)"


def _round_up(n: int) -> int:
    """A round number above n, to suggest as a limit: 12,345,678 -> 13,000,000."""
    step = 10 ** max(len(str(n)) - 2, 3)
    return (n // step + 1) * step


def _decode(data: bytes, shown: str) -> tuple[str, list[str]]:
    """The text and any warnings; raises BinaryArticle for what is not text."""
    for magic, kind in _SIGNATURES:
        if data.startswith(magic):
            raise BinaryArticle(f"{shown}: the file is {kind}, not plain text.\n"
                                "  Save the article as plain text (UTF-8) and try again.")
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            return data.decode("utf-16"), ["not UTF-8: read as UTF-16 (the file starts "
                                           "with its byte-order mark)"]
        except UnicodeDecodeError:
            pass
    if b"\x00" in data:
        raise BinaryArticle(f"{shown}: the file is binary, not text (it holds NUL bytes).\n"
                            "  Save the article as plain text (UTF-8) and try again.")
    text, warnings = _decode_text(data)
    controls = len(_CONTROL.findall(text))
    if controls > 0.1 * len(text):
        raise BinaryArticle(
            f"{shown}: the file is binary, not text ({100 * controls // len(text)}% of its "
            "characters are control codes).\n"
            "  Save the article as plain text (UTF-8) and try again.")
    return text, warnings


def _decode_text(data: bytes, charset: str | None = None) -> tuple[str, list[str]]:
    """UTF-8, else `charset` (a web server's word for it), else Windows-1252, else Latin-1."""
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        pass
    if charset:
        try:
            return data.decode(charset), []
        except (LookupError, UnicodeDecodeError):
            pass
    try:
        return data.decode("cp1252"), [
            "not UTF-8: read as Windows-1252; check the characters of names"]
    except UnicodeDecodeError:
        return data.decode("latin-1"), [
            "not UTF-8: read as Latin-1 (ISO-8859-1); check the characters of names"]
