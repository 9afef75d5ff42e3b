"""`kg build`, `kg validate`, `kg explain`, `kg evaluate`: the loader's commands."""
from __future__ import annotations

import sys

import click
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from kg.cli.app import main, reports_errors, stderr, stdout, store_option


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@store_option
@reports_errors
def build(paths: tuple[str, ...], store: str) -> None:
    """Read articles into the store: mentions, entities, events, validated per article.

    \b
    Example:
      kg build seeds/ --store .kg
    """
    from kg.article import find_articles
    from kg.loader import build as run_build

    paths = paths or ("seeds",)
    files, _ = find_articles(paths)
    with Progress(TextColumn("[bold]building[/]"), BarColumn(), MofNCompleteColumn(),
                  TimeElapsedColumn(), TextColumn("{task.description}"), console=stderr,
                  transient=True) as bar:
        task = bar.add_task("", total=len(files))
        summary = run_build(paths, store, progress=lambda p: bar.update(task, advance=1, description=p))
    _print_summary(summary, store)
    sys.exit(0 if summary.ok else 1)


def _print_summary(summary, store: str) -> None:
    table = Table(title=f"kg build → {store}", show_lines=False)
    for column in ("articles", "loaded", "unchanged", "kept aside", "failed", "triples",
                   "entities new", "entities known", "events", "violations"):
        table.add_column(column, justify="right")
    outcomes = summary.outcomes
    table.add_row(
        str(len(outcomes)), str(summary.count("loaded")), str(summary.count("unchanged")),
        str(summary.count("quarantined")), str(len(summary.errors)),
        str(sum(o.triples for o in outcomes)), str(sum(o.new_entities for o in outcomes)),
        str(sum(o.known_entities for o in outcomes)), str(sum(o.events for o in outcomes)),
        str(sum(o.violations for o in outcomes)),
    )
    stderr.print(table)
    for outcome in outcomes:
        for warning in outcome.warnings:
            stderr.print(f"[yellow]{outcome.path}: {warning}[/]", highlight=False)
        if outcome.status == "quarantined":
            stderr.print(f"[yellow]{outcome.path}: kept aside: {outcome.message}[/]\n"
                         "  See why with: kg validate", highlight=False)
    loaded = summary.count("loaded") + summary.count("unchanged")
    for error in summary.errors:
        stderr.print(f"[red]{error}[/]", highlight=False)
    if summary.errors:
        stderr.print(f"The other {loaded} article(s) were loaded.", highlight=False)

