"""The loader: article files in, validated and explainable named graphs out.

    read_article -> find_mentions -> resolve -> extract_events -> build_graph -> validate -> store

One article at a time, one transaction per article. An article that cannot be read is reported
by name and the rest of the batch loads; one that fails validation is kept aside in a quarantine
graph with its SHACL report. An article whose content hash is already stored is skipped.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Sequence

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, SKOS

from kg import store as kgstore
from kg.article import Article, Failed, find_articles, read_article, read_files
from kg.entities import resolve
from kg.errors import KgError, LoaderFault
from kg.events import extract_events
from kg.extract.pipeline import parse, parse_many
from kg.mentions import find_mentions
from kg.provenance import provenance_triples
from kg.reference import ReferenceIndex, normalise, reference_index
from kg.triples import ArticleGraph, article_iri, build_graph
from kg.validate import validate
from kg.vocab import CTKG, G_INFERRED, article_graph, mint, n_triples, quarantine_graph


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

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    @property
    def ok(self) -> bool:
        consistent = self.reasoner is None or self.reasoner.consistent
        return consistent and not self.errors and all(o.status in ("loaded", "unchanged", "duplicate")
                                                       for o in self.outcomes)


def extract_article(article: Article, store: ox.Store | None = None,
                    index: ReferenceIndex | None = None, docs: tuple | None = None) -> ArticleGraph:
    """One article's graph, resolved against the reference data and (when given) the store.
    `docs` are its sentences' parses, made here when not given."""
    index = index or reference_index()
    docs = docs if docs is not None else parse([s.text for s in article.sentences])
    mentions = find_mentions(article, index, docs)
    person_lookup = (lambda key: kgstore.find_person(store, key)) if store is not None else None
    meeting_lookup = (lambda *a: kgstore.find_meeting(store, *a)) if store is not None else None
    res = resolve(article, mentions, person_lookup, index)
    extraction = extract_events(article, res, meeting_lookup, index, docs)
    publisher, publisher_facts = _publisher(article, index)
    labels = None
    if store is not None:
        own = article_graph(article.id)
        labels = lambda iri, predicate: kgstore.other_labels(store, iri, predicate, own)  # noqa: E731
    result = build_graph(article, res, extraction, publisher, _dateline(article, index), labels)
    for triple in publisher_facts:
        result.add(triple)
    return result


def _publisher(article: Article, index: ReferenceIndex):
    if not article.publisher:
        return None, []
    known = index.lookup(tuple(normalise(article.publisher).split()), article.publisher)
    if known is not None and known.cls == CTKG.NewsAgency:
        return known.iri, []
    iri = mint("news", article.publisher)
    return iri, [(iri, RDF.type, CTKG.NewsAgency), (iri, SKOS.prefLabel, Literal(article.publisher, lang="en"))]


def _dateline(article: Article, index: ReferenceIndex) -> URIRef | None:
    if not article.dateline:
        return None
    first = article.dateline.split("/")[0].split("[")[0].strip()
    for candidate in (first, first.split(",")[0]):
        known = index.lookup(tuple(normalise(candidate).split()), candidate)
        if known is not None and known.cls == CTKG.Place:
            return known.iri
    return None


@dataclass(frozen=True)
class Prepared:
    """An article extracted and ready to validate: its graph and the validation context."""

    path: Path
    article: Article
    result: ArticleGraph
    context: list[tuple]


def prepare_article(store, path: Path | str, parsed: tuple | None = None) -> Prepared | ArticleOutcome:
    """Read and extract one article against the store; 'unchanged' when its hash is stored,
    'duplicate' when another article holds the same text. `parsed` is the (article, parses)
    pair when the file was read (and perhaps parsed) ahead; `path` is then where it came from."""
    article, docs = parsed if parsed is not None else (read_article(path), None)
    if kgstore.stored_hash(store, article_graph(article.id)) == article.content_hash:
        return ArticleOutcome(str(path), "unchanged", warnings=article.warnings)
    known = stored_elsewhere(store, article)
    if isinstance(known, ArticleOutcome):
        return known
    article = known
    result = extract_article(article, store, docs=docs)
    for triple in provenance_triples(article):
        result.add(triple)
    return Prepared(path, article, result, kgstore.describe_triples(store, _pointed_at(result.triples)))


_HASH, _FILE_NAME = ox.NamedNode(str(CTKG.contentHash)), ox.NamedNode(str(CTKG.fileName))


def stored_elsewhere(store, article: Article) -> Article | ArticleOutcome:
    """What the store already holds of this article under another graph or name: the same text
    under another name is a 'duplicate', stored once; a file whose key a different stored file
    holds gets a key of its own; an article replacing one with its URL says so."""
    own = ox.NamedNode(str(article_graph(article.id)))
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
        held = _stored_file(store, None, ox.NamedNode(str(article_graph(key))))
        if held is None or held == article.file_name:
            return replace(article, id=key, warnings=(*article.warnings, f"stored as '{key}': the key "
                           f"'{article.id}' belongs to the stored article read from '{stored}'"))
    return article


def _stored_file(store, subject, graph) -> str | None:
    for quad in store.quads_for_pattern(subject, _FILE_NAME, None, graph):
        return quad.object.value
    return None


def commit_article(store: ox.Store, prepared: Prepared, report) -> ArticleOutcome:
    """Write a validated article into its named graph, or keep it aside with its report."""
    article, result = prepared.article, prepared.result
    graph_iri = article_graph(article.id)
    outcome = ArticleOutcome(str(prepared.path), "loaded", len(result), result.new_entities,
                             result.known_entities, result.events, len(report.violations),
                             warnings=article.warnings)
    if report.conforms:
        kgstore.write_graph(store, graph_iri, result.triples, quarantine_graph(article.id))
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
    article = article_iri(prepared.article)
    kept.add((article, RDF.type, CTKG.Article))
    kept.add((article, CTKG.fileName, Literal(prepared.article.file_name)))
    kept.add((article, RDF.value, Literal(prepared.result.n_triples())))
    return kept


def load_article(store: ox.Store, path: Path | str, parsed: tuple | None = None) -> ArticleOutcome:
    """Read, extract, validate and store one article file; raises BadArticle for unreadable input."""
    prepared = prepare_article(store, path, parsed)
    if isinstance(prepared, ArticleOutcome):
        return prepared
    return commit_article(store, prepared, validate(prepared.result.triples, context=prepared.context))


def _pointed_at(triples: list[tuple]) -> set[ox.NamedNode]:
    """The entities an article's graph names: their stored descriptions are the validation context.
    (Its own facts, sentences and the article itself are not: nothing else describes them.)"""
    nodes = {s for s, _, _ in triples} | {o for _, _, o in triples if isinstance(o, ox.NamedNode)}
    vocabulary, own = str(CTKG._NS), ("/fact/", "/article/")
    return {n for n in nodes if isinstance(n, ox.NamedNode) and not n.value.startswith(vocabulary)
            and not any(k in n.value for k in own)}


def build(paths: Sequence[str | Path], store_dir: str | Path,
          progress: Callable[[str], None] | None = None, *, run_reasoner: bool = False,
          workers: int = 1, roots: Sequence[str | Path] | None = None) -> BuildSummary:
    """Load every article under `paths` into the store; with `run_reasoner`, reason afterwards
    when anything was loaded (the report is in `summary.reasoner`). With `workers` > 1, SHACL
    validation runs in that many processes while this one extracts and writes, in file order:
    the store ends up exactly as with one process. An article's key is its path under the folder
    of `roots` (default: `paths`) it is found in, or its URL."""
    files, errors = find_articles(paths)
    summary = BuildSummary(errors=list(errors))
    store = kgstore.open_store(store_dir)
    kgstore.ensure_base_graphs(store)
    reads = read_files(files, paths if roots is None else roots)
    if workers > 1:
        _build_in_parallel(store, reads, workers, summary, progress)
    for batch in _batches(reads if workers <= 1 else iter(()), PARSE_AHEAD):
        ahead = parsed_ahead(store, [a for a in batch if isinstance(a, Article)])
        for read in batch:
            if isinstance(read, Failed):
                _failed(summary, read.source, read.error)
            else:
                try:
                    summary.outcomes.append(load_article(store, read.source, (read, ahead.get(id(read)))))
                except KgError as error:
                    _failed(summary, read.source, error)
                except Exception as error:  # a loader bug must not cost the rest of the batch
                    _failed(summary, read.source, _fault(read.source, error))
            if progress:
                progress(read.source)
    if run_reasoner and summary.count("loaded"):
        summary.reasoner = reason(store)
    store.flush()
    return summary


PARSE_AHEAD = 16   # articles read and parsed in one stream: the parser is faster on a stream


def _batches(reads, size: int):
    """The articles (and failed reads) of a build, `size` at a time, read as they are needed."""
    from itertools import islice

    while batch := list(islice(reads, size)):
        yield batch


def parsed_ahead(store, articles: list[Article]) -> dict[int, tuple]:
    """The parses of a batch's articles not stored yet (by id() of the article), their sentences
    parsed in one stream (an unchanged article gets none)."""
    fresh = [a for a in articles if kgstore.stored_hash(store, article_graph(a.id)) != a.content_hash]
    parses = iter(parse_many([s.text for a in fresh for s in a.sentences]))
    return {id(a): tuple(next(parses) for _ in a.sentences) for a in fresh}


def quarantine_report(store: ox.Store) -> list[tuple[str, str, str]]:
    """(article graph, focus node, message) for every SHACL violation kept aside."""
    return [(row["g"].value.rsplit("/", 1)[-1], row["focus"].value, row["message"].value)
            for row in store.query(kgstore.sparql("quarantine"))]


def reason(store: ox.Store) -> "ReasonerReport":
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


def _build_in_parallel(store: ox.Store, reads, workers: int, summary: BuildSummary,
                       progress: Callable[[str], None] | None) -> None:
    """Extract in this process, validate in `workers` processes, write in file order.

    An article extracted but not yet written waits in an in-memory store that lookups see beside
    the disk store, so the next article resolves against exactly what a one-process build would
    have stored by then. When an article is kept aside, those read after it are read again.
    """
    import multiprocessing
    from collections import deque
    from concurrent.futures import ProcessPoolExecutor

    pending = ox.Store()
    view = kgstore.Overlay(store, pending)
    inflight: deque = deque()

    def finish() -> None:
        prepared, future = inflight.popleft()
        outcome = commit_article(store, prepared, report_from_wire(*future.result()))
        summary.outcomes.append(outcome)
        pending.remove_graph(ox.NamedNode(str(article_graph(prepared.article.id))))
        if progress:
            progress(str(prepared.path))
        if outcome.status == "quarantined":
            # The articles behind it were read against its triples, which a one-process build
            # would not have seen: read them again.
            redo = [p for p, job in inflight if job.cancel() or True]
            inflight.clear()
            for p in redo:
                pending.remove_graph(ox.NamedNode(str(article_graph(p.article.id))))
            for p in redo:
                submit(p.article)

    def submit(read) -> None:
        if isinstance(read, Failed):
            _failed(summary, read.source, read.error)
            return
        try:
            prepared = prepare_article(view, read.source, (read, None))
        except KgError as error:
            _failed(summary, read.source, error)
            return
        except Exception as error:  # a loader bug must not cost the rest of the batch
            _failed(summary, read.source, _fault(read.source, error))
            return
        if isinstance(prepared, ArticleOutcome):
            summary.outcomes.append(prepared)
            return
        kgstore.add_graph(pending, article_graph(prepared.article.id), prepared.result.triples)
        job = pool.submit(validate_on_wire, prepared.result.n_triples(),
                          n_triples(prepared.context))
        inflight.append((prepared, job))

    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        for read in reads:
            submit(read)
            while len(inflight) > 2 * workers or (inflight and inflight[0][1].done()):
                finish()
        while inflight:
            finish()


def validate_on_wire(data_nt: str, context_nt: str) -> tuple:
    """Validation in a worker process: N-Triples in, plain values out (picklable)."""
    data, context = (list(ox.parse(text, format=ox.RdfFormat.N_TRIPLES)) for text in (data_nt, context_nt))
    report = validate(data, context=context)
    violations = [(v.focus, v.path, v.message, v.severity) for v in report.violations]
    return report.conforms, violations, report.results.serialize(format="nt") if not report.conforms else ""


def report_from_wire(conforms: bool, violations: list, results_nt: str):
    from kg.validate import Report, Violation

    results = Graph()
    if results_nt:
        results.parse(data=results_nt, format="nt")
    return Report(conforms, results, "", tuple(Violation(*v) for v in violations))
