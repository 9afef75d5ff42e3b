"""Web pages -> main text and what the page says about itself.

trafilatura finds the main text (menus, teasers, scripts, ads and footers left out), the title,
the site's name and the date written in the page's markup (meta tags, JSON-LD, <time>) or its URL; the
canonical URL is read from <link rel="canonical">, else og:url. When the markup gives no date,
htmldate's wider search of the whole page (text outside the main text too) is kept as a
fallback that the text's own dateline and 'Published' lines come before; a copyright year is
not taken for a date. A fragment of HTML (a feed entry's content, a
JSON line's body) is turned into text paragraph by paragraph, without trafilatura.
"""
from __future__ import annotations

import datetime as dt
import logging
import re

from kg.errors import BadArticle
from kg.read.record import Found

_HTML_START = re.compile(r"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*(?:<!doctype\s+html|<html[\s>])",
                         re.I | re.S)
_HTML_TAGS = re.compile(r"<(?:html|head|body|div|p|article|main|section|br|span|a|h[1-6]|ul|li|"
                        r"table|script|meta|title)\b[^<>]*>", re.I)
_BLOCKS = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
           "tr", "table", "section", "article", "header", "footer", "pre", "dd", "dt", "figcaption"}
_DATE_PARAMS = {"extensive_search": False, "original_date": True, "outputformat": "%Y-%m-%d"}


def looks_like_html(text: str) -> bool:
    """A page ('<!DOCTYPE html', '<html'), or text that starts with a tag and is mostly markup."""
    head = text[:4000]
    if _HTML_START.match(head):
        return True
    return head.lstrip().startswith("<") and len(_HTML_TAGS.findall(head)) >= 3


def looks_like_fragment(text: str) -> bool:
    """A field that holds markup ('<p>India and ...</p>') rather than plain text."""
    return len(_HTML_TAGS.findall(text[:4000])) >= 1 and text.lstrip().startswith("<")


def page_text(html: str, shown: str, url: str | None = None, url_method: str = "") -> tuple[str, Found]:
    """The page's main text and what its markup says; raises BadArticle when it has none.
    `url` is where the page is known to come from (an archive record's target) when the page
    does not name its own."""
    import lxml.html
    import trafilatura

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    try:
        tree = lxml.html.document_fromstring(html)
    except Exception as error:  # noqa: BLE001  (lxml raises several kinds on broken markup)
        raise BadArticle(f"{shown}: the page's HTML cannot be parsed ({error}).\n"
                         "  Save the page again, or save the article's text as a .txt file.") from None
    own_url, own_method = _canonical(tree)
    document = trafilatura.bare_extraction(
        tree, url=own_url or url, with_metadata=True, include_comments=False, include_tables=True,
        date_extraction_params=_DATE_PARAMS)
    text = (document.text or "").strip() if document is not None else ""
    if not text:
        visible = len(" ".join(tree.text_content().split()))
        raise BadArticle(
            f"{shown}: the page has no main text that reads as an article ({len(html):,} characters "
            f"of HTML, {visible:,} of visible text).\n  Check that the file is the article's page "
            "(not a section front, a login or cookie page), or save the article's text as a .txt file.")
    site, site_method = _site_name(tree)
    found = Found(
        title=(document.title or "").strip() or None,
        url=own_url or url, url_method=own_method if own_url else (url_method if url else ""),
        publisher=site, publisher_method=site_method,
        published=_day(document.date), date_method="the page's metadata (htmldate on its meta tags, "
                                                   f"JSON-LD, <time> and URL) gives {document.date}",
        source_format="html")
    if found.published is None:
        found = _fallback_date(html, found)
    return text, found


def _canonical(tree) -> tuple[str | None, str]:
    for xpath, method in (('//link[@rel="canonical"]/@href', "the page's canonical link"),
                          ('//meta[@property="og:url"]/@content', "the page's og:url")):
        for value in tree.xpath(xpath):
            if value.strip().lower().startswith(("http://", "https://")):
                return value.strip(), method
    return None, ""


def _site_name(tree) -> tuple[str | None, str]:
    """The site's name as its markup states it (og:site_name, else a 'publisher' meta tag); not
    trafilatura's guess, which falls back to a heading or the host name."""
    for xpath, method in (('//meta[@property="og:site_name"]/@content', "the page's og:site_name"),
                          ('//meta[@name="publisher"]/@content', "the page's 'publisher' meta tag")):
        for value in tree.xpath(xpath):
            name = " ".join(value.split())
            if name and not ("." in name and " " not in name):     # a name, not a host name
                return name, method
    return None, ""


def _day(text: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text[:10]) if text else None
    except ValueError:
        return None


def _fallback_date(html: str, found: Found) -> Found:
    from dataclasses import replace

    from htmldate import find_date

    logging.getLogger("htmldate").setLevel(logging.CRITICAL)
    day = _day(find_date(html, url=found.url, extensive_search=True, original_date=True,
                         outputformat="%Y-%m-%d"))
    if day is None or (day.month, day.day) == (1, 1) and re.search(
            rf"(?:©|&copy;|\(c\)|copyright)[^<\d]{{0,20}}(?:\d{{4}}\s*[-–]\s*)?{day.year}", html, re.I):
        return found       # a copyright year is not a publication date
    return replace(found, fallback=day,
                   fallback_method=f"htmldate's search of the whole page found {day}")


def fragment_text(html: str) -> str:
    """Markup to text: one line per paragraph, list item, heading or <br>; scripts dropped."""
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except Exception:  # noqa: BLE001  (not markup after all: keep it as written)
        return html
    for bad in root.xpath("//script|//style|//noscript"):
        bad.drop_tree()
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.lower() in _BLOCKS:
            element.tail = "\n" + (element.tail or "")
            if element.tag.lower() != "br":
                element.text = "\n" + (element.text or "")
    lines = (" ".join(line.split()) for line in root.text_content().splitlines())
    return "\n".join(line for line in lines if line)
