"""`kg build --watch`: poll the folders given for new and changed article files and load them
in batches until interrupted.

A file is taken once it has stayed the same (size and modification time) for one poll, so that
a file still being written is not read half-way. Each batch is an ordinary build of the files
that changed, with the folders given as the roots of their keys (kg.read.identity), so a file
keeps its key across batches. The loader writes one article per transaction, so an interrupt
(Ctrl-C) between or during batches leaves every stored article whole; an article interrupted
before its write is loaded by the next build or watch.
"""
from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from kg.article import find_articles


def signature(path: Path) -> tuple[int, int] | None:
    try:
        status = path.stat()
    except OSError:
        return None
    return status.st_mtime_ns, status.st_size


class Watcher:
    """The article files under `paths` that are new or changed since they were last taken."""

    def __init__(self, paths: Sequence[str | Path], taken: bool = True):
        self.paths = list(paths)
        self.taken: dict[str, tuple[int, int] | None] = {}     # signature when last loaded
        self.seen: dict[str, tuple[int, int] | None] = {}      # signature at the last poll
        if taken:            # the files there now count as loaded (the first build took them)
            for file in self._files():
                self.taken[str(file)] = self.seen[str(file)] = signature(file)

    def _files(self) -> list[Path]:
        files, _ = find_articles([p for p in self.paths if os.path.exists(p)])
        return files

    def poll(self) -> list[Path]:
        """Files that are new or changed and have not changed since the previous poll."""
        ready = []
        now = {str(file): signature(file) for file in self._files()}
        for name, sig in now.items():
            if sig is not None and sig != self.taken.get(name) and sig == self.seen.get(name):
                ready.append(Path(name))
                self.taken[name] = sig
        self.seen = now
        return ready
