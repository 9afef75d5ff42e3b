"""Reactions: what must not be read as a state reacting, and what a reaction responds to."""
from kg.extract.examples import extraction_of
from kg.terms import ctkg

STATEMENT = ("India and the United States issued a joint statement after their Counterterrorism Dialogue "
             "in Washington on Tuesday. ")
ATTACK = "A suicide bombing in Quetta on Monday killed nine people at a crowded market. "
VERDICT = "An anti-terrorism court in Quetta convicted militant commander Omar Baig on Monday. "


def _facts(text, tmp_path, predicate):
    extraction, label = extraction_of(text, tmp_path)
    reactions = {s for s, cls in extraction.events.items() if cls == ctkg.Reaction}
    return [(f.object, label(f.object)) for f in extraction.facts if f.predicate == predicate and f.subject in reactions]


def _reactions(text, tmp_path):
    return [name for _, name in _facts(text, tmp_path, ctkg.issuedBy)]


def _spokespeople(text, tmp_path):
    return sorted({name for _, name in _facts(text, tmp_path, ctkg.spokesperson)})


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


def test_a_reaction_to_a_verdict_responds_to_the_conviction(tmp_path):
    text = VERDICT + "Australian Foreign Minister Grace Hill called the verdict a fair outcome for the victims."
    targets = [iri.value for iri, _ in _facts(text, tmp_path, ctkg.respondsTo)]
    assert targets and all("/conviction/omar-baig" in t for t in targets)


def test_an_office_holder_without_a_state_and_no_state_before_does_not_react(tmp_path):
    text = STATEMENT + "Interior Minister Kamran Qadir lashed out at both governments."
    assert _reactions(text, tmp_path) == []


def test_criticism_from_a_group_that_is_no_state_is_no_reaction(tmp_path):
    text = ATTACK + "The killings drew sharp criticism from rights groups and local traders."
    assert _reactions(text, tmp_path) == []


def test_someone_without_an_office_does_not_speak_for_the_state_they_mention(tmp_path):
    text = ATTACK + ("The United Kingdom condemned the attack. "
                     "Analyst Mark Doyle said \"the United States stands with Pakistan\" on such days.")
    assert "Mark Doyle" not in _spokespeople(text, tmp_path)


def test_the_stance_is_the_states_own_quoted_words_when_it_gives_them(tmp_path):
    text = ("India and the United States issued a joint statement on Monday naming terrorist groups. "
            "Bangladesh has expressed concerns about these developments. Bangladesh said a reference to it in the "
            "joint statement was \u201cunfounded and unhelpful.\u201d")
    assert [value.value for value, _ in _facts(text, tmp_path, ctkg.stance)] == ["unfounded and unhelpful"]


def test_a_denial_that_names_nothing_answers_the_attack_the_report_is_about(tmp_path):
    text = ("A suicide bombing in Quetta on Monday killed nine people at a crowded market. "
            "In a statement, the White House urged Afghanistan to act against the group. "
            "Afghanistan denied any role.")
    responds = [name for _, name in _facts(text, tmp_path, ctkg.respondsTo)]
    assert responds and all("quetta" in name.lower() for name in responds)
