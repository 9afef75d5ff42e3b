"""Opening a store: the one opener every command uses.

A store is a folder holding an on-disk Oxigraph store (the data: the named graphs that queries,
`kg serve`, exports and the union default graph show) and, in its subfolder `lookup-index/`, the
loader's lookup index (kg.store.index), an Oxigraph store of its own so that no query over the
data ever sees it. A location that is an http(s) URL is a SPARQL 1.1 server (kg.remote), which
has no lookup index.
"""
from __future__ import annotations

import os
from pathlib import Path

import pyoxigraph as ox

from kg.errors import StoreError, unreadable_store
from kg.remote import is_url

INDEX_FOLDER = "lookup-index"


class Store:
    """An embedded store: `data`, the pyoxigraph Store of the named graphs, and `index`, the
    lookup index's own pyoxigraph Store (None when the folder has none yet, opened read-only).

    It answers as `data` does (query, update, load, quads_for_pattern, ...): the loader, the
    queries and the exporter use it as a pyoxigraph Store."""

    def __init__(self, data: ox.Store, index: ox.Store | None, folder: Path | None) -> None:
        self.data = data
        self.index = index
        self.folder = folder

    def __getattr__(self, name: str):
        return getattr(self.data, name)

    def __len__(self) -> int:
        return len(self.data)

    def flush(self) -> None:
        """Write what the data and the lookup index hold in memory to disk: RocksDB keeps its
        write tables in memory until they fill, so a long build that never flushes grows by about
        a megabyte per article."""
        self.data.flush()
        if self.index is not None:
            self.index.flush()

    def __iter__(self):
        return iter(self.data)

    def __contains__(self, quad) -> bool:
        return quad in self.data

    def __repr__(self) -> str:
        return f"Store({str(self.folder)!r})"


def store_folder(location: str | os.PathLike) -> Path:
    """`location` as a store folder that exists; StoreError, saying what to do, if it is not."""
    folder = Path(location)
    if not folder.is_dir():
        raise StoreError(
            f"no store at '{location}'. Build one first: kg build ARTICLES --store {location} "
            "(or point --store, or KG_STORE, at an existing store folder)."
        )
    return folder


def open_store(location, *, read_only: bool = False, timeout_s: float | None = None):
    """The store at `location`: a Store for a folder (made when writing and missing), or a
    kg.remote.RemoteStore for an http(s) URL. Read-only opens an existing folder without taking
    the writer's lock; StoreError, saying what to do, when there is no store or it cannot be
    opened (another kg command writing to it)."""
    if isinstance(location, (Store, ox.Store)) or hasattr(location, "ping"):
        return location   # already open (a caller's store, or a RemoteStore)
    if is_url(str(location)):
        from kg.remote import open_remote

        extra = {} if timeout_s is None else {"timeout_s": timeout_s}
        return open_remote(str(location), read_only=read_only, **extra)
    path = Path(location)
    try:
        if read_only:
            folder = store_folder(path)
            index_dir = folder / INDEX_FOLDER
            try:
                index = ox.Store.read_only(str(index_dir)) if index_dir.is_dir() else None
                return Store(ox.Store.read_only(str(folder)), index, folder)
            except (OSError, RuntimeError) as error:
                raise unreadable_store(path, error) from error
        path.mkdir(parents=True, exist_ok=True)
        return Store(ox.Store(str(path)), ox.Store(str(path / INDEX_FOLDER)), path)
    except OSError as error:
        raise StoreError(
            f"{path}: the store cannot be opened ({error}).\n"
            "  Another kg command may be writing to it; wait for it to finish, or use another --store.\n"
            "  If it is not a store folder made by `kg build`, point --store at one."
        ) from error


def embedded(store) -> bool:
    """Whether `store` is on this machine (a Store or a bare pyoxigraph Store), not a server."""
    return isinstance(store, (Store, ox.Store))
