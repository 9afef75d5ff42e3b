"""The build's journal: which phase a build is in, and a digest of every graph it wrote, so that a
build stopped part-way (killed, out of power) or a graph changed behind kg build's back is put
right by the next build, which says what it repaired.

    journal = BuildJournal.begin(store_dir)          # reads what the last build left
    repairs = journal.check_graphs(store)            # before the base graphs are ensured
    journal.enter("write") ... journal.seal(store) ... journal.enter("reasoning") ... journal.finish()

Two small files in the store folder (Oxigraph leaves files it does not know alone), each
replaced whole and atomically (written aside, then renamed):

- kg-build.json: the phase of the build now running or last run (index, write, reasoning,
  done), its process id, and whether the inferred graph is current ("inferred": "current" or
  "stale"). A build that finds the last one stopped before "done" says so; one that finds the
  inferred graph stale reasons even when no article changed (a kill during reasoning, or a
  build with --no-reason, leaves it stale until kg reason or a build that reasons).
- kg-digests.json: for every graph kg build wrote (articles, ontology, reference, inferred), its
  triple count and an order-free digest of its triples (BLAKE2b of its N-Triples lines, sorted),
  with the article's content hash. A graph whose content no longer matches is repaired: an
  article's graph loses its content hash, so the loader reads the article again when it meets
  the file; a base graph loses its recorded file hash, so it is reloaded; a changed inferred
  graph makes the inferred graph stale. The loader tells the journal each graph it writes, with
  its triples (`written`: its own and the stored graphs resolution rewrote), and those are
  sealed after the write phase from what was written, without reading them back; after a build
  stopped in its write phase, the article graphs are not judged but all sealed again from the
  store, as are graphs sealed by an older digest format.

A store served over HTTP (a URL) keeps no journal: its server owns its own recovery.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
from pathlib import Path

import pyoxigraph as ox

from kg.terms import ctkg
from kg.vocab import ARTICLE_GRAPH_PREFIX, G_INFERRED, G_ONTOLOGY, G_REFERENCE, GRAPH_BASE

JOURNAL = "kg-build.json"
DIGESTS = "kg-digests.json"
PHASES = ("index", "write", "reasoning", "done")
CONTENT_HASH = ctkg.contentHash   # an article's, in its graph; a base graph's files', in the meta graph
G_META = ox.NamedNode(GRAPH_BASE + "meta")
BASE = (str(G_ONTOLOGY), str(G_REFERENCE))


DIGEST_FORMAT = "v2"   # digests of another format (an older ctkg) are sealed again, not judged


def graph_digest(store, graph: str | None) -> str:
    """'v2:<triples>:<hex>' for the named graph (None: the default graph), read from the store: the
    same for the same set of triples, whatever the order the store returns them in, and whatever
    names its blank nodes were given (a graph with blank nodes, as the ontology's OWL
    restrictions, is put in canonical form first: RDFC-1.0)."""
    name = ox.NamedNode(graph) if graph else ox.DefaultGraph()
    quads = list(store.quads_for_pattern(None, None, None, name))
    if any(isinstance(q.subject, ox.BlankNode) or isinstance(q.object, ox.BlankNode) for q in quads):
        dataset = ox.Dataset(ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph()) for q in quads)
        dataset.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
        quads = list(dataset)
    return triples_digest(f"{q.subject} {q.predicate} {q.object} .\n" for q in quads)


def triples_digest(lines) -> str:
    """The digest of a graph given as its N-Triples lines (each 's p o .' with its line end), as
    written: what graph_digest reads back once the store holds them, the store keeping every
    literal in its canonical form (kg writes literals in that form)."""
    lines = sorted(set(lines))
    return f"{DIGEST_FORMAT}:{len(lines)}:{hashlib.blake2b(''.join(lines).encode('utf-8'), digest_size=16).hexdigest()}"


def _content_hash(store, graph: str) -> str | None:
    for quad in store.quads_for_pattern(None, CONTENT_HASH, None, ox.NamedNode(graph)):
        return quad.object.value
    return None


class BuildJournal:
    """The journal of one build on a store folder (a no-op for a store URL)."""

    def __init__(self, folder: Path | None, previous: dict | None, digests: dict) -> None:
        self.folder = folder
        self.previous = previous or {}
        self.digests = digests
        self.state = {"phase": "index", "pid": os.getpid(), "started": _now(),
                      "inferred": self.previous.get("inferred", "stale" if previous else "current")}
        if self.interrupted:
            self.state["inferred"] = "stale"
        self.repairs: list[str] = []
        self.written_graphs: dict[str, dict] = {}   # article graph -> its seal, from what was written
        self.reread: set[str] = set()                 # article graphs written with blank nodes

    @classmethod
    def begin(cls, store_dir) -> "BuildJournal":
        text = str(store_dir)
        if text.lower().startswith(("http://", "https://")):
            return cls(None, None, {})
        folder = Path(store_dir)
        journal = cls(folder, _read(folder / JOURNAL), _read(folder / DIGESTS) or {})
        if journal.interrupted:
            journal.repairs.append(f"the last build stopped during its {journal.interrupted} phase; "
                                   "this build finished its work")
        journal._save()
        return journal

    @property
    def interrupted(self) -> str | None:
        """The phase the last build stopped in, if it stopped before the end."""
        phase = self.previous.get("phase")
        return phase if phase and phase != "done" else None

    @property
    def inferred_stale(self) -> bool:
        return self.state["inferred"] == "stale"

    def enter(self, phase: str) -> None:
        assert phase in PHASES, phase
        self.state["phase"] = phase
        self._save()

    def changed_facts(self) -> None:
        """Articles were written or repaired: what the reasoner inferred is out of date."""
        if self.state["inferred"] != "stale":
            self.state["inferred"] = "stale"
            self._save()

    def reasoned(self, store) -> None:
        """The inferred graph was written: current, and sealed."""
        self.digests[str(G_INFERRED)] = {"digest": graph_digest(store, str(G_INFERRED))}
        self._save_digests()
        self.state["inferred"] = "current"
        self._save()

    def finish(self) -> None:
        self.state["phase"] = "done"
        self.state.pop("pid", None)
        self._save()

    # -- graph digests

    def check_graphs(self, store) -> list[str]:
        """Compare every sealed graph with its digest; repair those that differ (see the module's
        doc). Returns what was repaired, in words."""
        if self.folder is None:
            return self.repairs
        present = {g.value for g in store.named_graphs()}
        for graph, record in sorted(self.digests.items()):
            if graph not in present:
                continue
            if graph.startswith(ARTICLE_GRAPH_PREFIX) and (self.interrupted == "write"
                                                           or record.get("hash") != _content_hash(store, graph)):
                continue   # written by a build that stopped before sealing it: sealed after this one's writes
            if not record["digest"].startswith(DIGEST_FORMAT + ":"):
                continue   # sealed by an older ctkg: sealed again after this build's writes
            if graph_digest(store, graph) == record["digest"]:
                continue
            self.repairs.append(self._repair(store, graph))
        return self.repairs

    def _repair(self, store, graph: str) -> str:
        node = ox.NamedNode(graph)
        if graph in BASE:
            store.update(f"DELETE WHERE {{ GRAPH {G_META} {{ {node} {CONTENT_HASH} ?h }} }}")
            return f"{graph} differed from the files it is loaded from: reloaded"
        if graph == str(G_INFERRED):
            self.changed_facts()
            return f"{graph} differed from what the reasoner wrote: reasoned again"
        store.update(f"DELETE WHERE {{ GRAPH {node} {{ ?article {CONTENT_HASH} ?h }} }}")
        self.changed_facts()
        return (f"{graph} differed from what kg build wrote: its article is read again when built "
                "(kg build on its file)")

    def written(self, graph, text: str) -> None:
        """The loader wrote the whole named graph `graph` of an article as N-Triples `text` (each
        triple once). Sealed by `seal`, from that text, with the article's content hash; a graph
        with blank nodes (as `kg import` may have stored), from the store, in canonical form."""
        if self.folder is None:
            return
        lines = text.splitlines(keepends=True)
        if any(line.startswith("_:") or " _:" in line for line in lines):
            self.written_graphs.pop(str(graph), None)
            self.reread.add(str(graph))
            return
        marker = f" {CONTENT_HASH} "
        content_hash = next((line for line in lines if marker in line), None)
        if content_hash is not None:
            value = ox.parse(content_hash, format=ox.RdfFormat.N_TRIPLES)
            self.written_graphs[str(graph)] = {"hash": next(value).object.value, "digest": triples_digest(lines)}

    def seal(self, store, base: bool = False) -> None:
        """With `base`, record the digests of the ontology and reference graphs; else of every
        article graph written in this build (`written`), and of those a stopped build or an older
        ctkg left unsealed, read from the store."""
        if self.folder is None:
            return
        for graph in sorted(g.value for g in store.named_graphs()):
            if base and graph in BASE:
                self.digests[graph] = {"digest": graph_digest(store, graph)}
            elif not base and graph.startswith(ARTICLE_GRAPH_PREFIX):
                if graph in self.written_graphs:
                    self.digests[graph] = self.written_graphs[graph]
                elif graph in self.reread or self.interrupted == "write" or not self._sealed(graph):
                    content = _content_hash(store, graph)
                    if content is not None:
                        self.digests[graph] = {"hash": content, "digest": graph_digest(store, graph)}
        self.written_graphs, self.reread = {}, set()
        self._save_digests()

    def _sealed(self, graph: str) -> bool:
        record = self.digests.get(graph)
        return record is not None and record.get("digest", "").startswith(DIGEST_FORMAT + ":")

    # -- files

    def _save(self) -> None:
        if self.folder is not None:
            _write(self.folder / JOURNAL, self.state)

    def _save_digests(self) -> None:
        if self.folder is not None:
            _write(self.folder / DIGESTS, self.digests)


def after_reasoning(store_dir, store) -> None:
    """kg reason wrote the inferred graph: it is current, and sealed."""
    if str(store_dir).lower().startswith(("http://", "https://")) or not Path(store_dir).is_dir():
        return
    folder = Path(store_dir)
    digests = _read(folder / DIGESTS) or {}
    digests[str(G_INFERRED)] = {"digest": graph_digest(store, str(G_INFERRED))}
    _write(folder / DIGESTS, digests)
    state = _read(folder / JOURNAL) or {"phase": "done"}
    _write(folder / JOURNAL, {**state, "inferred": "current"})


def build_running(store_dir) -> int | None:
    """The process id of a kg build writing the store folder now, if any."""
    if str(store_dir).lower().startswith(("http://", "https://")):
        return None
    state = _read(Path(store_dir) / JOURNAL) or {}
    pid = state.get("pid")
    if not pid or state.get("phase") == "done" or pid == os.getpid():
        return None
    try:
        os.kill(pid, 0)
    except OSError:
        return None
    return pid


def reasoner_available() -> bool:
    """Whether the Java runtime the reasoner (HermiT, through owlready2) needs is on the PATH."""
    import owlready2

    return shutil.which(getattr(owlready2, "JAVA_EXE", None) or "java") is not None


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()


def _read(path: Path) -> dict | None:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _write(path: Path, data: dict) -> None:
    """Replace the file whole: a reader (or a crash) sees the old content or the new."""
    if not path.parent.is_dir():
        return
    aside = path.with_name(path.name + ".tmp")
    with open(aside, "w", encoding="utf-8") as handle:
        json.dump(data, handle, indent=0, sort_keys=True)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(aside, path)
