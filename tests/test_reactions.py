"""Reactions: what must not be read as a state reacting."""
from kg.extract.examples import extraction_of, rows

STATEMENT = ("India and the United States issued a joint statement after their Counterterrorism Dialogue "
             "in Washington on Tuesday. ")


def _reactions(text, tmp_path):
    extraction, label = extraction_of(text, tmp_path)
    from kg.vocab import CTKG
    return [(label(f.object)) for f in extraction.facts
            if f.predicate == CTKG.issuedBy and (f.subject, CTKG.Reaction) in extraction.events.items()]


def test_a_party_to_the_statement_speaking_about_it_is_not_a_reaction(tmp_path):
    text = STATEMENT + "Indian Foreign Secretary Meera Sethi said the statement was a strong message."
    assert _reactions(text, tmp_path) == []


def test_a_relative_clause_denial_is_not_a_reaction(tmp_path):
    text = STATEMENT + "Pakistan, which denies backing militants, did not respond to the statement."
    assert _reactions(text, tmp_path) == []


def test_a_third_state_rejecting_the_statement_is_one_reaction(tmp_path):
    text = STATEMENT + ("Pakistan rejected the joint statement as one-sided. "
                        "Foreign Office spokesperson Amna Tariq said the references were baseless.")
    assert _reactions(text, tmp_path) == ["Pakistan"]
