"""The agreements family: what must not be taken for a signed document, and what is kept apart."""
from kg.extract.examples import extraction_of, rows


def _found(text, tmp_path, rule):
    extraction, label = extraction_of(text, tmp_path)
    return rows("agreements", extraction, label, rule)


def test_a_promise_to_sign_is_not_a_signing(tmp_path):
    text = "Kenya and Uganda committed to finalising a new framework against arms smuggling."
    assert _found(text, tmp_path, "signed-document") == []


def test_a_verb_act_is_not_a_law(tmp_path):
    text = "The ministers asked that Uganda act against the smuggling networks."
    assert _found(text, tmp_path, "named-law") == []


def test_a_resolution_of_another_body_is_not_a_council_resolution(tmp_path):
    text = "The assembly passed Resolution 77 on refugee housing."
    assert _found(text, tmp_path, "unsc-resolution") == []


def test_two_documents_signed_in_one_sentence_are_both_kept(tmp_path):
    text = ("Kenya and Uganda signed the Lake Victoria Fisheries Accord and the Elgon Border "
            "Patrol Protocol in Kampala.")
    names = {row["agreement"] for row in _found(text, tmp_path, "signed-document")}
    assert {"Lake Victoria Fisheries Accord", "Elgon Border Patrol Protocol"} <= names


def test_a_balancing_act_between_two_capitals_is_no_document(tmp_path):
    text = "Washington is walking a careful balancing act between Nairobi and Kampala."
    found = [r for rule in ("document-between", "named-law", "signed-document")
             for r in _found(text, tmp_path, rule)]
    assert found == []
