"""kg.article: reading one news article file into an Article."""
from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest

from kg.article import Article, find_articles, read_article
from kg.errors import (
    BadArticle,
    BinaryArticle,
    EmptyArticle,
    HugeArticle,
    MissingPath,
    NoArticles,
)

SEEDS = Path(__file__).parent.parent / "seeds"
SEED_FILES = sorted(SEEDS.glob("*.txt"))


@pytest.fixture(scope="module")
def seeds() -> dict[str, Article]:
    return {path.name[:3]: read_article(path) for path in SEED_FILES}


def write(tmp_path: Path, text: str, name: str = "article.txt") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def sentences_of(tmp_path: Path, text: str) -> list[str]:
    return [s.text for s in read_article(write(tmp_path, text)).sentences]


# -- the seeds ------------------------------------------------------------------------------


def test_there_are_five_seed_articles():
    assert len(SEED_FILES) == 5


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.name[:3])
def test_sentence_offsets_index_the_raw_text_in_every_seed(path):
    article = read_article(path)
    assert article.sentences
    for sentence in article.sentences:
        assert article.raw_text[sentence.start:sentence.end] == sentence.text


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.name[:3])
def test_sentences_are_numbered_in_document_order(path):
    sentences = read_article(path).sentences
    assert [s.index for s in sentences] == list(range(len(sentences)))
    assert all(a.end <= b.start for a, b in zip(sentences, sentences[1:]))


def test_id_hash_and_names_come_from_the_file(seeds):
    article = seeds["000"]
    path = SEEDS / "000_b0ef47220d57cd1c.txt"
    assert article.id == "000_b0ef47220d57cd1c"
    assert article.file_name == "000_b0ef47220d57cd1c.txt"
    assert article.path == str(path)
    assert article.content_hash == "sha256:" + hashlib.sha256(path.read_bytes()).hexdigest()
    assert article.raw_text == path.read_text(encoding="utf-8")
    assert article.warnings == ()


def test_seed_000_year_comes_from_the_weekday_and_the_dates_it_mentions(seeds):
    article = seeds["000"]
    assert article.published == dt.date(2024, 2, 28)
    assert article.month_day is None
    assert "dateline 'Feb 28'" in article.date_method
    assert "'Wednesday'" in article.date_method and "'July 2023'" in article.date_method


def test_seed_000_publisher_and_place_come_from_the_dateline(seeds):
    article = seeds["000"]
    assert (article.publisher, article.dateline) == ("PTI", "New Delhi")
    assert article.publisher_method == "dateline '(PTI)'"


def test_seed_000_first_sentence_starts_after_the_dateline(seeds):
    first = seeds["000"].sentences[0]
    assert first.text.startswith("Cooperation in combating terrorism")
    assert first.start == len("New Delhi, Feb 28 (PTI) ")


def test_seed_000_has_no_title(seeds):
    assert seeds["000"].title is None


def test_seed_001_date_comes_from_the_updated_line(seeds):
    article = seeds["001"]
    assert article.published == dt.date(2024, 3, 1)
    assert article.month_day is None
    assert article.date_method.startswith("the page's 'Updated: March 1, 2024' line")


def test_seed_001_publisher_comes_from_the_byline(seeds):
    article = seeds["001"]
    assert (article.publisher, article.publisher_method) == ("ANI", "byline 'By ANI'")
    assert article.dateline == "Washington, DC"


def test_seed_001_headline_is_the_title_and_not_a_sentence(seeds):
    article = seeds["001"]
    assert article.title == ("Homeland Security Dialogue: India, US deepen strategic "
                             "partnership on counternarcotics, combatting terrorism")
    assert not any("combatting terrorism" in s.text for s in article.sentences)


@pytest.mark.parametrize("chrome", ["City", "Epaper", "Open in App", "Related Stories",
                                    "Dalai Lama", "Cricket", "Disclaimer", "By ANI",
                                    "Updated:", "Lohagad", "...", "[US]"])
def test_seed_001_page_chrome_becomes_no_sentence(seeds, chrome):
    assert not any(chrome in s.text for s in seeds["001"].sentences)


def test_seed_001_teaser_is_dropped_and_its_paragraph_kept_once(seeds):
    sentences = seeds["001"].sentences
    assert sentences[0].text.startswith("The India-US Homeland Security Dialogue deepened")
    assert sentences[0].text.endswith("an official readout from US Homeland Security said.")
    assert sum("deepened the strategic" in s.text for s in sentences) == 1
    assert sentences[-1].text.startswith("The Department of Homeland Security also said")


def test_seed_002_without_a_year_keeps_month_and_day(seeds):
    article = seeds["002"]
    assert article.published is None
    assert article.month_day == (9, 11)
    assert article.date_method == "dateline 'September 11'; year unknown: the text names no year"
    assert (article.publisher, article.dateline) == (None, "New Delhi")
    assert article.sentences[0].text.startswith("Emphasizing the need")


def test_seed_003_date_field_gives_the_date_and_is_cut_from_the_first_sentence(seeds):
    article = seeds["003"]
    assert article.published == dt.date(2025, 2, 15)
    assert article.date_method == "the file's 'date' field (2025-02-15)"
    assert article.sentences[0].text.startswith("Counter-terrorism cooperation between India")
    assert not any("2025-02-15" in s.text for s in article.sentences)


def test_seed_003_photo_credit_is_ignored_and_pti_reported_names_the_publisher(seeds):
    article = seeds["003"]
    assert article.publisher == "PTI"
    assert article.publisher_method == "'PTI reported' near the end of the text"
    assert not any(s.text == "(AP)" or s.text.endswith("(AP)") for s in article.sentences)
    assert article.dateline is None


def test_seed_004_date_field_and_two_place_dateline(seeds):
    article = seeds["004"]
    assert article.published == dt.date(2020, 9, 12)
    assert article.month_day is None
    assert article.date_method == "the file's 'date' field (2020-09-12)"
    assert article.dateline == "New Delhi/Beijing"
    assert article.publisher is None
    assert article.sentences[0].text.startswith("India and the US have called on Pakistan")


def test_seed_004_initial_without_a_full_stop_does_not_split(seeds):
    assert any("Nathan A Sales, the US state department coordinator" in s.text
               for s in seeds["004"].sentences)


UNSEEN = Path(__file__).parent / "unseen"
UNSEEN_EXPECTED = {
    "u01_pulwama_us_backs_india": ("Reuters", "NEW DELHI", dt.date(2019, 2, 16)),
    "u02_un_lists_makki": ("PTI", "United Nations", None),
    "u03_us_designates_trf": ("IANS", "Washington", dt.date(2025, 7, 18)),
    "u04_rana_extradited_arrested": ("ANI", "New Delhi", None),
    "u05_two_plus_two_new_delhi": ("UNI", "New Delhi", None),
}


@pytest.mark.parametrize("stem", sorted(UNSEEN_EXPECTED))
def test_unseen_articles_give_publisher_dateline_and_clean_sentences(stem):
    path = UNSEEN / f"{stem}.txt"
    if not path.exists():
        pytest.skip(f"{path.name} is not in tests/unseen")
    article = read_article(path)
    publisher, dateline, published = UNSEEN_EXPECTED[stem]
    assert (article.publisher, article.dateline) == (publisher, dateline)
    if published:
        assert article.published == published
    assert article.title and not any(article.title in s.text for s in article.sentences)
    for sentence in article.sentences:
        assert article.raw_text[sentence.start:sentence.end] == sentence.text
        assert not any(chrome in sentence.text.lower() for chrome in (
            "also read", "disclaimer", "reporting by", "with inputs", "/ updated"))
    assert not article.sentences[-1].text.isupper()          # no "PTI YAS RUP ZH" slug


# -- sentences ------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "U.S. officials met their Indian counterparts in New Delhi on Monday.",
    "The India-U.S. Counter-Terrorism Joint Working Group met in Washington.",
    "The American side was led by Nathan A. Sales of the State Department.",
    "Dr. S. Jaishankar and Mr. Blinken spoke by phone on Tuesday evening.",
    "The meeting was held on Feb. 28 in the capital of the country.",
    "He was ranked No. 2 in the group that planned the attack in Mumbai.",
    "The delegation later flew to St. Louis for talks with local police.",
    "The talks lasted 2.5 hours and ended at 10 a.m. on Wednesday morning.",
    "The attacks of 26/11 and 9/11 were both discussed at the meeting.",
])
def test_abbreviations_initials_and_numbers_do_not_end_a_sentence(tmp_path, text):
    assert sentences_of(tmp_path, text) == [text]


def test_a_full_stop_before_a_capital_ends_a_sentence(tmp_path):
    text = "The talks ended in Washington. Officials said more talks would follow."
    assert sentences_of(tmp_path, text) == [
        "The talks ended in Washington.", "Officials said more talks would follow."]


def test_a_dotted_abbreviation_ends_a_sentence_before_a_common_opener(tmp_path):
    text = "Both sides agreed to meet again in the U.S. The date was not fixed."
    assert sentences_of(tmp_path, text) == [
        "Both sides agreed to meet again in the U.S.", "The date was not fixed."]


def test_a_closing_quote_after_a_full_stop_ends_a_sentence(tmp_path):
    text = ("Pakistan said the statement was “one-sided and misleading.” Foreign Office "
            "spokesperson Shafqat Ali Khan spoke to reporters.")
    assert sentences_of(tmp_path, text) == [
        "Pakistan said the statement was “one-sided and misleading.”",
        "Foreign Office spokesperson Shafqat Ali Khan spoke to reporters."]


def test_a_paragraph_break_ends_a_sentence(tmp_path):
    text = ("India and Japan held talks in Tokyo.\nThe two sides met on Monday in the capital\n"
            "They agreed on a plan to share data.")
    assert sentences_of(tmp_path, text) == [
        "India and Japan held talks in Tokyo.", "The two sides met on Monday in the capital",
        "They agreed on a plan to share data."]


def test_hard_wrapped_lines_are_joined_into_sentences(tmp_path):
    text = ("India and the United States held the seventeenth meeting of\n"
            "their working group on counter-terrorism on Wednesday, officials\n"
            "said. The delegations were led by senior officials of both the\n"
            "foreign ministries, and they met again the next morning.\n")
    sentences = sentences_of(tmp_path, text)
    assert len(sentences) == 2
    assert sentences[0].startswith("India and the United States") and sentences[0].endswith("said.")


# -- page chrome ----------------------------------------------------------------------------


def test_everything_after_a_related_stories_heading_is_left_out(tmp_path):
    text = ("India and Japan held talks on counter-terrorism in Tokyo on Monday.\n\n"
            "Related Stories\n\nPakistan wins the third Test against England by five wickets.\n")
    assert sentences_of(tmp_path, text) == [
        "India and Japan held talks on counter-terrorism in Tokyo on Monday."]


def test_share_buttons_and_also_read_links_are_left_out(tmp_path):
    text = ("India and Japan held talks on counter-terrorism in Tokyo on Monday.\n"
            "Also Read | Pakistan rejects the joint statement as one-sided\n"
            "Advertisement\n"
            "The two sides agreed to share information on terror financing.\n"
            "Share this article\n")
    assert sentences_of(tmp_path, text) == [
        "India and Japan held talks on counter-terrorism in Tokyo on Monday.",
        "The two sides agreed to share information on terror financing."]


# -- metadata in other styles ---------------------------------------------------------------


def test_reuters_dateline_gives_place_publisher_and_a_year_from_the_weekday(tmp_path):
    article = read_article(write(tmp_path, (
        "ISLAMABAD, Jan 5 (Reuters) - Pakistan rejected on Friday a joint statement by "
        "India and the United States, calling it one-sided.\n"
        "Officials of the two countries had met in Washington in Dec. 2023 to discuss it.\n")))
    assert (article.dateline, article.publisher) == ("ISLAMABAD", "Reuters")
    assert article.published == dt.date(2024, 1, 5)       # Jan 5, 2024 was a Friday
    assert article.sentences[0].text.startswith("Pakistan rejected on Friday")


def test_reuters_dateline_without_a_date_leaves_the_date_unknown(tmp_path):
    article = read_article(write(tmp_path, (
        "WASHINGTON (Reuters) - The United States designated a militant group as a "
        "terrorist organization, the State Department said.\n")))
    assert (article.dateline, article.publisher) == ("WASHINGTON", "Reuters")
    assert (article.published, article.month_day) == (None, None)
    assert article.date_method.startswith("no date found")


def test_a_paragraph_opening_with_a_bracketed_acronym_is_not_a_dateline(tmp_path):
    article = read_article(write(tmp_path, (
        "Ghana and Togo held the fifth meeting of their border security group in Accra on Monday.\n\n"
        "The talks were chaired by senior officials of the two interior ministries.\n\n"
        "A Revised Border Patrol Protocol (RBPP) on river crossings was signed by the two sides.\n\n"
        "Joint Patrol Rules (JPR) on night crossings were also agreed.\n")))
    texts = [s.text for s in article.sentences]
    assert texts[2].startswith("A Revised Border Patrol Protocol (RBPP) on river crossings")
    assert (article.dateline, article.publisher) == (None, None)
    article = read_article(write(tmp_path, (
        "Ghana and Togo held the fifth meeting of their border security group in Accra on Monday.\n\n"
        "Joint Patrol Rules (JPR) on night crossings were agreed by the two sides.\n")))
    assert article.sentences[1].text.startswith("Joint Patrol Rules (JPR) on night crossings")


def test_a_press_release_title_is_the_headline_under_its_letterhead(tmp_path):
    article = read_article(write(tmp_path, (
        "MINISTRY OF FOREIGN AFFAIRS\nPress and Information Office\n\n"
        "STATEMENT BY THE SPOKESPERSON\n\n"
        "Joint Kenya-Uganda Statement: Border Security Group Meets in Kampala\n\n"
        "The Governments of Kenya and Uganda released the following joint statement today.\n")))
    assert article.title == "Joint Kenya-Uganda Statement: Border Security Group Meets in Kampala"


def test_newspaper_byline_gives_publisher_date_place_and_title(tmp_path):
    article = read_article(write(tmp_path, (
        "India, US sign pact on counter-terror training\n\n"
        "By Jane Doe, Hindustan Times, New Delhi | Updated on Mar 3, 2023 10:12 PM IST\n\n"
        "India and the United States on Friday signed a memorandum on police training.\n")))
    assert article.title == "India, US sign pact on counter-terror training"
    assert (article.publisher, article.dateline) == ("Hindustan Times", "New Delhi")
    assert article.published == dt.date(2023, 3, 3)
    assert [s.text for s in article.sentences] == [
        "India and the United States on Friday signed a memorandum on police training."]


def test_a_date_on_a_line_of_its_own_dates_the_article(tmp_path):
    article = read_article(write(tmp_path, (
        "U.S. backs India after Kashmir bombing\n\nFEBRUARY 16, 2019 / 2:41 PM / UPDATED\n\n"
        "NEW DELHI (Reuters) - The United States has told India it supports its right to "
        "defend itself, officials said on Saturday.\n")))
    assert article.published == dt.date(2019, 2, 16)
    assert article.date_method == "the page's 'FEBRUARY 16, 2019' line"
    assert (article.publisher, article.dateline) == ("Reuters", "NEW DELHI")


def test_plain_article_has_no_metadata_and_all_its_sentences(tmp_path):
    article = read_article(write(tmp_path, (
        "India and France agreed to deepen cooperation on counter-terrorism. The "
        "delegations were led by senior officials of the two foreign ministries.\n")))
    assert (article.title, article.publisher, article.dateline) == (None, None, None)
    assert (article.published, article.month_day) == (None, None)
    assert len(article.sentences) == 2


def test_closing_agency_credit_names_the_publisher_and_is_no_sentence(tmp_path):
    article = read_article(write(tmp_path, (
        "Srinagar, Mar 5: Security forces killed two militants in an encounter on Tuesday, "
        "police said.\n(IANS)\n")))
    assert (article.publisher, article.publisher_method) == ("IANS", "closing credit '(IANS)'")
    assert [s.text for s in article.sentences] == [
        "Security forces killed two militants in an encounter on Tuesday, police said."]


def test_header_fields_give_title_date_and_source(tmp_path):
    article = read_article(write(tmp_path, (
        "Title: India, Australia hold counter-terrorism talks\nDate: 2023-06-12\n"
        "Source: PTI\nURL: https://example.com/a\n\n"
        "Canberra: India and Australia held their counter-terrorism dialogue, officials said.\n")))
    assert article.title == "India, Australia hold counter-terrorism talks"
    assert (article.published, article.publisher, article.dateline) == (
        dt.date(2023, 6, 12), "PTI", "Canberra")
    assert [s.text for s in article.sentences] == [
        "India and Australia held their counter-terrorism dialogue, officials said."]


def test_windows_line_endings_stay_out_of_sentences(tmp_path):
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"India and Japan held talks in Tokyo.\r\nThey agreed to share data.\r\n")
    article = read_article(path)
    assert [s.text for s in article.sentences] == [
        "India and Japan held talks in Tokyo.", "They agreed to share data."]
    assert all(article.raw_text[s.start:s.end] == s.text for s in article.sentences)


# -- inferring the year ---------------------------------------------------------------------


def test_year_is_inferred_from_the_datelines_weekday_after_the_latest_past_date(tmp_path):
    article = read_article(write(tmp_path, (
        "Mumbai, Thursday, Nov 14 (PTI) Police officers from India and Israel met here "
        "to discuss port security, officials said.\n"
        "Their last meeting was held in March 2018.\n")))
    assert article.published == dt.date(2019, 11, 14)      # a Thursday; 2018's was a Wednesday
    assert "the dateline's weekday 'Thursday'" in article.date_method
    assert "'March 2018'" in article.date_method


def test_a_weekday_in_the_body_is_not_taken_for_the_dateline_day(tmp_path):
    article = read_article(write(tmp_path, (
        "Mumbai, Nov 14 (PTI) Police officers from India and Israel met here on Thursday "
        "to discuss port security, officials said.\n"
        "Their last meeting was held in March 2018.\n")))
    assert article.published == dt.date(2018, 11, 14)      # the first Nov 14 after March 2018
    assert "the weekday 'Thursday' in the text fits any year" in article.date_method


def test_weekday_alone_does_not_fix_the_year(tmp_path):
    article = read_article(write(tmp_path, (
        "Mumbai, Nov 14 (PTI) Police officers from India and Israel met here on Thursday "
        "to discuss port security, officials said.\n")))
    assert (article.published, article.month_day) == (None, (11, 14))
    assert article.date_method.startswith("dateline 'Nov 14'; year unknown")
    assert "2019" in article.date_method


def test_year_without_a_weekday_is_the_first_after_the_latest_past_date(tmp_path):
    article = read_article(write(tmp_path, (
        "New Delhi, March 3: India and Australia held talks on terror financing, officials "
        "said.\nThe previous round of talks was held in August 2021.\n")))
    assert article.published == dt.date(2022, 3, 3)
    assert "no weekday confirms it" in article.date_method


def test_years_in_future_sentences_do_not_bound_the_date(tmp_path):
    article = read_article(write(tmp_path, (
        "New Delhi, March 3: India and Australia held talks on terror financing, officials "
        "said.\nThe next round will be held in 2030.\n")))
    assert (article.published, article.month_day) == (None, (3, 3))


# -- files that cannot be read --------------------------------------------------------------


def test_missing_file_is_reported_with_its_name(tmp_path):
    path = tmp_path / "gone.txt"
    with pytest.raises(MissingPath) as error:
        read_article(path)
    assert str(error.value) == f"{path}: no such file.\n  Check the path, or leave the file out."


def test_folder_is_not_an_article(tmp_path):
    with pytest.raises(BadArticle) as error:
        read_article(tmp_path)
    assert str(error.value).startswith(f"{tmp_path}: this is a folder, not an article file.")


def test_empty_file_is_reported_with_its_name(tmp_path):
    path = write(tmp_path, "", "extra.txt")
    with pytest.raises(EmptyArticle) as error:
        read_article(path)
    assert str(error.value) == (f"{path}: the file is empty (0 bytes).\n"
                                "  Add the article's text or leave the file out.")


def test_whitespace_only_file_is_empty(tmp_path):
    path = write(tmp_path, " \n\t\n  \n", "blank.txt")
    with pytest.raises(EmptyArticle) as error:
        read_article(path)
    assert str(error.value) == (f"{path}: the file holds only whitespace (7 bytes).\n"
                                "  Add the article's text or leave the file out.")


def test_file_with_nul_bytes_is_binary(tmp_path):
    path = tmp_path / "photo.txt"
    path.write_bytes(b"India and the US\x00\x01\x02 met" * 20)
    with pytest.raises(BinaryArticle) as error:
        read_article(path)
    assert str(error.value).startswith(f"{path}: the file is binary, not text (it holds NUL")


def test_file_of_control_codes_is_binary(tmp_path):
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes(range(1, 256)) * 8)
    with pytest.raises(BinaryArticle) as error:
        read_article(path)
    assert "control codes" in str(error.value) and "photo" not in str(error.value)


def test_pdf_is_named_as_such(tmp_path):
    path = tmp_path / "report.txt"
    path.write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n")
    with pytest.raises(BinaryArticle) as error:
        read_article(path)
    assert str(error.value).startswith(f"{path}: the file is a PDF document, not plain text.")


def test_file_over_the_size_limit_says_its_size_and_how_to_raise_the_limit(tmp_path):
    path = write(tmp_path, "India and the US held talks on terrorism. " * 30, "long.txt")
    with pytest.raises(HugeArticle) as error:
        read_article(path, max_bytes=1000)
    assert str(error.value) == (
        f"{path}: the file is 1,260 bytes, over the limit of 1,000 bytes for one article.\n"
        "  Split it into one file per article, or raise the limit with --max-bytes "
        "(for example --max-bytes 2000).")


def test_windows_1252_text_is_read_with_a_warning(tmp_path):
    path = tmp_path / "cp.txt"
    path.write_bytes("The minister said the talks were “useful” and the café was closed."
                     .encode("cp1252"))
    article = read_article(path)
    assert article.sentences[0].text == ("The minister said the talks were “useful” and the "
                                         "café was closed.")
    assert article.warnings == ("not UTF-8: read as Windows-1252; check the characters of names",)


def test_utf8_byte_order_mark_is_not_text(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbfIndia and Japan held talks on terrorism in Tokyo.")
    article = read_article(path)
    assert article.raw_text.startswith("India") and article.warnings == ()


def test_garbled_text_does_not_read_as_an_article(tmp_path):
    path = write(tmp_path, "@@## $$%% ^^&& **(( ))!! ~~##\n#### %%%% $$$$ 12 34 56 @@@@\n", "x.txt")
    with pytest.raises(BadArticle) as error:
        read_article(path)
    assert str(error.value) == (
        f"{path}: the text does not read as an article: only 0% of its characters are letters "
        "and no line reads as a sentence.\n  Check that the file holds the article's text, not "
        "a web page's menus, a scrambled copy or another kind of file.")


def test_page_menus_alone_do_not_read_as_an_article(tmp_path):
    path = write(tmp_path, "City\nEpaper\nOpen in App\nRelated Stories\n", "menu.txt")
    with pytest.raises(BadArticle) as error:
        read_article(path)
    assert "every line looks like page chrome" in str(error.value)


# -- finding the files ----------------------------------------------------------------------


def test_folder_expands_to_its_articles_sorted_without_hidden_files(tmp_path):
    for name in ["b.txt", "a.md", "c", "d.text", ".hidden.txt", "photo.jpg", "README.md"]:
        write(tmp_path, "India and Japan met.", name)
    (tmp_path / "2024").mkdir()
    write(tmp_path / "2024", "India and Japan met.", "e.txt")
    files, errors = find_articles([tmp_path])
    assert errors == []
    assert [f.relative_to(tmp_path).as_posix() for f in files] == [
        "2024/e.txt", "a.md", "b.txt", "c", "d.text"]


def test_folder_with_no_articles_is_an_error_naming_it(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    write(empty, "not an article", "notes.csv")
    files, errors = find_articles([empty])
    assert files == []
    assert len(errors) == 1 and isinstance(errors[0], NoArticles)
    assert str(errors[0]).startswith(f"{empty}: the folder holds no articles")


def test_missing_path_is_an_error_and_the_other_paths_are_kept(tmp_path):
    article = write(tmp_path, "India and Japan met.", "odd.name")
    files, errors = find_articles([tmp_path / "nope", article])
    assert files == [article]
    assert len(errors) == 1 and isinstance(errors[0], MissingPath)
    assert str(errors[0]) == (f"{tmp_path / 'nope'}: no such file or folder.\n"
                              "  Check the path, or leave it out.")


def test_a_file_named_twice_is_read_once(tmp_path):
    article = write(tmp_path, "India and Japan met.", "a.txt")
    files, errors = find_articles([article, tmp_path])
    assert (files, errors) == ([article], [])
