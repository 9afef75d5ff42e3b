"""An article's identity: the key of its named graph, so that reading it again replaces it.

- An article with a URL is known by it: the same story saved twice (a page and its copy in a
  feed, two saves of one page) is one article, and an edited version replaces the old one. The
  key is a readable slug of the URL (host and path) and 8 hex digits of its SHA-1, so two URLs
  that slug alike stay apart. The URL is compared without its fragment, tracking parameters
  (utm_*, fbclid ...), "www." and a closing "/", and http and https alike.
- A file without one is known by its path under the folder given, without the suffix
  ("2020/article" and "2024/article" are two articles); a file named by itself, by its stem.
- A record without a URL (a JSON line, a feed entry) is known by the file's key and the
  record's own id when it has one, else its position ("news-line-3").

Two different files whose keys read alike once made into an IRI ("Report 1.txt" and
"report_1.md" both give "report-1") are told apart by `Identities`: the second keeps its
suffix in the key ("report-1-md"), and past that the key gains 8 hex digits of its path.
"""
from __future__ import annotations

import hashlib
import re
from pathlib import Path, PurePath
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from kg.vocab import slug

_TRACKING = re.compile(r"^(?:utm_\w+|fbclid|gclid|mc_cid|mc_eid|ref|ref_src|cmpid|ito|smid)$", re.I)
_MAX_SLUG = 72


def normal_url(url: str) -> str | None:
    """The URL as compared for identity, or None when it is not an absolute http(s) URL."""
    parts = urlsplit(url.strip())
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    host = parts.hostname.lower().removeprefix("www.")
    port = f":{parts.port}" if parts.port and parts.port not in (80, 443) else ""
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                       if not _TRACKING.match(k)])
    return urlunsplit(("https", host + port, parts.path.rstrip("/") or "/", query, ""))


def url_key(url: str) -> str:
    """'https://www.example.org/world/2019/12/india-us-talks.html' ->
    'example-org-world-2019-12-india-us-talks-html-1a2b3c4d'."""
    normal = normal_url(url) or url
    parts = urlsplit(normal)
    readable = slug(f"{parts.netloc} {parts.path} {parts.query}")
    if len(readable) > _MAX_SLUG:       # keep the host and the end of the path
        host = slug(parts.netloc)
        readable = host + "-" + readable[-(_MAX_SLUG - len(host) - 1):].lstrip("-")
    return f"{readable}-{hashlib.sha1(normal.encode()).hexdigest()[:8]}"


def path_key(path: Path, root: Path | None) -> str:
    """The file's path under `root` without its suffix ('2020/article'), else its stem."""
    if root is not None:
        try:
            relative = PurePath(path.resolve().relative_to(root.resolve()))
        except ValueError:
            relative = None
        if relative is not None and relative.parts:
            return relative.with_name(_stem(relative.name)).as_posix()
    return _stem(path.name)


def _stem(name: str) -> str:
    for double in (".warc.gz", ".arc.gz"):
        if name.lower().endswith(double):
            return name[: -len(double)]
    return PurePath(name).stem or name


def record_key(file_key: str, record: str, own_id: str | None) -> str:
    """A record without a URL: the file's key and its own id, else its position."""
    if own_id:
        return f"{file_key}-{own_id}" if len(slug(own_id)) <= _MAX_SLUG else \
            f"{file_key}-{hashlib.sha1(own_id.encode()).hexdigest()[:12]}"
    return f"{file_key}-{record}"


class Identities:
    """Keys given out in one build: two different files never share one."""

    def __init__(self) -> None:
        self.owners: dict[str, str] = {}      # slug of a key -> the file (or URL) that holds it

    def claim(self, key: str, owner: str, path: Path) -> str:
        """The key for an article of `owner` (its normalised URL, or its file's path)."""
        for candidate in (key, f"{key}-{path.suffix.lstrip('.')}" if path.suffix else None,
                          f"{key}-{hashlib.sha1(owner.encode()).hexdigest()[:8]}"):
            if candidate is None:
                continue
            held = self.owners.setdefault(slug(candidate), owner)
            if held == owner:
                return candidate
        raise AssertionError("a SHA-1 prefix of the path collided")   # pragma: no cover
