"""Correction requests: `claimcheck correction` drafts Markdown and Word letters for contradicted,
undismissed findings, citing the Ministerial Code edition in force on the statement date."""

import datetime as dt

import docx
import pytest
from typer.testing import CliRunner

from claimcheck.dates import PartialDate
from claimcheck.errors import FindingError
from claimcheck.model import Verdict
from claimcheck.outputs.letters import (
    code_editions_in_force,
    correction_request,
    letter_filename,
    letter_markdown,
    write_letter,
)
from claimcheck.review.store import ReviewState, ReviewStatus, decide

from .conftest import PQ_42842

runner = CliRunner()
TODAY = dt.date(2026, 1, 5)
CLAIM = ("There are currently no plans to share the data with other government departments "
         "unless we are legally required to do so.")
EVIDENCE = ("Since April 2012 the Department for Education has shared data from the National "
            "Pupil Database, which holds 23 million records, with the Home Office and the police.")


def docx_text(path) -> str:
    return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)


def test_correction_for_pq_42842_writes_markdown_and_word(outputs_app, seed_copy, pq42842):
    out = seed_copy / "reports"
    result = runner.invoke(outputs_app, [
        "correction", pq42842.id, "--claims", str(seed_copy / "claims"),
        "--evidence", str(seed_copy / "evidence"), "--out", str(out),
        "--by", "Jo Bloggs, defenddigitalme"])
    assert result.exit_code == 0, result.output
    stem = out / "corrections" / letter_filename(pq42842.id)
    assert stem.name == "2016-07-25-gibb-pq-42842_23cf6b1913"
    markdown = stem.with_suffix(".md").read_text(encoding="utf-8")
    word = docx_text(stem.with_suffix(".docx"))
    assert f"wrote {stem.with_suffix('.md')}" in result.stdout
    for text in (markdown.replace("\\", ""), word):
        assert "PQ 42842" in text
        assert "On 25 July 2016, in answer to a written parliamentary question (PQ 42842)" in text
        assert CLAIM in text and EVIDENCE in text
        # The dates: the statement, when the fact held, when it was signed and made public.
        for date in ("25 July 2016", "July 2015", "18 December 2015", "15 December 2016"):
            assert date in text
        assert "390 days before the statement" in text
        assert "Ministerial Code (October 2015 edition, paragraph 1.2(c))" in text
        assert "correcting any inadvertent error at the earliest opportunity" in text
        assert "An error has been identified in the written answer given on 25 July 2016" in text
        assert f'The answer given was: "{CLAIM}"' in text
        assert "To: Nick Gibb, Minister of State for School Standards; Department for Education" \
            in text
        assert "Dear Minister," in text and "Jo Bloggs, defenddigitalme" in text
    assert "is unreviewed; review it before sending" in result.stderr


@pytest.mark.parametrize("on, edition, paragraph", [
    (PartialDate(2016, 7, 25), "October 2015", "1.2(c)"),
    (PartialDate(2015, 9, 30), "May 2010", "1.2(c)"),
    (PartialDate(2018, 3, 13), "January 2018", "1.3(c)"),
    (PartialDate(2020, 9, 21), "August 2019", "1.3(c)"),
    (PartialDate(2023, 6, 1), "May 2022", "1.3(c)"),
    (PartialDate(2025, 1, 1), "November 2024", None),
    (PartialDate(1999, 1, 1), "July 1997", "1(iii)"),
])
def test_the_code_edition_in_force_on_the_statement_date(on, edition, paragraph):
    (found,) = code_editions_in_force(on)
    assert (found.name, found.paragraph) == (edition, paragraph)


def test_a_date_too_coarse_to_place_names_both_editions():
    assert [e.name for e in code_editions_in_force(PartialDate(2015))] == ["May 2010",
                                                                           "October 2015"]


def test_only_contradicted_findings_feed_a_letter(seed_result):
    corrected = next(f for f in seed_result.findings if f.verdict is Verdict.CORRECTED)
    with pytest.raises(FindingError, match="corrected: the record has already been corrected"):
        correction_request(corrected, TODAY)
    supported = next(f for f in seed_result.findings if f.verdict is Verdict.SUPPORTED)
    with pytest.raises(FindingError, match="only a contradicted finding"):
        correction_request(supported, TODAY)


def test_a_dismissed_finding_never_feeds_a_letter(pq42842):
    review = decide(pq42842, "dismissed", "B. Checker", TODAY, "the MoU is a draft")
    state = ReviewState(pq42842.id, ReviewStatus.DISMISSED, review)
    with pytest.raises(FindingError, match="a reviewer dismissed it .B. Checker"):
        correction_request(pq42842, TODAY, state)
    # Nor once it needs re-review: the last word on it is still a dismissal.
    stale = ReviewState(pq42842.id, ReviewStatus.NEEDS_REREVIEW, review, ("changed",))
    with pytest.raises(FindingError):
        correction_request(pq42842, TODAY, stale)


def test_dismissing_then_asking_for_a_letter_fails_on_the_command_line(outputs_app, seed_copy,
                                                                       pq42842):
    where = ["--claims", str(seed_copy / "claims"), "--evidence", str(seed_copy / "evidence")]
    dismissed = runner.invoke(outputs_app, ["review", pq42842.id, "--dismiss", "--by", "B. Checker",
                                            "--note", "draft only", *where])
    assert dismissed.exit_code == 0, dismissed.output
    result = runner.invoke(outputs_app, ["correction", pq42842.id, *where,
                                         "--out", str(seed_copy / "reports")])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"claimcheck: finding {pq42842.id}: a reviewer dismissed it")
    assert not (seed_copy / "reports").exists()


def test_an_unknown_finding_is_one_line_naming_the_statement_s_findings(outputs_app, seed_copy):
    result = runner.invoke(outputs_app, ["correction", f"{PQ_42842}:0000000000",
                                         "--claims", str(seed_copy / "claims"),
                                         "--evidence", str(seed_copy / "evidence")])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"claimcheck: finding {PQ_42842}:0000000000: no such finding; "
                                    f"the findings of {PQ_42842} are ")


def test_a_department_s_press_line_is_addressed_to_the_department(seed_result):
    press = next(f for f in seed_result.findings if f.verdict is Verdict.CONTRADICTED
                 and f.statement.venue == "press")
    text = letter_markdown(correction_request(press, TODAY))
    assert "Dear Sir or Madam," in text and "the Department said, as reported by Schools Week:" in text
    assert "made outside Parliament" in text


def test_outside_text_in_a_letter_is_inert_markdown(hostile_result):
    finding = hostile_result.findings[0]
    text = letter_markdown(correction_request(finding, TODAY))
    assert "<script>" not in text and "\\<script\\>" in text


def test_an_unedited_draft_is_replaced_by_the_new_one(tmp_path, pq42842):
    letter = correction_request(pq42842, TODAY)
    first = write_letter(letter, tmp_path)
    again = write_letter(correction_request(pq42842, TODAY + dt.timedelta(days=1)), tmp_path)
    assert again.paths == first.paths and again.kept == ()
    assert "6 January 2026" in first.paths[0].read_text(encoding="utf-8")


def test_an_edited_draft_is_kept_and_the_new_one_is_numbered(tmp_path, pq42842):
    letter = correction_request(pq42842, TODAY)
    markdown, word = write_letter(letter, tmp_path).paths
    markdown.write_text(markdown.read_text(encoding="utf-8") + "\nP.S. my own words\n",
                        encoding="utf-8")
    second = write_letter(letter, tmp_path)
    assert second.kept == (markdown,)
    assert [p.name for p in second.paths] == [f"{markdown.stem}-2.md", f"{markdown.stem}-2.docx"]
    assert markdown.read_text(encoding="utf-8").endswith("P.S. my own words\n")
    # The numbered draft is claimcheck's own until edited, so the next run replaces it.
    third = write_letter(letter, tmp_path)
    assert third.paths == second.paths and third.kept == (markdown,)


def test_an_edited_word_draft_counts_too_and_force_overwrites(tmp_path, pq42842):
    letter = correction_request(pq42842, TODAY)
    markdown, word = write_letter(letter, tmp_path).paths
    word.write_bytes(word.read_bytes() + b"\0")
    assert write_letter(letter, tmp_path).kept == (word,)
    forced = write_letter(letter, tmp_path, force=True)
    assert forced.paths == (markdown, word) and forced.kept == ()


def test_a_draft_claimcheck_has_no_record_of_is_kept(tmp_path, pq42842):
    letter = correction_request(pq42842, TODAY)
    markdown = tmp_path / f"{letter_filename(pq42842.id)}.md"
    markdown.write_text("Someone's letter\n", encoding="utf-8")
    written = write_letter(letter, tmp_path)
    assert written.kept == (markdown,)
    assert markdown.read_text(encoding="utf-8") == "Someone's letter\n"


def test_correction_run_again_says_what_it_kept_and_where_letters_live(outputs_app, seed_copy,
                                                                       pq42842):
    out = seed_copy / "reports"
    args = ["correction", pq42842.id, "--claims", str(seed_copy / "claims"),
            "--evidence", str(seed_copy / "evidence"), "--out", str(out), "--by", "Jo Bloggs"]
    assert runner.invoke(outputs_app, args).exit_code == 0
    stem = out / "corrections" / letter_filename(pq42842.id)
    stem.with_suffix(".md").write_text("edited\n", encoding="utf-8")
    result = runner.invoke(outputs_app, args)
    assert result.exit_code == 0, result.output
    assert f"wrote {stem}-2.md" in result.stdout
    stderr = " ".join(result.stderr.split())
    assert (f"kept {stem}.md: it was edited since claimcheck wrote it (--force overwrites it)"
            in stderr)
    assert (f"note: letters are kept in {out / 'corrections'}. The default reports/ folder is "
            f"ignored by git; to keep a letter in git, add it with 'git add -f {stem}-2.md'"
            in stderr)
    assert stem.with_suffix(".md").read_text(encoding="utf-8") == "edited\n"
