"""Scoring a check against gold labels: metrics on hand-made cases whose numbers are known, gold-file
validation, and ``claimcheck eval`` run in-process."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from claimcheck.cli.evaluate import eval_command
from claimcheck.corpus.load import load_corpus
from claimcheck.dates import parse_date
from claimcheck.errors import EvalError, InputError
from claimcheck.evaluate.gold import Gold, GoldLabel, evaluate, load_gold
from claimcheck.model import (
    Analysis,
    CheckResult,
    Citation,
    Claim,
    Corpus,
    Evidence,
    Finding,
    Problem,
    Statement,
    Verdict,
)

from .conftest import ROOT

C, R, O, S, U = (Verdict.CONTRADICTED, Verdict.CORRECTED, Verdict.OVERTAKEN, Verdict.SUPPORTED,
                 Verdict.UNVERIFIED)


# ---------------------------------------------------------------------- builders

def statement(sid: str, date: str = "2016-07-25") -> Statement:
    return Statement(id=sid, date=parse_date(date), speaker="A Minister", venue="written-answer",
                     text=f"Text of {sid}.")


def cite(evidence_id: str, relation: str = "contradicts", fact_date: str = "2015-07") -> Citation:
    day = parse_date(fact_date)
    return Citation(evidence_id=evidence_id, title=evidence_id, kind="agreement", relation=relation,
                    quote="A quote.", fact_date=day, document_date=day, disclosed=day)


def finding(st: Statement, verdict: Verdict, *citations: Citation, n: int = 1,
            confidence: float = 0.8) -> Finding:
    claim = Claim(f"{st.id}#{n}", st.id, Analysis(text=st.text, start=0, end=len(st.text),
                                                   propositions=()))
    return Finding(id=f"f-{st.id}-{n}", statement=st, claim=claim, verdict=verdict,
                   confidence=confidence, rationale=f"{verdict.value} because.",
                   evidence=tuple(citations))


def result(statements: list[Statement], findings: list[Finding],
           evidence_ids: tuple[str, ...] = ("mou", "correction", "later"),
           problems: tuple[Problem, ...] = ()) -> CheckResult:
    evidence = tuple(Evidence(id=e, title=e, kind="agreement", date=parse_date("2015"), text="T.")
                     for e in evidence_ids)
    return CheckResult(Corpus(tuple(statements), evidence, problems), tuple(findings), problems)


def gold(*labels: tuple[str, Verdict] | tuple[str, Verdict, tuple[str, ...]]) -> Gold:
    made = []
    for label in labels:
        sid, verdict, *rest = label
        expected = rest[0] if rest else (("mou",) if verdict is C else
                                         ("correction",) if verdict is R else ())
        made.append(GoldLabel(sid, verdict, expected))
    return Gold(Path("gold.toml"), tuple(made))


def scored(pairs: list[tuple[Verdict, Verdict]]):
    """Evaluate one statement per (gold, predicted) pair, each finding citing the expected id."""
    statements = [statement(f"s{i}") for i in range(len(pairs))]
    findings = [finding(st, predicted, cite("mou" if predicted is C else "correction",
                                            "contradicts" if predicted is C else "corrects"))
                if predicted in (C, R) else finding(st, predicted)
                for st, (_, predicted) in zip(statements, pairs, strict=True)]
    labels = gold(*[(st.id, g) for st, (g, _) in zip(statements, pairs, strict=True)])
    return evaluate(result(statements, findings), labels)


# ---------------------------------------------------------------------- metrics

def test_precision_recall_and_f1_for_contradicted():
    report = scored([(C, C)] * 3 + [(S, C)] + [(C, U), (C, O)] + [(U, U)] * 2)
    assert (report.scores.true_positives, report.scores.false_positives,
            report.scores.false_negatives) == (3, 1, 2)
    assert report.scores.precision == 0.75
    assert report.scores.recall == 0.6
    assert report.scores.f1 == pytest.approx(2 / 3)
    assert report.to_dict()["contradicted"] == {
        "precision": 0.75, "recall": 0.6, "f1": 0.6667,
        "true_positives": 3, "false_positives": 1, "false_negatives": 2}


def test_precision_is_undefined_when_nothing_is_flagged():
    report = scored([(C, U), (U, U)])
    assert report.scores.precision is None
    assert report.scores.recall == 0.0
    assert report.scores.f1 == 0.0
    assert report.to_dict()["contradicted"]["precision"] is None


def test_nothing_to_find_and_nothing_found_leaves_every_ratio_undefined():
    report = scored([(S, S), (U, U)])
    assert (report.scores.precision, report.scores.recall, report.scores.f1) == (None, None, None)
    assert report.accuracy == 1.0


def test_accuracy_per_verdict_and_the_confusion_matrix():
    report = scored([(C, C), (C, U), (R, R), (O, U), (O, O), (S, S), (S, O), (S, U), (U, U)])
    per = {a.verdict: (a.gold, a.correct, a.accuracy) for a in report.per_verdict}
    assert per == {C: (2, 1, 0.5), R: (1, 1, 1.0), O: (2, 1, 0.5), S: (3, 1, 1 / 3),
                   U: (1, 1, 1.0)}
    assert report.accuracy == 5 / 9
    assert report.confusion == ((1, 0, 0, 0, 1),
                                (0, 1, 0, 0, 0),
                                (0, 0, 1, 0, 1),
                                (0, 0, 1, 1, 1),
                                (0, 0, 0, 0, 1))
    matrix = report.to_dict()["confusion"]
    assert matrix["labels"] == ["contradicted", "corrected", "overtaken", "supported",
                                "unverified"]
    assert matrix["matrix"][3] == [0, 0, 1, 1, 1]
    assert [o.statement_id for o in report.disagreements] == ["s1", "s3", "s6", "s7"]


def test_a_statement_takes_the_most_serious_verdict_of_its_claims():
    st = statement("s")
    findings = [finding(st, S, n=1), finding(st, C, cite("mou"), n=2), finding(st, U, n=3)]
    report = evaluate(result([st], findings), gold(("s", C)))
    assert report.outcomes[0].predicted is C
    assert report.scores.true_positives == 1


# ---------------------------------------------------------------------- citations

def test_citation_share_counts_flagged_statements_grounded_in_the_expected_evidence():
    sts = [statement(f"s{i}") for i in range(5)]
    findings = [
        finding(sts[0], C, cite("mou")),                                  # grounded
        finding(sts[1], C, cite("later"), cite("mou", "supports")),      # mou only as support
        finding(sts[2], R, cite("correction", "corrects")),               # grounded
        finding(sts[3], C, cite("later")),                                # a false positive
        finding(sts[4], S, cite("mou", "supports")),                      # not flagged
    ]
    report = evaluate(result(sts, findings),
                      gold(("s0", C), ("s1", C), ("s2", R), ("s3", U), ("s4", S, ("mou",))))
    assert len(report.flagged) == 4
    assert report.citing_expected == 2
    assert report.citation_share == 0.5
    assert report.to_dict()["citation"] == {"flagged": 4, "citing_expected": 2, "share": 0.5,
                                            "not_citing": ["s1", "s3"]}


def test_a_statement_cites_through_any_of_its_flagged_claims():
    st = statement("s")
    findings = [finding(st, C, cite("later"), n=1, confidence=0.9),
                finding(st, C, cite("mou"), n=2, confidence=0.6)]
    report = evaluate(result([st], findings), gold(("s", C)))
    assert report.outcomes[0].cited == ("later", "mou")
    assert report.citation_share == 1.0


# ---------------------------------------------------------------------- temporal leaks

def test_temporal_leaks_are_contradictions_resting_only_on_later_or_unplaced_facts():
    sts = [statement(f"s{i}", "2016-07-25") for i in range(6)]
    findings = [
        finding(sts[0], C, cite("mou", fact_date="2015-07")),                  # before: fine
        finding(sts[1], C, cite("later", fact_date="2016-10-18")),             # after: leak
        finding(sts[2], C, cite("later", fact_date="2016")),                   # undecided: leak
        finding(sts[3], C, cite("later", fact_date="2016-10"),
                cite("mou", fact_date="2016-07-25")),                          # same day: fine
        finding(sts[4], C, cite("mou", "supports", fact_date="2015")),         # nothing contradicts
        finding(sts[5], O, cite("later", "overtakes", fact_date="2016-10")),   # not contradicted
    ]
    report = evaluate(result(sts, findings), gold(*[(st.id, C) for st in sts]))
    assert [(leak.statement_id, leak.fact_dates) for leak in report.leaks] == [
        ("s1", ("2016-10-18",)), ("s2", ("2016",)), ("s4", ())]
    assert report.to_dict()["temporal_leaks"]["count"] == 3


def test_leaks_are_counted_over_every_finding_labelled_or_not():
    st = statement("unlabelled")
    report = evaluate(result([st], [finding(st, C, cite("later", fact_date="2017"))]),
                      gold(("elsewhere", U)))
    assert len(report.leaks) == 1


# ---------------------------------------------------------------------- coverage

def test_what_cannot_be_compared_is_reported_not_ignored():
    sts = [statement("both"), statement("unlabelled"), statement("silent")]
    problem = Problem(Path("claims/bad.md"), "2016-02-30 does not exist", "date")
    report = evaluate(result(sts, [finding(sts[0], C, cite("mou")), finding(sts[1], S)],
                             problems=(problem,)),
                      gold(("both", C, ("mou", "gone")), ("silent", S), ("bad", C)))
    assert report.missing_from_corpus == ("bad",)
    assert report.unlabelled == ("unlabelled",)
    assert report.without_claims == ("silent",)
    assert report.unknown_evidence == (("both", "gone"),)
    assert report.problems == ("claims/bad.md, field 'date': 2016-02-30 does not exist",)
    assert [(o.statement_id, o.predicted) for o in report.outcomes] == [("both", C), ("silent", U)]
    coverage = report.to_dict()["coverage"]
    assert coverage["missing_from_corpus"] == ["bad"]
    assert coverage["without_claims"] == ["silent"]


# ---------------------------------------------------------------------- gold files

def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "gold.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_gold_file_loads_into_labels(tmp_path):
    path = write(tmp_path, '[statements."pq-1"]\nverdict = "contradicted"\n'
                           'evidence = ["mou"]\nnote = "why"\n\n'
                           '[statements."pq-2"]\nverdict = "unverified"\n')
    loaded = load_gold(path)
    assert loaded.labels == (GoldLabel("pq-1", C, ("mou",), "why"), GoldLabel("pq-2", U))


@pytest.mark.parametrize("text, message", [
    ('[statements."s"]\nverdict = "contradicted\n',
     ": not valid TOML: Illegal character '\\n' (at line 2, column 24)"),
    ('[statements."s"]\nverdict = "contradicted"\nevidence = []\n',
     (", field 'statements.\"s\".evidence': a contradicted label must name the evidence a correct "
      "finding cites")),
    ('[statements."s"]\nverdict = "contradictd"\n',
     (", field 'statements.\"s\".verdict': 'contradictd' is not one of contradicted, corrected, "
      "overtaken, supported, unverified (did you mean 'contradicted'?)")),
    ('[statements."s"]\nevidence = []\n',
     (", field 'statements.\"s\".verdict': missing; one of contradicted, corrected, overtaken, "
      "supported, unverified")),
    ('[statements."s"]\nverdict = "supported"\nevidnce = ["x"]\n',
     (", field 'statements.\"s\".evidnce': unknown key; a label has verdict, evidence, note, kind "
      "(did you mean 'evidence'?)")),
    ('[statements."s"]\nverdict = "supported"\nevidence = "mou"\n',
     ", field 'statements.\"s\".evidence': must be a list of evidence ids (file names without .md)"),
    ('[statements]\n',
     ", field 'statements': no statements labelled; add a [statements.\"<statement id>\"] table"),
    ('[labels."s"]\nverdict = "supported"\n',
     ", field 'labels': unknown top-level key; a gold file holds only [statements.\"<id>\"] tables"),
    ('statements = ["s"]\n',
     ", field 'statements': must be tables, one per statement: [statements.\"<statement id>\"]"),
])
def test_a_bad_gold_file_is_named_with_the_key(tmp_path, text, message):
    path = write(tmp_path, text)
    with pytest.raises(EvalError) as error:
        load_gold(path)
    assert isinstance(error.value, InputError)
    assert str(error.value) == f"{path}{message}"


def test_a_missing_gold_file_is_named(tmp_path):
    with pytest.raises(EvalError, match=r"nope\.toml: no such gold file$"):
        load_gold(tmp_path / "nope.toml")


@pytest.mark.parametrize("gold_file, claims", [
    ("eval/seed-gold.toml", "claims"),
    ("eval/outside/gold.toml", "eval/outside/claims"),
])
def test_the_shipped_gold_files_label_every_statement_of_their_corpus(gold_file, claims):
    labels = load_gold(ROOT / gold_file).by_id()
    corpus = load_corpus(ROOT / claims, ROOT / claims / "../evidence")
    assert not corpus.problems
    assert sorted(labels) == sorted(s.id for s in corpus.statements)
    evidence = {e.id for e in corpus.evidence}
    assert {e for label in labels.values() for e in label.evidence} <= evidence


# ---------------------------------------------------------------------- the command

def eval_app() -> typer.Typer:
    """The command as cli.py registers it: ``app.command("eval")(eval_command)``."""
    app = typer.Typer()
    app.command("eval")(eval_command)

    @app.callback()
    def main() -> None:
        """claimcheck"""
    return app


runner = CliRunner()


def plain(text: str) -> str:
    """Terminal output without the boxes rich draws around errors, on one line."""
    return " ".join(re.sub(r"[\u2500-\u257f]", " ", text).split())


@pytest.fixture
def shared_nlp(monkeypatch, nlp):
    monkeypatch.setattr("claimcheck.extract.nlp.load_pipeline", lambda *names: nlp)


def test_eval_json_on_the_embedded_corpus_has_every_metric(shared_nlp, tmp_path):
    result = runner.invoke(eval_app(), ["eval", "--gold", str(ROOT / "eval/seed-gold.toml"),
                                        "--cache-dir", str(tmp_path / "cache"),
                                        "--claims", str(ROOT / "claims"),
                                        "--evidence", str(ROOT / "evidence"), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert {"statements", "contradicted", "accuracy", "accuracy_per_verdict", "confusion",
            "citation", "temporal_leaks", "coverage", "outcomes"} <= set(data)
    assert {"precision", "recall", "f1"} <= set(data["contradicted"])
    assert set(data["accuracy_per_verdict"]) == {"contradicted", "corrected", "overtaken",
                                                 "supported", "unverified"}
    assert len(data["confusion"]["matrix"]) == 5
    assert {"share", "flagged", "citing_expected"} <= set(data["citation"])
    assert isinstance(data["temporal_leaks"]["count"], int)
    assert data["statements"] == 21
    assert data["coverage"]["missing_from_corpus"] == data["coverage"]["unlabelled"] == []


@pytest.mark.parametrize("as_json", [True, False])
def test_eval_aggregate_names_no_statement_finding_or_document(shared_nlp, tmp_path, as_json):
    """What may be read of a blind corpus: its counts, none of its cases. The full report of the
    same run names them (the twin)."""
    args = ["eval", "--gold", str(ROOT / "eval/seed-gold.toml"),
            "--cache-dir", str(tmp_path / "cache"), "--claims", str(ROOT / "claims"),
            "--evidence", str(ROOT / "evidence")] + (["--json"] if as_json else [])
    whole = runner.invoke(eval_app(), args)
    counts = runner.invoke(eval_app(), args + ["--aggregate"])
    assert whole.exit_code == counts.exit_code == 0, counts.output
    ids = [p.stem for p in (ROOT / "claims").glob("*.md")] + \
        [p.stem for p in (ROOT / "evidence").glob("*.md")]
    assert any(i in whole.stdout for i in ids)
    assert not any(i in counts.stdout for i in ids)
    if as_json:
        assert json.loads(counts.stdout)["flagged"] == json.loads(whole.stdout)["flagged"]
    else:
        assert "flagged         precision 1.00  recall 1.00" in counts.stdout


def test_eval_prints_a_table_and_takes_the_gold_file_as_an_argument(shared_nlp):
    health = ROOT / "tests/fixtures/health"
    result = runner.invoke(eval_app(), ["eval", str(ROOT / "eval/seed-gold.toml"), "--no-cache",
                                        "--claims", str(health / "claims"),
                                        "--evidence", str(health / "evidence")])
    assert result.exit_code == 0, result.output
    assert "0 statements compared" in result.stdout
    assert "precision n/a  recall n/a  F1 n/a" in result.stdout
    assert "confusion (rows: gold, columns: claimcheck)" in result.stdout
    assert "labelled but not in the corpus: 21" in result.stdout
    assert "in the corpus but not labelled: 5" in result.stdout


def test_eval_with_a_bad_gold_file_fails_with_one_line(tmp_path):
    path = write(tmp_path, '[statements."s"]\nverdict = "wrong"\n')
    result = runner.invoke(eval_app(), ["eval", "--gold", str(path), "--no-cache"])
    assert result.exit_code == 1
    assert result.stderr == (f"claimcheck: {path}, field 'statements.\"s\".verdict': 'wrong' is "
                             "not one of contradicted, corrected, overtaken, supported, "
                             "unverified\n")


@pytest.mark.parametrize("args", [[], ["a.toml", "--gold", "b.toml"]])
def test_eval_needs_the_gold_file_exactly_once(args):
    result = runner.invoke(eval_app(), ["eval", *args])
    assert result.exit_code == 2
    assert "give the gold file once: GOLD or --gold FILE" in plain(result.stderr)


def test_eval_has_help_text():
    result = runner.invoke(eval_app(), ["eval", "--help"])
    assert result.exit_code == 0
    assert "confusion matrix" in result.stdout


def test_missed_positives_count_the_expected_evidence_among_their_leads():
    sts = [statement(f"s{i}") for i in range(4)]
    findings = [
        finding(sts[0], U, cite("mou", "lead")),       # missed, the expected evidence a lead
        finding(sts[1], U, cite("other", "lead")),     # missed, another lead
        finding(sts[2], C, cite("mou")),               # found: not a miss
        finding(sts[3], U, cite("mou", "lead")),       # not a positive
    ]
    report = evaluate(result(sts, findings), gold(("s0", C, ("mou",)), ("s1", C, ("mou",)),
                                                  ("s2", C, ("mou",)), ("s3", U)))
    assert len(report.missed) == 2 and report.missed_with_lead == 1
    assert report.to_dict()["leads"] == {"missed_positives": 2, "with_expected_evidence_as_lead": 1}
    # A lead grounds nothing: the unverified statement cites no evidence.
    assert next(o for o in report.outcomes if o.statement_id == "s3").cited == ()
