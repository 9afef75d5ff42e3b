"""`kg build`, `kg validate`, `kg explain`, `kg evaluate`: the loader's commands."""
from __future__ import annotations

import sys

import click
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from kg.cli.app import main, reports_errors, stderr, stdout, store_option


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@store_option
@click.option("--reason/--no-reason", default=True, show_default=True,
              help="Run the OWL reasoner over the whole store afterwards (skip it for bulk loads, "
                   "then run kg reason once).")
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Parse and extract in this many processes while one resolves, validates and writes (same store).")
@click.option("--watch", is_flag=True,
              help="After the build, keep loading new and changed files under PATHS as they appear, "
                   "one progress line per batch, until Ctrl-C.")
@click.option("--interval", type=click.FloatRange(0.1, 3600), default=2.0, show_default=True,
              help="With --watch: seconds between looks at the folders.")
@click.option("--max-bytes", type=click.IntRange(min=1), default=None, metavar="BYTES",
              help="Refuse an article file larger than this (default: 5000000).")
@reports_errors
def build(paths: tuple[str, ...], store: str, reason: bool, workers: int, watch: bool,
          interval: float, max_bytes: int | None) -> None:
    """Read articles into the store: mentions, entities, events, validated per article.

    PATHS are files or folders (default: seeds/) of plain text, web pages, RSS/Atom feeds, JSON
    lines or web archives (WARC), each told by its content.

    \b
    Example:
      kg build seeds/ --store .kg
      kg build inbox/ --store .kg --watch
    """
    from kg.article import find_articles
    from kg.loader import build as run_build
    from kg.serve import served_by

    paths = paths or ("seeds",)
    files, _ = find_articles(paths)
    if served_by(store):
        stderr.print(Text(f"Warning: '{store}' is being served (kg serve, process {served_by(store)}); the endpoint "
                          "keeps answering from the store as it was when it started. Restart kg serve after "
                          "this build to serve what it writes.", style="yellow"))
    with Progress(TextColumn("[bold]building[/]"), BarColumn(), MofNCompleteColumn(),
                  TimeElapsedColumn(), TextColumn("{task.description}"), console=stderr,
                  transient=True) as bar:
        task = bar.add_task("", total=len(files))
        summary = run_build(paths, store, progress=lambda p: bar.update(task, advance=1, description=p),
                            run_reasoner=reason, workers=workers, max_bytes=max_bytes)
    _print_summary(summary, store)
    for repair in summary.repairs:
        stderr.print(Text(f"Repaired: {repair}.", style="yellow"))
    if summary.reasoner is not None:
        _print_reasoner(summary.reasoner)
    if summary.reasoning_skipped:
        stderr.print(Text(f"Reasoning skipped: {summary.reasoning_skipped}. The articles are stored; install Java "
                          "(8 or later, e.g. apt-get install default-jre-headless) and run kg reason.", style="yellow"))
    if watch:
        _watch(paths, store, reason, workers, interval)
    sys.exit(0 if summary.ok and not summary.reasoning_skipped else 1 if not summary.ok else REASONING_SKIPPED)


REASONING_SKIPPED = 3   # exit status: the articles loaded, the reasoner could not run


def _watch(paths: tuple[str, ...], store: str, reason: bool, workers: int, interval: float) -> None:
    """Load new and changed files in batches until interrupted (kg.watch says how)."""
    import time

    from kg.loader import build as run_build
    from kg.watch import Watcher

    watcher = Watcher(paths)
    stderr.print(f"watching {', '.join(paths)} every {interval:g} s for new and changed files; "
                 "Ctrl-C to stop", highlight=False, markup=False)
    try:
        while True:
            time.sleep(interval)
            files = watcher.poll()
            if not files:
                continue
            summary = run_build(files, store, run_reasoner=reason, workers=workers, roots=paths)
            counts = ", ".join(f"{summary.count(s)} {s}" for s in
                               ("loaded", "unchanged", "duplicate", "quarantined") if summary.count(s))
            stderr.print(f"{time.strftime('%H:%M:%S')} {len(files)} file(s): {counts or 'nothing loaded'}"
                         + (f", {len(summary.errors)} not readable" if summary.errors else ""),
                         highlight=False, markup=False)
            for error in summary.errors:
                stderr.print(str(error), highlight=False, markup=False)
            for outcome in summary.outcomes:
                for warning in outcome.warnings:
                    stderr.print(f"{outcome.path}: {warning}", highlight=False, markup=False)
    except KeyboardInterrupt:
        stderr.print("stopped watching; every article written so far is stored whole.",
                     highlight=False, markup=False)


def _print_reasoner(report) -> bool:
    if report.consistent:
        stderr.print(f"Reasoner: consistent; {len(report.inferred)} inferred triples written to the "
                     "inferred graph.", highlight=False)
        return True
    stderr.print(f"[red]Reasoner: the stored facts are inconsistent with the ontology.[/]\n  {escape(report.message)}\n"
                 "  The inferred graph was left as it was. Look at the entities named with kg explain.",
                 highlight=False)
    return False


@main.command()
@store_option
@reports_errors
def reason(store: str) -> None:
    """Run the OWL reasoner (HermiT) over the ontology and all stored facts.

    Writes what it infers into the inferred named graph, or names the entities of an inconsistency.

    \b
    Example:
      kg reason --store .kg
    """
    from kg.errors import KgError
    from kg.journal import after_reasoning, reasoner_available
    from kg.loader import reason as run_reason
    from kg.remote import is_url
    from kg.store import open_store, store_folder

    if not is_url(store):
        store_folder(store)   # no store there: say so, rather than make an empty one and call it consistent
    if not reasoner_available():
        raise KgError("the reasoner (HermiT) needs a Java runtime, and there is no `java` on the PATH. Install "
                      "Java 8 or later (e.g. apt-get install default-jre-headless) and run kg reason again.")
    opened = open_store(store)
    with stderr.status("reasoning (HermiT) over the stored facts ..."):
        report = run_reason(opened)
    if report.consistent:
        after_reasoning(store, opened)
    sys.exit(0 if _print_reasoner(report) else 1)


def _print_summary(summary, store: str) -> None:
    outcomes = summary.outcomes
    rows = [
        ("articles", len(outcomes)),
        ("loaded", summary.count("loaded")),
        ("unchanged (already stored)", summary.count("unchanged")),
        ("same text as another (stored once)", summary.count("duplicate")),
        ("kept aside (failed validation)", summary.count("quarantined")),
        ("not readable", len(summary.errors)),
        ("triples written", sum(o.triples for o in outcomes)),
        ("entities new", sum(o.new_entities for o in outcomes)),
        ("entities known", sum(o.known_entities for o in outcomes)),
        ("events", sum(o.events for o in outcomes)),
        ("SHACL violations", sum(o.violations for o in outcomes)),
    ]
    table = Table(title=f"kg build → {store}")
    table.add_column("")
    table.add_column("count", justify="right")
    for name, value in rows:
        table.add_row(name, str(value))
    stderr.print(table)
    for outcome in outcomes:
        for warning in outcome.warnings:
            stderr.print(f"[yellow]{escape(outcome.path)}: {escape(warning)}[/]", highlight=False)
        if outcome.status == "quarantined":
            stderr.print(f"[yellow]{escape(outcome.path)}: kept aside: {escape(outcome.message)}[/]\n"
                         "  See why with: kg validate", highlight=False)
    loaded = summary.count("loaded") + summary.count("unchanged")
    for error in summary.errors:
        stderr.print(f"[red]{escape(str(error))}[/]", highlight=False)
    if summary.errors:
        stderr.print(f"The other {loaded} article(s) were loaded.", highlight=False)



@main.command()
@store_option
@reports_errors
def validate(store: str) -> None:
    """List the articles kept aside by SHACL validation, and why.

    \b
    Example:
      kg validate --store .kg
    """
    from kg.loader import quarantine_report
    from kg.store import open_store

    rows = quarantine_report(open_store(store, read_only=True))
    if not rows:
        stderr.print("No article is kept aside: every stored article conforms to the shapes.")
        return
    table = Table(title="Articles kept aside")
    for column in ("article", "focus node", "problem"):
        table.add_column(column, overflow="fold")
    for article, focus, message in rows:
        table.add_row(article, focus, message)
    stdout.print(table)
    stderr.print(f"{len({r[0] for r in rows})} article(s) kept aside. Fix the article or the rules, "
                 "then run kg build again: a conforming version replaces the quarantined one.")
    sys.exit(1)


@main.command()
@click.argument("name")
@store_option
@reports_errors
def explain(name: str, store: str) -> None:
    """What the graph knows about an entity, and the article and sentence behind every fact.

    NAME is any label or alias ("LeT", "Nathan A Sales") or an IRI.

    \b
    Example:
      kg explain "Ajay Bhalla"
    """
    from kg.explain import explain as run_explain
    from kg.query import resolve_label
    from kg.store import open_store

    opened = open_store(store, read_only=True)
    for iri in resolve_label(opened, name):
        result = run_explain(opened, iri.value)
        stdout.print(f"[bold]{escape(result.label)}[/]  <{escape(result.iri)}>", highlight=False)
        for graph, predicate, value in result.reference:
            stdout.print(f"  {escape(predicate)} {escape(value)}   [dim](from {escape(graph)})[/]", highlight=False)
        _print_claims(result.claims)
        support = {(s.subject, s.predicate, s.object): s for s in result.support}
        source = None
        for fact in result.facts:
            if (fact.file, fact.sentence_index) != source:
                source = (fact.file, fact.sentence_index)
                dated = f" ({fact.published})" if fact.published else ""
                stdout.print(f"\n[cyan]{escape(fact.file)}[/]{dated} sentence {fact.sentence_index}: "
                             f"[italic]{escape(fact.sentence)}[/]",
                             highlight=False)
            overall = support[(fact.subject, fact.predicate, fact.object)]
            how = "".join([f", according to {escape(fact.according_to)}" if fact.according_to else "",
                           f", hedged: {escape(', '.join(fact.hedges))}" if fact.hedges else ""])
            stdout.print(f"  {escape(fact.subject)} —{escape(fact.predicate)}→ {escape(fact.object)}   [dim]{fact.rule}, "
                         f"confidence {fact.confidence:.2f}{how}; over {len(overall.articles)} article(s) "
                         f"{overall.confidence:.2f}, {overall.strength}[/]", highlight=False)


def _print_claims(found) -> None:
    """Competing claims side by side: each value with its articles, attribution and confidence."""
    for claim in found:
        stdout.print(f"\n[bold yellow]Reports disagree[/] on {escape(claim.subject)} {escape(claim.predicate)}:",
                     highlight=False)
        for value in claim.values:
            said = f"; according to {escape(', '.join(value.according_to))}" if value.according_to else ""
            first = f"; first reported {value.first_reported}" if value.first_reported else ""
            stdout.print(f"  {escape(value.value)}   from {escape(', '.join(value.articles))}{first}{said}   "
                         f"[dim]confidence {value.confidence:.2f}, {value.strength}[/]", highlight=False)


@main.command()
@click.argument("gold", type=click.Path())
@click.argument("articles", nargs=-1, type=click.Path())
@store_option
@click.option("--details", is_flag=True, help="Also list every missed and spurious fact.")
@reports_errors
def evaluate(gold: str, articles: tuple[str, ...], store: str, details: bool) -> None:
    """Score the loader against a gold file: precision, recall and F1 per kind of fact.

    With ARTICLES, those files are built into a fresh temporary store first and only they are
    scored; without, the store is scored as it is.

    \b
    Example:
      kg evaluate tests/gold/seeds.json seeds/
    """
    import tempfile
    from pathlib import Path

    from kg.article import find_articles
    from kg.evaluate import evaluate as run_evaluate, format_scores
    from kg.loader import build as run_build

    with tempfile.TemporaryDirectory() as tmp:
        target = store
        stems = None
        if articles:
            target = str(Path(tmp) / "store")
            run_build(articles, target)
            files, _ = find_articles(articles)
            stems = [f.stem for f in files]
        scores = run_evaluate(target, gold, stems)
    stdout.print(format_scores(scores))
    if details:
        for kind in scores.kinds:
            for fact in kind.missed:
                stdout.print(f"[red]missed[/]   {kind.kind}: {escape(str(fact))}", highlight=False)
            for fact in kind.spurious:
                stdout.print(f"[yellow]spurious[/] {kind.kind}: {escape(str(fact))}", highlight=False)
