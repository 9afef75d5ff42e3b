"""The lookup index: the loader's statements, deduplicated in a store of its own beside the data,
kept equal to what the named graphs state through builds, edits, quarantine and imports, and never
seen by a query over the data."""
from __future__ import annotations

import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg import store as kgstore
from kg.export import export
from kg.importer import import_file
from kg.loader import build
from kg.vocab import CTKG, GRAPH_BASE

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
MEETING = ox.NamedNode("https://example.org/meeting")
START = ox.NamedNode(str(CTKG.startDate))


def index_of(store) -> set:
    return set(store.index.quads_for_pattern(None, None, None, None))


def index_made_again(store_dir: Path, tmp_path: Path) -> set:
    """The index rebuilt from the named graphs of a copy of the store."""
    copy = tmp_path / "rebuilt"
    shutil.copytree(store_dir, copy)
    store = kgstore.open_store(copy)
    kgstore.rebuild_index(store)
    return index_of(store)


@pytest.fixture()
def seeds_copy(seeds_store, tmp_path) -> Path:
    copy = tmp_path / "store"
    shutil.copytree(seeds_store, copy)
    return copy


def test_a_build_leaves_the_index_equal_to_one_made_from_the_named_graphs(seeds_store, tmp_path):
    store = kgstore.open_store(seeds_store, read_only=True)
    assert kgstore.has_index(store)
    assert index_of(store) == index_made_again(seeds_store, tmp_path)


def test_the_index_holds_each_statement_once_and_only_indexed_predicates_and_label_keys(seeds_store):
    store = kgstore.open_store(seeds_store, read_only=True)
    predicates = {q.predicate for q in index_of(store)} - {kgstore.INDEX_MARK.predicate}
    assert predicates <= {*kgstore.INDEXED, kgstore.LABEL_KEY}
    india = ox.NamedNode("https://w3id.org/ctkg/id/state/india")
    state = ox.NamedNode(kgstore.PREFIXES["rdf"] + "type")
    assert len(list(store.index.quads_for_pattern(india, state, None, None))) == 1
    assert len(list(store.quads_for_pattern(india, state, None, None))) > 1


@pytest.fixture()
def one_article(tmp_path) -> tuple[Path, Path]:
    """(an article file, the store it was built into): a seed that alone names Nathan Sales."""
    folder = tmp_path / "articles"
    folder.mkdir()
    article = folder / "a.txt"
    article.write_text((SEEDS / "002_acd130ee94a5d060.txt").read_text(encoding="utf-8"), encoding="utf-8")
    store_dir = tmp_path / "store"
    build([folder], store_dir)
    return article, store_dir


def test_an_edited_article_takes_out_of_the_index_what_only_it_stated(one_article, tmp_path):
    article, store_dir = one_article
    folder = article.parent
    article.write_text(article.read_text(encoding="utf-8").replace("Nathan Sales", "Nathan Brown"), encoding="utf-8")
    assert build([folder], store_dir).count("loaded") == 1
    store = kgstore.open_store(store_dir)
    labels = {q.object.value for q in index_of(store) if q.predicate == kgstore.PREF_LABEL}
    assert "Nathan Brown" in labels and "Nathan Sales" not in labels
    del store
    assert index_of(kgstore.open_store(store_dir, read_only=True)) == index_made_again(store_dir, tmp_path)


def test_an_article_kept_aside_on_a_rebuild_leaves_nothing_of_itself_in_the_index(one_article, tmp_path,
                                                                                   break_validation):
    article, store_dir = one_article
    folder = article.parent
    break_validation()
    article.write_text(article.read_text(encoding="utf-8") + "\n\nA corrected paragraph.\n", encoding="utf-8")
    assert build([folder], store_dir).count("quarantined") == 1
    store = kgstore.open_store(store_dir, read_only=True)
    assert not kgstore.article_graphs(store)
    assert index_of(store) == index_made_again(store_dir, tmp_path)
    assert not any("nathan-sales" in q.subject.value for q in index_of(store))


def test_a_store_without_the_index_gets_it_when_next_opened_for_a_build(seeds_copy, tmp_path):
    expected = index_of(kgstore.open_store(seeds_copy, read_only=True))
    shutil.rmtree(seeds_copy / "lookup-index")
    assert not kgstore.has_index(kgstore.open_store(seeds_copy, read_only=True))
    assert build([SEEDS], seeds_copy).count("unchanged") == 5
    assert index_of(kgstore.open_store(seeds_copy, read_only=True)) == expected


def test_an_index_without_its_mark_a_crash_left_is_made_again_by_the_next_build(seeds_copy):
    store = kgstore.open_store(seeds_copy)
    expected = index_of(store)
    store.index.remove(kgstore.INDEX_MARK)
    store.index.remove(next(iter(index_of(store))))
    assert not kgstore.has_index(store)
    del store
    assert build([SEEDS], seeds_copy).count("unchanged") == 5
    assert index_of(kgstore.open_store(seeds_copy, read_only=True)) == expected


def test_an_index_an_older_ctkg_kept_in_the_default_graph_leaves_the_data(seeds_copy):
    store = kgstore.open_store(seeds_copy)
    old = ox.Quad(kgstore.INDEX_MARK.subject, kgstore.INDEX_MARK.predicate, ox.Literal("1"))
    label_key = ox.Quad(ox.NamedNode("https://w3id.org/ctkg/id/state/india"), kgstore.LABEL_KEY, ox.Literal("india"))
    store.data.extend([old, label_key])
    del store
    build([SEEDS], seeds_copy)
    assert not list(kgstore.open_store(seeds_copy, read_only=True).quads_for_pattern(None, None, None, ox.DefaultGraph()))


def test_a_second_value_behind_many_copies_of_the_first_is_found(tmp_path):
    store = kgstore.open_store(tmp_path / "store")
    kgstore.ensure_base_graphs(store)
    first, second = ox.Literal("2023-01-10", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#date")), \
        ox.Literal("2023-01-12", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#date"))
    for n in range(kgstore.SCAN_CAP + 10):
        kgstore.write_graph(store, f"{GRAPH_BASE}article/a{n:04d}", [(MEETING, START, first)])
    kgstore.write_graph(store, f"{GRAPH_BASE}article/b", [(MEETING, START, second)])
    assert set(kgstore.distinct_objects(store, MEETING, START)) == {first, second}


def test_an_imported_graph_enters_the_index_and_a_replaced_one_leaves_it(tmp_path):
    store = kgstore.open_store(tmp_path / "store")
    graph = f"{GRAPH_BASE}article/imported"
    for name, date in (("one.nq", "2023-01-10"), ("two.nq", "2023-02-20")):
        path = tmp_path / name
        path.write_text(f'<{MEETING.value}> <{START.value}> "{date}"^^<http://www.w3.org/2001/XMLSchema#date> '
                        f'<{graph}> .\n', encoding="utf-8")
        assert import_file(store, path, replace=[graph]).ok
        assert [q.object.value for q in store.index.quads_for_pattern(MEETING, START, None, None)] == [date]


def test_the_index_is_not_exported(seeds_store, tmp_path):
    path = tmp_path / "all.nq"
    export(kgstore.open_store(seeds_store, read_only=True), path, "nquads", "all")
    quads = list(ox.parse(path=str(path), format=ox.RdfFormat.N_QUADS))
    assert quads and all(isinstance(q.graph_name, ox.NamedNode) for q in quads)
    assert not [q for q in quads if q.predicate == kgstore.LABEL_KEY]


def test_a_label_key_goes_with_the_last_label_that_gives_it(tmp_path):
    store = kgstore.open_store(tmp_path / "store")
    kgstore.ensure_base_graphs(store)
    one, two = f"{GRAPH_BASE}article/one", f"{GRAPH_BASE}article/two"
    alias = ox.NamedNode(kgstore.PREFIXES["skos"] + "altLabel")
    kgstore.write_graph(store, one, [(MEETING, alias, ox.Literal("Joint Working Group", language="en"))])
    kgstore.write_graph(store, two, [(MEETING, alias, ox.Literal("joint working-group", language="en"))])
    assert kgstore.entities_by_label_key(store, "jointworkinggroup") == [MEETING]
    kgstore.write_graph(store, one, [])
    assert kgstore.entities_by_label_key(store, "jointworkinggroup") == [MEETING]
    kgstore.write_graph(store, two, [])
    assert kgstore.entities_by_label_key(store, "jointworkinggroup") == []


def test_a_store_without_the_index_has_no_label_key_answer(tmp_path):
    store = kgstore.open_store(tmp_path / "store")
    assert kgstore.entities_by_label_key(store, "india") is None


def test_names_shown_from_the_index_are_those_the_union_of_the_graphs_gives(seeds_copy):
    from kg.query import fetch_labels

    store = kgstore.open_store(seeds_copy)
    iris = {q.subject.value for q in store if isinstance(q.subject, ox.NamedNode)}
    from_index = fetch_labels(store, iris)
    store.index.remove(kgstore.INDEX_MARK)
    assert not kgstore.has_index(store)
    assert fetch_labels(store, iris) == from_index


def test_an_article_s_own_facts_and_sentences_stay_out_of_the_index(seeds_store):
    from kg.vocab import base_iri

    store = kgstore.open_store(seeds_store, read_only=True)
    own = (base_iri() + "fact/", base_iri() + "article/")
    assert not [q for q in index_of(store) if q.subject.value.startswith(own)]


def test_flushing_a_store_writes_the_data_and_the_index_tables_to_disk(tmp_path):
    store = kgstore.open_store(tmp_path / "store")
    kgstore.ensure_base_graphs(store)
    tables = {folder: set(folder.glob("*.sst")) for folder in (tmp_path / "store", tmp_path / "store" / "lookup-index")}
    store.flush()
    assert all(set(folder.glob("*.sst")) - before for folder, before in tables.items())
