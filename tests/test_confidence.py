"""kg.confidence: confidence from how a fact was stated, and the link strength derived from it."""
from __future__ import annotations

from decimal import Decimal

import pytest

from kg.confidence import (Source, assertion_confidence, combined, hedges_in, how_stated, link_strength,
                           measured_precision)
from kg.mentions import Mention
from kg.terms import NamedNode, ctkg, literal, rdf

INDIA = NamedNode("https://w3id.org/ctkg/id/state/india")
ARMY = NamedNode("https://w3id.org/ctkg/id/agency/indian-army")
CLASSES = {INDIA: ctkg.State, ARMY: ctkg.GovernmentAgency}


def mention(text: str, sentence: str, iri: NamedNode, start: int = 0) -> tuple[Mention, NamedNode]:
    at = sentence.index(text) + start
    return Mention("known", text, at, at + len(text), 0, CLASSES[iri], iri), iri


@pytest.mark.parametrize(("sentence", "hedges"), [
    ("Lakhvi was arrested for allegedly planning the attacks.", ("alleged",)),
    ("The talks covered extremism, sources said.", ("sources said",)),
    ("The group is believed to have planned it, according to intelligence sources.", ("believed to", "sources said")),
    ("Khan said Pakistan was surprised, PTI reported.", ()),
    ("The attack killed 18 soldiers.", ()),
])
def test_hedges_are_read_from_the_sentence(sentence, hedges):
    assert hedges_in(sentence) == hedges


def test_according_to_names_the_actor_of_its_phrase():
    sentence = "Eighteen soldiers were killed, according to Indian officials."
    stated = how_stated(sentence, 0, [mention("Indian", sentence, INDIA)], CLASSES)
    assert stated.according_to == INDIA


def test_the_subject_of_said_is_the_source():
    sentence = "The attack killed 18 soldiers, the Indian Army said on Thursday."
    assert how_stated(sentence, 100, [mention("Indian Army", sentence, ARMY, 100)], CLASSES).according_to == ARMY


def test_unnamed_sources_are_a_hedge_and_name_no_actor():
    sentence = "India is seeking action against the group, the sources said."
    stated = how_stated(sentence, 0, [mention("India", sentence, INDIA)], CLASSES)
    assert stated.according_to is None and stated.hedges == ("sources said",)


def test_a_kind_of_fact_takes_its_measured_precision_and_an_unscored_one_the_rules_own():
    attacks = Decimal(str(measured_precision()["attacks"])).quantize(Decimal("0.01"))
    assert assertion_confidence(ctkg.killed, literal(18), 0.5, ()) == attacks
    assert assertion_confidence(ctkg.topic, NamedNode("urn:x:topic"), 0.7, ()) == Decimal("0.70")


def test_hedges_lower_the_confidence():
    base = Decimal(str(measured_precision()["legal actions"]))
    assert assertion_confidence(rdf.type, ctkg.Arrest, 0.8, ("alleged",)) == (base * Decimal("0.75")).quantize(Decimal("0.01"))
    assert assertion_confidence(rdf.type, ctkg.Arrest, 0.8, ("alleged", "sources said")) == \
        (base * Decimal("0.6")).quantize(Decimal("0.01"))


def test_independent_reports_add_up_and_a_reprinted_wire_story_counts_once():
    one = Source("a.txt", "The attack killed 18 soldiers.", 0.8)
    other = Source("b.txt", "Eighteen soldiers died in the attack.", 0.8)
    reprint = Source("c.txt", "The attack  killed 18 soldiers.", 0.8)
    assert combined([one]) == 0.8
    assert combined([one, other]) == 0.96
    assert combined([one, reprint]) == 0.8


def test_two_sentences_of_one_article_are_one_report():
    assert combined([Source("a.txt", "First.", 0.8), Source("a.txt", "Second.", 0.7)]) == 0.8


@pytest.mark.parametrize(("confidence", "strength"), [(0.96, "confirmed"), (0.88, "probable"), (0.6, "unconfirmed")])
def test_link_strength_follows_the_combined_confidence(confidence, strength):
    assert link_strength(confidence) == strength


def test_a_loaded_sentence_records_its_source_and_hedges(tmp_path):
    from kg.loader import build
    from kg.store import open_store

    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "uri.txt").write_text(
        "Uri attack toll\n\nNew Delhi, Sept 20, 2016 (PTI) The Uri attack allegedly killed 18 soldiers, "
        "according to Indian officials.\n", encoding="utf-8")
    build([articles], tmp_path / "store")
    rows = list(open_store(tmp_path / "store", read_only=True).query(
        "PREFIX ctkg: <https://w3id.org/ctkg/ontology#> PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> "
        "SELECT ?who ?hedge ?c WHERE { ?f rdf:predicate ctkg:killed ; ctkg:accordingTo ?who ; ctkg:hedge ?hedge ; "
        "ctkg:confidence ?c }", use_default_graph_as_union=True))
    assert [(r["who"].value, r["hedge"].value) for r in rows] == [(INDIA.value, "alleged")]
    assert float(rows[0]["c"].value) < measured_precision()["attacks"]


def test_the_precision_benchmark_smooths_and_writes_the_table(tmp_path, capsys):
    import json
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))   # the repo root holds benchmarks/
    from benchmarks.measure_precision import main

    scores = tmp_path / "scores.json"
    scores.write_text(json.dumps({"scores": {"attacks": {"tp": 6, "pred": 6, "gold": 6},
                                             "posts": {"tp": 0, "pred": 0, "gold": 3}}}), encoding="utf-8")
    out = tmp_path / "precision.json"
    assert main(["--scores", str(scores), "--write", "--out", str(out), "--articles", str(tmp_path)]) == 0
    kinds = json.loads(out.read_text(encoding="utf-8"))["kinds"]
    assert kinds["attacks"]["precision"] == 0.875 and kinds["posts"]["precision"] == 0.5
    assert "attacks" in capsys.readouterr().out



def test_the_networks_link_strength_is_the_grading_of_the_combined_confidence():
    from kg.network import link_strength as network_strength

    assert network_strength(2, 0.8) == link_strength(0.96) == "confirmed"
    assert network_strength(1, 0.8) == link_strength(0.8) == "probable"
