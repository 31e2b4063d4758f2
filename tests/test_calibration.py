"""A verdict's confidence is the share of its kind that was right on corpora nobody had tuned on."""

import tomllib
from importlib import resources

import pytest

from claimcheck.corpus.load import load_corpus
from claimcheck.evaluate.gold import Gold, GoldLabel, evaluate
from claimcheck.judge import rules
from claimcheck.judge.calibration import Calibration, FirstLook, load_calibration, smoothed_share
from claimcheck.model import Verdict
from claimcheck.pipeline.run import check_corpus, statement_verdicts

from .conftest import shared_embedder, write_item


def test_a_share_is_smoothed_towards_one_half():
    assert smoothed_share(0, 0) == 0.5
    assert smoothed_share(0, 3) == 0.2
    assert smoothed_share(6, 7) == 0.78
    assert smoothed_share(98, 98) == 0.99
    with pytest.raises(ValueError):
        smoothed_share(4, 3)


def test_confidence_pools_every_first_look():
    looks = (FirstLook("a", "x", {Verdict.CONTRADICTED: (1, 4), Verdict.SUPPORTED: (3, 3)}),
             FirstLook("b", "y", {Verdict.CONTRADICTED: (1, 4)}))
    calibration = Calibration(looks)
    assert calibration.counts(Verdict.CONTRADICTED) == (2, 8)
    assert calibration.confidence(Verdict.CONTRADICTED) == 0.3
    assert calibration.confidence(Verdict.SUPPORTED) == 0.8
    # A verdict no first look gave says nothing either way.
    assert calibration.confidence(Verdict.OVERTAKEN) == 0.5
    assert "2 labelled corpora" in calibration.describe()
    assert "contradicted 0.30" in calibration.describe()


def test_the_shipped_calibration_is_well_formed():
    raw = tomllib.loads(resources.files("claimcheck").joinpath("data/calibration.toml")
                        .read_text("utf-8"))
    shipped = load_calibration()
    assert len(shipped.first_looks) == len(raw["first_look"]) >= 1
    for look in shipped.first_looks:
        assert look.set.startswith("eval/") and len(look.code) >= 7
        assert set(look.given) == set(Verdict)
        assert all(0 <= right <= given for right, given in look.given.values())


def _contradicted_corpus(root):
    claims, evidence = root / "claims", root / "evidence"
    write_item(claims, "s", {"date": "2016-09-26", "speaker": "Department for Education",
                             "department": "Department for Education", "venue": "press"},
               "The Department's pupil data will not be passed to the Home Office.")
    write_item(evidence, "foi", {"title": "FOI reply", "date": "2016-08-01",
                                 "kind": "foi-response"},
               "The Department shares pupil data with the Home Office every month.")
    return load_corpus(claims, evidence)


@pytest.mark.parametrize("right, given, shown", [(1, 8, 0.2), (7, 8, 0.8)])
def test_a_findings_confidence_is_its_verdicts_share_not_its_match_strength(
        nlp, lexicon, tmp_path, monkeypatch, right, given, shown):
    """The same corpus under two calibrations: the verdict stands, the confidence follows the
    first looks' share for that verdict."""
    looks = (FirstLook("eval/x", "abc1234", {Verdict.CONTRADICTED: (right, given)}),)
    monkeypatch.setattr(rules, "load_calibration", lambda: Calibration(looks))
    result = check_corpus(_contradicted_corpus(tmp_path), nlp, lexicon,
                          embedder=shared_embedder())
    finding = statement_verdicts(result.findings)["s"]
    assert finding.verdict is Verdict.CONTRADICTED
    assert finding.confidence == shown


def test_eval_counts_each_verdict_given_and_how_often_it_was_right(nlp, lexicon, tmp_path):
    """What a retired blind set's first look adds to data/calibration.toml."""
    result = check_corpus(_contradicted_corpus(tmp_path), nlp, lexicon,
                          embedder=shared_embedder())
    right = evaluate(result, Gold(tmp_path / "g.toml",
                                  (GoldLabel("s", Verdict.CONTRADICTED, ("foi",)),)))
    wrong = evaluate(result, Gold(tmp_path / "g.toml", (GoldLabel("s", Verdict.SUPPORTED),)))
    given = {v: (n, r) for v, n, r in right.by_verdict_given}
    assert given[Verdict.CONTRADICTED] == (1, 1)
    assert {v: (n, r) for v, n, r in wrong.by_verdict_given}[Verdict.CONTRADICTED] == (1, 0)
    assert sum(n for n, _ in given.values()) == 1
    assert right.to_dict()["by_verdict_given"]["contradicted"] == {"given": 1, "right": 1}

