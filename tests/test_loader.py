"""The loader end to end: bad input, idempotence, quarantine, crash safety, merges, page chrome."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.loader import build
from kg.store import article_graphs, has_index, open_store, quarantined, rebuild_index
from kg.vocab import PREFIXES

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
PREFIX_LINES = "".join(f"PREFIX {k}: <{v}>\n" for k, v in PREFIXES.items())


def ask(store_dir: Path, query: str) -> list:
    store = open_store(store_dir, read_only=True)
    return list(store.query(PREFIX_LINES + query, use_default_graph_as_union=True))


def quad_count(store_dir: Path) -> int:
    return len(open_store(store_dir, read_only=True))


@pytest.fixture()
def one_seed(tmp_path) -> Path:
    """A folder holding one seed article, for tests that add a bad file beside it."""
    folder = tmp_path / "articles"
    folder.mkdir()
    shutil.copy(SEEDS / "002_acd130ee94a5d060.txt", folder)
    return folder


def test_empty_article_is_reported_and_batch_continues(one_seed, tmp_path):
    (one_seed / "extra.txt").write_text("")
    summary = build([one_seed], tmp_path / "store")
    assert summary.count("loaded") == 1
    assert any("extra.txt" in str(e) and "empty" in str(e) for e in summary.errors)
    assert not summary.ok


def test_binary_article_is_reported_and_batch_continues(one_seed, tmp_path):
    (one_seed / "image.txt").write_bytes(bytes(range(256)) * 20)
    summary = build([one_seed], tmp_path / "store")
    assert summary.count("loaded") == 1
    assert any("image.txt" in str(e) for e in summary.errors)


def test_missing_path_is_reported_and_the_rest_loads(tmp_path):
    summary = build([SEEDS / "000_b0ef47220d57cd1c.txt", tmp_path / "nope.txt"], tmp_path / "store")
    assert summary.count("loaded") == 1
    assert any("nope.txt" in str(e) for e in summary.errors)


def test_folder_with_no_articles_is_reported(tmp_path):
    (tmp_path / "empty").mkdir()
    summary = build([tmp_path / "empty"], tmp_path / "store")
    assert summary.outcomes == []
    assert any("empty" in str(e) for e in summary.errors)


def test_huge_article_is_reported_by_name(one_seed, tmp_path):
    (one_seed / "huge.txt").write_text("Officials met in New Delhi. " * 2_000_000)
    summary = build([one_seed], tmp_path / "store")
    assert summary.count("loaded") == 1
    assert any("huge.txt" in str(e) for e in summary.errors)


def test_rebuilding_changes_nothing(seeds_store, tmp_path):
    copy = tmp_path / "store"
    shutil.copytree(seeds_store, copy)
    before = quad_count(copy)
    summary = build([SEEDS], copy)
    assert summary.count("unchanged") == 5
    assert quad_count(copy) == before


def test_an_edited_article_replaces_its_old_triples(one_seed, tmp_path):
    store_dir = tmp_path / "store"
    (one_seed / "other.txt").write_text((SEEDS / "004_f449809abfeeccdc.txt").read_text(encoding="utf-8"),
                                        encoding="utf-8")
    build([one_seed], store_dir)
    article = one_seed / "002_acd130ee94a5d060.txt"
    article.write_text(article.read_text().replace("Nathan Sales", "Nathan Brown"))
    summary = build([one_seed], store_dir)
    assert summary.count("loaded") == 1 and summary.count("unchanged") == 1
    rows = ask(store_dir, 'SELECT ?p WHERE { GRAPH ?g { ?p skos:prefLabel "Nathan Brown"@en } '
                          'FILTER(CONTAINS(STR(?g), "002")) }')
    assert rows
    stale = ask(store_dir, 'SELECT ?s WHERE { GRAPH ?g { ?s ctkg:text ?t } FILTER(CONTAINS(STR(?g), "002")) '
                           'FILTER(CONTAINS(?t, "Nathan Sales")) }')
    assert not stale


def test_every_seed_loads_into_its_own_named_graph(seeds_store):
    graphs = article_graphs(open_store(seeds_store, read_only=True))
    assert len(graphs) == 5


def test_page_chrome_of_a_saved_web_page_stays_out(seeds_store):
    for word in ("Epaper", "Open in App", "Dalai Lama", "Lohagad", "KL Rahul", "Related Stories"):
        rows = ask(seeds_store, f'SELECT ?s WHERE {{ ?s ?p ?o FILTER(isLiteral(?o) && CONTAINS(STR(?o), "{word}")) }}')
        assert not rows, word


def test_every_fact_traces_to_an_article_sentence(seeds_store):
    rows = ask(seeds_store, """
        SELECT ?a WHERE { ?a a ctkg:Assertion .
          FILTER NOT EXISTS { ?a prov:wasDerivedFrom ?s . ?s ctkg:inArticle ?art ; ctkg:text ?t } }""")
    assert not rows


def test_a_sentence_text_matches_the_file_at_its_offsets(seeds_store):
    rows = ask(seeds_store, """
        SELECT ?text ?start ?end ?file WHERE { ?s a ctkg:Sentence ; ctkg:text ?text ; ctkg:startChar ?start ;
          ctkg:endChar ?end ; ctkg:inArticle ?a . ?a ctkg:fileName ?file } LIMIT 20""")
    assert rows
    for row in rows:
        raw = (SEEDS / row["file"].value).read_text(encoding="utf-8")
        assert raw[int(row["start"].value):int(row["end"].value)] == row["text"].value


def test_nathan_sales_and_nathan_a_sales_are_one_person(seeds_store):
    rows = ask(seeds_store, 'SELECT DISTINCT ?p WHERE { ?p a ctkg:Person ; skos:prefLabel|skos:altLabel ?l '
                            'FILTER(CONTAINS(?l, "Sales")) }')
    assert len(rows) == 1


def test_two_reports_of_the_homeland_security_dialogue_are_one_event(seeds_store):
    rows = ask(seeds_store, """
        SELECT DISTINCT ?m WHERE { ?m a ctkg:Dialogue ; ctkg:startDate ?d ; ctkg:eventStatus ctkg:Held .
          FILTER(YEAR(?d) = 2024) }""")
    assert len(rows) == 1
    graphs = ask(seeds_store, f"""
        SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ <{rows[0]['m'].value}> a ?c }} }}""")
    assert len(graphs) == 2


def test_two_reports_of_the_17th_joint_working_group_are_one_event(seeds_store):
    rows = ask(seeds_store, """
        SELECT DISTINCT ?m WHERE { ?m a ctkg:WorkingGroupMeeting ; ctkg:eventStatus ctkg:Held .
          ?m ctkg:hasDelegation/ctkg:ledBy/skos:prefLabel ?leader FILTER(CONTAINS(?leader, "Singhvi")) }""")
    assert len(rows) == 1


def test_the_indian_delegation_belongs_to_india(seeds_store):
    rows = ask(seeds_store, """
        SELECT ?leader WHERE { ?d ctkg:delegationOf ?india ; ctkg:ledBy/skos:prefLabel ?leader .
          ?india skos:prefLabel "India"@en }""")
    assert {r["leader"].value for r in rows} >= {"Ajay Bhalla", "Mahaveer Singhvi"}


def test_people_sharing_only_a_surname_are_not_merged(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "Islamabad, March 3 (PTI) Foreign Office spokesperson Shafqat Ali Khan said Pakistan rejected the remarks.\n",
        encoding="utf-8")
    (folder / "b.txt").write_text(
        "Islamabad, March 9 (PTI) Interior Minister Imran Khan said the talks would resume.\n", encoding="utf-8")
    build([folder], tmp_path / "store")
    rows = ask(tmp_path / "store", 'SELECT DISTINCT ?p WHERE { GRAPH ?g { ?p a ctkg:Person ; skos:prefLabel ?l } '
                                   'FILTER(CONTAINS(?l, "Khan") && STRSTARTS(STR(?g), "https://w3id.org/ctkg/graph/article/")) }')
    assert len(rows) == 2   # the people the articles state (the reference data knows other Khans)


def test_a_spelling_variant_in_a_later_article_resolves_to_the_stored_person(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "New Delhi, Feb 2 (PTI) The plot against separatist Gurpatwant Singh Panun was discussed.\n", encoding="utf-8")
    (folder / "b.txt").write_text(
        "Washington, Feb 9 (PTI) Prosecutors said the separatist Gurpatwant Singh Pannun was the target.\n",
        encoding="utf-8")
    build([folder], tmp_path / "store")
    rows = ask(tmp_path / "store", 'SELECT DISTINCT ?p WHERE { ?p a ctkg:Person ; skos:prefLabel ?l '
                                   'FILTER(CONTAINS(?l, "Gurpatwant")) }')
    assert len(rows) == 1


def test_an_article_failing_validation_is_kept_aside_with_its_report(tmp_path, break_validation):
    break_validation()
    summary = build([SEEDS / "002_acd130ee94a5d060.txt"], tmp_path / "store")
    assert summary.count("quarantined") == 1
    store = open_store(tmp_path / "store", read_only=True)
    assert quarantined(store) and not article_graphs(store)
    report = bool(store.query("ASK { GRAPH ?g { ?r a <http://www.w3.org/ns/shacl#ValidationReport> } }"))
    assert report
    hidden = bool(store.query("ASK { <https://w3id.org/ctkg/id/event/attack/bad> ?p ?o }",
                              use_default_graph_as_union=True))
    assert not hidden, "a quarantined article's triples must not answer queries over the union"


def test_a_killed_build_leaves_every_article_fully_in_or_fully_out(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    for n in range(6):
        for seed in SEEDS.iterdir():
            (folder / f"{n:03d}_{seed.name}").write_text(seed.read_text(encoding="utf-8") + f"\n\nCopy {n}.\n",
                                                        encoding="utf-8")
    store_dir = tmp_path / "store"
    proc = subprocess.Popen([sys.executable, "-m", "kg.cli", "build", str(folder), "--store", str(store_dir)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    deadline = time.time() + 60
    while time.time() < deadline and not (store_dir.exists() and _loaded(store_dir) >= 3):
        time.sleep(0.3)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    store = open_store(store_dir)
    graphs = article_graphs(store)
    assert 0 < len(graphs) < 30
    for g in graphs:
        complete = bool(store.query(
            PREFIX_LINES + "ASK { GRAPH ?g { ?a a ctkg:Article ; ctkg:contentHash ?h . "
                           "?s a ctkg:Sentence ; ctkg:inArticle ?a . ?f a ctkg:Assertion } }",
            substitutions={ox.Variable("g"): ox.NamedNode(g)}))
        assert complete, g
    if has_index(store):   # whole, unless the kill came between an article and its index
        index = set(store.index.quads_for_pattern(None, None, None, None))
        rebuild_index(store)
        assert set(store.index.quads_for_pattern(None, None, None, None)) == index, "the lookup index lags"
    del store
    summary = build([folder], store_dir)
    assert summary.ok and summary.count("loaded") + summary.count("unchanged") == 30


def _loaded(store_dir: Path) -> int:
    """Article graphs in a store another process is writing; 0 while it cannot be read yet (not
    created, or its column families not all made: RocksDB then raises RuntimeError)."""
    try:
        store = ox.Store.read_only(str(store_dir))
        return len(article_graphs(store))
    except (OSError, RuntimeError):
        return 0


def _minted_iris(store_dir: Path) -> set[str]:
    """Every individual IRI the articles mention."""
    store = ox.Store.read_only(str(store_dir))
    found = set()
    for g in article_graphs(store):
        for quad in store.quads_for_pattern(None, None, None, ox.NamedNode(g)):
            for term in (quad.subject, quad.object):
                if isinstance(term, ox.NamedNode) and "/id/" in term.value and "/fact/" not in term.value:
                    found.add(term.value)
    return found


@pytest.mark.parametrize("reverse", [False, True])
def test_rebuilding_in_another_order_mints_the_same_iris(seeds_store, tmp_path, reverse):
    names = sorted((p.name for p in SEEDS.iterdir()), reverse=reverse)
    store_dir = tmp_path / "store"
    for name in names:
        build([SEEDS / name], store_dir)
    assert _minted_iris(store_dir) == _minted_iris(seeds_store)


def _article_quads(store_dir: Path) -> set:
    store = ox.Store.read_only(str(store_dir))
    return {q for g in article_graphs(store) for q in store.quads_for_pattern(None, None, None, ox.NamedNode(g))}


def test_building_with_two_workers_gives_the_same_store_as_one_process(seeds_store, tmp_path):
    folder = tmp_path / "articles"
    shutil.copytree(SEEDS, folder)
    for unseen in (ROOT / "tests" / "unseen").iterdir():
        shutil.copy(unseen, folder)
    build([folder], tmp_path / "one")
    summary = build([folder], tmp_path / "two", workers=2)
    assert summary.ok and summary.count("loaded") == 10
    assert _article_quads(tmp_path / "two") == _article_quads(tmp_path / "one")


def test_a_quarantine_during_a_parallel_build_leaves_the_same_store_as_one_process(tmp_path, break_validation):
    break_validation("002")
    one = build([SEEDS], tmp_path / "one")
    two = build([SEEDS], tmp_path / "two", workers=2)
    assert one.count("quarantined") == two.count("quarantined") == 1
    assert _article_quads(tmp_path / "two") == _article_quads(tmp_path / "one")


def test_parsing_the_next_batch_in_a_thread_gives_the_parses_made_in_line(tmp_path):
    from kg.article import read_article
    from kg.loader import _parsed_in_background, parsed_ahead

    articles = [read_article(path) for path in sorted(SEEDS.glob("*.txt"))]
    batches = [articles[:2], articles[2:4], articles[4:]]
    store = open_store(tmp_path / "store")

    def shown(pairs):
        return [[[(t.text, t.tag_, t.dep_, t.head.i, t.ent_type_) for t in doc] for a in batch for doc in ahead[id(a)]]
                for batch, ahead in pairs]
    in_line = [(batch, parsed_ahead(store, batch)) for batch in batches]
    threaded = list(_parsed_in_background(store, iter(batches)))
    assert [b for b, _ in threaded] == batches
    assert shown(threaded) == shown(in_line)
