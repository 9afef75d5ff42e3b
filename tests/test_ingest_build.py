"""kg build over the input formats: one graph per article, the same text once, identity by URL or
path, provenance in the graph, bad records reported by line, and `kg build --watch`."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.loader import build
from kg.store import open_store
from kg.vocab import ARTICLE_GRAPH_PREFIX
from kg.watch import Watcher

ROOT = Path(__file__).resolve().parent.parent
ONE = ("New Delhi, March 5 (PTI) India and the United States held talks on counter-terrorism "
       "cooperation in New Delhi on Tuesday, the Ministry of External Affairs said.\n")
TWO = ("Islamabad, June 23 (APP) Pakistan rejected the joint statement issued by India and the "
       "United States on Friday, the Foreign Office said.\n")
PAGE = """<!DOCTYPE html><html><head><title>Talks</title>
<link rel="canonical" href="https://news.example.org/story/talks"></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav><article><h1>India and US hold talks</h1>
<p>{text}</p></article><footer>All rights reserved.</footer></body></html>"""


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def graphs(store_dir: Path) -> list[str]:
    store = open_store(store_dir, read_only=True)
    return sorted(g.value[len(ARTICLE_GRAPH_PREFIX):] for g in store.named_graphs()
                  if g.value.startswith(ARTICLE_GRAPH_PREFIX))


def values(store_dir: Path, predicate: str) -> list[str]:
    store = open_store(store_dir, read_only=True)
    return sorted(q.object.value for q in store.quads_for_pattern(None, ox.NamedNode(predicate), None, None))


def test_files_of_one_stem_in_two_folders_are_two_graphs(tmp_path):
    write(tmp_path / "in", "2020/article.txt", ONE)
    write(tmp_path / "in", "2024/article.txt", TWO)
    summary = build([tmp_path / "in"], tmp_path / "store")
    assert summary.count("loaded") == 2
    assert graphs(tmp_path / "store") == ["2020-article", "2024-article"]


def test_names_that_slug_alike_are_two_graphs(tmp_path):
    write(tmp_path / "in", "Report 1.txt", ONE)
    write(tmp_path / "in", "report_1.md", TWO)
    build([tmp_path / "in"], tmp_path / "store")
    assert graphs(tmp_path / "store") == ["report-1", "report-1-md"]


def test_a_key_held_by_another_stored_file_is_not_overwritten_by_a_later_build(tmp_path):
    build([write(tmp_path, "Report 1.txt", ONE)], tmp_path / "store")
    summary = build([write(tmp_path, "report_1.md", TWO)], tmp_path / "store")
    assert graphs(tmp_path / "store") == ["report-1", "report-1-md"]
    assert summary.outcomes[0].warnings == (
        "stored as 'report_1-md': the key 'report_1' belongs to the stored article read from 'Report 1.txt'",)


def test_the_same_text_under_two_names_is_stored_once_and_reported(tmp_path):
    write(tmp_path / "in", "a.txt", ONE)
    write(tmp_path / "in", "copy/b.txt", ONE)
    summary = build([tmp_path / "in"], tmp_path / "store")
    assert graphs(tmp_path / "store") == ["a"]
    duplicate = summary.outcomes[1]
    assert (duplicate.path, duplicate.status) == (str(tmp_path / "in" / "copy" / "b.txt"), "duplicate")
    assert duplicate.warnings == ("the same text as the stored article read from 'a.txt': stored once, "
                                  "under its first name",)
    assert summary.ok


def test_a_page_stores_its_url_and_how_it_was_found(tmp_path):
    build([write(tmp_path, "talks.html", PAGE.format(text=ONE))], tmp_path / "store")
    assert values(tmp_path / "store", "https://schema.org/url") == ["https://news.example.org/story/talks"]
    assert values(tmp_path / "store", "https://w3id.org/ctkg/ontology#urlMethod") == ["the page's canonical link"]
    assert values(tmp_path / "store", "https://w3id.org/ctkg/ontology#publisherMethod") == ["dateline '(PTI)'"]


def test_an_edited_page_with_the_same_url_replaces_the_stored_one(tmp_path):
    build([write(tmp_path, "first.html", PAGE.format(text=ONE))], tmp_path / "store")
    summary = build([write(tmp_path, "second save.html", PAGE.format(text=ONE + TWO))], tmp_path / "store")
    assert len(graphs(tmp_path / "store")) == 1
    assert values(tmp_path / "store", "https://w3id.org/ctkg/ontology#fileName") == ["second save.html"]
    assert summary.outcomes[0].warnings == ("the same URL as the stored article read from 'first.html': "
                                            "this version replaces it",)


def test_a_bad_json_line_is_reported_by_number_and_the_other_lines_load(tmp_path):
    lines = [json.dumps({"id": "a", "text": ONE}), "{not json", json.dumps({"id": "b", "text": TWO})]
    path = write(tmp_path, "news.jsonl", "\n".join(lines) + "\n")
    summary = build([path], tmp_path / "store")
    assert [o.status for o in summary.outcomes] == ["loaded", "failed", "loaded"]
    assert str(summary.errors[0]).startswith(f"{path}:2: the line is not JSON")
    assert graphs(tmp_path / "store") == ["news-a", "news-b"]
    assert values(tmp_path / "store", "https://w3id.org/ctkg/ontology#sourceRecord") == ["line 1", "line 3"]


# -- watching -------------------------------------------------------------------------------------

def test_a_watcher_takes_a_new_file_once_it_has_stopped_changing(tmp_path):
    watcher = Watcher([tmp_path])
    path = write(tmp_path, "new.txt", ONE)
    assert watcher.poll() == []            # just appeared: it may still be being written
    assert watcher.poll() == [path]
    assert watcher.poll() == []            # taken once


def test_a_watcher_takes_a_changed_file_again_but_not_the_files_there_at_the_start(tmp_path):
    old = write(tmp_path, "old.txt", ONE)
    watcher = Watcher([tmp_path])
    assert watcher.poll() == []
    os.utime(old, ns=(1, 1))
    watcher.poll()
    assert watcher.poll() == [old]


def test_kg_build_watch_loads_a_file_that_appears_and_stops_cleanly_on_ctrl_c(tmp_path):
    inbox, store = tmp_path / "inbox", tmp_path / "store"
    write(inbox, "first.txt", ONE)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen([sys.executable, "-m", "kg.cli", "build", str(inbox), "--store", str(store),
                                "--no-reason", "--watch", "--interval", "0.2"],
                               stderr=subprocess.PIPE, text=True, env=env, cwd=tmp_path)
    lines = []
    try:
        for line in process.stderr:
            lines.append(line)
            if line.startswith("watching"):
                write(inbox, "second.txt", TWO)
            if "1 file(s): 1 loaded" in line:
                break
        process.send_signal(signal.SIGINT)
        _, rest = process.communicate(timeout=60)
    finally:
        process.kill()
    assert any("1 file(s): 1 loaded" in line for line in lines), "".join(lines)
    assert "stopped watching" in rest
    assert process.returncode == 0
    assert graphs(store) == ["first", "second"]


@pytest.mark.parametrize("name", ["feed.xml", "news.jsonl", "crawl.warc.gz"])
def test_the_wrapped_formats_build_like_the_text(tmp_path, name):
    """The same two articles as text files and wrapped in a feed, JSON lines or an archive give the
    same facts (the benchmark's wrappers)."""
    from benchmarks.wrap_pages import feed, json_lines, warc

    articles = [("one", ONE, "India and US hold talks"), ("two", TWO, "Pakistan rejects statement")]
    wrapped = {"feed.xml": feed, "news.jsonl": json_lines, "crawl.warc.gz": warc}[name](articles)
    path = tmp_path / name
    path.write_bytes(wrapped if isinstance(wrapped, bytes) else wrapped.encode())
    summary = build([path], tmp_path / "store")
    assert summary.count("loaded") == 2, [str(e) for e in summary.errors]
    plain = build([write(tmp_path / "plain", "one.txt", ONE), write(tmp_path / "plain", "two.txt", TWO)],
                  tmp_path / "plain-store")
    assert [o.events for o in summary.outcomes] == [o.events for o in plain.outcomes]
