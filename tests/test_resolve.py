"""Resolution: reports of one person or one session, read in either order, end as one IRI with one
preferred label; the stored graphs are rewritten when a later report brings the canonical one."""
from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.loader import build
from kg.store import article_graphs

PREFIXES = "PREFIX ctkg: <https://w3id.org/ctkg/ontology#>\nPREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"

YEARLESS = ("WASHINGTON, Dec 19 (PTI) The India-US Joint Working Group on Counter-Terrorism held its 17th "
            "meeting in Washington on Thursday. The Indian side was led by Joint Secretary "
            "Rajeev Mittal.\n")
DATED = ("New Delhi, Dec 21, 2019 (PTI) The 17th meeting of the India-US Joint Working Group on "
         "Counter-Terrorism was held in Washington on December 19, 2019. Joint Secretary Rajeev Mital "
         "led the Indian delegation.\n")


def built(tmp_path: Path, texts: list[str]) -> ox.Store:
    """The texts built one by one, each in a build of its own, in the order given."""
    folder = tmp_path / "articles"
    folder.mkdir(parents=True)
    store_dir = tmp_path / "store"
    for text in texts:
        path = folder / ("yearless.txt" if text == YEARLESS else "dated.txt")
        path.write_text(text, encoding="utf-8")
        assert build([path], store_dir).ok
    return ox.Store.read_only(str(store_dir))


def rows(store: ox.Store, query: str) -> set[tuple]:
    return {tuple(term.value for term in row) for row in store.query(PREFIXES + query, use_default_graph_as_union=True)}


def sessions(store):
    return rows(store, "SELECT ?m WHERE { ?m ctkg:inSeries ?s }")


def people(store):
    return rows(store, "SELECT ?p ?label WHERE { ?p a ctkg:Person ; skos:prefLabel ?label }")


@pytest.mark.parametrize("order", [(YEARLESS, DATED), (DATED, YEARLESS)], ids=["yearless-first", "dated-first"])
def test_a_session_known_by_month_and_day_joins_the_session_another_report_dates(tmp_path, order):
    store = built(tmp_path, list(order))
    assert len(sessions(store)) == 1
    (meeting,), = sessions(store)
    assert meeting.endswith("-2019-12")


@pytest.mark.parametrize("order", [(YEARLESS, DATED), (DATED, YEARLESS)], ids=["yearless-first", "dated-first"])
def test_a_name_spelled_two_ways_with_one_name_key_is_one_person_with_one_preferred_label(tmp_path, order):
    store = built(tmp_path, list(order))
    named = {(iri, label) for iri, label in people(store) if "rajeev" in iri}
    assert named == {("https://w3id.org/ctkg/id/person/rajeev-mital", "Rajeev Mital")}
    alias = rows(store, "SELECT ?alias WHERE { ?p a ctkg:Person ; skos:altLabel ?alias }")
    assert ("Rajeev Mittal",) in alias


def test_the_order_of_two_reports_changes_no_quad(tmp_path):
    one = built(tmp_path / "a", [YEARLESS, DATED])
    two = built(tmp_path / "b", [DATED, YEARLESS])
    assert article_quads(one) and article_quads(one) == article_quads(two)


def article_quads(store: ox.Store) -> set:
    return {q for g in article_graphs(store) for q in store.quads_for_pattern(None, None, None, ox.NamedNode(g))}


def test_a_report_dated_february_29_without_a_year_is_compared_with_the_others(tmp_path):
    leap = YEARLESS.replace("WASHINGTON, Dec 19", "WASHINGTON, Feb 29")
    dated = DATED.replace("Dec 21, 2019", "Mar 2, 2024").replace("December 19, 2019", "February 28, 2024")
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "leap.txt").write_text(leap, encoding="utf-8")
    (folder / "dated.txt").write_text(dated, encoding="utf-8")
    store_dir = tmp_path / "store"
    assert build([folder / "dated.txt"], store_dir).ok and build([folder / "leap.txt"], store_dir).ok
    assert len(sessions(ox.Store.read_only(str(store_dir)))) == 1
