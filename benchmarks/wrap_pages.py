"""Wrap plain-text articles in the other input formats kg build reads, for measuring the readers.

    python -m benchmarks.wrap_pages ARTICLES_DIR OUT_DIR [--format html|feed|jsonl|warc]

html (the default) writes one web page per article: a head with a title, a canonical link and a
script, a header of menus, a cookie banner and an advertisement, the article in <article> (its
headline, as a site knows its own, as the <h1>: here the line kg's text reader takes for the
title; every other line a paragraph), teasers of other stories beside it and a footer. feed writes one RSS feed, jsonl one JSON-lines file and
warc one web archive (the html pages as response records, with request records between them)
holding all the articles. No text of the articles is changed: the scores of a build of the
wrapped articles and of the plain ones should differ only by what the readers lose or gain.
"""
from __future__ import annotations

import argparse
import html
import io
import json
import sys
from email.utils import format_datetime
from datetime import datetime, timezone
from pathlib import Path

SITE = "https://news.example.org"
MENU = ["Home", "India", "World", "Business", "Sport", "Opinion", "Videos", "Sign in"]
TEASERS = [
    "Monsoon session: opposition walks out over price rise debate in the Lok Sabha",
    "Markets close higher for a third day as bank shares gain on strong results",
    "Cricket: hosts win the second test by six wickets to level the series",
    "Weather: heavy rain likely in coastal districts over the next two days, says the met office",
]


def _escape(text: str) -> str:
    return html.escape(text, quote=False)


def _paragraphs(text: str) -> list[str]:
    """Lines of the text; a block of hard-wrapped lines (60 to 100 characters, not ending a
    sentence) is joined into one paragraph."""
    out: list[str] = []
    for block in text.replace("\r\n", "\n").split("\n\n"):
        lines = [line.strip() for line in block.split("\n") if line.strip()]
        wrapped = len(lines) > 2 and all(60 <= len(line) <= 100 for line in lines[:-1]) \
            and sum(not line.endswith((".", "!", "?", '"', "”")) for line in lines[:-1]) >= len(lines[:-1]) / 2
        out.extend([" ".join(lines)] if wrapped else lines)
    return out


def _title(paragraphs: list[str], headline: str | None, key: str) -> tuple[str, list[str], list[str]]:
    """The headline (as a site knows its own: here, what kg's text reader takes for the title),
    the lines above it and those below it."""
    for i, line in enumerate(paragraphs):
        if headline and line.lstrip("# ").strip(" *_") == headline:
            return headline, paragraphs[:i], paragraphs[i + 1:]
    return headline or key, [], paragraphs


def page(text: str, key: str, headline: str | None = None) -> str:
    """One article's text as a web page with chrome around it; `headline` goes in <title> and <h1>."""
    title, before, body = _title(_paragraphs(text), headline, key)
    menu = "".join(f'<li><a href="/{m.lower()}">{m}</a></li>' for m in MENU)
    teasers = "".join(f'<li><a href="/story/{i}">{_escape(t)}</a></li>' for i, t in enumerate(TEASERS))
    above = "\n".join(f"<p>{_escape(p)}</p>" for p in before)
    article = "\n".join(f"<p>{_escape(p)}</p>" for p in body)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{_escape(title)} | Example News</title>
<link rel="canonical" href="{SITE}/story/{key}">
<script>window.dataLayer = [{{"page": "story", "section": "world"}}]; function track() {{ return 1; }}</script>
<style>nav li {{ display: inline; }}</style>
</head><body>
<div class="cookie-banner">We use cookies to improve your experience. By using this site you agree to our cookie policy. <button>Accept</button></div>
<header><a href="/" class="logo">Example News</a><nav><ul>{menu}</ul></nav></header>
<div class="advert">Advertisement: subscribe now and get the first three months for one dollar a month.</div>
<main><article>
{above}
<h1>{_escape(title)}</h1>
{article}
</article>
<aside class="related"><h2>Also read</h2><ul>{teasers}</ul>
<p class="teaser">{_escape(TEASERS[0])} ...</p></aside></main>
<footer><p>Copyright 2025 Example News. All rights reserved.</p><ul><li>About us</li><li>Contact</li><li>Privacy policy</li><li>Terms of use</li></ul></footer>
</body></html>
"""


def feed(articles: list[tuple[str, str, str | None]]) -> str:
    """An RSS 2.0 feed with one item per (key, text, headline): the text as the item's content."""
    when = format_datetime(datetime(2025, 1, 1, tzinfo=timezone.utc))
    items = []
    for key, text, headline in articles:
        title = headline or key
        body = "".join(f"<p>{_escape(p)}</p>" for p in _paragraphs(text))
        items.append(f"<item><title>{_escape(title)}</title><link>{SITE}/story/{key}</link>"
                     f"<guid>{SITE}/story/{key}</guid><description><![CDATA[{body}]]></description></item>")
    return (f'<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel><title>Example News</title>'
            f"<link>{SITE}</link><description>Stories</description><lastBuildDate>{when}</lastBuildDate>"
            + "\n".join(items) + "</channel></rss>\n")


def json_lines(articles: list[tuple[str, str, str | None]]) -> str:
    return "".join(json.dumps({"id": key, "url": f"{SITE}/story/{key}", "title": headline, "text": text},
                              ensure_ascii=False) + "\n" for key, text, headline in articles)


def warc(articles: list[tuple[str, str, str | None]]) -> bytes:
    """A gzipped web archive: for each article a request record and its page as a response."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    for key, text, headline in articles:
        url = f"{SITE}/story/{key}"
        request = StatusAndHeaders("GET /story/" + key + " HTTP/1.1", [("Host", "news.example.org")],
                                   is_http_request=True)
        writer.write_record(writer.create_warc_record(url, "request", http_headers=request))
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(
            url, "response", payload=io.BytesIO(page(text, key, headline).encode()), http_headers=headers))
    return out.getvalue()


def read(paths: list[Path]) -> list[tuple[str, str, str | None]]:
    """(key, text, headline) of each plain-text article."""
    from kg.article import read_article
    from kg.errors import KgError

    out = []
    for path in paths:
        try:
            headline = read_article(path).title
        except KgError:
            headline = None
        out.append((path.stem, path.read_text(encoding="utf-8"), headline))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("articles", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--format", choices=("html", "feed", "jsonl", "warc"), default="html")
    args = parser.parse_args(argv)
    articles = read(sorted(args.articles.glob("*.txt")))
    args.out.mkdir(parents=True, exist_ok=True)
    if args.format == "html":
        for key, text, headline in articles:
            (args.out / f"{key}.html").write_text(page(text, key, headline), encoding="utf-8")
    elif args.format == "feed":
        (args.out / "articles.xml").write_text(feed(articles), encoding="utf-8")
    elif args.format == "jsonl":
        (args.out / "articles.jsonl").write_text(json_lines(articles), encoding="utf-8")
    else:
        (args.out / "articles.warc.gz").write_bytes(warc(articles))
    print(f"{len(articles)} articles wrapped as {args.format} in {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
