"""Reviews: decisions kept in reviews.toml beside the corpus, surviving re-checks, flagged for
re-review when what was reviewed changes."""

import datetime as dt
import re

import pytest
from typer.testing import CliRunner

from claimcheck.cli.root import app as claimcheck_app
from claimcheck.corpus.load import load_corpus
from claimcheck.errors import ReviewError
from claimcheck.pipeline.run import check_corpus, lexicon_for
from claimcheck.review.store import (
    Review,
    ReviewStatus,
    decide,
    fingerprint,
    load_reviews,
    review_status,
    reviews_path,
    reviews_toml,
)

from ..conftest import shared_embedder
from .conftest import PQ_42842

runner = CliRunner()
MOU = "2015-12-18-mou-home-office-dfe-v1-0"


def recheck(folder, nlp):
    corpus = load_corpus(folder / "claims", folder / "evidence", strict=True)
    return check_corpus(corpus, nlp, lexicon_for(folder / "claims"), embedder=shared_embedder())


def where(folder) -> list[str]:
    return ["--claims", str(folder / "claims"), "--evidence", str(folder / "evidence")]


def test_the_file_round_trips_sorted_and_escaped(tmp_path, pq42842):
    hostile = 'He said "no"\\ then\nleft \x07 \t ok ☃'
    reviews = {pq42842.id: decide(pq42842, "confirmed", "A. Reviewer", dt.date(2026, 1, 5),
                                  hostile),
               "0-first:1": Review("0-first:1", "dismissed", "B", dt.date(2026, 1, 6), "f" * 64)}
    text = reviews_toml(reviews)
    assert text.index('["0-first:1"]') < text.index(f'["{pq42842.id}"]')
    path = tmp_path / "reviews.toml"
    path.write_text(text, encoding="utf-8")
    loaded = load_reviews(path)
    assert loaded[pq42842.id].note == hostile.strip()
    assert loaded == reviews
    assert f'evidence = ["{MOU}@' in text


def test_a_decision_survives_a_rerun_of_claimcheck_check(outputs_app, seed_copy, nlp, pq42842):
    recorded = runner.invoke(outputs_app, ["review", pq42842.id, "--confirm", "--by",
                                           "A. Reviewer", "--note", "checked para 15.2.6",
                                           *where(seed_copy)])
    assert recorded.exit_code == 0, recorded.output
    path = reviews_path(seed_copy / "claims")
    assert path == seed_copy / "reviews.toml"
    assert f"confirmed {pq42842.id} (by A. Reviewer); recorded in {path}" in recorded.stdout
    before = path.read_text(encoding="utf-8")
    checked = runner.invoke(claimcheck_app, ["check", *where(seed_copy),
                                             "--out", str(seed_copy / "reports")])
    assert checked.exit_code == 0, checked.output
    assert path.read_text(encoding="utf-8") == before
    states = review_status(recheck(seed_copy, nlp).findings, load_reviews(path))
    assert states[pq42842.id].status is ReviewStatus.CONFIRMED
    listed = runner.invoke(outputs_app, ["review", *where(seed_copy)])
    assert pq42842.id not in listed.stdout
    total = len(recheck(seed_copy, nlp).findings)
    assert f"\n{total - 1} of {total} findings waiting for review\n" in listed.stdout


def test_editing_an_evidence_quote_flags_the_reviewed_findings_that_cite_it(
        outputs_app, seed_copy, nlp, seed_result):
    quoted = next(c.quote for f in seed_result.findings for c in f.evidence
                  if c.evidence_id == MOU)
    citing = [f for f in seed_result.findings
              if any(c.evidence_id == MOU and c.quote == quoted for c in f.evidence)]
    other = next(f for f in seed_result.findings
                 if f.evidence and not any(c.evidence_id == MOU for c in f.evidence))
    assert len(citing) >= 2
    for finding in citing[:2] + [other]:
        done = runner.invoke(outputs_app, ["review", finding.id, "--confirm", "--by", "A. Reviewer",
                                           *where(seed_copy)])
        assert done.exit_code == 0, done.output
    mou = seed_copy / "evidence" / f"{MOU}.md"
    text = mou.read_text(encoding="utf-8")
    assert quoted in text
    mou.write_text(text.replace(quoted, quoted.replace(" the ", " the whole ", 1)),
                   encoding="utf-8")

    states = review_status(recheck(seed_copy, nlp).findings,
                           load_reviews(seed_copy / "reviews.toml"))
    for finding in citing[:2]:
        state = states[finding.id]
        assert state.status is ReviewStatus.NEEDS_REREVIEW
        assert state.reasons == (f"the quoted text of {MOU} changed",)
        assert state.review.decision == "confirmed"
    assert states[other.id].status is ReviewStatus.CONFIRMED
    listed = runner.invoke(outputs_app, ["review", *where(seed_copy)])
    assert f"needs re-review  contradicted  {citing[0].id}" in listed.stdout
    assert f"changed: the quoted text of {MOU} changed" in listed.stdout


def test_rewording_a_claim_carries_its_review_over_as_needing_re_review(seed_copy, nlp, pq42842):
    reviews = {pq42842.id: decide(pq42842, "confirmed", "A. Reviewer", dt.date(2026, 1, 5))}
    claim_file = seed_copy / "claims" / f"{PQ_42842}.md"
    text = claim_file.read_text(encoding="utf-8")
    claim_file.write_text(text.replace("There are currently no plans", "There are at present no "
                                       "plans"), encoding="utf-8")
    findings = recheck(seed_copy, nlp).findings
    reworded = next(f for f in findings if f.statement.id == PQ_42842
                    and "at present no plans" in f.claim.text)
    assert reworded.id != pq42842.id
    state = review_status(findings, reviews)[reworded.id]
    assert state.status is ReviewStatus.NEEDS_REREVIEW
    assert state.reasons[0] == "the claim's wording changed"


def test_a_changed_verdict_is_a_reason(pq42842):
    from dataclasses import replace

    from claimcheck.model import Verdict
    review = decide(pq42842, "confirmed", "A", dt.date(2026, 1, 5))
    later = replace(pq42842, verdict=Verdict.UNVERIFIED, evidence=())
    assert fingerprint(later) != review.fingerprint
    state = review_status([later], {pq42842.id: review})[pq42842.id]
    assert state.reasons == ("the verdict changed from contradicted to unverified",
                             *(f"{e} is no longer cited" for e in sorted({c.evidence_id for c in pq42842.evidence})))


def test_a_decision_needs_a_reviewer(outputs_app, seed_copy, pq42842, monkeypatch):
    monkeypatch.delenv("CLAIMCHECK_REVIEWER", raising=False)
    result = runner.invoke(outputs_app, ["review", pq42842.id, "--confirm", *where(seed_copy)])
    assert result.exit_code == 1
    assert result.stderr == "claimcheck: field '--by': say who reviewed it (--by NAME)\n"
    monkeypatch.setenv("CLAIMCHECK_REVIEWER", "C. Env")
    result = runner.invoke(outputs_app, ["review", pq42842.id, "--dismiss", *where(seed_copy)])
    assert result.exit_code == 0 and "(by C. Env)" in result.stdout


@pytest.mark.parametrize("text, message", [
    ('["x"]\ndecision = "maybe"\nby = "A"\ndate = 2026-01-01\nfingerprint = "f"\n',
     "field 'x.decision': decision must be one of confirmed, dismissed"),
    ('["x"]\ndecision = "confirmed"\nby = "A"\ndate = "5/1/2026"\nfingerprint = "f"\n',
     "field 'x.date': date must be YYYY-MM-DD"),
    ('["x"\n', "not valid TOML"),
])
def test_a_malformed_reviews_file_is_named_with_the_field(tmp_path, text, message):
    path = tmp_path / "reviews.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ReviewError, match=re.escape(message)) as error:
        load_reviews(path)
    assert str(error.value).startswith(str(path))


def test_confirm_and_dismiss_together_are_a_usage_error(seed_copy, pq42842):
    result = runner.invoke(claimcheck_app, ["review", pq42842.id, "--confirm", "--dismiss", "--by",
                                         "A. Reviewer", *where(seed_copy)])
    assert result.exit_code == 2
    assert ("Invalid value for --confirm / --dismiss: give one of them: a finding is confirmed "
            "or dismissed, not both") in " ".join(result.stderr.split())
    assert not reviews_path(seed_copy / "claims").exists()


def test_a_note_without_a_finding_is_a_usage_error(seed_copy):
    result = runner.invoke(claimcheck_app, ["review", "--note", "checked", *where(seed_copy)])
    assert result.exit_code == 2
    assert "give the id of the finding to review" in result.stderr


def test_a_note_alone_is_recorded_and_the_finding_stays_unreviewed(seed_copy,
                                                                    pq42842):
    result = runner.invoke(claimcheck_app, ["review", pq42842.id, "--note", "asked the DfE press "
                                         "office", "--by", "A. Reviewer", *where(seed_copy)])
    assert result.exit_code == 0, result.output
    path = reviews_path(seed_copy / "claims")
    assert result.stdout == f"noted {pq42842.id} (by A. Reviewer); recorded in {path}\n"
    review = load_reviews(path)[pq42842.id]
    assert (review.decision, review.note, review.by) == ("", "asked the DfE press office",
                                                         "A. Reviewer")
    state = review_status([pq42842], load_reviews(path))[pq42842.id]
    assert state.status is ReviewStatus.UNREVIEWED
    shown = runner.invoke(claimcheck_app, ["review", pq42842.id, *where(seed_copy)])
    assert "  note: asked the DfE press office" in shown.stdout
    assert f"  review: unreviewed (noted by A. Reviewer on {human_today()})" in shown.stdout


def test_a_note_alone_keeps_the_decision_standing(seed_copy, pq42842):
    for extra in (["--confirm", "--note", "para 15.2.6"], ["--note", "MoU v1.0 re-read"]):
        done = runner.invoke(claimcheck_app, ["review", pq42842.id, *extra, "--by", "A. Reviewer",
                                           *where(seed_copy)])
        assert done.exit_code == 0, done.output
    review = load_reviews(reviews_path(seed_copy / "claims"))[pq42842.id]
    assert (review.decision, review.note) == ("confirmed", "para 15.2.6")
    assert [(e.decision, e.note) for e in review.history] == [("", "MoU v1.0 re-read")]


def test_changing_someone_elses_decision_says_whose_and_when_and_keeps_it(seed_copy,
                                                                          pq42842):
    first = runner.invoke(claimcheck_app, ["review", pq42842.id, "--confirm", "--note",
                                        "para 15.2.6", "--by", "A. Reviewer", *where(seed_copy)])
    assert first.exit_code == 0 and first.stderr == ""
    second = runner.invoke(claimcheck_app, ["review", pq42842.id, "--dismiss", "--note",
                                         "v1.0 was never in force", "--by", "B. Reviewer",
                                         *where(seed_copy)])
    assert second.exit_code == 0, second.output
    path = reviews_path(seed_copy / "claims")
    assert second.stderr == (f"note: this replaces the decision confirmed by A. Reviewer on "
                             f"{human_today()} (para 15.2.6); it is kept in the history in "
                             f"{path}\n")
    review = load_reviews(path)[pq42842.id]
    assert (review.decision, review.by, review.note) == ("dismissed", "B. Reviewer",
                                                         "v1.0 was never in force")
    assert [(e.decision, e.by, e.date, e.note) for e in review.history] == [
        ("confirmed", "A. Reviewer", dt.date.today(), "para 15.2.6")]
    assert '[["2016-07-25-gibb-pq-42842:' in path.read_text(encoding="utf-8")
    shown = runner.invoke(claimcheck_app, ["review", pq42842.id, *where(seed_copy)])
    assert (f"  earlier: confirmed by A. Reviewer on {human_today()}: para 15.2.6"
            in shown.stdout)


def human_today() -> str:
    today = dt.date.today()
    return f"{today.day} {today.strftime('%B')} {today.year}"
