"""Statements as a stage on the parse (kg/extract/statements.py): what must not become a statement."""
from __future__ import annotations


from kg.extract.examples import extraction_of
from kg.terms import ctkg, rdf, skos


def statements(tmp_path, text: str) -> dict:
    extraction, label = extraction_of(text, tmp_path)
    typed = {f.subject for f in extraction.facts if f.predicate == rdf.type
             and f.object in (ctkg.Statement, ctkg.JointStatement)}
    names = {f.subject: f.object.value for f in extraction.facts if f.predicate == skos.prefLabel}
    issuers = {s: sorted(label(f.object) for f in extraction.facts if f.subject == s and f.predicate == ctkg.issuedBy)
               for s in typed}
    return {names[s]: issuers[s] for s in typed}


def test_the_statement_said_with_nobody_named_is_not_a_new_statement(tmp_path):
    assert statements(tmp_path, "The statement said the talks had been useful.") == {}


def test_a_third_state_protesting_a_joint_statement_is_not_its_issuer(tmp_path):
    found = statements(tmp_path, "Peru on Monday protested at references to it in last week's joint statement by "
                                 "Chile and Bolivia.")
    assert list(found.values()) == [["Bolivia", "Chile"]]


def test_a_verb_that_is_not_speech_does_not_make_its_subject_an_issuer(tmp_path):
    found = statements(tmp_path, "Peru handed a protest note over remarks in the joint statement of Chile and Bolivia.")
    assert all("Peru" not in issuers for issuers in found.values())


def test_a_statement_of_another_occasion_is_dated_and_named_by_its_sentence(tmp_path):
    found = statements(tmp_path, "Ghana and Togo held the fifth meeting of their Joint Working Group on "
                                 "Counter-Terrorism in Accra on Monday. When the presidents of Ghana and Togo met "
                                 "in Lome on May 4, 2019, their joint statement condemned the attacks.")
    assert "Joint statement of Ghana and Togo (May 4, 2019)" in found
