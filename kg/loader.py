"""The loader: article files in, validated and explainable named graphs out.

    read_files -> parse -> extract_article -> resolve_article -> validate -> store

Extraction (mentions, entities, events, the article's graph) is a pure function of the article
and the reference data: it runs in any order, in any number of processes (`workers`). Resolution
(kg/resolve.py) then joins each article to what is stored, in file order, in this process, and
writes it, with the rewrites of stored graphs it decides. One transaction per article. An article that cannot be read is reported
by name and the rest of the batch loads; one that fails validation is kept aside in a quarantine
graph with its SHACL report. An article whose content hash is already stored is skipped.
"""
from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Sequence

import pyoxigraph as ox
from rdflib import Graph, Literal
from rdflib.namespace import RDF

from kg import store as kgstore
from kg.article import Article, Failed, find_articles, read_article, read_files
from kg.errors import KgError, LoaderFault
from kg.extract.pipeline import parse_many
from kg.extraction import extract_article
from kg.journal import BuildJournal, reasoner_available
from kg.provenance import provenance_triples
from kg.resolve import Resolved, resolve_article, rewrites, validation_context
from kg.terms import ctkg, graph_of_article
from kg.triples import ArticleGraph, article_iri
from kg.validate import validate
from kg.vocab import CTKG, G_INFERRED, article_graph, from_ox, quarantine_graph


@dataclass
class ArticleOutcome:
    path: str
    status: str                  # "loaded", "unchanged", "quarantined", "failed"
    triples: int = 0
    new_entities: int = 0
    known_entities: int = 0
    events: int = 0
    violations: int = 0
    message: str = ""
    warnings: tuple[str, ...] = ()


@dataclass
class BuildSummary:
    outcomes: list[ArticleOutcome] = field(default_factory=list)
    errors: list[KgError] = field(default_factory=list)
    reasoner: object = None          # kg.reason.ReasonerReport when the reasoner ran
    repairs: list[str] = field(default_factory=list)   # what the build found broken and put right
    reasoning_skipped: str = ""      # why the reasoner did not run when it should have

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    @property
    def ok(self) -> bool:
        consistent = self.reasoner is None or self.reasoner.consistent
        return consistent and not self.errors and all(o.status in ("loaded", "unchanged", "duplicate")
                                                       for o in self.outcomes)


@dataclass(frozen=True)
class Prepared:
    """An article extracted and resolved, ready to validate: its graph, the rewrites of stored
    graphs that go with it, and the validation context."""

    path: Path | str
    article: Article
    resolved: Resolved
    context: list[tuple]

    @property
    def result(self) -> ArticleGraph:
        return self.resolved.graph


def is_stored(store, article: Article) -> bool:
    """Whether the store holds the article as it is (its content hash under its key)."""
    return kgstore.stored_hash(store, article_graph(article.id)) == article.content_hash


def unchanged(store, path, article: Article) -> ArticleOutcome | None:
    """'unchanged' when the article is stored as it is."""
    return ArticleOutcome(str(path), "unchanged", warnings=article.warnings) if is_stored(store, article) else None


def prepare_article(store, path: Path | str, parsed: tuple | None = None,
                    extracted: ArticleGraph | None = None) -> Prepared | ArticleOutcome:
    """Read, extract and resolve one article against the store; 'unchanged' when its hash is
    stored, 'duplicate' when another article holds the same text. `parsed` is the (article,
    parses) pair when the file was read (and perhaps parsed) ahead; `path` is then where it came
    from. `extracted` is its graph when another process extracted it."""
    article, docs = parsed if parsed is not None else (read_article(path), None)
    outcome = unchanged(store, path, article)
    if outcome is not None:
        return outcome
    known = stored_elsewhere(store, article)
    if isinstance(known, ArticleOutcome):
        return known
    if known.id != article.id:
        extracted = None   # stored under another key: its IRIs are minted again
    article = known
    result = extracted if extracted is not None else extract_article(article, docs=docs)
    for triple in provenance_triples(article):
        result.add(triple)
    resolved = resolve_article(result, store)
    context = kgstore.describe_triples(store, kgstore.pointed_at(resolved.graph.triples) | {old for old, _ in resolved.renames})
    return Prepared(path, article, resolved, validation_context(context, resolved))


_HASH, _FILE_NAME = ctkg.contentHash, ctkg.fileName


def stored_elsewhere(store, article: Article) -> Article | ArticleOutcome:
    """What the store already holds of this article under another graph or name: the same text
    under another name is a 'duplicate', stored once; a file whose key a different stored file
    holds gets a key of its own; an article replacing one with its URL says so."""
    own = graph_of_article(article.id)
    for quad in store.quads_for_pattern(None, _HASH, ox.Literal(article.content_hash), None):
        if quad.graph_name != own:
            first = _stored_file(store, quad.subject, quad.graph_name) or quad.graph_name.value
            return ArticleOutcome(article.source, "duplicate", message=f"the same text as '{first}'", warnings=(
                *article.warnings, f"the same text as the stored article read from '{first}': stored once, "
                "under its first name"))
    stored = _stored_file(store, None, own)
    if stored is None or stored == article.file_name:
        return article
    if article.url:
        return replace(article, warnings=(*article.warnings, f"the same URL as the stored article read from "
                                          f"'{stored}': this version replaces it"))
    for key in (f"{article.id}-{Path(article.file_name).suffix.lstrip('.')}",
                f"{article.id}-{hashlib.sha1(article.file_name.encode()).hexdigest()[:8]}"):
        held = _stored_file(store, None, graph_of_article(key))
        if held is None or held == article.file_name:
            return replace(article, id=key, warnings=(*article.warnings, f"stored as '{key}': the key "
                           f"'{article.id}' belongs to the stored article read from '{stored}'"))
    return article


def _stored_file(store, subject, graph) -> str | None:
    for quad in store.quads_for_pattern(subject, _FILE_NAME, None, graph):
        return quad.object.value
    return None


def commit_article(store: ox.Store, prepared: Prepared, report, journal: BuildJournal | None = None) -> ArticleOutcome:
    """Write a validated article into its named graph, with the rewrites of stored graphs that
    resolving it decided; or keep it aside with its report (and rewrite nothing). The `journal`
    of a build is told each graph written."""
    article, result = prepared.article, prepared.result
    graph_iri = article_graph(article.id)
    outcome = ArticleOutcome(str(prepared.path), "loaded", len(result), result.new_entities,
                             result.known_entities, result.events, len(report.violations),
                             warnings=article.warnings)
    if report.conforms:
        written = [*((g.value, t) for g, t in rewrites(store, prepared.resolved).items()), (graph_iri, result.triples)]
        for graph, triples in written:
            text = kgstore.write_graph(store, graph, triples, *([quarantine_graph(article.id)] if graph is graph_iri else []))
            if journal is not None:
                journal.written(graph, text)
        return outcome
    kgstore.replace_graph(store, quarantine_graph(article.id), quarantined_graph(prepared, report), graph_iri)
    outcome.status = "quarantined"
    first = report.violations[0].message if report.violations else "see kg validate"
    outcome.message = f"{len(report.violations)} SHACL violation(s), e.g. {first}"
    return outcome


def quarantined_graph(prepared: Prepared, report) -> Graph:
    """What is kept aside: the SHACL report, and the article's triples as one N-Triples literal
    (rdf:value of the article), so that nothing is lost and none of it answers a query over the
    store's union graph until a corrected build (or `kg import`) replaces it."""
    kept = Graph()
    for triple in report.results:
        kept.add(triple)
    article = from_ox(article_iri(prepared.article))   # the report is an rdflib graph (pySHACL's terms)
    kept.add((article, RDF.type, CTKG.Article))
    kept.add((article, CTKG.fileName, Literal(prepared.article.file_name)))
    kept.add((article, RDF.value, Literal(prepared.result.n_triples())))
    return kept


def load_article(store: ox.Store, path: Path | str, parsed: tuple | None = None,
                 extracted: ArticleGraph | None = None, journal: BuildJournal | None = None) -> ArticleOutcome:
    """Read, extract, resolve, validate and store one article (telling the build's `journal` what
    it wrote); raises BadArticle for unreadable input."""
    prepared = prepare_article(store, path, parsed, extracted)
    if isinstance(prepared, ArticleOutcome):
        return prepared
    return commit_article(store, prepared, validate(prepared.result.triples, context=prepared.context), journal)


def build(paths: Sequence[str | Path], store_dir: str | Path,
          progress: Callable[[str], None] | None = None, *, run_reasoner: bool = False,
          workers: int = 1, roots: Sequence[str | Path] | None = None, max_bytes: int | None = None) -> BuildSummary:
    """Load every article under `paths` into the store; with `run_reasoner`, reason afterwards
    when anything was loaded (the report is in `summary.reasoner`). With one worker (the default)
    the next articles are parsed in a thread of this process while these are written (on a
    machine with more than one core). With `workers` > 1, that many
    processes parse and extract while this one resolves, validates and writes, in file order:
    extraction reads nothing from the store, so the store ends up exactly as with one process.
    An article's key is its path under the folder of `roots` (default: `paths`) it is found in,
    or its URL. `max_bytes` is the size limit of a file (kg.article.MAX_BYTES by default).
    kg.journal records the phases and repairs what a stopped build or a change behind its back
    left."""
    files, errors = find_articles(paths)
    summary = BuildSummary(errors=list(errors))
    store = kgstore.open_store(store_dir)
    journal = BuildJournal.begin(store_dir)    # the phases, and what a stopped build left (kg.journal)
    summary.repairs = journal.check_graphs(store)
    kgstore.ensure_base_graphs(store)
    journal.seal(store, base=True)
    journal.enter("write")
    reads = read_files(files, paths if roots is None else roots, **({"max_bytes": max_bytes} if max_bytes else {}))
    written = 0
    for read, docs, extracted in _extracted(store, reads, workers):
        if isinstance(read, Failed):
            _failed(summary, read.source, read.error)
        else:
            try:
                outcome = load_article(store, read.source, (read, docs), extracted, journal)
                summary.outcomes.append(outcome)
                if outcome.status in ("loaded", "quarantined"):
                    written += 1
                    if written % FLUSH_EVERY == 0:
                        store.flush()
            except KgError as error:
                _failed(summary, read.source, error)
            except Exception as error:  # a loader bug must not cost the rest of the batch
                _failed(summary, read.source, _fault(read.source, error))
        if progress:
            progress(read.source)
    if summary.count("loaded") or summary.count("quarantined"):
        journal.changed_facts()
    journal.seal(store)
    if run_reasoner and journal.inferred_stale:
        journal.enter("reasoning")
        if not reasoner_available():
            summary.reasoning_skipped = "no Java runtime on the PATH"
        else:
            summary.reasoner = reason(store)
            if summary.reasoner.consistent:
                journal.reasoned(store)
    store.flush()
    journal.finish()
    return summary


PARSE_AHEAD = 16   # articles read and parsed in one stream: the parser is faster on a stream
FLUSH_EVERY = 100  # articles written between flushes of the store: its memory stays bounded (kg.store.Store.flush)


def _batches(reads, size: int):
    """The articles (and failed reads) of a build, `size` at a time, read as they are needed."""
    from itertools import islice

    while batch := list(islice(reads, size)):
        yield batch


def _extracted(store, reads, workers: int):
    """(read, its parses or None, its extracted graph or None) for each article (or failed read)
    in order: parsed here in streams of PARSE_AHEAD, or with `workers` > 1, extracted in that many
    processes, a few streams ahead."""
    if workers <= 1:
        batches = _batches(reads, PARSE_AHEAD)
        if usable_cores() > 1:
            parsed = _parsed_in_background(store, batches)
        else:   # on one core a parsing thread only competes with the writer for it
            parsed = ((batch, parsed_ahead(store, batch)) for batch in batches)
        for batch, ahead in parsed:
            for read in batch:
                yield read, ahead.get(id(read)), None
        return
    import multiprocessing
    from collections import deque
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn")) as pool:
        inflight: deque = deque()

        def oldest():
            batch, fresh, job = inflight.popleft()
            graphs = dict(zip((id(a) for a in fresh), job.result()))
            for read in batch:
                yield read, None, graphs.get(id(read))

        for batch in _batches(reads, PARSE_AHEAD):
            fresh = unstored(store, batch)
            inflight.append((batch, fresh, pool.submit(extract_many, fresh)))
            if len(inflight) > 2 * workers:
                yield from oldest()
        while inflight:
            yield from oldest()


def usable_cores() -> int:
    """The processor cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:   # not on Linux
        return os.cpu_count() or 1


def _parsed_in_background(store, batches):
    """(batch, its parses by id() of the article) for each batch, the next batch parsed in a
    thread while this one is extracted, validated and written: the parser spends most of its time
    in code that lets go of the interpreter lock (the parse loop, the matrix products), so on a
    second core the two overlap, in one process with one copy of the model. At most two batches
    are parsed and not yet written: memory stays bounded. The thread touches no store (a SPARQL
    server's connection is not shared between threads): this one says which articles the store
    does not hold yet, and the thread parses those."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="kg-parse") as pool:
        pending = None
        for batch in batches:
            job = (batch, pool.submit(parses_of, unstored(store, batch)))
            if pending is not None:
                yield pending[0], pending[1].result()
            pending = job
        if pending is not None:
            yield pending[0], pending[1].result()


def extract_many(articles: list[Article]) -> list[ArticleGraph | None]:
    """Extraction in a worker process: the graphs of `articles`, parsed in one stream (None for
    one whose extraction failed: the writer extracts it again and reports the fault)."""
    parses = iter(parse_many([s.text for a in articles for s in a.sentences]))
    graphs = []
    for article in articles:
        docs = tuple(next(parses) for _ in article.sentences)
        try:
            graphs.append(extract_article(article, docs=docs))
        except Exception:  # noqa: BLE001
            graphs.append(None)
    return graphs


def unstored(store, batch: list) -> list[Article]:
    """The articles of a batch (of articles and failed reads) that the store does not hold as they are."""
    return [a for a in batch if isinstance(a, Article) and not is_stored(store, a)]


def parsed_ahead(store, batch: list) -> dict[int, tuple]:
    """The parses of a batch's articles not stored yet (by id() of the article), their sentences
    parsed in one stream (an unchanged article gets none)."""
    return parses_of(unstored(store, batch))


def parses_of(articles: list[Article]) -> dict[int, tuple]:
    """The parses of `articles` (by id() of the article), their sentences parsed in one stream."""
    parses = iter(parse_many([s.text for a in articles for s in a.sentences]))
    return {id(a): tuple(next(parses) for _ in a.sentences) for a in articles}


def quarantine_report(store: ox.Store) -> list[tuple[str, str, str]]:
    """(article graph, focus node, message) for every SHACL violation kept aside."""
    return [(row["g"].value.rsplit("/", 1)[-1], row["focus"].value, row["message"].value)
            for row in store.query(kgstore.sparql("quarantine"))]


def reason(store: ox.Store):
    """Run the OWL reasoner over the ontology and every stored fact; replace the inferred graph.

    Its cost grows with the store (HermiT sees all facts at once), so bulk loads skip it
    (`kg build --no-reason`) and run `kg reason` once at the end.
    """
    from kg.reason import infer, ontology_graph

    data = Graph()
    for name in ("reason-facts", "reason-reference"):
        for triple in store.query(kgstore.sparql(name)):
            data.add((kgstore.from_ox(triple.subject), kgstore.from_ox(triple.predicate),
                      kgstore.from_ox(triple.object)))
    report = infer(ontology_graph(), data)
    if report.consistent:
        kgstore.replace_graph(store, G_INFERRED, report.inferred)
    return report


def _fault(path: Path, error: Exception) -> KgError:
    import traceback

    where = traceback.extract_tb(error.__traceback__)[-1]
    return LoaderFault(
        f"{path}: the loader failed on this article ({type(error).__name__}: {error}, at "
        f"{Path(where.filename).name}:{where.lineno}).\n"
        "  This is a bug in ctkg, not in the article: please report it with the file. "
        "The rest of the batch was loaded.")


def _failed(summary: BuildSummary, path: Path | str, error: KgError) -> None:
    summary.errors.append(error)
    summary.outcomes.append(ArticleOutcome(str(path), "failed", message=str(error)))
