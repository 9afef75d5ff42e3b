"""`kg brief`: a sourced briefing on one actor or event, as PDF, PPTX or HTML."""
from __future__ import annotations

import click

from kg.cli.app import main, reports_errors, stderr, store_option
from kg.store import open_store

day = click.DateTime(formats=["%Y-%m-%d"])


@main.command()
@click.argument("name")
@click.option("--as-of", type=day, default=None, help="Only articles published on or before this day (YYYY-MM-DD).")
@click.option("--since", type=day, default=None, help="Only articles published on or after this day (YYYY-MM-DD).")
@click.option("-o", "--output", type=click.Path(dir_okay=False), default="brief.pdf", show_default=True,
              help="The brief to write: .pdf, .pptx (one slide per section) or .html (one self-contained file).")
@store_option
@reports_errors
def brief(name, as_of, since, output, store) -> None:
    """A briefing on one actor or event, every sentence footnoted with its article.

    NAME is any label, alias or IRI. The brief holds a summary written from the graph's facts
    (template sentences, nothing invented), the ego network, the timeline, the meetings and
    who led each side, the terrorist groups named, attacks, legal actions, the reactions of
    states as a matrix, and numbered footnotes: article file, date, URL where known, sentence.

    \b
    Example:
      kg brief Pakistan -o pakistan.pdf
      kg brief "Tahawwur Rana" --since 2024-01-01 -o rana.pptx
    """
    from kg.brief import build_brief
    from kg.brief_render import write_brief

    handle = open_store(store, read_only=True)
    built = build_brief(handle, name, since=since.date() if since else None, as_of=as_of.date() if as_of else None)
    written = write_brief(built, output)
    stderr.print(f"Wrote {written}: {len(built.footnotes)} footnotes from "
                 f"{len({n.file for n in built.footnotes})} articles"
                 + (f"; {built.left_out} articles outside the dates left out." if built.left_out else "."),
                 highlight=False)
