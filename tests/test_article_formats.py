"""kg.article and kg/read: web pages, feeds, JSON lines and web archives, each told by content,
with the provenance of every article and file-and-line messages for bad input."""
from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pytest

from kg.article import Article, Failed, find_articles, read_article, read_articles, read_files
from kg.errors import BadArticle

LEAD = ("New Delhi, March 5 (PTI) India and the United States held the 20th meeting of their Joint "
        "Working Group on Counter-Terrorism in New Delhi on Tuesday, the Ministry of External Affairs said.")
SECOND = ("The Indian delegation was led by a Joint Secretary, and the US side by the State "
          "Department's Coordinator for Counterterrorism.")
THIRD = "The two sides condemned the attack in Pahalgam and called for the perpetrators to be brought to justice."

PAGE = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>India, US hold counter-terrorism talks | The Daily Example</title>
<link rel="canonical" href="https://www.daily-example.org/world/india-us-talks.html">
<meta property="og:site_name" content="The Daily Example">
<meta property="article:published_time" content="2024-03-05T10:00:00+05:30">
<script>var promo = "Cheap flights to Goa this weekend only, book today";</script>
<style>.menu {{ color: red; }}</style>
</head><body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/sport">Sport</a></li><li><a href="/login">Sign in</a></li></ul></nav></header>
<div class="ad">Advertisement: subscribe for one dollar a month and read without limits.</div>
<main><article><h1>India, US hold counter-terrorism talks</h1>
<p>{LEAD}</p><p>{SECOND}</p><p>{THIRD}</p></article></main>
<aside><h3>Most read</h3><ul><li><a href="/a">Cricket: hosts win the series by three wickets in Perth</a></li>
<li><a href="/b">Markets close higher for a third day as bank shares gain</a></li></ul></aside>
<footer>Copyright 2024 The Daily Example. All rights reserved. Terms | Privacy</footer>
</body></html>
"""


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def texts(article: Article) -> list[str]:
    return [s.text for s in article.sentences]


def read_all(path: Path) -> list[Article | Failed]:
    return list(read_articles(path))


# -- web pages ------------------------------------------------------------------------------------

def test_a_page_gives_its_main_text_without_menus_scripts_ads_or_teasers(tmp_path):
    article = read_article(write(tmp_path, "page.html", PAGE))
    assert texts(article) == [LEAD.split("(PTI) ", 1)[1], SECOND, THIRD]
    for chrome in ("Sign in", "Cheap flights", "Advertisement", "Markets close", "Copyright"):
        assert chrome not in article.raw_text


def test_a_page_gives_its_url_title_publisher_and_date_with_how_each_was_found(tmp_path):
    article = read_article(write(tmp_path, "page.html", PAGE))
    assert article.source_format == "html"
    assert article.url == "https://www.daily-example.org/world/india-us-talks.html"
    assert article.url_method == "the page's canonical link"
    assert article.title == "India, US hold counter-terrorism talks"
    assert (article.publisher, article.publisher_method) == ("PTI", "dateline '(PTI)'")
    assert article.published == dt.date(2024, 3, 5)
    assert "the page's metadata" in article.date_method and "agrees with the dateline" in article.date_method


def test_a_site_name_is_the_publisher_when_no_dateline_names_an_agency(tmp_path):
    page = PAGE.replace("New Delhi, March 5 (PTI) ", "")
    article = read_article(write(tmp_path, "page.html", page))
    assert (article.publisher, article.publisher_method) == ("The Daily Example", "the page's og:site_name")


def test_a_page_on_one_line_is_read_as_a_page(tmp_path):
    article = read_article(write(tmp_path, "page.html", PAGE.replace("\n", " ")))
    assert texts(article)[1:] == [SECOND, THIRD]


def test_a_page_saved_as_txt_is_read_as_a_page_by_its_content(tmp_path):
    article = read_article(write(tmp_path, "saved.txt", PAGE))
    assert article.source_format == "html" and "Sign in" not in article.raw_text


def test_a_page_without_a_url_is_known_by_its_path(tmp_path):
    page = PAGE.replace('<link rel="canonical" href="https://www.daily-example.org/world/india-us-talks.html">', "")
    article = read_article(write(tmp_path, "page.html", page))
    assert article.url is None and article.id == "page"


def test_the_url_of_a_page_is_its_identity(tmp_path):
    first = read_article(write(tmp_path, "one.html", PAGE))
    second = read_article(write(tmp_path, "copy of one.htm", PAGE.replace("?", "").replace(
        "https://www.daily-example.org/world/india-us-talks.html",
        "http://daily-example.org/world/india-us-talks.html?utm_source=rss#top")))
    assert first.id == second.id
    assert first.id.startswith("daily-example-org-world-india-us-talks-html-")


def test_a_date_in_the_url_dates_a_page_without_one_in_its_markup(tmp_path):
    page = (PAGE.replace('<meta property="article:published_time" content="2024-03-05T10:00:00+05:30">', "")
            .replace("https://www.daily-example.org/world/india-us-talks.html",
                     "https://www.daily-example.org/world/2024/03/05/india-us-talks.html"))
    assert read_article(write(tmp_path, "page.html", page)).published == dt.date(2024, 3, 5)


def test_htmldate_dates_a_page_whose_metadata_and_main_text_give_no_date(tmp_path):
    page = (PAGE.replace('<meta property="article:published_time" content="2024-03-05T10:00:00+05:30">', "")
            .replace("New Delhi, March 5 (PTI) ", "")
            .replace("<header>", '<header><span class="stamp">24.09.2021</span>'))
    article = read_article(write(tmp_path, "page.html", page))
    assert article.published == dt.date(2021, 9, 24)
    assert article.date_method == "htmldate's search of the whole page found 2021-09-24"


def test_the_text_dates_a_page_before_htmldate_searching_the_whole_page(tmp_path):
    page = (PAGE.replace('<meta property="article:published_time" content="2024-03-05T10:00:00+05:30">', "")
            .replace("New Delhi, March 5 (PTI)", "New Delhi, March 5, 2024 (PTI)")
            .replace("<header>", '<header><span class="stamp">24.09.2021</span>'))
    assert read_article(write(tmp_path, "page.html", page)).published == dt.date(2024, 3, 5)


def test_a_copyright_year_is_not_taken_for_the_date(tmp_path):
    page = (PAGE.replace('<meta property="article:published_time" content="2024-03-05T10:00:00+05:30">', "")
            .replace("New Delhi, March 5 (PTI) ", ""))
    assert read_article(write(tmp_path, "page.html", page)).published is None


def test_a_page_with_no_main_text_is_an_error_naming_the_file(tmp_path):
    page = write(tmp_path, "front.html", "<html><head><title>Home</title></head><body><nav><a href='/'>Home</a>"
                 "<a href='/world'>World</a></nav><footer>Copyright</footer></body></html>")
    with pytest.raises(BadArticle) as error:
        read_article(page)
    assert str(error.value).startswith(f"{page}: the page has no main text")


# -- feeds ----------------------------------------------------------------------------------------

RSS = f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Example wire</title><link>https://wire.example.org/</link><description>Stories</description>
<item><title>India, US hold talks</title><link>https://wire.example.org/a</link><guid>a-1</guid>
<pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate><description>&lt;p&gt;{LEAD}&lt;/p&gt;&lt;p&gt;{SECOND}&lt;/p&gt;</description></item>
<item><title>Talks end</title><link>https://wire.example.org/b</link><guid>b-2</guid>
<pubDate>Wed, 06 Mar 2024 10:00:00 GMT</pubDate><content:encoded><![CDATA[<p>{THIRD}</p><p>{SECOND}</p>]]></content:encoded>
<description>A short summary.</description></item>
<item><title>Only a link</title><link>https://wire.example.org/c</link><guid>c-3</guid></item>
</channel></rss>
"""


def test_a_feed_gives_one_article_per_entry_with_its_link_title_and_date(tmp_path):
    first, second, third = read_all(write(tmp_path, "wire.xml", RSS))
    assert (first.url, first.title, first.published) == ("https://wire.example.org/a", "India, US hold talks",
                                                         dt.date(2024, 3, 5))
    assert first.record == "entry 1" and first.source == f"{tmp_path / 'wire.xml'} entry 1"
    assert texts(first)[1] == SECOND
    assert texts(second) == [THIRD, SECOND]           # the content, not the shorter summary
    assert isinstance(third, Failed) and third.source.endswith("wire.xml entry 3")
    assert "('Only a link'): the entry has no text" in str(third.error)


def test_an_atom_feed_is_read_too(tmp_path):
    atom = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Example</title><id>urn:x</id><updated>2024-03-05T00:00:00Z</updated>
<entry><title>Talks</title><link href="https://atom.example.org/talks"/><id>urn:x:1</id>
<published>2024-03-05T10:00:00Z</published><content type="html">&lt;p&gt;{SECOND}&lt;/p&gt;&lt;p&gt;{THIRD}&lt;/p&gt;</content></entry>
</feed>"""
    [article] = read_all(write(tmp_path, "feed.atom", atom))
    assert (article.url, article.published, article.source_format) == ("https://atom.example.org/talks",
                                                                       dt.date(2024, 3, 5), "feed")
    assert texts(article) == [SECOND, THIRD]


def test_a_feed_that_does_not_parse_is_an_error_with_its_line(tmp_path):
    broken = write(tmp_path, "broken.rss", '<?xml version="1.0"?>\n<rss version="2.0"><channel>\n<title>x</title>\n<link>https://x.example.org/</li')
    [failed] = read_all(broken)
    assert isinstance(failed, Failed)
    assert str(failed.error).startswith(f"{broken}:4: the feed does not parse (unclosed token)")


def test_the_entries_before_a_break_in_a_feed_are_read_with_a_warning_naming_its_line(tmp_path):
    cut = RSS.split("<item><title>Talks end")[0] + "<item><title>Talks &bogus; end</ti"
    [article, failed] = read_all(write(tmp_path, "cut.rss", cut))
    assert texts(article)[1] == SECOND
    assert article.warnings == ("the feed is not well-formed (undefined entity, line 6); its entries were read "
                                "as far as the parser could",)
    assert isinstance(failed, Failed) and failed.source.endswith("cut.rss entry 2")


def test_a_feed_whose_doctype_nests_entities_is_read_without_expanding_them(tmp_path):
    levels = "".join(f'<!ENTITY e{n} "{f"&e{n - 1};" * 10}">' for n in range(1, 10))
    feed = (f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY e0 "{"a" * 80}">{levels}]>'
            f"<rss version=\"2.0\"><channel><title>x</title><item><title>t</title><description>{SECOND} &e9;"
            "</description></item></channel></rss>")
    [read] = read_all(write(tmp_path, "laughs.xml", feed))     # 80 GB if the entities were expanded
    assert isinstance(read, Failed) and read.source.endswith("laughs.xml entry 1")
    assert "does not read as an article" in str(read.error)


# -- JSON lines -----------------------------------------------------------------------------------

def test_json_lines_give_one_article_per_line_and_report_a_bad_line_by_number(tmp_path):
    lines = [json.dumps({"title": "Talks", "url": "https://api.example.org/1", "published": "2024-03-05",
                         "publisher": "Example Wire", "text": f"{SECOND}\n{THIRD}"}),
             '{"title": "broken", "text": "no closing quote}',
             "",
             json.dumps({"headline": "Second", "publishedAt": "2024-03-06T08:00:00Z", "source": {"name": "Globe"},
                         "content": f"<p>{THIRD}</p>", "link": "https://api.example.org/2"})]
    path = write(tmp_path, "news.jsonl", "\n".join(lines) + "\n")
    first, bad, second = read_all(path)
    assert (first.title, first.url, first.published, first.publisher) == (
        "Talks", "https://api.example.org/1", dt.date(2024, 3, 5), "Example Wire")
    assert first.publisher_method == "the JSON field 'publisher'" and first.record == "line 1"
    assert isinstance(bad, Failed) and bad.source == f"{path} line 2"
    assert str(bad.error).startswith(f"{path}:2: the line is not JSON")
    assert (second.title, second.published, second.publisher, second.record) == (
        "Second", dt.date(2024, 3, 6), "Globe", "line 4")
    assert texts(second) == [THIRD]


def test_a_json_line_without_text_is_an_error_naming_its_line(tmp_path):
    path = write(tmp_path, "news.jsonl", json.dumps({"title": "No body"}) + "\n")
    [failed] = read_all(path)
    assert str(failed.error).startswith(f"{path}:1: the object has no article text")


def test_a_json_line_that_is_not_an_object_is_an_error(tmp_path):
    path = write(tmp_path, "news.jsonl", json.dumps({"text": SECOND}) + "\n[1, 2]\n")
    article, failed = read_all(path)
    assert texts(article) == [SECOND]
    assert str(failed.error).startswith(f"{path}:2: a JSON list where an object was expected")


def test_a_date_field_that_is_not_a_date_is_a_warning_and_the_text_dates_the_article(tmp_path):
    path = write(tmp_path, "news.jsonl", json.dumps({"text": f"{SECOND}", "date": "yesterday"}) + "\n")
    [article] = read_all(path)
    assert article.published is None
    assert article.warnings == ("line 1: the 'date' value 'yesterday' is not a date; the date is read from the text",)


def test_records_without_a_url_are_known_by_their_own_id_else_their_line(tmp_path):
    path = write(tmp_path, "feed/news.jsonl", json.dumps({"id": "abc-9", "text": SECOND}) + "\n"
                 + json.dumps({"text": THIRD}) + "\n")
    first, second = read_files([path], [tmp_path])
    assert (first.id, second.id) == ("feed/news-abc-9", "feed/news-line-2")


# -- web archives ---------------------------------------------------------------------------------

def warc_bytes(records: list[tuple[str, str, str, bytes]], gzip: bool = False) -> bytes:
    """(kind, url, content type, payload) records written with warcio."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gzip)
    for kind, url, content_type, payload in records:
        if kind == "request":
            headers = StatusAndHeaders("GET / HTTP/1.1", [("Host", "example.org")], is_http_request=True)
            writer.write_record(writer.create_warc_record(url, "request", http_headers=headers))
        else:
            headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(payload),
                                                          http_headers=headers))
    return out.getvalue()


NO_CANONICAL = PAGE.replace('<link rel="canonical" href="https://www.daily-example.org/world/india-us-talks.html">', "")


@pytest.mark.parametrize("gzip", [False, True], ids=["warc", "warc.gz"])
def test_each_html_response_of_an_archive_is_an_article_and_other_records_are_counted(tmp_path, gzip):
    data = warc_bytes([("request", "https://a.example.org/one", "", b""),
                       ("response", "https://a.example.org/one", "text/html; charset=utf-8", NO_CANONICAL.encode()),
                       ("response", "https://a.example.org/logo.png", "image/png", b"\x89PNG..."),
                       ("response", "https://a.example.org/two", "text/html", PAGE.encode())], gzip)
    one, two = read_all(write(tmp_path, "crawl.warc.gz" if gzip else "crawl.warc", data))
    assert (one.url, one.url_method, one.record) == ("https://a.example.org/one",
                                                     "the archive record's WARC-Target-URI", "record 2")
    assert (two.url, two.url_method) == ("https://www.daily-example.org/world/india-us-talks.html",
                                         "the page's canonical link")
    assert one.source_format == two.source_format == "warc"
    assert two.warnings == ("2 of 4 archive records skipped, not HTML pages (1 request, 1 image/png)",)


def test_an_archive_with_no_html_page_is_an_error_saying_what_it_holds(tmp_path):
    path = write(tmp_path, "crawl.warc", warc_bytes([("request", "https://a.example.org/", "", b""),
                                                     ("response", "https://a.example.org/x.css", "text/css", b"p{}")]))
    [failed] = read_all(path)
    assert str(failed.error) .startswith(f"{path}: the web archive holds no HTML page: 2 of 2 archive records "
                                         "skipped, not HTML pages (1 request, 1 text/css)")


# -- finding files and identity ----------------------------------------------------------------------

def test_a_folder_offers_pages_feeds_json_lines_and_archives(tmp_path):
    for name in ("a.html", "b.htm", "c.xml", "d.rss", "e.jsonl", "f.warc", "g.warc.gz", "h.txt", "i.csv"):
        write(tmp_path, name, "x")
    files, _ = find_articles([tmp_path])
    assert [f.name for f in files] == ["a.html", "b.htm", "c.xml", "d.rss", "e.jsonl", "f.warc", "g.warc.gz", "h.txt"]


def test_files_of_one_name_in_two_folders_are_two_articles(tmp_path):
    a = write(tmp_path, "2020/article.txt", f"{SECOND}\n")
    b = write(tmp_path, "2024/article.txt", f"{THIRD}\n")
    first, second = read_files([a, b], [tmp_path])
    assert (first.id, second.id) == ("2020/article", "2024/article")


def test_names_that_read_alike_as_keys_are_kept_apart(tmp_path):
    a = write(tmp_path, "Report 1.txt", f"{SECOND}\n")
    b = write(tmp_path, "report_1.md", f"{THIRD}\n")
    first, second = read_files([a, b], [tmp_path])
    assert (first.id, second.id) == ("Report 1", "report_1-md")


def test_a_file_named_by_itself_is_known_by_its_stem(tmp_path):
    path = write(tmp_path, "sub/000_abc.txt", f"{SECOND}\n")
    [article] = read_files([path], [path])
    assert article.id == "000_abc"
