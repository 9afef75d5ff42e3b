"""Web pages -> main text and what the page says about itself.

trafilatura finds the main text (menus, teasers, scripts, ads and footers left out), the title,
the site's name and the date written in the page's markup (meta tags, JSON-LD, <time>); the
canonical URL is read from <link rel="canonical">, else og:url. When the markup gives no date,
htmldate's wider search (the URL, then the page's text) is kept as a fallback that the text's
own dateline and 'Published' lines come before. A fragment of HTML (a feed entry's content, a
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
    found = Found(
        title=(document.title or "").strip() or None,
        url=own_url or url, url_method=own_method if own_url else (url_method if url else ""),
        publisher=_site_name(document), publisher_method="the page's site name (og:site_name)",
        published=_day(document.date), date_method="the page's markup (htmldate: meta tags, JSON-LD, "
                                                   f"<time>) gives {document.date}",
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


def _site_name(document) -> str | None:
    """og:site_name as written; trafilatura falls back to the host name, which names no one."""
    name = (document.sitename or "").strip()
    host = (document.hostname or "").lower().removeprefix("www.")
    if not name or name.lower().removeprefix("www.") == host or "." in name and " " not in name:
        return None
    return name


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
    if day is None:
        return found
    return replace(found, fallback=day,
                   fallback_method=f"htmldate's search of the page's URL and text found {day}")


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
